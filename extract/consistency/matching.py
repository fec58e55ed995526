"""Which claims are about the same thing: story, metric, dimension, measured entity, places and time.

Figures are compared only inside one story (`story` of their rows, extract/stories/), except those of a stable
subject named by its places (a border's length, a territory's area: `identity = "places"` in the metrics
lexicon), which are compared across the pile when their places are read. A row without a story is never compared.
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

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from extract.consistency.model import Record
from extract.lexicons import alternation, load_toml
from extract.readers.events import MAIN, date_text
from extract.readers.metrics import place_keyed, subject_keyed
from extract.readers.persons import AGE_METRIC, same_person, surname_of
from extract.readers.scope import CHILDREN_METRIC

__all__ = [
    "EntityKey",
    "comparison_block",
    "entity_key",
    "is_increment",
    "is_part_of",
    "is_projection",
    "local_scope",
    "may_be_part",
    "may_be_whole",
    "periods_overlap",
    "places_compatible",
    "record_key",
    "same_block",
    "same_event",
    "same_thing",
]

# Metrics that name a kind of quantity rather than a thing measured.
GENERIC_METRICS = frozenset({"other", "duration"})
@dataclass(frozen=True, slots=True)
class EntityKey:
    head: str  # the head noun's class
    places: frozenset[str]  # places named inside the entity phrase
    subgroup: bool  # the head itself names a subgroup (children, soldiers, ...)


@cache
def _lexicon() -> dict[str, Any]:
    return load_toml("entity_classes.toml")


@cache
def _classes() -> tuple[dict[str, str], frozenset[str], dict[str, str], frozenset[str]]:
    raw = _lexicon()
    heads = {word: name for name, words in raw["classes"].items() for word in words}
    return heads, frozenset(raw["subgroups"]), dict(raw["defaults"]), frozenset(raw["event_properties"])


@cache
def _not_heads() -> frozenset[str]:
    return frozenset(_lexicon()["not_heads"])


@cache
def _head_cut() -> regex.Pattern[str]:
    """Where an entity phrase's head noun ends: before "of", "who", "killed", ... ("people of Kyrgyzstan")."""
    return regex.compile(rf"\s+(?:{alternation(_lexicon()['head_ends'])})\b.*$", regex.I)


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
    if subject_keyed(record.metric):
        # A company's profit is that company's: with no subject read, which company's is unknown (issue 13).
        return EntityKey("", frozenset(), False)
    if record.metric in _classes()[3]:
        if record.several_events:
            return EntityKey("", frozenset(), False)  # "two quakes, measuring 7.6 and 7.4": which one?
        return EntityKey(record.metric, frozenset(), False)  # "a 6.4-magnitude quake": the event's own figure
    key = entity_key(record.entity, record.entity_places)
    heads, _, defaults, _ = _classes()
    same_as_people = _lexicon().get("metric_classes", {}).get(record.metric, [])
    if key.head in same_as_people and not key.subgroup:
        # "14,000 refugees" and "14,000 people fled their homes" count the same displaced people.
        key = EntityKey(defaults[record.metric], key.places, False)
    if record.metric in defaults and not key.subgroup and key.head not in heads.values() and record.cue_beside:
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
    identities = [(record.holder, record.entity)] if record.holder else []
    if record.story_person:
        surname = surname_of(record.story_person)
        if len(surname) > 1:
            identities.append((f"name:{surname}{' (then)' if record.age_then else ''}", record.story_person))
    return identities


def _parent_key(record: Record) -> EntityKey:
    return EntityKey(record.holder or "", frozenset(), False)


@cache
def entity_key(entity: str | None, places: frozenset[str] = frozenset()) -> EntityKey:
    """The key of an entity phrase: its head noun's class, the places it names (`entity_places` of its row) and
    whether the head names a subgroup."""
    heads, subgroups, _, _ = _classes()
    if not entity:
        return EntityKey("", frozenset(), False)
    head_phrase = _head_cut().sub("", entity).strip()
    words = regex.findall(r"[\p{L}-]+", head_phrase.lower())
    head = _singular(words[-1]) if words else ""
    if head in _not_heads() or len(head) < 3:
        head = ""  # the entity reader found no noun ("after", "reach"): unknown, never a match
    return EntityKey(heads.get(head, head), places, head in subgroups)


def comparison_block(record: Record) -> str | None:
    """The block of the pile inside which the figure may be compared: its story, or for a stable subject named by
    its places, those places (across stories); None when it cannot be compared at all.

    >>> from extract.table.schema import Fact
    >>> from dataclasses import fields
    >>> blank = {f.name: None for f in fields(Fact)}
    >>> comparison_block(Fact(**{**blank, "metric": "casualties.killed", "places": frozenset(), "story": "s-1"}))
    's-1'
    >>> comparison_block(Fact(**{**blank, "metric": "border.length", "places": frozenset({"TJK", "KGZ"}),
    ...                          "story": "s-1"}))
    'places:KGZ;TJK'
    """
    if record.metric in GENERIC_METRICS:
        return None  # "a duration" says nothing about what lasted: a 91-day bill and a 182-day bill
    if place_keyed(record.metric):
        # A territory's area or a border's length is a place's: without its places, whose is unknown.
        return "places:" + ";".join(sorted(record.places)) if record.places else None
    return record.story


def same_block(first: Record, second: Record) -> bool:
    block = comparison_block(first)
    return block is not None and block == comparison_block(second)


def is_projection(record: Record) -> bool:
    """Whether the claim's clause forecasts, targets or supposes rather than reports (read at extraction)."""
    return record.projected


