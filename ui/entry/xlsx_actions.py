"""The Excel form on the Indikator page: "Unduh formulir Excel", "Impor dari Excel", and a dropped .xlsx.

Writing the form, reading it back with its dry run, and applying it run in the background
(:func:`ui.operations.run_in_background`), each job with its own connection to the workspace;
the dry run is shown in :class:`ui.entry.xlsx_import_dialog.XlsxImportDialog`. An applied form
is one undo step and one broadcast of the store's Changes through the session.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMenu, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from db.errors import KlaError
from db.progress import Cancelled, Progress
from db.store import Store
from exports import xlsx_form, xlsx_mapping
from exports.xlsx_form import CHANGED, FLAGGED, INVALID, NEW, ImportReport
from ui.entry.xlsx_import_dialog import XlsxImportCommand, XlsxImportDialog
from ui.entry.xlsx_mapping_dialog import XlsxMappingDialog
from ui.operations import Failure, is_running, run_in_background
from ui.session import Session, kla_error_text
from ui.widgets.labels import WrapLabel
from ui.widgets.tasks import ProgressWidget, Task

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
"""Dropped files taken as a form (the wrong kinds are refused with a reason, not given to the evidence)."""


def form_job(home: Path, year: int, indicators: tuple[int, ...] | None, dest: Path,
             app_version: str = "") -> Callable[[Progress, Cancelled], Path]:
    def job(progress: Progress, cancelled: Cancelled) -> Path:
        with contextlib.closing(Store.open(home, check=False, start_backup=False)) as store:
            data = xlsx_form.collect_form(store, year, indicators, app_version=app_version)
        return xlsx_form.write_form(data, dest, progress, cancelled)

    return job


@dataclass(frozen=True)
class NeedsMapping:
    """A workbook that is not our form and fits no saved mapping: the clerk maps it first."""

    path: Path
    sheets: tuple[xlsx_mapping.SheetPreview, ...]


def dry_run_job(home: Path, path: Path, year: int,
                mapping: xlsx_mapping.Mapping | None = None) -> Callable[[Progress, Cancelled], object]:
    """The dry run of our form (or of a foreign workbook through ``mapping`` or a saved one)."""

    def job(progress: Progress, cancelled: Cancelled) -> ImportReport | NeedsMapping:
        with contextlib.closing(Store.open(home, check=False, start_backup=False)) as store:
            if mapping is not None:
                plan = xlsx_mapping.plan_from_mapping(store, path, mapping, year)
            else:
                try:
                    plan = xlsx_mapping.plan_for(store, path, year)
                except KlaError as exc:
                    if exc.code != "xlsx_not_form":
                        raise
                    return NeedsMapping(path, xlsx_mapping.preview(path))
            return xlsx_form.import_plan(store, plan, dry_run=True, expected_year=year, progress=progress,
                                         cancelled=cancelled)

    return job


def apply_job(home: Path, operator: str, report: ImportReport, year: int) -> Callable[[Progress, Cancelled],
                                                                                        ImportReport]:
    def job(progress: Progress, cancelled: Cancelled) -> ImportReport:
        with contextlib.closing(Store.open(home, operator=operator, check=False, start_backup=False)) as store:
            return xlsx_form.import_plan(store, report.plan, dry_run=False, expected_year=year, progress=progress)

    return job


def dropped_workbook(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local workbook file being dragged, if that is what it is."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    urls = [u for u in mime.urls() if u.isLocalFile()]
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in WORKBOOK_SUFFIXES else None


class XlsxFormButtons(QWidget):
    """The two buttons, the progress of their jobs, and the page's drop target for a form."""

    def __init__(self, session: Session, page: QWidget, current_indicator: Callable[[], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.page = page
        self._current_indicator = current_indicator
        self.task: Task | None = None
        self.dialog: XlsxImportDialog | None = None
        self.mapping_dialog: XlsxMappingDialog | None = None
        self.last_form: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.download_button = QToolButton()
        self.download_button.setText(self.tr("Unduh formulir Excel"))
        self.download_button.setToolTip(self.tr("Formulir untuk diisi di Excel atau LibreOffice di komputer lain, "
                                                "lalu diimpor kembali"))
        self.download_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.download_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.download_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        menu = QMenu(self.download_button)
        self.one_action = menu.addAction(self.tr("Indikator yang sedang dibuka"))
        self.all_action = menu.addAction(self.tr("Semua indikator"))
        self.download_button.setMenu(menu)
        self.one_action.triggered.connect(lambda: self.download(one=True))
        self.all_action.triggered.connect(lambda: self.download(one=False))
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.import_button = QPushButton(self.tr("Impor dari Excel"))
        self.import_button.setToolTip(self.tr("Baca formulir Excel yang sudah diisi; Anda melihat dulu apa saja "
                                              "yang berubah sebelum disimpan. Berkasnya juga bisa diseret ke "
                                              "halaman ini."))
        self.import_button.setEnabled(not session.read_only)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.progress = ProgressWidget()
        self.note = WrapLabel()
        self.note.setObjectName("subtle")
        self.note.hide()
        # The progress and the note above the buttons: the column grows upwards into the list when they
        # appear, and the buttons stay under the pointer that just clicked one (below them, "Formulir
        # tersimpan di ..." lifted both buttons 60 px at 1366x768).
        for w in (self.progress, self.note, self.download_button, self.import_button):
            layout.addWidget(w)
        page.setAcceptDrops(True)
        page.installEventFilter(self)

    # ------------------------------------------------------------------ the form

    def _on_menu_about_to_show(self) -> None:
        no = self._current_indicator()
        self.one_action.setEnabled(bool(no))
        if no:
            self.one_action.setText(self.tr("Indikator %1 saja").replace("%1", str(no)))

    def download(self, one: bool) -> Task | None:
        """Ask where to save, then write the form in the background; returns the task (or None)."""
        if is_running(self.task):
            return None
        s = self.session
        no = self._current_indicator()
        indicators = (no,) if one and no else None
        unit = s.store.unit(s.kelurahan_code)
        name = xlsx_form.default_file_name(xlsx_form.FormData(
            unit_code=unit.code, unit_name=unit.name, kecamatan_name="", data_year=s.year, template=s.template,
            indicators=indicators or tuple(i.no for i in s.template.indicators), values={}, created_at=""))
        target = s.dialogs.save_file(self, self.tr("Simpan formulir Excel"), name, self.tr("Buku kerja Excel (*.xlsx)"),
                                     kind="spreadsheet")
        if not target:
            return None
        self.note.hide()
        version = QCoreApplication.applicationVersion()
        self.task = run_in_background(self, form_job(s.home, s.year, indicators, Path(target), version),
                                      title=self.tr("Menulis formulir Excel\u2026"), on_done=self._on_form_written,
                                      progress_widget=self.progress)
        return self.task

    def _on_form_written(self, path: object) -> None:
        self.last_form = Path(str(path))
        self._say(self.tr("Formulir tersimpan di %1. Isi di Excel atau LibreOffice, lalu pilih \u201cImpor dari "
                          "Excel\u201d.").replace("%1", str(path)))

    # ------------------------------------------------------------------ the import

    def _on_import_button_clicked(self) -> None:
        path = self.session.dialogs.open_file(self, self.tr("Pilih formulir Excel yang sudah diisi"),
                                              self.tr("Buku kerja Excel (*.xlsx)"), kind="spreadsheet")
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path, mapping: xlsx_mapping.Mapping | None = None) -> Task | None:
        """Read ``path`` and run the dry run in the background; the dialog opens when it is done."""
        s = self.session
        if is_running(self.task) or s.read_only:
            if s.read_only:
                self._say(self.tr("Ruang kerja ini dibuka hanya-baca: formulir tidak bisa diimpor di jendela ini."))
            return None
        self.page.window().activateWindow()
        self.note.hide()
        self.task = run_in_background(self, dry_run_job(s.home, path, s.year, mapping),
                                      title=self.tr("Membaca formulir Excel\u2026"), on_done=self._on_dry_run_done,
                                      error_title=self.tr("Formulir tidak bisa diimpor"),
                                      progress_widget=self.progress)
        return self.task

    def _on_dry_run_done(self, report: ImportReport | NeedsMapping) -> None:
        if isinstance(report, NeedsMapping):
            self._ask_mapping(report)
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = XlsxImportDialog(self.session, report, self.page.window())
        self.dialog.apply_requested.connect(self._on_dialog_apply_requested)
        self.dialog.open()

    def _ask_mapping(self, needs: NeedsMapping) -> None:
        dlg = XlsxMappingDialog(self.session, needs.sheets, needs.path.name, self.page.window())
        self.mapping_dialog = dlg
        dlg.accepted.connect(lambda: self._on_mapping_accepted(dlg, needs.path))
        dlg.open()

    def _on_mapping_accepted(self, dlg: XlsxMappingDialog, path: Path) -> None:
        s = self.session
        mapping = dlg.mapping()
        self.mapping_dialog = None
        try:
            s._check_writable()
            s.notify(xlsx_mapping.save_mapping(s.store, mapping), self)
        except KlaError as exc:
            s.dialogs.error(self, self.tr("Pemetaan tidak disimpan"), kla_error_text(exc))
            return
        self.start_import(path, mapping)

    def _on_dialog_apply_requested(self, report: ImportReport) -> None:
        s = self.session
        if is_running(self.task):
            return
        self.task = run_in_background(self, apply_job(s.home, s.store.operator, report, report.plan.data_year),
                                      title=self.tr("Menyimpan isian dari formulir\u2026"),
                                      on_done=self._on_applied, on_failed=self._on_apply_failed,
                                      progress_widget=self.progress)

    def _on_apply_failed(self, failure: Failure) -> None:
        if self.dialog is not None:
            self.dialog.set_busy(False)
            self.dialog.show_error(failure.text)

    def _on_applied(self, report: ImportReport) -> None:
        s = self.session
        if report.value_changes:
            n = len(report.value_changes)
            label = self.tr("Impor formulir Excel (%n kotak)", "", n)
            s.undo_stack.push(XlsxImportCommand(s, report.plan.data_year, report.value_changes, label))
        s.notify(report.changes)
        c = report.counts
        self._say(self.tr("Formulir diimpor: %1 baru, %2 berubah, %3 ditandai, %4 tidak sah. Ctrl+Z membatalkan "
                          "seluruh impor.")
                  .replace("%1", str(c[NEW])).replace("%2", str(c[CHANGED])).replace("%3", str(c[FLAGGED]))
                  .replace("%4", str(c[INVALID])))
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    # ------------------------------------------------------------------ dropping a file on the page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.page and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if isinstance(event, QDragEnterEvent | QDropEvent) and dropped_workbook(event) is not None \
                    and not self.session.read_only:
                event.acceptProposedAction()
                return True
        elif watched is self.page and event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_workbook(event)
            if path is not None:
                event.acceptProposedAction()
                self.start_import(path)
                return True
        return super().eventFilter(watched, event)
