"""Exceptions raised by the library. The CLI turns each into a one-line message and exit status 2."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(ClaimsError):
    """An input file or record that cannot be read as news text.

    The message always names the file (and the line or byte offset where it helps) and the problem.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UsageError(ClaimsError):
    """An option or argument the tool does not support."""
