"""Per-computer settings of the program (QSettings in an INI file we choose).

Only window state and per-computer choices live here (language, the last workspace);
settings that travel with the data (photo size) are in the workspace database. The file
path is always given by the caller, so tests point it at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("id", "en")


class AppSettings:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.q = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.keep_window = True
        """False for ``kla-desktop --selftest``: its window (often offscreen, at another size) is not
        the one the clerk left, so closing it does not replace the size and place kept for them."""

    def _get(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return "" if value is None else str(value)

    @property
    def language(self) -> str:
        lang = self._get("ui/language", "id")
        return lang if lang in LANGUAGES else "id"

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value if value in LANGUAGES else "id")
        self.q.sync()

    @property
    def last_workspace(self) -> str:
        return self._get("workspace/last", "")

    @last_workspace.setter
    def last_workspace(self, value: str) -> None:
        self.q.setValue("workspace/last", value)
        self.q.sync()

    def last_folder(self, kind: str) -> str:
        """The folder a file of ``kind`` was last taken from or put in ('' when none yet)."""
        return self._get(f"folders/{kind}", "") if kind else ""

    def set_last_folder(self, kind: str, folder: str) -> None:
        if kind and folder:
            self.q.setValue(f"folders/{kind}", folder)
            self.q.sync()

    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        if not self.keep_window:
            return
        self.q.setValue("window/geometry", value)
        self.q.sync()

    def sync(self) -> None:
        self.q.sync()
