"""The hostile inputs of the hardening issue, each run through `claims extract` in a process of its own.

For every case: the outcome (exit status, and the first line of the error or warning), CPU seconds (user +
system, of the child), wall seconds and peak memory. The large cases (a 50 MB single line, a 20 MB JSONL
record) take minutes, so they are here and not in the tests; `--quick` runs them at a tenth of the size.

    python -m bench.hostile_inputs            # every case, full size
    python -m bench.hostile_inputs --quick    # the large cases at a tenth of their size
    python -m bench.hostile_inputs --only line record

The texts are built here (no corpus is needed): a news sentence with figures repeated without a line break, and
runs of figures with no words around them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROSE = (
    "The company said revenue rose 5 percent to $1.2 billion in 1987, while a blast in the city killed 30 people "
    "and injured 112 others, officials said on Tuesday. "
)
MB = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str
    file_name: str
    build: Callable[[float], bytes]  # the file's bytes, at a scale (1.0 full size)
    expect: str  # what should happen, for the reader of the table
    command: str = "extract"  # or "run": extraction, check and reports


def _conflicting_tolls(articles: int) -> bytes:
    """`articles` reports of ten disasters, each giving its own killed and injured counts: every toll conflicts."""
    chance = random.Random(1)
    places = [
        ("Karachi", "Saddar", "bomb blast"), ("Lagos", "Ikeja", "building collapse"), ("Manila", "Quiapo", "fire"),
        ("Dhaka", "Savar", "factory collapse"), ("Kabul", "Wazir", "suicide attack"),
        ("Mumbai", "Dadar", "train crash"),
        ("Cairo", "Giza", "bus crash"), ("Jakarta", "Kemang", "hotel bombing"), ("Nairobi", "Westlands", "siege"),
        ("Baghdad", "Karrada", "car bomb"),
    ]
    lines = []
    for index in range(articles):
        city, area, kind = places[index % len(places)]
        killed = chance.randint(10, 500)
        text = (f"A {kind} in {area}, {city}, killed {killed} people on Tuesday, police in {city} said. Another "
                f"{killed + chance.randint(1, 50)} people were injured in the {kind} in {area}, officials said.")
        lines.append(json.dumps({"id": f"a{index}", "title": f"{city} {kind} kills {killed}", "date": "2011-03-01",
                                 "text": text}))
    return ("\n".join(lines) + "\n").encode()


def _repeat(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


CASES = (
    Case("ones_4k", "ones.txt", lambda s: ("1," * 2000).encode(), "extracted, seconds not minutes"),
    Case("ones_200k", "ones200k.txt", lambda s: ("1," * 100_000).encode(), "refused by its time budget, one line"),
    Case("words_1_45mb", "words.txt", lambda s: ("one hundred thousand million " * 50_000).encode(),
         "extracted (a few figures)"),
    Case("exponent", "exponent.txt", lambda s: b"The population reached 1e5452022 people. 40 died.\n",
         "no crash; 1 fact"),
    Case("new_script_digits", "digits.txt",
         lambda s: "There were \U00010d45\U00010d46 cases and \u0663\u066b\u0665 million people.\n".encode(),
         "no crash; 3.5 million read"),
    Case("deep_jsonl", "deep.jsonl",
         lambda s: ('{"id": "a", "text": "5 died", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n").encode(),
         "exit 2: nested too deeply, naming the line"),
    Case("escape_sequences", "escapes.txt", lambda s: b"\x1b[31m red text, 7 km.\n\x1b]0;title\x07 5 people died.\n",
         "2 facts, no 31 metres"),
    Case("tolls_600", "tolls.jsonl", lambda s: _conflicting_tolls(600), "claims run: one flag per disaster, small page",
         command="run"),
    Case("tolls_6000", "tolls.jsonl", lambda s: _conflicting_tolls(int(6000 * s)), "claims run: linear in the facts",
         command="run"),
    Case("line_50mb", "line.txt", lambda s: _repeat(PROSE, int(50 * MB * s)).encode(), "extracted, linear"),
    Case("record_20mb", "record.jsonl",
         lambda s: (json.dumps({"id": "big", "text": _repeat(PROSE, int(20 * MB * s))}) + "\n").encode(),
         "extracted, linear"),
)


def _run(case: Case, scale: float, folder: Path, timeout: float) -> dict[str, object]:
    source = folder / case.file_name
    source.write_bytes(case.build(scale))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [sys.executable, "-m", "extract", case.command, str(source), "-o", str(folder / f"out-{case.name}")]
    if case.command == "run":
        command += ["-r", str(folder / f"reports-{case.name}")]
    else:
        command += ["--no-progress"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        status: object = done.returncode
        said = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or [""])[-1]
    except subprocess.TimeoutExpired:
        status, said = "timeout", f"no answer after {timeout:.0f} s"
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "case": case.name,
        "bytes": source.stat().st_size,
        "status": status,
        "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
        "wall_s": round(time.perf_counter() - started, 1),
        "peak_mb": round(after.ru_maxrss / 1024),  # the largest child so far (Linux: KiB)
        "page_kb": _page_kb(folder / f"reports-{case.name}"),
        "expected": case.expect,
        "said": said[:160],
    }


def _page_kb(reports: Path) -> int | None:
    page = reports / "index.html"
    return round(page.stat().st_size / 1000) if page.exists() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the large cases at a tenth of their size")
    parser.add_argument("--only", nargs="*", help="case names (or the start of them) to run")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a case counts as a hang")
    args = parser.parse_args(argv)
    scale = 0.1 if args.quick else 1.0
    chosen = [c for c in CASES if not args.only or any(c.name.startswith(name) for name in args.only)]
    with tempfile.TemporaryDirectory(prefix="claims-hostile-") as temporary:
        for case in chosen:
            print(json.dumps(_run(case, scale, Path(temporary), args.timeout), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
