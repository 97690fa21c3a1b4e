"""Rubrik: the city's own rubric for its desa/kelurahan, in the DP3AKB window (issue 12;
docs/template-format.md §10).

Some cities grade their own desa/kelurahan (Kota Bogor's Siklabo: Pratama/Madya/Nindya after field
verification). This page shows the rubric in force (its indicators with their maximum scores, its
categories with their source), installs one from a file with the refusals ``kla rubric install``
has (the same reader, db.template.read_template_file, worded by ui/messages.py), and takes the
jury's verified scores per unit and indicator for the evaluation of the chosen data year, with a
note. A unit's category shows once every indicator is scored, and only from the rubric: the
kab/kota bands never grade a unit. Each score is stored as it is typed (db/rubrics.py, the only
writer of ``rubric_scores``); a refused one is named in a sentence under the table and nothing
changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from db.records import UnitRecord
from db.rubrics import RubricResult, RubricScore
from db.template import Template
from ui.city.session import CitySession
from ui.session import kla_error_text
from ui.widgets.formatting import fill, fmt_number
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.table_model import RecordTableModel
from ui.widgets.unit_words import kecamatan_word, units_word

Index = QModelIndex | QPersistentModelIndex


def _right() -> int:
    return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RubricIndicatorsModel(RecordTableModel):
    """The rubric's indicators: number, part (klaster), name, the most it scores."""

    COL_NO, COL_PART, COL_NAME, COL_LOOKS_AT, COL_MAX = range(5)
    _HEADERS = (
        QT_TRANSLATE_NOOP("RubricIndicatorsModel", "No"),
        QT_TRANSLATE_NOOP("RubricIndicatorsModel", "Bagian"),
        QT_TRANSLATE_NOOP("RubricIndicatorsModel", "Indikator"),
        QT_TRANSLATE_NOOP("RubricIndicatorsModel", "Yang diperiksa juri"),
        QT_TRANSLATE_NOOP("RubricIndicatorsModel", "Nilai paling tinggi"),
    )

    def set_rubric(self, rubric: Template | None) -> None:
        if rubric is None:
            self.set_rows([])
            return
        parts = {c.key: c.name for c in rubric.clusters}
        self.set_rows([(i, parts.get(i.cluster, i.cluster)) for i in rubric.indicators])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ind, part = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # What the jury looks at: the rubric indicator's items and evidence, by their words (optional).
            looks_at = "; ".join([it.label for it in ind.items] + [ev.label for ev in ind.evidence]) or "—"
            return (str(ind.no), part, ind.title or ind.short_name, looks_at, fmt_number(ind.weight))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_NAME:
            return ind.guidance or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_NO, self.COL_MAX):
            return _right()
        return None