def same_thing(first: Record, second: Record) -> bool:
    """Comparable claims about one and the same quantity (rule a's matching)."""
    if first.metric != second.metric or first.metric == "other" or first.dimension != second.dimension:
        return False
    if not same_block(first, second):
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
    if not same_event(first, second):
        return False
    if first.metric not in _classes()[3] and local_scope(first) != local_scope(second):
        return False  # "12 killed in Bener Meriah district" counts part of "24 dead" in the province
    if not (places_compatible(first, second) and periods_overlap(first, second)):
        return False
    if _one_article(first, second) and not _same_words(first, second):
        # Two counts of one metric in one article are far more often two groups ("19 people were arrested in the
        # federal probe", "114 arrests in the police investigation") than a contradiction: only figures of the
        # same entity, in the same words, are compared there.
        return False
    return record_key(first) == record_key(second)


def same_event(first: Record, second: Record) -> bool:
    """Whether two figures can be of one event (read at extraction, extract/readers/events.py).

    Figures of the article's main event compare with each other; a figure its sentence places in another event
    (an earlier attack, last year's quake, a comparison) only with one of another event of the same date, and never
    when that date is unknown. A count implied by words ("a man was shot dead") is a person's fate, as often one
    victim of a larger toll as the toll itself: it is never compared. Two tolls of which one counts the attacker and
    the other does not ("including the gunman") count different things, and so do two figures of the main event
    dated by different weekdays in their clauses ("killing 17 people on Thursday", "killing 22 on Sunday").

    >>> from extract.table.schema import Fact
    >>> from dataclasses import fields
    >>> blank = {f.name: None for f in fields(Fact)}
    >>> main = Fact(**{**blank, "event": "main", "implicit": False})
    >>> earlier = Fact(**{**blank, "event": "other", "event_date": "2004-12", "implicit": False})
    >>> same_event(main, main), same_event(main, earlier), same_event(earlier, earlier)
    (True, False, True)
    """
    if first.implicit or second.implicit:
        return False
    if first.perpetrator and second.perpetrator and first.perpetrator != second.perpetrator:
        return False
    if (first.event or MAIN) != (second.event or MAIN):
        # "In December 2003, Bam was razed by a 6.7 quake" (another event, by its opening date) and "A 6.7 quake
        # killed 26,000 in Bam in December 2003" (read as the article's own): one event, by its date
        main, other = (first, second) if (first.event or MAIN) == MAIN else (second, first)
        return bool(other.event_date) and main.has_explicit_period and _period_text(main) == other.event_date
    if (first.event or MAIN) == MAIN:
        # "killing 17 people on Thursday" and "killing 22 people on Sunday": two incidents of one story
        return not (first.event_date and second.event_date and first.event_date != second.event_date)
    return bool(first.event_date) and first.event_date == second.event_date


def _period_text(record: Record) -> str | None:
    """A figure's explicit period as an event's date is written (extract/readers/events.py): "2003-12", "2004"."""
    if record.period_start is None or record.period_end is None:
        return None
    return date_text(record.period_start, record.period_end)


def _one_article(first: Record, second: Record) -> bool:
    return (first.source, first.article) == (second.source, second.article)


def _same_words(first: Record, second: Record) -> bool:
    one, two = (" ".join((record.entity or "").lower().split()) for record in (first, second))
    return bool(one) and one == two


def local_scope(record: Record) -> str | None:
    """A place below the story's own ("in Bener Meriah district") the count is limited to, or a degree of harm
    ("seriously injured") that makes it a part of the whole count (read at extraction)."""
    return record.local_scope


def is_increment(record: Record) -> bool:
    """A count added to an earlier one ("two more victims", "another four people died"), not a total."""
    return record.increment


def may_be_whole(record: Record) -> bool:
    """Whether the figure could be a whole of `is_part_of` at all: a known, unrestricted count, read as reported."""
    if record.unit != "count" or record.metric in _classes()[3] or is_projection(record) or is_increment(record):
        return False
    key = record_key(record)
    return bool(key.head) and not key.subgroup and not key.places and not local_scope(record)


def may_be_part(record: Record) -> bool:
    """Whether the figure could be a part of `is_part_of` at all: a count of a subgroup, of a place or a local
    scope, read as reported."""
    if record.unit != "count" or record.metric in _classes()[3] or is_projection(record) or is_increment(record):
        return False
    key = record_key(record)
    return bool(key.head) and (key.subgroup or bool(key.places) or local_scope(record) is not None)


def is_part_of(part: Record, whole: Record) -> bool:
    """`part` counts a subgroup of what `whole` counts, for the same event and time (rule b's matching)."""
    if part.metric != whole.metric or part.metric == "other" or part.dimension != whole.dimension:
        return False
    if part.unit != "count" or part.metric in _classes()[3]:
        return False  # parts and wholes are counts: an age, a length or a quake's magnitude is not made of others
    if not same_block(part, whole):
        return False
    if not (places_compatible(part, whole) and periods_overlap(part, whole)):
        return False
    if is_projection(part) or is_projection(whole) or is_increment(part) or is_increment(whole):
        return False
    if not same_event(part, whole):
        return False
    piece, total = record_key(part), record_key(whole)
    if not total.head or not piece.head or total.subgroup or total.places or local_scope(whole):
        return False  # the whole must be a known, unrestricted count: "more than 90 people from both sides"
    same_class = piece.head == total.head
    subgroup_of_people = piece.subgroup and total.head == "people"
    local_part = local_scope(part) is not None  # "12 killed in Bener Meriah district" of the province's toll
    return (same_class or subgroup_of_people) and (piece.subgroup or bool(piece.places) or local_part)


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
        return first.undated_time == second.undated_time
    if first.period_start is None or first.period_end is None or second.period_start is None:
        return True
    if second.period_end is None:
        return True
    return not (first.period_end < second.period_start or second.period_end < first.period_start)
