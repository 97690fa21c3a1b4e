"""The disaggregated items of one indicator as a spreadsheet: sex rows x age-band columns.

Rows, for each item of the same shape: a header row with the item's label, then one row
per sex (L, P) and a "Jumlah" row (L+P). Percent items (computed) follow the shape of
their numerator and are recomputed live. Columns: the sex label, one per age band, and
a total column when there are several bands.

The model never touches the store: a ``writer(item_key, sex, age, text)`` callable does one
cell and a ``block_writer(cells)`` callable a block (a paste, a cleared selection) as one
write and one undo step; each raises ``KlaError`` on refusal and returns the store's
``ValueChange`` (or a tuple of them), so the model can be tested on its own.

What the clerk typed is never dropped: a value of the right kind is stored (a rule between
values only flags it, amber, :meth:`set_flags`); text that is not a value stays in its cell,
red, with a sentence (:meth:`errors`), until corrected or the clerk agrees to drop it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from db import rules
from db.errors import KlaError
from db.template import CellValues, Indicator, Item, Template, percent
from ui.widgets.formatting import fmt_number, fmt_percent

Writer = Callable[[str, str, str, str], Any]
"""(item_key, sex, age, typed text) -> None, or the store's ValueChange (then the grid shows its ``new``)."""
BlockWriter = Callable[[list[tuple[str, str, str, Any]]], Any]
"""[(item_key, sex, age, value or None)] -> the store's ValueChanges, stored as one write (one undo step)."""
ErrorText = Callable[[KlaError], str]
Cell = tuple[str, str, str]

COMPUTED_BG = QColor("#eef2f5")
SUM_BG = QColor("#f5f7f9")
ERROR_BG = QColor("#fde8e8")
ERROR_FG = QColor("#a61b1b")
FLAG_BG = QColor("#fff1c2")  # amber: stored, but a rule between values says "check this"
HEADER_BG = QColor("#e3ecf3")
LAST_YEAR_FG = QColor("#6b7680")


@dataclass(frozen=True)
class GridRow:
    """One row: kind is 'header', 'input', 'sum' (L+P) or 'percent'."""

    item: Item
    kind: str
    sex: str = ""


