"""What the checker flags on a whole corpus read as one pile, and a fixed-seed sample of flags to judge by hand.

Reuters-21578 (19,043 stories of 1987 with text) and AG News (7,600 items of 2004-05) are read from ../shared/corpora
(never committed) as a user would point `claims run` at them: one JSONL file, extracted into a store of its own,
grouped into stories and checked whole. Prints flags (warnings and errors) per 1,000 articles, by rule, and notes and
updates apart; `--sample N` draws N flags with a fixed seed and writes them, with every figure's quote and sentence,
to a Markdown file for a person to judge (verdict and reason per flag). `--with-seeds N` mixes the seed pages with
the first N Reuters stories and counts the flags that join a seed page to a Reuters story (issue 15: none).

    python -m bench.pile_flags reuters --sample 50 --out /tmp/claims-bench
    python -m bench.pile_flags agnews --sample 50
    python -m bench.pile_flags reuters --with-seeds 500

The store is kept in --out, so that a second run with the same inputs only re-checks.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from collections import Counter
from pathlib import Path

from extract.consistency import CheckOptions, Discrepancy
from extract.ingest.documents import ReadOptions
from extract.run.extraction import STORE_NAME, ExtractOptions, run_extraction
from extract.run.workflow import check_store
from extract.table.store import FactStore

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_FILES = {
    "reuters": (CORPORA / "reuters21578" / "reuters21578.jsonl", "doc_id"),
    "agnews": (CORPORA / "agnews" / "agnews_test.jsonl", "id"),
}


def _with_text(source: Path, target: Path, limit: int | None) -> Path:
    """The corpus's records that hold a text (Reuters has 2,535 without one), the first `limit` of them."""
    kept = 0
    with source.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8") as out:
        for line in handle:
            if limit is not None and kept >= limit:
                break
            record = json.loads(line)
            if (record.get("text") or "").strip():
                out.write(line)
                kept += 1
    return target


def run(corpus: str, out: Path, jobs: int, with_seeds: int | None) -> tuple[list[Discrepancy], int, float]:
    source, id_field = CORPUS_FILES[corpus]
    work = out / (corpus if with_seeds is None else f"{corpus}-{with_seeds}-with-seeds")
    inputs = work / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    paths = [str(_with_text(source, inputs / f"{corpus}.jsonl", with_seeds))]
    if with_seeds is not None:
        shutil.copytree(ROOT / "seeds", inputs / "seeds", dirs_exist_ok=True)
        paths.append(str(inputs / "seeds"))
    began = time.process_time()
    run_extraction(paths, work / "data", ExtractOptions(read=ReadOptions("text", id_field), jobs=jobs))
    outcome = check_store(work / "data", work / "reports", CheckOptions())
    with FactStore(work / "data" / STORE_NAME, read_only=True) as store:
        articles = store.count("articles")
    return outcome.discrepancies, articles, time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=sorted(CORPUS_FILES))
    parser.add_argument("--out", type=Path, default=Path("/tmp/claims-bench"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--with-seeds", type=int, help="mix the seed pages with the first N stories")
    options = parser.parse_args()
    found, articles, spent = run(options.corpus, options.out, options.jobs, options.with_seeds)
    flags = [d for d in found if d.severity != "note"]
    notes = [d for d in found if d.severity == "note"]
    updates = [d for d in notes if d.title.startswith("Updated over time")]
    print(f"{options.corpus}: {articles} articles; {len(flags)} flags ({1000 * len(flags) / articles:.1f} per 1,000 "
          f"articles), {len(notes)} notes ({len(updates)} updates); {spent:.0f} s CPU in this process")
    print("flags by rule:", ", ".join(f"{rule} {n}" for rule, n in Counter(d.rule for d in flags).most_common()))
    metrics = Counter(d.title.split(": ", 1)[-1].split(" (")[0] for d in flags)
    print("flags by metric:", ", ".join(f"{metric} {n}" for metric, n in metrics.most_common(12)))
    if options.with_seeds is not None:
        joined = [d for d in found if len({"/seeds/" in f.source for f in d.facts}) > 1]
        print(f"flags and notes joining a seed page and a Reuters story: {len(joined)}")
        for d in flags:
            if all("/seeds/" in f.source for f in d.facts):
                print("  seeds:", d.rule, d.title)
    if options.sample:
        sample = random.Random(options.seed).sample(flags, min(options.sample, len(flags)))
        target = options.out / f"{options.corpus}-sample-{options.seed}.md"
        lines = [f"# {len(sample)} flags of {options.corpus} drawn with seed {options.seed}", ""]
        for number, d in enumerate(sample, 1):
            lines += [f"## {number}. {d.severity} {d.rule}: {d.title}", "", d.explanation, ""]
            for f in d.facts:
                lines += [f"- {f.role} “{f.quote}” ({f.source.rsplit('/', 1)[-1]}, {f.article_date or 'undated'}, "
                          f"story {f.story}): {f.sentence}"]
            lines += ["", "Verdict: ", ""]
        target.write_text("\n".join(lines), encoding="utf-8")
        print(f"sample written to {target}")


if __name__ == "__main__":
    main()
