"""Completeness of kelurahan data: read-only, batched.

One kelurahan-year costs a handful of queries (entries, values, evidence with links,
activity and facility counts), whatever the number of indicators; a whole city costs the
same handful, one query per table for all kelurahan (``tests/db/test_status_queries.py``
holds the budget, ``bench/bench_store.py`` prints the cost against plain SQL).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from db.core import Core, load
from db.entries import missing_required
from db.errors import KlaError
from db.records import ClusterStatus, EvidenceGap, EvidenceRecord, IndicatorStatus, KelurahanStatus
from db.refdata import RefData
from db.template import CellValues, Indicator, Template, part_whole_problems


def indicator_status(
    t: Template, ind: Indicator, eval_year: int, entry: dict[str, Any] | None, values: CellValues,
    evidence: list[EvidenceRecord],
) -> IndicatorStatus:
    """One indicator's status from its entry row, values and linked evidence (pure)."""
    required = [it for it in ind.items if it.required]
    missing = missing_required(t, ind, values)
    gaps = []
    for req in ind.evidence:
        of_kind = [e for e in evidence if e.kind == req.kind]
        too_old = 0
        if req.max_age_years is not None:
            too_old = sum(1 for e in of_kind if e.doc_date and int(e.doc_date[:4]) < eval_year - req.max_age_years)
        gaps.append(EvidenceGap(req.kind, req.label, req.min_count, len(of_kind) - too_old, too_old, req.required))
    req_ev = [g for g in gaps if g.required]
    total = len(required) + len(req_ev)
    done = (len(required) - len(missing)) + sum(1 for g in req_ev if g.satisfied)
    completeness = done / total if total else (1.0 if values else 0.0)
    problems = tuple(part_whole_problems(t, ind, values))
    status = entry["status"] if entry else ""
    if status == "ready":
        state = "ready"
    elif not values and not evidence:
        state = "empty"
    elif completeness >= 1.0 and not problems:
        state = "complete"
    else:
        state = "partial"
    return IndicatorStatus(
        ind.no, ind.cluster, ind.short_name, status, state, len(required), len(required) - len(missing),
        missing, tuple(gaps), problems, round(completeness, 4), len(evidence),
        (entry or {}).get("review_state", "") or "", (entry or {}).get("review_note", "") or "",
    )


