"""A main window's first size and a restored one, kept on the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMainWindow


def place_on_screen(window: QMainWindow, geometry: QByteArray | None) -> None:
    """Restore ``geometry`` (saved at the last close) or give the window its first size, never wider
    or taller than the screen: at 1366x768 and 125% (QT_SCALE_FACTOR=1.25) the screen is 1093 px
    wide, and a window of 1280 logical px ran off its right edge with the period and the officer's
    name out of sight. An office screen (1000-1440 px) starts maximized, as the kelurahan window does."""
    room = window.screen().availableGeometry() if window.screen() is not None else None
    if geometry is not None:
        window.restoreGeometry(geometry)
        if room is not None and room.width() >= 1000 and (window.width() > room.width()
                                                          or window.height() > room.height()):
            window.setWindowState(Qt.WindowState.WindowMaximized)  # saved at another scaling
        return
    if room is None:
        window.resize(1280, 720)
        return
    window.resize(min(1280, room.width()), min(720, room.height()))
    if 1000 <= room.width() <= 1440:
        window.setWindowState(Qt.WindowState.WindowMaximized)
