"""Bundle keys: this workspace's own key pairs and the other side's public keys."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from db.changes import Changes
from db.core import now_iso
from db.sync import OwnKey, PeerKey
from db.sync_parts.base import SyncBase


def _peer(r: dict[str, Any]) -> PeerKey:
    return PeerKey(r["key_id"], r["unit_code"], r["sign_public"], r["age_recipient"], r["label"], r["enrolled_at"],
                   r["revoked_at"], r["revoke_reason"])


class KeysPart(SyncBase):
    def own_keys(self, active_only: bool = True) -> list[OwnKey]:
        sql = "SELECT * FROM sync_own_keys" + (" WHERE active = 1" if active_only else "") + " ORDER BY created_at"
        return [
            OwnKey(r["key_id"], r["sign_private"], r["sign_public"], r["age_identity"], r["age_recipient"],
                   r["created_at"], bool(r["active"]))
            for r in self.core.query(sql)
        ]

    def add_own_key(self, key_id: str, sign_private: str, sign_public: str, age_identity: str,
                    age_recipient: str, *, replace: bool = False) -> Changes:
        """Keep a key pair; ``replace`` retires the previous ones (a kelurahan PC re-enrolled)."""
        with self.core.transaction():
            if replace:
                self.core.execute("UPDATE sync_own_keys SET active = 0")
            self.core.execute(
                "INSERT OR REPLACE INTO sync_own_keys(key_id, sign_private, sign_public, age_identity, age_recipient,"
                " created_at, active) VALUES (?, ?, ?, ?, ?, ?, 1)",
                [key_id, sign_private, sign_public, age_identity, age_recipient, now_iso()],
            )
            self.core.audit("create", "key", key_id, None, {"recipient": age_recipient})
        return Changes.of("key", key_id)

    def peer_keys(self, unit_code: str | None = None, include_revoked: bool = False) -> list[PeerKey]:
        sql, params = "SELECT * FROM sync_peer_keys WHERE 1=1", []
        if unit_code:
            sql += " AND unit_code = ?"
            params.append(unit_code)
        if not include_revoked:
            sql += " AND revoked_at IS NULL"
        return [_peer(r) for r in self.core.query(sql + " ORDER BY unit_code, enrolled_at", params)]

    def pending_slips(self) -> list[tuple[PeerKey, dict[str, str]]]:
        """Active keys of a batch enrolment whose passphrase slip has not been printed yet."""
        out = []
        for r in self.core.query("SELECT * FROM sync_peer_keys WHERE slip IS NOT NULL AND revoked_at IS NULL"
                                 " ORDER BY unit_code, enrolled_at"):
            try:
                slip = json.loads(r["slip"])
                if isinstance(slip, dict) and isinstance(slip.get("passphrase"), str):
                    out.append((_peer(r), {"passphrase": slip["passphrase"], "path": str(slip.get("path", ""))}))
            except ValueError:
                continue
        return out

    def slips_printed(self, key_ids: Iterable[str]) -> Changes:
        """The slips of these keys are in a written PDF: their passphrases are no longer kept."""
        ids = list(dict.fromkeys(key_ids))
        if not ids:
            return Changes.none()
        with self.core.transaction():
            self.core.executemany("UPDATE sync_peer_keys SET slip = NULL WHERE key_id = ?", [[k] for k in ids])
            self.core.audit("slips_printed", "key", ",".join(ids)[:200], None, {"keys": len(ids)})
        return Changes.of("key", ids)

    def peer_key(self, key_id: str) -> PeerKey | None:
        r = self.core.one("SELECT * FROM sync_peer_keys WHERE key_id = ?", [key_id])
        return _peer(r) if r else None

    def add_peer_key(self, key_id: str, unit_code: str, sign_public: str, age_recipient: str,
                     label: str = "", slip: dict[str, str] | None = None) -> Changes:
        """Enrol a unit's public key. ``slip`` ({"passphrase", "path"} of its setup file) is kept
        until :meth:`slips_printed`: a batch enrolment keeps each passphrase in the same commit
        that enrols the key, so none is lost if the batch stops before its slips are printed."""
        with self.core.transaction():
            self.core.execute(
                "INSERT OR IGNORE INTO sync_peer_keys(key_id, unit_code, sign_public, age_recipient, label,"
                " enrolled_at, slip) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [key_id, unit_code, sign_public, age_recipient, label, now_iso(),
                 json.dumps(slip, sort_keys=True) if slip else None],
            )
            self.core.audit("enrol", "key", f"{unit_code}/{key_id}", None, {"recipient": age_recipient, "label": label})
        return Changes.of("key", key_id, units=[unit_code])

    def revoke_peer_keys(self, unit_code: str, reason: str = "", key_id: str | None = None) -> int:
        """Revoke the active keys of a unit (or one key). Returns how many were revoked."""
        with self.core.transaction():
            sql = ("UPDATE sync_peer_keys SET revoked_at = ?, revoke_reason = ?, slip = NULL WHERE unit_code = ?"
                   " AND revoked_at IS NULL")
            params: list[Any] = [now_iso(), reason, unit_code]
            if key_id:
                sql += " AND key_id = ?"
                params.append(key_id)
            n = int(self.core.execute(sql, params).rowcount)
            if n:
                self.core.audit("revoke", "key", unit_code, None, {"count": n, "reason": reason})
        return n