class Status:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref

    def _gather(self, codes: list[str], data_year: int) -> dict[str, dict[str, Any]]:
        """Entries, values, evidence and counts of ``codes`` for one year, one query per table."""
        by: dict[str, dict[str, Any]] = {
            c: {"entries": {}, "values": {}, "evidence": {}, "ev_ids": set(), "activities": 0, "facilities": 0}
            for c in codes
        }
        if not codes:
            return by
        one = len(codes) == 1
        where = "= ?" if one else f"IN ({', '.join('?' * len(codes))})"
        for r in self.core.query(f"SELECT * FROM entries WHERE data_year = ? AND kelurahan_code {where}",
                                 [data_year, *codes]):
            by[r["kelurahan_code"]]["entries"][r["indicator_no"]] = r
        for r in self.core.query(
            "SELECT e.kelurahan_code, e.indicator_no, v.item_key, v.sex, v.age, v.value FROM entry_values v"
            f" JOIN entries e ON e.id = v.entry_id WHERE e.data_year = ? AND e.kelurahan_code {where}",
            [data_year, *codes],
        ):
            by[r["kelurahan_code"]]["values"].setdefault(r["indicator_no"], {})[
                (r["item_key"], r["sex"], r["age"])] = load(r["value"])
        for r in self.core.query(
            "SELECT e.*, l.indicator_no AS link_indicator FROM evidence e JOIN evidence_links l ON l.evidence_id = e.id"
            f" WHERE l.data_year = ? AND e.kelurahan_code {where} ORDER BY e.added_at, e.id", [data_year, *codes]
        ):
            rec = EvidenceRecord(
                r["id"], r["kelurahan_code"], r["sha256"], r["original_name"], r["mime"], r["size"], r["kind"],
                r["caption"], r["doc_date"], r["doc_number"], r["issuer"], r["revision"], r["operator"],
                r["added_at"], r["updated_at"], (),
            )
            b = by[r["kelurahan_code"]]
            b["evidence"].setdefault(r["link_indicator"], []).append(rec)
            b["ev_ids"].add(r["id"])
        for r in self.core.query(
            f"SELECT kelurahan_code, count(*) AS n FROM activities WHERE data_year = ? AND kelurahan_code {where}"
            " GROUP BY kelurahan_code", [data_year, *codes]
        ):
            by[r["kelurahan_code"]]["activities"] = r["n"]
        for r in self.core.query(
            f"SELECT kelurahan_code, count(*) AS n FROM facilities WHERE kelurahan_code {where} GROUP BY kelurahan_code",
            codes,
        ):
            by[r["kelurahan_code"]]["facilities"] = r["n"]
        return by

    def _kelurahan_status(self, kel: str, data_year: int, g: dict[str, Any]) -> KelurahanStatus:
        t = self.ref.template
        eval_year = self.ref.period_for_data_year(data_year).eval_year
        unit = self.ref.kelurahan(kel)
        kec = self.ref.unit(unit.parent_code or "")
        clusters = []
        all_ind: list[IndicatorStatus] = []
        for c in t.clusters:
            inds = tuple(
                indicator_status(t, ind, eval_year, g["entries"].get(ind.no), g["values"].get(ind.no, {}),
                                 g["evidence"].get(ind.no, []))
                for ind in t.indicators_of(c.key)
            )
            all_ind += inds
            comp = sum(i.completeness for i in inds) / len(inds) if inds else 0.0
            clusters.append(ClusterStatus(c.key, c.name, round(comp, 4), inds))
        overall = sum(i.completeness for i in all_ind) / len(all_ind) if all_ind else 0.0
        return KelurahanStatus(
            kel, unit.name, kec.code, kec.name, data_year, round(overall, 4), tuple(clusters),
            ready_count=sum(1 for i in all_ind if i.status == "ready"),
            evidence_count=len(g["ev_ids"]), activity_count=g["activities"], facility_count=g["facilities"],
        )

    def indicator(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> IndicatorStatus:
        kel = self.ref.kel(kelurahan_code)
        t = self.ref.template
        ind = t.indicator(indicator_no)
        eval_year = self.ref.period_for_data_year(data_year).eval_year
        entry = self.core.one("SELECT * FROM entries WHERE kelurahan_code = ? AND data_year = ? AND indicator_no = ?",
                              [kel, data_year, indicator_no])
        values: CellValues = {}
        if entry:
            values = {(r["item_key"], r["sex"], r["age"]): load(r["value"]) for r in self.core.query(
                "SELECT item_key, sex, age, value FROM entry_values WHERE entry_id = ?", [entry["id"]])}
        evidence = [
            EvidenceRecord(
                r["id"], r["kelurahan_code"], r["sha256"], r["original_name"], r["mime"], r["size"], r["kind"],
                r["caption"], r["doc_date"], r["doc_number"], r["issuer"], r["revision"], r["operator"],
                r["added_at"], r["updated_at"], (),
            )
            for r in self.core.query(
                "SELECT e.* FROM evidence e JOIN evidence_links l ON l.evidence_id = e.id WHERE e.kelurahan_code = ?"
                " AND l.data_year = ? AND l.indicator_no = ? ORDER BY e.added_at, e.id", [kel, data_year, indicator_no])
        ]
        return indicator_status(t, ind, eval_year, entry, values, evidence)

    def kelurahan(self, kelurahan_code: str | None, data_year: int) -> KelurahanStatus:
        """Completeness of one kelurahan for one data year, per klaster and indicator."""
        kel = self.ref.kel(kelurahan_code)
        self.ref.period_for_data_year(data_year)
        return self._kelurahan_status(kel, data_year, self._gather([kel], data_year)[kel])

    def city(self, data_year: int, codes: Iterable[str] | None = None) -> list[KelurahanStatus]:
        """Every kelurahan of the city (or just ``codes``) for one data year."""
        self.ref.period_for_data_year(data_year)
        if codes is None:
            wanted = [u.code for u in self.ref.units("kelurahan")]
        else:
            wanted = []
            for c in codes:
                u = self.ref.unit(c)
                if u.level != "kelurahan":
                    raise KlaError("kelurahan_unknown", code=c)
                wanted.append(u.code)
        gathered: dict[str, dict[str, Any]] = {}
        for n in range(0, len(wanted), 400):
            gathered.update(self._gather(wanted[n:n + 400], data_year))
        return [self._kelurahan_status(c, data_year, gathered[c]) for c in wanted]
