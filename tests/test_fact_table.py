"""The fact table end to end: every row's quote is its span of the stored text; CSV, Parquet and DuckDB agree;
runs are deterministic across --jobs; unchanged inputs are skipped; a changed lexicon or file re-extracts."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extract
from extract.consistency import records_from_rows
from extract.ingest.documents import Document, ReadOptions
from extract.run import extraction as pipeline
from extract.run.extraction import ExtractOptions, extract_document, run_extraction
from extract.table import store
from extract.table.schema import COLUMNS, Fact, facts_frame
from tests.helpers import ROOT, SEEDS, shared_path

COLUMN_NAMES = [column.name for column in COLUMNS]


@pytest.fixture
def corpus(in_tmp: Path) -> Path:
    """The seed pages and a small JSONL of ECB+-style records, in a temporary working directory."""
    shutil.copytree(SEEDS, in_tmp / "seeds")
    records = [
        {"id": "gaza-1", "title": "UN school shelled", "date": "2009-01-07",
         "text": "Some 30 people were killed when Israeli shells hit a UN school in Gaza, officials said."},
        {"id": "gaza-2", "text": "At least 43 people were killed, the United Nations said on Wednesday."},
        {"id": "empty", "text": ""},
    ]
    (in_tmp / "news.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return in_tmp


def extract_to(out: Path, jobs: int = 1, paths: tuple[str, ...] = ("seeds", "news.jsonl")) -> pipeline.ExtractSummary:
    return run_extraction(list(paths), out, ExtractOptions(jobs=jobs))


def test_every_row_quotes_its_span_of_the_stored_document_text(corpus: Path) -> None:
    summary = extract_to(corpus / "out")
    assert summary.facts > 60 and summary.total_facts == summary.facts
    with duckdb.connect(str(corpus / "out" / "claims.duckdb"), read_only=True) as connection:
        rows = connection.execute(
            'SELECT f.quote, f.start, f."end", d.text FROM facts f JOIN documents d USING (source)'
        ).fetchall()
        sources = {row[0] for row in connection.execute("SELECT source FROM facts").fetchall()}
    assert len(rows) == summary.total_facts
    for quote, start, end, text in rows:
        assert text[start:end] == quote
    assert {"news.jsonl#gaza-1", "news.jsonl#gaza-2", "seeds/000_de64a30cb4f39542.txt"} <= sources
    assert [item.source for item in summary.skipped] == ["news.jsonl#empty"]


def test_csv_parquet_and_duckdb_hold_the_same_rows(corpus: Path) -> None:
    extract_to(corpus / "out")
    with (corpus / "out" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == COLUMN_NAMES
    parquet = pd.read_parquet(corpus / "out" / "facts.parquet")
    assert list(parquet.columns) == COLUMN_NAMES
    assert [row["fact_id"] for row in rows] == list(parquet["fact_id"])
    for row, (_, stored) in zip(rows, parquet.iterrows(), strict=True):
        for name in ("value", "low", "high", "base_value"):
            if row[name]:
                assert Decimal(row[name]) == Decimal(str(stored[name]))  # Parquet holds exact decimals
            else:
                assert pd.isna(stored[name])
    assert len({row["fact_id"] for row in rows}) == len(rows)


def test_same_table_across_runs_and_jobs(corpus: Path) -> None:
    extract_to(corpus / "one", jobs=1)
    extract_to(corpus / "two", jobs=2)
    first = (corpus / "one" / "facts.csv").read_bytes()
    assert first == (corpus / "two" / "facts.csv").read_bytes()
    shutil.rmtree(corpus / "one")
    extract_to(corpus / "one", jobs=1)
    assert first == (corpus / "one" / "facts.csv").read_bytes()


def test_export_in_small_chunks_writes_the_same_tables(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extract_to(corpus / "whole")
    monkeypatch.setattr(store, "EXPORT_BATCH_ROWS", 3)  # many chunks: line ranges of each seed page, then news
    extract_to(corpus / "chunked")
    assert (corpus / "chunked" / "facts.csv").read_bytes() == (corpus / "whole" / "facts.csv").read_bytes()
    chunked = pd.read_parquet(corpus / "chunked" / "facts.parquet")
    assert chunked.equals(pd.read_parquet(corpus / "whole" / "facts.parquet"))


def test_second_run_does_no_extraction_work(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extract_to(corpus / "out")
    before = (corpus / "out" / "facts.csv").read_bytes()

    def fail(*_: object) -> None:
        raise AssertionError("extracted an unchanged input")

    monkeypatch.setattr(pipeline, "extract_document", fail)
    summary = extract_to(corpus / "out")
    assert (summary.extracted_inputs, summary.unchanged_inputs, summary.documents) == (0, 3, 0)
    assert (corpus / "out" / "facts.csv").read_bytes() == before


def test_changed_file_is_replaced_without_duplicates_and_removed_input_dropped(corpus: Path) -> None:
    extract_to(corpus / "out")
    page = corpus / "seeds" / "000_de64a30cb4f39542.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("950 kilometers long", "970 kilometers long"), encoding="utf-8")
    summary = extract_to(corpus / "out", paths=("seeds",))
    assert (summary.extracted_inputs, summary.unchanged_inputs, summary.removed_inputs) == (1, 1, 1)
    table = pd.read_csv(corpus / "out" / "facts.csv")
    assert "970 kilometers" in set(table["quote"]) and len(table) == len(set(table["fact_id"]))
    assert not table["source"].str.startswith("news.jsonl").any()


def test_a_changed_lexicon_changes_the_extractor_version(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extract_to(corpus / "out")
    lexicons = corpus / "lexicons"
    shutil.copytree(ROOT / "extract" / "lexicons", lexicons)
    assert pipeline.lexicon_digest(lexicons) == pipeline.lexicon_digest(ROOT / "extract" / "lexicons")
    with (lexicons / "metrics.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a reviewer's edit\n")
    changed = pipeline.lexicon_digest(lexicons)
    assert changed != pipeline.lexicon_digest(ROOT / "extract" / "lexicons")
    monkeypatch.setattr(pipeline, "extractor_version", lambda: f"{extract.__version__}+{changed}")
    summary = extract_to(corpus / "out")
    assert summary.extracted_inputs == 3 and summary.unchanged_inputs == 0


def test_library_api_returns_the_table_columns() -> None:
    table = extract.facts(
        paths=[SEEDS / "000_de64a30cb4f39542.txt"], texts=["Some 30 people were killed in Gaza, officials said."]
    )
    assert list(table.columns) == COLUMN_NAMES
    [text] = table[table["source"] == "<text-1>"].to_dict("records")
    assert text["metric"] == "casualties.killed"
    assert table["source"].str.endswith("seeds/000_de64a30cb4f39542.txt").sum() > 20


def test_library_api_reads_long_and_multiline_texts_as_texts() -> None:
    # A whole story is longer than a file name may be: it is a text, not a path that failed.
    story = "Arrivals for the week ended February 22 were 155,221 bags of cocoa.\n" + "The crop was late. " * 40
    table = extract.facts(texts=[story, "x" * 5000])
    assert (table["source"] == "<text-1>").sum() >= 1
    assert table.iloc[0]["quote"] == "155,221"


KILLED = "Some 30 people were killed in Gaza, officials said."


@pytest.mark.parametrize(
    ("call", "sources"),
    [
        pytest.param({"paths": ["seeds/000_de64a30cb4f39542.txt"]}, {"seeds/000_de64a30cb4f39542.txt"}, id="paths"),
        pytest.param({"paths": "seeds/000_de64a30cb4f39542.txt"}, {"seeds/000_de64a30cb4f39542.txt"}, id="one-path"),
        pytest.param({"paths": [Path("seeds")]}, {"seeds/000_de64a30cb4f39542.txt", "seeds/002_4dd6fd96ae8d6349.txt"},
                     id="a-folder"),
        pytest.param({"texts": [KILLED, "No figure.", KILLED]}, {"<text-1>", "<text-3>"}, id="texts"),
        pytest.param({"texts": KILLED}, {"<text-1>"}, id="one-text"),
        pytest.param({"paths": ["seeds/000_de64a30cb4f39542.txt"], "texts": [KILLED]},
                     {"seeds/000_de64a30cb4f39542.txt", "<text-1>"}, id="both"),
        # A text that happens to name a file is a text all the same: no figure in it, no row.
        pytest.param({"texts": ["seeds/000_de64a30cb4f39542.txt", "seeds/"]}, set(), id="a-text-naming-a-file"),
        pytest.param({"texts": []}, set(), id="no-text"),
    ],
)
def test_library_reads_paths_as_paths_and_texts_as_texts(
    corpus: Path, call: dict[str, object], sources: set[str]
) -> None:
    table = extract.facts(**call)  # type: ignore[arg-type]
    assert set(table["source"]) == sources


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        pytest.param({"paths": ["seeds/typo"]}, extract.InputError, r"^seeds/typo: no such file or directory$",
                     id="missing-path"),
        pytest.param({"paths": ["seeds/000_de64a30cb4f39542.txt", "gone.jsonl"], "texts": [KILLED]},
                     extract.InputError, r"^gone\.jsonl: no such file or directory$", id="missing-among-others"),
        pytest.param({"texts": [Path("seeds")]}, TypeError, r"texts must be strings, not PosixPath; files go in paths=",
                     id="a-path-in-texts"),
        pytest.param({}, TypeError, r"needs paths=\[\.\.\.\] \(files and folders\), texts=\[\.\.\.\]", id="nothing"),
        pytest.param({"paths": ["seeds/"], "encoding": "klingon"}, extract.UsageError, r"unknown encoding 'klingon'",
                     id="unknown-encoding"),
    ],
)
def test_library_errors_name_what_is_wrong(
    corpus: Path, call: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        extract.facts(**call)  # type: ignore[arg-type]


@pytest.mark.parametrize("argument", [["seeds/typo"], "seeds/000_de64a30cb4f39542.txt", [KILLED]])
def test_library_refuses_to_guess_whether_a_string_is_a_path_or_a_text(corpus: Path, argument: object) -> None:
    with pytest.raises(TypeError, match=r"no positional argument: give files and folders as paths=\[\.\.\.\] and texts"):
        extract.facts(argument)  # type: ignore[arg-type]


facts_strategy = st.builds(
    Fact,
    fact_id=st.text(alphabet="0123456789abcdef", min_size=16, max_size=16),
    source=st.text(min_size=1, max_size=20),
    article=st.integers(1, 50),
    article_title=st.none() | st.text(max_size=30),
    article_date=st.none() | st.dates().map(str),
    url=st.none(),
    start=st.integers(0, 10_000),
    end=st.integers(0, 10_000),
    line=st.integers(1, 500),
    column=st.integers(1, 500),
    quote=st.text(min_size=1, max_size=30),
    sentence=st.text(min_size=1, max_size=80),
    value=st.none() | st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False),
    low=st.none() | st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False),
    high=st.none() | st.decimals(min_value=0, max_value=10**20, places=10, allow_nan=False),
    low_open=st.booleans(),
    high_open=st.booleans(),
    precision=st.none() | st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False),
    qualifier=st.none() | st.sampled_from(["over", "about", "almost"]),
    unit=st.sampled_from(["count", "km", "USD"]),
    dimension=st.sampled_from(["[count]", "[length]"]),
    base_value=st.none() | st.decimals(min_value=-(10**27), max_value=10**27, places=0, allow_nan=False),
    base_unit=st.just("count"),
    kind=st.sampled_from(["cardinal", "measure"]),
    entity=st.none() | st.text(max_size=20),
    metric=st.just("other"),
    places=st.frozensets(st.sampled_from(["KGZ", "TJK", "RUS", "EU"])),
    period_start=st.none() | st.dates(),
    period_end=st.none() | st.dates(),
    period_inherited=st.booleans(),
    attributed_to=st.none(),
    hedged=st.booleans(),
    negated=st.booleans(),
    change=st.none() | st.just('{"by": "5", "direction": "up", "from": null, "to": null}'),
    rule=st.just("test"),
    sentence_start=st.integers(0, 10_000),
    projected=st.booleans(),
    increment=st.booleans(),
    local_scope=st.none() | st.sampled_from(["seriously", "in bener meriah district"]),
    cue_beside=st.booleans(),
    undated_time=st.frozensets(st.sampled_from(["february", "two years ago"])),
    several_events=st.booleans(),
    states_total=st.booleans(),
    entity_places=st.frozensets(st.sampled_from(["KGZ", "AUS"])),
    holder=st.none() | st.sampled_from(["man (suspect)", "name:gomes"]),
    age_then=st.booleans(),
    implicit=st.booleans(),
    perpetrator=st.none() | st.sampled_from(["included", "excluded"]),
    event=st.sampled_from(["main", "other"]),
    event_cue=st.none() | st.just("a day after"),
    event_date=st.none() | st.sampled_from(["2004-12", "last year"]),
    event_places=st.frozensets(st.sampled_from(["IDN", "LKA"])),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(facts_strategy, min_size=1, max_size=5, unique_by=lambda fact: fact.fact_id))
def test_rows_round_trip_exactly_through_the_store(tmp_path_factory: pytest.TempPathFactory, rows: list[Fact]) -> None:
    """Decimals (DECIMAL, not DOUBLE), dates and sets of places come back from DuckDB as they went in."""
    document = Document(source="x.txt", path="x.txt", format="txt", text="x")
    with store.FactStore(tmp_path_factory.mktemp("store") / "claims.duckdb") as facts:
        facts.add([(document, [], rows)])
        back = records_from_rows(facts.fact_rows())
    assert sorted(back, key=lambda fact: fact.fact_id) == sorted(rows, key=lambda fact: fact.fact_id)


def test_a_number_too_large_for_the_table_is_refused_with_its_source(tmp_path: Path) -> None:
    fact = replace(_a_fact(), value=Decimal(10) ** 30)
    document = Document(source="x.txt", path="x.txt", format="txt", text="x")
    with store.FactStore(tmp_path / "claims.duckdb") as facts, pytest.raises(store.StoreError, match=r"x\.txt:1: .*not supported"):
        facts.add([(document, [], [fact])])


def _a_fact() -> Fact:
    return extract_document(Document(source="x.txt", path="x.txt", format="txt", text="Some 30 people died."))[2][0]


@settings(max_examples=25, deadline=None)
@given(st.lists(facts_strategy, min_size=1, max_size=5))
def test_rows_round_trip_through_duckdb_and_parquet(tmp_path_factory: pytest.TempPathFactory, rows: list[Fact]) -> None:
    frame = facts_frame(rows)
    target = tmp_path_factory.mktemp("roundtrip") / "facts.parquet"
    frame.to_parquet(target)
    with duckdb.connect() as connection:
        back = connection.execute(f"SELECT * FROM read_parquet('{target}')").df()
    assert list(back.columns) == COLUMN_NAMES
    for original, (_, stored) in zip(rows, back.iterrows(), strict=True):
        assert stored["quote"] == original.quote and stored["sentence"] == original.sentence
        assert bool(stored["negated"]) == original.negated
        if original.value is None:
            assert pd.isna(stored["value"])
        else:
            assert Decimal(repr(float(stored["value"]))) == Decimal(repr(float(original.value)))


@pytest.mark.timeout(600)
def test_reuters_sample_streams_and_counts_empty_records(in_tmp: Path) -> None:
    """The first 400 Reuters records (research data, read from ../shared, never committed)."""
    source = shared_path("corpora", "reuters21578", "reuters21578.jsonl")
    with source.open(encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(400)]
    (in_tmp / "reuters.jsonl").write_text("".join(lines), encoding="utf-8")
    empty = sum(1 for line in lines if not (json.loads(line).get("text") or "").strip())
    summary = run_extraction(
        ["reuters.jsonl"], in_tmp / "out", ExtractOptions(read=ReadOptions(id_field="doc_id"))
    )
    assert summary.documents == 400 - empty
    assert sum(1 for item in summary.skipped if item.is_record) == empty
    assert summary.total_facts > 400


def test_each_quote_is_read_at_its_own_place_in_its_sentence() -> None:
    """Two equal quotes in one sentence are two claims read where each stands, not at the first one's place."""
    table = extract.facts(texts=["A 30-year-old man shot a 30-year-old man on Friday, police said."])
    implied = [row["quote"] for row in table.to_dict("records") if row["implicit"]]
    assert implied == ["shot a 30-year-old man"]  # one person shot, implied by the words
    rows = [row for row in table.to_dict("records") if not row["implicit"]]
    assert [row["quote"] for row in rows] == ["30-year", "30-year"]
    for row in rows:
        at = row["start"] - row["sentence_start"]
        assert row["sentence"][at : at + len(row["quote"])] == row["quote"]
    assert [row["holder"] for row in rows] == ["man (suspect)", "man (victim)"]
