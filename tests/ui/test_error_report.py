"""When something goes wrong in the window: worker failures are logged, the excepthook shows the report."""

from __future__ import annotations

import logging

import pytest

from db.errors import KlaError
from ui.widgets.tasks import Task


def _run(qtbot, job) -> object:  # noqa: ANN001
    task = Task(job, title="uji")
    got: list[object] = []
    task.failed.connect(got.append)
    with qtbot.waitSignal(task.ended, timeout=5000):
        task.start()
    return got[0]


def test_a_failed_worker_is_logged_with_its_traceback(qtbot, caplog) -> None:  # noqa: ANN001
    def boom(progress, cancelled):  # noqa: ANN001, ANN202
        raise ZeroDivisionError("rusak di pekerja")

    with caplog.at_level(logging.ERROR, logger="ui.widgets.tasks"):
        exc = _run(qtbot, boom)
    assert isinstance(exc, ZeroDivisionError)
    records = [r for r in caplog.records if r.name == "ui.widgets.tasks"]
    assert len(records) == 1 and "uji" in records[0].getMessage()
    assert records[0].exc_info is not None and records[0].exc_info[1] is exc
    assert "rusak di pekerja" in caplog.text and "Traceback" in caplog.text


def test_a_refusal_is_not_logged_as_a_failure(qtbot, caplog) -> None:  # noqa: ANN001
    def refuse(progress, cancelled):  # noqa: ANN001, ANN202
        raise KlaError("cancelled")

    with caplog.at_level(logging.ERROR, logger="ui.widgets.tasks"):
        exc = _run(qtbot, refuse)
    assert isinstance(exc, KlaError)
    assert not [r for r in caplog.records if r.name == "ui.widgets.tasks"]


# ---------------------------------------------------------------------------- the excepthook and the dialog

def _raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["tidak-ada"]
    except KeyError as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError


def test_dialog_says_what_happened_what_to_do_and_where_the_report_is(qtbot, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QGuiApplication

    from ui.widgets.error_dialog import show_error_report

    report = tmp_path / "laporan-kesalahan-1.txt"
    dlg = show_error_report(None, *_raised(), report, modal=False)
    qtbot.addWidget(dlg)
    text = dlg.message.text()
    assert text.startswith("Terjadi kesalahan") and "Data Anda aman" in text
    assert "tutup program lalu buka kembali" in text and str(report) in text
    assert not dlg.details_box.isVisible()
    dlg.show_details_button.click()
    assert dlg.details_box.isVisible() and "KeyError: 'tidak-ada'" in dlg.details_box.toPlainText()
    assert dlg.copy_button.text() == "Salin rincian"
    dlg.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert str(report) in copied and "Traceback (most recent call last)" in copied and "KeyError" in copied
    dlg.close_button.click()
    assert not dlg.isVisible()


def test_dialog_without_a_report_file_says_to_copy_the_details(qtbot) -> None:  # noqa: ANN001
    from ui.widgets.error_dialog import show_error_report

    dlg = show_error_report(None, *_raised(), None, modal=False)
    qtbot.addWidget(dlg)
    assert "tidak bisa disimpan" in dlg.message.text() and dlg.folder_button is None


def _hook_with_dialog(tmp_path):  # noqa: ANN001, ANN202
    """The real hook and the real dialog, shown without blocking; the log file set up as the window does."""
    from db.paths import workspace_folders
    from desktop.crash import ExceptionHook
    from desktop.logs import setup_logging
    from ui.widgets.error_dialog import show_error_report

    handler = setup_logging(workspace_folders(tmp_path), "kla-desktop.log", fallback=tmp_path / "logs")
    shown: list = []

    def show(exc_type, exc, tb, report):  # noqa: ANN001, ANN202
        shown.append(show_error_report(None, exc_type, exc, tb, report, modal=False))

    return ExceptionHook(lambda: handler.path.parent, show), handler, shown


def test_an_uncaught_exception_reaches_the_log_the_report_and_the_dialog(qtbot, tmp_path) -> None:  # noqa: ANN001
    from desktop.logs import stop_logging

    hook, handler, shown = _hook_with_dialog(tmp_path)
    try:
        hook(*_raised())
    finally:
        stop_logging(handler)
    log_text = (tmp_path / "logs" / "kla-desktop.log").read_text("utf-8")
    assert "CRITICAL desktop.crash: Kesalahan tak terduga (jendela): KeyError" in log_text
    assert "Traceback (most recent call last)" in log_text and "KeyError: 'tidak-ada'" in log_text
    [report] = hook.reports
    assert report is not None and report.parent == tmp_path / "logs"
    assert "KeyError: 'tidak-ada'" in report.read_text("utf-8") and str(report) in log_text
    [dlg] = shown
    qtbot.addWidget(dlg)
    assert dlg.report_path == report and "KeyError" in dlg.details


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_slot_goes_through_the_installed_hook(qtbot, tmp_path) -> None:  # noqa: ANN001
    import sys

    from PySide6.QtCore import QTimer

    from desktop import crash
    from desktop.logs import stop_logging

    hook, handler, shown = _hook_with_dialog(tmp_path)
    old = sys.excepthook, crash.threading.excepthook
    try:
        installed = crash.install_excepthook(hook.report_folder, hook.show)
        assert sys.excepthook is installed

        def slot() -> None:
            raise RuntimeError("rusak di slot")

        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    finally:
        sys.excepthook, crash.threading.excepthook = old
        stop_logging(handler)
    qtbot.addWidget(shown[0])
    assert "RuntimeError: rusak di slot" in shown[0].details
    assert "rusak di slot" in (tmp_path / "logs" / "kla-desktop.log").read_text("utf-8")


def test_an_error_while_the_dialog_is_up_is_logged_without_a_second_dialog(tmp_path) -> None:  # noqa: ANN001
    from desktop.crash import ExceptionHook

    shown: list = []

    def show(*args) -> None:  # noqa: ANN002
        shown.append(args)
        hook(*_raised())  # e.g. a repaint that fails again behind the dialog

    hook = ExceptionHook(lambda: tmp_path, show)
    hook(*_raised())
    assert len(shown) == 1 and len(hook.reports) == 2


def test_a_failed_worker_lands_in_the_log_file(qtbot, tmp_path) -> None:  # noqa: ANN001
    from db.paths import workspace_folders
    from desktop.logs import setup_logging, stop_logging

    handler = setup_logging(workspace_folders(tmp_path), "kla-desktop.log", fallback=tmp_path / "logs")
    try:
        def boom(progress, cancelled):  # noqa: ANN001, ANN202
            raise ValueError("pekerja rusak")

        _run(qtbot, boom)
    finally:
        stop_logging(handler)
    text = (tmp_path / "logs" / "kla-desktop.log").read_text("utf-8")
    assert "ERROR    ui.widgets.tasks: Pekerjaan latar gagal: uji" in text and "ValueError: pekerja rusak" in text
