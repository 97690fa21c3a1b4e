"""What every ``kla`` command shares: the parser class, output, progress, the store and refusals.

Imported by the command modules (``entries``, ``bundles``, ``bundle_commands``, ``reports``)
and by the package ``desktop.cli``; it imports none of them, so there is no circle.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, Protocol

from db.errors import KlaError
from db.lock import CLI, WINDOW, WorkspaceLock
from db.store import Store
from desktop import argparse_words
from ui.messages import message, progress_text

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]
Reads = bool | Callable[[argparse.Namespace], bool]


class Add(Protocol):
    """``add(name, func, help, parent, reads=...)``: one command; what ``register(sub, add)`` is given."""

    def __call__(self, name: str, func: Command, help_: str, parent: Any = ..., reads: Reads = ...) -> Parser: ...


_ARGPARSE_ID = [
    ("the following arguments are required", "argumen wajib belum diisi"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("invalid choice", "pilihan tidak dikenal"),
    ("invalid int value", "bukan bilangan bulat"),
    ("expected one argument", "perlu satu nilai"),
    ("one of the arguments", "salah satu argumen ini wajib"),
    ("not allowed with argument", "tidak boleh bersama argumen"),
    ("choose from", "pilih dari"),
    ("argument ", "argumen "),
]


# argparse's fixed words in Indonesian (desktop.argparse_words), for `kla` and `kla-desktop` alike.
argparse_words.install()


class Parser(argparse.ArgumentParser):
    """argparse with Indonesian error lines and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # "--lat -1,2379" (the help's own example, an Indonesian decimal comma) is a value, not an option:
        # argparse knew only "-1" and "-1.5" as negative numbers.
        self._negative_number_matcher = re.compile(r"^-\d+$|^-\d*[.,]\d+$")

    def error(self, msg: str) -> NoReturn:
        for en, idn in _ARGPARSE_ID:
            msg = msg.replace(en, idn)
        self.print_usage(sys.stderr)
        print(f"kla: {message('usage', detail=msg)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, dict):
        return {str(k) if not isinstance(k, tuple) else "/".join(map(str, k)): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def _json_default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _jsonable(obj)
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(type(obj).__name__)


def json_text(data: Any, pretty: bool) -> str:
    """``data`` as JSON. Plain dicts and lists go straight to the json module; only a dataclass,
    a Path or a tuple key is converted (``_jsonable``): a walk over the status of 1,000 units
    costs seconds. Indented for a person at a terminal; one line (the C encoder, ten times
    faster) when piped to a program."""
    indent = 2 if pretty else None
    # Piped: ASCII with \u escapes (the encoder's fastest path; any JSON reader restores the letters).
    ascii_only = not pretty
    separators = None if pretty else (",", ":")
    try:
        return json.dumps(data, ensure_ascii=ascii_only, indent=indent, separators=separators, default=_json_default)
    except TypeError:  # a dict with tuple keys somewhere
        return json.dumps(_jsonable(data), ensure_ascii=ascii_only, indent=indent, separators=separators)


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    if args.json:
        print(json_text(data, pretty=sys.stdout.isatty()))
    else:
        print(text() if callable(text) else text)


def progress_printer(args: argparse.Namespace) -> Callable[[int, int, Any], None]:
    """A ``progress(done, total, step)`` for long jobs: one updating line on a terminal.

    ``step`` is a :class:`db.progress.Step` (a code), worded in Indonesian by ``ui.messages``.
    """

    def progress(done: int, total: int, step: Any) -> None:
        if not args.json and sys.stderr.isatty():
            frac = f" ({done}/{total})" if total else ""
            print(f"\r{progress_text(step)}{frac}".ljust(70), end="", file=sys.stderr, flush=True)

    return progress


def end_progress(args: argparse.Namespace) -> None:
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)


def new_file(path: Path) -> Path:
    """``--out`` of a report, form or list: a file already there (last month's report, a letter
    of the same name) is never replaced; the person picks another name or moves it first
    (the window asks before replacing; a command line cannot)."""
    if path.exists() or path.is_symlink():
        raise KlaError("dest_exists", path=str(path))
    return path


def out_folder(path: Path) -> bool:
    """``--out`` of an export or receipts: a folder. One that is not there yet is made only where its
    parent is (``--out stick/KLA``); a missing parent (``E:\\`` or ``/media/flashdisk`` with no stick in)
    is refused, never made on this PC's own disk as if it were the stick. Returns whether it was made."""
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise KlaError("dest_not_folder", path=str(path))
        return False
    parent = path.absolute().parent
    if not parent.is_dir():
        above = next((p for p in parent.parents if p.exists()), None) if not parent.exists() else parent
        if above is not None and not above.is_dir():  # --out catatan.txt/kiriman
            raise KlaError("dest_not_folder", path=str(above))
        raise KlaError("dest_missing", path=str(path))
    if _mount_place(parent):  # /media/flashdisk with no stick in: a stick's name, not a folder to make
        raise KlaError("dest_missing", path=str(path))
    try:
        path.mkdir()
    except FileExistsError:
        return False
    except OSError as exc:
        raise KlaError("dest_write_failed", path=str(path), detail=str(exc)) from exc
    return True


_MOUNT_ROOTS = ("/media", "/mnt", "/run/media", "/Volumes")


def _mount_place(folder: Path) -> bool:
    """Whether ``folder`` is where sticks appear (``/media``, ``/media/<user>``, ``/mnt``, ``/Volumes``)
    without being one: a folder made there is on this PC's own disk, under the name of a stick that is
    not plugged in. A stick mounted there (``/media/flashdisk``) is not such a place."""
    if os.path.ismount(folder) and folder.resolve().as_posix() not in ("/", *_MOUNT_ROOTS):
        return False  # a stick (or a disk) that is there: folders are made on it
    text = folder.resolve().as_posix().rstrip("/")
    for root in _MOUNT_ROOTS:
        if text == root or (root in ("/media", "/run/media") and text.startswith(root + "/")
                            and "/" not in text[len(root) + 1:]):
            return True
    return False


def pct(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x * 100:.0f}%".replace(".", ",")


def fmt_number(v: Any) -> str:
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, int):
        return f"{v:,}".replace(",", ".")
    if isinstance(v, float):
        s = f"{v:,.2f}"
        return s.replace(",", "X").replace(".", ",").replace("X", ".")
    return "" if v is None else str(v)


