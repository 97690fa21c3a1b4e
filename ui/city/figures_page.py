"""Profil Anak Kota: the kelurahan's values added up for the city and each kecamatan, per indicator.

Left, the areas (the city, its kecamatan, their kelurahan) with how many kelurahan sent the
indicator; right, every item of the chosen indicator for the chosen area: totals by sex and
age band, percentages pooled from the summed parts (never averaged), yes/no and choices as
counts and shares, both data years of the period with the change, and how many kelurahan
each figure covers. The figures are computed by :mod:`db.figures` in a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.figures import ALL, CityFigures
from exports.figures import FigureLine, figure_lines, provisional
from ui.city.session import CitySession
from ui.operations import Failure, is_running, run_in_background
from ui.widgets.formatting import fill, fmt_number, fmt_percent
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.table_model import RecordTableModel
from ui.widgets.tasks import ProgressWidget, Task
from ui.widgets.unit_words import kecamatan_word, unit_title, units_word

Index = QModelIndex | QPersistentModelIndex
FIGURE_ENTITIES = ("value", "entry", "sync", "kelana")


def figures_job(home: Path, years: tuple[int, ...], ready_only: bool) -> Any:
    """Every figure of the city for ``years`` (one query), read in the worker on its own connection."""

    def job(progress: Any, cancelled: Any) -> CityFigures:
        from db.store import Store

        store = Store.open(home, check=False, start_backup=False)
        try:
            return store.city_figures(years, None, ready_only)
        finally:
            store.close()

    return job


def sex_words(sex: str) -> str:
    return {"L": QCoreApplication.translate("FigureModel", "Laki-laki"),
            "P": QCoreApplication.translate("FigureModel", "Perempuan")}.get(
        sex, QCoreApplication.translate("FigureModel", "Semua"))


def value_text(line: FigureLine, i: int) -> str:
    """One year's figure as shown: 1.234 · Rp 1.500.000 · 70,4% (50/71) · 14 kelurahan (77,8%)."""
    v = line.years[i]
    if v.value is None:
        return "–"
    if line.kind in ("Ya/Tidak", "Pilihan"):
        return QCoreApplication.translate("FigureModel", "%1 kelurahan (%2)").replace(
            "%1", fmt_number(int(v.numerator or 0))).replace("%2", fmt_percent(v.value))
    if line.unit == "%":
        # Some units gave only some of its cells: marked as the city report marks it (its footnote on the page).
        text = fmt_percent(v.value) + ("*" if partial_mark(line, i) else "")
        if v.numerator is not None and v.denominator is not None:
            text += f" ({fmt_number(v.numerator)}/{fmt_number(v.denominator)})"
        return text
    if line.unit == "Rp":
        return "Rp " + fmt_number(round(v.value))
    return fmt_number(v.value)


def partial_mark(line: FigureLine, i: int) -> bool:
    """A percentage over only some units' cells, "78,5%*" (``exports.reports.city_totals_story``'s rule)."""
    v = line.years[i]
    return line.kind == "Persen" and v.value is not None and v.partial > 0


def change_text(line: FigureLine) -> str:
    c = line.change
    if c is None:
        return ""
    sign = "+" if c > 0 else ("−" if c < 0 else "±")
    body = fmt_number(abs(round(c, 2)))
    if line.unit == "%":
        return QCoreApplication.translate("FigureModel", "%1 poin").replace("%1", sign + body)
    return sign + body


