"""Template version 2 (issue 12): its content from the 2025 reference, and v1 workspaces moving onto it.

Every value typed under version 1 is still there afterwards: under its new key, or listed in
``template_retired_values``. A migration that fails half way leaves version 1 in force.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from db.entries import Entries
from db.errors import KlaError
from db.store import Store
from db.template import Template, default_template, parse_template, shipped_template, shipped_templates
from db.template_migration import RetiredValues, steps_of
from tests.db.conftest import table_dump

YEAR = 2024
Cell = tuple[int, str, str, str]


def v2() -> Template:
    return shipped_template("kla24", 2)


def _raw_ind(raw: dict[str, Any], no: int) -> dict[str, Any]:
    return next(i for i in raw["indicators"] if i["no"] == no)


# ---------------------------------------------------------------------------- content


def test_version_2_ships_beside_version_1_and_new_workspaces_start_at_1() -> None:
    assert [(t.id, t.version) for t in shipped_templates()] == [("kla24", 1), ("kla24", 2)]
    assert default_template().version == 1
    t = v2()
    assert t.weight_total == 1000 and sum(i.weight for i in t.indicators) == 1000
    assert [i.no for i in t.indicators] == list(range(1, 25))
    assert steps_of(t) == {1: {"from_version": 1, "rename": {"2.rapat_tim": "rapat_gugus_tugas"},
                               "note": steps_of(t)[1]["note"]}}


def test_partisipasi_anak_cites_permen_pppa_3_2025_and_asks_2p_and_the_term_of_office() -> None:
    six = v2().indicator(6)
    assert "Permen PPPA 3/2025" in six.source and "No. 3 Tahun 2025" in six.guidance
    assert "sembilan kriteria" in six.guidance
    keys = {it.key: it for it in six.items}
    assert keys["forum_2p"].type == "yes_no" and "Pelopor dan Pelapor" in keys["forum_2p"].label
    assert keys["kegiatan_2p"].type == "count" and keys["kegiatan_2p"].part_of == "kegiatan_forum"
    assert keys["masa_bakti_mulai"].type == keys["masa_bakti_selesai"].type == "date"
    assert keys["kriteria_bermakna"].max_value == 9
    video = next(r for r in six.evidence if r.kind == "video")
    assert video.key == "video" and not video.required
    # What was there under version 1 stays, with the same requirement keys (links keep pointing right).
    assert [r.key for r in default_template().indicator(6).evidence] == [r.key for r in six.evidence][:3]


def test_terlembaga_asks_rw_ramah_anak_patbm_activists_drppa_and_satgas_but_not_kelana() -> None:
    two = v2().indicator(2)
    keys = {it.key: it for it in two.items}
    assert keys["rw_ramah_anak"].part_of == "jumlah_rw" and "SK Lurah" in keys["rw_ramah_anak"].label
    assert keys["ada_sk_patbm"].type == "yes_no" and keys["aktivis_patbm"].type == "count"
    assert keys["ada_patbm"].type == "yes_no"  # the city's "% DEKELA with PATBM" (db/indicator2.py) still reads it
    assert {c.key for c in keys["status_drppa"].choices} == {"belum", "komitmen", "berjalan"}
    assert keys["ada_satgas_ppa"].type == "yes_no"
    assert "rapat_gugus_tugas" in keys and "rapat_tim" not in keys
    assert not any("kelana" in it.key or "KELANA" in it.label for it in two.items)
    assert "KELANA" in two.guidance and "per kecamatan" in two.guidance
    assert {"sk_rw", "sk_satgas"} <= {r.key for r in two.evidence}


def test_every_item_the_reference_does_not_confirm_is_a_draft() -> None:
    t, old = v2(), default_template()
    for ind in t.indicators:
        before = {it.key for it in old.indicator(ind.no).items}
        for it in ind.items:
            if it.key not in before and it.key != "rapat_gugus_tugas":
                assert it.wording_status == "draft", (ind.no, it.key)
        if not ind.provisional:  # a confirmed title: each item says its own status
            assert all(it.wording_status in ("confirmed", "draft") for it in ind.items), ind.no
    assert {it.key for it in t.indicator(2).marked_items()} >= {"jumlah_rw", "rw_ramah_anak", "ada_sk_patbm",
                                                                 "aktivis_patbm", "status_drppa", "ada_satgas_ppa"}
    assert t.indicator(13).marked_items() == ()  # a provisional indicator is marked as a whole


# ---------------------------------------------------------------------------- migration


def fill_every_cell(s: Store, t: Template, year: int = YEAR) -> dict[Cell, Any]:
    """A value in every typed cell of every indicator; parts below their wholes."""
    with s.transaction():
        for ind in t.indicators:
            for it in ind.items:
                if it.computed:
                    continue
                for sex, age in t.cells(it):
                    value: Any = {"count": 5 if it.part_of else 9, "amount": 1_500_000, "yes_no": True,
                                  "text": f"teks {it.key}", "date": "2024-05-17"}.get(it.type)
                    if it.type == "choice":
                        value = it.choices[-1].key
                    s.set_value(None, year, ind.no, it.key, value, sex=sex, age=age)
    return all_values(s, t, year)


def all_values(s: Store, t: Template, year: int = YEAR) -> dict[Cell, Any]:
    out: dict[Cell, Any] = {}
    for ind in t.indicators:
        for (key, sex, age), v in s.values(None, year, ind.no).items():
            if not ind.item(key).computed and v is not None:
                out[(ind.no, key, sex, age)] = v
    return out


def accounted(before: dict[Cell, Any], after: dict[Cell, Any], retired: list[dict[str, Any]],
              rename: dict[str, str]) -> None:
    """Each value of ``before`` is under its (renamed) key in ``after`` or listed as retired: none lost."""
    kept = {(r["indicator_no"], r["item_key"], r["sex"], r["age"]): r["value"] for r in retired}
    for (no, key, sex, age), value in before.items():
        new_key = rename.get(f"{no}.{key}", key)
        if (no, key, sex, age) in kept:
            assert kept[(no, key, sex, age)] == value
        else:
            assert after.get((no, new_key, sex, age)) == value, (no, key, sex, age)


def test_a_v1_workspace_with_a_value_in_every_cell_moves_to_v2_keeping_every_value(kel_store: Store) -> None:
    s = kel_store
    before = fill_every_cell(s, s.template)
    assert len(before) > 250
    counts, changes = s.install_template_with_migration(v2())
    assert changes and s.template.version == 2
    after = all_values(s, s.template)
    accounted(before, after, RetiredValues(s.core).listing(), {"2.rapat_tim": "rapat_gugus_tugas"})
    assert after[(2, "rapat_gugus_tugas", "", "")] == 9 and counts["kept"] == 0
    assert len(after) == len(before)  # v2 only adds items: nothing put aside
    assert {e.template_version for e in s.entries()} == {2}
    # Installing it again changes nothing; an older version is refused.
    before_again = table_dump(s)
    assert s.install_template_with_migration(v2()) == ({"moved": 0, "dropped": 0, "kept": 0}, s.install_template(v2()))
    with pytest.raises(KlaError) as e:
        s.install_template_with_migration(default_template())
    assert e.value.code == "template_older" and (e.value.params["version"], e.value.params["active"]) == (1, 2)
    assert table_dump(s) == before_again


def test_dp3akb_puts_v2_in_force_over_every_units_entries(city_store: Store) -> None:
    from tests.db.conftest import KEL

    s = city_store
    other = "64.71.01.1002"
    with s.transaction():
        for kel, n in ((KEL, 6), (other, 11)):
            s.set_value(kel, YEAR, 2, "rapat_tim", n)
            s.set_value(kel, YEAR, 6, "kegiatan_forum", n)
    s.install_template(v2())  # activate: the same path as `kla template install`
    assert s.template.version == 2
    assert s.values(KEL, YEAR, 2)[("rapat_gugus_tugas", "", "")] == 6
    assert s.values(other, YEAR, 2)[("rapat_gugus_tugas", "", "")] == 11
    assert s.values(other, YEAR, 6)[("kegiatan_forum", "", "")] == 11


def v3_from(v2t: Template) -> Template:
    """A test-made version 3 using every kind of rule: rename, merge, split with a carry, retire."""
    raw = json.loads(v2t.to_json())
    raw["version"] = 3
    six = _raw_ind(raw, 6)
    for it in six["items"]:
        if it["key"] == "kegiatan_2p":
            it["key"] = "kegiatan_pelopor_pelapor"
        if it["key"] == "usulan_anak":
            it["key"] = "usulan_musrenbang"
        if it.get("part_of") == "usulan_anak":
            it["part_of"] = "usulan_musrenbang"
    six["items"].append({"key": "usulan_lain", "label": "Usulan anak di luar Musrenbang", "type": "count"})
    three = _raw_ind(raw, 3)
    three["items"] = [it for it in three["items"] if it["key"] not in ("media", "tokoh_masyarakat")]
    three["items"].append({"key": "mitra_lain", "label": "Media dan tokoh masyarakat", "type": "count"})
    one = _raw_ind(raw, 1)
    one["items"] = [it for it in one["items"] if it["key"] != "anak_memberi_masukan"]
    raw["migrations"] = raw["migrations"] + [{
        "from_version": 2,
        "rename": {"6.kegiatan_2p": "kegiatan_pelopor_pelapor"},
        "merge": [{"from": ["3.media", "3.tokoh_masyarakat"], "into": "mitra_lain"}],
        "split": [{"from": "6.usulan_anak", "into": ["usulan_musrenbang", "usulan_lain"], "carry": "usulan_musrenbang"}],
        "retire": ["1.anak_memberi_masukan"],
    }]
    return parse_template(raw)


def test_chained_v1_to_v2_to_v3_in_one_go_and_step_by_step(tmp_path) -> None:  # noqa: ANN001
    from tests.db.conftest import KEL

    t2 = v2()
    t3 = v3_from(t2)
    results = {}
    for how in ("one_go", "steps"):
        s = Store.create(tmp_path / how, "kelurahan", kelurahan_code=KEL, operator="Siti")
        try:
            before = fill_every_cell(s, s.template)
            if how == "one_go":
                s.install_template(t2, activate=False)  # known, but the unit skips it
                counts, _ = s.install_template_with_migration(t3)
            else:
                s.install_template_with_migration(t2)
                s.set_value(None, YEAR, 6, "kegiatan_2p", 4)  # typed under version 2
                counts, _ = s.install_template_with_migration(t3)
            assert s.template.version == 3
            after = all_values(s, t3)
            retired = RetiredValues(s.core).listing()
            assert sorted((r["item_key"], r["sex"], r["reason"]) for r in retired) == [
                ("anak_memberi_masukan", "L", "retired@2"), ("anak_memberi_masukan", "P", "retired@2")]
            assert counts["kept"] == 2
            merged = {k: v for k, v in before.items() if k[0] == 3 and k[1] in ("media", "tokoh_masyarakat")}
            assert after[(3, "mitra_lain", "", "")] == sum(merged.values())
            rest = {k: v for k, v in before.items() if k not in merged}
            accounted(rest, after, retired, {"2.rapat_tim": "rapat_gugus_tugas", "6.usulan_anak": "usulan_musrenbang"})
            if how == "steps":
                assert after[(6, "kegiatan_pelopor_pelapor", "", "")] == 4
            results[how] = {k: v for k, v in after.items() if k[:2] != (6, "kegiatan_pelopor_pelapor")}
        finally:
            s.close()
    assert results["one_go"] == results["steps"]


@pytest.mark.parametrize("where", ["writing_values", "keeping_retired"])
def test_a_migration_failing_half_way_leaves_version_1_in_force(kel_store: Store, monkeypatch, where) -> None:  # noqa: ANN001
    s = kel_store
    fill_every_cell(s, s.template)
    t3 = v3_from(v2())
    s.install_template(v2(), activate=False)
    before = table_dump(s)
    calls = {"n": 0}
    if where == "writing_values":
        real = Entries._write_cell

        def failing(self, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            calls["n"] += 1
            if calls["n"] == 4:  # some cells are already moved
                raise OSError(28, "No space left on device")
            return real(self, *args, **kw)

        monkeypatch.setattr(Entries, "_write_cell", failing)
    else:
        def failing_keep(self, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            calls["n"] += 1
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(RetiredValues, "keep", failing_keep)
    with pytest.raises((OSError, KlaError)):
        s.install_template_with_migration(t3)
    assert calls["n"] == (4 if where == "writing_values" else 1)
    monkeypatch.undo()
    assert table_dump(s) == before
    assert s.template.version == 1
    assert s.values(None, YEAR, 2)[("rapat_tim", "", "")] == 9


@pytest.mark.parametrize("change, code", [
    ("other_family", "template_other_family"),
    ("same_version_other_content", "template_version_clash"),
    ("rule_names_missing_item", "template_invalid"),
    ("weights_not_summing", "template_invalid"),
    ("value_with_nowhere_to_go", "template_migration_blocked"),
])
def test_refused_versions_change_nothing(kel_store: Store, change: str, code: str) -> None:
    s = kel_store
    s.set_value(None, YEAR, 2, "rapat_tim", 6)
    raw = json.loads(v2().to_json())
    if change == "other_family":
        raw["id"] = "kla_lain"
    elif change == "same_version_other_content":
        raw["version"] = 1
        raw.pop("migrations")
    elif change == "rule_names_missing_item":
        raw["migrations"][0]["rename"]["2.tidak_ada"] = "ada_satgas_ppa"
    elif change == "weights_not_summing":
        _raw_ind(raw, 2)["weight"] += 5
    else:
        raw["migrations"] = []
    t = parse_template(raw)
    before = table_dump(s)
    with pytest.raises(KlaError) as e:
        s.install_template_with_migration(t)
    assert e.value.code == code
    if change == "rule_names_missing_item":
        assert e.value.params["problem"] == "rule_source_unknown" and e.value.params["item"] == "2.tidak_ada"
    if change == "weights_not_summing":
        assert e.value.params["problem"] == "weights_total" and e.value.params["total"] == 1005
    assert table_dump(s) == before and s.template.version == 1


def test_a_stored_version_whose_weights_do_not_sum_still_opens(kel_store: Store) -> None:
    """An older program accepted such files: the store reads them, only new installs are checked."""
    s = kel_store
    raw = copy.deepcopy(json.loads(s.template.to_json()))
    raw["version"] = 2
    raw["indicators"][0]["weight"] += 1
    with s.transaction():
        s.ref.install_template(parse_template(raw), activate=True)
    s.ref.forget()
    assert s.template.version == 2
