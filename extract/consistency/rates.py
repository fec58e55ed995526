"""A dated exchange-rate table the user supplies, so that amounts in different currencies can be compared.

Currencies are dimensions of their own (``extract/lexicons/units.txt``): converting between them needs a rate
and a date, which the tool never guesses. A project may give a table, as CSV (UTF-8, a header line first):

    date,base,quote,rate
    2024-03-01,EUR,USD,1.0838
    2024-03-04,EUR,USD,1.0855

Each row says that on `date` (YYYY-MM-DD) one `base` was worth `rate` units of `quote`: 1 EUR = 1.0855 USD.
Codes are ISO 4217 codes of the currencies the extractor knows; a pair serves both ways (USD to EUR divides
by the EUR/USD rate), and two currencies without a pair of their own are converted through one currency both
have a rate against (EUR to GBP through USD). Columns may come in any order; other columns (a `source`, say)
are ignored; blank lines are skipped.

`RateTable.convert` picks, for a date, the latest rate on or before it, and refuses one older than the
claim's period allows (a rate from 2019 says little about 2024): it returns a `Conversion` naming the rates
used, or `NoRate` saying why none fits.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath
from typing import Final

import pint
import regex

from extract.errors import InputError
from extract.grammar.units import UREG

__all__ = ["COLUMNS", "Conversion", "NoRate", "Rate", "RateTable", "is_currency", "load_rates"]

COLUMNS: Final = ("date", "base", "quote", "rate")
ISO_DATE: Final = regex.compile(r"\d{4}-\d{2}-\d{2}")
CODE: Final = regex.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Rate:
    """One row of the table: on `day`, 1 `base` = `rate` `quote`; `line` is its line in the file."""

    day: date
    base: str
    quote: str
    rate: Decimal
    line: int

    def factor(self, source: str) -> Decimal:
        """What one unit of `source` (the base or the quote) is worth in the other currency."""
        return self.rate if source == self.base else 1 / self.rate

    def words(self, table: str) -> str:
        return f"1 {self.base} = {self.rate:f} {self.quote} ({table}:{self.line}, the rate of {self.day})"


@dataclass(frozen=True, slots=True)
class Conversion:
    """One unit of `source` is worth `factor` units of `target`, by the rates in `legs` (one, or two through a
    third currency), chosen for the date `on`."""

    source: str
    target: str
    factor: Decimal
    legs: tuple[Rate, ...]
    on: date
    table: str

    def words(self) -> str:
        """The rates as the table gives them: 1 EUR = 1.0855 USD (rates.csv:3, the rate of 2024-03-04)."""
        return " and ".join(leg.words(self.table) for leg in self.legs)


@dataclass(frozen=True, slots=True)
class NoRate:
    """Why the table cannot convert an amount, in words that finish "they are not compared: ..."."""

    reason: str


@dataclass(frozen=True, slots=True)
class RateTable:
    """The rates of one file, by pair of currencies (the pair's codes sorted), each pair's rates by date."""

    name: str  # the file as shown in messages and explanations
    by_pair: Mapping[tuple[str, str], tuple[Rate, ...]] = field(hash=False)

    def convert(self, source: str, target: str, on: date, since: date, max_age_days: int) -> Conversion | NoRate:
        """`source` to `target` at the latest rate on or before `on`, dated no earlier than `max_age_days` before
        `since` (the start of the claim's period; `on` is its end)."""
        earliest = since - timedelta(days=max_age_days)
        direct = self._latest(source, target, on, earliest, max_age_days)
        if isinstance(direct, Rate):
            return Conversion(source, target, direct.factor(source), (direct,), on, self.name)
        reasons = [direct] if self._pair(source, target) else []
        routes: list[tuple[str, Rate, Rate]] = []
        for via in sorted(self._partners(source) & self._partners(target)):
            into = self._latest(source, via, on, earliest, max_age_days)
            out = self._latest(via, target, on, earliest, max_age_days)
            if isinstance(into, NoRate):
                reasons.append(into)
            elif isinstance(out, NoRate):
                reasons.append(out)
            else:
                routes.append((via, into, out))
        if routes:
            # The freshest route: the one whose older rate is the most recent (a tie goes to the first currency).
            via, into, out = max(routes, key=lambda route: min(route[1].day, route[2].day))
            return Conversion(source, target, into.factor(source) * out.factor(via), (into, out), on, self.name)
        if reasons:
            return reasons[0]
        return NoRate(f"{self.name} has no rate between {source} and {target}, directly or through one other currency")

    def _pair(self, first: str, second: str) -> tuple[Rate, ...]:
        return self.by_pair.get((min(first, second), max(first, second)), ())

    def _partners(self, currency: str) -> set[str]:
        return {other for pair in self.by_pair if currency in pair for other in pair if other != currency}

    def _latest(self, first: str, second: str, on: date, earliest: date, max_age_days: int) -> Rate | NoRate:
        rates = self._pair(first, second)
        pair = f"{min(first, second)}/{max(first, second)}"
        before = [rate for rate in rates if rate.day <= on]
        if not rates:
            return NoRate(f"{self.name} has no {pair} rate")
        if not before:
            return NoRate(f"{self.name} has no {pair} rate on or before {on} (its first is of {rates[0].day})")
        latest = before[-1]
        if latest.day < earliest:
            return NoRate(
                f"the latest {pair} rate in {self.name} on or before {on} is of {latest.day}, more than "
                f"{max_age_days} days before the claim's date (exchange_rate_max_age_days)"
            )
        return latest


def is_currency(code: str) -> bool:
    """Whether `code` is a currency of the unit registry (a dimension [currency_CODE] of its own)."""
    if not CODE.fullmatch(code):
        return False
    try:
        return UREG.get_name(code) == code and str(UREG.get_dimensionality(code)) == f"[currency_{code}]"
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError, ValueError):
        return False


def load_rates(path: Path) -> RateTable:
    """The table in `path`; a malformed one is an `InputError` naming the file and the line."""
    name = _shown(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(name, "a directory, not an exchange-rate table") from None
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            name, f"not valid UTF-8 at byte offset {error.start} (byte 0x{data[error.start]:02x})"
        ) from None
    if not text.strip():
        raise InputError(name, f"empty exchange-rate table: expected the header {','.join(COLUMNS)} and rows")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [column.strip().lower() for column in next(reader)]
        missing = [column for column in COLUMNS if column not in header]
        if missing:
            raise InputError(
                f"{name}:1",
                f"the header lacks the column {missing[0]!r} (expected {','.join(COLUMNS)}; found "
                f"{','.join(header)})",
            )
        where = {column: header.index(column) for column in COLUMNS}
        rows: dict[tuple[str, str], list[Rate]] = defaultdict(list)
        seen: dict[tuple[date, str, str], int] = {}
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            if len(row) != len(header):
                raise InputError(f"{name}:{line}", f"row has {len(row)} fields, the header has {len(header)}")
            rate = _rate({column: row[index].strip() for column, index in where.items()}, f"{name}:{line}", line)
            pair = (min(rate.base, rate.quote), max(rate.base, rate.quote))
            first = seen.setdefault((rate.day, *pair), line)
            if first != line:
                raise InputError(
                    f"{name}:{line}", f"a second {pair[0]}/{pair[1]} rate for {rate.day} (the first is on line {first})"
                )
            rows[pair].append(rate)
    except csv.Error as error:
        raise InputError(f"{name}:{reader.line_num}", f"malformed CSV ({error})") from None
    if not rows:
        raise InputError(name, "empty exchange-rate table: a header and no rates")
    return RateTable(name, {pair: tuple(sorted(rates, key=lambda r: r.day)) for pair, rates in rows.items()})


def _rate(cells: Mapping[str, str], where: str, line: int) -> Rate:
    if not ISO_DATE.fullmatch(cells["date"]):
        raise InputError(where, f"bad date {cells['date']!r}: expected YYYY-MM-DD")
    try:
        day = date.fromisoformat(cells["date"])
    except ValueError:
        raise InputError(where, f"bad date {cells['date']!r}: no such day") from None
    codes = []
    for column in ("base", "quote"):
        code = cells[column].upper()
        if not is_currency(code):
            raise InputError(
                where,
                f"unknown currency code {cells[column]!r} in column {column!r} (the currencies are the ISO 4217 codes "
                "of extract/lexicons/units.txt)",
            )
        codes.append(code)
    if codes[0] == codes[1]:
        raise InputError(where, f"base and quote are both {codes[0]}")
    try:
        rate = Decimal(cells["rate"])
    except InvalidOperation:
        raise InputError(where, f"rate {cells['rate']!r} is not a number") from None
    if not rate.is_finite() or rate <= 0:
        raise InputError(where, f"rate {cells['rate']!r} is not a positive number")
    return Rate(day, codes[0], codes[1], rate, line)


def _shown(path: Path) -> str:
    """The path as given, made relative to the current directory when it lies under it, in POSIX form."""
    if path.is_absolute():
        with contextlib.suppress(ValueError):  # outside the current directory: keep it absolute
            path = path.relative_to(Path.cwd())
    return PurePosixPath(os.path.normpath(path).replace(os.sep, "/")).as_posix()
