"""The bottom of the store: one connection, transactions, the audit log and the meta table.

Every area module (``db.refdata``, ``db.entries``, ``db.evidence``, ``db.recordsets``,
``db.status``, ``db.sync`` ...) receives this :class:`Core`, never the :class:`db.store.Store`
facade, so no import circle can appear inside ``db/``. The core writes only ``meta``,
``audit_log`` and ``migrations``; each other table has exactly one area module that writes
it (``tests/db/test_owners.py`` checks that).

SQLite traps handled here, with the reason:
- WAL + ``synchronous=FULL``: a power cut loses nothing that was committed, and a reader
  (a second window) never blocks the writer.
- ``foreign_keys`` is per connection, so it is switched on at every open.
- :meth:`Core.transaction` begins IMMEDIATE at the outermost level and nests with savepoints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import KlaError
from db.paths import WorkspacePaths
from db.records import AuditRecord
from db.sqlite_db import Database

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

HASH_CHUNK = 1024 * 1024
_MULTI_ROW: dict[tuple[str, int, int, str], str] = {}
"""The statement texts :meth:`Core.insert_rows` made, by (head, width, rows, tail)."""
log = logging.getLogger(__name__)
AUDIT_INSERT = ("INSERT INTO audit_log(at, operator, action, entity, entity_key, old_value, new_value)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)")


_now_ms = (-1, "")


def now_iso() -> str:
    """The time now in UTC to the millisecond, ISO 8601 (``2026-12-01T19:20:00.123+00:00``).

    An import stamps thousands of rows within a few milliseconds: the text is made once per
    millisecond, not once per row."""
    global _now_ms, _now_s
    ms = time.time_ns() // 1_000_000
    cached = _now_ms
    if cached[0] != ms:
        sec, frac = divmod(ms, 1000)
        if _now_s[0] != sec:  # the date and time to the second, made once a second
            _now_s = (sec, dt.datetime.fromtimestamp(sec, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S"))
        cached = _now_ms = (ms, f"{_now_s[1]}.{frac:03d}+00:00")
    return cached[1]


_now_s = (-1, "")


_dump = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps with a keyword makes an encoder per call


def dump(value: Any) -> str:
    if type(value) is int:  # most stored values are counts: the text json.dumps gives them
        return int.__repr__(value)
    if value is None:
        return "null"
    return _dump(value)


def load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def sha256_file(path: Path, cancelled: Callable[[], bool] | None = None) -> str:
    import hashlib  # here: OpenSSL loads with the first file hashed (db/digest.py)

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            if cancelled and cancelled():
                raise KlaError("cancelled")
            h.update(chunk)
    return h.hexdigest()


def fsync_dir(path: Path | str) -> None:
    # Directory fsync makes a rename durable on POSIX; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path | str) -> None:
    """fsync one file: its data and inode on disk (Windows: FlushFileBuffers, which needs write access)."""
    fd = os.open(path, os.O_RDONLY if os.name == "posix" else os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_together(files: Iterable[Path | str], folders: Iterable[Path | str] = ()) -> None:
    """Make ``files`` durable, then the ``folders`` that hold their names, each flushed once.

    The flushes run side by side: the file system commits its journal once for many waiting
    fsyncs (ext4, NTFS), where one after the other each waits for a journal commit of its own
    (34 bundles of 55 files: ~8 s of fsync one by one on this machine, a fraction in parallel).
    Every fsync still returns only when its file is on disk; the first error is raised.
    """
    from concurrent.futures import ThreadPoolExecutor

    for flush, batch in ((fsync_file, list(dict.fromkeys(files))), (fsync_dir, list(dict.fromkeys(folders)))):
        if len(batch) == 1:
            flush(batch[0])
        elif batch:
            with ThreadPoolExecutor(max_workers=min(16, len(batch)), thread_name_prefix="kla-fsync") as pool:
                for _ in pool.map(flush, batch):
                    pass


SYNCFS_MIN = 32
"""From this many files placed in one transaction, on Linux, its COMMIT flushes the whole file system
that holds them once (:func:`flush_file_system`) instead of each file and folder (an import of 34
bundles: 1,874 files and their 256 folders, one call instead of ~2,100 fsyncs, each a trip into the
kernel and a thread hand-off)."""
_syncfs_fn: list[Callable[[int], int] | None] = []


def _syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` on Linux, looked up once; None elsewhere."""
    if not _syncfs_fn:
        fn = None
        if os.name == "posix" and os.uname().sysname == "Linux":
            import ctypes

            try:
                fn = ctypes.CDLL(None, use_errno=True).syncfs
                fn.argtypes = [ctypes.c_int]
                fn.restype = ctypes.c_int
            except (OSError, AttributeError):
                fn = None
        _syncfs_fn.append(fn)
    return _syncfs_fn[0]


