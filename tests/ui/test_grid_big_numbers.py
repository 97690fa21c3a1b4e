"""A big number in the indicator grid is read whole, not as "99.99…".

Seen in the real window at 1366x768: 99999999999 typed for the boys of 12-<18 years showed as
"99.99…" and its row total as "100.0…", so the clerk could not see the typo to correct it; a
kelurahan's 1.234.567 or a Jumlah of 100.000 was cut the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.test_grid_spreadsheet import _open
from ui.entry.grid_view import TEXT_MARGIN


def shown(view, index: QModelIndex) -> str:  # noqa: ANN001
    """The text the grid paints in a cell: its text, elided to the cell's box as paintEvent does."""
    cv = view.grid_model().cell_view(index.row(), index.column())
    box = view.columnWidth(index.column()) - 1 - 2 * TEXT_MARGIN
    return view._fitted(cv.text, box, view.bold_metrics() if cv.bold else view.fontMetrics(), cv.bold)


def type_into(view, index: QModelIndex, text: str) -> None:  # noqa: ANN001
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(index).center())
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_a_typed_big_number_and_its_total_show_whole(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    # Opened by the clerk, the evidence panel stays open when the grid grows past the room beside it
    # (left to the page, it folds: tests/ui/test_clerk_1366.py).
    launcher.window.indicator_page.set_evidence_open(True, by_clerk=True)
    s = launcher.session
    view, model = form.grids[0]
    narrow = view.columnWidth(model.cell_index("anak_total", "L", "0-60h").column())
    cell = model.cell_index("anak_total", "L", "12-17")
    type_into(view, cell, "99999999999")
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "12-17")] == 99999999999
    assert shown(view, cell) == "99.999.999.999"
    total = model.index(cell.row(), model.columnCount() - 1)
    assert model.headerData(total.column(), Qt.Orientation.Horizontal) == "Jumlah"
    assert shown(view, total) == "99.999.999.999"
    assert shown(view, model.index(cell.row() + 2, cell.column())) == "99.999.999.999"  # the L+P row
    # The other columns keep their width; the grid is as wide as its columns (nothing hidden at its right).
    assert view.columnWidth(model.cell_index("anak_total", "L", "0-60h").column()) == narrow
    assert view.maximumWidth() >= sum(view.columnWidth(c) for c in range(model.columnCount()))
    # Wider than the room beside the evidence panel at 1366x768: the grid scrolls sideways, and its
    # scroll bar has a place of its own under the last row (no row hidden, nothing to scroll up and down).
    QApplication.processEvents()
    assert sum(view.columnWidth(c) for c in range(model.columnCount())) > view.viewport().width()
    assert view.horizontalScrollBar().maximum() > 0
    assert view.viewport().height() >= sum(view.rowHeight(r) for r in range(model.rowCount()))
    assert view.verticalScrollBar().maximum() == 0
    # Shown again later (the grid is laid out anew): still whole.
    launcher.window.open_indicator(5)
    launcher.window.open_indicator(4)
    qtbot.waitUntil(lambda: form.indicator_no == 4 and all(v.isVisible() for v, _m in form.grids))
    view, model = form.grids[0]
    assert shown(view, model.cell_index("anak_total", "L", "12-17")) == "99.999.999.999"


def test_last_years_big_number_under_a_cell_is_whole(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    s.store.set_value(None, s.year - 1, 4, "anak_total", 1234567890, sex="P", age="1-4")
    form.refresh()
    view, model = form.grids[0]
    cell = model.cell_index("anak_total", "P", "1-4")
    assert view.show_last_year and cell.data(model.LastYearRole) == "1.234.567.890"
    small = QFontMetrics(view.small_font())
    # paintEvent draws it right-aligned in a box 9 px narrower than the column.
    assert small.horizontalAdvance("1.234.567.890") <= view.columnWidth(cell.column()) - 9
