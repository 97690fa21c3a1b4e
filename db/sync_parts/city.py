"""DP3AKB's side of an import: what each incoming item does, and conflicts.

The only writer of ``sync_origin``, ``sync_rejected`` and ``sync_conflicts``. Applying an
item hands each table to its owner (``db.entries``, ``db.evidence``, ``db.recordsets``),
so a value that arrives in a bundle passes the rules a typed value passes
(``db.rules.check_cell``, in ``db.sync.validate_item``) and follows the same revision rules.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import sync as model
from db.changes import Changes
from db.core import dump, load, now_iso
from db.errors import KlaError
from db.sync import ConflictRecord, Decision, SyncItem
from db.sync_parts.items import ItemsPart


@functools.lru_cache(maxsize=4096)
def _synced(kel: str) -> Changes:
    """What DP3AKB holds of ``kel`` changed: the same small value for every item of a bundle."""
    return Changes.of("sync", kel, units=[kel])


@functools.lru_cache(maxsize=64)
def _text(origin: str) -> str:
    """``dump(origin)``, made once for the many items of one bundle."""
    return dump(origin)


def _conflict(r: dict[str, Any]) -> ConflictRecord:
    return ConflictRecord(r["id"], r["kelurahan_code"], r["item_key"], r["held_hash"], r["incoming_hash"],
                          load(r["incoming"]), r["bundle_id"], r["device_id"], r["created_at"], r["resolved_at"],
                          r["resolution"])


@dataclass
class _Held:
    """What DP3AKB holds of one kelurahan, read once for one bundle (:meth:`CityPart.reading`).

    Trusted only while this connection's own bundle writes are the only ones since it was
    read (``stamp``: the transaction and ``total_changes`` after the last of them); an item
    written since (``stale``) is read again; a deletion (which may change other items: an
    activity loses the deleted evidence) drops ``items``, read item by item from then on.
    """

    kel: str
    items: dict[str, SyncItem] | None
    origins: dict[str, dict[str, Any]] | None
    rejected: set[tuple[str, str]] | None
    stamp: tuple[int, int] = (0, 0)
    stale: set[str] = field(default_factory=set)
    audit: list[list[Any]] = field(default_factory=list)
    """The bundle's audit lines, written together when it ends (in its transaction)."""
    entry_rows: set[tuple[int, int]] | None = None
    """(data year, indicator) of the kelurahan's ``entries`` rows (an empty shell is a row but no item),
    kept current by the bundle's own entries."""
    evidence_new: list[tuple[list[Any], list[list[Any]]]] = field(default_factory=list)
    """The bundle's new evidence records not yet written (``Evidence.new_bundle_record``): written
    together before anything reads or writes what they touch (:meth:`CityPart._write_pending`)."""
    entries_new: list[tuple[list[Any], list[list[Any]]]] = field(default_factory=list)
    """The bundle's entries new here, not yet written (``Entries.new_bundle_entry``), as ``evidence_new``."""
    evidence_ids: set[str] = field(default_factory=set)
    evidence_files: set[str] = field(default_factory=set)
    """The ids and files (SHA-256) of ``evidence_new``."""
    origin_rows: list[dict[str, Any]] = field(default_factory=list)
    """The bundle's ``sync_origin`` rows not yet written: kept in ``origins`` (what the bundle's
    decisions read) and written together when it ends, or before anything else reads or writes."""


