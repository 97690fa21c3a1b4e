"""Keyboard and state as a clerk meets them (issue 8): undo for what was added or deleted, one
activity per click however fast, disabled controls that look disabled and say why, flags in Beranda."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from exports.usb import Volume
from ui.outbox.export_wizard import DEST_DRIVE, ExportWizard


def test_a_double_click_on_kegiatan_baru_makes_one_activity_and_ctrl_z_takes_it_back(
        qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.show_page("activities")
    page = w.activities_page
    before = len(s.store.activities(None, s.year))
    QTest.mouseDClick(page.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(s.store.activities(None, s.year)) == before + 1
    # Once its title is typed, the button makes the next one.
    page.title_edit.setFocus()
    QTest.keyClicks(page.title_edit, "Sosialisasi akta")
    QTest.keyClick(page.title_edit, Qt.Key.Key_Return)
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(s.store.activities(None, s.year)) == before + 2
    w.undo_action.trigger()
    assert [a.title for a in s.store.activities(None, s.year)] == ["Sosialisasi akta"]
    w.redo_action.trigger()
    assert len(s.store.activities(None, s.year)) == before + 2


def test_ctrl_z_takes_back_a_new_facility(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.show_page("facilities")
    page = w.facilities_page
    # However the clerk clicks: two clicks in a row, a double click.
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseDClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(s.store.facilities()) == 1
    w.undo_action.trigger()
    assert s.store.facilities() == []
    assert "Tambah fasilitas" in w.statusBar().currentMessage()


def test_ctrl_z_brings_back_evidence_deleted_for_good(qtbot, make_window, empty_home, tmp_path: Path) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(2)
    doc = tmp_path / "sk-tim.pdf"
    doc.write_bytes(b"%PDF-1.4\n% SK Tim KLA\n")
    rec = s.store.add_evidence(None, doc, links=[(s.year, 2)], kind="sk", caption="SK Tim KLA", doc_number="7/2026").record
    s.evidence_changed((2,), (rec.id,))
    panel = w.indicator_page.evidence
    assert panel.remove(rec.id)
    assert s.store.evidence_list(None, s.year, 2) == []
    w.undo_action.trigger()
    [back] = s.store.evidence_list(None, s.year, 2)
    assert (back.caption, back.kind, back.doc_number, back.original_name) == ("SK Tim KLA", "sk", "7/2026", "sk-tim.pdf")
    assert s.store.evidence_path(back).read_bytes() == doc.read_bytes()
    assert len(panel.model.records()) == 1
    w.redo_action.trigger()
    assert s.store.evidence_list(None, s.year, 2) == []


def test_a_disabled_button_looks_disabled_and_says_why(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w = launcher.window
    on, off = QPushButton("Buat kiriman"), QPushButton("Buat kiriman")
    off.setEnabled(False)
    for b in (on, off):
        qtbot.addWidget(b)
        b.resize(160, 32)
    assert on.grab().toImage() != off.grab().toImage()  # what the clerk sees differs
    # The wizard without a flashdisk: "Buat kiriman" is disabled, and the line beside it says why.
    wizard = ExportWizard(launcher.session, w, list_drives=lambda: [])
    qtbot.addWidget(wizard)
    wizard.set_destination(DEST_DRIVE)
    wizard.show()
    assert not wizard.next_button.isEnabled()
    assert wizard.next_why.isVisible() and "Colokkan flashdisk" in wizard.next_why.text()
    assert "Colokkan flashdisk" in wizard.next_button.toolTip()
    wizard.list_drives = lambda: [Volume("/media/FLASH", "FLASH", 4 * 1024**3, 8 * 1024**3)]
    wizard.refresh_drives()
    assert wizard.next_button.isEnabled() and not wizard.next_why.isVisible()


def test_beranda_lists_a_flagged_indicator_with_the_sentence(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    s.set_value(4, "anak_total", 10, "L", "1-4")
    s.set_value(4, "anak_berakta", 12, "L", "1-4")
    home = w.home_page
    line = next(home.todo.item(i) for i in range(home.todo.count()) if home.todo.item(i).text().startswith("4."))
    assert "1 angka perlu diperiksa" in line.text()
    assert "lebih besar dari" in line.toolTip() and "anak_berakta" not in line.toolTip()


def test_one_file_ticks_one_requirement(qtbot, make_window, empty_home, dialogs, tmp_path: Path) -> None:  # noqa: ANN001
    """Indicator 2 asks for "SK Gugus Tugas" and "SK PATBM": the SK attached to one ticks that one only."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from db.demo import make_pdf

    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(2)
    panel = w.indicator_page.evidence
    rows = panel.req_rows
    assert list(rows) == [r.key for r in s.template.indicator(2).evidence]
    patbm = tmp_path / "sk-patbm.pdf"
    make_pdf(patbm, "SK PATBM", ["Kelurahan Margo Mulyo"])
    dialogs.files.append([str(patbm)])
    with qtbot.waitSignal(panel.import_finished, timeout=30000):
        QTest.mouseClick(rows["sk_2"].button, Qt.MouseButton.LeftButton)
    assert "SK PATBM" in dialogs.asked[-1][1]  # the file dialog names the requirement
    gaps = {g.key: g for g in s.indicator_status(2).evidence}
    assert gaps["sk_2"].satisfied and not gaps["sk"].satisfied
    assert "terpenuhi" in rows["sk_2"].text.text() and "sk-patbm.pdf" in rows["sk_2"].files.text()
    assert "belum ada" in rows["sk"].text.text()
    # A file dropped on the "SK Gugus Tugas" row ticks that one.
    tim = tmp_path / "sk-tim.pdf"
    make_pdf(tim, "SK TIM", ["Kelurahan Margo Mulyo"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tim))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.import_finished, timeout=30000):
        rows["sk"].dropEvent(drop)
    gaps = {g.key: g for g in s.indicator_status(2).evidence}
    assert gaps["sk"].satisfied and gaps["sk_2"].satisfied
    assert len(gaps["sk"].evidence_ids) == len(gaps["sk_2"].evidence_ids) == 1
    # The selected file says what it is for, and the clerk can change it.
    rec = s.store.evidence(gaps["sk"].evidence_ids[0])
    panel.select(rec.id)
    assert panel.req_edit.currentData() == "sk"
    i = panel.req_edit.findData("sk_2")
    panel.req_edit.setCurrentIndex(i)
    panel.req_edit.activated.emit(i)
    gaps = {g.key: g for g in s.indicator_status(2).evidence}
    assert not gaps["sk"].satisfied and len(gaps["sk_2"].evidence_ids) == 2
