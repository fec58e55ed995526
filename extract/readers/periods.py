"""Time scope: the period a claim refers to, from the time expressions of its own sentence.

The grammar finds time expressions (:func:`extract.grammar.timeexpr.find_time_expressions`); this stage turns each
into a date interval and picks the one that governs a quantity: the nearest in the quantity's clause, else
the nearest in the sentence. "from January to June of 2022" is 2022-01-01..2022-06-30; "the first six
months of 2022" is 2022-01-01..2022-06-30; "in 2021" is the whole year; "September 14-17, 2022" the four
days. A sentence without a time expression takes the article's date, marked as inherited, and never the
date of a neighbouring sentence: a past event's date must not leak onto a present-tense statement. Dates
without a year take the year of the reference date when one is given (passed in, never read from the
clock), else they are left unresolved.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import regex

from extract.grammar.timeexpr import MONTH_NUMBERS, TimeExpression, find_time_expressions
from extract.lexicons import alternation, load_toml
from extract.readers.attribution import clause_around

__all__ = ["Period", "as_reported", "parse_reference_date", "period_for", "resolve"]

# lower-cased: a month is looked up case-insensitively, in a date the grammar found and in the words before it
MONTHS: Final = {spelling.lower(): number for spelling, number in MONTH_NUMBERS.items()}
MONTH_WORD: Final = regex.compile(r"\b(?i:" + alternation(MONTHS) + r")\b")
DAY_NUMBER: Final = regex.compile(r"(?<![\d.])([0-3]?\d)(?:st|nd|rd|th)?(?![\d])")
YEAR_NUMBER: Final = regex.compile(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)")
ISO_DATE: Final = regex.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# "from January to June of 2022", "In April to June of 2022", "between March and May 2020"
MONTH_RANGE_START: Final = regex.compile(
    r"(?i:(?:from|between|in)\s+)?(?P<month>" + MONTH_WORD.pattern + r")\s+(?i:to|until|till|through|and|-|–)\s+\Z"
)
# "the first six months of 2022", "the first half of 2021", "the first quarter of 2020"
# "the fourth quarter fiscal 1986", "the fourth quarter of 1986"
PART_OF_YEAR: Final = regex.compile(
    r"""(?i: \b (?P<which> first | second | last | third | fourth ) \s+
        (?P<part> half | quarter | qtr | (?P<count> two | three | four | five | six | seven | eight | nine | ten
                                               | eleven | \d{1,2} ) \s+ months )
        \s+ (?: of \s+ )? (?: fiscal \s+ )? \Z )""",
    regex.VERBOSE,
)
RELATIVE: Final = load_toml("relative_periods.toml")
# "last February 28", "the previous March": a yearless date the article's date has not reached yet is last year's.
LAST_BEFORE: Final = regex.compile(rf"(?i)\b(?:{alternation(RELATIVE['last_words'])})\s+\Z")
_SAYING: Final = load_toml("attribution.toml")
SAID_BEFORE: Final = regex.compile(
    rf"(?i)\b(?:{alternation([*_SAYING['reporting_verbs'], *_SAYING['speaking_verbs'], *_SAYING['quote_tags']])})"
    r"(?:\s+\S+){0,2}\s+(?:on\s+)?\Z"
)
WEEKDAYS: Final = {name: number for number, name in enumerate(RELATIVE["weekdays"])}
# "on Monday", "yesterday", "last year", "in the fourth quarter", "the first nine months" (with no year after it)
RELATIVE_PERIOD: Final = regex.compile(
    r"(?i)\b(?:"
    rf"(?:on\s+)?(?P<weekday>{alternation(WEEKDAYS)})"
    rf"|(?P<today>{alternation(RELATIVE['today'])})"
    rf"|(?P<yesterday>{alternation(RELATIVE['yesterday'])})"
    rf"|(?:{alternation(RELATIVE['last_words'])})\s+(?P<last>year|month|week)"
    rf"|(?:the\s+)?(?P<which>{alternation(RELATIVE['ordinals'])})\s+(?:fiscal\s+)?"
    rf"(?P<part>half|{alternation(RELATIVE['quarter_words'])}"
    rf"|(?P<count>{alternation(RELATIVE['run_counts'])}|\d{{1,2}})\s+months)"
    r"(?!\s+(?:of\s+)?(?:fiscal\s+)?(?:1[89]|20)\d\d)"
    r")\b"
)
COUNTS: Final = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11,
}


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    surface: str
    inherited: bool = False


def parse_reference_date(text: str | None) -> date | None:
    """An ISO date (the start of `text`), or None when `text` is missing or not a date."""
    if not text:
        return None
    match = ISO_DATE.match(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def resolve(expression: TimeExpression, sentence: str, reference: date | None = None) -> Period | None:
    """The date interval an expression names, reading the words just before it for month ranges."""
    period = _resolve(expression, sentence, reference)
    if period is None or reference is None or expression.year or period.start <= reference:
        return period
    if LAST_BEFORE.search(sentence, 0, expression.start):
        # "Announced last February 28" in an article of February 26: the year before's February 28.
        try:
            return Period(period.start.replace(year=period.start.year - 1),
                          period.end.replace(year=period.end.year - 1), period.surface)
        except ValueError:  # February 29 of a leap year
            return None
    return period


def _resolve(expression: TimeExpression, sentence: str, reference: date | None) -> Period | None:
    surface = expression.surface
    before = sentence[max(0, expression.start - 40) : expression.start]
    try:
        if expression.kind == "year" and expression.year:
            part = PART_OF_YEAR.search(before)
            if part:
                return _part_of_year(part, expression.year, surface)
            return Period(date(expression.year, 1, 1), date(expression.year, 12, 31), surface)
        if expression.kind == "year_span" and expression.year and expression.year_end:
            return Period(date(expression.year, 1, 1), date(expression.year_end, 12, 31), surface)
        if expression.kind == "decade":
            years = YEAR_NUMBER.search(surface)
            if years:
                first = int(years[1])
                return Period(date(first, 1, 1), date(first + 9, 12, 31), surface)
            return None
        if expression.kind in ("month", "date", "date_span"):
            return _calendar_period(expression, before, reference)
    except ValueError:  # a day that does not exist ("February 30")
        return None
    return None


def _part_of_year(part: regex.Match[str], year: int, surface: str) -> Period | None:
    which = part["which"].lower()
    if part["part"].lower() == "half":
        months = 6
    elif part["part"].lower() in ("quarter", "qtr"):
        months = 3
    else:
        count = part["count"].lower()
        months = int(count) if count.isdigit() else COUNTS[count]
    if not 1 <= months <= 12:
        return None
    if which == "first":
        return Period(date(year, 1, 1), _month_end(year, months), surface)
    if which == "last":
        return Period(date(year, 13 - months, 1), date(year, 12, 31), surface)
    index = {"second": 1, "third": 2, "fourth": 3}[which]
    first_month = index * months + 1
    if first_month + months - 1 > 12:
        return None
    return Period(date(year, first_month, 1), _month_end(year, first_month + months - 1), surface)


def _calendar_period(expression: TimeExpression, before: str, reference: date | None) -> Period | None:
    surface = expression.surface
    month_match = MONTH_WORD.search(surface)
    year = expression.year or (reference.year if reference else None)
    if year is None:
        return None
    if month_match is None:  # numeric dates: 2020-06-01, 6/1/2020
        numbers = [int(n) for n in regex.findall(r"\d+", surface)]
        if len(numbers) == 3 and numbers[0] > 31:
            return Period(date(*numbers), date(*numbers), surface)
        if len(numbers) == 3:
            month, day = (numbers[0], numbers[1]) if "/" in surface else (numbers[1], numbers[0])
            return Period(date(year, month, day), date(year, month, day), surface)
        return None
    month = MONTHS[month_match.group().lower()]
    days = [int(match[1]) for match in DAY_NUMBER.finditer(surface.replace(str(year), " "))]
    if expression.kind == "month" or not days:
        start_month = month
        ranged = MONTH_RANGE_START.search(before)
        if ranged:
            start_month = MONTHS[ranged["month"].lower()]
        if start_month > month:
            return None
        return Period(date(year, start_month, 1), _month_end(year, month), surface)
    first, last = days[0], days[-1]
    return Period(date(year, month, first), date(year, month, last), surface)


def period_for(
    sentence: str, quantity_start: int, quantity_end: int, reference: date | None = None
) -> Period | None:
    """The period governing the quantity at [quantity_start, quantity_end) of `sentence`.

    The sentence's own time expressions only; without one, the reference (article) date, marked inherited.
    """
    clause_start, clause_end = clause_around(sentence, quantity_start, quantity_end)
    candidates: list[tuple[int, int, Period]] = []
    for expression in find_time_expressions(sentence):
        if expression.start < quantity_end and quantity_start < expression.end:
            continue
        period = resolve(expression, sentence, reference)
        if period is None:
            continue
        outside_clause = 0 if clause_start <= expression.start < clause_end else 1
        distance = (
            expression.start - quantity_end if expression.start >= quantity_end else quantity_start - expression.end
        )
        candidates.append((outside_clause, distance, period))
    if reference is not None:
        for found in RELATIVE_PERIOD.finditer(sentence):
            if found.start() < quantity_end and quantity_start < found.end():
                continue
            outside_clause = 0 if clause_start <= found.start() < clause_end else 1
            day = found["weekday"] or found["today"] or found["yesterday"]
            if day and (outside_clause or SAID_BEFORE.search(sentence, 0, found.start())):
                continue  # "said on Monday that ...", "told reporters yesterday": the day of the telling
            period = _relative(found, reference)
            if period is None:
                continue
            distance = found.start() - quantity_end if found.start() >= quantity_end else quantity_start - found.end()
            candidates.append((outside_clause, distance, period))
    if candidates:
        return min(candidates, key=lambda candidate: (candidate[0], candidate[1]))[2]
    if reference is not None:
        return Period(reference, reference, reference.isoformat(), inherited=True)
    return None


def _relative(found: regex.Match[str], reference: date) -> Period | None:
    """The period a relative expression names, counted from the article's date."""
    surface = found.group()
    if found["weekday"]:
        back = (reference.weekday() - WEEKDAYS[found["weekday"].lower()]) % 7
        day = reference - timedelta(days=back)
        return Period(day, day, surface)
    if found["today"]:
        return Period(reference, reference, surface)
    if found["yesterday"]:
        day = reference - timedelta(days=1)
        return Period(day, day, surface)
    if found["last"]:
        unit = found["last"].lower()
        if unit == "year":
            return Period(date(reference.year - 1, 1, 1), date(reference.year - 1, 12, 31), surface)
        if unit == "month":
            end = reference.replace(day=1) - timedelta(days=1)
            return Period(end.replace(day=1), end, surface)
        monday = reference - timedelta(days=reference.weekday() + 7)
        return Period(monday, monday + timedelta(days=6), surface)
    part = PART_OF_YEAR.search(f"{found['which']} {found['part']} of ")
    if part is None:
        return None
    for year in (reference.year, reference.year - 1):
        period = _part_of_year(part, year, surface)
        if period is not None and period.end <= reference:
            return period  # the latest such period that has ended by the article's date
    return None


def as_reported(period: Period | None, reference: date | None, forecast: bool) -> Period | None:
    """A reported figure speaks of time up to its article's date, not after it: "exports in 1987 rose 5 pct" in an
    article of March 1987 speaks of 1987 to date. A forecast keeps the whole period.

    >>> as_reported(Period(date(1987, 1, 1), date(1987, 12, 31), "1987"), date(1987, 3, 24), False).end
    datetime.date(1987, 3, 24)
    """
    if period is None or reference is None or forecast or period.inherited:
        return period
    if period.start <= reference < period.end:
        return Period(period.start, reference, period.surface)
    return period
