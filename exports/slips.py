"""Passphrase slips for many enrolments at once: one PDF, three slips per A4 page, cut along the lines.

Each slip names the desa/kelurahan (kind, name, code, kecamatan, kab/kota), the setup file's name,
the passphrase in large monospaced groups, both key fingerprints and what to do with it. The
slips hold every passphrase of the batch: the PDF is printed and then deleted, and each slip is
handed over apart from its file (docs/bundle-format.md §4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db.errors import KlaError
from db.progress import Cancelled, Progress, step
from db.store import Store
from exports.paper import fmt_date_long, setup_fonts, verify_pdf, write_safely
from exports.setup import BatchEnrolResult, EnrolResult, free_name

PER_PAGE = 3


@dataclass(frozen=True)
class Slip:
    """What one slip says (plain words: the caller words the unit's kind and place)."""

    unit_code: str
    unit_title: str  # "Desa Perian"
    place: str  # "Kec. Muara Muntai, Kabupaten Kutai Kartanegara"
    file_name: str
    passphrase: str
    fingerprint: str
    city_fingerprint: str


KIND_TITLE = {"desa": "Desa", "kelurahan": "Kelurahan", "kecamatan": "Kec.", "distrik": "Distrik"}
"""Printed documents are in Indonesian (as exports/reports.py): the unit's kind in words."""


def slip_for(store: Store, result: EnrolResult) -> Slip:
    """The slip of one enrolment, worded from the unit's line in ``store``."""
    path = store.unit_path(result.kelurahan_code)
    unit = path[-1]
    above = [f"{KIND_TITLE.get(u.kind, '')} {u.name}".strip() if u.level == "kecamatan" else u.name
             for u in reversed(path[:-1])]
    return Slip(unit.code, f"{KIND_TITLE.get(unit.kind, '')} {unit.name}".strip(), ", ".join(above),
                result.path.name, result.passphrase, result.fingerprint, result.city_fingerprint)


def write_slips(slips: Sequence[Slip], dest: Path, city_name: str, progress: Progress | None = None,
                cancelled: Cancelled | None = None, today: dt.date | None = None) -> Path:
    """Write the slips' PDF to ``dest`` (temporary name, checked, renamed); returns where it went.

    Never over another file: an earlier batch's slips in the same folder may be the only copy of
    the passphrases of the setup files beside them, so a taken name becomes ``<stem>-2.pdf``...
    """
    if not slips:
        raise KlaError("nothing_to_print")
    dest = free_name(Path(dest))
    today = today or dt.date.today()

    def produce(tmp: Path) -> None:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.pdfgen import canvas

        font, bold = setup_fonts()
        c = canvas.Canvas(str(tmp), pagesize=A4, invariant=1)
        c.setTitle(f"Lembar kata sandi pemasangan KLA Desktop — {city_name}")
        c.setAuthor("KLA Desktop")
        width, height = A4
        slot = (height - 20 * mm) / PER_PAGE
        for n, s in enumerate(slips):
            if cancelled and cancelled():
                raise KlaError("cancelled")
            pos = n % PER_PAGE
            if pos == 0 and n:
                c.showPage()
            top = height - 10 * mm - pos * slot
            left, right = 15 * mm, width - 15 * mm
            if pos:  # the cut line between two slips
                c.setStrokeColor(colors.HexColor("#8a94a0"))
                c.setDash(3, 3)
                c.line(10 * mm, top, width - 10 * mm, top)
                c.setDash()
                c.setFont(font, 7)
                c.setFillColor(colors.HexColor("#8a94a0"))
                c.drawString(10 * mm, top + 1.5 * mm, "✂ gunting di sini")
            c.setFillColor(colors.HexColor("#1d2733"))
            y = top - 11 * mm
            c.setFont(bold, 13)
            c.drawString(left, y, f"{s.unit_title} ({s.unit_code})")
            c.setFont(font, 9.5)
            c.drawRightString(right, y, city_name)
            y -= 5.5 * mm
            c.drawString(left, y, s.place)
            y -= 8 * mm
            c.setFont(font, 9.5)
            c.drawString(left, y, "Kata sandi berkas pemasangan:")
            y -= 10 * mm
            c.setFont("Courier-Bold", 20)
            c.drawString(left, y, s.passphrase)
            y -= 8 * mm
            c.setFont(font, 9.5)
            for label, value in (("Berkas", s.file_name), ("Sidik jari kunci desa/kelurahan", s.fingerprint),
                                 ("Sidik jari kunci DP3AKB", s.city_fingerprint)):
                c.drawString(left, y, f"{label}:")
                c.setFont(bold, 9.5)
                c.drawString(left + 58 * mm, y, value)
                c.setFont(font, 9.5)
                y -= 5 * mm
            y -= 2 * mm
            c.setFillColor(colors.HexColor("#a00000"))
            c.setFont(bold, 9.5)
            c.drawString(left, y, "Serahkan lembar ini TERPISAH dari berkasnya (jangan dalam satu e-mail atau flashdisk).")
            c.setFillColor(colors.HexColor("#1d2733"))
            y -= 5 * mm
            c.setFont(font, 9)
            c.drawString(left, y, "Di kantor desa/kelurahan: buka KLA Desktop, pilih \u201cPasang dari berkas DP3AKB\u201d "
                                  "(atau Pengaturan),")
            y -= 4.5 * mm
            c.drawString(left, y, "pilih berkas di atas, ketik kata sandinya, lalu cocokkan sidik jarinya dengan lembar ini.")
            y -= 4.5 * mm
            c.setFillColor(colors.HexColor("#5b6673"))
            c.drawString(left, y, f"Dicetak {fmt_date_long(today)} — lembar {n + 1} dari {len(slips)}")
            if progress:
                progress(n + 1, len(slips), step("writing_pdf"))
        c.showPage()
        c.save()

    return write_safely(dest, produce, verify_pdf)


def print_batch(store: Store, batch: BatchEnrolResult, dest: Path, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> Path | None:
    """The slips' PDF of a batch enrolment (and of an earlier batch's unprinted ones), then their
    kept passphrases forgotten. None when there is nothing to print. A failed write raises and
    forgets nothing: the next batch (or the same one again) prints them."""
    todo = batch.to_print
    if not todo:
        return None
    pdf = write_slips([slip_for(store, r) for r in todo], dest, store.unit(store.city_code).name, progress, cancelled)
    store.sync.slips_printed([r.key_id for r in todo])
    return pdf
