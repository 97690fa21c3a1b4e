"""DP3AKB on template version 2 imports a bundle a unit made on version 1 (issue 12,
docs/template-format.md §7.1): the matrix and the indicator's detail show what the unit filled,
the renamed item under its new name, a retired item's value named as kept."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from db.store import Store
from db.template import parse_template, shipped_template
from exports import bundle
from tests.exports.conftest import KEL_A, enrolled_template, world  # noqa: F401 (fixtures)
from ui.city.city_window import CityWindow
from ui.city.models import CityMatrixModel


def _v2_that_also_retires(store: Store) -> object:
    raw = json.loads(shipped_template("kla24", 2).to_json())
    ind = next(i for i in raw["indicators"] if i["no"] == 2)
    ind["items"] = [i for i in ind["items"] if i["key"] != "anggaran_anak"]
    raw["migrations"][0]["retire"] = ["2.anggaran_anak"]
    return parse_template(raw)


def test_a_v1_bundle_shows_in_the_matrix_and_the_detail_of_a_v2_city(world, make_window, tmp_path: Path) -> None:  # noqa: ANN001, F811
    a, city = world.a, world.city
    y = a.data_years()[-1]
    city.install_template_with_migration(_v2_that_also_retires(city))
    for key, value in (("ada_sk_tim", True), ("status_dekela", "dekela"), ("ada_patbm", True), ("rapat_tim", 7),
                       ("profil_anak_mutakhir", True), ("anggaran_anak", "12.500.000")):
        a.set_value(None, y, 2, key, value)
    assert a.template.version == 1
    res = bundle.import_paths(city, [bundle.export_bundles(a, tmp_path / "stick").parts[0].path])
    assert res.files[0].status == "imported"

    w = make_window(tmp_path / "city").window
    assert isinstance(w, CityWindow)
    w.session.set_year(y)
    w.show_page("matrix")
    m = w.matrix_page.model
    idx = m.index(m.row_of(KEL_A), m.column_of(2))
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    label = w.session.template.indicator(2).item("rapat_gugus_tugas").label
    assert label == "Rapat Gugus Tugas KLA kelurahan dalam setahun"
    assert idx.data(CityMatrixModel.StateRole) != "empty" and label not in tip

    d = w.matrix_page.open_cell(KEL_A, 2)
    shown = {d.values_model.index(r, 0).data(): d.values_model.index(r, 2).data()
             for r in range(d.values_model.rowCount())}
    assert shown[label] == "7"
    assert d.kept.isVisible()
    assert d.kept.text() == ("Disimpan dari versi template sebelumnya (tidak ditanyakan lagi):\n"
                             "• Anggaran kelurahan untuk kegiatan anak (Rp): 12.500.000 — versi 1")