class RubricBandsModel(RecordTableModel):
    """The rubric's categories, lowest first."""

    COL_NAME, COL_FROM, COL_TO = range(3)
    _HEADERS = (
        QT_TRANSLATE_NOOP("RubricBandsModel", "Kategori"),
        QT_TRANSLATE_NOOP("RubricBandsModel", "Dari"),
        QT_TRANSLATE_NOOP("RubricBandsModel", "Sampai"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (b.label, fmt_number(b.min_score), fmt_number(b.max_score))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != self.COL_NAME:
            return _right()
        return None


class RubricUnitsModel(RecordTableModel):
    """Every desa/kelurahan with its total on the rubric, how many indicators are scored, its category."""

    COL_UNIT, COL_KECAMATAN, COL_TOTAL, COL_SCORED, COL_CATEGORY = range(5)
    _HEADERS = (
        QT_TRANSLATE_NOOP("RubricUnitsModel", "Desa/Kelurahan"),
        QT_TRANSLATE_NOOP("RubricUnitsModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("RubricUnitsModel", "Jumlah nilai"),
        QT_TRANSLATE_NOOP("RubricUnitsModel", "Dinilai"),
        QT_TRANSLATE_NOOP("RubricUnitsModel", "Kategori"),
    )
    _rows: list[tuple[UnitRecord, str, RubricResult | None]]

    def __init__(self, parent: Any = None, unit_word: str = "") -> None:
        super().__init__(parent)
        self.indicators = 0
        self.unit_word = unit_word
        """'Kelurahan', 'Desa' or 'Desa/Kelurahan' as fits the city's units (the first column's header)."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if section == self.COL_UNIT and orientation == Qt.Orientation.Horizontal \
                and role == Qt.ItemDataRole.DisplayRole and self.unit_word:
            return self.unit_word
        return super().headerData(section, orientation, role)

    def set_units(self, rows: list[tuple[UnitRecord, str, RubricResult | None]], indicators: int) -> None:
        self.indicators = indicators
        self.set_rows(rows)

    def row_of(self, code: str) -> int:
        return next((i for i, (u, _k, _r) in enumerate(self._rows) if u.code == code), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit, kec, res = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
            if col == self.COL_KECAMATAN:
                return kec
            if col == self.COL_UNIT:
                return unit.name
            if col == self.COL_TOTAL:
                if role == self.SortRole:
                    return res.total if res else -1.0
                return fmt_number(res.total) if res else "—"
            if col == self.COL_SCORED:
                done = res.scored if res else 0
                if role == self.SortRole:
                    return done
                return fill(QCoreApplication.translate("RubricUnitsModel", "%1 dari %2"), str(done),
                            str(self.indicators))
            if res is not None and res.band_label:
                return res.band_label
            if res is not None and res.complete:
                return QCoreApplication.translate("RubricUnitsModel", "di bawah kategori terendah")
            return QCoreApplication.translate("RubricUnitsModel", "belum lengkap")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_TOTAL, self.COL_SCORED):
            return _right()
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_CATEGORY and not (res and res.band_label):
            from PySide6.QtGui import QColor

            return QColor("#5f6b76")
        if role == self.RecordRole:
            return unit
        return None


class UnitScoresModel(QAbstractTableModel):
    """One unit's scores, one row per rubric indicator; the score and the jury's note are edited here
    and stored at once through the page (``save``); a refusal leaves the row as it was."""

    COL_NO, COL_NAME, COL_MAX, COL_SCORE, COL_NOTE = range(5)
    _HEADERS = (
        QT_TRANSLATE_NOOP("UnitScoresModel", "No"),
        QT_TRANSLATE_NOOP("UnitScoresModel", "Indikator"),
        QT_TRANSLATE_NOOP("UnitScoresModel", "Paling tinggi"),
        QT_TRANSLATE_NOOP("UnitScoresModel", "Nilai"),
        QT_TRANSLATE_NOOP("UnitScoresModel", "Catatan juri"),
    )

    def __init__(self, page: RubricPage) -> None:
        super().__init__(page)
        self.page = page
        self.rubric: Template | None = None
        self.scores: dict[int, RubricScore] = {}
        self.writable = False

    def set_scores(self, rubric: Template | None, scores: dict[int, RubricScore], writable: bool) -> None:
        self.beginResetModel()
        self.rubric, self.scores, self.writable = rubric, dict(scores), writable
        self.endResetModel()

    def update_scores(self, scores: dict[int, RubricScore]) -> None:
        """The same unit's scores after a write: the rows change in place (an open editor, the current
        cell and the keyboard's place stay where they are)."""
        self.scores = dict(scores)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.rubric is None else len(self.rubric.indicators)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("UnitScoresModel", self._HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self.writable:
            return base
        if index.column() == self.COL_SCORE or (index.column() == self.COL_NOTE and self._score(index.row()) is not None):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _score(self, row: int) -> RubricScore | None:
        assert self.rubric is not None
        return self.scores.get(self.rubric.indicators[row].no)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.rubric is None:
            return None
        ind = self.rubric.indicators[index.row()]
        got = self.scores.get(ind.no)
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_NO:
                return str(ind.no)
            if col == self.COL_NAME:
                return ind.title or ind.short_name
            if col == self.COL_MAX:
                return fmt_number(ind.weight)
            if col == self.COL_SCORE:
                return fmt_number(got.score) if got else ""
            return got.note if got else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_SCORE:
                return fill(QCoreApplication.translate("UnitScoresModel", "Nilai terverifikasi 0 sampai %1; kosongkan "
                                                       "untuk menghapus"), fmt_number(ind.weight))
            if col == self.COL_NOTE and got is None:
                return QCoreApplication.translate("UnitScoresModel", "Isi nilainya dulu, lalu catatannya")
            if col == self.COL_NAME:
                return ind.guidance or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_NO, self.COL_MAX, self.COL_SCORE):
            return _right()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.rubric is None:
            return False
        ind = self.rubric.indicators[index.row()]
        got = self.scores.get(ind.no)
        text = "" if value is None else str(value)
        if index.column() == self.COL_SCORE:
            if text.strip() == (fmt_number(got.score) if got else ""):
                return False
            return self.page.save_score(ind.no, text, got.note if got else "")
        if index.column() == self.COL_NOTE and got is not None:
            if text == got.note:
                return False
            return self.page.save_score(ind.no, fmt_number(got.score), text)
        return False


class RubricPage(QWidget):
    """See the module docstring."""

    def __init__(self, session: CitySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.unit_code = ""
        words = units_word(session.store)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)

        top = QHBoxLayout()
        names = QVBoxLayout()
        self.title = QLabel(fill(self.tr("Rubrik %1"), words))
        self.title.setObjectName("pageTitle")
        self.state = WrapLabel()
        self.state.setObjectName("subtle")
        names.addWidget(self.title)
        names.addWidget(self.state)
        top.addLayout(names, 1)
        self.install_button = QPushButton(self.tr("Pasang rubrik dari berkas…"))
        self.install_button.setToolTip(self.tr("Berkas rubrik (JSON) dari DP3AKB: indikator, nilai paling tinggi "
                                               "dan kategorinya"))
        top.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.message = WrapLabel()
        self.message.setObjectName("errorText")
        self.message.hide()
        outer.addWidget(self.message)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        # Without a rubric the tabs are hidden: the title and its sentence stay at the top instead of
        # being spread over the empty page (the stretch takes the room only while the tabs are hidden).
        outer.addStretch(0)

        # ---- scores per unit
        scores_tab = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        QVBoxLayout(scores_tab).addWidget(split)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(fill(self.tr("Cari %1 atau %2…"), units_word(session.store, False),
                                            kecamatan_word(session.store).lower()))
        self.search.setClearButtonEnabled(True)
        lv.addWidget(self.search)
        self.units_model = RubricUnitsModel(self, words)
        self.units_model.header_words = {RubricUnitsModel.COL_KECAMATAN: kecamatan_word(session.store)}
        self.units_proxy = QSortFilterProxyModel(self)
        self.units_proxy.setSourceModel(self.units_model)
        self.units_proxy.setSortRole(RubricUnitsModel.SortRole)
        self.units_proxy.setFilterKeyColumn(-1)
        self.units_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.units_view = self._table(self.units_proxy)
        self.units_view.setSortingEnabled(True)
        self.units_view.setWordWrap(False)
        self.units_view.sortByColumn(RubricUnitsModel.COL_KECAMATAN, Qt.SortOrder.AscendingOrder)
        self.units_view.horizontalHeader().setSectionResizeMode(RubricUnitsModel.COL_UNIT, QHeaderView.ResizeMode.Stretch)
        lv.addWidget(self.units_view, 1)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        self.unit_title = WrapLabel()
        self.unit_title.setObjectName("sectionTitle")
        rv.addWidget(self.unit_title)
        self.scores_model = UnitScoresModel(self)
        self.scores_view = self._table(self.scores_model)
        self.scores_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed
                                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.scores_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.scores_view.setWordWrap(True)
        hh = self.scores_view.horizontalHeader()
        hh.setSectionResizeMode(UnitScoresModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(UnitScoresModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        hh.sectionResized.connect(lambda *_a: self.scores_view.resizeRowsToContents())
        rv.addWidget(self.scores_view, 1)
        self.scores_message = WrapLabel()
        self.scores_message.setObjectName("errorText")
        self.scores_message.hide()
        rv.addWidget(self.scores_message)
        self.unit_result = WrapLabel()
        rv.addWidget(self.unit_result)
        self.scores_help = WrapLabel(self.tr("Ketik nilai hasil verifikasi lalu Enter: tersimpan langsung. Kosongkan "
                                          "nilai untuk menghapusnya. Kategori muncul setelah semua indikator dinilai "
                                          "dan ikut terkirim ke desa/kelurahan di tanda terima berikutnya."))
        self.scores_help.setObjectName("helpText")
        rv.addWidget(self.scores_help)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 520])
        self.tabs.addTab(scores_tab, fill(self.tr("Nilai per %1"), units_word(session.store, False)))

        # ---- the rubric itself
        rubric_tab = QWidget()
        rl = QVBoxLayout(rubric_tab)
        t = QLabel(self.tr("Indikator rubrik"))
        t.setObjectName("sectionTitle")
        rl.addWidget(t)
        self.indicators_model = RubricIndicatorsModel(self)
        self.indicators_view = self._table(self.indicators_model)
        self.indicators_view.setWordWrap(True)
        for col in (RubricIndicatorsModel.COL_NAME, RubricIndicatorsModel.COL_LOOKS_AT):
            self.indicators_view.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.indicators_view.horizontalHeader().sectionResized.connect(
            lambda *_a: self.indicators_view.resizeRowsToContents())
        rl.addWidget(self.indicators_view, 3)
        t = QLabel(self.tr("Kategori"))
        t.setObjectName("sectionTitle")
        rl.addWidget(t)
        self.bands_model = RubricBandsModel(self)
        self.bands_view = self._table(self.bands_model)
        rl.addWidget(self.bands_view, 1)
        self.bands_source = WrapLabel()
        self.bands_source.setObjectName("helpText")
        rl.addWidget(self.bands_source)
        self.tabs.addTab(rubric_tab, self.tr("Isi rubrik"))

        self.install_button.clicked.connect(self.choose_and_install)
        self.search.textChanged.connect(self.units_proxy.setFilterFixedString)
        self.units_view.selectionModel().currentRowChanged.connect(self._on_unit_row_changed)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _y: self.refresh())
        self.refresh()

    @staticmethod
    def _table(model: Any) -> KeptTableView:
        view = KeptTableView()
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        hh = view.horizontalHeader()
        for c in range(model.columnCount()):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        return view

    # ------------------------------------------------------------------ state

    @property
    def rubric(self) -> Template | None:
        return self.session.store.rubric

    @property
    def eval_year(self) -> int:
        """The evaluation of the chosen data year (scores belong to an evaluation)."""
        return int(self.session.store.period_for_data_year(self.session.year).eval_year)

    def refresh(self) -> None:
        r = self.rubric
        store = self.session.store
        self.install_button.setEnabled(not self.session.read_only)
        self.tabs.setVisible(r is not None)
        if r is None:
            self.state.setText(fill(self.tr(
                "Belum ada rubrik. Rubrik dipakai bila kabupaten/kota menilai sendiri %1 di wilayahnya (misalnya "
                "Siklabo Kota Bogor: Pratama, Madya, Nindya setelah verifikasi lapangan). Kategori %2 hanya datang "
                "dari rubrik, tidak pernah dari kategori kabupaten/kota. Pasang berkas rubrik untuk mulai menilai."),
                units_word(store, False), units_word(store, False)))
            self.state.setToolTip("")
            self.indicators_model.set_rubric(None)
            self.bands_model.set_rows([])
            self.units_model.set_units([], 0)
            self.show_unit("")
            return
        self.state.setText(fill(self.tr("Berlaku: %1 versi %2 · %3 indikator · nilai paling tinggi %4 · "
                                        "evaluasi %5."), r.name, str(r.version),
                                str(len(r.indicators)), fmt_number(r.weight_total), str(self.eval_year)))
        # The content fingerprint on hover only (for whoever supports the program), as on the template page.
        self.state.setToolTip(fill(self.tr("Kode pemeriksaan isi rubrik versi %1: %2 (bila diminta petugas teknis)"),
                                   str(r.version), r.content_hash[:12]))
        self.indicators_model.set_rubric(r)
        self.indicators_view.resizeRowsToContents()
        self.bands_model.set_rows(r.bands)
        cats = r.raw.get("categories") if isinstance(r.raw.get("categories"), dict) else {}
        source = str((cats or {}).get("source", "")).strip()
        self.bands_source.setText(fill(self.tr("Sumber kategori: %1"), source) if source else "")
        results = {x.kelurahan_code: x for x in store.rubric_results(self.eval_year)}
        kec = {u.code: u.name for u in store.units("kecamatan")}
        rows = [(u, kec.get(u.parent_code or "", ""), results.get(u.code))
                for u in store.units("kelurahan") if not u.retired or u.code in results]
        self.units_model.set_units(rows, len(r.indicators))
        code = self.unit_code or (rows[0][0].code if rows else "")
        self.select_unit(code)

    def select_unit(self, code: str) -> None:
        row = self.units_model.row_of(code)
        if row < 0:
            self.show_unit("")
            return
        idx = self.units_proxy.mapFromSource(self.units_model.index(row, 0))
        if idx.isValid() and self.units_view.currentIndex().row() != idx.row():
            self.units_view.setCurrentIndex(idx)  # shows it through currentRowChanged
        else:
            self.show_unit(code)

    def _on_unit_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            unit = self.units_proxy.index(current.row(), 0).data(RubricUnitsModel.RecordRole)
            self.show_unit(unit.code)

    def show_unit(self, code: str) -> None:
        """One unit's scores and standing on the rubric in force."""
        self.unit_code = code
        self.scores_message.hide()
        r = self.rubric
        store = self.session.store
        if r is None or not code:
            self.unit_title.setText("")
            self.unit_result.setText("")
            self.scores_model.set_scores(None, {}, False)
            return
        unit = store.unit(code)
        kec = store.unit(unit.parent_code).name if unit.parent_code else ""
        self.unit_title.setText(fill(self.tr("%1 · Kec. %2 · evaluasi %3"), unit.name, kec, str(self.eval_year)))
        self.scores_model.set_scores(r, store.rubric_scores(code, self.eval_year), not self.session.read_only)
        self.scores_view.resizeRowsToContents()
        self.unit_result.setText(self.result_text(store.rubric_result(code, self.eval_year)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scores_view.resizeRowsToContents()  # the indicators' names wrap within their column
        self.indicators_view.resizeRowsToContents()

    def result_text(self, res: RubricResult | None) -> str:
        r = self.rubric
        n = len(r.indicators) if r else 0
        if res is None:
            return fill(self.tr("Belum ada nilai. Kategori muncul setelah semua %1 indikator dinilai."), str(n))
        head = fill(self.tr("Jumlah %1 dari %2 · %3 dari %4 indikator dinilai"), fmt_number(res.total),
                    fmt_number(res.max_total), str(res.scored), str(res.indicators))
        if not res.complete:
            return head + " · " + self.tr("kategori muncul setelah semua indikator dinilai")
        if res.band_label:
            return head + " · " + fill(self.tr("Kategori: %1"), res.band_label)
        return head + " · " + self.tr("di bawah kategori terendah")

    # ------------------------------------------------------------------ writes

    def save_score(self, indicator_no: int, text: str, note: str) -> bool:
        """Store one verified score (typed the Indonesian way; empty clears it) with the jury's note.
        A refusal is said under the table and nothing changes."""
        from db.template import parse_number

        self.scores_message.hide()
        try:
            score = None if text.strip() == "" else float(parse_number(text, whole=False))
            changes = self.session.store.set_rubric_score(self.unit_code, self.eval_year, indicator_no, score,
                                                          note.strip())
        except KlaError as exc:
            if exc.code == "rubric_score_invalid":  # said with the number as it was typed, not 30.0
                exc = KlaError(exc.code, **{**exc.params, "value": text.strip()})
            self.scores_message.setText(kla_error_text(exc))
            self.scores_message.show()
            return False
        self.session.notify(changes, self)
        self._reload_unit()
        return True

    def _reload_unit(self) -> None:
        """After a score: its row in the list and the unit's standing, without losing the place."""
        code = self.unit_code
        store = self.session.store
        self.scores_model.update_scores(store.rubric_scores(code, self.eval_year))
        row = self.units_model.row_of(code)
        if row >= 0:
            unit, kec, _old = self.units_model.record(row)
            self.units_model.set_row(row, (unit, kec, store.rubric_result(code, self.eval_year)))
        self.unit_result.setText(self.result_text(store.rubric_result(code, self.eval_year)))

    def choose_and_install(self) -> bool:
        path = self.session.dialogs.open_file(self, self.tr("Pilih berkas rubrik"), self.tr("Rubrik (*.json)"),
                                              kind="template")
        return bool(path) and self.install_file(path)

    def install_file(self, path: str) -> bool:
        """Read, ask, put in force: refused with a sentence (the same refusals as ``kla rubric install``)."""
        from db.template import read_template_file

        title = self.tr("Pasang rubrik")
        self.message.hide()
        try:
            rubric = read_template_file(path)
            if not rubric.is_rubric:
                raise KlaError("rubric_not_rubric", id=rubric.id)
        except KlaError as exc:
            self._refused(exc)
            return False
        current = self.rubric
        bands = ", ".join(f"{b.label} {fmt_number(b.min_score)}–{fmt_number(b.max_score)}" for b in rubric.bands)
        text = fill(self.tr("Pasang %1 versi %2: %3 indikator, nilai paling tinggi %4; kategori %5?"), rubric.name,
                    str(rubric.version), str(len(rubric.indicators)), fmt_number(rubric.weight_total), bands)
        if current is not None and (current.id, current.version) != (rubric.id, rubric.version):
            text += " " + fill(self.tr("Rubrik ini menggantikan %1 versi %2 yang berlaku sekarang; nilai yang sudah "
                                       "diisi tetap tersimpan."), current.name, str(current.version))
        if not self.session.dialogs.confirm(self, title, text, self.tr("Pasang")):
            return False
        try:
            changes = self.session.store.install_rubric(rubric)
        except KlaError as exc:
            self._refused(exc)
            return False
        if not changes:
            self.session.dialogs.info(self, title, fill(self.tr("%1 versi %2 sudah berlaku. Tidak ada yang diubah."),
                                                        rubric.name, str(rubric.version)))
            return True
        self.session.notify(changes, self)
        self.refresh()
        self.session.dialogs.info(self, title, fill(self.tr("%1 versi %2 berlaku sekarang. Isi nilai tiap %3 di tab "
                                                            "“Nilai per %3”."), rubric.name, str(rubric.version),
                                                    units_word(self.session.store, False)))
        return True

    def _refused(self, exc: KlaError) -> None:
        text = kla_error_text(exc)
        self.message.setText(text)
        self.message.show()
        self.session.dialogs.error(self, self.tr("Pasang rubrik"), text)

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        if handler is self:
            return
        if changes.is_everything or changes.has("rubric") or changes.has("template") or changes.has("unit"):
            self.refresh()
