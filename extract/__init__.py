"""claims: a statistical claim and figure extractor for news text.

The public API is small; each name lives in the module of its pipeline stage.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from extract.errors import ClaimsError, InputError, UsageError

try:
    __version__ = version("claims")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "ClaimsError",
    "InputError",
    "UsageError",
    "__version__",
]
