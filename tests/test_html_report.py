"""reports/index.html: escaped, offline and deterministic (fast tests), and working in a real headless Chromium."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bench.report_load import HOSTILE, pile
from extract.consistency import Involved
from extract.consistency.intervals import Interval
from extract.reports import ReportInput
from extract.reports.html import render_html
from extract.reports.interval_chart import reading
from extract.review.verdicts import Review
from tests.report_fixtures import sample_input

SCRIPT_TEXT = "<script>alert('x')</script>"
# src/href/url() pointing at another host: http://, https:// or protocol-relative //.
EXTERNAL = re.compile(r"""(?:\b(?:src|href|action|srcset)\s*=\s*["']?\s*|url\(\s*["']?\s*)(?:https?:)?//""", re.I)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def report(tmp_path: Path) -> ReportInput:
    return sample_input(tmp_path, reviewed=1)


# --- Fast tests: the HTML text itself ----------------------------------------------------------------------------


def test_render_is_deterministic(report: ReportInput, tmp_path: Path) -> None:
    again = sample_input(tmp_path / "again", reviewed=1)
    assert render_html(report) == render_html(report) == render_html(again)


def test_no_external_assets(report: ReportInput) -> None:
    page = render_html(report)
    assert EXTERNAL.findall(page) == []
    assert "@import" not in page
    assert "default-src 'none'" in page  # the Content-Security-Policy forbids any fetch


def _data(page: str) -> Any:
    """The page's JSON data, as the script reads it."""
    start = page.index('<script type="application/json" id="report-data">') + len('<script type="application/json" id="report-data">')
    return json.loads(page[start : page.index("</script>", start)])


def test_article_text_stays_inside_the_data(report: ReportInput) -> None:
    page = render_html(report)
    assert SCRIPT_TEXT not in page
    assert page.count("<script") == 2  # the data and ours
    assert page.count("</script>") == 2
    assert "<!--" not in page
    data = _data(page)
    assert any(SCRIPT_TEXT in fact["s"] for fact in data["facts"])  # read back exactly


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "end-script", "comment-img", "formula"])
def test_hostile_text_cannot_leave_the_json(text: str) -> None:
    page = render_html(pile(200))  # each hostile text once at least
    assert text not in page and "<img" not in page and "<!--" not in page
    assert page.count("</script>") == 2
    assert any(text in fact["s"] for fact in _data(page)["facts"])


def test_every_flag_is_in_the_data_with_its_status_and_chart(report: ReportInput) -> None:
    data = _data(render_html(report))
    assert [flag["fp"] for flag in data["flags"]] == [d.fingerprint for d in report.discrepancies]
    assert [flag["status"] for flag in data["flags"]] == [report.status(d) for d in report.discrepancies]
    assert all(flag["chart"]["r"] for flag in data["flags"])
    at_least = next(flag for flag in data["flags"] if any(data["facts"][i]["q"] == "At least 43" for i, _ in flag["facts"]))
    assert "arrow" in [end for row in at_least["chart"]["r"] for end in row[3:]]  # no upper bound: an arrow


def test_a_fact_in_several_flags_is_stored_once() -> None:
    report = pile(400)
    data = _data(render_html(report))
    assert len(data["facts"]) == len({(f.fact_id, f.sentence) for d in report.discrepancies for f in d.facts})


def test_stale_decisions_are_listed(report: ReportInput) -> None:
    gone = Review("0123456789abcdef0123", "false-alarm", "<b>old</b>", "jdoe", "2026-01-02", "value-conflict", "Gone")
    page = render_html(dataclasses.replace(report, stale=[gone]))
    stale = page.split('<section id="stale">', 1)[1]
    assert "0123456789abcdef0123" in stale
    assert "false alarm" in stale
    assert "&lt;b&gt;old&lt;/b&gt;" in stale
    assert 'href="#stale"' in page
    assert '<section id="stale">' not in render_html(report)


@pytest.mark.parametrize(
    ("low", "high", "low_open", "high_open", "unit", "words"),
    [
        ("520", "520", False, False, "km", "520 km"),  # a point
        ("27", "33", False, False, "count", "27 to 33"),  # "some 30"
        ("6.7", "9.3", False, True, "count", "6.7 to 9.3"),  # "about 8", widened by its rounding
        ("42.5", None, False, True, "count", "at least 42.5"),  # "at least 43"
        ("1700000", None, True, False, "count", "more than 1,700,000"),  # "over 1.7 million"
        (None, "5", False, True, "percent", "less than 5 percent"),  # "under 5%"
        (None, None, False, False, "", "any amount"),
        ("0.25", "0.35", False, False, "dimensionless", "0.25 to 0.35"),
    ],
    ids=["point", "range", "about", "at-least", "over", "under", "unbounded", "fraction"],
)
def test_reading_is_the_explanations_interval(
    low: str | None, high: str | None, low_open: bool, high_open: bool, unit: str, words: str
) -> None:
    involved = Involved("claim", "f", "a.txt", 1, 1, 1, 0, 1, "x", "x", None, low, high, low_open, high_open, unit, None)
    assert reading(involved) == words
    assert Interval(_decimal(low), _decimal(high), low_open, high_open).describe(unit) == words


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# --- In a real browser -------------------------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        pytest.skip("Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu)")
    return found


