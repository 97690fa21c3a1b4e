"""The open workspace as the windows see it: one store, one kelurahan, one data year.

Every write from the GUI goes through :class:`Session`. It calls the store, pushes an
undo step for value edits, and broadcasts the :class:`db.changes.Changes` the store
returned (``data_changed(changes, handler)``), so that each view refreshes only what it
shows. ``handler`` is the view that asked for the write: it already shows the change and
does not reload itself (Anki: ``operation_did_execute(changes, handler)`` and
``if handler is not self.editor``). Work done in a worker through its own connection is
broadcast with :meth:`Session.notify`. Switching the data year is not a change of data:
views that show one year listen to ``year_changed``.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.changes import Changes
from db.errors import KlaError
from db.records import IndicatorStatus, ValueChange
from db.store import Store
from ui.messages import error_text, render
from ui.widgets.dialogs import Dialogs


def kla_error_text(exc: KlaError) -> str:
    """The user's sentence for a store error, in the chosen language.

    ``ui.messages`` holds the Indonesian templates; English comes from the Qt Linguist
    file (context ``messages``), translated *before* the parameters are filled in.
    """
    return error_text(exc, translate_message)


def message_text(code: str, /, **params: object) -> str:
    """The sentence of a ``ui.messages`` code that is not an error, in the chosen language."""
    return render(code, params, translate_message)


def translate_message(text: str) -> str:
    """One template or phrase of ``ui.messages`` in the chosen language (Qt Linguist, context ``messages``)."""
    return QCoreApplication.translate("messages", text)


class _SetValueCommand(QUndoCommand):
    """One value edit. Created after the store accepted it, so the first redo is skipped."""

    def __init__(self, session: Session, change: ValueChange, label: str) -> None:
        super().__init__(label)
        self._session = session
        self._change = change
        self._first = True

    def _apply(self, value: Any) -> None:
        c = self._change
        try:
            # No handler: every view, the form that was typed in too, shows the value undone.
            self._session.write_value(c.data_year, c.indicator_no, c.item_key, value, c.sex, c.age, record=False)
        except KlaError as exc:
            # The store refused the old value (e.g. it would now break a part/whole rule):
            # say so instead of failing silently; the stack stays where it was.
            self._session.error_raised.emit(kla_error_text(exc))
            self.setObsolete(True)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self._change.new)

    def undo(self) -> None:
        self._apply(self._change.old)


class _ValuesCommand(QUndoCommand):
    """Several value edits as one undo step (a paste, a cleared block, "Salin dari tahun lalu").

    Created after the store made them, so the first redo is skipped. Each direction writes every
    cell of one indicator in one transaction (``Store.set_values``) and broadcasts once.
    """

    def __init__(self, session: Session, changes: tuple[ValueChange, ...], label: str) -> None:
        super().__init__(label)
        self._session = session
        self._changes = tuple(c for c in changes if c.changed)
        self._first = True

    def _apply(self, new: bool) -> None:
        s = self._session
        groups: dict[tuple[int, int], list[tuple[str, str, str, Any]]] = {}
        for c in self._changes:
            groups.setdefault((c.data_year, c.indicator_no), []).append(
                (c.item_key, c.sex, c.age, c.new if new else c.old))
        out = Changes.none()
        try:
            s._check_writable()
            with s.store.transaction():
                for (year, no), cells in groups.items():
                    out = out | s.store.set_values(s.kelurahan_code, year, no, cells)
        except KlaError as exc:
            s.error_raised.emit(kla_error_text(exc))
            self.setObsolete(True)
            return
        s.notify(out)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(True)

    def undo(self) -> None:
        self._apply(False)


class _RecordCommand(QUndoCommand):
    """A new activity or facility, or evidence removed for good: undo takes it back, redo does it again.

    ``do()`` and ``undo_()`` return the Changes to broadcast; created after the first ``do``.
    """

    def __init__(self, session: Session, label: str, do: Any, undo: Any) -> None:
        super().__init__(label)
        self._session = session
        self._do = do
        self._undo = undo
        self._first = True

    def _run(self, fn: Any) -> None:
        s = self._session
        try:
            s._check_writable()
            s.notify(fn())
        except KlaError as exc:
            s.error_raised.emit(kla_error_text(exc))
            self.setObsolete(True)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


class _EvidenceLinkCommand(QUndoCommand):
    """Taking evidence off an indicator, activity or facility while the file stays in use elsewhere.

    Created after the store made the change, so the first redo is skipped; undo puts the link back.
    """

    def __init__(self, session: Session, owner: str, owner_id: Any, evidence_id: str, year: int,
                 label: str) -> None:
        super().__init__(label)
        self._session = session
        self._owner = owner
        self._owner_id = owner_id
        self._evidence_id = evidence_id
        self._year = year
        self._first = True

    def _apply(self, linked: bool) -> None:
        s, store = self._session, self._session.store
        try:
            s._check_writable()
            if self._owner == "indicator":
                if linked:
                    changes = store.link_evidence(self._evidence_id, self._year, int(self._owner_id))
                else:
                    changes = store.unlink_evidence(self._evidence_id, self._year, int(self._owner_id))
            elif linked:
                changes = store.attach_evidence(self._owner, str(self._owner_id), self._evidence_id)
            else:
                changes = store.detach_evidence(self._owner, str(self._owner_id), self._evidence_id)
        except KlaError as exc:
            s.error_raised.emit(kla_error_text(exc))
            self.setObsolete(True)
            return
        s.notify(changes)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(False)

    def undo(self) -> None:
        self._apply(True)


class WorkspaceContext:
    """The open workspace's data year, template and folder: shared by both windows' sessions.

    A subclass is a QObject with ``store``, ``_year`` and the ``year_changed`` and
    ``data_changed`` signals.
    """

    store: Store
    _year: int
    _during_broadcast: dict[Any, Any] | None = None

    @property
    def year(self) -> int:
        return self._year

    def set_year(self, year: int) -> None:
        if year == self._year:
            return
        self.store.period_for_data_year(year)
        self._year = year
        # Undo steps belong to the year they were made in; keep them, they carry their year.
        # No data changed: the views that show one year listen to year_changed.
        self.year_changed.emit(year)  # type: ignore[attr-defined]

    @property
    def template(self):  # noqa: ANN201 - db.template.Template
        return self.store.template

    @property
    def home(self):  # noqa: ANN201 - pathlib.Path
        return self.store.paths.home

    def ask_operator(self, parent: Any, title: str, label: str) -> None:
        """"Ganti petugas" in either window: the name asked, and a refusal (an empty name) shown in the
        dialog, which stays open with what was typed."""
        def take(name: str) -> str:
            try:
                self.set_operator(name)  # type: ignore[attr-defined]
            except KlaError as exc:
                return kla_error_text(exc)
            return ""

        self.dialogs.ask_text(parent, title, label, self.store.operator, check=take)  # type: ignore[attr-defined]

    def notify(self, changes: Changes, handler: object | None = None) -> Changes:
        """Broadcast ``changes`` (from a store write, or from a worker that wrote through its own
        connection); nothing is sent when nothing changed. Returns ``changes``."""
        if changes:
            # While one broadcast is delivered, views asking for the same read share it (see
            # Session.indicator_status); the memo lives only as long as the broadcast.
            outer = self._during_broadcast
            self._during_broadcast = {}
            try:
                self.data_changed.emit(changes, handler)  # type: ignore[attr-defined]
            finally:
                # Inside shared_reads(): what was read before this write is stale, start afresh.
                self._during_broadcast = {} if outer is not None else None
        return changes


class Session(QObject, WorkspaceContext):
    """The workspace opened in this window."""

    data_changed = Signal(object, object)
    """Data changed: (the :class:`db.changes.Changes`, the view that asked for the write or None).
    A view that is the handler already shows the change and need not reload."""
    year_changed = Signal(int)
    """The data year shown was switched; the argument is the new data year."""
    error_raised = Signal(str)
    """A background write failed; the argument is the sentence to show."""
    indicator_requested = Signal(int)
    """Someone asked to open an indicator's form; the argument is its number."""

    def __init__(self, store: Store, *, read_only: bool = False, dialogs: Dialogs | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.read_only = read_only
        self.dialogs = dialogs or Dialogs()
        self.undo_stack = QUndoStack(self)
        self.kelurahan_code = store.kelurahan_code
        self.closed = False
        self._leave_guards: list[Any] = []
        self._undone: dict[str, Any] = {}  # activities and facilities taken back by Ctrl+Z, for redo
        period = store.current_period()
        self._year = max(period.data_years)

    # ------------------------------------------------------------------ context

    def eval_year(self, year: int | None = None) -> int:
        return self.store.period_for_data_year(year or self._year).eval_year

    @contextlib.contextmanager
    def shared_reads(self) -> Iterator[None]:
        """Within the block, views asking for the same read share it, as during a broadcast (the
        indicator page opening an indicator: the form and the evidence panel both need its status)."""
        if self._during_broadcast is not None:
            yield
            return
        self._during_broadcast = {}
        try:
            yield
        finally:
            self._during_broadcast = None

    def indicator_status(self, indicator_no: int, year: int | None = None) -> IndicatorStatus:
        """One indicator's status for this kelurahan (the year shown unless given).

        During a broadcast the form, the indicator list, the evidence panel and Beranda all ask
        for the indicator just typed in: they share one read instead of four.
        """
        key = ("indicator_status", year or self._year, indicator_no)
        memo = self._during_broadcast
        if memo is not None and key in memo:
            return memo[key]
        st = self.store.indicator_status(self.kelurahan_code, year or self._year, indicator_no)
        if memo is not None:
            memo[key] = st
        return st

    def set_operator(self, name: str, *, handler: object | None = None) -> None:
        name = name.strip()
        if not name:
            raise KlaError("operator_empty")
        if not self.read_only:
            changes = self.store.set_operator(name)
        else:
            self.store.operator = name
            changes = Changes.of("operator", name)
        self.notify(changes, handler)

    def close(self) -> None:
        """Close the store; later late signals (a focus-out while the window goes) write nothing."""
        if not self.closed:
            self.closed = True
            self.store.close()
            # Copies kept so that Ctrl+Z could bring deleted evidence back: the undo steps end here.
            shutil.rmtree(self.store.paths.tmp / "urungkan", ignore_errors=True)

    def _check_writable(self) -> None:
        if self.closed:
            raise KlaError("cancelled")
        if self.read_only:
            raise KlaError("read_only")

    # ------------------------------------------------------------------ values

    def write_value(self, year: int, indicator_no: int, item_key: str, value: Any, sex: str = "", age: str = "",
                    *, record: bool = True, handler: object | None = None) -> ValueChange:
        """Store one cell; on success push an undo step (when ``record``) and broadcast."""
        self._check_writable()
        changes = self.store.set_value(self.kelurahan_code, year, indicator_no, item_key, value, sex=sex, age=age)
        change: ValueChange = changes.record
        if changes:
            if record:
                label = QCoreApplication.translate("Session", "Ubah %1").replace(
                    "%1", self._item_label(indicator_no, item_key))
                self.undo_stack.push(_SetValueCommand(self, change, label))
            self.notify(changes, handler)
        return change

    def write_values(self, year: int, indicator_no: int, cells: list[tuple[str, str, str, Any]], label: str, *,
                     handler: object | None = None) -> tuple[ValueChange, ...]:
        """Store a block of cells (a paste, a cleared selection) as one write and one undo step."""
        self._check_writable()
        changes = self.store.set_values(self.kelurahan_code, year, indicator_no, cells)
        record: tuple[ValueChange, ...] = changes.record
        if changes:
            self.undo_stack.push(_ValuesCommand(self, record, label))
            self.notify(changes, handler)
        return record

    def copy_from_last_year(self, indicator_no: int | None, *, handler: object | None = None) -> tuple[ValueChange, ...]:
        """"Salin dari tahun lalu": stable answers of the previous data year into empty cells; one undo step."""
        self._check_writable()
        changes = self.store.copy_from_last_year(self.kelurahan_code, self._year, indicator_no)
        record: tuple[ValueChange, ...] = changes.record
        if changes:
            label = QCoreApplication.translate("Session", "Salin dari tahun %1").replace("%1", str(self._year - 1))
            self.undo_stack.push(_ValuesCommand(self, record, label))
            self.notify(changes, handler)
        return record

    # ------------------------------------------------------------------ leaving

    def add_leave_guard(self, guard: Any) -> None:
        """``guard()`` returns False to keep the clerk where they are (typed text not stored yet)."""
        self._leave_guards.append(guard)

    def confirm_leave(self) -> bool:
        """Ask every guard before showing other data (another indicator, another year)."""
        return all(guard() for guard in self._leave_guards)

    def _item_label(self, indicator_no: int, item_key: str) -> str:
        """The item's name from the template (what the clerk sees), not its internal key."""
        try:
            return self.template.indicator(indicator_no).item(item_key).label
        except KlaError:
            return item_key

    def set_value(self, indicator_no: int, item_key: str, value: Any, sex: str = "", age: str = "", *,
                  handler: object | None = None) -> ValueChange:
        return self.write_value(self._year, indicator_no, item_key, value, sex, age, handler=handler)

    def set_notes(self, indicator_no: int, notes: str, *, handler: object | None = None) -> None:
        self._check_writable()
        self.notify(self.store.set_notes(self.kelurahan_code, self._year, indicator_no, notes), handler)

    def set_status(self, indicator_no: int, status: str, *, handler: object | None = None) -> None:
        self._check_writable()
        self.notify(self.store.set_status(self.kelurahan_code, self._year, indicator_no, status), handler)

    # ------------------------------------------------------------------ evidence

    def evidence_changed(self, indicators: tuple[int, ...] = (), ids: tuple[str, ...] = ()) -> None:
        """Evidence of these indicators (of the year shown) was written elsewhere, e.g. straight through
        ``session.store``: broadcast it. (Before writes returned Changes this was how; kept for callers
        that write past the session.)"""
        self.notify(Changes.of("evidence", ids, units=[self.kelurahan_code],
                               indicators=[(self._year, i) for i in indicators]))

    def update_evidence(self, evidence_id: str, *, handler: object | None = None, **fields: Any):  # noqa: ANN201
        """Change an evidence record's details; returns the updated :class:`EvidenceRecord`."""
        self._check_writable()
        changes = self.store.update_evidence(evidence_id, **fields)
        self.notify(changes, handler)
        return changes.record

    def link_evidence(self, evidence_id: str, indicator_no: int, linked: bool, *,
                      handler: object | None = None) -> None:
        self._check_writable()
        if linked:
            changes = self.store.link_evidence(evidence_id, self._year, indicator_no)
        else:
            changes = self.store.unlink_evidence(evidence_id, self._year, indicator_no)
        self.notify(changes, handler)

    def set_evidence_requirement(self, evidence_id: str, indicator_no: int, requirement: str, *,
                                 handler: object | None = None) -> None:
        """Which evidence requirement of an indicator (of the year shown) a file fulfils ('' = by its kind)."""
        self._check_writable()
        self.notify(self.store.set_evidence_requirement(evidence_id, self._year, indicator_no, requirement), handler)

    def remove_evidence_from(self, owner: str, owner_id: Any, evidence_id: str, *,
                             handler: object | None = None) -> bool:
        """Take evidence off an indicator ('indicator', no), activity or facility; one undo step.

        The record (and its file) goes only when nothing else uses it any more; returns True
        when that happened. Ctrl+Z then adds the file back from a copy kept for the session.
        """
        self._check_writable()
        year = self._year
        rec = self.store.evidence(evidence_id)
        changes = self._unlink(owner, owner_id, evidence_id, year)
        gone = False
        name = rec.caption or rec.original_name
        if self.store.evidence_usage(evidence_id) == 0:
            kept = self._keep_for_undo(rec)
            changes = changes | self.store.remove_evidence(evidence_id)
            gone = True
            if kept is None:
                # No copy could be kept: Ctrl+Z cannot bring the file back, so it must not quietly
                # revert an earlier edit instead.
                self.undo_stack.clear()
            else:
                current = [rec.id]

                def again() -> Changes:
                    now = self.store.evidence(current[0])
                    self._keep_for_undo(now)
                    out = self._unlink(owner, owner_id, now.id, year)
                    return out | self.store.remove_evidence(now.id)

                def back() -> Changes:
                    out = self.store.add_evidence(
                        self.kelurahan_code, kept, links=[(year, int(owner_id))] if owner == "indicator" else [],
                        kind=rec.kind, caption=rec.caption, doc_date=rec.doc_date, doc_number=rec.doc_number,
                        issuer=rec.issuer, original_name=rec.original_name, keep_original=True)
                    current[0] = out.record.id
                    if owner != "indicator":
                        out = out | self.store.attach_evidence(owner, str(owner_id), current[0])
                    return out

                label = QCoreApplication.translate("Session", "Hapus data dukung %1").replace("%1", name)
                self.undo_stack.push(_RecordCommand(self, label, again, back))
        else:
            label = QCoreApplication.translate("Session", "Lepaskan data dukung %1").replace("%1", name)
            self.undo_stack.push(_EvidenceLinkCommand(self, owner, owner_id, evidence_id, year, label))
        self.notify(changes, handler)
        return gone

    def _unlink(self, owner: str, owner_id: Any, evidence_id: str, year: int) -> Changes:
        if owner == "indicator":
            return self.store.unlink_evidence(evidence_id, year, int(owner_id))
        return self.store.detach_evidence(owner, str(owner_id), evidence_id)

    def _keep_for_undo(self, rec: Any) -> Path | None:  # rec: EvidenceRecord
        """A copy of an evidence file about to be deleted, so that Ctrl+Z can add it back.

        Kept under the workspace's tmp folder (same disk, so the copy is cheap and never leaves
        the workspace) until the window closes.
        """
        src = self.store.evidence_path(rec)
        dest = self.store.paths.tmp / "urungkan" / rec.sha256 / rec.original_name
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not dest.exists():
                shutil.copyfile(src, dest)
        except OSError:
            return None
        return dest

    # ------------------------------------------------------------------ activities / facilities

    def add_activity(self, title: str, *, handler: object | None = None, **fields: Any):  # noqa: ANN201
        """A new activity of the year shown; Ctrl+Z takes it away again (one undo step)."""
        self._check_writable()
        year = self._year
        changes = self.store.add_activity(self.kelurahan_code, year, title, **fields)
        current = [changes.record.id]

        def again() -> Changes:
            r = self._undone[current[0]]
            out = self.store.add_activity(self.kelurahan_code, r.data_year, r.title, kind=r.kind, date=r.date,
                                          description=r.description, partners=r.partners, indicators=r.indicators,
                                          evidence_ids=[e for e in r.evidence_ids if self._evidence_exists(e)])
            current[0] = out.record.id
            return out

        def back() -> Changes:
            self._undone[current[0]] = self.store.activity(current[0])
            return self.store.delete_activity(current[0])

        label = QCoreApplication.translate("Session", "Tambah kegiatan %1").replace("%1", title)
        self.undo_stack.push(_RecordCommand(self, label, again, back))
        self.notify(changes, handler)
        return changes.record

    def _evidence_exists(self, evidence_id: str) -> bool:
        try:
            self.store.evidence(evidence_id)
        except KlaError:
            return False
        return True

    def update_activity(self, activity_id: str, *, handler: object | None = None, **fields: Any):  # noqa: ANN201
        self._check_writable()
        changes = self.store.update_activity(activity_id, **fields)
        self.notify(changes, handler)
        return changes.record

    def delete_activity(self, activity_id: str, *, handler: object | None = None) -> None:
        self._check_writable()
        self.notify(self.store.delete_activity(activity_id), handler)

    def add_facility(self, name: str, type: str, *, handler: object | None = None, **fields: Any):  # noqa: ANN201, A002
        """A new facility; Ctrl+Z takes it away again (one undo step)."""
        self._check_writable()
        changes = self.store.add_facility(self.kelurahan_code, name, type, **fields)
        current = [changes.record.id]

        def again() -> Changes:
            r = self._undone[current[0]]
            out = self.store.add_facility(self.kelurahan_code, r.name, r.type, address=r.address,
                                          latitude=r.latitude, longitude=r.longitude,
                                          standardisation=r.standardisation, notes=r.notes,
                                          evidence_ids=[e for e in r.evidence_ids if self._evidence_exists(e)])
            current[0] = out.record.id
            return out

        def back() -> Changes:
            self._undone[current[0]] = self.store.facility(current[0])
            return self.store.delete_facility(current[0])

        label = QCoreApplication.translate("Session", "Tambah fasilitas %1").replace("%1", name)
        self.undo_stack.push(_RecordCommand(self, label, again, back))
        self.notify(changes, handler)
        return changes.record

    def update_facility(self, facility_id: str, *, handler: object | None = None, **fields: Any):  # noqa: ANN201
        self._check_writable()
        changes = self.store.update_facility(facility_id, **fields)
        self.notify(changes, handler)
        return changes.record

    def delete_facility(self, facility_id: str, *, handler: object | None = None) -> None:
        self._check_writable()
        self.notify(self.store.delete_facility(facility_id), handler)

    # ------------------------------------------------------------------ settings

    def photo_limits(self) -> tuple[int, int]:
        """(long side in pixels, JPEG quality) for imported photos."""
        return self.store.photo_limits()

    def set_photo_limits(self, side: int, quality: int, *, handler: object | None = None) -> None:
        self._check_writable()
        self.notify(self.store.set_photo_limits(side, quality), handler)
