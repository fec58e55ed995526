"""Which claims are about the same thing: metric, dimension, measured entity, places and time.

Two claims are comparable when their metric (not ``other``) and dimension agree, their places are
compatible (the same set for a border, which the claims stage already names by its sorted pair however it was
written; otherwise overlapping, or unknown on one side), their time scopes agree (both undated, or explicit
periods that overlap; a period inherited from the article's date counts as undated), and their entities have
the same key: the head
noun's class ("people", "persons", "victims" are one class) and the places named inside the entity ("citizens
of Kyrgyzstan" is a subgroup keyed to KGZ, "people" is not). A claim whose entity adds a restriction the
other lacks (a place, or a subgroup noun such as "children", "soldiers") is a *part* of the other.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import regex

from extract.consistency.model import Record
from extract.readers.attribution import clause_around
from extract.readers.persons import AGE_METRIC, person_key, same_person
from extract.readers.places import find_places

__all__ = [
    "EntityKey",
    "entity_key",
    "is_increment",
    "is_part_of",
    "is_projection",
    "local_scope",
    "periods_overlap",
    "places_compatible",
    "record_key",
    "same_thing",
]

# Metrics that name a kind of quantity rather than a thing measured.
GENERIC_METRICS = frozenset({"other", "duration"})
# Words the entity reader can leave at the end of a phrase that are not nouns: such an entity is unknown.
NOT_HEADS = frozenset(
    [
        "after",
        "before",
        "since",
        "during",
        "the",
        "a",
        "an",
        "of",
        "for",
        "from",
        "with",
        "within",
        "over",
        "under",
        "about",
        "around",
        "than",
        "to",
        "by",
        "at",
        "in",
        "on",
        "reach",
        "reached",
        "aims",
        "aim",
        "plans",
        "plan",
        "expected",
        "will",
        "would",
        "could",
        "may",
        "might",
        "last",
        "next",
        "first",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
    ]
)
# A claim in a clause with one of these is a projection, a target or a possibility: not comparable with a
# figure that reports what happened.
PROJECTION = regex.compile(
    r"(?i)\b(?:will|would|could|may|might|shall|expected\s+to|expects?\s+to|plans?\s+to|planned|aims?|aimed|"
    r"targets?|targeted|forecasts?|projected|projections?|likely\s+to|set\s+to|seeks?\s+to|hopes?\s+to|"
    r"wants?\s+to|intends?\s+to|goal)\b"
)
WORD = regex.compile(r"\S+")
PROJECTION_REACH = 12  # words before a figure within which a forecast word makes it a projection
COORDINATED_CLAUSE = regex.compile(
    r"(?i)\s+(?:and|but|while)\s+(?=(?:the|that|this|a|an|it|he|she|they|we|its|his|her|their|officials|police)\b)"
)
INCREMENT_BEFORE = regex.compile(r"(?i)\b(?:another|an\s+additional|additional|a\s+further|further|extra)\s+\Z")
INCREMENT_AFTER = regex.compile(r"(?i)\s+(?:more|additional|further|extra)\b")
LOCAL_SCOPE = regex.compile(
    r"\b(?i:in|at|from|of)\s+(?:(?i:the)\s+)?(?:(?i:neighbou?ring)\s+)?(?:[\p{Lu}][\p{L}'-]+\s+){1,3}"
    r"(?i:district|village|villages|neighbou?rhood|hospital|clinic|camp|county|township|sub-district)\b"
    # "at a health clinic in Lampahan": one hospital's or clinic's count, whatever its name
    r"|\b(?i:in|at|from|to)\s+(?i:a|an|the|one)\s+(?:[\p{L}-]+\s+){0,2}(?i:hospital|clinic)\b"
)
# "30 people seriously injured": the gravely hurt are a part of all the injured, not a rival count of them.
SEVERITY_AFTER = regex.compile(
    r"\A(?:\s+[\p{L}-]+){0,3}?\s+(?i:seriously|critically|severely|badly|gravely)\s+(?i:injured|wounded|hurt)\b"
)
SEVERITY_BEFORE = regex.compile(
    r"(?i)\b(?:seriously|critically|severely|badly|gravely)[\s-]+(?:injured|wounded|hurt)\s+\Z"
)
# "a mother of 12": how many children a parent has is the parent's, keyed by which parent it is.
CHILDREN_METRIC = "person.children"
PARENT_BEFORE = regex.compile(r"(?i)\b(?P<parent>(?:grand)?(?:mother|mom|mum|father|dad)|parents?)\s+of\s+\Z")
PARENTS = {"mom": "mother", "mum": "mother", "dad": "father", "parents": "parent"}
HEAD_CUT = regex.compile(r"\s+(?:of|from|in|at|on|who|which|that|studying|living|working|killed|injured)\b.*$", regex.I)


@dataclass(frozen=True, slots=True)
class EntityKey:
    head: str  # the head noun's class
    places: frozenset[str]  # places named inside the entity phrase
    subgroup: bool  # the head itself names a subgroup (children, soldiers, ...)


@cache
def _lexicon() -> dict[str, Any]:
    return tomllib.loads(files("extract").joinpath("lexicons/entity_classes.toml").read_text(encoding="utf-8"))


@cache
def _classes() -> tuple[dict[str, str], frozenset[str], dict[str, str], frozenset[str]]:
    raw = _lexicon()
    heads = {word: name for name, words in raw["classes"].items() for word in words}
    return heads, frozenset(raw["subgroups"]), dict(raw["defaults"]), frozenset(raw["event_properties"])


def _words_pattern(words: list[str]) -> regex.Pattern[str]:
    """Whole words, case-insensitively; a trailing * matches any ending."""
    parts = [regex.escape(word[:-1]) + r"\w*" if word.endswith("*") else regex.escape(word) for word in words]
    return regex.compile(rf"(?i)(?<!\w)(?:{'|'.join(parts)})(?!\w)")


@cache
def _several_events() -> regex.Pattern[str]:
    return _words_pattern(_lexicon()["several_events"])


# "in one of the largest jewel heists in history": the plural names the events this one is ranked among.
RANKED_AMONG = regex.compile(r"(?i)\bone\s+of\s+the\s+(?:[\p{L}'’-]+\s+){0,4}\Z")


def _speaks_of_several(sentence: str) -> bool:
    return any(
        not RANKED_AMONG.search(sentence, 0, found.start()) for found in _several_events().finditer(sentence)
    )


@cache
def _default_cues() -> regex.Pattern[str]:
    return _words_pattern(_lexicon()["default_when"])


def _default_applies(record: Record) -> bool:
    """The figure touches its metric's verb or adjective: "kills 1", "1 dead, 2 hurt", "killing 612 people"."""
    at = record.sentence.find(record.quote)
    if at < 0:
        return False
    before = record.sentence[:at].split()[-1:]
    after = record.sentence[at + len(record.quote) :].split()[:2]
    return any(_default_cues().fullmatch(word.strip(",.;:!?\"'()")) for word in before + after)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def record_key(record: Record) -> EntityKey:
    """The entity key of a claim: its entity's; for an amount, a measure or a share, its metric's.

    An amount of money or a length is keyed by its metric once the entity reader found a noun for it: the
    subject a sentence gives a figure ("China aims", "the state border") names it too loosely to compare.
    Claims whose entity is unknown are never matched: the checker stays quiet rather than guess.
    """
    if record.metric == AGE_METRIC:
        return _age_key(record)
    if record.metric == CHILDREN_METRIC:
        return _parent_key(record)
    if record.metric in _classes()[3]:
        if _speaks_of_several(record.sentence):
            return EntityKey("", frozenset(), False)  # "two quakes, measuring 7.6 and 7.4": which one?
        return EntityKey(record.metric, frozenset(), False)  # "a 6.4-magnitude quake": the event's own figure
    key = entity_key(record.entity)
    heads, _, defaults, _ = _classes()
    same_as_people = _lexicon().get("metric_classes", {}).get(record.metric, [])
    if key.head in same_as_people and not key.subgroup:
        # "14,000 refugees" and "14,000 people fled their homes" count the same displaced people.
        key = EntityKey(defaults[record.metric], key.places, False)
    if record.metric in defaults and not key.subgroup and key.head not in heads.values() and _default_applies(record):
        # "Gunman kills 1", "1 dead, 2 hurt": no known noun, but a death toll counts people. The words the entity
        # reader took are no noun phrase of theirs, so their places do not restrict it ("The Indian navy said it
        # arrested 23 pirates" are not Indians).
        key = EntityKey(defaults[record.metric], frozenset(), False)
    if record.metric in GENERIC_METRICS:
        return key  # "a duration" says nothing about what lasted: only the entity itself can match
    if record.dimension.startswith("[currency") or record.kind in ("measure", "percent", "money"):
        return EntityKey(record.metric if key.head else "", key.places, False)
    return key


