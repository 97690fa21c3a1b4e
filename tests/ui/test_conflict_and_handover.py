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
    assert page.keep_held.isEnabled() and page.keep_incoming.isEnabled() and page.compare_button.isEnabled()
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
    # Nothing left to decide: the buttons say so by being off (they stayed on over an empty list).
    assert not page.keep_held.isEnabled() and not page.keep_incoming.isEnabled()
    assert not page.compare_button.isEnabled()
    # The row left the list without a word: the page now says what was decided and what follows.
    assert not page.conflict_said.isHidden()
    assert page.conflict_said.text() == (f"Konflik Manggar, isian indikator {IND} (data tahun {YEAR}): versi kiriman "
                                         "dipakai. Pengirimnya diberi tahu lewat tanda terima berikutnya.")


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


def test_a_grid_conflict_reads_in_the_grids_order_with_words_not_codes(qtbot, world, tmp_path: Path, dialogs) -> None:  # noqa: ANN001, F811
    """Seen under Xvfb: "dua komputer Kelurahan Kelurahan Manggar", the status as 'draft'/'ready', and the
    cells sorted by their keys (0–60 hari, 1–<5, 12–<18, 5–<12, 61 hari–<1)."""
    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    bands = [b.key for b in city.template.age_bands["akta"]]
    for n, band in enumerate(bands):
        world.a.set_value(None, YEAR, 4, "anak_total", 100 + n, sex="L", age=band)
        for sex in ("L", "P"):
            a2.set_value(None, YEAR, 4, "anak_total", 200 + n, sex=sex, age=band)
            a2.set_value(None, YEAR, 4, "anak_berakta", 150 + n, sex=sex, age=band)
    a2.set_status(None, YEAR, 4, "ready")
    single(imp(city, export(world.a, tmp_path / "1").parts[0].path))
    assert single(imp(city, export(a2, tmp_path / "2").parts[0].path)).counts["conflict"] == 1
    page = InboxPage(CitySession(city, dialogs=dialogs), list_drives=lambda: [])
    qtbot.addWidget(page)
    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    dlg = page.compare_selected()
    head = dlg.findChildren(type(dlg.summary))[0].text()
    assert "dua komputer Kelurahan Manggar." in head and "Kelurahan Kelurahan" not in head
    t = dlg.table
    cells = [[t.item(r, c).text() for c in range(4)] for r in range(t.rowCount())]
    assert cells[0][0] == "≠ Status (draf/siap)" and cells[0][2:] == ["Draf", "Siap dikirim"]
    labels = {b.key: b.label for b in city.template.age_bands["akta"]}
    shown = [row[1] for row in cells[1:] if row[0].startswith("≠ Jumlah anak")]
    assert shown == [f"laki-laki · {labels[b]}" for b in bands] + [f"perempuan · {labels[b]}" for b in bands]
    # The items in the template's order: every "Jumlah anak" cell before any "Anak yang memiliki akta" one.
    items = [row[0] for row in cells[1:]]
    assert max(i for i, x in enumerate(items) if "Jumlah anak" in x) < min(i for i, x in enumerate(items) if "akta" in x)
    # Each item's name whole in its column, also beside a long note in the versions' columns (the
    # column was squeezed to "Ana…" for every "Anak ..." item).
    a2.set_notes(None, YEAR, 4, "Data dari Disdukcapil per 30 Juni 2026, belum termasuk pindahan RT 12. " * 3)
    single(imp(city, export(a2, tmp_path / "3").parts[0].path))
    page.reload_pending()
    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    dlg = page.compare_selected()
    dlg.show()
    qtbot.waitExposed(dlg)
    t = dlg.table
    fm = t.fontMetrics()
    widest = max(fm.horizontalAdvance(t.item(r, 0).text()) for r in range(t.rowCount()))
    assert t.columnWidth(0) >= widest


def test_an_imported_row_says_how_many_of_its_conflicts_are_still_open(qtbot, world, tmp_path: Path, dialogs) -> None:  # noqa: ANN001, F811
    """Seen by a DP3AKB officer: the import's row kept saying "2 konflik" after both were decided. The import
    stays as it was (history); its words say where its conflicts stand now."""
    from PySide6.QtCore import Qt

    from ui.city.inbox_models import CONFLICT_BG, ImportReportModel

    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    for store, n in ((world.a, 111), (a2, 222)):
        store.set_value(None, YEAR, IND, ITEM, n)
        store.set_notes(None, YEAR, 4, f"catatan {n}")
    single(imp(city, export(world.a, tmp_path / "1").parts[0].path))
    second = export(a2, tmp_path / "2").parts[0].path
    page = InboxPage(CitySession(city, dialogs=dialogs), list_drives=lambda: [])
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.check([second])
    m = page.report_model
    content = (0, ImportReportModel.COL_CONTENT)
    assert "2 konflik" in m.index(*content).data()  # a dry run: nothing recorded, the plain count
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.apply_import()
    assert m.index(0, ImportReportModel.COL_RESULT).data() == "Diimpor"
    assert m.index(*content).data().endswith("2 konflik belum diputuskan")
    assert m.index(*content).data(Qt.ItemDataRole.BackgroundRole) == CONFLICT_BG
    assert page.conflict_model.rowCount() == 2

    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    assert page.resolve_selected("held")
    assert m.index(*content).data().endswith("1 dari 2 konflik belum diputuskan")
    tip = m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "konflik, sudah diputuskan DP3AKB" in tip and "konflik, menunggu keputusan DP3AKB" in tip

    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    dlg = page.compare_selected()
    with qtbot.waitSignal(dlg.resolved):
        dlg.keep_incoming.click()
    assert m.index(*content).data().endswith("2 konflik (sudah diputuskan)")
    assert m.index(*content).data(Qt.ItemDataRole.BackgroundRole) != CONFLICT_BG  # nothing waits on it now
    tip = m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "menunggu keputusan" not in tip and tip.count("konflik, sudah diputuskan DP3AKB") == 2
    # The import itself is history: what it brought is recorded as it was.
    rep = m.index(0, 0).data(ImportReportModel.RecordRole)
    assert rep.counts["conflict"] == 2
    logged = [b for b in city.sync.bundle_log("in") if b.bundle_id == rep.bundle_id]
    assert logged and logged[0].summary["counts"]["conflict"] == 2


