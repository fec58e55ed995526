"""The fact store: an embedded DuckDB database holding documents (with their text), articles and facts.

One row in `inputs` per input file records the content hash and extractor version it was extracted with,
so that a re-run skips unchanged files and replaces the rows of changed ones, never duplicating them.
`facts.csv` and `facts.parquet` are exported from the store in a stable order, streamed in batches so that
memory does not grow with the corpus.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Final

import duckdb
import pyarrow as pa

from extract.articles import Article
from extract.documents import Document
from extract.errors import ClaimsError
from extract.table import COLUMNS, Fact, atomic_path, decimal_text

__all__ = ["FACT_ORDER", "FactStore", "InputState", "StoreError"]

SCHEMA_VERSION: Final = 1
# Stable, diff-friendly order of the exported table: by file, then position, then id.
FACT_ORDER: Final = "split_part(source, '#', 1), line, start, \"end\", fact_id"
EXPORT_BATCH_ROWS: Final = 5_000
MEMORY_LIMIT: Final = "256MB"

DOCUMENT_COLUMNS: Final = (
    ("source", "VARCHAR"), ("input", "VARCHAR"), ("format", "VARCHAR"), ("record_id", "VARCHAR"),
    ("record_line", "INTEGER"), ("title", "VARCHAR"), ("date", "VARCHAR"), ("url", "VARCHAR"),
    ("author", "VARCHAR"), ("text", "VARCHAR"),
)
ARTICLE_COLUMNS: Final = (
    ("source", "VARCHAR"), ("input", "VARCHAR"), ("article", "INTEGER"), ("layout", "VARCHAR"),
    ("title", "VARCHAR"), ("subtitle", "VARCHAR"), ("author", "VARCHAR"), ("start", "INTEGER"),
    ("end", "INTEGER"), ("title_start", "INTEGER"), ("title_end", "INTEGER"),
)


class StoreError(ClaimsError):
    """The store cannot be opened or written."""


@dataclass(frozen=True, slots=True)
class InputState:
    """What the store knows of one input file."""

    input: str
    content_hash: str
    extractor_version: str


def _create_table(name: str, columns: Iterable[tuple[str, str]], extra: str = "") -> str:
    body = ", ".join(f'"{column}" {sql_type}' for column, sql_type in columns)
    return f"CREATE TABLE IF NOT EXISTS {name} ({body}{extra})"


class FactStore:
    """The DuckDB store at `path`; use as a context manager."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        if read_only and not path.exists():
            raise StoreError(f"{path}: no fact store here; run `claims extract` first")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # A bounded buffer pool keeps memory flat however large the corpus grows (DuckDB evicts and spills).
            self.connection = duckdb.connect(
                str(path), read_only=read_only,
                config={"memory_limit": MEMORY_LIMIT, "threads": 2},
            )
            self.connection.execute("SET enable_progress_bar = false")
        except duckdb.Error as error:
            raise StoreError(f"{path}: cannot open the fact store ({error})") from None
        if not read_only:
            self._create_schema()

    def __enter__(self) -> FactStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.connection.close()

    def _create_schema(self) -> None:
        run = self.connection.execute
        run("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        found = run("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is not None and found[0] != str(SCHEMA_VERSION):
            for table in ("inputs", "documents", "articles", "facts"):
                run(f"DROP TABLE IF EXISTS {table}")
        run(
            "CREATE TABLE IF NOT EXISTS inputs (input VARCHAR PRIMARY KEY, content_hash VARCHAR, "
            "extractor_version VARCHAR)"
        )
        run(_create_table("documents", DOCUMENT_COLUMNS))
        run(_create_table("articles", ARTICLE_COLUMNS))
        run(_create_table("facts", [(c.name, c.sql_type) for c in COLUMNS], extra=', "input" VARCHAR'))
        run(
            "CREATE TABLE IF NOT EXISTS discrepancies (fingerprint VARCHAR PRIMARY KEY, rule VARCHAR, "
            "severity VARCHAR, title VARCHAR, explanation VARCHAR)"
        )
        run("CREATE TABLE IF NOT EXISTS discrepancy_facts (fingerprint VARCHAR, fact_id VARCHAR, role VARCHAR)")
        run("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    # -- incremental bookkeeping -------------------------------------------------------------------------

    def input_states(self) -> dict[str, InputState]:
        rows = self.connection.execute("SELECT input, content_hash, extractor_version FROM inputs").fetchall()
        return {row[0]: InputState(*row) for row in rows}

    def forget(self, inputs: Sequence[str]) -> None:
        """Drop every row that came from `inputs` (before re-extracting them, or when they are gone)."""
        if not inputs:
            return
        for table in ("facts", "articles", "documents", "inputs"):
            self.connection.execute(f"DELETE FROM {table} WHERE input IN (SELECT unnest(?))", [list(inputs)])

    def mark_done(self, state: InputState) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?)",
            [state.input, state.content_hash, state.extractor_version],
        )

    # -- writing -----------------------------------------------------------------------------------------

    def add(self, documents: Sequence[tuple[Document, Sequence[Article], Sequence[Fact]]]) -> None:
        """Insert a batch of documents with their articles and facts, as Arrow tables (fast, bounded)."""
        document_rows = [
            (d.source, d.path, d.format, d.record_id, d.record_line, d.title, d.date, d.url, d.author, d.text)
            for d, _, _ in documents
        ]
        article_rows = [
            (
                a.source, d.path, a.index, a.layout, a.title, a.subtitle.text if a.subtitle else None, a.author,
                a.start, a.end, a.title_span.start if a.title_span else None,
                a.title_span.end if a.title_span else None,
            )
            for d, articles, _ in documents
            for a in articles
        ]
        fact_rows = [(*_fact_row(fact), d.path) for d, _, facts in documents for fact in facts]
        self._insert("documents", [name for name, _ in DOCUMENT_COLUMNS], document_rows)
        self._insert("articles", [name for name, _ in ARTICLE_COLUMNS], article_rows)
        self._insert("facts", [*(c.name for c in COLUMNS), "input"], fact_rows)

    def _insert(self, table: str, names: Sequence[str], rows: Sequence[tuple[object, ...]]) -> None:
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        batch = pa.table({name: pa.array(list(values)) for name, values in zip(names, columns, strict=True)})
        self.connection.register("incoming", batch)
        try:
            quoted = ", ".join(f'"{name}"' for name in names)
            self.connection.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM incoming")
        finally:
            self.connection.unregister("incoming")

    # -- reading and exporting ---------------------------------------------------------------------------

    def count(self, table: str) -> int:
        found = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(found[0]) if found else 0

    def fact_rows(self) -> list[dict[str, object]]:
        """Every fact as a dict of column values, in the table's stable order."""
        quoted = ", ".join(f'"{column.name}"' for column in COLUMNS)
        frame = self.connection.sql(f"SELECT {quoted} FROM facts ORDER BY {FACT_ORDER}").df()
        return [
            {name: (None if _is_missing(value) else value) for name, value in row.items()}
            for row in frame.to_dict("records")
        ]

    def replace_discrepancies(self, rows: Sequence[tuple[str, str, str, str, str]],
                              links: Sequence[tuple[str, str, str]]) -> None:
        """Store the latest check's discrepancies (fingerprint, rule, severity, title, explanation) and links."""
        self.connection.execute("DELETE FROM discrepancy_facts")
        self.connection.execute("DELETE FROM discrepancies")
        self._insert("discrepancies", ["fingerprint", "rule", "severity", "title", "explanation"], rows)
        self._insert("discrepancy_facts", ["fingerprint", "fact_id", "role"], links)

    def export_csv(self, target: Path) -> int:
        """Write the facts to `target` as CSV in the stable order; returns the number of rows."""
        names = [column.name for column in COLUMNS]
        decimals = {column.name for column in COLUMNS if column.sql_type == "DOUBLE"}
        booleans = {column.name for column in COLUMNS if column.sql_type == "BOOLEAN"}
        quoted = ", ".join(f'"{name}"' for name in names)
        reader = self.connection.sql(f"SELECT {quoted} FROM facts ORDER BY {FACT_ORDER}").to_arrow_reader(
            EXPORT_BATCH_ROWS
        )
        rows = 0
        with atomic_path(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(names)
            for batch in reader:
                for record in batch.to_pylist():
                    writer.writerow([_csv_cell(record[name], name in decimals, name in booleans) for name in names])
                    rows += 1
        return rows

    def export_parquet(self, target: Path) -> None:
        quoted = ", ".join(f'"{column.name}"' for column in COLUMNS)
        with atomic_path(target) as temporary:
            self.connection.execute(
                f"COPY (SELECT {quoted} FROM facts ORDER BY {FACT_ORDER}) TO '{_sql_string(temporary)}' "
                "(FORMAT PARQUET)"
            )


def _is_missing(value: object) -> bool:
    try:
        return bool(value is None or value != value or str(value) == "<NA>")  # NaN is not equal to itself
    except (TypeError, ValueError):
        return False


def _fact_row(fact: Fact) -> tuple[object, ...]:
    return tuple(float(value) if isinstance(value, Decimal) else value for value in astuple(fact))


def _csv_cell(value: object, is_decimal: bool, is_boolean: bool) -> str:
    if value is None:
        return ""
    if is_decimal and isinstance(value, float):
        return decimal_text(Decimal(repr(value))) or ""
    if is_boolean:
        return "true" if value else "false"
    return str(value)


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")
