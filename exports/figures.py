"""The city figures (:mod:`db.figures`) as printed lines: for the workbook, CSV and the city report.

``collect_figures`` reads :meth:`db.store.Store.city_figures` for both data years of a
period and lays every figure out as a :class:`FigureLine` with words (item labels, choice
labels, sex and age band labels), the value of each year, what it is made of (numerator and
denominator of a percentage; the answers behind a share) and how many kelurahan it covers.
The words are Indonesian: they are the printed content of a file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from db.figures import ALL, CityFigures, change, exact_share
from db.progress import Cancelled, Progress, Step, paused_collector, step
from db.store import Store
from db.template import Indicator, Item, Template, percent
from exports.cells import FORMULA_START, cell_text
from exports.paper import AreaWords, _check, area_words, city_word, kecamatan_word, unit_word

PROVISIONAL = "(rumusan sementara)"
"""Added wherever an indicator's wording is not confirmed (``wording_status`` in the template)."""
LEVEL_WORDS = {"city": "Kota", "kecamatan": "Kecamatan", "kelurahan": "Kelurahan"}
"""A level's word when the area's own is not known; each line says its own (``FigureLine.level_word``)."""
KIND_WORDS = {"sum": "Jumlah", "percent": "Persen", "yes_no": "Ya/Tidak", "choice": "Pilihan"}
SEX_WORDS = {"L": "Laki-laki", "P": "Perempuan", ALL: "Semua"}
YES_NO_WORDS = {"ya": "Ya", "tidak": "Tidak"}


def provisional(ind: Indicator) -> bool:
    """True when the indicator's title (and so its proposed items) is not a confirmed wording."""
    return ind.wording_status != "confirmed"


def indicator_name(ind: Indicator, *, title: bool = False) -> str:
    """'19. SRA', with '(rumusan sementara)' when its wording is not confirmed."""
    text = f"{ind.no}. {ind.title if title else ind.short_name}"
    return f"{text} {PROVISIONAL}" if provisional(ind) else text


class YearValue(NamedTuple):
    """One data year of a figure line. ``value``: a total, or a percentage/share (0..100).

    A named tuple, as :class:`FigureLine`: a 1,000-unit kabupaten has ~400,000 lines of two years each."""

    year: int
    value: float | None
    numerator: float | None
    denominator: float | None
    units: int
    of: int
    ready: int
    partial: int


class FigureLine(NamedTuple):
    level: str
    area_code: str
    area_name: str
    kecamatan_name: str
    indicator_no: int
    indicator: str  # with the "(rumusan sementara)" mark when it applies
    item_key: str
    item_label: str
    choice: str  # choice key or 'ya'/'tidak'; '' for sums and percentages
    choice_label: str
    sex: str
    age: str
    sex_label: str
    age_label: str
    kind: str
    unit: str  # 'orang/unit', 'Rp', '%'
    years: tuple[YearValue, ...]
    change: float | None
    level_word: str = ""  # 'Kabupaten'/'Kota', 'Kecamatan'/'Distrik', 'Desa'/'Kelurahan': the area's own

    @property
    def is_total(self) -> bool:
        return self.sex == ALL and self.age == ALL


@dataclass(frozen=True)
class FigureTable:
    """Every line, and what the figures were read from."""

    city_name: str
    years: tuple[int, ...]
    eval_year: int
    ready_only: bool
    lines: tuple[FigureLine, ...]
    units_total: int
    words: AreaWords = AreaWords()  # the headings' words for this kab/kota


def _cells(t: Template, it: Item) -> list[tuple[str, str]]:
    """The total first, then per sex, then per age band, then each cell (as a reader scans)."""
    base = t.cells(it)
    out = [(ALL, ALL)]
    if it.sex and it.age:
        out += [(s, ALL) for s in ("L", "P")]
        out += [(ALL, b.key) for b in t.age_bands[it.age]]
    out += [c for c in base if c != (ALL, ALL)]
    return out


def _unit_word(it: Item) -> str:
    if it.type == "amount":
        return "Rp"
    if it.type in ("percent", "yes_no", "choice"):
        return "%"
    return "jumlah"


