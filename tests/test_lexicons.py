"""The data files in extract/lexicons: each parses, says what it is, names readers that exist, and repeats nothing.

These run always (no corpus needed): a lexicon that does not parse, or one entry listed twice (which in a table of
words to classes means one of the two is silently shadowed), is a defect of the data, not of any one reader.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex

from tests.helpers import ROOT

LEXICONS = ROOT / "extract" / "lexicons"
DATA_FILES = sorted(path for path in LEXICONS.iterdir() if path.suffix in (".toml", ".txt", ".csv"))
HEADER_LINES = 3  # at least: what the file holds, who reads it, its format
CODE_PATH = regex.compile(r"\bextract/[\w/]+\.py\b")
DOTTED_MODULE = regex.compile(r"\bextract(?:\.\w+)+")


def _header(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    return header


def test_there_are_lexicons() -> None:
    assert len(DATA_FILES) >= 15


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_each_lexicon_opens_with_a_header(path: Path) -> None:
    assert len(_header(path)) >= HEADER_LINES, f"{path.name}: a data file opens with a comment header"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_the_header_names_readers_that_exist(path: Path) -> None:
    header = "\n".join(_header(path))
    for named in CODE_PATH.findall(header):
        assert (ROOT / named).exists(), f"{path.name}: its header names {named}, which does not exist"
    for dotted in DOTTED_MODULE.findall(header):
        as_path = ROOT / dotted.replace(".", "/")
        exists = as_path.with_suffix(".py").exists() or (as_path / "__init__.py").exists()
        # "extract.grammar.numbers.Atom": a name inside a module is fine when the module exists.
        exists = exists or any(
            (ROOT / "/".join(dotted.split(".")[:cut])).with_suffix(".py").exists()
            for cut in range(2, dotted.count(".") + 1)
        )
        assert exists, f"{path.name}: its header names {dotted}, which does not exist"


def _strings(value: Any, where: str) -> Iterator[tuple[str, list[str]]]:
    """Every list of strings in a TOML document, with where it is."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        if value and all(isinstance(item, str) for item in value):
            yield where, value
        for number, item in enumerate(value):
            if isinstance(item, dict):
                yield from _strings(item, f"{where}[{number}]")


def _repeated(words: list[str]) -> list[str]:
    # Exact (white space aside): several lists are matched case-sensitively ("K" and "k"), and "µm" (micro sign)
    # and "μm" (Greek mu) are two spellings.
    counts = Counter(regex.sub(r"\s+", " ", word.strip()) for word in words)
    return sorted(word for word, count in counts.items() if count > 1)


TOML_FILES = [path for path in DATA_FILES if path.suffix == ".toml"]


@pytest.mark.parametrize("path", TOML_FILES, ids=lambda path: path.name)
def test_toml_lexicons_parse_and_list_no_entry_twice(path: Path) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    for where, words in _strings(document, path.name):
        assert not _repeated(words), f"{where}: listed twice: {_repeated(words)}"


@pytest.mark.parametrize("path", TOML_FILES, ids=lambda path: path.name)
def test_a_word_maps_to_one_class_only(path: Path) -> None:
    """In a table of classes to word lists ([nouns], [classes], [roles], ...), a word under two classes shadows one of
    them. (A file's top-level lists are roles a word may play at once: "estimated" both credits a source and hedges
    the figure.)"""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    for name, table in _tables_of_word_lists(document, path.name):
        if name == path.name:
            continue
        owners: dict[str, list[str]] = {}
        for key, words in table.items():
            for word in words:
                owners.setdefault(word.strip().casefold(), []).append(key)
        shadowed = {word: keys for word, keys in owners.items() if len(keys) > 1}
        assert not shadowed, f"{name}: a word under two classes: {shadowed}"


def _tables_of_word_lists(value: Any, where: str) -> Iterator[tuple[str, dict[str, list[str]]]]:
    if not isinstance(value, dict):
        return
    lists = {
        key: item
        for key, item in value.items()
        if isinstance(item, list) and item and all(isinstance(word, str) for word in item)
    }
    if len(lists) >= 2 and len(lists) == len(value):
        yield where, lists
    for key, item in value.items():
        if isinstance(item, dict):
            yield from _tables_of_word_lists(item, f"{where}.{key}")


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.suffix == ".txt"], ids=lambda path: path.name)
def test_word_list_files_list_no_entry_twice(path: Path) -> None:
    lines = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    entries = [line for line in lines if line and "=" not in line]  # units.txt's definitions are checked by pint
    counts = Counter(entries)
    assert not [entry for entry, count in counts.items() if count > 1]


def test_countries_table_lists_each_alias_once() -> None:
    text = (LEXICONS / "countries.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    owners: dict[str, set[str]] = {}
    for row in rows:
        for field in ("name", "names", "demonyms", "capitals"):
            for alias in filter(None, (row.get(field) or "").split("|")):
                owners.setdefault(alias, set()).add(row["alpha3"])
    assert {alias: codes for alias, codes in owners.items() if len(codes) > 1} == {}


def test_countries_csv_is_what_the_generator_writes_from_pycountry() -> None:
    """pycountry is in the dev extra, so this always runs where the tests run."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_countries.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr or result.stdout
