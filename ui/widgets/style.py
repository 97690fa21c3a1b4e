"""One calm visual style for the whole program (Fusion + a small style sheet)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ACCENT = "#2a6fb0"
TEXT = "#1f2a33"
SUBTLE = "#5b6670"

DISABLED = "#8c969f"
FOCUS = ACCENT

# No "QWidget {{ color }}" rule: it coloured disabled widgets like enabled ones, so a disabled
# "Buat kiriman" looked clickable. Text colours come from the palette (apply_style), disabled
# ones included; keyboard focus gets a 2 px ring in the accent colour on every control.
STYLE_SHEET = f"""
#header {{ background: #ffffff; border-bottom: 1px solid #d5dde5; }}
#headerTitle {{ font-size: 15pt; font-weight: 600; }}
#sidebar {{ background: #eef2f6; border: none; border-right: 1px solid #d5dde5; outline: 0; }}
#sidebar::item {{ padding: 8px 10px; border-radius: 6px; margin: 2px 6px; }}
#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
#sidebar::item:hover:!selected {{ background: #dfe7ef; }}
#pageTitle {{ font-size: 14pt; font-weight: 600; }}
#sectionTitle {{ font-size: 11pt; font-weight: 600; margin-top: 4px; }}
#fieldLabel {{ font-weight: 600; }}
#subtle, #helpText {{ color: {SUBTLE}; }}
#guidance {{ background: #f3f7fb; border-left: 3px solid {ACCENT}; padding: 8px; }}
#summary {{ padding: 6px 8px; border-radius: 4px; background: #f5f7f9; }}
#reviewNote {{ padding: 6px 8px; border-radius: 4px; font-weight: bold; background: #e8f0fa; }}
#reviewNote[state="perlu_perbaikan"] {{ background: #fdecea; color: #8a1c12; border-left: 3px solid #c62828; }}
#reviewNote[state="diterima"] {{ background: #e6f4ea; color: #1e5e2e; }}
#summary[state="ready"] {{ background: #e6f4ea; }}
#summary[state="complete"] {{ background: #e8f0fa; }}
#summary[state="partial"] {{ background: #fff4e0; }}
#errorText {{ color: #a61b1b; }}
#flagText {{ color: #7a4b00; background: #fff6d8; border-left: 3px solid #e0a800; padding: 4px 8px; }}
QLineEdit[invalid="true"] {{ border: 1px solid #c0392b; background: #fde8e8; }}
#card {{ background: #ffffff; border: 1px solid #d5dde5; border-radius: 6px; }}
#evidencePanel {{ background: #fafbfc; border-left: 1px solid #d5dde5; }}
#evidencePanel[dropping="true"] {{ background: #e8f0fa; border: 2px dashed {ACCENT}; }}
#preview {{ background: #ffffff; border: 1px solid #d5dde5; }}
#computedValue {{ font-weight: 600; color: {ACCENT}; }}
#bigProgress {{ min-height: 22px; }}
#optionButton {{ text-align: left; padding: 12px; font-size: 11pt; }}
QPushButton {{ padding: 4px 10px; background: #ffffff; border: 1px solid #aebbc7; border-radius: 4px; }}
QPushButton:hover {{ background: #eef4fa; }}
QPushButton:pressed {{ background: #dde8f3; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 3px 9px; }}
QPushButton:disabled {{ color: {DISABLED}; background: #eef1f4; border: 1px dashed #c3ccd4; }}
QToolButton:focus {{ border: 2px solid {FOCUS}; border-radius: 3px; }}
QToolButton:disabled {{ color: {DISABLED}; }}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus {{ border: 2px solid {FOCUS}; border-radius: 3px; }}
QLineEdit:disabled, QPlainTextEdit:disabled {{ color: {DISABLED}; background: #eef1f4; }}
QLineEdit#gridEditor {{ border: 2px solid {FOCUS}; border-radius: 0; padding: 0 3px; background: #ffffff; }}
QComboBox:focus {{ border: 2px solid {FOCUS}; border-radius: 3px; }}
QCheckBox:focus, QRadioButton:focus {{ background: #dbe7f3; border-radius: 3px; }}
QCheckBox:disabled, QRadioButton:disabled, QLabel:disabled {{ color: {DISABLED}; }}
QTableView:focus, QListView:focus, QTreeView:focus {{ border: 2px solid {FOCUS}; }}
#sidebar:focus {{ border: none; border-right: 3px solid {FOCUS}; }}
#lastYear {{ color: #6b7680; }}
QLineEdit[flagged="true"] {{ border: 1px solid #d99a00; background: #fff6d8; }}
#cellNote {{ padding: 4px 8px; border-radius: 3px; }}
#cellBubble {{ padding: 5px 8px; border-radius: 4px; border: 1px solid #c9a227; background: #fff3c4; color: #4d3500; }}
#cellBubble[kind="error"] {{ border: 1px solid #c0392b; background: #fdecea; color: #7a1a10; }}
#cellBubble[kind="report"] {{ border: 1px solid {ACCENT}; background: #eef4fa; color: {TEXT}; }}
#cellNote[kind="error"] {{ color: #8a1c12; background: #fdecea; border-left: 3px solid #c0392b; }}
#cellNote[kind="flag"] {{ color: #6b4300; background: #fff6d8; border-left: 3px solid #d99a00; }}
#cellNote[kind="report"] {{ color: {TEXT}; background: #eef4fa; border-left: 3px solid {ACCENT}; }}
#reqRow {{ border: 1px solid transparent; border-radius: 4px; }}
#reqMark[state="ok"] {{ color: #1b7f3b; }}
#reqMark[state="old"] {{ color: #b26a00; }}
#reqMark[state="missing"] {{ color: #b42318; }}
#reqMark[state="optional"] {{ color: {SUBTLE}; }}
#reqRow[dropping="true"] {{ border: 2px dashed {ACCENT}; background: #e8f0fa; }}
#evidenceToggle {{ text-align: left; padding: 6px 8px; background: #eef2f6; border: none;
                   border-left: 1px solid #d5dde5; border-bottom: 1px solid #d5dde5; }}
#evidenceToggle:focus {{ border: 2px solid {FOCUS}; }}
#evidenceStrip {{ background: #fafbfc; border-left: 1px solid #d5dde5; color: {SUBTLE}; padding-top: 8px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    pal = app.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#f7f9fb"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f6f9"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    app.setPalette(pal)
    app.setStyleSheet(STYLE_SHEET)


# A flat scroll bar: Fusion's own (gradients, drawn into pixmaps) cost 3-4 ms per repaint of a tall
# one, and the indicator page's bar repaints on every switch (its range follows the form's height).
FLAT_SCROLLBAR = """
QScrollBar:vertical { background: #eef1f4; width: 12px; margin: 0; }
QScrollBar:horizontal { background: #eef1f4; height: 12px; margin: 0; }
QScrollBar::handle:vertical { background: #b8c3cd; min-height: 24px; border-radius: 4px; margin: 2px; }
QScrollBar::handle:horizontal { background: #b8c3cd; min-width: 24px; border-radius: 4px; margin: 2px; }
QScrollBar::handle:hover { background: #97a6b4; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
"""


def restyle(widget, name: str, value) -> bool:  # noqa: ANN001 - a QWidget and a property value
    """Set a property the style sheet selects on (``#summary[state="ready"]``) and repolish, only when it
    changed: a repolish re-matches every rule of the sheet, and the indicator page did it for a dozen
    widgets on each switch. True when it changed."""
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    return True
