"""Slow work off the GUI thread, with progress and cancel.

A job is a plain function ``fn(progress, cancelled) -> result`` where
``progress(done, total, step)`` reports and ``cancelled()`` says whether to stop (``step`` is a
:class:`db.progress.Step` from db/ and exports/, worded here in the user's language, or ui's
own text). It runs on a ``QThreadPool`` thread; results, progress and errors come back through queued
signals, so every exception in a worker reaches the GUI (never lost in a thread).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from db.errors import KlaError
from ui.messages import progress_text

log = logging.getLogger(__name__)


def _translate(text: str) -> str:
    return QCoreApplication.translate("messages", text)

Job = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class Task(QObject):
    """One background job. Connect to its signals before :meth:`start`."""

    progressed = Signal(int, int, str)
    """Work done so far: (done, total, text to show)."""
    finished = Signal(object)
    """The job returned; the argument is its result."""
    failed = Signal(object)
    """The job raised; the argument is the exception (a KlaError('cancelled') when cancelled)."""
    ended = Signal()
    """Emitted after finished or failed, whichever happened."""
    stopped = Signal()
    """The job is over (returned or raised): emitted before finished or failed, so that what shows it
    running (a bar with Batal) is gone before their handlers run (a preview rendered, a dialog shown)."""

    def __init__(self, job: Job, title: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.title = title
        self._cancel = threading.Event()
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        # Keep the runnable (and its relay) referenced from Python until the job is done.
        self._runnable = _Runnable(self)
        runnable = self._runnable
        (pool or QThreadPool.globalInstance()).start(runnable)

    def _on_done(self, ok: bool, value: object) -> None:
        self.running = False
        self.stopped.emit()
        if ok:
            self.finished.emit(value)
        else:
            self.failed.emit(value)
        self.ended.emit()


class _Relay(QObject):
    # Lives in the GUI thread; signals emitted from the worker are queued to it.
    progressed = Signal(int, int, str)
    done = Signal(bool, object)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.relay = _Relay()
        self.relay.progressed.connect(task.progressed)
        self.relay.done.connect(task._on_done)
        self.setAutoDelete(False)

    def run(self) -> None:
        task = self.task

        def progress(done: int, total: int, text: object = "") -> None:
            # db/ and exports/ report a Step (a code); it is worded here, once for every job.
            self.relay.progressed.emit(int(done), int(total), progress_text(text, _translate))

        try:
            result = task.job(progress, task.is_cancelled)
        except KlaError as exc:
            self.relay.done.emit(False, exc)
        except Exception as exc:  # noqa: BLE001 - every worker error reaches the GUI
            exc.trace = traceback.format_exc()  # type: ignore[attr-defined]
            log.error("Pekerjaan latar gagal: %s", task.title or getattr(task.job, "__name__", "?"), exc_info=exc)
            self.relay.done.emit(False, exc)
        else:
            self.relay.done.emit(True, result)


class _ElidedLabel(QLabel):
    """One line that asks for its whole text but, when short of room, is elided in the middle.

    A plain QLabel's minimum width is its whole text, so "Memproses <long file name> (10 dari 20)"
    in the narrow evidence panel pushed the panel, and Batal with it, past the window's edge.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(min(self.sizeHint().width(), 80), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


class ProgressWidget(QWidget):
    """A label, a bar and a cancel button for one running task; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = _ElidedLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(100)
        self.bar.setMaximumWidth(260)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setToolTip(self.tr("Hentikan pekerjaan ini"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._task: Task | None = None
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.hide()

    def watch(self, task: Task) -> None:
        self._task = task
        self.label.setText(task.title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        task.progressed.connect(self._on_task_progressed)
        # Gone as soon as the job is over, before the page's own handlers run: "Selesai" at 100% stood
        # beside an enabled Batal while a report's preview was drawn or a dialog was open.
        task.stopped.connect(self._on_task_ended)
        task.ended.connect(self._on_task_ended)
        self.show()

    def _on_task_progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            if done >= total:
                self.cancel_button.setEnabled(False)  # all done: nothing left to stop
        if text:
            self.label.setText(text)

    def _on_task_ended(self) -> None:
        self._task = None
        self.hide()

    def _on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Membatalkan…"))
