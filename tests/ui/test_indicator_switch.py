"""What an indicator switch redraws, and that what it shows is the same (issue 13's switch figure).

The list on the left answers its cells from what it worked out when a status arrived (no Python
per repaint), and the evidence list is left alone when the next indicator has the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from ui.entry.models import IndicatorListModel


def _page(make_window, home: Path):  # noqa: ANN001, ANN202
    launcher = make_window(home)
    w = launcher.window
    w.show()
    w.show_page("indicators")
    page = w.indicator_page
    QApplication.processEvents()
    return launcher, page


def _python_calls_in(filename_end: str, fn) -> list[str]:  # noqa: ANN001
    """The Python functions of one source file run while ``fn`` runs (its paint events included)."""
    seen: list[str] = []

    def prof(frame, event, _arg) -> None:  # noqa: ANN001
        if event == "call" and frame.f_code.co_filename.replace("\\", "/").endswith(filename_end):
            seen.append(frame.f_code.co_name)

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return seen


def test_the_indicator_list_repaints_without_asking_python(make_window, demo_home: Path) -> None:  # noqa: ANN001
    _launcher, page = _page(make_window, demo_home)
    page.open_indicator(5)
    QApplication.processEvents()
    calls = _python_calls_in("ui/entry/models.py", lambda: page.list.viewport().repaint())
    assert calls == []
    # What the rows show: "no. name", the percentage right-aligned, the state mark, the tooltip.
    model, proxy = page.model, page.proxy
    for no in (2, 5, 13):
        st = page.session.indicator_status(no)
        row = model.row_of(no)
        name = proxy.mapFromSource(model.index(row, IndicatorListModel.COL_NAME))
        progress = proxy.mapFromSource(model.index(row, IndicatorListModel.COL_PROGRESS))
        assert name.data() == f"{no}. {st.short_name}"
        assert progress.data() == f"{round(st.completeness * 100)}%"
        assert progress.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight
                                                                       | Qt.AlignmentFlag.AlignVCenter)
        assert name.data(Qt.ItemDataRole.TextAlignmentRole) is None
        assert not name.data(Qt.ItemDataRole.DecorationRole).isNull()
        title = page.session.template.indicator(no).title
        assert name.data(Qt.ItemDataRole.ToolTipRole).startswith(f"{no}. {title}\n")
        assert name.data(IndicatorListModel.RecordRole).indicator_no == no
        assert not name.flags() & Qt.ItemFlag.ItemIsEditable
    # The selected row is the indicator shown, after switching back and forth.
    for no in (7, 3, 7):
        page.open_indicator(no)
    assert page.list.currentIndex().data(IndicatorListModel.RecordRole).indicator_no == 7


def test_a_value_typed_shows_in_its_list_row(make_window, demo_home: Path) -> None:  # noqa: ANN001
    launcher, page = _page(make_window, demo_home)
    s = launcher.session
    no, key = next((ind.no, it.key) for ind in s.template.indicators
                   if s.indicator_status(ind.no).completeness < 1 for it in ind.items
                   if it.type == "count" and not it.computed and not it.age and not it.sex and it.required
                   and (it.key, "", "") not in s.store.values(s.kelurahan_code, s.year, ind.no))
    row = page.model.row_of(no)
    before = page.model.index(row, IndicatorListModel.COL_PROGRESS).data()
    assert before == f"{round(s.indicator_status(no).completeness * 100)}%"
    s.write_value(s.year, no, key, "3", handler=None)
    st = s.indicator_status(no)
    assert page.model.index(row, IndicatorListModel.COL_PROGRESS).data() != before
    assert page.model.index(row, IndicatorListModel.COL_PROGRESS).data() == f"{round(st.completeness * 100)}%"
    assert page.model.index(row, IndicatorListModel.COL_NAME).data(IndicatorListModel.RecordRole) == st


def test_the_evidence_list_is_kept_between_indicators_with_the_same_files(make_window, demo_home: Path) -> None:  # noqa: ANN001
    launcher, page = _page(make_window, demo_home)
    s = launcher.session
    without = [i.no for i in s.template.indicators if not s.store.evidence_list(s.kelurahan_code, s.year, i.no)]
    with_files = [i.no for i in s.template.indicators if s.store.evidence_list(s.kelurahan_code, s.year, i.no)]
    assert len(without) >= 2 and with_files
    resets: list[bool] = []
    page.evidence.model.modelAboutToBeReset.connect(lambda: resets.append(True))
    page.open_indicator(without[0])
    resets.clear()
    page.open_indicator(without[1])
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert resets == []
    assert page.evidence.model.rowCount() == 0 and page.evidence.empty_label.isVisibleTo(page.evidence)
    page.open_indicator(with_files[0])
    files = s.store.evidence_list(s.kelurahan_code, s.year, with_files[0])
    assert resets == [True]
    assert page.evidence.model.rowCount() == len(files)
    assert not page.evidence.empty_label.isVisibleTo(page.evidence)
    assert (files[0].caption or files[0].original_name) in page.evidence.model.index(0, 0).data()


def _viewport_image(view):  # noqa: ANN001, ANN202
    return view.viewport().grab().toImage()


def test_a_grid_shown_again_is_drawn_from_its_kept_drawing_and_a_change_redraws_it(
        qtbot, make_window, empty_home: Path) -> None:  # noqa: ANN001
    launcher, page = _page(make_window, empty_home)
    s = launcher.session
    page.open_indicator(4)
    QApplication.processEvents()
    view, model = page.form.grids[0]
    before = _viewport_image(view)
    page.open_indicator(5)
    page.open_indicator(4)
    QApplication.processEvents()
    # Shown again, unchanged: no cell is gone over in Python, and it looks the same.
    calls = _python_calls_in("ui/entry/grid_model.py", lambda: view.viewport().repaint())
    assert "cell_view" not in calls
    assert _viewport_image(view) == before
    # A value stored, a cell selected: what is drawn follows, the same as a drawing worked out afresh.
    s.write_value(s.year, 4, "anak_total", "7", "L", "0-60h", handler=None)
    page.form.refresh()
    cell = model.cell_index("anak_total", "P", "0-60h")
    view.setCurrentIndex(cell)
    QApplication.processEvents()
    assert model.cell_index("anak_total", "L", "0-60h").data() == "7"
    changed = _viewport_image(view)
    assert changed != before
    view._painted = None  # nothing kept: worked out from the cells
    assert _viewport_image(view) == changed
    view.clearSelection()
    QApplication.processEvents()
    cleared = _viewport_image(view)
    assert cleared != changed
    view._painted = None
    assert _viewport_image(view) == cleared


def test_switching_passes_no_field_event_through_python(make_window, demo_home: Path) -> None:  # noqa: ANN001
    _launcher, page = _page(make_window, demo_home)
    page.open_indicator(2)
    QApplication.processEvents()

    def switch() -> None:
        for no in (5, 2, 5):
            page.open_indicator(no)
            QApplication.processEvents()

    assert any(type(f.editor).__name__ == "CommitLineEdit" for f in page.form.fields.values())
    assert _python_calls_in("ui/widgets/edits.py", switch) == []


def test_the_evidence_list_words_its_files_once_and_again_after_a_change(
        make_window, demo_home: Path, monkeypatch) -> None:  # noqa: ANN001
    import ui.evidence.model as evidence_model

    launcher, page = _page(make_window, demo_home)
    s = launcher.session
    no = next(i.no for i in s.template.indicators if s.store.evidence_list(s.kelurahan_code, s.year, i.no))
    page.open_indicator(no)
    QApplication.processEvents()
    panel = page.evidence
    panel.list.viewport().repaint()
    worded: list[bool] = []
    real = evidence_model.kind_labels
    monkeypatch.setattr(evidence_model, "kind_labels", lambda: worded.append(True) or real())
    panel.list.viewport().repaint()
    assert worded == []  # a repaint asks the same words again: not worked out again
    rec = panel.model.records()[0]
    s.update_evidence(rec.id, handler=None, caption="Foto posyandu Juni")
    QApplication.processEvents()
    assert panel.model.index(0, 0).data().startswith("Foto posyandu Juni\n")
    assert rec.original_name in panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
