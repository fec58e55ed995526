"""The fact table: one row per claim, as a DataFrame, a CSV file, a Parquet file and a DuckDB store.

The column names are a contract other tools rely on; `COLUMNS` lists each with its type and meaning, and
the README's table of columns is checked against it. Numbers are exact decimals in Python and in the CSV
(written as plain decimal strings), and DOUBLE in Parquet and DuckDB, where they are queried.

Every file is written atomically: to a temporary file beside the target, then renamed over it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Final

import pandas as pd

__all__ = ["COLUMNS", "Column", "Fact", "atomic_path", "decimal_text", "facts_frame"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str  # DuckDB type
    meaning: str


COLUMNS: Final[tuple[Column, ...]] = (
    Column("fact_id", "VARCHAR", "stable id: hash of the source, normalised quote and sentence, and occurrence"),
    Column("source", "VARCHAR", "the input path as given (relative, POSIX), `#ID` appended for a JSONL/CSV record"),
    Column("article", "INTEGER", "1-based index of the article in its document"),
    Column("article_title", "VARCHAR", "the article's headline"),
    Column("article_date", "VARCHAR", "the article's date when known (ISO 8601)"),
    Column("url", "VARCHAR", "the article's URL when known"),
    Column("start", "INTEGER", "offset of the quantity expression in the document text"),
    Column("end", "INTEGER", "end offset: `text[start:end] == quote`"),
    Column("line", "INTEGER", "1-based line of `start` in the file (for a record: its JSONL line or CSV row)"),
    Column("column", "INTEGER", "1-based column of `start` (for a record: into its text field)"),
    Column("quote", "VARCHAR", "the quantity expression exactly as written"),
    Column("sentence", "VARCHAR", "the sentence the quote stands in, exactly as written"),
    Column("value", "DOUBLE", "the stated value in `unit` (empty for a vague amount with only a lower bound)"),
    Column("low", "DOUBLE", "lower end of the interval the claim allows, in `unit` (empty: unbounded)"),
    Column("high", "DOUBLE", "upper end of the interval, in `unit` (empty: unbounded)"),
    Column("low_open", "BOOLEAN", "true when `low` itself is excluded (\"more than 90\")"),
    Column("high_open", "BOOLEAN", "true when `high` itself is excluded (\"almost a million\")"),
    Column("precision", "DOUBLE", "rounding implied by the writing, +/- in `unit` (\"1.7 million\": 50000)"),
    Column("qualifier", "VARCHAR", "normalised qualifier: about, over, at_least, almost, up_to, under, only, ..."),
    Column("unit", "VARCHAR", "canonical unit (count, percent, km, km**2, USD, year, times, ...)"),
    Column("dimension", "VARCHAR", "the unit's dimension ([length], [currency_USD], [count], ...)"),
    Column("base_value", "DOUBLE", "the value in the dimension's base unit"),
    Column("base_unit", "VARCHAR", "the base unit of `base_value`"),
    Column("kind", "VARCHAR", "cardinal, ordinal, percent, multiple, money, measure, duration, range or change"),
    Column("entity", "VARCHAR", "what is measured: the counted noun phrase with its modifiers"),
    Column("metric", "VARCHAR", "the metric id from extract/lexicons/metrics.toml, `other` when none fits"),
    Column("places", "VARCHAR", "countries and regions the claim is about: sorted codes joined with `;`"),
    Column("period_start", "VARCHAR", "start of the time the claim refers to (ISO date)"),
    Column("period_end", "VARCHAR", "end of that time (ISO date)"),
    Column("period_inherited", "BOOLEAN", "true when the period comes from the article's date, not the sentence"),
    Column("attributed_to", "VARCHAR", "who states the figure, as written (\"Russia's Ministry of the Interior\")"),
    Column("hedged", "BOOLEAN", "true when the figure is hedged (alleged, reportedly, estimated, ...)"),
    Column("negated", "BOOLEAN", "true when the claim is negated (\"has not yet passed the demarcation\")"),
    Column("change", "VARCHAR", "for a change claim: JSON with from, to, by and direction; else empty"),
    Column("rule", "VARCHAR", "id of the grammar rule that found the quantity"),
)

DECIMAL_COLUMNS: Final = frozenset(column.name for column in COLUMNS if column.sql_type == "DOUBLE")
BOOLEAN_COLUMNS: Final = frozenset(column.name for column in COLUMNS if column.sql_type == "BOOLEAN")
INTEGER_COLUMNS: Final = frozenset(column.name for column in COLUMNS if column.sql_type == "INTEGER")


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of the fact table; field order and names are those of `COLUMNS`."""

    fact_id: str
    source: str
    article: int
    article_title: str | None
    article_date: str | None
    url: str | None
    start: int
    end: int
    line: int
    column: int
    quote: str
    sentence: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_open: bool
    high_open: bool
    precision: Decimal | None
    qualifier: str | None
    unit: str
    dimension: str
    base_value: Decimal | None
    base_unit: str
    kind: str
    entity: str | None
    metric: str
    places: str | None
    period_start: str | None
    period_end: str | None
    period_inherited: bool
    attributed_to: str | None
    hedged: bool
    negated: bool
    change: str | None
    rule: str


if tuple(field.name for field in fields(Fact)) != tuple(column.name for column in COLUMNS):
    raise RuntimeError("Fact fields and COLUMNS disagree")  # a programming error caught at import


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal as plain positional text without exponent or trailing zeros: 1.7E+6 -> '1700000'."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def facts_frame(facts: Sequence[Fact]) -> pd.DataFrame:
    """The facts as a DataFrame with the table's columns; decimals as floats, missing values as NA."""
    records = [
        {
            name: (float(value) if isinstance(value, Decimal) else value)
            for name, value in ((column.name, getattr(fact, column.name)) for column in COLUMNS)
        }
        for fact in facts
    ]
    frame = pd.DataFrame.from_records(records, columns=[column.name for column in COLUMNS])
    for column in COLUMNS:
        if column.sql_type == "INTEGER":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.sql_type == "DOUBLE":
            frame[column.name] = frame[column.name].astype("Float64")
        elif column.sql_type == "BOOLEAN":
            frame[column.name] = frame[column.name].astype("boolean")
        else:
            frame[column.name] = frame[column.name].astype("string")
    return frame


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed over `target` when the block succeeds, removed if not."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
