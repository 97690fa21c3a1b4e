"""What a kelurahan clerk reads in the window at 1366x768: every word whole, nothing behind a scroll bar.

Each case was seen in the real window (kelurahan demo, 1366x768) and is measured here in the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QWidget

from tests.ui.test_steady_layout import _at, _shown


def _text_room(combo: QComboBox) -> int:
    """How wide the text of ``combo`` may be drawn (its edit field, as the style lays it out)."""
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return field.width()


def _settle(widget: QWidget) -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_kind_box_under_tambah_berkas_reads_whole_when_the_panel_scrolls(qtbot, make_window,  # noqa: ANN001
                                                                            demo_home) -> None:
    """Seen at 1366x768 on indicator 1: with the evidence panel's scroll bar shown the box read
    "Jenis: otomati" (the row beside "Tambah berkas..." had no room for it)."""
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(1)
    page = w.indicator_page
    _settle(w)
    height = 768
    while not page.ev_scroll.verticalScrollBar().isVisible() and height > 400:
        height -= 20
        w.resize(1366, height)
        _settle(w)
    assert page.ev_scroll.verticalScrollBar().isVisible()
    combo = page.evidence.kind_combo
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        _settle(w)
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) <= _text_room(combo), text
    # And the button beside (or over) it is whole too, both inside the panel.
    panel = page.evidence
    for widget in (panel.add_button, panel.kind_combo):
        right = widget.mapTo(panel, widget.rect().topRight()).x()
        assert right <= panel.contentsRect().right(), widget
    assert panel.add_button.width() >= panel.add_button.sizeHint().width()
    _at(panel)


def _jumlah_in_sight(page, view, model) -> bool:  # noqa: ANN001
    """The "Jumlah" column is whole inside the form's viewport, with the grid scrolled as it is."""
    last = model.columnCount() - 1
    x = view.columnViewportPosition(last)
    right = view.viewport().mapTo(page.scroll.viewport(), view.viewport().rect().topLeft()).x() + x \
        + view.columnWidth(last)
    return x >= 0 and x + view.columnWidth(last) <= view.viewport().width() and right <= page.scroll.viewport().width()


