"""What every printed document shares: Indonesian numbers and dates, safe writing (temporary name,
check, rename), the font, styles, tables, the page footer and signature places.

The progress sheet and city report (:mod:`exports.reports`), the chase list (:mod:`exports.chase`),
the handover paper (:mod:`exports.handover`), the CSV and workbooks build on it; it imports none
of them. Body text is never smaller than 9 pt: these are read on paper, often photocopied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.progress import Cancelled, Progress, step
from db.regions import kecamatan_kind, kind_of
from exports.formats import (  # noqa: F401 - shared with the windows; callers use paper.fmt_*
    fmt_completeness,
    fmt_decimal,
    fmt_int,
    fmt_pct,
    fmt_percent,
    fmt_size,
    mean_completeness,
    under_one_percent,
)

TMP_SUFFIX = ".sedang-ditulis"


MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


DRAFT_ITEM = "(usulan)"
"""Printed after an item whose own wording is a draft under a confirmed indicator title (``wording_status``)."""


def item_name(ind: Any, it: Any) -> str:
    """An item's label, with "(usulan)" when the item itself is marked (db.template.Indicator.marked_items)."""
    return f"{it.label} {DRAFT_ITEM}" if it.provisional and not ind.provisional else str(it.label)


HEAD_OF = {"Desa": "Kepala Desa", "Kelurahan": "Lurah"}


def unit_word(code: str) -> str:
    """'Desa' or 'Kelurahan' for a unit's Kemendagri code (these documents are in Indonesian): every
    paper, e-mail and form a desa makes says "Desa Perian", never "Kelurahan Perian"."""
    return "Kelurahan" if kind_of(code) == "kelurahan" else "Desa"


def unit_title(code: str, name: str) -> str:
    """'Desa Perian', 'Kelurahan Manggar'."""
    return f"{unit_word(code)} {name}"


def units_word(codes: Iterable[str]) -> str:
    """'Kelurahan' in a kota of kelurahan, 'Desa' where all are desa, 'Desa/Kelurahan' where both are."""
    kinds = {unit_word(c) for c in codes}
    return kinds.pop() if len(kinds) == 1 else "Desa/Kelurahan"


def kecamatan_word(code: str) -> str:
    """'Distrik' in Papua's provinces, else 'Kecamatan', for any region's code in the province."""
    return "Distrik" if kecamatan_kind(code) == "distrik" else "Kecamatan"


def city_word(code: str, name: str) -> str:
    """'Kabupaten' or 'Kota', as the kab/kota's name says."""
    return "Kota" if kind_of(code, name) == "kota" else "Kabupaten"


@dataclass(frozen=True)
class AreaWords:
    """The words of a kab/kota's levels in headings: 'Kota'/'Kabupaten', 'Kecamatan'/'Distrik' and
    'Kelurahan'/'Desa'/'Desa/Kelurahan' (:func:`units_word` of its units)."""

    city: str = "Kota"
    kecamatan: str = "Kecamatan"
    units: str = "Kelurahan"

    @property
    def units_lower(self) -> str:
        return self.units.lower()


def area_words(city_code: str, city_name: str, unit_codes: Iterable[str]) -> AreaWords:
    codes = list(unit_codes)
    return AreaWords(city_word(city_code, city_name), kecamatan_word(city_code),
                     units_word(codes) if codes else "Desa/Kelurahan")


def fmt_date_long(d: dt.date | str | None) -> str:
    """2025-08-17 -> '17 Agustus 2025'."""
    if not d:
        return ""
    if isinstance(d, str):
        text = d
        try:
            d = dt.date.fromisoformat(text[:10])
        except ValueError:
            return text
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise KlaError("cancelled")


def tmp_path_for(dest: Path) -> Path:
    return dest.with_name(dest.name + TMP_SUFFIX)


