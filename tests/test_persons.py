"""Ages and their persons: whose age a figure is, and when two ages are the same person's.

Sentences marked "ecb" are from the ECB+ corpus (Cybulska & Vossen, LREC 2014, CC BY 3.0), cited by doc_id
where the wording is theirs; "news" are written in news style for the test.
"""

from __future__ import annotations

import pytest

from extract.grammar.quantities import find_quantities
from extract.readers.persons import AGE_METRIC, age_holder, person_key, same_person
from extract.run.extraction import facts

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
    pytest.param(
        "A 61-year-old Vancouver man - Eric Allen Kirkpatrick - was charged Saturday with first-degree murder.",
        "61-year", "Eric Allen Kirkpatrick", "name:kirkpatrick", id="ecb-dash-apposition",
    ),
    pytest.param(
        "On Saturday, 32-year-old Englishman Robert Buckley fell about 600 metres.", "32-year", "Robert Buckley",
        "name:buckley", id="ecb-noun-and-name",
    ),
    pytest.param("Actress Esther Williams Dies at 91", "91", "Esther Williams", "name:williams", id="ecb-headline"),
    pytest.param(
        "Famous 1950s pin up star Betty Page has died in Los Angeles, aged 85.", "85", "Betty Page", "name:page",
        id="ecb-place-is-not-a-name",
    ),
    pytest.param(
        "A Brooklyn woman had a view of the fatal police shooting of 16-year-old Kimani (Kiki) Gray.", "16-year",
        "Kimani (Kiki) Gray", "name:gray", id="ecb-nickname",
    ),
    pytest.param(
        "Yesterday, a 36-year-old Australian climber died after falling 150 metres.", "36-year", "climber",
        "climber (victim)", id="ecb-time-word-is-not-a-name",
    ),
    pytest.param(
        "The 26-year-old actress checked into a rehabilitation centre early on Friday.", "26-year", "actress",
        "actor (?)", id="news-specific-noun-keyed-without-role",
    ),
    pytest.param(
        "The mother of a 10-year-old girl killed by a stray bullet said she heard a loud sound.", "10-year", "girl",
        "girl (victim)", id="ecb-reduced-passive",
    ),
    pytest.param(
        "Nigeria and Guinea agreed to carry out the 14-year-old Mifergui-Nimba iron ore project.", "14-year", None,
        None, id="reuters-a-project-is-not-a-person",
    ),
    pytest.param(
        "Employers and the port union are to meet again to attempt a settlement of the six-week-old strike.",
        "six-week", None, None, id="reuters-a-strike-is-not-a-person",
    ),
    pytest.param("Hansbrough broke the 30-year-old school scoring mark on Thursday.", "30-year", None, None,
                 id="ecb-a-record-is-not-a-person"),
    pytest.param("One, three, and six-month deposits were quoted unchanged.", "three", None, None,
                 id="reuters-a-number-word-is-not-a-name"),
    pytest.param("Officers found 12 live shells in the vehicle, Pickell said.", "12", None, None, id="ecb-not-an-age"),
    pytest.param("Peter Capaldi once wrote a letter to the Radio Times aged 15.", "15", "Peter Capaldi",
                 "name:capaldi (then)", id="ecb-an-age-at-an-earlier-event"),
    pytest.param("The star of such hits as Take Me Out to the Ball Game died at her home, aged 91.", "91", "", None,
                 id="ecb-a-film-title-is-not-a-name"),
    pytest.param("Mark Felt, FBI official who became Deep Throat, dead at 147", "147", "Mark Felt", "name:felt",
                 id="misreport-an-impossible-age-a-cue-states-is-still-an-age"),
    pytest.param("Smith, 140, was there.", "140", None, None, id="a-great-figure-after-a-name-is-no-age"),
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
        ("Catherine Gomes", "Kathryn Gomes", True),
        ("Nichols", "Brian G. Nichols", True),
        ("man", "man", True),
        (None, "man", False),
    ],
)
def test_same_person(first: str | None, second: str | None, same: bool) -> None:
    assert same_person(first, second) is same


