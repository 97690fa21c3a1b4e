"""The Excel workbook a DP3AKB analyst pivots (and a kelurahan can keep of its own data).

Sheets: "Ringkasan" (kelurahan x indicator completeness), "Nilai" (every stored value as a
long table: choice labels, Ya/Tidak, real dates), "Data dukung" (evidence with SHA-256),
"Kegiatan", "Fasilitas", and "Rekap angka" (:mod:`exports.figures`: the city, each
kecamatan and each kelurahan, both data years side by side with the change; percentages
recomputed from summed parts, never averaged; how many kelurahan each figure covers). Numbers stay
numbers and dates stay dates, so Excel shows them in the reader's locale (1.234; 17-08-2025
on an Indonesian Windows). openpyxl's write-only workbook holds the structure and the styles;
the rows are streamed by :mod:`exports.xlsx_stream` (not kept in memory, ~20x faster than
openpyxl's cells: a 1,000-unit kabupaten has millions of cells), to a temporary name, re-opened
to check, then renamed into place. Every text is written as a text cell, cleaned by
:func:`exports.cells.cell_text`: a pasted control character cannot stop the workbook, and a
text typed like a formula stays text.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from db.errors import KlaError
from db.progress import Cancelled, Progress, paused_collector, step
from db.records import ActivityRecord, EvidenceRecord, FacilityRecord, KelurahanStatus
from db.store import Store
from db.template import SEXES, Template
from exports import figures as _figures
from exports import kelembagaan as _kelembagaan
from exports.paper import AreaWords, area_words
from exports.reports import (
    ACTIVITY_WORDS,
    EVIDENCE_WORDS,
    FACILITY_WORDS,
    PARTNER_WORDS,
    STANDARD_WORDS,
    STATE_WORDS,
    _check,
    write_safely,
)

KEY_HEADER = "Kode isian (untuk rumus dan pengolahan data)"
"""The last column of "Nilai": the item's template key, for machines, said so in its header."""
SHEETS = ("Ringkasan", "Nilai", "Data dukung", "Kegiatan", "Fasilitas", _figures.FIGURE_SHEET, _kelembagaan.SHEET)
SEX_WORDS = {"L": "Laki-laki", "P": "Perempuan", "": ""}


class ValueRow(NamedTuple):
    """One stored cell of the "Nilai" sheet (a named tuple: a 1,000-unit kabupaten has ~150,000 a year)."""

    kelurahan_code: str
    data_year: int
    indicator_no: int
    item_key: str
    sex: str
    age: str
    value: Any
    operator: str
    updated_at: str


@dataclass(frozen=True)
class WorkbookData:
    """Plain data for the workbook, read from the store."""

    data_year: int
    eval_year: int
    statuses: tuple[KelurahanStatus, ...]
    indicators: tuple[tuple[int, str, str], ...]  # (no, short name, klaster key)
    item_labels: dict[tuple[int, str], str]
    age_labels: dict[str, str]
    values: tuple[ValueRow, ...]
    evidence: tuple[EvidenceRecord, ...]
    activities: tuple[ActivityRecord, ...]
    facilities: tuple[FacilityRecord, ...]
    unit_names: dict[str, tuple[str, str]]  # kelurahan code -> (kelurahan, kecamatan)
    figures: _figures.FigureTable | None = None
    kelembagaan: Any = None  # exports.kelembagaan.collect(): indicator 2 and its units
    template: Template | None = None  # for the words of a stored value (choice labels)
    words: AreaWords = AreaWords()  # 'Desa'/'Kelurahan'/'Desa/Kelurahan' and 'Kecamatan'/'Distrik' in headings


def collect_workbook(store: Store, year: int, kelurahan_code: str | None = None,
                     progress: Progress | None = None, cancelled: Cancelled | None = None) -> WorkbookData:
    """One kelurahan (its own workspace, or ``kelurahan_code`` at DP3AKB) or every kelurahan of the city.

    A handful of queries however many units (statuses as kept, every value of the year in one read,
    the figures in one: :func:`exports.figures.collect_figures`); ``progress`` is told
    ``reading_unit`` while the units are read and ``reading_figures`` through the sums, and
    ``cancelled`` is asked as often (KlaError 'cancelled').
    """
    with paused_collector():
        return _collect_workbook(store, year, kelurahan_code, progress, cancelled)


