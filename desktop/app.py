"""GUI entry point: ``kla-desktop [--home DIR]`` and ``python -m desktop``.

The shell only decides *which* workspace to open and how: it builds the QApplication,
installs translators and the style, shows the first-run flow when there is no workspace
yet, takes the workspace lock (one writer; a second window opens read-only after
asking), opens the store and shows the main window.

Where things live (:mod:`db.paths` decides):
- ``--home DIR`` (or ``KLA_HOME``): DIR *is* the workspace; its window settings are in
  ``DIR/kla-desktop.ini``, its log in ``DIR/logs``. The first-run flow creates the workspace
  there if it is empty.
- otherwise: the platform data folder (local, not roaming, on Windows) holds
  ``kla-desktop.ini`` (which remembers the last workspace) and the workspaces the first-run
  flow makes (``contoh-…``, ``kelurahan-…``, ``dp3akb-kota-balikpapan``,
  ``contoh-dp3akb-kota-balikpapan``); a data folder at the old default place is moved
  there first. The log is in the platform log folder.

Before any window: the log file (:mod:`desktop.logs`) and the excepthook that shows the
plain error dialog and writes a report (:mod:`desktop.crash`).
"""

from __future__ import annotations

# ruff: noqa: E402 - the collector is paused before the imports below and resumed after them
import gc

# The imports below make ~40,000 objects that live as long as the program (modules, classes,
# functions, Qt's enums) and almost no garbage: Python's collector ran ~55 times over them while
# they were imported (~3 % of a kelurahan window's start) and found ~300 objects to free. So it
# is paused while they are imported, and what they made is then set aside for good (gc.freeze:
# never traversed by a collection again), as the window's own collector does 5 s after start
# with what exists then (ui.widgets.qt_fixes.MainThreadCollector, which goes on as before).
_COLLECTING = gc.isenabled()
gc.disable()

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# The plain-Python part first, Qt after (isort: split). Once PySide6 is imported, its __feature__
# import hook reads the source of every module an import statement names for the first time
# (inspect.getsource, ~0.2-0.5 ms each: ~35 ms for the ~170 of a start from source). What is
# imported before Qt is never looked at; a frozen build ships no sources, so there it costs nothing.
from db.errors import KlaError
from db.lock import WorkspaceLock
from db.paths import relocated, resolve_folders
from db.store import Store
from desktop.crash import install_excepthook
from desktop.logs import WINDOW_LOG, log_migrations, setup_logging
from desktop.version import __version__


def _known_to_pyside() -> None:
    """Tell PySide6's ``__feature__`` import hook that the program's own modules use no feature.

    The hook reads the source of every module imported after Qt, the first time, to see whether
    it names PySide6 (inspect.getsource: ~0.4 M instructions each, 30-45 modules before a window's
    first paint). Its answer decides only which of PySide6's optional features (snake_case,
    true_property) the module sees; the program uses none, so each of its modules is entered as
    "no feature" (0), what the hook itself enters for a module that names PySide6. A frozen build
    has no sources (nothing to skip); a PySide6 without this table changes nothing.
    """
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    root = Path(__file__).resolve().parent.parent
    for package in ("ui", "db", "exports", "desktop"):
        top = root / package
        if not top.is_dir():
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
            prefix = os.path.relpath(folder, root).replace(os.sep, ".")
            for name in files:
                if name.endswith(".py"):
                    known.setdefault(prefix if name == "__init__.py" else f"{prefix}.{name[:-3]}", 0)


# isort: split
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, qVersion
from PySide6.QtWidgets import QApplication

_known_to_pyside()

# isort: split
from ui.app_settings import AppSettings
from ui.i18n import install_translators
from ui.widgets.dialogs import Dialogs
from ui.widgets.style import apply_style

gc.freeze()
if _COLLECTING:
    gc.enable()

if TYPE_CHECKING:
    import tempfile

    # Imported where used: a kelurahan window never loads the city UI, nor the other way round,
    # and the first-run dialog loads only when there is no workspace yet.
    from ui.city.city_window import CityWindow
    from ui.city.session import CitySession
    from ui.firstrun.first_run_dialog import FirstRunDialog
    from ui.session import Session
    from ui.shell.main_window import MainWindow

SETTINGS_NAME = "kla-desktop.ini"

log = logging.getLogger(__name__)


def setup_available() -> bool:
    """True once the bundles work ships ``exports.setup.install``."""
    try:
        from exports import setup  # type: ignore[attr-defined]
    except ImportError:
        return False
    return callable(getattr(setup, "install", None))


