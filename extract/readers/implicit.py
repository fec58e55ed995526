"""Casualty counts written without a numeral: "a man was shot dead", "killing a police officer and a bomb
technician", "the murder of Theo van Gogh", "no one was injured".

News tells most single deaths this way, and a toll read only from numerals misses them. Each reading gives the
count, its metric (from the verb or noun of harm), the words that imply it (the quote) and the words naming who
was harmed (the entity). The person must be named by a singular noun of a person, a pronoun or a name, one by one
("a man and his son were killed": 2); a plural or a numeral leaves the count to the quantity grammar, and a
phrase whose head is no person ("the deal was killed", "business was hurt") gives nothing. "Died" counts only in a
sentence of violence or accident and none of natural death: an obituary is no casualty report. The word lists are
data: ``lexicons/implicit_counts.toml``.

>>> [(c.value, c.metric, c.quote, c.person) for c in implicit_counts("A man was shot dead on Friday.")]
[(Decimal('1'), 'casualties.killed', 'was shot dead', 'A man')]
>>> [(c.value, c.quote) for c in implicit_counts("A bomb exploded, killing a police officer and a bomb technician.")]
[(Decimal('2'), 'killing a police officer and a bomb technician')]
>>> [(c.value, c.metric, c.implicit) for c in implicit_counts("No-one is believed to have been injured.")]
[(Decimal('0'), 'casualties.injured', False)]
>>> implicit_counts("The proposal was killed in committee.")
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Final

import regex

from extract.lexicons import alternation, load_toml, starred_alternation
from extract.readers.places import find_places

__all__ = ["ImplicitCount", "implicit_counts"]

WORD: Final = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*")
AGE_BEFORE_WHO: Final = regex.compile(r"(?:,\s*\d{1,3})?,?\s*\Z")
OBJECT_START: Final = regex.compile(r"\s+[\p{L}\p{N}'’]")
PUNCTUATION: Final = regex.compile(r"[,;:.]")
NOUN_BEFORE_PARTICIPLE: Final = regex.compile(r"(?i)(?P<noun>[\p{L}-]+)\s+(?:\p{L}+(?:,|\s+and)\s+)?\Z")
ITEM_SPLIT_LIST: Final = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
ITEM_SPLIT_AND: Final = regex.compile(r"\s+and\s+")
DETERMINERS: Final = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "another"})
NUMBER_START: Final = regex.compile(
    r"(?i)\A(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|"
    r"several|many|some|scores|both|all|most|few)\b)"
)
PERSON_SUFFIX: Final = regex.compile(r"\p{L}{2,}(?:man|woman|person)\Z")
ASIDE: Final = regex.compile(r",\s*(?:believed|said|thought|reported|identified|described|aged)\b[^,]{0,60}(?=,)")
DESCRIPTOR: Final = regex.compile(r"\A(?!(?i:a|an|the|his|her|their|one)\b)(?:\p{L}+\s+){0,3}\p{Ll}+\Z")
NAMED_AT_END: Final = regex.compile(r"\p{Lu}\p{L}+\s+(?:\p{L}+\s+)?\p{Lu}\p{L}+\Z")
PARTICIPLE: Final = regex.compile(r"(?i)\A\p{L}+(?:ed|en|wn)\Z")
NUMERAL: Final = regex.compile(
    r"(?i)\A(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b)"
)
ONE_START: Final = regex.compile(r"(?i)\A(?:one|a\s+single)\s+")
AGE_WORD: Final = regex.compile(r"(?i)-years?-old\b")
YEAR: Final = regex.compile(r"(?:1[5-9]|20)\d\d\b")
YEAR_OLD: Final = regex.compile(r"-years?-old\Z")  # "the 15-year-old was killed"
# What opens a verb's object: "a man killed his wife", "killed one person", "killed Smith".
OBJECT_NEXT: Final = regex.compile(
    r"\s+(?:(?i:a|an|the|his|her|their|him|them|himself|herself|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\b|\d|\p{Lu})"
)
ADJECTIVE_BEFORE: Final = regex.compile(
    r"(?i)\b(?:a|an|the|one|every|each|any|no|his|her|their|its|our|my|your)\s+(?:\w+ly\s+)?\Z"
)
# A participle after a preposition is an adjective ("a replacement for injured captain Ricky Ponting"); a gerund
# there is still a verb ("accused of killing two co-workers").
PREPOSITION_BEFORE: Final = regex.compile(r"(?i)\b(?:for|of|with|to|by|from|on|in|at|as|like)\s+(?:\w+ly\s+)?\Z")
PREPOSITION_END: Final = regex.compile(r"(?i)\s+(?:of|in|by|from|at|on|with|for|near)\s+\Z")
RELATIVE: Final = regex.compile(r"\s(?:who|whose)\s")
VICTIM: Final = regex.compile(r"(?i)\bvictims?\b")
SUBJECT_BOUNDARY: Final = regex.compile(r"[;:()\[\]\"“”—]|,\s*(?=\S)|\s[–-]{1,2}\s")
SUBJECT_WORDS: Final = 10
DASH_ASIDE: Final = regex.compile(r"\s*[—–]\s[^—–]{1,80}\s[—–]\s*\Z|\s*\([^()]{1,60}\)\s*\Z")
# "The woman, identified by the police as Madeline Kafoury, died": an aside between commas before the verb.
COMMA_ASIDE: Final = regex.compile(
    r",\s*(?:\p{Ll}+(?:ed|ing)|who|which|believed|aged|said|reportedly|apparently)\b[^,]{0,80},\s*\Z"
)
NAME_AGE_HOME: Final = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+),\s*\d{1,3},\s*"
    r"(?:of\s+(?:\p{Lu}[\p{L}.'’-]+\s*){1,3},?\s*)?\Z"
)


@dataclass(frozen=True, slots=True)
class ImplicitCount:
    """A count of people harmed, read from words: offsets are into the sentence."""

    start: int
    end: int
    quote: str
    value: Decimal
    metric: str
    person: str | None  # the words naming who was harmed
    rule: str  # passive, reduced, active, nominal, possessive, adjectival, died, zero
    implicit: bool  # False when a number word says it after all ("one man", "no one")
    person_start: int = -1
    person_end: int = -1


@cache
def _lexicon() -> dict[str, Any]:
    return load_toml("implicit_counts.toml")


@cache
def _verb_of(kind: str) -> dict[str, str]:
    """Each phrase of a kind (passive, active, ...) and its metric, keyed by its words lower-cased."""
    return {
        " ".join(phrase.lower().split()): f"casualties.{name}"
        for name, phrases in _lexicon()[kind].items()
        for phrase in phrases
    }


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    lexicon = _lexicon()

    def words(*keys: str) -> str:
        return alternation(word for key in keys for word in lexicon[key])

    def verbs(kind: str) -> str:
        return alternation(_verb_of(kind))

    adverbs = rf"(?:(?:{words('adverbs')})\s+){{0,2}}"
    # Every word a reading below starts from (the last word of each phrase of harm, a zero subject's last word),
    # for one cheap first look: a sentence without any gives nothing.
    starts = {
        phrase.split()[-1]
        for kind in ("passive", "active", "nominal", "possessive", "adjectival")
        for phrases in lexicon[kind].values()
        for phrase in phrases
    } | {phrase.split()[-1] for phrase in lexicon["died"] + lexicon["zero_subjects"]}
    return {
        "harm_word": regex.compile(rf"(?i)(?<![\w-])(?:{alternation(starts)})(?![\w-])"),
        "passive": regex.compile(
            rf"(?i)(?<![\w-])(?P<aux>{words('auxiliaries')})\s+{adverbs}(?P<verb>{verbs('passive')})(?![\w-])"
        ),
        "participle": regex.compile(rf"(?i)(?<![\w-])(?P<verb>{verbs('passive')})(?![\w-])"),
        "active": regex.compile(rf"(?i)(?<![\w-])(?P<verb>{verbs('active')})(?![\w-])"),
        "nominal": regex.compile(
            rf"(?i)(?<![\w-])(?:(?:the|a|an)\s+)?(?P<verb>{verbs('nominal')})\s+of(?![\w-])"
        ),
        "possessive": regex.compile(
            rf"(?i)(?P<owner>[\p{{L}}.-]+)['’]s\s+(?:(?!(?:before|after|in|at|on|and|or|of|for)\b)[\p{{L}}-]+\s+)?"
            rf"(?P<verb>{verbs('possessive')})(?![\w-])"
        ),
        "adjectival": regex.compile(rf"(?i)(?<![\w-])(?P<verb>{verbs('adjectival')})\s+(?=\S)"),
        "died": regex.compile(rf"(?i)(?<![\w-])(?:{adverbs})(?P<verb>{words('died')})(?![\w-])"),
        "zero": regex.compile(
            rf"(?i)(?<![\w-])(?P<zero>{words('zero_subjects')})(?P<gap>(?:\s+[\p{{L}}'’-]+){{0,{int(lexicon['zero_reach'])}}}?)"
            rf"\s+(?P<verb>{verbs('passive')}|{words('died')})(?![\w-])"
        ),
        "intent": regex.compile(rf"(?i)(?<![\w-])(?:{words('intent_before')})(?:\s+[\p{{L}}'’-]+){{0,3}}\s*\Z"),
        "multiple": regex.compile(
            rf"(?i)(?<![\w-])(?:an?\s+|the\s+)?(?P<times>{alternation(lexicon['multiples'])})[\s-]+"
            rf"(?P<verb>{verbs('nominal')}|homicide|murders|killings|slayings)(?![\w-])"
        ),
        "object_stop": regex.compile(
            rf"(?i)\s(?:{words('object_stops')})(?![\w-])|(?<!\b\p{{Lu}})[.](?=\s|\Z)|[;:!?()\[\]\"“”]|\s[–-]{{1,2}}\s"
            r"|,\s+and\s+(?:[\p{L}'’-]+\s+){0,2}(?:did|does|was|were|is|are|has|have|had|said|says|could|would|will)\b"
            r"|,?\s+and\s+(?:\w+ly\s+)?\p{L}+(?:ing|ed)\b|,\s+(?:\w+ly\s+)?\p{L}+(?:ing|ed)\b|\s\p{Ll}+ing\b"
        ),
        "person_noun": regex.compile(rf"(?i)\A(?:{words('person_nouns')})\Z"),
        "person_plural": regex.compile(
            rf"(?i)\A(?:(?:{words('person_nouns')})s|people|men|women|children|policemen|servicemen|gunmen|"
            r"firemen|businessmen|fishermen|wives)\Z"
        ),
        # Lower case only: "Fall River" is no fall.
        "violent": regex.compile(rf"(?<![\w-])(?:{starred_alternation(lexicon['violent_cues'])})(?![\w-])"),
        "natural": regex.compile(rf"(?i)(?<![\w-])(?:{starred_alternation(lexicon['natural_cues'])})(?![\w-])"),
        "subject_stop": regex.compile(
            r"(?i)\A(?:that|which|when|after|before|as|while|because|if|said|says|say|told|where|but|then|"
            r"since|until|though|although|whose|whom|than|so|yet|or|nor|of|in|at|for|on|with|by|from|to|into|"
            r"near|over|under|during|were|was|is|are|been|be|has|have|had|following|against|about)\Z"
        ),
    }


def _is_person_head(word: str, *, sentence_start: bool, names: int, titled: bool, loose: bool) -> bool:
    """Whether `word`, the last of a phrase, names one person: a person noun, a pronoun or a name."""
    bare = word.rstrip(".,").removesuffix("'s").removesuffix("’s")
    lower = bare.lower()
    if _patterns()["person_noun"].match(lower) or lower in _lexicon()["person_pronouns"] or YEAR_OLD.search(lower):
        return True
    if bare[:1].islower() and PERSON_SUFFIX.search(lower):
        return True  # "crewman", "chairwoman", "spokesperson"
    if not bare[:1].isupper() or bare in _lexicon()["not_names"] or bare.rstrip(".") in _lexicon()["not_names"]:
        return False
    # A capitalised word at a sentence's start is a name only with another capitalised word or a title beside
    # it ("LuAnn Johnson"), or where the predicate can only be said of a person (`loose`: "Johnson died").
    return not sentence_start or names >= 2 or titled or loose


def _persons(text: str, offset: int, *, sentence_start: bool, loose: bool, lists: bool) -> tuple[int, str] | None:
    """How many persons a phrase names ("a police officer and a bomb technician": 2) and its text, or None when
    it names no person, a plural or a numbered group (those are the grammar's)."""
    text = text.strip(" ,")
    if not text:
        return None
    ands = list(ITEM_SPLIT_AND.finditer(text))
    has_and = bool(ands)
    if lists and has_and:
        comma = text.find(",", ands[-1].end())
        if comma >= 0:
            text = text[:comma]  # "a police officer and a technician, officials said": the list ends at its last item
    splitter = ITEM_SPLIT_LIST if lists and has_and else ITEM_SPLIT_AND
    if not (lists and has_and):
        text = text.split(",")[0].strip()
    text = ASIDE.sub("", text)  # "An American woman, believed to be a civilian, and a young Afghan girl"
    items = [item.strip() for item in splitter.split(text) if item.strip()]
    if not items:
        return None
    if len(items) == 2 and DESCRIPTOR.match(items[0]) and NAMED_AT_END.search(items[1]):
        items = [" ".join(items)]  # "Dutch film director and columnist Theo van Gogh": one person
    titles = set(_lexicon()["person_titles"])
    for index, item in enumerate(items):
        if NUMBER_START.match(item) or any(NUMERAL.match(t) and not AGE_WORD.search(t) for t in item.split()):
            return None  # "at least 10 Iraqis have been killed", "several people": the grammar's count
        tokens = [m.group() for m in WORD.finditer(item)]
        if not tokens:
            return None
        for token in tokens:
            if _patterns()["person_plural"].match(token.rstrip(".,")):
                return None
        if len(tokens) > 1 and PARTICIPLE.match(tokens[-1]) and _patterns()["person_noun"].match(tokens[-2].lower()):
            tokens = tokens[:-1]  # "A Turkish engineer abducted (by a gang) was found dead"
        if tokens[-1][:1].isupper() and any(
            m.end >= len(item) - 1 and m.kind != "demonym" for m in find_places(item)
        ):
            return None  # "operating out of El Salvador, were killed": a place, not a person ("a Briton" is one)
        capitalised = sum(1 for t in tokens if t[:1].isupper() and t not in _lexicon()["not_names"])
        titled = any(t in titles for t in tokens[:-1])
        at_start = sentence_start and index == 0 and len(tokens) == 1
        if not _is_person_head(tokens[-1], sentence_start=at_start, names=capitalised, titled=titled, loose=loose):
            return None
    return len(items), text


def _subject_before(sentence: str, at: int) -> tuple[int, int] | None:
    """The span of the phrase right before `at` (a passive's or "died"'s subject): back to a clause boundary,
    a clause word or ten words; a relative "who" stands for the phrase before it, and a name with its age and
    home town ("LuAnn Marie Johnson, 66, of Burnsville was killed") for the name."""
    appositive = NAME_AGE_HOME.search(sentence, 0, at)
    if appositive:
        return appositive.start("name"), appositive.end("name")
    aside = DASH_ASIDE.search(sentence, 0, at) or COMMA_ASIDE.search(sentence, 0, at)
    if aside:  # "A deputy — a recently married father of two sons — died": the subject before the aside
        return _subject_before(sentence, aside.start())
    window_start = 0
    for match in SUBJECT_BOUNDARY.finditer(sentence, 0, at):
        window_start = match.end()
    tokens = [m for m in WORD.finditer(sentence, window_start, at)]
    if tokens and tokens[-1].group().lower() in ("who", "that"):
        end = tokens[-1].start()
        head = sentence[:end].rstrip()
        head = AGE_BEFORE_WHO.sub("", head)  # "Kimani Gray, 16, who"
        return _subject_before(sentence, len(head)) if head else None
    kept: list[regex.Match[str]] = []
    for token in reversed(tokens):
        if _patterns()["subject_stop"].match(token.group()) or len(kept) == SUBJECT_WORDS:
            break
        kept.append(token)
    if not kept:
        return None
    return kept[-1].start(), kept[0].end()


def _numbered_before(sentence: str, at: int) -> bool:
    """A count in figures or number words in the phrase before `at` (its prepositional phrases included, but not a
    year, a time or an age): the passive's subject is numbered ("59 citizens of Kyrgyzstan were killed")."""
    if NAME_AGE_HOME.search(sentence, 0, at):
        return False  # "Raj Chohan, 59, was killed": an age
    start = max((m.end() for m in SUBJECT_BOUNDARY.finditer(sentence, 0, at)), default=0)
    for token in reversed([m.group() for m in WORD.finditer(sentence, start, at)][-8:]):
        if _patterns()["subject_stop"].match(token) and token.lower() not in ("of", "in", "from", "at", "on"):
            return False
        if NUMBER_START.match(token) and not AGE_WORD.search(token) and not YEAR.match(token) and ":" not in token:
            return True
    return False


def _object_after(sentence: str, at: int) -> tuple[int, int] | None:
    """The span of a verb's object from `at`, up to a preposition, a clause word, a time word or a new verb."""
    if not OBJECT_START.match(sentence, at):
        return None  # "injured, the governor said": no object
    stop = _patterns()["object_stop"].search(sentence, at)
    end = stop.start() if stop else len(sentence)
    start = at
    while start < end and sentence[start].isspace():
        start += 1
    text = sentence[start:end].rstrip(" ,")
    return (start, start + len(text)) if text else None


def implicit_counts(sentence: str) -> list[ImplicitCount]:
    """The casualty counts `sentence` states without a numeral (offsets into the sentence)."""
    if not _patterns()["harm_word"].search(sentence):
        return []  # most sentences speak of no harm: one cheap look before the readings
    add = _Found()
    free = add.free

    patterns = _patterns()
    for match in patterns["zero"].finditer(sentence):
        if PUNCTUATION.search(match["gap"] or ""):
            continue
        verb = " ".join(match["verb"].lower().split())
        metric = _verb_of("passive").get(verb, "casualties.killed")
        add(ImplicitCount(match.start(), match.end("zero"), match["zero"], Decimal(0), metric, None, "zero", False,
                          match.start(), match.end("zero")), (match.start("verb"), match.end("verb")))
    for match in patterns["multiple"].finditer(sentence):
        if patterns["intent"].search(sentence, max(0, match.start() - 60), match.start()):
            continue
        times = int(_lexicon()["multiples"][match["times"].lower()])
        add(ImplicitCount(match.start(), match.end(), match.group(), Decimal(times), "casualties.killed", None,
                          "multiple", True, match.start(), match.end()), (match.start("verb"), match.end("verb")))
    for match in patterns["nominal"].finditer(sentence):
        metric = _verb_of("nominal")[" ".join(match["verb"].lower().split())]
        target = _object_after(sentence, match.end())
        if target is not None:
            _counted(sentence, target, match, metric, "nominal", add, loose=False, lists=True, quote_to_person=True)
    for match in patterns["possessive"].finditer(sentence):
        metric = _verb_of("possessive")[" ".join(match["verb"].lower().split())]
        owner = match["owner"]
        start = match.start("owner")
        words_before = [m for m in WORD.finditer(sentence, max(0, start - 40), start)]
        phrase_start = words_before[-1].start() if words_before and words_before[-1].group().lower() not in (
            DETERMINERS | {"of", "in", "for", "to", "with", "by"}) else start
        if _persons(sentence[phrase_start : match.end("owner")], 0, sentence_start=phrase_start == 0, loose=False,
                    lists=False) is None or owner.lower() in DETERMINERS:
            continue
        add(ImplicitCount(phrase_start, match.end(), sentence[phrase_start : match.end()], Decimal(1), metric,
                          sentence[phrase_start : match.end("owner")], "possessive", True, phrase_start,
                          match.end("owner")), (match.start("verb"), match.end("verb")))
    for match in patterns["passive"].finditer(sentence):
        if _numbered_before(sentence, match.start()):
            continue  # "59 citizens of Kyrgyzstan were killed": the numeral's count
        if match["verb"].lower() == "dead" and not patterns["violent"].search(sentence):
            continue  # "the Louvre is dead", "a dead issue": figurative, unless the sentence tells of violence
        metric = _verb_of("passive")[" ".join(match["verb"].lower().split())]
        subject = _subject_before(sentence, match.start())
        if subject is None:
            continue
        _counted(sentence, subject, match, metric, "passive", add, loose=metric == "casualties.killed")
    for match in patterns["participle"].finditer(sentence):
        if not free(match.start(), match.end()):
            continue
        _reduced(sentence, match, add)
    for match in patterns["died"].finditer(sentence):
        subject = _subject_before(sentence, match.start())
        victim = subject is not None and VICTIM.search(sentence, *subject) is not None
        if not (victim or patterns["violent"].search(sentence)) or patterns["natural"].search(sentence):
            continue
        if subject is not None:
            _counted(sentence, subject, match, "casualties.killed", "died", add, loose=True)
    for match in patterns["adjectival"].finditer(sentence):
        metric = _verb_of("adjectival")[" ".join(match["verb"].lower().split())]
        target = _object_after(sentence, match.end())
        if target is None:
            continue
        words = list(WORD.finditer(sentence, target[0], target[1]))[:4]
        cut = next((i + 1 for i, w in enumerate(words) if _patterns()["person_noun"].match(w.group().lower())), 0)
        if cut:
            target = (target[0], words[cut - 1].end())
        elif not (words and words[0].group()[:1].isupper()):
            continue
        _counted(sentence, target, match, metric, "adjectival", add, loose=False, lists=False, quote_to_person=True)
    for match in patterns["active"].finditer(sentence):
        if not free(match.start(), match.end()):
            continue
        metric = _verb_of("active")[" ".join(match["verb"].lower().split())]
        target = _object_after(sentence, match.end())
        adjective = ADJECTIVE_BEFORE.search(sentence, 0, match.start()) or (
            not match["verb"].lower().endswith("ing") and PREPOSITION_BEFORE.search(sentence, 0, match.start())
        )
        if target is None or sentence[match.end() : target[0]].strip() or adjective:
            continue  # "an injured person", "for injured captain Ponting": an adjective, not a verb with its object
        _counted(sentence, target, match, metric, "active", add, loose=False, lists=True, quote_to_person=True)
    return sorted(add.counts, key=lambda count: count.start)


class _Found:
    """The counts read so far, each holding its verb and its person: no word is read twice."""

    def __init__(self) -> None:
        self.counts: list[ImplicitCount] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in self.taken)

    def __call__(self, count: ImplicitCount, verb_span: tuple[int, int]) -> None:
        if not self.free(*verb_span) or not self.free(count.person_start, count.person_end):
            return
        self.taken += [verb_span, (count.person_start, count.person_end)]
        self.counts.append(count)