class CityPart(ItemsPart):
    # ------------------------------------------------------------------ checks

    def validate_item(self, kel: str, raw: Any) -> tuple[SyncItem, str | None]:
        """An incoming item's shape and, for an entry, each value through the rules a typed value
        meets (``db.sync.validate_item``, by ``db.rules.check_cell``: one pass, not two). Rules
        between values refuse nothing, as when typed: the entry is flagged."""
        return model.validate_item(self.ref, kel, raw)

    def check_scope(self, kel: str, it: SyncItem) -> None:
        """An item of kelurahan ``kel`` must never touch another kelurahan's rows."""
        kind, _, rest = it.key.partition("/")
        owner: str | None = None
        view = self._held_now(kel)
        if view is not None and (view.evidence_new or view.entries_new) and kind != "entry" and not (
                kind == "evidence" and it.data and rest not in view.evidence_ids
                and it.data["sha256"] not in view.evidence_files):
            self._write_pending(view)  # what is looked up next may be one of them
        if kind == "evidence" and it.data:
            # Its owner and what applying it looks up, in one query (kept for apply_item while
            # nothing is written in between: the same transaction and count of changed rows).
            found = self.evidence.bundle_probe(rest, kel, it.data["sha256"])
            self._probe = (kel, it, self.core.transactions, self.core.db.conn.total_changes, found)
            owner = next((r["kelurahan_code"] for r in found if r["id"] == rest), None)
        elif kind == "evidence":
            owner = self.evidence.owner_of(rest)
        elif kind in ("activity", "facility"):
            owner = self.records.owner_of(kind, rest)
        if owner is not None and owner != kel:
            raise KlaError("bundle_other_kelurahan", key=it.key, owner=owner, kelurahan=kel)
        if it.data and kind in ("activity", "facility"):
            for eid in it.data["evidence_ids"]:
                owner = self.evidence.owner_of(eid)
                if owner is not None and owner != kel:
                    raise KlaError("bundle_other_kelurahan", key=it.key, owner=owner, kelurahan=kel)

    _probe: tuple[str, SyncItem, int, int, list[dict[str, Any]]] | None = None
    """The last evidence item's :meth:`db.evidence.Evidence.bundle_probe` by :meth:`check_scope`."""

    # ------------------------------------------------------------------ an older template version

    def held_form(self, it: SyncItem) -> tuple[SyncItem, list[dict[str, Any]]]:
        """``it`` as this workspace holds it: an entry made under an older version of the template
        in force (a unit that exported before its receipt brought the new one) moved onto it by the
        same chained steps as a stored entry (``db.template_migration.migrate_entry_data``), with
        the values those steps put aside; any other item as it came. Its hash is the one the unit's
        own migrated entry will have, so what DP3AKB records and its receipt says match the unit."""
        if it.data is None or it.key.partition("/")[0] != "entry":
            return it, []
        last, t = self._held_last, self.ref.template
        if last is not None and last[0] is it and last[1] is it.data and last[2] is t:
            return last[3]  # decide, apply and the origin ask for the same item in turn
        from db.template_migration import migrate_entry_data

        moved = migrate_entry_data(t, it.data)
        out: tuple[SyncItem, list[dict[str, Any]]] = (it, []) if moved is None else \
            (SyncItem.make(it.key, moved[0]), moved[1])
        self._held_last = (it, it.data, t, out)
        return out

    _held_last: tuple[SyncItem, dict[str, Any], Any, tuple[SyncItem, list[dict[str, Any]]]] | None = None

    def has_entry_origins(self) -> bool:
        """Whether any entry arrived in a bundle (else there is no import origin to follow)."""
        return self.core.one("SELECT 1 AS x FROM sync_origin WHERE item_key LIKE 'entry/%' LIMIT 1") is not None

    def follow_migration(self, before: dict[tuple[str, str], str], template_id: str, version: int) -> int:
        """After DP3AKB moved its copies onto a new version (``db.template_migration.put_in_force``):
        where ``sync_origin`` recorded the version an entry had before (``before``, from
        :meth:`entry_hashes`), it now records the moved one, so the unit's next bundle (still of the
        older version, or built on it) is taken for the change it is, not a conflict. Returns the
        origins moved (inside the caller's transaction)."""
        if not before:
            return 0
        after = self.entry_hashes(template_id, version, older=False)
        n = 0
        for (kel, key), old in before.items():
            new = after.get((kel, key))
            if new is not None and new != old:
                n += self.core.execute("UPDATE sync_origin SET hash = ? WHERE kelurahan_code = ? AND item_key = ?"
                                       " AND hash = ?", [new, kel, key, old]).rowcount
        return n

    # ------------------------------------------------------------------ apply

    def apply_item(self, kel: str, it: SyncItem, origin: str, *, changes: bool = True) -> Changes:
        """Make the store's version of ``it`` equal to ``it`` (inside the caller's transaction); an
        entry of an older template version is stored moved onto the version in force, its put-aside
        values kept in ``template_retired_values`` as the local migration keeps them (:meth:`held_form`).

        Evidence files must already be in the content-addressed folder (:meth:`adopt_file`).
        ``changes=False``: the caller does not use what changed (an import of bundles: it says so
        per file), so it is not made where it costs anything (``Changes.none()`` is returned).
        """
        want = changes
        done: Changes
        kind, _, rest = it.key.partition("/")
        old = self.current(kel, it.key)
        view = self._held_now(kel)
        it, aside = self.held_form(it)
        d = it.data
        probe, self._probe = self._probe, None
        found = probe[4] if kind == "evidence" and probe is not None and probe[0] == kel and \
            probe[1].key == it.key and probe[1].data is d and d is not None and \
            probe[2:4] == (self.core.transactions, self.core.db.conn.total_changes) else None
        rows = view.entry_rows if view is not None else None
        cell = (d["data_year"], d["indicator_no"]) if kind == "entry" and d is not None else None
        # New here and written later with the bundle's other new ones (before anything reads or
        # writes what they touch): an evidence record with no record of its id and none of this
        # kelurahan for its file, an entry the kelurahan has no row for (not moved from an older version).
        later = view is not None and view.items is not None and (
            (kind == "evidence" and found == []) or (cell is not None and rows is not None and cell not in rows
                                                     and not aside))
        if view is not None and (view.evidence_new or view.entries_new) and not later:
            self._write_pending(view)
            found = None
        if kind == "entry" and later:
            assert view is not None and rows is not None and cell is not None and d is not None
            view.entries_new.append(self.entries.new_bundle_entry(kel, d))
            done = self.entries.new_entry_changes(kel, d) if want else Changes.none()
            rows.add(cell)
        elif kind == "entry":
            if d is None:
                raise KlaError("bundle_item_invalid", key=it.key, detail="entry_deleted")
            done = self.entries.apply_bundle_entry(kel, d, absent=rows is not None and cell not in rows)
            if rows is not None and cell is not None:
                rows.add(cell)
            if aside:
                from db.template_migration import RetiredValues

                t = self.ref.template
                RetiredValues(self.core).keep([{**r, "kelurahan_code": kel} for r in aside], t.version, t.id)
                done = done | Changes.of("template", f"{t.id}/v{t.version}/retired")
        elif kind == "evidence" and later:
            assert view is not None and d is not None
            view.evidence_new.append(self.evidence.new_bundle_record(kel, rest, d))
            done = self.evidence.new_record_changes(kel, rest, d) if want else Changes.none()
            view.evidence_ids.add(rest)
            view.evidence_files.add(d["sha256"])
        elif kind == "evidence":
            done = self.evidence.apply_bundle_item(kel, rest, d, found)
        else:
            done = self.records.apply_bundle_item(kind, kel, rest, d, self.evidence.owner_of)
        line = ("import", kind, f"{kel}/{it.key}", old.hash if old else None, {"hash": it.hash, "from": origin})
        if view is not None:
            # Written with the bundle's others; the new value's text as dump() makes it (a hex hash).
            view.audit.append(self.core.audit_row_text(*line[:4], f'{{"hash": "{it.hash}", "from": {_text(origin)}}}'))
        else:
            self.core.audit(*line)
        if view is not None:
            view.stale.add(it.key)
            if it.deleted:
                view.items = None
            self._stamp(view)
        return done | _synced(kel) if want else Changes.none()

    def adopt_file(self, staged: Path | str, sha256: str, *, hashed: bool = False) -> None:
        """A staged bundle file into the evidence folder (:meth:`db.evidence.Evidence.adopt_file`)."""
        self.evidence.adopt_file(staged, sha256, hashed=hashed)

    def adopt_data(self, data: Any, sha256: str) -> None:
        """A bundle member's checked bytes into the evidence folder (:meth:`db.evidence.Evidence.adopt_data`)."""
        self.evidence.adopt_data(data, sha256)

    def files_sent(self) -> None:
        """A bundle's files handed over so far go to the writer now (:meth:`db.evidence.Evidence.files_sent`)."""
        self.evidence.files_sent()

    def files_written(self, *, strict: bool = True) -> None:
        """Before a bundle's part ends: its files are written (:meth:`db.evidence.Evidence.files_written`)."""
        self.evidence.files_written(strict=strict)

    def importing(self, bundles: int) -> contextlib.AbstractContextManager[None]:
        """Around an import of ``bundles`` files (:meth:`db.evidence.Evidence.importing`)."""
        return self.evidence.importing(bundles)

    # ------------------------------------------------------------------ decisions

    _held: _Held | None = None

    @contextlib.contextmanager
    def reading(self, kel: str, records: int) -> Iterator[None]:
        """Inside one bundle's transaction: what DP3AKB holds of ``kel`` (items, origins,
        rejections) read once for the bundle's ``records`` decisions (a handful of queries, not
        2-4 per item) when the bundle carries at least a quarter of what is held (a few changes
        of a big kelurahan are read item by item); the bundle's own writes keep it current
        (:class:`_Held`)."""
        if not self.core.db.conn.in_transaction:
            yield
            return
        view = _Held(kel, None, None, None)
        count = self._held_count(kel)
        if records * 4 >= count:
            view.items = {it.key: it for it in self.items(kel)} if count else {}
            view.origins = {r["item_key"]: r for r in self.core.query(
                "SELECT * FROM sync_origin WHERE kelurahan_code = ?", [kel])}
            view.rejected = {(r["item_key"], r["hash"]) for r in self.core.query(
                "SELECT item_key, hash FROM sync_rejected WHERE kelurahan_code = ?", [kel])}
            view.entry_rows = self.entries.row_keys(kel) if count else set()
        self._stamp(view)
        self._held = view
        try:
            yield
            self._write_pending(view)
            self._write_origins(view)
            self.core.audit_rows(view.audit)
        finally:
            view.evidence_new, view.entries_new = [], []  # refused part way: its savepoint took back the rest
            if self._held is view:
                self._held = None

    _ORIGIN_HEAD = ("INSERT INTO sync_origin(kelurahan_code, item_key, hash, device_id, device_seq, bundle_id,"
                    " updated_at)")
    _ORIGIN_COLUMNS = ("kelurahan_code", "item_key", "hash", "device_id", "device_seq", "bundle_id", "updated_at")
    _ORIGIN_TAIL = (
        " ON CONFLICT(kelurahan_code, item_key) DO UPDATE SET hash = excluded.hash,"
        " device_id = excluded.device_id, device_seq = excluded.device_seq, bundle_id = excluded.bundle_id,"
        " updated_at = excluded.updated_at")
    _ORIGIN_UPSERT = (_ORIGIN_HEAD + " VALUES (:kelurahan_code, :item_key, :hash, :device_id, :device_seq, :bundle_id,"
                      " :updated_at)" + _ORIGIN_TAIL)

    def _write_origins(self, view: _Held) -> None:
        rows, view.origin_rows = view.origin_rows, []
        # In order: an item the bundle carries twice ends with its last version, as row by row.
        self.core.insert_rows(self._ORIGIN_HEAD, 7, [[r[c] for c in self._ORIGIN_COLUMNS] for r in rows],
                              self._ORIGIN_TAIL)

    def _write_pending(self, view: _Held) -> None:
        """The bundle's new evidence records and entries not yet written (:attr:`_Held.evidence_new`,
        :attr:`_Held.entries_new`), now, in the order they came (evidence first, as bundles carry them)."""
        records, view.evidence_new = view.evidence_new, []
        entries, view.entries_new = view.entries_new, []
        view.evidence_ids, view.evidence_files = set(), set()
        if records:
            self.evidence.insert_bundle_records(records)
        if entries:
            self.entries.insert_bundle_entries(entries)
        if (records or entries) and self._held is view:
            self._stamp(view)

    def _held_count(self, kel: str) -> int:
        row = self.core.one(
            "SELECT (SELECT count(*) FROM evidence WHERE kelurahan_code = :k)"
            " + (SELECT count(*) FROM entries WHERE kelurahan_code = :k)"
            " + (SELECT count(*) FROM activities WHERE kelurahan_code = :k)"
            " + (SELECT count(*) FROM facilities WHERE kelurahan_code = :k)"
            " + (SELECT count(*) FROM deletions WHERE kelurahan_code = :k) AS n", {"k": kel})
        return int(row["n"]) if row else 0

    def _stamp(self, view: _Held) -> None:
        view.stamp = (self.core.transactions, self.core.db.conn.total_changes)

    def _held_now(self, kel: str) -> _Held | None:
        """The bundle's read of ``kel`` if it still holds (no other write since), else None
        (and it is dropped: everything is read again from the store)."""
        view = self._held
        if view is None or view.kel != kel:
            return None
        if not self.core.db.conn.in_transaction or view.stamp != (self.core.transactions,
                                                                   self.core.db.conn.total_changes):
            self._held = None
            if self.core.db.conn.in_transaction and view.stamp[0] == self.core.transactions:
                # What is read from now on is read from the tables.
                self._write_pending(view)
                if view.origin_rows:
                    self._write_origins(view)
            return None
        return view

    def current(self, kel: str, key: str) -> SyncItem | None:
        """The current item ``key`` of ``kel`` (:meth:`item`), from the bundle's read when it holds."""
        view = self._held_now(kel)
        if view is None or view.items is None or key in view.stale:
            if view is not None and (view.evidence_new or view.entries_new):
                self._write_pending(view)
            return self.item(kel, key)
        return view.items.get(key)

    def decide(self, kel: str, it: SyncItem, base: str | None, device_id: str, seq: int,
               as_of: int | None = None) -> Decision:
        """What importing ``it`` (from device ``device_id``, export ``seq``) should do.

        ``as_of``: the item comes as a restored backup left it, its content no newer than that
        device's export ``as_of``: a version held from a later export of the same device is
        newer, so the export numbers no longer decide (``base`` does, else a conflict).
        """
        current = self.current(kel, it.key)
        if current is None:
            return Decision(it.key, "unchanged" if it.deleted else "new")
        held = self.held_form(it)[0]  # an entry of an older template version, as it would be stored
        if current.hash in (it.hash, held.hash):
            return Decision(it.key, "unchanged")
        view = self._held_now(kel)
        if view is not None and view.rejected is not None:
            rejected = (it.key, it.hash) in view.rejected or (it.key, held.hash) in view.rejected
        else:
            rejected = self.core.one("SELECT 1 FROM sync_rejected WHERE kelurahan_code = ? AND item_key = ?"
                                     " AND hash IN (?, ?)", [kel, it.key, it.hash, held.hash]) is not None
        if rejected:
            return Decision(it.key, "rejected", "decided_elsewhere")
        if view is not None and view.origins is not None:
            o = view.origins.get(it.key)
        else:
            o = self.core.one("SELECT * FROM sync_origin WHERE kelurahan_code = ? AND item_key = ?", [kel, it.key])
        restored_older = False
        if o and o["hash"] == current.hash and o["device_id"] == device_id:
            restored_older = as_of is not None and o["device_seq"] > as_of
            if o["device_seq"] > seq:
                return Decision(it.key, "older", "newer_received", {"seq": o["device_seq"]})
            if o["device_seq"] < seq and not restored_older:
                return Decision(it.key, "changed")
        if base is not None and base == current.hash:
            return Decision(it.key, "changed")
        newer = self._open_conflict_seq(kel, it.key, device_id)
        if newer is not None and newer > seq:
            # The same PC's later export already waits in a conflict over this item: this one is
            # older than that, so it asks nobody anything (and a choice could never rewind to it).
            return Decision(it.key, "older", "newer_received", {"seq": newer})
        if restored_older:
            assert o is not None
            return Decision(it.key, "conflict", "restored_older", {"seq": o["device_seq"]})
        if o and o["hash"] == current.hash and o["device_id"] != device_id:
            # What DP3AKB holds came from another PC of the same kelurahan, not from DP3AKB itself.
            return Decision(it.key, "conflict", "changed_other_pc", {"device": str(o["device_id"])[:6]})
        return Decision(it.key, "conflict", "changed_both")

    def record_origin(self, kel: str, it: SyncItem, device_id: str, seq: int, bundle_id: str) -> None:
        """Which device and export wrote the version held now: the hash of ``it`` as stored
        (:meth:`held_form`), the one the next bundle of that device is compared with."""
        it = self.held_form(it)[0]
        view = self._held_now(kel)
        row = {"kelurahan_code": kel, "item_key": it.key, "hash": it.hash, "device_id": device_id,
               "device_seq": seq, "bundle_id": bundle_id, "updated_at": now_iso()}
        if view is not None and view.origins is not None:
            # Read from the bundle's view until it ends, then written with the bundle's others.
            view.origins[it.key] = row
            view.origin_rows.append(row)
            return
        self.core.execute(self._ORIGIN_UPSERT, row)
        if view is not None:
            self._stamp(view)

    def _open_conflict_seq(self, kel: str, key: str, device_id: str) -> int | None:
        """The highest export number of ``device_id`` among the open conflicts over ``key``, if any."""
        r = self.core.one("SELECT max(device_seq) AS s FROM sync_conflicts WHERE kelurahan_code = ?"
                          " AND item_key = ? AND device_id = ? AND resolved_at IS NULL", [kel, key, device_id])
        return None if r is None or r["s"] is None else int(r["s"])

    def add_conflict(self, kel: str, it: SyncItem, held: str | None, bundle_id: str, device_id: str,
                     seq: int) -> bool:
        """Record a conflict (False: this version is already recorded). An open one over the same
        item from an earlier export of the same PC is then closed as ``superseded``: that PC has
        moved on, and choosing its older version would rewind."""
        view = self._held_now(kel)
        cur = self.core.execute(
            "INSERT OR IGNORE INTO sync_conflicts(kelurahan_code, item_key, held_hash, incoming_hash, incoming,"
            " bundle_id, device_id, device_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [kel, it.key, held, it.hash, json.dumps(it.data, ensure_ascii=False), bundle_id, device_id, seq,
             now_iso()],
        )
        if not cur.rowcount:
            # This version was set aside as superseded, and the PC went back to it: it is the newest again.
            self.core.execute(
                "UPDATE sync_conflicts SET resolved_at = NULL, resolution = '', held_hash = ?, bundle_id = ?,"
                " device_id = ?, device_seq = ? WHERE kelurahan_code = ? AND item_key = ? AND incoming_hash = ?"
                " AND resolution = 'superseded'", [held, bundle_id, device_id, seq, kel, it.key, it.hash])
        self.core.execute(
            "UPDATE sync_conflicts SET resolved_at = ?, resolution = 'superseded' WHERE kelurahan_code = ?"
            " AND item_key = ? AND device_id = ? AND device_seq < ? AND incoming_hash != ? AND resolved_at IS NULL",
            [now_iso(), kel, it.key, device_id, seq, it.hash])
        if view is not None:
            self._stamp(view)
        return bool(cur.rowcount)

    def conflicts(self, kel: str | None = None, open_only: bool = True) -> list[ConflictRecord]:
        sql, params = "SELECT * FROM sync_conflicts WHERE 1=1", []
        if kel:
            sql += " AND kelurahan_code = ?"
            params.append(kel)
        if open_only:
            sql += " AND resolved_at IS NULL"
        return [_conflict(r) for r in self.core.query(sql + " ORDER BY id", params)]

    def resolve_conflict(self, conflict_id: int, keep: str) -> Changes:
        """keep = 'held' (DP3AKB's current version stays) or 'incoming' (the bundle's version wins).

        ``record`` is the resolved :class:`ConflictRecord`."""
        if keep not in ("held", "incoming"):
            raise KlaError("conflict_choice_unknown", choice=keep)
        r = self.core.one("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id])
        if not r:
            raise KlaError("conflict_unknown", id=conflict_id)
        c = _conflict(r)
        if c.resolved_at:
            raise KlaError("conflict_resolved", id=conflict_id)
        changes = Changes.of("conflict", str(conflict_id), units=[c.kelurahan_code])
        with self.core.transaction():
            it = SyncItem.make(c.item_key, c.incoming)
            current = self.item(c.kelurahan_code, c.item_key)
            if keep == "incoming":
                if it.data and it.kind == "evidence" and not self.has_file(it.data["sha256"]):
                    # Named as the clerk named the file, and whose it is (never the item's key).
                    raise KlaError("conflict_file_missing", name=str(it.data.get("original_name") or it.data.get(
                        "caption") or ""), kelurahan=c.kelurahan_code)
                changes = changes | self.apply_item(c.kelurahan_code, it, f"conflict:{conflict_id}")
                # The export it came in: an older export of that PC arriving later is older, not a change.
                self.record_origin(c.kelurahan_code, it, c.device_id, int(r["device_seq"]), c.bundle_id)
                loser = current.hash if current else None
            else:
                loser = it.hash
            # An entry of an older template version loses in both forms: as it came and as the unit's
            # own migration will make it (the receipt's rejected list is compared with the latter).
            losers = {loser, self.held_form(it)[0].hash} if loser == it.hash else {loser}
            for h in sorted(x for x in losers if x):
                self.core.execute("INSERT OR IGNORE INTO sync_rejected(kelurahan_code, item_key, hash, decided_at)"
                                  " VALUES (?, ?, ?, ?)", [c.kelurahan_code, c.item_key, h, now_iso()])
            self.core.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                              [now_iso(), keep, conflict_id])
            self.core.audit("resolve", "conflict", str(conflict_id), None, keep)
        done = self.core.one("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id])
        assert done is not None
        return changes.with_record(_conflict(done))

    # ------------------------------------------------------------------ what DP3AKB holds

    def held_state(self, kel: str) -> tuple[dict[str, str], list[str]]:
        """({item_key: hash}, [evidence sha256]) that DP3AKB holds for ``kel``.

        Evidence whose file is missing, of another size, or set aside as damaged (``kla check``,
        or found on reading it) is not "held": the kelurahan then sends it again.
        """
        held: dict[str, str] = {}
        files: set[str] = set()
        for it in self.items(kel):
            if it.kind == "evidence" and it.data is not None:
                if not self.evidence.holds(it.data["sha256"], int(it.data["size"])):
                    continue
                files.add(it.data["sha256"])
            held[it.key] = it.hash
        return held, sorted(files)

    def rejected_state(self, kel: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r in self.core.query("SELECT item_key, hash FROM sync_rejected WHERE kelurahan_code = ? ORDER BY 1, 2",
                                 [kel]):
            out.setdefault(r["item_key"], []).append(r["hash"])
        return out
