"""The Markdown, SARIF and GitHub renderers: pure functions of a `ReportInput`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pandas as pd
import pytest
from markdown_it import MarkdownIt

import extract
from extract.consistency import ALL_RULES, Discrepancy, Involved, check, records_from_rows
from extract.reports import ReportInput, github
from extract.reports.github import escape_data, escape_property, job_summary
from extract.reports.html import render_html
from extract.reports.markdown import code, emphasised, escape, render_markdown
from extract.reports.sarif import FINGERPRINT_KEY, Place, place_of, render_sarif
from extract.review.verdicts import Review
from tests.report_fixtures import sample_input

SCHEMA_PATH = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"
REVIEW = {"note": "checked against the article", "reviewer": "tester", "date": "2026-11-22"}


# --- building inputs by hand ---------------------------------------------------------------------------------


def involved(
    source: str, quote: str, sentence: str, *, role: str = "claim", line: int = 1, column: int = 1
) -> Involved:
    start = sentence.find(quote)
    return Involved(
        role=role, fact_id=f"id-{source}-{line}", source=source, article=1, line=line, column=column,
        start=start, end=start + len(quote), quote=quote, sentence=sentence, value="1", low="1", high="1",
        low_open=False, high_open=False, unit="count", attributed_to=None,
    )  # fmt: skip


def discrepancy(
    fingerprint: str, *facts: Involved, severity: str = "warning", rule: str = "value-conflict"
) -> Discrepancy:
    return Discrepancy(
        fingerprint=fingerprint, rule=rule, severity=severity,  # type: ignore[arg-type]
        title=f"Conflicting figures {fingerprint}", explanation=f"Explained: {fingerprint}.", facts=facts,
    )  # fmt: skip


def review(fingerprint: str, verdict: str, **fields: str) -> Review:
    values = {**REVIEW, "rule": "value-conflict", "title": f"Conflicting figures {fingerprint}", **fields}
    return Review(fingerprint=fingerprint, verdict=verdict, **values)  # type: ignore[arg-type]


def by_hand(discrepancies: list[Discrepancy], reviews: list[Review] = (), stale: list[Review] = ()) -> ReportInput:  # type: ignore[assignment]
    return ReportInput(
        facts=pd.DataFrame(),
        discrepancies=discrepancies,
        reviews={item.fingerprint: item for item in reviews},
        stale=list(stale),
    )


def plain(fingerprint: str, severity: str = "warning", source: str = "a.txt") -> Discrepancy:
    return discrepancy(
        fingerprint,
        involved(source, "30", "Some 30 were killed.", line=3, column=6),
        involved("b.txt", "43", "At least 43 were killed.", line=7, column=10),
        severity=severity,
    )


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> ReportInput:
    """The sample with the first discrepancy a confirmed error, the second a false alarm, the rest unreviewed."""
    return sample_input(tmp_path_factory.mktemp("reviews"), reviewed=2)


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> ReportInput:
    """A scale slip between two JSONL records (lines 1 and 3; the second record's text has a newline)."""
    directory = tmp_path_factory.mktemp("records")
    rows = [
        {"id": "a1", "text": "Thieves stole jewels worth $2.5 million from the Paris store."},
        {"id": "skip", "text": "Nothing to see here."},
        {"id": "b2", "text": "Police said:\nthieves stole jewels worth $2.5 billion from the Paris store."},
    ]
    (directory / "corpus.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(directory)
        table = extract.facts(paths=["corpus.jsonl"])
    found = check(records_from_rows(table.to_dict("records")))
    return ReportInput(facts=table, discrepancies=found, reviews={}, stale=[])


def results(report: ReportInput) -> list[dict[str, Any]]:
    runs: list[dict[str, Any]] = render_sarif(report)["runs"]
    return list(runs[0]["results"])


# --- SARIF ---------------------------------------------------------------------------------------------------


def test_sample_has_the_expected_shape(reviewed: ReportInput) -> None:
    statuses = [reviewed.status(item) for item in reviewed.discrepancies]
    assert statuses[:2] == ["confirmed-error", "accepted"]
    assert "unreviewed" in statuses[2:]


def test_sarif_validates_against_the_schema(reviewed: ReportInput, records: ReportInput) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    for report in (reviewed, records, by_hand([]), by_hand([plain("x1")], stale=[review("gone", "false-alarm")])):
        log = json.loads(json.dumps(render_sarif(report)))  # what is written: plain JSON
        validator_class(schema).validate(log)


def test_sarif_run_and_rules(reviewed: ReportInput) -> None:
    log = render_sarif(reviewed)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claims"
    assert driver["version"] == extract.__version__
    ids = [rule["id"] for rule in driver["rules"]]
    assert sorted(ids) == sorted({item.rule for item in reviewed.discrepancies})
    assert ids == [rule for rule in ALL_RULES if rule in ids]
    assert all(rule["shortDescription"]["text"] for rule in driver["rules"])
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


@pytest.mark.parametrize(
    ("index", "baseline", "suppressed", "status"),
    [
        pytest.param(0, "unchanged", False, "confirmed-error", id="confirmed-error-never-suppressed"),
        pytest.param(1, "unchanged", True, "accepted", id="false-alarm-suppressed"),
        pytest.param(2, "new", False, "unreviewed", id="unreviewed-is-new"),
    ],
)
def test_sarif_review_state(reviewed: ReportInput, index: int, baseline: str, suppressed: bool, status: str) -> None:
    result = results(reviewed)[index]
    item = reviewed.discrepancies[index]
    assert result["partialFingerprints"] == {FINGERPRINT_KEY: item.fingerprint}
    assert result["baselineState"] == baseline
    assert ("suppressions" in result) is suppressed
    assert result["properties"]["status"] == status
    assert result["properties"]["factIds"] == [fact.fact_id for fact in item.facts]
    if suppressed:
        (suppression,) = result["suppressions"]
        assert suppression["kind"] == "external"
        assert suppression["status"] == "accepted"
        assert suppression["justification"] == "false-alarm: checked against the article"


def test_sarif_result_text_and_locations(reviewed: ReportInput) -> None:
    for item, result in zip(reviewed.discrepancies, results(reviewed), strict=True):
        assert result["ruleId"] == item.rule
        assert result["level"] == item.severity
        assert result["message"]["text"] == item.explanation
        assert len(result.get("relatedLocations", [])) == len(item.facts) - 1
        for fact, related in zip(item.facts[1:], result.get("relatedLocations", []), strict=True):
            assert fact.role in related["message"]["text"]
            assert fact.quote in related["message"]["text"]


def test_sarif_text_file_is_located_by_line_and_column(reviewed: ReportInput) -> None:
    item, result = reviewed.discrepancies[0], results(reviewed)[0]
    first = item.facts[0]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == first.source
    assert physical["region"] == {
        "startLine": first.line,
        "startColumn": first.column,
        "endColumn": first.column + len(first.quote),
        "snippet": {"text": first.quote},
    }


def test_sarif_record_is_located_at_its_jsonl_line(records: ReportInput) -> None:
    (item,) = records.discrepancies
    (result,) = results(records)
    assert [fact.source for fact in item.facts] == ["corpus.jsonl#a1", "corpus.jsonl#b2"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "corpus.jsonl"
    assert physical["region"] == {"startLine": 1, "snippet": {"text": "$2.5 million"}}
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "corpus.jsonl"
    assert related["region"] == {"startLine": 3, "snippet": {"text": "$2.5 billion"}}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("seeds/a.txt", Place("seeds/a.txt", "column"), id="text"),
        pytest.param("notes.md", Place("notes.md", "column"), id="markdown"),
        pytest.param("corpus.jsonl#1234", Place("corpus.jsonl", "line"), id="jsonl-record"),
        pytest.param("data/rows.CSV#r#2", Place("data/rows.CSV", "line"), id="csv-record-id-with-hash"),
        pytest.param("odd#name.txt", Place("odd#name.txt", "column"), id="hash-in-a-text-file-name"),
        pytest.param("pages/story.html", Place("pages/story.html", "file"), id="html-lines-are-extracted-text"),
        pytest.param("<text-3>", Place(None, "none"), id="inline-text"),
    ],
)
def test_place_of(source: str, expected: Place) -> None:
    assert place_of(source) == expected


@pytest.mark.parametrize(
    ("source", "location"),
    [
        pytest.param("dir with space/a.txt", {"artifactLocation": {"uri": "dir%20with%20space/a.txt"}}, id="encoded"),
        pytest.param("/abs/a.txt", {"artifactLocation": {"uri": "file:///abs/a.txt"}}, id="absolute"),
        pytest.param("page.htm", {"artifactLocation": {"uri": "page.htm"}}, id="html-file-only"),
    ],
)
def test_sarif_uris(source: str, location: dict[str, Any]) -> None:
    (result,) = results(by_hand([plain("x1", source=source)]))
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == location["artifactLocation"]
    if source.endswith(".htm"):
        assert "region" not in physical


def test_sarif_inline_text_has_a_logical_location(reviewed: ReportInput) -> None:
    inline = [
        result
        for item, result in zip(reviewed.discrepancies, results(reviewed), strict=True)
        if item.facts[0].source.startswith("<")
    ]
    assert inline
    for result in inline:
        assert "physicalLocation" not in result["locations"][0]
        assert result["locations"][0]["logicalLocations"][0]["name"].startswith("<text-")


# --- Markdown ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("plain words, 50%.", "plain words, 50%.", id="nothing-to-escape"),
        pytest.param("<script>alert('x')</script>", "\\<script\\>alert('x')\\</script\\>", id="html"),
        pytest.param("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`", id="emphasis-and-code"),
        pytest.param("a | b", "a \\| b", id="table-pipe"),
        pytest.param(
            "crime.stolen_value in 000_de64.txt", "crime.stolen_value in 000_de64.txt", id="intraword-underscore"
        ),
        pytest.param("_x_ a_ _b __c__", "\\_x\\_ a\\_ \\_b \\_\\_c\\_\\_", id="flanking-underscores"),
        pytest.param("[click](http://x)", "\\[click\\](http://x)", id="link"),
        pytest.param("$2 and $3", "\\$2 and \\$3", id="github-math"),
        pytest.param("line one\n# line two\r\n> three", "line one \\# line two \\> three", id="no-new-blocks"),
        pytest.param("&amp; ~~x~~ \\", "\\&amp; \\~\\~x\\~\\~ \\\\", id="entities-strike-backslash"),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        pytest.param("Some 30 died.", "Some 30", "**Some 30** died.", id="at-start"),
        pytest.param("It cost $5 *then*.", "$5", "It cost **\\$5** \\*then\\*.", id="escaped-around"),
        pytest.param("About\n30 died.", "30", "About **30** died.", id="newline-before"),
        pytest.param("No quote here.", "99", "No quote here.", id="quote-missing"),
    ],
)
def test_markdown_emphasis(sentence: str, quote: str, expected: str) -> None:
    assert emphasised(sentence, quote) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a.txt:1:2", "`a.txt:1:2`"), ("we`ird", "``we`ird``"), ("`x", "`` `x ``"), ("a|b", "`a\\|b`")],
)
def test_markdown_code_span(text: str, expected: str) -> None:
    assert code(text) == expected