PILE_FLAGS = 2000
PAGE_SIZE = 50
SCREENSHOT = Path("/tmp/claims-report-2000.png")


class Browser:
    """One headless Chromium page on a written report, offline, recording dialogs, errors and requests."""

    def __init__(self, playwright: Any, executable: str, page_file: Path) -> None:
        self.url = page_file.as_uri()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requested: list[str] = []
        self.browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        context = self.browser.new_context(viewport={"width": 1280, "height": 900}, offline=True, accept_downloads=True)
        context.route("**/*", lambda route: route.continue_() if route.request.url == self.url else route.abort())
        self.page = context.new_page()
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda request: self.requested.append(request.url))
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-ready]")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shown(self) -> list[str]:
        """The fingerprints of the flags drawn, in order."""
        ids: list[str] = self.page.eval_on_selector_all("#flag-list article.discrepancy", "cards => cards.map(c => c.id)")
        return [identifier.removeprefix("d-") for identifier in ids]

    def matching(self) -> int:
        return int(self.page.get_attribute("#flags-count", "data-matching") or -1)

    def clean(self) -> None:
        """Nothing ran that the page did not mean to run, and nothing was fetched."""
        self.page.wait_for_timeout(100)  # room for a late dialog or error
        assert self.dialogs == [] and self.errors == []
        assert [request for request in self.requested if request != self.url] == []
        assert self.page.evaluate("document.scripts.length") == 2
        assert self.page.locator("#flag-list img, #flag-list script, #flag-list iframe").count() == 0


@dataclasses.dataclass(frozen=True)
class Row:
    """A flag as the page's filters see it, worked out here in Python."""

    fingerprint: str
    order: int
    severity: str
    rule: str
    status: str
    verdict: str | None
    story: str
    stories: frozenset[str]
    metrics: frozenset[str]
    sources: frozenset[str]
    size: int


def _rows(report: ReportInput) -> list[Row]:
    metric = dict(zip(report.facts["fact_id"], report.facts["metric"], strict=True))
    rows = []
    for order, d in enumerate(report.discrepancies):
        review = report.review_of(d)
        stories = frozenset(f.story or "(no story)" for f in d.facts)
        rows.append(Row(
            d.fingerprint, order, d.severity, d.rule, report.status(d), review.verdict if review else None,
            min(stories), stories, frozenset(metric[f.fact_id] for f in d.facts), frozenset(f.source for f in d.facts),
            len(d.facts),
        ))  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def pile_report() -> ReportInput:
    return pile(PILE_FLAGS)


@pytest.fixture(scope="module")
def chromium() -> Any:
    """Playwright with the system's Chromium (one per module: the sync API cannot nest); skips without either."""
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright: pip install playwright")
    with sync_api.sync_playwright() as playwright:
        yield lambda page_file: Browser(playwright, executable, page_file)


@pytest.fixture(scope="module")
def pile_page(chromium: Any, pile_report: ReportInput, tmp_path_factory: pytest.TempPathFactory) -> Any:
    page_file = tmp_path_factory.mktemp("pile") / "index.html"
    page_file.write_text(render_html(pile_report), encoding="utf-8")
    browser = chromium(page_file)
    try:
        yield browser
    finally:
        browser.browser.close()


@pytest.fixture
def pile_view(pile_page: Browser) -> Browser:
    """The pile's page with every filter cleared, sorted most severe first, ungrouped, 50 a page."""
    page = pile_page.page
    page.click("#f-reset")
    page.select_option("#f-sort", "severity")
    page.set_checked("#f-group", False)
    page.select_option("#f-size", str(PAGE_SIZE))
    return pile_page


def _pick(rows: list[Row], name: str) -> str:
    """A value of a filter that keeps some flags and drops others: the second most common."""
    counts: dict[str, int] = {}
    for row in rows:
        for value in {"story": row.stories, "metric": row.metrics, "source": row.sources}.get(name, {getattr(row, name)}):
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda value: (-counts[value], value))[1]


