"""Ingestion: files and directories of news text become `Document`s.

Inputs and what the *document text* is for each (every offset in the project refers to it):

- ``.txt`` / ``.md``: the file's text, decoded as UTF-8 (a leading BOM is dropped, nothing else is changed,
  not even line endings);
- ``.html`` / ``.htm``: the article text extracted by trafilatura (kept in the document so that every quote
  can be checked against it), with the page's title, date, author and URL as metadata;
- ``.jsonl``: one record per line, ``.csv``: one record per row; the record's text field is the document
  text, its id field names it, and every other field is kept as metadata.

``source`` is the POSIX path as given on the command line, relative to the current directory when it lies
under it (``seeds/000_de64a30cb4f39542.txt``), with ``#ID`` appended for a record (``corpus.jsonl#1234``).
A record without an id field is named by its line (JSONL) or row (CSV) number.

Line and column (`Document.position`): in the file for ``.txt`` / ``.md``; for a record, the record's line
(JSONL) or row (CSV) with the column counted in characters into its text field; for HTML, in the extracted
text (the page's markup has no usable lines for a quote).

Files are UTF-8 unless `ReadOptions.encoding` names another codec or ``auto`` (detected per file); the encoding
applies to the bytes of the file, before any format reads them.

Bad input raises `InputError` with the file and the problem (byte offset of invalid UTF-8, with the hint that
``--encoding`` reads other encodings; line number of a malformed JSON record, name of a missing CSV column),
never with any of the file's content. A file named on
the command line is read as given; a bad one is an error. While walking a directory, a bad file is not an
error: it comes out of `iter_inputs` as a `Skipped` item (as do records with empty text), and so does a
symbolic link that leads outside the paths given, unless `ReadOptions.follow_symlinks`.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import json
import os
import re
import stat
import warnings
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Final, Literal

from extract.errors import InputError, UsageError
from extract.ingest.dates import iso_date

__all__ = [
    "FORMATS",
    "Document",
    "ReadOptions",
    "Skipped",
    "codec_name",
    "iter_files",
    "iter_inputs",
    "read_documents",
    "read_input",
    "source_name",
]

Format = Literal["txt", "md", "html", "jsonl", "csv"]

FORMATS: Final[Mapping[str, Format]] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
}

# A record or line longer than this is refused rather than read into memory whole.
MAX_LINE_BYTES: Final = 64 * 1024 * 1024
BINARY_SNIFF_BYTES: Final = 8192
# How much of a file `--encoding auto` reads to tell its encoding.
DETECT_SAMPLE_BYTES: Final = 1 << 20
WIDE_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
ENCODING_HINT: Final = "if it is in another encoding, --encoding auto detects it or --encoding NAME reads it as NAME"

# Record fields that fill the typed metadata of a document, by preference.
TITLE_FIELDS: Final = ("title", "headline")
DATE_FIELDS: Final = ("date", "published", "published_at", "pubdate")
URL_FIELDS: Final = ("url", "source_url", "link")


@dataclass(frozen=True, slots=True)
class Document:
    """One news text with where it came from. All offsets into `text`."""

    source: str
    path: str
    format: Format
    text: str
    record_id: str | None = None
    record_line: int | None = None  # the JSONL line or CSV row where the record starts (1-based)
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_record(self) -> bool:
        return self.record_id is not None

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of `offset`, as the module docstring defines them."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the document text (0..{len(self.text)})")
        if self.record_line is not None:
            return self.record_line, offset + 1
        breaks = _line_breaks(self.text)
        line = bisect_right(breaks, offset - 1)  # the line breaks before `offset`
        line_start = breaks[line - 1] + 1 if line else 0
        return line + 1, offset - line_start + 1


_LINE_BREAK: Final = re.compile("\n")


# Every fact asks for its line and column: the document's line breaks are found once, not once per fact (a
# count from the start each time made a large document cost the square of its size).
@lru_cache(maxsize=8)
def _line_breaks(text: str) -> array[int]:
    return array("q", (match.start() for match in _LINE_BREAK.finditer(text)))


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left out on purpose, with the reason; the CLI warns about each and counts them."""

    source: str
    reason: str
    is_record: bool = False


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How input files are read.

    `encoding` is ``utf-8`` (the default), ``auto`` (detected per file with charset-normalizer) or the name of
    any Python text codec (``latin-1``, ``cp1252``, ``utf-16``); it is kept under the codec's own name, so that
    ``UTF8`` and ``utf-8`` are one setting. An unknown name is a `UsageError`. `on_warning` hears what ``auto``
    chose for each file it did not find to be UTF-8 (without it, a `UserWarning` says so).
    """

    text_field: str = "text"
    id_field: str = "id"
    # Read what a symbolic link met in a folder walk points to even outside the paths given (--follow-symlinks).
    follow_symlinks: bool = False
    encoding: str = "utf-8"
    on_warning: Callable[[str], None] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoding", codec_name(self.encoding))


def codec_name(name: str) -> str:
    """``auto``, or the Python codec `name` stands for under its own name; an unknown name is a `UsageError`."""
    if name.strip().lower() == "auto":
        return "auto"
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UsageError(
            f"unknown encoding {name!r}: give a Python codec name (utf-8, latin-1, cp1252, utf-16 ...) or auto"
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib: codecs, but not of text
        raise UsageError(f"{name!r} is not a text encoding: give one such as utf-8, latin-1, cp1252, utf-16, or auto")
    return info.name


def read_documents(paths: Sequence[str | os.PathLike[str]], options: ReadOptions | None = None) -> list[Document]:
    """All documents under `paths`; skipped inputs are dropped silently (use `iter_inputs` to see them)."""
    return [item for item in iter_inputs(paths, options) if isinstance(item, Document)]


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Document | Skipped]:
    """Documents, and the inputs skipped on the way, in a stable order (paths as given, directories sorted)."""
    options = options or ReadOptions()
    for item in iter_files(paths, follow_symlinks=options.follow_symlinks):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_input(item[0], options, named=item[1])


def iter_files(
    paths: Sequence[str | os.PathLike[str]], *, follow_symlinks: bool = False
) -> Iterator[tuple[Path, bool] | Skipped]:
    """Each input file under `paths`, with whether it was named itself (True) or met in a directory walk,
    and, as `Skipped`, what the walk leaves out: a symbolic link that is broken, loops, or leads outside
    `paths` (unless `follow_symlinks`), and anything that is not a regular file or a folder.

    A folder's files come in name order, then its subfolders, each walked the same way; hidden ones (a name
    starting with a dot) are left out without a word. A path named in `paths` is read as given, links and all.
    """
    roots = [Path(os.path.realpath(given)) for given in paths]
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(source_name(path), "no such file or directory")
        if path.is_dir():
            yield from _walk(path, roots, follow_symlinks, set())
            continue
        problem = _not_regular(path)
        if problem:
            raise InputError(source_name(path), problem)
        yield path, True


def _walk(
    folder: Path, roots: Sequence[Path], follow_symlinks: bool, walked: set[tuple[int, int]]
) -> Iterator[tuple[Path, bool] | Skipped]:
    try:
        status = folder.stat()
        if (status.st_dev, status.st_ino) in walked:  # reached again through a followed link: a loop
            return
        walked.add((status.st_dev, status.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted((entry for entry in scan if not entry.name.startswith(".")), key=lambda e: e.name)
    except OSError as error:
        yield Skipped(source_name(folder), f"cannot read the folder: {_reason(error)}")
        return
    subfolders = []
    for entry in entries:
        path = folder / entry.name
        try:
            linked = entry.is_symlink()
            target = Path(os.path.realpath(path, strict=True)) if linked else None
            is_dir = entry.is_dir()
        except OSError as error:
            if error.errno == errno.ELOOP:
                yield Skipped(source_name(path), "symbolic link loop")
            elif linked and error.errno == errno.ENOENT:
                yield Skipped(source_name(path), "broken symbolic link")
            else:
                yield Skipped(source_name(path), f"cannot read: {_reason(error)}")
            continue
        if target is not None:
            inside = any(target == root or root in target.parents for root in roots)
            if not inside and not follow_symlinks:
                yield Skipped(
                    source_name(path),
                    f"symbolic link outside the input paths (to {target}); --follow-symlinks reads it",
                )
                continue
            if inside and is_dir:
                # A folder inside the inputs is walked under its own name (or left out if hidden): following
                # the link too would read its files twice, or forever through a link to a parent.
                continue
        if is_dir:
            subfolders.append(path)
            continue
        problem = _not_regular(path)
        if problem:
            yield Skipped(source_name(path), problem)
        else:
            yield path, False
    for subfolder in subfolders:
        yield from _walk(subfolder, roots, follow_symlinks, walked)


FILE_TYPES: Final = {
    stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder",
}


def _not_regular(path: Path) -> str | None:
    """Why `path` cannot be read as a file (reading a named pipe would wait for a writer forever), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot read: {_reason(error)}"
    if stat.S_ISREG(mode):
        return None
    return f"not a regular file ({FILE_TYPES.get(stat.S_IFMT(mode), 'a special file')})"


