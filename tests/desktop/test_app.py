"""The GUI entry point: arguments, where workspaces go, and a real start with --home."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import app as desktop_app
from ui.app_settings import AppSettings


def test_parse_args_accepts_home_and_ignores_qt_arguments() -> None:
    args = desktop_app.parse_args(["--home", "/tmp/x", "-platform", "offscreen"])
    assert args.home == "/tmp/x" and args.lang is None


def test_workspace_folders(tmp_path: Path) -> None:
    launcher = desktop_app.Launcher(data_dir=tmp_path, workspace=None, settings=AppSettings(tmp_path / "s.ini"))
    assert launcher.workspace_for("demo", "64.71.02.1005") == tmp_path / "contoh-margo-mulyo"
    assert launcher.workspace_for("kelurahan", "64.71.01.1002") == tmp_path / "kelurahan-lamaru"
    given = desktop_app.Launcher(data_dir=tmp_path, workspace=tmp_path / "ws", settings=AppSettings(tmp_path / "s.ini"))
    assert given.workspace_for("demo", "64.71.02.1005") == tmp_path / "ws"


def test_setup_available_follows_the_exports_module() -> None:
    try:
        from exports import setup  # noqa: F401
        expected = callable(getattr(setup, "install", None))
    except ImportError:
        expected = False
    assert desktop_app.setup_available() is expected


def test_start_with_home_opens_the_workspace_window(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from db.store import Store

    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code="64.71.06.1005", operator="Ani").close()
    # start() is main() without the event loop (app.exec() would leave pytest-qt's waits starved).
    _app, launcher, _keep = desktop_app.start(["--home", str(home)])
    assert launcher is not None and launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert "Damai" in launcher.window.windowTitle()
    assert launcher.session.store.operator == "Ani"
    launcher.window.close()
    assert not launcher.lock.locked
    assert (home / "kla-desktop.ini").exists()  # window state kept beside the workspace


@pytest.mark.parametrize("module", ["desktop", "desktop.app"])
def test_version_flag(module: str) -> None:
    """``python -m desktop`` and ``python -m desktop.app`` both start the program (the second exited
    0 without a word: the module had no ``__main__`` block)."""
    out = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0 and "KLA Desktop" in out.stdout


def test_the_usual_command_lines_read_as_argparse_reads_them(monkeypatch) -> None:  # noqa: ANN001
    """parse_args reads --home/--lang/--selftest and Qt's options itself (no argparse parser at start):
    the same namespace as argparse's for each, and argparse's own answer for anything else."""
    lines = [["--home", "/tmp/x", "-platform", "offscreen"], ["--selftest", "-platform", "offscreen", "-reverse"],
             ["--home=/a", "--lang", "en"], ["--lang=id", "--selftest", "--home", ""], [],
             ["-platform=offscreen", "--home", "x", "-style", "fusion"], ["--home", "a", "--home", "b"]]
    quick = [vars(desktop_app.parse_args(line)) for line in lines]
    monkeypatch.setattr(desktop_app, "_quick_args", lambda _argv: None)
    assert quick == [vars(desktop_app.parse_args(line)) for line in lines]
    for other in (["--sel"], ["--lang", "xx"], ["--home"], ["--home", "-x"], ["kata"]):
        assert desktop_app._quick_args(other) is None  # argparse answers these (abbreviation, errors)
