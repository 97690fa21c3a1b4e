"""City roll-ups over :meth:`db.store.Store.city_status` rows: plain Python, no Qt.

Averages are over kelurahan (each kelurahan counts once, as in ``kla status`` for the
city), so a kecamatan with six kelurahan is not weighed more than one with four.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from db.records import KelurahanStatus
from db.scoring import estimate
from db.template import Template

REVIEW_STATES = ("diterima", "perlu_perbaikan")


@dataclass(frozen=True)
class KecamatanRollup:
    code: str
    name: str
    kelurahan: int
    completeness: float  # 0..1, mean over its kelurahan
    indicators: int  # kelurahan x indicators
    ready: int
    complete: int
    partial: int
    empty: int
    accepted: int  # reviewed 'diterima'
    needs_fix: int  # reviewed 'perlu_perbaikan'
    score_estimate: float  # mean unofficial estimate of its kelurahan (0..1000)


@dataclass(frozen=True)
class CityRollup:
    kelurahan: int
    completeness: float
    indicators: int
    ready: int
    complete: int
    partial: int
    empty: int
    accepted: int
    needs_fix: int
    score_estimate: float
    kecamatan: tuple[KecamatanRollup, ...]


def _sum(name: str, code: str, rows: Sequence[KelurahanStatus], template: Template) -> KecamatanRollup:
    states = [i.state for r in rows for i in r.indicators]
    reviews = [i.review_state for r in rows for i in r.indicators]
    n = len(rows)
    return KecamatanRollup(
        code, name, n,
        round(sum(r.completeness for r in rows) / n, 4) if n else 0.0,
        len(states), states.count("ready"), states.count("complete"), states.count("partial"), states.count("empty"),
        reviews.count("diterima"), reviews.count("perlu_perbaikan"),
        round(sum(estimate(template, r.indicators) for r in rows) / n, 1) if n else 0.0,
    )


def city_rollup(rows: Sequence[KelurahanStatus], template: Template) -> CityRollup:
    """Whole city and each kecamatan (in the order their kelurahan come)."""
    by_kec: dict[str, list[KelurahanStatus]] = {}
    names: dict[str, str] = {}
    for r in rows:
        by_kec.setdefault(r.kecamatan_code, []).append(r)
        names[r.kecamatan_code] = r.kecamatan_name
    kec = tuple(_sum(names[c], c, rs, template) for c, rs in by_kec.items())
    total = _sum("", "", rows, template)
    return CityRollup(total.kelurahan, total.completeness, total.indicators, total.ready, total.complete,
                      total.partial, total.empty, total.accepted, total.needs_fix, total.score_estimate, kec)


def furthest_behind(rows: Iterable[KelurahanStatus], n: int = 5) -> list[KelurahanStatus]:
    """The ``n`` kelurahan with the lowest completeness (ties: more empty indicators first)."""
    return sorted(rows, key=lambda r: (r.completeness, -sum(i.state == "empty" for i in r.indicators),
                                       r.kelurahan_code))[:n]
