"""The kept statuses (``status_cache``) always say what computing them afresh says.

A demo city with flags of every kind planted (a part over its whole, a value out of range, a
rule across two indicators broken, a big change from last year), its statuses kept; then each
kind of write a clerk or DP3AKB makes, and after each: the status read (kept rows plus the units
computed again) equals the one computed from the data, read again it comes from the kept rows
and still equals it, a new connection reads the same, and the status did change (so the check
could fail). A write that fails half way, or rolls back, leaves the kept rows as they were.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from db import status_cache
from db.demo import create_demo
from db.errors import KlaError
from db.records import KelurahanStatus
from db.status import clusters_json
from db.store import Store
from db.template import shipped_template

KEL = "64.71.01.1003"
OTHER = "64.71.02.1001"
YEAR, LAST = 2026, 2025
YEARS = (LAST, YEAR)


def selects(seen: list[str]) -> int:
    return sum(1 for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH")))


def kept_rows(s: Store, year: int) -> int:
    fp = s.status_.cache.fingerprint(s.template)
    return s.db.execute("SELECT count(*) FROM status_cache WHERE data_year = ? AND fingerprint = ?",
                        [year, fp]).fetchone()[0]


def snapshot(s: Store) -> dict[int, list[KelurahanStatus]]:
    return {y: s.city_status(y, fresh=True) for y in YEARS}


def assert_kept_is_fresh(s: Store) -> dict[int, list[KelurahanStatus]]:
    fresh = snapshot(s)
    for year, rows in fresh.items():
        assert s.city_status(year) == rows, year  # the changed units computed again, the rest kept
        assert kept_rows(s, year) == len(rows), year  # now every unit is kept ...
        with s.core.counting() as seen:
            assert s.city_status(year) == rows, year  # ... and read back as it was computed
        assert selects(seen) == 1, seen
        for code in (KEL, OTHER):
            assert s.status(code, year) == next(r for r in rows if r.kelurahan_code == code)
        sums = s.status_summaries(year)
        assert [json.loads(x.clusters) for x in sums] == [clusters_json(r) for r in rows]
        assert [(x.kelurahan_code, x.kelurahan_name, x.kecamatan_name, x.completeness, x.ready_count,
                 x.evidence_count, x.activity_count, x.facility_count) for x in sums] == [
            (r.kelurahan_code, r.kelurahan_name, r.kecamatan_name, r.completeness, r.ready_count,
             r.evidence_count, r.activity_count, r.facility_count) for r in rows]
    with Store.open(s.paths.home, start_backup=False) as other:  # what the next start reads
        for year, rows in fresh.items():
            assert other.city_status(year) == rows, year
    return fresh


def unit(rows: list[KelurahanStatus], code: str) -> KelurahanStatus:
    return next(r for r in rows if r.kelurahan_code == code)


def ind(st: KelurahanStatus, no: int):  # noqa: ANN201
    return next(i for i in st.indicators if i.indicator_no == no)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo city with a flag of every kind planted at KEL, every status kept."""
    home = tmp_path_factory.mktemp("kota") / "kota"
    create_demo(home, seed=5)
    with Store.open(home, start_backup=False) as s:
        t = s.template
        sex, age = t.cells(t.indicator(4).item("anak_total"))[0]
        s.set_value(KEL, YEAR, 4, "anak_total", 10, sex=sex, age=age)
        s.set_value(KEL, YEAR, 4, "anak_berakta", 25, sex=sex, age=age)  # part over its whole
        s.set_value(KEL, YEAR, 2, "rapat_tim", 99)  # out of range
        s.set_value(KEL, LAST, 4, "anak_total", 500, sex=sex, age=age)  # 500 -> 10: a big change
        dis_sex, dis_age = t.cells(t.indicator(23).item("anak_disabilitas"))[0]
        s.set_value(KEL, YEAR, 23, "anak_disabilitas", 40, sex=dis_sex, age=dis_age)  # more than the children
        for year in YEARS:
            s.city_status(year)
        st = s.status(KEL, YEAR, fresh=True)
        codes = {f["code"] for i in st.indicators for f in i.flags}
        assert {"part_exceeds_whole", "value_out_of_range", "year_change"} <= codes, codes
        assert any(f["code"] == "rule_broken" for k in s.city_status(YEAR) for i in k.indicators for f in i.flags)
        assert all(kept_rows(s, y) == 34 for y in YEARS)
    return home


@pytest.fixture
def city(planted: Path, tmp_path: Path):
    home = tmp_path / "kota"
    shutil.copytree(planted, home)
    store = Store.open(home, start_backup=False, operator="Admin")
    yield store
    store.close()


def _evidence(s: Store, tmp_path: Path, **kw):  # noqa: ANN003, ANN202
    doc = tmp_path / "rekap.pdf"
    doc.write_bytes(b"%PDF-1.4 rekap " + repr(kw).encode())
    return s.add_evidence(KEL, doc, links=[(YEAR, 4)], kind="data_table", doc_date="2026-02-01", **kw).record


