"""Item models of the entry feature: the indicator list and a value's history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from db.records import AuditRecord, IndicatorStatus
from ui.widgets import icons
from ui.widgets.formatting import fmt_stamp, fmt_value

STATE_ICONS = {"ready": "state_ready", "complete": "state_complete", "partial": "state_partial", "empty": "state_empty"}


def state_text(state: str) -> str:
    return {
        "ready": QCoreApplication.translate("IndicatorListModel", "Siap dikirim"),
        "complete": QCoreApplication.translate("IndicatorListModel", "Lengkap, belum ditandai siap"),
        "partial": QCoreApplication.translate("IndicatorListModel", "Sebagian terisi"),
        "empty": QCoreApplication.translate("IndicatorListModel", "Belum diisi"),
    }.get(state, state)


class IndicatorListModel(QAbstractTableModel):
    """The 24 indicators with their state for the current kelurahan and data year."""

    COL_NO, COL_NAME, COL_PROGRESS = range(3)
    RecordRole = Qt.ItemDataRole.UserRole + 1  # IndicatorStatus
    SortRole = Qt.ItemDataRole.UserRole + 2
    ClusterRole = Qt.ItemDataRole.UserRole + 3  # cluster key

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IndicatorStatus] = []
        self._titles: dict[int, str] = {}
        self._cluster_names: dict[str, str] = {}

    def set_rows(self, rows: list[IndicatorStatus], titles: dict[int, str], cluster_names: dict[str, str]) -> None:
        if [r.indicator_no for r in rows] == [r.indicator_no for r in self._rows]:
            # Same indicators: refresh in place so the selection stays.
            self._rows = list(rows)
            self._titles, self._cluster_names = titles, cluster_names
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        try:
            self._rows = list(rows)
            self._titles, self._cluster_names = titles, cluster_names
        finally:
            self.endResetModel()

    def row_of(self, indicator_no: int) -> int:
        for r, st in enumerate(self._rows):
            if st.indicator_no == indicator_no:
                return r
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("IndicatorListModel", "No"), QCoreApplication.translate("IndicatorListModel", "Indikator"), QCoreApplication.translate("IndicatorListModel", "Lengkap")][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        st = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NO:
                return str(st.indicator_no)
            if col == self.COL_NAME:
                return f"{st.indicator_no}. {st.short_name}"
            return f"{round(st.completeness * 100)}%"
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_NAME:
            return icons.icon(STATE_ICONS.get(st.state, "state_empty"))
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self._titles.get(st.indicator_no, st.short_name)
            cluster = self._cluster_names.get(st.cluster, st.cluster)
            return f"{st.indicator_no}. {title}\n{cluster}\n{state_text(st.state)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return st
        if role == self.ClusterRole:
            return st.cluster
        if role == self.SortRole:
            return [st.indicator_no, st.short_name, st.completeness][col]
        return None


class HistoryModel(QAbstractTableModel):
    """The changes of one value, newest first (from the audit log)."""

    COL_AT, COL_OPERATOR, COL_OLD, COL_NEW = range(4)
    RecordRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, item_type: str = "count", choices: tuple = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []
        self._type = item_type
        self._choices = choices

    def set_rows(self, rows: list[AuditRecord]) -> None:
        self.beginResetModel()
        try:
            self._rows = list(rows)
        finally:
            self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("IndicatorListModel", "Waktu"), QCoreApplication.translate("IndicatorListModel", "Petugas"), QCoreApplication.translate("IndicatorListModel", "Dari"), QCoreApplication.translate("IndicatorListModel", "Menjadi")][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_AT:
                return fmt_stamp(r.at)
            if col == self.COL_OPERATOR:
                return r.operator or QCoreApplication.translate("IndicatorListModel", "(tanpa nama)")
            value = r.old_value if col == self.COL_OLD else r.new_value
            return fmt_value(value, self._type, self._choices) if value is not None else QCoreApplication.translate("IndicatorListModel", "(kosong)")
        if role == self.RecordRole:
            return r
        if role == self.SortRole:
            return [r.at, r.operator, str(r.old_value), str(r.new_value)][col]
        return None
