"""Persons whose age a figure gives, and when two ages are the same person's.

News gives an age in a handful of settings: after a name ("Gaetano Lo Presti, 52,"), before one ("61-year-old
Katherine Gomes", "Anthony LaCalamita III, a 38-year-old Troy resident"), before a noun that describes the
person ("a 61-year-old Vancouver man"), or after a cue ("aged 77", "dies at 95"). `age_holder` reads who it
is: the name, else the describing noun, else "" (an age, but of someone the sentence does not say).

`person_key` is what two ages must share to be compared: a named person's surname (given names must not
differ, see `same_person`); for an unnamed person the class of the describing noun and the part the person
plays in the sentence (suspect or victim, from the role cue nearest to the age). "A 61-year-old man was
charged" and "killing a 40-year-old man" are two men; "a 61-year-old man surrendered" and "a 96-year-old man
was charged" are one man with two ages. Lexicons: ``lexicons/persons.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

import regex

from extract.quantities import Quantity

__all__ = ["AGE_METRIC", "age_holder", "person_key", "same_person"]

AGE_METRIC: Final = "person.age"
MAX_AGE: Final = 125

_NAME = r"\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|de|da|van|von|al-\p{L}+)){0,3}"
# "Gomes, 35," or "Anthony LaCalamita III, a 38-year-old": the name right before the age.
NAME_BEFORE: Final = regex.compile(rf"(?P<name>{_NAME}),\s*(?P<article>(?:an?|the)\s+)?\Z")
# "aged 77", "age of 95", "dies at 77", "died in prison at 77", "dead at 95".
CUE_BEFORE: Final = regex.compile(
    r"(?i)\b(?:aged|age\s+of|(?:dies|died|dead|passed\s+away)(?:\s+(?:in|on)\s+[\p{L}-]+){0,2}\s+at)\s+\Z"
)
# What follows a "Name, 52" age: a comma, "-year-old", "years old", a closing bracket or the sentence's end.
AFTER_NAMED_AGE: Final = regex.compile(r"\A(?:\s*,|-year-old\b|\s+years?\s+old\b|\s*\)|\s*[.;]?\s*\Z)")
YEAR_OLD: Final = regex.compile(r"\A-?(?:years?-)?old\b")
NAME_ANYWHERE: Final = regex.compile(
    r"(?<![\p{L}'’])(?P<name>\p{Lu}\p{Ll}+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){1,3})"
)
# "was struck", "were shot": a harm verb after the person, in the passive.
PASSIVE_BEFORE: Final = regex.compile(r"(?i)\b(?:was|were|is|are|been|being|got|get)\s+(?:\p{L}+ly\s+)?\Z")
DETERMINER_BEFORE: Final = regex.compile(r"(?i)\b(?:whose|the|his|her|their|its|a)\s+\Z")
# "then-15-year-old Timmons": the person's age at an earlier time, not comparable with their age now.
THEN_BEFORE: Final = regex.compile(r"(?i)\bthen[\s-]+\Z")
NOT_NAMES: Final = frozenset(
    ["In", "On", "At", "By", "Since", "About", "The", "A", "An", "After", "Before", "When", "Police", "Authorities"]
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    classes: dict[str, str]  # describing noun -> its class
    described: regex.Pattern[str]  # "-year-old [modifiers] noun[, Name]"
    named_after: regex.Pattern[str]  # "-year-old Name"
    roles: tuple[tuple[str, regex.Pattern[str]], ...]
    harm: regex.Pattern[str]
    role_window: int
    unkeyed: frozenset[str]
    suffixes: frozenset[str]


def _cue_pattern(cues: list[str]) -> regex.Pattern[str]:
    parts = [regex.escape(cue[:-1]) + r"[\p{L}-]*" if cue.endswith("*") else regex.escape(cue) for cue in cues]
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?:{'|'.join(parts)})(?![\p{{L}}])")


@cache
def _lexicon() -> _Lexicon:
    raw = tomllib.loads(files("extract").joinpath("lexicons/persons.toml").read_text(encoding="utf-8"))
    classes = {noun: name for name, nouns in raw["nouns"].items() for noun in nouns}
    nouns = "|".join(regex.escape(noun) for noun in sorted(classes, key=len, reverse=True))
    described = regex.compile(
        rf"""\A-?(?:years?-)?old,?\s+
        (?:[\p{{L}}'’.-]+\s+){{0,3}}?               # modifiers: "Vancouver", "terminally ill", "Greek"
        (?P<noun>{nouns})(?:e?s)?(?![\p{{L}}-])
        (?:\s*,\s*(?P<name>{_NAME})\s*(?=[,.;)]|\Z))?  # an apposition: "a 15-year-old boy, Alexandros Grigoropoulos,"
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    named_after = regex.compile(rf"\A-?(?:years?-)?old\s+(?P<name>{_NAME})")
    roles = tuple((role, _cue_pattern(cues)) for role, cues in raw["roles"].items())
    return _Lexicon(
        classes,
        described,
        named_after,
        roles,
        _cue_pattern(raw["harm"]),
        int(raw["role_window"]),
        frozenset(raw["unkeyed"]),
        frozenset(raw["name_suffixes"]),
    )


def age_holder(sentence: str, found: Quantity) -> str | None:
    """Whose age `found` is: a name or a describing noun; "" for an age of someone unsaid; None if not an age.

    `found` carries offsets into `sentence`.
    """
    if found.value is None or not 0 < found.value < MAX_AGE or found.counted_noun is not None:
        return None
    if found.kind not in ("cardinal", "duration"):
        return None
    before, after = sentence[: found.start], sentence[found.end :]
    year_old = found.kind == "duration" and YEAR_OLD.match(after) is not None
    if found.kind == "duration" and not year_old:
        return None
    cue = CUE_BEFORE.search(before)
    named = NAME_BEFORE.search(before[: cue.start()] if cue else before)
    if named and named["name"].split()[0] in NOT_NAMES:
        named = None
    if named and named["article"] and year_old:
        return named["name"]  # "Anthony LaCalamita III, a 38-year-old Troy resident"
    if named and not named["article"] and (AFTER_NAMED_AGE.match(after) or cue):
        return named["name"]
    if year_old:
        lexicon = _lexicon()
        described = lexicon.described.match(after)
        if described:
            return described["name"] or described["noun"].lower()
        name_after = lexicon.named_after.match(after)
        if name_after and name_after["name"].split()[0] not in NOT_NAMES:
            return name_after["name"]
        return ""
    if cue:
        # "Mark Felt, FBI official who became 'Deep Throat,' dead at 95": the clause's first full name.
        for candidate in NAME_ANYWHERE.finditer(before):
            if candidate["name"].split()[0] not in NOT_NAMES:
                return candidate["name"]
        return ""
    return None


def _surname(name: str) -> str:
    tokens = [token.strip(".,").lower() for token in name.split()]
    tokens = [token.removesuffix("'s").removesuffix("’s") for token in tokens if token]
    while len(tokens) > 1 and tokens[-1] in _lexicon().suffixes:
        tokens.pop()
    return tokens[-1] if tokens else ""


def _name_tokens(name: str) -> list[str]:
    return [token.strip(".,").lower() for token in name.split() if token.strip(".,")]


def _role(sentence: str, start: int, end: int) -> str:
    """The part the person plays: the role whose cue stands nearest to the age ("?" when none is near)."""
    lexicon = _lexicon()
    cues: list[tuple[str, regex.Match[str]]] = [
        (role, cue) for role, pattern in lexicon.roles for cue in pattern.finditer(sentence)
    ]
    for cue in lexicon.harm.finditer(sentence):
        # Harmed when the verb comes first or is passive after the person; the attacker when it acts after them.
        # After the person, "-ing" forms and nouns ("whose killing") say nothing about who acted.
        if cue.end() <= start or PASSIVE_BEFORE.search(sentence, 0, cue.start()):
            cues.append(("victim", cue))
        elif not cue[0].lower().endswith("ing") and not DETERMINER_BEFORE.search(sentence, 0, cue.start()):
            cues.append(("suspect", cue))
    best, best_distance = "?", lexicon.role_window + 1
    for role, cue in cues:
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if 0 <= distance < best_distance:
            best, best_distance = role, distance
    return best


def person_key(entity: str | None, sentence: str, start: int, end: int) -> str:
    """What two ages must share to be one person's ("" when the person is unknown). Offsets are in `sentence`."""
    if not entity:
        return ""
    lexicon = _lexicon()
    then = " (then)" if THEN_BEFORE.search(sentence, 0, start) else ""
    described = lexicon.classes.get(entity.lower())
    if described in lexicon.unkeyed:
        return ""
    if described is not None:
        role = _role(sentence, start, end)
        # Two unnamed persons of one class with no role in sight are as likely two people as one.
        return f"{described} ({role}){then}" if role != "?" else ""
    surname = _surname(entity)
    return f"name:{surname}{then}" if len(surname) > 1 else ""


def same_person(first: str | None, second: str | None) -> bool:
    """Two holders with one key are one person unless their given names start differently (Gary and Katherine
    Gomes); a name that ends the other ("Lo Presti", "Gaetano Lo Presti") and spelling variants with one initial
    ("Jim" and "James Oler", "Robin" and "Robyn Mendes") are one person."""
    if not first or not second:
        return False
    one, two = _name_tokens(first), _name_tokens(second)
    shorter, longer = sorted((one, two), key=len)
    if longer[len(longer) - len(shorter) :] == shorter:
        return True
    return one[0][:1] == two[0][:1]
