"""Reports and exports: what lands on disk (PDF text, workbook cells, zip entries), no Qt.

One kelurahan demo workspace is made once per run (under a second) and copied; the city
tests use a small city workspace with a few values rather than the 34-kelurahan demo.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.demo import create_demo
from db.errors import KlaError
from db.store import Store
from exports import reports

ROOT = Path(__file__).resolve().parents[2]
KEL = "64.71.02.1005"  # Margo Mulyo, Balikpapan Barat
OTHER = "64.71.01.1001"
PDFTOTEXT = shutil.which("pdftotext")


def pdf_text(path: Path) -> str:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    r = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return r.stdout


def assert_whole_pdf(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-1024:]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(reports.TMP_SUFFIX))


@pytest.fixture
def kel_home(margo_mulyo_demo: Path, tmp_path: Path) -> Path:
    home = tmp_path / "kel"
    shutil.copytree(margo_mulyo_demo, home)
    return home


@pytest.fixture
def kel_store(kel_home: Path):  # noqa: ANN201
    store = Store.open(kel_home, operator="Siti Aminah", start_backup=False)
    yield store
    store.close()


def year_of(store: Store) -> int:
    return max(store.current_period().data_years)


# ---------------------------------------------------------------------------- progress sheet


def test_sheet_pdf_shows_the_kelurahan_its_indicators_and_what_is_missing(kel_store: Store, tmp_path: Path) -> None:
    year = year_of(kel_store)
    data = reports.collect_sheet(kel_store, None, year, now=dt.datetime(2025, 8, 17, 9, 30))
    out = reports.write_sheet_pdf(data, tmp_path / "lembar.pdf")
    assert out == tmp_path / "lembar.pdf"
    assert_whole_pdf(out)
    assert leftovers(tmp_path) == []
    text = pdf_text(out)
    flat = " ".join(text.split())
    st = kel_store.status(None, year)
    assert "Margo Mulyo" in text and "Balikpapan Barat" in text and "Kota Balikpapan" in text
    assert "17 Agustus 2025" in text  # printed date, Indonesian
    assert "Siti Aminah" in text
    assert f"{round(st.completeness * 100)}%" in text
    assert "Akta Kelahiran" in text
    akta = next(i for i in st.indicators if i.indicator_no == 4)
    assert f"{round(akta.completeness * 100)}%" in text
    # What is missing is named with the template's words, not item keys.
    short = next(i for i in st.indicators if i.missing_items)
    label = kel_store.template.indicator(short.indicator_no).item(short.missing_items[0]).label
    assert label in flat
    assert short.missing_items[0] not in text
    # No kab/kota score or category for a kelurahan; completeness and readiness per klaster instead.
    assert "Perkiraan nilai" not in text and "kategori perkiraan" not in flat and "Paripurna (KLA)" not in flat
    assert "Kelengkapan dan kesiapan per klaster" in flat and f"{st.ready_count} dari {len(st.indicators)}" in flat
    pages = int(text.split("Halaman 1 dari ")[1].split()[0])
    assert pages >= 2 and f"Halaman {pages} dari {pages}" in text
    assert "Dicetak dari KLA Desktop" in text
    # A legend of the states, and a signature block for the lurah.
    assert "Keadaan — ○ Belum diisi" in flat and "✓ Siap" in flat
    assert "Mengetahui," in text and "Lurah Margo Mulyo" in text and "NIP." in text
    for a in kel_store.activities(None, year):
        assert a.title in flat
    for f in kel_store.facilities(None):
        assert f.name in flat


def test_sheet_prints_the_values_entered(kel_store: Store, tmp_path: Path) -> None:
    """pdftotext of the sheet shows every value the store holds for the year (issue 10: 0 of 253 before)."""
    from exports.reports import fmt_value

    year = year_of(kel_store)
    t = kel_store.template
    text = pdf_text(reports.write_sheet_pdf(reports.collect_sheet(kel_store, None, year), tmp_path / "l.pdf"))
    flat = " ".join(text.split())
    assert "Data yang diisi – tahun data" in flat
    checked = 0
    for e in kel_store.entries(KEL, year):
        ind = t.indicator(e.indicator_no)
        for (key, sex, age), value in kel_store.values(None, year, e.indicator_no).items():
            item = ind.item(key)
            if item.type in ("text",):
                continue
            assert fmt_value(item, value) in flat, (ind.no, key, sex, age, value)
            checked += 1
    assert checked > 100
    # A sex x age table: the row of boys, its cells and its total, in the template's band order.
    values = kel_store.values(None, year, 13)
    bands = [b.key for b in t.age_bands["balita"]]
    boys = [values[("balita_diukur", "L", b)] for b in bands]
    row = " ".join(reports.fmt_int(v) for v in boys) + " " + reports.fmt_int(sum(boys))
    assert f"Balita yang ditimbang/diukur – laki-laki {row}" in flat
    # A computed percentage, pooled from the typed cells, and the unconfirmed wording marked.
    assert "Prevalensi stunting (dihitung)" in flat and "13. Prevalensi Gizi (rumusan sementara)" in flat


def test_sheet_lists_evidence_too_old_for_the_evaluation(kel_store: Store, tmp_path: Path) -> None:
    year = year_of(kel_store)
    eval_year = kel_store.period_for_data_year(year).eval_year
    src = tmp_path / "rekap-akta-lama.pdf"
    src.write_bytes(b"%PDF-1.4 rekap lama\n")
    kel_store.add_evidence(None, src, links=[(year, 4)], kind="data_table", doc_date=f"{eval_year - 5}-03-01")
    data = reports.collect_sheet(kel_store, None, year)
    assert [(o.indicator_no, o.file_name) for o in data.too_old] == [(4, "rekap-akta-lama.pdf")]
    text = pdf_text(reports.write_sheet_pdf(data, tmp_path / "lembar.pdf"))
    assert "rekap-akta-lama.pdf" in text
    assert f"1 Maret {eval_year - 5}" in text


def test_sheet_of_an_empty_workspace_says_nothing_is_recorded(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "kosong", "kelurahan", kelurahan_code=OTHER, operator="Budi")
    try:
        data = reports.collect_sheet(store, None, year_of(store))
    finally:
        store.close()
    text = pdf_text(reports.write_sheet_pdf(data, tmp_path / "kosong.pdf"))
    assert "0%" in text and "Belum diisi" in text
    assert "Belum ada kegiatan atau inovasi" in text and "Belum ada fasilitas" in text


def test_cancelled_sheet_leaves_nothing(kel_store: Store, tmp_path: Path) -> None:
    data = reports.collect_sheet(kel_store, None, year_of(kel_store))
    out_dir = tmp_path / "keluar"
    with pytest.raises(KlaError) as err:
        reports.write_sheet_pdf(data, out_dir / "batal.pdf", cancelled=lambda: True)
    assert err.value.code == "cancelled"
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_sheet_over_an_existing_file_replaces_it_whole(kel_store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "lembar.pdf"
    dest.write_text("lama")
    reports.write_sheet_pdf(reports.collect_sheet(kel_store, None, year_of(kel_store)), dest)
    assert_whole_pdf(dest)
    assert leftovers(tmp_path) == []


def test_collect_refuses_a_year_outside_every_period_and_another_kelurahan(kel_store: Store) -> None:
    with pytest.raises(KlaError) as err:
        reports.collect_sheet(kel_store, None, 1999)
    assert err.value.code == "year_not_in_period"
    with pytest.raises(KlaError) as err:
        reports.collect_sheet(kel_store, OTHER, year_of(kel_store))
    assert err.value.code == "kelurahan_not_own"


# ---------------------------------------------------------------------------- command line


def kla(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--home", str(home), *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_cli_report_sheet_writes_the_pdf(kel_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "keluar" / "lembar kemajuan.pdf"
    out.parent.mkdir()
    r = kla("report", "sheet", "--year", "2025", "--out", str(out), home=kel_home)
    assert r.returncode == 0, r.stderr
    assert "Margo Mulyo" in r.stdout and str(out) in r.stdout
    assert_whole_pdf(out)
    assert "tahun data 2025" in " ".join(pdf_text(out).split())


def test_cli_report_sheet_into_a_missing_folder_is_refused_and_a_bare_name_gets_pdf(tmp_path: Path) -> None:
    """A mistyped folder (or a flashdisk not in) was made unasked; a name without an extension made a file no
    program opens. The default year is the latest with data (2025), not the latest of the period."""
    home = tmp_path / "ws"
    with Store.create(home, "kelurahan", kelurahan_code="64.71.01.1001", operator="Siti") as s:
        s.set_value(None, 2025, 3, next(i.key for i in s.template.indicator(3).items if i.type == "count"
                                        and not i.sex and not i.age), 4)
    missing = tmp_path / "Dokumen" / "laporan" / "lembar.pdf"
    r = kla("report", "sheet", "--out", str(missing), home=home)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert f"Folder tujuan {missing.parent} tidak ada, jadi tidak ada yang ditulis" in r.stderr
    assert not (tmp_path / "Dokumen").exists()
    r = kla("report", "sheet", "--out", str(tmp_path / "lembar kemajuan"), home=home)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "lembar kemajuan.pdf"
    assert f"tahun data 2025 ditulis ke {out} " in r.stdout
    assert_whole_pdf(out)
    assert not (tmp_path / "lembar kemajuan").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("sheet", "--year", "1999"), "Tahun data 1999 tidak termasuk periode evaluasi"),
        (("sheet", "--year", "2025", "--kelurahan", OTHER), "milik kelurahan"),
        (("xlsx", "--year", "1999"), "Tahun data 1999"),
        (("pack", "--year", "1999"), "Tahun data 1999"),
    ],
)
def test_cli_refusals_are_one_indonesian_line_and_write_nothing(kel_home: Path, tmp_path: Path, args: tuple,
                                                                 words: str) -> None:
    out_dir = tmp_path / "keluar"
    out_dir.mkdir()
    r = kla("report", *args, "--out", str(out_dir / "hasil.bin"), home=kel_home)
    assert r.returncode == 1, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert words in lines[0]
    assert list(out_dir.iterdir()) == []


def test_cli_city_workspace_refuses_an_unknown_kelurahan(tmp_path: Path) -> None:
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Admin").close()
    out = tmp_path / "x.pdf"
    r = kla("report", "sheet", "--year", "2025", "--kelurahan", "64.71.09.9999", "--out", str(out), home=home)
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1
    assert "tidak ditemukan" in r.stderr or "tidak ada" in r.stderr
    assert not out.exists()


# ---------------------------------------------------------------------------- spreadsheet


def test_xlsx_of_a_kelurahan_holds_its_summary_every_value_and_its_evidence(kel_store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from exports import spreadsheet

    year = year_of(kel_store)
    kel_store.set_value(None, year, 4, "anak_total", 321, sex="L", age=kel_store.template.age_bands["akta"][0].key)
    data = spreadsheet.collect_workbook(kel_store, year)
    out = spreadsheet.write_xlsx(data, tmp_path / "kla.xlsx")
    assert leftovers(tmp_path) == []
    wb = load_workbook(out)
    assert wb.sheetnames == list(spreadsheet.SHEETS)
    rows = list(wb["Ringkasan"].iter_rows(values_only=True))
    st = kel_store.status(None, year)
    assert rows[1][:4] == (KEL, "Margo Mulyo", "Balikpapan Barat", year)
    assert rows[1][4] == pytest.approx(st.completeness)
    assert rows[0][rows[0].index("4. Akta Kelahiran")] == "4. Akta Kelahiran"
    values = list(wb["Nilai"].iter_rows(values_only=True))
    n_stored = sum(len(kel_store.value_records(None, year, e.indicator_no)) for e in kel_store.entries(KEL, year))
    assert len(values) - 1 == n_stored
    band = kel_store.template.age_bands["akta"][0]
    # The item by its name where staff read it, its template key only last, under a header saying what it is.
    assert values[0][6:10] == ("Isian", "Jenis kelamin", "Kelompok umur", "Nilai")
    assert values[0][-1] == "Kode isian (untuk rumus dan pengolahan data)"
    assert "Kunci isian" not in values[0]
    hit = [r for r in values if r[6] == "Jumlah anak" and r[7] == "Laki-laki" and r[8] == band.label]
    assert len(hit) == 1 and hit[0][9] == 321 and hit[0][-1] == "anak_total"
    # No column but the last holds an item key.
    keys = {it.key for i in kel_store.template.indicators for it in i.items}
    assert not any(c in keys for r in values[1:] for c in r[:-1])
    ev_rows = list(wb["Data dukung"].iter_rows(values_only=True))[1:]
    assert sorted(r[10] for r in ev_rows) == sorted(e.sha256 for e in kel_store.evidence_list(None, year))
    assert len(list(wb["Kegiatan"].iter_rows())) - 1 == len(kel_store.activities(None, year))
    assert len(list(wb["Fasilitas"].iter_rows())) - 1 == len(kel_store.facilities(None))


def test_xlsx_of_the_city_has_one_summary_row_per_kelurahan(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from exports import spreadsheet

    store = Store.create(tmp_path / "kota", "city", operator="Admin")
    try:
        store.set_value(OTHER, 2025, 1, "ada_kebijakan", "ya")
        data = spreadsheet.collect_workbook(store, 2025)
        n_kel = len(store.units("kelurahan"))
    finally:
        store.close()
    wb = load_workbook(spreadsheet.write_xlsx(data, tmp_path / "kota.xlsx"))
    summary = list(wb["Ringkasan"].iter_rows(values_only=True))[1:]
    assert len(summary) == n_kel == 34
    values = list(wb["Nilai"].iter_rows(values_only=True))[1:]
    assert [(r[0], r[4], r[12], r[9]) for r in values] == [(OTHER, 1, "ada_kebijakan", "Ya")]


def test_cli_report_xlsx(kel_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "kla.xlsx"
    r = kla("report", "xlsx", "--year", "2025", "--out", str(out), home=kel_home)
    assert r.returncode == 0, r.stderr
    assert "Lembar kerja Excel" in r.stdout
    import zipfile

    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None


# ---------------------------------------------------------------------------- evidence pack


def test_pack_of_a_kelurahan_has_klaster_folders_an_index_and_the_stored_bytes(kel_store: Store,
                                                                               tmp_path: Path) -> None:
    import csv
    import hashlib
    import io
    import zipfile

    from exports import evidence_pack

    year = year_of(kel_store)
    result = evidence_pack.write_pack(kel_store, year, tmp_path / "paket.zip")
    assert leftovers(tmp_path) == []
    records = kel_store.evidence_list(None, year)
    n_links = sum(1 for e in records for y, _i in e.links if y == year)
    assert result.files == n_links > 0 and result.kelurahan == 1
    with zipfile.ZipFile(result.path) as z:
        names = z.namelist()
        assert names[:2] == ["daftar-isi.csv", "daftar-isi.html"]
        akta = [n for n in names if n.startswith("Klaster I/4. Akta Kelahiran/")]
        assert akta
        index = list(csv.DictReader(io.StringIO(z.read("daftar-isi.csv").decode("utf-8-sig"))))
        assert len(index) == n_links
        by_sha = {e.sha256 for e in records}
        for row in index:
            data = z.read(row["Berkas dalam paket"])
            assert hashlib.sha256(data).hexdigest() == row["Sidik SHA-256"]
            assert row["Sidik SHA-256"] in by_sha
        assert "Margo Mulyo" in z.read("daftar-isi.html").decode("utf-8")


def test_pack_of_the_city_puts_each_kelurahan_in_its_folder_and_cancel_leaves_nothing(tmp_path: Path) -> None:
    import zipfile

    from exports import evidence_pack

    store = Store.create(tmp_path / "kota", "city", operator="Admin")
    try:
        src = tmp_path / "sk tim/kla.pdf".replace("/", "-")
        src.write_bytes(b"%PDF-1.4 SK Tim KLA\n")
        store.add_evidence(OTHER, src, links=[(2025, 2)], kind="sk", caption="SK Tim KLA")
        out = tmp_path / "keluar" / "kota.zip"
        with pytest.raises(KlaError):
            evidence_pack.write_pack(store, 2025, out, cancelled=lambda: True)
        assert not out.exists() and leftovers(out.parent) == []
        result = evidence_pack.write_pack(store, 2025, out)
        name = store.kelurahan(OTHER).name
    finally:
        store.close()
    with zipfile.ZipFile(result.path) as z:
        assert f"{name} ({OTHER})/Kelembagaan/2. Terlembaga KLA/sk tim-kla.pdf" in z.namelist()


# ---------------------------------------------------------------------------- city report


def test_city_report_rolls_up_kecamatan_and_lists_every_kelurahan(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "kota", "city", operator="Admin DP3AKB")
    try:
        store.set_value(OTHER, 2025, 1, "ada_kebijakan", "ya")
        data = reports.collect_city(store, 2025, now=dt.datetime(2025, 8, 17, 10, 0))
        kel_names = [u.name for u in store.units("kelurahan")]
        other = store.kelurahan(OTHER).name
    finally:
        store.close()
    assert len(data.statuses) == 34
    out = reports.write_city_pdf(data, tmp_path / "kota.pdf")
    assert_whole_pdf(out)
    text = pdf_text(out)
    flat = " ".join(text.split())
    assert "Kota Balikpapan" in text and "17 Agustus 2025" in text
    assert "Per kecamatan" in text and "Balikpapan Barat" in text
    assert "Kelurahan paling tertinggal" in text
    assert "Indikator yang paling sering belum lengkap" in text
    for name in kel_names:
        assert name in flat
    assert other in flat and "Halaman 1 dari" in text
    # The city's own estimate, labelled; indicator 2; the chase list; the city totals; signatures.
    assert "Perkiraan nilai kota" in flat and "tidak resmi" in flat and "Rata-rata perkiraan nilai kelurahan" not in flat
    assert "Kelembagaan indikator 2" in flat and "Kelurahan berstatus DEKELA" in flat
    assert "Pengingat kiriman kelurahan" in flat and "Belum mengirim" in flat
    assert "Angka kota dari data kelurahan" in flat and "Ada kebijakan KLA tingkat kelurahan: Ya" in flat
    assert "1 kel. (100,0%)" in flat and "1 dari 34 kel." in flat
    assert "Kepala DP3AKB Kota Balikpapan" in flat


def test_city_report_needs_a_city_workspace(kel_store: Store) -> None:
    with pytest.raises(KlaError) as err:
        reports.collect_city(kel_store, year_of(kel_store))
    assert err.value.code == "role_needs_city"


def test_sheet_shows_dp3akb_review_in_what_is_missing(kel_store: Store, tmp_path: Path) -> None:
    year = year_of(kel_store)
    kel_store.set_review(KEL, year, 7, "perlu_perbaikan", "Foto kegiatan belum ada tanggalnya.")
    kel_store.set_review(KEL, year, 5, "diterima", "")
    data = reports.collect_sheet(kel_store, None, year)
    states = {i.indicator_no: i.review_state for i in data.status.indicators}
    assert states[7] == "perlu_perbaikan" and states[5] == "diterima"
    out = reports.write_sheet_pdf(data, tmp_path / "lembar.pdf")
    flat = " ".join(pdf_text(out).split())
    # The note wraps inside its cell: both halves are there.
    assert "DP3AKB: perlu perbaikan – Foto kegiatan" in flat and "belum ada tanggalnya." in flat
    assert flat.count("DP3AKB: perlu perbaikan") == 1
    assert flat.count("DP3AKB: diterima") == 1


def test_the_sheet_counts_every_kind_of_flag_in_words() -> None:
    from exports.reports import flags_words

    flags = [{"code": "part_exceeds_whole", "cells": (("anak_berakta", "L", "0-60h"),)},
             {"code": "year_change", "cells": (("anak_total", "L", "0-60h"),)},
             {"code": "year_change", "cells": (("anak_total", "P", "0-60h"),)}]
    words = flags_words(flags)
    assert words == "3 angka: 1 bagian lebih besar dari keseluruhannya, 2 berubah jauh dari tahun lalu"
    assert "anak_" not in words


def test_sheet_table_headers_keep_their_words_whole(kel_store: Store, tmp_path: Path) -> None:
    """The activities and facilities tables printed "Indikato / r" and "Standardisas / i" in their headers."""
    year = year_of(kel_store)
    assert kel_store.activities(None, year) and kel_store.facilities(None)
    out = reports.write_sheet_pdf(reports.collect_sheet(kel_store, None, year), tmp_path / "lembar.pdf")
    r = subprocess.run([PDFTOTEXT or "pdftotext", str(out), "-"], capture_output=True, text=True, check=False)
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    words = r.stdout.split()
    assert "Standardisasi" in words and "Standardisas" not in words and "Indikato" not in words


def _words_with_boxes(pdf: Path) -> list[tuple[str, float, float]]:
    """(word, right edge, top) of every word pdftotext finds in ``pdf``."""
    import html
    import re

    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(html.unescape(w), float(x1), float(y0)) for y0, x1, w in
            re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out)]


def test_sheet_headings_of_a_boys_and_girls_table_stand_over_their_numbers(kel_store: Store, tmp_path: Path) -> None:
    """Regression: the headings "Laki-laki" and "Perempuan" were set left and the numbers right, so
    "23" (boys) stood under "Perempuan" and "8" (girls) under "Jumlah" on the printed sheet."""
    year = year_of(kel_store)
    kel_store.set_values(None, year, 6, [("anggota_forum", "L", "", 23), ("anggota_forum", "P", "", 8)])
    out = reports.write_sheet_pdf(reports.collect_sheet(kel_store, None, year), tmp_path / "lembar.pdf")
    words = _words_with_boxes(out)
    row = next(top for w, _x, top in words if w == "Anggota")
    heading_top = max(top for w, _x, top in words if w == "Laki-laki" and top < row)
    right_of = {w: x for w, x, top in words if abs(top - heading_top) < 2}
    numbers = {w: x for w, x, top in words if abs(top - row) < 2 and w.isdigit()}
    assert abs(right_of["Laki-laki"] - numbers["23"]) < 2
    assert abs(right_of["Perempuan"] - numbers["8"]) < 2
    assert abs(right_of["Jumlah"] - numbers["31"]) < 2


def _last_line_of_each_page(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    out = []
    for p in range(1, pages + 1):
        text = subprocess.run([PDFTOTEXT or "pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and "Dicetak dari KLA Desktop" not in ln]
        out.append(lines[-1] if lines else "")
    return out


def test_a_klaster_heading_never_ends_a_page_of_the_sheet(tmp_path: Path) -> None:
    """Sungainangka's sheet (demo seed 1) ended page 1 with "Klaster II: ... – 18%" and its indicators
    on page 2."""
    if PDFTOTEXT is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext/pdfinfo (poppler-utils) are not installed")
    create_demo(tmp_path / "kel", seed=1, kelurahan_code="64.71.05.1010")
    with Store.open(tmp_path / "kel", check=False, start_backup=False) as store:
        pdf = reports.write_sheet_pdf(reports.collect_sheet(store, None, 2026), tmp_path / "lembar.pdf")
    lasts = _last_line_of_each_page(pdf)
    assert not [ln for ln in lasts if ln.startswith(("Klaster ", "Kelembagaan –"))], lasts


def _word_boxes(pdf: Path) -> list[tuple[str, float, float]]:
    """(word, left edge, right edge) of every word pdftotext finds in ``pdf``, in points."""
    import html
    import re

    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(html.unescape(w), float(x0), float(x1)) for x0, x1, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out)]


def test_the_city_totals_annex_stays_inside_the_page_margins_and_keeps_amounts_whole(tmp_path: Path) -> None:
    """The annex of city totals (Lampiran 2) stood 3 mm from both edges of the A4 sheet, where an office
    printer prints nothing (its indicator headings had one cell too many: a fifth column), and the change
    of an amount in rupiah broke in two lines ("−152.000.00" / "0")."""
    create_demo(tmp_path / "kota", seed=1)
    with Store.open(tmp_path / "kota", check=False, start_backup=False) as store:
        data = reports.collect_city(store, 2026)
    out = reports.write_city_pdf(data, tmp_path / "kota.pdf")
    mm = 72 / 25.4
    words = _word_boxes(out)
    assert "Lampiran" in {w for w, _a, _b in words}
    outside = [(w, round(a / mm), round(b / mm)) for w, a, b in words if a < 14 * mm or b > (210 - 14) * mm]
    assert not outside, outside[:10]
    changes = [reports._signed(line.change) for line in data.figures.lines
               if line.unit == "Rp" and line.change is not None and abs(line.change) >= 10**8]
    assert changes
    texts = {w for w, _a, _b in words}
    assert [c for c in changes if c not in texts] == []


def _page_fill(pdf: Path) -> list[tuple[float, str]]:
    """Per page: how far down the body text reaches (0..1 of the page height), and its last line."""
    import html
    import re

    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = [(float(y1), html.unescape(w)) for y0, y1, w in
                 re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page)
                 if float(y0) < height - 60]  # above the footer
        bottom = max(y for y, _w in words)
        pages.append((bottom / height, " ".join(w for y, w in words if abs(y - bottom) < 2)))
    return pages


def test_the_sheet_fills_its_pages_and_no_section_heading_ends_one(tmp_path: Path) -> None:
    """Each sex x age table of "Data yang diisi" (Akta Kelahiran, Wajar 12 Tahun, PKA) began a new page
    (a KeepTogether inside another always does), so Manggar's sheet printed a page half empty and one
    with a single small table: 6 pages for 5. Opening that up, "Fasilitas ramah anak" then stood alone
    at the foot of a page, its table on the next."""
    create_demo(tmp_path / "kel", kelurahan_code="64.71.01.1001")
    with Store.open(tmp_path / "kel", check=False, start_backup=False) as store:
        pdf = reports.write_sheet_pdf(reports.collect_sheet(store, None, 2026), tmp_path / "lembar.pdf")
    pages = _page_fill(pdf)
    assert [round(f, 2) for f, _last in pages[:-1] if f < 0.7] == [], pages
    headings = ("Data yang diisi", "Data dukung terlalu lama", "Kegiatan dan inovasi", "Fasilitas ramah anak")
    assert [last for _f, last in pages if last.startswith(headings)] == [], pages


def test_the_klaster_annex_does_not_head_kelembagaan_as_kel(tmp_path: Path) -> None:
    """The last annex headed the Kelembagaan column "Kel.", which the annex before uses for kelurahan
    ("16 kel. (66,7%)"); it is "Lemb.", and the note under the table spells the headings out."""
    store = Store.create(tmp_path / "kota", "city", operator="Admin DP3AKB")
    try:
        store.set_value(OTHER, 2025, 1, "ada_kebijakan", "ya")
        data = reports.collect_city(store, 2025)
    finally:
        store.close()
    out = reports.write_city_pdf(data, tmp_path / "kota.pdf")
    annex = " ".join(pdf_text(out).split("Kelengkapan kelurahan per klaster")[-1].split())
    assert "Kel." not in annex.split() and "Lemb." in annex.split()
    assert "Lemb.: Kelembagaan; Kl. I–V: Klaster I–V." in annex
