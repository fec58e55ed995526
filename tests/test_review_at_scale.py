"""Reviews at the scale of a pile, through the real command: the gate fails closed, and verdicts go in bulk.

A missing store or an unreadable reviews file is exit 2 with one line (never "0 discrepancies" and a pass), and
`claims review --rule/--story/--filter` records one verdict for many flags, shown, confirmed, never dropping one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import tomlkit
from click.testing import CliRunner

from extract.cli import cli

# Three flags in three stories: two value conflicts (a Gaza school toll, a Chile quake toll) and a scale slip.
PILE = {
    "a.txt": "School Shelling In Gaza\nSome 30 people were killed when shells hit a UN school in Gaza on Monday.\n",
    "b.txt": "Gaza School Hit\nAt least 43 people were killed when shells hit a UN school in Gaza on Monday.\n",
    "c.txt": "Paris Jewel Theft\nThieves stole jewels worth $2.5 million from the Paris store on Friday.\n",
    "d.txt": "Jewels Stolen In Paris\nThieves stole jewels worth $2.5 billion from the Paris store on Friday.\n",
    "e.txt": "Earthquake Strikes Chile\nThe earthquake in northern Chile on Tuesday killed 12 people, officials said.\n",
    "f.txt": "Chile Quake Toll\nThe earthquake in northern Chile on Tuesday killed 20 people, officials said.\n",
}
GAZA, JEWELS, CHILE = frozenset({"a.txt", "b.txt"}), frozenset({"c.txt", "d.txt"}), frozenset({"e.txt", "f.txt"})
ENV = {"CLAIMS_REVIEWER": "tester"}


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(arg) for arg in args], prog_name="claims", env=ENV)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pile extracted once into `data/`; each test keeps its decisions in its own reports folder."""
    root = tmp_path_factory.mktemp("pile")
    (root / "news").mkdir()
    for name, text in PILE.items():
        (root / "news" / name).write_text(text, encoding="utf-8")
    code, _, err = run("extract", root / "news", "-o", root / "data", "--no-progress")
    assert code == 0, err
    return root


@pytest.fixture
def reports(pile: Path, tmp_path: Path) -> Path:
    return tmp_path / "reports"


def review(pile: Path, reports: Path, *args: str) -> tuple[int, str, str]:
    return run("review", "-d", pile / "data", "-r", reports, "--no-progress", *args)


def flags(pile: Path, reports: Path) -> dict[frozenset[str], dict[str, object]]:
    """The pile's flags, by the files their figures come from."""
    code, out, err = run("check", "-d", pile / "data", "-r", reports, "--format", "json", "--no-progress")
    assert code == 0, err
    return {frozenset(Path(str(f["source"])).name for f in d["facts"]): d for d in json.loads(out)}


def verdicts(pile: Path, reports: Path) -> dict[frozenset[str], str]:
    path = reports / "reviews.toml"
    recorded = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {
        files: str(recorded[str(flag["fingerprint"])]["verdict"])
        for files, flag in flags(pile, reports).items()
        if str(flag["fingerprint"]) in recorded
    }


# -- 3. the gate fails closed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "--fail-on", "new"], id="check-gate"),
        pytest.param(["check", "--format", "json"], id="check-json"),
        pytest.param(["report"], id="report"),
        pytest.param(["review"], id="review"),
        pytest.param(["review", "--all-unreviewed", "--verdict", "false-alarm"], id="review-all"),
        pytest.param(["review", "--rule", "value-conflict", "--verdict", "false-alarm", "--yes"], id="review-bulk"),
        pytest.param(["review", "--prune-stale"], id="review-prune"),
        pytest.param(["facts"], id="facts"),
        pytest.param(["stories"], id="stories"),
        pytest.param(["query", "SELECT 1"], id="query"),
    ],
)
@pytest.mark.parametrize("folder_exists", [False, True], ids=["no-folder", "empty-folder"])
def test_a_folder_without_a_store_is_exit_2_and_creates_nothing(
    in_tmp: Path, args: list[str], folder_exists: bool
) -> None:
    if folder_exists:
        (in_tmp / "dta").mkdir()
    before = sorted(in_tmp.rglob("*"))
    code, out, err = run(*args, "-d", "dta", *(["-r", "rep"] if args[0] in ("check", "report", "review") else []))
    assert code == 2, err
    assert err.startswith("claims: error: dta") and err.count("\n") == 1
    assert "claims extract" in err and "Traceback" not in err + out
    assert sorted(in_tmp.rglob("*")) == before  # no store, no folder, no reports


