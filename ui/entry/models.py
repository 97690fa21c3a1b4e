"""Item models of the entry feature: the indicator list and a value's history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from db.records import AuditRecord, IndicatorStatus
from ui.widgets import icons
from ui.widgets.formatting import fmt_stamp, fmt_value
from ui.widgets.table_model import RecordTableModel

STATE_ICONS = {"ready": "state_ready", "complete": "state_complete", "partial": "state_partial", "empty": "state_empty"}


def state_text(state: str) -> str:
    return {
        "ready": QCoreApplication.translate("IndicatorListModel", "Siap dikirim"),
        "complete": QCoreApplication.translate("IndicatorListModel", "Lengkap, belum ditandai siap"),
        "partial": QCoreApplication.translate("IndicatorListModel", "Sebagian terisi"),
        "empty": QCoreApplication.translate("IndicatorListModel", "Belum diisi"),
    }.get(state, state)


class IndicatorListModel(RecordTableModel):
    """The 24 indicators with their state for the current kelurahan and data year (RecordRole: IndicatorStatus)."""

    COL_NO, COL_NAME, COL_PROGRESS = range(3)
    ClusterRole = Qt.ItemDataRole.UserRole + 3  # cluster key

    _HEADERS = (
        QT_TRANSLATE_NOOP("IndicatorListModel", "No"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Indikator"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Lengkap"),
    )

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
        with self._resetting():
            self._rows = list(rows)
            self._titles, self._cluster_names = titles, cluster_names

    def replace_row(self, status: IndicatorStatus) -> bool:
        """One indicator was re-read: update its row in place (dataChanged for that row only)."""
        row = self.row_of(status.indicator_no)
        if row < 0:
            return False
        self._rows[row] = status
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def row_of(self, indicator_no: int) -> int:
        for r, st in enumerate(self._rows):
            if st.indicator_no == indicator_no:
                return r
        return -1

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
            # DP3AKB sent it back for a fix: the red mark Beranda gives what needs doing, not the
            # check of a ready indicator (the list looked done while DP3AKB waited for a fix).
            if st.review_state == "perlu_perbaikan":
                return icons.mark("missing")
            return icons.mark(STATE_ICONS.get(st.state, "state_empty"))
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self._titles.get(st.indicator_no, st.short_name)
            cluster = self._cluster_names.get(st.cluster, st.cluster)
            tip = f"{st.indicator_no}. {title}\n{cluster}\n{state_text(st.state)}"
            if st.review_state == "perlu_perbaikan":
                tip += "\n" + QCoreApplication.translate("IndicatorListModel", "DP3AKB: perlu perbaikan") + (
                    f" — {st.review_note}" if st.review_note else "")
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return st
        if role == self.ClusterRole:
            return st.cluster
        if role == self.SortRole:
            return [st.indicator_no, st.short_name, st.completeness][col]
        return None


class HistoryModel(RecordTableModel):
    """The changes of one value, newest first (from the audit log; RecordRole: AuditRecord)."""

    COL_AT, COL_OPERATOR, COL_OLD, COL_NEW = range(4)

    _TR_CONTEXT = "IndicatorListModel"
    _HEADERS = (
        QT_TRANSLATE_NOOP("IndicatorListModel", "Waktu"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Petugas"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Dari"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Menjadi"),
    )

    def __init__(self, item_type: str = "count", choices: tuple = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []
        self._type = item_type
        self._choices = choices

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
