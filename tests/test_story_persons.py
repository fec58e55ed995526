"""Ages one article gives a named person and another gives the same person unnamed (extract/consistency/stories.py).

Each case is a pile of articles (one string each); the checker must pair the two quotes in a value conflict, or
flag nothing when the unnamed person may be someone else.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import extract
from extract.consistency import check, records_from_rows

KIRKPATRICK = (
    "Police allege Eric Allen Kirkpatrick, 61, opened fire at Tallgrass Distributors Ltd. in the Mount Pleasant "
    "neighbourhood of Vancouver on Friday, wounding 3 people."
)
GOMES = (
    "Gary Gomes, 35, was charged with two counts of murder in New Bedford District Court. The victims were his mother, Catherine Gomes, 61, and his former girlfriend, Robyn Mendes, 48."
)

CASES = [
    pytest.param(
        [
            KIRKPATRICK,
            "Vancouver police have arrested a 96-year-old former employee after the shooting at Tallgrass "
            "Distributors Ltd. in Mount Pleasant, where 3 people were hurt.",
        ],
        {"61", "96-year"},
        id="a-suspect-one-article-names-and-one-that-names-no-one-describes",
    ),
    pytest.param(
        [
            GOMES,
            "A 53-year-old New Bedford man stabbed his ex-girlfriend and his own mother, police said. Gary Gomes "
            "was held without bail, said District Attorney Sam Sutter, 58.",
        ],
        {"35", "53-year"},
        id="the-one-suspect-of-the-story-among-victims-who-share-his-surname",
    ),
    pytest.param(
        [
            "Police say 66-year-old LuAnn Marie Johnson, of Burnsville, was killed Wednesday night when she was "
            "struck by a pickup outside the Sam's Club in Bloomington. Anthony Phillip LaSalle, 41, was charged.",
            "Authorities have released the name of a 76-year-old woman who was walking outside the Sam's Club in "
            "Bloomington when she was struck. Anthony Phillip LaSalle, 41, faces charges.",
        ],
        {"66-year", "76-year"},
        id="the-victim-by-a-passive-harm-verb-later-in-her-sentence",
    ),
    pytest.param(
        [
            "Tara Reid, 33, checked into rehab at Promises in Malibu on Tuesday, her publicist said.",
            "Tara, 44, was previously engaged to MTV host Carson Daly in 2001. Tara Reid has starred in 30 films "
            "since 1998.",
        ],
        {"33", "44"},
        id="a-first-name-alone-is-the-one-person-of-the-story-so-named",
    ),
]

ANOTHER_STORY = [
    KIRKPATRICK,
    "Toronto police have arrested a 45-year-old man after a stabbing at a downtown bar on Queen Street West.",
]
QUIET = [
    pytest.param(
        [
            KIRKPATRICK + " Eric Allen Kirkpatrick was arrested after a standoff of 2 hours.",
            "A 50-year-old man from Burnaby tipped off police to Kirkpatrick's hiding place at Tallgrass "
            "Distributors Ltd. in Vancouver, where 3 people were hurt.",
        ],
        id="a-sentence-that-names-the-person-apart-is-about-someone-else",
    ),
    pytest.param(
        [
            "Police allege Eric Allen Kirkpatrick, 61, and Nathan Hacker, 33, opened fire at Tallgrass "
            "Distributors Ltd. in Vancouver.",
            "Vancouver police have arrested a 45-year-old former employee after the shooting at Tallgrass "
            "Distributors Ltd. in Mount Pleasant.",
        ],
        id="two-suspects-named-no-guess-which",
    ),
    pytest.param(
        [
            KIRKPATRICK,
            "Vancouver police have arrested a 30-year-old man and a 45-year-old man after the shooting at "
            "Tallgrass Distributors Ltd. in Mount Pleasant.",
        ],
        id="one-of-several-unnamed-people-in-the-part",
    ),
    pytest.param(
        [
            "Police allege Eric Allen Kirkpatrick, 61, opened fire at Tallgrass Distributors Ltd. in Vancouver "
            "before he surrendered.",
            "Vancouver police have arrested a 45-year-old woman after the shooting at Tallgrass Distributors Ltd. "
            "in Mount Pleasant.",
        ],
        id="a-woman-is-not-the-man-the-story-names",
    ),
]


def _flags(texts: list[str], *, one_story: bool = True) -> list[set[str]]:
    # The articles are told as one story unless said: which articles do is tests/test_stories.py's matter.
    records = records_from_rows(extract.facts(texts=texts).to_dict("records"))
    if one_story:
        records = [replace(record, story="one story") for record in records]
    return [{fact.quote for fact in found.facts} for found in check(records) if found.severity != "note"]


@pytest.mark.parametrize(("texts", "quotes"), CASES)
def test_an_unnamed_age_is_compared_with_the_age_another_article_names(texts: list[str], quotes: set[str]) -> None:
    assert quotes in _flags(texts)


@pytest.mark.parametrize("texts", QUIET)
def test_no_link_where_the_unnamed_person_may_be_someone_else(texts: list[str]) -> None:
    assert _flags(texts) == []


def test_an_article_of_another_story_is_never_linked() -> None:
    assert _flags(ANOTHER_STORY, one_story=False) == []
