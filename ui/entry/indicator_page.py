"""The "Indikator" page: the 24 indicators on the left, the chosen one's form and evidence.

Made for a 1366x768 screen at 100% and 125%: the evidence panel folds to a narrow strip when
the widest grid of the indicator shown would not fit beside it (the clerk can open it again,
Ctrl+D), so the "Jumlah" column is always in view without scrolling sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
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
from ui.widgets.labels import WrapLabel
from ui.widgets.style import FLAT_SCROLLBAR

EVIDENCE_WIDTH = 295  # logical pixels: the evidence panel when open
STRIP_WIDTH = 64  # ... and folded
FORM_MIN_WIDTH = 520  # the form never gets narrower than this while the panel is open (else it folds)


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
        self.cluster_combo.setMinimumContentsLength(10)
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
        # Whole names, on two lines where they need them ("3. Keterlibatan Masyarakat, Dunia Usaha & Media"
        # read "3. Keterlibatan Mas…" at 1366x768).
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the form (arrows move inside it), as in any list box.
        self.list.setTabKeyNavigation(False)
        self.list.setAccessibleName(self.tr("Daftar indikator"))
        self.list.setToolTip(self.tr("Pilih indikator dengan panah atas/bawah; Tab pindah ke isian."))
        h = self.list.horizontalHeader()
        h.setSectionResizeMode(IndicatorListModel.COL_NO, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(IndicatorListModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed, not ResizeToContents: that one measured every row's text again at each repaint.
        h.setSectionResizeMode(IndicatorListModel.COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        progress_head = str(self.model.headerData(IndicatorListModel.COL_PROGRESS, Qt.Orientation.Horizontal) or "")
        h.resizeSection(IndicatorListModel.COL_PROGRESS, max(h.fontMetrics().horizontalAdvance(progress_head) + 12,
                                                             self.fontMetrics().horizontalAdvance("100%") + 16))
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        self.scroll.verticalScrollBar().setStyleSheet(FLAT_SCROLLBAR)
        self.scroll.horizontalScrollBar().setStyleSheet(FLAT_SCROLLBAR)
        self.splitter.addWidget(self.scroll)

        # The evidence panel folds to a narrow strip (▸) so the widest grid fits a 1366x768 screen.
        self.evidence = EvidencePanel(session, thumbnails)
        self.ev_box = QWidget()
        self.ev_box.setObjectName("evidenceBox")
        evl = QVBoxLayout(self.ev_box)
        evl.setContentsMargins(0, 0, 0, 0)
        evl.setSpacing(0)
        self.ev_toggle = QToolButton()
        self.ev_toggle.setObjectName("evidenceToggle")
        self.ev_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ev_toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.ev_toggle.setShortcut(QKeySequence("Ctrl+D"))
        self.ev_toggle.clicked.connect(lambda: self.set_evidence_open(not self.evidence_open, by_clerk=True))
        evl.addWidget(self.ev_toggle)
        self.ev_scroll = ev_scroll = QScrollArea()
        ev_scroll.setWidgetResizable(True)
        ev_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Its scroll bar's room always kept: appearing (a file's details shown), it narrowed the panel, a
        # requirement line wrapped once more, and the list went down under the pointer that clicked a file.
        ev_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        ev_scroll.setWidget(self.evidence)
        ev_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        ev_scroll.verticalScrollBar().setStyleSheet(FLAT_SCROLLBAR)
        evl.addWidget(ev_scroll, 1)
        self.ev_strip = WrapLabel()
        self.ev_strip.setObjectName("evidenceStrip")
        self.ev_strip.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        evl.addWidget(self.ev_strip, 1)
        self.splitter.addWidget(self.ev_box)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(170)
        left.setMaximumWidth(300)
        self.splitter.setSizes([250, 600, EVIDENCE_WIDTH])
        self.evidence_open = True
        self._clerk_choice: bool | None = None
        self._selecting = False  # the page itself moves the list's current row
        self.set_evidence_open(True)

        self.cluster_combo.currentIndexChanged.connect(self._on_cluster_combo_changed)
        self.list.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        self.evidence.requirements_changed.connect(self._update_ev_toggle)
        self.form.grid_widened.connect(self._on_form_grid_widened)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _year: self.reload_list())
        session.add_leave_guard(self.confirm_leave)
        self.reload_list()
        # The page always shows an indicator: the first one until the clerk picks another.
        if self.model.rowCount():
            self.open_indicator(self.model.index(0, 0).data(IndicatorListModel.RecordRole).indicator_no)

    # ------------------------------------------------------------------ layout

    def set_evidence_open(self, open_: bool, *, by_clerk: bool = False) -> None:
        """Show the evidence panel beside the form, or fold it to a strip (the clerk's choice sticks)."""
        if by_clerk:
            self._clerk_choice = open_
        self.evidence_open = open_
        self.ev_scroll.setVisible(open_)
        self.ev_strip.setVisible(not open_)
        width = EVIDENCE_WIDTH if open_ else STRIP_WIDTH
        self.ev_box.setMinimumWidth(width if not open_ else 280)
        self.ev_box.setMaximumWidth(16777215 if open_ else STRIP_WIDTH)
        sizes = self.splitter.sizes()
        if len(sizes) == 3:
            total = sum(sizes)
            self.splitter.setSizes([sizes[0], max(200, total - sizes[0] - width), width])
        self._update_ev_toggle()

    def _update_ev_toggle(self) -> None:
        have, need = self.evidence.requirement_counts()
        counts = self.tr("%1 dari %2").replace("%1", str(have)).replace("%2", str(need)) if need else ""
        if self.evidence_open:
            self.ev_toggle.setText(self.tr("Data dukung ▸ lipat"))
            self.ev_toggle.setToolTip(self.tr("Lipat panel data dukung agar tabel lebih lebar (Ctrl+D)"))
        else:
            self.ev_toggle.setText("◂")
            self.ev_toggle.setToolTip(self.tr("Buka panel data dukung (Ctrl+D)"))
        self.ev_strip.setText(self.tr("Data\ndukung") + (f"\n\n{counts}" if counts else ""))
        self.ev_strip.setToolTip(self.tr("Data dukung yang diminta: %1 terpenuhi. Klik ◂ atau tekan Ctrl+D untuk "
                                         "membuka panelnya.").replace("%1", counts or "0"))

    def _fits_with_evidence(self) -> bool:
        """True when the form keeps room beside an open evidence panel: the widest grid of the indicator
        shown with its "Jumlah" column, and never less than FORM_MIN_WIDTH (fields, notes, the guidance)."""
        need = max(max((v.needed_width() for v, _m in self.form.grids), default=0) + 2 * 16 + 20, FORM_MIN_WIDTH)
        left = self.splitter.sizes()[0] if self.splitter.sizes() else 200
        return self.width() - left - EVIDENCE_WIDTH - 2 * self.splitter.handleWidth() >= need

    def _auto_fold(self) -> None:
        if self._clerk_choice is not None:
            return
        fits = self._fits_with_evidence()
        if fits != self.evidence_open:
            self.set_evidence_open(fits)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._auto_fold()

    def _on_form_grid_widened(self) -> None:
        """A big number widened the grid past the room beside the evidence panel: "Jumlah" went out of
        sight at the right (its scroll bar under the last row, off the screen at 1366x768). The panel
        folds as it does when an indicator that wide is opened; when the clerk opened it by hand, the
        status bar says how to see the whole table."""
        if not self.evidence_open or self._fits_with_evidence():
            return
        if self._clerk_choice is None:
            self.set_evidence_open(False)
            return
        win = self.window()
        if isinstance(win, QMainWindow):
            win.statusBar().showMessage(self.tr("Tabel lebih lebar dari ruangnya: lipat panel data dukung (Ctrl+D) "
                                                "untuk melihat kolom Jumlah."))

    # ------------------------------------------------------------------ list

    def reload_list(self) -> None:
        s = self.session
        st = s.store.status(s.kelurahan_code, s.year)
        titles = {i.no: i.title for i in s.template.indicators}
        clusters = {c.key: c.name for c in s.template.clusters}
        self.model.set_rows(st.indicators, titles, clusters)

    def _on_cluster_combo_changed(self, _i: int) -> None:
        self.proxy.set_cluster(self.cluster_combo.currentData())
        if not self.list.currentIndex().isValid() and self.form.indicator_no:
            self._select_row_of(self.form.indicator_no)

    def _select_row_of(self, no: int) -> None:
        row = self.model.row_of(no)
        idx = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if idx.isValid():
            # Not by blocking the selection model's signals: the list then repainted itself whole to
            # catch up; it repaints the two rows whose selection changed.
            self._selecting = True
            try:
                self.list.selectionModel().setCurrentIndex(
                    idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._selecting = False

    def _on_list_current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if self._selecting:
            return
        if current.isValid():
            st = current.data(IndicatorListModel.RecordRole)
            if st is not None and st.indicator_no != self.form.indicator_no:
                if not self.confirm_leave():
                    # Stay, the red text still there. After the click is handled: the view selects the
                    # clicked row once this slot returns, which would show one indicator and mark another.
                    self._select_row_of(self.form.indicator_no)
                    QTimer.singleShot(0, lambda: self._select_row_of(self.form.indicator_no))
                    return
                self._show(st.indicator_no)

    def confirm_leave(self) -> bool:
        """Before another indicator or year: ask when typed text could not be stored; True to go on."""
        self.form.flush()
        problems = self.form.unsaved_problems()
        if not problems or self.session.read_only:
            return True
        text = self.tr("Ada isian yang belum tersimpan karena bukan nilai yang sah (ditandai merah):\n\n%1\n\n"
                       "Kembali untuk memperbaikinya, atau buang isian itu dan lanjutkan?")
        if self.session.dialogs.confirm(self, self.tr("Isian belum tersimpan"), text.replace("%1", "\n".join(problems[:8])),
                                        self.tr("Buang dan lanjutkan"), self.tr("Kembali memperbaiki")):
            self.form.drop_unsaved()
            return True
        return False

    def open_indicator(self, no: int) -> None:
        """Show indicator ``no`` (clearing the klaster filter if it hides it)."""
        row = self.model.row_of(no)
        if row < 0:
            return
        if self.form.indicator_no not in (0, no) and not self.confirm_leave():
            return
        src = self.model.index(row, 0)
        if not self.proxy.mapFromSource(src).isValid():
            self.cluster_combo.setCurrentIndex(0)
        if self.form.indicator_no != no:
            self._show(no)
        self._select_row_of(no)

    def _show(self, no: int) -> None:
        self.evidence.flush()
        self.form.flush()
        with self.session.shared_reads():  # the form and the evidence panel read the indicator's status once
            self.form.show_indicator(no)
            self.evidence.set_owner("indicator", no)
        self.scroll.verticalScrollBar().setValue(0)
        self._auto_fold()
        self._update_ev_toggle()
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