def figure_lines(t: Template, figs: CityFigures, *, levels: Iterable[str] = ("city", "kecamatan", "kelurahan"),
                 indicators: Iterable[int] | None = None, totals_only: bool = False,
                 kecamatan_names: dict[str, str] | None = None) -> Iterator[FigureLine]:
    """The lines of ``figs``: per indicator and item, each area (city, kecamatan, kelurahan), each cell.
    ``kecamatan_names``: the kecamatan of units whose kecamatan is not among ``figs.areas`` (a
    desa/kelurahan workspace has no kecamatan area, its lines still name it)."""
    wanted = set(indicators) if indicators is not None else None
    levels = tuple(levels)
    kec_names = {**(kecamatan_names or {}), **{a.code: a.name for a in figs.areas if a.level == "kecamatan"}}
    # Each area with what its lines say of it: its kecamatan's name, its level's word, how many units it holds.
    areas = [(a, kec_names.get(a.parent, "") if a.level == "kelurahan" else (a.name if a.level == "kecamatan" else ""),
              _level_word(a.level, a.code, a.name), len(a.units))
             for lv in ("city", "kecamatan", "kelurahan") if lv in levels for a in figs.areas if a.level == lv]
    found = figs.figures.get
    ages = {b.key: b.label for bands in t.age_bands.values() for b in bands}
    years = figs.years
    multi = len(years) > 1
    for ind in t.indicators:
        if wanted is not None and ind.no not in wanted:
            continue
        name = indicator_name(ind)
        for it in ind.items:
            if it.type not in ("count", "amount", "percent", "yes_no", "choice"):
                continue
            shape = ind.item(it.numerator or "") if it.type == "percent" else it
            cells = [(ALL, ALL)] if totals_only or it.type in ("yes_no", "choice") else _cells(t, shape)
            if it.type == "yes_no":
                keys: list[tuple[str, str]] = list(YES_NO_WORDS.items())
            elif it.type == "choice":
                keys = [(c.key, c.label) for c in it.choices]
            else:
                keys = [("", "")]
            kind_word = KIND_WORDS["sum" if it.type in ("count", "amount") else it.type]
            unit = _unit_word(it)
            numeric = it.type in ("count", "amount", "percent")
            cell_words = [(cell, SEX_WORDS.get(cell[0], cell[0]), ages.get(cell[1], cell[1]) if cell[1] else "Semua umur")
                          for cell in cells]
            for area, kec, level_word, n_units in areas:
                per_year = [found((area.code, y, ind.no, it.key)) for y in years]
                if not any(per_year):
                    continue
                # What does not change from one cell to the next: each year's figure (or its empty value).
                per: list[tuple[Any, ...]] = [
                    (None, y, YearValue(y, None, None, None, 0, n_units, 0, 0), "", None, None, None, 0, 0, 0, 0, 0)
                    if f is None else
                    (f, y, None, f.kind, f.cells.get, f.parts, f.counts, len(f.units), len(f.partial), f.answered,
                     f.of, f.ready) for f, y in zip(per_year, years, strict=True)]
                first, final = per_year[0], per_year[-1]
                for key, key_label in keys:
                    k = key or None
                    # change() reads the same number as the year values when the figure's kind fits the key.
                    direct = all(f is None or (k is not None) == (f.kind not in ("sum", "percent"))
                                 for f in (first, final))
                    for cell, sex_label, age_label in cell_words:
                        vals: list[YearValue] = []
                        seen = False  # a value in some year, or a year whose figure exists
                        for f, y, empty, kind, cells_get, parts, counts, n_in, n_partial, answered, of, rdy in per:
                            if f is None:
                                vals.append(empty)
                                continue
                            num = den = None
                            if kind == "sum":
                                value = cells_get(cell)
                            elif kind == "percent":
                                value = cells_get(cell)
                                if cell in parts:
                                    num, den = parts[cell]
                            else:
                                num, den = counts.get(key, 0), answered
                                value = percent(num, answered) if answered else None
                            if value is not None or (n_in and not numeric):
                                seen = True
                            vals.append(YearValue(y, value, num, den, n_in, of, rdy, n_partial))
                        if not seen:
                            continue  # nobody filled this cell in any year
                        if not multi:
                            delta = None
                        elif direct:
                            # From the counts, unrounded (db.figures.change says why).
                            a0, b0 = (exact_share(v.numerator, v.denominator, v.value) if v.value is not None
                                      else None for v in (vals[0], vals[-1]))
                            delta = None if a0 is None or b0 is None else round(b0 - a0, 2)
                        else:
                            delta = change(first, final, cell, k)
                        s, a = cell
                        yield FigureLine(
                            area.level, area.code, area.name, kec, ind.no, name, it.key, it.label, key, key_label,
                            s, a, sex_label, age_label, kind_word, unit, tuple(vals), delta, level_word)


