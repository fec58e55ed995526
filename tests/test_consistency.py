"""Consistency rules on written cases (other borders, other totals) and on the seed pages."""

from __future__ import annotations

import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import regex
from click.testing import CliRunner

import extract
from extract.cli import cli
from extract.consistency import CheckOptions, Discrepancy, check, load_options, records_from_rows
from extract.errors import UsageError
from tests.helpers import SEEDS


def discrepancies(*texts: str, options: CheckOptions | None = None) -> list[Discrepancy]:
    """The rules on `texts` told as one story: each case is about the rules, given figures of one event or
    subject (which articles tell one story is tested in tests/test_stories.py)."""
    table = extract.facts(texts=list(texts))
    return check([replace(record, story="one story") for record in records_from_rows(table.to_dict("records"))],
                 options)


def flags(*texts: str) -> list[Discrepancy]:
    return [d for d in discrepancies(*texts) if d.severity != "note"]


# (texts, the rule expected to fire or None, the quotes it must cite)
CASES = [
    # -- events and implicit counts (issue 14) ---------------------------------------------------------------
    pytest.param(
        [
            "Five workers were killed in an explosion at the refinery on Monday.",
            "In an earlier incident, two workers were killed in an explosion at the refinery.",
        ],
        None,
        set(),
        id="event-an-earlier-incident-is-another-event",
    ),
    pytest.param(
        [
            "Five workers were killed in an explosion at the refinery on Monday.",
            "Three workers were killed in an explosion at the refinery on Monday.",
        ],
        "value-conflict",
        {"Five", "Three"},
        id="event-the-main-event-still-conflicts",
    ),
    pytest.param(
        [
            "Three people were killed in the shooting at the mall.",
            "A security guard was shot dead in the shooting at the mall.",
        ],
        None,
        set(),
        id="event-an-implied-count-is-one-victim-not-the-toll",
    ),
    # -- a. value conflict ------------------------------------------------------------------------------------
    pytest.param(
        [
            "Some 30 people were killed when shells hit a UN school in Gaza.",
            "At least 43 people were killed when shells hit a UN school in Gaza.",
        ],
        "value-conflict",
        {"Some 30", "At least 43"},
        id="a-gaza-toll",
    ),
    pytest.param(
        ["Some 30 people were killed in Gaza on Tuesday.", "About 31 people were killed in Gaza on Tuesday."],
        None,
        set(),
        id="a-overlapping-approximations-agree",
    ),
    pytest.param(
        [
            "More than 26,000 people were killed by the quake in Bam, Iran.",
            "The quake in Bam, Iran killed more than 31,000 people.",
        ],
        None,
        set(),
        id="a-two-lower-bounds-agree",
    ),
    pytest.param(
        [
            "59 people were killed in Kyrgyzstan, the Ministry of Foreign Affairs of Kyrgyzstan said.",
            "Only 19 people were killed in Kyrgyzstan, the Ministry of Defence of Tajikistan said.",
        ],
        "value-conflict",
        {"59", "Only 19"},
        id="a-disputed-between-sources",
    ),
    pytest.param(
        ["Three people died in the fire at the bank in Athens.", "A fire at a bank in Athens killed 3 people."],
        None,
        set(),
        id="a-words-and-digits-agree",
    ),
    # -- f. scale slips -----------------------------------------------------------------------------------------
    pytest.param(
        [
            "Thieves stole jewels worth $2.5 million from the Paris store.",
            "Thieves stole jewels worth $2.5 billion from the Paris store.",
        ],
        "scale-slip",
        {"$2.5 million", "$2.5 billion"},
        id="f-million-billion",
    ),
    # -- b. part exceeds whole -----------------------------------------------------------------------------------
    pytest.param(
        ["The clashes killed 140 people in all. The clashes killed 150 soldiers."],
        "part-exceeds-whole",
        {"150", "140"},
        id="b-soldiers-above-total",
    ),
    pytest.param(
        ["The clashes killed more than 90 people from both sides. 59 citizens of Kyrgyzstan were killed."],
        None,
        set(),
        id="b-subgroup-fits",
    ),
    # -- c. complementary parts ------------------------------------------------------------------------------------
    pytest.param(
        [
            "The border between Uzbekistan and Kyrgyzstan is 1,378 kilometers long. Tashkent and Bishkek have "
            "delimited 1,170 km of the border. Some 300 km of the Uzbek-Kyrgyz border remain disputed."
        ],
        "complement-sum",
        {"1,378 kilometers", "1,170 km", "Some 300 km"},
        id="c-uzbek-kyrgyz",
    ),
    pytest.param(
        [
            "The Armenia-Azerbaijan border is 1,000 km long. Armenia and Azerbaijan have agreed on 600 km of "
            "their border. The remaining 400 km of the Armenia-Azerbaijan border are disputed."
        ],
        None,
        set(),
        id="c-parts-fit",
    ),
    # -- d. shares ------------------------------------------------------------------------------------------------
    pytest.param(
        [
            "Russia accounted for 62% of Tajikistan's overall trade turnover. China accounted for 48% of "
            "Tajikistan's overall trade turnover."
        ],
        "share-sum",
        {"62%", "48%"},
        id="d-shares-above-100",
    ),
    # -- e. changes and multiples ---------------------------------------------------------------------------------
    pytest.param(
        ["Trade grew by 50%, from 100 million dollars to 200 million dollars."],
        "change-arithmetic",
        {"50%"},
        id="e-rate-vs-endpoints",
    ),
    pytest.param(
        ["Trade grew by 100%, from 100 million dollars to 200 million dollars."], None, set(), id="e-rate-agrees"
    ),
    pytest.param(
        ["Exports fell by 50%, from 200 million dollars to 100 million dollars."], None, set(), id="e-fall-agrees"
    ),
    pytest.param(
        ["Imports reached $900 million, 16 times greater than exports of $100 million."],
        "change-arithmetic",
        {"16 times greater"},
        id="e-multiple",
    ),
    pytest.param(
        [
            "Ten people were killed when the quake struck the island of Qeshm on Sunday.",
            "The bodies of two more victims were found in the village of Ziranag, the governor said.",
        ],
        None,
        set(),
        id="a-an-increment-is-not-a-total",
    ),
    pytest.param(
        [
            "Twelve people were killed when the quake struck the island of Qeshm on Sunday.",
            "Another four people died in hospital from their injuries, he said.",
        ],
        None,
        set(),
        id="a-another-is-an-increment",
    ),
    pytest.param(
        [
            "Police said a 61-year-old man was charged with first-degree murder on Saturday.",
            "A 69-year-old man was charged with murder after the office party shooting.",
        ],
        "value-conflict",
        {"61-year", "69-year"},
        id="a-ages-of-one-suspect",
    ),
    pytest.param(
        [
            "Police said a 61-year-old man was charged with first-degree murder on Saturday.",
            "The gunman opened fire at the party, killing a 40-year-old man.",
        ],
        None,
        set(),
        id="a-suspect-and-victim-are-two-people",
    ),
    pytest.param(
        [
            "In February, a gunman killed five people at a shopping mall in Salt Lake City.",
            "A gunman killed one person at an accounting firm near Detroit.",
        ],
        None,
        set(),
        id="a-a-month-dates-a-background-event",
    ),
    pytest.param(
        [
            "At least 24 people were killed by the quake in Aceh, officials said.",
            "In neighbouring Central Aceh district, 10 people were killed, Nugroho said.",
        ],
        None,
        set(),
        id="a-a-district-count-is-a-part",
    ),
    pytest.param(
        [
            "The quake killed one person in Aceh, officials said.",
            "Twelve people were killed by collapsing buildings in Bener Meriah district, the agency said.",
        ],
        "part-exceeds-whole",
        {"one", "Twelve"},
        id="b-a-district-count-above-the-total",
    ),
    pytest.param(
        [
            "About 14,000 people fled their homes after the tsunami warning, the UN said.",
            "Governor Atururi said there were now 21,000 refugees across the province.",
        ],
        "value-conflict",
        {"About 14,000", "21,000"},
        id="a-refugees-are-the-people-displaced",
    ),
    pytest.param(
        [
            "Police arrested 46 people after the vigil turned into a riot.",
            "At least 74 demonstrators were arrested along Church Avenue.",
        ],
        "value-conflict",
        {"46", "At least 74"},
        id="a-demonstrators-arrested-are-the-people-arrested",
    ),
    pytest.param(
        [
            "Robbers snatched $108 million worth of jewels in one of the largest jewel heists in history.",
            "Armed robbers stole diamonds valued at $167 million from the Paris boutique.",
        ],
        "value-conflict",
        {"$108 million", "$167 million"},
        id="a-an-event-ranked-among-others-is-still-one-event",
    ),
    pytest.param(
        [
            "Zurana Horton, 34, a mother of 12, was fatally shot in 2011 while picking up her daughter.",
            "Gangbangers who allegedly killed mom of 13 in crossfire begin trial.",
        ],
        "value-conflict",
        {"12", "13"},
        id="a-a-mothers-children",
    ),
    pytest.param(
        [
            "Kimani Gray, 16, was shot by two officers on Saturday.",
            "By the time an autopsy of the 19-year-old Kimani Gray was released, the tension could be felt.",
        ],
        "value-conflict",
        {"16", "19-year"},
        id="a-an-age-after-a-name-and-a-year-old-age",
    ),
    pytest.param(
        [
            "Mr Lang, the commissioner of Pariang county, said that 12 people had been killed and the death toll "
            "could rise.",
            "Miabek Lang, the commissioner of Pariang County, said earlier that 30 people were killed in Thursday's "
            "bombing.",
        ],
        "value-conflict",
        {"12", "30"},
        id="a-a-forecast-in-a-coordinated-clause-is-not-the-toll's",
    ),
    pytest.param(
        [
            "The robbery was a blow to plans to push through the tough security rules demanded by the insurers of "
            "the jewellers, after thieves stole jewels worth 110 million euros from the store in Paris on Sunday.",
            "Thieves stole jewels worth 170 million euros from the store in Paris.",
        ],
        "value-conflict",
        {"110 million euros", "170 million euros"},
        id="a-a-plan-far-before-the-figure-is-another-verb's",
    ),
    pytest.param(
        [
            "Fire chief McNutt drove around the 9-acre Mat Maid complex and spotted flames shooting from the eaves.",
            "The fire chief drove around the perimeter of this 18 acre city block and saw fire everywhere.",
        ],
        # An area is a territory's, compared when its places are read: a burning complex's is not compared.
        None,
        set(),
        id="a-an-area-without-its-places-is-not-compared",
    ),
    pytest.param(
        [
            "UNRWA spokesman Chris Gunness put the death toll of the shelling at 20.",
            "Doctors in Gaza said more than 40 people died in the shelling of the school.",
        ],
        "value-conflict",
        {"20", "more than 40"},
        id="a-a-death-toll-counts-people",
    ),
    pytest.param(
        [
            "Police said they had located Anthony LaCalamita, 38, on Interstate 75.",
            "Prosecutor Rob Novy said the 39-year-old Anthony LaCalamita shot his former co-workers.",
        ],
        None,
        set(),
        id="a-ages-a-year-apart-in-two-articles-may-straddle-a-birthday",
    ),
    pytest.param(
        [
            "Police said they had located Anthony LaCalamita, 38, on Interstate 75. Prosecutor Rob Novy said the "
            "39-year-old Anthony LaCalamita shot his former co-workers."
        ],
        "value-conflict",
        {"38", "39-year"},
        id="a-ages-a-year-apart-in-one-article",
    ),
    pytest.param(
        [
            "Thomas was hurt in September and missed 10 games.",
            "Thomas suffered through an injury-plagued season, missing 12 games with a troublesome ankle.",
        ],
        None,
        set(),
        id="a-games-missed-are-not-people-injured",
    ),
    pytest.param(
        [
            "Gray, 16, was shot eleven times after police said he pulled out a revolver. Gray's older sister, "
            "Mahnefah Gray, 19, told the New York Times that her brother was only fixing his belt."
        ],
        None,
        set(),
        id="a-two-of-one-surname-in-one-article",
    ),
    pytest.param(
        [
            "The Indian navy said it arrested 23 pirates in the Gulf of Aden on Saturday.",
            "Of the 11 pirates arrested, six carried rifles, officials said.",
        ],
        "value-conflict",
        {"23", "11"},
        id="a-the-arresting-navy-does-not-make-the-pirates-indian",
    ),
    pytest.param(
        [
            "The earthquake on the Gulf island killed 10 people and forced villagers into tents.",
            "The island was hit almost two years after the city of Bam was destroyed in a quake that killed "
            "tens of thousands of people.",
        ],
        None,
        set(),
        id="a-years-after-dates-a-background-event",
    ),
    pytest.param(
        [
            "The quake injured more than 200 people in Aceh, the agency said.",
            "There are around 30 people seriously injured, some with head injuries.",
        ],
        None,
        set(),
        id="b-the-seriously-injured-are-a-part",
    ),
    pytest.param(
        [
            "Seven people were injured in Aceh in the quake, officials said.",
            "There are 30 people seriously injured, some with head injuries, a doctor said.",
        ],
        "part-exceeds-whole",
        {"Seven", "30"},
        id="b-more-seriously-injured-than-injured",
    ),
    pytest.param(
        [
            "The quake injured more than 200 people in Aceh, the agency said.",
            "We have received around 50 people with injuries at a health clinic in Lampahan, a doctor said.",
        ],
        None,
        set(),
        id="b-one-clinics-count-is-a-part",
    ),
    # -- g. listed parts and their total ------------------------------------------------------------------------------
    pytest.param(
        [
            "The WHO reported a total of 120 deaths: 38 deaths in Kazakhstan, 16 deaths in Kyrgyzstan and 47 "
            "deaths in Tajikistan."
        ],
        "parts-sum",
        {"a total of 120", "38", "16", "47"},
        id="g-list-vs-total",
    ),
]


