"""Status is batched (a handful of queries for one kelurahan or a whole city) and says the
same as reading every value of every indicator one by one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db.demo import create_demo
from db.store import Store


@pytest.fixture(scope="module")
def demo_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("kota") / "kota"
    create_demo(home, seed=5)
    return home


def selects(seen: list[str]) -> int:
    return sum(1 for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH")))


def test_status_query_budget(demo_city: Path) -> None:
    with Store.open(demo_city, start_backup=False) as s:
        year = max(s.current_period().data_years)
        code = s.units("kelurahan")[0].code
        s.status(code, year, fresh=True)  # warm the reference-data caches, as an open window has them
        with s.core.counting() as one:
            s.status(code, year, fresh=True)
        with s.core.counting() as city:
            rows = s.city_status(year, fresh=True)
    assert len(rows) == 34
    assert selects(one) <= 10, one
    # A whole city costs the same handful: one query per table, never one per unit.
    assert selects(city) == selects(one), city


def test_kept_status_query_budget(demo_city: Path, tmp_path: Path) -> None:
    # Once computed, a whole city is one query of the kept rows; after one unit's write, that
    # query plus the handful for the one unit computed again.
    home = tmp_path / "kota"
    shutil.copytree(demo_city, home)
    with Store.open(home, start_backup=False) as s:
        year = max(s.current_period().data_years)
        code = s.units("kelurahan")[5].code
        s.city_status(year)
        s.status(code, year, fresh=True)
        with s.core.counting() as one:
            s.status(code, year, fresh=True)
        with s.core.counting() as kept:
            rows = s.city_status(year)
        s.set_review(code, year, 4, "diterima")
        with s.core.counting() as after:
            again = s.city_status(year)
    assert selects(kept) == 1, kept
    assert selects(after) == 1 + selects(one), after
    assert [r for r in again if r.kelurahan_code != code] == [r for r in rows if r.kelurahan_code != code]


def test_batched_status_matches_reading_each_indicator(demo_city: Path, tmp_path: Path) -> None:
    home = tmp_path / "kota"
    shutil.copytree(demo_city, home)
    with Store.open(home, start_backup=False) as s:
        year = max(s.current_period().data_years)
        kel = s.units("kelurahan")[3].code
        # Data stored before a rule existed: a part larger than its whole, written behind the
        # rules' back, must show as a problem in both paths.
        cells = s.template.cells(s.template.indicator(4).item("anak_total"))
        sex, age = cells[0]
        s.set_value(kel, year, 4, "anak_total", 10, sex=sex, age=age)
        s.set_value(kel, year, 4, "anak_berakta", 9, sex=sex, age=age)
        s.db.execute("UPDATE entry_values SET value = '25' WHERE item_key = 'anak_berakta' AND sex = ? AND age = ?"
                     " AND entry_id = (SELECT id FROM entries WHERE kelurahan_code = ? AND data_year = ?"
                     " AND indicator_no = 4)", [sex, age, kel, year])
        s.db.conn.commit()
        batched = {k.kelurahan_code: k for k in s.city_status(year)}
        planted = next(i for i in batched[kel].indicators if i.indicator_no == 4)
        assert [(p["item"], p["part_value"], p["whole_value"]) for p in planted.problems] == [("anak_berakta", 25, 10)]
        for code, ks in batched.items():
            for ind in ks.indicators:
                one = s.indicator_status(code, year, ind.indicator_no)
                assert one == ind, (code, ind.indicator_no)


def test_some_senders_read_as_the_whole_city_reads_them(demo_city: Path) -> None:
    # The whole city is read with no filter, a few senders by code (one code, or a JSON list):
    # each unit comes out the same, flags of every kind included.
    with Store.open(demo_city, start_backup=False) as s:
        for year in s.current_period().data_years:
            whole = {k.kelurahan_code: k for k in s.city_status(year)}
            assert any(i.flags for k in whole.values() for i in k.indicators)
            codes = sorted(whole)[::5]
            assert s.city_status(year, codes) == [whole[c] for c in codes]
            assert s.city_status(year, codes[:1]) == [whole[codes[0]]]
            assert s.status(codes[-1], year) == whole[codes[-1]]
