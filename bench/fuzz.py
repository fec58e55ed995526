"""Coverage-guided fuzzing (atheris, libFuzzer) of the quantity grammar, of file ingestion and of the pipeline.

Targets, chosen by the first argument:

- ``grammar``: the input bytes, decoded as UTF-8 (bad bytes replaced), go to `extract.find_quantities`; every
  quantity is checked (its span inside the text and ``text[start:end] == surface``, low <= value <= high,
  finite numbers);
- ``ingest``: the bytes are written to a temporary file read as ``.txt``, ``.jsonl``, ``.csv`` and ``.html`` in
  turn (`extract.ingest.documents.read_input`); each read must give documents or raise `InputError` with a
  one-line message naming the file;
- ``facts``: the decoded text goes through the whole pipeline (`extract.facts`): each fact's quote must stand at
  its offsets in the text and in its sentence, its numbers be finite and ordered, the fact ids unique.

Seeds are kept in ``bench/fuzz_corpus/<target>/`` (``facts`` uses the grammar's); the inputs libFuzzer adds on the
way, and the crash and timeout files, go to a temporary folder (printed), never to the seed corpus. An exception
other than the library's `ClaimsError`, a broken property, or an input slower than ``--timeout`` seconds is a
finding: libFuzzer prints it with its input and the run exits non-zero. With ``--keep-going`` the run instead
records each distinct finding (exception type and the library line that raised it; slow inputs too, from
``--slow`` seconds) in the temporary folder and goes on until ``--seconds`` have passed, then lists them.

    pip install -e '.[bench]'
    python -m bench.fuzz grammar --seconds 60
    python -m bench.fuzz ingest --seconds 300 --keep-going
    python -m bench.fuzz grammar -- -runs=100000      # anything after "--" goes to libFuzzer
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import math
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "fuzz_corpus"
DICTIONARY = CORPUS / "grammar.dict"
TARGETS = ("grammar", "ingest", "facts")
INGEST_SUFFIXES = (".txt", ".jsonl", ".csv", ".html")
MAX_LEN = {"grammar": 4096, "ingest": 8192, "facts": 2048}


class PropertyBroken(AssertionError):
    """A result that breaks one of the properties the target checks."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise PropertyBroken(what)


def _finite(number: Decimal | float | None) -> bool:
    if number is None:
        return True
    return number.is_finite() if isinstance(number, Decimal) else math.isfinite(number)


def _ordered(low: Any, value: Any, high: Any, where: str) -> None:
    if low is not None and high is not None:
        _check(low <= high, f"low {low} > high {high} ({where})")
    if value is not None:
        _check(low is None or low <= value, f"low {low} > value {value} ({where})")
        _check(high is None or value <= high, f"value {value} > high {high} ({where})")


def grammar_target(data: bytes) -> None:
    from extract import ClaimsError, find_quantities

    text = data.decode("utf-8", "replace")
    try:
        found = find_quantities(text)
    except ClaimsError:
        return
    for q in found:
        _check(0 <= q.start < q.end <= len(text), f"span {q.start}..{q.end} outside 0..{len(text)} or empty")
        _check(text[q.start : q.end] == q.surface, f"text[{q.start}:{q.end}] != surface {q.surface!r}")
        for name in ("value", "low", "high", "precision", "base_value"):
            _check(_finite(getattr(q, name)), f"{name} {getattr(q, name)} not finite ({q.surface!r})")
        _ordered(q.low, q.value, q.high, repr(q.surface))
    starts = [q.start for q in found]
    _check(starts == sorted(starts), "quantities not left to right")


def ingest_target(data: bytes, suffixes: tuple[str, ...] = INGEST_SUFFIXES) -> None:
    from extract import InputError
    from extract.ingest.documents import Document, Skipped, read_input

    with tempfile.TemporaryDirectory(prefix="claims-fuzz-input-") as folder:
        for suffix in suffixes:
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(data)
            try:
                items = list(read_input(path))
            except InputError as error:
                _check("\n" not in str(error) and "\r" not in str(error), f"message of more than one line: {error}")
                _check(path.name in error.source, f"message does not name the file: {error}")
                continue
            for item in items:
                _check(isinstance(item, Document | Skipped), f"read_input gave a {type(item).__name__}")
                if isinstance(item, Document):
                    _check(path.name in item.source, f"source {item.source!r} does not name the file")
                    _check(bool(item.text.strip(" \t\n\r\x0b\x0c")), f"a {suffix} document with blank text")


def facts_target(data: bytes) -> None:
    from extract import ClaimsError, facts

    text = data.decode("utf-8", "replace")
    try:
        table = facts(texts=[text])
    except ClaimsError:
        return
    _check(bool(table["fact_id"].is_unique), "duplicate fact ids")
    for row in table.to_dict("records"):
        start, end, quote, at, sentence = row["start"], row["end"], row["quote"], row["sentence_start"], row["sentence"]
        _check(0 <= start <= end <= len(text), f"span {start}..{end} outside 0..{len(text)}")
        _check(text[start:end] == quote, f"text[{start}:{end}] != quote {quote!r}")
        _check(text[at : at + len(sentence)] == sentence, f"sentence not at {at}")
        _check(sentence[start - at : end - at] == quote, f"quote {quote!r} not at its place in its sentence")
        numbers = {name: None if row[name] is None or str(row[name]) == "<NA>" else float(row[name])
                   for name in ("value", "low", "high")}
        for name, number in numbers.items():
            _check(_finite(number), f"{name} {number} not finite ({quote!r})")
        _ordered(numbers["low"], numbers["value"], numbers["high"], repr(quote))


