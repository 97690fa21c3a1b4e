"""The Template page of the DP3AKB window (issue 12): the editor's models without widgets, then the page in
the real window: edit a draft, see the diff, save it as PDF, publish; the kelurahan migrates through its next
receipt with every value kept; refusals change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.store import Store
from exports import receipts
from tests.db.conftest import table_dump
from tests.exports.conftest import KEL_A, enrolled_template, world  # noqa: F401 - fixtures
from tests.exports.test_bundles import export as export_bundle
from tests.exports.test_bundles import imp, single
from ui.city.city_window import CityWindow
from ui.city.session import CitySession
from ui.city.template_forms import TemplateForms
from ui.city.template_model import (
    DRAFT_COLOUR,
    BandsModel,
    EvidenceModel,
    IndicatorTreeModel,
    ItemsModel,
    RulesModel,
    TemplateEditor,
    make_key,
)
from ui.city.template_page import TemplatePage

NEW_LABEL = "Rapat Gugus Tugas KLA dalam setahun"
VIDEO = {"label": "Video Forum Anak di Musrenbang", "kind": "video", "min_count": 1, "max_age_years": 2,
         "required": False}


class ScriptedForms(TemplateForms):
    """Forms that answer from queues (None: cancelled), recording what was asked."""

    def __init__(self) -> None:
        self.answers: dict[str, list[Any]] = {}
        self.asked: list[str] = []

    def _next(self, name: str) -> Any:
        self.asked.append(name)
        queue = self.answers.get(name) or []
        return queue.pop(0) if queue else None

    def item(self, parent, t, item=None):  # noqa: ANN001, ANN201
        return self._next("item")

    def evidence(self, parent, ev=None):  # noqa: ANN001, ANN201
        return self._next("evidence")

    def rule(self, parent, t, rule=None):  # noqa: ANN001, ANN201
        return self._next("rule")

    def bands(self, parent, cats):  # noqa: ANN001, ANN201
        return self._next("bands")

    def pick(self, parent, title, intro, choices, target_label, checked, target_optional=False):  # noqa: ANN001, ANN201
        return self._next("pick")

    def item_range(self, parent, item):  # noqa: ANN001, ANN201
        return self._next("range")


@pytest.fixture
def city(tmp_path: Path):  # noqa: ANN201
    store = Store.create(tmp_path / "city", "city", operator="Admin")
    yield store
    store.close()


# ---------------------------------------------------------------------------- models, no widget


def test_editor_and_models_without_widgets(qtmodeltester, city: Store, dialogs) -> None:  # noqa: ANN001
    session = CitySession(city, dialogs=dialogs)
    ed = TemplateEditor(session)
    assert not ed.editing and ed.shown is city.template
    assert ed.start() is None and ed.editing and ed.draft.version == 2
    assert ed.replace_item(2, "rapat_tim", NEW_LABEL) is None
    key = make_key(NEW_LABEL, set())
    assert [i.key for i in ed.shown.indicator(2).items].count(key) == 1
    assert ed.add_item(2, "Jumlah RW Ramah Anak", "count", required=True) is None
    assert ed.add_evidence(6, VIDEO["label"], "video", 1, 2, False) is None
    assert ed.set_weight(2, ed.shown.indicator(2).weight + 10) is None
    assert ed.problems(None) == ["Jumlah bobot semua indikator 1.010, seharusnya 1.000. Ubah bobot indikator lain "
                                 "sampai jumlahnya 1.000."]

    # A refused edit: a sentence without keys, the draft unchanged.
    before = table_dump(city)
    text = ed.retire_item(23, "anak_disabilitas")
    assert text is not None and text.startswith("Isian ini adalah keseluruhan dari isian “") and "_" not in text
    assert ed.set_bands([{"key": "a", "label": "Pratama", "min": 500, "max": 600},
                         {"key": "b", "label": "Madya", "min": 650, "max": 1000}], "") == (
        "Kategori “Madya” tidak menyambung dengan “Pratama”: ada nilai di antaranya yang tidak masuk kategori mana "
        "pun. Batas bawahnya harus satu lebih dari batas atas “Pratama”.")
    assert ed.add_item(2, "  ", "count") == "Kata-katanya tidak boleh kosong."
    assert table_dump(city) == before

    items = ItemsModel()
    items.set_indicator(ed.shown, 2)
    qtmodeltester.check(items)
    rows = {items.index(r, 0).data(): r for r in range(items.rowCount())}
    new_row = rows["Jumlah RW Ramah Anak"]
    assert items.index(new_row, ItemsModel.COL_STATUS).data() == "rumusan masih draf"
    assert items.index(new_row, ItemsModel.COL_KIND).data() == "jumlah"
    assert items.index(new_row, 0).data(Qt.ItemDataRole.BackgroundRole) == DRAFT_COLOUR
    assert NEW_LABEL in rows and "Rapat Tim KLA dalam setahun" not in rows
    items.set_indicator(ed.shown, 4)
    disaggregated = [items.index(r, ItemsModel.COL_SPLIT).data() for r in range(items.rowCount())]
    assert any(d.startswith("L/P · umur ") for d in disaggregated)

    evidence = EvidenceModel()
    evidence.set_indicator(ed.shown, 6)
    qtmodeltester.check(evidence)
    last = evidence.rowCount() - 1
    assert [evidence.index(last, c).data() for c in range(5)] == [
        VIDEO["label"], "video", "1", "paling lama 2 tahun", "tidak wajib"]
    rules = RulesModel()
    rules.set_template(ed.shown)
    qtmodeltester.check(rules)
    assert rules.rowCount() == 2 and "≤" in rules.index(1, RulesModel.COL_COMPARE).data()
    bands = BandsModel()
    bands.set_template(ed.shown)
    qtmodeltester.check(bands)
    assert [bands.index(r, 0).data() for r in range(bands.rowCount())] == [
        "Pratama", "Madya", "Nindya", "Utama", "Paripurna"]
    assert bands.index(4, BandsModel.COL_TO).data() == "1.000"
    tree = IndicatorTreeModel()
    tree.set_template(ed.shown, ed.indicators_with_problems(), bool(ed.problems(None)))
    assert "(draf)" in tree.index_of(2).data() and tree.index_of("rules").data().endswith("(!)")

    sections = dict(ed.diff_sections())
    assert "Isian “Rapat Tim KLA dalam setahun” diganti “Rapat Gugus Tugas KLA dalam setahun”." in \
        sections["Indikator 2 Terlembaga KLA"]
    assert sections["Nilai yang sudah diisi di desa/kelurahan"] == [
        "Nilai yang sudah diisi pada “Rapat Tim KLA dalam setahun” pindah ke “Rapat Gugus Tugas KLA dalam setahun”."]
    assert ed.discard() is None and not ed.editing


def test_make_key_is_stable_and_unique() -> None:
    assert make_key("Rapat Gugus Tugas (KLA)", set()) == "rapat_gugus_tugas_kla"
    assert make_key("Rapat Gugus Tugas (KLA)", {"rapat_gugus_tugas_kla"}) == "rapat_gugus_tugas_kla_2"
    assert make_key("2P: pelopor & pelapor", set()) == "isian_2p_pelopor_pelapor"
    assert make_key("Ünïcödé", set()) == "unicode"


# ---------------------------------------------------------------------------- the page in the window


def _values(store: Store) -> dict[tuple[int, int, str, str, str], Any]:
    out = {}
    for e in store.entries():
        for (key, sex, age), v in store.values(None, e.data_year, e.indicator_no).items():
            out[(e.data_year, e.indicator_no, key, sex, age)] = v
    return out


def _tables(store: Store, *names: str) -> dict[str, list[tuple]]:
    return {n: sorted(tuple(r) for r in store.db.execute(f"SELECT * FROM [{n}]").fetchall()) for n in names}


def test_dp3akb_edits_publishes_and_the_kelurahan_migrates_by_receipt(  # noqa: PLR0915
        qtbot, make_window, world, dialogs, tmp_path: Path) -> None:  # noqa: ANN001, F811
    a = world.a
    year = max(a.current_period().data_years)
    a.set_value(None, year, 2, "rapat_tim", 6)
    single(imp(world.city, export_bundle(a, tmp_path / "b1").parts[0].path))
    world.stores.pop("city").close()  # the window opens the DP3AKB workspace itself
    before = _values(a)
    assert before[(year, 2, "rapat_tim", "", "")] == 6

    launcher = make_window(world.root / "city")
    w = launcher.window
    assert isinstance(w, CityWindow)
    w.show_page("template")
    page = w.template_page
    assert isinstance(page, TemplatePage) and w.current_page() == "template"
    forms = ScriptedForms()
    page.forms = forms
    assert "Berlaku: versi 1" in page.state.text() and not page.indicator_pane.add_item_button.isEnabled()
    page.start_button.click()
    assert page.editor.editing and page.indicator_pane.add_item_button.isEnabled()
    assert "Draf versi 2 sedang disunting" in page.state.text()

    # Replace (rename) an item of indicator 2: its values move.
    page.tree.setCurrentIndex(page.tree_model.index_of(2))
    pane = page.indicator_pane
    assert pane.no == 2
    pane.tabs.setCurrentIndex(1)
    pane.select_item("rapat_tim")
    dialogs.texts.append(NEW_LABEL)
    pane.replace_button.click()
    assert not pane.items_message.isVisible()
    labels = [pane.items_model.index(r, 0).data() for r in range(pane.items_model.rowCount())]
    assert NEW_LABEL in labels and "Rapat Tim KLA dalam setahun" not in labels

    # Change the weight of indicator 2 by typing, as an officer would; the total is off, and it says so.
    pane.tabs.setCurrentIndex(0)
    pane.weight.lineEdit().selectAll()
    qtbot.keyClicks(pane.weight.lineEdit(), "100")
    qtbot.keyClick(pane.weight, Qt.Key.Key_Return)
    assert page.editor.shown.indicator(2).weight == 100
    assert pane.weight_total.text() == "jumlah semua indikator: 1.010 dari 1.000"
    assert "Belum bisa diterbitkan: 1 hal" in page.banner.text()
    page.show_indicator(3)
    pane.weight.setValue(page.editor.shown.indicator(3).weight - 10)
    pane.weight.editingFinished.emit()
    assert not page.banner.isVisible()

    # Add an evidence requirement to indicator 6.
    page.show_indicator(6, tab=2)
    forms.answers["evidence"] = [dict(VIDEO)]
    rows_before = pane.evidence_model.rowCount()
    pane.add_evidence_button.click()
    assert pane.evidence_model.rowCount() == rows_before + 1
    assert pane.evidence_model.index(rows_before, 0).data() == VIDEO["label"]

    # An invalid edit is refused with a sentence next to it, and the draft does not change.
    store = w.session.store
    draft_before = _tables(store, "template_drafts", "templates")
    page.show_indicator(23, tab=1)
    pane.select_item("anak_disabilitas")
    pane.retire_button.click()
    assert pane.items_message.isVisible()
    assert pane.items_message.text().startswith("Isian ini adalah keseluruhan dari isian “")
    assert "anak_" not in pane.items_message.text()
    assert _tables(store, "template_drafts", "templates") == draft_before

    # The diff in words, saved as PDF, then Publish (asked first).
    page.publish_button.click()
    dlg = page.diff_dialog
    assert dlg is not None and dlg.publish_button.isEnabled()
    said = dlg.sentences()
    assert "Isian “Rapat Tim KLA dalam setahun” diganti “Rapat Gugus Tugas KLA dalam setahun”." in said
    assert "Bobot 90 → 100." in said
    assert f"Data dukung baru: “{VIDEO['label']}” (video; 1 berkas; paling lama 2 tahun; tidak wajib)." in said
    assert "Nilai yang sudah diisi pada “Rapat Tim KLA dalam setahun” pindah ke “Rapat Gugus Tugas KLA dalam " \
           "setahun”." in said
    dlg.pdf_button.click()
    qtbot.waitUntil(lambda: page.last_pdf is not None and page.task is None, timeout=30000)
    assert page.last_pdf.read_bytes().startswith(b"%PDF-") and str(page.last_pdf) in dlg.note.text()
    dialogs.confirms.append(True)
    dlg.publish_button.click()
    assert ("confirm", "Terbitkan template") in [(k, t) for k, t, _ in dialogs.asked]
    # Published in the background: the page waits with a bar and Batal, then says it is done.
    assert page.progress.isVisibleTo(page) and not page.panes.isEnabled()
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    assert not page.progress.isVisibleTo(page) and page.panes.isEnabled()
    assert store.template.version == 2 and not page.editor.editing
    assert any(k == "info" and "versi 2 berlaku sekarang" in text for k, _t, text in dialogs.asked)
    assert "Berlaku: versi 2" in page.state.text()
    key = make_key(NEW_LABEL, set())
    assert store.values(KEL_A, year, 2)[(key, "", "")] == 6  # DP3AKB's own copy moved too

    # The kelurahan gets version 2 with its next receipt; every value it typed is still there.
    rs = receipts.write_receipts(store, tmp_path / "rc", KEL_A)
    rep = single(imp(a, rs[0].path))
    assert rep.status == "imported" and rep.summary["template"]["version"] == 2
    assert a.template.version == 2 and a.template.content_hash == store.template.content_hash
    after = _values(a)
    moved = {(y, i, key if (i, k) == (2, "rapat_tim") else k, s, g): v for (y, i, k, s, g), v in before.items()}
    assert after == moved
    assert a.retired_values() == []
    assert a.template.indicator(6).evidence[-1].label == VIDEO["label"]

    # A receipt carrying an older template than the one installed changes nothing of it: DP3AKB restored a
    # backup from before publishing (its numbers are carried on, so the receipt is newer, the template older).
    backup = Path(next(text for k, _t, text in dialogs.asked if k == "info").rsplit("Cadangan: ", 1)[1])
    w.close()
    Store.restore(world.root / "city", backup, operator="Admin")
    with Store.open(world.root / "city", operator="Admin") as old_city:
        assert old_city.template.version == 1
        rs = receipts.write_receipts(old_city, tmp_path / "rc2", KEL_A)
    kept = _tables(a, "templates", "entries", "entry_values", "template_retired_values")
    rep = single(imp(a, rs[0].path))
    assert rep.status == "imported" and rep.summary["template"] is None
    assert a.template.version == 2
    assert _tables(a, "templates", "entries", "entry_values", "template_retired_values") == kept


def _publishing_page(make_window, world, tmp_path: Path) -> tuple[TemplatePage, Path]:  # noqa: ANN001, F811
    """DP3AKB holding one unit's entries, with a draft that renames an item of indicator 2, on the Template page."""
    a = world.a
    single(imp(world.city, export_bundle(a, tmp_path / "b1").parts[0].path))
    city = world.stores.pop("city")
    city.start_template_draft()
    city.edit_template_draft("rename_item", indicator=2, item="rapat_tim", new_key="rapat_gugus_tugas")
    city.close()
    home = world.root / "city"
    w = make_window(home).window
    w.show_page("template")
    return w.template_page, home


