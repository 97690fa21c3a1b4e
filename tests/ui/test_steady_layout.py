"""A message that appears (or goes) moves nothing the clerk is about to click.

Seen in the real window at 1366x768: a refused date on Kegiatan pushed the partner and indicator
lists 20 px down as the clerk reached for them, a refused coordinate on Fasilitas did the same to
"Tambah berkas...", and "Formulir tersimpan di ..." under the Excel buttons lifted both buttons
60 px under the pointer that had just clicked one. Each test measures where the next thing to
click is, in the window, before and after the message.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.exports.conftest import KEL_A, enrolled_template, world  # noqa: F401 - fixtures


def _at(widget: QWidget) -> QPoint:
    """Where ``widget`` is in its window, after every pending layout (and style) has run."""
    for _ in range(3):
        QApplication.processEvents()
    return widget.mapTo(widget.window(), QPoint(0, 0))


def _shown(qtbot, launcher, page: str) -> QWidget:  # noqa: ANN001
    """The window shown and painted (each widget's share of the style is given after the first paint),
    on ``page``."""
    w = launcher.window
    w.show()
    qtbot.waitExposed(w)
    w.show_page(page)
    _at(w)
    return w


def test_a_refused_date_on_kegiatan_moves_no_list_under_the_pointer(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w = _shown(qtbot, launcher, "activities")
    page = w.activities_page
    page.new_activity()
    page.date_edit.setFocus()  # (its focus ring is 1 px wider all round than its frame)
    lists_at, evidence_at = _at(page.partners), _at(page.evidence)
    qtbot.keyClicks(page.date_edit, "31-02-2026")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
    assert page.error.isVisible() and "'31-02-2026' bukan tanggal yang sah" in page.error.text()
    assert (_at(page.partners), _at(page.evidence)) == (lists_at, evidence_at)
    # The sentence has the room it needs: not cut, and clear of the lists under it.
    error_bottom = page.error.mapTo(w, QPoint(0, page.error.height())).y()
    assert page.error.heightForWidth(page.error.width()) <= page.error.height()
    assert error_bottom <= _at(page.partners).y()
    # Corrected: the sentence goes and the lists stay where they are again.
    page.date_edit.selectAll()
    qtbot.keyClicks(page.date_edit, "17-08-2026")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
    assert page.error.isHidden()
    assert (_at(page.partners), _at(page.evidence)) == (lists_at, evidence_at)


def test_a_refused_coordinate_on_fasilitas_moves_no_button_under_the_pointer(qtbot, make_window,  # noqa: ANN001
                                                                             empty_home) -> None:
    launcher = make_window(empty_home)
    w = _shown(qtbot, launcher, "facilities")
    page = w.facilities_page
    page.new_facility()
    page.lat_edit.setFocus()
    add_at = _at(page.evidence)
    qtbot.keyClicks(page.lat_edit, "200")
    qtbot.keyClick(page.lat_edit, Qt.Key.Key_Return)
    assert page.error.isVisible() and "'200' tidak sah" in page.error.text()
    assert _at(page.evidence) == add_at


def test_the_note_after_the_excel_form_is_written_leaves_both_buttons_where_they_were(  # noqa: ANN001
        qtbot, make_window, demo_home, dialogs, tmp_path) -> None:
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(4)
    buttons = w.indicator_page.xlsx
    download_at, import_at = _at(buttons.download_button), _at(buttons.import_button)
    target = tmp_path / "FLASHDISK" / "formulir.xlsx"
    target.parent.mkdir()
    dialogs.save_file = lambda parent, title, suggested="", name_filter="", kind="": str(target)
    task = buttons.download(one=True)
    assert task is not None
    qtbot.waitUntil(lambda: not task.running and buttons.note.isVisible(), timeout=20000)
    assert buttons.note.text().startswith(f"Formulir tersimpan di {target}.")
    assert (_at(buttons.download_button), _at(buttons.import_button)) == (download_at, import_at)
    # The note is whole and clear of the buttons and of the indicator list.
    note_top, note_bottom = _at(buttons.note).y(), _at(buttons.note).y() + buttons.note.height()
    assert buttons.note.heightForWidth(buttons.note.width()) <= buttons.note.height()
    assert note_bottom <= download_at.y()
    page = w.indicator_page
    assert _at(page.list).y() + page.list.height() <= note_top


def test_kotak_masuk_says_what_a_decision_a_receipt_and_a_handover_check_did_without_moving_their_buttons(
        qtbot, world, tmp_path, dialogs) -> None:  # noqa: ANN001, F811
    """Seen at 1366x768: "Konflik Manggar ...: versi kiriman dipakai" lifted "Pakai versi DP3AKB/kiriman"
    34 px, and the receipt's two lines lifted "Tulis tanda terima..." 42 px, under the pointer."""
    from exports import handover
    from tests.exports.test_bundles import IND, ITEM, YEAR, _second_pc, export, imp, receipt_to, single
    from ui.city.inbox_page import InboxPage
    from ui.city.session import CitySession

    city, a = world.city, world.a
    single(imp(city, export(a, tmp_path / "0").parts[0].path))
    receipt_to(world, a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    a = world.a  # reopened by _second_pc
    a.set_value(None, YEAR, IND, ITEM, 111)
    a2.set_value(None, YEAR, IND, ITEM, 222)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    assert single(imp(city, export(a2, tmp_path / "2").parts[0].path)).counts["conflict"] == 1
    page = InboxPage(CitySession(city, dialogs=dialogs), list_drives=lambda: [])
    qtbot.addWidget(page)
    page.resize(1150, 690)  # the page's share of the DP3AKB window at 1366x768
    page.show()
    qtbot.waitExposed(page)
    buttons = (page.compare_button, page.keep_held, page.keep_incoming, page.receipt_button, page.handover_button)
    where = [_at(b) for b in buttons]
    code_at = _at(page.handover_code)

    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    dlg = page.compare_selected()
    with qtbot.waitSignal(dlg.resolved):
        dlg.keep_incoming.click()
    assert page.conflict_said.isVisible() and "versi kiriman dipakai" in page.conflict_said.text()
    assert [_at(b) for b in buttons] == where

    out = tmp_path / "tanda-terima"
    out.mkdir()
    task = page.write_receipts(out)
    assert task is not None
    qtbot.waitUntil(lambda: "Serahkan lewat flashdisk" in page.receipt_note.text(), timeout=30000)
    note = page.receipt_note
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()), timeout=5000)  # whole
    assert [_at(b) for b in buttons] == where

    page.handover_code.setText(handover.grouped(handover.from_log(a2).digest))
    page.check_handover()
    assert page.handover_result.isVisible() and page.handover_result.text().startswith("COCOK")
    # The code field and its button stay; the sentence takes its room above them (the receipt button,
    # not the one just clicked, may move).
    assert (_at(page.handover_code), _at(page.handover_button)) == (code_at, where[4])
    assert [_at(b) for b in buttons[:3]] == where[:3]
    # A refused code under a receipt note of several units, beside a quarantine list: both sentences
    # whole (the receipt note's last line was cut at 1366x768 with the list taking the room).
    page.pending.addItems([f"Karantina: /tmp/karantina/20261203-0633{i:02d}-rusak.kla" for i in range(6)])
    page.receipt_note.setText("\n".join([page.receipt_note.text()] * 2))
    page.handover_code.setText("123abc")
    page.check_handover()
    for said in (page.receipt_note, page.handover_result):
        qtbot.waitUntil(lambda said=said: said.height() >= said.heightForWidth(said.width()), timeout=5000)


