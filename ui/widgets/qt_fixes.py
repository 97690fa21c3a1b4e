"""Work around PySide6 6.12.0 on CPython 3.11 taking a reference from ``None`` at every call.

PySide6 6.12's wheels are built for CPython's stable ABI as 3.12 has it, where ``None``,
``True`` and ``False`` are *immortal*: shiboken returns them without taking a reference. On
CPython 3.11 they are ordinary objects, so every Qt call that returns ``None`` (any ``void``
method: ``setText``, ``update``, ``initStyleOption``; a ``None`` pointer; an invalid
``QVariant`` from ``index.data()``) takes one reference that is never given back. After some
tens of thousands of such calls the count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc: deallocating None". The indicator grid's delegate makes
hundreds per paint: a clerk switching indicators for a few minutes was enough
(bench/bench_entry.py found it; tests/ui/test_entry_lifetimes.py keeps it found).

:func:`install` does what CPython 3.12 itself does: it gives ``None``, ``True`` and ``False`` a
reference count so large (2**60) that no run of the program can use it up, so they are never
"deallocated" (they are static singletons; nothing is ever freed for them anyway). It is only
done when a probe shows the loss (CPython before 3.12 with an affected PySide6); on 3.12+ or
a fixed PySide6 nothing is touched. Called where the QApplication is made (desktop.app) and for
the Qt tests (tests/ui/conftest.py); the command line, which never loads Qt, is not touched.
"""

from __future__ import annotations

import ctypes
import gc
import sys

from db.progress import collector_paused

PROBES = 16
RESERVE = 1 << 60
_done: list[bool] = []


def loses_references() -> bool:
    """True when a ``void`` Qt call takes a reference from ``None`` (the bug is present here)."""
    from PySide6.QtCore import QObject

    obj = QObject()
    obj.setObjectName("probe")
    before = sys.getrefcount(None)
    for _ in range(PROBES):
        obj.setObjectName("probe")
    return before - sys.getrefcount(None) >= PROBES


def install() -> bool:
    """Make ``None``, ``True`` and ``False`` practically immortal when the bug is present; True if done."""
    if _done:
        return _done[0]
    needed = sys.version_info < (3, 12) and sys.implementation.name == "cpython" and loses_references()
    if needed:
        for obj in (None, True, False):
            # ob_refcnt is the first field of every PyObject (Py_ssize_t) in CPython 3.11.
            ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _done.append(needed)
    return needed


class MainThreadCollector:
    """Collect Python's reference cycles on the GUI thread only, on a timer.

    Python's cyclic garbage collector runs in whichever thread happens to allocate when a
    generation fills up. When that is a worker (an export, a template read in a QThreadPool
    thread) and the cycle holds a Qt object made on the GUI thread, the object is destroyed
    from the wrong thread and the process dies with a segmentation fault: the suite died this
    way in tests/ui/test_city_reports.py (CI, exit 139), in the middle of ``parse_template`` on
    an evidence-pack thread. Anki does the same (aqt's ``GarbageCollector``): automatic
    collection is switched off, and a timer on the GUI thread collects whenever Python's own
    thresholds say it would have. Nothing else changes: reference counting still frees every
    object that is not in a cycle at once.
    """

    INTERVAL_MS = 1000
    FREEZE_AFTER_S = 5.0
    """What exists this long after start (modules, classes, the template, the window and its
    first pages: ~60,000 objects in the DP3AKB window) is frozen once (``gc.freeze``): a full
    collection then no longer walks it, and stops pausing the GUI thread ~100-250 ms whenever it
    falls in a page switch (bench/README.md, city page switch). Those objects live as long as the
    program; only one of them that later became part of a cycle and garbage would be kept."""

    def __init__(self, parent) -> None:  # noqa: ANN001 - a QObject (the application)
        import time

        from PySide6.QtCore import QTimer

        gc.disable()
        self.threshold = gc.get_threshold()
        self.started = time.monotonic()
        self.frozen = False
        self.timer = QTimer(parent)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect what Python would have collected by now; returns the objects found."""
        if not self.frozen:
            import time

            if time.monotonic() - self.started >= self.FREEZE_AFTER_S:
                self.freeze()
        if collector_paused():  # a long job keeps what it builds to its end (db.progress.paused_collector)
            return 0
        gen0, gen1, gen2 = gc.get_count()
        found = 0
        if gen0 > self.threshold[0]:
            found += gc.collect(0)
            if gen1 > self.threshold[1]:
                found += gc.collect(1)
                if gen2 > self.threshold[2]:
                    found += gc.collect(2)
        return found

    def collect(self) -> int:
        """A full collection now (on the calling thread, which must be the GUI thread)."""
        return gc.collect()

    def freeze(self) -> None:
        """Move every object tracked now out of the collector's sight (see ``FREEZE_AFTER_S``)."""
        self.frozen = True
        gc.freeze()


_collector: list[MainThreadCollector] = []


def collect_on_main_thread(app) -> MainThreadCollector:  # noqa: ANN001 - the QApplication
    """Install the one :class:`MainThreadCollector` for ``app`` (again: the same one)."""
    if not _collector:
        _collector.append(MainThreadCollector(app))
    return _collector[0]
