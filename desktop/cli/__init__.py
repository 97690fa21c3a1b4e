"""The ``kla`` command line: a second front end over the same store.

A package without circles: ``common`` (parser class, output, store, refusals) is imported by
``entries``, ``bundles`` (registration only), ``bundle_commands`` and ``reports``; this module
builds the parser from their ``register`` functions and runs the command.

Exit codes: 0 success, 1 refused (a one-line Indonesian message on stderr, nothing
changed), 2 wrong usage. ``--json`` prints machine-readable output on stdout.

A command that changes the workspace takes the workspace lock (:mod:`db.lock`) for as
long as it runs and is refused while a window (or another ``kla``) holds it; a command
that only reads stays allowed, and then writes nothing at all (no daily backup, no
operator record). Each command leaves one line in the log file (:mod:`desktop.logs`).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from db.errors import KlaError
from db.lock import CLI, WorkspaceLock
from db.paths import WorkspacePaths, resolve_folders
from desktop.cli import bundles, entries, reports, rubrics, selftest, units
from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Command,
    Parser,
    Reads,
    Refused,
    lock_refusal,
    missing_library,
    writes,
)
from desktop.logs import CLI_LOG, log_migrations, setup_logging, stop_logging
from ui.messages import error_text, message

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main", "run", "writes"]

log = logging.getLogger("desktop.cli")


def build_parser() -> Parser:
    common = Parser(add_help=False)
    # SUPPRESS: a subcommand must not reset what was given before it (kla --home X status).
    common.add_argument("--home", default=argparse.SUPPRESS, help="folder ruang kerja (atau variabel lingkungan KLA_HOME)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="keluaran JSON untuk mesin")
    common.add_argument("--operator", default=argparse.SUPPRESS, help="nama petugas yang mengisi (atau KLA_OPERATOR)")

    p = Parser(prog="kla", description="KLA Desktop — baris perintah", parents=[common])
    from desktop.version import __version__

    p.add_argument("--version", action="version", version=f"KLA Desktop {__version__}",
                   help="tampilkan versi program lalu keluar")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="PERINTAH")

    def add(name: str, func: Command, help_: str, parent: Any = sub,
            reads: Reads = False) -> Parser:
        """One command; ``reads``: it never changes the workspace (a callable decides per call)."""
        sp = parent.add_parser(name, help=help_, parents=[common], description=help_)
        sp.set_defaults(func=func, reads=reads)
        return sp

    entries.register(sub, add, common)
    units.register(sub, add, common)
    rubrics.register(sub, add, common)
    bundles.register(sub, add)
    reports.register(sub, add)
    selftest.register(sub, add)
    from desktop.cli import help_words

    help_words.fill(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    # A Windows console or a redirected file may use a code page without "—" or "≤":
    # print a replacement character rather than crash after the work is done.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    args.home = getattr(args, "home", None)
    args.json = getattr(args, "json", False)
    args.operator = getattr(args, "operator", None) or os.environ.get("KLA_OPERATOR", "")
    folders, moved = resolve_folders(args.home)
    args.home_path = folders.data
    handler = setup_logging(folders, CLI_LOG)
    log_migrations(moved)
    name = command_name(args)
    args.refusal = ""
    code = EXIT_REFUSED
    try:
        code = run(args)
    except Exception:  # a bug of ours: one clear line for the user, the details in the log file
        log.exception("kla %s: kesalahan di dalam program (ruang kerja %s)", name, args.home_path)
        refused(args, "Terjadi kesalahan di dalam program; perubahan yang sedang berjalan dibatalkan. "
                f"Kirim berkas {handler.path} ke DP3AKB atau tim pendukung.", "internal_error",
                {"log": str(handler.path)})
    else:
        if args.refusal:
            log.info("kla %s ditolak: %s (ruang kerja %s)", name, args.refusal, args.home_path)
        else:
            log.info("kla %s selesai dengan kode %d (ruang kerja %s)", name, code, args.home_path)
    finally:
        stop_logging(handler)
    return code


def command_name(args: argparse.Namespace) -> str:
    """'entry set', 'city enroll' ...: the words of the command, never its values (a passphrase)."""
    words = [getattr(args, k, None) for k in ("command", "sub", "city_sub", "unit_sub", "key_sub", "review_sub",
                                              "report_sub", "draft_sub")]
    return " ".join(w for w in words if isinstance(w, str))


def run(args: argparse.Namespace) -> int:
    """The command under the workspace lock when it writes; refusals as one Indonesian line."""
    lock = WorkspaceLock(args.home_path, program=CLI)
    try:
        if WorkspacePaths(args.home_path).db.exists():
            if writes(args):
                if not lock.try_lock():
                    raise Refused(lock_refusal(lock))
            else:
                args.passive = lock.held_elsewhere()
        return int(args.func(args))
    except Refused as exc:
        args.refusal = str(exc)
        return refused(args, str(exc))
    except KlaError as exc:
        args.refusal = f"{exc.code} {exc.params}"
        return refused(args, error_text(exc), exc.code, dict(exc.params))
    except KeyboardInterrupt:
        args.refusal = "dibatalkan (Ctrl+C)"
        return refused(args, message("cancelled"), "cancelled")
    except ImportError as exc:
        text = missing_library(exc)
        if text is None:
            raise
        args.refusal = f"pustaka tidak terpasang: {exc.name}"
        return refused(args, text, "library_missing", {"name": exc.name or ""})
    except BrokenPipeError:
        # The reader of the output went away (``kla status | head``): nothing to say to it, and
        # not a disk or folder problem. The rest of the output goes nowhere instead of failing again.
        args.refusal = "keluaran ditutup oleh pembacanya"
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_REFUSED
    except OSError as exc:
        args.refusal = f"operasi berkas gagal: {exc}"
        log.warning("kla %s: operasi berkas gagal", command_name(args), exc_info=True)
        return refused(args, f"Operasi berkas gagal: {exc.strerror or exc} ({exc.filename or ''}). "
                             "Periksa ruang disk dan izin folder, lalu coba lagi.", "file_operation_failed",
                       {"path": str(exc.filename or "")})
    finally:
        lock.unlock()


def refused(args: argparse.Namespace, text: str, code: str = "refused", params: dict[str, Any] | None = None) -> int:
    """A refusal in words on stderr; with ``--json`` also as JSON on stdout (a script reading the
    output got nothing it could parse): ``{"ok": false, "error": {"code", "params", "message"}}``."""
    print(f"kla: {text}", file=sys.stderr)
    if getattr(args, "json", False):
        import json

        print(json.dumps({"ok": False, "error": {"code": code, "params": params or {}, "message": text}},
                         ensure_ascii=False, default=str))
    return EXIT_REFUSED
