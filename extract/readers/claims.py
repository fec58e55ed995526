"""Claims: each quantity in its sentence, with what it measures, where, when, who says so, and polarity.

For every sentence of an article (its headline included) the grammar's quantities are read in context:

- ``entity``: the noun phrase it measures, counted noun, "of" phrase or subject (:mod:`extract.readers.entities`),
  or for an age the person it is of (:mod:`extract.readers.persons`);
- ``metric``: from the taxonomy in ``lexicons/metrics.toml`` (:mod:`extract.readers.metrics`);
- ``places``: the countries and regions named in the sentence (:mod:`extract.readers.places`), a border pair counted
  as its two countries however it is written;
- ``period``: from the sentence's own time expressions, else the article's date (:mod:`extract.readers.periods`);
- ``attributed_to``, ``hedged``, ``negated``: :mod:`extract.readers.attribution`; negation is scoped to the clause,
  and a zero ("no deaths") carries its own negation, so it is not negated again;
- ``change``: the grammar's from/to/by and direction, never averaged.
"""

from __future__ import annotations

import hashlib
import json
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Final

import regex

from extract.grammar.quantities import Quantity, find_quantities
from extract.grammar.units import to_base
from extract.ingest.articles import Article, Span
from extract.ingest.documents import Document
from extract.ingest.sentences import Sentence, split_sentences
from extract.lexicons import alternation, load_toml
from extract.readers.attribution import attribution_of, clause_around, is_hedged, is_negated
from extract.readers.entities import entity_of
from extract.readers.events import MAIN, EventKey, event_of
from extract.readers.implicit import ImplicitCount, implicit_counts
from extract.readers.metrics import classify
from extract.readers.periods import Period, as_reported, parse_reference_date, period_for
from extract.readers.persons import AGE_METRIC, AgeMention, age_holder, names_in, resolve_in_article
from extract.readers.places import (
    PlaceMention,
    border_pair,
    clause_span,
    concessive_spans,
    counts_members,
    find_places,
    is_stance,
    names_group_anaphor,
    place,
)
from extract.readers.scope import read_scope
from extract.table.schema import Fact, fits_table

__all__ = ["Claim", "facts_of_article", "find_claims", "is_claim", "normalise"]

COUNTRY_KINDS: Final = frozenset({"country", "demonym", "capital"})
QUOTE_FOLDING: Final = str.maketrans("’‘“”–—", "''\"\"--")
PERIOD_OF_YEAR: Final = regex.compile(r"\A\s+of\s+(?:the\s+)?(?:(?:fiscal\s+)?year\s+)?(?:1[0-9]|20)\d\d\b")
LIST_BREAK: Final = regex.compile(r"[;:]")
PLACE_WINDOW_WORDS: Final = 30  # countries this close to the quantity are its places, before the rest
GROUP_KINDS: Final = frozenset({"organization", "region"})  # what a count of member countries belongs to
PARAGRAPH_BREAK: Final = regex.compile(r"\n")
MAX_PREVIOUS_GROUPS: Final = 32  # organisations and regions of earlier sentences a later one may refer back to
MAIN_EVENT: Final = EventKey(MAIN, None, None, None)
IMPLICIT_PRECISION: Final = Decimal("0.5")  # a count of persons named one by one is exact, as a numeral's is


def _whole_words(words: Sequence[str]) -> str:
    return rf"(?i:(?<![\w-])(?:{alternation(words)})(?!\w))"


# The rules of ``lexicons/not_claims.toml`` (its header documents each list).
_NOT_CLAIMS: Final = load_toml("not_claims.toml")
MAX_GROUP_WORD: Final = int(_NOT_CLAIMS["max_group_word"])
# An ordinal before punctuation, a number (in digits or words), a verb in -ed or a discourse noun orders the text.
DISCOURSE_AFTER: Final = regex.compile(
    rf"""\A (?: \s* (?: [-–,;:.!?)] | \d | $ )
           | \s+ (?: {_whole_words(_NOT_CLAIMS["discourse_nouns"])} | \p{{L}}+ed\b
                   | (?i: {alternation(load_toml("numbers_words.toml")["cardinals"])} ) \b ) )""",
    regex.VERBOSE,
)
ORDINAL_ANAPHORA_BEFORE: Final = regex.compile(rf"(?:{_whole_words(_NOT_CLAIMS['ordinal_anaphora'])})\s+\Z")
GROUP_AFTER: Final = regex.compile(rf"\A(?:\s+[\p{{L}}-]+){{0,2}}?\s+{_whole_words(_NOT_CLAIMS['group_nouns'])}")
VAGUE: Final = regex.compile(rf"\A(?:{_whole_words(_NOT_CLAIMS['vague_words'])})\Z")
ZERO_EVENTS: Final = regex.compile(_whole_words(_NOT_CLAIMS["zero_event_nouns"]))
PRONOUN_NUMBERS: Final = regex.compile(rf"\A(?:{_whole_words(_NOT_CLAIMS['pronoun_numbers'])})\Z")


