"""Blank printable forms, one per indicator: the empty sex x age grid with the guidance.

For collecting data on paper at a posyandu, an RT/RW or a school before it is typed into
KLA Desktop: every item of the indicator in the template's order (boxes to tick for yes/no
and choices, a line for numbers, amounts, dates and text, the empty grid where the template
splits an item by sex and age band), the evidence to bring, where the figures came from, and
two signature places. Indonesian (printed content); A4; body text at least 9 pt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from db.progress import Cancelled, Progress, step
from db.template import Indicator, Item, Template
from exports import paper
from exports.paper import DRAFT_ITEM, item_name

PROVISIONAL = "(rumusan sementara)"


def _line(width: int = 34) -> str:
    return "." * width


def _item_rows(t: Template, ind: Indicator, s: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    out: list[Any] = []
    single: list[list[Any]] = []
    width = 180 * mm
    esc = paper._esc

    def flush() -> None:
        if single:
            tab = Table(list(single), colWidths=[width * 0.55, width * 0.45])
            tab.setStyle(paper._table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                             ("TOPPADDING", (0, 0), (-1, -1), 5),
                                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5)], header=False))
            out.append(tab)
            single.clear()

    for it in ind.items:
        if it.computed:
            num, den = ind.item(it.numerator or ""), ind.item(it.denominator or "")
            single.append([Paragraph(esc(it.label), s["small"]),
                           Paragraph(f"dihitung otomatis dari “{esc(num.label)}” dan “{esc(den.label)}”", s["muted"])])
            continue
        label = esc(item_name(ind, it)) + (" <b>*</b>" if it.required else "")
        if it.help:
            label += f"<br/><font color='#3f4a56'>{esc(it.help)}</font>"
        if it.disaggregated:
            flush()
            out.append(KeepTogether([Spacer(1, 2 * mm), Paragraph(label, s["small"]), Spacer(1, 1 * mm),
                                     _grid(t, it, s)]))
            continue
        single.append([Paragraph(label, s["small"]), Paragraph(_blank(it), s["base"])])
    flush()
    return out


def _blank(it: Item) -> str:
    if it.type == "yes_no":
        return "☐ Ya &nbsp;&nbsp;&nbsp; ☐ Tidak"
    if it.type == "choice":
        return "<br/>".join(f"☐ {paper._esc(c.label)}" for c in it.choices)
    if it.type == "amount":
        return "Rp " + _line(30)
    if it.type == "date":
        return "tanggal .......... bulan .................... tahun ........"
    if it.type == "text":
        return _line(40) + "<br/>" + _line(40)
    return _line(20)


def _grid(t: Template, it: Item, s: dict[str, Any]) -> Any:
    """The empty grid: age bands across, laki-laki and perempuan down, and the totals."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    if it.age:
        cols = [b.label for b in t.age_bands[it.age]]
        rows = ["Laki-laki", "Perempuan", "Jumlah"] if it.sex else ["Jumlah"]
    else:
        cols = ["Laki-laki", "Perempuan"]
        rows = ["Jumlah"]
    head = [paper._head("", s)] + [paper._head(c, s) for c in cols] + [paper._head("Jumlah", s)]
    body = [[r] + [""] * (len(cols) + 1) for r in rows]
    label_w = 30 * mm
    cw = (180 * mm - label_w) / (len(cols) + 1)
    tab = Table([head, *body], colWidths=[label_w] + [cw] * (len(cols) + 1), rowHeights=[None] + [9 * mm] * len(rows))
    tab.setStyle(paper._table_style([("GRID", (0, 0), (-1, -1), 0.6, "#1d2733"),
                                     ("FONTNAME", (0, -1), (-1, -1), paper.FONT_BOLD)]))
    return tab


