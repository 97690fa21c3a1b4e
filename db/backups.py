"""Backups: copies of the store made with SQLite's online backup API, verified, rotating.

A backup file is named ``kla-<date>-<time>-<reason>.sqlite``; the reason is a code
(:data:`REASONS`), and :func:`kind_of` turns it into the kind the front ends word
("otomatis", "manual", "cadangan pengaman sebelum dipulihkan" ...).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import time
from pathlib import Path

from db.core import Core, quick_check, sqlite_backup
from db.errors import KlaError
from db.paths import WorkspacePaths
from db.records import BackupInfo, BackupRecord

AUTO_BACKUPS_KEPT = 10
AUTO = "otomatis"
MANUAL = "manual"
BEFORE_MIGRATION = "sebelum-migrasi"
BEFORE_RESTORE = "sebelum-pulihkan"
BEFORE_TEMPLATE = "sebelum-template"
# reason prefix in the file name -> kind code the front ends word
REASONS = {
    BEFORE_RESTORE: "before_restore",
    BEFORE_MIGRATION: "before_migration",
    BEFORE_TEMPLATE: "before_template",
    MANUAL: "manual",
    AUTO: "auto",
}


def kind_of(reason: str) -> str:
    for prefix, kind in REASONS.items():
        if reason.startswith(prefix):
            return kind
    return "auto"


def _future(created_at: str, now: dt.datetime) -> bool:
    """Made while the PC's clock was ahead (a day or more past now)."""
    try:
        return dt.datetime.fromisoformat(created_at) > now + dt.timedelta(days=1)
    except ValueError:
        return False


def list_backups(home: Path) -> list[BackupRecord]:
    """Backups newest first. Time is the file's modification time, not its name; a backup
    dated in the future (made while the clock was wrong) sorts after every sane one, so it
    neither hides a fresh backup nor stops the daily ones."""
    folder = WorkspacePaths(Path(home)).backups
    out = []
    if folder.exists():
        for p in folder.glob("kla-*.sqlite"):
            parts = p.stem.split("-", 3)  # kla, date, time, reason
            reason = parts[3] if len(parts) > 3 else ""
            try:
                st = p.stat()
            except OSError:
                continue
            out.append(
                BackupRecord(str(p), reason, dt.datetime.fromtimestamp(st.st_mtime, dt.UTC).isoformat(timespec="seconds"),
                             st.st_size, kind_of(reason) == "manual", kind_of(reason))
            )
    now = dt.datetime.now(dt.UTC)
    sane = [b for b in out if not _future(b.created_at, now)]
    future = [b for b in out if _future(b.created_at, now)]
    sane.sort(key=lambda b: (b.created_at, Path(b.path).name), reverse=True)
    future.sort(key=lambda b: (b.created_at, Path(b.path).name), reverse=True)
    return sane + future


def describe_backup(path: Path) -> BackupInfo:
    """Summarise a backup file for the restore question; opens it read-only, never writes."""
    path = Path(path)
    if not path.is_file():
        raise KlaError("file_not_found", path=str(path))
    try:
        # mode=ro plus immutable: no journal, no WAL files next to the backup, no lock taken.
        uri = "file:" + path.resolve().as_posix().replace("?", "%3f").replace("#", "%23") + "?mode=ro&immutable=1"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "meta" not in tables:
                raise KlaError("backup_invalid", path=str(path), detail="not_a_store")
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())

            def count(table: str) -> int:
                return int(conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]) if table in tables else 0

            last = conn.execute("SELECT MAX(at) FROM audit_log").fetchone()[0] if "audit_log" in tables else None
            info = BackupInfo(
                path=str(path),
                created_at=dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds"),
                role=meta.get("role", ""),
                kelurahan_code=meta.get("kelurahan_code", ""),
                value_count=count("entry_values"),
                evidence_count=count("evidence"),
                enrolled=count("sync_own_keys") > 0,
                last_change_at=last or "",
            )
    except sqlite3.DatabaseError as exc:
        raise KlaError("backup_invalid", path=str(path), detail=str(exc)) from exc
    return info


def newest_good_backup(home: Path) -> Path | None:
    for b in list_backups(home):
        if quick_check(Path(b.path)) == "ok":
            return Path(b.path)
    return None


def backup(core: Core, reason: str = MANUAL, dest: Path | None = None) -> Path:
    """Copy the store with SQLite's online backup API; automatic ones rotate."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S%f")
    safe = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in reason)[:40] or "auto"
    # kla-<date>-<time+microseconds>-<reason>.sqlite: sorts by time, reason after 3 dashes.
    target = Path(dest) if dest else core.paths.backups / f"kla-{stamp}-{safe}.sqlite"
    if dest is None:
        _remove_stale_partials(core.paths.backups)
    try:
        sqlite_backup(core.db.conn, target, exclusive=True)  # never replaces a file already there
    except (OSError, sqlite3.Error) as exc:
        # A disk without room for the copy is SQLite's "database or disk is full", not an OSError: it
        # went up as an internal error, from every command while the daily backup was due.
        raise KlaError("backup_failed", path=str(target), detail=str(exc)) from exc
    if quick_check(target) != "ok":
        target.unlink(missing_ok=True)
        raise KlaError("backup_failed", path=str(target), detail="verification")
    if dest is None and kind_of(safe) != "manual":
        # The one just written is never rotated away, whatever the clock says.
        autos = [b for b in list_backups(core.paths.home) if not b.manual and Path(b.path) != target]
        for old in autos[AUTO_BACKUPS_KEPT - 1:]:
            Path(old.path).unlink(missing_ok=True)
    return target


def _remove_stale_partials(folder: Path, age_s: float = 3600) -> None:
    """A backup killed half way leaves ``kla-*.sqlite.tmp`` (and its ``-journal``): never listed,
    never a backup, but as big as the store. Removed once an hour old (a backup running now in
    another window is younger)."""
    now = time.time()
    for f in folder.glob("kla-*.sqlite.tmp*"):
        with contextlib.suppress(OSError):
            if now - f.lstat().st_mtime > age_s:
                f.unlink()


def daily_backup(core: Core) -> None:
    """A rotating automatic backup when the newest one is more than a day old."""
    now = dt.datetime.now(dt.UTC)
    for b in list_backups(core.paths.home):
        if b.manual:
            continue
        made = dt.datetime.fromisoformat(b.created_at)
        # Only a backup made in the last day counts; one dated in the future does not.
        if -dt.timedelta(minutes=5) < now - made < dt.timedelta(days=1):
            return
    try:
        backup(core, reason=AUTO)
    except KlaError:
        # A full disk must not stop a clerk from opening the workspace; `kla check`
        # and the window's status bar report missing backups.
        pass
