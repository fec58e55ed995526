"""Quantities in news text: numbers with their qualifier, unit, interval, precision, range or change.

:func:`find_quantities` is the stage's public API. It scans the text once for number atoms
(:mod:`extract.grammar.numbers`), drops those inside time expressions (:mod:`extract.grammar.timeexpr`), codes,
names, list numbers and anaphora (:mod:`extract.grammar.not_quantities`), and reads around each remaining atom:
a currency sign before it, a unit or counted noun after it (:mod:`extract.grammar.units`), a qualifier or change
verb before it (:mod:`extract.grammar.qualifiers`), a second number that makes a range ("5-10 km", "between 5 and 10",
"from 781 to 13,198") or a ratio ("one in five"; both :mod:`extract.grammar.ranges`). The rules are documented in
``docs/grammar.md``; in short:

* ``surface`` covers qualifier, currency sign, number, scale word and unit ("about 140,000", "$2.3 trillion",
  "18-year"); it leaves out a counted noun ("59" in "59 citizens"), except in zero phrases ("no deaths").
* ``value`` is ``None`` for vague amounts ("dozens": low 24) and ranges (``range`` holds the ends); a change
  from X to Y has ``value`` Y and ``change`` holding both ends; "grew by 50%" has ``value`` 50 and
  ``change.by`` 50.
* A count ("59 citizens", "50 000 bayonets", "no deaths") is a cardinal with unit ``count`` and its
  ``counted_noun``; a bare number is a cardinal with unit ``count`` and no noun.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final, Literal

import regex

from extract.grammar.known_digits import known_digits
from extract.grammar.not_quantities import find_exclusions
from extract.grammar.numbers import Number, scan_numbers, tidy
from extract.grammar.qualifiers import Direction, Interval, change_verb_before, interval_for, qualifier_before
from extract.grammar.ranges import RANGE_OPENER, Side, range_end, ratio_with_next, read_side
from extract.grammar.timeexpr import TimeExpression, find_time_expressions
from extract.grammar.units import a_unit_matches, counted_noun_after, to_base, unit_info
from extract.lexicons import alternation, load_lines, load_toml

__all__ = [
    "Change",
    "Kind",
    "Quantity",
    "Range",
    "TimeExpression",
    "find_quantities",
    "find_time_expressions",
]

Kind = Literal[
    "cardinal", "ordinal", "percent", "multiple", "money", "measure", "duration", "range", "change"
]


@dataclass(frozen=True, slots=True)
class Range:
    """The two ends of a range as written ("5-10 km": 5 and 10), low <= high."""

    low: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class Change:
    """A change: "rose from 781 to 13,198" (from/to), "grew by 50%" (by)."""

    from_value: Decimal | None
    to_value: Decimal | None
    by: Decimal | None
    direction: Direction
    verb: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity: ``text[start:end] == surface``. Intervals use ``None`` for an unbounded side."""

    start: int
    end: int
    surface: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_open: bool
    high_open: bool
    precision: Decimal | None  # half the last significant place, in ``unit``
    qualifier: str | None  # "about", "over", "at_least", "almost", "up_to", "under", "only", ...
    unit: str  # canonical: "km", "km**2", "USD", "percent", "count", "year", "times"
    dimension: str  # "[length]", "[currency_USD]", "[count]", "[time]", "[percent]", "[multiple]"
    base_value: Decimal | None  # value in base_unit
    base_unit: str
    kind: Kind
    counted_noun: str | None
    rule: str  # the id of the rule that fired
    range: Range | None = None
    change: Change | None = None


