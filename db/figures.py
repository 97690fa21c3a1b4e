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
from dataclasses import field
from typing import Any

from db.core import Core, load
from db.errors import KlaError
from db.progress import Cancelled, Progress, step
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
    """``after`` minus ``before`` (percentage points for shares and percentages), or None.

    From the counts themselves, not from the two shares rounded to 2 decimals: 13 of 18 after 16 of
    24 is 5.56 points (the rounded shares, 72.22 and 66.67, made it 5.55, printed "5,5")."""
    a, b = (_number(f, cell, key) for f in (before, after))
    if a is None or b is None:
        return None
    return round(b - a, 2)


def exact_share(numerator: float | None, denominator: float | None, value: float | None) -> float | None:
    """numerator / denominator * 100 unrounded when both are known, else ``value``."""
    if numerator is None or not denominator:
        return value
    return numerator * 100.0 / denominator


def _number(f: Figure | None, cell: Cell, key: str | None) -> float | None:
    if f is None:
        return None
    if key is not None:
        return exact_share(f.counts.get(key, 0), f.answered, None)
    if f.kind == "percent":
        numerator, denominator = f.parts.get(cell, (None, None))
        return exact_share(numerator, denominator, f.cells.get(cell))
    if f.kind == "sum":
        return f.cells.get(cell)
    return exact_share(f.counts.get("ya", 0), f.answered, None) if f.kind == "yes_no" else f.value


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


def _margins(both: bool, base: Mapping[Cell, Any]) -> dict[Cell, Any]:
    """Base cells plus totals per sex and per age band (``both``: the item has both) and overall,
    added in the order of ``base``."""
    out: dict[Cell, Any] = dict(base)
    get = out.get
    if both:
        for (s, a), v in base.items():
            k = (s, ALL)
            out[k] = get(k, 0) + v
            k = (ALL, a)
            out[k] = get(k, 0) + v
    if (ALL, ALL) not in base:
        total = 0
        for v in base.values():
            total = total + v
        out[(ALL, ALL)] = total
    return out


def _pair_margins(both: bool, base: Mapping[Cell, tuple[Any, Any]]) -> dict[Cell, tuple[Any, Any]]:
    """:func:`_margins` of (numerator, denominator) pairs, each side added on its own."""
    out: dict[Cell, tuple[Any, Any]] = dict(base)
    get = out.get
    if both:
        for (s, a), (n, d) in base.items():
            for k in ((s, ALL), (ALL, a)):
                p = get(k)
                out[k] = (n, d) if p is None else (p[0] + n, p[1] + d)
    if (ALL, ALL) not in base:
        tn = td = 0
        for n, d in base.values():
            tn, td = tn + n, td + d
        out[(ALL, ALL)] = (tn, td)
    return out


@record
class _Plan:
    """What adding up one item needs, worked out once per indicator (not per kelurahan)."""

    item: Item
    kind: str
    both: bool  # disaggregated by sex and by age: totals per sex and per age band
    cells: tuple[Cell, ...]
    keys: tuple[tuple[str, str, str], ...]  # the stored cells read ('sum'; 'percent': the numerator's)
    den_keys: tuple[tuple[str, str, str], ...] = ()  # 'percent': the denominator's cells


def _plans(t: Template, ind: Indicator) -> list[_Plan]:
    out = []
    for it in ind.items:
        kind = KINDS.get(it.type)
        if kind is None:
            continue
        if kind == "sum":
            cells = t.cells(it)
            out.append(_Plan(it, kind, bool(it.sex and it.age), cells, tuple((it.key, s, a) for s, a in cells)))
        elif kind == "percent":
            num, den = ind.item(it.numerator or ""), ind.item(it.denominator or "")
            cells = t.cells(num)
            out.append(_Plan(it, kind, bool(num.sex and num.age), cells, tuple((num.key, s, a) for s, a in cells),
                             tuple((den.key, s, a) for s, a in cells)))
        else:
            out.append(_Plan(it, kind, False, ((ALL, ALL),), ((it.key, ALL, ALL),)))
    return out


def _contribution(p: _Plan, values: CellValues) -> tuple[Any, bool] | None:
    """One kelurahan's part of an item: (its cells, filled only some of them), or None when it has none.

    'sum': {cell: number}; 'percent': {cell: (numerator, denominator)} where both are numbers;
    'yes_no': 'ya'/'tidak'; 'choice': the choice key. Numbers as a sum of one (``0 + v``: a typed
    -0.0 is 0.0 here as in every total above)."""
    get = values.get
    kind = p.kind
    if kind == "sum":
        base = {}
        for k, c in zip(p.keys, p.cells, strict=True):
            v = get(k)
            if v is not None and (type(v) is int or type(v) is float):
                base[c] = 0 + v
        if not base:
            return None
        return base, len(base) < len(p.cells)
    if kind == "percent":
        pairs = {}
        for kn, kd, c in zip(p.keys, p.den_keys, p.cells, strict=True):
            n, d = get(kn), get(kd)
            if n is not None and d is not None and (type(n) is int or type(n) is float) \
                    and (type(d) is int or type(d) is float):
                pairs[c] = (0 + n, 0 + d)
        if not pairs:
            return None
        return pairs, len(pairs) < len(p.cells)
    v = get(p.keys[0])
    if kind == "yes_no":
        return ("ya" if v else "tidak", False) if type(v) is bool else None
    return (v, False) if isinstance(v, str) and v else None