def test_markdown_sections(reviewed: ReportInput) -> None:
    text = render_markdown(reviewed)
    assert text.startswith("# claims report\n\n")
    count = len(reviewed.discrepancies)
    assert f"{count} discrepancies: " in text.splitlines()[2]
    assert "1 confirmed error, 1 accepted" in text.splitlines()[2]
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == count + 1
    assert headings[-1] == "## Stale decisions"
    for item, heading in zip(reviewed.discrepancies, headings, strict=False):
        assert heading.startswith(f"## {item.severity.upper()} · {item.rule} · ")
        assert f"`{item.fingerprint}`" in text
        for fact in item.facts:
            assert f"`{fact.source}:{fact.line}:{fact.column}`" in text
    assert headings[0].endswith("(CONFIRMED ERROR)")
    assert "- Status: **CONFIRMED ERROR** (tester, 2026-11-22): checked against the article" in text
    assert headings[1].endswith("(accepted: false alarm)")
    assert "(unreviewed)" in headings[2]


def test_markdown_escapes_article_text(reviewed: ReportInput) -> None:
    text = render_markdown(reviewed)
    assert "<script>" not in text
    assert "\\<script\\>alert('x')\\</script\\>" in text
    assert "worth **\\$2.5 billion** from the Paris store" in text


