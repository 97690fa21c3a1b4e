"""``kla report`` commands: progress sheet, city report, spreadsheet and evidence pack.

Registered by ``desktop.cli.build_parser``; every one only reads the workspace; same conventions as the rest of the command
line (Indonesian output, ``--json``, exit 0 ok / 1 refused / 2 usage). Every check
(workspace, year, kelurahan) happens before anything is written, so a refused command
leaves no file behind.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import Any

from db.errors import KlaError
from desktop.cli.common import (
    EXIT_OK,
    Add,
    Parser,
    emit,
    end_progress,
    new_file,
    open_store,
    progress_printer,
)
from desktop.version import __version__
from exports.names import free_name, safe_file_name
from ui.messages import message, unit_title


def _kelurahan(store: Any, args: argparse.Namespace, required: bool) -> str | None:
    """The kelurahan asked for: a kelurahan workspace's own, or --kelurahan (code or name) at DP3AKB."""
    if store.role == "kelurahan":
        return str(store.kel(args.kelurahan))
    if args.kelurahan:
        return str(store.find_unit(args.kelurahan, "kelurahan").code)
    if required:
        raise KlaError("kelurahan_required")
    return None


LATEST_DATA_YEAR = -2
"""``--year``'s default of a report: the latest data year with data (a report of December 2026 is of the
2025 data typed, not of an empty 2026), else the latest of the current period. See :func:`_year`."""

REPORT_YEAR_HELP = ("tahun data (default: tahun data terakhir yang sudah berisi data; bila belum ada: tahun data "
                    "terakhir periode berjalan)")


def _year(store: Any, args: argparse.Namespace, kel: str | None) -> int:
    if args.year == LATEST_DATA_YEAR:
        args.year = store.latest_data_year(kel) or max(store.current_period().data_years)
    return int(args.year)


def _out(args: argparse.Namespace, suffix: str, stem: str, store: Any, kel: str | None = None) -> Path:
    """``--out`` of a report: ``suffix`` added when the name has none ("laporan" -> "laporan.pdf"); a
    folder that is not there is refused, never made unasked (a mistyped folder, a flashdisk not in). A
    folder that is there gets the file the window names (``stem``, the unit or kab/kota, the data year:
    "Lembar kemajuan KLA Manggar 2025.pdf"), beside (never over) a file of that name."""
    out = Path(args.out)
    if out.is_dir():
        code = kel or store.city_code
        return free_name(out / f"{stem} {safe_file_name(store.unit(code).name)} {args.year}{suffix}")
    if str(args.out).endswith(("/", os.sep)):  # "--out laporan/": a folder meant, not there
        raise KlaError("dest_missing", path=str(out))
    if not out.suffix:
        out = out.with_name(out.name + suffix)
    parent = out.absolute().parent
    if not parent.is_dir():
        above = next((p for p in parent.parents if p.exists()), None) if not parent.exists() else parent
        if above is not None and not above.is_dir():  # --out catatan.txt/laporan.pdf
            raise KlaError("dest_not_folder", path=str(above))
        raise KlaError("dest_missing", path=str(out.parent))
    return new_file(out)


def cmd_report_sheet(args: argparse.Namespace) -> int:
    from exports import reports

    with contextlib.closing(open_store(args)) as store:
        kel = _kelurahan(store, args, required=True)
        year = _year(store, args, kel)
        out_path = _out(args, ".pdf", "Lembar kemajuan KLA", store, kel)
        data = reports.collect_sheet(store, kel, year, app_version=__version__)
    out = reports.write_sheet_pdf(data, out_path, progress=progress_printer(args))
    end_progress(args)
    st = data.status
    emit(args, {"path": str(out), "kelurahan": st.kelurahan_code, "year": st.data_year,
                "completeness": st.completeness},
         f"Lembar kemajuan {unit_title(st.kelurahan_code, st.kelurahan_name)} tahun data {st.data_year} ditulis ke {out} "
         f"(kelengkapan {reports.fmt_pct(st.completeness)}).")
    return EXIT_OK


