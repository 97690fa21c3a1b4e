"""The chase list's words and paper: a reminder per kelurahan to copy into WhatsApp or an
e-mail, and a printable list (PDF). Indonesian whatever the window's language: both go to
kelurahan offices. The list itself is :class:`db.chase.ChaseList` (``Store.chase_list``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from db.chase import ChaseList, ChaseRow
from db.progress import Cancelled, Progress
from exports.paper import HEAD_OF, fmt_completeness, fmt_date_long, fmt_pct, unit_word, units_word

STATE_WORDS = {
    "late_silent": "Lewat batas, belum mengirim",
    "silent": "Belum mengirim",
    "late": "Lewat batas, belum lengkap",
    "revision": "Menunggu perbaikan",
    "quiet": "Lama tidak mengirim",
    "incomplete": "Sedang melengkapi",
    "done": "Lengkap dan siap",
}
STATE_MARKS = {"late_silent": "!!", "silent": "!", "late": "!", "revision": "R", "quiet": "…", "incomplete": "·",
               "done": "✓"}
"""A mark per state that reads without colour on a black-and-white printer."""


def _stamp_date(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        return fmt_date_long(dt.datetime.fromisoformat(stamp).astimezone().date())
    except ValueError:
        return stamp[:10]


def deadline_words(chase: ChaseList) -> str:
    """'15 Januari 2027 (45 hari lagi)' / '... (sudah lewat 3 hari)' / ''."""
    if chase.deadline is None:
        return ""
    left = chase.days_left or 0
    when = fmt_date_long(chase.deadline)
    if left > 0:
        return f"{when} ({left} hari lagi)"
    if left == 0:
        return f"{when} (hari ini)"
    return f"{when} (sudah lewat {-left} hari)"


def progress_words(row: ChaseRow) -> str:
    """'tahun data 2025: 45%, 2026: 30%; 12 dari 48 indikator ditandai siap'."""
    years = ", ".join(f"{y.data_year}: {fmt_pct(y.completeness)}" for y in row.years)
    return f"tahun data {years}; {row.ready} dari {row.indicators} indikator ditandai siap"


def reminder_text(chase: ChaseList, row: ChaseRow, city_name: str) -> str:
    """The message DP3AKB sends one kelurahan: what DP3AKB has, what is missing, by when, how to send."""
    word = unit_word(row.kelurahan_code)  # "Desa" or "Kelurahan"
    unit = f"{word} {row.kelurahan_name}"
    greet = f"Yth. {row.contact.name}," if row.contact and row.contact.name else \
        f"Yth. Bapak/Ibu {HEAD_OF[word]} {row.kelurahan_name} dan operator KLA,"
    years = " dan ".join(str(y) for y in chase.data_years)
    period = f"evaluasi KLA {chase.eval_year} (tahun data {years})"
    lines = [greet, ""]
    if row.last_received is None:
        lines.append(f"DP3AKB {city_name} belum menerima kiriman data {period} dari {unit}.")
    else:
        lines.append(f"Kiriman terakhir {unit} untuk {period} kami terima tanggal "
                     f"{_stamp_date(row.last_received)}. Kelengkapan yang sudah ada di DP3AKB: {progress_words(row)}.")
    if chase.deadline is not None:
        lines.append(f"Batas waktu pengiriman: {deadline_words(chase)}.")
    if row.revision:
        lines += ["", "Mohon perbaiki indikator yang kami kembalikan:"]
        for year, ind, note in row.revision:
            lines.append(f"- indikator {ind} (tahun data {year})" + (f": {note}" if note else ""))
    if row.missing_parts:
        lines += ["", f"Ada {row.missing_parts} bagian kiriman yang belum kami terima; mohon kirim ulang semua "
                      "bagiannya."]
    if not row.enrolled and row.last_received is None:
        lines += ["", f"{word} ini belum terpasang di KLA Desktop. Hubungi DP3AKB untuk mengambil berkas "
                      "pemasangan dan kata sandinya."]
    lines += ["", "Mohon lengkapi data di KLA Desktop, tandai indikator yang sudah selesai sebagai Siap, lalu kirim "
                  "lewat menu Kiriman (flashdisk atau e-mail). Terima kasih.", "", f"DP3AKB {city_name}"]
    return "\n".join(lines)


def write_chase_pdf(chase: ChaseList, dest: Path, *, city_name: str, operator: str = "", app_version: str = "",
                    now: dt.datetime | None = None, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Path:
    """The printable chase list (A4, landscape enough to read at a desk): who to remind, most urgent first."""
    from exports import paper

    printed = now or dt.datetime.now()
    meta = SimpleNamespace(app_version=app_version, operator=operator, printed_at=printed)  # for the footer

    def story() -> list[Any]:
        return chase_story(chase, city_name, printed, operator)

    return paper._write_report(story, dest, "composing_city_report", city_name, max(chase.data_years),
                                 f"Daftar pengingat kiriman KLA {city_name} {chase.eval_year}", meta, progress,
                                 cancelled)


def chase_story(chase: ChaseList, city_name: str, printed: dt.datetime, operator: str = "",
                heading: bool = True) -> list[Any]:
    """The flowables of the chase list (also a section of the city report)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from exports import paper

    s = paper._styles()
    esc = paper._esc
    out: list[Any] = []
    years = " dan ".join(str(y) for y in chase.data_years)
    if heading:
        out.append(Paragraph(f"Daftar Pengingat Kiriman KLA {esc(city_name)}", s["title"]))
        out.append(Paragraph(f"Evaluasi {chase.eval_year} (tahun data {years}). Dicetak {paper._printed(printed)}"
                             + (f" oleh {esc(operator)}" if operator else "") + ".", s["subtitle"]))
    counts = [(STATE_WORDS[k], chase.count(k)) for k in STATE_WORDS if chase.count(k)]
    summary = "; ".join(f"{w}: {n}" for w, n in counts)
    deadline = deadline_words(chase) or "belum ditetapkan"
    out.append(Paragraph(f"Batas waktu pengiriman: <b>{esc(deadline)}</b>. {esc(summary)}.", s["base"]))
    out.append(Spacer(1, 2 * mm))
    rows = [[paper._head(h, s) for h in ("", units_word(r.kelurahan_code for r in chase.rows), "Keadaan", "Kiriman terakhir", "Tanda terima",
                                            "Kelengkapan", "Revisi", "Kontak")]]
    for r in chase.rows:
        last = _stamp_date(r.last_received) or "belum ada"
        if r.days_since is not None:
            last += " (hari ini)" if r.days_since == 0 else f" ({r.days_since} hari lalu)"
        receipt = _stamp_date(r.last_receipt) or "belum ada"
        if r.receipt_due:
            receipt += " · perlu dikirim"
        contact = ""
        if r.contact is not None:
            contact = ", ".join(x for x in (r.contact.name, r.contact.phone, r.contact.email) if x)
        if not r.enrolled and r.last_received is None:
            contact = ("belum terpasang" + (f"; {contact}" if contact else ""))
        rows.append([
            Paragraph(f"<b>{esc(STATE_MARKS.get(r.state, ''))}</b>", s["base"]),
            Paragraph(f"<b>{esc(r.kelurahan_name)}</b><br/>Kec. {esc(r.kecamatan_name)}", s["small"]),
            Paragraph(esc(STATE_WORDS.get(r.state, r.state)), s["small"]),
            Paragraph(esc(last), s["small"]),
            Paragraph(esc(receipt), s["small"]),
            # One decimal, as DP3AKB's Pengingat page lists it ("2026: 43,9%").
            Paragraph("<br/>".join(f"{y.data_year}: {fmt_completeness(y.completeness, places=1)}" for y in r.years)
                      + f"<br/>siap {r.ready}/{r.indicators}", s["small"]),
            Paragraph(str(len(r.revision)) if r.revision else "–", s["small"]),
            Paragraph(esc(contact) or "–", s["small"]),
        ])
    t = Table(rows, colWidths=[6 * mm, 30 * mm, 23 * mm, 28 * mm, 24 * mm, 27 * mm, 13 * mm, 29 * mm], repeatRows=1)
    t.setStyle(paper._table_style([("VALIGN", (0, 1), (-1, -1), "TOP"), ("ALIGN", (0, 1), (0, -1), "CENTER")]))
    out.append(t)
    out.append(Spacer(1, 2 * mm))
    legend = "; ".join(f"{STATE_MARKS[k]} {w}" for k, w in STATE_WORDS.items())
    out.append(Paragraph(f"Tanda: {esc(legend)}. Kelengkapan dan indikator siap menurut data yang sudah diterima "
                         "DP3AKB.", s["muted"]))
    return out
