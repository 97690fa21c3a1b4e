"""The city figures in the workbook and the CSV, read back with independent readers (openpyxl, csv)
and compared with sums over the values the store holds for each kelurahan (issue 10)."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.store import Store
from exports import figures, spreadsheet

YEARS = (2025, 2026)


@pytest.fixture
def city(tmp_path: Path):
    """A city workspace where ten kelurahan in three kecamatan sent akta, SRA and indicator 2 data."""
    store = Store.create(tmp_path / "kota", "city", operator="Admin")
    rng = random.Random(5)
    t = store.template
    units = [u for u in store.units("kelurahan") if u.parent_code in ("64.71.01", "64.71.02", "64.71.05")][:10]
    for n, u in enumerate(units):
        for year in YEARS:
            if n == 0 and year == 2025:
                continue  # one kelurahan sent nothing for 2025: it must not count as zeros
            for band in t.age_bands["akta"]:
                for sex in ("L", "P"):
                    if rng.random() < 0.15:
                        continue  # a half-typed grid
                    total = rng.randrange(20, 900)
                    store.set_value(u.code, year, 4, "anak_total", total, sex=sex, age=band.key)
                    store.set_value(u.code, year, 4, "anak_berakta", int(total * rng.uniform(0.5, 1)), sex=sex,
                                    age=band.key)
            schools = rng.randrange(1, 12)
            store.set_value(u.code, year, 19, "satuan_pendidikan", schools)
            store.set_value(u.code, year, 19, "sekolah_sra", rng.randrange(0, schools + 1))
            store.set_value(u.code, year, 2, "status_dekela", rng.choice(["belum", "inisiasi", "dekela"]))
            store.set_value(u.code, year, 2, "ada_patbm", rng.random() < 0.5)
            store.set_value(u.code, year, 1, "tanggal_kebijakan", f"{year}-08-17")
    yield store
    store.close()


def sums_over_store(store: Store, codes: list[str], year: int, ind: int, item: str,
                    sex: str | None = None, age: str | None = None) -> tuple[int, int]:
    """(sum, kelurahan that have the item) straight from each kelurahan's stored values."""
    total, units = 0, 0
    for code in codes:
        vals = [v for v in store.value_records(code, year, ind) if v.item_key == item
                and (sex is None or v.sex == sex) and (age is None or v.age == age)]
        if vals:
            units += 1
            total += sum(v.value for v in vals)
    return total, units


def pairs_over_store(store: Store, codes: list[str], year: int) -> tuple[int, int]:
    """Akta coverage pooled by hand: only cells where both numbers were typed."""
    num = den = 0
    for code in codes:
        vals = {(v.item_key, v.sex, v.age): v.value for v in store.value_records(code, year, 4)}
        for (key, s, a), v in vals.items():
            if key == "anak_total" and ("anak_berakta", s, a) in vals:
                den += v
                num += vals[("anak_berakta", s, a)]
    return num, den


