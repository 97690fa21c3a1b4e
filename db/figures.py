"""City figures: the kelurahan's submitted values added up per kecamatan and for the city.

Pure functions over plain rows, plus one batched read (:func:`read_values`: one query for
the whole city and every data year asked for). The rules (issue 10):

- counts and amounts are summed per (sex, age) cell, with totals per sex, per age band and
  overall (``ALL``, the empty string, stands for "all"), the key scheme of
  :func:`db.template.computed_values`;
- a percentage is recomputed from the summed numerator and denominator, never averaged
  over kelurahan; only the cells where a kelurahan has both numbers count, as in its own grid;
- a yes/no item becomes the number of kelurahan answering Ya (and Tidak), and the share of
  Ya among those that answered; a choice item the number per choice;
- every figure names the kelurahan whose data it holds (``units``) out of those in the area
  (``of``), how many of them marked the indicator ready, and which filled only part of
  the item's cells. A kelurahan that sent nothing adds nothing: it is never a zero.

What "submitted" means: in a DP3AKB workspace the store holds what the kelurahan sent (the
import is the only way their values arrive), so every stored value counts; with
``ready_only`` only the indicators a kelurahan marked ready do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.core import Core, load
from db.record import record
from db.records import UnitRecord
from db.template import CellValues, Indicator, Item, Template, percent

ALL = ""
"""The sex or age of a total: ('L', ALL) is every age of boys, (ALL, ALL) everything."""

KINDS = {"count": "sum", "amount": "sum", "percent": "percent", "yes_no": "yes_no", "choice": "choice"}
"""Item type -> figure kind. Text and date items have no figure."""

Cell = tuple[str, str]
UnitKey = tuple[str, int, int]  # (kelurahan, data year, indicator)


@record
class Area:
    """The city, a kecamatan or a kelurahan, with the kelurahan it holds."""

    code: str
    level: str  # 'city' | 'kecamatan' | 'kelurahan'
    name: str
    parent: str  # the area above ('' for the city)
    units: tuple[str, ...]


@record
class Figure:
    """One item of one indicator for one area and data year."""

    indicator_no: int
    item_key: str
    kind: str  # 'sum' | 'percent' | 'yes_no' | 'choice'
    area: str
    data_year: int
    units: tuple[str, ...]
    """The kelurahan whose data this figure holds."""
    of: int
    """The kelurahan in the area."""
    ready: int = 0
    """Of ``units``, how many had marked the indicator ready."""
    partial: tuple[str, ...] = ()
    """Of ``units``, those that filled only some of the item's cells (sums and percentages)."""
    cells: Mapping[Cell, float] = field(default_factory=dict)
    """'sum': the total per cell and per margin; 'percent': the pooled percentage (0..100)."""
    parts: Mapping[Cell, tuple[float, float]] = field(default_factory=dict)
    """'percent': (summed numerator, summed denominator) per cell and margin."""
    counts: Mapping[str, int] = field(default_factory=dict)
    """'yes_no': {'ya': n, 'tidak': n}; 'choice': {choice key: n}."""

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    def share(self, key: str) -> float | None:
        """A yes/no answer's or choice's share of the kelurahan that answered (0..100)."""
        return percent(self.counts.get(key, 0), self.answered) if self.answered else None

    @property
    def value(self) -> float | None:
        """The figure as one number: total, pooled percentage, or the share answering Ya."""
        if self.kind == "yes_no":
            return self.share("ya")
        if self.kind == "choice":
            return None
        return self.cells.get((ALL, ALL))


def change(before: Figure | None, after: Figure | None, cell: Cell = (ALL, ALL), key: str | None = None) -> float | None:
    """``after`` minus ``before`` (percentage points for shares and percentages), or None."""
    a, b = (_number(f, cell, key) for f in (before, after))
    if a is None or b is None:
        return None
    return round(b - a, 2)


def _number(f: Figure | None, cell: Cell, key: str | None) -> float | None:
    if f is None:
        return None
    if key is not None:
        return f.share(key)
    if f.kind in ("sum", "percent"):
        return f.cells.get(cell)
    return f.value


