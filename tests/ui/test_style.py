"""The program's look (ui/widgets/style.py) with its rules scoped to the widgets they select.

What a user sees, read back from the rendered pixels: the marks a state gives (Beranda's summary
colours, an amber flagged field, a red invalid one, the drop target), the focus rings (buttons,
fields, tables), and widgets no rule selects drawn by plain Fusion, as with the application sheet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.style import ACCENT, STYLE_SHEET, restyle, scope_window, sheet_for


def _pixel(widget: QWidget, x: int, y: int) -> str:
    return widget.grab().toImage().pixelColor(x, y).name()


def _window(qtbot) -> tuple[QWidget, dict[str, QWidget]]:  # noqa: ANN001
    w = QWidget()
    lay = QVBoxLayout(w)
    parts: dict[str, QWidget] = {
        "plain": QLabel("Biasa"),
        "summary": QLabel("Kelengkapan 100%"),
        "flagged": QLineEdit("40"),
        "invalid": QLineEdit("x"),
        "button": QPushButton("Simpan"),
        "table": QTableView(),
        "combo": QComboBox(),
        "panel": QFrame(),
    }
    parts["combo"].addItems(["Evaluasi 2027 · data 2026", "Evaluasi 2027 · data 2025"])
    parts["summary"].setObjectName("summary")
    parts["panel"].setObjectName("evidencePanel")
    parts["panel"].setMinimumHeight(40)
    model = QStandardItemModel(3, 3, w)
    parts["table"].setModel(model)
    parts["table"].horizontalHeader().hide()
    parts["table"].verticalHeader().hide()
    for name, part in parts.items():
        if name == "combo":  # at its own size, as in a header row
            row = QHBoxLayout()
            row.addWidget(part)
            row.addStretch(1)
            lay.addLayout(row)
        else:
            lay.addWidget(part)
    qtbot.addWidget(w)
    w.resize(300, 500)
    scope_window(w)  # what the program's windows do once built
    w.show()
    qtbot.waitExposed(w)
    return w, parts


def test_each_widget_gets_only_the_rules_that_select_it(styled, qtbot) -> None:  # noqa: ANN001
    _w, parts = _window(qtbot)
    assert parts["plain"].styleSheet() == ""  # plain Fusion: no rule selects a label without a name
    assert parts["table"].styleSheet() == ""  # nor an unfocused table (its cells paint through Fusion)
    assert "QPushButton:focus" in parts["button"].styleSheet()
    assert "#summary[state=\"ready\"]" in parts["summary"].styleSheet()
    assert "QPushButton" not in sheet_for(parts["summary"]) and "#summary" not in sheet_for(parts["button"])
    assert QApplication.instance().styleSheet() == ""  # nothing application-wide
    # The rules are the sheet's own, in its order.
    assert STYLE_SHEET.index("QPushButton {") < STYLE_SHEET.index("QPushButton:focus")


def _button_look(button: QPushButton) -> str:
    """The colour of a button's face a little inside its border: white under the button rules, Fusion's grey without."""
    return _pixel(button, button.width() // 2, 4)


def test_a_widget_added_after_the_window_painted_gets_its_rules_before_its_first_paint(styled, qtbot) -> None:  # noqa: ANN001
    """A row added to a shown page, a dialog of the window, a spin box's own line edit: their share
    comes from the container they are polished under, not from a walk at start."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSpinBox

    w, parts = _window(qtbot)
    qtbot.waitUntil(lambda: parts["panel"].property("klaWatched") is True)  # watched once painted
    assert _button_look(parts["button"]) == "#ffffff"
    row = QWidget()
    row_lay = QHBoxLayout(row)
    late = QPushButton("Tambah")
    row_lay.addWidget(late)
    title = QLabel("Judul")
    title.setObjectName("pageTitle")
    row_lay.addWidget(title)
    spin = QSpinBox()
    row_lay.addWidget(spin)
    w.layout().addWidget(row)
    qtbot.waitUntil(late.isVisible)
    assert "QPushButton:focus" in late.styleSheet()
    assert _button_look(late) == "#ffffff"
    assert title.font().pointSizeF() == 14.0  # #pageTitle's font, as a label look
    inner = spin.findChild(QLineEdit)
    assert inner is not None and "QLineEdit:focus" in inner.styleSheet()  # as under the application sheet
    view = QTableView()
    w.layout().addWidget(view)
    qtbot.waitUntil(view.isVisible)
    editor = QLineEdit(view.viewport())  # what a delegate's createEditor makes, in a view added later
    editor.setObjectName("gridEditor")
    editor.show()
    qtbot.waitUntil(editor.isVisible)
    assert "QLineEdit#gridEditor" in editor.styleSheet()

    dlg = QDialog(w)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dlg)
    QVBoxLayout(dlg).addWidget(box)
    dlg.show()
    qtbot.waitExposed(dlg)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert "QPushButton:focus" in ok.styleSheet()  # a button Qt made itself
    assert _button_look(ok) == "#ffffff"
    dlg.close()


