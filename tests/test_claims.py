"""Claims: quantities read in their sentences. A table of real sentences with what each claim should say.

Sentences marked "seed" are from the seed pages; "ecb" from the ECB+ corpus (Cybulska & Vossen, LREC 2014,
CC BY 3.0), cited by doc_id; "news" are written in news style for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.readers.claims import Claim, find_claims, normalise

# (sentence, quote, metric, places, negated)
METRIC_CASES = [
    # -- migration and trade (seed) -------------------------------------------------------------------------
    pytest.param(
        "Russia’s Ministry of the Interior reports that over 1.7 million Tajikistani citizens entered Russia seeking "
        "work from January to June of 2022.", "over 1.7 million", "migration.migrants", "RUS;TJK", False, id="seed-migrants",
    ),
    pytest.param(
        "Russia is Tajikistan’s key trade and economic partner—in 2021, it accounted for 21.3% of Tajikistan’s overall "
        "trade turnover.", "21.3%", "trade.share", "RUS;TJK", False, id="seed-trade-share",
    ),
    pytest.param(
        "Russia and Tajikistan are building up their trade turnover that, according to official data, grew by 50% in "
        "the first six months of 2022.", "50%", "growth.rate", "RUS;TJK", False, id="seed-growth",
    ),
    pytest.param("Today, China and Russia conducted $140 billion in trade.", "$140 billion", "trade.value", "CHN;RUS", False,
                 id="seed-trade-value"),
    pytest.param(
        "Meanwhile, economic developments in Central Asian resulting from Russian and Chinese investments have "
        "exceeding $61 billion.", "exceeding $61 billion", "investment.value", "CHN;RUS", False, id="seed-investment",
    ),
    # -- casualties (seed, ecb, news) -------------------------------------------------------------------------
    pytest.param(
        "As a result of the inhuman actions of the Tajik side 59 citizens of Kyrgyzstan were killed and 140 were "
        "injured, about 140,000 people were forced to evacuate.", "59", "casualties.killed", "KGZ;TJK", False,
        id="seed-killed",
    ),
    pytest.param(
        "As a result of the inhuman actions of the Tajik side 59 citizens of Kyrgyzstan were killed and 140 were "
        "injured, about 140,000 people were forced to evacuate.", "140", "casualties.injured", "KGZ;TJK", False,
        id="seed-injured",
    ),
    pytest.param(
        "As a result of the inhuman actions of the Tajik side 59 citizens of Kyrgyzstan were killed and 140 were "
        "injured, about 140,000 people were forced to evacuate.", "about 140,000", "people.displaced", "KGZ;TJK", False,
        id="seed-displaced",
    ),
    pytest.param("Some 30 people were killed and dozens wounded when Israeli shells hit a UN school in Gaza.", "Some 30",
                 "casualties.killed", "ISR", False, id="news-gaza-killed"),
    pytest.param("The earthquake left at least 24 people dead and hundreds injured in Aceh province, Indonesia.", "at least 24",
                 "casualties.killed", "IDN", False, id="news-quake-dead"),
    pytest.param("A fire at a bank in Athens killed three employees during a general strike.", "three",
                 "casualties.killed", "GRC", False, id="news-athens-fire"),
    # -- health (seed) -----------------------------------------------------------------------------------------
    pytest.param(
        "As of June 1, 2020, the World Health Organization reported deaths attributed to COVID-19 as: Kazakhstan—38; "
        "Kyrgyzstan—16; Tajikistan—47; Uzbekistan—14.", "16", "health.deaths", "KGZ", False, id="seed-covid-list",
    ),
    # -- borders: settled, unsettled, length; negation flips (seed and news) ------------------------------------
    pytest.param("The Kyrgyz-Tajik border 950 kilometers long.", "950 kilometers", "border.length", "KGZ;TJK", False,
                 id="seed-border-length"),
    pytest.param(
        "At the moment, Bishkek and Dushanbe have recognized only 520 kilometers of a common border, the rest of the "
        "sections since the collapse of the USSR are considered controversial and run along villages and roads.",
        "only 520 kilometers", "border.settled", "KGZ;TJK", False, id="seed-border-recognised",
    ),
    pytest.param(
        "The state border between Tajikistan and Kyrgyzstan is 950 kilometers, and 520 km of it has not yet passed "
        "the demarcation procedures.", "520 km", "border.unsettled", "KGZ;TJK", True, id="seed-border-not-demarcated",
    ),
    pytest.param(
        "The state border between Tajikistan and Kyrgyzstan is 950 kilometers, and 520 km of it has not yet passed "
        "the demarcation procedures.", "950 kilometers", "border.length", "KGZ;TJK", False, id="seed-border-total",
    ),
    pytest.param("Some 300 km of the Armenia-Azerbaijan border remain disputed, officials said.", "Some 300 km",
                 "border.unsettled", "ARM;AZE", False, id="news-border-disputed"),
    pytest.param("Uzbekistan and Kyrgyzstan have delimited 1,170 km of their common border.", "1,170 km",
                 "border.settled", "KGZ;UZB", False, id="news-border-delimited"),
    pytest.param(
        "Beijing and Moscow had a highly armed and disputed border that stretched 4,380 kilometers.", "4,380 kilometers",
        "border.length", "CHN;RUS", False, id="news-disputed-border-length",
    ),
    # -- counts of agreements, members, personnel, students (seed) -----------------------------------------------
    pytest.param("Throughout the years, Russia and Tajikistan have signed over 300 agreements.", "over 300",
                 "agreements.count", "RUS;TJK", False, id="seed-agreements"),
    pytest.param("Iran has now become SCO’s ninth member.", "ninth", "membership.count", "IRN", False, id="seed-ninth-member"),
    pytest.param(
        "He successfully created a pro-Iranian Shi`a Foreign Fighter Network of 50 000 bayonets.", "50 000",
        "military.personnel", "IRN", False, id="seed-bayonets",
    ),
    pytest.param(
        "Between 2005 and 2015, the number of Kazakhs studying in China increased from 781 to 13,198.",
        "from 781 to 13,198", "education.students", "CHN;KAZ", False, id="seed-students-change",
    ),
    # -- shares of wholes (seed) -------------------------------------------------------------------------------
    pytest.param("The expanded membership of the SCO makes up 24% of the global GDP.", "24%", "economy.gdp_share", "SCO",
                 False, id="seed-gdp-share"),
    pytest.param("SCO’s expanded participant list accounts for 44% of the global population.", "44%",
                 "population.share", "SCO", False, id="seed-population-share"),
    # -- durations and other (seed) ------------------------------------------------------------------------------
    pytest.param("The agreement was designed to put an end to the 18-year war in Afghanistan.", "18-year", "duration",
                 "AFG", False, id="seed-18-year-war"),
    pytest.param("Iran’s membership was approved after a 15 year waiting period.", "15 year", "duration", "IRN", False,
                 id="seed-waiting-period"),
    # -- casualty counts side by side: the cue touching the figure decides (ecb) ---------------------------------
    pytest.param("Gunman kills 1, wounds 2 at accounting office", "1", "casualties.killed", "", False,
                 id="ecb-kills-1"),
    pytest.param("Gunman kills 1, wounds 2 at accounting office", "2", "casualties.injured", "", False,
                 id="ecb-wounds-2"),
    pytest.param("1 dead, 2 hurt in Mich. office shooting; police say suspect had worked there", "2",
                 "casualties.injured", "", False, id="ecb-2-hurt"),
    pytest.param("A Michigan man shot to death one person and injured two others Monday at an accounting firm.", "one",
                 "casualties.killed", "", False, id="ecb-shot-to-death-and-injured"),
    pytest.param("A man suspected of shooting three people, killing one, at a suburban Detroit firm was arrested.",
                 "three", "casualties.shot", "", False, id="ecb-shot-not-killed"),
    pytest.param("Some 30 people were killed and 55 others injured when three shells landed near the school.", "55",
                 "casualties.injured", "", False, id="news-other-conjunct"),
    pytest.param("AN EARTHQUAKE killed six children and left 14 others trapped when a mosque collapsed in Aceh.", "14",
                 "casualties.missing", "", False, id="ecb-trapped-not-killed"),
    pytest.param("Thirty people are still missing after the quake, which killed 12.", "Thirty", "casualties.missing", "",
                 False, id="news-missing-not-killed"),
    # -- earthquake magnitudes are the quake's, not a toll (ecb) ---------------------------------------------------
    pytest.param("A 6.4-magnitude quake hit the town of Zarand in Iran's Kerman province, killing hundreds of people.",
                 "6.4", "earthquake.magnitude", "IRN", False, id="ecb-magnitude-hyphen"),
    pytest.param("In February, a quake measuring 6.4 on the Richter scale hit Zarand, killing 612 people.", "612",
                 "casualties.killed", "", False, id="ecb-toll-beside-magnitude"),
    pytest.param("An earthquake with a magnitude of at least 5.9 hit southern Iran on Sunday, killing 10 people.",
                 "at least 5.9", "earthquake.magnitude", "IRN", False, id="ecb-magnitude-of"),
]


def claim_for(sentence: str, quote: str, reference: date | None = None) -> Claim:
    claims = [claim for claim in find_claims(sentence, reference=reference) if claim.quantity.surface == quote]
    assert len(claims) == 1, [claim.quantity.surface for claim in find_claims(sentence, reference=reference)]
    return claims[0]


@pytest.mark.parametrize(("sentence", "quote", "metric", "places", "negated"), METRIC_CASES)
def test_metric_places_and_polarity(sentence: str, quote: str, metric: str, places: str, negated: bool) -> None:
    claim = claim_for(sentence, quote)
    assert claim.metric == metric
    assert ";".join(claim.places) == places
    assert claim.negated is negated
    assert sentence[claim.quantity.start : claim.quantity.end] == quote


# (text, quote, places): which of the places named around a figure are its own (lexicons/place_cues.toml)
PLACE_CASES = [
    # -- a contrasting clause after a comma has its own subject and its own countries ---------------------------
    pytest.param("Germany's economy grew 1.8% last year, whereas France's expanded by 2.5%.", "1.8%", "DEU",
                 id="news-whereas-first-clause"),
    pytest.param("Germany's economy grew 1.8% last year, whereas France's expanded by 2.5%.", "2.5%", "FRA",
                 id="news-whereas-second-clause"),
    pytest.param("Brazil's soy exports rose 20%, but Argentina's harvest fell by half.", "20%", "BRA",
                 id="news-but-clause"),
    pytest.param(
        "Exports from Uzbekistan to Russia rose 14% in the first half, while Kazakhstan's shipments to China fell.",
        "14%", "RUS;UZB", id="news-while-clause-pair-kept",
    ),
    pytest.param("More than 200 Indian students were stranded at the border, while fleeing Ukraine.", "More than 200",
                 "IND;UKR", id="news-while-participle-no-new-subject"),
    pytest.param("Prices rose 8% not only in Poland, but also in Hungary.", "8%", "HUN;POL", id="news-but-also-one-clause"),
    # -- stances and concessive adjuncts name circumstances, not places -----------------------------------------
    pytest.param("Anti-American protests in Pakistan drew some 10,000 people on Friday.", "some 10,000", "PAK",
                 id="news-anti-stance"),
    pytest.param("Turkey's exports grew 12% in 2022, despite the war in Ukraine.", "12%", "TUR", id="news-despite"),
    pytest.param("Despite a 30% fall in Russian gas deliveries, Germany filled its storage.", "30%", "DEU;RUS",
                 id="news-despite-holding-the-figure"),
    # -- counts of member countries belong to their group; "the bloc" refers back ---------------------------------
    pytest.param("Hungary was the only one of the 27 EU member states to vote against the package.", "27", "EU",
                 id="news-member-states-of-the-eu"),
    pytest.param("NATO leaders gathered in Vilnius on Tuesday. Thirty-one countries signed the final communique.",
                 "Thirty-one", "NATO", id="news-member-count-from-the-paragraph"),
    pytest.param(
        "ASEAN foreign ministers met in Jakarta on Monday. The bloc's combined GDP reached $3.6 trillion last year.",
        "$3.6 trillion", "ASEAN", id="news-the-bloc-anaphor",
    ),
]


@pytest.mark.parametrize(("text", "quote", "places"), PLACE_CASES)
def test_places(text: str, quote: str, places: str) -> None:
    assert ";".join(claim_for(text, quote).places) == places


@pytest.mark.parametrize(
    ("sentence", "quote", "entity"),
    [
        pytest.param("Over 1.7 million Tajikistani citizens entered Russia seeking work.", "Over 1.7 million",
                     "Tajikistani citizens", id="seed-modifier"),
        pytest.param("As a result 59 citizens of Kyrgyzstan were killed.", "59", "citizens of Kyrgyzstan", id="seed-of"),
        pytest.param("The number of Kazakhs studying in China rose to 13,198 students.", "13,198", "students", id="seed-noun"),
        pytest.param("Russia accounted for 21.3% of Tajikistan’s overall trade turnover.", "21.3%",
                     "Tajikistan’s overall trade turnover", id="seed-share-of"),
        pytest.param("The Kyrgyz-Tajik border 950 kilometers long.", "950 kilometers", "Kyrgyz-Tajik border", id="seed-subject"),
        pytest.param("Approximately 400 foreign terrorist fighters from China, Tajikistan and Uzbekistan are in Afghanistan.",
                     "Approximately 400", "foreign terrorist fighters from China", id="seed-long-np"),
        pytest.param("The government agreed to slash spending in return for 110 billion euros in loans over three years.",
                     "110 billion euros", "loans", id="ecb-money-what-it-pays-for-after-it"),
        pytest.param("McNutt drove around the 9-acre Mat Maid complex and spotted flames.", "9-acre", "Mat Maid complex",
                     id="ecb-measure-as-an-adjective"),
        pytest.param("The violence was a blow to plans demanded in exchange for a 110 billion euro (93.6 billion pound) aid "
                     "package unveiled on Sunday.", "110 billion euro", "aid package", id="ecb-money-after-a-conversion"),
    ],
)
def test_entity(sentence: str, quote: str, entity: str) -> None:
    assert claim_for(sentence, quote).entity == entity


@pytest.mark.parametrize(
    ("sentence", "quote", "source"),
    [
        pytest.param("Russia’s Ministry of the Interior reports that over 1.7 million Tajikistani citizens entered Russia.",
                     "over 1.7 million", "Russia’s Ministry of the Interior", id="seed-reports-that"),
        pytest.param("In 2021 it accounted for 21.3% of trade (according to Tajikistan’s Ministry for Economic Development and Trade).",
                     "21.3%", "Tajikistan’s Ministry for Economic Development and Trade", id="seed-according-to"),
        pytest.param("As of June 1, 2020, the World Health Organization reported 38 deaths in Kazakhstan.", "38",
                     "World Health Organization", id="seed-as-of-reported"),
        pytest.param("Shirin Amonzoda, Tajikistan’s Minister of Labor, Migration and Employment, says that 90% of all of "
                     "Tajikistan’s migrants go to Russia.", "90%",
                     "Shirin Amonzoda, Tajikistan’s Minister of Labor, Migration and Employment", id="seed-apposition"),
        pytest.param("At least 43 people were killed, the United Nations said.", "At least 43", "United Nations",
                     id="news-trailing-said"),
        pytest.param("In a statement on Friday, the ministry of health said 12 people had died.", "12", None,
                     id="news-lowercase-source-is-not-named"),
        pytest.param("Some 30 people were killed on Tuesday.", "Some 30", None, id="news-none"),
    ],
)
def test_attribution(sentence: str, quote: str, source: str | None) -> None:
    assert claim_for(sentence, quote).attributed_to == source


@pytest.mark.parametrize(
    ("sentence", "quote", "hedged"),
    [
        pytest.param("Social media reported alleged instances of 12 Tajikistani migrants sent to Ukraine.", "12", True, id="alleged"),
        pytest.param("The militia reportedly has 5,000 fighters.", "5,000", True, id="reportedly"),
        pytest.param("An estimated 2,000 people fled the fighting.", "An estimated 2,000", True, id="estimated"),
        pytest.param("The clashes killed 59 citizens of Kyrgyzstan.", "59", False, id="plain"),
    ],
)
def test_hedging(sentence: str, quote: str, hedged: bool) -> None:
    assert claim_for(sentence, quote).hedged is hedged


@pytest.mark.parametrize(
    ("sentence", "quote", "reference", "period", "inherited"),
    [
        pytest.param("Over 1.7 million Tajikistani citizens entered Russia seeking work from January to June of 2022.",
                     "Over 1.7 million", None, ("2022-01-01", "2022-06-30"), False, id="seed-month-range"),
        pytest.param("In 2021, it accounted for 21.3% of Tajikistan’s overall trade turnover.", "21.3%", None,
                     ("2021-01-01", "2021-12-31"), False, id="seed-year"),
        pytest.param("Trade grew by 50% in the first six months of 2022.", "50%", None, ("2022-01-01", "2022-06-30"), False,
                     id="seed-first-six-months"),
        pytest.param("As of June 1, 2020, the World Health Organization reported 38 deaths.", "38", None,
                     ("2020-06-01", "2020-06-01"), False, id="seed-as-of-date"),
        pytest.param("The events of September 14-17, 2022 left 59 citizens of Kyrgyzstan dead.", "59", None,
                     ("2022-09-14", "2022-09-17"), False, id="seed-date-span"),
        pytest.param("The state border between Tajikistan and Kyrgyzstan is 950 kilometers.", "950 kilometers",
                     date(2022, 9, 20), ("2022-09-20", "2022-09-20"), True, id="seed-present-tense-inherits-article-date"),
        pytest.param("The state border between Tajikistan and Kyrgyzstan is 950 kilometers.", "950 kilometers", None, None,
                     False, id="no-date-no-period"),
        pytest.param("On March 3, 340 people were evacuated.", "340", date(2020, 6, 1), ("2020-03-03", "2020-03-03"), False,
                     id="yearless-date-takes-reference-year"),
    ],
)
def test_period(
    sentence: str, quote: str, reference: date | None, period: tuple[str, str] | None, inherited: bool
) -> None:
    claim = claim_for(sentence, quote, reference)
    if period is None:
        assert claim.period is None
        return
    assert claim.period is not None
    assert (claim.period.start.isoformat(), claim.period.end.isoformat()) == period
    assert claim.period.inherited is inherited


def test_a_past_date_does_not_leak_onto_the_next_present_tense_sentence() -> None:
    text = (
        "In spring 2021 a similar bloody conflict took place on the border of two republics. "
        "The state border between Tajikistan and Kyrgyzstan is 950 kilometers, and 520 km of it has not yet passed "
        "the demarcation procedures."
    )
    claims = find_claims(text, reference=date(2022, 9, 20))
    assert [claim.quantity.surface for claim in claims] == ["950 kilometers", "520 km"]
    assert all(claim.period is not None and claim.period.inherited for claim in claims)
    assert all(claim.period is not None and claim.period.start.year == 2022 for claim in claims)


@pytest.mark.parametrize(
    ("sentence", "not_claims"),
    [
        pytest.param("The Military conflict took place on the border of two post-soviet countries.", ["two"], id="seed-group"),
        pytest.param("For the first time, Qassem Soleimani visited Tajikistan on January 18, 1999.", ["first"], id="seed-first-time"),
        pytest.param("The second reason for Tajikistan’s restraint is the suddenness of the operation.", ["second"], id="seed-reason"),
        pytest.param("One step in overcoming this challenge is to recognize that this virus is an unusual enemy.", ["One"],
                     id="seed-pronoun-one"),
        pytest.param("Moreover, Tajikistan witnessed no public protests against Russia’s actions in Ukraine.",
                     ["no public protests"], id="seed-no-protests"),
        pytest.param("Russia has also taken several steps towards bolstering cooperation.", ["several"], id="seed-several-steps"),
        pytest.param("Trade grew by 50% in the first six months of 2022.", ["six months"], id="seed-period-not-duration"),
        pytest.param("Even though there were whispers for several months on end, the war was unexpected.", ["several months"],
                     id="seed-vague-duration"),
    ],
)
def test_not_claims(sentence: str, not_claims: list[str]) -> None:
    surfaces = [claim.quantity.surface for claim in find_claims(sentence)]
    assert not set(surfaces) & set(not_claims)


def test_zero_with_a_counted_noun_is_a_claim_and_not_negated() -> None:
    [claim] = find_claims("Turkmenistan reported no deaths.")
    assert claim.quantity.value == 0 and claim.negated is False


def test_offsets_are_into_the_whole_text() -> None:
    text = "Headline\n\nSome 30 people were killed. About 140,000 people were forced to evacuate."
    for claim in find_claims(text, start=10):
        assert text[claim.quantity.start : claim.quantity.end] == claim.quantity.surface
        assert text[claim.sentence.start : claim.sentence.end] == claim.sentence.text


def test_normalise_folds_case_space_and_typography() -> None:
    assert normalise("  Russia’s   “Ministry”\n– ok ") == "russia's \"ministry\" - ok"
