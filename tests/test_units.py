"""Units: the registry, spellings after numbers, currency signs before them, counted nouns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.grammar.units import UREG, UnitError, counted_noun_after, currency_before, to_base, unit_after, unit_info


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("950 kilometers", "km"),
        ("520 km", "km"),
        ("4,380 kilometres", "km"),
        ("12 sq km", "km**2"),
        ("12 square kilometres", "km**2"),
        ("5 km2", "km**2"),
        ("300 hectares", "ha"),
        ("5 tonnes", "t"),
        ("5 tons", "t"),
        ("155 bcm", "bcm"),
        ("9 barrels", "bbl"),
        ("1,200 MW", "MW"),
        ("5 kWh", "kWh"),
        ("18-year", "year"),
        ("four decades", "decade"),
        ("21.3%", "percent"),
        ("12 percent", "percent"),
        ("5 per cent", "percent"),
        ("3 percentage points", "percentage_point"),
        ("16 times greater", "times"),
        ("10 dollars", "USD"),
        ("10 dlrs", "USD"),
        ("500 rubles", "RUB"),
        ("100 somoni", "TJS"),
        ("100 tenge", "KZT"),
        ("60 yuan", "CNY"),
        ("5km", "km"),
        ("10kg", "kg"),
    ],
)
def test_unit_after(text: str, canonical: str) -> None:
    found = unit_after(text, _digits_end(text))
    assert found is not None
    assert found.canonical == canonical
    assert text[found.start : found.end] == found.surface


def _digits_end(text: str) -> int:
    if text[0].isalpha():  # "four decades"
        return text.index(" ")
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] in ",."):
        i += 1
    return i


@pytest.mark.parametrize("text", ["5 G", "2 in", "3 a", "7 am"])
def test_not_units(text: str) -> None:
    assert unit_after(text, 1) is None


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₽", "RUB"), ("¥", "JPY"), ("USD ", "USD")],
)
def test_currency_before(text: str, canonical: str) -> None:
    found = currency_before(text, len(text))
    assert found is not None and found.canonical == canonical


@pytest.mark.parametrize(
    ("canonical", "dimension", "base_unit"),
    [
        ("km", "[length]", "meter"),
        ("km**2", "[length] ** 2", "meter ** 2"),
        ("USD", "[currency_USD]", "USD"),
        ("EUR", "[currency_EUR]", "EUR"),
        ("count", "[count]", "count"),
        ("percent", "[percent]", "percent"),
        ("times", "[multiple]", "times"),
        ("year", "[time]", "second"),
    ],
)
def test_unit_info(canonical: str, dimension: str, base_unit: str) -> None:
    info = unit_info(canonical)
    assert (info.dimension, info.base_unit) == (dimension, base_unit)


def test_to_base() -> None:
    assert to_base(Decimal(950), "km") == Decimal(950000)
    assert to_base(Decimal(2), "ha") == Decimal(20000)
    assert to_base(Decimal(4), "decade") == to_base(Decimal(40), "year")
    assert to_base(Decimal(50), "USD_cent") == Decimal("0.5")


def test_currencies_do_not_convert() -> None:
    assert unit_info("USD").dimension != unit_info("EUR").dimension


def test_unknown_unit() -> None:
    with pytest.raises(UnitError):
        unit_info("furlongs per fortnight")


def test_one_registry() -> None:
    assert UREG.Unit("bcm").dimensionality == UREG.Unit("meter ** 3").dimensionality


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (" citizens of", "citizens"),
        (" Tajikistani citizens", "citizens"),
        (" of mostly Chinese soldiers", "soldiers"),
        (" were injured", None),
        (" bayonets", "bayonets"),
    ],
)
def test_counted_noun_after(text: str, noun: str | None) -> None:
    found = counted_noun_after(text, 0)
    assert (found[0] if found else None) == noun
