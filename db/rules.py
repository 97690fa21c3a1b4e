"""The rules a value must pass, as pure functions over the template.

One place for every path a value can come by: typed in the grid, pasted, imported from a
workbook, or arriving in a bundle. Each function takes plain data and raises
:class:`KlaError` (a code with parameters) or returns the cleaned value; none touches the
database.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from db.errors import KlaError
from db.template import (
    STABLE_TYPES,
    CellValues,
    Indicator,
    Item,
    Template,
    Term,
    ValidationRule,
    parse_date,
    parse_value,
    part_whole_problems,
)

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


def check_values(template: Template, indicator: Indicator, cells: Iterable[tuple[str, str, str, Any]]) -> CellValues:
    """A whole entry's values (from a bundle or a workbook) through the same rules as typing.

    Every value must already be in its stored form (what :func:`check_cell` returns) and no
    cell may come twice. Rules *between* values (a part larger than its whole, plausibility)
    refuse nothing here, as they refuse nothing when typed: the values are stored and the
    entry is flagged (:func:`entry_flags`).
    """
    out: CellValues = {}
    for item_key, sex, age, value in cells:
        if value is None:
            raise KlaError("value_missing", item=item_key)
        _, s, a, clean = check_cell(template, indicator, item_key, sex, age, value)
        if (s, a) != (sex, age) or clean != value or type(clean) is not type(value):
            raise KlaError("value_not_canonical", item=item_key)
        if (item_key, sex, age) in out:
            raise KlaError("value_twice", item=item_key)
        out[(item_key, sex, age)] = value
    return out


# ---------------------------------------------------------------------------- flags
#
# A flag is a plain dict: ``code``, ``importance`` ('high' blocks "siap"), ``cells`` (the
# (item, sex, age) cells of *this* indicator it is about, so the window can mark them) and the
# parameters the front end words it with (labels are template data, numbers as stored).
# Each kind of rule is one pure function; the window, the CLI, status and bundles call them.

Cell = tuple[str, str, str]
Flag = dict[str, Any]


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def flags_from_problems(indicator: Indicator, problems: Sequence[Mapping[str, Any]]) -> list[Flag]:
    """Parts larger than their wholes (``part_whole_problems``) as flags that block "siap"."""
    out = []
    for p in problems:
        s, a = p["sex"], p["age"]
        out.append({
            "code": "part_exceeds_whole", "importance": "high",
            "cells": ((p["item"], s, a), (p["whole"], s, a)),
            "part": indicator.item(p["item"]).label, "whole": indicator.item(p["whole"]).label,
            "part_value": p["part_value"], "whole_value": p["whole_value"], "sex": s, "age": a,
        })
    return out


def range_flags(template: Template, indicator: Indicator, values: CellValues) -> list[Flag]:
    """Values outside an item's plausible ``min``/``max`` (DHIS2's min-max), one flag per cell."""
    out = []
    for it in indicator.items:
        if it.min_value is None and it.max_value is None:
            continue
        for s, a in template.cells(it):
            v: Any = values.get((it.key, s, a))
            if not _number(v):
                continue
            if (it.min_value is not None and v < it.min_value) or (it.max_value is not None and v > it.max_value):
                out.append({"code": "value_out_of_range", "importance": "medium", "cells": ((it.key, s, a),),
                            "item": it.label, "value": v, "min": it.min_value, "max": it.max_value})
    return out


def year_change_candidate(value: Any, last: Any, factor: float, min_count: int) -> bool:
    """True when a count moved by more than ``factor`` from last year and either year is at least ``min_count``."""
    if not (_number(value) and _number(last)):
        return False
    return max(value, last) >= min_count and (value > factor * last or last > factor * value)


def year_change_flags(template: Template, indicator: Indicator, values: CellValues, last: CellValues) -> list[Flag]:
    """Counts that changed by more than the template's factor since the previous data year."""
    rule = template.plausibility.year_change
    if rule is None or not last:  # nothing last year: nothing to compare with
        return []
    compared = {key for key, _, _ in last}
    out = []
    for it in indicator.items:
        if it.type != "count" or not it.year_change or it.key not in compared:
            continue
        for s, a in template.cells(it):
            v, old = values.get((it.key, s, a)), last.get((it.key, s, a))
            if year_change_candidate(v, old, rule.factor, rule.min_count):
                out.append({"code": "year_change", "importance": rule.importance, "cells": ((it.key, s, a),),
                            "item": it.label, "value": v, "last_value": old, "factor": rule.factor})
    return out


def _side(template: Template, terms: tuple[Term, ...], values_by_ind: Mapping[int, CellValues]) -> int | float | None:
    """The sum of a rule's side; None when any of its cells is empty (a half-typed grid is not judged)."""
    total: int | float = 0
    for t in terms:
        item = template.indicator(t.indicator).item(t.item)
        values = values_by_ind.get(t.indicator, {})
        for s, a in template.cells(item):
            if (t.sex and s != t.sex) or (t.age and a != t.age):
                continue
            v: Any = values.get((t.item, s, a))
            if not _number(v):
                return None
            total += v
    return total