def test_the_missing_folder_is_named_in_the_message(in_tmp: Path) -> None:
    code, _, err = run("check", "--fail-on", "new", "-d", "dta")
    assert code == 2
    assert err == "claims: error: dta: no such folder, no fact store; run `claims extract PATH... -o dta` first\n"
    (in_tmp / "dta").mkdir()
    code, _, err = run("check", "--fail-on", "new", "-d", "dta")
    assert err == (
        "claims: error: dta: no fact store (claims.duckdb) in this folder; run `claims extract PATH... -o dta` first\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('[abc]\nverdict = "false-alarm\n', ":2: not a valid reviews file (", id="bad-toml"),
        pytest.param('[abc]\nverdict = "false-alarm"\n\n[abc]\nverdict = "false-alarm"\n',
                     ':5: not a valid reviews file (Key "abc" already exists.)', id="duplicate-entry"),
        pytest.param('# hand-written\n\n[abc]\nnote = "looked at it"\n', ":3: entry 'abc' has no verdict", id="no-verdict"),
        pytest.param('[abc]\nnote = "n"\nverdict = "maybe"\n', ":3: entry 'abc': unknown verdict 'maybe'",
                     id="unknown-verdict"),
        pytest.param('[abc]\nverdict = 3\n', ":2: entry 'abc': verdict must be a string, not 3", id="verdict-number"),
        pytest.param('[abc]\nverdict = "false-alarm"\nnote = 5\n', ":3: entry 'abc': note must be a string, not 5",
                     id="note-number"),
        pytest.param('[abc]\nverdict = "false-alarm"\nhistory = "once"\n',
                     ":3: entry 'abc': history must be a list of strings", id="history-text"),
        pytest.param('[abc]\nverdict = "false-alarm"\n\n[def]\nreviewer = "x"\nverdict = "nope"\n',
                     ":6: entry 'def': unknown verdict 'nope'", id="second-entry"),
        pytest.param('abc = 1\n', ":1: entry 'abc' is not a table", id="not-a-table"),
        pytest.param('abc = {verdict = "nope"}\n', ":1: entry 'abc': unknown verdict 'nope'", id="inline-table"),
        pytest.param('["abc"]\nverdict = "nope"\n', ":2: entry 'abc': unknown verdict 'nope'", id="quoted-header"),
        pytest.param(b'[abc]\nverdict = "false-alarm"\nnote = "\xff"\n', ":3: not a valid reviews file (not UTF-8",
                     id="not-utf8"),
    ],
)
@pytest.mark.parametrize("command", ["check", "review", "report"])
def test_an_unreadable_reviews_file_is_exit_2_naming_its_line(
    pile: Path, reports: Path, command: str, content: str | bytes, message: str
) -> None:
    reports.mkdir()
    path = reports / "reviews.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    extra = ["--rule", "value-conflict", "--verdict", "false-alarm", "--yes"] if command == "review" else []
    code, _, err = run(command, "-d", pile / "data", "-r", reports, "--no-progress", *extra)
    assert code == 2, err
    assert err.startswith(f"claims: error: {path}{message}") and err.count("\n") == 1
    assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode())  # left as it was


def test_what_a_hand_edit_writes_still_reads(pile: Path, reports: Path) -> None:
    """A TOML date, an unknown key and a comment are fine: only what cannot be read is an error."""
    gaza = str(flags(pile, reports)[GAZA]["fingerprint"])
    reports.mkdir(exist_ok=True)
    (reports / "reviews.toml").write_text(
        f'# checked by hand\n[{gaza}]\nverdict = "false-alarm"\ndate = 2026-11-22\nticket = "NEWS-12"\n',
        encoding="utf-8",
    )
    code, _, err = run("check", "-d", pile / "data", "-r", reports, "--no-progress")
    assert code == 0, err
    assert "2 without a verdict" in err


