"""Every item model once through qtmodeltester, plus what their cells say."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db.errors import KlaError
from db.store import Store
from ui.activities.activities_page import ActivityModel
from ui.entry.grid_model import DisaggregatedGridModel, grid_items
from ui.entry.models import HistoryModel, IndicatorListModel
from ui.evidence.model import EvidenceModel
from ui.facilities.facilities_page import FacilityModel
from ui.messages import error_text


@pytest.fixture
def store(demo_home: Path):  # noqa: ANN201
    s = Store.open(demo_home, operator="Tester")
    yield s
    s.close()


def _grid(store: Store, no: int = 4, year: int = 2026) -> DisaggregatedGridModel:
    t = store.template
    ind = t.indicator(no)

    def writer(item: str, sex: str, age: str, text: str) -> None:
        store.set_value(None, year, no, item, text, sex=sex, age=age)
        model.set_values(store.values(None, year, no))

    model = DisaggregatedGridModel(t, ind, grid_items(t, ind)[0], writer, error_text)
    model.set_values(store.values(None, year, no))
    return model


def test_grid_model_passes_modeltester(qtmodeltester, store: Store) -> None:
    qtmodeltester.check(_grid(store))


def test_grid_model_edits_sums_percent_and_refusals(store: Store) -> None:
    model = _grid(store)
    cell = model.cell_index("anak_total", "P", "1-4")
    assert model.setData(cell, "2.345")
    assert store.values(None, 2026, 4)[("anak_total", "P", "1-4")] == 2345
    assert cell.data() == "2.345"
    # Not a number: refused, kept on screen with the reason, nothing stored.
    assert not model.setData(cell, "dua ribu")
    assert cell.data() == "dua ribu"
    assert "bukan angka" in cell.data(DisaggregatedGridModel.ErrorRole)
    assert model.errors() and "Perempuan" in model.errors()[0][0]
    assert store.values(None, 2026, 4)[("anak_total", "P", "1-4")] == 2345
    # Fixing it clears the error.
    assert model.setData(cell, "2345")
    assert model.errors() == []
    # Totals: the "Jumlah" row sums L+P and the last column sums the bands.
    values = store.values(None, 2026, 4)
    sum_row = next(r for r in range(model.rowCount())
                   if model.row_spec(r).item.key == "anak_total" and model.row_spec(r).kind == "sum")
    expected = values[("anak_total", "L", "1-4")] + 2345
    assert model.index(sum_row, cell.column()).data(DisaggregatedGridModel.SortRole) == expected
    # Computed cells cannot be typed in.
    pct = next(r for r in range(model.rowCount()) if model.row_spec(r).kind == "percent")
    assert not model.flags(model.index(pct, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(pct, 1), "50")


def test_grid_groups_follow_the_template(store: Store) -> None:
    t = store.template
    groups = grid_items(t, t.indicator(4))
    assert [[i.key for i in g] for g in groups] == [
        ["anak_total", "anak_berakta", "cakupan_akta", "anak_kia", "cakupan_kia"]]
    # Indicator 1 has one sex-only count; the rest are form fields.
    assert [[i.key for i in g] for g in grid_items(t, t.indicator(1))] == [["anak_memberi_masukan"]]


def test_indicator_list_model(qtmodeltester, store: Store) -> None:
    model = IndicatorListModel()
    st = store.status(None, 2026)
    model.set_rows(st.indicators, {i.no: i.title for i in store.template.indicators},
                   {c.key: c.name for c in store.template.clusters})
    qtmodeltester.check(model)
    assert model.rowCount() == 24
    assert model.index(3, IndicatorListModel.COL_NAME).data() == "4. Akta Kelahiran"
    assert "Kepemilikan Kutipan Akta Kelahiran" in model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_evidence_model(qtmodeltester, store: Store) -> None:
    model = EvidenceModel()
    model.set_rows(store.evidence_list(None, 2026, 4))
    qtmodeltester.check(model)
    assert model.rowCount() >= 1
    assert "Tabel/rekap data" in model.index(0, EvidenceModel.COL_NAME).data()


def test_history_model(qtmodeltester, store: Store) -> None:
    store.set_value(None, 2026, 2, "rapat_tim", "4")
    store.set_value(None, 2026, 2, "rapat_tim", "6")
    model = HistoryModel("count")
    model.set_rows(store.value_history(None, 2026, 2, "rapat_tim"))
    qtmodeltester.check(model)
    assert model.index(0, HistoryModel.COL_NEW).data() == "6"
    assert model.index(0, HistoryModel.COL_OLD).data() == "4"
    assert model.index(0, HistoryModel.COL_OPERATOR).data() == "Tester"
    # Saved without a clerk's name ('kla entry set' without --operator): said so, not "(tanpa nama)".
    store.operator = ""
    store.set_value(None, 2026, 2, "rapat_tim", "7")
    model.set_rows(store.value_history(None, 2026, 2, "rapat_tim"))
    assert model.index(0, HistoryModel.COL_OPERATOR).data() == "petugas tidak tercatat"


def test_activity_and_facility_models(qtmodeltester, store: Store) -> None:
    am = ActivityModel()
    am.set_rows(store.activities(None, 2026))
    qtmodeltester.check(am)
    fm = FacilityModel()
    fm.set_rows(store.facilities(None))
    qtmodeltester.check(fm)
    assert fm.rowCount() == 3


def test_error_text_for_unknown_code_reads_sensibly() -> None:
    from ui.session import kla_error_text

    assert "Dibatalkan" in kla_error_text(KlaError("cancelled"))
    assert "tak_dikenal" in kla_error_text(KlaError("tak_dikenal", x=1))


def test_a_file_that_is_not_a_bundle_is_explained_without_jargon() -> None:
    """Regression: the reason said 'bukan berkas terenkripsi age' and gave no next step."""
    from ui.session import kla_error_text

    text = kla_error_text(KlaError("bundle_not_kla", path="/media/flashdisk/foto.kla"))
    assert "age" not in text.split() and "/media/flashdisk/foto.kla" in text
    assert "Pilih berkas .kla" in text and "mengirim ulang" in text  # a next step: ask for it again


def test_grid_percent_over_a_half_typed_row_uses_only_typed_pairs(tmp_path: Path) -> None:
    s = Store.create(tmp_path / "kosong", "kelurahan", kelurahan_code="64.71.01.1001")
    try:
        t = s.template
        with s.transaction():
            for sex, age in t.cells(t.indicator(4).item("anak_total")):
                s.set_value(None, 2026, 4, "anak_total", 100, sex=sex, age=age)
        s.set_value(None, 2026, 4, "anak_berakta", 20, sex="L", age="1-4")
        model = _grid(s)
        pct_sum_row = next(r for r in range(model.rowCount())
                           if model.row_spec(r).kind == "percent" and model.row_spec(r).sex == "*"
                           and model.row_spec(r).item.numerator == "anak_berakta")
        total_col = model.columnCount() - 1
        # 20 typed against that cell's 100: 20 %, not 20 of all 1.000 children (2 %).
        assert model.index(pct_sum_row, total_col).data(DisaggregatedGridModel.SortRole) == 20.0
    finally:
        s.close()


def test_grid_model_shown_again_with_other_values_shows_them(store: Store) -> None:
    """The same values again (an indicator shown again) leave the cells as they are, computed once;
    other values (changed while it was hidden), a refused cell typed meanwhile and last year's figures
    are each shown, with the totals over them."""
    model = _grid(store)
    cell = model.cell_index("anak_total", "L", "0-60h")
    values = store.values(None, 2026, 4)
    total = model.index(cell.row(), model.columnCount() - 1)
    shown, shown_total = cell.data(), total.data(DisaggregatedGridModel.SortRole)
    model.set_values(values)
    assert (cell.data(), total.data(DisaggregatedGridModel.SortRole)) == (shown, shown_total)
    changed = dict(values)
    changed[("anak_total", "L", "0-60h")] = (values.get(("anak_total", "L", "0-60h")) or 0) + 1000
    model.set_values(changed)
    assert cell.data() == f"{changed[('anak_total', 'L', '0-60h')]:,}".replace(",", ".")
    assert total.data(DisaggregatedGridModel.SortRole) == shown_total + 1000
    assert not model.setData(cell, "seribu")  # refused: kept on screen with its reason
    model.set_values(changed)
    assert cell.data() == "seribu"
    model.set_values(changed, {("anak_total", "L", "0-60h"): 7}, 2025)
    assert cell.data(DisaggregatedGridModel.LastYearRole) == "7"
