"""Reports for people and for tools, built from one `ReportInput`.

- ``reports/discrepancies.md`` (:mod:`extract.reports.markdown`): git-reviewable;
- ``reports/index.html`` (:mod:`extract.reports.html`): one self-contained page;
- ``reports/discrepancies.sarif`` (:mod:`extract.reports.sarif`): SARIF 2.1.0 for code-scanning tools;
- GitHub workflow annotations and a job summary (:mod:`extract.reports.github`).

Every renderer is a pure function of the `ReportInput`; `write_reports` writes the files atomically.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from extract.consistency import Discrepancy
from extract.review.verdicts import Review

__all__ = ["ReportInput", "Status", "needs_verdict", "status_of", "unreviewed"]

# "note": a note without a verdict. Notes say what was set aside and never need one, so they are not unreviewed.
Status = Literal["unreviewed", "confirmed-error", "accepted", "note"]


@dataclass(frozen=True)
class ReportInput:
    """What every report shows: the fact table, the discrepancies and the reviewers' decisions."""

    facts: pd.DataFrame  # the fact table's columns (extract.table.schema.COLUMNS), one row per claim
    discrepancies: Sequence[Discrepancy]  # most severe first (extract.consistency.check)
    reviews: Mapping[str, Review]  # fingerprint -> decision
    stale: Sequence[Review]  # decisions whose discrepancy no longer exists
    title: str = "claims report"
    # Flags whose figures changed since their verdict (fingerprint -> that verdict): unreviewed again.
    changed: Mapping[str, Review] = field(default_factory=dict)

    def changed_since(self, discrepancy: Discrepancy) -> Review | None:
        """The verdict given before the flag's figures changed, when they did."""
        return self.changed.get(discrepancy.fingerprint)

    def review_of(self, discrepancy: Discrepancy) -> Review | None:
        return self.reviews.get(discrepancy.fingerprint)

    def status(self, discrepancy: Discrepancy) -> Status:
        return status_of(discrepancy, self.review_of(discrepancy))

    @property
    def unreviewed(self) -> list[Discrepancy]:
        """The flags that need a verdict and have none, as every report and the CLI count them."""
        return unreviewed(self.discrepancies, self.reviews)


def needs_verdict(discrepancy: Discrepancy, review: Review | None) -> bool:
    """The one definition of "unreviewed" (CLI, gate, Markdown, HTML, SARIF): no standing verdict, and not a note.

    A note says what the rules set aside; it never fails the gate, so counting it as unreviewed would make the
    page and the CLI disagree about how much work is left.
    """
    return review is None and discrepancy.severity != "note"


def unreviewed(discrepancies: Sequence[Discrepancy], reviews: Mapping[str, Review]) -> list[Discrepancy]:
    """The flags of `discrepancies` that need a verdict, given the standing decisions by fingerprint."""
    return [d for d in discrepancies if needs_verdict(d, reviews.get(d.fingerprint))]


def status_of(discrepancy: Discrepancy, review: Review | None) -> Status:
    """Unreviewed, a note without a verdict, a confirmed error (stays visible everywhere), or accepted."""
    if review is None:
        return "unreviewed" if needs_verdict(discrepancy, review) else "note"
    return "confirmed-error" if review.verdict == "confirmed-error" else "accepted"
