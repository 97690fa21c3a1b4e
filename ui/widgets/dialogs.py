"""Modal questions in one replaceable object.

Widgets never call ``QFileDialog``/``QMessageBox`` directly: they ask ``Dialogs``. Tests
pass a subclass with scripted answers, so no test ever blocks on a modal window.
Button texts are set here because Qt ships no Indonesian translation of its own buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Dialogs:
    """The real dialogs."""

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "") -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return list(files)

    def open_file(self, parent: QWidget | None, title: str, name_filter: str = "") -> str:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
        return path

    def save_file(self, parent: QWidget | None, title: str, suggested: str = "", name_filter: str = "") -> str:
        """A file name to write to, chosen by the clerk (``suggested`` prefilled), or '' when cancelled."""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path

    def choose_folder(self, parent: QWidget | None, title: str, start: str = "") -> str:
        """A folder chosen by the clerk, or '' when cancelled."""
        return QFileDialog.getExistingDirectory(parent, title, start)

    def confirm(self, parent: QWidget | None, title: str, text: str, yes: str = "", no: str = "") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes_button = box.addButton(yes or QCoreApplication.translate("Dialogs", "Ya"), QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no or QCoreApplication.translate("Dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.addButton(QCoreApplication.translate("Dialogs", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        box.addButton(QCoreApplication.translate("Dialogs", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "",
                 password: bool = False) -> str | None:
        dlg = QInputDialog(parent)
        if password:
            dlg.setTextEchoMode(QLineEdit.EchoMode.Password)
        dlg.setWindowTitle(title)
        dlg.setLabelText(label)
        dlg.setTextValue(text)
        dlg.setOkButtonText(QCoreApplication.translate("Dialogs", "Simpan"))
        dlg.setCancelButtonText(QCoreApplication.translate("Dialogs", "Batal"))
        if dlg.exec():
            return dlg.textValue()
        return None
