"""Every file the tool writes gets the permissions the user's umask gives a new file (0666 & ~umask), as a file
written by any other program would, though each is first written to a private temporary file and renamed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from extract.table.schema import atomic_path, current_umask
from tests.helpers import SEEDS

OUTPUTS = [
    "data/facts.csv",
    "data/facts.parquet",
    "data/claims.duckdb",
    "reports/discrepancies.json",
    "reports/discrepancies.md",
    "reports/discrepancies.sarif",
    "reports/index.html",
    "reports/reviews.toml",
]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077], ids=["022", "077"])
def test_every_output_honours_the_umask(tmp_path: Path, umask: int) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    commands = [
        ["run", "seeds/"],
        ["review", "--all-unreviewed", "--verdict", "false-alarm", "--note", "checked"],
        ["report"],
    ]
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "extract", *command], cwd=tmp_path, umask=umask, capture_output=True, text=True,
            timeout=240, check=False,
        )
        assert result.returncode == 0, result.stderr
    modes = {name: oct(_mode(tmp_path / name)) for name in OUTPUTS}
    assert modes == dict.fromkeys(OUTPUTS, oct(0o666 & ~umask))
    assert not list(tmp_path.rglob("*.tmp"))


def test_atomic_path_reads_the_umask_of_the_moment(tmp_path: Path) -> None:
    before = os.umask(0o027)
    try:
        assert current_umask() == 0o027
        with atomic_path(tmp_path / "out.txt") as temporary:
            temporary.write_text("x", encoding="utf-8")
        assert _mode(tmp_path / "out.txt") == 0o640
        os.umask(0o000)
        with atomic_path(tmp_path / "out.txt") as temporary:  # replacing a file gives the new file's mode
            temporary.write_text("y", encoding="utf-8")
        assert _mode(tmp_path / "out.txt") == 0o666
    finally:
        os.umask(before)
    assert current_umask() == before