@pytest.mark.parametrize(("texts", "rule", "quotes"), CASES)
def test_rules_on_written_cases(texts: list[str], rule: str | None, quotes: set[str]) -> None:
    found = flags(*texts)
    if rule is None:
        assert found == [], [d.explanation for d in found]
        return
    matching = [d for d in found if d.rule == rule]
    assert matching, [(d.rule, d.explanation) for d in found]
    cited = {involved.quote for involved in matching[0].facts}
    assert quotes <= cited
    for quote in quotes:
        assert f"“{quote}”" in matching[0].explanation


def test_disputed_figures_name_both_sources() -> None:
    [found] = flags(
        "59 people were killed in Kyrgyzstan, the Ministry of Foreign Affairs of Kyrgyzstan said.",
        "Only 19 people were killed in Kyrgyzstan, the Ministry of Defence of Tajikistan said.",
    )
    assert found.title.startswith("Disputed between sources")
    assert "Ministry of Foreign Affairs of Kyrgyzstan" in found.explanation
    assert "Ministry of Defence of Tajikistan" in found.explanation


def test_a_single_share_above_100_percent_is_a_note_not_a_flag() -> None:
    # It may be a misreported share, but in news it is far more often a growth rate read as one ("up 152 pct").
    found = discrepancies("The bloc accounts for 120% of the global population.")
    assert [(d.rule, d.severity) for d in found] == [("share-sum", "note")]
    assert {f.quote for f in found[0].facts} == {"120%"}


