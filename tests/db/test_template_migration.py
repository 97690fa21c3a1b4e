"""Chained template migration (issue 12): v1 -> v2 -> v3 by declared steps, nothing dropped."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from db.errors import KlaError
from db.store import Store
from db.template import Template, parse_template
from db.template_migration import RetiredValues
from tests.db.conftest import table_dump

YEAR = 2024


def _ind(raw: dict[str, Any], no: int) -> dict[str, Any]:
    return next(i for i in raw["indicators"] if i["no"] == no)


def _item(raw: dict[str, Any], no: int, key: str) -> dict[str, Any]:
    return next(i for i in _ind(raw, no)["items"] if i["key"] == key)


def versions(store: Store) -> tuple[Template, Template]:
    v1 = json.loads(store.template.to_json())
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    _item(v2, 2, "rapat_tim")["key"] = "rapat_tim_kla"        # renamed
    _ind(v2, 2)["items"].remove(_item(v2, 2, "nomor_sk_tim"))   # retired
    v2["migrations"] = [{"from_version": 1, "rename": {"2.rapat_tim": "rapat_tim_kla"}, "retire": ["2.nomor_sk_tim"]}]
    v3 = copy.deepcopy(v2)
    v3["version"] = 3
    ind6 = _ind(v3, 6)
    ind6["items"] = [i for i in ind6["items"] if i["key"] not in ("kegiatan_forum", "usulan_anak", "usulan_diterima")]
    ind6["items"].append({"key": "kegiatan_2p", "label": "Kegiatan Forum Anak", "type": "count"})
    _item(v3, 2, "rapat_tim_kla")["key"] = "rapat_gugus_tugas"
    v3["migrations"] = v2["migrations"] + [{
        "from_version": 2, "rename": {"2.rapat_tim_kla": "rapat_gugus_tugas"},
        "merge": [{"from": ["6.kegiatan_forum", "6.usulan_anak"], "into": "kegiatan_2p"}],
        "split": [{"from": "6.usulan_diterima", "into": ["kegiatan_2p"], "carry": None}]}]
    return parse_template(v2), parse_template(v3)


def test_chained_v1_to_v3_keeps_every_value(kel_store: Store) -> None:
    s = kel_store
    s.set_value(None, YEAR, 2, "rapat_tim", 6)
    s.set_value(None, YEAR, 2, "nomor_sk_tim", "12/2024")
    s.set_value(None, YEAR, 6, "kegiatan_forum", 3)
    s.set_value(None, YEAR, 6, "usulan_anak", 4)
    s.set_value(None, YEAR, 6, "usulan_diterima", 2)
    s.set_value(None, YEAR, 6, "anggota_forum", 10, sex="L")
    v2, v3 = versions(s)
    s.install_template(v2, activate=False)  # known here, but the unit skips it: v1 -> v3 in one go
    counts, changes = s.install_template_with_migration(v3)
    assert changes and s.template.version == 3
    assert s.values(None, YEAR, 2)[("rapat_gugus_tugas", "", "")] == 6
    six = s.values(None, YEAR, 6)
    assert six[("kegiatan_2p", "", "")] == 7 and six[("anggota_forum", "L", "")] == 10
    kept = {(r["indicator_no"], r["item_key"], r["value"], r["reason"]) for r in RetiredValues(s.core).listing()}
    assert kept == {(2, "nomor_sk_tim", "12/2024", "retired@1"), (6, "usulan_diterima", 2, "split@2")}
    assert counts["kept"] == 2


def test_undeclared_loss_is_refused_and_changes_nothing(kel_store: Store) -> None:
    s = kel_store
    s.set_value(None, YEAR, 2, "rapat_tim", 6)
    _, v3 = versions(s)
    raw = json.loads(v3.to_json())
    raw["migrations"] = raw["migrations"][1:]  # step 1 missing: rapat_tim has nowhere to go
    before = table_dump(s)
    with pytest.raises(KlaError) as e:
        s.install_template_with_migration(parse_template(raw))
    assert e.value.code == "template_migration_blocked" and "2.rapat_tim" in str(e.value.params["items"])
    assert table_dump(s) == before and s.template.version == 1
