"""Read-only questions to the fact store: the filtered fact table, and SQL of the caller's own.

`claims facts` and `claims query` are thin wrappers over `select_facts` and `run_sql`; the SQL lives here,
beside the store, so that the CLI never builds SQL and the library offers the same filters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from extract.errors import UsageError
from extract.table.store import FACT_ORDER, FactStore

__all__ = [
    "OVERVIEW_COLUMNS", "FactFilter", "fact_query", "reading_statement", "run_sql", "select_facts", "select_stories",
]

# The columns that fit a terminal: where the claim is, what it says, and who says it.
OVERVIEW_COLUMNS: Final = (
    "source", "line", "quote", "value", "unit", "metric", "entity", "places", "period_start", "period_end",
    "attributed_to",
)

# The PRAGMAs that only read (the store's tables, sizes, DuckDB's version and functions). Settings PRAGMAs
# are refused by the locked configuration anyway; this list also keeps out the ones that are not settings.
READ_PRAGMAS: Final = frozenset({
    "table_info", "show", "show_tables", "show_tables_expanded", "show_databases", "database_list",
    "database_size", "storage_info", "metadata_info", "version", "platform", "functions", "collations",
    "user_agent",
})
# Comments and spaces before a statement's first word; DuckDB keeps them in the statement's text.
_LEADING: Final = r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*"
_FIRST_WORD: Final = re.compile(_LEADING + r"(\w+)", re.DOTALL)
_PRAGMA_NAME: Final = re.compile(_LEADING + r"PRAGMA\s+(\w+)", re.IGNORECASE | re.DOTALL)
# EXPLAIN ANALYZE runs its statement: what follows EXPLAIN must itself be a read.
_EXPLAINED: Final = re.compile(_LEADING + r"EXPLAIN\s+(?:ANALY[SZ]E\b|\([^)]*\))?", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts to select; every filter left as None lets all rows through."""

    metric: str | None = None  # a metric id, or a prefix ending in "." ("casualties.")
    place: str | None = None  # a place code (KGZ, TJK, SCO ...), in any case
    source: str | None = None  # text the source contains
    text: str | None = None  # text the sentence contains, in any case
    story: str | None = None  # a story id (`claims stories`), or a prefix of one
    limit: int | None = None  # at most this many rows


def fact_query(selection: FactFilter | None = None, columns: Sequence[str] | None = None) -> tuple[str, list[str]]:
    """The SQL selecting `columns` (all when None) of the facts that pass `selection`, and its parameters.

    Rows come in the exported table's stable order. The filter values are always bound as parameters, never
    spliced into the SQL text.

    >>> sql, parameters = fact_query(FactFilter(metric="border.", place="kgz"), ["quote", "metric"])
    >>> print(sql)  # doctest: +NORMALIZE_WHITESPACE
    SELECT quote, metric FROM facts WHERE starts_with(metric, ?)
    AND list_contains(string_split(coalesce(places, ''), ';'), ?)
    ORDER BY split_part(source, '#', 1), line, start, "end", fact_id
    >>> parameters
    ['border.', 'KGZ']
    """
    selection = selection or FactFilter()
    conditions: list[str] = []
    parameters: list[str] = []
    if selection.metric:
        conditions.append("starts_with(metric, ?)" if selection.metric.endswith(".") else "metric = ?")
        parameters.append(selection.metric)
    if selection.place:
        # `places` holds sorted codes joined with ";": match a whole code, never a part of one.
        conditions.append("list_contains(string_split(coalesce(places, ''), ';'), ?)")
        parameters.append(selection.place.upper())
    if selection.source:
        conditions.append("contains(source, ?)")
        parameters.append(selection.source)
    if selection.text:
        conditions.append("contains(lower(sentence), lower(?))")
        parameters.append(selection.text)
    if selection.story:
        conditions.append("starts_with(story, ?)")
        parameters.append(selection.story)
    selected = ", ".join(columns) if columns else "*"
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    sql = f"SELECT {selected} FROM facts{where} ORDER BY {FACT_ORDER}"
    if selection.limit is not None:
        if selection.limit < 1:
            raise UsageError(f"the limit must be at least 1, not {selection.limit}")
        sql += f" LIMIT {int(selection.limit)}"
    return sql, parameters


