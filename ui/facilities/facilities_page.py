"""Fasilitas: child-friendly facilities of the kelurahan, with search, type filter, form and evidence."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from db.records import FacilityRecord
from db.rules import facility_doubts, split_coordinates
from db.store import FACILITY_TYPES, STANDARDISATION
from ui.evidence.panel import EvidencePanel
from ui.evidence.thumbnails import ThumbnailCache
from ui.record_page import RecordListPage
from ui.session import Session, kla_error_text
from ui.widgets import icons
from ui.widgets.edits import CommitLineEdit, NotesEdit
from ui.widgets.formatting import ID_LOCALE
from ui.widgets.labels import WrapLabel, keep_room
from ui.widgets.table_model import RecordTableModel


def type_labels() -> dict[str, str]:
    return {
        "rbra": QCoreApplication.translate("FacilitiesPage", "Ruang Bermain Ramah Anak (RBRA)"), "pisa": QCoreApplication.translate("FacilitiesPage", "Pusat Informasi Sahabat Anak (PISA)"),
        "puspaga": QCoreApplication.translate("FacilitiesPage", "PUSPAGA"), "puskesmas_ramah_anak": QCoreApplication.translate("FacilitiesPage", "Puskesmas Ramah Anak"),
        "sra": QCoreApplication.translate("FacilitiesPage", "Sekolah Ramah Anak (SRA)"), "tara": QCoreApplication.translate("FacilitiesPage", "Taman Asuh Ramah Anak (TARA)"),
        "rumah_ibadah_ramah_anak": QCoreApplication.translate("FacilitiesPage", "Rumah Ibadah Ramah Anak"), "forum_anak": QCoreApplication.translate("FacilitiesPage", "Forum Anak"),
        "patbm": QCoreApplication.translate("FacilitiesPage", "PATBM"), "posyandu": QCoreApplication.translate("FacilitiesPage", "Posyandu"), "paud": QCoreApplication.translate("FacilitiesPage", "PAUD"),
        "ktr": QCoreApplication.translate("FacilitiesPage", "Kawasan Tanpa Rokok"), "lainnya": QCoreApplication.translate("FacilitiesPage", "Lainnya"),
    }


def short_type_label(key: str) -> str:
    """A type as the list of facilities shows it: its abbreviation when its name has one ("PISA" for
    "Pusat Informasi Sahabat Anak (PISA)"): in the list's narrow column at 1366x768 the whole name
    was cut to "Pusat Informasi ..."; the whole name is in the form and the tooltip."""
    full = type_labels().get(key, key)
    found = re.search(r"\(([^()]+)\)\s*$", full)
    return found.group(1) if found else full


def standard_labels() -> dict[str, str]:
    return {"belum": QCoreApplication.translate("FacilitiesPage", "Belum"), "proses": QCoreApplication.translate("FacilitiesPage", "Dalam proses"), "terstandar": QCoreApplication.translate("FacilitiesPage", "Terstandar"),
            "utama": QCoreApplication.translate("FacilitiesPage", "Utama")}


class FacilityModel(RecordTableModel):
    COL_NAME, COL_TYPE, COL_STANDARD, COL_EVIDENCE = range(4)
    TypeRole = Qt.ItemDataRole.UserRole + 3

    _TR_CONTEXT = "FacilitiesPage"
    _HEADERS = (
        QT_TRANSLATE_NOOP("FacilitiesPage", "Nama"),
        QT_TRANSLATE_NOOP("FacilitiesPage", "Jenis"),
        QT_TRANSLATE_NOOP("FacilitiesPage", "Standar"),
        QT_TRANSLATE_NOOP("FacilitiesPage", "Berkas"),
    )

    _rows: list[FacilityRecord]

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.name, short_type_label(r.type), standard_labels().get(r.standardisation, ""),
                    str(len(r.evidence_ids))][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_TYPE:
                return type_labels().get(r.type, r.type)
            return r.address or r.name
        if role == self.RecordRole:
            return r
        if role == self.TypeRole:
            return r.type
        if role == self.SortRole:
            return [r.name.lower(), r.type, STANDARDISATION.index(r.standardisation)
                    if r.standardisation in STANDARDISATION else 0, len(r.evidence_ids)][col]
        return None


class _TypeFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.type = ""
        self.setSortRole(FacilityModel.SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(FacilityModel.COL_NAME)

    def set_type(self, value: str) -> None:
        # beginFilterChange/endFilterChange replace the deprecated invalidateFilter (Qt 6.9+).
        self.beginFilterChange()
        self.type = value
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self.type and self.sourceModel().index(row, 0, parent).data(FacilityModel.TypeRole) != self.type:
            return False
        return super().filterAcceptsRow(row, parent)


def _coord(value: float | None) -> str:
    """A coordinate as the clerk typed it: decimal comma, no padding zeros ("-1,2654", not "-1,26540")."""
    if value is None:
        return ""
    # The shortest digits that give back the same float, never exponent notation.
    return ID_LOCALE.toString(float(value), "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


class FacilitiesPage(RecordListPage):
    """See the module docstring."""

    entity = "facility"

    def __init__(self, session: Session, thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current_id: str | None = None
        self._shown_id: str | None = None  # the record whose text the form shows
        self._loading = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(12, 12, 6, 12)
        title = QLabel(self.tr("Fasilitas ramah anak"))
        title.setObjectName("pageTitle")
        ll.addWidget(title)
        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nama…"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("Semua jenis"), "")
        for key in FACILITY_TYPES:
            self.type_filter.addItem(type_labels().get(key, key), key)
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(10)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.type_filter)
        ll.addLayout(tools)
        self.model = FacilityModel(self)
        self.proxy = _TypeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in every list box
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FacilityModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        # Fixed proportions, not ResizeToContents: long type names must not push the name off screen.
        # The name takes what is left, so "Berkas" is not pushed behind a horizontal scroll bar at 1366x768.
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(FacilityModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        h.setStretchLastSection(False)
        em = self.fontMetrics().averageCharWidth()
        for c, chars in ((FacilityModel.COL_TYPE, 16), (FacilityModel.COL_STANDARD, 13), (FacilityModel.COL_EVIDENCE, 9)):
            self.table.setColumnWidth(c, em * chars)
        ll.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icons.icon("add"), self.tr("Fasilitas &baru"))
        self.delete_button = QPushButton(icons.icon("delete"), self.tr("Hapus"))
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        ll.addLayout(buttons)
        self.add_button.setEnabled(not session.read_only)
        splitter.addWidget(left)

        self.form_box = QWidget()
        fl = QVBoxLayout(self.form_box)
        fl.setContentsMargins(12, 12, 12, 12)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = CommitLineEdit()
        self.type_edit = QComboBox()
        for key in FACILITY_TYPES:
            self.type_edit.addItem(type_labels().get(key, key), key)
        self.address_edit = CommitLineEdit()
        self.lat_edit = CommitLineEdit()
        self.lat_edit.setPlaceholderText(self.tr("misalnya -1,2654"))
        self.lat_edit.setToolTip(self.tr("Boleh menempel pasangan Lintang dan Bujur yang disalin dari peta (misalnya "
                                         "-1.2391, 116.9012): keduanya masuk ke kotaknya masing-masing."))
        self.lon_edit = CommitLineEdit()
        self.lon_edit.setPlaceholderText(self.tr("misalnya 116,8312"))
        self.standard_edit = QComboBox()
        for key in STANDARDISATION:
            self.standard_edit.addItem(standard_labels().get(key, key), key)
        self.notes = NotesEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 16)
        form.addRow(self.tr("Nama"), self.name_edit)
        form.addRow(self.tr("Jenis"), self.type_edit)
        form.addRow(self.tr("Alamat"), self.address_edit)
        form.addRow(self.tr("Lintang"), self.lat_edit)
        form.addRow(self.tr("Bujur"), self.lon_edit)
        form.addRow(self.tr("Standardisasi"), self.standard_edit)
        form.addRow(self.tr("Catatan"), self.notes)
        fl.addLayout(form)
        self.error = WrapLabel()
        self.error.setObjectName("errorText")
        self.error.hide()
        keep_room(self.error)  # a refused date or coordinate moves nothing under the pointer
        fl.addWidget(self.error)
        self.doubt = WrapLabel()  # what looks wrong in what was stored: said, not refused
        self.doubt.setObjectName("flagText")
        self.doubt.hide()
        fl.addWidget(self.doubt)
        fl.addStretch(1)
        self.empty = QLabel(self.tr("Pilih fasilitas di daftar, atau tambahkan fasilitas baru."))
        self.empty.setObjectName("subtle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        container = QWidget()
        cl = QVBoxLayout(container)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.empty)
        cl.addWidget(self.form_box)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(container)
        splitter.addWidget(form_scroll)
        # Evidence sits under the form (one scroll bar): readable on 1366x768 at 125% too.
        self.evidence = EvidencePanel(session, thumbnails)
        self.evidence.list.setMinimumHeight(160)
        cl.addWidget(self.evidence)
        cl.addStretch(1)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)
        for w in (self.name_edit, self.type_edit, self.address_edit, self.lat_edit, self.lon_edit,
                  self.standard_edit):
            w.setEnabled(not session.read_only)
        self.notes.setReadOnly(session.read_only)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.type_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_type(self.type_filter.currentData()))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.add_button.clicked.connect(self.new_facility)
        self.delete_button.clicked.connect(self.delete_current)
        for field, edit in (("name", self.name_edit), ("address", self.address_edit),
                            ("latitude", self.lat_edit), ("longitude", self.lon_edit)):
            edit.editingFinished.connect(lambda f=field, e=edit: self._save_line(f, e))
        self.type_edit.activated.connect(lambda _i: self._save({"type": self.type_edit.currentData()}))
        self.standard_edit.activated.connect(
            lambda _i: self._save({"standardisation": self.standard_edit.currentData()}))
        self.notes.focus_left.connect(self._save_notes)
        session.data_changed.connect(self._on_session_data_changed)
        self.reload()
        self._show(None)

    def reload(self) -> None:
        s = self.session
        self.model.set_rows(s.store.facilities(s.kelurahan_code))
        if self.current_id:
            self.select(self.current_id)

    def _show(self, rec: FacilityRecord | None) -> None:
        self._loading = True
        try:
            self.current_id = rec.id if rec else None
            self.form_box.setVisible(rec is not None)
            self.empty.setVisible(rec is None)
            self.evidence.setVisible(rec is not None)
            self.delete_button.setEnabled(rec is not None and not self.session.read_only)
            self._clear_errors()
            self._show_doubts(rec)
            if rec is None:
                self.evidence.owner = None
                self.evidence.model.set_rows([])
                self._shown_id = None
                self.notes.setPlainText("")  # nothing of a record left to be saved into the next one
                return
            for edit, text in ((self.name_edit, rec.name), (self.address_edit, rec.address),
                               (self.lat_edit, _coord(rec.latitude)), (self.lon_edit, _coord(rec.longitude))):
                edit.setText(text)
                edit.setModified(False)
            self.type_edit.setCurrentIndex(max(0, self.type_edit.findData(rec.type)))
            self.standard_edit.setCurrentIndex(max(0, self.standard_edit.findData(rec.standardisation)))
            if not self.notes.hasFocus() or self._shown_id != rec.id:  # another record: its own text
                self.notes.setPlainText(rec.notes)
            self._shown_id = rec.id
            if self.evidence.owner != ("facility", rec.id):
                self.evidence.set_owner("facility", rec.id)
        finally:
            self._loading = False

    def new_facility(self) -> FacilityRecord | None:
        """A new facility, once: a second click (a double click) while the new one is still untouched
        only brings the keyboard back to its name."""
        fresh = self._untouched_new()
        if fresh is not None:
            self.name_edit.setFocus()
            self.name_edit.selectAll()
            return fresh
        # What was typed in the record on screen goes into that record first; the new one starts
        # empty (it took the last record's Uraian/Catatan, still in the box, and saved it).
        self.flush()
        if self.unsaved_problems() and not self._leave_refused(self.table.currentIndex()):
            return None
        self._show(None)
        try:
            rec = self.session.add_facility(self.tr("Fasilitas baru"), "lainnya", handler=self)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Fasilitas"), kla_error_text(exc))
            return None
        self._fresh = (rec.id, rec.revision)
        self.search.clear()
        self.type_filter.setCurrentIndex(0)
        self.reload()  # with nothing current: the form is filled from the new record alone
        self.select(rec.id)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return rec

    def delete_current(self) -> None:
        if not self.current_id:
            return
        rec = self.session.store.facility(self.current_id)
        self._delete_after_confirm(self.tr("Hapus fasilitas"), self.tr("Hapus fasilitas \"%1\"?").replace("%1", rec.name),
                                   self.tr("Hapus"), self.tr("Batal"), lambda: self.session.delete_facility(rec.id, handler=self))

    doubted_fields = frozenset({"latitude", "longitude"})

    def _doubts_of(self, rec: FacilityRecord) -> list[tuple[str, dict[str, Any]]]:
        return facility_doubts(rec.latitude, rec.longitude)

    def _update_record(self, record_id: str, **fields: Any) -> None:
        self.session.update_facility(record_id, handler=self, **fields)

    def _save_line(self, field: str, edit: CommitLineEdit) -> None:
        if not edit.isModified():
            return
        text = edit.text().strip()
        value: Any = text
        if field in ("latitude", "longitude"):
            pair = split_coordinates(text)
            if pair is not None:
                # Both at once, as a map copies them ("-1.2391, 116.9012" in Lintang): each into its box.
                self._save_pair(*pair)
                return
            value = text or None
        if self._save({field: value}):
            edit.setModified(False)

    def _save_pair(self, lat: str, lon: str) -> None:
        for edit, text in ((self.lat_edit, lat), (self.lon_edit, lon)):
            try:
                edit.setText(_coord(float(text.replace(",", "."))))
            except ValueError:
                edit.setText(text)
        if self._save({"latitude": self.lat_edit.text(), "longitude": self.lon_edit.text()}):
            self.lat_edit.setModified(False)
            self.lon_edit.setModified(False)

    def _save_notes(self) -> None:
        if not self.current_id or self._loading or self.session.closed:
            return
        rec = self.session.store.facility(self.current_id)
        if rec.notes != self.notes.toPlainText():
            self._save({"notes": self.notes.toPlainText()})

    def flush(self) -> None:
        if self.current_id:
            for field, edit in (("name", self.name_edit), ("address", self.address_edit),
                                ("latitude", self.lat_edit), ("longitude", self.lon_edit)):
                self._save_line(field, edit)
            self._save_notes()
        self.evidence.flush()

