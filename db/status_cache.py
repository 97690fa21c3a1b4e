"""Each desa/kelurahan's computed status per data year, kept in ``status_cache`` (derived data).

Opening the DP3AKB window or ``kla status`` of a kabupaten of 1,000 units reads 1,000 rows
here instead of recomputing 24,000 indicator statuses from ~115,000 values. This module is
the only writer of the table (``tests/exports/test_table_owners.py``); ``db.status`` decides
what to compute and calls it.

**A stale status is a defect a user would see, so nothing has to remember to invalidate it.**
SQLite triggers (migration ``0009_status_cache``, :data:`TRIGGERS`) delete a unit-year's row
inside the very transaction that changes anything its status is computed from, whichever
module or program writes it:

- ``entries`` (status, review) and ``entry_values``: that unit and year, and the next data
  year (the change-from-last-year flags compare with it);
- ``evidence`` (kind, date, caption, name; a file removed): every year of its unit;
  ``evidence_links`` (placed, removed, requirement chosen): its unit and year;
- ``activities``: its unit and year; ``facilities``: every year of its unit (they are counted
  over all years);
- ``templates`` (a template or rubric installed, a version put in force): every row.

A rolled-back write rolls its deletions back with it, so the table never disagrees with the
data it was computed from. What a status also depends on is in each row's ``fingerprint``:
the template in force (id, version, content hash), the code that computes a status (the
source, or in a frozen build the bytecode, of the modules below) and the schema version
(any migration). The unit's name and kecamatan are not kept: they are filled in from
``org_units`` when read, so a rename or a move never needs a recompute. Kecamatan roll-ups,
the city's figures and indicator 2 are computed from the statuses (or their own reads) and are
not kept here.

Rows are written only from one read snapshot: the rows found and the statuses computed for
the missing ones are read in one read transaction, which then becomes the write; SQLite
refuses that upgrade at once when any other connection has committed since the snapshot
began (or holds the write lock), and then nothing is stored (the computed statuses are still
returned: they are right for the data they were read from). The write is not flushed to disk
on its own (``synchronous = NORMAL`` for that commit): a power cut may lose rows, never make
one wrong, and the next read computes them again.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import marshal
import sqlite3
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from db.core import Core
from db.digest import sha256
from db.records import ClusterStatus, EvidenceGap, IndicatorStatus, KelurahanStatus, StatusTally

FORMAT = 1
"""The layout of ``payload``; a change makes every row computed again (it is in the fingerprint)."""

CODE_MODULES = ("db.status", "db.status_cache", "db.rules", "db.freshness", "db.records", "db.template",
                "db.scoring", "db.flag_reads")
"""The modules a status is computed by: a program that computes it differently never reads another's rows."""

TRIGGERS = (
    "status_cache_entries_insert", "status_cache_entries_update", "status_cache_entries_delete",
    "status_cache_values_insert", "status_cache_values_update", "status_cache_values_delete",
    "status_cache_evidence_insert", "status_cache_evidence_update", "status_cache_evidence_delete",
    "status_cache_links_insert", "status_cache_links_update", "status_cache_links_delete",
    "status_cache_activities_insert", "status_cache_activities_update", "status_cache_activities_delete",
    "status_cache_facilities_insert", "status_cache_facilities_update", "status_cache_facilities_delete",
    "status_cache_templates_insert", "status_cache_templates_update", "status_cache_templates_delete",
)
"""Every trigger of migration 0009: the cache is used only while all of them are in the schema."""

COLUMNS = ("kelurahan_code", "data_year", "fingerprint", "completeness", "score_estimate", "ready", "evidence",
           "activities", "facilities", "tally", "payload", "summary")
"""The table's columns, in order (a table of another shape is not used)."""


