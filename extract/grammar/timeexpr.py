"""Time expressions: years, dates, year spans, decades, centuries, relative times and times of day.

They are kept apart from quantities: a year is when, not how much. :func:`find_time_expressions` gives
them to the later time-scope stage, and :mod:`extract.grammar.quantities` drops every number inside one. The
month names come from ``lexicons/months.toml`` (exported as :data:`MONTH_NUMBERS` and :data:`MONTH_NAMES` for the
other readers of months), the cue words from ``lexicons/time_cues.toml``. Rules (see ``docs/grammar.md``):

* A year is a bare four-digit whole number from 1800 to 2099 with no unit, currency sign, percent sign, scale
  word, counted noun or qualifier attached ("in 2021", "the 2022 summit"); from 1000 to 1799 only after "in",
  "since", "by", "from", "until", "of" or "year".
* A year span is two years joined by a hyphen, dash or slash ("1941-1945", "2017–2018", "2002-13",
  "(2003-08)") when the second is later, or "from/between Y1 to/until/and Y2"; never a range of
  quantities or a subtraction.
* A date names a month: "April 8, 2022", "September 14-17, 2022" (a date span), "on September 21",
  "September 15 and 16, 2022", "January 2022", "14 September"; or is numeric: "2020-06-01", "6/1/2020".
* A relative time counts back from now: "two months ago", "29 mins ago", "more than thirty years ago". It
  locates an event, it measures nothing, so it is not a duration.
* Decades and centuries: "the 1960s", "late 90s", "the 21st century", "twentieth century".
* Times of day: "2pm", "2.15 pm", "10:30", "11 a.m.".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Literal

import regex

from extract.grammar.known_digits import known_digits
from extract.grammar.numbers import scale_after
from extract.grammar.qualifiers import qualifier_before
from extract.grammar.units import counted_noun_after, currency_before, unit_after
from extract.lexicons import alternation, load_toml

__all__ = ["MONTH_NAMES", "MONTH_NUMBERS", "TimeExpression", "TimeKind", "find_time_expressions"]

TimeKind = Literal[
    "year", "year_span", "date", "date_span", "month", "decade", "century", "relative", "time_of_day"
]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression: ``text[start:end] == surface``; ``year``/``year_end`` when the text names years."""

    start: int
    end: int
    surface: str
    kind: TimeKind
    year: int | None
    year_end: int | None
    rule: str


_MONTH_LEXICON: Final = load_toml("months.toml")["month"]
# Every spelling of a month as written ("January", "Jan", "Sept") -> its number; for any reader of month names.
MONTH_NUMBERS: Final[dict[str, int]] = {
    spelling: int(month["number"])
    for month in _MONTH_LEXICON
    for spelling in [month["name"], *month["abbreviations"]]
}
# The twelve full names, January first.
MONTH_NAMES: Final[tuple[str, ...]] = tuple(month["name"] for month in _MONTH_LEXICON)

_CUES: Final = load_toml("time_cues.toml")
_NUMBER_WORD_TABLES: Final = load_toml("numbers_words.toml")


def _cues(table: str) -> list[str]:
    words: list[str] = _CUES[table]["words"]
    return words


