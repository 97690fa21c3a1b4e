"""One writer per workspace: an operating-system lock on a file in the workspace folder.

The window takes the lock when it opens a workspace and holds it until it closes; a
``kla`` command that changes data takes it for as long as it runs. Whoever finds it taken
knows someone else is writing: a second window opens read-only, a CLI write is refused.

The lock is the operating system's own, taken without waiting on an open descriptor of the
lock file: ``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` of its first byte on Windows.
The operating system drops it when the owning process ends, however it ends (crash, power cut,
kill), so a lock file left behind never blocks anyone: only a living process holds a lock.
Two locks on the same file in one process also exclude each other (each opens the file
itself). A folder whose file system cannot lock at all counts as held (read-only), as before.
(It was ``filelock.FileLock`` on the same primitives: its import, 35-50 ms, was the largest
single part of the window's start-up after Qt's own.)

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
import sys
from pathlib import Path

from db.record import record

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # OSError (EACCES/EDEADLOCK) when held elsewhere

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _host() -> str:
        return os.environ.get("COMPUTERNAME", "") or __import__("socket").gethostname()
else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError when held elsewhere

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _host() -> str:
        return os.uname().nodename  # what socket.gethostname() returns, without importing socket

LOCK_NAME = "kla-desktop.lock"
HOLDER_NAME = "kla-desktop.lock.json"

WINDOW = "window"
CLI = "cli"


@record
class Holder:
    """Who holds the lock, as the holder wrote it down."""

    program: str  # WINDOW or CLI
    pid: int
    host: str
    since: str


class WorkspaceLock:
    """The write lock of the workspace in ``home``. Not taken until :meth:`try_lock`."""

    def __init__(self, home: Path, program: str = WINDOW) -> None:
        self._fd: int | None = None  # the open, locked lock file while this object holds the lock
        self.home = Path(home)
        self.path = self.home / LOCK_NAME
        self.holder_path = self.home / HOLDER_NAME
        self.program = program

    def try_lock(self) -> bool:
        """Take the lock without waiting. False: someone else holds it (or the folder cannot hold a lock)."""
        if not self._acquire():
            return False
        self._write_holder()
        return True

    def held_elsewhere(self) -> bool:
        """True when another holder has the lock. Takes it and gives it back at once when free."""
        if self._fd is not None:
            return False
        if not self.path.exists():
            return False  # never locked here (and a probe leaves no file behind)
        if self._acquire():
            self._release()
            return False
        return True

    def _acquire(self) -> bool:
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by child processes
        except OSError:
            return False
        try:
            _lock_fd(fd)
        except OSError:  # held elsewhere, or a file system that cannot lock: not taken either way
            os.close(fd)
            return False
        self._fd = fd
        return True

    def _release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                _unlock_fd(fd)
        finally:
            os.close(fd)  # closing drops the lock in any case

    def __del__(self) -> None:
        # A lock object dropped while held gives the lock back (as filelock's did), never leaks it.
        self._release()

    def unlock(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.holder_path.unlink(missing_ok=True)
            self._release()

    @property
    def locked(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def holder(self) -> Holder | None:
        """Who wrote that they hold the lock; None when unknown or not written."""
        try:
            data = json.loads(self.holder_path.read_text("utf-8"))
            return Holder(str(data["program"]), int(data["pid"]), str(data["host"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_holder(self) -> None:
        note = {"program": self.program, "pid": os.getpid(), "host": _host(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        tmp = self.holder_path.with_name(self.holder_path.name + ".tmp")
        with contextlib.suppress(OSError):
            tmp.write_text(json.dumps(note), "utf-8")
            os.replace(tmp, self.holder_path)
