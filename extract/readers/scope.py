"""What a claim's own sentence says about the scope of its figure, read once at extraction into the fact row.

The consistency stage decides whether two claims speak of the same thing from their rows alone; whatever it needs
from the sentence is read here: whether the figure is a forecast (`projected`), an addition to an earlier count
(`increment`), limited to a place below the story's own or to a degree of harm (`local_scope`), whether a word of
its metric touches it (`cue_beside`), the months or relative times without a year that date it (`undated_time`),
whether the sentence speaks of several events of its kind (`several_events`), whether it states a total whose
parts follow (`states_total`), the places its entity names
(`entity_places`), and whose figure an age or a count of children is (`holder`, with `then` for an age as it was
then). Word lists are in extract/lexicons/claim_scope.toml and entity_classes.toml.

>>> sentence = "Another 12 people died in Bener Meriah district, and the toll could rise."
>>> scope = read_scope(sentence, 8, 10, "casualties.killed", "people")
>>> (scope.projected, scope.increment, scope.local_scope, scope.cue_beside)
(False, True, 'in bener meriah district', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

import regex

from extract.grammar.timeexpr import MONTH_NAMES
from extract.lexicons import alternation, load_toml
from extract.readers.attribution import clause_around
from extract.readers.persons import AGE_METRIC, person_key
from extract.readers.places import find_places

__all__ = ["CHILDREN_METRIC", "ClaimScope", "read_scope"]

CHILDREN_METRIC: Final = "person.children"
WORD: Final = regex.compile(r"\S+")
# "in one of the largest jewel heists in history": the plural names the events this one is ranked among.
RANKED_AMONG: Final = regex.compile(r"(?i)\bone\s+of\s+the\s+(?:[\p{L}'’-]+\s+){0,4}\Z")
MONTHS: Final = alternation(MONTH_NAMES)  # case-sensitive: "may" and "march" are verbs


@dataclass(frozen=True, slots=True)
class ClaimScope:
    projected: bool
    increment: bool
    local_scope: str | None
    cue_beside: bool
    undated_time: frozenset[str]
    several_events: bool
    states_total: bool
    entity_places: frozenset[str]
    holder: str | None
    age_then: bool


def _words(key: str) -> str:
    return alternation(_lexicon()[key])


@cache
def _lexicon() -> dict[str, Any]:
    return load_toml("claim_scope.toml")


@cache
def _classes() -> dict[str, Any]:
    return load_toml("entity_classes.toml")


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """The cues as patterns, compiled once."""
    lexicon = _lexicon()
    return {
        "projection": regex.compile(rf"(?i)\b(?:{_words('projection')})\b"),
        "clause_joint": regex.compile(
            rf"(?i)\s+(?:{_words('clause_joints')})\s+(?=(?:{_words('clause_subjects')})\b)"
        ),
        "increment_before": regex.compile(rf"(?i)\b(?:{_words('increment_before')})\s+\Z"),
        "increment_after": regex.compile(rf"(?i)\s+(?:{_words('increment_after')})\b"),
        "local_scope": regex.compile(
            rf"\b(?i:{_words('local_prepositions')})\s+(?:(?i:the)\s+)?(?:(?i:neighbou?ring)\s+)?"
            rf"(?:[\p{{Lu}}][\p{{L}}'-]+\s+){{1,3}}(?i:{_words('local_places')})\b"
            # "at a health clinic in Lampahan": one hospital's or clinic's count, whatever its name
            rf"|\b(?i:in|at|from|to)\s+(?i:a|an|the|one)\s+(?:[\p{{L}}-]+\s+){{0,2}}(?i:{_words('facilities')})\b"
        ),
        "severity_after": regex.compile(
            rf"\A(?:\s+[\p{{L}}-]+){{0,3}}?\s+(?i:{_words('severity')})\s+(?i:{_words('harmed')})\b"
        ),
        "severity_before": regex.compile(rf"(?i)\b(?:{_words('severity')})[\s-]+(?:{_words('harmed')})\s+\Z"),
        "parent_before": regex.compile(rf"(?i)\b(?P<parent>{alternation(lexicon['parents'])})\s+of\s+\Z"),
        # "In February", "in early March", "last year", "two years ago": a background event's time, unresolved (no
        # year, no article date). A month with its day ("on 6 December") is more often the story's own date.
        "undated_time": regex.compile(
            rf"\b(?i:{_words('undated_prepositions')})\s+(?:(?i:{_words('period_edges')})\s*)?"
            rf"(?P<month>{MONTHS})\b(?!\s+\d)"
            r"|(?P<month>(?i:last|previous|the\s+previous|earlier\s+this|late\s+last|early\s+last)\s+"
            r"(?:year|month|decade))\b"
            r"|(?P<month>(?i:(?:\w+|a)\s+(?:years?|months?|decades?)\s+ago))\b"
            # "almost two years after the city of Bam was destroyed", "just weeks after a driver shot eight people"
            r"|(?P<month>(?i:(?:\w+|a)\s+(?:years?|months?|weeks|decades?)\s+(?:after|before|earlier)))\b"
        ),
        "total_cue": regex.compile(rf"(?i)\b(?:{_words('total_cues')})\b"),
        "part_before": regex.compile(rf"(?i)\b(?:{_words('part_before')})\s+\Z"),
        "part_after": regex.compile(rf"(?i)\A\s+(?:{_words('part_after')})\b"),
        # "Of the 23 pirates arrested, 12 are Somali": a clause opening on the whole, another figure in it.
        "part_opener": regex.compile(rf"(?i)(?:\A|[,;:]\s+)(?:{_words('part_openers')})\s+[^,;:]*\d[^,;:]*,\s+\Z"),
        "several_events": _cue_words(_classes()["several_events"]),
        "default_cue": _cue_words(_classes()["default_when"]),
    }


# How much of its sentence a part's scope keeps: enough to tell its part from another's.
PART_SCOPE_CHARS = 120


def _cue_words(words: list[str]) -> regex.Pattern[str]:
    """Whole words, case-insensitively; a trailing * matches any ending."""
    parts = [regex.escape(word[:-1]) + r"\w*" if word.endswith("*") else regex.escape(word) for word in words]
    return regex.compile(rf"(?i)(?<!\w)(?:{'|'.join(parts)})(?!\w)")


def read_scope(sentence: str, start: int, end: int, metric: str, entity: str | None) -> ClaimScope:
    """The scope of the figure at [start, end) of `sentence` (offsets in the sentence), of metric `metric`."""
    holder, then = _holder(sentence, start, end, metric, entity)
    return ClaimScope(
        projected=_projected(sentence, start, end),
        increment=_increment(sentence, start, end),
        local_scope=_local_scope(sentence, start, end),
        cue_beside=_cue_beside(sentence, start, end),
        undated_time=_undated_time(sentence),
        several_events=_several_events(sentence),
        states_total=_states_total(sentence, start),
        entity_places=_places_named(entity) if entity else frozenset(),
        holder=holder,
        age_then=then,
    )


@cache
def _places_named(entity: str) -> frozenset[str]:
    """The places an entity phrase names ("citizens of Kyrgyzstan": KGZ): a subgroup keyed to them."""
    return frozenset(mention.code for mention in find_places(entity))


def _projected(sentence: str, start: int, end: int) -> bool:
    """Whether the claim's clause forecasts, targets or supposes rather than reports."""
    patterns = _patterns()
    clause_start, clause_end = clause_around(sentence, start, end)
    # "12 people had been killed and the death toll could rise": a coordinated clause forecasts, not this one.
    for joint in patterns["clause_joint"].finditer(sentence, clause_start, clause_end):
        if joint.end() <= start:
            clause_start = joint.end()
        elif joint.start() >= end:
            clause_end = joint.start()
            break
    # "plans to push through tough budget cuts demanded by the EU and IMF in exchange for a 110 billion euro aid
    # package": a plan far before the figure is about another verb's object.
    clause_start = max(clause_start, _words_before(sentence, start, int(_lexicon()["projection_reach"])))
    return patterns["projection"].search(sentence, clause_start, clause_end) is not None


