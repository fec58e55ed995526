"""Score the fact table of the seed articles against the hand-annotated gold (tests/gold/seed_claims.csv).

A predicted fact matches a gold claim when their quotes overlap in the same file and value and unit agree
(vague amounts compare by their lower bound; durations in years; a fraction against a percent). Metric and
places are scored on the value+unit matches. Run: `python -m bench.seed_gold` (add `-v` for every miss).

The gold lists the claims written with a numeral or a number word; counts implied by words ("Soleimani was
killed": 1 killed, the fact table's `implicit` rows) were not annotated there and are left out of both sides here.
They are scored against the casualty gold (`python -m bench.score_casualty_gold`).
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from extract.ingest.articles import segment
from extract.ingest.documents import read_documents
from extract.readers.claims import facts_of_article
from extract.table.schema import Fact

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seed_claims.csv"
YEARS_PER = {"year": Decimal(1), "decade": Decimal(10), "month": Decimal(1) / 12, "century": Decimal(100)}


@dataclass(frozen=True, slots=True)
class GoldClaim:
    source: str
    start: int
    end: int
    quote: str
    value: Decimal
    unit: str
    metric: str
    places: frozenset[str]


@dataclass(frozen=True, slots=True)
class Scores:
    gold: int
    predicted: int
    matched_gold: int
    matched_predicted: int
    metric_agree: int
    places_agree: int
    missed: tuple[GoldClaim, ...]
    spurious: tuple[Fact, ...]
    metric_misses: tuple[tuple[GoldClaim, Fact], ...]
    places_misses: tuple[tuple[GoldClaim, Fact], ...]
    place_codes_shared: int
    place_codes_predicted: int
    place_codes_gold: int

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def metric_accuracy(self) -> float:
        return self.metric_agree / self.matched_gold if self.matched_gold else 0.0

    @property
    def places_accuracy(self) -> float:
        """Share of matched claims whose set of place codes is exactly the gold set."""
        return self.places_agree / self.matched_gold if self.matched_gold else 0.0

    @property
    def places_precision(self) -> float:
        """Place codes over all matched claims: share of predicted codes that the gold has."""
        return self.place_codes_shared / self.place_codes_predicted if self.place_codes_predicted else 0.0

    @property
    def places_recall(self) -> float:
        return self.place_codes_shared / self.place_codes_gold if self.place_codes_gold else 0.0


def gold_claims() -> list[GoldClaim]:
    texts: dict[str, str] = {}
    claims = []
    with GOLD.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            source = row["source"]
            text = texts.setdefault(source, (ROOT / source).read_text(encoding="utf-8"))
            context_at = text.index(row["context"])
            start = context_at + row["context"].index(row["quote"])
            claims.append(
                GoldClaim(
                    source=source,
                    start=start,
                    end=start + len(row["quote"]),
                    quote=row["quote"],
                    value=Decimal(row["value"]),
                    unit=row["unit"],
                    metric=row["metric"],
                    places=frozenset(filter(None, row["places"].split(";"))),
                )
            )
    return claims


def predicted_facts() -> list[Fact]:
    facts: list[Fact] = []
    for document in read_documents([str(ROOT / "seeds")]):
        for article in segment(document):
            facts.extend(fact for fact in facts_of_article(document, article) if not fact.implicit)
    return [_relative(fact) for fact in facts]


def _relative(fact: Fact) -> Fact:
    from dataclasses import replace

    source = Path(fact.source)
    if source.is_absolute():
        return replace(fact, source=source.relative_to(ROOT).as_posix())
    return fact


def _in_gold_units(value: Decimal, unit: str) -> tuple[Decimal, str]:
    unit = {"km**2": "km2", "dimensionless": "fraction"}.get(unit, unit)
    if unit in YEARS_PER:
        return value * YEARS_PER[unit], "year"
    return value, unit


def agrees(gold: GoldClaim, fact: Fact) -> bool:
    """Value and unit agree; a change claim ("from 781 to 13,198") agrees with either of its endpoints.

    A vague amount compares by its lower bound, durations in years, a fraction against a percent.
    """
    candidates = [fact.value if fact.value is not None else fact.low]
    if fact.change:
        endpoints = json.loads(fact.change)
        candidates += [Decimal(endpoints[end]) for end in ("from", "to") if endpoints.get(end) is not None]
    gold_value, gold_unit = _in_gold_units(gold.value, gold.unit)
    for candidate in candidates:
        if candidate is None:
            continue
        value, unit = _in_gold_units(candidate, fact.unit)
        if unit == "fraction" and gold_unit in ("percent", "times"):
            value, unit = (value * 100, "percent") if gold_unit == "percent" else (value, "times")
        if unit == gold_unit and abs(value - gold_value) <= abs(gold_value) * Decimal("0.0001"):
            return True
    return False


def evaluate(facts: list[Fact] | None = None) -> Scores:
    gold = gold_claims()
    facts = predicted_facts() if facts is None else facts
    matched: dict[int, Fact] = {}
    used: set[int] = set()
    for index, claim in enumerate(gold):
        for position, fact in enumerate(facts):
            # A change claim may stand for two gold claims, its two endpoints.
            if (position in used and not fact.change) or fact.source != claim.source:
                continue
            if fact.start < claim.end and claim.start < fact.end and agrees(claim, fact):
                matched[index] = fact
                used.add(position)
                break
    metric_misses = tuple((gold[i], f) for i, f in matched.items() if f.metric != gold[i].metric)
    places_misses = tuple((gold[i], f) for i, f in matched.items() if _codes(f) != gold[i].places)
    shared_codes = sum(len(_codes(f) & gold[i].places) for i, f in matched.items())
    return Scores(
        gold=len(gold),
        predicted=len(facts),
        matched_gold=len(matched),
        matched_predicted=len(used),
        metric_agree=len(matched) - len(metric_misses),
        places_agree=len(matched) - len(places_misses),
        missed=tuple(claim for index, claim in enumerate(gold) if index not in matched),
        spurious=tuple(fact for position, fact in enumerate(facts) if position not in used),
        metric_misses=metric_misses,
        places_misses=places_misses,
        place_codes_shared=shared_codes,
        place_codes_predicted=sum(len(_codes(f)) for f in matched.values()),
        place_codes_gold=sum(len(gold[i].places) for i in matched),
    )


def _codes(fact: Fact) -> frozenset[str]:
    return fact.places


def main() -> None:
    scores = evaluate()
    print(
        f"gold {scores.gold}, predicted {scores.predicted}: value+unit recall {scores.recall:.3f}, "
        f"precision {scores.precision:.3f}; metric {scores.metric_accuracy:.3f}; places exact "
        f"{scores.places_accuracy:.3f}, place codes precision {scores.places_precision:.3f} "
        f"recall {scores.places_recall:.3f}"
    )
    if "-v" in sys.argv:
        for claim in scores.missed:
            print(f"  missed   {claim.source}@{claim.start} {claim.quote!r} {claim.value} {claim.unit}")
        for fact in scores.spurious:
            where = f"{fact.source}@{fact.start}"
            print(f"  spurious {where} {fact.quote!r} {fact.value} {fact.unit} | {fact.sentence[:80]}")
        for claim, fact in scores.metric_misses:
            print(f"  metric   {claim.quote!r}: gold {claim.metric}, got {fact.metric}")
        for claim, fact in scores.places_misses:
            print(f"  places   {claim.quote!r}: gold {sorted(claim.places)}, got {fact.places}")


if __name__ == "__main__":
    main()
