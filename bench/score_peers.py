"""Score the quantity grammar against the peers' own test suites.

Suites (read at run time from ``../shared/peers/``, never copied into this repository):

* quantulum3 ``quantities.json`` and ``quantities.ambiguity.json`` (MIT, nielstron/quantulum3);
* Recognizers-Text English ``NumberModel``, ``PercentModel``, ``CurrencyModel`` and ``DimensionModel``
  (MIT, microsoft/Recognizers-Text).

Every expected quantity with a numeric value is one item. An item *agrees* when one of our quantities
overlaps the peer's span and carries the same value (relative tolerance 1e-6; for a range, either end;
for a change, either end or its size). ``raw`` is agreement over all items; ``adjusted`` leaves out the
items listed in ``bench/peer_exclusions.toml``, where the peer's expectation contradicts our documented
semantics (a year, a date, a code, an averaged range, a word misread as a unit ...), each with its reason.
quantulum3's ``errors.json`` is run
too: it must not raise.

Usage: ``python bench/score_peers.py [--misses SUITE]``; prints one line per suite.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PEERS = SHARED / "peers"
EXCLUSIONS = ROOT / "bench" / "peer_exclusions.toml"
sys.path.insert(0, str(ROOT))

from extract.grammar.quantities import Quantity, find_quantities  # noqa: E402

SUITES = {
    "quantulum3/quantities.json": "quantulum3",
    "quantulum3/quantities.ambiguity.json": "quantulum3",
    "recognizers-text/Number/NumberModel.json": "rt",
    "recognizers-text/Number/PercentModel.json": "rt",
    "recognizers-text/NumberWithUnit/CurrencyModel.json": "rt",
    "recognizers-text/NumberWithUnit/DimensionModel.json": "rt",
}
TARGET_RAW = Decimal("0.80")
TARGET_ADJUSTED = Decimal("0.95")


@dataclass(frozen=True, slots=True)
class Item:
    """One expected quantity of a peer suite."""

    suite: str
    text: str
    surface: str
    start: int  # -1 when the peer's surface cannot be found in the text
    end: int
    value: Decimal


@dataclass(frozen=True, slots=True)
class Score:
    """Agreement on one suite."""

    suite: str
    items: int
    agreed: int
    excluded: int
    agreed_after_exclusion: int
    misses: tuple[Item, ...]

    @property
    def raw(self) -> Decimal:
        return Decimal(self.agreed) / Decimal(self.items) if self.items else Decimal(1)

    @property
    def adjusted(self) -> Decimal:
        kept = self.items - self.excluded
        return Decimal(self.agreed_after_exclusion) / Decimal(kept) if kept else Decimal(1)


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    text = str(value).strip().rstrip("%")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _items(suite: str) -> Iterator[Item]:
    cases = json.loads((PEERS / suite).read_text(encoding="utf-8"))
    for case in cases:
        if SUITES[suite] == "quantulum3":
            text = case["req"]
            for res in case["res"]:
                value = _decimal(res.get("value"))
                if value is None:
                    continue
                start = text.find(res["surface"])
                end = start + len(res["surface"]) if start >= 0 else -1
                yield Item(suite, text, res["surface"], start, end, value)
        else:
            text = case["Input"]
            for res in case.get("Results", []):
                value = _decimal((res.get("Resolution") or {}).get("value"))
                if value is None:
                    continue
                start = int(res.get("Start", -1))
                end = int(res.get("End", -2)) + 1
                yield Item(suite, text, res["Text"], start, end, value)


def _close(a: Decimal, b: Decimal) -> bool:
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= scale * Decimal("1e-6")


def _values(q: Quantity) -> list[Decimal]:
    values = [v for v in (q.value, q.base_value) if v is not None]  # base value: "30 MUSD" is 30000000 USD
    if q.range is not None:
        values += [q.range.low, q.range.high]
    if q.change is not None:
        values += [v for v in (q.change.from_value, q.change.to_value, q.change.by) if v is not None]
    return values


def agrees(item: Item, quantities: list[Quantity]) -> bool:
    """True when one of ``quantities`` overlaps the item's span and carries its value."""
    for q in quantities:
        overlap = item.start < 0 or (q.start < item.end and item.start < q.end)
        if overlap and any(_close(v, item.value) for v in _values(q)):
            return True
    return False


def load_exclusions() -> dict[tuple[str, str, str], str]:
    """(suite, text, surface) -> reason, from ``bench/peer_exclusions.toml``."""
    data = tomllib.loads(EXCLUSIONS.read_text(encoding="utf-8"))
    return {(e["suite"], e["text"], e["surface"]): e["reason"] for e in data.get("exclusion", [])}


def score(suite: str, exclusions: dict[tuple[str, str, str], str]) -> Score:
    """Agreement of the grammar with one peer suite."""
    items = list(_items(suite))
    cache: dict[str, list[Quantity]] = {}
    agreed = excluded = agreed_kept = 0
    misses = []
    for item in items:
        if item.text not in cache:
            cache[item.text] = find_quantities(item.text)
        ok = agrees(item, cache[item.text])
        agreed += ok
        if (suite, item.text, item.surface) in exclusions:
            excluded += 1
            continue
        agreed_kept += ok
        if not ok:
            misses.append(item)
    return Score(suite, len(items), agreed, excluded, agreed_kept, tuple(misses))


def run_errors() -> int:
    """Run quantulum3's errors.json; the number of strings that raised."""
    failures = 0
    for text in json.loads((PEERS / "quantulum3" / "errors.json").read_text(encoding="utf-8")):
        try:
            find_quantities(text)
        except Exception:
            failures += 1
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--misses", metavar="SUITE", help="list the unexcluded misses of suites containing SUITE"
    )
    args = parser.parse_args(argv)
    if not PEERS.is_dir():
        print(f"peer suites not found at {PEERS}", file=sys.stderr)
        return 2
    exclusions = load_exclusions()
    ok = True
    for suite in SUITES:
        s = score(suite, exclusions)
        ok &= s.raw >= TARGET_RAW and s.adjusted >= TARGET_ADJUSTED
        print(
            f"{suite:55s} items {s.items:4d}  raw {s.raw:6.1%} ({s.agreed})  "
            f"adjusted {s.adjusted:6.1%} ({s.agreed_after_exclusion}/{s.items - s.excluded})"
        )
        if args.misses and args.misses in suite:
            for m in s.misses:
                got = [(q.surface, str(q.value), q.unit) for q in find_quantities(m.text)]
                print(f"    MISS {m.surface!r} = {m.value} in {m.text[:160]!r}\n         got {got}")
    errors = run_errors()
    print(f"quantulum3/errors.json: {errors} crashes")
    return 0 if ok and errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
