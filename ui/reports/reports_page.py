"""The Laporan page of the kelurahan window: print the progress sheet, export to Excel.

Both run in the background (progress bar and Batal); when done the clerk can open the
file or show it in its folder, and page 1 of the sheet is previewed with QtPdf.
Files go to the workspace's ``laporan`` folder unless the clerk picks another one.
The running, result and preview parts are shared with DP3AKB's page
(:class:`ui.reports.export_page.ExportPage`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from exports.names import free_name
from ui.reports.export_page import ExportPage, safe_name
from ui.reports.jobs import sheet_job, xlsx_job
from ui.session import Session
from ui.widgets.tasks import Task
from ui.widgets.unit_words import unit_title


class ReportsPage(ExportPage):
    """Print and export for the open kelurahan."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(session, parent, open_url)
        self.sheet_print_button = self.add_action(
            self.tr("Cetak lembar kemajuan…"),
            self.tr("Pratinjau lembar kemajuan, lalu cetak ke printer yang dipilih"),
            lambda: self.print_sheet(print_after=True))
        self.sheet_button = self.add_action(
            self.tr("Simpan lembar kemajuan (PDF)"),
            self.tr("Kelengkapan dan kesiapan per klaster, data yang diisi, yang masih kurang, kegiatan, "
                    "fasilitas dan tempat tanda tangan %1, sebagai PDF").replace("%1", self._head()),
            self.print_sheet)
        self.xlsx_button = self.add_action(
            self.tr("Ekspor ke Excel"),
            self.tr("Ringkasan, semua nilai, data dukung, kegiatan dan fasilitas dalam satu berkas Excel"),
            self.export_xlsx)
        self.add_forms_row()
        self.refresh()

    # ------------------------------------------------------------------ state

    def _kelurahan_name(self) -> str:
        return self.session.store.kelurahan(self.session.kelurahan_code).name

    def _head(self) -> str:
        """Who signs the sheet: "Kepala Desa" in a desa, "Lurah" in a kelurahan (as the PDF says)."""
        desa = self.session.store.kelurahan(self.session.kelurahan_code).kind == "desa"
        return self.tr("Kepala Desa") if desa else self.tr("Lurah")

    def refresh(self) -> None:
        year = self.session.year
        self.intro.setText(self.tr(
            "Lembar kemajuan %1 untuk tahun data %2: kelengkapan dan kesiapan per klaster, data yang "
            "sudah diisi, yang masih kurang, data dukung yang terlalu lama, kegiatan, fasilitas dan tempat tanda "
            "tangan %3. Pilih tahun data lain di bagian atas jendela.")
            .replace("%1", unit_title(self.session.kelurahan_code, self._kelurahan_name()))
            .replace("%2", str(year)).replace("%3", self._head()))
        super().refresh()

    # ------------------------------------------------------------------ running

    def _dest(self, kind: str) -> Path:
        name = safe_name(self._kelurahan_name())
        year = self.session.year
        if kind == "pdf":
            return free_name(self.out_dir / f"Lembar kemajuan KLA {name} {year}.pdf")
        return free_name(self.out_dir / f"Data KLA {name} {year}.xlsx")

    def print_sheet(self, print_after: bool = False) -> Task:
        """Write the progress sheet (PDF); with ``print_after`` preview it for printing when written."""
        dest = self._dest("pdf")
        job = sheet_job(self.session.home, self.session.store.operator, self.session.year, dest,
                        QCoreApplication.applicationVersion())
        return self.run_export(job, self.tr("Menyusun lembar kemajuan…"), print_after)

    def export_xlsx(self) -> Task:
        dest = self._dest("xlsx")
        job = xlsx_job(self.session.home, self.session.store.operator, self.session.year, dest)
        return self.run_export(job, self.tr("Menulis berkas Excel…"))
