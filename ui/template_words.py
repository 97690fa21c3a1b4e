"""The template in words (issue 12): diff lines, migration rules, a draft's problems and refused edits.

Plain Python (no Qt), so ``kla template`` and the printed diff use it as the Template page does.
Items, evidence requirements and rules are named by their words from the template, never by their
keys. The sentences are in ``ui.messages.WORDS`` (``tpl.*``); ``translate`` maps one Indonesian
sentence to the user's language before it is filled, as in ``ui.messages.render``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from db.errors import KlaError
from db.template import Item, Template
from db.template_bands import categories
from db.template_diff import item_status as wording_status
from ui.messages import WORDS, _fill, id_number, render

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def word(key: str, tr: Translate = _same, **params: object) -> str:
    return _fill(tr(WORDS[key]), params)


# ---------------------------------------------------------------------------- small words


def status_word(status: str, tr: Translate = _same) -> str:
    key = f"tpl.status.{status}"
    return word(key, tr) if key in WORDS else word("tpl.status.unconfirmed", tr)


def kind_word(item_type: str, tr: Translate = _same) -> str:
    key = f"tpl.kind.{item_type}"
    return word(key, tr) if key in WORDS else item_type


def evidence_kind_word(kind: str, tr: Translate = _same) -> str:
    key = f"tpl.evkind.{kind}"
    return word(key, tr) if key in WORDS else kind


def split_words(t: Template, item: Item, tr: Translate = _same) -> str:
    """How an item is disaggregated: 'L/P · umur 0–4 th, 5–9 th', or 'tidak dipilah'."""
    parts = []
    if item.sex:
        parts.append(word("tpl.sex", tr))
    if item.age and item.age in t.age_bands:
        parts.append(word("tpl.age", tr, bands=", ".join(b.label for b in t.age_bands[item.age])))
    return " · ".join(parts) if parts else word("tpl.not_split", tr)


def recency_words(max_age_years: int | None, tr: Translate = _same) -> str:
    if max_age_years is None:
        return word("tpl.recency_any", tr)
    return word("tpl.recency", tr, years=max_age_years)


def required_word(required: bool, tr: Translate = _same) -> str:
    return word("tpl.required" if required else "tpl.optional", tr)


def item_status(t: Template, no: int, key: str) -> str:
    """An item's ``wording_status``: 'confirmed' when the template data gives none."""
    return wording_status(t.raw, no, key)


def _humane(key: str) -> str:
    """The last resort for an item no template names any more: its key as words."""
    return key.replace("_", " ").strip().capitalize()


def item_label(no: int, key: str, *templates: Template) -> str:
    for t in templates:
        try:
            return t.indicator(no).item(key).label
        except KlaError:
            continue
    return _humane(key)


def full_label(full: str, *templates: Template) -> str:
    """The words of 'indicator.item'."""
    no, _, key = str(full).partition(".")
    try:
        return item_label(int(no), key, *templates)
    except ValueError:
        return _humane(str(full))


def evidence_label(no: int, key: str, *templates: Template) -> str:
    for t in templates:
        try:
            for e in t.indicator(no).evidence:
                if e.key == key:
                    return e.label
        except KlaError:
            continue
    return _humane(key)


def indicator_heading(t: Template, no: int, tr: Translate = _same) -> str:
    try:
        name = t.indicator(no).short_name
    except KlaError:
        name = ""
    return word("tpl.indicator", tr, indicator=no, name=name).strip()


def bands_words(t: Template) -> str:
    return "; ".join(f"{b.label} {id_number(b.min)}–{id_number(b.max)}" for b in categories(t).bands)


# ---------------------------------------------------------------------------- the diff


def _value_words(field: str, value: Any, t: Template, tr: Translate) -> str:
    if value is None:
        return word("tpl.none", tr)
    if isinstance(value, bool):
        return word("tpl.yes" if value else "tpl.no", tr)
    if field == "type":
        return kind_word(str(value), tr)
    if field == "max_age_years":
        return recency_words(value, tr)
    if isinstance(value, int | float):
        return id_number(value)
    return str(value)


