"""``kla entry form-xlsx`` and ``kla entry import-xlsx``: the Excel form from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from tests.db.conftest import KEL
from tests.desktop.test_cli import db_bytes, kla, ok, refused


def _row(ws, token: str) -> int:  # noqa: ANN001
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == token)


def test_form_out_filled_dry_run_then_import(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, "--operator", "Siti", home=home)
    out = tmp_path / "flashdisk"
    out.mkdir()
    r = ok("entry", "form-xlsx", "--year", "2026", "--out", str(out), "--indicator", "4", "--indicator", "2",
           home=home)
    assert "Formulir Excel Kelurahan Manggar tahun data 2026 (2 indikator)" in r.stdout
    form = next(out.glob("*.xlsx"))
    assert form.name == "Formulir KLA Manggar 2026.xlsx"
    wb = load_workbook(form)
    ws = wb["4. Akta Kelahiran"]
    row = _row(ws, "kla|row|anak_total|L")
    ws.cell(row, 3, "1.234")
    ws.cell(row, 4, -5)
    two = wb["2. Terlembaga KLA"]
    two.cell(_row(two, "kla|row|rapat_tim|"), 3, 6)
    wb.save(form)

    before = db_bytes(home)
    r = ok("entry", "import-xlsx", str(form), "--dry-run", home=home)
    assert db_bytes(home) == before
    assert f"Baru       4. Akta Kelahiran!C{row}  Jumlah anak — Laki-laki, 0–60 hari: 1.234." in r.stdout
    assert f"Tidak sah  4. Akta Kelahiran!D{row}" in r.stdout and "'-5' bernilai negatif" in r.stdout
    assert "Uji coba: belum ada yang disimpan (2 baru, 0 berubah, 0 ditandai, 1 tidak sah" in r.stdout
    assert "anak_total" not in r.stdout

    r = ok("--json", "entry", "import-xlsx", str(form), home=home)
    data = json.loads(r.stdout)
    assert data["counts"]["new"] == 2 and data["counts"]["invalid"] == 1 and not data["dry_run"]
    bad = next(c for c in data["cells"] if c["kind"] == "invalid")
    assert bad["ref"] == f"4. Akta Kelahiran!D{row}" and bad["code"] == "value_negative"
    shown = json.loads(ok("--json", "entry", "show", "--year", "2026", "--indicator", "4", home=home).stdout)
    assert "1234" in json.dumps(shown) or "1.234" in json.dumps(shown)
    # Once more: nothing left to save.
    r = ok("entry", "import-xlsx", str(form), home=home)
    assert "Tidak ada yang perlu disimpan" in r.stdout


def test_refusals_are_one_line_and_change_nothing(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, home=home)
    other = tmp_path / "lain"
    ok("init", "--role", "kelurahan", "--kelurahan", "64.71.02.1005", home=other)
    form = tmp_path / "lain.xlsx"
    ok("entry", "form-xlsx", "--year", "2026", "--out", str(form), "--indicator", "2", home=other)
    before = db_bytes(home)
    line = refused("entry", "import-xlsx", str(form), home=home)
    assert "Formulir ini untuk Kelurahan Margo Mulyo" in line and "tidak ada yang diubah" in line
    line = refused("entry", "import-xlsx", str(form), "--year", "2025", home=other)
    assert "tahun data 2026" in line
    csv = tmp_path / "rekap.xlsx"
    csv.write_text("Kelurahan;Jumlah\nManggar;12\n")
    assert "bukan buku kerja Excel" in refused("entry", "import-xlsx", str(csv), home=home)
    macro = tmp_path / "makro.xlsm"
    macro.write_bytes(form.read_bytes())
    assert "makro" in refused("entry", "import-xlsx", str(macro), home=home)
    assert db_bytes(home) == before
    r = kla("entry", "form-xlsx", "--year", "2026", "--out", str(tmp_path / "x.xlsx"), "--indicator", "99", home=home)
    assert r.returncode == 1 and not (tmp_path / "x.xlsx").exists()


def test_a_recap_mapped_in_the_window_imports_from_the_command_line(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from db.store import Store
    from exports.xlsx_mapping import Mapping, Target, save_mapping

    home = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, home=home)
    with Store.open(home) as store:
        save_mapping(store, Mapping("Rekap Disdukcapil", "", "Kelurahan", "Manggar",
                                    {"L 0-60 hari": Target(4, "anak_total", "L", "0-60h")}))
    wb = Workbook()
    wb.active.append(["Kelurahan", "L 0-60 hari"])
    wb.active.append(["Manggar", 17])
    recap = tmp_path / "rekap.xlsx"
    wb.save(recap)
    r = ok("entry", "import-xlsx", str(recap), "--year", "2026", home=home)
    assert "Dibaca dengan pemetaan kolom “Rekap Disdukcapil”." in r.stdout
    assert "Baru       Sheet!B2  Jumlah anak — Laki-laki, 0–60 hari: 17." in r.stdout
    wb = Workbook()
    wb.active.append(["Nama", "Jumlah"])
    other = tmp_path / "lain.xlsx"
    wb.save(other)
    assert "tidak cocok dengan pemetaan kolom" in refused("entry", "import-xlsx", str(other), home=home)


def test_a_desa_form_and_sheet_are_named_desa(tmp_path: Path) -> None:
    home = tmp_path / "perian"
    ok("init", "--role", "kelurahan", "--kelurahan", "64.02.01.2001", "--operator", "Sari", home=home)
    r = ok("entry", "form-xlsx", "--year", "2026", "--out", str(tmp_path / "F.xlsx"), "--indicator", "4", home=home)
    assert r.stdout.startswith("Formulir Excel Desa Perian tahun data 2026 (1 indikator) ditulis ke ")
    r = ok("entry", "import-xlsx", str(tmp_path / "F.xlsx"), "--dry-run", home=home)
    assert r.stdout.startswith("Formulir Desa Perian tahun data 2026 ")
    r = ok("report", "sheet", "--year", "2026", "--out", str(tmp_path / "lembar.pdf"), home=home)
    assert r.stdout.startswith("Lembar kemajuan Desa Perian tahun data 2026 ditulis ke ")
    assert "Kelurahan" not in r.stdout


def test_a_kabupaten_report_line_says_kabupaten_and_desa_kelurahan(tmp_path: Path) -> None:
    home = tmp_path / "kukar"
    ok("init", "--role", "city", "--city", "64.02", home=home)
    r = ok("report", "city", "--year", "2026", "--out", str(tmp_path / "kab.pdf"), home=home)
    assert r.stdout.startswith("Laporan kabupaten tahun data 2026 (237 desa/kelurahan) ditulis ke ")
    r = ok("city", "indicator2", "--year", "2026", home=home)
    assert "Desa/Kelurahan berstatus DEKELA" in r.stdout and "Kelurahan berstatus" not in r.stdout.replace(
        "Desa/Kelurahan berstatus", "")


def test_a_workbook_too_long_or_too_wide_is_refused_with_its_numbers(tmp_path: Path) -> None:
    """The refusal read "Lembar “{sheet}” ... ({rows} baris, {columns} kolom ... {row_limit} baris)": the
    message named a parameter never raised; a sheet too wide had no message at all."""
    from openpyxl import Workbook

    home = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, "--operator", "Siti", home=home)
    long_, wide = tmp_path / "panjang.xlsx", tmp_path / "lebar.xlsx"
    wb = Workbook()
    wb.active.title = "Rekap"
    for i in range(6000):
        wb.active.append([i, "x"])
    wb.save(long_)
    wb = Workbook()
    wb.active.title = "Rekap"
    wb.active.append(list(range(300)))
    wb.save(wide)
    before = db_bytes(home)
    line = refused("entry", "import-xlsx", str(long_), home=home)
    assert "Lembar “Rekap”" in line and "(6.000 baris; formulir KLA paling banyak 5.000 baris)" in line
    line = refused("entry", "import-xlsx", str(wide), home=home)
    assert "Lembar “Rekap”" in line and "(300 kolom; formulir KLA paling banyak 200 kolom)" in line
    assert "{" not in line and "xlsx_" not in line
    assert db_bytes(home) == before
