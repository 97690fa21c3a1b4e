"""Kiriman page: the export wizard, receipts with DP3AKB's notes, the history model.

Real stores under tmp_path: a DP3AKB workspace and the Margo Mulyo demo kelurahan enrolled
by it (made once per run: enrolment is slow by design, age's scrypt), copied per test.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl

from db import demo
from db.store import Store
from exports import bundle, receipts, setup
from exports.usb import TMP_SUFFIX, Volume
from tests.ui.conftest import DEMO_KEL, ScriptedDialogs
from ui.outbox.export_wizard import DEST_DRIVE, DEST_EMAIL, DEST_FOLDER, STEP_CHOOSE, STEP_RESULT, STEP_RUN
from ui.outbox.history_model import HistoryModel


class FolderDialogs(ScriptedDialogs):
    """ScriptedDialogs that also answer the folder question."""

    def __init__(self) -> None:
        super().__init__()
        self.folders: list[str] = []

    def choose_folder(self, parent, title, start="", kind=""):  # noqa: ANN001, ANN201
        self.asked.append(("choose_folder", title, ""))
        self.file_kinds.append(kind)
        return self.folders.pop(0) if self.folders else ""


@pytest.fixture(scope="session")
def _enrolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("outbox")
    demo.create_demo(root / "kel", seed=1, kelurahan_code=DEMO_KEL)
    with Store.create(root / "city", "city", operator="Admin DP3AKB") as city:
        r = setup.enroll(city, DEMO_KEL, root / "kel.klasetup", email="dp3akb@balikpapan.go.id")
    setup.install(root / "kel", r.path, r.passphrase)
    return root


@pytest.fixture
def world(_enrolled: Path, tmp_path: Path) -> Path:
    for name in ("kel", "city"):
        shutil.copytree(_enrolled / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def folder_dialogs() -> FolderDialogs:
    return FolderDialogs()


@pytest.fixture
def window(make_window, world: Path, folder_dialogs: FolderDialogs):  # noqa: ANN001, ANN201
    w = make_window(world / "kel", the_dialogs=folder_dialogs).window
    w.show_page("outbox")
    return w


def dump(store: Store) -> dict[str, list]:
    return {t: sorted(store.db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr)
            for t in store.db.table_names() if not t.startswith("sqlite_") and t != "audit_log"}


def run_export(qtbot, wizard) -> None:  # noqa: ANN001
    with qtbot.waitSignal(wizard.task.ended, timeout=30000):
        pass


def test_page_shows_what_waits_and_exports_to_a_folder(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    page = window.outbox_page
    assert page.export_button.isEnabled() and page.export_button.text() == "Buat kiriman untuk DP3AKB"
    assert page.count_labels["entry"].text() == "36" and page.count_labels["evidence"].text() == "64"
    waiting = sum(int(label.text()) for label in page.count_labels.values())
    assert page.pending_total.text() == f"{waiting} item"
    assert page.last_export_label.text() == "Belum pernah membuat kiriman."
    assert window.header.last_export.text() == "belum pernah"

    wizard = page.open_wizard()
    assert wizard.stack.currentIndex() == STEP_CHOOSE
    wizard.set_destination(DEST_FOLDER)
    assert not wizard.next_button.isEnabled()  # no folder chosen yet
    folder_dialogs.folders.append(str(world / "keluar"))
    qtbot.mouseClick(wizard.folder_button, qtbot_button())
    assert wizard.next_button.isEnabled() and wizard.part_size() == bundle.DEFAULT_PART_SIZE
    # With no reason beside them the buttons keep their own width at the right edge (they stretched
    # across the whole wizard, "Batal" as wide as "Buat kiriman" half the dialog each).
    qtbot.waitUntil(lambda: wizard.next_button.isVisible() and wizard.next_button.width() > 0)
    assert wizard.next_button.width() < wizard.width() // 3 and wizard.cancel_button.width() < wizard.width() // 3
    assert wizard.next_button.geometry().right() > wizard.width() * 0.9
    qtbot.mouseClick(wizard.next_button, qtbot_button())
    assert wizard.stack.currentIndex() == STEP_RUN
    run_export(qtbot, wizard)
    assert wizard.stack.currentIndex() == STEP_RESULT
    assert wizard.result_title.text() == "Kiriman no. 1 selesai ditulis dan diperiksa"
    files = sorted((world / "keluar").glob("*.kla"))
    assert len(files) == 1 and wizard.files_list.count() == 1
    assert files[0].name in wizard.files_list.item(0).text() and "Bagian 1 dari 1" in wizard.files_list.item(0).text()
    # Every line of the row shows whole in the wizard's list (the file name beside the counts ran past its
    # edge, behind a horizontal scroll bar).
    fm = wizard.files_list.fontMetrics()
    room = wizard.files_list.viewport().width() - wizard.files_list.iconSize().width() - 12
    assert all(fm.horizontalAdvance(line) <= room for line in wizard.files_list.item(0).text().split("\n"))
    assert "salin berkas .kla" in wizard.next_steps.text()
    assert wizard.close_button.width() < wizard.width() // 3
    assert not list((world / "keluar").glob("*" + TMP_SUFFIX))

    # The page and the header know; nothing counts as sent without a receipt.
    assert page.last_export_label.text().startswith("No. 1,")
    assert window.header.last_export.text() != "belum pernah"
    assert page.count_labels["entry"].text() == "36"
    assert "Sudah ada di kiriman no. 1; tetap dihitung di sini sampai tanda terima DP3AKB diimpor." \
        in page.pending_note.text()
    kinds = [page.history_model.index(i, HistoryModel.COL_KIND).data() for i in range(page.history_model.rowCount())]
    assert sorted(kinds) == ["Kiriman ke DP3AKB", "Pemasangan dari DP3AKB"]
    qtbot.mouseClick(wizard.close_button, qtbot_button())

    # DP3AKB imports it.
    with Store.open(world / "city", operator="Admin") as city:
        res = bundle.import_paths(city, files)
        assert [f.status for f in res.files] == ["imported"]
        assert res.files[0].counts["new"] == waiting


def test_the_handover_paper_of_an_export_is_written_ready_to_print(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    """Issue 10: a Berita Acara Serah Terima per export, with the QR of its digest."""
    from exports import handover

    wizard = window.outbox_page.open_wizard()
    wizard.set_destination(DEST_FOLDER)
    folder_dialogs.folders.append(str(world / "keluar"))
    qtbot.mouseClick(wizard.folder_button, qtbot_button())
    qtbot.mouseClick(wizard.next_button, qtbot_button())
    run_export(qtbot, wizard)
    qtbot.waitUntil(wizard.handover_button.isEnabled, timeout=20000)
    assert wizard.handover_path.name == "Berita acara serah terima KLA kiriman 1.pdf"
    assert wizard.handover_path.read_bytes()[:5] == b"%PDF-" and "berita acara" in wizard.next_steps.text()
    with Store.open(world / "kel", check=False, start_backup=False) as kel:
        assert handover.from_log(kel).series_id == wizard.result.series_id
    qtbot.mouseClick(wizard.close_button, qtbot_button())


def test_receipt_says_why_items_still_travel(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    """Issue 10: "1 item masih akan dikirim" says why (changed here since, never held by DP3AKB)."""
    page = window.outbox_page
    out = world / "keluar"
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, out)
        year = max(kel.current_period().data_years)
        sent = kel.entries(DEMO_KEL, year)[0]
        kel.set_notes(None, year, sent.indicator_no, "Dilengkapi setelah kiriman.")  # changed after the export
    with Store.open(world / "city", operator="Admin") as city:
        bundle.import_paths(city, sorted(out.glob("*.kla")))
        [r] = receipts.write_receipts(city, world / "kuitansi", DEMO_KEL)
    folder_dialogs.file.append(str(r.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    text = page.receipt_result.text()
    assert "1 item masih akan dikirim" in text
    assert "Sebabnya: 1 diubah di sini setelah versi yang diterima DP3AKB." in text



def _receipt_after_a_conflict(world: Path, decide: str | None):  # noqa: ANN202
    """Both sides change one indicator's notes after the first receipt: a conflict at DP3AKB, decided
    (``decide``: 'held' or 'incoming') or left open, then DP3AKB's receipt. (data year, indicator, receipt)."""
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, world / "k0")
        year = max(kel.current_period().data_years)
        no = kel.entries(DEMO_KEL, year)[0].indicator_no
        with Store.open(world / "city", operator="Admin") as city:
            bundle.import_paths(city, sorted((world / "k0").glob("*.kla")))
            [r0] = receipts.write_receipts(city, world / "r0", DEMO_KEL)
            bundle.import_paths(kel, [r0.path])
            city.set_notes(DEMO_KEL, year, no, "Diubah DP3AKB.")
            kel.set_notes(None, year, no, "Diubah kelurahan.")
            bundle.export_bundles(kel, world / "k1")
            bundle.import_paths(city, sorted((world / "k1").glob("*.kla")))
            [c] = city.sync.conflicts(DEMO_KEL)
            if decide:
                city.sync.resolve_conflict(c.id, decide)
            [r] = receipts.write_receipts(city, world / "r1", DEMO_KEL)
    return year, no, r


