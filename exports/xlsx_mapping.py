"""A workbook that is not our form (a Disdukcapil recap), mapped once and read again next year.

The clerk says once which sheet, which row holds the column headers, which column names the
kelurahan (and how this kelurahan is written there), and which column holds which cell of the
template. That :class:`Mapping` is kept as a setting of the workspace (``xlsx_mappings``, JSON
by name) and found again by the headers' text, never by position: next year's recap with
columns moved, rows inserted or the kelurahan on another row reads the same way.

:func:`plan_from_mapping` turns such a workbook into the same :class:`exports.xlsx_form.FormPlan`
an own form gives, so the dry run, the rules and the one-transaction import are the same. The
file passes the same checks before it is read (size, zip, macros, external links, rows).
"""

from __future__ import annotations

import json
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.store import Store
from exports.xlsx_form import (
    DEFAULT_LIMITS,
    FormCell,
    FormPlan,
    Limits,
    Notice,
    check_container,
    open_workbook,
)

SETTING = "xlsx_mappings"
HEADER_SCAN_ROWS = 60  # a recap's headers are near its top
PREVIEW_ROWS = 40
PREVIEW_COLS = 40


def norm(value: Any) -> str:
    """A header or a name as compared: spaces collapsed, case ignored."""
    return " ".join(str(value).split()).lower() if value is not None else ""


@dataclass(frozen=True)
class Target:
    """The template cell a column fills."""

    indicator_no: int
    item_key: str
    sex: str = ""
    age: str = ""


@dataclass(frozen=True)
class Mapping:
    """How one kind of foreign workbook is read (see the module docstring)."""

    name: str
    sheet: str
    key_header: str
    key_value: str
    columns: MappingABC[str, Target] = field(default_factory=dict)  # header text -> cell

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "sheet": self.sheet, "key_header": self.key_header, "key_value": self.key_value,
                "columns": {h: [t.indicator_no, t.item_key, t.sex, t.age] for h, t in self.columns.items()}}

    @classmethod
    def from_json(cls, d: Any) -> Mapping:
        try:
            cols = {str(h): Target(int(t[0]), str(t[1]), str(t[2]), str(t[3])) for h, t in d["columns"].items()}
            return cls(str(d["name"]), str(d["sheet"]), str(d["key_header"]), str(d["key_value"]), cols)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise KlaError("xlsx_mapping_invalid") from exc


def saved_mappings(store: Store) -> dict[str, Mapping]:
    """The mappings saved in this workspace, by name (a damaged entry is skipped)."""
    try:
        raw = json.loads(store.setting(SETTING, "{}") or "{}")
    except ValueError:
        return {}
    out = {}
    for name, d in raw.items() if isinstance(raw, dict) else ():
        try:
            out[str(name)] = Mapping.from_json(d)
        except KlaError:
            continue
    return out


def save_mapping(store: Store, mapping: Mapping) -> Any:
    """Keep ``mapping`` (replacing one of the same name); returns the store's Changes."""
    if not mapping.name.strip():
        raise KlaError("xlsx_mapping_name_empty")
    if not mapping.columns:
        raise KlaError("xlsx_mapping_empty")
    t = store.template
    for target in mapping.columns.values():  # every target is a cell of the template that can be typed
        item = t.indicator(target.indicator_no).item(target.item_key)
        if item.computed or (target.sex, target.age) not in t.cells(item):
            raise KlaError("cell_invalid", item=item.label, sex=target.sex, age=target.age)
    all_ = {n: m.to_json() for n, m in saved_mappings(store).items()}
    all_[mapping.name] = mapping.to_json()
    return store.set_setting(SETTING, json.dumps(all_, ensure_ascii=False, sort_keys=True))


@dataclass(frozen=True)
class SheetPreview:
    """The top of one sheet as text, for the clerk to map."""

    title: str
    rows: tuple[tuple[str, ...], ...]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime"):
        return str(value.strftime("%d-%m-%Y"))
    return " ".join(str(value).split())


def _trimmed(row: tuple[str, ...]) -> tuple[str, ...]:
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


