"""The kelurahan's side: what still has to go to DP3AKB, and what its last receipt says it holds.

The only writer of ``sync_local`` and ``sync_held_files``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from db.sync import RESTORED_KEY, Outgoing, SyncItem
from db.sync_parts.items import ItemsPart


class LocalPart(ItemsPart):
    def outgoing(self) -> tuple[list[Outgoing], list[SyncItem]]:
        """(items DP3AKB has not acknowledged, items it rejected in a conflict and we still have)."""
        kel = self.core.kelurahan_code
        local = {r["item_key"]: r for r in self.core.query("SELECT * FROM sync_local")}
        files = {r["sha256"] for r in self.core.query("SELECT sha256 FROM sync_held_files")}
        mark = self.core.one("SELECT value FROM sync_state WHERE key = ?", [RESTORED_KEY])
        restored: dict[str, list[Any]] = json.loads(mark["value"]) if mark else {}
        out, rejected = [], []
        for it in self.items(kel):
            row = local.get(it.key)
            if row and row["held_hash"] == it.hash:
                continue
            if row and it.hash in json.loads(row["rejected"]):
                rejected.append(it)
                continue
            if row is None and it.deleted:
                continue  # created and deleted before DP3AKB ever saw it
            send_file = bool(it.kind == "evidence" and it.data and it.data["sha256"] not in files)
            was = restored.get(it.key)
            as_of = int(was[1]) if was and was[0] == it.hash else None  # as the restore left it
            out.append(Outgoing(it, row["base_hash"] if row else None, send_file, as_of))
        return out, rejected

    def held_keys(self) -> set[str]:
        """The items of which DP3AKB held some version at the last receipt (reads only)."""
        return {r["item_key"] for r in self.core.query("SELECT item_key FROM sync_local WHERE held_hash IS NOT NULL")}

    def apply_receipt_state(self, held: dict[str, str], files: Iterable[str],
                            rejected: dict[str, list[str]]) -> dict[str, Any]:
        """Record what DP3AKB holds (inside the caller's transaction). Returns counts
        (``acknowledged``, ``pending``, ``set_aside``, ``held_elsewhere``: items DP3AKB holds that this
        workspace has never had) and ``set_aside_keys`` (at most 20)."""
        kel = self.core.kelurahan_code
        current = {it.key: it.hash for it in self.items(kel)}
        local = {r["item_key"]: r for r in self.core.query("SELECT * FROM sync_local")}
        acknowledged = 0
        for key in set(current) | set(held) | set(local):
            h = held.get(key)
            row = local.get(key)
            base = row["base_hash"] if row else None
            if h is not None and current.get(key) == h:
                base = h
                acknowledged += 1
            self.core.execute(
                "INSERT INTO sync_local(item_key, held_hash, base_hash, rejected) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(item_key) DO UPDATE SET held_hash = excluded.held_hash, base_hash = excluded.base_hash,"
                " rejected = excluded.rejected",
                [key, h, base, json.dumps(sorted(rejected.get(key, [])))],
            )
        self.core.execute("DELETE FROM sync_held_files")
        for sha in set(files):
            self.core.execute("INSERT INTO sync_held_files(sha256) VALUES (?)", [sha])
        # DP3AKB decided a conflict for another version: that one is not sent again, so it is
        # "set aside", not "still to send" (the clerk is told which, in words).
        set_aside = sorted(k for k, h in current.items() if held.get(k) != h and h in rejected.get(k, []))
        pending = sum(1 for k, h in current.items() if held.get(k) != h) - len(set_aside)
        return {"acknowledged": acknowledged, "pending": pending, "set_aside": len(set_aside),
                "set_aside_keys": set_aside[:20], "held_elsewhere": sum(1 for k in held if k not in current)}