# -- 4. verdicts in bulk ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selectors", "chosen"),
    [
        pytest.param(["--rule", "value-conflict"], {GAZA, CHILE}, id="rule"),
        pytest.param(["--rule", "scale-slip"], {JEWELS}, id="rule-scale-slip"),
        pytest.param(["--filter", "chile"], {CHILE}, id="filter-sentence-any-case"),
        pytest.param(["--filter", "KILLED"], {GAZA, CHILE}, id="filter-title"),
        pytest.param(["--filter", "$2.5 billion"], {JEWELS}, id="filter-quote"),
        pytest.param(["--filter", "zebra"], set(), id="filter-nothing"),
        pytest.param(["--rule", "value-conflict", "--filter", "un school"], {GAZA}, id="rule-and-filter"),
        pytest.param(["--rule", "scale-slip", "--filter", "chile"], set(), id="rule-and-filter-disjoint"),
        pytest.param(["--story", "CHILE"], {CHILE}, id="story-prefix"),
        pytest.param(["--story", "GAZA", "--rule", "value-conflict"], {GAZA}, id="story-and-rule"),
        pytest.param(["--story", "GAZA", "--rule", "scale-slip"], set(), id="story-and-rule-disjoint"),
        pytest.param(["--story", "s-nosuchstory"], set(), id="unknown-story"),
    ],
)
def test_each_selector_and_their_combinations(
    pile: Path, reports: Path, selectors: list[str], chosen: set[frozenset[str]]
) -> None:
    by_files = flags(pile, reports)
    named = {"GAZA": GAZA, "CHILE": CHILE}
    # A story is given by the start of its id, as `claims stories` shows it.
    args = [str(by_files[named[a]]["facts"][0]["story"])[:6] if a in named else a for a in selectors]  # type: ignore[index]
    code, _, err = review(pile, reports, *args, "--verdict", "explained-by-time", "--note", "bulk", "--yes")
    if not chosen:
        assert code == 2 and err.startswith("claims: error: no flag matches --") and err.count("\n") == 1
        assert not (reports / "reviews.toml").exists()
        return
    assert code == 0, err
    assert f"claims: {len(chosen)} flag{'s' if len(chosen) > 1 else ''} selected by " in err
    assert verdicts(pile, reports) == dict.fromkeys(chosen, "explained-by-time")
    recorded = tomlkit.parse((reports / "reviews.toml").read_text(encoding="utf-8"))
    assert {str(entry["note"]) for entry in recorded.values()} == {"bulk"}
    assert {str(entry["reviewer"]) for entry in recorded.values()} == {"tester"}


def test_flags_with_a_verdict_are_counted_and_left_alone_unless_overwrite(pile: Path, reports: Path) -> None:
    gaza = str(flags(pile, reports)[GAZA]["fingerprint"])
    code, _, err = review(pile, reports, "--fingerprint", gaza[:10], "--verdict", "confirmed-error", "--note", "real")
    assert code == 0, err

    code, _, err = review(pile, reports, "--rule", "value-conflict", "--verdict", "false-alarm", "--yes")
    assert code == 0, err
    assert ("claims: 2 flags selected by --rule value-conflict, 1 with a verdict already (left alone; --overwrite "
            "replaces)") in err
    assert "recorded false-alarm for 1 flag " in err
    assert verdicts(pile, reports) == {GAZA: "confirmed-error", CHILE: "false-alarm"}

    before = (reports / "reviews.toml").read_text(encoding="utf-8")
    code, _, err = review(pile, reports, "--rule", "value-conflict", "--verdict", "false-alarm", "--yes")
    assert code == 0 and "2 with a verdict already" in err and "nothing to record" in err
    assert (reports / "reviews.toml").read_text(encoding="utf-8") == before

    code, _, err = review(pile, reports, "--filter", "killed", "--verdict", "explained-by-time", "--overwrite", "--yes")
    assert code == 0, err
    assert "2 with a verdict already (replaced, the earlier verdict kept in its history)" in err
    assert verdicts(pile, reports) == {GAZA: "explained-by-time", CHILE: "explained-by-time"}
    recorded = tomlkit.parse((reports / "reviews.toml").read_text(encoding="utf-8"))
    [earlier] = recorded[gaza]["history"]
    assert "confirmed-error" in earlier and earlier.endswith(": real")  # the replaced verdict and its note
    code, _, err = run("check", "-d", pile / "data", "-r", reports, "--fail-on", "new", "--no-progress")
    assert code == 1 and "1 without a verdict" in err  # the scale slip was never selected


