"""Installing a newer template version and moving existing entries onto it, chained.

A template declares every step from its first version: ``"migrations": [{"from_version": 1,
"rename": {"4.old": "new"}, "merge": [{"from": ["6.a", "6.b"], "into": "total"}],
"split": [{"from": "2.x", "into": ["y", "z"], "carry": "y"}], "retire": ["2.gone"]}, {"from_version": 2,
...}]`` (sources are ``indicator.item`` of the version the step starts from, targets are item keys
of the same indicator). An entry of version 1 moving to version 3 goes through step 1 and then
step 2 (a step not declared moves nothing). Nothing is dropped: a retired value, a split value
without a ``carry`` and a merged value that cannot be added is *put aside* in
``template_retired_values`` (owned here) and reported. A value with no place and no rule refuses
the update (KlaError ``template_migration_blocked``; the caller's transaction rolls back).
``"drop"`` is the older spelling of ``"retire"``.
"""

from __future__ import annotations

from typing import Any

from db.changes import Changes
from db.core import Core, dump, load, now_iso
from db.entries import Cell, Entries
from db.errors import KlaError
from db.progress import Cancelled, Progress, step
from db.refdata import RefData
from db.template import Template, check_complete, parse_value
from db.template_diff import step_problems

RULE_KINDS = ("rename", "merge", "split", "retire", "drop")


def steps_of(template: Template) -> dict[int, dict[str, Any]]:
    """The declared steps by the version they start from."""
    out: dict[int, dict[str, Any]] = {}
    for m in template.raw.get("migrations", []) or []:
        if isinstance(m, dict) and isinstance(m.get("from_version"), int):
            out[m["from_version"]] = m
    return out


