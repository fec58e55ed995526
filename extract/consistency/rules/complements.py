"""Rule c: complementary parts that cannot fit their whole.

Two part metrics that make up a whole (``lexicons/complements.toml``: the settled and unsettled stretches of
a border make up its length) must add up to the whole, for the same places and overlapping periods. The
seed pages hold one: the Kyrgyz-Tajik border is 950 km, "only 520 kilometers" of it are recognised (so 430 km
are not), yet "520 km of it has not yet passed the demarcation procedures".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from extract.consistency.intervals import interval_of
from extract.consistency.matching import periods_overlap, same_block
from extract.consistency.model import Discrepancy, Record
from extract.consistency.options import CheckOptions
from extract.consistency.rules.common import discrepancy, number

__all__ = ["complement_sums"]


def complement_sums(records: Sequence[Record], options: CheckOptions) -> Iterator[Discrepancy]:
    for complement in options.complements:
        first_parts = [r for r in records if r.metric == complement.parts[0] and r.places]
        second_parts = [r for r in records if r.metric == complement.parts[1] and r.places]
        wholes = [r for r in records if r.metric == complement.whole and r.places]
        for one in first_parts:
            for two in second_parts:
                if one.places != two.places or one.dimension != two.dimension or not periods_overlap(one, two):
                    continue
                if not same_block(one, two):
                    continue
                candidates = [
                    w
                    for w in wholes
                    if w.places == one.places
                    and w.dimension == one.dimension
                    and periods_overlap(w, one)
                    and periods_overlap(w, two)
                    and same_block(w, one)
                ]
                if not candidates:
                    continue
                # The whole stated nearest to the parts: in the same sentence, else the same article.
                whole = min(
                    candidates,
                    key=lambda w: (
                        w.sentence not in (one.sentence, two.sentence),
                        (w.source, w.article) != (two.source, two.article),
                        w.start,
                    ),
                )
                tolerance = options.relative_tolerance
                total = interval_of(whole, tolerance)
                summed = interval_of(one, tolerance) + interval_of(two, tolerance)
                if not summed.disjoint(total):
                    continue
                implied = ""
                if whole.value is not None and one.value is not None:
                    implied = (
                        f" (which leaves {number(whole.value - one.value)} {whole.unit} "
                        f"{complement.parts[1].split('.')[-1]})"
                    )
                places = "-".join(sorted(one.places))
                yield discrepancy(
                    "complement-sum",
                    "error" if len({(r.source, r.article) for r in (one, two, whole)}) == 1 else "warning",
                    f"Parts do not fit the whole: {complement.whole} ({places})",
                    f"{whole.shown()} gives the whole {complement.whole} of {places} as "
                    f"{total.describe(whole.unit)}; {one.shown()} is {complement.parts[0]}{implied}, yet "
                    f"{two.shown()} is {complement.parts[1]}: together {summed.describe(one.unit)}, which cannot "
                    f"make up {total.describe(whole.unit)}.",
                    [(one, complement.parts[0]), (two, complement.parts[1]), (whole, "whole")],
                )