def test_receipt_after_dp3akb_kept_its_own_version_says_so(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    """A conflict DP3AKB decided for its version: the receipt brings that version, the page says
    which item was replaced by DP3AKB's decision (in words, in Indonesian), not "masih akan
    dikirim"; the kelurahan's notes are now DP3AKB's."""
    page = window.outbox_page
    year, no, r = _receipt_after_a_conflict(world, decide="held")
    folder_dialogs.file.append(str(r.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    text = page.receipt_result.text()
    assert f"1 item diganti dengan versi DP3AKB (DP3AKB memilih versinya saat ada dua versi berbeda): isian " \
           f"indikator {no} (data tahun {year}). Isian sebelumnya di komputer ini tetap tercatat di riwayat " \
           "perubahan" in text, text
    assert "masih akan dikirim" not in text and "tidak dikirim" not in text and "entry/" not in text, text
    assert window.session.store.entry(DEMO_KEL, year, no).notes == "Diubah DP3AKB."


def qtbot_button():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_drive_and_email_destinations(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    stick = world / "media" / "FLASHDISK"
    stick.mkdir(parents=True)
    drives: list[Volume] = []
    page = window.outbox_page
    page.list_drives = lambda: list(drives)
    opened: list[QUrl] = []
    page.open_url = opened.append

    wizard = page.open_wizard()
    assert wizard.destination() == DEST_DRIVE and not wizard.next_button.isEnabled()
    assert "Tidak ada flashdisk" in wizard.drive_hint.text()
    drives.append(Volume(str(stick), "FLASHDISK", 8 * 1024**3, 16 * 1024**3, "vfat"))
    qtbot.mouseClick(wizard.refresh_button, qtbot_button())
    assert "FLASHDISK" in wizard.drive_combo.currentText() and wizard.next_button.isEnabled()
    assert wizard.part_size() == 0  # a stick needs no splitting
    qtbot.mouseClick(wizard.next_button, qtbot_button())
    run_export(qtbot, wizard)
    assert len(list((stick / "KLA").glob("*.kla"))) == 1
    assert "Cabut flashdisk dengan aman" in wizard.next_steps.text().replace("cabut", "Cabut")
    wizard.accept()

    wizard = page.open_wizard()
    wizard.set_destination(DEST_EMAIL)
    assert "dp3akb@balikpapan.go.id" in wizard.email_hint.text()
    # Parts are sized by the e-mail limit of the chosen preset (Gmail/Outlook by default).
    assert wizard.part_size() == 0 and wizard.mail_limit() == 25_000_000
    assert wizard.mail_row.isVisibleTo(wizard) and not wizard.size_box.isVisibleTo(wizard)
    folder_dialogs.folders.append(str(world / "email"))
    wizard.folder_button.click()
    wizard.next_button.click()
    run_export(qtbot, wizard)
    emls = sorted((world / "email").glob("*.eml"))
    assert len(emls) == 1 and wizard.open_eml_button.isVisible()
    assert "dp3akb@balikpapan.go.id" in wizard.next_steps.text()
    wizard.open_eml_button.click()
    assert opened == [QUrl.fromLocalFile(str(emls[0]))]
    assert page.history_model.rowCount() == 3  # the setup, the stick, the e-mail


def test_email_limit_presets_size_the_drafts_on_disk(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    """Issue 14: "e-mail kantor .go.id" (10 MB): every .eml written fits once encoded; a file bigger
    than one e-mail holds travels in a part of its own, with no draft, marked for the flashdisk."""
    import os

    store = window.session.store
    for i in range(3):
        f = world / f"scan-{i}.pdf"
        f.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024))
        store.add_evidence(None, f, links=[(2025, 3)], kind="data_table")
    big = world / "peta.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(9 * 1024 * 1024))
    store.add_evidence(None, big, links=[(2025, 3)], kind="data_table")
    wizard = window.outbox_page.open_wizard()
    wizard.set_destination(DEST_EMAIL)
    labels = [wizard.mail_combo.itemText(i) for i in range(wizard.mail_combo.count())]
    assert labels == ["Gmail/Outlook (25 MB per email)", "e-mail kantor .go.id (10 MB per email)", "Batas lain"]
    assert wizard.size_title.text() == "Batas ukuran satu email" and "10 MB" in wizard.size_hint.text()
    wizard.mail_combo.setCurrentIndex(2)  # another limit, typed: 5 MB
    wizard.mail_spin.setValue(5)
    assert wizard.mail_spin.isVisibleTo(wizard) and wizard.mail_limit() == 5_000_000
    wizard.mail_combo.setCurrentIndex(1)
    assert wizard.mail_limit() == 10_000_000 and not wizard.mail_spin.isVisibleTo(wizard)
    folder_dialogs.folders.append(str(world / "email"))
    wizard.folder_button.click()
    wizard.next_button.click()
    run_export(qtbot, wizard)
    emls = sorted((world / "email").glob("*.eml"))
    parts = sorted((world / "email").glob("*.kla"))
    assert len(parts) >= 3 and len(emls) == len(parts) - 1
    assert all(e.stat().st_size <= 10_000_000 for e in emls), [e.stat().st_size for e in emls]
    lines = [wizard.files_list.item(i).text() for i in range(wizard.files_list.count())]
    assert sum("kirim lewat flashdisk" in line for line in lines) == 1
    assert sum("Draf email:" in line for line in lines) == len(emls)


def test_cancel_mid_export_leaves_no_complete_looking_file(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    page = window.outbox_page
    (world / "keluar").mkdir()
    wizard = page.open_wizard()
    wizard.set_destination(DEST_FOLDER)
    folder_dialogs.folders.append(str(world / "keluar"))
    wizard.folder_button.click()
    # Hold the worker at its first progress report until the clerk has clicked Batal.
    gate = threading.Event()
    real = wizard.make_job

    def make_job(opts):  # noqa: ANN001, ANN202
        job = real(opts)

        def held(progress, cancelled):  # noqa: ANN001, ANN202
            def p(done: int, total: int, text: str) -> None:
                progress(done, total, text)
                gate.wait(20)

            return job(p, cancelled)

        return held

    wizard.make_job = make_job
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.run_text.text().startswith("Bagian 1/"), timeout=20000)
    assert wizard.cancel_button.isVisible()
    wizard.cancel_button.click()
    gate.set()
    run_export(qtbot, wizard)
    assert wizard.stack.currentIndex() == STEP_RESULT
    assert wizard.result_title.text() == "Pembuatan kiriman dibatalkan"
    assert not wizard.files_list.isVisible()
    # Nothing was written, so no handover paper is offered (a greyed "Cetak berita acara…" was).
    assert not wizard.handover_button.isVisible()
    assert list((world / "keluar").iterdir()) == []  # no .kla, no temporary file
    assert page.last_export_label.text() == "Belum pernah membuat kiriman."
    assert window.header.last_export.text() == "belum pernah"
    assert wizard.back_button.isVisible()
    wizard.back_button.click()
    assert wizard.stack.currentIndex() == STEP_CHOOSE
    # The stopped export carried its number nowhere: the one made now is no. 1 (it was no. 2).
    wizard.next_button.click()
    run_export(qtbot, wizard)
    assert wizard.result_title.text() == "Kiriman no. 1 selesai ditulis dan diperiksa"
    assert wizard.handover_button.isVisible()
    assert [f.name.split("-")[3] for f in (world / "keluar").glob("*.kla")] == ["0001"]


def test_receipt_shows_review_notes_and_opens_the_indicator(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    page = window.outbox_page
    session = window.session
    year = session.year
    out = world / "keluar"
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, out)
    with Store.open(world / "city", operator="Admin") as city:
        bundle.import_paths(city, sorted(out.glob("*.kla")))
        city.set_review(DEMO_KEL, year, 5, "diterima", "")
        city.set_review(DEMO_KEL, year, 7, "perlu_perbaikan", "Foto kegiatan belum ada tanggalnya.")
        [r] = receipts.write_receipts(city, world / "kuitansi", DEMO_KEL)
    folder_dialogs.file.append(str(r.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert "Tanda terima no. 1 diimpor." in page.receipt_result.text()
    # The count DP3AKB read when it wrote the receipt, in the same words ("1 item diakui" counted
    # something else under the same word, beside DP3AKB's "84 item").
    said = f"DP3AKB sudah menerima {r.items} item seluruhnya (tanda terima pertama)"
    assert r.items > 1 and said + "." in page.receipt_result.text() and "diakui" not in page.receipt_result.text()
    assert said in page.last_receipt_label.text()
    # The same numbers, short, in the history's row (its file name keeps some room beside it).
    assert any(f"Diterima DP3AKB {r.items} item (tanda terima pertama)"
               == page.history_model.index(i, HistoryModel.COL_CONTENT).data()
               for i in range(page.history_model.rowCount()))
    assert "1 indikator perlu perbaikan" in page.receipt_result.text()
    first = page.notes.item(0)
    assert first.text().startswith("7. ") and "perlu perbaikan" in first.text()
    assert "Foto kegiatan belum ada tanggalnya." in first.text()
    assert page.notes.item(1).text().startswith("5. ")
    assert page.count_labels["entry"].text() == "0" and page.pending_total.text() == "Tidak ada"
    assert page.pending_note.text() == "Semua data sudah diterima DP3AKB."
    assert "diimpor" in page.last_receipt_label.text()
    kinds = [page.history_model.index(i, HistoryModel.COL_KIND).data() for i in range(page.history_model.rowCount())]
    assert sorted(kinds) == ["Kiriman ke DP3AKB", "Pemasangan dari DP3AKB", "Tanda terima dari DP3AKB"]

    # Beranda's "Perlu dilengkapi" names DP3AKB's request too (it listed only what was empty).
    window.show_page("home")
    home = window.home_page
    todo = [home.todo.item(i).text() for i in range(home.todo.count())]
    line = next(t for t in todo if t.startswith("7. "))
    assert "DP3AKB: perlu perbaikan (“Foto kegiatan belum ada tanggalnya.”)" in line
    assert not any(t.startswith("5. ") and "DP3AKB" in t for t in todo)  # "diterima" asks nothing
    # The Indikator list marks it the way Beranda does, and says why on hover.
    window.show_page("indicators")
    from ui.widgets import icons

    lst = window.indicator_page.model
    idx = lst.index(lst.row_of(7), lst.COL_NAME)
    assert "DP3AKB: perlu perbaikan — Foto kegiatan belum ada tanggalnya." in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert idx.data(Qt.ItemDataRole.DecorationRole).pixmap(16).toImage() == icons.mark("missing").pixmap(16).toImage()
    five = lst.index(lst.row_of(5), lst.COL_NAME)
    assert "DP3AKB" not in five.data(Qt.ItemDataRole.ToolTipRole)
    window.show_page("outbox")

    page.notes.itemClicked.emit(first)
    assert window.current_page() == "indicators" and window.indicator_page.form.indicator_no == 7

    # The next export after the receipt has nothing to send.
    window.show_page("outbox")
    wizard = page.open_wizard()
    wizard.set_destination(DEST_FOLDER)
    folder_dialogs.folders.append(str(world / "lagi"))
    wizard.folder_button.click()
    wizard.next_button.click()
    run_export(qtbot, wizard)
    assert wizard.result_title.text() == "Tidak ada yang perlu dikirim"


def test_empty_workspace_does_not_claim_everything_was_received(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    w = make_window(empty_home).window
    w.show_page("outbox")
    page = w.outbox_page
    assert page.pending_total.text() == "Tidak ada"
    assert page.pending_note.text() == "Belum ada data untuk dikirim."
    assert "diterima DP3AKB" not in page.pending_note.text()


def test_bad_receipt_file_is_refused_in_indonesian_and_changes_nothing(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    page = window.outbox_page
    bad = world / "KLA-kuitansi-palsu.kla"
    bad.write_bytes(b"bukan kuitansi" * 100)
    before = dump(window.session.store)
    rows = page.history_model.rowCount()
    folder_dialogs.file.append(str(bad))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    errors = [a for a in folder_dialogs.asked if a[0] == "error"]
    assert len(errors) == 1
    assert "bukan berkas KLA Desktop" in errors[0][2] and "Tidak ada yang diubah." in errors[0][2]
    assert dump(window.session.store) == before
    assert page.history_model.rowCount() == rows and not page.receipt_result.isVisible()
    # Cancelling the file dialog does nothing at all.
    assert page.import_receipt() is None


def test_history_model(qtmodeltester, world) -> None:  # noqa: ANN001
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, world / "a", part_size=64 * 1024)

        rows = kel.sync.bundle_log()
    assert len(rows) > 1
    model = HistoryModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    rec = model.index(0, 0).data(HistoryModel.RecordRole)
    assert rec is rows[0]
    assert model.index(0, HistoryModel.COL_PART).data() == f"{rows[0].part} dari {rows[0].parts}"
    assert model.index(0, HistoryModel.COL_KIND).data() == "Kiriman ke DP3AKB"
    assert "isian indikator" in model.index(0, HistoryModel.COL_CONTENT).data() or \
        "data dukung" in model.index(0, HistoryModel.COL_CONTENT).data()


def test_history_content_is_not_cut_at_125_percent_scale(qtbot, window, world) -> None:  # noqa: ANN001
    """Regression: at 1366x768 with QT_SCALE_FACTOR=1.25 the "Isi" column read "19 i…itas"."""
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, world / "a")
    window.outbox_page.refresh()
    # QT_SCALE_FACTOR is fixed per process: 1366x768 at 1.25 leaves 1093x614 logical pixels.
    window.resize(round(1366 / 1.25), round(768 / 1.25))
    window.show()
    qtbot.waitExposed(window)
    view = window.outbox_page.history
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 0)
    model = view.model()
    contents = [model.index(r, HistoryModel.COL_CONTENT).data() for r in range(model.rowCount())]
    longest = max(contents, key=len)
    assert "isian" in longest and "data dukung" in longest  # a bundle with several kinds of item
    margin = 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    needed = view.fontMetrics().horizontalAdvance(longest) + margin
    assert needed <= view.columnWidth(HistoryModel.COL_CONTENT)
    header = view.horizontalHeader()
    assert header.sectionViewportPosition(HistoryModel.COL_SIZE) + header.sectionSize(HistoryModel.COL_SIZE) \
        <= view.viewport().width()  # every column still fits beside it
    row = contents.index(longest)
    assert longest in model.index(row, HistoryModel.COL_CONTENT).data(Qt.ItemDataRole.ToolTipRole)


def test_after_restoring_a_backup_older_than_the_last_receipt_the_window_says_to_import_it_again(
        qtbot, make_window, world, folder_dialogs) -> None:  # noqa: ANN001
    """The restore of a backup made before the last receipt left the clerk with "Semua data sudah diterima
    DP3AKB" at the next export, while DP3AKB held newer values than the restored ones: now the restore's
    note and the export's result both say to import the last receipt again."""
    out = world / "keluar"
    with Store.open(world / "kel", operator="x") as kel, Store.open(world / "city", operator="Admin") as city:
        year = kel.current_period().data_years[-1]
        for n, value in enumerate((4, 5)):
            if n == 1:
                backup = kel.backup(reason="manual")
            kel.set_value(None, year, 3, "media", value)
            bundle.export_bundles(kel, out / str(n))
            bundle.import_paths(city, [out / str(n)])
            [r] = receipts.write_receipts(city, world / f"kuitansi{n}", DEMO_KEL)
            bundle.import_paths(kel, [r.path])
    w = make_window(world / "kel", the_dialogs=folder_dialogs).window
    w.show_page("settings")
    folder_dialogs.confirms.append(True)
    assert w.settings_page.restore(backup)
    assert "Impor lagi tanda terima terakhir dari DP3AKB (no. 2" in w.settings_page.backup_note.text()
    wizard = _export_again(qtbot, w, folder_dialogs, world)
    assert wizard.result_title.text() == "Tidak ada yang perlu dikirim"
    text = wizard.result_text.text()
    assert "Semua data sudah diterima" not in text and "Impor lagi tanda terima terakhir dari DP3AKB" in text, text


def _export_again(qtbot, w, folder_dialogs, world: Path):  # noqa: ANN001, ANN202
    """The clerk opens Kiriman, picks a folder and exports: the wizard at its result page."""
    w.show_page("outbox")
    wizard = w.outbox_page.open_wizard()
    wizard.set_destination(DEST_FOLDER)
    folder_dialogs.folders.append(str(world / "lagi"))
    wizard.folder_button.click()
    wizard.next_button.click()
    run_export(qtbot, wizard)
    return wizard


def _all_received(world: Path) -> None:
    """Everything of the kelurahan exported, imported by DP3AKB, and its receipt imported back."""
    out = world / "keluar"
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, out)
        with Store.open(world / "city", operator="Admin") as city:
            bundle.import_paths(city, sorted(out.glob("*.kla")))
            [r] = receipts.write_receipts(city, world / "kuitansi", DEMO_KEL)
        bundle.import_paths(kel, [r.path])


def test_nothing_to_send_is_a_plain_page_that_says_what_happened_and_what_next(qtbot, make_window, world,  # noqa: ANN001
                                                                                folder_dialogs) -> None:
    """Seen at 1366x768: "Tidak ada yang perlu dikirim" sat over an empty gap (the hidden file list's room)."""
    from PySide6.QtWidgets import QApplication

    _all_received(world)
    w = make_window(world / "kel", the_dialogs=folder_dialogs).window
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    wizard = _export_again(qtbot, w, folder_dialogs, world)
    for _ in range(3):
        QApplication.processEvents()
    assert wizard.result_title.text() == "Tidak ada yang perlu dikirim"
    assert wizard.result_text.text() == ("Semua data sudah diterima DP3AKB menurut tanda terima terakhir. "
                                         "Tidak ada berkas yang ditulis.")
    assert wizard.next_steps.isVisible() and wizard.next_steps.text().startswith(
        "Langkah berikutnya: tidak ada yang perlu dilakukan sekarang; tutup jendela ini.")
    assert "buat kiriman lagi" in wizard.next_steps.text()
    assert not wizard.files_list.isVisible() and not wizard.handover_button.isVisible()
    # The three read together from the top, one under the other, each whole (no gap where the list was).
    title, text, steps = wizard.result_title, wizard.result_text, wizard.next_steps
    assert 0 <= text.y() - (title.y() + title.height()) <= 16
    assert 0 <= steps.y() - (text.y() + text.height()) <= 60
    for label in (title, text, steps):
        assert label.heightForWidth(label.width()) <= label.height() <= label.heightForWidth(label.width()) + 8


def test_a_receipt_counted_from_one_never_imported_here_does_not_name_its_number(qtbot, window, world,  # noqa: ANN001
                                                                                  folder_dialogs) -> None:
    """Seen: "… sejak tanda terima no. 5" at a kelurahan that never got receipt no. 5 (written by DP3AKB,
    not handed over): a number the clerk finds nowhere in Kiriman's history."""
    page = window.outbox_page
    out = world / "keluar"
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, out)
    with Store.open(world / "city", operator="Admin") as city:
        bundle.import_paths(city, sorted(out.glob("*.kla")))
        receipts.write_receipts(city, world / "kuitansi1", DEMO_KEL)  # no. 1: never handed over
        [r2] = receipts.write_receipts(city, world / "kuitansi2", DEMO_KEL)
    assert (r2.seq, r2.since) == (2, 1)
    folder_dialogs.file.append(str(r2.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    unseen = "sejak tanda terima DP3AKB sebelumnya, yang belum pernah diimpor di sini"
    for text in (page.receipt_result.text(), page.last_receipt_label.text()):
        assert "Tanda terima no. 2 diimpor." in text or "No. 2, diimpor" in text
        assert unseen in text and "no. 1" not in text, text
    row = next(page.history_model.index(i, HistoryModel.COL_CONTENT).data() for i in range(page.history_model.rowCount())
               if page.history_model.index(i, HistoryModel.COL_KIND).data() == "Tanda terima dari DP3AKB")
    assert "sejak tanda terima sebelumnya (tidak diimpor di sini)" in row and "no. 1" not in row, row

    # A receipt counted from one imported here names it by its number.
    with Store.open(world / "city", operator="Admin") as city:
        [r3] = receipts.write_receipts(city, world / "kuitansi3", DEMO_KEL)
    folder_dialogs.file.append(str(r3.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert "sejak tanda terima no. 2" in page.receipt_result.text()
    m = page.history_model
    qtbot.waitUntil(lambda: any(m.index(i, HistoryModel.COL_PART).data() == "no. 3" for i in range(m.rowCount())),
                    timeout=10000)
    row = next(m.index(i, HistoryModel.COL_CONTENT).data() for i in range(m.rowCount())
               if m.index(i, HistoryModel.COL_PART).data() == "no. 3")
    assert "sejak no. 2" in row, row


def test_receipt_says_an_item_waiting_for_dp3akbs_decision_waits_not_that_it_was_changed_here(  # noqa: ANN001
        qtbot, window, world, folder_dialogs) -> None:
    """A conflict DP3AKB has not decided yet: the page said "1 diubah di sini setelah versi yang
    diterima DP3AKB" of an item the clerk sent and never touched again."""
    page = window.outbox_page
    _year, _no, r = _receipt_after_a_conflict(world, decide=None)  # not decided
    folder_dialogs.file.append(str(r.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    text = page.receipt_result.text()
    assert "1 item masih akan dikirim" in text, text
    assert "Sebabnya: 1 menunggu keputusan DP3AKB: versi yang dipegang DP3AKB berbeda dengan versi di sini" in text
    assert "diubah di sini" not in text, text


def test_receipt_says_when_dp3akb_holds_data_this_pc_never_had(qtbot, window, world, folder_dialogs) -> None:  # noqa: ANN001
    """A new, empty workspace read 'Semua data sudah diterima DP3AKB' of a receipt naming 40 items it never had."""
    page = window.outbox_page
    with Store.open(world / "kel", operator="x") as kel:
        bundle.export_bundles(kel, world / "k0")
        year = max(kel.current_period().data_years)
    with Store.open(world / "city", operator="Admin") as city:
        bundle.import_paths(city, sorted((world / "k0").glob("*.kla")))
        city.add_activity(DEMO_KEL, year, "Rapat Forum Anak (dicatat DP3AKB)")  # held there, never here
        [r] = receipts.write_receipts(city, world / "kuitansi", DEMO_KEL)
    folder_dialogs.file.append(str(r.path))
    task = page.import_receipt()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    text = page.receipt_result.text()
    assert "DP3AKB menyimpan 1 item data Kelurahan " in text and "tidak ada di komputer ini" in text, text
    assert "minta DP3AKB membuat berkas pemulihan" in text
