"""Pengaturan: language, operator, photo size, backup and restore."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from db.records import BackupInfo
from db.store import Store
from ui.app_settings import AppSettings
from ui.operations import Failure, is_running, run_in_background
from ui.session import Session, kla_error_text, message_text
from ui.setup_file import SetupInstaller, enrolment_text, fingerprint
from ui.widgets import icons
from ui.widgets.formatting import fill, fmt_number, fmt_size, fmt_stamp
from ui.widgets.labels import WrapLabel
from ui.widgets.tasks import ProgressWidget, Task


class SettingsPage(QScrollArea):
    """See the module docstring."""

    language_changed = Signal(str)
    """The language was switched: 'id' or 'en' (applies at the next start)."""
    reopen_requested = Signal()
    """A backup was restored over the workspace: the window must reopen it."""

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.task: Task | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        outer = QHBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        column = QWidget()
        column.setMaximumWidth(820)
        outer.addWidget(column, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Pengaturan"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        # Language and operator.
        card = self._card(layout, self.tr("Bahasa dan petugas"))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._running_language = settings.language  # the translator installed at start
        self.language_note = QLabel(self.tr("Bahasa baru dipakai setelah program dibuka ulang."))
        self.language_note.setObjectName("helpText")
        self.language_note.hide()
        form.addRow(self.tr("Bahasa tampilan"), self.language)
        form.addRow("", self.language_note)
        op_row = QHBoxLayout()
        self.operator = QLineEdit(session.store.operator)
        self.operator.setPlaceholderText(self.tr("Nama petugas"))
        self.operator_button = QPushButton(icons.icon("user"), self.tr("Simpan nama"))
        op_row.addWidget(self.operator, 1)
        op_row.addWidget(self.operator_button)
        form.addRow(self.tr("Petugas yang mengisi"), op_row)
        self.operator_note = WrapLabel(self.tr("Komputer kantor dipakai bersama: setiap perubahan dicatat atas nama "
                                            "petugas ini."))
        self.operator_note.setObjectName("helpText")
        form.addRow("", self.operator_note)
        card.addLayout(form)

        # Which unit this is, and DP3AKB's setup file (a workspace made without one cannot send).
        self.enrolment_label = WrapLabel()
        self.setup_button = QPushButton(icons.icon("open"), self.tr("Pasang berkas pemasangan DP3AKB…"))
        self.setup_installer: SetupInstaller | None = None
        if session.store.role == "kelurahan":
            card = self._card(layout, self.tr("Pendaftaran di DP3AKB"))
            card.addWidget(self.enrolment_label)
            row = QHBoxLayout()
            row.addWidget(self.setup_button)
            row.addStretch(1)
            card.addLayout(row)
            note = WrapLabel(self.tr("Berkas pemasangan untuk desa/kelurahan yang sama boleh dipasang di ruang kerja "
                                  "yang sudah berisi data: datanya tetap tersimpan. Berkas untuk desa/kelurahan "
                                  "lain ditolak."))
            note.setObjectName("helpText")
            card.addWidget(note)
            self.setup_progress = ProgressWidget()
            card.addWidget(self.setup_progress)
            self.setup_installer = SetupInstaller(session, self, self.setup_progress)
            self.setup_button.clicked.connect(self.setup_installer.start)
            self.setup_installer.installed.connect(self._on_setup_installer_installed)
            self.setup_button.setEnabled(not session.read_only)
            self._show_enrolment()

        # Photos.
        card = self._card(layout, self.tr("Ukuran foto"))
        form = QFormLayout()
        side, quality = session.photo_limits()
        self.photo_side = QSpinBox()
        self.photo_side.setRange(800, 4000)
        self.photo_side.setSingleStep(100)
        # Words a clerk reads: "titik" (the dots of a photo) and "mutu", not "px" and "JPEG".
        self.photo_side.setSuffix(self.tr(" titik"))
        self.photo_side.setValue(side)
        self.photo_side.setToolTip(self.tr("Sisi terpanjang foto (lebar atau tingginya), dalam titik gambar. "
                                           "Foto yang lebih besar diperkecil sampai sisi terpanjangnya sebesar ini."))
        self.photo_quality = QSpinBox()
        self.photo_quality.setRange(50, 95)
        self.photo_quality.setValue(quality)
        self.photo_quality.setToolTip(self.tr("50 sampai 95: makin tinggi, foto makin jelas tetapi berkasnya "
                                              "makin besar."))
        form.addRow(self.tr("Ukuran foto (sisi terpanjang)"), self.photo_side)
        form.addRow(self.tr("Mutu foto"), self.photo_quality)
        note = WrapLabel(self.tr("Foto yang lebih besar diperkecil saat ditambahkan, agar kiriman ringan tetapi "
                              "tulisan di foto tetap terbaca. Mutu foto: makin tinggi makin jelas, tetapi "
                              "berkasnya makin besar. Bawaan: 1600 titik, mutu 80."))
        note.setObjectName("helpText")
        form.addRow("", note)
        card.addLayout(form)
        for w in (self.photo_side, self.photo_quality):
            w.setEnabled(not session.read_only)

        # Backups.
        card = self._card(layout, self.tr("Cadangan"))
        self.backup_button = QPushButton(icons.icon("backup"), self.tr("Buat cadangan sekarang"))
        self.backup_button.setEnabled(not session.read_only)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        card.addLayout(row)
        self.progress = ProgressWidget()
        card.addWidget(self.progress)
        self.backup_note = WrapLabel()
        self.backup_note.setObjectName("subtle")
        card.addWidget(self.backup_note)
        bl = QLabel(self.tr("Cadangan yang ada (terbaru di atas):"))
        card.addWidget(bl)
        self.backups = QListWidget()
        self.backups.setMinimumHeight(120)
        card.addWidget(self.backups)
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Pulihkan cadangan yang dipilih…"))
        self.restore_file_button = QPushButton(icons.icon("folder"), self.tr("Pulihkan dari berkas lain…"))
        for b in (self.restore_button, self.restore_file_button):
            b.setEnabled(not session.read_only)
            row.addWidget(b)
        row.addStretch(1)
        card.addLayout(row)
        where = WrapLabel(self.tr("Folder ruang kerja: %1").replace("%1", str(session.home)))
        where.setObjectName("helpText")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.addWidget(where)
        layout.addStretch(1)

        self.language.activated.connect(self._on_language_activated)
        self.operator_button.clicked.connect(self._on_operator_button_clicked)
        self.operator.returnPressed.connect(self._on_operator_button_clicked)
        self.photo_side.editingFinished.connect(self._save_photo)
        self.photo_quality.editingFinished.connect(self._save_photo)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.restore_file_button.clicked.connect(self._on_restore_file_button_clicked)
        self.reload_backups()

    def _card(self, layout: QVBoxLayout, title: str) -> QVBoxLayout:
        frame = QFrame()
        frame.setObjectName("card")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(14, 10, 14, 12)
        t = QLabel(title)
        t.setObjectName("sectionTitle")
        inner.addWidget(t)
        layout.addWidget(frame)
        return inner

    # ------------------------------------------------------------------ enrolment

    def _show_enrolment(self) -> None:
        own = self.session.store.sync.own_keys()
        unit = enrolment_text(self.session)
        if own:
            self.enrolment_label.setText(fill(self.tr("Ruang kerja ini milik %1 dan terdaftar di DP3AKB (sidik jari "
                                                      "kunci %2)."), unit, fingerprint(own[-1].key_id)))
        else:
            self.enrolment_label.setText(fill(self.tr(
                "Ruang kerja ini milik %1, tetapi belum terdaftar di DP3AKB, jadi belum bisa mengirim. Minta berkas "
                "pemasangan untuk %1 beserta kata sandinya ke DP3AKB, lalu pasang di sini."), unit))

    def _on_setup_installer_installed(self, _result: object) -> None:
        self._show_enrolment()

    # ------------------------------------------------------------------ language / operator / photos

    def _on_language_activated(self, index: int) -> None:
        lang = self.language.itemData(index)
        if lang != self.settings.language:
            self.settings.language = lang
            # Going back to the language already on screen needs no restart: say so only when it does.
            self.language_note.setVisible(lang != self._running_language)
            self.language_changed.emit(lang)

    def _on_operator_button_clicked(self) -> None:
        try:
            self.session.set_operator(self.operator.text())
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Petugas"), kla_error_text(exc))

    def flush(self) -> None:
        """A name typed and not yet saved is saved on leaving the page (the field kept showing it while
        the header and every change went on under the old name)."""
        typed = self.operator.text().strip()
        if typed and typed != self.session.store.operator and not self.session.read_only and not self.session.closed:
            self._on_operator_button_clicked()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.flush()
        super().hideEvent(event)

    def _save_photo(self) -> None:
        if self.session.read_only:
            return
        if (self.photo_side.value(), self.photo_quality.value()) != self.session.photo_limits():
            self.session.set_photo_limits(self.photo_side.value(), self.photo_quality.value())

    # ------------------------------------------------------------------ backups

    def reload_backups(self) -> None:
        self.backups.clear()
        for b in Store.list_backups(self.session.home):
            if b.reason.startswith("sebelum-pulihkan"):
                kind = self.tr("cadangan pengaman sebelum dipulihkan")
            else:
                kind = self.tr("manual") if b.manual else self.tr("otomatis")
            item = QListWidgetItem(f"{fmt_stamp(b.created_at)} · {kind} · {fmt_size(b.size)} · {Path(b.path).name}")
            item.setData(Qt.ItemDataRole.UserRole, b.path)
            self.backups.addItem(item)

    def backup_now(self) -> Task | None:
        if is_running(self.task):
            return None
        home, operator = self.session.home, self.session.store.operator

        def job(progress, cancelled):  # noqa: ANN001, ANN202
            # Its own connection: a SQLite connection belongs to the thread using it.
            with contextlib.closing(Store.open(home, operator=operator, check=False)) as store:
                return store.backup(reason="manual")

        self.task = run_in_background(self, job, title=self.tr("Membuat cadangan…"), on_done=self._on_backup_finished,
                                      on_failed=self._on_backup_failed, progress_widget=self.progress)
        return self.task

    def _on_backup_finished(self, path: Path) -> None:
        self.backup_note.setText(self.tr("Cadangan dibuat: %1").replace("%1", str(path)))
        self.reload_backups()

    def _on_backup_failed(self, failure: Failure) -> None:
        self.backup_note.setText(failure.text)

    def _on_restore_button_clicked(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            self.session.dialogs.info(self, self.tr("Pulihkan"), self.tr("Pilih dulu salah satu cadangan di daftar."))
            return
        self.restore(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _on_restore_file_button_clicked(self) -> None:
        path = self.session.dialogs.open_file(self, self.tr("Pilih berkas cadangan"),
                                              self.tr("Cadangan KLA (*.sqlite);;Semua berkas (*)"),
                                              kind="backup")
        if path:
            self.restore(Path(path))

    def _describe(self, info: BackupInfo) -> str:
        """What the backup holds, and a warning when restoring it would undo the DP3AKB enrolment."""
        if info.role != "kelurahan":
            text = self.tr("Cadangan %1: %2 isian, %3 data dukung.")
        elif info.enrolled:
            text = self.tr("Cadangan %1: %2 isian, %3 data dukung, komputer sudah terdaftar di DP3AKB.")
        else:
            text = self.tr("Cadangan %1: %2 isian, %3 data dukung, komputer belum terdaftar di DP3AKB.")
        lines = [text.replace("%1", fmt_stamp(info.created_at)).replace("%2", fmt_number(info.value_count))
                 .replace("%3", fmt_number(info.evidence_count))]
        if info.last_change_at:
            lines.append(self.tr("Perubahan terakhir di dalamnya: %1.").replace("%1", fmt_stamp(info.last_change_at)))
        if info.role == "kelurahan" and not info.enrolled and self.session.store.sync.own_keys(active_only=False):
            lines.append(self.tr("Cadangan ini dibuat sebelum komputer didaftarkan ke DP3AKB; setelah dipulihkan "
                                 "Anda perlu memasang ulang berkas dari DP3AKB."))
        return "\n".join(lines)

    def restore(self, source: Path) -> bool:
        """Replace the workspace's data with a backup, after asking; then reopen."""
        s = self.session
        try:
            info = Store.describe_backup(source)
        except KlaError as exc:
            s.dialogs.error(self, self.tr("Pulihkan"), kla_error_text(exc))
            return False
        question = self._describe(info) + "\n\n" + self.tr(
            "Ganti semua data ruang kerja ini dengan isi cadangan %1? Data sekarang disimpan dulu "
            "sebagai cadangan pengaman.").replace("%1", source.name)
        if not s.dialogs.confirm(self, self.tr("Pulihkan cadangan"), question, self.tr("Pulihkan"), self.tr("Batal")):
            return False
        home, operator = s.home, s.store.operator
        s.store.close()
        try:
            safety = Store.restore(home, source, operator=operator)
        except KlaError as exc:
            s.store = Store.open(home, operator=operator)
            s.dialogs.error(self, self.tr("Pulihkan"), kla_error_text(exc))
            return False
        s.store = Store.open(home, operator=operator)
        # Show the safety copy the question promised, selected, so a wrong restore can be undone at once.
        self.reload_backups()
        for i in range(self.backups.count()):
            if self.backups.item(i).data(Qt.ItemDataRole.UserRole) == str(safety):
                self.backups.setCurrentRow(i)
                self.backup_note.setText(self.tr(
                    "Cadangan %1 dipulihkan. Data sebelumnya disimpan sebagai cadangan pengaman %2 (dipilih di "
                    "daftar); pulihkan cadangan itu bila ingin kembali.").replace("%1", source.name)
                    .replace("%2", safety.name))
                behind = s.store.sync.receipt_behind()
                if behind:
                    self.backup_note.setText(self.backup_note.text() + "\n"
                                             + message_text("restored_before_receipt", seq=behind))
                break
        self.reopen_requested.emit()
        return True
