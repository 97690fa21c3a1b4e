"""Kelurahan × Indikator: every kelurahan's 24 indicators as coloured cells, filter by kecamatan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from ui.city.detail_dialog import IndicatorDetailDialog
from ui.city.models import STATE_COLORS, CityMatrixModel, KecamatanFilterProxy, legend_entries
from ui.city.rollup import city_rollup
from ui.city.session import CitySession
from ui.widgets.formatting import fill, fmt_number, fmt_percent
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.style import fixed_container
from ui.widgets.unit_words import kecamatan_word, units_word


class Legend(QWidget):
    """Colour swatches with the words for each cell state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.labels: dict[str, QLabel] = {}
        for key, words in legend_entries():
            swatch = QFrame()
            swatch.setFixedSize(16, 16)
            swatch.setStyleSheet(f"background: {STATE_COLORS[key].name()}; border: 1px solid #b8c2cc;")
            fixed_container(swatch)  # a colour square: never a child
            label = QLabel(words)
            self.labels[key] = label
            row.addWidget(swatch)
            row.addWidget(label)
            row.addSpacing(8)
        row.addStretch(1)


class CityMatrixPage(QWidget):
    """See the module docstring. Double-click a cell to review it."""

    def __init__(self, session: CitySession, open_file: Callable[[str], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.open_file = open_file
        self.detail: IndicatorDetailDialog | None = None
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        kec = kecamatan_word(session.store)  # "Distrik" in Papua's provinces
        self._kec = kec
        kec_label = QLabel(kec)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(fill(self.tr("Semua %1"), kec.lower()), "")
        for u in session.store.units("kecamatan"):
            self.kecamatan.addItem(u.name, u.code)
        kec_label.setBuddy(self.kecamatan)
        top.addWidget(kec_label)
        top.addWidget(self.kecamatan)
        layout.addLayout(top)

        self.model = CityMatrixModel(session.template, self)
        self.proxy = KecamatanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = KeptTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(CityMatrixModel.COL_KECAMATAN, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAccessibleName(self.tr("Matriks kelurahan × indikator"))
        hh = self.view.horizontalHeader()
        hh.setMinimumSectionSize(20)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh.setDefaultSectionSize(30)
        # The three text columns are sized from their contents once per refresh, not on every
        # scroll step: ResizeToContents re-measures up to 1,000 rows each time the view moves,
        # which makes a kabupaten of several hundred desa stutter (bench/bench_kabupaten.py).
        for col in (CityMatrixModel.COL_KECAMATAN, CityMatrixModel.COL_KELURAHAN, CityMatrixModel.COL_COMPLETENESS):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        hh.setResizeContentsPrecision(200)
        layout.addWidget(self.view, 1)
        # What the rows shown add up to (all of them, or one kecamatan's): the same counts as the summary
        # page's "Kelengkapan kota" and its kecamatan row.
        self.totals = WrapLabel()
        self.totals.setObjectName("subtle")
        self.totals.setAccessibleName(self.tr("Jumlah baris yang ditampilkan"))
        layout.addWidget(self.totals)
        self.legend = Legend()
        layout.addWidget(self.legend)
        hint = WrapLabel(self.tr("Arahkan tetikus ke sel untuk melihat yang kurang; klik dua kali untuk melihat isian, "
                              "data dukung dan memberi tinjauan."))
        hint.setObjectName("helpText")
        layout.addWidget(hint)

        self.kecamatan.currentIndexChanged.connect(self._on_kecamatan_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.activated.connect(self._on_view_double_clicked)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(self._on_session_year_changed)
        session.statuses.rows_updated.connect(self._on_statuses_rows_updated)
        self.refresh()

    def refresh(self) -> None:
        """Every row again (opened, year switched, restored); an import or review replaces only its rows."""
        s = self.session
        self.title.setText(fill(self.tr("%1 × Indikator · tahun data %2"), units_word(s.store), s.year))
        if self.model.template is not s.template:
            self.model.set_template(s.template)
        self.model.retired = frozenset(u.code for u in s.store.units("kelurahan") if u.retired)
        self.model.set_rows(s.statuses.rows())
        for col in (CityMatrixModel.COL_KECAMATAN, CityMatrixModel.COL_KELURAHAN, CityMatrixModel.COL_COMPLETENESS):
            self.view.resizeColumnToContents(col)
        self._refresh_totals()

    def _refresh_totals(self) -> None:
        """The totals line for the rows the filter shows (plain Python over the session's rows)."""
        s = self.session
        code = self.kecamatan.currentData() or ""
        rows = [r for r in s.statuses.rows() if not code or r.kecamatan_code == code]
        r = city_rollup(rows, s.template)
        where = self.kecamatan.currentText() if not code else f"{self._kec} {self.kecamatan.currentText()}"
        self.totals.setText(
            fill(self.tr("%1: %2 %3 × %4 indikator = %5 sel: %6 siap, %7 lengkap, %8 sebagian, %9 belum diisi."),
                 where, fmt_number(r.kelurahan), units_word(s.store, capital=False),
                 fmt_number(len(s.template.indicators)), fmt_number(r.indicators), fmt_number(r.ready),
                 fmt_number(r.complete), fmt_number(r.partial), fmt_number(r.empty))
            + " " + fill(self.tr("Kelengkapan rata-rata %1. Tinjauan DP3AKB: %2 diterima, %3 perlu perbaikan."),
                         fmt_percent(r.completeness * 100), fmt_number(r.accepted), fmt_number(r.needs_fix)))

    def set_kecamatan(self, code: str) -> None:
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(code)))

    def _on_kecamatan_changed(self, index: int) -> None:
        self.proxy.set_kecamatan(self.kecamatan.itemData(index) or "")
        self._refresh_totals()

    def show_kelurahan(self, code: str) -> None:
        """Select a kelurahan's row (from the summary page)."""
        self.set_kecamatan("")
        row = self.model.row_of(code)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, CityMatrixModel.COL_KELURAHAN))
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)

    def open_cell(self, kelurahan_code: str, indicator_no: int) -> IndicatorDetailDialog:
        if self.detail is None:
            self.detail = IndicatorDetailDialog(self.session, kelurahan_code, indicator_no, self.open_file, self)
        else:
            self.detail.show_indicator(kelurahan_code, indicator_no)
        self.detail.show()
        self.detail.raise_()
        self.detail.activateWindow()
        return self.detail

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        src = self.proxy.mapToSource(index)
        no = self.model.indicator_at(src.column())
        if no is None:
            return
        self.open_cell(self.model.kelurahan(src.row()).kelurahan_code, no)

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        # A kelurahan's data (an import, a review) comes row by row through rows_updated; only a
        # change of unknown extent (a restore, a receipt) or of the template redraws everything.
        if changes.has("template", "unit"):
            self._refresh_when_shown()

    def _on_session_year_changed(self, _year: int) -> None:
        self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _on_statuses_rows_updated(self, year: int, codes: frozenset[str]) -> None:
        # Only the kelurahan that changed: their rows in place (dataChanged), the other 33 untouched.
        if year != self.session.year or self._stale:
            return
        for code in sorted(codes):
            status = self.session.statuses.row(code)
            if status is not None:
                self.model.replace_row(status)
        self._refresh_totals()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
