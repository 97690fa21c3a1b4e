"""The printed record of a template change (issue 12): what changed between two versions, in words.

DP3AKB prints or saves this before publishing a draft (and later, between two versions) and keeps it
with the decision. The sentences come from the caller (``ui.template_words``: the same words the
Template page and ``kla template diff`` show); this module only lays them out on A4, with the
versions, their content hashes and a place to sign, as the other reports do (exports/paper.py:
written to a temporary name, checked, then renamed into place). In Bahasa Indonesia whatever the
window's language, like every printed report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.progress import Cancelled, Progress, step
from exports.paper import _build_pdf, _check, _esc, _printed, _styles, fmt_date_long, signature_block


@dataclass(frozen=True)
class TemplateChangePaper:
    """Everything the record shows. ``sections``: (heading, sentences) in the order shown."""

    template_name: str
    old_version: int
    new_version: int
    old_hash: str
    new_hash: str
    is_draft: bool
    city_name: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    problems: tuple[str, ...] = ()
    operator: str = ""
    printed_at: dt.datetime = field(default_factory=dt.datetime.now)
    app_version: str = ""
    weights_note: str = ""


def _story(data: TemplateChangePaper) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Paragraph, Spacer

    s = _styles()
    what = "draf versi" if data.is_draft else "versi"
    story: list[Any] = [
        Paragraph(f"Perubahan Template {_esc(data.template_name)}", s["title"]),
        Paragraph(f"Dari versi {data.old_version} (berlaku) ke {what} {data.new_version} – DP3AKB "
                  f"{_esc(data.city_name)}. Dicetak {_printed(data.printed_at)}"
                  + (f" oleh {_esc(data.operator)}" if data.operator else "") + ".", s["subtitle"]),
        Paragraph(f"Sidik isi versi {data.old_version}: {_esc(data.old_hash[:16])} · {what} {data.new_version}: "
                  f"{_esc(data.new_hash[:16])}", s["muted"]),
        Spacer(1, 2 * mm),
    ]
    if data.is_draft:
        story.append(Paragraph(
            "Draf ini belum berlaku. Setelah diterbitkan, versi baru dipakai di DP3AKB dan sampai ke setiap "
            "desa/kelurahan lewat tanda terima atau berkas pemasangan berikutnya; nilai yang sudah diisi dipindahkan "
            "menurut aturan di bawah, dan yang tidak punya tempat disimpan terpisah, tidak dihapus.", s["box"]))
    if data.problems:
        story.append(Paragraph("Belum bisa diterbitkan", s["h2"]))
        story.append(ListFlowable([ListItem(Paragraph(_esc(p), s["base"])) for p in data.problems],
                                  bulletType="bullet", leftIndent=10))
    for heading, lines in data.sections:
        items = [ListItem(Paragraph(_esc(line), s["base"]), leftIndent=10) for line in lines]
        story.append(KeepTogether([Paragraph(_esc(heading), s["h2"]),
                                   ListFlowable(items, bulletType="bullet", leftIndent=10)]))
    if data.weights_note:
        story += [Spacer(1, 3 * mm), Paragraph(_esc(data.weights_note), s["muted"])]
    story.append(Spacer(1, 6 * mm))
    story.append(signature_block(s, data.city_name, ("Disusun oleh,", "Petugas DP3AKB", data.operator),
                                 ("Disetujui oleh,", "Kepala DP3AKB", ""), 180 * mm))
    return story


def write_template_change_pdf(data: TemplateChangePaper, dest: Path, progress: Progress | None = None,
                              cancelled: Cancelled | None = None) -> Path:
    """Write the record as an A4 PDF at ``dest`` (nothing left under that name on failure)."""
    if progress:
        progress(0, 2, step("composing_template_change"))
    _check(cancelled)
    story = _story(data)
    if progress:
        progress(1, 2, step("writing_pdf"))
    version = f" {data.app_version}" if data.app_version else ""
    footer = (f"Dicetak dari KLA Desktop{version} – {data.city_name}, template versi {data.old_version} → "
              f"{data.new_version} – {fmt_date_long(data.printed_at.date())}")
    out = _build_pdf(Path(dest), story, footer, f"Perubahan Template {data.template_name}", data.operator, cancelled)
    if progress:
        progress(2, 2, step("done"))
    return out
