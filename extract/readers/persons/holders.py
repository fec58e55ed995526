"""Whose age a figure gives, and when two ages are the same person's.

News gives an age in a handful of settings: after a name ("Gaetano Lo Presti, 52,"), before one ("61-year-old
Katherine Gomes", "Anthony LaCalamita III, a 38-year-old Troy resident"), before a noun that describes the
person ("a 61-year-old Vancouver man"), or after a cue ("aged 77", "dies at 95"). `age_holder` reads who it
is: the name, else the describing noun, else "" (an age, but of someone the sentence does not say).

`person_key` is what two ages must share to be compared: a named person's surname (given names must not
differ, see `same_person`); for an unnamed person the class of the describing noun and the part the person
plays in the sentence (suspect or victim, from the role cue nearest to the age). "A 61-year-old man was
charged" and "killing a 40-year-old man" are two men; "a 61-year-old man surrendered" and "a 96-year-old man
was charged" are one man with two ages. The describing nouns are data: ``lexicons/persons.toml`` [nouns].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import regex

from extract.grammar.quantities import Quantity
from extract.lexicons import alternation
from extract.readers.persons.lexicon import (
    AFTER_PERSON,
    DEATH_WORDS,
    EARLIER_LIFE,
    GENDER_OF_NOUN,
    GENDER_OF_PRONOUN,
    GENERIC,
    NOT_NAMES,
    NOUN_CLASSES,
    PARENTS,
    UNKEYED,
    YOUNG,
)
from extract.readers.persons.names import (
    NAME,
    NAME_RUN,
    can_be_name,
    initial_of,
    is_name,
    name_after_titles,
    name_words,
    surname_of,
    without_nickname,
)
from extract.readers.persons.roles import UNSAID, role_farther_off, role_near

__all__ = [
    "AGE_METRIC",
    "AgeMention",
    "UnnamedAge",
    "age_digits",
    "age_holder",
    "describe_unnamed",
    "is_grown",
    "person_class",
    "person_key",
    "pronoun_gender",
    "same_person",
    "stated_gender",
]

AGE_METRIC: Final = "person.age"
MAX_AGE: Final = 125
# An age a strong cue states ("dies at 147", "a 140-year-old man") is read up to here: beyond the oldest person,
# it is a misreport for the checker to flag, not some other figure.
MAX_STATED_AGE: Final = 200
GROWN_UP: Final = 18

# "Gomes, 35," or "Anthony LaCalamita III, a 38-year-old": the name right before the age.
NAME_BEFORE: Final = regex.compile(rf"(?P<name>{NAME}),\s*(?P<article>(?:an?|the)\s+)?\Z")
# "aged 77", "age of 95", "dies at 77", "died in prison at 77", "dead at 95".
CUE_BEFORE: Final = regex.compile(
    rf"""(?i) \b
    (?: aged | age \s+ of
      | (?P<death> {alternation(DEATH_WORDS)} ) (?: \s+ (?:in|on) \s+ [\p{{L}}-]+ ){{0,2}} \s+ at )
    \s+ \Z""",
    regex.VERBOSE,
)
# What follows a "Name, 52" age: a comma, "-year-old", "years old", a closing bracket or the sentence's end.
AFTER_NAMED_AGE: Final = regex.compile(r"\A(?:\s*,|-year-old\b|\s+years?\s+old\b|\s*\)|\s*[.;]?\s*\Z)")
BOTH_BEFORE: Final = regex.compile(r"(?i),\s*(?:both|each|all)\s+(?:aged\s+)?\Z")
YEAR_OLD: Final = regex.compile(r"\A-?(?:years?-)?old\b")
NEXT_WORD: Final = regex.compile(r"\s+(?P<word>\p{Ll}[\p{L}'’-]*)")
# "then-15-year-old Timmons": the person's age at an earlier time, not comparable with their age now.
THEN_BEFORE: Final = regex.compile(r"(?i)\bthen[\s-]+\Z")
PAST_BEFORE: Final = regex.compile(rf"(?i)\b(?:{alternation(EARLIER_LIFE)})\b[^.;:!?]{{0,60}}\Z")
QUOTE_BEFORE: Final = regex.compile(r"[\"“‘']\s*\Z")
ARTICLE_BEFORE: Final = regex.compile(r"(?i)\b(?:a|an|the)\s+\Z")
NEXT_PRONOUN: Final = regex.compile(rf"(?i)\b(?P<pronoun>{alternation(GENDER_OF_PRONOUN)})\b")

_NOUNS: Final = alternation(NOUN_CLASSES)
DESCRIBED: Final = regex.compile(
    rf"""\A-?(?:years?-)?old,?\s+
    (?:[\p{{L}}'’.-]+\s+){{0,3}}?               # modifiers: "Vancouver", "terminally ill", "Greek"
    (?P<noun>{_NOUNS})(?:e?s)?(?![\p{{L}}-])
    # an apposition: "a 15-year-old boy, Alexandros Grigoropoulos,", "a 61-year-old man - Eric Kirkpatrick -"
    (?:\s*(?:,|\s[-–—]+)\s*(?P<name>(?-i:{NAME}))\s*(?=[,.;)–—-]|\Z)
      | \s+(?P<name>(?-i:{NAME}))(?=[\s,.;:)'’]|\Z))?  # or right after it: "Englishman Robert Buckley"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
NAMED_AFTER: Final = regex.compile(rf"\A-?(?:years?-)?old\s+(?P<name>{NAME})")
# "The actress, 26, checked in": the describing noun before the age.
DESCRIBED_BEFORE: Final = regex.compile(rf"(?i)\b(?:the|a|an)\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?P<noun>{_NOUNS}),\s*\Z")


@dataclass(frozen=True, slots=True)
class AgeMention:
    """An age claim of one article: its holder as `age_holder` read it, and where it stands in its sentence."""

    holder: str
    sentence: str
    start: int
    end: int


def age_holder(sentence: str, found: Quantity) -> str | None:
    """Whose age `found` is: a name or a describing noun; "" for an age of someone unsaid; None if not an age.

    `found` carries offsets into `sentence`.
    """
    if found.value is None or not 0 < found.value < MAX_STATED_AGE or found.counted_noun is not None:
        return None
    plausible = found.value < MAX_AGE
    if found.kind not in ("cardinal", "duration"):
        return None
    before, after = sentence[: found.start], sentence[found.end :]
    year_old = found.kind == "duration" and YEAR_OLD.match(after) is not None
    if found.kind == "duration" and not year_old:
        return None
    both = BOTH_BEFORE.search(before)
    if plausible and both and AFTER_NAMED_AGE.match(after):
        # "Capt. Tom Tennant and Trooper William Hakim, both 51, died": the age of each; keyed to the nearest name
        runs = [run["name"] for run in NAME_RUN.finditer(before, 0, both.start())]
        named_last = name_after_titles(runs[-1]) or runs[-1] if runs else ""
        return named_last if named_last and can_be_name(named_last) else ""
    cue = CUE_BEFORE.search(before)
    if cue:
        named_first = _first_name_before(before, cue.start())
        if named_first:
            return named_first
    if plausible and not year_old and AFTER_NAMED_AGE.match(after):
        noun = DESCRIBED_BEFORE.search(before)
        if noun:
            return noun["noun"].lower()  # "The actress, 26, checked in"
    named = NAME_BEFORE.search(before[: cue.start()] if cue else before)
    if not (plausible or cue):
        named = None  # "Smith, 140,": only a cue or "-year-old" makes so great a figure an age
    if named and not can_be_name(named["name"]):
        after_titles = name_after_titles(named["name"])
        if after_titles and not named["article"] and (AFTER_NAMED_AGE.match(after) or cue):
            return after_titles  # "Police Chief Scott Russell, 46, was injured"
        named = None
    if named and named["article"] and year_old:
        return named["name"]  # "Anthony LaCalamita III, a 38-year-old Troy resident"
    if named and not named["article"] and (AFTER_NAMED_AGE.match(after) or cue):
        return named["name"]
    if year_old:
        return _year_old_holder(after, plausible=plausible, in_years=found.unit == "year")
    return "" if cue else None


def _first_name_before(before: str, cue_start: int) -> str | None:
    """The first name of the sentence before an age cue: "Mark Felt, FBI official who became 'Deep Throat,' dead
    at 95"."""
    for run in NAME_RUN.finditer(before, 0, cue_start):
        if QUOTE_BEFORE.search(before, 0, run.start()):
            continue  # a title in quotes: "Million Dollar Mermaid"
        words = without_nickname(run["name"]).split()
        while words and words[0].lower() in NOT_NAMES:
            words.pop(0)  # "Actress Esther Williams Dies at 91"
        if len(words) >= 2 and can_be_name(" ".join(words)):
            keep = 3 if len(words) >= 3 and regex.fullmatch(r"\p{Lu}\.", words[-2]) else 2
            return " ".join(words[-keep:])  # "Frederick C. LaRue", not "C. LaRue"
    return None


def _year_old_holder(after: str, *, plausible: bool, in_years: bool) -> str | None:
    """The holder of an "N-year-old" age, from what follows it: the noun or name it describes, else ""."""
    described = DESCRIBED.match(after)
    if described:
        return described["name"] or described["noun"].lower()
    name_after = NAMED_AFTER.match(after)
    if name_after:
        if in_years and can_be_name(name_after["name"]) and _ends_a_name(after, name_after.end()):
            return name_after["name"]
        return None  # a capitalised noun phrase the age qualifies: "the 14-year-old Mifergui-Nimba iron ore"
    # "the 15-year-old was killed" is someone's age; "a six-week-old strike", "the 30-year-old mark" are not.
    old = YEAR_OLD.match(after)
    return "" if plausible and in_years and old is not None and _ends_a_name(after, old.end()) else None


def _ends_a_name(text: str, at: int) -> bool:
    """What follows a person: punctuation, the end, or a verb or function word ("Kimani Gray was shot"), not a
    noun the words before it qualify ("the 14-year-old Mifergui-Nimba iron ore project")."""
    following = NEXT_WORD.match(text, at)
    return following is None or following["word"].lower() in AFTER_PERSON


def person_class(holder: str, sentence: str, start: int) -> str | None:
    """The class of a describing noun. "A 59-year-old grandmother was hit" describes the person herself, a
    woman, where "his 58-year-old mother" is someone's relative."""
    described = NOUN_CLASSES.get(holder.lower())
    if described in UNKEYED and holder.lower() in PARENTS and ARTICLE_BEFORE.search(sentence, 0, start):
        return "woman" if GENDER_OF_NOUN.get(holder.lower()) == "female" else "man"
    return described


def person_key(entity: str | None, sentence: str, start: int, end: int) -> str:
    """What two ages must share to be one person's ("" when the person is unknown). Offsets are in `sentence`."""
    if not entity:
        return ""
    then = " (then)" if THEN_BEFORE.search(sentence, 0, start) or PAST_BEFORE.search(sentence, 0, start) else ""
    described = person_class(entity, sentence, start)
    if described in UNKEYED:
        return ""
    if described is not None:
        role = role_near(sentence, start, end)
        # Two unnamed men with no role in sight are as likely two people as one; two actresses, less so.
        return f"{described} ({role}){then}" if role != UNSAID or described not in GENERIC else ""
    surname = surname_of(entity)
    return f"name:{surname}{then}" if len(surname) > 1 else ""


def same_person(first: str | None, second: str | None) -> bool:
    """Two holders with one key are one person unless their given names start differently (Gary and Katherine
    Gomes); a name that ends the other ("Lo Presti", "Gaetano Lo Presti") and spelling variants with one initial
    ("Jim" and "James Oler", "Robin" and "Robyn Mendes") are one person."""
    if not first or not second:
        return False
    one, two = name_words(first), name_words(second)
    shorter, longer = sorted((one, two), key=len)
    if longer[len(longer) - len(shorter) :] == shorter:
        return True
    return initial_of(one[0]) == initial_of(two[0])


def is_grown(age: str | int | Decimal) -> bool | None:
    """Whether an age (digits, or a number) is a grown person's; None when it has no digits ("eight")."""
    if isinstance(age, str):
        if not age:
            return None
        age = int(age)
    return age >= GROWN_UP


def age_digits(mention: AgeMention) -> str:
    """The digits of the age as written ("16" of "16-year-old"); "" for an age in words."""
    return "".join(regex.findall(r"\d+", mention.sentence[mention.start : mention.end]))


def pronoun_gender(mention: AgeMention) -> str | None:
    """The gender the sentence's next pronoun gives an unnamed person: "a 16-year-old ... after police say he
    pointed a gun"."""
    found = NEXT_PRONOUN.search(mention.sentence, mention.end)
    return None if found is None else GENDER_OF_PRONOUN[found["pronoun"].lower()]


@dataclass(frozen=True, slots=True)
class UnnamedAge:
    """What an age of an unnamed person says of them: their part, their gender, whether the describing noun (if
    any) says no more than that ("the 28-year-old native", not "the 26-year-old actress"), and whether it is a
    child's ("a 12-year-old girl")."""

    role: str
    gender: str | None
    generic: bool
    young: bool


def describe_unnamed(mention: AgeMention) -> UnnamedAge | None:
    """None when the age is a named person's or a relative's ("his 12-year-old daughter")."""
    if is_name(mention.holder):
        return None
    described = person_class(mention.holder, mention.sentence, mention.start) if mention.holder else None
    if described in UNKEYED:
        return None
    gender = GENDER_OF_NOUN.get(mention.holder.lower()) or pronoun_gender(mention)
    generic = described is None or (described in GENERIC and described not in YOUNG)
    role = role_near(mention.sentence, mention.start, mention.end)
    if role == UNSAID:
        role = role_farther_off(mention.sentence, mention.start, mention.end)
    return UnnamedAge(role, gender, generic, described in YOUNG)


def stated_gender(sentence: str, start: int, end: int) -> str | None:
    """The gender an age's own sentence gives its person: the noun it describes ("a 63-year-old woman"), else
    the next pronoun ("Kafoury, 63, ... she")."""
    described = DESCRIBED.match(sentence[end:])  # anchored at \A: a slice, not a start position
    if described:
        gender = GENDER_OF_NOUN.get(described["noun"].lower())
        if gender is not None:
            return gender
    return pronoun_gender(AgeMention("", sentence, start, end))