def test_different_periods_are_a_change_over_time_note() -> None:
    found = discrepancies(
        "In 2005, 781 Kazakh migrants worked in China.", "In 2015, 13,198 Kazakh migrants worked in China."
    )
    assert [d.severity for d in found] == ["note"]
    assert "change over time" in found[0].explanation


def test_different_currencies_are_not_compared_but_noted() -> None:
    found = discrepancies(
        "Thieves stole jewels worth $2.5 million from the store in Paris.",
        "Thieves stole jewels worth €1.9 million from the store in Paris.",
    )
    assert {d.severity for d in found} <= {"note"}
    assert any("different currencies" in d.explanation for d in found)


# -- the seed pages ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_discrepancies() -> list[Discrepancy]:
    table = extract.facts(paths=[SEEDS])
    return check(records_from_rows(table.to_dict("records")))


def test_seed_border_contradiction_is_flagged_with_its_quotes(seed_discrepancies: list[Discrepancy]) -> None:
    [border] = [d for d in seed_discrepancies if d.rule == "complement-sum"]
    quotes = {involved.quote for involved in border.facts}
    assert {"only 520 kilometers", "520 km"} <= quotes and "950 kilometers" in quotes
    assert border.severity == "error"
    sentences = " ".join(involved.sentence for involved in border.facts)
    assert "has not yet passed the demarcation procedures" in sentences and "have recognized only 520" in sentences


