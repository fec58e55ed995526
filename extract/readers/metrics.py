"""The metric taxonomy: which metric a quantity in its clause measures, from ``lexicons/metrics.toml``.

Each metric lists the quantity kinds and units it applies to, the entity nouns and clause cues that point to
it, cues it requires and cues that rule it out. A quantity is scored against every applicable metric; the
best score at or above the metric's threshold wins (ties go to the metric listed first), else ``other``.
When the claim is negated a metric may flip to its ``negated_id`` ("520 km of it has not yet passed the
demarcation procedures" is an unsettled, not a settled, stretch of border).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Final

import regex

from extract.readers.attribution import clause_around

__all__ = ["OTHER", "Metric", "classify", "grows_over_time", "metrics", "place_keyed", "subject_keyed"]

OTHER: Final = "other"
NEAR_WORDS: Final = 8
TOUCHING_WORDS: Final = 0
PREDICATE_STOP: Final = regex.compile(r"[,;]")
# Another conjunct: after the figure any "and" ("30 dead and 55 wounded"); before it, a strong break or an "and"
# that opens the figure's own conjunct ("a receptionist died and two men were hurt"), not the "and" of
# "trade between Kazakhstan and Germany reached $2.35 billion".
CONJUNCT_BREAK: Final = regex.compile(r";|\band\b|\bbut\b|\bwhile\b|\bwhereas\b")
STRONG_BREAK: Final = regex.compile(r";|,\s*(?:and|but)\b|\bbut\b|\bwhile\b|\bwhereas\b")
AND_BEFORE: Final = regex.compile(r"\band\s+(?:(?:the|a|an|some|about|around|at\s+least|more\s+than|over)\s+)?\Z")
PREDICATE_WORDS: Final = 6
NOT_WHOLE: Final = regex.compile(r"\d[.,]\d{1,2}(?!\d)|-\s*\d|−")  # "15.9", "-2": no count of whole things
CURRENCY_PREFIX: Final = "[currency"
# pint writes derived dimensions as products; the taxonomy names them.
DIMENSION_NAMES: Final = {"[length] ** 2": "[area]", "[length] ** 3": "[volume]"}


@dataclass(frozen=True, slots=True)
class Metric:
    id: str
    kinds: frozenset[str]
    units: frozenset[str]
    nouns: regex.Pattern[str] | None
    cues: tuple[tuple[regex.Pattern[str], bool], ...]  # (cue, whether it is a topic word from `requires`)
    requires: regex.Pattern[str] | None
    excludes: regex.Pattern[str] | None
    negated_id: str | None
    weight: int
    min_score: int
    noun_required: bool
    excludes_anywhere: bool
    cue_scope: str  # "sentence", "clause" or "local"
    not_before: regex.Pattern[str] | None
    right_after: regex.Pattern[str] | None  # "6.4-magnitude", "6.4 on the Richter scale"
    right_before: regex.Pattern[str] | None  # "magnitude 6.4", "a quake measuring 6.4"
    line_label: regex.Pattern[str] | None  # "Revs 3.92 billion vs 3.53 billion": a results table's row label
    ruled_out_before: regex.Pattern[str] | None  # "died Thursday at 91": an age, not a toll
    ruled_out_after: regex.Pattern[str] | None  # "a two-story building", "six miners escaped unharmed"
    not_nouns: regex.Pattern[str] | None  # a toll counts people, not "residential units"
    whole_numbers: bool

    def applies_to(self, kind: str, unit: str, dimension: str) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if not self.units:
            return True
        return (
            unit in self.units
            or dimension in self.units
            or DIMENSION_NAMES.get(dimension, "") in self.units
            or ("[currency]" in self.units and dimension.startswith(CURRENCY_PREFIX))
        )


def _phrase_pattern(phrases: Sequence[str]) -> regex.Pattern[str] | None:
    """One case-insensitive whole-word alternation; a trailing * matches any word ending."""
    if not phrases:
        return None
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        stem = phrase[:-1] if phrase.endswith("*") else phrase
        body = r"\s+".join(regex.escape(word) for word in stem.split())
        parts.append(body + (r"[\w-]*" if phrase.endswith("*") else ""))
    # All-caps acronyms (GDP, WHO, FDI) match case-sensitively so that "who" is not the WHO.
    sensitive = [p for p, source in zip(parts, sorted(phrases, key=len, reverse=True), strict=True)
                 if source.isupper() and len(source) > 1]
    insensitive = [p for p in parts if p not in sensitive]
    alternatives = [f"(?i:{'|'.join(insensitive)})"] if insensitive else []
    if sensitive:
        alternatives.append("|".join(sensitive))
    return regex.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")


@cache
def _taxonomy() -> dict[str, Any]:
    return tomllib.loads(files("extract").joinpath("lexicons/metrics.toml").read_text(encoding="utf-8"))


@cache
def _subject_keyed() -> frozenset[str]:
    return frozenset(entry["id"] for entry in _taxonomy()["metric"] if entry.get("identity") == "subject")


@cache
def _place_keyed() -> frozenset[str]:
    return frozenset(entry["id"] for entry in _taxonomy()["metric"] if entry.get("identity") == "places")


def place_keyed(metric: str) -> bool:
    """Whether the metric's figures belong to a stable subject named by its places (a border's length): compared
    across stories when the places are known.

    >>> place_keyed("border.length"), place_keyed("casualties.killed")
    (True, False)
    """
    return metric in _place_keyed()


@cache
def _growing() -> frozenset[str]:
    return frozenset(entry["id"] for entry in _taxonomy()["metric"] if entry.get("grows"))


def grows_over_time(metric: str) -> bool:
    """Whether the metric is a running count news updates upward (a toll): a later, higher figure is an update.

    >>> grows_over_time("casualties.killed"), grows_over_time("border.length")
    (True, False)
    """
    return metric in _growing()


def subject_keyed(metric: str) -> bool:
    """Whether the metric's figures belong to a subject (a company's profit): comparable only for one subject.

    >>> subject_keyed("finance.profit"), subject_keyed("casualties.killed")
    (True, False)
    """
    return metric in _subject_keyed()


@cache
def metrics() -> tuple[Metric, ...]:
    """The taxonomy, in the order its file lists it."""
    raw = _taxonomy()
    found = []
    for entry in raw["metric"]:
        topics = set(entry.get("requires", []))
        cues = tuple(
            (pattern, cue in topics)
            for cue in entry.get("cues", [])
            if (pattern := _phrase_pattern([cue])) is not None
        )
        found.append(
            Metric(
                id=entry["id"],
                kinds=frozenset(entry.get("kinds", [])),
                units=frozenset(entry.get("units", [])),
                nouns=_phrase_pattern(entry.get("nouns", [])),
                cues=cues,
                requires=_phrase_pattern(entry.get("requires", [])),
                excludes=_phrase_pattern(entry.get("excludes", [])),
                negated_id=entry.get("negated_id"),
                weight=int(entry.get("weight", 1)),
                noun_required=bool(entry.get("noun_required", False)),
                excludes_anywhere=entry.get("excludes_scope", "sentence") == "sentence",
                cue_scope=entry.get("cue_scope", "sentence"),
                not_before=_phrase_pattern(entry.get("not_before", [])),
                min_score=int(entry.get("min_score", 2)),
                right_after=_adjacent(entry.get("right_after", []), after=True),
                right_before=_adjacent(entry.get("right_before", []), after=False),
                line_label=_line_label(entry.get("line_labels", [])),
                not_nouns=_phrase_pattern(entry.get("not_nouns", [])),
                ruled_out_after=(
                    regex.compile("(?i)(?:" + "|".join(entry["ruled_out_after"]) + ")", regex.VERBOSE)
                    if entry.get("ruled_out_after") else None
                ),
                whole_numbers=bool(entry.get("whole_numbers", False)),
                ruled_out_before=(
                    regex.compile("(?i)(?:" + "|".join(entry["ruled_out_before"]) + ")", regex.VERBOSE)
                    if entry.get("ruled_out_before") else None
                ),
            )
        )
    return tuple(found)


# A win-loss record after a name: "the Colts (10-5)", "Riddick Bowe (43-1)", "Gene Pukall (14-13-2)".
RECORD = regex.compile(r"(?<=\p{Lu}[\p{L}.]*\s)\(\d{1,3}(?:-\d{1,3}){1,2}\)")


def _in_record(sentence: str, start: int, end: int) -> bool:
    return any(found.start() < start and end < found.end() for found in RECORD.finditer(sentence))


@cache
def _counted_nouns(key: str) -> regex.Pattern[str]:
    """A count of one of the taxonomy's `key` nouns right after the figure: "missed 10 games", "2,290 points",
    "10 of the Saints' 16 games"."""
    nouns = _taxonomy()[key]
    words = "|".join(regex.escape(word) for word in sorted(nouns, key=len, reverse=True))
    return regex.compile(
        rf"(?i)[\s-]+(?:of\s+(?:the\s+)?(?:[\p{{L}}'’.]+\s+){{0,2}}[\d,]+\s+)?(?:{words})(?![\w])"
    )


def _line_label(phrases: Sequence[str]) -> regex.Pattern[str] | None:
    """Labels that open a row of a results table ("Shr 10 cts vs 12 cts", "Oper net 162,300 vs 773,400")."""
    if not phrases:
        return None
    words = "|".join(
        r"\s+".join(regex.escape(word) for word in phrase.split()) for phrase in sorted(phrases, key=len, reverse=True)
    )
    return regex.compile(rf"(?i)\A\s*(?:{words})(?![\w])")


@cache
def _table_words() -> regex.Pattern[str]:
    """The words a results table's row holds besides its label and figures ("vs", "cts", "mln", "dlrs")."""
    words = "|".join(regex.escape(word) for word in sorted(_taxonomy()["table_row_words"], key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\w])(?:{words})(?![\w])")