def test_state_marks_show_in_their_colours(styled, qtbot) -> None:  # noqa: ANN001
    _w, parts = _window(qtbot)
    summary = parts["summary"]
    restyle(summary, "state", "ready")
    assert _pixel(summary, 2, 2) == "#e6f4ea"
    restyle(summary, "state", "partial")
    assert _pixel(summary, 2, 2) == "#fff4e0"
    restyle(parts["flagged"], "flagged", True)
    assert _pixel(parts["flagged"], parts["flagged"].width() - 6, parts["flagged"].height() // 2) == "#fff6d8"  # amber: look again
    restyle(parts["invalid"], "invalid", True)
    assert _pixel(parts["invalid"], parts["invalid"].width() - 6, parts["invalid"].height() // 2) == "#fde8e8"
    panel = parts["panel"]
    assert _pixel(panel, panel.width() // 2, panel.height() // 2) == "#fafbfc"
    restyle(panel, "dropping", True)  # a file dragged over it
    assert _pixel(panel, panel.width() // 2, panel.height() // 2) == "#e8f0fa"
    assert _pixel(panel, 0, panel.height() // 2) == QColor(ACCENT).name()


def test_focus_rings_on_buttons_fields_and_tables(styled, qtbot) -> None:  # noqa: ANN001
    _w, parts = _window(qtbot)
    table, button, field = parts["table"], parts["button"], parts["flagged"]
    mid = table.height() // 2
    cells = table.viewport().geometry()
    assert _pixel(table, 0, mid) != QColor(ACCENT).name()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    assert _pixel(table, 0, mid) == QColor(ACCENT).name()
    assert table.viewport().geometry() == cells  # the ring moves no cell (as under the application sheet)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    assert table.styleSheet() == ""  # back to plain Fusion once it lost focus
    assert _pixel(table, 0, mid) != QColor(ACCENT).name()
    assert _pixel(button, 1, button.height() // 2) == QColor(ACCENT).name()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    assert _pixel(field, 1, field.height() // 2) == QColor(ACCENT).name()
    assert _pixel(button, 1, button.height() // 2) != QColor(ACCENT).name()
    combo = parts["combo"]
    assert _pixel(combo, 1, combo.height() // 2) != QColor(ACCENT).name()
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    qtbot.waitUntil(lambda: _pixel(combo, 1, combo.height() // 2) == QColor(ACCENT).name())  # just after
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    qtbot.waitUntil(lambda: _pixel(combo, 1, combo.height() // 2) != QColor(ACCENT).name())


_CLICK_A_COMBO = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QVBoxLayout, QWidget
from ui.widgets.style import scope_window
app = QApplication(sys.argv[:1] + ["-style", "Fusion"])
w = QWidget()
lay = QVBoxLayout(w)
field, combo = QLineEdit("x"), QComboBox()
combo.addItems(["Posyandu", "PAUD", "Lainnya"])
lay.addWidget(field)
lay.addWidget(combo)
w.resize(300, 200)
scope_window(w)
w.show()
QTest.qWaitForWindowExposed(w)
field.setFocus()
QTest.qWait(50)
QTest.mouseClick(combo, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, combo.rect().center())
QTest.qWait(100)
print("list open", combo.view().isVisible())
QTest.keyClick(combo.view(), Qt.Key.Key_Down)
QTest.keyClick(combo.view(), Qt.Key.Key_Return)
QTest.qWait(50)
print("chosen", combo.currentText())
"""


def test_clicking_a_combo_box_opens_its_list_and_a_choice_is_taken() -> None:
    """A click focuses a combo box and opens its list in one press: its focus ring's sheet set in
    between killed the program (segmentation fault in QComboBox::showPopup), on every Ya/Tidak
    question, facility and activity type and the matrix's kecamatan filter. In a child process, so
    a crash fails this test instead of stopping the suite."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    r = subprocess.run([sys.executable, "-c", _CLICK_A_COMBO], cwd=root, env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.split("\n")[:2] == ["list open True", "chosen PAUD"], r.stdout


def test_a_sheet_the_code_sets_itself_is_kept_whole(styled, qtbot) -> None:  # noqa: ANN001
    from ui.outbox.outbox_page import PRIMARY_STYLE

    button = QPushButton("Buat kiriman")
    button.setStyleSheet(PRIMARY_STYLE)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    assert button.styleSheet() == PRIMARY_STYLE
    assert _pixel(button, button.width() // 2, 4) == "#2a6fb0"


def test_an_indicator_state_mark_keeps_its_colour_on_the_selected_row(styled, qtbot) -> None:  # noqa: ANN001
    """The blue 'lengkap' check on the blue selection: drawn in its own colour, not tinted away."""
    from PySide6.QtGui import QIcon

    from ui.entry.models import STATE_ICONS
    from ui.widgets import icons

    for name in STATE_ICONS.values():
        ico = icons.mark(name)
        normal = ico.pixmap(24, 24, QIcon.Mode.Normal).toImage()
        selected = ico.pixmap(24, 24, QIcon.Mode.Selected).toImage()
        assert selected == normal, name
    check = icons.mark("state_complete").pixmap(24, 24, QIcon.Mode.Selected).toImage()
    colours = {check.pixelColor(x, y).name() for x in range(24) for y in range(24) if check.pixelColor(x, y).alpha() == 255}
    assert "#ffffff" in colours  # the white disc under the mark
    assert any(QColor(c).blue() > 150 and QColor(c).red() < 100 for c in colours)  # and the blue check on it


def test_an_indicator_shown_later_and_its_cell_editor_get_their_rules(styled, qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """The indicator form's boxes, its fields and requirement rows and the grids' viewports are not
    watched (an indicator switch would pass their events through Python): what they hold is scoped
    where it is made. An indicator first shown after the window painted, and the editor a cell opens
    when typed into, look as the sheet says."""
    from PySide6.QtTest import QTest

    launcher = make_window(demo_home)
    w = launcher.window
    w.open_indicator(1)
    qtbot.waitUntil(lambda: w.indicator_page.form.indicator_no == 1)
    w.open_indicator(4)  # built now, long after the window's first paint
    form = w.indicator_page.form
    view, model = form.grids[0]
    qtbot.waitUntil(view.isVisible)
    assert form.title.font().pointSizeF() == 14.0  # #pageTitle, as a label look
    assert "#guidance" in form.guidance.styleSheet()
    assert "#summary" in form.summary.styleSheet()
    view.setFocus()
    view.setCurrentIndex(model.cell_index("anak_total", "L", "0-60h"))
    QTest.keyClicks(view, "7")
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    assert "QLineEdit#gridEditor" in editor.styleSheet()
    qtbot.waitUntil(lambda: _pixel(editor, 0, editor.height() // 2) == QColor(ACCENT).name())  # its 2 px ring
    w.open_indicator(2)
    field = next(iter(w.indicator_page.form.fields.values()))
    qtbot.waitUntil(field.isVisible)
    assert field.label.font().bold()  # #fieldLabel
    line = next((e for e in field.findChildren(QLineEdit)), None)
    if line is not None:
        assert "QLineEdit:focus" in line.styleSheet()


def test_the_wheel_over_a_closed_combo_box_scrolls_the_page_and_changes_nothing(styled, qtbot) -> None:  # noqa: ANN001
    """Scrolling the evidence panel with the pointer over "Jenis: otomatis" changed it to "Lainnya"."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QScrollArea

    area = QScrollArea()
    inner = QWidget()
    lay = QVBoxLayout(inner)
    field, combo = QLineEdit("x"), QComboBox()
    combo.addItems(["otomatis", "Foto", "Lainnya"])
    lay.addWidget(field)
    lay.addWidget(combo)
    lay.addSpacing(2000)
    area.setWidget(inner)
    area.resize(300, 200)
    qtbot.addWidget(area)
    scope_window(area)
    area.show()
    qtbot.waitExposed(area)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)

    def wheel() -> None:
        at = QPointF(combo.rect().center())
        ev = QWheelEvent(at, QPointF(combo.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, -120),
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(combo, ev)

    wheel()
    assert combo.currentText() == "otomatis" and not combo.hasFocus()
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    combo.setFocus(Qt.FocusReason.TabFocusReason)  # reached by Tab: still the page that scrolls
    qtbot.waitUntil(combo.hasFocus)
    wheel()
    assert combo.currentText() == "otomatis"