class FigureModel(RecordTableModel):
    """The lines of one area and indicator (RecordRole: exports.figures.FigureLine)."""

    COL_ITEM, COL_SEX, COL_AGE, COL_YEAR1, COL_YEAR2, COL_CHANGE, COL_COVER = range(7)
    _HEADERS = (
        QT_TRANSLATE_NOOP("FigureModel", "Isian"),
        # Two lines: the seven columns beside the list of areas fit at 1366x768.
        QT_TRANSLATE_NOOP("FigureModel", "Jenis\nkelamin"),
        QT_TRANSLATE_NOOP("FigureModel", "Kelompok\numur"),
        QT_TRANSLATE_NOOP("FigureModel", "Tahun data 1"),
        QT_TRANSLATE_NOOP("FigureModel", "Tahun data 2"),
        QT_TRANSLATE_NOOP("FigureModel", "Perubahan"),
        QT_TRANSLATE_NOOP("FigureModel", "Kelurahan tercakup"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.years: tuple[int, ...] = ()

    def set_lines(self, lines: list[FigureLine], years: tuple[int, ...]) -> None:
        with self._resetting():
            self._rows = list(lines)
            self.years = years

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section in (self.COL_YEAR1, self.COL_YEAR2):
            i = section - self.COL_YEAR1
            if i < len(self.years):
                return QCoreApplication.translate("FigureModel", "Tahun data %1").replace("%1", str(self.years[i]))
            return ""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section == self.COL_COVER and self.years:
            return QCoreApplication.translate("FigureModel", "Tercakup\n%1").replace(
                "%1", " · ".join(str(y) for y in self.years))
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == self.COL_COVER:
            return QCoreApplication.translate("FigureModel", "Banyaknya kelurahan yang datanya dihitung, per tahun data")
        return super().headerData(section, orientation, role)

    def _text(self, line: FigureLine, col: int) -> str:
        if col == self.COL_ITEM:
            return line.item_label + (f": {line.choice_label}" if line.choice_label else "")
        if col == self.COL_SEX:
            return "" if line.kind in ("Ya/Tidak", "Pilihan") else sex_words(line.sex)
        if col == self.COL_AGE:
            if line.kind in ("Ya/Tidak", "Pilihan"):
                return ""
            return line.age_label if line.age != ALL else QCoreApplication.translate("FigureModel", "Semua umur")
        if col in (self.COL_YEAR1, self.COL_YEAR2):
            i = col - self.COL_YEAR1
            return value_text(line, i) if i < len(line.years) else ""
        if col == self.COL_CHANGE:
            return change_text(line)
        if col == self.COL_COVER:
            of = line.years[-1].of if line.years else 0
            return QCoreApplication.translate("FigureModel", "%1 dari %2").replace(
                "%1", " · ".join(str(v.units) for v in line.years)).replace("%2", str(of))
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        line: FigureLine = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, col)
        if role == self.RecordRole:
            return line
        if role == self.SortRole:
            if col in (self.COL_YEAR1, self.COL_YEAR2):
                i = col - self.COL_YEAR1
                return line.years[i].value if i < len(line.years) else None
            return line.change if col == self.COL_CHANGE else self._text(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.COL_YEAR1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.is_total:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole and line.is_total:
            return QColor("#eef3f7")
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [self._text(line, self.COL_ITEM)]
            for v in line.years:
                tip = QCoreApplication.translate("FigureModel", "Tahun data %1: data dari %2 dari %3 kelurahan").replace(
                    "%1", str(v.year)).replace("%2", str(v.units)).replace("%3", str(v.of))
                if v.partial:
                    tip += "; " + QCoreApplication.translate("FigureModel", "%n di antaranya baru mengisi sebagian",
                                                             "", v.partial)
                if v.ready:
                    tip += "; " + QCoreApplication.translate("FigureModel", "%n menandainya siap", "", v.ready)
                tips.append(tip)
            if line.unit == "%" and line.kind == "Persen":
                tips.append(QCoreApplication.translate(
                    "FigureModel", "Persentase dihitung dari jumlah pembilang dan penyebut semua kelurahan, "
                    "bukan rata-rata persentase kelurahan."))
            return "\n".join(tips)
        return None


class CityFiguresPage(QWidget):
    """See the module docstring."""

    def __init__(self, session: CitySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.figures: CityFigures | None = None
        self.task: Task | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        intro = WrapLabel(self.tr(
            "Angka kota dan kecamatan dari data yang sudah dikirim kelurahan: jumlah menurut jenis kelamin dan "
            "umur, persentase yang dihitung ulang dari jumlah pembilang dan penyebut, dan banyaknya kelurahan untuk "
            "jawaban Ya/Tidak dan pilihan. Kelurahan yang belum mengirim tidak dihitung sebagai nol; setiap angka "
            "menyebut berapa kelurahan yang tercakup. Pilih wilayah di kiri untuk melihat kecamatan atau kelurahan."))
        intro.setObjectName("helpText")
        layout.addWidget(intro)

        row = QHBoxLayout()
        ind_label = QLabel(self.tr("Indikator"))
        self.indicator = QComboBox()
        for ind in session.template.indicators:
            text = f"{ind.no}. {ind.short_name}"
            if provisional(ind):
                text += " " + self.tr("(rumusan sementara)")
            self.indicator.addItem(text, ind.no)
        ind_label.setBuddy(self.indicator)
        self.ready_only = QCheckBox(self.tr("Hanya indikator yang ditandai siap"))
        self.ready_only.setToolTip(self.tr("Hitung hanya data indikator yang sudah ditandai Siap oleh kelurahan"))
        self.csv_button = QPushButton(self.tr("Simpan CSV…"))
        store = session.store
        self.csv_button.setToolTip(fill(self.tr("Semua angka %1, %2 dan %3 dalam satu berkas CSV"),
                                        store.unit(store.city_code).kind, kecamatan_word(store).lower(),
                                        units_word(store, capital=False)))
        self.progress = ProgressWidget()
        row.addWidget(ind_label)
        row.addWidget(self.indicator, 1)
        row.addWidget(self.ready_only)
        row.addWidget(self.progress)
        row.addWidget(self.csv_button)
        layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.areas = QTreeWidget()
        # Not "Mengirim" with "1/4": it read as a sending under way; it is how many have data for the indicator.
        self.areas.setHeaderLabels([self.tr("Wilayah"), self.tr("Ada data")])
        self.areas.setRootIsDecorated(True)
        self.areas.setAccessibleName(self.tr("Wilayah"))
        split.addWidget(self.areas)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.area_title = WrapLabel()
        self.area_title.setObjectName("sectionTitle")
        rl.addWidget(self.area_title)
        self.model = FigureModel(self)
        self.view = KeptTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Whole words, on more lines where the item needs them: elided in the middle at 1366x768 they read
        # "Ada kebijaka…elurahan: Ya" (cut at the right, the Ya and Tidak lines of one item read the same).
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The item's words get the width left (every other column in sight at 1366x768: "Tercakup" went
        # behind a sideways scroll bar at a fixed 230); they are elided, with the full words in the tooltip.
        hh.setSectionResizeMode(FigureModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        hh.setStretchLastSection(False)
        hh.setMinimumSectionSize(40)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rl.addWidget(self.view, 1)
        self.note = WrapLabel()
        self.note.setObjectName("helpText")
        rl.addWidget(self.note)
        split.addWidget(right)
        split.setSizes([250, 910])
        layout.addWidget(split, 1)

        self.indicator.currentIndexChanged.connect(self._on_indicator_current_index_changed)
        self.ready_only.toggled.connect(self._on_ready_only_toggled)
        self.areas.currentItemChanged.connect(self._on_areas_current_item_changed)
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _y: self._mark_stale())

    # ------------------------------------------------------------------ loading

    def years(self) -> tuple[int, ...]:
        return tuple(self.session.store.period_for_data_year(self.session.year).data_years)

    def reload(self) -> Task | None:
        """Compute every figure of the period again, in a worker; the view redraws when it is done."""
        if is_running(self.task):
            self._stale = True
            return self.task
        self._stale = False
        self.task = run_in_background(
            self, figures_job(self.session.home, self.years(), self.ready_only.isChecked()),
            title=self.tr("Menghitung angka kota…"), on_done=self._on_task_done, on_failed=self._on_task_failed,
            on_ended=self._on_task_ended, progress_widget=self.progress)
        return self.task

    def _on_task_done(self, figs: CityFigures) -> None:
        self.figures = figs
        self._fill_areas()
        self.show_area()

    def _on_task_failed(self, failure: Failure) -> None:
        if not failure.cancelled:
            self.note.setText(failure.text)

    def _on_task_ended(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def _mark_stale(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        if changes.has(*FIGURE_ENTITIES, "template"):
            self._mark_stale()

    # ------------------------------------------------------------------ showing

    def indicator_no(self) -> int:
        return int(self.indicator.currentData())

    def current_area(self) -> str:
        item = self.areas.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else self.session.store.city_code

    def _sent(self, code: str) -> tuple[int, int]:
        """(kelurahan of the area with any figure of the indicator in the newest year, kelurahan in the area)."""
        figs = self.figures
        assert figs is not None
        area = figs.area(code)
        year, ind = figs.years[-1], self.indicator_no()
        keys = [it.key for it in self.session.template.indicator(ind).items]
        sent = sum(1 for k in area.units if any(figs.get(k, year, ind, key) for key in keys))
        return sent, len(area.units)

    def _fill_areas(self) -> None:
        figs = self.figures
        if figs is None:
            return
        keep = self.current_area()
        self.areas.blockSignals(True)
        try:
            self.areas.clear()
            city = next(a for a in figs.areas if a.level == "city")
            top = self._area_item(None, city.code, city.name)
            for kec in figs.children(city.code):
                k_item = self._area_item(top, kec.code, kec.name)
                for kel in figs.children(kec.code):
                    self._area_item(k_item, kel.code, kel.name)
            top.setExpanded(True)
            self.areas.resizeColumnToContents(0)
            found = self.areas.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
            current = next((i for i in found if i.data(0, Qt.ItemDataRole.UserRole) == keep), top)
            self.areas.setCurrentItem(current)
        finally:
            self.areas.blockSignals(False)

    def _area_item(self, parent: QTreeWidgetItem | None, code: str, name: str) -> QTreeWidgetItem:
        sent, of = self._sent(code)
        item = QTreeWidgetItem([name, fill(self.tr("%1 dari %2"), fmt_number(sent), fmt_number(of))])
        item.setData(0, Qt.ItemDataRole.UserRole, code)
        item.setToolTip(1, fill(self.tr("%1 dari %2 %3 di wilayah ini sudah punya data indikator ini di DP3AKB "
                                        "(tahun data %4)"), fmt_number(sent), fmt_number(of),
                                units_word(self.session.store, capital=False), self.years()[-1]))
        if parent is None:
            self.areas.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def show_area(self) -> None:
        figs = self.figures
        s = self.session
        years = self.years()
        self.title.setText(self.tr("Profil Anak Kota · tahun data %1").replace("%1", " dan ".join(map(str, years))))
        if figs is None:
            return
        code = self.current_area()
        area = figs.area(code)
        one = CityFigures(figs.years, (area,), figs.figures, figs.ready_only)
        lines = list(figure_lines(s.template, one, levels=(area.level,), indicators=[self.indicator_no()]))
        self.model.set_lines(lines, figs.years)
        ind = s.template.indicator(self.indicator_no())
        name = f"{ind.no}. {ind.title}" + (" " + self.tr("(rumusan sementara)") if provisional(ind) else "")
        # "Kecamatan X"/"Distrik X", "Desa Y"/"Kelurahan Y"; the kab/kota's name carries its own word.
        where = area.name if area.level == "city" else unit_title(area.code, area.name)
        self.area_title.setText(f"{where} — {name}")
        if not lines:
            self.note.setText(self.tr("Belum ada kelurahan di wilayah ini yang mengirim data indikator ini."))
        else:
            self.note.setText(self.tr(
                "Baris tebal: jumlah semua jenis kelamin dan umur. Arahkan tetikus ke angka untuk melihat berapa "
                "kelurahan yang baru mengisi sebagian.")
                + (" " + self.tr("Hanya data indikator yang ditandai siap.") if figs.ready_only else "")
                + ("\n" + fill(self.tr("* Sementara: ada %1 yang baru mengisi sebagian kolom; berubah setelah semua "
                                        "kolom terisi."), units_word(s.store, capital=False))
                   if any(partial_mark(ln, i) for ln in lines for i in range(len(ln.years))) else ""))

    def _on_indicator_current_index_changed(self, _index: int) -> None:
        if self.figures is not None:
            self._fill_areas()
            self.show_area()

    def _on_areas_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.show_area()

    def _on_ready_only_toggled(self, _checked: bool) -> None:
        self.reload()

    def _on_csv_button_clicked(self) -> None:
        s = self.session
        dialogs = s.dialogs
        default = s.home / "laporan" / f"Angka KLA {s.city_name} {s.year}.csv"
        path = dialogs.save_file(self, self.tr("Simpan angka kota (CSV)"), str(default), self.tr("CSV (*.csv)"),
                                 kind="report")
        if path:
            self.write_csv(Path(path))

    def write_csv(self, dest: Path) -> Task:
        s = self.session
        home, year, ready_only = s.home, s.year, self.ready_only.isChecked()  # read here, not in the worker

        def job(progress: Any, cancelled: Any) -> Path:
            from db.store import Store
            from exports import figures

            store = Store.open(home, check=False, start_backup=False)
            try:
                # Hundreds of thousands of lines at 1,000 units: the bar moves per indicator, Batal stops it.
                table = figures.collect_figures(store, year, ready_only=ready_only, progress=progress,
                                                cancelled=cancelled)
            finally:
                store.close()
            return figures.write_csv(table, dest, cancelled)

        def done(path: Path) -> None:
            self.note.setText(self.tr("Tersimpan: %1").replace("%1", str(path)))

        self.task = run_in_background(self, job, title=self.tr("Menulis CSV…"), on_done=done,
                                      on_failed=self._on_task_failed, progress_widget=self.progress)
        return self.task
