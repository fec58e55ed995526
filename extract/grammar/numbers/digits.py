"""Numbers written in digits: grouped and decimal numbers, exponents, fractions, ordinals, and the scale word
or abbreviation after them ("4,380", "1.7 million", "$5bn", "2.48×10−5", "3/4", "21st", "4 thousand 3 hundred").

:data:`DIGITS_SOURCE` and :data:`VULGAR_SOURCE` are the patterns of a number in digits and of a lone vulgar
fraction, for the combined scan of the package; :func:`digits_number` and :func:`vulgar_number` read their
matches into atoms. :func:`scale_after` tells whether a scale follows a position.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

import regex

from extract.grammar.numbers.atom import Number, NumberKind, precision_of, precision_of_value, tidy
from extract.grammar.numbers.vocabulary import (
    FRACTION_WORDS,
    FRACTIONS_AFTER_SCALE,
    NEGATIVE_SIGNS,
    SCALE_ABBREVIATIONS,
    SCALES,
    VULGAR,
)
from extract.grammar.numbers.words import WORDS_ONLY, word_number
from extract.lexicons import alternation

__all__ = ["DIGITS_SOURCE", "VULGAR_SOURCE", "digits_number", "scale_after", "vulgar_number"]

_DIGITS_SRC: Final = r"""
(?P<sign_word> (?i: {negative_signs} ) \s+ (?= \d ) )?   # "minus 5"
(?P<sign> [-+−] (?=[.\d]) )?                    # a sign glued to the number; checked against context in code
(?: (?P<whole> \d{{1,3}} ) \s{{1,2}} (?= \d{{1,2}} / \d{{1,2}} (?! [/\d] ) ) )?   # the whole part of "2 1/2"
(?:
    (?P<int>
        \d{{1,3}} (?P<sep> [,\u2009\u202f\u00a0'’\ \u066c] ) \d{{3}}   # a first group and a separator ...
        (?: (?P=sep) \d{{3}} )*                    # ... the same separator before every later group
        (?! \d | [,'’] \d )                      # and no dangling digit or group after
      | \d{{1,2}} (?: , \d\d )+ , \d{{3}} (?! \d | ,\d )  # Indian grouping: 12,34,567
      | \d+                                      # or plain digits
    )
    (?P<frac> [.\u066b] \d+ )?                   # decimal part (U+066B: the Arabic decimal separator)
  | (?P<dotfrac> \. \d+ )                        # ".5"
)
(?P<exp>
    [eE] [-+−]? \d+ (?! \w )                     # 4e14, 1e-3
  | \s? [x×] \s? (?P<base> \d{{1,3}} (?= \^ | \*\* ) | 10 )   # 2.48×10−5, 5.5x10-3, 8x2^10
    (?: \^ | \*\* )? (?P<base_pow> [-−]? \d{{1,3}} ) (?! \d )
)?
(?P<power> \^ (?P<pow_sign> [-+−]{{0,2}} ) (?P<pow> \d{{1,3}} ) (?! \d ) )?   # 1.1^23, 2.5^-1
(?P<vulgar_tail> [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒] )?                   # 2½
(?P<slash> / (?P<den> \d+ ) (?! [/\d] ) )?       # 3/4, 1/40 (not 6/1/2020)
"""
# A number in digits, groups "sign_word" .. "den"; the combined scan names the whole "digits".
DIGITS_SOURCE: Final = _DIGITS_SRC.format(negative_signs=alternation(NEGATIVE_SIGNS))
# A vulgar fraction on its own: "½".
VULGAR_SOURCE: Final = r"(?P<vulgar> [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒] )"

_SCALE_AFTER_SRC: Final = r"""
(?:
    (?: \s* - \s* | \s+ )? (?i: (?P<scale_word> {scale_words} ) ) (?! \w )   # 1.7 million, 2-million
    (?: \s+ (?i: (?P<scale_word2> {scale_words} ) ) (?! \w ) )?               # 3 lakh crore: checked in code
  | \s? (?P<long_abbrev> {long_abbrev} ) (?! [^\W\d_] )                         # 12 mln, 4.5bn
  | \ ? (?P<short_abbrev> {short_abbrev} ) (?! [^\W_] | \.\w )                 # 10M, 2.33 k, (after $) 5m, 5 m
)
"""
_SCALE_AFTER: Final = regex.compile(
    _SCALE_AFTER_SRC.format(
        scale_words=alternation(SCALES),
        long_abbrev=alternation([w for w in SCALE_ABBREVIATIONS if len(w) > 1]),
        short_abbrev=alternation([w for w in SCALE_ABBREVIATIONS if len(w) == 1]),
    ),
    regex.VERBOSE,
)
_AND_A_FRACTION: Final = regex.compile(
    rf"\s+ and \s+ (?:a|one) \s+ (?P<frac> (?i: {alternation(FRACTIONS_AFTER_SCALE)} ) ) \b",
    regex.VERBOSE | regex.IGNORECASE,
)
_MIXED_TAIL_SRC: Final = r"""
    (?: \s{{1,2}} (?P<and> (?i: and ) | & ) )? \s{{1,2}}   # "4 thousand 3 hundred", "3 hundred and 21"
    (?:
        (?P<part> \d{{1,3}} ) (?! \w | [.,'’:/] \d | % )  # a small whole number ...
        (?: \s+ (?P<part_scale> (?i: {scale_words} ) ) (?! \w ) )?   # ... with its scale word, if any
      | (?= [^\W\d_] )                               # or a number in words: "6 crore and two hundred"
    )
"""
_MIXED_TAIL: Final = regex.compile(_MIXED_TAIL_SRC.format(scale_words=alternation(SCALES)), regex.VERBOSE)
_BETWEEN_BEFORE: Final = regex.compile(r"(?i: \b between ) \s+ \Z", regex.VERBOSE)
_NUMBER_SPACE_BEFORE: Final = regex.compile(r"\d[ \t]{1,2}\Z")
_ORDINAL_SUFFIX: Final = regex.compile(r"(?i: st | nd | rd | th ) (?! [^\W\d_] )", regex.VERBOSE)


def _digits_value(m: regex.Match[str]) -> tuple[Decimal, str] | None:
    """The value of a digits match, and its digits with separators removed (for the precision rule); None for
    digits Python's decimal module does not know (a script newer than its Unicode tables: U+10D40)."""
    if m.group("dotfrac"):
        digits = "0" + m.group("dotfrac")
    else:
        digits = regex.sub(r"[^\d]", "", m.group("int")) + (m.group("frac") or "").replace("\u066b", ".")
    sign = m.group("sign")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
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
        words = WORDS_ONLY.match(text, t.end())
        atom = word_number(text, words.start("words"), words.end("words")) if words else None
        if atom is None or atom.kind != "cardinal" or atom.value is None or not 0 < atom.value < scale:
            break
        last_word = atom.surface.split()[-1].lower()
        if (t.group("and") and scale < 1000) or last_word in SCALES:  # "... hundred and one", "... two hundred"
            added, end = added + atom.value, atom.end
        break
    return (added, end) if end > pos else None


def digits_number(text: str, m: regex.Match[str]) -> Number | None:
    """The atom of a match of :data:`DIGITS_SOURCE`, with the scale word or ordinal suffix after it; None when the
    match is no number ("1/0")."""
    read = _digits_value(m)
    if read is None:
        return None
    value, digits = read
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
            scale, money_scale = SCALE_ABBREVIATIONS[abbrev]
        bare_end = end
        end = scale_end
        value = value * scale
        fraction = _AND_A_FRACTION.match(text, end) if sm.group("scale_word") else None
        if fraction is not None:  # "3 million and a half"
            value += scale / FRACTION_WORDS[fraction.group("frac").lower()]
            end = fraction.end()
        value = tidy(value)
        prec = None if prec is None else tidy(prec * scale)
        mixed = _mixed_tail(text, start, end, scale) if word and fraction is None and _is_small_whole(m) else None
        if mixed is not None:  # "4 thousand 3 hundred and 21", "6 crore and two hundred"
            value, end = tidy(value + mixed[0]), mixed[1]
            return Number(
                start, end, text[start:end], value, None, precision_of_value(value), kind, "digits",
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


def vulgar_number(m: regex.Match[str]) -> Number:
    """The atom of a match of :data:`VULGAR_SOURCE`: "½" is the fraction 0.5."""
    return Number(
        m.start(),
        m.end(),
        m.group(),
        VULGAR[m.group("vulgar")],
        None,
        None,
        "fraction",
        "digits",
        Decimal(1),
        False,
        "vulgar",
    )


def scale_after(text: str, pos: int) -> bool:
    """True when a scale word or an abbreviation valid without a currency sign follows ``pos`` ("2000 million",
    "1500 bn", "10 M"); "b", "m" and "T" alone, scales only after a currency sign, do not count."""
    sm = _SCALE_AFTER.match(text, pos)
    if sm is None:
        return False
    abbrev = sm.group("long_abbrev") or sm.group("short_abbrev")
    return abbrev is None or not SCALE_ABBREVIATIONS[abbrev][1]
