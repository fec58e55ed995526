"""How well the pile is grouped into stories: ECB+ read whole, scored against its sub-topics (B-cubed).

ECB+ (Cybulska & Vossen, LREC 2014; read from ../shared/corpora, never committed) holds 43 topics of two different
events of one kind each (two quakes, two rehab check-ins): its sub-topics are the stories a good grouping finds.
All 982 articles are grouped at once, mixed, from their text alone (the labels only score the result); B-cubed
precision (how much of an article's story is its own sub-topic) and recall (how much of its sub-topic its story
holds) are reported for the tuning topics (1-22) and the held-apart ones (23-45) apart. Reuters-21578 and AG News
are grouped whole for the sizes of their stories and the CPU time it takes.

    python -m bench.story_grouping
    python -m bench.story_grouping --reuters --agnews
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from extract.stories import Story, StoryArticle, StoryOptions, group_stories

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def ecbplus() -> tuple[list[StoryArticle], dict[tuple[str, int], str]]:
    articles, labels = [], {}
    with (CORPORA / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            key = (f"ecbplus.jsonl#{record['doc_id']}", 1)
            articles.append(StoryArticle(key, None, None, record["text"]))
            labels[key] = record["subtopic"]
    return articles, labels


def reuters() -> list[StoryArticle]:
    articles = []
    with (CORPORA / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            day = datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
            key = (f"reuters21578.jsonl#{record['doc_id']}", 1)
            articles.append(StoryArticle(key, record.get("title"), day, record.get("text") or ""))
    return articles


def agnews() -> list[StoryArticle]:
    with (CORPORA / "agnews" / "agnews_test.jsonl").open(encoding="utf-8") as handle:
        return [
            StoryArticle((f"agnews.jsonl#{record['id']}", 1), record["title"], None, record["text"])
            for record in map(json.loads, handle)
        ]


def b_cubed(stories: list[Story], labels: dict[tuple[str, int], str], topics: range) -> tuple[float, float, int]:
    story_of = {key: story.story_id for story in stories for key in story.articles}
    members = Counter(story_of.values())
    label_size = Counter(labels.values())
    together = Counter((story_of[key], label) for key, label in labels.items())
    precision = recall = 0.0
    counted = 0
    for key, label in labels.items():
        if int(label.split("_")[0]) not in topics:
            continue
        shared = together[(story_of[key], label)]
        precision += shared / members[story_of[key]]
        recall += shared / label_size[label]
        counted += 1
    return precision / counted, recall / counted, counted


def sizes(name: str, articles: list[StoryArticle], options: StoryOptions) -> None:
    began = time.process_time()
    stories = group_stories(articles, options)
    spent = time.process_time() - began
    grouped = [story for story in stories if len(story.articles) > 1]
    largest = max((len(story.articles) for story in stories), default=0)
    print(f"{name}: {len(articles)} articles, {len(stories)} stories, {len(grouped)} of several articles "
          f"(holding {sum(len(s.articles) for s in grouped)}), largest {largest}; {spent:.1f} s CPU")
    for story in sorted(grouped, key=lambda s: -len(s.articles))[:8]:
        print(f"  {len(story.articles):4d}  {story.title[:60]!r}  {', '.join(story.linking_terms)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", action="store_true")
    parser.add_argument("--agnews", action="store_true")
    parser.add_argument("--floor", type=float, default=StoryOptions().link_floor)
    parser.add_argument("--join", type=float, default=StoryOptions().join_at)
    options = parser.parse_args()
    story_options = StoryOptions(link_floor=options.floor, join_at=options.join)
    articles, labels = ecbplus()
    began = time.process_time()
    stories = group_stories(articles, story_options)
    spent = time.process_time() - began
    print(f"ECB+: {len(articles)} articles in {len(stories)} stories ({len(set(labels.values()))} sub-topics), "
          f"{spent:.1f} s CPU")
    for part, topics in (("tune", range(1, 23)), ("heldout", range(23, 46))):
        precision, recall, counted = b_cubed(stories, labels, topics)
        print(f"  {part}: B-cubed precision {precision:.3f}, recall {recall:.3f} ({counted} articles)")
    if options.reuters:
        sizes("Reuters-21578", reuters(), story_options)
    if options.agnews:
        sizes("AG News", agnews(), story_options)


if __name__ == "__main__":
    main()
