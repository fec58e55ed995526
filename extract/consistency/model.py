"""What the consistency stage reads (claims from the fact table) and what it reports (discrepancies)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias

from extract.readers.claims import normalise
from extract.table.schema import Fact, decimal_text, fact_from_row

__all__ = [
    "Discrepancy",
    "Involved",
    "Record",
    "Severity",
    "fingerprint",
    "keyed_fingerprint",
    "members_digest",
    "records_from_rows",
]

Severity = Literal["error", "warning", "note"]
SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "note": 2}


# The checker reads fact rows as the table declares them (extract/table/schema.py), decimals exact.
Record: TypeAlias = Fact


@dataclass(frozen=True, slots=True)
class Involved:
    """A claim that takes part in a discrepancy, with its role there (claim, part, whole, total, ...)."""

    role: str
    fact_id: str
    source: str
    article: int
    line: int
    column: int
    start: int
    end: int
    quote: str
    sentence: str
    value: str | None
    low: str | None  # the interval the rules compared (see `of`), not the fact table's stated bounds
    high: str | None
    low_open: bool
    high_open: bool
    unit: str
    attributed_to: str | None
    article_date: str | None = None
    story: str | None = None

    @classmethod
    def of(cls, record: Record, role: str) -> Involved:
        """The claim with the interval the rules compare and the explanations write (`interval_of`: the stated
        bounds widened by the rounding the writing implies), so that every report reads it as they do."""
        from extract.consistency.intervals import interval_of  # intervals imports Record from here

        interval = interval_of(record)
        return cls(
            role=role,
            fact_id=record.fact_id,
            source=record.source,
            article=record.article,
            line=record.line,
            column=record.column,
            start=record.start,
            end=record.end,
            quote=record.quote,
            sentence=record.sentence,
            value=_text(record.value),
            low=_text(interval.low),
            high=_text(interval.high),
            low_open=interval.low_open,
            high_open=interval.high_open,
            unit=record.unit,
            attributed_to=record.attributed_to,
            article_date=record.article_date,
            story=record.story,
        )


@dataclass(frozen=True, slots=True)
class Discrepancy:
    fingerprint: str
    rule: str
    severity: Severity
    title: str
    explanation: str
    facts: tuple[Involved, ...]
    # What the members are, as a digest: a verdict given to other members is "changed since review".
    members: str = ""
    # The fingerprints the pairs of its members had when a flag was one pair: verdicts given to them carry over.
    pair_fingerprints: tuple[str, ...] = ()
    # The pairs of members (fact ids) that cannot both hold; empty when every member clashes with every other.
    clashes: tuple[tuple[str, str], ...] = ()

    def clashing_pairs(self) -> list[tuple[Involved, Involved]]:
        """The pairs of involved facts that cannot both hold."""
        by_id = {involved.fact_id: involved for involved in self.facts}
        if self.clashes:
            return [(by_id[one], by_id[two]) for one, two in self.clashes if one in by_id and two in by_id]
        return [(one, two) for index, one in enumerate(self.facts) for two in self.facts[index + 1 :]]

    def as_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "severity": self.severity,
            "title": self.title,
            "explanation": self.explanation,
            "members": self.members,
            "clashes": [list(pair) for pair in self.clashes],
            "facts": [{name: getattr(involved, name) for name in Involved.__slots__} for involved in self.facts],
        }

    @property
    def sort_key(self) -> tuple[int, str, str, int, str]:
        first = self.facts[0]
        return (SEVERITY_ORDER[self.severity], self.rule, first.source, first.line, self.fingerprint)


def fingerprint(rule: str, records: Sequence[Record]) -> str:
    """Stable across re-extraction and edits elsewhere: the rule and, per claim, its source, sentence and quote."""
    return hashlib.sha256("\x1e".join([rule, *_member_keys(records)]).encode()).hexdigest()[:20]


def members_digest(records: Sequence[Record]) -> str:
    """A digest of which claims a discrepancy holds (as `fingerprint` names each), whatever its fingerprint."""
    return hashlib.sha256("\x1e".join(_member_keys(records)).encode()).hexdigest()[:12]


def keyed_fingerprint(rule: str, about: Sequence[str]) -> str:
    """The fingerprint of a flag about a group of figures: the rule and what they are about (story, metric,
    entity key, places, period), not its members, so that a verdict follows the group as figures join it."""
    return hashlib.sha256("\x1e".join([rule, "about", *about]).encode()).hexdigest()[:20]


def _member_keys(records: Sequence[Record]) -> list[str]:
    return sorted(
        f"{record.source}\x1f{normalise(record.sentence)}\x1f{normalise(record.quote)}" for record in records
    )


def records_from_rows(rows: Iterable[Mapping[Any, Any]]) -> list[Record]:
    """Fact rows as the store, the CSV or a pandas view gives them (exact decimals, or floats and NA)."""
    return [fact_from_row(row) for row in rows]


def _text(value: Decimal | None) -> str | None:
    return decimal_text(value)
