"""A word-wrapped label that measures its text once per width.

Qt's layouts ask a word-wrapped ``QLabel`` for its height at several widths in one pass (the
scroll area at the viewport's width, the box layout at the label's own), and ``QLabel`` lays
the whole text out again for every question: with a text control (selectable or rich text)
its document is re-laid out each time the width differs from the last. On the indicator page
that was most of an indicator switch (the guidance, the flags, the evidence requirement lines;
bench/bench_entry.py). :class:`WrapLabel` remembers the answers per text (its last
:attr:`WrapLabel.KEPT_TEXTS`) until the font or the style changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

_MEASURE_EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange)


class WrapLabel(QLabel):
    """A ``QLabel`` with word wrap on whose ``heightForWidth`` is computed once per (text, width)."""

    KEPT_TEXTS = 32
    """Texts whose heights a label keeps: a requirement row of the evidence panel is reused for the
    next indicator's requirement, so its few texts come back in turn (each measured once)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - as QLabel
        super().__init__(*args, **kwargs)
        self.setWordWrap(True)
        self._by_text: dict[str, dict[int, int]] = {}
        self._measured = ""
        self._heights: dict[int, int] = self._by_text.setdefault("", {})
        self._follow(QLabel.text(self))

    def _follow(self, text: str) -> None:
        """The heights of ``text``, the text now shown (set here, so that ``heightForWidth``, which the
        layouts ask ~130 times per indicator switch, need not fetch the text from Qt each time)."""
        if text != self._measured:
            heights = self._by_text.get(text)
            if heights is None:
                if len(self._by_text) >= self.KEPT_TEXTS:
                    self._by_text.clear()
                heights = self._by_text[text] = {}
            self._heights = heights
            self._measured = text

    def setText(self, text: str) -> None:  # noqa: N802
        self._follow(text)
        super().setText(text)

    def clear(self) -> None:
        self._follow("")
        super().clear()

    def setNum(self, number) -> None:  # noqa: N802, ANN001
        super().setNum(number)
        self._follow(QLabel.text(self))

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        h = self._heights.get(width)
        if h is None:
            h = self._heights[width] = super().heightForWidth(width)
        return h

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in _MEASURE_EVENTS:
            self._by_text.clear()
            self._heights = self._by_text.setdefault(self._measured, {})
            lines = getattr(self, "_kept_lines", 0)
            if lines:  # the style gave it padding (or another font) after keep_room: the room follows
                _set_room(self, lines)
        super().changeEvent(event)


def keep_room(label: QLabel, lines: int = 1) -> QLabel:
    """``label`` (a message shown now and then: a refused date, a saved file) keeps its place while hidden,
    ``lines`` lines of its font tall: showing a message of that many lines, or hiding it again, moves
    nothing under the pointer (the lists under Kegiatan's form jumped down as the clerk reached for them
    when "bukan tanggal yang sah" appeared). A longer message still makes room for itself."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label._kept_lines = lines  # type: ignore[attr-defined]  # a WrapLabel keeps the room when restyled
    _set_room(label, lines)
    return label


def _set_room(label: QLabel, lines: int) -> None:
    margins = label.contentsMargins()
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()
                           + 2 * label.margin())
