"""New random ids (``uuid4().hex``), with :mod:`uuid` imported when the first one is made.

``import uuid`` imports :mod:`platform` and costs ~4 ms: every start of the window paid it for
the ids that only a write makes (a new evidence file, activity, workspace).
"""

from __future__ import annotations


def uuid4_hex() -> str:
    import uuid

    return uuid.uuid4().hex
