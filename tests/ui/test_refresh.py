"""Each view redraws only what a write changed, and the view that made it does not reload itself.

The session broadcasts the store's Changes (``data_changed(changes, handler)``); these tests
type as a clerk does and check what is on screen, and that the rows of everything else are
the same objects as before (not rebuilt).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.entry.models import IndicatorListModel
from ui.home.home_page import TARGET_ROLE


def _watch(model) -> dict[str, list]:  # noqa: ANN001
    seen: dict[str, list] = {"reset": [], "changed": []}
    model.modelAboutToBeReset.connect(lambda: seen["reset"].append(True))
    model.dataChanged.connect(lambda tl, br, roles=(): seen["changed"].append((tl.row(), br.row())))
    return seen


def _todo_items(home) -> dict[int, object]:  # noqa: ANN001
    """The "Perlu dilengkapi" lines by indicator number (the list items themselves)."""
    out = {}
    for i in range(home.todo.count()):
        target = home.todo.item(i).data(TARGET_ROLE)
        if target and target[0] == "indicator":
            out[target[1]] = home.todo.item(i)
    return out


def test_typing_a_value_redraws_only_that_indicator(qtbot, make_window, empty_home, monkeypatch) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    home = w.home_page
    home_lines = _todo_items(home)
    assert 2 in home_lines and "5 isian wajib belum lengkap" in home_lines[2].text()
    w.open_indicator(2)
    page, form = w.indicator_page, w.indicator_page.form
    qtbot.waitUntil(lambda: all(f.isVisible() for f in form.fields.values()))
    # Typed keys and Tab go to the active window, as on a clerk's screen (fields are shown at once now).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form.window())
    lm = page.model
    rows_before = [lm.record(r) for r in range(lm.rowCount())]
    list_seen, panel_seen = _watch(lm), _watch(page.evidence.model)
    form_reloads: list[bool] = []
    monkeypatch.setattr(form, "refresh", lambda: form_reloads.append(True))

    field = form.fields["rapat_tim"]
    field.editor.setFocus()
    QTest.keyClicks(field.editor, "4")
    QTest.keyClick(field.editor, Qt.Key.Key_Return)

    st = s.store.indicator_status(None, s.year, 2)
    assert st.completeness > 0
    # The indicator list: row 2 shows the new progress; it alone was redrawn, the other 23 are the same objects.
    row = lm.row_of(2)
    assert lm.index(row, IndicatorListModel.COL_PROGRESS).data() == f"{round(st.completeness * 100)}%"
    assert list_seen == {"reset": [], "changed": [(row, row)]}
    assert all(lm.record(r) is rows_before[r] for r in range(lm.rowCount()) if r != row)
    # The form that was typed in did not reload itself; its completeness line follows.
    assert form_reloads == []
    assert field.editor.text() == "4"
    assert "Kelengkapan 12,5%" in form.summary.text()
    # The evidence panel of indicator 2 kept its list (a value is no evidence).
    assert panel_seen["reset"] == []

    # Beranda, shown again: the line of indicator 2 says what is still missing; the others are untouched.
    w.show_page("home")
    lines = _todo_items(home)
    assert "4 isian wajib belum lengkap" in lines[2].text()
    assert lines[2] is home_lines[2]  # updated in place
    assert {n: lines[n] for n in lines if n != 2} == {n: home_lines[n] for n in home_lines if n != 2}
    assert all(lines[n] is home_lines[n] for n in lines if n != 2)
    full = s.store.status(None, s.year)
    assert home.overall.value() == round(full.completeness * 100)
    cluster = next(c for c in full.clusters if any(i.indicator_no == 2 for i in c.indicators))
    assert home._cluster_bars[cluster.key][1].value() == round(cluster.completeness * 100)


def test_undo_is_nobody_s_own_change_so_the_form_shows_it(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(2)
    form = w.indicator_page.form
    qtbot.waitUntil(lambda: all(f.isVisible() for f in form.fields.values()))
    # Typed keys and Tab go to the active window, as on a clerk's screen (fields are shown at once now).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form.window())
    field = form.fields["rapat_tim"]
    field.editor.setFocus()
    QTest.keyClicks(field.editor, "4")
    QTest.keyClick(field.editor, Qt.Key.Key_Return)
    s.undo_stack.undo()
    assert field.editor.text() == ""
    assert ("rapat_tim", "", "") not in s.store.values(None, s.year, 2)
    row = w.indicator_page.model.row_of(2)
    assert w.indicator_page.model.index(row, IndicatorListModel.COL_PROGRESS).data() == "0%"


def test_an_activity_edited_redraws_its_row_and_nothing_else(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    home_lines = _todo_items(w.home_page)
    w.show_page("activities")
    page = w.activities_page
    assert page.model.rowCount() >= 2
    rec = page.model.record(0)
    page.select(rec.id)
    before = [page.model.record(r) for r in range(page.model.rowCount())]
    seen = _watch(page.model)
    facilities_seen = _watch(w.facilities_page.model)

    page.title_edit.setText("Posyandu remaja RW 5")
    page.title_edit.setModified(True)
    page.title_edit.editingFinished.emit()

    assert s.store.activity(rec.id).title == "Posyandu remaja RW 5"
    row = page.model.row_of(rec.id)
    assert page.model.index(row, 1).data() == "Posyandu remaja RW 5"
    assert seen == {"reset": [], "changed": [(row, row)]}
    assert all(page.model.record(r) is before[r] for r in range(len(before)) if r != row)
    assert page.title_edit.text() == "Posyandu remaja RW 5" and page.current_id == rec.id
    assert facilities_seen == {"reset": [], "changed": []}  # facilities are not activities
    # Beranda recounts, but no indicator's line changed: the same items stay.
    w.show_page("home")
    lines = _todo_items(w.home_page)
    assert lines.keys() == home_lines.keys() and all(lines[n] is home_lines[n] for n in lines)


def test_evidence_of_another_indicator_leaves_this_panel_alone(qtbot, make_window, empty_home, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(4)
    panel = w.indicator_page.evidence
    seen = _watch(panel.model)
    doc = tmp_path / "sk.pdf"
    doc.write_bytes(b"%PDF-1.4\n% sk\n")
    # Written past the session (as a worker does) and broadcast: a file for indicators 2 and 7.
    added = s.store.add_evidence(None, doc, links=[(s.year, 2), (s.year, 7)], caption="SK tim")
    s.notify(added)
    assert seen["reset"] == [] and panel.model.rowCount() == 0
    # Evidence of its own indicator: the panel shows it.
    rec = added.record
    s.link_evidence(rec.id, 4, True)
    assert seen["reset"] and [r.id for r in panel.model.records()] == [rec.id]


def test_one_typed_value_costs_the_window_at_most_15_statements(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Issue 7's budget for one grid edit, counted for the whole window: the store's write plus what
    every view re-reads (the views share one read of the indicator's status during the broadcast)."""
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(2)
    form = w.indicator_page.form
    qtbot.waitUntil(lambda: all(f.isVisible() for f in form.fields.values()))
    # Typed keys and Tab go to the active window, as on a clerk's screen (fields are shown at once now).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form.window())
    statements: list[str] = []
    s.store.db.conn.set_trace_callback(statements.append)
    try:
        field = form.fields["rapat_tim"]
        field.editor.setFocus()
        QTest.keyClicks(field.editor, "4")
        QTest.keyClick(field.editor, Qt.Key.Key_Return)
    finally:
        s.store.db.conn.set_trace_callback(None)
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 4
    # SQLite's trace reports a write again for each statement of a trigger it fires (status_cache's,
    # db/status_cache.py): those repeats are that one write's work, not statements the window issues.
    issued = [x for n, x in enumerate(statements)
              if n == 0 or x != statements[n - 1] or not x.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert len(issued) <= 15, "\n".join(issued)
