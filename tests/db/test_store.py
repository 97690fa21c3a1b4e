from __future__ import annotations

import sqlite3

import pytest

from db.demo import make_pdf, make_png
from db.errors import KlaError
from db.store import Store
from tests.db.conftest import KEL, table_dump


def test_new_workspace_holds_its_own_line_and_the_default_template(kel_store, city_store):
    assert kel_store.role == "kelurahan" and kel_store.kelurahan_code == KEL
    # A kelurahan's workspace knows its own line (kota, kecamatan, itself); DP3AKB's knows the city.
    assert [(u.level, u.name) for u in kel_store.units()] == [
        ("city", "Kota Balikpapan"), ("kecamatan", "Balikpapan Timur"), ("kelurahan", "Manggar")]
    assert len(city_store.units("kelurahan")) == 34 and len(city_store.units("kecamatan")) == 6
    assert city_store.find_unit("Gunungsamarinda").code == "64.71.03.1002"  # 2022 spelling
    assert city_store.find_unit("sungai nangka").code == "64.71.05.1010"
    assert kel_store.template.id == "kla24"
    assert kel_store.current_period().data_years  # biennial, two data years
    assert kel_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert kel_store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_set_value_saves_audits_and_history(kel_store):
    ch = kel_store.set_value(None, 2025, 4, "anak_total", "1.234", sex="L", age="1-4").record
    assert ch.changed and ch.new == 1234 and ch.old is None
    kel_store.operator = "Budi"
    kel_store.set_value(None, 2025, 4, "anak_total", "1.300", sex="L", age="1-4")
    assert kel_store.values(None, 2025, 4)[("anak_total", "L", "1-4")] == 1300
    hist = kel_store.value_history(None, 2025, 4, "anak_total", "L", "1-4")
    assert [(h.operator, h.old_value, h.new_value) for h in hist] == [("Budi", 1234, 1300), ("Siti", None, 1234)]
    again = kel_store.set_value(None, 2025, 4, "anak_total", 1300, sex="L", age="1-4").record
    assert not again.changed
    assert len(kel_store.value_history(None, 2025, 4, "anak_total", "L", "1-4")) == 2
    entry = kel_store.entry(None, 2025, 4)
    assert entry.revision == 2 and entry.status == "draft"


def test_value_survives_reopen(kel_store, tmp_path):
    kel_store.set_value(None, 2025, 4, "anak_total", 50, sex="P", age="5-11")
    kel_store.close()
    with Store.open(tmp_path / "ws") as again:
        assert again.values(None, 2025, 4) == {("anak_total", "P", "5-11"): 50}


