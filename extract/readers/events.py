"""Which event a figure belongs to: the article's main event, or another one its sentence places it in.

News about a shooting, a quake or a fire tells of more than one event: this one, last year's, a separate incident
the same night, the deadliest since 1999. A figure belongs to the article's main event unless its sentence says
otherwise: a cue of another event before the figure ("It comes a day after three bank workers died") or after it
in its clause ("two were killed in a separate attack"), a past time ("last year", "two years ago"), or a date of
its own well before the article's ("In December 2004, a tsunami killed at least 230,000"). The reading keeps the
words that decided, the date and the places read for the other event; it also reads whether a toll counts its
attacker ("including the gunman"). The phrases are data: ``lexicons/events.toml``.

>>> key = event_of("In an earlier incident, two people were killed at the refinery.", 24, 27, None, None)
>>> (key.event, key.cue)
('other', 'In an earlier')
>>> event_of("Two people were killed at the refinery on Monday.", 0, 3, None, None).event
'main'
>>> event_of("Five died, including the gunman.", 0, 4, None, None).perpetrator
'included'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, Final

import regex

from extract.lexicons import load_toml, starred_alternation
from extract.readers.attribution import clause_around
from extract.readers.periods import Period

__all__ = ["MAIN", "OTHER_EVENT", "EventKey", "date_text", "event_of"]

MAIN: Final = "main"
OTHER_EVENT: Final = "other"
# "In December 2004, ...", "In 1999 a quake ...", "On March 18, 1987, ...": a sentence opening on a dated time.
OPENING_DATE: Final = regex.compile(
    r"\A\W*(?:In|On|During|Back\s+in)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{Lu}\p{Ll}+\.?\s+)?(?:\d{1,2},?\s+)?"
    r"(?P<year>1[5-9]\d\d|20\d\d)\b"
)

WEEKDAY_WORD: Final = regex.compile(r"day\b")
YEAR_WORD: Final = regex.compile(r"\b(?:1[5-9]|20)\d\d\b")
# Where a phrase opened by "a day after" ends: a comma, unless a relative clause follows it ("..., which killed 37").
PHRASE_BREAK: Final = regex.compile(r"[;:]|,(?!\s*(?:which|who|that|where|in\s+which|when)\b)")


@dataclass(frozen=True, slots=True)
class EventKey:
    event: str  # MAIN or OTHER_EVENT
    cue: str | None  # the words that decided
    date: str | None  # the date or time read for the other event; for the main event, the weekday of its clause
    perpetrator: str | None  # "included", "excluded" or None


@cache
def _lexicon() -> dict[str, Any]:
    return load_toml("events.toml")


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    lexicon = _lexicon()
    found = {
        key: regex.compile(rf"(?i)(?<![\w-])(?:{starred_alternation(lexicon[key])})(?![\w-])")
        for key in (
            "before_figure", "governing", "after_figure", "past_times", "perpetrator_included", "perpetrator_excluded"
        )
    }
    found["weekday"] = regex.compile(
        rf"(?<!\b(?i:{starred_alternation(lexicon['telling_verbs'])})\s+(?:(?i:on)\s+)?)"
        rf"\b(?P<day>{starred_alternation(lexicon['weekdays'])})(?:['’]s)?\b"
    )
    return found


def event_of(
    sentence: str, start: int, end: int, period: Period | None, reference: date | None
) -> EventKey:
    """The event of the figure at [start, end) of `sentence`; `period` is the figure's period as read (None or
    inherited when the sentence names none) and `reference` the article's date."""
    if not _may_name_another(sentence):
        return EventKey(MAIN, None, _weekday(sentence, start, end), None)
    patterns = _patterns()
    perpetrator = _perpetrator(sentence, end)
    _, clause_end = clause_around(sentence, start, end)  # the figure's clause, for cues after it
    before = patterns["before_figure"].search(sentence, 0, start)
    if before is None:
        before = next(
            (cue for cue in patterns["governing"].finditer(sentence, 0, start)
             if not PHRASE_BREAK.search(sentence, cue.end(), start)),
            None,
        )
    if before is None:
        after = patterns["after_figure"].search(sentence, end, clause_end)
        before = after
    if before is not None:
        return EventKey(OTHER_EVENT, before.group(), _date_of(period), perpetrator)
    past = patterns["past_times"].search(sentence, 0, clause_end)
    if past is not None:
        return EventKey(OTHER_EVENT, past.group(), _date_of(period) or past.group().lower(), perpetrator)
    if period is not None and not period.inherited and _lexicon()["opening_date"]:
        if reference is not None:
            if period.end < reference - timedelta(days=int(_lexicon()["background_days"])):
                return EventKey(OTHER_EVENT, period.surface, _date_of(period), perpetrator)
        else:
            opening = OPENING_DATE.match(sentence)
            if opening is not None and opening.end() <= start:
                return EventKey(OTHER_EVENT, opening.group().strip(), _date_of(period), perpetrator)
    return EventKey(MAIN, None, _weekday(sentence, start, end), perpetrator)


def _weekday(sentence: str, start: int, end: int) -> str | None:
    """The weekday named in the figure's clause, not right after a verb of saying."""
    if not WEEKDAY_WORD.search(sentence):
        return None
    clause_start, clause_end = clause_around(sentence, start, end)
    day = _patterns()["weekday"].search(sentence, clause_start, clause_end)
    return day["day"].lower() if day else None


@lru_cache(maxsize=512)
def _may_name_another(sentence: str) -> bool:
    """Whether any cue of another event, a date with a year, or a toll's attacker stands in the sentence: most
    sentences hold none, and one look per sentence spares the figure-by-figure reading."""
    patterns = _patterns()
    return bool(
        YEAR_WORD.search(sentence)
        or any(
            patterns[key].search(sentence)
            for key in ("before_figure", "governing", "after_figure", "past_times", "perpetrator_included",
                        "perpetrator_excluded")
        )
    )


def _date_of(period: Period | None) -> str | None:
    """A period as the date of an event: its year, month or day, as precise as it was read."""
    if period is None or period.inherited:
        return None
    return date_text(period.start, period.end)


def date_text(first: date, last: date) -> str:
    """A span of days as an event's date: a day, a month, a year or the span itself.

    >>> date_text(date(2003, 12, 1), date(2003, 12, 31)), date_text(date(2004, 1, 1), date(2004, 12, 31))
    ('2003-12', '2004')
    """
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month) and first.day == 1:
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{first.year:04d}"
    return f"{first.isoformat()}..{last.isoformat()}"


def _perpetrator(sentence: str, end: int) -> str | None:
    reach = int(_lexicon()["perpetrator_reach"])
    window = sentence[end : end + reach]
    patterns = _patterns()
    if patterns["perpetrator_excluded"].search(window):
        return "excluded"
    if patterns["perpetrator_included"].search(window):
        return "included"
    return None
