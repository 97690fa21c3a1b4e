"""ui.operations.run_in_background: results, progress, cancel, and errors that reach the user and the log."""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import QWidget

from db.errors import KlaError
from ui.operations import Failure, is_running, run_in_background
from ui.session import kla_error_text
from ui.widgets.tasks import ProgressWidget


class _Page(QWidget):
    def __init__(self, dialogs) -> None:  # noqa: ANN001
        super().__init__()
        self.dialogs = dialogs
        self.progress = ProgressWidget(self)


def test_result_and_progress_reach_the_page(qtbot, dialogs) -> None:  # noqa: ANN001
    page = _Page(dialogs)
    qtbot.addWidget(page)
    page.show()
    seen: list[tuple[int, int, str]] = []
    done: list[object] = []

    def job(progress, cancelled):  # noqa: ANN001, ANN202
        for i in range(3):
            progress(i + 1, 3, f"langkah {i + 1}")
        return "selesai"

    task = run_in_background(page, job, title="Menghitung…", on_done=done.append, on_progress=lambda *a: seen.append(a),
                             progress_widget=page.progress)
    assert is_running(task) and page.progress.isVisible() and page.progress.label.text() == "Menghitung…"
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    assert done == ["selesai"] and seen[-1] == (3, 3, "langkah 3")
    assert not is_running(task) and not page.progress.isVisible()
    assert dialogs.asked == []


def test_a_defect_in_a_job_is_logged_and_shown_in_plain_indonesian(qtbot, dialogs, caplog) -> None:  # noqa: ANN001
    page = _Page(dialogs)
    qtbot.addWidget(page)

    def job(progress, cancelled):  # noqa: ANN001, ANN202
        raise ZeroDivisionError("pembagian dengan nol")

    with caplog.at_level(logging.ERROR):
        task = run_in_background(page, job, title="Laporan", on_done=lambda r: None)
        with qtbot.waitSignal(task.ended, timeout=10000):
            pass
    assert len(dialogs.asked) == 1
    kind, title, text = dialogs.asked[0]
    assert (kind, title) == ("error", "Laporan")
    assert text.startswith("Terjadi kesalahan di dalam program (pembagian dengan nol)") and "log" in text
    # The worker's traceback is in the log once, and next to it what the user was shown.
    assert caplog.text.count("raise ZeroDivisionError") == 1
    shown = [r for r in caplog.records if r.name == "ui.operations"]
    assert len(shown) == 1 and text in shown[0].getMessage()


def test_a_store_error_is_worded_by_the_store_messages_and_cancel_is_quiet(qtbot, dialogs) -> None:  # noqa: ANN001
    page = _Page(dialogs)
    qtbot.addWidget(page)
    failures: list[Failure] = []

    def refused(progress, cancelled):  # noqa: ANN001, ANN202
        raise KlaError("value_negative", value="-3")

    task = run_in_background(page, refused, title="Simpan", on_done=lambda r: None, on_failed=failures.append)
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    assert failures[0].text == kla_error_text(KlaError("value_negative", value="-3")) and not failures[0].cancelled
    assert dialogs.asked == []  # on_failed shows it where the page wants

    def long_job(progress, cancelled):  # noqa: ANN001, ANN202
        stop = threading.Event()
        while not cancelled():
            stop.wait(0.005)  # in the worker: the test itself waits on a signal
        raise KlaError("cancelled")

    task = run_in_background(page, long_job, title="Lama", on_done=lambda r: None, progress_widget=page.progress)
    page.progress.cancel_button.click()
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    assert dialogs.asked == []  # Batal pressed: no error dialog
