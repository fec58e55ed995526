"""`claims articles`: the articles the ingest stage finds in the inputs, as a table or JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import click
from rich.table import Table

from extract.cli.shared import console, display_text, input_options, plural, warn, warn_skipped
from extract.display import display_cell
from extract.ingest.articles import Article, segment
from extract.ingest.documents import Document, ReadOptions, Skipped, iter_files, read_input

__all__ = ["articles_command"]


@dataclass
class InputTally:
    """What was read and what was skipped, for the summary line."""

    files: set[str] = field(default_factory=set)
    documents: int = 0
    skipped_files: Counter[str] = field(default_factory=Counter)
    skipped_records: Counter[str] = field(default_factory=Counter)

    def summary(self, articles: int) -> str:
        parts = [plural(len(self.files), "file"), plural(self.documents, "document"), plural(articles, "article")]
        for label, counter in (("file", self.skipped_files), ("record", self.skipped_records)):
            if counter:
                reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(counter.items()))
                parts.append(f"skipped {plural(sum(counter.values()), label)} ({reasons})")
        return "read " + "; ".join(parts)

    def skip(self, item: Skipped) -> None:
        """Count a skipped file or record; warn on stderr about a file."""
        if item.is_record:
            self.skipped_records[item.reason] += 1
        else:
            # Count by the kind of problem ("binary file"), not by its details, so that the summary stays short.
            self.skipped_files[item.reason.split(" (")[0].split(";")[0]] += 1
            warn_skipped(item)


def read_articles(
    paths: Sequence[str], options: ReadOptions, segment_records: bool, tally: InputTally
) -> Iterator[dict[str, Any]]:
    """The rows (`article_row`) of the articles in `paths`; warns on stderr about each skipped file.

    A file's rows are held until it has been read to its end: a file of a folder walk that turns out bad part
    way is skipped whole, as the extraction skips it.
    """
    for entry in iter_files(paths, follow_symlinks=options.follow_symlinks):
        if isinstance(entry, Skipped):
            tally.skip(entry)
            continue
        held: list[dict[str, Any]] = []
        documents = 0
        faulty = False
        for item in read_input(entry[0], options, named=entry[1]):
            if isinstance(item, Skipped):
                tally.skip(item)
                faulty = faulty or not item.is_record
                continue
            documents += 1
            held.extend(article_row(item, article) for article in segment(item, records_as_pages=segment_records))
        if not faulty:
            tally.files.add(entry[0].as_posix())
            tally.documents += documents
            yield from held


@click.command(name="articles")
@input_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for the terminal, or a JSON list of objects.",
)
def articles_command(
    paths: tuple[str, ...],
    text_field: str,
    id_field: str,
    segment_records: bool,
    follow_symlinks: bool,
    encoding: str,
    output_format: str,
) -> None:
    """List the articles found in PATHS (files or directories of .txt, .md, .html, .jsonl, .csv).

    \b
    Examples:
      claims articles seeds/
      claims articles seeds/000_de64a30cb4f39542.txt --format json
      claims articles corpus.jsonl --text-field body --id-field doc_id
    """
    tally = InputTally()
    read = ReadOptions(text_field, id_field, follow_symlinks, encoding, warn)
    rows = list(read_articles(paths, read, segment_records, tally))
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        table = Table("source", "#", "title", "author", "start", "end", "line")
        for row in rows:
            table.add_row(*map(display_cell, (
                row["source"], row["index"], row["title"] or "", row["author"] or "", row["start"], row["end"],
                row["line"],
            )))
        console().print(table)
    click.echo(display_text(f"claims: {tally.summary(len(rows))}"), err=True)


def article_row(document: Document, article: Article) -> dict[str, Any]:
    """One article as the JSON object `claims articles --format json` prints (documented in the README)."""
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
