"""Numbers in news text: digits, number words, fractions, ordinals, vague amounts and multiples.

:func:`scan_numbers` finds every number *atom* in a text, with its scale word when one follows ("1.7 million",
"$2.3 trillion" gives the atom "2.3 trillion"); units, qualifiers and ranges are the business of
:mod:`extract.grammar.quantities`. :func:`parse_number` reads one number written on its own.

The readers are split by how a number is written: :mod:`.digits` (digits, scale words and abbreviations after
them), :mod:`.words` (number words), :mod:`.vague` (vague amounts and multiples); :mod:`.atom` holds the
:class:`Number` they all return and :mod:`.vocabulary` the words they know. This module joins their patterns
into one, so that a text is scanned once.

Rules (also in ``docs/grammar.md``):

* Thousands separators: comma, dot-free space, thin and no-break space, apostrophe ("4,380", "50 000",
  "1'000'000"); a group separator must be followed by exactly three digits. The decimal mark is the dot.
* Scale words multiply: "1.7 million", "a million", "half a million", "one and a half billion", "12 mln",
  "$5bn". One-letter abbreviations ("m", "b", "T") are scales only right after a currency sign.
* Precision is half a unit of the last significant place, in the number's own scale: "1.7 million" is
  +/- 50,000; "21.3" is +/- 0.05. Trailing zeros of a whole number are *not* significant: "140,000" is
  +/- 5,000, "950" is +/- 5, "38" is +/- 0.5. Vague amounts have no precision.
* Ordinals ("ninth", "21st", "twenty-first") stay ordinals: kind ``ordinal``, never a fraction.
  A plural ordinal after a cardinal ("two thirds", "five eighths"), or a singular one after "one"/"a"
  ("a third", "one sixth"), is a fraction.
* Vague amounts have a lower bound and no value: "several" >= 3, "a few" >= 2, "dozens" >= 24, "scores of"
  >= 40, "hundreds" >= 200, "thousands" >= 2,000, "tens of thousands" >= 20,000, "several hundred" >= 300
  (the lexicon ``numbers_vague.toml`` holds the bounds).
* Multiples by themselves: "twice" = 2, "threefold" = 3, "doubled" = 2, "halved" = 0.5.
"""

from __future__ import annotations

from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import Final

import regex

from extract.grammar.numbers.atom import Number, NumberKind, NumberParseError, precision_of, tidy
from extract.grammar.numbers.digits import DIGITS_SOURCE, VULGAR_SOURCE, digits_number, scale_after, vulgar_number
from extract.grammar.numbers.vague import MULTIPLE_SOURCE, VAGUE_SOURCE, multiple_number, vague_number
from extract.grammar.numbers.words import WORDS_SOURCE, word_numbers

__all__ = [
    "Number",
    "NumberKind",
    "NumberParseError",
    "parse_number",
    "precision_of",
    "scale_after",
    "scan_numbers",
    "tidy",
]

# The order of the branches is the order of preference at one position: a vague amount ("hundreds of") before
# number words ("hundreds" would fail there), a multiple ("three-fold") before the word "three".
_MASTER_SRC: Final = (
    "(?i:"
    + VAGUE_SOURCE
    + ")|(?i:"
    + MULTIPLE_SOURCE
    + ")|(?i:"
    + WORDS_SOURCE
    + r")|(?<! [\d.\u066b] | \d\. ) (?P<digits>"
    + DIGITS_SOURCE
    + ")|"
    + VULGAR_SOURCE
)
# The master pattern: one scan over the text finds every number atom.
_MASTER: Final = regex.compile(_MASTER_SRC, regex.VERBOSE)
# Numbers are read in a bounded context: an exponent past it ("1e5452022") or a division by zero is no number,
# never an exception, and no value can grow to millions of digits.
_BOUNDED: Final = Context(prec=28, Emax=9_999, Emin=-9_999, traps=[InvalidOperation, DivisionByZero, Overflow])


def _atoms_of(text: str, m: regex.Match[str]) -> list[Number]:
    """The atoms of one match of the master pattern: none when the match is no number, several for a run of
    number words joined by hyphens that make no one number ("three-nought-four")."""
    atom: Number | None
    if m.group("vague") is not None:
        atom = vague_number(m)
    elif m.group("multiple") is not None:
        atom = multiple_number(m)
    elif m.group("words") is not None:
        return word_numbers(text, m.start("words"), m.end("words"))
    elif m.group("digits") is not None:
        atom = digits_number(text, m)
    else:
        atom = vulgar_number(m)
    return [] if atom is None else [atom]


def scan_numbers(text: str) -> list[Number]:
    """Every number atom in ``text``, left to right, not overlapping."""
    out: list[Number] = []
    pos = 0
    while True:
        m = _MASTER.search(text, pos)
        if m is None:
            return out
        try:
            with localcontext(_BOUNDED):
                atoms = _atoms_of(text, m)
        except ArithmeticError:  # decimal's errors: past the bounds, or digits Decimal does not know
            atoms = []
        if any(atom.value is not None and not atom.value.is_finite() for atom in atoms):
            atoms = []  # "0^-1" is infinite: no figure
        if not atoms:
            pos = m.end() if m.group("digits") is not None else m.start() + 1
            continue
        out.extend(atoms)
        pos = max(atoms[-1].end, m.start() + 1)


def parse_number(surface: str) -> Decimal:
    """The value of one number written on its own: "4,380", "1.7 million", "twenty-three", "half a million".

    >>> parse_number("one and a half")
    Decimal('1.5')
    """
    stripped = surface.strip()
    atoms = scan_numbers(stripped)
    if len(atoms) != 1 or atoms[0].start != 0 or atoms[0].end != len(stripped) or atoms[0].value is None:
        raise NumberParseError(f"not one number: {surface!r}")
    try:
        return atoms[0].value
    except InvalidOperation as exc:  # pragma: no cover - Decimal arithmetic on parsed digits is exact
        raise NumberParseError(f"not one number: {surface!r}") from exc
