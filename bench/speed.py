"""Speed of claims against its peers, in one run on the same texts; reports ratios.

Two measures. `--end-to-end` (the product's figure): `claims extract`'s whole job (ingestion of a JSONL file,
segmentation, the grammar, claim reading, the store and the exported fact table) against quantulum3 on the same
texts of Reuters-21578 and AG News, interleaved slice by slice, in CPU time (`time.process_time`, every thread of
the process) and wall time: characters per CPU-second and the ratio. Without it: the quantity grammar alone
(`find_quantities`) against quantulum3 and Recognizers-Text, in wall time (a grammar-only figure).

Peers: quantulum3 (`quantulum3.parser.parse`) and Microsoft Recognizers-Text for Python (number, percentage,
currency and dimension models, as a news pipeline would call them). Install them beside the project with
`pip install -e '.[bench]'`. Texts: the first N Reuters-21578 stories (research data, read from
../shared/corpora; never committed), else the seed pages. The machines are shared and noisy: compare the
ratios, not the seconds.

    python -m bench.speed --docs 300
    python -m bench.speed --end-to-end --docs 2000 --slices 8
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from extract import find_quantities

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl"
AGNEWS = ROOT.parent / "shared" / "corpora" / "agnews" / "agnews_test.jsonl"


def load_texts(count: int) -> tuple[str, list[str]]:
    if REUTERS.exists():
        texts = []
        with REUTERS.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    texts.append(text)
                if len(texts) == count:
                    break
        return f"Reuters-21578, first {len(texts)} stories with text", texts
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    return "the seed pages", texts


def peers() -> dict[str, Callable[[str], int]]:
    found: dict[str, Callable[[str], int]] = {}
    try:
        from quantulum3 import classifier as quantulum_classifier  # type: ignore[import-not-found]
        from quantulum3 import parser as quantulum  # type: ignore[import-not-found]

        # quantulum3 ships its unit classifier pickled under an old scikit-learn, which the one claims installs for
        # its stories cannot load; without scikit-learn (as it was timed before) quantulum3 disambiguates units by
        # its rules, and so it does here.
        quantulum_classifier.USE_CLF = False

        found["quantulum3"] = lambda text: len(quantulum.parse(text))
    except ImportError:
        print("quantulum3 not installed: pip install -e '.[bench]'")
    try:
        from recognizers_number import (  # type: ignore[import-not-found]
            Culture,
            recognize_number,
            recognize_percentage,
        )
        from recognizers_number_with_unit import (  # type: ignore[import-not-found]
            recognize_currency,
            recognize_dimension,
        )

        models = (recognize_number, recognize_percentage, recognize_currency, recognize_dimension)
        found["Recognizers-Text"] = lambda text: sum(len(model(text, Culture.English)) for model in models)
    except ImportError:
        print("Recognizers-Text not installed: pip install -e '.[bench]'")
    return found


def timed(extract: Callable[[str], int], texts: Sequence[str]) -> tuple[float, int]:
    extract(texts[0])  # warm-up: imports, compiled patterns, caches
    started = time.perf_counter()
    found = sum(extract(text) for text in texts)
    return time.perf_counter() - started, found


def load_mixed(count: int) -> tuple[str, list[str]]:
    """Half Reuters-21578 stories, half AG News items (each a title and its text), alternating."""
    half = count // 2
    _, reuters = load_texts(half)
    news: list[str] = []
    if AGNEWS.exists():
        with AGNEWS.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                news.append(f"{record.get('title') or ''}\n\n{record.get('text') or ''}")
                if len(news) == count - len(reuters):
                    break
    mixed = [text for pair in zip(reuters, news, strict=False) for text in pair]
    mixed += reuters[len(news):] + news[len(reuters):]
    return f"{len(reuters)} Reuters-21578 stories and {len(news)} AG News items", mixed


def end_to_end(texts: Sequence[str], slices: int) -> None:
    """`claims extract`'s job and quantulum3 on the same slices, alternating which goes first."""
    from extract.run.extraction import ExtractOptions, run_extraction

    contenders = {"quantulum3": peers().get("quantulum3")}
    parse = contenders["quantulum3"]
    size = max(1, len(texts) // slices)
    parts = [texts[index : index + size] for index in range(0, len(texts), size)]
    totals: dict[str, list[float]] = {"claims": [0.0, 0.0, 0.0], "quantulum3": [0.0, 0.0, 0.0]}
    with tempfile.TemporaryDirectory(prefix="claims-speed-") as temporary:
        folder = Path(temporary)

        def run_claims(number: int, part: Sequence[str]) -> int:
            source = folder / f"slice-{number}.jsonl"
            source.write_text("".join(json.dumps({"id": f"t{i}", "text": t}) + "\n" for i, t in enumerate(part)),
                              encoding="utf-8")
            return run_extraction([str(source)], folder / f"out-{number}", ExtractOptions()).total_facts

        run_claims(-1, texts[:20])  # warm-up: imports, compiled patterns, caches
        if parse is not None:
            parse(texts[0])
        for number, part in enumerate(parts):
            order = ["claims", "quantulum3"] if number % 2 == 0 else ["quantulum3", "claims"]
            for name in order:
                if name == "quantulum3" and parse is None:
                    continue
                cpu, wall = time.process_time(), time.perf_counter()
                found = run_claims(number, part) if name == "claims" else sum(parse(t) for t in part)  # type: ignore[misc]
                totals[name][0] += time.process_time() - cpu
                totals[name][1] += time.perf_counter() - wall
                totals[name][2] += found
    characters = sum(len(text) for text in texts)
    ours = totals["claims"][0]
    print(f"{'extractor':<12} {'CPU s':>8} {'wall s':>8} {'chars/CPU-s':>12} {'found':>8} {'CPU vs claims':>14}")
    for name, (cpu, wall, found) in totals.items():
        if cpu:
            print(f"{name:<12} {cpu:8.2f} {wall:8.2f} {characters / cpu:12,.0f} {found:8.0f} {cpu / ours:13.1f}x")
    print("(claims: facts in the exported table; quantulum3: quantities it returned)")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--docs", type=int, default=300, help="how many stories to time (default 300)")
    arguments.add_argument("--end-to-end", action="store_true", help="claims extract's whole job vs quantulum3")
    arguments.add_argument("--slices", type=int, default=8, help="interleaved slices of --end-to-end (default 8)")
    options = arguments.parse_args()
    if options.end_to_end:
        label, mixed = load_mixed(options.docs)
        print(f"{label}: {sum(len(text) for text in mixed):,} characters, {options.slices} interleaved slices")
        end_to_end(mixed, options.slices)
        return
    label, texts = load_texts(options.docs)
    characters = sum(len(text) for text in texts)
    print(f"{label}: {len(texts)} texts, {characters:,} characters")
    contenders: dict[str, Callable[[str], int]] = {"claims": lambda text: len(find_quantities(text))}
    contenders.update(peers())
    results = {name: timed(extract, texts) for name, extract in contenders.items()}
    ours = results["claims"][0]
    print(f"{'extractor':<18} {'seconds':>9} {'texts/s':>9} {'quantities':>11} {'time vs claims':>15}")
    for name, (seconds, found) in results.items():
        print(f"{name:<18} {seconds:9.2f} {len(texts) / seconds:9.1f} {found:11d} {seconds / ours:14.1f}x")


if __name__ == "__main__":
    main()
