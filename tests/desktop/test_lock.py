"""One workspace lock for the window and the command line (db/lock.py).

A CLI write while a window holds the workspace is refused and changes nothing; reads stay
allowed and write nothing either. A lock held by a process that died never blocks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.lock import CLI, HOLDER_NAME, LOCK_NAME, WINDOW, WorkspaceLock
from tests.db.conftest import KEL
from tests.desktop.test_cli import ROOT, db_bytes, ok, refused

SET = ("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
       "--age", "1-4", "--value", "12")


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    home = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, "--operator", "Siti", home=home)
    return home


def test_two_locks_on_one_workspace_exclude_each_other(tmp_path: Path) -> None:
    first, second = WorkspaceLock(tmp_path), WorkspaceLock(tmp_path, program=CLI)
    assert first.try_lock() and first.locked
    assert not second.try_lock() and not second.locked
    assert second.held_elsewhere()
    holder = second.holder()
    assert holder is not None and holder.program == WINDOW and holder.pid > 0
    first.unlock()
    assert not (tmp_path / HOLDER_NAME).exists()
    assert not second.held_elsewhere()
    assert second.try_lock()
    second.unlock()


def test_probe_leaves_no_file_in_a_folder_never_locked(tmp_path: Path) -> None:
    assert not WorkspaceLock(tmp_path).held_elsewhere()
    assert list(tmp_path.iterdir()) == []


def test_cli_write_is_refused_while_the_window_holds_the_lock(ws: Path) -> None:
    lock = WorkspaceLock(ws)  # what desktop.app.Launcher.open takes
    assert lock.try_lock()
    try:
        before = db_bytes(ws)
        line = refused(*SET, home=ws)
        assert "sedang dibuka di jendela KLA Desktop" in line and "Tutup jendela itu dulu" in line
        assert "ulangi perintah ini" in line
        for write in (("entry", "status", "--year", "2025", "--indicator", "4", "--status", "draft"),
                      ("backup",), ("operator", "--name", "Budi")):
            assert "jendela KLA Desktop" in refused(*write, home=ws)
        assert db_bytes(ws) == before
        # Reads stay allowed.
        shown = json.loads(ok("entry", "show", "--year", "2025", "--indicator", "4", "--json", home=ws).stdout)
        assert shown["indicator"] == 4
        ok("status", "--year", "2025", home=ws)
        ok("operator", home=ws)
        ok("check", "--quick", home=ws)
        assert db_bytes(ws) == before
    finally:
        lock.unlock()
    ok(*SET, home=ws)  # once the window is closed the same command works
    assert db_bytes(ws) != before


def test_a_read_beside_the_window_writes_nothing(ws: Path) -> None:
    for f in (ws / "backups").glob("*"):
        f.unlink()  # no backup yet: an ordinary open would make the daily one
    lock = WorkspaceLock(ws)
    assert lock.try_lock()
    try:
        before = db_bytes(ws)
        ok("status", "--year", "2025", "--operator", "Budi", home=ws)
        assert db_bytes(ws) == before
        assert not list((ws / "backups").glob("*"))
    finally:
        lock.unlock()
    ok("status", "--year", "2025", home=ws)
    assert list((ws / "backups").glob("*"))  # without a window the daily backup is made as before


def test_a_second_cli_write_says_another_command_is_running(ws: Path) -> None:
    lock = WorkspaceLock(ws, program=CLI)
    assert lock.try_lock()
    try:
        line = refused(*SET, home=ws)
        assert "perintah kla lain" in line and "Tunggu" in line
    finally:
        lock.unlock()


HOLD = """
import sys, time
from pathlib import Path
from db.lock import WorkspaceLock
lock = WorkspaceLock(Path(sys.argv[1]))
assert lock.try_lock()
print("held", flush=True)
time.sleep(120)
"""


def test_lock_of_a_process_that_died_does_not_block(ws: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(ws)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert "jendela KLA Desktop" in refused(*SET, home=ws)  # another process holds it
        holder.kill()  # a crash or a power cut: no clean-up runs
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert (ws / LOCK_NAME).exists() and (ws / HOLDER_NAME).exists()  # left behind...
    ok(*SET, home=ws)  # ...and they do not block
    lock = WorkspaceLock(ws)
    assert lock.try_lock()
    lock.unlock()


def test_window_holds_the_lock_until_it_closes(qtbot, ws: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop.app import Launcher
    from ui.app_settings import AppSettings

    launcher = Launcher(data_dir=ws, workspace=ws, settings=AppSettings(tmp_path / "s" / "kla-desktop.ini"))
    assert launcher.start() and launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert not launcher.session.read_only
    before = db_bytes(ws)
    assert "jendela KLA Desktop" in refused(*SET, home=ws)
    assert db_bytes(ws) == before
    ok("entry", "show", "--year", "2025", "--indicator", "4", home=ws)
    launcher.window.close()
    assert not launcher.lock.locked
    ok(*SET, home=ws)


@pytest.mark.parametrize("command", [("template", "show"), ("backups",), ("history",), ("drives",),
                                     ("city", "conflicts"), ("report", "sheet", "--year", "2025", "--out", "x.pdf")])
def test_read_commands_are_marked_as_reads(command: tuple[str, ...]) -> None:
    from desktop import cli

    args = cli.build_parser().parse_args(list(command))
    assert not cli.writes(args)


@pytest.mark.parametrize("command", [("entry", "set", "--year", "2025", "--indicator", "4", "--item", "x",
                                      "--value", "1"), ("restore", "f"), ("import", "p"), ("export", "--out", "o"),
                                     ("receipt", "--out", "o"), ("setup", "f"), ("template", "install", "f"),
                                     ("operator", "--name", "Budi"), ("outbox", "--host", "smtp.example")])
def test_write_commands_take_the_lock(command: tuple[str, ...]) -> None:
    from desktop import cli

    args = cli.build_parser().parse_args(list(command))
    assert cli.writes(args)


def test_import_dry_run_is_a_read() -> None:
    from desktop import cli

    assert not cli.writes(cli.build_parser().parse_args(["import", "p", "--dry-run"]))


def test_a_lock_object_dropped_while_held_gives_the_lock_back(tmp_path: Path) -> None:
    import gc

    first = WorkspaceLock(tmp_path)
    assert first.try_lock()
    del first
    gc.collect()
    second = WorkspaceLock(tmp_path, program=CLI)
    assert second.try_lock()  # the operating system's lock went with the object, not with the process
    second.unlock()
