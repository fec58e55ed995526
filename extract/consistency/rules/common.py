"""Helpers the rules share: numbers in words, pairs of claims, and building a discrepancy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal

from extract.consistency.model import Discrepancy, Involved, Record, Severity, fingerprint
from extract.readers.claims import normalise

__all__ = ["by_metric", "discrepancy", "number", "pairs", "same_sentence"]


def number(value: Decimal) -> str:
    text = f"{value.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def by_metric(records: Sequence[Record]) -> dict[tuple[str, str], list[Record]]:
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        if record.metric != "other":
            groups[(record.metric, record.dimension)].append(record)
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
) -> Discrepancy:
    return Discrepancy(
        fingerprint=fingerprint(rule, [record for record, _ in involved]),
        rule=rule,
        severity=severity,
        title=title,
        explanation=explanation,
        facts=tuple(Involved.of(record, role) for record, role in involved),
    )