_DAY: Final = r"(?: [0-3]?\d (?: st | nd | rd | th )? )"
_YEAR: Final = r"(?: 1[0-9]\d\d | 20\d\d )"
_SOURCE: Final = r"""
(?P<date_span>                                   # September 14-17, 2022 ; September 15 and 16, 2022
    \b (?P<m1> {months} ) \.? \s+ {day} (?: \s* [-–] \s* | \s+ (?: {date_span_joiners} ) \s+ ) {day}
    (?: ,? \s+ (?P<y1> {year} ) )? (?! \d )
)
| (?P<date>                                      # April 8, 2022 ; September 14th 2022 ; on September 21
    \b (?P<m2> {months} ) \.? \s+ {day} (?! \d | [.,]\d | \s*% ) (?: ,? \s+ (?P<y2> {year} ) (?! \d ) )?
  | (?<! \d ) {day} \s+ (?: of \s+ )? (?P<m3> {months} ) \b (?: ,? \s+ (?P<y3> {year} ) (?! \d ) )?
  | (?<! [\d/.] ) (?P<y4> {year} ) - [01]\d - [0-3]\d (?! \d )                     # 2020-06-01
  | (?<! [\d/.] ) [0-3]?\d / [0-3]?\d / (?P<y5> {year} | \d\d ) (?! [\d/] )          # 6/1/2020
  | (?<! [\d.] ) [0-3]?\d \. [01]?\d \. (?P<y6> {year} ) (?! \d )                   # 01.06.2020
)
| (?P<month>                                     # January 2022 ; May of 2022
    \b (?P<m4> {months} ) \s+ (?: of \s+ )? (?P<y7> {year} ) (?! \d )
)
| (?P<year_span>                                 # 1941-1945 ; 2002-13 ; from 1996 until 2001
    (?<! [\d.,/] ) (?P<ys1> {year} ) \s? [-–—/] \s? (?P<ys2> {year} | \d\d )
    (?! [\d%] | \s* (?: % | percent ) )
  | (?i: \b (?: {year_span_openers} ) \s+ ) (?P<ys3> {year} )
    (?i: \s+ (?: {year_span_joiners} ) \s+ ) (?P<ys4> {year} ) (?! \d )
)
| (?P<relative>                                  # two months ago ; 29 mins ago ; more than thirty years ago
    (?i: (?: (?: {relative_qualifiers} ) \s+ )?
         (?<! \d ) (?: \d+ (?: \.\d+ )? | (?: {number_words} ) (?: [\s-] (?: {number_words} ) )? )
         \s* -? \s*
         (?: {time_units} ) \s+ ago \b
    )
)
| (?P<decade>                                    # the 1960s ; late 90s ; '90s ; 2000s
    (?<! [\w.] ) (?: ['’] \d0 | 1[0-9]\d0 | 20\d0 | [1-9]0 ) ['’]? s \b
)
| (?P<century>                                   # 21st century ; twenty-first century
    (?i: \b (?: \d{{1,2}} (?: st | nd | rd | th ) | {ordinal_words} | (?: {century_tens} ) [\s-] \w+ )
         [\s-]
         centur (?: y | ies ) \b )
)
| (?P<time_of_day>                               # 2pm ; 2.15 pm ; 10:30 ; 11 a.m.
    (?<! [\d.,:] ) [0-2]?\d (?: [:.] [0-5]\d )? \s? (?i: [ap] \.? \s? m \b \.? ) (?! \w )
  | (?<! [\d.,:] ) [0-2]\d [0-5]\d \s? (?: {time_zones} ) \b             # 0737 GMT
  | (?<! [\d.,:] ) [0-2]?\d : [0-5]\d (?: : [0-5]\d )? (?! \d )
)
| (?P<year>
    (?<! [\w.,/$€£¥₽-] | \d[\s\u00a0,] ) (?P<y8> {year} ) (?! [\w] | [.,]\d | \s\d{{3}} (?!\d) )
)
"""
_PATTERN: Final = regex.compile(
    _SOURCE.format(
        months=alternation(MONTH_NUMBERS),
        day=_DAY,
        year=_YEAR,
        date_span_joiners=alternation(_cues("date_span_joiners")),
        year_span_openers=alternation(_cues("year_span_openers")),
        year_span_joiners=alternation(_cues("year_span_joiners")),
        relative_qualifiers=alternation(_cues("relative_qualifiers")),
        number_words=alternation([*_NUMBER_WORD_TABLES["cardinals"], *_cues("relative_amounts")]),
        time_units=alternation(_cues("time_units")),
        ordinal_words=alternation(_NUMBER_WORD_TABLES["ordinals"]),
        century_tens=alternation(_cues("century_tens")),
        time_zones=alternation(_cues("time_zones")),
    ),
    regex.VERBOSE,
)
_YEAR_CUE: Final = regex.compile(
    rf"(?i: \b (?: {alternation(_cues('early_year_cues'))} ) \s+ \Z )",
    regex.VERBOSE,
)
# "of" before an early year is no year cue when it closes an indefinite noun phrase: "a total of 1500",
# "a small package of 1500 b" (but "the Great Fire of 1666").
_A_NOUN_OF: Final = regex.compile(r"(?i: \b an? \s+ (?: [^\W\d_]+ \s+ ){1,2} of \s+ \Z )", regex.VERBOSE)
# qualifier phrases (qualifiers.toml) that also stand before years: "circa 1500", "close to 2000 years ago"
_YEAR_QUALIFIERS: Final = frozenset(_cues("year_qualifiers"))
_QUANTITY_CUE: Final = regex.compile(rf"(?i: \b (?: {alternation(_cues('quantity_cues'))} ) \s+ \Z )", regex.VERBOSE)


