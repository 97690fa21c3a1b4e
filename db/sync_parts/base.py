"""What every part of :class:`db.sync_parts.area.Sync` may use: the core and the owner modules."""

from __future__ import annotations

from db.core import Core
from db.entries import Entries
from db.evidence import Evidence
from db.recordsets import RecordSets
from db.refdata import RefData


class SyncBase:
    def __init__(self, core: Core, ref: RefData, entries: Entries, evidence: Evidence, records: RecordSets) -> None:
        self.core = core
        self.ref = ref
        self.entries = entries
        self.evidence = evidence
        self.records = records
