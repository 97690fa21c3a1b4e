"""Unconfirmed wording is marked in the window (issue 10): a drafted title never passes for the official one."""

from __future__ import annotations

from tests.ui.test_indicator_page import _open


def test_indicator_title_marks_unconfirmed_wording(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    _launcher, w, form = _open(qtbot, make_window, demo_home, 13)
    assert form.title.text().endswith("(rumusan sementara)") and "Permen PPPA 12/2022" in form.title.toolTip()
    form.show_indicator(4)
    assert "(rumusan sementara)" not in form.title.text()
