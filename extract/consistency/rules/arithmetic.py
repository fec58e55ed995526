"""Rules d and e: shares of one whole above 100%, and changes or multiples that disagree with their numbers.

d. A share (a metric ending in ``.share``, in percent) above 100%, or shares of the same whole (same metric,
   entity and period, different parts) that add up to more than 100% (plus the share tolerance).
e. In one sentence: "grew by 50%" against the from and to values it relates; "from X to Y" with an absolute
   "by Z"; a multiple ("16 times greater") against the two amounts it compares.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache

import regex

from extract.consistency.matching import comparison_block, periods_overlap
from extract.consistency.model import Discrepancy, Record
from extract.consistency.options import CheckOptions
from extract.consistency.rules.common import discrepancy, number
from extract.lexicons import alternation, load_toml
from extract.readers.claims import normalise

__all__ = ["change_arithmetic", "share_sums"]

HUNDRED = Decimal(100)
# Characters between a rate or a multiple and the figures it relates, at most (in one sentence).
RELATED_WITHIN = 80


def share_sums(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    # A change of a share ("turnover up 152 pct") is no share of a whole.
    shares = [
        r
        for r in records
        if r.metric.endswith(".share") and r.unit == "percent" and r.value is not None and r.change_parts is None
    ]
    for share in shares:
        if share.low is not None and share.low > HUNDRED + options.share_tolerance:
            # In news a "share" above 100% is far more often a growth rate read as one ("turnover up 152 pct"): the
            # checker cannot tell them apart, so it says so in a note rather than flag.
            yield discrepancy(
                "share-sum",
                "note",
                f"A share above 100%?: {share.metric}",
                f"{share.shown()} is read as a share of {share.entity or share.metric} of {number(share.low)}%, more "
                "than the whole: either a misreported share or, more often, a growth rate; check which.",
                [(share, "share")],
            )
    groups: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for share in shares:
        block = comparison_block(share)
        if share.entity and block is not None:
            groups[(share.metric, normalise(share.entity), block)].append(share)
    for (metric, entity, _), group in groups.items():
        distinct: dict[tuple[Decimal | None, frozenset[str]], Record] = {}
        for share in group:
            distinct.setdefault((share.value, share.places), share)
        parts = [
            share for share in distinct.values() if all(periods_overlap(share, other) for other in distinct.values())
        ]
        total = sum((share.low or Decimal(0) for share in parts), Decimal(0))
        if len(parts) >= 2 and total > HUNDRED + options.share_tolerance:
            listed = " + ".join(f"“{share.quote}”" for share in parts)
            yield discrepancy(
                "share-sum",
                "error" if len({(p.source, p.article) for p in parts}) == 1 else "warning",
                f"Shares of one whole add up to more than 100%: {metric}",
                f"{listed} are shares of the same whole ({entity}) and add up to {number(total)}%.",
                [(share, "share") for share in parts],
            )


def change_arithmetic(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    sentences: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        sentences[(record.source, record.sentence)].append(record)
    for group in sentences.values():
        yield from _changes(group, options)
        yield from _multiples(group, options)


def _endpoints(record: Record, falling: bool) -> tuple[Decimal, Decimal] | None:
    """From and to of a change ("rose from 781 to 13,198"), or of a range after a rate ("grew by 50%, from A to B")."""
    change = record.change_parts
    if change and change.get("from") is not None and change.get("to") is not None:
        return Decimal(str(change["from"])), Decimal(str(change["to"]))
    if record.kind == "range" and record.low is not None and record.high is not None:
        # A range is written low to high; a falling rate reads it from the high end.
        return (record.high, record.low) if falling else (record.low, record.high)
    return None


def _near(first: Record, second: Record) -> bool:
    """Two figures of one sentence close enough to be read together ("rose 13.5 pct to 1.48 billion from 1.31")."""
    return abs(first.start - second.start) <= RELATED_WITHIN


def _changes(group: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    rates = [r for r in group if r.change_parts and r.change_parts.get("by") is not None and r.unit == "percent"]
    if len(rates) > 1:
        # "rose 13.5 pct in February to 1.48 billion from 1.31 billion and 9.6 pct in the two months to 3.06 billion":
        # which rate goes with which endpoints is not read; only a sentence of one rate is checked.
        rates = []
    falling = any(rate.change_parts is not None and rate.change_parts.get("direction") == "down" for rate in rates)
    spans = [
        r
        for r in group
        if (r.change_parts and r.change_parts.get("from") is not None)
        or (rates and r.kind == "range" and r.unit != "percent")
    ]
    for span in spans:
        ends = _endpoints(span, falling)
        if ends is None:
            continue
        start, end = ends
        if span.kind == "range" and not span.quote.lower().startswith("from"):
            continue  # "in the two months to 3.06 billion" is no from-to change
        if span.change_parts and span.change_parts.get("by") is not None and span.unit != "percent":
            by = Decimal(str(span.change_parts["by"]))
            if abs((end - start) - abs(by) * (1 if end >= start else -1)) > abs(by) * options.change_tolerance:
                yield discrepancy(
                    "change-arithmetic",
                    "error",
                    "A change disagrees with its endpoints",
                    f"{span.shown()} goes from {number(start)} to {number(end)}, a change of {number(end - start)}, "
                    f"not {number(by)}.",
                    [(span, "change")],
                )
        if start == 0:
            continue
        actual = (end - start) / start * HUNDRED
        for rate in rates:
            if rate is span or not _near(rate, span):
                continue
            assert rate.change_parts is not None
            if (rate.change_parts.get("direction") == "down") != (end < start) and rate.change_parts.get("direction"):
                continue  # "re-exports fell 6.6 pct ... a surge in net imports from A to B": another change
            stated = Decimal(str(rate.change_parts["by"]))
            slack = abs(stated) * options.change_tolerance + (rate.precision or Decimal(0))
            if abs(abs(actual) - abs(stated)) > slack:
                yield discrepancy(
                    "change-arithmetic",
                    "error",
                    "A percentage change disagrees with its endpoints",
                    f"{rate.shown()} says the change was {number(stated)}%, but {span.shown()} goes from "
                    f"{number(start)} to {number(end)}, a change of {number(actual.quantize(Decimal('0.1')))}%.",
                    [(rate, "rate"), (span, "change")],
                )


@cache
def _comparative() -> regex.Pattern[str]:
    words = load_toml("arithmetic.toml")["comparatives"]
    return regex.compile(rf"(?i)\btimes\s+(?:{alternation(words)})\b")


def _multiples(group: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    explicit = _comparative()
    for multiple in (r for r in group if r.kind == "multiple" and r.value and explicit.search(r.quote)):
        amounts = [
            r
            for r in group
            if r is not multiple
            and r.kind not in ("multiple", "percent", "change", "ordinal", "range")
            and r.value
            and r.change_parts is None
            and _near(r, multiple)
        ]
        dimensions = {r.dimension for r in amounts}
        if len(amounts) != 2 or len(dimensions) != 1:
            continue
        assert multiple.value is not None
        big, small = sorted((r.base_value or r.value or Decimal(0) for r in amounts), reverse=True)
        if small == 0:
            continue
        ratio = big / small
        factor = multiple.value
        # "16 times greater" is read as 16 times, and by some as 17 times: accept either.
        slack = factor * options.change_tolerance + Decimal("0.05") * factor
        if min(abs(ratio - factor), abs(ratio - factor - 1)) > slack:
            yield discrepancy(
                "change-arithmetic",
                "error",
                "A multiple disagrees with the amounts it relates",
                f"{multiple.shown()} relates “{amounts[0].quote}” and “{amounts[1].quote}”, whose ratio is "
                f"{number(ratio.quantize(Decimal('0.01')))}, not {number(factor)}.",
                [(multiple, "multiple"), (amounts[0], "amount"), (amounts[1], "amount")],
            )
