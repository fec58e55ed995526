"""Perturbation recall and false flags of the checker on ECB+ clusters, tuning and held-apart topics reported apart.

ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0; read from ../shared/corpora, never committed. The cluster
labels (agreeing or disagreeing on their key figures) are tests/fixtures/ecbplus_clusters.toml.

- **Perturbation recall.** In one article of a cluster, a figure that another article of the cluster reports with
  the same value in a differently worded sentence (same metric; not a metric whose figures belong to a subject, a
  company's profit, which the checker compares only once the subject is read) is changed: its value, its scale word
  or its qualifier, so that the two can no longer both be true. A hit is a new flag (warning or error) that pairs the
  changed claim with an unchanged claim of another article of the cluster.
- **False flags.** Flags (warnings and errors) of the whole pile that involve an article of a cluster labelled
  agreeing, per 20 articles of those clusters.
- **Across sub-topics.** Flags of the whole pile that join claims of two different sub-topics (two different
  events, which the pile's stories should keep apart), per 100 articles.

Topics 1-22 are the tuning part; topics 23-45 are held apart, and test floors come from them. The corpus is one
mixed pile, as a user brings it: all 982 articles are extracted and grouped into stories together, from their text
alone (`bench.ecbplus_flags.pile`), and a figure is checked against every figure of the pile it may be compared
with (its comparison block: its story, or a stable subject's places). A changed figure changes no story (the
grouping reads no digits), so each round checks the blocks its changed articles' figures fall in: exactly the
flags the whole pile's check would raise about them.

Perturbations are checked in rounds: in a round, each article of a cluster carries at most one change, no two changes
touch the same figure, and the blocks are checked once; a flag between two changed claims is no hit.

    python -m bench.ecbplus_perturbations            # both parts
    python -m bench.ecbplus_perturbations --part heldout --misses 20
"""

from __future__ import annotations

import argparse
import tomllib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Literal

import regex

from bench import ecbplus_flags
from bench.ecbplus_flags import CORPUS, LABELS, across_subtopics, cluster_documents, pile, pile_flags
from extract.consistency import Discrepancy, Record, check
from extract.consistency.intervals import interval_of
from extract.consistency.matching import comparison_block
from extract.grammar.quantities import find_quantities
from extract.ingest.documents import Document
from extract.readers.claims import normalise
from extract.readers.metrics import subject_keyed
from extract.run.extraction import extract_document

Part = Literal["tune", "heldout"]
TUNING_TOPICS = range(1, 23)  # topics 1-22; 23-45 are held apart

NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")
SCALES = {"million": "billion", "billion": "million", "thousand": "million"}
FLIPS = {
    "at least": "fewer than",
    "more than": "fewer than",
    "over": "under",
    "nearly": "more than",
    "about": "more than double",
    "some": "fewer than",
}


def part_of(subtopic: str) -> Part:
    """ "23_ecbplus" -> heldout: the topic number before the underscore decides."""
    return "tune" if int(subtopic.split("_", 1)[0]) in TUNING_TOPICS else "heldout"


@cache
def corpus() -> dict[str, list[Document]]:
    return cluster_documents()


def labels() -> list[dict[str, object]]:
    found: list[dict[str, object]] = tomllib.loads(LABELS.read_text(encoding="utf-8"))["cluster"]
    return found


@cache
def story_of() -> dict[str, str | None]:
    """Each document's story in the whole pile (one article per document)."""
    return {records[0].source: records[0].story for records in pile() if records}


def records_of(document: Document) -> list[Record]:
    story = story_of().get(document.source)
    return [replace(fact, story=story) for fact in extract_document(document)[2]]


@cache
def pile_records() -> dict[str, tuple[Record, ...]]:
    return {records[0].source: records for records in pile() if records}


@cache
def cluster_records(subtopic: str) -> tuple[tuple[Record, ...], ...]:
    return tuple(pile_records().get(document.source, ()) for document in corpus()[subtopic])


@cache
def block_members() -> dict[str | None, tuple[Record, ...]]:
    found: dict[str | None, list[Record]] = defaultdict(list)
    for records in pile():
        for record in records:
            found[comparison_block(record)].append(record)
    return {block: tuple(records) for block, records in found.items()}


def flags(found: Sequence[Discrepancy]) -> list[Discrepancy]:
    return [d for d in found if d.severity != "note"]


@dataclass(frozen=True, slots=True)
class FalseFlags:
    articles: int
    flags: int
    shown: tuple[str, ...]

    @property
    def per_20_articles(self) -> float:
        return 20 * self.flags / self.articles if self.articles else 0.0


