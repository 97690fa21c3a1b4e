"""DP3AKB's side of an import: what each incoming item does, and conflicts.

The only writer of ``sync_origin``, ``sync_rejected`` and ``sync_conflicts``. Applying an
item hands each table to its owner (``db.entries``, ``db.evidence``, ``db.recordsets``),
so a value that arrives in a bundle passes the rules a typed value passes
(``db.rules.check_values``) and follows the same revision rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from db import sync as model
from db.changes import Changes
from db.core import load, now_iso
from db.errors import KlaError
from db.sync import ConflictRecord, Decision, SyncItem
from db.sync_parts.items import ItemsPart


def _conflict(r: dict[str, Any]) -> ConflictRecord:
    return ConflictRecord(r["id"], r["kelurahan_code"], r["item_key"], r["held_hash"], r["incoming_hash"],
                          load(r["incoming"]), r["bundle_id"], r["device_id"], r["created_at"], r["resolved_at"],
                          r["resolution"])


class CityPart(ItemsPart):
    # ------------------------------------------------------------------ checks

    def validate_item(self, kel: str, raw: Any) -> tuple[SyncItem, str | None]:
        """An incoming item's shape (``db.sync.validate_item``) and, for an entry, the same
        rules as typed values (a part larger than its whole is refused here as it is in the grid)."""
        it, base = model.validate_item(self.ref, kel, raw)
        if it.kind == "entry" and it.data is not None:
            try:
                self.entries.check_bundle_entry(it.data)
            except KlaError as exc:
                raise KlaError("bundle_item_invalid", key=it.key, detail=exc.code, **exc.params) from exc
        return it, base

    def check_scope(self, kel: str, it: SyncItem) -> None:
        """An item of kelurahan ``kel`` must never touch another kelurahan's rows."""
        kind, _, rest = it.key.partition("/")
        owner: str | None = None
        if kind == "evidence":
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

    # ------------------------------------------------------------------ an older template version

    def held_form(self, it: SyncItem) -> tuple[SyncItem, list[dict[str, Any]]]:
        """``it`` as this workspace holds it: an entry made under an older version of the template
        in force (a unit that exported before its receipt brought the new one) moved onto it by the
        same chained steps as a stored entry (``db.template_migration.migrate_entry_data``), with
        the values those steps put aside; any other item as it came. Its hash is the one the unit's
        own migrated entry will have, so what DP3AKB records and its receipt says match the unit."""
        if it.kind != "entry" or it.data is None:
            return it, []
        from db.template_migration import migrate_entry_data

        moved = migrate_entry_data(self.ref.template, it.data)
        if moved is None:
            return it, []
        return SyncItem.make(it.key, moved[0]), moved[1]

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

    def apply_item(self, kel: str, it: SyncItem, origin: str) -> Changes:
        """Make the store's version of ``it`` equal to ``it`` (inside the caller's transaction); an
        entry of an older template version is stored moved onto the version in force, its put-aside
        values kept in ``template_retired_values`` as the local migration keeps them (:meth:`held_form`).

        Evidence files must already be in the content-addressed folder (:meth:`adopt_file`).
        """
        kind, _, rest = it.key.partition("/")
        old = self._current(kel, it.key)
        it, aside = self.held_form(it)
        d = it.data
        if kind == "entry":
            if d is None:
                raise KlaError("bundle_item_invalid", key=it.key, detail="entry_deleted")
            changes = self.entries.apply_bundle_entry(kel, d)
            if aside:
                from db.template_migration import RetiredValues

                t = self.ref.template
                RetiredValues(self.core).keep([{**r, "kelurahan_code": kel} for r in aside], t.version, t.id)
                changes = changes | Changes.of("template", f"{t.id}/v{t.version}/retired")
        elif kind == "evidence":
            changes = self.evidence.apply_bundle_item(kel, rest, d)
        else:
            changes = self.records.apply_bundle_item(kind, kel, rest, d, self.evidence.owner_of)
        self.core.audit("import", kind, f"{kel}/{it.key}", old.hash if old else None, {"hash": it.hash, "from": origin})
        return changes | Changes.of("sync", kel, units=[kel])

    def adopt_file(self, staged: Path, sha256: str, *, hashed: bool = False) -> None:
        """A staged bundle file into the evidence folder (:meth:`db.evidence.Evidence.adopt_file`)."""
        self.evidence.adopt_file(staged, sha256, hashed=hashed)

    # ------------------------------------------------------------------ decisions

    _read: tuple[tuple[str, str, int, int], SyncItem | None] | None = None

    def _current(self, kel: str, key: str) -> SyncItem | None:
        """The current item ``key`` of ``kel``, read once for the decision and the write that
        follows it (an import reads every item twice otherwise: 2-3 queries each time).

        Reused only inside the same transaction (no other writer can commit meanwhile) and only
        while this connection has changed no row since (``total_changes``); otherwise read again.
        """
        conn = self.core.db.conn
        stamp = (kel, key, self.core.transactions, conn.total_changes)
        if conn.in_transaction and self._read is not None and self._read[0] == stamp:
            return self._read[1]
        current = self.item(kel, key)
        self._read = (stamp, current) if conn.in_transaction else None
        return current

    def decide(self, kel: str, it: SyncItem, base: str | None, device_id: str, seq: int) -> Decision:
        """What importing ``it`` (from device ``device_id``, export ``seq``) should do."""
        current = self._current(kel, it.key)
        if current is None:
            return Decision(it.key, "unchanged" if it.deleted else "new")
        held = self.held_form(it)[0]  # an entry of an older template version, as it would be stored
        if current.hash in (it.hash, held.hash):
            return Decision(it.key, "unchanged")
        if self.core.one("SELECT 1 FROM sync_rejected WHERE kelurahan_code = ? AND item_key = ? AND hash IN (?, ?)",
                         [kel, it.key, it.hash, held.hash]):
            return Decision(it.key, "rejected", "decided_elsewhere")
        o = self.core.one("SELECT * FROM sync_origin WHERE kelurahan_code = ? AND item_key = ?", [kel, it.key])
        if o and o["hash"] == current.hash and o["device_id"] == device_id:
            if o["device_seq"] > seq:
                return Decision(it.key, "older", "newer_received", {"seq": o["device_seq"]})
            if o["device_seq"] < seq:
                return Decision(it.key, "changed")
        if base is not None and base == current.hash:
            return Decision(it.key, "changed")
        return Decision(it.key, "conflict", "changed_both")

    def record_origin(self, kel: str, it: SyncItem, device_id: str, seq: int, bundle_id: str) -> None:
        """Which device and export wrote the version held now: the hash of ``it`` as stored
        (:meth:`held_form`), the one the next bundle of that device is compared with."""
        it = self.held_form(it)[0]
        self.core.execute(
            "INSERT INTO sync_origin(kelurahan_code, item_key, hash, device_id, device_seq, bundle_id, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kelurahan_code, item_key) DO UPDATE SET hash = excluded.hash,"
            " device_id = excluded.device_id, device_seq = excluded.device_seq, bundle_id = excluded.bundle_id,"
            " updated_at = excluded.updated_at",
            [kel, it.key, it.hash, device_id, seq, bundle_id, now_iso()],
        )

    def add_conflict(self, kel: str, it: SyncItem, held: str | None, bundle_id: str, device_id: str,
                     seq: int) -> bool:
        cur = self.core.execute(
            "INSERT OR IGNORE INTO sync_conflicts(kelurahan_code, item_key, held_hash, incoming_hash, incoming,"
            " bundle_id, device_id, device_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [kel, it.key, held, it.hash, json.dumps(it.data, ensure_ascii=False), bundle_id, device_id, seq,
             now_iso()],
        )
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
                    raise KlaError("conflict_file_missing", key=c.item_key)
                changes = changes | self.apply_item(c.kelurahan_code, it, f"conflict:{conflict_id}")
                self.record_origin(c.kelurahan_code, it, c.device_id, 0, c.bundle_id)
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