def replace_into_place(tmp: Path, dest: Path) -> None:
    """Rename a written and verified temporary file onto ``dest`` (fsync first)."""
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            fd = os.open(dest.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def os_error(exc: OSError, path: Path) -> KlaError:
    from exports.usb import _os_error

    return _os_error(exc, path)


def verify_pdf(path: Path) -> None:
    """A whole PDF starts with %PDF- and ends with %%EOF (reportlab writes both last)."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(5)
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise KlaError("dest_verify_failed", path=str(path))


def write_safely(dest: Path, produce: Callable[[Path], None], verify: Callable[[Path], None]) -> Path:
    """Run ``produce(tmp)``, ``verify(tmp)``, then rename onto ``dest``; nothing left on failure."""
    dest = Path(dest)
    tmp = tmp_path_for(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        produce(tmp)
        verify(tmp)
        replace_into_place(tmp, dest)
    except OSError as exc:
        discard(tmp)
        raise os_error(exc, dest) from exc
    except BaseException:
        discard(tmp)
        raise
    return dest


FONT = "Helvetica"


FONT_BOLD = "Helvetica-Bold"


_fonts_ready = False


FONT_CANDIDATES = [
    # (regular, bold): DejaVu covers the en-dash and "≤"; Vera (shipped with reportlab) most of it.
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ("C:/Windows/Fonts/DejaVuSans.ttf", "C:/Windows/Fonts/DejaVuSans-Bold.ttf"),
]


def _font_pairs() -> Iterable[tuple[Path, Path]]:
    here = Path(__file__).resolve().parent / "fonts"
    yield here / "DejaVuSans.ttf", here / "DejaVuSans-Bold.ttf"  # shipped with a frozen build, if present
    for reg, bold in FONT_CANDIDATES:
        yield Path(reg), Path(bold)
    import reportlab

    rl = Path(reportlab.__file__).parent / "fonts"
    yield rl / "Vera.ttf", rl / "VeraBd.ttf"


def setup_fonts() -> tuple[str, str]:
    """Register a Unicode TrueType font once; Helvetica when none is found."""
    global FONT, FONT_BOLD, _fonts_ready
    if _fonts_ready:
        return FONT, FONT_BOLD
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for reg, bold in _font_pairs():
        if reg.is_file() and bold.is_file():
            try:
                pdfmetrics.registerFont(TTFont("KlaSans", str(reg)))
                pdfmetrics.registerFont(TTFont("KlaSans-Bold", str(bold)))
            except Exception:  # noqa: BLE001 - a broken font file: try the next one
                continue
            addMapping("KlaSans", 0, 0, "KlaSans")
            addMapping("KlaSans", 1, 0, "KlaSans-Bold")
            addMapping("KlaSans", 0, 1, "KlaSans")
            addMapping("KlaSans", 1, 1, "KlaSans-Bold")
            FONT, FONT_BOLD = "KlaSans", "KlaSans-Bold"
            break
    _fonts_ready = True
    return FONT, FONT_BOLD


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    font, bold = setup_fonts()
    # Body text is never smaller than 9 pt: sheets are read on paper, often photocopied.
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=12, textColor=colors.HexColor("#1d2733"))
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11),
        "muted": ParagraphStyle("muted", parent=base, fontSize=9, leading=11, textColor=colors.HexColor("#3f4a56")),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=15, leading=19, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=12,
                                   textColor=colors.HexColor("#5b6673"), spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11, leading=14, spaceBefore=9, spaceAfter=4,
                             textColor=colors.HexColor("#0b5c7a")),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=bold),
        "box": ParagraphStyle("box", parent=base, fontSize=9, leading=12),
        "score": ParagraphStyle("score", parent=base, fontSize=9.5, leading=19),
    }


def _esc(text: Any) -> str:
    from xml.sax.saxutils import escape

    return escape(str(text))


def _bar_flowable(fraction: float, width: float, height: float = 7) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    class Bar(Flowable):
        """A horizontal completeness bar: grey track, coloured fill by how far along."""

        def __init__(self) -> None:
            super().__init__()
            self.width, self.height = width, height

        def draw(self) -> None:
            c = self.canv
            f = max(0.0, min(1.0, fraction))
            c.setFillColor(colors.HexColor("#e3e8ee"))
            c.setStrokeColor(colors.HexColor("#c5ced8"))
            c.setLineWidth(0.4)
            c.rect(0, 0, width, height, stroke=1, fill=1)
            if f > 0:
                colour = "#2e8b57" if f >= 1.0 else ("#e0a100" if f >= 0.5 else "#d0573a")
                c.setFillColor(colors.HexColor(colour))
                c.rect(0, 0, width * f, height, stroke=0, fill=1)

    return Bar()


def page_note(text: str) -> Any:
    """A mark of no size that prints ``text`` at the foot of the page it lands on, once, above the footer
    line: the footnote of a "90,9%*" in a table, on the page of the star even when the table runs over
    several pages. Keep ``text`` to one line (about 105 characters at 9 pt)."""
    from reportlab.platypus import Flowable

    class PageNote(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.width = self.height = 0

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            notes = getattr(self.canv, "page_notes", None)
            if notes is not None and text not in notes:
                notes.append(text)

    return PageNote()


def _numbered_canvas(footer_left: str) -> type:
    """A canvas that knows the page count at the end, for 'Halaman 1 dari N', and prints the
    :func:`page_note` of each page above its footer line."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self.page_notes: list[str] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._saved.append(dict(self.__dict__))
            self._startPage()
            self.page_notes = []  # a new list: the page just saved keeps its own

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _notes(self) -> None:
            """The page's notes, the last one just above the footer line, in the bottom margin (the body
            ends 20 mm from the edge): at 9 pt, 8.5 pt when a note is a little too long for one line."""
            from reportlab.lib.utils import simpleSplit

            w, _h = self._pagesize
            room = w - 30 * mm
            lines: list[tuple[str, float]] = []
            for note in self.page_notes:
                size = 9.0 if self.stringWidth(note, FONT, 9) <= room else 8.5
                lines += [(line, size) for line in simpleSplit(note, FONT, size, room)]
            self.setFillColor(colors.HexColor("#3f4a56"))
            for i, (line, size) in enumerate(reversed(lines)):
                self.setFont(FONT, size)
                self.drawString(15 * mm, 14.2 * mm + i * 3.5 * mm, line)

        def _footer(self, total: int) -> None:
            w, _h = self._pagesize
            self.saveState()
            if self.page_notes:
                self._notes()
            self.setStrokeColor(colors.HexColor("#c5ced8"))
            self.setLineWidth(0.5)
            self.line(15 * mm, 12 * mm, w - 15 * mm, 12 * mm)
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.HexColor("#5b6673"))
            page = f"Halaman {self._pageNumber} dari {total}"
            self.drawRightString(w - 15 * mm, 8 * mm, page)
            # A long name (Kabupaten Kutai Kartanegara) ran the left text into "Halaman 4 dari 31": it is
            # set smaller to keep a gap, and on two lines when even that does not fit.
            room = w - 30 * mm - self.stringWidth(page, FONT, 8.5) - 5 * mm
            size = 8.5
            while size > 6.5 and self.stringWidth(footer_left, FONT, size) > room:
                size -= 0.5
            if self.stringWidth(footer_left, FONT, size) <= room:
                self.setFont(FONT, size)
                self.drawString(15 * mm, 8 * mm, footer_left)
            else:
                from reportlab.lib.utils import simpleSplit

                lines = simpleSplit(footer_left, FONT, size, room)
                self.setFont(FONT, size)
                for i, line in enumerate(lines[:2]):
                    self.drawString(15 * mm, (8 + 3 * (len(lines[:2]) - 1 - i)) * mm, line)
            self.restoreState()

    return NumberedCanvas


