"""Consistency on ECB+ clusters (articles from several outlets on one event), on the held-apart topics 23-45 only.

ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0; read from ../shared/corpora at test time, never
committed; the module skips when it is absent. The measures are `bench.ecbplus_perturbations`: topics 1-22 are for
tuning and are reported there (`python -m bench.ecbplus_perturbations`), never asserted here; the floors below are
the held-apart figures measured on 2026-12-02 minus a margin, and are not raised to each new figure.
"""

from __future__ import annotations

import pytest

from bench.ecbplus_perturbations import false_flags, perturbation_recall
from tests.helpers import shared_path

# Held-apart figures (topics 23-45) when the floors were set: recall HELD_APART_RECALL; false flags
# HELD_APART_FALSE_FLAGS per 20 articles on the clusters labelled agreeing.
HELD_APART_RECALL = 0.882  # 620 of 703 (tuning topics: 0.932, 552 of 592)
HELD_APART_FALSE_FLAGS = 0.13  # 1 flag on 159 articles (tuning topics: 0.56, 4 on 143)
RECALL_MARGIN = 0.05
FALSE_FLAG_MARGIN = 0.5  # per 20 articles: at most 5 flags on the 159 articles, where 1 was raised
MIN_PERTURBATIONS = 150


@pytest.fixture(scope="module", autouse=True)
def _corpus() -> None:
    shared_path("corpora", "ecbplus", "ecbplus_docs.jsonl")  # skips the module when the corpus is absent


def test_at_most_one_false_flag_per_20_articles_on_held_apart_agreeing_clusters() -> None:
    quiet = false_flags("heldout")
    assert quiet.articles >= 100
    assert quiet.per_20_articles <= HELD_APART_FALSE_FLAGS + FALSE_FLAG_MARGIN, "\n".join(quiet.shown)


@pytest.mark.timeout(600)
def test_perturbed_figures_are_flagged_against_another_article_on_held_apart_topics() -> None:
    result = perturbation_recall("heldout")
    print(f"held apart: {result.cases} perturbations, {result.detected} detected, recall {result.recall:.3f}")
    assert result.cases >= MIN_PERTURBATIONS
    assert result.recall >= HELD_APART_RECALL - RECALL_MARGIN, "\n".join(result.misses[:40])
