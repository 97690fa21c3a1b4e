"""Kiriman: what waits for DP3AKB, the export wizard, receipts with DP3AKB's notes, history.

The GUI face of ``kla export``, ``kla import RECEIPT`` and ``kla history``; the engine is
``exports.bundle``. Slow work (writing bundles, opening receipts) runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from exports import bundle, usb
from ui.messages import item_words, receipt_count_words, receipt_elsewhere_words, shared_key_text
from ui.operations import Failure, is_running, run_in_background
from ui.outbox.export_wizard import ExportWizard
from ui.outbox.history_model import HistoryModel
from ui.outbox.jobs import receipt_job
from ui.session import Session, kla_error_text, translate_message
from ui.setup_file import SetupInstaller, enrolment_text
from ui.widgets import icons
from ui.widgets.formatting import fill, fmt_number, fmt_size, fmt_stamp
from ui.widgets.labels import WrapLabel
from ui.widgets.tasks import ProgressWidget, Task
from ui.widgets.unit_words import units_word

SENT_ENTITIES = ("value", "entry", "evidence", "activity", "facility", "bundle", "sync", "template", "period")
"""Entities whose change can change what waits to be sent, the review notes or the history."""
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # (data_year, indicator_no) of a review note
REVIEW_ORDER = {"perlu_perbaikan": 0, "": 1, "diterima": 2}

# The button's whole look (a widget's own sheet is all it gets: ui/widgets/style.py): the program's
# button border, focus ring and disabled border, with its own colours, size and padding in every state.
PRIMARY_STYLE = ("QPushButton { background: #2a6fb0; color: white; font-size: 12pt; font-weight: 600;"
                 " padding: 10px 22px; border-radius: 6px; border: 1px solid #aebbc7; }"
                 " QPushButton:focus { border: 2px solid #2a6fb0; }"
                 " QPushButton:disabled { background: #9fb6cc; border: 1px dashed #c3ccd4; }")



def imported_receipts(store: object) -> set[int]:
    """The numbers of the receipts this PC has imported (what "sejak tanda terima no. N" may name)."""
    return {r.device_seq for r in store.sync.bundle_log("in") if r.type == "receipt"}  # type: ignore[attr-defined]


def receipt_held_text(summary: dict, imported: set[int] | None = None) -> str:
    """What an imported receipt says DP3AKB has received: the words DP3AKB read when writing it
    (a receipt imported before the receipt said so: how many items it acknowledged). The receipt it
    counts from is named by its number only when it is in ``imported`` (None: not checked)."""
    if "held" in summary:
        since = int(summary.get("since", 0))
        return receipt_count_words(int(summary["held"]), summary.get("new"), since, translate_message, fmt_number,
                                   since_seen=imported is None or since in imported)
    return QCoreApplication.translate("OutboxPage", "%n item diakui DP3AKB", "", int(summary.get("acknowledged", 0)))

class OutboxPage(QWidget):
    """See the module docstring."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 list_drives: Callable[[], list[usb.Volume]] = usb.removable_drives,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.session = session
        self.list_drives = list_drives
        self.open_url = open_url
        self.wizard: ExportWizard | None = None
        self.receipt_task: Task | None = None
        self.last_receipt_report: bundle.FileReport | None = None
        self._stale = False
        self._receipt_notes: list[dict] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)

        title = QLabel(self.tr("Kiriman"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = WrapLabel(fill(self.tr("Kirim data KLA ke DP3AKB lewat flashdisk, folder atau email. Setiap kiriman "
                                    "dienkripsi untuk DP3AKB dan ditandatangani dengan kunci %1 ini; data dianggap "
                                    "terkirim setelah tanda terima DP3AKB diimpor di sini."),
                            units_word(session.store, capital=False)))
        intro.setObjectName("subtle")
        layout.addWidget(intro)

        # --- state: what waits, last export, last receipt
        top = QHBoxLayout()
        top.setSpacing(12)
        self.pending_card, pending = self._card(self.tr("Menunggu dikirim"))
        self.pending_total = QLabel()
        self.pending_total.setObjectName("headerTitle")
        pending.addWidget(self.pending_total)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.count_labels: dict[str, QLabel] = {}
        for i, (kind, label) in enumerate((("entry", self.tr("Isian indikator")),
                                           ("evidence", self.tr("Data dukung")),
                                           ("activity", self.tr("Kegiatan & inovasi")),
                                           ("facility", self.tr("Fasilitas")),
                                           ("deleted", self.tr("Penghapusan")))):
            name = QLabel(label)
            name.setObjectName("subtle")
            value = QLabel()
            value.setObjectName("fieldLabel")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(name, i % 3, (i // 3) * 2)
            grid.addWidget(value, i % 3, (i // 3) * 2 + 1)
            self.count_labels[kind] = value
        pending.addLayout(grid)
        self.pending_note = WrapLabel()
        self.pending_note.setObjectName("helpText")
        pending.addWidget(self.pending_note)
        top.addWidget(self.pending_card, 1)

        self.export_card, last_export = self._card(self.tr("Kiriman terakhir"))
        self.last_export_label = WrapLabel()
        self.last_export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        last_export.addWidget(self.last_export_label)
        last_export.addStretch(1)
        top.addWidget(self.export_card, 1)

        self.receipt_card, last_receipt = self._card(self.tr("Tanda terima terakhir dari DP3AKB"))
        self.last_receipt_label = WrapLabel()
        last_receipt.addWidget(self.last_receipt_label)
        last_receipt.addStretch(1)
        top.addWidget(self.receipt_card, 1)
        # The three cards share one height, the tallest one's, and take no more.
        cards = QWidget()
        cards.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        cards.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(cards)

        actions = QHBoxLayout()
        self.export_button = QPushButton(icons.icon("outbox"), self.tr("Buat kiriman untuk DP3AKB"))
        self.export_button.setObjectName("primaryButton")
        self.export_button.setStyleSheet(PRIMARY_STYLE)
        self.export_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.receipt_button = QPushButton(icons.icon("open"), self.tr("Impor tanda terima dari DP3AKB…"))
        self.receipt_button.setToolTip(self.tr("Pilih berkas KLA-tanda-terima-….kla yang diberikan DP3AKB"))
        actions.addWidget(self.export_button)
        actions.addSpacing(12)
        actions.addWidget(self.receipt_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.enrol_hint = WrapLabel()
        self.enrol_hint.setObjectName("errorText")
        layout.addWidget(self.enrol_hint)
        # A workspace made without DP3AKB's setup file cannot send: the way out is right here.
        setup_row = QHBoxLayout()
        self.setup_button = QPushButton(icons.icon("open"), self.tr("Pasang berkas pemasangan DP3AKB…"))
        self.setup_button.setToolTip(self.tr("Berkas .klasetup dan kata sandinya dari DP3AKB; data yang sudah "
                                             "diisi tetap tersimpan"))
        setup_row.addWidget(self.setup_button)
        setup_row.addStretch(1)
        layout.addLayout(setup_row)
        self.progress = ProgressWidget()
        layout.addWidget(self.progress)
        self.setup_installer = SetupInstaller(session, self, self.progress)
        self.setup_button.clicked.connect(self.setup_installer.start)

        # --- what the last receipt said, and DP3AKB's notes per indicator
        self.receipt_result = WrapLabel()
        self.receipt_result.setObjectName("guidance")
        self.receipt_result.hide()
        layout.addWidget(self.receipt_result)
        notes_title = QLabel(self.tr("Catatan tinjauan DP3AKB"))
        notes_title.setObjectName("sectionTitle")
        layout.addWidget(notes_title)
        notes_hint = QLabel(self.tr("Klik catatan untuk membuka indikatornya. Yang perlu diperbaiki ada di atas."))
        notes_hint.setObjectName("helpText")
        layout.addWidget(notes_hint)
        self.notes = QListWidget()
        self.notes.setAccessibleName(self.tr("Catatan tinjauan DP3AKB"))
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)

        history_title = QLabel(self.tr("Riwayat kiriman dan tanda terima"))
        history_title.setObjectName("sectionTitle")
        layout.addWidget(history_title)
        self.history_model = HistoryModel(self)
        self.history_proxy = QSortFilterProxyModel(self)
        self.history_proxy.setSourceModel(self.history_model)
        self.history_proxy.setSortRole(HistoryModel.SortRole)
        self.history = QTableView()
        self.history.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in every list box
        self.history.setModel(self.history_proxy)
        self.history.setAccessibleName(self.tr("Riwayat kiriman dan tanda terima"))
        self.history.setSortingEnabled(True)
        self.history.sortByColumn(HistoryModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        self.history.verticalHeader().hide()
        self.history.setWordWrap(False)
        self.history.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.history.setMinimumHeight(200)
        h = self.history.horizontalHeader()
        # "Isi" is read, the file name only recognised: Isi takes what it needs and the file name
        # the rest, elided in the middle (its tooltip has it whole). With the file name fixed at
        # 330 px, Isi was cut to "19 i…itas" on 1366x768 at 125 %.
        for col in (HistoryModel.COL_WHEN, HistoryModel.COL_KIND, HistoryModel.COL_PART, HistoryModel.COL_CONTENT,
                    HistoryModel.COL_SIZE):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(HistoryModel.COL_FILE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)

        self.export_button.clicked.connect(self.open_wizard)
        self.receipt_button.clicked.connect(self.import_receipt)
        self.notes.itemActivated.connect(self._on_notes_item_activated)
        self.notes.itemClicked.connect(self._on_notes_item_activated)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _year: self._refresh_when_shown())
        self.refresh()

    @staticmethod
    def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setObjectName("card")
        v = QVBoxLayout(card)
        v.setContentsMargins(14, 10, 14, 10)
        head = QLabel(title)
        head.setObjectName("sectionTitle")
        v.addWidget(head)
        return card, v

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        store = self.session.store
        s = bundle.outbox_summary(store)
        self.summary = s
        self.pending_total.setText(self.tr("%n item", "", s.pending_total) if s.pending_total
                                   else self.tr("Tidak ada"))
        for kind, label in self.count_labels.items():
            label.setText(fmt_number(s.pending.get(kind, 0)))
        note = []
        if s.files:
            note.append(self.tr("%n berkas data dukung baru (%1)", "", s.files).replace("%1", fmt_size(s.file_bytes)))
        if s.rejected:
            note.append(self.tr("%n item tidak dikirim: DP3AKB memilih versi lain", "", s.rejected))
        if s.pending_total and s.last_export and (s.last_receipt is None
                                                  or s.last_receipt.recorded_at <= s.last_export[0].recorded_at):
            # Just exported and still "waiting": say it is on its way, not that nothing was sent.
            note.append(self.tr("Sudah ada di kiriman no. %1; tetap dihitung di sini sampai tanda terima DP3AKB "
                                "diimpor.").replace("%1", fmt_number(s.last_export[0].device_seq)))
        if not s.pending_total:
            # "All received" only when a receipt acknowledged something; an empty workspace has sent nothing.
            acknowledged = s.last_receipt is not None and int(s.last_receipt.summary.get("acknowledged", 0)) > 0
            note.append(self.tr("Semua data sudah diterima DP3AKB.") if acknowledged
                        else self.tr("Belum ada data untuk dikirim."))
        self.pending_note.setText("\n".join(note))

        if s.last_export:
            first = s.last_export[0]
            lines = [self.tr("No. %1, %2").replace("%1", fmt_number(first.device_seq)).replace(
                "%2", fmt_stamp(first.recorded_at)),
                self.tr("%n bagian", "", first.parts) + " · " + fmt_size(sum(p.size for p in s.last_export))]
            if len(s.last_export) < first.parts:
                lines.append(self.tr("Hanya %1 dari %2 bagian selesai ditulis; buat kiriman lagi.").replace(
                    "%1", str(len(s.last_export))).replace("%2", str(first.parts)))
            lines.append(self.tr("Belum dianggap terkirim sampai ada tanda terima yang lebih baru.")
                         if s.last_receipt is None or s.last_receipt.recorded_at <= first.recorded_at
                         else self.tr("Tanda terima DP3AKB sesudahnya sudah diimpor."))
            self.last_export_label.setText("\n".join(lines))
        else:
            self.last_export_label.setText(self.tr("Belum pernah membuat kiriman."))

        if s.last_receipt is not None:
            r = s.last_receipt
            lines = [self.tr("No. %1, diimpor %2").replace("%1", fmt_number(r.device_seq)).replace(
                "%2", fmt_stamp(r.recorded_at)), receipt_held_text(r.summary, imported_receipts(self.session.store))]
            if r.summary.get("shared_key"):
                # Until a newer receipt says otherwise: this PC's setup file is in use on another PC too.
                lines.append(shared_key_text(r.summary["shared_key"], translate=translate_message))
            self.last_receipt_label.setText("\n".join(lines))
        else:
            self.last_receipt_label.setText(self.tr("Belum ada tanda terima dari DP3AKB."))

        writable = not self.session.read_only
        self.export_button.setEnabled(s.enrolled and writable)
        self.receipt_button.setEnabled(s.enrolled and writable)
        if not s.enrolled:
            self.enrol_hint.setText(fill(self.tr(
                "Ruang kerja ini belum terdaftar di DP3AKB, jadi belum bisa mengirim. Minta berkas pemasangan "
                "(.klasetup) untuk %1 beserta kata sandinya ke DP3AKB, lalu klik “Pasang berkas pemasangan "
                "DP3AKB”. Data yang sudah diisi tetap tersimpan."), enrolment_text(self.session)))
        elif not writable:
            self.enrol_hint.setText(kla_error_text(KlaError("read_only")))
        self.enrol_hint.setVisible(not s.enrolled or not writable)
        self.setup_button.setVisible(not s.enrolled)
        self.setup_button.setEnabled(writable)
        # A disabled button says why on hover too, not only in the line under it.
        why = self.enrol_hint.text() if (not s.enrolled or not writable) else ""
        self.export_button.setToolTip(why or self.tr("Tulis semua yang belum diakui DP3AKB ke flashdisk, folder "
                                                     "atau draf email"))
        self.receipt_button.setToolTip(why or self.tr("Pilih berkas KLA-tanda-terima-….kla yang diberikan DP3AKB"))
        self._fill_notes()
        self.history_model.set_rows(store.sync.bundle_log())

    def _fill_notes(self) -> None:
        self.notes.clear()
        notes = {(e.data_year, e.indicator_no): (e.review_state, e.review_note)
                 for e in self.session.store.entries(self.session.kelurahan_code) if e.review_state or e.review_note}
        # The engine keeps a note only on an entry the kelurahan already has; a note on an
        # indicator not started yet is in the receipt alone, so show the last receipt's too.
        for n in self._receipt_notes:
            notes.setdefault((int(n["data_year"]), int(n["indicator_no"])), (str(n["state"]), str(n["note"])))
        order = sorted(notes, key=lambda k: (REVIEW_ORDER.get(notes[k][0], 1), -k[0], k[1]))
        t = self.session.template
        words = {"perlu_perbaikan": self.tr("perlu perbaikan"), "diterima": self.tr("diterima"),
                 "": self.tr("catatan")}
        for year, no in order:
            state, note = notes[(year, no)]
            try:
                name = t.indicator(no).short_name
            except KlaError:
                name = ""
            text = self.tr("%1. %2 (data %3) — %4").replace("%1", str(no)).replace(
                "%2", name).replace("%3", str(year)).replace("%4", words.get(state, state))
            if note:
                text += f": “{note}”"
            icon = {"perlu_perbaikan": "warning", "diterima": "check"}.get(state, "history")
            item = QListWidgetItem(icons.icon(icon), text)
            item.setData(NOTE_ROLE, (year, no))
            item.setToolTip(self.tr("Buka indikator %1").replace("%1", str(no)))
            self.notes.addItem(item)
        if not notes:
            item = QListWidgetItem(self.tr("Belum ada catatan dari DP3AKB."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.notes.addItem(item)
        # As tall as its notes (up to five lines), so the history below keeps its room.
        row = max(self.notes.sizeHintForRow(0), self.notes.fontMetrics().height() + 8)
        self.notes.setFixedHeight(min(self.notes.count(), 5) * row + 2 * self.notes.frameWidth() + 4)

    def _on_notes_item_activated(self, item: QListWidgetItem) -> None:
        target = item.data(NOTE_ROLE)
        if not target:
            return
        year, no = target
        if year != self.session.year:
            self.session.set_year(year)
        self.session.indicator_requested.emit(no)

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        # Any data written can change what waits to be sent (an operator's name or a setting cannot);
        # this page refreshes itself after its own export or receipt.
        if handler is not self and changes.has(*SENT_ENTITIES):
            self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        # Cheap (one pass over the items), and only when on screen.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------------ export

    def open_wizard(self) -> ExportWizard:
        """Show the export wizard (non-blocking; tests drive the returned dialog)."""
        wizard = ExportWizard(self.session, self, list_drives=self.list_drives, open_url=self.open_url)
        wizard.export_finished.connect(self._on_wizard_export_finished)
        wizard.finished.connect(wizard.deleteLater)
        self.wizard = wizard
        wizard.resize(720, 560)
        wizard.open()
        return wizard

    def _on_wizard_export_finished(self, result: bundle.ExportResult) -> None:
        bundle.note_export(self.session.store, result)
        self.session.notify(Changes.of("bundle", [p.path.name for p in result.parts]), self)
        self.refresh()

    # ------------------------------------------------------------------ receipts

    def _first_drive(self) -> str:
        """The first flashdisk plugged in ('' when none): where the receipt dialog opens when none was used yet."""
        try:
            drives = self.list_drives()
        except OSError:
            return ""
        return drives[0].path if drives else ""

    def import_receipt(self) -> Task | None:
        """Ask for a receipt file and import it in the background; returns the task."""
        if is_running(self.receipt_task):
            return None
        # DP3AKB's receipt comes back on the stick (or in the folder) the bundle went out on.
        dialogs = self.session.dialogs
        start = dialogs.start_folder("export", self._first_drive()) if hasattr(dialogs, "start_folder") else ""
        path = dialogs.open_file(self, self.tr("Pilih tanda terima dari DP3AKB"),
                                 self.tr("Tanda terima KLA (*.kla);;Semua berkas (*)"), kind="receipt", start=start)
        if not path:
            return None
        self.receipt_button.setEnabled(False)
        self.receipt_task = run_in_background(
            self, receipt_job(self.session.home, self.session.store.operator, Path(path)),
            title=self.tr("Membuka tanda terima…"), on_done=self._on_receipt_finished,
            on_failed=self._on_receipt_failed, progress_widget=self.progress)
        return self.receipt_task

    def _on_receipt_finished(self, result: bundle.ImportResult) -> None:
        self.receipt_button.setEnabled(True)
        rep = result.files[0] if result.files else None
        self.last_receipt_report = rep
        if rep is None:
            return
        title = self.tr("Tanda terima DP3AKB")
        if rep.status == "refused":
            text = kla_error_text(KlaError(rep.reason_code, **rep.reason_params))
            text += "\n\n" + self.tr("Tidak ada yang diubah.")
            if rep.quarantined.endswith(".alasan.txt"):  # too big, a link, unreadable: not copied
                text += " " + self.tr("Berkasnya tidak disalin; alasannya dicatat di folder karantina: %1").replace(
                    "%1", rep.quarantined)
            elif rep.quarantined:
                text += " " + self.tr("Salinan berkasnya disimpan di folder karantina: %1").replace(
                    "%1", rep.quarantined)
            self.session.dialogs.error(self, title, text)
            return
        if rep.status == "own":  # the clerk picked the export this PC made: what it is, what to pick
            self.session.dialogs.info(self, title, kla_error_text(KlaError(rep.reason_code, **rep.reason_params))
                                      + "\n\n" + self.tr("Tidak ada yang diubah."))
            return
        if rep.status == "duplicate":
            self._show_receipt_text(self.tr("Tanda terima ini sudah pernah diimpor; tidak ada yang berubah."))
            return
        if rep.status == "older":
            self._show_receipt_text(self.tr("Tanda terima ini lebih lama dari yang sudah diimpor; tidak ada yang "
                                            "berubah."))
            return
        s = rep.summary
        self._receipt_notes = list(rep.notes)
        lines = [self.tr("Tanda terima no. %1 diimpor.").replace("%1", fmt_number(s.get("seq", 0))),
                 receipt_held_text(s, imported_receipts(self.session.store)) + "."]
        pending, set_aside = int(s.get("pending", 0)), int(s.get("set_aside", 0))
        if pending:
            lines.append(self.tr("%n item masih akan dikirim pada kiriman berikutnya.", "", pending))
            lines.append(self.pending_reasons(set(s.get("waiting", []))))
        elif not set_aside:
            lines.append(self.tr("Semua data sudah diterima DP3AKB."))
        if s.get("held_elsewhere"):  # DP3AKB holds what this PC never had: not "all is the same here"
            lines.append(receipt_elsewhere_words(self.session.kelurahan_code, str(s.get("unit_name", "")),
                                                 int(s["held_elsewhere"]), translate_message))
        replaced = int(s.get("replaced", 0))
        if replaced:  # a conflict DP3AKB decided for its own version: this PC's copy became it
            lines.append(self.tr("%n item diganti dengan versi DP3AKB (DP3AKB memilih versinya saat ada dua versi "
                                 "berbeda): %1. Isian sebelumnya di komputer ini tetap tercatat di riwayat perubahan; "
                                 "perubahan berikutnya dibuat dari versi DP3AKB.", "", replaced).replace(
                "%1", self.named_items(list(s.get("replaced_keys", [])), replaced)))
        if set_aside:  # a conflict DP3AKB decided for its own version: never sent again
            lines.append(self.tr("%n item tidak dikirim: DP3AKB memilih versi lain", "", set_aside))
        if s.get("template"):
            lines.append(self.tr("Template indikator baru dipasang: versi %1.").replace(
                "%1", str(s["template"]["version"])))
        if s.get("shared_key"):
            lines.append(shared_key_text(s["shared_key"], translate=translate_message))
        fix = sum(1 for n in rep.notes if n.get("state") == "perlu_perbaikan")
        if fix:
            lines.append(self.tr("%n indikator perlu perbaikan: lihat catatan di bawah.", "", fix))
        self._show_receipt_text("\n".join(lines))
        # Reviews, acknowledgements and maybe the template changed: every view refreshes.
        self.session.notify(Changes.everything(rep), self)
        self.refresh()

    def named_items(self, keys: list[str], total: int) -> str:
        """Items in words (a file by its name), at most five, then how many more."""
        words = []
        for key in keys[:5]:
            name = ""
            kind, _, ident = str(key).partition("/")
            if kind == "evidence":
                try:
                    name = self.session.store.evidence(ident).original_name
                except KlaError:
                    name = ""
            words.append(item_words(str(key), name, translate_message))
        more = total - len(words)
        text = ", ".join(words)
        return text + self.tr(" dan %n lainnya", "", more) if more > 0 else text

    def pending_reasons(self, waiting: set[str] = frozenset()) -> str:  # type: ignore[assignment]
        """Why items still travel after a receipt: never held by DP3AKB, changed since, waiting for
        DP3AKB's decision between its version and this one (``waiting``, from the receipt), deleted here."""
        outs, _rejected = self.session.store.sync.outgoing()
        held = self.session.store.sync.held_keys()
        new = sum(1 for o in outs if o.item.key not in held and not o.item.deleted)
        decide = sum(1 for o in outs if o.item.key in held and not o.item.deleted and o.item.key in waiting)
        changed = sum(1 for o in outs if o.item.key in held and not o.item.deleted) - decide
        deleted = sum(1 for o in outs if o.item.deleted)
        parts = []
        if new:
            parts.append(self.tr("%n belum pernah diterima DP3AKB (baru, atau kirimannya belum diimpor DP3AKB)", "",
                                 new))
        if changed:
            parts.append(self.tr("%n diubah di sini setelah versi yang diterima DP3AKB", "", changed))
        if decide:
            parts.append(self.tr("%n menunggu keputusan DP3AKB: versi yang dipegang DP3AKB berbeda dengan "
                                 "versi di sini, dan DP3AKB akan memilih salah satu", "", decide))
        if deleted:
            parts.append(self.tr("%n dihapus di sini", "", deleted))
        return self.tr("Sebabnya: %1.").replace("%1", "; ".join(parts)) if parts else ""

    def _show_receipt_text(self, text: str) -> None:
        self.receipt_result.setText(text)
        self.receipt_result.show()

    def _on_receipt_failed(self, failure: Failure) -> None:
        self.receipt_button.setEnabled(True)
        self.session.dialogs.error(self, self.tr("Tanda terima DP3AKB"), failure.text)
