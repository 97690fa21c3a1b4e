"""A page that says plainly that its feature is coming (no empty screens, no dead buttons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets import icons
from ui.widgets.labels import WrapLabel


class PlaceholderPage(QWidget):
    def __init__(self, title: str, text: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch(1)
        pic = QLabel()
        pic.setPixmap(icons.icon(icon_name).pixmap(64, 64))
        pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(pic)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        body = WrapLabel(text)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setObjectName("subtle")
        body.setMaximumWidth(560)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.text = text
