"""Exceptions raised by the library. The CLI turns each into a one-line message and exit status 2."""

from __future__ import annotations

from collections.abc import Sequence


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


class OutputError(ClaimsError):
    """Output files that cannot be written (a full disk, a read-only folder); the previous ones are unchanged."""

    def __init__(self, targets: Sequence[str], problem: str) -> None:
        written = "it" if len(targets) == 1 else "them"
        super().__init__(
            f"{' and '.join(targets)}: cannot write {written} ({problem}); what was there before is left as it was"
        )
        self.targets = tuple(targets)
        self.problem = problem


class UsageError(ClaimsError):
    """An option or argument the tool does not support."""
