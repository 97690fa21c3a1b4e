"""Background jobs of the Laporan page: plain functions for :class:`ui.widgets.tasks.Task`.

Each job opens its own read connection to the workspace in the worker thread (SQLite
connections belong to the thread that made them), reads what the report needs, closes
it, and writes the file with ``exports``; nothing here touches widgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from db.store import Store
from exports import reports, spreadsheet

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
    def job(progress: Progress, cancelled: Cancelled) -> Path:
        with contextlib.closing(_open(home, operator)) as store:
            data = spreadsheet.collect_workbook(store, year, None, progress, cancelled)
        return spreadsheet.write_xlsx(data, dest, progress, cancelled)

    return job
