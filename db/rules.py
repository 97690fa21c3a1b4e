"""The rules a value must pass, as pure functions over the template.

One place for every path a value can come by: typed in the grid, pasted, imported from a
workbook, or arriving in a bundle. Each function takes plain data and raises
:class:`KlaError` (a code with parameters) or returns the cleaned value; none touches the
database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from db.errors import KlaError
from db.template import CellValues, Indicator, Item, Template, parse_date, parse_value, part_whole_problems

FACILITY_TYPES = (
    "rbra",
    "pisa",
    "puspaga",
    "puskesmas_ramah_anak",
    "sra",
    "tara",
    "rumah_ibadah_ramah_anak",
    "forum_anak",
    "patbm",
    "posyandu",
    "paud",
    "ktr",
    "lainnya",
)
STANDARDISATION = ("belum", "proses", "terstandar", "utama")
PARTNERS = (
    "dinsos",
    "puskesmas",
    "sekolah",
    "forum_anak",
    "patbm",
    "dunia_usaha",
    "media",
    "disdukcapil",
    "kua",
    "tp_pkk",
    "lpm",
    "rt_rw",
    "tokoh_agama",
    "lainnya",
)
ACTIVITY_KINDS = ("kegiatan", "inovasi")
STATUSES = ("draft", "ready")
REVIEW_STATES = ("", "diterima", "perlu_perbaikan")


def check_cell(template: Template, indicator: Indicator, item_key: str, sex: str, age: str, raw: Any) -> tuple[Item, str, str, Any]:
    """(item, sex, age, stored value) for one cell; None as value clears it.

    Refused: an unknown item, sex or age band; a value of the wrong kind; a negative or
    fractional count; a computed item.
    """
    item = indicator.item(item_key)
    sex, age = (sex or "").upper(), age or ""
    if (sex, age) not in template.cells(item):
        if item.sex and sex not in ("L", "P"):
            raise KlaError("sex_required", item=item_key)
        if item.age and age not in [b.key for b in template.age_bands[item.age]]:
            raise KlaError(
                "age_invalid", item=item_key, age=age,
                bands=", ".join(b.key for b in template.age_bands[item.age]),
            )
        raise KlaError("cell_invalid", item=item_key, sex=sex, age=age)
    return item, sex, age, parse_value(item, raw)


def part_whole_error(
    template: Template, indicator: Indicator, values: CellValues, only: tuple[str, str, str] | None = None
) -> KlaError | None:
    """The first part-larger-than-its-whole in ``values`` (touching cell ``only`` if given)."""
    for p in part_whole_problems(template, indicator, values):
        if only is not None:
            item_key, sex, age = only
            if (p["sex"], p["age"]) != (sex, age) or item_key not in (p["item"], p["whole"]):
                continue
        return KlaError(
            "part_exceeds_whole",
            part=indicator.item(p["item"]).label,
            whole=indicator.item(p["whole"]).label,
            part_value=p["part_value"],
            whole_value=p["whole_value"],
            sex=p["sex"],
            age=p["age"],
        )
    return None


def check_values(template: Template, indicator: Indicator, cells: Iterable[tuple[str, str, str, Any]]) -> CellValues:
    """A whole entry's values (from a bundle or a workbook) through the same rules as typing.

    Every value must already be in its stored form (what :func:`check_cell` returns), no
    cell twice, and no part larger than its whole.
    """
    out: CellValues = {}
    for item_key, sex, age, value in cells:
        if value is None:
            raise KlaError("value_missing", item=item_key)
        _, s, a, clean = check_cell(template, indicator, item_key, sex, age, value)
        if (s, a) != (sex, age) or clean != value:
            raise KlaError("value_not_canonical", item=item_key)
        if (item_key, sex, age) in out:
            raise KlaError("value_twice", item=item_key)
        out[(item_key, sex, age)] = value
    err = part_whole_error(template, indicator, out)
    if err is not None:
        raise err
    return out


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise KlaError("status_unknown", status=status)
    return status


def check_review_state(state: str) -> str:
    if state not in REVIEW_STATES:
        raise KlaError("review_state_unknown", state=state)
    return state


def clean_activity(
    fields: dict[str, Any], check_indicator: Callable[[int], Any], check_year: Callable[[int], Any]
) -> dict[str, Any]:
    """Activity fields as stored (lists as JSON-ready sorted lists)."""
    out = dict(fields)
    if "title" in out:
        out["title"] = str(out["title"]).strip()
        if not out["title"]:
            raise KlaError("title_empty")
    if "kind" in out and out["kind"] not in ACTIVITY_KINDS:
        raise KlaError("activity_kind_unknown", kind=out["kind"])
    if out.get("date"):
        out["date"] = parse_date(out["date"])
    if "partners" in out:
        out["partners"] = sorted({str(p) for p in out["partners"]})
    if "indicators" in out:
        nos = sorted({int(i) for i in out["indicators"]})
        for i in nos:
            check_indicator(i)
        out["indicators"] = nos
    if "data_year" in out:
        out["data_year"] = int(out["data_year"])
        check_year(out["data_year"])
    return out


def clean_facility(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    if "name" in out:
        out["name"] = str(out["name"]).strip()
        if not out["name"]:
            raise KlaError("name_empty")
    if "type" in out and out["type"] not in FACILITY_TYPES:
        raise KlaError("facility_type_unknown", type=out["type"], types=", ".join(FACILITY_TYPES))
    if "standardisation" in out and out["standardisation"] not in STANDARDISATION:
        raise KlaError("standardisation_unknown", value=out["standardisation"])
    for key, lo, hi in (("latitude", -90, 90), ("longitude", -180, 180)):
        if out.get(key) not in (None, ""):
            try:
                v = float(str(out[key]).replace(",", "."))
            except ValueError as exc:
                raise KlaError("coordinate_invalid", value=out[key]) from exc
            if not lo <= v <= hi:
                raise KlaError("coordinate_invalid", value=out[key])
            out[key] = v
        elif key in out:
            out[key] = None
    return out
