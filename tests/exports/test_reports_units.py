"""Printed reports say Desa or Kelurahan as fits the unit and the kabupaten (issue 9)."""

from __future__ import annotations

from pathlib import Path

from db.store import Store
from exports import reports
from tests.exports.test_reports import pdf_text


def test_a_desa_progress_sheet_says_desa_and_kepala_desa(tmp_path: Path) -> None:
    with Store.create(tmp_path / "perian", "kelurahan", kelurahan_code="64.02.01.2001", operator="Sari") as s:
        s.set_value(None, 2025, 4, "anak_total", 12, sex="L", age="1-4")
        pdf = reports.write_sheet_pdf(reports.collect_sheet(s, None, 2025), tmp_path / "lembar.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Desa Perian – kelengkapan data" in text
    assert "Kepala Desa Perian" in text and "Kabupaten Kutai Kartanegara" in text
    assert "Kelurahan Perian" not in text and "Lurah Perian" not in text  # (template wording is data)


def test_a_kabupaten_report_says_desa_kelurahan(tmp_path: Path) -> None:
    with Store.create(tmp_path / "kukar", "city", city_code="64.02") as s:
        s.set_value("64.02.01.2001", 2025, 4, "anak_total", 12, sex="L", age="1-4")
        pdf = reports.write_city_pdf(reports.collect_city(s, 2025), tmp_path / "kota.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Kelengkapan data dan data dukung 237 desa/kelurahan" in text
    assert "Desa/Kelurahan paling tertinggal" in text
    # Indicator 2 and the estimate in a kabupaten's words (they said "Kelurahan berstatus DEKELA", "kota").
    assert "Desa/Kelurahan berstatus DEKELA" in text and "dari semua desa/kelurahan" in text
    assert "Desa/Kelurahan DEKELA 2026: belum ada" in text or "Desa/Kelurahan DEKELA 2025: belum ada" in text
    assert "Perkiraan nilai kabupaten" in text and "Perkiraan ini milik kabupaten:" in text
    assert "Kelurahan berstatus" not in text.replace("Desa/Kelurahan berstatus", "") and "nilai kota" not in text


def test_a_kabupaten_workbook_counts_desa_as_desa(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from exports import spreadsheet

    with Store.create(tmp_path / "kukar", "city", city_code="64.02") as s:
        s.set_value("64.02.01.2001", 2025, 2, "status_dekela", "dekela")
        wb = load_workbook(spreadsheet.write_xlsx(spreadsheet.collect_workbook(s, 2025), tmp_path / "k.xlsx"))
    rows = list(wb["Indikator 2"].iter_rows(values_only=True))
    assert any(r[0] == "Ukuran" and str(r[2]).startswith("Desa/Kelurahan berstatus DEKELA (dari semua desa/kelurahan)")
               for r in rows)
    perian = next(r for r in rows if r[2] == "Perian" and r[1] == 2025)
    assert perian[0] == "Desa"  # the row's own kind: Perian is a desa


def test_a_desa_sends_its_papers_mail_and_form_as_desa(tmp_path: Path) -> None:
    """What a desa hands over says "Desa Perian" everywhere: the handover paper, the e-mail draft
    DP3AKB reads and the Excel form (it said "Kelurahan Perian", the kota's word)."""
    import email
    import email.policy

    import openpyxl

    from exports import bundle, handover, setup, xlsx_form

    with Store.create(tmp_path / "kukar", "city", city_code="64.02") as city:
        r = setup.enroll(city, "64.02.01.2001", tmp_path / "perian.klasetup")
    setup.install(tmp_path / "perian", r.path, r.passphrase, operator="Sari")
    with Store.open(tmp_path / "perian", operator="Sari") as s:
        s.set_value(None, 2025, 4, "anak_total", 12, sex="L", age="1-4")
        out = bundle.export_bundles(s, tmp_path / "keluar", eml=True)
        paper = handover.write_handover_pdf(handover.from_log(s), tmp_path / "berita-acara.pdf")
        form = xlsx_form.write_form(xlsx_form.collect_form(s, 2025, [4]), tmp_path / "formulir.xlsx")
    text = " ".join(pdf_text(paper).split())
    assert "Layak Anak Desa Perian kepada DP3AKB Kabupaten Kutai Kartanegara" in text
    assert "Yang menyerahkan, Yang menerima, Desa Perian DP3AKB Kabupaten Kutai Kartanegara" in text
    assert "Kelurahan Perian" not in text

    msg = email.message_from_bytes(out.eml[0].read_bytes(), policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert msg["Subject"] == "Kiriman data KLA Desa Perian (64.02.01.2001) — tahun data 2025 — bagian 1/1"
    assert "Terlampir kiriman data KLA Desa Perian (64.02.01.2001), bagian 1 dari 1." in body
    assert "ditandatangani desa" in body and "Kotak Masuk" in body and body.rstrip().endswith("Desa Perian")
    assert "Kelurahan" not in body

    wb = openpyxl.load_workbook(form)
    cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Formulir isian KLA — Desa Perian, tahun data 2025" in cells
    assert any(c.startswith("7. Formulir ini hanya untuk Desa Perian, tahun data 2025. Formulir desa lain") for c in cells)
    assert not any("Kelurahan Perian" in c for c in cells)


def test_a_kabupaten_reminds_a_desa_as_a_desa(tmp_path: Path) -> None:
    from exports.chase import reminder_text

    with Store.create(tmp_path / "kukar", "city", city_code="64.02") as s:
        chase = s.chase_list()
    row = next(r for r in chase.rows if r.kelurahan_code == "64.02.01.2001")
    text = reminder_text(chase, row, "Kabupaten Kutai Kartanegara")
    assert text.startswith("Yth. Bapak/Ibu Kepala Desa Perian dan operator KLA,")
    assert "belum menerima kiriman data" in text and "dari Desa Perian." in text
    assert "Desa ini belum terpasang di KLA Desktop." in text
    assert "Kelurahan" not in text and "Lurah" not in text


def test_a_kabupaten_report_keeps_its_headings_whole_and_its_footer_apart(tmp_path: Path) -> None:
    """Kutai Kartanegara's report printed the column heading "Desa/Kelurahan" as "Desa/Kelu" / "rahan" (per
    kecamatan) and "Desa/Keluraha" / "n" (reminders), and its footer ran into "Halaman 4 dari 31"."""
    import html
    import re
    import subprocess

    from tests.exports.test_reports import PDFTOTEXT

    with Store.create(tmp_path / "kukar", "city", city_code="64.02") as s:
        s.set_value("64.02.01.2001", 2025, 4, "anak_total", 12, sex="L", age="1-4")
        pdf = reports.write_city_pdf(reports.collect_city(s, 2025), tmp_path / "kota.pdf")
    words = pdf_text(pdf).split()
    assert "Desa/" in words and not [w for w in words if w.startswith("Desa/Kel") and w != "Desa/Kelurahan"]
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for page in out.split("<page ")[1:]:
        boxes = [(float(x0), float(y0), float(x1), html.unescape(w)) for x0, y0, x1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)]
        halaman = next(b for b in boxes if b[3] == "Halaman" and b[1] > 780)
        left = [b for b in boxes if abs(b[1] - halaman[1]) < 3 and b[0] < halaman[0]]
        assert left and max(b[2] for b in left) < halaman[0] - 8, (left[-1], halaman)


def test_a_kabupaten_counts_its_yes_answers_in_desa_and_kelurahan(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """The city totals of a kabupaten said "1 kel. (100,0%)" of a desa's answer, in the report and in
    kla city figures, under "1 dari 237 desa/kel."."""
    from desktop.cli import main

    with Store.create(tmp_path / "kukar", "city", city_code="64.02") as s:
        s.set_value("64.02.01.2001", 2025, 1, "ada_kebijakan", "ya")
        pdf = reports.write_city_pdf(reports.collect_city(s, 2025), tmp_path / "kota.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Ada kebijakan KLA tingkat kelurahan: Ya 1 desa/kel. (100,0%)" in text and " 1 kel. (" not in text
    assert main(["--home", str(tmp_path / "kukar"), "city", "figures", "--year", "2025", "--indicator", "1"]) == 0
    out = capsys.readouterr().out
    assert "2025: 1 desa/kel. (100,0%) [1/237]" in out and " kel. (" not in out.replace("desa/kel. (", ""), out