LATEST_YEAR = -1
"""``--year``'s default where a command needs one: the latest data year of the current period
(what the window opens on), filled in by :func:`open_store` once the workspace is open."""

YEAR_HELP = "tahun data (default: tahun data terakhir periode berjalan)"


def open_store(args: argparse.Namespace) -> Store:
    if getattr(args, "passive", False):
        # Reading while a window holds the workspace: open without writing anything.
        store = Store.open(args.home_path, start_backup=False)
        store.operator = args.operator or ""
        store.keep_statuses = False  # statuses not kept are computed, not written (docs/architecture.md)
    else:
        store = Store.open(args.home_path, operator=args.operator or "")
    if getattr(args, "year", None) == LATEST_YEAR:
        args.year = max(store.current_period().data_years)
    return store


class Refused(Exception):
    """A refusal worded here (not a store error code): one line on stderr, exit 1."""


def lock_refusal(lock: WorkspaceLock) -> str:
    holder = lock.holder()
    if holder is not None and holder.program == WINDOW:
        return (f"Ruang kerja {lock.home} sedang dibuka di jendela KLA Desktop, jadi perintah ini tidak "
                "mengubah apa pun. Tutup jendela itu dulu, lalu ulangi perintah ini. Perintah yang hanya "
                "menampilkan data (mis. 'kla status') tetap bisa dipakai.")
    if holder is not None and holder.program == CLI:
        return (f"Ruang kerja {lock.home} sedang dipakai perintah kla lain (proses {holder.pid}), jadi perintah "
                "ini tidak mengubah apa pun. Tunggu sampai perintah itu selesai, lalu ulangi.")
    return (f"Ruang kerja {lock.home} sedang dipakai program lain, jadi perintah ini tidak mengubah apa pun. "
            "Tutup jendela KLA Desktop yang membukanya, lalu ulangi perintah ini.")


def writes(args: argparse.Namespace) -> bool:
    """Whether this command may change the workspace (and so needs the lock)."""
    reads = getattr(args, "reads", False)
    return not (reads(args) if callable(reads) else reads)


def kel_arg(store: Store, args: argparse.Namespace) -> str:
    if store.role == "kelurahan":
        return store.kel(getattr(args, "kelurahan", None))
    code = getattr(args, "kelurahan", None)
    if not code:
        raise KlaError("kelurahan_required")
    return store.find_unit(code, "kelurahan").code


def year_arg(store: Store, args: argparse.Namespace) -> int:
    if getattr(args, "year", None):
        store.period_for_data_year(args.year)
        return int(args.year)
    return max(store.current_period().data_years)


# Libraries a command may need that are imported only when it runs; the name pip installs.
OPTIONAL_LIBRARIES = {"pyrage": "pyrage", "cryptography": "cryptography", "reportlab": "reportlab",
                      "openpyxl": "openpyxl", "PIL": "Pillow"}


def missing_library(exc: ImportError) -> str | None:
    """The Indonesian refusal for a library that is not installed; None when ``exc`` is a bug of ours."""
    root = (exc.name or "").split(".")[0]
    if root not in OPTIONAL_LIBRARIES:
        return None
    return (f"Pustaka '{OPTIONAL_LIBRARIES[root]}' belum terpasang, jadi perintah ini belum bisa dipakai. "
            "Jalankan ./scripts/setup.sh (atau pasang ulang KLA Desktop), lalu ulangi perintah ini.")


def read_template_file(name: str) -> Any:
    """The template (KLA or rubric) in the JSON file ``name``: db.template.read_template_file, the one
    reader ``kla template install``, ``kla rubric install`` and the window's Rubrik page share."""
    from db.template import read_template_file as read

    return read(name)
