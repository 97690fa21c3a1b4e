"""``kla entry form-xlsx`` and ``kla entry import-xlsx``: the Excel form of one kelurahan and data year.

Registered by :func:`desktop.cli.entries.register` under ``kla entry``. The form and its import
are :mod:`exports.xlsx_form`; the sentences are :mod:`ui.entry.xlsx_words` (Indonesian here).
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    LATEST_YEAR,
    YEAR_HELP,
    Add,
    emit,
    end_progress,
    kel_arg,
    new_file,
    open_store,
    progress_printer,
)
from ui.messages import unit_title


def cmd_form_xlsx(args: argparse.Namespace) -> int:
    from desktop.version import __version__
    from exports import xlsx_form

    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        data = xlsx_form.collect_form(store, args.year, args.indicator or None, kel, app_version=__version__)
    out = Path(args.out)
    if out.is_dir():
        out = out / xlsx_form.default_file_name(data)
    out = xlsx_form.write_form(data, new_file(out), progress=progress_printer(args))
    end_progress(args)
    n = len(data.indicators)
    emit(args, {"path": str(out), "kelurahan": data.unit_code, "year": data.data_year, "indicators": list(data.indicators),
                "template": f"{data.template.id} v{data.template.version}"},
         f"Formulir Excel {unit_title(data.unit_code, data.unit_name)} tahun data {data.data_year} ({n} indikator) ditulis ke {out}.\n"
         f"Isi di Excel atau LibreOffice, simpan sebagai .xlsx, lalu impor dengan: kla entry import-xlsx \"{out}\" "
         "--dry-run (lalu tanpa --dry-run).")
    return EXIT_OK


def _outcome_json(store: Any, o: Any) -> dict[str, Any]:
    from ui.entry.xlsx_words import outcome_sentence

    c = o.cell
    return {"ref": c.ref, "kind": o.kind, "indicator": c.indicator_no, "item": c.item_key, "sex": c.sex, "age": c.age,
            "raw": c.raw if isinstance(c.raw, int | float | str | bool | type(None)) else str(c.raw),
            "old": o.old, "new": o.new, "code": o.code, "params": dict(o.params), "flags": list(o.flags),
            "text": outcome_sentence(o)}


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from exports import xlsx_form, xlsx_mapping
    from exports.xlsx_form import UNCHANGED
    from ui.entry.xlsx_words import cell_words, change_words, kind_words, notice_sentence, outcome_sentence

    with contextlib.closing(open_store(args)) as store:
        # Our form carries its year; a recap read through a saved column mapping is for --year (or the
        # latest data year of the current period).
        year = args.year or max(store.current_period().data_years)
        plan = xlsx_mapping.plan_for(store, Path(args.file), year)
        report = xlsx_form.import_plan(store, plan, dry_run=args.dry_run, expected_year=args.year,
                                       progress=progress_printer(args))
        end_progress(args)
        t = store.template
        counts = report.counts
        data = {"path": str(args.file), "dry_run": bool(args.dry_run), "kelurahan": report.plan.unit_code,
                "year": report.plan.data_year, "counts": counts,
                "notices": [{"code": n.code, "params": dict(n.params), "text": notice_sentence(n)}
                            for n in report.notices],
                "cells": [_outcome_json(store, o) for o in report.outcomes]}

        def text() -> str:
            lines = []
            for o in report.outcomes:
                if o.kind == UNCHANGED and not o.code and not args.all:
                    continue
                what = change_words(t, o)
                lines.append(f"  {kind_words(o.kind):<10} {o.cell.ref}  {cell_words(t, o.cell)}"
                             f"{': ' + what if what else ''}. {outcome_sentence(o)}")
            lines += [f"  {notice_sentence(n)}" for n in report.notices]
            summary = (f"{counts['new']} baru, {counts['changed']} berubah, {counts['flagged']} ditandai, "
                       f"{counts['invalid']} tidak sah, {counts['unchanged']} tetap")
            head = f"Formulir {unit_title(report.plan.unit_code, report.unit_name)} tahun data {report.plan.data_year} ({args.file}):"
            if args.dry_run:
                tail = (f"Uji coba: belum ada yang disimpan ({summary}). Jalankan lagi tanpa --dry-run untuk "
                        "menyimpan semua perubahan yang sah sekaligus.")
            elif report.to_write:
                tail = f"Disimpan dalam satu langkah: {summary}."
            else:
                tail = f"Tidak ada yang perlu disimpan ({summary})."
            if counts["invalid"]:
                tail += " Perbaiki kotak yang tidak sah di Excel lalu impor lagi; kotak lain tidak terpengaruh."
            return "\n".join([head, *lines, tail])

        emit(args, data, text)
    return EXIT_OK


def register(ep: Any, add: Add) -> None:
    """The two commands under ``kla entry``."""
    sp = add("form-xlsx", cmd_form_xlsx, "tulis formulir Excel untuk diisi di komputer lain", ep, reads=True)
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help=YEAR_HELP)
    sp.add_argument("--out", required=True, help="berkas .xlsx tujuan (atau folder)")
    sp.add_argument("--indicator", type=int, action="append",
                    help="nomor indikator (boleh berulang; default semua indikator)")
    sp.add_argument("--kelurahan", help="kode kelurahan (wajib di ruang kerja DP3AKB)")
    sp = add("import-xlsx", cmd_import_xlsx, "impor formulir Excel yang sudah diisi (coba dulu dengan --dry-run)",
             ep, reads=lambda a: bool(a.dry_run))
    sp.add_argument("file", metavar="BERKAS")
    sp.add_argument("--dry-run", action="store_true", help="tampilkan apa yang akan berubah tanpa menyimpan")
    sp.add_argument("--year", type=int, help="tolak formulir bila bukan untuk tahun data ini")
    sp.add_argument("--all", action="store_true", help="tampilkan juga setiap kotak yang tetap")
