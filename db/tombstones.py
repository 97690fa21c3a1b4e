"""Tombstones: the only writer of ``deletions``.

A deleted evidence record, activity or facility leaves a tombstone so that the next bundle
tells DP3AKB it is gone (``docs/bundle-format.md``).
"""

from __future__ import annotations

from db.core import Core, now_iso


def add(core: Core, entity: str, entity_id: str, kelurahan_code: str, *, once: bool = False) -> None:
    """Record a deletion (inside the caller's transaction); ``once`` skips it if one exists."""
    if once and core.one(
        "SELECT 1 FROM deletions WHERE entity = ? AND entity_id = ? AND kelurahan_code = ?",
        [entity, entity_id, kelurahan_code],
    ):
        return
    core.execute(
        "INSERT INTO deletions(entity, entity_id, kelurahan_code, operator, deleted_at) VALUES (?, ?, ?, ?, ?)",
        [entity, entity_id, kelurahan_code, core.operator, now_iso()],
    )