def _table_row(sentence: str, label_end: int) -> bool:
    """The rest of the line is figures and table words only: no prose after the label."""
    rest = _table_words().sub(" ", sentence[label_end:])
    return not regex.search(r"\p{L}{2,}", rest)


def _adjacent(phrases: Sequence[str], *, after: bool) -> regex.Pattern[str] | None:
    """Phrases written right next to a quantity, joined by spaces or a hyphen."""
    if not phrases:
        return None
    words = "|".join(
        r"\s+".join(regex.escape(word) for word in phrase.split()) for phrase in sorted(phrases, key=len, reverse=True)
    )
    if after:
        noun_first = [phrase.removeprefix("* ") for phrase in phrases if phrase.startswith("* ")]
        if noun_first:
            words = "|".join(
                r"\s+".join(regex.escape(word) for word in phrase.split())
                for phrase in sorted((p for p in phrases if not p.startswith("* ")), key=len, reverse=True)
            )
            later = "|".join(r"\s+".join(regex.escape(word) for word in phrase.split()) for phrase in noun_first)
            return regex.compile(rf"(?i)\A(?:[\s-]*(?:{words})|(?:\s+[\p{{L}}-]+){{1,2}}?\s+(?:{later}))(?![\w])")
        return regex.compile(rf"(?i)\A[\s-]*(?:{words})(?![\w])")
    return regex.compile(rf"(?i)(?<![\w-])(?:{words})[\s-]*\Z")


