"""The open city workspace as the DP3AKB window sees it: one store, all kelurahan, one data year.

:class:`ui.session.Session` assumes one kelurahan (value edits, undo, evidence); the city
reviews and imports instead, so it gets this small session. It offers what the shared
settings page needs (``store``, ``home``, ``read_only``, ``dialogs``, operator and photo
limits) so that page is reused as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.errors import KlaError
from db.store import Store
from ui.city.status_rows import CityStatusRows
from ui.session import Change, WorkspaceContext
from ui.widgets.dialogs import Dialogs


class CitySession(QObject, WorkspaceContext):
    """The city workspace opened in this window."""

    data_changed = Signal(object)
    """A write happened; the argument is a :class:`ui.session.Change` ('review', 'import', 'keys', ...)."""
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
        # Connected first, so the rows are current before any view hears of the change.
        self.data_changed.connect(self._on_data_changed)

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

    def set_operator(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise KlaError("operator_empty")
        if not self.read_only:
            self.store.set_operator(name)
        else:
            self.store.operator = name
        self.data_changed.emit(Change("operator"))

    def set_review(self, kelurahan_code: str, indicator_no: int, state: str, note: str = "",
                   year: int | None = None) -> None:
        """DP3AKB's verdict on one indicator; it travels back to the kelurahan in the next receipt."""
        self._check_writable()
        self.store.set_review(kelurahan_code, year or self._year, indicator_no, state, note)
        self.data_changed.emit(Change("review", (indicator_no,), (kelurahan_code,)))

    def notify(self, what: str, ids: tuple[str, ...] = ()) -> None:
        """Background work (an import, an enrolment) wrote through its own connection: tell the views."""
        self.data_changed.emit(Change(what, ids=ids))

    def _on_data_changed(self, change: Change) -> None:
        if change.what == "all":
            self.statuses.invalidate()
        elif change.what == "review" and change.ids:
            # Made here, on this connection, for one kelurahan: its row is read at once.
            self.statuses.update_now(change.ids[:1])
        elif change.what == "import" and change.ids:
            # The import named its senders: only they are read again, in a worker.
            self.statuses.update_in_background(change.ids)

    # The shared settings page asks for these; photos matter little in the city, but backups do.
    def photo_limits(self) -> tuple[int, int]:
        """(long side in pixels, JPEG quality) for imported photos."""
        return self.store.photo_limits()

    def set_photo_limits(self, side: int, quality: int) -> None:
        self._check_writable()
        self.store.set_photo_limits(side, quality)
        self.data_changed.emit(Change("settings"))

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.store.close()
