"""What changed between two versions of a template, and whether a migration step holds: as codes.

``diff(old, new)`` lists ``{"code", **params}`` changes (``indicator_added``, ``item_added``,
``item_removed``, ``item_changed`` with ``field``, ``evidence_added``/``evidence_removed``/
``evidence_changed``, ``weight_changed``, ``wording_changed``, ``wording_status_changed``,
``check_added``/``check_removed``/``check_changed`` (plausibility rules), ``year_change_changed``,
``bands_changed``, ...);
the front ends word them. ``step_problems(old, new, step)`` lists what a declared step gets
wrong (a rule naming an item the old version lacks, a target the new version lacks, a removed
item no rule accounts for). Pure: no SQL.
"""

from __future__ import annotations

from typing import Any

from db.errors import KlaError
from db.template import Template
from db.template_bands import categories

Problem = dict[str, Any]
TEXT_FIELDS = ("short_name", "title", "guidance", "source", "cluster")
ITEM_FIELDS = ("label", "type", "required", "sex", "age", "part_of", "numerator", "denominator", "help",
               "min_value", "max_value", "year_change", "choices")
EV_FIELDS = ("kind", "label", "min_count", "max_age_years", "required")


def item_status(raw: dict[str, Any], no: int, key: str) -> str:
    """An item's ``wording_status`` as the template data says it (not parsed): 'confirmed' when not given."""
    for ind in raw.get("indicators", []):
        if ind.get("no") == no:
            for it in ind.get("items", []):
                if it.get("key") == key:
                    return str(it.get("wording_status", "confirmed"))
    return "confirmed"


def diff(old: Template, new: Template) -> list[Problem]:
    out: list[Problem] = []
    if old.id != new.id:
        out.append({"code": "template_family_changed", "old": old.id, "new": new.id})
    olds = {i.no: i for i in old.indicators}
    news = {i.no: i for i in new.indicators}
    for no in sorted(set(olds) - set(news)):
        out.append({"code": "indicator_removed", "indicator": no})
    for no in sorted(set(news) - set(olds)):
        out.append({"code": "indicator_added", "indicator": no, "name": news[no].short_name})
    for no in sorted(set(olds) & set(news)):
        a, b = olds[no], news[no]
        for f in TEXT_FIELDS:
            if getattr(a, f) != getattr(b, f):
                out.append({"code": "wording_changed", "indicator": no, "field": f})
        if a.wording_status != b.wording_status:
            out.append({"code": "wording_status_changed", "indicator": no, "old": a.wording_status,
                        "new": b.wording_status})
        if a.weight != b.weight:
            out.append({"code": "weight_changed", "indicator": no, "old": a.weight, "new": b.weight})
        ai, bi = {i.key: i for i in a.items}, {i.key: i for i in b.items}
        for k in [k for k in ai if k not in bi]:
            out.append({"code": "item_removed", "indicator": no, "item": k})
        for k in [k for k in bi if k not in ai]:
            out.append({"code": "item_added", "indicator": no, "item": k, "label": bi[k].label})
        for k in [k for k in ai if k in bi]:
            for f in ITEM_FIELDS:
                if getattr(ai[k], f) != getattr(bi[k], f):
                    out.append({"code": "item_changed", "indicator": no, "item": k, "field": f})
            sa, sb = item_status(old.raw, no, k), item_status(new.raw, no, k)
            if sa != sb:
                out.append({"code": "item_wording_status_changed", "indicator": no, "item": k, "old": sa, "new": sb})
        ae, be = {e.key: e for e in a.evidence}, {e.key: e for e in b.evidence}
        for k in [k for k in ae if k not in be]:
            out.append({"code": "evidence_removed", "indicator": no, "evidence": k})
        for k in [k for k in be if k not in ae]:
            out.append({"code": "evidence_added", "indicator": no, "evidence": k, "label": be[k].label})
        for k in [k for k in ae if k in be]:
            for f in EV_FIELDS:
                if getattr(ae[k], f) != getattr(be[k], f):
                    out.append({"code": "evidence_changed", "indicator": no, "evidence": k, "field": f})
    if old.plausibility != new.plausibility:
        out += _plausibility_diff(old, new)
    if categories(old) != categories(new):
        out.append({"code": "bands_changed", "source_changed": categories(old).source != categories(new).source})
    for f in ("weights_official", "weights_note", "photo_max_long_side", "photo_jpeg_quality", "name"):
        if getattr(old, f) != getattr(new, f):
            out.append({"code": "setting_changed", "field": f})
    return out


