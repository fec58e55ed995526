"""A real `ReportInput` for report tests: the seed pages' facts and discrepancies, plus written cases."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import extract
from extract.consistency import check, records_from_rows
from extract.reports import ReportInput
from extract.review.verdicts import load_reviews
from tests.helpers import SEEDS

# Articles written for the tests, so that the reports show several rules, sources and an accepted review;
# the last one holds article text that must be escaped in HTML.
EXTRA_TEXTS = [
    "Some 30 people were killed when shells hit a UN school in Gaza.",
    "At least 43 people were killed when shells hit a UN school in Gaza.",
    "Thieves stole jewels worth $2.5 million from the Paris store.",
    "Thieves stole jewels worth $2.5 billion from the Paris store <script>alert('x')</script>.",
]


@cache
def _facts_and_discrepancies() -> tuple[object, object]:
    table = extract.facts(paths=[str(SEEDS)], texts=EXTRA_TEXTS)
    return table, check(records_from_rows(table.to_dict("records")))


def sample_input(tmp_path: Path, reviewed: int = 1) -> ReportInput:
    """The seed facts with their discrepancies; the first `reviewed` of them given a verdict."""
    table, found = _facts_and_discrepancies()
    discrepancies = list(found)  # type: ignore[call-overload]
    reviews = load_reviews(tmp_path / "reviews.toml")
    for index, discrepancy in enumerate(discrepancies[:reviewed]):
        verdict = "confirmed-error" if index == 0 else "false-alarm"
        reviews.record(discrepancy, verdict, note="checked against the article", reviewer="tester", on=date(2026, 11, 22))
    reviews.save()
    fingerprints = [d.fingerprint for d in discrepancies]
    return ReportInput(
        facts=table,  # type: ignore[arg-type]
        discrepancies=discrepancies,
        reviews=reviews.decisions(),
        stale=reviews.stale(fingerprints),
    )
