"""The dry run of an Excel form's import: every cell that would change, then "Terapkan".

The dialog lists per cell what the import would do (new, changed old -> new, flagged, invalid,
unchanged) with its place in the workbook (``4. Akta Kelahiran!D7``), the item's name and a
sentence. It never writes: "Terapkan" emits :attr:`XlsxImportDialog.apply_requested`, and
:mod:`ui.entry.xlsx_actions` applies the form in the background, in one transaction, and pushes
one undo step (:class:`XlsxImportCommand`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from db.records import ValueChange
from db.template import Template
from exports.xlsx_form import (
    CHANGED,
    FLAGGED,
    INVALID,
    KINDS,
    NEW,
    UNCHANGED,
    CellOutcome,
    ImportReport,
    apply_values,
    redo_writes,
    undo_writes,
)
from ui.entry.xlsx_words import cell_words, change_words, kind_words, notice_sentence, outcome_sentence
from ui.session import Session, kla_error_text, translate_message
from ui.widgets.labels import WrapLabel

KIND_COLOURS = {NEW: "#e6f4ea", CHANGED: "#e8f0fe", FLAGGED: "#fff4d6", INVALID: "#fde8e8", UNCHANGED: ""}
KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


class ImportOutcomeModel(QAbstractTableModel):
    """One row per cell of the form: what the import does with it."""

    COL_KIND, COL_REF, COL_ITEM, COL_VALUE, COL_TEXT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ImportOutcomeModel", "Hasil"),
        QT_TRANSLATE_NOOP("ImportOutcomeModel", "Letak di Excel"),
        QT_TRANSLATE_NOOP("ImportOutcomeModel", "Isian"),
        QT_TRANSLATE_NOOP("ImportOutcomeModel", "Nilai"),
        QT_TRANSLATE_NOOP("ImportOutcomeModel", "Keterangan"),
    )
    RecordRole = Qt.ItemDataRole.UserRole + 1  # the CellOutcome
    SortRole = Qt.ItemDataRole.UserRole + 2  # kind order, then workbook order

    def __init__(self, template: Template, parent: Any = None) -> None:
        super().__init__(parent)
        self._template = template
        self._rows: list[tuple[CellOutcome, tuple[str, str, str, str, str]]] = []

    def set_rows(self, outcomes: tuple[CellOutcome, ...] | list[CellOutcome]) -> None:
        self.beginResetModel()
        try:
            t, tr = self._template, translate_message
            self._rows = [
                (o, (kind_words(o.kind, tr), o.cell.ref, cell_words(t, o.cell, tr), change_words(t, o, tr),
                     outcome_sentence(o, tr)))
                for o in outcomes
            ]
        finally:
            self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(
                self.HEADERS):
            return QCoreApplication.translate("ImportOutcomeModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        outcome, texts = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_ITEM, self.COL_TEXT, self.COL_VALUE):
            return texts[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_KIND and KIND_COLOURS.get(outcome.kind):
            return QBrush(QColor(KIND_COLOURS[outcome.kind]))
        if role == self.RecordRole:
            return outcome
        if role == self.SortRole:
            if col == self.COL_KIND:
                return KIND_ORDER.get(outcome.kind, 99) * 100000 + index.row()
            if col == self.COL_REF:
                return index.row()
            return texts[col]
        return None

    def kinds(self) -> list[str]:
        return [o.kind for o, _t in self._rows]


class _HideUnchanged(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.show_unchanged = False
        self.setSortRole(ImportOutcomeModel.SortRole)

    def set_show_unchanged(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_unchanged = show
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self.show_unchanged:
            return True
        o = self.sourceModel().index(row, 0, parent).data(ImportOutcomeModel.RecordRole)
        # An unchanged cell with a reason (a newer value kept, an item dropped) is worth seeing.
        return o is None or o.kind != UNCHANGED or bool(o.code)


class XlsxImportDialog(QDialog):
    """See the module docstring."""

    apply_requested = Signal(object)
    """The clerk pressed "Terapkan"; the argument is the dry run's :class:`ImportReport`."""

    def __init__(self, session: Session, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report = report
        self.setWindowTitle(self.tr("Impor dari Excel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        plan = report.plan
        self.heading = QLabel(self.tr("Formulir Kelurahan %1, tahun data %2").replace("%1", report.unit_name)
                              .replace("%2", str(plan.data_year)))
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        c = report.counts
        self.summary = WrapLabel(
            self.tr("%1 baru, %2 berubah, %3 ditandai, %4 tidak sah, %5 tetap. Belum ada yang disimpan: periksa "
                    "daftar di bawah, lalu pilih \u201cTerapkan\u201d untuk menyimpan semua perubahan yang sah "
                    "sekaligus.")
            .replace("%1", str(c[NEW])).replace("%2", str(c[CHANGED])).replace("%3", str(c[FLAGGED]))
            .replace("%4", str(c[INVALID])).replace("%5", str(c[UNCHANGED])))
        layout.addWidget(self.summary)
        said = [notice_sentence(n, translate_message) for n in report.notices]
        if c[INVALID]:
            said.append(self.tr("Kotak yang tidak sah tidak diimpor. Perbaiki di Excel lalu impor lagi; kotak lain "
                                "bisa diterapkan sekarang."))
        self.notices = WrapLabel("\n".join(said))
        self.notices.setObjectName("helpText")
        self.notices.setVisible(bool(said))
        layout.addWidget(self.notices)

        self.model = ImportOutcomeModel(session.template, self)
        self.model.set_rows(report.outcomes)
        self.proxy = _HideUnchanged(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ImportOutcomeModel.COL_KIND, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # the sentence says what to do: shown whole, not cut
        self.table.setAccessibleName(self.tr("Hasil uji coba impor per kotak"))
        h = self.table.horizontalHeader()
        for col in (ImportOutcomeModel.COL_KIND, ImportOutcomeModel.COL_REF, ImportOutcomeModel.COL_VALUE):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(ImportOutcomeModel.COL_ITEM, QHeaderView.ResizeMode.Interactive)
        h.resizeSection(ImportOutcomeModel.COL_ITEM, 300)
        h.setSectionResizeMode(ImportOutcomeModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.show_unchanged = QCheckBox(self.tr("Tampilkan juga kotak yang tetap"))
        self.show_unchanged.toggled.connect(self._on_show_unchanged_toggled)
        layout.addWidget(self.show_unchanged)

        self.error = WrapLabel()
        self.error.setObjectName("errorText")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        n = report.to_write
        self.apply_button = QPushButton(self.tr("Terapkan %n perubahan", "", n))
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(n > 0 and not session.read_only)
        if session.read_only:
            self.apply_button.setToolTip(self.tr("Ruang kerja ini dibuka hanya-baca."))
        elif n == 0:
            self.apply_button.setToolTip(self.tr("Tidak ada yang perlu disimpan dari formulir ini."))
        self.close_button = QPushButton(self.tr("Batal"))
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.close_button.clicked.connect(self.reject)

    def _on_show_unchanged_toggled(self, show: bool) -> None:
        self.proxy.set_show_unchanged(show)
        self.table.resizeRowsToContents()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.table.resizeRowsToContents()  # once the columns have their widths

    def visible_refs(self) -> list[str]:
        """The cell references listed (as the clerk sees them), for tests."""
        return [self.proxy.index(r, ImportOutcomeModel.COL_REF).data() for r in range(self.proxy.rowCount())]

    def set_busy(self, busy: bool) -> None:
        self.apply_button.setEnabled(not busy and self.report.to_write > 0 and not self.session.read_only)
        self.close_button.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _on_apply_button_clicked(self) -> None:
        self.set_busy(True)
        self.apply_requested.emit(self.report)


class XlsxImportCommand(QUndoCommand):
    """One imported form as one undo step: undo puts every cell back, redo writes them again.

    Created after the import was applied, so the first redo is skipped. Each direction is one
    transaction: all cells or none.
    """

    def __init__(self, session: Session, year: int, changes: tuple[ValueChange, ...], label: str) -> None:
        super().__init__(label)
        self._session = session
        self._year = year
        self._changes = changes
        self._first = True

    def _apply(self, writes: list[tuple[int, str, str, str, Any, Any]]) -> None:
        s = self._session
        try:
            s._check_writable()
            with s.store.transaction():
                _results, changes = apply_values(s.store, self._year, writes, all_or_nothing=True)
        except KlaError as exc:
            s.error_raised.emit(kla_error_text(exc))
            self.setObsolete(True)
            return
        s.notify(changes)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(redo_writes(self._changes))

    def undo(self) -> None:
        self._apply(undo_writes(reversed(self._changes)))
