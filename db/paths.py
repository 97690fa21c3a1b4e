"""Where things live on disk: the program's folders and the folders of one workspace.

One module decides (STYLE 5). One override for everything: ``--home DIR`` on the command
line or ``KLA_HOME`` in the environment; DIR is then the workspace and its logs go to
``DIR/logs``. Without it, the platform's per-user folders from ``platformdirs``:

- Windows: data ``%LOCALAPPDATA%\\KLA Desktop``, logs ``...\\KLA Desktop\\Logs``, cache ``...\\Cache``
- Linux: data ``~/.local/share/kla-desktop``, logs ``~/.local/state/kla-desktop/log``,
  cache ``~/.cache/kla-desktop`` (the XDG variables move them)
- macOS: data ``~/Library/Application Support/KLA Desktop``, logs ``~/Library/Logs/KLA Desktop``

The data folder holds ``kla-desktop.ini`` (window settings, the last workspace) and the
workspaces the first-run flow makes.

On Windows the data is in the *local* application-data folder, not the roaming one: a
roaming profile is copied over the network at every log-on of a domain PC, and evidence
photos make that slow. Earlier versions wrote to the roaming ``%APPDATA%\\KLA Desktop``;
:func:`migrate_legacy` finds such a folder and moves it (or, when it cannot, leaves it and
says to use it where it is), so nothing is lost.

Tests always pass a folder under ``tmp_path`` (and tests/conftest.py points the XDG
folders at a temporary folder), so they never touch the real home.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from pathlib import Path

from db.record import record

ENV_HOME = "KLA_HOME"
DB_NAME = "kla.sqlite"
LOGS_NAME = "logs"
CACHE_NAME = "cache"


def app_name() -> str:
    """The folder name: "KLA Desktop" on Windows and macOS, "kla-desktop" on Linux (as before)."""
    return "KLA Desktop" if sys.platform in ("win32", "darwin") else "kla-desktop"


@record
class AppFolders:
    """The program's folders for one start.

    ``explicit``: --home/KLA_HOME was given and ``data`` *is* the workspace; otherwise ``data``
    holds the window settings and the workspaces the first-run flow makes.
    """

    data: Path
    logs: Path
    cache: Path
    explicit: bool = False


def platform_folders() -> AppFolders:
    """The platform's per-user folders (local, not roaming, on Windows). Nothing is created."""
    import platformdirs  # only without --home (an import or a command on a given workspace skips it)

    name = app_name()
    return AppFolders(
        data=Path(platformdirs.user_data_path(name, appauthor=False, roaming=False)),
        logs=Path(platformdirs.user_log_path(name, appauthor=False)),
        cache=Path(platformdirs.user_cache_path(name, appauthor=False)),
    )


def workspace_folders(home: Path) -> AppFolders:
    """--home DIR: everything under DIR, so portable installs and tests stay inside it."""
    home = Path(home)
    return AppFolders(data=home, logs=home / LOGS_NAME, cache=home / CACHE_NAME, explicit=True)


def legacy_homes() -> list[Path]:
    """Where versions before platformdirs put the data by default (only those that differ now)."""
    if sys.platform == "win32":
        old = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "KLA Desktop"
    elif sys.platform == "darwin":
        old = Path.home() / "Library" / "Application Support" / "KLA Desktop"
    else:
        old = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "kla-desktop"
    return [] if _same(old, platform_folders().data) else [old]


def default_home() -> Path:
    """The platform's per-user data folder for KLA Desktop."""
    return platform_folders().data


