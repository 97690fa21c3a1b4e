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


# ---------------------------------------------------------------------------- loader bounds (issue 14 item 10)


def _text(raw) -> str:  # noqa: ANN001
    import json

    return json.dumps(raw, ensure_ascii=False)


def _deep(n: int) -> dict:
    node: dict = {}
    top = node
    for _ in range(n):
        node["x"] = {}
        node = node["x"]
    return top


@pytest.mark.parametrize("name, make, problem", [
    ("wrong type", lambda r: r.update(indicators="x"), "wrong_type"),
    ("missing field", lambda r: r["indicators"][0].pop("title"), "missing_field"),
    ("choice of a number", lambda r: r["indicators"][0]["items"][1].update(choices=[3]), "not_an_object"),
    ("order not a number", lambda r: r["clusters"][0].update(order="satu"), "schema"),
    ("wording status", lambda r: r["indicators"][0].update(wording_status="resmi"), "bad_wording_status"),
    ("item wording status", lambda r: r["indicators"][0]["items"][0].update(wording_status="x"), "bad_wording_status"),
    ("weights", lambda r: r["indicators"][0].update(weight=r["indicators"][0]["weight"] + 1), "weights_total"),
    ("weight not a number", lambda r: r["indicators"][0].update(weight="60"), "bad_weight"),
    ("no indicators", lambda r: r.update(indicators=[]), "too_few"),
    ("61 indicators", lambda r: r.update(indicators=[dict(r["indicators"][0], no=n) for n in range(1, 62)]),
     "too_many"),
    ("no items", lambda r: r["indicators"][0].update(items=[]), "too_few"),
    ("21 items", lambda r: r["indicators"][0].update(
        items=[{"key": f"x{n}", "label": "x", "type": "count"} for n in range(21)]), "too_many"),
    ("no evidence", lambda r: r["indicators"][0].update(evidence=[]), "too_few"),
    ("indicator number", lambda r: r["indicators"][0].update(no=0), "bad_number"),
    ("deep nesting", lambda r: r.update(description=_deep(50)), "too_deep"),
    ("plausibility names a missing item", lambda r: r["plausibility"]["rules"][0]["left"].update(item="tidak_ada"),
     "is not a count"),
    ("migration names a missing item", lambda r: r.update(version=2, migrations=[
        {"from_version": 1, "rename": {"2.rapat_tim": "tidak_ada"}}]), "rule_unknown_item"),
    ("migration of a later version", lambda r: r.update(migrations=[{"from_version": 1}]), "bad_step_version"),
    ("migration source", lambda r: r.update(version=2, migrations=[{"from_version": 1, "retire": ["rapat_tim"]}]),
     "rule_bad_source"),
    ("unknown rule kind", lambda r: r.update(version=2, migrations=[{"from_version": 1, "hapus": []}]), "schema"),
])
def test_template_files_outside_the_bounds_are_refused_with_a_code(name, make, problem) -> None:  # noqa: ANN001
    from db.template import load_template_json
    from ui.messages import error_text

    raw = copy.deepcopy(default_template().raw)
    make(raw)
    with pytest.raises(KlaError) as exc:
        load_template_json(_text(raw))
    assert exc.value.code == "template_invalid", name
    assert problem in str(exc.value.params["problem"]), (name, exc.value.params)
    words = error_text(exc.value)
    assert words.startswith("Template indikator tidak sah (") and "Traceback" not in words
    if problem in ("weights_total", "too_many", "too_few", "too_deep", "rule_unknown_item"):
        assert "template.other" not in words and "(" + str(exc.value.params["problem"]) + ")" not in words


def test_duplicate_keys_and_huge_files_are_refused_before_parsing() -> None:
    from db.template import TEMPLATE_LIMITS, load_template_json
    from ui.messages import error_text

    text = default_template().to_json()
    dup = text.replace('"version":1,', '"version":1,"version":2,', 1)
    assert dup != text
    with pytest.raises(KlaError) as exc:
        load_template_json(dup)
    assert (exc.value.params["problem"], exc.value.params["key"]) == ("duplicate_json_key", "version")
    assert "kunci \u201cversion\u201d tertulis dua kali" in error_text(exc.value)
    huge = text[:-1] + ', "pad": "' + "x" * (50 * 1024 * 1024) + '"}'
    with pytest.raises(KlaError) as exc:
        load_template_json(huge)
    assert exc.value.params["problem"] == "too_large" and exc.value.params["limit"] == TEMPLATE_LIMITS["bytes"]
    assert "berkasnya terlalu besar" in error_text(exc.value)
    with pytest.raises(KlaError) as exc:
        load_template_json(text[:200])
    assert exc.value.params["problem"] == "not_json"


