"""Real faults at the store: several writers at once, and a full disk (a real tmpfs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import KlaError
from db.store import Store

KEL = "64.71.01.1001"
ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys
from db.store import Store
home, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = Store.open(home, operator=who, start_backup=False)
cells = s.template.cells(s.template.indicator(4).item("anak_total"))
for i in range(n):
    sx, age = cells[(int(who) * n + i) % len(cells)]
    s.set_value(None, 2026, 4, "anak_total", int(who) * 1000 + i, sex=sx, age=age)
    s.set_notes(None, 2026, 5, f"catatan {who} {i}")
s.close()
print("ok")
"""


def test_four_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti").close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(home), str(w), "40"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for w in range(4)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err[-800:] for _, err in results]
    with Store.open(home, start_backup=False) as s:
        # Every write is in the audit log: 4 x 40 values and 4 x 40 notes, none lost to "database is locked".
        assert len([r for r in s.audit_log("value", limit=10_000)]) == 160
        assert len([r for r in s.audit_log("entry.notes", limit=10_000)]) == 160


def _mount(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path):  # noqa: ANN201
    disk = tmp_path / "disk"
    if not _mount(disk, "3m"):
        pytest.skip("mount -t tmpfs is not allowed here (needs root / CAP_SYS_ADMIN)")
    yield disk
    if subprocess.run(["umount", str(disk)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _fill(disk: Path) -> Path:
    filler = disk / "isi-penuh.bin"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(bytes(65536))
                fh.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_is_called_full_not_damaged_and_the_data_is_intact(small_disk: Path) -> None:
    home = small_disk / "ws"
    with Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti") as s:
        s.set_value(None, 2026, 4, "anak_total", 12, sex="L", age="0-60h")
    for b in (home / "backups").glob("*"):
        b.unlink()
    filler = _fill(small_disk)
    with pytest.raises(KlaError) as exc:
        Store.open(home, operator="Siti")
    assert exc.value.code == "workspace_full", exc.value  # not "db_corrupt": nobody is sent to restore
    filler.unlink()
    with Store.open(home, operator="Siti") as s:
        assert s.values(None, 2026, 4)[("anak_total", "L", "0-60h")] == 12


def test_a_write_on_a_full_disk_says_so_and_changes_nothing(small_disk: Path) -> None:
    home = small_disk / "ws"
    s = Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti")
    try:
        s.set_value(None, 2026, 4, "anak_total", 12, sex="L", age="0-60h")
        filler = _fill(small_disk)
        with pytest.raises(KlaError) as exc:
            for i in range(2000):  # until the WAL needs a page the disk no longer has
                s.set_notes(None, 2026, 4, "catatan panjang " * 200 + str(i))
        assert exc.value.code == "workspace_full", exc.value
        filler.unlink()
        assert s.values(None, 2026, 4)[("anak_total", "L", "0-60h")] == 12
        s.set_value(None, 2026, 4, "anak_total", 13, sex="L", age="0-60h")
    finally:
        s.close()


def test_a_disk_without_room_for_the_daily_backup_still_opens_and_a_backup_says_it_is_full(small_disk: Path) -> None:
    """Room to work but not for a copy of the store: SQLite's "database or disk is full" from the backup
    went up as an internal error, and since the daily backup runs on open, every kla command and the
    window failed while it was due ('Terjadi kesalahan di dalam program')."""
    import os

    from ui.messages import message

    home = small_disk / "ws"
    with Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti") as s:
        s.set_value(None, 2026, 4, "anak_total", 12, sex="L", age="0-60h")
    for b in (home / "backups").glob("*"):
        b.unlink()
    size = (home / "kla.sqlite").stat().st_size
    filler = _fill(small_disk)
    os.truncate(filler, filler.stat().st_size - size // 3)  # a third of the store's size free
    with Store.open(home, operator="Siti") as s:  # the daily backup is due and does not fit
        assert s.values(None, 2026, 4)[("anak_total", "L", "0-60h")] == 12
        s.set_value(None, 2026, 4, "anak_total", 13, sex="L", age="0-60h")
        with pytest.raises(KlaError) as exc:
            s.backup()
    assert exc.value.code == "backup_failed"
    assert "disk penuh" in message(exc.value.code, **exc.value.params)
    assert list((home / "backups").iterdir()) == []  # no half copy left to fill the disk further
    filler.unlink()
    with Store.open(home, operator="Siti") as s:
        assert s.values(None, 2026, 4)[("anak_total", "L", "0-60h")] == 13
        assert Path(s.backup()).exists()


def test_backups_dated_by_a_wrong_clock_stop_nothing(tmp_path: Path) -> None:
    """Ten backups made while the PC thought it was 2040: daily backups go on, the fresh one
    survives rotation, and the newest good backup is the fresh one, not a stale 2040 one."""
    import os
    import shutil

    home = tmp_path / "ws"
    with Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti") as s:
        s.set_value(None, 2026, 4, "anak_total", 1, sex="L", age="0-60h")
        first = s.backup(reason="otomatis")
    future = 2208988800  # 2040-01-01
    for n in range(10):
        wrong = home / "backups" / f"kla-20400101-0000{n:02d}000000-otomatis.sqlite"
        shutil.copy(first, wrong)
        os.utime(wrong, (future + n, future + n))
    first.unlink()
    with Store.open(home, operator="Siti") as s:  # the daily backup is due: none made in the last day
        s.set_value(None, 2026, 4, "anak_total", 2, sex="L", age="0-60h")
        fresh = s.backup(reason="otomatis")
    names = [b.path for b in Store.list_backups(home)]
    assert str(fresh) in names, "the fresh backup was rotated away"
    assert not names[0].startswith(str(home / "backups" / "kla-2040")), names[:2]
    newest = Store.newest_good_backup(home)
    assert newest is not None and "kla-2040" not in newest.name
    autos = [b for b in Store.list_backups(home) if not b.manual]
    assert len(autos) <= 10
