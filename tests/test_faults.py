"""Faults of the machine through the real command: a full disk, a read-only folder, a damaged store, a store another
run holds. Each is one line (`claims: error: ...` naming the path) and exit status 2, and leaves the outputs of the
last good run as they were (facts.csv, facts.parquet, the reports, reviews.toml), with no temporary file behind;
a damaged store is instead moved aside and rebuilt by `claims extract` and `claims run`.

The full disk is a small tmpfs and the read-only folder a read-only bind mount: both need root (the tests skip
where mounting is not permitted). Root ignores permission bits, hence no chmod.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from extract.cli import cli
from tests.helpers import ROOT, SEEDS

PAGE = "000_de64a30cb4f39542.txt"
OUTPUTS = (
    "data/facts.csv", "data/facts.parquet", "reports/discrepancies.json", "reports/discrepancies.md",
    "reports/discrepancies.sarif", "reports/index.html", "reports/reviews.toml",
)
REPORTS = tuple(name for name in OUTPUTS if name.startswith("reports/"))
DATA = ("data/facts.csv", "data/facts.parquet")
Fault = Callable[[Path], AbstractContextManager[None]]
Damage = Callable[[Path], None]
# DuckDB's file: three 4 KiB headers, then blocks, each led by its 8-byte checksum.
HEADERS = 3 * 4096


def claims(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="claims")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def last_good_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project after one good `claims run seeds/`, with a reviewer's decisions in reports/reviews.toml."""
    project = tmp_path_factory.mktemp("last-good-run")
    shutil.copytree(SEEDS, project / "seeds")
    (project / "reports").mkdir()
    shutil.copy(ROOT / "reports" / "reviews.toml", project / "reports" / "reviews.toml")
    done = subprocess.run(
        [sys.executable, "-m", "extract", "run", "seeds/"], cwd=project, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, check=False,
    )
    assert done.returncode == 0, done.stderr
    return project


@pytest.fixture
def project(last_good_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the last good run, as the working directory."""
    copy = tmp_path / "project"
    shutil.copytree(last_good_run, copy)
    monkeypatch.chdir(copy)
    return copy


def contents(project: Path, names: tuple[str, ...] = OUTPUTS) -> dict[str, bytes]:
    return {name: (project / name).read_bytes() for name in names}


def leftovers(project: Path) -> list[str]:
    """Temporary files an interrupted write left behind."""
    return sorted(path.name for folder in ("data", "reports") for path in (project / folder).iterdir()
                  if path.name.endswith(".tmp"))


def edit_input(project: Path) -> None:
    """Change a figure, so that any output written again would differ from the last good run's."""
    page = project / "seeds" / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("950 kilometers", "960 kilometers"), encoding="utf-8")


def one_error(code: int, out: str, err: str) -> str:
    assert code == 2, err
    assert err.startswith("claims: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in out + err
    return err.strip()


# -- mounts: a full disk and a read-only folder, where this machine allows them --------------------------------


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@contextlib.contextmanager
def mounted(folder: Path, *args: str) -> Iterator[None]:
    if shutil.which("mount") is None or not _mount(*args, str(folder)):
        pytest.skip(f"cannot mount {args[-1] if args else ''} here (needs root)")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[None]:
    """`folder` on a small tmpfs holding what it held, then filled to the last byte."""
    kept = folder.with_name(folder.name + ".kept")
    shutil.copytree(folder, kept)
    with mounted(folder, "-t", "tmpfs", "-o", "size=8m", "tmpfs"):
        shutil.copytree(kept, folder, dirs_exist_ok=True)
        with (folder / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(bytes(4096))
        yield
        (folder / "filler").unlink()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    with mounted(folder, "--bind", str(folder)):
        if not _mount("-o", "remount,ro,bind", str(folder)):
            pytest.skip("cannot remount a bind mount read-only here")
        probe = folder / "probe"
        with pytest.raises(OSError):
            probe.write_text("x")
        yield


# -- a full disk and a read-only folder ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        pytest.param(full_disk, "cannot write it (No space left on device)", id="disk-full"),
        pytest.param(read_only, "cannot write it (Read-only file system)", id="read-only"),
    ],
)
@pytest.mark.parametrize("command", ["report", "run"])
def test_a_reports_folder_that_takes_no_write(project: Path, fault: Fault, message: str, command: str) -> None:
    edit_input(project)
    if command == "report":
        assert claims("extract", "seeds/", "--no-progress")[0] == 0
    before = contents(project, REPORTS)
    with fault(project / "reports"):
        error = one_error(*claims(command, *(["seeds/"] if command == "run" else [])))
        assert error.startswith(f"claims: error: reports/discrepancies.json: {message}")
        assert contents(project, REPORTS) == before
        assert leftovers(project) == []


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        pytest.param(full_disk, "cannot write the fact store: no space left on device", id="disk-full"),
        pytest.param(read_only, "cannot write the fact store: read-only file system", id="read-only"),
    ],
)
def test_a_data_folder_that_takes_no_write(project: Path, fault: Fault, message: str) -> None:
    edit_input(project)
    before = contents(project)
    with fault(project / "data"):
        error = one_error(*claims("extract", "seeds/", "--no-progress"))
        assert error == f"claims: error: data/claims.duckdb: {message}"
        assert contents(project) == before
        assert leftovers(project) == []
    # Once there is room, the store written part way goes on from where it was.
    code, _, err = claims("extract", "seeds/", "--no-progress")
    assert code == 0, err
    assert contents(project, DATA) != before  # the edited figure is in


