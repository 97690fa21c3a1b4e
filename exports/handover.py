"""Berita Acara Serah Terima: the paper that ties a signed handover to the bundle files.

One paper per export: the kelurahan, the export number, each part's bundle id, file name,
size and SHA-256, what it carries, who hands over and who receives, signature places for
both sides, and a QR code of the **handover digest**. The digest is the SHA-256 of a small
canonical JSON document that DP3AKB can rebuild from its own record of the files it
imported (the bundle log): the kelurahan, the export number, the series and, per part, its
bundle id, SHA-256 and size. ``verify`` finds the export a digest (scanned, or typed: 12 or
more of its characters) belongs to, and says whether every part arrived intact.

The paper is Indonesian whatever the window's language: it is signed by officials.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.progress import Cancelled, Progress
from db.store import Store
from db.sync import BundleLogRecord

FORMAT = "kla-serah-terima"
MIN_TYPED = 12
"""A typed digest needs at least this many characters (one in 16^12 that two exports share them)."""
COUNT_WORDS = {"entry": "isian indikator", "evidence": "data dukung", "activity": "kegiatan/inovasi",
               "facility": "fasilitas", "deleted": "penghapusan"}


@dataclass(frozen=True)
class HandoverPart:
    part: int
    parts: int
    bundle_id: str
    file_name: str
    size: int
    sha256: str
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0


@dataclass(frozen=True)
class Handover:
    kelurahan_code: str
    kelurahan_name: str
    kecamatan_name: str
    city_name: str
    device_seq: int
    series_id: str
    created_at: str
    parts: tuple[HandoverPart, ...]
    operator: str = ""

    @property
    def digest(self) -> str:
        return digest(self.kelurahan_code, self.device_seq, self.series_id,
                      [(p.part, p.parts, p.bundle_id, p.sha256, p.size) for p in self.parts])

    @property
    def total_size(self) -> int:
        return sum(p.size for p in self.parts)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.parts:
            for k, n in p.counts.items():
                out[k] = out.get(k, 0) + int(n)
        return out


def digest(kelurahan: str, device_seq: int, series_id: str,
           parts: Iterable[tuple[int, int, str, str, int]]) -> str:
    """SHA-256 (hex) of the canonical handover document: what both sides can rebuild."""
    doc = {"format": FORMAT, "version": 1, "kelurahan": kelurahan, "seq": int(device_seq), "series": series_id,
           "parts": [[int(p), int(n), b, s, int(z)] for p, n, b, s, z in sorted(parts)]}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _series(log: Iterable[BundleLogRecord], direction: str) -> dict[str, list[BundleLogRecord]]:
    by: dict[str, list[BundleLogRecord]] = {}
    for b in log:
        if b.direction == direction and b.type == "bundle" and b.series_id:
            by.setdefault(b.series_id, []).append(b)
    for parts in by.values():
        parts.sort(key=lambda b: b.part)
    return by


def from_log(store: Store, series_id: str | None = None) -> Handover:
    """The handover of one export written by this kelurahan workspace (the newest when None)."""
    if store.role != "kelurahan":
        raise KlaError("role_mismatch", needed="kelurahan", role=store.role)
    log = store.sync.bundle_log("out")
    by = _series(log, "out")
    if series_id is None:
        if not by:
            raise KlaError("handover_no_export")
        # The export number only grows (never rewound); two exports may share a second.
        series_id = max(by.values(), key=lambda rows: (rows[0].device_seq, rows[0].recorded_at))[0].series_id
    rows = by.get(series_id)
    if not rows:
        raise KlaError("handover_no_export")
    kel = store.kelurahan(store.kelurahan_code)
    parts = tuple(HandoverPart(b.part, b.parts, b.bundle_id, b.file_name, b.size, b.file_sha256,
                               dict(b.summary.get("counts", {})), int(b.summary.get("files", 0))) for b in rows)
    return Handover(kel.code, kel.name, store.unit(kel.parent_code or "").name, store.unit(store.city_code).name,
                    rows[0].device_seq, series_id, rows[0].created_at, parts, store.operator)


# ---------------------------------------------------------------------------- DP3AKB's check


@dataclass(frozen=True)
class HandoverCheck:
    """What DP3AKB's bundle log says about a digest."""

    digest: str  # as given, cleaned
    found: bool
    kelurahan_code: str = ""
    kelurahan_name: str = ""
    device_seq: int = 0
    parts: int = 0
    received: tuple[int, ...] = ()
    imported_at: str = ""
    full_digest: str = ""
    incomplete: tuple[tuple[str, str, int, tuple[int, ...], int], ...] = ()
    """When not found: exports still missing parts, (kelurahan code, name, export no, received, of)."""


