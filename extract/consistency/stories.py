"""Stories: articles of one pile that report the same event, and the persons their ages describe.

One outlet names the suspect ("Eric Allen Kirkpatrick, 61,") where another only describes him ("a 61-year-old
former employee was arrested"). An article's own names are read at extraction (extract/readers/persons/); this stage
links an age the article leaves unnamed to the person other articles of the same story name, so the two ages
are compared. Articles that name one person with an age in full, or two persons in full, are one story,
transitively; an article that names no one joins the story whose capitalised words it shares most. Within a
story an unnamed age takes the one person named with an age who plays its part (suspect or victim), or the one
the story names far most often; with no part in sight, that leading person, when the age's own article names no
one else. Gender, a child's age for a grown person, another age in the sentence, or a sentence that names the
person apart ("tipped off police to LaCalamita's location") prevent the link. The age's value plays no part in
it, so a misreported age is still linked and then flagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

import regex

from extract.consistency.model import Record
from extract.readers.persons import (
    AGE_METRIC,
    AgeMention,
    NameMention,
    describe_unnamed,
    given_initial,
    is_grown,
    is_name,
    named_apart,
    names_in,
    role_of,
    same_person,
    stated_gender,
    surname_of,
)

__all__ = ["link_story_persons"]

ArticleId = tuple[str, int]
# A person dominates a story when named this often in it, and at least this many times as often as the next.
DOMINANT_MENTIONS: Final = 4
DOMINANT_RATIO: Final = 2.0
# An article that names no one joins the story it shares this many telling words with, and more than with any
# other story.
MIN_SHARED_WORDS: Final = 3
# A name more articles than this share says little about which story each is (a president, a club).
MAX_SHARING_ARTICLES: Final = 50
INNER_CAPITALISED: Final = regex.compile(r"(?<=[\p{L}\d,;:'’\"“”)]\s+)\p{Lu}[\p{L}'’.-]+")


@dataclass(frozen=True, slots=True)
class _StoryPerson:
    name: str
    surname: str
    roles: frozenset[str]
    gender: str | None
    mentions: int
    articles: frozenset[ArticleId]
    grown: bool | None  # whether every age the story gives them is a grown person's (None: some are, some not)


def link_story_persons(records: Sequence[Record]) -> list[Record]:
    """`records` with each unnamed age that another article of its story names given that name."""
    by_article: dict[ArticleId, list[Record]] = defaultdict(list)
    for record in records:
        if not record.implicit:  # the persons named around numerals, as before implicit counts were read
            by_article[(record.source, record.article)].append(record)
    unnamed = [record for record in records if record.metric == AGE_METRIC and not is_name(record.entity or "")]
    first_names = [record for record in records if record.metric == AGE_METRIC and _first_name_only(record)]
    if not unnamed and not first_names:
        return list(records)
    names = {article: _names(rows) for article, rows in by_article.items()}
    stories = _pile_stories(by_article)
    story_of = {article: index for index, story in enumerate(stories) for article in story}
    first_ids = {record.fact_id for record in first_names}
    persons_of: dict[int, dict[str, _StoryPerson]] = {}
    linked: dict[str, str] = {}
    for record in [*unnamed, *first_names]:
        article = (record.source, record.article)
        if article not in story_of:
            continue
        index = story_of[article]
        if index not in persons_of:
            persons_of[index] = _story_persons(stories[index], by_article, names)
        persons = persons_of[index]
        if record.fact_id in first_ids:
            name = _by_first_name(record.entity or "", persons)
        elif _one_of_several(record, by_article[article]):
            name = None
        else:
            name = _link(record, persons, article, names[article])
        if name is not None:
            linked[record.fact_id] = name
    if not linked:
        return list(records)
    return [
        replace(record, story_person=linked[record.fact_id]) if record.fact_id in linked else record
        for record in records
    ]


def _pile_stories(by_article: dict[ArticleId, list[Record]]) -> list[frozenset[ArticleId]]:
    """The pile's stories (the `story` of each article's rows, extract/stories/) of more than one article."""
    grouped: dict[str, set[ArticleId]] = defaultdict(set)
    for article, rows in by_article.items():
        if rows and rows[0].story is not None:
            grouped[rows[0].story].add(article)
    return [frozenset(articles) for articles in grouped.values() if len(articles) > 1]


def _first_name_only(record: Record) -> bool:
    return is_name(record.entity or "") and not given_initial(record.entity or "")


def _by_first_name(first: str, persons: dict[str, _StoryPerson]) -> str | None:
    """"Tara, 33," is Tara Reid when the story names one person with an age whose given name is Tara and no one
    whose surname it is."""
    word = first.lower()
    if word in persons and persons[word].name.lower() != word:
        return None  # someone's surname
    matches = [
        person.name
        for person in persons.values()
        if person.name.lower() != word and person.name.lower().split()[0] == word
    ]
    return matches[0] if len(matches) == 1 else None


def _one_of_several(record: Record, rows: Sequence[Record]) -> bool:
    """Another age in the sentence of a person in the same part, or in no part said: "the other victims, a
    47-year-old man and a 48-year-old man"; "Cheanne McKnight, 11, is recovering, while a 31-year-old Brooklyn
    mom was shot in the arm". ("the 55-year-old sect leader assaulted two girls, ages 12 and 15" is one leader.)"""
    role = role_of(record.sentence, record.quote)
    return any(
        other.metric == AGE_METRIC
        and other.fact_id != record.fact_id
        and other.sentence == record.sentence
        and role_of(other.sentence, other.quote) in (role, "?")
        for other in rows
    )


