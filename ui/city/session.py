"""The open city workspace as the DP3AKB window sees it: one store, all kelurahan, one data year.

:class:`ui.session.Session` assumes one kelurahan (value edits, undo, evidence); the city
reviews and imports instead, so it gets this small session. It offers what the shared
settings page needs (``store``, ``home``, ``read_only``, ``dialogs``, operator and photo
limits) so that page is reused as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.changes import Changes
from db.errors import KlaError
from db.store import Store
from ui.city.status_rows import STATUS_ENTITIES, CityStatusRows
from ui.session import WorkspaceContext
from ui.widgets.dialogs import Dialogs


class CitySession(QObject, WorkspaceContext):
    """The city workspace opened in this window."""

    data_changed = Signal(object, object)
    """Data changed: (the :class:`db.changes.Changes`, the view that asked for the write or None)."""
    year_changed = Signal(int)
    """The data year shown was switched; the argument is the new data year."""
    error_raised = Signal(str)
    """A background write failed; the argument is the sentence to show."""

    def __init__(self, store: Store, *, read_only: bool = False, dialogs: Dialogs | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if store.role != "city":
            raise KlaError("role_unknown", role=store.role)
        self.store = store
        self.read_only = read_only
        self.dialogs = dialogs or Dialogs()
        self.closed = False
        self._year = max(store.current_period().data_years)
        self.statuses = CityStatusRows(self, self)
        """Every kelurahan's status for the year shown, shared by the summary and the matrix."""

    @property
    def city_name(self) -> str:
        return self.store.unit(self.store.city_code).name

    def eval_year(self, year: int | None = None) -> int:
        return self.store.period_for_data_year(year or self._year).eval_year

    def _check_writable(self) -> None:
        if self.closed:
            raise KlaError("cancelled")
        if self.read_only:
            raise KlaError("read_only")

    def set_operator(self, name: str, *, handler: object | None = None) -> None:
        name = name.strip()
        if not name:
            raise KlaError("operator_empty")
        if not self.read_only:
            changes = self.store.set_operator(name)
        else:
            self.store.operator = name
            changes = Changes.of("operator", name)
        self.notify(changes, handler)

    def set_review(self, kelurahan_code: str, indicator_no: int, state: str, note: str = "",
                   year: int | None = None, *, handler: object | None = None) -> None:
        """DP3AKB's verdict on one indicator; it travels back to the kelurahan in the next receipt."""
        self._check_writable()
        changes = self.store.set_review(kelurahan_code, year or self._year, indicator_no, state, note)
        if changes:
            # Written here, on this connection, for one kelurahan: its row is read at once.
            self.statuses.update_now(changes.units)
        WorkspaceContext.notify(self, changes, handler)

    def notify(self, changes: Changes, handler: object | None = None) -> Changes:
        """Broadcast ``changes``. The status rows of the kelurahan they name are read again first: in a
        worker, since this is how work done through another connection (an import) is announced."""
        if changes.is_everything or changes.has("unit"):
            # A unit added, renamed or retired by DP3AKB: the rows are read again when next shown.
            self.statuses.invalidate()
        elif changes.units and changes.has(*STATUS_ENTITIES):
            self.statuses.update_in_background(changes.units)
        return WorkspaceContext.notify(self, changes, handler)

    # The shared settings page asks for these; photos matter little in the city, but backups do.
    def photo_limits(self) -> tuple[int, int]:
        """(long side in pixels, JPEG quality) for imported photos."""
        return self.store.photo_limits()

    def set_photo_limits(self, side: int, quality: int, *, handler: object | None = None) -> None:
        self._check_writable()
        self.notify(self.store.set_photo_limits(side, quality), handler)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.store.close()