def _collect_workbook(store: Store, year: int, kelurahan_code: str | None,
                      progress: Progress | None, cancelled: Cancelled | None) -> WorkbookData:
    period = store.period_for_data_year(year)
    one_unit = store.role == "kelurahan" or bool(kelurahan_code)
    if one_unit:
        codes = [store.kel(kelurahan_code)]
    else:
        codes = [u.code for u in store.units("kelurahan")]
    t = store.template
    _check(cancelled)
    if progress:
        name = store.kelurahan(codes[0]).name if one_unit else store.unit(store.city_code).name
        progress(0, len(codes), step("reading_unit", name=name))
    # Kept statuses (status_cache), the missing ones computed in one batch; then every value of the year.
    statuses = [store.status(codes[0], year)] if one_unit else store.city_status(year)
    rows = store.year_values(year, codes[0] if one_unit else None)
    by_unit: dict[str, list[ValueRow]] = {c: [] for c in codes}
    for n, (code, ind, item, sex, age, value, operator, at) in enumerate(rows):
        held = by_unit.get(code)
        if held is not None:
            held.append(ValueRow(code, year, ind, item, sex, age, value, operator, at))
        if n % 5000 == 4999:
            _check(cancelled)
    values: list[ValueRow] = []
    form_order = _form_order(t)
    for n, code in enumerate(codes, start=1):
        # In the form's order (its items, then L/P, then the age groups youngest first): the store
        # reads them by key, which put '12–<18' before '5–<12' and '13–15' before '7–12'.
        values += sorted(by_unit[code], key=lambda v: (v.indicator_no, *form_order(v)))
        if progress and (n % 50 == 0 or n == len(codes)):
            progress(n, len(codes), step("reading_unit", name=store.kelurahan(code).name))
    one = codes[0] if len(codes) == 1 else None
    inside = set(codes)
    evidence = [e for e in store.evidence_list(one, year) if e.kelurahan_code in inside]
    names = {s.kelurahan_code: (s.kelurahan_name, s.kecamatan_name) for s in statuses}
    city = store.unit(store.city_code)
    return WorkbookData(
        data_year=year, eval_year=period.eval_year, statuses=tuple(statuses),
        # A drafted wording is marked wherever the name appears (issue 10).
        indicators=tuple((i.no, i.short_name + (f" {_figures.PROVISIONAL}" if _figures.provisional(i) else ""),
                          i.cluster) for i in t.indicators),
        item_labels={(i.no, it.key): it.label for i in t.indicators for it in i.items},
        age_labels={b.key: b.label for bands in t.age_bands.values() for b in bands},
        values=tuple(values), evidence=tuple(evidence),
        activities=tuple(a for a in store.activities(one, year) if a.kelurahan_code in inside),
        facilities=tuple(f for f in store.facilities(one) if f.kelurahan_code in inside),
        unit_names=names,
        figures=_figures.collect_figures(store, year, progress=progress, cancelled=cancelled),
        kelembagaan=_kelembagaan.collect(store, year),
        template=t,
        words=area_words(city.code, city.name, codes),
    )


def _form_order(t: Template) -> Callable[[ValueRow], tuple[int, str, int, str, int, str]]:
    """A value's place in its indicator's form: item, sex and age band by the template's order;
    what the template does not know (an item or band of an older version) after, by its key."""
    items = {(i.no, it.key): n for i in t.indicators for n, it in enumerate(i.items)}
    bands = {(i.no, it.key): {b.key: n for n, b in enumerate(t.age_bands.get(it.age, ()))}
             for i in t.indicators for it in i.items if it.age}
    sexes = {s: n for n, s in enumerate(("", *SEXES))}
    last = 1 << 30

    def order(v: ValueRow) -> tuple[int, str, int, str, int, str]:
        key = (v.indicator_no, v.item_key)
        age = bands.get(key, {}).get(v.age, last if v.age else -1)
        return (items.get(key, last), v.item_key, sexes.get(v.sex, last), v.sex, age, v.age)

    return order


def display_value(t: Template | None, indicator_no: int, item_key: str, value: Any) -> Any:
    """A stored value as a reader wants it: a choice's label, Ya/Tidak, a real date; numbers as they are."""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if t is None or not isinstance(value, str):
        return value
    try:
        item = t.indicator(indicator_no).item(item_key)
    except KlaError:
        return value
    if item.type == "choice":
        return next((c.label for c in item.choices if c.key == value), value)
    if item.type == "date":
        return _date(value)
    return value


def _date(text: str | None) -> dt.date | str | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return text


