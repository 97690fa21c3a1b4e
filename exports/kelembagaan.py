"""Kelembagaan indicator 2 in the workbook: the measures per data year, and every unit they count.

``db.indicator2`` computes; this module lays it out as a sheet of the DP3AKB workbook
(``exports.spreadsheet``): first the measures (counted, of how many, share, how many
reported), then one row per kelurahan and data year saying what its data answers and in
which measures it is counted, then one row per kecamatan with its KELANA record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.indicator2 import MEASURES, Kelembagaan
from db.store import Store

SHEET = "Indikator 2"
def measure_words(units: str = "Kelurahan", kecamatan: str = "Kecamatan") -> dict[str, str]:
    """The measures with the kab/kota's word for its units: "Desa/Kelurahan berstatus DEKELA" in a kabupaten,
    "Distrik berstatus KELANA" in Papua's provinces."""
    low = units.lower()
    return {
        "dekela": f"{units} berstatus DEKELA (dari semua {low})",
        "patbm": f"{units} yang memiliki PATBM (dari semua {low})",
        "dekela_patbm": f"DEKELA yang memiliki PATBM (dari {low} DEKELA)",
        "profil": f"Profil Anak diperbarui, jawaban {low} (dari semua {low})",
        "profil_dokumen": f"Profil Anak tahun data terlampir (dari semua {low})",
        "kelana": f"{kecamatan} berstatus KELANA, dicatat DP3AKB (dari semua {kecamatan.lower()})",
    }


MEASURE_WORDS = measure_words()
KELANA_WORDS = {"belum": "Belum", "inisiasi": "Rintisan", "kelana": "KELANA"}


def collect(store: Store, year: int) -> tuple[Kelembagaan, dict[str, str], dict[str, str], dict[str, str]]:
    """Indicator 2 for both data years of ``year``'s period, the unit names, each kelurahan's kecamatan,
    and the labels of the DEKELA choices."""
    period = store.period_for_data_year(year)
    k = store.kelembagaan(period.data_years)
    names = {u.code: u.name for u in store.units() if u.level in ("kelurahan", "kecamatan")}
    parent = {u.code: u.parent_code or "" for u in store.units("kelurahan")}
    try:
        choices = {c.key: c.label for c in store.template.indicator(2).item("status_dekela").choices}
    except Exception:  # noqa: BLE001 - a template without the item: keys are shown as they are
        choices = {}
    return k, names, parent, choices


def _yes(v: bool | None) -> str:
    return "" if v is None else ("Ya" if v else "Tidak")


def write_sheet(wb: Any, data: tuple[Kelembagaan, dict[str, str], dict[str, str], dict[str, str]],
                header: Any, safe: Any = None) -> None:
    """The sheet in a write-only workbook; ``header(title, titles, widths)`` makes it with its header row.

    ``safe(ws, row)`` cleans each row (control characters, text that looks like a formula: an SK
    number is typed by DP3AKB); by default the workbook's own cleaner, ``exports.cells.safe_row``.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if safe is None:
        try:
            from exports.cells import safe_row as safe
        except ImportError:  # an older tree without the cleaner
            def safe(ws: Any, row: list[Any]) -> list[Any]:
                return row

    k, names, parent, choices = data
    from exports.paper import kecamatan_word, unit_word, units_word

    kec_word = kecamatan_word(next(iter(parent), ""))  # "Distrik" in Papua's provinces
    words = measure_words(units_word(parent), kec_word) if parent else MEASURE_WORDS
    ws = header(SHEET, ["Bagian", "Tahun data", "Ukuran / wilayah", kec_word, "Dihitung", "Dari", "Persen",
                        "Melapor / dicatat", "Status (DEKELA / KELANA)", "PATBM", "Profil Anak (jawaban)",
                        "Profil Anak terlampir (tanggal)", "Dihitung dalam", "SK KELANA", "Tanggal SK",
                        "Berkas SK"],
                [12, 10, 52, 18, 9, 7, 9, 12, 22, 8, 12, 16, 40, 20, 12, 30])
    bold = Font(bold=True)

    def pct(value: float | None) -> Any:
        if value is None:
            return None
        c = WriteOnlyCell(ws, value=value)
        c.number_format = '0.00"%"'
        return c

    for year in k.years:
        for key in MEASURES:
            m = k.measure(key, year)
            label = WriteOnlyCell(ws, value=words.get(key, key))
            label.font = bold
            ws.append(safe(ws, ["Ukuran", year, label, None, len(m.counted) if m.available else None, len(m.base),
                                pct(m.value), len(m.reported)]))
    for year in k.years:
        counted_in: dict[str, list[str]] = {code: [] for code in parent}
        for key in ("dekela", "patbm", "dekela_patbm", "profil", "profil_dokumen"):
            for code in k.measure(key, year).counted:
                counted_in.setdefault(code, []).append(words[key].split(" (")[0])
        for code in parent:
            f = k.units.get((code, year))
            if f is None:
                continue
            ws.append(safe(ws, [unit_word(code), year, names.get(code, code), names.get(parent[code], ""), None, None,
                                None, None, choices.get(f.dekela or "", f.dekela or ""), _yes(f.patbm),
                                _yes(f.profil), f.profil_document or "", "; ".join(counted_in.get(code, []))]))
    for year in k.years:
        for kec in k.kecamatan:
            rec = k.kelana.get((kec, year))
            sk_date: Any = None
            if rec is not None and rec.sk_date:
                sk_date = WriteOnlyCell(ws, value=dt.date.fromisoformat(rec.sk_date))
                sk_date.number_format = "DD-MM-YYYY"
            ws.append(safe(ws, [
                kec_word, year, names.get(kec, kec), names.get(kec, kec), None, None, None, None,
                KELANA_WORDS.get(rec.status, rec.status) if rec else "belum dicatat DP3AKB", None, None, None,
                f"{kec_word} berstatus KELANA" if rec and rec.status == "kelana" else "",
                rec.sk_number if rec else "", sk_date, ", ".join(f.original_name for f in rec.files) if rec else ""]))
