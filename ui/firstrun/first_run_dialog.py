"""The first start on a computer: install from DP3AKB's file, try a demo, or a new workspace.

Four choices: DP3AKB's setup file (desa/kelurahan), the demo (Margo Mulyo for a kelurahan, or
Balikpapan's 34 kelurahan for DP3AKB, built in the background with Batal), an empty
desa/kelurahan workspace, or an empty DP3AKB workspace for any kabupaten/kota ("Saya DP3AKB").

The identity of a new workspace is picked, never guessed: both searches
(:class:`ui.widgets.region_picker.RegionPicker`) choose nothing until the user picks a row,
typed text that names no unit is refused with a sentence, and a confirmation names the unit,
its kecamatan, kab/kota and province before anything is made.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
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

from db import orgunits, regions
from db.errors import KlaError
from db.store import Store
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text
from ui.widgets import icons
from ui.widgets.dialogs import Dialogs
from ui.widgets.formatting import fill
from ui.widgets.labels import WrapLabel
from ui.widgets.region_picker import RegionPicker
from ui.widgets.style import scope_window
from ui.widgets.tasks import Job, ProgressWidget, Task
from ui.widgets.unit_words import unit_title

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
        intro = WrapLabel(self.tr("Program ini mencatat data dan bukti indikator Desa/Kelurahan Layak Anak, tanpa "
                               "internet. Pilih cara memulai:"))
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
            self.tr("Berkas pemasangan dari DP3AKB berisi desa atau kelurahan Anda dan kunci kiriman."))
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
            cl, "add", self.tr("Ruang kerja baru untuk desa/kelurahan"),
            self.tr("Mulai kosong untuk desa atau kelurahan Anda. Untuk mengirim ke DP3AKB, berkas pemasangan dari "
                    "DP3AKB bisa dipasang nanti di Pengaturan; data yang sudah diisi tetap tersimpan."))
        self.city_button = self._option(
            cl, "user", self.tr("Saya DP3AKB (kabupaten/kota)"),
            self.tr("Untuk petugas DP3AKB kabupaten atau kota: mendaftarkan desa dan kelurahan, menerima kiriman "
                    "mereka, meninjau dan mencetak laporan."))
        self.pages.addWidget(choose)

        pick = QWidget()
        pl = QVBoxLayout(pick)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(QLabel(self.tr("Cari desa atau kelurahan Anda:")))
        self.unit_picker = RegionPicker((regions.UNIT,), placeholder=self.tr("misalnya Manggar atau Sungai Nangka"))
        pl.addWidget(self.unit_picker, 1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Kembali"))
        self.create_button = QPushButton(self.tr("Buat ruang kerja"))
        self.create_button.setDefault(True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        pl.addLayout(row)
        self.pages.addWidget(pick)

        city_pick = QWidget()
        cpl = QVBoxLayout(city_pick)
        cpl.setContentsMargins(0, 0, 0, 0)
        cpl.addWidget(QLabel(self.tr("Cari kabupaten atau kota Anda:")))
        self.city_picker = RegionPicker((regions.CITY,), placeholder=self.tr("misalnya Balikpapan atau Kutai"))
        cpl.addWidget(self.city_picker, 1)
        crow = QHBoxLayout()
        self.city_back_button = QPushButton(self.tr("Kembali"))
        self.city_create_button = QPushButton(self.tr("Buat ruang kerja DP3AKB"))
        crow.addWidget(self.city_back_button)
        crow.addStretch(1)
        crow.addWidget(self.city_create_button)
        cpl.addLayout(crow)
        self.pages.addWidget(city_pick)

        self.progress = ProgressWidget()
        layout.addWidget(self.progress)
        self.error = WrapLabel()
        self.error.setObjectName("errorText")
        self.error.hide()
        layout.addWidget(self.error)

        self.setup_button.clicked.connect(self._on_setup_button_clicked)
        self.demo_button.clicked.connect(self.start_demo)
        self.city_demo_button.clicked.connect(self.start_city_demo)
        self.city_button.clicked.connect(self._on_city_button_clicked)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.city_back_button.clicked.connect(self._on_back_button_clicked)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.city_create_button.clicked.connect(self._on_city_create_button_clicked)
        self.unit_picker.picked.connect(self._on_picker_picked)
        self.city_picker.picked.connect(self._on_picker_picked)
        self.unit_picker.search.textChanged.connect(self._update_create_buttons)
        self.city_picker.search.textChanged.connect(self._update_create_buttons)
        # A refusal ("Tidak ada desa/kelurahan bernama “xqzzv”") is about the text it names: typing
        # another name takes it away, so it never stands under a list that does match.
        self.unit_picker.search.textEdited.connect(self.error.hide)
        self.city_picker.search.textEdited.connect(self.error.hide)
        self._update_create_buttons()
        scope_window(self)  # each widget's share of the style sheet (ui/widgets/style.py)

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
        note = WrapLabel(text)
        note.setObjectName("helpText")
        note.setContentsMargins(8, 0, 0, 6)
        layout.addWidget(note)
        return button

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every note at the width it has: the notes wrap to more lines at 125%
        (QT_SCALE_FACTOR=1.25) than the dialog's first size allowed, and ran under the buttons."""
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout is not None and layout.hasHeightForWidth() else -1
        if need > self.height():
            screen = self.screen().availableGeometry().height() if self.screen() is not None else need
            self.setMinimumHeight(min(need, screen))
            self.resize(self.width(), min(need, screen))

    @property
    def operator_name(self) -> str:
        return self.operator.text().strip()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        # The dialog grows to hold the sentence: squeezed into the height it had, the notes ran
        # over the buttons below them (a refused setup file's three lines at 1366x768).
        if self.isVisible():
            layout = self.layout()
            if layout is not None:
                layout.activate()
            self._fit_height()

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
                                      self.tr("Berkas pemasangan DP3AKB (*.klasetup *.kla);;Semua berkas (*)"),
                                      kind="setup")
        if not path:
            return
        from exports.setup import check_setup_file

        try:
            # A bundle or a stray file is said before the passphrase is asked, not after it.
            check_setup_file(Path(path))
        except KlaError as exc:
            self._show_error(kla_error_text(exc))
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

    PAGE_CHOOSE, PAGE_UNIT, PAGE_CITY = 0, 1, 2

    def _on_new_button_clicked(self) -> None:
        self.error.hide()
        self.pages.setCurrentIndex(self.PAGE_UNIT)
        self.unit_picker.search.setFocus()

    def _on_back_button_clicked(self) -> None:
        self.error.hide()
        self.pages.setCurrentIndex(self.PAGE_CHOOSE)

    def _on_picker_picked(self, _hit: object) -> None:
        self.error.hide()
        self._update_create_buttons()

    def _update_create_buttons(self) -> None:
        # Enabled with a typed text too, so that clicking it says why nothing was made.
        self.create_button.setEnabled(bool(self.unit_picker.chosen or self.unit_picker.search.text().strip()))
        self.city_create_button.setEnabled(bool(self.city_picker.chosen or self.city_picker.search.text().strip()))
        self.create_button.setDefault(self.unit_picker.chosen is not None)
        self.city_create_button.setDefault(self.city_picker.chosen is not None)

    def _refuse_unpicked(self, picker: RegionPicker, what: str) -> None:
        typed = picker.search.text().strip()
        if not typed:
            self._show_error(fill(self.tr("Ketik nama %1 Anda, lalu pilih dari daftar."), what))
        elif picker.model.rowCount():
            self._show_error(fill(self.tr("“%1” belum dipilih. Klik nama %2 Anda di daftar, lalu klik tombol ini "
                                          "lagi."), typed, what))
        else:
            self._show_error(fill(self.tr("Tidak ada %1 bernama “%2”, jadi tidak ada yang dibuat. Periksa ejaannya "
                                          "atau ketik sebagian nama saja, lalu pilih dari daftar."), what, typed))

    def _on_create_button_clicked(self) -> None:
        hit = self.unit_picker.chosen
        if hit is None:
            self._refuse_unpicked(self.unit_picker, self.tr("desa/kelurahan"))
            return
        region = hit.region
        path = {r.level: r for r in hit.path}
        kecamatan = path.get(regions.KECAMATAN)
        city = path.get(regions.CITY)
        province = path.get(regions.PROVINCE)
        text = fill(
            self.tr("Buat ruang kerja untuk %1, %2, %3 (%4)?"),
            unit_title(region.code, region.name),
            unit_title(kecamatan.code, kecamatan.name) if kecamatan else "",
            city.name if city else "", province.name if province else "")
        text += "\n\n" + self.tr(
            "Desa/kelurahan ruang kerja tidak bisa diganti setelah dibuat. Bila DP3AKB sudah memberi Anda berkas "
            "pemasangan, pilih Kembali lalu “Pasang dari berkas DP3AKB”.")
        if not self.dialogs.confirm(self, self.tr("Periksa sekali lagi"), text, self.tr("Ya, buat ruang kerja"),
                                    self.tr("Kembali")):
            return
        self.create_workspace(region.code)

    def create_workspace(self, kelurahan_code: str) -> Path | None:
        home = self.workspace_for("kelurahan", kelurahan_code)
        try:
            if Store.exists(home):
                with contextlib.closing(Store.open(home, check=False, start_backup=False)) as store:
                    if store.role != "kelurahan" or store.kelurahan_code != kelurahan_code:
                        raise KlaError("workspace_exists", home=str(home))
            else:
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
        self.error.hide()
        self.pages.setCurrentIndex(self.PAGE_CITY)
        self.city_picker.search.setFocus()

    def _on_city_create_button_clicked(self) -> None:
        hit = self.city_picker.chosen
        if hit is None:
            self._refuse_unpicked(self.city_picker, self.tr("kabupaten/kota"))
            return
        city = hit.region
        ref = regions.reference()
        units = ref.within(city.code, regions.UNIT)
        kinds = [u.kind for u in units]
        province = hit.path[0].name if hit.path else ""
        # A desa/kelurahan clerk who picks this by mistake would get DP3AKB's window at every start.
        text = fill(
            self.tr("Buat ruang kerja DP3AKB %1 (%2): %3 %4, %5 desa, %6 kelurahan?"),
            city.name, province, str(len(ref.within(city.code, regions.KECAMATAN))),
            regions.kecamatan_kind(city.code), str(kinds.count("desa")), str(kinds.count("kelurahan")))
        text += "\n\n" + self.tr(
            "Ruang kerja DP3AKB hanya untuk petugas DP3AKB: semua desa dan kelurahan, kotak masuk kiriman dan "
            "laporan. Petugas desa atau kelurahan memilih “Pasang dari berkas DP3AKB” atau “Ruang kerja baru "
            "untuk desa/kelurahan”.")
        if not self.dialogs.confirm(self, self.tr("Ruang kerja DP3AKB"), text, self.tr("Buat ruang kerja DP3AKB"),
                                    self.tr("Kembali")):
            return
        self.create_city_workspace(city.code)

    def create_city_workspace(self, city_code: str = orgunits.BALIKPAPAN_CODE) -> Path | None:
        """An empty DP3AKB workspace for ``city_code`` (``Store.create(home, "city")``); opens it."""
        home = self.workspace_for("city", city_code)
        try:
            if not Store.exists(home):
                Store.create(home, "city", city_code=city_code, operator=self.operator_name).close()
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
