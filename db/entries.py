"""Indicator entries and their values: the only writer of ``entries`` and ``entry_values``.

An entry is one kelurahan's data for one data year and indicator: its values (by sex and
age band where the template says so), notes, draft/ready status and DP3AKB's review. A
value typed in the window, set from the command line, imported from a workbook or arriving
in a bundle passes the same rules (``db.rules``) and is written by the same code below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from db import rules
from db.changes import Changes
from db.core import Core, dump, load, now_iso
from db.errors import KlaError
from db.flag_reads import flag_context
from db.records import AuditRecord, EntryRecord, ValueChange, ValueRecord
from db.refdata import RefData
from db.template import CellValues, Indicator, Template, computed_values

# One cell stored (its revision counts every change): (entry_id, item_key, sex, age, value, operator, updated_at).
UPSERT_CELL = (
    "INSERT INTO entry_values(entry_id, item_key, sex, age, value, revision, operator, updated_at)"
    " VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(entry_id, item_key, sex, age) DO UPDATE SET"
    " value = excluded.value, revision = entry_values.revision + 1,"
    " operator = excluded.operator, updated_at = excluded.updated_at"
)
# UPSERT_CELL for many cells at once (db.core.Core.insert_rows): the same rows.
_CELLS_HEAD = "INSERT INTO entry_values(entry_id, item_key, sex, age, value, revision, operator, updated_at)"
_CELLS_TAIL = UPSERT_CELL[UPSERT_CELL.index(" ON CONFLICT"):]

Cell = tuple[str, str, str]
# (entry row, its cells) -> (cells under the new version, [(cell, value, reason)] put aside, keys with nowhere to go)
Remap = Callable[[dict[str, Any], dict[Cell, Any]], tuple[dict[Cell, Any], list[tuple[Cell, Any, str]], list[str]]]


def value_key(kel: str, year: int, ind: int, item: str, sex: str, age: str) -> str:
    return f"{kel}/{year}/{ind}/{item}/{sex}/{age}"


def entry_key(kel: str, year: int, ind: int) -> str:
    return f"{kel}/{year}/{ind}"


def entry_from_row(r: dict[str, Any]) -> EntryRecord:
    return EntryRecord(
        r["id"], r["kelurahan_code"], r["data_year"], r["indicator_no"], r["status"], r["notes"],
        r["revision"], r["template_id"], r["template_version"], r["operator"], r["updated_at"],
        r.get("review_state", "") or "", r.get("review_note", "") or "",
    )


def missing_required(template: Template, indicator: Indicator, values: CellValues) -> tuple[str, ...]:
    """Required items with at least one empty cell."""
    return tuple(
        it.key for it in indicator.items
        if it.required and any((it.key, s, a) not in values for s, a in template.cells(it))
    )


class Entries:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref

    # ------------------------------------------------------------------ reads

    def row(self, kel: str, year: int, ind: int) -> dict[str, Any] | None:
        return self.core.one(
            "SELECT * FROM entries WHERE kelurahan_code = ? AND data_year = ? AND indicator_no = ?", [kel, year, ind]
        )

    def row_keys(self, kel: str) -> set[tuple[int, int]]:
        """(data year, indicator) of every row ``kel`` has, an empty shell's too."""
        return {(r[0], r[1]) for r in self.core.db.conn.execute(
            "SELECT data_year, indicator_no FROM entries WHERE kelurahan_code = ?", [kel])}

    def entry(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> EntryRecord | None:
        row = self.row(self.ref.kel(kelurahan_code), data_year, indicator_no)
        return entry_from_row(row) if row else None

    def changed_since_review(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> bool:
        """Whether the entry was changed after its review was recorded here (at a kelurahan: after the
        receipt that brought it; a receipt repeating the same review leaves that time as it was)."""
        row = self.row(self.ref.kel(kelurahan_code), data_year, indicator_no)
        return bool(row and row.get("reviewed_at") and row.get("updated_at") and row["updated_at"] > row["reviewed_at"])

    def entries(self, kelurahan_code: str | None = None, data_year: int | None = None) -> list[EntryRecord]:
        sql, params = "SELECT * FROM entries WHERE 1=1", list[Any]()
        if kelurahan_code:
            sql += " AND kelurahan_code = ?"
            params.append(kelurahan_code)
        if data_year:
            sql += " AND data_year = ?"
            params.append(data_year)
        return [entry_from_row(r) for r in self.core.query(sql + " ORDER BY kelurahan_code, data_year, indicator_no", params)]

    def latest_data_year(self, kelurahan_code: str | None = None) -> int | None:
        """The latest data year with a value typed (of this unit, or of any): what a report is printed for."""
        sql = "SELECT max(e.data_year) AS y FROM entries e WHERE EXISTS (SELECT 1 FROM entry_values v WHERE v.entry_id = e.id)"
        params: list[Any] = []
        if kelurahan_code:
            sql += " AND e.kelurahan_code = ?"
            params.append(kelurahan_code)
        row = self.core.one(sql, params)
        return int(row["y"]) if row and row["y"] is not None else None

    def _value_rows(self, kel: str, year: int, ind: int) -> list[dict[str, Any]]:
        return self.core.rows(
            "SELECT v.* FROM entry_values v JOIN entries e ON e.id = v.entry_id"
            " WHERE e.kelurahan_code = ? AND e.data_year = ? AND e.indicator_no = ? ORDER BY v.item_key, v.sex, v.age",
            [kel, year, ind],
        )

    def value_records(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> list[ValueRecord]:
        kel = self.ref.kel(kelurahan_code)
        return [
            ValueRecord(r["item_key"], r["sex"], r["age"], load(r["value"]), r["revision"], r["operator"], r["updated_at"])
            for r in self._value_rows(kel, data_year, indicator_no)
        ]

    def year_values(self, data_year: int, kelurahan_code: str | None = None
                    ) -> list[tuple[str, int, str, str, str, Any, str, str]]:
        """Every stored value of one data year, of every kelurahan (or of one), in one query:
        (kelurahan, indicator, item, sex, age, value, operator, updated_at), ordered by kelurahan,
        indicator, item, sex and age (the order of :meth:`entries` and :meth:`value_records`)."""
        sql = ("SELECT e.kelurahan_code, e.indicator_no, v.item_key, v.sex, v.age, v.value, v.operator, v.updated_at"
               " FROM entries e JOIN entry_values v ON v.entry_id = e.id WHERE e.data_year = ?")
        params: list[Any] = [data_year]
        if kelurahan_code is not None:
            sql += " AND e.kelurahan_code = ?"
            params.append(self.ref.kel(kelurahan_code))
        rows = self.core.db.conn.execute(sql + " ORDER BY e.kelurahan_code, e.indicator_no, v.item_key, v.sex, v.age",
                                         params)
        return [(kel, ind, item, sex, age, int(text) if text.isdigit() else load(text), op, at)
                for kel, ind, item, sex, age, text, op, at in rows]

    def values(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> CellValues:
        """The stored values of one entry as {(item, sex, age): value}."""
        kel = self.ref.kel(kelurahan_code)
        return {(r["item_key"], r["sex"], r["age"]): load(r["value"]) for r in self._value_rows(kel, data_year, indicator_no)}

    def values_of(self, kel: str, data_year: int) -> dict[int, CellValues]:
        """Every value of one kelurahan-year in one query, by indicator."""
        out: dict[int, CellValues] = {}
        for r in self.core.query(
            "SELECT e.indicator_no, v.item_key, v.sex, v.age, v.value FROM entry_values v"
            " JOIN entries e ON e.id = v.entry_id WHERE e.kelurahan_code = ? AND e.data_year = ?",
            [kel, data_year],
        ):
            out.setdefault(r["indicator_no"], {})[(r["item_key"], r["sex"], r["age"])] = load(r["value"])
        return out

    def computed(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> CellValues:
        t = self.ref.template
        return computed_values(t, t.indicator(indicator_no), self.values(kelurahan_code, data_year, indicator_no))

    def value_history(
        self, kelurahan_code: str | None, data_year: int, indicator_no: int, item_key: str, sex: str = "", age: str = ""
    ) -> list[AuditRecord]:
        """Every change of one cell, newest first."""
        key = value_key(self.ref.kel(kelurahan_code), data_year, indicator_no, item_key, sex, age)
        return [r for r in self.core.audit_log("value", key, limit=1000) if r.entity_key == key]

    def reviews(self, kel: str) -> list[dict[str, Any]]:
        """DP3AKB's review state and note per entry of ``kel`` that has one."""
        return [
            {"data_year": r["data_year"], "indicator_no": r["indicator_no"], "state": r["review_state"],
             "note": r["review_note"]}
            for r in self.core.query(
                "SELECT data_year, indicator_no, review_state, review_note FROM entries WHERE kelurahan_code = ?"
                " AND (review_state != '' OR review_note != '') ORDER BY 1, 2", [kel])
        ]

    # ------------------------------------------------------------------ the shared writers

    def _target(self, kelurahan_code: str | None, year: int, ind: int) -> tuple[str, Indicator]:
        kel = self.ref.kel(kelurahan_code)
        self.ref.period_for_data_year(year)
        return kel, self.ref.template.indicator(ind)

    def _ensure(self, kel: str, year: int, ind: int, row: dict[str, Any] | None = None) -> dict[str, Any]:
        row = row if row is not None else self.row(kel, year, ind)
        if row is None:
            t = self.ref.template
            stamp = now_iso()
            cur = self.core.execute(
                "INSERT INTO entries(kelurahan_code, data_year, indicator_no, status, notes, revision,"
                " template_id, template_version, operator, updated_at) VALUES (?, ?, ?, 'draft', '', 0, ?, ?, ?, ?)",
                [kel, year, ind, t.id, t.version, self.core.operator, stamp],
            )
            row = {"id": cur.lastrowid, "kelurahan_code": kel, "data_year": year, "indicator_no": ind,
                   "status": "draft", "notes": "", "revision": 0, "template_id": t.id,
                   "template_version": t.version, "operator": self.core.operator, "updated_at": stamp,
                   "review_state": "", "review_note": "", "reviewed_at": None}
        return row

    def _bump(self, entry_id: int, operator: str | None = None, stamp: str | None = None) -> None:
        self.core.execute(
            "UPDATE entries SET revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
            [self.core.operator if operator is None else operator, stamp or now_iso(), entry_id],
        )

    def _write_cell(self, entry_id: int, cell: tuple[str, str, str], value: Any, operator: str, stamp: str) -> None:
        """Store (or clear, with None) one cell; its revision counts every change."""
        if value is None:
            self.core.execute(
                "DELETE FROM entry_values WHERE entry_id = ? AND item_key = ? AND sex = ? AND age = ?",
                [entry_id, *cell],
            )
        else:
            self.core.execute(UPSERT_CELL, [entry_id, *cell, dump(value), operator, stamp])

    # ------------------------------------------------------------------ typed values

    def set_value(
        self, kelurahan_code: str | None, data_year: int, indicator_no: int, item_key: str, value: Any,
        *, sex: str = "", age: str = "",
    ) -> Changes:
        """Validate and store one cell. ``value`` may be typed text ('1.234') or a Python value.

        None or '' clears the cell. Refused (KlaError, nothing written): unknown indicator,
        item, sex or age band; a value of the wrong kind; a negative or fractional count.
        A value of the right kind is always stored, even when it breaks a rule between values
        (a part larger than its whole, a big change from last year): save and flag, never
        drop. The ``record`` of the returned Changes is the :class:`ValueChange`, whose
        ``flags`` are the entry's flags touching this cell.
        """
        changes = self.set_values(kelurahan_code, data_year, indicator_no, [(item_key, sex, age, value)])
        vc = changes.record[0]
        return changes.with_record(vc)

    def set_values(
        self, kelurahan_code: str | None, data_year: int, indicator_no: int,
        cells: Iterable[tuple[str, str, str, Any]],
    ) -> Changes:
        """Store several cells of one entry in one transaction: (item_key, sex, age, value) each.

        Every cell is checked first (:func:`db.rules.check_cell`); one refused cell refuses
        them all and nothing is written. ``record`` is a tuple of :class:`ValueChange`, one
        per cell in the given order (``changed`` False where the value was already there).
        """
        kel, indicator = self._target(kelurahan_code, data_year, indicator_no)
        t = self.ref.template
        wanted: dict[tuple[str, str, str], Any] = {}
        order: list[tuple[str, str, str]] = []
        for item_key, sex, age, value in cells:
            _, s, a, new = rules.check_cell(t, indicator, item_key, sex, age, value)
            cell = (item_key, s, a)
            if cell not in wanted:
                order.append(cell)
            wanted[cell] = new
        written: list[tuple[tuple[str, str, str], Any, Any]] = []
        with self.core.transaction():
            row = self.row(kel, data_year, indicator_no)
            current: CellValues = {}
            if row is not None:
                current = {
                    (r["item_key"], r["sex"], r["age"]): load(r["value"])
                    for r in self.core.query("SELECT item_key, sex, age, value FROM entry_values WHERE entry_id = ?",
                                             [row["id"]])
                }
            for cell in order:
                old, new = current.get(cell), wanted[cell]
                if old == new and (old is not None or cell not in current):
                    continue
                written.append((cell, old, new))
            if written:
                entry = self._ensure(kel, data_year, indicator_no, row)
                stamp = now_iso()
                for cell, old, new in written:
                    self._write_cell(entry["id"], cell, new, self.core.operator, stamp)
                    self.core.audit("set" if new is not None else "clear", "value",
                                    value_key(kel, data_year, indicator_no, *cell), old, new)
                    if new is None:
                        current.pop(cell, None)
                    else:
                        current[cell] = new
                self._bump(entry["id"], stamp=stamp)
            flags = self.flags_of(kel, data_year, indicator, current)
            if written and entry["status"] == "ready" and rules.blocking(flags):
                # "Siap" meant complete and consistent; a part now larger than its whole makes it a
                # draft again (the value is kept, the flag says what to check).
                self.core.execute("UPDATE entries SET status = 'draft' WHERE id = ?", [entry["id"]])
                self.core.audit("update", "entry.status", entry_key(kel, data_year, indicator_no), "ready", "draft")
        old_of = {cell: old for cell, old, _ in written}
        record = tuple(
            ValueChange(kel, data_year, indicator_no, *cell, old_of.get(cell, wanted[cell]), wanted[cell],
                        cell in old_of, rules.touching(flags, cell))
            for cell in order
        )
        if not written:
            return Changes.none(record)
        return Changes(
            frozenset({("value", value_key(kel, data_year, indicator_no, *cell)) for cell in old_of}
                      | {("entry", entry_key(kel, data_year, indicator_no))}),
            frozenset({kel}), frozenset({(data_year, indicator_no)}), record,
        )

    def flags_of(self, kel: str, data_year: int, indicator: Indicator,
                 values: CellValues | None = None) -> tuple[dict[str, Any], ...]:
        """Every flag of one entry (``db.rules.entry_flags``): the same rules for typed and bundled values."""
        t = self.ref.template
        if values is None:
            values = self.values(kel, data_year, indicator.no)
        last, others = flag_context(self.core, t, kel, data_year, indicator.no)
        return rules.entry_flags(t, indicator, values, last, others)

    def copy_from_last_year(self, kelurahan_code: str | None, data_year: int,
                            indicator_no: int | None = None) -> Changes:
        """Copy the stable answers of the previous data year into empty cells of ``data_year``.

        Stable answers are yes/no, choices, text (a regulation's number and title) and dates
        (``db.rules.stable_items``), never counts. A cell that already holds a value this year
        is left alone. One indicator, or all with ``indicator_no=None``; one transaction.
        ``record`` is a tuple of the :class:`ValueChange` made (empty when nothing was copied).
        """
        kel = self.ref.kel(kelurahan_code)
        self.ref.period_for_data_year(data_year)
        t = self.ref.template
        nos = [indicator_no] if indicator_no is not None else [i.no for i in t.indicators]
        indicators = [t.indicator(n) for n in nos]
        last_year = self.values_of(kel, data_year - 1)
        this_year = self.values_of(kel, data_year)
        out = Changes.none(())
        made: list[ValueChange] = []
        with self.core.transaction():
            for ind in indicators:
                cells = [
                    (it.key, "", "", last_year[ind.no][(it.key, "", "")])
                    for it in rules.stable_items(ind)
                    if (it.key, "", "") in last_year.get(ind.no, {}) and (it.key, "", "") not in this_year.get(ind.no, {})
                ]
                if not cells:
                    continue
                ch = self.set_values(kel, data_year, ind.no, cells)
                made += [vc for vc in ch.record if vc.changed]
                out = out | ch
        return out.with_record(tuple(made))

    def _entry_changes(self, kel: str, year: int, ind: int, record: Any = None) -> Changes:
        return Changes.of("entry", entry_key(kel, year, ind), units=[kel], indicators=[(year, ind)], record=record)

    def set_notes(self, kelurahan_code: str | None, data_year: int, indicator_no: int, notes: str) -> Changes:
        kel, _ = self._target(kelurahan_code, data_year, indicator_no)
        with self.core.transaction():
            entry = self._ensure(kel, data_year, indicator_no)
            if entry["notes"] == notes:
                return Changes.none()
            self.core.execute("UPDATE entries SET notes = ? WHERE id = ?", [notes, entry["id"]])
            self._bump(entry["id"])
            self.core.audit("update", "entry.notes", entry_key(kel, data_year, indicator_no), entry["notes"], notes)
        return self._entry_changes(kel, data_year, indicator_no)

    def readiness(self, kel: str, data_year: int, indicator: Indicator) -> tuple[tuple[str, ...], tuple[dict[str, Any], ...]]:
        """(missing required items, blocking flags) of one entry: what keeps it from 'ready'."""
        t = self.ref.template
        values = self.values(kel, data_year, indicator.no)
        return missing_required(t, indicator, values), rules.blocking(self.flags_of(kel, data_year, indicator, values))

    def set_status(self, kelurahan_code: str | None, data_year: int, indicator_no: int, status: str) -> Changes:
        """draft or ready. 'ready' is refused while required data is missing or a blocking flag stands.

        ``not_ready`` names the missing items by their labels (``missing``) and says how many
        values must be checked first (``flagged``).
        """
        rules.check_status(status)
        kel, indicator = self._target(kelurahan_code, data_year, indicator_no)
        if status == "ready":
            missing, blocked = self.readiness(kel, data_year, indicator)
            if missing:
                raise KlaError("not_ready", indicator=indicator_no,
                               missing=", ".join(indicator.item(k).label for k in missing))
            if blocked:
                raise KlaError("not_ready_flagged", indicator=indicator_no, flagged=len(blocked))
        with self.core.transaction():
            entry = self._ensure(kel, data_year, indicator_no)
            if entry["status"] == status:
                return Changes.none()
            self.core.execute("UPDATE entries SET status = ? WHERE id = ?", [status, entry["id"]])
            self._bump(entry["id"])
            self.core.audit("update", "entry.status", entry_key(kel, data_year, indicator_no), entry["status"], status)
        return self._entry_changes(kel, data_year, indicator_no)

    def set_review(self, kelurahan_code: str, data_year: int, indicator_no: int, state: str, note: str = "") -> Changes:
        """DP3AKB's review of one entry: state in '', 'diterima', 'perlu_perbaikan'."""
        rules.check_review_state(state)
        kel = self.ref.kelurahan(kelurahan_code).code
        with self.core.transaction():
            entry = self._ensure(kel, data_year, indicator_no)
            self.core.execute(
                "UPDATE entries SET review_state = ?, review_note = ?, reviewed_at = ? WHERE id = ?",
                [state, note, now_iso(), entry["id"]],
            )
            self.core.audit(
                "update", "entry.review", entry_key(kel, data_year, indicator_no),
                [entry.get("review_state", ""), entry.get("review_note", "")], [state, note],
            )
        return self._entry_changes(kel, data_year, indicator_no)

    def apply_reviews(self, kel: str, reviews: Iterable[dict[str, Any]]) -> Changes:
        """Make the review state and notes of ``kel``'s entries equal to a receipt's list.

        A note on an indicator this kelurahan has not started yet is kept too: it is often
        exactly "please fill this in". Inside the caller's transaction.
        """
        wanted: dict[tuple[int, int], tuple[str, str]] = {}
        for r in reviews:
            try:
                key = (int(r["data_year"]), int(r["indicator_no"]))
                state, note = str(r["state"]), str(r["note"])
            except (KeyError, TypeError, ValueError) as exc:
                raise KlaError("bundle_item_invalid", key="review", detail="review_invalid") from exc
            if state not in rules.REVIEW_STATES:
                raise KlaError("bundle_item_invalid", key=f"review/{key[0]}/{key[1]}", detail="review_state_invalid")
            wanted[key] = (state, note)
        out = Changes.none()
        seen = set()
        for r in self.core.query("SELECT data_year, indicator_no, review_state, review_note FROM entries"
                                 " WHERE kelurahan_code = ?", [kel]):
            key = (r["data_year"], r["indicator_no"])
            seen.add(key)
            state, note = wanted.get(key, ("", ""))
            if (r["review_state"], r["review_note"]) != (state, note):
                out = out | self.set_review(kel, key[0], key[1], state, note)
        for (y, i), (state, note) in sorted(wanted.items()):
            if (y, i) in seen or not (state or note):
                continue
            try:
                self.ref.period_for_data_year(y)
                self.ref.template.indicator(i)
            except KlaError as exc:
                raise KlaError("bundle_item_invalid", key=f"review/{y}/{i}", detail="review_target_unknown") from exc
            out = out | self.set_review(kel, y, i, state, note)
        return out

    # ------------------------------------------------------------------ values from elsewhere

    _ENTRY_HEAD = ("INSERT INTO entries(kelurahan_code, data_year, indicator_no, status, notes, revision, template_id,"
                   " template_version, operator, updated_at)")

    def new_bundle_entry(self, kel: str, d: dict[str, Any]) -> tuple[list[Any], list[list[Any]]]:
        """A bundle's entry ``kel`` has no row for (:meth:`row_keys`) as the rows :meth:`apply_bundle_entry`
        writes for it (the entry, its cells without the entry's id), made now and written later with the
        bundle's others (:meth:`insert_bundle_entries`); :meth:`new_entry_changes` says what it changes."""
        year, ind = d["data_year"], d["indicator_no"]
        operator, stamp = d.get("operator", ""), d.get("updated_at") or now_iso()
        row = [kel, year, ind, d["status"], d["notes"], 1, d["template_id"], d["template_version"], operator, stamp]
        incoming = {(k, s, a): dump(v) for k, s, a, v in d["values"]}
        return row, [[*cell, text, 1, operator, stamp] for cell, text in incoming.items()]

    def new_entry_changes(self, kel: str, d: dict[str, Any]) -> Changes:
        """What :meth:`apply_bundle_entry` returns for an entry :meth:`new_bundle_entry` made."""
        return self._entry_changes(kel, d["data_year"], d["indicator_no"])

    def insert_bundle_entries(self, records: list[tuple[list[Any], list[list[Any]]]]) -> None:
        """Entries made by :meth:`new_bundle_entry`, in order: every entry, then their cells (inside
        the caller's transaction)."""
        if not records:
            return
        got = self.core.insert_rows(self._ENTRY_HEAD, 10, [r for r, _ in records],
                                    " RETURNING id, kelurahan_code, data_year, indicator_no")
        ids = {(k, y, i): n for n, k, y, i in got}
        self.core.insert_rows(_CELLS_HEAD, 8, [[ids[(r[0], r[1], r[2])], *c] for r, cells in records for c in cells],
                              _CELLS_TAIL)

    def apply_bundle_entry(self, kel: str, d: dict[str, Any], *, absent: bool = False) -> Changes:
        """Make ``kel``'s entry equal to a bundle's version (already checked; inside a transaction).

        The cells that differ are written in one statement (a new entry has none to compare).
        ``absent``: the caller knows ``kel`` has no row for this entry (:meth:`row_keys`, nothing
        written since but by this), so it is not looked up.
        """
        year, ind = d["data_year"], d["indicator_no"]
        operator, stamp = d.get("operator", ""), d.get("updated_at") or now_iso()
        row = None if absent else self.row(kel, year, ind)
        current: dict[tuple[str, str, str], str] = {}
        if row is None:
            cur = self.core.execute(
                "INSERT INTO entries(kelurahan_code, data_year, indicator_no, status, notes, revision, template_id,"
                " template_version, operator, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                [kel, year, ind, d["status"], d["notes"], d["template_id"], d["template_version"], operator, stamp],
            )
            entry_id = int(cur.lastrowid or 0)
        else:
            entry_id = row["id"]
            self.core.execute(
                "UPDATE entries SET status = ?, notes = ?, template_id = ?, template_version = ? WHERE id = ?",
                [d["status"], d["notes"], d["template_id"], d["template_version"], entry_id],
            )
            self._bump(entry_id, operator, stamp)
            current = {(r["item_key"], r["sex"], r["age"]): r["value"] for r in self.core.query(
                "SELECT item_key, sex, age, value FROM entry_values WHERE entry_id = ?", [entry_id])}
        incoming = {(k, s, a): dump(v) for k, s, a, v in d["values"]}
        for cell in set(current) - set(incoming):
            self._write_cell(entry_id, cell, None, operator, stamp)
        changed = [(entry_id, *cell, text, 1, operator, stamp) for cell, text in incoming.items()
                   if current.get(cell) != text]
        self.core.insert_rows(_CELLS_HEAD, 8, changed, _CELLS_TAIL)
        return self._entry_changes(kel, year, ind)

    # ------------------------------------------------------------------ template migration

    def migrate_to(self, new: Template, remap: Remap) -> tuple[int, list[dict[str, Any]], list[str], Changes]:
        """Move entries of older versions of ``new``'s template onto it (inside a transaction).

        ``remap(entry, cells)`` (db/template_migration.py) gives the entry's cells under ``new``,
        the values put aside (``(cell, value, reason)``) and the item keys with nowhere to go.
        Returns (cells moved, values put aside with their entry, blocked keys, changes); the
        caller refuses the update when anything is blocked, which rolls everything back.
        """
        moved = 0
        aside: list[dict[str, Any]] = []
        blocked: list[str] = []
        out = Changes.none()
        stamp = now_iso()
        for e in self.core.rows("SELECT * FROM entries WHERE template_id = ? AND template_version < ?",
                                [new.id, new.version]):
            cells = {(v["item_key"], v["sex"], v["age"]): load(v["value"]) for v in self.core.rows(
                "SELECT item_key, sex, age, value FROM entry_values WHERE entry_id = ?", [e["id"]])}
            result, put_aside, nowhere = remap(e, cells)
            blocked += nowhere
            aside += [{"kelurahan_code": e["kelurahan_code"], "data_year": e["data_year"],
                       "indicator_no": e["indicator_no"], "from_version": e["template_version"],
                       "item_key": c[0], "sex": c[1], "age": c[2], "value": v, "reason": why}
                      for c, v, why in put_aside]
            for cell in set(cells) - set(result):
                self._write_cell(e["id"], cell, None, self.core.operator, stamp)
            for cell, v in result.items():
                if cell not in cells or cells[cell] != v:
                    self._write_cell(e["id"], cell, v, self.core.operator, stamp)
                    moved += 1
            self.core.execute("UPDATE entries SET template_version = ?, revision = revision + 1 WHERE id = ?",
                              [new.version, e["id"]])
            out = out | self._entry_changes(e["kelurahan_code"], e["data_year"], e["indicator_no"])
        return moved, aside, blocked, out
