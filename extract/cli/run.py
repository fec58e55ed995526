"""`claims run`: the whole pipeline in one command: extract, check, report, and the CI gate."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from extract.cli.shared import (
    check_progress,
    check_summary,
    extract_progress,
    fail_on_option,
    input_options,
    plural,
    progress_bars,
    progress_option,
    rates_option,
    raw_csv_option,
    report_stale,
    reports_option,
    warn,
    warn_skipped,
)
from extract.consistency import load_options
from extract.ingest.documents import ReadOptions
from extract.run.extraction import ExtractOptions, run_extraction
from extract.run.workflow import FailOn, check_store, gate, write_reports

__all__ = ["run_command"]


@click.command(name="run")
@input_options
@click.option(
    "-o", "--out", "out_dir", default="data", show_default=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the fact table and store.",
)
@reports_option
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@fail_on_option
@rates_option
@raw_csv_option
@progress_option
def run_command(
    paths: tuple[str, ...],
    text_field: str,
    id_field: str,
    segment_records: bool,
    follow_symlinks: bool,
    encoding: str,
    out_dir: Path,
    reports_dir: Path,
    jobs: int,
    fail_on: FailOn,
    rates: Path | None,
    raw_csv: bool,
    progress: bool | None,
) -> None:
    """The whole pipeline on PATHS: extract, check, report, and a short summary.

    \b
    Examples:
      claims run seeds/
      claims run corpus.jsonl --id-field doc_id -o out/ -r out/reports --fail-on new
      claims run news/ --rates rates.csv
    """
    check_options = load_options(Path.cwd(), rates)  # a bad rate table stops the run before any extraction
    options = ExtractOptions(
        ReadOptions(text_field, id_field, follow_symlinks, encoding, warn), segment_records, jobs, raw_csv=raw_csv
    )
    with progress_bars(progress) as bar:
        summary = run_extraction(
            paths, out_dir, options, progress=extract_progress(bar, paths, follow_symlinks), on_skip=warn_skipped,
            on_warning=warn,
        )
        outcome = check_store(out_dir, reports_dir, check_options, progress=check_progress(bar))
    written = write_reports(outcome, reports_dir)
    report_stale(outcome)
    skipped_files = sum(1 for item in summary.skipped if not item.is_record)
    skipped = f", {plural(skipped_files, 'file')} skipped" if skipped_files else ""
    click.echo(
        f"claims: {plural(summary.documents, 'document')} extracted, {summary.unchanged_inputs} unchanged{skipped}; "
        f"{summary.total_facts} facts in {out_dir / 'facts.csv'}; {check_summary(outcome)}; reports in "
        f"{reports_dir}/ ({', '.join(p.name for p in written)})",
        err=True,
    )
    if gate(outcome, fail_on):
        click.echo(f"claims: failing: {plural(len(outcome.unreviewed), 'flag')} without a verdict", err=True)
        sys.exit(1)
