"""Item models of the city window: the kelurahan x indicator matrix and the kecamatan roll-ups."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from db.records import IndicatorStatus, KelurahanStatus
from db.template import Template
from ui.city.rollup import KecamatanRollup
from ui.entry.models import state_text
from ui.messages import flag_text
from ui.session import translate_message
from ui.widgets.formatting import fmt_completeness, fmt_number, fmt_percent, fmt_value
from ui.widgets.table_model import RecordTableModel

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_SORT = int(RecordTableModel.SortRole)
_RECORD = int(RecordTableModel.RecordRole)
_RIGHT_VCENTER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex

# One colour per cell state; a DP3AKB review wins over the kelurahan's own state.
STATE_COLORS = {
    "empty": QColor("#eceff2"),
    "partial": QColor("#fbd99b"),
    "complete": QColor("#b9d3f0"),
    "ready": QColor("#a9dcb5"),
    "diterima": QColor("#3f9b5a"),
    "perlu_perbaikan": QColor("#e06c6c"),
}
DARK_STATES = ("diterima", "perlu_perbaikan")
REVIEW_MARKS = {"diterima": "✓", "perlu_perbaikan": "!"}


def cell_key(st: IndicatorStatus) -> str:
    """The legend entry a matrix cell belongs to."""
    return st.review_state if st.review_state in REVIEW_MARKS else st.state


def review_text(state: str) -> str:
    return {
        "diterima": QCoreApplication.translate("CityMatrixModel", "Diterima DP3AKB"),
        "perlu_perbaikan": QCoreApplication.translate("CityMatrixModel", "Perlu perbaikan"),
    }.get(state, QCoreApplication.translate("CityMatrixModel", "Belum ditinjau"))


def legend_entries() -> list[tuple[str, str]]:
    """(key, words) in the order the legend shows them."""
    return [
        ("empty", state_text("empty")),
        ("partial", state_text("partial")),
        ("complete", QCoreApplication.translate("CityMatrixModel", "Lengkap")),
        ("ready", QCoreApplication.translate("CityMatrixModel", "Siap (ditandai kelurahan)")),
        ("diterima", QCoreApplication.translate("CityMatrixModel", "✓ Diterima DP3AKB")),
        ("perlu_perbaikan", QCoreApplication.translate("CityMatrixModel", "! Perlu perbaikan")),
    ]


def missing_lines(st: IndicatorStatus, template: Template) -> list[str]:
    """What the kelurahan still lacks for one indicator, one line each."""
    ind = template.indicator(st.indicator_no)
    lines = []
    labels = [ind.item(k).label for k in st.missing_items]
    if labels:
        shown = "; ".join(labels[:4]) + (" …" if len(labels) > 4 else "")
        lines.append(QCoreApplication.translate("CityMatrixModel", "Isian wajib belum lengkap (%1): %2")
                     .replace("%1", str(len(labels))).replace("%2", shown))
    for g in st.missing_evidence:
        lines.append(QCoreApplication.translate("CityMatrixModel", "Data dukung kurang: %1 (ada %2 dari %3)")
                     .replace("%1", g.label).replace("%2", str(g.have)).replace("%3", str(g.need)))
    if st.too_old_evidence:
        lines.append(QCoreApplication.translate("CityMatrixModel", "%n data dukung terlalu lama", "",
                                                st.too_old_evidence))
    # Every flag (a part above its whole, a value out of its range, a big change from last year, a
    # template rule), each in the sentence the kelurahan sees at the cell: not only part-over-whole.
    flags = st.flags
    if flags:
        sentences = list(dict.fromkeys(flag_text(f, translate_message) for f in flags))
        shown = sentences[:3] + (["…"] if len(sentences) > 3 else [])
        lines.append(QCoreApplication.translate("CityMatrixModel", "%n angka perlu diperiksa:", "", len(flags))
                     + "\n" + "\n".join(f"• {x}" for x in shown))
    return lines


PAINT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                         Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                         Qt.ItemDataRole.DecorationRole})
"""The roles a view asks on every repaint; their values are kept until the row changes."""


class CityMatrixModel(RecordTableModel):
    """One row per kelurahan; after three fixed columns, one column per indicator of the template.

    RecordRole: KelurahanStatus (fixed columns) / (KelurahanStatus, IndicatorStatus) (indicator cells).
    """

    COL_KECAMATAN, COL_KELURAHAN, COL_COMPLETENESS = range(3)
    COL_FIRST_INDICATOR = 3
    KecamatanRole = Qt.ItemDataRole.UserRole + 3  # kecamatan code, for the filter
    StateRole = Qt.ItemDataRole.UserRole + 4  # legend key of an indicator cell

    _HEADERS = (
        QT_TRANSLATE_NOOP("CityMatrixModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("CityMatrixModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("CityMatrixModel", "Lengkap"),
    )

    def __init__(self, template: Template, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[KelurahanStatus] = []
        # Each row's indicators by number, made when the row is first painted or sorted on: a kept
        # status decodes its 24 indicators only then (db.status_cache), so a kabupaten's matrix
        # opens with the rows on screen decoded, not 1,000.
        self._cells: list[dict[int, IndicatorStatus] | None] = []
        # What painting asks for (text, colours, font, alignment), kept per row, then (column, role):
        # a kabupaten's matrix repaints hundreds of cells per scroll step (bench/bench_kabupaten.py),
        # and a review forgets one row's values, not a walk over every cell's.
        self._memo: dict[int, dict[tuple[int, int], Any]] = {}
        self.retired: frozenset[str] = frozenset()
        """Units DP3AKB retired: their rows stay (the data is kept), marked "tidak aktif" and greyed."""
        self.set_template(template)

    def set_template(self, template: Template) -> None:
        with self._resetting():
            self._memo = {}
            self.template = template
            self._indicators = [i.no for i in template.indicators]

    def set_rows(self, rows: list[KelurahanStatus]) -> None:
        with self._resetting():
            self._memo = {}
            self._rows = sorted(rows, key=lambda r: (r.kecamatan_code, r.kelurahan_code))
            self._cells = [None] * len(self._rows)

    def replace_row(self, status: KelurahanStatus) -> None:
        """One kelurahan was re-read (e.g. after a review): update its row in place."""
        row = self.row_of(status.kelurahan_code)
        if row < 0:
            return
        self._rows[row] = status
        self._cells[row] = None
        self._memo.pop(row, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def indicator_at(self, column: int) -> int | None:
        k = column - self.COL_FIRST_INDICATOR
        return self._indicators[k] if 0 <= k < len(self._indicators) else None

    def column_of(self, indicator_no: int) -> int:
        return self.COL_FIRST_INDICATOR + self._indicators.index(indicator_no)

    def row_of(self, kelurahan_code: str) -> int:
        for n, r in enumerate(self._rows):
            if r.kelurahan_code == kelurahan_code:
                return n
        return -1

    def kelurahan(self, row: int) -> KelurahanStatus:
        return self._rows[row]

    def cell(self, row: int, indicator_no: int) -> IndicatorStatus | None:
        return self._row_cells(row).get(indicator_no)

    def _row_cells(self, row: int) -> dict[int, IndicatorStatus]:
        got = self._cells[row]
        if got is None:
            got = self._cells[row] = {i.indicator_no: i for i in self._rows[row].indicators}
        return got

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COL_FIRST_INDICATOR + len(self._indicators)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        no = self.indicator_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(no) if no is not None else super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.ToolTipRole and no is not None:
            ind = self.template.indicator(no)
            cluster = self.template.cluster(ind.cluster).name
            return f"{ind.no}. {ind.short_name}\n{cluster}"
        if role == Qt.ItemDataRole.ToolTipRole and section == self.COL_COMPLETENESS:
            return QCoreApplication.translate("CityMatrixModel", "Rata-rata kelengkapan 24 indikator")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role not in PAINT_ROLES:
            return self._data(index.row(), index.column(), role)
        row = index.row()
        memo = self._memo.get(row)
        if memo is None:
            memo = self._memo[row] = {}
        key = (index.column(), role)
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = self._data(row, key[0], role)
            return value

    def paint_values(self, row: int, roles: tuple[int, ...]) -> list[tuple[Any, ...]]:
        """What :meth:`data` answers for ``roles`` in each column of ``row``, in one call (the matrix's
        view keeps a row's paint this way: ui/widgets/kept_table.py)."""
        return [tuple(self._data(row, col, role) for role in roles) for col in range(self.columnCount())]

    def _data(self, row: int, col: int, role: int) -> Any:
        r = self._rows[row]
        if role == self.KecamatanRole:
            return r.kecamatan_code
        no = self.indicator_at(col)
        if no is None:
            return self._fixed(r, col, role)
        st = self._row_cells(row).get(no)
        if st is None:
            return None
        return self._indicator(r, st, role)

    def _fixed(self, r: KelurahanStatus, col: int, role: int) -> Any:
        # Only the column asked for is worded (views and the proxy ask 1,000 rows at a time).
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_KECAMATAN:
                return r.kecamatan_name
            if col == self.COL_KELURAHAN:
                if r.kelurahan_code in self.retired:
                    return QCoreApplication.translate("CityMatrixModel", "%1 (tidak aktif)").replace(
                        "%1", r.kelurahan_name)
                return r.kelurahan_name
            return fmt_percent(r.completeness * 100) if col == self.COL_COMPLETENESS else None
        if role == Qt.ItemDataRole.ForegroundRole and r.kelurahan_code in self.retired:
            return QColor("#6b7580")
        if role == self.SortRole:
            if col == self.COL_KECAMATAN:
                return f"{r.kecamatan_code} {r.kelurahan_code}"
            if col == self.COL_KELURAHAN:
                return r.kelurahan_name
            return r.completeness if col == self.COL_COMPLETENESS else None
        if role == self.RecordRole:
            return r
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("CityMatrixModel", "%1 (%2), Kec. %3: kelengkapan %4, siap %5 dari 24") \
                .replace("%1", r.kelurahan_name).replace("%2", r.kelurahan_code).replace("%3", r.kecamatan_name) \
                .replace("%4", fmt_percent(r.completeness * 100)).replace("%5", str(r.ready_count))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_COMPLETENESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _indicator(self, r: KelurahanStatus, st: IndicatorStatus, role: int) -> Any:
        key = cell_key(st)
        if role == Qt.ItemDataRole.DisplayRole:
            return REVIEW_MARKS.get(st.review_state, "")
        if role == self.StateRole:
            return key
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATE_COLORS.get(key)
        if role == Qt.ItemDataRole.ForegroundRole and key in DARK_STATES:
            return QColor("white")
        if role == Qt.ItemDataRole.FontRole and key in DARK_STATES:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == self.SortRole:
            # Reviewed 'perlu perbaikan' first, then by completeness.
            return (0 if st.review_state == "perlu_perbaikan" else 1) + st.completeness
        if role == self.RecordRole:
            return (r, st)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_tooltip(r, st)
        return None

    def cell_tooltip(self, r: KelurahanStatus, st: IndicatorStatus) -> str:
        lines = [f"{r.kelurahan_name} · {st.indicator_no}. {st.short_name}",
                 QCoreApplication.translate("CityMatrixModel", "%1 — kelengkapan %2")
                 .replace("%1", state_text(st.state)).replace("%2", fmt_completeness(st.completeness, st.state == "partial", 1))]
        miss = missing_lines(st, self.template)
        if miss:
            lines += ["• " + m for m in miss]
        elif st.state != "empty":
            lines.append(QCoreApplication.translate("CityMatrixModel", "Tidak ada yang kurang."))
        if st.review_state:
            lines.append(QCoreApplication.translate("CityMatrixModel", "Tinjauan: %1").replace(
                "%1", review_text(st.review_state)) + (f" — \"{st.review_note}\"" if st.review_note else ""))
        lines.append(QCoreApplication.translate("CityMatrixModel", "Klik dua kali untuk melihat dan meninjau."))
        return "\n".join(lines)


class KecamatanFilterProxy(QSortFilterProxyModel):
    """Rows of one kecamatan ('' = all); sorts by the source's SortRole."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kecamatan = ""
        self.setSortRole(CityMatrixModel.SortRole)

    def set_kecamatan(self, code: str) -> None:
        self.beginFilterChange()
        self._kecamatan = code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._kecamatan:
            return True
        idx = self.sourceModel().index(source_row, 0, source_parent)
        return idx.data(CityMatrixModel.KecamatanRole) == self._kecamatan


class KecamatanModel(RecordTableModel):
    """The kecamatan roll-ups: one row per kecamatan (RecordRole: KecamatanRollup)."""

    # Siap + Lengkap + Sebagian + Kosong = the row's indicators (its kelurahan x the template's indicators).
    (COL_NAME, COL_KELURAHAN, COL_COMPLETENESS, COL_READY, COL_COMPLETE, COL_PARTIAL, COL_EMPTY, COL_NEEDS_FIX,
     COL_SCORE) = range(9)

    _HEADERS = (
        QT_TRANSLATE_NOOP("KecamatanModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Kelengkapan"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Siap"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Lengkap"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Sebagian"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Kosong"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Perbaikan"),
        QT_TRANSLATE_NOOP("KecamatanModel", "Nilai*"),
    )

    _rows: list[KecamatanRollup]
    _shown: dict[int, tuple[KecamatanRollup, tuple[str, ...]]]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._shown = {}  # row -> (its record, its texts): formatted again when the row's record changes

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.COL_READY: QCoreApplication.translate(
                    "KecamatanModel", "Indikator yang ditandai siap oleh kelurahan, dari semua indikator kecamatan"),
                self.COL_COMPLETE: QCoreApplication.translate(
                    "KecamatanModel", "Indikator yang sudah lengkap tetapi belum ditandai siap oleh kelurahan"),
                self.COL_PARTIAL: QCoreApplication.translate("KecamatanModel", "Indikator yang baru sebagian terisi"),
                self.COL_EMPTY: QCoreApplication.translate("KecamatanModel", "Indikator yang belum diisi sama sekali"),
                self.COL_NEEDS_FIX: QCoreApplication.translate(
                    "KecamatanModel", "Indikator yang ditinjau DP3AKB: perlu perbaikan"),
                self.COL_SCORE: QCoreApplication.translate(
                    "KecamatanModel", "Rata-rata perkiraan nilai kelurahan dari bobot template (0–1000): "
                    "perkiraan tidak resmi, bukan nilai KemenPPPA"),
            }.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked ~8 roles of every cell by each measure (a ResizeToContents header) and paint: roles as
        # ints, each row's texts formatted once (a number formatted is a QLocale call).
        row = index.row()
        if not (0 <= row < len(self._rows)) or not index.isValid():
            return None
        k = self._rows[row]
        col = index.column()
        if role == _DISPLAY:
            shown = self._shown.get(row)
            if shown is None or shown[0] is not k:
                shown = self._shown[row] = (k, self._texts(k))
            return shown[1][col] if 0 <= col < len(shown[1]) else None
        if role == _SORT:
            return self._sort_value(k, col)
        if role == _RECORD:
            return k
        if role == _ALIGN and col != self.COL_NAME:
            return _RIGHT_VCENTER
        if role == _FOREGROUND and col == self.COL_NEEDS_FIX and k.needs_fix:
            return QColor("#a61b1b")
        return None

    def _texts(self, k: KecamatanRollup) -> tuple[str, ...]:
        out = []
        for col in range(len(self._HEADERS)):
            if col == self.COL_NAME:
                out.append(k.name)
            elif col == self.COL_COMPLETENESS:
                out.append(fmt_percent(k.completeness * 100))
            elif col == self.COL_READY:
                out.append(f"{fmt_number(k.ready)} / {fmt_number(k.indicators)}")
            elif col == self.COL_SCORE:
                out.append(fmt_number(round(k.score_estimate)))
            else:
                raw = self._sort_value(k, col)
                out.append("" if raw is None else fmt_number(raw))
        return tuple(out)

    def _sort_value(self, k: KecamatanRollup, col: int) -> Any:
        return {self.COL_NAME: k.name, self.COL_KELURAHAN: k.kelurahan, self.COL_COMPLETENESS: k.completeness,
                self.COL_READY: k.ready, self.COL_COMPLETE: k.complete, self.COL_PARTIAL: k.partial, self.COL_EMPTY: k.empty,
                self.COL_NEEDS_FIX: k.needs_fix, self.COL_SCORE: k.score_estimate}.get(col)


class IndicatorValuesModel(RecordTableModel):
    """The values one kelurahan stored for one indicator, one row per item cell (read-only).

    RecordRole: the cell's key (item_key, sex, age).
    """

    COL_ITEM, COL_CELL, COL_VALUE = range(3)

    _HEADERS = (
        QT_TRANSLATE_NOOP("IndicatorValuesModel", "Isian"),
        QT_TRANSLATE_NOOP("IndicatorValuesModel", "Rincian"),
        QT_TRANSLATE_NOOP("IndicatorValuesModel", "Nilai"),
    )

    # (item label, cell label, shown value, raw value, key, required and missing)
    _rows: list[tuple[str, str, str, Any, tuple[str, str, str], bool]]

    def set_values(self, template: Template, indicator_no: int, values: dict, computed: dict) -> None:
        ind = template.indicator(indicator_no)
        rows = []
        for it in ind.items:
            bands = {b.key: b.label for b in template.age_bands.get(it.age, ())} if it.age else {}
            for sex, age in template.cells(it):
                key = (it.key, sex, age)
                raw = values.get(key, computed.get(key))
                cell = " · ".join(x for x in (sex, bands.get(age, age)) if x)
                shown = fmt_value(raw, it.type, it.choices)
                rows.append((it.label, cell, shown, raw, key, it.required and raw is None))
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        label, cell, shown, raw, key, missing = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_VALUE and missing:
                return QCoreApplication.translate("IndicatorValuesModel", "(kosong, wajib)")
            return (label, cell, shown)[col] if 0 <= col < 3 else None
        if role == self.SortRole:
            return (label, cell, raw if isinstance(raw, (int, float)) else shown)[col] if 0 <= col < 3 else None
        if role == self.RecordRole:
            return key
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_VALUE and missing:
            return QColor("#a61b1b")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_ITEM:
            return label
        return None
