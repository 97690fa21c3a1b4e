"""Printed reports: the kelurahan progress sheet and the DP3AKB city report (PDF).

Two steps, as everywhere in ``exports/``: ``collect_*`` reads the store into plain
dataclasses (quick, on the thread that owns the store), ``write_*_pdf`` turns those into
a PDF with reportlab (slow part, no store needed). Every writer takes
``progress(done, total, step)`` (a :class:`db.progress.Step`) and ``cancelled()``, writes to a temporary name next to
the target, checks the result is a whole PDF and only then renames it into place, so a
cancelled or failed job never leaves a half-written report under the final name.

The documents are for Indonesian civil servants and are written in Bahasa Indonesia
whatever the UI language; numbers and dates use the Indonesian format (1.234; 17 Agustus 2025).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.freshness import too_old
from db.progress import Cancelled, Progress, step
from db.records import ActivityRecord, FacilityRecord, KelurahanStatus
from db.scoring import category, estimate
from db.store import Store
from db.template import CellValues, Indicator, Item, Template, computed_values
from db.template_bands import categories
from exports import paper
from exports.paper import (  # noqa: F401 - re-exported: callers import these from exports.reports
    DRAFT_ITEM,
    HEAD_OF,
    MONTHS,
    TMP_SUFFIX,
    _bar_flowable,
    _build_pdf,
    _check,
    _esc,
    _head,
    _numbered_canvas,
    _printed,
    _styles,
    _table_style,
    _write_report,
    discard,
    fmt_completeness,
    fmt_date_long,
    fmt_decimal,
    fmt_int,
    fmt_pct,
    item_name,
    kecamatan_word,
    os_error,
    replace_into_place,
    setup_fonts,
    signature_block,
    tmp_path_for,
    unit_word,
    units_word,
    verify_pdf,
    write_safely,
)

# ---------------------------------------------------------------------------- words

STATE_WORDS = {"empty": "Belum diisi", "partial": "Sebagian", "complete": "Lengkap", "ready": "Siap"}
STATE_MARKS = {"empty": "○", "partial": "◐", "complete": "●", "ready": "✓"}
"""A mark per state beside its word, so the sheet reads the same on a black-and-white printer."""
STATE_HELP = {
    "empty": "belum ada isian maupun data dukung",
    "partial": "sebagian isian wajib atau data dukung wajib belum ada, atau ada angka yang perlu diperiksa",
    "complete": "semua isian wajib dan data dukung wajib sudah ada",
    "ready": "kelurahan sudah menandainya siap dikirim ke DP3AKB",
}
PROVISIONAL = "(rumusan sementara)"
CATEGORY_WORDS = {"": "belum masuk kategori", "pratama": "Pratama", "madya": "Madya", "nindya": "Nindya",
                  "utama": "Utama", "paripurna": "Paripurna (KLA)"}
FACILITY_WORDS = {
    "rbra": "Ruang Bermain Ramah Anak (RBRA)", "pisa": "Pusat Informasi Sahabat Anak (PISA)", "puspaga": "PUSPAGA",
    "puskesmas_ramah_anak": "Puskesmas Ramah Anak", "sra": "Sekolah Ramah Anak (SRA)",
    "tara": "Taman Asuh Ramah Anak (TARA)", "rumah_ibadah_ramah_anak": "Rumah Ibadah Ramah Anak",
    "forum_anak": "Forum Anak", "patbm": "PATBM", "posyandu": "Posyandu", "paud": "PAUD",
    "ktr": "Kawasan Tanpa Rokok", "lainnya": "Lainnya",
}
STANDARD_WORDS = {"belum": "Belum", "proses": "Dalam proses", "terstandar": "Terstandar", "utama": "Utama"}
ACTIVITY_WORDS = {"kegiatan": "Kegiatan", "inovasi": "Inovasi"}
PARTNER_WORDS = {
    "dinsos": "Dinas Sosial", "puskesmas": "Puskesmas", "sekolah": "Sekolah", "forum_anak": "Forum Anak",
    "patbm": "PATBM", "dunia_usaha": "Dunia usaha", "media": "Media", "disdukcapil": "Disdukcapil", "kua": "KUA",
    "tp_pkk": "TP PKK", "lpm": "LPM", "rt_rw": "RT/RW", "tokoh_agama": "Tokoh agama", "lainnya": "Lainnya",
}
EVIDENCE_WORDS = {
    "regulation": "Peraturan/kebijakan", "sk": "Surat Keputusan (SK)", "photo": "Foto", "video": "Video",
    "minutes": "Notulen/daftar hadir", "certificate": "Sertifikat/piagam", "data_table": "Tabel/rekap data",
    "report": "Laporan", "other": "Lainnya",
}










def cluster_label(key: str, name: str) -> str:
    """'Klaster I' / 'Kelembagaan': the short name used in folders and narrow columns."""
    return name.split(":")[0].strip() if ":" in name else name




# ---------------------------------------------------------------------------- safe writing














# ---------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class OldEvidence:
    indicator_no: int
    short_name: str
    requirement: str
    file_name: str
    doc_date: str
    max_age_years: int


@dataclass(frozen=True)
class SheetData:
    """Everything the kelurahan progress sheet shows, read from the store."""

    status: KelurahanStatus
    city_name: str
    eval_year: int
    data_years: tuple[int, ...]
    printed_at: dt.datetime
    operator: str
    item_labels: dict[tuple[int, str], str]
    too_old: tuple[OldEvidence, ...]
    activities: tuple[ActivityRecord, ...]
    facilities: tuple[FacilityRecord, ...]
    app_version: str = ""
    template: Template | None = None
    values: dict[int, CellValues] = field(default_factory=dict)
    """The stored values per indicator, printed under "Data yang diisi"."""

    def missing_text(self, ind: Any) -> tuple[list[str], list[str], list[str]]:
        """(required items not filled at all, required items only partly filled, evidence still missing)
        for one IndicatorStatus, in words. Partly filled: some of a table item's boxes are typed (the
        indicator's form says "Isian wajib belum lengkap" of it, not "belum terisi")."""
        values = self.values.get(ind.indicator_no, {})
        typed = {k for (k, _sex, _age), v in values.items() if v is not None}
        empty: list[str] = []
        partly: list[str] = []
        for k in ind.missing_items:
            (partly if k in typed else empty).append(self.item_labels.get((ind.indicator_no, k), k))
        evidence = []
        for g in ind.missing_evidence:
            text = g.label
            if g.need > 1:
                text += f" ({g.have} dari {g.need})"
            evidence.append(text)
        return empty, partly, evidence


