"""The grammar and the fact table against the held-apart half of the blind news gold (tests/gold/news).

The gold's sentences come from ../shared/corpora (read at test time, never committed); the module skips when they
are absent. Only the held-apart half is asserted here; the tuning half is reported by `python -m
bench.score_news_gold`. Floors: the held-apart figures measured on 2026-12-02 (before any tuning on the gold)
minus a margin; they are not raised to each new figure.
"""

from __future__ import annotations

import pytest

from bench.score_news_gold import FILES, Tally, score
from tests.helpers import shared_path

MARGIN = 0.04
# Held-apart figures when the floors were set (250 sentences, 301 quantities): recall, precision, value right.
FLOORS = {
    "grammar": (0.947, 0.760, 0.954),  # 285 of 301; 285 of 375; 272 of 285 matched
    "facts": (0.930, 0.831, 0.964),  # 280 of 301; 280 of 337; 270 of 280 matched
}


@pytest.fixture(scope="module")
def held_apart() -> dict[str, Tally]:
    for name, _ in FILES.values():
        shared_path("corpora", *name.split("/"))
    grammar, facts = score("heldout")
    return {"grammar": grammar, "facts": facts}


@pytest.mark.parametrize("stage", FLOORS)
def test_held_apart_recall_precision_and_values_stay_above_their_floors(
    held_apart: dict[str, Tally], stage: str
) -> None:
    """The grammar finds the held-apart quantities; the fact table holds the held-apart claims."""
    tally = held_apart[stage]
    recall, precision, value = FLOORS[stage]
    assert tally.matched / tally.gold >= recall - MARGIN, tally.line(stage)
    assert tally.matched / tally.found >= precision - MARGIN, tally.line(stage)
    assert tally.right["value"] / tally.asked["value"] >= value - MARGIN, tally.line(stage)