def _slug(text: str) -> str:
    return "".join(ch.lower() if ch.isalnum() else "-" for ch in text).strip("-")


class Launcher:
    """Chooses and opens the workspace; owns the lock and the window."""

    def __init__(self, *, data_dir: Path, workspace: Path | None, settings: AppSettings,
                 dialogs: Dialogs | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.workspace = Path(workspace) if workspace else None
        self.settings = settings
        self.dialogs = dialogs or Dialogs()
        self.window: MainWindow | CityWindow | None = None
        self.first_run: FirstRunDialog | None = None
        self.lock: WorkspaceLock | None = None
        self.session: Session | CitySession | None = None

    def workspace_for(self, kind: str, kelurahan_code: str) -> Path:
        if self.workspace is not None:
            return self.workspace
        from db import regions

        region = regions.reference().get(kelurahan_code) if kelurahan_code else None
        name = region.name if region is not None else kelurahan_code
        if kind == "setup":
            return self.data_dir / "kelurahan"
        unit_kind = region.kind if region is not None and region.level == regions.UNIT else "kelurahan"
        prefix = {"demo": "contoh", "city": "dp3akb", "city-demo": "contoh-dp3akb"}.get(kind, unit_kind)
        return self.data_dir / f"{prefix}-{_slug(name)}"

    def start(self) -> bool:
        """Open the remembered/given workspace, or show the first-run flow. False: nothing shown."""
        home = self.workspace
        if home is None and self.settings.last_workspace:
            home = Path(self.settings.last_workspace)
            moved = relocated(home, self.data_dir)
            if not _workspace_exists(home) and moved is not None and _workspace_exists(moved):
                # The data folder was moved from its old default place since the last start.
                log.info("Ruang kerja terakhir %s sekarang ada di %s", home, moved)
                home = moved
                self.settings.last_workspace = str(home)
        if home is not None and _workspace_exists(home):
            return self.open(home) is not None
        from ui.firstrun.first_run_dialog import FirstRunDialog

        self.first_run = FirstRunDialog(self.workspace_for, self.dialogs, setup_available())
        self.first_run.accepted.connect(self._on_first_run_accepted)
        self.first_run.show()
        return True

    def _on_first_run_accepted(self) -> None:
        dlg = self.first_run
        if dlg is None or dlg.chosen_home is None:
            return
        self.open(dlg.chosen_home, operator=dlg.operator_name)

    def open(self, home: Path, operator: str = "", *, ask: bool = True) -> MainWindow | CityWindow | None:
        """Open the workspace in ``home`` and show its window. ``ask=False`` (--selftest): no
        question is asked (a workspace in use opens read-only, no operator prompt)."""
        from ui.session import kla_error_text

        lock = WorkspaceLock(home)
        read_only = False
        if not lock.try_lock() and not ask:
            read_only = True
        elif not lock.locked:
            holder = lock.holder()
            log.info("Ruang kerja %s sedang dipakai (%s); ditawarkan hanya-baca", home,
                     f"{holder.program}, proses {holder.pid}" if holder else "tidak diketahui")
            text = kla_error_text(KlaError("workspace_in_use", home=str(home)))
            text += "\n\n" + QCoreApplication.translate("Launcher", "Buka hanya-baca untuk melihat data saja?")
            if not self.dialogs.confirm(None, QCoreApplication.translate("Launcher", "Ruang kerja sedang dipakai"),
                                        text, QCoreApplication.translate("Launcher", "Buka hanya-baca"),
                                        QCoreApplication.translate("Launcher", "Tutup")):
                return None
            read_only = True
        try:
            store = Store.open(home)
        except KlaError as exc:
            lock.unlock()
            log.warning("Ruang kerja %s tidak bisa dibuka: %s %s", home, exc.code, exc.params)
            self.dialogs.error(None, "KLA Desktop", kla_error_text(exc))
            return None
        log.info("Ruang kerja dibuka: %s (%s%s)", home, store.role, ", hanya-baca" if read_only else "")
        name = operator or store.meta("last_operator", "")
        if name and not read_only:
            store.set_operator(name)
        else:
            store.operator = name
        self.lock = lock
        if store.role == "city":
            # DP3AKB: all kelurahan, review and import instead of data entry.
            from ui.city.city_window import CityWindow
            from ui.city.session import CitySession

            self.session = CitySession(store, read_only=read_only, dialogs=self.dialogs)
            self.window = CityWindow(self.session, self.settings, on_closed=self._on_window_closed)
        else:
            from ui.session import Session
            from ui.shell.main_window import MainWindow

            self.session = Session(store, read_only=read_only, dialogs=self.dialogs)
            self.window = MainWindow(self.session, self.settings, on_closed=self._on_window_closed)
        if self.workspace is None:
            self.settings.last_workspace = str(home)
        self.window.show()
        if ask and not store.operator and not read_only:
            # Shared office PC, no passwords: ask who is typing, once the window is up.
            QTimer.singleShot(0, self.window.ask_operator)
        return self.window

    def _on_window_closed(self) -> None:
        if self.session is not None:
            self.session.close()
        if self.lock is not None:
            self.lock.unlock()
        log.info("Jendela ditutup")


# Qt's own command-line options (QApplication/QGuiApplication): passed on to Qt; any other
# unknown option is an error (a mistyped flag must not silently open the window).
QT_OPTIONS_WITH_VALUE = frozenset({
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry", "-qwindowicon",
    "-qwindowtitle", "-session", "-style", "-stylesheet", "-display", "-geometry", "-title",
})
QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})

