"""What the `claims` commands share: their common options and the way they print tables and summaries.

Every command module decorates with these options, so that `-d`, `-r`, `--rates` and `--fail-on` read the
same in every command, and prints through these helpers, so that every summary line has one form.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
import pandas as pd
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from extract.display import display_cell, display_text, spreadsheet_text
from extract.ingest.documents import Skipped
from extract.run.extraction import estimate_documents
from extract.run.workflow import Outcome

__all__ = [
    "check_progress",
    "check_summary",
    "console",
    "data_option",
    "dates_as_text",
    "display_text",
    "extract_progress",
    "fail_on_option",
    "format_option",
    "input_options",
    "plural",
    "print_frame",
    "progress_bars",
    "progress_option",
    "rates_option",
    "raw_csv_option",
    "report_stale",
    "reports_option",
    "warn",
    "warn_skipped",
]

F = TypeVar("F", bound=Callable[..., Any])


def input_options(command: F) -> F:
    """The options every command that reads articles shares."""
    decorators = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str)),
        click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field holding the text."),
        click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field naming each record."),
        click.option(
            "--segment/--no-segment",
            "segment_records",
            default=False,
            help="Split JSONL/CSV records into articles like scraped pages (default: a record is one article).",
        ),
        click.option(
            "--follow-symlinks", is_flag=True,
            help="Read what a symbolic link in a folder points to even outside PATHS (by default such a link is "
            "skipped with a warning).",
        ),
        click.option(
            "--encoding", default="utf-8", show_default=True, metavar="NAME|auto",
            help="Text encoding of the input files: a Python codec name (latin-1, cp1252, utf-16 ...), or auto to "
            "detect it per file (with a warning naming it when it is not UTF-8).",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def reports_option(command: F) -> F:
    """`-r/--reports`: the folder of the reports and of reviews.toml."""
    return click.option(
        "-r", "--reports", "reports_dir", default="reports", show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder for the reports and reviews.toml.",
    )(command)


def data_option(command: F) -> F:
    """`-d/--data`: the folder of the fact store a command reads."""
    return click.option(
        "-d", "--data", "data_dir", default="data", show_default=True,
        type=click.Path(file_okay=False, path_type=Path), help="Folder holding the claims.duckdb store.",
    )(command)


def rates_option(command: F) -> F:
    """`--rates FILE`: a dated exchange-rate table, overriding the one named in [tool.claims]."""
    return click.option(
        "--rates", "rates", default=None, metavar="FILE", type=click.Path(path_type=Path),
        help="A dated exchange-rate table (CSV: date,base,quote,rate) for comparing amounts in different "
        "currencies; instead of exchange_rates in [tool.claims].",
    )(command)


def fail_on_option(command: F) -> F:
    """`--fail-on`: which flags without a verdict make the command exit 1 (the CI gate)."""
    return click.option(
        "--fail-on", type=click.Choice(["never", "new", "error"]), default="never", show_default=True,
        help="Exit 1 when a flag has no verdict (new) or an error has none (error).",
    )(command)


def format_option(command: F) -> F:
    """`--format table/csv/json` of the commands that print rows of the store."""
    return click.option(
        "--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
        show_default=True, help="A table for the terminal, CSV or JSON records.",
    )(command)


def raw_csv_option(command: F) -> F:
    """`--raw-csv`: CSV text cells as they are, even those a spreadsheet would run as formulas."""
    return click.option(
        "--raw-csv", is_flag=True,
        help="Write CSV text cells that start with = + - @ as they are (by default a ' is put before them, so "
        "that a spreadsheet does not run them as formulas).",
    )(command)


def progress_option(command: F) -> F:
    """`--progress/--no-progress`: bars on stderr; by default only when stderr is a terminal."""
    return click.option(
        "--progress/--no-progress", default=None,
        help="Show progress bars on stderr (default: when stderr is a terminal).",
    )(command)


@contextmanager
def progress_bars(show: bool | None) -> Iterator[Progress]:
    """Rich progress bars on stderr, with counts, elapsed time and ETA; disabled (drawing nothing) when not shown."""
    visible = sys.stderr.isatty() if show is None else show
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TaskProgressColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), disable=not visible,
    ) as bar:
        yield bar
        # The document count is an upper estimate (empty records, CSV rows over several lines): done is done.
        for task in bar.tasks:
            if task.total is None or task.completed < task.total:
                bar.update(task.id, total=task.completed)


def extract_progress(bar: Progress, paths: Sequence[str], follow_symlinks: bool) -> Callable[[int], None] | None:
    """A `run_extraction` callback that advances a bar of documents, or None when `bar` is not shown.

    The estimate walks every input and counts the lines of JSONL/CSV files: only worth it for a visible bar.
    """
    if bar.disable:
        return None
    task = bar.add_task("extracting", total=estimate_documents(paths, follow_symlinks=follow_symlinks))
    return lambda done: bar.advance(task, done)


def check_progress(bar: Progress) -> Callable[[str, int, int], None]:
    """A `check_store` progress callback that draws one bar of its steps on `bar`."""
    task: TaskID | None = None

    def step(name: str, done: int, total: int) -> None:
        nonlocal task
        if task is None:
            task = bar.add_task("checking", total=total)
        bar.update(task, description=f"checking: {name}", completed=done, total=total)

    return step


def console() -> Console:
    """Rich's console; wide when output goes to a file or pipe, so that rows stay one line each."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def plural(count: int, noun: str) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one: "1 file", "2 discrepancies"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


