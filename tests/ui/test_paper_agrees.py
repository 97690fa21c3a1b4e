"""The window and the paper say a number alike: the grid's "90,9%*" marks the same percentages the
progress sheet marks, DP3AKB's Ringkasan says the city's and each kecamatan's completeness as the
city report prints it, and the window's formatters are the printed reports' own."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from db.demo import create_demo
from db.store import Store
from exports import paper, reports
from ui.city.rollup import city_rollup
from ui.entry.grid_model import DisaggregatedGridModel, grid_items
from ui.messages import error_text
from ui.widgets.formatting import fmt_percent, fmt_size

QT_ID = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def _pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_sheet_marks_the_percentages_the_grid_marks(demo_home: Path, tmp_path: Path) -> None:
    year = 2026
    with Store.open(demo_home, operator="Siti", start_backup=False) as store:
        for sex, age, n in (("L", "0-60h", 20), ("L", "1-4", 700), ("P", "1-4", 500)):
            store.set_value(None, year, 4, "anak_berakta", n, sex=sex, age=age)
        t = store.template
        ind = t.indicator(4)
        model = DisaggregatedGridModel(t, ind, grid_items(t, ind)[0], lambda *_a: None, error_text)
        model.set_values(store.values(None, year, 4))
        pdf = reports.write_sheet_pdf(reports.collect_sheet(store, None, year), tmp_path / "lembar.pdf")
    shown = [model.index(r, c).data() for r in range(model.rowCount()) if model.row_spec(r).kind == "percent"
             and model.row_spec(r).item.key == "cakupan_akta" for c in range(1, model.columnCount())]
    marked = sorted(x for x in shown if x and x.endswith("*"))
    assert len(marked) >= 3, shown
    section = _pdf_text(pdf).split(" 4. Akta Kelahiran")[1].split(" 5. ")[0]
    printed = sorted(w for line in section.splitlines() if line.strip().startswith("Cakupan akta kelahiran")
                     for w in line.split() if w.endswith("%*"))
    assert printed == marked
    # And the ones the grid shows whole are printed whole.
    whole = sorted(x for x in shown if x and x.endswith("%"))
    assert sorted(w for line in section.splitlines() if line.strip().startswith("Cakupan akta kelahiran")
                  for w in line.split() if w.endswith("%")) == whole


def test_the_city_report_prints_completeness_as_the_ringkasan_shows_it(tmp_path: Path) -> None:
    create_demo(tmp_path / "kota", seed=1)
    with Store.open(tmp_path / "kota", check=False, start_backup=False) as store:
        data = reports.collect_city(store, 2026)
        r = city_rollup(list(data.statuses), store.template)
    first = _pdf_text(reports.write_city_pdf(data, tmp_path / "kota.pdf")).split("\f")[0]
    assert fmt_percent(r.completeness * 100) in first.split()  # the Ringkasan's big number
    for k in r.kecamatan:  # the kecamatan table of the Ringkasan
        row = next(line for line in first.splitlines() if line.startswith(k.name + " "))
        assert fmt_percent(k.completeness * 100) in row.split(), row


def test_the_window_formats_as_qlocale_did_and_as_the_paper_does() -> None:
    """ui's fmt_percent and fmt_size are exports.paper's (so the two never part); they still say what
    QLocale said (a half away from zero: 43,25 -> 43,3; -0.0 as 0,0)."""
    rnd = random.Random(5)
    values = [43.25, 0.25, -1.25, 0.05, 99.95, 100.0, 0.0, -0.0, 12345678.25]
    values += [rnd.random() * 100 for _ in range(3000)] + [rnd.randint(0, 8000) / 8 for _ in range(3000)]
    for v in values:
        assert fmt_percent(v) == QT_ID.toString(float(v), "f", 1) + "%" == paper.fmt_percent(v), v
    for size in (0, 700, 1023, 1024, 348_160, 1_048_575, 1_048_576, 1_258_291, 5 * 2**30 + 2**29):
        old = (f"{size} B" if size < 1024 else f"{QT_ID.toString(round(size / 1024))} KB" if size < 2**20
               else QT_ID.toString(size / 2**20, "f", 1) + " MB")
        assert fmt_size(size) == old == paper.fmt_size(size), size
