"""Docs that run: every docstring example in the `extract` package, and the README's Python examples.

One case per module, so that a failing example names its module; a module without examples passes. The
README's ```python blocks run in a fresh interpreter from the repository root, as a reader would run them;
when the README shows what a block prints (a ```text block after a line ending in "prints:"), the output
must match it exactly.
"""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
import regex

import extract
from tests.helpers import ROOT

# Importing `extract.__main__` runs the command line, so it cannot be searched for examples; it holds none.
SCRIPTS = frozenset({"extract.__main__"})
MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(extract.__path__, prefix="extract.")
    if module.name not in SCRIPTS
)
PYTHON_EXAMPLE = regex.compile(
    r"```python\n(?P<code>.*?)```\n"
    r"(?:\n[^\n`]*prints:\n\n```text\n(?P<output>.*?)```\n)?",
    regex.DOTALL,
)
README_EXAMPLES = list(PYTHON_EXAMPLE.finditer((ROOT / "README.md").read_text(encoding="utf-8")))


def test_the_walk_finds_the_whole_package() -> None:
    # A guard on the parametrisation below: an empty or shallow walk would pass vacuously.
    assert {"extract", "extract.cli", "extract.table.schema", "extract.reports.html"} - {"extract", *MODULES} == set()
    assert any(name.startswith("extract.consistency.rules.") for name in MODULES)


@pytest.mark.parametrize("module_name", ["extract", *MODULES])
def test_docstring_examples(module_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples may name repository paths such as seeds/
    module = importlib.import_module(module_name)
    report = io.StringIO()
    runner = doctest.DocTestRunner()  # no option flags: an example passes only as `python -m doctest` would pass it
    failed = attempted = 0
    for test in doctest.DocTestFinder().find(module, module_name):
        result = runner.run(test, out=report.write)
        failed, attempted = failed + result.failed, attempted + result.attempted
    assert failed == 0, f"{failed} of {attempted} examples failed:\n{report.getvalue()}"


def test_the_readme_has_a_python_example() -> None:
    assert README_EXAMPLES, "README.md has no ```python block"
    assert any(example["output"] for example in README_EXAMPLES), "no README example shows what it prints"


@pytest.mark.parametrize(
    "example", README_EXAMPLES, ids=[f"readme-example-{number}" for number in range(1, len(README_EXAMPLES) + 1)]
)
def test_readme_python_example_runs(example: regex.Match[str], tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(example["code"], encoding="utf-8")
    # From the repository root, as the README's paths (seeds/) are relative to it; the examples write no files.
    done = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    assert done.returncode == 0, done.stderr
    if example["output"] is not None:
        assert done.stdout == example["output"]
