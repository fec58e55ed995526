"""The persons reader's words, read once at import from ``lexicons/persons.toml``, ``lexicons/person_names.toml``
and the reporting verbs of ``lexicons/attribution.toml`` (the project's one list of them).

The headers of those files say what each list means; this module only turns them into sets, tables and
patterns. Cue lists in which a trailing ``*`` matches any ending ("arrest*") become patterns here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import regex

from extract.lexicons import load_toml

__all__ = [
    "AFTER_PERSON",
    "BEFORE_AN_OBJECT",
    "BEFORE_A_HARM_NOUN",
    "DEATH_WORDS",
    "EARLIER_LIFE",
    "GENDER_OF_NOUN",
    "GENDER_OF_PRONOUN",
    "GENDER_OF_WORD",
    "GENERIC",
    "HARM",
    "KIN",
    "NAME_PARTICLES",
    "NAME_SUFFIXES",
    "NOT_NAMES",
    "NOT_PERSON_WORDS",
    "NOUN_CLASSES",
    "PARENTS",
    "PASSIVE_AUXILIARIES",
    "PLACE_PREPOSITIONS",
    "ROLE_CUES",
    "ROLE_WINDOW",
    "SPEAKER_AFTER",
    "SPEAKER_BEFORE",
    "SUBJECT_PRONOUNS",
    "TITLES",
    "UNKEYED",
    "YOUNG",
]

_PERSONS: Final = load_toml("persons.toml")
_NAMES: Final = load_toml("person_names.toml")
_ATTRIBUTION: Final = load_toml("attribution.toml")


def _cue_pattern(cues: Iterable[str]) -> regex.Pattern[str]:
    """Whole-word, case-insensitive matches of `cues`; a cue's trailing ``*`` matches any ending."""
    parts = [regex.escape(cue[:-1]) + r"[\p{L}-]*" if cue.endswith("*") else regex.escape(cue) for cue in cues]
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?:{'|'.join(parts)})(?![\p{{L}}])")


def _check_speaker_verbs(attribution: Mapping[str, list[str]]) -> None:
    inverted = set(attribution["before_speaker"]) - {*attribution["reporting_verbs"], *attribution["speaking_verbs"]}
    if inverted:
        raise ValueError(f"lexicons/attribution.toml: before_speaker lists verbs of no other list: {sorted(inverted)}")


def _by_class(table: Mapping[str, list[str]]) -> dict[str, str]:
    return {word: name for name, entries in table.items() for word in entries}


_check_speaker_verbs(_ATTRIBUTION)

# What describes a person, and what their description says of them.
NOUN_CLASSES: Final = _by_class(_PERSONS["nouns"])
GENDER_OF_NOUN: Final = _by_class(_PERSONS["genders"])
UNKEYED: Final = frozenset(_PERSONS["unkeyed"])
GENERIC: Final = frozenset(_PERSONS["generic"])
PARENTS: Final = frozenset(_PERSONS["parents"])
YOUNG: Final = frozenset(_PERSONS["young"])
GENDER_OF_PRONOUN: Final = _by_class(_PERSONS["pronouns"])
GENDER_OF_WORD: Final = GENDER_OF_PRONOUN | _by_class(_PERSONS["gender_titles"])
SUBJECT_PRONOUNS: Final = tuple(_PERSONS["subject_pronouns"])

# The parts people play, and the words that tell them.
ROLE_CUES: Final = tuple((role, _cue_pattern(cues)) for role, cues in _PERSONS["roles"].items())
HARM: Final = _cue_pattern(_PERSONS["harm"])
ROLE_WINDOW: Final = int(_PERSONS["role_window"])
BEFORE_A_HARM_NOUN: Final = tuple(_PERSONS["before_a_harm_noun"])
PASSIVE_AUXILIARIES: Final = tuple(_PERSONS["passive_auxiliaries"])
# The nouns of someone's relative or representative: whoever is named as one speaks of the story rather than plays
# a part in it ("his mother, Mahnefah Gray", "his lawyer, Mark Geragos").
KIN: Final = (*(noun for noun, name in NOUN_CLASSES.items() if name in UNKEYED), *_PERSONS["representatives"])
# Someone who says something speaks about the story: the verbs of saying, not those of finding ("Klitschko put
# Thompson on the canvas" is no speaker's line).
SPEAKER_AFTER: Final = (*_ATTRIBUTION["reporting_verbs"], *_ATTRIBUTION["speaking_verbs"])
SPEAKER_BEFORE: Final = (*_ATTRIBUTION["before_speaker"], *_ATTRIBUTION["source_phrases"])
# A harm verb's object is its victim, not whoever an unnamed age in the sentence describes ("shot Gray").
BEFORE_AN_OBJECT: Final = (*_PERSONS["before_an_object"], *(cue for cue in _PERSONS["harm"] if not cue.endswith("*")))

# When an age was the person's.
DEATH_WORDS: Final = tuple(_PERSONS["death_words"])
EARLIER_LIFE: Final = tuple(_PERSONS["earlier_life"])

# Names.
NAME_SUFFIXES: Final = frozenset(_NAMES["name_suffixes"])
NAME_PARTICLES: Final = tuple(_NAMES["name_particles"])
NOT_NAMES: Final = frozenset(word.lower() for word in _NAMES["not_names"])
TITLES: Final = frozenset(word.lower() for word in _NAMES["titles"])
NOT_PERSON_WORDS: Final = frozenset(word.lower() for word in _NAMES["not_person_words"])
PLACE_PREPOSITIONS: Final = tuple(_NAMES["place_prepositions"])
AFTER_PERSON: Final = frozenset(_NAMES["after_person"])
