"""Icons that ship with the program (small SVGs in ``ui/icons``; no network, no theme lookup)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"


@cache
def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


@cache
def mark(name: str) -> QIcon:
    """A state mark in a list (``state_*``), drawn the same on a selected row: Qt tints a selected
    icon with the selection colour, and a blue check on the blue selection could not be seen.
    (Navigation icons keep the tint: it is what makes them light on the selected entry.)"""
    path = ICON_DIR / f"{name}.svg"
    if not path.exists():
        return QIcon()
    ico = QIcon(str(path))
    ico.addFile(str(path), mode=QIcon.Mode.Selected)
    return ico
