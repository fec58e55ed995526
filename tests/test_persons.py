"""Ages and their persons: whose age a figure is, and when two ages are the same person's.

Sentences marked "ecb" are from the ECB+ corpus (Cybulska & Vossen, LREC 2014, CC BY 3.0), cited by doc_id
where the wording is theirs; "news" are written in news style for the test.
"""

from __future__ import annotations

import pytest

from extract.persons import age_holder, person_key, same_person
from extract.quantities import find_quantities

# (sentence, quote of the age, holder, key)
HOLDER_CASES = [
    pytest.param(
        "Constable Tim Fanning allege Eric Allen Kirkpatrick, 61, opened fire at a Vancouver office Friday, killing "
        "Benjamin David Banky, 40.", "40", "Benjamin David Banky", "name:banky", id="ecb-name-before-at-end",
    ),
    pytest.param(
        "Constable Tim Fanning allege Eric Allen Kirkpatrick, 61, opened fire at a Vancouver office Friday.", "61",
        "Eric Allen Kirkpatrick", "name:kirkpatrick", id="ecb-name-before",
    ),
    pytest.param(
        "The man accused of shooting his three former co-workers is Anthony LaCalamita III, a 38-year-old Troy "
        "resident who was fired.", "38-year", "Anthony LaCalamita III", "name:lacalamita", id="ecb-name-apposition",
    ),
    pytest.param(
        "There's been more rioting in Greece in protest at the death of 15-year-old Alexandros Grigoropoulos.",
        "15-year", "Alexandros Grigoropoulos", "name:grigoropoulos", id="ecb-year-old-name",
    ),
    pytest.param(
        "Fresh riots were reported in protest at the killing by police of a 15-year-old boy, Alexandros "
        "Grigoropoulos, eight days ago.", "15-year", "Alexandros Grigoropoulos", "name:grigoropoulos",
        id="ecb-noun-then-name",
    ),
    pytest.param(
        "A 61-year-old Vancouver man was charged yesterday in connection with the fatal shooting of his former boss.",
        "61-year", "man", "man (suspect)", id="ecb-described-suspect",
    ),
    pytest.param(
        "Police say a 59-year-old woman died after being struck by a vehicle in Queens Friday night.", "59-year",
        "woman", "woman (victim)", id="ecb-described-victim",
    ),
    pytest.param(
        "Prosecutors said the 39-year-old Troy man shot his former co-workers because he was fired.", "39-year", "man",
        "man (suspect)", id="news-active-harm-is-the-attacker",
    ),
    pytest.param(
        "Two plainclothes officers shot and killed a 16-year-old Brooklyn resident on Saturday.", "16-year",
        "resident", "resident (victim)", id="news-harm-before-is-the-victim",
    ),
    pytest.param(
        "A 50-year-old man from Dexter tipped off authorities to the location of the car after hearing a radio "
        "description of it.", "50-year", "man", "", id="news-no-role-no-key",
    ),
    pytest.param(
        "He leaves behind a wife and two children, a 16-year-old son and an 18-year-old daughter.", "16-year", "son",
        "", id="ecb-relative-without-name",
    ),
    pytest.param("Mark Felt, FBI official who became 'Deep Throat,' dead at 95", "95", "Mark Felt", "name:felt",
                 id="ecb-dead-at"),
    pytest.param(
        "The Polytechnic lies near Exarchia, where the 15-year-old was killed.", "15-year", "", "",
        id="ecb-unsaid-person",
    ),
    pytest.param(
        "In opening statements Tuesday, public defender Peter Lynch said then- 15-year-old Timmons was at the scene.",
        "15-year", "Timmons",
        "name:timmons (then)", id="ecb-then-age",
    ),
    pytest.param("Officers found a 12-gauge pump-action shotgun in the vehicle.", "12", None, None, id="ecb-not-an-age"),
    pytest.param("The 2004 tsunami killed 230,000 people, 40 of them tourists.", "40", None, None, id="news-a-count"),
]


@pytest.mark.parametrize(("sentence", "quote", "holder", "key"), HOLDER_CASES)
def test_age_holder_and_key(sentence: str, quote: str, holder: str | None, key: str | None) -> None:
    found = [q for q in find_quantities(sentence) if sentence[q.start : q.end] == quote]
    assert found, [sentence[q.start : q.end] for q in find_quantities(sentence)]
    assert age_holder(sentence, found[0]) == holder
    if key is not None:
        assert person_key(holder, sentence, found[0].start, found[0].end) == key


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Gaetano Lo Presti", "Lo Presti", True),
        ("Jim Oler", "James Oler", True),
        ("Robin Mendes", "Robyn Mendes", True),
        ("Gary Gomes", "Katherine Gomes", False),
        ("Nichols", "Brian G. Nichols", True),
        ("man", "man", True),
        (None, "man", False),
    ],
)
def test_same_person(first: str | None, second: str | None, same: bool) -> None:
    assert same_person(first, second) is same
