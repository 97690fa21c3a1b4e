"""What the Kegiatan and Fasilitas pages share: a filtered list of records beside a form that saves itself.

A subclass builds its widgets and sets ``session``, ``model`` (a RecordTableModel with ``row_of``),
``proxy``, ``table``, ``error``, ``current_id`` and ``_loading``; it writes ``reload()``, ``_show()``
and ``_update_record()``. Its own words (dialog titles, questions) stay in the subclass, so their
Linguist context does not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from db.errors import KlaError
from ui.session import Session, kla_error_text


class RecordListPage(QWidget):
    session: Session
    model: Any  # a RecordTableModel with row_of(record_id)
    proxy: QSortFilterProxyModel
    table: QTableView
    error: QLabel
    current_id: str | None
    _loading: bool

    def reload(self) -> None:
        raise NotImplementedError

    def _show(self, rec: Any) -> None:
        raise NotImplementedError

    def _update_record(self, record_id: str, **fields: Any) -> None:
        """Store the changed fields of one record (the session's update_* call)."""
        raise NotImplementedError

    def flush(self) -> None:
        raise NotImplementedError

    def select(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            self._show(None)
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if idx.isValid():
            self.table.setCurrentIndex(idx)
        self._show(self.model.index(row, 0).data(self.model.RecordRole))

    def _on_table_current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        self.flush()
        self._show(current.data(self.model.RecordRole) if current.isValid() else None)

    def _save(self, fields: dict) -> bool:
        if self._loading or not self.current_id or self.session.read_only or self.session.closed:
            return False
        try:
            self._update_record(self.current_id, **fields)
        except KlaError as exc:
            self.error.setText(kla_error_text(exc))
            self.error.show()
            return False
        self.error.hide()
        return True

    def _delete_after_confirm(self, title: str, question: str, yes: str, no: str, delete: Callable[[], Any]) -> None:
        """Ask; on yes run ``delete`` and leave the form empty."""
        if not self.session.dialogs.confirm(self, title, question, yes, no):
            return
        delete()
        self.current_id = None
        self.reload()
        self._show(None)

    def _reload_quietly(self) -> None:
        """Reload the list without the form writing back what it is being shown."""
        keep = self._loading
        self._loading = True
        try:
            self.reload()
        finally:
            self._loading = keep