def classify(
    *,
    kind: str,
    unit: str,
    dimension: str,
    entity: str | None,
    sentence: str,
    quantity_at: int,
    quantity_end: int,
    predicate_end: int,
    negated: bool,
    context: str = "",
) -> str:
    """The id of the best-fitting metric for a quantity at `quantity_at` in `sentence`, or ``other``.

    Required cues are looked for in the whole sentence and its `context` (the sentence before it in the
    paragraph: "Turkmenistan reported no deaths." follows a sentence about COVID-19), excluding cues there
    too or, for a metric whose ``excludes_scope`` is ``near``, within a few words of the quantity.
    Each cue found scores by its distance: 3 when it touches the figure, 2 when near, 1 when far or in another
    conjunct ("a receptionist died and two men were hurt"), and 2 more when it stands in the quantity's
    predicate (the words after it up to `predicate_end`, at most a few: "140 were injured"), unless it is a
    topic word of the metric's ``requires`` list.
    A cue right before a word of the metric's ``not_before`` list is an adjective of that noun ("a disputed
    border that stretched 4,380 km") and does not count. A metric whose ``right_after`` or ``right_before``
    phrase is written right next to the quantity ("a 6.4-magnitude quake") is chosen outright.
    """
    if kind in ("cardinal", "range"):
        if _counted_nouns("sports_counts").match(sentence, quantity_end) or _in_record(
            sentence, quantity_at, quantity_end
        ):
            return str(_taxonomy()["sports_metric"])
        if _counted_nouns("counted_elsewhere").match(sentence, quantity_end):
            return OTHER
    for metric in metrics():
        label = metric.line_label.match(sentence) if metric.line_label else None
        if label and label.end() <= quantity_at and _table_row(sentence, label.end()):
            return metric.id
    for metric in metrics():
        if not metric.applies_to(kind, unit, dimension):
            continue
        if (metric.right_after and metric.right_after.match(sentence[quantity_end:])) or (
            metric.right_before and metric.right_before.search(sentence[max(0, quantity_at - 40) : quantity_at])
        ):
            return metric.id
    best_id, best_score = OTHER, -1
    figure = sentence[quantity_at:quantity_end]
    whole = not NOT_WHOLE.search(figure) or kind == "range"
    predicate = _predicate_span(sentence, quantity_end, predicate_end)
    clause = clause_around(sentence, quantity_at, quantity_end)
    local: tuple[int, int] | None = None
    for metric in metrics():
        if not metric.applies_to(kind, unit, dimension):
            continue
        if metric.requires and not (metric.requires.search(sentence) or metric.requires.search(context)):
            continue
        if metric.not_nouns and entity and metric.not_nouns.search(entity):
            continue
        if metric.whole_numbers and not whole:
            continue
        if metric.ruled_out_after and metric.ruled_out_after.match(sentence[quantity_end:]):
            continue
        if metric.ruled_out_before and metric.ruled_out_before.search(sentence, max(0, quantity_at - 60), quantity_at):
            continue
        if metric.excludes and (
            any(
                metric.excludes_anywhere or _words_between(sentence, match.start(), quantity_at) <= NEAR_WORDS
                for match in metric.excludes.finditer(sentence)
            )
            or (metric.excludes_anywhere and metric.excludes.search(context))
        ):
            continue
        noun_hit = bool(entity and metric.nouns and metric.nouns.search(entity))
        if metric.noun_required and not noun_hit:
            continue
        score = 3 if noun_hit else 0
        for cue, is_topic in metric.cues:
            best_cue = 0
            for match in cue.finditer(sentence):
                if metric.cue_scope == "clause" and not clause[0] <= match.start() < clause[1]:
                    continue
                if metric.cue_scope == "local":
                    local = local or _local_clause(sentence, quantity_at, quantity_end, clause)
                    if not local[0] <= match.start() < local[1]:
                        continue
                if metric.not_before and metric.not_before.match(sentence, _skip_space(sentence, match.end())):
                    continue
                before = match.end() <= quantity_at
                between = (
                    _words_between(sentence, match.end(), quantity_at)
                    if before
                    else _words_between(sentence, quantity_end, match.start())
                )
                # A cue touching the figure ("kills 1, injures 2", "1 dead, 2 hurt") outweighs one a few words off;
                # one before it in another conjunct ("a receptionist died and two men were hurt") is far.
                closeness = 3 if between <= TOUCHING_WORDS else 2 if between <= NEAR_WORDS else 1
                separated = (
                    STRONG_BREAK.search(sentence, match.end(), quantity_at)
                    or AND_BEFORE.search(sentence, match.end(), quantity_at)
                    if before
                    else CONJUNCT_BREAK.search(sentence, quantity_end, match.start())
                )
                if separated:
                    closeness = 1
                in_predicate = not is_topic and not separated and predicate[0] <= match.start() < predicate[1]
                best_cue = max(best_cue, closeness + (2 if in_predicate else 0))
            score += best_cue * metric.weight
        if score >= metric.min_score and score > best_score:
            best_id, best_score = metric.id, score
            if negated and metric.negated_id:
                best_id = metric.negated_id
    return best_id