def _holds(op: str, left: float, right: float, tolerance: float) -> bool:
    if op == "==":
        return abs(left - right) <= tolerance * max(abs(left), abs(right))
    return {"!=": left != right, "<": left < right, "<=": left <= right, ">": left > right,
            ">=": left >= right}[op]


def _term_cells(template: Template, terms: tuple[Term, ...], indicator_no: int) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for t in terms:
        if t.indicator != indicator_no:
            continue
        item = template.indicator(t.indicator).item(t.item)
        out += [(t.item, s, a) for s, a in template.cells(item)
                if not (t.sex and s != t.sex) and not (t.age and a != t.age)]
    return tuple(dict.fromkeys(out))


def rule_flags(template: Template, indicator_no: int, values_by_ind: Mapping[int, CellValues]) -> list[Flag]:
    """The template's validation rules that involve ``indicator_no`` and do not hold.

    ``values_by_ind`` holds the values of every indicator the rules name (only the items
    they name are read).
    """
    out = []
    for r in template.plausibility.rules_of(indicator_no):
        left, right = _side(template, r.left, values_by_ind), _side(template, r.right, values_by_ind)
        if left is None or right is None or _holds(r.operator, left, right, r.tolerance):
            continue
        out.append(rule_flag(template, r, indicator_no, left, right))
    return out


def rule_flag(template: Template, r: ValidationRule, indicator_no: int, left: float, right: float) -> Flag:
    cells = _term_cells(template, r.left, indicator_no) + _term_cells(template, r.right, indicator_no)
    return {"code": "rule_broken", "importance": r.importance, "cells": tuple(dict.fromkeys(cells)),
            "rule": r.key, "message": r.message, "operator": r.operator, "left_value": left,
            "right_value": right, "indicators": tuple(sorted(r.indicators - {indicator_no}))}


def rule_items(template: Template) -> dict[int, set[str]]:
    """The items each indicator's values must be read for: named by a rule or with a min/max."""
    out: dict[int, set[str]] = {}
    for r in template.plausibility.rules:
        for t in r.left + r.right:
            out.setdefault(t.indicator, set()).add(t.item)
    for ind in template.indicators:
        for it in ind.items:
            if it.min_value is not None or it.max_value is not None:
                out.setdefault(ind.no, set()).add(it.key)
    return out


def entry_flags(
    template: Template, indicator: Indicator, values: CellValues, last: CellValues | None = None,
    others: Mapping[int, CellValues] | None = None, problems: Sequence[Mapping[str, Any]] | None = None,
) -> tuple[Flag, ...]:
    """Every flag of one entry: parts over wholes, min-max, change from last year, validation rules.

    ``last`` is the previous data year's values of the same indicator, ``others`` the values of
    the other indicators its rules name; ``problems`` may give the parts over wholes already found.
    """
    by_ind = dict(others or {})
    by_ind[indicator.no] = values
    found = problems if problems is not None else part_whole_problems(template, indicator, values)
    return tuple(
        flags_from_problems(indicator, found)
        + range_flags(template, indicator, values)
        + year_change_flags(template, indicator, values, last or {})
        + rule_flags(template, indicator.no, by_ind)
    )


