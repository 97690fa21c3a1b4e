from __future__ import annotations

from db.demo import create_demo
from db.store import Store

KEL = "64.71.02.1002"  # Baru Tengah


def _snapshot(home):
    with Store.open(home) as s:
        values = sorted(
            (e.data_year, e.indicator_no, k, str(v))
            for e in s.entries() for k, v in s.values(None, e.data_year, e.indicator_no).items()
        )
        shas = sorted(e.sha256 for e in s.evidence_list(None))
        acts = sorted(a.title for a in s.activities())
        facs = sorted(f.name for f in s.facilities())
        check = s.check()
    return values, shas, acts, facs, check


def test_demo_is_deterministic_and_realistic(tmp_path):
    a = create_demo(tmp_path / "a", seed=5, kelurahan_code=KEL)
    b = create_demo(tmp_path / "b", seed=5, kelurahan_code=KEL)
    assert a == b
    snap_a, snap_b = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert snap_a[:4] == snap_b[:4]
    values, shas, acts, facs, check = snap_a
    assert check.ok, "every generated evidence file is stored and matches its hash"
    assert values and shas and facs
    with Store.open(tmp_path / "a") as s:
        kinds = {s.evidence_path(e).read_bytes()[:4] for e in s.evidence_list(None)}
        assert kinds <= {b"\x89PNG", b"%PDF"} and len(kinds) == 2  # real images and PDFs
        for e in s.entries():  # the generated data obeys the template's own rules
            st = s.indicator_status(None, e.data_year, e.indicator_no)
            assert not st.problems
    c = create_demo(tmp_path / "c", seed=6, kelurahan_code=KEL)
    assert _snapshot(tmp_path / "c")[0] != values or c != a


def test_cancelled_demo_leaves_no_workspace(tmp_path):
    import pytest

    from db.errors import KlaError

    def cancel(done, total, text):
        raise KlaError("cancelled")

    with pytest.raises(KlaError):
        create_demo(tmp_path / "demo", seed=1, kelurahan_code=KEL, progress=cancel)
    assert not Store.exists(tmp_path / "demo")
    assert list(tmp_path.iterdir()) == []
    # and a second try works
    create_demo(tmp_path / "demo", seed=1, kelurahan_code=KEL)
    assert Store.exists(tmp_path / "demo")


def test_demo_progress_is_a_code_not_a_sentence(tmp_path):
    """db/ never words its progress: the front ends do (ui.messages.progress_text)."""
    from db.progress import Step, step

    seen: list[Step] = []
    create_demo(tmp_path / "demo", seed=1, kelurahan_code=KEL, progress=lambda d, t, s: seen.append(s))
    store = Store.open(tmp_path / "demo")
    name = store.kelurahan(KEL).name
    store.close()
    assert seen[0] == step("making_demo", name=name)
    assert seen[-1] == step("done")


def test_demo_for_any_kab_kota_is_deterministic(tmp_path):
    """kla demo --city CODE (issue 9): any kab/kota of the reference data, the same seed the same data."""
    a = create_demo(tmp_path / "a", seed=2, city_code="31.01")  # Kepulauan Seribu, 6 kelurahan
    b = create_demo(tmp_path / "b", seed=2, city_code="31.01")
    assert a == b and a["role"] == "city"

    def city_snapshot(home):
        with Store.open(home) as s:
            values = sorted((e.kelurahan_code, e.data_year, e.indicator_no, k, str(v)) for e in s.entries()
                            for k, v in s.values(e.kelurahan_code, e.data_year, e.indicator_no).items())
            return values, sorted(e.sha256 for e in s.evidence_list(None))

    assert city_snapshot(tmp_path / "a") == city_snapshot(tmp_path / "b")
    with Store.open(tmp_path / "a") as s:
        assert s.city_code == "31.01" and len(s.units("kelurahan")) == 6
        assert {e.kelurahan_code[:5] for e in s.entries()} == {"31.01"}


