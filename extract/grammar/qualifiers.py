"""Qualifiers ("about", "more than", "almost", "only") and the interval each one gives a quantity.

A quantity's interval is ``low`` .. ``high`` with ``low_open`` / ``high_open`` flags; an unbounded side is
``None`` (never infinity, so that intervals store in Parquet and DuckDB). The rules, for a written value v
(also in ``docs/grammar.md`` and the header of ``lexicons/qualifiers.toml``):

==============  ==========================  ==========================================
bound           phrases (examples)          interval
==============  ==========================  ==========================================
(none), exact   "59", "only 520", "just"    [v, v]
about           about, around, some         [v - 10%, v + 10%]
almost          almost, nearly              [v - 10%, v)      -- "almost a million": [900,000, 1,000,000)
over            over, more than, exceeding  (v, unbounded)
just_over       just over                   (v, v + 10%]
at_least        at least, no fewer than     [v, unbounded)
up_to           up to, as many as           (unbounded, v]
under           under, less than            (unbounded, v)
just_under      just under                  [v - 10%, v)
==============  ==========================  ==========================================

The 10% margin of "about" and "almost" is a documented convention, not a fact about English: it lets the
consistency stage tell "about 140,000" from "nearly 150,000" without pretending to know the writer's intent.
The 10% margin is taken on the absolute value, so ``low <= high`` holds for negative values too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

import regex

from extract.grammar.numbers import tidy
from extract.lexicons import alternation, load_toml

__all__ = [
    "Bound",
    "ChangeVerb",
    "Direction",
    "Interval",
    "Qualifier",
    "change_verb_before",
    "interval_for",
    "qualifier_before",
]

Bound = Literal["exact", "about", "almost", "over", "just_over", "at_least", "up_to", "under", "just_under"]
Direction = Literal["up", "down", "other"]


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier phrase found before a number: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    id: str  # normalised name: "about", "over", "at_least", "almost", "up_to", "under", "only", ...
    bound: Bound


@dataclass(frozen=True, slots=True)
class Interval:
    """Where the true value lies: ``None`` on an unbounded side."""

    low: Decimal | None
    high: Decimal | None
    low_open: bool
    high_open: bool


@dataclass(frozen=True, slots=True)
class ChangeVerb:
    """A change verb before a number: "grew by 50%", "rose from 781 to 13,198"."""

    start: int
    end: int
    verb: str
    direction: Direction
    preposition: str  # "by", "from", "to" or "" when the number follows the verb directly


_DATA: Final = load_toml("qualifiers.toml")
_BY_PHRASE: Final[dict[str, tuple[str, Bound]]] = {}
for _q in _DATA["qualifier"]:
    for _p in _q["phrases"]:
        _BY_PHRASE[_p.lower()] = (_q["id"], _q["bound"])
_VERBS: Final[dict[str, Direction]] = {}
for _direction in ("up", "down", "other"):
    for _v in _DATA["change_verbs"][_direction]:
        _VERBS[_v] = _direction

# A qualifier phrase that ends right where the number (or its currency sign) starts.
_QUALIFIER_BEFORE: Final = regex.compile(
    rf"""
    (?<! [\w.] )                                 # a whole word
    (?P<q> (?i: {alternation(_BY_PHRASE)} ) )                    # the phrase, longest first
    \s+ \Z                                       # then only white space up to the number
    """,
    regex.VERBOSE,
)
_VERB_BEFORE: Final = regex.compile(
    rf"""
    (?<! [\w-] )
    (?P<verb> (?i: {alternation(_VERBS)} ) )                   # a change verb
    (?: \s+ (?P<prep> (?i: by | from | to ) ) )?   # "grew by", "rose from", "fell to"
    \s+ \Z                                       # right before the number (or its qualifier)
    """,
    regex.VERBOSE,
)
_WINDOW: Final = 48  # characters looked at before a number; the longest phrase is shorter


def _norm(phrase: str) -> str:
    return regex.sub(r"\s+", " ", phrase.lower())


def qualifier_before(text: str, pos: int) -> Qualifier | None:
    """The qualifier phrase ending (after white space) at ``pos``, if there is one."""
    m = _QUALIFIER_BEFORE.search(text, max(0, pos - _WINDOW), pos)
    if m is None:
        return None
    qid, bound = _BY_PHRASE[_norm(m.group("q"))]
    return Qualifier(m.start("q"), m.end("q"), m.group("q"), qid, bound)


def change_verb_before(text: str, pos: int) -> ChangeVerb | None:
    """The change verb right before ``pos`` ("grew by", "increased from", "rose"), if there is one."""
    m = _VERB_BEFORE.search(text, max(0, pos - _WINDOW), pos)
    if m is None:
        return None
    verb = _norm(m.group("verb"))
    prep = (m.group("prep") or "").lower()
    if verb in ("up", "down") and prep == "to":  # "up to" is a qualifier
        return None
    return ChangeVerb(m.start(), m.end("verb"), verb, _VERBS[verb], prep)


_TEN_PERCENT: Final = Decimal("0.1")


def interval_for(bound: Bound | None, value: Decimal) -> Interval:
    """The interval a qualifier with ``bound`` gives the written ``value`` (see the module docstring).

    >>> interval_for("over", Decimal(90))
    Interval(low=Decimal('90'), high=None, low_open=True, high_open=False)
    """
    margin = abs(value) * _TEN_PERCENT
    below, above = tidy(value - margin), tidy(value + margin)
    match bound:
        case None | "exact":
            return Interval(value, value, False, False)
        case "about":
            return Interval(below, above, False, False)
        case "almost" | "just_under":
            return Interval(below, value, False, True)
        case "over":
            return Interval(value, None, True, False)
        case "just_over":
            return Interval(value, above, True, False)
        case "at_least":
            return Interval(value, None, False, False)
        case "up_to":
            return Interval(None, value, False, False)
        case "under":
            return Interval(None, value, False, True)