def _reduced(sentence: str, match: regex.Match[str], add: _Found) -> None:
    """A participle right after a person noun, with no auxiliary and no object: "the auxiliary officer killed
    when ...", "A woman hit and killed by a motorist", "Woman struck, killed in Bloomington"."""
    before = sentence[: match.start()]
    glued = NOUN_BEFORE_PARTICIPLE.search(before)
    if glued is None or not _patterns()["person_noun"].match(glued["noun"].lower()):
        return
    after = sentence[match.end() :]
    if OBJECT_NEXT.match(after):
        return  # "a man killed his wife": an active verb with its object
    noun_start = glued.start("noun")
    words = [m for m in WORD.finditer(sentence, max(0, noun_start - 40), noun_start)]
    phrase_start = noun_start
    for word in reversed(words[-4:]):
        if _patterns()["subject_stop"].match(word.group()):
            break
        phrase_start = word.start()
        if word.group().lower() in DETERMINERS:
            break
    first = sentence[phrase_start:noun_start].split()[:1]
    if phrase_start != 0 and not (first and first[0].lower() in DETERMINERS):
        return  # the noun must open a phrase of its own ("A woman ...", "the officer ..."), or the sentence
    metric = _verb_of("passive")[" ".join(match["verb"].lower().split())]
    if metric != "casualties.killed":
        return  # "the worker injured" is as often a verb with an object cut off: only deaths read this way
    add(ImplicitCount(phrase_start, match.end(), sentence[phrase_start : match.end()], Decimal(1), metric,
                      sentence[phrase_start : glued.end("noun")], "reduced", True, phrase_start, glued.end("noun")),
        (match.start(), match.end()))


