"""City roll-ups over :meth:`db.store.Store.city_status` rows: plain Python, no Qt.

Averages are over kelurahan (each kelurahan counts once, as in ``kla status`` for the
city), so a kecamatan with six kelurahan is not weighed more than one with four.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from db.record import record
from db.records import KelurahanStatus
from db.status import estimate_of
from db.template import Template

REVIEW_STATES = ("diterima", "perlu_perbaikan")


@record
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


@record
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
    for its kecamatan and again for the city). A kept status has them without its 24 indicators
    being read (``KelurahanStatus.tally``, ``db.status.estimate_of``)."""

    __slots__ = ("completeness", "n", "ready", "complete", "partial", "empty", "accepted", "needs_fix", "score")

    def __init__(self, r: KelurahanStatus, template: Template) -> None:
        self.completeness = r.completeness
        (self.n, self.ready, self.complete, self.partial, self.empty, self.accepted,
         self.needs_fix) = r.tally
        self.score = estimate_of(r, template)


def _sum(name: str, code: str, rows: Sequence[_Counts]) -> KecamatanRollup:
    from exports.formats import mean_completeness  # as the city report computes it

    n = len(rows)
    return KecamatanRollup(
        code, name, n,
        mean_completeness(r.completeness for r in rows),  # as the city report prints it
        sum(r.n for r in rows), sum(r.ready for r in rows), sum(r.complete for r in rows),
        sum(r.partial for r in rows), sum(r.empty for r in rows),
        sum(r.accepted for r in rows), sum(r.needs_fix for r in rows),
        round(sum(r.score for r in rows) / n, 1) if n else 0.0,
    )


def city_rollup(rows: Sequence[KelurahanStatus], template: Template) -> CityRollup:
    """Whole city and each kecamatan (in the order their kelurahan come)."""
    by_kec: dict[str, list[_Counts]] = {}
    names: dict[str, str] = {}
    counted = []
    for r in rows:
        c = _Counts(r, template)
        counted.append(c)
        by_kec.setdefault(r.kecamatan_code, []).append(c)
        names[r.kecamatan_code] = r.kecamatan_name
    kec = tuple(_sum(names[c], c, rs) for c, rs in by_kec.items())
    total = _sum("", "", counted)
    return CityRollup(total.kelurahan, total.completeness, total.indicators, total.ready, total.complete,
                      total.partial, total.empty, total.accepted, total.needs_fix, total.score_estimate, kec)


def furthest_behind(rows: Iterable[KelurahanStatus], n: int = 5) -> list[KelurahanStatus]:
    """The ``n`` kelurahan with the lowest completeness (ties: more empty indicators first)."""
    return sorted(rows, key=lambda r: (r.completeness, -r.tally.empty, r.kelurahan_code))[:n]
