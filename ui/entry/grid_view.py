"""A spreadsheet-like table for the disaggregated grid.

Keyboard, as in Excel and LibreOffice Calc:

- typing a character starts editing the current cell and *replaces* its content with that
  character; the key is never lost, whatever the timing after a click (no "click again to
  edit" trigger: Qt's ``SelectedClicked`` opened its editor 0.4 s after a click and threw away
  what was typed meanwhile);
- F2 and a double click edit the content as it is (the arrows then move inside the text);
- Enter saves and goes down (Shift+Enter up), Tab / Shift+Tab save and go to the next /
  previous cell that can be typed in, past the last one Tab leaves the grid; while typing
  (not after F2) the arrows save and move;
- Esc gives up the typing; Delete empties the selected cells, Backspace empties the cell and
  starts typing;
- Ctrl+C copies the selected block, Ctrl+V pastes a block from any spreadsheet (tab-separated
  text, or the cells of an HTML table when a web page or web spreadsheet put only HTML on the
  clipboard; ``ui/entry/clipboard.py``), Ctrl+X cuts; a paste or a cleared block is one write and
  one undo step; a Ctrl+V that finds nothing to paste says why (``nothing_pasted``).

The view is as tall as its rows (it sits in the page's scroll area: one scroll bar only). With
``show_last_year`` each number cell shows the previous data year's value under it, small and grey.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QLine,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.entry.clipboard import clipboard_block
from ui.entry.grid_model import ERROR_FG, LAST_YEAR_FG, CellView, DisaggregatedGridModel, PasteReport
from ui.widgets.labels import WrapLabel
from ui.widgets.style import fixed_container, restyle, scope_tree

ACCENT = QColor("#2a6fb0")
WHITE = QColor("#ffffff")
TEXT_MARGIN = 4  # px between a cell's border and its text (what Fusion leaves)
SELECTED_BG = QColor("#d7e6f5")
FLAG_MARK = QColor("#d99a00")
ERROR_MARK = QColor("#c0392b")

_MOVE_KEYS = {
    Qt.Key.Key_Up: QAbstractItemView.CursorAction.MoveUp,
    Qt.Key.Key_Down: QAbstractItemView.CursorAction.MoveDown,
    Qt.Key.Key_Left: QAbstractItemView.CursorAction.MoveLeft,
    Qt.Key.Key_Right: QAbstractItemView.CursorAction.MoveRight,
}
_MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}


class _CellDelegate(QStyledItemDelegate):
    """A right-aligned line edit over the cell (the view paints the cells itself, see GridView.paintEvent)."""

    editor_key = Signal(object, int, int)
    """A key that ends typing in a cell: (editor, Qt key, modifiers); the view saves and moves."""

    def __init__(self, view: GridView) -> None:
        super().__init__(view)
        self._view = view
        self.editor: QLineEdit | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.setObjectName("gridEditor")
        scope_tree(editor)  # its share of the style sheet: the viewport is not watched (GridView)
        self.editor = editor
        editor.destroyed.connect(self._on_editor_destroyed)
        return editor

    def _on_editor_destroyed(self) -> None:
        self.editor = None

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if editor.property("klaFilled"):
            # Qt refills open editors on every dataChanged over their cell (a broadcast after
            # another write, a flag redrawn): what the clerk is typing must never be overwritten.
            return
        editor.setProperty("klaFilled", True)
        start = self._view.start_text
        if start is not None and isinstance(editor, QLineEdit):
            # Typing replaces the content, as in a spreadsheet: the key that opened the editor is its text.
            editor.setText(start)
            editor.setCursorPosition(len(start))
            return
        super().setEditorData(editor, index)
        if isinstance(editor, QLineEdit):
            editor.deselect()
            editor.setCursorPosition(len(editor.text()))

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = QRect(option.rect)  # type: ignore[attr-defined]
        if self._view.show_last_year:
            rect.setHeight(self._view.value_height())
        editor.setGeometry(rect)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(obj, QLineEdit):
            key_event = QKeyEvent(event)  # type: ignore[arg-type]
            key = key_event.key()
            mods = key_event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or (
                    key in _MOVE_KEYS and self._view.edit_mode == "enter"):
                self.editor_key.emit(obj, int(key), int(mods.value))
                return True
        return super().eventFilter(obj, event)


class GridView(QTableView):
    """See the module docstring."""

    history_requested = Signal(str, str, str)
    """The clerk asked for a cell's history: (item_key, sex, age)."""
    block_written = Signal(object)
    """A paste or a cleared block was written: the :class:`ui.entry.grid_model.PasteReport`."""
    cell_left = Signal(object)
    report_dismissed = Signal()
    """A key or a click in the grid while the bubble said what a paste did: it has been read."""
    widened = Signal()
    """A number no longer fitted its column, which grew: the grid needs more room (:meth:`needed_width`)."""
    nothing_pasted = Signal(str)
    """Ctrl+V found nothing to paste: why ('empty', 'image', 'other'; :func:`ui.entry.clipboard.clipboard_block`)."""
    """Typing in a cell ended (saved or refused): the cell's (item_key, sex, age)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_last_year = False
        self._font_cache: tuple[QFont, tuple[QFont, QFont, QFontMetrics, int]] | None = None
        self._advances: dict[tuple[str, bool], int] = {}  # text widths for eliding, per font
        self._least_widths: dict[int, int] = {}  # value column -> its width for its header and "00.000"
        self._statics: dict[tuple[str, int], QStaticText] = {}  # texts laid out for painting, per font
        self._grid_pen: QColor | None = None
        self._painted: tuple | None = None  # (cells, key, fonts, drawing) of the last paint (paintEvent)
        self.edit_mode = ""  # 'enter': typing replaced the content; 'edit': F2 or a double click
        self.start_text: str | None = None
        self._delegate = _CellDelegate(self)
        self._delegate.editor_key.connect(self._on_delegate_editor_key)
        self._delegate.closeEditor.connect(self._on_delegate_close_editor)
        self.setItemDelegate(self._delegate)
        # No AnyKeyPressed (keyPressEvent opens the editor itself, with the key as its text) and
        # no SelectedClicked (see the module docstring).
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
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
        self.copy_action = self._action(self.tr("Salin"), QKeySequence.StandardKey.Copy, self.copy_selection)
        self.paste_action = self._action(self.tr("Tempel"), QKeySequence.StandardKey.Paste, self.paste_clipboard)
        self.cut_action = self._action(self.tr("Potong"), QKeySequence.StandardKey.Cut, self.cut_selection)
        self.clear_action = self._action(self.tr("Kosongkan"), QKeySequence(Qt.Key.Key_Delete), self.clear_selection)
        # The viewport's only later child is the cell editor, scoped by the delegate that makes it.
        fixed_container(self.viewport())
        self._bubble = WrapLabel(self.viewport())
        self._bubble.setObjectName("cellBubble")
        self._bubble.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._bubble.hide()
        self._bubble_at = QPersistentModelIndex()
        self._bubble_kind = ""

    def _action(self, text: str, key: QKeySequence | QKeySequence.StandardKey, slot) -> QAction:  # noqa: ANN001
        act = QAction(text, self)
        act.setShortcut(QKeySequence(key))
        # Only while the table itself has the keyboard: in an open editor Ctrl+C/V work on its text.
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.setShortcutVisibleInContextMenu(True)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    # ------------------------------------------------------------------ layout

    def setModel(self, model: DisaggregatedGridModel) -> None:  # type: ignore[override]  # noqa: N802
        super().setModel(model)
        model.modelReset.connect(self._relayout)
        model.dataChanged.connect(self._on_model_data_changed)
        self._relayout()

    def grid_model(self) -> DisaggregatedGridModel:
        return self.model()  # type: ignore[return-value]

    def _fonts(self) -> tuple[QFont, QFont, QFontMetrics, int]:
        """(small font, bold font, bold metrics, value row height), made once per font (paint asks per cell)."""
        if self._font_cache is None or self._font_cache[0] != self.font():
            small = QFont(self.font())
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
            bold = QFont(self.font())
            bold.setBold(True)
            self._font_cache = (QFont(self.font()), (small, bold, QFontMetrics(bold), self.fontMetrics().height() + 10))
            self._advances = {}
            self._statics = {}
        return self._font_cache[1]

    def small_font(self) -> QFont:
        return self._fonts()[0]

    def bold_font(self) -> QFont:
        return self._fonts()[1]

    def bold_metrics(self) -> QFontMetrics:
        return self._fonts()[2]

    def scrollTo(self, index: QModelIndex, hint: QAbstractItemView.ScrollHint = (  # noqa: N802
            QAbstractItemView.ScrollHint.EnsureVisible)) -> None:
        """A section row is one cell across the whole grid: Qt scrolled a grid a little narrower than its
        columns sideways to bring that cell's far end into view (a paste or a click anchored there cut
        'Jenis kelamin' to 'enis kelami', and it stayed so). Such a row leaves the grid where it is
        sideways; every other cell scrolls into view as before."""
        if index.isValid() and self.columnSpan(index.row(), 0) > 1:
            bar = self.horizontalScrollBar()
            keep = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(keep)
        else:
            super().scrollTo(index, hint)
        self._page_follows(index)

    def _page_follows(self, index: QModelIndex) -> None:
        """The page the grid is on scrolls to show the cell too: a grid shows all its rows, so the page
        scrolls, not the grid, and Enter took the cursor below the window while the clerk typed on."""
        if not index.isValid():
            return
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        inner = area.widget() if area is not None else None
        if inner is None or not inner.isAncestorOf(self):
            return
        rect = self.visualRect(index)
        if rect.isValid():
            at = self.viewport().mapTo(inner, rect.center())
            area.ensureVisible(at.x(), at.y(), rect.width() // 2 + 4, rect.height() // 2 + 12)

    def value_height(self) -> int:
        return self._fonts()[3]

    def set_show_last_year(self, show: bool) -> None:
        if show != self.show_last_year:
            self.show_last_year = show
            self._relayout()
            self.viewport().update()

    def _relayout(self) -> None:
        model = self.grid_model()
        self.clearSpans()
        headers = set(model.header_rows())
        for r in headers:
            self.setSpan(r, 0, 1, model.columnCount())
        fm = self.fontMetrics()
        row_h = self.value_height()
        tall = row_h + QFontMetrics(self.small_font()).height() - 2 if self.show_last_year else row_h
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(row_h)
        for r in range(model.rowCount()):
            self.setRowHeight(r, row_h if r in headers else tall)
        sex_w = max((fm.horizontalAdvance(str(model.index(r, model.COL_SEX).data() or ""))
                     for r in range(model.rowCount()) if r not in headers), default=60)
        self.setColumnWidth(model.COL_SEX, sex_w + 14)
        number_w = fm.horizontalAdvance("00.000") + 16
        # A header is measured bold: the header shows the column of the selected cells bold, and measured
        # plain "16–17 tahun (usia SMA/SMK)" lost its brackets while a cell under it was selected.
        head_font = QFont(self.horizontalHeader().font())
        head_font.setBold(True)
        head_fm = QFontMetrics(head_font)
        self._least_widths = {}
        for c in range(model.FIRST_BAND, model.columnCount()):
            lines = str(model.headerData(c, Qt.Orientation.Horizontal) or "").split("\n")
            self._least_widths[c] = max(number_w, max(head_fm.horizontalAdvance(x) for x in lines) + 10)
        # A section row's title is read whole: across a grid of one "Jumlah" column "Anggota Forum Anak"
        # read "Anggota Forum A…" (Partisipasi Anak, 1366x768). Its value columns share what is missing.
        section = max((self.bold_metrics().horizontalAdvance(str(model.index(r, 0).data() or "")) + 2 * TEXT_MARGIN + 4
                       for r in headers), default=0)
        short = section - self.columnWidth(model.COL_SEX) - sum(self._least_widths.values())
        if short > 0 and self._least_widths:
            each = -(-short // len(self._least_widths))
            for c in self._least_widths:
                self._least_widths[c] += each
        for c, w in self._fitted_widths().items():
            self.setColumnWidth(c, w)
        header_h = self.horizontalHeader().sizeHint().height()
        self.horizontalHeader().setFixedHeight(max(header_h, fm.height() * 2 + 12))
        self._fit_width()
        self._fit_height()

    def _fit_height(self) -> None:
        """Every row in view, and the sideways scroll bar under them when the columns are wider than the
        grid (a big number widened one): without its height the bar took the last row's place and the
        wheel scrolled the rows up under the header."""
        model = self.grid_model()
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(model.rowCount()))
        height += 2 * self.frameWidth()
        columns = sum(self.columnWidth(c) for c in range(model.columnCount()))
        if columns > self.width() - 2 * self.frameWidth():
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height + 2 or self.minimumHeight() != height + 2:
            self.setFixedHeight(height + 2)

    def _fit_width(self) -> None:
        width = sum(self.columnWidth(c) for c in range(self.grid_model().columnCount())) + 2 * self.frameWidth() + 2
        self.setMaximumWidth(width)
        self.setMinimumWidth(min(width, 320))

    def _fitted_widths(self) -> dict[int, int]:
        """Each value column's width: its header's (at least "00.000"), wider where a number shown in it
        is wider, so 1.234.567 or last year's 100.000 is read whole, not as "1.234…" (a refused text
        keeps the width and is cut: its sentence says what was typed)."""
        model = self.grid_model()
        widths = dict(self._least_widths)
        for r in range(model.rowCount()):
            for c in widths:
                widths[c] = max(widths[c], self._cell_need(model.cell_view(r, c)))
        return widths

    def _cell_need(self, cv: CellView) -> int:
        """The width a cell's number (and last year's under it) needs; 0 when the least width does. Six
        characters fit the least width in any of the fonts: most cells are never measured."""
        need = 0
        if len(cv.text) > 6 and not cv.error:
            need = self._advance(cv.text, self.bold_metrics() if cv.bold else self.fontMetrics(), cv.bold) \
                + 2 * TEXT_MARGIN + 1
        if len(cv.last) > 6 and self.show_last_year:
            need = max(need, QFontMetrics(self.small_font()).horizontalAdvance(cv.last) + 9)
        return need

    def _on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_args: object) -> None:
        """A value typed, pasted or imported: widen a column a number no longer fits in (never narrower
        while the indicator is shown, so nothing moves back under the pointer)."""
        model = self.grid_model()
        wider: dict[int, int] = {}
        for r in range(top_left.row(), bottom_right.row() + 1):
            for c in range(max(top_left.column(), model.FIRST_BAND), bottom_right.column() + 1):
                need = self._cell_need(model.cell_view(r, c))
                if need > max(self.columnWidth(c), wider.get(c, 0)):
                    wider[c] = need
        if wider:
            for c, w in wider.items():
                self.setColumnWidth(c, w)
            self._fit_width()
            self._fit_height()
            self.updateGeometry()
            self.widened.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Every visible cell in one pass, straight from the model's :class:`CellView`: a selected cell
        blended with the selection colour (its text keeps its own colour, so amber and red stay
        readable), last year's value small and grey under this year's, a bar at the left of a
        flagged (amber) or refused (red) cell, and a 2 px ring on the cell the keyboard is on.

        Not Qt's per-cell painting through the delegate and the style: that asked the model once per
        role and matched the style sheet per cell, and was the largest part of an indicator switch."""
        model = self.grid_model()
        rows, cols = model.rowCount(), model.columnCount()
        if not rows or not cols:
            return
        clip = event.rect()
        fonts = self._fonts()
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        selected = frozenset((i.row(), i.column()) for i in self.selectionModel().selectedIndexes())
        cur = self.currentIndex()
        ring = (cur.row(), cur.column()) if cur.isValid() and (
            self.hasFocus() or self.state() == QAbstractItemView.State.EditingState) else None
        columns = tuple((self.columnViewportPosition(c), self.columnWidth(c)) for c in range(cols))
        row_boxes = tuple((self.rowViewportPosition(r), self.rowHeight(r)) for r in range(rows))
        # The same cells (the model's list of them is replaced whenever one changes), geometry, selection
        # and clip as the last paint (a grid shown again after another indicator): its drawing as worked
        # out then, without going over every cell in Python again (a new font: _fonts() gives new ones).
        key = (clip.x(), clip.y(), clip.width(), clip.height(), columns, row_boxes, selected, ring,
               self.show_last_year, text_colour.rgba(), self._grid_colour().rgba())
        kept = self._painted
        if kept is None or kept[0] is not model.cells_shown() or kept[1] != key or kept[2] is not fonts:
            kept = self._painted = (model.cells_shown(), key, fonts,
                                    self._paint_ops(model, clip, fonts, text_colour, selected, columns, row_boxes))
        fills, lines, texts = kept[3]
        painter = QPainter(self.viewport())
        for rect, colour in fills:
            painter.fillRect(rect, colour)
        painter.setPen(self._grid_colour())
        painter.drawLines(lines)
        # One font at a time (switching the painter's font per cell costs more than the drawing), each
        # text laid out once (QStaticText) rather than shaped again at every paint.
        for font, items in texts:
            painter.setFont(font)
            pen: QColor | None = None
            for point, static, colour in items:
                if colour != pen:
                    painter.setPen(colour)
                    pen = colour
                painter.drawStaticText(point, static)
        if ring is not None and not model.row_spec(ring[0]).kind == "header":
            x, w = columns[ring[1]]
            y, h = row_boxes[ring[0]]
            painter.setPen(QPen(ACCENT, 2))
            painter.drawRect(QRect(x, y, w - 1, h - 1).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_ops(self, model: DisaggregatedGridModel, clip: QRect, fonts: tuple[QFont, QFont, QFontMetrics, int],
                   text_colour: QColor, selected: frozenset[tuple[int, int]], columns: tuple[tuple[int, int], ...],
                   row_boxes: tuple[tuple[int, int], ...]) -> tuple[list, list, list]:
        """What a paint of ``clip`` draws, in order: (fills, grid lines, texts by font)."""
        small, bold, bold_fm, value_h = fonts
        fm = self.fontMetrics()
        right = columns[-1][0] + columns[-1][1]
        texts: dict[int, list[tuple[QRect, int, str, QColor]]] = {0: [], 1: [], 2: []}  # by font: plain, bold, small
        fills: list[tuple[QRect, QColor]] = []
        lines: list[QLine] = []
        for r, (y, h) in enumerate(row_boxes):
            if y > clip.bottom():
                break
            if y + h <= clip.top():
                continue
            header = model.row_spec(r).kind == "header"
            cells = [(0, columns[0][0], right - columns[0][0])] if header else [
                (c, x, w) for c, (x, w) in enumerate(columns) if x + w > clip.left() and x <= clip.right()]
            for c, x, w in cells:
                cv = model.cell_view(r, c)
                rect = QRect(x, y, w - 1, h - 1)  # the last pixel row and column are the grid lines
                base = cv.background if cv.background is not None else WHITE
                if (r, c) in selected:
                    base = QColor((base.red() + SELECTED_BG.red()) // 2, (base.green() + SELECTED_BG.green()) // 2,
                                  (base.blue() + SELECTED_BG.blue()) // 2)
                fills.append((rect, base))
                two_lines = self.show_last_year and not header and c != model.COL_SEX
                if cv.text:
                    box = QRect(x + TEXT_MARGIN, y, w - 1 - 2 * TEXT_MARGIN, value_h if two_lines else h - 1)
                    text = self._fitted(cv.text, box.width(), bold_fm if cv.bold else fm, cv.bold)
                    align = (Qt.AlignmentFlag.AlignRight if cv.align_right else Qt.AlignmentFlag.AlignLeft) \
                        | Qt.AlignmentFlag.AlignVCenter
                    texts[1 if cv.bold else 0].append((box, int(align), text, ERROR_FG if cv.error else text_colour))
                if two_lines and cv.last:
                    box = QRect(x + 4, y + value_h - 4, w - 9, h - value_h + 3)
                    texts[2].append((box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), cv.last,
                                     LAST_YEAR_FG))
                if cv.error or cv.flags:
                    fills.append((QRect(x, y, 4, h - 1), ERROR_MARK if cv.error else FLAG_MARK))
                lines.append(QLine(x + w - 1, y, x + w - 1, y + h - 1))
            lines.append(QLine(columns[0][0], y + h - 1, right - 1, y + h - 1))
        placed: list[tuple[QFont, list[tuple[QPointF, QStaticText, QColor]]]] = []
        for kind, font in ((0, self.font()), (1, bold), (2, small)):
            if not texts[kind]:
                continue
            items = []
            for box, align, text, colour in texts[kind]:
                static = self._static_text(text, kind, font)
                size = static.size()
                x = box.right() + 1 - size.width() if align & Qt.AlignmentFlag.AlignRight else box.left()
                y = box.top() + (box.height() - size.height()) / 2 if align & Qt.AlignmentFlag.AlignVCenter else box.top()
                items.append((QPointF(x, y), static, colour))
            placed.append((QFont(font), items))
        return fills, lines, placed

    def _static_text(self, text: str, kind: int, font: QFont) -> QStaticText:
        """``text`` laid out once for font ``kind`` (0 plain, 1 bold, 2 small); a bounded cache."""
        key = (text, kind)
        static = self._statics.get(key)
        if static is None:
            if len(self._statics) > 4000:
                self._statics.clear()
            static = self._statics[key] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), font)
        return static

    def _advance(self, text: str, metrics: QFontMetrics, bold: bool) -> int:
        """How wide ``text`` is (measured once per text and font)."""
        key = (text, bold)
        advance = self._advances.get(key)
        if advance is None:
            advance = self._advances[key] = metrics.horizontalAdvance(text)
        return advance

    def _fitted(self, text: str, width: int, metrics: QFontMetrics, bold: bool) -> str:
        """``text`` elided to ``width`` when it is wider."""
        advance = self._advance(text, metrics, bold)
        return text if advance <= width else metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def _grid_colour(self) -> QColor:
        if self._grid_pen is None:
            opt = QStyleOptionViewItem()
            opt.initFrom(self)
            self._grid_pen = QColor.fromRgba(self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, opt, self)
                                             & 0xFFFFFFFF)
        return self._grid_pen

    def needed_width(self) -> int:
        """The width at which every column, "Jumlah" included, shows without scrolling."""
        return self.maximumWidth()

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
                    # Past the last cell: the same cell, so Tab leaves the grid for the next field (Qt
                    # moves the focus when the cursor stays; :meth:`_move` does for the cell editor).
                    # Moving it here too moved it twice (a field skipped); calling the view's focus move
                    # pressed Tab on the view again, until the stack ran out and the program died.
                    return cur
            else:
                nxt = next((c for c in reversed(cells) if c < pos), None)
                if nxt is None:
                    return cur
            return self.model().index(*nxt)
        return super().moveCursor(action, modifiers)

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _move_vertical(self, down: bool) -> None:
        """Enter: the next cell below that can be typed in (Shift+Enter: above), as in a spreadsheet."""
        cur = self.currentIndex()
        if not cur.isValid():
            return
        rows = range(cur.row() + 1, self.model().rowCount()) if down else range(cur.row() - 1, -1, -1)
        for r in rows:
            if self._editable(r, cur.column()):
                self._go(self.model().index(r, cur.column()))
                return
        if down and self.hasFocus():
            # Enter under the grid's last row: on to the next question, as Tab past the last cell.
            QWidget.focusNextPrevChild(self, True)

    def _move(self, key: int, mods: Qt.KeyboardModifier) -> None:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move_vertical(not mods & Qt.KeyboardModifier.ShiftModifier)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            action = QAbstractItemView.CursorAction.MovePrevious if back else QAbstractItemView.CursorAction.MoveNext
            target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
            if target == self.currentIndex():
                QWidget.focusNextPrevChild(self, not back)  # from the editor past the grid's edge: on, once
            else:
                self._go(target)
        elif key in _MOVE_KEYS:
            self._go(self.moveCursor(_MOVE_KEYS[Qt.Key(key)], Qt.KeyboardModifier.NoModifier))

    def _on_delegate_editor_key(self, editor: QLineEdit, key: int, mods: int) -> None:
        cell = self.currentIndex().data(DisaggregatedGridModel.RecordRole)
        self._delegate.commitData.emit(editor)
        self._delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if cell is not None:
            self.cell_left.emit(cell)
        self._move(key, Qt.KeyboardModifier(mods))

    def _on_delegate_close_editor(self, *_args: object) -> None:
        self.edit_mode = ""
        self.start_text = None

    def start_typing(self, text: str) -> bool:
        """Open the current cell's editor with ``text`` replacing its content (the first key typed)."""
        cur = self.currentIndex()
        if not cur.isValid() or not self._editable(cur.row(), cur.column()):
            return False
        self.start_text = text
        try:
            opened = self.edit(cur, QAbstractItemView.EditTrigger.AllEditTriggers, None)
        finally:
            self.start_text = None
        if opened:
            self.edit_mode = "enter"
            editor = self._delegate.editor
            if editor is not None:
                # Qt selects all of a line edit it opens: the next key would replace the first one.
                editor.deselect()
                editor.setCursorPosition(len(editor.text()))
        return opened

    def edit(self, index, trigger=None, event=None) -> bool:  # type: ignore[override]  # noqa: ANN001
        if trigger is None:
            return super().edit(index)  # type: ignore[call-arg]
        opened = super().edit(index, trigger, event)
        if opened and not self.edit_mode and self.start_text is None:
            self.edit_mode = "edit"  # F2 or a double click: the arrows move inside the text
            editor = self._delegate.editor
            if editor is not None:
                editor.deselect()
                editor.setCursorPosition(len(editor.text()))
        return opened

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        self._dismiss_report()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() not in _MODIFIER_KEYS:
            self._dismiss_report()  # the clerk acts again: the paste's bubble has done its work
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = event.key()
        mods = event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move(key, mods)
            return
        if key == Qt.Key.Key_Delete:
            self.clear_selection()
            return
        if key == Qt.Key.Key_Backspace:
            self.start_typing("")
            return
        text = event.text()
        if plain and text and text.isprintable() and key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if self.start_typing(text):
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusInEvent(event)
        cur = self.currentIndex()
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason) or not cur.isValid():
            if not cur.isValid() or not self._editable(cur.row(), cur.column()):
                cells = self._editable_cells()
                if cells:
                    target = cells[-1] if event.reason() == Qt.FocusReason.BacktabFocusReason else cells[0]
                    self.setCurrentIndex(self.model().index(*target))
        self.viewport().update()

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusOutEvent(event)
        self.viewport().update()
        now = QApplication.focusWidget()
        if now is not None and not self.isAncestorOf(now) and now is not self:
            self.hide_bubble()  # the keyboard went elsewhere: the note would float over the form

    # ------------------------------------------------------------------ blocks

    def _selected(self) -> list[QModelIndex]:
        found = self.selectionModel().selectedIndexes()
        if not found and self.currentIndex().isValid():
            found = [self.currentIndex()]
        return found

    def copy_selection(self) -> str:
        """Ctrl+C: the selected block as tab-separated text on the clipboard (plain numbers)."""
        text = self.grid_model().copy_text(self._selected())
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def paste_clipboard(self) -> PasteReport | None:
        """Ctrl+V: lay the clipboard's block over the grid from the current (top-left selected) cell."""
        if self.grid_model().read_only:
            return None
        block, source = clipboard_block(QGuiApplication.clipboard().mimeData())
        if not block:
            self.nothing_pasted.emit(source)  # never silent: the form says why and what to do
            return None
        selected = self._selected()
        model = self.grid_model()
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            # One value over a selection fills it, as in a spreadsheet.
            texts = {k: block[0][0] for k in (model.cell_key(i) for i in selected) if k is not None}
            report = model.write_block(texts)
            report.rows = report.columns = 1
        else:
            anchor = min(selected, key=lambda i: (i.row(), i.column())) if selected else self.currentIndex()
            if not anchor.isValid():
                return None
            report = model.paste(anchor, block)
            last = model.index(min(anchor.row() + len(block), model.rowCount()) - 1,
                               min(anchor.column() + max(len(r) for r in block), model.columnCount()) - 1)
            self.selectionModel().select(
                self._rect_selection(anchor, last), self.selectionModel().SelectionFlag.ClearAndSelect)
        self.block_written.emit(report)
        return report

    def _rect_selection(self, top_left: QModelIndex, bottom_right: QModelIndex):  # noqa: ANN202
        from PySide6.QtCore import QItemSelection

        return QItemSelection(top_left, bottom_right)

    def clear_selection(self) -> PasteReport | None:
        """Delete: empty every selected cell that can be typed in, as one write."""
        if self.grid_model().read_only:
            return None
        report = self.grid_model().clear(self._selected())
        if report.stored or report.invalid:
            self.block_written.emit(report)
        return report

    def cut_selection(self) -> None:
        self.copy_selection()
        self.clear_selection()

    # ------------------------------------------------------------------ the sentence beside a cell

    def show_bubble(self, index: QModelIndex, text: str, kind: str) -> None:
        """A note right above the cell (below it in the first rows), as a spreadsheet shows a validation
        message: above, so it never hides the cell Enter moves to. ``kind`` is 'error', 'flag' or 'report'."""
        if not index.isValid() or not text:
            self.hide_bubble()
            return
        bubble = self._bubble
        bubble.setText(text)
        restyle(bubble, "kind", kind)
        self._bubble_kind = kind
        self._bubble_at = QPersistentModelIndex(index)
        bubble.show()
        self._place_bubble()

    def hide_bubble(self) -> None:
        self._bubble.hide()
        self._bubble_at = QPersistentModelIndex()
        self._bubble_kind = ""

    def _dismiss_report(self) -> None:
        if self._bubble_kind == "report" and self._bubble.isVisible():
            self.hide_bubble()
            self.report_dismissed.emit()

    def _place_bubble(self) -> None:
        if not self._bubble.isVisible() or not self._bubble_at.isValid():
            return
        vp = self.viewport()
        rect = self.visualRect(QModelIndex(self._bubble_at))
        width = min(max(320, vp.width() * 3 // 5), vp.width() - 4)
        self._bubble.setFixedWidth(width)
        self._bubble.adjustSize()
        h = self._bubble.height()
        x = max(2, min(rect.left(), vp.width() - width - 2))
        y = rect.top() - h - 2
        if y < 0:
            y = rect.bottom() + 3
        self._bubble.move(x, y)
        self._bubble.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.model() is not None:
            self._fit_height()
        self._place_bubble()

    # ------------------------------------------------------------------ the form's needs

    def commit_open_editor(self) -> None:
        """Save the cell being typed in (before switching indicator or closing)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        w = self._delegate.editor
        if w is None:
            w = QApplication.focusWidget()  # type: ignore[assignment]
            if w is None or not self.viewport().isAncestorOf(w):
                # Offscreen or inactive window: no focus widget; the open editor is the visible one.
                w = next((e for e in self.viewport().findChildren(QLineEdit) if e.isVisible()), None)
        if w is not None:
            self.commitData(w)
            self.closeEditor(w, QAbstractItemDelegate.EndEditHint.NoHint)

    def current_cell_key(self) -> tuple[str, str, str] | None:
        cur = self.currentIndex()
        return cur.data(DisaggregatedGridModel.RecordRole) if cur.isValid() else None
