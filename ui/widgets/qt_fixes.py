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
import sys

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
