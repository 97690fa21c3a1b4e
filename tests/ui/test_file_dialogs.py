"""Where the file dialogs open: the folder last used for that kind of file (kept in the window's settings
file), else the flashdisk or folder the page offers, else Documents or home; never the folder the program
was started from. Qt's own dialog is replaced by a recorder that answers like a clerk picking a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from ui.app_settings import AppSettings
from ui.widgets import dialogs as dialogs_module
from ui.widgets.dialogs import Dialogs, documents_folder


class Picker:
    """Stands in for Qt's file dialog (ui.widgets.dialogs.ask_files): records the folder each one opened in."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened_in: list[str] = []
        self.answers: list[object] = []
        monkeypatch.setattr(dialogs_module, "ask_files", self._ask)

    def _ask(self, parent, title, start, name_filter, mode) -> list[str]:  # noqa: ANN001
        self.opened_in.append(start)
        answer = self.answers.pop(0) if self.answers else None
        if not answer:
            return []
        return [str(a) for a in answer] if isinstance(answer, list) else [str(answer)]


@pytest.fixture
def started_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program started from a folder no clerk would look in (a shortcut's working folder)."""
    where = tmp_path / "program-files" / "kla"
    where.mkdir(parents=True)
    monkeypatch.chdir(where)
    return where


def ini_folders(path: Path) -> dict[str, str]:
    q = QSettings(str(path), QSettings.Format.IniFormat)
    q.beginGroup("folders")
    return {k: str(q.value(k)) for k in q.childKeys()}


def test_each_kind_opens_where_it_was_last_used_and_is_kept_in_the_settings_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started_elsewhere: Path) -> None:
    picker = Picker(monkeypatch)
    ini = tmp_path / "settings" / "kla-desktop.ini"
    d = Dialogs()
    d.remember_in(AppSettings(ini))
    stick = tmp_path / "FLASHDISK"
    (stick / "Laporan").mkdir(parents=True)
    form = stick / "Formulir KLA.xlsx"
    form.write_bytes(b"x")
    photos = tmp_path / "Pictures" / "akta"
    photos.mkdir(parents=True)

    # Nothing used yet: Documents (or home), not the folder the program was started from.
    picker.answers.append(str(form))
    assert d.open_file(None, "Pilih formulir", kind="spreadsheet") == str(form)
    assert picker.opened_in[-1] == str(documents_folder()) != str(started_elsewhere)
    # The next spreadsheet dialog opens on the stick; another kind of file is not moved by it.
    d.open_file(None, "Pilih formulir", kind="spreadsheet")
    assert picker.opened_in[-1] == str(stick)
    picker.answers.append([str(photos / "a.jpg"), str(photos / "b.jpg")])
    d.open_files(None, "Pilih data dukung", kind="evidence")
    assert picker.opened_in[-1] == str(documents_folder())
    d.open_files(None, "Pilih data dukung", kind="evidence")
    assert picker.opened_in[-1] == str(photos)
    # Saving a file by name: in the folder last used for that kind, with the name filled in.
    picker.answers.append(str(stick / "Laporan" / "lembar.pdf"))
    d.save_file(None, "Simpan PDF", "lembar.pdf", kind="pdf")
    assert picker.opened_in[-1] == str(documents_folder() / "lembar.pdf")
    d.save_file(None, "Simpan PDF", "lembar kedua.pdf", kind="pdf")
    assert picker.opened_in[-1] == str(stick / "Laporan" / "lembar kedua.pdf")
    # A folder for exports: the flashdisk the page offers first, then the one chosen last time.
    picker.answers.append(str(tmp_path / "Pictures"))
    d.choose_folder(None, "Pilih folder tujuan", str(stick), kind="export")
    assert picker.opened_in[-1] == str(stick)
    d.choose_folder(None, "Pilih folder tujuan", str(stick), kind="export")
    assert picker.opened_in[-1] == str(tmp_path / "Pictures")
    # Cancelled dialogs remember nothing; what was chosen is on disk, for the next start of the program.
    assert ini_folders(ini) == {"spreadsheet": str(stick), "evidence": str(photos), "pdf": str(stick / "Laporan"),
                                "export": str(tmp_path / "Pictures")}
    again = Dialogs()
    again.remember_in(AppSettings(ini))
    again.open_file(None, "Pilih formulir", kind="spreadsheet")
    assert picker.opened_in[-1] == str(stick)
    # The stick was pulled out: its folder is gone, so Documents again (not a dialog on a missing path).
    (stick / "Laporan").rmdir()
    form.unlink()
    stick.rmdir()
    again.open_file(None, "Pilih formulir", kind="spreadsheet")
    assert picker.opened_in[-1] == str(documents_folder())


def test_the_window_remembers_the_evidence_folder_in_its_settings_file(
        qtbot, make_window, empty_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
        started_elsewhere: Path, make_photo) -> None:  # noqa: ANN001
    picker = Picker(monkeypatch)
    (tmp_path / "HP" / "DCIM").mkdir(parents=True)
    photo = make_photo(tmp_path / "HP" / "DCIM" / "akta.jpg", 800, 600)
    launcher = make_window(empty_home, the_dialogs=Dialogs())
    w = launcher.window
    w.open_indicator(4)
    panel = w.indicator_page.evidence
    qtbot.waitUntil(lambda: panel.add_button.isEnabled())
    picker.answers.append([str(photo)])
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert len(blocker.args[0].evidence_ids) == 1
    assert picker.opened_in[0] == str(documents_folder()) != str(started_elsewhere)
    assert ini_folders(tmp_path / "settings" / "kla-desktop.ini") == {"evidence": str(photo.parent)}
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)  # cancelled this time
    assert picker.opened_in[1:] == [str(photo.parent)]


