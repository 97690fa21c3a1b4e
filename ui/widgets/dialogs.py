"""Modal questions in one replaceable object.

Widgets never call ``QFileDialog``/``QMessageBox`` directly: they ask ``Dialogs``. Tests
pass a subclass with scripted answers, so no test ever blocks on a modal window.
Button texts are set here because Qt ships no Indonesian translation of its own buttons.

File dialogs open where that kind of file was last taken from or put (``kind``: 'spreadsheet',
'evidence', 'export', 'pdf', ...), remembered per computer in the program's settings
(:meth:`ui.app_settings.AppSettings.last_folder`) once a window gives them
(:meth:`Dialogs.remember_in`); otherwise in the place the caller offers (``start``, e.g. a
flashdisk that is plugged in), else the user's Documents folder, else the home folder — never
the folder the program happened to be started from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from ui.widgets.style import scope_window

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.app_settings import AppSettings

# QFileDialog, QMessageBox, QInputDialog and QStandardPaths are imported where a dialog is shown:
# every window makes a Dialogs at start, and their Python classes with their enums (~70 members)
# cost PySide6 ~7 M instructions to make.


def documents_folder() -> Path:
    """The user's Documents folder when it exists, else the home folder."""
    from PySide6.QtCore import QStandardPaths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


def ask_files(parent: QWidget | None, title: str, start: str, name_filter: str, mode: str) -> list[str]:
    """Qt's file dialog, styled like the rest of the program and with its places readable; the paths chosen
    ([] when cancelled). ``mode``: 'open' (one existing file), 'open_many', 'save' (``start`` may end in the
    suggested file name) or 'folder'.

    Not QFileDialog's static functions: the dialog they make is out of reach, so one opened with no parent
    (or from a button) never got its share of the style sheet and showed Qt's plain buttons, and its places
    column was 70 px wide: "Komputer" read "K..." (seen at 1366x768)."""
    from PySide6.QtWidgets import QFileDialog, QListView

    dlg = QFileDialog(parent, title, start, name_filter)
    if mode == "folder":
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif mode == "open_many":
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif mode == "open":
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    # Qt's own dialog (not the system's, where there is one): its parts are there to be fitted.
    places = dlg.findChild(QListView, "sidebar")
    if places is not None:
        def fit_places() -> None:  # once shown: the folder it opens in is among the places then
            places.setMinimumWidth(places.sizeHintForColumn(0) + 2 * places.frameWidth() + 4)

        fit_places()
        QTimer.singleShot(0, dlg, fit_places)
    scope_window(dlg)  # its share of the style sheet, with or without a parent
    if not dlg.exec():
        return []
    return list(dlg.selectedFiles())


