"""Ingestion: every input format, and every kind of bad input, read from real files in a temp directory."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import regex
from click.testing import CliRunner

from extract.cli import cli
from extract.errors import InputError, UsageError
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


# -- encodings: UTF-8 by default; --encoding NAME or auto for the rest -----------------------------------

LATIN = "Le café coûte 3 euros à Paris.\nSome 40 people were killed, the ministère said.\n"
CURLY = "“Some 30 people were killed,” officials said; the damage cost €40 million.\n"
CYRILLIC = "Более 1,7 миллиона граждан Таджикистана въехали в Россию в 2022 году.\n"
RECORDS = "".join(
    json.dumps({"id": f"r{n}", "text": text}, ensure_ascii=False) + "\n" for n, text in enumerate([CURLY, LATIN], 1)
)

# (file, its text, the codec it is written in, the codec `auto` reads it with)
ENCODED = [
    pytest.param("latin.txt", LATIN, "latin-1", "cp1252", id="latin-1"),  # cp1252 reads every Latin-1 letter alike
    pytest.param("curly.txt", CURLY, "cp1252", "cp1252", id="cp1252-curly-quotes-and-euro"),
    pytest.param("bom.txt", CURLY + LATIN, "utf-16", "utf-16", id="utf-16-with-bom"),
    pytest.param("wide.md", CURLY, "utf-32", "utf-32", id="utf-32-with-bom"),
    pytest.param("ru.txt", CYRILLIC, "cp1251", "cp1251", id="cp1251-cyrillic"),
    pytest.param("records.jsonl", RECORDS, "utf-16", "utf-16", id="utf-16-jsonl"),
    pytest.param("records.csv", "id,text\nr1,\"" + CURLY + "\"\n", "cp1252", "cp1252", id="cp1252-csv"),
]


def _texts(name: str, options: ReadOptions) -> list[str]:
    return [document.text for document in read_documents([name], options)]


@pytest.mark.parametrize(("name", "text", "codec", "detected"), ENCODED)
def test_a_file_in_another_encoding_is_read_by_name_or_detected(
    in_tmp: Path, name: str, text: str, codec: str, detected: str
) -> None:
    write(in_tmp / name, text.encode(codec))
    write(in_tmp / "as-utf-8" / name, text)
    expected = _texts(f"as-utf-8/{name}", ReadOptions())
    assert _texts(name, ReadOptions(encoding=codec)) == expected
    heard: list[str] = []
    assert _texts(name, ReadOptions(encoding="auto", on_warning=heard.append)) == expected
    assert heard == [f"{name}: read as {detected} (detected: it is not UTF-8)"]
    with pytest.raises(InputError) as raised:
        read_documents([name])
    assert str(raised.value).startswith(f"{name}")
    assert "--encoding auto" in str(raised.value) and "\n" not in str(raised.value)


def test_auto_reads_utf8_without_a_word(in_tmp: Path) -> None:
    write(in_tmp / "plain.txt", "\ufeff" + CURLY)
    heard: list[str] = []
    assert _texts("plain.txt", ReadOptions(encoding="auto", on_warning=heard.append)) == [CURLY]
    assert heard == []


@pytest.mark.parametrize(
    ("name", "encoding", "message"),
    [
        pytest.param("nope", None, "unknown encoding 'nope': give a Python codec name", id="unknown"),
        pytest.param("rot13", None, "'rot13' is not a text encoding", id="not-a-text-codec"),
        pytest.param("UTF8", "utf-8", None, id="utf8-spelt-otherwise"),
        pytest.param("Latin1", "iso8859-1", None, id="latin1-alias"),
        pytest.param("AUTO", "auto", None, id="auto"),
    ],
)
def test_encoding_names_are_python_codecs(name: str, encoding: str | None, message: str | None) -> None:
    if message is None:
        assert ReadOptions(encoding=name).encoding == encoding
        return
    with pytest.raises(UsageError, match=regex.escape(message)):
        ReadOptions(encoding=name)


# (command line, exit status, what stderr says): invalid UTF-8 named on the command line stays an error.
BAD_UTF8 = b"Some 30 people were killed in Caf\xe9 Gaza.\n"
CLI_CASES = [
    pytest.param([], 2, "claims: error: cafe.txt: not valid UTF-8 at byte offset 33; if it is in another encoding, "
                 "--encoding auto detects it or --encoding NAME reads it as NAME\n", id="default-utf-8"),
    pytest.param(["--encoding", "auto"], 0, "claims: warning: cafe.txt: read as cp1252 (detected: it is not UTF-8)\n",
                 id="auto"),
    pytest.param(["--encoding", "latin-1"], 0, "", id="latin-1"),
    pytest.param(["--encoding", "klingon"], 2, "claims: error: unknown encoding 'klingon'", id="unknown"),
    pytest.param(["--encoding", "utf-16"], 2, "claims: error: cafe.txt: not valid utf-16 at byte offset 40\n",
                 id="wrong-codec"),
]


@pytest.mark.parametrize(("options", "status", "said"), CLI_CASES)
def test_the_encoding_option_on_the_command_line(in_tmp: Path, options: list[str], status: int, said: str) -> None:
    write(in_tmp / "cafe.txt", BAD_UTF8)
    result = CliRunner().invoke(cli, ["extract", "cafe.txt", "-o", "out", *options], prog_name="claims")
    assert result.exit_code == status
    lines = result.stderr.splitlines(keepends=True)
    assert "".join(lines[:-1] if status == 0 else lines).startswith(said), result.stderr
    if status == 0:
        assert "1 extracted, 0 unchanged" in lines[-1]
        quotes = pd.read_csv(in_tmp / "out" / "facts.csv")["sentence"].tolist()
        assert "Some 30 people were killed in Café Gaza." in quotes


def test_a_changed_encoding_extracts_the_file_again(in_tmp: Path) -> None:
    write(in_tmp / "news" / "cafe.txt", BAD_UTF8)
    write(in_tmp / "news" / "plain.txt", "Some 40 people were killed in Gaza.\n")
    runner = CliRunner()
    said = []
    for encoding in ["latin-1", "latin-1", "cp1252", "auto", "auto"]:
        result = runner.invoke(cli, ["extract", "news", "--encoding", encoding], prog_name="claims")
        assert result.exit_code == 0, result.stderr
        said.append(regex.search(r"\(\d+ extracted, \d+ unchanged, \d+ removed\)", result.stderr)[0])  # type: ignore[index]
    assert said == [
        "(2 extracted, 0 unchanged, 0 removed)",
        "(0 extracted, 2 unchanged, 0 removed)",  # read as before: nothing to do
        "(2 extracted, 0 unchanged, 0 removed)",
        "(2 extracted, 0 unchanged, 0 removed)",
        "(0 extracted, 2 unchanged, 0 removed)",
    ]
    result = runner.invoke(cli, ["extract", "news"], prog_name="claims")  # back to UTF-8: cafe.txt is skipped
    assert result.exit_code == 0
    assert result.stderr.startswith("claims: warning: news/cafe.txt: skipped: not valid UTF-8 at byte offset 33")
    assert "(1 extracted, 0 unchanged, 0 removed)" in result.stderr and "skipped 1 file and 0 empty records" in result.stderr
