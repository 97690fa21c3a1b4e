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

from db.changes import Changes
from db.errors import KlaError
from ui.session import Session, kla_error_text


class RecordListPage(QWidget):
    entity: str  # the Changes entity of the records listed: 'activity' | 'facility'
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

    doubted_fields: frozenset[str] = frozenset()  # the fields a doubt (``_doubts_of``) is about
    _fresh: tuple[str, int] | None = None  # (id, revision) of the record the "new" button made last
    _field_errors: dict[str, str] | None = None  # field -> what was said when its text was refused

    def _untouched_new(self) -> Any:
        """The record the "new" button just made, if it is shown and nothing was changed in it yet."""
        if self._fresh is None or self.current_id != self._fresh[0]:
            return None
        self.flush()
        try:
            rec = self.session.store.activity(self._fresh[0]) if self.entity == "activity" else \
                self.session.store.facility(self._fresh[0])
        except KlaError:
            return None
        return rec if rec.revision == self._fresh[1] else None

    def select(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            self._show(None)
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if idx.isValid():
            self.table.setCurrentIndex(idx)
        self._show(self.model.index(row, 0).data(self.model.RecordRole))

    def _on_table_current_changed(self, current: QModelIndex, prev: QModelIndex) -> None:
        self.flush()
        if self.unsaved_problems() and not self._leave_refused(prev):
            return
        self._show(current.data(self.model.RecordRole) if current.isValid() else None)

    def unsaved_problems(self) -> list[str]:
        """What the form still holds that was refused (not stored): the sentences said under it, each
        after the record it is in ("Fasilitas «Pojok Baca»: ...", asked on closing the window too)."""
        if not self.current_id:
            return []
        said = list(dict.fromkeys((self._field_errors or {}).values()))
        row = self.model.row_of(self.current_id)
        rec = self.model.index(row, 0).data(self.model.RecordRole) if row >= 0 else None
        name = str(getattr(rec, "title", None) or getattr(rec, "name", None) or "")
        from PySide6.QtCore import QCoreApplication

        what = QCoreApplication.translate("RecordListPage", "Kegiatan") if self.entity == "activity" else \
            QCoreApplication.translate("RecordListPage", "Fasilitas")
        return [f"{what} «{name}»: {text}" if name else text for text in said]

    def drop_unsaved(self) -> None:
        """The clerk agreed to throw away what was refused: the form shows the record as stored."""
        current = self.table.currentIndex()
        self._clear_errors()
        self._show(current.data(self.model.RecordRole) if current.isValid() else None)

    def _leave_refused(self, prev: QModelIndex) -> bool:
        """Another record clicked while refused text is in the form: asked first (it went without a
        word). "Kembali memperbaiki" goes back to the record and its text; True to go on without it."""
        from PySide6.QtCore import QCoreApplication

        text = QCoreApplication.translate(
            "RecordListPage", "Ada isian yang belum tersimpan karena belum benar:\n\n%1\n\nBuang isian itu dan "
            "buka yang lain?").replace("%1", "\n".join(self.unsaved_problems()[:8]))
        if self.session.dialogs.confirm(self, QCoreApplication.translate("RecordListPage", "Isian belum tersimpan"),
                                        text, QCoreApplication.translate("RecordListPage", "Buang dan lanjutkan"),
                                        QCoreApplication.translate("RecordListPage", "Kembali memperbaiki")):
            return True
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.setCurrentIndex(prev)
        selection.blockSignals(False)
        return False

    def _save(self, fields: dict) -> bool:
        """Store ``fields``; a refusal is said under the form and stays said until that field is
        saved or the form shows another record (a later save of another field does not hide it:
        the refused text is still in its box, not stored)."""
        if self._loading or not self.current_id or self.session.read_only or self.session.closed:
            return False
        if self._field_errors is None:
            self._field_errors = {}
        errors = self._field_errors
        try:
            self._update_record(self.current_id, **fields)
        except KlaError as exc:
            for key in fields:
                errors[key] = kla_error_text(exc)
            self._show_errors()
            return False
        for key in fields:
            errors.pop(key, None)
        self._show_errors()
        if fields.keys() & self.doubted_fields:
            self._show_doubts()
        return True

    def _doubts_of(self, rec: Any) -> list[tuple[str, dict[str, Any]]]:
        """What looks wrong in a stored record (db.rules.*_doubts): said, never refused."""
        return []

    def _show_doubts(self, rec: Any = None) -> None:
        """The doubts about the record shown (``rec``, or the current one read again) under the form."""
        label = getattr(self, "doubt", None)
        if label is None:
            return
        if rec is None and self.current_id and not self._loading:
            try:
                rec = self.session.store.activity(self.current_id) if self.entity == "activity" else \
                    self.session.store.facility(self.current_id)
            except KlaError:
                rec = None
        texts = [kla_error_text(KlaError(code, **params)) for code, params in self._doubts_of(rec)] if rec else []
        label.setText("\n".join(texts))
        label.setVisible(bool(texts))

    def _show_errors(self) -> None:
        texts = list(dict.fromkeys((self._field_errors or {}).values()))
        self.error.setText("\n".join(texts))  # '' when none: its kept room (keep_room) is one line again
        self.error.setVisible(bool(texts))

    def _clear_errors(self) -> None:
        """The form shows another record (or none): what was refused for the last one is gone."""
        self._field_errors = {}
        self.error.clear()
        self.error.hide()

    def _delete_after_confirm(self, title: str, question: str, yes: str, no: str, delete: Callable[[], Any]) -> None:
        """Ask; on yes run ``delete`` and leave the form empty."""
        if not self.session.dialogs.confirm(self, title, question, yes, no):
            return
        delete()
        self.current_id = None
        self.reload()
        self._show(None)

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        """Reload the list only when records of this page changed; after a write made here, not at all.

        A field saved here already shows what was typed: only that record's row in the list is
        replaced (dataChanged). A record added or deleted here is reloaded by the page itself.
        """
        if handler is self and not changes.is_everything:
            rec = changes.record
            row = self.model.row_of(rec.id) if rec is not None and hasattr(rec, "id") else -1
            if row >= 0:
                self.model.set_row(row, rec)
            return
        if changes.is_everything or changes.keys(self.entity):
            self._reload_quietly()

    def _reload_quietly(self) -> None:
        """Reload the list without the form writing back what it is being shown."""
        keep = self._loading
        self._loading = True
        try:
            self.reload()
        finally:
            self._loading = keep
