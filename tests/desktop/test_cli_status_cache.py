"""``kla status --json`` of a city puts each unit's kept JSON in as it is: the output is the same
whether the statuses were kept or computed, and says what computing them afresh says (names as
they are now, a retired unit marked, a value just typed counted)."""

from __future__ import annotations

import json
from pathlib import Path

from db.status import clusters_json
from db.store import Store
from tests.desktop.test_cli import ok

KEL = "64.71.01.1003"


def _expected(home: Path, year: int) -> list[dict]:
    with Store.open(home, start_backup=False) as s:
        retired = {u.code for u in s.units("kelurahan") if u.retired}
        return [{"kelurahan": st.kelurahan_code, "name": st.kelurahan_name, "kecamatan_name": st.kecamatan_name,
                 "completeness": st.completeness, "ready": st.ready_count, "clusters": clusters_json(st),
                 "retired": st.kelurahan_code in retired}
                for st in s.city_status(year, fresh=True)]


def _shown(home: Path, year: int) -> list[dict]:
    data = json.loads(ok("status", "--year", str(year), "--json", home=home).stdout)
    return [{k: row[k] for k in ("kelurahan", "name", "kecamatan_name", "completeness", "ready", "clusters",
                                 "retired")} for row in data["kelurahan"]]


def test_city_status_json_is_the_same_kept_or_computed(tmp_path: Path) -> None:
    home = tmp_path / "kota"
    with Store.create(home, "city", operator="Admin") as s:
        year = max(s.current_period().data_years)
        cells = s.template.cells(s.template.indicator(4).item("anak_total"))
        s.set_value(KEL, year, 4, "anak_total", 12, sex=cells[0][0], age=cells[0][1])
    first = _shown(home, year)  # computed and kept
    assert first == _expected(home, year)
    assert _shown(home, year) == first  # from the kept rows
    with Store.open(home, start_backup=False) as s:
        s.rename_unit(KEL, "Teritip Baru")
        s.retire_unit("64.71.01.1004", "digabung")
        s.set_value(KEL, year, 4, "anak_total", 30, sex=cells[0][0], age=cells[0][1])
    after = _shown(home, year)
    assert after == _expected(home, year) != first
    row = next(r for r in after if r["kelurahan"] == KEL)
    assert row["name"] == "Teritip Baru"
    assert next(r for r in after if r["kelurahan"] == "64.71.01.1004")["retired"] is True
