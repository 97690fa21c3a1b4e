"""What changed since the last export, summarised from the audit log (no Qt here)."""

from __future__ import annotations

from db.record import record
from db.records import AuditRecord

AUDIT_LIMIT = 20000


@record
class ChangeSummary:
    """Changes of one indicator (``indicator_no``) or one other area (``area``)."""

    indicator_no: int | None
    data_year: int | None
    area: str  # 'indicator' | 'evidence' | 'activity' | 'facility'
    count: int
    last_at: str
    last_operator: str


def summarise_changes(records: list[AuditRecord], kelurahan_code: str, since: str = "") -> list[ChangeSummary]:
    """Group audit records newer than ``since`` (ISO time; '' = all) by indicator or area.

    Ordered newest first. Workspace creation, settings and operators are not data changes.
    """
    groups: dict[tuple, list[AuditRecord]] = {}
    for r in records:
        if since and r.at <= since:
            continue
        key: tuple | None = None
        parts = r.entity_key.split("/")
        if r.entity == "value" and len(parts) >= 3 and parts[0] == kelurahan_code:
            key = ("indicator", int(parts[1]), int(parts[2]))
        elif r.entity.startswith("entry.") and r.entity != "entry.review" and len(parts) == 3 \
                and parts[0] == kelurahan_code:
            key = ("indicator", int(parts[1]), int(parts[2]))
        elif r.entity == "evidence":
            if r.action in ("link", "unlink") and len(parts) == 3:
                key = ("indicator", int(parts[1]), int(parts[2]))
            else:
                key = ("evidence", None, None)
        elif r.entity in ("activity", "facility"):
            key = (r.entity, None, None)
        if key is not None:
            groups.setdefault(key, []).append(r)
    out = []
    for (area, year, no), recs in groups.items():
        newest = max(recs, key=lambda x: (x.at, x.id))
        out.append(ChangeSummary(no, year, area, len(recs), newest.at, newest.operator))
    out.sort(key=lambda c: c.last_at, reverse=True)
    return out