@record
class CityFigures:
    """Every figure of some indicators for the city, its kecamatan and its kelurahan."""

    years: tuple[int, ...]
    areas: tuple[Area, ...]  # the city first, then each kecamatan, then each kelurahan
    figures: Mapping[tuple[str, int, int, str], Figure]  # (area, data year, indicator, item)
    ready_only: bool = False

    def area(self, code: str) -> Area:
        for a in self.areas:
            if a.code == code:
                return a
        raise KeyError(code)

    def children(self, code: str) -> list[Area]:
        return [a for a in self.areas if a.parent == code]

    def get(self, area: str, year: int, indicator_no: int, item_key: str) -> Figure | None:
        return self.figures.get((area, year, indicator_no, item_key))


# ---------------------------------------------------------------------------- areas


def make_areas(units: Sequence[UnitRecord], city: UnitRecord | None) -> tuple[Area, ...]:
    """The city (when given), its kecamatan and kelurahan, from the reference data."""
    kel = [u for u in units if u.level == "kelurahan"]
    kec = [u for u in units if u.level == "kecamatan"]
    out: list[Area] = []
    if city is not None:
        out.append(Area(city.code, "city", city.name, "", tuple(u.code for u in kel)))
    for k in kec:
        inside = tuple(u.code for u in kel if u.parent_code == k.code)
        if inside:
            out.append(Area(k.code, "kecamatan", k.name, city.code if city else "", inside))
    for u in kel:
        out.append(Area(u.code, "kelurahan", u.name, u.parent_code or "", (u.code,)))
    return tuple(out)


# ---------------------------------------------------------------------------- pure computation


@dataclass
class _Acc:
    """A figure being summed: base cells (never margins) and who contributed."""

    units: list[str] = field(default_factory=list)
    ready: int = 0
    partial: list[str] = field(default_factory=list)
    sums: dict[Cell, float] = field(default_factory=dict)
    parts: dict[Cell, list[float]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, other: _Acc) -> None:
        self.units += other.units
        self.ready += other.ready
        self.partial += other.partial
        for c, v in other.sums.items():
            self.sums[c] = self.sums.get(c, 0) + v
        for c, (n, d) in other.parts.items():
            p = self.parts.setdefault(c, [0, 0])
            p[0] += n
            p[1] += d
        for k, n in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + n


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _unit_acc(t: Template, ind: Indicator, it: Item, values: CellValues, kel: str, ready: bool) -> _Acc | None:
    """One kelurahan's contribution to an item, or None when it has none."""
    kind = KINDS.get(it.type)
    acc = _Acc()
    if kind == "sum":
        cells = t.cells(it)
        for s, a in cells:
            v = values.get((it.key, s, a))
            if isinstance(v, int | float) and not isinstance(v, bool):
                acc.sums[(s, a)] = v
        if not acc.sums:
            return None
        if len(acc.sums) < len(cells):
            acc.partial.append(kel)
    elif kind == "percent":
        num, den = ind.item(it.numerator or ""), ind.item(it.denominator or "")
        cells = t.cells(num)
        seen = False
        for s, a in cells:
            n, d = values.get((num.key, s, a)), values.get((den.key, s, a))
            seen = seen or _is_number(n) or _is_number(d)
            if _is_number(n) and _is_number(d):
                acc.parts[(s, a)] = [n, d]  # type: ignore[list-item]  # numbers: checked just above
        if not acc.parts:
            return None
        if seen and len(acc.parts) < len(cells):
            acc.partial.append(kel)
    elif kind == "yes_no":
        v = values.get((it.key, ALL, ALL))
        if not isinstance(v, bool):
            return None
        acc.counts["ya" if v else "tidak"] = 1
    elif kind == "choice":
        v = values.get((it.key, ALL, ALL))
        if not isinstance(v, str) or not v:
            return None
        acc.counts[v] = 1
    else:
        return None
    acc.units.append(kel)
    acc.ready = 1 if ready else 0
    return acc


def _margins(it: Item, base: Mapping[Cell, Any], add: Any, zero: Any) -> dict[Cell, Any]:
    """Base cells plus totals per sex, per age band and overall."""
    out: dict[Cell, Any] = dict(base)
    if it.sex and it.age:
        for (s, a), v in base.items():
            out[(s, ALL)] = add(out.get((s, ALL), zero()), v)
            out[(ALL, a)] = add(out.get((ALL, a), zero()), v)
    if (ALL, ALL) not in base:
        total = zero()
        for v in base.values():
            total = add(total, v)
        out[(ALL, ALL)] = total
    return out


