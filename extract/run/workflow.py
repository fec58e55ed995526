"""The review loop around the fact store: check, gate, report, and check that committed outputs are fresh.

These are the library calls behind `claims check`, `claims report`, `claims run` and `claims extract --check`;
each takes its folders and options as arguments (nothing is read from the clock or the environment here).
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import pandas as pd

from extract.consistency import CheckOptions, Discrepancy, check, check_steps, records_from_rows, write_json
from extract.reports import ReportInput, unreviewed
from extract.review.verdicts import Review, Reviews, load_reviews
from extract.run.extraction import STORE_NAME, ExtractOptions, run_extraction
from extract.table.schema import atomic_path
from extract.table.store import FactStore, StoreError

__all__ = [
    "FailOn",
    "Freshness",
    "Outcome",
    "check_store",
    "freshness",
    "gate",
    "require_store",
    "reviews_path",
    "write_reports",
]

FailOn = Literal["never", "new", "error"]
REVIEWS_NAME: Final = "reviews.toml"
DISCREPANCIES_NAME: Final = "discrepancies.json"


@dataclass(frozen=True)
class Outcome:
    """A check's discrepancies with the review state of each."""

    discrepancies: list[Discrepancy]
    reviews: Reviews
    facts: pd.DataFrame

    @property
    def decisions(self) -> dict[str, Review]:
        """The decision that stands for each flag that has one, by the flag's fingerprint (a verdict carried over
        from the pair a flag is counts; one given to other members than the flag's now does not)."""
        found = {}
        for d in self.discrepancies:
            standing = self.reviews.standing(d)
            if standing.stands and standing.review is not None:
                found[d.fingerprint] = standing.review
        return found

    @property
    def changed(self) -> dict[str, Review]:
        """Flags whose figures changed since their verdict, with that earlier verdict: they need one again."""
        found = {}
        for d in self.discrepancies:
            standing = self.reviews.standing(d)
            if standing.state == "changed" and standing.review is not None:
                found[d.fingerprint] = standing.review
        return found

    @property
    def unreviewed(self) -> list[Discrepancy]:
        """Flags that need a verdict (notes never do: they say what was set aside), as every report counts them."""
        return unreviewed(self.discrepancies, self.decisions)

    @property
    def stale(self) -> list[Review]:
        return self.reviews.stale(self.discrepancies)

    def report_input(self) -> ReportInput:
        return ReportInput(
            facts=self.facts,
            discrepancies=self.discrepancies,
            reviews=self.decisions,
            stale=self.stale,
            changed=self.changed,
        )


def reviews_path(reports_dir: Path) -> Path:
    return reports_dir / REVIEWS_NAME


def check_store(
    data_dir: Path,
    reports_dir: Path,
    options: CheckOptions,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> Outcome:
    """Run the rules over the store's facts; store the discrepancies and write `discrepancies.json`.

    A folder without a store is an error (`StoreError`), never an empty store: a mistyped folder must not pass
    the gate with "0 discrepancies". `progress(step, done, total)` is called as each step starts (reading the
    store, then `check`'s steps, then writing) and once at the end.
    """
    require_store(data_dir)
    report = progress or (lambda step, done, total: None)
    total = len(check_steps(options)) + 2
    report("reading the fact store", 0, total)
    with FactStore(data_dir / STORE_NAME) as store:
        rows = store.fact_rows()
        found = check(records_from_rows(rows), options, progress=lambda step, done, _: report(step, done + 1, total))
        report("writing the discrepancies", total - 1, total)
        store.replace_discrepancies(
            [(d.fingerprint, d.rule, d.severity, d.title, d.explanation) for d in found],
            [(d.fingerprint, involved.fact_id, involved.role) for d in found for involved in d.facts],
        )
    write_json(found, reports_dir / DISCREPANCIES_NAME)
    reviews = load_reviews(reviews_path(reports_dir))
    report("done", total, total)
    return Outcome(found, reviews, pd.DataFrame.from_records(rows))


def require_store(data_dir: Path) -> Path:
    """The store of `data_dir`; `StoreError` naming the folder when there is none (and nothing is created)."""
    path = data_dir / STORE_NAME
    if path.is_file():
        return path
    missing = f"no fact store ({STORE_NAME}) in this folder" if data_dir.exists() else "no such folder, no fact store"
    raise StoreError(f"{data_dir}: {missing}; run `claims extract PATH... -o {data_dir}` first")


def gate(outcome: Outcome, fail_on: FailOn) -> bool:
    """Whether CI should fail: `new` on any flag without a verdict, `error` on any unreviewed error."""
    if fail_on == "new":
        return bool(outcome.unreviewed)
    if fail_on == "error":
        return any(d.severity == "error" for d in outcome.unreviewed)
    return False


def write_reports(outcome: Outcome, reports_dir: Path) -> list[Path]:
    """`discrepancies.md`, `index.html` and `discrepancies.sarif`, each written atomically."""
    from extract.reports.html import render_html
    from extract.reports.markdown import render_markdown
    from extract.reports.sarif import render_sarif

    report = outcome.report_input()
    written = []
    for name, content in (
        ("discrepancies.md", render_markdown(report)),
        ("index.html", render_html(report)),
        ("discrepancies.sarif", json.dumps(render_sarif(report), ensure_ascii=False, indent=2) + "\n"),
    ):
        target = reports_dir / name
        with atomic_path(target) as temporary:
            temporary.write_text(content, encoding="utf-8")
        written.append(target)
    return written


@dataclass(frozen=True)
class Freshness:
    """How the committed outputs differ from a fresh extraction of the same inputs."""

    facts_added: int
    facts_removed: int
    discrepancies_added: int
    discrepancies_removed: int
    checked_discrepancies: bool

    @property
    def fresh(self) -> bool:
        return not (self.facts_added or self.facts_removed or self.discrepancies_added or self.discrepancies_removed)


def freshness(
    paths: Sequence[str], data_dir: Path, reports_dir: Path, extract_options: ExtractOptions, options: CheckOptions
) -> Freshness:
    """Re-extract `paths` into a temporary folder and compare with `data_dir/facts.csv` and the JSON report."""
    committed_facts = data_dir / "facts.csv"
    committed_report = reports_dir / DISCREPANCIES_NAME
    with tempfile.TemporaryDirectory(prefix="claims-check-") as folder:
        scratch = Path(folder)
        run_extraction(paths, scratch / "data", extract_options)
        fresh_facts = _rows(scratch / "data" / "facts.csv")
        old_facts = _rows(committed_facts) if committed_facts.exists() else set()
        added_report = removed_report = 0
        if committed_report.exists():
            outcome = check_store(scratch / "data", scratch / "reports", options)
            fresh_report = {json.dumps(d.as_json(), sort_keys=True) for d in outcome.discrepancies}
            old_report = {
                json.dumps(item, sort_keys=True) for item in json.loads(committed_report.read_text(encoding="utf-8"))
            }
            added_report, removed_report = len(fresh_report - old_report), len(old_report - fresh_report)
    return Freshness(
        facts_added=len(fresh_facts - old_facts),
        facts_removed=len(old_facts - fresh_facts),
        discrepancies_added=added_report,
        discrepancies_removed=removed_report,
        checked_discrepancies=committed_report.exists(),
    )


def _rows(path: Path) -> set[tuple[str, ...]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {tuple(row) for row in csv.reader(handle)}
