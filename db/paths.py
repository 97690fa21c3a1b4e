"""Where a workspace lives on disk.

One override for everything: ``--home DIR`` on the command line or ``KLA_HOME`` in the
environment. Without it, the per-user data folder of the platform is used. Tests always
pass a folder under ``tmp_path`` and so never touch the real home.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "KLA_HOME"
DB_NAME = "kla.sqlite"


def default_home() -> Path:
    """The platform's per-user data folder for KLA Desktop."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "KLA Desktop"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "KLA Desktop"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kla-desktop"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit`` (a --home flag) wins, then ``KLA_HOME``, then the default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return default_home()


@dataclass(frozen=True)
class WorkspacePaths:
    """The folders and files of one workspace."""

    home: Path

    @property
    def db(self) -> Path:
        return self.home / DB_NAME

    @property
    def evidence(self) -> Path:
        return self.home / "evidence"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def quarantine(self) -> Path:
        return self.home / "quarantine"

    @property
    def outbox(self) -> Path:
        return self.home / "outbox"

    @property
    def keys(self) -> Path:
        return self.home / "keys"

    @property
    def tmp(self) -> Path:
        return self.home / "tmp"

    def evidence_file(self, sha256: str) -> Path:
        return self.evidence / sha256[:2] / sha256