def change_text(c: dict[str, Any], old: Template, new: Template, tr: Translate = _same) -> str:
    """One change of ``db.template_diff.diff`` as a sentence."""
    code = str(c.get("code"))
    no = c.get("indicator")
    if code in ("indicator_added", "indicator_removed"):
        t = new if code == "indicator_added" else old
        return word(f"tpl.diff.{code}", tr, indicator=no, name=t.indicator(int(no)).short_name)
    if code == "wording_changed":
        f = str(c.get("field"))
        label = word(f"tpl.field.{f}", tr) if f"tpl.field.{f}" in WORDS else f
        a, b = getattr(old.indicator(int(no)), f), getattr(new.indicator(int(no)), f)
        if f == "cluster":
            a, b = old.cluster(a).name, new.cluster(b).name
        if len(str(a)) + len(str(b)) > 160:
            return word("tpl.diff.wording_changed_long", tr, field=label)
        return word("tpl.diff.wording_changed", tr, field=label, old=a, new=b)
    if code in ("wording_status_changed", "item_wording_status_changed"):
        params = {"old": status_word(str(c.get("old")), tr), "new": status_word(str(c.get("new")), tr)}
        if code == "item_wording_status_changed":
            params["label"] = item_label(int(no), str(c.get("item")), new, old)
        return word(f"tpl.diff.{code}", tr, **params)
    if code == "weight_changed":
        return word("tpl.diff.weight_changed", tr, old=c.get("old"), new=c.get("new"))
    if code == "item_added":
        it = new.indicator(int(no)).item(str(c.get("item")))
        return word("tpl.diff.item_added", tr, label=it.label, kind=f"{kind_word(it.type, tr)}; "
                    f"{split_words(new, it, tr)}")
    if code == "item_removed":
        return word("tpl.diff.item_removed", tr, label=item_label(int(no), str(c.get("item")), old))
    if code == "item_changed":
        key, f = str(c.get("item")), str(c.get("field"))
        a, b = old.indicator(int(no)).item(key), new.indicator(int(no)).item(key)
        if f == "label":
            return word("tpl.diff.item_label", tr, old=a.label, new=b.label)
        label = b.label
        if f == "help":
            return word("tpl.diff.item_help", tr, label=label)
        if f == "required":
            return word("tpl.diff.item_required", tr, label=label, old=required_word(a.required, tr),
                        new=required_word(b.required, tr))
        if f == "type":
            return word("tpl.diff.item_type", tr, label=label, old=kind_word(a.type, tr), new=kind_word(b.type, tr))
        if f in ("sex", "age"):
            return word("tpl.diff.item_split", tr, label=label, old=split_words(old, a, tr),
                        new=split_words(new, b, tr))
        if f in ("min_value", "max_value"):
            return word("tpl.diff.item_range", tr, label=label, old=_range(a, tr), new=_range(b, tr))
        return word("tpl.diff.item_other", tr, label=label)
    if code == "evidence_added":
        e = next(e for e in new.indicator(int(no)).evidence if e.key == c.get("evidence"))
        return word("tpl.diff.evidence_added", tr, label=e.label, kind=evidence_kind_word(e.kind, tr),
                    count=word("tpl.count_files", tr, count=e.min_count), recency=recency_words(e.max_age_years, tr),
                    required=required_word(e.required, tr))
    if code == "evidence_removed":
        return word("tpl.diff.evidence_removed", tr, label=evidence_label(int(no), str(c.get("evidence")), old))
    if code == "evidence_changed":
        key, f = str(c.get("evidence")), str(c.get("field"))
        a = next(e for e in old.indicator(int(no)).evidence if e.key == key)
        b = next(e for e in new.indicator(int(no)).evidence if e.key == key)
        if f == "label":
            return word("tpl.diff.evidence_label", tr, old=a.label, new=b.label)
        if f == "kind":
            va, vb = evidence_kind_word(a.kind, tr), evidence_kind_word(b.kind, tr)
        elif f == "min_count":
            va, vb = word("tpl.count_files", tr, count=a.min_count), word("tpl.count_files", tr, count=b.min_count)
        elif f == "required":
            va, vb = required_word(a.required, tr), required_word(b.required, tr)
        else:
            va, vb = _value_words(f, getattr(a, f), old, tr), _value_words(f, getattr(b, f), new, tr)
        return word("tpl.diff.evidence_field", tr, label=b.label, old=va, new=vb)
    if code in ("check_added", "check_removed", "check_changed"):
        return word(f"tpl.diff.{code}", tr, message=c.get("message") or word("tpl.check_unnamed", tr))
    if code == "year_change_changed":
        return word("tpl.diff.year_change_changed", tr, **{
            k: _value_words("", c.get(k), new, tr) for k in ("old_factor", "new_factor", "old_min", "new_min")})
    if code == "bands_changed":
        text = word("tpl.diff.bands_changed", tr, bands=bands_words(new))
        if c.get("source_changed"):
            text += " " + word("tpl.diff.bands_source", tr, source=categories(new).source or word("tpl.none", tr))
        return text
    if code == "template_family_changed":
        return word("tpl.diff.template_family_changed", tr, old=c.get("old"), new=c.get("new"))
    if code == "setting_changed":
        return word("tpl.diff.setting_changed", tr, field=c.get("field"))
    return word("tpl.diff.plausibility_changed", tr)


