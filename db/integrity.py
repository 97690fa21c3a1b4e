"""When opening a workspace runs ``PRAGMA quick_check``: at most daily, and after an unclean shutdown.

``quick_check`` reads every page of the database: 136 ms at 1,000 units on an old PC, paid by
every start of the window and every ``kla`` command when it ran on each open. It finds damage
that happened since the file was last known good; the file only changes through us (or through
a crash, a bad disk or someone copying over it), so it is run when something may have
happened, and the full ``PRAGMA integrity_check`` (plus every evidence file's hash) stays on
demand with ``kla check``.

A small note beside the database (``kla-quick-check.json``) says when the last check passed and
how the file looked (size, modification time) when the last connection closed cleanly
(:func:`note_clean_close`). Opening checks (:func:`check_reason`) when:

- there is no note, or it cannot be read (first open with this version, a copied workspace);
- the last check passed more than a day ago, or "in the future" (a wrong clock);
- a ``-wal`` file with content is left behind and nobody holds the workspace lock
  (:mod:`db.lock`): the last writer ended without closing, a crash or power cut;
- the file is not as the last clean close left it (and nobody is writing it now): a crash
  after a write, a restore, a copy from elsewhere.

While another program holds the workspace lock (the window open, ``kla`` reading beside it)
its WAL and writes are expected: then only the daily rule applies.

Plain Python, no Qt. A note that cannot be written (read-only folder) only means checking again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path

from db.lock import WorkspaceLock
from db.paths import WorkspacePaths

NOTE_NAME = "kla-quick-check.json"
MAX_AGE = dt.timedelta(days=1)

NO_NOTE = "no_note"
DAILY = "daily"
UNCLEAN = "unclean_shutdown"
CHANGED = "changed_outside"


def _note_path(paths: WorkspacePaths) -> Path:
    return paths.home / NOTE_NAME


def _read(paths: WorkspacePaths) -> dict | None:
    try:
        data = json.loads(_note_path(paths).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write(paths: WorkspacePaths, data: dict) -> None:
    path = _note_path(paths)
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(OSError):
        tmp.write_text(json.dumps(data), "utf-8")
        os.replace(tmp, path)


def _file_state(paths: WorkspacePaths) -> list[int] | None:
    try:
        st = paths.db.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _wal_left(paths: WorkspacePaths) -> bool:
    wal = Path(str(paths.db) + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _someone_writing(paths: WorkspacePaths) -> bool:
    """True when another living program holds the workspace lock (the lock this process took
    itself, as the window does before opening, does not count: its WAL is ours)."""
    lock = WorkspaceLock(paths.home)
    if not lock.held_elsewhere():
        return False
    holder = lock.holder()
    return not (holder is not None and holder.pid == os.getpid())


def check_reason(paths: WorkspacePaths, now: dt.datetime | None = None) -> str | None:
    """Why opening should run ``quick_check`` now, or None to skip it (see the module docstring)."""
    note = _read(paths)
    if note is None or "checked_at" not in note:
        return NO_NOTE
    now = now or dt.datetime.now(dt.UTC)
    try:
        checked = dt.datetime.fromisoformat(str(note["checked_at"]))
    except ValueError:
        return NO_NOTE
    if checked.tzinfo is None:
        checked = checked.replace(tzinfo=dt.UTC)
    if not (dt.timedelta(0) <= now - checked <= MAX_AGE):
        return DAILY
    wal = _wal_left(paths)
    changed = note.get("closed") != _file_state(paths)
    if (wal or changed) and not _someone_writing(paths):
        return UNCLEAN if wal else CHANGED
    return None


def note_checked(paths: WorkspacePaths, now: dt.datetime | None = None) -> None:
    """The quick check just passed."""
    note = _read(paths) or {}
    note["checked_at"] = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    _write(paths, note)


def note_clean_close(paths: WorkspacePaths) -> None:
    """A connection closed cleanly: remember how the file looks now (a later difference is news)."""
    note = _read(paths)
    if note is None:
        return  # never checked: the next open checks anyway
    if _wal_left(paths):
        return  # another connection is still open: its own close will say how it left the file
    note["closed"] = _file_state(paths)
    _write(paths, note)
