"""Stories: the articles of a pile grouped by the event or subject they tell of (extract/stories/grouping.py).

The checker compares figures only inside one story, except figures of stable subjects (a border's length, a
country's area); `claims stories` lists the groups with what links them.
"""

from extract.stories.from_facts import fill_stories
from extract.stories.grouping import ArticleKey, Story, StoryArticle, StoryOptions, group_stories, story_id_of

__all__ = ["ArticleKey", "Story", "StoryArticle", "StoryOptions", "fill_stories", "group_stories", "story_id_of"]
