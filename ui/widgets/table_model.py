"""A read-only table model over a list of records: the part every list model of the app shares.

A subclass names its columns (``COL_*``), lists its headers in ``_HEADERS`` (marked with
``QT_TRANSLATE_NOOP`` so lupdate sees them) and writes ``data()``. Headers are translated in the
subclass's own Linguist context (its class name) unless it names another in ``_TR_CONTEXT``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of records in ``self._rows``; one column per entry of ``_HEADERS``."""

    RecordRole = Qt.ItemDataRole.UserRole + 1  # the backing record of a row
    SortRole = Qt.ItemDataRole.UserRole + 2  # raw value to sort by (QSortFilterProxyModel.setSortRole)

    _HEADERS: tuple[str, ...] = ()
    _TR_CONTEXT: str | None = None  # Linguist context of the headers; None = the class name

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    @contextmanager
    def _resetting(self) -> Iterator[None]:
        """Wrap a change of the whole row set in beginResetModel()/endResetModel()."""
        self.beginResetModel()
        try:
            yield
        finally:
            self.endResetModel()

    def set_rows(self, rows: Iterable[Any]) -> None:
        with self._resetting():
            self._rows = list(rows)

    def record(self, row: int) -> Any:
        return self._rows[row]

    def set_row(self, row: int, record: Any) -> None:
        """One record changed: replace its row in place (dataChanged for that row only, no reset)."""
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._HEADERS)

    header_words: dict[int, str] = {}
    """Headers the page words itself, by column: "Desa/Kelurahan" in a kabupaten where ``_HEADERS`` says Kelurahan."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section in self.header_words:
            return self.header_words[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._HEADERS):
            return QCoreApplication.translate(self._TR_CONTEXT or type(self).__name__, self._HEADERS[section])
        return None
