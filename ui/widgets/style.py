"""One calm visual style for the whole program (Fusion + a small style sheet)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ACCENT = "#2a6fb0"
TEXT = "#1f2a33"
SUBTLE = "#5b6670"

STYLE_SHEET = f"""
QWidget {{ color: {TEXT}; }}
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
QPushButton {{ padding: 4px 10px; }}
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
    app.setPalette(pal)
    app.setStyleSheet(STYLE_SHEET)