def blocking(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """The flags that keep an entry from "siap": importance 'high'."""
    return tuple(f for f in flags if f.get("importance") == "high")


def touching(flags: Iterable[Flag], cell: Cell) -> tuple[Flag, ...]:
    return tuple(f for f in flags if cell in f.get("cells", ()))


def assign_evidence(requirements: Sequence[Any], files: Sequence[Any],
                    usable: Callable[[Any, Any], bool] | None = None) -> list[list[Any]]:
    """The files counted for each evidence requirement, in the requirements' order: one file, one requirement.

    A file the clerk attached to a requirement (its ``requirement`` key) counts there. Any other
    file counts for the first requirement of its kind that is still short of files, else for the
    first of its kind; so one SK never ticks both "SK Gugus Tugas" and "SK PATBM". ``requirements``
    are :class:`db.template.EvidenceRequirement`; a file has ``id``, ``kind`` and (optionally)
    ``requirement``. ``usable(file, requirement)`` says whether a file counts there (not too old):
    a requirement holding only too-old files is still short.
    """
    out: list[list[Any]] = [[] for _ in requirements]
    where = {r.key: n for n, r in enumerate(requirements)}
    rest = []
    # By id: the same answer whatever order the files were read in (batched or one indicator).
    for f in sorted(files, key=lambda f: f.id):
        n = where.get(getattr(f, "requirement", "") or "")
        if n is None:
            rest.append(f)
        else:
            out[n].append(f)
    if not rest:
        return out
    of_kind: dict[Any, list[int]] = {}
    for n, r in enumerate(requirements):
        of_kind.setdefault(r.kind, []).append(n)
    # How many usable files each requirement holds so far, kept up to date as files are placed
    # (a city's status places tens of thousands of files: no recount per file).
    held = [sum(1 for g in placed if usable is None or usable(g, requirements[n])) for n, placed in enumerate(out)]
    for f in rest:
        same = of_kind.get(f.kind)
        if same:
            short = [n for n in same if held[n] < requirements[n].min_count]
            candidates = short or same
            if len(candidates) == 1:
                pick = candidates[0]
            else:
                # A suggestion, never two ticks: the one whose label shares most words with the file's
                # caption and name ("SK PATBM.pdf" -> "SK PATBM kelurahan"), the first in template order
                # on a tie.
                words = _words(getattr(f, "text", "") or "")
                pick = max(candidates, key=lambda n: (len(words & _words(requirements[n].label)), -n))
            out[pick].append(f)
            if usable is None or usable(f, requirements[pick]):
                held[pick] += 1
    return out


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    # Memoised: the same captions and requirement labels come back for every unit and year of a
    # city's status (1,000 units: tens of thousands of calls, a few hundred distinct texts).
    return frozenset(w for w in _WORD_RE.findall(text.lower()) if len(w) >= 3 and w not in _COMMON_WORDS)


_WORD_RE = re.compile(r"[a-z0-9]+")


_COMMON_WORDS = frozenset({"kelurahan", "dan", "yang", "untuk", "data", "rekap", "foto", "anak", "pdf", "jpg", "png",
                           "docx", "xlsx", "tahun", "kegiatan", "laporan"})


def stable_items(indicator: Indicator) -> tuple[Item, ...]:
    """Answers "Salin dari tahun lalu" copies: yes/no, choices, text (regulation numbers), dates; never counts."""
    return tuple(it for it in indicator.items if it.type in STABLE_TYPES)


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
        # DP3AKB's import refuses a bundle with a partner outside this list (db.sync): refused here, as typed.
        for p in out["partners"]:
            if p not in PARTNERS:
                raise KlaError("partner_unknown", partner=p)
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


# Indonesia from Weh (Sabang) to Merauke and from Miangas to Rote, with a margin: a coordinate
# outside is a slip (lintang and bujur swapped, a minus dropped) far more often than a facility abroad.
INDONESIA_LATITUDE = (-11.5, 6.5)
INDONESIA_LONGITUDE = (94.5, 141.5)


def facility_doubts(latitude: float | None, longitude: float | None) -> list[tuple[str, dict[str, Any]]]:
    """What looks wrong in a facility's stored coordinates: said beside the form, never a refusal
    (the clerk may know better; nothing typed is lost). Codes with parameters, worded by ui/."""
    if latitude is None or longitude is None:
        return []

    def inside(lat: float, lon: float) -> bool:
        return INDONESIA_LATITUDE[0] <= lat <= INDONESIA_LATITUDE[1] and \
            INDONESIA_LONGITUDE[0] <= lon <= INDONESIA_LONGITUDE[1]

    if inside(latitude, longitude):
        return []
    # (Swapped, Indonesia's bujur, 94-141, is no lintang at all: refused as coordinate_invalid before this.)
    if inside(latitude, -longitude) or inside(-latitude, longitude):
        return [("coordinates_sign", {})]
    return [("coordinates_outside_indonesia", {})]


def activity_doubts(date: str, data_year: int) -> list[tuple[str, dict[str, Any]]]:
    """An activity dated outside the data year it is recorded for (typed a year off, or recorded
    under the wrong year): said beside the form, never a refusal."""
    if date and len(date) >= 4 and date[:4].isdigit() and int(date[:4]) != data_year:
        return [("activity_date_other_year", {"year": int(date[:4]), "data_year": data_year})]
    return []


_COORD = r"-?\d{1,3}(?:[.,]\d+)?"
_PAIR = re.compile(rf"^\s*\(?\s*({_COORD})\s*(?:;|,\s+|\s+)\s*({_COORD})\s*\)?\s*$")
_DOT_PAIR = re.compile(r"^\s*\(?\s*(-?\d{1,3}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)\s*\)?\s*$")


def split_coordinates(text: str) -> tuple[str, str] | None:
    """``text`` as a (lintang, bujur) pair when it holds both, as a map copies them ("-1.2391, 116.9012",
    "-1,2391; 116,9012", "-1.2391,116.9012"); None for one number ("-1,2391": a decimal comma)."""
    m = _DOT_PAIR.match(text) or _PAIR.match(text)
    return (m.group(1), m.group(2)) if m else None
