"""Paths the tests share: the seed pages and the research data beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when the research data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"research data not found at {path}")
    return path