def select_facts(
    store_path: Path, selection: FactFilter | None = None, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """The facts of the store at `store_path` that pass `selection`, as a frame of `columns` (all when None)."""
    sql, parameters = fact_query(selection, columns)
    with FactStore(store_path, read_only=True) as store:
        frame: pd.DataFrame = store.connection.execute(sql, parameters).df()
    return frame


def select_stories(store_path: Path, *, several: bool = False) -> pd.DataFrame:
    """The stories of the store's pile, largest first: id, title, first and last dates, how many articles, what
    links them, their cohesion and their articles (`several`: only stories of more than one article)."""
    with FactStore(store_path, read_only=True) as store:
        frame = pd.DataFrame.from_records(store.stories())
    if frame.empty:
        return pd.DataFrame(columns=["story", "title", "first_date", "last_date", "articles", "linking_terms",
                                     "cohesion", "members"])
    return frame[frame["articles"] > 1].reset_index(drop=True) if several else frame


def reading_statement(sql: str) -> None:
    """Raise a one-line `UsageError` unless `sql` is exactly one statement that only reads.

    Reads are SELECT (with WITH, FROM-first, VALUES, DESCRIBE, SHOW, SUMMARIZE), PIVOT, EXPLAIN of a read, and
    the PRAGMAs of `READ_PRAGMAS`. The decision is DuckDB's statement type; only the PRAGMA's name, the
    statement after EXPLAIN and the PIVOT keyword are read from the text.

    >>> reading_statement("WITH n AS (SELECT 1) SELECT * FROM n")
    >>> reading_statement("SELECT 1; SELECT 2")
    Traceback (most recent call last):
    extract.errors.UsageError: SQL error: give exactly one statement, not 2
    >>> reading_statement("ATTACH 'x.db'")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    extract.errors.UsageError: SQL error: `claims query` only runs statements that read (...), not ATTACH
    """
    statements = _statements(sql)
    if len(statements) != 1:
        raise UsageError(f"SQL error: give exactly one statement, not {len(statements) or 'none'}")
    statement = statements[0]
    kind, text = statement.type, statement.query
    if kind == duckdb.StatementType.EXPLAIN and (explained := _EXPLAINED.match(text)):
        inner = _statements(text[explained.end():])
        if len(inner) == 1:
            kind, text = inner[0].type, inner[0].query
    reads = (
        kind == duckdb.StatementType.SELECT
        # DuckDB turns a PIVOT whose columns it must find first into several statements (temporary types).
        or (kind == duckdb.StatementType.MULTI and _first_word(text) in ("PIVOT", "UNPIVOT"))
        or (kind == duckdb.StatementType.PRAGMA and _pragma(text) in READ_PRAGMAS)
    )
    if not reads:
        what = f"PRAGMA {_pragma(text)}" if kind == duckdb.StatementType.PRAGMA else _first_word(text) or kind.name
        raise UsageError(
            "SQL error: `claims query` only runs statements that read (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, "
            f"EXPLAIN, PRAGMA table_info ...), not {what}"
        )


def _statements(sql: str) -> list[duckdb.Statement]:
    try:
        return duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise UsageError(f"SQL error: {' '.join(str(error).split())}") from None


def _first_word(text: str) -> str:
    found = _FIRST_WORD.match(text)
    return found[1].upper() if found else ""


def _pragma(text: str) -> str:
    found = _PRAGMA_NAME.match(text)
    return found[1].lower() if found else ""


def run_sql(store_path: Path, sql: str) -> pd.DataFrame:
    """The rows `sql` returns from the store at `store_path`, opened read-only so that nothing can change.

    `sql` must be exactly one statement that reads (see `reading_statement`). The store is opened locked
    (`FactStore(locked=True)`): no file, URL or extension outside it, no setting changed. A statement DuckDB
    rejects, or one that returns no rows, is a `UsageError` of one line.
    """
    reading_statement(sql)
    with FactStore(store_path, read_only=True, locked=True) as store:
        try:
            frame: pd.DataFrame = store.connection.sql(sql).df()
        except duckdb.Error as error:
            raise UsageError(f"SQL error: {' '.join(str(error).split())}") from None
        except AttributeError:  # a statement without a result, such as SET, gives no relation to read
            raise UsageError("SQL error: the statement returns no rows") from None
    return frame
