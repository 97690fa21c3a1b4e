"""The Excel workbook as a DP3AKB analyst reads it: the "Nilai" rows in the form's order, the
"Indikator" columns as numbers."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from db.demo import create_demo
from db.store import Store
from exports import spreadsheet

KEL = "64.71.02.1005"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    root = tmp_path_factory.mktemp("xlsx-order")
    create_demo(root / "ws", seed=1, kelurahan_code=KEL)
    store = Store.open(root / "ws", operator="Siti", start_backup=False)
    try:
        year = max(store.current_period().data_years)
        t = store.template
        # Every age group of two items, typed oldest first: the sheet must not follow the typing either.
        for ind, item in ((4, "anak_total"), (18, "anak_usia_sekolah")):
            it = next(i for i in t.indicator(ind).items if i.key == item)
            for sex, age in reversed(t.cells(it)):
                store.set_value(None, year, ind, it.key, 7, sex=sex, age=age)
        path = spreadsheet.write_xlsx(spreadsheet.collect_workbook(store, year), root / "kla.xlsx")
        yield store, year, load_workbook(path)
    finally:
        store.close()


def test_age_groups_come_youngest_first_as_on_the_form(workbook) -> None:  # noqa: ANN001
    store, _year, wb = workbook
    t = store.template
    rows = list(wb["Nilai"].iter_rows(values_only=True))[1:]
    seen: dict[tuple, list[str]] = {}
    for r in rows:
        if r[8]:
            seen.setdefault((r[0], r[4], r[12], r[7]), []).append(r[8])
    assert seen
    labels = {(i.no, it.key): [b.label for b in t.age_bands[it.age]] for i in t.indicators for it in i.items if it.age}
    for (_kel, ind, key, _sex), ages in seen.items():
        order = labels[(ind, key)]
        assert ages == sorted(ages, key=order.index), (ind, key, ages)
    akta = seen[(KEL, 4, "anak_total", "Laki-laki")]
    assert akta == ["0–60 hari", "61 hari–<1 tahun", "1–<5 tahun", "5–<12 tahun", "12–<18 tahun"]
    assert [a.split()[0] for a in seen[(KEL, 18, "anak_usia_sekolah", "Perempuan")]] == ["7–12", "13–15", "16–17"]
    # The items too in the form's order, indicator by indicator.
    items = {i.no: [it.key for it in i.items] for i in t.indicators}
    by_ind: dict[int, list[str]] = {}
    for r in rows:
        keys = by_ind.setdefault(r[4], [])
        if not keys or keys[-1] != r[12]:
            keys.append(r[12])
    for ind, keys in by_ind.items():
        assert keys == sorted(keys, key=items[ind].index), (ind, keys)


def test_indicator_columns_hold_numbers(workbook) -> None:  # noqa: ANN001
    store, year, wb = workbook
    head, *rows = list(wb["Data dukung"].iter_rows(values_only=True))
    col = head.index("Indikator")
    one = [r[col] for r in rows if r[col] is not None and "," not in str(r[col])]
    assert one and all(isinstance(v, int) for v in one), one
    linked = {e.sha256: [i for y, i in sorted(e.links) if y == year] for e in store.evidence_list(None, year)}
    for r in rows:
        nos = linked[r[head.index("SHA-256")]]
        assert r[col] == (None if not nos else nos[0] if len(nos) == 1 else ", ".join(map(str, nos)))
    head, *rows = list(wb["Kegiatan"].iter_rows(values_only=True))
    col = head.index("Indikator")
    assert any(isinstance(r[col], int) for r in rows)
    assert not any(isinstance(r[col], str) and r[col].isdigit() for r in rows)


def test_file_sizes_are_in_kb_as_the_header_says(workbook) -> None:  # noqa: ANN001
    store, year, wb = workbook
    head, *rows = list(wb["Data dukung"].iter_rows(values_only=True))
    assert "Ukuran (KB)" in head and "Ukuran (bita)" not in head
    col, sha = head.index("Ukuran (KB)"), head.index("SHA-256")
    size = {e.sha256: e.size for e in store.evidence_list(None, year)}
    assert rows and all(r[col] == round(size[r[sha]] / 1024, 1) for r in rows)