def test_the_keyboard_stays_on_the_report_button_while_its_file_is_written(qtbot, make_window, demo_home,  # noqa: ANN001
                                                                          tmp_path) -> None:
    """Seen at 1366x768 (both roles): after "Ekspor ke Excel" the keyboard focus had jumped to "Periode
    evaluasi / tahun data" at the top (Qt's next widget when the button greyed out during the job), and the
    next arrow key switched the whole window to another data year without a word."""
    from PySide6.QtTest import QTest

    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "reports")
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    page = w.reports_page
    page.out_dir = tmp_path / "laporan"
    year = launcher.session.year
    QTest.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)  # a click gives a button the keyboard too
    assert page.task is not None
    assert QApplication.focusWidget() is not w.header.year_combo
    seen_during = QApplication.focusWidget()
    qtbot.waitUntil(lambda: page.task is None and page.xlsx_button.isEnabled(), timeout=30000)
    assert QApplication.focusWidget() is page.xlsx_button, (seen_during, QApplication.focusWidget())
    # The clerk's next keys do nothing to the year shown.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert launcher.session.year == year


@pytest.mark.parametrize("role", ["kelurahan", "city"])
def test_the_keyboard_starts_in_the_navigation_not_on_the_year(qtbot, make_window, demo_home, tmp_path,  # noqa: ANN001
                                                               role: str) -> None:
    """Seen at 1366x768 (both windows): the window opened with the keyboard on "Periode evaluasi / tahun
    data", so the clerk's first arrow key switched the whole window to another data year."""
    from PySide6.QtTest import QTest

    if role == "city":
        from tests.ui.test_city_window import fill_city

        home = tmp_path / "kota"
        fill_city(home)
    else:
        home = demo_home
    launcher = make_window(home)
    w = launcher.window
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    year = launcher.session.year
    assert QApplication.focusWidget() is w.nav and w.nav.currentRow() == 0
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert launcher.session.year == year and w.nav.currentRow() == 1  # the next page, as a list does


