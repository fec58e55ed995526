"""Hostile inputs through the real command: what a folder walk meets is skipped with one warning line and counted,
never read from outside the paths given, never hangs, never aborts the walk, and no message shows a file's content.

Each case puts one hostile entry beside a good article in a folder `d/` and runs `claims extract d`: the good
article is extracted, the hostile entry is named in one warning and counted apart from the extracted files. A
file named on the command line is read as given, and a bad one is an error (exit 2), as before.
"""

from __future__ import annotations

import errno
import os
import pathlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extract.cli import cli

GOOD = "Some 30 people were killed in the clashes, officials said.\n"
# Stands for what must never reach a message: the content of a file (a password line, a private note).
SECRET = "root:x:0:0:SECRET-MARKER"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="claims")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("claims: warning: ")]


@pytest.fixture
def outside(in_tmp: Path) -> Path:
    """A folder beside the input folder, with a secret in a file that looks like input."""
    folder = in_tmp / "elsewhere"
    folder.mkdir()
    (folder / "passwd.csv").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "notes.txt").write_text("At least 43 people died in the fire.\n", encoding="utf-8")
    return folder


def _link(target: str) -> Callable[[Path], object]:
    return lambda entry: entry.symlink_to(target)


def _fifo(entry: Path) -> None:
    os.mkfifo(entry)


def _write(content: bytes) -> Callable[[Path], object]:
    return lambda entry: entry.write_bytes(content)


def _loop(entry: Path) -> None:
    entry.symlink_to(entry.name)


def _pair_loop(entry: Path) -> None:
    entry.symlink_to(".other.txt")  # hidden, so that the walk meets only one end of the loop
    (entry.parent / ".other.txt").symlink_to(entry.name)


# (entry name, how it is made, the warning's source and reason). Relative link targets are from d/.
WALK_CASES = [
    pytest.param("passwd.csv", _link("../elsewhere/passwd.csv"), "d/passwd.csv",
                 "symbolic link outside the input paths", id="link-to-a-file-outside"),
    pytest.param("etc", _link("../elsewhere"), "d/etc", "symbolic link outside the input paths",
                 id="link-to-a-folder-outside"),
    pytest.param("up", _link(".."), "d/up", "symbolic link outside the input paths", id="link-to-the-parent"),
    pytest.param("loop.txt", _loop, "d/loop.txt", "symbolic link loop", id="link-to-itself"),
    pytest.param("loop.txt", _pair_loop, "d/loop.txt", "symbolic link loop", id="two-links-to-each-other"),
    pytest.param("gone.txt", _link("nowhere.txt"), "d/gone.txt", "broken symbolic link", id="broken-link"),
    pytest.param("pipe.txt", _fifo, "d/pipe.txt", "not a regular file (a named pipe)", id="named-pipe"),
    pytest.param("latin1.csv", _write("id,text\n1,caf\xe9 30 dead\n".encode("latin-1")), "d/latin1.csv:2",
                 "not valid UTF-8 at byte offset 13", id="csv-invalid-utf8"),
    pytest.param("quote.csv", _write(b'id,text\n1,"a"b\n'), "d/quote.csv:2", "malformed CSV", id="csv-malformed"),
    pytest.param("ragged.csv", _write(b"id,text\n1,a\n2,b,c\n"), "d/ragged.csv:3", "row has 3 fields",
                 id="csv-ragged"),
    pytest.param("nocol.csv", _write(f"{SECRET},x\n1,2\n".encode()), "d/nocol.csv",
                 "no column 'text' in the CSV header (2 columns)", id="csv-header-is-not-echoed"),
    pytest.param("half.jsonl", _write(b'{"text": "At least 43 people died."}\n{oops\n'), "d/half.jsonl:2",
                 "not valid JSON", id="jsonl-bad-after-a-good-record"),
    pytest.param("list.jsonl", _write(b'["a", "b"]\n'), "d/list.jsonl:1", "a JSON list, not an object",
                 id="jsonl-not-an-object"),
    pytest.param("late.txt", _write(f"{SECRET}\ncaf\xe9\n".encode("latin-1")), "d/late.txt",
                 "not valid UTF-8 at byte offset 28", id="txt-invalid-utf8"),
    pytest.param("nav.html", _write(b"<html><body><img src='a.png'></body></html>"), "d/nav.html",
                 "no article text found", id="html-without-text"),
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("name", "make", "source", "reason"), WALK_CASES)
def test_a_hostile_entry_of_a_walk_is_skipped_named_and_counted(
    outside: Path, name: str, make: Callable[[Path], object], source: str, reason: str
) -> None:
    folder = outside.parent / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    make(folder / name)
    code, out, err = run("extract", "d", "-o", "data", "--no-progress")
    assert code == 0, err
    assert [line.split(": skipped: ")[0] for line in warnings(err)] == [f"claims: warning: {source}"]
    assert reason in warnings(err)[0]
    assert "1 input (1 extracted, 0 unchanged, 0 removed)" in err
    assert "skipped 1 file " in err
    assert SECRET not in err + out and "43" not in err
    facts = (folder.parent / "data" / "facts.csv").read_text(encoding="utf-8")
    assert "d/a.txt" in facts
    assert "elsewhere" not in facts and "half.jsonl" not in facts  # nothing from outside, no part of a bad file

    # Not recorded as extracted: the next run warns about it again, and counts it again.
    code, _, again = run("extract", "d", "-o", "data", "--no-progress")
    assert code == 0
    assert warnings(again) == warnings(err)
    assert "1 input (0 extracted, 1 unchanged, 0 removed)" in again and "skipped 1 file " in again


