"""Kelembagaan indicator 2, computed from the kelurahan's data and DP3AKB's KELANA records.

The measures (``shared/reference/kla-domain.md`` §2 #2 and §4): the share of desa/kelurahan
that are DEKELA, that have PATBM, of DEKELA that have PATBM, with a Profil Anak updated for
the data year, and the share of kecamatan that are KELANA, each "rising yearly", so every
data year of the period is computed. Each measure names the units it counts and the units
it is a share of, so a figure can always be traced to its kelurahan or kecamatan.

The kelurahan items are found by their keys in the template (``status_dekela`` = 'dekela',
``ada_patbm``, ``profil_anak_mutakhir``); a template without one of them leaves that measure
unavailable rather than zero. Pure functions plus two batched reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from typing import Any

from db.cityadmin import KelanaRecord
from db.figures import UnitKey
from db.freshness import too_old
from db.record import record
from db.template import CellValues, EvidenceRequirement, Template, percent

INDICATOR = 2
ITEMS = {"dekela": ("status_dekela", "dekela"), "patbm": ("ada_patbm", True), "profil": ("profil_anak_mutakhir", True)}
MEASURES = ("dekela", "patbm", "dekela_patbm", "profil", "profil_dokumen", "kelana")
"""In the order a report lists them."""


def profile_requirement(t: Template) -> EvidenceRequirement | None:
    """Indicator 2's Profil Anak document requirement (a data table that expires)."""
    try:
        ind = t.indicator(INDICATOR)
    except Exception:  # noqa: BLE001 - a template without indicator 2
        return None
    reqs = [r for r in ind.evidence if r.kind == "data_table"]
    named = [r for r in reqs if "profil anak" in r.label.lower()]
    found = named or reqs
    return found[0] if found else None


@record
class Measure:
    key: str
    data_year: int
    counted: tuple[str, ...]
    """The units that meet the measure."""
    base: tuple[str, ...]
    """The units it is a share of (every kelurahan, every DEKELA, every kecamatan)."""
    reported: tuple[str, ...] = ()
    """Of ``base``, the units that answered (kelurahan) or were recorded by DP3AKB (kecamatan)."""
    available: bool = True

    @property
    def value(self) -> float | None:
        """The share in percent (0..100), or None when there is nothing to share of."""
        return percent(len(self.counted), len(self.base)) if self.available and self.base else None


@record
class UnitFacts:
    """What one kelurahan's data says for indicator 2 in one data year."""

    code: str
    data_year: int
    dekela: str | None  # the choice key, None when not answered
    patbm: bool | None
    profil: bool | None
    profil_document: str | None  # the date of the newest fresh Profil Anak document linked
    profil_documents_old: int = 0  # linked but too old for the data year


@record
class Kelembagaan:
    years: tuple[int, ...]
    measures: Mapping[tuple[str, int], Measure]
    units: Mapping[tuple[str, int], UnitFacts]
    kelana: Mapping[tuple[str, int], KelanaRecord] = field(default_factory=dict)
    kecamatan: tuple[str, ...] = ()

    def measure(self, key: str, year: int) -> Measure:
        return self.measures[(key, year)]


