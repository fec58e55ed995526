"""Score the grammar and the fact table against the blind news gold (tests/gold/news), tune and held-apart apart.

The gold holds 500 sentences drawn at random from Reuters-21578, AG News and ECB+ (tools/draw_gold.py) and
annotated from the text alone (tests/gold/news/README.md). The corpora are read from ../shared/corpora, never
committed. Each drawn sentence's whole record is extracted, as a user's pile would be, and what falls in the
sentence is compared with the gold:

- grammar: every number the grammar reads as a quantity (`find_quantities`) against the gold's quantities (a
  match is an overlap of spans); precision, recall, and of the matched, how many have the gold's value (or range
  ends) and unit; and how many of the gold's not-quantities (years, dates, codes, ranks, ...) the grammar takes
  for quantities, by reason;
- facts: the fact table's rows against the gold's quantities; of the matched, the metric, the entity's head noun
  (found in the row's entity; "strict", issue 13's rule: and no word of the row's entity outside the noun phrase
  the gold marks), the speaker (a word shared with `attributed_to`, or both empty) and the period.

    python -m bench.score_news_gold                    # both parts
    python -m bench.score_news_gold --part tune --show 20
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import regex

from extract.grammar.quantities import find_quantities
from extract.ingest.documents import Document
from extract.run.extraction import extract_document
from extract.table.schema import Fact

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "news"
CORPORA = ROOT.parent / "shared" / "corpora"
FILES = {
    "reuters": ("reuters21578/reuters21578.jsonl", "doc_id"),
    "agnews": ("agnews/agnews_test.jsonl", "id"),
    "ecbplus": ("ecbplus/ecbplus_docs.jsonl", "doc_id"),
}
WORD = regex.compile(r"[\p{L}\d]+")


def gold_sentences(part: str | None = None) -> list[dict[str, Any]]:
    lines = [json.loads(line) for path in sorted(GOLD.glob("news_*.jsonl")) for line in path.open(encoding="utf-8")]
    return [line for line in lines if part in (None, line["split"])]


@cache
def records(corpus: str) -> dict[str, dict[str, Any]]:
    name, key = FILES[corpus]
    with (CORPORA / name).open(encoding="utf-8") as handle:
        return {str(record[key]): record for record in map(json.loads, handle)}


def document_of(item: dict[str, Any]) -> Document:
    record = records(item["corpus"])[item["doc_id"]]
    source = f"{item['corpus']}#{item['doc_id']}"
    return Document(source=source, path=source, format="txt", text=str(record["text"]), date=item.get("article_date"))


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    matched: int = 0
    right: Counter[str] = field(default_factory=Counter)
    asked: Counter[str] = field(default_factory=Counter)
    taken_not_quantities: Counter[str] = field(default_factory=Counter)
    shown: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        precision = self.matched / self.found if self.found else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        parts = [f"{name}: precision {precision:.3f} ({self.matched}/{self.found}), recall {recall:.3f} "
                 f"({self.matched}/{self.gold}), F1 {f1:.3f}"]
        parts += [f"{what} {self.right[what] / self.asked[what]:.3f} ({self.right[what]}/{self.asked[what]})"
                  for what in sorted(self.asked)]
        taken = sum(self.taken_not_quantities.values())
        if taken:
            reasons = ", ".join(f"{reason} {count}" for reason, count in self.taken_not_quantities.most_common())
            parts.append(f"not-quantities taken: {taken} ({reasons})")
        return "; ".join(parts)


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def _decimal(text: str | None) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def _value_right(gold: dict[str, Any], value: Decimal | None, low: Decimal | None, high: Decimal | None) -> bool:
    wanted = _decimal(gold.get("value"))
    if wanted is not None:
        return value is not None and value == wanted
    return (low, high) == (_decimal(gold.get("low")), _decimal(gold.get("high")))


def _pairs(golds: Sequence[dict[str, Any]], spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(gold index, found index) for each gold quantity and the first unclaimed found span overlapping it."""
    taken: set[int] = set()
    for number, gold in enumerate(golds):
        for index, (start, end) in enumerate(spans):
            if index not in taken and _overlaps(gold["start"], gold["end"], start, end):
                taken.add(index)
                yield number, index
                break


