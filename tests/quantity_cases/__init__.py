"""Case tables for the quantity grammar, one module per phenomenon.

Each case is a sentence and every quantity :func:`extract.grammar.quantities.find_quantities` must find in it, in
order, with surface (which fixes the span), value (a decimal string, or None for vague amounts and ranges) and
canonical unit; optional fields check kind, qualifier, interval ends and counted noun. ``source`` says where the
sentence comes from:

* ``seed:<file>``: the seed pages in ``seeds/``;
* ``quantulum3``: nielstron/quantulum3 test suite (MIT, Copyright (c) 2016 Marco Lagi, 2019 nielstron);
* ``recognizers-text``: microsoft/Recognizers-Text English specs (MIT, Copyright (c) Microsoft Corporation);
* ``ecbplus:<doc_id>``: ECB+ corpus (Cybulska & Vossen, LREC 2014; CC BY 3.0), short excerpts;
* ``written``: written for this project in news style.

A case with ``xfail`` set is a known failure, run as a strict xfail with that reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Case", "Expect", "case", "q"]


@dataclass(frozen=True)
class Expect:
    """One expected quantity."""

    surface: str
    value: str | None
    unit: str
    kind: str | None = None
    qualifier: str | None = None
    low: str | None = None
    high: str | None = None
    noun: str | None = None


@dataclass(frozen=True)
class Case:
    """One sentence and the quantities expected in it."""

    id: str
    text: str
    expected: tuple[Expect, ...]
    source: str
    xfail: str | None = field(default=None)


def q(
    surface: str,
    value: str | None,
    unit: str,
    kind: str | None = None,
    *,
    qualifier: str | None = None,
    low: str | None = None,
    high: str | None = None,
    noun: str | None = None,
) -> Expect:
    """An expected quantity."""
    return Expect(surface, value, unit, kind, qualifier, low, high, noun)


def case(id: str, text: str, *expected: Expect, src: str = "written", xfail: str | None = None) -> Case:
    """A case: ``text`` must give exactly ``expected``."""
    return Case(id, text, expected, src, xfail)