def _cells(s: Store, no: int, key: str) -> list[tuple[str, str]]:
    return s.template.cells(s.template.indicator(no).item(key))


WRITES: dict[str, Callable[[Store, Path], object]] = {
    "typed value": lambda s, p: s.set_value(KEL, YEAR, 4, "anak_total", 30, sex=_cells(s, 4, "anak_total")[0][0],
                                            age=_cells(s, 4, "anak_total")[0][1]),
    "paste": lambda s, p: s.set_values(KEL, YEAR, 4, [("anak_total", sx, ag, 7) for sx, ag in _cells(s, 4, "anak_total")]),
    "last year's value": lambda s, p: s.set_value(KEL, LAST, 4, "anak_total", 11, sex=_cells(s, 4, "anak_total")[0][0],
                                                  age=_cells(s, 4, "anak_total")[0][1]),
    "out of range corrected": lambda s, p: s.set_value(KEL, YEAR, 2, "rapat_tim", 12),
    "marked ready": lambda s, p: s.set_status(OTHER, YEAR, next(
        i.indicator_no for i in s.status(OTHER, YEAR).indicators if i.state == "complete"), "ready"),
    "back to draft": lambda s, p: s.set_status(OTHER, YEAR, next(
        i.indicator_no for i in s.status(OTHER, YEAR).indicators if i.state == "ready"), "draft"),
    "review": lambda s, p: s.set_review(KEL, YEAR, 4, "perlu_perbaikan", "lengkapi umur 5-9"),
    "copy from last year": lambda s, p: s.copy_from_last_year(OTHER, YEAR),
    "evidence placed": lambda s, p: _evidence(s, p),
    "behind the store's back": lambda s, p: (s.db.execute(
        "UPDATE entry_values SET value = '3' WHERE entry_id IN (SELECT id FROM entries WHERE kelurahan_code = ?"
        " AND data_year = ? AND indicator_no = 4)", [KEL, YEAR]), s.db.conn.commit()),
    "activity": lambda s, p: s.add_activity(KEL, YEAR, "Musrenbang anak", indicators=[6]),
    "facility": lambda s, p: s.add_facility(KEL, "Taman", "rbra"),
    "unit renamed": lambda s, p: s.rename_unit(KEL, "Kelurahan Baru"),
    "kecamatan renamed": lambda s, p: s.rename_unit("64.71.01", "Balikpapan Timur Raya"),
}


@pytest.mark.parametrize("kind", list(WRITES))
def test_kept_status_follows_each_kind_of_write(city: Store, tmp_path: Path, kind: str) -> None:
    before = assert_kept_is_fresh(city)
    WRITES[kind](city, tmp_path)
    after = assert_kept_is_fresh(city)
    assert after != before, "the write changed no status: this check could not fail"


def test_kept_status_follows_evidence_as_it_changes(city: Store, tmp_path: Path) -> None:
    seen = [assert_kept_is_fresh(city)]
    ev = _evidence(city, tmp_path)
    seen.append(assert_kept_is_fresh(city))
    city.update_evidence(ev.id, doc_date="2010-01-01")  # now too old for the data year
    seen.append(assert_kept_is_fresh(city))
    assert ind(unit(seen[-1][YEAR], KEL), 4).too_old_evidence == 1
    city.set_evidence_requirement(ev.id, YEAR, 4, "data_table_2")
    seen.append(assert_kept_is_fresh(city))
    city.link_evidence(ev.id, YEAR, 5)
    seen.append(assert_kept_is_fresh(city))
    city.unlink_evidence(ev.id, YEAR, 5)
    seen.append(assert_kept_is_fresh(city))
    city.remove_evidence(ev.id)
    seen.append(assert_kept_is_fresh(city))
    assert all(a != b for a, b in zip(seen, seen[1:], strict=False))


def test_kept_status_follows_records_removed(city: Store) -> None:
    act = city.add_activity(KEL, YEAR, "Musrenbang anak", indicators=[6]).record
    fac = city.add_facility(KEL, "Taman", "rbra").record
    with_both = assert_kept_is_fresh(city)
    city.delete_activity(act.id)
    city.delete_facility(fac.id)
    assert assert_kept_is_fresh(city) != with_both


def test_kept_status_follows_a_template_put_in_force(city: Store) -> None:
    before = assert_kept_is_fresh(city)
    city.install_template(shipped_template("kla24", 2))
    assert city.template.version == 2
    after = assert_kept_is_fresh(city)
    assert after != before


def test_retired_unit_keeps_its_status(city: Store) -> None:
    before = assert_kept_is_fresh(city)
    city.retire_unit(KEL, "digabung")
    assert assert_kept_is_fresh(city) == before  # data kept and shown; the mark is the unit's


