"""Review with facts (issue 10): a conflict shows both versions side by side with their values,
who changed them, when and on which PC; the inbox checks a handover paper's code."""

from __future__ import annotations

from pathlib import Path

from exports import handover
from tests.exports.conftest import KEL_A, enrolled_template, world  # noqa: F401 - fixtures
from tests.exports.test_bundles import IND, ITEM, YEAR, _second_pc, export, imp, receipt_to, single
from ui.city.conflict_dialog import ConflictDialog
from ui.city.inbox_models import ConflictModel
from ui.city.inbox_page import InboxPage
from ui.city.session import CitySession


def test_conflict_view_shows_both_values_who_when_and_which_pc(qtbot, world, tmp_path: Path, dialogs) -> None:  # noqa: ANN001, F811
    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    a = world.a
    a.set_value(None, YEAR, IND, ITEM, 111)
    a2.operator = "Budi (PC kedua)"
    a.set_setting("device_name", "PC-KASI-PEM")
    a2.set_setting("device_name", "LAPTOP-SEKLUR")
    a2.set_value(None, YEAR, IND, ITEM, 222)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    rep = single(imp(city, export(a2, tmp_path / "2").parts[0].path))
    assert rep.counts["conflict"] == 1
    session = CitySession(city, dialogs=dialogs)
    page = InboxPage(session, list_drives=lambda: [])
    qtbot.addWidget(page)
    m = page.conflict_model
    assert m.rowCount() == 1
    assert m.index(0, ConflictModel.COL_ITEM).data() == f"isian indikator {IND} (data tahun {YEAR})"
    assert m.index(0, ConflictModel.COL_DEVICE).data() == "komputer LAPTOP-SEKLUR"  # its name, not id digits
    page.conflict_view.setCurrentIndex(m.index(0, 0))
    dlg = page.compare_selected()
    assert isinstance(dlg, ConflictDialog)
    label = city.template.indicator(IND).item(ITEM).label
    t = dlg.table
    cells = [[t.item(r, c).text() for c in range(4)] for r in range(t.rowCount())]
    assert [f"≠ {label}", "", "111", "222"] in cells
    assert dlg.view.differences >= 1 and "berbeda" in dlg.summary.text()
    held, incoming = dlg.held_info.text(), dlg.incoming_info.text()
    assert "op-a" in held and "Budi (PC kedua)" in incoming
    assert "Komputer: PC-KASI-PEM" in held and "Komputer: LAPTOP-SEKLUR" in incoming
    assert "Diubah pada:" in held and "Diterima DP3AKB:" in incoming
    with qtbot.waitSignal(dlg.resolved):
        dlg.keep_incoming.click()
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 222
    assert m.rowCount() == 0


def test_inbox_checks_a_handover_paper(qtbot, world, tmp_path: Path, dialogs) -> None:  # noqa: ANN001, F811
    city, a = world.city, world.a
    out = export(a, tmp_path / "out")
    code = handover.from_log(a).digest
    session = CitySession(city, dialogs=dialogs)
    page = InboxPage(session, list_drives=lambda: [])
    qtbot.addWidget(page)
    page.handover_code.setText(handover.grouped(code[:16]))
    assert not page.check_handover() and page.handover_result.text().startswith("TIDAK COCOK")
    imp(city, *[p.path for p in out.parts])
    assert page.check_handover()
    assert page.handover_result.text().startswith("COCOK: lembar ini milik kiriman no. 1 Kelurahan Manggar")
    page.handover_code.setText("12ab")
    assert not page.check_handover() and "terlalu pendek" in page.handover_result.text()