STORED = ("templates", "template_drafts", "entries", "entry_values", "template_retired_values", "sync_origin")


def test_publishing_cancelled_before_the_commit_changes_nothing(qtbot, make_window, world, dialogs,  # noqa: ANN001, F811
                                                                tmp_path: Path) -> None:
    import sqlite3

    page, home = _publishing_page(make_window, world, tmp_path)
    store = page.session.store
    before = _tables(store, *STORED)
    dlg = page.show_diff(publishing=True)
    assert dlg is not None and dlg.publish_button.isEnabled()
    # Another program holds the workspace for writing a moment: the job waits there, and Batal is pressed.
    other = sqlite3.connect(str(home / "kla.sqlite"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        dialogs.confirms.append(True)
        dlg.publish_button.click()
        assert page.progress.isVisibleTo(page) and page.progress.cancel_button.isEnabled()
        assert page.progress.label.text() in ("Menerbitkan template…", "Membuat cadangan sebelum menerbitkan")
        page.progress.cancel_button.click()
        assert page.progress.label.text() == "Membatalkan…"
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    assert _tables(store, *STORED) == before
    assert store.template.version == 1 and page.editor.editing
    assert page.window().statusBar().currentMessage() == (
        "Penerbitan dibatalkan. Template yang berlaku dan semua isian tidak berubah.")
    assert not any(k in ("info", "error") for k, _t, _x in dialogs.asked)
    assert page.panes.isEnabled() and page.publish_button.isEnabled()


def test_a_draft_changed_after_it_was_shown_is_not_published_and_the_officer_is_told(
        qtbot, make_window, world, dialogs, tmp_path: Path) -> None:  # noqa: ANN001, F811
    page, home = _publishing_page(make_window, world, tmp_path)
    store = page.session.store
    dlg = page.show_diff(publishing=True)
    assert dlg is not None
    with Store.open(home, operator="Admin", check=False, start_backup=False) as elsewhere:  # `kla template draft edit`
        elsewhere.edit_template_draft("set_weight", indicator=2, value=80)
        elsewhere.edit_template_draft("set_weight", indicator=3, value=elsewhere.template.indicator(3).weight + 10)
    before = _tables(store, *STORED)
    dialogs.confirms.append(True)
    dlg.publish_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    errors = [(t, x) for k, t, x in dialogs.asked if k == "error"]
    assert len(errors) == 1 and errors[0][0] == "Terbitkan template"
    assert errors[0][1] == ("Draf berubah sejak perubahannya diperiksa. Tidak ada yang diterbitkan; lihat lagi "
                            "perubahannya, lalu terbitkan.")
    assert _tables(store, *STORED) == before and store.template.version == 1


def test_dp3akb_puts_the_shipped_version_2_in_force_from_the_window(qtbot, make_window, world, dialogs,  # noqa: ANN001, F811
                                                                    tmp_path: Path) -> None:
    a = world.a
    year = max(a.current_period().data_years)
    a.set_value(None, year, 2, "rapat_tim", 4)
    single(imp(world.city, export_bundle(a, tmp_path / "b1").parts[0].path))
    world.stores.pop("city").close()
    w = make_window(world.root / "city").window
    w.show_page("template")
    page = w.template_page
    store = page.session.store
    assert page.newer_button.isVisible() and page.newer_button.isEnabled()
    v2 = page.newer_versions()
    assert [(t.id, t.version) for t in v2] == [("kla24", 2)]
    page._fill_newer_menu()
    assert [act.text() for act in page.newer_menu.actions()] == ["KLA 24 indikator versi 2 (ikut program ini)",
                                                               "Dari berkas template…"]
    page.newer_menu.actions()[0].trigger()
    dlg = page.diff_dialog
    assert dlg is not None and dlg.publish_button.text() == "Berlakukan versi ini…"
    said = dlg.sentences()
    assert "Isian “Rapat Tim KLA dalam setahun” diganti “Rapat Gugus Tugas KLA kelurahan dalam setahun”." in said
    dlg.pdf_button.click()  # printed for the record before it is put in force
    qtbot.waitUntil(lambda: page.last_pdf is not None and page.task is None, timeout=30000)
    assert page.last_pdf.name == "Perubahan template KLA 24 indikator v1-v2.pdf"
    assert page.last_pdf.read_bytes().startswith(b"%PDF-") and store.template.version == 1
    dialogs.confirms.append(True)
    dlg.publish_button.click()
    assert page.progress.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    assert store.template.version == 2 and "Berlaku: versi 2" in page.state.text()
    assert store.values(KEL_A, year, 2)[("rapat_gugus_tugas", "", "")] == 4
    info = [x for k, _t, x in dialogs.asked if k == "info"]
    assert len(info) == 1 and info[0].startswith("KLA 24 indikator versi 2 berlaku sekarang.")
    assert not page.newer_versions()
    # The unit gets it with its next receipt and has nothing to send again.
    rep = single(imp(a, receipts.write_receipts(store, tmp_path / "rc", KEL_A)[0].path))
    assert rep.summary["template"]["version"] == 2 and rep.summary["pending"] == 0
    assert export_bundle(a, tmp_path / "b2").nothing_to_send


def test_wording_typed_in_a_draft_is_kept_on_leaving_the_indicator_and_on_closing(  # noqa: ANN001
        qtbot, make_window, world, dialogs) -> None:  # noqa: F811
    """The page says "Perubahan tersimpan otomatis di draf", but a short name or guidance typed went
    when the officer clicked another indicator or closed the window (only "Simpan rumusan" stored it)."""
    world.stores.pop("city").close()
    launcher = make_window(world.root / "city")
    w = launcher.window
    w.show_page("template")
    page = w.template_page
    page.start_button.click()
    assert page.editor.editing
    page.tree.setCurrentIndex(page.tree_model.index_of(1))
    pane = page.indicator_pane
    pane.short_name.setFocus()
    pane.short_name.selectAll()
    qtbot.keyClicks(pane.short_name, "Perda KLA XT")
    page.tree.setCurrentIndex(page.tree_model.index_of(2))  # another indicator: kept
    assert pane.no == 2 and page.editor.shown.indicator(1).short_name == "Perda KLA XT"
    page.tree.setCurrentIndex(page.tree_model.index_of(1))
    assert pane.short_name.text() == "Perda KLA XT"
    pane.guidance.setFocus()
    qtbot.keyClicks(pane.guidance, " Tambahan.")
    w.close()  # closing the window: kept too
    launcher2 = make_window(world.root / "city")
    w2 = launcher2.window
    w2.show_page("template")
    shown = w2.template_page.editor.shown.indicator(1)
    assert shown.short_name == "Perda KLA XT" and "Tambahan." in shown.guidance
