"""Background jobs of the Laporan pages (kelurahan and DP3AKB), plain functions for a Task.

Each job opens its own read connection to the workspace in the worker thread (SQLite
connections belong to the thread that made them), reads what the report needs, closes
it, and writes the file with ``exports``; nothing here touches widgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from db.progress import paused_collector
from db.store import Store
from exports import evidence_pack, reports, spreadsheet
from ui.messages import message

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def _open(home: Path, operator: str) -> Store:
    store = Store.open(home, check=False, start_backup=False)
    store.operator = operator  # shown as "Petugas" on the sheet; nothing is written
    return store


def sheet_job(home: Path, operator: str, year: int, dest: Path, app_version: str = "") -> Callable[..., Path]:
    def job(progress: Progress, cancelled: Cancelled) -> Path:
        with contextlib.closing(_open(home, operator)) as store:
            data = reports.collect_sheet(store, None, year, app_version=app_version)
        return reports.write_sheet_pdf(data, dest, progress, cancelled)

    return job


def xlsx_job(home: Path, operator: str, year: int, dest: Path) -> Callable[..., Path]:
    """The workbook: the kelurahan's own, or every kelurahan in a city workspace."""

    def job(progress: Progress, cancelled: Cancelled) -> Path:
        with paused_collector():  # as `kla report xlsx`: what the workbook holds is freed before it is back
            with contextlib.closing(_open(home, operator)) as store:
                data = spreadsheet.collect_workbook(store, year, None, progress, cancelled)
            path = spreadsheet.write_xlsx(data, dest, progress, cancelled)
            del data
        return path

    return job


def city_report_job(home: Path, operator: str, year: int, dest: Path, app_version: str = "") -> Callable[..., Path]:
    """DP3AKB's city report (``kla report city``): every kelurahan of the city, one data year."""

    def job(progress: Progress, cancelled: Cancelled) -> Path:
        with contextlib.closing(_open(home, operator)) as store:
            data = reports.collect_city(store, year, app_version=app_version, progress=progress, cancelled=cancelled)
        return reports.write_city_pdf(data, dest, progress, cancelled)

    return job


def pack_job(home: Path, operator: str, year: int, dest: Path,
             kelurahan_code: str | None = None) -> Callable[..., evidence_pack.PackResult]:
    """The evidence pack (``kla report pack``): one kelurahan, or the whole workspace when None."""

    def job(progress: Progress, cancelled: Cancelled) -> evidence_pack.PackResult:
        with contextlib.closing(_open(home, operator)) as store:
            # The quarantine note is read by people without the program: always Indonesian.
            return evidence_pack.write_pack(store, year, dest, kelurahan_code=kelurahan_code, progress=progress,
                                            cancelled=cancelled, describe=lambda code, params: message(code, **params))

    return job


def forms_job(home: Path, indicators: list[int] | None, dest: Path, data_year: int | None = None,
              app_version: str = "") -> Callable[..., Path]:
    """Blank forms (``exports.forms``) of some indicators, or of all 24 when None."""

    def job(progress: Progress, cancelled: Cancelled) -> Path:
        from exports import forms

        with contextlib.closing(_open(home, "")) as store:
            t = store.template
            city = store.unit(store.city_code).name
            kel = store.kelurahan(store.kelurahan_code).name if store.role == "kelurahan" else ""
        nos = indicators if indicators is not None else [i.no for i in t.indicators]
        return forms.write_forms_pdf(t, nos, dest, city_name=city, kelurahan_name=kel, data_year=data_year,
                                     app_version=app_version, progress=progress, cancelled=cancelled)

    return job