def _finish(t: Template, ind: Indicator, it: Item, area: Area, year: int, acc: _Acc) -> Figure:
    kind = KINDS[it.type]
    cells: dict[Cell, float] = {}
    parts: dict[Cell, tuple[float, float]] = {}
    if kind == "sum":
        cells = _margins(it, acc.sums, lambda a, b: a + b, lambda: 0)
    elif kind == "percent":
        shape = ind.item(it.numerator or "")
        summed = _margins(shape, {c: (n, d) for c, (n, d) in acc.parts.items()},
                          lambda a, b: (a[0] + b[0], a[1] + b[1]), lambda: (0, 0))
        parts = {c: (n, d) for c, (n, d) in summed.items()}
        cells = {c: p for c, (n, d) in parts.items() if (p := percent(n, d)) is not None}  # type: ignore[arg-type]
    return Figure(ind.no, it.key, kind, area.code, year, tuple(sorted(acc.units)), len(area.units), acc.ready,
                  tuple(sorted(acc.partial)), cells, parts, dict(acc.counts))


def compute(
    t: Template, areas: Sequence[Area], years: Iterable[int], values: Mapping[UnitKey, CellValues],
    ready: Iterable[UnitKey] = (), indicators: Iterable[int] | None = None,
) -> dict[tuple[str, int, int, str], Figure]:
    """Every figure of ``indicators`` (all when None) for ``areas`` and ``years`` (pure).

    ``values`` holds each kelurahan's stored cells per (kelurahan, year, indicator);
    ``ready`` the (kelurahan, year, indicator) marked ready. An area with no data for an
    item has no figure for it.
    """
    ready_set = set(ready)
    wanted = set(indicators) if indicators is not None else None
    inds = [i for i in t.indicators if wanted is None or i.no in wanted]
    out: dict[tuple[str, int, int, str], Figure] = {}
    for year in years:
        for ind in inds:
            items = [it for it in ind.items if it.type in KINDS]
            # Each kelurahan once, then every area adds up the kelurahan it holds.
            per_unit: dict[str, dict[str, _Acc]] = {}
            for area in areas:
                if area.level != "kelurahan":
                    continue
                kel = area.code
                cells = values.get((kel, year, ind.no))
                if not cells:
                    continue
                got = {}
                for it in items:
                    acc = _unit_acc(t, ind, it, cells, kel, (kel, year, ind.no) in ready_set)
                    if acc is not None:
                        got[it.key] = acc
                per_unit[kel] = got
            if not per_unit:
                continue
            for area in areas:
                for it in items:
                    total = _Acc()
                    for kel in area.units:
                        acc = per_unit.get(kel, {}).get(it.key)
                        if acc is not None:
                            total.add(acc)
                    if total.units:
                        out[(area.code, year, ind.no, it.key)] = _finish(t, ind, it, area, year, total)
    return out


# ---------------------------------------------------------------------------- the batched read


def read_values(core: Core, codes: Sequence[str], years: Sequence[int], indicators: Iterable[int] | None = None,
                ready_only: bool = False, items: Iterable[str] | None = None
                ) -> tuple[dict[UnitKey, CellValues], set[UnitKey]]:
    """The stored cells of ``codes`` for ``years``, one query for all; and which entries are ready.
    ``items``: only the cells of those item keys (indicator 2 reads three of its items)."""
    values: dict[UnitKey, CellValues] = {}
    ready: set[UnitKey] = set()
    if not codes or not years:
        return values, ready
    wanted = set(codes)
    sql = ("SELECT e.kelurahan_code, e.data_year, e.indicator_no, e.status, v.item_key, v.sex, v.age, v.value"
           " FROM entries e JOIN entry_values v ON v.entry_id = e.id"
           f" WHERE e.data_year IN ({', '.join('?' * len(years))})")
    params: list[Any] = list(years)
    inds = sorted(set(indicators)) if indicators is not None else None
    if inds is not None:
        sql += f" AND e.indicator_no IN ({', '.join('?' * len(inds))})" if inds else " AND 0"
        params += inds
    if ready_only:
        sql += " AND e.status = 'ready'"
    if items is not None:
        keys = sorted(set(items))
        sql += f" AND v.item_key IN ({', '.join('?' * len(keys))})" if keys else " AND 0"
        params += keys
    for kel, year, ind, status, item, sex, age, text in core.db.conn.execute(sql, params):
        if kel not in wanted:
            continue
        key = (kel, year, ind)
        values.setdefault(key, {})[(item, sex, age)] = int(text) if text.isdigit() else load(text)
        if status == "ready":
            ready.add(key)
    return values, ready
