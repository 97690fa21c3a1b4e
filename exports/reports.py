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

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.freshness import too_old
from db.progress import Cancelled, Progress, step
from db.records import ActivityRecord, FacilityRecord, KelurahanStatus
from db.scoring import category, estimate
from db.store import Store

TMP_SUFFIX = ".sedang-ditulis"

# ---------------------------------------------------------------------------- words

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
STATE_WORDS = {"empty": "Belum diisi", "partial": "Sebagian", "complete": "Lengkap", "ready": "Siap"}
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
    "regulation": "Peraturan/kebijakan", "sk": "Surat Keputusan (SK)", "photo": "Foto",
    "minutes": "Notulen/daftar hadir", "certificate": "Sertifikat/piagam", "data_table": "Tabel/rekap data",
    "report": "Laporan", "other": "Lainnya",
}


def fmt_int(n: int) -> str:
    """1234 -> '1.234'."""
    return f"{n:,}".replace(",", ".")


def fmt_decimal(x: float, places: int = 1) -> str:
    """1234.5 -> '1.234,5'."""
    s = f"{x:,.{places}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def fmt_pct(x: float | None) -> str:
    """0.875 -> '88%' (whole percent: what the sheet's bars show)."""
    if x is None:
        return "–"
    return f"{round(x * 100)}%"


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


def cluster_label(key: str, name: str) -> str:
    """'Klaster I' / 'Kelembagaan': the short name used in folders and narrow columns."""
    return name.split(":")[0].strip() if ":" in name else name


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise KlaError("cancelled")


# ---------------------------------------------------------------------------- safe writing


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
    score: float
    category: str
    weights_official: bool
    app_version: str = ""

    def missing_text(self, ind: Any) -> tuple[list[str], list[str]]:
        """(required items still empty, evidence still missing) for one IndicatorStatus, in words."""
        items = [self.item_labels.get((ind.indicator_no, k), k) for k in ind.missing_items]
        evidence = []
        for g in ind.missing_evidence:
            text = g.label
            if g.need > 1:
                text += f" ({g.have} dari {g.need})"
            evidence.append(text)
        return items, evidence


def _item_labels(store: Store) -> dict[tuple[int, str], str]:
    return {(i.no, it.key): it.label for i in store.template.indicators for it in i.items}


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
    score = estimate(store.template, st.indicators)
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
        score=score,
        category=category(score),
        weights_official=bool(store.template.weights_official),
        app_version=app_version,
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

    @property
    def completeness(self) -> float:
        return sum(s.completeness for s in self.statuses) / len(self.statuses) if self.statuses else 0.0

    def kecamatan_rows(self) -> list[dict[str, Any]]:
        rows: dict[str, dict[str, Any]] = {}
        for s in self.statuses:
            r = rows.setdefault(s.kecamatan_code, {"code": s.kecamatan_code, "name": s.kecamatan_name, "n": 0,
                                                   "sum": 0.0, "ready": 0, "evidence": 0, "score": 0.0})
            r["n"] += 1
            r["sum"] += s.completeness
            r["ready"] += s.ready_count
            r["evidence"] += s.evidence_count
            r["score"] += self.scores.get(s.kelurahan_code, 0.0)
        for r in rows.values():
            r["completeness"] = r["sum"] / r["n"]
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
    """Read every kelurahan of the city (city workspaces) for one data year."""
    if store.role != "city":
        raise KlaError("role_needs_city")
    period = store.period_for_data_year(year)
    units = store.units("kelurahan")
    statuses = []
    scores = {}
    for n, u in enumerate(units):
        _check(cancelled)
        if progress:
            progress(n, len(units), step("reading_unit", name=u.name))
        st = store.status(u.code, year)
        statuses.append(st)
        scores[u.code] = estimate(store.template, st.indicators)
    return CityData(
        city_name=store.unit(store.city_code).name, data_year=year, eval_year=period.eval_year,
        printed_at=now or dt.datetime.now(), operator=store.operator,
        clusters=tuple((c.key, c.name) for c in store.template.clusters), statuses=tuple(statuses),
        scores=scores, app_version=app_version,
    )