def _age_key(record: Record) -> EntityKey:
    """An age is keyed to its person: a surname, or a describing noun with the person's role in the story, else
    the name another article of the story gives the person."""
    identities = _age_identities(record)
    return EntityKey(identities[0][0] if identities else "", frozenset(), False)


def _age_identities(record: Record) -> list[tuple[str, str | None]]:
    """Who an age may be compared as: its own holder ("man (suspect)"), and the person another article of the
    story names ("name:gomes", Gary Gomes). Each with the holder's words, for `same_person`."""
    at = record.sentence.find(record.quote)
    start, end = (at, at + len(record.quote)) if at >= 0 else (0, 0)
    own = person_key(record.entity, record.sentence, start, end)
    identities = [(own, record.entity)] if own else []
    if record.story_person:
        identities.append((person_key(record.story_person, record.sentence, start, end), record.story_person))
    return identities


def _parent_key(record: Record) -> EntityKey:
    at = record.sentence.find(record.quote)
    parent = PARENT_BEFORE.search(record.sentence, 0, at) if at >= 0 else None
    if parent is None:
        return EntityKey("", frozenset(), False)
    word = parent["parent"].lower()
    return EntityKey(f"{CHILDREN_METRIC}:{PARENTS.get(word, word)}", frozenset(), False)