def test_all_unreviewed_narrows_the_selection(pile: Path, reports: Path) -> None:
    gaza = str(flags(pile, reports)[GAZA]["fingerprint"])
    assert review(pile, reports, "--fingerprint", gaza, "--verdict", "confirmed-error")[0] == 0
    code, _, err = review(pile, reports, "--filter", "killed", "--all-unreviewed", "--verdict", "false-alarm", "--yes",
                          "--overwrite")
    assert code == 0 and "1 flag selected by --filter killed --all-unreviewed" in err
    assert verdicts(pile, reports) == {GAZA: "confirmed-error", CHILE: "false-alarm"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--rule", "value-conflict", "--verdict", "false-alarm"],
                     "claims: error: 2 flags selected by --rule value-conflict; no terminal to confirm in: add --yes "
                     "to record false-alarm for them", id="no-tty-no-yes"),
        pytest.param(["--rule", "value-conflict"], "no terminal to ask in: give --verdict and --yes",
                     id="no-tty-no-verdict"),
        pytest.param(["--rule", "value-conflict", "--fingerprint", "abc", "--verdict", "false-alarm", "--yes"],
                     "choose flags by --fingerprint or by --rule/--story/--filter, not both", id="fingerprint-and-rule"),
        pytest.param(["--rule", "no-such-rule", "--verdict", "false-alarm", "--yes"], "'no-such-rule' is not one of",
                     id="unknown-rule"),
        pytest.param(["--story", "s-", "--verdict", "maybe", "--yes"], "'maybe' is not one of", id="unknown-verdict"),
    ],
)
def test_bulk_review_refuses_rather_than_guess(pile: Path, reports: Path, args: list[str], message: str) -> None:
    code, _, err = review(pile, reports, *args)
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (reports / "reviews.toml").exists()


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("answer", "recorded"), [("n", False), ("y", True), ("", False)], ids=["no", "yes", "default"])
def test_confirmation_in_a_real_terminal(pile: Path, tmp_path: Path, answer: str, recorded: bool) -> None:
    reports = tmp_path / "reports"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "extract", "review", "-d", str(pile / "data"), "-r", str(reports), "--rule", "value-conflict",
         "--verdict", "disputed-between-sources"],
        cwd=str(pile), encoding="utf-8", timeout=60, dimensions=(40, 160),
        env={**os.environ, **ENV, "COLUMNS": "160", "TERM": "xterm"},
    )
    child.expect("2 flags selected by --rule value-conflict")
    child.expect(r"Record disputed-between-sources for 2 flags\? \[y/N\]")
    child.sendline(answer)
    child.expect("recorded disputed-between-sources for 2 flags" if recorded else "nothing recorded")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    expected = dict.fromkeys({GAZA, CHILE}, "disputed-between-sources") if recorded else {}
    assert verdicts(pile, reports) == expected


def test_bulk_review_from_a_real_process_without_a_terminal(pile: Path, tmp_path: Path) -> None:
    """stdin is not a terminal (CI): the prompt is never shown, so the command cannot hang on it."""
    shutil.copytree(pile / "data", tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "extract", "review", "--rule", "scale-slip", "--verdict", "confirmed-error"],
        cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL, env={**os.environ, **ENV},
        timeout=120,
    )
    assert done.returncode == 2 and "no terminal to confirm in: add --yes" in done.stderr
    assert not (tmp_path / "reports" / "reviews.toml").exists()