def _level_word(level: str, code: str, name: str) -> str:
    if level == "city":
        return city_word(code, name)
    if level == "kecamatan":
        return kecamatan_word(code)
    if level == "kelurahan":
        return unit_word(code)
    return LEVEL_WORDS.get(level, level)


def collect_figures(store: Store, year: int, *, indicators: Iterable[int] | None = None,
                    ready_only: bool = False, totals_only: bool = False,
                    levels: Iterable[str] = ("city", "kecamatan", "kelurahan"),
                    progress: Progress | None = None, cancelled: Cancelled | None = None) -> FigureTable:
    """Both data years of ``year``'s period, every area, as lines (a kelurahan workspace: its own).

    ``progress`` is told ``reading_figures`` on one bar from start to end: before the values are
    read, after each indicator and data year added up, and after each indicator's lines (hundreds
    of thousands in a 1,000-unit kabupaten); ``cancelled`` is asked as often (KlaError 'cancelled').
    """
    with paused_collector():
        period = store.period_for_data_year(year)
        inds = list(indicators) if indicators is not None else None
        t = store.template
        todo = [i.no for i in t.indicators if inds is None or i.no in inds]
        sums = len(todo) * len(period.data_years)
        total = sums + len(todo)
        _check(cancelled)
        if progress:
            progress(0, total, step("reading_figures"))

        def summed(done: int, _todo: int, what: Step) -> None:
            if progress:
                progress(done, total, what)

        figs = store.city_figures(period.data_years, inds, ready_only, summed, cancelled)
        kec = {u.code: u.name for u in store.units("kecamatan")}
        out: list[FigureLine] = []
        for n, no in enumerate(todo, start=1):  # in the template's order, as all at once
            _check(cancelled)
            out.extend(figure_lines(t, figs, levels=levels, indicators=[no], totals_only=totals_only,
                                    kecamatan_names=kec))
            if progress:
                progress(sums + n, total, step("reading_figures"))
        lines = tuple(out)
        units = [a.code for a in figs.areas if a.level == "kelurahan"]
        city = store.unit(store.city_code)
        return FigureTable(city.name, figs.years, period.eval_year, ready_only, lines, len(units),
                           area_words(city.code, city.name, units))


# ---------------------------------------------------------------------------- CSV

def csv_header(years: Iterable[int], words: AreaWords = AreaWords()) -> list[str]:
    """The column titles; ``words`` name the kab/kota's levels ('Distrik', 'Desa/Kelurahan tercakup 2026')."""
    head = ["Tingkat", "Kode wilayah", "Wilayah", words.kecamatan, "No indikator", "Indikator", "Isian", "Pilihan",
            "Jenis kelamin", "Kelompok umur", "Jenis angka", "Satuan"]
    for y in years:
        head += [f"Nilai {y}", f"Pembilang {y}", f"Penyebut {y}", f"{words.units} tercakup {y}"]
    head += [f"{words.units} di wilayah", "Perubahan"]
    return head


def line_cells(line: FigureLine) -> list[Any]:
    """One line as plain values, in :func:`csv_header`'s order."""
    row: list[Any] = [line.level_word or LEVEL_WORDS.get(line.level, line.level), line.area_code, line.area_name, line.kecamatan_name,
                      line.indicator_no, line.indicator, line.item_label, line.choice_label, line.sex_label,
                      line.age_label, line.kind, line.unit]
    for v in line.years:
        row += [v.value, v.numerator, v.denominator, v.units]
    row += [line.years[0].of if line.years else None, line.change]
    return row


