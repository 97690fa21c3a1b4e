"""The Excel form of one kelurahan and data year, filled anywhere and read back (issue 11).

**The form.** :func:`collect_form` reads what the form needs from the store and
:func:`write_form` writes it: a "Petunjuk" sheet, then one sheet per indicator laid out like
the window's grid (scalar items as rows, sex x age blocks for disaggregated counts), labels
and computed cells locked, input cells open with data validation, the current values
prefilled. Everything the import needs travels hidden inside the workbook:

- column A of every indicator sheet (hidden) names each row: ``kla|sheet|4`` (which
  indicator), ``kla|cols`` (a hidden row whose cells name the age band of each column:
  ``kla|age|0-60h``), ``kla|row|anak_total|L`` (an input row), and ``kla|head``/``kla|item``/
  ``kla|sum``/``kla|pct`` for rows that hold no input;
- a very hidden sheet ``_kla`` holds the unit code, data year, template id, version and
  content hash, and the values the form was prefilled with (``base`` rows), so that a value the
  clerk did not touch in Excel never overwrites one typed in the window since.

Cells are found by those names, never by position: a row or column the clerk inserts, a sheet
renamed, or a re-save by LibreOffice or Excel (other internals, other styles) changes nothing.

**The import.** :func:`read_form` turns a workbook into a :class:`FormPlan` (one
:class:`FormCell` per input cell: ``4. Akta Kelahiran!D7``, item, sex, age, raw value) and
:func:`import_plan` checks it against the store (unit, year, template version, migrated by the
template's declared rules when older) and runs every cell through ``Store.set_value``, the
rules typed values pass, inside one transaction (or a savepoint always rolled back: the dry
run). Each cell comes back as a :class:`CellOutcome`: new, changed (old -> new), unchanged,
invalid (with the store's error code) or flagged (stored, with the store's flags).

**Hostile workbooks** end in a :class:`db.errors.KlaError` before anything is written: the
file's size, its zip entries (count, sizes, compression ratio) and the sheets' declared
dimensions are checked before openpyxl parses anything; openpyxl reads in read-only mode with
rows and columns bounded; formulas are never evaluated (a formula in an input cell gives its
cached value, or the cell is invalid); workbooks with macros (``.xlsm``, ``vbaProject.bin``) or
external links are refused; a file that is not an ``.xlsx`` workbook is refused with what it
is. XML entity expansion is bounded by expat itself (2.4 and newer limit amplification).

No words for the user here: errors, notices and progress are codes with parameters that
``ui/`` and the command line word.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.changes import Changes
from db.errors import KlaError
from db.progress import Cancelled, Progress, step
from db.records import ValueChange
from db.rules import check_cell
from db.store import Store
from db.template import Indicator, Item, Template
from db.template_migration import route_chain, steps_of
from exports.container import parse_json
from exports.paper import unit_title, unit_word
from exports.reports import write_safely

log = logging.getLogger(__name__)

FORM_FORMAT = 1
"""Version of the hidden layout; a form of another format is refused."""
META_SHEET = "_kla"
GUIDE_SHEET = "Petunjuk"
TOKEN = "kla|"
SEX_WORDS = {"L": "Laki-laki", "P": "Perempuan"}
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam", ".xlsb")

# Outcome kinds, in the order a report lists them.
NEW, CHANGED, FLAGGED, INVALID, UNCHANGED = "new", "changed", "flagged", "invalid", "unchanged"
KINDS = (NEW, CHANGED, FLAGGED, INVALID, UNCHANGED)


@dataclass(frozen=True)
class Limits:
    """What a workbook may hold before it is read at all. Our own forms are far below each."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_entries: int = 1000
    max_member_bytes: int = 16 * 1024 * 1024  # uncompressed, one part (a sheet, the shared strings)
    max_total_bytes: int = 64 * 1024 * 1024  # uncompressed, all parts
    max_ratio: int = 100  # uncompressed / compressed, for parts over 1 MiB
    max_sheets: int = 100
    max_rows: int = 5000  # per sheet
    max_cols: int = 200


DEFAULT_LIMITS = Limits()


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise KlaError("cancelled")


def _no_progress(_done: int, _total: int, _step: Any) -> None:
    return None


# ============================================================================ writing


@dataclass(frozen=True)
class FormData:
    """What one form shows: plain data read from the store."""

    unit_code: str
    unit_name: str
    kecamatan_name: str
    data_year: int
    template: Template
    indicators: tuple[int, ...]
    values: Mapping[int, Mapping[tuple[str, str, str], Any]]  # indicator -> {(item, sex, age): value}
    created_at: str
    app_version: str = ""


def collect_form(store: Store, data_year: int, indicators: Iterable[int] | None = None,
                 kelurahan_code: str | None = None, app_version: str = "") -> FormData:
    """The form of a kelurahan (its own workspace's, or ``kelurahan_code`` at DP3AKB) for one data year."""
    kel = store.kel(kelurahan_code)
    store.period_for_data_year(data_year)
    t = store.template
    nos = tuple(sorted({int(n) for n in indicators})) if indicators else tuple(i.no for i in t.indicators)
    for n in nos:
        t.indicator(n)  # an unknown number is refused here, before any file is written
    unit = store.unit(kel)
    kec = store.unit(unit.parent_code).name if unit.parent_code else ""
    held = store.entries_.values_of(kel, data_year)
    return FormData(
        unit_code=kel, unit_name=unit.name, kecamatan_name=kec, data_year=data_year, template=t,
        indicators=nos, values={n: dict(held.get(n, {})) for n in nos},
        created_at=dt.datetime.now().replace(microsecond=0).isoformat(), app_version=app_version,
    )


