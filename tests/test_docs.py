"""The README's commands are the ones CI runs, every command of the CLI is documented, and the docs name only
paths and names that exist."""

from __future__ import annotations

import importlib

import click
import pytest
import regex

from extract.cli import cli
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
# `extract/...` paths as the docs write them: a file, or a folder with its trailing slash.
PACKAGE_PATH = regex.compile(r"(?<![\w/.])extract/[\w./-]*")
# Dotted names in code spans, such as `extract.ingest.articles.segment`.
PACKAGE_NAME = regex.compile(r"`(?P<name>extract(?:\.\w+)+)`")
DOCS = {"README.md": README, "docs/architecture.md": ARCHITECTURE}
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
FENCED_BASH = regex.compile(r"```bash\n(?P<command>[^\n]+)\n```")


def test_readme_opens_with_the_two_setup_commands() -> None:
    commands = [match["command"] for match in FENCED_BASH.finditer(README)][:2]
    assert len(commands) == 2
    main_job, tests = commands
    assert main_job.startswith("python3 -m venv .venv") and "claims " in main_job
    assert tests.startswith("python3 -m venv .venv") and "pytest" in tests
    assert README.index(main_job) < 1200, "the commands come first"


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    tests = [match["command"] for match in FENCED_BASH.finditer(README)][1]
    assert tests in CI.splitlines()


def test_every_command_is_documented_in_the_readme() -> None:
    assert isinstance(cli, click.Group)
    for name in cli.commands:
        assert f"`claims {name}" in README, f"claims {name} is not in the README"


def test_every_fact_table_column_is_documented() -> None:
    from extract.table.schema import COLUMNS

    for column in COLUMNS:
        assert f"| `{column.name}` | {column.meaning} |" in README, column.name


@pytest.mark.parametrize("document", DOCS)
def test_every_package_path_named_in_the_docs_exists(document: str) -> None:
    named = {path.rstrip(".") for path in PACKAGE_PATH.findall(DOCS[document])}
    assert len(named) > 5, "the path pattern found too little to check"
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert not missing, f"{document} names paths that do not exist: {missing}"


@pytest.mark.parametrize("document", DOCS)
def test_every_dotted_name_in_the_docs_resolves(document: str) -> None:
    missing = []
    for name in sorted({match["name"] for match in PACKAGE_NAME.finditer(DOCS[document])}):
        parts = name.split(".")
        # The longest importable module prefix, then attributes: extract.ingest.articles + segment.
        for split in range(len(parts), 0, -1):
            try:
                found: object = importlib.import_module(".".join(parts[:split]))
            except ModuleNotFoundError:
                continue
            for attribute in parts[split:]:
                found = getattr(found, attribute, None)
            break
        if found is None:
            missing.append(name)
    assert not missing, f"{document} names what the package does not have: {missing}"
