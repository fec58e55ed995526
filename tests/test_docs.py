"""The README's commands are the ones CI runs, every command of the CLI is documented, and the docs name only
paths and names that exist."""

from __future__ import annotations

import importlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

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
    names = cli.list_commands(click.Context(cli))
    assert len(names) >= 9
    for name in names:
        assert cli.get_command(click.Context(cli), name) is not None
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


# -- the README's CI workflow and pre-commit hook, run as written -------------------------------------------

YAML_BLOCK = regex.compile(r"```yaml\n(?P<body>.*?)```", regex.DOTALL)
WORKFLOW = next(m["body"] for m in YAML_BLOCK.finditer(README) if "jobs:" in m["body"])
HOOKS = next(m["body"] for m in YAML_BLOCK.finditer(README) if "hooks:" in m["body"])


def _yaml_value(text: str) -> str:
    """A scalar as these blocks write it: a trailing comment dropped (no value here holds a #)."""
    return regex.sub(r"\s+#.*$", "", text).strip()


def _steps(workflow: str) -> list[dict[str, str]]:
    """The steps of the workflow, each `- key: value` item with the `key: value` lines under it (PyYAML is not
    a dependency, and these blocks use no more YAML than that)."""
    lines = workflow.splitlines()
    start = next(number for number, line in enumerate(lines) if line.strip() == "steps:")
    steps: list[dict[str, str]] = []
    for line in lines[start + 1 :]:
        if item := regex.match(r"^\s*- ([\w-]+): ?(.*)$", line):
            steps.append({item[1]: _yaml_value(item[2])})
        elif (field := regex.match(r"^\s+([\w-]+): ?(.*)$", line)) and steps:
            steps[-1][field[1]] = _yaml_value(field[2])
    return steps


def _hook_entry(hooks: str) -> list[str]:
    entry = next(_yaml_value(line.split("entry:", 1)[1]) for line in hooks.splitlines() if "entry:" in line)
    return shlex.split(entry)


@pytest.fixture(scope="module")
def fresh_checkout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of the repository's inputs and outputs (not the files git ignores), the outputs made fresh so that
    each case alone decides the outcome, and an environment whose `claims` is this one."""
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "claims").exists():
        pytest.skip("the claims command is not installed beside this interpreter")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "CI": "true"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    folder = tmp_path_factory.mktemp("checkout")
    ignored = shutil.ignore_patterns("*.duckdb", "*.duckdb.wal", "*.parquet", "*.png", "*.tmp")
    for name in ("seeds", "data", "reports"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignored)
    fresh = _run("claims run seeds/", folder, env)
    assert fresh.returncode == 0, fresh.stderr
    for name in ("claims.duckdb", "facts.parquet"):  # a checkout has none
        (folder / "data" / name).unlink()
    return folder, env


def _checkout(fresh: tuple[Path, dict[str, str]], tmp_path: Path, case: str) -> Path:
    """`case`: ``reviewed`` (as this repository is meant to be), ``unreviewed`` (the seeds' flag has no verdict)
    or ``stale`` (the committed facts.csv lacks a row)."""
    folder = tmp_path / "checkout"
    shutil.copytree(fresh[0], folder)
    if case == "unreviewed":
        (folder / "reports" / "reviews.toml").unlink()
    if case == "stale":
        table = folder / "data" / "facts.csv"
        table.write_text("".join(table.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]), encoding="utf-8")
    return folder


def _run(command: str | list[str], folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    argv = ["sh", "-c", command] if isinstance(command, str) else command
    return subprocess.run(
        argv, cwd=folder, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=240, check=False
    )


def test_the_workflow_reports_and_uploads_also_when_the_gate_fails() -> None:
    steps = _steps(WORKFLOW)
    gate = next(n for n, step in enumerate(steps) if "--fail-on new" in step.get("run", ""))
    assert [step.get("run") or step.get("uses") for step in steps[gate + 1 :]] == [
        "claims report", "github/codeql-action/upload-sarif@v3"
    ]
    assert all(step.get("if") == "always()" for step in steps[gate + 1 :])
    assert steps[-1]["with"] == "{sarif_file: reports/discrepancies.sarif}"


# (the case, the exit status of each claims step of the workflow, None for one GitHub would skip; the hook's)
WORKFLOW_CASES = [
    pytest.param("reviewed", [0, 0, 0], 0, id="fresh-and-reviewed"),
    pytest.param("unreviewed", [0, 1, 0], 1, id="a-flag-without-a-verdict"),
    pytest.param("stale", [1, 0, 0], 0, id="a-stale-fact-table"),
]


@pytest.mark.parametrize(("case", "statuses", "hook_status"), WORKFLOW_CASES)
def test_the_readme_workflow_and_hook_run_on_a_copy_of_the_repository(
    fresh_checkout: tuple[Path, dict[str, str]], tmp_path: Path, case: str, statuses: list[int | None], hook_status: int
) -> None:
    folder, env = _checkout(fresh_checkout, tmp_path, case), fresh_checkout[1]
    failed = False
    ran: list[int | None] = []
    for step in _steps(WORKFLOW):
        runs = step.get("if") == "always()" or not failed
        command = step.get("run", "")
        if not command.startswith("claims "):
            assert runs, f"{step} would be skipped"  # checkout, setup, install and the upload all run
            continue
        done = _run(command, folder, env) if runs else None
        assert done is None or done.returncode in (0, 1), f"{command}: {done.stderr if done else ''}"
        ran.append(done.returncode if done else None)
        failed = failed or bool(done and done.returncode)
    assert ran == statuses
    sarif = json.loads((folder / "reports" / "discrepancies.sarif").read_text(encoding="utf-8"))
    states = {result.get("baselineState") for run in sarif["runs"] for result in run["results"]}
    # The report step ran after the gate: the SARIF uploaded says what this run found.
    assert ("new" in states) == (case == "unreviewed"), states
    hook = _run(_hook_entry(HOOKS), folder, env)
    assert hook.returncode == hook_status, hook.stderr
