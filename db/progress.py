"""The long-job protocol of db/ and exports/: ``progress(done, total, step)`` and ``cancelled()``.

A :class:`Step` says what the job is doing as a stable code with parameters, the way
:class:`db.errors.KlaError` says what went wrong: db/ and exports/ never make the sentence.
The front ends word it (``ui.messages.progress_text``: Indonesian for the CLI, Qt Linguist
for the window). Codes in use:

- ``reading_unit`` (name): reading one kelurahan's data; ``making_demo`` (name): demo data
- ``export_part_evidence`` / ``export_part_done`` (part, parts): writing one part of an export
- ``checking_file`` (name): opening one file of an import
- ``receipt_for`` (name): writing one kelurahan's receipt
- ``copying_evidence``, ``restoring_data``: the setup file with a restore
- ``adding_file`` (name), ``checking_pack``: the evidence pack
- ``composing_sheet``, ``composing_city_report``, ``composing_template_change``, ``writing_pdf``: a PDF report
- ``writing_summary``, ``writing_values``, ``writing_evidence``, ``writing_activities``,
  ``writing_facilities``, ``writing_figures``, ``saving_workbook``: the workbook;
  ``reading_figures``: adding up the figures per area (the workbook, the figures page)
- ``template_backup``, ``template_moving``, ``template_origins``: putting a template version in force
- ``done``
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import field
from typing import Any

from db.record import record


@record
class Step:
    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:  # for logs, not for users
        if not self.params:
            return self.code
        return f"{self.code} ({', '.join(f'{k}={v!r}' for k, v in self.params.items())})"


def step(code: str, /, **params: Any) -> Step:
    return Step(code, params)


Progress = Callable[[int, int, Step], None]
Cancelled = Callable[[], bool]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Python's cyclic collector held off while a long job builds what it keeps to its end.

    A 1,000-unit kabupaten's workbook holds ~130,000 figures, ~400,000 figure lines and ~150,000
    value rows until its last row is written: every full collection (the collector starts one each
    time the objects kept grew by a quarter) walks all of them, ~25 times and ~7 s of CPU for
    nothing, since none of them is garbage. Reference counting still frees everything that is not
    in a cycle; what is, is collected after the job. Nested and from several threads: the collector
    is on again when the last job leaves, if it was on when the first came (the window keeps it off
    and collects on its GUI thread, ``ui.widgets.qt_fixes.MainThreadCollector``: there this
    changes nothing).
    """
    global _paused, _was_on
    with _pause_lock:
        if not _paused:
            _was_on = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if not _paused and _was_on:
                gc.enable()


def collector_paused() -> bool:
    """True while a job is inside :func:`paused_collector` (the window's own collector waits too)."""
    return _paused > 0


_pause_lock = threading.Lock()
_paused = 0
_was_on = False
