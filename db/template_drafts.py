"""DP3AKB's draft of the next version of a template, edited step by step and published.

The draft (``template_drafts``, owned here) holds the next version's content and the migration
step being declared from the version it was based on. Each edit (:func:`apply_edit`) is checked
as it is made: a structural fault (duplicate key, a part of another shape, a rule naming a
missing item, a band list with a gap) refuses it with ``KlaError`` and changes nothing; what a later edit may still put
right (weights not summing to 1000, a removed item no rule covers) is listed by
:func:`draft_problems` and blocks publishing (``template_draft_unfinished``). Publishing freezes
the draft as ``version + 1`` with its content hash, the chain of every earlier step plus this
one, and installs it with the migration (db/template_migration.py).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from db.changes import Changes
from db.core import Core, now_iso
from db.errors import KlaError
from db.template import EVIDENCE_KINDS, Template, canonical_json, parse_template
from db.template_bands import check_categories
from db.template_diff import Problem, step_problems

WEIGHT_TOTAL = 1000
WORDING = ("confirmed", "partly_confirmed", "unconfirmed", "draft")
TEXTS = ("short_name", "title", "guidance", "source")
ITEM_TEXTS = ("label", "help")
EDITS = ("set_text", "set_item_text", "set_wording_status", "set_item_wording_status", "set_weight",
         "add_item", "retire_item", "rename_item", "merge_items", "split_item", "add_evidence",
         "retire_evidence", "set_evidence", "set_item_range", "set_rule", "retire_rule", "set_year_change",
         "set_bands")
RULE_FIELDS = ("key", "left", "operator", "right", "importance", "message", "tolerance")


def _ind(raw: dict[str, Any], no: Any) -> dict[str, Any]:
    for ind in raw["indicators"]:
        if ind.get("no") == no:
            return ind
    raise KlaError("indicator_unknown", indicator=no)


def _item(ind: dict[str, Any], key: Any) -> dict[str, Any]:
    for it in ind["items"]:
        if it.get("key") == key:
            return it
    raise KlaError("item_unknown", indicator=ind.get("no"), item=key)


def _evidence(ind: dict[str, Any], key: Any) -> dict[str, Any]:
    of_kind: dict[str, int] = {}
    for ev in ind["evidence"]:
        k = str(ev.get("kind"))
        of_kind[k] = of_kind.get(k, 0) + 1
        if ev.get("key", k if of_kind[k] == 1 else f"{k}_{of_kind[k]}") == key:
            return ev
    raise KlaError("evidence_requirement_unknown", indicator=ind.get("no"), requirement=key)


def _fix_evidence_keys(ind: dict[str, Any]) -> None:
    """Write every requirement's key out, so removing one never renames the others."""
    of_kind: dict[str, int] = {}
    for ev in ind["evidence"]:
        k = str(ev.get("kind"))
        of_kind[k] = of_kind.get(k, 0) + 1
        ev.setdefault("key", k if of_kind[k] == 1 else f"{k}_{of_kind[k]}")


def _check_evidence_field(op: str, field: str, value: Any) -> None:
    """A requirement's field as the parser would read it without a crash or a silent change."""
    ok = {"label": isinstance(value, str) and bool(value.strip()),
          "min_count": type(value) is int and 1 <= value <= 100,
          "max_age_years": value is None or (type(value) is int and 1 <= value <= 50),
          "required": isinstance(value, bool)}[field]
    if not ok:
        raise KlaError("template_edit_invalid", op=op, field="empty" if field == "label" else field)


