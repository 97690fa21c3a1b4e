"""The Excel form (issue 11): out, filled elsewhere, back in; LibreOffice re-saves; hostile workbooks.

Every refusal and every dry run is checked against a dump of every table: nothing changed.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from db.demo import create_demo
from db.errors import KlaError
from db.store import Store
from exports import xlsx_form
from exports.xlsx_form import CHANGED, FLAGGED, INVALID, NEW, UNCHANGED, Limits
from tests.exports.conftest import dump

KEL = "64.71.02.1005"  # Margo Mulyo, the demo kelurahan
OTHER_KEL = "64.02.01.2001"  # Desa Perian (Kutai Kartanegara): another unit, and a desa


@pytest.fixture(scope="module")
def _demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("xlsx-demo") / "ws"
    create_demo(home, seed=1, kelurahan_code=KEL)
    return home


@pytest.fixture
def store(_demo: Path, tmp_path: Path) -> Any:
    home = tmp_path / "ws"
    shutil.copytree(_demo, home)
    s = Store.open(home, operator="Siti")
    yield s
    s.close()


@pytest.fixture
def empty(tmp_path: Path) -> Any:
    s = Store.create(tmp_path / "kosong", "kelurahan", kelurahan_code=KEL, operator="Siti")
    yield s
    s.close()


def _year(store: Store) -> int:
    return max(store.current_period().data_years)


def _form(store: Store, path: Path, indicators: list[int] | None = None, year: int | None = None) -> Path:
    return xlsx_form.write_form(xlsx_form.collect_form(store, year or _year(store), indicators), path)


def _row(ws: Any, token: str) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == token:
            return r
    raise AssertionError(token)


def _col(ws: Any, row_token: str, age: str) -> int:
    """The column of an age band in the block that holds ``row_token`` (the hidden cols row above it)."""
    r = _row(ws, row_token)
    while ws.cell(r, 1).value != "kla|cols":
        r -= 1
    for c in range(1, ws.max_column + 1):
        if ws.cell(r, c).value == f"kla|age|{age}":
            return c
    raise AssertionError(age)


def _set(ws: Any, item: str, sex: str, age: str, value: Any) -> str:
    r, c = _row(ws, f"kla|row|{item}|{sex}"), _col(ws, f"kla|row|{item}|{sex}", age)
    ws.cell(r, c).value = value  # (ws.cell(r, c, None) would leave the value)
    return ws.cell(r, c).coordinate


def _by_ref(report: xlsx_form.ImportReport) -> dict[str, xlsx_form.CellOutcome]:
    return {o.cell.ref: o for o in report.outcomes}


# ---------------------------------------------------------------------------- the form itself


def test_the_form_is_laid_out_like_the_grid_with_locked_labels_validation_and_hidden_keys(store, tmp_path) -> None:  # noqa: ANN001
    path = _form(store, tmp_path / "f.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Petunjuk" and "4. Akta Kelahiran" in wb.sheetnames
    assert len([n for n in wb.sheetnames if n[0].isdigit()]) == 24
    assert wb["_kla"].sheet_state == "veryHidden"
    ws = wb["4. Akta Kelahiran"]
    assert ws.column_dimensions["A"].hidden  # the row names
    assert ws.protection.sheet and not ws.protection.insertRows  # locked, rows may still be inserted
    guide = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Kelurahan Margo Mulyo" in guide and "Impor dari Excel" in guide
    r = _row(ws, "kla|row|anak_total|L")
    head = _row(ws, "kla|cols") + 1
    assert [ws.cell(head, c).value for c in range(3, 9)] == [
        "0\u201360 hari", "61 hari\u2013<1 tahun", "1\u2013<5 tahun", "5\u2013<12 tahun", "12\u2013<18 tahun", "Jumlah"]
    assert ws.cell(r, 2).value.strip() == "Laki-laki"
    # Prefilled with what is stored; input cells open, labels and computed cells locked.
    held = store.values(None, _year(store), 4)
    assert held and ws.cell(r, 3).value == held.get(("anak_total", "L", "0-60h"))
    assert ws.cell(r, 3).protection.locked is False
    assert ws.cell(r, 2).protection.locked is True
    assert str(ws.cell(r, 8).value).startswith("=IF(COUNT(")  # the row total, computed by Excel
    assert ws.cell(_row(ws, "kla|sum|anak_total"), 3).protection.locked is True
    pct = ws.cell(_row(ws, "kla|pct|cakupan_akta|L"), 3)
    assert pct.protection.locked is True and pct.number_format == "0.0%"
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert "whole" in kinds
    counts = next(dv for dv in ws.data_validations.dataValidation if dv.type == "whole")
    assert counts.operator == "greaterThanOrEqual" and counts.formula1 == "0" and "bilangan bulat" in counts.error
    one = wb["1. Perda KLA"]
    lists = [dv for dv in one.data_validations.dataValidation if dv.type == "list"]
    assert any(dv.formula1 == '"Ya,Tidak"' for dv in lists)
    assert any("SK Lurah" in (dv.formula1 or "") for dv in lists)
    assert any(dv.type == "date" for dv in one.data_validations.dataValidation)
    # No item keys where the clerk looks: they live in the hidden column and sheet only.
    visible = [str(c.value) for row in ws.iter_rows(min_col=2) for c in row if c.value is not None]
    assert not any("anak_total" in v or "kla|" in v for v in visible if not ws.row_dimensions[1].hidden
                   and not v.startswith("kla|age|"))


def test_round_trip_form_out_filled_with_openpyxl_imported_values_equal(empty, tmp_path) -> None:  # noqa: ANN001
    year = _year(empty)
    path = _form(empty, tmp_path / "f.xlsx")
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    typed = {("anak_total", "L", "0-4" if False else "1-4"): 512, ("anak_total", "P", "1-4"): "1.234",
             ("anak_berakta", "L", "1-4"): 500, ("anak_berakta", "P", "1-4"): 1200}
    for (item, sex, age), v in typed.items():
        _set(ws, item, sex, age, v)
    two = wb["2. Terlembaga KLA"]
    two.cell(_row(two, "kla|row|ada_sk_tim|"), 3, "Ya")
    two.cell(_row(two, "kla|row|status_dekela|"), 3, "Tahap inisiasi/rintisan")
    two.cell(_row(two, "kla|row|rapat_tim|"), 3, 4)
    two.cell(_row(two, "kla|row|anggaran_anak|"), 3, 2500000)
    one = wb["1. Perda KLA"]
    import datetime as dt

    one.cell(_row(one, "kla|row|tanggal_kebijakan|"), 3, dt.datetime(2026, 8, 17))
    one.cell(_row(one, "kla|row|nomor_kebijakan|"), 3, "Nomor 12 Tahun 2026")
    wb.save(path)

    before = dump(empty)
    dry = xlsx_form.import_form(empty, path, dry_run=True)
    assert dump(empty) == before
    assert dry.count(NEW) == 10 and dry.count(INVALID) == 0
    report = xlsx_form.import_form(empty, path, dry_run=False)
    assert [(o.cell.ref, o.kind) for o in report.outcomes if o.kind != UNCHANGED] == \
           [(o.cell.ref, o.kind) for o in dry.outcomes if o.kind != UNCHANGED]
    assert report.changes.touches_indicator(year, 4) and report.changes.touches_indicator(year, 2)
    v4 = empty.values(None, year, 4)
    assert v4[("anak_total", "L", "1-4")] == 512 and v4[("anak_total", "P", "1-4")] == 1234
    assert v4[("anak_berakta", "P", "1-4")] == 1200
    v2 = empty.values(None, year, 2)
    assert v2[("ada_sk_tim", "", "")] is True and v2[("status_dekela", "", "")] == "inisiasi"
    assert v2[("rapat_tim", "", "")] == 4 and v2[("anggaran_anak", "", "")] == 2500000
    v1 = empty.values(None, year, 1)
    assert v1[("tanggal_kebijakan", "", "")] == "2026-08-17" and v1[("nomor_kebijakan", "", "")] == "Nomor 12 Tahun 2026"
    # Importing the same workbook again changes nothing.
    again = xlsx_form.import_form(empty, path, dry_run=False)
    assert again.to_write == 0 and not again.changes
    # A new form carries the imported values, and reads back the same.
    plan = xlsx_form.read_form(_form(empty, tmp_path / "f2.xlsx"))
    assert xlsx_form.import_plan(empty, plan, dry_run=True).to_write == 0


def test_the_order_of_writes_never_trips_over_a_part_and_its_whole(empty, tmp_path) -> None:  # noqa: ANN001
    """Raising a part and its whole together (or lowering both) imports in any layout."""
    year = _year(empty)
    empty.set_value(None, year, 4, "anak_total", 10, sex="L", age="1-4")
    empty.set_value(None, year, 4, "anak_berakta", 8, sex="L", age="1-4")
    path = _form(empty, tmp_path / "f.xlsx", [4])
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    _set(ws, "anak_total", "L", "1-4", 100)  # the whole goes up ...
    _set(ws, "anak_berakta", "L", "1-4", 90)  # ... and the part above the old whole
    wb.save(path)
    report = xlsx_form.import_form(empty, path, dry_run=False)
    assert {o.kind for o in report.outcomes if o.kind != UNCHANGED} == {CHANGED}
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    _set(ws, "anak_total", "L", "1-4", 5)  # both go down: the part first
    _set(ws, "anak_berakta", "L", "1-4", 4)
    wb.save(path)
    # (the form still carries the values it was made with, 10 and 8: the new values differ from them)
    report = xlsx_form.import_form(empty, path, dry_run=False)
    assert {o.kind for o in report.outcomes if o.kind != UNCHANGED} == {CHANGED}
    v = empty.values(None, year, 4)
    assert (v[("anak_total", "L", "1-4")], v[("anak_berakta", "L", "1-4")]) == (5, 4)


def test_a_value_typed_in_the_program_after_the_download_is_kept_when_the_form_left_it_alone(empty, tmp_path) -> None:  # noqa: ANN001
    year = _year(empty)
    empty.set_value(None, year, 2, "rapat_tim", 3)
    path = _form(empty, tmp_path / "f.xlsx", [2])
    empty.set_value(None, year, 2, "rapat_tim", 5)  # typed in the window meanwhile
    report = xlsx_form.import_form(empty, path, dry_run=False)
    o = next(o for o in report.outcomes if o.cell.item_key == "rapat_tim")
    assert o.kind == UNCHANGED and o.code == "kept_newer"
    assert empty.values(None, year, 2)[("rapat_tim", "", "")] == 5
    # Changed in both places: the form's value wins, and the report says so.
    wb = load_workbook(path)
    two = wb["2. Terlembaga KLA"]
    two.cell(_row(two, "kla|row|rapat_tim|"), 3, 7)
    wb.save(path)
    o = next(o for o in xlsx_form.import_form(empty, path, dry_run=False).outcomes if o.cell.item_key == "rapat_tim")
    assert (o.kind, o.old, o.new, o.code) == (CHANGED, 5, 7, "changed_since_form")


def test_an_emptied_cell_clears_the_value(store, tmp_path) -> None:  # noqa: ANN001
    year = _year(store)
    held = store.values(None, year, 4)[("anak_total", "L", "1-4")]
    path = _form(store, tmp_path / "f.xlsx", [4])
    wb = load_workbook(path)
    ref = _set(wb["4. Akta Kelahiran"], "anak_total", "L", "1-4", None)
    wb.save(path)
    o = _by_ref(xlsx_form.import_form(store, path, dry_run=False))[f"4. Akta Kelahiran!{ref}"]
    assert (o.kind, o.old, o.new) == (CHANGED, held, None)
    assert ("anak_total", "L", "1-4") not in store.values(None, year, 4)


# ---------------------------------------------------------------------------- real spreadsheets


def test_rows_inserted_text_numbers_and_a_renamed_sheet_still_import(empty, tmp_path) -> None:  # noqa: ANN001
    year = _year(empty)
    path = _form(empty, tmp_path / "f.xlsx", [4])
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    r = _row(ws, "kla|row|anak_total|L")
    ws.insert_rows(r, 3)  # the clerk's own notes above the block
    ws.cell(r, 2, "Catatan: data dari Disdukcapil, Juni")
    ws.cell(r + 1, 3, 77)  # a number typed in a row that is not the form's: said, not imported
    ws.insert_cols(3)  # and a column, before the bands
    ref = _set(ws, "anak_total", "L", "12-17", "1.234")
    ws.title = "Akta (dari Disdukcapil)"
    wb.save(path)
    report = xlsx_form.import_form(empty, path, dry_run=False)
    o = _by_ref(report)[f"Akta (dari Disdukcapil)!{ref}"]
    assert (o.kind, o.new) == (NEW, 1234)
    assert empty.values(None, year, 4) == {("anak_total", "L", "12-17"): 1234}
    assert [n.code for n in report.notices] == ["xlsx_row_ignored"]
    assert report.notices[0].params["ref"].startswith("Akta (dari Disdukcapil)!")


def test_a_row_copied_with_its_hidden_name_is_reported_not_guessed(empty, tmp_path) -> None:  # noqa: ANN001
    path = _form(empty, tmp_path / "f.xlsx", [4])
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    r = _row(ws, "kla|row|anak_total|L")
    ws.insert_rows(r + 1)
    for c in range(1, 9):
        ws.cell(r + 1, c, ws.cell(r, c).value)
    ws.cell(r, 3, 5)
    ws.cell(r + 1, 3, 6)
    wb.save(path)
    before = dump(empty)
    report = xlsx_form.import_form(empty, path, dry_run=False)
    twice = [o for o in report.outcomes if o.code == "xlsx_cell_twice"]
    assert {f"4. Akta Kelahiran!C{r}", f"4. Akta Kelahiran!C{r + 1}"} <= {o.cell.ref for o in twice}
    assert len(twice) == 10  # the five bands of the row, in both copies
    assert all(o.kind == INVALID for o in twice) and dump(empty) == before


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("CI"):
        pytest.fail("soffice is missing in CI: .ci/run installs libreoffice-calc (scripts/setup.sh --test)")
    if found is None:
        pytest.skip("LibreOffice is not installed here (apt-get install libreoffice-calc)")
    return found


def test_a_form_re_saved_by_libreoffice_imports(store, tmp_path) -> None:  # noqa: ANN001
    soffice = _soffice()
    year = _year(store)
    path = _form(store, tmp_path / "f.xlsx")
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    ref = _set(ws, "anak_total", "P", "5-11", 1111)
    text_ref = _set(ws, "anak_total", "L", "5-11", "1.050")
    one = wb["2. Terlembaga KLA"]
    one.cell(_row(one, "kla|row|status_dekela|"), 3, "Sudah DEKELA")
    wb.save(path)
    out = tmp_path / "lo"
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180, check=False)
    resaved = out / "f.xlsx"
    assert resaved.exists(), done.stderr
    assert resaved.read_bytes() != path.read_bytes()
    before = dump(store)
    dry = xlsx_form.import_form(store, resaved, dry_run=True)
    assert dump(store) == before
    assert dry.count(INVALID) == 0, [(o.cell.ref, o.code) for o in dry.outcomes if o.kind == INVALID]
    got = _by_ref(dry)
    assert got[f"4. Akta Kelahiran!{ref}"].new == 1111
    assert got[f"4. Akta Kelahiran!{text_ref}"].new == 1050
    report = xlsx_form.import_form(store, resaved, dry_run=False)
    assert report.to_write == dry.to_write
    assert store.values(None, year, 4)[("anak_total", "P", "5-11")] == 1111
    assert store.values(None, year, 2)[("status_dekela", "", "")] == "dekela"
    # LibreOffice computed the formulas of the totals and kept every prefilled value: only the
    # three cells changed above are written.
    assert {o.cell.item_key for o in report.outcomes if o.kind in (NEW, CHANGED, FLAGGED)} <= {
        "anak_total", "status_dekela"}


def test_a_formula_in_an_input_cell_gives_its_saved_value_or_is_invalid(empty, tmp_path) -> None:  # noqa: ANN001
    path = _form(empty, tmp_path / "f.xlsx", [4])
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    ref = _set(ws, "anak_total", "L", "1-4", "=2+3")  # openpyxl saves no result: never evaluated here
    wb.save(path)
    before = dump(empty)
    o = _by_ref(xlsx_form.import_form(empty, path, dry_run=False))[f"4. Akta Kelahiran!{ref}"]
    assert (o.kind, o.code) == (INVALID, "xlsx_formula_no_value")
    assert dump(empty) == before
    # With a cached value (as Excel and LibreOffice save it) the value is used, the formula not run.
    _patch_member(path, "xl/worksheets/", lambda xml: xml.replace(b"<f>2+3</f><v></v>", b"<f>2+3</f><v>5</v>")
                  .replace(b"<f>2+3</f>", b"<f>2+3</f><v>5</v>", 1) if b"<v>5</v>" not in xml else xml)
    o = _by_ref(xlsx_form.import_form(empty, path, dry_run=False))[f"4. Akta Kelahiran!{ref}"]
    assert (o.kind, o.new) == (NEW, 5)


def test_invalid_cells_are_listed_with_their_references_and_a_dry_run_changes_nothing(store, tmp_path) -> None:  # noqa: ANN001
    path = _form(store, tmp_path / "f.xlsx", [2, 4])
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    neg = _set(ws, "anak_total", "L", "1-4", -3)
    frac = _set(ws, "anak_total", "P", "1-4", 2.5)
    ok = _set(ws, "anak_total", "P", "12-17", 999)
    two = wb["2. Terlembaga KLA"]
    r = _row(two, "kla|row|rapat_tim|")
    two.cell(r, 3, "dua belas")
    wb.save(path)
    before = dump(store)
    report = xlsx_form.import_form(store, path, dry_run=True)
    assert dump(store) == before
    got = _by_ref(report)
    assert (got[f"4. Akta Kelahiran!{neg}"].kind, got[f"4. Akta Kelahiran!{neg}"].code) == (INVALID, "value_negative")
    assert got[f"4. Akta Kelahiran!{frac}"].code == "value_not_whole"
    assert got[f"2. Terlembaga KLA!C{r}"].code == "value_not_number"
    assert got[f"4. Akta Kelahiran!{ok}"].kind in (CHANGED, FLAGGED)
    assert report.count(INVALID) == 3
    # Applied: the valid cell is stored, the invalid ones leave the old values.
    year = _year(store)
    old = store.values(None, year, 4)[("anak_total", "L", "1-4")]
    xlsx_form.import_form(store, path, dry_run=False)
    assert store.values(None, year, 4)[("anak_total", "P", "12-17")] == 999
    assert store.values(None, year, 4)[("anak_total", "L", "1-4")] == old


def test_a_part_over_its_whole_is_stored_and_flagged_or_refused_as_the_store_decides(empty, tmp_path) -> None:  # noqa: ANN001
    path = _form(empty, tmp_path / "f.xlsx", [4])
    wb = load_workbook(path)
    ws = wb["4. Akta Kelahiran"]
    _set(ws, "anak_total", "L", "1-4", 10)
    ref = _set(ws, "anak_berakta", "L", "1-4", 20)
    wb.save(path)
    o = _by_ref(xlsx_form.import_form(empty, path, dry_run=False))[f"4. Akta Kelahiran!{ref}"]
    if o.kind == FLAGGED:  # save and flag (issue 8)
        assert any(f.get("code") == "part_exceeds_whole" for f in o.flags)
        assert empty.values(None, _year(empty), 4)[("anak_berakta", "L", "1-4")] == 20
    else:
        assert (o.kind, o.code) == (INVALID, "part_exceeds_whole")


# ---------------------------------------------------------------------------- another unit, year, template


def test_a_form_of_another_unit_year_or_template_is_refused_with_the_reason(store, tmp_path) -> None:  # noqa: ANN001
    other = Store.create(tmp_path / "lain", "kelurahan", kelurahan_code=OTHER_KEL)
    try:
        foreign = _form(other, tmp_path / "lain.xlsx", [2])
    finally:
        other.close()
    before = dump(store)
    with pytest.raises(KlaError) as e:
        xlsx_form.import_form(store, foreign, dry_run=True)
    assert e.value.code == "xlsx_other_unit" and e.value.params["unit"] == "Margo Mulyo"
    from ui.messages import error_text

    assert error_text(e.value) == (
        "Formulir ini untuk Desa Perian, sedangkan ruang kerja ini milik Kelurahan Margo Mulyo. Ditolak; tidak "
        "ada yang diubah. Pakai formulir yang diunduh untuk kelurahan ini.")
    year = _year(store)
    older = next(y for y in store.data_years() if y != year)
    path = _form(store, tmp_path / "f.xlsx", [2], year=older)
    with pytest.raises(KlaError) as e:
        xlsx_form.import_form(store, path, dry_run=False, expected_year=year)
    assert (e.value.code, e.value.params["form_year"]) == ("xlsx_other_year", older)
    # A template version the store does not have, or the same version with other content.
    for key, value, code in (("template_version", "99", "xlsx_template_newer"),
                             ("template_hash", "0" * 64, "xlsx_template_changed"),
                             ("template_id", "lain", "xlsx_other_template"),
                             ("format", "7", "xlsx_form_format")):
        forged = _forge_meta(path, tmp_path / f"{key}.xlsx", key, value)
        with pytest.raises(KlaError) as e:
            xlsx_form.import_form(store, forged, dry_run=False)
        assert e.value.code == code
    assert dump(store) == before


def test_an_older_template_version_is_migrated_by_its_declared_rules_and_said_so(empty, tmp_path) -> None:  # noqa: ANN001
    from db.template import parse_template

    year = _year(empty)
    path = _form(empty, tmp_path / "v1.xlsx", [2])
    wb = load_workbook(path)
    two = wb["2. Terlembaga KLA"]
    two.cell(_row(two, "kla|row|rapat_tim|"), 3, 6)
    two.cell(_row(two, "kla|row|nomor_sk_tim|"), 3, "SK 1/2026")
    wb.save(path)
    raw = dict(empty.template.raw)
    raw["version"] = empty.template.version + 1
    inds = []
    for ind in raw["indicators"]:
        ind = dict(ind)
        if ind["no"] == 2:
            items = []
            for it in ind["items"]:
                it = dict(it)
                if it["key"] == "rapat_tim":
                    it["key"] = "rapat_tim_kla"
                if it["key"] != "nomor_sk_tim":
                    items.append(it)
            ind["items"] = items
        inds.append(ind)
    raw["indicators"] = inds
    raw["migrations"] = [{"from_version": empty.template.version, "rename": {"2.rapat_tim": "rapat_tim_kla"},
                          "drop": ["2.nomor_sk_tim"]}]
    empty.install_template_with_migration(parse_template(raw))
    report = xlsx_form.import_form(empty, path, dry_run=False)
    assert [n.code for n in report.notices] == ["xlsx_migrated"]
    assert empty.values(None, year, 2)[("rapat_tim_kla", "", "")] == 6
    # The retired item's value typed in the old form is kept and listed, as a stored value would be.
    dropped = next(o for o in report.outcomes if o.cell.item_key == "nomor_sk_tim")
    assert (dropped.kind, dropped.code, dropped.new) == (UNCHANGED, "xlsx_kept_by_template", "SK 1/2026")
    assert [(r["item_key"], r["value"], r["reason"], r["from_version"]) for r in empty.retired_values()] == [
        ("nomor_sk_tim", "SK 1/2026", "retired@1", 1)]
    # Steps chain over versions: version 3 renames again and merges two counts of indicator 3.
    raw3 = json.loads(json.dumps(raw))
    raw3["version"] += 1
    for ind in raw3["indicators"]:
        if ind["no"] == 2:
            for it in ind["items"]:
                if it["key"] == "rapat_tim_kla":
                    it["key"] = "rapat_gugus_tugas"
        if ind["no"] == 3:
            ind["items"] = [it for it in ind["items"] if it["key"] not in ("media", "tokoh_masyarakat")] + [
                {"key": "mitra_lain", "label": "Media dan tokoh masyarakat", "type": "count"}]
    raw3["migrations"] = raw["migrations"] + [{
        "from_version": raw["version"], "rename": {"2.rapat_tim_kla": "rapat_gugus_tugas"},
        "merge": [{"from": ["3.media", "3.tokoh_masyarakat"], "into": "mitra_lain"}]}]
    empty.install_template_with_migration(parse_template(raw3))
    report = xlsx_form.import_form(empty, path, dry_run=True)  # the version-1 form, now at version 3
    got = {o.cell.item_key: o for o in report.outcomes}
    assert got["rapat_gugus_tugas"].kind in (UNCHANGED, CHANGED)  # moved twice: rapat_tim -> _kla -> _gugus_tugas
    assert (got["nomor_sk_tim"].kind, got["nomor_sk_tim"].code) == (UNCHANGED, "xlsx_kept_by_template")
    # Without any step declared since the form's version it is refused.
    raw4 = json.loads(json.dumps(raw3))
    raw4["version"] += 1
    raw4["migrations"] = []
    empty.install_template_with_migration(parse_template(raw4))
    with pytest.raises(KlaError) as e:
        xlsx_form.import_form(empty, path, dry_run=True)
    assert e.value.code == "xlsx_template_older"


def test_the_merged_items_of_an_older_form_are_added_into_the_new_item(empty, tmp_path) -> None:  # noqa: ANN001
    from db.template import parse_template

    path = _form(empty, tmp_path / "v1.xlsx", [3])
    wb = load_workbook(path)
    three = wb["3. Keterlibatan Masyarakat"]
    three.cell(_row(three, "kla|row|media|"), 3, 2)
    three.cell(_row(three, "kla|row|tokoh_masyarakat|"), 3, 3)
    three.cell(_row(three, "kla|row|lembaga_masyarakat|"), 3, 5)
    wb.save(path)
    raw = json.loads(json.dumps(empty.template.raw))
    raw["version"] += 1
    for ind in raw["indicators"]:
        if ind["no"] == 3:
            ind["items"] = [it for it in ind["items"] if it["key"] not in ("media", "tokoh_masyarakat")] + [
                {"key": "mitra_lain", "label": "Media dan tokoh masyarakat", "type": "count"}]
    raw["migrations"] = [{"from_version": empty.template.version,
                          "merge": [{"from": ["3.media", "3.tokoh_masyarakat"], "into": "mitra_lain"}]}]
    empty.install_template_with_migration(parse_template(raw))
    before = dump(empty)
    report = xlsx_form.import_form(empty, path, dry_run=True)
    got = {o.cell.item_key: o for o in report.outcomes}
    assert (got["mitra_lain"].kind, got["mitra_lain"].new) == (NEW, 5)  # 2 + 3, as stored entries are merged
    assert got["mitra_lain"].cell.coordinate.count("+") == 1
    assert (got["tokoh_masyarakat"].kind, got["tokoh_masyarakat"].code) == (UNCHANGED, "xlsx_merged_into")
    assert got["tokoh_masyarakat"].params["item"] == "Media dan tokoh masyarakat"
    assert got["lembaga_masyarakat"].kind == NEW
    assert dump(empty) == before
    xlsx_form.import_form(empty, path, dry_run=False)
    assert empty.values(None, _year(empty), 3)[("mitra_lain", "", "")] == 5



def test_the_city_workspace_does_not_import_a_kelurahan_form(tmp_path, store) -> None:  # noqa: ANN001
    path = _form(store, tmp_path / "f.xlsx", [2])
    city = Store.create(tmp_path / "kota", "city")
    try:
        before = dump(city)
        with pytest.raises(KlaError) as e:
            xlsx_form.import_form(city, path, dry_run=False)
        assert (e.value.code, e.value.params["needed"]) == ("role_mismatch", "kelurahan")
        assert dump(city) == before
    finally:
        city.close()


# ---------------------------------------------------------------------------- hostile workbooks


def _patch_member(path: Path, prefix: str, change: Any) -> None:
    """Rewrite the parts of an .xlsx whose names start with ``prefix``."""
    with zipfile.ZipFile(path) as zf:
        members = [(i, zf.read(i.filename)) for i in zf.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info.filename, change(data) if info.filename.startswith(prefix) else data)
    path.write_bytes(buf.getvalue())


def _forge_meta(src: Path, dest: Path, key: str, value: str) -> Path:
    wb = load_workbook(src)
    meta = wb["_kla"]
    for r in range(1, meta.max_row + 1):
        if meta.cell(r, 2).value == key:
            meta.cell(r, 3, value)
    wb.save(dest)
    return dest


def _with_members(src: Path, dest: Path, extra: dict[str, bytes], compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(src) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(dest, "w", compress) as zf:
        for name, data in members:
            zf.writestr(name, data)
        for name, data in extra.items():
            zf.writestr(name, data)
    return dest


def _million_rows(path: Path, dimension: bool) -> Path:
    """A workbook whose one sheet holds a million rows, streamed straight into the zip (openpyxl is too slow)."""
    wb = Workbook()
    wb.active.title = "Data"
    wb.active["A1"] = 1
    small = path.with_name("small.xlsx")
    wb.save(small)
    with zipfile.ZipFile(small) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            if name != "xl/worksheets/sheet1.xml":
                zf.writestr(name, data)
                continue
            with zf.open(name, "w") as out:
                out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                          b'spreadsheetml/2006/main">')
                if dimension:
                    out.write(b'<dimension ref="A1:A1000000"/>')
                out.write(b"<sheetData>")
                chunk = []
                for r in range(1, 1_000_001):
                    chunk.append(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r))
                    if len(chunk) == 10000:
                        out.write(b"".join(chunk))
                        chunk = []
                out.write(b"".join(chunk) + b"</sheetData></worksheet>")
    return path


HOSTILE = [
    ("not_a_workbook", "xlsx_not_workbook"),
    ("old_xls", "xlsx_old_or_locked"),
    ("ods", "xlsx_is_ods"),
    ("xlsm_name", "xlsx_macros"),
    ("vba_inside", "xlsx_macros"),
    ("external_link", "xlsx_external_links"),
    ("zip_bomb", "xlsx_zip_bomb"),
    ("too_many_entries", "xlsx_zip_bomb"),
    ("huge_dimension", "xlsx_too_many_rows"),
    ("truncated", "xlsx_damaged"),
    ("bad_crc", "xlsx_damaged"),  # a sheet that does not inflate whole: zipfile raised past the checks
    ("foreign_workbook", "xlsx_not_form"),
    ("garbage_xml", "xlsx_unreadable"),
    ("too_large", "xlsx_too_large"),
]


def _hostile(kind: str, form: Path, tmp: Path) -> Path:
    p = tmp / f"{kind}.xlsx"
    if kind == "not_a_workbook":
        p.write_text("Kode;Nama\n1;Manggar\n")
    elif kind == "old_xls":
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    elif kind == "ods":
        with zipfile.ZipFile(p, "w") as zf:
            zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            zf.writestr("content.xml", "<office:document-content/>")
    elif kind == "xlsm_name":
        p = tmp / "makro.xlsm"
        shutil.copy(form, p)
    elif kind == "vba_inside":
        _with_members(form, p, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    elif kind == "external_link":
        _with_members(form, p, {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    elif kind == "zip_bomb":
        _with_members(form, p, {"xl/media/bom.bin": b"\0" * (20 * 1024 * 1024)})
    elif kind == "too_many_entries":
        _with_members(form, p, {f"xl/media/m{i}.bin": b"x" for i in range(1200)}, zipfile.ZIP_STORED)
    elif kind == "huge_dimension":
        shutil.copy(form, p)
        _patch_member(p, "xl/worksheets/sheet3", lambda xml: xml.replace(
            b"<dimension ref=\"", b"<dimension ref=\"A1:B1048576\"/><x ref=\"", 1))
    elif kind == "truncated":
        p.write_bytes(form.read_bytes()[:3000])
    elif kind == "bad_crc":
        data = bytearray(form.read_bytes())
        with zipfile.ZipFile(form) as zf:
            info = next(i for i in zf.infolist() if i.filename.startswith("xl/worksheets/"))
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start + info.compress_size // 2] ^= 0x55
        p.write_bytes(bytes(data))
    elif kind == "foreign_workbook":
        wb = Workbook()
        ws = wb.active
        ws.title = "Rekap Disdukcapil"
        ws.append(["Kelurahan", "L", "P"])
        ws.append(["Margo Mulyo", 512, 498])
        wb.save(p)
    elif kind == "garbage_xml":
        shutil.copy(form, p)
        _patch_member(p, "xl/workbook.xml", lambda xml: b"<workbook><sheets><sheet name=")
    elif kind == "too_large":
        shutil.copy(form, p)
        with open(p, "ab") as fh:
            fh.write(os.urandom(21 * 1024 * 1024))
    return p


@pytest.mark.parametrize(("kind", "code"), HOSTILE, ids=[k for k, _c in HOSTILE])
def test_a_hostile_workbook_is_refused_cleanly_and_changes_nothing(store, tmp_path, kind, code) -> None:  # noqa: ANN001
    form = _form(store, tmp_path / "f.xlsx", [2, 4])
    path = _hostile(kind, form, tmp_path)
    before = dump(store)
    with pytest.raises(KlaError) as e:
        xlsx_form.import_form(store, path, dry_run=False)
    assert e.value.code == code, e.value
    assert dump(store) == before
    from ui.messages import error_text

    words = error_text(e.value)
    assert "Terjadi kesalahan (" not in words and ("diubah" in words or "Ditolak" in words)


@pytest.mark.parametrize("dimension", [True, False], ids=["declared", "undeclared"])
def test_a_million_rows_are_refused_before_they_are_read(store, tmp_path, dimension) -> None:  # noqa: ANN001
    path = _million_rows(tmp_path / "sejuta.xlsx", dimension)
    before = dump(store)
    with pytest.raises(KlaError) as e:
        xlsx_form.import_form(store, path, dry_run=False)
    # Its sheet is larger than any form's sheet unpacked: refused before a row is parsed.
    assert e.value.code == "xlsx_zip_bomb" and e.value.params["detail"] == "member_too_large"
    assert dump(store) == before
    # Within a looser size limit its rows are counted (in the raw bytes, declared or not) and refused.
    limits = Limits(max_member_bytes=64 * 1024 * 1024, max_total_bytes=128 * 1024 * 1024)
    with pytest.raises(KlaError) as e:
        xlsx_form.read_form(path, limits=limits)
    assert (e.value.code, e.value.params["sheet"], e.value.params["rows"]) == ("xlsx_too_many_rows", "Data", 1_000_000)


def test_limits_are_checked_on_our_own_form_too(store, tmp_path) -> None:  # noqa: ANN001
    path = _form(store, tmp_path / "f.xlsx", [4])
    with pytest.raises(KlaError) as e:
        xlsx_form.read_form(path, limits=Limits(max_rows=20))
    assert e.value.code == "xlsx_too_many_rows" and e.value.params["sheet"] in ("4. Akta Kelahiran", "_kla")


def test_a_form_of_version_1_imports_into_a_workspace_on_version_3_through_the_chained_rules(empty, tmp_path) -> None:  # noqa: ANN001, E501
    """Issue 12: the clerk's Excel form of version 1 comes back after DP3AKB put version 2 (shipped) and
    then a version 3 in force: values land on renamed and merged items, a retired item's value is kept
    and listed, and what the clerk did not touch is not listed twice."""
    from db.template import shipped_template
    from tests.db.test_template_v2 import v3_from

    year = _year(empty)
    empty.set_value(None, year, 1, "anak_memberi_masukan", 4, sex="L")  # typed before the form was made
    path = _form(empty, tmp_path / "v1.xlsx", [1, 2, 3, 6])
    wb = load_workbook(path)
    two, three, one = wb["2. Terlembaga KLA"], wb["3. Keterlibatan Masyarakat"], wb["1. Perda KLA"]
    two.cell(_row(two, "kla|row|rapat_tim|"), 3, 7)
    three.cell(_row(three, "kla|row|media|"), 3, 2)
    three.cell(_row(three, "kla|row|tokoh_masyarakat|"), 3, 3)
    assert one.cell(_row(one, "kla|row|anak_memberi_masukan|L"), 3).value == 4
    one.cell(_row(one, "kla|row|anak_memberi_masukan|P"), 3, 6)  # P typed in Excel; L left as it was
    six = wb["6. Partisipasi Anak"]
    six.cell(_row(six, "kla|row|usulan_anak|"), 3, 9)
    wb.save(path)
    empty.install_template_with_migration(shipped_template("kla24", 2))
    empty.install_template_with_migration(v3_from(shipped_template("kla24", 2)))
    assert empty.template.version == 3
    kept_by_workspace = [(r["item_key"], r["sex"], r["value"]) for r in empty.retired_values()]
    assert kept_by_workspace == [("anak_memberi_masukan", "L", 4)]
    report = xlsx_form.import_form(empty, path, dry_run=False)
    assert [n.code for n in report.notices] == ["xlsx_migrated"]
    assert report.notices[0].params == {"form_version": 1, "version": 3}
    assert empty.values(None, year, 2)[("rapat_gugus_tugas", "", "")] == 7  # renamed in step 1
    assert empty.values(None, year, 3)[("mitra_lain", "", "")] == 5  # merged in step 2
    assert empty.values(None, year, 6)[("usulan_musrenbang", "", "")] == 9  # split with a carry in step 2
    got = {(o.cell.item_key, o.cell.sex): o for o in report.outcomes}
    assert got[("anak_memberi_masukan", "P")].code == "xlsx_kept_by_template"
    assert got[("anak_memberi_masukan", "L")].code == "xlsx_kept_by_template"
    listed = sorted((r["item_key"], r["sex"], r["value"], r["reason"]) for r in empty.retired_values())
    assert listed == [("anak_memberi_masukan", "L", 4, "retired@2"), ("anak_memberi_masukan", "P", 6, "retired@2")]
    from ui.entry.xlsx_words import outcome_sentence

    assert "disimpan di daftar nilai lama (tidak hilang)" in outcome_sentence(got[("anak_memberi_masukan", "P")])
    merged = next(o for o in report.outcomes if o.code == "xlsx_merged_into")
    assert outcome_sentence(merged) == "Dijumlahkan ke isian “Media dan tokoh masyarakat” (template versi 3)."