def clean_digest(text: str) -> str:
    """What a person typed or a scanner gave: spaces, dashes and case do not matter."""
    s = re.sub(r"[\s\-:]", "", str(text)).lower()
    if s.startswith(FORMAT.replace("-", "")):
        s = s[len(FORMAT.replace("-", "")):]
    if not re.fullmatch(r"[0-9a-f]+", s or "x"):
        raise KlaError("handover_digest_invalid", digest=str(text)[:80])
    if len(s) < MIN_TYPED:
        raise KlaError("handover_digest_short", digest=s, need=MIN_TYPED)
    return s


def verify(store: Store, text: str) -> HandoverCheck:
    """Match a handover digest against the exports DP3AKB imported (every part, same SHA-256 and size)."""
    if store.role != "city":
        raise KlaError("role_needs_city")
    wanted = clean_digest(text)
    by = _series(store.sync.bundle_log("in"), "in")
    names = {u.code: u.name for u in store.units("kelurahan")}
    incomplete = []
    for series_id, rows in by.items():
        first = rows[0]
        got = sorted({b.part for b in rows})
        if len(got) < first.parts:
            incomplete.append((first.kelurahan_code, names.get(first.kelurahan_code, first.kelurahan_code),
                               first.device_seq, tuple(got), first.parts))
            continue
        full = digest(first.kelurahan_code, first.device_seq, series_id,
                      [(b.part, b.parts, b.bundle_id, b.file_sha256, b.size) for b in rows])
        if full.startswith(wanted):
            return HandoverCheck(wanted, True, first.kelurahan_code, names.get(first.kelurahan_code, ""),
                                 first.device_seq, first.parts, tuple(got), max(b.recorded_at for b in rows), full)
    return HandoverCheck(wanted, False, incomplete=tuple(sorted(incomplete)))


# ---------------------------------------------------------------------------- the paper