def preview(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[SheetPreview, ...]:
    """The first rows and columns of every sheet (values only, formulas' saved results)."""
    path = Path(path)
    check_container(path, limits)
    try:
        wb, fh = open_workbook(path, data_only=True)
    except Exception as exc:  # a damaged workbook: many kinds of error, all "unreadable"
        raise KlaError("xlsx_unreadable", path=str(path), detail=type(exc).__name__) from exc
    try:
        out = []
        for ws in wb.worksheets[: limits.max_sheets]:
            rows = tuple(_trimmed(tuple(_text(v) for v in row)) for row in
                         ws.iter_rows(max_row=PREVIEW_ROWS, max_col=PREVIEW_COLS, values_only=True))
            out.append(SheetPreview(ws.title, rows))
        return tuple(out)
    finally:
        wb.close()
        fh.close()


def guess_header_row(rows: tuple[tuple[str, ...], ...]) -> int:
    """The first row with at least two texts that are not numbers (1-based; 1 when none)."""
    for i, row in enumerate(rows, start=1):
        texts = [c for c in row if c and not c.replace(".", "").replace(",", "").isdigit()]
        if len(texts) >= 2:
            return i
    return 1


def matches(mapping: Mapping, sheets: tuple[SheetPreview, ...]) -> bool:
    """Whether this workbook has the mapping's sheet, kelurahan column and every mapped header."""
    return _find(mapping, sheets) is not None


def _find(mapping: Mapping, sheets: tuple[SheetPreview, ...]) -> tuple[SheetPreview, int, dict[str, int]] | None:
    wanted = {norm(h) for h in mapping.columns} | {norm(mapping.key_header)}
    for sheet in sheets:
        if mapping.sheet and norm(sheet.title) != norm(mapping.sheet):
            continue
        for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS], start=1):
            cols = {norm(c): i for i, c in enumerate(row) if c}
            if wanted <= set(cols):
                return sheet, r, cols
    return None


def find_saved(store: Store, sheets: tuple[SheetPreview, ...]) -> Mapping | None:
    """The saved mapping this workbook fits, if any."""
    for m in saved_mappings(store).values():
        if matches(m, sheets):
            return m
    return None


def plan_from_mapping(store: Store, path: Path, mapping: Mapping, data_year: int,
                      limits: Limits = DEFAULT_LIMITS) -> FormPlan:
    """A foreign workbook read through ``mapping`` as a plan for this workspace's kelurahan and ``data_year``."""
    from openpyxl.utils import get_column_letter

    path = Path(path)
    store.period_for_data_year(data_year)
    sheets = preview(path, limits)
    found = _find(mapping, sheets)
    if found is None:
        raise KlaError("xlsx_mapping_no_match", name=mapping.name)
    sheet, header_row, cols = found
    key_col = cols[norm(mapping.key_header)]
    wb, fh = open_workbook(path, data_only=True)
    try:
        ws = wb[sheet.title]
        data_row: tuple[Any, ...] | None = None
        at = 0
        for r, row in enumerate(ws.iter_rows(min_row=header_row + 1, max_row=limits.max_rows,
                                             max_col=limits.max_cols, values_only=True), start=header_row + 1):
            if key_col < len(row) and norm(row[key_col]) == norm(mapping.key_value):
                data_row, at = row, r
                break
    finally:
        wb.close()
        fh.close()
    if data_row is None:
        raise KlaError("xlsx_mapping_row_missing", value=mapping.key_value, column=mapping.key_header,
                       sheet=sheet.title)
    t = store.template
    cells = []
    for header, target in mapping.columns.items():
        c = cols[norm(header)]
        value = data_row[c] if c < len(data_row) else None
        cells.append(FormCell(sheet=sheet.title, coordinate=f"{get_column_letter(c + 1)}{at}",
                              indicator_no=target.indicator_no, item_key=target.item_key, sex=target.sex,
                              age=target.age, raw=value))
    indicators = tuple(sorted({c.indicator_no for c in cells}))
    return FormPlan(str(path), store.kelurahan_code, data_year, t.id, t.version, t.content_hash, indicators,
                    tuple(cells), (Notice("xlsx_mapped", {"name": mapping.name}),))




def plan_for(store: Store, path: Path, data_year: int, limits: Limits = DEFAULT_LIMITS) -> FormPlan:
    """Our form read as it is, or a foreign workbook through the saved mapping it fits.

    Refuses as :func:`exports.xlsx_form.read_form` does; a foreign workbook no saved mapping
    fits stays refused as ``xlsx_not_form`` (the window then offers to map it).
    """
    from exports.xlsx_form import read_form

    try:
        return read_form(path, limits=limits)
    except KlaError as exc:
        if exc.code != "xlsx_not_form":
            raise
        mapping = find_saved(store, preview(path, limits))
        if mapping is None:
            raise
        return plan_from_mapping(store, path, mapping, data_year, limits)


__all__ = ["SETTING", "Mapping", "SheetPreview", "Target", "find_saved", "guess_header_row", "matches", "norm", "plan_for",
           "plan_from_mapping", "preview", "save_mapping", "saved_mappings"]