def _counted(sentence: str, span: tuple[int, int], match: regex.Match[str], metric: str, rule: str, add: _Found, *,
             loose: bool, lists: bool = False, quote_to_person: bool = False) -> None:
    if rule != "zero" and _patterns()["intent"].search(sentence, max(0, match.start() - 60), match.start()):
        return  # "with the purpose of killing him", "tried to kill": no harm done
    start, end = span
    people = _persons(sentence[start:end], start, sentence_start=start == 0, loose=loose, lists=lists)
    tries = 0
    while people is None and rule in ("passive", "died") and tries < 3:
        # "the mother of two died", "A Turkish engineer abducted by a gang in eastern Afghanistan was found dead":
        # the subject is the phrase before the preposition
        preposition = PREPOSITION_END.search(sentence, 0, start)
        if preposition is None:
            break
        tries += 1
        retry = _subject_before(sentence, preposition.start())
        if retry is None:
            break
        start, end = retry
        people = _persons(sentence[start:end], start, sentence_start=start == 0, loose=loose, lists=lists)
    if people is None and rule in ("passive", "died"):
        # "A US State Department official who worked with the ministers of education was murdered": the
        # subject is the phrase before the relative clause.
        relative = None
        for found in RELATIVE.finditer(sentence, max(0, match.start() - 120), match.start()):
            relative = found
        if relative is not None:
            retry = _subject_before(sentence, relative.start())
            if retry is not None:
                start, end = retry
                people = _persons(sentence[start:end], start, sentence_start=start == 0, loose=loose, lists=lists)
    if people is None:
        return
    count, text = people
    head = text.split()[-1].lower().rstrip(".,")
    if head in _lexicon()["person_pronouns"]:
        if rule == "active" and any(count.metric == metric for count in add.counts):
            return  # "was killed when LaSalle struck and killed her": the one already counted
        text = text.split()[-1]
        start = end - len(text) if sentence[start:end].endswith(text) else start
    person_end = start + len(text) if sentence[start:].startswith(text) else end
    implicit = not (count == 1 and ONE_START.match(text))
    # "Business was hurt", "sales were hurt": an injury needs a person noun or a pronoun, not a capitalised word
    full_name = sum(1 for word in text.split()[-3:] if word[:1].isupper()) >= 2
    named_only = not (_patterns()["person_noun"].match(head) or head in _lexicon()["person_pronouns"] or full_name)
    if rule == "passive" and not loose and metric != "casualties.shot" and named_only:
        return
    quote_start, quote_end = (match.start(), person_end) if quote_to_person else (match.start(), match.end())
    if rule in ("passive", "died"):
        quote_start = match.start()
    add(ImplicitCount(quote_start, quote_end, sentence[quote_start:quote_end].strip(), Decimal(count), metric, text,
                      rule, implicit, start, person_end), (match.start("verb"), match.end("verb")))