def _trigger(name: str, event: str, table: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {body}; END"


def _any(refs: tuple[str, ...], condition: str) -> str:
    """``condition`` for the row as it was or as it is (``{r}`` is OLD or NEW), joined by OR: an
    ``IN (a, b)`` list costs SQLite a temporary table per row, an OR of two lookups does not."""
    return "(" + " OR ".join(f"({condition.format(r=r)})" for r in refs) + ")"


def migration() -> list[str]:
    """Migration ``0009_status_cache``: the table and the triggers that keep it true (never changed once released)."""
    out = [
        """CREATE TABLE status_cache (
            kelurahan_code TEXT NOT NULL,
            data_year INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            completeness REAL NOT NULL,
            score_estimate REAL NOT NULL,
            ready INTEGER NOT NULL,
            evidence INTEGER NOT NULL,
            activities INTEGER NOT NULL,
            facilities INTEGER NOT NULL,
            tally TEXT NOT NULL,
            payload TEXT NOT NULL,
            summary TEXT NOT NULL,
            PRIMARY KEY (kelurahan_code, data_year))""",
    ]
    # Each trigger deletes the kept rows its row's unit-years have (an update: what the row was
    # and what it is), and runs its DELETE only when there is one: an import writes hundreds of
    # values per unit, and after the first the rest cost one index probe each.
    for event, refs in (("insert", ("NEW",)), ("update", ("OLD", "NEW")), ("delete", ("OLD",))):
        ev = event.upper()
        for name, table, match in (
                ("entries", "entries", "SELECT rowid FROM status_cache WHERE " + _any(
                    refs, "kelurahan_code = {r}.kelurahan_code AND data_year BETWEEN {r}.data_year"
                          " AND {r}.data_year + 1")),
                ("values", "entry_values", "SELECT c.rowid FROM entries e CROSS JOIN status_cache c"
                 " ON c.kelurahan_code = e.kelurahan_code AND c.data_year BETWEEN e.data_year AND e.data_year + 1"
                 " WHERE " + _any(refs, "e.id = {r}.entry_id")),
                ("evidence", "evidence", "SELECT rowid FROM status_cache WHERE "
                 + _any(refs, "kelurahan_code = {r}.kelurahan_code")),
                ("links", "evidence_links", "SELECT c.rowid FROM evidence x CROSS JOIN status_cache c"
                 " ON c.kelurahan_code = x.kelurahan_code WHERE "
                 + _any(refs, "x.id = {r}.evidence_id AND c.data_year = {r}.data_year")),
                ("activities", "activities", "SELECT rowid FROM status_cache WHERE "
                 + _any(refs, "kelurahan_code = {r}.kelurahan_code AND data_year = {r}.data_year")),
                ("facilities", "facilities", "SELECT rowid FROM status_cache WHERE "
                 + _any(refs, "kelurahan_code = {r}.kelurahan_code"))):
            out.append(f"CREATE TRIGGER status_cache_{name}_{event} AFTER {ev} ON {table}"
                       f" WHEN EXISTS ({match}) BEGIN DELETE FROM status_cache WHERE rowid IN ({match}); END")
        out.append(_trigger(f"status_cache_templates_{event}", ev, "templates", "DELETE FROM status_cache"))
    return out


_CODE: str | None = None


def code_fingerprint() -> str:
    """A hash of the code that computes a status: its modules' source, or their bytecode where
    no source ships (a frozen build), once per process."""
    global _CODE
    if _CODE is None:
        import importlib

        h = sha256(f"format {FORMAT}".encode())
        for name in CODE_MODULES:
            mod = sys.modules.get(name) or importlib.import_module(name)
            loader: Any = getattr(mod.__spec__, "loader", None)
            data: bytes | None = None
            try:
                data = loader.get_data(mod.__file__)
            except Exception:  # noqa: BLE001 - no source file (frozen): the bytecode says the same
                try:
                    data = marshal.dumps(loader.get_code(name))
                except Exception:  # noqa: BLE001
                    data = None
            h.update(name.encode() + b"\0" + (data if data is not None else b"unknown"))
        _CODE = h.hexdigest()
    return _CODE


class Row(NamedTuple):
    """One unit-year as kept: the counts, the estimate, and the status in two JSON forms."""

    kelurahan_code: str
    completeness: float
    score_estimate: float
    ready: int
    evidence: int
    activities: int
    facilities: int
    tally: str  # JSON of db.records.StatusTally
    text: str  # ``payload`` (for :func:`decode`) or ``summary`` (db.status.clusters_json; '' = not made), as asked


class Slot(NamedTuple):
    """What decoding one indicator needs from the template: the indicator, its status when
    nothing is entered, and its evidence gaps when nothing is linked."""

    indicator: Any  # db.template.Indicator
    empty: IndicatorStatus
    no_evidence: tuple[EvidenceGap, ...]


Layout = tuple[tuple[Any, tuple[Slot, ...]], ...]  # (klaster, its indicators' slots) in template order


# ---------------------------------------------------------------------------- the payload


def _tuples(v: Any) -> Any:
    # A flag holds tuples (its cells, the indicators a rule names) and never a list.
    return tuple(_tuples(x) for x in v) if isinstance(v, list) else v


def encode(st: KelurahanStatus, layout: Layout) -> str:
    """``st``'s klaster and indicators as compact JSON (the unit's name and code are not kept).

    An indicator with nothing entered is ``0`` (the template's empty status), gaps laid out as
    the template's requirements are ``[have, too_old, ids]``."""
    clusters = []
    for (_c, slots), cs in zip(layout, st.clusters, strict=True):
        inds: list[Any] = []
        for slot, i in zip(slots, cs.indicators, strict=True):
            if i == slot.empty:
                inds.append(0)
                continue
            gaps: Any
            if i.evidence == slot.no_evidence:
                gaps = 0
            else:
                reqs = slot.indicator.evidence
                if len(reqs) == len(i.evidence) and all(
                        (g.kind, g.label, g.need, g.required, g.key) == (r.kind, r.label, r.min_count, r.required, r.key)
                        for g, r in zip(i.evidence, reqs, strict=True)):
                    gaps = [[g.have, g.too_old, list(g.evidence_ids)] for g in i.evidence]
                else:
                    gaps = [[g.have, g.too_old, list(g.evidence_ids), g.kind, g.label, g.need, g.required, g.key]
                            for g in i.evidence]
            inds.append([i.status, i.state, i.required_items, i.complete_items, list(i.missing_items), gaps,
                         list(i.problems), i.completeness, i.evidence_count, i.review_state, i.review_note,
                         list(i.flags)])
        clusters.append([cs.completeness, inds])
    return json.dumps(clusters, ensure_ascii=False, separators=(",", ":"))


def _maker(cls: type) -> Any:
    """A fast constructor of a frozen record from its field values in order: the instance's
    ``__dict__`` filled at once (a frozen dataclass sets each field through ``object.__setattr__``,
    twice the cost), checked once against the class's own constructor; the constructor itself when
    the class keeps no ``__dict__`` (slots) or the check fails."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    new = object.__new__

    def fast(values: Sequence[Any]) -> Any:
        o: Any = new(cls)
        o.__dict__.update(zip(names, values, strict=True))
        return o

    def plain(values: Sequence[Any]) -> Any:
        return cls(*values)

    probe = tuple(range(len(names)))
    try:
        ok = fast(probe) == plain(probe) and vars(fast(probe)) == vars(plain(probe))
    except Exception:  # noqa: BLE001
        ok = False
    return fast if ok else plain


_INDICATOR = _maker(IndicatorStatus)
_GAP = _maker(EvidenceGap)
_CLUSTER = _maker(ClusterStatus)


def _flag(f: dict[str, Any]) -> dict[str, Any]:
    return {k: _tuples(v) if isinstance(v, list) else v for k, v in f.items()}


def decode(text: str, layout: Layout) -> tuple[ClusterStatus, ...]:
    """The klaster statuses :func:`encode` kept (equal to the ones computed)."""
    out = []
    indicator, gap = _INDICATOR, _GAP
    for (c, slots), (comp, inds) in zip(layout, json.loads(text), strict=True):
        made = []
        for slot, x in zip(slots, inds, strict=True):
            if x == 0:
                made.append(slot.empty)
                continue
            ind = slot.indicator
            (status, state, required, complete, missing, gaps, problems, completeness, n_ev, review_state,
             review_note, flags) = x
            if gaps == 0:
                ev = slot.no_evidence
            else:
                reqs = ind.evidence
                ev = tuple(
                    gap((reqs[n].kind, reqs[n].label, reqs[n].min_count, g[0], g[1], reqs[n].required, reqs[n].key,
                         tuple(g[2])))
                    if len(g) == 3 else gap((g[3], g[4], g[5], g[0], g[1], g[6], g[7], tuple(g[2])))
                    for n, g in enumerate(gaps))
            made.append(indicator((
                ind.no, ind.cluster, ind.short_name, status, state, required, complete, tuple(missing), ev,
                tuple(problems) if problems else (), completeness, n_ev, review_state, review_note,
                tuple(_flag(f) for f in flags) if flags else ())))
        out.append(_CLUSTER((c.key, c.name, comp, tuple(made))))
    return tuple(out)


# ---------------------------------------------------------------------------- the table


class StatusCache:
    """Reads and writes of ``status_cache`` (the only writer)."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self._usable: bool | None = None
        self._schema = ""

    def usable(self) -> bool:
        """The table (of this shape) and every trigger that keeps it true are in the schema (a
        workspace a newer or older program rebuilt a table of, dropping its triggers, is computed
        afresh)."""
        if self._usable is None:
            names = {r[0] for r in self.core.db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'status\\_cache\\_%' ESCAPE '\\'")}
            columns = [r[1] for r in self.core.db.conn.execute("PRAGMA table_info(status_cache)")]
            self._usable = set(TRIGGERS) <= names and columns == list(COLUMNS)
            self._schema = str(self.core.db.conn.execute("PRAGMA schema_version").fetchone()[0])
        return self._usable

    def fingerprint(self, template: Any) -> str:
        """What every kept row must have been computed with: template, code, schema."""
        self.usable()
        return sha256(
            f"{template.id}\0{template.version}\0{template.content_hash}\0{code_fingerprint()}\0{self._schema}"
            .encode()).hexdigest()

    def read(self, codes: Sequence[str] | None, data_year: int, fingerprint: str, column: str) -> dict[str, Row]:
        """The kept rows of ``codes`` (None: every unit) for ``data_year``; ``column`` is 'payload' or 'summary'."""
        if not self.usable():
            return {}
        assert column in ("payload", "summary")
        sql = ("SELECT kelurahan_code, completeness, score_estimate, ready, evidence, activities, facilities, tally,"
               f" {column}"
               f" FROM status_cache WHERE data_year = ? AND fingerprint = ? AND json_valid({column}) AND json_valid(tally)")
        args: list[Any] = [data_year, fingerprint]
        if codes is not None:
            if len(codes) == 1:
                sql += " AND kelurahan_code = ?"
                args.append(codes[0])
            else:
                sql += " AND kelurahan_code IN (SELECT value FROM json_each(?))"
                args.append(json.dumps(list(codes)))
        return {r[0]: Row(*r) for r in self.core.db.conn.execute(sql, args)}

    def store(self, rows: Iterable[tuple[Any, ...]]) -> bool:
        """Keep ``rows`` (:func:`rows_of`), read in the open read transaction (or inside a
        write): False, and nothing kept, when another connection has written since it began."""
        return self._write("INSERT OR REPLACE INTO status_cache VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _write(self, sql: str, rows: Iterable[tuple[Any, ...]]) -> bool:
        if not self.usable():
            return False
        conn = self.core.db.conn
        if not conn.in_transaction:
            raise RuntimeError("status_cache written outside the transaction its rows were read in")
        conn.execute("SAVEPOINT status_cache")
        try:
            conn.executemany(sql, rows)
        except sqlite3.OperationalError:
            # Busy or a newer snapshot: another connection wrote meanwhile (SQLite never waits here).
            conn.execute("ROLLBACK TO status_cache")
            conn.execute("RELEASE status_cache")
            return False
        conn.execute("RELEASE status_cache")
        return True

    def add_summaries(self, rows: Iterable[tuple[str, str, int, str]]) -> bool:
        """Add the JSON text (summary, kelurahan_code, data_year, fingerprint) to rows kept without
        it, in the transaction they were read in; False, nothing written, as :meth:`store` says."""
        return self._write("UPDATE status_cache SET summary = ? WHERE kelurahan_code = ? AND data_year = ?"
                           " AND fingerprint = ?", rows)

    def clear(self) -> None:
        """Forget every kept status (they are computed again when next read)."""
        self.core.execute("DELETE FROM status_cache")


def rows_of(statuses: Mapping[str, tuple[KelurahanStatus, float, str, str]], data_year: int,
            fingerprint: str) -> list[tuple[Any, ...]]:
    """The table rows for computed statuses ({code: (status, score estimate, payload, summary)})."""
    return [(code, data_year, fingerprint, st.completeness, score, st.ready_count, st.evidence_count,
             st.activity_count, st.facility_count, json.dumps(list(st.tally)), payload, summary)
            for code, (st, score, payload, summary) in statuses.items()]


class KeptKelurahanStatus(KelurahanStatus):
    """A status read from ``status_cache``: equal to the one computed, its klaster decoded only
    when first asked for (the city summary needs only :attr:`tally` and the estimate of 1,000
    units, the matrix every indicator)."""

    # Made by :func:`kept` (no __init__ of its own: ``dataclasses.replace`` gives a plain copy).

    @functools.cached_property
    def clusters(self) -> tuple[ClusterStatus, ...]:
        d = self.__dict__
        return decode(d["_payload"], d["_layout"])

    @property
    def tally(self) -> StatusTally:
        return self.__dict__["_tally"]

    def estimate_under(self, template_key: tuple[Any, ...]) -> float | None:
        """The unofficial estimate kept with it, when it was kept under the template ``template_key``."""
        d = self.__dict__
        return d["_score"] if d["_template"] == template_key else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KelurahanStatus):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(KelurahanStatus))

    __hash__ = KelurahanStatus.__hash__


def kept(row: Row, name: str, kecamatan_code: str, kecamatan_name: str, data_year: int, layout: Layout,
         template_key: tuple[Any, ...]) -> KeptKelurahanStatus:
    """The status of a kept row (its unit's name and kecamatan as they are now)."""
    o = object.__new__(KeptKelurahanStatus)
    o.__dict__.update(
        kelurahan_code=row.kelurahan_code, kelurahan_name=name, kecamatan_code=kecamatan_code,
        kecamatan_name=kecamatan_name, data_year=data_year, completeness=row.completeness,
        ready_count=row.ready, evidence_count=row.evidence, activity_count=row.activities,
        facility_count=row.facilities, _payload=row.text, _layout=layout, _score=row.score_estimate,
        _template=template_key, _tally=StatusTally(*json.loads(row.tally)))
    return o
