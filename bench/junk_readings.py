"""Count entities and speakers that are no noun phrase: a lone function word, verb, number or date (goal: 0).

Issue 13's second acceptance item. Reads the first N records of Reuters-21578 and AG News from ../shared/corpora
(never committed), extracts them, and counts the facts whose `entity` or `attributed_to` is one word (after a
leading determiner) that is a function word, a verb of the lists below, a number or a date word, and, for a
reported (not projected) figure, whose period ends after the article's date. The word lists are this benchmark's
own, written from English grammar, not the extractor's lexicons, so that the extractor's lists are measured, not
copied.

    python -m bench.junk_readings --records 1500 --show 10
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from datetime import date

import regex

from bench.metric_coverage import CORPUS_FILES
from bench.score_news_gold import CORPORA
from extract.ingest.documents import Document
from extract.readers.periods import parse_reference_date
from extract.run.extraction import extract_document


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _wordset(
    "a an the this that these those it its he she they we you i his her their our my your him them us me who whom "
    "which what whose and or but nor so yet if then than as of in on at by for with from to into onto over under "
    "about above below after before since until during through between among against without within up down out "
    "off is are was were be been being has have had do does did will would shall should can could may might must "
    "not no also just only even still very more most less least some any all each every both either neither such "
    "there here when where why how while"
)
VERBS = _wordset(
    "rose fell slid slipped dropped gained lost climbed jumped surged plunged tumbled eased edged rallied soared "
    "declined increased decreased grew shrank rise fall slide slip drop gain lose climb jump surge plunge tumble ease "
    "edge rally soar decline increase decrease grow shrink said says told reported announced added noted estimated "
    "paid pay bought buy sold sell reached reach totaled totalled amounted stood made make took take gave give "
    "raised raise cut cuts won win killed injured"
)
DATE_WORDS = _wordset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday "
    "tomorrow year years month months week weeks day days quarter"
)
NUMBER = regex.compile(r"\A[\d.,/%-]+\Z|\A(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|"
                       r"million|billion|mln|bln)\Z", regex.IGNORECASE)
LEADING = regex.compile(r"\A(?:the|a|an)\s+", regex.IGNORECASE)


def junk_kind(text: str | None) -> str | None:
    """Which kind of junk a reading is (None: a noun phrase, or empty)."""
    if not text or not text.strip():
        return None
    words = LEADING.sub("", text.strip()).split()
    if len(words) != 1:
        return None
    word = words[0].strip(".,;:'\"()").lower()
    if word in FUNCTION_WORDS:
        return "function word"
    if word in VERBS:
        return "verb"
    if NUMBER.match(word):
        return "number"
    if word in DATE_WORDS:
        return "date"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1500, help="records per corpus (0: all)")
    parser.add_argument("--show", type=int, default=0, help="print this many examples of each column")
    options = parser.parse_args()
    for corpus, (name, key) in CORPUS_FILES.items():
        path = CORPORA / name
        if not path.exists():
            raise SystemExit(f"bench.junk_readings: {path}: the shared corpora are not there")
        counts: Counter[str] = Counter()
        shown: dict[str, list[str]] = {"entity": [], "speaker": []}
        facts = 0
        with path.open(encoding="utf-8") as handle:
            for line in itertools.islice(handle, options.records or None):
                record = json.loads(line)
                text = str(record.get("text") or "")
                if not text.strip():
                    continue
                day = parse_reference_date(_iso(record.get("date")))
                document = Document(source=str(record[key]), path=name, format="txt", text=text,
                                    date=day.isoformat() if day else None)
                for fact in extract_document(document)[2]:
                    facts += 1
                    for column, value in (("entity", fact.entity), ("speaker", fact.attributed_to)):
                        kind = junk_kind(value)
                        if kind:
                            counts[f"{column}: {kind}"] += 1
                            if len(shown[column]) < options.show:
                                shown[column].append(f"{value!r} for {fact.quote!r} in: {fact.sentence[:120]!r}")
                    reported = not fact.projected
                    if day and reported and fact.period_end and not fact.period_inherited and fact.period_end > day:
                        counts["period after the article's date"] += 1
        summary = ", ".join(f"{what} {count}" for what, count in sorted(counts.items())) or "none"
        print(f"{corpus}: {facts} facts; {summary}")
        for column, lines in shown.items():
            for example in lines:
                print(f"   {column}: {example}")


MONTHS = {
    name: number
    for number, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1
    )
}


def _iso(value: object) -> str | None:
    """Reuters' "26-FEB-1987 15:01:01.79" as an ISO date; ISO text as it is; else None."""
    text = str(value or "")
    found = regex.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", text)
    if found and found[2] in MONTHS:
        return date(int(found[3]), MONTHS[found[2]], int(found[1])).isoformat()
    return text or None


if __name__ == "__main__":
    main()
