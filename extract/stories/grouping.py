"""Group a pile's articles into stories: one real-world event, or one ongoing subject, read from the text alone.

Each article is a TF-IDF vector of its content words (its title counted twice, names and places included, numbers
and stop words left out; sublinear term counts, so a word repeated does not dominate). Two articles are linked by
the cosine of their vectors when it reaches `StoryOptions.link_floor` and, where both dates are known, they lie
within `StoryOptions.window_days` of each other; links below the floor or outside the window count as 0. Stories
are then grown by group-average agglomeration over those links: the two groups whose average link over every pair
of their articles is highest merge first, and merging stops when no two groups reach `StoryOptions.join_at`. An
average over every pair, not a chain of single links, keeps two shootings in two cities apart even when a
round-up article mentions both.

Nothing a corpus labels (topics, companies, places fields, file names) is read: only titles, text and dates.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Final

import numpy as np
import regex
import scipy.sparse as sp

from extract.lexicons import load_lines

__all__ = ["ArticleKey", "Story", "StoryArticle", "StoryOptions", "group_stories", "story_id_of"]

ArticleKey = tuple[str, int]  # (source, 1-based article index), as in the fact table
# Rows of the similarity product computed at once: bounds memory on large piles.
ROWS_PER_PRODUCT: Final = 2048
# Content words kept per article: its most telling ones; the rest only add small overlaps between every pair.
TERMS_PER_ARTICLE: Final = 60
LINKING_TERMS_SHOWN: Final = 6
# A capitalised word after another word of its sentence: a name of a person, place, firm or team.
INNER_NAME: Final = regex.compile(
    r"""(?<=[\p{Ll}\d,;:'’"“”)][\ \t]+)   # after a word of its sentence, on the same line
        (?P<name>\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*)""",
    regex.VERBOSE,
)
TITLE_WORD: Final = regex.compile(r"\b[^\W\d_]{3,}\b")
# A name held by more articles than this (and than this share of the pile) tells no story apart.
COMMON_NAME_ARTICLES: Final = 20
COMMON_NAME_SHARE: Final = 0.02
# A story's cohesion is computed over every pair of its articles up to this size (and left at 0 beyond).
COHESION_AT_MOST: Final = 400


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """How close two articles must be to tell of one story."""

    link_floor: float = 0.12  # a cosine below this is no link at all
    join_at: float = 0.12  # the group-average link two groups need to merge (tuned on ECB+ topics 1-22)
    window_days: int = 10  # articles further apart than this (both dates known) are never linked directly


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article as the grouping reads it."""

    key: ArticleKey
    title: str | None
    date: date | None
    text: str


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles that tell of one event or subject; an article alone is a story of its own."""

    story_id: str
    title: str
    articles: tuple[ArticleKey, ...]
    first_date: date | None
    last_date: date | None
    linking_terms: tuple[str, ...] = field(default=())
    cohesion: float = 1.0  # the average link between its articles (1 for a single article)


def story_id_of(key: ArticleKey) -> str:
    """A story's id: a hash of its first article's key (the earliest dated, then in source order), stable while
    that article stays in the pile and in the story.

    >>> story_id_of(("seeds/a.html", 1))
    's-2ab0ba3d13'
    """
    return "s-" + hashlib.sha256(f"{key[0]}\x1f{key[1]}".encode()).hexdigest()[:10]


@cache
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(load_lines("story_stop_words.txt")) | frozenset(ENGLISH_STOP_WORDS)


def _vectors(articles: Sequence[StoryArticle]) -> tuple[sp.csr_matrix, list[str]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    documents = [f"{article.title or ''}\n{article.title or ''}\n{article.text}" for article in articles]
    # In a pile of a few articles, a word every article uses still tells their story apart from nothing else.
    many = len(articles) >= 20
    vectorizer = TfidfVectorizer(
        lowercase=True,
        token_pattern=r"(?u)\b[^\W\d_][^\W\d_'’-]{2,}\b",
        stop_words=sorted(_stop_words()),
        sublinear_tf=True,
        max_df=0.4 if many else 1.0,
        dtype=np.float32,
    )
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # no content word in the whole pile
        return sp.csr_matrix((len(articles), 0), dtype=np.float32), []
    return _keep_top_terms(sp.csr_matrix(matrix), TERMS_PER_ARTICLE), list(vectorizer.get_feature_names_out())


def _keep_top_terms(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Each row's `keep` heaviest terms, renormalised to unit length."""
    rows, columns, values = [], [], []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        weights = matrix.data[start:end]
        order = np.argsort(-weights, kind="stable")[:keep]
        rows.append(np.full(len(order), row))
        columns.append(matrix.indices[start:end][order])
        values.append(weights[order])
    if not rows:
        return matrix
    kept = sp.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))), shape=matrix.shape, dtype=np.float32
    )
    norms = np.sqrt(np.asarray(kept.multiply(kept).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags(1 / norms) @ kept)


def _links(
    vectors: sp.csr_matrix, dates: Sequence[date | None], options: StoryOptions
) -> dict[tuple[int, int], float]:
    """Cosine links between articles (i < j) at or above the floor and inside the time window."""
    links: dict[tuple[int, int], float] = {}
    ordinals = np.array([day.toordinal() if day else -1 for day in dates])
    transposed = vectors.T.tocsc()
    for first in range(0, vectors.shape[0], ROWS_PER_PRODUCT):
        block = (vectors[first : first + ROWS_PER_PRODUCT] @ transposed).tocoo()
        rows = block.row + first
        keep = (block.data >= options.link_floor) & (rows < block.col)
        rows, columns, values = rows[keep], block.col[keep], block.data[keep]
        known = (ordinals[rows] >= 0) & (ordinals[columns] >= 0)
        near = ~known | (np.abs(ordinals[rows] - ordinals[columns]) <= options.window_days)
        for row, column, value in zip(rows[near], columns[near], values[near], strict=True):
            links[(int(row), int(column))] = float(value)
    return links


def _names(article: StoryArticle) -> tuple[frozenset[str], frozenset[str]]:
    """The names an article holds, lower-cased: capitalised words inside its text's lines (not a line's or a
    sentence's first word); and the words of its title, which name it when its text names nothing telling (a
    table of figures under "JEPSON CORP 3RD QTR NET")."""
    stop = _stop_words()
    found = {match.group("name").lower() for match in INNER_NAME.finditer(article.text)} - stop
    titled = {word.lower() for word in TITLE_WORD.findall(article.title or "")} - stop
    return frozenset(found), frozenset(titled)


def _sharing_a_name(
    links: dict[tuple[int, int], float], names: Sequence[tuple[frozenset[str], frozenset[str]]]
) -> dict[tuple[int, int], float]:
    """The links between articles that share a name, or of which one names nothing: two stories of one kind (two
    quarterly results, two storms) share words, one story shares its names. A name that many articles of a
    large pile hold (a wire service, the country it reports from, "Net" in a table) tells nothing; an article
    whose text names nothing telling is named by its title's telling words."""
    counts = Counter(name for held, _ in names for name in held)
    titles = Counter(word for _, titled in names for word in titled)
    common = max(COMMON_NAME_ARTICLES, int(COMMON_NAME_SHARE * len(names)))
    telling = []
    for held, titled in names:
        found = frozenset(name for name in held if counts[name] <= common)
        telling.append(found or frozenset(word for word in titled if titles[word] <= common))
    return {
        (first, second): value
        for (first, second), value in links.items()
        if not telling[first] or not telling[second] or telling[first] & telling[second]
    }


def _agglomerate(count: int, links: dict[tuple[int, int], float], join_at: float) -> list[list[int]]:
    """Group-average agglomeration over sparse links (a missing link counts as 0)."""
    members: dict[int, list[int]] = {index: [index] for index in range(count)}
    # Sum of the links between two groups, for every pair of groups with at least one link.
    between: dict[int, dict[int, float]] = {index: {} for index in range(count)}
    for (first, second), value in links.items():
        between[first][second] = value
        between[second][first] = value
    heap = [(-value, first, second) for (first, second), value in links.items() if value >= join_at]
    heapq.heapify(heap)
    while heap:
        negative, first, second = heapq.heappop(heap)
        if first not in members or second not in members:
            continue
        average = between[first].get(second, 0.0) / (len(members[first]) * len(members[second]))
        if abs(average + negative) > 1e-9:
            continue  # a stale entry: the groups changed since it was pushed
        if len(members[first]) < len(members[second]):
            first, second = second, first
        members[first].extend(members.pop(second))
        for other, value in between.pop(second).items():
            if other == first:
                continue
            between[other].pop(second, None)
            total = between[first].get(other, 0.0) + value
            between[first][other] = total
            between[other][first] = total
        between[first].pop(second, None)
        for other, total in between[first].items():
            linked = total / (len(members[first]) * len(members[other]))
            if linked >= join_at:
                heapq.heappush(heap, (-linked, min(first, other), max(first, other)))
    return [sorted(group) for group in members.values()]


def group_stories(articles: Sequence[StoryArticle], options: StoryOptions | None = None) -> list[Story]:
    """The pile's stories, in the order of their first article; every article in exactly one.

    >>> pile = [
    ...     StoryArticle(("a", 1), "Quake kills 30 in Sumatra", date(2009, 9, 30),
    ...                  "A powerful earthquake struck off Sumatra, killing 30 people in Padang."),
    ...     StoryArticle(("b", 1), "Sumatra quake toll rises", date(2009, 10, 1),
    ...                  "The toll of the earthquake that struck Padang on Sumatra rose to 75."),
    ...     StoryArticle(("c", 1), "Lakers beat Celtics", date(2009, 10, 1),
    ...                  "Kobe Bryant scored 30 points as the Lakers beat the Celtics."),
    ... ]
    >>> [story.articles for story in group_stories(pile)]
    [(('a', 1), ('b', 1)), (('c', 1),)]
    """
    options = options or StoryOptions()
    if not articles:
        return []
    vectors, terms = _vectors(articles)
    dates = [article.date for article in articles]
    links = _links(vectors, dates, options) if terms else {}
    links = _sharing_a_name(links, [_names(article) for article in articles])
    groups = _agglomerate(len(articles), links, options.join_at)
    stories = [_story(group, articles, vectors, terms, links) for group in groups]
    return sorted(stories, key=lambda story: _order(articles_by_key(articles)[story.articles[0]]))


def articles_by_key(articles: Sequence[StoryArticle]) -> dict[ArticleKey, StoryArticle]:
    return {article.key: article for article in articles}


def _order(article: StoryArticle) -> tuple[int, str, int]:
    return (article.date.toordinal() if article.date else 0, article.key[0], article.key[1])


def _story(
    group: Sequence[int],
    articles: Sequence[StoryArticle],
    vectors: sp.csr_matrix,
    terms: Sequence[str],
    links: dict[tuple[int, int], float],
) -> Story:
    members = sorted((articles[index] for index in group), key=_order)
    dated = [article.date for article in members if article.date]
    shared: tuple[str, ...] = ()
    cohesion = 1.0 if len(group) == 1 else 0.0
    if 1 < len(group) <= COHESION_AT_MOST and terms:
        # The terms the articles share, heaviest over the group: what links them.
        rows = vectors[list(group)]
        present = Counter(int(column) for column in rows.indices)
        weight = np.asarray(rows.sum(axis=0)).ravel()
        ranked = sorted((column for column, seen in present.items() if seen > 1), key=lambda c: -weight[c])
        shared = tuple(terms[column] for column in ranked[:LINKING_TERMS_SHOWN])
        pairs = len(group) * (len(group) - 1) / 2
        inside = sum(links.get((min(a, b), max(a, b)), 0.0) for i, a in enumerate(group) for b in group[i + 1 :])
        cohesion = round(inside / pairs, 3)
    first = members[0]
    title = next((article.title for article in members if article.title), None) or first.text[:80].split("\n")[0]
    return Story(
        story_id=story_id_of(first.key),
        title=title.strip(),
        articles=tuple(article.key for article in members),
        first_date=min(dated) if dated else None,
        last_date=max(dated) if dated else None,
        linking_terms=shared,
        cohesion=cohesion,
    )
