"""A table view that paints its cells from what the model said, kept per row.

Qt's ``QTableView`` paints every visible cell through its delegate and the style, and the
delegate asks the model for 7-8 roles of each cell on every repaint: with a Python model that
is thousands of calls per page switch (the city matrix paints ~900 cells, the reminder list
~400) and each text shaped again. :class:`KeptTableView` asks each row's paint roles once and
keeps them (a paint memo per row of the source model) until the model says that row changed:
``dataChanged`` forgets its rows, a reset, a layout change or rows inserted, removed or moved
forget all. Plain cells it paints itself, the way Fusion does (the background, the text in
its colour, font and alignment, elided where Fusion elides it, laid out once and kept as
``QStaticText``, the grid lines); a cell that looks otherwise through the style (selected, the
current cell while the view has the keyboard, disabled, an icon or a check box, a text of
several lines, a delegate of its own) is painted by the view's delegate as before.
``tests/ui/test_kept_table.py`` compares both paintings pixel by pixel.

Sorting, selection, the keyboard, tooltips and the accessible text stay Qt's: they ask the
model as before. The column widths a ``ResizeToContents`` header asks for
(``sizeHintForColumn``) are kept the same way: such a header measures every row again each
time its view is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QEvent,
    QLineF,
    QModelIndex,
    QPointF,
    QRect,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter, QStaticText
    from PySide6.QtWidgets import QStyleOptionViewItem

# QPainter, QPen, QStaticText, QTextLayout, QTextOption and QTransform are imported where the memo
# paints and lays out (not at a window's first paint: that one is Qt's): their Python classes
# and enums (79 members) cost PySide6 ~8 M instructions to make.

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
          Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole,
          Qt.ItemDataRole.CheckStateRole)
_ROLE_INTS = tuple(int(r.value) for r in _ROLES)
_PAINT_ROLES = frozenset(_ROLE_INTS)
_DEFAULT_ALIGN = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_H_MASK = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignHCenter
               | Qt.AlignmentFlag.AlignJustify).value)
_RIGHT = int(Qt.AlignmentFlag.AlignRight.value)
_HCENTER = int(Qt.AlignmentFlag.AlignHCenter.value)
_TOP = int(Qt.AlignmentFlag.AlignTop.value)
_BOTTOM = int(Qt.AlignmentFlag.AlignBottom.value)
_ENABLED = Qt.ItemFlag.ItemIsEnabled

# One cell of the memo: (text, background or None, the background's RGBA, text colour or None, font
# number, alignment), or None for a cell the delegate paints.
Cell = tuple[str, QColor | None, int, QColor | None, int, int] | None


def _flag_int(value: Any) -> int:
    return int(value.value) if hasattr(value, "value") else int(value)


def _solid(value: Any) -> QColor | None | bool:
    """A colour role's value as a colour, None when unset, False when it is a brush Fusion paints otherwise."""
    if value is None:
        return None
    if isinstance(value, QColor):
        return value
    if isinstance(value, QBrush):
        if value.style() == Qt.BrushStyle.SolidPattern and value.transform().isIdentity():
            return value.color()
        return False
    if isinstance(value, (str, Qt.GlobalColor)):
        return QColor(value)
    return False


