"""Install DP3AKB's setup file into the open desa/kelurahan workspace (Pengaturan, Kiriman).

A workspace made without a setup file cannot send; this is how the clerk gets out. The file is
installed with :func:`exports.setup.install` in the background, on the same workspace: all
its data is kept, and the first export carries it all. A file for another unit (or another
kab/kota) is refused with the reason and changes nothing. Afterwards the window's caches are
dropped and a ``workspace`` change is broadcast, so every view shows the new state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from db.changes import Changes
from db.errors import KlaError
from ui.operations import Failure, is_running, run_in_background
from ui.session import Session, kla_error_text
from ui.widgets.formatting import fill
from ui.widgets.tasks import ProgressWidget, Task
from ui.widgets.unit_words import unit_title


def fingerprint(key_id: str) -> str:
    """``3F2A-9C1B-07DE-55A0``: as :func:`exports.keys.fingerprint` (not imported: it loads the crypto libraries)."""
    s = key_id[:16].upper()
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def enrolment_text(session: Session) -> str:
    """'Kelurahan Manggar, Kec. Balikpapan Timur, Kota Balikpapan (Kalimantan Timur)': this workspace's unit."""
    store = session.store
    if store.role != "kelurahan":
        return store.unit(store.city_code).name
    path = store.path_json(store.kelurahan_code)
    names = {p["level"]: p for p in path}
    parts = [unit_title(p["code"], p["name"], short=p["level"] == "kecamatan")
             for p in reversed(path) if p["level"] in ("unit", "kecamatan", "city")]
    text = ", ".join(parts)
    if "province" in names:
        text += f" ({names['province']['name']})"
    return text


class SetupInstaller(QObject):
    """Asks for the file and its passphrase, installs it in the background, says how it went."""

    installed = Signal(object)
    """The setup file was installed; the argument is the :class:`exports.setup.SetupResult`."""

    def __init__(self, session: Session, owner: QWidget, progress: ProgressWidget | None = None) -> None:
        super().__init__(owner)
        self.session = session
        self.owner = owner
        self.progress = progress
        self.task: Task | None = None

    def start(self) -> Task | None:
        dialogs = self.session.dialogs
        path = dialogs.open_file(self.owner, self.tr("Pilih berkas pemasangan dari DP3AKB"),
                                 self.tr("Berkas pemasangan DP3AKB (*.klasetup *.kla);;Semua berkas (*)"),
                                 kind="setup")
        if not path:
            return None
        from exports.setup import check_setup_file

        try:
            # A bundle or a stray file is said before the passphrase is asked, not after it.
            check_setup_file(Path(path))
        except KlaError as exc:
            dialogs.error(self.owner, self.tr("Berkas pemasangan tidak dipasang"), kla_error_text(exc))
            return None
        secret = dialogs.ask_text(self.owner, self.tr("Kata sandi berkas"),
                                  self.tr("Kata sandi yang tercetak pada lembar dari DP3AKB:"), "", password=True)
        if secret is None:
            return None
        return self.install(Path(path), secret)

    def install(self, path: Path, passphrase: str) -> Task | None:
        if is_running(self.task):
            return None
        home = self.session.home
        operator = self.session.store.operator

        def job(progress: Any, cancelled: Any) -> Any:
            from exports.setup import install

            return install(home, path, passphrase, operator=operator, progress=progress, cancelled=cancelled)

        self.task = run_in_background(self.owner, job, title=self.tr("Memasang berkas pemasangan…"),
                                      on_done=self._on_done, on_failed=self._on_failed,
                                      progress_widget=self.progress)
        return self.task

    def _on_done(self, result: Any) -> None:
        store = self.session.store
        # The install wrote through its own connection: what this window cached is stale.
        store.ref.forget()
        store.core.forget_cache()
        self.session.notify(Changes.everything())
        self.session.dialogs.info(self.owner, self.tr("Berkas pemasangan terpasang"), fill(self.tr(
            "Ruang kerja ini sekarang terdaftar di DP3AKB untuk %1 (sidik jari kunci %2). Semua data yang sudah "
            "diisi tetap tersimpan dan ikut dalam kiriman berikutnya. Buat kiriman di halaman Kiriman."),
            enrolment_text(self.session), result.key_fingerprint) + "\n\n" + kla_error_text(KlaError("setup_one_pc")))
        self.installed.emit(result)

    def _on_failed(self, failure: Failure) -> None:
        if failure.cancelled:
            return
        self.session.dialogs.error(self.owner, self.tr("Berkas pemasangan tidak dipasang"), failure.text)