def _qr_flowable(text: str, size: float) -> Any:
    """The QR code of ``text`` drawn as vector squares (crisp on any printer; no image library)."""
    import segno
    from reportlab.platypus import Flowable

    qr = segno.make_qr(text, error="m")
    matrix = [list(row) for row in qr.matrix]
    quiet = 4
    n = len(matrix) + 2 * quiet

    class QR(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.width = self.height = size

        def draw(self) -> None:
            c = self.canv
            cell = size / n
            c.setFillColorRGB(0, 0, 0)
            for y, row in enumerate(matrix):
                for x, dark in enumerate(row):
                    if dark:
                        c.rect((x + quiet) * cell, size - (y + quiet + 1) * cell, cell, cell, stroke=0, fill=1)

    return QR()


def grouped(hexdigest: str, size: int = 4) -> str:
    """'3f2a 9c1b …': a digest a person can read aloud and type."""
    return " ".join(hexdigest[i:i + size] for i in range(0, len(hexdigest), size))


def handover_story(h: Handover, printed: dt.datetime) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from exports import paper

    s = paper._styles()
    esc = paper._esc
    width = 180 * mm
    d = h.digest
    unit = esc(paper.unit_title(h.kelurahan_code, h.kelurahan_name))  # "Desa Perian", "Kelurahan Manggar"
    out: list[Any] = [
        Paragraph("BERITA ACARA SERAH TERIMA DATA KLA", s["title"]),
        Paragraph(f"Kiriman data Kabupaten/Kota Layak Anak {unit} kepada DP3AKB "
                  f"{esc(h.city_name)}", s["subtitle"]),
        Paragraph(f"Pada hari ini, tanggal ............................................, kami yang bertanda tangan "
                  f"di bawah ini telah menyerahkan dan menerima kiriman data KLA {unit} "
                  f"(Kecamatan {esc(h.kecamatan_name)}) nomor kiriman {h.device_seq}, dibuat "
                  f"{paper._printed(_local(h.created_at))}, dalam {len(h.parts)} berkas, dengan rincian berikut.",
                  s["base"]),
        Spacer(1, 3 * mm),
    ]
    rows = [[paper._head(x, s) for x in ("Bagian", "Nama berkas", "Ukuran", "SHA-256 berkas")]]
    for p in h.parts:
        rows.append([Paragraph(f"{p.part} dari {p.parts}", s["small"]), Paragraph(esc(p.file_name), s["small"]),
                     Paragraph(f"{paper.fmt_int(p.size)} bita", s["small"]),
                     Paragraph(f"<font name='Courier' size='9'>{grouped(p.sha256, 8)}</font>", s["small"])])
    t = Table(rows, colWidths=[18 * mm, 62 * mm, 24 * mm, 76 * mm], repeatRows=1)
    t.setStyle(paper._table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
    out.append(t)
    counts = h.counts()
    carried = ", ".join(f"{n} {COUNT_WORDS.get(k, k)}" for k, n in counts.items() if n) or "–"
    ids = "; ".join(f"bagian {p.part}: {p.bundle_id}" for p in h.parts)
    out += [Spacer(1, 2 * mm),
            Paragraph(f"<b>Isi kiriman:</b> {esc(carried)}. <b>Jumlah ukuran:</b> {paper.fmt_int(h.total_size)} "
                      "bita.", s["base"]),
            Paragraph(f"<b>Nomor pengenal kiriman (bundle id):</b> {esc(ids)}", s["small"]),
            Spacer(1, 4 * mm)]
    check = Table([[_qr_flowable(d, 42 * mm), [
        Paragraph("<b>Kode pemeriksaan serah terima</b>", s["base"]),
        Paragraph(f"<font name='Courier' size='10'>{grouped(d)}</font>", s["base"]),
        Spacer(1, 2 * mm),
        Paragraph("DP3AKB memeriksa lembar ini terhadap berkas yang sudah diimpor: pindai kode QR atau ketik "
                  f"paling sedikit {MIN_TYPED} huruf pertama kode di atas di KLA Desktop (Kotak Masuk → Periksa berita "
                  f"acara), atau dengan perintah <font name='Courier'>kla city verify-handover {d[:16]}</font>. "
                  "Kode hanya cocok bila semua bagian sudah diterima utuh.", s["small"]),
        Paragraph("Berkas di flashdisk dapat diperiksa sendiri dengan <font name='Courier'>sha256sum</font> "
                  "(Linux) atau <font name='Courier'>certutil -hashfile NAMA SHA256</font> (Windows): hasilnya harus "
                  "sama dengan kolom SHA-256 di atas.", s["small"])]]],
        colWidths=[48 * mm, 132 * mm])
    check.setStyle(paper._table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.8, "black")],
                                        header=False))
    out.append(check)
    place = h.city_name.replace("Kota ", "").replace("Kabupaten ", "")
    out.append(paper.signature_block(s, place, ("Yang menyerahkan,", paper.unit_title(h.kelurahan_code, h.kelurahan_name), h.operator),
                                       ("Yang menerima,", f"DP3AKB {h.city_name}", ""), width))
    return out


def _local(stamp: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None)
    except ValueError:
        return dt.datetime.now()


def write_handover_pdf(h: Handover, dest: Path, *, app_version: str = "", now: dt.datetime | None = None,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> Path:
    """The Berita Acara Serah Terima of one export (A4, one page)."""
    from db.progress import step
    from exports import paper

    printed = now or dt.datetime.now()
    if progress:
        progress(0, 2, step("composing_sheet"))
    story = handover_story(h, printed)
    if progress:
        progress(1, 2, step("writing_pdf"))
    version = f" {app_version}" if app_version else ""
    footer = (f"Dicetak dari KLA Desktop{version} – {paper.unit_title(h.kelurahan_code, h.kelurahan_name)}, kiriman no. {h.device_seq} – "
              f"{paper.fmt_date_long(printed.date())}")
    out = paper._build_pdf(Path(dest), story, footer, f"Berita acara serah terima KLA {h.kelurahan_name} "
                             f"no. {h.device_seq}", h.operator, cancelled)
    if progress:
        progress(2, 2, step("done"))
    return out
