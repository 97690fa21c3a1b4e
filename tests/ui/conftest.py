"""Fixtures for the GUI tests: real stores under tmp_path, scripted dialogs, window factories.

(tests/conftest.py selects the offscreen platform before any QApplication exists.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from db.demo import create_demo
from db.store import Store
from desktop.app import Launcher
from ui.app_settings import AppSettings
from ui.widgets import qt_fixes
from ui.widgets.dialogs import Dialogs

qt_fixes.install()  # PySide6 6.12 on CPython 3.11 takes a reference from None per call: the suite would abort

DEMO_KEL = "64.71.02.1005"


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(qapp):  # noqa: ANN001, ANN202
    """As the app does (desktop.app): no cycle is ever collected on a worker thread.

    Without it the suite died with a segmentation fault when a QThreadPool thread happened to
    trigger a collection of an earlier test's window (tests/ui/test_city_reports.py, CI exit 139).
    """
    collector = qt_fixes.collect_on_main_thread(qapp)
    yield
    collector.collect()


@pytest.fixture(autouse=True)
def _clipboard_emptied(qapp):  # noqa: ANN001, ANN202
    """Each test starts with an empty clipboard and leaves none of its data on it.

    A QMimeData a test made in Python and handed to the clipboard is kept, on the offscreen
    platform, by a global static of QtGui that is destroyed after the interpreter is gone: its
    Python wrapper was then torn down without a thread state and the process died with a
    segmentation fault after every test had passed (rc 139, gdb: Shiboken::Object::destroy from
    libQt6Gui's exit handlers). Emptying it here frees the data while Python is alive.
    """
    qapp.clipboard().clear()
    yield
    qapp.clipboard().clear()


class ScriptedDialogs(Dialogs):
    """Dialogs that answer from queues instead of blocking on a modal window.

    ``files``: lists returned by open_files; ``confirms``: booleans for confirm (default
    True); ``texts``: answers for ask_text (default None = cancelled). Every question is
    recorded in ``asked`` so a test can check what the clerk was told.
    """

    def __init__(self) -> None:
        self.files: list[list[str]] = []
        self.file: list[str] = []
        self.confirms: list[bool] = []
        self.choices: list[int] = []  # answers for choose (default: its default button; -1 = Escape)
        self.chose: list[list[str]] = []  # the buttons each choose offered
        self.texts: list[str | None] = []
        self.refused: list[str] = []  # what an ask_text dialog said when its check refused an answer
        self.asked: list[tuple[str, str, str]] = []
        self.file_kinds: list[str] = []  # the kind of file each file question asked for ('evidence', ...)

    def open_files(self, parent, title, name_filter="", kind="", start=""):  # noqa: ANN001, ANN201
        self.asked.append(("open_files", title, ""))
        self.file_kinds.append(kind)
        return self.files.pop(0) if self.files else []

    def open_file(self, parent, title, name_filter="", kind="", start=""):  # noqa: ANN001, ANN201
        self.asked.append(("open_file", title, ""))
        self.file_kinds.append(kind)
        return self.file.pop(0) if self.file else ""

    def confirm(self, parent, title, text, yes="", no=""):  # noqa: ANN001, ANN201
        self.asked.append(("confirm", title, text))
        return self.confirms.pop(0) if self.confirms else True

    def choose(self, parent, title, text, buttons, default=0):  # noqa: ANN001, ANN201
        self.asked.append(("choose", title, text))
        self.chose.append(list(buttons))
        return self.choices.pop(0) if self.choices else default

    def info(self, parent, title, text):  # noqa: ANN001, ANN201
        self.asked.append(("info", title, text))

    def error(self, parent, title, text):  # noqa: ANN001, ANN201
        self.asked.append(("error", title, text))

    def ask_text(self, parent, title, label, text="", password=False, check=None, ok=""):  # noqa: ANN001, ANN201
        """Each answer in ``texts`` is typed and "Simpan" pressed; a refusal by ``check`` (recorded in
        ``refused``) keeps the dialog open for the next answer, and None (or no answer left) is "Batal"."""
        self.asked.append(("ask_text", title, label))
        while self.texts:
            answer = self.texts.pop(0)
            if answer is None or check is None:
                return answer
            said = check(answer)
            if not said:
                return answer
            self.refused.append(said)
        return None


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo-template") / "ws"
    create_demo(home, seed=1, kelurahan_code=DEMO_KEL)
    return home


@pytest.fixture
def demo_home(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the Margo Mulyo demo workspace (made once per test run)."""
    home = tmp_path / "demo"
    shutil.copytree(_demo_template, home)
    return home


@pytest.fixture
def empty_home(tmp_path: Path) -> Path:
    home = tmp_path / "kosong"
    Store.create(home, "kelurahan", kelurahan_code=DEMO_KEL, operator="Siti").close()
    return home


@pytest.fixture
def make_window(qtbot, dialogs: ScriptedDialogs, tmp_path: Path):  # noqa: ANN001, ANN201
    """Open a workspace the way ``kla-desktop --home DIR`` does; returns the Launcher."""
    launchers: list[Launcher] = []

    def make(home: Path, settings_dir: Path | None = None, the_dialogs: Dialogs | None = None) -> Launcher:
        settings = AppSettings((settings_dir or tmp_path / "settings") / "kla-desktop.ini")
        launcher = Launcher(data_dir=home, workspace=home, settings=settings, dialogs=the_dialogs or dialogs)
        assert launcher.start()
        if launcher.window is not None:
            qtbot.addWidget(launcher.window)
            launcher.window.resize(1366, 768)
        launchers.append(launcher)
        return launcher

    yield make
    for launcher in launchers:
        if launcher.window is not None and launcher.window.isVisible():
            launcher.window.close()
        elif launcher.lock is not None:
            launcher.lock.unlock()


@pytest.fixture
def make_photo():  # noqa: ANN201
    return _make_photo


def _make_photo(path: Path, width: int = 4000, height: int = 3000) -> Path:
    """A phone-sized JPEG with detail (gradients and stripes) so compression has work to do."""
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    from PySide6.QtGui import QPainter, QPen

    p = QPainter(img)
    for x in range(0, width, 7):
        p.setPen(QPen(QColor((x * 7) % 256, (x * 3) % 256, (x * 11) % 256), 3))
        p.drawLine(x, 0, width - x, height)
    p.end()
    img.save(str(path), "JPG", 95)
    return path


@pytest.fixture
def styled(qapp):  # noqa: ANN001, ANN201
    """The application's own style and palette (ui.widgets.style), put back after the test."""
    from PySide6.QtWidgets import QStyleFactory

    from ui.widgets.style import apply_style

    name, palette = qapp.style().name(), qapp.palette()
    apply_style(qapp)
    yield qapp
    qapp.setStyle(QStyleFactory.create(name))
    qapp.setPalette(palette)
