"""Progress on the commands that take a while: per document for extraction, per step for a check, on stderr only
when it is a terminal (or `--progress`), never with `--no-progress`."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.consistency import CheckOptions, check_steps
from extract.run.extraction import ExtractOptions, estimate_documents, run_extraction
from extract.run.workflow import check_store

TEXTS = [
    "Some 30 people were killed when shells hit a UN school in Gaza on Monday.",
    "At least 43 people were killed when shells hit a UN school in Gaza on Monday.",
    "Thieves stole jewels worth $2.5 million from the Paris store on Friday.",
]
BAR = re.compile(r"━+\s+\d+/\d+")  # a bar with its count, as rich draws it (a table's rules hold ━ too)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="claims", env={"CLAIMS_REVIEWER": "tester"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def news(in_tmp: Path) -> Path:
    """Three pages and a JSONL file of four records: seven documents, fewer than one batch."""
    (in_tmp / "news").mkdir()
    for number, text in enumerate(TEXTS):
        (in_tmp / "news" / f"{number}.txt").write_text(f"Title {number}\n{text}\n", encoding="utf-8")
    records = [f'{{"id": {number}, "text": "{text}"}}' for number, text in enumerate(TEXTS + TEXTS[:1])]
    (in_tmp / "news" / "wire.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return in_tmp


@pytest.mark.parametrize("jobs", [1, 2])
def test_extraction_reports_each_document_once(news: Path, jobs: int) -> None:
    calls: list[int] = []
    summary = run_extraction(["news"], news / "data", ExtractOptions(jobs=jobs), progress=calls.append)
    assert summary.documents == 7
    assert calls == [1] * 7  # one call per document, not one per batch of 256
    assert estimate_documents(["news"]) == 7  # the bar's total

    # Unchanged files are skipped, yet still move the bar by what the estimate counted for them.
    again: list[int] = []
    run_extraction(["news"], news / "data", ExtractOptions(jobs=jobs), progress=again.append)
    assert sorted(again) == [1, 1, 1, 4] and sum(again) == 7


def test_a_check_reports_each_step(news: Path) -> None:
    run_extraction(["news"], news / "data", ExtractOptions())
    steps: list[tuple[str, int, int]] = []
    check_store(news / "data", news / "reports", CheckOptions(), progress=lambda *step: steps.append(step))
    total = len(check_steps(CheckOptions())) + 2  # reading the store and writing the discrepancies besides
    assert steps[0] == ("reading the fact store", 0, total) and steps[-1] == ("done", total, total)
    assert [done for _, done, _ in steps] == sorted(done for _, done, _ in steps)
    assert {name for name, _, _ in steps} >= {"grouping stories", "rule value-conflict", "writing the discrepancies"}
    assert {size for _, _, size in steps} == {total}


COMMANDS = [
    pytest.param(["extract", "news", "-o", "data"], "extracting", id="extract"),
    pytest.param(["run", "news", "-o", "data"], "checking", id="run"),
    pytest.param(["check"], "checking", id="check"),
    pytest.param(["report"], "checking", id="report"),
    pytest.param(["review", "--all-unreviewed", "--verdict", "false-alarm"], "checking", id="review"),
]


@pytest.mark.parametrize(("args", "label"), COMMANDS)
@pytest.mark.parametrize("flag", [["--no-progress"], []], ids=["no-progress", "not-a-terminal"])
def test_no_bar_unless_asked_or_on_a_terminal(news: Path, args: list[str], label: str, flag: list[str]) -> None:
    if args[0] != "extract":
        assert run("extract", "news", "-o", "data", "--no-progress")[0] == 0
    code, out, err = run(*args, *flag)
    assert code == 0, err
    assert not BAR.search(err + out) and label not in err + out


@pytest.mark.parametrize(("args", "label"), COMMANDS)
def test_progress_draws_a_bar_with_counts_on_stderr(news: Path, args: list[str], label: str) -> None:
    if args[0] != "extract":
        assert run("extract", "news", "-o", "data", "--no-progress")[0] == 0
    code, out, err = run(*args, "--progress")
    assert code == 0, err
    assert not BAR.search(out) and label in err and BAR.search(err)
    steps = len(check_steps(CheckOptions())) + 2
    assert ("7/7" if label == "extracting" else f"{steps}/{steps}") in err
    if args[0] == "run":
        assert "extracting" in err and "7/7" in err  # both stages


@pytest.mark.timeout(120)
def test_a_terminal_gets_bars_by_default(news: Path) -> None:
    child = pexpect.spawn(
        sys.executable, ["-m", "extract", "run", "news", "-o", "data"], cwd=str(news), encoding="utf-8", timeout=60,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"}, dimensions=(40, 120),
    )
    child.expect(r"extracting.*7/7")
    child.expect(r"checking.*\d+/\d+")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
