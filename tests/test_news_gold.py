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
# Held-apart figures when the floors were set (250 sentences, 301 quantities).
GRAMMAR_RECALL = 0.947  # 285 of 301
GRAMMAR_PRECISION = 0.760  # 285 of 375
GRAMMAR_VALUE = 0.954  # 272 of 285 matched
FACTS_RECALL = 0.930  # 280 of 301
FACTS_PRECISION = 0.831  # 280 of 337
FACTS_VALUE = 0.964  # 270 of 280 matched


@pytest.fixture(scope="module")
def held_apart() -> tuple[Tally, Tally]:
    for name, _ in FILES.values():
        shared_path("corpora", *name.split("/"))
    return score("heldout")


def test_the_grammar_finds_the_held_apart_quantities(held_apart: tuple[Tally, Tally]) -> None:
    grammar = held_apart[0]
    recall = grammar.matched / grammar.gold
    precision = grammar.matched / grammar.found
    value = grammar.right["value"] / grammar.asked["value"]
    assert recall >= GRAMMAR_RECALL - MARGIN, grammar.line("grammar")
    assert precision >= GRAMMAR_PRECISION - MARGIN, grammar.line("grammar")
    assert value >= GRAMMAR_VALUE - MARGIN, grammar.line("grammar")


def test_the_fact_table_holds_the_held_apart_claims(held_apart: tuple[Tally, Tally]) -> None:
    facts = held_apart[1]
    recall = facts.matched / facts.gold
    precision = facts.matched / facts.found
    value = facts.right["value"] / facts.asked["value"]
    assert recall >= FACTS_RECALL - MARGIN, facts.line("facts")
    assert precision >= FACTS_PRECISION - MARGIN, facts.line("facts")
    assert value >= FACTS_VALUE - MARGIN, facts.line("facts")