SELFTEST_TIMEOUT_MS = 120_000


def _workspace_exists(home: Path) -> bool:
    return Store.exists(home)


def build_parser() -> argparse.ArgumentParser:
    # argparse's own words ("usage:", "options:", its errors) in Indonesian, as `kla --help` says them.
    from desktop import argparse_words

    argparse_words.install()
    parser = argparse.ArgumentParser(prog="kla-desktop", description="KLA Desktop")
    parser.add_argument("--home", metavar="FOLDER",
                        help="folder ruang kerja yang dibuka (atau variabel lingkungan KLA_HOME)")
    parser.add_argument("--lang", choices=("id", "en"), help="bahasa tampilan untuk sesi ini")
    parser.add_argument("--selftest", action="store_true",
                        help="uji jalan: buka ruang kerja (--home, atau ruang kerja contoh sementara), "
                             "gambar jendela utama, lalu keluar dengan kode 0 bila berhasil")
    parser.add_argument("--version", action="version", version=f"KLA Desktop {__version__}",
                        help="tampilkan versi program lalu keluar")
    return parser


_QUICK_VALUES = {"--home": "home", "--lang": "lang"}


def _qt_words(words: list[str], i: int) -> int:
    """How many words Qt's own option at ``words[i]`` takes (``-platform offscreen`` 2, ``-platform=x``
    or ``-reverse`` 1), 0 when it is not one of Qt's."""
    word = words[i]
    name, eq, _ = word.partition("=")
    if name in QT_OPTIONS_WITH_VALUE:
        return 1 if eq or i + 1 >= len(words) else 2
    return 1 if name in QT_FLAGS else 0


