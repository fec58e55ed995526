"""Hostile text costs time in proportion to its size, and numbers no Decimal can hold are refused cleanly.

The reproducers of the hardening issue, each as it was found: a run of "1," (each figure used to rescan its
whole sentence: 4 KB took 120 s), an exponent of seven digits, a digit of a script newer than Python's Unicode
tables, Arabic-Indic digits with their own decimal mark, a terminal colour code read as metres. Times are CPU
times against generous bounds (a bound here catches a return of the quadratic cost, not a slow machine); the
speed itself is measured in `bench/`.
"""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

import extract
from extract import find_quantities
from extract.errors import InputError
from extract.ingest.documents import Document, Skipped
from extract.ingest.sentences import MAX_SENTENCE_CHARS, split_sentences
from extract.run.extraction import ExtractOptions, TimeBudget, extract_document, run_extraction


def _cpu_seconds(text: str) -> tuple[float, int]:
    document = Document(source="hostile.txt", path="hostile.txt", format="txt", text=text)
    started = time.process_time()
    found = extract_document(document)[2]
    return time.process_time() - started, len(found)


@pytest.mark.parametrize(
    ("name", "text", "at_least"),
    [
        ("a run of '1,' (4 KB, one sentence)", "1," * 2000, 2000),
        ("number words without end (4 KB)", "one hundred thousand million " * 150, 1),
        ("a list of amounts", "$5 million, " * 400, 400),
    ],
)
def test_a_sentence_of_many_figures_costs_little_per_figure(name: str, text: str, at_least: int) -> None:
    seconds, found = _cpu_seconds(text)
    assert found >= at_least, name
    assert seconds < 15, f"{name}: {seconds:.1f} s of CPU for {len(text):,} characters"


def test_cost_grows_linearly_with_the_length_of_a_run_on_line() -> None:
    small, _ = _cpu_seconds("1," * 1500)
    large, _ = _cpu_seconds("1," * 6000)
    # Four times the text: about four times the time (a quadratic cost would be sixteen times).
    assert large < 8 * max(small, 0.05), (small, large)


def test_run_on_sentences_are_cut_into_pieces_that_keep_their_offsets() -> None:
    text = ("The figures were 5 km, 6 km and 7 km " * 200).strip() + "."
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(len(piece.text) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert all(text[piece.start : piece.end] == piece.text for piece in pieces)
    assert all(not piece.text.startswith(" ") for piece in pieces)
    # Cut at a space: no figure is split between two pieces.
    assert sum(len(find_quantities(piece.text)) for piece in pieces) == 600


def test_a_sentence_of_news_length_is_never_cut() -> None:
    sentence = ("Exports rose 5 percent to $1.2 billion in the first quarter, the ministry said, " * 15).strip()
    assert len(sentence) < MAX_SENTENCE_CHARS
    assert [piece.text for piece in split_sentences(sentence)] == [sentence]


def test_a_document_past_its_time_budget_is_refused_naming_it() -> None:
    document = Document(source="slow.txt", path="slow.txt", format="txt", text="1," * 20000)
    with pytest.raises(InputError, match=r"^slow\.txt: refused: reading it took more than its time budget"):
        extract_document(document, budget=TimeBudget(base_seconds=0.2, chars_per_second=1e12))


def test_a_refused_document_is_skipped_and_counted_and_the_rest_is_extracted(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slow.txt").write_text("1," * 20000, encoding="utf-8")
    (tmp_path / "in" / "news.txt").write_text("Some 30 people were killed, officials said.\n", encoding="utf-8")
    skipped: list[Skipped] = []
    summary = run_extraction(
        [str(tmp_path / "in")], tmp_path / "out",
        ExtractOptions(time_budget=TimeBudget(base_seconds=0.2, chars_per_second=1e12)),
        on_skip=skipped.append,
    )
    assert [item.source for item in summary.skipped] == [(tmp_path / "in" / "slow.txt").as_posix()]
    assert "time budget" in summary.skipped[0].reason and "\n" not in summary.skipped[0].reason
    assert skipped == summary.skipped
    assert summary.total_facts == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The population reached 1e5452022 people.", []),  # past the bounded context: no number, no crash
        ("It was 1e-5452022 metres wide.", []),
        ("The sample held 2.5e6 cells.", [Decimal("2500000")]),
        ("The sun weighs about 2×10^30 kg.", [Decimal("2E+30")]),
        ("There were 1/0 answers.", []),
        ("\U00010d45\U00010d46 cases were reported.", []),  # Garay digits: newer than Python's Unicode tables
        ("Some \u0663\u066b\u0665 million people live there.", [Decimal("3500000")]),  # Arabic-Indic 3.5 million
        ("It cost \u0661\u066c\u0662\u0663\u0664 dollars.", [Decimal("1234")]),  # Arabic thousands separator
        ("The run was \uff11\uff12 km long.", [Decimal("12")]),  # fullwidth digits
    ],
)
def test_numbers_of_any_size_and_script_are_read_or_refused_cleanly(text: str, expected: list[Decimal]) -> None:
    assert [q.value for q in find_quantities(text)] == expected