def test_a_disk_full_while_exporting_keeps_both_tables(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export writes facts.csv and facts.parquet side by side; a full disk keeps the old pair (simulated: the
    store fills a small disk before the export does)."""
    edit_input(project)
    before = contents(project)

    def no_space(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", no_space)
    error = one_error(*claims("extract", "seeds/", "--no-progress"))
    assert error.startswith(
        "claims: error: data/facts.csv and data/facts.parquet: cannot write them (No space left on device)"
    )
    assert contents(project) == before
    assert leftovers(project) == []


# -- a damaged store -----------------------------------------------------------------------------------------


def _truncate(store: Path) -> None:
    with store.open("r+b") as handle:
        handle.truncate(store.stat().st_size // 2)


def _flip(store: Path) -> None:
    """Invert 64 bytes of the facts table's data, in the middle of the file."""
    with contextlib.closing(duckdb.connect(str(store), read_only=True)) as connection:
        block_size = connection.execute("SELECT block_size FROM pragma_database_size()").fetchall()[0][0]
        block, offset = connection.execute(
            "SELECT block_id, block_offset FROM pragma_storage_info('facts') WHERE block_id >= 0 "
            "ORDER BY block_id, block_offset LIMIT 1"
        ).fetchall()[0]
    where = HEADERS + block * block_size + 8 + offset
    with store.open("r+b") as handle:
        handle.seek(where)
        data = handle.read(64)
        handle.seek(where)
        handle.write(bytes(byte ^ 0xFF for byte in data))


DAMAGES = [
    pytest.param(_truncate, "it is truncated", id="truncated"),
    pytest.param(_flip, "a block fails its checksum", id="bytes-flipped"),
]


@pytest.mark.parametrize(("damage", "problem"), DAMAGES)
@pytest.mark.parametrize("command", [["extract", "seeds/", "--no-progress"], ["run", "seeds/"]])
def test_a_damaged_store_is_moved_aside_and_rebuilt(
    project: Path, damage: Damage, problem: str, command: list[str]
) -> None:
    store = project / "data" / "claims.duckdb"
    damage(store)
    damaged = store.read_bytes()
    before = contents(project)
    code, _, err = claims(*command)
    assert code == 0, err
    warning = err.splitlines()[0]
    assert warning.startswith(f"claims: warning: data/claims.duckdb: the fact store is damaged ({problem}")
    assert warning.endswith("and rebuilding it from the inputs")
    [aside] = sorted((project / "data").glob("claims.duckdb.damaged-*"))
    assert f"moved it to {aside.name} " in warning
    assert aside.read_bytes() == damaged  # kept as it was, to look into
    if command[0] == "extract":
        assert "2 inputs (2 extracted, 0 unchanged, 0 removed)" in err  # every input, from a fresh store
    assert contents(project) == before  # the same inputs make the same outputs
    assert claims("check")[0] == 0  # the rebuilt store is whole


@pytest.mark.parametrize(("damage", "problem"), DAMAGES)
@pytest.mark.parametrize("command", [["check"], ["facts"], ["query", "SELECT count(*) FROM facts"], ["report"]])
def test_a_damaged_store_stops_a_reading_command(
    project: Path, damage: Damage, problem: str, command: list[str]
) -> None:
    store = project / "data" / "claims.duckdb"
    damage(store)
    damaged = store.read_bytes()
    before = contents(project)
    error = one_error(*claims(*command))
    assert error.startswith(f"claims: error: data/claims.duckdb: the fact store is damaged ({problem}")
    assert error.endswith("; `claims extract` rebuilds it from the inputs")
    assert store.read_bytes() == damaged
    assert contents(project) == before
    assert sorted(path.name for path in (project / "data").iterdir()) == ["claims.duckdb", "facts.csv", "facts.parquet"]


# -- a store another run holds -------------------------------------------------------------------------------


@pytest.fixture
def held_store(project: Path) -> Iterator[int]:
    """Another process with the store open for writing, as a `claims extract` in progress has; its process id."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from pathlib import Path\n"
         "from extract.table.store import FactStore\n"
         "with FactStore(Path('data/claims.duckdb')):\n"
         "    print('open', flush=True)\n"
         "    time.sleep(120)\n"],
        cwd=project, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    "command", [["extract", "seeds/", "--no-progress"], ["run", "seeds/"], ["check"], ["facts"]]
)
def test_a_store_held_by_another_run(project: Path, held_store: int, command: list[str]) -> None:
    edit_input(project)
    before = contents(project)
    started = time.monotonic()
    error = one_error(*claims(*command))
    assert error == (
        f"claims: error: data/claims.duckdb: another claims run holds the fact store (process {held_store}); "
        "try again when it has finished"
    )
    assert time.monotonic() - started < 60  # refused, not waited for
    assert contents(project) == before
    assert leftovers(project) == []


def test_an_os_error_no_stage_foresaw_is_still_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`claims extract --check` re-extracts into a temporary folder: a full temporary disk is the system's fault."""

    def no_space(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp/claims-check-1")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_space)
    error = one_error(*claims("extract", "seeds/", "--check", "--no-progress"))
    assert error == "claims: error: /tmp/claims-check-1: No space left on device"
