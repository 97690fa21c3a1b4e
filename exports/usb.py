"""Writing files that must arrive whole: USB sticks, folders, network shares.

``write_verified`` writes to a temporary name next to the target, flushes and fsyncs,
gives it the final name without ever replacing a different file already there (a hard
link, which fails when the name is taken; on FAT sticks, which have no links, the name is
reserved with an exclusive create first), drops the page cache for the file (Linux) and
reads it back to compare its SHA-256 with what was written. A full, read-only or
pulled-out stick raises a ``KlaError`` with a clear code and leaves no file under the
final name; a name taken by another file raises ``dest_exists`` and leaves that file as
it was.
``removable_drives`` lists mounted removable volumes for the destination picker.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from db.errors import KlaError

CHUNK = 1024 * 1024
TMP_SUFFIX = ".sedang-ditulis"


class HashingWriter:
    """A write-only file wrapper that hashes and counts what passes through."""

    def __init__(self, fh: BinaryIO, cancelled: Callable[[], bool] | None = None) -> None:
        self.fh = fh
        self.sha = hashlib.sha256()
        self.size = 0
        self.cancelled = cancelled
        # Libraries that call write() (pyrage) wrap our exceptions in their own; the
        # original is kept here so the caller can still tell "stick full" from the rest.
        self.error: BaseException | None = None

    def write(self, data: bytes) -> int:
        try:
            if self.cancelled and self.cancelled():
                raise KlaError("cancelled")
            self.sha.update(data)
            self.size += len(data)
            return self.fh.write(data)
        except BaseException as exc:
            self.error = exc
            raise

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        """Nothing: whoever opened ``fh`` closes it (``zipfile.ZipFile`` only asks for the method)."""


def _os_error(exc: OSError, path: Path) -> KlaError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return KlaError("dest_full", path=str(path))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return KlaError("dest_readonly", path=str(path))
    if exc.errno in (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE):
        return KlaError("dest_gone", path=str(path))
    # The system's own words are English: the message names the error number instead.
    return KlaError("dest_write_failed", path=str(path), detail="os_error",
                    error=errno.errorcode.get(exc.errno or 0, str(exc.errno)))


def workspace_full(exc: OSError, path: Path) -> KlaError | None:
    """``workspace_full`` when ``exc`` means the PC's own disk has no room, else None.

    The plain ZIP of an export and the decrypted copy of an import live under the
    workspace's ``tmp/``; when that disk fills up the clerk needs to hear "your disk", in
    Indonesian, not the operating system's English "No space left on device".
    """
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return KlaError("workspace_full", path=str(path))
    return None


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sha256_of(path: Path, drop_cache: bool = False) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        if drop_cache and hasattr(os, "posix_fadvise"):
            # Read from the stick, not from the copy the kernel still has in memory.
            with contextlib.suppress(OSError):
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def write_verified(
    dest: Path,
    produce: Callable[[HashingWriter], None],
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[Path], BinaryIO] | None = None,
) -> tuple[str, int]:
    """Write ``dest`` through ``produce(writer)``; returns (sha256, size) after reading it back."""
    dest = Path(dest)
    tmp = dest.with_name(dest.name + TMP_SUFFIX)
    try:
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:
            # "--out" naming a file (or a path through one): say which, not "EEXIST".
            blocker = next((p for p in (dest.parent, *dest.parent.parents) if p.exists() and not p.is_dir()),
                           dest.parent)
            raise KlaError("dest_not_folder", path=str(blocker)) from exc
        with (opener or (lambda p: open(p, "wb")))(tmp) as fh:
            w = HashingWriter(fh, cancelled)
            produce(w)
            fh.flush()
            os.fsync(fh.fileno())
            if hasattr(os, "posix_fadvise"):
                with contextlib.suppress(OSError):
                    os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        if not _publish(tmp, dest, w.sha.hexdigest()):
            return w.sha.hexdigest(), w.size  # the very same bytes were already there
        _fsync_dir(dest.parent)
        back = sha256_of(dest, drop_cache=True)
    except KlaError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _os_error(exc, dest) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if back != w.sha.hexdigest() or dest.stat().st_size != w.size:
        with contextlib.suppress(OSError):
            dest.unlink()
        raise KlaError("dest_verify_failed", path=str(dest))
    return back, w.size


# A file system that has no hard links (FAT32/exFAT sticks, some network shares) says so
# with one of these.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV, errno.EINVAL,
             errno.EACCES}


def _same_file(path: Path, sha: str) -> bool:
    try:
        return sha256_of(path) == sha
    except OSError:
        return False


def _publish(tmp: Path, dest: Path, sha: str) -> bool:
    """Give ``tmp`` the name ``dest``, never replacing a different file that has it.

    Returns False when ``dest`` already holds exactly these bytes (``tmp`` is then removed):
    writing the same file twice is not an error. Raises ``dest_exists`` for a different file.
    """
    try:
        os.link(tmp, dest)
    except FileExistsError:
        if _same_file(dest, sha):
            tmp.unlink()
            return False
        raise KlaError("dest_exists", path=str(dest)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.name == "nt":
            try:
                os.rename(tmp, dest)  # never replaces on Windows
            except FileExistsError:
                if _same_file(dest, sha):
                    tmp.unlink()
                    return False
                raise KlaError("dest_exists", path=str(dest)) from None
            return True
        # No links (a FAT stick on Linux): reserve the name with an exclusive create, then
        # move the finished file over our own empty reservation.
        try:
            os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            if _same_file(dest, sha):
                tmp.unlink()
                return False
            raise KlaError("dest_exists", path=str(dest)) from None
        os.replace(tmp, dest)
        return True
    tmp.unlink()
    return True


def remove_leftovers(folder: Path, prefix: str) -> int:
    """Delete ``<prefix>*.sedang-ditulis`` files a killed or crashed writer left in ``folder``.

    A temporary name is never a finished file, but on a small stick a half-written bundle
    from a crash can take the room the retry needs (then the retry fails "stick full" until
    someone finds and deletes a file they never saw). Returns how many were removed.
    """
    removed = 0
    with contextlib.suppress(OSError):
        for p in Path(folder).glob(prefix + "*" + TMP_SUFFIX):
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    return removed


def copy_verified(source: Path, dest: Path, cancelled: Callable[[], bool] | None = None) -> tuple[str, int]:
    def produce(w: HashingWriter) -> None:
        with open(source, "rb") as src:
            while chunk := src.read(CHUNK):
                w.write(chunk)

    return write_verified(dest, produce, cancelled)


# ---------------------------------------------------------------------------- drives


@dataclass(frozen=True)
class Volume:
    path: str
    label: str
    free: int
    total: int
    filesystem: str = ""


_REMOVABLE_FS = {"vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "msdos", "hfsplus", "udf", "iso9660"}
_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")


def _unescape(s: str) -> str:
    return s.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def _linux_removable(device: str, sys_block: Path) -> bool | None:
    name = Path(device).name
    for cand in (name, name.rstrip("0123456789"), name.split("p")[0] if name.startswith("mmcblk") else name):
        f = sys_block / cand / "removable"
        if f.exists():
            with contextlib.suppress(OSError):
                return f.read_text().strip() == "1"
    return None


def removable_drives(mounts_file: Path = Path("/proc/mounts"), sys_block: Path = Path("/sys/block")) -> list[Volume]:
    """Mounted removable volumes: USB sticks and SD cards, with free space."""
    out: list[Volume] = []
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes
        import string

        for letter in string.ascii_uppercase:
            root = f"{letter}:\\"
            if ctypes.windll.kernel32.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
                with contextlib.suppress(OSError):
                    du = shutil.disk_usage(root)
                    out.append(Volume(root, root, du.free, du.total))
        return out
    if sys.platform == "darwin":  # pragma: no cover
        for p in sorted(Path("/Volumes").glob("*")):
            if p.is_dir() and not p.is_symlink():
                with contextlib.suppress(OSError):
                    du = shutil.disk_usage(p)
                    out.append(Volume(str(p), p.name, du.free, du.total))
        return out
    try:
        lines = mounts_file.read_text().splitlines()
    except OSError:
        return out
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        device, mount, fs = parts[0], _unescape(parts[1]), parts[2]
        removable = _linux_removable(device, sys_block) if device.startswith("/dev/") else None
        under_media = mount.startswith(_MOUNT_ROOTS)
        if removable is False and not under_media:
            continue
        if not (removable or (under_media and fs in _REMOVABLE_FS)):
            continue
        try:
            du = shutil.disk_usage(mount)
        except OSError:
            continue
        out.append(Volume(mount, Path(mount).name, du.free, du.total, fs))
    return out
