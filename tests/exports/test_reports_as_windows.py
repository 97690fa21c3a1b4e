"""The printed reports say what the windows show: a coverage over only some age groups marked
"90,9%*" with its footnote on the page, DP3AKB's completeness to one decimal, items only partly
filled said so, and the evidence pack's sizes as the window's list says them. No Qt here: the
window's own formatters are compared in tests/ui/test_paper_agrees.py."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from db.demo import create_demo
from db.store import Store
from exports import evidence_pack, paper, reports

ROOT = Path(__file__).resolve().parents[2]
KEL = "64.71.02.1005"  # Margo Mulyo: every child counted for Akta Kelahiran, no certificates typed
PDFTOTEXT = shutil.which("pdftotext")


def pdf_pages(path: Path) -> list[str]:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


@pytest.fixture
def kel_store(margo_mulyo_demo: Path, tmp_path: Path):  # noqa: ANN201
    shutil.copytree(margo_mulyo_demo, tmp_path / "kel")
    store = Store.open(tmp_path / "kel", operator="Siti Aminah", start_backup=False)
    yield store
    store.close()


def _some_certificates(store: Store, code: str | None, year: int) -> None:
    """Certificates typed for two boys' and one girls' age groups of five: the coverage is over some cells."""
    for sex, age, n in (("L", "0-60h", 20), ("L", "1-4", 700), ("P", "1-4", 500)):
        store.set_value(code, year, 4, "anak_berakta", n, sex=sex, age=age)


def _pct(n: float, d: float) -> str:
    return paper.fmt_decimal(round(n * 100 / d, 2), 1) + "%"


def test_the_sheet_marks_a_coverage_over_some_age_groups_and_says_why_on_its_page(kel_store: Store,
                                                                                  tmp_path: Path) -> None:
    year = 2026
    assert not any(k[0] == "anak_berakta" for k in kel_store.values(None, year, 4))
    _some_certificates(kel_store, None, year)
    v = kel_store.values(None, year, 4)
    pdf = reports.write_sheet_pdf(reports.collect_sheet(kel_store, None, year), tmp_path / "lembar.pdf")
    pages = pdf_pages(pdf)
    page = next(p for p in pages if "Cakupan akta kelahiran (dihitung)" in p)
    # Laki-laki, perempuan, semua (each label goes on in a second line: "– laki-laki").
    rows = [line.split() for line in page.splitlines() if line.strip().startswith("Cakupan akta kelahiran (dihitung)")]
    assert len(rows) == 3, rows
    boys, girls, both = rows
    # One boys' cell over itself: whole, unmarked; the boys' total over 2 of 5 groups: marked.
    boys_0 = _pct(v[("anak_berakta", "L", "0-60h")], v[("anak_total", "L", "0-60h")])
    assert boys_0 in boys and boys_0 + "*" not in boys
    boys_total = _pct(720, v[("anak_total", "L", "0-60h")] + v[("anak_total", "L", "1-4")])
    assert boys[-1] == boys_total + "*"
    assert girls[-1] == _pct(500, v[("anak_total", "P", "1-4")]) + "*"
    # Boys and girls of 0-60 days: the girls' certificates not typed, so over one of two cells: marked.
    assert boys_0 + "*" in both
    # 1-4 years: both sexes typed, the whole column: not marked.
    both_1_4 = _pct(1200, v[("anak_total", "L", "1-4")] + v[("anak_total", "P", "1-4")])
    assert both_1_4 in both and both_1_4 + "*" not in both
    # The footnote, on the page of the stars (and on no page without one).
    note = "* Sementara: dihitung dari kolom yang kedua angkanya sudah diisi saja; berubah setelah semua kolom terisi."
    assert note in page
    assert [i for i, p in enumerate(pages) if note in p] == [i for i, p in enumerate(pages) if "%*" in p]


def test_the_sheet_says_an_item_partly_filled_apart_from_one_not_filled(kel_store: Store, tmp_path: Path) -> None:
    year = 2026
    _some_certificates(kel_store, None, year)
    ind = kel_store.template.indicator(4)
    st = next(i for i in kel_store.status(None, year).indicators if i.indicator_no == 4)
    assert "anak_berakta" in st.missing_items
    pdf = reports.write_sheet_pdf(reports.collect_sheet(kel_store, None, year), tmp_path / "lembar.pdf")
    flat = " ".join(" ".join(pdf_pages(pdf)).split())
    partly = ind.item("anak_berakta").label
    assert f"Isian baru sebagian terisi: {partly}" in flat
    # An item with nothing typed is still "belum diisi" (indicator 6 has none of its items).
    six = next(i for i in kel_store.status(None, year).indicators if i.indicator_no == 6)
    first = kel_store.template.indicator(6).item(six.missing_items[0]).label
    assert f"Isian belum diisi: {first}" in flat
    assert f"Isian: {first}" not in flat and f"Isian belum diisi: {partly}" not in flat


def test_the_city_report_says_completeness_to_one_decimal_and_marks_a_partial_coverage(tmp_path: Path) -> None:
    create_demo(tmp_path / "kota", seed=1)
    with Store.open(tmp_path / "kota", check=False, start_backup=False) as store:
        _some_certificates(store, KEL, 2026)
        data = reports.collect_city(store, 2026)
        name = store.kelurahan(KEL).name
    pdf = reports.write_city_pdf(data, tmp_path / "kota.pdf")
    pages = pdf_pages(pdf)
    text = "\f".join(pages)
    # "43,9%" as the window's Ringkasan says it (not "44%"), for the city, a kecamatan and a kelurahan;
    # the city's mean to 4 decimals first, as the window's roll-up (ui.city.rollup) takes it.
    overall = round(sum(s.completeness for s in data.statuses) / len(data.statuses), 4)
    shown = paper.fmt_decimal(overall * 100, 1) + "%"
    assert "," in shown and shown in pages[0].split()
    assert f"{round(overall * 100)}%" not in pages[0].split()
    assert data.completeness == overall
    kec = next(r for r in data.kecamatan_rows() if r["name"] == "Balikpapan Barat")
    assert paper.fmt_decimal(kec["completeness"] * 100, 1) + "%" in pages[0].split("Balikpapan Barat")[1].split()[:4]
    # The chase annex, as the Pengingat page lists each data year: "2026: 55,6%".
    chase = text.split("Pengingat kiriman kelurahan")[1].split("Lampiran 2.")[0]
    assert re.search(r"\b202[56]: \d+,\d%", chase) and not re.search(r"\b202[56]: \d+%", chase)
    st = next(s for s in data.statuses if s.kelurahan_code == KEL)
    annex = text.split("Kelengkapan kelurahan per klaster")[-1]
    line = next(ln for ln in annex.splitlines() if ln.strip().startswith(name))
    assert line.split()[-1] == paper.fmt_decimal(st.completeness * 100, 1) + "%"
    # The city's coverage takes Margo Mulyo's certificates of 3 cells of 10: marked, explained on its page.
    page = next(p for p in pages if "Cakupan akta kelahiran" in p)
    cover = next(ln for ln in page.splitlines() if ln.startswith("Cakupan akta kelahiran"))
    assert cover.split()[-3].endswith("%*"), cover  # 2026
    assert not cover.split()[-4].endswith("*"), cover  # 2025: nobody gave only some cells
    note = "* Sementara: ada kelurahan yang baru mengisi sebagian kolom; berubah setelah semua kolom terisi."
    assert note in page
    assert [i for i, p in enumerate(pages) if note in p] == [i for i, p in enumerate(pages) if "%*" in p]
    # `kla report city` says the average it just printed.
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    r = subprocess.run([sys.executable, "-m", "desktop.cli", "--home", str(tmp_path / "kota"), "report", "city",
                        "--year", "2026", "--out", str(tmp_path / "cli.pdf")], capture_output=True, text=True,
                       cwd=ROOT, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"(rata-rata kelengkapan {shown})." in r.stdout


def test_the_evidence_pack_lists_sizes_as_the_window_says_them(kel_store: Store, tmp_path: Path) -> None:
    year = 2026
    sizes = {"besar.pdf": 1_258_291, "sedang.pdf": 348_160, "kecil.pdf": 700}  # 1,2 MB; 340 KB; 700 B
    for name, size in sizes.items():
        f = tmp_path / name
        f.write_bytes(b"%PDF-1.4 " + name.encode() + b"\0" * (size - 9 - len(name)))
        kel_store.add_evidence(None, f, links=[(year, 6)], kind="other", caption=name)
    result = evidence_pack.write_pack(kel_store, year, tmp_path / "paket.zip")
    with zipfile.ZipFile(result.path) as z:
        rows = list(csv.DictReader(io.StringIO(z.read("daftar-isi.csv").decode("utf-8-sig"))))
        page = z.read("daftar-isi.html").decode("utf-8")
    assert "Ukuran" in rows[0] and "Ukuran (bita)" not in rows[0]
    got = {r["Nama berkas asli"]: r["Ukuran"] for r in rows if r["Nama berkas asli"] in sizes}
    assert got == {"besar.pdf": "1,2 MB", "sedang.pdf": "340 KB", "kecil.pdf": "700 B"}
    assert all(r["Ukuran"].endswith((" B", " KB", " MB")) for r in rows)
    assert "<th>Ukuran</th>" in page and "<td>1,2 MB</td>" in page and "<td>340 KB</td>" in page


def test_a_half_is_rounded_up_on_paper_as_on_the_screen() -> None:
    """Python's format rounds 43.25 to '43.2' (half to even); the window's QLocale says 43,3."""
    assert paper.fmt_decimal(43.25) == "43,3" and paper.fmt_decimal(0.25) == "0,3"
    assert paper.fmt_decimal(-1.25) == "-1,3" and paper.fmt_decimal(-0.0) == "0,0"
    assert paper.fmt_decimal(1234.55, 2) == "1.234,55" and paper.fmt_decimal(12345678.25) == "12.345.678,3"
    assert paper.fmt_completeness(0.4394, places=1) == "43,9%" and paper.fmt_completeness(0.4394) == "44%"
    assert paper.fmt_completeness(0.004, True, 1) == "<1%" and paper.fmt_completeness(0.004, False, 1) == "0,4%"
    assert paper.fmt_size(1023) == "1023 B" and paper.fmt_size(1024 * 1000) == "1.000 KB"