@pytest.mark.timeout(60)
def test_run_and_articles_count_the_skipped_files_too(outside: Path) -> None:
    folder = outside.parent / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "passwd.csv").symlink_to("../elsewhere/passwd.csv")
    os.mkfifo(folder / "pipe.txt")
    (folder / "half.jsonl").write_bytes(b'{"text": "At least 43 people died."}\n{oops\n')
    code, _, err = run("run", "d", "-o", "data", "-r", "reports")
    assert code == 0, err
    assert "claims: 1 document extracted, 0 unchanged, 3 files skipped;" in err
    code, out, err = run("articles", "d", "--format", "json")
    assert code == 0, err
    assert '"d/a.txt"' in out and "half.jsonl" not in out  # the records before the bad line are not listed either
    assert "read 1 file; 1 document; 1 article; skipped 3 files (" in err
    assert len(warnings(err)) == 3 and SECRET not in err


@pytest.mark.timeout(60)
def test_links_inside_the_inputs_are_fine_and_loops_end(in_tmp: Path) -> None:
    folder = in_tmp / "d"
    (folder / "x.csv").mkdir(parents=True)  # a folder with a file's name is a folder
    (folder / "x.csv" / "b.txt").write_text("At least 43 people died in the fire.\n", encoding="utf-8")
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "same.txt").symlink_to("a.txt")
    (folder / "here").symlink_to(".")  # walked already: not again, and not forever
    (folder / "x.csv" / "back").symlink_to("..")
    code, out, err = run("articles", "d", "--format", "json")
    assert code == 0, err
    assert warnings(err) == []
    assert [line.strip() for line in out.splitlines() if '"source"' in line] == [
        '"source": "d/a.txt",', '"source": "d/same.txt",', '"source": "d/x.csv/b.txt",'
    ]


@pytest.mark.timeout(60)
def test_follow_symlinks_reads_outside_and_still_ends_loops(outside: Path) -> None:
    folder = outside.parent / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "more").symlink_to("../elsewhere")
    (outside / "d-again").symlink_to("../d")  # back into the input folder: walked already
    (outside / "self").symlink_to(".")
    code, out, err = run("articles", "d", "--format", "json", "--follow-symlinks")
    assert code == 0, err
    assert '"d/more/notes.txt"' in out
    # The secret file is read as the CSV it claims to be; its header is still not shown.
    assert warnings(err) == [
        "claims: warning: d/more/passwd.csv: skipped: no column 'text' in the CSV header (1 columns); see --text-field"
    ]


def _fail_open_of(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make opening files called `name` fail as an unreadable file does (the tests run as root, who reads all)."""
    real_open = pathlib.Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)


def test_an_unreadable_file_of_a_walk_is_skipped(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (in_tmp / "d").mkdir()
    (in_tmp / "d" / "a.txt").write_text(GOOD, encoding="utf-8")
    (in_tmp / "d" / "locked.txt").write_text(GOOD, encoding="utf-8")
    _fail_open_of("locked.txt", monkeypatch)
    code, _, err = run("extract", "d", "-o", "data", "--no-progress")
    assert code == 0, err
    assert warnings(err) == ["claims: warning: d/locked.txt: skipped: cannot read: Permission denied"]
    assert "1 input (1 extracted, 0 unchanged, 0 removed)" in err and "skipped 1 file " in err
    code, _, err = run("articles", "d/locked.txt")
    assert (code, err) == (2, "claims: error: d/locked.txt: cannot read: Permission denied\n")


def test_an_unreadable_folder_of_a_walk_is_skipped(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (in_tmp / "d" / "shut").mkdir(parents=True)
    (in_tmp / "d" / "a.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def guarded_scandir(path: Any) -> Any:
        if Path(path).name == "shut":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    code, _, err = run("extract", "d", "-o", "data", "--no-progress")
    assert code == 0, err
    assert warnings(err) == ["claims: warning: d/shut: skipped: cannot read the folder: Permission denied"]


# -- named on the command line: read as given; a bad file is an error ------------------------------------------


def test_a_link_named_on_the_command_line_is_read_as_given(outside: Path) -> None:
    (outside.parent / "notes.txt").symlink_to("elsewhere/notes.txt")
    code, out, err = run("articles", "notes.txt", "--format", "json")
    assert code == 0, err
    assert '"source": "notes.txt"' in out


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        pytest.param("pipe.txt", _fifo, "claims: error: pipe.txt: not a regular file (a named pipe)", id="named-pipe"),
        pytest.param("latin1.csv", _write("id,text\n1,caf\xe9\n".encode("latin-1")),
                     "claims: error: latin1.csv:2: not valid UTF-8 at byte offset 13", id="csv-invalid-utf8"),
        pytest.param("nocol.csv", _write(f"{SECRET},x\n1,2\n".encode()),
                     "claims: error: nocol.csv: no column 'text' in the CSV header (2 columns); see --text-field",
                     id="csv-header-is-not-echoed"),
        pytest.param("half.jsonl", _write(b'{"text": "At least 43 people died."}\n{oops\n'),
                     "claims: error: half.jsonl:2: not valid JSON", id="jsonl-bad-line"),
        pytest.param("loop.txt", _loop, "claims: error: loop.txt: no such file or directory", id="link-to-itself"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "articles"])
def test_a_bad_file_named_on_the_command_line_is_an_error(
    in_tmp: Path, name: str, make: Callable[[Path], object], message: str, command: str
) -> None:
    make(in_tmp / name)
    code, out, err = run(command, name, *(["-o", "data", "--no-progress"] if command == "extract" else []))
    assert code == 2
    assert err.startswith(message) and err.count("\n") == 1
    assert SECRET not in err + out
    assert not (in_tmp / "data" / "facts.csv").exists()
