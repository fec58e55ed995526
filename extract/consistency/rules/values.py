"""Rules a and f: comparable claims whose intervals cannot both hold, and slips of scale (x1,000, x1,000,000).

A pair of claims about the same thing (extract/consistency/matching.py) conflicts when their intervals are
disjoint. When both figures are attributed to different parties the conflict is reported as disputed between
those sources, not as an error of either article. Pairs set aside are said so in a note: explicit periods that
differ ("changed over time", not a conflict) and amounts in different currencies (not compared).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from extract.claims import normalise
from extract.consistency.intervals import interval_of
from extract.consistency.matching import entity_key, record_key, same_thing
from extract.consistency.model import Discrepancy, Record
from extract.consistency.options import CheckOptions
from extract.consistency.rules.common import by_metric, discrepancy, number, pairs, same_sentence

__all__ = ["scale_slips", "value_conflicts"]


def _candidates(records: Sequence[Record]) -> Iterator[tuple[Record, Record]]:
    for group in by_metric(records).values():
        for first, second in pairs(group):
            if same_sentence(first, second):
                continue
            if not (record_key(first).head and record_key(second).head):
                continue
            yield first, second


def _scale_factor(first: Record, second: Record, options: CheckOptions) -> Decimal | None:
    if first.value is None or second.value is None or first.value == 0 or second.value == 0:
        return None
    ratio = max(first.value, second.value) / min(first.value, second.value)
    for factor in options.scale_factors:
        if abs(ratio - factor) <= factor * options.scale_tolerance:
            return factor
    return None


def value_conflicts(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    yield from _currency_notes(records)
    for first, second in _candidates(records):
        if not same_thing(first, second):
            if _differs_only_in_period(first, second) and interval_of(first).disjoint(interval_of(second)):
                yield _changed_over_time(first, second)
            continue
        one, two = interval_of(first, options.relative_tolerance), interval_of(second, options.relative_tolerance)
        if not one.disjoint(two):
            continue
        if "scale-slip" in options.rules and _scale_factor(first, second, options) is not None:
            continue  # reported by the scale-slip rule
        thing = _thing(first)
        says = (
            f"{first.shown()} gives {one.describe(first.unit)} and {second.shown()} gives {two.describe(second.unit)}"
        )
        sources = (first.attributed_to, second.attributed_to)
        if all(sources) and normalise(sources[0] or "") != normalise(sources[1] or ""):
            yield discrepancy(
                "value-conflict",
                "warning",
                f"Disputed between sources: {thing}",
                f"The figures for {thing} are disputed between sources: {first.attributed_to} puts it at "
                f"{one.describe(first.unit)} ({first.shown()}), {second.attributed_to} at "
                f"{two.describe(second.unit)} ({second.shown()}). Both cannot be true; the articles report "
                "each side's figure.",
                [(first, "claim"), (second, "claim")],
            )
            continue
        yield discrepancy(
            "value-conflict",
            "error" if first.source == second.source and first.article == second.article else "warning",
            f"Conflicting figures for {thing}",
            f"{says}; both speak of {thing}{_where(first)}, and these figures cannot both be true.",
            [(first, "claim"), (second, "claim")],
        )


def scale_slips(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    for first, second in _candidates(records):
        if not same_thing(first, second):
            continue
        factor = _scale_factor(first, second, options)
        if factor is None or not interval_of(first).disjoint(interval_of(second)):
            continue
        word = {Decimal(1000): "a thousand", Decimal(1_000_000): "a million"}.get(factor, number(factor))
        yield discrepancy(
            "scale-slip",
            "error",
            f"Scale slip for {_thing(first)}",
            f"{first.shown()} and {second.shown()} speak of {_thing(first)}{_where(first)} and differ by a factor "
            f"of {word}: one of them probably has the wrong scale word (thousand, million, billion).",
            [(first, "claim"), (second, "claim")],
        )


def _differs_only_in_period(first: Record, second: Record) -> bool:
    if not (first.has_explicit_period and second.has_explicit_period):
        return False
    if first.metric != second.metric or first.dimension != second.dimension or first.metric == "other":
        return False
    if first.places != second.places or record_key(first) != record_key(second):
        return False
    return (first.period_start, first.period_end) != (second.period_start, second.period_end)


def _changed_over_time(first: Record, second: Record) -> Discrepancy:
    def period(record: Record) -> str:
        start, end = record.period_start, record.period_end
        return f"{start}" if start == end else f"{start} to {end}"

    return discrepancy(
        "value-conflict",
        "note",
        f"Changed over time: {_thing(first)}",
        f"Set aside, not a conflict: {first.shown()} and {second.shown()} give different figures for "
        f"{_thing(first)}, but for different periods ({period(first)}; {period(second)}), so the difference is a "
        "change over time.",
        [(first, "claim"), (second, "claim")],
    )


def _currency_notes(records: Sequence[Record]) -> Iterator[Discrepancy]:
    money = [record for record in records if record.dimension.startswith("[currency") and record.metric != "other"]
    for first, second in pairs(money):
        if first.dimension == second.dimension or first.metric != second.metric or same_sentence(first, second):
            continue
        if entity_key(first.entity) != entity_key(second.entity) and record_key(first).head != first.metric:
            continue
        if first.places and second.places and not first.places & second.places:
            continue
        yield discrepancy(
            "value-conflict",
            "note",
            f"Not compared: amounts in {first.unit} and {second.unit}",
            f"{first.shown()} and {second.shown()} may speak of the same {first.metric}, but in different "
            f"currencies ({first.unit}, {second.unit}); without an exchange-rate table they are not compared.",
            [(first, "claim"), (second, "claim")],
        )


def _thing(record: Record) -> str:
    entity = f" ({record.entity})" if record.entity else ""
    return f"{record.metric}{entity}"


def _where(record: Record) -> str:
    return f" in {', '.join(sorted(record.places))}" if record.places else ""
