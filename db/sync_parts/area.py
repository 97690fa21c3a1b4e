"""All of the store's bundle bookkeeping behind one object (``store.sync``)."""

from __future__ import annotations

from db.sync_parts.city import CityPart
from db.sync_parts.keys import KeysPart
from db.sync_parts.local import LocalPart
from db.sync_parts.log import LogPart


class Sync(CityPart, LocalPart, KeysPart, LogPart):
    """Keys, the bundle log, DP3AKB's decisions and the kelurahan's outbox state.

    Each part receives the core and the owner modules (``db.sync_parts.base``), never the
    ``Store`` facade.
    """
