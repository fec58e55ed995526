"""Ranges and ratios: a number atom with its currency sign and unit (a *side*), and the next atom that makes a
range ("5-10 km", "between 5 and 10", "from 781 to 13,198", "$5-$10") or a ratio ("one in five", "two out of
three", "1 over 3") with it.

:mod:`extract.grammar.quantities` reads every atom as a side (:func:`read_side`), then asks :func:`range_end`
and :func:`ratio_with_next` whether the next atom belongs to the same quantity.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import regex

from extract.grammar.not_quantities import is_code, is_name_word
from extract.grammar.numbers import Number
from extract.grammar.units import UnitMatch, currency_before, unit_after

__all__ = ["RANGE_OPENER", "Side", "range_end", "ratio_with_next", "read_side"]

_RANGE_JOIN: Final = regex.compile(
    r"""
    \s* -? \s*                                   # "8- to 16-meter": a hyphen left by a unit-less first number
    (?P<join> - | – | (?i: to | through | and ) )  # the joiner; "and" only after "between"
    \s*
    (?P<cur> [$€£¥₽] )?                          # "$5-$10"
    \Z
    """,
    regex.VERBOSE,
)
_RATIO_JOIN: Final = regex.compile(
    r"""
    \s+ (?P<join> (?i: out \s+ of | in | over ) ) \s+ \Z   # "one in five", "two out of three", "1 over 3"
    """,
    regex.VERBOSE,
)
# The word that opens a range or a change, right before its first number: "between 5 and 10", "from 781 to ...".
RANGE_OPENER: Final = regex.compile(r"(?P<w> (?i: between | from ) ) \s+ \Z", regex.VERBOSE)


@dataclass(frozen=True, slots=True)
class Side:
    """One number of an expression with its currency sign and unit."""

    atom: Number
    currency: UnitMatch | None
    unit: UnitMatch | None

    @property
    def start(self) -> int:
        return self.currency.start if self.currency else self.atom.start

    @property
    def end(self) -> int:
        return self.unit.end if self.unit else self.atom.end

    @property
    def canonical(self) -> str | None:
        u = self.currency or self.unit
        return u.canonical if u else None


def read_side(text: str, atom: Number, floor: int = 0) -> Side | None:
    """The atom with its currency sign and unit, or None when it is a code or a name.

    A currency sign before ``floor`` belongs to the quantity before ("10 $ 30 cents").
    """
    if atom.style == "words" and is_name_word(text, atom.start):
        return None
    currency = currency_before(text, atom.start) if atom.kind in ("cardinal", "fraction") else None
    if currency is not None and currency.start < floor:
        currency = None
    if atom.money_scale and currency is None:
        atom = atom.without_scale()
    unit = None
    if atom.kind == "multiple":
        unit = UnitMatch(atom.end, atom.end, "", "times", "multiple")
    elif currency is None and atom.kind in ("cardinal", "fraction", "vague"):
        unit = unit_after(text, atom.end)
        if unit is not None and atom.kind == "vague" and unit.kind not in ("multiple", "duration"):
            unit = None
    glued = unit is not None and unit.start == atom.end
    glued_currency = currency is not None and currency.end == atom.start  # "USD115"
    if atom.style == "digits" and not glued and not glued_currency and is_code(text, atom.start, atom.end):
        return None
    return Side(atom, currency, unit)


def range_end(text: str, first: Side, atoms: list[Number], i: int) -> tuple[Side, str] | None:
    """The other end of a range starting with ``first`` (atoms[i]), and the word that opened it, if any."""
    if i + 1 >= len(atoms) or first.atom.kind not in ("cardinal",):
        return None
    nxt = atoms[i + 1]
    if nxt.kind != "cardinal" or nxt.start - first.end > 12:
        return None
    join = _RANGE_JOIN.match(text[first.end : nxt.start])
    if join is None:
        return None
    opener_m = RANGE_OPENER.search(text, max(0, first.start - 12), first.start)
    opener = opener_m.group("w") if opener_m else ""
    word = join.group("join").lower()
    if (word == "and" and opener.lower() != "between") or (
        word == "to" and not opener and not first.unit and first.atom.style == "words"
    ):
        return None
    if join.group("cur") and first.currency is None:
        return None
    second = read_side(text, nxt)
    if second is None or (join.group("cur") is None and second.currency is not None):
        return None
    if first.canonical and second.canonical and first.canonical != second.canonical:
        return None  # "from 44 ml to 50 mg" is two quantities
    a, b = first.atom.value, second.atom.value
    if word in ("-", "–") and (a is None or b is None or not a * second.atom.scale < b * second.atom.scale):
        return None  # a hyphen range goes up: "5-10 km"; "33-26" is a score, "12-12" a tie
    if word in ("-", "–") and text[first.start - 1 : first.start] in ("-", "–"):
        return None  # a chain of three: "three-nought-four" is a score or a code, no range
    return second, opener


def ratio_with_next(text: str, first: Side, atoms: list[Number], i: int) -> tuple[Decimal, int] | None:
    """The value of the proportion ``first`` (atoms[i]) makes with the next atom ("one in five" is 0.2), and where
    it ends; None when the two are no ratio."""
    if i + 1 >= len(atoms) or first.atom.kind != "cardinal" or first.currency or first.unit:
        return None
    nxt = atoms[i + 1]
    join = _RATIO_JOIN.match(text[first.end : nxt.start]) if nxt.start - first.end < 12 else None
    if join is None or nxt.kind != "cardinal" or first.atom.value is None or not nxt.value:
        return None
    if unit_after(text, nxt.end) is not None or currency_before(text, nxt.start) is not None:
        return None
    if join.group("join").lower() != "over" and not 0 < first.atom.value < nxt.value:
        return None
    return first.atom.value / nxt.value, nxt.end