def _stamp(text: str | None) -> dt.datetime | str | None:
    """Audit stamps are UTC ISO; Excel has no time zones, so local time without tzinfo."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).astimezone().replace(tzinfo=None, microsecond=0)
    except ValueError:
        return text


def write_xlsx(data: WorkbookData, dest: Path, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Path:
    """Write the workbook to ``dest`` (.xlsx)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from exports.xlsx_stream import StreamBook, StreamSheet

    total = len(data.statuses) + len(data.values) + len(data.evidence) + len(data.activities) + len(data.facilities) \
        + (len(data.figures.lines) if data.figures is not None else 0)
    done = 0

    def advance(n: int, code: str) -> None:
        nonlocal done
        done += n
        _check(cancelled)
        if progress:
            progress(done, total, step(code))

    def produce(tmp: Path) -> None:
        book = StreamBook()
        try:
            write_sheets(book)
            _check(cancelled)

            def saving(done: int, total: int) -> None:  # the zip of a 1,000-unit kabupaten: seconds
                _check(cancelled)
                if progress:
                    progress(done, total, step("saving_workbook"))

            book.save(tmp, saving)
        finally:
            book.cleanup()

    def write_sheets(book: StreamBook) -> None:
        wb = book.wb
        head_font = Font(bold=True, color="FFFFFF")
        head_fill = PatternFill("solid", fgColor="0B5C7A")
        head_align = Alignment(wrap_text=True, vertical="top")

        def sheet(title: str, headers: list[str], widths: list[int]) -> StreamSheet:
            ws, rows = book.sheet(title)
            for i, w in enumerate(widths, start=1):
                ws.column_dimensions[get_column_letter(i)].width = w
            ws.freeze_panes = "A2"
            row = []
            for h in headers:
                c = WriteOnlyCell(ws, value=h)
                c.font, c.fill, c.alignment = head_font, head_fill, head_align
                row.append(c)
            rows.append(row)
            return rows

        names = data.unit_names
        # Ringkasan: kelurahan x indicator completeness (fractions shown as percent).
        ind_heads = [f"{no}. {name}" for no, name, _cl in data.indicators]
        clusters = [(c.key, c.name) for c in data.statuses[0].clusters] if data.statuses else []
        units, kec, unit_code = data.words.units, data.words.kecamatan, f"Kode {data.words.units_lower}"
        ws = sheet("Ringkasan", ["Kode", units, kec, "Tahun data", "Kelengkapan", "Indikator siap",
                                 "Data dukung", *[n for _k, n in clusters], *ind_heads],
                   [15, 22, 20, 10, 12, 10, 10] + [14] * len(clusters) + [12] * len(ind_heads))
        for st in data.statuses:
            by_no = {i.indicator_no: i.completeness for i in st.indicators}
            by_cl = {c.key: c.completeness for c in st.clusters}
            ws.append([st.kelurahan_code, st.kelurahan_name, st.kecamatan_name, st.data_year,
                       ws.fmt(st.completeness, "0%"), st.ready_count, st.evidence_count,
                       *[ws.fmt(by_cl.get(k, 0.0), "0%") for k, _n in clusters],
                       *[ws.fmt(by_no.get(no, 0.0), "0%") for no, _n, _c in data.indicators]])
            advance(1, "writing_summary")

        # Nilai: the long table, one row per stored cell. The item by its name, as the form shows it; its
        # template key (DP3AKB staff read no codes) only last, for formulas and data processing that
        # must match items across template versions whose wording changed.
        ws = sheet("Nilai", [unit_code, units, kec, "Tahun data", "No indikator", "Indikator",
                             "Isian", "Jenis kelamin", "Kelompok umur", "Nilai", "Petugas", "Diubah",
                             KEY_HEADER],
                   [15, 20, 18, 10, 10, 26, 40, 12, 16, 12, 16, 18, 24])
        short = {no: name for no, name, _c in data.indicators}
        for n, v in enumerate(data.values, start=1):
            kel, kec = names.get(v.kelurahan_code, ("", ""))
            ws.append([v.kelurahan_code, kel, kec, v.data_year, v.indicator_no, short.get(v.indicator_no, ""),
                       data.item_labels.get((v.indicator_no, v.item_key), v.item_key),
                       SEX_WORDS.get(v.sex, v.sex), data.age_labels.get(v.age, v.age),
                       _value_cell(ws, display_value(data.template, v.indicator_no, v.item_key, v.value)), v.operator,
                       ws.fmt(_stamp(v.updated_at), "DD-MM-YYYY HH:MM"), v.item_key])
            if n % 500 == 0:
                advance(500, "writing_values")
        advance(len(data.values) % 500, "writing_values")

        # Data dukung with their hashes.
        ws = sheet("Data dukung", [unit_code, units, "Nama berkas", "Jenis", "Keterangan",
                                   "Tanggal dokumen", "Nomor dokumen", "Penerbit", "Ukuran (KB)", "Indikator",
                                   "SHA-256", "Ditambahkan"],
                   [15, 20, 32, 18, 32, 14, 18, 20, 12, 12, 66, 18])
        for e in data.evidence:
            inds = _indicator_cell(i for y, i in sorted(e.links) if y == data.data_year)
            ws.append([e.kelurahan_code, names.get(e.kelurahan_code, ("", ""))[0], e.original_name,
                       EVIDENCE_WORDS.get(e.kind, e.kind), e.caption, ws.fmt(_date(e.doc_date), "DD-MM-YYYY"),
                       e.doc_number, e.issuer, ws.fmt(_kilobytes(e.size), "#,##0.0"), inds, e.sha256, ws.fmt(_stamp(e.added_at), "DD-MM-YYYY HH:MM")])
        advance(len(data.evidence), "writing_evidence")

        ws = sheet("Kegiatan", [unit_code, units, "Tahun data", "Jenis", "Judul", "Tanggal",
                                "Uraian", "Mitra", "Indikator", "Jumlah data dukung"],
                   [15, 20, 10, 12, 40, 14, 50, 30, 12, 12])
        for a in data.activities:
            ws.append([a.kelurahan_code, names.get(a.kelurahan_code, ("", ""))[0], a.data_year,
                       ACTIVITY_WORDS.get(a.kind, a.kind), a.title, ws.fmt(_date(a.date), "DD-MM-YYYY"),
                       a.description, ", ".join(PARTNER_WORDS.get(p, p) for p in a.partners),
                       _indicator_cell(a.indicators), len(a.evidence_ids)])
        advance(len(data.activities), "writing_activities")

        ws = sheet("Fasilitas", [unit_code, units, "Nama", "Jenis", "Alamat", "Lintang", "Bujur",
                                 "Standardisasi", "Catatan", "Jumlah data dukung"],
                   [15, 20, 34, 30, 34, 11, 11, 14, 30, 12])
        for f in data.facilities:
            ws.append([f.kelurahan_code, names.get(f.kelurahan_code, ("", ""))[0], f.name,
                       FACILITY_WORDS.get(f.type, f.type), f.address, f.latitude, f.longitude,
                       STANDARD_WORDS.get(f.standardisation, f.standardisation), f.notes, len(f.evidence_ids)])
        advance(len(data.facilities), "writing_facilities")
        if data.figures is not None:
            # 17,000 lines in the demo city, ~400,000 in a 1,000-unit kabupaten: the bar keeps moving.
            _figures.write_sheet(wb, data.figures, sheet, advance=lambda n: advance(n, "writing_figures"))
        if data.kelembagaan is not None:
            _kelembagaan.write_sheet(wb, data.kelembagaan, sheet)

    with paused_collector():  # the data and the rows of a 1,000-unit kabupaten: see collect_workbook
        return write_safely(Path(dest), produce, verify_xlsx)