def test_seed_claims_about_different_things_are_not_flagged(seed_discrepancies: list[Discrepancy]) -> None:
    for discrepancy in seed_discrepancies:
        if discrepancy.severity == "note":
            continue
        quotes = {involved.quote for involved in discrepancy.facts}
        assert not quotes & {"over 300", "More than 20"}, discrepancy.explanation
        assert not quotes & {"18-year"}, discrepancy.explanation
        assert not quotes & {"more than 90", "59"}, discrepancy.explanation
    assert [d.rule for d in seed_discrepancies if d.severity != "note"] == ["complement-sum"]


# -- fingerprints ------------------------------------------------------------------------------------------


def seed_fingerprints(folder: Path) -> set[str]:
    table = extract.facts(paths=[folder])
    return {d.fingerprint for d in check(records_from_rows(table.to_dict("records")))}


def test_fingerprints_survive_edits_elsewhere_and_change_with_the_claims_wording(tmp_path: Path) -> None:
    pages = tmp_path / "seeds"
    shutil.copytree(SEEDS, pages)
    before = seed_fingerprints(pages)
    page = pages / "000_de64a30cb4f39542.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text("Breaking: a new paragraph at the top.\n\n" + text.replace("quite a few", "many"), encoding="utf-8")
    assert seed_fingerprints(pages) == before
    page.write_text(text.replace("520 km of it has not", "520 kilometres of it has not"), encoding="utf-8")
    after = seed_fingerprints(pages)
    assert after and after != before