def score(part: str | None) -> tuple[Tally, Tally]:
    grammar, facts = Tally(), Tally()
    for item in gold_sentences(part):
        document = document_of(item)
        lo, hi = item["sent_start"], item["sent_end"]
        quantities = [q for q in find_quantities(document.text) if lo <= q.start < hi]
        rows = [f for f in extract_document(document)[2] if lo <= f.start < hi]
        wanted = [q for q in item["quantities"] if q["quantity"]]
        not_wanted = [q for q in item["quantities"] if not q["quantity"]]
        grammar.gold += len(wanted)
        facts.gold += len(wanted)
        grammar.found += len(quantities)
        facts.found += len(rows)
        for number, index in _pairs(wanted, [(q.start, q.end) for q in quantities]):
            gold, found = wanted[number], quantities[index]
            grammar.matched += 1
            _ask(grammar, "value", _value_right(gold, found.value, found.low, found.high))
            _ask(grammar, "unit", gold["unit"] == found.unit)
        for number, index in _pairs(wanted, [(f.start, f.end) for f in rows]):
            _score_fact(facts, wanted[number], rows[index])
        for gold in not_wanted:
            if any(_overlaps(gold["start"], gold["end"], q.start, q.end) for q in quantities):
                grammar.taken_not_quantities[gold["reason"]] += 1
            if any(_overlaps(gold["start"], gold["end"], f.start, f.end) for f in rows):
                facts.taken_not_quantities[gold["reason"]] += 1
    return grammar, facts


def _ask(tally: Tally, what: str, right: bool) -> None:
    tally.asked[what] += 1
    tally.right[what] += right


def _score_fact(tally: Tally, gold: dict[str, Any], row: Fact) -> None:
    tally.matched += 1
    _ask(tally, "value", _value_right(gold, row.value, row.low, row.high))
    _ask(tally, "metric", gold["metric"] == row.metric or _same_family(gold["metric"], row.metric))
    if gold.get("entity_head"):
        head = str(gold["entity_head"]).lower()
        words = {word.lower() for word in WORD.findall(row.entity or "")}
        _ask(tally, "entity head", head in words)
        # Issue 13's rule: the gold's head, and no word outside the noun phrase the gold marks.
        marked = {word.lower() for word in WORD.findall(str(gold.get("entity") or ""))}
        _ask(tally, "entity strict", head in words and words <= marked)
    speaker = {word.lower() for word in WORD.findall(gold.get("speaker") or "")}
    said = {word.lower() for word in WORD.findall(row.attributed_to or "")}
    _ask(tally, "speaker", (not speaker and not said) or bool(speaker & said))
    if gold.get("period_start"):
        wanted = (gold["period_start"], gold.get("period_end") or gold["period_start"])
        found = (str(row.period_start) if row.period_start else None, str(row.period_end) if row.period_end else None)
        _ask(tally, "period", found == wanted)
    if len(tally.shown) < 400 and gold["metric"] != row.metric:
        tally.shown.append(f"metric {gold['metric']} read as {row.metric}: {row.quote!r} ({row.entity!r})")


def _same_family(gold: str, found: str) -> bool:
    """The gold's "casualties.*" and "crime.*" name a family: any metric in it is right."""
    return gold.endswith(".*") and found.startswith(gold[:-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "heldout", "both"], default="both")
    parser.add_argument("--show", type=int, default=0, help="print this many metric misreadings")
    options = parser.parse_args()
    if not (CORPORA / FILES["reuters"][0]).exists():
        raise SystemExit(f"bench.score_news_gold: {CORPORA}: the shared corpora are not there")
    for part in (["tune", "heldout"] if options.part == "both" else [options.part]):
        grammar, facts = score(part)
        print(f"[{part}] {grammar.line('grammar')}")
        print(f"[{part}] {facts.line('facts')}")
        for line in facts.shown[: options.show]:
            print("   ", line)


if __name__ == "__main__":
    main()
