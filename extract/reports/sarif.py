"""``reports/discrepancies.sarif``: the discrepancies as SARIF 2.1.0 for code-scanning tools.

One run of the tool "claims"; one reportingDescriptor per rule that found something; one result per
discrepancy, located at its first claim, with the other claims as related locations. Review decisions map to
SARIF's own notions: an unreviewed discrepancy has ``baselineState`` "new", a reviewed one "unchanged"; an
accepted verdict (anything but a confirmed error) becomes an external, accepted suppression with the verdict
and note as its justification. A confirmed error is never suppressed.

Locations follow `extract.ingest.documents`: a text or Markdown file is located by line and column (counted in
Unicode code points, hence ``columnKind``); a JSONL/CSV record (``corpus.jsonl#ID``) by the record's line
only, since its column counts into the text field inside the JSON or CSV text; an HTML page by the file alone,
since its line and column refer to the extracted article text (kept in the location's properties); a text given
inline (``<text-1>``) has no file and gets a logical location.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Final, Literal
from urllib.parse import quote

import extract
from extract.consistency import ALL_RULES, Discrepancy, Involved
from extract.reports import ReportInput
from extract.reports.interval_chart import reading
from extract.review.verdicts import Review

__all__ = ["FINGERPRINT_KEY", "SCHEMA_URI", "Place", "place_of", "render_sarif"]

SCHEMA_URI: Final = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY: Final = "claimsFingerprint/v1"
RECORD_SUFFIXES: Final = (".jsonl", ".csv")
HTML_SUFFIXES: Final = (".html", ".htm")

# Short descriptions of the rules (extract/consistency/rules/), in the order of ALL_RULES.
RULE_DESCRIPTIONS: Final[Mapping[str, str]] = {
    "value-conflict": "Claims about the same thing whose figures cannot both be true.",
    "scale-slip": "Figures about the same thing that differ by a scale word (thousand, million, billion).",
    "part-exceeds-whole": "A part (a subgroup) larger than the whole it belongs to.",
    "complement-sum": "Complementary parts (settled and unsettled stretches) that cannot make up their whole.",
    "share-sum": "A share above 100%, or shares of one whole adding up to more than 100%.",
    "change-arithmetic": "A change or multiple that disagrees with the figures it relates.",
    "parts-sum": "Listed parts that do not add up to their stated total.",
}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a claim stands in the repository: the file, and how precisely a line and column apply there."""

    path: str | None  # the file, POSIX, as given; None for a text given inline
    precision: Literal["column", "line", "file", "none"]


def place_of(source: str) -> Place:
    """The file of a `source` and how its line and column apply (see the module docstring).

    >>> place_of("corpus.jsonl#1234")
    Place(path='corpus.jsonl', precision='line')
    >>> place_of("seeds/notes#1.txt")
    Place(path='seeds/notes#1.txt', precision='column')
    """
    if source.startswith("<") and source.endswith(">"):
        return Place(None, "none")
    at = source.find("#")
    while at >= 0:
        if source[:at].lower().endswith(RECORD_SUFFIXES):
            return Place(source[:at], "line")
        at = source.find("#", at + 1)
    if source.lower().endswith(HTML_SUFFIXES):
        return Place(source, "file")
    return Place(source, "column")


def artifact_uri(path: str) -> str:
    """A relative URI reference for a relative path, a file URI for an absolute one."""
    posix = PurePosixPath(path)
    return posix.as_uri() if posix.is_absolute() else quote(path, safe="/")


def _location(involved: Involved, message: str | None = None, ident: int | None = None) -> dict[str, Any]:
    place = place_of(involved.source)
    location: dict[str, Any] = {} if ident is None else {"id": ident}
    if place.path is None:
        location["logicalLocations"] = [{"name": involved.source, "kind": "text"}]
    else:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(place.path)}}
        region: dict[str, Any] = {}
        if place.precision in ("column", "line"):
            region["startLine"] = involved.line
        if place.precision == "column":
            region["startColumn"] = involved.column
            if "\n" not in involved.quote and "\r" not in involved.quote:
                region["endColumn"] = involved.column + len(involved.quote)
        if region:
            region["snippet"] = {"text": involved.quote}
            physical["region"] = region
        location["physicalLocation"] = physical
    if message is not None:
        location["message"] = {"text": message}
    location["properties"] = {
        "source": involved.source,
        "line": involved.line,
        "column": involved.column,
        "quote": involved.quote,
        "role": involved.role,
        "factId": involved.fact_id,
        "reading": reading(involved),
    }
    return location


def _rules(report: ReportInput) -> list[dict[str, Any]]:
    used = {discrepancy.rule for discrepancy in report.discrepancies}
    ordered = [rule for rule in ALL_RULES if rule in used] + sorted(used - set(ALL_RULES))
    return [
        {
            "id": rule,
            "name": "".join(word.capitalize() for word in rule.split("-")),
            "shortDescription": {"text": RULE_DESCRIPTIONS.get(rule, rule)},
        }
        for rule in ordered
    ]


def _suppression(review: Review) -> dict[str, Any]:
    justification = f"{review.verdict}: {review.note}" if review.note else review.verdict
    return {
        "kind": "external",
        "status": "accepted",
        "justification": justification,
        "properties": {"reviewer": review.reviewer, "date": review.date},
    }


def _result(report: ReportInput, discrepancy: Discrepancy, rule_index: int) -> dict[str, Any]:
    review = report.review_of(discrepancy)
    status = report.status(discrepancy)
    first, *others = discrepancy.facts
    result: dict[str, Any] = {
        "ruleId": discrepancy.rule,
        "ruleIndex": rule_index,
        "level": discrepancy.severity,
        "message": {"text": discrepancy.explanation},
        "locations": [_location(first)],
    }
    if others:
        result["relatedLocations"] = [
            _location(involved, f"{involved.role}: “{involved.quote}”, read as {reading(involved)}", ident)
            for ident, involved in enumerate(others, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: discrepancy.fingerprint}
    result["baselineState"] = "new" if review is None else "unchanged"
    if review is not None and review.accepted:
        result["suppressions"] = [_suppression(review)]
    properties: dict[str, Any] = {
        "title": discrepancy.title,
        "status": status,
        "factIds": [involved.fact_id for involved in discrepancy.facts],
        "roles": [involved.role for involved in discrepancy.facts],
    }
    if review is not None:
        properties["review"] = {
            "verdict": review.verdict,
            "note": review.note,
            "reviewer": review.reviewer,
            "date": review.date,
        }
    result["properties"] = properties
    return result


def render_sarif(report: ReportInput) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict (serialise with ``json.dumps(..., ensure_ascii=False, indent=2)``)."""
    rules = _rules(report)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "claims", "version": extract.__version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(report, discrepancy, index[discrepancy.rule]) for discrepancy in report.discrepancies
                ],
                "properties": {
                    "title": report.title,
                    "unreviewed": len(report.unreviewed),
                    "staleDecisions": [review.fingerprint for review in report.stale],
                },
            }
        ],
    }
