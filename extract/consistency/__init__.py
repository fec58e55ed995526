"""Consistency checks: claims about the same thing, across articles or within one, that cannot all be true.

`check(records, options)` runs the enabled rules (``extract/consistency/rules/``) over fact-table records and
returns the discrepancies, each with a stable fingerprint, a rule id, a severity, a plain-words explanation
that cites the quotes, and the facts involved; `write_json` stores them for review.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from extract.consistency.model import Discrepancy, Involved, Record, records_from_rows
from extract.consistency.options import ALL_RULES, CheckOptions, load_options
from extract.consistency.rules import RULES
from extract.consistency.stories import link_story_persons
from extract.stories import fill_stories
from extract.table.schema import atomic_path

__all__ = [
    "ALL_RULES",
    "CheckOptions",
    "Discrepancy",
    "Involved",
    "Record",
    "check",
    "check_steps",
    "load_options",
    "records_from_rows",
    "write_json",
]


def check_steps(options: CheckOptions | None = None) -> list[str]:
    """The steps `check` goes through, in order, as its `progress` callback names them."""
    options = options or CheckOptions()
    return ["grouping stories", *(f"rule {rule_id}" for rule_id in ALL_RULES if rule_id in options.rules)]


def check(
    records: Sequence[Record],
    options: CheckOptions | None = None,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Discrepancy]:
    """The discrepancies among `records`, most severe first, each fingerprint once.

    `progress(step, done, total)` is called as each step of `check_steps` starts, with the steps done so far,
    and once more at the end (`done == total`).
    """
    options = options or CheckOptions()
    rules = [rule_id for rule_id in ALL_RULES if rule_id in options.rules]
    total = len(check_steps(options))
    report = progress or (lambda step, done, total: None)
    found: dict[str, Discrepancy] = {}
    report("grouping stories", 0, total)
    records = link_story_persons(fill_stories(records))
    for done, rule_id in enumerate(rules, start=1):
        report(f"rule {rule_id}", done, total)
        for discrepancy in RULES[rule_id](records, options):
            found.setdefault(discrepancy.fingerprint, discrepancy)
    report("done", total, total)
    return sorted(found.values(), key=lambda discrepancy: discrepancy.sort_key)


def write_json(discrepancies: Sequence[Discrepancy], target: Path) -> None:
    """`reports/discrepancies.json`: a list in a stable order, written atomically."""
    payload = [discrepancy.as_json() for discrepancy in discrepancies]
    with atomic_path(target) as temporary:
        temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
