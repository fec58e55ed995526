"""The fact store: an embedded DuckDB database holding documents (with their text), articles and facts.

One row in `inputs` per input file records the content hash and extractor version it was extracted with,
so that a re-run skips unchanged files and replaces the rows of changed ones, never duplicating them.
`facts.csv` and `facts.parquet` are exported from the store together in a stable order, sorted and written a
chunk of rows at a time so that memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from extract.display import spreadsheet_text
from extract.errors import ClaimsError
from extract.ingest.articles import Article
from extract.ingest.documents import Document
from extract.table.schema import (
    ARROW_TYPES,
    COLUMN_KINDS,
    COLUMNS,
    Fact,
    ValueOutOfRange,
    atomic_path,
    cell_text,
    create_table,
    fact_cells,
)

__all__ = [
    "EXTRACT_MEMORY_LIMIT",
    "FACT_ORDER",
    "MEMORY_LIMIT",
    "FactStore",
    "InputState",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "set_aside",
]

# 4: implicit counts and event keys; 3: stories and the facts' story; 2: exact DECIMAL numbers and DATE periods
SCHEMA_VERSION: Final = 4
# Stable, diff-friendly order of the exported table: by file, then position, then id.
FACT_ORDER: Final = "split_part(source, '#', 1), line, start, \"end\", fact_id"
EXPORT_BATCH_ROWS: Final = 5_000
INSERT_BATCH_ROWS: Final = 50_000  # rows turned into one Arrow table at a time when a batch is inserted
HISTOGRAM_BUCKETS: Final = 64  # parts a range of positions is cut into while looking for chunk boundaries
# A fact's place in a file as one number, in the stable order: its line, then its start offset (under 2^32).
_POSITION: Final = "(line::BIGINT * 4294967296 + start)"
CSV_SLICE_ROWS: Final = 500  # rows turned into Python objects at a time for the CSV writer
MIB: Final = 2**20
# DuckDB keeps the blocks of the tables it writes or reads in memory until it reaches its memory limit, so
# its memory stops growing with the corpus only at that limit. Queries (`claims check`, `query`, `facts`)
# get room to work; `claims extract` only inserts small batches (its checkpoints need some room) and the
# export only sorts a chunk at a time, so their limits are small: memory stays flat from a few thousand
# records on.
MEMORY_LIMIT: Final = 256 * MIB
EXTRACT_MEMORY_LIMIT: Final = 48 * MIB
EXPORT_MEMORY_LIMIT: Final = 24 * MIB

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

STORY_COLUMNS: Final = (
    ("story", "VARCHAR"), ("title", "VARCHAR"), ("first_date", "DATE"), ("last_date", "DATE"),
    ("articles", "INTEGER"), ("linking_terms", "VARCHAR"), ("cohesion", "DOUBLE"),
)


class StoreError(ClaimsError):
    """The store cannot be opened or written."""


class StoreDamaged(StoreError):
    """The store file is damaged: truncated, or a block fails DuckDB's checksum. It holds nothing that the inputs
    do not: `claims extract` moves it aside and builds it again."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: the fact store is damaged ({problem}); `claims extract` rebuilds it from the inputs")
        self.path = path
        self.problem = problem


class StoreLocked(StoreError):
    """Another process has the store open: DuckDB lets one process write a database file, and none read it then."""

    def __init__(self, path: Path, holder: int | None) -> None:
        by = f" (process {holder})" if holder else ""
        super().__init__(f"{path}: another claims run holds the fact store{by}; try again when it has finished")
        self.path = path


# What DuckDB says of a file that is not whole, and what this means, in a few words.
DAMAGE_SIGNS: Final = (
    ("Could not read enough bytes", "it is truncated"),
    ("not a valid DuckDB database file", "it is not a DuckDB database"),
    ("Corrupt database file", "a block fails its checksum"),
)
# What the operating system says, in DuckDB's messages, when the store's folder cannot take a write.
DISK_SIGNS: Final = ("No space left on device", "Disk quota exceeded", "Read-only file system", "Permission denied",
                     "Operation not permitted")


def _known_error(path: Path, error: duckdb.Error) -> StoreError | None:
    """`error` as one line naming the store, when it is the store's file or disk at fault and not a query's."""
    text = " ".join(str(error).split())
    if "Could not set lock" in text:
        holder = re.search(r"\(PID (\d+)\)", text)
        return StoreLocked(path, int(holder[1]) if holder else None)
    for sign, problem in DAMAGE_SIGNS:
        if sign in text:
            where = re.search(r"location (\d+)", text)
            return StoreDamaged(path, f"{problem} at byte {where[1]}" if where else problem)
    for sign in DISK_SIGNS:
        if sign in text:
            return StoreError(f"{path}: cannot write the fact store: {sign.lower()}")
    return None


