"""Map a workbook that is not our form (a Disdukcapil recap) once: which column is which.

The clerk picks the sheet, the row with the column headers, the column naming the kelurahan
and this kelurahan's row, the indicator, and for each column the cell it fills. The result is
an :class:`exports.xlsx_mapping.Mapping`; :mod:`ui.entry.xlsx_actions` saves it in the
workspace and reads the workbook through it (and next year's, found again by its headers).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.template import Template
from exports.xlsx_form import FormCell, sheet_title
from exports.xlsx_mapping import Mapping, SheetPreview, Target, guess_header_row, norm
from ui.entry.xlsx_words import cell_words
from ui.session import Session, translate_message
from ui.widgets.labels import WrapLabel


class XlsxMappingDialog(QDialog):
    """See the module docstring."""

    COL_HEADER, COL_SAMPLE, COL_TARGET = range(3)

    def __init__(self, session: Session, sheets: tuple[SheetPreview, ...], file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sheets = sheets
        self.template: Template = session.template
        self.setWindowTitle(self.tr("Petakan kolom buku kerja"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        intro = WrapLabel(self.tr("%1 bukan formulir KLA. Tunjukkan sekali kolom mana berisi apa. Pemetaan ini "
                               "disimpan dan dipakai lagi untuk berkas serupa (misalnya rekap tahun depan), "
                               "walaupun urutan kolom atau barisnya berubah.").replace("%1", file_name))
        layout.addWidget(intro)
        form = QFormLayout()
        self.sheet_combo = QComboBox()
        for s in sheets:
            self.sheet_combo.addItem(s.title)
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.key_combo = QComboBox()
        self.row_combo = QComboBox()
        self.indicator_combo = QComboBox()
        for ind in self.template.indicators:
            self.indicator_combo.addItem(sheet_title(ind), ind.no)
        self.name_edit = QLineEdit()
        form.addRow(self.tr("Lembar"), self.sheet_combo)
        form.addRow(self.tr("Baris judul kolom"), self.header_spin)
        form.addRow(self.tr("Kolom nama kelurahan"), self.key_combo)
        form.addRow(self.tr("Baris kelurahan ini"), self.row_combo)
        form.addRow(self.tr("Indikator yang diisi"), self.indicator_combo)
        form.addRow(self.tr("Nama pemetaan"), self.name_edit)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Judul kolom di berkas"), self.tr("Isi di baris itu"),
                                              self.tr("Diisikan ke")])
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(self.COL_HEADER, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(self.COL_SAMPLE, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(self.COL_TARGET, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.error = WrapLabel()
        self.error.setObjectName("errorText")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok_button = QPushButton(self.tr("Simpan pemetaan dan lanjutkan"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Batal"))
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_combo_changed)
        self.header_spin.valueChanged.connect(self._on_header_spin_changed)
        self.key_combo.currentIndexChanged.connect(self._on_key_combo_changed)
        self.row_combo.currentIndexChanged.connect(self._fill_samples)
        self.indicator_combo.currentIndexChanged.connect(self._fill_targets)
        self._on_sheet_combo_changed(0)

    # ------------------------------------------------------------------ the choices

    @property
    def sheet(self) -> SheetPreview:
        return self.sheets[max(0, self.sheet_combo.currentIndex())]

    def _header_row(self) -> tuple[str, ...]:
        rows = self.sheet.rows
        r = self.header_spin.value()
        return rows[r - 1] if 0 < r <= len(rows) else ()

    def _on_sheet_combo_changed(self, _i: int) -> None:
        rows = self.sheet.rows
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, len(rows)))
        self.header_spin.setValue(guess_header_row(rows))
        self.header_spin.blockSignals(False)
        if not self.name_edit.text():
            self.name_edit.setText(self.sheet.title)
        self._on_header_spin_changed(self.header_spin.value())

    def _on_header_spin_changed(self, _value: int) -> None:
        self.key_combo.blockSignals(True)
        self.key_combo.clear()
        for c, text in enumerate(self._header_row()):
            if text:
                self.key_combo.addItem(text, c)
        # The column naming the kelurahan: the one whose values include this kelurahan's name.
        own = norm(self.session.store.unit(self.session.kelurahan_code).name)
        for i in range(self.key_combo.count()):
            c = self.key_combo.itemData(i)
            if any(c < len(row) and own and own in norm(row[c]) for row in self.sheet.rows[self.header_spin.value():]):
                self.key_combo.setCurrentIndex(i)
                break
        self.key_combo.blockSignals(False)
        self._on_key_combo_changed(self.key_combo.currentIndex())

    def _on_key_combo_changed(self, _i: int) -> None:
        c = self.key_combo.currentData()
        self.row_combo.blockSignals(True)
        self.row_combo.clear()
        own = norm(self.session.store.unit(self.session.kelurahan_code).name)
        if c is not None:
            for r, row in enumerate(self.sheet.rows[self.header_spin.value():], start=self.header_spin.value() + 1):
                if c < len(row) and row[c]:
                    self.row_combo.addItem(row[c], r)
                    if own and own in norm(row[c]):
                        self.row_combo.setCurrentIndex(self.row_combo.count() - 1)
        self.row_combo.blockSignals(False)
        self._fill_targets()

    def _targets(self) -> list[tuple[str, Target]]:
        t = self.template
        ind = t.indicator(int(self.indicator_combo.currentData() or t.indicators[0].no))
        out = []
        for it in ind.items:
            if it.computed:
                continue
            for sex, age in t.cells(it):
                cell = FormCell("", "", ind.no, it.key, sex, age, None)
                out.append((cell_words(t, cell, translate_message), Target(ind.no, it.key, sex, age)))
        return out

    def _fill_targets(self) -> None:
        key = self.key_combo.currentData()
        headers = [(c, h) for c, h in enumerate(self._header_row()) if h and c != key]
        targets = self._targets()
        self.table.setRowCount(len(headers))
        for r, (c, header) in enumerate(headers):
            item = QTableWidgetItem(header)
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, self.COL_HEADER, item)
            combo = QComboBox()
            combo.addItem(self.tr("\u2014 tidak dipakai \u2014"), None)
            for words, target in targets:
                combo.addItem(words, target)
            self.table.setCellWidget(r, self.COL_TARGET, combo)
        self._fill_samples()

    def _fill_samples(self) -> None:
        r = self.row_combo.currentData()
        row = self.sheet.rows[r - 1] if isinstance(r, int) and 0 < r <= len(self.sheet.rows) else ()
        for i in range(self.table.rowCount()):
            c = self.table.item(i, self.COL_HEADER).data(Qt.ItemDataRole.UserRole)
            sample = QTableWidgetItem(row[c] if c < len(row) else "")
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(i, self.COL_SAMPLE, sample)

    # ------------------------------------------------------------------ for callers and tests

    def target_combo(self, header: str) -> QComboBox:
        """The "Diisikan ke" list of the column titled ``header``."""
        for i in range(self.table.rowCount()):
            if self.table.item(i, self.COL_HEADER).text() == header:
                w = self.table.cellWidget(i, self.COL_TARGET)
                assert isinstance(w, QComboBox)
                return w
        raise KeyError(header)

    def choose(self, header: str, target: Target) -> None:
        combo = self.target_combo(header)
        for i in range(combo.count()):
            if combo.itemData(i) == target:
                combo.setCurrentIndex(i)
                return
        raise KeyError(target)

    def mapping(self) -> Mapping:
        columns = {}
        for i in range(self.table.rowCount()):
            w = self.table.cellWidget(i, self.COL_TARGET)
            target = w.currentData() if isinstance(w, QComboBox) else None
            if isinstance(target, Target):
                columns[self.table.item(i, self.COL_HEADER).text()] = target
        return Mapping(self.name_edit.text().strip(), self.sheet.title, self.key_combo.currentText(),
                       self.row_combo.currentText(), columns)

    def _on_ok_button_clicked(self) -> None:
        m = self.mapping()
        if not m.name:
            self.error.setText(self.tr("Beri nama pemetaan ini, misalnya \u201cRekap Disdukcapil\u201d."))
        elif not m.key_header or not m.key_value:
            self.error.setText(self.tr("Pilih kolom nama kelurahan dan baris kelurahan ini."))
        elif not m.columns:
            self.error.setText(self.tr("Pilih paling sedikit satu kolom dan isian tujuannya."))
        elif len(set(m.columns.values())) != len(m.columns):
            self.error.setText(self.tr("Dua kolom diisikan ke isian yang sama. Pilih isian lain untuk salah satunya."))
        else:
            self.accept()
            return
        self.error.show()
