"""The chase list: which kelurahan DP3AKB must remind, and what to tell each (reads only).

For one evaluation period, per kelurahan: the last bundle received and the last receipt
sent (from the bundle log), days since, completeness and ready indicators per data year,
the indicators DP3AKB sent back for revision, open conflicts, parts still missing,
whether it is enrolled, and who to contact. :func:`rank` puts the late and silent first.
The reminder's words are written by ``exports.chase`` (Indonesian: they go to the kelurahan).

Pure functions over plain rows, and a batched read in :meth:`db.store.Store.chase_list`:
the status of every kelurahan per data year (one batch each), the bundle log, conflicts,
keys and contacts, one query each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from db.cityadmin import ContactRecord
from db.core import Core
from db.records import KelurahanStatus, UnitRecord
from db.sync import BundleLogRecord, PeerKey, SeriesStatus

STALE_DAYS = 30
"""A kelurahan that sent nothing for this long, while still incomplete, is "quiet"."""

STATES = ("late_silent", "silent", "late", "revision", "quiet", "incomplete", "done")
"""Most urgent first:
- late_silent: the deadline has passed and nothing was ever received;
- silent: nothing received yet (deadline not passed or not set);
- late: the deadline has passed and not every indicator is marked ready;
- revision: DP3AKB asked for revisions the kelurahan has not answered;
- quiet: incomplete and nothing received for ``STALE_DAYS`` days;
- incomplete: sending, not yet complete;
- done: every indicator of every data year marked ready, nothing waiting."""


@dataclass(frozen=True)
class YearProgress:
    data_year: int
    completeness: float
    ready: int
    indicators: int


@dataclass(frozen=True)
class ChaseRow:
    kelurahan_code: str
    kelurahan_name: str
    kecamatan_name: str
    state: str
    enrolled: bool
    last_received: str | None  # UTC ISO of the newest bundle imported
    last_sent: str | None  # when the kelurahan wrote that bundle (its manifest), UTC ISO
    last_receipt: str | None  # UTC ISO of the newest receipt written for it
    days_since: int | None  # days since the last bundle was received
    receipt_due: bool  # a bundle arrived after the last receipt: the kelurahan waits for one
    years: tuple[YearProgress, ...]
    revision: tuple[tuple[int, int, str], ...]
    """(data year, indicator, DP3AKB's note) sent back for revision and not changed since."""
    revised: int  # sent back, changed since: DP3AKB's turn to look again
    conflicts: int
    missing_parts: int
    contact: ContactRecord | None

    @property
    def completeness(self) -> float:
        return sum(y.completeness for y in self.years) / len(self.years) if self.years else 0.0

    @property
    def ready(self) -> int:
        return sum(y.ready for y in self.years)

    @property
    def indicators(self) -> int:
        return sum(y.indicators for y in self.years)


@dataclass(frozen=True)
class ChaseList:
    eval_year: int
    data_years: tuple[int, ...]
    deadline: dt.date | None
    today: dt.date
    rows: tuple[ChaseRow, ...]

    @property
    def days_left(self) -> int | None:
        return (self.deadline - self.today).days if self.deadline else None

    def count(self, *states: str) -> int:
        return sum(1 for r in self.rows if r.state in states)


def _day(stamp: str) -> dt.date:
    """The local calendar day of a UTC ISO stamp."""
    return dt.datetime.fromisoformat(stamp).astimezone().date()


def state_of(done: bool, received: bool, late: bool, revision: bool, quiet: bool) -> str:
    if done and not revision:
        return "done"
    if not received:
        return "late_silent" if late else "silent"
    if late:
        return "late"
    if revision:
        return "revision"
    return "quiet" if quiet else "incomplete"


def rank(rows: Iterable[ChaseRow]) -> list[ChaseRow]:
    """Most urgent first; within a state the furthest behind first, then by name."""
    order = {s: n for n, s in enumerate(STATES)}
    return sorted(rows, key=lambda r: (order.get(r.state, len(STATES)), r.completeness,
                                       -(r.days_since or 0), r.kelurahan_name))


def build(units: Sequence[UnitRecord], kecamatan: Mapping[str, str], statuses: Mapping[int, Sequence[KelurahanStatus]],
          bundles: Iterable[BundleLogRecord], keys: Iterable[PeerKey], conflicts: Mapping[str, int],
          series: Iterable[SeriesStatus], contacts: Mapping[str, ContactRecord],
          revisions: Iterable[tuple[str, int, int, str, bool]], eval_year: int, deadline: dt.date | None,
          today: dt.date) -> ChaseList:
    """The ranked chase list (pure): ``statuses`` per data year, the bundle log and the rest as read.

    ``revisions``: (kelurahan, data year, indicator, note, changed since the review) of every
    entry DP3AKB marked "perlu perbaikan"."""
    waiting: dict[str, list[tuple[int, int, str]]] = {}
    revised: dict[str, int] = {}
    for kel, year, ind, note, changed in revisions:
        if changed:
            revised[kel] = revised.get(kel, 0) + 1
        else:
            waiting.setdefault(kel, []).append((year, ind, note))
    last_in: dict[str, BundleLogRecord] = {}
    last_receipt: dict[str, str] = {}
    for b in bundles:
        if b.direction == "in" and b.type == "bundle":
            cur = last_in.get(b.kelurahan_code)
            if cur is None or b.recorded_at > cur.recorded_at:
                last_in[b.kelurahan_code] = b
        elif b.direction == "out" and b.type == "receipt":
            if b.recorded_at > last_receipt.get(b.kelurahan_code, ""):
                last_receipt[b.kelurahan_code] = b.recorded_at
    enrolled = {k.unit_code for k in keys if k.active}
    missing: dict[str, int] = {}
    for s in series:
        if s.missing:
            missing[s.kelurahan_code] = missing.get(s.kelurahan_code, 0) + len(s.missing)
    by_year = {y: {s.kelurahan_code: s for s in rows} for y, rows in statuses.items()}
    late = deadline is not None and today > deadline
    out = []
    for u in units:
        years = []
        for y in sorted(by_year):
            st = by_year[y].get(u.code)
            if st is not None:
                years.append(YearProgress(y, st.completeness, st.ready_count, len(st.indicators)))
        revision = sorted(waiting.get(u.code, []))
        got = last_in.get(u.code)
        days = (today - _day(got.recorded_at)).days if got else None
        done = bool(years) and all(y.ready == y.indicators for y in years)
        receipt = last_receipt.get(u.code)
        state = state_of(done, got is not None, late and not done, bool(revision),
                         days is not None and days >= STALE_DAYS)
        out.append(ChaseRow(
            u.code, u.name, kecamatan.get(u.parent_code or "", ""), state, u.code in enrolled,
            got.recorded_at if got else None, got.created_at if got else None, receipt, days,
            got is not None and (receipt is None or receipt < got.recorded_at), tuple(years), tuple(revision),
            revised.get(u.code, 0), conflicts.get(u.code, 0), missing.get(u.code, 0), contacts.get(u.code)))
    data_years = tuple(sorted(by_year))
    return ChaseList(eval_year, data_years, deadline, today, tuple(rank(out)))


def read_revisions(core: Core, years: Sequence[int]) -> list[tuple[str, int, int, str, bool]]:
    """Every entry sent back for revision in ``years``, and whether it changed since: one query."""
    if not years:
        return []
    return [(k, y, i, note or "", bool(changed)) for k, y, i, note, changed in core.db.conn.execute(
        "SELECT kelurahan_code, data_year, indicator_no, review_note,"
        " reviewed_at IS NOT NULL AND updated_at > reviewed_at FROM entries"
        f" WHERE review_state = 'perlu_perbaikan' AND data_year IN ({', '.join('?' * len(years))})", list(years))]
