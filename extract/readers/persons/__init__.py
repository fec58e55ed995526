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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Final

import regex

from extract.grammar.quantities import Quantity
from extract.readers.places import find_places

__all__ = [
    "AGE_METRIC",
    "AgeMention",
    "NameMention",
    "UnnamedAge",
    "age_holder",
    "describe_unnamed",
    "given_initial",
    "is_common_capitalised",
    "is_grown",
    "is_name",
    "named_apart",
    "names_in",
    "person_key",
    "resolve_in_article",
    "role_of",
    "same_person",
    "stated_gender",
    "surname_of",
]

AGE_METRIC: Final = "person.age"
MAX_AGE: Final = 125
# An age a strong cue states ("dies at 147", "a 140-year-old man") is read up to here: beyond the oldest person,
# it is a misreport for the checker to flag, not some other figure.
MAX_STATED_AGE: Final = 200

# A nickname inside a name: Vincent "the Chin" Gigante, Kimani (Kiki) Gray.
_NICKNAME = r"(?:\([\p{L} .]{1,20}\)|[\"“‘'][\p{L} .]{1,20}[\"”’'])"
_NAME = (
    rf"\p{{Lu}}[\p{{L}}'’-]+(?:\s+(?:{_NICKNAME}\s+)?(?:\p{{Lu}}\.|\p{{Lu}}[\p{{L}}'’-]+|de|da|van|von|al-\p{{L}}+)){{0,3}}"
)
NICKNAME: Final = regex.compile(rf"\s+{_NICKNAME}(?=\s)")
# "Gomes, 35," or "Anthony LaCalamita III, a 38-year-old": the name right before the age.
NAME_BEFORE: Final = regex.compile(rf"(?P<name>{_NAME}),\s*(?P<article>(?:an?|the)\s+)?\Z")
# "aged 77", "age of 95", "dies at 77", "died in prison at 77", "dead at 95".
CUE_BEFORE: Final = regex.compile(
    r"(?i)\b(?:aged|age\s+of|(?:dies|died|dead|passed\s+away)(?:\s+(?:in|on)\s+[\p{L}-]+){0,2}\s+at)\s+\Z"
)
# What follows a "Name, 52" age: a comma, "-year-old", "years old", a closing bracket or the sentence's end.
AFTER_NAMED_AGE: Final = regex.compile(r"\A(?:\s*,|-year-old\b|\s+years?\s+old\b|\s*\)|\s*[.;]?\s*\Z)")
YEAR_OLD: Final = regex.compile(r"\A-?(?:years?-)?old\b")
# A run of capitalised words: "Mark Felt", "Legendary Aquatic Musical Star Esther Williams" (a headline).
NAME_RUN: Final = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<name>\p{{Lu}}\p{{Ll}}+(?:\s+(?:{_NICKNAME}\s+)?(?:\p{{Lu}}\.|\p{{Lu}}[\p{{L}}'’-]+))+)"
)
NEXT_WORD: Final = regex.compile(r"\s+(?P<word>\p{Ll}[\p{L}'’-]*)")
# "was struck", "were shot": a harm verb after the person, in the passive.
PASSIVE_BEFORE: Final = regex.compile(r"(?i)\b(?:was|were|is|are|been|being|got|get)\s+(?:\p{L}+ly\s+)?\Z")
DETERMINER_BEFORE: Final = regex.compile(r"(?i)\b(?:whose|the|his|her|their|its|a)\s+\Z")
# "a 10-year-old girl killed by a stray bullet": a reduced passive.
BY_AFTER: Final = regex.compile(r"\s+by\b")
# "then-15-year-old Timmons": the person's age at an earlier time, not comparable with their age now.
THEN_BEFORE: Final = regex.compile(r"(?i)\bthen[\s-]+\Z")
# "who once wrote a letter aged 15", "when she was 12": an age at an earlier event of the person's life.
PAST_BEFORE: Final = regex.compile(
    r"(?i)\b(?:once|when\s+(?:he|she|they)\s+was|as\s+a\s+(?:child|boy|girl|teenager|teen)|at\s+the\s+time)\b"
    r"[^.;:!?]{0,60}\Z"
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    classes: dict[str, str]  # describing noun -> its class
    described: regex.Pattern[str]  # "-year-old [modifiers] noun[, Name]"
    named_after: regex.Pattern[str]  # "-year-old Name"
    described_before: regex.Pattern[str]  # "the actress, " before "26,"
    roles: tuple[tuple[str, regex.Pattern[str]], ...]
    harm: regex.Pattern[str]
    role_window: int
    unkeyed: frozenset[str]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    after_person: frozenset[str]
    generic: frozenset[str]
    titles: frozenset[str]
    not_person_words: frozenset[str]
    genders: dict[str, str]
    parents: frozenset[str]
    young: frozenset[str]


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
        # an apposition: "a 15-year-old boy, Alexandros Grigoropoulos,", "a 61-year-old man - Eric Kirkpatrick -"
        (?:\s*(?:,|\s[-–—]+)\s*(?P<name>(?-i:{_NAME}))\s*(?=[,.;)–—-]|\Z)
          | \s+(?P<name>(?-i:{_NAME}))(?=[\s,.;:)'’]|\Z))?  # or right after it: "Englishman Robert Buckley"
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    named_after = regex.compile(rf"\A-?(?:years?-)?old\s+(?P<name>{_NAME})")
    described_before = regex.compile(rf"(?i)\b(?:the|a|an)\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?P<noun>{nouns}),\s*\Z")
    roles = tuple((role, _cue_pattern(cues)) for role, cues in raw["roles"].items())
    return _Lexicon(
        classes,
        described,
        named_after,
        described_before,
        roles,
        _cue_pattern(raw["harm"]),
        int(raw["role_window"]),
        frozenset(raw["unkeyed"]),
        frozenset(raw["name_suffixes"]),
        frozenset(word.lower() for word in raw["not_names"]),
        frozenset(raw["after_person"]),
        frozenset(raw["generic"]),
        frozenset(word.lower() for word in raw["titles"]),
        frozenset(word.lower() for word in raw["not_person_words"]),
        {noun: gender for gender, nouns in raw["genders"].items() for noun in nouns},
        frozenset(raw["parents"]),
        frozenset(raw["young"]),
    )


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
    cue = CUE_BEFORE.search(before)
    if cue:
        # "Mark Felt, FBI official who became 'Deep Throat,' dead at 95": the first name of the sentence.
        for run in NAME_RUN.finditer(before, 0, cue.start()):
            if QUOTE_BEFORE.search(before, 0, run.start()):
                continue  # a title in quotes: "Million Dollar Mermaid"
            words = _plain(run["name"]).split()
            while words and words[0].lower() in _lexicon().not_names:
                words.pop(0)  # "Actress Esther Williams Dies at 91"
            if len(words) >= 2 and _can_be_name(" ".join(words)):
                keep = 3 if len(words) >= 3 and regex.fullmatch(r"\p{Lu}\.", words[-2]) else 2
                return " ".join(words[-keep:])  # "Frederick C. LaRue", not "C. LaRue"
    if plausible and not year_old and AFTER_NAMED_AGE.match(after):
        noun = _lexicon().described_before.search(before)
        if noun:
            return noun["noun"].lower()  # "The actress, 26, checked in"
    named = NAME_BEFORE.search(before[: cue.start()] if cue else before)
    if not (plausible or cue):
        named = None  # "Smith, 140,": only a cue or "-year-old" makes so great a figure an age
    if named and not _can_be_name(named["name"]):
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
        in_years = found.unit == "year"
        name_after = lexicon.named_after.match(after)
        if name_after:
            if in_years and _can_be_name(name_after["name"]) and _ends_a_name(after, name_after.end()):
                return name_after["name"]
            return None  # a capitalised noun phrase the age qualifies: "the 14-year-old Mifergui-Nimba iron ore"
        # "the 15-year-old was killed" is someone's age; "a six-week-old strike", "the 30-year-old mark" are not.
        old = YEAR_OLD.match(after)
        return "" if plausible and in_years and old is not None and _ends_a_name(after, old.end()) else None
    return "" if cue else None


def _ends_a_name(text: str, at: int) -> bool:
    """What follows a person: punctuation, the end, or a verb or function word ("Kimani Gray was shot"), not a
    noun the words before it qualify ("the 14-year-old Mifergui-Nimba iron ore project")."""
    following = NEXT_WORD.match(text, at)
    return following is None or following["word"].lower() in _lexicon().after_person


def _plain(name: str) -> str:
    return NICKNAME.sub("", name)


def _can_be_name(text: str) -> bool:
    """Not a time word, a sentence opener or a place: "Yesterday, a 36-year-old", "in Los Angeles, aged 85"."""
    words = _plain(text).split()
    if not words or words[0].lower() in _lexicon().not_names:
        return False
    if any(word.strip(".,").lower() in _lexicon().not_person_words for word in words[1:]):
        return False  # "Take Me Out", "Beverly Hills", "Local FOX", "Texas Attorney General"
    if all(word.strip(".,").lower() in _lexicon().suffixes for word in words):
        return False  # "Jr, 54": the rest of the name is on another line
    return not any(mention.kind in PLACE_KINDS for mention in find_places(text))


def surname_of(name: str) -> str:
    tokens = [token.strip(".,").lower() for token in _plain(name).split()]
    tokens = [token.removesuffix("'s").removesuffix("’s") for token in tokens if token]
    while len(tokens) > 1 and tokens[-1] in _lexicon().suffixes:
        tokens.pop()
    return tokens[-1] if tokens else ""


def _name_tokens(name: str) -> list[str]:
    """The name's words, lower case, without the titles before it ("Sheriff Deputy Ortiz" is Ortiz)."""
    tokens = [token.strip(".,").lower() for token in _plain(name).split() if token.strip(".,")]
    while len(tokens) > 1 and tokens[0] in _lexicon().titles:
        tokens.pop(0)
    return tokens


def _role(sentence: str, start: int, end: int) -> str:
    """The part the person plays: the role whose cue stands nearest to the age ("?" when none is near)."""
    lexicon = _lexicon()
    cues: list[tuple[str, regex.Match[str]]] = [
        (role, cue) for role, pattern in lexicon.roles for cue in pattern.finditer(sentence)
    ]
    for cue in lexicon.harm.finditer(sentence):
        # Harmed when the verb comes first or is passive after the person; the attacker when it acts after them.
        # After the person, "-ing" forms and nouns ("whose killing") say nothing about who acted.
        if cue.end() <= start or PASSIVE_BEFORE.search(sentence, 0, cue.start()) or BY_AFTER.match(sentence, cue.end()):
            cues.append(("victim", cue))
        elif not cue[0].lower().endswith("ing") and not DETERMINER_BEFORE.search(sentence, 0, cue.start()):
            cues.append(("suspect", cue))
    best, best_distance = "?", lexicon.role_window + 1
    for role, cue in cues:
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if 0 <= distance < best_distance:
            best, best_distance = role, distance
    return best


QUOTE_BEFORE: Final = regex.compile(r"[\"“‘']\s*\Z")
ARTICLE_BEFORE: Final = regex.compile(r"(?i)\b(?:a|an|the)\s+\Z")


def _person_class(holder: str, sentence: str, start: int) -> str | None:
    """The class of a describing noun. "A 59-year-old grandmother was hit" describes the person herself, a
    woman, where "his 58-year-old mother" is someone's relative."""
    lexicon = _lexicon()
    described = lexicon.classes.get(holder.lower())
    if described in lexicon.unkeyed and holder.lower() in lexicon.parents and ARTICLE_BEFORE.search(sentence, 0, start):
        return "woman" if lexicon.genders.get(holder.lower()) == "female" else "man"
    return described


def person_key(entity: str | None, sentence: str, start: int, end: int) -> str:
    """What two ages must share to be one person's ("" when the person is unknown). Offsets are in `sentence`."""
    if not entity:
        return ""
    lexicon = _lexicon()
    then = " (then)" if THEN_BEFORE.search(sentence, 0, start) or PAST_BEFORE.search(sentence, 0, start) else ""
    described = _person_class(entity, sentence, start)
    if described in lexicon.unkeyed:
        return ""
    if described is not None:
        role = _role(sentence, start, end)
        # Two unnamed men with no role in sight are as likely two people as one; two actresses, less so.
        return f"{described} ({role}){then}" if role != "?" or described not in lexicon.generic else ""
    surname = surname_of(entity)
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
    return _initial(one[0]) == _initial(two[0])


SAME_SOUND: Final = {"c": "k"}


def _initial(given: str) -> str:
    """A given name's initial, with the spellings of one sound as one: Katherine, Catherine, Kathryn."""
    return SAME_SOUND.get(given[:1], given[:1])


@dataclass(frozen=True, slots=True)
class AgeMention:
    """An age claim of one article: its holder as `age_holder` read it, and where it stands in its sentence."""

    holder: str
    sentence: str
    start: int
    end: int


PLACE_KINDS: Final = frozenset({"country", "demonym", "capital", "region", "city"})
MALE: Final = regex.compile(r"(?i)\b(?:he|him|his|himself|mr)\b")
FEMALE: Final = regex.compile(r"(?i)\b(?:she|her|hers|herself|mrs|ms)\b")
# A person dominates an article's unnamed ages when named this often, and at least this many times as often as
# the next person.
# "Lt. Gerry Scherlinck identified the other victims", "said Jean Larson": someone who speaks about the story
# plays no part in it, whatever cue stands near their name.
SPEAKER_AFTER: Final = regex.compile(
    r"\A(?:,[^,]{1,60},)?\s+(?:said|says|told|tells|added|identified|described|explained|announced|confirmed|"
    r"testified|stated|noted|wrote|reported|declined|urged|called)\b",
    regex.IGNORECASE,
)
# "said Sgt. Marty Earley", "according to Police Chief ...": titles may stand between the verb and the name.
SPEAKER_BEFORE: Final = regex.compile(
    r"\b(?i:said|says|according\s+to|added|asked)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}\Z"
)
PLACE_PREPOSITION: Final = regex.compile(r"(?i)\b(?:in|at|near|outside|inside|across|towards?|into)\s+\Z")
# "his mother, Mahnefah Gray", "Mahnefah Gray, the teen's mother": someone named as another's relative or
# lawyer speaks of the story, and is not whom its unnamed ages describe.
_KIN = (
    r"(?:mother|father|mom|dad|sister|brother|aunt|uncle|cousin|grandmother|grandfather|wife|husband|son|daughter|"
    r"girlfriend|boyfriend|fianc[eé]e?|lawyer|attorney|spokes(?:man|woman|person))"
)
RELATIVE_BEFORE: Final = regex.compile(rf"(?i)\b{_KIN},?\s+\Z")
RELATIVE_AFTER: Final = regex.compile(
    rf"(?i),\s+(?:his|her|their|the\s+[\p{{L}}'’-]+(?:'s|’s))\s+(?:[\p{{L}}-]+\s+)?{_KIN}\b"
)
HE_AFTER: Final = regex.compile(r"(?i)\b(?P<pronoun>he|him|his|she|her)\b")
DOMINANT_MENTIONS: Final = 3
DOMINANT_RATIO: Final = 1.5
MAX_NAME_WORDS: Final = 4


def is_name(holder: str) -> bool:
    return bool(holder) and holder[:1].isupper() and holder.lower() not in _lexicon().classes


@dataclass(frozen=True, slots=True)
class NameMention:
    """A person an article names, in one of its sentences, with the part they play there ("?" when unsaid)."""

    name: str
    surname: str
    role: str
    sentence: int  # the sentence's index in the article


def names_in(sentences: Sequence[str]) -> list[NameMention]:
    """The persons an article names: runs of two to four capitalised words that are not places, titles or
    organisations ("Police Commissioner Raymond Kelly" is Raymond Kelly, "Kings County Hospital" no one), then
    each later bare surname of theirs ("Gray was shot")."""
    lexicon = _lexicon()
    # Words the article also writes in lower case are common words, not names, wherever a headline or a
    # sentence start capitalises them ("Driver Charged With DWI", "Purportedly Simpson").
    common = Counter(regex.findall(r"(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]+", " ".join(sentences)))
    full: list[NameMention] = []
    spans: list[tuple[int, int, int]] = []
    for index, sentence in enumerate(sentences):
        for run in NAME_RUN.finditer(sentence):
            words = list(regex.finditer(r"\S+", run["name"]))
            while words and (
                words[0].group().lower().strip(".") in lexicon.not_names
                or words[0].group().lower().strip(".") in lexicon.titles
                or words[0].group().lower() in common
            ):
                words.pop(0)
            if not 2 <= len(words) <= MAX_NAME_WORDS:
                continue
            plain = [word.group().lower().removesuffix("'s").removesuffix("’s") for word in words]
            if any(word.strip(".") in lexicon.not_person_words for word in plain) or common[plain[-1]] >= 2:
                continue
            start, end = run.start() + words[0].start(), run.start() + words[-1].end()
            if PLACE_PREPOSITION.search(sentence, 0, start):
                continue  # "in Richmond Hill", "outside Kings Plaza": a place the gazetteer does not know
            name = sentence[start:end].removesuffix("'s").removesuffix("’s")
            if not _can_be_name(name):
                continue
            full.append(NameMention(name, surname_of(name), _name_role(sentence, start, end), index))
            spans.append((index, start, end))
    surnames = {mention.surname for mention in full if len(mention.surname) > 2}
    bare: list[NameMention] = []
    if surnames:
        pattern = regex.compile(
            rf"(?<![\p{{L}}'’-])(?P<surname>{'|'.join(regex.escape(name) for name in sorted(surnames))})(?![\p{{L}}-])",
            regex.IGNORECASE,
        )
        for index, sentence in enumerate(sentences):
            for found in pattern.finditer(sentence):
                if not found.group()[:1].isupper():
                    continue
                if any(i == index and lo <= found.start() < hi for i, lo, hi in spans):
                    continue
                surname = found.group().lower()
                role = _name_role(sentence, found.start(), found.end())
                bare.append(NameMention(found.group(), surname, role, index))
    return full + bare


def _name_role(sentence: str, start: int, end: int) -> str:
    if RELATIVE_BEFORE.search(sentence, 0, start) or RELATIVE_AFTER.match(sentence, end):
        return "relative"
    if SPEAKER_AFTER.match(sentence[end:]) or SPEAKER_BEFORE.search(sentence[:start]):
        return "speaker"
    return _role(sentence, start, end)


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    mentions: int
    roles: frozenset[str]
    gender: str | None


def _persons(names: Sequence[NameMention], sentences: Sequence[str]) -> dict[str, _Person]:
    """The persons of an article by surname. Two people who share a surname (Kimani Gray and his mother
    Mahnefah Gray) are kept apart by their given names, and the bare surname, which could be either, counts for
    neither."""
    persons: dict[str, _Person] = {}
    for surname in {mention.surname for mention in names}:
        own = [mention for mention in names if mention.surname == surname]
        full = [mention for mention in own if len(mention.name.split()) > 1]
        given = {_initial(_name_tokens(mention.name)[0]) for mention in full}
        for initial in sorted(given) or [""]:
            if len(given) > 1:
                own = [mention for mention in full if _initial(_name_tokens(mention.name)[0]) == initial]
            name = max((mention.name for mention in own), key=lambda text: (len(text.split()), text))
            indices = {mention.sentence for mention in own}
            # The pronouns of the sentences that name the person and of the ones after them.
            nearby = " ".join(sentences[i] for i in sorted(indices | {i + 1 for i in indices}) if i < len(sentences))
            male, female = len(MALE.findall(nearby)), len(FEMALE.findall(nearby))
            gender = "male" if male >= 2 * max(female, 1) else "female" if female >= 2 * max(male, 1) else None
            roles = frozenset(mention.role for mention in own) - {"?"}
            key = surname if len(given) <= 1 else f"{surname} ({initial})"
            persons[key] = _Person(name, len(own), roles, gender)
    return persons


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
    lexicon = _lexicon()
    persons = _persons(names, sentences)
    ranked = sorted(
        ((key, person) for key, person in persons.items() if "relative" not in person.roles),
        key=lambda item: item[1].mentions,
        reverse=True,
    )
    dominant = None
    if ranked and ranked[0][1].mentions >= DOMINANT_MENTIONS:
        second = ranked[1][1].mentions if len(ranked) > 1 else 0
        if ranked[0][1].mentions >= DOMINANT_RATIO * second:
            dominant = ranked[0]
    # "Gray, 16" and "Mahnefah Gray, 19": the article's named ages put two people under one surname.
    named_ages: dict[str, set[str]] = {}
    for mention in mentions:
        if is_name(mention.holder):
            named_ages.setdefault(surname_of(mention.holder), set()).add(_value_text(mention))
    tentative: dict[int, str] = {}
    for index, (holder, mention) in enumerate(zip(resolved, mentions, strict=True)):
        if is_name(holder) or _person_class(holder, mention.sentence, mention.start) in lexicon.unkeyed:
            continue
        role = _role(mention.sentence, mention.start, mention.end)
        if role != "?":
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
        if candidate is None:
            continue
        surname, person = candidate
        gender = lexicon.genders.get(holder.lower()) or _pronoun_gender(mention)
        if gender is not None and person.gender is not None and gender != person.gender:
            continue
        if named_apart(mention.sentence, surname_of(person.name)):
            continue  # "a 50-year-old man tipped off authorities to LaCalamita's location" is not LaCalamita
        if len(named_ages.get(surname_of(person.name), set())) > 1:
            continue
        mine = is_grown(_value_text(mention))
        theirs = {is_grown(value) for value in named_ages.get(surname_of(person.name), set())} - {None}
        if mine is not None and theirs and mine not in theirs:
            continue  # a child is not the grown person the article names ("an 11-year-old girl was wounded"
            # beside "Zurana Horton, 34, was killed"), nor a grown person a child
        if sum(other.sentence == mention.sentence for other in mentions) > 1:
            continue  # "Cheanne McKnight, 11, is recovering, while a 31-year-old mom was shot": someone else
        tentative[index] = surname
    # A man and a woman given to one name are two people, and which of them is named is unknown.
    for surname in set(tentative.values()):
        given = [index for index, chosen in tentative.items() if chosen == surname]
        genders = {lexicon.genders.get(resolved[index].lower()) for index in given} - {None}
        if len(genders) < 2:
            for index in given:
                resolved[index] = persons[surname].name
    return resolved


POSSESSIVE_AFTER: Final = regex.compile(r"['’]s?(?!\p{L})")
OBJECT_BEFORE: Final = regex.compile(
    r"(?i)\b(?:to|of|for|with|against|about|by|from|on|at|towards?|told|tell|tipped|called|killed|shot)\s+\Z"
)


def named_apart(sentence: str, surname: str) -> bool:
    """Whether the sentence names the person as someone other than whom an unnamed age in it describes: as a
    possessor or an object ("a 50-year-old man tipped off authorities to LaCalamita's location"). As a subject it
    may be the same person ("the 29-year-old gang member killed the deputy ..., Orozco also tried to kill")."""
    pattern = rf"(?i)(?<![\p{{L}}'’-]){regex.escape(surname)}(?![\p{{L}}-])"
    return any(
        POSSESSIVE_AFTER.match(sentence, found.end()) or OBJECT_BEFORE.search(sentence, 0, found.start())
        for found in regex.finditer(pattern, sentence)
    )


def _pronoun_gender(mention: AgeMention) -> str | None:
    """The gender the sentence's next pronoun gives an unnamed person: "a 16-year-old ... after police say he
    pointed a gun"."""
    found = HE_AFTER.search(mention.sentence, mention.end)
    if found is None:
        return None
    return "male" if found["pronoun"].lower() in ("he", "him", "his") else "female"


def _may_be(person: _Person, holder: str, mention: AgeMention) -> bool:
    """Whether an unnamed age with no role in sight may be the person the article is about: a noun of their
    gender ("a 16-year-old boy"), or a generic one that says nothing against it ("the 28-year-old native");
    never a child ("a 1-year-old baby" beside a grown man)."""
    lexicon = _lexicon()
    described = _person_class(holder, mention.sentence, mention.start)
    gender = lexicon.genders.get(holder.lower())
    if gender is not None:
        return gender == person.gender
    return described in lexicon.generic and described not in lexicon.young


def _resolve_by_aged_names(mentions: Sequence[AgeMention]) -> list[str]:
    named = [mention for mention in mentions if is_name(mention.holder)]
    surnames = {surname_of(mention.holder) for mention in named}
    # "Gray, 16" and "Gray's older sister, Mahnefah Gray, 19": one surname, two people.
    given = {_initial(_name_tokens(m.holder)[0]) for m in named if len(_name_tokens(m.holder)) > 1}
    if len(surnames) != 1 or len(given) > 1 or (given and len({_value_text(m) for m in named}) > 1):
        return [mention.holder for mention in mentions]
    name = max((mention.holder for mention in named), key=lambda holder: (len(holder.split()), holder))
    roles = Counter(_role(m.sentence, m.start, m.end) for m in named)
    role = next((found for found, _ in roles.most_common() if found != "?"), "?")
    values = {_value_text(m) for m in named}
    lexicon = _lexicon()
    genders = {
        lexicon.genders.get(m.holder.lower())
        for m in mentions
        if not is_name(m.holder) and _value_text(m) in values and _role(m.sentence, m.start, m.end) == role
    } - {None}
    resolved = []
    for mention in mentions:
        described = _person_class(mention.holder, mention.sentence, mention.start) if mention.holder else None
        gender = lexicon.genders.get(mention.holder.lower()) if mention.holder else None
        if (
            is_name(mention.holder)
            or described in lexicon.unkeyed
            or (role == "?" and (described is None or described in lexicon.generic))
            or _role(mention.sentence, mention.start, mention.end) != role
            or (gender is not None and genders and gender not in genders)
        ):
            resolved.append(mention.holder)
        else:
            resolved.append(name)
    return resolved


GROWN_UP: Final = 18


def is_grown(age: str | int | Decimal) -> bool | None:
    """Whether an age (digits, or a number) is a grown person's; None when it has no digits ("eight")."""
    if isinstance(age, str):
        if not age:
            return None
        age = int(age)
    return age >= GROWN_UP


def _value_text(mention: AgeMention) -> str:
    return "".join(regex.findall(r"\d+", mention.sentence[mention.start : mention.end]))


def role_of(sentence: str, quote: str) -> str:
    """The part the person an age in `sentence` describes plays there ("?" when unsaid)."""
    at = sentence.find(quote)
    return _role(sentence, at, at + len(quote)) if at >= 0 else "?"


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
    lexicon = _lexicon()
    described = _person_class(mention.holder, mention.sentence, mention.start) if mention.holder else None
    if described in lexicon.unkeyed:
        return None
    gender = lexicon.genders.get(mention.holder.lower()) or _pronoun_gender(mention)
    generic = described is None or (described in lexicon.generic and described not in lexicon.young)
    role = _role(mention.sentence, mention.start, mention.end)
    if role == "?":
        role = _role_farther(mention)
    return UnnamedAge(role, gender, generic, described in lexicon.young)


PRONOUN_BEFORE: Final = regex.compile(r"(?i)\b(?:he|she|they)\s+(?:\p{L}+ly\s+)?\Z")


def _role_farther(mention: AgeMention) -> str:
    """The part a harm verb farther off in the sentence gives the person: harmed when it comes before the age
    ("Also shot were a woman ... and an 11-year-old girl") or is passive after it ("a 66-year-old woman who was
    walking outside the Sam's Club when she was struck"); the attacker when a pronoun does it after the age
    ("a 35-year-old man ... on charges he killed his mother")."""
    sentence = mention.sentence
    for cue in _lexicon().harm.finditer(sentence):
        if cue.end() <= mention.start:
            return "victim"
    for cue in _lexicon().harm.finditer(sentence, mention.end):
        if PASSIVE_BEFORE.search(sentence, 0, cue.start()):
            return "victim"
        if PRONOUN_BEFORE.search(sentence, 0, cue.start()) and not cue[0].lower().endswith("ing"):
            return "suspect"
    return "?"


def stated_gender(sentence: str, start: int, end: int) -> str | None:
    """The gender an age's own sentence gives its person: the noun it describes ("a 63-year-old woman"), else
    the next pronoun ("Kafoury, 63, ... she")."""
    described = _lexicon().described.match(sentence[end:])  # anchored at \A: a slice, not a start position
    if described:
        gender = _lexicon().genders.get(described["noun"].lower())
        if gender is not None:
            return gender
    return _pronoun_gender(AgeMention("", sentence, start, end))


def given_initial(name: str) -> str:
    """The initial of a full name's given name ("" for a bare surname), with spellings of one sound as one."""
    tokens = _name_tokens(name)
    return _initial(tokens[0]) if len(tokens) > 1 else ""


def is_common_capitalised(word: str) -> bool:
    """A capitalised word that names no one and nothing in particular: a sentence opener, a weekday or month, a
    title ("Police", "Monday", "Sheriff")."""
    lexicon = _lexicon()
    return word in lexicon.not_names or word in lexicon.titles