def test_the_json_report_is_written_atomically_in_a_stable_order(tmp_path: Path) -> None:
    from extract.consistency import write_json

    found = discrepancies("Some 30 people were killed in Gaza.", "At least 43 people were killed in Gaza.")
    write_json(found, tmp_path / "discrepancies.json")
    first = (tmp_path / "discrepancies.json").read_text(encoding="utf-8")
    write_json(list(reversed(found)), tmp_path / "again.json")
    assert pd.read_json(tmp_path / "discrepancies.json")["fingerprint"].tolist() == [d.fingerprint for d in found]
    assert first.startswith("[") and not list(tmp_path.glob(".*.tmp"))


# -- options -----------------------------------------------------------------------------------------------


def test_options_from_pyproject_and_claims_toml(tmp_path: Path) -> None:
    assert load_options(tmp_path) == CheckOptions()
    (tmp_path / "pyproject.toml").write_text('[tool.claims]\nrules = ["value-conflict"]\nrelative_tolerance = 0.1\n')
    options = load_options(tmp_path)
    assert options.rules == {"value-conflict"} and str(options.relative_tolerance) == "0.1"
    (tmp_path / "claims.toml").write_text('rules = ["scale-slip"]\n')
    assert load_options(tmp_path).rules == {"scale-slip"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('[tool.claims]\nrulez = ["x"]\n', "unknown option 'rulez'", id="unknown-key"),
        pytest.param('[tool.claims]\nrules = ["nope"]\n', "unknown rule 'nope'", id="unknown-rule"),
        pytest.param("[tool.claims\n", "not valid TOML", id="bad-toml"),
    ],
)
def test_bad_options_are_clear_errors(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(content)
    with pytest.raises(UsageError, match=message):
        load_options(tmp_path)


README_BLOCK = '[tool.claims]\nrules = ["value-conflict", "scale-slip"]\nrelative_tolerance = 0.1\nscale_factors = [1000]\n'


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(README_BLOCK, id="the-readme-block-pasted"),
        pytest.param(README_BLOCK.removeprefix("[tool.claims]\n"), id="top-level-keys"),
    ],
)
def test_claims_toml_takes_top_level_keys_or_a_tool_claims_table(tmp_path: Path, content: str) -> None:
    (tmp_path / "claims.toml").write_text(content)
    options = load_options(tmp_path)
    assert options.rules == {"value-conflict", "scale-slip"}
    assert options.relative_tolerance == Decimal("0.1") and options.scale_factors == (Decimal(1000),)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('rules = ["scale-slip"]\n[tool.claims]\nrelative_tolerance = 0.1\n',
                     "options both at the top level ('rules') and in [tool.claims]", id="both-places"),
        pytest.param('[tool.black]\nline-length = 88\n', "[tool] may hold only the [tool.claims] table", id="other-tool"),
    ],
)
def test_a_claims_toml_with_options_in_two_places_is_an_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "claims.toml").write_text(content)
    with pytest.raises(UsageError, match=regex.escape(message)):
        load_options(tmp_path)


