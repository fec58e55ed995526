"""Numbers in news text: digits, number words, fractions, ordinals, vague amounts and multiples.

:func:`scan_numbers` finds every number *atom* in a text, with its scale word when one follows ("1.7 million",
"$2.3 trillion" gives the atom "2.3 trillion"); units, qualifiers and ranges are the business of
:mod:`extract.grammar.quantities`. :func:`parse_number` reads one number written on its own.

Rules (also in ``docs/grammar.md``):

* Thousands separators: comma, dot-free space, thin and no-break space, apostrophe ("4,380", "50 000",
  "1'000'000"); a group separator must be followed by exactly three digits. The decimal mark is the dot.
* Scale words multiply: "1.7 million", "a million", "half a million", "one and a half billion", "12 mln",
  "$5bn". One-letter abbreviations ("m", "b", "T") are scales only right after a currency sign.
* Precision is half a unit of the last significant place, in the number's own scale: "1.7 million" is
  +/- 50,000; "21.3" is +/- 0.05. Trailing zeros of a whole number are *not* significant: "140,000" is
  +/- 5,000, "950" is +/- 5, "38" is +/- 0.5. Vague amounts have no precision.
* Ordinals ("ninth", "21st", "twenty-first") stay ordinals: kind ``ordinal``, never a fraction.
  A plural ordinal after a cardinal ("two thirds", "five eighths"), or a singular one after "one"/"a"
  ("a third", "one sixth"), is a fraction.
* Vague amounts have a lower bound and no value: "several" >= 3, "a few" >= 2, "dozens" >= 24, "scores of"
  >= 40, "hundreds" >= 200, "thousands" >= 2,000, "tens of thousands" >= 20,000, "several hundred" >= 300
  (the lexicon ``numbers_vague.toml`` holds the bounds).
* Multiples by themselves: "twice" = 2, "threefold" = 3, "doubled" = 2, "halved" = 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final, Literal

import regex

from extract.errors import ClaimsError
from extract.lexicons import alternation, load_toml

__all__ = [
    "Number",
    "NumberKind",
    "NumberParseError",
    "parse_number",
    "precision_of",
    "scale_after",
    "scan_numbers",
    "tidy",
]

NumberKind = Literal["cardinal", "ordinal", "fraction", "vague", "multiple"]


class NumberParseError(ClaimsError, ValueError):
    """A string given to :func:`parse_number` is not one number."""


@dataclass(frozen=True, slots=True)
class Number:
    """One number atom: ``text[start:end]`` is its surface, scale word included."""

    start: int
    end: int
    surface: str
    value: Decimal | None  # None only for vague amounts
    low: Decimal | None  # the lower bound of a vague amount, else None
    precision: Decimal | None
    kind: NumberKind
    style: Literal["digits", "words"]
    scale: Decimal  # 1 unless a scale word or abbreviation followed ("million" -> 1000000)
    money_scale: bool  # True when the scale is a one-letter abbreviation only valid after a currency sign
    rule: str
    bare_end: int = -1  # where the number ends without its scale word (-1: same as end)

    def without_scale(self) -> Number:
        """The same atom without its scale abbreviation ("5m" read as 5 when no currency sign precedes)."""
        if self.bare_end < 0 or self.scale == 1:
            return self
        precision = None if self.precision is None else tidy(self.precision / self.scale)
        value = None if self.value is None else tidy(self.value / self.scale)
        surface = self.surface[: self.bare_end - self.start]
        return Number(
            self.start,
            self.bare_end,
            surface,
            value,
            self.low,
            precision,
            self.kind,
            self.style,
            Decimal(1),
            False,
            "digits",
        )


def tidy(value: Decimal) -> Decimal:
    """``value`` without a needless exponent or trailing zeros: 1700000.0 -> 1700000, 5E+3 -> 5000."""
    try:
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
    except InvalidOperation:  # more digits than the context holds: keep the exponent
        pass
    return value.normalize()


_WORDS: Final = load_toml("numbers_words.toml")
_VAGUE: Final = load_toml("numbers_vague.toml")

CARDINALS: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _WORDS["cardinals"].items()}
# scales that count only after a number: "three dozens", "five hundreds", "3 dzs"
AFTER_NUMBER_SCALES: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _WORDS["scales_after_number"].items()}
SCALES: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _WORDS["scales"].items()} | AFTER_NUMBER_SCALES
ORDINALS: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _WORDS["ordinals"].items()}
FRACTION_WORDS: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _WORDS["fractions"].items()}
VULGAR: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _WORDS["vulgar_fractions"].items()}
MULTIPLES: Final[dict[str, Decimal]] = {k: Decimal(str(v)) for k, v in _VAGUE["multiples"].items()}
VAGUE: Final[dict[str, tuple[Decimal, bool]]] = {
    k: (Decimal(v["low"]), bool(v["needs_of"])) for k, v in _VAGUE["vague"].items()
}
VAGUE_SCALES: Final[dict[str, Decimal]] = {k: Decimal(v) for k, v in _VAGUE["vague_scales"].items()}

_ABBREV: Final[dict[str, tuple[Decimal, bool]]] = {}
for _entry in _WORDS["scale_abbreviations"].values():
    for _w in _entry["words"]:
        # a spelling listed both as money-only and as general keeps the general reading
        if _w not in _ABBREV or not _entry["money_only"]:
            _ABBREV[_w] = (Decimal(_entry["value"]), bool(_entry["money_only"]))
# "firsts" and "seconds" are no fractions on their own ("five seconds" is a duration); "firsts" is one in a
# compound ("three twenty-firsts")
_ORDINAL_PLURALS: Final[dict[str, Decimal]] = {
    k + "s": v for k, v in ORDINALS.items() if k not in ("first", "second")
}
_COMPOUND_PLURALS: Final[dict[str, Decimal]] = {"firsts": Decimal(1)}
_SINGULAR_OF_PLURAL: Final[dict[str, str]] = {k + "s": k for k in ORDINALS if k not in ("first", "second")} | {
    "firsts": "first"
}
_ORDINAL_PLURALS["halves"] = Decimal(2)
_ORDINAL_PLURALS["quarters"] = Decimal(4)
_SINGLE_LETTER_ABBREV: Final = [w for w in _ABBREV if len(w) == 1]
_LONG_ABBREV: Final = [w for w in _ABBREV if len(w) > 1]

_DIGITS_SRC: Final = r"""
(?P<sign_word> (?i: minus | negative ) \s+ (?= \d ) )?   # "minus 5"
(?P<sign> [-+−] (?=[.\d]) )?                    # a sign glued to the number; checked against context in code
(?: (?P<whole> \d{1,3} ) \s{1,2} (?= \d{1,2} / \d{1,2} (?! [/\d] ) ) )?   # the whole part of "2 1/2"
(?:
    (?P<int>
        \d{1,3} (?P<sep> [,\u2009\u202f\u00a0'’\ ] ) \d{3}   # a first group and a separator ...
        (?: (?P=sep) \d{3} )*                    # ... the same separator before every later group
        (?! \d | [,'’] \d )                      # and no dangling digit or group after
      | \d{1,2} (?: , \d\d )+ , \d{3} (?! \d | ,\d )  # Indian grouping: 12,34,567
      | \d+                                      # or plain digits
    )
    (?P<frac> \. \d+ )?                          # decimal part
  | (?P<dotfrac> \. \d+ )                        # ".5"
)
(?P<exp>
    [eE] [-+−]? \d+ (?! \w )                     # 4e14, 1e-3
  | \s? [x×] \s? (?P<base> \d{1,3} (?= \^ | \*\* ) | 10 )   # 2.48×10−5, 5.5x10-3, 8x2^10
    (?: \^ | \*\* )? (?P<base_pow> [-−]? \d{1,3} ) (?! \d )
)?
(?P<power> \^ (?P<pow_sign> [-+−]{0,2} ) (?P<pow> \d{1,3} ) (?! \d ) )?   # 1.1^23, 2.5^-1
(?P<vulgar_tail> [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒] )?                   # 2½
(?P<slash> / (?P<den> \d+ ) (?! [/\d] ) )?       # 3/4, 1/40 (not 6/1/2020)
"""

_SCALE_AFTER_SRC: Final = r"""
(?:
    (?: \s* - \s* | \s+ )? (?i: (?P<scale_word> {scale_words} ) ) (?! \w )   # 1.7 million, 2-million
    (?: \s+ (?i: (?P<scale_word2> {scale_words} ) ) (?! \w ) )?               # 3 lakh crore: checked in code
  | \s? (?P<long_abbrev> {long_abbrev} ) (?! [^\W\d_] )                         # 12 mln, 4.5bn
  | \ ? (?P<short_abbrev> {short_abbrev} ) (?! [^\W_] | \.\w )                 # 10M, 2.33 k, (after $) 5m, 5 m
)
"""

_WORD_TOKEN_SRC: Final = r"""(?:
    (?:minus|negative) (?= \s+ [^\W\d_])        # a sign word before a word; "minus 5" is read as digits
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
          | ,\ (?= \w+ \s (?i:hundred|thousand|million|billion) ) )   # three million, two hundred
        {token}
    ){{0,24}}                                     # a number in words is short: bounded, so scans stay linear
)
(?! \w )
"""

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


def _ialt(words: list[str] | dict[str, Decimal] | dict[str, tuple[Decimal, bool]]) -> str:
    return alternation(list(words))


_after_a = alternation([*SCALES, *ORDINALS, *_ORDINAL_PLURALS, *FRACTION_WORDS])
_token_alt = alternation([*CARDINALS, *SCALES, *ORDINALS, *_ORDINAL_PLURALS, *_COMPOUND_PLURALS, *FRACTION_WORDS])
_digit_words = alternation([w for w, v in CARDINALS.items() if v < 100])
_token = _WORD_TOKEN_SRC.format(
    after_a=_after_a,
    tokens=_token_alt,
    digit_words=_digit_words,
    scales=alternation([w for w, v in SCALES.items() if v >= 1000]),
    tens=alternation([w for w, v in CARDINALS.items() if v >= 20]),
    ordinals=alternation([*ORDINALS, *_ORDINAL_PLURALS]),
)

_MASTER_SRC: Final = (  # vague amounts, multiples, number words, digits, vulgar fractions
    "(?i:"
    + _VAGUE_SRC.format(vague_words=_ialt(VAGUE), vague_scales=_ialt(VAGUE_SCALES), scale_words=_ialt(SCALES))
    + ")|(?i:"
    + _MULTIPLE_SRC.format(multiples=_ialt(MULTIPLES), cardinal_words=_ialt(CARDINALS))
    + ")|(?i:"
    + _WORDS_SRC.format(token=_token)
    + r")|(?<! [\d.] | \d\. ) (?P<digits>"
    + _DIGITS_SRC
    + r")|(?P<vulgar> [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒] )"
)
# The master pattern: one scan over the text finds every number atom.
_MASTER: Final = regex.compile(_MASTER_SRC, regex.VERBOSE)
_SCALE_AFTER: Final = regex.compile(
    _SCALE_AFTER_SRC.format(
        scale_words=_ialt(SCALES), long_abbrev=_ialt(_LONG_ABBREV), short_abbrev=_ialt(_SINGLE_LETTER_ABBREV)
    ),
    regex.VERBOSE,
)
_AND_A_HALF: Final = regex.compile(
    r"\s+ and \s+ (?:a|one) \s+ (?P<frac> (?i: half | quarter ) ) \b", regex.VERBOSE | regex.IGNORECASE
)
_WORDS_ONLY: Final = regex.compile("(?i:" + _WORDS_SRC.format(token=_token) + ")", regex.VERBOSE)
_MIXED_TAIL_SRC: Final = r"""
    (?: \s{{1,2}} (?P<and> (?i: and ) | & ) )? \s{{1,2}}   # "4 thousand 3 hundred", "3 hundred and 21"
    (?:
        (?P<part> \d{{1,3}} ) (?! \w | [.,'’:/] \d | % )  # a small whole number ...
        (?: \s+ (?P<part_scale> (?i: {scale_words} ) ) (?! \w ) )?   # ... with its scale word, if any
      | (?= [^\W\d_] )                               # or a number in words: "6 crore and two hundred"
    )
"""
_MIXED_TAIL: Final = regex.compile(_MIXED_TAIL_SRC.format(scale_words=_ialt(SCALES)), regex.VERBOSE)
_BETWEEN_BEFORE: Final = regex.compile(r"(?i: \b between ) \s+ \Z", regex.VERBOSE)
_NUMBER_SPACE_BEFORE: Final = regex.compile(r"\d[ \t]{1,2}\Z")
_HYPHEN_WORD: Final = regex.compile(r"\s*-\s*(?=[^\W\d_])")
_ORDINAL_SUFFIX: Final = regex.compile(r"(?i: st | nd | rd | th ) (?! [^\W\d_] )", regex.VERBOSE)
_WORD_SPLIT: Final = regex.compile(r"[\w]+|&", regex.VERBOSE)


def precision_of(digits: str, scale: Decimal = Decimal(1)) -> Decimal:
    """Half a unit of the last significant place of a number written in ``digits`` (separators removed).

    >>> precision_of("1.7", Decimal(1000000))
    Decimal('5.0E+4')
    >>> precision_of("140000")
    Decimal('5E+3')
    """
    mantissa = digits.lstrip("+-−")
    if "." in mantissa:
        places = len(mantissa.split(".", 1)[1])
        return Decimal(5).scaleb(-places - 1) * scale
    stripped = mantissa.rstrip("0")
    zeros = len(mantissa) - len(stripped) if stripped else 0
    return Decimal(5).scaleb(zeros - 1) * scale


def _precision_of_value(value: Decimal) -> Decimal:
    """Precision of a number written in words: the trailing-zero rule applied to its value."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return precision_of(str(int(normal)))
    return precision_of(format(normal, "f"))


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
        if tok in ("minus", "negative") and i == 0:
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


# Words after "a third", "a quarter" that keep it a fraction ("a third of", "a quarter more", "by a third in");
# any other word after it is the noun an ordinal qualifies ("a third term").
_FRACTION_FOLLOWERS: Final = frozenset(
    [
        "of", "more", "less", "fewer", "as", "than", "to", "the", "and", "or", "in", "on", "at", "for", "from",
        "with", "that", "which", "this", "last", "since", "over", "between", "lower", "higher", "smaller",
        "larger", "bigger", "cheaper", "percent", "per", "a", "an", "its", "their", "his", "her",
    ]
)
_NEXT_WORD: Final = regex.compile(r"\s+(?P<word>\p{Ll}[\p{L}-]*)")


def _word_number(text: str, start: int, end: int) -> Number | None:
    """Read the number words in ``text[start:end]``; the atom may end before ``end``."""
    toks = [(m.group().lower(), m.start(), m.end()) for m in _WORD_SPLIT.finditer(text, start, end)]
    parsed = _parse_word_tokens([t for t, _, _ in toks])
    if parsed is None or parsed.n_tokens == 0:
        return None
    atom_end = toks[parsed.n_tokens - 1][2]
    if parsed.kind == "fraction" and toks[0][0] in ("a", "an") and len(toks) > 1:
        following = _NEXT_WORD.match(text, atom_end)
        if text[atom_end : atom_end + 1] == "-" or (
            following and following["word"].lower() not in _FRACTION_FOLLOWERS and toks[1][0] in ORDINALS
        ):
            # "an eighth-round decision", "a third term", "a fourth straight season": an ordinal
            return _word_number(text, toks[1][1], end)
    value = tidy(parsed.value)
    prec = _precision_of_value(value) if parsed.kind == "cardinal" else None
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


def _digits_value(m: regex.Match[str]) -> tuple[Decimal, str]:
    """The value of a digits match, and its digits with separators removed (for the precision rule)."""
    if m.group("dotfrac"):
        digits = "0" + m.group("dotfrac")
    else:
        digits = regex.sub(r"[^\d]", "", m.group("int")) + (m.group("frac") or "")
    sign = m.group("sign")
    value = Decimal(digits)
    if sign in ("-", "−") or m.group("sign_word"):
        value = -value
    return value, digits


def _is_small_whole(m: regex.Match[str]) -> bool:
    """True when a digits match is a bare whole number of one to three digits ("4", "21", "300")."""
    return bool(m.group("int")) and len(m.group("int")) <= 3 and m.group("int").isdigit() and not m.group("frac")


def _mixed_tail(text: str, start: int, pos: int, scale: Decimal) -> tuple[Decimal, int] | None:
    """What a number in digits and a scale word ending at ``pos`` continues with ("4 thousand 3 hundred and 21",
    "3 hundred and one", "6 crore and two hundred"): the amount added and where it ends, or None.

    Each part must be smaller than the scale before it; a part without a scale word needs "and" after "hundred"
    before it ("4 thousand 3 hundred and 21", but "5 million 20 years" and "5 million and two" are two numbers).
    After "between" an "and" opens the second end of a range, never a part.
    """
    added = Decimal(0)
    end = pos
    allow_and = _BETWEEN_BEFORE.search(text, max(0, start - 12), start) is None
    while True:
        t = _MIXED_TAIL.match(text, end)
        if t is None or (t.group("and") and not allow_and):
            break
        if t.group("part"):
            v = Decimal(t.group("part"))
            part_scale = SCALES[t.group("part_scale").lower()] if t.group("part_scale") else None
            if part_scale is not None and v > 0 and part_scale < scale and v * part_scale < scale:
                added, end, scale = added + v * part_scale, t.end(), part_scale
                continue  # "4 thousand 3 hundred ..."
            if part_scale is None and t.group("and") and 0 < v < scale < 1000:
                added, end = added + v, t.end()  # "... and 21"
            break
        words = _WORDS_ONLY.match(text, t.end())
        atom = _word_number(text, words.start("words"), words.end("words")) if words else None
        if atom is None or atom.kind != "cardinal" or atom.value is None or not 0 < atom.value < scale:
            break
        last_word = atom.surface.split()[-1].lower()
        if (t.group("and") and scale < 1000) or last_word in SCALES:  # "... hundred and one", "... two hundred"
            added, end = added + atom.value, atom.end
        break
    return (added, end) if end > pos else None


def _digits_number(text: str, m: regex.Match[str]) -> Number | None:
    value, digits = _digits_value(m)
    start, end = m.start(), m.end()
    if m.group("sign") and start > 0 and (text[start - 1].isalnum() or text[start - 1] in ")]"):
        start, value = start + 1, abs(value)  # "COVID-19", "5-10": a hyphen, not a sign
    elif m.group("sign") == "-" and _NUMBER_SPACE_BEFORE.search(text, max(0, start - 3), start):
        start, value = start + 1, abs(value)  # "75 -300mm": a hyphen between two numbers, not a sign
    exp = m.group("exp")
    den = m.group("den")
    rule = "digits"
    kind: NumberKind = "cardinal"
    prec: Decimal | None = precision_of(digits)
    if exp:
        if m.group("base"):  # 2.48×10−5, 8x2^10
            value = value * Decimal(m.group("base")) ** int(m.group("base_pow").replace("−", "-"))
        else:  # 4e14
            value = value.scaleb(int(exp[1:].replace("−", "-")))
        prec = None
        rule = "digits_exponent"
    if den is not None:
        if int(den) == 0:
            return None
        value = value / Decimal(den)
        kind, prec, rule = "fraction", None, "digits_fraction"
        if m.group("whole"):  # a mixed number: "2 1/2"
            value += Decimal(m.group("whole"))
    elif m.group("power"):
        minus = m.group("pow_sign").count("-") + m.group("pow_sign").count("−") == 1
        exponent = -int(m.group("pow")) if minus else int(m.group("pow"))
        value = abs(value) ** exponent * (-1 if value < 0 else 1)
        prec, rule = None, "digits_power"
    elif m.group("vulgar_tail"):
        value += VULGAR[m.group("vulgar_tail")]
        prec, rule = None, "digits_vulgar"
    value = tidy(value)
    prec = None if prec is None else tidy(prec)
    suffix = _ORDINAL_SUFFIX.match(text, end)
    if suffix and den is None and not exp and not m.group("frac"):
        return Number(
            start,
            suffix.end(),
            text[start : suffix.end()],
            value,
            None,
            None,
            "ordinal",
            "digits",
            Decimal(1),
            False,
            "digits_ordinal",
        )
    scale = Decimal(1)
    money_scale = False
    sm = _SCALE_AFTER.match(text, end) if den is None and not exp else None
    if sm:
        word = sm.group("scale_word")
        scale_end = sm.end()
        if word:
            scale = SCALES[word.lower()]
            word2 = sm.group("scale_word2")
            if word2 and SCALES[word2.lower()] > scale:
                scale *= SCALES[word2.lower()]  # "3 lakh crore"
            else:
                scale_end = sm.end("scale_word")
        else:
            abbrev = sm.group("long_abbrev") or sm.group("short_abbrev")
            scale, money_scale = _ABBREV[abbrev]
        bare_end = end
        end = scale_end
        value = value * scale
        half = _AND_A_HALF.match(text, end) if sm.group("scale_word") else None
        if half is not None:  # "3 million and a half"
            value += scale / FRACTION_WORDS[half.group("frac").lower()]
            end = half.end()
        value = tidy(value)
        prec = None if prec is None else tidy(prec * scale)
        mixed = _mixed_tail(text, start, end, scale) if word and half is None and _is_small_whole(m) else None
        if mixed is not None:  # "4 thousand 3 hundred and 21", "6 crore and two hundred"
            value, end = tidy(value + mixed[0]), mixed[1]
            return Number(
                start, end, text[start:end], value, None, _precision_of_value(value), kind, "digits",
                Decimal(1), False, "digits_mixed",
            )
        return Number(
            start,
            end,
            text[start:end],
            value,
            None,
            prec,
            kind,
            "digits",
            scale,
            money_scale,
            "digits_scaled",
            bare_end,
        )
    return Number(start, end, text[start:end], value, None, prec, kind, "digits", scale, money_scale, rule)


def scale_after(text: str, pos: int) -> bool:
    """True when a scale word or an abbreviation valid without a currency sign follows ``pos`` ("2000 million",
    "1500 bn", "10 M"); "b", "m" and "T" alone, scales only after a currency sign, do not count."""
    sm = _SCALE_AFTER.match(text, pos)
    if sm is None:
        return False
    abbrev = sm.group("long_abbrev") or sm.group("short_abbrev")
    return abbrev is None or not _ABBREV[abbrev][1]


def _vague_number(m: regex.Match[str]) -> Number | None:
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


def scan_numbers(text: str) -> list[Number]:
    """Every number atom in ``text``, left to right, not overlapping."""
    out: list[Number] = []
    pos = 0
    while True:
        m = _MASTER.search(text, pos)
        if m is None:
            return out
        atom: Number | None
        if m.group("vague") is not None:
            atom = _vague_number(m)
        elif m.group("multiple") is not None:
            fold = m.group("fold_num")
            value = CARDINALS[fold.lower()] if fold else MULTIPLES[m.group("multiple").lower()]
            atom = Number(
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
        elif m.group("words") is not None:
            atom = _word_number(text, m.start("words"), m.end("words"))
            while atom is not None and (hyphen := _HYPHEN_WORD.match(text, atom.end, m.end("words"))):
                # "three-nought-four": words joined by hyphens that make no one number are read one by one
                following = _word_number(text, hyphen.end(), m.end("words"))
                if following is None:
                    break
                out.append(atom)
                atom = following
        elif m.group("digits") is not None:
            atom = _digits_number(text, m)
        else:
            v = VULGAR[m.group("vulgar")]
            atom = Number(
                m.start(),
                m.end(),
                m.group(),
                v,
                None,
                None,
                "fraction",
                "digits",
                Decimal(1),
                False,
                "vulgar",
            )
        if atom is None:
            pos = m.end() if m.group("digits") is not None else m.start() + 1
            continue
        out.append(atom)
        pos = max(atom.end, m.start() + 1)


def parse_number(surface: str) -> Decimal:
    """The value of one number written on its own: "4,380", "1.7 million", "twenty-three", "half a million".

    >>> parse_number("one and a half")
    Decimal('1.5')
    """
    stripped = surface.strip()
    atoms = scan_numbers(stripped)
    if len(atoms) != 1 or atoms[0].start != 0 or atoms[0].end != len(stripped) or atoms[0].value is None:
        raise NumberParseError(f"not one number: {surface!r}")
    try:
        return atoms[0].value
    except InvalidOperation as exc:  # pragma: no cover - Decimal arithmetic on parsed digits is exact
        raise NumberParseError(f"not one number: {surface!r}") from exc
