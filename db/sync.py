"""Bookkeeping for submission bundles: keys, items, what DP3AKB holds, conflicts.

Plain functions over a :class:`db.store.Store` (no Qt, no cryptography: keys are stored as
the strings ``exports.keys`` produces). ``exports.bundle`` and ``exports.receipts`` build
and read files; this module decides what a bundle carries and what an import does to the
store. The model (see ``docs/bundle-format.md`` §5):

- An *item* is one unit of change of one kelurahan: an entry (all values of one
  kelurahan/year/indicator), an evidence record, an activity, a facility, or the tombstone
  of a deleted one. Its ``hash`` covers its meaning, not who typed it or when.
- Kelurahan side (``sync_local``): per item, ``held_hash`` is what the last receipt says
  DP3AKB holds, ``base_hash`` the version the local content descends from. An export
  carries every item whose hash differs from ``held_hash``, with its ``base_hash``.
- City side: the current content *is* what DP3AKB holds (receipts are computed from it);
  ``sync_origin`` remembers which device and export wrote each item, so an older bundle of
  the same device never overwrites a newer one, and a change from another device that was
  not built on the held version becomes a conflict (``sync_conflicts``), never an overwrite.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.store import FACILITY_TYPES, PARTNERS, STANDARDISATION, Store, _fsync_dir, now_iso
from db.template import EVIDENCE_KINDS, Item, parse_value

KINDS = ("evidence", "entry", "activity", "facility")
VOLATILE = frozenset({"operator", "updated_at", "added_at"})


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def item_hash(key: str, data: dict[str, Any] | None) -> str:
    body = None if data is None else {k: v for k, v in data.items() if k not in VOLATILE}
    return hashlib.sha256(canonical({"key": key, "deleted": data is None, "data": body}).encode()).hexdigest()


@dataclass(frozen=True)
class SyncItem:
    """One item: ``data`` is None for a tombstone (the thing was deleted)."""

    key: str
    data: dict[str, Any] | None
    hash: str = ""

    @property
    def kind(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def deleted(self) -> bool:
        return self.data is None

    @classmethod
    def make(cls, key: str, data: dict[str, Any] | None) -> SyncItem:
        return cls(key, data, item_hash(key, data))

    def to_json(self, base: str | None = None) -> dict[str, Any]:
        return {"key": self.key, "hash": self.hash, "base": base, "data": self.data}


@dataclass(frozen=True)
class OwnKey:
    key_id: str
    sign_private: str
    sign_public: str
    age_identity: str
    age_recipient: str
    created_at: str
    active: bool


@dataclass(frozen=True)
class PeerKey:
    key_id: str
    unit_code: str
    sign_public: str
    age_recipient: str
    label: str
    enrolled_at: str
    revoked_at: str | None
    revoke_reason: str

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    kelurahan_code: str
    item_key: str
    held_hash: str | None
    incoming_hash: str
    incoming: dict[str, Any] | None
    bundle_id: str
    device_id: str
    created_at: str
    resolved_at: str | None
    resolution: str


@dataclass(frozen=True)
class BundleLogRecord:
    bundle_id: str
    direction: str
    type: str
    kelurahan_code: str
    device_id: str
    device_seq: int
    series_id: str
    part: int
    parts: int
    file_name: str
    file_sha256: str
    size: int
    created_at: str
    recorded_at: str
    summary: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------- state


def state(store: Store, key: str, default: str = "") -> str:
    rows = list(store.db.query("SELECT value FROM sync_state WHERE key = ?", [key]))
    return rows[0]["value"] if rows else default


def set_state(store: Store, key: str, value: str) -> None:
    store.db.execute(
        "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def next_counter(store: Store, key: str) -> int:
    with store.db.atomic():
        n = int(state(store, key, "0") or 0) + 1
        set_state(store, key, str(n))
    return n


# ---------------------------------------------------------------------------- keys


def own_keys(store: Store, active_only: bool = True) -> list[OwnKey]:
    sql = "SELECT * FROM sync_own_keys" + (" WHERE active = 1" if active_only else "") + " ORDER BY created_at"
    return [
        OwnKey(r["key_id"], r["sign_private"], r["sign_public"], r["age_identity"], r["age_recipient"],
               r["created_at"], bool(r["active"]))
        for r in store.db.query(sql)
    ]


def add_own_key(store: Store, key_id: str, sign_private: str, sign_public: str, age_identity: str,
                age_recipient: str, *, replace: bool = False) -> None:
    """Keep a key pair; ``replace`` retires the previous ones (a kelurahan PC re-enrolled)."""
    with store.db.atomic():
        if replace:
            store.db.execute("UPDATE sync_own_keys SET active = 0")
        store.db.execute(
            "INSERT OR REPLACE INTO sync_own_keys(key_id, sign_private, sign_public, age_identity, age_recipient,"
            " created_at, active) VALUES (?, ?, ?, ?, ?, ?, 1)",
            [key_id, sign_private, sign_public, age_identity, age_recipient, now_iso()],
        )
        store._audit("create", "key", key_id, None, {"recipient": age_recipient})


def _peer(r: dict[str, Any]) -> PeerKey:
    return PeerKey(r["key_id"], r["unit_code"], r["sign_public"], r["age_recipient"], r["label"], r["enrolled_at"],
                   r["revoked_at"], r["revoke_reason"])


def peer_keys(store: Store, unit_code: str | None = None, include_revoked: bool = False) -> list[PeerKey]:
    sql, params = "SELECT * FROM sync_peer_keys WHERE 1=1", []
    if unit_code:
        sql += " AND unit_code = ?"
        params.append(unit_code)
    if not include_revoked:
        sql += " AND revoked_at IS NULL"
    return [_peer(r) for r in store.db.query(sql + " ORDER BY unit_code, enrolled_at", params)]


def peer_key(store: Store, key_id: str) -> PeerKey | None:
    rows = list(store.db.query("SELECT * FROM sync_peer_keys WHERE key_id = ?", [key_id]))
    return _peer(rows[0]) if rows else None


def add_peer_key(store: Store, key_id: str, unit_code: str, sign_public: str, age_recipient: str,
                 label: str = "") -> None:
    with store.db.atomic():
        store.db.execute(
            "INSERT OR IGNORE INTO sync_peer_keys(key_id, unit_code, sign_public, age_recipient, label, enrolled_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [key_id, unit_code, sign_public, age_recipient, label, now_iso()],
        )
        store._audit("enrol", "key", f"{unit_code}/{key_id}", None, {"recipient": age_recipient, "label": label})


def revoke_peer_keys(store: Store, unit_code: str, reason: str = "", key_id: str | None = None) -> int:
    """Revoke the active keys of a unit (or one key). Returns how many were revoked."""
    with store.db.atomic():
        sql = "UPDATE sync_peer_keys SET revoked_at = ?, revoke_reason = ? WHERE unit_code = ? AND revoked_at IS NULL"
        params: list[Any] = [now_iso(), reason, unit_code]
        if key_id:
            sql += " AND key_id = ?"
            params.append(key_id)
        n = store.db.execute(sql, params).rowcount
        if n:
            store._audit("revoke", "key", unit_code, None, {"count": n, "reason": reason})
    return n


# ---------------------------------------------------------------------------- items


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _entry_items(store: Store, kel: str, only: tuple[int, int] | None = None) -> Iterator[SyncItem]:
    sql, params = "SELECT * FROM entries WHERE kelurahan_code = ?", [kel]
    if only:
        sql += " AND data_year = ? AND indicator_no = ?"
        params += list(only)
    rows = list(store.db.query(sql + " ORDER BY data_year, indicator_no", params))
    values: dict[int, list[list[Any]]] = {}
    vsql = ("SELECT v.* FROM entry_values v JOIN entries e ON e.id = v.entry_id WHERE e.kelurahan_code = ?"
            + (" AND e.data_year = ? AND e.indicator_no = ?" if only else "") + " ORDER BY v.item_key, v.sex, v.age")
    for v in store.db.query(vsql, params):
        values.setdefault(v["entry_id"], []).append([v["item_key"], v["sex"], v["age"], _loads(v["value"])])
    for r in rows:
        vals = values.get(r["id"], [])
        if not vals and r["status"] == "draft" and not r["notes"]:
            continue  # an empty shell (e.g. created by a review) carries nothing
        data = {"data_year": r["data_year"], "indicator_no": r["indicator_no"], "status": r["status"],
                "notes": r["notes"], "template_id": r["template_id"], "template_version": r["template_version"],
                "values": vals, "operator": r["operator"], "updated_at": r["updated_at"]}
        yield SyncItem.make(f"entry/{r['data_year']}/{r['indicator_no']}", data)


def _evidence_items(store: Store, kel: str, only: str | None = None) -> Iterator[SyncItem]:
    sql, params = "SELECT * FROM evidence WHERE kelurahan_code = ?", [kel]
    if only:
        sql += " AND id = ?"
        params.append(only)
    links: dict[str, list[list[int]]] = {}
    lsql = "SELECT l.* FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id WHERE e.kelurahan_code = ?"
    for lr in store.db.query(lsql + (" AND e.id = ?" if only else "") + " ORDER BY 2, 3", params):
        links.setdefault(lr["evidence_id"], []).append([lr["data_year"], lr["indicator_no"]])
    for r in store.db.query(sql + " ORDER BY id", params):
        data = {k: r[k] for k in ("id", "sha256", "original_name", "mime", "size", "kind", "caption", "doc_date",
                                  "doc_number", "issuer", "operator", "added_at", "updated_at")}
        data["links"] = links.get(r["id"], [])
        yield SyncItem.make(f"evidence/{r['id']}", data)


def _owner_items(store: Store, kel: str, kind: str, only: str | None = None) -> Iterator[SyncItem]:
    table, join, col = {
        "activity": ("activities", "activity_evidence", "activity_id"),
        "facility": ("facilities", "facility_evidence", "facility_id"),
    }[kind]
    sql, params = f"SELECT * FROM {table} WHERE kelurahan_code = ?", [kel]
    if only:
        sql += " AND id = ?"
        params.append(only)
    ev: dict[str, list[str]] = {}
    for r in store.db.query(
        f"SELECT j.* FROM {join} j JOIN {table} t ON t.id = j.{col} WHERE t.kelurahan_code = ?"
        + (" AND t.id = ?" if only else "") + " ORDER BY 2", params
    ):
        ev.setdefault(r[col], []).append(r["evidence_id"])
    for r in store.db.query(sql + " ORDER BY id", params):
        data = {k: v for k, v in r.items() if k not in ("kelurahan_code", "revision")}
        if kind == "activity":
            data["partners"] = _loads(data["partners"])
            data["indicators"] = _loads(data["indicators"])
        data["evidence_ids"] = sorted(ev.get(r["id"], []))
        yield SyncItem.make(f"{kind}/{r['id']}", data)


def _tombstones(store: Store, kel: str, live: set[str], only: str | None = None) -> Iterator[SyncItem]:
    seen = set()
    sql, params = "SELECT entity, entity_id FROM deletions WHERE kelurahan_code = ?", [kel]
    for r in store.db.query(sql + " ORDER BY id", params):
        key = f"{r['entity']}/{r['entity_id']}"
        if r["entity"] not in KINDS or key in live or key in seen or (only and key != only):
            continue
        seen.add(key)
        yield SyncItem.make(key, None)


def items(store: Store, kel: str) -> list[SyncItem]:
    """Every item of a kelurahan, in the order an import applies them (evidence first)."""
    out: list[SyncItem] = []
    out += _evidence_items(store, kel)
    out += _entry_items(store, kel)
    out += _owner_items(store, kel, "activity")
    out += _owner_items(store, kel, "facility")
    live = {i.key for i in out}
    out += _tombstones(store, kel, live)
    return out


def item(store: Store, kel: str, key: str) -> SyncItem | None:
    """The current item ``key`` of ``kel`` (a tombstone if deleted; None if never seen)."""
    kind, _, rest = key.partition("/")
    found: list[SyncItem] = []
    if kind == "entry":
        y, _, i = rest.partition("/")
        found = list(_entry_items(store, kel, (int(y), int(i))))
    elif kind == "evidence":
        found = list(_evidence_items(store, kel, rest))
    elif kind in ("activity", "facility"):
        found = list(_owner_items(store, kel, kind, rest))
    if found:
        return found[0]
    tomb = list(_tombstones(store, kel, set(), key))
    return tomb[0] if tomb else None


# ---------------------------------------------------------------------------- validation


def _bad(key: str, detail: str, data: Any = None, **params: Any) -> KlaError:
    """``detail`` is a code (``value_invalid``, ``field_invalid`` ...); the front ends word it.

    ``name`` (the file name, title or facility name the item carries, when it is text) lets them
    say which thing was wrong without showing the item key.
    """
    if isinstance(data, dict) and "name" not in params:
        for k in ("original_name", "title", "name"):
            if isinstance(data.get(k), str) and data[k].strip():
                params["name"] = data[k].strip()[:80]
                break
    return KlaError("bundle_item_invalid", key=key, detail=detail, **params)


def _check_str(d: dict[str, Any], k: str, key: str, *, optional: bool = False, limit: int = 20000) -> None:
    v = d.get(k)
    if v is None and optional:
        return
    if not isinstance(v, str) or len(v) > limit:
        raise _bad(key, "field_invalid", d, field=k)


def validate_item(store: Store, kel: str, raw: Any) -> tuple[SyncItem, str | None]:
    """Check an incoming item's shape and values; returns (item, base). Raises KlaError."""
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
        raise _bad("?", "not_an_item")
    key = raw["key"]
    data = raw.get("data")
    base = raw.get("base")
    if base is not None and not (isinstance(base, str) and len(base) == 64):
        raise _bad(key, "base_invalid")
    kind, _, rest = key.partition("/")
    if kind not in KINDS or not rest or len(key) > 200:
        raise _bad(key, "kind_unknown")
    if data is not None and not isinstance(data, dict):
        raise _bad(key, "data_not_object")
    it = SyncItem.make(key, data)
    if raw.get("hash") != it.hash:
        raise _bad(key, "hash_mismatch", data)
    if data is None:
        if kind == "entry":
            raise _bad(key, "entry_deleted")
        return it, base
    if kind == "entry":
        y, _, i = rest.partition("/")
        if not (y.isdigit() and i.isdigit()) or data.get("data_year") != int(y) or data.get("indicator_no") != int(i):
            raise _bad(key, "key_mismatch")
        try:
            store.period_for_data_year(int(y))
            t = store.template_version(str(data.get("template_id")), int(data.get("template_version", 0)))
        except (KlaError, TypeError, ValueError) as exc:
            if isinstance(exc, KlaError) and exc.code == "template_missing":
                raise KlaError("bundle_template_unknown", id=data.get("template_id"),
                               version=data.get("template_version")) from exc
            raise _bad(key, "year_or_template_unknown") from exc
        if data.get("status") not in ("draft", "ready"):
            raise _bad(key, "status_invalid")
        _check_str(data, "notes", key)
        try:
            ind = t.indicator(int(i))
        except KlaError as exc:
            raise _bad(key, "indicator_unknown") from exc
        vals = data.get("values")
        if not isinstance(vals, list):
            raise _bad(key, "values_invalid")
        seen = set()
        for v in vals:
            if not (isinstance(v, list) and len(v) == 4 and all(isinstance(x, str) for x in v[:3])):
                raise _bad(key, "values_invalid")
            item_key, sex, age, value = v
            try:
                itm: Item = ind.item(item_key)
            except KlaError as exc:
                raise _bad(key, "item_unknown") from exc
            try:
                if (sex, age) not in t.cells(itm) or value is None or parse_value(itm, value) != value:
                    raise _bad(key, "value_invalid", item=itm.label)
            except KlaError as exc:
                if exc.code == "bundle_item_invalid":
                    raise
                raise _bad(key, "value_invalid", item=itm.label) from exc
            if (item_key, sex, age) in seen:
                raise _bad(key, "value_duplicate", item=itm.label)
            seen.add((item_key, sex, age))
    elif kind == "evidence":
        if data.get("id") != rest:
            raise _bad(key, "id_mismatch", data)
        sha = data.get("sha256")
        if not (isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
            raise _bad(key, "sha256_invalid", data)
        if data.get("kind") not in EVIDENCE_KINDS or not isinstance(data.get("size"), int) or data["size"] < 0:
            raise _bad(key, "kind_or_size_invalid", data)
        for k in ("original_name", "mime", "caption", "doc_number", "issuer"):
            _check_str(data, k, key)
        _check_str(data, "doc_date", key, optional=True)
        links = data.get("links")
        if not isinstance(links, list):
            raise _bad(key, "links_invalid", data)
        for ln in links:
            if not (isinstance(ln, list) and len(ln) == 2 and all(isinstance(x, int) for x in ln)):
                raise _bad(key, "links_invalid", data)
            try:
                store.period_for_data_year(ln[0])
            except KlaError as exc:
                raise _bad(key, "link_year_invalid", data, year=ln[0]) from exc
    else:
        if data.get("id") != rest:
            raise _bad(key, "id_mismatch", data)
        ev = data.get("evidence_ids")
        if not isinstance(ev, list) or not all(isinstance(e, str) for e in ev):
            raise _bad(key, "evidence_ids_invalid", data)
        if kind == "activity":
            _check_str(data, "title", key)
            _check_str(data, "description", key)
            _check_str(data, "date", key, optional=True)
            if data.get("kind") not in ("kegiatan", "inovasi") or not isinstance(data.get("data_year"), int):
                raise _bad(key, "activity_kind_or_year_invalid", data)
            if not isinstance(data.get("partners"), list) or not set(data["partners"]) <= set(PARTNERS):
                raise _bad(key, "partners_invalid", data)
            if not isinstance(data.get("indicators"), list) or not all(isinstance(x, int) for x in data["indicators"]):
                raise _bad(key, "indicators_invalid", data)
        else:
            for k in ("name", "address", "notes"):
                _check_str(data, k, key)
            if data.get("type") not in FACILITY_TYPES or data.get("standardisation") not in STANDARDISATION:
                raise _bad(key, "facility_type_invalid", data)
            for k in ("latitude", "longitude"):
                if data.get(k) is not None and not isinstance(data[k], int | float):
                    raise _bad(key, "coordinates_invalid", data)
    return it, base


# ---------------------------------------------------------------------------- apply


def _owner_of(store: Store, table: str, row_id: str) -> str | None:
    rows = list(store.db.query(f"SELECT kelurahan_code FROM {table} WHERE id = ?", [row_id]))
    return rows[0]["kelurahan_code"] if rows else None


def check_scope(store: Store, kel: str, it: SyncItem) -> None:
    """An item of kelurahan ``kel`` must never touch another kelurahan's rows."""
    kind, _, rest = it.key.partition("/")
    table = {"evidence": "evidence", "activity": "activities", "facility": "facilities"}.get(kind)
    if table:
        owner = _owner_of(store, table, rest)
        if owner is not None and owner != kel:
            raise KlaError("bundle_other_kelurahan", key=it.key, owner=owner, kelurahan=kel)
    if it.data and kind in ("activity", "facility"):
        for eid in it.data["evidence_ids"]:
            owner = _owner_of(store, "evidence", eid)
            if owner is not None and owner != kel:
                raise KlaError("bundle_other_kelurahan", key=it.key, owner=owner, kelurahan=kel)


def _tombstone(store: Store, kind: str, row_id: str, kel: str) -> None:
    exists = list(store.db.query(
        "SELECT 1 FROM deletions WHERE entity = ? AND entity_id = ? AND kelurahan_code = ?", [kind, row_id, kel]))
    if not exists:
        store.db.execute(
            "INSERT INTO deletions(entity, entity_id, kelurahan_code, operator, deleted_at) VALUES (?, ?, ?, ?, ?)",
            [kind, row_id, kel, store.operator, now_iso()],
        )


def apply_item(store: Store, kel: str, it: SyncItem, origin: str) -> None:
    """Make the store's version of ``it`` equal to ``it`` (inside the caller's transaction).

    Evidence files must already be in the content-addressed folder (:func:`adopt_file`).
    """
    kind, _, rest = it.key.partition("/")
    old = item(store, kel, it.key)
    d = it.data
    if d is None:
        table = {"evidence": "evidence", "activity": "activities", "facility": "facilities"}[kind]
        store.db.execute(f"DELETE FROM {table} WHERE id = ? AND kelurahan_code = ?", [rest, kel])
        _tombstone(store, kind, rest, kel)
    elif kind == "entry":
        row = store._entry_row(kel, d["data_year"], d["indicator_no"])
        if row is None:
            store.db.execute(
                "INSERT INTO entries(kelurahan_code, data_year, indicator_no, status, notes, revision, template_id,"
                " template_version, operator, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                [kel, d["data_year"], d["indicator_no"], d["status"], d["notes"], d["template_id"],
                 d["template_version"], d.get("operator", ""), d.get("updated_at") or now_iso()],
            )
            row = store._entry_row(kel, d["data_year"], d["indicator_no"])
            assert row is not None
        else:
            store.db.execute(
                "UPDATE entries SET status = ?, notes = ?, template_id = ?, template_version = ?, operator = ?,"
                " updated_at = ?, revision = revision + 1 WHERE id = ?",
                [d["status"], d["notes"], d["template_id"], d["template_version"], d.get("operator", ""),
                 d.get("updated_at") or now_iso(), row["id"]],
            )
        current = {(r["item_key"], r["sex"], r["age"]): r["value"] for r in store.db.query(
            "SELECT item_key, sex, age, value FROM entry_values WHERE entry_id = ?", [row["id"]])}
        incoming = {(k, s, a): json.dumps(v, ensure_ascii=False) for k, s, a, v in d["values"]}
        for cell in set(current) - set(incoming):
            store.db.execute("DELETE FROM entry_values WHERE entry_id = ? AND item_key = ? AND sex = ? AND age = ?",
                             [row["id"], *cell])
        for cell, text in incoming.items():
            if current.get(cell) == text:
                continue
            store.db.execute(
                "INSERT INTO entry_values(entry_id, item_key, sex, age, value, revision, operator, updated_at)"
                " VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(entry_id, item_key, sex, age) DO UPDATE SET"
                " value = excluded.value, revision = entry_values.revision + 1, operator = excluded.operator,"
                " updated_at = excluded.updated_at",
                [row["id"], *cell, text, d.get("operator", ""), d.get("updated_at") or now_iso()],
            )
    elif kind == "evidence":
        fields = ["sha256", "original_name", "mime", "size", "kind", "caption", "doc_date", "doc_number", "issuer"]
        if _owner_of(store, "evidence", rest) is None:
            same = list(store.db.query("SELECT id FROM evidence WHERE kelurahan_code = ? AND sha256 = ?",
                                       [kel, d["sha256"]]))
            if same:
                # The same file under another id (two PCs added it): one record per file.
                store.db.execute("DELETE FROM evidence WHERE id = ?", [same[0]["id"]])
                _tombstone(store, "evidence", same[0]["id"], kel)
            store.db.execute(
                f"INSERT INTO evidence(id, kelurahan_code, {', '.join(fields)}, revision, operator, added_at,"
                f" updated_at) VALUES (?, ?, {', '.join('?' * len(fields))}, 1, ?, ?, ?)",
                [rest, kel, *(d[f] for f in fields), d.get("operator", ""), d.get("added_at") or now_iso(),
                 d.get("updated_at") or now_iso()],
            )
        else:
            store.db.execute(
                f"UPDATE evidence SET {', '.join(f + ' = ?' for f in fields)}, revision = revision + 1,"
                " operator = ?, updated_at = ? WHERE id = ?",
                [*(d[f] for f in fields), d.get("operator", ""), d.get("updated_at") or now_iso(), rest],
            )
        store.db.execute("DELETE FROM evidence_links WHERE evidence_id = ?", [rest])
        for y, i in d["links"]:
            store.db.execute("INSERT OR IGNORE INTO evidence_links(evidence_id, data_year, indicator_no)"
                             " VALUES (?, ?, ?)", [rest, y, i])
    else:
        table, join, col = {
            "activity": ("activities", "activity_evidence", "activity_id"),
            "facility": ("facilities", "facility_evidence", "facility_id"),
        }[kind]
        if kind == "activity":
            cols = {"data_year": d["data_year"], "kind": d["kind"], "title": d["title"], "date": d.get("date"),
                    "description": d["description"], "partners": json.dumps(d["partners"]),
                    "indicators": json.dumps(d["indicators"])}
        else:
            cols = {k: d.get(k) for k in ("name", "type", "address", "latitude", "longitude", "standardisation",
                                          "notes")}
        cols["operator"] = d.get("operator", "")
        cols["updated_at"] = d.get("updated_at") or now_iso()
        if _owner_of(store, table, rest) is None:
            store.db.execute(
                f"INSERT INTO {table}(id, kelurahan_code, {', '.join(cols)}, revision)"
                f" VALUES (?, ?, {', '.join('?' * len(cols))}, 1)", [rest, kel, *cols.values()])
        else:
            store.db.execute(
                f"UPDATE {table} SET {', '.join(k + ' = ?' for k in cols)}, revision = revision + 1 WHERE id = ?",
                [*cols.values(), rest])
        store.db.execute(f"DELETE FROM {join} WHERE {col} = ?", [rest])
        for eid in d["evidence_ids"]:
            if _owner_of(store, "evidence", eid) == kel:
                store.db.execute(f"INSERT OR IGNORE INTO {join}({col}, evidence_id) VALUES (?, ?)", [rest, eid])
    store._audit("import", kind, f"{kel}/{it.key}", old.hash if old else None, {"hash": it.hash, "from": origin})