# Every key with a value of the wrong type or range: (setting, what the message says the key takes).
BAD_SETTINGS = [
    ('rules = "value-conflict"', "rules must be a list of rule ids"),
    ("rules = [1]", "rules must be a list of rule ids"),
    ('relative_tolerance = "x"', "relative_tolerance must be a number of 0 or more"),
    ("relative_tolerance = -0.1", "relative_tolerance must be a number of 0 or more"),
    ("share_tolerance = true", "share_tolerance must be a number of 0 or more"),
    ("change_tolerance = nan", "change_tolerance must be a number of 0 or more"),
    ("scale_factors = 1000", "scale_factors must be a list of numbers above 1"),
    ('scale_factors = [1000, "x"]', "scale_factors must be a list of numbers above 1"),
    ("scale_factors = [0.5]", "scale_factors must be a list of numbers above 1"),
    ('scale_tolerance = "5%"', "scale_tolerance must be a number of 0 or more"),
    ('complements = { parts = ["a", "b"], whole = "c" }', "complements must be a list of tables of two metric ids"),
    ('complements = [{ parts = ["a"], whole = "c" }]', "complements must be a list of tables of two metric ids"),
    ('complements = [{ parts = ["a", "b"] }]', "complements must be a list of tables of two metric ids"),
    ("exchange_rates = 5", "exchange_rates must name a CSV file (a string)"),
    ('exchange_rate_tolerance = "2%"', "exchange_rate_tolerance must be a share from 0 up to 1"),
    ("exchange_rate_max_age_days = 1.5", "exchange_rate_max_age_days must be a whole number of days"),
]


@pytest.mark.parametrize("where", ["pyproject.toml", "claims.toml"])
@pytest.mark.parametrize(("setting", "message"), BAD_SETTINGS, ids=[s.split(" =")[0] + "-" + str(i) for i, (s, _) in enumerate(BAD_SETTINGS)])
def test_a_bad_value_names_the_key_the_file_and_what_it_takes(
    in_tmp: Path, where: str, setting: str, message: str
) -> None:
    (in_tmp / where).write_text(f"[tool.claims]\n{setting}\n")
    with pytest.raises(UsageError) as raised:
        load_options(in_tmp)
    assert str(raised.value).startswith(f"{where}: {message}"), str(raised.value)
    result = CliRunner().invoke(cli, ["check"], prog_name="claims")
    assert result.exit_code == 2 and result.stderr == f"claims: error: {raised.value}\n"


def test_every_key_has_a_bad_value_case() -> None:
    from extract.consistency.options import KNOWN_KEYS

    assert {setting.split(" =")[0] for setting, _ in BAD_SETTINGS} == KNOWN_KEYS


def test_a_disabled_rule_does_not_run() -> None:
    texts = ["Some 30 people were killed in Gaza.", "At least 43 people were killed in Gaza."]
    assert flags(*texts)
    assert discrepancies(*texts, options=CheckOptions(rules=frozenset({"scale-slip"}))) == []
