"""quick_check where it pays (issue 13): at most daily and after an unclean shutdown; kla check on demand."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import integrity
from db import store as store_module
from db.lock import WorkspaceLock
from db.paths import WorkspacePaths
from db.store import Store

ROOT = Path(__file__).resolve().parents[2]
KEL = "64.71.01.1001"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    ran: list[Path] = []
    real = store_module.quick_check

    def spy(path: Path) -> str:
        ran.append(path)
        return real(path)

    monkeypatch.setattr(store_module, "quick_check", spy)
    return ran


def _open_close(home: Path) -> None:
    Store.open(home, start_backup=False).close()


def test_checked_once_then_skipped_until_a_day_has_passed(tmp_path: Path, checks: list[Path]) -> None:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    _open_close(home)
    assert len(checks) == 1  # no note yet: checked
    _open_close(home)
    _open_close(home)
    assert len(checks) == 1  # closed cleanly, checked today: skipped
    paths = WorkspacePaths(home)
    integrity.note_checked(paths, dt.datetime.now(dt.UTC) - dt.timedelta(hours=25))
    assert integrity.check_reason(paths) == integrity.DAILY
    _open_close(home)
    assert len(checks) == 2
    integrity.note_checked(paths, dt.datetime.now(dt.UTC) + dt.timedelta(days=3))  # a wrong clock
    assert integrity.check_reason(paths) == integrity.DAILY


def test_a_crash_leaves_a_wal_and_the_next_open_checks(tmp_path: Path, checks: list[Path]) -> None:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    _open_close(home)
    assert len(checks) == 1
    # A process that writes and dies without closing (power cut): its WAL stays behind.
    code = ("import os, sys; from db.store import Store; s = Store.open(sys.argv[1], start_backup=False); "
            "s.set_meta('x', 'y'); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(home)], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert integrity.check_reason(WorkspacePaths(home)) in (integrity.UNCLEAN, integrity.CHANGED)
    _open_close(home)
    assert len(checks) == 2
    _open_close(home)
    assert len(checks) == 2


def test_a_file_changed_from_outside_is_checked_and_damage_found(tmp_path: Path, checks: list[Path]) -> None:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    _open_close(home)
    db = WorkspacePaths(home).db
    data = bytearray(db.read_bytes())
    page = 4096
    data[page:] = os.urandom(len(data) - page)  # a failing disk: every page after the first
    db.write_bytes(bytes(data))
    assert integrity.check_reason(WorkspacePaths(home)) == integrity.CHANGED
    with pytest.raises(Exception) as exc:  # noqa: PT011 - KlaError db_corrupt, or SQLite's own complaint
        _open_close(home)
    assert len(checks) == 2
    assert getattr(exc.value, "code", "db_corrupt") == "db_corrupt"


def test_the_window_holding_the_lock_still_notices_its_own_last_crash(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    _open_close(home)
    paths = WorkspacePaths(home)
    Path(str(paths.db) + "-wal").write_bytes(b"\0" * 32)  # left by the previous run
    lock = WorkspaceLock(home)
    assert lock.try_lock()  # as the window does before Store.open
    try:
        assert integrity.check_reason(paths) == integrity.UNCLEAN
    finally:
        lock.unlock()