@dataclass
class PasteReport:
    """What a paste did, for the sentence under the grid."""

    rows: int = 0
    columns: int = 0
    stored: int = 0  # cells whose stored value changed (cleared ones included)
    unchanged: int = 0  # the same value was already there
    invalid: int = 0  # not a value of the item's kind: kept in the cell, red
    computed: int = 0  # landed on a sum, a percentage or a label: skipped
    outside: int = 0  # beyond the grid's last row or column: skipped
    flagged: int = 0  # stored, and a rule between values flags it
    changes: tuple[Any, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class CellView:
    """What one cell shows, computed once per change (painting and ``data()`` only look it up)."""

    text: str = ""  # DisplayRole
    edit: str = ""  # EditRole
    last: str = ""  # last data year's value as text ('' when none)
    value: Any = None  # SortRole: the raw number
    error: str | None = None  # the sentence of a refused cell
    flags: tuple[str, ...] = ()  # the flag sentences of a stored cell
    background: QColor | None = None
    bold: bool = False
    align_right: bool = False
    partial: tuple[int, int] = (0, 0)  # a percentage over a sum from only some cells: (cells taken, cells)


EMPTY_CELL = CellView()


def grid_items(template: Template, indicator: Indicator) -> list[list[Item]]:
    """The indicator's disaggregated items grouped by shape (sex, age set), in template order.

    A percent item joins the group of its numerator when that one is disaggregated.
    """
    groups: dict[tuple[bool, str | None], list[Item]] = {}
    for it in indicator.items:
        shape_item = indicator.item(it.numerator) if it.computed and it.numerator else it
        if not shape_item.disaggregated:
            continue
        groups.setdefault((shape_item.sex, shape_item.age), []).append(it)
    return list(groups.values())


def _sum(values: list[Any]) -> int | float | None:
    found = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    return sum(found) if found else None


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated text as Excel, LibreOffice Calc and Google Sheets put it on the clipboard.

    Rows end with CRLF or LF (the last one may be missing or empty); a cell holding a line break
    or a tab comes in double quotes with inner quotes doubled.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"' and i + 1 < n and text[i + 1] == '"':
                cell.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cell.append(ch)
        elif ch == '"' and not cell:
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell = []
        elif ch in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


_REFUSALS = itertools.count(1)
"""Orders refused cells across grids: the status bar names the one refused last."""


class DisaggregatedGridModel(QAbstractTableModel):
    """See the module docstring."""

    COL_SEX = 0
    FIRST_BAND = 1
    RecordRole = Qt.ItemDataRole.UserRole + 1  # (item_key, sex, age) of an input cell, else None
    SortRole = Qt.ItemDataRole.UserRole + 2  # the raw number
    ErrorRole = Qt.ItemDataRole.UserRole + 3  # the error sentence of a refused cell
    FlagRole = Qt.ItemDataRole.UserRole + 4  # the flag sentences of a stored cell (list of str), else None
    LastYearRole = Qt.ItemDataRole.UserRole + 5  # last data year's value, as text ('' when none)

    errors_changed = Signal()
    """The set of refused cells changed; read them with :meth:`errors`."""

    def __init__(self, template: Template, indicator: Indicator, items: list[Item], writer: Writer,
                 error_text: ErrorText, read_only: bool = False, parent: Any = None,
                 block_writer: BlockWriter | None = None) -> None:
        super().__init__(parent)
        self._template = template
        self._indicator = indicator
        self._writer = writer
        self._block_writer = block_writer
        self._error_text = error_text
        self.read_only = read_only
        self._values: CellValues = {}
        self._last: CellValues = {}
        self.last_year: int | None = None
        self._pending: dict[Cell, str] = {}
        self._errors: dict[Cell, str] = {}
        self._error_at: dict[Cell, int] = {}
        self._flags: dict[Cell, list[str]] = {}
        self._rows: list[GridRow] = []
        self._bands: list[tuple[str, str]] = []
        self._cells: list[list[CellView]] = []  # what each cell shows, by row and column
        self._inputs: tuple | None = None  # the _state() the cells were last compared from (_all_changed)
        self.set_items(items)

    # ------------------------------------------------------------------ structure

    def set_items(self, items: list[Item]) -> None:
        self.beginResetModel()
        try:
            self._items = list(items)
            shape = self._shape_item(items[0]) if items else None
            if shape is not None and shape.age:
                self._bands = [(b.key, b.label) for b in self._template.age_bands[shape.age]]
            else:
                self._bands = [("", QCoreApplication.translate("DisaggregatedGridModel", "Jumlah"))]
            by_sex = bool(shape and shape.sex)
            rows: list[GridRow] = []
            for it in items:
                rows.append(GridRow(it, "header"))
                kind = "percent" if it.computed else "input"
                if by_sex:
                    rows += [GridRow(it, kind, "L"), GridRow(it, kind, "P"),
                             GridRow(it, "percent" if it.computed else "sum", "*")]
                else:
                    rows.append(GridRow(it, kind, ""))
            self._rows = rows
            self._cells = self._compute_cells()
            self._inputs = None  # other rows: the next set_values compares them all
        finally:
            self.endResetModel()

    def _shape_item(self, item: Item) -> Item:
        return self._indicator.item(item.numerator) if item.computed and item.numerator else item

    @property
    def has_total_column(self) -> bool:
        return len(self._bands) > 1

    def header_rows(self) -> list[int]:
        return [r for r, row in enumerate(self._rows) if row.kind == "header"]

    def row_spec(self, row: int) -> GridRow:
        return self._rows[row]

    def cell_index(self, item_key: str, sex: str, age: str) -> QModelIndex:
        """The index of an input cell (for tests and for jumping to an error)."""
        for r, row in enumerate(self._rows):
            if row.kind == "input" and row.item.key == item_key and row.sex == sex:
                for c, (band, _) in enumerate(self._bands):
                    if band == age:
                        return self.index(r, self.FIRST_BAND + c)
        return QModelIndex()

    def cells(self) -> list[Cell]:
        """Every input cell, in row order."""
        return [(row.item.key, row.sex, band) for row in self._rows if row.kind == "input" for band, _ in self._bands]

    # ------------------------------------------------------------------ values

    def set_values(self, values: CellValues, last: CellValues | None = None, last_year: int | None = None) -> None:
        """New stored values: an in-place refresh (no reset, so the cursor and editor stay). With ``last``
        also the previous data year's (``last_year``), shown small under each cell (``LastYearRole``);
        both at once are one redraw."""
        self._values = dict(values)
        if last is not None:
            self._last = dict(last)
            self.last_year = last_year
        if self._inputs == self._state():
            return  # what every cell shows was computed from exactly these (an indicator shown again)
        self._all_changed()

    def _state(self) -> tuple:
        """Everything a cell's text, colour and marks are computed from (:meth:`_compute_cell`)."""
        return (self._values, self._last, self.last_year, self._flags, self._pending, self._errors)

    def has_last_year(self) -> bool:
        keys = {it.key for it in self._items}
        return any(k[0] in keys for k in self._last)

    def set_flags(self, flags: list[tuple[Cell, str]]) -> None:
        """The flags of the stored values: (cell, sentence) each; the cells show amber with the sentence."""
        new: dict[Cell, list[str]] = {}
        for cell, text in flags:
            if text not in new.setdefault(cell, []):
                new[cell].append(text)
        if new != self._flags:
            self._flags = new
            self._all_changed()

    def errors(self) -> list[tuple[str, str]]:
        """(where, sentence) for each refused cell, in row order."""
        out = []
        for row in self._rows:
            if row.kind != "input":
                continue
            for band, _label in self._bands:
                key = (row.item.key, row.sex, band)
                if key in self._errors:
                    out.append((self.where(key), self._errors[key]))
        return out

    def where(self, cell: Cell) -> str:
        """A cell's place in the words on screen: item label, sex, age band."""
        item_key, sex, band = cell
        label = next((lab for b, lab in self._bands if b == band), "") if band else ""
        item = next((it for it in self._items if it.key == item_key), None)
        return ", ".join(x for x in (item.label if item else "", self._sex_label(sex), label) if x)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def pending(self) -> dict[Cell, str]:
        """Typed text the store refused, by cell (still on screen, red)."""
        return dict(self._pending)

    def drop_pending(self) -> None:
        """The clerk agreed to throw away the text that could not be stored."""
        if self._pending or self._errors:
            self._pending.clear()
            self._errors.clear()
            self._all_changed()
            self.errors_changed.emit()

    def cell_key(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        band_col = index.column() - self.FIRST_BAND
        if row.kind != "input" or not 0 <= band_col < len(self._bands):
            return None
        return (row.item.key, row.sex, self._bands[band_col][0])

    _cell_key = cell_key

    def _num(self, values: CellValues, item_key: str, sex: str, band: str | None) -> int | float | None:
        """A stored count; ``sex='*'`` sums L+P, ``band=None`` sums the bands."""
        sexes = ["L", "P"] if sex == "*" else [sex]
        bands = [b for b, _ in self._bands] if band is None else [band]
        return _sum([values.get((item_key, s, b)) for s in sexes for b in bands])

    def _value(self, row: GridRow, band: str | None, values: CellValues | None = None) -> Any:
        values = self._values if values is None else values
        if row.kind in ("input", "sum"):
            return self._num(values, row.item.key, row.sex, band)
        if row.kind == "percent":
            pairs, _cells = self._percent_pairs(row, band, values)
            if not pairs:
                return None
            return percent(sum(n for n, _ in pairs), sum(d for _, d in pairs))
        return None

    def _percent_pairs(self, row: GridRow, band: str | None, values: CellValues) -> tuple[list[tuple[Any, Any]], int]:
        """The (numerator, denominator) cells a percentage is over where both are typed, and how many
        cells it is over. Over a sum (L+P, or all bands) only cells where both counts are typed take
        part: a half-typed row must not show 20 of a full denominator as "0,8%"."""
        it = row.item
        sexes = ["L", "P"] if row.sex == "*" else [row.sex]
        bands = [b for b, _ in self._bands] if band is None else [band]
        pairs = [(values.get((it.numerator or "", s, b)), values.get((it.denominator or "", s, b)))
                 for s in sexes for b in bands]
        return [(n, d) for n, d in pairs if n is not None and d is not None], len(pairs)

    def _band_of(self, col: int) -> str | None:
        band_col = col - self.FIRST_BAND
        return self._bands[band_col][0] if band_col < len(self._bands) else None  # None: total column

    @staticmethod
    def _sex_label(sex: str) -> str:
        return {"L": QCoreApplication.translate("DisaggregatedGridModel", "Laki-laki"),
                "P": QCoreApplication.translate("DisaggregatedGridModel", "Perempuan"),
                "*": QCoreApplication.translate("DisaggregatedGridModel", "Jumlah"), "": ""}[sex]

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return 0
        return self.FIRST_BAND + len(self._bands) + (1 if self.has_total_column else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COL_SEX:
                return QCoreApplication.translate("DisaggregatedGridModel", "Jenis kelamin")
            band = section - self.FIRST_BAND
            if 0 <= band < len(self._bands):
                return _two_lines(self._bands[band][1])
            if section == self.columnCount() - 1 and self.has_total_column:
                return QCoreApplication.translate("DisaggregatedGridModel", "Jumlah")
        if role == Qt.ItemDataRole.ToolTipRole:
            band = section - self.FIRST_BAND
            if 0 <= band < len(self._bands):
                return self._bands[band][1]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_key(index) is not None and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cells_shown(self) -> list[list[CellView]]:
        """What every cell shows; a new list whenever any cell changes (the view keeps its drawing while
        the same list is shown)."""
        return self._cells

    def cell_view(self, row: int, column: int) -> CellView:
        """What the cell at (row, column) shows (the delegate paints from it without a call per role)."""
        try:
            return self._cells[row][column]
        except IndexError:
            return EMPTY_CELL

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = index.row(), index.column()
        row = self._rows[r]
        cv = self._cells[r][col]
        if role == Qt.ItemDataRole.DisplayRole:
            return cv.text if row.kind != "header" or col == 0 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(cv.background) if cv.background is not None else None
        if row.kind == "header":
            if role == Qt.ItemDataRole.FontRole:
                return _bold_font()
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.item.help or row.item.label
            return None
        if col == self.COL_SEX:
            return None
        if role == Qt.ItemDataRole.EditRole:
            return cv.edit
        if role == self.LastYearRole:
            return cv.last
        if role == self.SortRole:
            return cv.value
        if role == self.RecordRole:
            return self.cell_key(index)
        if role == self.ErrorRole:
            return cv.error
        if role == self.FlagRole:
            return list(cv.flags) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and cv.error:
            return QBrush(ERROR_FG)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [cv.error] if cv.error else []
            lines += cv.flags
            if row.kind == "percent":
                num = self._indicator.item(row.item.numerator or "").label
                den = self._indicator.item(row.item.denominator or "").label
                lines.append(QCoreApplication.translate("DisaggregatedGridModel", "Dihitung otomatis: %1 dibagi %2 x 100")
                             .replace("%1", num).replace("%2", den))
                if cv.partial[1]:
                    lines.append(QCoreApplication.translate(
                        "DisaggregatedGridModel", "* Sementara: dihitung dari %1 dari %2 kolom yang kedua angkanya "
                        "sudah diisi; angkanya berubah setelah semua kolom terisi.")
                        .replace("%1", str(cv.partial[0])).replace("%2", str(cv.partial[1])))
            elif self.cell_key(index) is None:
                lines.append(QCoreApplication.translate("DisaggregatedGridModel", "Dijumlahkan otomatis"))
            if cv.last:
                lines.append(QCoreApplication.translate("DisaggregatedGridModel", "Tahun %1: %2")
                             .replace("%1", str(self.last_year)).replace("%2", cv.last))
            return "\n".join(lines) or None
        return None

    def _compute_cells(self) -> list[list[CellView]]:
        columns = self.columnCount()
        return [[self._compute_cell(row, c) for c in range(columns)] for row in self._rows]

    def _compute_cell(self, row: GridRow, col: int) -> CellView:
        if row.kind == "header":
            if col != 0:
                return CellView(background=HEADER_BG, bold=True)
            label = row.item.label
            if row.item.computed:
                label += " " + QCoreApplication.translate("DisaggregatedGridModel", "(dihitung otomatis)")
            elif row.item.required:
                label += " *"
            if row.item.provisional and not self._indicator.provisional:
                # A draft item under a confirmed title is marked on its own (docs/template-format.md §4.1).
                label += " " + QCoreApplication.translate("DisaggregatedGridModel", "(usulan)")
            return CellView(text=label, background=HEADER_BG, bold=True)
        if col == self.COL_SEX:
            text = self._sex_label(row.sex) or QCoreApplication.translate("DisaggregatedGridModel", "Nilai")
            return CellView(text=text, background=SUM_BG if row.kind != "input" else None)
        band = self._band_of(col)
        key = (row.item.key, row.sex, band) if row.kind == "input" and band is not None else None
        value = self._value(row, band)
        pending = self._pending.get(key) if key is not None else None
        shown = fmt_percent(value) if row.kind == "percent" else fmt_number(value)
        last = ""
        if self.last_year is not None:
            old = self._value(row, band, self._last)
            if old is not None:
                last = fmt_percent(old) if row.kind == "percent" else fmt_number(old)
        error = self._errors.get(key) if key is not None else None
        flags = tuple(self._flags.get(key, ())) if key is not None else ()
        if error:
            background: QColor | None = ERROR_BG
        elif flags:
            background = FLAG_BG
        elif row.kind == "percent":
            background = COMPUTED_BG
        elif row.kind == "sum" or key is None:
            background = SUM_BG
        else:
            background = None
        partial = (0, 0)
        if row.kind == "percent" and value is not None:
            pairs, cells = self._percent_pairs(row, band, self._values)
            taken = len(pairs)
            if taken < cells:
                # 90,9 % of the boys from two age groups of five read as all boys' coverage: marked.
                partial, shown = (taken, cells), shown + "*"
        return CellView(shown if pending is None else pending, fmt_number(value) if pending is None else pending,
                        last, value, error, flags, background, False, True, partial)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        key = self.cell_key(index)
        if key is None:
            return False
        text = "" if value is None else str(value).strip()
        if key not in self._pending and text == fmt_number(self._values.get(key)):
            return True
        try:
            stored = self._writer(key[0], key[1], key[2], text)
        except KlaError as exc:
            self._mark(key, text, self._error_text(exc))
            self._all_changed()
            self.errors_changed.emit()
            return False
        self._take(stored)
        had_error = key in self._errors
        self._pending.pop(key, None)
        self._errors.pop(key, None)
        self._all_changed()
        if had_error:
            self.errors_changed.emit()
        return True

    def _mark(self, key: Cell, text: str, sentence: str) -> None:
        self._pending[key] = text
        self._errors.pop(key, None)  # the newest refusal last (latest_error)
        self._errors[key] = sentence
        self._error_at[key] = next(_REFUSALS)

    def latest_error(self) -> tuple[int, str, str] | None:
        """(when, where, sentence) of the cell refused last among those still refused: what the status
        bar says (the one just typed, not the last in row order)."""
        for key in reversed(self._errors):
            return self._error_at.get(key, 0), self.where(key), self._errors[key]
        return None

    def _take(self, stored: Any) -> None:
        """Show what the store now holds (sums and percentages follow) without waiting for a reload."""
        for vc in stored if isinstance(stored, tuple | list) else (stored,):
            if not hasattr(vc, "new"):
                continue
            key = (vc.item_key, vc.sex, vc.age)
            if vc.new is None:
                self._values.pop(key, None)
            else:
                self._values[key] = vc.new

    def _all_changed(self) -> None:
        """Recompute what every cell shows and say which changed (dataChanged for those cells only).

        A typed count changes its cell, its row's total, the L+P row and the percentages over it:
        working that out from the cells shown is simpler and surer than from the rules, and costs
        less than a repaint of the whole grid."""
        old, new = self._cells, self._compute_cells()
        self._cells = new
        # A copy of each part (the flags' sentence lists too): the dicts change in place later.
        self._inputs = tuple({k: list(v) if isinstance(v, list) else v for k, v in part.items()}
                             if isinstance(part, dict) else part for part in self._state())
        if len(old) != len(new):
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, self.columnCount() - 1))
            return
        for r, (was, now) in enumerate(zip(old, new, strict=True)):
            c, n = 0, len(now)
            if len(was) != n:
                self.dataChanged.emit(self.index(r, 0), self.index(r, n - 1))
                continue
            while c < n:
                if was[c] == now[c]:
                    c += 1
                    continue
                first = c
                while c < n and was[c] != now[c]:
                    c += 1
                self.dataChanged.emit(self.index(r, first), self.index(r, c - 1))

    # ------------------------------------------------------------------ blocks: paste, clear, copy

    def write_block(self, texts: dict[Cell, str]) -> PasteReport:
        """Check each cell (the rules typing follows), store the good ones in one write, mark the rest.

        ``texts`` maps input cells to typed text ('' clears). Cells whose text is not a value of
        the item's kind stay on screen, red, with a sentence; the others are stored together
        (one undo step) even when a rule between values flags them.
        """
        report = PasteReport()
        good: list[tuple[str, str, str, Any]] = []
        marked = False
        for key, raw in texts.items():
            text = raw.strip()
            try:
                _, sex, age, value = rules.check_cell(self._template, self._indicator, key[0], key[1], key[2], text)
            except KlaError as exc:
                self._mark(key, text, self._error_text(exc))
                report.invalid += 1
                marked = True
                continue
            if key not in self._pending and value == self._values.get(key):
                report.unchanged += 1
                continue
            good.append((key[0], sex, age, value))
        if good:
            if self._block_writer is not None:
                try:
                    stored = tuple(self._block_writer(good))
                except KlaError as exc:
                    for item_key, sex, age, _v in good:
                        self._mark((item_key, sex, age), texts[(item_key, sex, age)].strip(), self._error_text(exc))
                    report.invalid += len(good)
                    self._all_changed()
                    self.errors_changed.emit()
                    return report
            else:  # no block writer: one cell at a time (tests of the model alone)
                stored = tuple(self._writer(k, s, a, "" if v is None else str(v)) for k, s, a, v in good)
            self._take(stored)
            report.changes = stored
            for vc in stored:
                key = (vc.item_key, vc.sex, vc.age)
                if key in self._errors:
                    marked = True
                self._pending.pop(key, None)
                self._errors.pop(key, None)
                if getattr(vc, "changed", True):
                    report.stored += 1
                else:
                    report.unchanged += 1
                if getattr(vc, "flags", ()):
                    report.flagged += 1
        self._all_changed()
        if marked:
            self.errors_changed.emit()
        return report

    def paste(self, anchor: QModelIndex, block: Sequence[Sequence[str]]) -> PasteReport:
        """Lay a rectangular block over the grid from ``anchor`` (its top-left cell), as a spreadsheet does.

        A cell landing on a sum, a percentage or a label is skipped (counted in ``computed``), one
        beyond the grid's last row or column too (``outside``); every other cell goes through
        :meth:`write_block`.
        """
        texts: dict[Cell, str] = {}
        computed = outside = 0
        width = max((len(r) for r in block), default=0)
        for dr, line in enumerate(block):
            for dc, text in enumerate(line):
                r, c = anchor.row() + dr, anchor.column() + dc
                if r >= self.rowCount() or c >= self.columnCount():
                    outside += 1 if text.strip() else 0
                    continue
                key = self.cell_key(self.index(r, c))
                if key is None:
                    computed += 1 if text.strip() else 0
                    continue
                texts[key] = text
        report = self.write_block(texts)
        report.rows, report.columns = len(block), width
        report.computed, report.outside = computed, outside
        return report

    def clear(self, indexes: Sequence[QModelIndex]) -> PasteReport:
        """Empty the input cells among ``indexes`` (Delete on a selection): one write."""
        texts = {k: "" for k in (self.cell_key(i) for i in indexes) if k is not None
                 and (k in self._values or k in self._pending)}
        return self.write_block(texts)

    def copy_text(self, indexes: Sequence[QModelIndex]) -> str:
        """The rectangle around ``indexes`` as tab-separated text (what a spreadsheet pastes).

        Counts are written without thousands separators, so a spreadsheet in any language reads
        them as numbers; percentages and labels as shown.
        """
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        lines = []
        for r in range(rows[0], rows[-1] + 1):
            cells = []
            for c in range(cols[0], cols[-1] + 1):
                idx = self.index(r, c)
                key = self.cell_key(idx)
                if key is not None and key in self._pending:
                    cells.append(self._pending[key])
                    continue
                value = self.data(idx, self.SortRole)
                spec = self._rows[r]
                if spec.kind in ("input", "sum") and c != self.COL_SEX and isinstance(value, int | float):
                    cells.append(str(int(value)) if float(value).is_integer() else str(value))
                else:
                    cells.append(str(self.data(idx) or ""))
            lines.append("\t".join(cells))
        return "\r\n".join(lines) + "\r\n"


_BOLD: list[QFont] = []


def _bold_font() -> QFont:
    if not _BOLD:
        f = QFont()
        f.setBold(True)
        _BOLD.append(f)
    return _BOLD[0]


def _two_lines(label: str) -> str:
    """Break a long band label in two at the space nearest its middle (narrower columns)."""
    if len(label) <= 10 or " " not in label:
        return label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    mid = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return label[:mid] + "\n" + label[mid + 1:]