def is_claim(sentence: str, found: Quantity) -> bool:
    """Whether a quantity says something checkable, by the rules of ``lexicons/not_claims.toml``."""
    before, after = sentence[: found.start], sentence[found.end :]
    surface = found.surface.strip()
    if found.kind == "ordinal":
        return not (DISCOURSE_AFTER.match(after) or ORDINAL_ANAPHORA_BEFORE.search(before))
    word_number = not any(character.isdigit() for character in surface)
    if found.value == 0 and found.counted_noun and ZERO_EVENTS.fullmatch(found.counted_noun):
        return False
    if found.kind == "duration" and (found.value is None or PERIOD_OF_YEAR.match(after)):
        return False  # "several months"; "the first six months of 2022" is a time scope, not a claim
    if VAGUE.match(surface) and found.kind == "cardinal":
        return found.counted_noun is not None and found.unit == "count"
    if word_number and found.counted_noun is None and PRONOUN_NUMBERS.match(surface):
        return False
    names_a_group = (
        word_number
        and found.kind == "cardinal"
        and found.value is not None
        and found.value <= MAX_GROUP_WORD
        and GROUP_AFTER.match(after) is not None
    )
    return not names_a_group


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantity in its sentence, read as a claim. Offsets of both are into the document text."""

    quantity: Quantity
    sentence: Sentence
    entity: str | None
    metric: str
    places: tuple[str, ...]
    period: Period | None
    attributed_to: str | None
    hedged: bool
    negated: bool
    implicit: bool = False
    event: EventKey = MAIN_EVENT


def find_claims(
    text: str, start: int = 0, end: int | None = None, reference: date | None = None, deadline: float | None = None
) -> list[Claim]:
    """The claims in text[start:end]; `reference` is the article's date, for inherited and yearless dates.

    `deadline` is a `time.thread_time()` past which the reading stops with `OutOfTime` (checked between
    sentences, which are never longer than the sentence splitter's limit).
    """
    claims = []
    previous_places: tuple[str, ...] = ()
    previous_groups: tuple[str, ...] = ()
    previous_sentence = ""
    previous_end = start
    for sentence in split_sentences(text, start, end):
        if deadline is not None and time.thread_time() > deadline:
            raise OutOfTime(sentence.start)
        if PARAGRAPH_BREAK.search(text, previous_end, sentence.start):
            previous_places, previous_groups, previous_sentence = (), (), ""
        found_here = [found for found in find_quantities(sentence.text) if is_claim(sentence.text, found)]
        here = []
        for index, found in enumerate(found_here):
            following = found_here[index + 1].start if index + 1 < len(found_here) else len(sentence.text)
            context = _Context(following, previous_places, previous_sentence, reference, previous_groups)
            here.append(_claim(sentence, found, context))
        context = _Context(len(sentence.text), previous_places, previous_sentence, reference, previous_groups)
        counts = [found for found in found_here if found.unit == "count"]
        for count in implicit_counts(sentence.text):
            # "at least one bomb technician had been injured", "killing one person": the numeral's count
            if not any(
                found.start < end and start < found.end
                for found in counts
                for start, end in ((count.start, count.end), (count.person_start, count.person_end))
            ):
                here.append(_implicit_claim(sentence, count, context))
        claims += sorted(here, key=lambda claim: claim.quantity.start)
        previous_places = _sentence_places(sentence.text) or previous_places
        # Only the latest groups are ever referred back to; a paragraph of thousands of sentences stays linear.
        previous_groups = (previous_groups + _sentence_groups(sentence.text))[-MAX_PREVIOUS_GROUPS:]
        previous_sentence = sentence.text
        previous_end = sentence.end
    return claims


class OutOfTime(Exception):
    """The reading of a text passed its deadline; `position` is the offset it had reached."""

    def __init__(self, position: int) -> None:
        super().__init__(f"out of time at offset {position}")
        self.position = position


@dataclass(frozen=True, slots=True)
class _Context:
    """What a quantity's reading needs from around it."""

    following: int  # where the next quantity of the sentence starts (or the sentence's end)
    previous_places: tuple[str, ...]  # the countries of the paragraph's previous sentences
    previous_sentence: str  # the previous sentence of the paragraph
    reference: date | None  # the article's date
    previous_groups: tuple[str, ...] = ()  # organisations and regions of the paragraph's previous sentences, in order


def _implicit_claim(sentence: Sentence, count: ImplicitCount, context: _Context) -> Claim:
    """A count the sentence implies ("a man was shot dead": 1 killed), read as a claim of its metric."""
    words = sentence.text
    found = Quantity(
        start=count.start, end=count.end, surface=words[count.start : count.end], value=count.value,
        low=count.value, high=count.value, low_open=False, high_open=False, precision=IMPLICIT_PRECISION,
        qualifier=None, unit="count", dimension="[count]", base_value=count.value, base_unit="count",
        kind="cardinal", counted_noun=None, rule=f"implicit_{count.rule}",
    )
    period = period_for(words, found.start, found.end, context.reference)
    attribution = attribution_of(words)
    return Claim(
        quantity=replace(found, start=found.start + sentence.start, end=found.end + sentence.start),
        sentence=sentence,
        entity=count.person,
        metric=count.metric,
        places=_places(words, found, context),
        period=period,
        attributed_to=attribution.source if attribution else None,
        hedged=is_hedged(words),
        negated=False,
        implicit=count.implicit,
        event=event_of(words, found.start, found.end, period, context.reference),
    )


def _claim(sentence: Sentence, found: Quantity, context: _Context) -> Claim:
    words = sentence.text
    zero = found.value == 0 and found.kind == "cardinal"
    negated = not zero and is_negated(words, found.start, found.end)
    entity = entity_of(words, found)
    attribution = attribution_of(words)
    _, clause_end = clause_around(words, found.start, found.end)
    age_of = age_holder(words, found)
    if age_of is not None:
        entity = age_of
    quantity = replace(found, start=found.start + sentence.start, end=found.end + sentence.start)
    if age_of is not None and quantity.unit == "count" and quantity.value is not None:
        # "Kimani Gray, 16," gives an age in years, as "the 16-year-old" does: one unit, so the two compare.
        base = to_base(quantity.value, "year")
        quantity = replace(quantity, unit="year", dimension="[time]", base_value=base, base_unit="second")
    period = period_for(words, found.start, found.end, context.reference)
    return Claim(
        quantity=quantity,
        sentence=sentence,
        entity=entity,
        metric=AGE_METRIC if age_of is not None else classify(
            kind=found.kind,
            unit=found.unit,
            dimension=found.dimension,
            entity=entity,
            sentence=words,
            quantity_at=found.start,
            quantity_end=found.end,
            predicate_end=max(found.end, min(context.following, clause_end)),
            negated=negated,
            context=context.previous_sentence,
        ),
        places=_places(words, found, context),
        period=period,
        attributed_to=attribution.source if attribution else None,
        hedged=is_hedged(words),
        negated=negated,
        event=event_of(words, found.start, found.end, period, context.reference),
    )


def _places(sentence: str, found: Quantity, context: _Context) -> tuple[str, ...]:
    """Countries named in the quantity's clause, else in its list item (";" and ":" split a list), else in its
    sentence, else in the paragraph's previous sentences (the cues are data: ``lexicons/place_cues.toml``).

    The clause is cut at a comma before a contrasting clause ("..., while the Chinese government offers ..."): a
    second subject with its own countries. A country named as a stance ("anti-American statements") or only in a
    concessive adjunct away from the quantity ("despite ... Russia's actions in Ukraine") is not a place of the
    claim. A count of member countries ("out of 18 countries") is about their group: the organisation or region
    nearest it in its clause, else the paragraph's last one when the sentence names no country.

    Regions and organisations count only where no country is named: an anaphor ("this organization") stands for
    the organisation last named in the paragraph; else the nearest one before the quantity (else the first after
    it) is the claim's place.
    """
    asides = [(start, end) for start, end in concessive_spans(sentence) if not start <= found.start < end]
    mentions = _without_stances(
        sentence, [m for m in find_places(sentence) if not any(start <= m.start < end for start, end in asides)]
    )
    item_start = max((m.end() for m in LIST_BREAK.finditer(sentence, 0, found.start)), default=0)
    next_break = LIST_BREAK.search(sentence, found.end)
    item_end = next_break.start() if next_break else len(sentence)
    clause_start, clause_end = clause_span(sentence, found.start, found.end)
    if counts_members(found.counted_noun):
        groups = [m for m in mentions if m.kind in GROUP_KINDS and clause_start <= m.start < clause_end]
        if groups:  # the group nearest the count: "the expanded SCO out of 18 countries"
            return (min(groups, key=lambda m: max(m.start - found.end, found.start - m.end)).code,)
        if context.previous_groups and not any(m.kind in COUNTRY_KINDS for m in mentions):
            return (context.previous_groups[-1],)
    in_item = [m for m in mentions if item_start <= m.start < item_end]
    in_clause = [m for m in in_item if clause_start <= m.start < clause_end]
    near = [
        m for m in in_item
        if len(sentence[min(m.start, found.start) : max(m.end, found.end)].split()) <= PLACE_WINDOW_WORDS
    ]
    scopes = (
        ([m for m in near if m in in_clause], clause_start, clause_end),
        (in_clause, clause_start, clause_end),
        (near, item_start, item_end),
        (in_item, item_start, item_end),
        (mentions, 0, len(sentence)),
    )
    for scope, start, end in scopes:
        countries = {m.code for m in scope if m.kind in COUNTRY_KINDS}
        pair = border_pair(sentence[start:end])
        if pair:
            countries.update(pair)
        if countries:
            return tuple(sorted(countries))
    organizations = [code for code in context.previous_groups if place(code).kind == "organization"]
    if organizations and names_group_anaphor(sentence[clause_start:clause_end]):
        return (organizations[-1],)
    if not mentions:
        return context.previous_places
    before = [m for m in mentions if m.end <= found.start]
    return (before[-1].code,) if before else (mentions[0].code,)


def _without_stances(sentence: str, mentions: Sequence[PlaceMention]) -> Sequence[PlaceMention]:
    """The mentions but those named as a stance ("anti-American statements"), unless no other country is named:
    a "pro-Iranian network" with no other country is still Iran's."""
    plain = [m for m in mentions if not is_stance(sentence, m)]
    return plain if any(m.kind in COUNTRY_KINDS for m in plain) else mentions


def _sentence_places(sentence: str) -> tuple[str, ...]:
    """The countries of a whole sentence, carried to the next sentence of the paragraph when it names none."""
    return tuple(sorted({m.code for m in _without_stances(sentence, find_places(sentence)) if m.kind in COUNTRY_KINDS}))


def _sentence_groups(sentence: str) -> tuple[str, ...]:
    """The organisations and regions of a sentence, in order: what "this organization" or a count of countries
    in a later sentence of the paragraph refers to."""
    return tuple(m.code for m in find_places(sentence) if m.kind in GROUP_KINDS and not is_stance(sentence, m))


def normalise(text: str) -> str:
    """Text compared for identity: NFKC, casefolded, whitespace collapsed, typographic quotes made plain."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.translate(QUOTE_FOLDING)
    return " ".join(folded.split())


def facts_of_article(document: Document, article: Article, deadline: float | None = None) -> list[Fact]:
    """The fact-table rows of one article: its headline's claims, then its body's, in text order (`deadline`: as
    in `find_claims`)."""
    reference = parse_reference_date(article.date or document.date)
    spans: list[Span] = [span for span in (article.title_span, article.body) if span is not None]
    claims = [
        claim for span in spans for claim in find_claims(document.text, span.start, span.end, reference, deadline)
    ]
    return _facts(document, article, _resolve_ages(claims, document.text, spans))


def _resolve_ages(claims: list[Claim], text: str, spans: Sequence[Span]) -> list[Claim]:
    """Ages of unnamed persons given to the person the article names (:mod:`extract.readers.persons`)."""
    ages = [index for index, claim in enumerate(claims) if claim.metric == AGE_METRIC]
    if not ages:
        return claims
    mentions = [
        AgeMention(
            claims[index].entity or "",
            claims[index].sentence.text,
            claims[index].quantity.start - claims[index].sentence.start,
            claims[index].quantity.end - claims[index].sentence.start,
        )
        for index in ages
    ]
    sentences: list[str] = []
    if any(mention.holder[:1].islower() or not mention.holder for mention in mentions):
        # Some age is of an unnamed person: read every person the article names (only then: it costs a pass).
        sentences = [sentence.text for span in spans for sentence in split_sentences(text, span.start, span.end)]
    holders = resolve_in_article(mentions, names_in(sentences), sentences)
    resolved = list(claims)
    for index, holder in zip(ages, holders, strict=True):
        if holder != (claims[index].entity or ""):
            resolved[index] = replace(claims[index], entity=holder)
    return resolved


def _facts(document: Document, article: Article, claims: Sequence[Claim]) -> list[Fact]:
    occurrences: Counter[tuple[str, str]] = Counter()
    reference = parse_reference_date(article.date or document.date)
    facts = []
    for claim in claims:
        q = claim.quantity
        precision = q.precision if q.precision is not None and q.precision >= 1 else None  # only its size is bounded
        if not fits_table(q.value, q.low, q.high, q.base_value, precision):
            continue  # "2×10^30 kg": read by the grammar, but past what the table's exact columns hold (README)
        key = (normalise(q.surface), normalise(claim.sentence.text))
        occurrences[key] += 1
        line, column = document.position(q.start)
        at = q.start - claim.sentence.start
        scope = read_scope(claim.sentence.text, at, at + len(q.surface), claim.metric, claim.entity)
        period = as_reported(claim.period, reference, scope.projected)
        facts.append(
            Fact(
                fact_id=_fact_id(document.source, *key, occurrences[key]),
                source=document.source,
                article=article.index,
                article_title=article.title,
                article_date=article.date or document.date,
                url=article.url or document.url,
                start=q.start,
                end=q.end,
                line=line,
                column=column,
                quote=q.surface,
                sentence=claim.sentence.text,
                sentence_start=claim.sentence.start,
                value=q.value,
                low=q.low,
                high=q.high,
                low_open=q.low_open,
                high_open=q.high_open,
                precision=q.precision,
                qualifier=q.qualifier,
                unit=q.unit,
                dimension=q.dimension,
                base_value=q.base_value,
                base_unit=q.base_unit,
                kind=q.kind,
                entity=claim.entity,
                metric=claim.metric,
                places=frozenset(claim.places),
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                period_inherited=bool(period and period.inherited),
                attributed_to=claim.attributed_to,
                hedged=claim.hedged,
                negated=claim.negated,
                change=_change_json(q),
                rule=q.rule,
                projected=scope.projected,
                increment=scope.increment,
                local_scope=scope.local_scope,
                cue_beside=scope.cue_beside,
                undated_time=scope.undated_time,
                several_events=scope.several_events,
                states_total=scope.states_total,
                entity_places=scope.entity_places,
                holder=scope.holder,
                age_then=scope.age_then,
                implicit=claim.implicit,
                perpetrator=claim.event.perpetrator,
                event=claim.event.event,
                event_cue=claim.event.cue,
                event_date=claim.event.date,
                event_places=frozenset(claim.places) if claim.event.event != MAIN else frozenset(),
            )
        )
    return facts


def _fact_id(source: str, quote: str, sentence: str, occurrence: int) -> str:
    digest = hashlib.sha256("\x1f".join([source, quote, sentence, str(occurrence)]).encode()).hexdigest()
    return digest[:16]


def _change_json(quantity: Quantity) -> str | None:
    change = quantity.change
    if change is None:
        return None

    def number(value: object) -> str | None:
        return None if value is None else str(value)

    return json.dumps(
        {
            "from": number(change.from_value),
            "to": number(change.to_value),
            "by": number(change.by),
            "direction": change.direction,
        },
        sort_keys=True,
    )