def flush_file_system(folder: Path | str) -> bool:
    """Everything written to the file system that holds ``folder`` on disk, data and names alike
    (Linux ``syncfs(2)``: it returns once every dirty page, inode and directory of that file system is
    written, and reports a write error since Linux 5.8); False where there is no such call (Windows,
    macOS, a C library without it): the caller flushes file by file. An error is an ``OSError``."""
    fn = _syncfs()
    if fn is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        if fn(fd) != 0:
            import ctypes

            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(folder))
    finally:
        os.close(fd)
    return True


_flush_pool: ThreadPoolExecutor | None = None
FLUSH_THREADS = 4
FLUSH_BATCH = 16
"""Files handed to one background task of :func:`flush_soon` (an import's evidence: one task for
16 files, not a task, a future and a thread wake-up each)."""


def _fsync_all(files: list[Path | str]) -> None:
    for f in files:
        fsync_file(f)


def flush_soon(files: Iterable[Path | str]) -> list[Future[None]]:
    """Start flushing ``files`` (each fsync'd) in the background; wait on the futures returned.

    What a transaction's rows will name is flushed while it goes on, so its commit waits only
    for what is still on its way (:meth:`Core.durable_before_commit`). The files go in batches
    (:data:`FLUSH_BATCH`) to a few threads: each fsync releases the interpreter's lock and
    needs it back when done, so a thread per file (and a future each) kept taking the lock from
    the thread doing the work (an import of 1,874 files lost ~1 s waiting for it)."""
    global _flush_pool
    batch = list(dict.fromkeys(files))
    if not batch:
        return []
    if _flush_pool is None:
        from concurrent.futures import ThreadPoolExecutor

        _flush_pool = ThreadPoolExecutor(max_workers=FLUSH_THREADS, thread_name_prefix="kla-fsync")
    return [_flush_pool.submit(_fsync_all, batch[i:i + FLUSH_BATCH]) for i in range(0, len(batch), FLUSH_BATCH)]


def connect(path: Path) -> Database:
    conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False)
    database = Database(conn)
    database.execute("PRAGMA foreign_keys = ON")
    # Statement and savepoint journals in memory: every write that fires a trigger or checks a
    # foreign key keeps the pages it changes there until it ends, and inside a savepoint (each
    # bundle of an import is one) they pile up for the whole part. In a temporary file that was
    # ~100,000 small writes for an import of 34 bundles; the store makes no temporary tables.
    database.execute("PRAGMA temp_store = MEMORY")
    return database


def quick_check(path: Path) -> str:
    """'ok' or SQLite's complaint; never raises for a damaged or non-SQLite file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(r[0] for r in rows)
    return result


def sqlite_backup(src: sqlite3.Connection, dest: Path, *, exclusive: bool = False) -> None:
    """Online backup of ``src`` into ``dest`` via a temp file and an atomic rename.

    ``exclusive``: ``dest`` is a name a person chose (``kla backup --out``) or a backup's own: a
    file already there is never replaced (``dest_exists``, checked before and at the rename: a
    hard link, or on a file system without links an exclusive create reserving the name).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    if exclusive and (dest.exists() or dest.is_symlink()):
        raise KlaError("dest_exists", path=str(dest))
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    try:
        target = sqlite3.connect(str(tmp))
        try:
            src.backup(target)
            # A backup is a plain rollback-journal file so that it is one self-contained file.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if exclusive:
            _publish_new(tmp, dest)
        else:
            os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(dest.parent)


