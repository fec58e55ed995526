"""Time of `claims check` as the pile grows: 10 k, 100 k and 1 M facts, with the time of each step.

The facts are real: the fact table of a store (by default Reuters-21578 extracted whole) replicated into many
stories. Copy k of a fact gets its own fact id, source and story, so each copy is a pile of its own and the
sizes of the groups the checker forms (story, metric, entity key) follow the store's own distribution. Facts
compared across stories by their places (a border's length, a territory's area) are kept once only: copies would
all fall into one block and grow it with the pile, which is not how a real pile grows. CPU time of this process.

    claims extract ../shared/corpora/reuters21578/reuters21578.jsonl -o /tmp/reu/data
    python -m bench.check_scale --store /tmp/reu/data/claims.duckdb --sizes 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from extract.consistency import Record, check, records_from_rows
from extract.consistency.matching import comparison_block
from extract.table.store import FactStore


def replicated(base: Sequence[Record], size: int) -> list[Record]:
    """`size` records: copies of `base` in stories, sources and ids of their own (place-keyed facts once)."""
    movable: list[Record] = []
    fixed: list[Record] = []
    for record in base:
        (fixed if (comparison_block(record) or "").startswith("places:") else movable).append(record)
    out: list[Record] = list(fixed[:size])
    copy = 0
    while len(out) < size:
        for record in movable:
            if len(out) == size:
                break
            out.append(
                replace(
                    record,
                    fact_id=f"{record.fact_id}~{copy}",
                    source=f"copy{copy}/{record.source}",
                    story=f"{record.story}~{copy}" if record.story else None,
                )
            )
        copy += 1
    return out


def timed_check(records: Sequence[Record]) -> tuple[float, list[tuple[str, float]], int]:
    steps: list[tuple[str, float]] = []
    last = [time.process_time(), ""]

    def progress(step: str, done: int, total: int) -> None:
        now = time.process_time()
        if last[1]:
            steps.append((str(last[1]), now - float(last[0])))
        last[0], last[1] = now, step

    started = time.process_time()
    found = check(records, progress=progress)
    return time.process_time() - started, steps, len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/reu/data/claims.duckdb"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    with FactStore(args.store, read_only=True) as store:
        base = list(records_from_rows(store.fact_rows()))
    print(f"{args.store}: {len(base):,} facts")
    previous: tuple[int, float] | None = None
    for size in args.sizes:
        records = replicated(base, size)
        seconds, steps, flags = timed_check(records)
        growth = "" if previous is None else f"; x{size / previous[0]:.0f} facts, x{seconds / previous[1]:.1f} time"
        print(f"{size:>9,} facts: {seconds:7.1f} s CPU, {flags:,} discrepancies{growth}")
        for step, spent in steps:
            print(f"            {step:<28} {spent:7.1f} s")
        previous = (size, seconds)
        del records
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
