"""The DP3AKB window: what a city officer sees and what lands in the store.

The city workspace is built cheaply (no 34-kelurahan demo): an empty city store with a
few values and evidence for two kelurahan; the inbox tests use two enrolled demo
kelurahan and real bundles made by the engine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from db.store import Store
from ui.city.city_window import CityWindow
from ui.city.models import STATE_COLORS, CityMatrixModel, IndicatorValuesModel, KecamatanModel
from ui.city.rollup import city_rollup
from ui.widgets.formatting import fmt_percent

KEL_A = "64.71.01.1001"  # Manggar, Kec. Balikpapan Timur (4 kelurahan)
KEL_B = "64.71.02.1001"  # Baru Ilir, Kec. Balikpapan Barat (6 kelurahan)


def fill_city(home: Path) -> int:
    """A city workspace: A has indicator 5 complete and 1 ready; B has indicator 5 partly filled."""
    store = Store.create(home, "city", operator="Rina DP3AKB")
    try:
        year = max(store.current_period().data_years)
        store.set_value(KEL_A, year, 5, "ada_ila", True)
        store.set_value(KEL_A, year, 5, "jumlah_ila", "2")
        photo = home / "foto-ila.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg but a file")
        store.add_evidence(KEL_A, photo, links=[(year, 5)], kind="photo", caption="Pojok baca RW 3",
                           doc_date=f"{year}-03-01")
        store.set_value(KEL_A, year, 1, "ada_kebijakan", True)
        store.set_value(KEL_A, year, 1, "anak_dilibatkan", True)
        store.set_status(KEL_A, year, 1, "ready")
        store.set_value(KEL_B, year, 5, "ada_ila", True)
        return year
    finally:
        store.close()


@pytest.fixture
def city_home(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    fill_city(home)
    return home


@pytest.fixture
def city_window(make_window, city_home: Path):  # noqa: ANN001, ANN201
    opened: list[str] = []
    launcher = make_window(city_home)
    w = launcher.window
    assert isinstance(w, CityWindow)
    w.matrix_page.open_file = opened.append  # evidence "opened" without a desktop
    w.opened = opened  # type: ignore[attr-defined]
    return w


def cell(w: CityWindow, kel: str, no: int) -> QModelIndex:
    m = w.matrix_page.model
    return m.index(m.row_of(kel), m.column_of(no))


# ---------------------------------------------------------------------------- window and summary


def test_a_city_workspace_opens_the_dp3akb_window(city_window: CityWindow) -> None:
    w = city_window
    assert w.header.title.text() == "Kota Balikpapan"
    assert "DP3AKB" in w.header.place.text()
    assert w.header.operator.text() == "Rina DP3AKB"
    labels = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert labels == ["Ringkasan Kota", "Kelurahan × Indikator", "Kotak Masuk", "Kelurahan Terdaftar", "Pengaturan"]
    assert w.current_page() == "summary"


def test_summary_rolls_up_per_kecamatan(city_window: CityWindow, city_home: Path) -> None:
    w = city_window
    page = w.summary_page
    with Store.open(city_home, check=False, start_backup=False) as s:
        a = s.status(KEL_A, w.session.year).completeness
        b = s.status(KEL_B, w.session.year).completeness
    m = page.kecamatan_model
    assert m.rowCount() == 6
    rows = {m.index(r, 0).data(): r for r in range(6)}
    timur, barat = rows["Balikpapan Timur"], rows["Balikpapan Barat"]
    assert m.index(timur, KecamatanModel.COL_KELURAHAN).data() == "4"
    assert m.index(timur, KecamatanModel.COL_COMPLETENESS).data() == fmt_percent(a / 4 * 100)
    assert m.index(timur, KecamatanModel.COL_READY).data() == "1 / 96"
    assert m.index(barat, KecamatanModel.COL_KELURAHAN).data() == "6"
    assert m.index(barat, KecamatanModel.COL_COMPLETENESS).data() == fmt_percent(b / 6 * 100)
    assert m.index(barat, KecamatanModel.COL_PARTIAL).data() == "1"
    assert page.completeness.text() == fmt_percent((a + b) / 34 * 100)
    titles = [lbl.text() for lbl in page.findChildren(type(page.title))]
    assert any("perkiraan tidak resmi" in t for t in titles)
    # The kelurahan furthest behind are the 32 that sent nothing; A (furthest ahead) is not listed.
    listed = [page.behind.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.behind.count())]
    assert KEL_A not in listed and len(listed) == 6


def test_rollup_counts_states_and_reviews(city_home: Path) -> None:
    with Store.open(city_home, check=False, start_backup=False) as s:
        year = max(s.current_period().data_years)
        s.set_review(KEL_B, year, 5, "perlu_perbaikan", "Jumlah ILA belum diisi")
        r = city_rollup(s.city_status(year), s.template)
    assert (r.kelurahan, r.indicators) == (34, 34 * 24)
    assert (r.ready, r.complete, r.partial, r.needs_fix) == (1, 1, 1, 1)
    assert r.empty == 34 * 24 - 3
    assert 0 < r.score_estimate < 1000


# ---------------------------------------------------------------------------- matrix


def test_matrix_cells_show_each_state_in_its_colour(city_window: CityWindow) -> None:
    w = city_window
    w.show_page("matrix")
    m = w.matrix_page.model
    assert m.rowCount() == 34 and m.columnCount() == 3 + 24
    expect = {(KEL_A, 5): "complete", (KEL_A, 1): "ready", (KEL_B, 5): "partial", (KEL_B, 1): "empty"}
    for (kel, no), state in expect.items():
        idx = cell(w, kel, no)
        assert idx.data(CityMatrixModel.StateRole) == state, (kel, no)
        assert idx.data(Qt.ItemDataRole.BackgroundRole) == STATE_COLORS[state]
    tip = cell(w, KEL_B, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert "Baru Ilir" in tip and "Sebagian terisi" in tip
    assert "Isian wajib kosong (1)" in tip and "Data dukung kurang" in tip
    assert "Tidak ada yang kurang" in cell(w, KEL_A, 5).data(Qt.ItemDataRole.ToolTipRole)
    # The legend names every colour in Indonesian.
    assert [lbl.text() for lbl in w.matrix_page.legend.labels.values()] == [
        "Belum diisi", "Sebagian terisi", "Lengkap", "Siap (ditandai kelurahan)", "✓ Diterima DP3AKB",
        "! Perlu perbaikan"]


def test_matrix_filters_and_sorts_by_kecamatan(city_window: CityWindow) -> None:
    page = city_window.matrix_page
    page.set_kecamatan("64.71.02")
    proxy = page.proxy
    assert proxy.rowCount() == 6
    assert {proxy.index(r, 0).data() for r in range(6)} == {"Balikpapan Barat"}
    page.set_kecamatan("")
    assert proxy.rowCount() == 34
    proxy.sort(CityMatrixModel.COL_COMPLETENESS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, CityMatrixModel.COL_KELURAHAN).data() == "Manggar"
    proxy.sort(CityMatrixModel.COL_KECAMATAN, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "Balikpapan Timur"  # 64.71.01 comes first


def test_matrix_model_passes_the_model_tester(qtmodeltester, city_home: Path) -> None:  # noqa: ANN001
    with Store.open(city_home, check=False, start_backup=False) as s:
        year = max(s.current_period().data_years)
        model = CityMatrixModel(s.template)
        model.set_rows(s.city_status(year))
        qtmodeltester.check(model)
        values = IndicatorValuesModel()
        values.set_values(s.template, 5, s.values(KEL_A, year, 5), s.computed(KEL_A, year, 5))
        qtmodeltester.check(values)
        kec = KecamatanModel()
        kec.set_rows(list(city_rollup(s.city_status(year), s.template).kecamatan))
        qtmodeltester.check(kec)


def test_detail_dialog_shows_values_evidence_and_stores_the_review(city_window: CityWindow, city_home: Path,
                                                                   dialogs, qtbot) -> None:  # noqa: ANN001
    w = city_window
    w.show_page("matrix")
    view = w.matrix_page.view
    idx = w.matrix_page.proxy.mapFromSource(cell(w, KEL_A, 5))
    view.scrollTo(idx)
    pos = view.visualRect(idx).center()
    # QTest's double click only registers after a press/release at the same place.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    d = w.matrix_page.detail
    assert d is not None and d.isVisible()
    assert "Manggar" in d.title.text() and d.title.text().startswith("5.")
    shown = {d.values_model.index(r, 0).data(): d.values_model.index(r, 2).data()
             for r in range(d.values_model.rowCount())}
    assert shown[w.session.template.indicator(5).item("jumlah_ila").label] == "2"
    assert d.evidence.count() == 1 and "Pojok baca RW 3" in d.evidence.item(0).text()
    d.open_button.click()
    assert len(w.opened) == 1 and Path(w.opened[0]).is_file()

    # 'Perlu perbaikan' needs a note: without one nothing is stored.
    d.show_indicator(KEL_B, 5)
    d.fix_button.click()
    assert dialogs.asked[-1][0] == "info"
    assert w.session.store.indicator_status(KEL_B, w.session.year, 5).review_state == ""
    d.note.setPlainText("Jumlah ILA belum diisi; lampirkan foto.")
    d.fix_button.click()
    with Store.open(city_home, check=False, start_backup=False) as s:
        st = s.indicator_status(KEL_B, w.session.year, 5)
    assert (st.review_state, st.review_note) == ("perlu_perbaikan", "Jumlah ILA belum diisi; lampirkan foto.")
    c = cell(w, KEL_B, 5)
    assert c.data(CityMatrixModel.StateRole) == "perlu_perbaikan"
    assert c.data(Qt.ItemDataRole.DisplayRole) == "!"
    assert "Jumlah ILA belum diisi" in c.data(Qt.ItemDataRole.ToolTipRole)

    d.show_indicator(KEL_A, 5)
    d.accept_button.click()
    assert w.session.store.indicator_status(KEL_A, w.session.year, 5).review_state == "diterima"
    assert cell(w, KEL_A, 5).data(Qt.ItemDataRole.BackgroundRole) == STATE_COLORS["diterima"]
    # The summary counts it when shown again.
    w.show_page("summary")
    assert "1 diterima, 1 perlu perbaikan" in w.summary_page.counts.text()


def test_switching_the_year_refreshes_the_matrix(city_window: CityWindow) -> None:
    w = city_window
    w.show_page("matrix")
    years = [w.header.year_combo.itemData(i) for i in range(w.header.year_combo.count())]
    other = next(y for y in years if y != w.session.year)
    w.session.set_year(other)
    assert cell(w, KEL_A, 5).data(CityMatrixModel.StateRole) == "empty"
    assert str(other) in w.matrix_page.title.text()