def test_markdown_hostile_text_cannot_break_the_layout() -> None:
    sentence = "Officials said *50* | [click](http://evil) were hurt\n## Injected\n> quoted `code`."
    item = discrepancy("hostile", involved("a.txt", "*50*", sentence), involved("b.txt", "60", "Then 60 were."))
    text = render_markdown(by_hand([item]))
    lines = text.splitlines()
    assert not any(line.startswith("## Injected") for line in lines)
    assert [line for line in lines if line.startswith("## ")] == [
        "## WARNING · value-conflict · Conflicting figures hostile (unreviewed)",
        "## Stale decisions",
    ]
    (quoted,) = [line for line in lines if "Officials" in line]
    assert quoted == (
        "  > Officials said **\\*50\\*** \\| \\[click\\](http://evil) were hurt \\#\\# Injected \\> quoted \\`code\\`."
    )


def token_types(markdown: str) -> Counter[str]:
    """Token types of `markdown` parsed as CommonMark with GitHub's tables and strikethrough."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    found: Counter[str] = Counter()
    pending = list(parser.parse(markdown))
    while pending:
        token = pending.pop()
        found[token.type] += 1
        pending.extend(token.children or [])
    return found


HOSTILE = [
    "Officials said *50* were hurt, _or_ ~~more~~ <img src=x onerror=alert(1)>.",
    "See [this](javascript:alert(1)) and ![img](x.png) &amp; `code` $x$ | pipes |.",
    "Line one\n# Heading\n> quote\n- item\n1. item\n---\n| a | b |\n| - | - |",
    "<script>alert('x')</script> <!-- comment --> <https://example.org>",
]


def hostile_report(text: str) -> ReportInput:
    """`text` everywhere article or reviewer text goes: around the quote, as role, title, note and stale title."""
    sentence = f"{text} About 50 people. {text}"
    item = Discrepancy(
        fingerprint="hostile", rule="value-conflict", severity="warning", title=text, explanation=text,
        facts=(involved("a.txt", "About 50", sentence, role=text), involved("b.txt", "60", f"{text} 60 {text}")),
    )  # fmt: skip
    stale = review("gone", "false-alarm", title=text, note=text)
    return by_hand([item], reviews=[review("hostile", "explained-by-time", note=text)], stale=[stale])


@pytest.mark.parametrize("text", HOSTILE, ids=["emphasis-html", "links-entities-code", "blocks", "script"])
def test_markdown_article_text_parses_as_plain_text(text: str) -> None:
    """Parsed by a real CommonMark parser, hostile text gives the same structure as plain words."""
    hostile, benign = (token_types(render_markdown(hostile_report(words))) for words in (text, "plain words"))
    for counts in (hostile, benign):
        del counts["text"]
    assert hostile == benign
    assert hostile["strong_open"] == 2  # the two quotes
    assert hostile["heading_open"] == 3  # the title, the discrepancy and the stale decisions


def test_markdown_lists_stale_decisions() -> None:
    stale = [review("gone1", "explained-by-time"), review("gone2", "confirmed-error", title="Old | *title*")]
    text = render_markdown(by_hand([plain("x1")], stale=stale))
    section = text[text.index("## Stale decisions") :]
    assert "2 decisions refer to discrepancies that no longer exist" in section
    assert "`claims review --prune-stale`" in section
    assert "- `gone1` · value-conflict · Conflicting figures gone1: explained by time" in section
    assert "- `gone2` · value-conflict · Old \\| \\*title\\*: confirmed error" in section


def test_markdown_without_discrepancies() -> None:
    text = render_markdown(by_hand([]))
    assert "0 discrepancies: 0 errors, 0 warnings, 0 notes; 0 unreviewed, 0 confirmed errors, 0 accepted." in text
    assert "None: every decision refers to a current discrepancy." in text


# --- GitHub --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("escape_function", "text", "expected"),
    [
        pytest.param(escape_data, "100% sure", "100%25 sure", id="data-percent"),
        pytest.param(escape_data, "a\r\nb", "a%0D%0Ab", id="data-newlines"),
        pytest.param(escape_data, "a, b: c", "a, b: c", id="data-keeps-comma-colon"),
        pytest.param(escape_property, "a, b: c", "a%2C b%3A c", id="property-comma-colon"),
        pytest.param(escape_property, "50%\n", "50%25%0A", id="property-percent-newline"),
        pytest.param(escape_property, "%2C", "%252C", id="percent-first"),
    ],
)
def test_github_escaping(escape_function: Callable[[str], str], text: str, expected: str) -> None:
    assert escape_function(text) == expected


def test_github_annotations_only_for_discrepancies_needing_attention(reviewed: ReportInput) -> None:
    lines = github.annotations(reviewed)
    expected = [item for item in reviewed.discrepancies if reviewed.status(item) != "accepted"]
    assert len(lines) == len(expected) == len(reviewed.discrepancies) - 1
    for item, line in zip(expected, lines, strict=True):
        command = {"error": "::error ", "warning": "::warning ", "note": "::notice "}[item.severity]
        assert line.startswith(command)
        assert item.fingerprint in line
        assert "\n" not in line and "\r" not in line
    first = reviewed.discrepancies[0].facts[0]
    assert lines[0].startswith(f"::error file={first.source},line={first.line},col={first.column},")
    assert "title=claims complement-sum (confirmed error)%3A Parts do not fit the whole%3A border.length" in lines[0]
    accepted = reviewed.discrepancies[1].fingerprint
    assert not any(accepted in line for line in lines)


@pytest.mark.parametrize(
    ("severity", "source", "start"),
    [
        pytest.param("error", "x,y.txt", "::error file=x%2Cy.txt,line=3,col=6,endColumn=8,title=", id="text"),
        pytest.param("warning", "c.jsonl#9", "::warning file=c.jsonl,line=3,title=", id="record-line-only"),
        pytest.param("note", "p.html", "::notice file=p.html,title=", id="html-file-only"),
        pytest.param("note", "<text-1>", "::notice title=", id="inline-no-file"),
    ],
)
def test_github_annotation_properties(severity: str, source: str, start: str) -> None:
    (line,) = github.annotations(by_hand([plain("x1", severity=severity, source=source)]))
    assert line.startswith(start)


def test_github_annotation_escapes_hostile_text() -> None:
    item = Discrepancy(
        fingerprint="hostile", rule="value-conflict", severity="warning", title="Figures: a, b\n::error::x",
        explanation="50% said:\r\n::error file=x::injected", facts=plain("x1").facts,
    )  # fmt: skip
    (line,) = github.annotations(by_hand([item]))
    properties, message = line.removeprefix("::warning ").split("::", 1)
    assert properties.endswith(",title=claims value-conflict%3A Figures%3A a%2C b%0A%3A%3Aerror%3A%3Ax")
    assert message.startswith("50%25 said:%0D%0A::error file=x::injected%0Afingerprint hostile")
    assert "\n" not in line


def test_github_annotations_are_capped_and_the_summary_is_not() -> None:
    many = [plain(f"fp{index:02}", severity="error" if index % 2 else "warning") for index in range(30)]
    accepted = review("fp00", "explained-by-definition")
    report = by_hand(many, reviews=[accepted])
    assert len(github.annotations(report)) == 29
    capped = github.annotations(report, limit=5)
    assert len(capped) == 5
    assert [line.split("fingerprint ")[1][:4] for line in capped] == ["fp01", "fp02", "fp03", "fp04", "fp05"]
    assert github.annotations(report, limit=0) == []
    with pytest.raises(ValueError, match="negative"):
        github.annotations(report, limit=-1)
    summary = job_summary(report, limit=5)
    rows = [line for line in summary.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + 29  # the header and every discrepancy needing attention
    assert "fp00" not in summary
    assert "24 of these are not annotated in the code view (annotations are capped at 5" in summary
    assert (
        "**29 discrepancies need attention**: 15 errors, 14 warnings, 0 notes; 29 unreviewed, 0 confirmed errors"
        in summary
    )
    assert "1 more accepted by review" in summary
    assert "not annotated" not in job_summary(report)


def test_github_job_summary(reviewed: ReportInput) -> None:
    summary = job_summary(reviewed)
    assert summary.startswith("## claims report\n")
    assert "| Severity | Rule | Status | Where | Title |" in summary
    first = reviewed.discrepancies[0]
    assert (
        f"| error | complement-sum | **confirmed error** | `{first.facts[0].source}:{first.facts[0].line}` |" in summary
    )
    assert reviewed.discrepancies[1].title not in summary  # accepted: not listed


def test_github_job_summary_mentions_stale_and_all_clear() -> None:
    accepted = review("x1", "false-alarm")
    summary = job_summary(by_hand([plain("x1")], reviews=[accepted], stale=[review("gone", "false-alarm")]))
    assert "No discrepancies need attention (1 accepted by review)." in summary
    assert "1 stale decision refers to discrepancies that no longer exist" in summary
    assert "`claims review --prune-stale`" in summary


def test_github_job_summary_escapes_table_cells() -> None:
    item = discrepancy("pipes", involved("a|b.txt", "30", "Some 30 died."), involved("b.txt", "4", "4 died."))
    item = Discrepancy(
        fingerprint=item.fingerprint, rule=item.rule, severity=item.severity, title="A | B <b>",
        explanation=item.explanation, facts=item.facts,
    )  # fmt: skip
    summary = job_summary(by_hand([item]))
    (row,) = [line for line in summary.splitlines() if line.startswith("| warning")]
    assert row == "| warning | value-conflict | unreviewed | `a\\|b.txt:1` | A \\| B \\<b\\> |"


# --- all renderers -------------------------------------------------------------------------------------------

RENDERERS: list[Callable[[ReportInput], object]] = [
    render_markdown,
    render_sarif,
    github.annotations,
    job_summary,
    lambda report: json.dumps(render_sarif(report), ensure_ascii=False, indent=2),
]


@pytest.mark.parametrize("render", RENDERERS, ids=["markdown", "sarif", "annotations", "job-summary", "sarif-json"])
def test_renderers_are_deterministic(render: Callable[[ReportInput], object], tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    once = render(sample_input(tmp_path / "one", reviewed=2))
    again = render(sample_input(tmp_path / "two", reviewed=2))
    assert once == again
    dated = by_hand([plain("x1"), plain("x2")], reviews=[review("x1", "confirmed-error", date="2001-02-03")])
    assert date.today().isoformat() not in json.dumps(render(dated), ensure_ascii=False)  # no clock read


@pytest.mark.parametrize("render", RENDERERS, ids=["markdown", "sarif", "annotations", "job-summary", "sarif-json"])
def test_renderers_handle_an_empty_report(render: Callable[[ReportInput], object]) -> None:
    assert render(by_hand([])) is not None


# --- one definition of "unreviewed" and of a claim's interval, in every output -------------------------------


def test_every_output_counts_unreviewed_and_reads_intervals_alike(tmp_path: Path) -> None:
    """One pile: a conflict whose "About 8" is read as 6.7 to 9.3 (its rounding widens it), a confirmed error, a
    note (it needs no verdict, so it is never counted as unreviewed) and unreviewed flags."""
    from dataclasses import replace

    from extract.cli.shared import check_summary
    from extract.reports.html import page_data
    from extract.review.verdicts import load_reviews
    from extract.run.workflow import Outcome

    texts = [
        "About 8 people died in the fire in Springfield on Monday, police said.",
        "At least 12 people died in the fire in Springfield on Monday, police said.",
        "Thieves stole jewels worth $2.5 million from the Paris store.",
        "Thieves stole jewels worth $2.5 billion from the Paris store.",
    ]
    table = extract.facts(texts=texts)
    found = check(records_from_rows(table.to_dict("records")))
    conflict = next(d for d in found if any(f.quote == "About 8" for f in d.facts))
    others = [d for d in found if d is not conflict]
    note = replace(others[0], fingerprint="0" * 20, severity="note")
    discrepancies = [conflict, *others, note]
    reviews = load_reviews(tmp_path / "reviews.toml")
    reviews.record(others[0], "confirmed-error", note="", reviewer="tester", on=date(2026, 11, 22))
    reviews.save()
    outcome = Outcome(discrepancies, load_reviews(tmp_path / "reviews.toml"), table)
    report = outcome.report_input()
    expected = len(discrepancies) - 2  # less the confirmed error and the note
    assert len(outcome.unreviewed) == len(report.unreviewed) == expected == 1

    assert check_summary(outcome).endswith(f"; {expected} without a verdict")
    markdown = render_markdown(report)
    assert f"; {expected} unreviewed, 1 confirmed error, 0 accepted, 1 note without a verdict." in markdown
    page = render_html(report)
    assert f'<div class="stat " data-stat="unreviewed"><b>{expected}</b>' in page
    sarif = render_sarif(report)["runs"][0]
    assert sarif["properties"]["unreviewed"] == expected
    assert sum(result["properties"]["status"] == "unreviewed" for result in sarif["results"]) == expected

    # "About 8" as the explanation, the Markdown, the page, SARIF and the CI annotations write it.
    reading = "6.7 to 9.3"
    assert f"“About 8” (<text-1>:1): {reading}" in conflict.explanation
    assert f"“About 8” at `<text-1>:1:1`, read as {reading}" in markdown
    data = page_data(report)
    assert [fact["rd"] for fact in data["facts"] if fact["q"] == "About 8"] == [reading]
    about = next(result for result in sarif["results"] if result["partialFingerprints"][FINGERPRINT_KEY] == conflict.fingerprint)
    places = [about["locations"][0], *about.get("relatedLocations", [])]
    assert [place["properties"]["reading"] for place in places if place["properties"]["quote"] == "About 8"] == [reading]
    assert any(reading in line for line in github.annotations(report))