def _item_labels(store: Store) -> dict[tuple[int, str], str]:
    return {(i.no, it.key): item_name(i, it) for i in store.template.indicators for it in i.items}


def _too_old(store: Store, kel: str, year: int) -> list[OldEvidence]:
    """Evidence linked to data year ``year`` that is too old for it (:mod:`db.freshness`)."""
    out = []
    evidence = store.evidence_list(kel)
    for ind in store.template.indicators:
        linked = [e for e in evidence if (year, ind.no) in e.links]
        for e in linked:
            # One row per file, even when two requirements of the same kind could use it.
            reqs = [r for r in ind.evidence if r.kind == e.kind and r.max_age_years is not None
                    and too_old(e.doc_date, year, r.max_age_years)]
            if reqs:
                out.append(OldEvidence(ind.no, ind.short_name, " / ".join(r.label for r in reqs), e.original_name,
                                       e.doc_date or "", min(r.max_age_years or 0 for r in reqs)))
    return out


def collect_sheet(store: Store, kelurahan_code: str | None, year: int, *, now: dt.datetime | None = None,
                  app_version: str = "") -> SheetData:
    """Read one kelurahan's progress for one data year (raises KlaError for a bad year or kelurahan)."""
    kel = store.kel(kelurahan_code)
    period = store.period_for_data_year(year)
    st = store.status(kel, year)
    values = {e.indicator_no: store.values(kel, year, e.indicator_no) for e in store.entries(kel, year)}
    return SheetData(
        status=st,
        city_name=store.unit(store.city_code).name,
        eval_year=period.eval_year,
        data_years=period.data_years,
        printed_at=now or dt.datetime.now(),
        operator=store.operator,
        item_labels=_item_labels(store),
        too_old=tuple(_too_old(store, kel, year)),
        activities=tuple(store.activities(kel, year)),
        facilities=tuple(store.facilities(kel)),
        app_version=app_version,
        template=store.template,
        values={k: v for k, v in values.items() if v},
    )


@dataclass(frozen=True)
class CityData:
    """Everything the city report shows."""

    city_name: str
    data_year: int
    eval_year: int
    printed_at: dt.datetime
    operator: str
    clusters: tuple[tuple[str, str], ...]  # (key, name)
    statuses: tuple[KelurahanStatus, ...]
    scores: dict[str, float] = field(default_factory=dict)
    app_version: str = ""
    weights_official: bool = False
    figures: Any = None
    """:class:`exports.figures.FigureTable` of the city's totals, both data years (None: not shown)."""
    kelembagaan: Any = None
    """:class:`db.indicator2.Kelembagaan` for both data years (None: not shown)."""
    chase: Any = None
    """:class:`db.chase.ChaseList` of the period (None: not shown)."""
    names: dict[str, str] = field(default_factory=dict)
    """Unit code -> name, for the kelurahan and kecamatan a measure counts."""
    categories: Any = None
    """:class:`db.template_bands.Categories` of the template (None: the national bands)."""

    @property
    def completeness(self) -> float:
        """The mean over the kelurahan, as the DP3AKB window rolls it up (:func:`exports.paper.mean_completeness`)."""
        return paper.mean_completeness(s.completeness for s in self.statuses)

    @property
    def city_estimate(self) -> float:
        """The city's unofficial estimate: the template's weights over the kelurahan's mean completeness
        (the same as the mean of their estimates, since the estimate is linear)."""
        return round(sum(self.scores.values()) / len(self.scores), 1) if self.scores else 0.0

    def kecamatan_rows(self) -> list[dict[str, Any]]:
        rows: dict[str, dict[str, Any]] = {}
        for s in self.statuses:
            r = rows.setdefault(s.kecamatan_code, {"code": s.kecamatan_code, "name": s.kecamatan_name, "n": 0,
                                                   "each": [], "ready": 0, "evidence": 0, "score": 0.0})
            r["n"] += 1
            r["each"].append(s.completeness)
            r["ready"] += s.ready_count
            r["evidence"] += s.evidence_count
            r["score"] += self.scores.get(s.kelurahan_code, 0.0)
        for r in rows.values():
            r["completeness"] = paper.mean_completeness(r.pop("each"))
            r["score"] = r["score"] / r["n"]
        return sorted(rows.values(), key=lambda r: r["code"])

    def most_missing(self) -> list[tuple[int, str, str, int]]:
        """(indicator no, short name, klaster, kelurahan not complete) most often incomplete first."""
        counts: dict[int, list[Any]] = {}
        for s in self.statuses:
            for i in s.indicators:
                c = counts.setdefault(i.indicator_no, [i.short_name, i.cluster, 0])
                if i.completeness < 1.0:
                    c[2] += 1
        rows = [(no, v[0], v[1], v[2]) for no, v in counts.items()]
        return sorted(rows, key=lambda r: (-r[3], r[0]))


def collect_city(store: Store, year: int, *, now: dt.datetime | None = None, app_version: str = "",
                 progress: Progress | None = None, cancelled: Cancelled | None = None) -> CityData:
    """Read every kelurahan of the city (city workspaces) for one data year, with the city's totals,
    indicator 2 and the chase list of its period."""
    from exports import figures

    if store.role != "city":
        raise KlaError("role_needs_city")
    period = store.period_for_data_year(year)
    units = store.units("kelurahan")
    if progress:
        progress(0, 3, step("reading_unit", name=store.unit(store.city_code).name))
    statuses = store.city_status(year)
    scores = {st.kelurahan_code: estimate(store.template, st.indicators) for st in statuses}
    _check(cancelled)
    if progress:
        progress(1, 3, step("reading_unit", name=store.unit(store.city_code).name))
    table = figures.collect_figures(store, year, levels=("city",), totals_only=True)
    kelembagaan = store.kelembagaan(period.data_years)
    _check(cancelled)
    chase = store.chase_list(period.eval_year, today=(now or dt.datetime.now()).date())
    if progress:
        progress(2, 3, step("reading_unit", name=store.unit(store.city_code).name))
    return CityData(
        city_name=store.unit(store.city_code).name, data_year=year, eval_year=period.eval_year,
        printed_at=now or dt.datetime.now(), operator=store.operator,
        clusters=tuple((c.key, c.name) for c in store.template.clusters), statuses=tuple(statuses),
        scores=scores, app_version=app_version, weights_official=bool(store.template.weights_official),
        figures=table, kelembagaan=kelembagaan, chase=chase, categories=categories(store.template),
        names={u.code: u.name for u in (*units, *store.units("kecamatan"))},
    )


