"""A pile whose figures all conflict: one flag per disagreeing group, and work linear in the facts.

The reproducer of the hardening issue: hundreds of articles giving the toll of one disaster, each a different
figure. Before, every pair of figures was compared (and kept in the flag): 600 such articles ran past ten
minutes, 60 gave thousands of flags and a 68 MB page. Here the pairs the checker forms are counted (a number
that does not depend on the machine), not timed; `bench/hostile_inputs.py` (tolls_600, tolls_6000) times
the same piles.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from extract.consistency import check, records_from_rows
from extract.consistency.rules import values
from extract.run.extraction import ExtractOptions, run_extraction
from extract.table.store import FactStore

EVENTS = (
    ("Karachi", "Saddar", "bomb blast", "market"),
    ("Lagos", "Ikeja", "building collapse", "church"),
    ("Manila", "Quiapo", "fire", "shopping mall"),
)


def conflicting_pile(folder: Path, per_event: int, seed: int = 1) -> Path:
    """A JSONL pile: `per_event` articles for each event of EVENTS, each with its own killed and injured count."""
    chance = random.Random(seed)
    lines = []
    for number, (city, area, kind, place) in enumerate(EVENTS):
        for index in range(per_event):
            killed = chance.randint(10, 500)
            text = (
                f"A {kind} at a {place} in {area}, {city}, killed {killed} people on Tuesday, police in {city} said. "
                f"Another {killed + chance.randint(1, 50)} people were injured in the {kind} in {area}, officials "
                f"said. Rescue workers in {area} searched for survivors."
            )
            lines.append(json.dumps({"id": f"e{number}-{index}", "title": f"{city} {kind} kills {killed}",
                                     "date": "2011-03-01", "text": text}))
    path = folder / "pile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _records(folder: Path, per_event: int) -> list[object]:
    run_extraction([str(conflicting_pile(folder, per_event))], folder / "data", ExtractOptions())
    with FactStore(folder / "data" / "claims.duckdb", read_only=True) as store:
        return list(records_from_rows(store.fact_rows()))


@pytest.fixture(scope="module")
def pile_records(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return _records(tmp_path_factory.mktemp("pile"), per_event=150)


@pytest.fixture(scope="module")
def half_pile_records(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return _records(tmp_path_factory.mktemp("half"), per_event=75)


def test_each_disaster_is_one_flag_holding_all_its_figures(pile_records: list[object]) -> None:
    found = [d for d in check(pile_records) if d.rule == "value-conflict"]  # type: ignore[arg-type]
    killed = [d for d in found if "killed" in d.title or "dead" in d.title or "death" in d.title.lower()]
    assert len(found) <= 2 * len(EVENTS), [d.title for d in found]
    assert len(killed) == len(EVENTS), [d.title for d in found]
    for flag in killed:
        assert len(flag.facts) == 150  # every article's figure is in its event's one flag
        assert len(flag.clashes) <= 200  # the pairs kept, not all 11,175
        assert len(flag.pair_fingerprints) == 0  # a group of 150: its pairs were never flags to carry verdicts over
        assert len(flag.explanation) < 6_000


def _pairs_formed(records: list[object], monkeypatch: pytest.MonkeyPatch) -> int:
    formed = 0
    near_pairs = values._near_pairs

    def counted(part):  # type: ignore[no-untyped-def]
        nonlocal formed
        for pair in near_pairs(part):
            formed += 1
            yield pair

    with monkeypatch.context() as patched:
        patched.setattr(values, "_near_pairs", counted)
        check(records)  # type: ignore[arg-type]
    return formed


def test_the_pairs_compared_grow_linearly_with_the_figures(
    pile_records: list[object], half_pile_records: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    full, half = _pairs_formed(pile_records, monkeypatch), _pairs_formed(half_pile_records, monkeypatch)
    # Twice the articles: at most 64 more pairs for each new figure, about 2.8 times the pairs at these sizes (the
    # first 64 figures of a part pair with fewer) and tending to 2; every pair would be 4 times (67,050 pairs in 6
    # parts of 150 figures, 16,650 in 6 of 75). Each pass over the pile forms at most 64 pairs a figure.
    assert 1.5 < full / half < 3, (half, full)
    passes = full / (len(pile_records) * values.PAIR_WINDOW)
    assert passes <= 3, (full, len(pile_records))


def test_a_small_part_still_compares_every_pair() -> None:
    part = list(range(values.PAIR_WINDOW + 1))
    assert len(list(values._near_pairs(part))) == len(part) * (len(part) - 1) // 2  # type: ignore[arg-type]