def _retired(step: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for k in ("retire", "drop"):
        if isinstance(step.get(k), list):
            out |= {str(x) for x in step[k]}
    return out


def route_step(no: int, key: str, step: dict[str, Any]) -> tuple[str, str]:
    """Where one step sends item ``key`` of indicator ``no``: ``("move", key_now)``,
    ``("merge", into)`` (added to the other sources' cell), or ``("aside", reason)`` with reason
    ``retired`` or ``split`` (a split without a carry). The one rule every path follows: stored
    entries (:func:`apply_step`) and an older Excel form (exports/xlsx_form.py)."""
    full = f"{no}.{key}"
    if full in _retired(step):
        return "aside", "retired"
    for sp in step.get("split") or []:
        if isinstance(sp, dict) and str(sp.get("from")) == full:
            carry = sp.get("carry")
            return ("move", carry) if isinstance(carry, str) else ("aside", "split")
    for m in step.get("merge") or []:
        if isinstance(m, dict) and full in [str(x) for x in m.get("from") or []]:
            return "merge", str(m.get("into"))
    rename = step.get("rename")
    return "move", str(rename.get(full, key)) if isinstance(rename, dict) else key


def route_chain(no: int, key: str, from_version: int, new: Template) -> tuple[str, str, int]:
    """:func:`route_step` over every step from ``from_version`` up to ``new``: ``(action, key or
    reason, version)`` where version is the one that merged or put the item aside (0 for a move);
    a merged item goes on through the later steps as the item it was merged into."""
    steps = steps_of(new)
    merged_at = 0
    for v in range(from_version, new.version):
        action, where = route_step(no, key, steps.get(v, {}))
        if action == "aside":
            return "aside", where, v + 1
        if action == "merge" and not merged_at:
            merged_at = v + 1
        key = where
    return ("merge", key, merged_at) if merged_at else ("move", key, 0)


def apply_step(no: int, cells: dict[Cell, Any], step: dict[str, Any]) -> tuple[dict[Cell, Any], list[tuple[Cell, Any, str]]]:
    """One step on one entry's cells: (cells after it, values put aside with the reason)."""
    aside: list[tuple[Cell, Any, str]] = []
    out: dict[Cell, Any] = {}
    merged: list[tuple[Cell, Any]] = []
    for (key, sex, age), value in sorted(cells.items()):
        action, where = route_step(no, key, step)
        if action == "aside":
            aside.append(((key, sex, age), value, where))
        elif action == "merge":
            merged.append(((where, sex, age), ((key, sex, age), value)))
        else:
            out[(where, sex, age)] = value
    for target, (src, value) in merged:
        have = out.get(target)
        if have is None:
            out[target] = value
        elif type(have) is int and type(value) is int:
            out[target] = have + value
        else:
            aside.append((src, value, "merge"))
    return out, aside


def remap_for(new: Template) -> Any:
    """The ``Remap`` Entries.migrate_to calls for each entry older than ``new``."""
    steps = steps_of(new)

    def remap(entry: dict[str, Any], cells: dict[Cell, Any]) -> tuple[dict[Cell, Any], list[tuple[Cell, Any, str]], list[str]]:
        no = int(entry["indicator_no"])
        aside: list[tuple[Cell, Any, str]] = []
        for v in range(int(entry["template_version"]), new.version):
            cells, put = apply_step(no, cells, steps.get(v, {}))
            aside += [(c, val, f"{why}@{v}") for c, val, why in put]
        blocked: list[str] = []
        try:
            ind = new.indicator(no)
        except KlaError:
            ind = None
        for (key, sex, age), value in cells.items():
            ok = False
            if ind is not None:
                try:
                    it = ind.item(key)
                    ok = (sex, age) in new.cells(it) and not it.computed and parse_value(it, value) == value
                except KlaError:
                    ok = False
            if not ok:
                blocked.append(f"{no}.{key}")
        return cells, aside, blocked

    return remap


def migrate_entry_data(new: Template, data: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """An entry item made under an older version of ``new``'s family (a bundle a unit wrote before
    its receipt brought ``new``) moved onto ``new`` by the same chained steps as a stored entry
    (:func:`remap_for`, which :meth:`db.entries.Entries.migrate_to` applies): ``(data under new,
    values put aside as rows for RetiredValues.keep)``. The values come sorted as a stored entry's
    item lists them, so its hash is the one the unit's own migrated entry will have. None when
    there is nothing to move (another family, the same or a newer version) or when a value would
    have nowhere to go: such an item is kept as it came, never losing the value."""
    try:
        if str(data.get("template_id")) != new.id or int(data.get("template_version", 0)) >= new.version:
            return None
        row = {"indicator_no": int(data["indicator_no"]), "template_version": int(data["template_version"])}
        cells = {(str(k), str(s), str(a)): v for k, s, a, v in data["values"]}
    except (KeyError, TypeError, ValueError):
        return None
    moved, put_aside, blocked = remap_for(new)(row, cells)
    if blocked:
        return None
    out = {**data, "template_version": new.version,
           "values": [[k, s, a, v] for (k, s, a), v in sorted(moved.items())]}
    aside = [{"kelurahan_code": "", "data_year": data["data_year"], "indicator_no": row["indicator_no"],
              "from_version": row["template_version"], "item_key": c[0], "sex": c[1], "age": c[2], "value": v,
              "reason": why} for c, v, why in put_aside]
    return out, aside


class RetiredValues:
    """``template_retired_values``: values a template step gave no place, kept and listed."""

    def __init__(self, core: Core) -> None:
        self.core = core

    def keep(self, rows: list[dict[str, Any]], to_version: int, template_id: str) -> None:
        stamp = now_iso()
        for r in rows:
            self.core.execute(
                "INSERT INTO template_retired_values(template_id, from_version, to_version, kelurahan_code,"
                " data_year, indicator_no, item_key, sex, age, value, reason, retired_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [template_id, r["from_version"], to_version, r["kelurahan_code"], r["data_year"],
                 r["indicator_no"], r["item_key"], r["sex"], r["age"], dump(r["value"]), r["reason"], stamp])
            self.core.audit("migrate-retire", "value",
                            f"{r['kelurahan_code']}/{r['data_year']}/{r['indicator_no']}.{r['item_key']}",
                            dump(r["value"]), None)

    def listing(self, kelurahan_code: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM template_retired_values"
        args: list[Any] = []
        if kelurahan_code is not None:
            sql += " WHERE kelurahan_code = ?"
            args.append(kelurahan_code)
        rows = self.core.rows(sql + " ORDER BY id", args)
        return [{**r, "value": load(r["value"])} for r in rows]


def put_in_force(ref: RefData, entries: Entries, new: Template, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> tuple[dict[str, Any], Changes]:
    """Make ``new`` the workspace's KLA template (inside the caller's transaction): the one way a
    version comes into force, from a file (``kla template install``), a receipt or a setup file.

    Refused with nothing changed: a rubric (it grades units, it is not recorded against:
    db/rubrics.py), another family, a version older than the one in force (no downgrade), the
    same version with other content, weights not summing to the template's total, and a step
    into ``new`` whose rules name items the version in force lacks. The same version again
    changes nothing. A newer version is installed and every entry moved by the chained steps.
    """
    check_complete(new)
    zero = {"moved": 0, "dropped": 0, "kept": 0}
    try:
        active: Template | None = ref.template
    except KlaError:
        active = None
    if new.is_rubric:
        raise KlaError("template_is_rubric", id=new.id)
    if active is None:
        return zero, ref.install_template(new, activate=True)
    if new.id != active.id:
        raise KlaError("template_other_family", id=new.id, active=active.id)
    if new.version < active.version:
        raise KlaError("template_older", version=new.version, active=active.version)
    if new.version == active.version:
        if new.content_hash != active.content_hash:
            raise KlaError("template_version_clash", id=new.id, version=new.version)
        return zero, Changes.none()
    if new.version == active.version + 1:
        bad = [p for p in step_problems(active, new, steps_of(new).get(active.version, {}))
               if p["code"].startswith("rule_")]
        if bad:
            raise KlaError("template_invalid", where=f"migrations.{active.version}", problem=bad[0]["code"],
                           item=str(bad[0].get("item", "")))
    return install_with_migration(ref, entries, new, progress, cancelled)


def _watched(remap: Any, total: int, progress: Progress | None, cancelled: Cancelled | None) -> Any:
    """``remap`` reporting ``template_moving`` (entries done of ``total``) and stopping with
    KlaError('cancelled') when asked: raised inside the transaction, so nothing is changed."""
    done = [0]
    every = max(1, total // 100)

    def watched(entry: dict[str, Any], cells: dict[Cell, Any]) -> Any:
        if cancelled is not None and cancelled():
            raise KlaError("cancelled")
        done[0] += 1
        if progress is not None and (done[0] % every == 0 or done[0] == total):
            progress(done[0], total, step("template_moving"))
        return remap(entry, cells)

    return watched


def install_with_migration(ref: RefData, entries: Entries, new: Template, progress: Progress | None = None,
                           cancelled: Cancelled | None = None) -> tuple[dict[str, Any], Changes]:
    """Install ``new`` (inside the caller's transaction); returns ({moved, dropped, kept}, changes).

    ``dropped`` (the older name) and ``kept`` both count the values put aside, none lost. With
    ``progress``/``cancelled`` (a window's background job) every entry moved is reported and a
    cancel stops it before anything is committed.
    """
    changes = ref.install_template(new, activate=True)
    remap = remap_for(new)
    if progress is not None or cancelled is not None:
        row = entries.core.one("SELECT COUNT(*) AS n FROM entries WHERE template_id = ? AND template_version < ?",
                               [new.id, new.version])
        remap = _watched(remap, int(row["n"]) if row else 0, progress, cancelled)
    moved, aside, blocked, moved_changes = entries.migrate_to(new, remap)
    if blocked:
        raise KlaError("template_migration_blocked", version=new.version, items=", ".join(sorted(set(blocked))[:10]))
    RetiredValues(entries.core).keep(aside, new.version, new.id)
    if aside:
        changes = changes | Changes.of("template", f"{new.id}/v{new.version}/retired")
    return {"moved": moved, "dropped": len(aside), "kept": len(aside)}, changes | moved_changes
