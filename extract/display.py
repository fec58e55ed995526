"""Article text made safe where people look at it: on a terminal, and in a spreadsheet opening a CSV.

Titles, record ids, sentences and quotes come from whatever was scraped. Printed raw, an ESC or CSI (C1)
character starts a sequence the terminal obeys (colours, cursor moves, window titles, hyperlinks), a BEL
rings; through rich, `[/b]` is read as markup (and crashes the table) and `:x:` as an emoji. Everything the
CLI and the interactive review print from the data goes through `display_text`, and into rich as `Text`
(`display_cell`), which rich never reads as markup or emoji.

In a CSV, a cell starting with `=`, `+`, `-` or `@` is a formula to a spreadsheet (`=HYPERLINK(...)` can
send data away, `=cmd|...` once ran commands): `spreadsheet_text` prefixes such text cells with `'`, as OWASP's
guidance on CSV injection advises. Numbers are never passed through it.

This module sits below `extract.cli`, `extract.review` and `extract.table`, which import it.
"""

from __future__ import annotations

import re
from typing import Final

from rich.text import Text

__all__ = ["FORMULA_STARTS", "display_cell", "display_text", "spreadsheet_text"]

# What a spreadsheet reads as the start of a formula; tab and carriage return too, as some strip them first.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
# C0 controls but tab and newline (layout, not sequences), DEL, and the C1 controls (CSI, OSC, ST ...).
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def display_text(text: object) -> str:
    """`text` with each control character written as a visible escape such as `\\x1b`, so that a terminal
    shows an escape sequence instead of obeying it.

    >>> display_text("\\x1b[31mred\\x07 \\x9b2J [/b] :x:")
    '\\\\x1b[31mred\\\\x07 \\\\x9b2J [/b] :x:'
    >>> display_text("two\\tcolumns\\non two lines")
    'two\\tcolumns\\non two lines'
    """
    return _CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", str(text))


def display_cell(value: object) -> Text:
    """`value` (as `display_text` shows it) for a rich table or panel: shown literally, never as markup or emoji."""
    return Text(display_text(value))


def spreadsheet_text(text: str) -> str:
    """`text` as a CSV cell that no spreadsheet runs as a formula: with a `'` before a formula's first character.

    >>> print(spreadsheet_text('=HYPERLINK("http://x") 5 people died.'))
    '=HYPERLINK("http://x") 5 people died.
    >>> spreadsheet_text("-5 degrees"), spreadsheet_text("5 people died."), spreadsheet_text("")
    ("'-5 degrees", '5 people died.', '')
    """
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
