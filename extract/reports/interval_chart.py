"""The interval chart of a discrepancy, and how a claim was read in words, for the reports.

Every claim in a discrepancy gets a letter (A, B, ...) and a colour; the chart draws each claim's interval (the
one the rules compared) as a bar of that colour on one axis, linear, or logarithmic when the values lie far apart
(a scale slip), so that a reviewer sees at a glance why the claims cannot all be true. The layout is computed
here as numbers (`chart_geometry`) and drawn by the page's script. Numbers are written exactly, never through
binary floating point; only pixel positions are floats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import pandas as pd

from extract.consistency import Involved
from extract.consistency.intervals import Interval

__all__ = [
    "LETTERS",
    "PALETTE",
    "as_decimal",
    "as_float",
    "chart_geometry",
    "is_missing",
    "letter_text",
    "number_text",
    "reading",
]

LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# One colour per claim in a discrepancy: its letter badge and its bar in the chart.
PALETTE: Final = ("#1f5fa8", "#c2410c", "#15803d", "#7c3aed", "#be185d", "#0e7490")
CHART_WIDTH: Final = 760
LABEL_WIDTH: Final = 200
ROW_HEIGHT: Final = 26


def letter_text(index: int) -> str:
    """The letter that names the claim at `index` in its discrepancy, in the quotes and in the chart."""
    return LETTERS[index % len(LETTERS)]


@dataclass(frozen=True, slots=True)
class _Axis:
    low: float
    high: float
    log: bool
    left: float  # pixel range of the plot area
    right: float

    def x(self, value: float) -> float:
        if self.log:
            start, end, value = math.log10(self.low), math.log10(self.high), math.log10(value)
        else:
            start, end = self.low, self.high
        return self.left + (value - start) / (end - start) * (self.right - self.left)

    def ticks(self) -> list[float]:
        if self.log:
            first, last = math.ceil(math.log10(self.low)), math.floor(math.log10(self.high))
            stride = max(1, (last - first) // 6 + 1)
            return [10.0**power for power in range(first, last + 1, stride)]
        raw = (self.high - self.low) / 8
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(factor * magnitude for factor in (1, 2, 2.5, 5, 10) if factor * magnitude >= raw)
        first_tick = math.ceil(self.low / step) * step
        return [first_tick + n * step for n in range(int((self.high - first_tick) / step) + 1)]


def chart_geometry(facts: Sequence[Involved]) -> dict[str, Any] | None:
    """The chart of a discrepancy as numbers the page's script draws (None when no claim has a bound).

    The layout is decided here, once, so that the script only places shapes; it writes labels as text. Keys:
    ``h`` the height, ``c`` the caption, ``t`` the ticks as [x, label], and ``r`` one row per claim as
    [start, end, dot or null, low end, high end], an end being "arrow" (no bound), "open" (excluded) or "bar".
    """
    bounds = [as_float(text) for involved in facts for text in (involved.low, involved.high, involved.value)]
    finite = [value for value in bounds if value is not None]
    if not finite:
        return None
    axis = _axis(finite)
    units = sorted({involved.unit for involved in facts})
    caption = (units[0] if len(units) == 1 else "mixed units: " + ", ".join(units)) + (
        " (log scale)" if axis.log else ""
    )
    places = [(axis.x(tick), tick) for tick in axis.ticks()]
    ticks = [[round(x, 1), _compact(tick)] for x, tick in places if axis.left - 0.5 <= x <= axis.right + 0.5]
    rows = [_chart_row(axis, involved) for involved in facts]
    return {"h": 12 + ROW_HEIGHT * len(facts) + 22, "c": caption, "t": ticks, "r": rows}


def _chart_row(axis: _Axis, involved: Involved) -> list[Any]:
    low, high, value = as_float(involved.low), as_float(involved.high), as_float(involved.value)
    start = axis.left if low is None else axis.x(low)
    end = axis.right if high is None else axis.x(high)
    return [
        round(start, 1),
        round(end, 1),
        None if value is None else round(axis.x(value), 1),
        _end(low is None, involved.low_open),
        _end(high is None, involved.high_open),
    ]


def _end(unbounded: bool, excluded: bool) -> str:
    """How an end is drawn: an arrow where there is no bound, an open circle when excluded, else a bar."""
    return "arrow" if unbounded else "open" if excluded else "bar"


def _axis(values: Sequence[float]) -> _Axis:
    low, high = min(values), max(values)
    left, right = float(LABEL_WIDTH), float(CHART_WIDTH - 30)
    if low > 0 and high / low >= 50:
        return _Axis(low / 3, high * 3, True, left, right)
    span = high - low or abs(high) or 1.0
    return _Axis(low - span * 0.15, high + span * 0.15, False, left, right)


def _compact(value: float) -> str:
    """A tick label: 2500000000 -> 2.5B, 1700000 -> 1.7M, 25000 -> 25k, 950 -> 950.

    >>> [_compact(value) for value in (2.5e9, 1.7e6, 25000.0, 2500.0, 950.0)]
    ['2.5B', '1.7M', '25k', '2500', '950']
    """
    # "k" only from 10,000 on, so that 2500 stays 2500; it still stands for a thousand (25000 is 25k, not 2.5k).
    for threshold, size, suffix in ((1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "k")):
        if abs(value) >= threshold:
            return f"{round(value / size, 6):g}{suffix}"
    return f"{round(value, 6):g}"


# ---------------------------------------------------------------------------------------------------------------
# Numbers as text


def reading(involved: Involved) -> str:
    """How a claim was read, written as the explanations write it (`Interval.describe`): every report uses this.

    >>> from dataclasses import replace
    >>> about = Involved("claim", "f1", "a.txt", 1, 1, 1, 0, 7, "About 8", "About 8 died.", "8", "6.7", "9.3",
    ...                  False, True, "count", None)
    >>> reading(about), reading(replace(about, high=None, unit="km"))
    ('6.7 to 9.3', 'at least 6.7 km')
    """
    interval = Interval(as_decimal(involved.low), as_decimal(involved.high), involved.low_open, involved.high_open)
    return interval.describe(involved.unit)


def number_text(value: Decimal | None) -> str:
    """A decimal exactly, with thousands separators and no trailing zeros: 1700000.00 -> 1,700,000."""
    if value is None:
        return ""
    return format(value.normalize(), ",f")


def as_decimal(value: object) -> Decimal | None:
    """A fact-table cell as a Decimal; None when it is missing or not a number."""
    if value is None or is_missing(value):
        return None
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except InvalidOperation:
        return None


def as_float(text: str | None) -> float | None:
    """A decimal text as a float, for a position on the chart's axis."""
    number = as_decimal(text)
    return None if number is None else float(number)


def is_missing(value: object) -> bool:
    """True for pandas' missing values (None, NA, NaN) in a fact-table cell."""
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):  # a list or array is never missing here
        return False
