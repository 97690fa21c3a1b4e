"""First run for DP3AKB: an empty city workspace opens the city window; the city demo runs with Batal.

(The kelurahan paths of the first-run dialog are in test_clerk_flow.py.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from db import regions
from db.store import Store
from desktop.app import Launcher
from ui.app_settings import AppSettings
from ui.city.city_window import CityWindow
from ui.firstrun.first_run_dialog import FirstRunDialog
from ui.widgets.style import STYLE_SHEET


def pick(qtbot, picker, text: str, code: str) -> None:  # noqa: ANN001
    """Type ``text`` into a region picker and click the row of ``code``."""
    qtbot.waitUntil(lambda: regions.ready(picker.levels), timeout=30000)
    picker.set_text(text)
    rows = [picker.model.hit(r).region.code for r in range(picker.model.rowCount())]
    assert code in rows, rows
    picker.pick_row(rows.index(code))
    assert picker.chosen.region.code == code


def _launcher(tmp_path: Path, dialogs) -> Launcher:  # noqa: ANN001
    data_dir = tmp_path / "data"
    return Launcher(data_dir=data_dir, workspace=None, settings=AppSettings(data_dir / "kla-desktop.ini"),
                    dialogs=dialogs)


def test_the_four_choices_are_offered(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dlg = FirstRunDialog(lambda kind, code: tmp_path / kind, dialogs, setup_available=True)
    qtbot.addWidget(dlg)
    dlg.setStyleSheet(STYLE_SHEET)  # the app's larger option buttons, on this dialog only
    dlg.show()
    texts = [b.text() for b in (dlg.setup_button, dlg.demo_button, dlg.city_demo_button, dlg.new_button,
                                dlg.city_button)]
    assert texts == ["Pasang dari berkas DP3AKB", "Coba dengan data contoh", "Contoh DP3AKB (34 kelurahan)",
                     "Ruang kerja baru untuk desa/kelurahan", "Saya DP3AKB (kabupaten/kota)"]
    # Every option shows its whole label at the dialog's size (12 px padding each side, icon, gap).
    for b in (dlg.demo_button, dlg.city_demo_button, dlg.city_button):
        assert b.width() >= b.fontMetrics().horizontalAdvance(b.text()) + b.iconSize().width() + 2 * 12 + 4, b.text()
    assert dlg.sizeHint().height() < 700  # fits a 1366x768 screen with the task bar


def test_dp3akb_workspace_opens_the_city_window(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    launcher = _launcher(tmp_path, dialogs)
    assert launcher.start()
    first = launcher.first_run
    qtbot.addWidget(first)
    first.operator.setText("Rina Wulandari")
    qtbot.mouseClick(first.city_button, Qt.MouseButton.LeftButton)
    assert first.pages.currentIndex() == first.PAGE_CITY and not dialogs.asked
    pick(qtbot, first.city_picker, "balikpapan", "64.71")
    qtbot.mouseClick(first.city_create_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked and dialogs.asked[0][0] == "confirm"
    assert "Kota Balikpapan (Kalimantan Timur): 6 kecamatan, 0 desa, 34 kelurahan" in dialogs.asked[0][2]
    window = launcher.window
    assert isinstance(window, CityWindow)
    qtbot.addWidget(window)
    home = launcher.session.home
    assert home == tmp_path / "data" / "dp3akb-kota-balikpapan"
    assert window.header.title.text() == "Kota Balikpapan"
    assert window.header.operator.text() == "Rina Wulandari"
    assert launcher.settings.last_workspace == str(home)
    with Store.open(home, check=False, start_backup=False) as store:
        assert store.role == "city" and store.city_code == "64.71"
        assert len(store.units("kelurahan")) == 34
    window.close()
    # The next start opens the city workspace straight away.
    again = _launcher(tmp_path, type(dialogs)())
    assert again.start() and again.first_run is None
    qtbot.addWidget(again.window)
    assert isinstance(again.window, CityWindow) and again.session.home == home
    again.window.close()


def test_declining_the_dp3akb_question_creates_nothing(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dialogs.confirms.append(False)
    dlg = FirstRunDialog(lambda kind, code: tmp_path / kind, dialogs)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.city_button, Qt.MouseButton.LeftButton)
    pick(qtbot, dlg.city_picker, "samarinda", "64.72")
    qtbot.mouseClick(dlg.city_create_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked[-1][0] == "confirm"
    assert dlg.chosen_home is None and dlg.result() == 0
    assert not (tmp_path / "city").exists()


def test_city_demo_runs_in_the_background_and_batal_leaves_no_workspace(qtbot, tmp_path: Path,
                                                                        dialogs) -> None:  # noqa: ANN001
    kinds: list[tuple[str, str]] = []

    def workspace_for(kind: str, code: str) -> Path:
        kinds.append((kind, code))
        return tmp_path / "contoh-dp3akb"

    dlg = FirstRunDialog(workspace_for, dialogs)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.city_demo_button, Qt.MouseButton.LeftButton)
    task = dlg.task
    assert task is not None and task.running
    assert kinds == [("city-demo", "64.71")]
    assert dlg.progress.isVisible() and "DP3AKB" in dlg.progress.label.text()
    assert not any(b.isEnabled() for b in (dlg.demo_button, dlg.city_demo_button, dlg.new_button, dlg.city_button))
    qtbot.mouseClick(dlg.progress.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert dlg.chosen_home is None and dlg.isVisible()
    assert dlg.error.text() == "Dibatalkan. Tidak ada yang diubah."
    assert not Store.exists(tmp_path / "contoh-dp3akb")
    assert list(tmp_path.iterdir()) == []  # not even the half-built ".membuat" folder
    assert dlg.city_demo_button.isEnabled() and dlg.demo_button.isEnabled()


def test_an_existing_city_demo_is_opened_again(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    home = tmp_path / "contoh-dp3akb"
    Store.create(home, "city").close()
    dlg = FirstRunDialog(lambda kind, code: home, dialogs)
    qtbot.addWidget(dlg)
    assert dlg.start_city_demo() is None
    assert dlg.chosen_home == home and dlg.result() == 1


def test_setup_file_from_dp3akb_installs_the_kelurahan(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    """'Pasang dari berkas DP3AKB': file and passphrase asked, installed in the background, window opens."""
    from exports import setup

    kel = "64.71.02.1005"
    with Store.create(tmp_path / "kota", "city", operator="Admin") as city:
        enrolled = setup.enroll(city, kel, tmp_path / "margo-mulyo.klasetup", email="dp3akb@example.go.id")
    launcher = _launcher(tmp_path, dialogs)
    assert launcher.start()
    first = launcher.first_run
    qtbot.addWidget(first)
    first.operator.setText("Siti Aminah")
    # A bundle (.kla) picked instead of the setup file: said at once, no passphrase asked for it
    # (before: the passphrase was asked, then "tidak sah ... Minta berkas baru ke DP3AKB").
    import pyrage

    from exports import keys

    bundle = tmp_path / "KLA-64.71.02.1005-20261202-0001-abcdef-1234-bagian-1-dari-1.kla"
    bundle.write_bytes(pyrage.encrypt(b"isi", [pyrage.x25519.Recipient.from_str(keys.generate().age_recipient)]))
    dialogs.file.append(str(bundle))
    qtbot.mouseClick(first.setup_button, Qt.MouseButton.LeftButton)
    assert first.error.isVisible() and not any(a[0] == "ask_text" for a in dialogs.asked)
    assert first.error.text() == (f"{bundle.name} adalah kiriman atau tanda terima KLA Desktop (.kla), bukan berkas "
                                  "pemasangan. Tidak ada yang diubah. Pilih berkas pemasangan (.klasetup) yang "
                                  "diberikan DP3AKB bersama lembar kata sandinya.")
    assert not Store.exists(tmp_path / "data" / "kelurahan")
    # A wrong passphrase first: an Indonesian error in the dialog, nothing installed.
    dialogs.file += [str(enrolled.path), str(enrolled.path)]
    dialogs.texts += ["SALAH-SALAH", enrolled.passphrase]
    qtbot.mouseClick(first.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.error.isVisible(), timeout=20000)
    assert first.error.text().startswith("Kata sandi salah")
    assert not Store.exists(tmp_path / "data" / "kelurahan")
    qtbot.mouseClick(first.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=20000)
    window = launcher.window
    qtbot.addWidget(window)
    assert launcher.session.kelurahan_code == kel
    assert "Margo Mulyo" in window.header.title.text()
    with Store.open(launcher.session.home, check=False, start_backup=False) as store:
        assert store.role == "kelurahan" and store.kelurahan_code == kel
    window.close()


def test_the_choices_never_overlap_their_notes_with_bigger_text(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    """At 125% (QT_SCALE_FACTOR=1.25, 1366x768) each note ran over the button below it: the dialog
    opened at a height that fit the notes on fewer lines than they wrap to. Bigger text, same width."""
    from PySide6.QtWidgets import QLabel, QPushButton

    dlg = FirstRunDialog(lambda kind, code: tmp_path / f"{kind}-{code}", dialogs)
    qtbot.addWidget(dlg)
    font = dlg.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    dlg.setFont(font)
    dlg.show()
    qtbot.waitExposed(dlg)
    page = dlg.pages.widget(dlg.PAGE_CHOOSE)
    widgets = [w for w in page.findChildren(QPushButton) + page.findChildren(QLabel) if w.isVisible()]
    for w in widgets:
        if isinstance(w, QLabel) and w.wordWrap():
            assert w.height() >= w.heightForWidth(w.width()), w.text()  # the whole note shows
    from PySide6.QtCore import QRect

    rects = [(QRect(w.mapTo(dlg, w.rect().topLeft()), w.size()), w) for w in widgets]
    for i, (r, w) in enumerate(rects):
        for r2, w2 in rects[i + 1:]:
            assert not r.intersects(r2), (w.text(), w2.text())  # a note never runs under a button


def test_a_long_refusal_grows_the_dialog_instead_of_squeezing_the_choices(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    """A refused setup file (three lines of red) squeezed the choices: each note ran over the
    button below it at 1366x768. The dialog grows to hold the sentence."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel, QPushButton

    dlg = FirstRunDialog(lambda kind, code: tmp_path / f"{kind}-{code}", dialogs)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    before = dlg.height()
    dlg._show_error("KLA-64.71.01.1001-20261202-0003-744fa8-d806-bagian-1-dari-1.kla adalah kiriman atau tanda "
                    "terima KLA Desktop (.kla), bukan berkas pemasangan. Tidak ada yang diubah. Pilih berkas "
                    "pemasangan (.klasetup) yang diberikan DP3AKB bersama lembar kata sandinya.")
    qtbot.waitUntil(lambda: dlg.height() > before)
    page = dlg.pages.widget(dlg.PAGE_CHOOSE)
    widgets = [w for w in page.findChildren(QPushButton) + page.findChildren(QLabel) if w.isVisible()]
    for w in widgets + [dlg.error]:
        if isinstance(w, QLabel) and w.wordWrap():
            assert w.height() >= w.heightForWidth(w.width()), w.text()
    rects = [(QRect(w.mapTo(dlg, w.rect().topLeft()), w.size()), w) for w in widgets + [dlg.error]]
    for i, (r, w) in enumerate(rects):
        for r2, w2 in rects[i + 1:]:
            assert not r.intersects(r2), (w.text(), w2.text())