@cache
def entity_key(entity: str | None) -> EntityKey:
    heads, subgroups, _, _ = _classes()
    if not entity:
        return EntityKey("", frozenset(), False)
    head_phrase = HEAD_CUT.sub("", entity).strip()
    words = regex.findall(r"[\p{L}-]+", head_phrase.lower())
    head = _singular(words[-1]) if words else ""
    if head in NOT_HEADS or len(head) < 3:
        head = ""  # the entity reader found no noun ("after", "reach"): unknown, never a match
    places = frozenset(mention.code for mention in find_places(entity))
    return EntityKey(heads.get(head, head), places, head in subgroups)


def is_projection(record: Record) -> bool:
    """Whether the claim's clause forecasts, targets or supposes rather than reports."""
    at = record.sentence.find(record.quote)
    if at < 0:
        return PROJECTION.search(record.sentence) is not None
    clause_start, clause_end = clause_around(record.sentence, at, at + len(record.quote))
    # "12 people had been killed and the death toll could rise": a coordinated clause forecasts, not this one.
    for joint in COORDINATED_CLAUSE.finditer(record.sentence, clause_start, clause_end):
        if joint.end() <= at:
            clause_start = joint.end()
        elif joint.start() >= at + len(record.quote):
            clause_end = joint.start()
            break
    # "plans to push through tough budget cuts demanded by the EU and IMF in exchange for a 110 billion euro aid
    # package": a plan far before the figure is about another verb's object.
    clause_start = max(clause_start, _words_before(record.sentence, at, PROJECTION_REACH))
    return PROJECTION.search(record.sentence, clause_start, clause_end) is not None


def _words_before(sentence: str, at: int, count: int) -> int:
    """Where the `count` words before offset `at` start."""
    starts = [found.start() for found in WORD.finditer(sentence, 0, at)]
    return starts[-count] if len(starts) >= count else 0


def same_thing(first: Record, second: Record) -> bool:
    """Comparable claims about one and the same quantity (rule a's matching)."""
    if first.metric != second.metric or first.metric == "other" or first.dimension != second.dimension:
        return False
    if first.metric == AGE_METRIC:
        # An age is a person's, not an event's: no forecast, place or period of the sentence changes it.
        if (first.source, first.article) == (second.source, second.article) and first.entity != second.entity:
            return False  # "Gray, 16" and "Gray's older sister, Mahnefah Gray, 19": one article, two people
        return any(
            key == other_key and same_person(holder, other_holder)
            for key, holder in _age_identities(first)
            for other_key, other_holder in _age_identities(second)
        )
    if first.metric == CHILDREN_METRIC:
        # So is a parent's count of children ("a mother of 12 killed in Oct. 2011").
        return bool(record_key(first).head) and record_key(first) == record_key(second)
    if is_projection(first) != is_projection(second) or is_increment(first) or is_increment(second):
        return False
    if first.metric not in _classes()[3] and local_scope(first) != local_scope(second):
        return False  # "12 killed in Bener Meriah district" counts part of "24 dead" in the province
    if not (places_compatible(first, second) and periods_overlap(first, second)):
        return False
    return record_key(first) == record_key(second)


