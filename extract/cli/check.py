"""`claims check`: run the consistency stage over the fact store and gate on flags without a verdict."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from rich.table import Table

from extract.cli.shared import (
    check_progress,
    check_summary,
    console,
    data_option,
    display_text,
    fail_on_option,
    plural,
    progress_bars,
    progress_option,
    rates_option,
    report_stale,
    reports_option,
)
from extract.consistency import load_options
from extract.display import display_cell
from extract.reports import github
from extract.review.verdicts import VERDICT_WORDS
from extract.run.workflow import FailOn, Outcome, check_store, gate

__all__ = ["check_command"]


@click.command(name="check")
@data_option
@reports_option
@fail_on_option
@rates_option
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json", "github"]), default="table", show_default=True,
    help="A summary table, the discrepancies as JSON, or GitHub workflow annotations and a job summary.",
)
@progress_option
def check_command(
    data_dir: Path, reports_dir: Path, fail_on: FailOn, rates: Path | None, output_format: str, progress: bool | None
) -> None:
    """Check the claims in the fact store against each other; write REPORTS/discrepancies.json.

    Rules and tolerances come from [tool.claims] in ./pyproject.toml or ./claims.toml. With --fail-on new,
    exits 1 while any flag (error or warning) has no verdict in REPORTS/reviews.toml: the CI gate. With
    --rates, amounts in different currencies are compared through that dated exchange-rate table.

    \b
    Examples:
      claims check
      claims check --fail-on new
      claims check --rates rates.csv
      claims check --format github --fail-on new    # in a GitHub Actions step
    """
    options = load_options(Path.cwd(), rates)
    with progress_bars(progress) as bar:
        outcome = check_store(data_dir, reports_dir, options, progress=check_progress(bar))
    if output_format == "json":
        click.echo(json.dumps([d.as_json() for d in outcome.discrepancies], ensure_ascii=False, indent=2))
    elif output_format == "github":
        print_github(outcome)
    else:
        print_discrepancies(outcome)
    report_stale(outcome)
    click.echo(f"claims: {check_summary(outcome)}; written to {reports_dir / 'discrepancies.json'}", err=True)
    if gate(outcome, fail_on):
        click.echo(f"claims: failing: {plural(len(outcome.unreviewed), 'flag')} without a verdict "
                   "(run `claims review`)", err=True)
        sys.exit(1)


def print_discrepancies(outcome: Outcome) -> None:
    """One table row per discrepancy: severity, rule, review status, fingerprint, title and where its quotes are."""
    decisions, changed = outcome.decisions, outcome.changed
    table = Table("severity", "rule", "status", "fingerprint", "what", "where")
    for d in outcome.discrepancies:
        where = ", ".join(sorted({f"{f.source}:{f.line}" for f in d.facts}))
        review = decisions.get(d.fingerprint)
        status = VERDICT_WORDS[review.verdict] if review else ("unreviewed" if d.severity != "note" else "note")
        if d.fingerprint in changed:
            status = f"changed since review (was {VERDICT_WORDS[changed[d.fingerprint].verdict]})"
        table.add_row(*map(display_cell, (d.severity, d.rule, status, d.fingerprint[:12], d.title, where)))
    console().print(table)


def print_github(outcome: Outcome) -> None:
    """Workflow annotations on stdout; the job summary into $GITHUB_STEP_SUMMARY when set (in Actions), else stdout."""
    report = outcome.report_input()
    for line in github.annotations(report):
        click.echo(display_text(line))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(github.job_summary(report))
    else:
        click.echo(display_text(github.job_summary(report)))
