"""Kelurahan Terdaftar: which kelurahan hold a key, enrolment (setup file + passphrase), revocation."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import sync
from db.changes import Changes
from db.errors import KlaError
from db.records import UnitRecord
from exports import keys
from exports.setup import EnrolResult
from ui.city.jobs import enrol_job
from ui.city.session import CitySession
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text
from ui.widgets import icons
from ui.widgets.dialogs import Dialogs
from ui.widgets.formatting import fmt_stamp
from ui.widgets.table_model import RecordTableModel
from ui.widgets.tasks import ProgressWidget, Task

Index = QModelIndex | QPersistentModelIndex


class EnrolledModel(RecordTableModel):
    """Every kelurahan of the city with the state of its key (RecordRole: (UnitRecord, PeerKey | None))."""

    COL_KECAMATAN, COL_KELURAHAN, COL_STATE, COL_FINGERPRINT, COL_SINCE = range(5)

    _HEADERS = (
        QT_TRANSLATE_NOOP("EnrolledModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Status"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Sidik jari kunci"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Sejak"),
    )

    _rows: list[tuple[UnitRecord, str, sync.PeerKey | None]]

    def set_rows(self, rows: list[tuple[UnitRecord, str, sync.PeerKey | None]]) -> None:
        """(kelurahan, kecamatan name, its active key or else its latest revoked key or None)."""
        super().set_rows(rows)

    def row_of(self, code: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r[0].code == code), -1)

    @staticmethod
    def state(key: sync.PeerKey | None) -> str:
        if key is None:
            return "none"
        return "active" if key.active else "revoked"

    def _texts(self, unit: UnitRecord, kec: str, key: sync.PeerKey | None) -> tuple[str, ...]:
        words = {"none": QCoreApplication.translate("EnrolledModel", "Belum terdaftar"),
                 "active": QCoreApplication.translate("EnrolledModel", "Terdaftar"),
                 "revoked": QCoreApplication.translate("EnrolledModel", "Kunci dicabut")}
        since = ""
        if key is not None:
            since = fmt_stamp(key.revoked_at if key.revoked_at else key.enrolled_at)
        return (kec, unit.name, words[self.state(key)], keys.fingerprint(key.key_id) if key else "", since)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        unit, kec, key = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(unit, kec, key)[col] if 0 <= col < 5 else None
        if role == self.SortRole:
            if col == self.COL_KECAMATAN:
                return unit.code
            return self._texts(unit, kec, key)[col] if 0 <= col < 5 else None
        if role == self.RecordRole:
            return (unit, key)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATE:
            return {"active": QColor("#1e7b3a"), "revoked": QColor("#a61b1b")}.get(self.state(key))
        if role == Qt.ItemDataRole.ToolTipRole and key is not None and key.revoke_reason:
            return QCoreApplication.translate("EnrolledModel", "Alasan pencabutan: %1").replace("%1", key.revoke_reason)
        return None


class EnrolResultDialog(QDialog):
    """The setup file and the passphrase to print and hand over separately."""

    def __init__(self, result: EnrolResult, parent: QWidget | None = None, dialogs: Any = None) -> None:
        super().__init__(parent)
        self.result = result
        self.dialogs = dialogs if dialogs is not None else Dialogs()
        self.setWindowTitle(self.tr("Kelurahan %1 terdaftar").replace("%1", result.kelurahan_name))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("Berkas pemasangan untuk Kelurahan %1 sudah ditulis.").replace("%1", result.kelurahan_name))
        head.setObjectName("sectionTitle")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.warn_text = self.tr("CETAK kata sandi ini dan serahkan TERPISAH dari berkasnya: jangan dikirim bersama "
                                 "dalam satu e-mail atau satu flashdisk.")
        warn = QLabel(self.warn_text)
        warn.setObjectName("errorText")
        warn.setWordWrap(True)
        layout.addWidget(warn)
        form = QFormLayout()
        self.passphrase = QLabel(result.passphrase)
        self.passphrase.setStyleSheet("font-family: monospace; font-size: 16pt; font-weight: 600;")
        self.passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Kata sandi"), self.passphrase)
        for label, value in ((self.tr("Sidik jari kunci kelurahan"), result.fingerprint),
                             (self.tr("Sidik jari kunci DP3AKB"), result.city_fingerprint),
                             (self.tr("Berkas"), str(result.path))):
            v = QLabel(value)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, v)
        layout.addLayout(form)
        self.how_text = self.tr("Di kelurahan: buka KLA Desktop, pilih \"Pasang dari berkas DP3AKB\", pilih berkas ini "
                                "lalu ketik kata sandinya. Cocokkan sidik jarinya dengan lembar ini.")
        how = QLabel(self.how_text)
        how.setObjectName("helpText")
        how.setWordWrap(True)
        layout.addWidget(how)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Salin"))
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.close_button = QPushButton(self.tr("Tutup"))
        row.addWidget(self.copy_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_sheet)
        self.close_button.clicked.connect(self.accept)

    def _sheet_title(self) -> str:
        r = self.result
        return (self.tr("KLA Desktop — lembar pemasangan Kelurahan %1 (%2)").replace("%1", r.kelurahan_name)
                .replace("%2", r.kelurahan_code))

    def sheet_text(self) -> str:
        r = self.result
        return "\n".join([
            self._sheet_title(),
            self.tr("Kata sandi: %1").replace("%1", r.passphrase),
            self.tr("Sidik jari kunci kelurahan: %1").replace("%1", r.fingerprint),
            self.tr("Sidik jari kunci DP3AKB: %1").replace("%1", r.city_fingerprint),
            self.tr("Berkas: %1").replace("%1", r.path.name),
            "",
            self.warn_text,
            self.how_text,
        ])

    def sheet_html(self) -> str:
        """The printed sheet: flowing text that wraps to the page (a <pre> block ran off its right edge)."""
        r = self.result
        e = html.escape
        rows = "".join(
            f"<tr><td>{e(label)}</td><td><b>{e(value)}</b></td></tr>"
            for label, value in ((self.tr("Sidik jari kunci kelurahan"), r.fingerprint),
                                 (self.tr("Sidik jari kunci DP3AKB"), r.city_fingerprint),
                                 (self.tr("Berkas"), r.path.name)))
        return (f"<div style='font-size:12pt'><h2>{e(self._sheet_title())}</h2>"
                f"<p>{e(self.tr('Kata sandi'))}:</p>"
                f"<p style='font-family:monospace; font-size:22pt; font-weight:bold'>{e(r.passphrase)}</p>"
                f"<table cellpadding='4'>{rows}</table>"
                f"<p style='color:#a00000'><b>{e(self.warn_text)}</b></p>"
                f"<p>{e(self.how_text)}</p></div>")

    def print_to(self, printer: Any) -> None:
        doc = QTextDocument()
        doc.setHtml(self.sheet_html())
        doc.print_(printer)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.sheet_text())

    def print_sheet(self) -> str:
        """Print the slip on a chosen printer; with none installed, say so and offer to save it as PDF."""
        from ui.reports.printing import print_document

        return print_document(self, self.dialogs, self.print_to, self._sheet_title())


class EnrolledPage(QWidget):
    """See the module docstring."""

    enrolled = Signal(object)
    """An enrolment finished; the argument is the engine's EnrolResult (None when it failed)."""

    def __init__(self, session: CitySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self.result_dialog: EnrolResultDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        title = QLabel(self.tr("Kelurahan Terdaftar"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr("Kiriman hanya diterima dari kelurahan yang terdaftar di sini. Mendaftarkan membuat "
                               "berkas pemasangan dan kata sandi; mencabut kunci (laptop hilang atau dicuri) membuat "
                               "kiriman baru dengan kunci itu ditolak."))
        intro.setObjectName("helpText")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.enrol_button = QPushButton(icons.icon("add"), self.tr("Daftarkan kelurahan…"))
        self.revoke_button = QPushButton(icons.icon("delete"), self.tr("Cabut kunci…"))
        for b in (self.enrol_button, self.revoke_button):
            b.setEnabled(not session.read_only)
            row.addWidget(b)
        self.count = QLabel()
        row.addSpacing(12)
        row.addWidget(self.count)
        row.addStretch(1)
        self.progress = ProgressWidget()
        row.addWidget(self.progress)
        layout.addLayout(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.model = EnrolledModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        layout.addWidget(self.view, 1)

        self.enrol_button.clicked.connect(self._on_enrol_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        session.data_changed.connect(self._on_session_data_changed)
        self.refresh()

    def refresh(self) -> None:
        store = self.session.store
        kec = {u.code: u.name for u in store.units("kecamatan")}
        by_unit: dict[str, sync.PeerKey] = {}
        for k in store.sync.peer_keys(include_revoked=True):
            old = by_unit.get(k.unit_code)
            # The active key wins; among revoked ones, the latest.
            if old is None or (k.active and not old.active) or (k.active == old.active and k.enrolled_at > old.enrolled_at):
                by_unit[k.unit_code] = k
        rows = [(u, kec.get(u.parent_code or "", ""), by_unit.get(u.code)) for u in store.units("kelurahan")
                if u.level == "kelurahan"]
        self.model.set_rows(rows)
        active = sum(1 for _, _, k in rows if k is not None and k.active)
        self.count.setText(self.tr("%1 dari %2 kelurahan terdaftar").replace("%1", str(active))
                           .replace("%2", str(len(rows))))

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.view.selectRow(row)

    def selected(self) -> tuple[UnitRecord, sync.PeerKey | None] | None:
        idx = self.view.currentIndex()
        return idx.data(EnrolledModel.RecordRole) if idx.isValid() else None

    def _on_enrol_button_clicked(self) -> None:
        sel = self.selected()
        if sel is None:
            self.session.dialogs.info(self, self.tr("Daftarkan kelurahan"), self.tr("Pilih dulu kelurahannya di daftar."))
            return
        unit, key = sel
        if key is not None and key.active and not self.session.dialogs.confirm(
                self, self.tr("Daftarkan kelurahan"),
                self.tr("Kelurahan %1 sudah terdaftar. Buat kunci dan berkas pemasangan baru? Kunci lama tetap aktif "
                        "sampai dicabut.").replace("%1", unit.name), self.tr("Buat baru"), self.tr("Batal")):
            return
        folder = self.session.dialogs.choose_folder(self, self.tr("Pilih folder untuk berkas pemasangan"))
        if folder:
            self.enrol(unit.code, Path(folder))

    def enrol(self, code: str, folder: Path) -> Task | None:
        """``kla city enroll CODE --out FOLDER/KLA-pemasangan-CODE.klasetup`` off the GUI thread."""
        if is_running(self.task):
            return None
        s = self.session
        out = folder / f"KLA-pemasangan-{code}.klasetup"
        self.task = run_in_background(
            self, enrol_job(s.home, s.store.operator, code, out),
            title=self.tr("Mendaftarkan %1…").replace("%1", s.store.kelurahan(code).name),
            on_done=self._on_enrol_finished, on_failed=self._on_enrol_failed, progress_widget=self.progress)
        return self.task

    def _on_enrol_finished(self, result: EnrolResult) -> None:
        self.note.setText(self.tr("Kelurahan %1 terdaftar. Berkas: %2").replace("%1", result.kelurahan_name)
                          .replace("%2", str(result.path)))
        self.session.notify(Changes.of("key", result.key_id, units=[result.kelurahan_code]))
        self.result_dialog = EnrolResultDialog(result, self, self.session.dialogs)
        self.result_dialog.show()
        self.enrolled.emit(result)

    def _on_enrol_failed(self, failure: Failure) -> None:
        self.note.setText(failure.text)
        self.enrolled.emit(None)

    def _on_revoke_button_clicked(self) -> None:
        sel = self.selected()
        if sel is None or sel[1] is None or not sel[1].active:
            self.session.dialogs.info(self, self.tr("Cabut kunci"),
                                      self.tr("Pilih dulu kelurahan yang terdaftar (kuncinya masih aktif)."))
            return
        self.revoke(sel[0].code)

    def revoke(self, code: str) -> bool:
        """``kla city revoke CODE`` after asking; returns True when keys were revoked."""
        s = self.session
        name = s.store.kelurahan(code).name
        if not s.dialogs.confirm(
                self, self.tr("Cabut kunci"),
                self.tr("Cabut semua kunci aktif Kelurahan %1? Kiriman baru dengan kunci itu akan ditolak. Untuk "
                        "melanjutkan, kelurahan harus didaftarkan ulang.").replace("%1", name),
                self.tr("Cabut kunci"), self.tr("Batal")):
            return False
        reason = s.dialogs.ask_text(self, self.tr("Cabut kunci"), self.tr("Alasan (mis. laptop hilang):"), "")
        if reason is None:
            return False
        try:
            n = s.store.sync.revoke_peer_keys(code, reason.strip())
        except KlaError as exc:
            s.dialogs.error(self, self.tr("Cabut kunci"), kla_error_text(exc))
            return False
        self.note.setText(self.tr("%n kunci Kelurahan %1 dicabut.", "", n).replace("%1", name))
        if n:
            s.notify(Changes.of("key", code, units=[code]))
        return n > 0

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        if changes.has("key"):
            self.refresh()
