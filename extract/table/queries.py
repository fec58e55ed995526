"""Read-only questions to the fact store: the filtered fact table, and SQL of the caller's own.

`claims facts` and `claims query` are thin wrappers over `select_facts` and `run_sql`; the SQL lives here,
beside the store, so that the CLI never builds SQL and the library offers the same filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from extract.errors import UsageError
from extract.table.store import FACT_ORDER, FactStore

__all__ = ["OVERVIEW_COLUMNS", "FactFilter", "fact_query", "run_sql", "select_facts", "select_stories"]

# The columns that fit a terminal: where the claim is, what it says, and who says it.
OVERVIEW_COLUMNS: Final = (
    "source", "line", "quote", "value", "unit", "metric", "entity", "places", "period_start", "period_end",
    "attributed_to",
)


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


def run_sql(store_path: Path, sql: str) -> pd.DataFrame:
    """The rows `sql` returns from the store at `store_path`, opened read-only so that nothing can change.

    A statement DuckDB rejects, or one that returns no rows, is a `UsageError` of one line.
    """
    with FactStore(store_path, read_only=True) as store:
        try:
            frame: pd.DataFrame = store.connection.sql(sql).df()
        except duckdb.Error as error:
            raise UsageError(f"SQL error: {' '.join(str(error).split())}") from None
        except AttributeError:  # a statement without a result, such as SET, gives no relation to read
            raise UsageError("SQL error: the statement returns no rows") from None
    return frame