def adopt_file(store: Store, staged: Path, sha256: str) -> None:
    """Move a verified file into the content-addressed evidence folder (same disk: a rename)."""
    final = store.paths.evidence_file(sha256)
    if final.exists():
        staged.unlink(missing_ok=True)
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    with open(staged, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(staged, final)
    _fsync_dir(final.parent)


def has_file(store: Store, sha256: str) -> bool:
    return store.paths.evidence_file(sha256).exists()


# ---------------------------------------------------------------------------- city: decisions


@dataclass(frozen=True)
class Decision:
    """What an import does with one item. ``reason`` is a code the front ends word:
    ``decided_elsewhere`` (DP3AKB already chose another version), ``newer_received``
    (``params["seq"]``: the newer export of the same device already arrived), ``changed_both``
    (changed at DP3AKB and in the bundle)."""

    key: str
    outcome: str  # new | changed | unchanged | older | conflict | rejected
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)


def decide(store: Store, kel: str, it: SyncItem, base: str | None, device_id: str, seq: int) -> Decision:
    """What importing ``it`` (from device ``device_id``, export ``seq``) should do."""
    current = item(store, kel, it.key)
    if current is None:
        return Decision(it.key, "unchanged" if it.deleted else "new")
    if current.hash == it.hash:
        return Decision(it.key, "unchanged")
    rejected = list(store.db.query(
        "SELECT 1 FROM sync_rejected WHERE kelurahan_code = ? AND item_key = ? AND hash = ?", [kel, it.key, it.hash]))
    if rejected:
        return Decision(it.key, "rejected", "decided_elsewhere")
    origin = list(store.db.query("SELECT * FROM sync_origin WHERE kelurahan_code = ? AND item_key = ?", [kel, it.key]))
    o = origin[0] if origin else None
    if o and o["hash"] == current.hash and o["device_id"] == device_id:
        if o["device_seq"] > seq:
            return Decision(it.key, "older", "newer_received", {"seq": o["device_seq"]})
        if o["device_seq"] < seq:
            return Decision(it.key, "changed")
    if base is not None and base == current.hash:
        return Decision(it.key, "changed")
    return Decision(it.key, "conflict", "changed_both")


