"""City figures (issue 10): sums up the hierarchy, pooled percentages, yes/no and choice counts,
coverage, both data years with the change; checked against hand counts on a small city."""

from __future__ import annotations

from db.figures import ALL, change
from db.store import Store

A, B = "64.71.01.1001", "64.71.01.1002"  # Manggar, Lamaru (Balikpapan Timur)
C = "64.71.02.1001"  # Baru Ilir (Balikpapan Barat)
CITY, TIMUR, BARAT = "64.71", "64.71.01", "64.71.02"


def fill(city: Store) -> None:
    for kel, schools, sra in ((A, 10, 9), (B, 60, 40), (C, 1, 1)):
        city.set_value(kel, 2026, 19, "satuan_pendidikan", schools)
        city.set_value(kel, 2026, 19, "sekolah_sra", sra)
    city.set_value(A, 2025, 19, "satuan_pendidikan", 10)
    city.set_value(A, 2025, 19, "sekolah_sra", 5)
    # Akta: A fills two cells, B one; C nothing.
    city.set_value(A, 2026, 4, "anak_total", 100, sex="L", age="1-4")
    city.set_value(A, 2026, 4, "anak_berakta", 90, sex="L", age="1-4")
    city.set_value(A, 2026, 4, "anak_total", 50, sex="P", age="1-4")
    city.set_value(A, 2026, 4, "anak_berakta", 50, sex="P", age="1-4")
    city.set_value(B, 2026, 4, "anak_total", 200, sex="L", age="1-4")  # no numerator: no percentage pair
    city.set_value(B, 2026, 4, "anak_berakta", 20, sex="L", age="5-11")  # no denominator either
    # Indicator 2.
    city.set_value(A, 2026, 2, "status_dekela", "dekela")
    city.set_value(A, 2026, 2, "ada_patbm", True)
    city.set_value(B, 2026, 2, "status_dekela", "belum")
    city.set_value(B, 2026, 2, "ada_patbm", False)
    city.set_value(C, 2026, 2, "status_dekela", "dekela")
    city.set_value(A, 2026, 2, "anggaran_anak", 1_500_000)
    city.set_value(C, 2026, 2, "anggaran_anak", 2_250_000.5)


def test_percentages_are_pooled_from_summed_parts_never_averaged(city_store: Store) -> None:
    fill(city_store)
    f = city_store.city_figures([2025, 2026])
    city = f.get(CITY, 2026, 19, "persen_sra")
    assert city.parts[(ALL, ALL)] == (50, 71)
    assert city.value == 70.42  # not (90 + 66.67 + 100) / 3 = 85.6
    assert city.units == (A, B, C) and city.of == 34
    timur = f.get(TIMUR, 2026, 19, "persen_sra")
    assert timur.parts[(ALL, ALL)] == (49, 70) and timur.value == 70.0 and timur.of == 4
    assert f.get(C, 2026, 19, "persen_sra").value == 100.0
    # The counts themselves add up too.
    assert f.get(CITY, 2026, 19, "satuan_pendidikan").value == 71
    # Both data years, and the change in percentage points (coverage differs: it says so).
    before = f.get(CITY, 2025, 19, "persen_sra")
    assert before.value == 50.0 and before.units == (A,)
    assert change(before, city) == 20.42


def test_disaggregated_sums_have_totals_per_sex_age_and_overall(city_store: Store) -> None:
    fill(city_store)
    f = city_store.city_figures([2026])
    total = f.get(CITY, 2026, 4, "anak_total")
    assert total.cells[("L", "1-4")] == 300 and total.cells[("P", "1-4")] == 50
    assert total.cells[("L", ALL)] == 300 and total.cells[(ALL, "1-4")] == 350 and total.value == 350
    assert total.units == (A, B) and set(total.partial) == {A, B}  # 10 cells each, few filled
    assert ("L", "5-11") not in total.cells  # nobody typed it: no made-up zero
    # The percentage counts only cells with both numbers: A's two cells; B has no pair.
    pct = f.get(CITY, 2026, 4, "cakupan_akta")
    assert pct.parts[(ALL, ALL)] == (140, 150) and pct.units == (A,)
    assert pct.cells[("L", "1-4")] == 90.0 and pct.cells[("P", ALL)] == 100.0
    assert f.get(BARAT, 2026, 4, "anak_total") is None  # Baru Ilir sent none of it


