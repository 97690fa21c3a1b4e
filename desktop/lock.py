"""The workspace lock moved to :mod:`db.lock` (plain Python, shared by the window and ``kla``)."""

from db.lock import LOCK_NAME, WorkspaceLock

__all__ = ["LOCK_NAME", "WorkspaceLock"]
