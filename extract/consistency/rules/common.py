"""Helpers the rules share: numbers in words, pairs of claims, and building a discrepancy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Final

from extract.consistency.matching import comparison_block
from extract.consistency.model import (
    Discrepancy,
    Involved,
    Record,
    Severity,
    fingerprint,
    keyed_fingerprint,
    members_digest,
)
from extract.readers.claims import normalise

__all__ = ["by_metric", "discrepancy", "group_discrepancy", "number", "pairs", "same_sentence"]

# A group flag keeps the fingerprints of its members' pairs (for verdicts given to pair flags) up to this size.
MAX_PAIRED_MEMBERS: Final = 40
# Clashing pairs a group flag keeps (its explanation counts them all).
MAX_CLASHES_KEPT: Final = 200


def number(value: Decimal) -> str:
    text = f"{value.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def by_metric(records: Sequence[Record]) -> dict[tuple[str, str, str], list[Record]]:
    """Records that may be compared, by metric, dimension and comparison block (their story, or the places of a
    stable subject): pairs are only ever formed inside one group."""
    groups: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for record in records:
        block = comparison_block(record)
        if record.metric != "other" and block is not None:
            groups[(record.metric, record.dimension, block)].append(record)
    return groups


def pairs(records: Sequence[Record]) -> Iterator[tuple[Record, Record]]:
    for index, first in enumerate(records):
        for second in records[index + 1 :]:
            yield first, second


def same_sentence(first: Record, second: Record) -> bool:
    return first.source == second.source and normalise(first.sentence) == normalise(second.sentence)


def discrepancy(
    rule: str,
    severity: Severity,
    title: str,
    explanation: str,
    involved: Sequence[tuple[Record, str]],
    clashes: Sequence[tuple[Record, Record]] = (),
) -> Discrepancy:
    """A flag keyed by its rule and members; `clashes` names the pairs that cannot both hold (default: all)."""
    records = [record for record, _ in involved]
    return Discrepancy(
        fingerprint=fingerprint(rule, records),
        rule=rule,
        severity=severity,
        title=title,
        explanation=explanation,
        facts=tuple(Involved.of(record, role) for record, role in involved),
        members=members_digest(records),
        clashes=tuple((one.fact_id, two.fact_id) for one, two in clashes),
    )


def group_discrepancy(
    rule: str,
    about: Sequence[str],
    severity: Severity,
    title: str,
    explanation: str,
    involved: Sequence[tuple[Record, str]],
    clashes: Sequence[tuple[Record, Record]] = (),
) -> Discrepancy:
    """A flag about a group of figures: keyed by what they are about (`about`), listing every member; the
    fingerprints its pairs would have had as pair flags are kept, so that verdicts given to them carry over (for
    a group of at most `MAX_PAIRED_MEMBERS`: pair flags of larger groups were never reviewable one by one, and
    their pairs would grow with the square of the group). At most `MAX_CLASHES_KEPT` clashing pairs are kept."""
    records = [record for record, _ in involved]
    paired = pairs(records) if len(records) <= MAX_PAIRED_MEMBERS else ()
    return replace(
        discrepancy(rule, severity, title, explanation, involved, clashes[:MAX_CLASHES_KEPT]),
        fingerprint=keyed_fingerprint(rule, about),
        pair_fingerprints=tuple(sorted(fingerprint(rule, [one, two]) for one, two in paired)),
    )
