"""The part a person plays in the story a sentence tells: suspect, victim, ... or none ("?").

The part is read from the role cue nearest to the person (``lexicons/persons.toml`` [roles]: "charged",
"arrested" for a suspect; "died", "funeral" for a victim) and from harm verbs by where they stand: "killing a
40-year-old man" and "a 59-year-old woman was struck" harm the person, "the 39-year-old man shot" is the attacker.

A person an article names may instead speak about the story ("said Jean Larson", "Lt. Gerry Scherlinck
identified the other victims") or be named as someone's relative or lawyer ("his mother, Mahnefah Gray"): the
parts "speaker" and "relative", whatever cue stands near their name.
"""

from __future__ import annotations

from typing import Final

import regex

from extract.lexicons import alternation
from extract.readers.persons.lexicon import (
    BEFORE_A_HARM_NOUN,
    HARM,
    KIN,
    PASSIVE_AUXILIARIES,
    ROLE_CUES,
    ROLE_WINDOW,
    SPEAKER_AFTER,
    SPEAKER_BEFORE,
    SUBJECT_PRONOUNS,
)

__all__ = ["UNSAID", "name_role", "role_farther_off", "role_near", "role_of"]

UNSAID: Final = "?"

# "was struck", "were shot", "got badly hurt": a harm verb after the person, in the passive.
PASSIVE_BEFORE: Final = regex.compile(rf"(?i)\b(?:{alternation(PASSIVE_AUXILIARIES)})\s+(?:\p{{L}}+ly\s+)?\Z")
# "whose killing", "the shooting": a harm word used as a noun.
HARM_NOUN_BEFORE: Final = regex.compile(rf"(?i)\b(?:{alternation(BEFORE_A_HARM_NOUN)})\s+\Z")
# "a 10-year-old girl killed by a stray bullet": a reduced passive.
BY_AFTER: Final = regex.compile(r"\s+by\b")
# "on charges he killed his mother": a pronoun, then the harm verb it does.
PRONOUN_BEFORE: Final = regex.compile(rf"(?i)\b(?:{alternation(SUBJECT_PRONOUNS)})\s+(?:\p{{L}}+ly\s+)?\Z")
SPEAKER_AFTER_NAME: Final = regex.compile(
    rf"""\A
    (?P<apposition> ,[^,]{{1,60}}, )?            # "Lt. Gerry Scherlinck, the department's spokesman, said"
    \s+ (?P<verb> {alternation(SPEAKER_AFTER)} ) \b""",
    regex.VERBOSE | regex.IGNORECASE,
)
SPEAKER_BEFORE_NAME: Final = regex.compile(
    rf"""\b (?i: (?P<verb> {alternation(SPEAKER_BEFORE)} ) ) \s+
    (?P<titles> (?: \p{{Lu}}[\p{{L}}.]* \s+ ){{0,3}} )   # "said Sgt. Marty Earley", "according to Police Chief ..."
    \Z""",
    regex.VERBOSE,
)
_KIN: Final = alternation(KIN)
RELATIVE_BEFORE_NAME: Final = regex.compile(rf"(?i)\b(?:{_KIN}),?\s+\Z")
RELATIVE_AFTER_NAME: Final = regex.compile(
    rf"""(?i) ,\s+
    (?P<whose> his | her | their | the \s+ [\p{{L}}'’-]+ (?:'s|’s) ) \s+   # "his", "the teen's"
    (?: [\p{{L}}-]+ \s+ )?                                           # "older"
    (?P<kin> {_KIN} ) \b""",
    regex.VERBOSE,
)


def role_near(sentence: str, start: int, end: int) -> str:
    """The part of the person at [start, end): the role whose cue stands nearest to them, within the role window."""
    cues: list[tuple[str, regex.Match[str]]] = [
        (role, cue) for role, pattern in ROLE_CUES for cue in pattern.finditer(sentence)
    ]
    for cue in HARM.finditer(sentence):
        # Harmed when the verb comes first or is passive after the person; the attacker when it acts after them.
        # After the person, "-ing" forms and nouns ("whose killing") say nothing about who acted.
        if cue.end() <= start or PASSIVE_BEFORE.search(sentence, 0, cue.start()) or BY_AFTER.match(sentence, cue.end()):
            cues.append(("victim", cue))
        elif not cue[0].lower().endswith("ing") and not HARM_NOUN_BEFORE.search(sentence, 0, cue.start()):
            cues.append(("suspect", cue))
    best, best_distance = UNSAID, ROLE_WINDOW + 1
    for role, cue in cues:
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if 0 <= distance < best_distance:
            best, best_distance = role, distance
    return best


def role_farther_off(sentence: str, start: int, end: int) -> str:
    """The part a harm verb farther off in the sentence gives the person at [start, end): harmed when it comes
    before them ("Also shot were a woman ... and an 11-year-old girl") or is passive after them ("a 66-year-old
    woman who was walking outside the Sam's Club when she was struck"); the attacker when a pronoun does it after
    them ("a 35-year-old man ... on charges he killed his mother")."""
    for cue in HARM.finditer(sentence):
        if cue.end() <= start:
            return "victim"
    for cue in HARM.finditer(sentence, end):
        if PASSIVE_BEFORE.search(sentence, 0, cue.start()):
            return "victim"
        if PRONOUN_BEFORE.search(sentence, 0, cue.start()) and not cue[0].lower().endswith("ing"):
            return "suspect"
    return UNSAID


def role_of(sentence: str, quote: str) -> str:
    """The part the person an age in `sentence` describes plays there ("?" when unsaid)."""
    at = sentence.find(quote)
    return role_near(sentence, at, at + len(quote)) if at >= 0 else UNSAID


def name_role(sentence: str, start: int, end: int) -> str:
    """The part of the person named at [start, end): "relative" or "speaker" before any role a cue gives."""
    if RELATIVE_BEFORE_NAME.search(sentence, 0, start) or RELATIVE_AFTER_NAME.match(sentence, end):
        return "relative"
    if SPEAKER_AFTER_NAME.match(sentence[end:]) or SPEAKER_BEFORE_NAME.search(sentence[:start]):
        return "speaker"
    return role_near(sentence, start, end)