def _publish_new(tmp: Path, dest: Path) -> None:
    """``tmp`` under the name ``dest``, which must not exist (``dest_exists``); ``tmp`` is gone after."""
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise KlaError("dest_exists", path=str(dest)) from None
    except OSError:
        if os.name == "nt":
            try:
                os.rename(tmp, dest)  # never replaces on Windows
            except FileExistsError:
                raise KlaError("dest_exists", path=str(dest)) from None
            return
        try:  # no hard links (a FAT stick): reserve the name, then move over our own reservation
            os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            raise KlaError("dest_exists", path=str(dest)) from None
        os.replace(tmp, dest)
        return
    tmp.unlink()


def disk_nearly_full(folder: Path, room: int = 1024 * 1024) -> bool:
    try:
        return shutil.disk_usage(folder).free < room
    except OSError:
        return False


def operational_error(exc: sqlite3.OperationalError, home: Path) -> Exception:
    """An SQLite operational failure as the store's error: another writer, or a full disk.

    A full disk often shows as "disk I/O error" or "unable to open database file" (the
    ``-shm``/``-wal`` files cannot grow), so the free space decides, not the text alone.
    """
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return KlaError("db_locked", home=str(home))
    if "full" in text or disk_nearly_full(home):
        return KlaError("workspace_full", path=str(home))
    return exc