def test_workbook_has_city_and_kecamatan_rows_that_equal_sums_over_the_store(city: Store, tmp_path: Path) -> None:
    out = spreadsheet.write_xlsx(spreadsheet.collect_workbook(city, 2026), tmp_path / "kota.xlsx")
    wb = load_workbook(out)
    assert figures.FIGURE_SHEET in wb.sheetnames
    rows = list(wb[figures.FIGURE_SHEET].iter_rows(values_only=True))
    head = rows[0]
    col = {h: i for i, h in enumerate(head)}
    body = rows[1:]
    kel_codes = {u.code: u.parent_code for u in city.units("kelurahan")}

    def find(area: str, item_label: str, sex: str = "Semua", age: str = "Semua umur", choice: str | None = None):
        hit = [r for r in body if r[col["Kode wilayah"]] == area and r[col["Isian"]] == item_label
               and r[col["Jenis kelamin"]] == sex and r[col["Kelompok umur"]] == age
               and (choice is None or r[col["Pilihan"]] == choice)]
        assert len(hit) == 1, (area, item_label, sex, age, hit)
        return hit[0]

    for area, codes in (("64.71", list(kel_codes)), ("64.71.02", [c for c, p in kel_codes.items() if p == "64.71.02"])):
        for year in YEARS:
            r = find(area, "Jumlah anak")
            assert (r[col[f"Nilai {year}"]], r[col[f"Kelurahan tercakup {year}"]]) == \
                sums_over_store(city, codes, year, 4, "anak_total")
            r = find(area, "Jumlah anak", sex="Perempuan", age="5–<12 tahun")
            assert r[col[f"Nilai {year}"]] == sums_over_store(city, codes, year, 4, "anak_total", "P", "5-11")[0]
            r = find(area, "Jumlah anak", sex="Laki-laki")
            assert r[col[f"Nilai {year}"]] == sums_over_store(city, codes, year, 4, "anak_total", "L")[0]
            # The percentage is the pooled one, with its parts beside it.
            r = find(area, "Cakupan akta kelahiran")
            num, den = pairs_over_store(city, codes, year)
            assert (r[col[f"Pembilang {year}"]], r[col[f"Penyebut {year}"]]) == (num, den)
            assert r[col[f"Nilai {year}"]] == pytest.approx(round(num * 100 / den, 2))
        r = find(area, "Jumlah anak")
        assert r[col["Perubahan"]] == r[col["Nilai 2026"]] - r[col["Nilai 2025"]]
        assert r[col["Tingkat"]] == ("Kota" if area == "64.71" else "Kecamatan")
    # SRA: pooled over the city, not the mean of the kelurahan percentages.
    r = find("64.71", "Persentase SRA")
    sra, _ = sums_over_store(city, list(kel_codes), 2026, 19, "sekolah_sra")
    schools, units = sums_over_store(city, list(kel_codes), 2026, 19, "satuan_pendidikan")
    assert r[col["Nilai 2026"]] == pytest.approx(round(sra * 100 / schools, 2))
    assert r[col["Kelurahan tercakup 2026"]] == units == 10 and r[col["Kelurahan di wilayah"]] == 34
    assert find("64.71", "Persentase SRA")[col["Indikator"]] == "19. SRA (rumusan sementara)"
    # Yes/no and choices: counts of kelurahan and shares, with labels (never the keys).
    dekela = [u for u in kel_codes if any(v.value == "dekela" for v in city.value_records(u, 2026, 2)
                                          if v.item_key == "status_dekela")]
    r = find("64.71", "Status Kelurahan Layak Anak (DEKELA)", choice="Sudah DEKELA")
    assert (r[col["Pembilang 2026"]], r[col["Penyebut 2026"]]) == (len(dekela), 10)
    assert r[col["Nilai 2026"]] == pytest.approx(round(len(dekela) * 100 / 10, 2))
    patbm = find("64.71", "Ada PATBM di kelurahan", choice="Ya")
    assert patbm[col["Jenis angka"]] == "Ya/Tidak"
    # A kelurahan's own row carries its computed percentage too.
    one = next(iter(kel_codes))
    r = find(one, "Cakupan akta kelahiran")
    num, den = pairs_over_store(city, [one], 2026)
    assert r[col["Nilai 2026"]] == pytest.approx(round(num * 100 / den, 2)) and r[col["Tingkat"]] == "Kelurahan"
    assert r[col["Nilai 2025"]] is None and r[col["Kelurahan tercakup 2025"]] == 0  # sent nothing for 2025
    # The long table of stored values: labels for choices, Ya/Tidak, real dates.
    values = list(wb["Nilai"].iter_rows(values_only=True))[1:]
    assert {r[9] for r in values if r[12] == "status_dekela"} <= {"Belum dirintis", "Tahap inisiasi/rintisan",
                                                                  "Sudah DEKELA"}
    assert {r[9] for r in values if r[12] == "ada_patbm"} <= {"Ya", "Tidak"}
    assert {r[9] for r in values if r[12] == "tanggal_kebijakan"} == {dt.datetime(2026, 8, 17)}


