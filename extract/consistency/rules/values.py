"""Rules a and f: comparable claims whose intervals cannot both hold, and slips of scale (x1,000, x1,000,000).

A pair of claims about the same thing (extract/consistency/matching.py) conflicts when their intervals are
disjoint. When both figures are attributed to different parties the conflict is reported as disputed between
those sources, not as an error of either article. Pairs set aside are said so in a note: explicit periods that
differ ("changed over time", not a conflict) and amounts in different currencies (not compared).

Amounts in different currencies are compared only with a user-supplied, dated exchange-rate table
(extract/consistency/rates.py): the second claim is converted into the first one's currency at the latest rate
on or before its own date (the end of its explicit period, else its article's date, else the date of the claim
it is compared with), the rate widened by its tolerance, and the intervals are tested as for one currency. When
no rate fits, the note says why.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Final

from extract.consistency.intervals import interval_of
from extract.consistency.matching import entity_key, record_key, same_thing
from extract.consistency.model import Discrepancy, Record
from extract.consistency.options import CheckOptions
from extract.consistency.rates import Conversion, NoRate, RateTable
from extract.consistency.rules.common import by_metric, discrepancy, number, pairs, same_sentence
from extract.grammar.units import to_base
from extract.readers.claims import normalise
from extract.readers.persons import AGE_METRIC

__all__ = ["scale_slips", "value_conflicts"]

# Significant digits of a converted amount: rounded outward, so the interval only grows (by 0.1% at most).
CONVERTED_DIGITS: Final = 4


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
    yield from _across_currencies(records, options)
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
        if _a_birthday_apart(first, second):
            yield _birthday_apart(first, second)
            continue
        yield _conflict(first, one.describe(first.unit), second, two.describe(second.unit))


def _conflict(first: Record, one: str, second: Record, two: str, rate: str = "") -> Discrepancy:
    """Two claims about one thing that cannot both hold; `one` and `two` say what each allows, `rate` how the
    second was converted into the first one's currency (empty for one currency)."""
    thing = _thing(first)
    sources = (first.attributed_to, second.attributed_to)
    if all(sources) and normalise(sources[0] or "") != normalise(sources[1] or ""):
        return discrepancy(
            "value-conflict",
            "warning",
            f"Disputed between sources: {thing}",
            f"The figures for {thing} are disputed between sources: {first.attributed_to} puts it at "
            f"{one} ({first.shown()}), {second.attributed_to} at {two} ({second.shown()}){rate}. Both cannot be "
            "true; the articles report each side's figure.",
            [(first, "claim"), (second, "claim")],
        )
    return discrepancy(
        "value-conflict",
        "error" if first.source == second.source and first.article == second.article else "warning",
        f"Conflicting figures for {thing}",
        f"{first.shown()} gives {one} and {second.shown()} gives {two}{rate}; both speak of {thing}{_where(first)}, "
        "and these figures cannot both be true.",
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


def _a_birthday_apart(first: Record, second: Record) -> bool:
    """Two articles that give one person ages a year apart: one may be written after a birthday (the arrest
    and the trial), so the gap alone is no conflict. Within one article it is."""
    return (
        first.metric == AGE_METRIC
        and (first.source, first.article) != (second.source, second.article)
        and first.value is not None
        and second.value is not None
        and abs(first.value - second.value) <= 1
    )


def _birthday_apart(first: Record, second: Record) -> Discrepancy:
    return discrepancy(
        "value-conflict",
        "note",
        f"A year apart: {_thing(first)}",
        f"Set aside, not a conflict: {first.shown()} and {second.shown()} give {_thing(first)} a year apart; the "
        "articles may have been written either side of a birthday.",
        [(first, "claim"), (second, "claim")],
    )


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


def _across_currencies(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    """Pairs of amounts in different currencies: compared through the rate table, else a note."""
    money = [record for record in records if _currency(record) and record.metric != "other"]
    for first, second in pairs(money):
        if first.dimension == second.dimension or first.metric != second.metric or same_sentence(first, second):
            continue
        if (
            entity_key(first.entity, first.entity_places) != entity_key(second.entity, second.entity_places)
            and record_key(first).head != first.metric
        ):
            continue
        if first.places and second.places and not first.places & second.places:
            continue
        if options.exchange_rates is None:
            yield _not_compared(first, second, "without an exchange-rate table they are not compared")
            continue
        found = _through_rates(first, second, options.exchange_rates, options)
        if found is not None:
            yield found


def _through_rates(first: Record, second: Record, table: RateTable, options: CheckOptions) -> Discrepancy | None:
    """A conflict, or a note saying why the two were not compared; None when they agree or differ in what they
    speak of."""
    # Matched as if both were in the first one's currency: same metric, entity, places and time.
    if not (record_key(first).head and record_key(second).head):
        return None
    if not same_thing(first, replace(second, dimension=first.dimension)):
        return None
    dating = _dating(second, first)
    if dating is None:
        return _not_compared(
            first, second, "they are not compared: neither claim has a date (no period in its sentence, no article "
            "date) to choose a rate for"
        )
    start, end, how = dating
    conversion = table.convert(_currency(second), _currency(first), end, start, options.exchange_rate_max_age_days)
    if isinstance(conversion, NoRate):
        return _not_compared(first, second, f"they are not compared: {conversion.reason}")
    return _compare(first, second, conversion, how, options)


def _currency(record: Record) -> str:
    """The ISO code of a money claim's currency ("USD" for "$5", "30 MUSD" and "50 cents"), else ""."""
    dimension = record.dimension
    return dimension[len("[currency_") : -1] if dimension.startswith("[currency_") and dimension.endswith("]") else ""


def _claim_date(record: Record) -> tuple[date, date, str] | None:
    """The start and end of the time a claim speaks of, and how it was found; None for an undated claim."""
    if record.period_start is None:
        return None
    end = record.period_end or record.period_start
    if record.period_inherited:
        return record.period_start, end, "its article's date"
    if end == record.period_start:
        return record.period_start, end, "the date its sentence gives"
    return record.period_start, end, f"the end of the period its sentence gives, {record.period_start} to {end}"


def _dating(record: Record, other: Record) -> tuple[date, date, str] | None:
    """The time whose rate converts `record`: its own; for an undated claim, that of the claim it is compared
    with (the two were matched as speaking of the same time); None when neither is dated."""
    own = _claim_date(record)
    if own is not None:
        return own
    borrowed = _claim_date(other)
    if borrowed is None:
        return None
    start, end, how = borrowed
    return start, end, f"the date of the claim it is compared with: {how}"


def _compare(
    first: Record, second: Record, conversion: Conversion, how: str, options: CheckOptions
) -> Discrepancy | None:
    """A value conflict when `second`, converted into `first`'s currency, cannot be `first`'s amount."""
    target, source = conversion.target, conversion.source
    one = interval_of(first, options.relative_tolerance).scaled(to_base(Decimal(1), first.unit))
    own = interval_of(second, options.relative_tolerance).scaled(to_base(Decimal(1), second.unit))
    # The rate is known only so well: each rate used is widened by the tolerance (twice through a third currency).
    slack = (1 + options.exchange_rate_tolerance) ** len(conversion.legs)
    spare = (1 - options.exchange_rate_tolerance) ** len(conversion.legs)
    two = own.times(conversion.factor * spare, conversion.factor * slack).rounded_outward(CONVERTED_DIGITS)
    if not one.disjoint(two):
        return None
    latest, each = ("rate", "the rate") if len(conversion.legs) == 1 else ("rates", "each rate")
    rate = (
        f", that is {two.describe(target)} at {conversion.words()}, the latest {latest} on or before "
        f"{conversion.on} ({how}), allowing {number(options.exchange_rate_tolerance * 100)}% either way for {each}"
    )
    return _conflict(first, one.describe(target), second, own.describe(source), rate)


def _not_compared(first: Record, second: Record, why: str) -> Discrepancy:
    return discrepancy(
        "value-conflict",
        "note",
        f"Not compared: amounts in {first.unit} and {second.unit}",
        f"{first.shown()} and {second.shown()} may speak of the same {first.metric}, but in different "
        f"currencies ({first.unit}, {second.unit}); {why}.",
        [(first, "claim"), (second, "claim")],
    )


def _thing(record: Record) -> str:
    if record.story_person:
        described = record.entity or "person"
        return f"{record.metric} ({record.story_person}, as another article of the story names the {described})"
    entity = f" ({record.entity})" if record.entity else ""
    return f"{record.metric}{entity}"


def _where(record: Record) -> str:
    return f" in {', '.join(sorted(record.places))}" if record.places else ""
