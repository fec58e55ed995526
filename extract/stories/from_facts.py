"""Stories for fact rows that came without one (a fact table written before grouping, or by another tool).

The article's text is then what its rows hold of it: its title and the distinct sentences of its facts. That
groups less surely than the whole text `claims extract` reads, so the pipeline always groups from the text;
this is the checker's fallback, so that it never compares figures of two stories it could not tell apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from extract.readers.periods import parse_reference_date
from extract.stories.grouping import ArticleKey, StoryArticle, StoryOptions, group_stories
from extract.table.schema import Fact

__all__ = ["fill_stories"]


def fill_stories(facts: Sequence[Fact], options: StoryOptions | None = None) -> list[Fact]:
    """`facts` with every empty `story` filled by grouping the articles of the rows that lack one."""
    lacking: dict[ArticleKey, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.story is None:
            lacking[(fact.source, fact.article)].append(fact)
    if not lacking:
        return list(facts)
    articles = [
        StoryArticle(
            key,
            rows[0].article_title,
            parse_reference_date(rows[0].article_date),
            "\n".join(dict.fromkeys(row.sentence for row in rows)),
        )
        for key, rows in lacking.items()
    ]
    story_of = {key: story.story_id for story in group_stories(articles, options) for key in story.articles}
    return [
        replace(fact, story=story_of[(fact.source, fact.article)]) if fact.story is None else fact for fact in facts
    ]