class KeptTableView(QTableView):
    """See the module docstring. ``kept_paint = False`` paints through Qt alone (what the test compares);
    the first paint is Qt's too (``first_paint_by_qt``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport's Python object, kept: the first ``self.viewport()`` of a viewport Qt made itself
        # would make PySide6 create every widget class of QtWidgets to find its type (~75 M instructions
        # at start-up); found by name it is typed from its meta-object, and later calls return this one.
        self._viewport = self.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
        self.kept_paint = True
        # The first paint is Qt's own: it asks the model as the memo would, and needs no QStyle in Python
        # (the name alone makes PySide6 build QStyle's 644 enum members, ~50 M instructions of a start).
        self.first_paint_by_qt = True
        self._memo: dict[int, list[Cell]] = {}
        self._fonts: list[QFont] = []  # font numbers of the memo; 0 is the view's own
        self._font_numbers: dict[str, int] = {}
        self._line_heights: dict[int, int] = {}
        self._texts: dict[tuple[str, int], tuple[QStaticText, float]] = {}
        self._elided: dict[tuple[str, int, int], str] = {}
        self._placed: dict[tuple[str, int, int, int, int], tuple[QStaticText, float, int]] = {}
        self._col_hints: dict[int, int] = {}
        self._source_rows: dict[int, int] = {}  # the view's row -> the source's
        self._source: QAbstractItemModel | None = None
        self._proxies: list[QAbstractProxyModel] = []
        self._watched: list[tuple[Any, Any]] = []

    # ------------------------------------------------------------------ the memo and when it is forgotten

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        for signal, slot in self._watched:
            signal.disconnect(slot)
        self._watched = []
        super().setModel(model)
        self._proxies = []
        source = model
        while isinstance(source, QAbstractProxyModel):
            self._proxies.append(source)
            source = source.sourceModel()
        self._source = source
        self.forget()
        if source is None or model is None:
            return
        watch = [(source.dataChanged, self._on_source_data_changed)]
        for signal in (source.modelReset, source.layoutChanged, source.rowsInserted, source.rowsRemoved,
                       source.rowsMoved, source.columnsInserted, source.columnsRemoved, source.columnsMoved):
            watch.append((signal, self.forget))
        if model is not source:
            # The view's rows over the source's (sorted, filtered): the memo is by source row and stays.
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                           model.rowsMoved, model.dataChanged):
                watch.append((signal, self._on_view_rows_changed))
        for signal, slot in watch:
            signal.connect(slot)
        self._watched = watch

    def forget(self, *_args: object) -> None:
        """Forget every row's paint and the kept column widths (the next paint asks the model again)."""
        self._memo.clear()
        self._col_hints.clear()
        self._source_rows.clear()

    def _on_view_rows_changed(self, *_args: object) -> None:
        self._col_hints.clear()
        self._source_rows.clear()

    def _forget_look(self) -> None:
        self.forget()
        self._fonts.clear()
        self._font_numbers.clear()
        self._line_heights.clear()
        self._texts.clear()
        self._elided.clear()
        self._placed.clear()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list = ()) -> None:  # noqa: B006
        self._col_hints.clear()
        if roles and not any(_flag_int(r) in _PAINT_ROLES for r in roles):
            return
        top, bottom = top_left.row(), bottom_right.row()
        if bottom - top > 64:
            self._memo.clear()
            return
        for row in range(top, bottom + 1):
            self._memo.pop(row, None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.FontChange or (kind == QEvent.Type.StyleChange and self._fonts
                                              and self._fonts[0].key() != self.font().key()):
            self._forget_look()
        elif kind in (QEvent.Type.LocaleChange, QEvent.Type.LayoutDirectionChange):
            self.forget()
        elif kind == QEvent.Type.StyleChange:
            # A style (the focus ring's sheet, set while the view has the keyboard) changes the margins a
            # width is measured with, not what the model says: the memo stays.
            self._col_hints.clear()
        super().changeEvent(event)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self.forget()
        super().setWordWrap(on)

    def setShowGrid(self, show: bool) -> None:  # noqa: N802
        self.forget()
        super().setShowGrid(show)

    # ------------------------------------------------------------------ column widths

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802
        hint = self._col_hints.get(column)
        if hint is not None:
            return hint
        hint = super().sizeHintForColumn(column)
        model = self.model()
        precision = self.horizontalHeader().resizeContentsPrecision()
        # Every row measured (not only the ones on screen): the width does not depend on the scrolling.
        if model is not None and (precision < 0 or model.rowCount() <= precision):
            self._col_hints[column] = hint
        return hint

    # ------------------------------------------------------------------ painting

    def _font_number(self, font: Any) -> int:
        if not self._fonts:
            self._fonts.append(self.font())
            self._font_numbers[self.font().key()] = 0
        if font is None:
            return 0
        if not isinstance(font, QFont):
            return -1
        resolved = font.resolve(self.font())
        key = resolved.key()
        number = self._font_numbers.get(key)
        if number is None:
            number = self._font_numbers[key] = len(self._fonts)
            self._fonts.append(resolved)
        return number

    def _row_memo(self, source_row: int) -> list[Cell]:
        got = self._memo.get(source_row)
        if got is not None:
            return got
        src = self._source
        assert src is not None
        delegate = self.itemDelegate()
        locale = self.locale()
        cells: list[Cell] = []
        # A model may answer a row's paint roles in one call (what its data() answers for each role).
        values = src.paint_values(source_row, _ROLE_INTS) if hasattr(src, "paint_values") else None
        plain_flags = type(src).flags in (QAbstractTableModel.flags, QAbstractListModel.flags)
        for col in range(src.columnCount()):
            if self.itemDelegateForColumn(col) is not None:
                cells.append(None)
                continue
            idx = None
            if values is not None:
                text_v, bg_v, fg_v, font_v, align_v, deco_v, check_v = values[col]
            else:
                idx = src.index(source_row, col)
                text_v, bg_v, fg_v, font_v, align_v, deco_v, check_v = (src.data(idx, r) for r in _ROLES)
            # A table model's own flags enable every cell; one that says otherwise is asked.
            enabled = plain_flags or bool(src.flags(idx if idx is not None else src.index(source_row, col)) & _ENABLED)
            bg, fg = _solid(bg_v), _solid(fg_v)
            text = "" if text_v is None else delegate.displayText(text_v, locale)
            font = self._font_number(font_v)
            if (deco_v is not None or check_v is not None or bg is False or fg is False or font < 0
                    or "\u2028" in text or "\n" in text or not enabled):
                cells.append(None)
                continue
            align = _DEFAULT_ALIGN if align_v is None else _flag_int(align_v)
            cells.append((text, bg, bg.rgba() if bg is not None else 0, fg, font, align))  # type: ignore[arg-type, union-attr]
        self._memo[source_row] = cells
        return cells

    def _source_row(self, index: QModelIndex) -> int:
        for proxy in self._proxies:
            index = proxy.mapToSource(index)
        return index.row()

    def _text(self, text: str, font: int) -> tuple[QStaticText, float]:
        """``text`` laid out once in font number ``font``, and its natural width."""
        key = (text, font)
        got = self._texts.get(key)
        if got is None:
            if len(self._texts) > 6000:
                self._texts.clear()
            qfont = self._fonts[font]
            from PySide6.QtGui import QStaticText, QTextLayout, QTextOption, QTransform

            layout = QTextLayout(text, qfont)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.ManualWrap)
            layout.setTextOption(option)
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(1_000_000)
            layout.endLayout()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), qfont)
            got = self._texts[key] = (static, line.naturalTextWidth())
        return got

    def _line_height(self, font: int) -> int:
        got = self._line_heights.get(font)
        if got is None:
            from PySide6.QtGui import QTextLayout

            layout = QTextLayout("Xg", self._fonts[font])
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            got = self._line_heights[font] = layout.boundingRect().size().toSize().height()
        return got

    def _fitted(self, text: str, font: int, width: int, mode: Qt.TextElideMode) -> str:
        key = (text, font, width)
        got = self._elided.get(key)
        if got is None:
            if len(self._elided) > 6000:
                self._elided.clear()
            got = self._elided[key] = QFontMetrics(self._fonts[font]).elidedText(text, mode, width)
        return got

    def _fall_back(self) -> bool:
        model = self.model()
        return (not self.kept_paint or model is None or self._source is None or self.wordWrap()
                or self.isRightToLeft() or (self.alternatingRowColors() and self.verticalHeader().sectionsHidden())
                or self.rowSpan(0, 0) != 1
                or self.columnSpan(0, 0) != 1 or model.columnCount() != self._source.columnCount()
                or self.state() == QAbstractItemView.State.EditingState
                or type(self.itemDelegate()) is not QStyledItemDelegate)

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        """What QTableView paints (see the module docstring), region by region as Qt does."""
        if self.first_paint_by_qt or self._fall_back():
            self.first_paint_by_qt = False
            super().paintEvent(event)
            return
        from PySide6.QtGui import QPainter, QPen
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        model = self.model()
        hh, vh = self.horizontalHeader(), self.verticalHeader()
        if hh.count() == 0 or vh.count() == 0:
            super().paintEvent(event)
            return
        style = self.style()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        if style.styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, self):
            super().paintEvent(event)
            return
        grid = 1 if self.showGrid() else 0
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        if not enabled:
            group = QPalette.ColorGroup.Disabled
        elif option.state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Normal
        else:
            group = QPalette.ColorGroup.Inactive
        text_colour = option.palette.color(group, QPalette.ColorRole.Text)
        alternate = self.alternatingRowColors()
        # PE_PanelItemViewRow's colour group: the widget's enabled state and the window's activity.
        row_group = QPalette.ColorGroup.Disabled if not self.isEnabled() else group if enabled \
            else QPalette.ColorGroup.Normal if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        alternate_base = option.palette.color(row_group, QPalette.ColorRole.AlternateBase)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        elide = self.textElideMode()
        selection = self.selectionModel()
        ranges = [(r.top(), r.bottom(), r.left(), r.right()) for r in selection.selection()] if selection else []
        cur = self.currentIndex()
        focus_cell = (cur.row(), cur.column()) if cur.isValid() and (
            self.hasFocus() or self.viewport().hasFocus()) else None
        x_end = hh.length() - hh.offset() - 1
        y_end = vh.length() - vh.offset() - 1
        root = self.rootIndex()

        grid_colour = QColor.fromRgba(style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self) & 0xFFFFFFFF)
        # Neighbours of one colour are filled as one rect when an opaque grid line covers the pixel between.
        merge = bool(grid) and grid_colour.alpha() == 255
        regions = list(event.region())
        drawn: set[tuple[int, int]] | None = set() if len(regions) > 1 else None
        source_rows = self._source_rows if self._proxies else None
        placed = self._placed
        fills: list[tuple[int, int, int, int, QColor]] = []
        texts: dict[int, list[tuple[QPointF, QStaticText, QColor]]] = {}
        by_delegate: list[tuple[QRect, int, int, bool]] = []
        lines: list[QLineF] = []
        for dirty in regions:
            dirty = QRect(dirty)
            dirty.setBottom(min(dirty.bottom(), y_end))
            dirty.setRight(min(dirty.right(), x_end))
            if not dirty.isValid():
                continue
            left, right = hh.visualIndexAt(dirty.left()), hh.visualIndexAt(dirty.right())
            left = 0 if left == -1 else left
            right = hh.count() - 1 if right == -1 else right
            top, bottom = vh.visualIndexAt(dirty.top()), vh.visualIndexAt(dirty.bottom())
            bottom = vh.count() - 1 if bottom == -1 else bottom
            if top == -1 or top > bottom:
                continue
            rows = []
            for visual in range(top, bottom + 1):
                row = vh.logicalIndex(visual)
                if not vh.isSectionHidden(row):
                    rows.append((row, self.rowViewportPosition(row), self.rowHeight(row) - grid,
                                 alternate and bool(visual & 1)))
            cols = []
            for visual in range(left, right + 1):
                col = hh.logicalIndex(visual)
                if not hh.isSectionHidden(col):
                    cols.append((col, self.columnViewportPosition(col), self.columnWidth(col) - grid))
            for row, y, h, alt in rows:
                if source_rows is None:
                    src_row = row
                else:
                    src_row = source_rows.get(row, -1)
                    if src_row < 0:
                        src_row = source_rows[row] = self._source_row(model.index(row, 0, root))
                memo = self._row_memo(src_row)
                special = {c for c in (focus_cell,) if c is not None and c[0] == row}
                for t, b, lft, rgt in ranges:
                    if t <= row <= b:
                        special.update((row, c) for c in range(lft, rgt + 1))
                run: list[Any] | None = None  # the fill being extended: [x, y, w, h, colour, key]
                alt_run: list[Any] | None = None
                for col, x, w in cols:
                    if drawn is not None:
                        if (row, col) in drawn:
                            run = alt_run = None
                            continue
                        drawn.add((row, col))
                    cell = memo[col]
                    if cell is None or (special and (row, col) in special):
                        by_delegate.append((QRect(x, y, w, h), row, col, alt))
                        run = alt_run = None
                        continue
                    text, bg, bg_key, fg, font, align = cell
                    if alt:
                        if merge and alt_run is not None and alt_run[0] + alt_run[2] + 1 == x:
                            alt_run[2] += w + 1
                        else:
                            alt_run = [x, y, w, h, alternate_base, 0]
                            fills.append(alt_run)  # type: ignore[arg-type]
                    if bg is None:
                        run = None
                    elif merge and run is not None and run[5] == bg_key and run[0] + run[2] + 1 == x:
                        run[2] += w + 1
                    else:
                        run = [x, y, w, h, bg, bg_key]
                        fills.append(run)  # type: ignore[arg-type]
                    if not text:
                        continue
                    key = (text, font, w, h, align)
                    got = placed.get(key)
                    if got is None:
                        got = placed[key] = self._place(text, font, w, h, align, margin, elide)
                    static, dx, dy = got
                    texts.setdefault(font, []).append(
                        (QPointF(x + dx, y + dy), static, fg if fg is not None else text_colour))
            if grid:
                x0, x1 = dirty.left() + 0.5, dirty.right() + 0.5
                for _row, y, h, _alt in rows:
                    lines.append(QLineF(x0, y + h + 0.5, x1, y + h + 0.5))
                y0, y1 = dirty.top() + 0.5, dirty.bottom() + 0.5
                for _col, x, w in cols:
                    lines.append(QLineF(x + w + 0.5, y0, x + w + 0.5, y1))

        painter = QPainter(self.viewport())
        if fills:
            # drawRect without a pen fills what fillRect would: fillRect's overloads make PySide6 build
            # QGradient's 169 presets the first time it is called (~17 M instructions at start-up).
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            for x, y, w, h, colour, _key in fills:  # type: ignore[misc]
                painter.setBrush(colour)
                painter.drawRect(x, y, w, h)
            painter.restore()
        for font, items in texts.items():
            painter.setFont(self._fonts[font])
            pen: QColor | None = None
            for point, static, colour in items:
                if colour is not pen:
                    painter.setPen(colour)
                    pen = colour
                painter.drawStaticText(point, static)
        for rect, row, col, alt in by_delegate:
            self._paint_by_delegate(painter, option, rect, model.index(row, col, root), (row, col) == focus_cell, alt)
        if lines:
            painter.setPen(QPen(grid_colour, 1, self.gridStyle()))
            painter.drawLines(lines)
        painter.end()

    def _place(self, text: str, font: int, w: int, h: int, align: int, margin: int,
               elide: Qt.TextElideMode) -> tuple[QStaticText, float, int]:
        """Where a cell of width ``w`` and height ``h`` puts ``text``: the laid-out text (elided when it is
        wider than the text box, as Fusion does) and its offset from the cell's top left corner."""
        if len(self._placed) > 6000:
            self._placed.clear()
        box_w = w - 2 * margin
        static, advance = self._text(text, font)
        if advance > box_w:
            static, advance = self._text(self._fitted(text, font, box_w, elide), font)
        h_align = align & _H_MASK
        if h_align & _RIGHT:
            dx = box_w - advance
        elif h_align & _HCENTER:
            dx = (box_w - advance) / 2
        else:
            dx = 0.0
        line_h = self._line_height(font)
        if align & _TOP:
            dy = 0
        elif align & _BOTTOM:
            dy = h - line_h
        else:
            dy = (h - line_h) // 2
        return static, margin + dx, dy

    def _paint_by_delegate(self, painter: QPainter, base: QStyleOptionViewItem, rect: QRect, index: QModelIndex,
                           focus: bool, alternate: bool) -> None:
        """One cell as QTableView paints it (QTableViewPrivate::drawCell)."""
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        option = QStyleOptionViewItem(base)
        option.rect = rect
        if alternate:
            option.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
        selection = self.selectionModel()
        if selection is not None and selection.isSelected(index):
            option.state |= QStyle.StateFlag.State_Selected
        if option.state & QStyle.StateFlag.State_Enabled:
            if not (index.flags() & _ENABLED):
                option.state &= ~QStyle.StateFlag.State_Enabled
                option.palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
            else:
                option.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
        if focus:
            option.state |= QStyle.StateFlag.State_HasFocus
        painter.save()
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, self)
        self.itemDelegateForIndex(index).paint(painter, option, index)
        painter.restore()