def warn_skipped(item: Skipped) -> None:
    """Warn on stderr about a skipped file; skipped records are only counted, as there may be thousands."""
    if not item.is_record:
        click.echo(display_text(f"claims: warning: {item.source}: skipped: {item.reason}"), err=True)


def warn(message: str) -> None:
    """One warning line on stderr."""
    click.echo(display_text(f"claims: warning: {message}"), err=True)


def check_summary(outcome: Outcome) -> str:
    """How many discrepancies of each severity a check found, and how many have no verdict."""
    counts = Counter(d.severity for d in outcome.discrepancies)
    levels = ", ".join(plural(counts[level], level) for level in ("error", "warning", "note") if counts[level])
    found = plural(len(outcome.discrepancies), "discrepancy") + (f" ({levels})" if levels else "")
    return f"{found}; {len(outcome.unreviewed)} without a verdict"


def report_stale(outcome: Outcome) -> None:
    """Warn about each decision whose discrepancy no longer exists; only `review --prune-stale` removes it."""
    for review in outcome.stale:
        click.echo(
            display_text(
                f"claims: warning: stale decision {review.fingerprint} ({review.rule}: {review.title}): its "
                "discrepancy no longer exists; remove it with `claims review --prune-stale`"
            ),
            err=True,
        )


def print_frame(frame: pd.DataFrame, output_format: str, *, raw_csv: bool = False) -> None:
    """Print rows of the store as JSON records, CSV, or a table with a row count on stderr.

    CSV text cells that start like a formula get a `'` before them unless `raw_csv` (see `spreadsheet_text`).
    """
    frame = dates_as_text(frame)
    if output_format == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, indent=2))
    elif output_format == "csv":
        if not raw_csv:
            frame = frame.copy()
            for name in frame.select_dtypes(include=["object", "string"]).columns:  # numbers keep their sign
                frame[name] = frame[name].map(lambda cell: spreadsheet_text(cell) if isinstance(cell, str) else cell)
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
    else:
        table = Table()
        for name in frame.columns:
            table.add_column(display_cell(name))  # a column name is the user's SQL, an alias may hold anything
        for row in frame.itertuples(index=False):
            table.add_row(*[display_cell("" if pd.isna(value) else value) for value in row])
        console().print(table)
        click.echo(f"claims: {plural(len(frame), 'row')}", err=True)


def dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its date and time columns as ISO text: "2021-12-31" for a date, with the time when it has one.

    DuckDB's DATE columns reach pandas as timestamps, which JSON would write as epoch milliseconds and a table
    with a midnight time; the fact table's dates are ISO dates everywhere else.

    >>> frame = pd.DataFrame({"period_end": pd.to_datetime(["2021-12-31", None]), "n": [1, 2]})
    >>> dates_as_text(frame).to_dict("records")
    [{'period_end': '2021-12-31', 'n': 1}, {'period_end': None, 'n': 2}]
    """
    converted = frame.copy()
    for name in frame.columns:
        column = frame[name]
        if not pd.api.types.is_datetime64_any_dtype(column):
            continue
        present = column.dropna()
        dates_only = bool((present == present.dt.normalize()).all())
        text = column.dt.strftime("%Y-%m-%d") if dates_only else column.map(lambda stamp: stamp.isoformat())
        converted[name] = text.astype(object).where(column.notna(), None)
    return converted
