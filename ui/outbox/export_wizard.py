"""The export wizard: destination and part size, then progress with cancel, then the result.

Same engine call as ``kla export --out DIR [--part-size SIZE] [--eml]``; it runs on a
worker thread (``ui.widgets.tasks.Task``) so the window never freezes. Nothing counts as
sent here: only DP3AKB's receipt acknowledges (docs/bundle-format.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from exports import bundle, usb
from exports import email as kla_email
from exports.container import MB
from ui.operations import Failure, is_running, run_in_background
from ui.outbox.jobs import ExportOptions, export_job
from ui.session import Session, kla_error_text, message_text
from ui.widgets import icons
from ui.widgets.formatting import ID_LOCALE, fill, fmt_number, fmt_size
from ui.widgets.labels import WrapLabel
from ui.widgets.tasks import Task
from ui.widgets.unit_words import units_word

DEST_DRIVE, DEST_FOLDER, DEST_EMAIL = "drive", "folder", "email"
# The labels of exports.email.MAIL_PRESETS, for Qt Linguist.
_PRESET_LABELS = (QT_TRANSLATE_NOOP("ExportWizard", "Gmail/Outlook"),
                  QT_TRANSLATE_NOOP("ExportWizard", "e-mail kantor .go.id"))
STEP_CHOOSE, STEP_RUN, STEP_RESULT = range(3)
SIZE_EMAIL, SIZE_NONE, SIZE_CUSTOM = range(3)
PATH_ROLE = Qt.ItemDataRole.UserRole  # the file a result line stands for


def fmt_volume(size: int) -> str:
    """Drive sizes: '7,5 GB' rather than '7.680,0 MB'."""
    if size >= 1024**3:
        return ID_LOCALE.toString(size / 1024**3, "f", 1) + " GB"
    return fmt_size(size)


class ExportWizard(QDialog):
    """Three steps in one dialog: choose, write (progress + Batal), result."""

    export_finished = Signal(object)
    """A bundle was written and verified; the argument is the engine's ExportResult."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 list_drives: Callable[[], list[usb.Volume]] = usb.removable_drives,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.session = session
        self.list_drives = list_drives
        self.open_url = open_url
        self.make_job = export_job
        self.task: Task | None = None
        self.result: bundle.ExportResult | None = None
        self.error: KlaError | None = None
        self.folder = ""
        self._size_touched = False
        self._before: set[str] = set()
        self.setWindowTitle(self.tr("Buat kiriman untuk DP3AKB"))
        self.setModal(True)
        self.setMinimumSize(640, 520)

        layout = QVBoxLayout(self)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("subtle")
        layout.addWidget(self.steps_label)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_choose())
        self.stack.addWidget(self._build_run())
        self.stack.addWidget(self._build_result())

        buttons = QHBoxLayout()
        self.next_why = WrapLabel()
        self.next_why.setObjectName("errorText")
        self.next_why.hide()
        self.back_button = QPushButton(self.tr("Kembali"))
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.next_button = QPushButton(self.tr("Buat kiriman"))
        self.next_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Tutup"))
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_why, 1)
        # Takes the room while no reason shows (stretch 0 yields to the reason's 1): the buttons keep
        # their own width at the right, as in every dialog, instead of stretching across the wizard.
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self._on_back_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.next_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.accept)
        self.refresh_drives()
        self._on_dest_changed()
        self._show_step(STEP_CHOOSE)

    # ------------------------------------------------------------------ step 1: choose

    def _build_choose(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Ke mana kiriman ditulis?"))
        title.setObjectName("sectionTitle")
        v.addWidget(title)
        self.dest_group = QButtonGroup(self)

        self.drive_radio = QRadioButton(self.tr("Flashdisk"))
        self.drive_radio.setChecked(True)
        v.addWidget(self.drive_radio)
        drive_box = QHBoxLayout()
        drive_box.setContentsMargins(24, 0, 0, 0)
        self.drive_combo = QComboBox()
        self.drive_combo.setAccessibleName(self.tr("Flashdisk"))
        self.refresh_button = QPushButton(self.tr("Muat ulang"))
        self.refresh_button.setToolTip(self.tr("Cari lagi flashdisk yang terpasang"))
        drive_box.addWidget(self.drive_combo, 1)
        drive_box.addWidget(self.refresh_button)
        v.addLayout(drive_box)
        self.drive_hint = WrapLabel()
        self.drive_hint.setObjectName("helpText")
        self.drive_hint.setContentsMargins(24, 0, 0, 0)
        v.addWidget(self.drive_hint)

        self.folder_radio = QRadioButton(self.tr("Folder di komputer ini"))
        v.addWidget(self.folder_radio)
        self.email_radio = QRadioButton(self.tr("Email (draf .eml untuk program email)"))
        v.addWidget(self.email_radio)
        folder_box = QHBoxLayout()
        folder_box.setContentsMargins(24, 0, 0, 0)
        folder_caption = QLabel(self.tr("Folder tujuan:"))
        folder_caption.setObjectName("fieldLabel")
        folder_box.addWidget(folder_caption)
        self.folder_label = WrapLabel()
        self.folder_button = QPushButton(icons.icon("folder"), self.tr("Pilih folder…"))
        folder_box.addWidget(self.folder_label, 1)
        folder_box.addWidget(self.folder_button)
        v.addLayout(folder_box)
        self.email_hint = WrapLabel()
        self.email_hint.setObjectName("helpText")
        self.email_hint.setContentsMargins(24, 0, 0, 0)
        v.addWidget(self.email_hint)
        for i, b in enumerate((self.drive_radio, self.folder_radio, self.email_radio)):
            self.dest_group.addButton(b, i)

        self.size_title = size_title = QLabel(self.tr("Ukuran per bagian"))
        size_title.setObjectName("sectionTitle")
        v.addWidget(size_title)
        # E-mail: the server's limit on one whole message (the attachment travels base64-encoded,
        # a third larger); parts are sized so that each draft fits (exports.email.part_size_for).
        self.mail_row = QWidget()
        mail_row = QHBoxLayout(self.mail_row)
        mail_row.setContentsMargins(0, 0, 0, 0)
        self.mail_combo = QComboBox()
        self.mail_combo.setAccessibleName(self.tr("Batas ukuran satu email"))
        for p in kla_email.MAIL_PRESETS:
            self.mail_combo.addItem(self.tr("%1 (%2 MB per email)").replace(
                "%1", QCoreApplication.translate("ExportWizard", p.label)).replace(
                "%2", fmt_number(p.message_bytes // 1_000_000)), p.message_bytes)
        self.mail_combo.addItem(self.tr("Batas lain"), -1)
        self.mail_spin = QSpinBox()
        self.mail_spin.setRange(1, 200)
        self.mail_spin.setValue(kla_email.DEFAULT_MAIL_PRESET.message_bytes // 1_000_000)
        self.mail_spin.setSuffix(" MB")
        self.mail_spin.setAccessibleName(self.tr("Batas lain satu email"))
        self.mail_spin.hide()
        mail_row.addWidget(self.mail_combo, 1)
        mail_row.addWidget(self.mail_spin)
        v.addWidget(self.mail_row)
        self.size_box = QWidget()
        size_row = QHBoxLayout(self.size_box)
        size_row.setContentsMargins(0, 0, 0, 0)
        self.size_combo = QComboBox()
        self.size_combo.addItem(self.tr("Dipecah (%1 MB per bagian)").replace(
            "%1", fmt_number(bundle.DEFAULT_PART_SIZE // MB)), bundle.DEFAULT_PART_SIZE)
        self.size_combo.addItem(self.tr("Flashdisk (tanpa batas, satu berkas)"), 0)
        self.size_combo.addItem(self.tr("Ukuran lain"), -1)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, 4000)
        self.size_spin.setValue(bundle.DEFAULT_PART_SIZE // MB)
        self.size_spin.setSuffix(" MB")
        self.size_spin.setAccessibleName(self.tr("Ukuran lain per bagian"))
        size_row.addWidget(self.size_combo, 1)
        size_row.addWidget(self.size_spin)
        v.addWidget(self.size_box)
        self.size_hint = size_hint = QLabel()
        size_hint.setObjectName("helpText")
        size_hint.setWordWrap(True)
        v.addWidget(size_hint)
        v.addStretch(1)
        self.choose_error = WrapLabel()
        self.choose_error.setObjectName("errorText")
        v.addWidget(self.choose_error)

        self.dest_group.idToggled.connect(self._on_dest_group_toggled)
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.size_combo.activated.connect(self._on_size_combo_activated)
        self.size_combo.currentIndexChanged.connect(self._on_size_changed)
        self.mail_combo.currentIndexChanged.connect(self._on_mail_limit_changed)
        self.drive_combo.currentIndexChanged.connect(self._update_next)
        return page

    def destination(self) -> str:
        return (DEST_DRIVE, DEST_FOLDER, DEST_EMAIL)[max(0, self.dest_group.checkedId())]

    def set_destination(self, dest: str) -> None:
        {DEST_DRIVE: self.drive_radio, DEST_FOLDER: self.folder_radio, DEST_EMAIL: self.email_radio}[dest].setChecked(
            True)

    def refresh_drives(self) -> None:
        """List the mounted removable drives again (a stick plugged in after opening)."""
        self.drive_combo.clear()
        try:
            vols = self.list_drives()
        except OSError:
            vols = []
        for vol in vols:
            label = self.tr("%1 — kosong %2 dari %3").replace("%1", vol.label or vol.path).replace(
                "%2", fmt_volume(vol.free)).replace("%3", fmt_volume(vol.total))
            self.drive_combo.addItem(icons.icon("backup"), label, vol.path)
        if vols:
            self.drive_hint.setText(self.tr("Kiriman ditulis ke folder KLA di flashdisk, lalu dibaca ulang untuk "
                                            "memastikan isinya utuh."))
        else:
            self.drive_combo.addItem(self.tr("(tidak ada flashdisk terpasang)"), "")
            self.drive_hint.setText(self.tr("Tidak ada flashdisk yang terpasang. Colokkan flashdisk, tunggu sampai "
                                            "terbaca oleh komputer, lalu klik Muat ulang."))
        self._update_next()

    def _on_dest_group_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._on_dest_changed()

    def _on_dest_changed(self) -> None:
        dest = self.destination()
        self.drive_combo.setEnabled(dest == DEST_DRIVE)
        self.refresh_button.setEnabled(dest == DEST_DRIVE)
        self.folder_button.setEnabled(dest != DEST_DRIVE)
        self.folder_label.setEnabled(dest != DEST_DRIVE)
        to = self.city_email()
        if dest == DEST_EMAIL:
            self.email_hint.setText(
                self.tr("Satu draf email per bagian ditulis ke folder itu, ditujukan ke %1. Buka draf di program "
                        "email lalu kirim.").replace("%1", to) if to else
                self.tr("Satu draf email per bagian ditulis ke folder itu. Alamat DP3AKB belum diketahui: isi "
                        "alamatnya sendiri di program email."))
        else:
            self.email_hint.setText("")
        self.email_hint.setVisible(dest == DEST_EMAIL)
        if not self._size_touched:
            # The usual size for the way the file travels; the clerk may still choose another.
            self.size_combo.setCurrentIndex(SIZE_NONE if dest == DEST_DRIVE else SIZE_EMAIL)
        email = dest == DEST_EMAIL
        self.mail_row.setVisible(email)
        self.size_box.setVisible(not email)
        self.size_title.setText(self.tr("Batas ukuran satu email") if email else self.tr("Ukuran per bagian"))
        self.size_hint.setText(
            self.tr("Setiap draf email, dengan lampirannya yang sudah dikodekan, tidak lebih besar dari batas ini; "
                    "kiriman yang lebih besar dipecah menjadi beberapa email. Banyak server email kantor .go.id "
                    "hanya menerima 10 MB: tanyakan batasnya jika ragu.") if email else
            self.tr("Kiriman yang lebih besar dipecah menjadi beberapa bagian. Setiap bagian lengkap dan bisa "
                    "diimpor sendiri oleh DP3AKB."))
        self._show_folder()
        self._update_next()

    def _on_folder_button_clicked(self) -> None:
        first_drive = next((str(self.drive_combo.itemData(i)) for i in range(self.drive_combo.count())
                            if self.drive_combo.itemData(i)), "")
        path = self.session.dialogs.choose_folder(self, self.tr("Pilih folder tujuan kiriman"),
                                                  self.folder or first_drive, kind="export")
        if path:
            self.folder = path
            self._show_folder()
            self._update_next()

    def _show_folder(self) -> None:
        self.folder_label.setText(self.folder or self.tr("(belum dipilih)"))

    def _on_size_combo_activated(self, _index: int) -> None:
        self._size_touched = True

    def _on_size_changed(self, index: int) -> None:
        self.size_spin.setVisible(index == SIZE_CUSTOM)

    def _on_mail_limit_changed(self, _index: int) -> None:
        self.mail_spin.setVisible(self.mail_combo.currentData() == -1)

    def part_size(self) -> int:
        """Bytes per part; for email 0, and the engine sizes parts by :meth:`mail_limit`."""
        if self.destination() == DEST_EMAIL:
            return 0
        value = self.size_combo.currentData()
        return self.size_spin.value() * MB if value == -1 else int(value)

    def mail_limit(self) -> int | None:
        """The chosen limit of one whole email in bytes (None when not writing email drafts)."""
        if self.destination() != DEST_EMAIL:
            return None
        value = self.mail_combo.currentData()
        return self.mail_spin.value() * 1_000_000 if value == -1 else int(value)

    def out_dir(self) -> Path | None:
        if self.destination() == DEST_DRIVE:
            root = self.drive_combo.currentData()
            return Path(root) / "KLA" if root else None
        return Path(self.folder) if self.folder else None

    def city_email(self) -> str:
        return bundle.outbox_summary(self.session.store).city_email if self.session.store else ""

    def _update_next(self) -> None:
        ready = self.out_dir() is not None
        self.next_button.setEnabled(ready)
        # A disabled button says why, beside it and on hover.
        if ready:
            why = ""
        elif self.destination() == DEST_DRIVE:
            why = self.tr("Colokkan flashdisk lalu klik Muat ulang, atau pilih \"Folder\" sebagai tujuan.")
        else:
            why = self.tr("Pilih folder tujuan dulu dengan tombol di atas.")
        self.next_button.setToolTip(why or self.tr("Tulis kiriman ke tujuan yang dipilih"))
        self.next_why.setText(why)
        self.next_why.setVisible(bool(why) and self.stack.currentIndex() == STEP_CHOOSE)

    # ------------------------------------------------------------------ step 2: run

    def _build_run(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addStretch(1)
        self.run_title = QLabel(self.tr("Menulis kiriman…"))
        self.run_title.setObjectName("sectionTitle")
        v.addWidget(self.run_title)
        self.bar = QProgressBar()
        self.bar.setObjectName("bigProgress")
        v.addWidget(self.bar)
        self.run_text = WrapLabel()
        v.addWidget(self.run_text)
        hint = WrapLabel(fill(self.tr("Data dienkripsi untuk DP3AKB dan ditandatangani dengan kunci %1 ini. Jangan "
                                   "cabut flashdisk selama proses ini."), units_word(self.session.store, capital=False)))
        hint.setObjectName("helpText")
        v.addWidget(hint)
        v.addStretch(2)
        return page

    def start_export(self) -> Task | None:
        """Run the export in the background; returns the task (None when no destination)."""
        out = self.out_dir()
        if out is None or is_running(self.task):
            return None
        self.result = None
        self.error = None
        self._out = out
        self._before = self._kla_files(out)
        opts = ExportOptions(self.session.home, self.session.store.operator, out, self.part_size(),
                             self.destination() == DEST_EMAIL, self.mail_limit())
        self.bar.setRange(0, 0)
        self.run_text.setText(self.tr("Menyiapkan…"))
        self.cancel_button.setEnabled(True)
        self._show_step(STEP_RUN)
        self.task = run_in_background(self, self.make_job(opts), title=self.tr("Menulis kiriman…"),
                                      on_done=self._on_task_finished, on_failed=self._on_task_failed,
                                      on_progress=self._on_task_progressed)
        return self.task

    @staticmethod
    def _kla_files(folder: Path) -> set[str]:
        try:
            return {p.name for p in folder.iterdir() if p.suffix in (".kla", ".eml")}
        except OSError:
            return set()

    def _on_task_progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.run_text.setText(text)

    def _on_cancel_clicked(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.run_text.setText(self.tr("Membatalkan… bagian yang sedang ditulis dibuang."))
        else:
            self.reject()

    def _on_task_finished(self, result: bundle.ExportResult) -> None:
        self.result = result
        self._show_result()
        if not result.nothing_to_send:
            self.write_handover()
        self._show_step(STEP_RESULT)
        if not result.nothing_to_send:
            self.export_finished.emit(result)

    def _on_task_failed(self, failure: Failure) -> None:
        # A defect (already in the log) is worded as a write that did not finish, with its detail.
        exc = failure.error
        self.error = exc if isinstance(exc, KlaError) else KlaError(
            "dest_write_failed", path=str(self._out), detail=str(exc))
        self._show_error()
        self._show_step(STEP_RESULT)

    # ------------------------------------------------------------------ step 3: result

    def _build_result(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.result_title = WrapLabel()
        self.result_title.setObjectName("sectionTitle")
        v.addWidget(self.result_title)
        self.result_text = WrapLabel()
        v.addWidget(self.result_text)
        self.files_list = QListWidget()
        self.files_list.setAccessibleName(self.tr("Berkas yang ditulis"))
        v.addWidget(self.files_list, 1)
        actions = QHBoxLayout()
        self.open_eml_button = QPushButton(icons.icon("open"), self.tr("Buka di program email"))
        self.open_eml_button.setToolTip(self.tr("Buka draf email bagian yang dipilih"))
        self.open_folder_button = QPushButton(icons.icon("folder"), self.tr("Buka folder"))
        self.handover_button = QPushButton(self.tr("Cetak berita acara…"))
        self.handover_button.setToolTip(self.tr("Berita Acara Serah Terima kiriman ini, dengan kode QR untuk diperiksa "
                                                "DP3AKB: cetak, tanda tangani, serahkan bersama flashdisk"))
        self.handover_button.setEnabled(False)
        actions.addWidget(self.open_eml_button)
        actions.addWidget(self.open_folder_button)
        actions.addWidget(self.handover_button)
        actions.addStretch(1)
        v.addLayout(actions)
        self.next_steps = WrapLabel()
        self.next_steps.setObjectName("guidance")
        v.addWidget(self.next_steps)
        # Nothing to send: no list of files, so the words stay together at the top (they were spread
        # over the page, with the hidden list's room between the title and its sentence).
        self.result_filler = QWidget()
        v.addWidget(self.result_filler, 1)
        self.result_filler.hide()
        self.open_eml_button.clicked.connect(self._on_open_eml_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_clicked)
        self.handover_button.clicked.connect(self.print_handover)
        return page

    def _show_result(self) -> None:
        res = self.result
        assert res is not None
        self.files_list.clear()
        self.open_folder_button.setVisible(True)
        # Restored from a backup older than the last receipt: what DP3AKB holds is known only once it is
        # imported again (before, "Semua data sudah diterima" while DP3AKB held newer values).
        behind = self.session.store.sync.receipt_behind() if self.session.store else 0
        again = ("\n" + message_text("export_before_receipt", seq=behind)) if behind else ""
        if res.nothing_to_send:
            self.result_title.setText(self.tr("Tidak ada yang perlu dikirim"))
            self.result_text.setText((self.tr("Menurut tanda terima yang tercatat di ruang kerja ini tidak ada yang "
                                              "perlu dikirim. Tidak ada berkas yang ditulis.") if behind else
                                      self.tr("Semua data sudah diterima DP3AKB menurut tanda terima terakhir. "
                                              "Tidak ada berkas yang ditulis.")) + again)
            self.files_list.hide()
            self.open_eml_button.hide()
            self.open_folder_button.hide()
            self.handover_button.hide()
            self.result_filler.show()
            # What to do next; after a restore the sentence above already says it (import the receipt again).
            self.next_steps.setText(self.tr(
                "Langkah berikutnya: tidak ada yang perlu dilakukan sekarang; tutup jendela ini. Bila nanti ada "
                "data yang diubah atau ditambahkan, buat kiriman lagi: hanya yang baru atau berubah yang dikirim."))
            self.next_steps.setVisible(not behind)
            return
        self.result_filler.hide()
        self.handover_button.show()
        self.files_list.show()
        self.next_steps.show()
        self.result_title.setText(self.tr("Kiriman no. %1 selesai ditulis dan diperiksa").replace(
            "%1", fmt_number(res.device_seq)))
        text = self.tr("%n bagian, semuanya sudah dibaca ulang dan cocok.", "", len(res.parts)) + " " + \
            self.tr("Isi: %1 item, %2 berkas data dukung (%3).").replace("%1", fmt_number(res.items)).replace(
                "%2", fmt_number(res.files)).replace("%3", fmt_size(res.file_bytes))
        if res.rejected:
            text += "\n" + self.tr("%n item tidak dikirim karena DP3AKB memilih versi lain (lihat catatan tanda "
                                   "terima).", "", len(res.rejected))
        flagged = getattr(res, "flagged", ())
        if flagged:
            # Sent all the same (save and flag, never drop): DP3AKB sees the same marks.
            names = ", ".join(f"{no}. {self.session.template.indicator(no).short_name}" for _y, no in flagged)
            text += "\n" + self.tr("Terkirim dengan angka bertanda kuning yang perlu diperiksa: %1. Periksa di "
                                   "halaman Indikator; kiriman berikutnya membawa perbaikannya.").replace("%1", names)
        self.result_text.setText(text + again)
        emls = {p.stem: p for p in res.eml}
        for p in res.parts:
            # The long file name on a line of its own: beside the counts it ran past the list's edge.
            line = self.tr("Bagian %1 dari %2 — %3 · %4 item, %5 berkas").replace(
                "%1", str(p.part)).replace("%2", str(p.parts)).replace("%3", fmt_size(p.size)).replace(
                "%4", fmt_number(p.items)).replace("%5", fmt_number(p.files))
            if p.oversized:
                line += " — " + self.tr("lebih besar dari batas email; kirim lewat flashdisk")
            line += "\n" + p.path.name
            eml = emls.get(p.path.stem)
            if eml is not None:
                line += "\n" + self.tr("Draf email: %1 (%2)").replace("%1", eml.name).replace(
                    "%2", fmt_size(eml.stat().st_size))
            item = QListWidgetItem(icons.icon("check"), line)
            item.setData(PATH_ROLE, str(eml or p.path))
            item.setToolTip(self.tr("Dibaca ulang dan cocok. SHA-256: %1").replace("%1", p.sha256))
            self.files_list.addItem(item)
        if self.files_list.count():
            self.files_list.setCurrentRow(0)
        dest = self.destination()
        self.open_eml_button.setVisible(bool(res.eml))
        if res.eml:
            to = self.city_email()
            steps = self.tr("Langkah berikutnya: buka setiap draf (.eml) di program email, periksa bahwa berkas "
                            ".kla terlampir, lalu kirim ke %1. Satu email per bagian.").replace(
                "%1", to or self.tr("alamat email DP3AKB"))
        elif dest == DEST_DRIVE:
            steps = self.tr("Langkah berikutnya: cabut flashdisk dengan aman (Safely Remove / Eject) lalu serahkan ke "
                            "DP3AKB. Berkas ada di folder KLA.")
        else:
            steps = self.tr("Langkah berikutnya: salin berkas .kla dari folder itu ke flashdisk atau lampirkan ke "
                            "email untuk DP3AKB.")
        steps += "\n" + self.tr("Cetak berita acara serah terima, tanda tangani, dan serahkan bersama kirimannya; "
                                "DP3AKB memeriksanya dengan kode QR di lembar itu.")
        steps += "\n" + self.tr("Data dianggap terkirim setelah tanda terima dari DP3AKB diimpor di halaman Kiriman.")
        self.next_steps.setText(steps)

    # ------------------------------------------------------------------ the handover paper

    def write_handover(self) -> Task | None:
        """The Berita Acara Serah Terima of the export just written, into the workspace's laporan folder."""
        res = self.result
        if res is None or res.nothing_to_send:
            return None
        home, operator, series = self.session.home, self.session.store.operator, res.series_id
        dest = home / "laporan" / f"Berita acara serah terima KLA kiriman {res.device_seq}.pdf"

        def job(progress: object, cancelled: object) -> Path:
            from db.store import Store
            from exports import handover

            store = Store.open(home, check=False, start_backup=False)
            try:
                store.operator = operator
                h = handover.from_log(store, series)
            finally:
                store.close()
            return handover.write_handover_pdf(h, dest)

        self.handover_path: Path | None = None
        self.handover_task = run_in_background(self, job, title=self.tr("Menyusun berita acara…"),
                                               on_done=self._on_handover_written,
                                               on_failed=self._on_handover_failed)
        return self.handover_task

    def _on_handover_written(self, path: Path) -> None:
        self.handover_path = path
        self.handover_button.setEnabled(True)
        self.handover_button.setToolTip(self.tr("Tersimpan: %1").replace("%1", str(path)))

    def _on_handover_failed(self, failure: Failure) -> None:
        if not failure.cancelled:
            self.handover_button.setToolTip(failure.text)

    def print_handover(self) -> bool:
        from ui.reports.printing import print_pdf

        path = getattr(self, "handover_path", None)
        if path is None:
            return False
        return print_pdf(self, self.session.dialogs, path)

    def _show_error(self) -> None:
        err = self.error
        assert err is not None
        self.files_list.clear()
        self.open_eml_button.hide()
        # Nothing was sent, so there is no handover paper to print (a greyed "Cetak berita acara…"
        # beside "Belum ada yang terkirim" read as if one were still coming).
        self.handover_button.hide()
        self.next_steps.show()
        if err.code == "cancelled":
            self.result_title.setText(self.tr("Pembuatan kiriman dibatalkan"))
            self.result_text.setText(self.tr("Bagian yang sedang ditulis dibuang; tidak ada berkas setengah jadi "
                                             "yang tertinggal."))
        else:
            self.result_title.setText(self.tr("Kiriman tidak selesai"))
            self.result_text.setText(kla_error_text(err))
        # Parts completed before the stop are whole and valid, but the set is not: say so plainly.
        new = sorted(self._kla_files(self._out) - self._before)
        for name in new:
            item = QListWidgetItem(icons.icon("warning"), name)
            item.setData(PATH_ROLE, str(self._out / name))
            self.files_list.addItem(item)
        self.files_list.setVisible(bool(new))
        self.open_folder_button.setVisible(bool(new))
        self.next_steps.setText(
            (self.tr("Berkas di atas sudah lengkap, tetapi kirimannya belum: buat kiriman lagi dan kirim yang baru. "
                     "Berkas di atas boleh dihapus.") + "\n" if new else "")
            + self.tr("Belum ada yang terkirim. Klik Kembali untuk mencoba lagi."))

    def _selected_file(self) -> str:
        item = self.files_list.currentItem() or (self.files_list.item(0) if self.files_list.count() else None)
        return str(item.data(PATH_ROLE)) if item is not None else ""

    def _on_open_eml_clicked(self) -> None:
        path = self._selected_file()
        if path.endswith(".eml"):
            from ui.reports.printing import open_file

            open_file(self, self.session.dialogs, Path(path), self.open_url, printable=False)

    def _on_open_folder_clicked(self) -> None:
        path = self._selected_file()
        if path and self.open_url(QUrl.fromLocalFile(str(Path(path).parent))) is False:
            self.session.dialogs.error(self, self.tr("Buka folder"), self.tr(
                "Komputer ini tidak bisa membuka folder %1 dengan program pengelola berkas. Kirimannya sudah "
                "tersimpan di sana: buka folder itu lewat pengelola berkas komputer (misalnya Windows Explorer).")
                .replace("%1", str(Path(path).parent)))

    # ------------------------------------------------------------------ steps

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [self.tr("1. Tujuan"), self.tr("2. Menulis"), self.tr("3. Hasil")]
        self.steps_label.setText("   ›   ".join(f"<b>{n}</b>" if i == step else n for i, n in enumerate(names)))
        self.back_button.setVisible(step == STEP_RESULT and self.error is not None)
        self.next_button.setVisible(step == STEP_CHOOSE)
        self.cancel_button.setVisible(step in (STEP_CHOOSE, STEP_RUN))
        self.close_button.setVisible(step == STEP_RESULT)
        self.next_why.setVisible(step == STEP_CHOOSE and bool(self.next_why.text()))

    def _on_back_clicked(self) -> None:
        self.error = None
        self.refresh_drives()
        self._show_step(STEP_CHOOSE)

    def running(self) -> bool:
        return is_running(self.task)

    def reject(self) -> None:
        # Esc or the window's close button while writing: stop the job, do not leave it orphaned.
        if self.running():
            self._on_cancel_clicked()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running():
            self._on_cancel_clicked()
            event.ignore()
            return
        super().closeEvent(event)

