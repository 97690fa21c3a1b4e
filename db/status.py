"""Completeness of kelurahan data: batched, and kept once computed (``db.status_cache``).

One kelurahan-year costs a handful of queries (entries, values, evidence with links,
activity and facility counts), whatever the number of indicators; a whole city costs the
same handful, one query per table for all kelurahan (``tests/db/test_status_queries.py``
holds the budget, ``bench/bench_store.py`` prints the cost against plain SQL).

What is computed is kept per unit and data year in ``status_cache`` and read back when
nothing it was computed from has changed since (triggers forget a row in the transaction
that changes its data; ``db/status_cache.py`` says what a status depends on). Opening a
kabupaten of 1,000 units reads 1,000 rows; only the units whose data changed are computed,
in the same read snapshot as the rows found, and kept when that snapshot is still the newest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from db import rules, status_cache
from db.core import Core, load
from db.errors import KlaError
from db.flag_reads import flag_context
from db.freshness import too_old as _too_old
from db.record import record
from db.records import ClusterStatus, EvidenceGap, EvidenceRecord, IndicatorStatus, KelurahanStatus
from db.refdata import RefData
from db.scoring import estimate
from db.status_cache import Layout, Slot, StatusCache
from db.template import CellValues, Indicator, Template


class EvidenceFact(NamedTuple):
    """What completeness needs of one linked evidence record."""

    id: str
    kind: str
    doc_date: str | None
    requirement: str = ""  # the requirement the clerk attached it to ('' = none chosen)
    text: str = ""  # caption and file name: which requirement of its kind it most likely is


@record
class _Plan:
    """One indicator's rules laid out once per template: cells to fill, parts and wholes."""

    indicator: Indicator
    required: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (item key, cells)
    parts: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # (part key, whole key, cells)
    required_counts: tuple[tuple[str, int], ...] = ()  # (item key, how many cells)
    no_evidence: tuple[EvidenceGap, ...] = ()  # the gaps when nothing is linked
    empty: dict[int, IndicatorStatus] = field(default_factory=dict, compare=False)  # by data year
    n_required_evidence: int = 0

    @classmethod
    def of(cls, t: Template, ind: Indicator) -> _Plan:
        required = tuple((it.key, tuple(t.cells(it))) for it in ind.items if it.required)
        return cls(
            ind,
            required,
            tuple((it.key, it.part_of, tuple(t.cells(it))) for it in ind.items if it.part_of),
            tuple((key, len(cells)) for key, cells in required),
            tuple(EvidenceGap(r.kind, r.label, r.min_count, 0, 0, r.required, r.key) for r in ind.evidence),
            n_required_evidence=sum(1 for r in ind.evidence if r.required),
        )


def _load_value(text: str) -> Any:
    # Most stored values are whole counts: skip the JSON parser for them.
    return int(text) if text.isdigit() else load(text)


@dataclass
class Facts:
    """What completeness needs of one entry's values: filled cells per item, how many values,
    and the cells where a part is larger than its whole."""

    filled: dict[str, int] = field(default_factory=dict)
    n_values: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    # The required items with every cell filled, when SQL counted them (the batched status):
    # then ``filled`` stays empty and Python never sees a row per item.
    complete: frozenset[str] | None = None

    @classmethod
    def of(cls, plan: _Plan, values: CellValues) -> Facts:
        f = cls(n_values=len(values))
        for key, _, _ in values:
            f.filled[key] = f.filled.get(key, 0) + 1
        for part, whole, cells in plan.parts:
            for s, a in cells:
                pv, wv = values.get((part, s, a)), values.get((whole, s, a))
                if pv is not None and wv is not None and pv > wv:
                    f.problems.append({"item": part, "whole": whole, "sex": s, "age": a, "part_value": pv,
                                       "whole_value": wv})
        return f


_NO_FACTS = Facts(complete=frozenset())  # an indicator with no values (shared, never changed)


