"""Rule-based sentence splitter for news text.

``split_sentences(text)`` returns :class:`Sentence` spans whose offsets point into ``text``. It never raises on a
``str`` and takes linear time: every regular expression starts only at the beginning of a run (a lookbehind) and
uses possessive quantifiers; in Python, every look-back is bounded and every run of whitespace is read once.

The text is cut into paragraph blocks, the blocks into *units* (a line, or a run of hard-wrapped lines), and each
unit at the sentence ends it contains. The rules:

1. **Sentence end.** A sentence ends after ``.``, ``!``, ``?`` or an ellipsis (``...``, ``…``, runs such as
   ``?!``) followed by whitespace and then an uppercase or caseless letter, a digit, an opening quote or bracket,
   or the end of the unit; never before a lowercase word. Closing quotes and brackets right after the mark belong
   to the sentence (``He said “no.” Then`` ends after ``”``), and so do glued reference marks (``2010.[3] The``).
2. **Abbreviations.** No split after a word of ``lexicons/abbreviations.txt`` (titles, months, ``vs.``, ``etc.``,
   ``Inc.``, AP state names ...), read once at import; its header gives the format. Entries marked ``+num``
   count only before a number: ``No. 5`` runs on, ``"No. I've done it."`` splits. A sentence that really ends
   with ``Inc.`` runs on into the next, unless a paragraph break (rule 5) or, in line-per-sentence text, a
   newline (rule 6) follows.
3. **Initials and initialisms.** A single capital before the dot ("George W. Bush", "J. R. R. Tolkien") never
   ends a sentence. A dotted initialism (``U.S.``, ``D.C.``, ``a.m.``, ``Ph.D.``: groups of one or two letters
   joined by dots, or single letters with dot and space as ECB+ spells them, ``U. S.``, ``p. m.``) ends a
   sentence only when the next word is one of the common sentence starters of ``_STARTERS`` (The, This, It, He,
   But, However, In, A ...) and is not itself an initial: "in the U.S. The next day" splits, "the U.S. Agency
   for", "10:30 a.m. Oregon State Police" and "F. B. I. agents" do not.
4. **Numbers.** A dot between digits is not a sentence end (1.7, 3.5%, $2.5 million, 9.30 a.m., 2.0.1); nor is
   a dot before digits after a space, a bracket or a word that cannot end a sentence (``_NEVER_LAST``: a decimal
   point cut off by tokenisation, ECB+ "a. 357 Magnum", "(. 535)"); nor the dot of a one- or two-digit
   enumerator that begins a sentence or follows a colon or semicolon ("steps: 1. Identify").
5. **Paragraphs and lists.** A blank line (a newline, optional spaces, another newline) always ends a sentence,
   even without punctuation (headlines, section labels). A line that starts, after optional indentation, with a
   bullet (``• - * – ·``) or an item number (``1.``, ``1)``, ``(a)``, ``(iv)``) and a space starts a new
   sentence, and the marker is not part of it.
6. **Single newlines.** Text comes in two shapes, decided once per call for the whole text (or region). In
   *line-per-sentence* text (scraped pages with a paragraph per line; ECB+, a sentence or headline per line)
   every newline ends a sentence. In *hard-wrapped* newswire a newline is a space, except before a list item,
   before a line indented deeper than the one before (a paragraph) and after a short line (under ``_SHORT_LINE``,
   60%, of the median line length: a headline or byline). The text is hard-wrapped when at least
   ``_WRAPPED_SHARE`` (30%) of its line breaks (not counting those before list items and indented lines) are
   continuations, and at most a tenth of its lines are longer than ``_WRAP_WIDTH`` (100) characters. A
   continuation is a break after a line ending in ``,``, ``;`` or ``-``, or after a line without terminal
   punctuation (``.!?…``, then closing quotes) when the next line starts with a lowercase letter.
7. **Inline enumerations** stay in one sentence ("stages: 1) identification; 2) containment"): list markers
   count only at the start of a line.
8. **Glued tokens.** Words glued by scraping ("pushed4,380", "such asKatibat", "Councilstated") never split.
   A missing space after a sentence end is a boundary when a whole lowercase word of two or more letters ends
   with a period directly followed by an uppercase and a lowercase letter ("the whole.Ifspecific"), except for
   abbreviations ("etc.The") and words inside names (after a dot, letter, digit, ``/`` or ``@``:
   ``Muhsinlar.net``, ``e.g.The``).
9. **Quotes.** ``.”`` before a lowercase word or a dash runs on (``forces.” – says the head``), before a capital
   it ends the sentence (``.” Then``). A quote detached by a space (``girl. " While``) still closes the sentence.
   A quoted question or exclamation runs on into its attribution: a capitalised word, at most four more words,
   then a verb of saying (``"Hide, she's got a gun!" Vanore said.``).
10. **Ellipses** end a sentence before a capital, a newline in line-per-sentence text or a paragraph break, and
    never before a lowercase word ("It's a party ... a rehab party!").

11. **Run-on text.** A sentence longer than ``MAX_SENTENCE_CHARS`` (1,500 characters: a table flattened into
    one line, a list of numbers, hostile input) is cut into pieces no longer than that, each at the last
    whitespace before the limit (else after a comma, semicolon or colon that no digit follows, else at the limit),
    so that the claim readers, which look at a quantity's whole sentence, cost the same per character on any
    input.

Sentences never start or end with whitespace; empty or whitespace-only text has none.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from importlib.resources import files
from typing import Final

import regex

from extract.lexicons import alternation, load_toml

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a source text: ``text == source[start:end]``."""

    start: int  # offset into the text passed to split_sentences
    end: int
    text: str  # never starts or ends with whitespace