@pytest.mark.parametrize(
    "kwargs, code",
    [
        (dict(indicator_no=4, item_key="anak_total", value="-1", sex="L", age="1-4"), "value_negative"),
        (dict(indicator_no=4, item_key="anak_total", value="1,5", sex="L", age="1-4"), "value_not_whole"),
        (dict(indicator_no=4, item_key="anak_total", value="12", sex="", age="1-4"), "sex_required"),
        (dict(indicator_no=4, item_key="anak_total", value="12", sex="L", age="99"), "age_invalid"),
        (dict(indicator_no=4, item_key="tidak_ada", value="12"), "item_unknown"),
        (dict(indicator_no=25, item_key="x", value="12"), "indicator_unknown"),
        (dict(indicator_no=4, item_key="cakupan_akta", value="50"), "value_computed"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(kel_store, kwargs, code):
    kel_store.set_value(None, 2025, 4, "anak_total", 10, sex="L", age="1-4")
    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.set_value(None, 2025, **kwargs)
    assert exc.value.code == code
    assert table_dump(kel_store) == before


def test_year_outside_every_period_is_refused(kel_store):
    with pytest.raises(KlaError) as exc:
        kel_store.set_value(None, 1999, 4, "anak_total", 1, sex="L", age="1-4")
    assert exc.value.code == "year_not_in_period"


def test_part_never_exceeds_whole_either_way(kel_store):
    """Save and flag, never drop: a part over its whole is stored as typed, flagged at both cells,
    and keeps the indicator from "siap" until one of the two numbers is corrected."""
    kel_store.set_value(None, 2025, 4, "anak_total", 10, sex="L", age="1-4")
    kel_store.set_value(None, 2025, 4, "anak_berakta", 8, sex="L", age="1-4")
    vc = kel_store.set_value(None, 2025, 4, "anak_berakta", 11, sex="L", age="1-4").record
    assert vc.changed and vc.new == 11
    assert kel_store.values(None, 2025, 4)[("anak_berakta", "L", "1-4")] == 11
    [flag] = vc.flags
    assert flag["code"] == "part_exceeds_whole" and flag["importance"] == "high"
    assert (flag["part_value"], flag["whole_value"]) == (11, 10)
    assert set(flag["cells"]) == {("anak_berakta", "L", "1-4"), ("anak_total", "L", "1-4")}
    st = kel_store.indicator_status(None, 2025, 4)
    assert st.flags == (flag,) and st.blocking_flags == (flag,) and len(st.problems) == 1
    # Lowering the whole below its part is stored and flagged the same way.
    kel_store.set_value(None, 2025, 4, "anak_berakta", 8, sex="L", age="1-4")
    vc = kel_store.set_value(None, 2025, 4, "anak_total", 7, sex="L", age="1-4").record
    assert kel_store.values(None, 2025, 4)[("anak_total", "L", "1-4")] == 7
    assert [f["code"] for f in vc.flags] == ["part_exceeds_whole"]
    # Another cell is independent: its write touches no flag.
    assert kel_store.set_value(None, 2025, 4, "anak_berakta", 5, sex="P", age="1-4").record.flags == ()
    # "Siap" is refused while the flag stands (required cells all filled first).
    t = kel_store.template
    with kel_store.transaction():
        for it in t.indicator(4).items:
            if it.required:
                for sx, ag in t.cells(it):
                    if (it.key, sx, ag) not in kel_store.values(None, 2025, 4):
                        kel_store.set_value(None, 2025, 4, it.key, 100 if it.key == "anak_total" else 1,
                                            sex=sx, age=ag)
    with pytest.raises(KlaError) as exc:
        kel_store.set_status(None, 2025, 4, "ready")
    assert exc.value.code == "not_ready_flagged" and exc.value.params["flagged"] == 1
    kel_store.set_value(None, 2025, 4, "anak_total", 9, sex="L", age="1-4")
    assert kel_store.indicator_status(None, 2025, 4).flags == ()
    kel_store.set_status(None, 2025, 4, "ready")
    # A ready entry edited into a part larger than its whole is a draft again (value kept, flagged).
    kel_store.set_value(None, 2025, 4, "anak_berakta", 12, sex="L", age="1-4")
    assert kel_store.entry(None, 2025, 4).status == "draft"
    assert kel_store.values(None, 2025, 4)[("anak_berakta", "L", "1-4")] == 12


def test_not_ready_names_missing_items_by_their_labels(kel_store):
    with pytest.raises(KlaError) as exc:
        kel_store.set_status(None, 2025, 4, "ready")
    assert "Jumlah anak" in exc.value.params["missing"] and "anak_total" not in exc.value.params["missing"]


def test_a_paste_is_one_write_all_or_nothing(kel_store):
    cells = [("anak_total", "L", "0-60h", "1.200"), ("anak_total", "P", "0-60h", "1100"),
             ("anak_berakta", "L", "0-60h", 1300)]
    ch = kel_store.set_values(None, 2025, 4, cells)
    assert [vc.new for vc in ch.record] == [1200, 1100, 1300]
    assert [f["code"] for f in ch.record[2].flags] == ["part_exceeds_whole"]
    assert len(kel_store.value_history(None, 2025, 4, "anak_total", "P", "0-60h")) == 1
    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.set_values(None, 2025, 4, [("anak_total", "L", "1-4", "5"), ("anak_total", "P", "1-4", "lima")])
    assert exc.value.code == "value_not_number"
    assert table_dump(kel_store) == before


def test_a_big_change_from_last_year_is_flagged_not_refused(kel_store):
    kel_store.set_value(None, 2024, 4, "anak_total", 450, sex="L", age="1-4")
    kel_store.set_value(None, 2024, 4, "anak_total", 12, sex="P", age="1-4")
    vc = kel_store.set_value(None, 2025, 4, "anak_total", 45, sex="L", age="1-4").record
    assert kel_store.values(None, 2025, 4)[("anak_total", "L", "1-4")] == 45
    [flag] = vc.flags
    assert flag["code"] == "year_change" and (flag["value"], flag["last_value"]) == (45, 450)
    assert flag["importance"] == "medium"
    # Small counts (under 20 both years) are not judged: 12 -> 3 is no flag.
    assert kel_store.set_value(None, 2025, 4, "anak_total", 3, sex="P", age="1-4").record.flags == ()
    # A medium flag warns but does not block "siap"; the status lists it.
    assert kel_store.indicator_status(None, 2025, 4).flags == (flag,)
    assert kel_store.indicator_status(None, 2025, 4).blocking_flags == ()


def test_the_same_population_in_two_indicators_is_compared(kel_store):
    for sex, n in (("L", 40), ("P", 38)):
        kel_store.set_value(None, 2025, 13, "balita_diukur", n, sex=sex, age="0-5b")
        kel_store.set_value(None, 2025, 14, "bayi_0_5", n, sex=sex)
    assert kel_store.indicator_status(None, 2025, 14).flags == ()
    vc = kel_store.set_value(None, 2025, 14, "bayi_0_5", 20, sex="P").record
    [flag] = vc.flags
    assert flag["code"] == "rule_broken" and flag["indicators"] == (13,)
    assert (flag["left_value"], flag["right_value"]) == (78, 60)
    assert "indikator 13" in flag["message"]
    # Indicator 13 carries the same flag, on its own cells.
    [other] = kel_store.indicator_status(None, 2025, 13).flags
    assert other["rule"] == flag["rule"] and ("balita_diukur", "L", "0-5b") in other["cells"]


def test_copy_from_last_year_takes_stable_answers_only(kel_store):
    kel_store.set_value(None, 2024, 1, "ada_kebijakan", "ya")
    kel_store.set_value(None, 2024, 1, "nomor_kebijakan", "SK Lurah No. 12 Tahun 2024")
    kel_store.set_value(None, 2024, 1, "tanggal_kebijakan", "17 Agustus 2024")
    kel_store.set_value(None, 2024, 1, "anak_memberi_masukan", 30, sex="L")
    kel_store.set_value(None, 2024, 2, "ada_sk_tim", "ya")
    kel_store.set_value(None, 2025, 1, "ada_kebijakan", "tidak")  # already answered this year: kept
    ch = kel_store.copy_from_last_year(None, 2025, 1)
    got = kel_store.values(None, 2025, 1)
    assert got[("ada_kebijakan", "", "")] is False
    assert got[("nomor_kebijakan", "", "")] == "SK Lurah No. 12 Tahun 2024"
    assert got[("tanggal_kebijakan", "", "")] == "2024-08-17"
    assert ("anak_memberi_masukan", "L", "") not in got  # counts are never copied
    assert {vc.item_key for vc in ch.record} == {"nomor_kebijakan", "tanggal_kebijakan"}
    assert ch.indicators == {(2025, 1)}
    assert ("ada_sk_tim", "", "") not in kel_store.values(None, 2025, 2)
    every = kel_store.copy_from_last_year(None, 2025)
    assert kel_store.values(None, 2025, 2)[("ada_sk_tim", "", "")] is True
    assert [vc.item_key for vc in every.record] == ["ada_sk_tim"]
    assert not kel_store.copy_from_last_year(None, 2025)


def test_kelurahan_workspace_cannot_write_another_kelurahan(kel_store):
    with pytest.raises(KlaError) as exc:
        kel_store.set_value("64.71.02.1001", 2025, 4, "anak_total", 1, sex="L", age="1-4")
    assert exc.value.code == "kelurahan_not_own"


def test_required_items_are_flagged_and_block_ready(kel_store):
    st = kel_store.indicator_status(None, 2025, 4)
    assert st.state == "empty" and "anak_total" in st.missing_items
    with pytest.raises(KlaError) as exc:
        kel_store.set_status(None, 2025, 4, "ready")
    assert exc.value.code == "not_ready"
    t = kel_store.template
    ind = t.indicator(4)
    with kel_store.transaction():
        for it in ind.items:
            if it.required:
                for s, a in t.cells(it):
                    kel_store.set_value(None, 2025, 4, it.key, 0 if it.part_of else 10, sex=s, age=a)
    st = kel_store.indicator_status(None, 2025, 4)
    assert st.missing_items == ()
    assert st.missing_evidence, "data complete but the required evidence is still missing"
    assert st.state == "partial"
    assert kel_store.set_status(None, 2025, 4, "ready")
    assert kel_store.indicator_status(None, 2025, 4).state == "ready"


def test_evidence_is_content_addressed_and_shared(kel_store, tmp_path):
    photo = tmp_path / "foto.png"
    make_png(photo, 7)
    rec = kel_store.add_evidence(None, photo, links=[(2025, 6)], caption="Forum Anak").record
    stored = kel_store.evidence_path(rec)
    assert stored.read_bytes() == photo.read_bytes()
    assert stored.name == rec.sha256 and rec.kind == "photo" and rec.mime == "image/png"
    # the same content again: one record, one more link
    copy = tmp_path / "salinan.png"
    copy.write_bytes(photo.read_bytes())
    rec2 = kel_store.add_evidence(None, copy, links=[(2025, 11)]).record
    assert rec2.id == rec.id and rec2.links == ((2025, 6), (2025, 11))
    assert len(kel_store.evidence_list(None, 2025, 6)) == 1
    # unlinking keeps the file; removing the record deletes it once nothing uses it
    kel_store.unlink_evidence(rec.id, 2025, 6)
    assert stored.exists() and kel_store.evidence(rec.id).links == ((2025, 11),)
    kel_store.remove_evidence(rec.id)
    assert not stored.exists()
    assert kel_store.evidence_list(None) == []


def test_evidence_satisfies_requirements_and_old_documents_are_flagged(kel_store, tmp_path):
    ind = kel_store.template.indicator(4)
    req = next(r for r in ind.evidence if r.required and r.max_age_years is not None)
    pdf = tmp_path / "rekap.pdf"
    make_pdf(pdf, "REKAP", ["baris"])
    old_year = 2025 - req.max_age_years  # the window ends with the data year (db/freshness.py)
    kel_store.add_evidence(None, pdf, links=[(2025, 4)], kind=req.kind, doc_date=f"01-03-{old_year}")
    gap = next(g for g in kel_store.indicator_status(None, 2025, 4).evidence if g.kind == req.kind)
    assert gap.too_old == 1 and not gap.satisfied
    pdf2 = tmp_path / "rekap2.pdf"
    make_pdf(pdf2, "REKAP BARU", ["baris"])
    kel_store.add_evidence(None, pdf2, links=[(2025, 4)], kind=req.kind, doc_date="2025-03-01")
    gap = next(g for g in kel_store.indicator_status(None, 2025, 4).evidence if g.kind == req.kind)
    assert gap.satisfied


def test_one_file_ticks_one_requirement(kel_store, tmp_path):
    """Indicator 2 asks for two SKs (Gugus Tugas and PATBM): one SK PDF fulfils one of them, the one
    the clerk chose; without a choice it goes to the first SK still missing."""
    ind = kel_store.template.indicator(2)
    sk_tim, sk_patbm = (r for r in ind.evidence if r.kind == "sk")
    assert (sk_tim.key, sk_patbm.key) == ("sk", "sk_2")

    def gaps():
        return {g.key: g for g in kel_store.indicator_status(None, 2025, 2).evidence}

    patbm = tmp_path / "sk-patbm.pdf"
    make_pdf(patbm, "SK PATBM", ["baris"])
    rec = kel_store.add_evidence(None, patbm, links=[(2025, 2)], kind="sk", requirement="sk_2").record
    assert rec.requirement_for(2025, 2) == "sk_2"
    g = gaps()
    assert g["sk_2"].satisfied and g["sk_2"].evidence_ids == (rec.id,)
    assert not g["sk"].satisfied and g["sk"].evidence_ids == ()
    # A second SK without a choice fills the one still missing, not both.
    tim = tmp_path / "sk-tim.pdf"
    make_pdf(tim, "SK TIM", ["baris"])
    other = kel_store.add_evidence(None, tim, links=[(2025, 2)], kind="sk").record
    g = gaps()
    assert g["sk"].evidence_ids == (other.id,) and g["sk_2"].evidence_ids == (rec.id,)
    # The clerk moves the first file to the other requirement: each counts once, where chosen.
    ch = kel_store.set_evidence_requirement(rec.id, 2025, 2, "sk")
    assert ch.indicators == {(2025, 2)}
    g = gaps()
    assert rec.id in g["sk"].evidence_ids and sum(rec.id in x.evidence_ids for x in g.values()) == 1
    with pytest.raises(KlaError) as exc:
        kel_store.set_evidence_requirement(rec.id, 2025, 2, "tidak_ada")
    assert exc.value.code == "evidence_requirement_unknown"
    with pytest.raises(KlaError) as exc:
        kel_store.set_evidence_requirement(rec.id, 2025, 4, "data_table")
    assert exc.value.code == "evidence_not_linked"
    # The batched status (Beranda, the city) says the same.
    batched = next(i for i in kel_store.status(None, 2025).indicators if i.indicator_no == 2)
    assert batched == kel_store.indicator_status(None, 2025, 2)


def test_missing_evidence_file_is_refused(kel_store, tmp_path):
    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.add_evidence(None, tmp_path / "tidak-ada.pdf", links=[(2025, 4)])
    assert exc.value.code == "file_not_found"
    assert table_dump(kel_store) == before


def test_activities_and_facilities(kel_store, tmp_path):
    photo = tmp_path / "kegiatan.png"
    make_png(photo, 3)
    ev = kel_store.add_evidence(None, photo).record
    act = kel_store.add_activity(None, 2025, "Musrenbang anak", kind="inovasi", date="12-05-2025",
                                 partners=["forum_anak", "sekolah"], indicators=[6, 1], evidence_ids=[ev.id]).record
    assert act.indicators == (1, 6) and act.date == "2025-05-12" and act.evidence_ids == (ev.id,)
    act = kel_store.update_activity(act.id, title="Musrenbang anak kelurahan").record
    assert act.revision == 2
    assert [a.title for a in kel_store.activities(None, search="musrenbang")] == ["Musrenbang anak kelurahan"]
    fac = kel_store.add_facility(None, "Taman Bekapai", "rbra", latitude="-1,27", longitude=116.83).record
    assert fac.latitude == -1.27
    with pytest.raises(KlaError) as exc:
        kel_store.add_facility(None, "X", "bukan_jenis")
    assert exc.value.code == "facility_type_unknown"
    kel_store.delete_facility(fac.id)
    kel_store.delete_activity(act.id)
    assert kel_store.facilities() == [] and kel_store.activities() == []
    deleted = {r["entity"] for r in kel_store.db.query("SELECT entity FROM deletions")}
    assert deleted == {"activity", "facility"}
    # the photo is still kept: deleting an activity never deletes its evidence
    assert kel_store.evidence_path(ev).exists()


def test_an_activity_partner_outside_the_list_is_refused(kel_store):
    """DP3AKB's import refuses a bundle with such a partner (db.sync partners_invalid): refused as typed."""
    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.add_activity(None, 2025, "Musrenbang anak", partners=["forum_anak", "unknown"])
    assert (exc.value.code, exc.value.params) == ("partner_unknown", {"partner": "unknown"})
    assert table_dump(kel_store) == before
    act = kel_store.add_activity(None, 2025, "Musrenbang anak", partners=["forum_anak"]).record
    with pytest.raises(KlaError) as exc:
        kel_store.update_activity(act.id, partners=["Dinas Sosial"])
    assert exc.value.code == "partner_unknown"
    assert kel_store.activity(act.id).partners == ("forum_anak",)
    from ui.messages import error_text

    text = error_text(exc.value)
    assert "'Dinas Sosial' tidak dikenal" in text and "Dinas Sosial (dinsos)" in text and "{" not in text


def test_latest_data_year_is_the_latest_with_a_value(kel_store):
    """What a report defaults to: not the latest year of the period while only last year's data is typed."""
    assert kel_store.latest_data_year() is None
    item = next(i.key for i in kel_store.template.indicator(3).items if i.type == "count" and not i.sex and not i.age)
    kel_store.set_value(None, 2025, 3, item, 2)
    kel_store.set_notes(None, 2026, 3, "belum diisi")  # an entry of 2026 without a value
    assert kel_store.latest_data_year() == 2025 and kel_store.latest_data_year(KEL) == 2025
    assert kel_store.latest_data_year("64.71.01.1002") is None


def test_status_report_counts_completeness(kel_store):
    st = kel_store.status(None, 2025)
    assert st.kelurahan_name == "Manggar" and st.kecamatan_name == "Balikpapan Timur"
    assert len(st.indicators) == 24 and st.completeness == 0.0
    kel_store.set_value(None, 2025, 3, next(i.key for i in kel_store.template.indicator(3).items if i.required), 2)
    assert kel_store.status(None, 2025).completeness > 0


def test_audit_log_records_who_what_old_new(kel_store):
    kel_store.set_value(None, 2025, 4, "anak_total", 5, sex="L", age="1-4")
    kel_store.set_notes(None, 2025, 4, "Data dari Disdukcapil")
    log = kel_store.audit_log(limit=5)
    notes = next(a for a in log if a.entity == "entry.notes")
    assert notes.operator == "Siti" and notes.old_value == "" and notes.new_value == "Data dari Disdukcapil"


def test_transaction_is_all_or_nothing(kel_store):
    before = table_dump(kel_store)
    with pytest.raises(KlaError):
        with kel_store.transaction():
            kel_store.set_value(None, 2025, 4, "anak_total", 5, sex="L", age="1-4")
            kel_store.set_value(None, 2025, 4, "anak_total", -5, sex="P", age="1-4")
    assert table_dump(kel_store) == before


def test_create_refuses_unknown_kelurahan_and_existing_workspace(tmp_path):
    with pytest.raises(KlaError) as exc:
        Store.create(tmp_path / "a", "kelurahan", kelurahan_code="64.71.09.9999")
    assert exc.value.code == "kelurahan_unknown"
    assert not (tmp_path / "a" / "kla.sqlite").exists()
    Store.create(tmp_path / "b", "city").close()
    with pytest.raises(KlaError) as exc:
        Store.create(tmp_path / "b", "city")
    assert exc.value.code == "workspace_exists"


def test_opening_a_non_workspace_file_is_refused(tmp_path):
    (tmp_path / "ws").mkdir()
    sqlite3.connect(tmp_path / "ws" / "kla.sqlite").execute("CREATE TABLE x(a)").connection.commit()
    with pytest.raises(KlaError) as exc:
        Store.open(tmp_path / "ws")
    assert exc.value.code == "not_a_workspace"


def test_automatic_matching_suggests_by_the_files_words_and_never_ticks_two(kel_store, tmp_path):
    """Without the clerk's choice each SK goes to the requirement its caption or name speaks of."""
    for name in ("SK PATBM Margo Mulyo.pdf", "SK Gugus Tugas KLA.pdf"):
        pdf = tmp_path / name
        make_pdf(pdf, name, ["baris"])
        kel_store.add_evidence(None, pdf, links=[(2025, 2)], kind="sk")
    names = {e.id: e.original_name for e in kel_store.evidence_list(None, 2025, 2)}
    gaps = {g.key: [names[i] for i in g.evidence_ids] for g in kel_store.indicator_status(None, 2025, 2).evidence}
    assert gaps["sk"] == ["SK Gugus Tugas KLA.pdf"] and gaps["sk_2"] == ["SK PATBM Margo Mulyo.pdf"]