def test_yes_no_and_choices_are_counts_and_shares_of_those_that_answered(city_store: Store) -> None:
    fill(city_store)
    city_store.set_status(A, 2026, 2, "draft")
    f = city_store.city_figures([2026], indicators=[2])
    dekela = f.get(CITY, 2026, 2, "status_dekela")
    assert dekela.counts == {"dekela": 2, "belum": 1} and dekela.answered == 3
    assert dekela.share("dekela") == 66.67 and dekela.value is None
    patbm = f.get(CITY, 2026, 2, "ada_patbm")
    assert patbm.counts == {"ya": 1, "tidak": 1} and patbm.value == 50.0 and patbm.units == (A, B)
    assert f.get(CITY, 2026, 2, "anggaran_anak").value == 3_750_000.5
    assert f.get(CITY, 2026, 19, "persen_sra") is None  # only the indicators asked for


def test_ready_only_keeps_the_indicators_a_kelurahan_marked_ready(city_store: Store) -> None:
    fill(city_store)
    city_store.set_status(B, 2026, 19, "ready")
    every = city_store.city_figures([2026], indicators=[19])
    assert every.get(CITY, 2026, 19, "persen_sra").ready == 1
    ready = city_store.city_figures([2026], indicators=[19], ready_only=True)
    fig = ready.get(CITY, 2026, 19, "persen_sra")
    assert fig.units == (B,) and fig.parts[(ALL, ALL)] == (40, 60) and fig.ready == 1


def test_one_query_for_the_whole_city(city_store: Store) -> None:
    fill(city_store)
    statements: list[str] = []
    city_store.db.conn.set_trace_callback(statements.append)
    try:
        city_store.city_figures([2025, 2026])
    finally:
        city_store.db.conn.set_trace_callback(None)
    assert len([s for s in statements if "entry_values" in s]) == 1


def test_a_kelurahan_workspace_has_only_its_own_figures(kel_store: Store) -> None:
    kel_store.set_value(None, 2026, 19, "satuan_pendidikan", 4)
    kel_store.set_value(None, 2026, 19, "sekolah_sra", 1)
    f = kel_store.city_figures([2026])
    assert [a.level for a in f.areas] == ["kelurahan"]
    assert f.get(kel_store.kelurahan_code, 2026, 19, "persen_sra").value == 25.0


def test_the_sums_say_each_indicator_and_year_added_up_and_batal_stops_them(city_store: Store) -> None:
    """A 1,000-unit kabupaten takes seconds to add up (an office PC: more) and the bar stood still
    through it, with Batal heard only after the last sum."""
    import pytest

    from db.errors import KlaError

    fill(city_store)
    n = len(city_store.template.indicators)
    seen: list[tuple[int, int, str]] = []
    f = city_store.city_figures([2025, 2026], progress=lambda d, t, s: seen.append((d, t, s.code)))
    assert seen == [(d, 2 * n, "reading_figures") for d in range(1, 2 * n + 1)]
    assert f.get(CITY, 2026, 19, "persen_sra").value == 70.42  # the same sums as without a bar
    seen.clear()
    with pytest.raises(KlaError) as exc:
        city_store.city_figures([2025, 2026], progress=lambda d, t, s: seen.append((d, t, s.code)),
                                cancelled=lambda: len(seen) >= 3)
    assert exc.value.code == "cancelled" and len(seen) == 3  # stopped at the next indicator, not at the end


def test_a_sum_of_one_kelurahan_and_of_many_adds_decimals_in_the_order_of_the_units(city_store: Store) -> None:
    """Three kelurahan's decimal budgets: the city's total is added in the units' order, as each of them
    shows it (0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in binary)."""
    for kel, amount in ((A, 0.1), (B, 0.2), (C, 0.3)):
        city_store.set_value(kel, 2026, 2, "anggaran_anak", amount)
    f = city_store.city_figures([2026], indicators=[2])
    assert f.get(CITY, 2026, 2, "anggaran_anak").value == (0 + 0.1) + 0.2 + 0.3
    assert f.get(TIMUR, 2026, 2, "anggaran_anak").value == 0.1 + 0.2
    assert f.get(A, 2026, 2, "anggaran_anak").value == 0.1 and f.get(A, 2026, 2, "anggaran_anak").units == (A,)
