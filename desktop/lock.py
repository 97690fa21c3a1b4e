"""One writer per workspace: a QLockFile in the workspace folder.

QLockFile notices a stale lock left by a crashed program (same host, dead process) and
takes it over, so a power cut never locks the clerk out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "kla-desktop.lock"


class WorkspaceLock:
    def __init__(self, home: Path) -> None:
        self.path = Path(home) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # 0: stale only when the owning process is gone

    def try_lock(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(0)

    def unlock(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def locked(self) -> bool:
        return self._lock.isLocked()
