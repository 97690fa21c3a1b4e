"""The disaggregated items of one indicator as a spreadsheet: sex rows x age-band columns.

Rows, for each item of the same shape: a header row with the item's label, then one row
per sex (L, P) and a "Jumlah" row (L+P). Percent items (computed) follow the shape of
their numerator and are recomputed live. Columns: the sex label, one per age band, and
a total column when there are several bands.

The model never touches the store: a ``writer(item_key, sex, age, text)`` callable does
(raising ``KlaError`` on refusal), so the model can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

from db.errors import KlaError
from db.template import CellValues, Indicator, Item, Template, percent
from ui.widgets.formatting import fmt_number, fmt_percent

Writer = Callable[[str, str, str, str], Any]
"""(item_key, sex, age, typed text) -> None, or the store's ValueChange (then the grid shows its ``new``)."""
ErrorText = Callable[[KlaError], str]

COMPUTED_BG = QColor("#eef2f5")
SUM_BG = QColor("#f5f7f9")
ERROR_BG = QColor("#fde8e8")
ERROR_FG = QColor("#a61b1b")
FLAG_BG = QColor("#fff1c2")  # amber: stored, but a rule between values says "check this"
HEADER_BG = QColor("#e3ecf3")




@dataclass(frozen=True)
class GridRow:
    """One row: kind is 'header', 'input', 'sum' (L+P) or 'percent'."""

    item: Item
    kind: str
    sex: str = ""


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


