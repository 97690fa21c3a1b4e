"""Background jobs of the city window: import (dry run or real), receipts, enrolment, status of some kelurahan.

Plain jobs ``(progress, cancelled) -> result`` for :class:`ui.widgets.tasks.Task`. Each
opens its own store connection (a SQLite connection belongs to the thread using it);
the engine in ``exports`` does all the work, exactly as the ``kla`` commands do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import KlaError
from db.progress import step
from db.records import KelurahanStatus
from db.store import Store
from ui.messages import error_text

if TYPE_CHECKING:
    # Loaded by the job that needs them (crypto, zip, e-mail), not when the city window opens.
    from exports import bundle, setup

Job = Callable[[Callable[[int, int, str], None], Callable[[], bool]], object]


def import_job(home: Path, operator: str, paths: Sequence[Path], dry_run: bool) -> Job:
    """``kla import PATH... [--dry-run]``: refused files go to quarantine (not in a dry run)."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> bundle.ImportResult:
        from exports import bundle

        store = Store.open(home, operator=operator, check=False, start_backup=False)
        try:
            # The quarantine note is read by people without the program: always Indonesian.
            return bundle.import_paths(store, list(paths), dry_run=dry_run, describe=error_text, progress=progress,
                                       cancelled=cancelled)
        finally:
            store.close()

    return job


def receipt_job(home: Path, operator: str, out_dir: Path, kelurahan: Sequence[str]) -> Job:
    """``kla receipt --out DIR [--kelurahan CODE]`` for each kelurahan given (all enrolled when empty)."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list:
        from exports import receipts

        store = Store.open(home, operator=operator, check=False, start_backup=False)
        try:
            if not kelurahan:
                return receipts.write_receipts(store, out_dir, progress=progress, cancelled=cancelled)
            out = []
            for n, code in enumerate(kelurahan):
                progress(n, len(kelurahan), step("receipt_for", name=store.kelurahan(code).name))
                out += receipts.write_receipts(store, out_dir, code, cancelled=cancelled)
            return out
        finally:
            store.close()

    return job


def enrol_job(home: Path, operator: str, kelurahan_code: str, out: Path, email: str | None = None,
              restore: bool = False) -> Job:
    """``kla city enroll CODE --out FILE``: key pair, setup file, passphrase to print; ``restore``: ``kla city
    restore``, the file carrying every item and evidence file DP3AKB holds of the unit (a replacement PC)."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> setup.EnrolResult:
        from exports import setup

        store = Store.open(home, operator=operator, check=False, start_backup=False)
        try:
            return setup.enroll(store, kelurahan_code, out, email=email, restore=restore, progress=progress,
                                cancelled=cancelled)
        finally:
            store.close()

    return job


def enrol_many_job(home: Path, operator: str, folder: Path, codes: Sequence[str] | None = None) -> Job:
    """``kla city enroll-many --out FOLDER``: every unit not enrolled yet (or ``codes``), then one PDF of
    the passphrase slips in the folder. Returns (BatchEnrolResult, the PDF's path or None, the
    error that kept the PDF from being written or None)."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> tuple:
        from exports import setup, slips

        store = Store.open(home, operator=operator, check=False, start_backup=False)
        try:
            batch = setup.enroll_many(store, folder, codes, progress=progress, cancelled=cancelled)
            # Written even after Batal or an error half way: the units done are enrolled and need
            # their slips (with any an earlier batch left unprinted). A failed write forgets no
            # passphrase: the next "Daftarkan semua" prints them.
            pdf, slip_error = None, None
            try:
                pdf = slips.print_batch(store, batch, folder / "lembar-kata-sandi.pdf")
            except KlaError as exc:
                slip_error = exc
            return batch, pdf, slip_error
        finally:
            store.close()

    return job


def status_job(home: Path, data_year: int, kelurahan: Sequence[str]) -> Job:
    """Completeness of the kelurahan given (e.g. the senders of an import), read in the worker."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list[KelurahanStatus]:
        store = Store.open(home, check=False, start_backup=False)
        try:
            # Only the senders, in one batch (one query per table), never the whole city.
            return store.city_status(data_year, list(kelurahan))
        finally:
            store.close()

    return job