@cache
def _local_breaks() -> regex.Pattern[str]:
    words = []
    for phrase in _taxonomy()["local_clause_breaks"]:
        if phrase in ("<after>", "<before>"):
            words.append(rf"(?<=\s)(?={phrase[1:-1]}\b(?!\s+(?:being|having)\b))")
        elif phrase == "<as>":
            words.append(r"(?<=\s)(?<!\bas\s+\w+\s+)(?<!\bsuch\s+)(?=as\s+(?!many|much|few|well|long|far|high|low|soon|of|part\b)\p{L})")
        elif phrase == ", <participle>":
            words.append(r",\s*(?=\p{Ll}+ing\b)")
        elif phrase.startswith(","):
            words.append(r",\s*(?=" + regex.escape(phrase[1:].strip()) + r"\b)")
        elif phrase == "--":
            words.append(r"\s--\s|--")
        else:
            words.append(r"(?<=\s)(?=" + regex.escape(phrase) + r"\b)")
    return regex.compile("|".join(words), regex.IGNORECASE)


def _local_clause(sentence: str, start: int, end: int, clause: tuple[int, int]) -> tuple[int, int]:
    """The quantity's clause cut at the finer breaks of ``local_clause_breaks``.

    >>> text = "Rioters gathered after a vigil for Gray, who was shot dead by two plainclothes officers."
    >>> at = text.index("two")
    >>> text[slice(*_local_clause(text, at, at + 3, (0, len(text))))]
    'who was shot dead by two plainclothes officers.'
    >>> text = "A man was killed when about 100 people were in the building."
    >>> at = text.index("100")
    >>> text[slice(*_local_clause(text, at, at + 3, (0, len(text))))]
    'when about 100 people were in the building.'
    """
    local_start, local_end = clause
    for match in _local_breaks().finditer(sentence, clause[0], clause[1]):
        if match.end() <= start:
            local_start = match.end()
        elif match.start() >= end:
            local_end = match.start()
            break
    return local_start, local_end


def _words_between(sentence: str, first: int, second: int) -> int:
    return len(sentence[min(first, second) : max(first, second)].split())


def _skip_space(sentence: str, at: int) -> int:
    while at < len(sentence) and sentence[at].isspace():
        at += 1
    return at


def _predicate_span(sentence: str, quantity_at: int, predicate_end: int) -> tuple[int, int]:
    """From the quantity to `predicate_end`, cut to the first few words and at a comma or semicolon ("kills 1,
    wounds 2": "wounds" is not the predicate of 1)."""
    stop = PREDICATE_STOP.search(sentence, quantity_at, predicate_end)
    if stop:
        predicate_end = stop.start()
    words = list(regex.finditer(r"\S+", sentence[quantity_at:predicate_end]))
    if len(words) > PREDICATE_WORDS:
        return quantity_at, quantity_at + words[PREDICATE_WORDS - 1].end()
    return quantity_at, predicate_end
