"""`claims facts` and `claims query`: read the fact store, through the table stage's queries."""

from __future__ import annotations

from pathlib import Path

import click

from extract.cli.shared import data_option, format_option, print_frame, raw_csv_option
from extract.run.extraction import STORE_NAME
from extract.table.queries import OVERVIEW_COLUMNS, FactFilter, run_sql, select_facts, select_stories

__all__ = ["facts_command", "query_command", "stories_command"]


@click.command(name="query")
@click.argument("sql")
@data_option
@format_option
@raw_csv_option
def query_command(sql: str, data_dir: Path, output_format: str, raw_csv: bool) -> None:
    """Run one read-only SQL statement on the fact store (tables: facts, articles, documents, inputs, stories,
    article_stories).

    Only statements that read (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, PRAGMA table_info ...) run, and
    nothing outside the store is reachable: no other file, URL, database or extension, no setting.

    \b
    Examples:
      claims query "SELECT metric, count(*) AS n FROM facts GROUP BY metric ORDER BY n DESC"
      claims query "SELECT quote, sentence FROM facts WHERE metric = 'border.length'" --format json
    """
    print_frame(run_sql(data_dir / STORE_NAME, sql), output_format, raw_csv=raw_csv)


@click.command(name="facts")
@data_option
@format_option
@click.option("--metric", help="Only this metric, or a prefix ending in '.': casualties.")
@click.option("--place", help="Only claims about this place code (KGZ, TJK, SCO ...).")
@click.option("--source", "source_filter", help="Only sources containing this text.")
@click.option("--text", "text_filter", help="Only claims whose sentence contains this text (any case).")
@click.option("--story", "story", help="Only claims of this story (an id from `claims stories`, or its start).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@raw_csv_option
def facts_command(
    data_dir: Path,
    output_format: str,
    metric: str | None,
    place: str | None,
    source_filter: str | None,
    text_filter: str | None,
    story: str | None,
    limit: int | None,
    raw_csv: bool,
) -> None:
    """Show the fact table, filtered by metric, place, source or text.

    \b
    Examples:
      claims facts --metric border.
      claims facts --place KGZ --text killed --format json
      claims facts --story s-2ab0ba3d13
    """
    selection = FactFilter(
        metric=metric, place=place, source=source_filter, text=text_filter, story=story, limit=limit
    )
    # A terminal table has room for the overview columns only; CSV and JSON are for tools, so they get every column.
    columns = OVERVIEW_COLUMNS if output_format == "table" else None
    print_frame(select_facts(data_dir / STORE_NAME, selection, columns), output_format, raw_csv=raw_csv)


@click.command(name="stories")
@data_option
@format_option
@click.option("--all", "show_all", is_flag=True, help="Also the stories of a single article.")
@raw_csv_option
def stories_command(data_dir: Path, output_format: str, show_all: bool, raw_csv: bool) -> None:
    """List the stories of the pile: articles grouped by the event or subject they tell of, from their text.

    Figures are compared only inside one story (and a stable subject's, such as a border's length, across the
    pile). Each story shows its first and last dates, its articles and the words that link them.

    \b
    Examples:
      claims stories
      claims stories --all --format json
    """
    frame = select_stories(data_dir / STORE_NAME, several=not show_all)
    if output_format == "table":
        frame = frame.drop(columns=["members"])
    print_frame(frame, output_format, raw_csv=raw_csv)