class Dialogs:
    """The real dialogs."""

    settings: AppSettings | None = None

    def remember_in(self, settings: AppSettings) -> None:
        """Keep the last folder of each kind of file in ``settings`` (the window's per-computer settings)."""
        self.settings = settings

    def start_folder(self, kind: str = "", start: str = "") -> str:
        """Where a file dialog of ``kind`` opens: the folder last used for it (while it exists), else
        ``start`` (while it exists), else Documents or home."""
        remembered = self.settings.last_folder(kind) if self.settings is not None and kind else ""
        for candidate in (remembered, start):
            if candidate and Path(candidate).is_dir():
                return candidate
        return str(documents_folder())

    def remember(self, kind: str, path: str, is_folder: bool = False) -> None:
        """``path`` was chosen for ``kind``: its folder is where the next dialog of that kind opens."""
        if not kind or not path or self.settings is None:
            return
        self.settings.set_last_folder(kind, str(Path(path) if is_folder else Path(path).parent))

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "", kind: str = "",
                   start: str = "") -> list[str]:
        files = ask_files(parent, title, self.start_folder(kind, start), name_filter, "open_many")
        if files:
            self.remember(kind, files[0])
        return list(files)

    def open_file(self, parent: QWidget | None, title: str, name_filter: str = "", kind: str = "",
                  start: str = "") -> str:
        path = next(iter(ask_files(parent, title, self.start_folder(kind, start), name_filter, "open")), "")
        self.remember(kind, path)
        return path

    def save_file(self, parent: QWidget | None, title: str, suggested: str = "", name_filter: str = "",
                  kind: str = "") -> str:
        """A file name to write to, chosen by the clerk, or '' when cancelled. ``suggested`` is a file name
        (put in the folder last used for ``kind``, else Documents) or a whole path (its folder then
        stands in when no folder of that kind is remembered)."""
        given = Path(suggested) if suggested else None
        name = given.name if given is not None else ""
        start = str(given.parent) if given is not None and given.parent != Path(".") else ""
        folder = self.start_folder(kind, start)
        path = next(iter(ask_files(parent, title, str(Path(folder) / name) if name else folder, name_filter,
                                   "save")), "")
        self.remember(kind, path)
        return path

    def choose_folder(self, parent: QWidget | None, title: str, start: str = "", kind: str = "") -> str:
        """A folder chosen by the clerk, or '' when cancelled. ``start``: where to open when no folder of
        ``kind`` is remembered (e.g. the flashdisk that is plugged in)."""
        folder = next(iter(ask_files(parent, title, self.start_folder(kind, start), "", "folder")), "")
        self.remember(kind, folder, is_folder=True)
        return folder

    def confirm(self, parent: QWidget | None, title: str, text: str, yes: str = "", no: str = "") -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes_button = box.addButton(yes or QCoreApplication.translate("Dialogs", "Ya"), QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no or QCoreApplication.translate("Dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        scope_window(box)  # its share of the style sheet, with or without a parent
        box.exec()
        return box.clickedButton() is yes_button

    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str], default: int = 0) -> int:
        """One of ``buttons`` (its index; ``default`` is what Enter picks); -1 for Escape or the close
        button, which choose nothing (the caller goes back to where the person was)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        made = [box.addButton(b, QMessageBox.ButtonRole.ActionRole) for b in buttons]
        back = box.addButton(QCoreApplication.translate("Dialogs", "Kembali"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(made[default])
        box.setEscapeButton(back)
        scope_window(box)
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else -1

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.addButton(QCoreApplication.translate("Dialogs", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
        scope_window(box)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        box.addButton(QCoreApplication.translate("Dialogs", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
        scope_window(box)
        box.exec()

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "",
                 password: bool = False, check: Callable[[str], str] | None = None, ok: str = "") -> str | None:
        """What the person typed, or None when cancelled. ``check`` (optional) is called with the text on
        "Simpan": '' when it was taken (stored), else the refusal, which the dialog shows under the text and
        stays open with it kept (it closed and what was typed was lost). ``ok``: the button's words when
        they are not "Simpan" ("Cabut kunci")."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dlg = _checked_input_dialog()(parent) if check is not None else QInputDialog(parent)
        if check is not None:
            dlg.check = check  # type: ignore[attr-defined]
        if password:
            dlg.setTextEchoMode(QLineEdit.EchoMode.Password)
        dlg.setWindowTitle(title)
        dlg.setLabelText(label)
        dlg.setTextValue(text)
        # A passphrase is typed to go on (install, open), not "saved".
        dlg.setOkButtonText(ok or (QCoreApplication.translate("Dialogs", "Lanjut") if password
                                   else QCoreApplication.translate("Dialogs", "Simpan")))
        dlg.setMinimumWidth(420)  # a reason or a name has room: the dialog was a sliver
        dlg.setCancelButtonText(QCoreApplication.translate("Dialogs", "Batal"))
        scope_window(dlg)
        if dlg.exec():
            return dlg.textValue()
        return None


_CHECKED_INPUT_DIALOG: type | None = None


def _checked_input_dialog() -> type:
    """A QInputDialog whose "Simpan" asks ``check`` first and stays open on a refusal, showing it (made
    when first needed: QtWidgets is not loaded with this module)."""
    global _CHECKED_INPUT_DIALOG  # noqa: PLW0603 - one class, made once
    if _CHECKED_INPUT_DIALOG is not None:
        return _CHECKED_INPUT_DIALOG
    from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

    from ui.widgets.labels import WrapLabel

    class CheckedInputDialog(QInputDialog):
        check: Callable[[str], str]
        refusal: WrapLabel | None = None

        def done(self, result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                said = self.check(self.textValue())
                if said:
                    self.show_refusal(said)
                    return
            super().done(result)

        def show_refusal(self, text: str) -> None:
            if self.refusal is None:
                self.refusal = WrapLabel()
                self.refusal.setObjectName("errorText")
                layout = self.layout()
                layout.insertWidget(max(0, layout.count() - 1), self.refusal)  # above the buttons
                scope_window(self)
            self.refusal.setText(text)
            self.refusal.show()
            self.adjustSize()  # the reason whole, on as many lines as it takes
            edit = self.findChild(QLineEdit)
            if edit is not None:
                edit.setFocus()

    _CHECKED_INPUT_DIALOG = CheckedInputDialog
    return CheckedInputDialog
