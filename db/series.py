"""The series of bundles DP3AKB received: which parts of each export arrived, which are missing.

Plain records over rows of ``sync_bundles`` (written by db/sync_parts/log.py; nothing here
writes): the bundle machinery (:mod:`db.sync`) uses it for the inbox and the chase list, and
the city summary's inbox card counts with it at start-up without loading that machinery
(crypto, bundles: ``tests/desktop/test_startup.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from db.record import record


@record
class SeriesStatus:
    series_id: str
    kelurahan_code: str
    device_seq: int
    parts: int
    received: tuple[int, ...]
    # Parts missing, but a later export of the same PC arrived whole: each export carries all that
    # DP3AKB has not acknowledged, so the missing parts will never come and are not needed.
    superseded: bool = False

    @property
    def missing(self) -> tuple[int, ...]:
        return tuple(p for p in range(1, self.parts + 1) if p not in self.received)


def series_of(rows: Iterable[tuple[str, str, str, int, int, int]]) -> list[SeriesStatus]:
    """The series of bundles received, from rows (series id, kelurahan, device id, export number,
    part, parts), the newest row of a series first (its ``parts`` counts). A series missing parts
    is ``superseded`` when a later export of the same device (same kelurahan) arrived complete:
    an export stopped half way (a full stick, a kill, a pulled-out stick) leaves parts that are
    whole bundles on their own, and the next export sends again all they would have."""
    by: dict[str, list[Any]] = {}
    for sid, kel, device, seq, part, parts in rows:
        by.setdefault(sid, [kel, device, seq, parts, set()])[4].add(part)
    newest_whole: dict[tuple[str, str], int] = {}
    for kel, device, seq, parts, got in by.values():
        if all(p in got for p in range(1, parts + 1)):
            newest_whole[(kel, device)] = max(seq, newest_whole.get((kel, device), -1))
    return [SeriesStatus(sid, kel, seq, parts, tuple(sorted(got)),
                         any(p not in got for p in range(1, parts + 1)) and seq < newest_whole.get((kel, device), -1))
            for sid, (kel, device, seq, parts, got) in by.items()]