def _range(it: Item, tr: Translate) -> str:
    lo = word("tpl.none", tr) if it.min_value is None else id_number(it.min_value)
    hi = word("tpl.none", tr) if it.max_value is None else id_number(it.max_value)
    return f"{lo}–{hi}"


def step_lines(steps: Any, old: Template, new: Template, tr: Translate = _same) -> list[str]:
    """The migration rules of ``steps`` in words: what happens to values already typed."""
    out: list[str] = []
    for step in steps:
        for src, dst in (step.get("rename") or {}).items():
            no = str(src).partition(".")[0]
            out.append(word("tpl.step.rename", tr, old=full_label(src, old, new), new=full_label(f"{no}.{dst}", new)))
        for m in step.get("merge") or []:
            srcs = [str(x) for x in m.get("from") or []]
            no = srcs[0].partition(".")[0] if srcs else "0"
            out.append(word("tpl.step.merge", tr, sources="”, “".join(full_label(x, old, new) for x in srcs),
                            into=full_label(f"{no}.{m.get('into')}", new, old)))
        for sp in step.get("split") or []:
            src = str(sp.get("from"))
            no = src.partition(".")[0]
            into = "”, “".join(full_label(f"{no}.{k}", new) for k in sp.get("into") or [])
            if sp.get("carry"):
                out.append(word("tpl.step.split_carry", tr, old=full_label(src, old), into=into,
                                carry=full_label(f"{no}.{sp['carry']}", new)))
            else:
                out.append(word("tpl.step.split_aside", tr, old=full_label(src, old), into=into))
        for kind in ("retire", "drop"):
            for r in step.get(kind) or []:
                out.append(word("tpl.step.retire", tr, old=full_label(str(r), old, new)))
    return out


def diff_sections(rec: Any, tr: Translate = _same) -> list[tuple[str, list[str]]]:
    """A :class:`db.records.TemplateDiffRecord` as (heading, sentences), per indicator in number order,
    then the whole template, then the values already typed (the migration rules)."""
    old, new = rec.old, rec.new
    per: dict[int, list[str]] = {}
    whole: list[str] = []
    # An item renamed by a rule is one change ("diganti"), not one removed and one added.
    renamed = {(int(src.partition(".")[0]), src.partition(".")[2]): str(dst)
               for step in rec.steps for src, dst in (step.get("rename") or {}).items()
               if str(src).partition(".")[0].isdigit()}
    targets = {(no, dst) for (no, _), dst in renamed.items()}
    for c in rec.changes:
        no = c.get("indicator")
        if c.get("code") == "item_added" and (no, c.get("item")) in targets:
            continue
        if c.get("code") == "item_removed" and (no, c.get("item")) in renamed:
            a = item_label(int(no), str(c["item"]), old)
            b = item_label(int(no), renamed[(no, c["item"])], new, old)
            per.setdefault(int(no), []).append(word(
                "tpl.diff.item_renamed" if a != b else "tpl.diff.item_renamed_same", tr, old=a, new=b))
            continue
        (per.setdefault(int(no), []) if isinstance(no, int) else whole).append(change_text(c, old, new, tr))
    out: list[tuple[str, list[str]]] = []
    for no in sorted(per):
        out.append((indicator_heading(new if any(i.no == no for i in new.indicators) else old, no, tr), per[no]))
    if whole:
        out.append((word("tpl.whole_template", tr), whole))
    steps = step_lines(rec.steps, old, new, tr)
    if not out and not steps:
        return [(word("tpl.whole_template", tr), [word("tpl.diff.nothing", tr)])]
    out.append((word("tpl.values_heading", tr), steps or [word("tpl.step.none", tr)]))
    return out


# ---------------------------------------------------------------------------- problems and refusals


def problem_text(p: dict[str, Any], base: Template, draft: Template, tr: Translate = _same) -> str:
    """One problem of a draft (``TemplateDraftRecord.problems``) as a sentence, without keys."""
    code = str(p.get("code"))
    if code == "weights_total":
        return word("tpl.problem.weights_total", tr, total=id_number(p.get("total")),
                    expected=id_number(p.get("expected")))
    if f"tpl.problem.{code}" in WORDS:
        item = str(p.get("item", ""))
        label = full_label(item, draft, base) if code == "rule_target_unknown" else full_label(item, base, draft)
        return word(f"tpl.problem.{code}", tr, label=label)
    return render(code, {k: v for k, v in p.items() if k != "code"}, tr)


