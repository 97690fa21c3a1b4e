"""DP3AKB's kept statuses (``status_cache``) after a bundle import, a repeated import and an
import killed before its commit: always what computing them afresh says.

The kelurahan's bundle carries a changed value; the DP3AKB workspace keeps every unit's status
before the import. A kill is a ``kla import`` child process sending itself SIGKILL at an exact
call (tests/exports/test_crash_and_disk.py), nothing of ours mocked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.store import Store
from exports import bundle
from tests.exports.conftest import KEL_A, KEL_B
from tests.exports.test_crash_and_disk import died, kla, kla_child


def _kept_rows(s: Store) -> list[tuple[Any, ...]]:
    return s.db.execute("SELECT * FROM status_cache ORDER BY kelurahan_code, data_year").fetchall()


def _years(s: Store) -> tuple[int, ...]:
    return s.current_period().data_years


def _assert_kept_is_fresh(s: Store) -> dict[int, list[Any]]:
    out = {}
    for year in _years(s):
        fresh = s.city_status(year, fresh=True)
        assert s.city_status(year) == fresh, year
        assert s.city_status(year) == fresh, year  # now read back from the kept rows
        out[year] = fresh
    return out


def _sender_changes_a_value(world: Any) -> int:
    a = world.a
    year = max(_years(a))
    cells = a.template.cells(a.template.indicator(4).item("anak_total"))
    a.set_value(None, year, 4, "anak_total", 4321, sex=cells[0][0], age=cells[0][1])
    return year


def test_kept_status_follows_a_bundle_import(world: Any, tmp_path: Path) -> None:
    before = _assert_kept_is_fresh(world.city)
    year = _sender_changes_a_value(world)
    part = bundle.export_bundles(world.a, tmp_path / "out").parts[0].path
    assert bundle.import_paths(world.city, [part]).files[0].status == "imported"
    after = _assert_kept_is_fresh(world.city)
    changed = {r.kelurahan_code for r, b in zip(after[year], before[year], strict=True) if r != b}
    assert changed == {KEL_A}
    assert [r for r in after[year] if r.kelurahan_code == KEL_B] == [r for r in before[year] if r.kelurahan_code == KEL_B]
    rows = _kept_rows(world.city)
    assert bundle.import_paths(world.city, [part]).files[0].status == "duplicate"
    assert _kept_rows(world.city) == rows


def test_import_killed_before_its_commit_leaves_the_kept_statuses_true(world: Any, tmp_path: Path) -> None:
    year = _sender_changes_a_value(world)
    part = bundle.export_bundles(world.a, tmp_path / "out").parts[0].path
    before = _assert_kept_is_fresh(world.city)
    rows = _kept_rows(world.city)
    home = world.city.paths.home
    world.close()
    # Every value of the bundle written, the status rows forgotten inside the transaction: then death.
    died(kla_child(home, "import", str(part), die_at={"module": "db.sync_parts.area", "name": "Sync.record_bundle"}))
    with Store.open(home, start_backup=False) as c:
        assert _kept_rows(c) == rows
        assert _assert_kept_is_fresh(c) == before
    r = kla(home, "import", str(part))
    assert r.returncode == 0, r.stderr
    with Store.open(home, start_backup=False) as c:
        after = _assert_kept_is_fresh(c)
    assert after[year] != before[year]
