"""How many facts of Reuters-21578 and AG News get a metric, and which: the share left `other` (issue 13: at most 30%).

Reads the corpora from ../shared/corpora (never committed); extracts the first N records of each (all with --records
0) and prints, per corpus, the number of facts, the share whose metric is `other`, and the commonest metrics.

    python -m bench.metric_coverage --records 1500
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter

from bench.score_news_gold import CORPORA
from extract.ingest.documents import Document
from extract.run.extraction import extract_document

CORPUS_FILES = {"reuters": ("reuters21578/reuters21578.jsonl", "doc_id"), "agnews": ("agnews/agnews_test.jsonl", "id")}


def coverage(corpus: str, records: int) -> Counter[str]:
    name, key = CORPUS_FILES[corpus]
    metrics: Counter[str] = Counter()
    with (CORPORA / name).open(encoding="utf-8") as handle:
        for line in itertools.islice(handle, records or None):
            record = json.loads(line)
            text = str(record.get("text") or "")
            if not text.strip():
                continue
            document = Document(source=str(record[key]), path=name, format="txt", text=text)
            metrics.update(fact.metric for fact in extract_document(document)[2])
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1500, help="records per corpus (0: all)")
    options = parser.parse_args()
    for corpus in CORPUS_FILES:
        if not (CORPORA / CORPUS_FILES[corpus][0]).exists():
            raise SystemExit(f"bench.metric_coverage: {CORPORA}: the shared corpora are not there")
        metrics = coverage(corpus, options.records)
        total = sum(metrics.values())
        common = ", ".join(f"{metric} {count}" for metric, count in metrics.most_common(12))
        print(f"{corpus}: {total} facts, other {metrics['other'] / total:.3f}; {common}")


if __name__ == "__main__":
    main()