def set_aside(path: Path) -> Path:
    """Rename the damaged store at `path` (and its write-ahead log) to `NAME.damaged-TIME`, kept to look into."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    log = path.with_name(f"{path.name}.wal")
    try:
        os.replace(path, aside)
        if log.exists():
            os.replace(log, aside.with_name(f"{aside.name}.wal"))
    except OSError as error:
        raise StoreError(f"{path}: the fact store is damaged and cannot be moved aside ({error.strerror})") from None
    return aside


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

    def __init__(
        self, path: Path, *, read_only: bool = False, memory_limit: int = MEMORY_LIMIT, locked: bool = False
    ) -> None:
        """Open (or create) the store; `memory_limit` (bytes) bounds DuckDB's buffer pool (see MEMORY_LIMIT).

        `locked` (for SQL of the user's own, `claims query`): no file, URL or extension beyond the store can be
        reached, and no setting can change after this setup, so no statement can undo the other limits.
        """
        self.path = path
        self.memory_limit = memory_limit
        if read_only and not path.exists():
            raise StoreError(f"{path}: no fact store here; run `claims extract` first")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{path}: cannot create the folder: {error.strerror or error}") from None
        # A bounded buffer pool keeps memory flat however large the corpus grows (DuckDB evicts and spills):
        # see MEMORY_LIMIT.
        config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": f"{memory_limit}B", "threads": 2}
        if locked:
            config |= {
                "enable_external_access": False,
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
            }
        try:
            self.connection = duckdb.connect(str(path), read_only=read_only, config=config)
            self.connection.execute("SET enable_progress_bar = false")
            if locked:
                self.connection.execute("SET lock_configuration = true")
        except duckdb.Error as error:
            known = _known_error(path, error)
            raise known or StoreError(f"{path}: cannot open the fact store ({' '.join(str(error).split())})") from None
        try:
            self._verify()
            if not read_only:
                self._create_schema()
        except BaseException as failure:
            # Closed before raising: DuckDB would hand a later connection to this path (a store built afresh
            # after this one is moved aside) the same open database.
            self.connection.close()
            if isinstance(failure, duckdb.Error):
                known = _known_error(path, failure)
                if known:
                    raise known from None
            raise

    def __enter__(self) -> FactStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        try:
            self.connection.close()  # the last checkpoint: it too may find the disk full
        except duckdb.Error as closing:
            if error is None:
                raise _known_error(self.path, closing) or closing from None
        # A full disk or a damaged block met part way is the store's fault, told in one line; an error of a
        # query is not, and keeps its traceback.
        if isinstance(error, duckdb.Error):
            known = _known_error(self.path, error)
            if known:
                raise known from None

    def _verify(self) -> None:
        """Read every column of every table once, so that DuckDB checks the checksum of every block in use.

        A truncated store, or one with bytes changed in a block of data, opens without a word: DuckDB checks a
        block only when a query reads it (a count reads none). This scan finds such damage before anything
        is written, for a scan's time (the extraction and the check read most of the store anyway).
        """
        tables = self.connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
        for (table,) in tables:
            # A text larger than the memory limit cannot be read whole here (the extraction raised the limit to
            # store it): such a table goes unchecked, and damage in it is still told in one line when met.
            with contextlib.suppress(duckdb.OutOfMemoryException):
                self.connection.execute(f'SELECT max(hash(COLUMNS(*))) FROM "{table}"').fetchall()

    def _create_schema(self) -> None:
        run = self.connection.execute
        run("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        found = run("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is not None and found[0] != str(SCHEMA_VERSION):
            for table in ("inputs", "documents", "articles", "facts", "stories", "article_stories"):
                run(f"DROP TABLE IF EXISTS {table}")
        run(
            "CREATE TABLE IF NOT EXISTS inputs (input VARCHAR PRIMARY KEY, content_hash VARCHAR, "
            "extractor_version VARCHAR)"
        )
        run(_create_table("documents", DOCUMENT_COLUMNS))
        run(_create_table("articles", ARTICLE_COLUMNS))
        run(create_table("facts", extra=[("input", "VARCHAR")]))
        run(
            "CREATE TABLE IF NOT EXISTS discrepancies (fingerprint VARCHAR PRIMARY KEY, rule VARCHAR, "
            "severity VARCHAR, title VARCHAR, explanation VARCHAR)"
        )
        run("CREATE TABLE IF NOT EXISTS discrepancy_facts (fingerprint VARCHAR, fact_id VARCHAR, role VARCHAR)")
        run(_create_table("stories", STORY_COLUMNS))
        run("CREATE TABLE IF NOT EXISTS article_stories (source VARCHAR, article INTEGER, story VARCHAR)")
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

    def checkpoint(self) -> None:
        """Write what the log holds into the database file now (DuckDB does it when closing otherwise)."""
        self.connection.execute("CHECKPOINT")

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
        fact_types = {c.name: ARROW_TYPES[c.kind] for c in COLUMNS}
        self._make_room([d.text for d, _, _ in documents])
        self._insert("documents", [name for name, _ in DOCUMENT_COLUMNS], document_rows)
        self._insert("articles", [name for name, _ in ARTICLE_COLUMNS], article_rows)
        self._insert("facts", [*(c.name for c in COLUMNS), "input"], fact_rows, fact_types)

    def _make_room(self, texts: Sequence[str]) -> None:
        """Raise the memory limit for the rest of the session if a text is too large for it.

        DuckDB holds a string whole in its buffer pool, with room to spare: a document's text must fit in
        about a third of the limit (at most 4 UTF-8 bytes a character).
        """
        if 12 * max(map(len, texts), default=0) <= self.memory_limit:
            return
        needed = 3 * max(len(text.encode("utf-8", "surrogatepass")) for text in texts)
        if needed > self.memory_limit:
            self.memory_limit = needed
            self.connection.execute(f"SET memory_limit = '{needed}B'")

    def _insert(
        self,
        table: str,
        names: Sequence[str],
        rows: Sequence[tuple[object, ...]],
        types: dict[str, pa.DataType] | None = None,
    ) -> None:
        if len(rows) > INSERT_BATCH_ROWS:  # a document of a million facts: Arrow copies of a slice at a time
            for start in range(0, len(rows), INSERT_BATCH_ROWS):
                self._insert(table, names, rows[start : start + INSERT_BATCH_ROWS], types)
            return
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        batch = pa.table({
            name: pa.array(list(values), type=(types or {}).get(name))
            for name, values in zip(names, columns, strict=True)
        })
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
        """Every fact as a dict of column values (decimals exact, periods as dates), in the table's stable order."""
        quoted = ", ".join(f'"{column.name}"' for column in COLUMNS)
        rows: list[dict[str, object]] = (
            self.connection.sql(f"SELECT {quoted} FROM facts ORDER BY {FACT_ORDER}").to_arrow_table().to_pylist()
        )
        return rows

    def meta(self, key: str) -> str | None:
        found = self.connection.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(found[0]) if found else None

    def set_meta(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def article_texts(self) -> list[tuple[str, int, str | None, str | None, str]]:
        """Every article of the store as (source, index, title, date as written, text), for the story grouping."""
        rows = self.connection.execute(
            "SELECT a.source, a.article, coalesce(a.title, d.title), d.date, "
            "substring(d.text, a.start + 1, a.\"end\" - a.start) "
            "FROM articles a JOIN documents d ON a.source = d.source AND a.input = d.input "
            "ORDER BY a.source, a.article"
        ).fetchall()
        return [(source, article, title, day, text or "") for source, article, title, day, text in rows]

    def replace_stories(
        self, stories: Sequence[tuple[object, ...]], members: Sequence[tuple[str, int, str]]
    ) -> None:
        """Store the pile's stories (rows of STORY_COLUMNS) and which article is in which (source, article,
        story), and set each fact's `story` to its article's."""
        run = self.connection.execute
        run("DELETE FROM stories")
        run("DELETE FROM article_stories")
        self._insert("stories", [name for name, _ in STORY_COLUMNS], stories)
        self._insert("article_stories", ["source", "article", "story"], members)
        run(
            "UPDATE facts SET story = a.story FROM article_stories a "
            "WHERE facts.source = a.source AND facts.article = a.article"
        )

    def stories(self) -> list[dict[str, object]]:
        """The stories table, largest first, with the sources of their articles."""
        rows: list[dict[str, object]] = self.connection.sql(
            "SELECT s.*, list(a.source || '#' || a.article ORDER BY a.source, a.article) AS members "
            "FROM stories s JOIN article_stories a USING (story) GROUP BY ALL "
            "ORDER BY s.articles DESC, s.first_date NULLS LAST, s.story"
        ).to_arrow_table().to_pylist()
        return rows

    def replace_discrepancies(self, rows: Sequence[tuple[str, str, str, str, str]],
                              links: Sequence[tuple[str, str, str]]) -> None:
        """Store the latest check's discrepancies (fingerprint, rule, severity, title, explanation) and links."""
        self.connection.execute("DELETE FROM discrepancy_facts")
        self.connection.execute("DELETE FROM discrepancies")
        self._insert("discrepancies", ["fingerprint", "rule", "severity", "title", "explanation"], rows)
        self._insert("discrepancy_facts", ["fingerprint", "fact_id", "role"], links)

    def export(self, csv_target: Path, parquet_target: Path, *, raw_csv: bool = False) -> int:
        """Write the facts to `csv_target` (CSV) and `parquet_target` (Parquet) in the stable order, in one pass.

        A CSV text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a `'` before
        it (`extract.display.spreadsheet_text`), unless `raw_csv`; numbers and the Parquet file are never
        changed. Returns the number of rows. The rows are sorted a chunk of about `EXPORT_BATCH_ROWS` at a time (see
        `_export_chunks`) and each chunk is written before the next is read, so memory does not grow with
        the table: one ORDER BY over the whole table would hold all of it (DuckDB sorts in memory up to its
        memory limit), and so did `COPY (... ORDER BY ...) TO` for the Parquet file. Meanwhile the memory
        limit is lowered to `EXPORT_MEMORY_LIMIT`, so that DuckDB does not keep every block it reads cached.
        """
        names = [column.name for column in COLUMNS]
        texts = set() if raw_csv else {name for name in names if COLUMN_KINDS[name] in ("text", "codes")}
        quoted = ", ".join(f'"{name}"' for name in names)
        schema = self.connection.sql(f"SELECT {quoted} FROM facts LIMIT 0").to_arrow_table().schema
        rows = 0
        with (
            self._memory_limited(min(self.memory_limit, EXPORT_MEMORY_LIMIT)),
            contextlib.closing(self.sorted_fact_batches()) as batches,  # closed (its query ended) on any error
            atomic_path(csv_target) as csv_temporary,
            atomic_path(parquet_target) as parquet_temporary,
            csv_temporary.open("w", encoding="utf-8", newline="") as handle,
            pq.ParquetWriter(parquet_temporary, schema, compression="snappy") as parquet,
        ):
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(names)
            group: list[pa.RecordBatch] = []  # the next Parquet row group: at least EXPORT_BATCH_ROWS rows
            for batch in batches:
                for start in range(0, batch.num_rows, CSV_SLICE_ROWS):
                    for record in batch.slice(start, CSV_SLICE_ROWS).to_pylist():
                        cells = [cell_text(COLUMN_KINDS[name], record[name]) for name in names]
                        writer.writerow([
                            spreadsheet_text(cell) if name in texts else cell
                            for name, cell in zip(names, cells, strict=True)
                        ])
                rows += batch.num_rows
                group.append(batch)
                if sum(part.num_rows for part in group) >= EXPORT_BATCH_ROWS:
                    _write_row_group(parquet, schema, group)
                    group = []
            _write_row_group(parquet, schema, group)
        return rows

    @contextlib.contextmanager
    def _memory_limited(self, limit: int) -> Iterator[None]:
        """Lower the memory limit for a block (DuckDB evicts cached blocks to meet it), then restore it."""
        self.connection.execute(f"SET memory_limit = '{limit}B'")
        try:
            yield
        finally:
            self.connection.execute(f"SET memory_limit = '{self.memory_limit}B'")

    def sorted_fact_batches(self) -> Generator[pa.RecordBatch, None, None]:
        """The facts (the table's columns) in the stable order, as Arrow batches of at most `EXPORT_BATCH_ROWS`.

        Each chunk from `_export_chunks` is sorted by `FACT_ORDER` on its own: the chunks follow each other in
        that order, so their concatenation is the sorted table. Do not run other queries on this store while
        iterating (an open result blocks the connection), or close the iterator first.
        """
        quoted = ", ".join(f'"{column.name}"' for column in COLUMNS)
        for condition, parameters in self._export_chunks():
            reader = self.connection.sql(
                f"SELECT {quoted} FROM facts WHERE {condition} ORDER BY {FACT_ORDER}", params=parameters
            ).to_arrow_reader(EXPORT_BATCH_ROWS)
            with reader:
                yield from reader

    def _chunk_ends(self, selected: str, inputs: list[str]) -> list[int]:
        """The last position of each chunk of about `EXPORT_BATCH_ROWS` facts of a large file, in order.

        Found by histograms, not by sorting every position (a sort or a grouping of a million positions of one
        line does not fit the export's memory limit): a range holding too many facts is cut into
        `HISTOGRAM_BUCKETS` equal parts and counted, again and again, down to ranges of at most a chunk (or of one
        position); consecutive ranges are then merged into chunks.
        """
        found = self.connection.execute(
            f"SELECT min({_POSITION}), max({_POSITION}), count(*) FROM facts WHERE {selected}", [inputs]
        ).fetchone()
        if found is None or not found[2]:
            return []
        pending = [(int(found[0]), int(found[1]), int(found[2]))]
        leaves: list[tuple[int, int, int]] = []
        while pending:
            first, last, facts = pending.pop()
            if facts <= EXPORT_BATCH_ROWS or first == last:
                leaves.append((first, last, facts))
                continue
            width = (last - first) // HISTOGRAM_BUCKETS + 1
            parts = self.connection.execute(
                f"SELECT ({_POSITION} - ?) // ? AS part, min({_POSITION}), max({_POSITION}), count(*) FROM facts "
                f"WHERE {selected} AND {_POSITION} BETWEEN ? AND ? GROUP BY part",
                [first, width, inputs, first, last],
            ).fetchall()
            pending.extend((int(low), int(high), int(count)) for _, low, high, count in parts)
        return _merged_ends(sorted(leaves))

    def _export_chunks(self) -> Iterator[tuple[str, list[object]]]:
        """SQL conditions (with their parameters) that cut the facts into consecutive chunks of the stable order.

        `FACT_ORDER` starts with the file (the source up to `#`), the line and the start offset, so a chunk is a
        run of whole files, or, for a file with more than `EXPORT_BATCH_ROWS` facts (a large JSONL or CSV file, a
        text of one huge line), a range of its (line, start) positions: rows, never a whole line however many facts
        it holds. Files are selected by their `input` column. Only one row per file, and one per chunk of a large
        file, is read here.
        """
        files = self.connection.execute(
            "SELECT file, list(input ORDER BY input), sum(rows)::BIGINT, bool_and(file = last_file) FROM ("
            "  SELECT input, min(split_part(source, '#', 1)) AS file, max(split_part(source, '#', 1)) AS last_file,"
            "  count(*) AS rows FROM facts GROUP BY input"
            ") GROUP BY file ORDER BY file"
        ).fetchall()
        if not all(single for _, _, _, single in files):
            # An input whose facts name different files cannot be cut by input: sort the table whole.
            yield "true", []
            return
        pending: list[str] = []
        pending_rows = 0
        for _, inputs, rows, _ in files:
            if pending and pending_rows + rows > EXPORT_BATCH_ROWS:
                yield "input IN (SELECT unnest(?))", [pending]
                pending, pending_rows = [], 0
            if rows <= EXPORT_BATCH_ROWS:
                pending.extend(inputs)
                pending_rows += rows
                continue
            selected = "input IN (SELECT unnest(?))"
            ends = self._chunk_ends(selected, inputs)
            after: int | None = None
            for end in ends:
                if after is None:
                    yield f"{selected} AND {_POSITION} <= ?", [inputs, end]
                else:
                    yield f"{selected} AND {_POSITION} > ? AND {_POSITION} <= ?", [inputs, after, end]
                after = end
        if pending:
            yield "input IN (SELECT unnest(?))", [pending]


def _merged_ends(leaves: Sequence[tuple[int, int, int]]) -> list[int]:
    """The last position of each chunk: consecutive (first, last, facts) ranges merged while they hold at most
    `EXPORT_BATCH_ROWS` facts together (a range holding more is a chunk of its own)."""
    ends: list[int] = []
    held = 0
    for index, (_, _, facts) in enumerate(leaves):
        if held and held + facts > EXPORT_BATCH_ROWS:
            ends.append(leaves[index - 1][1])
            held = 0
        held += facts
    if leaves:
        ends.append(leaves[-1][1])
    return ends


def _write_row_group(writer: pq.ParquetWriter, schema: pa.Schema, batches: Sequence[pa.RecordBatch]) -> None:
    if batches:
        table = pa.Table.from_batches(batches, schema)
        writer.write_table(table, row_group_size=table.num_rows)


def _fact_row(fact: Fact) -> tuple[object, ...]:
    try:
        return fact_cells(fact)
    except ValueOutOfRange as error:
        where = f"{fact.source}:{fact.line}"
        raise StoreError(f"{where}: {fact.quote!r}: {error}; so large a number is not supported") from None