def _reason(error: OSError) -> str:
    """The operating system's words for `error`, without the path it may repeat."""
    return error.strerror or (os.strerror(error.errno) if error.errno else type(error).__name__)


def read_input(path: Path, options: ReadOptions | None = None, *, named: bool = True) -> Iterator[Document | Skipped]:
    """The documents of one input file; a file named by the user that cannot be read is an error.

    A file met in a directory walk that cannot be read ends with a `Skipped` item instead (the documents it gave
    before the fault came first: a caller that must not keep part of a file drops them, as the extraction does).
    """
    options = options or ReadOptions()
    source = source_name(path)
    kind = FORMATS.get(path.suffix.lower())

    def refuse(reason: str) -> Iterator[Document | Skipped]:
        if named:
            raise InputError(source, reason)
        yield Skipped(source, reason)

    if kind is None:
        known = ", ".join(sorted(FORMATS))
        yield from refuse(f"unknown kind of file {path.suffix or '(no extension)'!r}; supported: {known}")
        return
    problem = _not_regular(path)
    if problem:
        yield from refuse(problem)
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
            sample = head + handle.read(DETECT_SAMPLE_BYTES - len(head)) if options.encoding == "auto" else b""
    except OSError as error:
        yield from refuse(f"cannot read: {_reason(error)}")
        return
    encoding: str | None = options.encoding
    if encoding == "auto":
        encoding = _detect(sample)
    if encoding is None:
        yield from refuse("cannot tell its text encoding; give it with --encoding NAME")
        return
    wide = _wide(encoding)
    if b"\x00" in head and not wide:
        bom = next((name for mark, name in WIDE_BOMS if head.startswith(mark)), None)
        if bom and encoding == "utf-8":
            yield from refuse(
                f"{bom} text (it starts with a {bom} byte-order mark), not UTF-8; --encoding auto or --encoding "
                f"{bom.lower()} reads it"
            )
        else:
            yield from refuse(f"binary file (NUL bytes), not {_label(encoding)} text")
        return
    if not _decoded_head(head, encoding).strip():  # a byte-order mark alone is empty too
        yield from refuse("empty file")
        return
    if options.encoding == "auto" and encoding != "utf-8":
        chose = f"{source}: read as {encoding} (detected: it is not UTF-8)"
        if options.on_warning is not None:
            options.on_warning(chose)
        else:
            warnings.warn(chose, stacklevel=2)
    try:
        if kind in ("jsonl", "csv"):
            yield from _read_records(path, source, kind, options, encoding)
        else:
            yield _read_whole(path, source, kind, encoding)
    except OSError as error:
        yield from refuse(f"cannot read: {_reason(error)}")
    except InputError as error:
        if named:
            raise
        yield Skipped(error.source, error.problem)


