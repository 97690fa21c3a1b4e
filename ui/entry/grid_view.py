"""A spreadsheet-like table for the disaggregated grid.

Keyboard: typing starts editing a cell; Tab / Shift+Tab go to the next / previous cell
that can be typed in; Enter saves and goes down; Delete empties a cell; arrows move.
The view is as tall as its rows (it sits in the page's scroll area: one scroll bar only).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.entry.grid_model import DisaggregatedGridModel


class _CellDelegate(QStyledItemDelegate):
    """A right-aligned line edit; Enter commits and asks the view to move down."""

    enter_pressed = Signal()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(obj, QLineEdit)
            and QKeyEvent(event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[arg-type]
        ):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(obj, event)


class GridView(QTableView):
    """See the module docstring."""

    history_requested = Signal(str, str, str)
    """The clerk asked for a cell's history: (item_key, sex, age)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = _CellDelegate(self)
        self._delegate.enter_pressed.connect(self._on_delegate_enter_pressed)
        self.setItemDelegate(self._delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # ------------------------------------------------------------------ layout

    def setModel(self, model: DisaggregatedGridModel) -> None:  # type: ignore[override]  # noqa: N802
        super().setModel(model)
        model.modelReset.connect(self._relayout)
        self._relayout()

    def grid_model(self) -> DisaggregatedGridModel:
        return self.model()  # type: ignore[return-value]

    def _relayout(self) -> None:
        model = self.grid_model()
        self.clearSpans()
        for r in model.header_rows():
            self.setSpan(r, 0, 1, model.columnCount())
        fm = self.fontMetrics()
        row_h = fm.height() + 12
        self.verticalHeader().setDefaultSectionSize(row_h)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        sex_w = max(fm.horizontalAdvance(str(model.index(r, model.COL_SEX).data() or ""))
                    for r in range(model.rowCount()) if r not in model.header_rows()) if model.rowCount() else 60
        self.setColumnWidth(model.COL_SEX, sex_w + 16)
        number_w = fm.horizontalAdvance("00.000") + 18
        for c in range(model.FIRST_BAND, model.columnCount()):
            lines = str(model.headerData(c, Qt.Orientation.Horizontal) or "").split("\n")
            self.setColumnWidth(c, max(number_w, max(fm.horizontalAdvance(x) for x in lines) + 12))
        header_h = self.horizontalHeader().sizeHint().height()
        self.horizontalHeader().setFixedHeight(max(header_h, fm.height() * 2 + 12))
        height = self.horizontalHeader().height() + row_h * model.rowCount() + 2 * self.frameWidth()
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        self.setFixedHeight(height + 2)
        width = sum(self.columnWidth(c) for c in range(model.columnCount())) + 2 * self.frameWidth() + 2
        self.setMaximumWidth(width)
        self.setMinimumWidth(min(width, 320))

    # ------------------------------------------------------------------ keyboard

    def _editable(self, row: int, col: int) -> bool:
        idx = self.model().index(row, col)
        return bool(self.model().flags(idx) & Qt.ItemFlag.ItemIsEditable)

    def _editable_cells(self) -> list[tuple[int, int]]:
        m = self.model()
        return [(r, c) for r in range(m.rowCount()) for c in range(m.columnCount()) if self._editable(r, c)]

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            cells = self._editable_cells()
            if not cells:
                return self.currentIndex()
            cur = self.currentIndex()
            pos = (cur.row(), cur.column()) if cur.isValid() else (-1, -1)
            if action == QAbstractItemView.CursorAction.MoveNext:
                nxt = next((c for c in cells if c > pos), None)
                if nxt is None:
                    # Past the last cell: let Tab leave the grid for the next field.
                    self.focusNextChild()
                    return cur
            else:
                nxt = next((c for c in reversed(cells) if c < pos), None)
                if nxt is None:
                    self.focusPreviousChild()
                    return cur
            return self.model().index(*nxt)
        return super().moveCursor(action, modifiers)

    def _move_down(self) -> None:
        cur = self.currentIndex()
        if not cur.isValid():
            return
        for r in range(cur.row() + 1, self.model().rowCount()):
            if self._editable(r, cur.column()):
                self.setCurrentIndex(self.model().index(r, cur.column()))
                return

    def _on_delegate_enter_pressed(self) -> None:
        self._move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move_down()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                cur = self.currentIndex()
                if cur.isValid() and self._editable(cur.row(), cur.column()):
                    self.model().setData(cur, "", Qt.ItemDataRole.EditRole)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusInEvent(event)
        cur = self.currentIndex()
        if not cur.isValid() or not self._editable(cur.row(), cur.column()):
            cells = self._editable_cells()
            if cells:
                target = cells[-1] if event.reason() == Qt.FocusReason.BacktabFocusReason else cells[0]
                self.setCurrentIndex(self.model().index(*target))

    def commit_open_editor(self) -> None:
        """Save the cell being typed in (before switching indicator or closing)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        w = QApplication.focusWidget()
        if w is None or not self.viewport().isAncestorOf(w):
            # Offscreen or inactive window: no focus widget; the open editor is the visible one.
            w = next((e for e in self.viewport().findChildren(QLineEdit) if e.isVisible()), None)
        if w is not None:
            self.commitData(w)
            self.closeEditor(w, QAbstractItemDelegate.EndEditHint.NoHint)

    def current_cell_key(self) -> tuple[str, str, str] | None:
        cur = self.currentIndex()
        return cur.data(DisaggregatedGridModel.RecordRole) if cur.isValid() else None
