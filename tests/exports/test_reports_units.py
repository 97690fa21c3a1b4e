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
