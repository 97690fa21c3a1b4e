"""One writer per workspace: an operating-system lock on a file in the workspace folder.

The window takes the lock when it opens a workspace and holds it until it closes; a
``kla`` command that changes data takes it for as long as it runs. Whoever finds it taken
knows someone else is writing: a second window opens read-only, a CLI write is refused.

The lock is ``filelock.FileLock``: ``fcntl.flock`` on Linux and macOS, ``msvcrt.locking``
on Windows. The operating system drops it when the owning process ends, however it ends
(crash, power cut, kill), so a lock file left behind never blocks anyone: only a living
process holds a lock. Two locks on the same file in one process also exclude each other.

Beside the lock file a small JSON note says who holds it (window or command line, process
id, computer, since when), only so that a refusal can say *who* to close. The note is
advisory: a note without a held lock means nothing.

Plain Python, no Qt: the command line uses it too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = "kla-desktop.lock"
HOLDER_NAME = "kla-desktop.lock.json"

WINDOW = "window"
CLI = "cli"


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as the holder wrote it down."""

    program: str  # WINDOW or CLI
    pid: int
    host: str
    since: str


class WorkspaceLock:
    """The write lock of the workspace in ``home``. Not taken until :meth:`try_lock`."""

    def __init__(self, home: Path, program: str = WINDOW) -> None:
        self.home = Path(home)
        self.path = self.home / LOCK_NAME
        self.holder_path = self.home / HOLDER_NAME
        self.program = program
        self._lock = FileLock(str(self.path), timeout=0)

    def try_lock(self) -> bool:
        """Take the lock without waiting. False: someone else holds it (or the folder cannot hold a lock)."""
        if not self._acquire():
            return False
        self._write_holder()
        return True

    def held_elsewhere(self) -> bool:
        """True when another holder has the lock. Takes it and gives it back at once when free."""
        if self._lock.is_locked:
            return False
        if not self.path.exists():
            return False  # never locked here (and a probe leaves no file behind)
        if self._acquire():
            self._lock.release(force=True)
            return False
        return True

    def _acquire(self) -> bool:
        if self._lock.is_locked:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            return False
        return True

    def unlock(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                self.holder_path.unlink(missing_ok=True)
            self._lock.release(force=True)

    @property
    def locked(self) -> bool:
        """True while this object holds the lock."""
        return bool(self._lock.is_locked)

    def holder(self) -> Holder | None:
        """Who wrote that they hold the lock; None when unknown or not written."""
        try:
            data = json.loads(self.holder_path.read_text("utf-8"))
            return Holder(str(data["program"]), int(data["pid"]), str(data["host"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_holder(self) -> None:
        note = {"program": self.program, "pid": os.getpid(), "host": socket.gethostname(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        tmp = self.holder_path.with_name(self.holder_path.name + ".tmp")
        with contextlib.suppress(OSError):
            tmp.write_text(json.dumps(note), "utf-8")
            os.replace(tmp, self.holder_path)
