"""KELANA (Kecamatan Layak Anak): DP3AKB records each kecamatan's status for a data year, the SK
that set it and the SK's file. It counts in Kelembagaan indicator 2 ("% KELANA")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from ui.city.session import CitySession
from ui.session import kla_error_text
from ui.widgets.formatting import fmt_date
from ui.widgets.labels import WrapLabel
from ui.widgets.unit_words import kecamatan_word, unit_title


class KelanaDialog(QDialog):
    """See the module docstring. Changes are saved with "Simpan" for the selected kecamatan."""

    saved = Signal(object)
    """A KELANA record was saved; the argument is the store's Changes."""

    def __init__(self, session: CitySession, data_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data_year = data_year
        self.setWindowTitle(self.tr("KELANA · tahun data %1").replace("%1", str(data_year)))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = WrapLabel(self.tr(
            "Catat status Kecamatan Layak Anak (KELANA) setiap kecamatan untuk tahun data %1, beserta SK "
            "penetapannya. Persentase KELANA dihitung dari catatan ini pada Ringkasan Kota, laporan kota dan "
            "Excel.").replace("%1", str(data_year)))
        intro.setObjectName("helpText")
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([kecamatan_word(session.store), self.tr("Status"), self.tr("Nomor SK"),
                                              self.tr("Tanggal SK"), self.tr("Berkas SK")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.status = QComboBox()
        for key, words in self.status_words().items():
            self.status.addItem(words, key)
        self.sk_number = QLineEdit()
        self.sk_number.setPlaceholderText(self.tr("mis. 188.45/123/2026"))
        self.sk_date = QLineEdit()
        self.sk_date.setPlaceholderText(self.tr("mis. 17-08-2026"))
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Nomor SK"), self.sk_number)
        form.addRow(self.tr("Tanggal SK"), self.sk_date)
        files_row = QHBoxLayout()
        self.files = QListWidget()
        self.files.setMaximumHeight(70)
        self.add_file = QPushButton(self.tr("Lampirkan SK…"))
        self.remove_file = QPushButton(self.tr("Hapus berkas"))
        files_row.addWidget(self.files, 1)
        col = QVBoxLayout()
        col.addWidget(self.add_file)
        col.addWidget(self.remove_file)
        files_row.addLayout(col)
        form.addRow(self.tr("Berkas SK"), files_row)
        layout.addLayout(form)
        self.message = WrapLabel()
        # Its line kept when empty: the form moved ~14 px at each row change, under the pointer.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        for w in (self.save_button, self.add_file, self.remove_file, self.status, self.sk_number, self.sk_date):
            w.setEnabled(not session.read_only)
        self.save_button.clicked.connect(self.save)
        self.add_file.clicked.connect(self._on_add_file_clicked)
        self.remove_file.clicked.connect(self._on_remove_file_clicked)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        # Enter in the SK fields stores them; it opened "Lampirkan SK…" (the first button of the dialog).
        for b in (self.add_file, self.remove_file):
            b.setAutoDefault(False)
        self.save_button.setDefault(True)
        self._shown_code: str | None = None
        self.reload()
        self.table.selectRow(0)

    def _on_table_current_cell_changed(self, row: int, _col: int, previous: int, _pcol: int) -> None:
        if row == previous:
            return
        # What was typed for the kecamatan shown is stored before another is shown (it went).
        if self._typed_differs() and not self.save():
            self.table.blockSignals(True)
            self.table.setCurrentCell(previous, 0)
            self.table.blockSignals(False)
            return
        self._show(self.table.currentRow())

    def _typed_differs(self) -> bool:
        """Whether the form holds something other than what is stored for the kecamatan it shows."""
        if self._shown_code is None or self.session.read_only:
            return False
        r = self.records.get(self._shown_code)
        stored = (r.status if r else "belum", r.sk_number if r else "",
                  fmt_date(r.sk_date) if r and r.sk_date else "")
        return (self.status.currentData(), self.sk_number.text().strip(), self.sk_date.text().strip()) != stored

    def reject(self) -> None:
        # Tutup, Escape and the close button cancel: nothing is stored unasked (Escape stored the form). A
        # change is asked about: Enter stores it (refused, it stays with its reason), "Buang perubahan" lets it
        # go, Escape goes back to it.
        if self._typed_differs():
            kec = next((k for k in self.kecamatan if k.code == self._shown_code), None)
            where = unit_title(kec.code, kec.name) if kec is not None else ""
            answer = self.session.dialogs.choose(
                self, self.tr("Perubahan belum disimpan"),
                self.tr("Perubahan KELANA untuk %1 belum disimpan. Simpan, buang perubahannya, atau kembali ke "
                        "isian?").replace("%1", where),
                [self.tr("Simpan"), self.tr("Buang perubahan")], default=0)
            if answer == -1 or (answer == 0 and not self.save()):
                return
        super().reject()

    def status_words(self) -> dict[str, str]:
        return {"belum": self.tr("Belum dirintis"), "inisiasi": self.tr("Rintisan/inisiasi"),
                "kelana": self.tr("Sudah KELANA")}

    def reload(self) -> None:
        store = self.session.store
        self.kecamatan = store.units("kecamatan")
        self.records = {r.kecamatan_code: r for r in store.kelana([self.data_year])}
        row = max(0, self.table.currentRow())
        self.table.setRowCount(len(self.kecamatan))
        words = self.status_words()
        for i, k in enumerate(self.kecamatan):
            r = self.records.get(k.code)
            cells = [k.name, words.get(r.status, r.status) if r else self.tr("belum dicatat"),
                     r.sk_number if r else "", fmt_date(r.sk_date) if r and r.sk_date else "",
                     ", ".join(f.original_name for f in r.files) if r else ""]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if self.kecamatan:
            self.table.setCurrentCell(min(row, len(self.kecamatan) - 1), 0)
            self._show(self.table.currentRow())

    def current_code(self) -> str | None:
        row = self.table.currentRow()
        return self.kecamatan[row].code if 0 <= row < len(self.kecamatan) else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.kecamatan):
            return
        self._shown_code = self.kecamatan[row].code
        r = self.records.get(self.kecamatan[row].code)
        self.status.setCurrentIndex(max(0, self.status.findData(r.status if r else "belum")))
        self.sk_number.setText(r.sk_number if r else "")
        self.sk_date.setText(fmt_date(r.sk_date) if r and r.sk_date else "")
        self.files.clear()
        for f in (r.files if r else ()):
            item = QListWidgetItem(f.original_name)
            item.setData(Qt.ItemDataRole.UserRole, f.sha256)
            self.files.addItem(item)
        self.message.clear()

    def save(self) -> bool:
        """Store the form for the kecamatan it shows."""
        code = self._shown_code or self.current_code()
        if code is None:
            return False
        try:
            changes = self.session.store.set_kelana(code, self.data_year, status=self.status.currentData(),
                                                    sk_number=self.sk_number.text(), sk_date=self.sk_date.text())
        except KlaError as exc:
            self.message.setText(kla_error_text(exc))
            return False
        self.reload()
        self.message.setText(self.tr("Tersimpan."))
        self.saved.emit(changes)
        return True

    def attach(self, path: Path) -> bool:
        code = self.current_code()
        if code is None:
            return False
        try:
            if code not in self.records:
                self.save()
            changes = self.session.store.add_kelana_file(code, self.data_year, path)
        except KlaError as exc:
            self.message.setText(kla_error_text(exc))
            return False
        self.reload()
        self.saved.emit(changes)
        return True

    def _on_add_file_clicked(self) -> None:
        path = self.session.dialogs.open_file(self, self.tr("Pilih berkas SK KELANA"),
                                              self.tr("Dokumen (*.pdf *.jpg *.jpeg *.png);;Semua berkas (*)"),
                                              kind="evidence")
        if path:
            self.attach(Path(path))

    def _on_remove_file_clicked(self) -> None:
        code, item = self.current_code(), self.files.currentItem()
        if code is None or item is None:
            return
        changes = self.session.store.remove_kelana_file(code, self.data_year, item.data(Qt.ItemDataRole.UserRole))
        self.reload()
        self.saved.emit(changes)
