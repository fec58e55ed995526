"""The extraction job: inputs → documents → articles → claims → the fact store and its exported tables.

Work is done per input file. A file whose content hash and extractor version (package version plus a hash
of every lexicon file) match what the store recorded is skipped without reading it further; any other file
has its old rows dropped and is extracted again, so there are never duplicates. Inputs that were in the
store but are not among this run's inputs are dropped too: the store always reflects the inputs of the
latest run. A file of a folder walk that turns out bad (see `iter_inputs`) is skipped whole, its rows dropped
even when the fault comes after some of its records, and it is not recorded, so the next run reads and warns
about it again. Documents are processed in batches (in parallel with `jobs` > 1, in input order either way), so
the output is identical whatever the number of jobs and memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from itertools import islice
from pathlib import Path
from typing import Final, Never

import pandas as pd

from extract import __version__
from extract.errors import InputError
from extract.ingest.articles import Article, segment
from extract.ingest.documents import (
    FORMATS,
    Document,
    ReadOptions,
    Skipped,
    iter_files,
    iter_inputs,
    read_input,
    source_name,
)
from extract.readers.claims import OutOfTime, facts_of_article
from extract.readers.periods import parse_reference_date
from extract.stories import Story, StoryArticle, StoryOptions, group_stories
from extract.table.schema import Fact, facts_frame
from extract.table.store import EXTRACT_MEMORY_LIMIT, FactStore, InputState, StoreDamaged, set_aside

__all__ = [
    "ExtractOptions",
    "ExtractSummary",
    "TimeBudget",
    "estimate_documents",
    "extract_document",
    "extractor_version",
    "facts",
    "lexicon_digest",
    "run_extraction",
    "with_stories",
]

BATCH_DOCUMENTS: Final = 256
STORE_NAME: Final = "claims.duckdb"


@dataclass(frozen=True, slots=True)
class TimeBudget:
    """The CPU time a document may take: `base_seconds` plus a second for every `chars_per_second` characters.

    News text reads at about 100,000 characters a CPU-second; the default allows a twentieth of that, so only a
    document built to be slow (tens of thousands of figures in one run-on line) is refused.
    """

    base_seconds: float = 10.0
    chars_per_second: float = 5000.0

    def seconds_for(self, characters: int) -> float:
        return self.base_seconds + characters / self.chars_per_second


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    segment_records: bool = False
    jobs: int = 1
    stories: StoryOptions = field(default_factory=StoryOptions)
    time_budget: TimeBudget = field(default_factory=TimeBudget)
    raw_csv: bool = False  # facts.csv keeps text cells that start like a formula as they are (see FactStore.export)


@dataclass
class ExtractSummary:
    """What a run did, for the closing line and for tests."""

    inputs: int = 0  # files taken in: extracted or unchanged (the skipped ones are in `skipped`)
    extracted_inputs: int = 0
    unchanged_inputs: int = 0
    removed_inputs: int = 0
    documents: int = 0
    articles: int = 0
    facts: int = 0
    total_facts: int = 0
    skipped: list[Skipped] = field(default_factory=list)


# The folders whose code decides what a fact row holds: a change to any of them re-extracts.
EXTRACTION_STAGES: Final = ("ingest", "grammar", "readers", "table")


@cache
def extractor_version() -> str:
    """The package version, a hash of every lexicon and one of the extraction code: a change means re-extraction.

    The code hash covers the modules of the extraction stages (ingest, grammar, readers, the fact table's schema),
    so that a fix to the grammar re-extracts even before the version is bumped.
    """
    package = files("extract")
    code = hashlib.sha256()
    for stage in EXTRACTION_STAGES:
        folder = package.joinpath(stage)
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            if entry.is_file() and entry.name.endswith(".py"):
                code.update(f"{stage}/{entry.name}".encode())
                code.update(entry.read_bytes())
    return f"{__version__}+{lexicon_digest(package.joinpath('lexicons'))}.{code.hexdigest()[:8]}"


def lexicon_digest(lexicons: Traversable | Path) -> str:
    """A short hash of the names and contents of the files in a lexicon folder."""
    digest = hashlib.sha256()
    for entry in sorted(lexicons.iterdir(), key=lambda item: item.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:12]


def extract_document(
    document: Document, segment_records: bool = False, budget: TimeBudget | None = None
) -> tuple[Document, list[Article], list[Fact]]:
    """Articles and facts of one document (the unit of work sent to a worker process).

    With a `budget`, a document that takes longer is refused: `InputError` naming it and how far it got.
    """
    started = time.thread_time()  # this thread's CPU: a tenth of a microsecond, where process_time costs ~8
    deadline = None if budget is None else started + budget.seconds_for(len(document.text))
    articles = segment(document, records_as_pages=segment_records)
    try:
        facts = [fact for article in articles for fact in facts_of_article(document, article, deadline)]
    except OutOfTime as stopped:
        assert budget is not None
        raise InputError(
            document.source,
            f"refused: reading it took more than its time budget of {budget.seconds_for(len(document.text)):.0f} "
            f"CPU seconds ({len(document.text):,} characters; stopped at offset {stopped.position:,})",
        ) from None
    return document, articles, facts


def _extract_or_refuse(
    document: Document, segment_records: bool, budget: TimeBudget
) -> tuple[Document, list[Article], list[Fact]] | Skipped:
    try:
        return extract_document(document, segment_records, budget)
    except InputError as error:
        return Skipped(error.source, error.problem, is_record=False)


def with_stories(
    extracted: Sequence[tuple[Document, Sequence[Article], Sequence[Fact]]], options: StoryOptions | None = None
) -> tuple[list[Story], list[Fact]]:
    """The stories of extracted documents read as one pile, and their facts with each one's `story` set."""
    articles = [
        StoryArticle(
            (article.source, article.index),
            article.title or document.title,
            parse_reference_date(article.date or document.date),
            document.text[article.start : article.end],
        )
        for document, found, _ in extracted
        for article in found
    ]
    stories = group_stories(articles, options)
    story_of = {key: story.story_id for story in stories for key in story.articles}
    facts = [
        replace(fact, story=story_of.get((fact.source, fact.article)))
        for _, _, found_facts in extracted
        for fact in found_facts
    ]
    return stories, facts


def _grouping_version(options: StoryOptions) -> str:
    """A hash of the stories stage's code and options: a change regroups the pile without re-extracting it."""
    code = hashlib.sha256(repr(options).encode())
    folder = files("extract").joinpath("stories")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.is_file() and entry.name.endswith(".py"):
            code.update(entry.read_bytes())
    return code.hexdigest()[:12]


def _store_stories(store: FactStore, options: StoryOptions) -> None:
    """Group every article of the store into stories and write them, with each fact's story."""
    articles = [
        StoryArticle((source, index), title, parse_reference_date(day), text)
        for source, index, title, day, text in store.article_texts()
    ]
    stories = group_stories(articles, options)
    store.replace_stories(
        [
            (s.story_id, s.title, s.first_date, s.last_date, len(s.articles), "; ".join(s.linking_terms), s.cohesion)
            for s in stories
        ],
        [(source, index, s.story_id) for s in stories for source, index in s.articles],
    )


def run_extraction(
    paths: Sequence[str],
    out_dir: Path,
    options: ExtractOptions,
    *,
    progress: Callable[[int], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> ExtractSummary:
    """Extract `paths` into the store in `out_dir`, then export `facts.csv` and `facts.parquet` there.

    A damaged store (`StoreDamaged`) is moved aside, with a warning through `on_warning`, and built again: a
    fresh store extracts every input.
    """
    try:
        return _extract(paths, out_dir, options, progress, on_skip)
    except StoreDamaged as damage:
        aside = set_aside(damage.path)
        if on_warning:
            on_warning(
                f"{damage.path}: the fact store is damaged ({damage.problem}); moved it to {aside.name} and "
                "rebuilding it from the inputs"
            )
        return _extract(paths, out_dir, options, progress, on_skip)


def _extract(
    paths: Sequence[str],
    out_dir: Path,
    options: ExtractOptions,
    progress: Callable[[int], None] | None,
    on_skip: Callable[[Skipped], None] | None,
) -> ExtractSummary:
    summary = ExtractSummary()
    # How the files are read decides their rows as much as the code does: a file read in another encoding, or
    # its records from another field, is extracted again though its bytes are unchanged.
    read = options.read
    version = (
        f"{extractor_version()};{read.encoding};{read.text_field};{read.id_field};"
        f"{'segment' if options.segment_records else 'records'}"
    )
    with (
        FactStore(out_dir / STORE_NAME, memory_limit=EXTRACT_MEMORY_LIMIT) as store,
        _executor(options.jobs) as executor,
    ):
        known = store.input_states()
        seen: set[str] = set()
        for item in iter_files(paths, follow_symlinks=options.read.follow_symlinks):
            if isinstance(item, Skipped):
                _skip(item, summary, on_skip)
                continue
            path, named = item
            input_path = path.as_posix()
            if input_path in seen:
                continue
            seen.add(input_path)
            try:
                state = InputState(input_path, _content_hash(path), version)
            except OSError as error:  # gone or unreadable since the walk listed it
                problem = f"cannot read: {error.strerror or error}"
                if named:
                    raise InputError(source_name(path), problem) from None
                store.forget([input_path])
                _skip(Skipped(source_name(path), problem), summary, on_skip)
                continue
            if known.get(input_path) == state:
                summary.inputs += 1
                summary.unchanged_inputs += 1
                if progress:  # what the estimate counted for this file, so that the bar still reaches its end
                    progress(_documents_estimate(path))
                continue
            store.forget([input_path])
            faults: list[Skipped] = []
            before = (summary.documents, summary.articles, summary.facts)
            documents = _documents(read_input(path, options.read, named=named), summary, on_skip, faults)
            for batch in _batches(documents, BATCH_DOCUMENTS):
                results = []
                for result in _map(executor, batch, options.segment_records, options.time_budget):
                    if isinstance(result, Skipped):
                        summary.skipped.append(result)
                        if on_skip:
                            on_skip(result)
                    else:
                        results.append(result)
                    # Per document, not per batch: a batch of news takes seconds, a bar frozen that long looks hung.
                    if progress:
                        progress(1)
                store.add(results)
                summary.documents += len(results)
                summary.articles += sum(len(articles) for _, articles, _ in results)
                summary.facts += sum(len(facts) for _, _, facts in results)
            if faults:
                # A file found bad part way is left out whole (and read again next run), never kept in part.
                store.forget([input_path])
                summary.documents, summary.articles, summary.facts = before
                continue
            summary.inputs += 1
            summary.extracted_inputs += 1
            store.mark_done(state)
        gone = sorted(set(known) - seen)
        store.forget(gone)
        summary.removed_inputs = len(gone)
        grouping = _grouping_version(options.stories)
        if summary.extracted_inputs or gone or store.meta("stories_version") != grouping:
            # Stories are the whole pile's: any change to it, or to the grouping, may regroup them.
            _store_stories(store, options.stories)
            store.set_meta("stories_version", grouping)
        # Checkpoint before the export rather than on closing, on top of the memory the export leaves behind.
        store.checkpoint()
        summary.total_facts = store.export(
            out_dir / "facts.csv", out_dir / "facts.parquet", raw_csv=options.raw_csv
        )
    return summary


def _documents(
    items: Iterator[Document | Skipped],
    summary: ExtractSummary,
    on_skip: Callable[[Skipped], None] | None,
    faults: list[Skipped],
) -> Iterator[Document]:
    """The documents of one file; what it skips is reported, and a skip of the file itself kept in `faults`."""
    for item in items:
        if isinstance(item, Skipped):
            _skip(item, summary, on_skip)
            if not item.is_record:
                faults.append(item)
        else:
            yield item


def _skip(item: Skipped, summary: ExtractSummary, on_skip: Callable[[Skipped], None] | None) -> None:
    summary.skipped.append(item)
    if on_skip:
        on_skip(item)


def _content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _batches(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(islice(documents, size)):
        yield batch


class _InProcess(Executor):
    """The executor used with one job: no processes, same results."""


def _executor(jobs: int) -> Executor:
    if jobs < 1:
        raise ValueError("--jobs must be at least 1")
    return ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else _InProcess()


def _map(
    executor: Executor, batch: Sequence[Document], segment_records: bool, budget: TimeBudget
) -> Iterator[tuple[Document, list[Article], list[Fact]] | Skipped]:
    if isinstance(executor, _InProcess):
        return (_extract_or_refuse(document, segment_records, budget) for document in batch)
    chunk = max(1, len(batch) // (4 * (os.cpu_count() or 1)))
    return executor.map(
        _extract_or_refuse, batch, [segment_records] * len(batch), [budget] * len(batch), chunksize=chunk
    )


def estimate_documents(paths: Sequence[str], *, follow_symlinks: bool = False) -> int | None:
    """A cheap upper estimate of the number of documents, for the progress bar (None when unknown).

    It walks the inputs as the extraction does, so that it never opens what the extraction leaves out (a named
    pipe would block it); what cannot be read counts for nothing, the extraction reports it.
    """
    total = 0
    try:
        for item in iter_files(paths, follow_symlinks=follow_symlinks):
            if not isinstance(item, Skipped):
                total += _documents_estimate(item[0])
    except InputError:
        return None
    return total or None


def _documents_estimate(path: Path) -> int:
    """One file's share of `estimate_documents`: its lines for JSONL and CSV, else one document."""
    kind = FORMATS.get(path.suffix.lower())
    if kind in ("jsonl", "csv"):
        with contextlib.suppress(OSError), path.open("rb") as handle:
            return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
        return 0
    return 1 if kind is not None else 0


def facts(
    *positional: Never,
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    texts: str | Sequence[str] | None = None,
    text_field: str = "text",
    id_field: str = "id",
    segment_records: bool = False,
    article_date: str | None = None,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """The fact table of files and directories (`paths`) and of raw texts (`texts`), as a pandas DataFrame with
    the table's columns.

    Every path must exist (a missing one raises `InputError` naming it); every text is a text, even one that
    happens to name a file, named ``<text-N>`` by its place in `texts` (N counts from 1), with `article_date` as
    its date when given. `encoding` reads the files as `ReadOptions` says. Nothing is written to disk. A document
    that takes longer than the default `TimeBudget` raises `InputError`.

    >>> table = facts(texts=["Some 30 people were killed, officials said."])
    >>> table[["source", "quote", "value", "metric"]].to_dict("records")
    [{'source': '<text-1>', 'quote': 'Some 30', 'value': 30.0, 'metric': 'casualties.killed'}]
    """
    if positional:
        # A string alone cannot say whether it is a path or a text, and a mistyped path read as text gives an
        # empty table without a word: the caller says which.
        raise TypeError(
            "extract.facts() takes no positional argument: give files and folders as paths=[...] and texts to "
            "read as texts=[...]"
        )
    if paths is None and texts is None:
        raise TypeError("extract.facts() needs paths=[...] (files and folders), texts=[...] (texts), or both")
    path_list = [paths] if isinstance(paths, str | os.PathLike) else list(paths or [])
    text_list = [texts] if isinstance(texts, str) else list(texts or [])
    for text in text_list:
        if not isinstance(text, str):
            raise TypeError(f"extract.facts() texts must be strings, not {type(text).__name__}; files go in paths=")
    read = ReadOptions(text_field, id_field, encoding=encoding)
    extracted: list[tuple[Document, list[Article], list[Fact]]] = []
    for found in iter_inputs(path_list, read):
        if isinstance(found, Document):
            extracted.append(extract_document(found, segment_records, TimeBudget()))
    for number, text in enumerate(text_list, start=1):
        document = Document(source=f"<text-{number}>", path=f"<text-{number}>", format="txt", text=text,
                            date=article_date)
        extracted.append(extract_document(document, budget=TimeBudget()))
    return facts_frame(with_stories(extracted)[1])
