"""Tables that paint their cells from a kept paint memo (ui/widgets/kept_table.py) look exactly as Qt's.

Each view is rendered twice, through the memo and through Qt's own per-cell painting
(``kept_paint = False``), and the pixels must be the same: plain, with a selection, with the
keyboard on a cell, scrolled, elided, and after a write changed one row (a memo that kept the
old row would show the old colour). The widths a ResizeToContents header gets must follow the
data the same way.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from db.store import Store
from ui.city.city_window import CityWindow
from ui.city.models import STATE_COLORS, CityMatrixModel
from ui.widgets.kept_table import KeptTableView

KEL_A = "64.71.01.1001"  # Manggar
KEL_B = "64.71.02.1001"  # Baru Ilir




def _image(view: KeptTableView, kept: bool) -> QImage:
    view.kept_paint = kept
    view.first_paint_by_qt = False  # the memo's painting, even when this is the view's first paint
    try:
        return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    finally:
        view.kept_paint = True


def assert_paints_as_qt(view: KeptTableView) -> None:
    kept, qt = _image(view, True), _image(view, False)
    assert kept.size() == qt.size()
    if kept != qt:
        diff = [(x, y) for y in range(qt.height()) for x in range(qt.width()) if kept.pixel(x, y) != qt.pixel(x, y)]
        raise AssertionError(f"{len(diff)} pixels differ from Qt's painting, first at {diff[0]}")


def test_plain_decorated_disabled_and_sorted_cells_paint_as_qt(styled, qtbot) -> None:  # noqa: ANN001
    model = QStandardItemModel(0, 5)
    bold = QFont()
    bold.setBold(True)
    for r in range(40):
        row = []
        for c in range(5):
            item = QStandardItem(f"baris {r} kolom {c}" + (" yang panjang sekali" if c == 1 else ""))
            if c == 0:
                item.setData(r, Qt.ItemDataRole.DisplayRole)  # a number, worded by the delegate
            if (r + c) % 3 == 0:
                item.setBackground(QColor("#fbd99b"))
            if (r + c) % 4 == 0:
                item.setForeground(QColor("#a61b1b"))
            if (r + c) % 5 == 0:
                item.setFont(bold)
            if c == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if r % 7 == 0 and c == 4:
                item.setCheckable(True)  # a check box: painted by the delegate
            if r % 9 == 0 and c == 3:
                item.setEnabled(False)  # disabled colours: painted by the delegate
            row.append(item)
        model.appendRow(row)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    view = KeptTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setColumnWidth(1, 90)  # elided
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    assert_paints_as_qt(view)
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert_paints_as_qt(view)
    view.setFocus()
    view.setCurrentIndex(proxy.index(3, 2))
    view.selectionModel().select(proxy.index(5, 1), view.selectionModel().SelectionFlag.Select)
    assert_paints_as_qt(view)
    view.verticalScrollBar().setValue(7)
    view.horizontalScrollBar().setValue(2)
    assert_paints_as_qt(view)
    model.item(10, 2).setText("diubah")  # one row changed: painted anew, the others from the memo
    model.item(11, 1).setBackground(QColor("#3f9b5a"))
    assert_paints_as_qt(view)


def _city(home: Path) -> int:
    store = Store.create(home, "city", operator="Rina DP3AKB")
    try:
        year = max(store.current_period().data_years)
        store.set_value(KEL_A, year, 5, "ada_ila", True)
        store.set_value(KEL_A, year, 1, "ada_kebijakan", True)
        store.set_value(KEL_A, year, 1, "anak_dilibatkan", True)
        store.set_status(KEL_A, year, 1, "ready")
        store.set_value(KEL_B, year, 5, "ada_ila", True)
        return year
    finally:
        store.close()


@pytest.fixture
def city_window(styled, make_window, tmp_path: Path) -> CityWindow:  # noqa: ANN001
    home = tmp_path / "kota"
    _city(home)
    w = make_window(home).window
    assert isinstance(w, CityWindow)
    w.show()
    return w


def _cell_colour(view: KeptTableView, index) -> str:  # noqa: ANN001
    rect = view.visualRect(view.model().mapFromSource(index))
    return view.viewport().grab().toImage().pixelColor(rect.left() + 3, rect.top() + 3).name()


def test_the_matrix_paints_as_qt_and_a_review_repaints_its_row(city_window: CityWindow, qtbot) -> None:  # noqa: ANN001
    w = city_window
    w.show_page("matrix")
    page = w.matrix_page
    view = page.view
    assert isinstance(view, KeptTableView)
    qtbot.waitExposed(view)
    assert_paints_as_qt(view)
    m = page.model
    a5 = m.index(m.row_of(KEL_A), m.column_of(5))
    before = _cell_colour(view, a5)

    w.session.set_review(KEL_A, 5, "perlu_perbaikan", "foto kurang jelas")
    assert _cell_colour(view, a5) == STATE_COLORS["perlu_perbaikan"].name()
    assert before != STATE_COLORS["perlu_perbaikan"].name()
    assert_paints_as_qt(view)  # the reviewed cell's white, bold "!" included

    view.setFocus()
    view.setCurrentIndex(page.proxy.mapFromSource(m.index(m.row_of(KEL_B), m.column_of(5))))
    assert_paints_as_qt(view)
    page.set_kecamatan("64.71.02")  # filtered: other rows under the same places
    assert_paints_as_qt(view)
    view.setColumnWidth(CityMatrixModel.COL_KELURAHAN, 40)  # names elided
    assert_paints_as_qt(view)


def test_the_reminder_list_paints_as_qt_and_its_widths_follow_the_data(city_window: CityWindow, qtbot) -> None:  # noqa: ANN001
    w = city_window
    w.show_page("chase")
    page = w.chase_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.task.running)
    view = page.view
    assert isinstance(view, KeptTableView)
    assert view.horizontalHeader().sectionResizeMode(page.model.COL_NAME) == QHeaderView.ResizeMode.ResizeToContents
    assert_paints_as_qt(view)

    # A longer name in one row: the kept width is dropped and the column grows as Qt measures it.
    col = page.model.COL_NAME
    width = view.columnWidth(col)
    rows = list(page.model._rows)
    rows[3] = dataclasses.replace(rows[3], kelurahan_name=rows[3].kelurahan_name * 4)
    page.model.set_row(3, rows[3])
    view.horizontalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
    assert view.sizeHintForColumn(col) == QTableView.sizeHintForColumn(view, col)
    assert view.columnWidth(col) > width
    assert_paints_as_qt(view)
    view.setFocus()
    view.selectRow(2)
    assert_paints_as_qt(view)
