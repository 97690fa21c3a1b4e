"""A kelurahan's items as bundles carry them (reads only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from db.core import load
from db.sync import KINDS, SyncItem
from db.sync_parts.base import SyncBase

OWNER_TABLES = {
    "activity": ("activities", "activity_evidence", "activity_id"),
    "facility": ("facilities", "facility_evidence", "facility_id"),
}


def entry_item(r: dict[str, Any], vals: list[list[Any]]) -> SyncItem | None:
    """One ``entries`` row with its values (sorted by item, sex, age) as a bundle carries it."""
    if not vals and r["status"] == "draft" and not r["notes"]:
        return None  # an empty shell (e.g. created by a review) carries nothing
    data = {"data_year": r["data_year"], "indicator_no": r["indicator_no"], "status": r["status"],
            "notes": r["notes"], "template_id": r["template_id"], "template_version": r["template_version"],
            "values": vals, "operator": r["operator"], "updated_at": r["updated_at"]}
    return SyncItem.make(f"entry/{r['data_year']}/{r['indicator_no']}", data)


class ItemsPart(SyncBase):
    def _entry_items(self, kel: str, only: tuple[int, int] | None = None) -> Iterator[SyncItem]:
        sql, params = "SELECT * FROM entries WHERE kelurahan_code = ?", list[Any]([kel])
        if only:
            sql += " AND data_year = ? AND indicator_no = ?"
            params += list(only)
        rows = self.core.rows(sql + " ORDER BY data_year, indicator_no", params)
        values: dict[int, list[list[Any]]] = {}
        vsql = ("SELECT v.* FROM entry_values v JOIN entries e ON e.id = v.entry_id WHERE e.kelurahan_code = ?"
                + (" AND e.data_year = ? AND e.indicator_no = ?" if only else "") + " ORDER BY v.item_key, v.sex, v.age")
        for v in self.core.query(vsql, params):
            values.setdefault(v["entry_id"], []).append([v["item_key"], v["sex"], v["age"], load(v["value"])])
        for r in rows:
            it = entry_item(r, values.get(r["id"], []))
            if it is not None:
                yield it

    def entry_hashes(self, template_id: str, version: int, *, older: bool) -> dict[tuple[str, str], str]:
        """{(kelurahan, item key): hash} of every entry of ``template_id`` below ``version`` (``older``)
        or at it, for the whole workspace in two queries (a template put in force over every unit)."""
        cond = "e.template_id = ? AND e.template_version " + ("< ?" if older else "= ?")
        rows = self.core.rows("SELECT * FROM entries e WHERE " + cond, [template_id, version])
        values: dict[int, list[list[Any]]] = {}
        for v in self.core.query("SELECT v.* FROM entry_values v JOIN entries e ON e.id = v.entry_id WHERE " + cond
                                 + " ORDER BY v.entry_id, v.item_key, v.sex, v.age", [template_id, version]):
            values.setdefault(v["entry_id"], []).append([v["item_key"], v["sex"], v["age"], load(v["value"])])
        out: dict[tuple[str, str], str] = {}
        for r in rows:
            it = entry_item(r, values.get(r["id"], []))
            if it is not None:
                out[(r["kelurahan_code"], it.key)] = it.hash
        return out

    def _evidence_items(self, kel: str, only: str | None = None) -> Iterator[SyncItem]:
        sql, params = "SELECT * FROM evidence WHERE kelurahan_code = ?", [kel]
        if only:
            sql += " AND id = ?"
            params.append(only)
        links: dict[str, list[list[int]]] = {}
        chosen: dict[str, list[list[Any]]] = {}
        lsql = "SELECT l.* FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id WHERE e.kelurahan_code = ?"
        for lr in self.core.query(lsql + (" AND e.id = ?" if only else "") + " ORDER BY 2, 3", params):
            links.setdefault(lr["evidence_id"], []).append([lr["data_year"], lr["indicator_no"]])
            if lr["requirement"]:
                chosen.setdefault(lr["evidence_id"], []).append([lr["data_year"], lr["indicator_no"], lr["requirement"]])
        for r in self.core.query(sql + " ORDER BY id", params):
            data = {k: r[k] for k in ("id", "sha256", "original_name", "mime", "size", "kind", "caption", "doc_date",
                                      "doc_number", "issuer", "operator", "added_at", "updated_at")}
            data["links"] = links.get(r["id"], [])
            if r["id"] in chosen:
                # The requirement the clerk attached it to, per link (docs/bundle-format.md §5). Only when
                # one was chosen: a file without keeps the item (and its hash) as older versions wrote it.
                data["requirements"] = chosen[r["id"]]
            yield SyncItem.make(f"evidence/{r['id']}", data)

    def _owner_items(self, kel: str, kind: str, only: str | None = None) -> Iterator[SyncItem]:
        table, join, col = OWNER_TABLES[kind]
        sql, params = f"SELECT * FROM {table} WHERE kelurahan_code = ?", [kel]
        if only:
            sql += " AND id = ?"
            params.append(only)
        ev: dict[str, list[str]] = {}
        for r in self.core.query(
            f"SELECT j.* FROM {join} j JOIN {table} t ON t.id = j.{col} WHERE t.kelurahan_code = ?"
            + (" AND t.id = ?" if only else "") + " ORDER BY 2", params
        ):
            ev.setdefault(r[col], []).append(r["evidence_id"])
        for r in self.core.query(sql + " ORDER BY id", params):
            data = {k: v for k, v in r.items() if k not in ("kelurahan_code", "revision")}
            if kind == "activity":
                data["partners"] = load(data["partners"])
                data["indicators"] = load(data["indicators"])
            data["evidence_ids"] = sorted(ev.get(r["id"], []))
            yield SyncItem.make(f"{kind}/{r['id']}", data)

    def _tombstones(self, kel: str, live: set[str], only: str | None = None) -> Iterator[SyncItem]:
        seen = set()
        sql, params = "SELECT entity, entity_id FROM deletions WHERE kelurahan_code = ?", [kel]
        for r in self.core.query(sql + " ORDER BY id", params):
            key = f"{r['entity']}/{r['entity_id']}"
            if r["entity"] not in KINDS or key in live or key in seen or (only and key != only):
                continue
            seen.add(key)
            yield SyncItem.make(key, None)

    def units_with_items(self) -> set[str]:
        """Every unit with at least one live item (what :meth:`items` would give besides tombstones:
        a record, or an entry that is not an empty shell, :func:`entry_item`), in one query: a batch
        enrolment asks of them before it starts."""
        return {r["k"] for r in self.core.query(
            "SELECT kelurahan_code AS k FROM evidence UNION SELECT kelurahan_code FROM activities"
            " UNION SELECT kelurahan_code FROM facilities UNION SELECT e.kelurahan_code FROM entries e"
            " WHERE e.status != 'draft' OR e.notes != '' OR EXISTS (SELECT 1 FROM entry_values v WHERE v.entry_id = e.id)")}

    def items(self, kel: str) -> list[SyncItem]:
        """Every item of a kelurahan, in the order an import applies them (evidence first)."""
        out: list[SyncItem] = []
        out += self._evidence_items(kel)
        out += self._entry_items(kel)
        out += self._owner_items(kel, "activity")
        out += self._owner_items(kel, "facility")
        live = {i.key for i in out}
        out += self._tombstones(kel, live)
        return out

    def item(self, kel: str, key: str) -> SyncItem | None:
        """The current item ``key`` of ``kel`` (a tombstone if deleted; None if never seen)."""
        kind, _, rest = key.partition("/")
        found: list[SyncItem] = []
        if kind == "entry":
            y, _, i = rest.partition("/")
            found = list(self._entry_items(kel, (int(y), int(i))))
        elif kind == "evidence":
            found = list(self._evidence_items(kel, rest))
        elif kind in OWNER_TABLES:
            found = list(self._owner_items(kel, kind, rest))
        if found:
            return found[0]
        tomb = list(self._tombstones(kel, set(), key))
        return tomb[0] if tomb else None

    def has_file(self, sha256: str) -> bool:
        return self.evidence.has_file(sha256)

    def verify_file(self, sha256: str) -> str:
        """Read the file through (``db.evidence.Evidence.verify_file``): a damaged one is set aside."""
        return self.evidence.verify_file(sha256)

    def holds_file(self, sha256: str, size: int) -> bool:
        """The file is there with its size (``db.evidence.Evidence.holds``)."""
        return self.evidence.holds(sha256, size)
