"""Whom an article's unnamed ages describe, once the persons it names are known.

"The 15-year-old was killed" is Alexandros Grigoropoulos when he is the one victim the article names; "the
55-year-old said" is Peter Capaldi when the article is about him. `resolve_in_article` gives such an age the
named person only where nothing speaks against it: another person who may be meant, a gender, a role or an age
that differs, a sentence that names the person as someone else (`named_apart`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import regex

from extract.lexicons import alternation
from extract.readers.persons.holders import (
    AgeMention,
    age_digits,
    is_grown,
    person_class,
    pronoun_gender,
)
from extract.readers.persons.lexicon import (
    BEFORE_AN_OBJECT,
    GENDER_OF_NOUN,
    GENDER_OF_WORD,
    GENERIC,
    UNKEYED,
    YOUNG,
)
from extract.readers.persons.names import NameMention, initial_of, is_name, name_words, surname_of
from extract.readers.persons.roles import UNSAID, role_near

__all__ = ["named_apart", "resolve_in_article"]

# A person dominates an article's unnamed ages when named this often, and at least this many times as often as
# the next person.
DOMINANT_MENTIONS: Final = 3
DOMINANT_RATIO: Final = 1.5
# How much more often one gender's words stand near a name than the other's, for the name to have that gender.
GENDER_MAJORITY: Final = 2
GENDER_WORD: Final = regex.compile(rf"(?i)\b(?P<word>{alternation(GENDER_OF_WORD)})\b")
POSSESSIVE_AFTER: Final = regex.compile(r"['’]s?(?!\p{L})")
OBJECT_BEFORE: Final = regex.compile(rf"(?i)\b(?:{alternation(BEFORE_AN_OBJECT)})\s+\Z")


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    mentions: int
    roles: frozenset[str]
    gender: str | None


def resolve_in_article(
    mentions: Sequence[AgeMention], names: Sequence[NameMention] = (), sentences: Sequence[str] = ()
) -> list[str]:
    """The holders once the article's own names are known.

    First from the names the article gives an age ("the 15-year-old was killed" is Alexandros Grigoropoulos
    when he is the one person the article names with an age and he is a victim too): only when the article
    names exactly one person with an age, the roles agree (the tipster "50-year-old man" is not the 38-year-old
    suspect), the describing noun is not a relative ("his 12-year-old daughter") and not of the other gender
    than the named person's (read from an age the article describes with the same value and role as the name's).

    Then from every person the article names (`names`, read by `names_in` from `sentences`): an unnamed age
    with a role is the one named person who plays that role ("the 29-year-old gang member ... killed the deputy"
    is Orozco, the one suspect named); an unnamed age with no role in sight and no telling noun ("the
    55-year-old said", "a 16-year-old boy") is the person the article is about, when one name dominates it.
    The person's gender, read from the pronouns around their name, must not differ from the describing noun's
    or the next pronoun's; speakers and relatives play no part; a person the article gives another age is not
    given this one; a man and a woman are never given one name.
    """
    resolved = _resolve_by_aged_names(mentions)
    if not names:
        return resolved
    persons = _persons(names, sentences)
    dominant = _dominant(persons)
    # "Gray, 16" and "Mahnefah Gray, 19": the article's named ages put two people under one surname.
    named_ages: dict[str, set[str]] = {}
    for mention in mentions:
        if is_name(mention.holder):
            named_ages.setdefault(surname_of(mention.holder), set()).add(age_digits(mention))
    tentative: dict[int, str] = {}
    for index, (holder, mention) in enumerate(zip(resolved, mentions, strict=True)):
        if is_name(holder) or person_class(holder, mention.sentence, mention.start) in UNKEYED:
            continue
        role = role_near(mention.sentence, mention.start, mention.end)
        if role != UNSAID:
            players = [item for item in persons.items() if role in item[1].roles]
            candidate = players[0] if len(players) == 1 else None
        elif not holder:
            candidate = dominant
        elif dominant is not None and _may_be(dominant[1], holder, mention):
            # "the 55-year-old said", "a 16-year-old boy" (of the person's own gender): the person the article is
            # about. A noun that says more ("the 51-year-old showrunner", "a 1-year-old baby") may well be
            # someone else the article quotes or mentions.
            candidate = dominant
        else:
            candidate = None
        if candidate is not None and _may_give(candidate[1], holder, mention, mentions, named_ages):
            tentative[index] = candidate[0]
    # A man and a woman given to one name are two people, and which of them is named is unknown.
    for surname in set(tentative.values()):
        given = [index for index, chosen in tentative.items() if chosen == surname]
        genders = {GENDER_OF_NOUN.get(resolved[index].lower()) for index in given} - {None}
        if len(genders) < 2:
            for index in given:
                resolved[index] = persons[surname].name
    return resolved


def _may_give(
    person: _Person,
    holder: str,
    mention: AgeMention,
    mentions: Sequence[AgeMention],
    named_ages: dict[str, set[str]],
) -> bool:
    """Whether nothing speaks against giving the unnamed age `mention` to the person the article names."""
    gender = GENDER_OF_NOUN.get(holder.lower()) or pronoun_gender(mention)
    if gender is not None and person.gender is not None and gender != person.gender:
        return False
    if named_apart(mention.sentence, surname_of(person.name)):
        return False  # "a 50-year-old man tipped off authorities to LaCalamita's location" is not LaCalamita
    theirs = named_ages.get(surname_of(person.name), set())
    if len(theirs) > 1:
        return False
    mine = is_grown(age_digits(mention))
    grown = {is_grown(value) for value in theirs} - {None}
    if mine is not None and grown and mine not in grown:
        return False  # a child is not the grown person the article names ("an 11-year-old girl was wounded"
        # beside "Zurana Horton, 34, was killed"), nor a grown person a child
    # "Cheanne McKnight, 11, is recovering, while a 31-year-old mom was shot": someone else.
    return sum(other.sentence == mention.sentence for other in mentions) <= 1


def _persons(names: Sequence[NameMention], sentences: Sequence[str]) -> dict[str, _Person]:
    """The persons of an article by surname. Two people who share a surname (Kimani Gray and his mother
    Mahnefah Gray) are kept apart by their given names, and the bare surname, which could be either, counts for
    neither."""
    persons: dict[str, _Person] = {}
    for surname in {mention.surname for mention in names}:
        own = [mention for mention in names if mention.surname == surname]
        full = [mention for mention in own if len(mention.name.split()) > 1]
        given = {initial_of(name_words(mention.name)[0]) for mention in full}
        for initial in sorted(given) or [""]:
            if len(given) > 1:
                own = [mention for mention in full if initial_of(name_words(mention.name)[0]) == initial]
            name = max((mention.name for mention in own), key=lambda text: (len(text.split()), text))
            indices = {mention.sentence for mention in own}
            # The pronouns of the sentences that name the person and of the ones after them.
            nearby = " ".join(sentences[i] for i in sorted(indices | {i + 1 for i in indices}) if i < len(sentences))
            roles = frozenset(mention.role for mention in own) - {UNSAID}
            key = surname if len(given) <= 1 else f"{surname} ({initial})"
            persons[key] = _Person(name, len(own), roles, _gender_around(nearby))
    return persons


def _gender_around(text: str) -> str | None:
    """The gender whose pronouns and titles outnumber the other's, twice over, in `text`."""
    counts = Counter(GENDER_OF_WORD[found["word"].lower()] for found in GENDER_WORD.finditer(text))
    male, female = counts["male"], counts["female"]
    if male >= GENDER_MAJORITY * max(female, 1):
        return "male"
    return "female" if female >= GENDER_MAJORITY * max(male, 1) else None


def _dominant(persons: dict[str, _Person]) -> tuple[str, _Person] | None:
    """The person the article is about: named most often, and far more often than anyone else."""
    ranked = sorted(
        ((key, person) for key, person in persons.items() if "relative" not in person.roles),
        key=lambda item: item[1].mentions,
        reverse=True,
    )
    if not ranked or ranked[0][1].mentions < DOMINANT_MENTIONS:
        return None
    second = ranked[1][1].mentions if len(ranked) > 1 else 0
    return ranked[0] if ranked[0][1].mentions >= DOMINANT_RATIO * second else None


def named_apart(sentence: str, surname: str) -> bool:
    """Whether the sentence names the person as someone other than whom an unnamed age in it describes: as a
    possessor or an object ("a 50-year-old man tipped off authorities to LaCalamita's location"). As a subject it
    may be the same person ("the 29-year-old gang member killed the deputy ..., Orozco also tried to kill")."""
    pattern = rf"(?i)(?<![\p{{L}}'’-]){regex.escape(surname)}(?![\p{{L}}-])"
    return any(
        POSSESSIVE_AFTER.match(sentence, found.end()) or OBJECT_BEFORE.search(sentence, 0, found.start())
        for found in regex.finditer(pattern, sentence)
    )


def _may_be(person: _Person, holder: str, mention: AgeMention) -> bool:
    """Whether an unnamed age with no role in sight may be the person the article is about: a noun of their
    gender ("a 16-year-old boy"), or a generic one that says nothing against it ("the 28-year-old native");
    never a child ("a 1-year-old baby" beside a grown man)."""
    described = person_class(holder, mention.sentence, mention.start)
    gender = GENDER_OF_NOUN.get(holder.lower())
    if gender is not None:
        return gender == person.gender
    return described in GENERIC and described not in YOUNG


def _resolve_by_aged_names(mentions: Sequence[AgeMention]) -> list[str]:
    """The holders once the one person the article names with an age is known (see `resolve_in_article`)."""
    named = [mention for mention in mentions if is_name(mention.holder)]
    surnames = {surname_of(mention.holder) for mention in named}
    # "Gray, 16" and "Gray's older sister, Mahnefah Gray, 19": one surname, two people.
    given = {initial_of(name_words(m.holder)[0]) for m in named if len(name_words(m.holder)) > 1}
    if len(surnames) != 1 or len(given) > 1 or (given and len({age_digits(m) for m in named}) > 1):
        return [mention.holder for mention in mentions]
    name = max((mention.holder for mention in named), key=lambda holder: (len(holder.split()), holder))
    roles = Counter(role_near(m.sentence, m.start, m.end) for m in named)
    role = next((found for found, _ in roles.most_common() if found != UNSAID), UNSAID)
    values = {age_digits(m) for m in named}
    genders = {
        GENDER_OF_NOUN.get(m.holder.lower())
        for m in mentions
        if not is_name(m.holder) and age_digits(m) in values and role_near(m.sentence, m.start, m.end) == role
    } - {None}
    resolved = []
    for mention in mentions:
        described = person_class(mention.holder, mention.sentence, mention.start) if mention.holder else None
        gender = GENDER_OF_NOUN.get(mention.holder.lower()) if mention.holder else None
        if (
            is_name(mention.holder)
            or described in UNKEYED
            or (role == UNSAID and (described is None or described in GENERIC))
            or role_near(mention.sentence, mention.start, mention.end) != role
            or (gender is not None and genders and gender not in genders)
        ):
            resolved.append(mention.holder)
        else:
            resolved.append(name)
    return resolved