def _read_whole(path: Path, source: str, kind: Format, encoding: str) -> Document:
    data = path.read_bytes()
    text = _decode(data, source, byte_base=0, encoding=encoding)
    if kind != "html":
        return Document(source=source, path=path.as_posix(), format=kind, text=text)
    return _html_document(text, source, path)


def _html_document(html: str, source: str, path: Path) -> Document:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not str(text).strip():
        raise InputError(source, "no article text found in the HTML page")
    return Document(
        source=source,
        path=path.as_posix(),
        format="html",
        text=str(text),
        title=_optional_str(getattr(extracted, "title", None)),
        date=iso_date(_optional_str(getattr(extracted, "date", None))),
        url=_optional_str(getattr(extracted, "url", None)),
        author=_optional_str(getattr(extracted, "author", None)),
    )


def _read_records(
    path: Path, source: str, kind: Format, options: ReadOptions, encoding: str
) -> Iterator[Document | Skipped]:
    lines = _decoded_lines(path, source) if encoding == "utf-8" else _lines_in(path, source, encoding)
    rows = _jsonl_rows(lines, source) if kind == "jsonl" else _csv_rows(lines, source, options.text_field)
    seen_text_field = False
    for line_number, record in rows:
        raw_text = record.get(options.text_field)
        if raw_text is not None:
            seen_text_field = True
        if raw_text is not None and not isinstance(raw_text, str):
            raise InputError(
                f"{source}:{line_number}",
                f"field {options.text_field!r} is {type(raw_text).__name__}, not a string",
            )
        raw_id = record.get(options.id_field)
        record_id = str(line_number) if raw_id in (None, "") else _flatten(raw_id)
        record_source = f"{source}#{record_id}"
        if not raw_text or not raw_text.strip():
            yield Skipped(record_source, "record with empty text", is_record=True)
            continue
        metadata = {
            key: _flatten(value)
            for key, value in record.items()
            if key not in (options.text_field, options.id_field) and value not in (None, "", [])
        }
        yield Document(
            source=record_source,
            path=path.as_posix(),
            format=kind,
            text=raw_text,
            record_id=record_id,
            record_line=line_number,
            title=_first_field(metadata, TITLE_FIELDS),
            date=iso_date(_first_field(metadata, DATE_FIELDS)),
            url=_first_field(metadata, URL_FIELDS),
            author=_first_field(metadata, ("author", "byline")),
            metadata=metadata,
        )
    if kind == "jsonl" and not seen_text_field:
        raise InputError(source, f"no record has the text field {options.text_field!r} (see --text-field)")