def form_story(t: Template, ind: Indicator, *, city_name: str, kelurahan_name: str = "",
               data_year: int | None = None) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    s = paper._styles()
    esc = paper._esc
    title = f"{ind.no}. {ind.title}" + (f" {PROVISIONAL}" if ind.wording_status != "confirmed" else "")
    cluster = t.cluster(ind.cluster).name
    out: list[Any] = [
        Paragraph("Formulir Pengumpulan Data KLA", s["title"]),
        Paragraph(esc(f"{cluster} — indikator {title}"), s["subtitle"]),
    ]
    head = [["Kelurahan", esc(kelurahan_name) or _line(40), "Tahun data", str(data_year) if data_year else _line(12)],
            ["Sumber data", "☐ Posyandu  ☐ RT/RW  ☐ Sekolah  ☐ Puskesmas  ☐ lainnya: " + _line(14), "", ""],
            ["Tempat / nama", _line(40), "Tanggal", _line(16)]]
    # Even cells are our labels; odd cells already hold escaped text or blanks to fill in.
    tab = Table([[Paragraph(esc(c) if i % 2 == 0 else c, s["small"]) for i, c in enumerate(row)] for row in head],
                colWidths=[26 * mm, 86 * mm, 22 * mm, 46 * mm])
    tab.setStyle(paper._table_style([("SPAN", (1, 1), (3, 1))], header=False))
    out += [tab, Spacer(1, 3 * mm)]
    if ind.guidance:
        out.append(Paragraph(f"<b>Petunjuk:</b> {esc(ind.guidance)}", s["small"]))
        out.append(Spacer(1, 2 * mm))
    out += _item_rows(t, ind, s)
    out.append(Spacer(1, 2 * mm))
    # The end of the form stays together and names its indicator: when it did not fit under the
    # last table, a page held only the two signatures, with nothing saying which form they sign.
    tail: list[Any] = []
    out.append(tail)
    tail.append(Paragraph("<b>*</b> wajib diisi. Isi angka tanpa titik atau dengan titik ribuan (1.234). "
                         "Kosongkan bila datanya tidak ada; jangan menulis nol untuk data yang tidak diketahui.",
                         s["muted"]))
    if ind.evidence:
        tail.append(Paragraph(esc(f"Data dukung indikator {ind.no}. {ind.short_name} yang perlu dilampirkan"),
                              s["h2"]))
        for r in ind.evidence:
            need = "wajib" if r.required else "bila ada"
            age = f", paling lama {r.max_age_years} tahun" if r.max_age_years is not None else ""
            tail.append(Paragraph(f"☐ {esc(r.label)} ({need}{age})", s["small"]))
    if ind.marked_items():
        tail.append(Spacer(1, 2 * mm))
        tail.append(Paragraph(f"{DRAFT_ITEM}: isian usulan templat DP3AKB; rumusannya belum dikonfirmasi sumber "
                              "nasional.", s["muted"]))
    if ind.wording_status != "confirmed":
        tail.append(Spacer(1, 2 * mm))
        tail.append(Paragraph(f"{PROVISIONAL}: judul dan isian indikator ini belum dikonfirmasi dengan lampiran "
                              "Permen PPPA 12/2022; isiannya usulan templat DP3AKB.", s["muted"]))
    place = city_name.replace("Kota ", "").replace("Kabupaten ", "")
    tail += paper.signature_block(s, place, ("Yang mengumpulkan,", "Petugas/kader", ""),
                                  ("Mengetahui,", "Ketua RT/RW, kepala sekolah atau kepala posyandu", ""),
                                  180 * mm, nip=False, keep=False)
    out[out.index(tail)] = KeepTogether(tail)
    return out


def write_forms_pdf(t: Template, indicators: Iterable[int], dest: Path, *, city_name: str, kelurahan_name: str = "",
                    data_year: int | None = None, app_version: str = "", progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Path:
    """Blank forms of ``indicators`` (one after another, each from a new page) as one A4 PDF."""
    from reportlab.platypus import PageBreak

    nos = list(indicators)
    story: list[Any] = []
    for n, no in enumerate(nos):
        paper._check(cancelled)
        if progress:
            progress(n, len(nos), step("composing_sheet"))
        if n:
            story.append(PageBreak())
        story += form_story(t, t.indicator(no), city_name=city_name, kelurahan_name=kelurahan_name,
                            data_year=data_year)
    version = f" {app_version}" if app_version else ""
    footer = f"Formulir kosong dari KLA Desktop{version} – {paper.fmt_date_long(dt.date.today())}"
    name = "Formulir KLA" + (f" indikator {nos[0]}" if len(nos) == 1 else "")
    out = paper._build_pdf(Path(dest), story, footer, name, "", cancelled)
    if progress:
        progress(len(nos), len(nos), step("done"))
    return out
