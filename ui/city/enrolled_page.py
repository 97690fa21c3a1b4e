"""Desa/Kelurahan Terdaftar: which units hold a key, enrolment (one, or all at once with one PDF of
passphrase slips), revocation, and DP3AKB's own changes to its units (add, rename, retire).

The words follow the kab/kota: "Kelurahan" in a kota of kelurahan, "Desa/Kelurahan" in a kabupaten.
Enrolling many runs in the background with progress and Batal (the ones done stay enrolled);
about 0.1 s each, so 1,000 in under 2 minutes (exports/passphrase.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import sync
from db.changes import Changes
from db.errors import KlaError
from db.records import UnitRecord
from exports.names import free_name
from exports.setup import EnrolResult
from ui.city.jobs import enrol_job, enrol_many_job
from ui.city.session import CitySession
from ui.messages import enrol_held_words
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text, translate_message
from ui.setup_file import fingerprint
from ui.widgets import icons
from ui.widgets.dialogs import Dialogs
from ui.widgets.formatting import fill, fmt_number, fmt_stamp
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.style import scope_window
from ui.widgets.table_model import RecordTableModel
from ui.widgets.tasks import ProgressWidget, Task
from ui.widgets.unit_words import kecamatan_word, unit_title, units_word

Index = QModelIndex | QPersistentModelIndex


class EnrolledModel(RecordTableModel):
    """Every desa/kelurahan of the kab/kota with the state of its key (RecordRole: (UnitRecord, PeerKey | None))."""

    COL_KECAMATAN, COL_KELURAHAN, COL_STATE, COL_FINGERPRINT, COL_SINCE = range(5)

    _HEADERS = (
        QT_TRANSLATE_NOOP("EnrolledModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Status"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Sidik jari kunci"),
        QT_TRANSLATE_NOOP("EnrolledModel", "Sejak"),
    )

    _rows: list[tuple[UnitRecord, str, sync.PeerKey | None]]
    unit_word = ""
    """The unit column's header: "Kelurahan", "Desa" or "Desa/Kelurahan" (set by the page)."""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section == self.COL_KELURAHAN and self.unit_word:
            return self.unit_word
        return super().headerData(section, orientation, role)

    def set_rows(self, rows: list[tuple[UnitRecord, str, sync.PeerKey | None]]) -> None:
        """(kelurahan, kecamatan name, its active key or else its latest revoked key or None)."""
        super().set_rows(rows)

    def row_of(self, code: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r[0].code == code), -1)

    @staticmethod
    def state(key: sync.PeerKey | None, unit: UnitRecord | None = None) -> str:
        if unit is not None and unit.retired:
            return "retired"
        if key is None:
            return "none"
        return "active" if key.active else "revoked"

    def _texts(self, unit: UnitRecord, kec: str, key: sync.PeerKey | None) -> tuple[str, ...]:
        words = {"none": QCoreApplication.translate("EnrolledModel", "Belum terdaftar"),
                 "active": QCoreApplication.translate("EnrolledModel", "Terdaftar"),
                 "revoked": QCoreApplication.translate("EnrolledModel", "Kunci dicabut"),
                 "retired": QCoreApplication.translate("EnrolledModel", "Tidak aktif (datanya disimpan)")}
        since = ""
        if unit.retired:
            since = fmt_stamp(unit.retired_at)
        elif key is not None:
            since = fmt_stamp(key.revoked_at if key.revoked_at else key.enrolled_at)
        fp = fingerprint(key.key_id) if key else ""
        return (kec, unit_title(unit.code, unit.name), words[self.state(key, unit)], fp, since)

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
            return {"active": QColor("#1e7b3a"), "revoked": QColor("#a61b1b"),
                    "retired": QColor("#6b7580")}.get(self.state(key, unit))
        if role == Qt.ItemDataRole.ForegroundRole and unit.retired:
            return QColor("#6b7580")
        if role == Qt.ItemDataRole.ToolTipRole and unit.retired:
            return fill(QCoreApplication.translate("EnrolledModel", "Dinonaktifkan DP3AKB: %1. Datanya tetap "
                                                   "tersimpan dan kirimannya masih diterima."),
                        unit.retired_note or "—")
        if role == Qt.ItemDataRole.ToolTipRole and key is not None and key.revoke_reason:
            return QCoreApplication.translate("EnrolledModel", "Alasan pencabutan: %1").replace("%1", key.revoke_reason)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_KELURAHAN:
            return fill(QCoreApplication.translate("EnrolledModel", "Kode Kemendagri %1"), unit.code)
        return None


