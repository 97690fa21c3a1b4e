"""The Excel form's import in words: one sentence per cell and per notice (plain Python, no Qt).

The window (``ui.entry.xlsx_import_dialog``) and the command line (``kla entry import-xlsx``)
say the same thing; ``translate`` is Qt Linguist's in the window and the identity (Indonesian)
on the command line. Item names come from the template, never item keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.errors import KlaError
from db.template import Item, Template
from exports.xlsx_form import CHANGED, FLAGGED, INVALID, NEW, UNCHANGED, CellOutcome, FormCell, Notice
from ui.messages import MESSAGES, WORDS, Translate, display_params, id_number, render

TEXT_SHOWN = 40  # characters of a text value shown in a list


def _same(text: str) -> str:
    return text


def word(key: str, translate: Translate = _same, **params: object) -> str:
    text = translate(WORDS[key])
    try:
        return text.format(**display_params(dict(params)))
    except (KeyError, IndexError):
        return text


def kind_words(kind: str, translate: Translate = _same) -> str:
    """'Baru', 'Berubah', 'Ditandai', 'Tidak sah', 'Tetap'."""
    return word(f"form.kind.{kind}", translate)


def _item(template: Template, cell: FormCell) -> Item | None:
    try:
        return template.indicator(cell.indicator_no).item(cell.item_key)
    except KlaError:
        return None


def cell_words(template: Template, cell: FormCell, translate: Translate = _same) -> str:
    """'Jumlah anak — Laki-laki, 0–60 hari': the item as the form labels it, then its sex and age band."""
    item = _item(template, cell)
    name = item.label if item is not None else word("form.unknown_item", translate)
    parts = []
    if cell.sex in ("L", "P"):
        parts.append(word(f"form.sex.{cell.sex}", translate))
    if cell.age and item is not None and item.age:
        parts.append(next((b.label for b in template.age_bands.get(item.age, ()) if b.key == cell.age), cell.age))
    return f"{name} \u2014 {', '.join(parts)}" if parts else name


def value_words(template: Template, cell: FormCell, value: Any, translate: Translate = _same) -> str:
    """A stored value the way the clerk typed it: 1.234, ya, 17-08-2025, a choice by its label."""
    if value is None or value == "":
        return word("form.empty", translate)
    item = _item(template, cell)
    if isinstance(value, bool):
        return word("form.yes" if value else "form.no", translate)
    if isinstance(value, int | float):
        return id_number(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    if item is not None and item.type == "choice":
        return next((c.label for c in item.choices if c.key == text), text)
    if item is not None and item.type == "date":
        try:
            return dt.date.fromisoformat(text).strftime("%d-%m-%Y")
        except ValueError:
            return text
    return text if len(text) <= TEXT_SHOWN else text[: TEXT_SHOWN - 1] + "\u2026"


def raw_words(value: Any) -> str:
    """What an invalid cell holds, as it was read."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if len(text) <= TEXT_SHOWN else text[: TEXT_SHOWN - 1] + "\u2026"


def _flag_words(flag: Any, translate: Translate) -> str:
    """A flag of the store (a dict with ``code`` and its parameters) in words."""
    if isinstance(flag, dict):
        code = str(flag.get("code", ""))
        params = {k: v for k, v in flag.items() if k not in ("code", "importance", "cells")}
    else:
        code, params = str(getattr(flag, "code", flag)), dict(getattr(flag, "params", {}) or {})
    if f"flag.{code}" in WORDS:
        return word(f"flag.{code}", translate, **params)
    if code in MESSAGES:
        return render(code, params, translate)
    return word("form.flagged", translate)


def outcome_sentence(outcome: CellOutcome, translate: Translate = _same) -> str:
    """Why the import does (or did) what it does with this cell, and what to do when it is invalid."""
    o = outcome
    if o.kind == INVALID:
        return render(o.code, dict(o.params), translate)
    if o.kind == FLAGGED:
        said = [w for w in (_flag_words(f, translate) for f in o.flags) if w != word("form.flagged", translate)]
        return " ".join([word("form.flagged", translate), *said])
    if o.code and f"form.{o.code}" in WORDS:
        return word(f"form.{o.code}", translate, **dict(o.params))
    if o.kind == NEW:
        return word("form.new", translate)
    if o.kind == CHANGED:
        return word("form.cleared" if o.new is None else "form.changed", translate)
    if o.kind == UNCHANGED:
        return word("form.unchanged", translate)
    return ""


def change_words(template: Template, outcome: CellOutcome, translate: Translate = _same) -> str:
    """'23 -> 1.234' for a change, the new value for a new one, what the cell holds when invalid."""
    o = outcome
    if o.kind == INVALID:
        return raw_words(o.cell.raw)
    new = value_words(template, o.cell, o.new, translate)
    if o.kind in (CHANGED, FLAGGED) and o.old is not None:
        return f"{value_words(template, o.cell, o.old, translate)} \u2192 {new}"
    if o.kind == UNCHANGED and o.code == "kept_newer":
        return value_words(template, o.cell, o.old, translate)
    if o.kind == UNCHANGED:
        return value_words(template, o.cell, o.old if o.old is not None else o.new, translate)
    return new


def notice_sentence(notice: Notice, translate: Translate = _same) -> str:
    key = f"form.{notice.code}"
    if key in WORDS:
        return word(key, translate, **dict(notice.params))
    return render(notice.code, dict(notice.params), translate)


__all__ = ["change_words", "cell_words", "kind_words", "notice_sentence", "outcome_sentence",
           "value_words", "word"]
