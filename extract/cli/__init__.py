"""The `claims` command: thin wrappers over the library, one per job.

Exit status: 0 on success, 2 on a usage or input error (one line on stderr naming the file and the
problem, never a traceback).
"""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click
import duckdb
import pandas as pd
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from extract import __version__
from extract.consistency import Discrepancy, load_options
from extract.errors import ClaimsError, UsageError
from extract.ingest.articles import Article, segment
from extract.ingest.documents import Document, ReadOptions, Skipped, iter_inputs
from extract.review.terminal import walk
from extract.review.verdicts import VERDICT_WORDS, VERDICTS
from extract.run.extraction import STORE_NAME, ExtractOptions, estimate_documents, run_extraction
from extract.run.workflow import FailOn, Outcome, check_store, freshness, gate, write_reports
from extract.table.store import FACT_ORDER, FactStore

__all__ = ["main"]

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
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


@dataclass
class InputTally:
    """What was read and what was skipped, for the summary line."""

    files: set[str] = field(default_factory=set)
    documents: int = 0
    skipped_files: Counter[str] = field(default_factory=Counter)
    skipped_records: Counter[str] = field(default_factory=Counter)

    def summary(self, articles: int) -> str:
        parts = [_plural(len(self.files), "file"), _plural(self.documents, "document"), _plural(articles, "article")]
        for label, counter in (("file", self.skipped_files), ("record", self.skipped_records)):
            if counter:
                reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(counter.items()))
                parts.append(f"skipped {_plural(sum(counter.values()), label)} ({reasons})")
        return "read " + "; ".join(parts)


def read_articles(
    paths: Sequence[str], options: ReadOptions, segment_records: bool, tally: InputTally
) -> Iterator[tuple[Document, list[Article]]]:
    """Documents with their articles; warns on stderr about each skipped file."""
    for item in iter_inputs(paths, options):
        if isinstance(item, Skipped):
            if item.is_record:
                tally.skipped_records[item.reason] += 1
            else:
                tally.skipped_files[item.reason.split(" (")[0].split(";")[0]] += 1
                click.echo(f"claims: warning: {item.source}: skipped: {item.reason}", err=True)
            continue
        tally.files.add(item.path)
        tally.documents += 1
        yield item, segment(item, records_as_pages=segment_records)


