"""Each claim as an interval, and the tests the rules need: disjoint, contains, sum.

A claim's interval starts from the grammar's low and high (the qualifier's reading: "more than 90" is
(90, unbounded); "about 140,000" is 126,000..154,000) and is widened by the rounding precision the writing
implies ("1.7 million" is 1,650,000 up to but not including 1,750,000, as rounding works) and by the configured
relative tolerance. An exact figure is its value widened the same way. An unbounded side is None.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from extract.consistency.model import Record

__all__ = ["Interval", "interval_of"]


@dataclass(frozen=True, slots=True)
class Interval:
    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False

    def disjoint(self, other: Interval) -> bool:
        """No number lies in both."""
        return _below(self, other) or _below(other, self)

    def contains(self, value: Decimal) -> bool:
        return not self.disjoint(Interval(value, value))

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            None if self.low is None or other.low is None else self.low + other.low,
            None if self.high is None or other.high is None else self.high + other.high,
            self.low_open or other.low_open,
            self.high_open or other.high_open,
        )

    def scaled(self, factor: Decimal) -> Interval:
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_open,
            self.high_open,
        )

    def times(self, low: Decimal, high: Decimal) -> Interval:
        """Every product of a number of this interval and a positive factor from `low` to `high` (a rate with its
        uncertainty)."""
        return Interval(
            None if self.low is None else self.low * (low if self.low >= 0 else high),
            None if self.high is None else self.high * (high if self.high >= 0 else low),
            self.low_open,
            self.high_open,
        )

    def rounded_outward(self, digits: int) -> Interval:
        """Each end rounded away from the middle to `digits` significant digits: a converted amount reads as
        "122,300,000", not "122,331,482.0316...", and the interval only grows, so a conflict stays a conflict."""

        def rounded(value: Decimal | None, rounding: str) -> Decimal | None:
            if value is None or value == 0:
                return value
            quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
            return value.quantize(quantum, rounding=rounding)

        low, high = rounded(self.low, ROUND_FLOOR), rounded(self.high, ROUND_CEILING)
        return Interval(low, high, self.low_open and low == self.low, self.high_open and high == self.high)

    def describe(self, unit: str) -> str:
        def number(value: Decimal) -> str:
            text = f"{value.normalize():,f}"
            return text.rstrip("0").rstrip(".") if "." in text else text

        suffix = "" if unit in ("count", "dimensionless") else f" {unit}"
        if self.low is not None and self.high is not None:
            if self.low == self.high:
                return f"{number(self.low)}{suffix}"
            return f"{number(self.low)} to {number(self.high)}{suffix}"
        if self.low is not None:
            return f"{'more than' if self.low_open else 'at least'} {number(self.low)}{suffix}"
        if self.high is not None:
            return f"{'less than' if self.high_open else 'at most'} {number(self.high)}{suffix}"
        return "any amount"


def _below(first: Interval, second: Interval) -> bool:
    """Every number of `first` is smaller than every number of `second`."""
    if first.high is None or second.low is None:
        return False
    if first.high < second.low:
        return True
    return first.high == second.low and (first.high_open or second.low_open)


def interval_of(record: Record, relative_tolerance: Decimal = Decimal(0)) -> Interval:
    """The values `record` allows, widened by its rounding precision and the tolerance."""
    low = record.low if record.low is not None else record.value
    high = record.high if record.high is not None else (record.value if record.low is None else None)
    if record.low is not None and record.high is None and not record.low_open and record.qualifier is None:
        high = record.value  # an exact figure the grammar gave as low only
    rounding = record.precision or Decimal(0)
    reference = record.value if record.value is not None else (low or Decimal(0))
    slack = rounding + abs(reference) * relative_tolerance
    # A figure rounded to tens, "140", stands for 135 up to but not including 145.
    return Interval(
        None if low is None else low - slack,
        None if high is None else high + slack,
        record.low_open and slack == 0,
        record.high_open if slack == 0 else rounding > 0,
    )