def test_a_passphrase_question_goes_on_with_lanjut_not_simpan(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPushButton

    seen: list[tuple[list[str], QLineEdit.EchoMode]] = []

    def answer() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        seen.append(([b.text() for b in dlg.findChildren(QPushButton)], dlg.textEchoMode()))
        dlg.setTextValue("ABCD-EFGH")
        dlg.accept()

    for password in (True, False):
        QTimer.singleShot(50, answer)
        assert Dialogs().ask_text(None, "Kata sandi berkas", "Kata sandi:", "", password=password) == "ABCD-EFGH"
    assert "Lanjut" in seen[0][0] and "Simpan" not in seen[0][0] and seen[0][1] == QLineEdit.EchoMode.Password
    assert "Simpan" in seen[1][0]


def test_the_reports_page_writes_where_the_clerk_chose_last_time(
        qtbot, make_window, empty_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    picker = Picker(monkeypatch)
    stick = tmp_path / "FLASHDISK"
    stick.mkdir()
    settings_dir = tmp_path / "settings"
    launcher = make_window(empty_home, settings_dir, the_dialogs=Dialogs())
    w = launcher.window
    w.show_page("reports")
    page = w.reports_page
    assert page.out_dir == empty_home / "laporan"
    picker.answers.append(str(stick))
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert page.out_dir == stick
    w.close()
    again = make_window(empty_home, settings_dir, the_dialogs=Dialogs()).window
    again.show_page("reports")
    assert again.reports_page.out_dir == stick and str(stick) in again.reports_page.folder_label.text()


def test_receipts_are_offered_where_the_bundles_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DP3AKB reads a kelurahan's bundle from its stick, then writes the receipt: the same stick first."""
    picker = Picker(monkeypatch)
    d = Dialogs()
    d.remember_in(AppSettings(tmp_path / "kla-desktop.ini"))
    stick = tmp_path / "FLASHDISK-MANGGAR"
    stick.mkdir()
    picker.answers.append([str(stick / "KLA-64.71.01.1001-1.kla")])
    d.open_files(None, "Pilih kiriman kelurahan", kind="bundle")
    picker.answers.append(str(stick))
    d.choose_folder(None, "Pilih folder untuk tanda terima", d.start_folder("bundle"), kind="receipt")
    assert picker.opened_in[-1] == str(stick)


def test_the_kelurahan_looks_for_the_receipt_where_its_bundle_went(
        qtbot, make_window, empty_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    picker = Picker(monkeypatch)
    stick = tmp_path / "FLASHDISK"
    stick.mkdir()
    d = Dialogs()
    w = make_window(empty_home, the_dialogs=d).window
    d.settings.set_last_folder("export", str(stick))  # the export wizard wrote the bundle there
    w.show_page("outbox")
    assert w.outbox_page.import_receipt() is None  # cancelled in the dialog
    assert picker.opened_in[-1] == str(stick)


@pytest.mark.parametrize("parent_kind", ["none", "button", "page"])
def test_qts_file_dialog_is_styled_and_its_places_are_readable_with_any_parent(
        qtbot, tmp_path: Path, parent_kind: str) -> None:  # noqa: ANN001
    """Seen at 1366x768: a file dialog opened with no parent (or from a button) had Qt's plain buttons, not
    the program's; and its places column was 70 px wide, so "Komputer" read "K..."."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QListView, QPushButton, QVBoxLayout, QWidget

    from ui.widgets.style import scope_window

    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Lampirkan...", window)
    QVBoxLayout(window).addWidget(button)
    scope_window(window)
    window.show()
    qtbot.waitExposed(window)
    parent = {"none": None, "button": button, "page": window}[parent_kind]
    (tmp_path / "FLASHDISK").mkdir()
    seen: dict[str, object] = {}

    def look() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(20, look)
            return
        QApplication.processEvents()
        buttons = [b for b in dlg.findChildren(QPushButton) if b.isVisible()]
        seen["sheets"] = [b.styleSheet() for b in buttons]
        places = dlg.findChild(QListView, "sidebar")
        model = places.model()
        texts = [model.index(r, 0).data() for r in range(model.rowCount())]
        seen["places"] = texts
        seen["elided"] = [t for r, t in enumerate(texts)
                          if places.visualRect(model.index(r, 0)).right() > places.viewport().width()
                          or places.sizeHintForColumn(0) > places.viewport().width()]
        dlg.reject()

    QTimer.singleShot(20, look)
    assert Dialogs().choose_folder(parent, "Pilih folder tujuan", str(tmp_path / "FLASHDISK")) == ""
    # The same look as a button of the window: its share of the program's style sheet.
    assert seen["sheets"] and all(sheet == button.styleSheet() != "" for sheet in seen["sheets"])
    assert seen["places"] and seen["elided"] == []


def test_a_choice_about_typed_text_keeps_it_on_enter_and_goes_back_on_escape(qtbot) -> None:  # noqa: ANN001
    """The unsaved-note question: Enter kept the default ("Buang catatan" was the default before)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    def press(key: Qt.Key) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        QTest.keyClick(box, key)

    answers = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        QTimer.singleShot(100, lambda k=key: press(k))
        answers.append(Dialogs().choose(None, "Catatan belum tersimpan", "Simpan?", ["Tandai perlu perbaikan",
                                                                                  "Buang catatan"]))
    assert answers == [0, -1]
