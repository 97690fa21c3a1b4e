"""Kegiatan & Inovasi: the list (search, filter), the form, linked indicators and evidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from db.records import ActivityRecord
from db.rules import activity_doubts
from db.store import PARTNERS
from ui.evidence.panel import EvidencePanel
from ui.evidence.thumbnails import ThumbnailCache
from ui.record_page import RecordListPage
from ui.session import Session, kla_error_text
from ui.widgets import icons
from ui.widgets.edits import CommitLineEdit, NotesEdit
from ui.widgets.formatting import fmt_date
from ui.widgets.labels import WrapLabel, keep_room
from ui.widgets.table_model import RecordTableModel


def partner_labels() -> dict[str, str]:
    return {
        "dinsos": QCoreApplication.translate("ActivitiesPage", "Dinas Sosial"), "puskesmas": QCoreApplication.translate("ActivitiesPage", "Puskesmas"), "sekolah": QCoreApplication.translate("ActivitiesPage", "Sekolah"),
        "forum_anak": QCoreApplication.translate("ActivitiesPage", "Forum Anak"), "patbm": QCoreApplication.translate("ActivitiesPage", "PATBM"), "dunia_usaha": QCoreApplication.translate("ActivitiesPage", "Dunia usaha"),
        "media": QCoreApplication.translate("ActivitiesPage", "Media"), "disdukcapil": QCoreApplication.translate("ActivitiesPage", "Disdukcapil"), "kua": QCoreApplication.translate("ActivitiesPage", "KUA"), "tp_pkk": QCoreApplication.translate("ActivitiesPage", "TP PKK"),
        "lpm": QCoreApplication.translate("ActivitiesPage", "LPM"), "rt_rw": QCoreApplication.translate("ActivitiesPage", "RT/RW"), "tokoh_agama": QCoreApplication.translate("ActivitiesPage", "Tokoh agama"), "lainnya": QCoreApplication.translate("ActivitiesPage", "Lainnya"),
    }


def kind_label(kind: str) -> str:
    return {"kegiatan": QCoreApplication.translate("ActivitiesPage", "Kegiatan"), "inovasi": QCoreApplication.translate("ActivitiesPage", "Inovasi")}.get(kind, kind)


class ActivityModel(RecordTableModel):
    COL_DATE, COL_TITLE, COL_KIND, COL_EVIDENCE = range(4)

    _TR_CONTEXT = "ActivitiesPage"
    _HEADERS = (
        QT_TRANSLATE_NOOP("ActivitiesPage", "Tanggal"),
        QT_TRANSLATE_NOOP("ActivitiesPage", "Judul"),
        QT_TRANSLATE_NOOP("ActivitiesPage", "Jenis"),
        QT_TRANSLATE_NOOP("ActivitiesPage", "Berkas"),
    )

    _rows: list[ActivityRecord]

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [fmt_date(r.date), r.title, kind_label(r.kind), str(len(r.evidence_ids))][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.description or r.title
        if role == self.RecordRole:
            return r
        if role == self.SortRole:
            return [r.date or "", r.title.lower(), r.kind, len(r.evidence_ids)][col]
        if role == Qt.ItemDataRole.UserRole + 3:  # kind, for the filter
            return r.kind
        return None


class _KindFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.setSortRole(ActivityModel.SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(ActivityModel.COL_TITLE)

    def set_kind(self, kind: str) -> None:
        # beginFilterChange/endFilterChange replace the deprecated invalidateFilter (Qt 6.9+).
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self.kind:
            idx = self.sourceModel().index(row, 0, parent)
            if idx.data(Qt.ItemDataRole.UserRole + 3) != self.kind:
                return False
        return super().filterAcceptsRow(row, parent)


class ActivitiesPage(RecordListPage):
    """See the module docstring."""

    entity = "activity"

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
        title = QLabel(self.tr("Kegiatan & Inovasi"))
        title.setObjectName("pageTitle")
        ll.addWidget(title)
        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari judul…"))
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Semua jenis"), "")
        self.kind_filter.addItem(self.tr("Kegiatan"), "kegiatan")
        self.kind_filter.addItem(self.tr("Inovasi"), "inovasi")
        tools.addWidget(self.search, 1)
        tools.addWidget(self.kind_filter)
        ll.addLayout(tools)
        self.model = ActivityModel(self)
        self.proxy = _KindFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in every list box
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ActivityModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(ActivityModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().averageCharWidth()
        for c, chars in ((ActivityModel.COL_DATE, 14), (ActivityModel.COL_KIND, 10), (ActivityModel.COL_EVIDENCE, 9)):
            self.table.setColumnWidth(c, em * chars)
        ll.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icons.icon("add"), self.tr("Kegiatan &baru"))
        self.delete_button = QPushButton(icons.icon("delete"), self.tr("Hapus"))
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        ll.addLayout(buttons)
        self.add_button.setEnabled(not session.read_only)
        splitter.addWidget(left)

        # Form.
        self.form_box = QWidget()
        fl = QVBoxLayout(self.form_box)
        fl.setContentsMargins(12, 12, 12, 12)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_edit = CommitLineEdit()
        self.kind_edit = QComboBox()
        self.kind_edit.addItem(self.tr("Kegiatan"), "kegiatan")
        self.kind_edit.addItem(self.tr("Inovasi"), "inovasi")
        self.date_edit = CommitLineEdit()
        # Words a clerk reads, not a format code ("hh-bb-tttt" read as nothing).
        self.date_edit.setPlaceholderText(self.tr("tanggal-bulan-tahun, mis. 17-08-2026"))
        self.date_edit.setToolTip(self.tr("Tanggal kegiatan: tanggal-bulan-tahun dengan angka, mis. 17-08-2026 "
                                          "untuk 17 Agustus 2026"))
        self.description = NotesEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 4 + 16)
        form.addRow(self.tr("Judul"), self.title_edit)
        form.addRow(self.tr("Jenis"), self.kind_edit)
        form.addRow(self.tr("Tanggal"), self.date_edit)
        form.addRow(self.tr("Uraian"), self.description)
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
        lists = QHBoxLayout()
        pcol = QVBoxLayout()
        pl = QLabel(self.tr("Mitra yang terlibat"))
        pl.setObjectName("fieldLabel")
        pcol.addWidget(pl)
        self.partners = QListWidget()
        for key, label in partner_labels().items():
            if key not in PARTNERS:
                continue
            it = QListWidgetItem(label)
            it.setData(Qt.ItemDataRole.UserRole, key)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(it)
        pcol.addWidget(self.partners)
        icol = QVBoxLayout()
        il = QLabel(self.tr("Indikator terkait"))
        il.setObjectName("fieldLabel")
        icol.addWidget(il)
        self.indicators = QListWidget()
        for ind in session.template.indicators:
            it = QListWidgetItem(f"{ind.no}. {ind.short_name}")
            it.setData(Qt.ItemDataRole.UserRole, ind.no)
            it.setToolTip(ind.title)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.indicators.addItem(it)
        # A long name wraps instead of running under a sideways scroll bar ("21. Korban Kekerasan &
        # Eksploitasi" was cut at 1366x768).
        for lst in (self.partners, self.indicators):
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setResizeMode(QListWidget.ResizeMode.Adjust)
        icol.addWidget(self.indicators)
        lists.addLayout(pcol)
        lists.addLayout(icol)
        self.partners.setMinimumHeight(200)
        self.indicators.setMinimumHeight(200)
        fl.addLayout(lists, 1)
        self.empty = QLabel(self.tr("Pilih kegiatan di daftar, atau buat kegiatan baru."))
        self.empty.setObjectName("subtle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        container = QWidget()
        cl = QVBoxLayout(container)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.empty)
        cl.addWidget(self.form_box)
        form_scroll.setWidget(container)
        splitter.addWidget(form_scroll)
        # Evidence sits under the form (one scroll bar): readable on 1366x768 at 125% too.
        self.evidence = EvidencePanel(session, thumbnails)
        self.evidence.list.setMinimumHeight(160)
        cl.addWidget(self.evidence)
        cl.addStretch(1)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)
        for w in (self.title_edit, self.kind_edit, self.date_edit, self.partners, self.indicators):
            w.setEnabled(not session.read_only)
        self.description.setReadOnly(session.read_only)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_kind(self.kind_filter.currentData()))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.add_button.clicked.connect(self.new_activity)
        self.delete_button.clicked.connect(self.delete_current)
        self.title_edit.editingFinished.connect(lambda: self._save_line("title", self.title_edit))
        self.date_edit.editingFinished.connect(lambda: self._save_line("date", self.date_edit))
        self.kind_edit.activated.connect(lambda _i: self._save({"kind": self.kind_edit.currentData()}))
        self.description.focus_left.connect(self._save_description)
        self.partners.itemChanged.connect(self._on_partners_changed)
        self.indicators.itemChanged.connect(self._on_indicators_changed)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(self._on_session_year_changed)
        self.reload()
        self._show(None)

    # ------------------------------------------------------------------ list

    def reload(self) -> None:
        s = self.session
        self.model.set_rows(s.store.activities(s.kelurahan_code, s.year))
        if self.current_id:
            self.select(self.current_id)

    def _show(self, rec: ActivityRecord | None) -> None:
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
                self.description.setPlainText("")  # nothing of a record left to be saved into the next one
                return
            self.title_edit.setText(rec.title)
            self.title_edit.setModified(False)
            self.kind_edit.setCurrentIndex(max(0, self.kind_edit.findData(rec.kind)))
            self.date_edit.setText(fmt_date(rec.date))
            self.date_edit.setModified(False)
            if not self.description.hasFocus() or self._shown_id != rec.id:  # another record: its own text
                self.description.setPlainText(rec.description)
            for i in range(self.partners.count()):
                it = self.partners.item(i)
                it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in rec.partners
                                 else Qt.CheckState.Unchecked)
            for i in range(self.indicators.count()):
                it = self.indicators.item(i)
                it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in rec.indicators
                                 else Qt.CheckState.Unchecked)
            self._shown_id = rec.id
            if self.evidence.owner != ("activity", rec.id):
                self.evidence.set_owner("activity", rec.id)
        finally:
            self._loading = False

    # ------------------------------------------------------------------ writes

    def new_activity(self) -> ActivityRecord | None:
        """A new activity, once: a second click (a double click) while the new one is still untouched
        only brings the keyboard back to its title."""
        fresh = self._untouched_new()
        if fresh is not None:
            self.title_edit.setFocus()
            self.title_edit.selectAll()
            return fresh
        # What was typed in the record on screen goes into that record first; the new one starts
        # empty (it took the last record's Uraian/Catatan, still in the box, and saved it).
        self.flush()
        if self.unsaved_problems() and not self._leave_refused(self.table.currentIndex()):
            return None
        self._show(None)
        try:
            rec = self.session.add_activity(self.tr("Kegiatan baru"), handler=self)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Kegiatan"), kla_error_text(exc))
            return None
        self._fresh = (rec.id, rec.revision)
        self.search.clear()
        self.kind_filter.setCurrentIndex(0)
        self.reload()  # with nothing current: the form is filled from the new record alone
        self.select(rec.id)
        self.title_edit.setFocus()
        self.title_edit.selectAll()
        return rec

    def delete_current(self) -> None:
        if not self.current_id:
            return
        rec = self.session.store.activity(self.current_id)
        self._delete_after_confirm(self.tr("Hapus kegiatan"), self.tr("Hapus kegiatan \"%1\"?").replace("%1", rec.title),
                                   self.tr("Hapus"), self.tr("Batal"), lambda: self.session.delete_activity(rec.id, handler=self))

    doubted_fields = frozenset({"date"})

    def _doubts_of(self, rec: ActivityRecord) -> list[tuple[str, dict[str, Any]]]:
        return activity_doubts(rec.date or "", rec.data_year)

    def _update_record(self, record_id: str, **fields: Any) -> None:
        self.session.update_activity(record_id, handler=self, **fields)

    def _save_line(self, field: str, edit: CommitLineEdit) -> None:
        if edit.isModified() and self._save({field: edit.text().strip() or None if field == "date" else edit.text()}):
            edit.setModified(False)

    def _save_description(self) -> None:
        if not self.current_id or self._loading or self.session.closed:
            return
        rec = self.session.store.activity(self.current_id)
        if rec.description != self.description.toPlainText():
            self._save({"description": self.description.toPlainText()})

    def _checked(self, lst: QListWidget) -> list:
        return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    def _on_partners_changed(self, _item: QListWidgetItem) -> None:
        self._save({"partners": self._checked(self.partners)})

    def _on_indicators_changed(self, _item: QListWidgetItem) -> None:
        self._save({"indicators": self._checked(self.indicators)})

    def flush(self) -> None:
        if self.current_id:
            self._save_line("title", self.title_edit)
            self._save_line("date", self.date_edit)
            self._save_description()
        self.evidence.flush()

    def _on_session_year_changed(self, _year: int) -> None:
        # Activities belong to a data year: another list, and the form empty until one of them is
        # picked (it went on showing the other year's activity, and what was typed in it went nowhere).
        if self.current_id and not self.session.read_only:
            self.flush()  # into the record it was typed in (its year is its own)
        self.current_id = None
        self._reload_quietly()
        self._show(None)
