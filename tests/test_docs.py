"""The README's commands are the ones CI runs, and every command of the CLI is documented."""

from __future__ import annotations

import click
import regex

from extract.cli import cli
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
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
