"""Load the grammar's data files from ``extract/lexicons/`` and turn word lists into regex alternations.

Every data file is read once, at import of the module that needs it, through :mod:`importlib.resources`,
so the package works from a wheel or a zip as well as from a source tree.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

import regex

__all__ = ["alternation", "load_lines", "load_toml"]


def _read(name: str) -> str:
    return files("extract").joinpath("lexicons", name).read_text(encoding="utf-8")


def load_toml(name: str) -> dict[str, Any]:
    """Parse the TOML data file ``extract/lexicons/<name>``."""
    return tomllib.loads(_read(name))


def load_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of ``extract/lexicons/<name>``, stripped."""
    lines = (line.split("#", 1)[0].strip() for line in _read(name).splitlines())
    return [line for line in lines if line]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``: escaped, longest first, a space matching any run of white space.

    >>> alternation(["over", "more than", "over"])
    'more\\\\s+than|over'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace("\\ ", "\\s+") for w in unique)


def starred_alternation(words: Iterable[str]) -> str:
    """`alternation`, where a word ending in ``*`` matches any ending ("kill*": killed, killing).

    >>> starred_alternation(["kill*", "shot dead"])
    'shot\\\\s+dead|kill\\\\w*'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(alternation([w.removesuffix("*")]) + (r"\w*" if w.endswith("*") else "") for w in unique)
