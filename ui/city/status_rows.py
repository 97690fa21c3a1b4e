"""Every kelurahan's completeness for the data year shown: one copy for the summary and the matrix.

The whole city is read once (when the window opens, the year is switched or a backup is
restored). After that only the kelurahan a write names are read again: the senders of an
import in a worker with its own store connection (a SQLite connection belongs to the thread
that opened it), so the window never blocks on 34 x status; a review, made here on the
window's own connection, for its one kelurahan at once. ``rows_updated`` then tells the views
which rows to redraw.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from db.records import KelurahanStatus
from ui.city.jobs import status_job
from ui.operations import Failure, is_running, run_in_background
from ui.widgets.tasks import Task

STATUS_ENTITIES = ("value", "entry", "evidence", "activity", "facility", "sync")
"""Changes of these entities (for the kelurahan named in ``Changes.units``) change a status row."""


class CityStatusRows(QObject):
    """The city's :class:`KelurahanStatus` rows, kept current kelurahan by kelurahan.

    ``session`` is duck-typed: ``store``, ``home``, ``year`` and ``error_raised``.
    """

    rows_updated = Signal(int, object)
    """Some rows were read again: (data year, frozenset of the kelurahan codes whose rows were replaced)."""

    def __init__(self, session, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self._year: int | None = None
        self._rows: dict[str, KelurahanStatus] = {}
        self.task: Task | None = None
        self._pending: set[str] = set()
        # Which read of a kelurahan is the newest: a worker's result for a kelurahan read again since
        # (a review typed while the import's refresh ran) must not overwrite the newer row.
        self._stamp: dict[str, int] = {}
        self._counter = 0

    # ------------------------------------------------------------------ reading

    def rows(self) -> list[KelurahanStatus]:
        """Every kelurahan of the city (in the store's unit order) for the session's data year."""
        if self._year != self.session.year:
            self.reload()
        return list(self._rows.values())

    def row(self, kelurahan_code: str) -> KelurahanStatus | None:
        self.rows()
        return self._rows.get(kelurahan_code)

    def reload(self) -> None:
        """Read the whole city again (window opened, year switched, backup restored)."""
        year = self.session.year
        self._counter += 1
        self._stamp.clear()
        self._pending.clear()
        self._rows = {r.kelurahan_code: r for r in self.session.store.city_status(year)}
        self._year = year

    def invalidate(self) -> None:
        """Everything may have changed: the next :meth:`rows` reads the whole city again."""
        self._year = None

    # ------------------------------------------------------------------ updating

    def update_now(self, codes: Iterable[str]) -> frozenset[str]:
        """Re-read ``codes`` on the window's own connection (after a write made here: one kelurahan)."""
        if self._year != self.session.year:
            self.invalidate()
            return frozenset()
        store, year = self.session.store, self._year
        self._counter += 1
        done = set()
        for code in codes:
            if code in self._rows:
                self._rows[code] = store.status(code, year)
                self._stamp[code] = self._counter
                done.add(code)
        if done:
            self.rows_updated.emit(year, frozenset(done))
        return frozenset(done)

    def update_in_background(self, codes: Iterable[str]) -> Task | None:
        """Re-read ``codes`` in a worker (after an import: the kelurahan that sent); rows_updated follows."""
        if self._year is None:
            return None  # nothing read yet, or a whole reload is due: it will read them anyway
        self._pending |= {c for c in codes if c in self._rows}
        if is_running(self.task) or not self._pending:
            return self.task
        codes_now = sorted(self._pending)
        self._pending.clear()
        self._counter += 1
        stamp, year = self._counter, self._year
        for code in codes_now:
            self._stamp[code] = stamp
        self.task = run_in_background(
            self, status_job(self.session.home, year, codes_now),
            on_done=lambda rows: self._on_task_done(year, stamp, rows), on_failed=self._on_task_failed,
            on_ended=self._on_task_ended)
        return self.task

    def _on_task_done(self, year: int, stamp: int, rows: list[KelurahanStatus]) -> None:
        if year != self._year:
            return  # the year was switched (or everything reloaded) meanwhile: these rows are not shown
        done = set()
        for r in rows:
            if self._stamp.get(r.kelurahan_code) == stamp and r.kelurahan_code in self._rows:
                self._rows[r.kelurahan_code] = r
                done.add(r.kelurahan_code)
        if done:
            self.rows_updated.emit(year, frozenset(done))

    def _on_task_failed(self, failure: Failure) -> None:
        # The rows on screen stay as they were; read the whole city at the next view refresh.
        self.invalidate()
        if not failure.cancelled:
            self.session.error_raised.emit(failure.text)

    def _on_task_ended(self) -> None:
        if self._pending:
            self.update_in_background(())
