"""Article text on the terminal is shown, never obeyed: no rich markup, no emoji code, no control sequence.

The pile's titles, record ids (hence sources) and sentences hold `[/b]` (which crashed every rich table),
`[citation needed]` (which rich swallowed as a style), `:x:` (an emoji code), and ESC [31m, BEL and CSI (C1),
which a terminal would obey. Every command that prints them must run, show the brackets and colons as
written, and write no control character but tab and newline.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from extract.cli import cli
from extract.consistency import load_options
from extract.display import display_text
from extract.review.terminal import show, walk
from extract.review.verdicts import load_reviews
from extract.run.workflow import check_store

HOSTILE = "[/b] [citation needed] :x: \x1b[31m red \x07 bell \x9b2J"
RECORD_ID = "[citation needed] [/b] :x: \x1b[31m\x07\x9b"
# What a terminal would act on: C0 controls but tab and newline, DEL, and the C1 controls.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"CLAIMS_REVIEWER": "tester"}).invoke(cli, list(args), prog_name="claims")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pile(in_tmp: Path) -> Path:
    """Two records of one JSONL file whose border figures conflict, full of markup and control sequences."""
    records = [
        {
            "id": f"{RECORD_ID}-{number}", "title": f"Border Deal {HOSTILE}", "date": f"2021-05-0{number}",
            "text": f"The Kyrgyz-Tajik border is {length} kilometers long, officials said {HOSTILE}.\n",
        }
        for number, length in ((1, 950), (2, 970))
    ]
    (in_tmp / "news.jsonl").write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8"
    )
    code, _, err = run("extract", "news.jsonl", "-o", "data", "--no-progress")
    assert code == 0, err
    return in_tmp


def assert_safe(*outputs: str) -> None:
    for output in outputs:
        assert not CONTROL.findall(output), CONTROL.findall(output)
        assert "MarkupError" not in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("args", "status", "shown"),
    [
        pytest.param(["facts"], 0, ["[citation needed] [/b] :x: \\x1b[31m\\x07\\x9b-1"], id="facts"),
        pytest.param(["facts", "--text", "officials"], 0, ["[citation needed]"], id="facts-filtered"),
        pytest.param(["articles", "news.jsonl"], 0, ["Border Deal [/b] [citation needed] :x: \\x1b[31m"], id="articles"),
        pytest.param(["stories", "--all"], 0, ["[citation needed]"], id="stories"),
        pytest.param(["query", 'SELECT title AS "[/b] :x:", source FROM documents'], 0, ["[/b] :x:", "\\x9b2J"],
                     id="query-alias-and-cells"),
        pytest.param(["check"], 0, ["[citation needed] [/b] :x:"], id="check"),
        pytest.param(["check", "--fail-on", "new"], 1, ["[citation needed] [/b] :x:", "unreviewed"],
                     id="check-fail-on-new"),
        pytest.param(["check", "--format", "github"], 0, ["[citation needed] [/b] :x:"], id="check-github"),
    ],
)
def test_commands_show_article_text_literally(pile: Path, args: list[str], status: int, shown: list[str]) -> None:
    code, out, err = run(*args)
    assert code == status, err
    for text in shown:
        assert text in out
    assert_safe(out, err)


def test_check_gate_passes_once_every_flag_is_reviewed(pile: Path) -> None:
    code, _, err = run("review", "--all-unreviewed", "--verdict", "false-alarm", "--note", "[/b] :x: \x1b[31m")
    assert code == 0, err
    code, out, err = run("check", "--fail-on", "new")
    assert code == 0, err
    assert "false alarm" in out and "[citation needed] [/b] :x:" in out
    assert_safe(out, err)


def test_a_skipped_file_warning_shows_its_name_escaped(pile: Path) -> None:
    (pile / "more").mkdir()
    (pile / "more" / "bad\x1b]0;owned\x07[citation needed].txt").write_bytes(b"\x00\x01")
    code, _, err = run("articles", "news.jsonl", "more")
    assert code == 0, err
    assert "claims: warning: more/bad\\x1b]0;owned\\x07[citation needed].txt: skipped: binary file" in err
    assert_safe(err)


def test_a_real_process_writes_no_raw_control_byte(pile: Path) -> None:
    for args in (["facts"], ["articles", "news.jsonl"], ["check", "--fail-on", "new"]):
        done = subprocess.run(
            [sys.executable, "-m", "extract", *args], cwd=pile, capture_output=True, stdin=subprocess.DEVNULL,
            env={**os.environ, "COLUMNS": "300"},
        )
        assert done.returncode in (0, 1), done.stderr
        for stream in (done.stdout, done.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream
            assert_safe(stream.decode("utf-8"))


def test_the_interactive_review_shows_the_claims_escaped(pile: Path) -> None:
    [discrepancy] = check_store(pile / "data", pile / "reports", load_options(pile)).unreviewed
    screen = io.StringIO()
    console = Console(file=screen, width=400)  # wide enough that no sentence wraps
    show(console, discrepancy, 1, 1)
    answers = iter(["[/b]", "q"])  # an unknown answer is echoed back: it must not be read as markup either
    walk(console, [discrepancy], load_reviews(pile / "reports" / "reviews.toml"), lambda *_: next(answers),
         "tester", date(2024, 1, 1))
    shown = screen.getvalue()
    assert "[/b] [citation needed] :x: \\x1b[31m red \\x07 bell \\x9b2J" in shown
    assert "Unknown answer '[/b]'" in shown
    assert_safe(shown)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        pytest.param("\x1b[31mred", "\\x1b[31mred", id="csi-colour"),
        pytest.param("\x1b]0;title\x07", "\\x1b]0;title\\x07", id="osc-window-title"),
        pytest.param("\x1b]8;;http://x\x1b\\link", "\\x1b]8;;http://x\\x1b\\link", id="osc-hyperlink"),
        pytest.param("\x9b2J\x9d0;t\x9c", "\\x9b2J\\x9d0;t\\x9c", id="c1-controls"),
        pytest.param("over\rwrite\x08\x7f", "over\\x0dwrite\\x08\\x7f", id="carriage-return-backspace-delete"),
        pytest.param("tab\tand\nnewline", "tab\tand\nnewline", id="layout-kept"),
        pytest.param("[/b] [citation needed] :x: é 中", "[/b] [citation needed] :x: é 中", id="printable-kept"),
    ],
)
def test_display_text(text: str, shown: str) -> None:
    assert display_text(text) == shown
