from __future__ import annotations

import copy

import pytest

from db.errors import KlaError
from db.template import (
    computed_values,
    default_template,
    parse_date,
    parse_number,
    parse_template,
    parse_value,
)


def test_default_template_has_24_indicators_in_six_groups():
    t = default_template()
    assert [i.no for i in t.indicators] == list(range(1, 25))
    assert [c.key for c in t.clusters] == ["K", "I", "II", "III", "IV", "V"]
    groups = {c.key: [i.no for i in t.indicators_of(c.key)] for c in t.clusters}
    assert groups["K"] == [1, 2, 3]
    assert groups["I"] == [4, 5, 6]
    assert groups["V"] == [21, 22, 23, 24]
    assert sum(i.weight for i in t.indicators) == 1000
    assert t.weights_official is False
    assert all(i.items for i in t.indicators), "every indicator has kelurahan-level data items"
    assert all(i.guidance for i in t.indicators)


def test_birth_certificate_items_are_disaggregated_with_computed_coverage():
    t = default_template()
    ind = t.indicator(4)
    total, with_cert = ind.item("anak_total"), ind.item("anak_berakta")
    assert total.sex and total.age == "akta"
    assert with_cert.part_of == "anak_total"
    cells = t.cells(total)
    assert ("L", "0-60h") in cells and ("P", "12-17") in cells and len(cells) == 10
    pct = next(i for i in ind.items if i.type == "percent" and i.numerator == "anak_berakta")
    values = {("anak_total", "L", "0-60h"): 40, ("anak_berakta", "L", "0-60h"): 30,
              ("anak_total", "P", "0-60h"): 60, ("anak_berakta", "P", "0-60h"): 60}
    comp = computed_values(t, ind, values)
    assert comp[(pct.key, "L", "0-60h")] == 75.0
    assert comp[(pct.key, "", "")] == 90.0  # 90 of 100
    assert comp[(pct.key, "P", "1-4")] is None  # nothing typed: no made-up number


def test_content_hash_is_stable_and_changes_with_content():
    t1, t2 = default_template(), default_template()
    assert t1.content_hash == t2.content_hash and len(t1.content_hash) == 64
    raw = copy.deepcopy(t1.raw)
    raw["indicators"][0]["title"] += " (ubah)"
    assert parse_template(raw).content_hash != t1.content_hash


@pytest.mark.parametrize(
    "mutate, problem",
    [
        (lambda r: r["indicators"][3]["items"][1].update(part_of="tidak_ada"), "part_of"),
        (lambda r: r["indicators"][3]["items"][0].update(type="angka"), "unknown type"),
        (lambda r: r["indicators"][3]["items"][0].update(age="umur_x"), "unknown age set"),
        (lambda r: r["indicators"][3].update(cluster="VII"), "unknown cluster"),
        (lambda r: r["indicators"].append(copy.deepcopy(r["indicators"][0])), "duplicate"),
    ],
)
def test_broken_templates_are_refused(mutate, problem):
    raw = copy.deepcopy(default_template().raw)
    mutate(raw)
    with pytest.raises(KlaError) as exc:
        parse_template(raw)
    assert exc.value.code == "template_invalid"
    assert problem in exc.value.params["problem"]


@pytest.mark.parametrize(
    "text, whole, expected",
    [("1.234", True, 1234), ("1234", True, 1234), ("12", True, 12), ("1.234,5", False, 1234.5),
     ("Rp 2.500.000", False, 2500000), ("0", True, 0), ("2,5", False, 2.5),
     # A count pasted from a sheet in English: the comma there separates thousands.
     ("1,500", True, 1500), ("12,345,678", True, 12345678), ("1.234,00", True, 1234), (" 1 200 ", True, 1200)],
)
def test_indonesian_numbers(text, whole, expected):
    assert float(parse_number(text, whole=whole)) == expected


@pytest.mark.parametrize("text, code", [("-3", "value_negative"), ("2,5", "value_not_whole"),
                                         ("dua", "value_not_number"), ("1.2.3", "value_not_number")])
def test_bad_counts_are_refused(text, code):
    item = default_template().indicator(4).item("anak_total")
    with pytest.raises(KlaError) as exc:
        parse_value(item, text)
    assert exc.value.code == code


def test_other_value_types():
    t = default_template()
    yes_no = next(i for ind in t.indicators for i in ind.items if i.type == "yes_no")
    assert parse_value(yes_no, "Ya") is True and parse_value(yes_no, "tidak") is False
    with pytest.raises(KlaError):
        parse_value(yes_no, "mungkin")
    date = next(i for ind in t.indicators for i in ind.items if i.type == "date")
    assert parse_value(date, "17-08-2025") == "2025-08-17"
    with pytest.raises(KlaError):
        parse_value(date, "31-02-2025")
    choice = next(i for ind in t.indicators for i in ind.items if i.type == "choice")
    assert parse_value(choice, choice.choices[0].key) == choice.choices[0].key
    with pytest.raises(KlaError) as exc:
        parse_value(choice, "bukan-pilihan")
    assert exc.value.code == "value_not_choice"


def test_coverage_of_a_half_typed_grid_counts_only_complete_pairs():
    t = default_template()
    ind = t.indicator(4)
    pct = next(i for i in ind.items if i.type == "percent" and i.numerator == "anak_berakta")
    values = {(("anak_total", s, a)): 100 for s, a in t.cells(ind.item("anak_total"))}
    values[("anak_berakta", "L", "1-4")] = 20  # only one cell of the part typed so far
    comp = computed_values(t, ind, values)
    assert comp[(pct.key, "", "")] == 20.0  # 20 of that cell's 100, not 20 of 1.000


@pytest.mark.parametrize("typed", ["17 Agustus 2026", "17 agt 2026", "17-08-2026", "17/8/26", "17.08.2026",
                                   "2026-08-17", "  17  Agustus   2026 "])
def test_dates_typed_the_indonesian_way(typed):
    assert parse_date(typed) == "2026-08-17"


@pytest.mark.parametrize("typed", ["17 Agustos 2026", "31/2/2026", "besok", "2026/13/01"])
def test_dates_that_are_not_dates_are_refused_with_what_was_typed(typed):
    with pytest.raises(KlaError) as exc:
        parse_date(typed)
    assert exc.value.code == "value_not_date" and exc.value.params["value"] == " ".join(typed.split())


def test_templates_beyond_the_bounds_are_refused_before_parsing():
    import json

    from db.template import TEMPLATE_LIMITS, load_template_json

    raw = json.loads(default_template().to_json())
    huge = dict(raw, indicators=[dict(raw["indicators"][0], no=n) for n in range(1, 100_001)])
    with pytest.raises(KlaError) as exc:
        load_template_json(json.dumps(huge))
    assert exc.value.params["problem"] in ("too_large", "too_many")
    many = dict(raw, indicators=[dict(raw["indicators"][0], no=n) for n in range(1, TEMPLATE_LIMITS["indicators"] + 2)])
    with pytest.raises(KlaError) as exc:
        load_template_json(json.dumps(many))
    assert exc.value.params["problem"] == "too_many"
    with pytest.raises(KlaError) as exc:
        load_template_json("[" * 100_000 + "]" * 100_000)
    assert exc.value.params["problem"] == "too_deep"
    deep: dict = {}
    node = deep
    for _ in range(50):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(KlaError) as exc:
        load_template_json(json.dumps(dict(raw, description=deep)))
    assert exc.value.params["problem"] == "too_deep"