_CUES: Final = load_toml("quantities_cues.toml")
_NOUNS: Final = load_lines("units_counted_nouns.txt")
_SINGULARS: Final = [n[:-1] for n in _NOUNS if n.endswith("s") and not n.endswith("ss")] + list(
    _CUES["counted_noun_singulars"].values()
)
_ZERO: Final = regex.compile(
    r"""
    (?<! [\w-] )
    (?:
        (?P<no> (?i: no ) ) (?: \s+ [a-z][\w-]* )?? \s+ (?P<noun> (?i: {nouns} ) )  # no (public) protests
      | (?P<single> (?i: {zero_phrases} ) )       # not a single politician
        (?: (?: \s+ [\w-]+ ){{0,3}}? \s+ (?P<noun2> (?i: {nouns} | {singulars} ) ) )?
    )
    (?! \w )
    """.format(
        zero_phrases=alternation(_CUES["zero_phrases"]["words"]),
        nouns=alternation(_NOUNS),
        singulars=alternation(_SINGULARS),
    ),
    regex.VERBOSE,
)
_KIND_OF_UNIT: Final[dict[str, Kind]] = {
    "measure": "measure",
    "money": "money",
    "duration": "duration",
    "percent": "percent",
    "multiple": "multiple",
}


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


_PERIOD_PARTS: Final = frozenset(_CUES["period_parts"]["words"])
_PART_FOLLOWER: Final = regex.compile(rf"\s+(?:{alternation(_CUES['period_part_followers']['words'])})\b")


def _quantity(text: str, first: Side, second: Side | None, opener: str) -> Quantity | None:
    atom = first.atom
    unit_name = (second.canonical if second else None) or first.canonical
    start = first.start
    end = second.end if second else first.end
    if second is not None and opener:
        start = RANGE_OPENER.search(text, max(0, start - 12), start).start("w")  # type: ignore[union-attr]
    counted = None
    if unit_name is None and atom.kind in ("cardinal", "vague"):
        found = counted_noun_after(text, end)
        if found is not None:
            counted = found[0]
    if unit_name is None:
        unit_name = {"ordinal": "ordinal", "fraction": "dimensionless"}.get(atom.kind, "count")
    unit_kind = first.unit.kind if first.unit else (second.unit.kind if second and second.unit else None)
    if first.currency or (second and second.currency):
        unit_kind = "money"
    kind: Kind = (
        _KIND_OF_UNIT[unit_kind] if unit_kind else ("ordinal" if atom.kind == "ordinal" else "cardinal")
    )
    if atom.kind == "multiple":
        kind = "multiple"
    qual = qualifier_before(text, start)
    if atom.surface.lower() in _PERIOD_PARTS and qual is None and not _PART_FOLLOWER.match(text, end):
        return None  # "the first half", "the fourth quarter"
    qstart = qual.start if qual else start
    verb = change_verb_before(text, qstart)
    if verb is not None and second is None and not (verb.preposition or kind == "percent"):
        verb = None  # "lost 50 soldiers" is a count, "dropped 420 tons of food" a measure, not a change
    value = atom.value
    rule = atom.rule + (f"+{unit_kind}" if unit_kind else "")
    interval: Interval
    rng: Range | None = None
    change: Change | None = None
    if second is not None:
        a, b = atom.value, second.atom.value
        assert a is not None and b is not None
        if atom.scale == 1 and second.atom.scale > 1:
            a = tidy(a * second.atom.scale)  # "between 1.5 and 2 billion"
        if verb is not None and opener.lower() == "from":
            change = Change(a, b, None, verb.direction, verb.verb)
            value, interval, kind, rule = b, interval_for(None, b), "change", "change_from_to"
        else:
            rng = Range(min(a, b), max(a, b))
            value, interval, kind, rule = None, Interval(rng.low, rng.high, False, False), "range", "range"
    elif atom.kind == "vague":
        bound = qual.bound if qual else None
        interval = Interval(atom.low, None, bound in ("over", "just_over"), False)
    else:
        assert value is not None
        interval = interval_for(qual.bound if qual else None, value)
        if verb is not None:
            by = value if verb.preposition in ("", "by") else None
            to = value if verb.preposition == "to" else None
            frm = value if verb.preposition == "from" else None
            change = Change(frm, to, by, verb.direction, verb.verb)
            kind, rule = "change", "change_" + (verb.preposition or "by")
    if qual is not None:
        start = qual.start
    info = unit_info(unit_name)
    base = to_base(value, unit_name) if value is not None else None
    return Quantity(
        start,
        end,
        text[start:end],
        value,
        interval.low,
        interval.high,
        interval.low_open,
        interval.high_open,
        atom.precision,
        qual.id if qual else None,
        unit_name,
        info.dimension,
        base,
        info.base_unit,
        kind,
        counted,
        rule,
        rng,
        change,
    )


