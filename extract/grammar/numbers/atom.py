"""The number atom every reader of the numbers package returns, and the precision rule they share.

A :class:`Number` is one number as written, scale word included ("1.7 million", "twenty-three", "dozens");
:func:`precision_of` gives half a unit of its last significant place, the same rule for digits and words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from extract.errors import ClaimsError

__all__ = ["Number", "NumberKind", "NumberParseError", "precision_of", "precision_of_value", "tidy"]

NumberKind = Literal["cardinal", "ordinal", "fraction", "vague", "multiple"]


class NumberParseError(ClaimsError, ValueError):
    """A string given to :func:`extract.grammar.numbers.parse_number` is not one number."""


@dataclass(frozen=True, slots=True)
class Number:
    """One number atom: ``text[start:end]`` is its surface, scale word included."""

    start: int
    end: int
    surface: str
    value: Decimal | None  # None only for vague amounts
    low: Decimal | None  # the lower bound of a vague amount, else None
    precision: Decimal | None
    kind: NumberKind
    style: Literal["digits", "words"]
    scale: Decimal  # 1 unless a scale word or abbreviation followed ("million" -> 1000000)
    money_scale: bool  # True when the scale is a one-letter abbreviation only valid after a currency sign
    rule: str
    bare_end: int = -1  # where the number ends without its scale word (-1: same as end)

    def without_scale(self) -> Number:
        """The same atom without its scale abbreviation ("5m" read as 5 when no currency sign precedes)."""
        if self.bare_end < 0 or self.scale == 1:
            return self
        precision = None if self.precision is None else tidy(self.precision / self.scale)
        value = None if self.value is None else tidy(self.value / self.scale)
        surface = self.surface[: self.bare_end - self.start]
        return Number(
            self.start,
            self.bare_end,
            surface,
            value,
            self.low,
            precision,
            self.kind,
            self.style,
            Decimal(1),
            False,
            "digits",
        )


def tidy(value: Decimal) -> Decimal:
    """``value`` without a needless exponent or trailing zeros: 1700000.0 -> 1700000, 5E+3 -> 5000."""
    try:
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
    except InvalidOperation:  # more digits than the context holds: keep the exponent
        pass
    return value.normalize()


def precision_of(digits: str, scale: Decimal = Decimal(1)) -> Decimal:
    """Half a unit of the last significant place of a number written in ``digits`` (separators removed).

    >>> precision_of("1.7", Decimal(1000000))
    Decimal('50000.00')
    >>> precision_of("140000")
    Decimal('5E+3')
    """
    mantissa = digits.lstrip("+-−")
    if "." in mantissa:
        places = len(mantissa.split(".", 1)[1])
        return Decimal(5).scaleb(-places - 1) * scale
    stripped = mantissa.rstrip("0")
    zeros = len(mantissa) - len(stripped) if stripped else 0
    return Decimal(5).scaleb(zeros - 1) * scale


def precision_of_value(value: Decimal) -> Decimal:
    """Precision of a number known by its value (written in words, or pieced together): the trailing-zero rule."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return precision_of(str(int(normal)))
    return precision_of(format(normal, "f"))
