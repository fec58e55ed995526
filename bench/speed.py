"""Speed of the quantity grammar against its peers, in one run on the same texts; reports ratios.

Peers: quantulum3 (`quantulum3.parser.parse`) and Microsoft Recognizers-Text for Python (number, percentage,
currency and dimension models, as a news pipeline would call them). Install them beside the project with
`pip install -e '.[bench]'`. Texts: the first N Reuters-21578 stories (research data, read from
../shared/corpora; never committed), else the seed pages. The machines are shared and noisy: compare the
ratios, not the seconds.

    python -m bench.speed --docs 300
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from extract import find_quantities

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl"


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


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--docs", type=int, default=300, help="how many stories to time (default 300)")
    options = arguments.parse_args()
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
