"""An article's date as ISO 8601, from the forms corpora and pages give it.

Feeds and archives write dates their own way ("26-FEB-1987 15:01:01.79", "Tue, 03 Jun 2008 11:05:30 GMT",
"June 3, 2008"); the fact table keeps ISO dates (`article_date`), from which periods are resolved and stories
are windowed. Parsing is python-dateutil's (a pandas dependency), strict: a text that is not a date stays as
written and counts as no date.
"""

from __future__ import annotations

from datetime import datetime

import regex
from dateutil import parser as date_parser

__all__ = ["iso_date"]

ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")
# Far-off years are misreadings ("12-34-5678"), not dates of news.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2200


def iso_date(text: str | None) -> str | None:
    """The ISO day of `text`, or `text` itself when it is no date a feed writes.

    >>> iso_date("26-FEB-1987 15:01:01.79")
    '1987-02-26'
    >>> iso_date("Tue, 03 Jun 2008 11:05:30 GMT")
    '2008-06-03'
    >>> iso_date("2019-08-04T01:07:00+00:00")
    '2019-08-04T01:07:00+00:00'
    >>> iso_date("next week")
    'next week'
    """
    if text is None or not text.strip():
        return None
    if ISO_DAY.match(text.strip()):
        return text.strip()
    if len(text) > 64 or not regex.search(r"\d", text):
        return text
    try:
        parsed = date_parser.parse(text, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return text
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        return text
    return parsed.date().isoformat()