def _target(name: str, formats: tuple[str, ...]) -> Callable[[bytes], None]:
    if name == "grammar":
        return grammar_target
    if name == "ingest":
        return lambda data: ingest_target(data, formats)
    return facts_target


def _signature(error: BaseException) -> str:
    """The exception type and the innermost line of the library (or of this file, for a property) that raised it."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/extract/" in f.filename] or [f for f in frames if f.filename == __file__]
    place = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    if isinstance(error, PropertyBroken):
        what = re.sub(r"-?\d[\d.]*(?:E[-+]?\d+)?", "N", re.split(r"[:(]", str(error))[0]).strip()
        return f"PropertyBroken ({what}) at {place}"
    return f"{type(error).__module__}.{type(error).__qualname__} at {place}"


def _recorder(target: Callable[[bytes], None], artifacts: Path, slow: float) -> Callable[[bytes], None]:
    """A target that records each distinct finding (and each slow input) instead of stopping at the first."""
    seen: set[str] = set()

    def record(kind: str, data: bytes, report: str) -> None:
        name = f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}"
        (artifacts / name).write_bytes(data)
        (artifacts / f"{name}.txt").write_text(report, encoding="utf-8")
        print(f"\n==== finding {name}\n{report}input: {data[:300]!r}{'...' if len(data) > 300 else ''}\n",
              file=sys.stderr, flush=True)

    def run(data: bytes) -> None:
        started = time.perf_counter()
        try:
            target(data)
        except Exception as error:
            signature = _signature(error)
            if signature not in seen:
                seen.add(signature)
                record("finding", data, f"{signature}\n{''.join(traceback.format_exception(error))}")
        seconds = time.perf_counter() - started
        if seconds >= slow:
            record("slow", data, f"slow input: {seconds:.1f} s, {len(data)} bytes\n")

    return run


def child(options: argparse.Namespace, libfuzzer: list[str]) -> None:
    """The fuzzing process: libFuzzer takes over and exits at the end of the run (or at the first finding)."""
    import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

    with atheris.instrument_imports(include=["extract"]):
        import extract  # instrumented here, for coverage
        import extract.ingest.documents  # noqa: F401
    target = _target(options.target, tuple(options.formats))
    # The first call loads lexicons and imports (trafilatura, pandas: seconds): not to be taken for a slow input.
    target(b"<html><body><p>Warm-up: 3 people were hurt.</p></body></html>")
    if options.keep_going:
        target = _recorder(target, Path(options.artifacts), options.slow)
    seeds = CORPUS / ("grammar" if options.target == "facts" else options.target)
    argv = [
        sys.argv[0],
        options.work_corpus,  # new inputs are written to the first folder only
        str(seeds),
        f"-max_total_time={options.seconds}",
        f"-timeout={options.timeout}",
        f"-max_len={MAX_LEN[options.target]}",
        f"-artifact_prefix={options.artifacts}/",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
    ]
    if options.target != "ingest" and DICTIONARY.exists():
        argv.append(f"-dict={DICTIONARY}")
    atheris.Setup(argv + libfuzzer, target)
    atheris.Fuzz()


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("target", choices=TARGETS)
    arguments.add_argument("--seconds", type=int, default=60, help="total fuzzing time (libFuzzer -max_total_time)")
    arguments.add_argument("--timeout", type=int, default=10, help="an input slower than this is a finding")
    arguments.add_argument("--keep-going", action="store_true", help="record every distinct finding; do not stop")
    arguments.add_argument("--slow", type=float, default=2.0, help="with --keep-going: record inputs this slow")
    arguments.add_argument("--formats", nargs="+", default=list(INGEST_SUFFIXES), choices=INGEST_SUFFIXES,
                           help="ingest: the kinds of file each input is read as")
    arguments.add_argument("--artifacts", help="folder of crash, timeout and finding files (default: a new one)")
    arguments.add_argument("--work-corpus", help=argparse.SUPPRESS)
    arguments.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    given = sys.argv[1:]
    split = given.index("--") if "--" in given else len(given)
    own, libfuzzer = given[:split], given[split + 1 :]
    options = arguments.parse_args(own)
    if options.child:
        child(options, libfuzzer)
        return
    artifacts = Path(options.artifacts or tempfile.mkdtemp(prefix=f"claims-fuzz-{options.target}-"))
    artifacts.mkdir(parents=True, exist_ok=True)
    print(f"fuzzing {options.target} for {options.seconds} s; findings go to {artifacts}", flush=True)
    deadline = time.monotonic() + options.seconds
    with tempfile.TemporaryDirectory(prefix="claims-fuzz-corpus-") as work:
        while True:
            left = max(1, round(deadline - time.monotonic()))
            command = [sys.executable, "-m", "bench.fuzz", *own, "--seconds", str(left), "--child",
                       "--artifacts", str(artifacts), "--work-corpus", work, "--", *libfuzzer]
            status = subprocess.call(command, cwd=ROOT)
            # With --keep-going only a hang (libFuzzer's -timeout) or a crash of the interpreter ends a run early:
            # go on with the corpus grown so far until the time is spent.
            if not options.keep_going or status == 0 or deadline - time.monotonic() < 5:
                break
    findings = sorted(p for p in artifacts.iterdir() if not p.name.endswith(".txt"))
    for path in findings:
        report = artifacts / f"{path.name}.txt"
        head = report.read_text(encoding="utf-8").splitlines()[0] if report.exists() else path.name.split("-")[0]
        with contextlib.suppress(OSError):
            print(f"{path}: {head}")
    print(f"{len(findings)} finding(s); libFuzzer exit status {status}")
    raise SystemExit(1 if findings or status else 0)


if __name__ == "__main__":
    main()
