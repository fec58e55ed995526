"""The `claims` command: thin wrappers over the library, one per job.

Exit status: 0 on success, 2 on a usage or input error (one line on stderr naming the file and the
problem, never a traceback).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from extract import __version__
from extract.articles import Article, segment
from extract.documents import Document, ReadOptions, Skipped, iter_inputs
from extract.errors import ClaimsError

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


def _console() -> Console:
    """Rich's console; wide when output goes to a file or pipe, so that rows stay one line each."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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
