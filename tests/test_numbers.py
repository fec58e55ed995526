"""Numbers: every supported style parses back to its value (property tests), and the documented rules hold."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.grammar.numbers import NumberParseError, parse_number, precision_of, scan_numbers

WORDS_UNDER_20 = (
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
)
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 ("three hundred and twenty-one thousand ...")."""
    if n < 20:
        return WORDS_UNDER_20[n]
    if n < 100:
        return TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + WORDS_UNDER_20[n % 10])
    if n < 1000:
        rest = n % 100
        return WORDS_UNDER_20[n // 100] + " hundred" + ("" if rest == 0 else " and " + in_words(rest))
    rest = n % 1000
    return in_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + in_words(rest))


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=999_999))
def test_words_parse_back(n: int) -> None:
    assert parse_number(in_words(n)) == n


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", " ", "\u2009", "\u202f", "'"]))
def test_grouped_digits_parse_back(n: int, sep: str) -> None:
    assert parse_number(grouped(n, sep)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_parse_back(d: Decimal) -> None:
    assert parse_number(f"{d:,f}") == d


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12)]),
)
def test_scale_words_parse_back(n: int, scale: tuple[str, int]) -> None:
    word, factor = scale
    assert parse_number(f"{n} {word}") == n * factor
    assert parse_number(f"{in_words(n)} {word}") == n * factor


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("twenty-three", "23"),
        ("Thirty-eight", "38"),
        ("a million", "1000000"),
        ("half a million", "500000"),
        ("one and a half", "1.5"),
        ("five and a half million", "5500000"),
        ("a hundred and two", "102"),
        ("three million, two hundred & forty", "3000240"),
        ("4,380", "4380"),
        ("50 000", "50000"),
        ("1.7 million", "1700000"),
        ("12 mln", "12000000"),
        ("4.5bn", "4500000000"),
        ("10K", "10000"),
        ("5 lakh", "500000"),
        ("2 crore", "20000000"),
        ("−12", "-12"),
        ("-0.5", "-0.5"),
        ("2.48×10−5", "0.0000248"),
        ("3/4", "0.75"),
        ("2 1/2", "2.5"),
        ("two-thirds", "0.6666666666666666666666666667"),
        ("a third", "0.3333333333333333333333333333"),
        ("nought point nought three", "0.03"),
        ("12,34,567", "1234567"),
        ("3 hundred and 21", "321"),
        ("4 thousand 3 hundred and 21", "4321"),
        ("6 crore and two hundred", "60000200"),
        ("three lakh crore", "3000000000000"),
        ("2 hundred thousand", "200000"),
        ("five hundreds", "500"),
        ("3 dzs", "36"),
        ("2.33 k", "2330"),
        ("8x2^10", "8192"),
        ("minus 5", "-5"),
        ("one twenty-fifth", "0.04"),
        ("twenty twenty fifths", "0.8"),
        ("one billion and three quarters million", "1000750000"),
    ],
)
def test_parse_number(surface: str, value: str) -> None:
    assert parse_number(surface) == Decimal(value)


@pytest.mark.parametrize("surface", ["", "hello", "one two", "1, 2", "a"])
def test_parse_number_rejects(surface: str) -> None:
    with pytest.raises(NumberParseError):
        parse_number(surface)


@pytest.mark.parametrize(
    ("text", "kind", "value", "low"),
    [
        ("Iran became the ninth member", "ordinal", "9", None),
        ("the 21st summit", "ordinal", "21", None),
        ("twenty-first", "ordinal", "21", None),
        ("the one hundred and fifth day", "ordinal", "105", None),
        ("several", "vague", None, "3"),
        ("dozens", "vague", None, "24"),
        ("scores of people", "vague", None, "40"),
        ("hundreds of people", "vague", None, "200"),
        ("tens of thousands", "vague", None, "20000"),
        ("several hundred", "vague", None, "300"),
        ("twice", "multiple", "2", None),
        ("threefold", "multiple", "3", None),
        ("halved", "multiple", "0.5", None),
    ],
)
def test_kinds(text: str, kind: str, value: str | None, low: str | None) -> None:
    (atom,) = scan_numbers(text)
    assert atom.kind == kind
    assert atom.value == (None if value is None else Decimal(value))
    assert atom.low == (None if low is None else Decimal(low))


@pytest.mark.parametrize(
    ("digits", "scale", "precision"),
    [("1.7", 10**6, "50000"), ("140000", 1, "5000"), ("950", 1, "5"), ("38", 1, "0.5"), ("21.3", 1, "0.05")],
)
def test_precision_rule(digits: str, scale: int, precision: str) -> None:
    assert precision_of(digits, Decimal(scale)) == Decimal(precision)


def test_scores_of_needs_of() -> None:
    assert scan_numbers("the test scores rose") == []
