"""The fact table of the seed articles against the hand-annotated gold (tests/gold/seed_claims.csv).

The gold was written from the articles before the extractor was tuned (see tests/gold/README.md); the
scorer is bench/seed_gold.py. Targets: value+unit recall and precision at least 0.95, metric and places
at least 0.85.
"""

from __future__ import annotations

import pytest

from bench.seed_gold import Scores, evaluate
from extract.ingest.articles import segment
from extract.ingest.documents import read_documents
from extract.readers.claims import facts_of_article
from tests.helpers import SEEDS


@pytest.fixture(scope="module")
def scores() -> Scores:
    return evaluate()


def test_value_and_unit_recall_and_precision(scores: Scores) -> None:
    assert scores.recall >= 0.95, [claim.quote for claim in scores.missed]
    assert scores.precision >= 0.95, [fact.quote for fact in scores.spurious]


def test_metric_agrees_on_matched_claims(scores: Scores) -> None:
    assert scores.metric_accuracy >= 0.85, [(claim.quote, fact.metric) for claim, fact in scores.metric_misses]


def test_place_codes_agree_on_matched_claims(scores: Scores) -> None:
    assert scores.places_precision >= 0.85
    assert scores.places_recall >= 0.85


def test_places_exact_set_agrees(scores: Scores) -> None:
    assert scores.places_accuracy >= 0.85, [(claim.quote, fact.places) for claim, fact in scores.places_misses]


def test_no_fact_from_site_chrome() -> None:
    """Every fact lies inside an article's headline or body, never in the chrome between them."""
    for document in read_documents([str(SEEDS)]):
        articles = segment(document)
        spans = [(a.body.start, a.body.end) for a in articles] + [
            (a.title_span.start, a.title_span.end) for a in articles if a.title_span
        ]
        for article in articles:
            for fact in facts_of_article(document, article):
                assert any(start <= fact.start and fact.end <= end for start, end in spans), fact.quote
                assert document.text[fact.start : fact.end] == fact.quote
