"""Perturbation recall and false flags of the checker on ECB+ clusters, tuning and held-apart topics reported apart.

ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0; read from ../shared/corpora, never committed. The cluster
labels (agreeing or disagreeing on their key figures) are tests/fixtures/ecbplus_clusters.toml.

- **Perturbation recall.** In one article of a cluster, a figure that another article of the cluster reports with
  the same value in a differently worded sentence (same metric; not a metric whose figures belong to a subject, a
  company's profit, which the checker compares only once the subject is read) is changed: its value, its scale word
  or its qualifier, so that the two can no longer both be true. A hit is a new flag (warning or error) that pairs the
  changed claim with an unchanged claim of another article of the cluster.
- **False flags.** On the clusters labelled agreeing, flags (warnings and errors) per 20 articles.

Topics 1-22 are the tuning part; topics 23-45 are held apart, and test floors come from them. Each cluster is
checked on its own here: the mixed-pile measure (every article of the corpus at once) is `bench.ecbplus_flags`.

Perturbations are checked in rounds: in a round, each article of a cluster carries at most one change, no two changes
touch the same figure, and the cluster is checked once; a flag between two changed claims is no hit.

    python -m bench.ecbplus_perturbations            # both parts
    python -m bench.ecbplus_perturbations --part heldout --misses 20
"""

from __future__ import annotations

import argparse
import tomllib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Literal

import regex

from bench.ecbplus_flags import CORPUS, LABELS, cluster_documents
from extract.consistency import Discrepancy, Record, check, records_from_rows
from extract.consistency.intervals import interval_of
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


def records_of(document: Document) -> list[Record]:
    return records_from_rows([asdict(fact) for fact in extract_document(document)[2]])


@cache
def cluster_records(subtopic: str) -> tuple[tuple[Record, ...], ...]:
    return tuple(tuple(records_of(document)) for document in corpus()[subtopic])


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
    """Flags raised on the clusters of `part` labelled agreeing, each cluster checked on its own."""
    articles = raised = 0
    shown: list[str] = []
    for cluster in labels():
        subtopic = str(cluster["subtopic"])
        if cluster["label"] != "agreeing" or part_of(subtopic) != part:
            continue
        found = flags(check([record for document in cluster_records(subtopic) for record in document]))
        articles += len(corpus()[subtopic])
        raised += len(found)
        shown += [f"{subtopic}: {d.explanation}" for d in found]
    return FalseFlags(articles, raised, tuple(shown))


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
                if subject_keyed(target.metric):
                    continue  # a company's or a country's figure: comparable only once its subject is read

                partner = next(
                    (
                        other
                        for other_index, others in enumerate(articles)
                        if other_index != index
                        for other in others
                        if other.metric == target.metric
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
    baselines: dict[str, set[str]] = {}
    for subtopic, batch in _rounds(cases):
        documents = corpus()[subtopic]
        if subtopic not in baselines:
            baselines[subtopic] = {d.fingerprint for d in check([r for rs in cluster_records(subtopic) for r in rs])}
        changed = {case.index: case for case in batch}
        records = [
            record
            for index, document in enumerate(documents)
            for record in (
                records_of(_changed_document(document, changed[index]))
                if index in changed
                else cluster_records(subtopic)[index]
            )
        ]
        new_flags = [d for d in flags(check(records)) if d.fingerprint not in baselines[subtopic]]
        checks += 1
        changed_spots = {(documents[case.index].source, case.target.start) for case in batch}
        for case in batch:
            spot = (documents[case.index].source, case.target.start)
            hit = any(
                any((f.source, f.start) == spot for f in d.facts)
                and any(f.source != spot[0] and (f.source, f.start) not in changed_spots for f in d.facts)
                for d in new_flags
            )
            detected += hit
            if not hit:
                misses.append(
                    f"{subtopic} {case.kind}: {case.target.quote!r} -> {case.new_quote!r} "
                    f"(partner {case.partner.quote!r} in {case.partner.source})"
                )
    return Recall(len(cases), detected, tuple(misses), checks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "heldout", "both"], default="both")
    parser.add_argument("--misses", type=int, default=0, help="print this many missed perturbations")
    options = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"bench.ecbplus_perturbations: {CORPUS}: the ECB+ corpus is not there")
    parts: list[Part] = ["tune", "heldout"] if options.part == "both" else [options.part]
    for part in parts:
        result = perturbation_recall(part)
        quiet = false_flags(part)
        print(
            f"{part}: perturbation recall {result.recall:.3f} ({result.detected} of {result.cases}, "
            f"{result.checks} checks); false flags {quiet.per_20_articles:.2f} per 20 articles "
            f"({quiet.flags} on {quiet.articles} articles of agreeing clusters)"
        )
        for miss in result.misses[: options.misses]:
            print("  missed", miss)


if __name__ == "__main__":
    main()
