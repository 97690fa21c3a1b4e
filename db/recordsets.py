"""Activities/innovations and child-friendly facilities: one implementation for both.

The only writer of ``activities``, ``activity_evidence``, ``facilities`` and
``facility_evidence``. Each kind is described by a :class:`Kind` (its table, join table,
fields and how a row becomes a record); reading, adding, updating, deleting, attaching
evidence and applying a bundle's version are written once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from db import rules, tombstones
from db.changes import Changes
from db.core import Core, dump, load, now_iso
from db.errors import KlaError
from db.ids import uuid4_hex
from db.record import record
from db.records import ActivityRecord, FacilityRecord
from db.refdata import RefData


@record
class Kind:
    name: str  # 'activity' | 'facility'
    table: str
    join: str
    col: str
    fields: tuple[str, ...]  # stored columns besides id, kelurahan_code, revision, operator, updated_at
    json_fields: tuple[str, ...]
    order: str
    search: tuple[str, str]
    unknown_code: str


ACTIVITY = Kind("activity", "activities", "activity_evidence", "activity_id",
                ("data_year", "kind", "title", "date", "description", "partners", "indicators"),
                ("partners", "indicators"), "date DESC, title", ("title", "description"), "activity_unknown")
FACILITY = Kind("facility", "facilities", "facility_evidence", "facility_id",
                ("name", "type", "address", "latitude", "longitude", "standardisation", "notes"),
                (), "type, name", ("name", "address"), "facility_unknown")
KINDS = {"activity": ACTIVITY, "facility": FACILITY}


class RecordSets:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref

    # ------------------------------------------------------------------ reads

    def _records(self, k: Kind, rows: list[dict[str, Any]]) -> list[Any]:
        ev: dict[str, list[str]] = {}
        ids = [r["id"] for r in rows]
        for n in range(0, len(ids), 500):
            chunk = ids[n:n + 500]
            for x in self.core.query(
                f"SELECT {k.col} AS owner, evidence_id FROM {k.join} WHERE {k.col} IN ({', '.join('?' * len(chunk))})"
                " ORDER BY evidence_id", chunk
            ):
                ev.setdefault(x["owner"], []).append(x["evidence_id"])
        out: list[Any] = []
        for r in rows:
            e = tuple(ev.get(r["id"], []))
            if k is ACTIVITY:
                out.append(ActivityRecord(
                    r["id"], r["kelurahan_code"], r["data_year"], r["kind"], r["title"], r["date"], r["description"],
                    tuple(load(r["partners"])), tuple(load(r["indicators"])), e, r["revision"], r["operator"],
                    r["updated_at"],
                ))
            else:
                out.append(FacilityRecord(
                    r["id"], r["kelurahan_code"], r["name"], r["type"], r["address"], r["latitude"], r["longitude"],
                    r["standardisation"], r["notes"], e, r["revision"], r["operator"], r["updated_at"],
                ))
        return out

    def get(self, kind: str, row_id: str) -> Any:
        k = KINDS[kind]
        found = self._records(k, self.core.rows(f"SELECT * FROM {k.table} WHERE id = ?", [row_id]))
        if not found:
            raise KlaError(k.unknown_code, id=row_id)
        return found[0]

    def list(self, kind: str, kelurahan_code: str | None = None, search: str = "", **where: Any) -> list[Any]:
        k = KINDS[kind]
        sql, params = f"SELECT * FROM {k.table} WHERE 1=1", []
        if self.core.role == "kelurahan" or kelurahan_code:
            sql += " AND kelurahan_code = ?"
            params.append(self.ref.kel(kelurahan_code))
        for col, value in where.items():
            if value:
                if col not in k.fields:
                    raise KlaError("field_unknown", fields=col)
                sql += f" AND {col} = ?"
                params.append(value)
        if search:
            a, b = k.search
            sql += f" AND ({a} LIKE ? OR {b} LIKE ?)"
            params += [f"%{search}%", f"%{search}%"]
        return self._records(k, self.core.rows(sql + f" ORDER BY {k.order}", params))

    def owner_of(self, kind: str, row_id: str) -> str | None:
        row = self.core.one(f"SELECT kelurahan_code FROM {KINDS[kind].table} WHERE id = ?", [row_id])
        return row["kelurahan_code"] if row else None

    def count(self, kind: str, kel: str, data_year: int | None = None) -> int:
        k = KINDS[kind]
        sql, params = f"SELECT count(*) AS n FROM {k.table} WHERE kelurahan_code = ?", list[Any]([kel])
        if data_year is not None and "data_year" in k.fields:
            sql += " AND data_year = ?"
            params.append(data_year)
        row = self.core.one(sql, params)
        return int(row["n"]) if row else 0

    # ------------------------------------------------------------------ rules

    def _clean(self, k: Kind, fields: dict[str, Any]) -> dict[str, Any]:
        if k is ACTIVITY:
            return rules.clean_activity(fields, self.ref.template.indicator, self.ref.period_for_data_year)
        return rules.clean_facility(fields)

    @staticmethod
    def _stored(k: Kind, value: Any, col: str) -> Any:
        return dump(list(value)) if col in k.json_fields else value

    def _changes(self, k: Kind, rec: Any, old: Any = None) -> Changes:
        inds: set[tuple[int, int]] = set()
        for r in (rec, old):
            if isinstance(r, ActivityRecord):
                inds |= {(r.data_year, i) for i in r.indicators}
        return Changes.of(k.name, rec.id, units=[rec.kelurahan_code], indicators=inds, record=rec)

    # ------------------------------------------------------------------ writes

    def add(self, kind: str, kelurahan_code: str | None, fields: dict[str, Any],
            evidence_ids: Iterable[str] = ()) -> Changes:
        k = KINDS[kind]
        kel = self.ref.kel(kelurahan_code)
        f = self._clean(k, fields)
        row_id = uuid4_hex()
        cols = [c for c in k.fields if c in f]
        with self.core.transaction():
            self.core.execute(
                f"INSERT INTO {k.table}(id, kelurahan_code, {', '.join(cols)}, revision, operator, updated_at)"
                f" VALUES (?, ?, {', '.join('?' * len(cols))}, 1, ?, ?)",
                [row_id, kel, *(self._stored(k, f[c], c) for c in cols), self.core.operator, now_iso()],
            )
            for eid in evidence_ids:
                self._attach(k, row_id, eid, bump=False)
            summary = {"title": f["title"]} if k is ACTIVITY else {"name": f["name"], "type": f["type"]}
            self.core.audit("create", k.name, row_id, None, summary)
        return self._changes(k, self.get(kind, row_id))

    def update(self, kind: str, row_id: str, fields: dict[str, Any]) -> Changes:
        k = KINDS[kind]
        unknown = set(fields) - set(k.fields)
        if unknown:
            raise KlaError("field_unknown", fields=", ".join(sorted(unknown)))
        rec = self.get(kind, row_id)
        self.ref.kel(rec.kelurahan_code)
        f = self._clean(k, fields)
        if not f:
            return Changes.none(rec)
        with self.core.transaction():
            sets = ", ".join(f"{c} = ?" for c in f)
            self.core.execute(
                f"UPDATE {k.table} SET {sets}, revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
                [*(self._stored(k, v, c) for c, v in f.items()), self.core.operator, now_iso(), row_id],
            )
            audit_new = fields if k is ACTIVITY else f
            self.core.audit("update", k.name, row_id, {c: getattr(rec, c) for c in audit_new}, audit_new)
        return self._changes(k, self.get(kind, row_id), rec)

    def delete(self, kind: str, row_id: str) -> Changes:
        k = KINDS[kind]
        rec = self.get(kind, row_id)
        self.ref.kel(rec.kelurahan_code)
        with self.core.transaction():
            self.core.execute(f"DELETE FROM {k.table} WHERE id = ?", [row_id])
            tombstones.add(self.core, k.name, row_id, rec.kelurahan_code)
            summary = {"title": rec.title} if k is ACTIVITY else {"name": rec.name}
            self.core.audit("delete", k.name, row_id, summary, None)
        return self._changes(k, rec)

    def _attach(self, k: Kind, row_id: str, evidence_id: str, bump: bool = True) -> bool:
        if self.core.one("SELECT 1 FROM evidence WHERE id = ?", [evidence_id]) is None:
            raise KlaError("evidence_unknown", id=evidence_id)
        cur = self.core.execute(f"INSERT OR IGNORE INTO {k.join}({k.col}, evidence_id) VALUES (?, ?)",
                                [row_id, evidence_id])
        if cur.rowcount and bump:
            self.core.execute(f"UPDATE {k.table} SET revision = revision + 1, updated_at = ? WHERE id = ?",
                              [now_iso(), row_id])
            self.core.audit("attach", k.name, f"{row_id}/{evidence_id}", None, evidence_id)
        return bool(cur.rowcount)

    def attach(self, kind: str, row_id: str, evidence_id: str) -> Changes:
        """Attach evidence to an activity or a facility."""
        k = KINDS[kind]
        rec = self.get(kind, row_id)
        with self.core.transaction():
            done = self._attach(k, row_id, evidence_id)
        return self._changes(k, self.get(kind, row_id)) | Changes.of("evidence", evidence_id) if done \
            else Changes.none(rec)

    def detach(self, kind: str, row_id: str, evidence_id: str) -> Changes:
        k = KINDS[kind]
        with self.core.transaction():
            cur = self.core.execute(f"DELETE FROM {k.join} WHERE {k.col} = ? AND evidence_id = ?", [row_id, evidence_id])
            if not cur.rowcount:
                return Changes.none()
            self.core.audit("detach", k.name, f"{row_id}/{evidence_id}", evidence_id, None)
        kel = self.owner_of(kind, row_id)
        return Changes.of(k.name, row_id, units=[kel or ""]) | Changes.of("evidence", evidence_id)

    # ------------------------------------------------------------------ from bundles

    def apply_bundle_item(self, kind: str, kel: str, row_id: str, d: dict[str, Any] | None,
                          evidence_owner: Callable[[str], str | None]) -> Changes:
        """Make ``kel``'s activity/facility equal to a bundle's version (None: deleted).

        Inside the caller's transaction. Evidence of another kelurahan is never attached.
        """
        k = KINDS[kind]
        if d is None:
            self.core.execute(f"DELETE FROM {k.table} WHERE id = ? AND kelurahan_code = ?", [row_id, kel])
            tombstones.add(self.core, k.name, row_id, kel, once=True)
            return Changes.of(k.name, row_id, units=[kel])
        cols = {c: d.get(c) for c in k.fields}
        for c in k.json_fields:
            cols[c] = json.dumps(d[c])
        cols["operator"] = d.get("operator", "")
        cols["updated_at"] = d.get("updated_at") or now_iso()
        if self.owner_of(kind, row_id) is None:
            self.core.execute(
                f"INSERT INTO {k.table}(id, kelurahan_code, {', '.join(cols)}, revision)"
                f" VALUES (?, ?, {', '.join('?' * len(cols))}, 1)", [row_id, kel, *cols.values()])
        else:
            self.core.execute(
                f"UPDATE {k.table} SET {', '.join(c + ' = ?' for c in cols)}, revision = revision + 1 WHERE id = ?",
                [*cols.values(), row_id])
        self.core.execute(f"DELETE FROM {k.join} WHERE {k.col} = ?", [row_id])
        for eid in d["evidence_ids"]:
            if evidence_owner(eid) == kel:
                self.core.execute(f"INSERT OR IGNORE INTO {k.join}({k.col}, evidence_id) VALUES (?, ?)", [row_id, eid])
        inds = {(int(d["data_year"]), int(i)) for i in d.get("indicators", [])} if k is ACTIVITY else set()
        return Changes.of(k.name, row_id, units=[kel], indicators=inds)