def test_a_conflict_says_who_in_words_when_no_clerk_was_named_and_where_each_version_came_from(
        qtbot, world, tmp_path: Path, dialogs) -> None:  # noqa: ANN001, F811
    """Seen with a value saved by 'kla entry set' without --operator: "Diubah oleh: (tanpa nama)". Said as a
    clerk says it, with the PC and the unit it came from; DP3AKB's own version (typed there, as the demo's)
    was called a second PC of the kelurahan."""
    city, a = world.city, world.a
    single(imp(city, export(a, tmp_path / "0").parts[0].path))
    receipt_to(world, a, tmp_path / "rc0")
    ind = city.template.indicator(19)
    item = next(it.key for it in ind.items if it.type in ("int", "number", "count") and not it.sex)
    city.set_value(KEL_A, YEAR, 19, item, 40)  # held at DP3AKB, from no bundle
    a.operator = ""  # kla entry set without --operator
    a.set_setting("device_name", "PC-KASI-PEM")
    a.set_value(None, YEAR, 19, item, 41)
    rep = single(imp(city, export(a, tmp_path / "1").parts[0].path))
    assert rep.counts["conflict"] == 1
    page = InboxPage(CitySession(city, dialogs=dialogs), list_drives=lambda: [])
    qtbot.addWidget(page)
    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    dlg = page.compare_selected()
    held, incoming = dlg.held_info.text(), dlg.incoming_info.text()
    assert "(tanpa nama)" not in held + incoming
    assert "Diubah oleh: petugas tidak tercatat" in incoming
    assert "Komputer: PC-KASI-PEM (Kelurahan Manggar), kiriman no. 2" in incoming
    assert "Diubah oleh: op-city" in held and "Komputer: DP3AKB (tidak datang dari kiriman Kelurahan Manggar)" in held
    head = dlg.findChildren(type(dlg.summary))[0].text()
    assert head.startswith("Isian ini diubah di DP3AKB dan di komputer Kelurahan Manggar.")


def test_an_evidence_conflict_reads_in_words(qtbot, world, tmp_path: Path, dialogs) -> None:  # noqa: ANN001, F811
    """Two PCs described one file differently: the rows say its size in KB, its date as typed,
    its kind and the indicators it supports in words, never bytes, codes or [2025, 3]."""
    a, city = world.a, world.city
    src = tmp_path / "sk-gugus-tugas.pdf"
    src.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    rec = a.add_evidence(None, src, links=[(YEAR, IND)], kind="sk", doc_date="2025-03-17").record
    single(imp(city, export(a, tmp_path / "0").parts[0].path))
    receipt_to(world, a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    a = world.a  # opened again by _second_pc
    a.update_evidence(rec.id, caption="SK Gugus Tugas KLA")
    a2.update_evidence(rec.id, caption="SK lama", doc_date="2024-12-01")
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    assert single(imp(city, export(a2, tmp_path / "2").parts[0].path)).counts["conflict"] == 1
    session = CitySession(city, dialogs=dialogs)
    page = InboxPage(session, list_drives=lambda: [])
    qtbot.addWidget(page)
    page.conflict_view.setCurrentIndex(page.conflict_model.index(0, 0))
    dlg = page.compare_selected()
    t = dlg.table
    rows = {t.item(r, 0).text().lstrip("≠ "): (t.item(r, 2).text(), t.item(r, 3).text()) for r in range(t.rowCount())}
    assert rows["Ukuran"] == ("5 KB", "5 KB")
    assert rows["Tanggal dokumen"] == ("17-03-2025", "01-12-2024")
    assert rows["Keterangan"] == ("SK Gugus Tugas KLA", "SK lama")
    assert rows["Indikator terkait"] == (f"Indikator {IND} (data {YEAR})",) * 2
    assert "[" not in rows["Indikator terkait"][0] and "sk" != rows["Jenis"][0]
