"""When something goes wrong in the window: worker failures are logged, the excepthook shows the report."""

from __future__ import annotations

import logging

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
