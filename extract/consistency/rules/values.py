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

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Final

from extract.consistency.intervals import interval_of
from extract.consistency.matching import comparison_block, entity_key, record_key, same_thing
from extract.consistency.model import Discrepancy, Record
from extract.consistency.options import CheckOptions
from extract.consistency.rates import Conversion, NoRate, RateTable
from extract.consistency.rules.common import (
    by_metric,
    discrepancy,
    group_discrepancy,
    number,
    pairs,
    same_sentence,
)
from extract.grammar.units import to_base
from extract.readers.claims import normalise
from extract.readers.metrics import grows_over_time
from extract.readers.periods import parse_reference_date
from extract.readers.persons import AGE_METRIC

__all__ = ["scale_slips", "speaker_key", "value_conflicts"]

# Significant digits of a converted amount: rounded outward, so the interval only grows (by 0.1% at most).
CONVERTED_DIGITS: Final = 4
# Pairs of clashing figures a group's explanation names one by one; the rest are counted.
MAX_CLASHES_NAMED: Final = 5
# Figures of one thing each figure is compared with, in a part of the pile larger than this (see `_candidates`).
PAIR_WINDOW: Final = 64
# Figures a group's explanation lists one by one; the flag itself holds them all.
MAX_MEMBERS_LISTED: Final = 20
# Words around a speaker's name that do not tell who it is.
SPEAKER_FILLERS: Final = frozenset({"mr", "mrs", "ms", "dr", "the", "a", "an", "sir", "dame", "prof"})


def _candidates(records: Sequence[Record]) -> Iterator[tuple[Record, Record]]:
    """The pairs that may be about one thing: one metric, dimension and comparison block, one entity key (an age
    matches through its person instead), never two figures of one sentence.

    Pairs are formed inside each such part of the pile, all of them while it holds at most `PAIR_WINDOW` + 1
    figures; in a larger part (hundreds of tolls of one disaster) each figure is paired with the `PAIR_WINDOW`
    next to it in reading order (date, source, position), so that the check stays linear in the facts. Figures of
    one thing are still linked into one group through their neighbours; only the count of clashing pairs is then
    a lower bound.
    """
    for group in by_metric(records).values():
        parts: dict[object, list[Record]] = defaultdict(list)
        for record in group:
            key = record_key(record)
            if key.head:
                parts[None if record.metric == AGE_METRIC else key].append(record)
        for part in parts.values():
            for first, second in _near_pairs(part):
                if not same_sentence(first, second):
                    yield first, second


def _near_pairs(part: Sequence[Record]) -> Iterator[tuple[Record, Record]]:
    if len(part) <= PAIR_WINDOW + 1:
        yield from pairs(part)
        return
    ordered = sorted(part, key=_reading_order)
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 : index + 1 + PAIR_WINDOW]:
            yield first, second


def _scale_factor(first: Record, second: Record, options: CheckOptions) -> Decimal | None:
    if first.value is None or second.value is None or first.value == 0 or second.value == 0:
        return None
    ratio = max(first.value, second.value) / min(first.value, second.value)
    for factor in options.scale_factors:
        if abs(ratio - factor) <= factor * options.scale_tolerance:
            return factor
    return None


@dataclass(frozen=True, slots=True)
class _Group:
    """Figures about one and the same thing (linked by `same_thing`, pair by pair), and how their pairs differ."""

    members: tuple[Record, ...]
    conflicts: tuple[tuple[Record, Record], ...]
    slips: tuple[tuple[Record, Record, Decimal], ...]
    updates: tuple[tuple[Record, Record], ...]  # (earlier, later): a running count updated upward
    birthdays: tuple[tuple[Record, Record], ...]