def test_a_big_number_that_widens_the_grid_keeps_jumlah_in_sight(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768 on Akta Kelahiran: five 7-digit counts typed with the evidence panel open widened
    the columns, and "Jumlah" went out at the right (the grid's sideways scroll bar under its last row,
    below the screen)."""
    from tests.ui.test_grid_big_numbers import type_into
    from tests.ui.test_grid_spreadsheet import _open

    _launcher, w, form = _open(qtbot, make_window, empty_home)
    page = w.indicator_page
    view, model = form.grids[0]
    assert page.evidence_open and _jumlah_in_sight(page, view, model)
    room = page.scroll.viewport().width()  # the form's room beside the open panel
    for age, value in (("0-60h", "123456789"), ("61h-1", "234567890"), ("1-4", "345678901"),
                       ("5-11", "456789012"), ("12-17", "567890123")):
        type_into(view, model.cell_index("anak_total", "L", age), value)
    _settle(w)
    assert view.needed_width() > room - 16  # wider than the room beside the open panel (with the form's margins)
    assert _jumlah_in_sight(page, view, model)
    assert not page.evidence_open  # folded to its strip, as for an indicator that wide
    assert page.ev_strip.isVisible()


def test_with_the_panel_opened_by_hand_the_status_bar_says_how_to_see_jumlah(qtbot, make_window,  # noqa: ANN001
                                                                            empty_home) -> None:
    from tests.ui.test_grid_big_numbers import type_into
    from tests.ui.test_grid_spreadsheet import _open

    _launcher, w, form = _open(qtbot, make_window, empty_home)
    page = w.indicator_page
    page.set_evidence_open(True, by_clerk=True)
    view, model = form.grids[0]
    for age, value in (("0-60h", "123456789"), ("61h-1", "234567890"), ("1-4", "345678901"),
                       ("5-11", "456789012"), ("12-17", "567890123")):
        type_into(view, model.cell_index("anak_total", "L", age), value)
    _settle(w)
    assert page.evidence_open  # the clerk's choice stands
    assert "Ctrl+D" in w.statusBar().currentMessage() and "Jumlah" in w.statusBar().currentMessage()


def test_the_evidence_panel_moves_nothing_when_it_says_what_an_attach_did(qtbot, make_window, demo_home,  # noqa: ANN001
                                                                          make_photo, tmp_path) -> None:
    """Seen at 1366x768: "1 berkas ditambahkan" appeared above the list of files and pushed it down
    under the pointer reaching for the file just attached (to write its caption)."""
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(5)
    panel = w.indicator_page.evidence

    def list_under_requirements() -> int:
        """The list's place under the requirement lines (a line may list one more file: not a message)."""
        return _at(panel.list).y() - _at(panel.requirements).y() - panel.requirements.height()

    list_at = list_under_requirements()
    assert panel.message.isHidden()
    with qtbot.waitSignal(panel.import_finished, timeout=30000):
        panel.add_files([make_photo(tmp_path / "pojok-baca.jpg", 800, 600)])
    assert panel.message.isVisible() and "berkas ditambahkan" in panel.message.text()
    assert list_under_requirements() == list_at
    assert panel.message.heightForWidth(panel.message.width()) <= panel.message.height()  # whole


def test_a_refused_document_date_moves_no_button_under_the_pointer(qtbot, make_window, demo_home,  # noqa: ANN001
                                                                   make_photo, tmp_path) -> None:
    """Seen at 1366x768: a refused "Tanggal dokumen" of a file put its sentence above "Buka", "Tautkan…"
    and "Hapus", which went down under the pointer (the same jump Kegiatan's date had)."""
    from PySide6.QtCore import Qt

    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(5)
    panel = w.indicator_page.evidence
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([make_photo(tmp_path / "pojok-baca.jpg", 800, 600)])
    panel.select(blocker.args[0].evidence_ids[0])
    panel.date_edit.setFocus()
    buttons_at = (_at(panel.open_button), _at(panel.remove_button))
    qtbot.keyClicks(panel.date_edit, "31-02-2026")
    qtbot.keyClick(panel.date_edit, Qt.Key.Key_Return)
    assert panel.detail_error.isVisible() and "31-02-2026" in panel.detail_error.text()
    assert (_at(panel.open_button), _at(panel.remove_button)) == buttons_at
    assert panel.detail_error.heightForWidth(panel.detail_error.width()) <= panel.detail_error.height()


def test_what_a_paste_did_under_the_grid_moves_no_field_under_it(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768 on Wajib Belajar 12 Tahun (two grids, one under the other): "4 angka tersimpan"
    appeared under the first grid and pushed the second down as the clerk reached for it."""
    from PySide6.QtCore import Qt

    from tests.ui.test_grid_spreadsheet import _open, click, press, spreadsheet_clipboard

    _launcher, w, form = _open(qtbot, make_window, empty_home, no=18)
    view, model = form.grids[0]
    note = form.cell_notes[view]
    _settle(w)
    field = form.grids[1][0]  # the next grid, under the first
    assert _at(field).y() > _at(view).y()
    field_at = _at(field)
    assert note.isHidden()
    spreadsheet_clipboard([["1", "2"], ["3", "4"]])
    row = next(r for r in range(model.rowCount()) if model.flags(model.index(r, model.FIRST_BAND))
               & Qt.ItemFlag.ItemIsEditable)
    click(view, model.index(row, model.FIRST_BAND))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert note.isVisible() and "angka tersimpan" in note.text()
    assert _at(field) == field_at
    assert note.heightForWidth(note.width()) <= note.height()


def test_the_first_amber_cell_of_a_paste_moves_no_grid_under_the_pointer(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768 on Wajib Belajar 12 Tahun: a pasted block with one number over its whole added
    "1 angka perlu diperiksa (bertanda kuning)" as a line of its own to the summary above the grid, and
    the grid went 14 px down under the pointer."""
    from PySide6.QtCore import Qt

    from tests.ui.test_grid_spreadsheet import _open, click, press, spreadsheet_clipboard

    _launcher, w, form = _open(qtbot, make_window, empty_home, no=18)
    view, model = form.grids[0]
    first_item = model.row_spec(next(r for r in range(model.rowCount()) if model.row_spec(r).item is not None)).item
    total_cell = next((r, c) for r in range(model.rowCount()) for c in range(model.FIRST_BAND, model.columnCount())
                      if model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable)
    # The whole first, then a block under it with one part over its whole.
    spreadsheet_clipboard([["100", "60", "40"], ["110", "60", "41"]])
    click(view, model.index(*total_cell))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _settle(w)
    assert "perlu diperiksa" not in form.summary.text(), first_item
    grid_at = _at(view)
    part_row = next(r for r in range(total_cell[0] + 1, model.rowCount())
                    if model.flags(model.index(r, total_cell[1])) & Qt.ItemFlag.ItemIsEditable
                    and model.row_spec(r).item.key != first_item.key)
    spreadsheet_clipboard([["1.000", "600", "400"]])
    click(view, model.index(part_row, total_cell[1]))
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _settle(w)
    assert "angka perlu diperiksa (bertanda kuning)" in form.summary.text()
    assert _at(view) == grid_at
    assert form.summary.heightForWidth(form.summary.width()) <= form.summary.height()


def test_a_column_header_reads_whole_when_the_selection_makes_it_bold(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768 on Wajib Belajar 12 Tahun: after a paste the selected columns' headers are drawn
    bold, and "16–17 tahun (usia SMA/SMK)" read "usia SMA/SMK" without its brackets (measured plain)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetrics

    from tests.ui.test_grid_spreadsheet import _open

    _launcher, w, form = _open(qtbot, make_window, empty_home, no=18)
    view, model = form.grids[0]
    view.selectAll()
    _settle(w)
    header = view.horizontalHeader()
    assert header.highlightSections()
    bold = QFont(header.font())
    bold.setBold(True)
    fm = QFontMetrics(bold)
    for c in range(model.FIRST_BAND, model.columnCount()):
        for line in str(model.headerData(c, Qt.Orientation.Horizontal)).split("\n"):
            assert fm.horizontalAdvance(line) + 8 <= view.columnWidth(c), line  # 4 px each side, as drawn


def test_the_list_of_facilities_reads_each_type_whole(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768: the list's "Jenis" read "Pusat Informasi ..." (cut); now "PISA", the whole name
    in the form and in the cell's tooltip."""
    from PySide6.QtCore import QRect, Qt

    from ui.facilities.facilities_page import FacilityModel, type_labels

    launcher = make_window(empty_home)
    w = _shown(qtbot, launcher, "facilities")
    page = w.facilities_page
    s = launcher.session
    for key in type_labels():
        s.store.add_facility(None, name=f"Fasilitas {key}", type=key)
    page.reload()
    _settle(w)
    table = page.table
    model = table.model()
    assert model.rowCount() == len(type_labels())
    fm = table.fontMetrics()
    col = FacilityModel.COL_TYPE
    for r in range(model.rowCount()):
        idx = model.index(r, col)
        text = idx.data()
        room = QRect(0, 0, table.columnWidth(col) - 8, 10_000)
        needed = fm.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text)
        assert needed.width() <= room.width() and needed.height() <= table.rowHeight(r), text
    assert {model.index(r, col).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())} \
        == set(type_labels().values())
    assert any(model.index(r, col).data() == "PISA" for r in range(model.rowCount()))


def test_a_section_title_across_a_narrow_grid_reads_whole(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768 on Partisipasi Anak: across its grid of one "Jumlah" column the section rows read
    "Anggota Forum A…" and "Anak yang ikut M…"."""
    from tests.ui.test_grid_spreadsheet import _open
    from ui.entry.grid_view import TEXT_MARGIN

    _launcher, w, form = _open(qtbot, make_window, empty_home, no=6)
    view, model = form.grids[0]
    _settle(w)
    width = sum(view.columnWidth(c) for c in range(model.columnCount()))
    titles = [str(model.index(r, 0).data()) for r in model.header_rows()]
    assert titles and any(t.startswith("Anggota Forum Anak") for t in titles)
    for title in titles:
        assert view.bold_metrics().horizontalAdvance(title) + 2 * TEXT_MARGIN <= width, title
    assert view.viewport().width() >= width  # and the grid shows all of it


def test_what_salin_dari_tahun_lalu_did_moves_no_field(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Seen at 1366x768 on Partisipasi Anak: "Tidak ada yang disalin: ..." appeared as two lines under the
    button and pushed every field and the grid 36 px down. It is said beside the button and in the
    status bar."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.ui.test_grid_spreadsheet import _open

    launcher, w, form = _open(qtbot, make_window, empty_home, no=6)
    s = launcher.session
    _settle(w)
    items_at = _at(form.items_box)
    QTest.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    _settle(w)
    assert w.statusBar().currentMessage().startswith(f"Tidak ada yang disalin: tahun {s.year - 1}")
    assert _at(form.items_box) == items_at
    s.store.set_value(None, s.year - 1, 6, "ada_forum_anak", "ya")
    QTest.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    _settle(w)
    assert w.statusBar().currentMessage().startswith(f"1 jawaban disalin dari tahun {s.year - 1}")
    assert _at(form.items_box) == items_at


def test_choosing_a_file_in_the_evidence_list_moves_no_file_under_the_pointer(qtbot, make_window, demo_home,  # noqa: ANN001
                                                                              make_photo, tmp_path) -> None:
    """Seen at 1366x768 on Partisipasi Anak: a click on a file showed its details, the panel's scroll bar
    appeared, the narrower panel wrapped a requirement line more, and the list went 14 px down under the
    pointer that had just clicked it."""
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(6)
    panel = w.indicator_page.evidence
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([make_photo(tmp_path / "forum-anak.jpg", 800, 600)])
    w.open_indicator(5)
    w.open_indicator(6)  # shown anew: no file chosen, no details
    _settle(w)
    assert not panel.details.isVisible()
    list_at = _at(panel.list)
    panel.select(blocker.args[0].evidence_ids[0])
    _settle(w)
    assert panel.details.isVisible()
    assert _at(panel.list) == list_at


def _placeholder_whole(edit) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    opt = QStyleOptionFrame()
    edit.initStyleOption(opt)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit).width() - 4
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room, (edit.placeholderText(), room)


def test_date_fields_show_a_plain_example_not_a_format_code(qtbot, make_window, demo_home,  # noqa: ANN001
                                                           make_photo, tmp_path) -> None:
    """Seen at 1366x768: the empty date fields read "hh-bb-tttt" (a code no clerk reads as a date)."""
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "activities")
    w.resize(1366, 768)
    page = w.activities_page
    page.new_activity()
    _settle(w)
    edit = page.date_edit
    assert edit.placeholderText() == "tanggal-bulan-tahun, mis. 17-08-2026"
    assert "17 Agustus 2026" in edit.toolTip()
    _placeholder_whole(edit)

    w.show_page("indicators")
    w.open_indicator(5)
    panel = w.indicator_page.evidence
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([make_photo(tmp_path / "pojok-baca.jpg", 800, 600)])
    panel.select(blocker.args[0].evidence_ids[0])
    _settle(w)
    edit = panel.date_edit
    assert edit.isVisible() and not edit.text()
    assert edit.placeholderText() == "mis. 17-08-2026"
    assert "tanggal-bulan-tahun" in edit.toolTip()
    _placeholder_whole(edit)


def test_the_salin_dari_tahun_lalu_tooltip_reads_in_short_lines(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """Seen at 1366x768: the tooltip of "Salin dari tahun lalu" was one line across most of the screen."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QToolTip

    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.resize(1366, 768)
    w.open_indicator(1)
    form = w.indicator_page.form
    _settle(w)
    tip = form.copy_button.toolTip()
    year = launcher.session.year - 1
    assert " ".join(tip.split()) == (
        f"Salin jawaban yang biasanya tetap (ya/tidak, pilihan, nomor peraturan, tanggal) dari tahun {year} ke "
        "isian yang masih kosong. Angka jumlah tidak disalin. Bisa diurungkan dengan Ctrl+Z.")
    lines = tip.split("\n")
    fm = QFontMetrics(QToolTip.font())  # the font the tooltip is drawn in
    assert len(lines) >= 3 and max(fm.horizontalAdvance(x) for x in lines) <= 480, lines
    for tip in (form.ready_box.toolTip(),):
        assert max(fm.horizontalAdvance(x) for x in tip.split("\n")) <= 480, tip


def test_buka_opens_a_copy_under_the_files_own_name_and_says_when_nothing_can_open_it(  # noqa: ANN001
        qtbot, make_window, demo_home, dialogs) -> None:
    """The folder keeps files by their SHA-256, with no extension: "Buka" gave that to the computer,
    which (on Windows at least) has no program for it, and nothing was said. Now the computer gets a
    copy under the file's own name, and a computer with no program for it is said so."""
    from pathlib import Path

    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(1)
    panel = w.indicator_page.evidence
    rec = panel.model.records()[0]
    panel.select(rec.id)
    opened: list[Path] = []
    panel.open_url = lambda url: opened.append(Path(url.toLocalFile())) or True
    assert panel.open_current()
    assert opened[0].name == rec.original_name and opened[0].suffix  # "Perda ... .pdf", not a hash
    kept = launcher.session.store.evidence_path(rec)
    assert opened[0].read_bytes() == kept.read_bytes() and opened[0] != kept
    assert not any(kind == "error" for kind, _t, _x in dialogs.asked)
    panel.open_url = lambda url: False  # no program for it on this computer
    assert not panel.open_current()
    assert any(kind == "error" and "tidak punya program untuk membuka" in text and rec.original_name in text
               and "tombol Cetak" not in text
               for kind, _t, text in dialogs.asked)


def test_the_attach_message_is_not_carried_to_the_next_indicator(qtbot, make_window, demo_home,  # noqa: ANN001
                                                                 make_photo, tmp_path) -> None:
    """"1 berkas ditambahkan" under indicator 6's empty list said indicator 6 got a file it did not."""
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(5)
    panel = w.indicator_page.evidence
    with qtbot.waitSignal(panel.import_finished, timeout=30000):
        panel.add_files([make_photo(tmp_path / "pojok-baca.jpg", 800, 600)])
    assert panel.message.isVisible()
    w.open_indicator(6)
    assert panel.message.isHidden()