def problem_indicator(p: dict[str, Any]) -> int | None:
    """The indicator a problem belongs to (shown next to it), None for the whole template."""
    item = p.get("item")
    if isinstance(item, str) and "." in item:
        head = item.partition(".")[0]
        return int(head) if head.isdigit() else None
    return None


_INVALID = (  # the parser's problems (db/template.py) a draft edit can meet, as the window words them
    (r"duplicate item key", "duplicate_item"),
    (r"^(part_of|numerator|denominator) (must name a count item|has another disaggregation)$|"
     r"numerator/denominator differ|part_of on a non-count", "part_shape"),
    (r"only counts are disaggregated", "disaggregation"),
    (r"choice without choices", "choices"),
    (r"min above max", "min_max"),
    (r"^'(min|max)' on a", "range_kind"),
    (r"unknown evidence kind|bad evidence key|duplicate evidence key", "evidence_kind"),
    (r"too_many|too_deep|text_too_long|too_large", "too_big"),
    (r"missing 'label'|'label' has the wrong type", "empty"),
)
_ITEM_WHERE = re.compile(r"^indicator (\d+) item ([a-z0-9_]+)$")


def edit_error_text(exc: KlaError, op: str, base: Template, draft: Template | None,
                    tr: Translate = _same) -> str:
    """The sentence for an edit the draft refused (``op`` as asked), naming things by their words."""
    p = exc.params
    templates = [t for t in (draft, base) if t is not None]
    if exc.code == "template_invalid":
        where, problem = str(p.get("where", "")), str(p.get("problem", ""))
        if where.startswith("plausibility"):
            if op in ("retire_item", "rename_item", "merge_items", "split_item", "set_item_range"):
                return word("tpl.refused.in_rule", tr)
            if re.search(r"is not a count|has no sex|has no age band|unknown indicator", problem):
                return word("tpl.refused.rule_terms", tr)
            return word("tpl.refused.rule_form", tr)
        for pattern, key in _INVALID:
            if re.search(pattern, problem):
                m = _ITEM_WHERE.match(where)
                label = item_label(int(m.group(1)), m.group(2), *templates) if m else ""
                if key == "part_shape" and op in ("retire_item", "merge_items", "split_item"):
                    key = "whole_in_use"
                return word(f"tpl.refused.{key}", tr, label=label)
        return word("tpl.refused.other", tr)
    if exc.code == "template_edit_invalid":
        field = str(p.get("field", ""))
        key = {"weight": "weight", "kind": "evidence_kind", "evidence": "evidence_last", "empty": "empty",
               "min": "count", "max": "count", "min_count": "count", "max_age_years": "count", "rule": "rule_form",
               "year_change": "rule_form"}.get(field, "other")
        return word(f"tpl.refused.{key}", tr)
    if exc.code == "item_unknown":
        return word("tpl.refused.item_gone", tr)
    if exc.code == "evidence_requirement_unknown":
        return word("tpl.refused.evidence_gone", tr)
    if exc.code == "template_rule_unknown":
        return word("tpl.refused.rule_gone", tr)
    if exc.code == "template_bands_invalid":
        key = f"tpl.refused.bands.{p.get('problem')}"
        return word(key if key in WORDS else "tpl.refused.bands.malformed", tr, **p)
    if exc.code.startswith("rule_") and f"tpl.problem.{exc.code}" in WORDS:
        return problem_text({"code": exc.code, **p}, base, draft or base, tr)
    return render(exc.code, p, tr)


def change_paper(rec: Any, city_name: str, operator: str = "", problems: tuple[str, ...] = (),
                 app_version: str = "", draft_hash: str = "") -> Any:
    """The printed record (:class:`exports.template_report.TemplateChangePaper`) of a diff, in Indonesian
    whatever the window's language, as every printed report."""
    from exports.template_report import TemplateChangePaper

    sections = tuple((h, tuple(lines)) for h, lines in diff_sections(rec))
    return TemplateChangePaper(rec.new.name, rec.old.version, rec.new.version, rec.old.content_hash,
                               draft_hash or rec.new.content_hash, rec.is_draft, city_name, sections, problems,
                               operator, app_version=app_version, weights_note=rec.new.weights_note)
