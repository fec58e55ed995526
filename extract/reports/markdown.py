"""``reports/discrepancies.md``: the discrepancies and the reviewers' decisions as Markdown for a git diff.

A summary line (counts by severity and by review status), then one section per discrepancy in the order
given (most severe first): severity, rule and title in the heading, the fingerprint, the review status
(a confirmed error stays listed and marked), the explanation, and every claim involved with its role, quote,
``source:line:column``, how it was read (as the explanation writes it) and the whole sentence with the quote in
bold. A last section lists the stale decisions. Article text is untrusted: `escape` neutralises the characters
that Markdown (GitHub's flavour) would read as markup, and every run of whitespace, newlines included, becomes
one space, so that text from an article can neither start a block nor break a table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

import regex

from extract.consistency import Discrepancy, Involved
from extract.reports import ReportInput, Status
from extract.reports.interval_chart import reading
from extract.review.verdicts import VERDICT_WORDS, Review

__all__ = ["code", "escape", "render_markdown", "status_words", "summary_line"]

# Characters that start inline markup anywhere in a line: emphasis, code, links and images, raw HTML and
# entities, strikethrough, GitHub's math (`$`), table cells, headings and block quotes. An underscore between
# two letters or digits can neither open nor close emphasis (CommonMark's flanking rules), so `stolen_value`
# and file names stay readable.
MARKUP: Final = regex.compile(
    r"""
    [\\`*\[\]<>&~$|\#]              # always markup
    | (?<![\p{L}\p{N}]) _             # an underscore not preceded by a letter or digit
    | _ (?![\p{L}\p{N}])              # or not followed by one
    """,
    regex.VERBOSE,
)
BACKTICKS: Final = regex.compile(r"`+")
SEVERITIES: Final = ("error", "warning", "note")
STATUSES: Final[tuple[Status, ...]] = ("unreviewed", "confirmed-error", "accepted")
STATUS_WORDS: Final[dict[Status, tuple[str, str]]] = {  # singular, plural
    "unreviewed": ("unreviewed", "unreviewed"),
    "confirmed-error": ("confirmed error", "confirmed errors"),
    "accepted": ("accepted", "accepted"),
    "note": ("note without a verdict", "notes without a verdict"),
}
PRUNE_HINT: Final = "claims review --prune-stale"


def flatten(text: str) -> str:
    """Every run of whitespace (newlines and Unicode line separators too) as one space."""
    return " ".join(text.split())


def escape(text: str) -> str:
    """`text` as literal Markdown: on one line, markup characters backslash-escaped.

    >>> escape("Up *50%* | [link](x) <b>")
    'Up \\\\*50%\\\\* \\\\| \\\\[link\\\\](x) \\\\<b\\\\>'
    """
    return MARKUP.sub(lambda match: "\\" + match.group(), flatten(text))


def code(text: str) -> str:
    """`text` as a code span, fenced with more backticks than it contains; `|` escaped for table cells."""
    text = flatten(text)
    longest = max((len(run) for run in BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text.replace('|', chr(92) + '|')}{padding}{fence}"


def emphasised(sentence: str, quote: str) -> str:
    """The sentence, escaped, with the first occurrence of the quote in bold (the whole sentence if absent).

    >>> emphasised("Up by\\n5% in *May*", "5%")
    'Up by **5%** in \\\\*May\\\\*'
    """
    at = sentence.find(quote) if quote.strip() else -1
    if at < 0:
        return escape(sentence)
    before, after = sentence[:at], sentence[at + len(quote) :]
    space_before = " " if before[-1:].isspace() else ""
    space_after = " " if after[:1].isspace() else ""
    return f"{escape(before)}{space_before}**{escape(quote)}**{space_after}{escape(after)}"


def _counted(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def status_words(status: Status, count: int = 1) -> str:
    singular, plural = STATUS_WORDS[status]
    return singular if count == 1 else plural


def summary_line(discrepancies: Sequence[Discrepancy], statuses: Iterable[Status]) -> str:
    """“3 discrepancies: 2 errors, 1 warning, 0 notes; 1 unreviewed, 1 confirmed error, 1 accepted.”"""
    by_severity = Counter(discrepancy.severity for discrepancy in discrepancies)
    by_status = Counter(statuses)
    severities = ", ".join(_counted(by_severity[severity], severity) for severity in SEVERITIES)
    reviewed = ", ".join(f"{by_status[status]} {status_words(status, by_status[status])}" for status in STATUSES)
    if by_status["note"]:  # notes need no verdict (extract.reports.needs_verdict): said apart, only when there are any
        reviewed += f", {by_status['note']} {status_words('note', by_status['note'])}"
    return f"{_counted(len(discrepancies), 'discrepancy', 'discrepancies')}: {severities}; {reviewed}."


def where(involved: Involved) -> str:
    """``source:line:column`` as the CLI prints it."""
    return f"{involved.source}:{involved.line}:{involved.column}"


def _status_line(status: Status, review: Review | None) -> str:
    if review is None:
        return "- Status: unreviewed" if status == "unreviewed" else "- Status: a note, needs no verdict"
    verdict = VERDICT_WORDS[review.verdict]
    label = "**CONFIRMED ERROR**" if status == "confirmed-error" else f"accepted: {escape(verdict)}"
    by = ", ".join(escape(part) for part in (review.reviewer, review.date) if part)
    note = f": {escape(review.note)}" if review.note else ""
    return f"- Status: {label}{f' ({by})' if by else ''}{note}"


def _changed_line(earlier: Review | None) -> list[str]:
    if earlier is None:
        return []
    by = ", ".join(escape(part) for part in (earlier.reviewer, earlier.date) if part)
    return [f"- Changed since review: figures joined or left the group after it was judged "
            f"{escape(VERDICT_WORDS[earlier.verdict])}{f' ({by})' if by else ''}; it needs a verdict again"]


def _involved_lines(involved: Involved) -> list[str]:
    return [
        f"- {escape(involved.role)}: “{escape(involved.quote)}” at {code(where(involved))}, read as "
        f"{escape(reading(involved))}",
        "",
        f"  > {emphasised(involved.sentence, involved.quote)}",
        "",
    ]


def _discrepancy_lines(report: ReportInput, discrepancy: Discrepancy) -> list[str]:
    status, review = report.status(discrepancy), report.review_of(discrepancy)
    marker = {"confirmed-error": "CONFIRMED ERROR", "note": "note"}.get(status, "unreviewed")
    if status == "accepted" and review is not None:
        marker = f"accepted: {VERDICT_WORDS[review.verdict]}"
    lines = [
        f"## {discrepancy.severity.upper()} · {escape(discrepancy.rule)} · {escape(discrepancy.title)} ({marker})",
        "",
        f"- Fingerprint: {code(discrepancy.fingerprint)}",
        _status_line(status, review),
        *_changed_line(report.changed_since(discrepancy)),
        "",
        escape(discrepancy.explanation),
        "",
    ]
    for involved in discrepancy.facts:
        lines.extend(_involved_lines(involved))
    return lines


def _stale_lines(stale: Sequence[Review]) -> list[str]:
    lines = ["## Stale decisions", ""]
    if not stale:
        return [*lines, "None: every decision refers to a current discrepancy.", ""]
    lines += [
        f"{_counted(len(stale), 'decision')} {'refers' if len(stale) == 1 else 'refer'} to discrepancies "
        f"that no longer exist; remove them with {code(PRUNE_HINT)}.",
        "",
    ]
    for review in stale:
        lines.append(
            f"- {code(review.fingerprint)} · {escape(review.rule)} · {escape(review.title)}: "
            f"{escape(VERDICT_WORDS[review.verdict])}"
        )
    return [*lines, ""]


def render_markdown(report: ReportInput) -> str:
    """The Markdown report: summary, one section per discrepancy, then the stale decisions."""
    statuses = [report.status(discrepancy) for discrepancy in report.discrepancies]
    lines = [f"# {escape(report.title)}", "", summary_line(report.discrepancies, statuses), ""]
    for discrepancy in report.discrepancies:
        lines.extend(_discrepancy_lines(report, discrepancy))
    lines.extend(_stale_lines(report.stale))
    return "\n".join(lines).rstrip("\n") + "\n"