def _printed(at: dt.datetime) -> str:
    return f"{fmt_date_long(at.date())} pukul {at.hour:02d}.{at.minute:02d}"


def _build_pdf(dest: Path, story: list[Any], footer: str, title: str, author: str,
               cancelled: Cancelled | None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    def produce(tmp: Path) -> None:
        _check(cancelled)
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm, bottomMargin=18 * mm,
            title=title, author=author, creator="KLA Desktop", lang="id-ID",
        )
        doc.build(story, canvasmaker=_numbered_canvas(footer))
        _check(cancelled)

    return write_safely(dest, produce, verify_pdf)


def _table_style(extra: list[Any] | None = None, header: bool = True) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    cmds: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d5dce3")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0b5c7a")),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ]
    return TableStyle(cmds + (extra or []))


def _head(text: str, s: dict[str, Any], right: bool = False) -> Any:
    """A column heading; ``right`` over a column of numbers set to the right, so the heading
    stands over its own numbers and not over the next column's."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("th-r" if right else "th", parent=s["small"], fontName=FONT_BOLD,
                           textColor=colors.white, alignment=TA_RIGHT if right else TA_LEFT)
    if "/" not in text:
        return Paragraph(_esc(text), style)
    return _slash_heading(Paragraph)(text, style)


def _slash_heading(paragraph: type) -> type:
    class SlashHeading(paragraph):
        """A heading that breaks after its slash when a word does not fit the column: a kabupaten's
        "Desa/Kelurahan" over a narrow column printed "Desa/Kelu" / "rahan" ("Desa/Keluraha" / "n")."""

        def __init__(self, text: str, style: Any) -> None:
            self._plain = text
            super().__init__(_esc(text), style)

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            st = self.style
            if any(stringWidth(w, st.fontName, st.fontSize) > avail_width for w in self._plain.split() if "/" in w):
                super().__init__(_esc(self._plain).replace("/", "/<br/>"), st)
            return super().wrap(avail_width, avail_height)

    return SlashHeading


def signature_block(s: dict[str, Any], place: str, left: tuple[str, str, str], right: tuple[str, str, str],
                    width: float, nip: bool = True, keep: bool = True) -> Any:
    """Two signature places: (role line, office line, name) each, with the place and date to fill in;
    ``nip``: a line for the civil servant number (NIP) under each name. ``keep=False``: the flowables
    as a list, for a caller keeping them together with more (a KeepTogether inside another one
    always measures as taller than any page, so the outer one always broke the page)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    def side(role: str, office: str, name: str) -> list[Any]:
        lines = [Paragraph(_esc(role), s["base"]), Paragraph(f"<b>{_esc(office)}</b>", s["base"]),
                 Spacer(1, 18 * mm if nip else 14 * mm), Paragraph(f"( {_esc(name) if name else '.' * 48} )", s["base"])]
        return lines + ([Paragraph("NIP. " + "." * 44, s["base"])] if nip else [])

    date = Paragraph(f"{_esc(place)}, " + "." * 30, s["base"])
    t = Table([["", date], [side(*left), side(*right)]], colWidths=[width / 2, width / 2])
    t.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0, "white")],
                            header=False))
    return KeepTogether([Spacer(1, 4 * mm), t]) if keep else [Spacer(1, 4 * mm), t]


def _write_report(story: Callable[[], list], dest: Path, composing: str, place: str, data_year: int, title: str,
                  data: Any, progress: Progress | None, cancelled: Cancelled | None) -> Path:
    """Build ``story`` and write it as an A4 PDF with the common footer; reports progress in 2 steps."""
    if progress:
        progress(0, 2, step(composing))
    _check(cancelled)
    flowables = story()
    if progress:
        progress(1, 2, step("writing_pdf"))
    version = f" {data.app_version}" if data.app_version else ""
    footer = (f"Dicetak dari KLA Desktop{version} – {place}, tahun data {data_year} – "
              f"{fmt_date_long(data.printed_at.date())}")
    out = _build_pdf(Path(dest), flowables, footer, title, data.operator, cancelled)
    if progress:
        progress(2, 2, step("done"))
    return out