_CELLS = ("sum", "percent")
"""The kinds whose contribution is a cell mapping (the others: one answer, counted)."""


def _figure(p: _Plan, ind: Indicator, area: Area, year: int, units: tuple[str, ...], ready: int,
            partial: tuple[str, ...], got: Any) -> Figure:
    """The figure of an area from what its kelurahan add up to (``got``: summed cells, pairs or counts)."""
    cells: dict[Cell, float] = {}
    parts: dict[Cell, tuple[float, float]] = {}
    counts: dict[str, int] = {}
    if p.kind == "sum":
        cells = _margins(p.both, got)
    elif p.kind == "percent":
        parts = _pair_margins(p.both, got)
        cells = {c: q for c, (n, d) in parts.items() if (q := percent(n, d)) is not None}  # type: ignore[arg-type]
    else:
        counts = got
    return Figure(ind.no, p.item.key, p.kind, area.code, year, units, len(area.units), ready, partial, cells, parts,
                  counts)


def _add_up(kind: str, found: Sequence[tuple[Any, bool]]) -> Any:
    """What the kelurahan of an area add up to, in the order given (floats: the order counts)."""
    if kind == "sum":
        total: dict[Cell, Any] = {}
        get = total.get
        for base, _partial in found:
            for c, v in base.items():
                total[c] = get(c, 0) + v
        return total
    if kind == "percent":
        pairs: dict[Cell, tuple[Any, Any]] = {}
        for base, _partial in found:
            for c, (n, d) in base.items():
                q = pairs.get(c)
                pairs[c] = (0 + n, 0 + d) if q is None else (q[0] + n, q[1] + d)
        return pairs
    counts: dict[str, int] = {}
    for key, _partial in found:
        counts[key] = counts.get(key, 0) + 1
    return counts


def compute(
    t: Template, areas: Sequence[Area], years: Iterable[int], values: Mapping[UnitKey, CellValues],
    ready: Iterable[UnitKey] = (), indicators: Iterable[int] | None = None,
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> dict[tuple[str, int, int, str], Figure]:
    """Every figure of ``indicators`` (all when None) for ``areas`` and ``years`` (pure).

    ``values`` holds each kelurahan's stored cells per (kelurahan, year, indicator);
    ``ready`` the (kelurahan, year, indicator) marked ready. An area with no data for an
    item has no figure for it. ``progress`` is told ``reading_figures`` after each indicator
    and data year, and ``cancelled`` is asked as often (KlaError 'cancelled').
    """
    ready_set = set(ready)
    wanted = set(indicators) if indicators is not None else None
    inds = [i for i in t.indicators if wanted is None or i.no in wanted]
    years = list(years)
    kel_areas = [a for a in areas if a.level == "kelurahan"]
    wider = [a for a in areas if a.level != "kelurahan"]
    out: dict[tuple[str, int, int, str], Figure] = {}
    todo, done = len(years) * len(inds), 0
    for year in years:
        for ind in inds:
            if cancelled is not None and cancelled():
                raise KlaError("cancelled")
            plans = _plans(t, ind)
            # Each kelurahan once: its own figures, and its part in every area above it.
            mine: dict[str, list[tuple[Any, bool] | None]] = {}
            is_ready: dict[str, int] = {}
            for area in kel_areas:
                kel = area.code
                cells = values.get((kel, year, ind.no))
                if not cells:
                    continue
                r = 1 if (kel, year, ind.no) in ready_set else 0
                got = [_contribution(p, cells) for p in plans]
                mine[kel], is_ready[kel] = got, r
                own = (kel,)
                for p, g in zip(plans, got, strict=True):
                    if g is not None:
                        out[(kel, year, ind.no, p.item.key)] = _figure(
                            p, ind, area, year, own, r, own if g[1] else (), g[0] if p.kind in _CELLS else {g[0]: 1})
            if mine:
                for area in wider:
                    inside = [(kel, mine[kel]) for kel in area.units if kel in mine]
                    for n, p in enumerate(plans):
                        found = [(kel, g) for kel, got in inside if (g := got[n]) is not None]
                        if not found:
                            continue
                        out[(area.code, year, ind.no, p.item.key)] = _figure(
                            p, ind, area, year, tuple(sorted(kel for kel, _g in found)),
                            sum(is_ready[kel] for kel, _g in found),
                            tuple(sorted(kel for kel, g in found if g[1])), _add_up(p.kind, [g for _k, g in found]))
            done += 1
            if progress is not None:
                progress(done, todo, step("reading_figures"))
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
