"""Digits Python can read: the grammar's patterns (the `regex` module) know the digits of newer Unicode versions
than Python's own tables, so a digit of a recently encoded script (Garay, U+10D40) would match ``\\d`` and then
fail in ``int`` or ``Decimal``. :func:`known_digits` masks such digits before the grammar scans a text.
"""

from __future__ import annotations

from typing import Final

import regex

__all__ = ["known_digits"]

_ANY_DIGIT: Final = regex.compile(r"\d")
MASK: Final = "\ufffd"


def known_digits(text: str) -> str:
    """`text` with every digit Python cannot read replaced by U+FFFD, one character for one, so offsets hold.

    >>> known_digits("12 and \\U00010d45\\U00010d46 and \\u0663") == "12 and \\ufffd\\ufffd and \\u0663"
    True
    """
    if text.isascii():
        return text
    masked = _ANY_DIGIT.sub(lambda m: m.group() if m.group().isdecimal() else MASK, text)
    return text if masked == text else masked  # the very same object when nothing is masked
