"""`claims report`: write the reports stage's files from the fact store and the reviewers' decisions."""

from __future__ import annotations

from pathlib import Path

import click

from extract.cli.shared import (
    check_progress,
    check_summary,
    data_option,
    progress_bars,
    progress_option,
    rates_option,
    report_stale,
    reports_option,
)
from extract.consistency import load_options
from extract.run.workflow import check_store, write_reports

__all__ = ["report_command"]


@click.command(name="report")
@data_option
@reports_option
@rates_option
@progress_option
def report_command(data_dir: Path, reports_dir: Path, rates: Path | None, progress: bool | None) -> None:
    """Write the reports: REPORTS/discrepancies.{json,md,sarif} and REPORTS/index.html.

    \b
    Example:
      claims report
    """
    options = load_options(Path.cwd(), rates)
    with progress_bars(progress) as bar:
        outcome = check_store(data_dir, reports_dir, options, progress=check_progress(bar))
    written = write_reports(outcome, reports_dir)
    report_stale(outcome)
    click.echo(f"claims: {check_summary(outcome)}; wrote " + ", ".join(str(p) for p in written), err=True)
