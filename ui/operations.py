"""Run a write or a long job in the background: progress, cancel, and errors that always reach the user.

Modelled on Anki's ``aqt/operations`` (``CollectionOp(parent, op).success(...).failure(...)``):
a call site names the job, what to do with its result and, if it wants, what to do when it
fails; everything else is here, once::

    self.task = run_in_background(self, backup_job(home), title=self.tr("Membuat cadangan…"),
                                  on_done=self._on_backup_finished, progress_widget=self.progress)

The job is a plain function ``job(progress, cancelled) -> result`` (see
:mod:`ui.widgets.tasks`); it runs on a pool thread and opens its own store by the workspace
folder when it needs one (a SQLite connection belongs to the thread that opened it).

Errors are never lost. A :class:`db.errors.KlaError` is worded with
:func:`ui.session.kla_error_text`; any other exception is a defect: its traceback goes to the
log (the worker in :mod:`ui.widgets.tasks` writes it, this module adds what the user was told)
and the user reads a plain Indonesian sentence.
``on_failed`` receives a :class:`Failure` with that sentence ready; without ``on_failed`` the
sentence is shown with the parent's ``Dialogs.error``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from db.errors import KlaError
from db.record import record
from ui.session import kla_error_text
from ui.widgets.dialogs import Dialogs
from ui.widgets.tasks import Job, ProgressWidget, Task

log = logging.getLogger(__name__)


@record
class Failure:
    """Why a background job did not finish: the exception and the sentence to show for it."""

    error: BaseException
    text: str

    @property
    def cancelled(self) -> bool:
        """The user pressed Batal (the job raised ``KlaError('cancelled')``)."""
        return isinstance(self.error, KlaError) and self.error.code == "cancelled"


def failure_text(exc: BaseException) -> str:
    """The user's sentence for an exception from a job: the store's words, or a plain one for a defect."""
    if isinstance(exc, KlaError):
        return kla_error_text(exc)
    detail = str(exc) or type(exc).__name__
    return QCoreApplication.translate(
        "BackgroundOp", "Terjadi kesalahan di dalam program (%1). Data yang sudah tersimpan tetap aman. Coba "
        "lagi; bila terulang, beri tahu petugas pendukung: rinciannya dicatat di berkas log.").replace("%1", detail)


def is_running(task: Task | None) -> bool:
    """True while ``task`` (or nothing) is still working: the usual "one at a time" guard."""
    return task is not None and task.running


def _dialogs_of(parent: QObject | None) -> Dialogs:
    session = getattr(parent, "session", None)
    for holder in (session, parent):
        dialogs = getattr(holder, "dialogs", None)
        if isinstance(dialogs, Dialogs):
            return dialogs
    return Dialogs()


def run_in_background(
    parent: QObject,
    job: Job,
    *,
    title: str = "",
    on_done: Callable[[Any], object],
    on_failed: Callable[[Failure], object] | None = None,
    on_ended: Callable[[], object] | None = None,
    on_progress: Callable[[int, int, str], object] | None = None,
    progress_widget: ProgressWidget | None = None,
    dialogs: Dialogs | None = None,
    error_title: str = "",
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``job`` off the GUI thread and return its :class:`Task` (keep it to cancel or wait).

    ``on_done(result)`` runs in the GUI thread when the job returns. ``on_failed(failure)`` runs
    when it raises (also when cancelled: ``failure.cancelled``); without it the sentence is shown
    in an error dialog titled ``error_title`` (or ``title``). ``on_ended()`` runs after either.
    ``progress_widget`` shows the title, a bar and Batal while the job runs; ``on_progress``
    receives ``(done, total, text)`` for a page that draws its own bar.
    """
    task = Task(job, title, parent)
    task.finished.connect(on_done)

    def failed(exc: BaseException) -> None:
        failure = Failure(exc, failure_text(exc))
        if isinstance(exc, KlaError):
            log.info("%s: %s %s", title or "background job", exc.code, exc.params)
        else:
            # The worker already logged the traceback (ui.widgets.tasks); once is enough. Say what the
            # user was shown, so a support person can match the screen to the report.
            log.error("%s failed; shown to the user: %s", title or "background job", failure.text)
        if on_failed is not None:
            on_failed(failure)
            return
        if failure.cancelled:
            return
        widget = parent if isinstance(parent, QWidget) else None
        (dialogs or _dialogs_of(parent)).error(
            widget, error_title or title or QCoreApplication.translate("BackgroundOp", "Tidak bisa"), failure.text)

    task.failed.connect(failed)
    if on_ended is not None:
        task.ended.connect(on_ended)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if progress_widget is not None:
        progress_widget.watch(task)
    task.start(pool)
    return task