def apply_edit(raw: dict[str, Any], step: dict[str, Any], op: str, **p: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """One edit on copies of the draft content and step; raises KlaError when it is refused."""
    raw, step = copy.deepcopy(raw), copy.deepcopy(step)
    if op not in EDITS:
        raise KlaError("template_edit_unknown", op=op)
    no = p.get("indicator")
    if op in ("set_text", "set_item_text") and p.get("field") in ("short_name", "title", "label") \
            and isinstance(p.get("value"), str) and not p["value"].strip():
        raise KlaError("template_edit_invalid", op=op, field="empty")
    if op == "set_text":
        if p.get("field") not in TEXTS or not isinstance(p.get("value"), str):
            raise KlaError("template_edit_invalid", op=op, field=str(p.get("field")))
        _ind(raw, no)[p["field"]] = p["value"]
    elif op == "set_item_text":
        if p.get("field") not in ITEM_TEXTS or not isinstance(p.get("value"), str):
            raise KlaError("template_edit_invalid", op=op, field=str(p.get("field")))
        _item(_ind(raw, no), p.get("item"))[p["field"]] = p["value"]
    elif op in ("set_wording_status", "set_item_wording_status"):
        if p.get("value") not in WORDING:
            raise KlaError("template_edit_invalid", op=op, field="wording_status")
        target = _ind(raw, no) if op == "set_wording_status" else _item(_ind(raw, no), p.get("item"))
        target["wording_status"] = p["value"]
    elif op == "set_weight":
        w = p.get("value")
        if type(w) is not int or not 0 < w <= WEIGHT_TOTAL:
            raise KlaError("template_edit_invalid", op=op, field="weight")
        _ind(raw, no)["weight"] = w
    elif op == "add_item":
        if not isinstance(p.get("item"), dict):
            raise KlaError("template_edit_invalid", op=op, field="item")
        _ind(raw, no)["items"].append(dict(p["item"]))
    elif op == "retire_item":
        ind = _ind(raw, no)
        ind["items"].remove(_item(ind, p.get("item")))
        # An item renamed earlier in this draft is retired under its name in the version in force.
        rename = step.get("rename") or {}
        origin = next((s for s, d in rename.items() if d == p["item"] and s.startswith(f"{no}.")), None)
        if origin is not None:
            del rename[origin]
            if not rename:
                step.pop("rename", None)
        step.setdefault("retire", []).append(origin or f"{no}.{p['item']}")
    elif op == "rename_item":
        ind = _ind(raw, no)
        it = _item(ind, p.get("item"))
        old, new = p["item"], p.get("new_key")
        if not isinstance(new, str):
            raise KlaError("template_edit_invalid", op=op, field="new_key")
        it["key"] = new
        for other in ind["items"]:
            for ref in ("part_of", "numerator", "denominator"):
                if other.get(ref) == old:
                    other[ref] = new
        rename = step.setdefault("rename", {})
        origin = next((s for s, d in rename.items() if d == old and s.startswith(f"{no}.")), f"{no}.{old}")
        rename[origin] = new
    elif op == "merge_items":
        ind = _ind(raw, no)
        srcs = p.get("items")
        if not isinstance(srcs, list) or len(srcs) < 2 or p.get("into") is None:
            raise KlaError("template_edit_invalid", op=op, field="items")
        for s in srcs:
            if s != p["into"]:
                ind["items"].remove(_item(ind, s))
        step.setdefault("merge", []).append({"from": [f"{no}.{s}" for s in srcs], "into": p["into"]})
    elif op == "split_item":
        ind = _ind(raw, no)
        into, carry = p.get("into"), p.get("carry")
        if not isinstance(into, list) or not into or (carry is not None and carry not in into):
            raise KlaError("template_edit_invalid", op=op, field="into")
        if p.get("item") not in into:
            ind["items"].remove(_item(ind, p.get("item")))
        step.setdefault("split", []).append({"from": f"{no}.{p.get('item')}", "into": into, "carry": carry})
    elif op == "add_evidence":
        ev = p.get("evidence")
        if not isinstance(ev, dict) or ev.get("kind") not in EVIDENCE_KINDS:
            raise KlaError("template_edit_invalid", op=op, field="kind")
        for field in ("label", "min_count", "max_age_years", "required"):
            if field in ev:
                _check_evidence_field(op, field, ev[field])
        ind = _ind(raw, no)
        _fix_evidence_keys(ind)
        ind["evidence"].append(dict(ev))
    elif op == "retire_evidence":
        ind = _ind(raw, no)
        _fix_evidence_keys(ind)
        ind["evidence"].remove(_evidence(ind, p.get("evidence")))
        if not ind["evidence"]:
            raise KlaError("template_edit_invalid", op=op, field="evidence")
    elif op == "set_evidence":
        ev = _evidence(_ind(raw, no), p.get("evidence"))
        ev_field, value = str(p.get("field")), p.get("value")
        if ev_field not in ("label", "min_count", "max_age_years", "required"):
            raise KlaError("template_edit_invalid", op=op, field=ev_field)
        _check_evidence_field(op, ev_field, value)
        ev[ev_field] = value
    elif op == "set_item_range":
        it = _item(_ind(raw, no), p.get("item"))
        for field in ("min", "max"):
            value = p.get(field)
            if value is not None and (type(value) is not int or value < 0):
                raise KlaError("template_edit_invalid", op=op, field=field)
            if value is None:
                it.pop(field, None)
            else:
                it[field] = value
    elif op in ("set_rule", "retire_rule"):
        plaus = raw.setdefault("plausibility", {})
        rules = plaus.setdefault("rules", [])
        key = p.get("rule") if op == "retire_rule" else (p.get("value") or {}).get("key")
        at = next((n for n, r in enumerate(rules) if isinstance(r, dict) and r.get("key") == key), None)
        if op == "retire_rule":
            if at is None:
                raise KlaError("template_rule_unknown", rule=str(key))
            del rules[at]
        else:
            rule = p.get("value")
            if not isinstance(rule, dict) or set(rule) - set(RULE_FIELDS):
                raise KlaError("template_edit_invalid", op=op, field="rule")
            if at is None:
                rules.append(dict(rule))
            else:
                rules[at] = dict(rule)
    elif op == "set_year_change":
        value = p.get("value")
        plaus = raw.setdefault("plausibility", {})
        if value is None:
            plaus.pop("year_change", None)
        elif isinstance(value, dict):
            plaus["year_change"] = dict(value)
        else:
            raise KlaError("template_edit_invalid", op=op, field="year_change")
    elif op == "set_bands":
        raw["categories"] = check_categories(p.get("value"))
    parse_template(raw)  # structural checks: refused as KlaError('template_invalid', where, problem)
    return raw, step


def _drop_rules_of_new_items(base: Template, step: dict[str, Any]) -> None:
    """An item added in this draft holds no values yet: retiring or renaming it needs no rule."""

    def known(full: str) -> bool:
        no, _, key = str(full).partition(".")
        try:
            return any(i.key == key for i in base.indicator(int(no)).items)
        except (KlaError, ValueError):
            return True  # not ours to judge: step_problems names it

    if isinstance(step.get("retire"), list):
        step["retire"] = [r for r in step["retire"] if known(r)]
        if not step["retire"]:
            del step["retire"]
    if isinstance(step.get("rename"), dict):
        step["rename"] = {s: d for s, d in step["rename"].items() if known(s)}
        if not step["rename"]:
            del step["rename"]


def draft_problems(base: Template, raw: dict[str, Any], step: dict[str, Any]) -> list[Problem]:
    """What still keeps the draft from being published (empty: it may be)."""
    new = parse_template(raw)
    out: list[Problem] = []
    total = sum(i.weight for i in new.indicators)
    if total != new.weight_total:  # 1000 unless the template says otherwise (a rubric's own total)
        out.append({"code": "weights_total", "total": total, "expected": new.weight_total})
    return out + step_problems(base, new, step)


def frozen_content(base: Template, raw: dict[str, Any], step: dict[str, Any]) -> dict[str, Any]:
    """The draft's content as publishing freezes it: every earlier step of ``base`` plus this one."""
    out = copy.deepcopy(raw)
    earlier = [m for m in base.raw.get("migrations", []) or [] if isinstance(m, dict)]
    out["migrations"] = earlier + [{**step, "from_version": base.version}]
    return out


class TemplateDrafts:
    """The draft of each template family's next version (one per family)."""

    def __init__(self, core: Core) -> None:
        self.core = core

    def get(self, template_id: str) -> tuple[int, dict[str, Any], dict[str, Any]] | None:
        row = self.core.one("SELECT * FROM template_drafts WHERE template_id = ?", [template_id])
        if row is None:
            return None
        return int(row["base_version"]), json.loads(row["content"]), json.loads(row["step"])

    def start(self, base: Template) -> Changes:
        """A draft of ``base.version + 1`` from ``base`` (refused when one exists)."""
        if self.get(base.id) is not None:
            raise KlaError("template_draft_exists", id=base.id)
        raw = copy.deepcopy(base.raw)
        raw["version"] = base.version + 1
        self._save(base.id, base.version, raw, {"from_version": base.version}, insert=True)
        return Changes.of("template", f"{base.id}/draft")

    def edit(self, base: Template, op: str, **params: Any) -> tuple[Changes, list[Problem]]:
        d = self.get(base.id)
        if d is None:
            raise KlaError("template_draft_missing", id=base.id)
        if d[0] != base.version:
            raise KlaError("template_draft_stale", id=base.id, base=d[0], version=base.version)
        raw, step = apply_edit(d[1], d[2], op, **params)
        _drop_rules_of_new_items(base, step)
        problems = draft_problems(base, raw, step)
        if any(pr["code"].startswith("rule_") for pr in problems):
            bad = next(pr for pr in problems if pr["code"].startswith("rule_"))
            raise KlaError(bad["code"], **{k: v for k, v in bad.items() if k != "code"})
        self._save(base.id, base.version, raw, step)
        return Changes.of("template", f"{base.id}/draft"), problems

    def discard(self, template_id: str) -> Changes:
        if self.get(template_id) is None:
            return Changes.none()
        self.core.execute("DELETE FROM template_drafts WHERE template_id = ?", [template_id])
        self.core.audit("delete", "template_draft", template_id, None, None)
        return Changes.of("template", f"{template_id}/draft")

    def frozen(self, base: Template) -> Template:
        """The draft as the version it would publish (refused while problems remain)."""
        d = self.get(base.id)
        if d is None:
            raise KlaError("template_draft_missing", id=base.id)
        if d[0] != base.version:
            raise KlaError("template_draft_stale", id=base.id, base=d[0], version=base.version)
        problems = draft_problems(base, d[1], d[2])
        if problems:
            raise KlaError("template_draft_unfinished", count=len(problems), first=problems[0]["code"])
        return parse_template(frozen_content(base, d[1], d[2]))

    def _save(self, tid: str, base_version: int, raw: dict[str, Any], step: dict[str, Any],
              insert: bool = False) -> None:
        if insert:
            self.core.execute(
                "INSERT INTO template_drafts(template_id, base_version, content, step, updated_at)"
                " VALUES (?, ?, ?, ?, ?)", [tid, base_version, canonical_json(raw), canonical_json(step), now_iso()])
        else:
            self.core.execute("UPDATE template_drafts SET content = ?, step = ?, updated_at = ? WHERE template_id = ?",
                              [canonical_json(raw), canonical_json(step), now_iso(), tid])
        self.core.audit("update", "template_draft", tid, None, None)


def publish(drafts: TemplateDrafts, base: Template, install: Any) -> tuple[Template, dict[str, Any], Changes]:
    """Freeze and install (``install`` = the store's migrating install, inside the caller's transaction)."""
    new = drafts.frozen(base)
    counts, changes = install(new)
    return new, counts, changes | drafts.discard(base.id)
