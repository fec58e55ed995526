"""claims: a statistical claim and figure extractor for news text.

The public API is small; each name lives in the module of its pipeline stage.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claims")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

from typing import TYPE_CHECKING, Any

from extract.errors import ClaimsError, InputError, UsageError

if TYPE_CHECKING:
    from extract.grammar.quantities import Quantity, find_quantities
    from extract.run.extraction import facts

# The grammar and the pipeline load lexicons, pint and pandas (about a second): imported on first use, so that
# `claims --version`, `claims --help` and `import extract.errors` stay instant.
_LAZY = {
    "Quantity": "extract.grammar.quantities",
    "find_quantities": "extract.grammar.quantities",
    "facts": "extract.run.extraction",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extract' has no attribute {name!r}")

__all__ = [
    "ClaimsError",
    "InputError",
    "Quantity",
    "UsageError",
    "__version__",
    "facts",
    "find_quantities",
]
