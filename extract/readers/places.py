"""Places in news text: the countries, regions, organisations and cities a claim is about.

:func:`find_places` finds every mention of a place in a text; :func:`place` describes a code; :func:`border_pair`
reads the two countries of a border or bilateral expression ("Kyrgyz-Tajik border", "Russia–Tajikistan relations",
"the state border between Tajikistan and Kyrgyzstan").

The data are ``lexicons/countries.csv`` (ISO 3166-1 countries with their names, demonyms and capitals) and
``lexicons/regions.toml`` (regions, organisations, subnational units, cities, historic states, and phrases to
ignore); their headers give the format, sources and the choices made for ambiguous names. Both are read once at
import and compiled into one regex alternation.

Which of a sentence's places a figure is about is decided in ``extract/readers/claims.py`` with the cues of
``lexicons/place_cues.toml`` read here: :func:`is_stance` ("anti-American"), :func:`clause_span` (the figure's own
clause, cut at ";", ":" and a comma before "while", "whereas", "but" ...), :func:`concessive_spans` ("despite ..."),
:func:`counts_members` ("18 countries") and :func:`names_group_anaphor` ("this organization").

Rules:

* Aliases match case-sensitively as written, plus an ALL-CAPS copy of aliases of four letters or more: "China" and
  "CHINA" are China, "china" is porcelain; "US" is the United States, "us" is not.
* Matches are word-bounded and the longest alias wins: "Papua New Guinea" is one mention, never "Guinea";
  "Kyrgyz Republic" beats "Kyrgyz". Phrases in the ignore list ("New Mexico", "Indian Ocean") win the same way
  and are then dropped.
* A place glued to the word before it ("asKatibat", "inRussia") is not matched: glued words are not split.
* Possessives keep the name only ("Tajikistan's" gives "Tajikistan"); both apostrophes are accepted inside names
  ("Côte d’Ivoire").
* Demonyms and capitals carry the country's code with kind ``demonym`` or ``capital`` ("Tajikistani citizens" and
  "Dushanbe" are both TJK); regions carry their own code and kind ("Gorno-Badakhshan" is TJ-GB, subnational).

>>> [(m.surface, m.code, m.kind) for m in find_places("Bishkek and Dushanbe have recognized the border")]
[('Bishkek', 'KGZ', 'capital'), ('Dushanbe', 'TJK', 'capital')]
>>> border_pair("The Kyrgyz-Tajik border is 950 kilometers long.")
('KGZ', 'TJK')
"""

from __future__ import annotations

import csv
import io
import itertools
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

import regex

from extract.errors import ClaimsError
from extract.lexicons import alternation

__all__ = [
    "Place",
    "PlaceMention",
    "UnknownPlaceError",
    "border_pair",
    "clause_span",
    "concessive_spans",
    "counts_members",
    "find_places",
    "is_stance",
    "names_group_anaphor",
    "place",
]

COUNTRY_COLUMNS: Final = {"name": "country", "names": "country", "demonyms": "demonym", "capitals": "capital"}
REGION_KINDS: Final = frozenset({"region", "organization", "subnational", "city", "historic"})
_IGNORED: Final = ""  # the kind of an ignore-list phrase: matched, then dropped


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One mention of a place: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    code: str  # ISO 3166-1 alpha-3 code, or a region code from regions.toml
    kind: str  # "country", "demonym", "capital", or the region's kind ("region", "organization", "city", ...)


@dataclass(frozen=True, slots=True)
class Place:
    """A country or region: its code, common English name and kind ("country" or a region kind)."""

    code: str
    name: str
    kind: str
    parent: str | None = None  # alpha-3 code of the country a subnational unit or city belongs to
    members: tuple[str, ...] = ()  # alpha-3 codes of the members of a region or organisation, where defined