FILTERS = [
    ("#f-severity", lambda rows: _pick(rows, "severity"), lambda row, value: row.severity == value),
    ("#f-rule", lambda rows: "scale-slip", lambda row, value: row.rule == value),
    ("#f-status", lambda rows: "unreviewed", lambda row, value: row.status == "unreviewed"),
    ("#f-status", lambda rows: "v:explained-by-time", lambda row, value: row.verdict == "explained-by-time"),
    ("#f-status", lambda rows: "attention", lambda row, value: row.status != "accepted"),
    ("#f-story", lambda rows: _pick(rows, "story"), lambda row, value: value in row.stories),
    ("#f-metric", lambda rows: "border.length", lambda row, value: value in row.metrics),
    ("#f-source", lambda rows: "corpus.jsonl#3", lambda row, value: value in row.sources),
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("control", "choose", "keeps"),
    FILTERS,
    ids=["severity", "rule", "unreviewed", "verdict", "attention", "story", "metric", "source"],
)
def test_each_filter_narrows_the_pile(pile_view: Browser, pile_report: ReportInput, control: str, choose: Any, keeps: Any) -> None:
    rows = _rows(pile_report)
    value = choose(rows)
    expected = [row.fingerprint for row in rows if keeps(row, value)]
    assert 0 < len(expected) < len(rows)
    pile_view.page.select_option(control, value)
    assert pile_view.matching() == len(expected)
    assert pile_view.shown() == expected[:PAGE_SIZE]
    shown = min(PAGE_SIZE, len(expected))
    assert pile_view.page.inner_text("#flags-count") == f"1–{shown} of {len(expected)} flags ({len(rows)} in all)"
    pile_view.clean()


@pytest.mark.timeout(120)
def test_filters_combine_and_search_matches_every_word(pile_view: Browser, pile_report: ReportInput) -> None:
    rows = _rows(pile_report)
    by_fingerprint = {d.fingerprint: d for d in pile_report.discrepancies}
    pile_view.page.select_option("#f-severity", "warning")
    pile_view.page.fill("#f-search", "GAZA  affected")
    expected = [
        row.fingerprint for row in rows
        if row.severity == "warning" and any("Gaza" in f.sentence for f in by_fingerprint[row.fingerprint].facts)
    ]  # fmt: skip
    assert pile_view.matching() == len(expected) > 0
    assert pile_view.shown() == expected[:PAGE_SIZE]
    pile_view.page.fill("#f-search", "no such words anywhere")
    assert pile_view.matching() == 0 and pile_view.page.is_visible("#flags-empty")


@pytest.mark.timeout(120)
def test_sorting_and_paging(pile_view: Browser, pile_report: ReportInput) -> None:
    rows = _rows(pile_report)
    page = pile_view.page
    assert pile_view.shown() == [row.fingerprint for row in rows[:PAGE_SIZE]]  # most severe first, as given
    assert page.inner_text("#pager-top .page-info") == f"Page 1 of {PILE_FLAGS // PAGE_SIZE}"
    page.click("#pager-top button:has-text('Next')")
    assert pile_view.shown() == [row.fingerprint for row in rows[PAGE_SIZE : 2 * PAGE_SIZE]]
    assert page.inner_text("#flags-count") == f"{PAGE_SIZE + 1}–{2 * PAGE_SIZE} of {PILE_FLAGS} flags"
    page.select_option("#f-sort", "size")
    by_size = sorted(rows, key=lambda row: (-row.size, row.order))
    assert pile_view.shown() == [row.fingerprint for row in by_size[:PAGE_SIZE]]  # a new order starts at page 1
    page.select_option("#f-sort", "rule")
    by_rule = sorted(rows, key=lambda row: (row.rule, row.order))
    page.select_option("#f-size", "200")
    page.click("#pager-bottom button:has-text('Next')")
    assert pile_view.shown() == [row.fingerprint for row in by_rule[200:400]]
    page.select_option("#f-rule", "parts-sum")
    assert page.locator("#pager-top .page-info").inner_text().startswith("Page 1 of")


@pytest.mark.timeout(120)
def test_grouped_by_story(pile_view: Browser, pile_report: ReportInput) -> None:
    rows = _rows(pile_report)
    pile_view.page.check("#f-group")
    expected = sorted(rows, key=lambda row: (row.story, row.order))[:PAGE_SIZE]
    assert pile_view.shown() == [row.fingerprint for row in expected]
    heads = pile_view.page.eval_on_selector_all(
        "#flag-list > *",
        "nodes => nodes.map(n => n.classList.contains('story-head') ? 'H:' + n.dataset.story : n.dataset.story)",
    )
    stories = list(dict.fromkeys(row.story for row in expected))
    assert [item[2:] for item in heads if item.startswith("H:")] == stories
    current = None
    for item in heads:  # every card sits under the heading of its story
        if item.startswith("H:"):
            current = item[2:]
        else:
            assert item == current
    first = pile_view.page.locator("#flag-list .story-head").first.inner_text()
    assert first == f"{stories[0]} · {sum(row.story == stories[0] for row in rows)} flags"


