"""The store's template drafts (issue 12): start, edit, diff, publish through ``Store``, as the window and
``kla template`` use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.errors import KlaError
from db.store import Store
from db.template_bands import categories
from tests.db.conftest import table_dump

YEAR = 2024
KEL = "64.71.01.1001"


def test_draft_edit_diff_publish_at_dp3akb(city_store: Store) -> None:
    s = city_store
    ch = s.start_template_draft()
    assert ch.has("template") and ch.record.version == 2 and ch.record.publishable
    with pytest.raises(KlaError) as e:
        s.start_template_draft()
    assert e.value.code == "template_draft_exists"
    w2 = s.template.indicator(2).weight
    rec = s.edit_template_draft("set_weight", indicator=2, value=w2 + 10).record
    assert [p["code"] for p in rec.problems] == ["weights_total"] and not rec.publishable
    with pytest.raises(KlaError) as e:
        s.publish_template_draft()
    assert e.value.code == "template_draft_unfinished"
    s.edit_template_draft("set_weight", indicator=3, value=s.template.indicator(3).weight - 10)
    s.edit_template_draft("rename_item", indicator=2, item="rapat_tim", new_key="rapat_gugus_tugas")
    s.edit_template_draft("set_item_text", indicator=2, item="rapat_gugus_tugas", field="label",
                          value="Rapat Gugus Tugas KLA dalam setahun")
    s.edit_template_draft("add_evidence", indicator=6, evidence={"kind": "video", "label": "Video Forum Anak",
                                                                 "min_count": 1, "max_age_years": 2,
                                                                 "required": False})
    s.edit_template_draft("set_bands", value={"source": "Perwali 12/2025", "bands": [
        {"key": "pratama", "label": "Pratama", "min": 500, "max": 650},
        {"key": "madya", "label": "Madya", "min": 651, "max": 1000}]})
    d = s.template_diff()
    codes = [c["code"] for c in d.changes]
    assert d.is_draft and {"weight_changed", "item_removed", "item_added", "evidence_added", "bands_changed"} <= set(codes)
    assert d.steps[0]["rename"] == {"2.rapat_tim": "rapat_gugus_tugas"}
    draft = s.template_draft()
    assert s.template_draft_problems() == []
    with pytest.raises(KlaError) as e:
        s.publish_template_draft(expect_hash="0" * 64)
    assert e.value.code == "template_draft_changed" and s.template.version == 1

    pub = s.publish_template_draft(expect_hash=draft.content_hash)
    assert pub.has("template") and pub.record.template.version == 2
    assert s.template.version == 2 and s.template.content_hash == draft.content_hash
    assert Path(pub.record.backup).exists()
    assert s.template_draft() is None
    assert categories(s.template).category(660) == "madya"
    assert s.template.raw["migrations"][-1]["from_version"] == 1
    between = s.template_diff(1, 2)
    assert not between.is_draft and [c["code"] for c in between.changes] == codes
    assert between.steps[0]["rename"] == {"2.rapat_tim": "rapat_gugus_tugas"}


def test_refused_edits_change_nothing(city_store: Store) -> None:
    s = city_store
    s.start_template_draft()
    before = table_dump(s)
    for op, params, code in [
        ("set_weight", {"indicator": 2, "value": 0}, "template_edit_invalid"),
        ("retire_evidence", {"indicator": 2, "evidence": "tidak_ada"}, "evidence_requirement_unknown"),
        ("retire_item", {"indicator": 23, "item": "anak_disabilitas"}, "template_invalid"),  # a rule names it
        ("retire_rule", {"rule": "tidak_ada"}, "template_rule_unknown"),
        ("set_bands", {"value": {"bands": [{"key": "a", "label": "A", "min": 500, "max": 600},
                                           {"key": "b", "label": "B", "min": 650, "max": 1000}]}},
         "template_bands_invalid"),
    ]:
        with pytest.raises(KlaError) as e:
            s.edit_template_draft(op, **params)
        assert e.value.code == code, (op, e.value)
    assert table_dump(s) == before


def test_drafts_are_dp3akb_s(kel_store: Store) -> None:
    with pytest.raises(KlaError) as e:
        kel_store.start_template_draft()
    assert e.value.code == "role_needs_city"


def test_an_item_added_in_the_draft_goes_without_a_rule(city_store: Store) -> None:
    s = city_store
    s.start_template_draft()
    item = {"key": "jumlah_rw", "label": "Jumlah RW", "type": "count"}
    s.edit_template_draft("add_item", indicator=2, item=item)
    s.edit_template_draft("rename_item", indicator=2, item="jumlah_rw", new_key="jumlah_rw_kelurahan")
    rec = s.edit_template_draft("retire_item", indicator=2, item="jumlah_rw_kelurahan").record
    assert rec.step == {"from_version": 1} and rec.publishable
    # A renamed item of the version in force, retired later: retired under its old name, the rename gone.
    s.edit_template_draft("rename_item", indicator=2, item="rapat_tim", new_key="rapat_gugus_tugas")
    rec = s.edit_template_draft("retire_item", indicator=2, item="rapat_gugus_tugas").record
    assert rec.step == {"from_version": 1, "retire": ["2.rapat_tim"]} and rec.publishable
