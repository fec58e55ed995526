"""Units: one pint registry for the application, the spellings of units in news text, and counted nouns.

* :data:`UREG` is the only :class:`pint.UnitRegistry` of the package: pint's defaults extended with
  ``lexicons/units.txt`` (currencies, counts, percentages and multiples as dimensions of their own;
  bcm, kt ...).
* :func:`unit_after` reads a unit written after a number ("km", "square kilometres", "-year", "%", "dlrs");
  :func:`currency_before` reads a currency sign or code before one ("$", "US$", "€", "USD").
* :func:`unit_info` gives a canonical unit's dimension and base unit; :func:`to_base` converts a value.
* :func:`counted_noun_after` finds the noun a bare number counts ("59 citizens", "500 Tajik soldiers").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import as_file, files
from typing import Final, Literal

import pint
import regex

from extract.errors import ClaimsError
from extract.grammar.numbers import tidy
from extract.lexicons import alternation, load_lines, load_toml

__all__ = [
    "UREG",
    "UnitError",
    "UnitInfo",
    "UnitKind",
    "UnitMatch",
    "a_unit_matches",
    "counted_noun_after",
    "currency_before",
    "to_base",
    "unit_after",
    "unit_info",
]

UnitKind = Literal["measure", "money", "duration", "percent", "multiple"]


class UnitError(ClaimsError, ValueError):
    """A canonical unit the registry cannot interpret."""


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit written in the text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    canonical: str  # "km", "km**2", "USD", "percent", "year"
    kind: UnitKind


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """What the registry knows about a canonical unit."""

    canonical: str
    dimension: str  # "[length]", "[length] ** 2", "[currency_USD]", "[count]"
    base_unit: str  # "meter", "meter ** 2", "USD", "count"


def _make_registry() -> pint.UnitRegistry[Decimal]:
    ureg: pint.UnitRegistry[Decimal] = pint.UnitRegistry(non_int_type=Decimal, on_redefinition="raise")
    with as_file(files("extract").joinpath("lexicons", "units.txt")) as path:
        ureg.load_definitions(str(path))
    return ureg


UREG: Final = _make_registry()

_DATA: Final = load_toml("units_aliases.toml")
_PINT: Final[dict[str, str]] = {
    "count": "unit_count",
    "ordinal": "unit_ordinal",
    "dimensionless": "dimensionless",
}
_KIND: Final[dict[str, UnitKind]] = {}
_WORD_UNITS: Final[dict[str, str]] = {}  # lower-case spelling -> canonical
_SYMBOL_UNITS: Final[dict[str, str]] = {}  # exact spelling -> canonical
_PREFIXES: Final[dict[str, str]] = {}  # exact currency prefix -> canonical
for _u in _DATA["unit"]:
    _PINT[_u["canonical"]] = _u["pint"]
    _KIND[_u["canonical"]] = _u["kind"]
    for _w in _u["words"]:
        _WORD_UNITS.setdefault(_w.lower(), _u["canonical"])
    for _s in _u["symbols"]:
        _SYMBOL_UNITS.setdefault(_s, _u["canonical"])
    for _p in _u.get("prefixes", []):
        _PREFIXES.setdefault(_p, _u["canonical"])

_UNIT_AFTER: Final = regex.compile(
    rf"""
    (?:
        (?: [ \t\u00a0]* - [ \t]* | [ \t\u00a0]+ | (?<= \d ) )  # "18-year", "950 kilometers", "5km"
        (?P<word> (?i: {alternation(_WORD_UNITS)} ) ) (?! [\w] )       # a spelled-out unit, any case
      | [ \t\u00a0]? (?P<symbol> {alternation(_SYMBOL_UNITS)} )        # a symbol, exact case: "km", "%"
        (?! [\w] | -\w )
    )
    """,
    regex.VERBOSE,
)
_CURRENCY_BEFORE: Final = regex.compile(
    rf"""
    (?<! [^\W\d_] )                              # not the end of a word ("plus$" is no sign)
    (?P<prefix> {alternation(_PREFIXES)} )                     # $, US$, €, £, USD ...
    [ \t\u00a0]? \Z                              # at most one space before the number
    """,
    regex.VERBOSE,
)
_STOP: Final = load_lines("units_counted_nouns_stop_words.txt")
_COUNTED_NOUNS: Final = load_lines("units_counted_nouns.txt")
_COUNTED_AFTER: Final = regex.compile(
    rf"""
    (?: [ \t\u00a0]+ of )?                       # "scores of soldiers"
    (?:                                          # up to two words between: "1.7 million Tajikistani citizens"
        [ \t\u00a0]+ (?! (?i: {alternation(_STOP)} ) \b ) [^\W\d_][\w'’-]{{0,30}}
    ){{0,2}}?
    [ \t\u00a0]+ (?P<noun> (?i: {alternation(_COUNTED_NOUNS)} ) ) (?! [\w-] )
    """,
    regex.VERBOSE,
)


def unit_after(text: str, pos: int) -> UnitMatch | None:
    """The unit written right after a number that ends at ``pos``, if any."""
    m = _UNIT_AFTER.match(text, pos)
    if m is None:
        return None
    if m.group("word") is not None:
        canonical = _WORD_UNITS[regex.sub(r"\s+", " ", m.group("word").lower())]
        start = m.start("word")
    else:
        canonical = _SYMBOL_UNITS[m.group("symbol")]
        start = m.start("symbol")
        if m.group("symbol") == '"' and text.count('"', 0, start) % 2 == 1:
            return None  # a closing quotation mark, as in: the class is "English 101".
    return UnitMatch(start, m.end(), text[start : m.end()], canonical, _KIND[canonical])


_A_UNIT: Final = regex.compile(
    rf"""
    (?<! [\w-] )
    (?P<a> (?i: an? ) ) \s+                        # "a gallon", "a penny": one of the unit
    (?P<word> (?i: {alternation(_WORD_UNITS)} ) ) (?! [\w-] )
    """,
    regex.VERBOSE,
)


def a_unit_matches(text: str) -> list[UnitMatch]:
    """Every "a <unit>" ("a gallon", "a penny") whose unit is a measure or money, not a duration or count."""
    out = []
    for m in _A_UNIT.finditer(text):
        canonical = _WORD_UNITS[regex.sub(r"\s+", " ", m.group("word").lower())]
        if _KIND[canonical] in ("measure", "money"):
            out.append(UnitMatch(m.start(), m.end(), m.group(), canonical, _KIND[canonical]))
    return out


def currency_before(text: str, pos: int) -> UnitMatch | None:
    """The currency sign or code that ends (with at most one space) at ``pos``, if any."""
    m = _CURRENCY_BEFORE.search(text, max(0, pos - 8), pos)
    if m is None:
        return None
    canonical = _PREFIXES[m.group("prefix")]
    return UnitMatch(m.start("prefix"), m.end("prefix"), m.group("prefix"), canonical, "money")


def counted_noun_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """The counted noun within three words after ``pos`` in the same clause: (noun, start, end), or None."""
    m = _COUNTED_AFTER.match(text, pos)
    if m is None:
        return None
    return m.group("noun").lower(), m.start("noun"), m.end("noun")


def _info(canonical: str) -> UnitInfo:
    try:
        unit = UREG.Unit(_PINT.get(canonical, canonical))
        base = UREG.Quantity(Decimal(1), unit).to_base_units()
    except (pint.UndefinedUnitError, pint.DimensionalityError, ValueError) as exc:
        raise UnitError(f"unknown unit {canonical!r}: {exc}") from exc
    dimension = str(unit.dimensionality)
    base_unit = str(base.units).removeprefix("unit_")
    return UnitInfo(canonical, dimension if dimension != "dimensionless" else "dimensionless", base_unit)


_INFO: Final[dict[str, UnitInfo]] = {c: _info(c) for c in _PINT}


@cache
def _base_factor(canonical: str) -> Decimal | None:
    """What one `canonical` unit is in base units, or None for units with an offset (degrees Celsius)."""
    try:
        unit = UREG.Unit(_PINT.get(canonical, canonical))
        if UREG.Quantity(Decimal(0), unit).to_base_units().magnitude != 0:
            return None
        return Decimal(str(UREG.Quantity(Decimal(1), unit).to_base_units().magnitude))
    except (pint.UndefinedUnitError, pint.DimensionalityError, pint.OffsetUnitCalculusError):
        return None


def unit_info(canonical: str) -> UnitInfo:
    """Dimension and base unit of a canonical unit ("km" -> "[length]", "meter")."""
    info = _INFO.get(canonical)
    if info is None:
        raise UnitError(f"unknown unit {canonical!r}")
    return info


def to_base(value: Decimal, canonical: str) -> Decimal:
    """``value`` in ``canonical`` units, converted to the base unit of its dimension."""
    factor = _base_factor(canonical)
    if factor is not None:
        return tidy(value * factor)
    try:
        quantity = UREG.Quantity(value, UREG.Unit(_PINT.get(canonical, canonical)))
        magnitude = quantity.to_base_units().magnitude
    except (pint.UndefinedUnitError, pint.DimensionalityError, pint.OffsetUnitCalculusError) as exc:
        raise UnitError(f"cannot convert {canonical!r}: {exc}") from exc
    return tidy(Decimal(str(magnitude)))