def sheet_title(indicator: Indicator) -> str:
    """'4. Akta Kelahiran': the number and short name, cut at a word to Excel's 31 characters."""
    name = re.sub(r"[\\/?*\[\]:]", "-", f"{indicator.no}. {indicator.short_name}").strip()
    if len(name) <= 31:
        return name
    cut = name[:31]
    if " " in cut[4:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,.-&")


def default_file_name(data: FormData) -> str:
    """A name a clerk recognises on a flashdisk."""
    safe = re.sub(r"[^\w\- ]+", "", data.unit_name).strip() or data.unit_code
    one = f" indikator {data.indicators[0]}" if len(data.indicators) == 1 else ""
    return f"Formulir KLA {safe} {data.data_year}{one}.xlsx"


def grid_groups(template: Template, indicator: Indicator) -> list[list[Item]]:
    """Disaggregated items grouped by shape (sex, age set) as the window's grid shows them.

    A percent item joins the group of its numerator when that one is disaggregated. (The same
    grouping as ``ui.entry.grid_model.grid_items``; kept here because exports/ has no Qt.)
    """
    groups: dict[tuple[bool, str | None], list[Item]] = {}
    for it in indicator.items:
        shape = indicator.item(it.numerator) if it.computed and it.numerator else it
        if not shape.disaggregated:
            continue
        groups.setdefault((shape.sex, shape.age), []).append(it)
    return list(groups.values())


def _display(item: Item, value: Any) -> Any:
    """A stored value as the form shows it (a choice by its label, a date as a date)."""
    if value is None:
        return None
    if item.type == "yes_no":
        return "Ya" if value else "Tidak"
    if item.type == "choice":
        return next((c.label for c in item.choices if c.key == value), value)
    if item.type == "date":
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            return value
    return value


def _list_formula(labels: Sequence[str]) -> str | None:
    """An inline list for data validation, or None when it cannot be one (a comma, too long)."""
    if any("," in s or '"' in s for s in labels):
        return None
    text = ",".join(labels)
    return f'"{text}"' if len(text) <= 250 else None


def write_form(data: FormData, dest: Path, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Path:
    """Write the form to ``dest`` (.xlsx): temporary name, re-read with :func:`read_form`, renamed."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    progress = progress or _no_progress
    t = data.template
    dest = Path(dest)
    if dest.suffix.lower() != ".xlsx":
        dest = dest.with_name(dest.name + ".xlsx")

    title_font = Font(bold=True, size=14, color="0B5C7A")
    bold = Font(bold=True)
    subtle = Font(italic=True, color="555555", size=9)
    head_fill = PatternFill("solid", fgColor="E3ECF3")
    locked_fill = PatternFill("solid", fgColor="EEF2F5")
    input_fill = PatternFill("solid", fgColor="FFFFFF")
    thin = Side(style="thin", color="9AA7B1")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)

    def protect(ws: Any) -> None:
        # Locked labels and computed cells; the clerk may still insert rows (for notes), resize
        # and format. No password: this guards against slips, not against the clerk.
        ws.protection.sheet = True
        ws.protection.insertRows = False
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.formatCells = False

    def produce(tmp: Path) -> None:
        wb = Workbook()
        guide = wb.active
        guide.title = GUIDE_SHEET
        meta = wb.create_sheet(META_SHEET)
        _write_guide(guide, data, title_font, bold, wrap)
        protect(guide)
        meta_rows: list[list[Any]] = [
            ["kla|meta", "format", str(FORM_FORMAT)], ["", "unit", data.unit_code], ["", "unit_name", data.unit_name],
            ["", "year", str(data.data_year)], ["", "template_id", t.id],
            ["", "template_version", str(t.version)], ["", "template_hash", t.content_hash],
            ["", "created_at", data.created_at], ["", "app_version", data.app_version],
        ]
        total = len(data.indicators)
        for n, no in enumerate(data.indicators):
            _check(cancelled)
            ind = t.indicator(no)
            progress(n, total, step("writing_form_sheet", name=sheet_title(ind)))
            ws = wb.create_sheet(sheet_title(ind))
            values = data.values.get(no, {})
            for (item_key, sex, age), v in sorted(values.items()):
                meta_rows.append(["base", str(no), item_key, sex, age, json.dumps(v, ensure_ascii=False)])
            _write_indicator(ws, data, ind, values)
            protect(ws)
        for r in meta_rows:
            meta.append(r)
        meta.sheet_state = "veryHidden"
        meta.protection.sheet = True
        wb.active = 0
        wb.save(str(tmp))

    def _write_indicator(ws: Any, data: FormData, ind: Indicator, values: Mapping[tuple[str, str, str], Any]) -> None:
        groups = grid_groups(t, ind)
        in_grid = {it.key for g in groups for it in g}
        shapes = [ind.item(g[0].numerator) if g[0].computed and g[0].numerator else g[0] for g in groups]
        widest = max([len(t.age_bands[sh.age]) if sh.age else 1 for sh in shapes] or [1])
        last_col = 2 + widest + (1 if widest > 1 else 0)
        ws.column_dimensions["A"].hidden = True
        ws.column_dimensions["A"].width = 4
        ws.column_dimensions["B"].width = 48
        for c in range(3, max(last_col, 4) + 1):
            ws.column_dimensions[get_column_letter(c)].width = 14
        ws.sheet_view.showGridLines = False
        ws.freeze_panes = None
        row = 1
        ws.cell(row, 1, f"kla|sheet|{ind.no}")
        ws.cell(row, 2, f"{ind.no}. {ind.title}").font = title_font
        row += 1
        ws.cell(row, 1, "kla|head")
        ws.cell(row, 2, f"{t.cluster(ind.cluster).name} \u2014 {unit_title(data.unit_code, data.unit_name)}, tahun data "
                        f"{data.data_year}").font = subtle
        row += 1
        guidance = ind.guidance or ""
        if guidance:
            ws.cell(row, 1, "kla|head")
            c = ws.cell(row, 2, guidance)
            c.alignment = wrap
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=max(last_col, 6))
            ws.row_dimensions[row].height = 15 * max(2, math.ceil(len(guidance) / 110) + 1)
            row += 1
        ws.cell(row, 1, "kla|head")
        hint = ws.cell(row, 2, "Isi kotak putih saja; kotak abu-abu dihitung otomatis. Angka boleh ditulis 1.234. "
                               "Isian bertanda * wajib diisi.")
        hint.font = subtle
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=max(last_col, 6))
        row += 2

        dvs: dict[str, Any] = {}

        def validation(kind: str, item: Item) -> Any:
            key = kind if kind not in ("choice",) else f"choice:{item.key}"
            if key in dvs:
                return dvs[key]
            if kind == "count":
                dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
                dv.error = "Isi dengan bilangan bulat 0 atau lebih, misalnya 1234. Kosongkan bila belum ada datanya."
            elif kind == "amount":
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
                dv.error = "Isi dengan angka 0 atau lebih (rupiah), misalnya 2500000."
            elif kind == "yes_no":
                dv = DataValidation(type="list", formula1='"Ya,Tidak"')
                dv.error = "Pilih Ya atau Tidak dari daftar."
            elif kind == "choice":
                labels = [c.label for c in item.choices]
                formula = _list_formula(labels)
                if formula is None:  # the labels go to the hidden sheet and the list points there
                    meta = ws.parent[META_SHEET]
                    col = meta.max_column + 1
                    for i, lab in enumerate(labels, start=1):
                        meta.cell(i, col, lab)
                    letter = get_column_letter(col)
                    formula = f"'{META_SHEET}'!${letter}$1:${letter}${len(labels)}"
                dv = DataValidation(type="list", formula1=formula)
                dv.error = "Pilih salah satu dari daftar."
            elif kind == "date":
                dv = DataValidation(type="date", operator="between", formula1="DATE(1990,1,1)",
                                    formula2="DATE(2100,12,31)")
                dv.error = "Tulis tanggal seperti 17-08-2025."
            else:
                dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="5000")
                dv.error = "Teks paling banyak 5.000 huruf."
            dv.errorTitle = "Isian tidak sah"
            dv.errorStyle = "stop"
            dv.showErrorMessage = True
            dv.allow_blank = True
            ws.add_data_validation(dv)
            dvs[key] = dv
            return dv

        def input_cell(r: int, c: int, item: Item, value: Any) -> None:
            cell = ws.cell(r, c, _display(item, value))
            cell.protection = unlocked
            cell.fill = input_fill
            cell.border = box
            if item.type in ("count", "amount"):
                cell.number_format = "#,##0"
            elif item.type == "date":
                cell.number_format = "DD-MM-YYYY"
            elif item.type == "text":
                cell.number_format = "@"
                cell.alignment = wrap
            validation(item.type, item).add(cell)

        def locked_cell(r: int, c: int, value: Any, fmt: str = "") -> None:
            cell = ws.cell(r, c, value)
            cell.fill = locked_fill
            cell.border = box
            if fmt:
                cell.number_format = fmt

        def label(r: int, item: Item, indent: bool = False, text: str | None = None) -> None:
            words = text if text is not None else item.label + (" *" if item.required else "")
            cell = ws.cell(r, 2, ("    " if indent else "") + words)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if item.help and text is None:
                cell.comment = Comment(item.help[:1000], "KLA Desktop")

        placed: set[int] = set()
        scalar_rows: dict[str, int] = {}
        need_cols = True
        for it in ind.items:
            if it.key in in_grid:
                gi = next(i for i, g in enumerate(groups) if it in g)
                if gi in placed:
                    continue
                placed.add(gi)
                row = _write_group(ws, row, ind, groups[gi], values, input_cell, locked_cell, label, bold, head_fill,
                                   box) + 1
                need_cols = True
                continue
            if need_cols:
                # A hidden row naming the value column: the import finds the column by it.
                ws.cell(row, 1, "kla|cols")
                ws.cell(row, 3, "kla|age|")
                ws.row_dimensions[row].hidden = True
                row += 1
                need_cols = False
            scalar_rows[it.key] = row
            if it.computed:
                ws.cell(row, 1, f"kla|pct|{it.key}|")
                label(row, it)
                num, den = scalar_rows.get(it.numerator or ""), scalar_rows.get(it.denominator or "")
                formula = f'=IF(OR(COUNT(C{num})=0,N(C{den})=0),"",C{num}/C{den})' if num and den else None
                locked_cell(row, 3, formula, "0.0%")
            else:
                ws.cell(row, 1, f"kla|row|{it.key}|")
                label(row, it)
                input_cell(row, 3, it, values.get((it.key, "", "")))
            row += 1

    def _write_group(ws: Any, row: int, ind: Indicator, items: list[Item], values: Mapping[tuple[str, str, str], Any],
                     input_cell: Callable[..., None], locked_cell: Callable[..., None], label: Callable[..., None],
                     bold: Any, head_fill: Any, box: Any) -> int:
        shape = ind.item(items[0].numerator) if items[0].computed and items[0].numerator else items[0]
        bands = [(b.key, b.label) for b in t.age_bands[shape.age]] if shape.age else [("", "Jumlah")]
        total_col = 3 + len(bands) if len(bands) > 1 else None
        # The hidden row naming each column's age band.
        ws.cell(row, 1, "kla|cols")
        for i, (key, _lab) in enumerate(bands):
            ws.cell(row, 3 + i, f"kla|age|{key}")
        ws.row_dimensions[row].hidden = True
        row += 1
        ws.cell(row, 1, "kla|head")
        head = ws.cell(row, 2, "Jenis kelamin" if shape.sex else "")
        head.font, head.fill, head.border = bold, head_fill, box
        for i, (_key, lab) in enumerate(bands):
            c = ws.cell(row, 3 + i, lab)
            c.font, c.fill, c.border = bold, head_fill, box
            c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        if total_col:
            c = ws.cell(row, total_col, "Jumlah")
            c.font, c.fill, c.border = bold, head_fill, box
            c.alignment = Alignment(horizontal="center")
        ws.row_dimensions[row].height = 30
        row += 1
        sexes = ["L", "P"] if shape.sex else [""]
        rows_of: dict[tuple[str, str], int] = {}  # (item, sex or '*') -> row
        first, last = get_column_letter(3), get_column_letter(2 + len(bands))

        def total(r: int) -> None:
            if total_col:
                locked_cell(r, total_col, f'=IF(COUNT({first}{r}:{last}{r})=0,"",SUM({first}{r}:{last}{r}))', "#,##0")

        for it in items:
            ws.cell(row, 1, f"kla|item|{it.key}")
            label(row, it)
            ws.cell(row, 2).font = bold
            row += 1
            if it.computed:
                num, den = it.numerator or "", it.denominator or ""
                for sex in [*sexes, "*"] if shape.sex else sexes:
                    ws.cell(row, 1, f"kla|pct|{it.key}|{sex}")
                    label(row, it, indent=True, text=SEX_WORDS.get(sex, "Jumlah (L+P)" if sex == "*" else "Nilai"))
                    nr, dr = rows_of.get((num, sex)), rows_of.get((den, sex))
                    cols = [3 + i for i in range(len(bands))] + ([total_col] if total_col else [])
                    for c in cols:
                        col = get_column_letter(c)
                        formula = (f'=IF(OR(COUNT({col}{nr})=0,N({col}{dr})=0),"",{col}{nr}/{col}{dr})'
                                   if nr and dr else None)
                        locked_cell(row, c, formula, "0.0%")
                    row += 1
                continue
            for sex in sexes:
                ws.cell(row, 1, f"kla|row|{it.key}|{sex}")
                label(row, it, indent=True, text=SEX_WORDS.get(sex, "Nilai"))
                for i, (band, _lab) in enumerate(bands):
                    input_cell(row, 3 + i, it, values.get((it.key, sex, band)))
                total(row)
                rows_of[(it.key, sex)] = row
                row += 1
            if shape.sex:
                ws.cell(row, 1, f"kla|sum|{it.key}")
                label(row, it, indent=True, text="Jumlah (L+P)")
                lr, pr = rows_of[(it.key, "L")], rows_of[(it.key, "P")]
                for i in range(len(bands)):
                    col = get_column_letter(3 + i)
                    locked_cell(row, 3 + i, f'=IF(COUNT({col}{lr}:{col}{pr})=0,"",SUM({col}{lr}:{col}{pr}))', "#,##0")
                total(row)
                rows_of[(it.key, "*")] = row
                row += 1
        return row

    def verify(tmp: Path) -> None:
        plan = read_form(tmp)
        expected = sum(
            len(t.cells(it)) for no in data.indicators for it in t.indicator(no).items if not it.computed
        )
        if plan.unit_code != data.unit_code or len(plan.cells) != expected:
            raise KlaError("dest_verify_failed", path=str(dest))

    out = write_safely(dest, produce, verify)
    progress(len(data.indicators), len(data.indicators), step("done"))
    return out


def _write_guide(ws: Any, data: FormData, title_font: Any, bold: Any, wrap: Any) -> None:
    t = data.template
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].width = 110
    ws.sheet_view.showGridLines = False
    ws.cell(1, 1, "kla|guide")
    unit = unit_title(data.unit_code, data.unit_name)  # "Desa Perian", "Kelurahan Manggar"
    ws.cell(1, 2, f"Formulir isian KLA \u2014 {unit}, tahun data {data.data_year}").font = title_font
    kec = f" (Kecamatan {data.kecamatan_name})" if data.kecamatan_name else ""
    word = unit_word(data.unit_code).lower()  # "desa" or "kelurahan"
    lines = [
        f"Formulir ini dibuat oleh KLA Desktop untuk {unit}{kec}, tahun data {data.data_year}, "
        f"template \u201c{t.name}\u201d versi {t.version}.",
        "",
        "Cara mengisi",
        "1. Setiap indikator ada di lembarnya sendiri (lihat tab di bawah). Isi hanya kotak putih; kotak abu-abu "
        "berisi judul atau dihitung otomatis.",
        "2. Angka boleh ditulis 1.234 atau 1234. Tanggal ditulis seperti 17-08-2025. Ya/Tidak dan pilihan lain "
        "dipilih dari daftar di kotaknya.",
        "3. Nilai yang sudah tercatat di KLA Desktop sudah terisi. Mengosongkan kotak berarti nilainya dihapus "
        "saat formulir diimpor.",
        "4. Boleh menambah baris untuk catatan sendiri. Jangan menyalin atau menghapus baris isian, dan jangan "
        "mengubah kolom atau baris yang tersembunyi: dari situ program mengenali setiap kotak.",
        "",
        "Setelah selesai",
        "5. Simpan sebagai Buku Kerja Excel (.xlsx), baik di Excel maupun LibreOffice Calc (bukan .xls, .xlsm "
        "atau .ods).",
        "6. Bawa berkasnya ke komputer KLA Desktop. Di halaman Indikator pilih \u201cImpor dari Excel\u201d atau "
        "seret berkasnya ke halaman itu. Program menunjukkan dulu setiap kotak yang akan berubah; baru setelah "
        "Anda memilih \u201cTerapkan\u201d semuanya disimpan sekaligus (dan bisa dibatalkan dengan Ctrl+Z).",
        f"7. Formulir ini hanya untuk {unit}, tahun data {data.data_year}. Formulir "
        f"{word} lain, tahun data lain, atau template lain ditolak tanpa mengubah apa pun.",
        "",
        "Indikator di formulir ini: " + ", ".join(sheet_title(t.indicator(n)) for n in data.indicators) + ".",
    ]
    for i, text in enumerate(lines, start=3):
        ws.cell(i, 1, "kla|guide")
        c = ws.cell(i, 2, text)
        c.alignment = wrap
        if text in ("Cara mengisi", "Setelah selesai"):
            c.font = bold
        elif len(text) > 110:
            ws.row_dimensions[i].height = 15 * math.ceil(len(text) / 105)


# ============================================================================ reading


@dataclass(frozen=True)
class FormCell:
    """One input cell of a form as read: where it is, what it is about, and what it holds.

    ``base`` is the value the form was prefilled with (``has_base`` False when the form carries
    none for this cell, e.g. an older form). ``problem`` is a reading problem (a code) that makes
    the cell invalid before any rule is asked.
    """

    sheet: str
    coordinate: str
    indicator_no: int
    item_key: str
    sex: str
    age: str
    raw: Any
    has_base: bool = False
    base: Any = None
    formula: bool = False
    problem: str = ""
    problem_params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """``4. Akta Kelahiran!D7``: what the clerk finds in Excel with Ctrl+G."""
        return f"{self.sheet}!{self.coordinate}"

    @property
    def key(self) -> tuple[int, str, str, str]:
        return (self.indicator_no, self.item_key, self.sex, self.age)


@dataclass(frozen=True)
class Notice:
    """Something about the whole workbook worth saying (a code with parameters)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FormPlan:
    """A form read back: its hidden identifiers and every input cell, in workbook order."""

    path: str
    unit_code: str
    data_year: int
    template_id: str
    template_version: int
    template_hash: str
    indicators: tuple[int, ...]
    cells: tuple[FormCell, ...]
    notices: tuple[Notice, ...] = ()
    unit_name: str = ""  # as the form names it (for a refusal: this workspace may not know that unit)


def check_container(path: Path, limits: Limits) -> None:
    """Refuse what is not a plain .xlsx before openpyxl parses a byte of it."""
    if not path.is_file():
        raise KlaError("file_not_found", path=str(path))
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise KlaError("xlsx_too_large", path=str(path), bytes=size, byte_limit=limits.max_file_bytes)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: an old .xls, or an .xlsx saved with a password (Excel wraps those in OLE2 too).
        raise KlaError("xlsx_old_or_locked", path=str(path))
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise KlaError("xlsx_macros", path=str(path))
    if not head.startswith(b"PK"):
        raise KlaError("xlsx_not_workbook", path=str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_members(zf, path, limits)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError, zlib.error) as exc:
        # zipfile on a damaged or hand-made file (bad CRC, a stream that does not inflate, a future
        # version): not a workbook we can read, never an internal error (found by scripts/fuzz).
        raise KlaError("xlsx_damaged", path=str(path)) from exc


def _check_members(zf: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    """The checks of :func:`check_container` that read the ZIP's directory and members."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise KlaError("xlsx_zip_bomb", path=str(path), detail="too_many_files", count=len(infos))
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise KlaError("xlsx_old_or_locked", path=str(path))
        if info.file_size > limits.max_member_bytes:
            raise KlaError("xlsx_zip_bomb", path=str(path), detail="member_too_large", name=info.filename,
                           size=info.file_size)
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(1, info.compress_size):
            raise KlaError("xlsx_zip_bomb", path=str(path), detail="ratio", name=info.filename,
                           ratio=info.file_size // max(1, info.compress_size))
        total += info.file_size
    if total > limits.max_total_bytes:
        raise KlaError("xlsx_zip_bomb", path=str(path), detail="total_too_large", size=total)
    if "mimetype" in names and "content.xml" in names:
        raise KlaError("xlsx_is_ods", path=str(path))
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise KlaError("xlsx_not_workbook", path=str(path))
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise KlaError("xlsx_macros", path=str(path))
    if "xl/workbook.bin" in names:  # .xlsb: binary, and may carry macros
        raise KlaError("xlsx_macros", path=str(path))
    try:
        types = zf.read("[Content_Types].xml")
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError) as exc:  # RuntimeError: encrypted
        raise KlaError("xlsx_not_workbook", path=str(path)) from exc
    if b"macroEnabled" in types:
        raise KlaError("xlsx_macros", path=str(path))
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise KlaError("xlsx_external_links", path=str(path))
    sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    if len(sheets) > limits.max_sheets:
        raise KlaError("xlsx_zip_bomb", path=str(path), detail="too_many_sheets", count=len(sheets))
    titles = _sheet_titles(zf)
    for name in sheets:
        rows = _count_rows(zf, name)
        if rows > limits.max_rows:
            raise KlaError("xlsx_too_many_rows", path=str(path), sheet=titles.get(name, name.rsplit("/", 1)[-1]),
                           rows=rows, row_limit=limits.max_rows)


def _count_rows(zf: zipfile.ZipFile, name: str) -> int:
    """How many rows a sheet's XML holds, counted in the compressed stream's bytes (no XML parsed).

    openpyxl scans a whole sheet for its size when the sheet declares none; counting first keeps
    a sheet of a million rows from ever reaching it.
    """
    count, tail = 0, b""
    with zf.open(name) as fh:
        while chunk := fh.read(1024 * 1024):
            data = tail + chunk
            count += data.count(b"<row ") + data.count(b"<row>")
            tail = data[-5:]
            count -= tail.count(b"<row ") + tail.count(b"<row>")  # counted again with the next chunk
    return count + tail.count(b"<row ") + tail.count(b"<row>")


def _sheet_titles(zf: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> sheet title, for saying which sheet is too large (best effort)."""
    import xml.etree.ElementTree as ET

    try:
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        book = ET.fromstring(zf.read("xl/workbook.xml"))
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError, RuntimeError):
        return {}
    target = {r.get("Id"): r.get("Target", "") for r in rels if r.get("Id")}
    out = {}
    for sheet in book.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
        rid = sheet.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        t = target.get(rid, "").lstrip("/")
        if t:
            out[t if t.startswith("xl/") else f"xl/{t}"] = sheet.get("name", "")
    return out


def open_workbook(path: Path, data_only: bool) -> Any:
    """(workbook, file) in openpyxl's read-only mode; close both. Only after :func:`check_container`."""
    from openpyxl import load_workbook

    # keep_links=False: external link parts are never read (they are refused above anyway).
    fh = open(path, "rb")  # a file object: openpyxl judges a name by its suffix
    try:
        wb = load_workbook(fh, read_only=True, data_only=data_only, keep_links=False, keep_vba=False)
    except BaseException:
        fh.close()
        raise
    return wb, fh


def _token(value: Any) -> str:
    return value if isinstance(value, str) and value.startswith(TOKEN) else ""


def _parse_meta(ws: Any, limits: Limits) -> tuple[dict[str, str], dict[tuple[int, str, str, str], Any]]:
    meta: dict[str, str] = {}
    base: dict[tuple[int, str, str, str], Any] = {}
    for n, row in enumerate(ws.iter_rows(max_row=limits.max_rows, max_col=6, values_only=True)):
        if n == 0 and (not row or row[0] != "kla|meta"):
            return {}, {}
        if not row:
            continue
        if row[0] == "base" and len(row) >= 6:
            try:
                key = (int(str(row[1])), str(row[2] or ""), str(row[3] or ""), str(row[4] or ""))
                # A cell of the workbook: any text at all (a hostile or damaged file), so depth-bounded.
                base[key] = parse_json(str(row[5]), 4)
            except (ValueError, TypeError):
                continue
        elif len(row) >= 3 and isinstance(row[1], str):
            meta[row[1]] = "" if row[2] is None else str(row[2])
    return meta, base


def read_form(path: Path, *, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> FormPlan:
    """Read a form into a :class:`FormPlan`; refuses (KlaError) what is not a readable form of ours."""
    path = Path(path)
    progress = progress or _no_progress
    check_container(path, limits)
    try:
        return _read(path, limits, progress, cancelled)
    except KlaError:
        raise
    except Exception as exc:  # openpyxl on a damaged or hand-made file: many kinds of error, all "unreadable"
        log.info("xlsx form %s unreadable", path, exc_info=True)
        raise KlaError("xlsx_unreadable", path=str(path), detail=type(exc).__name__) from exc


def _read(path: Path, limits: Limits, progress: Progress, cancelled: Cancelled | None) -> FormPlan:
    wb, fh = open_workbook(path, data_only=False)
    try:
        sheets = list(wb.worksheets)
        if len(sheets) > limits.max_sheets:
            raise KlaError("xlsx_zip_bomb", path=str(path), detail="too_many_sheets", count=len(sheets))
        for ws in sheets:
            rows = ws.max_row or 0
            cols = ws.max_column or 0
            if rows > limits.max_rows:
                raise KlaError("xlsx_too_many_rows", path=str(path), sheet=ws.title, rows=rows,
                               row_limit=limits.max_rows)
            if cols > limits.max_cols:
                raise KlaError("xlsx_too_many_columns", path=str(path), sheet=ws.title, columns=cols,
                               column_limit=limits.max_cols)
        meta_ws = next((ws for ws in sheets if ws.title == META_SHEET), None)
        meta, base = _parse_meta(meta_ws, limits) if meta_ws is not None else ({}, {})
        if not meta:
            raise KlaError("xlsx_not_form", path=str(path))
        try:
            if int(meta.get("format", "0")) != FORM_FORMAT:
                raise KlaError("xlsx_form_format", path=str(path), format=meta.get("format", ""))
            unit, year = meta["unit"], int(meta["year"])
            tid, version, thash = meta["template_id"], int(meta["template_version"]), meta["template_hash"]
        except (KeyError, ValueError) as exc:
            raise KlaError("xlsx_not_form", path=str(path)) from exc

        cells: list[FormCell] = []
        notices: list[Notice] = []
        indicators: list[int] = []
        formula_refs: set[tuple[str, str]] = set()
        data_sheets = [ws for ws in sheets if ws.title != META_SHEET]
        for n, ws in enumerate(data_sheets):
            _check(cancelled)
            progress(n, len(data_sheets), step("reading_form_sheet", name=ws.title))
            no, sheet_cells, sheet_notices = _read_sheet(ws, limits, base, cancelled)
            notices += sheet_notices
            if no is None:
                continue
            if no in indicators:
                notices.append(Notice("xlsx_sheet_twice", {"sheet": ws.title, "indicator": no}))
                continue
            indicators.append(no)
            cells += sheet_cells
            formula_refs |= {(c.sheet, c.coordinate) for c in sheet_cells if c.formula}
    finally:
        wb.close()
        fh.close()
    if formula_refs:
        cells = _cached_values(path, limits, cells, formula_refs)
    cells = _mark_twice(cells)
    if not indicators:
        raise KlaError("xlsx_not_form", path=str(path))
    progress(1, 1, step("done"))
    return FormPlan(str(path), unit, year, tid, version, thash, tuple(indicators), tuple(cells), tuple(notices),
                    unit_name=meta.get("unit_name", ""))


def _read_sheet(ws: Any, limits: Limits, base: Mapping[tuple[int, str, str, str], Any],
                cancelled: Cancelled | None) -> tuple[int | None, list[FormCell], list[Notice]]:
    from openpyxl.utils import get_column_letter

    key_col: int | None = None
    no: int | None = None
    cols: dict[int, str] = {}
    cells: list[FormCell] = []
    notices: list[Notice] = []
    for r, row in enumerate(ws.iter_rows(max_row=limits.max_rows, max_col=limits.max_cols), start=1):
        if r % 200 == 0:
            _check(cancelled)
        if key_col is None:
            for c, cell in enumerate(row):
                tok = _token(getattr(cell, "value", None))
                if tok.startswith("kla|sheet|") or tok == "kla|guide":
                    key_col = c
                    break
            if key_col is None:
                if r >= 50:  # not one of ours: our sheets name themselves in their first row
                    break
                continue
            tok = _token(row[key_col].value)
            if tok == "kla|guide":
                return None, [], []
            try:
                no = int(tok.split("|")[2])
            except (IndexError, ValueError):
                return None, [], [Notice("xlsx_sheet_ignored", {"sheet": ws.title})]
            continue
        tok = _token(row[key_col].value) if key_col < len(row) else ""
        if tok == "kla|cols":
            cols = {}
            for c, cell in enumerate(row):
                t = _token(getattr(cell, "value", None))
                if c != key_col and t.startswith("kla|age|"):
                    cols[c] = t[len("kla|age|"):]
            continue
        if tok.startswith("kla|row|"):
            parts = tok.split("|")
            if len(parts) != 4 or no is None:
                continue
            item_key, sex = parts[2], parts[3]
            for c, age in cols.items():
                cell = row[c] if c < len(row) else None
                value = getattr(cell, "value", None)
                formula = getattr(cell, "data_type", "") == "f"
                k = (no, item_key, sex, age)
                cells.append(FormCell(
                    sheet=ws.title, coordinate=f"{get_column_letter(c + 1)}{r}", indicator_no=no, item_key=item_key,
                    # A form carries the values it was prefilled with; a cell it has none for was empty.
                    sex=sex, age=age, raw=None if formula else value, has_base=True, base=base.get(k),
                    formula=formula,
                ))
            continue
        if tok:
            continue
        # A row the clerk added: say so when it holds something where values go (it is not imported).
        filled = [c for c in cols if c < len(row) and getattr(row[c], "value", None) not in (None, "")]
        if filled:
            notices.append(Notice("xlsx_row_ignored", {"ref": f"{ws.title}!{get_column_letter(filled[0] + 1)}{r}"}))
    if key_col is None:
        return None, [], [Notice("xlsx_sheet_ignored", {"sheet": ws.title})]
    return no, cells, notices


def _cached_values(path: Path, limits: Limits, cells: list[FormCell], refs: set[tuple[str, str]]) -> list[FormCell]:
    """The values Excel or LibreOffice saved for formulas in input cells: read, never computed."""
    from openpyxl.utils import get_column_letter

    wb, fh = open_workbook(path, data_only=True)
    cached: dict[tuple[str, str], Any] = {}
    try:
        for title in sorted({s for s, _ in refs}):
            ws = wb[title]
            for r, row in enumerate(ws.iter_rows(max_row=limits.max_rows, max_col=limits.max_cols,
                                                 values_only=True), start=1):
                for c, value in enumerate(row):
                    coord = f"{get_column_letter(c + 1)}{r}"
                    if (title, coord) in refs:
                        cached[(title, coord)] = value
    finally:
        wb.close()
        fh.close()
    out = []
    for cell in cells:
        if cell.formula:
            value = cached.get((cell.sheet, cell.coordinate))
            if value is None or (isinstance(value, str) and value.startswith("#")):
                cell = _replace(cell, problem="xlsx_formula_no_value")
            else:
                cell = _replace(cell, raw=value)
        out.append(cell)
    return out


def _replace(cell: FormCell, **changes: Any) -> FormCell:
    from dataclasses import replace

    return replace(cell, **changes)


def _mark_twice(cells: list[FormCell]) -> list[FormCell]:
    """A cell found in two places (a row copied with its hidden name) is ambiguous: both are invalid."""
    seen: dict[tuple[int, str, str, str], list[int]] = {}
    for i, c in enumerate(cells):
        seen.setdefault(c.key, []).append(i)
    out = list(cells)
    for idxs in seen.values():
        if len(idxs) > 1:
            refs = [cells[i].ref for i in idxs]
            for i in idxs:
                other = ", ".join(r for r in refs if r != cells[i].ref)
                out[i] = _replace(cells[i], problem="xlsx_cell_twice", problem_params={"other": other})
    return out


# ============================================================================ checking and applying


@dataclass(frozen=True)
class CellOutcome:
    """What the import does (or did) with one cell.

    ``kind``: new, changed (``old`` -> ``new``; ``new`` None clears), unchanged, invalid (``code``
    and ``params`` are the store's refusal) or flagged (stored; ``flags`` are the store's).
    ``code`` on an unchanged cell says why it is left alone (``kept_newer``: the form still holds
    the value it was prefilled with, and the program has a newer one); on a new or changed cell
    ``changed_since_form`` says the program's value also changed after the form was made.
    """

    cell: FormCell
    kind: str
    old: Any = None
    new: Any = None
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    flags: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """A dry run or an import of one form."""

    plan: FormPlan
    outcomes: tuple[CellOutcome, ...]
    applied: bool
    changes: Changes = field(default_factory=Changes)
    value_changes: tuple[ValueChange, ...] = ()
    notices: tuple[Notice, ...] = ()
    unit_name: str = ""

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    @property
    def counts(self) -> dict[str, int]:
        return {k: self.count(k) for k in KINDS}

    @property
    def to_write(self) -> int:
        """Cells the import writes (or wrote): new, changed and flagged."""
        return sum(1 for o in self.outcomes if o.kind in (NEW, CHANGED, FLAGGED))


Migrate = Callable[[int, str], tuple[str, str, int]]
"""(indicator, item key of the form) -> (action, item key now or the reason, version):
db.template_migration.route_chain over the template's declared steps."""


def _migration(store: Store, plan: FormPlan) -> tuple[Migrate, list[Notice]]:
    """How a cell of the form's template version finds its item now, or a refusal of the whole form.

    The steps are the ones stored entries moved by (db/template_migration.route_chain), chained
    from the form's version to the store's: ``rename`` and a ``split`` with a ``carry`` move a
    cell, ``merge`` adds it to the other sources' cell of the merged item, ``retire``/``drop``
    and a ``split`` without a ``carry`` keep its value in the list of retired values (never
    dropped, never typed into another item).
    """
    t = store.template
    if plan.template_id != t.id:
        raise KlaError("xlsx_other_template", form_template=plan.template_id, template=t.id)
    if plan.template_version == t.version:
        if plan.template_hash != t.content_hash:
            raise KlaError("xlsx_template_changed", version=t.version)
        return (lambda _no, key: ("move", key, 0)), []
    if plan.template_version > t.version:
        raise KlaError("xlsx_template_newer", form_version=plan.template_version, version=t.version)
    steps = steps_of(t)
    if not any(steps.get(v) for v in range(plan.template_version, t.version)):
        raise KlaError("xlsx_template_older", form_version=plan.template_version, version=t.version)

    def migrate(no: int, key: str) -> tuple[str, str, int]:
        return route_chain(no, key, plan.template_version, t)

    return migrate, [Notice("xlsx_migrated", {"form_version": plan.template_version, "version": t.version})]


def _form_template(store: Store, plan: FormPlan) -> Template | None:
    """The version the form was made with, when this workspace still holds it (to read retired cells)."""
    try:
        return store.template_version(plan.template_id, plan.template_version)
    except KlaError:
        return None


def _old_value(old: Template | None, cell: FormCell) -> Any:
    """A retired cell's value as its own version reads it (as written in the workbook otherwise)."""
    if old is None:
        return cell.raw
    try:
        return check_cell(old, old.indicator(cell.indicator_no), cell.item_key, cell.sex, cell.age, cell.raw)[3]
    except KlaError:
        return cell.raw


def _merge_cells(t: Template, cells: list[FormCell], into: str) -> FormCell | KlaError:
    """The sources of a merged item summed into one cell of ``into`` (each read as that item reads
    it), or the first refusal among them."""
    ind = t.indicator(cells[0].indicator_no)
    total: Any = None
    base: Any = None
    for c in cells:
        if c.problem:
            return KlaError(c.problem, **dict(c.problem_params))
        try:
            clean = check_cell(t, ind, into, c.sex, c.age, c.raw)[3]
        except KlaError as exc:
            return exc
        if clean is not None:
            total = clean if total is None else total + clean
        if c.has_base and c.base is not None:
            base = c.base if base is None else base + c.base
    first = cells[0]
    return FormCell(first.sheet, "+".join(c.coordinate for c in cells), first.indicator_no, into, first.sex,
                    first.age, total, has_base=all(c.has_base for c in cells), base=base)


def check_identity(store: Store, plan: FormPlan, expected_year: int | None = None) -> None:
    """Refuse a form of another unit, data year or workspace role (nothing read from the cells yet)."""
    if store.role != "kelurahan":
        raise KlaError("role_mismatch", needed="kelurahan", role=store.role)
    own = store.kelurahan_code
    if plan.unit_code != own:
        try:
            name = store.unit(plan.unit_code).name
        except KlaError:  # a kelurahan workspace knows its own unit only
            name = plan.unit_name or plan.unit_code
        raise KlaError("xlsx_other_unit", form_unit=name, form_code=plan.unit_code, unit=store.unit(own).name,
                       unit_code=own)
    if expected_year is not None and plan.data_year != expected_year:
        raise KlaError("xlsx_other_year", form_year=plan.data_year, year=expected_year)
    store.period_for_data_year(plan.data_year)


def _depth(indicator: Indicator, item_key: str) -> int:
    """0 for a whole, 1 for its part, 2 for a part of a part..."""
    depth, seen = 0, set()
    it = indicator.item(item_key)
    while it.part_of and it.key not in seen:
        seen.add(it.key)
        it = indicator.item(it.part_of)
        depth += 1
    return depth


def write_order(template: Template, writes: Sequence[tuple[int, str, str, str, Any, Any]]) -> list[int]:
    """The order to write ``(indicator, item, sex, age, old, new)`` cells in, as indexes.

    Lowered values first, parts before their wholes; then raised values, wholes before their
    parts. When the end state keeps every part within its whole, no step in between breaks
    that rule, so the rule checked on each write (``Store.set_value``) sees no false problem.
    """
    def lowered(w: tuple[int, str, str, str, Any, Any]) -> bool:
        old, new = w[4], w[5]
        if new is None:
            return True
        return isinstance(old, int | float) and isinstance(new, int | float) and new < old

    def depth(w: tuple[int, str, str, str, Any, Any]) -> int:
        try:
            return _depth(template.indicator(w[0]), w[1])
        except KlaError:
            return 0

    idx = list(range(len(writes)))
    down = sorted((i for i in idx if lowered(writes[i])), key=lambda i: -depth(writes[i]))
    up = sorted((i for i in idx if not lowered(writes[i])), key=lambda i: depth(writes[i]))
    return down + up


def apply_values(store: Store, data_year: int, writes: Sequence[tuple[int, str, str, str, Any, Any]], *,
                 all_or_nothing: bool = False) -> tuple[list[ValueChange | KlaError], Changes]:
    """Write cells ``(indicator, item, sex, age, old, new)`` (``new`` as typed) in a safe order.

    Inside the caller's transaction. Returns the store's answer per cell (a ValueChange, or the
    KlaError that refused it) in the order given, and the Changes of all writes. With
    ``all_or_nothing`` the first refusal is raised (the caller's transaction then rolls back).
    """
    kel = store.kelurahan_code
    results: list[ValueChange | KlaError] = [KlaError("cancelled")] * len(writes)
    changes = Changes.none()
    for i in write_order(store.template, writes):
        no, item, sex, age, _old, new = writes[i]
        try:
            ch = store.set_value(kel, data_year, no, item, new, sex=sex, age=age)
        except KlaError as exc:
            if all_or_nothing:
                raise
            results[i] = exc
            continue
        results[i] = ch.record
        changes = changes | ch
    return results, changes


def _flags(vc: ValueChange) -> tuple[Any, ...]:
    """The store's flags on a stored value (a part over its whole), when the store sets any."""
    flags = getattr(vc, "flags", None) or ()
    return tuple(flags) if isinstance(flags, list | tuple | set | frozenset) else (flags,)


def import_plan(store: Store, plan: FormPlan, *, dry_run: bool, expected_year: int | None = None,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportReport:
    """Check ``plan`` against the store and apply it in one transaction (or, ``dry_run``, in a
    savepoint that is always rolled back). Refusals of the whole form are raised before anything
    is written; refusals of single cells are outcomes."""
    progress = progress or _no_progress
    check_identity(store, plan, expected_year)
    migrate, notices = _migration(store, plan)
    t = store.template
    kel, year = store.kelurahan_code, plan.data_year
    held = store.entries_.values_of(kel, year)
    outcomes: list[CellOutcome | None] = [None] * len(plan.cells)
    writes: list[tuple[int, str, str, str, Any, Any]] = []
    write_at: list[int] = []
    retired: list[dict[str, Any]] = []
    total = len(plan.cells)
    routes = [migrate(c.indicator_no, c.item_key) for c in plan.cells]
    # Sources of one merged item become one cell (the first source's outcome); the others say where they went.
    merged_groups: dict[tuple[int, str, str, str], list[int]] = {}
    for n, (action, key, _at) in enumerate(routes):
        if action == "merge":
            c = plan.cells[n]
            merged_groups.setdefault((c.indicator_no, key, c.sex, c.age), []).append(n)
    cells = list(plan.cells)
    for (no, key, _s, _a), idxs in merged_groups.items():
        merged = _merge_cells(t, [plan.cells[i] for i in idxs], key)
        label = t.indicator(no).item(key).label
        for i in idxs[1:]:
            outcomes[i] = CellOutcome(plan.cells[i], UNCHANGED, code="xlsx_merged_into",
                                      params={"item": label, "version": routes[i][2]})
        if isinstance(merged, KlaError):
            for i in idxs:
                outcomes[i] = CellOutcome(plan.cells[i], INVALID, code=merged.code, params=dict(merged.params))
        else:
            cells[idxs[0]] = merged
    old_t = _form_template(store, plan) if any(r[0] == "aside" for r in routes) else None
    for n, cell in enumerate(cells):
        if n % 100 == 0:
            _check(cancelled)
            progress(n, total, step("checking_form_values"))
        if outcomes[n] is not None:
            continue
        action, item_key, at = routes[n]
        if action == "aside":
            value = _old_value(old_t, cell)
            if value is None or value == "":
                outcomes[n] = CellOutcome(cell, UNCHANGED)
                continue
            if not (cell.has_base and value == cell.base):  # untouched: kept when the workspace moved
                retired.append({"kelurahan_code": kel, "data_year": year, "indicator_no": cell.indicator_no,
                                "from_version": plan.template_version, "item_key": cell.item_key, "sex": cell.sex,
                                "age": cell.age, "value": value, "reason": f"{item_key}@{at - 1}"})
            outcomes[n] = CellOutcome(cell, UNCHANGED, new=value, code="xlsx_kept_by_template", params={"version": at})
            continue
        if item_key != cell.item_key:
            cell = _replace(cell, item_key=item_key)
        current = held.get(cell.indicator_no, {}).get((item_key, cell.sex, cell.age))
        if cell.problem:
            outcomes[n] = CellOutcome(cell, INVALID, old=current, code=cell.problem, params=dict(cell.problem_params))
            continue
        try:
            ind = t.indicator(cell.indicator_no)
            _it, _s, _a, clean = check_cell(t, ind, item_key, cell.sex, cell.age, cell.raw)
        except KlaError as exc:
            outcomes[n] = CellOutcome(cell, INVALID, old=current, code=exc.code, params=dict(exc.params))
            continue
        if not cell.has_base and clean is None:
            # An empty cell of a workbook that is not our form (a mapped recap) says nothing.
            outcomes[n] = CellOutcome(cell, UNCHANGED, old=current)
            continue
        if cell.has_base and clean == cell.base:
            # Not touched in the workbook: a value typed in the program since stays.
            kept = current != clean
            outcomes[n] = CellOutcome(cell, UNCHANGED, old=current, new=clean, code="kept_newer" if kept else "")
            continue
        writes.append((cell.indicator_no, item_key, cell.sex, cell.age, current, cell.raw))
        write_at.append(n)
        outcomes[n] = CellOutcome(cell, UNCHANGED, old=current)  # replaced below

    def run() -> tuple[list[ValueChange | KlaError], Changes]:
        results, changes = apply_values(store, year, writes)
        return results, changes | store.keep_retired_values(retired, t)

    if dry_run:
        with store.sync.rollback_always():
            results, changes = run()
        changes = Changes.none()
    else:
        with store.transaction():
            results, changes = run()
    value_changes: list[ValueChange] = []
    for n, res in zip(write_at, results, strict=True):
        prev = outcomes[n]
        assert prev is not None
        cell, current = prev.cell, prev.old
        since = (cell.has_base and current != cell.base)
        if isinstance(res, KlaError):
            outcomes[n] = CellOutcome(cell, INVALID, old=current, code=res.code, params=dict(res.params))
            continue
        flags = _flags(res)
        if not res.changed:
            outcomes[n] = CellOutcome(cell, UNCHANGED, old=res.old, new=res.new)
            continue
        value_changes.append(res)
        kind = FLAGGED if flags else (NEW if res.old is None else CHANGED)
        outcomes[n] = CellOutcome(cell, kind, old=res.old, new=res.new,
                                  code="changed_since_form" if since else "", flags=flags)
    progress(total, total, step("done"))
    try:
        unit_name = store.unit(kel).name
    except KlaError:
        unit_name = kel
    final = tuple(o for o in outcomes if o is not None)
    report = ImportReport(plan, final, applied=not dry_run, changes=Changes.none(), value_changes=tuple(value_changes),
                          notices=tuple(notices) + plan.notices, unit_name=unit_name)
    if not dry_run:
        report = ImportReport(plan, final, True, changes.with_record(report), tuple(value_changes), report.notices,
                              unit_name)
    return report


def import_form(store: Store, path: Path, *, dry_run: bool, expected_year: int | None = None,
                limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> ImportReport:
    """:func:`read_form` then :func:`import_plan`: the command line's one call."""
    plan = read_form(path, limits=limits, progress=progress, cancelled=cancelled)
    return import_plan(store, plan, dry_run=dry_run, expected_year=expected_year, progress=progress,
                       cancelled=cancelled)


def undo_writes(changes: Iterable[ValueChange]) -> list[tuple[int, str, str, str, Any, Any]]:
    """The writes that put ``changes`` back (new -> old), for an undo step."""
    return [(c.indicator_no, c.item_key, c.sex, c.age, c.new, c.old) for c in changes]


def redo_writes(changes: Iterable[ValueChange]) -> list[tuple[int, str, str, str, Any, Any]]:
    return [(c.indicator_no, c.item_key, c.sex, c.age, c.old, c.new) for c in changes]


def iter_kinds(report: ImportReport) -> Iterator[tuple[str, list[CellOutcome]]]:
    """The outcomes grouped by kind, in :data:`KINDS` order (empty kinds left out)."""
    for kind in KINDS:
        found = [o for o in report.outcomes if o.kind == kind]
        if found:
            yield kind, found


__all__ = [
    "CHANGED", "DEFAULT_LIMITS", "FLAGGED", "INVALID", "KINDS", "NEW", "UNCHANGED", "CellOutcome", "FormCell",
    "FormData", "FormPlan", "ImportReport", "Limits", "Notice", "apply_values", "check_identity", "collect_form",
    "default_file_name", "import_form", "import_plan", "iter_kinds", "read_form", "redo_writes", "sheet_title",
    "undo_writes", "write_form", "write_order",
]