# ---------------------------------------------------------------------------- reportlab set-up
























# ---------------------------------------------------------------------------- kelurahan sheet


def provisional_name(ind: Indicator | None, name: str) -> str:
    """``name`` with "(rumusan sementara)" when the indicator's wording is not confirmed."""
    return f"{name} {PROVISIONAL}" if ind is not None and ind.wording_status != "confirmed" else name


def fmt_value(item: Item, value: Any) -> str:
    """A stored value as printed: 1.234; Rp 1.500.000; Ya/Tidak; a choice's label; 17 Agustus 2025."""
    if value is None:
        return "–"
    if item.type == "yes_no":
        return "Ya" if value else "Tidak"
    if item.type == "choice":
        return next((c.label for c in item.choices if c.key == value), str(value))
    if item.type == "date":
        return fmt_date_long(str(value))
    if item.type == "amount":
        return "Rp " + (fmt_int(int(value)) if float(value).is_integer() else fmt_decimal(float(value), 2))
    if item.type == "percent":
        return fmt_decimal(float(value), 1) + "%"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt_int(int(value)) if float(value).is_integer() else fmt_decimal(float(value), 2)
    return str(value)


FLAG_WORDS = {
    "part_exceeds_whole": "bagian lebih besar dari keseluruhannya",
    "value_out_of_range": "di luar batas yang wajar",
    "year_change": "berubah jauh dari tahun lalu",
    "rule_broken": "tidak sesuai aturan templat",
}


def flags_words(flags: Iterable[dict[str, Any]]) -> str:
    """'3 angka: 2 bagian lebih besar dari keseluruhannya, 1 berubah jauh dari tahun lalu': every flag of
    ``db.rules`` counted by what it says (no item keys; the kelurahan sees each sentence at its cell)."""
    counts: dict[str, int] = {}
    for f in flags:
        words = FLAG_WORDS.get(str(f.get("code", "")), "perlu dicek")
        counts[words] = counts.get(words, 0) + 1
    total = sum(counts.values())
    return f"{total} angka: " + ", ".join(f"{n} {words}" for words, n in counts.items())


def _state_cell(state: str) -> str:
    return f"{STATE_MARKS.get(state, '')} {STATE_WORDS.get(state, state)}"