def false_flags(part: Part) -> FalseFlags:
    """Flags of the whole pile that involve an article of a cluster of `part` labelled agreeing."""
    agreeing = {
        document.source
        for cluster in labels()
        if cluster["label"] == "agreeing" and part_of(str(cluster["subtopic"])) == part
        for document in corpus()[str(cluster["subtopic"])]
    }
    found = [d for d in pile_flags() if any(f.source in agreeing for f in d.facts)]
    shown = [f"{', '.join(sorted({f.source for f in d.facts}))}: {d.explanation}" for d in found]
    return FalseFlags(len(agreeing), len(found), tuple(shown))


@dataclass(frozen=True, slots=True)
class Perturbation:
    subtopic: str
    index: int  # the article changed
    target: Record
    partner: Record  # the claim of another article that reported the same figure
    kind: str  # value, scale or qualifier
    new_quote: str


def _changed(quote: str) -> Iterator[tuple[str, str]]:
    number = NUMBER.search(quote)
    if number:
        # A plausible misreport of the numeral as written ("$108 million" -> "$167 million"): half as much again,
        # or half as much (never an impossible age of 190).
        numeral = Decimal(number.group().replace(",", ""))
        bigger = str(int(numeral * 3 / 2 + 5)) if numeral >= 1 else str(numeral * 10)
        yield "value", quote[: number.start()] + bigger + quote[number.end() :]
        if numeral >= 8:
            yield "value", quote[: number.start()] + str(int(numeral / 2)) + quote[number.end() :]
    for word, other in SCALES.items():
        if regex.search(rf"\b{word}\b", quote):
            yield "scale", regex.sub(rf"\b{word}\b", other, quote, count=1)
            break
    for phrase, other in FLIPS.items():
        if regex.match(rf"(?i){phrase}\b", quote):
            yield "qualifier", other + quote[len(phrase) :]
            break


def _contradicts(quote: str, target: Record, partner: Record) -> bool:
    """Whether the changed quote, read by the grammar, can no longer be true together with the partner's figure.

    Only such changes are contradictions to detect: "more than 400" changed to "more than 1207" still agrees
    with another article's "more than 400".
    """
    read = find_quantities(quote)
    if len(read) != 1:
        return False
    changed = replace(
        target,
        value=read[0].value,
        low=read[0].low,
        high=read[0].high,
        low_open=read[0].low_open,
        high_open=read[0].high_open,
        precision=read[0].precision,
        qualifier=read[0].qualifier,
    )
    return interval_of(changed).disjoint(interval_of(partner))


def perturbations(part: Part) -> list[Perturbation]:
    found = []
    for subtopic in sorted(corpus()):
        if part_of(subtopic) != part:
            continue
        articles = cluster_records(subtopic)
        for index, records in enumerate(articles):
            for target in records:
                if target.metric in ("other", "duration") or target.value is None or target.kind == "ordinal":
                    continue
                if target.implicit:
                    continue  # "the fatal shooting of a 15-year-old boy": a count implied by words is never compared
                if subject_keyed(target.metric):
                    continue  # a company's or a country's figure: comparable only once its subject is read

                partner = next(
                    (
                        other
                        for other_index, others in enumerate(articles)
                        if other_index != index
                        for other in others
                        if other.metric == target.metric
                        and not other.implicit
                        and other.value == target.value
                        and other.unit == target.unit
                        and normalise(other.sentence) != normalise(target.sentence)
                    ),
                    None,
                )
                if partner is None:
                    continue
                for kind, quote in _changed(target.quote):
                    if _contradicts(quote, target, partner):
                        found.append(Perturbation(subtopic, index, target, partner, kind, quote))
    return found


def _rounds(cases: Sequence[Perturbation]) -> Iterator[tuple[str, list[Perturbation]]]:
    """Per cluster, rounds of changes that leave each other alone: at most one change per article, and at most one
    per figure (metric, value and unit), so that every change keeps the claims it must be flagged against."""
    by_cluster: dict[str, list[Perturbation]] = defaultdict(list)
    for case in cases:
        by_cluster[case.subtopic].append(case)
    for subtopic, pending in sorted(by_cluster.items()):
        while pending:
            batch: list[Perturbation] = []
            articles: set[int] = set()
            figures: set[tuple[str, Decimal | None, str]] = set()
            for case in pending:
                figure = (case.target.metric, case.target.value, case.target.unit)
                if case.index not in articles and figure not in figures:
                    batch.append(case)
                    articles.add(case.index)
                    figures.add(figure)
            pending = [case for case in pending if case not in batch]
            yield subtopic, batch


