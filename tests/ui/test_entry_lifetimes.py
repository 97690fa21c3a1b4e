"""No widget or model outlives the indicator it was made for (issue 13): switching stays flat."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent
from PySide6.QtWidgets import QApplication, QToolButton


def _settle(qtbot) -> None:  # noqa: ANN001
    # deleteLater runs in the event loop; outside app.exec() it has to be asked for.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(1)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _counts(form) -> tuple[int, int]:  # noqa: ANN001
    models = len(form.findChildren(QAbstractItemModel))
    loose_buttons = sum(1 for w in QApplication.allWidgets() if isinstance(w, QToolButton) and w.parent() is None)
    return models, loose_buttons


def test_switching_indicators_leaves_no_models_or_buttons_behind(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    w = make_window(demo_home).window
    w.show_page("indicators")
    page = w.indicator_page
    numbers = [i.no for i in page.session.template.indicators]
    for no in numbers:  # one round: everything built once
        page.open_indicator(no)
        _settle(qtbot)
    before, widgets_before = _counts(page.form), len(QApplication.allWidgets())
    for _ in range(2):
        for no in numbers:
            page.open_indicator(no)
            _settle(qtbot)
    after, widgets_after = _counts(page.form), len(QApplication.allWidgets())
    assert after == before
    assert before[1] == 0  # the history button of a computed field belongs to its field
    assert widgets_after <= widgets_before


def test_painting_the_grid_for_long_does_not_abort(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """PySide6 6.12 on CPython 3.11 takes a reference from None at every call returning None; the grid's
    delegate makes hundreds per paint and the window aborted after enough of them (ui/widgets/qt_fixes.py)."""
    import sys

    from ui.widgets import qt_fixes

    w = make_window(demo_home).window
    w.open_indicator(4)
    view, _model = w.indicator_page.form.grids[0]
    qtbot.waitUntil(view.isVisible)
    for _ in range(300):  # far more references than None had before the fix
        view.viewport().repaint()
    if qt_fixes.loses_references():
        assert sys.getrefcount(None) > 1 << 59  # the reserve is there, and far from used up


def test_cycles_holding_qt_objects_are_freed_on_the_gui_thread_only(qtbot) -> None:  # noqa: ANN001
    """A worker allocating heavily never runs the collector; the GUI thread's timer frees the cycle.

    (The suite once died with a segmentation fault when a QThreadPool thread's allocation
    triggered a collection of an earlier test's window.)
    """
    import gc
    import threading
    import weakref

    from PySide6.QtCore import QObject

    assert not gc.isenabled()  # desktop.app and the fixtures switch automatic collection off
    freed_on: list[str] = []

    class Holder(QObject):
        pass

    holder = Holder()
    holder.me = holder  # a cycle: only the cyclic collector can free it
    gone = weakref.ref(holder)
    weakref.finalize(holder, lambda: freed_on.append(threading.current_thread().name))
    del holder

    junk: list[list] = []

    def allocate() -> None:
        for _ in range(200_000):  # far past generation 0's threshold: would collect if enabled
            junk.append([[]])

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert gone() is not None and freed_on == []  # the worker did not collect it
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)
    assert freed_on == [threading.main_thread().name]
    junk.clear()


def test_after_the_start_up_freeze_new_cycles_are_still_freed(qapp, qtbot) -> None:  # noqa: ANN001
    """What exists a few seconds after start is frozen once (a full collection no longer walks
    it: no 100-250 ms pause in a page switch); garbage made after that is collected as before."""
    import gc
    import weakref

    from PySide6.QtCore import QObject

    from ui.widgets import qt_fixes

    collector = qt_fixes.MainThreadCollector(qapp)
    collector.FREEZE_AFTER_S = 0.0
    try:
        collector.check()
        assert collector.frozen and gc.get_freeze_count() > 0

        class Holder(QObject):
            pass

        holder = Holder()
        holder.me = holder
        gone = weakref.ref(holder)
        del holder
        junk = [[[]] for _ in range(5_000)]  # past generation 0's threshold
        qtbot.waitUntil(lambda: (collector.check() or True) and gone() is None, timeout=5000)
        junk.clear()
    finally:
        collector.timer.stop()
