"""Blank printable forms per indicator (issue 10): the empty sex x age grid with the guidance."""

from __future__ import annotations

from pathlib import Path

from db.template import default_template
from exports import forms
from tests.exports.test_reports import pdf_text


def test_blank_form_has_every_item_the_grid_and_the_guidance(tmp_path: Path) -> None:
    t = default_template()
    out = forms.write_forms_pdf(t, [4, 22], tmp_path / "form.pdf", city_name="Kota Balikpapan",
                                kelurahan_name="Margo Mulyo", data_year=2026)
    text = pdf_text(out)
    flat = " ".join(text.split())
    ind = t.indicator(4)
    assert "Formulir Pengumpulan Data KLA" in flat and "Margo Mulyo" in flat and "2026" in flat
    for it in ind.items:
        assert it.label in flat, it.label
    for band in t.age_bands["akta"]:
        assert band.label.split()[0] in flat
    assert "Laki-laki" in flat and "Perempuan" in flat and "Jumlah" in flat
    assert ind.guidance.split(".")[0] in flat
    for r in ind.evidence:
        assert r.label[:40] in flat
    # An unconfirmed wording says so; the forms end with two signature places (no NIP for an RT).
    assert "22. Anak Korban Pornografi" in flat and "(rumusan sementara)" in flat
    assert "Yang mengumpulkan," in flat and "NIP." not in flat
    assert "Halaman 2 dari" in flat or "Halaman 3 dari" in flat


def test_every_page_with_the_signatures_names_its_indicator(tmp_path: Path) -> None:
    """Seven of the 24 blank forms ended with a page holding only the two signature places, with
    nothing saying which form they sign. The end of a form (its evidence list and signatures) now
    stays together and names the indicator; no page is added for it."""
    import subprocess

    t = default_template()
    out = forms.write_forms_pdf(t, range(1, 25), tmp_path / "semua.pdf", city_name="Kota Balikpapan")
    pages = pdf_text(out).split("\f")
    pages = [p for p in pages if p.strip()]
    signed = [" ".join(p.split()) for p in pages if "Yang mengumpulkan," in p]
    assert len(signed) == 24
    for no, page in zip(range(1, 25), signed, strict=True):
        ind = t.indicator(no)
        assert f"indikator {no}. " in page, (no, page[:200])
        assert f"Data dukung indikator {no}. {ind.short_name} yang perlu dilampirkan" in page or not ind.evidence
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:"))) <= 32
