"""Installing a newer template version and moving existing entries onto it.

A template may declare ``"migrations": [{"from_version": 1, "rename": {"4.old": "new"},
"drop": ["4.gone"]}]`` (keys are ``indicator.item``). A stored value that has no place in
the new version and is not declared dropped refuses the update: nothing is lost silently
(KlaError ``template_migration_blocked``; the caller's transaction rolls back).
"""

from __future__ import annotations

from db.changes import Changes
from db.entries import Entries
from db.errors import KlaError
from db.refdata import RefData
from db.template import Template


def install_with_migration(ref: RefData, entries: Entries, new: Template) -> tuple[dict[str, int], Changes]:
    """Install ``new`` (inside the caller's transaction); returns ({moved, dropped}, changes)."""
    rules = {int(m.get("from_version", 0)): m for m in new.raw.get("migrations", []) if isinstance(m, dict)}
    changes = ref.install_template(new, activate=True)
    moved, dropped, blocked, moved_changes = entries.migrate_to(new, rules)
    if blocked:
        raise KlaError("template_migration_blocked", version=new.version, items=", ".join(sorted(set(blocked))[:10]))
    return {"moved": moved, "dropped": dropped}, changes | moved_changes