def test_the_grid_stays_put_while_the_summary_above_it_loses_a_line(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768: pasting the last counts of Akta Kelahiran took "Isian wajib belum terisi: ..."
    out of the summary above the grid, and the grid jumped 28 px up under the pointer reaching for the
    next cell. While the indicator is shown the summary keeps its height; shown again, it fits its text."""
    from PySide6.QtGui import QGuiApplication

    launcher = make_window(empty_home)
    w = _shown(qtbot, launcher, "indicators")
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.open_indicator(4)
    form = w.indicator_page.form
    qtbot.waitUntil(lambda: form.indicator_no == 4 and all(v.isVisible() for v, _m in form.grids))
    view, model = form.grids[0]
    w.indicator_page.set_evidence_open(False)  # the room of a wider screen: each summary line on one line
    assert "Isian wajib belum terisi" in form.summary.text()
    grid_at = _at(view)
    lines_before = form.summary.text().split("\n")
    room = form.summary.contentsRect().width() - 16  # its padding
    assert all(form.summary.fontMetrics().horizontalAdvance(line) < room for line in lines_before)
    for item in ("anak_total", "anak_berakta"):
        QGuiApplication.clipboard().setText("120\t340\t560\t780\t900\r\n110\t330\t550\t770\t880\r\n")
        view.setFocus()
        view.setCurrentIndex(model.cell_index(item, "L", "0-60h"))
        view.clearSelection()
        assert view.paste_clipboard() is not None  # what Ctrl+V does
    assert launcher.session.store.values(None, launcher.session.year, 4)[("anak_berakta", "P", "12-17")] == 880
    assert "Isian wajib belum terisi" not in form.summary.text()
    assert len(form.summary.text().split("\n")) < len(lines_before)  # a line went (the case seen)
    assert _at(view) == grid_at
    # The summary's sentence is whole (kept room is never less than the text needs).
    assert form.summary.heightForWidth(form.summary.width()) <= form.summary.height()
    # Shown again: the summary is as tall as its one line now, and nothing is left blank above the grid.
    w.open_indicator(5)
    w.open_indicator(4)
    qtbot.waitUntil(lambda: form.indicator_no == 4 and all(v.isVisible() for v, _m in form.grids))
    _at(view)
    assert form.summary.height() == form.summary.heightForWidth(form.summary.width())


def test_kegiatan_lists_every_indicator_name_whole(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768: "Indikator terkait" ran under a sideways scroll bar, the longer names cut at the
    right edge ("... Dunia Usaha & Media", "Korban Kekerasan & Eksploitasi"); they wrap now."""
    launcher = make_window(empty_home)
    w = _shown(qtbot, launcher, "activities")
    page = w.activities_page
    page.new_activity()
    _at(page.indicators)
    for lst in (page.indicators, page.partners):
        assert lst.horizontalScrollBar().maximum() == 0
        fm = lst.fontMetrics()
        for i in range(lst.count()):
            rect = lst.visualItemRect(lst.item(i))
            assert rect.right() < lst.viewport().width()
            # Tall enough for the lines its name wraps to beside the check box.
            lines = -(-fm.horizontalAdvance(lst.item(i).text()) // max(1, rect.width() - 30))
            assert rect.height() >= min(lines, 2) * fm.lineSpacing(), lst.item(i).text()
