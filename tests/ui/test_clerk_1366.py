"""What a kelurahan clerk reads in the window at 1366x768: every word whole, nothing behind a scroll bar.

Each case was seen in the real window (kelurahan demo, 1366x768) and is measured here in the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QWidget

from tests.ui.test_steady_layout import _at, _shown


def _text_room(combo: QComboBox) -> int:
    """How wide the text of ``combo`` may be drawn (its edit field, as the style lays it out)."""
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return field.width()


def _settle(widget: QWidget) -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_kind_box_under_tambah_berkas_reads_whole_when_the_panel_scrolls(qtbot, make_window,  # noqa: ANN001
                                                                            demo_home) -> None:
    """Seen at 1366x768 on indicator 1: with the evidence panel's scroll bar shown the box read
    "Jenis: otomati" (the row beside "Tambah berkas..." had no room for it)."""
    launcher = make_window(demo_home)
    w = _shown(qtbot, launcher, "indicators")
    w.open_indicator(1)
    page = w.indicator_page
    _settle(w)
    height = 768
    while not page.ev_scroll.verticalScrollBar().isVisible() and height > 400:
        height -= 20
        w.resize(1366, height)
        _settle(w)
    assert page.ev_scroll.verticalScrollBar().isVisible()
    combo = page.evidence.kind_combo
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        _settle(w)
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) <= _text_room(combo), text
    # And the button beside (or over) it is whole too, both inside the panel.
    panel = page.evidence
    for widget in (panel.add_button, panel.kind_combo):
        right = widget.mapTo(panel, widget.rect().topRight()).x()
        assert right <= panel.contentsRect().right(), widget
    assert panel.add_button.width() >= panel.add_button.sizeHint().width()
    _at(panel)
