"""Start-up (issue 13): strict flags, ``--selftest``, what a window loads, pages built when shown, portable mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import paths
from desktop import app as desktop_app

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KLA_HOME"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **extra)
    return env


def test_unknown_flags_are_an_error_not_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        desktop_app.parse_args(["--selftset"])
    assert exc.value.code == 2
    assert "pilihan tidak dikenal: --selftset" in capsys.readouterr().err
    args = desktop_app.parse_args(["--selftest", "-platform", "offscreen", "-reverse"])
    assert args.selftest and args.qt_args == ["-platform", "offscreen", "-reverse"]


# What each window loads at start: run in a fresh interpreter, after the self-test painted it.
PROBE = """
import sys
from desktop import app
code = app.main(sys.argv[1:])
heavy = ("ui.city", "ui.entry", "ui.outbox", "ui.reports", "pyrage", "cryptography", "openpyxl", "reportlab",
         "sqlite_utils", "email.mime", "exports.bundle", "exports.email", "PIL",
         # DP3AKB's own areas of the store, imported where they are used (db/store.py)
         "db.chase", "db.cityadmin", "db.figures", "db.indicator2", "db.template_migration", "db.conflicts",
         # the bundle machinery (db.sync, db.sync_parts) and filelock (the lock is fcntl/msvcrt: db/lock.py)
         "db.sync", "db.sync_parts", "filelock",
         # standard modules only a write or a rarer job needs: a new id (uuid, with platform), a placed
         # file's type (mimetypes), a nested savepoint's name (secrets), a typed number (decimal), the
         # data folder's move (filecmp), the shipped templates (importlib.resources)
         "uuid", "platform", "mimetypes", "secrets", "decimal", "filecmp", "importlib.resources",
         # OpenSSL (hashlib's first import initialises libcrypto): files are hashed with it where they are
         # read, the start's few small texts by db/digest.py
         "_hashlib")
loaded = sorted({m.split(".")[0] if not m.startswith(("ui.", "exports.", "email.", "db."))
                 else ".".join(m.split(".")[:2])
                 for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy)})
print("LOADED " + __import__("json").dumps(loaded))
sys.exit(code)
"""


def _loaded_after_selftest(home: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, "--selftest", "--home", str(home)], capture_output=True,
                         text=True, env=_env(), cwd=ROOT, timeout=180)
    assert out.returncode == 0, out.stderr
    assert "Uji jalan berhasil" in out.stdout
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED "))
    return json.loads(line[len("LOADED "):])


def test_kelurahan_window_loads_neither_the_city_ui_nor_crypto_mail_pdf_or_excel(tmp_path: Path) -> None:
    # Nor the city's own areas of the store (reminders, DP3AKB's records, city figures, indicator 2),
    # nor the bundle machinery (Beranda reads the unit's category from the sync state in one query),
    # nor the standard modules that only a write or a rarer job needs.
    from db.store import Store

    home = tmp_path / "kel"
    Store.create(home, "kelurahan", kelurahan_code="64.71.01.1001", operator="Ani").close()
    assert _loaded_after_selftest(home) == []  # Beranda only: the other pages load when first shown


def test_city_window_loads_no_crypto_mail_pdf_or_excel(tmp_path: Path) -> None:
    from db.store import Store

    home = tmp_path / "kota"
    Store.create(home, "city", operator="Budi").close()
    loaded = _loaded_after_selftest(home)
    assert "ui.city" in loaded
    assert not {"pyrage", "cryptography", "openpyxl", "reportlab", "sqlite_utils", "exports.bundle",
                "exports.email", "email.mime", "ui.outbox", "ui.reports",
                # the summary's inbox card counts without the bundle machinery (Store.inbox_counts)
                "db.sync", "db.sync_parts",
                "uuid", "platform", "mimetypes", "secrets", "decimal", "filecmp", "importlib", "_hashlib"} & set(loaded)


def test_selftest_without_a_workspace_makes_a_temporary_demo_and_exits_0(tmp_path: Path) -> None:
    env = _env(XDG_DATA_HOME=str(tmp_path / "xdg"), TMPDIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "desktop", "--selftest"], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=180)
    assert out.returncode == 0, out.stderr
    assert "Uji jalan berhasil" in out.stdout
    assert not list(tmp_path.glob("kla-selftest-*"))  # removed afterwards
    assert not (tmp_path / "xdg").exists()  # nothing left in the user's data folder


def test_selftest_of_a_workspace_leaves_the_clerks_window_size_as_it_was(tmp_path: Path) -> None:
    """``kla-desktop --selftest --home DIR`` (an office checking its copy, or the start-up bench) opened
    an offscreen window of another size and saved it on close: the clerk's next start opened at that
    size (963x723, not maximised, the grid cut at the right at 1366x768)."""
    from db.store import Store

    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code="64.71.06.1005", operator="Ani").close()
    ini = home / "kla-desktop.ini"
    ini.write_text("[window]\nlanguage=id\n", encoding="utf-8")
    before = ini.read_bytes()
    out = subprocess.run([sys.executable, "-m", "desktop", "--selftest", "--home", str(home)],
                         capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=180)
    assert out.returncode == 0, out.stderr
    assert "geometry" not in ini.read_text(encoding="utf-8") and ini.read_bytes() == before


def test_selftest_of_a_missing_workspace_fails_with_a_reason(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "desktop", "--selftest", "--home", str(tmp_path / "tidak-ada")],
                         capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)
    assert out.returncode == 1
    assert "Uji jalan gagal" in out.stderr and "--home" in out.stderr


def test_pages_are_built_when_first_shown(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from db.store import Store

    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code="64.71.06.1005", operator="Ani").close()
    _app, launcher, _keep = desktop_app.start(["--home", str(home)])
    assert launcher is not None and launcher.window is not None
    w = launcher.window
    qtbot.addWidget(w)
    assert list(w.built_pages()) == ["home"]
    w.show_page("outbox")
    assert set(w.built_pages()) == {"home", "outbox"}
    assert w.stack.currentWidget() is w.outbox_page and w.current_page() == "outbox"
    w.open_indicator(4)  # from anywhere: builds the page it needs
    assert w.current_page() == "indicators" and w.indicator_page.isVisibleTo(w)
    w.close()
    assert not launcher.lock.locked


def test_portable_mode_uses_a_data_folder_beside_the_built_program(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    exe = tmp_path / "kla-desktop" / "kla-desktop.exe"
    exe.parent.mkdir()
    assert paths.portable_home(exe, frozen=True) is None  # no data folder: the usual per-user folders
    (exe.parent / "data").mkdir()
    assert paths.portable_home(exe, frozen=True) == exe.parent / "data"
    assert paths.portable_home(exe, frozen=False) is None  # a source checkout never goes portable
    monkeypatch.delenv("KLA_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    folders, moved = paths.resolve_folders(None)
    assert folders.data == exe.parent / "data" and folders.explicit and moved == []
    assert folders.logs == exe.parent / "data" / "logs"
    assert paths.resolve_home(None) == exe.parent / "data"
    assert paths.resolve_folders(str(tmp_path / "lain"))[0].data == tmp_path / "lain"  # --home still wins
