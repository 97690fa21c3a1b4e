"""Counters and the log of every bundle, receipt and setup file written or read."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from db.core import now_iso
from db.sync import BundleLogRecord, SeriesStatus
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
        by: dict[str, dict[str, Any]] = {}
        for b in self.bundle_log("in", kel):
            if b.type != "bundle" or not b.series_id:
                continue
            s = by.setdefault(b.series_id, {"kel": b.kelurahan_code, "seq": b.device_seq, "parts": b.parts,
                                            "got": set()})
            s["got"].add(b.part)
        out = [SeriesStatus(sid, s["kel"], s["seq"], s["parts"], tuple(sorted(s["got"]))) for sid, s in by.items()]
        if incomplete_only:
            out = [s for s in out if s.missing]
        return sorted(out, key=lambda s: (s.kelurahan_code, s.device_seq))

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
