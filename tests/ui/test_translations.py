"""The Qt Linguist pipeline: every string translated, placeholders kept, .qm current and loadable."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_translations as bt  # noqa: E402

PLACEHOLDER = re.compile(r"%[0-9n]|\{[a-z_]+\}")


def test_english_ts_is_complete() -> None:
    problems = bt.problems(bt.APP_TS)
    assert problems == [], "\n".join(problems)


def test_every_string_in_the_code_is_in_the_ts() -> None:
    if not (shutil.which("pyside6-lupdate") or (Path(bt._tool("lupdate")).exists())):
        pytest.skip("lupdate not installed")
    found = bt.check()
    assert found == [], "Run: python scripts/build_translations.py, then translate:\n" + "\n".join(found)


def test_translations_keep_placeholders() -> None:
    bad = []
    for (ctx, src), msg in bt.messages_of(bt.APP_TS).items():
        tr = msg.find("translation")
        texts = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
        for text in texts:
            if sorted(set(PLACEHOLDER.findall(src)) - {"%n"}) != sorted(set(PLACEHOLDER.findall(text)) - {"%n"}):
                bad.append(f"[{ctx}] {src!r} -> {text!r}")
    assert bad == [], "\n".join(bad)


def test_qm_files_are_built_from_the_current_ts(tmp_path: Path) -> None:
    for ts in (bt.APP_TS, bt.QT_TS):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run scripts/build_translations.py"
        fresh = tmp_path / qm.name
        subprocess.run([bt._tool("lrelease"), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
        assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run scripts/build_translations.py"


def test_english_translator_translates_the_window_words(qapp) -> None:  # noqa: ANN001
    tr = QTranslator()
    assert tr.load(str(bt.APP_TS.with_suffix(".qm")))
    qapp.installTranslator(tr)
    try:
        assert QCoreApplication.translate("MainWindow", "Beranda") == "Home"
        assert QCoreApplication.translate("HomePage", "%n perubahan", "", 3) == "3 changes"
        from db.errors import KlaError
        from ui.session import kla_error_text

        assert kla_error_text(KlaError("value_negative", value="-3")).startswith("'-3' is negative")
        bad = KlaError("bundle_item_invalid", key="entry/2026/4", detail="value_invalid", item="Jumlah anak")
        english = kla_error_text(bad)
        assert english.startswith("The export content is not valid: the data of indicator 4 (data year 2026)")
        assert "“Jumlah anak”" in english and "entry/" not in english and "tidak" not in english
        from db.progress import step
        from ui.messages import progress_text
        from ui.session import translate_message as translate

        assert progress_text(step("export_part_done", part=1, parts=2), translate) == "Part 1/2 done"
        assert progress_text(step("reading_unit", name="Manggar"), translate) == "Reading the data of Manggar"
        damaged = kla_error_text(KlaError("bundle_damaged", detail="decrypt_failed"))
        assert "(its contents cannot be opened)" in damaged
    finally:
        qapp.removeTranslator(tr)
    indonesian = kla_error_text(bad)
    assert progress_text(step("export_part_done", part=1, parts=2), translate) == "Bagian 1/2 selesai"
    assert indonesian.startswith("Isi kiriman tidak sah: isian indikator 4 (data tahun 2026) memuat nilai")
    assert "entry/" not in indonesian
    assert QCoreApplication.translate("MainWindow", "Beranda") == "Beranda"


def test_window_in_english(qtbot, make_window, demo_home, qapp) -> None:  # noqa: ANN001
    from ui.i18n import install_translators

    loaded = install_translators(qapp, "en")
    try:
        w = make_window(demo_home).window
        labels = [w.nav.item(i).text() for i in range(w.nav.count())]
        assert labels == ["Home", "Indicators", "Activities & Innovations", "Facilities", "Exports", "Reports",
                          "Settings"]
    finally:
        for t in loaded:
            qapp.removeTranslator(t)
        install_translators(qapp, "id")


def test_file_dialog_speaks_indonesian(qtbot, qapp) -> None:  # noqa: ANN001
    """Qt's own file dialog (Tambah berkas…, Cadangan) must not show 'Look in:' or 'Date Modified'."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    tr = QTranslator()
    assert tr.load(str(bt.QT_TS.with_suffix(".qm")))
    qapp.installTranslator(tr)
    try:
        dlg = QFileDialog(None, "Pilih berkas data dukung")
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dlg)
        labels = {lab.objectName(): lab.text() for lab in dlg.findChildren(QLabel)}
        assert labels["lookInLabel"] == "&Cari di:"
        assert labels["fileTypeLabel"] == "&Jenis berkas:"
        model = dlg.findChild(QTreeView).model()
        headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        assert headers == ["Nama", "Ukuran", "Jenis", "Tanggal diubah"]
        # Saving (Simpan PDF…, berita acara): the accept button said "Save" beside "Batal".
        from PySide6.QtWidgets import QDialogButtonBox

        save = QFileDialog(None, "Simpan PDF")
        save.setOption(QFileDialog.Option.DontUseNativeDialog)
        save.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(save)
        texts = [b.text() for b in save.findChild(QDialogButtonBox).buttons()]
        assert "&Simpan" in texts and not {"&Save", "Save"} & set(texts)
    finally:
        qapp.removeTranslator(tr)


def test_print_dialog_and_folder_picker_speak_indonesian(qtbot, qapp) -> None:  # noqa: ANN001
    """Qt's print dialog ("Cetak…" on the enrolment sheet) showed Printer, Name, Properties, Options >>."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QGroupBox, QLabel

    from ui.i18n import install_translators

    loaded = install_translators(qapp, "id")
    try:
        printer = QPrinter()
        dlg = QPrintDialog(printer)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        shown = {w.text() for w in dlg.findChildren(QLabel) + dlg.findChildren(QAbstractButton) if w.isVisible()}
        shown |= {g.title() for g in dlg.findChildren(QGroupBox) if g.isVisible()}
        assert {"Pencetak", "&Nama:", "P&engaturan", "Lokasi:", "Jenis:", "&Pilihan >>", "&Cetak", "Batal"} <= shown
        assert dlg.windowTitle() == "Cetak"
        english = {"Printer", "&Name:", "P&roperties", "Location:", "Type:", "Output &file:", "&Options >>",
                   "&Print", "Cancel"}
        assert not english & shown
        assert QCoreApplication.translate("QPrintWidget", "Output &file:") == "&Berkas hasil:"
        dlg.reject()

        picker = QFileDialog(None, "Pilih folder berisi kiriman")
        picker.setOption(QFileDialog.Option.DontUseNativeDialog)
        picker.setFileMode(QFileDialog.FileMode.Directory)
        qtbot.addWidget(picker)
        types = picker.findChild(QComboBox, "fileTypeCombo")
        assert [types.itemText(i) for i in range(types.count())] == ["Folder"]
    finally:
        for t in loaded:
            qapp.removeTranslator(t)
