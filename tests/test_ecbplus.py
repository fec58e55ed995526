"""Consistency on ECB+ read as one mixed pile (982 articles, 43 topics of two events each), held-apart topics only.

ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0; read from ../shared/corpora at test time, never
committed; the module skips when it is absent. The measures are `bench.ecbplus_perturbations`: the whole corpus is
extracted and grouped into stories at once, as a user's pile; topics 1-22 are for tuning and are reported there
(`python -m bench.ecbplus_perturbations`), never asserted here; the floors below are the held-apart figures of the
mixed run measured on 2026-12-02 (second session) minus a margin, and are not raised to each new figure.
"""

from __future__ import annotations

import pytest

from bench.ecbplus_flags import across_subtopics
from bench.ecbplus_perturbations import false_flags, perturbation_recall
from bench.story_grouping import b_cubed, ecbplus
from extract.stories import group_stories
from tests.helpers import shared_path

# Held-apart figures (topics 23-45) of the mixed run when the floors were set: recall HELD_APART_RECALL (a changed
# figure must clash with an unchanged figure of another article it did not clash with before); false flags
# HELD_APART_FALSE_FLAGS per 20 articles on the clusters labelled agreeing; flags joining two sub-topics (two
# different events) per 100 articles.
HELD_APART_RECALL = 0.860  # 586 of 681 (tuning topics: 0.909, 527 of 580)
HELD_APART_FALSE_FLAGS = 0.0  # 0 flags on 159 articles (tuning topics: 0.14, 1 on 143)
HELD_APART_ACROSS = 0.19  # 1 flag on 520 articles (tuning topics: 0.65, 3 on 462)
RECALL_MARGIN = 0.05
FALSE_FLAG_MARGIN = 0.5  # per 20 articles: at most 3 flags on the 159 articles, where none was raised
ACROSS_LIMIT = 1.0  # per 100 articles: issue 15's bound, where 0.19 was measured
# Story grouping (bench.story_grouping), B-cubed against the sub-topics, held-apart topics: precision 0.837,
# recall 0.873 (tuning topics: 0.839, 0.912).
HELD_APART_STORY_PRECISION = 0.837
HELD_APART_STORY_RECALL = 0.873
STORY_MARGIN = 0.05
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


def test_at_most_one_flag_per_100_articles_joins_two_events_of_the_held_apart_topics() -> None:
    articles, across = across_subtopics(range(23, 46))
    assert articles >= 500
    shown = [" | ".join(f"{f.source}: {f.quote}" for f in d.facts) for d in across]
    assert 100 * len(across) / articles <= ACROSS_LIMIT, "\n".join(shown)


def test_the_pile_is_grouped_into_its_events_on_held_apart_topics() -> None:
    articles, labels = ecbplus()
    precision, recall, counted = b_cubed(group_stories(articles), labels, range(23, 46))
    assert counted >= 500
    assert precision >= HELD_APART_STORY_PRECISION - STORY_MARGIN
    assert recall >= HELD_APART_STORY_RECALL - STORY_MARGIN