def _quick_args(argv: list[str]) -> argparse.Namespace | None:
    """What :func:`parse_args` makes of the usual command lines (``--home DIR``, ``--lang id|en``,
    ``--selftest``, Qt's own options), read without building the argparse parser (its texts go
    through gettext's catalogue search: ~14 M instructions of a start); None for anything else
    (``--help``, ``--version``, an abbreviation, a wrong value, an unknown word), which argparse
    reads and answers exactly as before."""
    values: dict[str, str | None] = {"home": None, "lang": None}
    selftest = False
    qt_args: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        name, eq, value = word.partition("=")
        if name in _QUICK_VALUES:
            if not eq:
                if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                    return None
                i += 1
                value = argv[i]
            if name == "--lang" and value not in ("id", "en"):
                return None
            values[_QUICK_VALUES[name]] = value
            i += 1
        elif word == "--selftest":
            selftest = True
            i += 1
        elif take := _qt_words(argv, i):
            qt_args += argv[i:i + take]
            i += take
        else:
            return None
    return argparse.Namespace(home=values["home"], lang=values["lang"], selftest=selftest, qt_args=qt_args)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The program's options; Qt's own (``-platform offscreen``, ...) land in ``args.qt_args``.

    Anything else unknown stops with an error (exit 2) instead of being ignored.
    """
    quick = _quick_args(list(sys.argv[1:] if argv is None else argv))
    if quick is not None:
        return quick
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    qt_args: list[str] = []
    i = 0
    while i < len(rest):
        if not (take := _qt_words(rest, i)):
            parser.error(f"pilihan tidak dikenal: {rest[i]} (lihat kla-desktop --help)")
        qt_args += rest[i:i + take]
        i += take
    args.qt_args = qt_args
    return args


def start(argv: Sequence[str]) -> tuple[QApplication, Launcher | None, list]:
    """Everything before the event loop: app, translators, style, the first window.

    Returns (app, launcher or None when nothing could be shown, objects to keep alive).
    """
    args = parse_args(argv)
    return _start(args)


def _start(args: argparse.Namespace, ask: bool = True) -> tuple[QApplication, Launcher | None, list]:
    made = QApplication.instance() is None
    # Fusion from the start (last, so it wins over a -style of the command line, as apply_style's did):
    # asking for a style object afterwards would make PySide6 build QStyle's 644 enum members.
    app = QApplication.instance() or QApplication(sys.argv[:1] + list(getattr(args, "qt_args", []))
                                                  + ["-style", "Fusion"])
    from ui.widgets import qt_fixes

    qt_fixes.install()  # PySide6 6.12 on CPython 3.11 takes a reference from None per call (would abort)
    qt_fixes.collect_on_main_thread(app)  # cycles holding Qt objects must never be freed on a worker
    app.setApplicationName("KLA Desktop")
    app.setApplicationVersion(__version__)
    folders, moved = resolve_folders(args.home)
    log_file = setup_logging(folders, WINDOW_LOG)
    log.info("KLA Desktop %s dimulai (Python %s, Qt %s); data: %s; log: %s", __version__,
             sys.version.split()[0], qVersion(), folders.data, log_file.path)
    log_migrations(moved)
    install_excepthook(lambda: log_file.path.parent)
    base = folders.data
    settings = AppSettings(base / SETTINGS_NAME)
    keep = install_translators(app, args.lang or settings.language)
    apply_style(app, fusion=made)
    launcher = Launcher(data_dir=base, workspace=base if folders.explicit else None, settings=settings)
    if not ask:
        # --selftest: the given workspace, never the first-run flow or a question.
        if launcher.workspace is None or not _workspace_exists(launcher.workspace):
            return app, None, keep
        return app, (launcher if launcher.open(launcher.workspace, ask=False) is not None else None), keep
    if not launcher.start():
        return app, None, keep
    return app, launcher, keep


class _FirstPaint(QObject):
    """Quits the event loop once the watched window has painted (the self-test's finish line)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
        return False


def selftest(args: argparse.Namespace) -> int:
    """``kla-desktop --selftest``: open the workspace, paint the main window, close it, exit 0.

    Without ``--home`` (or ``KLA_HOME``, or a portable ``data`` folder) a temporary demo
    kelurahan workspace is made first and removed afterwards. The start-up benchmark
    (bench/bench_startup.py) times exactly this. Exit 1 (with one line saying why) when the
    workspace cannot be opened or nothing was painted within two minutes.
    """
    from db.paths import explicit_home, portable_home

    started = time.perf_counter()
    temp: tempfile.TemporaryDirectory[str] | None = None
    if explicit_home(args.home) is None and portable_home() is None:
        import tempfile  # only here (with random, shutil...: ~15 M instructions of every start before)

        from db import demo

        temp = tempfile.TemporaryDirectory(prefix="kla-selftest-")
        args.home = str(Path(temp.name) / "ruang-kerja")
        demo.create_demo(Path(args.home), kelurahan_code="64.71.01.1001")
    try:
        app, launcher, keep = _start(args, ask=False)
        if launcher is None or launcher.window is None:
            print("Uji jalan gagal: ruang kerja tidak bisa dibuka. Periksa --home, lalu lihat log.",
                  file=sys.stderr)
            return 1
        # The clerk's own window size and place stay as they were (quitting the loop closes the window).
        launcher.window.settings.keep_window = False
        watcher = _FirstPaint(app)
        launcher.window.installEventFilter(watcher)
        QTimer.singleShot(SELFTEST_TIMEOUT_MS, app.quit)
        if not watcher.painted:
            app.exec()
        window = launcher.window
        window.removeEventFilter(watcher)
        if not watcher.painted:
            print("Uji jalan gagal: jendela utama tidak tergambar dalam 2 menit.", file=sys.stderr)
            window.close()
            return 1
        window.close()
        print(f"Uji jalan berhasil: jendela utama tergambar ({(time.perf_counter() - started) * 1000:.0f} ms).")
        del keep, launcher
        return 0
    finally:
        if temp is not None:
            temp.cleanup()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.selftest:
        return selftest(args)
    app, launcher, keep = _start(args)
    if launcher is None:
        return 1
    code = app.exec()
    del keep, launcher
    return code


if __name__ == "__main__":  # python -m desktop.app, as python -m desktop
    sys.exit(main())
