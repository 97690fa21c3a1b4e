"""All of the store's bundle bookkeeping behind one object (``store.sync``)."""

from __future__ import annotations

from typing import Any

from db.entries import value_key
from db.errors import KlaError
from db.sync import SyncItem
from db.sync_parts.city import CityPart
from db.sync_parts.keys import KeysPart
from db.sync_parts.local import LocalPart
from db.sync_parts.log import LogPart


class _NotTaken(Exception):
    """DP3AKB's kept version did not come out the same on this PC (:meth:`Sync.take_kept`)."""


def _cells(data: dict[str, Any] | None) -> dict[tuple[str, str, str], Any]:
    return {(str(k), str(s), str(a)): v for k, s, a, v in (data or {}).get("values", [])}


class Sync(CityPart, LocalPart, KeysPart, LogPart):
    """Keys, the bundle log, DP3AKB's decisions and the kelurahan's outbox state.

    Each part receives the core and the owner modules (``db.sync_parts.base``), never the
    ``Store`` facade.
    """

    def take_kept(self, raws: Any, held: dict[str, str], rejected: dict[str, list[str]], seq: int) -> list[str]:
        """At the kelurahan, inside the receipt's transaction: DP3AKB's kept version of each item it
        decided a conflict over (a receipt's ``kept``, items as bundles carry them) replaces this
        PC's own version where that is one DP3AKB rejected, so the next change here is built on
        the version DP3AKB holds (``apply_receipt_state`` then records it as the base). Each item
        passes the checks of a bundled item (:meth:`validate_item`, :meth:`check_scope`) and is
        written by the table's owner (:meth:`apply_item`); the version it replaces is kept in the
        audit log (entity ``city_kept``, and per value cell ``value`` lines the value history shows).

        Only an item the receipt also lists as held with that hash, and only over a version here
        that DP3AKB rejected (a later change typed here is never overwritten). Evidence whose file
        this PC lacks, deletions, and a version that would not come out the same here (an activity
        naming evidence this PC lacks), stay set aside as before. Returns the keys replaced; a damaged
        item raises ``bundle_damaged`` (the caller's transaction then changes nothing)."""
        if raws is None:
            return []  # a receipt of an older version: as before
        if not isinstance(raws, list):
            raise KlaError("bundle_damaged", detail="receipt.json")
        kel = self.core.kelurahan_code
        out: list[str] = []
        for raw in raws[:10000]:
            try:
                it, _ = self.validate_item(kel, raw)
            except KlaError as exc:
                if exc.code == "bundle_template_unknown":
                    raise
                raise KlaError("bundle_damaged", detail="receipt.json") from exc
            self.check_scope(kel, it)
            if it.data is None or held.get(it.key) != it.hash:
                continue
            if it.kind == "evidence" and not self.has_file(str(it.data["sha256"])):
                continue
            old = self.item(kel, it.key)
            if old is None or old.hash == it.hash or old.hash not in rejected.get(it.key, []):
                continue
            try:
                with self.core.transaction():  # a savepoint: taken whole, or not at all
                    self.apply_item(kel, it, f"receipt:{seq}")
                    now = self.item(kel, it.key)
                    if now is None or now.hash != it.hash:
                        # Not the same here (a file or record it names is missing on this PC): this PC's
                        # own version stays, set aside as before, rather than a third version.
                        raise _NotTaken
                    self._audit_kept(kel, old, it)
            except _NotTaken:
                continue
            out.append(it.key)
        return out

    def _audit_kept(self, kel: str, old: SyncItem, it: SyncItem) -> None:
        """The version replaced by DP3AKB's, kept: whole, and per value cell for the value history."""
        self.core.audit("city_kept", "city_kept", f"{kel}/{it.key}", old.data, it.data)
        if it.kind == "entry" and it.data is not None:
            year, ind = int(it.data["data_year"]), int(it.data["indicator_no"])
            before, after = _cells(old.data), _cells(it.data)
            for cell in sorted(set(before) | set(after)):
                if before.get(cell) != after.get(cell):
                    self.core.audit("city_kept", "value", value_key(kel, year, ind, *cell),
                                    before.get(cell), after.get(cell))

