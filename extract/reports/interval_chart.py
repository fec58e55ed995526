"""The interval chart of a discrepancy, and the interval a claim allows in words, for ``reports/index.html``.

Every claim in a discrepancy gets a letter (A, B, ...) and a colour; the chart draws each claim's low..high as a
bar of that colour on one axis, linear, or logarithmic when the values lie far apart (a scale slip), so that a
reviewer sees at a glance why the claims cannot all be true. Numbers come from the fact table as decimal text
and are shown exactly, never through binary floating point; only pixel positions are floats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Final

import pandas as pd

from extract.consistency import Involved

__all__ = [
    "LETTERS",
    "PALETTE",
    "as_decimal",
    "as_float",
    "interval_chart",
    "interval_words",
    "is_missing",
    "letter_text",
    "number_text",
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


def interval_chart(facts: Sequence[Involved]) -> str:
    """An SVG chart with one row per claim: its interval as a bar, its stated value as a dot ("" when no bounds)."""
    bounds = [as_float(text) for involved in facts for text in (involved.low, involved.high, involved.value)]
    finite = [value for value in bounds if value is not None]
    if not finite:
        return ""
    axis = _axis(finite)
    height = 12 + ROW_HEIGHT * len(facts) + 22
    rows = "".join(_chart_row(axis, index, involved) for index, involved in enumerate(facts))
    units = sorted({involved.unit for involved in facts})
    caption = (units[0] if len(units) == 1 else "mixed units: " + ", ".join(units)) + (
        " (log scale)" if axis.log else ""
    )
    return (
        f'<svg viewBox="0 0 {CHART_WIDTH} {height}" role="img" aria-label="{escape("Intervals in " + caption)}">'
        f"{_chart_axis(axis, 12 + ROW_HEIGHT * len(facts), caption)}{rows}</svg>"
    )


def _axis(values: Sequence[float]) -> _Axis:
    low, high = min(values), max(values)
    left, right = float(LABEL_WIDTH), float(CHART_WIDTH - 30)
    if low > 0 and high / low >= 50:
        return _Axis(low / 3, high * 3, True, left, right)
    span = high - low or abs(high) or 1.0
    return _Axis(low - span * 0.15, high + span * 0.15, False, left, right)


def _chart_axis(axis: _Axis, baseline: float, caption: str) -> str:
    parts = [
        f'<line x1="{axis.left:.1f}" y1="{baseline:.1f}" x2="{axis.right:.1f}" y2="{baseline:.1f}" stroke="#9aa4af"/>'
    ]
    for tick in axis.ticks():
        x = axis.x(tick)
        if not axis.left - 0.5 <= x <= axis.right + 0.5:
            continue
        parts.append(f'<line x1="{x:.1f}" y1="6" x2="{x:.1f}" y2="{baseline + 4:.1f}" stroke="#e6e9ed"/>')
        parts.append(f'<text x="{x:.1f}" y="{baseline + 16:.1f}" text-anchor="middle">{escape(_compact(tick))}</text>')
    parts.append(f'<text x="8" y="{baseline + 16:.1f}">{escape(caption)}</text>')
    return "".join(parts)


def _chart_row(axis: _Axis, index: int, involved: Involved) -> str:
    colour = PALETTE[index % len(PALETTE)]
    y = 12 + ROW_HEIGHT * index + ROW_HEIGHT / 2
    low, high, value = as_float(involved.low), as_float(involved.high), as_float(involved.value)
    start = axis.left if low is None else axis.x(low)
    end = axis.right if high is None else axis.x(high)
    tooltip = f"{letter_text(index)}: “{involved.quote}” read as " + interval_words(
        as_decimal(involved.low), as_decimal(involved.high), involved.low_open, involved.high_open, involved.unit
    )
    parts = [
        f"<g><title>{escape(tooltip)}</title>",
        f'<text class="label" x="8" y="{y + 4:.1f}">{letter_text(index)}  {escape(_shorten(involved.quote, 26))}'
        "</text>",
        f'<rect x="{start:.1f}" y="{y - 4:.1f}" width="{max(end - start, 0.0):.1f}" height="8" rx="2" '
        f'fill="{colour}" fill-opacity="0.35"/>',
        _end_marker(start, y, colour, low is None, involved.low_open, pointing_left=True),
        _end_marker(end, y, colour, high is None, involved.high_open, pointing_left=False),
    ]
    if value is not None:
        parts.append(f'<circle cx="{axis.x(value):.1f}" cy="{y:.1f}" r="4.5" fill="{colour}" stroke="#fff"/>')
    parts.append("</g>")
    return "".join(parts)


def _end_marker(x: float, y: float, colour: str, unbounded: bool, excluded: bool, *, pointing_left: bool) -> str:
    """An arrow where the interval has no bound, an open circle for an excluded bound, a bar for an included one."""
    if unbounded:
        tip = x - 2 if pointing_left else x + 2
        back = tip + 9 if pointing_left else tip - 9
        return f'<polygon points="{tip:.1f},{y:.1f} {back:.1f},{y - 6:.1f} {back:.1f},{y + 6:.1f}" fill="{colour}"/>'
    if excluded:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#fff" stroke="{colour}" stroke-width="2"/>'
    return f'<line x1="{x:.1f}" y1="{y - 7:.1f}" x2="{x:.1f}" y2="{y + 7:.1f}" stroke="{colour}" stroke-width="2.5"/>'


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


def _shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis, for a chart label."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------------------------
# Numbers as text


def interval_words(low: Decimal | None, high: Decimal | None, low_open: bool, high_open: bool, unit: str) -> str:
    """The interval a claim allows, in words a reader checks at a glance: 27 – 33, > 1,700,000, ≥ 43, 520.

    >>> interval_words(Decimal("1700000"), None, True, False, "count")
    '> 1,700,000 count'
    >>> interval_words(Decimal("945.0"), Decimal("955.0"), False, False, "km")
    '945 – 955 km'
    """
    if low is None and high is None:
        text = "any value"
    elif low is not None and low == high:
        text = number_text(low)
    elif high is None:
        text = f"{'>' if low_open else '≥'} {number_text(low)}"
    elif low is None:
        text = f"{'<' if high_open else '≤'} {number_text(high)}"
    elif low_open or high_open:
        text = f"{'>' if low_open else '≥'} {number_text(low)} and {'<' if high_open else '≤'} {number_text(high)}"
    else:
        text = f"{number_text(low)} – {number_text(high)}"
    return f"{text} {unit}".strip()


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
