"""What a figure measures (the fact table's `entity`): a noun phrase of its sentence.

In order: the counted noun phrase with its modifiers ("Tajikistani citizens", "citizens of Kyrgyzstan", "Kazakhs
studying in China"); the "of" phrase of a share or measure ("21.3% of Tajikistan's overall trade turnover"); else
the subject before the figure ("The Kyrgyz-Tajik border"). An amount whose words before it name nothing takes the
noun after it ("110 billion euros in loans"), and so does a measure written as an adjective ("the 9-acre Mat Maid
complex"). The words that bound a phrase are data: ``lexicons/noun_phrases.toml``.
"""

from __future__ import annotations

from typing import Final

import regex

from extract.grammar.quantities import Quantity
from extract.grammar.timeexpr import MONTH_NUMBERS
from extract.lexicons import alternation, load_toml
from extract.readers.attribution import clause_around

__all__ = ["entity_of"]

_WORDS: Final = load_toml("noun_phrases.toml")

MAX_ENTITY_WORDS: Final = 8
SUBJECT_REACH: Final = 400  # characters before a figure searched for its subject: far more than 8 words
MIN_ENTITY_CHARACTERS: Final = 3
# Most words before a counted noun that may still be its modifiers: "59 Tajikistani labour migrants".
MAX_MODIFIER_WORDS: Final = 4
NOUN_PHRASE_STOP: Final = regex.compile(
    rf"""[,;:.()“”"!?] | \b (?: {alternation(_WORDS["phrase_ends"])} ) \b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# "and" and "or" join the words of a subject ("Russia and Tajikistan") rather than end it.
JOINING_WORDS: Final = frozenset({"and", "or"})
RELATIVE_PRONOUNS: Final = frozenset(_WORDS["relative_pronouns"])
POST_MODIFIER: Final = regex.compile(
    r"""\A (?: \s+ (?: of | from | in ) \s+ [\p{L}’'-]+ (?: \s+ (?: and \s+ )? \p{Lu}[\p{L}’'-]+ ){0,3}
             | \s+ \p{L}+ing \s+ (?: in | at | for | from | to | abroad | on ) (?: \s+ \p{Lu}[\p{L}’'-]+ ){1,3} )""",
    regex.VERBOSE,
)
SUBJECT_TAIL: Final = regex.compile(
    rf"""(?: \s+ (?: {alternation(_WORDS["subject_links"])} ) )+ \s* \Z""",
    regex.VERBOSE | regex.IGNORECASE,
)
DETERMINER: Final = regex.compile(rf"^(?i:{alternation(_WORDS['determiners'])})\s+")
ENDS_WITH_DETERMINER: Final = regex.compile(
    rf"(?i)\b(?:{alternation([*_WORDS['determiners'], *_WORDS['personal_possessives']])})\Z"
)
OF_PHRASE: Final = regex.compile(r"\s+of\s+(?P<np>[^,;:.()“”\"]+)")
# What an amount pays for, after it: "110 billion euros in loans", "a 110 billion euro (93.6 billion pound) aid
# package". Read only when the words before the amount name nothing ("in return for 110 billion euros").
MONEY_NOUN_AFTER: Final = regex.compile(
    rf"""\A (?P<aside> \s* \( [^()]{{0,60}} \) )? \s+ (?: in \s+ )?
    (?P<np> \p{{Ll}}[\p{{Ll}}-]+
      (?: \s+ (?! (?: {alternation(_WORDS["prepositions"])} ) \b ) \p{{Ll}}[\p{{Ll}}-]+ )? )""",
    regex.VERBOSE,
)
# The noun phrase after a figure, by quantity kind, read when the words before it name nothing.
NOUN_AFTER: Final = {
    "money": MONEY_NOUN_AFTER,
    "measure": regex.compile(r"\A\s+(?P<np>[\p{L}-]+(?:\s+[\p{L}-]+){0,2})"),
}


NOT_NOUNS: Final = frozenset(_WORDS["not_nouns"])
SUBJECT_PRONOUNS: Final = frozenset(_WORDS["subject_pronouns"])
CLAUSE_JOINTS: Final = frozenset(_WORDS["clause_joints"])
DETERMINERS: Final = frozenset(_WORDS["determiners"]) - {"that"}  # "that" also opens a clause
# Of the lone verbs, the past tenses: no noun phrase ends in one ("the portal fell"), while "a price increase" does.
PAST_VERBS: Final = frozenset(
    word for word in _WORDS["lone_verbs"] if word.endswith("ed") or word in _WORDS["irregular_pasts"]
)
LONE_VERBS: Final = frozenset(_WORDS["lone_verbs"]) | frozenset(_WORDS["lone_time_and_number_words"])
LONE_NOT_NOUN: Final = regex.compile(
    rf"(?i)\A(?:[\d.,/%-]+|{alternation(MONTH_NUMBERS)}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\Z"
)


def entity_of(sentence: str, found: Quantity) -> str | None:
    """The measured thing, as a noun phrase of the sentence (see the module docstring), without the function words
    the reader ran into at its end; None when it is no noun phrase: it ends in a conjunction or a verb, or it is a
    lone verb, number or date."""
    entity = _entity_read(sentence, found)
    if entity is None:
        return None
    words = entity.split()
    if words and words[-1].lower().strip(".,;:'’\"") in CLAUSE_JOINTS:
        return None  # "shot dead and": the reader ran past a clause, not along a noun phrase
    if len(words) > 1 and words[-1].lower() in DETERMINERS and words[-2].islower() and words[-2] not in NOT_NOUNS:
        return None  # "Samarkand marks the", "it bought a": a verb and its object's determiner
    while words and words[-1].lower().strip(".,;:'’\"") in NOT_NOUNS | SUBJECT_PRONOUNS:
        words.pop()  # "seats in the", "people from both", "deficiency payments they": back to the noun
    if not words or (len(words) == 1 and (words[0].lower() in LONE_VERBS or LONE_NOT_NOUN.match(words[0]))):
        return None
    last = words[-1]
    if last.lower() in PAST_VERBS or (last.islower() and last.endswith("ed") and len(last) > 4):
        return None  # "the portal fell", "2022 marked": a clause, not a noun phrase
    return " ".join(words)


def _entity_read(sentence: str, found: Quantity) -> str | None:
    entity = _entity_before(sentence, found)
    pattern = NOUN_AFTER.get(found.kind)
    if found.kind == "money":
        wanted = entity is None or len(_tidy(entity + " ")) < MIN_ENTITY_CHARACTERS
    else:
        # "drove around the 9-acre Mat Maid complex": a measure written as an adjective qualifies the noun after it.
        wanted = entity is None or ENDS_WITH_DETERMINER.search(entity) is not None
    if pattern is not None and wanted:
        after = pattern.match(sentence[found.end :])
        if after:
            return _tidy(_cut_noun_phrase(after["np"])) or entity
    return entity


def _entity_before(sentence: str, found: Quantity) -> str | None:
    after = sentence[found.end :]
    if found.counted_noun:
        at = regex.search(rf"\b{regex.escape(found.counted_noun)}\b", after, regex.IGNORECASE)
        between = after[: at.start()] if at else ""
        if at and len(between.split()) <= MAX_MODIFIER_WORDS and not NOUN_PHRASE_STOP.search(between):
            phrase_end = at.end()
            modifier = POST_MODIFIER.match(after[phrase_end:])
            if modifier:
                phrase_end += modifier.end()
            return _tidy(after[:phrase_end])
        return found.counted_noun
    of_phrase = OF_PHRASE.match(after)
    if of_phrase and found.kind in ("percent", "measure", "money"):
        return _tidy(_cut_noun_phrase(of_phrase["np"]))
    return _subject_before(sentence, found)


def _subject_before(sentence: str, found: Quantity) -> str | None:
    """The subject of the figure's clause: the words before it, back to the last word that ends a noun phrase."""
    clause_start, _ = clause_around(sentence, found.start, found.end)
    # Only the last few hundred characters can hold the subject's words: a long clause costs no more.
    before = SUBJECT_TAIL.sub("", sentence[max(clause_start, found.start - SUBJECT_REACH) : found.start])
    words = before.split()[-MAX_ENTITY_WORDS:]
    if not words:
        return None
    phrase = " ".join(words)
    stops = [stop for stop in NOUN_PHRASE_STOP.finditer(phrase) if stop.group().lower() not in JOINING_WORDS]
    if stops:
        last = stops[-1]
        rest = phrase[last.end() :]
        if len(rest.split()) <= 1 and last.group().lower() in RELATIVE_PRONOUNS:
            # "a disputed border that pushed 4,380 kilometers": the subject is what "that" refers to
            earlier = [stop.end() for stop in stops[:-1]]
            rest = phrase[earlier[-1] if earlier else 0 : last.start()]
        phrase = rest
    return _tidy(phrase) or None


def _cut_noun_phrase(text: str) -> str:
    stop = NOUN_PHRASE_STOP.search(text)
    phrase = text[: stop.start()] if stop else text
    return " ".join(phrase.split()[:MAX_ENTITY_WORDS])


def _tidy(text: str) -> str:
    return DETERMINER.sub("", " ".join(text.split())).strip(" ,;:-–—")
