"""The fact store's export: sorted a bounded chunk at a time, yet in exactly the order of one ORDER BY over the
table; and a document too large for the store's small memory limit still goes in."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.errors import OutputError
from extract.ingest.documents import Document
from extract.table import store as store_module
from extract.table.store import FACT_ORDER, MIB, FactStore

CHUNK = 4


def _rows(seed: int) -> list[tuple[str, str, int, int, int, str]]:
    """(fact_id, source, line, start, end, input) of a large JSONL file, small files and two inputs whose
    sources share a file part (`x#1.txt` and `x#2.txt` both sort as `x`, so their lines interleave)."""
    pick = random.Random(seed)
    rows = []

    def add(source: str, line: int, input_path: str) -> None:
        start = pick.randrange(0, 50)
        rows.append((f"{pick.getrandbits(64):016x}", source, line, start, start + pick.randrange(1, 5), input_path))

    for line in range(1, 40):
        for _ in range(pick.randrange(0, 4)):
            add(f"big.jsonl#{pick.randrange(1000)}", line, "big.jsonl")
    for name in ("a.txt", "c.txt", "m.txt", "z.txt", "dir/b.txt", "x#1.txt", "x#2.txt"):
        for _ in range(pick.randrange(1, 4)):
            add(name, pick.randrange(1, 9), name)
    pick.shuffle(rows)
    return rows


def _filled(path: Path, rows: list[tuple[str, str, int, int, int, str]]) -> FactStore:
    store = FactStore(path)
    store.connection.executemany(
        'INSERT INTO facts (fact_id, source, line, start, "end", input) VALUES (?, ?, ?, ?, ?, ?)', rows
    )
    return store


def _exported_ids(store: FactStore) -> list[str]:
    return [fact_id for batch in store.sorted_fact_batches() for fact_id in batch.column("fact_id").to_pylist()]


def _sorted_ids(store: FactStore) -> list[str]:
    """The fact ids in the order of one ORDER BY over the whole table."""
    return [str(row[0]) for row in store.connection.execute(f"SELECT fact_id FROM facts ORDER BY {FACT_ORDER}").fetchall()]


def _one(store: FactStore, sql: str, parameters: list[object] | None = None) -> int:
    found = store.connection.execute(sql, parameters or []).fetchone()
    assert found is not None
    return int(found[0])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_chunks_are_small_and_follow_each_other_in_the_stable_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setattr(store_module, "EXPORT_BATCH_ROWS", CHUNK)
    with _filled(tmp_path / "claims.duckdb", _rows(seed)) as store:
        expected = _sorted_ids(store)
        chunks = list(store._export_chunks())
        sizes = [_one(store, f"SELECT count(*) FROM facts WHERE {where}", parameters) for where, parameters in chunks]
        widest_position = _one(
            store,
            "SELECT max(n) FROM (SELECT count(*) AS n FROM facts GROUP BY split_part(source, '#', 1), line, start)",
        )
        assert _exported_ids(store) == expected
    assert len(chunks) > 5 and sum(sizes) == len(expected)
    assert max(sizes) < CHUNK + widest_position  # at most CHUNK rows, but the facts of one position stay together


def test_the_facts_of_one_huge_line_are_cut_into_chunks_of_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A text of one 50 MB line holds a million facts on line 1: a chunk per line would sort them all at once.
    monkeypatch.setattr(store_module, "EXPORT_BATCH_ROWS", CHUNK)
    rows = [(f"{index:016x}", "one-line.txt", 1, 7 * (index // 2), 7 * (index // 2) + 3, "one-line.txt")
            for index in range(40 * CHUNK)]
    with _filled(tmp_path / "claims.duckdb", rows) as store:
        expected = _sorted_ids(store)
        chunks = list(store._export_chunks())
        sizes = [_one(store, f"SELECT count(*) FROM facts WHERE {where}", parameters) for where, parameters in chunks]
        assert _exported_ids(store) == expected
    assert len(chunks) >= 40 and sum(sizes) == len(expected) and max(sizes) <= CHUNK + 1


def test_an_input_naming_two_files_is_sorted_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "EXPORT_BATCH_ROWS", CHUNK)
    rows = [*_rows(3), ("0" * 16, "p#1", 1, 0, 1, "odd"), ("1" * 16, "q#1", 1, 0, 1, "odd")]
    with _filled(tmp_path / "claims.duckdb", rows) as store:
        expected = _sorted_ids(store)
        assert list(store._export_chunks()) == [("true", [])]
        assert _exported_ids(store) == expected


def test_export_writes_csv_and_parquet_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "EXPORT_BATCH_ROWS", CHUNK)
    with _filled(tmp_path / "claims.duckdb", _rows(4)) as store:
        limit = store.connection.execute("SELECT current_setting('memory_limit')").fetchall()
        total = store.export(tmp_path / "facts.csv", tmp_path / "facts.parquet")
        expected = _sorted_ids(store)
        assert store.connection.execute("SELECT current_setting('memory_limit')").fetchall() == limit  # restored
    lines = (tmp_path / "facts.csv").read_text(encoding="utf-8").splitlines()
    assert total == len(expected) == len(lines) - 1
    assert [line.split(",")[0] for line in lines[1:]] == expected
    parquet = pq.ParquetFile(tmp_path / "facts.parquet")
    assert parquet.read().column("fact_id").to_pylist() == expected
    groups = [parquet.metadata.row_group(index).num_rows for index in range(parquet.metadata.num_row_groups)]
    assert len(groups) > 1 and all(rows >= CHUNK for rows in groups[:-1])


def test_a_document_larger_than_the_memory_limit_allows_raises_it(tmp_path: Path) -> None:
    text = "x" * (8 * MIB)  # DuckDB cannot hold it within 16 MiB
    document = Document(source="huge.txt", path="huge.txt", format="txt", text=text)
    with FactStore(tmp_path / "claims.duckdb", memory_limit=16 * MIB) as store:
        store.add([(document, [], [])])
        assert store.memory_limit > 16 * MIB
        assert store.connection.execute("SELECT length(text) FROM documents").fetchall() == [(len(text),)]


def test_a_failed_export_leaves_no_files_and_the_store_usable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "EXPORT_BATCH_ROWS", CHUNK)

    def full_disk(*_: object) -> str:
        raise OSError("no space left on device")

    with _filled(tmp_path / "claims.duckdb", _rows(5)) as store:
        monkeypatch.setattr(store_module, "cell_text", full_disk)
        with pytest.raises(OutputError, match=r"facts\.csv and .*facts\.parquet: cannot write them \(no space left"):
            store.export(tmp_path / "facts.csv", tmp_path / "facts.parquet")
        assert _one(store, "SELECT count(*) FROM facts") > 0  # the export's open result was closed
    assert sorted(path.name for path in tmp_path.iterdir()) == ["claims.duckdb"]


def test_chunk_boundaries_of_600_000_facts_on_one_line_fit_the_export_memory_limit(tmp_path: Path) -> None:
    # A 50 MB one-line text gives over a million facts on line 1: sorting or grouping all their positions ran out
    # of the export's 24 MiB (it did at 600,000); histograms of positions count them in a few buckets at a time.
    with FactStore(tmp_path / "claims.duckdb") as store:
        store.connection.execute(
            'INSERT INTO facts (fact_id, source, line, start, "end", input) '
            "SELECT printf('%016x', i), 'line.txt', 1, i * 38, i * 38 + 3, 'line.txt' FROM range(600000) t(i)"
        )
        with store._memory_limited(store_module.EXPORT_MEMORY_LIMIT):
            chunks = list(store._export_chunks())
            sizes = [_one(store, f"SELECT count(*) FROM facts WHERE {where}", parameters) for where, parameters in chunks]
    assert sum(sizes) == 600_000
    assert max(sizes) <= store_module.EXPORT_BATCH_ROWS and len(chunks) <= 2 * 600_000 // store_module.EXPORT_BATCH_ROWS
