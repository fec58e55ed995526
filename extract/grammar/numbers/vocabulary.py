"""The words the number readers know, read once from the lexicons: number words, scales, vague amounts, cues.

Sources: ``lexicons/numbers_words.toml`` (cardinals, ordinals, fractions, scale words and abbreviations),
``lexicons/numbers_vague.toml`` (vague amounts and multiples) and ``lexicons/numbers_cues.toml`` (the cue
words of single rules: sign words, the scales allowed after a comma, the words that keep "a third" a fraction).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from extract.lexicons import load_toml

__all__ = [
    "AFTER_NUMBER_SCALES",
    "CARDINALS",
    "FRACTIONS_AFTER_SCALE",
    "FRACTION_FOLLOWERS",
    "FRACTION_WORDS",
    "MULTIPLES",
    "NEGATIVE_SIGNS",
    "ORDINALS",
    "SCALES",
    "SCALES_AFTER_COMMA",
    "SCALE_ABBREVIATIONS",
    "VAGUE",
    "VAGUE_SCALES",
    "VULGAR",
]

_WORDS: Final = load_toml("numbers_words.toml")
_VAGUE: Final = load_toml("numbers_vague.toml")
_CUES: Final = load_toml("numbers_cues.toml")


def _values(table: dict[str, Any]) -> dict[str, Decimal]:
    return {word: Decimal(str(value)) for word, value in table.items()}


CARDINALS: Final[dict[str, Decimal]] = _values(_WORDS["cardinals"])
# scales that count only after a number: "three dozens", "five hundreds", "3 dzs"
AFTER_NUMBER_SCALES: Final[dict[str, Decimal]] = _values(_WORDS["scales_after_number"])
SCALES: Final[dict[str, Decimal]] = _values(_WORDS["scales"]) | AFTER_NUMBER_SCALES
ORDINALS: Final[dict[str, Decimal]] = _values(_WORDS["ordinals"])
FRACTION_WORDS: Final[dict[str, Decimal]] = _values(_WORDS["fractions"])
VULGAR: Final[dict[str, Decimal]] = _values(_WORDS["vulgar_fractions"])
MULTIPLES: Final[dict[str, Decimal]] = _values(_VAGUE["multiples"])
# a vague word's lower bound, and whether it counts only before "of" ("scores of people", not "test scores")
VAGUE: Final[dict[str, tuple[Decimal, bool]]] = {
    word: (Decimal(entry["low"]), bool(entry["needs_of"])) for word, entry in _VAGUE["vague"].items()
}
VAGUE_SCALES: Final[dict[str, Decimal]] = _values(_VAGUE["vague_scales"])


def _scale_abbreviations() -> dict[str, tuple[Decimal, bool]]:
    """Each scale abbreviation with its multiplier, and whether it is a scale only after a currency sign."""
    found: dict[str, tuple[Decimal, bool]] = {}
    for entry in _WORDS["scale_abbreviations"].values():
        for word in entry["words"]:
            # a spelling listed both as money-only and as general keeps the general reading
            if word not in found or not entry["money_only"]:
                found[word] = (Decimal(entry["value"]), bool(entry["money_only"]))
    return found


SCALE_ABBREVIATIONS: Final = _scale_abbreviations()

NEGATIVE_SIGNS: Final[list[str]] = _CUES["negative_signs"]["words"]
SCALES_AFTER_COMMA: Final[list[str]] = _CUES["scales_after_comma"]["words"]
FRACTIONS_AFTER_SCALE: Final[list[str]] = _CUES["fractions_after_scale"]["words"]
FRACTION_FOLLOWERS: Final[frozenset[str]] = frozenset(_CUES["fraction_followers"]["words"])