@cache
def _local_scope_text(sentence: str) -> str | None:
    found = LOCAL_SCOPE.search(sentence)
    return found.group().lower() if found else None


def local_scope(record: Record) -> str | None:
    """A place below the story's own ("in Bener Meriah district", "from Zinbi village") the count is limited to,
    or a degree of harm ("seriously injured") that makes it a part of the whole count."""
    at = record.sentence.find(record.quote)
    after = record.sentence[at + len(record.quote) :] if at >= 0 else ""
    if at >= 0 and (SEVERITY_AFTER.match(after) or SEVERITY_BEFORE.search(record.sentence, 0, at)):
        return "seriously"
    return _local_scope_text(record.sentence)


def is_increment(record: Record) -> bool:
    """A count added to an earlier one ("two more victims", "another four people died"), not a total."""
    at = record.sentence.find(record.quote)
    if at < 0:
        return False
    return bool(
        INCREMENT_BEFORE.search(record.sentence, 0, at)
        or INCREMENT_AFTER.match(record.sentence, at + len(record.quote))
    )


def is_part_of(part: Record, whole: Record) -> bool:
    """`part` counts a subgroup of what `whole` counts, for the same event and time (rule b's matching)."""
    if part.metric != whole.metric or part.metric == "other" or part.dimension != whole.dimension:
        return False
    if part.unit != "count":
        return False  # parts and wholes are counts: an age or a length is not made of others
    if not (places_compatible(part, whole) and periods_overlap(part, whole)):
        return False
    if is_projection(part) or is_projection(whole) or is_increment(part) or is_increment(whole):
        return False
    piece, total = record_key(part), record_key(whole)
    if not total.head or not piece.head or total.subgroup or total.places or local_scope(whole):
        return False  # the whole must be a known, unrestricted count: "more than 90 people from both sides"
    same_class = piece.head == total.head
    subgroup_of_people = piece.subgroup and total.head == "people"
    local_part = local_scope(part) is not None  # "12 killed in Bener Meriah district" of the province's toll
    return (same_class or subgroup_of_people) and (piece.subgroup or bool(piece.places) or local_part)


# "In February", "in early March", "last year", "two years ago": a background event's time, unresolved (no year,
# no article date). A month with its day ("on 6 December") is more often the story's own date.
MONTH_NAME = regex.compile(
    r"\b(?i:in|since|during|last|until)\s+(?:(?i:early|late|mid-?)\s*)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?!\s+\d)"
    r"|(?P<month>(?i:last|previous|the\s+previous|earlier\s+this|late\s+last|early\s+last)\s+(?:year|month|decade))\b"
    r"|(?P<month>(?i:(?:\w+|a)\s+(?:years?|months?|decades?)\s+ago))\b"
    # "almost two years after the city of Bam was destroyed", "just weeks after a driver shot eight people"
    r"|(?P<month>(?i:(?:\w+|a)\s+(?:years?|months?|weeks|decades?)\s+(?:after|before|earlier)))\b"
)


@cache
def _yearless_months(sentence: str) -> frozenset[str]:
    """The months a sentence names (its period unresolved: no year, no article date): "In February"."""
    return frozenset(match["month"].lower() for match in MONTH_NAME.finditer(sentence))


def places_compatible(first: Record, second: Record) -> bool:
    if first.metric.startswith("border.") or second.metric.startswith("border."):
        return bool(first.places) and first.places == second.places
    return not first.places or not second.places or bool(first.places & second.places)


def periods_overlap(first: Record, second: Record) -> bool:
    """Whether the two claims can speak of the same time.

    Explicit periods must overlap. A claim with an explicit period ("in 2004 ... killed 230,000") and one
    without ("Five people died") are not taken to overlap: in news a dated figure beside an undated one is
    usually background, another event. Inherited periods (the article's date) count as no period.
    """
    if first.metric == AGE_METRIC == second.metric and not (first.has_explicit_period and second.has_explicit_period):
        return True  # a person's age is dated by the story, not by a date in its sentence ("was killed Friday")
    if first.has_explicit_period != second.has_explicit_period:
        return False
    if not first.has_explicit_period:
        # "In February, a gunman killed five people": a month without a year (and no article date to give it
        # one) still dates the figure; it is not the undated story of the article.
        return _yearless_months(first.sentence) == _yearless_months(second.sentence)
    if first.period_start is None or first.period_end is None or second.period_start is None:
        return True
    if second.period_end is None:
        return True
    return not (first.period_end < second.period_start or second.period_end < first.period_start)
