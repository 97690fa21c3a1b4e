"""A foreign workbook (a Disdukcapil recap) mapped once, saved as a setting, and read again by its headers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from db.errors import KlaError
from db.store import Store
from exports import xlsx_form, xlsx_mapping
from exports.xlsx_form import CHANGED, NEW, UNCHANGED
from exports.xlsx_mapping import Mapping, Target
from tests.exports.conftest import dump

KEL = "64.71.02.1005"  # Margo Mulyo


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = Store.create(tmp_path / "ws", "kelurahan", kelurahan_code=KEL, operator="Siti")
    yield s
    s.close()


def recap(path: Path, rows: list[list[Any]], title: str = "Rekap Akta") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


MAPPING = Mapping("Rekap Disdukcapil", "Rekap Akta", "Kelurahan", "Margo Mulyo", {
    "Anak L 0-60 hari": Target(4, "anak_total", "L", "0-60h"),
    "Anak P 0-60 hari": Target(4, "anak_total", "P", "0-60h"),
    "Rapat tim": Target(2, "rapat_tim"),
})


def test_a_saved_mapping_reads_next_years_recap_by_its_headers(store, tmp_path) -> None:  # noqa: ANN001
    year = max(store.current_period().data_years)
    changes = xlsx_mapping.save_mapping(store, MAPPING)
    assert changes.has("setting")
    assert xlsx_mapping.saved_mappings(store) == {"Rekap Disdukcapil": MAPPING}
    assert "Rekap Disdukcapil" in json.loads(store.setting(xlsx_mapping.SETTING))
    first = recap(tmp_path / "2025.xlsx", [
        ["Kelurahan", "Anak L 0-60 hari", "Anak P 0-60 hari", "Rapat tim"],
        ["Manggar", 1, 2, 3],
        ["Margo Mulyo", 23, "1.025", None],
    ])
    plan = xlsx_mapping.plan_for(store, first, year)
    assert [c.ref for c in plan.cells] == ["Rekap Akta!B3", "Rekap Akta!C3", "Rekap Akta!D3"]
    report = xlsx_form.import_plan(store, plan, dry_run=False)
    assert [o.kind for o in report.outcomes] == [NEW, NEW, UNCHANGED]  # an empty recap cell says nothing
    assert [n.code for n in report.notices] == ["xlsx_mapped"]
    assert store.values(None, year, 4) == {("anak_total", "L", "0-60h"): 23, ("anak_total", "P", "0-60h"): 1025}
    store.set_value(None, year, 2, "rapat_tim", 9)
    # Next year: a title above, columns in another order, a header spelled with other spaces and case.
    second = recap(tmp_path / "2026.xlsx", [
        ["REKAP AKTA KELAHIRAN TAHUN 2026"],
        [],
        ["Anak P 0-60 hari", "KELURAHAN", "anak  L 0-60 hari", "Rapat tim", "Keterangan"],
        [30, "margo mulyo", 31, None, "baru"],
    ])
    report = xlsx_form.import_plan(store, xlsx_mapping.plan_for(store, second, year), dry_run=False)
    assert {o.cell.ref: o.kind for o in report.outcomes} == {
        "Rekap Akta!C4": CHANGED, "Rekap Akta!A4": CHANGED, "Rekap Akta!D4": UNCHANGED}
    assert store.values(None, year, 2) == {("rapat_tim", "", ""): 9}  # kept: the recap's cell was empty


def test_a_recap_no_mapping_fits_is_refused_and_nothing_changes(store, tmp_path) -> None:  # noqa: ANN001
    xlsx_mapping.save_mapping(store, MAPPING)
    year = max(store.current_period().data_years)
    other = recap(tmp_path / "lain.xlsx", [["Nama", "Jumlah"], ["Margo Mulyo", 5]])
    before = dump(store)
    with pytest.raises(KlaError) as e:
        xlsx_mapping.plan_for(store, other, year)
    assert e.value.code == "xlsx_not_form"
    missing = recap(tmp_path / "tanpa.xlsx", [["Kelurahan", "Anak L 0-60 hari", "Anak P 0-60 hari", "Rapat tim"],
                                             ["Manggar", 1, 2, 3]])
    with pytest.raises(KlaError) as e:
        xlsx_mapping.plan_for(store, missing, year)
    assert (e.value.code, e.value.params["value"]) == ("xlsx_mapping_row_missing", "Margo Mulyo")
    assert dump(store) == before
    # A hostile file is refused by the same checks as a form, before any mapping is tried.
    macro = tmp_path / "rekap.xlsm"
    macro.write_bytes(other.read_bytes())
    with pytest.raises(KlaError) as e:
        xlsx_mapping.plan_for(store, macro, year)
    assert e.value.code == "xlsx_macros"


def test_a_mapping_names_only_cells_that_can_be_typed(store) -> None:  # noqa: ANN001
    for bad in (Target(4, "cakupan_akta"), Target(4, "anak_total", "X", "0-60h"), Target(4, "tidak_ada")):
        with pytest.raises(KlaError):
            xlsx_mapping.save_mapping(store, Mapping("x", "", "Kelurahan", "Margo Mulyo", {"A": bad}))
    with pytest.raises(KlaError) as e:
        xlsx_mapping.save_mapping(store, Mapping("x", "", "Kelurahan", "Margo Mulyo", {}))
    assert e.value.code == "xlsx_mapping_empty"
    store.set_setting(xlsx_mapping.SETTING, "{not json")
    assert xlsx_mapping.saved_mappings(store) == {}


def test_the_preview_shows_the_top_of_each_sheet_and_guesses_the_header_row(tmp_path) -> None:
    path = recap(tmp_path / "r.xlsx", [["REKAP"], [None], ["Kelurahan", "L", "P"], ["Manggar", 1.0, 2]])
    (sheet,) = xlsx_mapping.preview(path)
    assert sheet.title == "Rekap Akta" and sheet.rows[3] == ("Manggar", "1", "2")
    assert xlsx_mapping.guess_header_row(sheet.rows) == 3