@pytest.mark.timeout(120)
def test_csv_of_the_filtered_facts(pile_view: Browser, pile_report: ReportInput) -> None:
    rows = _rows(pile_report)
    page = pile_view.page
    page.select_option("#f-metric", "money.stolen")
    page.select_option("#f-status", "unreviewed")
    kept = {row.fingerprint for row in rows if "money.stolen" in row.metrics and row.status == "unreviewed"}
    expected = [(d.fingerprint, f.fact_id) for d in pile_report.discrepancies if d.fingerprint in kept for f in d.facts]
    with page.expect_download() as download:
        page.click("#f-csv")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    table = list(csv.DictReader(io.StringIO(saved, newline="")))
    assert [(line["fingerprint"], line["fact_id"]) for line in table] == expected
    assert {line["status"] for line in table} == {"unreviewed"}
    # Every filtered flag with a formula for a sentence: the cell gets a quote, as facts.csv's cells do.
    pile_view.page.click("#f-reset")
    page.fill("#f-search", "hyperlink")
    table = list(csv.DictReader(io.StringIO(page.evaluate("window.claimsReport.csv()"), newline="")))
    formulas = [line["sentence"] for line in table if "HYPERLINK" in line["sentence"]]
    assert formulas and all(sentence.startswith("'=HYPERLINK(") for sentence in formulas)
    assert {line["read_as"] for line in table} >= {"at least 3,000"} or all(line["read_as"] for line in table)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("text", HOSTILE, ids=["script", "end-script", "comment-img", "formula"])
def test_hostile_text_is_shown_literally(pile_view: Browser, text: str) -> None:
    page = pile_view.page
    page.fill("#f-search", text)
    assert pile_view.matching() > 0
    card = page.locator("#flag-list article.discrepancy").first
    assert text in card.locator("blockquote").first.inner_text()
    assert text in card.locator(".explanation").inner_text()
    pile_view.clean()


@pytest.mark.timeout(120)
def test_screenshot_of_the_pile(pile_view: Browser) -> None:
    pile_view.page.select_option("#f-size", "25")
    pile_view.page.evaluate("window.scrollTo(0, 0)")
    pile_view.page.screenshot(path=str(SCREENSHOT), full_page=False)
    print(f"screenshot: {SCREENSHOT}")
    pile_view.clean()


@pytest.mark.timeout(120)
def test_page_in_headless_chromium(chromium: Any, report: ReportInput, tmp_path: Path) -> None:
    """The seed pile: quotes side by side, figures marked, read as the explanation reads them, statuses."""
    page_file = tmp_path / "index.html"
    page_file.write_text(render_html(report), encoding="utf-8")
    browser = chromium(page_file)
    try:
        page = browser.page
        assert page.locator("section").first.get_attribute("id") == "discrepancies"
        cards = page.locator("article.discrepancy")
        assert cards.count() == len(report.discrepancies)
        slip = cards.filter(has_text="$2.5 billion")
        quotes = slip.locator("figure.quote")
        assert quotes.count() == 2
        first, second = quotes.nth(0), quotes.nth(1)
        assert "Thieves stole jewels worth $2.5 million from the Paris store." in first.inner_text()
        assert "Thieves stole jewels worth $2.5 billion" in second.inner_text()
        left, right = first.bounding_box(), second.bounding_box()
        assert left is not None and right is not None
        assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] <= right["x"]
        assert [quotes.nth(n).locator("blockquote mark").inner_text() for n in range(2)] == [
            "$2.5 million",
            "$2.5 billion",
        ]
        assert slip.locator("svg").first.is_visible()
        # How each claim was read is the interval its explanation writes (value conflicts list every figure's).
        conflicts = [n for n in range(cards.count()) if cards.nth(n).locator(".rule").inner_text() == "value-conflict"]
        assert conflicts
        for n in conflicts:
            explanation = cards.nth(n).locator(".explanation").inner_text()
            readings = cards.nth(n).locator(".reading b").all_inner_texts()
            assert readings and all(reading in explanation for reading in readings if reading != "any amount")
        statuses = [cards.nth(n).locator(".status").inner_text() for n in range(cards.count())]
        assert statuses[0] == "confirmed error"
        assert set(statuses[1:]) <= {"unreviewed", "note, needs no verdict"}
        assert "tester" in cards.nth(0).locator(".review").inner_text()
        assert page.get_by_text(SCRIPT_TEXT).first.is_visible()
        unreviewed = page.locator('.summary [data-stat="unreviewed"] b').inner_text()
        assert int(unreviewed) == len(report.unreviewed)
        page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        browser.clean()
    finally:
        browser.browser.close()
