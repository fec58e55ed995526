"""Numbers that are not quantities: anaphora, list numbering, names and codes.

Two sources:

* the patterns of ``lexicons/numbers_not_quantities.toml`` (anaphoric "the two countries", "one of the",
  list markers "1." / "1)" / "Secondly", names such as "Shanghai Five", "C5+1", "9/11", IP addresses),
  found by
  :func:`find_exclusions`;
* codes spelt with digits glued to letters ("COVID-19", "SARS-CoV-2", "G7", "5G", "F-16", "I7-860BOX") and
  number words used as names ("Five Stans", "the Big Four"), decided per number by :func:`is_code` and
  :func:`is_name_word`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from extract.lexicons import load_toml

__all__ = ["Exclusion", "find_exclusions", "is_code", "is_name_word"]


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A stretch of text whose numbers are not quantities."""

    start: int
    end: int
    surface: str
    table: str  # "anaphora", "list_markers", "names"
    rule: str


_DATA: Final = load_toml("numbers_not_quantities.toml")
_GROUPS: Final[dict[str, tuple[str, str]]] = {}
_parts: list[str] = []
for _table, _entries in _DATA.items():
    for _rule, _source in _entries.items():
        _name = f"{_table}__{_rule}"
        _GROUPS[_name] = (_table, _rule)
        _body = f"(?i:{_source})" if _table == "anaphora" else f"(?:{_source})"
        _parts.append(f"(?P<{_name}>{_body})")
# All exclusion patterns in one alternation, scanned once.
_PATTERN: Final = regex.compile("|".join(_parts), regex.VERBOSE)

_GLUED_BEFORE: Final = regex.compile(r"[A-Za-z0-9+/.–−^-]{1,24}\Z")
_LETTERS_END: Final = regex.compile(r"[A-Za-z]+\Z")
_GLUED_AFTER: Final = regex.compile(r"[A-Za-z]+|\+\d")
# A sentence starts after a stop, a colon, a quote, a bracket, a bullet, or a dateline's dash ("LANDSTUHL,
# Germany - Four US servicemen").
_SENTENCE_START: Final = regex.compile(
    r"(?: \A | [.!?:;\"“”\n(\[•] | \s[-–—]{1,2} ) [\s\"“”'‘]* \Z", regex.VERBOSE
)


def find_exclusions(text: str) -> list[Exclusion]:
    """Every stretch of ``text`` matched by a not-a-quantity pattern."""
    out: list[Exclusion] = []
    for m in _PATTERN.finditer(text, overlapped=False):
        name = m.lastgroup
        if name is None or m.end() == m.start():
            continue
        table, rule = _GROUPS[name]
        out.append(Exclusion(m.start(), m.end(), m.group(), table, rule))
    return out


def is_code(text: str, start: int, end: int) -> bool:
    """True when the number ``text[start:end]`` is part of a code glued to letters ("G7", "COVID-19", "5G").

    A lower-case word of three letters or more glued in front is a typo, not a code ("pushed4,380"); call this
    only after units and scale words glued behind the number ("5km", "10M") have been tried.
    """
    glued = _GLUED_BEFORE.search(text, max(0, start - 24), start)
    if glued is not None:
        token = glued.group()
        if token[-1] == "^":  # an exponent: "m^2"
            return True
        if token[-1] in "-–−/+":
            if any(c.isalpha() for c in token):  # COVID-19, F-16, SARS-CoV-2
                return True
        elif token[-1].isalpha():
            letters = _LETTERS_END.search(token)
            word = letters.group() if letters else token
            if not (word.islower() and len(word) >= 3) or any(c.isdigit() for c in token):
                return True  # G7, L2, MACS J1149
    after = _GLUED_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group()  # 5G, 06F6, 860BOX, 76ers, C5+1 are codes; "4,380kilometers" is a typo
    return not (word.islower() and len(word) >= 3 and word not in ("ers", "ths", "ish"))


def is_name_word(text: str, start: int) -> bool:
    """True when a capitalised number word at ``start`` is not at a sentence start ("the Five Stans")."""
    if not text[start : start + 1].isupper():
        return False
    return _SENTENCE_START.search(text[max(0, start - 8) : start]) is None
