"""The indicator grid as a clerk uses it (issue 8): real mouse clicks and key presses at real
timings, a clipboard filled the way a spreadsheet fills it, and what lands in the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.entry.grid_model import DisaggregatedGridModel, grid_items, parse_block


def _open(qtbot, make_window, home, no: int = 4):  # noqa: ANN001, ANN202
    launcher = make_window(home)
    w = launcher.window
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.open_indicator(no)
    form = w.indicator_page.form
    qtbot.waitUntil(lambda: form.indicator_no == no and form.items_box.isVisible()
                    and all(v.isVisible() for v, _m in form.grids))
    return launcher, w, form


def click(view, index) -> None:  # noqa: ANN001
    """A real left click in the middle of a cell."""
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(index).center())


def keys(text: str, delay: int = 0) -> None:
    """Type as a clerk does: each key to whatever has the keyboard focus at that moment."""
    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        QTest.keyClick(target, ch, Qt.KeyboardModifier.NoModifier, delay)


def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, mods)


def spreadsheet_clipboard(rows: list[list[str]]) -> None:
    """What Excel, LibreOffice Calc and Google Sheets put on the clipboard: tab-separated text/plain, CRLF."""
    mime = QMimeData()
    text = "".join("\t".join(r) + "\r\n" for r in rows)
    mime.setData("text/plain", text.encode("utf-8"))
    mime.setData("text/html", ("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                                                    for r in rows) + "</table>").encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)


@pytest.mark.parametrize("delay", [0, 50, 200])
def test_click_then_type_stores_the_value_at_every_delay(qtbot, make_window, empty_home, delay: int) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    first = model.cell_index("anak_total", "L", "0-60h")
    # The cell is already current (the first of a freshly opened indicator), then clicked: the
    # case where Qt's "click again to edit" timer swallowed what was typed within 0.4 s.
    view.setFocus()
    view.setCurrentIndex(first)
    click(view, first)
    keys("7", delay)
    press(Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "0-60h")] == 7
    # Enter moved down; click the cell Enter moved to, type again at once.
    below = model.cell_index("anak_total", "P", "0-60h")
    assert view.currentIndex() == below
    click(view, below)
    keys("1.250", delay)
    press(Qt.Key.Key_Tab)
    assert s.store.values(None, s.year, 4)[("anak_total", "P", "0-60h")] == 1250
    assert view.currentIndex() == model.cell_index("anak_total", "P", "61h-1")
    # A click on another cell then typing: the first key replaces its content.
    other = model.cell_index("anak_total", "L", "0-60h")
    click(view, other)
    keys("42", delay)
    press(Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "0-60h")] == 42
    assert model.cell_index("anak_total", "L", "0-60h").data() == "42"


def test_f2_and_double_click_edit_arrows_move_and_escape_gives_up(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    cell = model.cell_index("anak_total", "L", "1-4")
    click(view, cell)
    keys("30")
    press(Qt.Key.Key_Right)  # while typing, an arrow saves and moves, as in a spreadsheet
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "1-4")] == 30
    assert view.currentIndex() == model.cell_index("anak_total", "L", "5-11")
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_F2)  # F2 edits the content as it is: the key is added, not replacing
    keys("5")
    press(Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "1-4")] == 305
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view.visualRect(cell).center())
    keys("1")
    press(Qt.Key.Key_Escape)
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "1-4")] == 305
    # Delete empties the selected cells (one undo step); Backspace empties and starts typing.
    click(view, cell)
    press(Qt.Key.Key_Delete)
    assert ("anak_total", "L", "1-4") not in s.store.values(None, s.year, 4)
    press(Qt.Key.Key_Backspace)
    keys("8")
    press(Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "1-4")] == 8


def test_a_3x5_paste_from_a_spreadsheet_is_one_undo_step_and_says_what_it_skipped(
        qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    bands = [b.key for b in s.template.age_bands["akta"]]
    # Laki-laki, Perempuan and the Jumlah row, as a Disdukcapil recap has them; Indonesian thousands.
    block = [["1.200", "340", "2.100", "3.050", "2.800"],
             ["1.150", "310", "2.000", "2.950", "2.700"],
             ["2.350", "650", "4.100", "6.000", "5.500"]]
    spreadsheet_clipboard(block)
    steps = s.undo_stack.count()
    click(view, model.cell_index("anak_total", "L", bands[0]))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    values = s.store.values(None, s.year, 4)
    assert [values[("anak_total", "L", b)] for b in bands] == [1200, 340, 2100, 3050, 2800]
    assert [values[("anak_total", "P", b)] for b in bands] == [1150, 310, 2000, 2950, 2700]
    assert s.undo_stack.count() == steps + 1
    note = form.cell_notes[view]
    assert note.isVisible()
    assert "3 baris × 5 kolom" in note.text() and "10 angka tersimpan" in note.text()
    assert "5 dilewati" in note.text() and "dihitung otomatis" in note.text()
    # ... and beside the block itself, before any flag of its cells.
    assert view._bubble.isVisible() and "10 angka tersimpan" in view._bubble.text()
    # The sums follow at once.
    jumlah = next(r for r in range(model.rowCount())
                  if model.row_spec(r).item.key == "anak_total" and model.row_spec(r).kind == "sum")
    assert model.index(jumlah, model.columnCount() - 1).data() == "18.600"
    # Ctrl+Z undoes the whole paste at once, and the note about it goes.
    w.undo_action.trigger()
    assert not any(k[0] == "anak_total" for k in s.store.values(None, s.year, 4))
    assert "10 angka tersimpan" not in view._bubble.text() or not view._bubble.isVisible()
    assert "10 angka tersimpan" not in note.text() or not note.isVisible()


def test_a_paste_that_does_not_fit_or_holds_text_keeps_what_it_cannot_store_on_screen(
        qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    # A comma thousands separator (a sheet in English), a dash, a total over the "Jumlah" column and
    # one column beyond the table.
    spreadsheet_clipboard([["1,500", "-", "20", "30", "40", "1.590", "77"]])
    click(view, model.cell_index("anak_berakta", "L", "0-60h"))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    values = s.store.values(None, s.year, 4)
    assert values[("anak_berakta", "L", "0-60h")] == 1500
    assert ("anak_berakta", "L", "61h-1") not in values
    dash = model.cell_index("anak_berakta", "L", "61h-1")
    assert dash.data() == "-" and "bukan angka" in dash.data(DisaggregatedGridModel.ErrorRole)
    text = form.cell_notes[view].text()
    assert "1 baris × 7 kolom" in text and "4 angka tersimpan" in text and "1 bukan angka yang sah" in text
    assert "1 dilewati karena jatuh di baris atau kolom yang dihitung otomatis" in text
    assert "1 dilewati karena di luar tabel" in text
    assert form.grid_errors.isVisible() and "Anak yang memiliki akta kelahiran, Laki-laki, 61 hari–<1 tahun" in \
        form.grid_errors.text()


def test_ctrl_c_copies_a_block_a_spreadsheet_reads_as_numbers(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    s.set_value(4, "anak_total", 1200, "L", "0-60h")
    s.set_value(4, "anak_total", 1150, "P", "0-60h")
    view, model = form.grids[0]
    top, bottom = model.cell_index("anak_total", "L", "0-60h"), model.cell_index("anak_total", "P", "61h-1")
    click(view, top)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     view.visualRect(bottom).center())
    press(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1200\t\r\n1150\t\r\n"
    assert parse_block(QGuiApplication.clipboard().text()) == [["1200", ""], ["1150", ""]]


def test_a_correction_that_breaks_a_rule_is_stored_and_flagged_at_the_cell(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    total, part = model.cell_index("anak_total", "L", "1-4"), model.cell_index("anak_berakta", "L", "1-4")
    click(view, total)
    keys("120")
    press(Qt.Key.Key_Return)
    click(view, part)
    keys("100")
    press(Qt.Key.Key_Return)
    # The clerk lowers "Jumlah anak" below "Anak yang memiliki akta": stored as typed, both cells amber.
    click(view, total)
    keys("90")
    press(Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "1-4")] == 90
    assert total.data() == "90" and total.data(DisaggregatedGridModel.ErrorRole) is None
    [flag] = total.data(DisaggregatedGridModel.FlagRole)
    assert part.data(DisaggregatedGridModel.FlagRole) == [flag]
    assert "(100)" in flag and "(90)" in flag and "angkanya tetap tersimpan" in flag
    assert total.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fff1c2"
    # The sentence is in the list under the grids, once; right under the grid the note about the cell
    # just typed says what to do (the same sentence twice was read as two problems).
    note = form.cell_notes[view]
    assert note.isVisible() and note.text().startswith("Jumlah anak, Laki-laki, 1–<5 tahun")
    assert flag not in note.text() and "baru bisa ditandai siap setelah angka ini diperbaiki" in note.text()
    assert "“Perlu diperiksa” di bawah" in note.text()
    assert form.flag_list.text().count(flag) == 1
    assert view._bubble.isVisible() and flag in view._bubble.text()  # beside the cell itself
    # "Siap" is refused while it stands, and switching indicator keeps the 90 (nothing to ask).
    form.ready_box.click()
    assert not form.ready_box.isChecked()
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "1-4")] == 90


def test_the_status_bar_names_the_value_just_refused_not_the_last_in_row_order(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """'1,5' then '-5' in an earlier cell: the bar still spoke of '1,5' (the later cell in row order)."""
    _launcher, w, form = _open(qtbot, make_window, empty_home)
    view, model = form.grids[0]
    later, earlier = model.cell_index("anak_total", "P", "0-60h"), model.cell_index("anak_total", "L", "0-60h")
    for cell, text in ((later, "1,5"), (earlier, "-5")):
        click(view, cell)
        keys(text)
        press(Qt.Key.Key_Return)
        assert cell.data() == text and cell.data(DisaggregatedGridModel.ErrorRole)
    said = w.statusBar().currentMessage()
    assert said.startswith("Belum tersimpan") and "-5" in said and "1,5" not in said, said


def test_leaving_with_text_that_cannot_be_stored_asks_first(qtbot, make_window, empty_home, dialogs) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    cell = model.cell_index("anak_total", "L", "0-60h")
    click(view, cell)
    keys("12 anak")
    press(Qt.Key.Key_Return)
    assert cell.data() == "12 anak" and cell.data(DisaggregatedGridModel.ErrorRole)
    assert w.statusBar().currentMessage().startswith("Belum tersimpan")
    page = w.indicator_page
    def click_row(no: int) -> None:
        row = page.proxy.mapFromSource(page.model.index(page.model.row_of(no), page.model.COL_NAME))
        page.list.scrollTo(row)
        QTest.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         page.list.visualRect(row).center())

    # Another indicator from the list: asked; "Kembali memperbaiki" keeps indicator 4 and the text.
    dialogs.confirms.append(False)
    click_row(5)
    assert dialogs.asked[-1][0] == "confirm" and "12 anak" in dialogs.asked[-1][2]
    assert form.indicator_no == 4 and cell.data() == "12 anak"
    qtbot.wait(1)
    assert page.list.currentIndex().data(page.model.RecordRole).indicator_no == 4
    # ... and the list marks indicator 4, the one on screen, not the one clicked.
    assert [i.data(page.model.RecordRole).indicator_no for i in page.list.selectionModel().selectedRows()] == [4]
    # Another data year asks too.
    dialogs.confirms.append(False)
    combo = w.header.year_combo
    other = next(i for i in range(combo.count()) if combo.itemData(i) != s.year)
    combo.setCurrentIndex(other)
    combo.activated.emit(other)
    assert s.year == combo.itemData(combo.findData(s.year)) and form.indicator_no == 4
    assert "12 anak" in dialogs.asked[-1][2]
    # "Buang dan lanjutkan": the text goes, indicator 5 opens.
    dialogs.confirms.append(True)
    click_row(5)
    assert form.indicator_no == 5 and not form.unsaved_problems()


def test_last_years_value_is_shown_under_each_cell(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    s.store.set_value(None, s.year - 1, 4, "anak_total", 1150, sex="L", age="0-60h")
    s.store.set_value(None, s.year - 1, 2, "nomor_sk_tim", "SK Lurah 7/2025")
    form.refresh()
    view, model = form.grids[0]
    cell = model.cell_index("anak_total", "L", "0-60h")
    assert cell.data(DisaggregatedGridModel.LastYearRole) == "1.150"
    assert f"Tahun {s.year - 1}: 1.150" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert view.show_last_year and view.rowHeight(cell.row()) > view.value_height()
    form.last_year_box.setChecked(False)
    assert view.rowHeight(cell.row()) == view.value_height()
    form.last_year_box.setChecked(True)
    launcher.window.open_indicator(2)
    field = form.fields["nomor_sk_tim"]
    qtbot.waitUntil(field.isVisible)
    assert field.last_year_label.isVisible() and field.last_year_label.text() == f"Tahun {s.year - 1}: SK Lurah 7/2025"


def test_copy_from_last_year_is_one_undo_step(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, w, form = _open(qtbot, make_window, empty_home, 2)
    s = launcher.session
    s.store.set_value(None, s.year - 1, 2, "ada_sk_tim", "ya")
    s.store.set_value(None, s.year - 1, 2, "nomor_sk_tim", "SK Lurah 7/2025")
    s.store.set_value(None, s.year - 1, 2, "rapat_tim", 6)
    QTest.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    values = s.store.values(None, s.year, 2)
    assert values[("ada_sk_tim", "", "")] is True and values[("nomor_sk_tim", "", "")] == "SK Lurah 7/2025"
    assert ("rapat_tim", "", "") not in values  # counts are never copied
    assert form.fields["nomor_sk_tim"].editor.text() == "SK Lurah 7/2025"
    assert "2 jawaban disalin" in form.copy_said and form.copy_said == w.statusBar().currentMessage()
    w.undo_action.trigger()
    assert not s.store.values(None, s.year, 2)


def test_copy_from_last_year_on_an_indicator_of_numbers_only_says_why_nothing_is_copied(
        qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen by a clerk on indicator 3 (every item a count): "Salin dari tahun 2025" seemed to do nothing,
    and its only words said the year had no answers, while the clerk saw last year's numbers under the
    boxes. Before the click the tooltip and the menu say numbers are not copied; after it the status line
    says why nothing was, and what to do. The button stays for "Semua indikator"."""
    launcher, w, form = _open(qtbot, make_window, empty_home, 3)
    s = launcher.session
    last, year = s.year - 1, s.year
    s.store.set_value(None, last, 3, "media", 2)
    s.store.set_value(None, last, 2, "ada_sk_tim", "ya")  # another indicator's stable answer
    tip = " ".join(form.copy_button.toolTip().split())
    assert tip.startswith(f"Isian indikator ini semuanya angka, dan angka tidak disalin dari tahun lalu: isi angka "
                          f"tahun {year} di kotaknya.") and "“Semua indikator”" in tip
    assert not form.copy_this_action.isEnabled() and "hanya angka" in form.copy_this_action.text()
    assert form.copy_button.isEnabled() and form.copy_all_action.isEnabled()
    QTest.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    said = w.statusBar().currentMessage()
    assert said == (f"Tidak ada yang disalin: isian indikator ini semuanya angka, dan angka tidak disalin dari tahun "
                    f"{last}. Isi angka tahun {year} di kotaknya.") and form.copy_said == said
    assert not s.store.values(None, year, 3)
    form.copy_all_action.trigger()  # the other indicators' stable answers still come
    assert s.store.values(None, year, 2)[("ada_sk_tim", "", "")] is True
    assert "1 jawaban disalin" in w.statusBar().currentMessage()
    # An indicator with answers to copy: as before.
    w.open_indicator(2)
    qtbot.waitUntil(lambda: form.indicator_no == 2)
    assert form.copy_this_action.isEnabled() and form.copy_this_action.text() == "Indikator ini"
    assert " ".join(form.copy_button.toolTip().split()).startswith("Salin jawaban yang biasanya tetap")