def cmd_report_city(args: argparse.Namespace) -> int:
    from exports import reports

    with contextlib.closing(open_store(args)) as store:
        year = _year(store, args, None)
        out_path = _out(args, ".pdf", "Laporan KLA", store)
        data = reports.collect_city(store, year, app_version=__version__,
                                    progress=progress_printer(args))
    out = reports.write_city_pdf(data, out_path, progress=progress_printer(args))
    end_progress(args)
    emit(args, {"path": str(out), "year": data.data_year, "kelurahan": len(data.statuses),
                "completeness": data.completeness},
         f"Laporan {reports.place_word(data.city_name)} tahun data {data.data_year} ({len(data.statuses)} "
         f"{reports.units_word(st.kelurahan_code for st in data.statuses).lower()}) ditulis ke {out} "
         f"(rata-rata kelengkapan {reports.fmt_completeness(data.completeness, places=1)}).")
    return EXIT_OK


def cmd_report_xlsx(args: argparse.Namespace) -> int:
    from db.progress import paused_collector
    from exports import spreadsheet

    # What the workbook holds lives from the first read to the last row: the collector waits for all of
    # it, and it is freed before the collector is back (else its next pass walks all of it once more).
    with paused_collector():
        with contextlib.closing(open_store(args)) as store:
            kel = _kelurahan(store, args, required=False)
            year = _year(store, args, kel)
            out_path = _out(args, ".xlsx", "Data KLA", store, kel)
            data = spreadsheet.collect_workbook(store, year, kel, progress=progress_printer(args))
        out = spreadsheet.write_xlsx(data, out_path, progress=progress_printer(args))
        units, values = len(data.statuses), len(data.values)
        del data
    end_progress(args)
    emit(args, {"path": str(out), "year": args.year, "kelurahan": units, "values": values},
         f"Lembar kerja Excel tahun data {args.year} ditulis ke {out}: {units} kelurahan, "
         f"{reports_int(values)} nilai.")
    return EXIT_OK


def cmd_report_pack(args: argparse.Namespace) -> int:
    from exports import evidence_pack

    with contextlib.closing(open_store(args)) as store:
        kel = _kelurahan(store, args, required=False)
        year = _year(store, args, kel)
        result = evidence_pack.write_pack(store, year, _out(args, ".zip", "Paket data dukung KLA", store, kel),
                                          kelurahan_code=kel,
                                          progress=progress_printer(args),
                                          describe=lambda code, params: message(code, **params))
    end_progress(args)
    emit(args, result, f"Paket data dukung tahun data {args.year} ditulis ke {result.path}: "
         f"{reports_int(result.files)} berkas dari {result.kelurahan} kelurahan.")
    return EXIT_OK


def reports_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def register(sub: Any, add: Add) -> None:
    rp = sub.add_parser("report", help="cetak laporan dan ekspor (PDF, Excel, paket data dukung)")
    rsub = rp.add_subparsers(dest="report_sub", required=True, parser_class=Parser, metavar="PERINTAH")

    def common(sp: Parser, suffix: str, kel_help: str) -> None:
        sp.add_argument("--year", type=int, default=LATEST_DATA_YEAR, help=REPORT_YEAR_HELP)
        sp.add_argument("--kelurahan", help=kel_help)
        sp.add_argument("--out", required=True, help=f"berkas tujuan ({suffix} ditambahkan bila namanya tanpa "
                                                     "akhiran; foldernya harus sudah ada), atau folder yang sudah ada: "
                                                     "nama berkasnya dibuat seperti di jendela")

    common(add("sheet", cmd_report_sheet, "lembar kemajuan kelurahan (PDF)", rsub, reads=True), ".pdf",
           "kode atau nama kelurahan (wajib di ruang kerja DP3AKB)")
    sp = add("city", cmd_report_city, "laporan kemajuan kota untuk DP3AKB (PDF)", rsub, reads=True)
    sp.add_argument("--year", type=int, default=LATEST_DATA_YEAR, help=REPORT_YEAR_HELP)
    sp.add_argument("--out", required=True, help="berkas tujuan (.pdf ditambahkan bila namanya tanpa akhiran; "
                                                 "foldernya harus sudah ada), atau folder yang sudah ada: nama "
                                                 "berkasnya dibuat seperti di jendela")
    common(add("xlsx", cmd_report_xlsx, "lembar kerja Excel: ringkasan, semua nilai, data dukung, kegiatan, "
               "fasilitas", rsub, reads=True), ".xlsx", "hanya kelurahan ini (default: semua kelurahan ruang kerja)")
    common(add("pack", cmd_report_pack, "paket data dukung (ZIP) per klaster dan indikator, dengan daftar isi", rsub, reads=True), ".zip", "hanya kelurahan ini (default: semua kelurahan ruang kerja)")