# Every branch of the pattern holds a digit but two: "(thirty) years ago" and "(twenty-first) century". A text
# without any of them holds no time expression, and about half the sentences of news are skipped at this cost.
_MAY_HOLD_TIME: Final = regex.compile(r"\d|(?i:ago|centur)")

_KINDS: Final[dict[str, TimeKind]] = {
    k: k for k in ("date", "date_span", "month", "relative", "decade", "century", "time_of_day")
}


def _year(text: str) -> int | None:
    return int(text) if text else None


def _bare_year(text: str, m: regex.Match[str]) -> TimeExpression | None:
    start, end = m.span("y8")
    value = int(m.group("y8"))
    before = text[max(0, start - 40) : start]
    if value < 1800 and (not _YEAR_CUE.search(before) or _A_NOUN_OF.search(before)):
        return None  # "in 1500", "the war of 1812", but "a small package of 1500 b", "a total of 1500"
    if _QUANTITY_CUE.search(before) or currency_before(text, start) is not None or scale_after(text, end):
        return None
    qualifier = qualifier_before(text, start)
    if qualifier is not None:
        phrase = " ".join(qualifier.surface.lower().split())
        if phrase not in _YEAR_QUALIFIERS and (" " in phrase or value < 1800):
            return None  # "a total of 2000", "as many as 1500": a documented qualifier makes a quantity
    unit = unit_after(text, end)
    if unit is not None and unit.canonical not in ("year", "month", "day"):
        return None
    noun = counted_noun_after(text, end)
    if noun is not None and noun[1] - end < 2:  # "2000 people"
        return None
    return TimeExpression(start, end, m.group("y8"), "year", value, None, "year")


def _span_years(first: str, second: str) -> tuple[int, int] | None:
    y1 = int(first)
    y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)
    if len(second) == 2 and y2 <= y1:  # "1998-02": next century
        y2 += 100
    if y2 <= y1 or y2 - y1 > 200:
        return None
    return y1, y2


# The grammar and the period reader both ask for a sentence's time expressions, the reader once per quantity:
# cached, so that a sentence is scanned once however many figures it holds.
@lru_cache(maxsize=512)
def find_time_expressions(text: str) -> tuple[TimeExpression, ...]:
    """Every time expression in ``text``, left to right, not overlapping.

    >>> [t.surface for t in find_time_expressions("From 2005 to 2015 it grew, as in 1941-1945.")]
    ['From 2005 to 2015', '1941-1945']
    """
    if not _MAY_HOLD_TIME.search(text):
        return ()
    original, text = text, known_digits(text)
    if text is not original:
        return tuple(replace(t, surface=original[t.start : t.end]) for t in find_time_expressions(text))
    out: list[TimeExpression] = []
    pos = 0
    while True:
        m = _PATTERN.search(text, pos)
        if m is None:
            return tuple(out)
        found: TimeExpression | None = None
        kind = m.lastgroup
        if kind == "year_span":
            first, second = (
                (m.group("ys1"), m.group("ys2")) if m.group("ys1") else (m.group("ys3"), m.group("ys4"))
            )
            years = _span_years(first, second)
            if years is not None:
                found = TimeExpression(
                    m.start(), m.end(), m.group(), "year_span", years[0], years[1], "year_span"
                )
        elif kind == "year":
            found = _bare_year(text, m)
        elif kind in ("date", "date_span", "month"):
            year = next((m.group(g) for g in ("y1", "y2", "y3", "y4", "y5", "y6", "y7") if m.group(g)), "")
            y = _year(year) if len(year) == 4 else None
            found = TimeExpression(m.start(), m.end(), m.group(), _KINDS[kind], y, None, kind)
        elif kind in ("relative", "decade", "century", "time_of_day"):
            found = TimeExpression(m.start(), m.end(), m.group(), _KINDS[kind], None, None, kind)
        if found is None:
            pos = m.start() + 1
            continue
        out.append(found)
        pos = found.end
