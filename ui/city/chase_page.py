"""Pengingat Kiriman: which kelurahan to remind, most urgent first, and the words to send them.

The deadline of the period (DP3AKB sets it here), then one row per kelurahan: when its
last bundle arrived, the last receipt sent back, days since, completeness and ready
indicators per data year, indicators sent back for revision, who to contact. The selected
kelurahan's reminder (Indonesian: it goes to the kelurahan) is ready to copy into WhatsApp
or an e-mail; the list prints as a PDF. Read by ``Store.chase_list`` in a worker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.chase import ChaseList, ChaseRow
from db.errors import KlaError
from exports.names import free_name
from ui.city.session import CitySession
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text
from ui.widgets.edits import DateEdit
from ui.widgets.formatting import fill, fmt_percent, fmt_stamp
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.table_model import RecordTableModel
from ui.widgets.tasks import ProgressWidget, Task
from ui.widgets.unit_words import kecamatan_word, unit_title, units_word

Index = QModelIndex | QPersistentModelIndex
CHASE_ENTITIES = ("sync", "bundle", "entry", "value", "deadline", "contact", "key", "conflict")

STATES = ("late_silent", "silent", "late", "revision", "quiet", "incomplete", "done")
STATE_COLORS = {"late_silent": QColor("#f4c7c3"), "silent": QColor("#fbe3c2"), "late": QColor("#fbe3c2"),
                "revision": QColor("#fff1b8"), "quiet": QColor("#eef1f4")}


def state_words(state: str) -> str:
    words = {
        "late_silent": QCoreApplication.translate("ChaseModel", "Lewat batas, belum mengirim"),
        "silent": QCoreApplication.translate("ChaseModel", "Belum mengirim"),
        "late": QCoreApplication.translate("ChaseModel", "Lewat batas, belum lengkap"),
        "revision": QCoreApplication.translate("ChaseModel", "Menunggu perbaikan"),
        "quiet": QCoreApplication.translate("ChaseModel", "Lama tidak mengirim"),
        "incomplete": QCoreApplication.translate("ChaseModel", "Sedang melengkapi"),
        "done": QCoreApplication.translate("ChaseModel", "Lengkap dan siap"),
    }
    return words.get(state, state)


def chase_job(home: Path, eval_year: int) -> Any:
    def job(progress: Any, cancelled: Any) -> ChaseList:
        from db.store import Store

        store = Store.open(home, check=False, start_backup=False)
        try:
            return store.chase_list(eval_year)
        finally:
            store.close()

    return job


class ChaseModel(RecordTableModel):
    """One row per kelurahan, most urgent first (RecordRole: db.chase.ChaseRow)."""

    # Ten columns that fit beside the sidebar at 1366x768: long headers on two lines, the dates without
    # their hour (in the tooltip), no column of bare print marks ("!", "R", "…": the Keadaan words say it;
    # the mark the printed list uses is in that cell's tooltip).
    COL_NAME, COL_KEC, COL_STATE, COL_LAST, COL_DAYS, COL_RECEIPT, COL_DONE, COL_READY, COL_REVISION, \
        COL_CONTACT = range(10)
    _HEADERS = (
        QT_TRANSLATE_NOOP("ChaseModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("ChaseModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("ChaseModel", "Keadaan"),
        QT_TRANSLATE_NOOP("ChaseModel", "Kiriman\nterakhir"),
        QT_TRANSLATE_NOOP("ChaseModel", "Hari"),
        QT_TRANSLATE_NOOP("ChaseModel", "Tanda terima\nterakhir"),
        QT_TRANSLATE_NOOP("ChaseModel", "Kelengkapan"),
        QT_TRANSLATE_NOOP("ChaseModel", "Indikator\nsiap"),
        QT_TRANSLATE_NOOP("ChaseModel", "Menunggu\nperbaikan"),
        QT_TRANSLATE_NOOP("ChaseModel", "Kontak"),
    )
    _HEADER_TIPS = {
        COL_LAST: QT_TRANSLATE_NOOP("ChaseModel", "Kapan kiriman terakhir kelurahan ini diterima DP3AKB"),
        COL_DAYS: QT_TRANSLATE_NOOP("ChaseModel", "Hari sejak kiriman terakhir diterima"),
        COL_RECEIPT: QT_TRANSLATE_NOOP("ChaseModel", "Kapan tanda terima terakhir ditulis untuk kelurahan ini; "
                                                     "\"perlu dikirim\": ada kiriman yang belum dibalas"),
        COL_DONE: QT_TRANSLATE_NOOP("ChaseModel", "Kelengkapan data per tahun data"),
        COL_READY: QT_TRANSLATE_NOOP("ChaseModel", "Indikator yang sudah ditandai siap oleh kelurahan"),
        COL_REVISION: QT_TRANSLATE_NOOP("ChaseModel", "Banyaknya indikator yang dikembalikan DP3AKB untuk diperbaiki"),
    }

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section == self.COL_DONE and self._rows and self._rows[0].years:
            # The years once, in the header; the cells carry only the percentages.
            return QCoreApplication.translate("ChaseModel", "Kelengkapan") + "\n" + " · ".join(
                str(y.data_year) for y in self._rows[0].years)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section in self._HEADER_TIPS:
            return QCoreApplication.translate("ChaseModel", self._HEADER_TIPS[section])
        return super().headerData(section, orientation, role)

    def _text(self, r: ChaseRow, col: int) -> str:
        if col == self.COL_NAME:
            return r.kelurahan_name
        if col == self.COL_KEC:
            return r.kecamatan_name
        if col == self.COL_STATE:
            return state_words(r.state)
        if col == self.COL_LAST:
            return fmt_stamp(r.last_received).rsplit(" ", 1)[0] if r.last_received \
                else QCoreApplication.translate("ChaseModel", "belum pernah")
        if col == self.COL_DAYS:
            return "" if r.days_since is None else str(r.days_since)
        if col == self.COL_RECEIPT:
            text = fmt_stamp(r.last_receipt).rsplit(" ", 1)[0] if r.last_receipt \
                else QCoreApplication.translate("ChaseModel", "belum ada")
            return text + ("; " + QCoreApplication.translate("ChaseModel", "perlu dikirim") if r.receipt_due else "")
        if col == self.COL_DONE:
            return " · ".join(fmt_percent(y.completeness * 100) for y in r.years)
        if col == self.COL_READY:
            return QCoreApplication.translate("ChaseModel", "%1 dari %2").replace("%1", str(r.ready)).replace("%2", str(r.indicators))
        if col == self.COL_REVISION:
            return str(len(r.revision)) if r.revision else ""
        if col == self.COL_CONTACT:
            if r.contact is None:
                return QCoreApplication.translate("ChaseModel", "belum terpasang") if not r.enrolled and r.last_received is None else ""
            return ", ".join(x for x in (r.contact.name, r.contact.phone, r.contact.email) if x)
        return ""

    def _tip(self, r: ChaseRow, col: int) -> str | None:
        if col == self.COL_STATE:
            from exports.chase import STATE_MARKS

            # The printed list marks a row for a black-and-white printer; on screen the words say it.
            return QCoreApplication.translate("ChaseModel", "%1 (di daftar cetak bertanda \"%2\")").replace(
                "%1", state_words(r.state)).replace("%2", STATE_MARKS.get(r.state, ""))
        if col == self.COL_LAST and r.last_received:
            return fmt_stamp(r.last_received)
        if col == self.COL_RECEIPT and r.last_receipt:
            return fmt_stamp(r.last_receipt)
        if col == self.COL_DONE:
            return "\n".join(f"{QCoreApplication.translate('ChaseModel', 'Tahun data %1').replace('%1', str(y.data_year))}: "
                             f"{fmt_percent(y.completeness * 100)}" for y in r.years)
        if col == self.COL_REVISION and r.revision:
            return "\n".join(QCoreApplication.translate("ChaseModel", "Indikator %1 (tahun data %2): %3")
                             .replace("%1", str(i)).replace("%2", str(y)).replace("%3", note) for y, i, note in r.revision)
        if col in (self.COL_NAME, self.COL_KEC, self.COL_CONTACT):
            return self._text(r, col) or None  # whole, when the column is narrower than the words
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r: ChaseRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == self.RecordRole:
            return r
        if role == self.SortRole:
            if col == self.COL_DAYS:
                return r.days_since if r.days_since is not None else 10**6
            if col == self.COL_DONE:
                return r.completeness
            if col in (self.COL_LAST, self.COL_RECEIPT):
                return (r.last_received if col == self.COL_LAST else r.last_receipt) or ""
            return self._text(r, col)
        if role == Qt.ItemDataRole.BackgroundRole and r.state in STATE_COLORS:
            return STATE_COLORS[r.state]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_DAYS, self.COL_REVISION):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ChasePage(QWidget):
    """See the module docstring."""

    def __init__(self, session: CitySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.chase: ChaseList | None = None
        self.task: Task | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)

        row = QHBoxLayout()
        self.deadline_label = QLabel()
        self.deadline = DateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd-MM-yyyy")
        self.deadline_label.setBuddy(self.deadline)
        self.no_deadline = QCheckBox(self.tr("Belum ada batas waktu"))
        self.save_deadline = QPushButton(self.tr("Simpan batas waktu"))
        self.save_deadline.setToolTip(self.tr("Batas waktu juga tersimpan sendiri begitu diubah"))
        self.print_button = QPushButton(self.tr("Cetak daftar (PDF)…"))
        self.print_button.setToolTip(self.tr("Daftar pengingat untuk dibawa rapat atau ditempel: PDF siap cetak"))
        self.progress = ProgressWidget()
        for w in (self.deadline_label, self.deadline, self.no_deadline, self.save_deadline):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.progress)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.summary = WrapLabel()
        layout.addWidget(self.summary)
        self.pdf_note = WrapLabel()  # where the list's PDF went: beside the summary, never over it
        self.pdf_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pdf_note.hide()
        layout.addWidget(self.pdf_note)

        split = QSplitter(Qt.Orientation.Vertical)
        self.model = ChaseModel(self)
        self.model.header_words = {ChaseModel.COL_NAME: units_word(session.store),
                                   ChaseModel.COL_KEC: kecamatan_word(session.store)}
        self.view = KeptTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The contact takes the room left (elided, whole in its tooltip): every column in sight at 1366x768.
        hh.setSectionResizeMode(ChaseModel.COL_CONTACT, QHeaderView.ResizeMode.Stretch)
        hh.setMinimumSectionSize(40)
        split.addWidget(self.view)

        lower = QWidget()
        lo = QHBoxLayout(lower)
        lo.setContentsMargins(0, 0, 0, 0)
        box = QFrame()
        box.setObjectName("card")
        bv = QVBoxLayout(box)
        self.reminder_title = QLabel(self.tr("Teks pengingat"))
        self.reminder_title.setObjectName("sectionTitle")
        bv.addWidget(self.reminder_title)
        self.reminder = QPlainTextEdit()
        self.reminder.setReadOnly(True)
        self.reminder.setAccessibleName(self.tr("Teks pengingat"))
        bv.addWidget(self.reminder, 1)
        br = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Salin teks pengingat"))
        self.copy_button.setToolTip(self.tr("Salin, lalu tempel di WhatsApp atau e-mail untuk kelurahan ini"))
        self.copied = QLabel()
        self.copied.setObjectName("helpText")
        br.addWidget(self.copy_button)
        br.addWidget(self.copied, 1)
        bv.addLayout(br)
        lo.addWidget(box, 3)
        box = QFrame()
        box.setObjectName("card")
        form = QFormLayout(box)
        t = QLabel(fill(self.tr("Kontak %1"), units_word(session.store, capital=False)))
        t.setObjectName("sectionTitle")
        form.addRow(t)
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.contact_phone.setPlaceholderText(self.tr("mis. 0812-3456-7890"))
        self.contact_email = QLineEdit()
        form.addRow(self.tr("Nama"), self.contact_name)
        form.addRow(self.tr("Telepon/WhatsApp"), self.contact_phone)
        form.addRow(self.tr("E-mail"), self.contact_email)
        self.save_contact = QPushButton(self.tr("Simpan kontak"))
        form.addRow(self.save_contact)
        lo.addWidget(box, 2)
        split.addWidget(lower)
        split.setSizes([420, 260])
        layout.addWidget(split, 1)

        writable = not session.read_only
        for w in (self.save_deadline, self.save_contact, self.deadline, self.no_deadline):
            w.setEnabled(writable)
        self.no_deadline.toggled.connect(lambda on: self.deadline.setEnabled(writable and not on))
        self.save_deadline.clicked.connect(self._on_save_deadline_clicked)
        # A changed deadline is stored when it is committed (Enter, leaving the field, a day picked in the
        # calendar, the box ticked): it was lost on leaving the page, and the reminders showed the old date.
        self.deadline.editingFinished.connect(self.keep_deadline)
        self.deadline.calendarWidget().clicked.connect(lambda _d: self.keep_deadline())
        self.deadline.calendarWidget().activated.connect(lambda _d: self.keep_deadline())
        self.no_deadline.clicked.connect(lambda _on: self.keep_deadline())
        self.save_contact.clicked.connect(self._on_save_contact_clicked)
        self.copy_button.clicked.connect(self.copy_reminder)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _y: self._mark_stale())

    # ------------------------------------------------------------------ loading

    def eval_year(self) -> int:
        return self.session.eval_year()

    def reload(self) -> Task | None:
        if is_running(self.task):
            self._stale = True
            return self.task
        self._stale = False
        self.task = run_in_background(self, chase_job(self.session.home, self.eval_year()),
                                      title=self.tr("Membaca kiriman kelurahan…"), on_done=self._on_task_done,
                                      on_failed=self._on_task_failed, on_ended=self._on_task_ended,
                                      progress_widget=self.progress)
        return self.task

    def _on_task_done(self, chase: ChaseList) -> None:
        keep = self.selected()
        self.chase = chase
        self.model.set_rows(chase.rows)
        self._show_head()
        codes = [r.kelurahan_code for r in chase.rows]
        row = codes.index(keep.kelurahan_code) if keep is not None and keep.kelurahan_code in codes else 0
        if codes:
            self.view.selectRow(row)
            self._show_row(chase.rows[row])

    def _on_task_failed(self, failure: Failure) -> None:
        if not failure.cancelled:
            self.summary.setText(failure.text)

    def _on_task_ended(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def _mark_stale(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        if changes.has(*CHASE_ENTITIES):
            self._mark_stale()

    # ------------------------------------------------------------------ showing

    def _show_head(self) -> None:
        from exports.chase import deadline_words

        c = self.chase
        if c is None:
            return
        self.title.setText(self.tr("Pengingat kiriman · evaluasi %1 (tahun data %2)").replace("%1", str(c.eval_year))
                           .replace("%2", " dan ".join(str(y) for y in c.data_years)))
        self.deadline_label.setText(self.tr("Batas waktu kiriman evaluasi %1:").replace("%1", str(c.eval_year)))
        self.no_deadline.setChecked(c.deadline is None)
        d = c.deadline or dt.date(c.eval_year, 1, 31)
        self.deadline.setDate(QDate(d.year, d.month, d.day))
        counts = [(state_words(k), c.count(k)) for k in STATES if c.count(k)]
        when = deadline_words(c) if c.deadline else self.tr("belum ditetapkan")
        self.summary.setText(self.tr("Batas waktu: %1. %2. Yang paling mendesak di atas; pilih satu %3 untuk "
                                     "teks pengingatnya.").replace("%1", when)
                             .replace("%2", "; ".join(f"{w}: {n}" for w, n in counts))
                             .replace("%3", units_word(self.session.store, capital=False)))

    def selected(self) -> ChaseRow | None:
        idx = self.view.currentIndex()
        return idx.data(ChaseModel.RecordRole) if idx.isValid() else None

    def _on_view_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.keep_contact()  # what was typed for the kelurahan before (it went when another was clicked)
        if current.isValid():
            self._show_row(current.data(ChaseModel.RecordRole))

    _contact_shown: tuple[str, tuple[str, str, str]] | None = None
    """The kelurahan whose contact the form shows, and the contact as it was stored then."""
    _contact_notes = ""
    """The shown contact's notes (``kla city contact --notes``): not in the form, kept as they are."""

    def _typed_contact(self) -> tuple[str, str, str]:
        return (self.contact_name.text().strip(), self.contact_phone.text().strip(), self.contact_email.text().strip())

    def keep_contact(self) -> bool:
        """Store the contact typed for the kelurahan shown, if it was changed; False when refused."""
        shown = self._contact_shown
        if shown is None or self.session.read_only or self._typed_contact() == shown[1]:
            return True
        code = shown[0]
        name, phone, email = self._typed_contact()
        try:
            changes = self.session.store.set_contact(code, name=name, phone=phone, email=email,
                                                     notes=self._contact_notes)  # kept as they were
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Kontak"), kla_error_text(exc))
            return False
        self._contact_shown = (code, (name, phone, email))
        self.session.notify(changes, self)
        self.reload()
        return True

    def flush(self) -> bool:
        deadline = self.keep_deadline()
        return self.keep_contact() and deadline

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.keep_deadline()
        self.keep_contact()
        super().hideEvent(event)

    def _show_row(self, r: ChaseRow) -> None:
        from exports.chase import reminder_text

        assert self.chase is not None
        self.reminder_title.setText(fill(self.tr("Teks pengingat untuk %1"), unit_title(r.kelurahan_code,
                                                                                       r.kelurahan_name)))
        self.reminder.setPlainText(reminder_text(self.chase, r, self.session.city_name))
        self.copied.clear()
        stored = (r.contact.name, r.contact.phone, r.contact.email) if r.contact else ("", "", "")
        shown = self._contact_shown
        if shown is not None and shown[0] == r.kelurahan_code and self._typed_contact() != shown[1]:
            return  # a list read again while the officer types this kelurahan's contact: the typing stays
        self.contact_name.setText(stored[0])
        self.contact_phone.setText(stored[1])
        self.contact_email.setText(stored[2])
        self._contact_shown = (r.kelurahan_code, tuple(x.strip() for x in stored))  # type: ignore[assignment]
        self._contact_notes = r.contact.notes if r.contact else ""

    def copy_reminder(self) -> str:
        text = self.reminder.toPlainText()
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Tersalin. Tempel di WhatsApp atau e-mail."))
        return text

    # ------------------------------------------------------------------ writes

    def _typed_deadline(self) -> dt.date | None:
        if self.no_deadline.isChecked():
            return None
        d = self.deadline.date()
        return dt.date(d.year(), d.month(), d.day())

    def keep_deadline(self) -> bool:
        """Store the deadline shown when it differs from the stored one (for the evaluation year the list
        shows); False when refused (the reason is said)."""
        c = self.chase
        if c is None or self.session.read_only:
            return True
        value = self._typed_deadline()
        if value == c.deadline:
            return True
        try:
            changes = self.session.store.set_deadline(c.eval_year, value)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Batas waktu"), kla_error_text(exc))
            return False
        self.chase = dataclasses.replace(c, deadline=value)  # until the list is read again with it
        if changes:
            self.session.notify(changes, self)
        self.reload()  # the states and the reminder texts follow the new date
        return True

    def _on_save_deadline_clicked(self) -> None:
        self.keep_deadline()

    def _on_save_contact_clicked(self) -> None:
        self.keep_contact()

    def _on_print_button_clicked(self) -> None:
        # Beside (never over) the list printed before: that one may be a paper already handed round.
        self.write_pdf(free_name(self.session.home / "laporan" / f"Pengingat kiriman KLA {self.eval_year()}.pdf"))

    def write_pdf(self, dest: Path) -> Task | None:
        c = self.chase
        if c is None:
            return None
        s = self.session
        city, operator = s.city_name, s.store.operator

        def job(progress: Any, cancelled: Any) -> Path:
            from exports.chase import write_chase_pdf

            return write_chase_pdf(c, dest, city_name=city, operator=operator, progress=progress, cancelled=cancelled)

        def done(path: Path) -> None:
            self.pdf_note.setText(self.tr("Daftar pengingat tersimpan: %1").replace("%1", str(path)))
            self.pdf_note.show()
            self.printed(path)

        self.task = run_in_background(self, job, title=self.tr("Menyusun daftar pengingat…"), on_done=done,
                                      on_failed=self._on_task_failed, progress_widget=self.progress)
        return self.task

    def printed(self, path: Path) -> None:
        """A PDF was written: offer the print preview (``ui.reports.printing``)."""
        from ui.reports.printing import offer_print

        offer_print(self, self.session.dialogs, path)
