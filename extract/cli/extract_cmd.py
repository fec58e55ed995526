"""`claims extract`: run the extraction stage over the inputs into the fact table, or check it is fresh.

Named `extract_cmd` so that the module is never mistaken for the `extract` package itself.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from extract.cli.shared import (
    extract_progress,
    input_options,
    plural,
    progress_bars,
    progress_option,
    raw_csv_option,
    warn,
    warn_skipped,
)
from extract.consistency import load_options
from extract.errors import UsageError
from extract.ingest.documents import ReadOptions
from extract.run.extraction import ExtractOptions, run_extraction
from extract.run.workflow import freshness

__all__ = ["extract_command"]


@click.command(name="extract")
@input_options
@click.option(
    "-o", "--out", "out_dir", default="data", show_default=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder for facts.csv, facts.parquet and the claims.duckdb store.",
)
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@progress_option
@click.option(
    "--check", "check_fresh", is_flag=True,
    help="Write nothing: re-extract into a temporary folder and exit 1 if OUT/facts.csv (or "
    "reports/discrepancies.json) would change.",
)
@raw_csv_option
def extract_command(
    paths: tuple[str, ...],
    text_field: str,
    id_field: str,
    segment_records: bool,
    follow_symlinks: bool,
    encoding: str,
    out_dir: Path,
    jobs: int,
    progress: bool | None,
    check_fresh: bool,
    raw_csv: bool,
) -> None:
    """Extract the numeric claims of PATHS into the fact table in OUT (default data/).

    Writes OUT/facts.csv (stable order, for git), OUT/facts.parquet and the DuckDB store OUT/claims.duckdb.
    Re-running skips input files whose content and extractor version are unchanged; the store then holds
    exactly the inputs of this run.

    \b
    Examples:
      claims extract seeds/ -o data/
      claims extract corpus.jsonl --id-field doc_id -o out/ --jobs 2
    """
    options = ExtractOptions(
        ReadOptions(text_field, id_field, follow_symlinks, encoding, warn), segment_records, jobs, raw_csv=raw_csv
    )
    if check_fresh:
        check_freshness(paths, out_dir, options)
        return
    with progress_bars(progress) as bar:
        summary = run_extraction(
            paths, out_dir, options, progress=extract_progress(bar, paths, follow_symlinks), on_skip=warn_skipped,
            on_warning=warn,
        )
    skipped_records = sum(1 for item in summary.skipped if item.is_record)
    skipped_files = len(summary.skipped) - skipped_records
    click.echo(
        f"claims: {plural(summary.inputs, 'input')} ({summary.extracted_inputs} extracted, "
        f"{summary.unchanged_inputs} unchanged, {summary.removed_inputs} removed); "
        f"{plural(summary.documents, 'document')}, {plural(summary.articles, 'article')}, "
        f"{plural(summary.facts, 'new fact')}; skipped {plural(skipped_files, 'file')} and "
        f"{plural(skipped_records, 'empty record')}; {summary.total_facts} facts in {out_dir / 'facts.csv'}",
        err=True,
    )


def check_freshness(paths: Sequence[str], out_dir: Path, options: ExtractOptions) -> None:
    """`extract --check`: say whether the committed outputs are up to date; exit 1 when they are stale."""
    if not (out_dir / "facts.csv").exists():
        raise UsageError(f"{out_dir / 'facts.csv'}: nothing committed to check; run `claims extract` first")
    result = freshness(paths, out_dir, Path("reports"), options, load_options(Path.cwd()))
    if result.fresh:
        checked = " and reports/discrepancies.json" if result.checked_discrepancies else ""
        click.echo(f"claims: {out_dir / 'facts.csv'}{checked} up to date", err=True)
        return
    click.echo(
        f"claims: stale outputs: facts.csv would gain {result.facts_added} and lose {result.facts_removed} rows; "
        f"discrepancies.json would gain {result.discrepancies_added} and lose {result.discrepancies_removed}; "
        "run `claims run` (or `claims extract` and `claims check`) and commit the result",
        err=True,
    )
    sys.exit(1)