def record_origin(store: Store, kel: str, it: SyncItem, device_id: str, seq: int, bundle_id: str) -> None:
    store.db.execute(
        "INSERT INTO sync_origin(kelurahan_code, item_key, hash, device_id, device_seq, bundle_id, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kelurahan_code, item_key) DO UPDATE SET hash = excluded.hash,"
        " device_id = excluded.device_id, device_seq = excluded.device_seq, bundle_id = excluded.bundle_id,"
        " updated_at = excluded.updated_at",
        [kel, it.key, it.hash, device_id, seq, bundle_id, now_iso()],
    )


def add_conflict(store: Store, kel: str, it: SyncItem, held: str | None, bundle_id: str, device_id: str,
                 seq: int) -> bool:
    cur = store.db.execute(
        "INSERT OR IGNORE INTO sync_conflicts(kelurahan_code, item_key, held_hash, incoming_hash, incoming,"
        " bundle_id, device_id, device_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [kel, it.key, held, it.hash, json.dumps(it.data, ensure_ascii=False), bundle_id, device_id, seq, now_iso()],
    )
    return bool(cur.rowcount)


def _conflict(r: dict[str, Any]) -> ConflictRecord:
    return ConflictRecord(r["id"], r["kelurahan_code"], r["item_key"], r["held_hash"], r["incoming_hash"],
                          _loads(r["incoming"]), r["bundle_id"], r["device_id"], r["created_at"], r["resolved_at"],
                          r["resolution"])