def indicator_status(
    t: Template, ind: Indicator, data_year: int, entry: dict[str, Any] | None, facts: Facts,
    evidence: Sequence[EvidenceFact | EvidenceRecord], plan: _Plan | None = None,
    flags: tuple[dict[str, Any], ...] = (),
) -> IndicatorStatus:
    """One indicator's status from its entry row, value facts, linked evidence and flags (pure).

    Values are validated against the template's cells when stored, so an item is complete
    when as many of its cells are filled as the template has. ``flags`` (``db.rules.entry_flags``)
    are kept on the status; a blocking one keeps a full indicator from "complete"."""
    plan = plan or _Plan.of(t, ind)
    if not flags and entry is None and not facts.n_values and not evidence:
        # Nothing entered: the same answer for every kelurahan, made once per plan and year.
        cached = plan.empty.get(data_year)
        if cached is None:
            cached = plan.empty[data_year] = _compute(t, ind, data_year, None, facts, evidence, plan)
        return cached
    return _compute(t, ind, data_year, entry, facts, evidence, plan, flags)


def _compute(
    t: Template, ind: Indicator, data_year: int, entry: dict[str, Any] | None, facts: Facts,
    evidence: Sequence[EvidenceFact | EvidenceRecord], plan: _Plan, flags: tuple[dict[str, Any], ...] = (),
) -> IndicatorStatus:
    complete = facts.complete
    if complete is not None:
        missing = tuple(key for key, _ in plan.required_counts if key not in complete)
    else:
        filled = facts.filled
        missing = tuple(key for key, n in plan.required_counts if filled.get(key, 0) < n)
    n_required = len(plan.required_counts)
    n_required_ev = plan.n_required_evidence
    if evidence:
        gaps_list = []
        # Each file counts for one requirement only (db.rules.assign_evidence).
        def fresh(e: Any, req: Any) -> bool:
            return req.max_age_years is None or not _too_old(e.doc_date, data_year, req.max_age_years)

        for req, files in zip(ind.evidence, rules.assign_evidence(ind.evidence, evidence, fresh), strict=True):
            too_old = 0
            if req.max_age_years is not None:
                # Judged against the data year the evidence describes (db.freshness).
                too_old = sum(1 for e in files if _too_old(e.doc_date, data_year, req.max_age_years))
            gaps_list.append(EvidenceGap(req.kind, req.label, req.min_count, len(files) - too_old, too_old,
                                         req.required, req.key, tuple(e.id for e in files)))
        gaps = tuple(gaps_list)
        ev_done = sum(1 for g in gaps if g.required and g.satisfied)
    else:
        gaps, ev_done = plan.no_evidence, 0
    total = n_required + n_required_ev
    done = (n_required - len(missing)) + ev_done
    completeness = done / total if total else (1.0 if facts.n_values else 0.0)
    problems = facts.problems
    status = entry["status"] if entry else ""
    if status == "ready":
        state = "ready"
    elif not facts.n_values and not evidence:
        state = "empty"
    elif completeness >= 1.0 and not problems and not (flags and rules.blocking(flags)):
        state = "complete"  # a blocking flag keeps a full indicator from "complete"
    else:
        state = "partial"
    return IndicatorStatus(
        ind.no, ind.cluster, ind.short_name, status, state, n_required, n_required - len(missing),
        missing, gaps, tuple(problems), round(completeness, 4), len(evidence),
        (entry or {}).get("review_state", "") or "", (entry or {}).get("review_note", "") or "", flags,
    )


def indicator_json(i: IndicatorStatus) -> dict[str, Any]:
    """One indicator's status as ``kla status --json`` gives it (codes and numbers, no sentences)."""
    # One pass over the evidence gaps (IndicatorStatus.missing_evidence and too_old_evidence each walk
    # them again): a kabupaten's status has 24,000 of these.
    missing, too_old = [], 0
    for g in i.evidence:
        too_old += g.too_old
        if g.required and g.have < g.need:
            missing.append({"kind": g.kind, "label": g.label, "need": g.need, "have": g.have})
    return {"no": i.indicator_no, "short_name": i.short_name, "state": i.state, "status": i.status,
            "completeness": i.completeness, "missing_items": list(i.missing_items), "missing_evidence": missing,
            "too_old_evidence": too_old, "problems": list(i.problems), "review_state": i.review_state}


def clusters_json(st: KelurahanStatus) -> list[dict[str, Any]]:
    """A unit's klaster and indicators as ``kla status --json`` gives them."""
    return [{"key": c.key, "name": c.name, "completeness": c.completeness,
             "indicators": [indicator_json(i) for i in c.indicators]} for c in st.clusters]


def estimate_of(st: KelurahanStatus, template: Template) -> float:
    """:func:`db.scoring.estimate` of a unit's status: the one kept with it when it was kept under
    ``template``, else computed from its indicators (the same number)."""
    if isinstance(st, status_cache.KeptKelurahanStatus):
        got = st.estimate_under((template.id, template.version, template.content_hash))
        if got is not None:
            return got
    return estimate(template, st.indicators)


class StatusSummary(NamedTuple):
    """One unit's status in the form ``kla status --json`` lists a city's units, without the
    indicator objects: ``clusters`` is the JSON text of :func:`clusters_json` (ASCII), as kept."""

    kelurahan_code: str
    kelurahan_name: str
    kecamatan_code: str
    kecamatan_name: str
    data_year: int
    completeness: float
    score_estimate: float
    ready_count: int
    evidence_count: int
    activity_count: int
    facility_count: int
    clusters: str


class Status:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref
        self.cache = StatusCache(core)
        self.keep = True
        """Whether computed statuses are written to ``status_cache`` (False: a command reading
        while the window holds the workspace computes what is not kept and writes nothing)."""
        self._slots: dict[tuple[str, int, str, int], Layout] = {}
        self._plans: dict[tuple[str, int], dict[int, _Plan]] = {}
        self._order: tuple[int, dict[tuple[int, str, str, str], int]] | None = None
        self._layouts: tuple[tuple[str, int], tuple[tuple[Any, tuple[tuple[Indicator, _Plan], ...]], ...]] | None = None

    def _problem_order(self, plans: dict[int, _Plan]) -> dict[tuple[int, str, str, str], int]:
        key = id(plans)
        if self._order is None or self._order[0] != key:
            self._order = (key, {(no, part, sx, ag): n for no, plan in plans.items()
                                 for n, (part, sx, ag) in enumerate((pt, sx, ag) for pt, _, cells in plan.parts
                                                                    for sx, ag in cells)})
        return self._order[1]

    def _plan(self, t: Template) -> dict[int, _Plan]:
        key = (t.id, t.version)
        if key not in self._plans:
            self._plans[key] = {ind.no: _Plan.of(t, ind) for c in t.clusters for ind in t.indicators_of(c.key)}
        return self._plans[key]

    @staticmethod
    def _where(codes: list[str] | None, column: str = "e.kelurahan_code") -> tuple[str, list[Any]]:
        """The SQL that keeps the rows of ``codes`` (None: every unit of the store, no filter at all).

        Any number of codes is one parameter (a JSON array read by ``json_each``), so a
        kabupaten of 1,000 units is neither split into batches nor bound to SQLite's limit on
        parameters; one code uses the table's unique index directly."""
        if codes is None:
            return "", []
        if len(codes) == 1:
            return f" AND {column} = ?", [codes[0]]
        return f" AND {column} IN (SELECT value FROM json_each(?))", [json.dumps(codes)]

    def _gather(self, codes: list[str] | None, data_year: int, wanted: list[str] | None = None
                ) -> dict[str, dict[str, Any]]:
        """Entries, values, evidence and counts of ``codes`` for one year, one query per table.

        ``codes`` None reads every unit of the store with no filter (the whole city; rows of
        units not in ``wanted`` are skipped). Every join is written in the order SQLite should
        run it (``CROSS JOIN``): from this year's entries to their values by the primary key,
        never from an item's values across every unit and year (``idx_values_item``), which
        made the plausibility reads of 1,000 units cost seconds.
        """
        units = wanted if wanted is not None else (codes or [])
        by: dict[str, dict[str, Any]] = {
            c: {"entries": {}, "facts": {}, "evidence": {}, "ev_ids": set(), "activities": 0, "facilities": 0,
                "plaus": {"values": {}, "last": {}}}
            for c in units
        }
        if not units:
            return by
        conn = self.core.db.conn
        where, args = self._where(codes)
        plans = self._plan(self.ref.template)
        # One row per entry: SQLite counts its values and names the required items with every
        # cell filled; Python never sees the values themselves (115,000 a year in 1,000 units).
        # Item keys are template keys ([a-z][a-z0-9_]*): a space separates them safely.
        req = [(no, key, n) for no, plan in plans.items() for key, n in plan.required_counts]
        req_sql = f"WITH req(ind, item, n) AS (VALUES {', '.join(['(?, ?, ?)'] * len(req))}) " if req else ""
        complete_sql = (
            "(SELECT group_concat(r.item, ' ') FROM req r WHERE r.ind = e.indicator_no AND"
            " (SELECT count(*) FROM entry_values v WHERE v.entry_id = e.id AND v.item_key = r.item) >= r.n)"
            if req else "NULL")
        for kel, ind, status, review_state, review_note, n, complete in conn.execute(
            f"{req_sql}SELECT e.kelurahan_code, e.indicator_no, e.status, e.review_state, e.review_note,"
            f" (SELECT count(*) FROM entry_values v WHERE v.entry_id = e.id), {complete_sql}"
            f" FROM entries e WHERE e.data_year = ?{where}", [x for r in req for x in r] + [data_year, *args],
        ):
            b = by.get(kel)
            if b is None:
                continue
            b["entries"][ind] = {"status": status, "review_state": review_state, "review_note": review_note}
            if n:
                b["facts"][ind] = Facts(n_values=n, complete=frozenset(complete.split(" ")) if complete else frozenset())
        # Parts larger than their wholes, found by a join over the template's part/whole pairs.
        pairs = [(no, part, whole) for no, plan in plans.items() for part, whole, _ in plan.parts]
        if pairs:
            inds = sorted({no for no, _, _ in pairs})
            found = []
            for kel, ind, part, whole, sex, age, pv, wv in conn.execute(
                f"WITH pairs(ind, part, whole) AS (VALUES {', '.join(['(?, ?, ?)'] * len(pairs))})"
                " SELECT e.kelurahan_code, e.indicator_no, p.part, p.whole, a.sex, a.age, a.value, b.value"
                " FROM entries e CROSS JOIN pairs p ON p.ind = e.indicator_no"
                " CROSS JOIN entry_values a ON a.entry_id = e.id AND a.item_key = p.part"
                " CROSS JOIN entry_values b ON b.entry_id = e.id AND b.item_key = p.whole AND b.sex = a.sex"
                " AND b.age = a.age"
                f" WHERE e.data_year = ? AND e.indicator_no IN ({', '.join('?' * len(inds))}){where}"
                " AND CAST(a.value AS REAL) > CAST(b.value AS REAL)",
                [x for pair in pairs for x in pair] + [data_year, *inds, *args],
            ):
                if kel in by:
                    found.append((kel, ind, part, whole, sex, age, _load_value(pv), _load_value(wv)))
            # The order part_whole_problems gives: items as the template lists them, then cells.
            order = self._problem_order(plans)
            for kel, ind, part, whole, sex, age, pv, wv in sorted(
                    found, key=lambda r: (r[0], r[1], order.get((r[1], r[2], r[4], r[5]), 0))):
                by[kel]["facts"].setdefault(ind, Facts(complete=frozenset())).problems.append(
                    {"item": part, "whole": whole, "sex": sex, "age": age, "part_value": pv, "whole_value": wv})
        self._gather_plausibility(by, where, args, data_year)
        ev_where, ev_args = self._where(codes)
        for eid, kel, kind, doc_date, ind, req, text in conn.execute(
            "SELECT e.id, e.kelurahan_code, e.kind, e.doc_date, l.indicator_no, l.requirement,"
            " e.caption || ' ' || e.original_name FROM evidence e"
            " JOIN evidence_links l ON l.evidence_id = e.id"
            f" WHERE l.data_year = ?{ev_where}", [data_year, *ev_args]
        ):
            b = by.get(kel)
            if b is None:
                continue
            b["evidence"].setdefault(ind, []).append(EvidenceFact(eid, kind, doc_date, req, text))
            b["ev_ids"].add(eid)
        kel_where, kel_args = self._where(codes, "kelurahan_code")
        for kel, n in conn.execute(
            f"SELECT kelurahan_code, count(*) FROM activities WHERE data_year = ?{kel_where}"
            " GROUP BY kelurahan_code", [data_year, *kel_args]
        ):
            if kel in by:
                by[kel]["activities"] = n
        for kel, n in conn.execute(
            f"SELECT kelurahan_code, count(*) FROM facilities WHERE 1{kel_where} GROUP BY kelurahan_code", kel_args,
        ):
            if kel in by:
                by[kel]["facilities"] = n
        return by

    def _gather_plausibility(self, by: dict[str, dict[str, Any]], where: str, args: list[Any],
                             data_year: int) -> None:
        """What the plausibility flags need, in at most two queries for any number of kelurahan.

        The values of the items the template's rules and min-max ranges name, and the counts
        that moved by more than the year-change factor (SQL keeps only those pairs: the same
        test as :func:`db.rules.year_change_candidate`, which then decides). Stored per kelurahan
        as ``plaus`` = {"values": {ind: CellValues}, "last": {ind: CellValues}}.
        """
        t = self.ref.template
        conn = self.core.db.conn
        wanted = [(no, item) for no, items in sorted(rules.rule_items(t).items()) for item in sorted(items)]
        if wanted:
            inds = sorted({no for no, _ in wanted})
            for kel, ind, item, sex, age, value in conn.execute(
                f"WITH items(ind, item) AS (VALUES {', '.join(['(?, ?)'] * len(wanted))})"
                " SELECT e.kelurahan_code, e.indicator_no, v.item_key, v.sex, v.age, v.value"
                " FROM entries e CROSS JOIN items i ON i.ind = e.indicator_no"
                " CROSS JOIN entry_values v ON v.entry_id = e.id AND v.item_key = i.item"
                f" WHERE e.data_year = ? AND e.indicator_no IN ({', '.join('?' * len(inds))}){where}",
                [x for pair in wanted for x in pair] + [data_year, *inds, *args],
            ):
                b = by.get(kel)
                if b is not None:
                    b["plaus"]["values"].setdefault(ind, {})[(item, sex, age)] = _load_value(value)
        yc = t.plausibility.year_change
        counts = [(ind.no, it.key) for ind in t.indicators for it in ind.items
                  if it.type == "count" and it.year_change] if yc is not None else []
        if yc is not None and counts:
            inds = sorted({no for no, _ in counts})
            # Last year's entry once per entry, then this year's values of the counts concerned
            # (a row-value IN: one lookup in a small index per value, not a scan of the list).
            for kel, ind, item, sex, age, value, last in conn.execute(
                f"WITH items(ind, item) AS (VALUES {', '.join(['(?, ?)'] * len(counts))})"
                " SELECT e.kelurahan_code, e.indicator_no, a.item_key, a.sex, a.age, a.value, b.value"
                " FROM entries e CROSS JOIN entries p ON p.kelurahan_code = e.kelurahan_code"
                " AND p.data_year = ? AND p.indicator_no = e.indicator_no"
                " CROSS JOIN entry_values a ON a.entry_id = e.id"
                " CROSS JOIN entry_values b ON b.entry_id = p.id AND b.item_key = a.item_key AND b.sex = a.sex"
                " AND b.age = a.age"
                f" WHERE e.data_year = ? AND e.indicator_no IN ({', '.join('?' * len(inds))}){where}"
                " AND (e.indicator_no, a.item_key) IN (SELECT ind, item FROM items)"
                " AND max(CAST(a.value AS REAL), CAST(b.value AS REAL)) >= ?"
                " AND (CAST(a.value AS REAL) > ? * CAST(b.value AS REAL)"
                " OR CAST(b.value AS REAL) > ? * CAST(a.value AS REAL))",
                [x for pair in counts for x in pair] + [data_year - 1, data_year, *inds, *args, yc.min_count,
                                                        yc.factor, yc.factor],
            ):
                b = by.get(kel)
                if b is None:
                    continue
                p = b["plaus"]
                p["values"].setdefault(ind, {})[(item, sex, age)] = _load_value(value)
                p["last"].setdefault(ind, {})[(item, sex, age)] = _load_value(last)

    @staticmethod
    def _flags(t: Template, ind: Indicator, facts: Facts, plaus: dict[str, Any]) -> tuple[dict[str, Any], ...]:
        """One indicator's flags from what :meth:`_gather` read (the pure rules of ``db.rules``)."""
        values = plaus["values"].get(ind.no)
        if not facts.problems and not values:
            return ()
        return rules.entry_flags(t, ind, values or {}, plaus["last"].get(ind.no, {}), plaus["values"],
                                 facts.problems)

    def _layout(self, t: Template) -> tuple[tuple[Any, tuple[tuple[Indicator, _Plan], ...]], ...]:
        """The template's klaster with their indicators and plans, laid out once per template."""
        key = (t.id, t.version)
        if self._layouts is None or self._layouts[0] != key:
            plans = self._plan(t)
            self._layouts = (key, tuple((c, tuple((ind, plans[ind.no]) for ind in t.indicators_of(c.key)))
                                        for c in t.clusters))
        return self._layouts[1]

    def _kelurahan_status(self, kel: str, data_year: int, g: dict[str, Any]) -> KelurahanStatus:
        # The callers have refused a year of no period (once, not per unit).
        t = self.ref.template
        unit = self.ref.kelurahan(kel)
        kec = self.ref.unit(unit.parent_code or "")
        clusters = []
        all_ind: list[IndicatorStatus] = []
        entries, all_facts, evidence, plaus = g["entries"], g["facts"], g["evidence"], g["plaus"]
        for c, members in self._layout(t):
            inds = []
            for ind, plan in members:
                no = ind.no
                facts = all_facts.get(no, _NO_FACTS)
                inds.append(indicator_status(t, ind, data_year, entries.get(no), facts, evidence.get(no, ()), plan,
                                             self._flags(t, ind, facts, plaus)))
            all_ind += inds
            comp = sum(i.completeness for i in inds) / len(inds) if inds else 0.0
            clusters.append(ClusterStatus(c.key, c.name, round(comp, 4), tuple(inds)))
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
        self.ref.period_for_data_year(data_year)  # a year of no period is refused
        entry = self.core.one("SELECT * FROM entries WHERE kelurahan_code = ? AND data_year = ? AND indicator_no = ?",
                              [kel, data_year, indicator_no])
        values: CellValues = {}
        if entry:
            values = {(k, sx, a): _load_value(v) for k, sx, a, v in self.core.db.conn.execute(
                "SELECT item_key, sex, age, value FROM entry_values WHERE entry_id = ?", [entry["id"]])}
        evidence = [
            EvidenceFact(*row) for row in self.core.db.conn.execute(
                "SELECT e.id, e.kind, e.doc_date, l.requirement, e.caption || ' ' || e.original_name FROM evidence e"
                " JOIN evidence_links l ON l.evidence_id = e.id"
                " WHERE e.kelurahan_code = ? AND l.data_year = ? AND l.indicator_no = ? ORDER BY e.added_at, e.id",
                [kel, data_year, indicator_no])
        ]
        plan = self._plan(t).get(ind.no) or _Plan.of(t, ind)
        facts = Facts.of(plan, values)
        flags: tuple[dict[str, Any], ...] = ()
        if values:
            last, others = flag_context(self.core, t, kel, data_year, indicator_no)
            flags = rules.entry_flags(t, ind, values, last, others, facts.problems)
        return indicator_status(t, ind, data_year, entry, facts, evidence, plan, flags)

    def kelurahan(self, kelurahan_code: str | None, data_year: int, *, fresh: bool = False) -> KelurahanStatus:
        """Completeness of one kelurahan for one data year, per klaster and indicator (``fresh``:
        computed from the data, the kept status neither read nor written)."""
        kel = self.ref.kel(kelurahan_code)
        self.ref.period_for_data_year(data_year)
        if fresh:
            return self._kelurahan_status(kel, data_year, self._gather([kel], data_year)[kel])
        return self._read([kel], data_year, False, "payload")[1][kel]

    def _wanted(self, codes: Iterable[str] | None) -> list[str]:
        if codes is None:
            return [u.code for u in self.ref.units("kelurahan")]
        wanted = []
        for c in codes:
            u = self.ref.unit(c)
            if u.level != "kelurahan":
                raise KlaError("kelurahan_unknown", code=c)
            wanted.append(u.code)
        return wanted

    def city(self, data_year: int, codes: Iterable[str] | None = None, *, fresh: bool = False) -> list[KelurahanStatus]:
        """Every kelurahan of the city (or just ``codes``) for one data year (``fresh``: as
        :meth:`kelurahan` says)."""
        self.ref.period_for_data_year(data_year)
        wanted = self._wanted(codes)
        if fresh:
            # The whole city reads every row of the year with no filter at all (the store holds its
            # units only); a few senders are filtered by code.
            gathered = self._gather(None if codes is None else wanted, data_year, wanted)
            return [self._kelurahan_status(c, data_year, gathered[c]) for c in wanted]
        statuses = self._read(wanted, data_year, codes is None, "payload")[1]
        return [statuses[c] for c in wanted]

    def summaries(self, data_year: int, codes: Iterable[str] | None = None) -> list[StatusSummary]:
        """:meth:`city` in the form ``kla status --json`` lists it: no indicator objects are made
        for a kept status (its JSON text is kept beside it)."""
        self.ref.period_for_data_year(data_year)
        wanted = self._wanted(codes)
        kept, statuses, texts = self._read(wanted, data_year, codes is None, "summary")
        t = self.ref.template
        out = []
        for c in wanted:
            unit = self.ref.kelurahan(c)
            kec = self.ref.unit(unit.parent_code or "")
            st = statuses.get(c)
            if st is not None:
                out.append(StatusSummary(c, unit.name, kec.code, kec.name, data_year, st.completeness,
                                         estimate_of(st, t), st.ready_count, st.evidence_count,
                                         st.activity_count, st.facility_count, texts[c]))
            else:
                r = kept[c]
                out.append(StatusSummary(c, unit.name, kec.code, kec.name, data_year, r.completeness,
                                         r.score_estimate, r.ready, r.evidence, r.activities, r.facilities, r.text))
        return out

    # ------------------------------------------------------------------ kept statuses

    def _layout_slots(self, t: Template, data_year: int) -> Layout:
        """What decoding a kept status needs, per template and data year."""
        key = (t.id, t.version, t.content_hash, data_year)
        got = self._slots.get(key)
        if got is None:
            got = tuple(
                (c, tuple(Slot(ind, indicator_status(t, ind, data_year, None, _NO_FACTS, (), plan), plan.no_evidence)
                          for ind, plan in members))
                for c, members in self._layout(t))
            self._slots = {key: got}
        return got

    def _kept_statuses(self, rows: dict[str, status_cache.Row], t: Template, data_year: int
                       ) -> dict[str, KelurahanStatus]:
        """The statuses of kept rows read with their payload (klaster decoded when first asked for,
        KeptKelurahanStatus: the summary needs the tally); a unit no longer in the store is dropped."""
        layout = self._layout_slots(t, data_year)
        key = (t.id, t.version, t.content_hash)
        out: dict[str, KelurahanStatus] = {}
        for c, r in rows.items():
            try:
                unit = self.ref.kelurahan(c)
                kec = self.ref.unit(unit.parent_code or "")
            except KlaError:
                continue
            out[c] = status_cache.kept(r, unit.name, kec.code, kec.name, data_year, layout, key)
        return out

    def _read(self, wanted: list[str], data_year: int, every: bool, column: str
              ) -> tuple[dict[str, status_cache.Row], dict[str, KelurahanStatus], dict[str, str]]:
        """(kept rows of ``wanted``, statuses, JSON texts made), read in one snapshot.

        With ``column`` 'payload': the status of every unit (kept ones decoded lazily). With
        'summary' (``kla status``): the kept rows with their JSON text; for the units kept without
        it (the window does not make it) their status and the text made now and kept; for the rest
        their status computed. What is computed or made is kept when that snapshot is still the
        newest (``every``: ``wanted`` is every unit of the store)."""
        t = self.ref.template
        conn = self.core.db.conn
        outer = conn.in_transaction
        level = 0
        if not outer:
            # The rows written here are derived: not flushed on their own (a power cut loses them,
            # never makes one wrong). The level can only change outside a transaction.
            level = int(conn.execute("PRAGMA synchronous").fetchone()[0]) if self.keep else 0
            if level > 1:
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("BEGIN")
        try:
            fp = self.cache.fingerprint(t)
            kept = self.cache.read(None if every else wanted, data_year, fp, column)
            statuses: dict[str, KelurahanStatus] = {}
            texts: dict[str, str] = {}
            if column == "payload":
                statuses = self._kept_statuses(kept, t, data_year)
                kept = {c: r for c, r in kept.items() if c in statuses}
            missing = [c for c in wanted if c not in kept]
            if column == "summary" and missing:
                # Kept by the window without the JSON text: decoded, the text made and added to the row.
                decoded = self._kept_statuses(self.cache.read(missing, data_year, fp, "payload"), t, data_year)
                statuses.update(decoded)
                texts.update((c, _summary_text(st)) for c, st in decoded.items())
                missing = [c for c in missing if c not in decoded]
                if decoded and self.keep:
                    self.cache.add_summaries([(texts[c], c, data_year, fp) for c in decoded])
            if missing:
                few = not every or 2 * len(missing) < len(wanted)
                gathered = self._gather(missing if few else None, data_year, missing)
                computed = {c: self._kelurahan_status(c, data_year, gathered[c]) for c in missing}
                statuses.update(computed)
                if column == "summary":
                    texts.update((c, _summary_text(st)) for c, st in computed.items())
                # The JSON ``kla status`` splices is made when it asks (a kept row without it, '',
                # reads as missing there): the window does not pay for it.
                if self.keep and self.cache.usable():
                    layout = self._layout_slots(t, data_year)
                    self.cache.store(status_cache.rows_of(
                        {c: (st, estimate(t, st.indicators), status_cache.encode(st, layout), texts.get(c, ""))
                         for c, st in computed.items()}, data_year, fp))
            if not outer:
                conn.commit()
        except BaseException:
            if not outer:
                conn.rollback()
            raise
        finally:
            if level > 1:
                conn.execute(f"PRAGMA synchronous = {level}")
        return kept, statuses, texts


def _summary_text(st: KelurahanStatus) -> str:
    return json.dumps(clusters_json(st), ensure_ascii=True, separators=(",", ":"))
