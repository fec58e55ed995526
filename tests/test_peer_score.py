"""The grammar against the peers' own suites: the targets of the issue (raw >= 80%, adjusted >= 95%)."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(not (SHARED / "peers").is_dir(), reason="../shared/peers is not available")


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_peers", ROOT / "bench" / "score_peers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_peers"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def score_peers() -> ModuleType:
    return _load()


def test_targets_on_every_suite(score_peers: ModuleType) -> None:
    exclusions = score_peers.load_exclusions()
    for suite in score_peers.SUITES:
        s = score_peers.score(suite, exclusions)
        assert s.raw >= Decimal("0.80"), (suite, s.raw)
        assert s.adjusted >= Decimal("0.95"), (suite, s.adjusted)


def test_errors_json_does_not_crash(score_peers: ModuleType) -> None:
    assert score_peers.run_errors() == 0


def test_every_exclusion_has_a_reason_and_matches_a_peer_item(score_peers: ModuleType) -> None:
    data = tomllib.loads((ROOT / "bench" / "peer_exclusions.toml").read_text(encoding="utf-8"))
    items = {(i.suite, i.text, i.surface) for suite in score_peers.SUITES for i in score_peers._items(suite)}
    for entry in data["exclusion"]:
        assert entry["reason"].strip()
        assert (entry["suite"], entry["text"], entry["surface"]) in items