def _load_abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Read lexicons/abbreviations.txt: (abbreviations, abbreviations that count only before a number)."""
    always: set[str] = set()
    before_number: set[str] = set()
    lexicon = files("extract").joinpath("lexicons/abbreviations.txt").read_text(encoding="utf-8")
    for raw in lexicon.splitlines():
        fields = raw.split("#", 1)[0].split()
        if not fields:
            continue
        word = fields[0]
        target = before_number if "+num" in fields[1:] else always
        target.update({word, word[0].upper() + word[1:]})
    return frozenset(always), frozenset(before_number)


_ABBREVIATIONS, _NUMBER_ABBREVIATIONS = _load_abbreviations()

# Words after which a dotted initialism ("U.S.", "p.m.") is taken to end its sentence (rule 3).
_STARTERS: Final = frozenset(
    {
        *("The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I"),
        *("His", "Her", "Their", "Our", "There", "But", "However", "And", "In", "On", "At", "A", "An"),
        *("As", "After", "For", "If", "When", "While", "Meanwhile", "Still", "Yet", "So", "Some", "Many", "Most"),
    }
)

# Words that cannot end a sentence: a dot after them, before digits, is a cut-off decimal point (rule 4).
_NEVER_LAST: Final = frozenset({"a", "an", "the", "of", "his", "its", "their"})

_WRAPPED_SHARE: Final = 0.3  # share of continuation line breaks that makes a text hard-wrapped
_WRAP_WIDTH: Final = 100  # hard-wrapped text has (almost) no line longer than this
_SHORT_LINE: Final = 0.6  # in hard-wrapped text, a line under this share of the median length ends
_LOOK_BACK: Final = 40  # longest token examined before a dot
MAX_SENTENCE_CHARS: Final = 1500  # longer "sentences" are cut (rule 11); real news sentences stay well under it

_NEWLINE: Final = regex.compile(r"\r\n?|\n")
# Where a run-on sentence is cut when no whitespace is near the limit: after punctuation no digit follows.
_SOFT_CUT: Final = regex.compile(r"[,;:](?!\d)")

_LIST_ITEM: Final = regex.compile(
    r"""
    [^\S\r\n]*+                              # optional indentation
    (?: [•*·–-]                              # a bullet
      | \d{1,3} [.)]                         # or an item number: 1. 1)
      | \( (?: \d{1,3} | [ivx]{1,4} | [A-Za-z] ) \)   # or (1) (iv) (a)
    )
    [^\S\r\n]++                              # at least one space after the marker
    (?= \S )                                 # and then the item's text
    """,
    regex.VERBOSE,
)

_BOUNDARY: Final = regex.compile(
    r"""
      (?<! [.!?…] )                          # the first mark of a run, so each run is read once
      (?P<mark> [.!?…]++ )                   # terminal marks: . ! ? … ... ?!
      (?P<close>                             # then, staying with the sentence,
        (?: ["'”’»)\]]                       # closing quotes and brackets
          | \[ [\w*†]{1,6}+ \]               # and glued reference marks: "Sharia.[UB1]", "1961.[3]"
        )*+ )
      (?= \s | \Z )                          # whitespace or the end of the unit follows
    |
      (?<! [\p{L}\p{N}_.@/'’] )              # a whole word, not part of a domain, path or e-mail,
      (?P<glued> \p{Ll}{2,}+ ) \.            # of 2+ lowercase letters and a period,
      (?= \p{Lu} \p{Ll} )                    # glued to a capitalised word: "the whole.Ifspecific"
    """,
    regex.VERBOSE,
)

_SENTENCE_START: Final = regex.compile(
    r"""
    [\p{Lu}\p{Lt}\p{Lo}\p{Nd}"'“‘„«(\[¿¡]   # an uppercase or caseless letter, a digit, an opening quote
    """,
    regex.VERBOSE,
)

_TERMINAL_END: Final = regex.compile(
    r"""
    [.!?…]                                   # a terminal mark
    ["'”’»)\]]*+                             # and closing quotes or brackets
    \Z                                       # at the end of the line
    """,
    regex.VERBOSE,
)

_DOTTED: Final = regex.compile(
    r"""
    \p{L}{1,2}                               # a group of one or two letters
    (?: \. \p{L}{1,2} )++                    # then more groups, joined by dots: U.S, a.m, Ph.D
    """,
    regex.VERBOSE,
)

_INITIAL_BEFORE: Final = regex.compile(
    r"""
    (?<! [\p{L}\p{N}] )                      # a single letter
    \p{L} \. \s                              # with its dot and a space, right before a spaced
    \Z                                       # initialism's next letter: "U. S.", "p. m."
    """,
    regex.VERBOSE,
)

_ATTRIBUTION: Final = regex.compile(
    r"""
    \p{Lu} [\p{L}.'’-]*+ \s++                 # a capitalised word
    (?: [\p{L}.'’-]++ \s++ ){0,4}             # and up to four more
    (?: """ + alternation(load_toml("attribution.toml")["quote_tags"]) + r""" )
    \b                                       # then a verb of saying: '"Why?" Howard said.'
    """,
    regex.VERBOSE,
)

_QUOTES: Final = "\"'”’"  # quotes that close a sentence even when detached by a space

_NUMBERED: Final = regex.compile(
    r"""
    [#\p{L}-]{0,6}+ \p{Nd}                   # a number, maybe with a prefix: "5", "#5", "VA089897"
    """,
    regex.VERBOSE,
)

_NEXT_WORD: Final = regex.compile(
    r"""
    ["'“‘„«(\[]*+                            # skip opening quotes and brackets
    (?P<word> \p{L}++ ) (?! \. )             # the word itself, not an initial ("F. B. I.", "M. B. A.")
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first character of the line
    begin: int  # first character of its text (after the indentation and any list marker)
    end: int  # end of its last non-space character
    indent: int  # number of leading whitespace characters
    item: bool  # the line is a bullet or numbered list item


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], with offsets into `text` (not into the slice)."""
    lo, hi, _ = slice(start, end).indices(len(text))
    region = text[lo:hi] if (lo, hi) != (0, len(text)) else text  # so nothing outside it is ever looked at
    sentences: list[Sentence] = []
    for unit_start, unit_end in _units(region):
        _split_unit(region, unit_start, unit_end, lo, sentences)
    return sentences


def _blocks(text: str) -> list[list[_Line]]:
    """Non-blank lines of the text, grouped into paragraph blocks separated by blank lines."""
    blocks: list[list[_Line]] = [[]]
    line_start = 0
    for newline in [*_NEWLINE.finditer(text), None]:
        line_end = len(text) if newline is None else newline.start()
        line = text[line_start:line_end]
        body = line.lstrip()
        if body:
            indent = len(line) - len(body)
            marker = _LIST_ITEM.match(text, line_start, line_end)
            begin = marker.end() if marker else line_start + indent
            blocks[-1].append(_Line(line_start, begin, line_start + len(line.rstrip()), indent, bool(marker)))
        elif blocks[-1]:
            blocks.append([])
        if newline is not None:
            line_start = newline.end()
    return [block for block in blocks if block]


def _continues(text: str, prev: _Line, line: _Line) -> bool:
    """Whether the break between two lines looks like hard wrapping inside a sentence (rule 6)."""
    if text[prev.end - 1] in ",;-":
        return True
    ends_sentence = _TERMINAL_END.search(text, max(prev.begin, prev.end - 8), prev.end) is not None
    return not ends_sentence and text[line.begin].islower()


def _starts_unit(prev: _Line, line: _Line) -> bool:
    """Whether a line break that is not a paragraph break starts a new unit in hard-wrapped text."""
    return line.item or line.indent > prev.indent


def _units(text: str) -> list[tuple[int, int]]:
    """Spans of the text that sentences never cross: lines, or runs of hard-wrapped lines."""
    blocks = _blocks(text)
    breaks = continuations = 0
    for block in blocks:
        for prev, line in itertools.pairwise(block):
            if not _starts_unit(prev, line):
                breaks += 1
                continuations += _continues(text, prev, line)
    lengths = [line.end - line.start for block in blocks for line in block]
    long_lines = sum(length > _WRAP_WIDTH for length in lengths)
    if breaks == 0 or continuations < _WRAPPED_SHARE * breaks or long_lines > 0.1 * len(lengths):
        return [(line.begin, line.end) for block in blocks for line in block]
    width = statistics.median(lengths)
    units: list[tuple[int, int]] = []
    for block in blocks:
        unit_begin = block[0].begin
        for prev, line in itertools.pairwise(block):
            short = prev.end - prev.start < _SHORT_LINE * width and text[prev.end - 1] not in ",;-"
            if short or _starts_unit(prev, line):
                units.append((unit_begin, prev.end))
                unit_begin = line.begin
        units.append((unit_begin, block[-1].end))
    return units


def _split_unit(text: str, lo: int, hi: int, shift: int, out: list[Sentence]) -> None:
    """Append the sentences of the unit text[lo:hi] to `out`, their offsets moved by `shift`."""
    current = lo
    for match in _BOUNDARY.finditer(text, lo, hi):
        glued = match.group("glued")
        if glued is not None:
            if glued + "." in _ABBREVIATIONS:
                continue
            cut = following = match.end()
        else:
            cut, following = _after_marks(text, match.end(), hi)
            if following >= hi:
                break
            quoted = any(char in _QUOTES for char in text[match.end("mark") : cut])
            if not _ends_sentence(text, match.start(), match.group("mark"), quoted, current, following, hi):
                continue
        _append(text, current, cut, shift, out)
        current = following
    _append(text, current, hi, shift, out)


def _after_marks(text: str, end: int, hi: int) -> tuple[int, int]:
    """Where a sentence whose marks and closers end at `end` is cut, and where the next one begins.

    A quote detached by a space and followed by a space, the end or punctuation is still a closing
    quote ('a party girl. " While', '? ", was published').
    """
    following = _skip_space(text, end, hi)
    while following < hi and text[following] in _QUOTES:
        after = _skip_space(text, following + 1, hi)
        if not (after == hi or after > following + 1 or text[after] in _QUOTES + ",;:.!?)]"):
            break
        end, following = following + 1, after
    return end, following


def _ends_sentence(text: str, mark_start: int, mark: str, quoted: bool, current: int, following: int, hi: int) -> bool:
    """Whether `mark` at text[mark_start], then closing quotes if `quoted`, ends the sentence begun
    at `current`, the next one beginning at `following` (rules 1-4, 9 and 10)."""
    first = text[following]
    if not _SENTENCE_START.match(first):
        return False
    if mark != ".":  # ! ? or an ellipsis
        if quoted and ("?" in mark or "!" in mark):
            return _ATTRIBUTION.match(text, following, min(hi, following + 2 * _LOOK_BACK)) is None
        return True
    if quoted:
        return True
    token_start, token = _token_before(text, mark_start, current)
    if token + "." in _ABBREVIATIONS:
        return False
    if token + "." in _NUMBER_ABBREVIATIONS and _NUMBERED.match(text, following, min(hi, following + 8)):
        return False
    before = text[mark_start - 1] if mark_start > current else " "
    if first.isdigit() and (token in _NEVER_LAST or before.isspace() or before in "(["):
        return False  # a decimal point cut off its digits: "a. 357 Magnum", "(. 535)" in ECB+
    spaced = len(token) == 1 and _INITIAL_BEFORE.search(text, max(current, token_start - 3), token_start)
    if spaced or _DOTTED.fullmatch(token):
        word = _NEXT_WORD.match(text, following, min(hi, following + _LOOK_BACK))
        return word is not None and word.group("word") in _STARTERS
    if len(token) == 1 and token.isupper():
        return False  # an initial: "George W. Bush"
    if token.isdigit() and len(token) <= 2:  # an enumerator: "steps: 1. Identify ... 2. Contain"
        opener = text[max(current, token_start - 8) : token_start].rstrip().endswith((":", ";"))
        return token_start > current and not opener
    return True


def _skip_space(text: str, i: int, hi: int) -> int:
    """The first index from i on (at most hi) that is not whitespace."""
    while i < hi and text[i].isspace():
        i += 1
    return i


def _token_before(text: str, dot: int, current: int) -> tuple[int, str]:
    """The letters, digits and inner dots just before text[dot] (not before `current`), and where
    they start. Looks back at most _LOOK_BACK characters; a longer token is returned as ""."""
    start = dot
    while start > max(current, dot - _LOOK_BACK) and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    if start == dot - _LOOK_BACK and start > current and (text[start - 1].isalnum() or text[start - 1] == "."):
        return start, ""
    token = text[start:dot]
    stripped = token.lstrip(".")
    return dot - len(stripped), stripped


def _append(text: str, start: int, end: int, shift: int, out: list[Sentence]) -> None:
    """Append text[start:end] without its surrounding whitespace, unless nothing is left."""
    span = text[start:end]
    body = span.strip()
    if not body:
        return
    begin = start + shift + len(span) - len(span.lstrip())
    if len(body) <= MAX_SENTENCE_CHARS:
        out.append(Sentence(begin, begin + len(body), body))
        return
    offset = 0
    while offset < len(body):
        piece_end = _run_on_cut(body, offset)
        piece = body[offset:piece_end]
        kept = piece.strip()
        if kept:
            lead = len(piece) - len(piece.lstrip())
            out.append(Sentence(begin + offset + lead, begin + offset + lead + len(kept), kept))
        offset = piece_end


def _run_on_cut(body: str, offset: int) -> int:
    """Where the piece of a run-on sentence that starts at `offset` ends (rule 11)."""
    limit = offset + MAX_SENTENCE_CHARS
    if limit >= len(body):
        return len(body)
    window_start = offset + MAX_SENTENCE_CHARS // 2  # never cut so early that pieces get small
    space = max(body.rfind(" ", window_start, limit), body.rfind("\n", window_start, limit))
    if space > offset:
        return space + 1
    soft = [m.end() for m in _SOFT_CUT.finditer(body, window_start, limit)]
    return soft[-1] if soft else limit
