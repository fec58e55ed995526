"""The fact table's one row schema: `Fact`, from which the DuckDB table, the CSV and Parquet columns follow.

`Fact` is declared once, below; each field carries its column's kind and meaning. Everything else is derived
from it: `COLUMNS` (and the README's table of columns, checked against it), the DuckDB DDL (`create_table`),
the Arrow schema of the Parquet file (`arrow_schema`), a CSV cell's text (`cell_text`) and the way back from a
stored row to a `Fact` (`fact_from_row`). Numbers are exact decimals everywhere: `Decimal` in Python,
DECIMAL(38, 10) in DuckDB and Parquet, plain decimal strings in the CSV. Only the pandas view (`facts_frame`,
for analysis) holds them as floats.

Every file is written atomically: to a temporary file beside the target, then renamed over it.
"""

from __future__ import annotations

import contextlib
import decimal
import json
import math
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal

import pandas as pd
import pyarrow as pa

from extract.errors import OutputError

__all__ = [
    "COLUMNS",
    "Column",
    "Fact",
    "arrow_schema",
    "atomic_path",
    "cell_text",
    "create_table",
    "current_umask",
    "decimal_text",
    "fact_cells",
    "fact_from_row",
    "facts_frame",
]

ColumnKind = Literal["text", "integer", "decimal", "boolean", "date", "codes"]
DECIMAL_PRECISION: Final = 38
DECIMAL_SCALE: Final = 10  # digits after the point: 28 before it, more than any figure in news
SQL_TYPES: Final[Mapping[ColumnKind, str]] = MappingProxyType({
    "text": "VARCHAR",
    "integer": "INTEGER",
    "decimal": f"DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "codes": "VARCHAR",  # a set of codes, sorted and joined with ";"
})
ARROW_TYPES: Final[Mapping[ColumnKind, pa.DataType]] = MappingProxyType({
    "text": pa.string(),
    "integer": pa.int32(),
    "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "codes": pa.string(),
})
PANDAS_TYPES: Final[Mapping[ColumnKind, str]] = MappingProxyType({
    "text": "string", "integer": "Int64", "decimal": "Float64", "boolean": "boolean", "date": "string",
    "codes": "string",
})


