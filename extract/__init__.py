"""claims: a statistical claim and figure extractor for news text.

The public API is small; each name lives in the module of its pipeline stage.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claims")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

# The stages below read __version__, so they are imported after it is set.
from extract.errors import ClaimsError, InputError, UsageError
from extract.grammar.quantities import Quantity, find_quantities
from extract.run.extraction import facts

__all__ = [
    "ClaimsError",
    "InputError",
    "Quantity",
    "UsageError",
    "__version__",
    "facts",
    "find_quantities",
]
