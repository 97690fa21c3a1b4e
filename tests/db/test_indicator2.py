"""Kelembagaan indicator 2 computed (issue 10): DEKELA, PATBM, DEKELA with PATBM, Profil Anak and
KELANA shares against a hand count on a small city; KELANA, deadlines and contacts as DP3AKB
records them; the Profil Anak freshness rule relative to the data year."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.errors import KlaError
from db.freshness import too_old
from db.store import Store

A, B, C, D = "64.71.01.1001", "64.71.01.1002", "64.71.02.1001", "64.71.03.1001"


def test_measures_against_a_hand_count(city_store: Store, tmp_path: Path) -> None:
    s = city_store
    for kel, dekela, patbm, profil in ((A, "dekela", True, True), (B, "dekela", False, True),
                                       (C, "inisiasi", True, False), (D, "dekela", True, None)):
        s.set_value(kel, 2026, 2, "status_dekela", dekela)
        s.set_value(kel, 2026, 2, "ada_patbm", patbm)
        if profil is not None:
            s.set_value(kel, 2026, 2, "profil_anak_mutakhir", profil)
    s.set_value(A, 2025, 2, "status_dekela", "inisiasi")
    doc = tmp_path / "profil.pdf"
    doc.write_bytes(b"%PDF-1.4 profil anak")
    s.add_evidence(A, doc, links=[(2025, 2)], kind="data_table", doc_date="2025-11-30")
    old = tmp_path / "profil-lama.pdf"
    old.write_bytes(b"%PDF-1.4 profil anak lama")
    s.add_evidence(B, old, links=[(2026, 2)], kind="data_table", doc_date="2024-06-01")
    s.set_kelana("64.71.01", 2026, status="kelana", sk_number="188.45/12/2026", sk_date="3 Maret 2026")
    s.set_kelana("64.71.02", 2026, status="inisiasi")

    k = s.kelembagaan([2025, 2026])
    m = k.measure("dekela", 2026)
    assert (m.counted, len(m.base), len(m.reported), m.value) == ((A, B, D), 34, 4, 8.82)
    m = k.measure("patbm", 2026)
    assert m.counted == (A, C, D) and m.value == 8.82
    m = k.measure("dekela_patbm", 2026)
    assert (m.counted, m.base, m.value) == ((A, D), (A, B, D), 66.67)
    m = k.measure("profil", 2026)
    assert m.counted == (A, B) and m.reported == (A, B, C)
    # A's 2025 profile, dated in 2025, is fresh for data year 2025 (of the 2027 evaluation);
    # B's 2024 one is too old for 2026.
    assert k.measure("profil_dokumen", 2025).counted == (A,)
    assert k.measure("profil_dokumen", 2026).counted == ()
    assert k.units[(B, 2026)].profil_documents_old == 1
    m = k.measure("kelana", 2026)
    assert (m.counted, len(m.base), m.reported, m.value) == (("64.71.01",), 6, ("64.71.01", "64.71.02"), 16.67)
    assert k.measure("kelana", 2025).counted == () and k.measure("dekela", 2025).counted == ()
    rec = k.kelana[("64.71.01", 2026)]
    assert rec.sk_number == "188.45/12/2026" and rec.sk_date == "2026-03-03"


def test_profil_anak_freshness_is_judged_against_the_data_year() -> None:
    # Profil Anak: "updated every year" (max 1 year). Evaluation 2027 uses data years 2025 and 2026.
    assert not too_old("2025-03-01", 2025, 1)  # was "too old" when measured from the evaluation year
    assert not too_old("2026-01-15", 2025, 1)  # made early the next year, describing 2025
    assert too_old("2024-12-31", 2025, 1)
    assert not too_old("2024-05-01", 2025, 2) and too_old("2023-05-01", 2025, 2)
    assert not too_old(None, 2025, 1) and not too_old("2001-01-01", 2025, None)


def test_kelana_files_deadlines_and_contacts(city_store: Store, tmp_path: Path) -> None:
    s = city_store
    with pytest.raises(KlaError) as e:
        s.add_kelana_file("64.71.01", 2026, tmp_path / "x.pdf")
    assert e.value.code == "kelana_not_recorded"
    s.set_kelana("64.71.01", 2026, status="kelana", sk_number="1/2026")
    sk = tmp_path / "SK KELANA.pdf"
    sk.write_bytes(b"%PDF-1.4 sk kelana")
    ch = s.add_kelana_file("64.71.01", 2026, sk)
    rec = ch.record
    assert ch.has("kelana") and [f.original_name for f in rec.files] == ["SK KELANA.pdf"]
    stored = s.kelana_file_path(rec.files[0].sha256)
    assert stored.read_bytes() == sk.read_bytes()
    assert not s.add_kelana_file("64.71.01", 2026, sk)  # the same file again changes nothing
    s.remove_kelana_file("64.71.01", 2026, rec.files[0].sha256)
    assert not stored.exists() and s.kelana([2026])[0].files == ()
    assert not s.set_kelana("64.71.01", 2026, status="kelana", sk_number="1/2026")
    for bad in (dict(kecamatan_code=A, data_year=2026, status="kelana"),
                dict(kecamatan_code="64.71.01", data_year=2026, status="paripurna"),
                dict(kecamatan_code="64.71.01", data_year=1999, status="kelana")):
        with pytest.raises(KlaError):
            s.set_kelana(**bad)

    assert s.deadline(2027) is None
    s.set_deadline(2027, "31-03-2027")
    assert s.deadline(2027).isoformat() == "2027-03-31"
    assert s.set_deadline(2027, "") and s.deadline(2027) is None
    with pytest.raises(KlaError):
        s.set_deadline(2031, "2031-01-01")

    s.set_contact(A, name="Bu Rina", phone="0812-5555-1234")
    assert s.contacts()[A].phone == "0812-5555-1234"
    s.set_contact(A)
    assert A not in s.contacts()


def test_a_kelurahan_workspace_cannot_record_what_dp3akb_records(kel_store: Store) -> None:
    for call in (lambda: kel_store.set_kelana("64.71.01", 2026, status="kelana"),
                 lambda: kel_store.set_deadline(2027, "2027-03-31"),
                 lambda: kel_store.set_contact(kel_store.kelurahan_code, name="x")):
        with pytest.raises(KlaError) as e:
            call()
        assert e.value.code == "role_needs_city"


def test_a_2025_profil_anak_is_fresh_for_data_year_2025_of_the_2027_evaluation(kel_store: Store, tmp_path: Path) -> None:
    assert kel_store.period_for_data_year(2025).eval_year == 2027
    doc = tmp_path / "profil-anak-2025.pdf"
    doc.write_bytes(b"%PDF-1.4 profil anak 2025")
    kel_store.add_evidence(None, doc, links=[(2025, 2), (2026, 2)], kind="data_table", doc_date="2025-10-01")
    gap = lambda y: next(g for g in kel_store.indicator_status(None, y, 2).evidence  # noqa: E731
                         if g.kind == "data_table" and "Profil Anak" in g.label)
    assert gap(2025).satisfied and gap(2025).too_old == 0
    # The same file is a year old for data year 2026: Profil Anak must be updated every year.
    assert gap(2026).too_old == 1 and not gap(2026).satisfied