def as_column(kind: ColumnKind, meaning: str, *, filled_later: bool = False) -> Any:
    """A field of `Fact` that is a column of the table: its kind (how it is stored) and what it means.

    A column `filled_later` is empty when the fact is read from its article and filled by a later stage that reads
    the whole pile (its story).
    """
    if filled_later:
        return field(default=None, metadata={"kind": kind, "meaning": meaning})
    return field(metadata={"kind": kind, "meaning": meaning})


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of the fact table: a numeric claim with its source, its reading, and what it is about.

    The consistency stage reads these rows and nothing else.
    """

    fact_id: str = as_column("text", "stable id: hash of the source, normalised quote and sentence, and occurrence")
    source: str = as_column(
        "text", "the input path as given (relative, POSIX), `#ID` appended for a JSONL/CSV record"
    )
    article: int = as_column("integer", "1-based index of the article in its document")
    article_title: str | None = as_column("text", "the article's headline")
    article_date: str | None = as_column("text", "the article's date when known (ISO 8601)")
    url: str | None = as_column("text", "the article's URL when known")
    start: int = as_column("integer", "offset of the quantity expression in the document text")
    end: int = as_column("integer", "end offset: `text[start:end] == quote`")
    line: int = as_column(
        "integer", "1-based line of `start` in the file (for a record: its JSONL line or CSV row)"
    )
    column: int = as_column("integer", "1-based column of `start` (for a record: into its text field)")
    quote: str = as_column("text", "the quantity expression exactly as written")
    sentence: str = as_column("text", "the sentence the quote stands in, exactly as written")
    sentence_start: int = as_column(
        "integer", "offset of the sentence in the document text: the quote is `sentence[start - sentence_start:]`"
    )
    value: Decimal | None = as_column(
        "decimal", "the stated value in `unit` (empty for a vague amount with only a lower bound)"
    )
    low: Decimal | None = as_column(
        "decimal", "lower end of the interval the claim allows, in `unit` (empty: unbounded)"
    )
    high: Decimal | None = as_column("decimal", "upper end of the interval, in `unit` (empty: unbounded)")
    low_open: bool = as_column("boolean", "true when `low` itself is excluded (\"more than 90\")")
    high_open: bool = as_column("boolean", "true when `high` itself is excluded (\"almost a million\")")
    precision: Decimal | None = as_column(
        "decimal", "rounding implied by the writing, +/- in `unit` (\"1.7 million\": 50000)"
    )
    qualifier: str | None = as_column(
        "text", "normalised qualifier: about, over, at_least, almost, up_to, under, only, ..."
    )
    unit: str = as_column("text", "canonical unit (count, percent, km, km**2, USD, year, times, ...)")
    dimension: str = as_column("text", "the unit's dimension ([length], [currency_USD], [count], ...)")
    base_value: Decimal | None = as_column("decimal", "the value in the dimension's base unit")
    base_unit: str = as_column("text", "the base unit of `base_value`")
    kind: str = as_column(
        "text", "cardinal, ordinal, percent, multiple, money, measure, duration, range or change"
    )
    entity: str | None = as_column("text", "what is measured: the counted noun phrase with its modifiers")
    metric: str = as_column("text", "the metric id from extract/lexicons/metrics.toml, `other` when none fits")
    places: frozenset[str] = as_column(
        "codes", "countries and regions the claim is about: sorted codes joined with `;`"
    )
    period_start: date | None = as_column("date", "start of the time the claim refers to (ISO date)")
    period_end: date | None = as_column("date", "end of that time (ISO date)")
    period_inherited: bool = as_column(
        "boolean", "true when the period comes from the article's date, not the sentence"
    )
    attributed_to: str | None = as_column(
        "text", "who states the figure, as written (\"Russia's Ministry of the Interior\")"
    )
    hedged: bool = as_column("boolean", "true when the figure is hedged (alleged, reportedly, estimated, ...)")
    negated: bool = as_column("boolean", "true when the claim is negated (\"has not yet passed the demarcation\")")
    change: str | None = as_column("text", "for a change claim: JSON with from, to, by and direction; else empty")
    rule: str = as_column("text", "id of the grammar rule that found the quantity")
    # What the claim's sentence says of its scope, read at extraction (extract/readers/scope.py) so that the
    # consistency stage compares rows and never re-reads sentences.
    projected: bool = as_column(
        "boolean", "true when the figure's clause forecasts, targets or supposes (\"the toll could rise to 100\")"
    )
    increment: bool = as_column(
        "boolean", "true when the figure adds to an earlier count (\"another 12\", \"two more\")"
    )
    local_scope: str | None = as_column(
        "text", "a place below the story's own, or a degree of harm, the count is limited to (\"in x district\")"
    )
    cue_beside: bool = as_column(
        "boolean", "true when a word of the metric touches the figure (\"kills 1\", \"1 dead\")"
    )
    undated_time: frozenset[str] = as_column(
        "codes", "months and relative times without a year in the sentence (\"february\"), joined with `;`"
    )
    several_events: bool = as_column(
        "boolean", "true when the sentence speaks of several events of the claim's kind (\"two quakes\")"
    )
    states_total: bool = as_column("boolean", "true when the figure states a total whose parts follow (\"a total of\")")
    entity_places: frozenset[str] = as_column(
        "codes", "places the entity phrase itself names (\"citizens of Kyrgyzstan\": KGZ), joined with `;`"
    )
    holder: str | None = as_column(
        "text", "whose age or count of children it is (\"man (suspect)\", \"name:gomes\", \"person.children:mother\")"
    )
    age_then: bool = as_column("boolean", "true when an age is given as it was at an earlier time (\"then 25\")")
    implicit: bool = as_column(
        "boolean", "true when no numeral states the count and words imply it (\"a man was shot dead\": 1 killed)"
    )
    perpetrator: str | None = as_column(
        "text", "whether a toll counts the attacker: `included` (\"including the gunman\"), `excluded`, else empty"
    )
    event: str = as_column(
        "text", "which event the figure belongs to: `main` (the article's own) or `other` (a background, earlier or "
        "separate event, or a comparison)"
    )
    event_cue: str | None = as_column("text", "the words that placed the figure in another event (\"a day after\")")
    event_date: str | None = as_column(
        "text", "the date or time read for that other event (\"2004-12\", \"last year\"), when the sentence gives one"
    )
    event_places: frozenset[str] = as_column(
        "codes", "the places read for that other event, joined with `;`"
    )
    story: str | None = as_column(
        "text", "the story (one event or subject) the article tells of, `claims stories` lists them (extract/stories/)",
        filled_later=True,
    )
    # Not a column: the name another article of the story gives the unnamed person whose age this is, set by the
    # consistency stage when it links the articles of a story (extract/consistency/stories.py).
    story_person: str | None = field(default=None, compare=False)

    @property
    def has_explicit_period(self) -> bool:
        """A period its own sentence gives (an inherited article date counts as none)."""
        return self.period_start is not None and not self.period_inherited

    @property
    def change_parts(self) -> Mapping[str, str | None] | None:
        """`change` read: from, to, by and direction (None when the claim states no change)."""
        return _change_parts(self.change) if self.change else None

    @property
    def quote_at(self) -> int:
        """Where the quote starts in its sentence: `sentence[quote_at:quote_end] == quote`."""
        return self.start - self.sentence_start

    @property
    def quote_end(self) -> int:
        return self.end - self.sentence_start

    def shown(self) -> str:
        """The quote as a reader would cite it: “over 1.7 million” (seeds/x.txt:14)."""
        return f"“{self.quote}” ({self.source}:{self.line})"


@cache
def _change_parts(text: str) -> Mapping[str, str | None]:
    return MappingProxyType(json.loads(text))


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind
    meaning: str

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.kind]


COLUMNS: Final[tuple[Column, ...]] = tuple(
    Column(item.name, item.metadata["kind"], item.metadata["meaning"]) for item in fields(Fact) if item.metadata
)
COLUMN_KINDS: Final[Mapping[str, ColumnKind]] = MappingProxyType({c.name: c.kind for c in COLUMNS})


def create_table(name: str, extra: Sequence[tuple[str, str]] = ()) -> str:
    """The DuckDB DDL of a table of facts, with `extra` (name, SQL type) columns after the schema's."""
    body = ", ".join(f'"{c.name}" {c.sql_type}' for c in COLUMNS)
    more = "".join(f', "{name}" {sql_type}' for name, sql_type in extra)
    return f"CREATE TABLE IF NOT EXISTS {name} ({body}{more})"


