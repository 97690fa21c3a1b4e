"""The first start on a computer: install from DP3AKB's file, try the demo, or a new workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db import orgunits
from db.errors import KlaError
from db.store import Store
from ui.session import kla_error_text
from ui.widgets import icons
from ui.widgets.dialogs import Dialogs
from ui.widgets.tasks import ProgressWidget, Task

DEMO_KELURAHAN = "64.71.02.1005"  # Margo Mulyo: about half done, a realistic picture

WorkspaceFor = Callable[[str, str], Path]
"""(kind 'setup' | 'demo' | 'kelurahan', kelurahan code or '') -> the folder for the new workspace."""


class FirstRunDialog(QDialog):
    """See the module docstring. After ``accept()``, ``chosen_home`` is the workspace to open."""

    def __init__(self, workspace_for: WorkspaceFor, dialogs: Dialogs | None = None,
                 setup_available: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace_for = workspace_for
        self.dialogs = dialogs or Dialogs()
        self.chosen_home: Path | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Selamat datang di KLA Desktop"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Selamat datang di KLA Desktop"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        intro = QLabel(self.tr("Program ini mencatat data dan bukti indikator Kelurahan Layak Anak, tanpa internet. "
                               "Pilih cara memulai:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        name_form = QFormLayout()
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("misalnya Siti Rahmawati"))
        name_form.addRow(self.tr("Nama Anda (petugas)"), self.operator)
        layout.addLayout(name_form)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        choose = QWidget()
        cl = QVBoxLayout(choose)
        cl.setContentsMargins(0, 0, 0, 0)
        self.setup_button = self._option(
            cl, "outbox", self.tr("Pasang dari berkas DP3AKB"),
            self.tr("Berkas pemasangan dari DP3AKB berisi kelurahan Anda dan kunci kiriman."))
        self._setup_available = setup_available
        self.setup_button.setEnabled(setup_available)
        if not setup_available:
            self.setup_button.setToolTip(self.tr("Segera tersedia"))
            self.setup_button.setText(self.setup_button.text() + "  " + self.tr("(segera tersedia)"))
        self.demo_button = self._option(
            cl, "home", self.tr("Coba dengan data contoh"),
            self.tr("Kelurahan Margo Mulyo dengan data contoh, untuk berlatih. Tidak dikirim ke mana pun."))
        self.new_button = self._option(
            cl, "add", self.tr("Ruang kerja baru untuk kelurahan"),
            self.tr("Mulai kosong untuk kelurahan Anda."))
        self.pages.addWidget(choose)

        pick = QWidget()
        pl = QVBoxLayout(pick)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(QLabel(self.tr("Pilih kelurahan Anda:")))
        self.kelurahan = QComboBox()
        self.kelurahan.setEditable(True)
        self.kelurahan.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        units = orgunits.balikpapan_units()
        kec = {u.code: u.name for u in units if u.level == "kecamatan"}
        for u in units:
            if u.level == "kelurahan":
                self.kelurahan.addItem(f"{u.name} — Kec. {kec.get(u.parent_code or '', '')}", u.code)
        self.kelurahan.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.kelurahan.completer().setCompletionMode(self.kelurahan.completer().CompletionMode.PopupCompletion)
        pl.addWidget(self.kelurahan)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Kembali"))
        self.create_button = QPushButton(self.tr("Buat ruang kerja"))
        self.create_button.setDefault(True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        pl.addLayout(row)
        pl.addStretch(1)
        self.pages.addWidget(pick)

        self.progress = ProgressWidget()
        layout.addWidget(self.progress)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        self.setup_button.clicked.connect(self._on_setup_button_clicked)
        self.demo_button.clicked.connect(self.start_demo)
        self.new_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button.clicked.connect(self._on_create_button_clicked)

    def _option(self, layout: QVBoxLayout, icon_name: str, title: str, text: str) -> QPushButton:
        button = QPushButton(icons.icon(icon_name), title)
        button.setObjectName("optionButton")
        button.setMinimumHeight(44)
        layout.addWidget(button)
        note = QLabel(text)
        note.setObjectName("helpText")
        note.setWordWrap(True)
        note.setContentsMargins(8, 0, 0, 6)
        layout.addWidget(note)
        return button

    @property
    def operator_name(self) -> str:
        return self.operator.text().strip()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # ------------------------------------------------------------------ demo

    def start_demo(self) -> Task | None:
        """Create the demo workspace in the background; the dialog closes when it is ready."""
        if self.task is not None and self.task.running:
            return None
        home = self.workspace_for("demo", DEMO_KELURAHAN)
        if Store.exists(home):
            self.chosen_home = home
            self.accept()
            return None

        def job(progress, cancelled):  # noqa: ANN001, ANN202
            from db.demo import create_demo

            def report(done: int, total: int, text: str) -> None:
                if cancelled():
                    raise KlaError("cancelled")
                progress(done, total, text)

            create_demo(home, seed=1, kelurahan_code=DEMO_KELURAHAN, progress=report)
            return home

        task = Task(job, self.tr("Membuat data contoh…"), self)
        task.finished.connect(self._on_demo_finished)
        task.failed.connect(self._on_demo_failed)
        self.task = task
        self.progress.watch(task)
        for b in (self.demo_button, self.new_button):
            b.setEnabled(False)
        task.start()
        return task

    def _on_demo_finished(self, home: Path) -> None:
        self.chosen_home = Path(home)
        self.accept()

    def _on_demo_failed(self, exc: Exception) -> None:
        for b in (self.demo_button, self.new_button):
            b.setEnabled(True)
        self.setup_button.setEnabled(self._setup_available)
        self._show_error(kla_error_text(exc) if isinstance(exc, KlaError) else str(exc))

    # ------------------------------------------------------------------ setup file from DP3AKB

    def _on_setup_button_clicked(self) -> None:
        path = self.dialogs.open_file(self, self.tr("Pilih berkas pemasangan dari DP3AKB"),
                                      self.tr("Berkas KLA (*.kla);;Semua berkas (*)"))
        if not path:
            return
        secret = self.dialogs.ask_text(self, self.tr("Kata sandi berkas"),
                                       self.tr("Kata sandi yang diberikan DP3AKB bersama berkas ini:"), "",
                                       password=True)
        if secret is None:
            return
        self.start_setup(Path(path), secret)

    def start_setup(self, path: Path, passphrase: str) -> Task | None:
        """Install the workspace from DP3AKB's setup file in the background."""
        if self.task is not None and self.task.running:
            return None
        home = self.workspace_for("setup", "")
        operator = self.operator_name

        def job(progress, cancelled):  # noqa: ANN001, ANN202
            from exports.setup import install

            return install(home, path, passphrase, operator=operator, progress=progress, cancelled=cancelled)

        task = Task(job, self.tr("Memasang ruang kerja…"), self)
        task.finished.connect(lambda result: self._on_demo_finished(result.home))
        task.failed.connect(self._on_demo_failed)
        self.task = task
        self.progress.watch(task)
        for b in (self.setup_button, self.demo_button, self.new_button):
            b.setEnabled(False)
        task.start()
        return task

    # ------------------------------------------------------------------ new workspace

    def _on_create_button_clicked(self) -> None:
        code = self.kelurahan.currentData()
        if code is None:
            # Typed text that matches no entry: take the first that contains it.
            i = self.kelurahan.findText(self.kelurahan.currentText(), Qt.MatchFlag.MatchContains)
            code = self.kelurahan.itemData(i) if i >= 0 else None
        if code is None:
            self._show_error(self.tr("Pilih kelurahan dari daftar."))
            return
        self.create_workspace(code)

    def create_workspace(self, kelurahan_code: str) -> Path | None:
        home = self.workspace_for("kelurahan", kelurahan_code)
        try:
            if not Store.exists(home):
                Store.create(home, "kelurahan", kelurahan_code=kelurahan_code,
                             operator=self.operator_name).close()
        except KlaError as exc:
            self._show_error(kla_error_text(exc))
            return None
        self.chosen_home = home
        self.accept()
        return home

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
        super().reject()
