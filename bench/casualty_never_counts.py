"""Casualty facts that are no casualty count at all, over whole corpora (issue 14, acceptance 2; goal 0 of each).

Every record of ECB+ (982 articles) and Reuters-21578 (19,043 stories with text; or `--limit N` of them) is
extracted in this process (two worker processes by default), and every row of a `casualties.*` metric is tested
against detectors written here for this benchmark, apart from the extractor's own rules, from the figure's
neighbourhood in its sentence:

- address: a street or block number ("the 3400 block of", "1200 Main Street");
- phone: a phone or emergency number ("call 911", "555-0142", "1-800");
- counter: a counter of photos, pages or items ("Photo 3 of 24", "page 2", "No. 7");
- calibre: a gun's calibre or a shell's size (".38-caliber", "9mm", "12-gauge");
- age: a person's age ("Banky, 40,", "a 16-year-old", "aged 41", "died at 91");
- time: a time of day ("at 5:11 p.m.", "2 a.m.");
- case number: a case, statute, flight or route number ("Flight 93", "case 12-345").

    python -m bench.casualty_never_counts            # both corpora, whole
    python -m bench.casualty_never_counts --limit 3000 --show 5
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Final

import regex

from bench.score_news_gold import CORPORA, FILES, records
from extract.ingest.documents import Document
from extract.run.extraction import extract_document

CONTEXT: Final = 40
# Each detector: (pattern on the text before the figure, pattern on the text after it); either may be None.
DETECTORS: Final[dict[str, tuple[str | None, str | None]]] = {
    "address": (
        r"(?i)\bblock\s+of\s*\Z",
        r"\A(?:th|st|nd|rd)?\s+(?:\p{Lu}\p{Ll}+\s+){0,3}(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Blvd\b|"
        r"Lane|Drive|Way|Place|Court|Highway)|\A\s+block\b",
    ),
    "phone": (
        r"(?i)\b(?:call(?:ed|ing)?|dial(?:l?ed|l?ing)?|phone|hotline|telephone|tel\.?)\s*\Z|\d{3}[-.\s]\Z",
        r"\A[-.\s]\d{3,4}\b",
    ),
    "counter": (
        r"(?i)\b(?:photo|image|picture|slide|page|video|gallery|item|no\.|number|#)\s*\Z",
        r"(?i)\A\s+of\s+\d+\s+(?:photos|images|pictures|slides|pages)\b|\A\s+(?:photos|images|pictures|slides)\b",
    ),
    "calibre": (
        r"\.\Z",
        r"(?i)\A\s*-?\s*(?:caliber|calibre|mm|millimet(?:er|re)s?|gauge|magnum)\b",
    ),
    "age": (
        r"(?i)(?:\b(?:aged|age|ages|at\s+the\s+age\s+of)\s*|\bdie[sd]\b[^.;]{0,30}\bat\s*)\Z",
        r"(?i)\A\s*-?\s*(?:years?|yr)s?[-\s]old\b",
    ),
    "time": (
        None,
        r"(?i)\A(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)(?!\w)",
    ),
    "case number": (
        r"(?i)\b(?:case|statute|section|flight|route|interstate|highway|chapter|article|docket)\s*(?:no\.?\s*)?\Z",
        None,
    ),
}
AGE_FIGURE: Final = regex.compile(r"\A\d{1,3}\Z")
NAME_COMMA: Final = regex.compile(r"(?:\p{Lu}[\p{L}'’-]+|\bboth|\bages?),\s*\Z")
COMMA_AFTER: Final = regex.compile(r"\A\s*(?:,|and\s+\d{1,3}\s*,)")
COMPILED: Final = {
    name: (regex.compile(before) if before else None, regex.compile(after) if after else None)
    for name, (before, after) in DETECTORS.items()
}


def kinds_of(sentence: str, start: int, end: int) -> list[str]:
    """The detectors that fire on the figure at [start, end) of `sentence`.

    >>> kinds_of("Benjamin Banky, 40, of Vancouver was killed.", 16, 18)
    ['age']
    >>> kinds_of("Two people were killed in the 3400 block of Elm Street.", 0, 3)
    []
    """
    before, after = sentence[max(0, start - CONTEXT) : start], sentence[end : end + CONTEXT]
    found = []
    if AGE_FIGURE.match(sentence[start:end]) and NAME_COMMA.search(before) and COMMA_AFTER.match(after):
        found.append("age")  # "Scott Russell, 46, was injured": an age between commas after a name
    for name, (before_pattern, after_pattern) in COMPILED.items():
        if name in found:
            continue
        if (before_pattern and before_pattern.search(before)) or (after_pattern and after_pattern.match(after)):
            found.append(name)
    return found


def _rows(item: tuple[str, str, str]) -> list[tuple[str, str, str, list[str]]]:
    corpus, key, text = item
    document = Document(source=f"{corpus}#{key}", path=key, format="txt", text=text)
    out = []
    for fact in extract_document(document)[2]:
        if not fact.metric.startswith("casualties.") or fact.implicit:
            continue
        at = fact.start - fact.sentence_start
        kinds = kinds_of(fact.sentence, at, at + len(fact.quote))
        out.append((corpus, fact.quote, fact.sentence, kinds))
    return out


def _items(corpus: str, limit: int | None) -> Iterator[tuple[str, str, str]]:
    for number, (key, record) in enumerate(records(corpus).items()):
        if limit is not None and number >= limit:
            return
        text = str(record.get("text") or "")
        if text.strip():
            yield corpus, key, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N records of each corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=3, help="examples printed for each detector that fired")
    parser.add_argument("--corpora", nargs="+", default=["ecbplus", "reuters"], choices=["ecbplus", "reuters"])
    args = parser.parse_args()
    if not (CORPORA / FILES["ecbplus"][0]).exists():
        raise SystemExit(f"bench.casualty_never_counts: {CORPORA}: the shared corpora are not there")
    for corpus in args.corpora:
        started = time.process_time()
        tally: Counter[str] = Counter()
        examples: defaultdict[str, list[str]] = defaultdict(list)
        with ProcessPoolExecutor(args.jobs) as pool:
            for rows in pool.map(_rows, _items(corpus, args.limit), chunksize=64):
                for _, quote, sentence, kinds in rows:
                    tally["casualty facts"] += 1
                    for kind in kinds:
                        tally[kind] += 1
                        if len(examples[kind]) < args.show:
                            examples[kind].append(f"{quote!r} in {' '.join(sentence.split())[:160]!r}")
        counts = ", ".join(f"{name} {tally[name]}" for name in DETECTORS)
        print(f"[{corpus}] {tally['casualty facts']} casualty facts (numerals): {counts} "
              f"({time.process_time() - started:.0f} s CPU in this process)")
        for kind, lines in examples.items():
            for line in lines:
                print(f"   {kind}: {line}")


if __name__ == "__main__":
    main()