def arrow_schema() -> pa.Schema:
    """The Arrow (and Parquet) schema of the fact table."""
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.kind]) for c in COLUMNS])


class ValueOutOfRange(ValueError):
    """A number too large (or too finely written) for the table's exact DECIMAL(38, 10) columns."""


_WIDE: Final = decimal.Context(prec=DECIMAL_PRECISION + 2)
_SCALE: Final = Decimal(1).scaleb(-DECIMAL_SCALE)
_LIMIT: Final = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)


def fits_table(*values: Decimal | None) -> bool:
    """Whether every value (None is no value) fits the table's DECIMAL columns: finite, under 10^28 in size,
    and zero or at least 10^-10 (a smaller one would be stored as 0).

    >>> fits_table(Decimal("1.7E+6"), None), fits_table(Decimal("2E+30")), fits_table(Decimal("5E-12"))
    (True, False, False)
    """
    return all(
        value is None or (value.is_finite() and (value == 0 or _SCALE <= abs(value) < _LIMIT)) for value in values
    )


def stored_decimal(value: Decimal) -> Decimal:
    """`value` at the table's scale; a value with more than 28 digits before the point is refused, not rounded."""
    if not value.is_finite() or abs(value) >= _LIMIT:
        raise ValueOutOfRange(f"{value} does not fit DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})")
    return value.quantize(_SCALE, context=_WIDE)


def fact_cells(fact: Fact) -> tuple[object, ...]:
    """The fact's column values as DuckDB and Arrow take them (decimals at the table's scale)."""
    return tuple(_stored(column.kind, getattr(fact, column.name)) for column in COLUMNS)


def _stored(kind: ColumnKind, value: object) -> object:
    if value is None:
        return None
    if kind == "decimal":
        assert isinstance(value, Decimal)
        return stored_decimal(value)
    if kind == "codes":
        assert isinstance(value, frozenset)
        return ";".join(sorted(value)) or None
    return value