def _words_before(sentence: str, at: int, count: int) -> int:
    """Where the `count` words before offset `at` start."""
    starts = [found.start() for found in WORD.finditer(sentence, 0, at)]
    return starts[-count] if len(starts) >= count else 0


def _increment(sentence: str, start: int, end: int) -> bool:
    """A count added to an earlier one ("two more victims", "another four people died"), not a total."""
    patterns = _patterns()
    before = patterns["increment_before"].search(sentence, 0, start)
    return bool(before or patterns["increment_after"].match(sentence, end))


def _local_scope(sentence: str, start: int, end: int) -> str | None:
    """A place below the story's own ("in Bener Meriah district", "from Zinbi village") the count is limited to,
    a degree of harm ("seriously injured"), or a part of a count its sentence gives or implies ("12 of the 23",
    "including 12 children": "part: " and the clause, so that only a part said in the same words compares with
    it): any of these makes the figure a part of the whole count.

    >>> sentence = "Of the 23 pirates arrested, 12 are reported to be Somali and 11 Yemeni."
    >>> _local_scope(sentence, 28, 30)
    'part: of the 23 pirates arrested, 12 are reported to be somali and 11 yemeni.'
    >>> _local_scope("The Indian navy arrested 23 pirates.", 25, 27) is None
    True
    """
    patterns = _patterns()
    before = sentence[:start]
    if (
        patterns["part_before"].search(before)
        or patterns["part_after"].match(sentence, end)
        or patterns["part_opener"].search(before)
    ):
        _, clause_end = clause_around(sentence, start, end)
        return "part: " + " ".join(sentence[: clause_end].lower().split())[:PART_SCOPE_CHARS]
    if patterns["severity_after"].match(sentence[end:]) or patterns["severity_before"].search(sentence, 0, start):
        return "seriously"
    found = patterns["local_scope"].search(sentence)
    return found.group().lower() if found else None


