"""What the consistency stage reads (claims from the fact table) and what it reports (discrepancies)."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Final, Literal

from extract.readers.claims import normalise

__all__ = ["Discrepancy", "Involved", "Record", "Severity", "fingerprint", "records_from_rows"]

Severity = Literal["error", "warning", "note"]
SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "note": 2}


@dataclass(frozen=True, slots=True)
class Record:
    """One fact-table row, typed for the rules: decimals exact, places a set, the period as dates."""

    fact_id: str
    source: str
    article: int
    line: int
    column: int
    start: int
    end: int
    quote: str
    sentence: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_open: bool
    high_open: bool
    precision: Decimal | None
    qualifier: str | None
    unit: str
    dimension: str
    base_value: Decimal | None
    kind: str
    entity: str | None
    metric: str
    places: frozenset[str]
    period_start: date | None
    period_end: date | None
    period_inherited: bool
    attributed_to: str | None
    negated: bool
    change: Mapping[str, str | None] | None
    # The name another article of the story gives the unnamed person whose age this is (consistency/stories.py).
    story_person: str | None = None

    @property
    def has_explicit_period(self) -> bool:
        return self.period_start is not None and not self.period_inherited

    def shown(self) -> str:
        """The quote as a reader would cite it: “over 1.7 million” (seeds/x.txt:14)."""
        return f"“{self.quote}” ({self.source}:{self.line})"


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
    low: str | None
    high: str | None
    low_open: bool
    high_open: bool
    unit: str
    attributed_to: str | None

    @classmethod
    def of(cls, record: Record, role: str, low: Decimal | None = None, high: Decimal | None = None) -> Involved:
        """`low` and `high` give the interval the rule compared, when it differs from the stated one."""
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
            low=_text(low if low is not None else record.low),
            high=_text(high if high is not None else record.high),
            low_open=record.low_open,
            high_open=record.high_open,
            unit=record.unit,
            attributed_to=record.attributed_to,
        )


@dataclass(frozen=True, slots=True)
class Discrepancy:
    fingerprint: str
    rule: str
    severity: Severity
    title: str
    explanation: str
    facts: tuple[Involved, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "severity": self.severity,
            "title": self.title,
            "explanation": self.explanation,
            "facts": [{name: getattr(involved, name) for name in Involved.__slots__} for involved in self.facts],
        }

    @property
    def sort_key(self) -> tuple[int, str, str, int, str]:
        first = self.facts[0]
        return (SEVERITY_ORDER[self.severity], self.rule, first.source, first.line, self.fingerprint)


def fingerprint(rule: str, records: Sequence[Record]) -> str:
    """Stable across re-extraction and edits elsewhere: the rule and, per claim, its source, sentence and quote."""
    parts = sorted(
        f"{record.source}\x1f{normalise(record.sentence)}\x1f{normalise(record.quote)}" for record in records
    )
    return hashlib.sha256("\x1e".join([rule, *parts]).encode()).hexdigest()[:20]


def records_from_rows(rows: Sequence[Mapping[Any, Any]]) -> list[Record]:
    """Records from fact-table rows as pandas or DuckDB give them (floats, NA, ISO date strings)."""
    return [_record(row) for row in rows]


def _record(row: Mapping[Any, Any]) -> Record:
    change = row.get("change")
    return Record(
        fact_id=str(row["fact_id"]),
        source=str(row["source"]),
        article=int(row["article"]),
        line=int(row["line"]),
        column=int(row["column"]),
        start=int(row["start"]),
        end=int(row["end"]),
        quote=str(row["quote"]),
        sentence=str(row["sentence"]),
        value=_decimal(row.get("value")),
        low=_decimal(row.get("low")),
        high=_decimal(row.get("high")),
        low_open=bool(row.get("low_open")),
        high_open=bool(row.get("high_open")),
        precision=_decimal(row.get("precision")),
        qualifier=_string(row.get("qualifier")),
        unit=str(row["unit"]),
        dimension=str(row["dimension"]),
        base_value=_decimal(row.get("base_value")),
        kind=str(row["kind"]),
        entity=_string(row.get("entity")),
        metric=str(row["metric"]),
        places=frozenset(filter(None, (_string(row.get("places")) or "").split(";"))),
        period_start=_date(row.get("period_start")),
        period_end=_date(row.get("period_end")),
        period_inherited=bool(row.get("period_inherited")),
        attributed_to=_string(row.get("attributed_to")),
        negated=bool(row.get("negated")),
        change=json.loads(change) if isinstance(change, str) and change else None,
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("", "<NA>", "nan")


def _decimal(value: object) -> Decimal | None:
    if _missing(value):
        return None
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(str(value))


def _string(value: object) -> str | None:
    return None if _missing(value) else str(value)


def _date(value: object) -> date | None:
    text = _string(value)
    return date.fromisoformat(text[:10]) if text else None


def _text(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text
