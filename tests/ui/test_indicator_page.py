"""The indicator form as a clerk types in it: keyboard, fields, validation, notes, status, history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def _open(qtbot, make_window, home, no: int):  # noqa: ANN001, ANN202
    launcher = make_window(home)
    w = launcher.window
    w.open_indicator(no)
    form = w.indicator_page.form
    qtbot.waitUntil(lambda: all(f.isVisible() for f in form.fields.values()))
    # Typed keys and Tab go to the active window, as on a clerk's screen (fields are shown at once now).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form.window())
    return launcher, w, form


def test_tab_moves_like_a_spreadsheet(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    _l, _w, form = _open(qtbot, make_window, demo_home, 4)
    view, model = form.grids[0]
    qtbot.waitUntil(view.isVisible)
    start = model.cell_index("anak_total", "L", "0-60h")
    view.setCurrentIndex(start)
    QTest.keyClicks(view, "7")
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    # Saved, and on to the next band in the same row.
    assert model.cell_index("anak_total", "L", "0-60h").data() == "7"
    assert view.currentIndex() == model.cell_index("anak_total", "L", "61h-1")
    # Tab from the last band of a row skips the computed total column and the sum row.
    view.setCurrentIndex(model.cell_index("anak_total", "L", "12-17"))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == model.cell_index("anak_total", "P", "0-60h")
    # Delete empties a cell.
    view.setCurrentIndex(model.cell_index("anak_total", "L", "0-60h"))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    s = _l.session
    assert ("anak_total", "L", "0-60h") not in s.store.values(None, s.year, 4)


def test_tab_past_the_last_cell_and_shift_tab_before_the_first_leave_the_grid(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """At a grid's edge Tab goes on to the next field and Shift+Tab back to the one before, typed
    value kept, in the view and in its cell editor (the view asked itself again until the program died)."""
    _l, _w, form = _open(qtbot, make_window, demo_home, 4)
    view, model = form.grids[0]
    qtbot.waitUntil(view.isVisible)
    cells = view._editable_cells()
    last, first = model.index(*cells[-1]), model.index(*cells[0])

    def neighbour(forward: bool) -> QWidget:
        """The field Tab (Shift+Tab) reaches from the grid: the next one that takes the keyboard, once
        (the focus was moved twice: a field skipped, from indicator 4's last cell to the period box)."""
        w = view
        while True:
            w = w.nextInFocusChain() if forward else w.previousInFocusChain()
            if w is not view and not view.isAncestorOf(w) and w.isVisible() and w.isEnabled() \
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus and (w.focusProxy() is None):
                return w

    view.setFocus()
    view.setCurrentIndex(last)
    after = neighbour(True)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after, (QApplication.focusWidget(), after)
    assert view.currentIndex() == last
    view.setFocus()
    view.setCurrentIndex(first)
    before = neighbour(False)
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is before, (QApplication.focusWidget(), before)
    # From the editor of the last cell: the value is saved and the focus moves on.
    view.setFocus()
    view.setCurrentIndex(last)
    QTest.keyClicks(view, "9")
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert last.data() == "9"
    assert QApplication.focusWidget() is after


def test_enter_down_a_column_keeps_the_cell_in_sight_and_goes_on_below_the_last_row(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """The page scrolls with the cursor (it went below the window while the clerk typed on), and Enter
    under the last row goes on to the next question."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    _l, w, form = _open(qtbot, make_window, demo_home, 4)
    w.resize(1366, 768)
    qtbot.wait(50)
    view, model = form.grids[0]
    qtbot.waitUntil(view.isVisible)
    area = view.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    column = view._editable_cells()[0][1]
    rows = [r for r, c in view._editable_cells() if c == column]
    view.setFocus()
    view.setCurrentIndex(model.index(rows[0], column))
    seen = area.viewport()
    for r in rows[1:]:
        QTest.keyClick(view, Qt.Key.Key_Return)
        assert view.currentIndex().row() == r
        rect = view.visualRect(view.currentIndex())
        top_left = view.viewport().mapTo(seen, rect.topLeft())
        assert QRect(0, 0, seen.width(), seen.height()).contains(QRect(top_left, rect.size())), (r, top_left)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not view and not view.isAncestorOf(QApplication.focusWidget())


def test_fields_save_on_leaving_and_show_errors_inline(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 2)
    s = launcher.session
    meetings = form.fields["rapat_tim"]
    meetings.editor.setFocus()
    QTest.keyClicks(meetings.editor, "1.250")
    QTest.keyClick(meetings.editor, Qt.Key.Key_Tab)
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 1250
    assert meetings.editor.text() == "1.250"
    # Wrong input: a plain Indonesian sentence under the field; the text stays for fixing.
    meetings.editor.setFocus()
    meetings.editor.selectAll()
    QTest.keyClicks(meetings.editor, "-3")
    QTest.keyClick(meetings.editor, Qt.Key.Key_Return)
    assert meetings.has_error
    assert "negatif" in meetings.error_label.text()
    assert meetings.editor.text() == "-3"
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 1250
    # Yes/no from a list saves at once.
    team = form.fields["ada_sk_tim"]
    team.editor.setCurrentIndex(1)
    team.editor.activated.emit(1)
    assert s.store.values(None, s.year, 2)[("ada_sk_tim", "", "")] is True
    # "Siap" is refused while required items are empty, with the reason.
    form.ready_box.click()
    assert not form.ready_box.isChecked()
    assert "belum bisa ditandai siap" in form.status_error.text()
    # The summary names what is missing.
    assert "Status Kelurahan Layak Anak" in form.summary.text()


def test_undo_restores_the_old_value_of_a_field(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 2)
    s = launcher.session
    f = form.fields["rapat_tim"]
    for text in ("3", "5"):
        f.editor.setFocus()
        f.editor.selectAll()
        QTest.keyClicks(f.editor, text)
        QTest.keyClick(f.editor, Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 5
    # Ctrl+Z in a field whose text is saved reaches the window's undo (not the line edit's).
    QTest.keyClick(f.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 3
    assert f.editor.text() == "3"
    w.undo_action.trigger()
    assert ("rapat_tim", "", "") not in s.store.values(None, s.year, 2)
    w.redo_action.trigger()
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 3


def test_notes_are_saved_without_a_button_and_survive_close(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 5)
    s = launcher.session
    form.notes.setFocus()
    QTest.keyClicks(form.notes, "Data dari buku tamu PISA")
    # Closing right away (before the autosave delay) still keeps the notes.
    w.close()
    from db.store import Store

    with Store.open(empty_home) as store:
        assert store.entry(None, s.year, 5).notes == "Data dari buku tamu PISA"


def test_closing_with_refused_input_asks_first(qtbot, make_window, empty_home, dialogs) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 4)
    view, model = form.grids[0]
    model.setData(model.cell_index("anak_total", "L", "0-60h"), "banyak")
    dialogs.confirms.append(False)  # "Kembali memperbaiki"
    w.close()
    assert w.isVisible()
    assert dialogs.asked[-1][0] == "confirm" and "banyak" in dialogs.asked[-1][2]
    dialogs.confirms.append(True)
    w.close()
    assert not w.isVisible()


def test_history_of_a_value(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, demo_home, 4)
    s = launcher.session
    s.set_value(4, "anak_total", "10.000", "L", "0-60h")
    dlg = form.show_history("anak_total", "L", "0-60h")
    qtbot.addWidget(dlg)
    assert dlg.model.rowCount() >= 2
    assert dlg.model.index(0, 3).data() == "10.000"


def test_switching_year_shows_that_years_data(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, demo_home, 4)
    s = launcher.session
    combo = w.header.year_combo
    i = combo.findData(2025)
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    assert s.year == 2025
    view, model = form.grids[0]
    expected = s.store.values(None, 2025, 4).get(("anak_total", "L", "0-60h"))
    from ui.widgets.formatting import fmt_number

    assert model.cell_index("anak_total", "L", "0-60h").data() == fmt_number(expected)
    # A value typed now lands in 2025.
    assert model.setData(model.cell_index("anak_total", "L", "0-60h"), "9.999")
    assert s.store.values(None, 2025, 4)[("anak_total", "L", "0-60h")] == 9999
    assert s.store.values(None, 2026, 4).get(("anak_total", "L", "0-60h")) != 9999


def test_dp3akb_review_note_is_shown_on_the_form(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    s = launcher.session
    # As a receipt would leave it: DP3AKB asks for a fix on indicator 4.
    s.store.set_review(s.kelurahan_code, s.year, 4, "perlu_perbaikan", "Lampirkan rekap Disdukcapil terbaru")
    w = launcher.window
    w.open_indicator(4)
    form = w.indicator_page.form
    qtbot.waitUntil(form.review.isVisible)
    assert form.review.text() == "DP3AKB: perlu perbaikan — Lampirkan rekap Disdukcapil terbaru"
    w.open_indicator(5)
    qtbot.waitUntil(lambda: form.indicator_no == 5)
    assert not form.review.isVisible()
    # Changed here after the review came: said so (the red mark alone said it was still to do), and
    # still so after a receipt that repeats the same review (DP3AKB has not looked again yet).
    qtbot.wait(5)
    s.set_value(4, "anak_total", 321, sex="L", age="0-60h")
    w.open_indicator(4)
    qtbot.waitUntil(lambda: form.indicator_no == 4 and form.review.isVisible())
    assert form.review.text().startswith("DP3AKB: perlu perbaikan (sudah Anda ubah sejak itu; DP3AKB meninjau lagi")
    assert form.review.text().endswith("— Lampirkan rekap Disdukcapil terbaru")
    with s.store.transaction():
        s.store.apply_reviews(s.kelurahan_code, [{"data_year": s.year, "indicator_no": 4, "state": "perlu_perbaikan",
                                                  "note": "Lampirkan rekap Disdukcapil terbaru"}])
    w.open_indicator(5)
    w.open_indicator(4)
    assert "sudah Anda ubah" in form.review.text()
    # A new review from DP3AKB (another note): the mark is its again.
    with s.store.transaction():
        s.store.apply_reviews(s.kelurahan_code, [{"data_year": s.year, "indicator_no": 4, "state": "perlu_perbaikan",
                                                  "note": "Angka L 0-60 hari belum sesuai rekap"}])
    w.open_indicator(5)
    w.open_indicator(4)
    assert form.review.text() == "DP3AKB: perlu perbaikan — Angka L 0-60 hari belum sesuai rekap"


def test_undo_after_taking_evidence_off_puts_the_link_back(qtbot, make_window, empty_home, tmp_path) -> None:  # noqa: ANN001
    """Ctrl+Z right after "Hapus" on a file used elsewhere undoes *that*, not an older value edit."""
    launcher, w, form = _open(qtbot, make_window, empty_home, 2)
    s = launcher.session
    f = form.fields["rapat_tim"]
    f.editor.setFocus()
    QTest.keyClicks(f.editor, "4")
    QTest.keyClick(f.editor, Qt.Key.Key_Return)
    doc = tmp_path / "rekap.pdf"
    doc.write_bytes(b"%PDF-1.4\n% rekap\n")
    rec = s.store.add_evidence(None, doc, links=[(s.year, 2), (s.year, 4)], caption="Rekap").record
    s.evidence_changed((2, 4), (rec.id,))
    panel = w.indicator_page.evidence
    assert panel.remove(rec.id)
    assert (s.year, 2) not in s.store.evidence(rec.id).links
    w.undo_action.trigger()
    assert (s.year, 2) in s.store.evidence(rec.id).links
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 4
    assert "Rekap" in w.statusBar().currentMessage()


def test_undo_after_deleting_a_file_for_good_keeps_older_edits(qtbot, make_window, empty_home, tmp_path) -> None:  # noqa: ANN001
    """A file used nowhere else is deleted with its record; Ctrl+Z must not revert an older value instead."""
    launcher, w, form = _open(qtbot, make_window, empty_home, 2)
    s = launcher.session
    f = form.fields["rapat_tim"]
    f.editor.setFocus()
    QTest.keyClicks(f.editor, "4")
    QTest.keyClick(f.editor, Qt.Key.Key_Return)
    doc = tmp_path / "sk.pdf"
    doc.write_bytes(b"%PDF-1.4\n% sk\n")
    rec = s.store.add_evidence(None, doc, links=[(s.year, 2)]).record
    s.evidence_changed((2,), (rec.id,))
    assert w.indicator_page.evidence.remove(rec.id)
    w.undo_action.trigger()
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 4


def test_undo_names_the_item_not_its_internal_key(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 2)
    s = launcher.session
    f = form.fields["rapat_tim"]
    f.editor.setFocus()
    QTest.keyClicks(f.editor, "4")
    QTest.keyClick(f.editor, Qt.Key.Key_Return)
    label = s.template.indicator(2).item("rapat_tim").label
    assert s.undo_stack.undoText() == f"Ubah {label}"
    w.undo_action.trigger()
    assert "rapat_tim" not in w.statusBar().currentMessage()
    assert label in w.statusBar().currentMessage()


def test_part_larger_than_whole_message_shows_numbers_as_typed(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 4)
    s = launcher.session
    s.set_value(4, "anak_total", 1500, "L", "0-60h")
    view, model = form.grids[0]
    model.setData(model.cell_index("anak_berakta", "L", "0-60h"), "2.345")
    assert s.store.values(None, s.year, 4)[("anak_berakta", "L", "0-60h")] == 2345
    text = form.flag_list.text()
    assert "(2.345)" in text and "(1.500)" in text and "2345" not in text
    # Where it is, in the words on screen (no item keys or band codes).
    assert "Anak yang memiliki akta kelahiran, Laki-laki, 0–60 hari" in text
    assert "anak_berakta" not in text and "0-60h" not in text


def test_refused_grid_value_is_said_in_the_status_bar(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    _launcher, w, form = _open(qtbot, make_window, empty_home, 4)
    _view, model = form.grids[0]
    cell = model.cell_index("anak_total", "L", "0-60h")
    model.setData(cell, "banyak")
    msg = w.statusBar().currentMessage()
    assert msg.startswith("Belum tersimpan") and "bukan angka" in msg
    assert "tersimpan otomatis" not in msg
    model.setData(cell, "12")
    assert w.statusBar().currentMessage() == "Semua isian tersimpan otomatis."
