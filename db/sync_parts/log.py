"""Counters and the log of every bundle, receipt and setup file written or read."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from db.core import now_iso
from db.sync import RESTORED_KEY, BundleLogRecord, KeyDevice, KeySharing, SeriesStatus, key_sharing, series_of
from db.sync_parts.base import SyncBase


def _bundle(r: dict[str, Any]) -> BundleLogRecord:
    return BundleLogRecord(r["bundle_id"], r["direction"], r["type"], r["kelurahan_code"], r["device_id"],
                           r["device_seq"], r["series_id"], r["part"], r["parts"], r["file_name"], r["file_sha256"],
                           r["size"], r["created_at"], r["recorded_at"], json.loads(r["summary"]))


# Counters that only ever go up: the export number a bundle carries (DP3AKB drops a bundle
# whose number it has seen newer), the receipt numbers written and the last one read. A
# restore of an older backup must never bring them back down ("never rewind").
MONOTONIC = ("export_seq", "last_receipt_seq", "receipt_seq/")


class LogPart(SyncBase):
    def counters(self) -> dict[str, int]:
        """The monotonic counters of :data:`MONOTONIC` with their values."""
        out: dict[str, int] = {}
        for r in self.core.query("SELECT key, value FROM sync_state"):
            if any(r["key"] == m or (m.endswith("/") and r["key"].startswith(m)) for m in MONOTONIC):
                try:
                    out[r["key"]] = int(r["value"])
                except ValueError:
                    continue
        return out

    def raise_counters(self, floor: dict[str, int]) -> dict[str, int]:
        """Lift each counter to at least ``floor`` (inside the caller's transaction); returns those raised."""
        have = self.counters()
        raised = {k: v for k, v in floor.items() if v > have.get(k, 0)}
        for k, v in raised.items():
            self.set_state(k, str(v))
        return raised

    def mark_restored(self, items: dict[str, str], as_of: int) -> None:
        """A restore made the store what a backup was (inside the caller's transaction): each item
        as it left it (``items``: key -> hash) is no newer than this PC's export ``as_of``, the last
        one before the backup. Its next bundles say so per item (``as_of``), so DP3AKB never takes
        it for newer than what a later export of this PC brought (``CityPart.decide``). An item the
        backup already had from an earlier restore, unchanged, keeps the earlier number."""
        try:
            before = json.loads(self.state(RESTORED_KEY, "{}"))
        except ValueError:
            before = {}
        if not isinstance(before, dict):
            before = {}
        marks: dict[str, list[Any]] = {}
        for key, h in items.items():
            was = before.get(key)
            n = as_of
            if isinstance(was, list) and len(was) == 2 and was[0] == h and type(was[1]) is int:
                n = min(n, was[1])
            marks[key] = [h, n]
        self.set_state(RESTORED_KEY, json.dumps(marks, sort_keys=True))

    def receipt_behind(self) -> int:
        """The number of the newest receipt this PC imported when what the store knows of DP3AKB is
        from an older one (a backup made before that receipt was restored: the counter is carried
        over, the receipt's record and state are not), else 0. Until that receipt is imported again
        the store takes DP3AKB to hold what the older receipt said: an export can find "nothing to
        send" while DP3AKB holds newer values than the restored ones."""
        try:
            last = int(self.state("last_receipt_seq", "0") or 0)
        except ValueError:
            return 0
        r = self.core.one("SELECT max(device_seq) AS s FROM sync_bundles WHERE direction = 'in' AND type = 'receipt'")
        have = int(r["s"]) if r and r["s"] is not None else 0
        return last if last > have else 0

    def state(self, key: str, default: str = "") -> str:
        r = self.core.one("SELECT value FROM sync_state WHERE key = ?", [key])
        return str(r["value"]) if r else default

    def set_state(self, key: str, value: str) -> None:
        self.core.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def next_counter(self, key: str) -> int:
        with self.core.transaction():
            n = int(self.state(key, "0") or 0) + 1
            self.set_state(key, str(n))
        return n

    def give_back_counter(self, key: str, n: int) -> bool:
        """Return number ``n`` of ``key`` that nothing carries (an export stopped before any part
        of it was written): the next one takes it again, so a clerk's first export after a full
        stick is no. 1, not no. 3. Only the last number taken, and only while it still is: a
        number taken or raised since stays. True when it was given back."""
        with self.core.transaction():
            if n < 1 or int(self.state(key, "0") or 0) != n:
                return False
            self.set_state(key, str(n - 1))
        return True

    def bundle_seen(self, bundle_id: str, direction: str = "in") -> BundleLogRecord | None:
        r = self.core.one("SELECT * FROM sync_bundles WHERE bundle_id = ? AND direction = ?", [bundle_id, direction])
        return _bundle(r) if r else None

    def record_bundle(self, rec: BundleLogRecord) -> None:
        self.core.execute(
            "INSERT OR REPLACE INTO sync_bundles(bundle_id, direction, type, kelurahan_code, device_id, device_seq,"
            " series_id, part, parts, file_name, file_sha256, size, created_at, recorded_at, summary)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [rec.bundle_id, rec.direction, rec.type, rec.kelurahan_code, rec.device_id, rec.device_seq,
             rec.series_id, rec.part, rec.parts, rec.file_name, rec.file_sha256, rec.size, rec.created_at,
             rec.recorded_at or now_iso(), json.dumps(rec.summary, ensure_ascii=False)],
        )

    def forget_bundles(self, bundle_ids: list[str], direction: str) -> None:
        """Take bundles out of the log (inside the caller's transaction): the parts of an export
        that stopped half way, taken off the stick again (exports.bundle)."""
        for bid in bundle_ids:
            self.core.execute("DELETE FROM sync_bundles WHERE bundle_id = ? AND direction = ?", [bid, direction])

    def bundle_log(self, direction: str | None = None, kel: str | None = None) -> list[BundleLogRecord]:
        sql, params = "SELECT * FROM sync_bundles WHERE 1=1", []
        if direction:
            sql += " AND direction = ?"
            params.append(direction)
        if kel:
            sql += " AND kelurahan_code = ?"
            params.append(kel)
        return [_bundle(r) for r in self.core.query(sql + " ORDER BY recorded_at DESC, part", params)]

    def series_status(self, kel: str | None = None, incomplete_only: bool = False) -> list[SeriesStatus]:
        """Each series of bundles received (``db.sync.series_of``); ``incomplete_only``: those still
        waiting for parts (missing some, and not superseded by a later whole export of that PC)."""
        out = series_of((b.series_id, b.kelurahan_code, b.device_id, b.device_seq, b.part, b.parts)
                        for b in self.bundle_log("in", kel) if b.type == "bundle" and b.series_id)
        if incomplete_only:
            out = [s for s in out if s.missing and not s.superseded]
        return sorted(out, key=lambda s: (s.kelurahan_code, s.device_seq))

    # ------------------------------------------------------------------ one key, many PCs

    def key_devices(self, kel: str, key_id: str,
                    pending: tuple[str, str, str, int, tuple[str, ...]] | None = None) -> list[KeyDevice]:
        """The workspaces whose newest imported bundle of ``kel`` was signed with ``key_id``.

        Derived from the bundle log (each imported bundle's summary keeps its signing key, the
        PC's name and the devices it replaces). ``pending``: (device_id, name, created_at,
        device_seq, replaces) of a bundle not recorded yet, counted as if it were, received now.
        A PC that has moved on to a key of its own (a setup file of its own) no longer counts for
        the old key.

        ``first`` and ``last`` are when DP3AKB received each PC's bundles (``recorded_at``, this
        workspace's clock), not when the PCs say they made them: office PCs' clocks are often
        wrong, and two PCs' clocks compared with each other decided whether they were in use at
        the same time. A PC's own order (which key it used last) is its export number.
        """
        rows: list[tuple[str, str, str, int, str, tuple[str, ...]]] = []
        for r in self.core.query("SELECT device_id, recorded_at, device_seq, summary FROM sync_bundles"
                                 " WHERE direction = 'in' AND type = 'bundle' AND kelurahan_code = ?", [kel]):
            try:
                summ = json.loads(r["summary"])
            except ValueError:
                continue
            if not isinstance(summ, dict) or not isinstance(summ.get("key_id"), str):
                continue  # recorded before bundles kept their key
            rep = summ.get("device_replaces")
            rows.append((r["device_id"], str(summ.get("device_name") or ""), str(r["recorded_at"]),
                         int(r["device_seq"]), summ["key_id"], tuple(str(x) for x in rep) if isinstance(rep, list) else ()))
        if pending is not None:
            dev, name, _created, seq, replaces = pending
            rows.append((dev, name, now_iso(), seq, key_id, replaces))
        newest: dict[str, tuple[int, str]] = {}
        for dev, _name, _got, seq, kid, _rep in rows:
            if dev not in newest or seq >= newest[dev][0]:
                newest[dev] = (seq, kid)
        out: dict[str, dict[str, Any]] = {}
        for dev, name, got, seq, kid, rep in rows:
            if kid != key_id or newest[dev][1] != key_id:
                continue
            d = out.setdefault(dev, {"name": name, "first": got, "last": got, "seqs": set(), "rep": set(), "top": -1})
            d["first"], d["last"] = min(d["first"], got), max(d["last"], got)
            if seq >= d["top"] and name:
                d["name"], d["top"] = name, seq
            d["seqs"].add(seq)
            d["rep"].update(rep)
        return [KeyDevice(dev, d["name"], d["first"], d["last"], len(d["seqs"]), tuple(sorted(d["rep"])))
                for dev, d in sorted(out.items(), key=lambda kv: kv[1]["first"])]

    def device_names(self, kel: str | None = None) -> dict[str, str]:
        """Each sending PC's name as its newest imported bundle gave it (``device_id`` -> name; a PC
        whose bundles named none is absent): what the window and the CLI call "komputer ...",
        instead of the first digits of its id."""
        sql = ("SELECT device_id, json_extract(summary, '$.device_name') AS name FROM sync_bundles"
               " WHERE direction = 'in' AND type = 'bundle' AND json_valid(summary)")
        params: list[Any] = []
        if kel:
            sql += " AND kelurahan_code = ?"
            params.append(kel)
        out: dict[str, str] = {}
        for r in self.core.query(sql + " ORDER BY created_at", params):
            if isinstance(r["name"], str) and r["name"].strip():
                out[r["device_id"]] = r["name"].strip()
        return out

    def key_sharing(self, kel: str, key_id: str, device_id: str,
                    pending: tuple[str, str, str, int, tuple[str, ...]] | None = None) -> KeySharing | None:
        """Whether ``device_id`` shares ``key_id`` with another PC (``db.sync.key_sharing``)."""
        return key_sharing(key_id, self.key_devices(kel, key_id, pending), device_id)

    def shared_keys(self, kel: str, key_ids: list[str]) -> list[dict[str, Any]]:
        """For a receipt: each of ``key_ids`` that two PCs use at once, with those PCs."""
        out = []
        for key_id in key_ids:
            devices = self.key_devices(kel, key_id)
            sharing = [key_sharing(key_id, devices, d.device_id) for d in devices]
            if any(s is not None and s.concurrent for s in sharing):
                out.append({"key_id": key_id, "devices": [d.to_json() for d in devices]})
        return out

    @contextlib.contextmanager
    def rollback_always(self) -> Iterator[None]:
        """A savepoint that is always rolled back: the dry run of an import."""

        class _Rollback(Exception):
            pass

        try:
            with self.core.transaction():
                yield
                raise _Rollback
        except _Rollback:
            pass
        # Caches may hold what the rolled-back writes put there.
        self.ref.forget()
        self.core.forget_cache()
