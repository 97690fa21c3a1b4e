"""One form field per non-disaggregated item: label, help, editor, history button, inline error.

A field never writes: it emits ``commit_requested(item_key, raw)`` when the clerk leaves
it (Tab, Enter, a click elsewhere, choosing from a list) and the page stores the value
through the session, then calls :meth:`ItemField.show_error` or :meth:`ItemField.set_value`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.template import Item
from ui.widgets import icons
from ui.widgets.edits import CommitLineEdit
from ui.widgets.formatting import fmt_percent, fmt_value
from ui.widgets.labels import WrapLabel
from ui.widgets.style import fixed_children, restyle


@fixed_children
class ItemField(QWidget):
    """See the module docstring."""

    commit_requested = Signal(str, object)
    """The clerk finished editing: (item_key, raw text or value; '' or None clears)."""
    history_requested = Signal(str)
    """The clerk asked for this item's history: item_key."""

    def __init__(self, item: Item, read_only: bool = False, parent: QWidget | None = None,
                 marked: bool = False) -> None:
        """``marked``: the item's wording is a draft of the template's (its indicator's title is
        confirmed, so the item is marked on its own: "(usulan)")."""
        super().__init__(parent)
        self.item = item
        self._value: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        label = item.label + (" *" if item.required else "")
        if marked:
            label += " " + self.tr("(usulan)")
        self.label = WrapLabel(label)
        if marked:
            self.label.setToolTip(self.tr("Isian usulan templat: rumusannya belum dikonfirmasi sumber nasional "
                                          "dan bisa diubah DP3AKB di versi templat berikutnya."))
        self.label.setObjectName("fieldLabel")
        layout.addWidget(self.label)
        if item.help:
            help_label = WrapLabel(item.help)
            help_label.setObjectName("helpText")
            layout.addWidget(help_label)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.editor = self._make_editor()
        self.editor.setEnabled(not read_only or item.computed)
        self.label.setBuddy(self.editor)
        # Narrow editors (numbers, dates) sit at the left under their label, not in the middle.
        row.addWidget(self.editor, 1, Qt.AlignmentFlag.AlignLeft if self.editor.maximumWidth() < 10000 else
                      Qt.AlignmentFlag(0))
        # Parented to the field (freed with it) even where it is not shown: a computed item has no history.
        self.history_button = QToolButton(self)
        self.history_button.setIcon(icons.icon("history"))
        self.history_button.setToolTip(self.tr("Riwayat perubahan isian ini"))
        self.history_button.setAutoRaise(True)
        self.history_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_button.clicked.connect(lambda: self.history_requested.emit(self.item.key))
        if not item.computed:
            row.addWidget(self.history_button)
        else:
            self.history_button.hide()
        layout.addLayout(row)
        # Last data year's answer, small and grey beside this year's (hidden when there is none).
        # Plain text, not selectable: a selectable label lays its text out as a document, several
        # times per layout pass (bench/bench_entry.py); the value is in the history dialog to copy.
        self.last_year_label = WrapLabel()
        self.last_year_label.setObjectName("lastYear")
        self.last_year_label.hide()
        layout.addWidget(self.last_year_label)
        self.error_label = WrapLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        # A stored value a rule between values questions (amber, the sentence under the field).
        self.flag_label = WrapLabel()
        self.flag_label.setObjectName("flagText")
        self.flag_label.hide()
        layout.addWidget(self.flag_label)

    # ------------------------------------------------------------------ editors

    def _make_editor(self) -> QWidget:
        it = self.item
        if it.computed:
            lab = QLabel("–")
            lab.setObjectName("computedValue")
            lab.setToolTip(self.tr("Dihitung otomatis"))
            return lab
        if it.type in ("yes_no", "choice"):
            combo = QComboBox()
            combo.addItem(self.tr("— belum diisi —"), None)
            if it.type == "yes_no":
                combo.addItem(self.tr("Ya"), True)
                combo.addItem(self.tr("Tidak"), False)
            else:
                for c in it.choices:
                    combo.addItem(c.label, c.key)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            # activated, not currentIndexChanged: only the clerk's choice saves, not our refresh.
            combo.activated.connect(self._on_combo_activated)
            return combo
        edit = CommitLineEdit()
        if it.type in ("count", "amount"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setPlaceholderText(self.tr("angka, misalnya 1.250"))
            edit.setFixedWidth(200)
        elif it.type == "date":
            edit.setPlaceholderText(self.tr("misalnya 17-08-2025 atau 17 Agustus 2025"))
            edit.setFixedWidth(310)
        edit.editingFinished.connect(self._on_edit_finished)
        return edit

    def _on_combo_activated(self, index: int) -> None:
        combo: QComboBox = self.editor  # type: ignore[assignment]
        self.commit_requested.emit(self.item.key, combo.itemData(index))

    def _on_edit_finished(self) -> None:
        edit: CommitLineEdit = self.editor  # type: ignore[assignment]
        if edit.isModified():
            self.commit_requested.emit(self.item.key, edit.text())

    def flush(self) -> None:
        """Send typed-but-unsaved text (used before closing)."""
        if isinstance(self.editor, CommitLineEdit) and self.editor.isModified():
            self.commit_requested.emit(self.item.key, self.editor.text())

    # ------------------------------------------------------------------ state

    def set_value(self, value: Any) -> None:
        """Show the stored value (not over text the clerk is still typing)."""
        self._value = value
        ed = self.editor
        if isinstance(ed, QComboBox):
            i = ed.findData(value) if value is not None else 0
            ed.setCurrentIndex(max(0, i))
        elif isinstance(ed, CommitLineEdit):
            if ed.isModified() and self.error_label.isHidden():
                return
            if not self.error_label.isHidden() and ed.isModified():
                return
            ed.setText(fmt_value(value, self.item.type, self.item.choices))
            ed.setModified(False)
        elif isinstance(ed, QLabel):
            ed.setText(fmt_percent(value) if self.item.computed else fmt_value(value, self.item.type))

    def saved(self, value: Any) -> None:
        """The store accepted the value: show it as stored and clear any error."""
        self.clear_error()
        if isinstance(self.editor, CommitLineEdit):
            self.editor.setModified(False)
        self.set_value(value)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        restyle(self.editor, "invalid", True)

    def clear_error(self) -> None:
        if self.error_label.isHidden():
            return
        self.error_label.hide()
        restyle(self.editor, "invalid", False)

    def set_last_year(self, year: int | None, value: Any) -> None:
        """Show last data year's value under the field ('Tahun 2025: Ya'); hidden when there is none."""
        text = fmt_percent(value) if self.item.computed and value is not None else fmt_value(
            value, self.item.type, self.item.choices)
        if year is None or not text:
            self.last_year_label.hide()
            return
        self.last_year_label.setText(self.tr("Tahun %1: %2").replace("%1", str(year)).replace("%2", text))
        self.last_year_label.show()

    def set_flags(self, texts: list[str]) -> None:
        self.flag_label.setText("\n".join(texts))
        self.flag_label.setVisible(bool(texts))
        if not isinstance(self.editor, QLabel):
            restyle(self.editor, "flagged", bool(texts))

    @property
    def has_error(self) -> bool:
        return not self.error_label.isHidden()

    def pending_text(self) -> str | None:
        if isinstance(self.editor, CommitLineEdit) and self.editor.isModified():
            return self.editor.text()
        return None