class DisaggregatedGridModel(QAbstractTableModel):
    """See the module docstring."""

    COL_SEX = 0
    FIRST_BAND = 1
    RecordRole = Qt.ItemDataRole.UserRole + 1  # (item_key, sex, age) of an input cell, else None
    SortRole = Qt.ItemDataRole.UserRole + 2  # the raw number
    ErrorRole = Qt.ItemDataRole.UserRole + 3  # the error sentence of a refused cell
    FlagRole = Qt.ItemDataRole.UserRole + 4  # the flag sentences of a stored cell (list of str), else None

    errors_changed = Signal()
    """The set of refused cells changed; read them with :meth:`errors`."""

    def __init__(self, template: Template, indicator: Indicator, items: list[Item], writer: Writer,
                 error_text: ErrorText, read_only: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._template = template
        self._indicator = indicator
        self._writer = writer
        self._error_text = error_text
        self.read_only = read_only
        self._values: CellValues = {}
        self._pending: dict[tuple[str, str, str], str] = {}
        self._errors: dict[tuple[str, str, str], str] = {}
        self._flags: dict[tuple[str, str, str], list[str]] = {}
        self._rows: list[GridRow] = []
        self._bands: list[tuple[str, str]] = []
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

    # ------------------------------------------------------------------ values

    def set_values(self, values: CellValues) -> None:
        """New stored values: an in-place refresh (no reset, so the cursor and editor stay)."""
        self._values = dict(values)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def errors(self) -> list[tuple[str, str]]:
        """(where, sentence) for each refused cell, in row order."""
        out = []
        for r, row in enumerate(self._rows):
            if row.kind != "input":
                continue
            for c, (band, label) in enumerate(self._bands):
                key = (row.item.key, row.sex, band)
                if key in self._errors:
                    where = ", ".join(x for x in (row.item.label, self._sex_label(row.sex),
                                                  label if band else "") if x)
                    out.append((where, self._errors[key]))
                    _ = r, c
        return out

    def set_flags(self, flags: list[tuple[tuple[str, str, str], str]]) -> None:
        """The flags of the stored values: (cell, sentence) each; the cells show amber with the sentence."""
        new: dict[tuple[str, str, str], list[str]] = {}
        for cell, text in flags:
            new.setdefault(cell, []).append(text)
        if new != self._flags:
            self._flags = new
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def has_pending(self) -> bool:
        return bool(self._pending)

    def _cell_key(self, index: QModelIndex) -> tuple[str, str, str] | None:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        band_col = index.column() - self.FIRST_BAND
        if row.kind != "input" or not 0 <= band_col < len(self._bands):
            return None
        return (row.item.key, row.sex, self._bands[band_col][0])

    def _num(self, item_key: str, sex: str, band: str | None) -> int | float | None:
        """A stored count; ``sex='*'`` sums L+P, ``band=None`` sums the bands."""
        sexes = ["L", "P"] if sex == "*" else [sex]
        bands = [b for b, _ in self._bands] if band is None else [band]
        return _sum([self._values.get((item_key, s, b)) for s in sexes for b in bands])

    def _value(self, row: GridRow, band: str | None) -> Any:
        if row.kind in ("input", "sum"):
            return self._num(row.item.key, row.sex, band)
        if row.kind == "percent":
            it = row.item
            # Over a sum (L+P, or all bands) only cells where both counts are typed take part:
            # a half-typed row must not show 20 of a full denominator as "0,8%".
            sexes = ["L", "P"] if row.sex == "*" else [row.sex]
            bands = [b for b, _ in self._bands] if band is None else [band]
            pairs = [(self._values.get((it.numerator or "", s, b)), self._values.get((it.denominator or "", s, b)))
                     for s in sexes for b in bands]
            pairs = [(n, d) for n, d in pairs if n is not None and d is not None]
            if not pairs:
                return None
            return percent(sum(n for n, _ in pairs), sum(d for _, d in pairs))
        return None

    @staticmethod
    def _sex_label(sex: str) -> str:
        return {"L": QCoreApplication.translate("DisaggregatedGridModel", "Laki-laki"), "P": QCoreApplication.translate("DisaggregatedGridModel", "Perempuan"), "*": QCoreApplication.translate("DisaggregatedGridModel", "Jumlah"), "": ""}[sex]

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
        if self._cell_key(QModelIndex(index)) is not None and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        key = self._cell_key(QModelIndex(index))
        if row.kind == "header":
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                label = row.item.label
                if row.item.computed:
                    label += " " + QCoreApplication.translate("DisaggregatedGridModel", "(dihitung otomatis)")
                elif row.item.required:
                    label += " *"
                return label
            if role == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HEADER_BG)
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.item.help or row.item.label
            return None
        if col == self.COL_SEX:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._sex_label(row.sex) or QCoreApplication.translate("DisaggregatedGridModel", "Nilai")
            if role == Qt.ItemDataRole.BackgroundRole and row.kind != "input":
                return QBrush(SUM_BG)
            return None
        band_col = col - self.FIRST_BAND
        band = self._bands[band_col][0] if band_col < len(self._bands) else None  # None: total column
        value = self._value(row, band)
        if role == Qt.ItemDataRole.DisplayRole:
            if key is not None and key in self._pending:
                return self._pending[key]
            return fmt_percent(value) if row.kind == "percent" else fmt_number(value)
        if role == Qt.ItemDataRole.EditRole:
            if key is not None and key in self._pending:
                return self._pending[key]
            return fmt_number(value)
        if role == self.SortRole:
            return value
        if role == self.RecordRole:
            return key
        if role == self.ErrorRole:
            return self._errors.get(key) if key else None
        if role == self.FlagRole:
            return self._flags.get(key) if key else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if key is not None and key in self._errors:
                return QBrush(ERROR_BG)
            if key is not None and key in self._flags:
                return QBrush(FLAG_BG)
            if row.kind == "percent":
                return QBrush(COMPUTED_BG)
            if row.kind == "sum" or key is None:
                return QBrush(SUM_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and key is not None and key in self._errors:
            return QBrush(ERROR_FG)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key is not None and key in self._errors:
                return self._errors[key]
            if key is not None and key in self._flags:
                return "\n".join(self._flags[key])
            if row.kind == "percent":
                num = self._indicator.item(row.item.numerator or "").label
                den = self._indicator.item(row.item.denominator or "").label
                return QCoreApplication.translate("DisaggregatedGridModel", "Dihitung otomatis: %1 dibagi %2 x 100").replace("%1", num).replace("%2", den)
            if key is None:
                return QCoreApplication.translate("DisaggregatedGridModel", "Dijumlahkan otomatis")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        key = self._cell_key(QModelIndex(index))
        if key is None:
            return False
        text = "" if value is None else str(value).strip()
        if key not in self._pending and text == fmt_number(self._values.get(key)):
            return True
        try:
            stored = self._writer(key[0], key[1], key[2], text)
        except KlaError as exc:
            self._pending[key] = text
            self._errors[key] = self._error_text(exc)
            self._cell_changed(index)
            self.errors_changed.emit()
            return False
        if hasattr(stored, "new"):
            # The writer returned the store's ValueChange: show the value as stored (sums and
            # percentages follow) without waiting for a reload.
            if stored.new is None:
                self._values.pop(key, None)
            else:
                self._values[key] = stored.new
        had_error = key in self._errors
        self._pending.pop(key, None)
        self._errors.pop(key, None)
        self._cell_changed(index)
        if had_error:
            self.errors_changed.emit()
        return True

    def _cell_changed(self, index: QModelIndex | QPersistentModelIndex) -> None:
        # The sums and percentages of the row and column depend on this cell: refresh all.
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


def _two_lines(label: str) -> str:
    """Break a long band label in two at the space nearest its middle (narrower columns)."""
    if len(label) <= 10 or " " not in label:
        return label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    mid = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return label[:mid] + "\n" + label[mid + 1:]
