"""Kotak Masuk: import kelurahan bundles from files, a folder or a flashdisk.

Every import starts as a dry run off the GUI thread (nothing changes; per file: new,
changed, unchanged, conflicting, refused with the reason); "Impor" then applies it.
Afterwards: refused files in quarantine, split submissions with missing parts, open
conflicts with their decision buttons, and "Tulis tanda terima" for the senders.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from exports import usb
from exports.bundle import ImportResult
from ui.city.inbox_models import ConflictModel, ImportReportModel
from ui.city.jobs import import_job, receipt_job
from ui.city.session import CitySession
from ui.messages import receipt_count_words
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text, translate_message
from ui.widgets import icons
from ui.widgets.formatting import fill, fmt_number
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.tasks import ProgressWidget, Task
from ui.widgets.unit_words import unit_title, units_word


class _FileNameDelegate(QStyledItemDelegate):
    """One line, elided in the middle: the start and the ".eml"/".kla" end of a long name stay readable."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def _table(model) -> KeptTableView:  # noqa: ANN001
    view = KeptTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    return view


class _Said(QLabel):
    """A sentence that is there only while it says something (no empty gap above the buttons)."""

    def __init__(self) -> None:
        super().__init__()
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))
        self._hold()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._hold()

    def _hold(self) -> None:
        """Never shorter than its text at its width: in a pane short of room the layout squeezed it and
        cut the last line ("Serahkan lewat flashdisk atau lampirkan ke e-mail untuk kelurahan"); the
        list above it gives the room instead."""
        need = self.heightForWidth(self.width()) if self.text() else 0
        if need != self.minimumHeight():
            self.setMinimumHeight(max(0, need))


