"""Text editors shared by the feature pages (indicator form, evidence panel, activities, facilities).

They live here, not in ``ui.entry``, so that a feature package never imports another one to get
a line edit (``ui.evidence`` importing ``ui.entry`` made a circle with ``ui.entry`` -> ``ui.evidence``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit, QWidget


class _UndoToWindow(QObject):
    """Watches the line edit that has the keyboard: Ctrl+Z/Ctrl+Y pass to the window once its text is saved."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride \
                and isinstance(obj, QLineEdit) and not obj.isModified() \
                and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()  # not the line edit's: the window's shortcut takes it
            return True
        return False


_UNDO_TO_WINDOW = _UndoToWindow()


class CommitLineEdit(QLineEdit):
    """A line edit that lets Ctrl+Z reach the window's undo once its text is saved.

    While the clerk is typing (text modified since the last save) Ctrl+Z undoes the
    typing, as everywhere; once saved, Ctrl+Z undoes the last saved edit instead.

    Watched only while it has the keyboard (shortcut keys go to the focused widget): an ``event()``
    of its own passed every event of every field through Python (~10 per indicator switch).
    """

    def focusInEvent(self, event) -> None:  # noqa: N802, ANN001
        self.installEventFilter(_UNDO_TO_WINDOW)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        self.removeEventFilter(_UNDO_TO_WINDOW)
        super().focusOutEvent(event)


class NotesEdit(QPlainTextEdit):
    """Notes: saved a moment after typing stops, and when leaving the box."""

    focus_left = Signal()
    """Keyboard focus left the box."""

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusOutEvent(event)
        self.focus_left.emit()


class DateEdit(QDateEdit):
    """A date field (with its calendar) that takes a typed date: a click selects the part clicked (day,
    month or year), so "20" or "20022027" typed replaces it and moves on. Qt's own field inserted the
    digits beside the ones there ("231"), refused that, and the date never changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineEdit().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.lineEdit() and event.type() == QEvent.Type.MouseButtonRelease:
            QTimer.singleShot(0, self._select_clicked_part)
        return super().eventFilter(obj, event)

    def _select_clicked_part(self) -> None:
        if self.hasFocus() and not self.lineEdit().hasSelectedText():
            self.setSelectedSection(self.currentSection())