def test_a_refused_file_changes_nothing_in_the_store(kel_store) -> None:  # noqa: ANN001
    from db.template import load_template_json
    from tests.db.conftest import table_dump

    s = kel_store
    s.set_value(None, 2024, 2, "rapat_tim", 6)
    before = table_dump(s)
    raw = copy.deepcopy(default_template().raw)
    raw["version"] = 2
    raw["indicators"][1]["weight"] += 10
    with pytest.raises(KlaError):
        s.install_template(load_template_json(_text(raw)))
    with pytest.raises(KlaError) as exc:
        s.install_template(parse_template(raw))  # parsed without the file checks: the install checks the weights
    assert exc.value.params["problem"] == "weights_total"
    assert table_dump(s) == before and s.template.version == 1


def _rubric(**changes) -> dict:  # noqa: ANN003
    raw = {
        "id": "rubrik_kelurahan_contoh", "version": 1, "kind": "rubric", "name": "Rubrik Kelurahan Layak Anak",
        "weight_total": 100, "age_bands": {},
        "clusters": [{"key": "A", "name": "Verifikasi administrasi", "order": 0},
                     {"key": "B", "name": "Verifikasi lapangan", "order": 1}],
        "indicators": [
            {"no": 1, "cluster": "A", "short_name": "SK Gugus Tugas", "title": "SK Gugus Tugas KLA kelurahan",
             "wording_status": "draft", "weight": 60, "items": []},
            {"no": 2, "cluster": "B", "short_name": "Forum Anak", "title": "Forum Anak aktif", "wording_status": "draft",
             "weight": 40, "items": [{"key": "catatan", "label": "Catatan juri", "type": "text"}],
             "evidence": [{"kind": "video", "label": "Video verifikasi lapangan", "required": False}]},
        ],
        "categories": {"source": "Pedoman Kelurahan Layak Anak kota (contoh)",
                       "bands": [{"key": "pratama", "label": "Pratama", "min": 50, "max": 69},
                                 {"key": "madya", "label": "Madya", "min": 70, "max": 84},
                                 {"key": "nindya", "label": "Nindya", "min": 85, "max": 100}]},
    }
    if "bands" in changes:
        raw["categories"]["bands"] = changes.pop("bands")
    raw.update(changes)
    return raw


def test_a_city_rubric_loads_with_its_own_weights_and_bands_and_is_never_the_kla_template(kel_store) -> None:  # noqa: ANN001
    from db.template import load_template_json
    from tests.db.conftest import table_dump

    r = load_template_json(_text(_rubric()))
    assert r.is_rubric and r.weight_total == 100 and [b.key for b in r.bands] == ["pratama", "madya", "nindya"]
    assert r.band_of(72).label == "Madya" and r.band_of(49) is None and r.band_of(100).key == "nindya"
    assert r.indicator(1).items == () and r.indicator(1).evidence == ()
    for bad, problem in ((_rubric(bands=[]), "rubric_without_bands"),
                         (_rubric(weight_total=110), "weights_total"),
                         (_rubric(bands=[{"key": "a", "label": "A", "min": 0, "max": 60},
                                         {"key": "b", "label": "B", "min": 60, "max": 100}]), "band_overlap"),
                         (_rubric(bands=[{"key": "a", "label": "A", "min": 0, "max": 101}]), "band_range")):
        with pytest.raises(KlaError) as exc:
            load_template_json(_text(bad))
        assert exc.value.params["problem"] == problem
    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.install_template(r)
    assert exc.value.code == "template_is_rubric" and table_dump(kel_store) == before
    assert default_template().bands == () and not default_template().is_rubric
