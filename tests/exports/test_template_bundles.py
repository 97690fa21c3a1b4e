"""A bundle made under an older template version reaching DP3AKB after it put a newer one in force
(issue 12, docs/template-format.md §7.1): the import moves the incoming entries by the same chained
steps the unit applies itself (db/template_migration.py), records the hash the unit will compare, and
keeps what has no place. Nothing the unit filled shows empty, no false conflict, no duplicate."""

from __future__ import annotations

import json
from pathlib import Path

from db.store import Store
from db.template import parse_template, shipped_template
from exports import receipts
from tests.exports.conftest import KEL_A
from tests.exports.test_bundles import export, imp, single

IND = 2


def _year(store: Store) -> int:
    return store.data_years()[-1]


def _receipt(city: Store, unit: Store, out: Path) -> dict:
    rep = single(imp(unit, receipts.write_receipts(city, out, KEL_A)[0].path))
    assert rep.status == "imported", rep
    return rep.summary


def _outcomes(rep) -> dict[str, str]:  # noqa: ANN001
    return {i["key"]: i["outcome"] for i in rep.items if i["outcome"] != "unchanged"}


def test_a_v1_bundle_in_a_v2_city_is_stored_on_v2_and_the_unit_then_sends_nothing_again(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    y = _year(a)
    key = f"entry/{y}/{IND}"
    city.install_template_with_migration(shipped_template("kla24", 2))
    a.set_value(None, y, IND, "rapat_tim", 7)  # the unit is still on version 1: "Rapat Tim KLA"
    assert a.template.version == 1
    rep = single(imp(city, export(a, tmp_path / "1").parts[0].path))
    assert rep.status == "imported" and _outcomes(rep)[key] == "new"
    # Stored as DP3AKB's version in force reads it: the renamed item holds the unit's value.
    assert city.entry(KEL_A, y, IND).template_version == 2
    vals = city.values(KEL_A, y, IND)
    assert vals[("rapat_gugus_tugas", "", "")] == 7 and ("rapat_tim", "", "") not in vals
    assert "rapat_gugus_tugas" not in city.indicator_status(KEL_A, y, IND).missing_items
    # The same content again (a second export of the same device before the receipt) changes nothing.
    a.set_value(None, y, IND, "rapat_tim", 8)
    a.set_value(None, y, IND, "rapat_tim", 7)
    again = single(imp(city, export(a, tmp_path / "1b").parts[0].path))
    assert again.status == "imported" and key not in _outcomes(again)
    # The receipt brings version 2: the unit migrates by the same rule and holds what DP3AKB holds.
    summary = _receipt(city, a, tmp_path / "rc")
    assert summary["template"]["version"] == 2 and summary["pending"] == 0
    assert a.values(None, y, IND)[("rapat_gugus_tugas", "", "")] == 7
    assert export(a, tmp_path / "2").nothing_to_send
    # The unit's next change arrives as a change, never a conflict, and nothing doubles.
    a.set_value(None, y, IND, "rapat_gugus_tugas", 9)
    rep = single(imp(city, export(a, tmp_path / "3").parts[0].path))
    assert _outcomes(rep) == {key: "changed"}
    assert city.sync.conflicts(KEL_A) == []
    assert city.values(KEL_A, y, IND)[("rapat_gugus_tugas", "", "")] == 9
    assert city.retired_values(KEL_A) == [] and a.retired_values() == []


def test_a_second_v1_bundle_before_the_receipt_is_a_change_not_a_conflict(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    y = _year(a)
    key = f"entry/{y}/{IND}"
    city.install_template_with_migration(shipped_template("kla24", 2))
    a.set_value(None, y, IND, "rapat_tim", 3)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    a.set_value(None, y, IND, "rapat_tim", 4)
    rep = single(imp(city, export(a, tmp_path / "2").parts[0].path))
    assert _outcomes(rep) == {key: "changed"} and city.sync.conflicts(KEL_A) == []
    assert city.values(KEL_A, y, IND)[("rapat_gugus_tugas", "", "")] == 4


def test_a_change_built_on_what_dp3akb_held_before_it_moved_on_is_not_a_conflict(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    y = _year(a)
    key = f"entry/{y}/{IND}"
    a.set_value(None, y, IND, "rapat_tim", 5)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    _receipt(city, a, tmp_path / "rc0")  # both on version 1, in step
    city.install_template_with_migration(shipped_template("kla24", 2))  # DP3AKB's copy moves
    a.set_value(None, y, IND, "rapat_tim", 6)  # the unit, still on version 1, changes it
    rep = single(imp(city, export(a, tmp_path / "2").parts[0].path))
    assert _outcomes(rep) == {key: "changed"} and city.sync.conflicts(KEL_A) == []
    assert city.values(KEL_A, y, IND)[("rapat_gugus_tugas", "", "")] == 6
    assert _receipt(city, a, tmp_path / "rc1")["pending"] == 0
    assert export(a, tmp_path / "3").nothing_to_send


def _v2_retiring(city: Store) -> object:
    raw = json.loads(city.template.to_json())
    raw["version"] = 2
    ind = next(i for i in raw["indicators"] if i["no"] == IND)
    ind["items"] = [i for i in ind["items"] if i["key"] != "anggaran_anak"]
    raw["migrations"] = [{"from_version": 1, "retire": [f"{IND}.anggaran_anak"]}]
    return parse_template(raw)


def test_a_v1_bundle_for_an_item_v2_retired_keeps_the_value_as_retired(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    y = _year(a)
    city.install_template_with_migration(_v2_retiring(city))
    a.set_value(None, y, IND, "anggaran_anak", "12.500.000")
    a.set_value(None, y, IND, "rapat_tim", 2)
    first = export(a, tmp_path / "1").parts[0].path
    single(imp(city, first))
    vals = city.values(KEL_A, y, IND)
    assert ("anggaran_anak", "", "") not in vals and vals[("rapat_tim", "", "")] == 2
    kept = [(r["kelurahan_code"], r["data_year"], r["indicator_no"], r["item_key"], r["value"], r["reason"],
             r["from_version"], r["to_version"]) for r in city.retired_values(KEL_A) if r["data_year"] == y]
    assert kept == [(KEL_A, y, IND, "anggaran_anak", 12500000, "retired@1", 1, 2)]
    total = len(city.retired_values(KEL_A))  # the demo unit filled it for the year before too
    # The same bundle again, or the same content in another export: still one kept value.
    assert single(imp(city, first)).status == "duplicate"
    a.set_value(None, y, IND, "rapat_tim", 3)
    a.set_value(None, y, IND, "rapat_tim", 2)
    single(imp(city, export(a, tmp_path / "1b").parts[0].path))
    assert len(city.retired_values(KEL_A)) == total
    # The unit keeps its own copy aside when its receipt moves it; then they agree.
    summary = _receipt(city, a, tmp_path / "rc")
    assert summary["template"]["kept"] == total and summary["pending"] == 0
    assert [(r["item_key"], r["value"]) for r in a.retired_values() if r["data_year"] == y] == [
        ("anggaran_anak", 12500000)]
    assert export(a, tmp_path / "2").nothing_to_send


def _v2_renaming_and_retiring() -> object:
    raw = json.loads(shipped_template("kla24", 2).to_json())
    ind = next(i for i in raw["indicators"] if i["no"] == IND)
    ind["items"] = [i for i in ind["items"] if i["key"] != "anggaran_anak"]
    raw["migrations"][0]["retire"] = [f"{IND}.anggaran_anak"]
    return parse_template(raw)


def test_a_conflict_from_an_older_version_is_shown_and_kept_as_the_version_in_force_reads_it(
        world, tmp_path: Path) -> None:  # noqa: ANN001
    from tests.exports.test_bundles import _second_pc, receipt_to

    a, city = world.a, world.city
    y = _year(a)
    a.set_value(None, y, IND, "rapat_tim", 1)
    single(imp(city, export(a, tmp_path / "0").parts[0].path))
    receipt_to(world, a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)  # one setup file on two PCs, both still on version 1
    a = world.a
    city.install_template_with_migration(_v2_renaming_and_retiring())
    a.set_value(None, y, IND, "rapat_tim", 2)
    a2.set_value(None, y, IND, "rapat_tim", 3)
    a2.set_value(None, y, IND, "anggaran_anak", 5000000)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    rep = single(imp(city, export(a2, tmp_path / "2").parts[0].path))
    assert rep.counts["conflict"] == 1
    c = city.sync.conflicts(KEL_A)[0]
    # Both sides side by side on the version in force: one item, not "rapat_tim" against "rapat_gugus_tugas".
    rows = {(r.key, r.sex, r.age): (r.held, r.incoming) for r in city.conflict_view(c.id).rows if r.what == "value"}
    assert rows[("rapat_gugus_tugas", "", "")] == (2, 3)
    assert ("rapat_tim", "", "") not in rows and ("anggaran_anak", "", "") not in rows
    city.sync.resolve_conflict(c.id, "incoming")
    assert city.values(KEL_A, y, IND)[("rapat_gugus_tugas", "", "")] == 3
    kept = [(r["item_key"], r["value"], r["reason"]) for r in city.retired_values(KEL_A)
            if r["data_year"] == y and r["value"] == 5000000]
    assert kept == [("anggaran_anak", 5000000, "retired@1")]
    # The PC whose version lost learns it from the receipt, also after its own migration: its copy
    # becomes DP3AKB's kept version (on the version in force), and nothing is set aside or sent again.
    receipt_to(world, a, tmp_path / "rc1")
    assert a.template.version == 2
    assert a.values(KEL_A, y, IND)[("rapat_gugus_tugas", "", "")] == 3
    ex = export(a, tmp_path / "3")
    assert f"entry/{y}/{IND}" not in ex.rejected and ex.nothing_to_send


def test_putting_a_version_in_force_cancelled_half_way_changes_nothing(world, tmp_path: Path) -> None:
    import pytest

    from db.errors import KlaError
    from tests.db.conftest import table_dump

    a, city = world.a, world.city
    a.set_value(None, _year(a), IND, "rapat_tim", 3)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    tables = ("templates", "entries", "entry_values", "template_retired_values", "sync_origin", "sync_conflicts")
    before = {t: rows for t, rows in table_dump(city).items() if t in tables}
    asked: list[int] = []
    steps: list[str] = []

    def cancelled() -> bool:  # Batal pressed while the entries are being moved
        asked.append(1)
        return len(asked) > 5

    with pytest.raises(KlaError) as exc:
        city.put_template_in_force(shipped_template("kla24", 2), progress=lambda d, t, s: steps.append(s.code),
                                   cancelled=cancelled)
    assert exc.value.code == "cancelled"
    assert steps[0] == "template_backup" and "template_moving" in steps
    assert {t: rows for t, rows in table_dump(city).items() if t in tables} == before
    assert city.template.version == 1
    steps.clear()
    done = city.put_template_in_force(shipped_template("kla24", 2), progress=lambda d, t, s: steps.append(s.code),
                                      cancelled=lambda: False)
    assert city.template.version == 2 and done.record.template.version == 2 and done.record.moved == 1
    assert city.values(KEL_A, _year(a), IND)[("rapat_gugus_tugas", "", "")] == 3
    assert steps[0] == "template_backup" and steps[-1] == "template_origins" and Path(done.record.backup).is_file()