def _decoded_lines(path: Path, source: str) -> Iterator[tuple[int, str]]:
    """(line number, text) for each physical line, decoded as UTF-8, streamed."""
    with path.open("rb") as handle:
        byte_base = 0
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_LINE_BYTES + 1), b""), start=1):
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(f"{source}:{number}", f"line longer than {MAX_LINE_BYTES // 2**20} MiB")
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, byte_base = raw[3:], 3
            yield number, _decode(raw, f"{source}:{number}", byte_base=byte_base)
            byte_base += len(raw)


def _jsonl_rows(lines: Iterable[tuple[int, str]], source: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{source}:{number}", f"not valid JSON ({error.msg}, column {error.colno})") from None
        except RecursionError:  # the decoder recurses once per level: a record nested a thousand levels deep
            raise InputError(f"{source}:{number}", "JSON nested too deeply to read") from None
        if not isinstance(record, dict):
            raise InputError(f"{source}:{number}", f"a JSON {type(record).__name__}, not an object")
        yield number, record


def _csv_rows(
    lines: Iterable[tuple[int, str]], source: str, text_field: str
) -> Iterator[tuple[int, Mapping[str, Any]]]:
    numbered = iter(lines)
    current = [0]

    def physical() -> Iterator[str]:
        for number, line in numbered:
            current[0] = number
            yield line

    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.reader(physical(), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(source, "empty CSV file") from None
    except csv.Error as error:
        raise InputError(f"{source}:{current[0]}", f"malformed CSV ({error})") from None
    header = [name.strip() for name in header]
    if text_field not in header:
        # The header's names are not repeated: the first line of a file that is no CSV at all could be anything.
        raise InputError(
            source, f"no column {text_field!r} in the CSV header ({len(header)} columns); see --text-field"
        )
    while True:
        row_start = current[0] + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError(f"{source}:{current[0]}", f"malformed CSV ({error})") from None
        if not row:
            continue
        if len(row) != len(header):
            raise InputError(f"{source}:{row_start}", f"row has {len(row)} fields, the header has {len(header)}")
        yield row_start, dict(zip(header, row, strict=True))


def _lines_in(path: Path, source: str, encoding: str) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line of a file in `encoding`, streamed: decoded first and cut at line feeds
    after, as the bytes of a UTF-16 line feed are no line feed of their own."""
    decoder = codecs.getincrementaldecoder(encoding)()
    number, pending, fed = 1, "", 0
    with path.open("rb") as handle:
        while True:
            block = handle.read(1 << 20)
            held = len(decoder.getstate()[0])  # bytes of an unfinished character kept from the block before
            try:
                pending += decoder.decode(block, final=not block)
            except UnicodeError as error:  # UTF-16 without a byte-order mark is a UnicodeError of its own
                offset = fed - held + getattr(error, "start", 0)
                raise InputError(source, f"not valid {_label(encoding)} at byte offset {offset}") from None
            fed += len(block)
            *lines, pending = pending.split("\n")
            for line in lines:
                yield number, line + "\n"
                number += 1
            if len(pending) > MAX_LINE_BYTES:
                raise InputError(f"{source}:{number}", f"line longer than {MAX_LINE_BYTES // 2**20} MiB")
            if not block:
                break
    if pending:
        yield number, pending


def _decode(data: bytes, source: str, *, byte_base: int, encoding: str = "utf-8") -> str:
    if encoding != "utf-8":
        try:
            return data.decode(encoding)
        except UnicodeError as error:
            offset = byte_base + getattr(error, "start", 0)
            raise InputError(source, f"not valid {_label(encoding)} at byte offset {offset}") from None
    try:
        return data.decode("utf-8-sig" if byte_base == 0 else "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(source, f"not valid UTF-8 at byte offset {byte_base + error.start}; {ENCODING_HINT}") from None


def _decoded_head(head: bytes, encoding: str) -> str:
    """The first bytes of a file as text, for the empty-file test; a character cut at their end is dropped."""
    try:
        text: str = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)
    except UnicodeError:  # not even a start in `encoding`: not empty, and the reading says what is wrong
        return "?"
    return text.removeprefix("\ufeff")


def _wide(encoding: str) -> bool:
    """Whether text in `encoding` holds NUL bytes of its own (UTF-16, UTF-32), so that they say nothing of
    a binary file."""
    try:
        return b"\x00" in "a".encode(encoding)
    except (UnicodeError, LookupError):
        return False


def _label(encoding: str) -> str:
    return "UTF-8" if encoding == "utf-8" else encoding


def _detect(sample: bytes) -> str | None:
    """The encoding of a file from its first bytes: UTF-8 when they read as UTF-8 (without NUL bytes, which
    UTF-16 text without a byte-order mark is full of), else charset-normalizer's best guess, or None."""
    if not any(sample.startswith(mark) for mark, _ in WIDE_BOMS) and b"\x00" not in sample:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # imported here: only `auto` needs it

    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    # On a short text several single-byte codecs fit equally well (cp1250 as well as cp1252 for French or
    # English with curly quotes); Western European is what such news text is far most often written in.
    tied = [match for match in matches if (match.chaos, match.coherence) == (best.chaos, best.coherence)]
    if any("cp1252" in match.could_be_from_charset for match in tied):
        return "cp1252"
    return codecs.lookup(best.encoding).name


def source_name(path: Path) -> str:
    """The path as given, made relative to the current directory when it lies under it, in POSIX form."""
    if path.is_absolute():
        with contextlib.suppress(ValueError):  # outside the current directory: keep it absolute
            path = path.relative_to(Path.cwd())
    return PurePosixPath(os.path.normpath(path).replace(os.sep, "/")).as_posix()


def _flatten(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return "; ".join(str(item) for item in value)
    if isinstance(value, int | float | bool):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _first_field(metadata: Mapping[str, str], names: Sequence[str]) -> str | None:
    for name in names:
        if metadata.get(name):
            return metadata[name]
    return None


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
