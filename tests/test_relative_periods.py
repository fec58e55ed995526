"""Periods named relative to the article's date (lexicons/relative_periods.toml), resolved by the periods reader."""

from __future__ import annotations

from datetime import date

import pytest

from extract.readers.periods import period_for

TUESDAY = date(1987, 3, 24)

# (sentence, quote, article date, period start, period end)
CASES = [
    pytest.param("Fed funds, which averaged 6.21 pct on Monday, opened at 6-1/8 pct.", "6.21 pct", TUESDAY,
                 date(1987, 3, 23), date(1987, 3, 23), id="weekday-before"),
    pytest.param("The index closed at 412 points on Tuesday.", "412 points", TUESDAY, TUESDAY, TUESDAY,
                 id="weekday-same-day"),
    pytest.param("The division had worldwide sales of some 160 mln dlrs last year.", "some 160 mln dlrs", TUESDAY,
                 date(1986, 1, 1), date(1986, 12, 31), id="last-year"),
    pytest.param("Output fell 3 pct last month, the ministry said.", "3 pct", TUESDAY, date(1987, 2, 1),
                 date(1987, 2, 28), id="last-month"),
    pytest.param("Two people were hurt yesterday in the blast.", "Two", TUESDAY, date(1987, 3, 23),
                 date(1987, 3, 23), id="yesterday"),
    pytest.param("Net profit rose 12 pct in the first nine months.", "12 pct", TUESDAY, date(1986, 1, 1),
                 date(1986, 9, 30), id="first-nine-months-last-ended"),
    pytest.param("Profit rose 5 pct in the fourth quarter.", "5 pct", TUESDAY, date(1986, 10, 1), date(1986, 12, 31),
                 id="fourth-quarter-last-ended"),
    pytest.param("Sales rose 4 pct in the first quarter.", "4 pct", date(1987, 4, 9), date(1987, 1, 1),
                 date(1987, 3, 31), id="first-quarter-this-year"),
    pytest.param("It reported fourth quarter fiscal 1986 earnings per share of 24 cts.", "24 cts", TUESDAY,
                 date(1986, 10, 1), date(1986, 12, 31), id="quarter-of-a-fiscal-year"),
    pytest.param("Announced last February 28, the plan froze 250 prices.", "250", date(1987, 2, 26),
                 date(1986, 2, 28), date(1986, 2, 28), id="last-and-a-date-not-reached-yet"),
    pytest.param("On February 20 the plan froze 250 prices.", "250", date(1987, 2, 26), date(1987, 2, 20),
                 date(1987, 2, 20), id="a-yearless-date-already-reached"),
    # the year of a comparison is the comparison's: each figure takes the nearest period of its clause
    pytest.param("GDP rose by 8.2 pct last year following an 8.3 pct increase in 1985.", "8.2 pct", TUESDAY,
                 date(1986, 1, 1), date(1986, 12, 31), id="figure-last-year"),
    pytest.param("GDP rose by 8.2 pct last year following an 8.3 pct increase in 1985.", "8.3 pct", TUESDAY,
                 date(1985, 1, 1), date(1985, 12, 31), id="comparison-1985"),
]


@pytest.mark.parametrize(("sentence", "quote", "reference", "start", "end"), CASES)
def test_relative_period(sentence: str, quote: str, reference: date, start: date, end: date) -> None:
    at = sentence.index(quote)
    period = period_for(sentence, at, at + len(quote), reference)
    assert period is not None
    assert (period.start, period.end, period.inherited) == (start, end, False)


def test_without_an_article_date_a_relative_period_stays_unresolved() -> None:
    sentence = "The division had worldwide sales of some 160 mln dlrs last year."
    at = sentence.index("some 160")
    assert period_for(sentence, at, at + len("some 160 mln dlrs"), None) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Siemens Energy said on Monday that its investment in the wind farm totals $162.5 million.",
        "The ministry told reporters yesterday that exports reached 4.1 billion dlrs.",
    ],
)
def test_the_day_of_the_telling_is_not_the_figures(sentence: str) -> None:
    quote = next(q for q in ("$162.5 million", "4.1 billion dlrs") if q in sentence)
    at = sentence.index(quote)
    period = period_for(sentence, at, at + len(quote), TUESDAY)
    assert period is not None and period.inherited


def test_a_reported_figure_speaks_of_time_up_to_its_articles_date() -> None:
    import extract

    table = extract.facts(
        texts=["Exports rose 5 pct in 1987, the ministry said. Exports are expected to rise 8 pct in 1987."],
        article_date="1987-03-24",
    )
    reported, forecast = table.to_dict("records")
    assert (reported["period_start"], reported["period_end"]) == ("1987-01-01", "1987-03-24")
    assert (forecast["period_start"], forecast["period_end"]) == ("1987-01-01", "1987-12-31")