def test_the_jumlah_column_of_the_widest_grid_is_in_view_at_1366x768(qtbot, make_window, demo_home, qapp) -> None:  # noqa: ANN001
    from ui.i18n import install_translators

    t_probe = make_window(demo_home).window.session.template
    widest = max((len(t_probe.age_bands[g[0].age]) if g[0].age else 1, ind.no)
                 for ind in t_probe.indicators for g in grid_items(t_probe, ind) if not g[0].computed)[1]
    t_probe = None
    for lang in ("id", "en"):
        loaded = install_translators(qapp, lang)
        try:
            # 1366x768 at 100%, and at 125% (the same screen is 1093x614 logical pixels); the window
            # maximised under a title bar and a task bar.
            for size in ((1366, 730), (1093, 580)):
                w = make_window(demo_home).window
                w.resize(*size)
                w.show()
                qtbot.waitUntil(lambda w=w: w.isVisible())
                w.open_indicator(widest)
                form = w.indicator_page.form
                view, model = form.grids[0]
                qtbot.waitUntil(view.isVisible)
                qtbot.wait(1)  # one event-loop turn: layouts settle
                scroll = w.indicator_page.scroll
                last = model.columnCount() - 1
                rect = view.visualRect(model.index(1, last))  # "Jumlah" of the first sex row
                assert view.viewport().rect().contains(rect), (lang, size, rect, view.viewport().rect())
                assert view.horizontalScrollBar().maximum() == 0, (lang, size)
                # ... and inside what the page's scroll area shows, left to right, without scrolling.
                left = view.viewport().mapTo(scroll.viewport(), rect.topLeft()).x()
                right = view.viewport().mapTo(scroll.viewport(), rect.topRight()).x()
                assert 0 <= left and right < scroll.viewport().width(), (lang, size, left, right)
                assert scroll.horizontalScrollBar().maximum() == 0, (lang, size)
                # The evidence panel is beside the form or folded to its strip, never under the form.
                page = w.indicator_page
                assert page.ev_box.isVisible() and page.ev_box.geometry().left() > scroll.geometry().right() - 2
                # An indicator of plain fields does not scroll sideways either (nothing cut at the right).
                w.open_indicator(1)
                qtbot.wait(1)
                assert scroll.horizontalScrollBar().maximum() == 0, (lang, size, "indicator 1")
                w.close()
        finally:
            for tr in loaded:
                qapp.removeTranslator(tr)
            install_translators(qapp, "id")


