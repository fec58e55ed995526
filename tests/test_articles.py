"""Article segmentation: the seed pages, and pages of the same and other shapes written for the test."""

from __future__ import annotations

import pytest
import regex

from extract.ingest.articles import Article, layouts, segment
from extract.ingest.documents import Document, read_documents
from tests.helpers import SEEDS

SEED_TITLES = {
    "000_de64a30cb4f39542.txt": [
        "Does Tajikistan Have a Choice Amid Anti-Russian Sanctions?",
        "Shanghai Cooperation Organization Summit and Later Developments: The Politics Analyzed",
        "Kyrgyz-Tajik Conflict: Small States Becoming Victim In Games Of The Great Powers",
        "Shanghai Cooperation Organization: Crouching Tiger, Hidden Dragon",
    ],
    "002_4dd6fd96ae8d6349.txt": [
        "Why Central Asian Jihadists are Inspired by the US-Taliban Agreement?",
        "SARS –an Unusual National Security Foe: Success of Central Asia Countries in Stemming COVID-19",
        "Russia-China relations: Engagement abilities in managing their differences in Central Asia",
        "Qassem Soleimani’s Broken Dream in Central Asia",
    ],
}

# Lines of site chrome on the seed pages: none may sit inside an article's body, title or subheadline.
CHROME = regex.compile(
    r"""^\s*(?: Connect\ with\ us | Continue\ Reading | Comments | Published | on | Avatar\ photo | Latest
              | Publications | Trending | Central\ Asia | From\ our\ partner\ .* | .*\d+\ (?:mins?|hours?)\ ago
              | .*\.\.\.)\s*$""",
    regex.VERBOSE | regex.MULTILINE,
)


def seed_articles(name: str) -> tuple[Document, list[Article]]:
    [document] = read_documents([str(SEEDS / name)])
    return document, segment(document)


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_seed_pages_hold_four_articles_each_with_its_title(name: str) -> None:
    _, articles = seed_articles(name)
    assert [article.title for article in articles] == SEED_TITLES[name]
    assert [article.index for article in articles] == [1, 2, 3, 4]
    assert {article.layout for article in articles} == {"section-feed"}


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_every_span_round_trips(name: str) -> None:
    document, articles = seed_articles(name)
    for article in articles:
        assert document.text[article.start : article.end] == article.body.text
        for span in (article.title_span, article.subtitle, article.author_span):
            if span is not None:
                assert document.text[span.start : span.end] == span.text
        assert article.title_span is not None and article.title_span.text == article.title


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_no_chrome_or_teaser_inside_an_article(name: str) -> None:
    _, articles = seed_articles(name)
    for article in articles:
        for part in (article.body.text, article.subtitle.text if article.subtitle else ""):
            assert not CHROME.search(part), CHROME.search(part)
        assert "mins ago" not in article.body.text and "hours ago" not in article.body.text
    previous_end = -1
    for article in articles:
        assert article.start > previous_end
        previous_end = article.end


def test_seed_headers_keep_author_and_subheadline_apart() -> None:
    _, articles = seed_articles("002_4dd6fd96ae8d6349.txt")
    first = articles[0]
    assert first.author == "Uran Botobekov"
    assert first.subtitle is not None
    assert first.subtitle.text == "Central Asian Jihadists Congratulate Taliban and Threaten Five ‘Stans’"
    assert first.body.text.startswith("Al-Qaeda-backed Central Asian Salafi-Jihadi groups")
    assert "second left" not in first.body.text  # the photo caption
    assert articles[1].author == "Sayfiddin Juraev and Gregory Gleason"
    assert not articles[1].body.text.startswith("Authors:")
    assert "Gregory Gleason is professor" not in articles[1].body.text  # the author's footnote
    _, page_one = seed_articles("000_de64a30cb4f39542.txt")
    assert page_one[0].body.text.endswith("Russia’s place in this agenda remains quite solid.")  # no "From our partner"
    assert "Photo: ©" not in page_one[2].body.text


# A page of the same layout from another site, with content the rules must not key on.
OTHER_FEED_PAGE = """Menu

Economy

Wheat Exports Hit Record as Black Sea Corridor Reopens

Jane Q. Public

Published

on

Grain shipments rose to 4.2 million tonnes in August, the highest monthly total since the corridor opened.

Traders expect exports of about 50 million tonnes this season, up from 45 million tonnes a year earlier.

Continue Reading

Energy

Gas Prices Fall

Analysts said on Monday that European gas prices fell 12% over the week as storage reached 90% of capacity.
Storage operators reported inflows of 1.5 billion cubic metres in the past seven days alone, a record.

Continue Reading

Latest

Markets2 hours ago

Stocks rally on rate hopes

Shares rose on Tuesday as investors bet that...

Energy5 hours ago

Oil steadies

Oil prices steadied after...
"""


def test_another_site_in_the_feed_layout() -> None:
    document = Document(source="other.txt", path="other.txt", format="txt", text=OTHER_FEED_PAGE)
    articles = segment(document)
    assert [a.title for a in articles] == ["Wheat Exports Hit Record as Black Sea Corridor Reopens", "Gas Prices Fall"]
    assert articles[0].author == "Jane Q. Public"
    assert articles[0].body.text.startswith("Grain shipments rose")
    assert articles[0].body.text.endswith("a year earlier.")
    assert articles[1].body.text.endswith("a record.")
    assert all("ago" not in a.body.text and "Stocks rally" not in a.body.text for a in articles)


def test_plain_text_is_one_article_titled_by_its_headline() -> None:
    text = "Lindsay Lohan checks into Betty Ford Center\nMay 03, 2013\nLohan has checked into the Betty Ford Center.\n"
    articles = segment(Document(source="a.txt", path="a.txt", format="txt", text=text))
    assert len(articles) == 1
    assert articles[0].layout == "single"
    assert articles[0].title == "Lindsay Lohan checks into Betty Ford Center"
    assert articles[0].body.text == "May 03, 2013\nLohan has checked into the Betty Ford Center."


def test_hard_wrapped_newswire_has_no_guessed_title() -> None:
    text = "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary.\n"
    [article] = segment(Document(source="r.txt", path="r.txt", format="txt", text=text))
    assert article.title is None
    assert article.body.text == text.strip()


def test_markdown_heading_is_the_title_without_its_hashes() -> None:
    text = "# Border deal signed\n\nThe two governments agreed on 950 km of the border.\n"
    [article] = segment(Document(source="a.md", path="a.md", format="md", text=text))
    assert article.title == "Border deal signed"
    assert article.title_span is not None and text[article.title_span.start : article.title_span.end] == article.title


def test_a_record_is_one_article_unless_asked() -> None:
    document = Document(
        source="c.jsonl#1", path="c.jsonl", format="jsonl", text=OTHER_FEED_PAGE, record_id="1", record_line=1,
        title="Feed dump",
    )
    [whole] = segment(document)
    assert whole.layout == "record" and whole.title == "Feed dump"
    assert whole.body.text == OTHER_FEED_PAGE.strip()
    assert len(segment(document, records_as_pages=True)) == 2


def test_unknown_layout_is_a_clear_error() -> None:
    document = Document(source="a.txt", path="a.txt", format="txt", text="x")
    with pytest.raises(ValueError, match="unknown layout 'nope'; known layouts: section-feed, single"):
        segment(document, layout="nope")


def test_layouts_are_documented() -> None:
    assert [layout.name for layout in layouts()] == ["section-feed", "single"]
    assert all(layout.description for layout in layouts())
