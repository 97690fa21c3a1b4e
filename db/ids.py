"""New random ids: the 32 hex digits of ``uuid.uuid4().hex``, made here from :func:`os.urandom`.

``import uuid`` imports :mod:`platform` and costs ~4 ms: every start of the window and every CLI
command paid it for ids that only a write makes (a new evidence file, a bundle, a staging folder).
A version-4 UUID is 16 random bytes with its version and variant bits set (RFC 4122 4.4), which is
what ``uuid.uuid4()`` does with the same ``os.urandom(16)``.
"""

from __future__ import annotations

import os


def uuid4_hex() -> str:
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # variant RFC 4122
    return b.hex()
