"""What every report page shares: run an export in the background, then open or show the file.

:class:`ExportPage` lays out a title, an intro, a row for the page's own buttons, the
output folder (with "Ganti folder…"), a progress bar with Batal, the result line with
Cetak… (preview, then the printer the officer chooses: :mod:`ui.reports.printing`) / Buka /
Tampilkan di folder, and a preview of page 1 of a PDF. Subclasses add their
buttons to :attr:`ExportPage.buttons` and call :meth:`ExportPage.run_export` with a plain
job from :mod:`ui.reports.jobs`. Used by the kelurahan's Laporan page and by DP3AKB's.

The session is duck-typed: ``home``, ``year``, ``dialogs``, ``year_changed`` and
``store.operator`` are all it needs (both :class:`ui.session.Session` and
:class:`ui.city.session.CitySession` have them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
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
from ui.operations import Failure, run_in_background
from ui.widgets.labels import WrapLabel
from ui.widgets.tasks import ProgressWidget, Task


def safe_name(text: str) -> str:
    """``text`` without the characters Windows refuses in a file name."""
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


class ExportPage(QWidget):
    """Base of the report pages; see the module docstring."""

    export_finished = Signal(str)
    """A report file was written; the argument is its path."""

    def __init__(self, session: Any, parent: QWidget | None = None,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.session = session
        self.open_url = open_url
        # The folder chosen last time with "Ganti folder…" (kept per computer), else the workspace's own.
        settings = getattr(session.dialogs, "settings", None)
        last = settings.last_folder("report") if settings is not None else ""
        self.out_dir: Path = Path(last) if last and Path(last).is_dir() else session.home / "laporan"
        self.last_path: Path | None = None
        self.task: Task | None = None
        self.action_buttons: list[QWidget] = []
        """Disabled while an export runs."""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = QLabel(self.tr("Laporan"))
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.intro = WrapLabel()
        layout.addWidget(self.intro)

        self.buttons = QHBoxLayout()
        """The page's own buttons go here (``add_action``); "Ganti folder…" sits at the right end."""
        self.folder_button = QPushButton(self.tr("Ganti folder…"))
        self.folder_button.setToolTip(self.tr("Pilih folder tempat laporan disimpan"))
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.folder_button)
        layout.addLayout(self.buttons)
        self.extra = QVBoxLayout()
        """Optional rows under the buttons (DP3AKB: which kelurahan the evidence pack holds)."""
        layout.addLayout(self.extra)
        self.folder_label = WrapLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)

        self.progress = ProgressWidget()
        layout.addWidget(self.progress)

        self.result_frame = QFrame()
        result = QHBoxLayout(self.result_frame)
        result.setContentsMargins(0, 0, 0, 0)
        self.result_label = WrapLabel()
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.print_button.setToolTip(self.tr("Pratinjau, lalu cetak ke printer yang dipilih"))
        self.open_button = QPushButton(self.tr("Buka"))
        self.show_button = QPushButton(self.tr("Tampilkan di folder"))
        result.addWidget(self.result_label, 1)
        result.addWidget(self.print_button)
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

        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.show_button.clicked.connect(self._on_show_button_clicked)
        # The intro names the data year; nothing else on the page follows the data.
        session.year_changed.connect(lambda _year: self.refresh())
        # Older Dialogs without a folder picker: keep the default folder.
        self.folder_button.setVisible(hasattr(session.dialogs, "choose_folder"))

    def add_action(self, text: str, tooltip: str, slot: Callable[[], object],
                   row: QHBoxLayout | None = None) -> QPushButton:
        """A button in the button row (before the stretch) or at the end of ``row``; disabled while busy."""
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        if row is None:
            self.buttons.insertWidget(self.buttons.count() - 2, button)  # before the stretch and "Ganti folder…"
        else:
            row.addWidget(button)
        self.action_buttons.append(button)
        return button

    def add_forms_row(self) -> None:
        """Blank printable forms (the empty sex x age grid with the guidance) for one indicator or all."""
        from PySide6.QtWidgets import QComboBox, QLabel

        row = QHBoxLayout()
        self.forms_button = self.add_action(
            self.tr("Formulir kosong…"),
            self.tr("Formulir isian kosong untuk mengumpulkan data di posyandu, RT/RW atau sekolah: tabel jenis "
                    "kelamin × umur yang masih kosong dan petunjuknya; dipratinjau lalu dicetak"),
            self.print_forms, row=row)
        for_label = QLabel(self.tr("untuk"))
        row.addWidget(for_label)
        self.forms_scope = QComboBox()
        self.forms_scope.addItem(self.tr("Semua indikator"), None)
        for ind in self.session.store.template.indicators:
            text = f"{ind.no}. {ind.short_name}"
            if ind.wording_status != "confirmed":
                text += " " + self.tr("(rumusan sementara)")
            self.forms_scope.addItem(text, ind.no)
        for_label.setBuddy(self.forms_scope)
        row.addWidget(self.forms_scope)
        row.addStretch(1)
        self.extra.addLayout(row)
        self.action_buttons.append(self.forms_scope)

    def print_forms(self, print_after: bool = True) -> Task:
        from PySide6.QtCore import QCoreApplication

        from ui.reports.jobs import forms_job

        no = self.forms_scope.currentData()
        name = self.tr("Formulir kosong KLA") + (f" indikator {no}" if no else "")
        dest = self.out_dir / f"{name}.pdf"
        job = forms_job(self.session.home, [int(no)] if no else None, dest, self.session.year,
                        QCoreApplication.applicationVersion())
        return self.run_export(job, self.tr("Menyusun formulir kosong…"), print_after)

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        """Subclasses set the intro; the folder line is common."""
        self.folder_label.setText(self.tr("Disimpan di folder: %1").replace("%1", str(self.out_dir)))

    _focus_back: QWidget | None = None  # the button that had the keyboard when its job began

    def _set_busy(self, busy: bool) -> None:
        """Grey the buttons out while a file is written. The keyboard stays on this page (Qt gives a greyed
        button's focus to the next widget: "Periode evaluasi" at the top, whose next arrow key switched
        the whole window to another data year) and goes back to the button when the job has ended."""
        buttons = (*self.action_buttons, self.folder_button)
        if busy:
            had = next((b for b in buttons if b.hasFocus()), None)
            if had is not None:
                self._focus_back = had
                self.setFocus(Qt.FocusReason.OtherFocusReason)  # the page: keys typed now change nothing
        for b in buttons:
            b.setEnabled(not busy)
        if not busy and self._focus_back is not None:
            back, self._focus_back = self._focus_back, None
            if self.hasFocus() and back.isVisible():
                back.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ running

    def run_export(self, job: Callable[..., object], title: str, print_after: bool = False) -> Task:
        """Run ``job`` (progress, cancelled) -> Path, or an object with a ``path``, in the background;
        with ``print_after`` the PDF is previewed for printing once written."""
        self._print_after = print_after
        self._set_busy(True)
        self.result_frame.hide()
        self.task = run_in_background(self, job, title=title, on_done=self._on_task_finished,
                                      on_failed=self._on_task_failed, on_ended=self._on_task_ended,
                                      progress_widget=self.progress)
        return self.task

    def _on_task_finished(self, result: object) -> None:
        path = Path(str(getattr(result, "path", result)))
        self.last_path = path
        self.result_label.setText(self.tr("Tersimpan: %1").replace("%1", str(path)))
        self.result_frame.show()
        if path.suffix.lower() == ".pdf":
            pixmap = render_first_page(path, 560)
            if pixmap is not None:
                self.preview.setPixmap(pixmap)
        else:
            self.preview.clear()  # an older PDF's page would pass for this file's preview
        self.export_finished.emit(str(path))
        if getattr(self, "_print_after", False) and path.suffix.lower() == ".pdf":
            self._print_after = False
            # After the task has ended (buttons enabled again), not inside its finished signal.
            QTimer.singleShot(0, self.print_last)

    def print_last(self) -> bool:
        """Preview and print the last PDF written (or be told there is no printer and offered Save)."""
        from ui.reports.printing import print_pdf

        if self.last_path is None or self.last_path.suffix.lower() != ".pdf":
            return False
        return print_pdf(self, self.session.dialogs, self.last_path)

    def _on_task_failed(self, failure: Failure) -> None:
        self.last_path = None
        exc = failure.error
        if failure.cancelled:
            self.result_label.setText(self.tr("Dibatalkan. Tidak ada berkas yang ditulis."))
            self.result_frame.show()
            self.open_button.hide()
            self.show_button.hide()
            self.print_button.hide()
            return
        # A defect (its traceback is in the log) says what it means for the report: nothing was written.
        text = failure.text if isinstance(exc, KlaError) else self.tr(
            "Laporan tidak bisa dibuat karena kesalahan di dalam program (%1). Tidak ada berkas yang ditulis.")\
            .replace("%1", str(exc))
        self.session.dialogs.error(self, self.tr("Laporan"), text)

    def _on_task_ended(self) -> None:
        self.task = None
        self._set_busy(False)
        self.open_button.setVisible(self.last_path is not None)
        self.show_button.setVisible(self.last_path is not None)
        self.print_button.setVisible(self.last_path is not None and self.last_path.suffix.lower() == ".pdf")

    # ------------------------------------------------------------------ buttons

    def _on_folder_button_clicked(self) -> None:
        folder = self.session.dialogs.choose_folder(self, self.tr("Folder untuk laporan"), str(self.out_dir),
                                                    kind="report")
        if folder:
            self.out_dir = Path(folder)
            self.refresh()

    def _on_print_button_clicked(self) -> None:
        self.print_last()

    def _on_open_button_clicked(self) -> None:
        from ui.reports.printing import open_file

        if self.last_path is not None:
            open_file(self, self.session.dialogs, self.last_path, self.open_url)

    def _on_show_button_clicked(self) -> None:
        if self.last_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_path.parent)))