def test_csv_has_the_same_lines_with_a_decimal_comma(city: Store, tmp_path: Path) -> None:
    table = figures.collect_figures(city, 2026)
    out = figures.write_csv(table, tmp_path / "angka.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == figures.csv_header(YEARS)
    assert len(rows) - 1 == len(table.lines)
    col = {h: i for i, h in enumerate(rows[0])}
    sra = next(r for r in rows if r[col["Kode wilayah"]] == "64.71" and r[col["Isian"]] == "Persentase SRA")
    line = next(ln for ln in table.lines if ln.area_code == "64.71" and ln.item_key == "persen_sra")
    assert sra[col["Nilai 2026"]] == f"{line.years[1].value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert not list(tmp_path.glob("*.sedang-ditulis"))


def test_kelurahan_workbook_has_its_own_computed_percentages(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "kel", "kelurahan", kelurahan_code="64.71.01.1001")
    try:
        store.set_value(None, 2026, 19, "satuan_pendidikan", 8)
        store.set_value(None, 2026, 19, "sekolah_sra", 2)
        data = spreadsheet.collect_workbook(store, 2026)
    finally:
        store.close()
    rows = list(load_workbook(spreadsheet.write_xlsx(data, tmp_path / "k.xlsx"))[figures.FIGURE_SHEET]
                .iter_rows(values_only=True))
    assert {r[0] for r in rows[1:]} == {"Kelurahan"}
    assert {r[3] for r in rows[1:]} == {"Balikpapan Timur"}  # its kecamatan, as on the other sheets (was empty)
    r = next(r for r in rows[1:] if r[6] == "Persentase SRA")
    assert r[rows[0].index("Nilai 2026")] == 25.0


def test_workbook_has_indicator_2_with_the_units_it_counts(city: Store, tmp_path: Path) -> None:
    city.set_kelana("64.71.02", 2026, status="kelana", sk_number="188/12/2026", sk_date="2026-03-03")
    wb = load_workbook(spreadsheet.write_xlsx(spreadsheet.collect_workbook(city, 2026), tmp_path / "k.xlsx"))
    rows = list(wb["Indikator 2"].iter_rows(values_only=True))
    head, body = rows[0], rows[1:]
    col = {h: i for i, h in enumerate(head)}
    names = {u.code: u.name for u in city.units()}
    dekela = sorted(names[u.code] for u in city.units("kelurahan")
                    if any(v.item_key == "status_dekela" and v.value == "dekela" for v in city.value_records(u.code, 2026, 2)))
    m = next(r for r in body if r[0] == "Ukuran" and r[1] == 2026 and r[2].startswith("Kelurahan berstatus DEKELA"))
    assert (m[col["Dihitung"]], m[col["Dari"]], m[col["Melapor / dicatat"]]) == (len(dekela), 34, 10)
    counted = sorted(r[2] for r in body if r[0] == "Kelurahan" and r[1] == 2026
                     and "Kelurahan berstatus DEKELA" in (r[col["Dihitung dalam"]] or ""))
    assert counted == dekela
    assert {r[col["Status (DEKELA / KELANA)"]] or "" for r in body if r[0] == "Kelurahan"} <= {
        "Belum dirintis", "Tahap inisiasi/rintisan", "Sudah DEKELA", ""}
    kec = next(r for r in body if r[0] == "Kecamatan" and r[1] == 2026 and r[2] == "Balikpapan Barat")
    assert kec[col["Status (DEKELA / KELANA)"]] == "KELANA" and kec[col["SK KELANA"]] == "188/12/2026"
    assert kec[col["Tanggal SK"]] == dt.datetime(2026, 3, 3)
    m = next(r for r in body if r[0] == "Ukuran" and r[1] == 2026 and r[2].startswith("Kecamatan berstatus KELANA"))
    assert (m[col["Dihitung"]], m[col["Dari"]]) == (1, 6)


def test_unconfirmed_wording_is_marked_in_the_workbook(city: Store, tmp_path: Path) -> None:
    wb = load_workbook(spreadsheet.write_xlsx(spreadsheet.collect_workbook(city, 2026), tmp_path / "k.xlsx"))
    head = next(wb["Ringkasan"].iter_rows(values_only=True))
    assert "19. SRA (rumusan sementara)" in head and "4. Akta Kelahiran" in head
    values = list(wb["Nilai"].iter_rows(values_only=True))[1:]
    assert {r[5] for r in values if r[4] == 19} == {"SRA (rumusan sementara)"}


@pytest.mark.parametrize(("city_code", "city_word", "kec_word"), [
    ("64.02", "Kabupaten", "Kecamatan"),  # Kutai Kartanegara: desa and kelurahan
    ("95.01", "Kabupaten", "Distrik"),  # Jayawijaya, Papua Pegunungan: the kecamatan is a distrik
])
def test_a_kabupaten_figures_say_kabupaten_desa_and_its_own_kecamatan_word(
        tmp_path: Path, city_code: str, city_word: str, kec_word: str) -> None:
    """Read back as a user would (csv, openpyxl, pdftotext): no 'Kota', 'Kelurahan tercakup' or, in Papua,
    'Kecamatan' in the headings of a kabupaten's figures."""
    import shutil
    import subprocess

    from exports import reports

    store = Store.create(tmp_path / "kab", "city", city_code=city_code, operator="Admin")
    try:
        units = store.units("kelurahan")
        desa = next(u for u in units if u.kind == "desa")
        for year in YEARS:
            store.set_value(desa.code, year, 19, "satuan_pendidikan", 4)
            store.set_value(desa.code, year, 19, "sekolah_sra", 1)
        kinds = {u.kind for u in units}
        units_word = "Desa/Kelurahan" if kinds == {"desa", "kelurahan"} else "Desa"
        table = figures.collect_figures(store, 2026)
        out = figures.write_csv(table, tmp_path / "angka.csv")
        with open(out, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";"))
        head = rows[0]
        assert head[3] == kec_word and f"{units_word} tercakup 2026" in head and f"{units_word} di wilayah" in head
        assert not any(h.startswith("Kelurahan") for h in head)
        levels = {r[head.index("Tingkat")]: r[head.index("Wilayah")] for r in rows[1:]}
        assert set(levels) == {city_word, kec_word, "Desa"}, levels
        assert levels[city_word] == store.unit(city_code).name
        # The workbook: the same heading on "Rekap angka", and the unit sheets say desa/kelurahan.
        wb = load_workbook(spreadsheet.write_xlsx(spreadsheet.collect_workbook(store, 2026), tmp_path / "k.xlsx"))
        rekap = next(wb[figures.FIGURE_SHEET].iter_rows(values_only=True))
        assert list(rekap) == head
        assert next(wb["Ringkasan"].iter_rows(values_only=True))[1:3] == (units_word, kec_word)
        assert next(wb["Nilai"].iter_rows(values_only=True))[0] == f"Kode {units_word.lower()}"
        assert next(wb["Indikator 2"].iter_rows(values_only=True))[3] == kec_word
        # The city report's annex of figures and its tables.
        if shutil.which("pdftotext"):
            pdf = reports.write_city_pdf(reports.collect_city(store, 2026), tmp_path / "laporan.pdf")
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
            assert "Angka kabupaten dari data" in text and "Angka kota" not in text
            assert f"Per {kec_word.lower()}" in text and " kel.\n" not in text and "semua kelurahan" not in text
            if kec_word == "Distrik":
                assert "Kecamatan" not in text.replace("Kecamatan Layak Anak", "").replace("KELANA", "")
    finally:
        store.close()