def conflicts(store: Store, kel: str | None = None, open_only: bool = True) -> list[ConflictRecord]:
    sql, params = "SELECT * FROM sync_conflicts WHERE 1=1", []
    if kel:
        sql += " AND kelurahan_code = ?"
        params.append(kel)
    if open_only:
        sql += " AND resolved_at IS NULL"
    return [_conflict(r) for r in store.db.query(sql + " ORDER BY id", params)]


def resolve_conflict(store: Store, conflict_id: int, keep: str) -> ConflictRecord:
    """keep = 'held' (DP3AKB's current version stays) or 'incoming' (the bundle's version wins)."""
    if keep not in ("held", "incoming"):
        raise KlaError("conflict_choice_unknown", choice=keep)
    rows = list(store.db.query("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id]))
    if not rows:
        raise KlaError("conflict_unknown", id=conflict_id)
    c = _conflict(rows[0])
    if c.resolved_at:
        raise KlaError("conflict_resolved", id=conflict_id)
    with store.db.atomic():
        it = SyncItem.make(c.item_key, c.incoming)
        current = item(store, c.kelurahan_code, c.item_key)
        if keep == "incoming":
            if it.data and it.kind == "evidence" and not has_file(store, it.data["sha256"]):
                raise KlaError("conflict_file_missing", key=c.item_key)
            apply_item(store, c.kelurahan_code, it, f"conflict:{conflict_id}")
            record_origin(store, c.kelurahan_code, it, c.device_id, 0, c.bundle_id)
            loser = current.hash if current else None
        else:
            loser = it.hash
        if loser:
            store.db.execute("INSERT OR IGNORE INTO sync_rejected(kelurahan_code, item_key, hash, decided_at)"
                             " VALUES (?, ?, ?, ?)", [c.kelurahan_code, c.item_key, loser, now_iso()])
        store.db.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                         [now_iso(), keep, conflict_id])
        store._audit("resolve", "conflict", str(conflict_id), None, keep)
    return _conflict(next(iter(store.db.query("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id]))))


# ---------------------------------------------------------------------------- city: what it holds


def held_state(store: Store, kel: str) -> tuple[dict[str, str], list[str]]:
    """({item_key: hash}, [evidence sha256]) that DP3AKB holds for ``kel``.

    Evidence whose file is missing is not "held": the kelurahan then sends it again.
    """
    held: dict[str, str] = {}
    files: set[str] = set()
    for it in items(store, kel):
        if it.kind == "evidence" and it.data is not None:
            if not has_file(store, it.data["sha256"]):
                continue
            files.add(it.data["sha256"])
        held[it.key] = it.hash
    return held, sorted(files)


def rejected_state(store: Store, kel: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in store.db.query("SELECT item_key, hash FROM sync_rejected WHERE kelurahan_code = ? ORDER BY 1, 2", [kel]):
        out.setdefault(r["item_key"], []).append(r["hash"])
    return out


# ---------------------------------------------------------------------------- kelurahan: what to send


@dataclass(frozen=True)
class Outgoing:
    item: SyncItem
    base: str | None
    send_file: bool  # evidence whose file DP3AKB does not hold yet


def outgoing(store: Store) -> tuple[list[Outgoing], list[SyncItem]]:
    """(items DP3AKB has not acknowledged, items it rejected in a conflict and we still have)."""
    kel = store.kelurahan_code
    local = {r["item_key"]: r for r in store.db.query("SELECT * FROM sync_local")}
    files = {r["sha256"] for r in store.db.query("SELECT sha256 FROM sync_held_files")}
    out, rejected = [], []
    for it in items(store, kel):
        row = local.get(it.key)
        if row and row["held_hash"] == it.hash:
            continue
        if row and it.hash in json.loads(row["rejected"]):
            rejected.append(it)
            continue
        if row is None and it.deleted:
            continue  # created and deleted before DP3AKB ever saw it
        send_file = bool(it.kind == "evidence" and it.data and it.data["sha256"] not in files)
        out.append(Outgoing(it, row["base_hash"] if row else None, send_file))
    return out, rejected


def apply_receipt_state(store: Store, held: dict[str, str], files: Iterable[str],
                        rejected: dict[str, list[str]]) -> dict[str, int]:
    """Record what DP3AKB holds (inside the caller's transaction). Returns counts."""
    kel = store.kelurahan_code
    current = {it.key: it.hash for it in items(store, kel)}
    local = {r["item_key"]: r for r in store.db.query("SELECT * FROM sync_local")}
    acknowledged = 0
    for key in set(current) | set(held) | set(local):
        h = held.get(key)
        row = local.get(key)
        base = row["base_hash"] if row else None
        if h is not None and current.get(key) == h:
            base = h
            acknowledged += 1
        store.db.execute(
            "INSERT INTO sync_local(item_key, held_hash, base_hash, rejected) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(item_key) DO UPDATE SET held_hash = excluded.held_hash, base_hash = excluded.base_hash,"
            " rejected = excluded.rejected",
            [key, h, base, json.dumps(sorted(rejected.get(key, [])))],
        )
    store.db.execute("DELETE FROM sync_held_files")
    for sha in set(files):
        store.db.execute("INSERT INTO sync_held_files(sha256) VALUES (?)", [sha])
    pending = sum(1 for k, h in current.items() if held.get(k) != h)
    return {"acknowledged": acknowledged, "pending": pending}


# ---------------------------------------------------------------------------- bundle log


def bundle_seen(store: Store, bundle_id: str, direction: str = "in") -> BundleLogRecord | None:
    rows = list(store.db.query("SELECT * FROM sync_bundles WHERE bundle_id = ? AND direction = ?",
                               [bundle_id, direction]))
    return _bundle(rows[0]) if rows else None


def _bundle(r: dict[str, Any]) -> BundleLogRecord:
    return BundleLogRecord(r["bundle_id"], r["direction"], r["type"], r["kelurahan_code"], r["device_id"],
                           r["device_seq"], r["series_id"], r["part"], r["parts"], r["file_name"], r["file_sha256"],
                           r["size"], r["created_at"], r["recorded_at"], json.loads(r["summary"]))


def record_bundle(store: Store, rec: BundleLogRecord) -> None:
    store.db.execute(
        "INSERT OR REPLACE INTO sync_bundles(bundle_id, direction, type, kelurahan_code, device_id, device_seq,"
        " series_id, part, parts, file_name, file_sha256, size, created_at, recorded_at, summary)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [rec.bundle_id, rec.direction, rec.type, rec.kelurahan_code, rec.device_id, rec.device_seq, rec.series_id,
         rec.part, rec.parts, rec.file_name, rec.file_sha256, rec.size, rec.created_at, rec.recorded_at or now_iso(),
         json.dumps(rec.summary, ensure_ascii=False)],
    )


def bundle_log(store: Store, direction: str | None = None, kel: str | None = None) -> list[BundleLogRecord]:
    sql, params = "SELECT * FROM sync_bundles WHERE 1=1", []
    if direction:
        sql += " AND direction = ?"
        params.append(direction)
    if kel:
        sql += " AND kelurahan_code = ?"
        params.append(kel)
    return [_bundle(r) for r in store.db.query(sql + " ORDER BY recorded_at DESC, part", params)]


@dataclass(frozen=True)
class SeriesStatus:
    series_id: str
    kelurahan_code: str
    device_seq: int
    parts: int
    received: tuple[int, ...]

    @property
    def missing(self) -> tuple[int, ...]:
        return tuple(p for p in range(1, self.parts + 1) if p not in self.received)


def series_status(store: Store, kel: str | None = None, incomplete_only: bool = False) -> list[SeriesStatus]:
    by: dict[str, dict[str, Any]] = {}
    for b in bundle_log(store, "in", kel):
        if b.type != "bundle" or not b.series_id:
            continue
        s = by.setdefault(b.series_id, {"kel": b.kelurahan_code, "seq": b.device_seq, "parts": b.parts, "got": set()})
        s["got"].add(b.part)
    out = [SeriesStatus(sid, s["kel"], s["seq"], s["parts"], tuple(sorted(s["got"]))) for sid, s in by.items()]
    if incomplete_only:
        out = [s for s in out if s.missing]
    return sorted(out, key=lambda s: (s.kelurahan_code, s.device_seq))


@contextlib.contextmanager
def rollback_always(store: Store) -> Iterator[None]:
    """A savepoint that is always rolled back: the dry run of an import."""

    class _Rollback(Exception):
        pass

    try:
        with store.db.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass
