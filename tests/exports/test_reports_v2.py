"""Template version 2 in the PDFs (issue 12): an item whose own wording is a draft is printed "(usulan)"."""

from __future__ import annotations

from pathlib import Path

from db.store import Store
from db.template import shipped_template
from exports import forms, reports
from tests.exports.test_reports import pdf_text

KEL = "64.71.02.1005"  # Margo Mulyo


def _v2_store(tmp_path: Path) -> tuple[Store, int]:
    s = Store.create(tmp_path / "ws", "kelurahan", kelurahan_code=KEL, operator="Siti")
    s.install_template_with_migration(shipped_template("kla24", 2))
    year = s.data_years()[-1]
    s.set_value(None, year, 6, "ada_forum_anak", True)
    s.set_value(None, year, 6, "forum_2p", True)
    s.set_value(None, year, 6, "kegiatan_forum", 12)
    s.set_value(None, year, 2, "aktivis_patbm", 7, sex="P")
    s.set_value(None, year, 2, "rapat_gugus_tugas", 5)
    return s, year


def test_the_sheet_marks_draft_items_and_not_confirmed_ones(tmp_path: Path) -> None:
    s, year = _v2_store(tmp_path)
    try:
        text = pdf_text(reports.write_sheet_pdf(reports.collect_sheet(s, None, year), tmp_path / "l.pdf"))
    finally:
        s.close()
    flat = " ".join(text.split())
    assert "Forum Anak berperan sebagai Pelopor dan Pelapor (2P) (usulan) Ya" in flat
    assert "Kegiatan Forum Anak dalam setahun (usulan) 12" in flat
    assert "Aktivis PATBM (usulan)" in flat
    assert "Ada Forum Anak kelurahan Ya" in flat and "Ada Forum Anak kelurahan (usulan)" not in flat
    assert "Rapat Gugus Tugas KLA kelurahan dalam setahun 5" in flat


def test_the_blank_form_marks_draft_items_and_says_what_the_mark_means(tmp_path: Path) -> None:
    t = shipped_template("kla24", 2)
    path = forms.write_forms_pdf(t, [6, 13], tmp_path / "f.pdf", city_name="Kota Balikpapan")
    flat = " ".join(pdf_text(path).split())
    assert "Kegiatan 2P Forum Anak dalam setahun (usulan)" in flat
    assert "Masa bakti pengurus Forum Anak: berakhir (usulan)" in flat
    assert "Ada Forum Anak kelurahan * ☐ Ya" in flat  # confirmed: no mark
    assert "(usulan): isian usulan templat DP3AKB; rumusannya belum dikonfirmasi sumber nasional." in flat
    assert "Video singkat Forum Anak di Musrenbang atau kegiatan 2P" in flat
    # Indicator 13 is provisional as a whole: its title says so, its items carry no mark of their own.
    page13 = flat[flat.index("13. Prevalensi Gizi"):]
    assert page13.startswith("13. Prevalensi Gizi pada Balita (rumusan sementara)") and "(usulan)" not in page13
