"""`claims query` reads the store and nothing else: one statement that reads, on a locked-down connection.

Each hostile statement must fail with one `claims: error:` line and exit 2, and leave every file as it was;
the connection's own limits are tested apart, as they must hold even for a statement the check let through.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.run.extraction import STORE_NAME
from extract.table.store import FactStore


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="claims")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a real store (`claims extract` of one small article) in pile/data."""
    root = tmp_path_factory.mktemp("pile")
    (root / "news").mkdir()
    (root / "news" / "a.txt").write_text(
        "Border Deal Signed\nThe Kyrgyz-Tajik border is 950 kilometers long. Some 30 people were killed in Gaza.\n",
        encoding="utf-8",
    )
    code, _, err = run("extract", str(root / "news"), "-o", str(root / "data"), "--no-progress")
    assert code == 0, err
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` with a hash of its content."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*")) if path.is_file()
    }


HOSTILE = [
    pytest.param("COPY (SELECT 'x') TO '{root}/facts.csv'", "not COPY", id="copy-to-file"),
    pytest.param("COPY facts TO '{root}/data/facts.csv' (HEADER)", "not COPY", id="copy-over-the-export"),
    pytest.param("SELECT * FROM read_csv('/etc/passwd')", "file system operations are disabled", id="read-csv"),
    pytest.param("SELECT * FROM glob('/root/*')", "file system operations are disabled", id="glob"),
    pytest.param("SELECT * FROM 'https://example.com/x.csv'", "file system operations are disabled", id="url"),
    pytest.param("ATTACH '{root}/x.db' (READ_WRITE)", "not ATTACH", id="attach"),
    pytest.param("INSTALL httpfs", "not INSTALL", id="install"),
    pytest.param("LOAD httpfs", "not LOAD", id="load"),
    pytest.param("SET threads=1", "not SET", id="set"),
    pytest.param("PRAGMA threads=1", "not PRAGMA", id="pragma-setting"),
    pytest.param("PRAGMA enable_verification", "not PRAGMA enable_verification", id="pragma-not-a-read"),
    pytest.param("SET lock_configuration = false", "not SET", id="unlock"),
    pytest.param("DELETE FROM facts", "not DELETE", id="delete"),
    pytest.param("CREATE TEMP TABLE t AS SELECT 1", "not CREATE", id="create-temp"),
    pytest.param("EXPLAIN ANALYZE COPY (SELECT 1) TO '{root}/plan.csv'", "not COPY", id="explain-analyze-copy"),
    pytest.param("EXPORT DATABASE '{root}/dump'", "not EXPORT", id="export-database"),
    pytest.param("CALL checkpoint()", "not CALL", id="call"),
    pytest.param("SELECT 1; SELECT 2", "give exactly one statement, not 2", id="two-statements"),
    pytest.param("SELECT 1; COPY (SELECT 1) TO '{root}/two.csv'", "not 2", id="a-read-then-a-write"),
    pytest.param("", "give exactly one statement, not none", id="empty"),
    pytest.param(" ;  -- nothing\n", "give exactly one statement, not none", id="only-a-semicolon"),
]


@pytest.mark.parametrize(("sql", "message"), HOSTILE)
def test_hostile_statements_fail_in_one_line_and_write_nothing(pile: Path, sql: str, message: str) -> None:
    before = snapshot(pile)
    code, out, err = run("query", sql.format(root=pile), "-d", str(pile / "data"))
    assert code == 2
    assert err.startswith("claims: error: SQL error: ") and err.count("\n") == 1, err
    assert message in err
    assert out == "" and "root:" not in err  # no line of /etc/passwd, no file name of /root
    assert snapshot(pile) == before


def test_a_real_process_refuses_copy_and_creates_no_file(pile: Path) -> None:
    target = pile / "copied.csv"
    done = subprocess.run(
        [sys.executable, "-m", "extract", "query", f"COPY (SELECT 'x') TO '{target}'", "-d", str(pile / "data")],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("claims: error:") and done.stderr.count("\n") == 1
    assert not target.exists()


@pytest.mark.parametrize(
    "sql",
    [
        pytest.param("COPY (SELECT 'x') TO '{root}/locked.csv'", id="copy"),
        pytest.param("SELECT * FROM read_csv('/etc/passwd')", id="read-csv"),
        pytest.param("SELECT * FROM glob('/root/*')", id="glob"),
        pytest.param("ATTACH '{root}/locked.db' (READ_WRITE)", id="attach"),
        pytest.param("INSTALL httpfs", id="install"),
        pytest.param("LOAD httpfs", id="load"),
        pytest.param("SET threads=1", id="set"),
        pytest.param("SET enable_external_access = true", id="reopen-access"),
        pytest.param("RESET lock_configuration", id="unlock"),
    ],
)
def test_the_locked_connection_refuses_on_its_own(pile: Path, sql: str) -> None:
    """Even a statement that got past the check can reach nothing outside the store, nor change a setting."""
    before = snapshot(pile)
    with FactStore(pile / "data" / STORE_NAME, read_only=True, locked=True) as store, pytest.raises(duckdb.Error):
        store.connection.execute(sql.format(root=pile))
    assert snapshot(pile) == before


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        pytest.param("SELECT count(*) AS n FROM facts", [{"n": 2}], id="select"),
        pytest.param(
            "WITH killed AS (SELECT quote FROM facts WHERE metric = 'casualties.killed') SELECT quote FROM killed",
            [{"quote": "Some 30"}], id="with",
        ),
        pytest.param("FROM facts SELECT metric ORDER BY metric", [{"metric": "border.length"},
                                                                  {"metric": "casualties.killed"}], id="from-first"),
        pytest.param("SELECT 1 AS one;", [{"one": 1}], id="trailing-semicolon"),
        pytest.param("/* how many */\nSELECT count(*) AS n FROM articles", [{"n": 1}], id="leading-comment"),
    ],
)
def test_reads_still_return_their_rows(pile: Path, sql: str, expected: list[dict[str, object]]) -> None:
    code, out, err = run("query", sql, "-d", str(pile / "data"), "--format", "json")
    assert code == 0, err
    assert json.loads(out) == expected


@pytest.mark.parametrize(
    ("sql", "column"),
    [
        pytest.param("DESCRIBE facts", "column_name", id="describe"),
        pytest.param("SHOW TABLES", "name", id="show"),
        pytest.param("SUMMARIZE facts", "column_name", id="summarize"),
        pytest.param("EXPLAIN SELECT * FROM facts", "explain_value", id="explain"),
        pytest.param("EXPLAIN ANALYZE SELECT count(*) FROM facts", "explain_value", id="explain-analyze"),
        pytest.param("PRAGMA table_info('facts')", "name", id="pragma-table-info"),
        pytest.param("PRAGMA show_tables", "name", id="pragma-show-tables"),
        pytest.param("PIVOT facts ON metric USING count(*)", "border.length", id="pivot"),
    ],
)
def test_other_reads_run(pile: Path, sql: str, column: str) -> None:
    code, out, err = run("query", sql, "-d", str(pile / "data"), "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and column in rows[0]
