"""Qualifiers and the intervals they give (see extract/grammar/qualifiers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.grammar.qualifiers import Interval, change_verb_before, interval_for, qualifier_before

D = Decimal


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("about ", "about"),
        ("around ", "about"),
        ("approximately ", "about"),
        ("roughly ", "about"),
        ("some ", "about"),
        ("nearly ", "almost"),
        ("almost ", "almost"),
        ("over ", "over"),
        ("more than ", "over"),
        ("at least ", "at_least"),
        ("up to ", "up_to"),
        ("under ", "under"),
        ("less than ", "under"),
        ("fewer than ", "under"),
        ("as many as ", "up_to"),
        ("as few as ", "at_least"),
        ("exceeding ", "over"),
        ("upwards of ", "over"),
        ("just over ", "just_over"),
        ("just under ", "just_under"),
        ("no fewer than ", "at_least"),
        ("only ", "only"),
        ("just ", "only"),
        ("More Than ", "over"),
    ],
)
def test_qualifier_before(text: str, qid: str) -> None:
    found = qualifier_before(text, len(text))
    assert found is not None
    assert found.id == qid
    assert text[found.start : found.end] == found.surface


def test_no_qualifier_inside_a_word() -> None:
    assert qualifier_before("moreover ", 9) is None
    assert qualifier_before("the ", 4) is None


@pytest.mark.parametrize(
    ("bound", "value", "expected"),
    [
        (None, "59", Interval(D(59), D(59), False, False)),
        ("exact", "520", Interval(D(520), D(520), False, False)),
        ("over", "90", Interval(D(90), None, True, False)),
        ("at_least", "43", Interval(D(43), None, False, False)),
        ("up_to", "5000", Interval(None, D(5000), False, False)),
        ("under", "100", Interval(None, D(100), False, True)),
        ("almost", "1000000", Interval(D(900000), D(1000000), False, True)),
        ("about", "140000", Interval(D(126000), D(154000), False, False)),
        ("just_over", "1000", Interval(D(1000), D(1100), True, False)),
        ("just_under", "40", Interval(D(36), D(40), False, True)),
        ("about", "-10", Interval(D(-11), D(-9), False, False)),
    ],
)
def test_interval_for(bound: str | None, value: str, expected: Interval) -> None:
    assert interval_for(bound, D(value)) == expected  # type: ignore[arg-type]


def test_change_verbs() -> None:
    grew = change_verb_before("trade grew by ", 14)
    assert grew is not None and (grew.verb, grew.direction, grew.preposition) == ("grew", "up", "by")
    fell = change_verb_before("prices fell ", 12)
    assert fell is not None and fell.direction == "down"
    assert change_verb_before("it makes up ", 12) is None