# ---------------------------------------------------------------------------- reportlab set-up

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
    base = ParagraphStyle("base", fontName=font, fontSize=8.5, leading=10.5, textColor=colors.HexColor("#1d2733"))
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.2),
        "muted": ParagraphStyle("muted", parent=base, fontSize=7.5, leading=9.2, textColor=colors.HexColor("#5b6673")),
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


def _numbered_canvas(footer_left: str) -> type:
    """A canvas that knows the page count at the end, for 'Halaman 1 dari N'."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            w, _h = self._pagesize
            self.saveState()
            self.setStrokeColor(colors.HexColor("#c5ced8"))
            self.setLineWidth(0.5)
            self.line(15 * mm, 12 * mm, w - 15 * mm, 12 * mm)
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#5b6673"))
            self.drawString(15 * mm, 8 * mm, footer_left)
            self.drawRightString(w - 15 * mm, 8 * mm, f"Halaman {self._pageNumber} dari {total}")
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
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
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


def _head(text: str, s: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    return Paragraph(_esc(text), ParagraphStyle("th", parent=s["small"], fontName=FONT_BOLD, textColor=colors.white))


# ---------------------------------------------------------------------------- kelurahan sheet


def sheet_story(data: SheetData) -> list[Any]:
    """The flowables of the progress sheet (separate from writing, so a preview could reuse it)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    s = _styles()
    st = data.status
    width = 180 * mm
    story: list[Any] = []
    story.append(Paragraph("Lembar Kemajuan Kabupaten/Kota Layak Anak (KLA)", s["title"]))
    story.append(Paragraph(
        f"Kelurahan {_esc(st.kelurahan_name)} – kelengkapan data dan data dukung untuk evaluasi KLA", s["subtitle"]))

    years = ", ".join(str(y) for y in data.data_years)
    info = [
        ("Kelurahan", f"{st.kelurahan_name} ({st.kelurahan_code})"),
        ("Kecamatan", st.kecamatan_name),
        ("Kota", data.city_name),
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
    t = Table(rows, colWidths=[27 * mm, 63 * mm, 20 * mm, 70 * mm])
    t.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6f9")),
                             ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white)], header=False))
    story += [t, Spacer(1, 4 * mm)]

    # Completeness: overall and per klaster, with bars.
    story.append(Paragraph("Kelengkapan", s["h2"]))
    bar_w = 60 * mm
    rows = [[_head("Bagian", s), _head("", s), _head("Kelengkapan", s), _head("Indikator siap", s)]]
    rows.append([Paragraph("<b>Seluruh indikator</b>", s["base"]), _bar_flowable(st.completeness, bar_w, 9),
                 Paragraph(f"<b>{fmt_pct(st.completeness)}</b>", s["base"]),
                 Paragraph(f"{st.ready_count} dari {len(st.indicators)}", s["base"])])
    for c in st.clusters:
        ready = sum(1 for i in c.indicators if i.status == "ready")
        rows.append([Paragraph(_esc(c.name), s["small"]), _bar_flowable(c.completeness, bar_w),
                     Paragraph(fmt_pct(c.completeness), s["base"]),
                     Paragraph(f"{ready} dari {len(c.indicators)}", s["base"])])
    t = Table(rows, colWidths=[70 * mm, bar_w + 6 * mm, 22 * mm, 22 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (2, 1), (2, -1), "RIGHT")]))
    story.append(t)

    # Score estimate box.
    weights = ("Bobot per indikator tidak dipublikasikan KemenPPPA; perkiraan ini memakai bobot template "
               "KLA Desktop" + (" yang ditetapkan DP3AKB" if data.weights_official else " yang tidak resmi"))
    box = Table([[Paragraph("<b>Perkiraan nilai (tidak resmi)</b>", s["box"])],
                 [Paragraph(f"<font size=14><b>{fmt_decimal(data.score)}</b></font> dari 1.000 poin – "
                            f"kategori perkiraan: <b>{_esc(CATEGORY_WORDS.get(data.category, data.category))}</b>",
                            s["score"])],
                 [Paragraph(f"{weights}. Nilai resmi hanya dari verifikasi KemenPPPA; data dukung yang kurang "
                            "atau terlalu lama akan mengurangi nilai. Rentang: Pratama 500–600, Madya 601–700, "
                            "Nindya 701–800, Utama 801–900, Paripurna 901–1.000.", s["muted"])]],
                colWidths=[width])
    box.setStyle(_table_style([("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#e0a100")),
                               ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fff8e6")),
                               ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6)], header=False))
    story += [Spacer(1, 4 * mm), KeepTogether([box])]

    # The 24 indicators.
    story.append(Paragraph("Indikator", s["h2"]))
    rows = [[_head("No", s), _head("Indikator", s), _head("Keadaan", s), _head("Kelengkapan", s),
             _head("Yang masih kurang", s)]]
    extra: list[Any] = []
    for c in st.clusters:
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#e6f0f4")))
        extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append([Paragraph(f"<b>{_esc(c.name)}</b> – {fmt_pct(c.completeness)}", s["base"]), "", "", "", ""])
        for ind in c.indicators:
            items, evidence = data.missing_text(ind)
            parts = []
            if items:
                parts.append("<b>Isian:</b> " + _esc("; ".join(items)))
            if evidence:
                parts.append("<b>Data dukung:</b> " + _esc("; ".join(evidence)))
            if ind.too_old_evidence:
                parts.append(f"<b>Terlalu lama:</b> {ind.too_old_evidence} berkas")
            if ind.problems:
                parts.append(f"<b>Perlu diperiksa:</b> {len(ind.problems)} angka tidak cocok")
            # DP3AKB's review comes back in receipts; a "perlu perbaikan" is the first thing the clerk must act on.
            if ind.review_state == "perlu_perbaikan":
                fix = "DP3AKB: perlu perbaikan" + (f" – {_esc(ind.review_note)}" if ind.review_note else "")
                parts.insert(0, f'<font color="#a61b1b"><b>{fix}</b></font>')
            missing = "<br/>".join(parts) if parts else '<font color="#2e8b57">Tidak ada</font>'
            if ind.review_state == "diterima":
                accepted = "DP3AKB: diterima" + (f" – {_esc(ind.review_note)}" if ind.review_note else "")
                missing += f'<br/><font size="6.5" color="#2e8b57">{accepted}</font>'
            comp = Table([[_bar_flowable(ind.completeness, 16 * mm, 6), Paragraph(fmt_pct(ind.completeness), s["small"])]],
                         colWidths=[17 * mm, 10 * mm])
            comp.setStyle(_table_style([("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 0)], header=False))
            rows.append([Paragraph(str(ind.indicator_no), s["base"]), Paragraph(_esc(ind.short_name), s["base"]),
                         Paragraph(STATE_WORDS.get(ind.state, ind.state), s["small"]), comp,
                         Paragraph(missing, s["small"])])
    t = Table(rows, colWidths=[8 * mm, 44 * mm, 18 * mm, 29 * mm, 81 * mm], repeatRows=1)
    t.setStyle(_table_style(extra + [("VALIGN", (0, 1), (-1, -1), "TOP")]))
    story.append(t)

    # Evidence too old.
    story.append(Paragraph("Data dukung terlalu lama", s["h2"]))
    if data.too_old:
        rows = [[_head("No", s), _head("Indikator", s), _head("Data dukung", s), _head("Berkas", s),
                 _head("Tanggal dokumen", s)]]
        for o in data.too_old:
            rows.append([Paragraph(str(o.indicator_no), s["small"]), Paragraph(_esc(o.short_name), s["small"]),
                         Paragraph(_esc(o.requirement) + f" (paling lama {o.max_age_years} tahun)", s["small"]),
                         Paragraph(_esc(o.file_name), s["small"]), Paragraph(fmt_date_long(o.doc_date), s["small"])])
        t = Table(rows, colWidths=[8 * mm, 34 * mm, 62 * mm, 48 * mm, 28 * mm], repeatRows=1)
        t.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(t)
    else:
        story.append(Paragraph("Tidak ada data dukung yang terlalu lama untuk periode evaluasi ini.", s["base"]))

    # Activities and innovations.
    story.append(Paragraph(f"Kegiatan dan inovasi tahun {st.data_year}", s["h2"]))
    if data.activities:
        rows = [[_head("Tanggal", s), _head("Jenis", s), _head("Judul", s), _head("Mitra", s), _head("Indikator", s)]]
        for a in sorted(data.activities, key=lambda a: (a.date or "", a.title)):
            rows.append([Paragraph(fmt_date_long(a.date) or "–", s["small"]),
                         Paragraph(ACTIVITY_WORDS.get(a.kind, a.kind), s["small"]), Paragraph(_esc(a.title), s["small"]),
                         Paragraph(_esc(", ".join(PARTNER_WORDS.get(p, p) for p in a.partners)) or "–", s["small"]),
                         Paragraph(", ".join(str(n) for n in a.indicators) or "–", s["small"])])
        t = Table(rows, colWidths=[26 * mm, 18 * mm, 72 * mm, 44 * mm, 20 * mm], repeatRows=1)
        t.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(t)
    else:
        story.append(Paragraph("Belum ada kegiatan atau inovasi yang dicatat untuk tahun ini.", s["base"]))

    # Facilities.
    story.append(Paragraph("Fasilitas ramah anak", s["h2"]))
    if data.facilities:
        rows = [[_head("Nama", s), _head("Jenis", s), _head("Alamat", s), _head("Standardisasi", s)]]
        for f in data.facilities:
            rows.append([Paragraph(_esc(f.name), s["small"]), Paragraph(_esc(FACILITY_WORDS.get(f.type, f.type)), s["small"]),
                         Paragraph(_esc(f.address) or "–", s["small"]),
                         Paragraph(STANDARD_WORDS.get(f.standardisation, f.standardisation), s["small"])])
        t = Table(rows, colWidths=[52 * mm, 50 * mm, 52 * mm, 26 * mm], repeatRows=1)
        t.setStyle(_table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(t)
    else:
        story.append(Paragraph("Belum ada fasilitas yang dicatat.", s["base"]))
    return story


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


def write_sheet_pdf(data: SheetData, dest: Path, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Path:
    """Write the kelurahan progress sheet (A4) to ``dest``."""
    st = data.status
    return _write_report(lambda: sheet_story(data), dest, "composing_sheet", f"Kelurahan {st.kelurahan_name}",
                         st.data_year, f"Lembar kemajuan KLA {st.kelurahan_name} {st.data_year}", data,
                         progress, cancelled)


# ---------------------------------------------------------------------------- city report


def city_story(data: CityData) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

    s = _styles()
    story: list[Any] = [
        Paragraph(f"Laporan Kemajuan KLA {_esc(data.city_name)}", s["title"]),
        Paragraph(f"Kelengkapan data dan data dukung {len(data.statuses)} kelurahan – tahun data {data.data_year} "
                  f"(evaluasi {data.eval_year}). Dicetak {_printed(data.printed_at)}"
                  + (f" oleh {_esc(data.operator)}" if data.operator else "") + ".", s["subtitle"]),
    ]
    overall = data.completeness
    mean_score = sum(data.scores.values()) / len(data.scores) if data.scores else 0.0
    t = Table([[Paragraph("<b>Rata-rata kelengkapan kota</b>", s["base"]), _bar_flowable(overall, 80 * mm, 10),
                Paragraph(f"<b>{fmt_pct(overall)}</b>", s["base"])],
               [Paragraph("Rata-rata perkiraan nilai kelurahan (tidak resmi)", s["small"]), "",
                Paragraph(f"{fmt_decimal(mean_score)} dari 1.000", s["small"])]],
              colWidths=[62 * mm, 86 * mm, 32 * mm])
    t.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6f9"))], header=False))
    story += [t, Spacer(1, 3 * mm)]

    story.append(Paragraph("Per kecamatan", s["h2"]))
    rows = [[_head("Kecamatan", s), _head("Kelurahan", s), _head("", s), _head("Kelengkapan", s),
             _head("Indikator siap", s), _head("Data dukung", s)]]
    for r in data.kecamatan_rows():
        rows.append([Paragraph(_esc(r["name"]), s["base"]), fmt_int(r["n"]), _bar_flowable(r["completeness"], 50 * mm),
                     fmt_pct(r["completeness"]), fmt_int(r["ready"]), fmt_int(r["evidence"])])
    t = Table(rows, colWidths=[42 * mm, 18 * mm, 54 * mm, 22 * mm, 22 * mm, 22 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (1, 1), (1, -1), "RIGHT"), ("ALIGN", (3, 1), (-1, -1), "RIGHT")]))
    story.append(t)

    story.append(Paragraph("Kelurahan paling tertinggal", s["h2"]))
    behind = sorted(data.statuses, key=lambda st: (st.completeness, st.kelurahan_name))[:10]
    rows = [[_head("Kelurahan", s), _head("Kecamatan", s), _head("Kelengkapan", s), _head("Klaster terendah", s)]]
    for st in behind:
        low = min(st.clusters, key=lambda c: c.completeness)
        rows.append([Paragraph(_esc(st.kelurahan_name), s["base"]), Paragraph(_esc(st.kecamatan_name), s["base"]),
                     fmt_pct(st.completeness), Paragraph(f"{_esc(low.name)} ({fmt_pct(low.completeness)})", s["small"])])
    t = Table(rows, colWidths=[40 * mm, 36 * mm, 22 * mm, 82 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (2, 1), (2, -1), "RIGHT")]))
    story.append(t)

    story.append(Paragraph("Indikator yang paling sering belum lengkap", s["h2"]))
    rows = [[_head("No", s), _head("Indikator", s), _head("Klaster", s), _head("Kelurahan belum lengkap", s)]]
    names = dict(data.clusters)
    for no, name, cl, n in data.most_missing()[:10]:
        rows.append([str(no), Paragraph(_esc(name), s["base"]), Paragraph(_esc(cluster_label(cl, names.get(cl, cl))), s["small"]),
                     f"{n} dari {len(data.statuses)}"])
    t = Table(rows, colWidths=[10 * mm, 80 * mm, 40 * mm, 50 * mm], repeatRows=1)
    t.setStyle(_table_style([("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    story.append(t)

    story += [PageBreak(), Paragraph("Kelengkapan kelurahan per klaster", s["h2"])]
    head = [_head("Kelurahan", s), _head("Kecamatan", s)]
    head += [_head(cluster_label(k, n).replace("Klaster ", "Kl. ").replace("Kelembagaan", "Kel."), s)
             for k, n in data.clusters]
    head.append(_head("Total", s))
    rows = [head]
    extra: list[Any] = []
    for st in sorted(data.statuses, key=lambda st: (st.kecamatan_name, st.kelurahan_name)):
        row = [Paragraph(_esc(st.kelurahan_name), s["small"]), Paragraph(_esc(st.kecamatan_name), s["small"])]
        by_key = {c.key: c.completeness for c in st.clusters}
        for j, (k, _n) in enumerate(data.clusters):
            v = by_key.get(k, 0.0)
            row.append(fmt_pct(v))
            shade = "#d8efe0" if v >= 1.0 else ("#fdf0c9" if v >= 0.5 else "#f8dcd3")
            extra.append(("BACKGROUND", (2 + j, len(rows)), (2 + j, len(rows)), colors.HexColor(shade)))
        row.append(fmt_pct(st.completeness))
        rows.append(row)
    n_cl = len(data.clusters)
    cw = (180 - 38 - 32 - 16) / max(1, n_cl)
    t = Table(rows, colWidths=[38 * mm, 32 * mm] + [cw * mm] * n_cl + [16 * mm], repeatRows=1)
    t.setStyle(_table_style(extra + [("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("FONTSIZE", (0, 1), (-1, -1), 7.5),
                                     ("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
                                     ("FONTNAME", (-1, 1), (-1, -1), FONT_BOLD)]))
    story.append(t)
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph("Hijau: lengkap; kuning: 50% atau lebih; merah: di bawah 50%. Perkiraan nilai tidak resmi: "
                           "bobot per indikator tidak dipublikasikan KemenPPPA.", s["muted"]))
    return story


def write_city_pdf(data: CityData, dest: Path, progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> Path:
    """Write the DP3AKB city report (A4) to ``dest``."""
    return _write_report(lambda: city_story(data), dest, "composing_city_report", data.city_name, data.data_year,
                         f"Laporan kemajuan KLA {data.city_name} {data.data_year}", data, progress, cancelled)
