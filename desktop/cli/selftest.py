"""``kla selftest``: the first-day round trip in a temporary workspace; ``--files``: the built folder
against its SHA256SUMS (:mod:`desktop.selfcheck`). Never touches the workspace of ``--home``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, EXIT_REFUSED, Add, emit


def cmd_selftest(args: argparse.Namespace) -> int:
    from desktop import selfcheck

    if args.files:
        folder = Path(args.folder) if args.folder else selfcheck.program_folder()
        if folder is None:
            print("kla: Pemeriksaan berkas hanya untuk program yang sudah dibangun (folder kla-desktop). "
                  "Dari kode sumber, sebutkan foldernya dengan --folder DIR.", file=sys.stderr)
            return EXIT_REFUSED
        rep = selfcheck.verify_sums(folder)
        if rep.no_list:
            print(f"kla: Daftar {selfcheck.SUMS_NAME} tidak ada di {folder}. Salin ulang folder program dari "
                  "sumber yang benar (DP3AKB).", file=sys.stderr)
            return EXIT_REFUSED
        if not rep.ok:
            names = (rep.missing + rep.changed)[:5]
            print(f"kla: Folder program rusak atau diubah: {len(rep.missing)} berkas hilang, {len(rep.changed)} "
                  f"berkas berubah (misalnya {', '.join(names)}). Jangan dipakai: salin ulang folder program "
                  "dari sumber yang benar (DP3AKB), lalu periksa komputer dengan antivirus.", file=sys.stderr)
            if args.json:
                emit(args, rep, "")
            return EXIT_REFUSED
        extra = f" ({len(rep.extra)} berkas tambahan yang tidak tercatat)" if rep.extra else ""
        emit(args, rep, f"Berkas program utuh: {rep.checked} berkas cocok dengan {selfcheck.SUMS_NAME}{extra}.")
        return EXIT_OK

    def say(text: str) -> None:
        if not args.json:
            print(f"  ok: {text}")

    rep = selfcheck.run_selftest(say)
    emit(args, rep, "Uji mandiri berhasil: PDF, Excel dan kiriman dibuat, kiriman diterima.")
    return EXIT_OK


def register(sub: Any, add: Add) -> None:
    sp = add("selftest", cmd_selftest, "uji mandiri program: buat PDF, Excel dan kiriman di folder sementara, "
             "lalu terima kirimannya (--files: periksa berkas program dengan SHA256SUMS)", sub, reads=True)
    sp.add_argument("--files", action="store_true", help="periksa berkas folder program dengan SHA256SUMS")
    sp.add_argument("--folder", help="folder program yang diperiksa (default: folder program ini)")
