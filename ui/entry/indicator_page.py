"""The "Indikator" page: the 24 indicators on the left, the chosen one's form and evidence."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from ui.entry.indicator_form import IndicatorForm
from ui.entry.models import IndicatorListModel
from ui.entry.xlsx_actions import XlsxFormButtons
from ui.evidence.panel import EvidencePanel
from ui.evidence.thumbnails import ThumbnailCache
from ui.session import Session

NARROW_WIDTH = 1080  # logical pixels: below this the form and the evidence panel share one column


class ClusterFilterProxy(QSortFilterProxyModel):
    """Shows the indicators of one klaster, or all."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cluster = ""
        self.setSortRole(IndicatorListModel.SortRole)

    def set_cluster(self, key: str) -> None:
        # beginFilterChange/endFilterChange replace the deprecated invalidateFilter (Qt 6.9+).
        self.beginFilterChange()
        self.cluster = key
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not self.cluster:
            return True
        idx = self.sourceModel().index(row, 0, parent)
        return idx.data(IndicatorListModel.ClusterRole) == self.cluster


class IndicatorPage(QWidget):
    """See the module docstring."""

    indicator_shown = Signal(int)
    """The form now shows this indicator number."""

    def __init__(self, session: Session, thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(8, 8, 4, 8)
        self.cluster_combo = QComboBox()
        self.cluster_combo.setToolTip(self.tr("Tampilkan indikator satu klaster saja"))
        self.cluster_combo.addItem(self.tr("Semua klaster"), "")
        for c in session.template.clusters:
            self.cluster_combo.addItem(c.name, c.key)
            self.cluster_combo.setItemData(self.cluster_combo.count() - 1, c.name, Qt.ItemDataRole.ToolTipRole)
        self.cluster_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cluster_combo.setMinimumContentsLength(12)
        ll.addWidget(self.cluster_combo)
        self.model = IndicatorListModel(self)
        self.proxy = ClusterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = QTableView()
        self.list.setModel(self.proxy)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Daftar indikator"))
        h = self.list.horizontalHeader()
        h.setSectionResizeMode(IndicatorListModel.COL_NO, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(IndicatorListModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(IndicatorListModel.COL_PROGRESS, QHeaderView.ResizeMode.ResizeToContents)
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # The number is part of the name column ("4. Akta Kelahiran"): more room for names.
        self.list.setColumnHidden(IndicatorListModel.COL_NO, True)
        ll.addWidget(self.list)
        # The Excel form (issue 11): download, import, and a dropped .xlsx on this page.
        self.xlsx = XlsxFormButtons(session, self, lambda: self.form.indicator_no)
        ll.addWidget(self.xlsx)
        self.splitter.addWidget(left)

        self.form = IndicatorForm(session)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.form)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter.addWidget(self.scroll)

        self.evidence = EvidencePanel(session, thumbnails)
        self.ev_scroll = ev_scroll = QScrollArea()
        ev_scroll.setWidgetResizable(True)
        ev_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ev_scroll.setWidget(self.evidence)
        ev_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        ev_scroll.setMinimumWidth(300)
        self.splitter.addWidget(ev_scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(200)
        self.splitter.setSizes([220, 560, 360])

        self._narrow = False
        self.cluster_combo.currentIndexChanged.connect(self._on_cluster_combo_changed)
        self.list.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _year: self.reload_list())
        self.reload_list()

    # ------------------------------------------------------------------ layout

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WIDTH
        if narrow != self._narrow:
            self.set_narrow(narrow)

    def set_narrow(self, narrow: bool) -> None:
        """Narrow page (small screen, 125% scaling): evidence goes under the form, one scroll bar."""
        self._narrow = narrow
        if narrow:
            self.ev_scroll.takeWidget()
            self.form.bottom_slot.addWidget(self.evidence)
            self.ev_scroll.hide()
        else:
            self.form.bottom_slot.removeWidget(self.evidence)
            self.ev_scroll.setWidget(self.evidence)
            self.ev_scroll.show()
        self.evidence.show()

    # ------------------------------------------------------------------ list

    def reload_list(self) -> None:
        s = self.session
        st = s.store.status(s.kelurahan_code, s.year)
        titles = {i.no: i.title for i in s.template.indicators}
        clusters = {c.key: c.name for c in s.template.clusters}
        self.model.set_rows(st.indicators, titles, clusters)

    def _on_cluster_combo_changed(self, _i: int) -> None:
        self.proxy.set_cluster(self.cluster_combo.currentData())

    def _on_list_current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            st = current.data(IndicatorListModel.RecordRole)
            if st is not None and st.indicator_no != self.form.indicator_no:
                self._show(st.indicator_no)

    def open_indicator(self, no: int) -> None:
        """Show indicator ``no`` (clearing the klaster filter if it hides it)."""
        row = self.model.row_of(no)
        if row < 0:
            return
        src = self.model.index(row, 0)
        if not self.proxy.mapFromSource(src).isValid():
            self.cluster_combo.setCurrentIndex(0)
        idx = self.proxy.mapFromSource(src)
        self.list.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if self.form.indicator_no != no:
            self._show(no)

    def _show(self, no: int) -> None:
        self.evidence.flush()
        self.form.show_indicator(no)
        self.evidence.set_owner("indicator", no)
        self.scroll.verticalScrollBar().setValue(0)
        self.indicator_shown.emit(no)

    def flush(self) -> None:
        self.form.flush()
        self.evidence.flush()

    # ------------------------------------------------------------------ broadcasts

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        # Only the rows of the indicators the change touched (a typed value: one row), each re-read alone.
        if changes.has("template", "period"):
            self.reload_list()
            return
        s = self.session
        for no in sorted(changes.indicator_numbers(s.year)):
            self.model.replace_row(s.indicator_status(no))