def _kilobytes(size: int) -> float:
    """A file's size in KB (1 KB = 1024 bytes, as the window's lists say it), to one decimal."""
    return round(size / 1024, 1)


def _indicator_cell(numbers: Iterable[int]) -> int | str | None:
    """The "Indikator" column: one indicator as a number (Excel filters and sums it as one), several
    as a list "2, 5", none empty."""
    nos = list(numbers)
    if not nos:
        return None
    return nos[0] if len(nos) == 1 else ", ".join(str(i) for i in nos)


def _value_cell(ws: Any, value: Any) -> Any:
    """A date value shown as a date (a datetime too); anything else as it is."""
    return ws.fmt(value, "DD-MM-YYYY") if isinstance(value, dt.date) else value


def verify_xlsx(path: Path) -> None:
    """Re-open the file: a whole zip whose workbook lists every sheet."""
    try:
        with zipfile.ZipFile(path) as z:
            if z.testzip() is not None:
                raise KlaError("dest_verify_failed", path=str(path))
        from openpyxl import load_workbook

        with open(path, "rb") as fh:  # a file object: openpyxl refuses the temporary name's suffix
            wb = load_workbook(fh, read_only=True)
            try:
                ok = list(wb.sheetnames) == list(SHEETS)
            finally:
                wb.close()
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise KlaError("dest_verify_failed", path=str(path)) from exc
    if not ok:
        raise KlaError("dest_verify_failed", path=str(path))


__all__ = ["SHEETS", "STATE_WORDS", "WorkbookData", "collect_workbook", "verify_xlsx", "write_xlsx"]