class EnrolResultDialog(QDialog):
    """The setup file and the passphrase to print and hand over separately."""

    def __init__(self, result: EnrolResult, parent: QWidget | None = None, dialogs: Any = None) -> None:
        super().__init__(parent)
        self.result = result
        self.dialogs = dialogs if dialogs is not None else Dialogs()
        self.unit = unit_title(result.kelurahan_code, result.kelurahan_name)
        # "Sidik jari kunci kelurahan" or "… desa", as the unit is (the CLI's slip says it so too).
        self.key_label = fill(self.tr("Sidik jari kunci %1"), unit_title(result.kelurahan_code, "").strip().lower())
        self.setWindowTitle(fill(self.tr("%1 terdaftar"), self.unit))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.restore = bool(result.restore_items or result.restore_files) or "pemulihan" in result.path.name
        head = WrapLabel(fill(self.tr("Berkas pemulihan untuk %1 sudah ditulis: %2 item data dan %3 berkas data "
                                      "dukung yang diterima DP3AKB ikut di dalamnya.") if self.restore else
                              self.tr("Berkas pemasangan untuk %1 sudah ditulis."),
                              self.unit, str(result.restore_items), str(result.restore_files)))
        head.setObjectName("sectionTitle")
        layout.addWidget(head)
        self.warn_text = self.tr("CETAK kata sandi ini dan serahkan TERPISAH dari berkasnya: jangan dikirim bersama "
                                 "dalam satu e-mail atau satu flashdisk.")
        warn = WrapLabel(self.warn_text)
        warn.setObjectName("errorText")
        layout.addWidget(warn)
        # DP3AKB already holds this unit's data: this file installs an empty workspace (say what to do instead).
        self.held_text = enrol_held_words(result.kelurahan_code, result.kelurahan_name, result.held_items,
                                          translate_message, window=True)
        if self.held_text:
            held = WrapLabel(self.held_text)
            held.setObjectName("errorText")
            layout.addWidget(held)
        form = QFormLayout()
        self.passphrase = QLabel(result.passphrase)
        self.passphrase.setStyleSheet("font-family: monospace; font-size: 16pt; font-weight: 600;")
        self.passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Kata sandi"), self.passphrase)
        for label, value in ((self.key_label, result.fingerprint),
                             (self.tr("Sidik jari kunci DP3AKB"), result.city_fingerprint),
                             (self.tr("Berkas"), str(result.path))):
            v = WrapLabel(value)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, v)
        layout.addLayout(form)
        self.how_text = fill(self.tr("Di kantor %1: buka KLA Desktop, pilih \"Pasang dari berkas DP3AKB\" (atau "
                                     "Pengaturan), pilih berkas ini lalu ketik kata sandinya. Cocokkan sidik jarinya "
                                     "dengan lembar ini."), self.unit)
        how = WrapLabel(self.how_text)
        how.setObjectName("helpText")
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
        return fill(self.tr("KLA Desktop — lembar pemasangan %1 (%2)"), self.unit, r.kelurahan_code)

    def sheet_text(self) -> str:
        r = self.result
        return "\n".join([
            self._sheet_title(),
            self.tr("Kata sandi: %1").replace("%1", r.passphrase),
            f"{self.key_label}: {r.fingerprint}",
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
            for label, value in ((self.key_label, r.fingerprint),
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
        self.last_batch: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        self.word = units_word(session.store)
        self.title = QLabel(fill(self.tr("%1 Terdaftar"), self.word))
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        intro = WrapLabel(self.tr("Kiriman hanya diterima dari desa/kelurahan yang terdaftar di sini. Mendaftarkan membuat "
                               "berkas pemasangan dan kata sandi; mencabut kunci (laptop hilang atau dicuri) membuat "
                               "kiriman baru dengan kunci itu ditolak. Desa/kelurahan yang belum ada di data wilayah "
                               "bisa ditambahkan; yang digabung atau dimekarkan dinonaktifkan, datanya tetap."))
        intro.setObjectName("helpText")
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.enrol_button = QPushButton(icons.icon("add"), self.tr("Daftarkan…"))
        self.enrol_all_button = QPushButton(icons.icon("add"), self.tr("Daftarkan semua yang belum…"))
        self.enrol_all_button.setToolTip(self.tr("Satu berkas pemasangan per desa/kelurahan dan satu PDF berisi "
                                                 "semua lembar kata sandi, di folder yang dipilih"))
        self.restore_button = QPushButton(self.tr("Berkas pemulihan…"))
        self.restore_button.setToolTip(self.tr("Untuk komputer pengganti atau ruang kerja yang hilang: berkas "
                                               "pemasangan yang membawa semua data desa/kelurahan ini yang sudah "
                                               "diterima DP3AKB"))
        self.revoke_button = QPushButton(icons.icon("delete"), self.tr("Cabut kunci…"))
        for b in (self.enrol_button, self.enrol_all_button, self.restore_button, self.revoke_button):
            b.setEnabled(not session.read_only)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        units_row = QHBoxLayout()
        self.add_unit_button = QPushButton(icons.icon("add"), self.tr("Tambah desa/kelurahan…"))
        self.rename_button = QPushButton(self.tr("Ganti nama…"))
        self.retire_button = QPushButton(self.tr("Nonaktifkan…"))
        for b in (self.add_unit_button, self.rename_button, self.retire_button):
            b.setEnabled(not session.read_only)
            units_row.addWidget(b)
        units_row.addStretch(1)
        layout.addLayout(units_row)
        # On a line of its own: beside the buttons, "… tanpa kunci aktif: daftarkan …" was cut at 1366x768.
        self.count = WrapLabel()
        layout.addWidget(self.count)
        self.progress = ProgressWidget()
        layout.addWidget(self.progress)
        self.note = WrapLabel()
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)
        self.model = EnrolledModel(self)
        self.model.unit_word = self.word
        self.model.header_words = {EnrolledModel.COL_KECAMATAN: kecamatan_word(session.store)}  # "Distrik" in Papua
        # Sorted and scrolled in the view (a kabupaten has hundreds of desa); SortRole holds raw values.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(EnrolledModel.SortRole)
        self.view = KeptTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(EnrolledModel.COL_KECAMATAN, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        hh = self.view.horizontalHeader()
        # Interactive, sized once from the contents: ResizeToContents would measure every row on
        # each layout pass, which a list of 1,000 units feels.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setResizeContentsPrecision(200)
        hh.setStretchLastSection(True)
        layout.addWidget(self.view, 1)

        self.enrol_button.clicked.connect(self._on_enrol_button_clicked)
        self.enrol_all_button.clicked.connect(self._on_enrol_all_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.add_unit_button.clicked.connect(self._on_add_unit_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.retire_button.clicked.connect(self._on_retire_button_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        session.data_changed.connect(self._on_session_data_changed)
        self.refresh()
        self.view.resizeColumnsToContents()
        self._fit_fingerprint()

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
        active = sum(1 for u, _, k in rows if k is not None and k.active and not u.retired)
        in_use = sum(1 for u, _, _ in rows if not u.retired)
        text = fill(self.tr("%1 dari %2 %3 terdaftar"), fmt_number(active), fmt_number(in_use),
                    units_word(store, capital=False))
        # Never enrolled needs no more words than the count and the rows' "Belum terdaftar" (a step not
        # taken yet, not a fault: the demo's "31 … tanpa kunci aktif" alarmed); a key revoked and not
        # replaced is what to warn of: that unit's next bundle is refused.
        revoked = sum(1 for u, _, k in rows if k is not None and not k.active and not u.retired)
        if revoked:
            text += " · " + fill(self.tr("%1 kuncinya dicabut: daftarkan lagi agar kiriman berikutnya diterima"),
                                 fmt_number(revoked))
        pending = len(store.sync.pending_slips())
        if pending:
            # An earlier "Daftarkan semua" stopped (power cut, full stick) before its slips' PDF.
            text += " · " + fill(self.tr("%1 lembar kata sandi belum tercetak: klik “Daftarkan semua yang belum…”"),
                                 fmt_number(pending))
        self.count.setText(text)
        self._fit_fingerprint()
        self._update_unit_buttons()

    def _fit_fingerprint(self) -> None:
        """The fingerprint whole (officers compare it with the printed slip): the column was sized while empty."""
        hh = self.view.horizontalHeader()
        need = self.view.fontMetrics().horizontalAdvance("DDDD-DDDD-DDDD-DDDD") + 24  # D: the widest hex digit
        if hh.sectionSize(EnrolledModel.COL_FINGERPRINT) < need:
            hh.resizeSection(EnrolledModel.COL_FINGERPRINT, need)

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected(self) -> tuple[UnitRecord, sync.PeerKey | None] | None:
        idx = self.view.currentIndex()
        return idx.data(EnrolledModel.RecordRole) if idx.isValid() else None

    def _on_view_current_row_changed(self, *_args: object) -> None:
        self._update_unit_buttons()

    def _update_unit_buttons(self) -> None:
        sel = self.selected()
        retired = sel is not None and sel[0].retired
        self.retire_button.setText(self.tr("Aktifkan lagi…") if retired else self.tr("Nonaktifkan…"))

    def _on_enrol_button_clicked(self) -> None:
        sel = self.selected()
        if sel is None:
            self.session.dialogs.info(self, self.tr("Daftarkan"), self.tr("Pilih dulu desa/kelurahannya di daftar."))
            return
        unit, key = sel
        if unit.retired:
            self.session.dialogs.info(self, self.tr("Daftarkan"), fill(self.tr(
                "%1 sudah dinonaktifkan, jadi tidak didaftarkan. Bila masih dipakai, klik “Aktifkan lagi…” dulu."),
                unit_title(unit.code, unit.name)))
            return
        held = sum(1 for it in self.session.store.sync.items(unit.code) if not it.deleted)
        if held:
            # Asked before anything is written: a fresh setup file installs an empty workspace whose
            # exports then conflict with what DP3AKB holds (a replacement PC wants the restore file).
            answer = self.session.dialogs.choose(self, self.tr("Daftarkan"), fill(self.tr(
                "DP3AKB sudah menyimpan %2 item data %1. Untuk komputer baru atau ruang kerja "
                "yang hilang, buat berkas pemulihan: ruang kerjanya terpasang berisi data itu. Berkas pemasangan "
                "biasa memasang ruang kerja kosong, dan kirimannya nanti bentrok dengan data yang tersimpan; pakai "
                "hanya untuk memasang ulang di ruang kerja lama yang masih ada."), unit_title(unit.code, unit.name),
                fmt_number(held)), [self.tr("Buat berkas pemulihan"), self.tr("Tetap buat berkas pemasangan")],
                default=0)
            if answer == 0:
                folder = self.session.dialogs.choose_folder(self, self.tr("Pilih folder untuk berkas pemulihan"),
                                                            kind="setup")
                if folder:
                    self.enrol(unit.code, Path(folder), restore=True)
                return
            if answer != 1:
                return
        if key is not None and key.active and not self.session.dialogs.confirm(
                self, self.tr("Daftarkan"),
                fill(self.tr("%1 sudah terdaftar. Buat kunci dan berkas pemasangan baru? Kunci lama tetap aktif "
                             "sampai dicabut."), unit_title(unit.code, unit.name)), self.tr("Buat baru"),
                self.tr("Batal")):
            return
        folder = self.session.dialogs.choose_folder(self, self.tr("Pilih folder untuk berkas pemasangan"),
                                                    kind="setup")
        if folder:
            self.enrol(unit.code, Path(folder))

    def _on_restore_button_clicked(self) -> None:
        sel = self.selected()
        title = self.tr("Berkas pemulihan")
        if sel is None:
            self.session.dialogs.info(self, title, self.tr("Pilih dulu desa/kelurahannya di daftar."))
            return
        unit, key = sel
        name = unit_title(unit.code, unit.name)
        if unit.retired:
            self.session.dialogs.info(self, title, fill(self.tr(
                "%1 sudah dinonaktifkan. Bila masih dipakai, klik “Aktifkan lagi…” dulu."), name))
            return
        held = sum(1 for it in self.session.store.sync.items(unit.code) if not it.deleted)
        question = fill(self.tr(
            "Buat berkas pemulihan untuk %1? Berkas ini memasang ruang kerja berisi semua data %1 yang sudah diterima "
            "DP3AKB (%2 item), untuk komputer pengganti atau ruang kerja yang hilang."), name, fmt_number(held))
        if key is not None and key.active:
            question += " " + self.tr("Kunci baru dibuat; kunci lama tetap aktif sampai dicabut dengan “Cabut kunci…”.")
        if not self.session.dialogs.confirm(self, title, question, self.tr("Buat berkas pemulihan"), self.tr("Batal")):
            return
        folder = self.session.dialogs.choose_folder(self, self.tr("Pilih folder untuk berkas pemulihan"),
                                                    kind="setup")
        if folder:
            self.enrol(unit.code, Path(folder), restore=True)

    def enrol(self, code: str, folder: Path, restore: bool = False) -> Task | None:
        """``kla city enroll CODE --out FOLDER/KLA-pemasangan-CODE.klasetup`` off the GUI thread (``restore``:
        ``kla city restore``, ``KLA-pemulihan-CODE.klasetup``), never over a file already there."""
        if is_running(self.task):
            return None
        s = self.session
        out = free_name(folder / f"KLA-{'pemulihan' if restore else 'pemasangan'}-{code}.klasetup")
        name = unit_title(code, s.store.kelurahan(code).name)
        self.task = run_in_background(
            self, enrol_job(s.home, s.store.operator, code, out, restore=restore),
            title=fill(self.tr("Membuat berkas pemulihan %1…") if restore else self.tr("Mendaftarkan %1…"), name),
            on_done=self._on_enrol_finished, on_failed=self._on_enrol_failed, progress_widget=self.progress)
        return self.task

    def _on_enrol_finished(self, result: EnrolResult) -> None:
        self.note.setText(fill(self.tr("%1 terdaftar. Berkas: %2"),
                               unit_title(result.kelurahan_code, result.kelurahan_name), result.path))
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
                                      self.tr("Pilih dulu desa/kelurahan yang terdaftar (kuncinya masih aktif)."))
            return
        self.revoke(sel[0].code)

    def revoke(self, code: str) -> bool:
        """``kla city revoke CODE`` after asking; returns True when keys were revoked."""
        s = self.session
        name = unit_title(code, s.store.kelurahan(code).name)
        if not s.dialogs.confirm(
                self, self.tr("Cabut kunci"),
                fill(self.tr("Cabut semua kunci aktif %1? Kiriman baru dengan kunci itu akan ditolak. Untuk "
                             "melanjutkan, desa/kelurahan itu harus didaftarkan ulang."), name),
                self.tr("Cabut kunci"), self.tr("Batal")):
            return False
        reason = s.dialogs.ask_text(self, self.tr("Cabut kunci"), self.tr("Alasan (mis. laptop hilang):"), "",
                                    ok=self.tr("Cabut kunci"))
        if reason is None:
            return False
        try:
            n = s.store.sync.revoke_peer_keys(code, reason.strip())
        except KlaError as exc:
            s.dialogs.error(self, self.tr("Cabut kunci"), kla_error_text(exc))
            return False
        self.note.setText(fill(self.tr("%n kunci %1 dicabut.", "", n), name))
        if n:
            s.notify(Changes.of("key", code, units=[code]))
        return n > 0

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        if changes.has("key", "unit"):
            self.refresh()

    # ------------------------------------------------------------------ many at once

    def _on_enrol_all_button_clicked(self) -> None:
        from exports.setup import enrollable

        todo, _ = enrollable(self.session.store)
        pending = len(self.session.store.sync.pending_slips())
        word = units_word(self.session.store, capital=False)
        if not todo and not pending:
            self.session.dialogs.info(self, self.tr("Daftarkan semua"), fill(self.tr(
                "Semua %1 yang aktif sudah terdaftar. Untuk kunci baru satu %1, pilih lalu klik “Daftarkan…”."), word))
            return
        if todo:
            question = fill(self.tr(
                "Daftarkan %1 %2 yang belum terdaftar? Satu berkas pemasangan per %2 ditulis ke folder yang Anda pilih, "
                "dan satu PDF berisi semua lembar kata sandi (sekitar %3)."), fmt_number(len(todo)), word,
                duration_words(len(todo) * SECONDS_PER_ENROLMENT))
        else:
            question = fill(self.tr(
                "Semua %1 yang aktif sudah terdaftar, tetapi pendaftaran sebelumnya terhenti sebelum lembar kata "
                "sandinya tercetak. Tulis PDF lembar kata sandi itu ke folder yang Anda pilih?"), word)
        held = len(set(todo) & self.session.store.sync.units_with_items())
        if held:
            question += "\n\n" + fill(self.tr(
                "%1 di antaranya sudah punya data di DP3AKB: mereka mendapat berkas pemulihan berisi data itu, "
                "bukan berkas pemasangan kosong."), fmt_number(held))
        if todo and pending:
            question += "\n\n" + fill(self.tr(
                "Lembar kata sandi %1 %2 dari pendaftaran sebelumnya yang terhenti ikut dicetak."),
                fmt_number(pending), word)
        if not self.session.dialogs.confirm(self, self.tr("Daftarkan semua"), question, self.tr("Lanjut"),
                                            self.tr("Batal")):
            return
        folder = self.session.dialogs.choose_folder(self, self.tr("Pilih folder untuk berkas pemasangan"),
                                                    kind="setup")
        if folder:
            self.enrol_all(Path(folder))

    def enrol_all(self, folder: Path, codes: list[str] | None = None) -> Task | None:
        """``kla city enroll-many --out FOLDER``: every unit not enrolled yet, then the slips' PDF."""
        if is_running(self.task):
            return None
        s = self.session
        self.task = run_in_background(
            self, enrol_many_job(s.home, s.store.operator, folder, codes),
            title=self.tr("Mendaftarkan desa/kelurahan…"), on_done=self._on_enrol_all_finished,
            on_failed=self._on_enrol_failed, progress_widget=self.progress)
        return self.task

    def _on_enrol_all_finished(self, outcome: Any) -> None:
        batch, pdf, slip_error = outcome
        self.last_batch = outcome
        done = batch.to_print
        self.session.notify(Changes.of("key", [r.key_id for r in done], units=[r.kelurahan_code for r in done]))
        word = units_word(self.session.store, capital=False)
        folder = batch.results[0].path.parent if batch.results else (pdf.parent if pdf else "")
        lines = [fill(self.tr("%1 %2 didaftarkan; berkas pemasangannya di %3."), fmt_number(len(batch.results)),
                      word, folder)]
        if batch.earlier:
            lines.append(fill(self.tr("Lembar kata sandi %1 %2 dari pendaftaran sebelumnya yang terhenti ikut "
                                      "dicetak (berkas pemasangannya tetap yang lama)."),
                              fmt_number(len(batch.earlier)), word))
        if pdf is not None:
            lines.append(fill(self.tr("Lembar kata sandi: %1. Cetak, gunting, serahkan tiap lembar terpisah dari "
                                      "berkasnya, lalu hapus berkas PDF itu: isinya semua kata sandi."), pdf))
        if slip_error is not None:
            lines.append(fill(self.tr("Lembar kata sandi belum tertulis: %1 Kata sandinya tetap tersimpan, tidak ada "
                                      "yang hilang: klik “Daftarkan semua yang belum…” lagi dan pilih folder yang "
                                      "cukup ruang untuk mencetaknya."), kla_error_text(slip_error)))
        if batch.stopped is not None:
            lines.append(fill(self.tr("Berhenti di tengah: %1 Yang sudah didaftarkan tetap terdaftar; klik "
                                      "“Daftarkan semua yang belum…” lagi untuk sisanya."),
                              kla_error_text(batch.stopped)))
        restored = [r for r in batch.results if r.restore]
        if restored:
            lines.append(fill(self.tr("%1 %2 yang datanya sudah ada di DP3AKB mendapat berkas pemulihan (berisi "
                                      "data itu), bukan berkas pemasangan kosong: %3. Pasang di komputer "
                                      "penggantinya; datanya ikut."), fmt_number(len(restored)), word,
                              ", ".join(fill(self.tr("%1 (%2 item)"), r.kelurahan_name, fmt_number(r.restore_items))
                                        for r in restored)))
        lines += [w for r in batch.results
                  if (w := enrol_held_words(r.kelurahan_code, r.kelurahan_name, r.held_items, translate_message,
                                            window=True))]
        if batch.cancelled:
            lines.append(self.tr("Dibatalkan: yang sudah didaftarkan tetap terdaftar dan ada di lembar kata sandi; "
                                 "klik “Daftarkan semua yang belum…” lagi untuk sisanya."))
        self.note.setText("\n".join(lines))
        if slip_error is not None or batch.stopped is not None:
            self.session.dialogs.error(self, self.tr("Daftarkan semua"), "\n\n".join(lines))
        else:
            self.session.dialogs.info(self, self.tr("Daftarkan semua"), "\n\n".join(lines))
        self.refresh()
        self.enrolled.emit(batch)

    # ------------------------------------------------------------------ DP3AKB's own changes to its units

    def _on_add_unit_button_clicked(self) -> None:
        # A refusal (code taken, empty name) is shown in the dialog, which stays open with what was typed.
        dialog = UnitDialog(self.session.store, self, submit=self._try_add_unit)
        sel = self.selected()
        if sel is not None:
            dialog.set_kecamatan(sel[0].parent_code or "")
        self.unit_dialog = dialog
        dialog.exec()

    def add_unit(self, code: str, name: str) -> UnitRecord | None:
        refused = self._try_add_unit(code, name)
        if refused is not None:
            self.session.dialogs.error(self, self.tr("Tambah desa/kelurahan"), kla_error_text(refused))
            return None
        return self.session.store.unit(code.strip())

    def _try_add_unit(self, code: str, name: str) -> KlaError | None:
        """Add the unit; the store's refusal when it would not (nothing is shown here)."""
        try:
            changes = self.session.store.add_unit(code, name)
        except KlaError as exc:
            return exc
        unit = changes.record
        self.session.notify(changes)
        self.select(unit.code)
        self.note.setText(fill(self.tr("%1 (%2) ditambahkan. Daftarkan untuk membuat berkas pemasangannya."),
                               unit_title(unit.code, unit.name), unit.code))
        return None

    def _on_rename_button_clicked(self) -> None:
        sel = self.selected()
        if sel is None:
            self.session.dialogs.info(self, self.tr("Ganti nama"), self.tr("Pilih dulu desa/kelurahannya di daftar."))
            return
        unit = sel[0]
        def take(name: str) -> str:
            # Refused (empty, a name another unit has), the dialog stays open with the reason and the name.
            refused = self._try_rename_unit(unit.code, name)
            return kla_error_text(refused) if refused is not None else ""

        self.session.dialogs.ask_text(self, self.tr("Ganti nama"), fill(self.tr(
            "Nama baru untuk %1 (%2). Nama lama tetap bisa dicari; desa/kelurahan itu menerima nama baru pada "
            "tanda terima berikutnya."), unit_title(unit.code, unit.name), unit.code), unit.name, check=take)

    def rename_unit(self, code: str, name: str) -> bool:
        before = self.session.store.unit(code).name
        refused = self._try_rename_unit(code, name)
        if refused is not None:
            self.session.dialogs.error(self, self.tr("Ganti nama"), kla_error_text(refused))
            return False
        return self.session.store.unit(code).name != before

    def _try_rename_unit(self, code: str, name: str) -> KlaError | None:
        try:
            changes = self.session.store.rename_unit(code, name)
        except KlaError as exc:
            return exc
        if changes:
            self.session.notify(changes)
            self.note.setText(fill(self.tr("Sekarang bernama %1."), unit_title(code, changes.record.name)))
        return None

    def _on_retire_button_clicked(self) -> None:
        sel = self.selected()
        if sel is None:
            self.session.dialogs.info(self, self.tr("Nonaktifkan"), self.tr("Pilih dulu desa/kelurahannya di daftar."))
            return
        unit = sel[0]
        if unit.retired:
            self.reinstate_unit(unit.code)
            return
        note = self.session.dialogs.ask_text(self, self.tr("Nonaktifkan"), fill(self.tr(
            "Nonaktifkan %1 (digabung, dimekarkan, atau diberi kode baru)? Datanya tetap tersimpan dan tampil sebagai "
            "tidak aktif; kirimannya masih diterima. Alasan (misalnya “digabung ke Desa Perian”):"),
            unit_title(unit.code, unit.name)), "")
        if note is not None:
            self.retire_unit(unit.code, note)

    def retire_unit(self, code: str, note: str = "") -> bool:
        try:
            changes = self.session.store.retire_unit(code, note)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Nonaktifkan"), kla_error_text(exc))
            return False
        if changes:
            self.session.notify(changes)
            self.note.setText(fill(self.tr("%1 dinonaktifkan. Datanya tetap tersimpan."),
                                   unit_title(code, changes.record.name)))
        return bool(changes)

    def reinstate_unit(self, code: str) -> bool:
        changes = self.session.store.reinstate_unit(code)
        if changes:
            self.session.notify(changes)
            self.note.setText(fill(self.tr("%1 aktif lagi."), unit_title(code, changes.record.name)))
        return bool(changes)


SECONDS_PER_ENROLMENT = 0.15
"""Measured: scrypt 2^14, keys, the file written and read back (bench/bench_enrol.py)."""


def duration_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return QCoreApplication.translate("EnrolledPage", "kurang dari satu menit")
    return QCoreApplication.translate("EnrolledPage", "%n menit", "", minutes)


class UnitDialog(QDialog):
    """A desa/kelurahan the reference data lacks: kecamatan, kind, code (the next free one proposed), name."""

    def __init__(self, store: Any, parent: QWidget | None = None,
                 submit: Callable[[str, str], KlaError | None] | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.submit = submit  # adds the unit typed on "Tambahkan"; a refusal keeps the dialog open, said in it
        self.setWindowTitle(self.tr("Tambah desa/kelurahan"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kecamatan = QComboBox()
        for k in store.units("kecamatan", active_only=True):
            self.kecamatan.addItem(unit_title(k.code, k.name), k.code)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Desa (kode 2xxx)"), "desa")
        self.kind.addItem(self.tr("Kelurahan (kode 1xxx)"), "kelurahan")
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("tanpa kata Desa/Kelurahan, misalnya Perian Baru"))
        form.addRow(kecamatan_word(store), self.kecamatan)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("Kode Kemendagri"), self.code)
        form.addRow(self.tr("Nama"), self.name)
        layout.addLayout(form)
        hint = WrapLabel(self.tr("Kode diusulkan dari kode berikutnya yang belum dipakai di kecamatan itu; ganti bila "
                              "Kemendagri sudah memberi kodenya."))
        hint.setObjectName("helpText")
        layout.addWidget(hint)
        self.message = WrapLabel()
        self.message.setObjectName("errorText")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ok_button = QPushButton(self.tr("Tambahkan"))
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("Batal"))
        row.addWidget(cancel)
        row.addWidget(self.ok_button)
        layout.addLayout(row)
        self.ok_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.kecamatan.currentIndexChanged.connect(self._propose_code)
        self.kind.currentIndexChanged.connect(self._propose_code)
        kinds = {u.kind for u in store.units("kelurahan")}
        self.kind.setCurrentIndex(0 if "desa" in kinds or not kinds else 1)
        self._propose_code()
        scope_window(self)  # its share of the style sheet: the refusal reads red, as elsewhere

    def accept(self) -> None:
        if self.submit is not None:
            refused = self.submit(self.code.text(), self.name.text())
            if refused is not None:
                self.message.setText(kla_error_text(refused))
                self.message.show()
                self.adjustSize()
                field = self.name if refused.code.startswith("unit_name") else self.code
                field.setFocus()
                return
        super().accept()

    def set_kecamatan(self, code: str) -> None:
        i = self.kecamatan.findData(code)
        if i >= 0:
            self.kecamatan.setCurrentIndex(i)

    def _propose_code(self, *_args: object) -> None:
        kec = self.kecamatan.currentData()
        if not kec:
            return
        first = "2" if self.kind.currentData() == "desa" else "1"
        used = {int(u.code.rsplit(".", 1)[1]) for u in self.store.units("kelurahan", kec)
                if u.code.rsplit(".", 1)[1].startswith(first)}
        n = max(used, default=int(first) * 1000) + 1
        self.code.setText(f"{kec}.{n:04d}")