def cell_text(kind: ColumnKind, value: object) -> str:
    """A stored value as the CSV writes it: decimals plain and exact, booleans true/false, dates ISO."""
    if value is None or _missing(value):
        return ""
    if kind == "decimal":
        return decimal_text(_decimal(value)) or ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)[:10]
    return str(value)


def fact_from_row(row: Mapping[Any, Any]) -> Fact:
    """A `Fact` from a stored row: DuckDB's or Arrow's values, CSV text, or a pandas row (floats, NA)."""
    return Fact(**{column.name: _read(column.kind, row.get(column.name)) for column in COLUMNS})


def _read(kind: ColumnKind, value: object) -> Any:
    if kind == "boolean":
        if _missing(value):
            return False
        return value.strip().lower() == "true" if isinstance(value, str) else bool(value)
    if kind == "codes" and isinstance(value, frozenset | set | list | tuple):
        return frozenset(value)  # a Fact turned into a dict (dataclasses.asdict) keeps its sets
    if kind == "text":
        # "" is a value (an empty entity); only a true missing value (None, NA, NaN from pandas) is None.
        absent = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
        return None if absent else str(value)
    if _missing(value):
        return frozenset() if kind == "codes" else None
    if kind == "decimal":
        return _decimal(value)
    if kind == "integer":
        return int(value)  # type: ignore[call-overload]
    if kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if kind == "codes":
        return frozenset(filter(None, str(value).split(";")))
    return str(value)


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value is pd.NA or str(value) in ("", "<NA>", "nan", "NaT"))
    except (TypeError, ValueError):
        return False


def _decimal(value: object) -> Decimal:
    """An exact decimal without trailing zeros (DuckDB gives 1700000.0000000000), never in exponent form."""
    if isinstance(value, float):
        found = Decimal(repr(value))  # a float from a pandas view: its shortest repr is what was written
    else:
        found = value if isinstance(value, Decimal) else Decimal(str(value))
    plain = found.normalize(_WIDE)
    return plain.quantize(Decimal(1), context=_WIDE) if plain == plain.to_integral_value() else plain


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal as plain positional text without exponent or trailing zeros: 1.7E+6 -> '1700000'."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def facts_frame(facts: Sequence[Fact]) -> pd.DataFrame:
    """The facts as a DataFrame with the table's columns, for analysis: decimals as floats, missing values NA."""
    records = [
        {
            column.name: _frame_value(column.kind, getattr(fact, column.name))
            for column in COLUMNS
        }
        for fact in facts
    ]
    frame = pd.DataFrame.from_records(records, columns=[column.name for column in COLUMNS])
    for column in COLUMNS:
        frame[column.name] = frame[column.name].astype(PANDAS_TYPES[column.kind])  # type: ignore[call-overload]
    return frame


def _frame_value(kind: ColumnKind, value: object) -> object:
    if value is None:
        return None
    if kind == "decimal":
        return float(value)  # type: ignore[arg-type]
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else value
    if kind == "codes":
        return ";".join(sorted(value)) or None  # type: ignore[call-overload]
    return value


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed over `target` when the block succeeds, removed if not.

    An `OSError` on the way (a full disk, a read-only folder), in the block or in the rename, is an
    `OutputError` naming `target`; the file there before is left as it was. Nested, both targets are named:
    the block writes to both, and an error does not say which file it was writing.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise OutputError([str(target)], _os_problem(error)) from None
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp makes the file 0600; an output is anyone's to read as any file the user creates would be.
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, target)
    except OSError as error:
        raise OutputError([str(target)], _os_problem(error)) from None
    except OutputError as inner:
        raise OutputError([str(target), *inner.targets], inner.problem) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def current_umask() -> int:
    """The process's umask, read without changing it where Linux shows it (`/proc/self/status`).

    Elsewhere it is read by setting it and setting it back, which another thread creating a file at that very
    moment would see: that happens once, the first time, and is remembered.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _umask_once()


@cache
def _umask_once() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _os_problem(error: OSError) -> str:
    """The operating system's words for `error` ("No space left on device"), without a path or a library's
    wording around them (pyarrow's "Error writing bytes to file. Detail: [errno 28] ...")."""
    return os.strerror(error.errno) if error.errno else str(error)
