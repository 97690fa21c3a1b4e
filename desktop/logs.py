"""The log file, for a support person: set up by the window and by ``kla``.

One rotating file per front end (``kla-desktop.log`` for the window, ``kla.log`` for the
command line, 1 MB x 5 each) so two programs never rotate the same file under each other.
Each line: time, level, module, message; tracebacks follow their line.

Where: the platform's log folder (:mod:`db.paths`); with ``--home DIR`` the workspace's
``DIR/logs``, so portable installs and tests never write to the real home. As long as DIR
holds no workspace yet (``kla init``/``kla demo``/first run are about to make one there and
want the folder empty), records go to the platform's log folder instead. Nothing is
created until the first record is written.

Plain Python, no Qt. A log that cannot be written never stops the program.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from db.paths import DB_NAME, AppFolders, Migration, platform_folders
from desktop.version import __version__

WINDOW_LOG = "kla-desktop.log"
CLI_LOG = "kla.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
OUR_PACKAGES = ("db", "exports", "ui", "desktop")

log = logging.getLogger(__name__)


class LogFile(logging.FileHandler):
    """A rotating log file whose folder is decided (and made) when the first record comes.

    The rotation is the standard library's ``RotatingFileHandler`` (``maxBytes``, ``backupCount``:
    ``.1`` is the newest old file), written out here: ``logging.handlers`` pulls in socket, pickle
    and queue (~11 ms of imports at every start) for three methods.
    """

    def __init__(self, folders: AppFolders, name: str, fallback: Path | None = None) -> None:
        self.folders = folders
        self.file_name = name
        self.fallback = fallback
        self.maxBytes = MAX_BYTES  # the stdlib handler's names
        self.backupCount = BACKUP_COUNT
        super().__init__(str(self._target()), mode="a", encoding="utf-8", delay=True)
        self.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # never roll anything but a regular file over (bpo-45401)
        if self.stream is None:
            self.stream = self._open()
        msg = f"{self.format(record)}\n"
        self.stream.seek(0, 2)
        return self.stream.tell() + len(msg) >= self.maxBytes

    def doRollover(self) -> None:  # noqa: N802
        if self.stream:
            self.stream.close()
            self.stream = None
        for i in range(self.backupCount - 1, 0, -1):
            src, dst = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
            if os.path.exists(src):
                if os.path.exists(dst):
                    os.remove(dst)
                os.rename(src, dst)
        dst = self.baseFilename + ".1"
        if os.path.exists(dst):
            os.remove(dst)
        if os.path.exists(self.baseFilename):
            os.rename(self.baseFilename, dst)

    def _target(self) -> Path:
        folder = self.folders.logs
        if self.folders.explicit and not (self.folders.data / DB_NAME).exists():
            folder = self.fallback or platform_folders().logs
        return folder / self.file_name

    @property
    def path(self) -> Path:
        """The file records go to now (it may not exist before the first record)."""
        return Path(self.baseFilename)

    def emit(self, record: logging.LogRecord) -> None:
        target = self._target()
        if str(target) != self.baseFilename:
            self.close()
            self.baseFilename = str(target)
        try:
            if self.shouldRollover(record):
                self.doRollover()
        except Exception:  # noqa: BLE001 - as the stdlib handler: a log never stops the program
            self.handleError(record)
            return
        super().emit(record)

    def _open(self):  # noqa: ANN202 - the stdlib's signature
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        # A full disk or a read-only folder: lose the line, never the user's work (and no
        # "--- Logging error ---" on the command line's stderr).
        pass


def setup_logging(folders: AppFolders, name: str, fallback: Path | None = None) -> LogFile:
    """Send the program's records (INFO and up) to the log file; replaces an earlier set-up."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, LogFile)]:
        root.removeHandler(old)
        old.close()
    handler = LogFile(folders, name, fallback)
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    # A library that configures logging for itself (logging.config.dictConfig, as import-linter
    # does) silences every logger that existed then; ours must reach the file regardless.
    for logger_name, logger in logging.root.manager.loggerDict.items():
        if isinstance(logger, logging.Logger) and logger_name.split(".")[0] in OUR_PACKAGES:
            logger.disabled = False
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    return handler


def stop_logging(handler: LogFile) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


def log_migrations(done: list[Migration]) -> None:
    """Say in the log what happened to a workspace found at an old default place."""
    from db import paths

    for m in done:
        if m.outcome == paths.MOVED:
            log.info("Data dipindahkan dari folder lama %s ke %s.", m.old, m.new)
        elif m.outcome == paths.COPIED:
            log.info("Data disalin dari folder lama %s ke %s, diperiksa sama persis, lalu folder lama dihapus.",
                     m.old, m.new)
            if m.left_behind is not None:
                log.warning("Sisa folder lama tidak bisa dihapus dan tertinggal di %s (isinya sudah tersalin).",
                            m.left_behind)
        elif m.outcome == paths.KEPT_OLD:
            why = "ruang kerja di sana sedang dibuka" if m.error == paths.BUSY else m.error
            log.warning("Data TIDAK dipindahkan (%s): dipakai di tempatnya, %s. Dicoba lagi pada mulai berikutnya.",
                        why, m.old)
        elif m.outcome == paths.BOTH:
            log.warning("Folder lama %s masih ada, tetapi folder baru %s sudah berisi data: folder baru dipakai, "
                        "folder lama tidak disentuh (periksa isinya sebelum menghapusnya).", m.old, m.new)


def write_report(folder: Path, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None, where: str = "") -> Path | None:
    """A report file for one unexpected error, to hand to support; None when it cannot be written."""
    import platform  # only for a report (and ~3 ms at every start otherwise)

    stamp = dt.datetime.now()
    lines = [
        f"KLA Desktop {__version__} — laporan kesalahan",
        f"Waktu: {stamp.isoformat(timespec='seconds')}",
        f"Sistem: {platform.platform()}; Python {platform.python_version()}",
        f"Program: {' '.join(sys.argv[:1])}" + (f" ({where})" if where else ""),
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    path = folder / f"laporan-kesalahan-{stamp:%Y%m%d-%H%M%S-%f}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(line.rstrip("\n") for line in lines) + "\n", encoding="utf-8")
    except OSError:
        log.exception("Laporan kesalahan tidak bisa ditulis ke %s", path)
        return None
    return path
