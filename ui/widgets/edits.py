"""Text editors shared by the feature pages (indicator form, evidence panel, activities, facilities).

They live here, not in ``ui.entry``, so that a feature package never imports another one to get
a line edit (``ui.evidence`` importing ``ui.entry`` made a circle with ``ui.entry`` -> ``ui.evidence``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


class CommitLineEdit(QLineEdit):
    """A line edit that lets Ctrl+Z reach the window's undo once its text is saved.

    While the clerk is typing (text modified since the last save) Ctrl+Z undoes the
    typing, as everywhere; once saved, Ctrl+Z undoes the last saved edit instead.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and not self.isModified():
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):  # type: ignore[attr-defined]
                event.ignore()
                return False
        return super().event(event)


class NotesEdit(QPlainTextEdit):
    """Notes: saved a moment after typing stops, and when leaving the box."""

    focus_left = Signal()
    """Keyboard focus left the box."""

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusOutEvent(event)
        self.focus_left.emit()
