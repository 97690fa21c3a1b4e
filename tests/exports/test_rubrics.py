"""A city's own rubric for its desa/kelurahan (issue 12; docs/template-format.md §10).

DP3AKB loads and puts in force a rubric beside the KLA template, records each unit's verified
scores, and a unit's category (only ever from the rubric, never from the kab/kota bands) reaches
the unit in its receipt.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.errors import KlaError
from db.template import default_template, load_template_json
from exports import receipts
from tests.db.test_template import _rubric
from tests.exports.conftest import KEL_A, dump
from tests.exports.test_bundles import imp, single

YEAR_EVAL = None


def rubric(**changes):  # noqa: ANN003, ANN201
    return load_template_json(json.dumps(_rubric(**changes)))


def test_dp3akb_grades_a_unit_by_its_rubric_and_the_category_needs_every_indicator(world) -> None:  # noqa: ANN001
    city = world.city
    assert city.rubric is None and city.unit_category(KEL_A, 2027) is None
    assert city.install_rubric(rubric())
    assert city.rubric.id == "rubrik_kelurahan_contoh" and city.template.id == "kla24"  # beside, not instead
    assert not city.install_rubric(rubric())  # the same again changes nothing
    year = city.current_period().eval_year
    city.set_rubric_score(KEL_A, year, 1, 50)
    only_one = city.rubric_results(year)[0]
    assert (only_one.total, only_one.scored, only_one.indicators, only_one.band_key) == (50, 1, 2, "")
    assert city.unit_category(KEL_A, year) is None  # not every indicator verified: no category yet
    city.set_rubric_score(KEL_A, year, 2, 24.5)
    got = city.unit_category(KEL_A, year)
    assert (got.total, got.band_label, got.max_total) == (74.5, "Madya", 100)
    city.set_rubric_score(KEL_A, year, 2, None)  # cleared
    assert city.unit_category(KEL_A, year) is None


@pytest.mark.parametrize("what, code", [
    ("score above the indicator's weight", "rubric_score_invalid"),
    ("unknown indicator", "rubric_indicator_unknown"),
    ("the KLA template as a rubric", "rubric_not_rubric"),
    ("an older rubric", "rubric_older"),
    ("a rubric at a unit", "role_mismatch"),
])
def test_refusals_change_nothing(world, what, code) -> None:  # noqa: ANN001
    city = world.city
    city.install_rubric(rubric(version=2))
    year = city.current_period().eval_year
    store = world.a if what == "a rubric at a unit" else city
    before = dump(store)
    with pytest.raises(KlaError) as e:
        if what.startswith("score"):
            city.set_rubric_score(KEL_A, year, 1, 61)
        elif what == "unknown indicator":
            city.set_rubric_score(KEL_A, year, 9, 1)
        elif what.startswith("the KLA"):
            city.install_rubric(default_template())
        elif what == "an older rubric":
            city.install_rubric(rubric(version=1))
        else:
            world.a.install_rubric(rubric())
    assert e.value.code == code
    assert dump(store) == before


def test_the_category_reaches_the_unit_in_its_receipt_and_never_from_the_kab_kota_bands(world, tmp_path: Path) -> None:  # noqa: ANN001, E501
    a, city = world.a, world.city
    year = city.current_period().eval_year
    city.install_rubric(rubric())
    city.set_rubric_score(KEL_A, year, 1, 40)  # incomplete: the receipt carries no category
    rep = single(imp(a, receipts.write_receipts(city, tmp_path / "r1", KEL_A)[0].path))
    assert rep.status == "imported" and "rubric" not in rep.summary
    assert a.unit_category(None, year) is None
    city.set_rubric_score(KEL_A, year, 2, 40)
    rep = single(imp(a, receipts.write_receipts(city, tmp_path / "r2", KEL_A)[0].path))
    assert rep.summary["rubric"]["band"] == "madya"
    got = a.unit_category(None, year)
    assert (got.band_label, got.total, got.rubric_name) == ("Madya", 80, "Rubrik Kelurahan Layak Anak")
    assert a.unit_category(None, year + 2) is None  # another evaluation: none
    assert a.template.id == "kla24" and a.template.version == 1  # the unit still records against the KLA template