def test_the_page_opens_on_an_indicator_and_tab_leaves_the_list(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w = launcher.window
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.show_page("indicators")
    page = w.indicator_page
    assert page.form.indicator_no == 1 and page.list.currentIndex().isValid()
    # A note typed at once is stored on that indicator (it said "Indikator nomor 0 tidak ada").
    page.form.notes.setFocus()
    QTest.keyClicks(page.form.notes, "Dari rapat RT")
    page.form.save_notes()
    assert launcher.session.store.entry(None, launcher.session.year, 1).notes == "Dari rapat RT"
    # Tab from the list leaves it (not down the list) and, past the Excel buttons under it, reaches the form.
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.list
    for _ in range(6):
        if page.form.isAncestorOf(QApplication.focusWidget()):
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert page.form.isAncestorOf(QApplication.focusWidget())


def test_a_ready_indicator_edited_into_a_part_over_its_whole_is_a_draft_again(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    t = s.template
    cells = [(it.key, sx, ag, 100 if it.part_of is None else 50)
             for it in t.indicator(4).items if it.required for sx, ag in t.cells(it)]
    s.store.set_values(None, s.year, 4, cells)
    from db.demo import make_pdf

    rekap = empty_home.parent / "rekap-akta.pdf"
    make_pdf(rekap, "REKAP AKTA", ["Disdukcapil"])
    for req in t.indicator(4).evidence:
        if req.required:
            s.store.add_evidence(None, rekap, links=[(s.year, 4)], kind=req.kind, requirement=req.key)
    s.set_status(4, "ready")
    form.refresh()
    assert form.ready_box.isChecked()
    view, model = form.grids[0]
    total = s.store.values(None, s.year, 4)[("anak_total", "L", "0-60h")]
    click(view, model.cell_index("anak_berakta", "L", "0-60h"))
    keys(str(total + 5))
    press(Qt.Key.Key_Return)
    assert s.store.values(None, s.year, 4)[("anak_berakta", "L", "0-60h")] == total + 5
    assert s.store.entry(None, s.year, 4).status == "draft"
    assert not form.ready_box.isChecked() and "Tanda siap dilepas" in form.status_error.text()
    assert "Lengkap, tetapi ada angka yang harus diperbaiki" in form.summary.text()


def html_only_clipboard(html: str) -> None:
    """What a web page, a web spreadsheet or a remote desktop may offer: text/html and no text/plain."""
    mime = QMimeData()
    mime.setData("text/html", html.encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)


def test_a_table_copied_as_html_only_is_pasted_cell_by_cell(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    bands = [b.key for b in s.template.age_bands["akta"]]
    # As LibreOffice and Google Sheets write it: attributes, a <colgroup>, <font>, &nbsp; and a style block.
    html_only_clipboard(
        "<html><head><style>td{}</style></head><body><!--StartFragment-->"
        "<table border=0 cellspacing=0><colgroup><col width=64></colgroup><tbody>"
        "<tr height=20><td align=right sdval='1200'><font>1.200</font></td><td>340</td><td>2.100</td>"
        "<td>&nbsp;3.050 </td><td>2.800</td></tr>"
        "<tr><td>1.150</td><td>310</td><td>2.000</td><td>2.950</td><td>2.700</td></tr>"
        "</tbody></table><!--EndFragment--></body></html>")
    assert not QGuiApplication.clipboard().mimeData().hasText()
    click(view, model.cell_index("anak_total", "L", bands[0]))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    values = s.store.values(None, s.year, 4)
    assert [values[("anak_total", "L", b)] for b in bands] == [1200, 340, 2100, 3050, 2800]
    assert [values[("anak_total", "P", b)] for b in bands] == [1150, 310, 2000, 2950, 2700]
    assert "2 baris × 5 kolom" in form.cell_notes[view].text() and "10 angka tersimpan" in form.cell_notes[view].text()


@pytest.mark.parametrize(("fill", "words"), [
    ("html", "papan klip kosong"),  # HTML with no table and no text (a copied empty selection)
    ("image", "gambar, bukan sel berisi angka"),
    ("nothing", "papan klip kosong"),
])
def test_ctrl_v_with_nothing_to_paste_says_why(qtbot, make_window, empty_home, fill: str, words: str) -> None:  # noqa: ANN001
    from PySide6.QtGui import QImage

    launcher, _w, form = _open(qtbot, make_window, empty_home)
    s = launcher.session
    view, model = form.grids[0]
    if fill == "html":
        html_only_clipboard("<html><body><!--StartFragment--><!--EndFragment--></body></html>")
    elif fill == "image":
        img = QImage(8, 8, QImage.Format.Format_RGB32)
        img.fill(0)
        QGuiApplication.clipboard().setImage(img)
    else:
        QGuiApplication.clipboard().clear()
    before = s.store.values(None, s.year, 4)
    click(view, model.cell_index("anak_total", "L", "0-60h"))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert s.store.values(None, s.year, 4) == before
    note = form.cell_notes[view]
    assert note.isVisible() and note.text().startswith("Tidak ada yang ditempel") and words in note.text()
    assert "Ctrl+C" in note.text()
    assert view._bubble.isVisible() and view._bubble.text() == note.text()


def test_the_paste_bubble_goes_at_the_next_key_and_after_a_while_the_note_under_the_grid_stays(
        qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    from ui.entry.indicator_form import PASTE_BUBBLE_MS

    _launcher, _w, form = _open(qtbot, make_window, empty_home)
    view, model = form.grids[0]
    note = form.cell_notes[view]
    spreadsheet_clipboard([["1", "2"], ["3", "4"]])
    click(view, model.cell_index("anak_total", "L", "0-60h"))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert view._bubble.isVisible() and "4 angka tersimpan" in view._bubble.text()
    # The next key in the grid (an arrow here): the bubble goes, the sentence stays under the grid.
    press(Qt.Key.Key_Right)
    assert not view._bubble.isVisible()
    assert note.isVisible() and "4 angka tersimpan" in note.text()
    # Another paste, then no key at all: the bubble goes by itself after a while.
    click(view, model.cell_index("anak_total", "L", "1-4"))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert view._bubble.isVisible()
    assert form._bubble_timer.isActive() and form._bubble_timer.interval() == PASTE_BUBBLE_MS
    form._bubble_timer.timeout.emit()  # the interval has passed
    assert not view._bubble.isVisible()
    assert note.isVisible() and "4 angka tersimpan" in note.text()
    # A click elsewhere in the grid after a third paste: gone as well.
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert view._bubble.isVisible()
    click(view, model.cell_index("anak_total", "P", "5-11"))
    assert not view._bubble.isVisible() and "4 sudah sama" in note.text()
    # Typing a value ends the paste's report; the cell's own note takes over.
    keys("abc")
    press(Qt.Key.Key_Return)
    assert "Ditempel" not in note.text() and "bukan angka" in note.text()


def test_a_grid_narrower_than_its_columns_stays_at_its_left_edge_on_a_section_row(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """A paste or a click anchored on a section-header row (one cell across the grid) scrolled a grid
    a little narrower than its columns sideways, cutting 'Jenis kelamin' to 'enis kelami', and it
    stayed so (seen in the real window at 1366x768): a section row never scrolls the grid sideways."""
    _launcher, w, form = _open(qtbot, make_window, empty_home)
    view, model = form.grids[0]
    headers = sorted(model.header_rows())
    assert headers
    full = view.maximumWidth()
    view.setMaximumWidth(full - 40)
    view.setMinimumWidth(full - 40)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    bar = view.horizontalScrollBar()
    assert bar.value() == 0
    index = model.index(headers[-1], model.columnCount() - 1)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.scrollTo(index)
    assert bar.value() == 0
    # A value cell at the right still scrolls into view, as before.
    cell = model.index(headers[-1] + 1, model.columnCount() - 1)
    view.scrollTo(cell)
    assert bar.value() > 0
    at = bar.value()
    view.scrollTo(model.index(headers[0], 0))  # a section row again: where it is sideways
    assert bar.value() == at
    w.close()


def test_a_coverage_over_only_some_age_groups_is_marked_as_provisional(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Two age groups of five typed for the boys: 'Cakupan ... Laki-laki / Jumlah' read 90,9% with nothing
    saying it was not all boys' coverage."""
    _launcher, _w, form = _open(qtbot, make_window, empty_home)
    view, model = form.grids[0]
    for item, text in (("anak_total", "220"), ("anak_berakta", "200")):
        cell = model.cell_index(item, "L", "0-60h")
        click(view, cell)
        keys(text)
        press(Qt.Key.Key_Return)
    total_col = model.columnCount() - 1
    row = next(r for r in range(model.rowCount())
               if model.row_spec(r).kind == "percent" and model.row_spec(r).item.key == "cakupan_akta"
               and model.row_spec(r).sex == "L")
    one_band = model.index(row, model.cell_index("anak_total", "L", "0-60h").column())
    total = model.index(row, total_col)
    assert one_band.data() == "90,9%", one_band.data()  # one cell over one cell: whole
    assert total.data() == "90,9%*"
    tip = total.data(Qt.ItemDataRole.ToolTipRole)
    assert "* Sementara: dihitung dari 1 dari 5 kolom" in tip, tip
