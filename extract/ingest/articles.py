"""Article segmentation: a scraped page becomes its articles, with the site's chrome left out.

A page is read line by line. Its layout is chosen from the profiles in ``lexicons/site_layouts.toml``
(the first whose end markers occur often enough); each profile says which whole lines are chrome, what
closes an article, and what a teaser list, a photo caption, a byline and an author box look like.

For the ``section-feed`` layout the page is cut at its end markers ("Continue Reading"). In each piece:

1. a teaser list ("Southeast Asia29 mins ago" and what follows) ends the piece;
2. chrome lines are dropped wherever they are;
3. the header is read: an optional section label (a short line followed by another headline-like line),
   the title (the first headline-like line), then, until the body starts, photo captions, the author
   (a name right before "Published" / "on", or a byline), and at most one subheadline;
4. the body runs from the first paragraph-like line to the last line before the end marker, less any
   trailing author box ("From our partner RIAC", a biography line); a piece whose body is shorter than
   the profile's ``min_body_chars`` is not an article.

The ``single`` layout takes any other text as one article. A JSONL/CSV record is one article (its whole
text, titled from its metadata) unless segmentation is asked for.

An article's ``start`` and ``end`` are those of its body; the title, subheadline and author have spans of
their own, since chrome may sit between them and the body.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

import regex

from extract.ingest.documents import Document

__all__ = ["Article", "Layout", "Span", "layouts", "segment"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    source: str
    index: int  # 1-based position in its document
    layout: str
    body: Span
    title: str | None = None
    title_span: Span | None = None
    subtitle: Span | None = None
    author: str | None = None
    author_span: Span | None = None
    date: str | None = None
    url: str | None = None

    @property
    def start(self) -> int:
        return self.body.start

    @property
    def end(self) -> int:
        return self.body.end


@dataclass(frozen=True, slots=True)
class Layout:
    """One site profile from ``lexicons/site_layouts.toml`` (its header documents each field)."""

    name: str
    description: str
    end_markers: frozenset[str]
    min_end_markers: int
    chrome_lines: frozenset[str]
    published_markers: frozenset[str]
    teaser_age: regex.Pattern[str]
    caption: regex.Pattern[str]
    byline: regex.Pattern[str]
    author_box: regex.Pattern[str]
    max_section_words: int
    max_heading_chars: int
    min_body_chars: int


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offsets of the line's text without its surrounding whitespace
    end: int
    text: str


# A teaser line is short: a section label and an age, nothing more.
MAX_TEASER_LINE_CHARS: Final = 80
# Sentence-final punctuation, looked for after closing quotes and brackets are set aside.
TERMINAL: Final = (".", "!", "?", "…")
CLOSERS: Final = "\"'”’»)]"
NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}.'’-]*|al-\p{L}+|bin|ibn|de|da|van|von|der|la|le)$")
BYLINE_LEAD = regex.compile(r"^\s*(?:By|Authors?\s*:|Written\s+by)\s*", regex.IGNORECASE)
MARKDOWN_HEADING = regex.compile(r"^\#{1,6}\s+")


@cache
def layouts() -> tuple[Layout, ...]:
    """The site profiles, in the order they are tried; the last one takes any text."""
    raw = tomllib.loads(files("extract").joinpath("lexicons/site_layouts.toml").read_text(encoding="utf-8"))
    flags = regex.VERBOSE | regex.IGNORECASE | regex.MULTILINE
    return tuple(
        Layout(
            name=entry["name"],
            description=entry["description"],
            end_markers=frozenset(entry["end_markers"]),
            min_end_markers=entry["min_end_markers"],
            chrome_lines=frozenset(line.casefold() for line in entry["chrome_lines"]),
            published_markers=frozenset(line.casefold() for line in entry["published_markers"]),
            teaser_age=regex.compile(entry["teaser_age"], flags),
            caption=regex.compile(entry["caption"], flags),
            byline=regex.compile(entry["byline"], regex.VERBOSE),
            author_box=regex.compile(entry["author_box"], regex.VERBOSE),
            max_section_words=entry["max_section_words"],
            max_heading_chars=entry["max_heading_chars"],
            min_body_chars=entry["min_body_chars"],
        )
        for entry in raw["layout"]
    )


def segment(document: Document, *, records_as_pages: bool = False, layout: str | None = None) -> list[Article]:
    """The articles of `document`, in page order.

    A record (JSONL/CSV) is one article unless `records_as_pages` is set; `layout` forces a profile by name.
    """
    if document.is_record and not records_as_pages:
        return _whole_record(document)
    lines = _lines(document.text)
    chosen = _layout_named(layout) if layout else _choose_layout(lines)
    if chosen.end_markers:
        return _feed_articles(document, lines, chosen)
    return _single_article(document, lines, chosen)


def _layout_named(name: str) -> Layout:
    for candidate in layouts():
        if candidate.name == name:
            return candidate
    known = ", ".join(candidate.name for candidate in layouts())
    raise ValueError(f"unknown layout {name!r}; known layouts: {known}")


def _choose_layout(lines: Sequence[_Line]) -> Layout:
    for candidate in layouts():
        markers = sum(1 for line in lines if line.text in candidate.end_markers)
        if markers >= candidate.min_end_markers:
            return candidate
    return layouts()[-1]


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of `text`, trimmed, with their offsets."""
    found = []
    for match in regex.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            found.append(_Line(start, start + len(stripped), stripped))
    return found


