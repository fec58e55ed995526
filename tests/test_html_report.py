"""reports/index.html: escaped, offline and deterministic (fast tests), and working in a real headless Chromium."""

from __future__ import annotations

import dataclasses
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from extract.reports import ReportInput
from extract.reports.html import _interval_words, render_html
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


def test_article_text_is_escaped(report: ReportInput) -> None:
    page = render_html(report)
    assert SCRIPT_TEXT not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.count("<script") == 1  # ours, at the end of the body
    assert page.count("</script>") == 1


def test_quotes_are_marked_in_their_sentences(report: ReportInput) -> None:
    page = render_html(report)
    assert "Thieves stole jewels worth <mark>$2.5 billion</mark> from the Paris store &lt;script&gt;" in page
    assert "<mark>At least 43</mark> people were killed" in page


def test_every_discrepancy_has_a_status_and_a_chart(report: ReportInput) -> None:
    page = render_html(report)
    cards = page.split('<article class="discrepancy"')[1:]
    assert len(cards) == len(report.discrepancies)
    assert [re.search(r'data-status="([^"]+)"', card).group(1) for card in cards] == [  # type: ignore[union-attr]
        report.status(discrepancy) for discrepancy in report.discrepancies
    ]
    assert 'class="pill status status-confirmed-error">confirmed error<' in cards[0]
    assert all(">unreviewed<" in card for card in cards[1:])
    assert all("<svg viewBox=" in card for card in cards)
    at_least = next(card for card in cards if "At least 43" in card)
    assert "<polygon" in at_least  # the claim has no upper bound: an arrow


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
        ("27", "33", False, False, "count", "27 – 33 count"),  # "some 30"
        ("43", None, False, False, "count", "≥ 43 count"),  # "at least 43"
        ("1700000", None, True, False, "", "> 1,700,000"),  # "over 1.7 million"
        ("900000", "1000000", False, True, "", "≥ 900,000 and < 1,000,000"),  # "almost a million"
        (None, "5", False, True, "percent", "< 5 percent"),  # "under 5%"
        (None, None, False, False, "", "any value"),
        ("0.25", "0.35", False, False, "", "0.25 – 0.35"),
    ],
    ids=["point", "range", "at-least", "over", "almost", "under", "unbounded", "fraction"],
)
def test_interval_words(
    low: str | None, high: str | None, low_open: bool, high_open: bool, unit: str, words: str
) -> None:
    assert _interval_words(_decimal(low), _decimal(high), low_open, high_open, unit) == words


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# --- In a real browser -------------------------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        pytest.skip("Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu)")
    return found


def _visible_rows(page: Any) -> list[str]:
    rows: list[str] = page.eval_on_selector_all(
        "#facts-table tbody tr", "rows => rows.filter(row => !row.hidden).map(row => row.id)"
    )
    return rows


@pytest.mark.timeout(120)
def test_page_in_headless_chromium(report: ReportInput, tmp_path: Path) -> None:
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright: pip install playwright")
    page_file = tmp_path / "index.html"
    page_file.write_text(render_html(report), encoding="utf-8")
    url = page_file.as_uri()
    facts = report.facts

    def row_ids(mask: Any) -> list[str]:
        return [f"f-{fact_id}" for fact_id in facts.loc[mask.fillna(False).astype(bool), "fact_id"]]

    console_errors: list[str] = []
    page_errors: list[str] = []
    dialogs: list[str] = []
    blocked: list[str] = []
    requested: list[str] = []

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)

            def route(route: Any) -> None:
                if route.request.url == url:
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: page_errors.append(str(error)))

            def on_dialog(dialog: Any) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("request", lambda request: requested.append(request.url))
            page.goto(url)
            page.wait_for_load_state("load")

            # Discrepancies come first; both quotes of the scale slip side by side, the figures marked.
            assert page.locator("section").first.get_attribute("id") == "discrepancies"
            cards = page.locator("article.discrepancy")
            assert cards.count() == len(report.discrepancies)
            slip = cards.filter(has_text="$2.5 billion")
            quotes = slip.locator("figure.quote")
            assert quotes.count() == 2
            first, second = quotes.nth(0), quotes.nth(1)
            assert first.is_visible() and second.is_visible()
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

            # The review status: a confirmed error on the reviewed one, unreviewed on the others.
            statuses = [cards.nth(n).locator(".status").inner_text() for n in range(cards.count())]
            assert statuses[0] == "confirmed error"
            assert statuses[1:] == ["unreviewed"] * (len(statuses) - 1)
            assert "tester" in cards.nth(0).locator(".review").inner_text()

            # Article text with markup shows as text and runs nothing.
            assert page.get_by_text(SCRIPT_TEXT).first.is_visible()
            assert page.evaluate("document.scripts.length") == 1

            # Filtering the fact table.
            everything = [f"f-{fact_id}" for fact_id in facts["fact_id"]]
            assert _visible_rows(page) == everything
            page.select_option("#filter-metric", "border.length")
            expected = row_ids(facts["metric"] == "border.length")
            assert len(expected) == 3
            assert _visible_rows(page) == expected
            assert page.locator("#facts-count").inner_text() == f"3 of {len(facts)} claims shown"
            page.select_option("#filter-place", "KGZ")
            places = facts["places"].fillna("").str.split(";")
            assert _visible_rows(page) == row_ids(
                (facts["metric"] == "border.length") & places.map(lambda p: "KGZ" in p)
            )
            page.click("#filter-reset")
            assert _visible_rows(page) == everything
            page.select_option("#filter-source", "<text-5>")
            assert _visible_rows(page) == row_ids(facts["source"] == "<text-5>")
            page.click("#filter-reset")
            page.fill("#fact-search", "jewels PARIS")
            assert _visible_rows(page) == row_ids(facts["sentence"].str.contains("jewels"))
            assert len(_visible_rows(page)) == 2
            page.fill("#fact-search", "no such words anywhere")
            assert _visible_rows(page) == []
            assert page.locator("#facts-empty").is_visible()
            page.click("#filter-reset")
            page.check("#filter-flagged")
            flagged = {f"f-{involved.fact_id}" for d in report.discrepancies for involved in d.facts}
            assert set(_visible_rows(page)) == flagged
            page.click("#filter-reset")

            page.evaluate("window.scrollTo(0, 0)")  # the sticky header belongs at the top of the full-page shot
            screenshot = tmp_path / "index.png"
            page.screenshot(path=str(screenshot), full_page=True)
            print(f"screenshot: {screenshot}")
            page.wait_for_timeout(200)  # room for a late dialog or error
        finally:
            browser.close()

    assert console_errors == []
    assert page_errors == []
    assert dialogs == []
    assert blocked == []
    assert [request for request in requested if request != url] == []
