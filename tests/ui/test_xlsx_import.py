"""The Excel form on the Indikator page: download it, drop it back filled, see the dry run, apply, undo."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from exports import xlsx_form


def _row(ws, token: str) -> int:  # noqa: ANN001
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == token:
            return r
    raise AssertionError(token)


def _drop(widget, path: Path) -> tuple[bool, bool]:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_download_then_drop_a_filled_form_and_apply_as_one_undo_step(qtbot, qtmodeltester, make_window, demo_home,
                                                                      dialogs, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(4)
    page = w.indicator_page
    buttons = page.xlsx
    assert buttons.download_button.text() == "Unduh formulir Excel"
    assert buttons.import_button.text() == "Impor dari Excel"

    # "Unduh formulir Excel" > this indicator: the clerk picks where to save it.
    target = tmp_path / "flashdisk" / "formulir.xlsx"
    target.parent.mkdir()
    asked: list[str] = []
    dialogs.save_file = lambda parent, title, suggested="", name_filter="", kind="": (
        asked.append(f"{kind}:{suggested}") or str(target))
    task = buttons.download(one=True)
    assert task is not None
    qtbot.waitUntil(lambda: not task.running and target.exists(), timeout=20000)
    # A file name only: the dialog opens in the folder last used for spreadsheets (else Documents).
    assert asked and asked[0].startswith("spreadsheet:Formulir KLA") and asked[0].endswith(".xlsx")
    assert "Margo Mulyo" in asked[0] and "/" not in asked[0]
    assert "Formulir tersimpan" in buttons.note.text()
    plan = xlsx_form.read_form(target)
    assert plan.indicators == (4,) and plan.data_year == s.year

    # Filled on another PC: two counts changed (one typed as text with a thousands dot), one invalid.
    before = dict(s.store.values(None, s.year, 4))
    wb = load_workbook(target)
    ws = wb["4. Akta Kelahiran"]
    r = _row(ws, "kla|row|anak_total|L")
    ws.cell(r, 6, "1.030")  # 5-<12 tahun
    ws.cell(r, 7, 850)  # 12-<18 tahun
    ws.cell(_row(ws, "kla|row|anak_kia|P"), 3, "banyak")
    wb.save(target)

    enter_ok, drop_ok = _drop(page, target)
    assert enter_ok and drop_ok
    qtbot.waitUntil(lambda: buttons.dialog is not None and buttons.dialog.isVisible(), timeout=20000)
    dlg = buttons.dialog
    qtmodeltester.check(dlg.model)
    refs = dlg.visible_refs()
    assert f"4. Akta Kelahiran!F{r}" in refs and f"4. Akta Kelahiran!G{r}" in refs
    assert any(ref.endswith(f"!C{_row(ws, 'kla|row|anak_kia|P')}") for ref in refs)
    kinds = {dlg.proxy.index(i, 0).data() for i in range(dlg.proxy.rowCount())}
    assert {"Berubah", "Tidak sah"} <= kinds
    texts = " ".join(dlg.proxy.index(i, 4).data() for i in range(dlg.proxy.rowCount()))
    assert "'banyak' bukan angka" in texts
    assert "anak_total" not in " ".join(dlg.proxy.index(i, 2).data() for i in range(dlg.proxy.rowCount()))
    assert dlg.apply_button.text() == "Terapkan 2 perubahan"
    # The dry run changed nothing.
    assert s.store.values(None, s.year, 4) == before

    steps = s.undo_stack.count()
    dlg.apply_button.click()
    qtbot.waitUntil(lambda: buttons.dialog is None, timeout=20000)
    after = s.store.values(None, s.year, 4)
    assert after[("anak_total", "L", "5-11")] == 1030 and after[("anak_total", "L", "12-17")] == 850
    assert s.undo_stack.count() == steps + 1
    assert "Ctrl+Z" in buttons.note.text()
    # The grid on screen shows the imported values (the broadcast reached the form).
    view, model = page.form.grids[0]
    assert model.cell_index("anak_total", "L", "5-11").data() == "1.030"

    # One undo step undoes the whole import; redo brings it back.
    s.undo_stack.undo()
    assert s.store.values(None, s.year, 4) == before
    assert model.cell_index("anak_total", "L", "5-11").data() != "1.030"
    s.undo_stack.redo()
    assert s.store.values(None, s.year, 4)[("anak_total", "L", "12-17")] == 850


def test_a_form_of_another_year_is_refused_with_the_reason(qtbot, make_window, demo_home, dialogs,
                                                           tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    s = launcher.session
    other = next(y for y in s.store.data_years() if y != s.year)
    path = xlsx_form.write_form(xlsx_form.collect_form(s.store, other, [2]), tmp_path / "lama.xlsx")
    buttons = launcher.window.indicator_page.xlsx
    dialogs.file = [str(path)]
    buttons.import_button.click()
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _t, _x in dialogs.asked), timeout=20000)
    title, text = next((t, x) for kind, t, x in dialogs.asked if kind == "error")
    assert title == "Formulir tidak bisa diimpor"
    assert f"tahun data {other}" in text and "Tidak ada yang diubah" in text
    assert buttons.dialog is None


def test_a_dropped_file_that_is_not_a_workbook_is_left_to_others(qtbot, make_window, demo_home, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    page = launcher.window.indicator_page
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    enter_ok, _drop_ok = _drop(page, photo)
    assert not enter_ok
    assert page.xlsx.task is None


def test_a_foreign_recap_is_mapped_once_and_the_mapping_is_reused_next_year(qtbot, make_window, empty_home, dialogs,
                                                                              tmp_path) -> None:  # noqa: ANN001
    from openpyxl import Workbook

    from exports.xlsx_mapping import Target, saved_mappings

    launcher = make_window(empty_home)
    s = launcher.session
    buttons = launcher.window.indicator_page.xlsx

    def recap(path: Path, rows: list[list[object]]) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.title = "Rekap Akta"
        for row in rows:
            ws.append(row)
        wb.save(path)
        return path

    first = recap(tmp_path / "rekap-2025.xlsx", [
        ["REKAP KEPEMILIKAN AKTA KELAHIRAN", None, None],
        ["Kelurahan", "Anak L 0-60 hari", "Anak P 0-60 hari"],
        ["Manggar", 40, 41],
        ["Margo Mulyo", 23, "1.025"],
    ])
    buttons.start_import(first)
    qtbot.waitUntil(lambda: buttons.mapping_dialog is not None and buttons.mapping_dialog.isVisible(), timeout=20000)
    dlg = buttons.mapping_dialog
    assert dlg.header_spin.value() == 2 and dlg.key_combo.currentText() == "Kelurahan"
    assert dlg.row_combo.currentText() == "Margo Mulyo"  # this workspace's kelurahan, found by name
    dlg.indicator_combo.setCurrentIndex(dlg.indicator_combo.findData(4))
    assert dlg.table.item(0, dlg.COL_SAMPLE).text() == "23"
    labels = [dlg.target_combo("Anak L 0-60 hari").itemText(i) for i in range(3)]
    assert labels[1] == "Jumlah anak \u2014 Laki-laki, 0\u201360 hari" and "anak_total" not in " ".join(labels)
    dlg.choose("Anak L 0-60 hari", Target(4, "anak_total", "L", "0-60h"))
    dlg.choose("Anak P 0-60 hari", Target(4, "anak_total", "P", "0-60h"))
    dlg.name_edit.setText("Rekap Disdukcapil")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: buttons.dialog is not None and buttons.dialog.isVisible(), timeout=20000)
    assert "Rekap Disdukcapil" in buttons.dialog.notices.text()
    assert buttons.dialog.visible_refs() == ["Rekap Akta!B4", "Rekap Akta!C4"]
    buttons.dialog.apply_button.click()
    qtbot.waitUntil(lambda: buttons.dialog is None, timeout=20000)
    values = s.store.values(None, s.year, 4)
    assert values[("anak_total", "L", "0-60h")] == 23 and values[("anak_total", "P", "0-60h")] == 1025
    assert list(saved_mappings(s.store)) == ["Rekap Disdukcapil"]

    # Next year: a title row more, the columns swapped, another kelurahan first. No questions asked.
    second = recap(tmp_path / "rekap-2026.xlsx", [
        ["REKAP KEPEMILIKAN AKTA KELAHIRAN", None, None],
        ["Sumber: Disdukcapil", None, None],
        ["Anak P 0-60 hari", "Kelurahan", "Anak L 0-60 hari"],
        [1, "Manggar", 2],
        [30, "Margo  Mulyo", 31],
    ])
    buttons.start_import(second)
    qtbot.waitUntil(lambda: (buttons.dialog is not None and buttons.dialog.isVisible()) or buttons.mapping_dialog
                    is not None or bool(dialogs.asked), timeout=20000)
    assert not dialogs.asked, dialogs.asked
    assert buttons.mapping_dialog is None
    refs = buttons.dialog.visible_refs()
    assert sorted(refs) == ["Rekap Akta!A5", "Rekap Akta!C5"]
    buttons.dialog.apply_button.click()
    qtbot.waitUntil(lambda: buttons.dialog is None, timeout=20000)
    values = s.store.values(None, s.year, 4)
    assert values[("anak_total", "L", "0-60h")] == 31 and values[("anak_total", "P", "0-60h")] == 30
