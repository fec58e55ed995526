"""Ingestion: every input format, and every kind of bad input, read from real files in a temp directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.ingest.documents import Document, ReadOptions, Skipped, iter_inputs, read_documents
from tests.helpers import SEEDS

ARTICLE = "Over 1.7 million Tajikistani citizens entered Russia seeking work.\nThe border is 950 kilometers long.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def only_document(paths: list[str], options: ReadOptions | None = None) -> Document:
    documents = read_documents(paths, options)
    assert len(documents) == 1
    return documents[0]


# -- formats ---------------------------------------------------------------------------------------------


def test_txt_is_the_file_text_with_a_relative_posix_source(in_tmp: Path) -> None:
    write(in_tmp / "news" / "a.txt", ARTICLE)
    document = only_document(["news"])
    assert document.source == "news/a.txt"
    assert document.format == "txt"
    assert document.text == ARTICLE
    assert document.position(ARTICLE.index("950")) == (2, 15)


def test_absolute_path_under_cwd_becomes_relative(in_tmp: Path) -> None:
    path = write(in_tmp / "a.md", "# Title\n\n" + ARTICLE)
    document = only_document([str(path)])
    assert document.source == "a.md"
    assert document.format == "md"


def test_bom_is_dropped_and_crlf_kept(in_tmp: Path) -> None:
    write(in_tmp / "bom.txt", b"\xef\xbb\xbfline one.\r\nline two.\r\n")
    document = only_document(["bom.txt"])
    assert document.text == "line one.\r\nline two.\r\n"
    assert document.position(document.text.index("two")) == (2, 6)


def test_jsonl_records_keep_metadata_and_line_numbers(in_tmp: Path) -> None:
    lines = [
        {"id": "a1", "title": "Border talks", "date": "2022-09-16", "url": "https://example.org/a1", "text": ARTICLE},
        {"id": "a2", "text": "   "},
        {"id": 7, "places": ["kgz", "tjk"], "text": "Some 30 people were killed."},
    ]
    write(in_tmp / "corpus.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    items = list(iter_inputs(["corpus.jsonl"]))
    documents = [item for item in items if isinstance(item, Document)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [d.source for d in documents] == ["corpus.jsonl#a1", "corpus.jsonl#7"]
    assert documents[0].title == "Border talks"
    assert documents[0].date == "2022-09-16"
    assert documents[0].url == "https://example.org/a1"
    assert documents[1].metadata["places"] == "kgz; tjk"
    assert documents[1].record_line == 3
    assert documents[1].position(5) == (3, 6)
    assert skipped == [Skipped("corpus.jsonl#a2", "record with empty text", is_record=True)]


def test_jsonl_custom_fields_and_missing_id(in_tmp: Path) -> None:
    write(in_tmp / "c.jsonl", json.dumps({"doc_id": "9", "body": ARTICLE}) + "\n" + json.dumps({"body": "x y"}))
    documents = read_documents(["c.jsonl"], ReadOptions(text_field="body", id_field="doc_id"))
    assert [d.source for d in documents] == ["c.jsonl#9", "c.jsonl#2"]


def test_csv_rows_with_quoted_newlines(in_tmp: Path) -> None:
    write(
        in_tmp / "c.csv",
        'id,title,text\n1,First,"Line one.\nLine two, with 950 km."\n2,Second,"Only 520 kilometers."\n',
    )
    documents = read_documents(["c.csv"])
    assert [(d.source, d.record_line, d.title) for d in documents] == [
        ("c.csv#1", 2, "First"),
        ("c.csv#2", 4, "Second"),
    ]
    assert documents[0].text == "Line one.\nLine two, with 950 km."


def test_html_goes_through_the_article_extractor(in_tmp: Path) -> None:
    html = """<html><head><title>Border clash</title>
    <meta property="article:published_time" content="2022-09-16"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Border clash</h1>
    <p>The clashes killed more than 90 people on both sides of the Kyrgyz-Tajik border, officials said on Friday.</p>
    <p>About 140,000 people were forced to evacuate from the border villages, the ministry said in a statement.</p>
    </article><footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"""
    write(in_tmp / "page.html", html)
    document = only_document(["page.html"])
    assert document.format == "html"
    assert "more than 90 people" in document.text
    assert "Copyright" not in document.text and "Home" not in document.text
    assert document.title == "Border clash"
    assert document.date == "2022-09-16"


def test_directory_walk_is_recursive_sorted_and_skips_with_reasons(in_tmp: Path) -> None:
    write(in_tmp / "d" / "b.txt", ARTICLE)
    write(in_tmp / "d" / "sub" / "a.md", ARTICLE)
    write(in_tmp / "d" / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(in_tmp / "d" / "notes.docx", b"PK\x03\x04")
    write(in_tmp / "d" / "blob.txt", b"abc\x00def")
    write(in_tmp / "d" / "empty.txt", b"")
    write(in_tmp / "d" / ".hidden" / "x.txt", ARTICLE)
    items = list(iter_inputs(["d"]))
    assert [item.source for item in items if isinstance(item, Document)] == ["d/b.txt", "d/sub/a.md"]
    reasons = {item.source: item.reason for item in items if isinstance(item, Skipped)}
    assert set(reasons) == {"d/image.png", "d/notes.docx", "d/blob.txt", "d/empty.txt"}
    assert reasons["d/blob.txt"].startswith("binary file")
    assert reasons["d/empty.txt"] == "empty file"
    assert "unknown kind" in reasons["d/image.png"]


def test_seed_pages_read_as_is() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        document = only_document([str(path)])
        assert document.text == path.read_text(encoding="utf-8")


# -- bad input named on the command line: one clear error each ----------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("missing.txt", None, "missing.txt: no such file or directory", id="missing"),
        pytest.param("empty.txt", b"", "empty.txt: empty file", id="empty"),
        pytest.param("blank.md", b"  \n\n ", "blank.md: empty file", id="whitespace-only"),
        pytest.param("bin.txt", b"\x7fELF\x00\x00", "bin.txt: binary file", id="binary"),
        pytest.param("doc.pdf", b"%PDF-1.4", "doc.pdf: unknown kind of file '.pdf'", id="unknown-kind"),
        pytest.param("latin1.txt", "café au lait".encode("latin-1"), "not valid UTF-8 at byte offset 3", id="latin1"),
        pytest.param("bad.jsonl", b'{"text": "ok"}\n{"text": oops}\n', "bad.jsonl:2: not valid JSON", id="jsonl-bad-line"),
        pytest.param("list.jsonl", b'["a", "b"]\n', "list.jsonl:1: a JSON list, not an object", id="jsonl-not-object"),
        pytest.param("num.jsonl", b'{"text": 12}\n', "num.jsonl:1: field 'text' is int", id="jsonl-text-not-string"),
        pytest.param("nofield.jsonl", b'{"body": "x"}\n', "no record has the text field 'text'", id="jsonl-no-field"),
        pytest.param("nocol.csv", b"id,body\n1,x\n", "nocol.csv: no column 'text' in the CSV header", id="csv-no-column"),
        pytest.param("ragged.csv", b"id,text\n1,a\n2,b,c\n", "ragged.csv:3: row has 3 fields", id="csv-ragged"),
        pytest.param("quote.csv", b'id,text\n1,"a"b\n', "quote.csv:2: malformed CSV", id="csv-bad-quote"),
        pytest.param(
            "late.jsonl", b'{"text": "fine"}\n{"text": "caf\xe9"}\n', "late.jsonl:2: not valid UTF-8 at byte offset 30",
            id="jsonl-invalid-utf8-offset",
        ),
    ],
)
def test_bad_input_is_one_clear_error(in_tmp: Path, name: str, content: bytes | None, message: str) -> None:
    if content is not None:
        write(in_tmp / name, content)
    with pytest.raises(InputError) as raised:
        read_documents([name])
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_html_without_article_text_is_an_error(in_tmp: Path) -> None:
    write(in_tmp / "nav.html", "<html><head><title>x</title></head><body><img src='a.png'></body></html>")
    with pytest.raises(InputError, match=r"nav\.html: no article text found"):
        read_documents(["nav.html"])


def test_position_outside_text_is_refused() -> None:
    document = Document(source="x.txt", path="x.txt", format="txt", text="abc")
    with pytest.raises(ValueError, match="outside"):
        document.position(4)