def test_a_papua_desa_progress_sheet_names_its_distrik(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from db import regions
    from exports import reports

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    unit = regions.reference().within("95.01", regions.UNIT)[0]
    store = Store.create(tmp_path / "desa", "kelurahan", kelurahan_code=unit.code, operator="Yohana")
    try:
        pdf = reports.write_sheet_pdf(reports.collect_sheet(store, None, 2026), tmp_path / "lembar.pdf")
    finally:
        store.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    kec = regions.reference().get(unit.parent_code)
    assert f"Distrik            {kec.name}" in text or any(
        line.split()[:1] == ["Distrik"] and kec.name in line for line in text.splitlines())
    assert "Kecamatan" not in text


def test_the_workbook_progress_moves_through_the_figures_sheet(city: Store, tmp_path: Path) -> None:
    """Under Xvfb the bar sat at "Menulis fasilitas 100%" for 25 s while 17,000 figure lines were written."""
    data = spreadsheet.collect_workbook(city, 2026)
    seen: list[tuple[int, int, str]] = []
    spreadsheet.write_xlsx(data, tmp_path / "k.xlsx", progress=lambda d, t, s: seen.append((d, t, s.code)))
    figures_steps = [(d, t) for d, t, c in seen if c == "writing_figures"]
    assert figures_steps and figures_steps[-1][0] == figures_steps[-1][1]  # the last step reaches the total
    assert [c for _d, _t, c in seen].index("writing_figures") > [c for _d, _t, c in seen].index("writing_facilities")
    from ui.messages import WORDS

    assert WORDS["step.writing_figures"] == "Menulis rekap angka"


def test_the_bar_moves_while_figures_are_added_up_and_the_workbook_is_saved_and_batal_stops_it(
        city: Store, tmp_path: Path) -> None:
    """A 1,000-unit kabupaten adds up ~400,000 figure lines and zips hundreds of MB after the last row:
    the bar moved through neither (it sat at "Membaca data ..." and then at 100 %)."""
    from db.errors import KlaError
    from ui.messages import WORDS

    seen: list[tuple[int, int, str]] = []
    data = spreadsheet.collect_workbook(city, 2026, progress=lambda d, t, s: seen.append((d, t, s.code)))
    sums = [(d, t) for d, t, c in seen if c == "reading_figures"]
    # One bar: before the read, after each indicator and data year added up, after each indicator's lines.
    n = len(city.template.indicators)
    assert sums == [(d, 2 * n + n) for d in range(2 * n + n + 1)]
    seen.clear()
    spreadsheet.write_xlsx(data, tmp_path / "k.xlsx", progress=lambda d, t, s: seen.append((d, t, s.code)))
    saving = [(d, t) for d, t, c in seen if c == "saving_workbook"]
    assert seen[-1][2] == "saving_workbook" and saving[0][0] == 0 and saving[-1][0] == saving[-1][1] > 0
    assert WORDS["step.reading_figures"] == "Menjumlahkan angka per wilayah"
    assert WORDS["step.saving_workbook"] == "Menyimpan buku kerja"

    def cancel_while_saving() -> bool:
        return bool(seen) and seen[-1][2] == "saving_workbook"

    seen.clear()
    with pytest.raises(KlaError) as exc:
        spreadsheet.write_xlsx(data, tmp_path / "batal" / "k.xlsx", lambda d, t, s: seen.append((d, t, s.code)),
                               cancelled=cancel_while_saving)
    assert exc.value.code == "cancelled" and list((tmp_path / "batal").iterdir()) == []


def test_batal_while_the_figures_are_added_up_stops_the_workbook_there(city: Store, tmp_path: Path) -> None:
    """At 1,000 units the sums took ~12 s on this machine (an office PC: more) before the first line
    was laid out, and Batal was heard only after them."""
    from db.errors import KlaError

    seen: list[tuple[int, int, str]] = []
    n = len(city.template.indicators)

    def summing() -> bool:  # pressed once three indicator-years are added up
        return sum(1 for _d, _t, c in seen if c == "reading_figures") >= 4

    with pytest.raises(KlaError) as exc:
        spreadsheet.collect_workbook(city, 2026, progress=lambda d, t, s: seen.append((d, t, s.code)),
                                     cancelled=summing)
    assert exc.value.code == "cancelled"
    assert seen[-1] == (3, 2 * n + n, "reading_figures")  # the fourth sum was never started


def test_the_city_workbook_is_read_in_a_handful_of_queries_however_many_units(city: Store, tmp_path: Path) -> None:
    """It read each kelurahan's status and each of its entries' values one query at a time: ~16,000
    queries at 1,000 units, ~4 s of the minute the workbook took."""
    import gc

    statements: list[str] = []
    collecting: list[bool] = []
    # The collector on, as in the command line (the Qt tests before this one may have left it off, as the
    # window keeps it: then the job must leave it off).
    was_on = gc.isenabled()
    gc.enable()
    city.db.conn.set_trace_callback(statements.append)
    try:
        data = spreadsheet.collect_workbook(city, 2026, progress=lambda d, t, s: collecting.append(gc.isenabled()))
        after = gc.isenabled()
        city.db.conn.set_trace_callback(None)  # the reads counted are the first job's
        gc.disable()
        spreadsheet.collect_workbook(city, 2026)
        stays_off = not gc.isenabled()
    finally:
        city.db.conn.set_trace_callback(None)
        if was_on:
            gc.enable()
        else:
            gc.disable()
    reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    # Statuses (computed in one batch here, nothing kept yet), every value, evidence, activities, facilities,
    # the figures, indicator 2: a few queries each, none per kelurahan or per entry (it was 355 here).
    assert len(reads) <= 30, reads
    assert len(data.statuses) == 34 and {v.kelurahan_code for v in data.values} == {
        st.kelurahan_code for st in data.statuses if st.completeness > 0}
    # Python's collector waits while what the workbook keeps is built (it walked it ~25 times), and is back after.
    assert collecting and not any(collecting) and after
    assert stays_off  # off before the job (the window's own collector): still off after it


def test_a_change_is_counted_from_the_numbers_not_from_two_rounded_percentages(tmp_path: Path) -> None:
    """2 of 3 children with a birth certificate, then 13 of 18: 72.222 − 66.667 = 5.56 points. The change
    was the difference of the two percentages rounded to 2 decimals (72.22 − 66.67 = 5.55), which the
    report, the workbook and the CSV printed as "+5,5 poin" and 5,55: a reader recounting gets 5,6."""
    with Store.create(tmp_path / "kota", "city", operator="Admin") as store:
        code = store.units("kelurahan")[0].code
        for year, (total, with_akta) in zip(YEARS, ((3, 2), (18, 13)), strict=True):
            store.set_value(code, year, 4, "anak_total", total, sex="L", age="1-4")
            store.set_value(code, year, 4, "anak_berakta", with_akta, sex="L", age="1-4")
        table = figures.collect_figures(store, 2026, indicators=[4])
    line = next(ln for ln in table.lines if ln.area_code == code and ln.item_key == "cakupan_akta"
                and ln.sex == figures.ALL and ln.age == figures.ALL)
    assert [v.value for v in line.years] == [66.67, 72.22]
    assert line.change == 5.56
    out = figures.write_csv(table, tmp_path / "angka.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    col = {h: i for i, h in enumerate(rows[0])}
    row = next(r for r in rows if r[col["Kode wilayah"]] == code and r[col["Isian"]] == "Cakupan akta kelahiran"
               and r[col["Jenis kelamin"]] == "Semua" and r[col["Kelompok umur"]] == "Semua umur")
    assert row[col["Perubahan"]] == "5,56"
