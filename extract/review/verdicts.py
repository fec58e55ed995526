"""Review decisions: a reviewer's verdict on each discrepancy, kept in ``reports/reviews.toml``.

The file is keyed by discrepancy fingerprint (which survives re-extraction and edits elsewhere in a file),
human-readable and diff-friendly: one table per decision, sorted by fingerprint, with the verdict, an
optional note, the reviewer, the date, and the rule and title of the discrepancy for the reader's sake.
Comments and hand edits are preserved (tomlkit). A decision is never overwritten silently or dropped: a new
verdict for a reviewed discrepancy needs ``replace=True``, and a decision whose discrepancy no longer
exists is reported as stale and removed only by `prune_stale`. Every write is atomic.

A flag about a group of figures is keyed by what they are about, so its verdict follows the group as figures join
it; the decision records which figures it was given to (`members`), and when they change the flag is "changed
since review" and needs a verdict again (the earlier one is kept in the decision's `history`). A verdict given to
a pair of figures, before flags were grouped, carries over to the group that holds the pair: as it stands when the
group is that pair, else as changed since review.

    [e5d8842c3ff3e4feb6b4]
    verdict = "confirmed-error"
    note = "The article contradicts itself about the same border."
    reviewer = "jdoe"
    date = "2026-11-22"
    rule = "complement-sum"
    title = "Parts do not fit the whole: border.length (KGZ-TJK)"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, Literal, get_args

import tomlkit
from tomlkit.exceptions import ParseError, TOMLKitError

from extract.consistency import Discrepancy
from extract.errors import ClaimsError, InputError
from extract.table.schema import atomic_path

__all__ = [
    "VERDICTS",
    "Review",
    "ReviewError",
    "Reviews",
    "Standing",
    "Verdict",
    "load_reviews",
]

Verdict = Literal[
    "confirmed-error",
    "explained-by-time",
    "explained-by-definition",
    "disputed-between-sources",
    "false-alarm",
]
VERDICTS: Final[tuple[Verdict, ...]] = get_args(Verdict)
VERDICT_WORDS: Final[Mapping[Verdict, str]] = {
    "confirmed-error": "confirmed error",
    "explained-by-time": "explained by time",
    "explained-by-definition": "explained by definition",
    "disputed-between-sources": "disputed between sources",
    "false-alarm": "false alarm",
}
HEADER: Final = """\
Review decisions for the discrepancies `claims check` reports, keyed by fingerprint.
Written by `claims review`; hand edits and comments are kept.
verdict: confirmed-error | explained-by-time | explained-by-definition | disputed-between-sources | false-alarm
"""


@dataclass(frozen=True, slots=True)
class Standing:
    """The decision that applies to a flag: `decided` (its own), `carried` (given to the pair it is), `changed`
    (given to other members: it needs a verdict again), or `new` (none)."""

    review: Review | None
    state: Literal["decided", "carried", "changed", "new"]

    @property
    def stands(self) -> bool:
        return self.state in ("decided", "carried")


class ReviewError(ClaimsError):
    """A review request that cannot be carried out (unknown fingerprint, decision already recorded, ...)."""


@dataclass(frozen=True, slots=True)
class Review:
    fingerprint: str
    verdict: Verdict
    note: str
    reviewer: str
    date: str
    rule: str
    title: str
    members: str = ""  # digest of the figures the verdict was given to (Discrepancy.members); empty: not recorded

    @property
    def accepted(self) -> bool:
        """Whether the discrepancy is settled for CI: anything but a confirmed error no longer needs work."""
        return self.verdict != "confirmed-error"


class Reviews:
    """The decisions file, loaded; changes are written back with `save`."""

    def __init__(self, path: Path, document: tomlkit.TOMLDocument) -> None:
        self.path = path
        self._document = document
        self._decisions: dict[str, Review] | None = None

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self._document

    def get(self, fingerprint: str) -> Review | None:
        return self.decisions().get(fingerprint)

    def decisions(self) -> dict[str, Review]:
        if self._decisions is None:
            self._decisions = self._read_decisions()
        return dict(self._decisions)

    def _read_decisions(self) -> dict[str, Review]:
        found = {}
        for fingerprint, table in self._document.items():
            if not isinstance(table, Mapping):
                raise self._entry_error(fingerprint, None, "is not a table ([FINGERPRINT] with a verdict)")
            if "verdict" not in table:
                raise self._entry_error(fingerprint, None, f"has no verdict (one of {', '.join(VERDICTS)})")
            for key, value in table.items():
                # A TOML date is what a hand edit of `date` naturally writes; every other field is text.
                if key == "history":
                    fits = isinstance(value, list) and all(isinstance(line, str) for line in value)
                else:
                    fits = isinstance(value, str) or (key == "date" and isinstance(value, date))
                if not fits:
                    wanted = "a list of strings" if key == "history" else "a string"
                    raise self._entry_error(fingerprint, key, f"{key} must be {wanted}, not {value!r}")
            verdict = str(table["verdict"])
            if verdict not in VERDICTS:
                raise self._entry_error(
                    fingerprint, "verdict", f"unknown verdict {verdict!r} (known: {', '.join(VERDICTS)})"
                )
            found[fingerprint] = Review(
                fingerprint=fingerprint,
                verdict=verdict,
                note=str(table.get("note", "")),
                reviewer=str(table.get("reviewer", "")),
                date=str(table.get("date", "")),
                rule=str(table.get("rule", "")),
                title=str(table.get("title", "")),
                members=str(table.get("members", "")),
            )
        return found

    def _entry_error(self, fingerprint: str, key: str | None, problem: str) -> InputError:
        """An unreadable entry, at the line of its key (or of its header) when that line can be found."""
        line = _line_of(self._document.as_string(), fingerprint, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return InputError(where, f"entry {fingerprint!r}{' ' if key is None else ': '}{problem}")

    def standing(self, discrepancy: Discrepancy) -> Standing:
        """The decision that applies to `discrepancy`, and whether it still stands for it."""
        if self._decisions is None:
            self._decisions = self._read_decisions()
        decisions = self._decisions
        review = decisions.get(discrepancy.fingerprint)
        if review is not None:
            changed = bool(review.members and discrepancy.members and review.members != discrepancy.members)
            return Standing(review, "changed" if changed else "decided")
        for fingerprint in discrepancy.pair_fingerprints:
            if fingerprint in decisions:
                # A verdict on a pair, before flags were grouped: it stands for the group that is only that pair.
                return Standing(decisions[fingerprint], "carried" if len(discrepancy.facts) == 2 else "changed")
        return Standing(None, "new")

    def record(
        self,
        discrepancy: Discrepancy,
        verdict: str,
        *,
        note: str,
        reviewer: str,
        on: date,
        replace: bool = False,
    ) -> Review:
        """Record a verdict; refuses to overwrite an existing decision unless `replace` is set or the flag changed
        since it (then the earlier decision is kept in `history`)."""
        if verdict not in VERDICTS:
            raise ReviewError(f"unknown verdict {verdict!r} (known: {', '.join(VERDICTS)})")
        standing = self.standing(discrepancy)
        if discrepancy.fingerprint in self._document and not replace and standing.state != "changed":
            raise ReviewError(
                f"{discrepancy.fingerprint} already has a decision in {self.path}; use --replace to change it"
            )
        table = tomlkit.table()
        table.add("verdict", verdict)
        if note:
            table.add("note", note)
        table.add("reviewer", reviewer)
        table.add("date", on.isoformat())
        table.add("rule", discrepancy.rule)
        table.add("title", discrepancy.title)
        if discrepancy.members:
            table.add("members", discrepancy.members)
        earlier = self._document.get(discrepancy.fingerprint)
        if isinstance(earlier, Mapping):
            history = [str(line) for line in earlier.get("history", [])]
            history.append(
                f"{earlier.get('date', '')} {earlier.get('reviewer', '')}: {earlier.get('verdict', '')}"
                f" (members {earlier.get('members', 'not recorded')})"
                # A replaced verdict keeps its reasons: an overwrite in bulk must not lose what a reviewer wrote.
                + (f": {earlier['note']}" if earlier.get("note") else "")
            )
            table.add("history", history)
        if discrepancy.fingerprint in self._document:
            self._document.remove(discrepancy.fingerprint)
        self._document.add(discrepancy.fingerprint, table)
        self._decisions = None
        review = self.get(discrepancy.fingerprint)
        if review is None:  # pragma: no cover - the table was just added
            raise ReviewError(f"{discrepancy.fingerprint}: the decision was not recorded")
        return review

    def stale(self, current: Iterable[str | Discrepancy]) -> list[Review]:
        """Decisions whose discrepancy no longer exists (nor a group holding the pair a decision was given to)."""
        present: set[str] = set()
        for item in current:
            if isinstance(item, str):
                present.add(item)
            else:
                present.add(item.fingerprint)
                present.update(item.pair_fingerprints)
        return [review for fingerprint, review in sorted(self.decisions().items()) if fingerprint not in present]

    def prune_stale(self, current: Iterable[str | Discrepancy]) -> list[Review]:
        """Remove the stale decisions (asked for explicitly); returns what was removed."""
        removed = self.stale(current)
        for review in removed:
            self._document.remove(review.fingerprint)
        self._decisions = None
        return removed

    def save(self) -> None:
        ordered = tomlkit.document()
        for line in HEADER.splitlines():
            ordered.add(tomlkit.comment(line))
        ordered.add(tomlkit.nl())
        decisions = {key: value for key, value in self._document.items()}
        for fingerprint in sorted(decisions):
            ordered.add(fingerprint, decisions[fingerprint])
        with atomic_path(self.path) as temporary:
            temporary.write_text(tomlkit.dumps(ordered), encoding="utf-8")
        self._document = ordered
        self._decisions = None


def load_reviews(path: Path) -> Reviews:
    """The decisions at `path` (an empty set when the file does not exist yet)."""
    if not path.exists():
        return Reviews(path, tomlkit.document())
    raw = path.read_bytes()
    try:
        document = tomlkit.parse(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}", f"not a valid reviews file (not UTF-8 at byte {error.start})") from None
    except ParseError as error:
        message = re.sub(r" at line \d+ col \d+$", "", " ".join(str(error).split()))
        raise InputError(f"{path}:{error.line}", f"not a valid reviews file ({message})") from None
    except TOMLKitError as error:
        raise InputError(str(path), f"not a valid reviews file ({' '.join(str(error).split())})") from None
    reviews = Reviews(path, document)
    reviews.decisions()  # validates every entry now, with a clear error
    return reviews


def _line_of(text: str, fingerprint: str, key: str | None) -> int | None:
    """The line of `key` in the entry `fingerprint` (of its header when `key` is None), or None when not found.

    A plain search, as tomlkit keeps no positions: the header is the line that opens the entry (`[FP]`, `["FP"]` or
    `FP = {...}`), the key the line after it that starts with `key =` (or the header's own, for an inline table).
    """
    lines = text.splitlines()
    name = rf"(?:{re.escape(fingerprint)}|\"{re.escape(fingerprint)}\"|'{re.escape(fingerprint)}')"
    header = re.compile(rf"\s*(?:\[\s*{name}\s*\]|{name}\s*=)")
    opened = next((number for number, line in enumerate(lines) if header.match(line)), None)
    if opened is None:
        return None
    if key is not None:
        named = rf"(?:{re.escape(key)}|\"{re.escape(key)}\")\s*="
        if re.search(rf"[{{,]\s*{named}", lines[opened]):  # an inline table
            return opened + 1
        for number in range(opened + 1, len(lines)):
            if lines[number].lstrip().startswith("["):
                break  # the next entry
            if re.match(rf"\s*{named}", lines[number]):
                return number + 1
    return opened + 1


def unreviewed(discrepancies: Sequence[Discrepancy], reviews: Reviews) -> list[Discrepancy]:
    return [discrepancy for discrepancy in discrepancies if not reviews.standing(discrepancy).stands]