def explicit_home(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """``explicit`` (a --home flag) wins, then ``KLA_HOME``; None when neither is given."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return None


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit`` (a --home flag) wins, then ``KLA_HOME``, then a portable ``data`` folder, then the default."""
    return explicit_home(explicit) or portable_home() or default_home()


PORTABLE_NAME = "data"


def portable_home(executable: str | os.PathLike[str] | None = None, frozen: bool | None = None) -> Path | None:
    """Portable mode: a ``data`` folder beside the built program (``kla-desktop.exe``, ``kla.exe``)
    *is* the workspace, so the whole folder runs from a USB stick and leaves nothing on the PC.

    Only for the frozen build (PyInstaller sets ``sys.frozen``): beside a source checkout's
    Python there is no program folder to speak of. None when there is no such folder.
    """
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if not frozen:
        return None
    folder = Path(executable or sys.executable).resolve().parent / PORTABLE_NAME
    return folder if folder.is_dir() else None


def resolve_folders(explicit: str | os.PathLike[str] | None = None) -> tuple[AppFolders, list[Migration]]:
    """The folders of this start, after moving a workspace left at an old default place.

    With --home/KLA_HOME nothing is looked for or moved; then a portable ``data`` folder
    beside the built program (:func:`portable_home`). The migrations are returned (not
    logged here: the log is set up with these folders) for the caller to write to the log.
    """
    home = explicit_home(explicit) or portable_home()
    if home is not None:
        return workspace_folders(home), []
    folders = platform_folders()
    done = [migrate_legacy(old, folders.data, keep={folders.logs, folders.cache}) for old in legacy_homes()]
    done = [m for m in done if m.outcome != NOTHING]
    for m in done:
        if m.outcome == KEPT_OLD:
            folders = AppFolders(data=m.old, logs=folders.logs, cache=folders.cache)
    return folders, done


def relocated(path: str | os.PathLike[str], data: Path) -> Path | None:
    """Where a remembered path under an old default folder is now (None if not under one).

    The window remembers the last workspace as an absolute path; after a move that path
    names the old place.
    """
    path = Path(path)
    for old in legacy_homes():
        with contextlib.suppress(ValueError):
            return Path(data) / path.relative_to(old)
    return None


# ---------------------------------------------------------------------------- moving old data

NOTHING = "nothing"      # no old folder (or an empty one)
MOVED = "moved"          # renamed into place (same disk)
COPIED = "copied"        # copied, compared file by file, then the old folder removed
KEPT_OLD = "kept_old"    # could not move: the old folder is used where it is, this time
BOTH = "both"            # the new folder already holds data: it is used, the old one is left untouched
BUSY = "busy"            # error of KEPT_OLD: a workspace in the old folder is open in a running program


@record
class Migration:
    """What :func:`migrate_legacy` did. Facts only; the caller words them for the log."""

    old: Path
    new: Path
    outcome: str
    error: str = ""               # KEPT_OLD: why (BUSY or the operating system's words)
    left_behind: Path | None = None  # COPIED: a remainder of the old folder that could not be removed

    @property
    def home(self) -> Path:
        """The data folder to use after this migration."""
        return self.old if self.outcome == KEPT_OLD else self.new


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.normcase(str(Path(a).resolve())) == os.path.normcase(str(Path(b).resolve()))
    except OSError:
        return False


def _entries(folder: Path, keep: set[Path]) -> list[Path]:
    """What ``folder`` holds, without the program's own log/cache folders inside it."""
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if not any(_same(p, k) for k in keep)]


