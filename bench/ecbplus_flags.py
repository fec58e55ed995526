"""What the checker flags on the ECB+ clusters labelled disagreeing, and a sample to judge by hand.

ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0; read from ../shared/corpora, never committed. The labels
are tests/fixtures/ecbplus_clusters.toml. Prints the number of flags (warnings and errors) per cluster and per
rule, then a seeded random sample of flags with their quotes and sentences, to count how many are real.

    python -m bench.ecbplus_flags --sample 25 --seed 7
    python -m bench.ecbplus_flags --pile        # all 982 articles checked at once, as a user's pile

With ``--pile`` every article of the corpus goes to the checker at once, mixed, as a user brings a pile (grouped into
stories from the text alone, `extract/stories/`): a flag whose claims come from two different subtopics (two
different events, or two topics) is certainly false; such flags per 100 articles are printed, for the tuning
topics (1-22) and the held-apart ones (23-45) apart.
"""

from __future__ import annotations

import argparse
import json
import random
import tomllib
from collections import Counter, defaultdict
from dataclasses import asdict
from functools import cache
from pathlib import Path

from extract.consistency import Discrepancy, Record, check, records_from_rows
from extract.ingest.articles import Article
from extract.ingest.documents import Document
from extract.run.extraction import extract_document, with_stories
from extract.stories import StoryOptions
from extract.table.schema import Fact

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus" / "ecbplus_docs.jsonl"
LABELS = ROOT / "tests" / "fixtures" / "ecbplus_clusters.toml"


def cluster_documents() -> dict[str, list[Document]]:
    clusters: dict[str, list[Document]] = defaultdict(list)
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            clusters[record["subtopic"]].append(
                Document(
                    source=f"ecbplus.jsonl#{record['doc_id']}",
                    path="ecbplus.jsonl",
                    format="jsonl",
                    text=record["text"],
                    record_id=record["doc_id"],
                    record_line=1,
                )
            )
    return clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="disagreeing", choices=["disagreeing", "agreeing"])
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pile", action="store_true", help="check the whole corpus at once, mixed")
    options = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"bench.ecbplus_flags: {CORPUS}: the ECB+ corpus is not there")
    if options.pile:
        whole_pile(options.sample, options.seed)
        return
    labels = tomllib.loads(LABELS.read_text(encoding="utf-8"))["cluster"]
    documents = cluster_documents()
    flagged: list[tuple[str, Discrepancy]] = []
    articles = 0
    for cluster in labels:
        if cluster["label"] != options.label:
            continue
        subtopic = cluster["subtopic"]
        articles += len(documents[subtopic])
        rows = [asdict(fact) for document in documents[subtopic] for fact in extract_document(document)[2]]
        found = [d for d in check(records_from_rows(rows)) if d.severity != "note"]
        flagged += [(subtopic, discrepancy) for discrepancy in found]
    per_cluster = Counter(subtopic for subtopic, _ in flagged)
    per_rule = Counter(discrepancy.rule for _, discrepancy in flagged)
    print(f"{options.label} clusters: {articles} articles, {len(flagged)} flags")
    print("by cluster:", ", ".join(f"{name} {count}" for name, count in per_cluster.most_common()))
    print("by rule:", ", ".join(f"{name} {count}" for name, count in per_rule.most_common()))
    sample = random.Random(options.seed).sample(flagged, min(options.sample, len(flagged)))
    for number, (subtopic, discrepancy) in enumerate(sample, 1):
        print(f"\n{number}. {subtopic} {discrepancy.rule}")
        for fact in discrepancy.facts:
            print(f"   {fact.quote!r} ({fact.source}): {fact.sentence}")


STORY_OPTIONS = StoryOptions()


@cache
def extracted_pile() -> tuple[tuple[Document, list[Article], list[Fact]], ...]:
    return tuple(extract_document(document) for docs in cluster_documents().values() for document in docs)


@cache
def pile() -> tuple[tuple[Record, ...], ...]:
    """Every article of the corpus extracted and grouped into stories as one pile: each document's records, with
    their `story` set (from the whole text, as `claims extract` does)."""
    extracted = extracted_pile()
    _, facts = with_stories(extracted, STORY_OPTIONS)
    by_source: dict[str, list[Record]] = defaultdict(list)
    for fact in facts:
        by_source[fact.source].append(fact)
    return tuple(tuple(by_source[document.source]) for document, _, _ in extracted)


@cache
def pile_flags() -> tuple[Discrepancy, ...]:
    return tuple(d for d in check([record for records in pile() for record in records]) if d.severity != "note")


def across_subtopics(part_topics: range) -> tuple[int, list[Discrepancy]]:
    """The articles of the topics `part_topics` and the flags of the whole pile that join claims of different
    subtopics, at least one of them of those topics."""
    documents = cluster_documents()
    subtopic_of = {document.source: subtopic for subtopic, docs in documents.items() for document in docs}
    articles = sum(len(docs) for subtopic, docs in documents.items() if int(subtopic.split("_")[0]) in part_topics)
    across = [
        d
        for d in pile_flags()
        if len({subtopic_of[f.source] for f in d.facts}) > 1
        and any(int(subtopic_of[f.source].split("_")[0]) in part_topics for f in d.facts)
    ]
    return articles, across


def whole_pile(sample: int, seed: int) -> None:
    """Check every article at once; count the flags whose claims come from different subtopics."""
    documents = cluster_documents()
    subtopic_of = {document.source: subtopic for subtopic, docs in documents.items() for document in docs}
    found = pile_flags()
    for part, topics in (("tune", range(1, 23)), ("heldout", range(23, 46))):
        mine = [d for d in found if int(subtopic_of[d.facts[0].source].split("_")[0]) in topics]
        articles, across = across_subtopics(topics)
        print(f"{part}: {len(mine)} flags on the whole pile; {len(across)} join claims of different subtopics, "
              f"{100 * len(across) / articles:.2f} per 100 articles ({articles} articles; certainly false)")
    across_all = [d for d in found if len({subtopic_of[f.source] for f in d.facts}) > 1]
    for number, discrepancy in enumerate(random.Random(seed).sample(across_all, min(sample, len(across_all))), 1):
        print(f"\n{number}. {discrepancy.rule}")
        for fact in discrepancy.facts:
            print(f"   {fact.quote!r} ({fact.source}, {subtopic_of[fact.source]}): {fact.sentence}")


if __name__ == "__main__":
    main()
