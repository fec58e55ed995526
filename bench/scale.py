"""Throughput and peak memory of `claims extract` on Reuters-21578 at several corpus sizes.

Each size runs the real command in a fresh process on the first N records of the corpus (research data, read
from ../shared/corpora and sliced into a temporary folder; never committed); its peak resident memory is read
from the operating system when it exits (`os.wait4`). Memory that does not grow with N shows the extraction
is streamed: each peak is also given relative to the first size's. Machines are shared and noisy: compare
sizes within one run.

    python -m bench.scale --sizes 5000 0 43156    # 0 = the whole corpus; larger sizes repeat it
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl"


def run(size: int, workdir: Path, jobs: int) -> tuple[int, float, float, str]:
    source = workdir / f"reuters-{size or 'all'}.jsonl"
    lines = REUTERS.read_text(encoding="utf-8").splitlines(keepends=True)
    wanted = size or len(lines)
    with source.open("w", encoding="utf-8") as sliced:
        # Past the corpus's end, it is repeated with new record ids, to measure sizes beyond it.
        for number in range(wanted):
            record = json.loads(lines[number % len(lines)])
            if number >= len(lines):
                record["doc_id"] = f"copy{number // len(lines)}-{record['doc_id']}"
            sliced.write(json.dumps(record) + "\n")
    command = [
        sys.executable,
        "-m",
        "extract",
        "extract",
        str(source),
        "--id-field",
        "doc_id",
        "-o",
        str(workdir / f"out-{size or 'all'}"),
        "--jobs",
        str(jobs),
        "--no-progress",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    summary = process.stderr.read().strip().splitlines()[-1] if process.stderr else ""
    if status != 0:
        raise SystemExit(f"claims extract failed on {size} records: {summary}")
    return wanted, seconds, usage.ru_maxrss / 1024, summary


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--sizes", type=int, nargs="+", default=[5000, 0], help="records per run; 0 = all")
    arguments.add_argument("--jobs", type=int, default=1)
    options = arguments.parse_args()
    if not REUTERS.exists():
        raise SystemExit(f"{REUTERS} not found: the Reuters corpus is research data kept outside the project")
    with tempfile.TemporaryDirectory() as folder:
        first_peak = 0.0
        for size in options.sizes:
            records, seconds, peak_mib, summary = run(size, Path(folder), options.jobs)
            first_peak = first_peak or peak_mib
            print(
                f"{records:>6} records: {seconds:7.1f} s, {records / seconds:6.1f} records/s, peak {peak_mib:6.1f} MiB"
                f" ({peak_mib / first_peak:.2f}x the first size's)"
            )
            print(f"        {summary}")


if __name__ == "__main__":
    main()
