"""Who states a figure, whether it is hedged, and whether it is negated.

Attribution is read from the sentence: "according to X", "X reports/said/considers (that) ...",
"X, the minister, says ...", "(data|figures) from X". Reporting verbs, hedges and negation words are data
(``lexicons/attribution.toml``, whose reporting verbs the persons reader shares). Negation is scoped to the clause
that holds the quantity: "The border is 950 kilometers, and 520 km of it has not yet passed the demarcation
procedures" negates 520 km only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import regex

from extract.lexicons import alternation, load_toml

__all__ = ["Attribution", "attribution_of", "clause_around", "is_hedged", "is_negated"]

MAX_SOURCE_WORDS: Final = 16
INTRODUCTORY: Final = regex.compile(
    r"^(?:As|In|On|At|After|Before|Since|By|For|During|Last|This|Earlier|Later|Meanwhile|However|But|And|Also|"
    r"Then|Now|Today|Yesterday|Until|Following|Throughout)\b"
)
# Clause boundaries: semicolons, colons, dashes, and a comma before a coordinating or relative word.
CLAUSE_BREAK: Final = regex.compile(
    r"""
    \s* (?: [;:] | \s[–—]\s | , \s* (?= (?: and | but | while | whereas | which | although | though | yet )\b ) )
    \s*
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    start: int  # offsets of `source` in the sentence
    end: int


_WORDS: Final = load_toml("attribution.toml")
# A figure's source is the subject of a verb of saying or of finding: one list for both readings.
_SOURCE_VERBS: Final = alternation([*_WORDS["reporting_verbs"], *_WORDS["finding_verbs"]])
_SOURCE_PHRASES: Final = alternation(_WORDS["source_phrases"])
ACCORDING: Final = regex.compile(
    rf"""(?i: \b (?: {_SOURCE_PHRASES} ) ) \s+
         (?P<source> [^,;:()“”"]+? ) \s* (?= [,;:.()“”"] | $ )""",
    regex.VERBOSE,
)
REPORTING: Final = regex.compile(
    rf""",? \s+ (?: has \s+ | have \s+ | had \s+ )?
         (?: (?i: also | further | recently | officially ) \s+ )? (?<! \w ) (?i: {_SOURCE_VERBS} ) \b""",
    regex.VERBOSE,
)
DATA_FROM: Final = regex.compile(
    rf"""(?i: \b (?: data | figures | statistics | estimates ) \s+ (?: from | of | by | published \s+ by ) )
         \s+ (?P<source> [^,;:()“”"]+? ) \s* (?= [,;:.()“”"] | \s+ (?i: {_SOURCE_VERBS} ) \b | $ )""",
    regex.VERBOSE,
)
HEDGES: Final = regex.compile(rf"(?i:\b(?:{alternation(_WORDS['hedges'])})\b)")
NEGATIONS: Final = regex.compile(rf"(?i:(?<![\w-])(?:{alternation(_WORDS['negations'])})(?![\w-])|n[’']t\b)")
NOT_NEGATIONS: Final = regex.compile(rf"(?i:\b(?:{alternation(_WORDS['not_negations'])})\b)")


# "the report says", "a statement said": a determiner before a reporting word makes it a noun.
NOUN_BEFORE: Final = regex.compile(r"(?i)\b(?:the|a|an|its|their|his|her|this|that)\s*\Z")
# A source named by a common noun: "The report", "a company statement", "the ministry" (lexicon: source_nouns).
SOURCE_NOUN: Final = regex.compile(
    rf"(?i)(?:[\p{{L}}-]+\s+){{0,2}}(?:{alternation(_WORDS['source_nouns'])})"
)