def _changed_document(document: Document, case: Perturbation) -> Document:
    text = document.text[: case.target.start] + case.new_quote + document.text[case.target.end :]
    return Document(
        source=document.source,
        path=document.path,
        format="jsonl",
        text=text,
        record_id=document.record_id,
        record_line=1,
    )


@dataclass(frozen=True, slots=True)
class Recall:
    cases: int
    detected: int
    misses: tuple[str, ...]
    checks: int  # how many times the checker ran

    @property
    def recall(self) -> float:
        return self.detected / self.cases if self.cases else 0.0


def perturbation_recall(part: Part) -> Recall:
    cases = perturbations(part)
    detected = checks = 0
    misses: list[str] = []
    baselines: dict[frozenset[str | None], set[frozenset[Spot]]] = {}
    for subtopic, batch in _rounds(cases):
        documents = corpus()[subtopic]
        changed = {documents[case.index].source: records_of(_changed_document(documents[case.index], case))
                   for case in batch}
        blocks = frozenset(
            comparison_block(record)
            for source in changed
            for record in (*changed[source], *pile_records().get(source, ()))
        ) - {None}
        if blocks not in baselines:
            baselines[blocks] = _clashing(flags(check(_in_blocks(blocks, {}))))
        records = _in_blocks(blocks, changed)
        found = flags(check(records))
        checks += 1
        changed_spots = {(documents[case.index].source, case.target.start) for case in batch}
        for case in batch:
            spot = (documents[case.index].source, case.target.start)
            # A hit: the changed figure clashes, in a flag, with an unchanged figure of another article that it did
            # not clash with before the change.
            hit = any(
                pair not in baselines[blocks]
                and spot in pair
                and all(other[0] != spot[0] and other not in changed_spots for other in pair - {spot})
                for pair in _clashing(found)
            )
            detected += hit
            if not hit:
                misses.append(
                    f"{subtopic} {case.kind}: {case.target.quote!r} -> {case.new_quote!r} "
                    f"(partner {case.partner.quote!r} in {case.partner.source})"
                )
    return Recall(len(cases), detected, tuple(misses), checks)


Spot = tuple[str, int]  # (source, start) of a figure: the same before and after a change


def _clashing(found: Sequence[Discrepancy]) -> set[frozenset[Spot]]:
    """The pairs of figures (by spot) that clash in `found`."""
    return {
        frozenset({(one.source, one.start), (two.source, two.start)})
        for d in found
        for one, two in d.clashing_pairs()
    }


def _in_blocks(blocks: frozenset[str | None], changed: dict[str, list[Record]]) -> list[Record]:
    """The pile's records of `blocks`, those of the changed articles replaced by their changed records."""
    kept = [
        record
        for block in sorted(blocks, key=str)
        for record in block_members().get(block, ())
        if record.source not in changed
    ]
    return kept + [record for records in changed.values() for record in records]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "heldout", "both"], default="both")
    parser.add_argument("--misses", type=int, default=0, help="print this many missed perturbations")
    parser.add_argument("--join", type=float, help="story grouping: the group-average link to merge (for tuning)")
    options = parser.parse_args()
    if options.join is not None:
        ecbplus_flags.STORY_OPTIONS = replace(ecbplus_flags.STORY_OPTIONS, join_at=options.join)
    if not CORPUS.exists():
        raise SystemExit(f"bench.ecbplus_perturbations: {CORPUS}: the ECB+ corpus is not there")
    parts: list[Part] = ["tune", "heldout"] if options.part == "both" else [options.part]
    for part in parts:
        result = perturbation_recall(part)
        quiet = false_flags(part)
        articles, across = across_subtopics(range(1, 23) if part == "tune" else range(23, 46))
        print(
            f"{part}: perturbation recall {result.recall:.3f} ({result.detected} of {result.cases}, "
            f"{result.checks} checks); false flags {quiet.per_20_articles:.2f} per 20 articles "
            f"({quiet.flags} on {quiet.articles} articles of agreeing clusters); across sub-topics "
            f"{100 * len(across) / articles:.2f} per 100 articles ({len(across)} on {articles})"
        )
        for miss in result.misses[: options.misses]:
            print("  missed", miss)


if __name__ == "__main__":
    main()