def _names(rows: Sequence[Record]) -> list[NameMention]:
    sentences = list(dict.fromkeys(record.sentence for record in rows))
    return names_in(sentences)


def _story_persons(
    story: frozenset[ArticleId], by_article: dict[ArticleId, list[Record]], names: dict[ArticleId, list[NameMention]]
) -> dict[str, _StoryPerson]:
    """The persons the story's articles name with an age, with the part they mostly play and their gender.

    Two people who share a surname (Gary Gomes and his mother Catherine) are kept apart by their given names,
    and a bare surname, which could be either, counts for neither.
    """
    aged = [
        record
        for article in story
        for record in by_article[article]
        if record.metric == AGE_METRIC and is_name(record.entity or "")
    ]
    spellings: dict[str, list[str]] = defaultdict(list)
    for record in sorted(aged, key=lambda record: -len((record.entity or "").split())):
        name = record.entity or ""
        if given_initial(name) and not any(same_person(name, known) for known in spellings[surname_of(name)]):
            spellings[surname_of(name)].append(name)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    genders: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, str] = {}
    articles: dict[str, set[ArticleId]] = defaultdict(set)
    values: dict[str, set[Decimal]] = defaultdict(set)
    for record in aged:
        key = _identity(record.entity or "", spellings)
        if key is None:
            continue
        at = record.sentence.find(record.quote)
        roles[key][role_of(record.sentence, record.quote)] += 1
        gender = stated_gender(record.sentence, at, at + len(record.quote)) if at >= 0 else None
        if gender is not None:
            genders[key][gender] += 1
        articles[key].add((record.source, record.article))
        if record.value is not None:
            values[key].add(record.value)
        if len((record.entity or "").split()) >= len(shown.get(key, "").split()):
            shown[key] = record.entity or ""
    mentions: Counter[str] = Counter()
    for article in story:
        for mention in names[article]:
            key = _identity(mention.name, spellings)
            if key is not None:
                mentions[key] += 1
    persons = {}
    for key, name in shown.items():
        played = [(role, count) for role, count in roles[key].most_common() if role != "?"]
        main = frozenset(role for role, count in played if count == played[0][1])
        gender = genders[key].most_common(1)[0][0] if len(genders[key]) == 1 else None
        grown = {is_grown(value) for value in values[key]}
        persons[key] = _StoryPerson(
            name,
            surname_of(name),
            main,
            gender,
            mentions[key],
            frozenset(articles[key]),
            grown.pop() if len(grown) == 1 else None,
        )
    return persons


def _leader(keys: list[str], persons: dict[str, _StoryPerson]) -> list[str]:
    """The one of `keys` the story names most, when it names them often and far more than the next one."""
    ranked = sorted(keys, key=lambda key: persons[key].mentions, reverse=True)
    if not ranked:
        return []
    second = persons[ranked[1]].mentions if len(ranked) > 1 else 0
    leads = persons[ranked[0]].mentions >= max(DOMINANT_MENTIONS, DOMINANT_RATIO * second)
    return ranked[:1] if leads else []


def _identity(name: str, spellings: dict[str, list[str]]) -> str | None:
    """A person's key in the story: the surname, numbered when people of two given names share it (Gary Gomes
    and his mother Catherine); None for a bare surname they share, which could be either."""
    surname = surname_of(name)
    known = spellings.get(surname, [])
    if len(known) <= 1:
        return surname
    matches = [index for index, spelling in enumerate(known) if given_initial(name) and same_person(name, spelling)]
    return f"{surname} ({matches[0] + 1})" if len(matches) == 1 else None


def _link(
    record: Record, persons: dict[str, _StoryPerson], article: ArticleId, own_names: Sequence[NameMention]
) -> str | None:
    at = record.sentence.find(record.quote)
    if at < 0:
        return None
    unnamed = describe_unnamed(AgeMention(record.entity or "", record.sentence, at, at + len(record.quote)))
    if unnamed is None:
        return None
    others = {key: person for key, person in persons.items() if person.articles - {article}}
    if unnamed.role != "?":
        players = [
            key
            for key, person in others.items()
            if unnamed.role in person.roles and (unnamed.gender is None or person.gender in (None, unnamed.gender))
        ]
        # Kimani Gray, named 43 times, is the story's victim, not Shantel Davis, killed by police a year before.
        candidates = players if len(players) == 1 else _leader(players, others)
        if not players:
            # No one is named in the part: the person the story is about, whose part no sentence says.
            candidates = [key for key in _leader(list(others), others) if not others[key].roles]
    else:
        ranked = _leader(list(others), others)
        # "said the 29-year-old" in a round-up that names a golfer is the golfer, whoever the story is about: the
        # age's own article must name no one else.
        own = {mention.surname for mention in own_names}
        only = bool(ranked) and own <= {others[ranked[0]].surname}
        # A telling noun ("the 39-year-old doctor") may be someone else the story quotes, unless the article
        # names no one at all.
        candidates = ranked if only and not unnamed.young and (unnamed.generic or not own) else []
    if len(candidates) != 1:
        return None
    person = others[candidates[0]]
    if named_apart(record.sentence, person.surname):
        # "a 50-year-old man tipped off authorities to LaCalamita's location" is not LaCalamita ("the 29-year-old
        # gang member killed the deputy ..., Orozco also tried to kill another man" may well be Orozco).
        return None
    if unnamed.gender is not None and person.gender is not None and unnamed.gender != person.gender:
        return None
    if unnamed.young and person.grown:
        return None  # "an 11-year-old girl was wounded" is not Zurana Horton, 34, who was killed
    return person.name
