"""The clerk's day, end to end: first run, demo, indicator 4, grid, evidence, undo, restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from db.store import Store
from desktop.app import Launcher
from tests.ui.test_first_run import pick
from ui.app_settings import AppSettings
from ui.entry.grid_model import DisaggregatedGridModel


def type_in_cell(view, index, text: str) -> None:  # noqa: ANN001
    """Select a cell, type as a clerk does (the first key opens the editor), press Enter."""
    view.setCurrentIndex(index)
    QTest.keyClicks(view, text[0])
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_first_run_demo_then_a_full_indicator_and_restart(qtbot, tmp_path: Path, dialogs, make_photo) -> None:  # noqa: ANN001
    data_dir = tmp_path / "data"
    settings_path = data_dir / "kla-desktop.ini"
    launcher = Launcher(data_dir=data_dir, workspace=None, settings=AppSettings(settings_path), dialogs=dialogs)
    assert launcher.start()
    first = launcher.first_run
    assert first is not None and first.isVisible()
    qtbot.addWidget(first)
    # DP3AKB's setup file option is there; the demo button makes the demo in the background.
    assert "DP3AKB" in first.setup_button.text()
    first.operator.setText("Siti Rahmawati")
    qtbot.mouseClick(first.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launcher.window is not None or first.error.isVisible(), timeout=30000)
    assert launcher.window is not None, first.error.text()
    window = launcher.window
    qtbot.addWidget(window)
    home = launcher.session.home
    assert home.parent == data_dir and Store.exists(home)
    assert window.header.operator.text() == "Siti Rahmawati"
    assert "Margo Mulyo" in window.header.title.text()

    # Indicator 4: the grid of children with a birth certificate, by sex and age band.
    window.open_indicator(4)
    assert window.current_page() == "indicators"
    form = window.indicator_page.form
    assert form.indicator_no == 4
    view, model = form.grids[0]
    qtbot.waitUntil(view.isVisible)  # widgets added to a shown page appear at the next event loop turn
    session = launcher.session
    total = model.cell_index("anak_total", "L", "0-60h")
    type_in_cell(view, total, "1.200")
    # Enter moved down to the next typeable cell (Perempuan, same band).
    assert view.currentIndex().row() == total.row() + 1
    type_in_cell(view, model.cell_index("anak_berakta", "L", "0-60h"), "900")
    values = session.store.values(None, session.year, 4)
    assert values[("anak_total", "L", "0-60h")] == 1200
    assert values[("anak_berakta", "L", "0-60h")] == 900
    # The coverage row shows 900 / 1200 = 75% at once.
    pct_row = next(r for r in range(model.rowCount())
                   if model.row_spec(r).item.key == "cakupan_akta" and model.row_spec(r).sex == "L")
    assert model.index(pct_row, total.column()).data() == "75,0%"

    # A part larger than its whole is stored as typed and flagged at the cell with a sentence
    # (save and flag, never drop); correcting it clears the flag.
    type_in_cell(view, model.cell_index("anak_berakta", "L", "0-60h"), "1500")
    cell = model.cell_index("anak_berakta", "L", "0-60h")
    assert cell.data() == "1.500"
    assert session.store.values(None, session.year, 4)[("anak_berakta", "L", "0-60h")] == 1500
    assert cell.data(DisaggregatedGridModel.ErrorRole) is None
    flag = next(f for f in cell.data(DisaggregatedGridModel.FlagRole) if "lebih besar dari" in f)
    assert "(1.500)" in flag and "(1.200)" in flag
    assert flag in model.cell_index("anak_total", "L", "0-60h").data(DisaggregatedGridModel.FlagRole)
    assert not form.flag_list.isHidden() and flag in form.flag_list.text()
    type_in_cell(view, cell, "1000")
    assert not any("lebih besar dari" in f for f in cell.data(DisaggregatedGridModel.FlagRole) or [])
    assert "lebih besar dari" not in form.flag_list.text()
    assert model.index(pct_row, total.column()).data() == "83,3%"

    # Attach a phone photo through the file dialog: downscaled well under 1 MB.
    panel = window.indicator_page.evidence
    before = len(panel.model.records())
    photo = make_photo(tmp_path / "akta-keliling.jpg")
    assert photo.stat().st_size > 1_000_000
    dialogs.files.append([str(photo)])
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert len(result.evidence_ids) == 1 and result.downscaled == 1 and not result.failed
    rec = session.store.evidence(result.evidence_ids[0])
    stored = session.store.evidence_path(rec)
    assert rec.size < 1_000_000 and stored.stat().st_size == rec.size
    img = QImage(str(stored))
    assert max(img.width(), img.height()) == 1600
    assert (session.year, 4) in rec.links
    assert len(panel.model.records()) == before + 1

    # And a scanned document by drag and drop.
    scan = tmp_path / "rekap-akta.pdf"
    from db.demo import make_pdf

    make_pdf(scan, "REKAP AKTA", ["Kelurahan Margo Mulyo"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.dropEvent(drop)
    assert len(blocker.args[0].evidence_ids) == 1
    assert len(panel.model.records()) == before + 2

    # Ctrl+Z undoes the value edits one by one through the store (1000 -> 1500 -> 900).
    view.setFocus()
    window.activateWindow()
    window.undo_action.trigger()
    assert session.store.values(None, session.year, 4)[("anak_berakta", "L", "0-60h")] == 1500
    window.undo_action.trigger()
    assert session.store.values(None, session.year, 4)[("anak_berakta", "L", "0-60h")] == 900
    assert model.index(pct_row, total.column()).data() == "75,0%"

    # Close and start again: no first run; straight into the workspace with everything there.
    window.close()
    launcher2 = Launcher(data_dir=data_dir, workspace=None, settings=AppSettings(settings_path),
                         dialogs=type(dialogs)())
    assert launcher2.start()
    assert launcher2.first_run is None
    w2 = launcher2.window
    qtbot.addWidget(w2)
    s2 = launcher2.session
    assert s2.home == home
    values = s2.store.values(None, s2.year, 4)
    assert values[("anak_total", "L", "0-60h")] == 1200 and values[("anak_berakta", "L", "0-60h")] == 900
    names = {e.original_name for e in s2.store.evidence_list(None, s2.year, 4)}
    assert {"akta-keliling.jpg", "rekap-akta.pdf"} <= names
    w2.open_indicator(4)
    qtbot.waitUntil(lambda: w2.indicator_page.form.grids[0][0].isVisible())
    assert w2.indicator_page.form.grids[0][1].cell_index("anak_total", "L", "0-60h").data() == "1.200"
    w2.close()


def test_new_workspace_for_a_chosen_kelurahan(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dialogs.texts.append("Budi")  # asked for the operator's name once the window is up
    launcher = Launcher(data_dir=tmp_path / "d", workspace=None,
                        settings=AppSettings(tmp_path / "d" / "kla-desktop.ini"), dialogs=dialogs)
    launcher.start()
    first = launcher.first_run
    qtbot.addWidget(first)
    qtbot.mouseClick(first.new_button, Qt.MouseButton.LeftButton)
    assert first.pages.currentIndex() == first.PAGE_UNIT
    pick(qtbot, first.unit_picker, "lamaru", "64.71.01.1002")
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    assert "Kelurahan Lamaru, Kecamatan Balikpapan Timur, Kota Balikpapan (Kalimantan Timur)" in dialogs.asked[0][2]
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    qtbot.waitUntil(lambda: launcher.session.store.operator == "Budi")
    assert "Lamaru" in launcher.window.header.title.text()
    assert launcher.session.store.kelurahan_code == "64.71.01.1002"
    launcher.window.close()


def test_setup_option_reflects_availability(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    from ui.firstrun.first_run_dialog import FirstRunDialog

    dlg = FirstRunDialog(lambda kind, code: tmp_path / kind, dialogs, setup_available=False)
    qtbot.addWidget(dlg)
    assert not dlg.setup_button.isEnabled()
    assert dlg.setup_button.toolTip() == "Segera tersedia"


def test_demo_kelurahan_is_margo_mulyo() -> None:
    from ui.firstrun.first_run_dialog import DEMO_KELURAHAN

    assert DEMO_KELURAHAN == "64.71.02.1005"
