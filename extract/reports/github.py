"""GitHub Actions output: workflow-command annotations and a Markdown job summary.

`annotations` gives one ``::error``/``::warning``/``::notice`` line per discrepancy that still needs
attention (unreviewed, or reviewed as a confirmed error; accepted ones are left out), at the first claim's
file and line, escaped by GitHub's rules so that article text cannot end the command or inject another. They
are capped (GitHub itself shows at most 10 errors and 10 warnings per step); `job_summary` lists every
discrepancy that needs attention, uncapped, and says how many annotations were left out.
"""

# No ``from __future__ import annotations`` here: it would clash with the function `annotations`, and
# Python 3.11 evaluates every annotation below without it.
from collections import Counter
from collections.abc import Sequence
from typing import Final

from extract.consistency import Discrepancy
from extract.reports import ReportInput, Status
from extract.reports.markdown import PRUNE_HINT, SEVERITIES, code, escape, status_words
from extract.reports.sarif import place_of

__all__ = ["annotations", "escape_data", "escape_property", "job_summary", "needing_attention"]

COMMANDS: Final = {"error": "error", "warning": "warning", "note": "notice"}
DEFAULT_LIMIT: Final = 50


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF percent-encoded.

    >>> escape_data("50%\\nmore")
    '50%25%0Amore'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, and ``:`` and ``,`` too.

    >>> escape_property("a, b: c")
    'a%2C b%3A c'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def needing_attention(report: ReportInput) -> list[Discrepancy]:
    """The discrepancies CI reports: unreviewed ones and confirmed errors, in the order given."""
    return [discrepancy for discrepancy in report.discrepancies if report.status(discrepancy) != "accepted"]


def _annotation(report: ReportInput, discrepancy: Discrepancy) -> str:
    first = discrepancy.facts[0]
    place = place_of(first.source)
    properties: list[tuple[str, str]] = []
    if place.path is not None:
        properties.append(("file", place.path))
    if place.precision in ("column", "line"):
        properties.append(("line", str(first.line)))
    if place.precision == "column":
        properties.append(("col", str(first.column)))
        if "\n" not in first.quote and "\r" not in first.quote:
            properties.append(("endColumn", str(first.column + len(first.quote))))
    marked = " (confirmed error)" if report.status(discrepancy) == "confirmed-error" else ""
    properties.append(("title", f"claims {discrepancy.rule}{marked}: {discrepancy.title}"))
    message = (
        f"{discrepancy.explanation}\n"
        f"fingerprint {discrepancy.fingerprint}; review with: claims review --fingerprint {discrepancy.fingerprint}"
    )
    rendered = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[discrepancy.severity]} {rendered}::{escape_data(message)}"


def annotations(report: ReportInput, limit: int = DEFAULT_LIMIT) -> list[str]:
    """At most `limit` workflow commands for the discrepancies needing attention, most severe first."""
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    return [_annotation(report, discrepancy) for discrepancy in needing_attention(report)[:limit]]


def _where(discrepancy: Discrepancy) -> str:
    first = discrepancy.facts[0]
    return f"{first.source}:{first.line}"


def _row(discrepancy: Discrepancy, status: Status) -> str:
    shown = "**confirmed error**" if status == "confirmed-error" else status_words(status)
    cells = [
        discrepancy.severity,
        escape(discrepancy.rule),
        shown,
        code(_where(discrepancy)),
        escape(discrepancy.title),
    ]
    return "| " + " | ".join(cells) + " |"


def _counts(discrepancies: Sequence[Discrepancy], statuses: Sequence[Status]) -> str:
    by_severity = Counter(discrepancy.severity for discrepancy in discrepancies)
    by_status = Counter(statuses)
    severities = ", ".join(f"{by_severity[name]} {name}{'' if by_severity[name] == 1 else 's'}" for name in SEVERITIES)
    reviewed = ", ".join(
        f"{by_status[status]} {status_words(status, by_status[status])}" for status in ("unreviewed", "confirmed-error")
    )
    return f"{severities}; {reviewed}"


def job_summary(report: ReportInput, limit: int = DEFAULT_LIMIT) -> str:
    """The job summary (``$GITHUB_STEP_SUMMARY``): every discrepancy needing attention in a table, with counts.

    `limit` is the one given to `annotations`, so that the summary can say how many were not annotated.
    """
    attention = needing_attention(report)
    statuses = [report.status(discrepancy) for discrepancy in attention]
    accepted = len(report.discrepancies) - len(attention)
    lines = [f"## {escape(report.title)}", ""]
    if not attention:
        lines.append(f"No discrepancies need attention ({accepted} accepted by review).")
    else:
        noun = "discrepancy needs" if len(attention) == 1 else "discrepancies need"
        lines += [
            f"**{len(attention)} {noun} attention**: {_counts(attention, statuses)}"
            + (f"; {accepted} more accepted by review and not listed." if accepted else "."),
            "",
            "| Severity | Rule | Status | Where | Title |",
            "| --- | --- | --- | --- | --- |",
            *(_row(discrepancy, status) for discrepancy, status in zip(attention, statuses, strict=True)),
        ]
        left_out = max(0, len(attention) - max(limit, 0))
        if left_out:
            lines += [
                "",
                f"{left_out} of these {'is' if left_out == 1 else 'are'} not annotated in the code view "
                f"(annotations are capped at {limit}, and GitHub shows at most 10 errors and 10 warnings per step).",
            ]
        lines += [
            "",
            "Record a verdict with `claims review --fingerprint FINGERPRINT` (see `reports/discrepancies.md`).",
        ]
    if report.stale:
        count = len(report.stale)
        lines += [
            "",
            f"{count} stale {'decision refers' if count == 1 else 'decisions refer'} to discrepancies that no "
            f"longer exist; remove {'it' if count == 1 else 'them'} with {code(PRUNE_HINT)}.",
        ]
    return "\n".join(lines) + "\n"
