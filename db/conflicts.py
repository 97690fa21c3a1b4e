"""Both versions of a conflict side by side, so DP3AKB decides with the facts (reads only).

A conflict is one item (an entry, an evidence record, an activity or a facility) that a
kelurahan changed on two PCs. DP3AKB holds one version, the bundle brought another. For
each side: who last changed it and when (the item's own ``operator`` and ``updated_at``),
on which PC (the device id and export number that wrote DP3AKB's version, the bundle's
for the incoming one), and for an entry every value cell with both values. Pure functions
plus :func:`read`, one small query per part.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from db.core import Core
from db.sync import ConflictRecord, SyncItem

FIELDS = {
    "evidence": ("original_name", "kind", "caption", "doc_date", "doc_number", "issuer", "size", "sha256", "links"),
    "activity": ("title", "kind", "date", "description", "partners", "indicators", "evidence_ids"),
    "facility": ("name", "type", "address", "latitude", "longitude", "standardisation", "notes", "evidence_ids"),
    "entry": ("status", "notes"),
}


@dataclass(frozen=True)
class Side:
    """One version: its data (None: deleted or never held), who, when, on which PC."""

    data: dict[str, Any] | None
    operator: str
    updated_at: str
    device_id: str
    device_seq: int
    received_at: str  # when DP3AKB received this version ('' when unknown)


@dataclass(frozen=True)
class Row:
    """One value cell ('value') or field ('field'): both versions and whether they differ."""

    what: str
    key: str  # item key (entry values) or field name
    sex: str
    age: str
    held: Any
    incoming: Any

    @property
    def differs(self) -> bool:
        return self.held != self.incoming


@dataclass(frozen=True)
class ConflictView:
    conflict: ConflictRecord
    kind: str  # 'entry' | 'evidence' | 'activity' | 'facility'
    held: Side
    incoming: Side
    rows: tuple[Row, ...]

    @property
    def differences(self) -> int:
        return sum(1 for r in self.rows if r.differs)


def _values(data: dict[str, Any] | None) -> dict[tuple[str, str, str], Any]:
    return {(k, s, a): v for k, s, a, v in (data or {}).get("values", [])}


def rows_of(kind: str, held: dict[str, Any] | None, incoming: dict[str, Any] | None) -> tuple[Row, ...]:
    """Every field, and for an entry every value cell either version has (pure)."""
    out = [Row("field", f, "", "", (held or {}).get(f), (incoming or {}).get(f)) for f in FIELDS.get(kind, ())]
    if kind == "entry":
        a, b = _values(held), _values(incoming)
        for key in sorted(set(a) | set(b)):
            out.append(Row("value", key[0], key[1], key[2], a.get(key), b.get(key)))
    return tuple(out)


def view(c: ConflictRecord, held: SyncItem | None, origin: dict[str, Any] | None, incoming_seq: int = 0) -> ConflictView:
    """Both sides of conflict ``c`` from DP3AKB's current item and the origin row that wrote it (pure)."""
    kind = c.item_key.split("/", 1)[0]
    if origin is not None and held is not None and origin.get("hash") not in (None, held.hash):
        # That bundle wrote an earlier version; the one held now was written at DP3AKB since (the rule
        # the import decides by, ``CityPart.decide``): no PC of the kelurahan wrote it.
        origin = None
    held_data = held.data if held is not None else None
    inc = c.incoming
    h = Side(held_data, str((held_data or {}).get("operator", "")), str((held_data or {}).get("updated_at", "")),
             str((origin or {}).get("device_id", "")), int((origin or {}).get("device_seq", 0) or 0),
             str((origin or {}).get("updated_at", "")))
    i = Side(inc, str((inc or {}).get("operator", "")), str((inc or {}).get("updated_at", "")), c.device_id,
             incoming_seq, c.created_at)
    return ConflictView(c, kind, h, i, rows_of(kind, held_data, inc))


def read(core: Core, sync: Any, conflict_id: int) -> ConflictView:
    """The conflict, DP3AKB's current version of its item and which PC wrote each: a few small queries."""
    from db.errors import KlaError

    found = [c for c in sync.conflicts(open_only=False) if c.id == conflict_id]
    if not found:
        raise KlaError("conflict_unknown", id=conflict_id)
    c = found[0]
    origin = core.one("SELECT hash, device_id, device_seq, bundle_id, updated_at FROM sync_origin"
                      " WHERE kelurahan_code = ? AND item_key = ?", [c.kelurahan_code, c.item_key])
    seq = core.one("SELECT device_seq FROM sync_conflicts WHERE id = ?", [conflict_id])
    if c.incoming is not None:
        # An entry of an older template version is shown as it would be stored: on the version in force.
        c = replace(c, incoming=sync.held_form(SyncItem.make(c.item_key, c.incoming))[0].data)
    return view(c, sync.item(c.kelurahan_code, c.item_key), origin, int(seq["device_seq"]) if seq else 0)
