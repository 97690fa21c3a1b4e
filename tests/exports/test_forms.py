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
