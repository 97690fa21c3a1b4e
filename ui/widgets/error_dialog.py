"""The dialog shown when the program meets an error it did not expect (a bug of ours).

Plain words first: what happened, that the data is safe, what to do now, where the report
was saved; the technical details (the traceback) are folded away behind "Rincian" for the
support person, with a "Salin rincian" button to paste them into a message.

``desktop.crash`` installs the ``sys.excepthook`` that calls :func:`show_error_report`.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.labels import WrapLabel
from ui.widgets.style import scope_window


def error_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()


class ErrorReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, details: str, report_path: Path | None) -> None:
        super().__init__(parent)
        self.details = details
        self.report_path = report_path
        self.setWindowTitle(self.tr("KLA Desktop – Terjadi kesalahan"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)

        self.message = WrapLabel(self._message_text())
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        self.details_box = QPlainTextEdit(details)
        self.details_box.setReadOnly(True)
        self.details_box.setMinimumHeight(160)
        self.details_box.setVisible(False)
        layout.addWidget(self.details_box)

        buttons = QDialogButtonBox()
        self.show_details_button = QPushButton(self.tr("Rincian"))
        self.show_details_button.setCheckable(True)
        self.show_details_button.toggled.connect(self.details_box.setVisible)
        self.copy_button = QPushButton(self.tr("Salin rincian"))
        self.copy_button.setToolTip(self.tr("Salin rincian kesalahan untuk ditempel di pesan ke tim pendukung"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.show_details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button: QPushButton | None = None
        if report_path is not None:
            self.folder_button = QPushButton(self.tr("Buka folder laporan"))
            self.folder_button.clicked.connect(self.open_report_folder)
            buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _message_text(self) -> str:
        text = self.tr(
            "Terjadi kesalahan di dalam program. Data Anda aman: semua yang sudah tersimpan tetap ada; "
            "hanya langkah terakhir yang sedang berjalan mungkin tidak selesai.\n\n"
            "Yang perlu dilakukan: periksa apakah perubahan terakhir Anda sudah tampil. Jika kesalahan "
            "muncul lagi, tutup program lalu buka kembali, dan kirim laporan kesalahan ke DP3AKB atau "
            "tim pendukung.")
        if self.report_path is not None:
            text += "\n\n" + self.tr("Laporan kesalahan disimpan di:\n%1").replace("%1", str(self.report_path))
        else:
            text += "\n\n" + self.tr("Laporan kesalahan tidak bisa disimpan. Tekan \"Salin rincian\" dan "
                                     "tempel rinciannya di pesan ke tim pendukung.")
        return text

    def copy_details(self) -> None:
        text = self.details
        if self.report_path is not None:
            text = f"{self.report_path}\n\n{text}"
        QGuiApplication.clipboard().setText(text)
        self.copy_button.setText(self.tr("Rincian tersalin"))

    def open_report_folder(self) -> None:
        if self.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_path.parent)))


def show_error_report(parent: QWidget | None, exc_type: type[BaseException], exc: BaseException,
                      tb: TracebackType | None, report_path: Path | None, *, modal: bool = True
                      ) -> ErrorReportDialog:
    """Show the plain error dialog for one exception; ``modal=False`` returns at once (tests)."""
    dlg = ErrorReportDialog(parent, error_details(exc_type, exc, tb), report_path)
    scope_window(dlg)  # its share of the style sheet now: without a parent no watched container sees it
    if modal:
        dlg.exec()
    else:
        dlg.show()
    return dlg