def _feed_articles(document: Document, lines: Sequence[_Line], layout: Layout) -> list[Article]:
    articles: list[Article] = []
    piece: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.text not in layout.end_markers:
            piece.append(line)
            continue
        article = _read_piece(document, piece, layout, index=len(articles) + 1)
        if article is not None:
            articles.append(article)
        piece = []
    return articles


def _read_piece(document: Document, piece: Sequence[_Line], layout: Layout, index: int) -> Article | None:
    lines = [line for line in _before_teasers(piece, layout) if not _is_chrome(line, layout)]
    # `published` marks where the "Published / on" block stood: the author's name comes right before it.
    published_after = {
        position for position, line in enumerate(piece) if line.text.casefold() in layout.published_markers
    }
    lines = [line for line in lines if line.text.casefold() not in layout.published_markers]
    if not lines:
        return None
    cursor = 0
    if (
        len(lines) > 1
        and _is_section_label(lines[0], layout)
        and _is_headline(lines[1], layout)
    ):
        cursor = 1
    if not _is_headline(lines[cursor], layout):
        return None
    title = lines[cursor]
    cursor += 1
    author: _Line | None = None
    author_text: str | None = None
    subtitle: _Line | None = None
    while cursor < len(lines) and not _is_paragraph(lines[cursor], layout):
        line = lines[cursor]
        if layout.byline.search(line.text):
            author, author_text = line, BYLINE_LEAD.sub("", line.text).rstrip("*† ")
        elif layout.caption.search(line.text):
            pass
        elif _precedes_published(line, piece, published_after) and _is_name(line.text):
            author, author_text = line, line.text
        elif subtitle is None and _is_headline(line, layout):
            subtitle = line
        else:
            break
        cursor += 1
    body_lines = list(lines[cursor:])
    while body_lines and layout.author_box.search(body_lines[-1].text):
        body_lines.pop()
    if not body_lines:
        return None
    body = _span(document.text, body_lines[0].start, body_lines[-1].end)
    if len(body.text) < layout.min_body_chars:
        return None
    return Article(
        source=document.source,
        index=index,
        layout=layout.name,
        body=body,
        title=title.text,
        title_span=_span(document.text, title.start, title.end),
        subtitle=_span(document.text, subtitle.start, subtitle.end) if subtitle else None,
        author=author_text or document.author,
        author_span=_span(document.text, author.start, author.end) if author else None,
        date=document.date,
        url=document.url,
    )


def _single_article(document: Document, lines: Sequence[_Line], layout: Layout) -> list[Article]:
    if not lines:
        return []
    first = lines[0]
    heading = MARKDOWN_HEADING.match(first.text)
    title: _Line | None = None
    if heading:
        title = _Line(first.start + heading.end(), first.end, first.text[heading.end() :])
    elif (document.title and first.text == document.title.strip()) or (
        len(lines) > 1 and _is_headline(first, layout) and _starts_sentence(lines[1].text)
    ):
        title = first
    body_lines = lines[1:] if title is not None else lines
    if not body_lines:
        body_lines, title = lines, None
    return [
        Article(
            source=document.source,
            index=1,
            layout=layout.name,
            body=_span(document.text, body_lines[0].start, body_lines[-1].end),
            title=title.text if title else document.title,
            title_span=_span(document.text, title.start, title.end) if title else None,
            author=document.author,
            date=document.date,
            url=document.url,
        )
    ]


def _whole_record(document: Document) -> list[Article]:
    text = document.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return []
    return [
        Article(
            source=document.source,
            index=1,
            layout="record",
            body=_span(text, start, end),
            title=document.title,
            author=document.author,
            date=document.date,
            url=document.url,
        )
    ]


def _before_teasers(piece: Sequence[_Line], layout: Layout) -> Sequence[_Line]:
    for position, line in enumerate(piece):
        if len(line.text) <= MAX_TEASER_LINE_CHARS and layout.teaser_age.search(line.text):
            return piece[:position]
    return piece


def _is_chrome(line: _Line, layout: Layout) -> bool:
    return line.text.casefold() in layout.chrome_lines


def _precedes_published(line: _Line, piece: Sequence[_Line], published_after: set[int]) -> bool:
    for position, candidate in enumerate(piece):
        if candidate is line:
            return position + 1 in published_after
    return False


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS).endswith(TERMINAL)


def _is_headline(line: _Line, layout: Layout) -> bool:
    """A line that can be a title or subheadline: short, not a sentence ending in a full stop or comma."""
    text = line.text.rstrip(CLOSERS)
    return (
        len(line.text) <= layout.max_heading_chars
        and not text.endswith((".", ",", ";", ":", "…"))
        and any(character.isalpha() for character in text)
    )


def _is_paragraph(line: _Line, layout: Layout) -> bool:
    """A line of running text, where the body starts."""
    return len(line.text) > layout.max_heading_chars or (
        _ends_sentence(line.text) and not line.text.rstrip(CLOSERS).endswith(("?", "!"))
    ) or (_ends_sentence(line.text) and len(line.text.split()) > 25)


def _is_section_label(line: _Line, layout: Layout) -> bool:
    words = line.text.split()
    return 0 < len(words) <= layout.max_section_words and not _ends_sentence(line.text) and len(line.text) <= 40


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and len(text) <= 60 and all(NAME_WORD.match(word) for word in words)


def _starts_sentence(text: str) -> bool:
    first = text.lstrip("\"'“‘«([")[:1]
    return first.isupper() or first.isdigit()


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])
