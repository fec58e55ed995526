"""No CSV the tool writes hands a spreadsheet a formula: text cells starting with = + - @ (or tab, carriage
return) get a `'` before them, unless `--raw-csv`; numbers never change (-5 stays -5).

The pile is extracted by the real command, once as it ships and once with `--raw-csv`, and read back with
`claims facts --format csv` both ways.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.display import FORMULA_STARTS, spreadsheet_text
from extract.table.schema import COLUMN_KINDS

TEXT = (
    '=HYPERLINK("http://x") 5 people died.\n\n'
    "+7 people were injured in the blast.\n\n"
    "-5 degrees was the temperature in Bishkek on Monday.\n\n"
    "@channel Some 12 people were killed in Gaza.\n"
)
TITLED = [("\t=1+1 tab title", 40), ("-2 minus title", 42), ("@SUM(1) at title", 43)]
# Every other column is text, as is the store's `input`, which `claims facts --format csv` shows too.
NOT_TEXT_COLUMNS = frozenset(
    name for name, kind in COLUMN_KINDS.items() if kind in ("decimal", "integer", "boolean", "date")
)

# (the quote of the fact as extracted, a column, its raw cell): each neutralised cell is "'" + the raw one.
CASES = [
    pytest.param("5", "sentence", '=HYPERLINK("http://x") 5 people died.', id="equals-hyperlink"),
    pytest.param("+7", "quote", "+7", id="plus-quote"),
    pytest.param("+7", "sentence", "+7 people were injured in the blast.", id="plus-sentence"),
    pytest.param("-5", "quote", "-5", id="minus-quote"),
    pytest.param("-5", "sentence", "-5 degrees was the temperature in Bishkek on Monday.", id="minus-sentence"),
    pytest.param("Some 12", "sentence", "@channel Some 12 people were killed in Gaza.", id="at-sentence"),
    pytest.param("Some 30", "source", "=cmd.txt", id="equals-file-name"),
    pytest.param("Some 40", "article_title", "\t=1+1 tab title", id="tab-title"),
    pytest.param("Some 42", "article_title", "-2 minus title", id="minus-title"),
    pytest.param("Some 43", "article_title", "@SUM(1) at title", id="at-title"),
]


def claims(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def by_fact(text: str) -> dict[str, dict[str, str]]:
    return {row["fact_id"]: row for row in csv.DictReader(io.StringIO(text))}


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict[str, str]]]:
    """Each way of writing the fact table as CSV, as rows by fact id."""
    root = tmp_path_factory.mktemp("pile")
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "=cmd.txt").write_text("Some 30 people were killed.\n", encoding="utf-8")
    (root / "n.jsonl").write_text("".join(
        json.dumps({"id": f"t{number}", "title": title, "text": f"Some {number} people were killed in Gaza."}) + "\n"
        for title, number in TITLED
    ), encoding="utf-8")
    inputs = ["a.txt", "=cmd.txt", "n.jsonl"]
    claims("extract", *inputs, "-o", "data", "--no-progress", cwd=root)
    claims("extract", *inputs, "-o", "raw", "--no-progress", "--raw-csv", cwd=root)
    claims("run", *inputs, "-o", "ran", "-r", "ran/reports", "--raw-csv", cwd=root)
    return {
        "facts.csv": by_fact((root / "data" / "facts.csv").read_text(encoding="utf-8")),
        "facts.csv --raw-csv": by_fact((root / "raw" / "facts.csv").read_text(encoding="utf-8")),
        "run --raw-csv": by_fact((root / "ran" / "facts.csv").read_text(encoding="utf-8")),
        "facts --format csv": by_fact(claims("facts", "--format", "csv", cwd=root)),
        "facts --format csv --raw-csv": by_fact(claims("facts", "--format", "csv", "--raw-csv", cwd=root)),
    }


def fact_id(tables: dict[str, dict[str, dict[str, str]]], quote: str) -> str:
    [found] = [key for key, row in tables["facts.csv --raw-csv"].items() if row["quote"] == quote]
    return found


@pytest.mark.parametrize(("quote", "column", "raw"), CASES)
@pytest.mark.parametrize(
    ("table", "neutralised"),
    [
        pytest.param("facts.csv", True, id="export"),
        pytest.param("facts --format csv", True, id="facts-csv"),
        pytest.param("facts.csv --raw-csv", False, id="export-raw"),
        pytest.param("run --raw-csv", False, id="run-raw"),
        pytest.param("facts --format csv --raw-csv", False, id="facts-csv-raw"),
    ],
)
def test_formula_cells(
    tables: dict[str, dict[str, dict[str, str]]], table: str, neutralised: bool, quote: str, column: str, raw: str
) -> None:
    row = tables[table][fact_id(tables, quote)]
    assert row[column] == ("'" + raw if neutralised else raw)


@pytest.mark.parametrize("table", ["facts.csv", "facts --format csv"])
def test_no_text_cell_starts_a_formula_and_numbers_keep_their_sign(
    tables: dict[str, dict[str, dict[str, str]]], table: str
) -> None:
    neutral, raw = tables[table], tables[f"{table} --raw-csv"]
    assert neutral.keys() == raw.keys() and len(neutral) == 8
    for key, row in neutral.items():
        for name, cell in row.items():
            if name in NOT_TEXT_COLUMNS:
                assert cell == raw[key][name], (name, cell)  # numbers, dates, booleans: untouched
            else:
                assert not cell.startswith(FORMULA_STARTS), (name, cell)
    minus = neutral[fact_id(tables, "-5")]
    assert minus["value"] in ("-5", "-5.0") and minus["low"] == minus["high"] == minus["value"]


def test_query_csv_neutralises_text_but_not_numbers(tmp_path: Path) -> None:
    claims("extract", "a.txt", "-o", "data", "--no-progress", cwd=_pile(tmp_path))
    sql = "SELECT -5 AS n, '-5' AS t, '=1+1' AS f, '@x' AS a, 'plain' AS p"
    assert claims("query", sql, "--format", "csv", cwd=tmp_path) == "n,t,f,a,p\n-5,'-5,'=1+1,'@x,plain\n"
    assert claims("query", sql, "--format", "csv", "--raw-csv", cwd=tmp_path) == "n,t,f,a,p\n-5,-5,=1+1,@x,plain\n"


def _pile(root: Path) -> Path:
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        pytest.param("=1+1", "'=1+1", id="equals"),
        pytest.param("+1", "'+1", id="plus"),
        pytest.param("-1", "'-1", id="minus"),
        pytest.param("@SUM(1)", "'@SUM(1)", id="at"),
        pytest.param("\t=1+1", "'\t=1+1", id="tab"),
        pytest.param("\r=1+1", "'\r=1+1", id="carriage-return"),
        pytest.param("5 = 5", "5 = 5", id="formula-sign-later"),
        pytest.param("'=1+1", "'=1+1", id="already-quoted"),
        pytest.param("", "", id="empty"),
    ],
)
def test_spreadsheet_text(text: str, cell: str) -> None:
    assert spreadsheet_text(text) == cell
