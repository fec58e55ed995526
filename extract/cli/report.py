"""`claims report`: write the reports stage's files from the fact store and the reviewers' decisions."""

from __future__ import annotations

from pathlib import Path

import click

from extract.cli.shared import check_summary, data_option, rates_option, report_stale, reports_option
from extract.consistency import load_options
from extract.run.workflow import check_store, write_reports

__all__ = ["report_command"]


@click.command(name="report")
@data_option
@reports_option
@rates_option
def report_command(data_dir: Path, reports_dir: Path, rates: Path | None) -> None:
    """Write the reports: REPORTS/discrepancies.{json,md,sarif} and REPORTS/index.html.

    \b
    Example:
      claims report
    """
    outcome = check_store(data_dir, reports_dir, load_options(Path.cwd(), rates))
    written = write_reports(outcome, reports_dir)
    report_stale(outcome)
    click.echo(f"claims: {check_summary(outcome)}; wrote " + ", ".join(str(p) for p in written), err=True)
