"""What happens to an exception nobody caught in the window (a bug of ours).

``sys.excepthook`` (PySide6 hands exceptions from slots and overridden Qt methods to it)
writes the traceback to the log and to a report file beside the log, then shows the plain
Indonesian dialog of :mod:`ui.widgets.error_dialog`. An exception in a plain Python thread
(``threading.excepthook``) is logged and reported too; it cannot open a dialog from its
thread. Background jobs of ``ui.widgets.tasks`` deliver their exceptions to the GUI, which
logs them there.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop.logs import write_report

log = logging.getLogger(__name__)

Show = Callable[[type[BaseException], BaseException, TracebackType | None, Path | None], None]


def show_dialog(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                report: Path | None) -> None:
    """The real dialog, over the active window (or none when no window is up yet)."""
    from PySide6.QtWidgets import QApplication

    from ui.widgets.error_dialog import show_error_report

    if QApplication.instance() is None:
        return
    show_error_report(QApplication.activeWindow(), exc_type, exc, tb, report)


class ExceptionHook:
    """The ``sys.excepthook`` of the window. ``show`` is injectable so tests never block."""

    def __init__(self, report_folder: Callable[[], Path], show: Show = show_dialog) -> None:
        self.report_folder = report_folder
        self.show = show
        self.showing = False
        self.reports: list[Path | None] = []

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = self.record(exc_type, exc, tb, "jendela")
        if self.showing:
            return  # an error while the dialog is up (e.g. in a repaint): logged, no second dialog
        self.showing = True
        try:
            self.show(exc_type, exc, tb, report)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception("Dialog kesalahan tidak bisa ditampilkan")
        finally:
            self.showing = False

    def record(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               where: str) -> Path | None:
        log.critical("Kesalahan tak terduga (%s): %s: %s", where, exc_type.__name__, exc, exc_info=(exc_type, exc, tb))
        try:
            folder = self.report_folder()
        except Exception:  # noqa: BLE001
            log.exception("Folder laporan tidak diketahui")
            return None
        report = write_report(folder, exc_type, exc, tb, where)
        if report is not None:
            log.critical("Laporan kesalahan ditulis: %s", report)
        self.reports.append(report)
        return report

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.record(args.exc_type, args.exc_value, args.exc_traceback, f"utas {name}")


def install_excepthook(report_folder: Callable[[], Path], show: Show = show_dialog) -> ExceptionHook:
    hook = ExceptionHook(report_folder, show)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    return hook
