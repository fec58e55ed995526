"""Stories: articles of one pile that report the same event, and the persons their ages describe.

One outlet names the suspect ("Eric Allen Kirkpatrick, 61,") where another only describes him ("a 61-year-old
former employee was arrested"). An article's own names are read at extraction (extract/persons.py); this stage
links an age the article leaves unnamed to the person other articles of the same story name, so the two ages
are compared. Two articles are one story when they name one person in full (given name and surname); stories
are the connected groups of that relation. Within a story, an unnamed age is given a name only when exactly one
person named with an age plays its part (suspect or victim) and nothing says they differ (gender, a child for a
grown person), or, with no part in sight, when one person dominates the story's names. The age's value plays no
part in the link, so a misreported age is still linked and then flagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

import regex

from extract.consistency.model import Record
from extract.persons import (
    AGE_METRIC,
    AgeMention,
    NameMention,
    describe_unnamed,
    given_initial,
    is_name,
    names_in,
    role_of,
    stated_gender,
    surname_of,
)

__all__ = ["link_story_persons"]

ArticleId = tuple[str, int]
# A person dominates a story when named this often in it, and at least this many times as often as the next.
DOMINANT_MENTIONS: Final = 4
DOMINANT_RATIO: Final = 2.0


@dataclass(frozen=True, slots=True)
class _StoryPerson:
    name: str
    roles: frozenset[str]
    gender: str | None
    mentions: int
    articles: frozenset[ArticleId]


def link_story_persons(records: Sequence[Record]) -> list[Record]:
    """`records` with each unnamed age that another article of its story names given that name."""
    by_article: dict[ArticleId, list[Record]] = defaultdict(list)
    for record in records:
        by_article[(record.source, record.article)].append(record)
    unnamed = [record for record in records if record.metric == AGE_METRIC and not is_name(record.entity or "")]
    if not unnamed:
        return list(records)
    names = {article: _names(rows) for article, rows in by_article.items()}
    stories = _stories(names)
    linked: dict[str, str] = {}
    for story in stories:
        persons = _story_persons(story, by_article, names)
        if not persons:
            continue
        for record in unnamed:
            article = (record.source, record.article)
            if article not in story or _one_of_several(record, by_article[article]):
                continue
            name = _link(record, persons, article, names[article])
            if name is not None:
                linked[record.fact_id] = name
    if not linked:
        return list(records)
    return [
        replace(record, story_person=linked[record.fact_id]) if record.fact_id in linked else record
        for record in records
    ]


def _one_of_several(record: Record, rows: Sequence[Record]) -> bool:
    """Another age in the sentence of a person in the same part: "the other victims, a 47-year-old man and a
    48-year-old man". ("the 55-year-old sect leader assaulted two girls, ages 12 and 15" is one leader.)"""
    role = role_of(record.sentence, record.quote)
    return any(
        other.metric == AGE_METRIC
        and other.fact_id != record.fact_id
        and other.sentence == record.sentence
        and role_of(other.sentence, other.quote) == role
        for other in rows
    )


def _names(rows: Sequence[Record]) -> list[NameMention]:
    sentences = list(dict.fromkeys(record.sentence for record in rows))
    return names_in(sentences)


def _full_names(mentions: Sequence[NameMention]) -> set[tuple[str, str]]:
    return {
        (mention.surname, mention.name.split()[0][:1].lower())
        for mention in mentions
        if len(mention.name.split()) > 1 and len(mention.surname) > 2
    }


def _stories(names: dict[ArticleId, list[NameMention]]) -> list[frozenset[ArticleId]]:
    """Articles joined when they name one person in full, transitively."""
    parent = {article: article for article in names}

    def root(article: ArticleId) -> ArticleId:
        while parent[article] != article:
            parent[article] = parent[parent[article]]
            article = parent[article]
        return article

    holders: dict[tuple[str, str], list[ArticleId]] = defaultdict(list)
    for article, mentions in names.items():
        for full in _full_names(mentions):
            holders[full].append(article)
    for articles in holders.values():
        for other in articles[1:]:
            parent[root(other)] = root(articles[0])
    groups: dict[ArticleId, set[ArticleId]] = defaultdict(set)
    for article in names:
        groups[root(article)].add(article)
    return [frozenset(group) for group in groups.values() if len(group) > 1]


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
    initials: dict[str, set[str]] = defaultdict(set)
    for record in aged:
        if given_initial(record.entity or ""):
            initials[surname_of(record.entity or "")].add(given_initial(record.entity or ""))
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    genders: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, str] = {}
    articles: dict[str, set[ArticleId]] = defaultdict(set)
    for record in aged:
        key = _identity(record.entity or "", initials)
        if key is None:
            continue
        at = record.sentence.find(record.quote)
        roles[key][role_of(record.sentence, record.quote)] += 1
        gender = stated_gender(record.sentence, at, at + len(record.quote)) if at >= 0 else None
        if gender is not None:
            genders[key][gender] += 1
        articles[key].add((record.source, record.article))
        if len((record.entity or "").split()) >= len(shown.get(key, "").split()):
            shown[key] = record.entity or ""
    mentions: Counter[str] = Counter()
    for article in story:
        for mention in names[article]:
            key = _identity(mention.name, initials)
            if key is not None:
                mentions[key] += 1
    persons = {}
    for key, name in shown.items():
        played = [(role, count) for role, count in roles[key].most_common() if role != "?"]
        main = frozenset(role for role, count in played if count == played[0][1])
        gender = genders[key].most_common(1)[0][0] if len(genders[key]) == 1 else None
        persons[key] = _StoryPerson(name, main, gender, mentions[key], frozenset(articles[key]))
    return persons


def _identity(name: str, initials: dict[str, set[str]]) -> str | None:
    """A person's key in the story: the surname, with the given initial when the surname is shared."""
    surname, initial = surname_of(name), given_initial(name)
    known = initials.get(surname, set())
    if len(known) <= 1:
        return surname
    return f"{surname} ({initial})" if initial else None


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
        candidates = [
            key
            for key, person in others.items()
            if unnamed.role in person.roles and (unnamed.gender is None or person.gender in (None, unnamed.gender))
        ]
    elif unnamed.generic:
        ranked = sorted(others, key=lambda key: others[key].mentions, reverse=True)
        second = others[ranked[1]].mentions if len(ranked) > 1 else 0
        leads = ranked and others[ranked[0]].mentions >= max(DOMINANT_MENTIONS, DOMINANT_RATIO * second)
        # "said the 29-year-old" in a round-up that names a golfer is the golfer, whoever the story is about: the
        # age's own article must name no one else.
        own = Counter(mention.surname for mention in own_names)
        only = bool(ranked) and set(own) <= {ranked[0].split(" (")[0]}
        candidates = ranked[:1] if leads and only else []
    else:
        candidates = []
    if len(candidates) != 1:
        return None
    person = others[candidates[0]]
    surname = candidates[0].split(" (")[0]
    if regex.search(rf"(?i)(?<![\p{{L}}'’-]){regex.escape(surname)}(?![\p{{L}}-])", record.sentence):
        return None  # "a 50-year-old man tipped off authorities to LaCalamita's location" is not LaCalamita
    if unnamed.gender is not None and person.gender is not None and unnamed.gender != person.gender:
        return None
    return person.name