class UnknownPlaceError(ClaimsError, KeyError):
    """A code that is neither an ISO 3166-1 alpha-3 code in countries.csv nor a code in regions.toml."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"unknown place code {self.code!r}: not an ISO alpha-3 code nor a region code in regions.toml"


# ---- data ------------------------------------------------------------------------------------------------------


def _read(name: str) -> str:
    return files("extract").joinpath("lexicons", name).read_text(encoding="utf-8")


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split("|") if part.strip()]


def _normal(surface: str) -> str:
    """The lookup key of a surface: runs of white space as one space, the typographic apostrophe as "'"."""
    return " ".join(surface.split()).replace("’", "'")


def country_rows() -> Iterator[dict[str, str]]:
    """The rows of countries.csv (comment lines skipped), as dicts keyed by column name."""
    lines = [line for line in _read("countries.csv").splitlines() if not line.startswith("#")]
    yield from csv.DictReader(io.StringIO("\n".join(lines)))


def _load() -> tuple[dict[str, Place], dict[str, tuple[str, str]]]:
    """All places by code, and every alias (normalised) with the (code, kind) it stands for."""
    places: dict[str, Place] = {}
    aliases: dict[str, tuple[str, str]] = {}

    def add(alias: str, code: str, kind: str) -> None:
        key = _normal(alias)
        if aliases.setdefault(key, (code, kind)) != (code, kind):
            raise ValueError(f"alias {alias!r} stands for both {aliases[key][0]} and {code}")

    for row in country_rows():
        places[row["alpha3"]] = Place(row["alpha3"], row["name"], "country")
        for column, kind in COUNTRY_COLUMNS.items():
            for alias in _split(row[column]):
                add(alias, row["alpha3"], kind)
    regions = tomllib.loads(_read("regions.toml"))
    for entry in regions["region"]:
        code, kind = entry["code"], entry["kind"]
        if code in places or kind not in REGION_KINDS:
            raise ValueError(f"regions.toml: duplicate code or unknown kind in {entry!r}")
        places[code] = Place(code, entry["name"], kind, entry.get("parent"), tuple(entry.get("members", ())))
        for alias in [entry["name"], *entry.get("aliases", ())]:
            add(alias, code, kind)
    for phrase in regions["ignore"]["phrases"]:
        add(phrase, _IGNORED, _IGNORED)
    # Headlines: an ALL-CAPS copy of every alias of four letters or more ("RUSSIA"), unless it is an alias itself.
    for alias, target in list(aliases.items()):
        if len(alias) >= 4 and alias.upper() not in aliases:
            aliases[alias.upper()] = target
    return places, aliases


_DATA: Final = _load()
PLACES: Final = _DATA[0]  # every country and region by code
ALIASES: Final = _DATA[1]  # every alias, normalised, with its (code, kind); ignore-list phrases have kind ""


def _char_pattern(char: str) -> str:
    """One character of an alias: escaped, any run of white space for a space, either apostrophe for "'"."""
    if char == " ":
        return r"\s+"
    return "['’]" if char == "'" else regex.escape(char)


def _trie_pattern(words: list[str]) -> str:
    r"""An alternation of ``words`` as a trie, longer continuations first: ["Guinea", "Guinea-Bissau"] gives
    ``Guinea(?:\-Bissau)?``.

    It matches what the flat alternation of the words sorted longest first would match, with the same
    longest-first preference (a greedy ``?`` tries the longer word first and backtracks to the shorter one when the
    word boundary after it fails), but the regex engine follows one branch per character instead of trying some
    three thousand aliases at every position of the text.

    >>> _trie_pattern(["Niger", "Nigeria", "Guinea", "Guinea-Bissau"])
    '(?:Guinea(?:\\-Bissau)?|Niger(?:ia)?)'
    """
    terminal = "" in words
    heads: dict[str, list[str]] = {}
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
    branches = []
    for head in sorted(heads):  # the order of branches is irrelevant: they start with different characters
        tails = heads[head]
        prefix = _char_pattern(head)
        while all(tails) and len({tail[0] for tail in tails}) == 1:  # a chain of single children: one literal
            prefix += _char_pattern(tails[0][0])
            tails = [tail[1:] for tail in tails]
        branches.append(prefix if tails == [""] else prefix + _trie_pattern(tails))
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if terminal else body


_PLACE_RE: Final = regex.compile(
    r"""
    (?<!\w)                      # not glued to the word before ("asKatibat", "inRussia")
    {aliases}                    # every alias and ignore-list phrase, as a trie, longest first
    (?!\w)                       # nor to the word after ("Niger" is not in "Nigeria")
    """.replace("{aliases}", _trie_pattern(sorted(ALIASES))),
    regex.VERBOSE,
)


# ---- API -------------------------------------------------------------------------------------------------------


# Several readers ask for the places of the same sentence, once per figure: cached per text.
@lru_cache(maxsize=1024)
def find_places(text: str) -> tuple[PlaceMention, ...]:
    """Every place mentioned in ``text``, in order, non-overlapping, the longest alias winning.

    >>> [(m.surface, m.code) for m in find_places("Russia’s Ministry: 1.7 million Tajikistani citizens")]
    [('Russia', 'RUS'), ('Tajikistani', 'TJK')]
    >>> find_places("a New Mexico china shop")
    ()
    """
    mentions = []
    for match in _PLACE_RE.finditer(text):
        code, kind = ALIASES[_normal(match.group())]
        if kind != _IGNORED:
            mentions.append(PlaceMention(match.start(), match.end(), match.group(), code, kind))
    return tuple(mentions)


def place(code: str) -> Place:
    """The country or region with this code; :class:`UnknownPlaceError` (a ``KeyError``) for an unknown code.

    >>> place("TJK")
    Place(code='TJK', name='Tajikistan', kind='country', parent=None, members=())
    >>> place("TJ-GB").parent
    'TJK'
    """
    try:
        return PLACES[code]
    except KeyError:
        raise UnknownPlaceError(code) from None


_COUNTRY_MENTION_KINDS: Final = frozenset({"country", "demonym", "capital"})

# Between the two mentions of a compound: "Kyrgyz-Tajik", "Russia–Tajikistan", "Russia - China", "Kyrgyz/Tajik".
_JOINED_RE: Final = regex.compile(r"\s*[-‐‑–—/]\s*")
# Between the two mentions of a coordination: "Tajikistan and Kyrgyzstan", "Russia’s and China’s".
_AND_RE: Final = regex.compile(r"(?:['’]s)?\s+(?:and|&)\s+(?:the\s+)?")
_PAIR_NOUNS: Final = r"(?:border|borders|frontier|boundary|relations|ties|talks|dispute|conflict|agreement|treaty)"
# Before a coordination: "between Tajikistan and ...", "the border of Kyrgyzstan and ...".
_BEFORE_AND_RE: Final = regex.compile(
    rf"""
    (?: \bbetween                        # "between X and Y" is a pair on its own
      | \b{_PAIR_NOUNS} \s+ (?:of|with)  # "the border of X and Y", "relations with X and Y"
    ) \s+ (?:the\s+)? $
    """,
    regex.VERBOSE,
)
_LOOKBEHIND: Final = 40  # characters before a coordination searched for "between" or "border of"
# After a coordination, in the same clause: "X and Y have recognized only 520 kilometers of a common border".
_AFTER_AND_RE: Final = regex.compile(r"[^.;:!?]{0,80}?\b(?:border|borders|frontier|boundary)\b")
# Between the mentions of "Tajikistan's strained relations with Kyrgyzstan".
_WITH_RE: Final = regex.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?{_PAIR_NOUNS}\s+with\s+(?:the\s+)?")


def border_pair(text: str) -> tuple[str, str] | None:
    """The two countries of the first border or bilateral expression in ``text``, as sorted alpha-3 codes.

    A pair is two country mentions (names, demonyms or capitals) joined by a hyphen, dash or slash ("Sino-Russian",
    "Russia–Tajikistan relations"), coordinated after "between" or "border of" ("the state border between
    Tajikistan and Kyrgyzstan"), coordinated before a border noun in the same clause ("Bishkek and Dushanbe have
    recognized ... a common border"), or "X's relations with Y". A side that is not a country ("US-Taliban") makes
    no pair. Sorted codes make the same border compare equal however it is written.

    >>> border_pair("Tajik-Kyrgyz border") == border_pair("the border of Kyrgyzstan and Tajikistan")
    True
    >>> border_pair("the US-Taliban agreement") is None
    True
    """
    mentions = find_places(text)
    for index, (first, second) in enumerate(itertools.pairwise(mentions)):
        if first.kind not in _COUNTRY_MENTION_KINDS or second.kind not in _COUNTRY_MENTION_KINDS:
            continue
        if first.code == second.code:
            continue
        gap = text[first.end : second.start]
        if _JOINED_RE.fullmatch(gap) or _WITH_RE.fullmatch(gap):
            low, high = sorted((first.code, second.code))
            return low, high
        if not _AND_RE.fullmatch(gap):
            continue
        after = _AFTER_AND_RE.match(text, second.end)
        next_start = mentions[index + 2].start if index + 2 < len(mentions) else len(text)
        if _BEFORE_AND_RE.search(text, max(0, first.start - _LOOKBEHIND), first.start) or (
            after and after.end() <= next_start
        ):
            low, high = sorted((first.code, second.code))
            return low, high
    return None


# ---- which places a figure is about ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cues:
    """The lists of ``lexicons/place_cues.toml`` (its header documents each), compiled."""

    stance: regex.Pattern[str]
    clause_break: regex.Pattern[str]
    concessive: regex.Pattern[str]
    members: regex.Pattern[str]
    group_anaphor: regex.Pattern[str]


def _load_cues() -> _Cues:
    raw = tomllib.loads(_read("place_cues.toml"))
    return _Cues(
        stance=regex.compile(rf"(?i:(?<![\w-])(?:{alternation(raw['stance_prefixes'])}))[-‐‑]\Z"),
        clause_break=regex.compile(
            rf"""
            [;:]                                                 # a list or a second statement
            | ,(?= \s+ (?i:{alternation(raw['contrast_words'])}) \b  # a comma before "while", "whereas", "but" ...
                   (?! \s+ (?:\p{{Ll}}\w*ing|also) \b ) )           # not "while studying", "but also": no subject
            """,
            regex.VERBOSE,
        ),
        concessive=regex.compile(
            rf"""
            (?i: (?<![\w-]) (?:{alternation(raw['concessive_words'])}) (?!\w) )  # "despite", "in spite of"
            (?: [^,;:!?()] | ,(?=\d) )*                                      # to the next comma (not "1,000")
            """,
            regex.VERBOSE,
        ),
        members=regex.compile(rf"(?i:{alternation(raw['member_nouns'])})"),
        group_anaphor=regex.compile(rf"(?i:(?<![\w-])(?:{alternation(raw['group_anaphors'])})(?!\w))"),
    )


_CUES: Final = _load_cues()


def is_stance(text: str, mention: PlaceMention) -> bool:
    """Whether ``mention`` is glued to a stance prefix: "anti-American" names what is opposed, not a place.

    >>> [is_stance(text, m) for text in ["anti-American statements"] for m in find_places(text)]
    [True]
    """
    return _CUES.stance.search(text, 0, mention.start) is not None


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause of ``text`` holding ``text[start:end]``: cut at ";" and ":" and at a comma
    before a contrasting clause ("..., while the Chinese government offers ...").

    >>> text = "Kazakhs in China rose to 13,198, while Kyrgyz students got 23 grants."
    >>> text[slice(*clause_span(text, 25, 31))]
    'Kazakhs in China rose to 13,198'
    """
    breaks = _clause_breaks(text)
    before = bisect_right(breaks, start, key=lambda span: span[1])  # the breaks that end at or before `start`
    clause_start = breaks[before - 1][1] if before else 0
    after = bisect_left(breaks, end, lo=before, key=lambda span: span[0])  # the first to start at or after `end`
    clause_end = breaks[after][0] if after < len(breaks) else len(text)
    return clause_start, clause_end


# Every figure of a sentence asks for its clause: the breaks are found once per sentence.
@lru_cache(maxsize=512)
def _clause_breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((match.start(), match.end()) for match in _CUES.clause_break.finditer(text))


def concessive_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every concessive adjunct of ``text``: "despite ..." up to the next comma or break.

    >>> text = "Trade grew, despite sanctions on Russia, by 5%."
    >>> [text[start:end] for start, end in concessive_spans(text)]
    ['despite sanctions on Russia']
    """
    return [match.span() for match in _CUES.concessive.finditer(text)]


def counts_members(counted_noun: str | None) -> bool:
    """Whether a figure counting ``counted_noun`` counts the members of a group ("18 countries", "27 states")."""
    return counted_noun is not None and _CUES.members.fullmatch(counted_noun) is not None


def names_group_anaphor(text: str) -> bool:
    """Whether ``text`` refers back to an organisation named earlier ("this organization", "the bloc")."""
    return _CUES.group_anaphor.search(text) is not None