def _ratio(text: str, first: Side, atoms: list[Number], i: int) -> Quantity | None:
    """A proportion written as two counts: "one in five" (0.2), "two out of three", "1 over 3"."""
    ratio = ratio_with_next(text, first, atoms, i)
    if ratio is None:
        return None
    value, end = ratio
    info = unit_info("dimensionless")
    start = first.start
    return Quantity(
        start,
        end,
        text[start:end],
        value,
        value,
        value,
        False,
        False,
        None,
        None,
        "dimensionless",
        info.dimension,
        value,
        info.base_unit,
        "cardinal",
        None,
        "ratio",
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, left to right, none inside a time expression, code, name or list number.

    >>> [(q.surface, q.value, q.unit) for q in find_quantities("It is 950 kilometers long.")]
    [('950 kilometers', Decimal('950'), 'km')]
    """
    original, text = text, known_digits(text)
    if text is not original:
        return [replace(q, surface=original[q.start : q.end]) for q in find_quantities(text)]
    atoms = scan_numbers(text)
    if not atoms and not (_zeros(text, []) or _a_units(text, [])):
        return []  # most sentences of news: no need to look for dates, codes or names to leave out
    blocked = [(t.start, t.end) for t in find_time_expressions(text)]
    blocked += [(x.start, x.end) for x in find_exclusions(text)]
    atoms = [a for a in atoms if not _overlaps(a.start, a.end, blocked)]
    out: list[Quantity] = []
    i = 0
    while i < len(atoms):
        if out and atoms[i].start < out[-1].end:  # inside the previous quantity's unit: "4km^3"
            i += 1
            continue
        first = read_side(text, atoms[i], out[-1].end if out else 0)
        if first is None:
            i += 1
            continue
        ratio = _ratio(text, first, atoms, i)
        if ratio is not None:
            out.append(ratio)
            i += 2
            continue
        pair = range_end(text, first, atoms, i)
        q = _quantity(text, first, pair[0] if pair else None, pair[1] if pair else "")
        if q is None:
            i += 1
            continue
        if out and q.start < out[-1].end:
            q = replace(q, start=out[-1].end, surface=text[out[-1].end : q.end])
        out.append(q)
        i += 2 if pair else 1
    out.extend(_zeros(text, blocked + [(q.start, q.end) for q in out]))
    out.extend(_a_units(text, blocked + [(q.start, q.end) for q in out]))
    return sorted(out, key=lambda q: q.start)


_PER_BEFORE: Final = regex.compile(r"[\d%$€£¥₽)]\s*\Z")


def _a_units(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """One of a unit: "a gallon of beer", "a penny". Not a rate: "$80 a barrel" is per barrel."""
    out = []
    one = Decimal(1)
    for u in a_unit_matches(text):
        if _overlaps(u.start, u.end, taken) or _PER_BEFORE.search(text, max(0, u.start - 4), u.start):
            continue
        info = unit_info(u.canonical)
        kind: Kind = "money" if u.kind == "money" else "measure"
        out.append(
            Quantity(
                u.start,
                u.end,
                u.surface,
                one,
                one,
                one,
                False,
                False,
                None,
                None,
                u.canonical,
                info.dimension,
                to_base(one, u.canonical),
                info.base_unit,
                kind,
                None,
                "a_unit",
            )
        )
    return out


def _zeros(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Zero counts: "no deaths", "not a single politician"."""
    out = []
    info = unit_info("count")
    for m in _ZERO.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        noun = (m.group("noun") or m.group("noun2") or "").lower() or None
        zero = Decimal(0)
        rule = "zero_no" if m.group("no") else "zero_not_single"
        out.append(
            Quantity(
                m.start(),
                m.end(),
                m.group(),
                zero,
                zero,
                zero,
                False,
                False,
                None,
                None,
                "count",
                info.dimension,
                zero,
                info.base_unit,
                "cardinal",
                noun,
                rule,
            )
        )
    return out
