"""The Laporan page of the kelurahan window: print the progress sheet, export to Excel.

Both run in the background (progress bar and Batal); when done the clerk can open the
file or show it in its folder, and page 1 of the sheet is previewed with QtPdf.
Files go to the workspace's ``laporan`` folder unless the clerk picks another one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from ui.reports.jobs import sheet_job, xlsx_job
from ui.session import Change, Session, kla_error_text
from ui.widgets.tasks import ProgressWidget, Task


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", text).strip()


def render_first_page(path: Path, width: int) -> QPixmap | None:
    """Page 1 of a PDF as a pixmap ``width`` pixels wide, or None when QtPdf is unavailable."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    doc = QPdfDocument()
    try:
        if doc.load(str(path)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
            return None
        size = doc.pagePointSize(0)
        height = round(width * size.height() / size.width()) if size.width() else round(width * 1.414)
        image = doc.render(0, QSize(width, height))
        return None if image.isNull() else QPixmap.fromImage(image)
    finally:
        doc.close()


class ReportsPage(QWidget):
    """Print and export for the open kelurahan."""

    export_finished = Signal(str)
    """A report file was written; the argument is its path."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.session = session
        self.open_url = open_url
        self.out_dir: Path = session.home / "laporan"
        self.last_path: Path | None = None
        self.task: Task | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        title = QLabel(self.tr("Laporan"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        buttons = QHBoxLayout()
        self.sheet_button = QPushButton(self.tr("Cetak lembar kemajuan (PDF)"))
        self.sheet_button.setToolTip(self.tr("Kelengkapan per klaster dan indikator, yang masih kurang, kegiatan, "
                                             "fasilitas dan perkiraan nilai tidak resmi, siap dicetak"))
        self.xlsx_button = QPushButton(self.tr("Ekspor ke Excel"))
        self.xlsx_button.setToolTip(self.tr("Ringkasan, semua nilai, data dukung, kegiatan dan fasilitas dalam "
                                            "satu berkas Excel"))
        self.folder_button = QPushButton(self.tr("Ganti folder…"))
        self.folder_button.setToolTip(self.tr("Pilih folder tempat laporan disimpan"))
        for b in (self.sheet_button, self.xlsx_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        layout.addLayout(buttons)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)

        self.progress = ProgressWidget()
        layout.addWidget(self.progress)

        self.result_frame = QFrame()
        result = QHBoxLayout(self.result_frame)
        result.setContentsMargins(0, 0, 0, 0)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Buka"))
        self.show_button = QPushButton(self.tr("Tampilkan di folder"))
        result.addWidget(self.result_label, 1)
        result.addWidget(self.open_button)
        result.addWidget(self.show_button)
        self.result_frame.hide()
        layout.addWidget(self.result_frame)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName(self.tr("Pratinjau halaman 1"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.preview)
        layout.addWidget(scroll, 1)

        self.sheet_button.clicked.connect(self._on_sheet_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.show_button.clicked.connect(self._on_show_button_clicked)
        session.data_changed.connect(self._on_session_data_changed)
        # Older Dialogs without a folder picker: keep the default folder.
        self.folder_button.setVisible(hasattr(session.dialogs, "choose_folder"))
        self.refresh()

    # ------------------------------------------------------------------ state

    def _kelurahan_name(self) -> str:
        return self.session.store.kelurahan(self.session.kelurahan_code).name

    def refresh(self) -> None:
        year = self.session.year
        self.intro.setText(self.tr(
            "Lembar kemajuan Kelurahan %1 untuk tahun data %2: kelengkapan per klaster dan indikator, yang masih "
            "kurang, data dukung yang terlalu lama, kegiatan, fasilitas dan perkiraan nilai (tidak resmi). "
            "Pilih tahun data lain di bagian atas jendela.").replace("%1", self._kelurahan_name())
            .replace("%2", str(year)))
        self.folder_label.setText(self.tr("Disimpan di folder: %1").replace("%1", str(self.out_dir)))

    def _on_session_data_changed(self, change: Change) -> None:
        if change.what in ("year", "all", "settings"):
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        for b in (self.sheet_button, self.xlsx_button, self.folder_button):
            b.setEnabled(not busy)

    # ------------------------------------------------------------------ running

    def _dest(self, kind: str) -> Path:
        name = _safe_name(self._kelurahan_name())
        year = self.session.year
        if kind == "pdf":
            return self.out_dir / f"Lembar kemajuan KLA {name} {year}.pdf"
        return self.out_dir / f"Data KLA {name} {year}.xlsx"

    def print_sheet(self) -> Task:
        dest = self._dest("pdf")
        job = sheet_job(self.session.home, self.session.store.operator, self.session.year, dest,
                        QCoreApplication.applicationVersion())
        return self._run(job, self.tr("Menyusun lembar kemajuan…"), dest)

    def export_xlsx(self) -> Task:
        dest = self._dest("xlsx")
        job = xlsx_job(self.session.home, self.session.store.operator, self.session.year, dest)
        return self._run(job, self.tr("Menulis berkas Excel…"), dest)

    def _run(self, job: Callable[..., Path], title: str, dest: Path) -> Task:
        task = Task(job, title, self)
        task.finished.connect(self._on_task_finished)
        task.failed.connect(self._on_task_failed)
        task.ended.connect(self._on_task_ended)
        self.progress.watch(task)
        self.task = task
        self._set_busy(True)
        self.result_frame.hide()
        task.start()
        return task

    def _on_task_finished(self, path: object) -> None:
        path = Path(str(path))
        self.last_path = path
        self.result_label.setText(self.tr("Tersimpan: %1").replace("%1", str(path)))
        self.result_frame.show()
        if path.suffix.lower() == ".pdf":
            pixmap = render_first_page(path, 560)
            if pixmap is not None:
                self.preview.setPixmap(pixmap)
        self.export_finished.emit(str(path))

    def _on_task_failed(self, exc: object) -> None:
        self.last_path = None
        if isinstance(exc, KlaError) and exc.code == "cancelled":
            self.result_label.setText(self.tr("Dibatalkan. Tidak ada berkas yang ditulis."))
            self.result_frame.show()
            self.open_button.hide()
            self.show_button.hide()
            return
        text = kla_error_text(exc) if isinstance(exc, KlaError) else self.tr(
            "Laporan tidak bisa dibuat karena kesalahan di dalam program (%1). Tidak ada berkas yang ditulis.")\
            .replace("%1", str(exc))
        self.session.dialogs.error(self, self.tr("Laporan"), text)

    def _on_task_ended(self) -> None:
        self.task = None
        self._set_busy(False)
        self.open_button.setVisible(self.last_path is not None)
        self.show_button.setVisible(self.last_path is not None)

    # ------------------------------------------------------------------ buttons

    def _on_sheet_button_clicked(self) -> None:
        self.print_sheet()

    def _on_xlsx_button_clicked(self) -> None:
        self.export_xlsx()

    def _on_folder_button_clicked(self) -> None:
        folder = self.session.dialogs.choose_folder(self, self.tr("Folder untuk laporan"), str(self.out_dir))
        if folder:
            self.out_dir = Path(folder)
            self.refresh()

    def _on_open_button_clicked(self) -> None:
        if self.last_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_path)))

    def _on_show_button_clicked(self) -> None:
        if self.last_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_path.parent)))