def _ages(text: str) -> list[tuple[str, str]]:
    table = facts(texts=[text])
    ages = table[table["metric"] == AGE_METRIC]
    pairs = zip(ages["quote"], ages["entity"], strict=True)
    return [(quote, entity if isinstance(entity, str) else "") for quote, entity in pairs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Police said Kimani Gray, 16, was shot by two officers on Saturday. By the time an autopsy of the "
            "16-year-old was released, the tension could be felt.",
            [("16", "Kimani Gray"), ("16-year", "Kimani Gray")],
            id="ecb-unsaid-victim-is-the-named-victim",
        ),
        pytest.param(
            "Anthony LaCalamita, 38, was arrested on the highway. A 50-year-old man from Dexter tipped off "
            "authorities after hearing a description of the car on the radio.",
            [("38", "Anthony LaCalamita"), ("50-year", "man")],
            id="news-a-bystander-is-someone-else",
        ),
        pytest.param(
            "Gary Gomes, 35, was charged with murder. His 12-year-old daughter was also in the apartment.",
            [("35", "Gary Gomes"), ("12-year", "daughter")],
            id="news-a-relative-is-someone-else",
        ),
        pytest.param(
            "Robyn Mendes, 48, was killed. Anthony Smith, 35, was arrested. The 48-year-old was found dead.",
            [("48", "Robyn Mendes"), ("35", "Anthony Smith"), ("48-year", "Robyn Mendes")],
            id="news-the-one-named-victim",
        ),
        pytest.param(
            "Robyn Mendes, 48, and Katherine Gomes, 61, were killed on Tuesday. The 48-year-old was found dead.",
            [("48", "Robyn Mendes"), ("61", "Katherine Gomes"), ("48-year", "")],
            id="news-two-named-victims-no-guess",
        ),
        pytest.param(
            "Jose Luis Orozco was charged with murdering Deputy Jerry Ortiz. Prosecutors said the 29-year-old "
            "gang member killed the deputy while hiding behind a door.",
            [("29-year", "Jose Luis Orozco")],
            id="ecb-the-one-named-suspect-without-an-age",
        ),
        pytest.param(
            "Peter Capaldi has been named the new Doctor. Capaldi said he was thrilled. Steven Moffat said "
            "Capaldi was the obvious choice. In a statement, the 55-year-old said: 'It is a privilege.'",
            [("55-year", "Peter Capaldi")],
            id="ecb-the-person-the-article-is-about",
        ),
        pytest.param(
            "Warren Jeffs was convicted on Thursday. Jeffs said he would appeal. His lawyers said Jeffs was "
            "innocent and that he had been misled. Among the evidence was a photograph of a 12-year-old girl.",
            [("12-year", "girl")],
            id="news-not-the-named-man-for-a-girl",
        ),
        pytest.param(
            "Kimani Gray was shot by officers on Saturday. Gray was pronounced dead at the hospital. Police "
            "Commissioner Raymond Kelly said Gray had a gun. The 16-year-old's mother said he was unarmed.",
            [("16-year", "Kimani Gray")],
            id="ecb-a-title-is-not-a-given-name",
        ),
        pytest.param(
            "A 59-year-old grandmother was hit and killed by a car in Richmond Hill. Raj Chohan died at the "
            "scene, police said. Her 12-year-old grandson was not hurt.",
            [("59-year", "Raj Chohan"), ("12-year", "grandson")],
            id="ecb-a-grandmother-is-the-woman-herself-a-grandson-someone-else",
        ),
        pytest.param(
            "The Red Sox signed Mark Teixeira on Tuesday. Teixeira hit 33 home runs last season. The Yankees "
            "had also courted Teixeira. The 28-year-old Maryland native will earn $180 million.",
            [("28-year", "Mark Teixeira")],
            id="ecb-a-generic-noun-is-the-person-the-article-is-about",
        ),
        pytest.param(
            "Timmons was convicted on Friday. Timmons said he was innocent. Timmons will be sentenced in May. "
            "Her mother was on the steps with a 1-year-old baby.",
            [("1-year", "baby")],
            id="ecb-a-baby-is-not-the-grown-man-the-article-is-about",
        ),
        pytest.param(
            "Mahnefah Gray said her son was unarmed. His mother, Mahnefah Gray, spoke at the vigil. Mahnefah Gray "
            "wept. Police shot a 16-year-old on Saturday after they say he pointed a gun at them.",
            [("16-year", "")],
            id="ecb-a-relative-is-not-whom-the-unnamed-age-describes",
        ),
        pytest.param(
            "Gray, 16, was shot eleven times. Gray's older sister, Mahnefah Gray, 19, said he was unarmed. An "
            "orderly protest over the death of an armed 16-year-old turned into a riot.",
            [("16", "Gray"), ("19", "Mahnefah Gray"), ("16-year", "")],
            id="ecb-one-surname-two-people-no-guess",
        ),
        pytest.param(
            "A 35-year-old man was arrested at Kings County Hospital on Friday. Officers from the Brooklyn "
            "Police Department said the hospital had called them.",
            [("35-year", "man")],
            id="news-no-person-named",
        ),
    ],
)
def test_ages_of_unnamed_persons_resolved_in_their_article(text: str, expected: list[tuple[str, str]]) -> None:
    assert _ages(text) == expected