def test_a_figure_past_the_tables_columns_is_left_out_of_the_table_and_the_rest_kept() -> None:
    table = extract.facts(texts=["The sun weighs about 2×10^30 kg, and 40 people were killed. It was 5e-12 m wide."])
    assert table["quote"].tolist() == ["40"]


@pytest.mark.parametrize(
    "text",
    [
        "\x1b[31m red text here, 7 km.",
        "\x1b[1;31mAlert\x1b[0m: the road is 7 km long.",
        "\x1b]0;window 12 title\x07 the road is 7 km long.",
        "\x9b31m the road is 7 km long.",
    ],
)
def test_terminal_escape_sequences_are_never_figures(text: str) -> None:
    assert [q.surface for q in find_quantities(text)] == ["7 km"]


def test_a_jsonl_record_nested_a_thousand_levels_deep_is_one_error_naming_its_line(tmp_path: Path) -> None:
    deep = '{"id": "a", "text": "5 people died", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (tmp_path / "deep.jsonl").write_text('{"id": "b", "text": "6 people died"}\n' + deep + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.jsonl:2: JSON nested too deeply to read$"):
        extract.facts(paths=[tmp_path / "deep.jsonl"])


def test_a_text_of_one_1_mb_line_is_extracted_and_exported(tmp_path: Path) -> None:
    # One line is one position range of the export, not one chunk: it used to be sorted whole and crash DuckDB
    # (out of memory) when every fact carried the whole line as its sentence.
    sentence = "The company said revenue rose 5 percent to $1.2 billion, and 30 people were killed in the blast. "
    (tmp_path / "line.txt").write_text(sentence * (1_000_000 // len(sentence)), encoding="utf-8")
    summary = run_extraction([str(tmp_path / "line.txt")], tmp_path / "out", ExtractOptions())
    rows = (tmp_path / "out" / "facts.csv").read_text(encoding="utf-8").count("\n") - 1
    assert summary.total_facts == rows > 25_000
    assert summary.skipped == []


def test_number_words_without_end_1_45_mb_are_read_in_linear_time() -> None:
    text = "one hundred thousand million " * 50_000  # the reproducer: it hung
    seconds, found = _cpu_seconds(text)
    assert found >= 1
    assert seconds < 120, f"{seconds:.0f} s of CPU for {len(text):,} characters"


def test_line_and_column_cost_the_same_however_far_into_a_large_document() -> None:
    # They were counted from the document's start for each fact: a 2 MB text cost the square of its size.
    text = ("A blast killed 30 people and injured 112 others, officials said.\n" * 40_000)
    document = Document(source="big.txt", path="big.txt", format="txt", text=text)
    started = time.process_time()
    positions = [document.position(offset) for offset in range(0, len(text), 97)]
    seconds = time.process_time() - started
    assert positions[-1] == (text.count("\n", 0, 97 * (len(positions) - 1)) + 1, 97 * (len(positions) - 1)
                             - text.rfind("\n", 0, 97 * (len(positions) - 1)))
    assert seconds < 2, f"{seconds:.1f} s for {len(positions):,} positions"