@lru_cache(maxsize=4096)
def attribution_of(sentence: str) -> Attribution | None:
    """Who states the figures of `sentence`, or None."""
    for pattern in (ACCORDING, DATA_FROM):
        match = pattern.search(sentence)
        if match:
            return _clean(match.group("source"), match.start("source"))
    for verb in REPORTING.finditer(sentence):
        if NOUN_BEFORE.search(sentence, 0, verb.start()):
            continue  # "The report says": a noun ("report"), not the verb; its noun phrase may be the source
        # The source is what stands before the verb, back to the last bracket, quote, colon or semicolon.
        start = max(sentence.rfind(mark, 0, verb.start()) for mark in ';:()“”"') + 1
        if start >= verb.start():
            continue
        found = _clean(sentence[start : verb.start()], start)
        if found is not None:
            return found
    return None


def _clean(text: str, start: int) -> Attribution | None:
    """The source noun phrase, trimmed to its last clause and of plausible length, starting with a capital."""
    # Keep only the part after the last clause break (", " before an introductory phrase is kept).
    cut = max(text.rfind(". "), text.rfind("; "))
    if cut >= 0:
        start += cut + 2
        text = text[cut + 2 :]
    words = text.split()
    if len(words) > MAX_SOURCE_WORDS:
        # "As of June 1, 2020, the World Health Organization reported": take the last comma-free stretch.
        tail = text[text.rfind(",") + 1 :] if "," in text else ""
        if not tail.strip() or len(tail.split()) > MAX_SOURCE_WORDS:
            return None
        start += len(text) - len(tail)
        text = tail
    if "," in text:
        # "As of June 1, 2020, the World Health Organization reported ...": an introductory phrase;
        # "At least 43 people were killed, the United Nations said": the figure's clause comes first.
        head, tail = text[: text.rfind(",")], text[text.rfind(",") + 1 :]
        if tail.strip() and (INTRODUCTORY.match(head.strip()) or any(character.isdigit() for character in head)):
            start += len(head) + 1
            text = tail
    leading = len(text) - len(text.lstrip())
    start += leading
    text = text.strip().rstrip(",")
    stripped = regex.sub(r"^(?i:the|a|an|that|which|and|but|so|as)\s+", "", text)
    # Only a source that opens its sentence with a capitalised determiner: ", the company said" after the figure
    # has long been read as no source, and "the company" there is usually the subject named before.
    if stripped != text and text[:1].isupper() and stripped[:1].islower() and SOURCE_NOUN.fullmatch(stripped):
        return Attribution(text, start, start + len(text))  # "The report", "a company statement"
    start += len(text) - len(stripped)
    text = stripped
    if not text or not (text[0].isupper() or text.startswith(("official", "government"))):
        return None
    if regex.match(r"^(?:It|This|That|These|Those|There|He|She|They|We|I|You|Which|Who)\b", text):
        return None
    return Attribution(text, start, start + len(text))


def is_hedged(sentence: str) -> bool:
    return HEDGES.search(sentence) is not None


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause of `sentence` that holds the span [start, end)."""
    breaks = _clause_breaks(sentence)
    before = bisect_right(breaks, start, key=lambda span: span[1])  # the breaks that end at or before `start`
    clause_start = breaks[before - 1][1] if before else 0
    after = bisect_left(breaks, end, lo=before, key=lambda span: span[0])  # the first to start at or after `end`
    clause_end = breaks[after][0] if after < len(breaks) else len(sentence)
    return clause_start, clause_end


# Every quantity of a sentence asks for its clause: the breaks are found once per sentence.
@lru_cache(maxsize=512)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple((match.start(), match.end()) for match in CLAUSE_BREAK.finditer(sentence))


def is_negated(sentence: str, start: int, end: int) -> bool:
    """Whether the clause around the quantity at [start, end) is negated, outside the quantity itself."""
    clause_start, clause_end = clause_around(sentence, start, end)
    for part_start, part_end in ((clause_start, start), (end, clause_end)):
        part = sentence[part_start:part_end]
        for match in NEGATIONS.finditer(part):
            rest = part[match.start() :]
            if not NOT_NEGATIONS.match(rest):
                return True
    return False