class Core:
    """The open connection of one workspace, its meta table and its audit log."""

    def __init__(self, paths: WorkspacePaths, database: Database, operator: str = "") -> None:
        self.paths = paths
        self.db = database
        self.operator = operator
        self._meta_cache: dict[str, str] | None = None
        self._savepoints = 0
        # Files being flushed (and folders to flush) that the open transaction's rows refer to:
        # all on disk before its COMMIT (:meth:`durable_before_commit`).
        self._flushing: list[Future[None]] = []
        self._unflushed_files: list[Path | str] = []
        """Placed since the last batch went to :func:`flush_soon` (sent by :data:`FLUSH_BATCH`)."""
        self._unflushed_folders: list[Path] = []
        self.transactions = 0
        """How many outermost transactions this connection has begun (what was read in one is
        not known to hold in the next: another writer may have committed between them)."""
        self._group: CommitGroup | None = None

    # ------------------------------------------------------------------ queries

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts. Straight on the connection: sqlite-utils' ``query`` wraps every
        SELECT in a savepoint, tripling the statements of a read for nothing."""
        cur = self.db.conn.execute(sql, params or [])
        cols = [d[0] for d in cur.description or ()]
        for row in cur:
            yield dict(zip(cols, row, strict=True))

    def rows(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        return list(self.query(sql, params))

    def one(self, sql: str, params: Any = None) -> dict[str, Any] | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: Any = None) -> sqlite3.Cursor:
        return self.db.execute(sql, params or [])

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        """One write statement run for many rows (one call, not one per row). Inside the caller's
        transaction (a failure rolls back with it); outside one, all-or-nothing by itself."""
        if self.db.conn.in_transaction:
            self.db.conn.executemany(sql, rows)
            return
        with self.transaction():
            self.db.conn.executemany(sql, rows)

    def insert_rows(self, head: str, width: int, rows: list[Any], tail: str = "") -> list[tuple[Any, ...]]:
        """``head VALUES (?, ...), (?, ...) ... tail`` for ``rows`` of ``width`` values each: the same
        rows, in the same order, as :meth:`executemany` of ``head VALUES (?, ...) tail`` writes, in a
        few statements instead of one per row (chunks of 64, 32, ... 1 rows: a handful of statement
        texts, each prepared once). Inside a bundle's savepoint every write statement opens and
        releases a statement journal of its own and SQLite walks the savepoint's in-memory journal
        from its start to release it, so the statements, not the rows, were what cost. Inside the
        caller's transaction (a failure rolls back with it); outside one, all-or-nothing by itself.
        Returns what a ``RETURNING`` clause in ``tail`` gives, for every row."""
        if not rows:
            return []
        if not self.db.conn.in_transaction:
            with self.transaction():
                return self.insert_rows(head, width, rows, tail)
        conn = self.db.conn
        out: list[tuple[Any, ...]] = []
        i, n = 0, len(rows)
        while i < n:
            size = 64
            while size > n - i:
                size //= 2
            sql = _MULTI_ROW.get((head, width, size, tail))
            if sql is None:
                one = "(" + ", ".join("?" * width) + ")"
                sql = _MULTI_ROW[(head, width, size, tail)] = f"{head} VALUES {', '.join([one] * size)}{tail}"
            params: list[Any] = []
            for r in rows[i:i + size]:
                params += r
            out += conn.execute(sql, params).fetchall()
            i += size
        return out

    def durable_before_commit(self, files: Iterable[Path | str], folders: Iterable[Path] = ()) -> None:
        """``files`` (complete, under their final names) and the ``folders`` their names are
        in are on disk before the open transaction commits, so a crash at any moment never
        leaves a committed row naming a file that is not there: the files start flushing in
        the background by batches of :data:`FLUSH_BATCH` (:func:`flush_soon`), and the COMMIT
        sends the rest, waits for every one of them, then flushes the folders together. Inside a
        :meth:`commit_group` on Linux they wait for its COMMIT, which flushes the file system that
        holds them once (:func:`flush_file_system`) when there are :data:`SYNCFS_MIN` or more. Outside a
        transaction they are flushed at once. A failed flush rolls the transaction back (nothing refers to a file that may be
        lost)."""
        if self.db.conn.in_transaction:
            self._unflushed_files += files
            self._unflushed_folders += folders
            if self._group is not None and _syncfs() is not None:
                return  # a group's files are flushed at its COMMIT, together (_flush_before_commit)
            if len(self._unflushed_files) >= FLUSH_BATCH:
                self._flushing += flush_soon(self._unflushed_files)
                self._unflushed_files = []
        else:
            fsync_together(files, folders)

    def _flush_before_commit(self) -> None:
        files, folders = self._unflushed_files, self._unflushed_folders
        if len(files) >= SYNCFS_MIN and self._flush_file_systems([*folders, *map(os.path.dirname, files)]):
            for done in self._flushing:
                done.result()  # started before (the first error is raised)
            self._flushing, self._unflushed_files, self._unflushed_folders = [], [], []
            return
        flushing = self._flushing + flush_soon(files)
        self._flushing, self._unflushed_files, self._unflushed_folders = [], [], []
        for done in flushing:
            done.result()  # the first error is raised
        if folders:
            fsync_together((), folders)

    @staticmethod
    def _flush_file_systems(folders: list[Path | str]) -> bool:
        """One :func:`flush_file_system` per file system the ``folders`` are on (one, the workspace's,
        unless a folder was moved elsewhere); False, having flushed nothing, where there is no such call."""
        if _syncfs() is None:
            return False
        devices: dict[int, Path | str] = {}
        for d in dict.fromkeys(folders):
            devices.setdefault(os.stat(d).st_dev, d)
        for d in devices.values():
            flush_file_system(d)
        return True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing; nests (savepoints).

        The outermost level is ``BEGIN IMMEDIATE``: the write lock is taken before the first
        read, so two writers (the window and ``kla``, or two ``kla``) queue on the busy
        timeout instead of one failing with "database is locked" when its read-then-write
        transaction tries to upgrade. A lock still held after the timeout is a KlaError
        ``db_locked``, a full disk ``workspace_full``, never a traceback.

        Inside a :meth:`commit_group` the outermost level is a savepoint too: the group's
        transaction (begun here if none is open) commits later, for several such parts at once.
        """
        conn = self.db.conn
        if not conn.in_transaction and self._group is not None:
            self._begin()
        if conn.in_transaction:
            self._savepoints += 1
            name = f"kla_sp_{self._savepoints}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                # Cached meta may hold what the rolled-back writes put there.
                self._meta_cache = None
                raise
            else:
                conn.execute(f"RELEASE {name}")
            return
        self._begin()
        with self._rolled_back_on_error():
            yield
        self._commit()

    @contextlib.contextmanager
    def _rolled_back_on_error(self) -> Iterator[None]:
        """Roll the open transaction back when the block fails; SQLite's own errors as the store's codes."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            self._rollback()
            mapped = operational_error(exc, self.paths.home)
            if mapped is exc:
                raise
            raise mapped from exc
        except BaseException:
            self._rollback()
            raise

    def _begin(self) -> None:
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise operational_error(exc, self.paths.home) from exc
        self.transactions += 1
        if self._group is not None:
            self._group.began = time.monotonic()

    def _rollback(self) -> None:
        self.db.conn.rollback()
        # Cached meta may hold what the rolled-back writes put there.
        self._meta_cache = None
        self._flushing, self._unflushed_files, self._unflushed_folders = [], [], []

    def _commit(self) -> None:
        """Flush the files the open transaction refers to, then COMMIT; on failure roll back."""
        conn = self.db.conn
        # A flush that fails rolls back what refers to the files.
        with self._rolled_back_on_error():
            self._flush_before_commit()
        try:
            conn.commit()
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise operational_error(exc, self.paths.home) from exc

    @contextlib.contextmanager
    def commit_group(self, max_parts: int = 64, max_seconds: float = 2.0) -> Iterator[CommitGroup]:
        """Several all-or-nothing parts (each a :meth:`transaction`) sharing one flush and COMMIT.

        Inside the block, each ``transaction()`` is a savepoint of one transaction that the
        group holds open: a part that fails rolls back to its savepoint and the parts before it
        stay; :meth:`CommitGroup.part_done` commits (files flushed first, as every commit)
        once ``max_parts`` parts or ``max_seconds`` have gone by since the group's transaction
        began, and the block's end commits the rest, also when it ends by an exception (the
        failed part is already rolled back). A crash before a commit loses the parts since the
        previous one, all-or-nothing each: the caller must be able to do them again (an import
        leaves its files where they are, and a file imported again is a duplicate only once
        its commit is on disk). Every write inside the block must be inside a part. Inside an
        open transaction the group does nothing of its own (the parts are savepoints of it).
        """
        if self.db.conn.in_transaction or self._group is not None:
            yield CommitGroup(self, 0, 0.0, nested=True)
            return
        group = CommitGroup(self, max_parts, max_seconds)
        self._group = group
        try:
            yield group
        except BaseException:
            self._group = None
            if self.db.conn.in_transaction:
                try:
                    self._commit()
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    log.warning("commit of a group's finished parts failed", exc_info=True)
            raise
        self._group = None
        if self.db.conn.in_transaction:
            self._commit()

    @contextlib.contextmanager
    def larger_cache(self, mib: int = 64) -> Iterator[None]:
        """SQLite keeps up to ``mib`` MiB of the database's pages in memory inside the block (not
        its default 2 MiB): an import of dozens of bundles touches every index of evidence,
        values and the audit log, and with the default it read the same pages again and again
        (-15 % of its time at 34 bundles, bench/README "Import, the writer process"). Back to the
        size before at the end (the pages above it are freed)."""
        conn = self.db.conn
        before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = {-1024 * int(mib)}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {before}")

    @contextlib.contextmanager
    def counting(self) -> Iterator[list[str]]:
        """Record every SQL statement run inside the block (benchmarks, query budgets)."""
        seen: list[str] = []
        self.db.conn.set_trace_callback(seen.append)
        try:
            yield seen
        finally:
            self.db.conn.set_trace_callback(None)

    # ------------------------------------------------------------------ meta

    def meta_all(self) -> dict[str, str]:
        if self._meta_cache is None:
            self._meta_cache = {r["key"]: r["value"] for r in self.db.query("SELECT key, value FROM meta")}
        return self._meta_cache

    def meta(self, key: str, default: str = "") -> str:
        return self.meta_all().get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
        self._meta_cache = None

    def forget_cache(self) -> None:
        self._meta_cache = None

    @property
    def role(self) -> str:
        return self.meta("role")

    @property
    def kelurahan_code(self) -> str:
        return self.meta("kelurahan_code")

    @property
    def city_code(self) -> str:
        return self.meta("city_code")

    @property
    def device_id(self) -> str:
        return self.meta("device_id")

    # ------------------------------------------------------------------ audit

    def audit(self, action: str, entity: str, key: str, old: Any, new: Any) -> None:
        self.db.execute(AUDIT_INSERT, self.audit_row(action, entity, key, old, new))

    def audit_row(self, action: str, entity: str, key: str, old: Any, new: Any) -> list[Any]:
        """One audit line as :meth:`audit` writes it, stamped now, for :meth:`audit_rows` later."""
        return [now_iso(), self.operator, action, entity, key, dump(old), dump(new)]

    def audit_row_text(self, action: str, entity: str, key: str, old: Any, new_text: str) -> list[Any]:
        """:meth:`audit_row` with the new value's JSON text already made (``dump(new)``)."""
        return [now_iso(), self.operator, action, entity, key, dump(old), new_text]

    def audit_rows(self, rows: list[list[Any]]) -> None:
        """Audit lines made by :meth:`audit_row`, in one statement (inside the caller's transaction)."""
        self.insert_rows(AUDIT_INSERT[:AUDIT_INSERT.index(" VALUES")], 7, rows)

    def audit_log(self, entity: str | None = None, key_prefix: str | None = None, limit: int = 200) -> list[AuditRecord]:
        sql = "SELECT * FROM audit_log WHERE 1=1"
        params: list[Any] = []
        if entity:
            sql += " AND entity = ?"
            params.append(entity)
        if key_prefix:
            sql += " AND entity_key LIKE ? ESCAPE '\\'"
            params.append(key_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        return [
            AuditRecord(
                r["id"], r["at"], r["operator"], r["action"], r["entity"], r["entity_key"],
                load(r["old_value"]), load(r["new_value"]),
            )
            for r in self.db.query(sql, params)
        ]

    # ------------------------------------------------------------------ migrations

    def pending_migrations(self, migrations: list[tuple[str, list[str]]]) -> list[str]:
        if "migrations" not in self.db.table_names():
            return [name for name, _ in migrations]
        done = {r["name"] for r in self.db.query("SELECT name FROM migrations")}
        return [name for name, _ in migrations if name not in done]

    def migrate(self, migrations: list[tuple[str, list[str]]], before: Callable[[], Any] | None = None) -> list[str]:
        """Run pending named migrations; ``before`` runs first (a backup) when any is pending."""
        if "migrations" not in self.db.table_names():
            self.db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        pending = self.pending_migrations(migrations)
        if not pending:
            return []
        known = {name for name, _ in migrations}
        done = {r["name"] for r in self.db.query("SELECT name FROM migrations")}
        if done - known:
            # A newer program wrote this file: refuse rather than guess.
            raise KlaError("db_newer", unknown=", ".join(sorted(done - known)))
        if before is not None:
            before()
        for name, statements in migrations:
            if name not in pending:
                continue
            with self.db.atomic():
                for sql in statements:
                    self.db.execute(sql)
                self.db.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)", [name, now_iso()])
        return pending

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()


class CommitGroup:
    """The open group of :meth:`Core.commit_group`: parts done, and when its transaction began."""

    def __init__(self, core: Core, max_parts: int, max_seconds: float, *, nested: bool = False) -> None:
        self.core = core
        self.max_parts = max_parts
        self.max_seconds = max_seconds
        self.nested = nested
        self.parts = 0
        self.commits = 0
        self.began = 0.0
        """When the group's open transaction began (``time.monotonic``)."""

    def part_done(self) -> None:
        """One part finished (imported, refused or skipped): commit when the group is due."""
        if self.nested or not self.core.db.conn.in_transaction:
            return
        self.parts += 1
        if self.parts >= self.max_parts or time.monotonic() - self.began >= self.max_seconds:
            self.commit()

    def commit(self) -> None:
        """Commit the parts done so far (their files flushed first); the next part begins anew."""
        if self.nested or not self.core.db.conn.in_transaction:
            return
        self.core._commit()
        self.commits += 1
        self.parts = 0
