"""City roll-ups over :meth:`db.store.Store.city_status` rows: plain Python, no Qt.

Averages are over kelurahan (each kelurahan counts once, as in ``kla status`` for the
city), so a kecamatan with six kelurahan is not weighed more than one with four.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from db.records import KelurahanStatus
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


class _Counts:
    """One kelurahan's indicator states, reviews and estimate, read once (``_sum`` adds them up
    for its kecamatan and again for the city: 1,000 units x 24 indicators are walked once)."""

    __slots__ = ("completeness", "n", "ready", "complete", "partial", "empty", "accepted", "needs_fix", "score")

    def __init__(self, r: KelurahanStatus, weights: dict[int, int], total_weight: int) -> None:
        self.completeness = r.completeness
        self.n = self.ready = self.complete = self.partial = self.empty = self.accepted = self.needs_fix = 0
        raw = 0.0
        for c in r.clusters:
            for i in c.indicators:
                self.n += 1
                st = i.state
                if st == "ready":
                    self.ready += 1
                elif st == "complete":
                    self.complete += 1
                elif st == "partial":
                    self.partial += 1
                elif st == "empty":
                    self.empty += 1
                rv = i.review_state
                if rv == "diterima":
                    self.accepted += 1
                elif rv == "perlu_perbaikan":
                    self.needs_fix += 1
                raw += weights.get(i.indicator_no, 0) * i.completeness
        # As db.scoring.estimate computes it.
        self.score = round(raw * 1000 / total_weight, 1)


def _sum(name: str, code: str, rows: Sequence[_Counts]) -> KecamatanRollup:
    n = len(rows)
    return KecamatanRollup(
        code, name, n,
        round(sum(r.completeness for r in rows) / n, 4) if n else 0.0,
        sum(r.n for r in rows), sum(r.ready for r in rows), sum(r.complete for r in rows),
        sum(r.partial for r in rows), sum(r.empty for r in rows),
        sum(r.accepted for r in rows), sum(r.needs_fix for r in rows),
        round(sum(r.score for r in rows) / n, 1) if n else 0.0,
    )


def city_rollup(rows: Sequence[KelurahanStatus], template: Template) -> CityRollup:
    """Whole city and each kecamatan (in the order their kelurahan come)."""
    weights = {i.no: i.weight for i in template.indicators}
    total_weight = sum(weights.values()) or 1
    by_kec: dict[str, list[_Counts]] = {}
    names: dict[str, str] = {}
    counted = []
    for r in rows:
        c = _Counts(r, weights, total_weight)
        counted.append(c)
        by_kec.setdefault(r.kecamatan_code, []).append(c)
        names[r.kecamatan_code] = r.kecamatan_name
    kec = tuple(_sum(names[c], c, rs) for c, rs in by_kec.items())
    total = _sum("", "", counted)
    return CityRollup(total.kelurahan, total.completeness, total.indicators, total.ready, total.complete,
                      total.partial, total.empty, total.accepted, total.needs_fix, total.score_estimate, kec)


def furthest_behind(rows: Iterable[KelurahanStatus], n: int = 5) -> list[KelurahanStatus]:
    """The ``n`` kelurahan with the lowest completeness (ties: more empty indicators first)."""
    return sorted(rows, key=lambda r: (r.completeness, -sum(i.state == "empty" for i in r.indicators),
                                       r.kelurahan_code))[:n]