def _cue_beside(sentence: str, start: int, end: int) -> bool:
    """A word of the metric touches the figure: "kills 1", "1 dead, 2 hurt", "killing 612 people"."""
    # A window, not the whole sentence: a sentence of many figures costs the same per figure as a short one.
    before = sentence[max(0, start - 80) : start].split()[-1:]
    after = sentence[end : end + 160].split()[:2]
    cue = _patterns()["default_cue"]
    return any(cue.fullmatch(word.strip(",.;:!?\"'()")) for word in before + after)


@lru_cache(maxsize=512)
def _undated_time(sentence: str) -> frozenset[str]:
    """The months and relative times without a year the sentence names ("In February", "two years ago")."""
    return frozenset(match["month"].lower() for match in _patterns()["undated_time"].finditer(sentence))


@lru_cache(maxsize=512)
def _several_events(sentence: str) -> bool:
    """The sentence speaks of several events of a kind ("two quakes, measuring 7.6 and 7.4")."""
    events = _patterns()["several_events"]
    return any(not RANKED_AMONG.search(sentence, 0, found.start()) for found in events.finditer(sentence))


def _states_total(sentence: str, start: int) -> bool:
    """A total whose parts follow: the sentence's first total cue stands near the figure ("a total of 30")."""
    cue = _patterns()["total_cue"].search(sentence)
    return cue is not None and abs(cue.start() - start) <= int(_lexicon()["total_reach"])


def _holder(sentence: str, start: int, end: int, metric: str, entity: str | None) -> tuple[str | None, bool]:
    """Whose figure an age ("man (suspect)", "name:gomes") or a count of children ("person.children:mother") is,
    and whether an age is given as it was then ("then 25")."""
    if metric == AGE_METRIC:
        key = person_key(entity, sentence, start, end)
        # A name's key tells "then" by its suffix; so does any key, computed for a stand-in name.
        then = person_key("Stand In", sentence, start, end).endswith(" (then)")
        return key or None, then
    if metric == CHILDREN_METRIC:
        parent = _patterns()["parent_before"].search(sentence, 0, start)
        if parent is None:
            return None, False
        word = parent["parent"].lower()
        return f"{CHILDREN_METRIC}:{_lexicon()['parents'].get(word, word)}", False
    return None, False
