"""Numbers written in words: cardinals, ordinals and spoken fractions ("twenty-three", "a hundred and two",
"half a million", "two thirds", "the twenty-first", "two hundred point zero three").

:data:`WORDS_SOURCE` is the pattern of a run of number words, for the combined scan of the package;
:func:`word_numbers` reads such a run into atoms, and :func:`word_number` reads the one number a run starts with.
A run is read token by token as far as the tokens make one number; the rest of the run is left to the scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import regex

from extract.grammar.numbers.atom import Number, NumberKind, precision_of_value, tidy
from extract.grammar.numbers.vocabulary import (
    AFTER_NUMBER_SCALES,
    CARDINALS,
    FRACTION_FOLLOWERS,
    FRACTION_WORDS,
    NEGATIVE_SIGNS,
    ORDINALS,
    SCALES,
    SCALES_AFTER_COMMA,
)
from extract.lexicons import alternation

__all__ = ["WORDS_ONLY", "WORDS_SOURCE", "word_number", "word_numbers"]

# "firsts" and "seconds" are no fractions on their own ("five seconds" is a duration); "firsts" is one in a
# compound ("three twenty-firsts")
_ORDINAL_PLURALS: Final[dict[str, Decimal]] = {
    k + "s": v for k, v in ORDINALS.items() if k not in ("first", "second")
} | {"halves": Decimal(2), "quarters": Decimal(4)}
_COMPOUND_PLURALS: Final[dict[str, Decimal]] = {"firsts": Decimal(1)}
_SINGULAR_OF_PLURAL: Final[dict[str, str]] = {k + "s": k for k in ORDINALS if k not in ("first", "second")} | {
    "firsts": "first"
}

_WORD_TOKEN_SRC: Final = r"""(?:
    (?:{negative_signs}) (?= \s+ [^\W\d_])        # a sign word before a word; "minus 5" is read as digits
  | of (?= \s+ an? \s+ (?: {scales} ) \b )       # "two thirds of a million"
  | an? (?= [\s-]+ (?: {after_a} ) \b )         # "a" only before a scale or fraction word ...
  | an? (?= \s+ (?: {tens} ) [\s-]+ (?: {ordinals} ) \b )   # ... or a compound ordinal: "a twenty-first"
  | point (?= \s+ (?: {digit_words} ) \b )      # "two hundred point zero three"
  | {tokens}
)"""

_WORDS_SRC: Final = r"""
(?<! [\w-] )
(?P<words>
    {token}
    (?:
        (?: \s* - \s* | \s+ and \s+ | \s+ & \s+ | \s+           # twenty-three, a hundred and two
          | ,\ (?= \w+ \s (?i:{scales_after_comma}) ) )   # three million, two hundred
        {token}
    ){{0,24}}                                     # a number in words is short: bounded, so scans stay linear
)
(?! \w )
"""

_TOKEN: Final = _WORD_TOKEN_SRC.format(
    negative_signs=alternation(NEGATIVE_SIGNS),
    after_a=alternation([*SCALES, *ORDINALS, *_ORDINAL_PLURALS, *FRACTION_WORDS]),
    tokens=alternation([*CARDINALS, *SCALES, *ORDINALS, *_ORDINAL_PLURALS, *_COMPOUND_PLURALS, *FRACTION_WORDS]),
    digit_words=alternation([w for w, v in CARDINALS.items() if v < 100]),
    scales=alternation([w for w, v in SCALES.items() if v >= 1000]),
    tens=alternation([w for w, v in CARDINALS.items() if v >= 20]),
    ordinals=alternation([*ORDINALS, *_ORDINAL_PLURALS]),
)
# A run of number words, group "words"; matched case-insensitively.
WORDS_SOURCE: Final = _WORDS_SRC.format(token=_TOKEN, scales_after_comma=alternation(SCALES_AFTER_COMMA))
WORDS_ONLY: Final = regex.compile("(?i:" + WORDS_SOURCE + ")", regex.VERBOSE)
_HYPHEN_WORD: Final = regex.compile(r"\s*-\s*(?=[^\W\d_])")
_WORD_SPLIT: Final = regex.compile(r"[\w]+|&", regex.VERBOSE)
_NEXT_WORD: Final = regex.compile(r"\s+(?P<word>\p{Ll}[\p{L}-]*)")


@dataclass(frozen=True, slots=True)
class _WordParse:
    value: Decimal
    kind: NumberKind
    n_tokens: int  # how many tokens of the candidate were used


def _ordinal_phrase(tokens: list[str]) -> tuple[Decimal, bool, int] | None:
    """The ordinal phrase that starts ``tokens`` ("twenty fifth", "one hundred and fifth", "twenty firsts"):
    its value, whether it is plural, and how many tokens it uses; None when the tokens do not start with one."""
    for j, tok in enumerate(tokens[:8]):  # an ordinal phrase is short
        singular = _SINGULAR_OF_PLURAL.get(tok)
        if singular is None and tok not in ORDINALS:
            continue
        if tok in _COMPOUND_PLURALS and j == 0:
            return None  # "firsts" is a plural ordinal only in a compound: "twenty-firsts"
        parsed = _parse_word_tokens([*tokens[:j], singular or tok])
        if parsed is None or parsed.kind != "ordinal" or parsed.n_tokens != j + 1:
            return None
        return parsed.value, singular is not None, j + 1
    return None


def _fraction_tail(tokens: list[str], i: int, numerator: Decimal, sign: Decimal) -> _WordParse | None:
    """A spoken fraction whose denominator is the ordinal phrase at ``tokens[i]``: a plural after any numerator
    ("three twenty-firsts", "twenty twenty fifths"), a singular after one ("one twenty-fifth", "a twenty-first",
    "one one hundred and fifth")."""
    phrase = _ordinal_phrase(tokens[i:])
    if phrase is None:
        return None
    den, plural, n = phrase
    if not plural and numerator != 1:
        return None
    return _WordParse(sign * numerator / den, "fraction", i + n)


def _parse_word_tokens(tokens: list[str]) -> _WordParse | None:
    """Read number-word tokens (lower case) as far as they make one number; None when the first does not."""
    total = Decimal(0)
    group = Decimal(0)
    since_hundred = Decimal(0)  # the part of the group written after its "hundred": "three hundred and two"
    tens = Decimal(0)  # the value of the last tens word: "one hundred thirty-fifths" is 100/35
    sign = Decimal(1)
    seen = False  # a number word was read
    last = ""  # the class of the previous token: unit, teen, tens, hundred, scale, and, frac
    last_scale = Decimal("Infinity")
    last_added = Decimal(0)  # the total after the last scale word
    used = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in NEGATIVE_SIGNS and i == 0:
            sign = Decimal(-1)
        elif tok in ("a", "an"):
            if nxt in SCALES or nxt in FRACTION_WORDS or nxt in ORDINALS:
                if seen and last != "and":
                    break
                group += 1 if last != "and" else 0
                if last == "and":  # "one and a half": the "a" only introduces the fraction
                    i += 1
                    used = i
                    last = "a_frac"
                    continue
                seen = True
                last = "unit"
            elif not seen and nxt in CARDINALS:
                return _fraction_tail(tokens, i + 1, Decimal(1), sign)  # "a twenty-first"
            else:
                break
        elif tok == "point":
            decimals = _decimal_digits(tokens[i + 1 :])
            if not seen or last not in ("unit", "tens", "teen", "hundred", "scale") or decimals is None:
                break
            digits, n = decimals
            value = total + group + Decimal("0." + digits)
            return _WordParse(sign * value, "cardinal", i + 1 + n)
        elif tok == "and" or tok == "&":
            if not seen or last not in ("hundred", "scale", "unit", "tens", "teen"):
                break
            # a fraction is at most a few words: "a half", "fifty-four hundredths", "three quarters"
            part = _parse_word_tokens(tokens[i + 1 : i + 6]) if i + 1 < len(tokens) else None
            if part is not None and part.kind == "fraction" and 0 < part.value < 1:
                # a mixed number: "one and a half", "forty two and a third", "one million and a half"
                whole = total + group + (part.value * last_scale if last == "scale" else part.value)
                return _WordParse(sign * whole, "cardinal", i + 1 + part.n_tokens)
            if (nxt in CARDINALS or nxt in ORDINALS) and last in ("hundred", "scale"):
                last = "and"  # "a hundred and two", "the one hundred and fifth day"
                i += 1
                continue  # "and" is used only if what follows is
            if nxt in ("a", "an") and i + 2 < len(tokens) and tokens[i + 2] in FRACTION_WORDS:
                last = "and"
                i += 1
                continue
            break
        elif tok in CARDINALS:
            v = CARDINALS[tok]
            if seen and (
                last in ("unit", "teen")
                or (last == "tens" and not (0 < v < 10))
                or (last == "hundred" and v >= 100)
            ):
                # "one twenty-fifth", "three twenty-firsts": the rest is the denominator of a fraction
                fraction = _fraction_tail(tokens, i, total + group, sign)
                if fraction is not None:
                    return fraction
                break
            group += v
            since_hundred += v
            tens = v if v >= 20 and last != "and" else Decimal(0)  # "one hundred and thirty fifths" is 130/5
            last = "tens" if v >= 20 else ("teen" if v >= 10 else "unit")
            seen = True
        elif tok in SCALES:
            s = SCALES[tok]
            if not seen and tok in AFTER_NUMBER_SCALES:
                break  # "dozens", "hundreds" alone are vague; "Doz" alone is a name
            if s < 1000:  # hundred, dozen: multiply the current group
                if last in ("hundred",):
                    break
                if s < 100 and since_hundred and group != since_hundred:
                    group += since_hundred * (s - 1)  # "three hundred and two dozens": 300 + 2 x 12
                else:
                    group = (group if group else Decimal(1)) * s
                last = "hundred"
            elif last == "scale" and group == 0:
                if not (s > last_scale and total == last_added):
                    break
                total *= s  # "three lakh crore": a larger scale right after a smaller one multiplies it
                last_scale *= s
            else:
                if s >= last_scale:
                    break
                total += (group if group else Decimal(1)) * s
                group = Decimal(0)
                last_scale = s
                last = "scale"
            last_added = total
            since_hundred = Decimal(0)
            seen = True
        elif tok in FRACTION_WORDS and tok not in ("halves", "quarters"):
            den = FRACTION_WORDS[tok]
            if last == "a_frac":  # "one and a half"
                group += 1 / den
                last = "frac"
            elif not seen and nxt in ("a", "an") and i + 2 < len(tokens) and tokens[i + 2] in SCALES:
                # "half a million"
                s = SCALES[tokens[i + 2]]
                return _WordParse(sign * s / den, "cardinal", i + 3)
            elif nxt in SCALES and SCALES[nxt] >= 1000 and (not seen or (group == 1 and total == 0)):
                return _WordParse(
                    sign * SCALES[nxt] / den, "cardinal", i + 2
                )  # "half million", "a quarter million"
            elif seen and last == "unit" and group == 1 and total == 0:
                return _WordParse(sign / den, "fraction", i + 1)  # "a half", "one quarter"
            elif not seen:
                return _WordParse(sign / den, "fraction", i + 1)  # "half"
            else:
                break
        elif tok in _ORDINAL_PLURALS or tok in ORDINALS or (tok in _COMPOUND_PLURALS and last == "tens"):
            plural = tok not in ORDINALS
            den = _ORDINAL_PLURALS.get(tok) or _COMPOUND_PLURALS.get(tok) or ORDINALS[tok]
            numerator = total + group
            if last == "a_frac":  # "two and a third"
                return _WordParse(sign * (numerator + 1 / den), "fraction", i + 1)
            if plural and seen:
                if last == "tens" and den < 10 and numerator > tens > 0:  # "one hundred thirty-fifths": 100/35
                    return _WordParse(sign * (numerator - tens) / (tens + den), "fraction", i + 1)
                scale = _scale_of_fraction(tokens[i + 1 : i + 4])
                if scale is not None:  # "three quarters billion", "two thirds of a million"
                    s, n = scale
                    if s >= last_scale:
                        break
                    return _WordParse(sign * (total + group / den * s), "cardinal", i + 1 + n)
                return _WordParse(sign * numerator / den, "fraction", i + 1)
            if plural:
                break
            if seen and numerator == 1 and last == "unit" and tok not in ("first", "second"):
                return _WordParse(sign / den, "fraction", i + 1)  # "one sixth", "a third"
            if seen and ((last == "tens" and den < 10) or last in ("hundred", "scale", "and")):
                return _WordParse(numerator + den, "ordinal", i + 1)  # "twenty-first"
            if seen:
                break
            return _WordParse(den, "ordinal", i + 1)
        else:
            break
        i += 1
        used = i
        if last == "frac":
            continue
    if not seen or (used == 1 and tokens[0] in ("a", "an")):
        return None  # "a" alone is an article
    return _WordParse(sign * (total + group), "cardinal", used)


def _scale_of_fraction(tokens: list[str]) -> tuple[Decimal, int] | None:
    """The scale a plural fraction applies to: "billion" in "three quarters billion", "of a million"; tokens used."""
    if tokens and tokens[0] in SCALES and SCALES[tokens[0]] >= 1000:
        return SCALES[tokens[0]], 1
    if tokens[:1] == ["of"] and len(tokens) >= 3 and tokens[1] in ("a", "an") and SCALES.get(tokens[2], 0) >= 1000:
        return SCALES[tokens[2]], 3
    return None


def _decimal_digits(tokens: list[str]) -> tuple[str, int] | None:
    """The digits spoken after "point" ("zero three" -> "03", "seventy-one" -> "71"), and tokens used."""
    digits = ""
    i = 0
    while i < len(tokens) and tokens[i] in CARDINALS and CARDINALS[tokens[i]] < 100:
        v = int(CARDINALS[tokens[i]])
        if v >= 20 and v % 10 == 0 and i + 1 < len(tokens) and 0 < CARDINALS.get(tokens[i + 1], 10) < 10:
            v += int(CARDINALS[tokens[i + 1]])
            i += 1
        digits += str(v)
        i += 1
    return (digits, i) if digits else None


def word_number(text: str, start: int, end: int) -> Number | None:
    """Read the number words in ``text[start:end]``; the atom may end before ``end``."""
    toks = [(m.group().lower(), m.start(), m.end()) for m in _WORD_SPLIT.finditer(text, start, end)]
    parsed = _parse_word_tokens([t for t, _, _ in toks])
    if parsed is None or parsed.n_tokens == 0:
        return None
    atom_end = toks[parsed.n_tokens - 1][2]
    if parsed.kind == "fraction" and toks[0][0] in ("a", "an") and len(toks) > 1:
        following = _NEXT_WORD.match(text, atom_end)
        if text[atom_end : atom_end + 1] == "-" or (
            following and following["word"].lower() not in FRACTION_FOLLOWERS and toks[1][0] in ORDINALS
        ):
            # "an eighth-round decision", "a third term", "a fourth straight season": an ordinal
            return word_number(text, toks[1][1], end)
    value = tidy(parsed.value)
    prec = precision_of_value(value) if parsed.kind == "cardinal" else None
    return Number(
        start,
        atom_end,
        text[start:atom_end],
        value,
        None,
        prec,
        parsed.kind,
        "words",
        Decimal(1),
        False,
        "words_" + parsed.kind,
    )


def word_numbers(text: str, start: int, end: int) -> list[Number]:
    """The atoms of the run of number words ``text[start:end]``: one, or several joined by hyphens; [] for none."""
    atom = word_number(text, start, end)
    if atom is None:
        return []
    atoms = [atom]
    while hyphen := _HYPHEN_WORD.match(text, atoms[-1].end, end):
        # "three-nought-four": words joined by hyphens that make no one number are read one by one
        following = word_number(text, hyphen.end(), end)
        if following is None:
            break
        atoms.append(following)
    return atoms