def _csv_number(v: Any) -> Any:
    """Numbers the Indonesian way for a CSV opened in an Indonesian Excel: 1234,5 (no thousands dot)."""
    if isinstance(v, float):
        text = f"{v:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return "" if v is None else v


def write_csv(table: FigureTable, dest: Path, cancelled: Cancelled | None = None) -> Path:
    """Semicolon-separated, UTF-8 with BOM, decimal comma: what Excel opens as columns on an Indonesian PC."""
    from exports.paper import _check, write_safely

    def produce(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";")
            w.writerow(csv_header(table.years, table.words))
            for n, line in enumerate(table.lines):
                if n % 2000 == 0:
                    _check(cancelled)
                w.writerow([_csv_safe(_csv_number(v)) for v in line_cells(line)])

    def verify(tmp: Path) -> None:
        with open(tmp, encoding="utf-8-sig", newline="") as fh:
            first = next(csv.reader(fh, delimiter=";"), None)
        if first != csv_header(table.years, table.words):
            from db.errors import KlaError

            raise KlaError("dest_verify_failed", path=str(dest))

    return write_safely(Path(dest), produce, verify)


def _csv_safe(v: Any) -> Any:
    """A text starting with = + - @ would run as a formula when the CSV is opened: quote it with '."""
    if isinstance(v, str) and v.startswith(FORMULA_START) and not _is_number_text(v):
        return "'" + cell_text(v)
    return cell_text(v) if isinstance(v, str) else v


def _is_number_text(v: str) -> bool:
    try:
        float(v.replace(",", "."))
    except ValueError:
        return False
    return True



# ---------------------------------------------------------------------------- the workbook sheet

FIGURE_SHEET = "Rekap angka"
NUMBER_FORMATS = {"jumlah": "#,##0.##", "Rp": '"Rp" #,##0', "%": '0.00"%"'}


def write_sheet(wb: Any, table: FigureTable, header: Any, advance: Any = None) -> None:
    """The "Rekap angka" sheet of the workbook: one row per line, city first.

    ``header(ws, titles, widths)`` makes the sheet with its styled header row (the workbook's own:
    an :class:`exports.xlsx_stream.StreamSheet`, which writes every text as text, never a formula);
    ``advance(n)`` is told every 500 lines written (the progress bar, and Batal through its check).
    """
    from exports.xlsx_stream import Styled

    titles = csv_header(table.years, table.words)
    widths = [11, 14, 22, 18, 8, 30, 36, 20, 12, 18, 10, 8] + [12, 11, 11, 10] * len(table.years) + [10, 11]
    ws = header(FIGURE_SHEET, titles, widths)
    n_fixed = 12
    n_years = 4 * len(table.years)
    last = len(titles) - 1
    # The style of each column after the fixed ones, per unit of the line (jumlah, Rp, %, none).
    styles: dict[str, list[int | None]] = {}

    def column_styles(unit: str) -> list[int | None]:
        fmt = NUMBER_FORMATS.get(unit, "")
        out: list[int | None] = []
        for i in range(n_fixed, len(titles)):
            k = (i - n_fixed) % 4 if i < n_fixed + n_years else -1
            f: str | None = None
            if k == 0 or (k == -1 and i == last):
                f = fmt if not (unit == "%" and k == -1) else '0.00" poin"'
            elif k in (1, 2):
                f = NUMBER_FORMATS["Rp"] if unit == "Rp" else "#,##0.##"
            out.append(ws.style(f) if f is not None else None)
        return out

    for n, line in enumerate(table.lines, start=1):
        if advance is not None and n % 500 == 0:
            advance(500)
        col = styles.get(line.unit)
        if col is None:
            col = styles[line.unit] = column_styles(line.unit)
        row = line_cells(line)
        for i in range(n_fixed, len(row)):
            v, sid = row[i], col[i - n_fixed]
            if v is not None and sid is not None:
                row[i] = Styled(v, sid)
        ws.append(row)
    if advance is not None and len(table.lines) % 500:
        advance(len(table.lines) % 500)
