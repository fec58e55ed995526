"""How reports/index.html bears a real pile: page size, time to the first page of flags, time to filter.

Builds a pile of flags programmatically (`pile`, shared with tests/test_html_report.py): stories, rules,
severities, metrics and sources varied, a quarter of the flags reviewed, a few changed since review, and hostile
article text in some (script tags, a ``</script>``, ``<!--``, ``[/b]``, a spreadsheet formula). For 200, 2,000
and 10,000 flags it writes the page and measures in headless Chromium (through Playwright) the time from
navigation until the first page of flags is drawn, and the time to apply a filter (a severity, then a text
search), each the median of a few runs. Needs Chromium (/usr/bin/chromium).

    python -m bench.report_load
    python -m bench.report_load --sizes 2000 --runs 5
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Final

import pandas as pd

from extract.consistency import ALL_RULES, Discrepancy, Involved
from extract.reports import ReportInput
from extract.reports.html import render_html
from extract.review.verdicts import VERDICTS, Review

METRICS: Final = (
    "casualties.killed",
    "casualties.injured",
    "people.displaced",
    "money.stolen",
    "border.length",
    "population",
    "area",
)
UNITS: Final = {"money.stolen": "USD", "border.length": "km", "area": "km2"}
PLACES: Final = ("Gaza", "Valencia", "Paris", "Bishkek", "Lagos", "Dhaka", "Quito", "Kyiv", "Manila", "Lima")
# Article text that must stay text on the page and in its CSV.
HOSTILE: Final = (
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<!-- [/b] <img src=x onerror=alert(3)>",
    '=HYPERLINK("http://example.invalid","click")',
)
SEVERITIES: Final = ("error", "warning", "warning", "warning", "note")
CHROMIUM_ARGS: Final = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def pile(flags: int, seed: int = 19) -> ReportInput:
    """`flags` discrepancies over ``flags // 8`` stories, fixed by `seed`; every 50th flag carries hostile text."""
    chooser = random.Random(seed)
    stories = [f"story-{number:04d} {chooser.choice(PLACES)}" for number in range(max(4, flags // 8))]
    sources = [f"news/agency-{number:02d}.txt" for number in range(30)] + [f"corpus.jsonl#{n}" for n in range(10)]
    discrepancies, reviews, changed, rows = [], {}, {}, []
    for number in range(flags):
        story = chooser.choice(stories)
        metric = chooser.choice(METRICS)
        rule = chooser.choice(ALL_RULES)
        severity = chooser.choice(SEVERITIES)
        hostile = HOSTILE[(number // 50) % len(HOSTILE)] if number % 50 == 7 else ""
        members = []
        for position in range(chooser.choice((2, 2, 2, 3, 4))):
            value = chooser.randint(3, 5000)
            fact_id = hashlib.sha256(f"{seed}:{number}:{position}".encode()).hexdigest()[:16]
            quote = f"about {value}" if position % 2 == 0 else f"at least {value}"
            sentence = (
                f"{hostile if position == 0 else ''}Officials in {story.split()[1]} said {quote} people were "
                f"affected on Monday, according to the report."
            )
            source = chooser.choice(sources)
            involved = Involved(
                role="claim", fact_id=fact_id, source=source, article=1, line=chooser.randint(1, 400),
                column=chooser.randint(1, 80), start=0, end=len(quote), quote=quote, sentence=sentence,
                value=str(value), low=str(value - value // 10), high=None if position % 2 else str(value + value // 10),
                low_open=False, high_open=bool(position % 2), unit=UNITS.get(metric, "count"),
                attributed_to=chooser.choice((None, "the police", "the ministry")), story=story,
            )  # fmt: skip
            members.append(involved)
            rows.append({"fact_id": fact_id, "metric": metric, "source": source})
        fingerprint = hashlib.sha256(f"flag:{seed}:{number}".encode()).hexdigest()[:20]
        title = f"Conflicting figures for {metric} in {story.split()[1]}" + (" [/b]" if hostile else "")
        explanation = (
            f"{len(members)} figures speak of {metric}: "
            + "; ".join(f"“{involved.quote}” ({involved.source}:{involved.line})" for involved in members)
            + f". These cannot all be true.{' ' + hostile if hostile else ''}"
        )
        discrepancy = Discrepancy(fingerprint, rule, severity, title, explanation, tuple(members))  # type: ignore[arg-type]
        discrepancies.append(discrepancy)
        if number % 4 == 1:
            verdict = VERDICTS[(number // 4) % len(VERDICTS)]
            note = f"checked against the article {hostile}".strip()
            reviews[fingerprint] = Review(fingerprint, verdict, note, "jdoe", "2026-11-22", rule, title)
        elif number % 97 == 3:
            changed[fingerprint] = Review(fingerprint, "false-alarm", "", "jdoe", "2026-10-01", rule, title)
    order = {"error": 0, "warning": 1, "note": 2}
    discrepancies.sort(key=lambda d: (order[d.severity], d.rule, d.facts[0].source, d.facts[0].line, d.fingerprint))
    return ReportInput(
        facts=pd.DataFrame.from_records(rows).drop_duplicates("fact_id"),
        discrepancies=discrepancies,
        reviews=reviews,
        stale=[],
        title=f"claims report: a pile of {flags} flags",
        changed=changed,
    )


def measure(page_file: Path, runs: int, browser: Any) -> dict[str, float]:
    """Median milliseconds to the first drawn page of flags, and to apply a severity filter and a search."""
    loads, filters, searches = [], [], []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(page_file.as_uri(), wait_until="commit")
        page.wait_for_selector("body[data-ready] #flag-list article", timeout=120_000)
        loads.append((time.perf_counter() - started) * 1000)
        filters.append(_timed(page, "document.getElementById('f-severity').value = 'error'; "
                                    "document.getElementById('f-severity').dispatchEvent(new Event('change'));"))
        searches.append(_timed(page, "const box = document.getElementById('f-search'); box.value = 'gaza killed'; "
                                     "box.dispatchEvent(new Event('input'));"))
        page.close()
    return {
        "load": statistics.median(loads),
        "filter": statistics.median(filters),
        "search": statistics.median(searches),
    }


def _timed(page: Any, script: str) -> float:
    """Milliseconds the script and the redraw it causes take, measured in the page (no round trips counted)."""
    layout = "document.getElementById('flag-list').getBoundingClientRect();"  # forces the redraw's layout
    return float(page.evaluate(f"() => {{ const t0 = performance.now(); {script} {layout} "
                               "return performance.now() - t0; }"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    from playwright.sync_api import sync_playwright

    print(f"{'flags':>7} {'facts':>7} {'page bytes':>12} {'bytes/flag':>10} {'render s':>9} "
          f"{'load ms':>9} {'filter ms':>10} {'search ms':>10}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            for size in args.sizes:
                report = pile(size)
                started = time.perf_counter()
                text = render_html(report)
                rendered = time.perf_counter() - started
                page_file = Path(folder) / f"index-{size}.html"
                page_file.write_text(text, encoding="utf-8")
                took = measure(page_file, args.runs, browser)
                facts = sum(len(d.facts) for d in report.discrepancies)
                print(f"{size:>7} {facts:>7} {page_file.stat().st_size:>12,} {page_file.stat().st_size // size:>10,} "
                      f"{rendered:>9.2f} {took['load']:>9.0f} {took['filter']:>10.1f} {took['search']:>10.1f}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