def _busy(folder: Path) -> bool:
    """A workspace inside ``folder`` (or the folder itself) is open in a running program."""
    from db.lock import LOCK_NAME, WorkspaceLock

    for lock_file in [folder / LOCK_NAME, *folder.glob(f"*/{LOCK_NAME}")]:
        if WorkspaceLock(lock_file.parent).held_elsewhere():
            return True
    return False


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def migrate_legacy(old: Path, new: Path, keep: set[Path] | None = None) -> Migration:
    """Move the data folder ``old`` to ``new`` without losing anything.

    ``keep`` names folders inside ``new`` that are the program's own (logs, cache) and do not
    count as data. The order of attempts:

    1. a rename (same disk: instant, all or nothing);
    2. on another disk: a copy next to ``new``, compared byte for byte with the original,
       renamed into place, and only then the old folder removed;
    3. if either fails, or a workspace in ``old`` is open in a running program, nothing is
       moved and ``old`` is used where it is (KEPT_OLD); the next start tries again.

    A ``new`` that already holds data is never overwritten or merged into (BOTH).
    """
    old, new, keep = Path(old), Path(new), set(keep or ())
    if not old.is_dir() or _same(old, new) or not any(old.iterdir()):
        return Migration(old, new, NOTHING)
    if _entries(new, keep):
        return Migration(old, new, BOTH)
    if _busy(old):
        return Migration(old, new, KEPT_OLD, error=BUSY)
    aside: Path | None = None
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
        if new.exists():
            # Holding only our own logs/cache: set it aside, put its contents back after.
            aside = new.with_name(new.name + ".sisa")
            if aside.exists():
                shutil.rmtree(aside)
            os.replace(new, aside)
        try:
            os.rename(old, new)
            return Migration(old, new, MOVED)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
        _copy_verified(old, new)
        return Migration(old, new, COPIED, left_behind=_remove_old(old))
    except OSError as exc:
        if aside is not None and not new.exists():
            with contextlib.suppress(OSError):
                os.replace(aside, new)
                aside = None
        return Migration(old, new, KEPT_OLD, error=f"{type(exc).__name__}: {exc}")
    finally:
        if aside is not None and new.is_dir():
            _put_back(aside, new)


def _copy_verified(old: Path, new: Path) -> None:
    staging = new.with_name(new.name + ".memindahkan")
    if staging.exists():
        shutil.rmtree(staging)
    try:
        shutil.copytree(old, staging, copy_function=shutil.copy2)
        wanted, got = _files(old), _files(staging)
        if wanted != got:
            raise OSError(errno.EIO, "copy incomplete", str(staging))
        import filecmp

        for rel in wanted:
            if not filecmp.cmp(old / rel, staging / rel, shallow=False):
                raise OSError(errno.EIO, "copy differs from the original", str(staging / rel))
        os.replace(staging, new)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _remove_old(old: Path) -> Path | None:
    """Remove the original after a verified copy; what was left behind, if anything."""
    retired = old.with_name(old.name + ".sudah-dipindah")
    try:
        os.replace(old, retired)
    except OSError:
        return old
    shutil.rmtree(retired, ignore_errors=True)
    return retired if retired.exists() else None


def _put_back(aside: Path, new: Path) -> None:
    """Our own logs/cache that were set aside go back; on a name clash they stay in ``aside``."""
    for entry in list(aside.iterdir()):
        with contextlib.suppress(OSError):
            if not (new / entry.name).exists():
                os.replace(entry, new / entry.name)
    with contextlib.suppress(OSError):
        aside.rmdir()


@record
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


def _machine_id() -> str:
    """This computer's own id, as the system keeps it (Linux ``/etc/machine-id``, Windows
    ``MachineGuid``); its network name where there is none. Read at each open, never stored alone."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError, ImportError):
            import winreg

            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography", 0,
                                winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
    else:
        for name in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
            with contextlib.suppress(OSError):
                text = Path(name).read_text(encoding="ascii", errors="replace").strip()
                if text:
                    return text
    import socket

    return socket.gethostname()


def device_place(home: Path) -> str:
    """Where a workspace is: a hash of this computer's id and the workspace's full path, or
    ``portable`` for the ``data`` folder beside the built program (a stick carried from PC to PC
    is one workspace wherever it is plugged in). A workspace that finds another place than it
    recorded was copied or moved (``db.store.Store.open`` then gives it a device id of its own)."""
    from db.digest import sha256  # not hashlib: OpenSSL would load at every start for this one hash

    portable = portable_home()
    if portable is not None and os.path.normcase(os.path.realpath(portable)) == \
            os.path.normcase(os.path.realpath(home)):
        return "portable"
    where = f"{_machine_id()}\n{os.path.normcase(os.path.realpath(home))}"
    return sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32]
