"""Score the fact table's casualty counts against the blind casualty gold (tests/gold/casualty), tune and held apart.

The gold holds 170 sentences about deaths and injuries drawn at random from ECB+, Reuters-21578 and AG News
(tools/draw_gold.py) and annotated from the text alone (tests/gold/casualty/README.md), with the counts the text
states in figures and those it only implies ("was gunned down": one killed). Each drawn sentence's whole record is
extracted and the rows of a `casualties.*` metric that fall in the sentence are compared with the gold's counts
(a match is an overlap of spans):

- explicit counts: recall, and of the matched, the right metric and value;
- implicit counts: recall (a row over the words that imply the count);
- precision: casualty rows that match a gold count, of all casualty rows in the sentences.

    python -m bench.score_casualty_gold
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.score_news_gold import CORPORA, FILES, document_of
from extract.run.extraction import extract_document

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "casualty"


def gold_sentences(part: str) -> list[dict[str, Any]]:
    lines = [json.loads(line) for path in sorted(GOLD.glob("casualty_*.jsonl")) for line in path.open(encoding="utf-8")]
    return [line for line in lines if line["split"] == part]


def score(part: str, show: bool = False) -> Counter[str]:
    tally: Counter[str] = Counter()
    for item in gold_sentences(part):
        document = document_of(item)
        lo, hi = item["sent_start"], item["sent_end"]
        rows = [f for f in extract_document(document)[2] if lo <= f.start < hi and f.metric.startswith("casualties.")]
        if show:
            _show(item, document.text, rows)
        tally["rows"] += len(rows)
        used: set[int] = set()
        for count in item["counts"]:
            kind = "implicit" if count["implicit"] else "explicit"
            tally[kind] += 1
            index = next(
                (i for i, f in enumerate(rows) if i not in used and f.start < count["end"] and count["start"] < f.end),
                None,
            )
            if index is None:
                continue
            used.add(index)
            row = rows[index]
            tally[f"{kind} found"] += 1
            tally[f"{kind} metric right"] += row.metric == count["metric"]
            wanted = Decimal(count["value"]) if count.get("value") not in (None, "") else None
            tally[f"{kind} value right"] += wanted is not None and row.value == wanted
            tally["event right"] += (count["event"] == "main") == (row.event == "main")
            tally["other events"] += count["event"] != "main"
            tally["other events right"] += count["event"] != "main" and row.event != "main"
        tally["rows matched"] += len(used)
    return tally


def _show(item: dict[str, Any], text: str, rows: list[Any]) -> None:
    """The sentence, the gold's counts and the tool's casualty rows, for reading the misses of the tuning half."""
    print(f"\n{item['id']} {item['corpus']} {item['doc_id']}: {text[item['sent_start']:item['sent_end']]!r}")
    for count in item["counts"]:
        print(f"   gold {count['metric']:22} {count['value']!s:>6} {'implicit' if count['implicit'] else '':8} "
              f"{count['event']:5} {count['surface']!r}")
    for row in rows:
        print(f"   tool {row.metric:22} {row.value!s:>6} {'implicit' if row.implicit else '':8} {row.event:5} "
              f"{row.quote!r} entity={row.entity!r} {row.event_cue or ''}")


def line(part: str, tally: Counter[str]) -> str:
    def share(numerator: str, denominator: str) -> str:
        value = tally[numerator] / tally[denominator] if tally[denominator] else 0.0
        return f"{value:.3f} ({tally[numerator]}/{tally[denominator]})"

    tally["found"] = tally["explicit found"] + tally["implicit found"]
    tally["counts"] = tally["explicit"] + tally["implicit"]
    return (
        f"[{part}] explicit counts: recall {share('explicit found', 'explicit')}, metric "
        f"{share('explicit metric right', 'explicit found')}, value {share('explicit value right', 'explicit found')}"
        f"; implicit counts: recall {share('implicit found', 'implicit')}; casualty rows: precision "
        f"{share('rows matched', 'rows')}\n[{part}] all counts: recall {share('found', 'counts')}, precision "
        f"{share('rows matched', 'rows')}; event right {share('event right', 'found')} (another event's: "
        f"{share('other events right', 'other events')})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each sentence of the tuning half with both readings")
    args = parser.parse_args()
    if not (CORPORA / FILES["ecbplus"][0]).exists():
        raise SystemExit(f"bench.score_casualty_gold: {CORPORA}: the shared corpora are not there")
    if args.show:
        print(line("tune", score("tune", show=True)))
        return
    for part in ("tune", "heldout"):
        print(line(part, score(part)))


if __name__ == "__main__":
    main()