def compute(t: Template, kelurahan: Sequence[str], kecamatan: Sequence[str], years: Iterable[int],
            values: Mapping[UnitKey, CellValues], documents: Iterable[tuple[str, int, str | None]],
            kelana: Iterable[KelanaRecord]) -> Kelembagaan:
    """The measures of every year (pure). ``documents``: (kelurahan, data year, doc date) of the
    Profil Anak-kind evidence linked to indicator 2."""
    years_t = tuple(sorted(set(years)))
    try:
        items = {it.key for it in t.indicator(INDICATOR).items}
    except Exception:  # noqa: BLE001
        items = set()
    req = profile_requirement(t)
    docs: dict[tuple[str, int], list[str | None]] = {}
    for kel, year, date in documents:
        docs.setdefault((kel, year), []).append(date)
    kelana_by = {(k.kecamatan_code, k.data_year): k for k in kelana}
    measures: dict[tuple[str, int], Measure] = {}
    units: dict[tuple[str, int], UnitFacts] = {}
    base = tuple(kelurahan)
    for year in years_t:
        for kel in kelurahan:
            cells = values.get((kel, year, INDICATOR), {})
            dek = cells.get((ITEMS["dekela"][0], "", ""))
            pat = cells.get((ITEMS["patbm"][0], "", ""))
            pro = cells.get((ITEMS["profil"][0], "", ""))
            linked = docs.get((kel, year), [])
            max_age = req.max_age_years if req else None
            fresh = sorted(d for d in linked if d and not too_old(d, year, max_age))
            old = sum(1 for d in linked if too_old(d, year, max_age))
            if req is not None and max_age is None:
                fresh = sorted(d or "" for d in linked)
            units[(kel, year)] = UnitFacts(
                kel, year, dek if isinstance(dek, str) else None, pat if isinstance(pat, bool) else None,
                pro if isinstance(pro, bool) else None, fresh[-1] if fresh else None, old)
        facts = [units[(k, year)] for k in kelurahan]
        measures[("dekela", year)] = _share("dekela", year, facts, items, base, lambda f: f.dekela == "dekela",
                                            lambda f: f.dekela is not None)
        measures[("patbm", year)] = _share("patbm", year, facts, items, base, lambda f: f.patbm is True,
                                           lambda f: f.patbm is not None)
        dekela_units = measures[("dekela", year)].counted
        m = _share("patbm", year, facts, items, dekela_units, lambda f: f.patbm is True,
                   lambda f: f.patbm is not None)
        measures[("dekela_patbm", year)] = Measure("dekela_patbm", year, m.counted, m.base, m.reported,
                                                   m.available and measures[("dekela", year)].available)
        measures[("profil", year)] = _share("profil", year, facts, items, base, lambda f: f.profil is True,
                                            lambda f: f.profil is not None)
        measures[("profil_dokumen", year)] = Measure(
            "profil_dokumen", year, tuple(f.code for f in facts if f.profil_document is not None), base,
            tuple(f.code for f in facts if f.profil_document is not None or f.profil_documents_old), req is not None)
        recorded = [kelana_by[(k, year)] for k in kecamatan if (k, year) in kelana_by]
        measures[("kelana", year)] = Measure(
            "kelana", year, tuple(r.kecamatan_code for r in recorded if r.status == "kelana"), tuple(kecamatan),
            tuple(r.kecamatan_code for r in recorded))
    return Kelembagaan(years_t, measures, units, {k: v for k, v in kelana_by.items() if k[1] in years_t},
                       tuple(kecamatan))


def _share(key: str, year: int, facts: Sequence[UnitFacts], items: set[str], among: tuple[str, ...],
           ok: Callable[[UnitFacts], bool], answered: Callable[[UnitFacts], bool]) -> Measure:
    """The kelurahan of ``among`` that meet ``ok``, and those that answered at all."""
    available = ITEMS[key][0] in items if key in ITEMS else True
    inside = set(among)
    return Measure(key, year, tuple(f.code for f in facts if f.code in inside and ok(f)), among,
                   tuple(f.code for f in facts if f.code in inside and answered(f)), available)


def read_documents(core: Any, codes: Sequence[str], years: Sequence[int], kind: str) -> list[tuple[str, int, str | None]]:
    """(kelurahan, data year, doc date) of evidence of ``kind`` linked to indicator 2: one query."""
    if not years:
        return []
    wanted = set(codes)
    rows = core.db.conn.execute(
        "SELECT e.kelurahan_code, l.data_year, e.doc_date FROM evidence e JOIN evidence_links l ON l.evidence_id = e.id"
        f" WHERE l.indicator_no = ? AND e.kind = ? AND l.data_year IN ({', '.join('?' * len(years))})",
        [INDICATOR, kind, *years])
    return [(k, y, d) for k, y, d in rows if k in wanted]