def _plausibility_diff(old: Template, new: Template) -> list[Problem]:
    """Rules added, removed or changed (``check_*``, with ``rule`` and its ``message``) and the year-change rule."""
    out: list[Problem] = []
    a, b = {r.key: r for r in old.plausibility.rules}, {r.key: r for r in new.plausibility.rules}
    out += [{"code": "check_removed", "rule": k, "message": a[k].message} for k in a if k not in b]
    out += [{"code": "check_added", "rule": k, "message": b[k].message} for k in b if k not in a]
    out += [{"code": "check_changed", "rule": k, "message": b[k].message} for k in a if k in b and a[k] != b[k]]
    ya, yb = old.plausibility.year_change, new.plausibility.year_change
    if ya != yb:
        out.append({"code": "year_change_changed", "old_factor": ya.factor if ya else None,
                    "new_factor": yb.factor if yb else None, "old_min": ya.min_count if ya else None,
                    "new_min": yb.min_count if yb else None})
    return out or [{"code": "plausibility_changed"}]


def _has(t: Template, full: str) -> bool:
    no, _, key = full.partition(".")
    try:
        return any(i.key == key for i in t.indicator(int(no)).items)
    except (KlaError, ValueError):
        return False


def step_problems(old: Template, new: Template, step: dict[str, Any]) -> list[Problem]:
    """What a declared step from ``old`` to ``new`` gets wrong (empty: it holds)."""
    out: list[Problem] = []
    sources: set[str] = set()

    def source(full: Any, rule: str) -> None:
        if not isinstance(full, str) or not _has(old, full):
            out.append({"code": "rule_source_unknown", "rule": rule, "item": str(full)})
        elif full in sources:
            out.append({"code": "rule_source_twice", "rule": rule, "item": full})
        else:
            sources.add(full)

    def target(full_src: Any, key: Any, rule: str) -> None:
        no = str(full_src).partition(".")[0]
        if not isinstance(key, str) or not _has(new, f"{no}.{key}"):
            out.append({"code": "rule_target_unknown", "rule": rule, "item": f"{no}.{key}"})

    rename = step.get("rename") or {}
    if not isinstance(rename, dict):
        return [{"code": "rule_malformed", "rule": "rename"}]
    for src, dst in rename.items():
        source(src, "rename")
        target(src, dst, "rename")
    for m in step.get("merge") or []:
        srcs = m.get("from") if isinstance(m, dict) else None
        if not isinstance(srcs, list) or len(srcs) < 2:
            out.append({"code": "rule_malformed", "rule": "merge"})
            continue
        if len({str(s).partition(".")[0] for s in srcs}) != 1:
            out.append({"code": "rule_across_indicators", "rule": "merge", "item": str(m.get("into"))})
        for s in srcs:
            source(s, "merge")
        target(srcs[0], m.get("into"), "merge")
    for sp in step.get("split") or []:
        if not isinstance(sp, dict) or not isinstance(sp.get("into"), list) or not sp["into"]:
            out.append({"code": "rule_malformed", "rule": "split"})
            continue
        source(sp.get("from"), "split")
        for k in sp["into"]:
            target(sp.get("from"), k, "split")
        if sp.get("carry") is not None and sp.get("carry") not in sp["into"]:
            out.append({"code": "rule_malformed", "rule": "split"})
    for kind in ("retire", "drop"):
        for r in step.get(kind) or []:
            source(r, "retire")
    # An item of the old version gone from the new one needs a rule.
    for ind in old.indicators:
        for it in ind.items:
            full = f"{ind.no}.{it.key}"
            if not it.computed and full not in sources and not _has(new, full):
                out.append({"code": "item_without_rule", "item": full})
    return out
