"""Stories: a pile's articles grouped by the event or subject they tell of, and the checker comparing only inside one.

Each case is a small pile of written articles (JSONL records with a title and a date, as a feed gives them): which
articles tell one story, and what the checker flags once it compares figures only inside a story (extract/stories/,
extract/consistency/). The ECB+ and Reuters measures are in bench/ (`bench.story_grouping`, `bench.ecbplus_flags`).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import extract
from extract.consistency import Discrepancy, check, records_from_rows
from extract.review.verdicts import load_reviews
from extract.stories import StoryArticle, fill_stories, group_stories

Article = tuple[str, str, str]  # (date, title, text)

DAYTON = (
    "2018-08-05",
    "Gunman wounds nine at Dayton street festival",
    "A gunman wounded 9 people at a street festival in the Oregon District of Dayton on Saturday night before "
    "officers shot him, Dayton police said. The wounded were taken to Miami Valley Hospital.",
)
TULSA = (
    "2019-06-16",
    "Six hurt in shooting outside Tulsa nightclub",
    "Six people were hurt when shots were fired outside a nightclub in Tulsa early Sunday, Tulsa police said. "
    "Officers found the victims in the parking lot of the club on Admiral Place.",
)
QUAKE = [
    (
        "2009-09-30",
        "Quake kills dozens in Padang",
        "A powerful earthquake struck off the coast of Sumatra, killing at least 75 people in the city "
        "of Padang, Indonesian officials said. Buildings collapsed across Padang and fires broke out.",
    ),
    (
        "2009-10-01",
        "Sumatra quake: rescuers dig through rubble in Padang",
        "Rescuers in Padang dug through the rubble of collapsed buildings on Thursday after the earthquake off "
        "Sumatra, which killed at least 75 people, the Indonesian disaster agency said.",
    ),
    (
        "2009-10-01",
        "Padang earthquake toll",
        "The earthquake that struck Padang on Sumatra killed 40 people, an Indonesian health ministry official "
        "said, as rescuers searched collapsed buildings in Padang for survivors.",
    ),
]
RESULTS = [
    ("1987-03-02", "JEPSON CORP <JEPS.O> 3RD QTR NET", "Shr 10 cts vs 12 cts\nNet 1,234,000 vs 1,100,000\n"
     "Revs 20.1 mln vs 18.7 mln\nNine mths\nShr 31 cts vs 30 cts"),
    ("1987-03-02", "CAPITOL BANCORP <CAPB.O> 3RD QTR NET", "Shr 22 cts vs 19 cts\nNet 2,410,000 vs 2,050,000\n"
     "Revs 41.3 mln vs 37.2 mln\nNine mths\nShr 64 cts vs 55 cts"),
]


def _pile(tmp_path: Path, articles: list[Article], name: str = "pile.jsonl") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as handle:
        for number, (day, title, text) in enumerate(articles, start=1):
            handle.write(json.dumps({"id": f"a{number}", "date": day, "title": title, "text": text}) + "\n")
    return path


def _flags(tmp_path: Path, articles: list[Article]) -> list[Discrepancy]:
    table = extract.facts(paths=[_pile(tmp_path, articles)])
    return check(records_from_rows(table.to_dict("records")))


def _grouped(articles: list[Article]) -> list[tuple[int, ...]]:
    pile = [
        StoryArticle((f"pile.jsonl#a{number}", 1), title, date.fromisoformat(day), text)
        for number, (day, title, text) in enumerate(articles, start=1)
    ]
    index = {article.key: number for number, article in enumerate(pile, start=1)}
    return sorted(tuple(index[key] for key in story.articles) for story in group_stories(pile))


@pytest.mark.parametrize(
    ("articles", "stories"),
    [
        pytest.param([*QUAKE, DAYTON], [(1, 2, 3), (4,)], id="three-reports-of-one-quake-and-a-shooting"),
        pytest.param([DAYTON, TULSA], [(1,), (2,)], id="two-shootings-a-year-apart-in-two-cities"),
        pytest.param(RESULTS, [(1,), (2,)], id="two-companies-results-tables-of-one-template"),
        pytest.param(
            [QUAKE[0], ("2010-10-26", *QUAKE[1][1:])], [(1,), (2,)], id="one-place-a-year-apart-outside-the-window"
        ),
    ],
)
def test_articles_are_grouped_into_the_stories_they_tell(articles: list[Article], stories: list[tuple[int, ...]]) -> None:
    assert _grouped(articles) == stories


def test_figures_of_two_shootings_are_never_compared(tmp_path: Path) -> None:
    # Issue 15's first example: before stories, "9 people" and "Six people" were flagged against each other.
    found = _flags(tmp_path, [DAYTON, TULSA])
    assert [d for d in found if d.severity != "note"] == []


def test_a_toll_given_by_several_outlets_is_one_flag_listing_every_figure(tmp_path: Path) -> None:
    found = [d for d in _flags(tmp_path, QUAKE) if d.rule == "value-conflict" and d.severity != "note"]
    assert len(found) == 1, [d.explanation for d in found]
    flag = found[0]
    assert sorted(f.quote for f in flag.facts) == ["40", "at least 75", "at least 75"]
    assert {f.article_date for f in flag.facts} == {"2009-09-30", "2009-10-01"}
    # Only the pairs that cannot both hold are clashes: the two "at least 75" agree with each other.
    assert sorted(tuple(sorted((one.quote, two.quote))) for one, two in flag.clashing_pairs()) == [
        ("40", "at least 75"), ("40", "at least 75")
    ]


@pytest.mark.parametrize(
    ("first_day", "second_day", "first", "second", "severity"),
    [
        pytest.param("2021-06-03", "2021-06-04", "12", "14", "note", id="a-later-higher-toll-is-an-update"),
        pytest.param("2021-06-03", "2021-06-04", "14", "12", "warning", id="a-later-lower-toll-is-a-conflict"),
        pytest.param("2021-06-04", "2021-06-04", "12", "14", "warning", id="one-date-two-tolls-is-a-conflict"),
    ],
)
def test_a_toll_that_grows_between_reports_is_an_update_not_a_conflict(
    tmp_path: Path, first_day: str, second_day: str, first: str, second: str, severity: str
) -> None:
    def report(day: str, count: str) -> Article:
        return (
            day,
            "Factory fire in Dhaka injures workers",
            f"A fire at the Rahman Garments factory in Dhaka's Mirpur district injured {count} workers, Dhaka fire "
            "service officials said. Firefighters from Mirpur and Pallabi fought the blaze at Rahman Garments.",
        )

    found = [d for d in _flags(tmp_path, [report(first_day, first), report(second_day, second)])
             if d.rule == "value-conflict"]
    assert [d.severity for d in found] == [severity], [d.explanation for d in found]
    if severity == "note":
        assert found[0].title.startswith("Updated over time")
        assert "2021-06-03" in found[0].explanation and "2021-06-04" in found[0].explanation


def test_a_stable_subject_is_compared_across_stories(tmp_path: Path) -> None:
    articles: list[Article] = [
        ("2021-04-30", "Kyrgyzstan and Tajikistan agree ceasefire",
         "The border between Kyrgyzstan and Tajikistan is 970 km long, and clashes there killed dozens this week."),
        ("2022-09-20", "Central Asia's water disputes",
         "Farmers in the Fergana valley depend on canals. The Kyrgyz-Tajik border is 1,500 km long."),
    ]
    found = [d for d in _flags(tmp_path, articles) if d.severity != "note"]
    assert len(found) == 1 and {f.quote for f in found[0].facts} == {"970 km", "1,500 km"}


def test_a_verdict_follows_its_group_and_says_when_the_group_changed(tmp_path: Path) -> None:
    two = [d for d in _flags(tmp_path, QUAKE[1:]) if d.rule == "value-conflict"]
    three = [d for d in _flags(tmp_path, QUAKE) if d.rule == "value-conflict"]
    assert len(two) == len(three) == 1
    # Keyed by what the figures are about, not by its members: a new article's figure joins the same flag.
    assert two[0].fingerprint == three[0].fingerprint and two[0].members != three[0].members
    reviews = load_reviews(tmp_path / "reviews.toml")
    reviews.record(two[0], "confirmed-error", note="", reviewer="test", on=date(2026, 12, 2))
    reviews.save()
    reviews = load_reviews(tmp_path / "reviews.toml")
    assert reviews.standing(two[0]).state == "decided"
    assert reviews.standing(three[0]).state == "changed"
    assert reviews.stale([three[0]]) == []
    # A new verdict on the changed flag keeps the earlier one in the decision's history.
    reviews.record(three[0], "false-alarm", note="", reviewer="test", on=date(2026, 12, 3))
    reviews.save()
    text = (tmp_path / "reviews.toml").read_text(encoding="utf-8")
    assert "history" in text and "confirmed-error" in text
    assert load_reviews(tmp_path / "reviews.toml").standing(three[0]).state == "decided"


def test_a_verdict_on_a_pair_carries_over_to_the_group_that_is_that_pair(tmp_path: Path) -> None:
    flag = next(d for d in _flags(tmp_path, QUAKE[1:]) if d.rule == "value-conflict")
    assert len(flag.facts) == 2 and len(flag.pair_fingerprints) == 1
    path = tmp_path / "reviews.toml"
    path.write_text(f'[{flag.pair_fingerprints[0]}]\nverdict = "false-alarm"\nreviewer = "before groups"\n',
                    encoding="utf-8")
    reviews = load_reviews(path)
    assert reviews.standing(flag).state == "carried"
    assert reviews.stale([flag]) == []


def test_rows_without_a_story_are_grouped_from_their_own_sentences(tmp_path: Path) -> None:
    table = extract.facts(paths=[_pile(tmp_path, [*QUAKE, TULSA])])
    rows = [replace(record, story=None) for record in records_from_rows(table.to_dict("records"))]
    filled = fill_stories(rows)
    stories = {record.source.rsplit("#", 1)[1]: record.story for record in filled}
    assert None not in stories.values()
    assert stories["a1"] == stories["a2"] != stories["a4"]
