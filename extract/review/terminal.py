"""`claims review` in a terminal: each unreviewed discrepancy with its quotes side by side, then a verdict.

Every decision is saved as soon as it is made (atomically), so quitting half-way loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from extract.consistency import Discrepancy, Involved
from extract.display import display_text
from extract.review.verdicts import VERDICT_WORDS, VERDICTS, Reviews

__all__ = ["KEYS", "show", "walk"]

# One key per verdict, plus skip and quit.
KEYS: Final = {"c": VERDICTS[0], "t": VERDICTS[1], "d": VERDICTS[2], "s": VERDICTS[3], "f": VERDICTS[4]}
SKIP: Final = "n"
QUIT: Final = "q"
CHOICES: Final = "  ".join(f"[{key}] {VERDICT_WORDS[verdict]}" for key, verdict in KEYS.items())


def _claim_text(involved: Involved) -> Text:
    """The claim's sentence with its quote highlighted, under its role and location."""
    text = Text()
    text.append(f"{display_text(involved.role)}\n", style="bold")
    text.append(display_text(f"{involved.source}:{involved.line}:{involved.column}") + "\n\n", style="dim")
    # Escaped before the quote is looked for, so that the highlight covers the same characters as shown.
    sentence, quote = display_text(involved.sentence), display_text(involved.quote)
    at = sentence.find(quote)
    if at < 0:
        text.append(sentence)
    else:
        text.append(sentence[:at])
        text.append(quote, style="bold black on yellow")
        text.append(sentence[at + len(quote) :])
    return text


def show(console: Console, discrepancy: Discrepancy, position: int, total: int) -> None:
    """One discrepancy: title, explanation, and its claims side by side."""
    console.rule(Text(f"{position}/{total}  {discrepancy.severity}  {discrepancy.rule}", style="bold"))
    console.print(Text(display_text(discrepancy.title), style="bold"))
    console.print(Text(f"fingerprint {discrepancy.fingerprint}", style="dim"))
    console.print(Panel(Text(display_text(discrepancy.explanation)), title="why", expand=True))
    side_by_side = Table.grid(expand=True, padding=(0, 2))
    for _ in discrepancy.facts:
        side_by_side.add_column(ratio=1)
    side_by_side.add_row(*[Panel(_claim_text(involved)) for involved in discrepancy.facts])
    console.print(side_by_side)


def walk(
    console: Console,
    discrepancies: Sequence[Discrepancy],
    reviews: Reviews,
    ask: Callable[[str, str], str],
    reviewer: str,
    on: date,
    *,
    replace: bool = False,
) -> tuple[int, int]:
    """Ask for a verdict on each discrepancy; returns (decided, skipped). `ask(prompt, default)` reads input.

    `replace`: the discrepancies may have a decision already, which the new verdict replaces (kept in history).
    """
    decided = skipped = 0
    for position, discrepancy in enumerate(discrepancies, start=1):
        show(console, discrepancy, position, len(discrepancies))
        while True:
            answer = ask(f"{CHOICES}  [{SKIP}] skip  [{QUIT}] quit", SKIP).strip().lower()
            if answer in KEYS or answer in (SKIP, QUIT):
                break
            console.print(f"[red]Unknown answer {escape(repr(answer))}.[/red]")
        if answer == QUIT:
            break
        if answer == SKIP:
            skipped += 1
            continue
        note = ask("Note (optional)", "").strip()
        reviews.record(discrepancy, KEYS[answer], note=note, reviewer=reviewer, on=on, replace=replace)
        reviews.save()
        decided += 1
        console.print(f"[green]Recorded: {VERDICT_WORDS[KEYS[answer]]}.[/green]")
    return decided, skipped