def test_desa_demo_is_its_line_of_the_kabupaten_demo_and_says_desa(tmp_path):
    code = "64.02.01.2001"  # Desa Perian, Kutai Kartanegara
    create_demo(tmp_path / "perian", seed=4, kelurahan_code=code)
    with Store.open(tmp_path / "perian") as s:
        assert s.city_code == "64.02" and s.kelurahan(code).kind == "desa"
        texts = [a.description for a in s.activities()] + [e.issuer for e in s.evidence_list(None)]
        assert any("Desa Perian" in t for t in texts)
        assert not any("Kelurahan Perian" in t or "Lurah Perian" in t for t in texts)
        # A desa is smaller than a city's kelurahan: all its children fit in a few thousand people.
        from db.demo import POP_SHARE

        seen = 0
        for e in s.entries():
            sums: dict[str, int] = {}
            for (item, _, _), v in s.values(None, e.data_year, e.indicator_no).items():
                if item in POP_SHARE and isinstance(v, int):
                    sums[item] = sums.get(item, 0) + v
            for item, total in sums.items():
                seen += 1
                assert total < 7000 * POP_SHARE[item] * 1.5, (item, total)
        assert seen


def test_demo_figures_move_plausibly_from_last_year(tmp_path):
    """A new user's first look: a few flags at most, not dozens of "changed more than twice from last
    year" (the demo drew each year's counts afresh; Margo Mulyo had 7 such flags, the city dozens)."""
    home = tmp_path / "kel"
    create_demo(home, seed=1, kelurahan_code="64.71.02.1005")
    store = Store.open(home)
    try:
        years = sorted(store.current_period().data_years)
        moved = compared = 0
        for ind in store.template.indicators:
            now, before = store.values(None, years[-1], ind.no), store.values(None, years[0], ind.no)
            for cell, v in now.items():
                old = before.get(cell)
                if isinstance(v, int) and not isinstance(v, bool) and isinstance(old, int) and old >= 20:
                    compared += 1
                    moved += not (0.5 <= v / old <= 2)
        flags = [f for ind in store.template.indicators
                 for f in store.indicator_status(None, years[-1], ind.no).flags if f["code"] == "year_change"]
        assert compared > 30 and moved <= 3 and len(flags) <= 3, (compared, moved, len(flags))
    finally:
        store.close()


def _dates(home):
    """Every date the demo recorded: activities, documents, date items."""
    with Store.open(home) as s:
        out = [("activity", a.date) for a in s.activities() if a.date]
        out += [("evidence", e.doc_date) for e in s.evidence_list(None) if e.doc_date]
        for e in s.entries():
            ind = s.template.indicator(e.indicator_no)
            for (k, _sex, _age), v in s.values(None, e.data_year, e.indicator_no).items():
                if ind.item(k).type == "date":
                    out.append(("value", v))
    return out


def test_no_demo_date_is_after_the_day_it_is_made(tmp_path):
    """Seen on 2026-12-03: Margo Mulyo's demo had a Kegiatan dated 08-12-2026."""
    import datetime as dt

    today = dt.date.today()
    create_demo(tmp_path / "now", seed=1, kelurahan_code="64.71.02.1005")
    dates = _dates(tmp_path / "now")
    assert dates and all(d <= today.isoformat() for _w, d in dates), [x for x in dates if x[1] > today.isoformat()]
    # Any day: the same seed on the same day gives the same dates, none after it.
    mid = dt.date(2026, 6, 15)
    create_demo(tmp_path / "a", seed=1, kelurahan_code="64.71.02.1005", today=mid)
    create_demo(tmp_path / "b", seed=1, kelurahan_code="64.71.02.1005", today=mid)
    a, b = _dates(tmp_path / "a"), _dates(tmp_path / "b")
    assert sorted(a) == sorted(b)
    assert all(d <= "2026-06-15" or d.startswith("2027") for _w, d in a)
    assert any(d.startswith("2026-0") for _w, d in a)  # this year's records are still of this year
