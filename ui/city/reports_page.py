"""The Laporan page of the DP3AKB window: city report (PDF), Excel for every kelurahan, evidence pack.

Same as the kelurahan's page (:class:`ui.reports.export_page.ExportPage`: background work
with progress and Batal, then Buka / Tampilkan di folder, page 1 of a PDF previewed),
with the city's three exports; the evidence pack is for the whole city or one kelurahan
chosen in the list next to its button. Files go to the workspace's ``laporan`` folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from exports.names import free_name
from ui.city.session import CitySession
from ui.reports.export_page import ExportPage, safe_name
from ui.reports.jobs import city_report_job, pack_job, xlsx_job
from ui.widgets.formatting import fill
from ui.widgets.tasks import Task
from ui.widgets.unit_words import kecamatan_word, unit_title, units_word


class CityReportsPage(ExportPage):
    """Print and export for every kelurahan of the city."""

    def __init__(self, session: CitySession, parent: QWidget | None = None,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(session, parent, open_url)
        # A kabupaten's report is the kabupaten's, of its desa/kelurahan; Papua's kecamatan are distrik.
        self.kabupaten = session.store.unit(session.store.city_code).kind == "kabupaten"
        units, kec = units_word(session.store, capital=False), kecamatan_word(session.store).lower()
        if self.kabupaten:
            print_text, print_tip = self.tr("Cetak laporan kabupaten…"), self.tr(
                "Pratinjau laporan kabupaten, lalu cetak ke printer yang dipilih")
            save_text, save_tip = self.tr("Simpan laporan kabupaten (PDF)"), self.tr(
                "Indikator 2, rekap per %1, %2 paling tertinggal, tempat tanda tangan, lalu lampiran: pengingat "
                "kiriman, angka kabupaten dan kelengkapan per klaster, sebagai PDF")
            xlsx_tip = self.tr("Ringkasan, semua nilai, angka kabupaten dan %1, indikator 2, data dukung, kegiatan "
                               "dan fasilitas semua %2 dalam satu berkas Excel")
        else:
            print_text, print_tip = self.tr("Cetak laporan kota…"), self.tr(
                "Pratinjau laporan kota, lalu cetak ke printer yang dipilih")
            save_text, save_tip = self.tr("Simpan laporan kota (PDF)"), self.tr(
                "Indikator 2, rekap per %1, %2 paling tertinggal, tempat tanda tangan, lalu lampiran: pengingat "
                "kiriman, angka kota dan kelengkapan per klaster, sebagai PDF")
            xlsx_tip = self.tr("Ringkasan, semua nilai, angka kota dan %1, indikator 2, data dukung, kegiatan dan "
                               "fasilitas semua %2 dalam satu berkas Excel")
        self.city_print_button = self.add_action(print_text, print_tip, lambda: self.print_city_report(print_after=True))
        self.city_button = self.add_action(save_text, fill(save_tip, kec, units), self.print_city_report)
        self.xlsx_button = self.add_action(self.tr("Ekspor ke Excel"), fill(xlsx_tip, kec, units), self.export_xlsx)

        pack_row = QHBoxLayout()
        self.pack_button = self.add_action(
            self.tr("Paket data dukung"),
            self.tr("Semua dokumen dan foto tahun data ini dalam satu berkas ZIP, per klaster dan indikator, "
                    "dengan daftar isi"),
            self.write_pack, row=pack_row)
        for_label = QLabel(self.tr("untuk"))
        pack_row.addWidget(for_label)
        self.pack_scope = QComboBox()
        self.pack_scope.setEditable(True)
        self.pack_scope.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pack_scope.setToolTip(self.tr("Seluruh kabupaten/kota, atau satu desa/kelurahan saja"))
        for_label.setBuddy(self.pack_scope)
        units = session.store.units("kelurahan")
        self.pack_scope.addItem(fill(self.tr("Seluruh %1 (%n %2)", "", len(units)), session.store.unit(
            session.store.city_code).kind, units_word(session.store, capital=False)), None)
        kec = {u.code: unit_title(u.code, u.name, short=True) for u in session.store.units("kecamatan")}
        for u in sorted(units, key=lambda u: u.name):
            self.pack_scope.addItem(fill(self.tr("%1 — %2"), unit_title(u.code, u.name),
                                         kec.get(u.parent_code or "", "")), u.code)
        self.pack_scope.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.pack_scope.completer().setCompletionMode(self.pack_scope.completer().CompletionMode.PopupCompletion)
        self.pack_scope.setMinimumContentsLength(32)
        pack_row.addWidget(self.pack_scope)
        pack_row.addStretch(1)
        self.extra.addLayout(pack_row)
        self.action_buttons.append(self.pack_scope)  # disabled while busy, like the buttons
        self.add_forms_row()
        self.refresh()

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        self.intro.setText(self.tr(
            "Laporan kemajuan %1 untuk tahun data %2 dari semua kelurahan: yang sudah diisi di kelurahan dan "
            "diterima lewat Kotak Masuk. Pilih tahun data lain di bagian atas jendela.")
            .replace("%1", self.session.city_name).replace("%2", str(self.session.year)))
        super().refresh()

    def _pack_scope_index(self) -> int:
        """The list entry the pack is for, or -1 when the typed text matches none."""
        i = self.pack_scope.currentIndex()
        text = self.pack_scope.currentText().strip()
        if text != self.pack_scope.itemText(i):
            # Typed text that is not an entry: take the first that contains it. Nothing found is
            # not "the whole city": a typo would otherwise give 34 kelurahan under the city's name.
            i = self.pack_scope.findText(text, Qt.MatchFlag.MatchContains) if text else -1
        return i

    def pack_kelurahan(self) -> str | None:
        """The kelurahan code chosen for the pack, or None for the whole city (or no match)."""
        i = self._pack_scope_index()
        return self.pack_scope.itemData(i) if i >= 0 else None

    # ------------------------------------------------------------------ running

    def _dest(self, stem: str, suffix: str, place: str | None = None) -> Path:
        name = safe_name(place or self.session.city_name)
        return free_name(self.out_dir / f"{stem} {name} {self.session.year}{suffix}")

    def print_city_report(self, print_after: bool = False) -> Task:
        s = self.session
        stem = "Laporan kabupaten KLA" if self.kabupaten else "Laporan kota KLA"
        job = city_report_job(s.home, s.store.operator, s.year, self._dest(stem, ".pdf"),
                              QCoreApplication.applicationVersion())
        return self.run_export(job, self.tr("Menyusun laporan kabupaten…") if self.kabupaten
                               else self.tr("Menyusun laporan kota…"), print_after)

    def export_xlsx(self) -> Task:
        s = self.session
        job = xlsx_job(s.home, s.store.operator, s.year, self._dest("Data KLA", ".xlsx"))
        return self.run_export(job, self.tr("Menulis berkas Excel…"))

    def write_pack(self) -> Task | None:
        """The pack for what the list shows: the whole city or one kelurahan; None if it names neither."""
        s = self.session
        if self._pack_scope_index() < 0:
            s.dialogs.error(self, self.tr("Paket data dukung"), self.tr(
                "Tidak ada kelurahan bernama “%1”. Pilih dari daftar: klik panah di ujung kanan kotak itu, lalu "
                "pilih satu kelurahan atau “Seluruh kota”.").replace("%1", self.pack_scope.currentText().strip()))
            return None
        code = self.pack_kelurahan()
        place = unit_title(code, s.store.unit(code).name) if code else None
        job = pack_job(s.home, s.store.operator, s.year, self._dest("Paket data dukung KLA", ".zip", place), code)
        return self.run_export(job, self.tr("Menyusun paket data dukung…"))
