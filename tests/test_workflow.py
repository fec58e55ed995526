"""The review loop end to end, through the real command: extract, check, review, edit, check again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import tomlkit

from tests.helpers import SEEDS

PAGE = "000_de64a30cb4f39542.txt"


def claims(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "CLAIMS_REVIEWER": "tester"},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    done = claims("extract", "seeds/", "--no-progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def decisions(project: Path) -> dict[str, dict[str, str]]:
    return {key: dict(value) for key, value in tomlkit.parse((project / "reports" / "reviews.toml").read_text()).items()}


def edit_page(project: Path, old: str, new: str) -> None:
    page = project / "seeds" / PAGE
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.timeout(300)
def test_the_whole_loop(project: Path) -> None:
    first = claims("check", "--fail-on", "new", cwd=project)
    assert first.returncode == 1, first.stderr
    assert "1 without a verdict" in first.stderr

    reviewed = claims("review", "--all-unreviewed", "--verdict", "confirmed-error", "--note", "contradiction", cwd=project)
    assert reviewed.returncode == 0, reviewed.stderr
    [decision] = decisions(project).values()
    assert decision["verdict"] == "confirmed-error" and decision["reviewer"] == "tester"
    assert claims("check", "--fail-on", "new", cwd=project).returncode == 0

    # An edit elsewhere in the file: new text at the top, another sentence reworded. Fingerprints hold.
    edit_page(project, "Connect with us", "Connect with us\n\nEditor's note: this page was updated.")
    edit_page(project, "Such impressive figures evidence", "Such striking figures evidence")
    assert claims("extract", "seeds/", "--no-progress", cwd=project).returncode == 0
    held = claims("check", "--fail-on", "new", cwd=project)
    assert held.returncode == 0, held.stderr

    # Changing a quoted number changes the claim: a new flag without a verdict, and the old decision is stale.
    edit_page(project, "520 km of it has not yet passed", "530 km of it has not yet passed")
    assert claims("extract", "seeds/", "--no-progress", cwd=project).returncode == 0
    changed = claims("check", "--fail-on", "new", cwd=project)
    assert changed.returncode == 1
    assert "stale decision" in changed.stderr
    assert len(decisions(project)) == 1  # the stale decision is kept until pruned

    pruned = claims("review", "--prune-stale", cwd=project)
    assert pruned.returncode == 0 and "removed 1 stale decision" in pruned.stderr
    assert decisions(project) == {}


def test_a_decision_is_never_overwritten_without_replace(project: Path) -> None:
    assert claims("review", "--all-unreviewed", "--verdict", "false-alarm", cwd=project).returncode == 0
    [fingerprint] = decisions(project)
    again = claims("review", "--fingerprint", fingerprint[:10], "--verdict", "confirmed-error", cwd=project)
    assert again.returncode == 2 and "already has a decision; use --replace" in again.stderr
    assert decisions(project)[fingerprint]["verdict"] == "false-alarm"
    replaced = claims("review", "--fingerprint", fingerprint[:10], "--verdict", "confirmed-error", "--replace",
                      cwd=project)
    assert replaced.returncode == 0
    assert decisions(project)[fingerprint]["verdict"] == "confirmed-error"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["review", "--fingerprint", "ffff", "--verdict", "false-alarm"], "no discrepancy has the fingerprint",
                     id="unknown-fingerprint"),
        pytest.param(["review", "--verdict", "false-alarm"], "choose what to review", id="verdict-without-selection"),
        pytest.param(["review"], "no terminal to ask in", id="interactive-without-terminal"),
        pytest.param(["check", "--fail-on", "sometimes"], "'sometimes' is not one of", id="bad-fail-on"),
    ],
)
def test_review_usage_errors_exit_2(project: Path, args: list[str], message: str) -> None:
    done = claims(*args, cwd=project)
    assert done.returncode == 2 and message in done.stderr and done.stderr.count("\n") == 1


def test_a_broken_reviews_file_is_a_clear_error(project: Path) -> None:
    (project / "reports").mkdir(exist_ok=True)
    (project / "reports" / "reviews.toml").write_text('[abc]\nverdict = "maybe"\n')
    done = claims("check", cwd=project)
    assert done.returncode == 2 and "reports/reviews.toml:2: entry 'abc': unknown verdict 'maybe'" in done.stderr


@pytest.mark.timeout(120)
def test_interactive_review_in_a_real_terminal(project: Path) -> None:
    child = pexpect.spawn(
        sys.executable, ["-m", "extract", "review"], cwd=str(project), encoding="utf-8", timeout=60,
        env={**os.environ, "CLAIMS_REVIEWER": "tester", "COLUMNS": "160", "TERM": "xterm"}, dimensions=(50, 160),
    )
    child.expect("Parts do not fit the whole")
    child.expect("only 520 kilometers")  # both quotes side by side
    child.expect("skip")
    child.sendline("x")
    child.expect("Unknown answer")
    child.expect("skip")
    child.sendline("c")
    child.expect("Note")
    child.sendline("the two sentences contradict each other")
    child.expect("Recorded: confirmed error")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [decision] = decisions(project).values()
    assert decision == {
        "verdict": "confirmed-error", "note": "the two sentences contradict each other", "reviewer": "tester",
        "date": decision["date"], "rule": "complement-sum", "title": decision["title"],
        "members": decision["members"],
    }
    assert len(decision["members"]) == 12  # which figures the verdict was given to (a digest)


def test_extract_check_detects_stale_outputs(project: Path) -> None:
    assert claims("check", cwd=project).returncode == 0
    fresh = claims("extract", "seeds/", "--check", cwd=project)
    assert fresh.returncode == 0, fresh.stderr
    assert "up to date" in fresh.stderr
    edit_page(project, "950 kilometers long", "960 kilometers long")
    stale = claims("extract", "seeds/", "--check", cwd=project)
    assert stale.returncode == 1 and "stale outputs" in stale.stderr
