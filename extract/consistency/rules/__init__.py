"""The consistency rules, one module per family; each yields `Discrepancy` items for a set of claims."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final

from extract.consistency.model import Discrepancy, Record, Severity
from extract.consistency.options import CheckOptions
from extract.consistency.rules import arithmetic, complements, parts, values

__all__ = ["RULES", "severity_for"]

Rule = Callable[[Sequence[Record], CheckOptions], Iterator[Discrepancy]]

# Rule id -> the function that runs it. Several ids may share a module (a family).
RULES: Final[dict[str, Rule]] = {
    "value-conflict": values.value_conflicts,
    "scale-slip": values.scale_slips,
    "part-exceeds-whole": parts.parts_exceeding_wholes,
    "parts-sum": parts.listed_parts,
    "complement-sum": complements.complement_sums,
    "share-sum": arithmetic.share_sums,
    "change-arithmetic": arithmetic.change_arithmetic,
}


def severity_for(records: Sequence[Record]) -> Severity:
    """An error when one article contradicts itself; a warning across articles."""
    return "error" if len({(record.source, record.article) for record in records}) == 1 else "warning"
