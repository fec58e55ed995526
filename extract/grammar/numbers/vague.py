"""Vague amounts ("several", "dozens", "scores of", "tens of thousands") and multiples written as words ("twice",
"doubled", "threefold").

A vague amount has no value, only a lower bound (``lexicons/numbers_vague.toml`` holds the bounds); a multiple is
a number of kind ``multiple``. :data:`VAGUE_SOURCE` and :data:`MULTIPLE_SOURCE` are their patterns for the
combined scan of the package; :func:`vague_number` and :func:`multiple_number` read their matches into atoms.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import regex

from extract.grammar.numbers.atom import Number
from extract.grammar.numbers.vocabulary import CARDINALS, MULTIPLES, SCALES, VAGUE, VAGUE_SCALES
from extract.lexicons import alternation

__all__ = ["MULTIPLE_SOURCE", "VAGUE_SOURCE", "multiple_number", "vague_number"]

_VAGUE_SRC: Final = r"""
(?<! [\w-] )
(?P<vague>
    (?P<vword> {vague_words} )                  # several, dozens, hundreds, tens ...
    (?:
        (?: \s+ of )? \s+                        # tens of thousands, several hundred
        (?P<vscale> {vague_scales} | {scale_words} ) (?! \w )
    )?
)
(?P<vof> \s+ of \b )?                            # scores of people: "of" is checked but not kept
"""

_MULTIPLE_SRC: Final = r"""
(?<! [\w-] )
(?P<multiple>
    {multiples}                                  # twice, doubled, halved
  | (?P<fold_num> {cardinal_words} ) -? fold     # threefold, three-fold
)
(?! \w )
"""

# A vague amount, group "vague"; matched case-insensitively.
VAGUE_SOURCE: Final = _VAGUE_SRC.format(
    vague_words=alternation(VAGUE), vague_scales=alternation(VAGUE_SCALES), scale_words=alternation(SCALES)
)
# A multiple, group "multiple"; matched case-insensitively.
MULTIPLE_SOURCE: Final = _MULTIPLE_SRC.format(multiples=alternation(MULTIPLES), cardinal_words=alternation(CARDINALS))


def vague_number(m: regex.Match[str]) -> Number | None:
    """The atom of a match of :data:`VAGUE_SOURCE`; None for a word that counts only before "of" and has none."""
    vword = regex.sub(r"\s+", " ", m.group("vword").lower())
    low, needs_of = VAGUE[vword]
    vscale = m.group("vscale")
    if vscale:
        low *= VAGUE_SCALES.get(vscale.lower()) or SCALES[vscale.lower()]
    elif needs_of and not m.group("vof"):
        return None
    return Number(
        m.start("vague"),
        m.end("vague"),
        m.group("vague"),
        None,
        low,
        None,
        "vague",
        "words",
        Decimal(1),
        False,
        "vague",
    )


def multiple_number(m: regex.Match[str]) -> Number:
    """The atom of a match of :data:`MULTIPLE_SOURCE`: "twice" is 2, "threefold" 3."""
    fold = m.group("fold_num")
    value = CARDINALS[fold.lower()] if fold else MULTIPLES[m.group("multiple").lower()]
    return Number(
        m.start(),
        m.end(),
        m.group(),
        value,
        None,
        None,
        "multiple",
        "words",
        Decimal(1),
        False,
        "multiple_word",
    )
