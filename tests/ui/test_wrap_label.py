"""The word-wrapped label that remembers its heights (ui/widgets/labels.py): the height it gives for a
width is QLabel's own for the text shown, also when a reused label shows an earlier text again, and
a new font is measured afresh."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.widgets.labels import WrapLabel

SHORT = "Foto kegiatan — belum ada (0/1)"
LONG = ("Notulen rapat gugus tugas KLA kelurahan yang ditandatangani ketua dan sekretaris, lengkap dengan daftar "
        "hadir dan foto kegiatan — terlalu lama, perlu yang baru (1/2)")


def _qt_height(text: str, width: int, font) -> int:  # noqa: ANN001 - a QFont
    plain = QLabel(text)
    plain.setWordWrap(True)
    plain.setFont(font)
    return plain.heightForWidth(width)


def test_heights_follow_the_text_shown_and_come_back_with_it(qapp) -> None:  # noqa: ANN001
    label = WrapLabel(SHORT)
    widths = (120, 240, 400)
    first = {w: label.heightForWidth(w) for w in widths}
    assert first == {w: _qt_height(SHORT, w, label.font()) for w in widths}
    label.setText(LONG)  # the row given the next indicator's requirement
    long = {w: label.heightForWidth(w) for w in widths}
    assert long == {w: _qt_height(LONG, w, label.font()) for w in widths}
    assert long[120] > first[120]
    label.setText(SHORT)  # and back again: the short text's heights, not the long one's
    assert {w: label.heightForWidth(w) for w in widths} == first
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)  # a new font: measured again
    assert label.heightForWidth(240) == _qt_height(SHORT, 240, font) > first[240]
    label.setText(LONG)
    assert label.heightForWidth(240) == _qt_height(LONG, 240, font)


def test_heights_follow_every_way_the_text_is_set_without_asking_qt_for_it(qapp, monkeypatch) -> None:  # noqa: ANN001
    label = WrapLabel(LONG)
    assert label.heightForWidth(200) == _qt_height(LONG, 200, label.font())
    label.clear()
    assert label.text() == "" and label.heightForWidth(200) == _qt_height("", 200, label.font())
    label.setNum(12345)
    assert label.heightForWidth(200) == _qt_height("12345", 200, label.font())
    label.setText(SHORT)
    expected = _qt_height(SHORT, 200, label.font())
    # The layouts ask a height many times per indicator switch: answered from what setText kept.
    asked: list[bool] = []
    real = QLabel.text
    monkeypatch.setattr(QLabel, "text", lambda self: asked.append(True) or real(self))
    assert label.heightForWidth(200) == expected
    assert label.heightForWidth(200) == expected
    assert asked == []