def _groups(records: Sequence[Record], options: CheckOptions) -> Iterator[_Group]:
    """The groups of comparable figures in which some pair cannot both hold, each once."""
    linked: dict[str, list[Record]] = defaultdict(list)
    parent: dict[str, str] = {}

    def root(fact_id: str) -> str:
        while parent[fact_id] != fact_id:
            parent[fact_id] = parent[parent[fact_id]]
            fact_id = parent[fact_id]
        return fact_id

    disjoint: list[tuple[Record, Record]] = []
    members: dict[str, Record] = {}
    for first, second in _candidates(records):
        if not same_thing(first, second):
            continue
        for record in (first, second):
            parent.setdefault(record.fact_id, record.fact_id)
            members.setdefault(record.fact_id, record)
        parent[root(second.fact_id)] = root(first.fact_id)
        one, two = interval_of(first, options.relative_tolerance), interval_of(second, options.relative_tolerance)
        if one.disjoint(two):
            disjoint.append((first, second))
    if not disjoint:
        return
    for fact_id, record in members.items():
        linked[root(fact_id)].append(record)
    by_group: dict[str, list[tuple[Record, Record]]] = defaultdict(list)
    for first, second in disjoint:
        by_group[root(first.fact_id)].append((first, second))
    for group_root, pairs_apart in by_group.items():
        conflicts, slips, updates, birthdays = [], [], [], []
        for first, second in pairs_apart:
            factor = _scale_factor(first, second, options) if "scale-slip" in options.rules else None
            if factor is not None:
                slips.append((first, second, factor))
            elif _a_birthday_apart(first, second):
                birthdays.append((first, second))
            elif (update := _update(first, second)) is not None:
                updates.append(update)
            else:
                conflicts.append((first, second))
        yield _Group(
            tuple(sorted(linked[group_root], key=_reading_order)),
            tuple(conflicts),
            tuple(slips),
            tuple(updates),
            tuple(birthdays),
        )


def _reading_order(record: Record) -> tuple[str, str, int, int]:
    return (record.article_date or "", record.source, record.article, record.start)


def _day(record: Record) -> date | None:
    return parse_reference_date(record.article_date)


def _update(first: Record, second: Record) -> tuple[Record, Record] | None:
    """(earlier, later) when the later article's figure of a running count is higher than the earlier one's: the
    count was updated ("from 10 to 11 injured between the 3 June and 4 June reports"), not misreported."""
    if not grows_over_time(first.metric):
        return None
    one, two = _day(first), _day(second)
    if one is None or two is None or one == two:
        return None
    earlier, later = (first, second) if one < two else (second, first)
    low = interval_of(later).low
    high = interval_of(earlier).high
    if low is None or high is None or low <= high:
        return None
    return earlier, later


def _about(group: Sequence[Record]) -> list[str]:
    """What a group of figures is about, for its fingerprint: its comparison block (the story, or a stable
    subject's places), metric, dimension, entity key, places, time and scope."""
    first = group[0]
    key = record_key(first)
    places = sorted({place for record in group for place in record.places})
    explicit = sorted(str(record.period_start) for record in group if record.has_explicit_period)
    time = explicit[0] if explicit else "undated:" + ";".join(sorted(first.undated_time))
    return [
        str(comparison_block(first)),
        first.metric,
        first.dimension,
        key.head,
        ";".join(sorted(key.places)),
        ";".join(places),
        time,
        first.local_scope or "",
        "projected" if first.projected else "",
        # another event's figures (an earlier attack's toll) are about that event; the main event's keep the
        # fingerprint they had before events were read, so that verdicts on them still hold
        *([f"event:{first.event_date}"] if (first.event or "main") != "main" else []),
    ]


