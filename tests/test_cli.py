"""The `claims` command: output, help with examples on every command, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from extract import __version__
from extract.cli import cli
from tests.helpers import ROOT


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="claims")
    return result.exit_code, result.stdout, result.stderr


def test_articles_json_lists_the_seed_articles() -> None:
    code, out, err = run("articles", str(ROOT / "seeds"), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 8
    assert {"source", "title", "start", "end", "line", "column"} <= set(rows[0])
    assert rows[0]["source"].endswith("seeds/000_de64a30cb4f39542.txt")
    assert "read 2 files; 2 documents; 8 articles" in err


def test_articles_table_shows_titles(in_tmp: Path) -> None:
    (in_tmp / "a.txt").write_text("Border Deal Signed\nThe governments agreed on 950 km of the border.\n")
    code, out, _ = run("articles", "a.txt")
    assert code == 0
    assert "Border Deal Signed" in out and "a.txt" in out


def test_walk_warns_about_each_skipped_file_and_counts(in_tmp: Path) -> None:
    (in_tmp / "d").mkdir()
    (in_tmp / "d" / "a.txt").write_text("Some 30 people were killed.\n")
    (in_tmp / "d" / "b.bin").write_bytes(b"\x00\x01")
    (in_tmp / "d" / "c.txt").write_bytes(b"\x00\x01")
    (in_tmp / "d" / "r.jsonl").write_text('{"id": 1, "text": ""}\n{"id": 2, "text": "At least 43 died."}\n')
    code, out, err = run("articles", "d", "--format", "json")
    assert code == 0
    assert [row["source"] for row in json.loads(out)] == ["d/a.txt", "d/r.jsonl#2"]
    assert "claims: warning: d/b.bin: skipped: unknown kind of file '.bin'" in err
    assert "claims: warning: d/c.txt: skipped: binary file" in err
    assert "skipped 2 files (1 binary file, 1 unknown kind of file '.bin')" in err
    assert "skipped 1 record (1 record with empty text)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["articles", "missing.txt"], "claims: error: missing.txt: no such file or directory", id="missing"),
        pytest.param(["articles", "a.txt", "--bogus"], "No such option '--bogus'", id="unknown-option"),
        pytest.param(["articles"], "Missing argument 'PATHS...'", id="no-path"),
        pytest.param(["articles", "a.txt", "--format", "xml"], "'xml' is not one of 'table', 'json'", id="bad-choice"),
        pytest.param(["nosuchcommand"], "No such command 'nosuchcommand'", id="unknown-command"),
        pytest.param(["articles", "bad.jsonl"], "claims: error: bad.jsonl:1: not valid JSON", id="bad-jsonl"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(in_tmp: Path, args: list[str], message: str) -> None:
    (in_tmp / "a.txt").write_text("Some 30 people were killed.\n")
    (in_tmp / "bad.jsonl").write_text("{nope\n")
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and err.startswith("claims: error: ")
    assert "Traceback" not in err + out


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"claims {__version__}"


def test_every_command_has_help_with_an_example() -> None:
    group = cli
    assert isinstance(group, click.Group)
    for name in [None, *group.commands]:
        code, out, _ = run(*([name] if name else []), "--help")
        assert code == 0
        assert "Example" in out, f"claims {name or ''} --help shows no example"


def test_python_dash_m_and_console_script_agree() -> None:
    by_module = subprocess.run(
        [sys.executable, "-m", "extract", "articles", "seeds", "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    rows = json.loads(by_module.stdout)
    assert [row["source"] for row in rows][:1] == ["seeds/000_de64a30cb4f39542.txt"]
    script = Path(sys.executable).with_name("claims")
    if script.exists():
        by_script = subprocess.run(
            [str(script), "articles", "seeds", "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        assert by_script.stdout == by_module.stdout


def test_error_exit_from_a_real_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "extract", "articles", str(tmp_path / "nope.txt")],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith("nope.txt: no such file or directory")
    assert done.stderr.count("\n") == 1


# -- extract, query, facts ---------------------------------------------------------------------------------


@pytest.fixture
def extracted(in_tmp: Path) -> Path:
    (in_tmp / "news").mkdir()
    (in_tmp / "news" / "a.txt").write_text(
        "Border Deal Signed\nThe Kyrgyz-Tajik border is 950 kilometers long. Some 30 people were killed in Gaza.\n"
    )
    code, _, err = run("extract", "news", "-o", "data", "--no-progress")
    assert code == 0, err
    return in_tmp


def test_extract_writes_the_table_and_reports(extracted: Path) -> None:
    assert (extracted / "data" / "facts.csv").exists()
    assert (extracted / "data" / "facts.parquet").exists()
    assert (extracted / "data" / "claims.duckdb").exists()
    code, _, err = run("extract", "news", "-o", "data", "--no-progress")
    assert code == 0
    assert "1 input (0 extracted, 1 unchanged, 0 removed)" in err
    assert "2 facts in data/facts.csv" in err


def test_extract_progress_bar_when_asked(in_tmp: Path) -> None:
    (in_tmp / "a.txt").write_text("Some 30 people were killed.\n")
    code, _, err = run("extract", "a.txt", "-o", "out", "--progress")
    assert code == 0 and "extracting" in err


def test_query_runs_read_only_sql(extracted: Path) -> None:
    code, out, _ = run("query", "SELECT quote, metric FROM facts ORDER BY start", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"quote": "950 kilometers", "metric": "border.length"},
        {"quote": "Some 30", "metric": "casualties.killed"},
    ]
    code, _, err = run("query", "DELETE FROM facts")
    assert code == 2 and err.startswith("claims: error: SQL error:") and err.count("\n") == 1
    code, _, err = run("query", "SELECT nope FROM facts")
    assert code == 2 and "SQL error" in err


def test_query_without_a_store_is_a_clear_error(in_tmp: Path) -> None:
    code, _, err = run("query", "SELECT 1", "-d", "nowhere")
    assert code == 2 and "nowhere/claims.duckdb: no fact store here; run `claims extract` first" in err


def test_facts_filters(extracted: Path) -> None:
    code, out, _ = run("facts", "--metric", "border.", "--format", "json")
    assert code == 0 and [row["quote"] for row in json.loads(out)] == ["950 kilometers"]
    code, out, _ = run("facts", "--place", "kgz", "--format", "csv")
    assert code == 0 and out.count("\n") == 2 and "950 kilometers" in out
    code, out, _ = run("facts", "--text", "GAZA", "--format", "json")
    assert [row["quote"] for row in json.loads(out)] == ["Some 30"]
    code, out, _ = run("facts", "--source", "news/a", "--limit", "1")
    assert code == 0 and "950 kilometers" in out


def test_version_and_help_load_neither_the_pipeline_nor_its_libraries() -> None:
    # The commands' modules, pint and pandas are imported when a command runs: `claims --version` is instant.
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from extract.cli import cli\n"
        "result = CliRunner().invoke(cli, ['--version'])\n"
        "assert result.exit_code == 0 and result.output.startswith('claims '), result.output\n"
        "heavy = sorted(name for name in ('pandas', 'pint', 'pyarrow', 'duckdb', 'extract.grammar.quantities',\n"
        "               'extract.run.extraction') if name in sys.modules)\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