def _legend(s: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph

    parts = [f"<b>{STATE_MARKS[k]} {STATE_WORDS[k]}</b>: {STATE_HELP[k]}" for k in ("empty", "partial", "complete",
                                                                                      "ready")]
    return Paragraph("Keadaan — " + "; ".join(parts) + ". Kelengkapan: bagian isian wajib dan data dukung wajib "
                     "yang sudah ada. " + PROVISIONAL + ": judul dan isian indikator itu belum dikonfirmasi dengan "
                     "lampiran Permen PPPA 12/2022; kekurangannya adalah usulan templat.", s["muted"])


def _section(title: str, s: dict[str, Any]) -> list[Any]:
    """A section heading that never ends a page: a new page first when less than 30 mm is left
    ("Fasilitas ramah anak" stood alone at the foot of a sheet's page, its table on the next)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph

    return [CondPageBreak(30 * mm), Paragraph(title, s["h2"])]


def _values_block(t: Template, ind: Indicator, values: CellValues, s: dict[str, Any], width: float) -> list[Any]:
    """One indicator's entered values: a list of single values, then a sex x age table per group of items."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Table

    out: list[Any] = []
    computed = computed_values(t, ind, values)
    single: list[list[Any]] = []
    grids: dict[tuple[bool, str | None], list[Item]] = {}
    for it in ind.items:
        shape = ind.item(it.numerator or "") if it.computed else it
        if shape.disaggregated:
            if any((it.key if not it.computed else shape.key, sx, a) in values for sx, a in t.cells(shape)):
                grids.setdefault((shape.sex, shape.age), []).append(it)
            continue
        v = computed.get((it.key, "", "")) if it.computed else values.get((it.key, "", ""))
        if v is None:
            continue
        label = item_name(ind, it) + (" (dihitung)" if it.computed else "")
        single.append([Paragraph(_esc(label), s["small"]), Paragraph(_esc(fmt_value(it, v)), s["cell_bold"])])
    if single:
        tab = Table(single, colWidths=[width * 0.62, width * 0.38])
        tab.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP")], header=False))
        out.append(tab)
    for (sex, age), items in grids.items():
        rows, shaded, n = _grid_rows(t, ind, items, values, sex, age, s)
        if len(rows) == 1:
            continue
        label_w = width * (0.34 if n > 4 else 0.46)
        cw = (width - label_w) / n
        tab = Table(rows, colWidths=[label_w] + [cw] * n, repeatRows=1)
        cmds: list[Any] = [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
                           ("FONTNAME", (-1, 1), (-1, -1), paper.FONT_BOLD)]
        cmds += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#eef1f4")) for r in shaded]
        tab.setStyle(_table_style(cmds))
        out.append(KeepTogether([tab]) if len(rows) < 14 else tab)
    return out


def _grid_rows(t: Template, ind: Indicator, items: list[Item], values: CellValues, sex: bool, age: str | None,
               s: dict[str, Any]) -> tuple[list[list[Any]], list[int], int]:
    """Header and rows of one sex x age table: age bands across (one row per sex), or, for an item
    split by sex only, laki-laki and perempuan across; the last column is the total."""
    from reportlab.platypus import Paragraph

    if age:
        cols = [(b.key, b.label) for b in t.age_bands[age]]
        lines = ["L", "P"] if sex else [""]
    else:
        cols = [("L", "Laki-laki"), ("P", "Perempuan")]
        lines = [""]

    def cell(sx: str, col: str) -> tuple[str, str]:
        return (sx, col) if age else (col, "")

    rows: list[list[Any]] = [[_head("Isian", s)] + [_head(label, s, right=True) for _k, label in cols]
                             + [_head("Jumlah", s, right=True)]]
    shaded: list[int] = []
    for it in items:
        if it.computed:
            num, den = ind.item(it.numerator or ""), ind.item(it.denominator or "")
            for sx in ([*lines, "*"] if len(lines) > 1 else lines):
                pick = lines if sx == "*" else [sx]
                cells = [_pooled_marked(values, num.key, den.key, [cell(x, k) for x in pick]) for k, _l in cols]
                if all(c is None for c, _p in cells):
                    continue
                total = _pooled_marked(values, num.key, den.key, [cell(x, k) for x in pick for k, _l in cols])
                label: Any = Paragraph(_esc(f"{item_name(ind, it)} (dihitung){_sex_words(sx)}"), s["small"])
                if any(partial for _c, partial in [*cells, total]):
                    label = [label, paper.page_note(PARTIAL_NOTE)]  # the star's footnote, on the row's page
                rows.append([label] + [fmt_value(it, c) + (PARTIAL_MARK if partial else "")
                                       for c, partial in [*cells, total]])
                shaded.append(len(rows) - 1)
            continue
        for sx in lines:
            got = [values.get((it.key, *cell(sx, k))) for k, _l in cols]
            if all(c is None for c in got):
                continue
            numbers = [c for c in got if isinstance(c, int | float) and not isinstance(c, bool)]
            rows.append([Paragraph(_esc(f"{item_name(ind, it)}{_sex_words(sx)}"), s["small"])]
                        + [fmt_value(it, c) for c in got]
                        + [fmt_value(it, sum(numbers))])
    return rows, shaded, len(cols) + 1


def _sex_words(sx: str) -> str:
    return {"L": " – laki-laki", "P": " – perempuan", "*": " – semua"}.get(sx, "")


PARTIAL_MARK = "*"
PARTIAL_NOTE = ("* Sementara: dihitung dari kolom yang kedua angkanya sudah diisi saja; berubah setelah semua "
                "kolom terisi.")
"""The footnote of a percentage over only some of its cells (the window's grid marks it "90,9%*", its
tooltip saying the same): printed at the foot of each page with such a mark (:func:`exports.paper.page_note`)."""


def _pooled_marked(values: CellValues, num: str, den: str,
                   cells: list[tuple[str, str]]) -> tuple[float | None, bool]:
    """:func:`_pooled`, and whether it is over only some of ``cells`` (the others lack a count): as the
    window's grid marks it (``ui.entry.grid_model``)."""
    value = _pooled(values, num, den, cells)
    taken = sum(1 for sx, a in cells if isinstance(values.get((num, sx, a)), int | float)
                and isinstance(values.get((den, sx, a)), int | float))
    return value, value is not None and taken < len(cells)


def _pooled(values: CellValues, num: str, den: str, cells: list[tuple[str, str]]) -> float | None:
    """numerator / denominator in percent over the (sex, age) cells where both were typed (as in the grid)."""
    n = d = 0.0
    seen = False
    for sx, a in cells:
        nv, dv = values.get((num, sx, a)), values.get((den, sx, a))
        if isinstance(nv, int | float) and isinstance(dv, int | float):
            n += nv
            d += dv
            seen = True
    return round(n * 100 / d, 2) if seen and d else None




def sheet_story(data: SheetData) -> list[Any]:
    """The flowables of the progress sheet (separate from writing, so a preview could reuse it)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    s = _styles()
    st = data.status
    t = data.template
    width = 180 * mm
    inds = {i.no: i for i in t.indicators} if t else {}
    story: list[Any] = []
    story.append(Paragraph("Lembar Kemajuan Kabupaten/Kota Layak Anak (KLA)", s["title"]))
    unit = unit_word(st.kelurahan_code)  # "Desa" or "Kelurahan", as the Kemendagri code says
    story.append(Paragraph(
        f"{unit} {_esc(st.kelurahan_name)} – kelengkapan data dan data dukung untuk evaluasi KLA", s["subtitle"]))

    years = ", ".join(str(y) for y in data.data_years)
    info = [
        (unit, f"{st.kelurahan_name} ({st.kelurahan_code})"),
        (kecamatan_word(st.kelurahan_code), st.kecamatan_name),  # "Distrik" in Papua's provinces
        ("Kabupaten" if data.city_name.startswith("Kabupaten") else "Kota", data.city_name),
        ("Periode evaluasi", f"{data.eval_year} (tahun data {years})"),
        ("Tahun data", str(st.data_year)),
        ("Dicetak", _printed(data.printed_at)),
        ("Petugas", data.operator or "–"),
    ]
    half = (len(info) + 1) // 2
    rows = []
    for i in range(half):
        left = info[i]
        right = info[i + half] if i + half < len(info) else ("", "")
        rows.append([Paragraph(_esc(left[0]), s["muted"]), Paragraph(_esc(left[1]), s["cell_bold"]),
                     Paragraph(_esc(right[0]), s["muted"]), Paragraph(_esc(right[1]), s["cell_bold"])])
    tab = Table(rows, colWidths=[28 * mm, 62 * mm, 28 * mm, 62 * mm])
    tab.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6f9")),
                               ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white)], header=False))
    story += [tab, Spacer(1, 4 * mm)]

    # Completeness and readiness: overall and per klaster. No score and no category: the KLA
    # categories are for a kabupaten/kota, never for a kelurahan.
    story.append(Paragraph("Kelengkapan dan kesiapan per klaster", s["h2"]))
    bar_w = 56 * mm
    rows = [[_head("Bagian", s), _head("", s), _head("Kelengkapan", s), _head("Indikator siap", s)]]
    rows.append([Paragraph("<b>Seluruh indikator</b>", s["base"]), _bar_flowable(st.completeness, bar_w, 9),
                 Paragraph(f"<b>{fmt_pct(st.completeness)}</b>", s["base"]),
                 Paragraph(f"{st.ready_count} dari {len(st.indicators)}", s["base"])])
    for c in st.clusters:
        ready = sum(1 for i in c.indicators if i.status == "ready")
        rows.append([Paragraph(_esc(c.name), s["small"]), _bar_flowable(c.completeness, bar_w),
                     Paragraph(fmt_pct(c.completeness), s["base"]),
                     Paragraph(f"{ready} dari {len(c.indicators)}", s["base"])])
    tab = Table(rows, colWidths=[70 * mm, bar_w + 4 * mm, 26 * mm, 24 * mm], repeatRows=1)
    tab.setStyle(_table_style([("ALIGN", (2, 1), (2, -1), "RIGHT")]))
    story.append(tab)
    story.append(Paragraph("Nilai dan kategori KLA (Pratama sampai Paripurna) hanya diberikan kepada kabupaten/kota "
                           "melalui evaluasi KemenPPPA; lembar ini menunjukkan kelengkapan dan kesiapan data "
                           "kelurahan sebagai bahan kota.", s["muted"]))

    # The 24 indicators.
    story.append(Paragraph("Indikator", s["h2"]))
    rows = [[_head("No", s), _head("Indikator", s), _head("Keadaan", s), _head("Kelengkapan", s),
             _head("Yang masih kurang", s)]]
    extra: list[Any] = []
    for c in st.clusters:
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#e6f0f4")))
        extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        if c.indicators:  # a klaster's heading never ends a page alone: it goes with its first indicator
            extra.append(("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)))
        rows.append([Paragraph(f"<b>{_esc(c.name)}</b> – {fmt_pct(c.completeness)}", s["base"]), "", "", "", ""])
        for ind in c.indicators:
            items, partly, evidence = data.missing_text(ind)
            tind = inds.get(ind.indicator_no)
            provisional = tind is not None and tind.wording_status != "confirmed"
            parts = []
            what = "Isian (usulan)" if provisional else "Isian"
            if items:
                parts.append(f"<b>{what} belum diisi:</b> " + _esc("; ".join(items)))
            if partly:
                parts.append(f"<b>{what} baru sebagian terisi:</b> " + _esc("; ".join(partly)))
            if evidence:
                parts.append(("<b>Data dukung (usulan):</b> " if provisional else "<b>Data dukung:</b> ")
                             + _esc("; ".join(evidence)))
            if ind.too_old_evidence:
                parts.append(f"<b>Terlalu lama:</b> {ind.too_old_evidence} berkas")
            if ind.flags:
                parts.append(f"<b>Perlu diperiksa:</b> {_esc(flags_words(ind.flags))}")
            # DP3AKB's review comes back in receipts; a "perlu perbaikan" is the first thing the clerk must act on.
            if ind.review_state == "perlu_perbaikan":
                fix = "DP3AKB: perlu perbaikan" + (f" – {_esc(ind.review_note)}" if ind.review_note else "")
                parts.insert(0, f"<b>{fix}</b>")
            missing = "<br/>".join(parts) if parts else "Tidak ada"
            if ind.review_state == "diterima":
                accepted = "DP3AKB: diterima" + (f" – {_esc(ind.review_note)}" if ind.review_note else "")
                missing += f"<br/>{accepted}"
            comp = Table([[_bar_flowable(ind.completeness, 14 * mm, 6), Paragraph(fmt_pct(ind.completeness, ind.state == "partial"), s["small"])]],
                         colWidths=[15 * mm, 12 * mm])
            comp.setStyle(_table_style([("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 0)], header=False))
            name = provisional_name(tind, ind.short_name)
            rows.append([Paragraph(str(ind.indicator_no), s["base"]), Paragraph(_esc(name), s["small"]),
                         Paragraph(_esc(_state_cell(ind.state)), s["small"]), comp, Paragraph(missing, s["small"])])
    tab = Table(rows, colWidths=[8 * mm, 40 * mm, 23 * mm, 28 * mm, 81 * mm], repeatRows=1)
    tab.setStyle(_table_style(extra + [("VALIGN", (0, 1), (-1, -1), "TOP")]))
    story.append(tab)
    story.append(Spacer(1, 2 * mm))
    story.append(_legend(s))

    # The values entered: key values per indicator, sex x age tables where the template has them.
    story += _section(f"Data yang diisi – tahun data {st.data_year}", s)
    if t is not None and data.values:
        for tind in t.indicators:
            values = data.values.get(tind.no)
            if not values:
                continue
            block = _values_block(t, tind, values, s, width)
            if not block:
                continue
            title = Paragraph(f"<b>{tind.no}. {_esc(provisional_name(tind, tind.short_name))}</b>", s["base"])
            # The grid's own KeepTogether is opened up: one inside another always began a new page, so a
            # sheet printed half-empty pages before each sex x age table (Akta, Wajar 12 Tahun, PKA).
            first = list(block[0]._content) if isinstance(block[0], KeepTogether) else [block[0]]
            story.append(KeepTogether([Spacer(1, 2 * mm), title, Spacer(1, 1 * mm), *first]))
            story += block[1:]
    else:
        story.append(Paragraph("Belum ada data yang diisi untuk tahun data ini.", s["base"]))

    # Evidence too old.
    story += _section("Data dukung terlalu lama", s)
    if data.too_old:
        rows = [[_head("No", s), _head("Indikator", s), _head("Data dukung", s), _head("Berkas", s),
                 _head("Tanggal dokumen", s)]]
        for o in data.too_old:
            rows.append([Paragraph(str(o.indicator_no), s["small"]), Paragraph(_esc(o.short_name), s["small"]),
                         Paragraph(_esc(o.requirement) + f" (paling lama {o.max_age_years} tahun)", s["small"]),
                         Paragraph(_esc(o.file_name), s["small"]), Paragraph(fmt_date_long(o.doc_date), s["small"])])
        tab = Table(rows, colWidths=[8 * mm, 32 * mm, 62 * mm, 48 * mm, 30 * mm], repeatRows=1)
        tab.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(tab)
    else:
        story.append(Paragraph("Tidak ada data dukung yang terlalu lama untuk tahun data ini.", s["base"]))

    # Activities and innovations.
    story += _section(f"Kegiatan dan inovasi tahun {st.data_year}", s)
    if data.activities:
        rows = [[_head("Tanggal", s), _head("Jenis", s), _head("Judul", s), _head("Mitra", s), _head("Indikator", s)]]
        for a in sorted(data.activities, key=lambda a: (a.date or "", a.title)):
            rows.append([Paragraph(fmt_date_long(a.date) or "–", s["small"]),
                         Paragraph(ACTIVITY_WORDS.get(a.kind, a.kind), s["small"]), Paragraph(_esc(a.title), s["small"]),
                         Paragraph(_esc(", ".join(PARTNER_WORDS.get(p, p) for p in a.partners)) or "–", s["small"]),
                         Paragraph(", ".join(str(n) for n in a.indicators) or "–", s["small"])])
        # Wide enough for the bold header words: 18 mm printed "Indikato / r".
        tab = Table(rows, colWidths=[24 * mm, 17 * mm, 80 * mm, 35 * mm, 24 * mm], repeatRows=1)
        tab.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(tab)
    else:
        story.append(Paragraph("Belum ada kegiatan atau inovasi yang dicatat untuk tahun ini.", s["base"]))

    # Facilities.
    story += _section("Fasilitas ramah anak", s)
    if data.facilities:
        rows = [[_head("Nama", s), _head("Jenis", s), _head("Alamat", s), _head("Standardisasi", s)]]
        for f in data.facilities:
            rows.append([Paragraph(_esc(f.name), s["small"]), Paragraph(_esc(FACILITY_WORDS.get(f.type, f.type)), s["small"]),
                         Paragraph(_esc(f.address) or "–", s["small"]),
                         Paragraph(STANDARD_WORDS.get(f.standardisation, f.standardisation), s["small"])])
        tab = Table(rows, colWidths=[62 * mm, 44 * mm, 42 * mm, 32 * mm], repeatRows=1)  # "Standardisasi" whole
        tab.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(tab)
    else:
        story.append(Paragraph("Belum ada fasilitas yang dicatat.", s["base"]))

    place = data.city_name.replace("Kota ", "").replace("Kabupaten ", "")
    story.append(signature_block(s, place, ("Petugas pengisi,", f"{unit} {st.kelurahan_name}", data.operator),
                                 ("Mengetahui,", f"{HEAD_OF[unit]} {st.kelurahan_name}", ""), width))
    return story




def write_sheet_pdf(data: SheetData, dest: Path, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Path:
    """Write the kelurahan progress sheet (A4) to ``dest``."""
    st = data.status
    return _write_report(lambda: sheet_story(data), dest, "composing_sheet",
                         f"{unit_word(st.kelurahan_code)} {st.kelurahan_name}",
                         st.data_year, f"Lembar kemajuan KLA {st.kelurahan_name} {st.data_year}", data,
                         progress, cancelled)


# ---------------------------------------------------------------------------- city report


def measure_words(units: str = "Kelurahan", kecamatan: str = "Kecamatan") -> dict[str, tuple[str, str]]:
    """Indicator 2's measures in words, with the kab/kota's word for its units (``units_word``):
    "Kelurahan berstatus DEKELA" in a kota, "Desa/Kelurahan berstatus DEKELA" in a kabupaten; "Distrik
    berstatus KELANA" in Papua's provinces (``kecamatan_word``)."""
    low = units.lower()
    return {
        "dekela": (f"{units} berstatus DEKELA", f"dari semua {low}"),
        "patbm": (f"{units} yang memiliki PATBM", f"dari semua {low}"),
        "dekela_patbm": ("DEKELA yang memiliki PATBM", f"dari {low} DEKELA"),
        "profil": (f"Profil Anak diperbarui (jawaban {low})", f"dari semua {low}"),
        "profil_dokumen": ("Profil Anak tahun data terlampir", f"dari semua {low}"),
        "kelana": (f"{kecamatan} berstatus KELANA (dicatat DP3AKB)", f"dari semua {kecamatan.lower()}"),
    }


MEASURE_WORDS = measure_words()


def place_word(city_name: str) -> str:
    """'kabupaten' or 'kota', as the kab/kota's name says."""
    return "kabupaten" if city_name.strip().lower().startswith("kabupaten") else "kota"


def _share_text(counted: int, base: int, value: float | None) -> str:
    return f"{counted} dari {base}" + (f" ({fmt_decimal(value, 1)}%)" if value is not None else "")


def _signed(x: float | None, unit: str = "") -> str:
    if x is None:
        return "–"
    text = fmt_decimal(abs(x), 1) if not float(x).is_integer() else fmt_int(int(abs(x)))
    sign = "+" if x > 0 else ("−" if x < 0 else "±")
    return f"{sign}{text}{unit}"


def kelembagaan_story(k: Any, names: dict[str, str], s: dict[str, Any], units: str = "Kelurahan",
                      kecamatan: str = "Kecamatan") -> list[Any]:
    """Indicator 2's measures for each data year with the change, and the units each one counts."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    from db.indicator2 import MEASURES

    years = list(k.years)
    head = [_head("Ukuran", s)] + [_head(f"Tahun data {y}", s) for y in years] + [_head("Perubahan", s)]
    rows = [head]
    for key in MEASURES:
        label, of = measure_words(units, kecamatan)[key]
        cells = []
        for y in years:
            m = k.measure(key, y)
            if not m.available:
                cells.append(Paragraph("tidak tersedia di templat", s["small"]))
                continue
            reported = (f"<br/>{len(m.reported)} melapor" if key != "kelana" else
                        f"<br/>{len(m.reported)} dicatat")
            cells.append(Paragraph(_share_text(len(m.counted), len(m.base), m.value) + reported, s["small"]))
        first, last = k.measure(key, years[0]), k.measure(key, years[-1])
        delta = (last.value - first.value) if len(years) > 1 and first.value is not None and last.value is not None \
            else None
        rows.append([Paragraph(f"{_esc(label)}<br/><font size=8.5>{of}</font>", s["small"]), *cells,
                     Paragraph(_signed(delta, " poin"), s["small"])])
    n = len(years)
    tab = Table(rows, colWidths=[70 * mm] + [40 * mm] * n + [180 * mm - 70 * mm - 40 * mm * n], repeatRows=1)
    tab.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
    out: list[Any] = [tab]
    y = years[-1]
    for key, words in (("dekela", f"{units} DEKELA"), ("patbm", f"{units} dengan PATBM"),
                       ("profil_dokumen", "Profil Anak terlampir"), ("kelana", f"{kecamatan} KELANA")):
        m = k.measure(key, y)
        listed = ", ".join(names.get(c, c) for c in m.counted) or "belum ada"
        out.append(Paragraph(f"<b>{words} {y}:</b> {_esc(listed)}", s["small"]))
    silent = [c for c in k.measure("dekela", y).base if c not in k.measure("dekela", y).reported]
    if silent:
        out.append(Paragraph(f"<b>Belum melaporkan status DEKELA {y}:</b> "
                             + _esc(", ".join(names.get(c, c) for c in silent)), s["small"]))
    return out


def units_short(units: str) -> str:
    """The short word for the units a figure counts: "kel.", "desa" or "desa/kel."."""
    return {"kelurahan": "kel.", "desa/kelurahan": "desa/kel."}.get(units, units)


def city_partial_note(units: str = "kelurahan") -> str:
    """The footnote of a city percentage marked "*" (:data:`PARTIAL_MARK`); ``units``: 'kelurahan', 'desa'..."""
    return f"* Sementara: ada {units} yang baru mengisi sebagian kolom; berubah setelah semua kolom terisi."


def _figure_value(line: Any, v: Any, short: str = "kel.", partial: bool = False) -> str:
    """``short``: the units' short word (a kabupaten's figures counted "103 kel." of desa and kelurahan);
    ``partial``: a percentage marked "78,5%*" (some units gave only some of its cells)."""
    if v.value is None:
        return "–"
    if line.kind in ("Ya/Tidak", "Pilihan"):
        return f"{fmt_int(int(v.numerator or 0))} {short} ({fmt_decimal(v.value, 1)}%)"
    if line.unit == "%":
        parts = (f" ({fmt_int(int(v.numerator))}/{fmt_int(int(v.denominator))})"
                 if v.numerator is not None and v.denominator is not None else "")
        return f"{fmt_decimal(v.value, 1)}%{PARTIAL_MARK if partial else ''}{parts}"
    if line.unit == "Rp":
        return "Rp " + fmt_int(round(v.value))
    return fmt_int(int(v.value)) if float(v.value).is_integer() else fmt_decimal(v.value, 2)


def city_totals_story(table: Any, s: dict[str, Any]) -> list[Any]:
    """The city's totals per indicator and item, both data years with the change and the coverage."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    years = list(table.years)
    units = table.words.units_lower  # "kelurahan", "desa" or "desa/kelurahan"
    short = units_short(units)
    head = [_head("Isian", s)] + [_head(f"Tahun data {y}", s) for y in years] + [_head("Perubahan", s)]
    rows = [head]
    extra: list[Any] = []
    current = None
    for line in table.lines:
        if line.kind == "Ya/Tidak" and line.choice != "ya":
            continue  # "Tidak" is the rest of the same share
        if line.indicator != current:
            current = line.indicator
            extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#e6f0f4")))
            extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
            extra.append(("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)))  # the heading stays with its first line
            # As many cells as the other rows (label, years, change): one more made a fifth column of
            # its own width, and the table stood out of the page margins on both sides.
            rows.append([Paragraph(f"<b>{_esc(line.indicator)}</b>", s["small"])] + [""] * (len(years) + 1))
        label = line.item_label + (f": {line.choice_label}" if line.choice_label else "")
        unit = " poin" if line.unit == "%" else ""
        # A percentage some kelurahan gave only some cells of (two age groups of five): marked, as their
        # own window's grid marks it, with the page's footnote.
        marked = [line.kind == "Persen" and v.value is not None and v.partial > 0 for v in line.years]
        first: Any = Paragraph(_esc(label), s["small"])
        if any(marked):
            first = [first, paper.page_note(city_partial_note(units))]
        rows.append([first]
                    + [Paragraph(f"{_esc(_figure_value(line, v, short, mark))}<br/><font color='#3f4a56'>"
                                 f"{v.units} dari {v.of} {short}</font>", s["small"])
                       for v, mark in zip(line.years, marked, strict=True)]
                    + [Paragraph(_signed(line.change, unit), s["small"])])
    n = len(years)
    # The change column holds an amount in rupiah whole ("−152.000.000" wrapped its last digit at 24 mm).
    tab = Table(rows, colWidths=[72 * mm] + [38 * mm] * n + [180 * mm - 72 * mm - 38 * mm * n], repeatRows=1)
    tab.setStyle(_table_style(extra + [("VALIGN", (0, 1), (-1, -1), "TOP")]))
    years_words = " dan ".join(str(y) for y in years)
    note = Paragraph(
        f"Jumlah dari data yang sudah diterima DP3AKB untuk tahun data {years_words}. Persentase dihitung dari "
        f"jumlah pembilang dan penyebut semua {units} (bukan rata-rata persentase {units}), hanya dari sel yang "
        f"kedua angkanya diisi. Ya/Tidak dan pilihan: banyaknya {units} dan bagiannya dari yang menjawab. "
        f"Di bawah setiap angka: berapa {units} yang datanya masuk dalam angka itu. {units.capitalize()} yang "
        "belum mengirim tidak dihitung sebagai nol.", s["muted"])
    return [note, tab]


def _city_pct(fraction: float) -> str:
    """A kelurahan's, kecamatan's or the city's completeness as the DP3AKB window lists it: '43,9%'
    (one decimal; the kelurahan's own sheet and Beranda say whole percents)."""
    return fmt_completeness(fraction, places=1)


def city_story(data: CityData) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

    s = _styles()
    units = units_word(st.kelurahan_code for st in data.statuses)  # Kelurahan, Desa or Desa/Kelurahan
    story: list[Any] = [
        Paragraph(f"Laporan Kemajuan KLA {_esc(data.city_name)}", s["title"]),
        Paragraph(f"Kelengkapan data dan data dukung {len(data.statuses)} {units.lower()} – tahun data {data.data_year} "
                  f"(evaluasi {data.eval_year}). Dicetak {_printed(data.printed_at)}"
                  + (f" oleh {_esc(data.operator)}" if data.operator else "") + ".", s["subtitle"]),
    ]
    overall = data.completeness
    estimate_value = data.city_estimate
    cats = data.categories
    if cats is not None and cats.from_template:  # DP3AKB's own bands, named as it named them
        key = cats.category(estimate_value)
        band = next((b.label for b in cats.bands if b.key == key), CATEGORY_WORDS[""])
    else:
        band = CATEGORY_WORDS.get(category(estimate_value), "")
    weights = "bobot templat yang ditetapkan DP3AKB" if data.weights_official else "bobot templat yang tidak resmi"
    t = Table([[Paragraph(f"<b>Kelengkapan data {units.lower()} (rata-rata)</b>", s["base"]),
                _bar_flowable(overall, 76 * mm, 10), Paragraph(f"<b>{_city_pct(overall)}</b>", s["base"])],
               [Paragraph(f"<b>Perkiraan nilai {place_word(data.city_name)} (perkiraan, tidak resmi)</b>", s["base"]),
                Paragraph(f"{fmt_decimal(estimate_value)} dari 1.000 – rentang perkiraan: {_esc(band)}", s["base"]),
                ""],
               [Paragraph(f"Perkiraan ini milik {place_word(data.city_name)}: kelengkapan data {units.lower()} ditimbang dengan {weights}. "
                          "KemenPPPA tidak mempublikasikan bobot per indikator; nilai resmi hanya dari evaluasi "
                          "KemenPPPA.", s["muted"]), "", ""]],
              colWidths=[70 * mm, 84 * mm, 26 * mm])
    t.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6f9")),
                             ("SPAN", (1, 1), (2, 1)), ("SPAN", (0, 2), (2, 2))], header=False))
    story += [t, Spacer(1, 3 * mm)]

    kec = kecamatan_word(data.statuses[0].kelurahan_code) if data.statuses else "Kecamatan"  # "Distrik" in Papua
    if data.kelembagaan is not None:
        story.append(Paragraph("Kelembagaan indikator 2: DEKELA, PATBM, Profil Anak dan KELANA", s["h2"]))
        story += kelembagaan_story(data.kelembagaan, data.names, s, units, kec)

    story += _section(f"Per {kec.lower()}", s)
    rows = [[_head(kec, s), _head(units, s, right=True), _head("", s), _head("Kelengkapan", s, right=True),
             _head("Indikator siap", s, right=True), _head("Data dukung", s, right=True)]]
    for r in data.kecamatan_rows():
        rows.append([Paragraph(_esc(r["name"]), s["base"]), fmt_int(r["n"]), _bar_flowable(r["completeness"], 50 * mm),
                     _city_pct(r["completeness"]), fmt_int(r["ready"]), fmt_int(r["evidence"])])
    t = Table(rows, colWidths=[40 * mm, 21 * mm, 48 * mm, 27 * mm, 22 * mm, 22 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (1, 1), (1, -1), "RIGHT"), ("ALIGN", (3, 1), (-1, -1), "RIGHT")]))
    story.append(t)

    story += _section(f"{units} paling tertinggal", s)
    behind = sorted(data.statuses, key=lambda st: (st.completeness, st.kelurahan_name))[:10]
    rows = [[_head(units, s), _head(kec, s), _head("Kelengkapan", s, right=True), _head("Klaster terendah", s)]]
    for st in behind:
        low = min(st.clusters, key=lambda c: c.completeness)
        rows.append([Paragraph(_esc(st.kelurahan_name), s["base"]), Paragraph(_esc(st.kecamatan_name), s["base"]),
                     _city_pct(st.completeness), Paragraph(f"{_esc(low.name)} ({fmt_pct(low.completeness)})", s["small"])])
    t = Table(rows, colWidths=[40 * mm, 36 * mm, 27 * mm, 77 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (2, 1), (2, -1), "RIGHT")]))
    story.append(t)

    story += _section("Indikator yang paling sering belum lengkap", s)
    rows = [[_head("No", s), _head("Indikator", s), _head("Klaster", s), _head(f"{units} belum lengkap", s, right=True)]]
    names = dict(data.clusters)
    for no, name, cl, n in data.most_missing()[:10]:
        rows.append([str(no), Paragraph(_esc(name), s["base"]), Paragraph(_esc(cluster_label(cl, names.get(cl, cl))), s["small"]),
                     f"{n} dari {len(data.statuses)}"])
    t = Table(rows, colWidths=[10 * mm, 80 * mm, 40 * mm, 50 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    story.append(t)

    place = data.city_name.replace("Kota ", "").replace("Kabupaten ", "")
    story.append(signature_block(s, place, ("Disusun oleh,", "Petugas DP3AKB", data.operator),
                                 ("Mengetahui,", f"Kepala DP3AKB {data.city_name}", ""), 180 * mm))
    annex = 0
    if data.chase is not None:
        from exports.chase import chase_story

        annex += 1
        story += [PageBreak(), Paragraph(f"Lampiran {annex}. Pengingat kiriman {units.lower()}", s["h2"])]
        story += chase_story(data.chase, data.city_name, data.printed_at, data.operator, heading=False)

    if data.figures is not None and data.figures.lines:
        annex += 1
        story += [PageBreak(), Paragraph(f"Lampiran {annex}. Angka {place_word(data.city_name)} dari data "
                                         f"{units.lower()}", s["h2"])]
        story += city_totals_story(data.figures, s)

    annex += 1
    story += [PageBreak(), Paragraph(f"Lampiran {annex}. Kelengkapan {units.lower()} per klaster", s["h2"])]
    head = [_head(units, s), _head(kec, s)]
    head += [_head(cluster_label(k, n).replace("Klaster ", "Kl. ").replace("Kelembagaan", "Lemb."), s, right=True)
             for k, n in data.clusters]
    head.append(_head("Total", s, right=True))
    rows = [head]
    extra: list[Any] = []
    for st in sorted(data.statuses, key=lambda st: (st.kecamatan_name, st.kelurahan_name)):
        row = [Paragraph(_esc(st.kelurahan_name), s["small"]), Paragraph(_esc(st.kecamatan_name), s["small"])]
        by_key = {c.key: c.completeness for c in st.clusters}
        for j, (k, _n) in enumerate(data.clusters):
            v = by_key.get(k, 0.0)
            row.append(fmt_pct(v))
            # Shades that stay apart in grey: none when complete, light from 50%, dark below.
            if v < 1.0:
                shade = "#f3d98c" if v >= 0.5 else "#d99a85"
                extra.append(("BACKGROUND", (2 + j, len(rows)), (2 + j, len(rows)), colors.HexColor(shade)))
        row.append(_city_pct(st.completeness))
        rows.append(row)
    n_cl = len(data.clusters)
    cw = (180 - 38 - 32 - 16) / max(1, n_cl)
    t = Table(rows, colWidths=[38 * mm, 32 * mm] + [cw * mm] * n_cl + [16 * mm], repeatRows=1)
    t.setStyle(_table_style(extra + [("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                                     ("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
                                     ("FONTNAME", (-1, 1), (-1, -1), paper.FONT_BOLD)]))
    story.append(t)
    story.append(Spacer(1, 2 * mm))
    # "Kel." over the Kelembagaan column read as "kelurahan" (the annex before counts "16 kel."): spelt out.
    story.append(Paragraph("Lemb.: Kelembagaan; Kl. I–V: Klaster I–V. "
                           "Tanpa arsiran: lengkap; arsiran muda: 50% atau lebih; arsiran tua: di bawah 50%. "
                           "Perkiraan nilai tidak resmi: bobot per indikator tidak dipublikasikan KemenPPPA.",
                           s["muted"]))
    return story


def write_city_pdf(data: CityData, dest: Path, progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> Path:
    """Write the DP3AKB city report (A4) to ``dest``."""
    return _write_report(lambda: city_story(data), dest, "composing_city_report", data.city_name, data.data_year,
                         f"Laporan kemajuan KLA {data.city_name} {data.data_year}", data, progress, cancelled)