def value_conflicts(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    yield from _across_currencies(records, options)
    for first, second in _candidates(records):
        if (
            not same_thing(first, second)
            and _differs_only_in_period(first, second)
            and interval_of(first).disjoint(interval_of(second))
        ):
            yield _changed_over_time(first, second)
    for group in _groups(records, options):
        if group.conflicts:
            yield _group_conflict(group, options)
        elif group.updates:
            yield _updated(group)
        elif group.birthdays:
            yield _birthday_apart(*group.birthdays[0])


def _listed(records: Sequence[Record], options: CheckOptions) -> str:
    """Each figure with its source, date and interval: “30” (a.txt:3, 2009-10-01): 30; past
    `MAX_MEMBERS_LISTED`, the rest counted."""
    shown = []
    for record in records[:MAX_MEMBERS_LISTED]:
        dated = f", {record.article_date[:10]}" if record.article_date else ""
        said = f", according to {record.attributed_to}" if record.attributed_to else ""
        reading = interval_of(record, options.relative_tolerance).describe(record.unit)
        shown.append(f"“{record.quote}” ({record.source}:{record.line}{dated}{said}): {reading}")
    more = len(records) - MAX_MEMBERS_LISTED
    return "; ".join(shown) + (f"; and {more} more (listed with the flag's facts)" if more > 0 else "")


def _group_conflict(group: _Group, options: CheckOptions) -> Discrepancy:
    """One flag for a group of figures about one thing of which some cannot both be true."""
    first = group.members[0]
    thing = _thing(first)
    involved = {record.fact_id for pair in group.conflicts for record in pair}
    roles = [(record, "claim" if record.fact_id in involved else "agrees") for record in group.members]
    within = any((one.source, one.article) == (two.source, two.article) for one, two in group.conflicts)
    clashes = "; ".join(
        f"{one.shown()} against {two.shown()}" for one, two in group.conflicts[:MAX_CLASHES_NAMED]
    ) + (f"; and {len(group.conflicts) - MAX_CLASHES_NAMED} more pairs" if len(group.conflicts) > MAX_CLASHES_NAMED
         else "")
    speakers = _sides(group.conflicts)
    if speakers is not None:
        title = f"Disputed between sources: {thing}"
        explanation = (
            f"The figures for {thing}{_where(first)} are disputed between sources: "
            + "; ".join(f"{speaker} puts it at {reading}" for speaker, reading in speakers)
            + f". The figures: {_listed(group.members, options)}. Both sides cannot be true; the articles report "
            "each side's figure."
        )
        return group_discrepancy(
            "value-conflict", _about(group.members), "warning", title, explanation, roles, group.conflicts
        )
    explanation = (
        f"{len(group.members)} figures speak of {thing}{_where(first)}: {_listed(group.members, options)}. "
        f"These cannot all be true: {clashes}."
    )
    if group.updates:
        explanation += " " + _updates_said(group.updates)
    return group_discrepancy(
        "value-conflict",
        _about(group.members),
        "error" if within else "warning",
        f"Conflicting figures for {thing}",
        explanation,
        roles,
        group.conflicts,
    )


def _sides(conflicts: Sequence[tuple[Record, Record]]) -> list[tuple[str, str]] | None:
    """Each speaker once with the figures they give, when every clash is between two different speakers."""
    sides: dict[str, tuple[str, list[str]]] = {}
    for one, two in conflicts:
        if not (one.attributed_to and two.attributed_to):
            return None
        if speaker_key(one.attributed_to) == speaker_key(two.attributed_to):
            return None
        for record in (one, two):
            speaker = record.attributed_to or ""
            _, readings = sides.setdefault(speaker_key(speaker), (speaker, []))
            shown = f"{interval_of(record).describe(record.unit)} ({record.shown()})"
            if shown not in readings:
                readings.append(shown)
    return [(name, ", ".join(readings)) for name, readings in sides.values()]


def speaker_key(speaker: str) -> str:
    """Who a speaker is, so that one is named once: "Mr Khan", "Sadiq Khan" and "Khan" are "khan"; "the police"
    and "police" are "police".

    >>> speaker_key("Mr Khan") == speaker_key("Sadiq Khan"), speaker_key("The police")
    (True, 'police')
    """
    words = [word for word in normalise(speaker).split() if word not in SPEAKER_FILLERS]
    return words[-1] if words else normalise(speaker)


def _updates_said(updates: Sequence[tuple[Record, Record]]) -> str:
    return "Not conflicts but updates of a running count: " + "; ".join(
        f"{earlier.shown()} of {earlier.article_date and earlier.article_date[:10]} to {later.shown()} of "
        f"{later.article_date and later.article_date[:10]}"
        for earlier, later in updates[:MAX_CLASHES_NAMED]
    ) + "."


def _updated(group: _Group) -> Discrepancy:
    first = group.members[0]
    return group_discrepancy(
        "value-conflict",
        _about(group.members),
        "note",
        f"Updated over time: {_thing(first)}",
        f"Set aside, not a conflict: {_updates_said(group.updates)} A later article reports a higher figure for "
        f"{_thing(first)}{_where(first)}, as a toll or a count grows while news comes in.",
        [(record, "claim") for record in group.members],
        group.updates,
    )


def scale_slips(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    for group in _groups(records, options):
        if not group.slips:
            continue
        first, second, factor = group.slips[0]
        word = {Decimal(1000): "a thousand", Decimal(1_000_000): "a million"}.get(factor, number(factor))
        slipped = {record.fact_id for one, two, _ in group.slips for record in (one, two)}
        yield group_discrepancy(
            "scale-slip",
            _about(group.members),
            "error",
            f"Scale slip for {_thing(first)}",
            f"{first.shown()} and {second.shown()} speak of {_thing(first)}{_where(first)} and differ by a factor "
            f"of {word}: one of them probably has the wrong scale word (thousand, million, billion).",
            [(record, "claim") for record in group.members if record.fact_id in slipped],
            [(one, two) for one, two, _ in group.slips],
        )


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
    # Pairs only inside one metric and comparison block (a hash partition, not every pair of the pile's amounts).
    blocks: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        block = comparison_block(record)
        if block is not None and record.metric != "other" and _currency(record):
            blocks[(record.metric, block)].append(record)
    for first, second in (pair for money in blocks.values() for pair in pairs(money)):
        if first.dimension == second.dimension or same_sentence(first, second):
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