class InboxPage(QWidget):
    """See the module docstring."""

    import_finished = Signal(object)
    """An import or dry run ended; the argument is the engine's ImportResult."""

    def __init__(self, session: CitySession, list_drives: Callable[[], list[usb.Volume]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list_drives = list_drives or usb.removable_drives
        self.paths: list[Path] = []
        self.result: ImportResult | None = None
        self.senders: list[str] = []
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        title = QLabel(fill(self.tr("Kotak Masuk · impor kiriman %1"), units_word(session.store, capital=False)))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = WrapLabel(self.tr("Pilih berkas .kla atau draf e-mail .eml, satu folder, atau flashdisk. Semua diperiksa "
                               "dulu tanpa mengubah apa pun; setelah hasilnya dilihat, klik Impor."))
        intro.setObjectName("helpText")
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.files_button = QPushButton(icons.icon("file"), self.tr("Pilih berkas…"))
        self.folder_button = QPushButton(icons.icon("folder"), self.tr("Pilih folder…"))
        self.drive_combo = QComboBox()
        self.drive_combo.setMinimumWidth(220)
        self.drive_button = QPushButton(self.tr("Baca flashdisk"))
        self.drive_refresh = QPushButton(self.tr("Muat ulang"))
        self.drive_refresh.setToolTip(self.tr("Cari lagi flashdisk yang terpasang"))
        for w in (self.files_button, self.folder_button):
            row.addWidget(w)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Flashdisk:")))
        row.addWidget(self.drive_combo)
        row.addWidget(self.drive_button)
        row.addWidget(self.drive_refresh)
        row.addStretch(1)
        layout.addLayout(row)

        row = QHBoxLayout()
        self.summary = WrapLabel(self.tr("Belum ada berkas yang dipilih."))
        row.addWidget(self.summary, 1)
        self.progress = ProgressWidget()
        row.addWidget(self.progress)
        self.import_button = QPushButton(icons.icon("check"), self.tr("Impor"))
        self.import_button.setEnabled(False)
        self.import_button.setToolTip(self.tr("Masukkan kiriman yang diperiksa ke basis data DP3AKB"))
        row.addWidget(self.import_button)
        layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Vertical)
        self.split = split
        layout.addWidget(split, 1)
        self.report_model = ImportReportModel(self)
        self.report_model.header_words = {ImportReportModel.COL_KELURAHAN: units_word(session.store)}
        self.report_view = _table(self.report_model)
        hh = self.report_view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A long e-mail file name would take the width Alasan needs: Berkas gets at most a quarter
        # of the table and is elided in the middle (the tooltip has the full path).
        hh.setSectionResizeMode(ImportReportModel.COL_FILE, QHeaderView.ResizeMode.Interactive)
        self.report_view.setItemDelegateForColumn(ImportReportModel.COL_FILE, _FileNameDelegate(self.report_view))
        hh.setStretchLastSection(True)
        # A refusal reason ends with what to do next: wrap it instead of cutting it off at "…".
        self.report_view.setWordWrap(True)
        hh.sectionResized.connect(self._on_report_header_section_resized)
        split.addWidget(self.report_view)

        lower = QWidget()
        lo = QHBoxLayout(lower)
        lo.setContentsMargins(0, 0, 0, 0)
        # Conflicts.
        box = QFrame()
        box.setObjectName("card")
        bv = QVBoxLayout(box)
        t = QLabel(self.tr("Konflik menunggu keputusan"))
        t.setObjectName("sectionTitle")
        bv.addWidget(t)
        self.conflict_model = ConflictModel(self)
        self.conflict_model.header_words = {ConflictModel.COL_KELURAHAN: units_word(session.store)}
        self.conflict_view = _table(self.conflict_model)
        self.conflict_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_view.horizontalHeader().setStretchLastSection(True)
        bv.addWidget(self.conflict_view, 1)
        br = QHBoxLayout()
        self.keep_held = QPushButton(self.tr("Pakai versi DP3AKB"))
        self.keep_held.setToolTip(self.tr("Data yang sudah ada di DP3AKB tetap; kiriman ini diabaikan untuk isian itu"))
        self.keep_incoming = QPushButton(self.tr("Pakai versi kiriman"))
        self.keep_incoming.setToolTip(self.tr("Data dari kiriman ini menggantikan yang ada di DP3AKB"))
        self.compare_button = QPushButton(self.tr("Bandingkan kedua versi…"))
        self.compare_button.setToolTip(self.tr("Nilai, siapa dan kapan mengubahnya, dan di komputer mana, "
                                               "berdampingan (atau klik dua kali konfliknya)"))
        # What a decision did is said above the buttons, not under them: the list gives it the room, and
        # the buttons stay under the pointer that just clicked one (under them, the sentence lifted them
        # 34 px at 1366x768).
        self.conflict_said = WrapLabel()
        self.conflict_said.setObjectName("subtle")
        self.conflict_said.hide()
        bv.addWidget(self.conflict_said)
        # Two rows: at 125% the three side by side cut "Bandingkan kedua versi…" to "ndingkan kedua vers".
        br.addWidget(self.compare_button)
        br.addStretch(1)
        bv.addLayout(br)
        br = QHBoxLayout()
        br.addWidget(self.keep_held)
        br.addWidget(self.keep_incoming)
        br.addStretch(1)
        bv.addLayout(br)
        lo.addWidget(box, 3)
        # Missing parts, quarantine, receipts.
        box = QFrame()
        box.setObjectName("card")
        bv = QVBoxLayout(box)
        t = QLabel(self.tr("Bagian belum diterima dan karantina"))
        t.setObjectName("sectionTitle")
        bv.addWidget(t)
        self.pending = QListWidget()
        self.pending.setWordWrap(True)
        self.pending.setMinimumHeight(48)  # two lines; the sentences under it keep theirs whole
        bv.addWidget(self.pending, 1)
        # Each sentence above the control it answers (as for the conflicts): the receipt button and the
        # handover code stay where they were clicked.
        self.receipt_note = _Said()
        self.receipt_note.setObjectName("helpText")
        self.receipt_note.setWordWrap(True)
        self.receipt_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bv.addWidget(self.receipt_note)
        br = QHBoxLayout()
        self.receipt_button = QPushButton(icons.icon("outbox"), self.tr("Tulis tanda terima…"))
        self.receipt_button.setToolTip(self.tr("Tanda terima bertanda tangan untuk kelurahan yang baru mengirim: apa yang "
                                               "sudah diterima DP3AKB, tinjauan dan catatannya"))
        br.addWidget(self.receipt_button)
        br.addStretch(1)
        bv.addLayout(br)
        self.handover_result = _Said()
        self.handover_result.setWordWrap(True)
        self.handover_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bv.addWidget(self.handover_result)
        # A signed handover paper (Berita Acara Serah Terima) checked against the files imported.
        hr = QHBoxLayout()
        self.handover_code = QLineEdit()
        # Short enough for the field at 1366x768 (the longer hint was cut: "... (pindai QR..."); the whole
        # sentence is the tooltip.
        self.handover_code.setPlaceholderText(self.tr("Kode berita acara (pindai QR)"))
        self.handover_code.setToolTip(self.tr("Kode pemeriksaan berita acara (pindai QR atau ketik)"))
        self.handover_code.setAccessibleName(self.tr("Kode pemeriksaan berita acara"))
        self.handover_button = QPushButton(self.tr("Periksa berita acara"))
        hr.addWidget(self.handover_code, 1)
        hr.addWidget(self.handover_button)
        bv.addLayout(hr)
        lo.addWidget(box, 2)
        split.addWidget(lower)
        split.setSizes([300, 220])

        writable = not session.read_only
        for b in (self.import_button, self.keep_held, self.keep_incoming, self.receipt_button):
            b.setEnabled(False if b is self.import_button else writable)

        self.files_button.clicked.connect(self._on_files_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.drive_button.clicked.connect(self._on_drive_button_clicked)
        self.drive_refresh.clicked.connect(self.reload_drives)
        self.import_button.clicked.connect(self.apply_import)
        self.compare_button.clicked.connect(self.compare_selected)
        self.conflict_view.doubleClicked.connect(lambda _i: self.compare_selected())
        self.handover_button.clicked.connect(self.check_handover)
        self.handover_code.returnPressed.connect(self.check_handover)
        self.keep_held.clicked.connect(lambda: self.resolve_selected("held"))
        self.keep_incoming.clicked.connect(lambda: self.resolve_selected("incoming"))
        self.receipt_button.clicked.connect(self._on_receipt_button_clicked)
        session.data_changed.connect(self._on_session_data_changed)
        self.reload_drives()
        self.reload_pending()

    # ------------------------------------------------------------------ choosing

    def _first_drive(self) -> str:
        """The first flashdisk plugged in ('' when none): where a file dialog opens when none was used yet."""
        return next((str(self.drive_combo.itemData(i)) for i in range(self.drive_combo.count())
                     if self.drive_combo.itemData(i)), "")

    def reload_drives(self) -> None:
        self.drive_combo.clear()
        try:
            drives = self.list_drives()
        except OSError:
            drives = []
        for v in drives:
            self.drive_combo.addItem(f"{v.label or v.path} ({v.path})", v.path)
        if not drives:
            self.drive_combo.addItem(self.tr("(tidak ada flashdisk terpasang)"), "")
        self.drive_button.setEnabled(bool(drives))

    def _on_files_button_clicked(self) -> None:
        files = self.session.dialogs.open_files(self, self.tr("Pilih kiriman kelurahan"),
                                                self.tr("Kiriman KLA (*.kla *.eml);;Semua berkas (*)"),
                                                kind="bundle", start=self._first_drive())
        if files:
            self.check([Path(f) for f in files])

    def _on_folder_button_clicked(self) -> None:
        folder = self.session.dialogs.choose_folder(self, self.tr("Pilih folder berisi kiriman"),
                                                    self._first_drive(), kind="bundle")
        if folder:
            self.check([Path(folder)])

    def _on_drive_button_clicked(self) -> None:
        path = self.drive_combo.currentData()
        if path:
            self.check([Path(path)])

    # ------------------------------------------------------------------ dry run and import

    def _busy(self) -> bool:
        return is_running(self.task)

    def _start(self, paths: list[Path], dry_run: bool) -> Task | None:
        if self._busy():
            return None
        s = self.session
        self.import_button.setEnabled(False)
        for b in (self.files_button, self.folder_button, self.drive_button):
            b.setEnabled(False)
        self.task = run_in_background(
            self, import_job(s.home, s.store.operator, paths, dry_run),
            title=self.tr("Memeriksa kiriman…") if dry_run else self.tr("Mengimpor kiriman…"),
            on_done=self._on_task_finished, on_failed=self._on_task_failed, on_ended=self._on_task_ended,
            progress_widget=self.progress)
        return self.task

    def check(self, paths: list[Path]) -> Task | None:
        """Dry run: report what importing ``paths`` would do; nothing changes."""
        self.paths = list(paths)
        self.summary.setText(self.tr("Memeriksa %1…").replace("%1", ", ".join(p.name for p in paths[:3])))
        return self._start(self.paths, dry_run=True)

    def apply_import(self) -> Task | None:
        if not self.paths or self.session.read_only:
            return None
        return self._start(self.paths, dry_run=False)

    def _names(self) -> dict[str, str]:
        return {u.code: u.name for u in self.session.store.units("kelurahan")}

    def _on_task_ended(self) -> None:
        for b in (self.files_button, self.folder_button):
            b.setEnabled(True)
        self.drive_button.setEnabled(bool(self.drive_combo.currentData()))

    def _on_task_finished(self, result: ImportResult) -> None:
        self.result = result
        self.report_model.set_rows(result.files, result.dry_run, self._names())
        self._fit_file_column()
        files = result.files
        refused = len(result.refused)
        usable = [f for f in files if f.status not in ("refused", "duplicate", "older", "own")]
        if result.dry_run:
            if not files:
                text = self.tr("Tidak ada berkas .kla atau .eml yang ditemukan di sana (folder dicari sampai tiga "
                               "tingkat). Periksa apakah flashdisk atau folder yang dipilih benar; kiriman bernama "
                               "KLA-<kode>-…-bagian-….kla.")
            elif refused and not usable:
                # Refused files go to the quarantine only during a real import, and there is nothing
                # to import: say that they were left alone rather than leave "Impor" silently greyed out.
                text = self.tr("Uji coba: %1 berkas diperiksa, %2 ditolak, tidak ada yang bisa diimpor. Tidak ada "
                               "yang diubah: berkas yang ditolak tetap di tempatnya dan tidak disalin ke karantina. "
                               "Baca kolom Alasan untuk langkah berikutnya.") \
                    .replace("%1", fmt_number(len(files))).replace("%2", fmt_number(refused))
            else:
                text = self.tr("Uji coba: %1 berkas diperiksa, %2 bisa diimpor, %3 ditolak. Belum ada yang diubah.") \
                    .replace("%1", fmt_number(len(files))).replace("%2", fmt_number(len(usable))) \
                    .replace("%3", fmt_number(refused))
            self.import_button.setEnabled(bool(usable) and not self.session.read_only)
        else:
            imported = [f for f in files if f.status == "imported"]
            self.senders = sorted({f.kelurahan for f in imported if f.kelurahan})
            if refused:
                text = self.tr("Impor selesai: %1 berkas diimpor, %2 ditolak (disalin ke karantina).") \
                    .replace("%1", fmt_number(len(imported))).replace("%2", fmt_number(refused))
            else:  # "0 ditolak (disalin ke karantina)" read as if something had been put in quarantine
                text = self.tr("Impor selesai: %n berkas diimpor, tidak ada yang ditolak.", "", len(imported))
            if self.senders:
                text += " " + self.tr("Tulis tanda terima untuk kelurahan pengirim agar mereka tahu apa yang sudah "
                                      "diterima.")
            self.import_button.setEnabled(False)
        self.summary.setText(text)
        self.reload_pending()
        if not result.dry_run:
            # Written by the worker's own connection: the senders' data (the city views re-read their rows).
            self.session.notify(Changes.of("sync", self.senders, units=self.senders), self)
        self.import_finished.emit(result)

    def _fit_file_column(self) -> None:
        view = self.report_view
        limit = max(160, view.viewport().width() // 4)
        view.setColumnWidth(ImportReportModel.COL_FILE, min(view.sizeHintForColumn(ImportReportModel.COL_FILE), limit))
        view.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.report_model.rowCount():
            self._fit_file_column()

    def _on_report_header_section_resized(self, index: int, old: int, new: int) -> None:
        if index == ImportReportModel.COL_REASON:
            self.report_view.resizeRowsToContents()

    def _on_task_failed(self, failure: Failure) -> None:
        self.summary.setText(self.tr("Dibatalkan. Tidak ada yang diubah.") if failure.cancelled else failure.text)
        self.import_finished.emit(None)

    # ------------------------------------------------------------------ after import

    def reload_pending(self) -> None:
        store = self.session.store
        names = self._names()
        conflicts = store.sync.conflicts()
        self.conflict_model.set_rows(conflicts, names, store.sync.device_names())
        # The import's rows say how many of their conflicts are still open (decided here or elsewhere).
        self.report_model.set_open_conflicts({(c.kelurahan_code, c.item_key) for c in conflicts})
        # With no conflict left the three buttons have nothing to act on (they stayed enabled).
        any_conflict = self.conflict_model.rowCount() > 0
        for b in (self.keep_held, self.keep_incoming):
            b.setEnabled(any_conflict and not self.session.read_only)
        self.compare_button.setEnabled(any_conflict)
        self.pending.clear()
        for s in store.sync.series_status(incomplete_only=True):
            self.pending.addItem(self.tr("%1, kiriman no. %2: bagian %3 dari %4 belum diterima")
                                 .replace("%1", names.get(s.kelurahan_code, s.kelurahan_code))
                                 .replace("%2", str(s.device_seq))
                                 .replace("%3", ", ".join(map(str, s.missing))).replace("%4", str(s.parts)))
        shown = False
        if self.result is not None:
            for f in self.result.files:
                if f.quarantined:
                    self.pending.addItem(self.tr("Karantina: %1").replace("%1", f.quarantined))
                    shown = True
        if not shown:
            # Files refused before this window opened (an earlier day, the command line) are still
            # kept there with their reasons: said, or this pane claimed there was nothing.
            folder = store.paths.quarantine
            try:
                kept = sum(1 for _p in folder.glob("*.alasan.txt"))
            except OSError:
                kept = 0
            if kept:
                self.pending.addItem(self.tr("Karantina: %n berkas yang pernah ditolak, dengan alasannya (berkas "
                                             ".alasan.txt), ada di %1", "", kept).replace("%1", str(folder)))
        if self.pending.count() == 0:
            self.pending.addItem(self.tr("Tidak ada bagian yang tertinggal."))

    def resolve_selected(self, keep: str) -> bool:
        """Decide the selected conflict (``kla city resolve ID --keep held|incoming``)."""
        idx = self.conflict_view.currentIndex()
        if not idx.isValid():
            self.session.dialogs.info(self, self.tr("Konflik"), self.tr("Pilih dulu satu konflik di daftar."))
            return False
        c = idx.data(ConflictModel.RecordRole)
        said = self._conflict_words(idx)
        try:
            changes = self.session.store.sync.resolve_conflict(c.id, keep)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Konflik"), kla_error_text(exc))
            return False
        self.reload_pending()
        self.session.notify(changes, self)
        self._say_resolved(said, keep)
        return True

    def _conflict_words(self, idx: QModelIndex) -> str:
        """'Manggar, isian indikator 4 (data tahun 2026)': the conflict as its row in the list shows it."""
        m = self.conflict_model
        row = idx.row()
        return ", ".join(str(m.index(row, col).data() or "") for col in (m.COL_KELURAHAN, m.COL_ITEM))

    def _say_resolved(self, said: str, keep: str) -> None:
        """The row leaves the list without a word otherwise: say what was decided and what follows."""
        text = (self.tr("Konflik %1: versi DP3AKB tetap dipakai.") if keep == "held"
                else self.tr("Konflik %1: versi kiriman dipakai.")).replace("%1", said)
        text += " " + self.tr("Pengirimnya diberi tahu lewat tanda terima berikutnya.")
        self.conflict_said.setText(text)
        self.conflict_said.show()

    def compare_selected(self) -> object:
        """Both versions of the selected conflict side by side (``ui.city.conflict_dialog``)."""
        from ui.city.conflict_dialog import ConflictDialog

        idx = self.conflict_view.currentIndex()
        if not idx.isValid():
            self.session.dialogs.info(self, self.tr("Konflik"), self.tr("Pilih dulu satu konflik di daftar."))
            return None
        c = idx.data(ConflictModel.RecordRole)
        dlg = ConflictDialog(self.session, c.id, self)
        self._dialog_conflict_words = self._conflict_words(idx)
        dlg.resolved.connect(self._on_conflict_dialog_resolved)
        self.conflict_dialog = dlg
        dlg.open()
        return dlg

    def _on_conflict_dialog_resolved(self, changes: Changes) -> None:
        self.reload_pending()
        self.session.notify(changes, self)
        dlg = getattr(self, "conflict_dialog", None)
        self._say_resolved(getattr(self, "_dialog_conflict_words", ""), getattr(dlg, "kept", "incoming"))

    def check_handover(self) -> bool:
        """Match the code of a signed handover paper against the bundles imported (``kla city verify-handover``)."""
        from exports import handover
        from ui.widgets.formatting import fmt_stamp

        text = self.handover_code.text().strip()
        if not text:
            self.handover_result.setText(self.tr("Ketik atau pindai kode pemeriksaan dari lembar berita acara."))
            return False
        try:
            check = handover.verify(self.session.store, text)
        except KlaError as exc:
            self.handover_result.setText(kla_error_text(exc))
            return False
        if check.found:
            self.handover_result.setText(self.tr(
                "COCOK: lembar ini milik kiriman no. %1 %2 (%3 bagian, semua diterima utuh, diimpor %4).")
                .replace("%1", str(check.device_seq)).replace("%2", unit_title(check.kelurahan_code,
                                                                               check.kelurahan_name))
                .replace("%3", str(check.parts)).replace("%4", fmt_stamp(check.imported_at)))
            self._make_room_later()
            return True
        text = self.tr("TIDAK COCOK: tidak ada kiriman yang sudah diimpor utuh dengan kode itu. Periksa kodenya, lalu "
                       "impor semua bagian kiriman dari flashdisk yang menyertai lembar ini.")
        for _code, name, seq, got, of in check.incomplete:
            text += "\n" + self.tr("%1, kiriman no. %2: baru bagian %3 dari %4 yang diterima").replace("%1", name) \
                .replace("%2", str(seq)).replace("%3", ", ".join(map(str, got))).replace("%4", str(of))
        self.handover_result.setText(text)
        self._make_room_later()
        return False

    def _make_room_later(self, tries: int = 4) -> None:
        QTimer.singleShot(0, lambda: self._make_room(tries))

    def _make_room(self, tries: int = 1) -> None:
        """Grow the lower pane until the receipt and handover sentences show whole: at 1366x768 the
        splitter's share cut "Serahkan lewat flashdisk atau lampirkan ke e-mail" in half. The import
        table above gives the room, down to a few rows."""
        need = sum(max(0, label.heightForWidth(label.width()) - label.height())
                   for label in (self.receipt_note, self.handover_result) if label.text())
        if need <= 0:
            return
        top, bottom = self.split.sizes()
        give = min(need, max(0, top - 140))
        if give:
            self.split.setSizes([top - give, bottom + give])
            if tries > 1:  # the pane's layout settles after the move: look again
                self._make_room_later(tries - 1)

    def _on_receipt_button_clicked(self) -> None:
        # Enrolment first: a receipt is encrypted to a unit's key, so without one there is nothing to write
        # (it asked for a folder, then said so, without saying where to enrol).
        if not self.session.store.inbox_counts()[0]:  # any active key, as write_receipts writes for
            self.receipt_note.setText(fill(
                self.tr("Belum ada %1 yang terdaftar, jadi belum ada tanda terima yang bisa ditulis. Daftarkan dulu "
                        "di halaman “%2 Terdaftar” (tombol “Daftarkan…”), lalu tulis tanda terima lagi."),
                units_word(self.session.store, capital=False), units_word(self.session.store)))
            return
        # Where the bundles were just read from (the kelurahan's stick) until a receipt folder was chosen once.
        dialogs = self.session.dialogs
        start = dialogs.start_folder("bundle", self._first_drive()) if hasattr(dialogs, "start_folder") else ""
        folder = dialogs.choose_folder(self, self.tr("Pilih folder untuk tanda terima"), start, kind="receipt")
        if folder:
            self.write_receipts(Path(folder))

    def write_receipts(self, out_dir: Path) -> Task | None:
        """Receipts for the kelurahan that just sent something (all enrolled when none did)."""
        if self._busy():
            return None
        s = self.session
        self.task = run_in_background(
            self, receipt_job(s.home, s.store.operator, out_dir, list(self.senders)),
            title=self.tr("Menulis tanda terima…"), on_done=self._on_receipts_written,
            on_failed=self._on_receipt_failed, progress_widget=self.progress)
        return self.task

    def _on_receipt_failed(self, failure: Failure) -> None:
        # Next to the receipt button, not in the import summary (it used to overwrite that line and
        # announce an import_finished that never happened).
        self.receipt_note.setText(self.tr("Dibatalkan. Tidak ada yang diubah.") if failure.cancelled
                                  else failure.text)

    def _on_receipts_written(self, written: list) -> None:
        if not written:
            self.receipt_note.setText(fill(
                self.tr("Belum ada %1 yang terdaftar; tidak ada tanda terima ditulis. Daftarkan dulu di halaman "
                        "“%2 Terdaftar” (tombol “Daftarkan…”)."),
                units_word(self.session.store, capital=False), units_word(self.session.store)))
            return
        # The same words the unit reads when it imports the receipt (ui.messages.receipt_count_words).
        lines = [self.tr("Tanda terima %1 no. %2: %3; %4 tinjauan → %5")
                 .replace("%1", r.kelurahan_name).replace("%2", str(r.seq))
                 .replace("%3", receipt_count_words(r.items, r.new, r.since, translate_message, fmt_number))
                 .replace("%4", fmt_number(r.reviews)).replace("%5", r.path.name) for r in written]
        lines.append(self.tr("Folder: %1. Serahkan lewat flashdisk atau lampirkan ke e-mail untuk kelurahan.")
                     .replace("%1", str(written[0].path.parent)))
        self.receipt_note.setText("\n".join(lines))
        self._make_room_later()
        self.session.notify(Changes.of("bundle", [r.path.name for r in written],
                                       units=[r.kelurahan_code for r in written]), self)

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        # Conflicts, missing parts and the kelurahan names: this page reloads them itself after its
        # own import or decision.
        if handler is not self and changes.has("sync", "conflict", "key"):
            self.reload_pending()
