"""Platform folders, moving a workspace from the old default place, and the log file.

platformdirs and the old default place are monkeypatched to folders under tmp_path: no test
touches the real home (tests/conftest.py also points the XDG folders at a temporary folder).
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
from pathlib import Path

import platformdirs
import pytest

from db import paths
from db.lock import WorkspaceLock
from db.store import Store
from desktop import cli, logs
from tests.db.conftest import KEL


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """platformdirs answers with folders under tmp_path; the old default place is tmp_path/roaming."""
    where = {"data": tmp_path / "local" / "KLA Desktop", "logs": tmp_path / "local" / "KLA Desktop" / "Logs",
             "cache": tmp_path / "local" / "KLA Desktop" / "Cache", "old": tmp_path / "roaming" / "KLA Desktop"}
    calls: list[tuple[str, tuple, dict]] = []

    def fake(kind: str):  # noqa: ANN202
        def answer(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls.append((kind, args, kwargs))
            return where[kind]
        return answer

    monkeypatch.setattr(platformdirs, "user_data_path", fake("data"))
    monkeypatch.setattr(platformdirs, "user_log_path", fake("logs"))
    monkeypatch.setattr(platformdirs, "user_cache_path", fake("cache"))
    monkeypatch.setattr(paths, "legacy_homes", lambda: [where["old"]])
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    where["calls"] = calls  # type: ignore[assignment]
    return where


def old_install(old: Path) -> dict[str, bytes]:
    """What an earlier version left at the old default place: settings and a workspace with evidence."""
    Store.create(old / "kelurahan-manggar", "kelurahan", kelurahan_code=KEL, operator="Siti").close()
    (old / "kla-desktop.ini").write_text("[workspace]\nlast=" + str(old / "kelurahan-manggar") + "\n")
    ev = old / "kelurahan-manggar" / "evidence" / "ab"
    ev.mkdir(parents=True)
    (ev / ("ab" + "0" * 62)).write_bytes(os.urandom(300_000))
    return snapshot(old)


# ---------------------------------------------------------------------------- where

def test_data_is_in_the_local_not_roaming_folder(platform: dict) -> None:
    folders = paths.platform_folders()
    assert folders.data == platform["data"] and folders.logs == platform["logs"]
    assert folders.cache == platform["cache"] and not folders.explicit
    data_call = next(c for c in platform["calls"] if c[0] == "data")
    assert data_call[2]["roaming"] is False and data_call[2]["appauthor"] is False
    assert all(c[2].get("appauthor") is False for c in platform["calls"])


def test_home_flag_and_env_win_and_nothing_is_moved(platform: dict, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = old_install(platform["old"])
    folders, moved = paths.resolve_folders(str(tmp_path / "portable"))
    assert folders == paths.AppFolders(tmp_path / "portable", tmp_path / "portable" / "logs",
                                       tmp_path / "portable" / "cache", explicit=True)
    assert moved == []
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "env"))
    assert paths.resolve_folders()[0].data == tmp_path / "env"
    assert paths.resolve_folders(str(tmp_path / "flag"))[0].data == tmp_path / "flag"  # flag over env
    assert snapshot(platform["old"]) == before and not platform["data"].exists()


# ---------------------------------------------------------------------------- moving

def test_workspace_at_the_old_place_is_moved_without_loss(platform: dict) -> None:
    before = old_install(platform["old"])
    folders, moved = paths.resolve_folders()
    assert [m.outcome for m in moved] == [paths.MOVED]
    assert folders.data == platform["data"]
    assert snapshot(platform["data"]) == before
    assert not platform["old"].exists()
    store = Store.open(platform["data"] / "kelurahan-manggar")
    assert store.kelurahan_code == KEL
    store.close()
    # A second start finds nothing more to do.
    assert paths.resolve_folders()[1] == []


def test_on_another_disk_it_is_copied_compared_then_the_old_removed(platform: dict,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = old_install(platform["old"])

    def cross_device(src, dst):  # noqa: ANN001, ANN202
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(paths.os, "rename", cross_device)
    folders, moved = paths.resolve_folders()
    assert moved[0].outcome == paths.COPIED and moved[0].left_behind is None
    assert snapshot(folders.data) == before
    assert not platform["old"].exists()
    assert not list(platform["data"].parent.glob("*.memindahkan"))


def test_a_copy_that_fails_half_way_leaves_everything_at_the_old_place(platform: dict,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = old_install(platform["old"])
    monkeypatch.setattr(paths.os, "rename",
                        lambda s, d: (_ for _ in ()).throw(OSError(errno.EXDEV, "cross-device")))
    copied: list[str] = []
    real_copy2 = shutil.copy2

    def disk_full(src, dst, **kw):  # noqa: ANN001, ANN003, ANN202
        if len(copied) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(src)
        return real_copy2(src, dst, **kw)

    monkeypatch.setattr(paths.shutil, "copy2", disk_full)
    folders, moved = paths.resolve_folders()
    assert moved[0].outcome == paths.KEPT_OLD and "No space" in moved[0].error
    assert folders.data == platform["old"]  # used where it is
    assert snapshot(platform["old"]) == before
    assert not platform["data"].exists()
    assert not list(platform["data"].parent.glob("KLA Desktop*"))  # no half copy left


def test_a_rename_refused_by_the_system_keeps_the_old_place(platform: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    before = old_install(platform["old"])
    monkeypatch.setattr(paths.os, "rename",
                        lambda s, d: (_ for _ in ()).throw(PermissionError(errno.EACCES, "Access is denied")))
    folders, moved = paths.resolve_folders()
    assert moved[0].outcome == paths.KEPT_OLD and "PermissionError" in moved[0].error
    assert folders.data == platform["old"] and snapshot(platform["old"]) == before


def test_a_workspace_open_at_the_old_place_is_not_moved(platform: dict) -> None:
    before = old_install(platform["old"])
    lock = WorkspaceLock(platform["old"] / "kelurahan-manggar")
    assert lock.try_lock()
    try:
        folders, moved = paths.resolve_folders()
        assert moved[0].outcome == paths.KEPT_OLD and moved[0].error == paths.BUSY
        assert folders.data == platform["old"]
    finally:
        lock.unlock()
    after = snapshot(platform["old"])
    assert after.pop("kelurahan-manggar/kla-desktop.lock") == b""  # the lock file stays, empty
    assert after == before
    assert paths.resolve_folders()[1][0].outcome == paths.MOVED  # the next start moves it


def test_new_folder_with_data_is_never_overwritten(platform: dict) -> None:
    before = old_install(platform["old"])
    platform["data"].mkdir(parents=True)
    (platform["data"] / "kla-desktop.ini").write_text("[ui]\nlanguage=en\n")
    folders, moved = paths.resolve_folders()
    assert moved[0].outcome == paths.BOTH and folders.data == platform["data"]
    assert snapshot(platform["old"]) == before
    assert (platform["data"] / "kla-desktop.ini").read_text() == "[ui]\nlanguage=en\n"


def test_own_logs_in_the_new_folder_do_not_stop_the_move(platform: dict) -> None:
    before = old_install(platform["old"])
    platform["logs"].mkdir(parents=True)
    (platform["logs"] / "kla-desktop.log").write_text("baris lama\n")
    folders, moved = paths.resolve_folders()
    assert moved[0].outcome == paths.MOVED
    after = snapshot(folders.data)
    assert after.pop("Logs/kla-desktop.log") == b"baris lama\n"
    assert after == before


def test_remembered_workspace_path_follows_the_move(platform: dict) -> None:
    old_ws = platform["old"] / "kelurahan-manggar"
    assert paths.relocated(old_ws, platform["data"]) == platform["data"] / "kelurahan-manggar"
    assert paths.relocated(Path("/elsewhere/ws"), platform["data"]) is None


def test_the_window_opens_the_moved_workspace_it_remembered(platform: dict, qtbot) -> None:  # noqa: ANN001
    from desktop.app import Launcher
    from ui.app_settings import AppSettings

    old_install(platform["old"])
    folders, _ = paths.resolve_folders()
    settings = AppSettings(folders.data / "kla-desktop.ini")
    settings.last_workspace = str(platform["old"] / "kelurahan-manggar")  # as the old version wrote it
    launcher = Launcher(data_dir=folders.data, workspace=None, settings=settings)
    assert launcher.start() and launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert launcher.session.store.paths.home == platform["data"] / "kelurahan-manggar"
    assert settings.last_workspace == str(platform["data"] / "kelurahan-manggar")
    launcher.window.close()


def test_cli_without_home_moves_and_says_so_in_the_log(platform: dict, capsys: pytest.CaptureFixture) -> None:
    # The command line's default workspace is the data folder itself.
    Store.create(platform["old"], "kelurahan", kelurahan_code=KEL, operator="Siti").close()
    before = snapshot(platform["old"])
    assert cli.main(["backups", "--json"]) == 0
    assert not platform["old"].exists()
    after = snapshot(platform["data"])
    assert {k: v for k, v in after.items() if not k.startswith("Logs/")} == before
    text = (platform["logs"] / logs.CLI_LOG).read_text("utf-8")
    assert re.search(r"INFO +desktop\.logs: Data dipindahkan dari folder lama .*roaming", text)
    assert capsys.readouterr().err == ""


def test_cli_says_when_it_could_not_move(platform: dict, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture) -> None:
    Store.create(platform["old"], "kelurahan", kelurahan_code=KEL, operator="Siti").close()
    monkeypatch.setattr(paths.os, "rename",
                        lambda s, d: (_ for _ in ()).throw(PermissionError(errno.EACCES, "Access is denied")))
    assert cli.main(["backups"]) == 0  # worked on the workspace where it is
    text = (platform["logs"] / logs.CLI_LOG).read_text("utf-8")
    assert "WARNING" in text and "TIDAK dipindahkan" in text and "dipakai di tempatnya" in text
    assert str(platform["old"]) in text
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------------------- the log

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (INFO|WARNING|ERROR|CRITICAL) +[\w.]+: .+$")


def test_cli_log_is_in_the_workspace_and_readable(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    home = tmp_path / "ws"
    assert cli.main(["init", "--role", "kelurahan", "--kelurahan", KEL, "--home", str(home)]) == 0
    assert cli.main(["entry", "set", "--year", "2025", "--indicator", "4", "--item", "nope", "--value", "1",
                     "--home", str(home)]) == 1
    lines = (home / "logs" / logs.CLI_LOG).read_text("utf-8").splitlines()
    assert len(lines) == 2 and all(LINE.match(line) for line in lines), lines
    assert "INFO     desktop.cli: kla init selesai dengan kode 0" in lines[0]
    assert "kla entry set ditolak: item_unknown" in lines[1]
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kla: ")  # the log never speaks on stderr


def test_no_log_folder_in_a_home_that_holds_no_workspace_yet(tmp_path: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert cli.main(["status", "--home", str(empty)]) == 1  # workspace_missing
    assert list(empty.iterdir()) == []  # still empty: 'kla demo --home' can use it
    platform_log = paths.platform_folders().logs / logs.CLI_LOG
    assert "workspace_missing" in platform_log.read_text("utf-8")
    assert str(platform_log).startswith(os.environ["XDG_STATE_HOME"])  # the tests' own, not the real home


def test_a_bug_goes_to_the_log_with_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture) -> None:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()

    def broken(args):  # noqa: ANN001, ANN202
        raise ZeroDivisionError("contoh galat")

    from desktop.cli import entries

    monkeypatch.setattr(entries, "cmd_backups", broken)
    assert cli.main(["backups", "--home", str(home)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    log_file = home / "logs" / logs.CLI_LOG
    assert len(err) == 1 and str(log_file) in err[0] and "Traceback" not in err[0]
    text = log_file.read_text("utf-8")
    assert "ERROR    desktop.cli: kla backups: kesalahan di dalam program" in text
    assert "Traceback" in text and "ZeroDivisionError: contoh galat" in text


def test_log_rotates_at_1_mb_keeping_5(tmp_path: Path) -> None:
    handler = logs.setup_logging(paths.workspace_folders(tmp_path), "uji.log", fallback=tmp_path / "fallback")
    try:
        assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
        assert not (tmp_path / "logs").exists() and not (tmp_path / "fallback").exists()  # nothing until a record
        handler.maxBytes = 2_000
        for i in range(200):
            logging.getLogger("uji").info("baris %d %s", i, "x" * 50)
        # no workspace in tmp_path: the fallback folder holds it
        names = sorted(p.name for p in (tmp_path / "fallback").iterdir())
        assert names == ["uji.log", "uji.log.1", "uji.log.2", "uji.log.3", "uji.log.4", "uji.log.5"]
        Store.create(tmp_path, "kelurahan", kelurahan_code=KEL).close()
        logging.getLogger("uji").warning("sekarang di ruang kerja")
        assert "sekarang di ruang kerja" in (tmp_path / "logs" / "uji.log").read_text("utf-8")
    finally:
        logs.stop_logging(handler)


def test_a_library_that_configures_logging_does_not_silence_ours(tmp_path: Path) -> None:
    import logging.config

    ours = logging.getLogger("desktop.uji")
    logging.config.dictConfig({"version": 1})  # what import-linter does when it runs in-process
    assert ours.disabled
    handler = logs.setup_logging(paths.workspace_folders(tmp_path), "uji.log", fallback=tmp_path / "logs")
    try:
        ours.warning("masih tercatat")
    finally:
        logs.stop_logging(handler)
    assert "WARNING  desktop.uji: masih tercatat" in (tmp_path / "logs" / "uji.log").read_text("utf-8")
