"""Background jobs of the Kiriman page: write a bundle, import a receipt.

Plain jobs ``(progress, cancelled) -> result`` for :class:`ui.widgets.tasks.Task`. Each
opens its own store connection, because a SQLite connection belongs to the thread that
uses it (the same reason as ``ui.evidence.importer``); the engine does all the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.store import Store
from exports import bundle
from ui.messages import error_text


@dataclass(frozen=True)
class ExportOptions:
    """What the wizard asks the engine to do (``kla export --out DIR --part-size N [--eml]``)."""

    home: Path
    operator: str
    out_dir: Path
    part_size: int = bundle.DEFAULT_PART_SIZE
    eml: bool = False
    mail_limit: int | None = None
    """Bytes one whole email may take (``kla export --mail-limit``); None: the default preset."""


def export_job(options: ExportOptions) -> Callable[..., bundle.ExportResult]:
    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> bundle.ExportResult:
        store = Store.open(options.home, operator=options.operator, check=False, start_backup=False)
        try:
            return bundle.export_bundles(store, options.out_dir, part_size=options.part_size, eml=options.eml,
                                         mail_limit=options.mail_limit, progress=progress, cancelled=cancelled)
        finally:
            store.close()

    return job


def receipt_job(home: Path, operator: str, path: Path) -> Callable[..., bundle.ImportResult]:
    """Import one receipt file (``kla import RECEIPT``); refused files go to quarantine."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> bundle.ImportResult:
        store = Store.open(home, operator=operator, check=False, start_backup=False)
        try:
            # The quarantine note is read by people without the program: always Indonesian.
            return bundle.import_paths(store, [path], describe=error_text, progress=progress, cancelled=cancelled)
        finally:
            store.close()

    return job
