"""The persons an article names, and the parts of a name: surname, given name, its initial.

A name is a run of two to four capitalised words that is not a place, a title, an organisation or a work
("Police Commissioner Raymond Kelly" is Raymond Kelly, "Kings County Hospital" no one); once named, a person is
also met by their bare surname ("Gray was shot"). Which words tell a name from other capitalised words is data:
``lexicons/person_names.toml``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import regex

from extract.lexicons import alternation
from extract.readers.persons.lexicon import (
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    NOUN_CLASSES,
    PLACE_PREPOSITIONS,
    TITLES,
)
from extract.readers.persons.roles import name_role
from extract.readers.places import find_places

__all__ = [
    "NAME",
    "NAME_RUN",
    "NameMention",
    "can_be_name",
    "given_initial",
    "initial_of",
    "is_acronym",
    "is_common_capitalised",
    "is_name",
    "name_after_titles",
    "name_words",
    "names_in",
    "surname_of",
    "without_nickname",
]

MAX_NAME_WORDS: Final = 4
PLACE_KINDS: Final = frozenset({"country", "demonym", "capital", "region", "city"})
# Spellings of one sound, for comparing given names: Katherine, Catherine, Kathryn.
SAME_SOUND: Final = {"c": "k"}

# A nickname inside a name: Vincent "the Chin" Gigante, Kimani (Kiki) Gray.
_NICKNAME: Final = r"(?:\([\p{L} .]{1,20}\)|[\"“‘'][\p{L} .]{1,20}[\"”’'])"
_PARTICLE: Final = "|".join(
    regex.escape(particle) + r"\p{L}+" if particle.endswith("-") else regex.escape(particle)
    for particle in NAME_PARTICLES
)
# A capitalised word and up to three more: initials ("Brian G. Nichols"), particles ("Lo Presti", "van Gogh").
NAME: Final = (
    rf"\p{{Lu}}[\p{{L}}'’-]+"
    rf"(?:\s+(?:{_NICKNAME}\s+)?(?:\p{{Lu}}\.|\p{{Lu}}[\p{{L}}'’-]+|{_PARTICLE})){{0,3}}"
)
NICKNAME: Final = regex.compile(rf"\s+{_NICKNAME}(?=\s)")
# A run of capitalised words: "Mark Felt", "Legendary Aquatic Musical Star Esther Williams" (a headline).
NAME_RUN: Final = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<name>\p{{Lu}}\p{{Ll}}+(?:\s+(?:{_NICKNAME}\s+)?(?:\p{{Lu}}\.|\p{{Lu}}[\p{{L}}'’-]+))+)"
)
# "in Richmond Hill", "outside Kings Plaza": a place the gazetteer does not know.
PLACE_PREPOSITION: Final = regex.compile(rf"(?i)\b(?:{alternation(PLACE_PREPOSITIONS)})\s+\Z")
LOWER_CASE_WORD: Final = regex.compile(r"(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]+")
# A word in capitals names an organisation, an outlet or a station ("NYPD", "Local FOX", "TMZ", "WJBK"), not a
# person, in a run that is not all capitals itself (a shouted headline says nothing by its case).
ACRONYM: Final = regex.compile(r"\A\p{Lu}{2,}\Z")
# A Roman numeral after a name is part of it, as "Jr" is: "Anthony LaCalamita III", "Pope Benedict XVI".
ROMAN_NUMERAL: Final = regex.compile(r"\A(?=.)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\Z")
# "a Rite Aid store", "his gray 2013 Toyota Camry": a person is named without an article, and a model year or
# number before a capitalised run makes it a product.
THING_BEFORE: Final = regex.compile(
    r"""(?i) \b
    (?: a | an
      | (?P<determiner> a | an | the | his | her | their | its | my | our | your ) \s+ (?: \p{Ll}+ \s+ )?
        (?P<number> \d[\d,.]* ) )
    \s+ \Z""",
    regex.VERBOSE,
)


def without_nickname(name: str) -> str:
    """The name without its nickname: "Kimani (Kiki) Gray" is Kimani Gray."""
    return NICKNAME.sub("", name)


def is_acronym(word: str, among: str) -> bool:
    """Whether `word` is in capitals where `among`, the text it stands in, is not: "FOX" in "Local FOX"."""
    plain = word.strip(".,").removesuffix("'s").removesuffix("’s")
    return ACRONYM.match(plain) is not None and not ROMAN_NUMERAL.match(plain) and not among.isupper()


def can_be_name(text: str) -> bool:
    """Not a time word, a sentence opener, an organisation or a place: "Yesterday, a 36-year-old", "Local FOX",
    "in Los Angeles, aged 85"."""
    words = without_nickname(text).split()
    if not words or words[0].lower() in NOT_NAMES:
        return False
    if any(word.strip(".,").lower() in NOT_PERSON_WORDS for word in words[1:]):
        return False  # "Take Me Out", "Beverly Hills", "Texas Attorney General"
    if len(words) > 1 and is_acronym(words[-1], text):
        return False  # "Local FOX": what ends in an organisation's name is the organisation
    if all(word.strip(".,").lower() in NAME_SUFFIXES for word in words):
        return False  # "Jr, 54": the rest of the name is on another line
    return not _names_a_place(text)


def name_after_titles(text: str) -> str | None:
    """The name after the titles and roles that open a run ("Police Chief Scott Russell": Scott Russell, "Dr Mark
    Vinar": Mark Vinar), when words of a name are left after them; else None.

    >>> name_after_titles("Police Chief Scott Russell"), name_after_titles("Texas Attorney General")
    ('Scott Russell', None)
    """
    words = without_nickname(text).split()
    last_role = max(
        (i for i, word in enumerate(words) if word.strip(".,").lower() in NOT_PERSON_WORDS | NOT_NAMES | TITLES),
        default=-1,
    )
    rest = words[last_role + 1 :]
    if last_role < 0 or not rest:
        return None
    name = " ".join(rest)
    return name if can_be_name(name) else None


def surname_of(name: str) -> str:
    """The name's last word, lower case, without a suffix ("Anthony LaCalamita III" is lacalamita)."""
    tokens = [token.strip(".,").lower() for token in without_nickname(name).split()]
    tokens = [token.removesuffix("'s").removesuffix("’s") for token in tokens if token]
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    return tokens[-1] if tokens else ""


def name_words(name: str) -> list[str]:
    """The name's words, lower case, without the titles and organisations before it ("Sheriff Deputy Ortiz" is
    Ortiz, "NYPD Officer Jane Smith" is Jane Smith)."""
    tokens = [token.strip(".,") for token in without_nickname(name).split() if token.strip(".,")]
    while len(tokens) > 1 and (tokens[0].lower() in TITLES or is_acronym(tokens[0], name)):
        tokens.pop(0)
    return [token.lower() for token in tokens]


def initial_of(given: str) -> str:
    """A given name's initial, with the spellings of one sound as one: Katherine, Catherine, Kathryn."""
    return SAME_SOUND.get(given[:1], given[:1])


def given_initial(name: str) -> str:
    """The initial of a full name's given name ("" for a bare surname), with spellings of one sound as one."""
    tokens = name_words(name)
    return initial_of(tokens[0]) if len(tokens) > 1 else ""


def is_name(holder: str) -> bool:
    """Whether an age's holder is a name rather than a describing noun ("man") or no one ("")."""
    return bool(holder) and holder[:1].isupper() and holder.lower() not in NOUN_CLASSES


def is_common_capitalised(word: str) -> bool:
    """A capitalised word (given in lower case) that names no one and nothing in particular: a sentence opener,
    a weekday or month, a title ("police", "monday", "sheriff")."""
    return word in NOT_NAMES or word in TITLES


@dataclass(frozen=True, slots=True)
class NameMention:
    """A person an article names, in one of its sentences, with the part they play there ("?" when unsaid)."""

    name: str
    surname: str
    role: str
    sentence: int  # the sentence's index in the article


def names_in(sentences: Sequence[str]) -> list[NameMention]:
    """The persons an article names: its full names, then each later bare surname of theirs ("Gray was shot")."""
    # Words the article also writes in lower case are common words, not names, wherever a headline or a
    # sentence start capitalises them ("Driver Charged With DWI", "Purportedly Simpson").
    common = Counter(LOWER_CASE_WORD.findall(" ".join(sentences)))
    full: list[NameMention] = []
    spans: list[tuple[int, int, int]] = []
    for index, sentence in enumerate(sentences):
        for start, end in _full_names(sentence, common):
            name = sentence[start:end].removesuffix("'s").removesuffix("’s")
            full.append(NameMention(name, surname_of(name), name_role(sentence, start, end), index))
            spans.append((index, start, end))
    return full + _bare_surnames(sentences, {mention.surname for mention in full}, spans)


def _full_names(sentence: str, common: Counter[str]) -> list[tuple[int, int]]:
    """The (start, end) of each full name in the sentence, without the titles and openers before it."""
    found = []
    for run in NAME_RUN.finditer(sentence):
        all_words = list(regex.finditer(r"\S+", run["name"]))
        words = _after_acronyms(all_words, run["name"])
        if len(words) < len(all_words) and _names_a_place(run["name"]):
            continue  # "T-Mobile USA Announces BlackBerry": the country keeps the run from naming anyone
        while words and (
            words[0].group().lower().strip(".") in NOT_NAMES
            or words[0].group().lower().strip(".") in TITLES
            or words[0].group().lower() in common
        ):
            words.pop(0)
        if not 2 <= len(words) <= MAX_NAME_WORDS:
            continue
        plain = [word.group().lower().removesuffix("'s").removesuffix("’s") for word in words]
        if any(word.strip(".") in NOT_PERSON_WORDS for word in plain) or common[plain[-1]] >= 2:
            continue
        start, end = run.start() + words[0].start(), run.start() + words[-1].end()
        if PLACE_PREPOSITION.search(sentence, 0, start) or THING_BEFORE.search(sentence, 0, start):
            continue
        if can_be_name(sentence[start:end].removesuffix("'s").removesuffix("’s")):
            found.append((start, end))
    return found


def _names_a_place(text: str) -> bool:
    return any(mention.kind in PLACE_KINDS for mention in find_places(text))


def _after_acronyms(words: list[regex.Match[str]], run: str) -> list[regex.Match[str]]:
    """The run's words after its last word in capitals, which names an organisation: "Apple CEO Tim Cook" may name
    Tim Cook, "Local FOX" and "Microsoft Patches IE" no one."""
    acronyms = [index for index, word in enumerate(words) if is_acronym(word.group(), run)]
    return words[acronyms[-1] + 1 :] if acronyms else words


def _bare_surnames(
    sentences: Sequence[str], surnames: set[str], full_names: Sequence[tuple[int, int, int]]
) -> list[NameMention]:
    """Each capitalised surname of a named person met outside the full names ("Gray was shot")."""
    surnames = {surname for surname in surnames if len(surname) > 2}
    if not surnames:
        return []
    # In alphabetical order, so that of "nichols" and "nichols'" the bare word is met first.
    alternatives = "|".join(regex.escape(surname) for surname in sorted(surnames))
    pattern = regex.compile(rf"(?<![\p{{L}}'’-])(?:{alternatives})(?![\p{{L}}-])", regex.IGNORECASE)
    bare: list[NameMention] = []
    for index, sentence in enumerate(sentences):
        for found in pattern.finditer(sentence):
            if not found.group()[:1].isupper():
                continue
            if any(i == index and lo <= found.start() < hi for i, lo, hi in full_names):
                continue
            role = name_role(sentence, found.start(), found.end())
            bare.append(NameMention(found.group(), found.group().lower(), role, index))
    return bare
