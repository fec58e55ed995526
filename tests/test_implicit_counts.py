"""Casualty counts implied by words, the event a figure belongs to, and what is never a toll: tables of sentences
written for these tests in the manner of news reports (the corpora's own text is never committed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.readers.claims import find_claims
from extract.readers.events import event_of
from extract.readers.implicit import implicit_counts

# sentence, expected (value, metric suffix) of the implicit reader, in order
IMPLICIT = [
    ("A man was shot dead outside a nightclub on Saturday.", [(1, "killed")]),
    ("A gunman opened fire at the depot, killing a security guard and a cashier.", [(2, "killed")]),
    ("The driver struck and killed a 72-year-old pedestrian on Main Street.", [(1, "killed")]),
    ("Maria Lopez, 34, of Fresno was killed when her car was hit by a truck.", [(1, "killed")]),
    ("No one was injured in the blaze, fire officials said.", [(0, "injured")]),
    ("Nobody was hurt, but the store was badly damaged.", [(0, "injured")]),
    ("Police are investigating the murder of a taxi driver in the city centre.", [(1, "killed")]),
    ("Protesters marched after the police shooting of a teenager last week.", [(1, "shot")]),
    ("A police officer was wounded in the exchange of fire.", [(1, "injured")]),
    ("The victim died of his injuries in hospital on Sunday.", [(1, "killed")]),
    ("A woman and her son were killed when the roof collapsed.", [(2, "killed")]),
    ("Detectives are treating the case as a double murder.", [(2, "killed")]),
    ("The suspect, a former employee, was shot and wounded by officers.", [(1, "injured")]),
    ("A local reporter was found dead in his apartment, police said.", [(1, "killed")]),
    ("Officers say the gunman killed himself as police arrived.", [(1, "killed")]),
    # not counts: a deal, an industry, an intent, an adjective, a natural death, a plural, an obituary
    ("The merger was killed by regulators in March.", []),
    ("Cheap imports have injured domestic steel producers.", []),
    ("He told investigators he had planned to kill his business partner.", []),
    ("An injured player left the field in the second half.", []),
    ("The actress died peacefully in her sleep at her home in Malibu.", []),
    ("Soldiers were killed in the ambush, the army said.", []),
    ("The senator died on Tuesday after a long illness.", []),
    ("Sales were hurt by the strong dollar.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), IMPLICIT, ids=[s[:40] for s, _ in IMPLICIT])
def test_implicit_counts(sentence: str, expected: list[tuple[int, str]]) -> None:
    found = implicit_counts(sentence)
    assert [(int(c.value), c.metric.removeprefix("casualties.")) for c in found] == expected, found
    for count in found:
        assert sentence[count.start : count.end] == count.quote


def test_implicit_count_rows_carry_their_quote_offsets_and_mark() -> None:
    text = "Tanker blast in port. A dock worker was killed and no one else was hurt, the harbour master said."
    claims = [c for c in find_claims(text) if c.metric.startswith("casualties.")]
    assert [(c.quantity.value, c.metric, c.implicit) for c in claims] == [
        (Decimal(1), "casualties.killed", True),
        (Decimal(0), "casualties.injured", False),
    ]
    for claim in claims:
        assert text[claim.quantity.start : claim.quantity.end] == claim.quantity.surface


def test_a_numeral_is_not_counted_again_by_the_words_around_it() -> None:
    claims = [c for c in find_claims("At least one bomb technician had been injured.") if c.metric.startswith("cas")]
    assert [(c.quantity.surface, c.implicit) for c in claims] == [("At least one", False)]


# sentence, the figure, expected metric (None: not a casualty count)
NEVER_TOLLS = [
    ("The actor died on Thursday at 91.", "91", None),
    ("The teenager was shot dead by two plainclothes officers.", "two", None),
    ("Eight people died in two suicide bombings in the capital.", "two", None),
    ("The Boeing 747 crashed, killing 520 people.", "747", None),
    ("The Boeing 747 crashed, killing 520 people.", "520", "casualties.killed"),
    ("The father of two died at the scene of the crash.", "two", None),
    ("The fire killed one of two crewmen aboard.", "two", None),
    ("Rebels threatening to kill three hostages extended their deadline.", "three", None),
    ("The blast killed one miner and six miners escaped unharmed.", "six", None),
    ("The explosion levelled a two-story building and killed four people.", "two", None),
    ("The explosion levelled a two-story building and killed four people.", "four", "casualties.killed"),
    ("He was injured in the fifth inning of Monday's 9-7 win.", "9", None),
    ("The guard, who averaged 15.9 points, missed the game with an injury.", "15.9", None),
    ("No one was hurt, but several residential units were damaged.", "several", None),
]


@pytest.mark.parametrize(("sentence", "figure", "metric"), NEVER_TOLLS, ids=[f"{s[:30]}|{f}" for s, f, _ in NEVER_TOLLS])
def test_what_is_never_a_toll(sentence: str, figure: str, metric: str | None) -> None:
    claims = {c.quantity.surface: c.metric for c in find_claims(sentence)}
    found = claims.get(figure)
    if metric is None:
        assert found is None or not found.startswith("casualties."), claims
    else:
        assert found == metric, claims


# sentence, the figure, expected event, the cue that decided (None for the main event)
EVENTS = [
    ("Two people were killed at the refinery on Monday.", "Two", "main", None),
    ("In an earlier incident, two workers were killed at the same plant.", "two", "other", "In an earlier"),
    ("It comes a day after three bank workers died in a petrol bomb attack.", "three", "other", "a day after"),
    ("A day after the quake struck, the toll rose to 300.", "300", "main", None),
    ("Four people were wounded in a separate shooting across town.", "Four", "other", "in a separate"),
    ("Last year, a similar fire killed 12 people in the same district.", "12", "other", "Last year"),
    ("The law was passed in the wake of the attack on the ship, which killed 37 sailors.", "37", "other",
     "in the wake of"),
    ("At least 10 people were killed in separate attacks across the country.", "At least 10", "main", None),
]


@pytest.mark.parametrize(("sentence", "figure", "event", "cue"), EVENTS, ids=[s[:40] for s, *_ in EVENTS])
def test_the_event_a_figure_belongs_to(sentence: str, figure: str, event: str, cue: str | None) -> None:
    at = sentence.index(figure)
    key = event_of(sentence, at, at + len(figure), None, None)
    assert key.event == event
    if cue is not None:
        assert key.cue is not None and key.cue.lower() == cue.lower()


def test_an_opening_date_places_a_figure_in_another_event_when_the_article_is_undated() -> None:
    claims = find_claims("In December 2004, a tsunami killed at least 230,000 people around the Indian Ocean.")
    toll = next(c for c in claims if c.metric == "casualties.killed")
    assert toll.event.event == "other" and toll.event.date == "2004-12"


def test_a_toll_that_counts_its_attacker_says_so() -> None:
    sentence = "Five people died, including the gunman, police said."
    assert event_of(sentence, 0, 4, None, None).perpetrator == "included"
    sentence = "Five people died, not counting the gunman, police said."
    assert event_of(sentence, 0, 4, None, None).perpetrator == "excluded"
