"""Rules b and g: a part larger than its whole, and listed parts that do not add up to their stated total.

b. For the same event and period, a claim about a subgroup ("59 citizens of Kyrgyzstan", "12 children") must
   not exceed the claim about the whole ("more than 90 people"): 59 fits under more than 90; 150 soldiers
   killed do not fit in 140 killed in total.
g. A sentence that states a total ("a total of", "in all", "altogether", "combined", "overall") and lists two
   or more parts of the same metric and unit: the parts must add up to it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import reduce

from extract.consistency.intervals import Interval, interval_of
from extract.consistency.matching import is_part_of, may_be_part, may_be_whole
from extract.consistency.model import Discrepancy, Record
from extract.consistency.options import CheckOptions
from extract.consistency.rules.common import by_metric, discrepancy
from extract.readers.metrics import subject_keyed

__all__ = ["listed_parts", "parts_exceeding_wholes"]

# Pairs of a part and its whole a flag names one by one; the rest are counted.
MAX_PAIRS_NAMED = 5
PAIR_WINDOW = 64  # wholes a part is compared with, in a group of more (see `parts_exceeding_wholes`)


def _reading_order(record: Record) -> tuple[str, str, int, int]:
    return (record.article_date or "", record.source, record.article, record.start)

def parts_exceeding_wholes(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    """One flag per group of parts and wholes linked by a part that exceeds its whole (a toll's part given by
    several outlets against a whole given by several others is one flag)."""
    for group in by_metric(records).values():
        exceeding: list[tuple[Record, Record]] = []
        wholes = sorted((record for record in group if may_be_whole(record)), key=_reading_order)
        places = [_reading_order(whole) for whole in wholes]
        for part in group:
            if not may_be_part(part):
                continue
            # Every whole while there are few; past `PAIR_WINDOW`, the wholes nearest the part in reading order
            # (date, source, position), so that a pile of hundreds of tolls of one disaster stays linear.
            at = bisect_left(places, _reading_order(part))
            half = PAIR_WINDOW // 2
            near = wholes if len(wholes) <= PAIR_WINDOW else wholes[max(0, at - half) : at + half]
            for whole in near:
                if part is whole or not is_part_of(part, whole):
                    continue
                piece, total = (
                    interval_of(part, options.relative_tolerance),
                    interval_of(whole, options.relative_tolerance),
                )
                if total.high is not None and piece.low is not None and _above(piece, total):
                    exceeding.append((part, whole))
        for pairs_apart in _linked(exceeding):
            yield _exceeding(pairs_apart, options)


def _linked(pairs_apart: Sequence[tuple[Record, Record]]) -> list[list[tuple[Record, Record]]]:
    """The pairs grouped by the figures they share, transitively."""
    parent: dict[str, str] = {}

    def root(fact_id: str) -> str:
        parent.setdefault(fact_id, fact_id)
        while parent[fact_id] != fact_id:
            parent[fact_id] = parent[parent[fact_id]]
            fact_id = parent[fact_id]
        return fact_id

    for part, whole in pairs_apart:
        parent[root(part.fact_id)] = root(whole.fact_id)
    grouped: dict[str, list[tuple[Record, Record]]] = defaultdict(list)
    for part, whole in pairs_apart:
        grouped[root(part.fact_id)].append((part, whole))
    return list(grouped.values())


def _exceeding(pairs_apart: Sequence[tuple[Record, Record]], options: CheckOptions) -> Discrepancy:
    part, whole = pairs_apart[0]
    parts = list({p.fact_id: p for p, _ in pairs_apart}.values())
    wholes = list({w.fact_id: w for _, w in pairs_apart}.values())
    piece, total = interval_of(part, options.relative_tolerance), interval_of(whole, options.relative_tolerance)
    others = "" if len(pairs_apart) == 1 else (
        f" ({len(parts)} such parts and {len(wholes)} such wholes in all: "
        + "; ".join(f"{p.shown()} against {w.shown()}" for p, w in pairs_apart[1:MAX_PAIRS_NAMED]) + ")"
    )
    within = any((p.source, p.article) == (w.source, w.article) for p, w in pairs_apart)
    return discrepancy(
        "part-exceeds-whole",
        "error" if within else "warning",
        f"A part exceeds its whole: {part.metric}",
        f"{part.shown()} counts {part.entity}, a part of the {whole.entity or 'total'} counted by "
        f"{whole.shown()}, yet the part ({piece.describe(part.unit)}) is larger than the whole "
        f"({total.describe(whole.unit)}){others}.",
        [*((p, "part") for p in parts), *((w, "whole") for w in wholes)],
        pairs_apart if len(pairs_apart) > 1 else (),
    )


def listed_parts(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    # The parts are listed in the total's own sentence: the next one may well count something else ("A total of 19
    # people were arrested ... The police investigation ... 114").
    by_sentence: dict[tuple[str, int, str], list[Record]] = defaultdict(list)
    for record in records:
        by_sentence[(record.source, record.article, record.sentence)].append(record)
    for sentence in by_sentence.values():
        for total in sentence:
            if not total.states_total or total.metric == "other" or subject_keyed(total.metric):
                continue  # whose total a company's or a country's figure is needs its subject (not read yet)
            if total.unit == "percent" or total.metric in ("duration",):
                continue  # rates and shares of different bases, or durations, do not add up to a total
            parts = [
                record
                for record in sentence
                if record is not total
                and record.metric == total.metric
                and record.unit == total.unit
                and record.value is not None
            ]
            if len(parts) < 2:
                continue
            whole = interval_of(total, options.relative_tolerance)
            if any(_above(interval_of(part), whole) for part in parts):
                continue  # a "part" larger than the total alone counts something else (tonnes beside ships)
            summed = reduce(Interval.__add__, (interval_of(p, options.relative_tolerance) for p in parts))
            if not summed.disjoint(whole):
                continue
            listed = " + ".join(f"“{p.quote}”" for p in parts)
            yield discrepancy(
                "parts-sum",
                "error",
                f"Listed parts do not add up: {total.metric}",
                f"{total.shown()} states a total of {whole.describe(total.unit)}, but the parts listed with it, "
                f"{listed}, add up to {summed.describe(total.unit)}.",
                [(total, "total"), *((part, "part") for part in parts)],
            )


def _above(first: Interval, second: Interval) -> bool:
    """Every number of `first` exceeds every number of `second`."""
    if first.low is None or second.high is None:
        return False
    return first.low > second.high or (first.low == second.high and (first.low_open or second.high_open))
