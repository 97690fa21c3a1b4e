"""Item models of the entry feature: the indicator list and a value's history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from db.records import AuditRecord, IndicatorStatus
from ui.widgets import icons
from ui.widgets.formatting import fmt_completeness, fmt_stamp, fmt_value
from ui.widgets.table_model import RecordTableModel

STATE_ICONS = {"ready": "state_ready", "complete": "state_complete", "partial": "state_partial", "empty": "state_empty"}


def state_text(state: str) -> str:
    return {
        "ready": QCoreApplication.translate("IndicatorListModel", "Siap dikirim"),
        "complete": QCoreApplication.translate("IndicatorListModel", "Lengkap, belum ditandai siap"),
        "partial": QCoreApplication.translate("IndicatorListModel", "Sebagian terisi"),
        "empty": QCoreApplication.translate("IndicatorListModel", "Belum diisi"),
    }.get(state, state)


class IndicatorListModel(QStandardItemModel):
    """The 24 indicators with their state for the current kelurahan and data year (RecordRole: IndicatorStatus).

    Every cell's answers (text, mark, tooltip, alignment, the row's record) are worked out once when its
    indicator's status arrives and kept in Qt's own items: the list asks them in C++ at every repaint (a
    Python ``data()`` answered ~7 roles per cell through the bindings each time, ~70 K instructions a
    call, on every indicator switch)."""

    COL_NO, COL_NAME, COL_PROGRESS = range(3)
    RecordRole = RecordTableModel.RecordRole
    SortRole = RecordTableModel.SortRole
    ClusterRole = Qt.ItemDataRole.UserRole + 3  # cluster key

    _HEADERS = (
        QT_TRANSLATE_NOOP("IndicatorListModel", "No"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Indikator"),
        QT_TRANSLATE_NOOP("IndicatorListModel", "Lengkap"),
    )
    # As a read-only table model's cells: selectable, not editable, no children.
    _FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(self._HEADERS), parent)
        self._rows: list[IndicatorStatus] = []
        self._titles: dict[int, str] = {}
        self._cluster_names: dict[str, str] = {}
        self._headers = tuple(QCoreApplication.translate("IndicatorListModel", str(h)) for h in self._HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        # Asked when the header paints (not on a switch); vertical headers and other roles: nothing.
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def set_rows(self, rows: list[IndicatorStatus], titles: dict[int, str], cluster_names: dict[str, str]) -> None:
        self._titles, self._cluster_names = titles, cluster_names
        if [r.indicator_no for r in rows] == [r.indicator_no for r in self._rows]:
            # Same indicators: refresh in place so the selection stays.
            self._rows = list(rows)
            if rows:
                self._refill(0, len(rows) - 1)
            return
        self.removeRows(0, self.rowCount())
        self._rows = list(rows)
        for st in rows:
            items = [QStandardItem() for _ in self._HEADERS]
            for it in items:
                it.setFlags(self._FLAGS)
            self._fill(items, st)  # before the row goes in: the klaster filter reads it as it arrives
            self.appendRow(items)

    def _refill(self, first: int, last: int) -> None:
        """Rows ``first``..``last`` got new statuses: one dataChanged for them, as a table model gives."""
        self.blockSignals(True)
        try:
            for r in range(first, last + 1):
                self._fill([self.item(r, c) for c in range(len(self._HEADERS))], self._rows[r])
        finally:
            self.blockSignals(False)
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._HEADERS) - 1))

    def _fill(self, items: list[QStandardItem], st: IndicatorStatus) -> None:
        """Give a row's cells what they show of ``st``."""
        title = self._titles.get(st.indicator_no, st.short_name)
        cluster = self._cluster_names.get(st.cluster, st.cluster)
        tip = f"{st.indicator_no}. {title}\n{cluster}\n{state_text(st.state)}"
        if st.review_state == "perlu_perbaikan":
            tip += "\n" + QCoreApplication.translate("IndicatorListModel", "DP3AKB: perlu perbaikan") + (
                f" — {st.review_note}" if st.review_note else "")
        # DP3AKB sent it back for a fix: the red mark Beranda gives what needs doing, not the
        # check of a ready indicator (the list looked done while DP3AKB waited for a fix).
        mark = icons.mark("missing") if st.review_state == "perlu_perbaikan" \
            else icons.mark(STATE_ICONS.get(st.state, "state_empty"))
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        texts = (str(st.indicator_no), f"{st.indicator_no}. {st.short_name}", fmt_completeness(st.completeness, st.state == "partial"))
        sorts = (st.indicator_no, st.short_name, st.completeness)
        for col, item in enumerate(items):
            item.setData(texts[col], Qt.ItemDataRole.DisplayRole)
            item.setData(tip, Qt.ItemDataRole.ToolTipRole)
            item.setData(st, self.RecordRole)
            item.setData(st.cluster, self.ClusterRole)
            item.setData(sorts[col], self.SortRole)
            if col == self.COL_NAME:
                item.setData(mark, Qt.ItemDataRole.DecorationRole)
            else:
                item.setData(right, Qt.ItemDataRole.TextAlignmentRole)

    def replace_row(self, status: IndicatorStatus) -> bool:
        """One indicator was re-read: update its row in place (dataChanged for that row only)."""
        row = self.row_of(status.indicator_no)
        if row < 0:
            return False
        self._rows[row] = status
        self._refill(row, row)
        return True

    def row_of(self, indicator_no: int) -> int:
        for r, st in enumerate(self._rows):
            if st.indicator_no == indicator_no:
                return r
        return -1

    def record(self, row: int) -> IndicatorStatus:
        return self._rows[row]


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
                return r.operator or QCoreApplication.translate("IndicatorListModel", "petugas tidak tercatat")
            value = r.old_value if col == self.COL_OLD else r.new_value
            return fmt_value(value, self._type, self._choices) if value is not None else QCoreApplication.translate("IndicatorListModel", "(kosong)")
        if role == self.RecordRole:
            return r
        if role == self.SortRole:
            return [r.at, r.operator, str(r.old_value), str(r.new_value)][col]
        return None
