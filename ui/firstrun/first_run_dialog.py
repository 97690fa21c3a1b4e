"""The first start on a computer: install from DP3AKB's file, try a demo, or a new workspace.

Four choices: DP3AKB's setup file (kelurahan), the demo (Margo Mulyo for a kelurahan, or
the whole city for DP3AKB, built in the background with Batal), an empty kelurahan
workspace, or an empty DP3AKB (city) workspace for Balikpapan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text
from ui.widgets import icons
from ui.widgets.dialogs import Dialogs
from ui.widgets.tasks import Job, ProgressWidget, Task

DEMO_KELURAHAN = "64.71.02.1005"  # Margo Mulyo: about half done, a realistic picture

WorkspaceFor = Callable[[str, str], Path]
"""(kind 'setup' | 'demo' | 'kelurahan' | 'city' | 'city-demo', kelurahan or city code or '') -> the folder
for the new workspace."""


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
        self.setMinimumWidth(640)  # the two demo buttons side by side keep their whole text
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
        # Both demos share one row and one note: DP3AKB staff try the program too.
        self.city_demo_button = QPushButton(icons.icon("home"), self.tr("Contoh DP3AKB (34 kelurahan)"))
        self.city_demo_button.setObjectName("optionButton")
        self.city_demo_button.setMinimumHeight(44)
        self.city_demo_button.setToolTip(self.tr("Ruang kerja DP3AKB dengan data contoh 34 kelurahan; "
                                                 "dibuat sekitar 10 detik"))
        self.demo_button = self._option(
            cl, "home", self.tr("Coba dengan data contoh"),
            self.tr("Kelurahan Margo Mulyo, atau DP3AKB dengan 34 kelurahan, berisi data contoh untuk berlatih. "
                    "Tidak dikirim ke mana pun."), beside=self.city_demo_button)
        self.new_button = self._option(
            cl, "add", self.tr("Ruang kerja baru untuk kelurahan"),
            self.tr("Mulai kosong untuk kelurahan Anda."))
        self.city_button = self._option(
            cl, "user", self.tr("Ruang kerja DP3AKB (kota)"),
            self.tr("Untuk petugas DP3AKB Kota Balikpapan: mendaftarkan kelurahan, menerima kiriman mereka, "
                    "meninjau dan mencetak laporan kota."))
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
        self.city_demo_button.clicked.connect(self.start_city_demo)
        self.city_button.clicked.connect(self._on_city_button_clicked)
        self.new_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button.clicked.connect(self._on_create_button_clicked)

    def _option(self, layout: QVBoxLayout, icon_name: str, title: str, text: str,
                beside: QPushButton | None = None) -> QPushButton:
        button = QPushButton(icons.icon(icon_name), title)
        button.setObjectName("optionButton")
        button.setMinimumHeight(44)
        if beside is None:
            layout.addWidget(button)
        else:
            row = QHBoxLayout()
            row.addWidget(button, 1)
            row.addWidget(beside, 1)
            layout.addLayout(row)
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

    def _set_busy(self, busy: bool) -> None:
        for b in (self.demo_button, self.city_demo_button, self.new_button, self.city_button):
            b.setEnabled(not busy)
        self.setup_button.setEnabled(self._setup_available and not busy)

    # ------------------------------------------------------------------ demo

    def start_demo(self) -> Task | None:
        """Create the kelurahan demo workspace in the background; the dialog closes when it is ready."""
        return self._start_demo(self.workspace_for("demo", DEMO_KELURAHAN), DEMO_KELURAHAN,
                                self.tr("Membuat data contoh…"))

    def start_city_demo(self) -> Task | None:
        """Create the DP3AKB demo (all 34 kelurahan, several seconds) in the background, with Batal."""
        return self._start_demo(self.workspace_for("city-demo", orgunits.BALIKPAPAN_CODE), None,
                                self.tr("Membuat data contoh DP3AKB (34 kelurahan)…"))

    def _start_demo(self, home: Path, kelurahan_code: str | None, title: str) -> Task | None:
        if is_running(self.task):
            return None
        if Store.exists(home):
            self.chosen_home = home
            self.accept()
            return None

        def job(progress, cancelled):  # noqa: ANN001, ANN202
            from db.demo import create_demo

            def report(done: int, total: int, text: str) -> None:
                # create_demo stops on an exception from progress and removes its half-built folder.
                if cancelled():
                    raise KlaError("cancelled")
                progress(done, total, text)

            create_demo(home, seed=1, kelurahan_code=kelurahan_code, progress=report)
            return home

        return self._run(job, title, self._on_demo_finished)

    def _run(self, job: Job, title: str, on_done: Callable[[Any], object]) -> Task:
        """Run a job that makes the workspace; the dialog stays usable and says why when it fails."""
        self.error.hide()
        self._set_busy(True)
        self.task = run_in_background(self, job, title=title, on_done=on_done, on_failed=self._on_demo_failed,
                                      progress_widget=self.progress)
        return self.task

    def _on_demo_finished(self, home: Path) -> None:
        self.chosen_home = Path(home)
        self.accept()

    def _on_demo_failed(self, failure: Failure) -> None:
        self._set_busy(False)
        self._show_error(failure.text)

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
        if is_running(self.task):
            return None
        home = self.workspace_for("setup", "")
        operator = self.operator_name

        def job(progress, cancelled):  # noqa: ANN001, ANN202
            from exports.setup import install

            return install(home, path, passphrase, operator=operator, progress=progress, cancelled=cancelled)

        return self._run(job, self.tr("Memasang ruang kerja…"), lambda result: self._on_demo_finished(result.home))

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

    # ------------------------------------------------------------------ new DP3AKB workspace

    def _on_city_button_clicked(self) -> None:
        # A kelurahan clerk who picks this by mistake would get the city's window at every start.
        if not self.dialogs.confirm(
                self, self.tr("Ruang kerja DP3AKB"),
                self.tr("Ruang kerja DP3AKB Kota Balikpapan hanya untuk petugas DP3AKB: semua kelurahan, kotak masuk "
                        "kiriman dan laporan kota. Petugas kelurahan memilih \"Pasang dari berkas DP3AKB\" atau "
                        "\"Ruang kerja baru untuk kelurahan\".\n\nBuat ruang kerja DP3AKB?"),
                self.tr("Buat ruang kerja DP3AKB"), self.tr("Kembali")):
            return
        self.create_city_workspace()

    def create_city_workspace(self) -> Path | None:
        """An empty DP3AKB workspace for Balikpapan (``Store.create(home, "city")``); opens it."""
        home = self.workspace_for("city", orgunits.BALIKPAPAN_CODE)
        try:
            if not Store.exists(home):
                Store.create(home, "city", city_code=orgunits.BALIKPAPAN_CODE, operator=self.operator_name).close()
        except KlaError as exc:
            self._show_error(kla_error_text(exc))
            return None
        self.chosen_home = home
        self.accept()
        return home

    def reject(self) -> None:
        if is_running(self.task):
            self.task.cancel()
        super().reject()
