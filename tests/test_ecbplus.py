"""Consistency on ECB+ clusters: articles from several outlets reporting the same event.

ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0; read from ../shared/corpora at test time, never
committed. The cluster labels (agreeing or disagreeing on their key figures, with reasons) are in
tests/fixtures/ecbplus_clusters.toml.

- Perturbation: in one article of a cluster, one figure that another article of the cluster reports with the
  same value in a differently worded sentence (same metric) is changed (its value, its scale word or its
  qualifier); a new flag must pair the changed claim with a claim of another article. At least 200.
- False flags: on the clusters labelled agreeing, at most one flag (warning or error) per 20 articles.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from functools import cache

import pytest
import regex

from bench.ecbplus_flags import cluster_documents
from extract.consistency import Discrepancy, Record, check, records_from_rows
from extract.consistency.intervals import interval_of
from extract.grammar.quantities import find_quantities
from extract.ingest.documents import Document
from extract.readers.claims import normalise
from extract.run.extraction import extract_document
from tests.helpers import ROOT, shared_path

LABELS = tomllib.loads((ROOT / "tests" / "fixtures" / "ecbplus_clusters.toml").read_text(encoding="utf-8"))
MIN_PERTURBATIONS = 200


@cache
def corpus() -> dict[str, list[Document]]:
    """Documents of each subtopic, in corpus order (skips the module when the corpus is absent)."""
    shared_path("corpora", "ecbplus", "ecbplus_docs.jsonl")
    return cluster_documents()


def records_of(document: Document) -> list[Record]:
    return records_from_rows([asdict(fact) for fact in extract_document(document)[2]])


@cache
def cluster_records(subtopic: str) -> tuple[tuple[Record, ...], ...]:
    return tuple(tuple(records_of(document)) for document in corpus()[subtopic])


def flags(found: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in found if d.severity != "note"]


def test_at_most_one_false_flag_per_20_articles_on_agreeing_clusters() -> None:
    agreeing = [c["subtopic"] for c in LABELS["cluster"] if c["label"] == "agreeing"]
    articles = raised = 0
    report = []
    for subtopic in agreeing:
        records = [record for document in cluster_records(subtopic) for record in document]
        found = flags(check(records))
        articles += len(corpus()[subtopic])
        raised += len(found)
        report += [f"{subtopic}: {d.explanation}" for d in found]
    assert articles >= 100
    assert raised * 20 <= articles, "\n".join(report)


@dataclass(frozen=True, slots=True)
class Perturbation:
    subtopic: str
    index: int  # the article changed
    target: Record
    partner: Record  # the claim of another article that reported the same figure
    kind: str  # value, scale or qualifier
    new_quote: str


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


def _changed(quote: str, value: Decimal) -> Iterator[tuple[str, str]]:
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


def perturbations() -> list[Perturbation]:
    found = []
    for subtopic in sorted(corpus()):
        articles = cluster_records(subtopic)
        for index, records in enumerate(articles):
            for target in records:
                if target.metric in ("other", "duration") or target.value is None or target.kind == "ordinal":
                    continue
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
                for kind, quote in _changed(target.quote, target.value):
                    if _contradicts(quote, target, partner):
                        found.append(Perturbation(subtopic, index, target, partner, kind, quote))
    return found


@pytest.mark.timeout(900)
def test_perturbed_figures_are_flagged_against_another_article() -> None:
    cases = perturbations()
    assert len(cases) >= MIN_PERTURBATIONS, len(cases)
    detected = 0
    missed = []
    baselines: dict[str, set[str]] = {}
    for case in cases:
        documents = corpus()[case.subtopic]
        document = documents[case.index]
        text = document.text[: case.target.start] + case.new_quote + document.text[case.target.end :]
        changed = Document(
            source=document.source,
            path=document.path,
            format="jsonl",
            text=text,
            record_id=document.record_id,
            record_line=1,
        )
        records = [r for i, rs in enumerate(cluster_records(case.subtopic)) if i != case.index for r in rs]
        records += records_of(changed)
        if case.subtopic not in baselines:
            baselines[case.subtopic] = {
                d.fingerprint for d in check([r for rs in cluster_records(case.subtopic) for r in rs])
            }
        baseline = baselines[case.subtopic]
        new_flags = [d for d in flags(check(records)) if d.fingerprint not in baseline]
        hit = any(
            any(f.source == document.source and f.start == case.target.start for f in d.facts)
            and any(f.source != document.source for f in d.facts)
            for d in new_flags
        )
        detected += hit
        if not hit:
            missed.append(
                f"{case.subtopic} {case.kind}: {case.target.quote!r} -> {case.new_quote!r} "
                f"(partner {case.partner.quote!r} in {case.partner.source})"
            )
    recall = detected / len(cases)
    print(f"perturbations: {len(cases)}, detected {detected}, recall {recall:.3f}")
    assert recall >= 0.9, "\n".join(missed[:40])
