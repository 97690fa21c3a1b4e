"""Drafts of the next template version, checked edit by edit, diffed and published (issue 12)."""

from __future__ import annotations

import pytest

from db.errors import KlaError
from db.store import Store
from db.template_diff import diff
from db.template_drafts import TemplateDrafts, publish
from db.template_migration import RetiredValues, install_with_migration
from tests.db.conftest import table_dump

YEAR = 2024


def _publish(s: Store, d: TemplateDrafts):  # noqa: ANN202
    with s.transaction():
        return publish(d, s.template, lambda t: install_with_migration(s.ref, s.entries_, t))


def test_edit_check_publish_and_migrate(kel_store: Store) -> None:
    s = kel_store
    s.set_value(None, YEAR, 2, "rapat_tim", 6)
    s.set_value(None, YEAR, 2, "nomor_sk_tim", "5/2024")
    d = TemplateDrafts(s.core)
    base = s.template
    with s.transaction():
        assert d.start(base)
        d.edit(base, "rename_item", indicator=2, item="rapat_tim", new_key="rapat_gugus_tugas")
        d.edit(base, "retire_item", indicator=2, item="nomor_sk_tim")
        d.edit(base, "add_evidence", indicator=6, evidence={"kind": "video", "label": "Video Forum Anak",
                                                            "min_count": 1, "max_age_years": 2, "required": False})
        _, problems = d.edit(base, "set_weight", indicator=2, value=base.indicator(2).weight + 10)
        assert problems == [{"code": "weights_total", "total": 1010, "expected": 1000}]
        _, problems = d.edit(base, "set_weight", indicator=3, value=base.indicator(3).weight - 10)
        assert problems == []
        d.edit(base, "set_item_wording_status", indicator=6, item="ada_forum_anak", value="draft")
    codes = {c["code"] for c in diff(base, d.frozen(base))}
    assert {"item_removed", "item_added", "evidence_added", "weight_changed", "item_wording_status_changed"} <= codes
    new, counts, changes = _publish(s, d)
    assert changes and s.template.version == 2 and new.content_hash == s.template.content_hash
    assert s.values(None, YEAR, 2)[("rapat_gugus_tugas", "", "")] == 6
    assert [r["value"] for r in RetiredValues(s.core).listing()] == ["5/2024"] and counts["kept"] == 1
    assert d.get(base.id) is None


@pytest.mark.parametrize(("op", "params", "code"), [
    ("add_item", {"indicator": 2, "item": {"key": "ada_sk_tim", "label": "x", "type": "count"}}, "template_invalid"),
    ("add_item", {"indicator": 6, "item": {"key": "bagian", "label": "x", "type": "count",
                                           "part_of": "anggota_forum"}}, "template_invalid"),
    ("rename_item", {"indicator": 2, "item": "tidak_ada", "new_key": "x"}, "item_unknown"),
    ("set_weight", {"indicator": 2, "value": "90"}, "template_edit_invalid"),
    ("add_evidence", {"indicator": 2, "evidence": {"kind": "hologram", "label": "x"}}, "template_edit_invalid"),
    ("split_item", {"indicator": 2, "item": "rapat_tim", "into": ["tidak_ada"], "carry": None}, "rule_target_unknown"),
])
def test_refused_edit_changes_nothing(kel_store: Store, op: str, params: dict, code: str) -> None:
    s = kel_store
    d = TemplateDrafts(s.core)
    with s.transaction():
        d.start(s.template)
    before = table_dump(s)
    with pytest.raises(KlaError) as e, s.transaction():
        d.edit(s.template, op, **params)
    assert e.value.code == code
    assert table_dump(s) == before


def test_unfinished_draft_is_not_published(kel_store: Store) -> None:
    s = kel_store
    d = TemplateDrafts(s.core)
    with s.transaction():
        d.start(s.template)
        d.edit(s.template, "set_weight", indicator=2, value=1)
    before = table_dump(s)
    with pytest.raises(KlaError) as e:
        _publish(s, d)
    assert e.value.code == "template_draft_unfinished" and table_dump(s) == before