def test_rolled_back_write_leaves_the_kept_rows_as_they_were(city: Store) -> None:
    before = assert_kept_is_fresh(city)
    rows = city.db.execute("SELECT * FROM status_cache ORDER BY kelurahan_code, data_year").fetchall()
    cells = _cells(city, 4, "anak_total")

    class Crash(Exception):
        pass

    with pytest.raises(Crash), city.transaction():  # a crash mid-write: values typed, then it dies
        city.set_value(KEL, YEAR, 4, "anak_total", 77, sex=cells[0][0], age=cells[0][1])
        city.set_review(KEL, YEAR, 4, "diterima")
        assert city.status(KEL, YEAR) == city.status(KEL, YEAR, fresh=True)  # read inside: the new values
        raise Crash
    # A paste with one bad cell changes nothing at all.
    with pytest.raises(KlaError):
        city.set_values(KEL, YEAR, 4, [("anak_total", cells[0][0], cells[0][1], 5), ("anak_total", "X", "Y", 5)])
    assert city.db.execute("SELECT * FROM status_cache ORDER BY kelurahan_code, data_year").fetchall() == rows
    assert assert_kept_is_fresh(city) == before


def test_nothing_stale_is_kept_when_another_connection_writes_meanwhile(city: Store) -> None:
    # The window's worker reads a snapshot and computes; a clerk's write commits on another
    # connection before the worker writes its rows: SQLite refuses the write, nothing is kept.
    cells = _cells(city, 4, "anak_total")
    city.city_status(YEAR)
    city.set_review(KEL, YEAR, 4, "diterima")  # KEL's kept row is forgotten
    conn = city.db.conn
    conn.execute("BEGIN")
    st = city.status_.city(YEAR, [KEL], fresh=True)[0]  # read in this snapshot
    with Store.open(city.paths.home, start_backup=False) as clerk:
        clerk.set_value(KEL, YEAR, 4, "anak_total", 61, sex=cells[0][0], age=cells[0][1])
    fp = city.status_.cache.fingerprint(city.template)
    layout = city.status_._layout_slots(city.template, YEAR)
    assert not city.status_.cache.store(status_cache.rows_of(
        {KEL: (st, 0.0, status_cache.encode(st, layout), "[]")}, YEAR, fp))
    conn.commit()
    assert city.db.execute("SELECT count(*) FROM status_cache WHERE kelurahan_code = ? AND data_year = ?",
                           [KEL, YEAR]).fetchone()[0] == 0
    assert city.status(KEL, YEAR) == city.status(KEL, YEAR, fresh=True) != st


def test_a_reader_while_the_window_holds_the_workspace_writes_nothing(city: Store) -> None:
    city.set_review(KEL, YEAR, 4, "diterima")
    before = city.db.execute("SELECT count(*) FROM status_cache").fetchone()[0]
    city.keep_statuses = False
    assert city.city_status(YEAR) == city.city_status(YEAR, fresh=True)
    assert city.db.execute("SELECT count(*) FROM status_cache").fetchone()[0] == before


def test_rows_from_another_program_or_damaged_are_computed_again(city: Store) -> None:
    fresh = assert_kept_is_fresh(city)
    # Another program's rows (another fingerprint) with a wrong status, and a row that does not decode.
    city.db.execute("UPDATE status_cache SET fingerprint = 'other', completeness = 0.5 WHERE kelurahan_code = ?", [KEL])
    city.db.execute("UPDATE status_cache SET payload = '[1, 2' WHERE kelurahan_code = ?", [OTHER])
    assert city.city_status(YEAR) == fresh[YEAR]
    assert city.status(OTHER, LAST) == unit(fresh[LAST], OTHER)


def test_without_its_triggers_the_cache_is_not_used(city: Store, tmp_path: Path) -> None:
    city.db.execute("DROP TRIGGER status_cache_values_update")
    with Store.open(city.paths.home, start_backup=False) as s:
        s.city_status(YEAR)
        cells = _cells(s, 4, "anak_total")
        s.set_value(KEL, YEAR, 4, "anak_total", 88, sex=cells[0][0], age=cells[0][1])
        s.db.execute("UPDATE entry_values SET value = '2' WHERE entry_id IN (SELECT id FROM entries WHERE"
                     " kelurahan_code = ? AND data_year = ? AND indicator_no = 4)", [KEL, YEAR])
        assert s.city_status(YEAR) == s.city_status(YEAR, fresh=True)


def test_status_cache_holds_only_what_its_triggers_keep(tmp_path: Path) -> None:
    # Every trigger the migration made is named in TRIGGERS (the check that the cache is usable).
    s = Store.create(tmp_path / "ws", "city", operator="Admin")
    try:
        names = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert names == set(status_cache.TRIGGERS)
    finally:
        s.close()
    conn = sqlite3.connect(tmp_path / "ws" / "kla.sqlite")
    try:
        assert conn.execute("SELECT count(*) FROM status_cache").fetchone()[0] == 0
    finally:
        conn.close()