class ClaimsGroup(click.Group):
    """A group whose errors are one line: `claims: error: ...`, exit status 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.Abort:
            click.echo("claims: aborted", err=True)
            sys.exit(130)
        except click.ClickException as error:
            where = f"{error.ctx.command_path}: " if getattr(error, "ctx", None) else ""  # type: ignore[attr-defined]
            click.echo(f"claims: error: {where}{error.format_message()}", err=True)
            sys.exit(2)
        except ClaimsError as error:
            click.echo(f"claims: error: {error}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=ClaimsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="claims", message="%(prog)s %(version)s")
def cli() -> None:
    """Pull numeric claims out of news text into a sourced fact table, and check them against each other.

    \b
    Example:
      claims articles seeds/
    """


@cli.command()
@input_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for the terminal, or a JSON list of objects.",
)
def articles(
    paths: tuple[str, ...], text_field: str, id_field: str, segment_records: bool, output_format: str
) -> None:
    """List the articles found in PATHS (files or directories of .txt, .md, .html, .jsonl, .csv).

    \b
    Examples:
      claims articles seeds/
      claims articles seeds/000_de64a30cb4f39542.txt --format json
      claims articles corpus.jsonl --text-field body --id-field doc_id
    """
    tally = InputTally()
    rows = [
        _article_row(document, article)
        for document, found in read_articles(paths, ReadOptions(text_field, id_field), segment_records, tally)
        for article in found
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        table = Table("source", "#", "title", "author", "start", "end", "line")
        for row in rows:
            table.add_row(
                row["source"], str(row["index"]), row["title"] or "", row["author"] or "",
                str(row["start"]), str(row["end"]), str(row["line"]),
            )
        _console().print(table)
    click.echo(f"claims: {tally.summary(len(rows))}", err=True)


@cli.command()
@input_options
@click.option(
    "-o", "--out", "out_dir", default="data", show_default=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder for facts.csv, facts.parquet and the claims.duckdb store.",
)
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@click.option(
    "--check", "check_fresh", is_flag=True,
    help="Write nothing: re-extract into a temporary folder and exit 1 if OUT/facts.csv (or "
    "reports/discrepancies.json) would change.",
)
def extract(
    paths: tuple[str, ...],
    text_field: str,
    id_field: str,
    segment_records: bool,
    out_dir: Path,
    jobs: int,
    progress: bool | None,
    check_fresh: bool,
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
    options = ExtractOptions(ReadOptions(text_field, id_field), segment_records, jobs)
    if check_fresh:
        _check_freshness(paths, out_dir, options)
        return
    show = sys.stderr.isatty() if progress is None else progress
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TaskProgressColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), disable=not show, transient=False,
    ) as bar:
        task = bar.add_task("extracting", total=estimate_documents(paths) if show else None)
        summary = run_extraction(
            paths, out_dir, options,
            progress=lambda done: bar.advance(task, done),
            on_skip=lambda item: None if item.is_record else click.echo(
                f"claims: warning: {item.source}: skipped: {item.reason}", err=True
            ),
        )
    skipped_records = sum(1 for item in summary.skipped if item.is_record)
    skipped_files = len(summary.skipped) - skipped_records
    click.echo(
        f"claims: {_plural(summary.inputs, 'input')} ({summary.extracted_inputs} extracted, "
        f"{summary.unchanged_inputs} unchanged, {summary.removed_inputs} removed); "
        f"{_plural(summary.documents, 'document')}, {_plural(summary.articles, 'article')}, "
        f"{_plural(summary.facts, 'new fact')}; skipped {_plural(skipped_files, 'file')} and "
        f"{_plural(skipped_records, 'empty record')}; {summary.total_facts} facts in {out_dir / 'facts.csv'}",
        err=True,
    )


def _check_freshness(paths: Sequence[str], out_dir: Path, options: ExtractOptions) -> None:
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


def reports_option(command: F) -> F:
    return click.option(
        "-r", "--reports", "reports_dir", default="reports", show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder for the reports and reviews.toml.",
    )(command)


def data_option(command: F) -> F:
    return click.option(
        "-d", "--data", "data_dir", default="data", show_default=True,
        type=click.Path(file_okay=False, path_type=Path), help="Folder holding the claims.duckdb store.",
    )(command)


def rates_option(command: F) -> F:
    return click.option(
        "--rates", "rates", default=None, metavar="FILE", type=click.Path(path_type=Path),
        help="A dated exchange-rate table (CSV: date,base,quote,rate) for comparing amounts in different "
        "currencies; instead of exchange_rates in [tool.claims].",
    )(command)


def fail_on_option(command: F) -> F:
    return click.option(
        "--fail-on", type=click.Choice(["never", "new", "error"]), default="never", show_default=True,
        help="Exit 1 when a flag has no verdict (new) or an error has none (error).",
    )(command)


@cli.command(name="check")
@data_option
@reports_option
@fail_on_option
@rates_option
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json", "github"]), default="table", show_default=True,
    help="A summary table, the discrepancies as JSON, or GitHub workflow annotations and a job summary.",
)
def check_command(
    data_dir: Path, reports_dir: Path, fail_on: FailOn, rates: Path | None, output_format: str
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
    outcome = check_store(data_dir, reports_dir, load_options(Path.cwd(), rates))
    if output_format == "json":
        click.echo(json.dumps([d.as_json() for d in outcome.discrepancies], ensure_ascii=False, indent=2))
    elif output_format == "github":
        _github(outcome)
    else:
        _print_discrepancies(outcome)
    _report_stale(outcome)
    click.echo(f"claims: {_check_summary(outcome)}; written to {reports_dir / 'discrepancies.json'}", err=True)
    if gate(outcome, fail_on):
        click.echo(f"claims: failing: {_plural(len(outcome.unreviewed), 'flag')} without a verdict "
                   "(run `claims review`)", err=True)
        sys.exit(1)


def _print_discrepancies(outcome: Outcome) -> None:
    decisions = outcome.decisions
    table = Table("severity", "rule", "status", "fingerprint", "what", "where")
    for d in outcome.discrepancies:
        where = ", ".join(sorted({f"{f.source}:{f.line}" for f in d.facts}))
        review = decisions.get(d.fingerprint)
        status = VERDICT_WORDS[review.verdict] if review else ("unreviewed" if d.severity != "note" else "note")
        table.add_row(d.severity, d.rule, status, d.fingerprint[:12], d.title, where)
    _console().print(table)


def _check_summary(outcome: Outcome) -> str:
    counts = Counter(d.severity for d in outcome.discrepancies)
    levels = ", ".join(_plural(counts[level], level) for level in ("error", "warning", "note") if counts[level])
    found = _plural(len(outcome.discrepancies), "discrepancy") + (f" ({levels})" if levels else "")
    return f"{found}; {len(outcome.unreviewed)} without a verdict"


def _report_stale(outcome: Outcome) -> None:
    for review in outcome.stale:
        click.echo(
            f"claims: warning: stale decision {review.fingerprint} ({review.rule}: {review.title}): its discrepancy "
            "no longer exists; remove it with `claims review --prune-stale`",
            err=True,
        )


def _github(outcome: Outcome) -> None:
    from extract.reports.github import annotations, job_summary

    report = outcome.report_input()
    for line in annotations(report):
        click.echo(line)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(job_summary(report))
    else:
        click.echo(job_summary(report))


@cli.command()
@data_option
@reports_option
@click.option("--fingerprint", "fingerprints", multiple=True, help="Review this discrepancy (a prefix will do).")
@click.option("--all-unreviewed", is_flag=True, help="Review every discrepancy without a verdict.")
@click.option("--verdict", type=click.Choice(list(VERDICTS)), help="Record this verdict without asking.")
@click.option("--note", default="", help="A note to keep with the verdict.")
@click.option("--reviewer", help="Who decides (default: $CLAIMS_REVIEWER, git user.name, or the login name).")
@click.option("--replace", is_flag=True, help="Replace an existing decision of a selected discrepancy.")
@click.option("--prune-stale", is_flag=True, help="Remove decisions whose discrepancy no longer exists.")
@rates_option
def review(
    data_dir: Path,
    reports_dir: Path,
    fingerprints: tuple[str, ...],
    all_unreviewed: bool,
    verdict: str | None,
    note: str,
    reviewer: str | None,
    replace: bool,
    prune_stale: bool,
    rates: Path | None,
) -> None:
    """Record a verdict on each flagged discrepancy, in REPORTS/reviews.toml.

    Without --verdict, walks the unreviewed flags in the terminal, their quotes side by side. With --verdict,
    records it for the discrepancies chosen by --fingerprint or --all-unreviewed, without asking.

    \b
    Examples:
      claims review
      claims review --fingerprint e5d8842c --verdict confirmed-error --note "the article contradicts itself"
      claims review --all-unreviewed --verdict false-alarm --reviewer ci-bot
      claims review --prune-stale
    """
    outcome = check_store(data_dir, reports_dir, load_options(Path.cwd(), rates))
    reviews = outcome.reviews
    who = reviewer or _reviewer()
    today = date.today()
    if prune_stale:
        removed = reviews.prune_stale(d.fingerprint for d in outcome.discrepancies)
        reviews.save()
        click.echo(f"claims: removed {_plural(len(removed), 'stale decision')}", err=True)
        if not (verdict or fingerprints or all_unreviewed):
            return
    selected = _select(outcome, fingerprints, all_unreviewed, replace)
    if verdict is None:
        pending = selected if fingerprints or all_unreviewed else outcome.unreviewed
        if not pending:
            click.echo("claims: nothing to review", err=True)
            return
        if not sys.stdin.isatty():
            raise UsageError("no terminal to ask in: give --verdict with --fingerprint or --all-unreviewed")
        decided, skipped = walk(
            _console(), pending, reviews, lambda prompt, default: str(click.prompt(prompt, default=default)),
            who, today,
        )
        click.echo(f"claims: {decided} decided, {skipped} skipped; saved to {reviews.path}", err=True)
        return
    if not selected:
        raise UsageError("choose what to review: --fingerprint FP or --all-unreviewed")
    for discrepancy in selected:
        reviews.record(discrepancy, verdict, note=note, reviewer=who, on=today, replace=replace)
    reviews.save()
    click.echo(f"claims: recorded {verdict} for {_plural(len(selected), 'discrepancy')} in {reviews.path}", err=True)


def _select(
    outcome: Outcome, fingerprints: tuple[str, ...], all_unreviewed: bool, replace: bool
) -> list[Discrepancy]:
    chosen: list[Discrepancy] = list(outcome.unreviewed) if all_unreviewed else []
    for prefix in fingerprints:
        matches = [d for d in outcome.discrepancies if d.fingerprint.startswith(prefix)]
        if not matches:
            raise UsageError(f"no discrepancy has the fingerprint {prefix!r} (see `claims check`)")
        if len(matches) > 1:
            raise UsageError(f"the fingerprint prefix {prefix!r} is ambiguous: give more of it")
        if matches[0].fingerprint in outcome.reviews and not replace:
            raise UsageError(f"{matches[0].fingerprint} already has a decision; use --replace to change it")
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def _reviewer() -> str:
    named = os.environ.get("CLAIMS_REVIEWER")
    if named:
        return named
    try:
        done = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except OSError:
        pass
    return getpass.getuser()


@cli.command()
@data_option
@reports_option
@rates_option
def report(data_dir: Path, reports_dir: Path, rates: Path | None) -> None:
    """Write the reports: REPORTS/discrepancies.{json,md,sarif} and REPORTS/index.html.

    \b
    Example:
      claims report
    """
    outcome = check_store(data_dir, reports_dir, load_options(Path.cwd(), rates))
    written = write_reports(outcome, reports_dir)
    _report_stale(outcome)
    click.echo(f"claims: {_check_summary(outcome)}; wrote " + ", ".join(str(p) for p in written), err=True)


@cli.command()
@input_options
@click.option(
    "-o", "--out", "out_dir", default="data", show_default=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the fact table and store.",
)
@reports_option
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@fail_on_option
@rates_option
def run(
    paths: tuple[str, ...],
    text_field: str,
    id_field: str,
    segment_records: bool,
    out_dir: Path,
    reports_dir: Path,
    jobs: int,
    fail_on: FailOn,
    rates: Path | None,
) -> None:
    """The whole pipeline on PATHS: extract, check, report, and a short summary.

    \b
    Examples:
      claims run seeds/
      claims run corpus.jsonl --id-field doc_id -o out/ -r out/reports --fail-on new
      claims run news/ --rates rates.csv
    """
    check_options = load_options(Path.cwd(), rates)  # a bad rate table stops the run before any extraction
    options = ExtractOptions(ReadOptions(text_field, id_field), segment_records, jobs)
    summary = run_extraction(
        paths, out_dir, options,
        on_skip=lambda item: None if item.is_record else click.echo(
            f"claims: warning: {item.source}: skipped: {item.reason}", err=True
        ),
    )
    outcome = check_store(out_dir, reports_dir, check_options)
    written = write_reports(outcome, reports_dir)
    _report_stale(outcome)
    click.echo(
        f"claims: {_plural(summary.documents, 'document')} extracted, {summary.unchanged_inputs} unchanged; "
        f"{summary.total_facts} facts in {out_dir / 'facts.csv'}; {_check_summary(outcome)}; reports in "
        f"{reports_dir}/ ({', '.join(p.name for p in written)})",
        err=True,
    )
    if gate(outcome, fail_on):
        click.echo(f"claims: failing: {_plural(len(outcome.unreviewed), 'flag')} without a verdict", err=True)
        sys.exit(1)


def format_option(command: F) -> F:
    return click.option(
        "--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
        show_default=True, help="A table for the terminal, CSV or JSON records.",
    )(command)


@cli.command()
@click.argument("sql")
@data_option
@format_option
def query(sql: str, data_dir: Path, output_format: str) -> None:
    """Run read-only SQL on the fact store (tables: facts, articles, documents, inputs).

    \b
    Examples:
      claims query "SELECT metric, count(*) AS n FROM facts GROUP BY metric ORDER BY n DESC"
      claims query "SELECT quote, sentence FROM facts WHERE metric = 'border.length'" --format json
    """
    with FactStore(data_dir / STORE_NAME, read_only=True) as store:
        try:
            frame = store.connection.sql(sql).df()
        except duckdb.Error as error:
            raise UsageError(f"SQL error: {' '.join(str(error).split())}") from None
        except AttributeError:  # a statement without a result, such as SET
            raise UsageError("SQL error: the statement returns no rows") from None
    _print_frame(frame, output_format)


@cli.command(name="facts")
@data_option
@format_option
@click.option("--metric", help="Only this metric, or a prefix ending in '.': casualties.")
@click.option("--place", help="Only claims about this place code (KGZ, TJK, SCO ...).")
@click.option("--source", "source_filter", help="Only sources containing this text.")
@click.option("--text", "text_filter", help="Only claims whose sentence contains this text (any case).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
def facts_command(
    data_dir: Path,
    output_format: str,
    metric: str | None,
    place: str | None,
    source_filter: str | None,
    text_filter: str | None,
    limit: int | None,
) -> None:
    """Show the fact table, filtered by metric, place, source or text.

    \b
    Examples:
      claims facts --metric border.
      claims facts --place KGZ --text killed --format json
    """
    conditions, parameters = [], []
    if metric:
        conditions.append("starts_with(metric, ?)" if metric.endswith(".") else "metric = ?")
        parameters.append(metric)
    if place:
        conditions.append("list_contains(string_split(coalesce(places, ''), ';'), ?)")
        parameters.append(place.upper())
    if source_filter:
        conditions.append("contains(source, ?)")
        parameters.append(source_filter)
    if text_filter:
        conditions.append("contains(lower(sentence), lower(?))")
        parameters.append(text_filter)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    columns = "source, line, quote, value, unit, metric, entity, places, period_start, period_end, attributed_to"
    if output_format != "table":
        columns = "*"
    sql = f"SELECT {columns} FROM facts {where} ORDER BY {FACT_ORDER}" + (f" LIMIT {limit}" if limit else "")
    with FactStore(data_dir / STORE_NAME, read_only=True) as store:
        frame = store.connection.execute(sql, parameters).df()
    _print_frame(frame, output_format)


def _print_frame(frame: pd.DataFrame, output_format: str) -> None:
    if output_format == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, indent=2))
    elif output_format == "csv":
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
    else:
        table = Table(*[str(name) for name in frame.columns])
        for row in frame.itertuples(index=False):
            table.add_row(*["" if pd.isna(value) else str(value) for value in row])
        _console().print(table)
        click.echo(f"claims: {_plural(len(frame), 'row')}", err=True)


def _console() -> Console:
    """Rich's console; wide when output goes to a file or pipe, so that rows stay one line each."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


def _article_row(document: Document, article: Article) -> dict[str, Any]:
    line, column = document.position(article.start)
    return {
        "source": article.source,
        "index": article.index,
        "layout": article.layout,
        "title": article.title,
        "subtitle": article.subtitle.text if article.subtitle else None,
        "author": article.author,
        "date": article.date,
        "url": article.url,
        "start": article.start,
        "end": article.end,
        "title_start": article.title_span.start if article.title_span else None,
        "title_end": article.title_span.end if article.title_span else None,
        "line": line,
        "column": column,
        "chars": article.end - article.start,
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `claims` console script and of `python -m extract`."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="claims")
