"""A realistic, deterministic demo workspace.

``create_demo(home)`` makes a DP3AKB (city) workspace holding all 34 Balikpapan
kelurahan; ``create_demo(home, city_code="64.02")`` does the same for any kabupaten/kota of
the reference data (Kutai Kartanegara: 237 desa and kelurahan); ``create_demo(home,
kelurahan_code=...)`` makes one desa/kelurahan's own workspace with the same data it has in
its kab/kota's demo. The same seed gives the same values, files and hashes every time. Some
units are far along, some barely started; a desa is smaller than a city's kelurahan.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

from db import orgunits, regions
from db.core import fsync_dir
from db.errors import KlaError
from db.progress import Progress, step
from db.store import FACILITY_TYPES, Store
from db.template import Indicator, Item, Template

KIND_WORDS = {"desa": "Desa", "kelurahan": "Kelurahan"}
EVIDENCE_SLUGS = {"regulation": "peraturan", "sk": "sk", "photo": "foto", "video": "video", "minutes": "notulen",
                  "certificate": "sertifikat", "data_table": "tabel-data", "report": "laporan", "other": "lainnya"}
"""The kind of a generated file in its name, in Indonesian (the names are what the clerk sees)."""
KIND_ABBREV = {"desa": "DS", "kelurahan": "KEL"}
HEAD_OF = {"desa": "Kepala Desa", "kelurahan": "Lurah"}
PARTNER_CHOICES = ["puskesmas", "sekolah", "forum_anak", "patbm", "dinsos", "tp_pkk", "dunia_usaha", "media", "rt_rw"]
ACTIVITY_TITLES = [
    ("kegiatan", "Sosialisasi pencegahan perkawinan anak", [7]),
    ("kegiatan", "Pelayanan akta kelahiran keliling", [4]),
    ("kegiatan", "Musrenbang anak tingkat {unit}", [6, 1]),
    ("kegiatan", "Kelas ibu balita dan demo PMBA", [14, 13]),
    ("kegiatan", "Penimbangan serentak dan pemantauan stunting", [13]),
    ("kegiatan", "Pelatihan konvensi hak anak untuk kader PATBM", [21, 2]),
    ("inovasi", "Pojok baca anak di kantor {unit}", [5]),
    ("inovasi", "Kampung tanpa asap rokok", [17]),
    ("kegiatan", "Lomba kreativitas anak Hari Anak Nasional", [20, 6]),
    ("inovasi", "Layanan konsultasi keluarga setiap Jumat", [8]),
    ("kegiatan", "Gotong royong taman bermain ramah anak", [11]),
    ("kegiatan", "Razia jam belajar dan pendataan anak putus sekolah", [18]),
]
FACILITY_NAMES = {
    "rbra": "Taman Bermain {kel}",
    "pisa": "Pojok Baca Sahabat Anak {kel}",
    "puspaga": "Pos Konsultasi Keluarga {kel}",
    "posyandu": "Posyandu Melati {kel}",
    "paud": "PAUD Tunas Harapan {kel}",
    "forum_anak": "Sekretariat Forum Anak {kel}",
    "patbm": "Pos PATBM {kel}",
    "rumah_ibadah_ramah_anak": "Masjid Ramah Anak {kel}",
    "sra": "SD Negeri {kel}",
}


# ---------------------------------------------------------------------------- files


def make_png(path: Path, seed: int, width: int = 240, height: int = 160) -> None:
    """A small deterministic PNG (colour bands), written with the standard library."""
    rng = random.Random(seed)
    colours = [(rng.randrange(60, 250), rng.randrange(60, 250), rng.randrange(60, 250)) for _ in range(6)]
    cache: dict[tuple[int, int], bytes] = {}  # a row depends only on its band and checker parity
    rows = []
    for y in range(height):
        key = ((y * len(colours)) // height, (y // 20) % 2)
        if key not in cache:
            band = colours[key[0]]
            # Squares 20 pixels wide, alternating the band colour and a darker one.
            plain = bytes(band)
            dark = bytes(max(0, c - 30) for c in band)
            px = b"".join((dark if (x // 20 + key[1]) % 2 else plain) for x in range(width))
            cache[key] = b"\x00" + px
        rows.append(cache[key])
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    path.write_bytes(png)


def make_pdf(path: Path, title: str, lines: list[str], header: str = "PEMERINTAH KOTA BALIKPAPAN") -> None:
    """A one-page deterministic PDF: A4, Helvetica, a heading, a title and a few lines.

    Written by hand (PDF 1.4, the standard Helvetica fonts, no timestamps): thousands of these
    make a kabupaten's demo, and reportlab takes 4 ms each where this takes a few microseconds.
    """
    def text(s: str) -> str:
        # WinAnsi for Latin letters; parentheses and backslashes escaped as PDF strings want.
        raw = s.encode("cp1252", "replace").decode("latin-1")
        return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    w, h = 595.2756, 841.8898

    def centred(font: str, size: int, y: float, s: str) -> str:
        # Helvetica's average width is close to half the size for these capitals-heavy titles.
        x = max(36.0, (w - 0.6 * size * len(s)) / 2)
        return f"BT /{font} {size} Tf {x:.1f} {y:.1f} Td ({text(s)}) Tj ET"

    ops = [centred("F2", 14, h - 72, header), centred("F2", 12, h - 100, title)]
    y = h - 140
    for line in lines:
        ops.append(f"BT /F1 10 Tf 72 {y:.1f} Td ({text(line)}) Tj ET")
        y -= 16
    ops.append(f"BT /F3 8 Tf 72 50 Td ({text('Dokumen contoh yang dibuat oleh KLA Desktop (data contoh, bukan dokumen resmi).')}) Tj ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Contents 4 0 R "
         "/Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> >>").encode("ascii"),
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


# ---------------------------------------------------------------------------- values


def _population(rng: random.Random, kind: str = "kelurahan") -> int:
    # A kelurahan of a city is larger than most desa of a kabupaten.
    return rng.randrange(4000, 26000) if kind == "kelurahan" else rng.randrange(800, 7000)


def _not_after(d: dt.date, today: dt.date) -> dt.date:
    """A drawn date that falls after the day the demo is made, folded back into the part of its
    year already past: no demo activity, document or date is in the future, and the same seed on
    the same day gives the same dates. A year not begun yet keeps the draw (it has no past)."""
    if d <= today:
        return d
    start = dt.date(d.year, 1, 1)
    if today < start:
        return d
    return start + dt.timedelta(days=(d - start).days % ((today - start).days + 1))


def _value_for(item: Item, rng: random.Random, base: dict[str, Any], year: int, today: dt.date | None = None) -> Any:
    if item.type == "yes_no":
        return rng.random() < 0.7
    if item.type == "choice":
        return rng.choice(item.choices).key
    if item.type == "amount":
        return rng.randrange(5, 200) * 1_000_000
    if item.type == "date":
        return _not_after(dt.date(year, rng.randrange(1, 13), rng.randrange(1, 29)), today or dt.date.today()).isoformat()
    if item.type == "text":
        return f"{rng.randrange(1, 99)}/{rng.choice(['SK', 'SE', 'KEP'])}-KEL/{year}"
    return None


def _fill_indicator(
    store: Store, t: Template, ind: Indicator, kel: str, year: int, rng: random.Random, level: float, pop: int,
    before: dict[tuple[str, str, str], int] | None = None, today: dt.date | None = None,
) -> int:
    """Fill an indicator's items; wholes before parts so parts never exceed wholes. One write per indicator.

    ``before``: the previous data year's counts of this indicator (filled in here for the next
    year). A count that has one moves from it by a few percent (about one in thirty is counted afresh,
    so a new user meets the odd real jump), and a part keeps about its share of the whole, as a
    kelurahan's figures do from one year to the next: drawn afresh each year, dozens of them
    tripped the "changed more than twice from last year" check a new user meets first.
    """
    values: dict[tuple[str, str, str], int] = {}
    before = {} if before is None else before
    last = dict(before)
    drift = random.Random(f"{kel}/{ind.no}/{year}")  # year-to-year moves, apart from rng
    cells: list[tuple[str, str, str, Any]] = []
    ordered = sorted(ind.items, key=lambda it: _depth(ind, it))
    for it in ordered:
        if it.computed:
            continue
        if rng.random() > level + (0.25 if it.required else 0.0):
            continue
        if it.type == "count":
            for s, a in t.cells(it):
                # Drawn as ever (the same draws of ``rng``, so which indicators and items a demo fills
                # stays as it was), then moved from last year's when there is one (its own generator).
                old = last.get((it.key, s, a))
                if it.part_of:
                    whole = values.get((it.part_of, s, a))
                    if whole is None:
                        continue
                    lo, hi = _part_share(it.key)
                    v = int(whole * rng.uniform(lo, hi))
                    old_whole = last.get((it.part_of, s, a))
                    if old is not None and old_whole:
                        v = min(whole, round(whole * old / old_whole * drift.uniform(0.95, 1.05)))
                else:
                    v = _count(t, it, a, rng, pop)
                    if old is not None and drift.random() > 0.03:
                        v = max(0, round(old * drift.uniform(0.9, 1.15)))
                values[(it.key, s, a)] = v
                cells.append((it.key, s, a, v))
        else:
            v = _value_for(it, rng, {}, year, today)
            if v is not None:
                cells.append((it.key, "", "", v))
    if cells:
        store.set_values(kel, year, ind.no, cells)
    before.clear()
    before.update(values)
    return len(cells)


# Plausible sizes for a kelurahan of ``pop`` people: population-like counts as a share of
# the population (spread over the cells), activity-like counts in small ranges.
POP_SHARE = {
    "anak_total": 0.30, "anak_usia_paud": 0.06, "balita_diukur": 0.08, "bayi_0_5": 0.008,
    "bayi_sasaran_imunisasi": 0.016, "persalinan_total": 0.016, "rumah_tangga": 0.27,
    "anak_usia_sekolah": 0.17, "menikah_total": 0.008, "anak_disabilitas": 0.003,
}
RANGES = {
    "koleksi_buku": (100, 1500), "kunjungan_anak": (150, 1500), "anggota_forum": (8, 30),
    "anak_musrenbang": (4, 20), "anak_memberi_masukan": (5, 30), "peserta_parenting": (10, 60),
    "peserta_kegiatan": (5, 40), "guru_terlatih_kha": (2, 15), "keluarga_dilayani": (5, 120),
    "korban_kekerasan": (0, 4), "anak_perlu_layanan": (0, 3), "abh": (0, 3), "pekerja_anak": (0, 3),
    "kematian_bayi": (0, 2), "dispensasi_kawin": (0, 4), "anak_korban_terorisme": (0, 1),
    "anak_korban_stigma": (0, 2), "anak_di_lksa": (0, 8), "anak_keluarga_pengganti": (0, 4),
    "anak_diangkat": (0, 2), "anak_kejar_paket": (0, 10), "tempat_ktr": (2, 25),
}
# Parts that are good outcomes are most of their whole; bad outcomes a small share.
LOW_PARTS = ("stunting", "gizi", "putus", "menikah_anak", "bab_sembarangan")


# How many years of age each band spans, so that a 2-month band holds fewer children
# than a 7-year one.
BAND_YEARS = {
    "0-60h": 0.16, "61h-1": 0.84, "1-4": 4, "5-11": 7, "12-17": 6, "0-4": 5, "0-5b": 0.5, "6-23b": 1.5,
    "24-59b": 3, "3-4": 2, "5-6": 2, "7-12": 6, "13-15": 3, "16-17": 2,
}


def _count(t: Template, it: Item, age: str, rng: random.Random, pop: int) -> int:
    if it.key in POP_SHARE:
        total = pop * POP_SHARE[it.key] / (2 if it.sex else 1)
        if it.age:
            years = [BAND_YEARS.get(b.key, 1) for b in t.age_bands[it.age]]
            total *= BAND_YEARS.get(age, 1) / sum(years)
        return max(0, int(rng.gauss(total, total * 0.1)))
    lo, hi = RANGES.get(it.key, (0, 12))
    return rng.randint(lo, hi)


def _part_share(key: str) -> tuple[float, float]:
    if "gizi_buruk" in key:
        return 0.0, 0.02
    if any(word in key for word in LOW_PARTS):
        return 0.0, 0.1
    return 0.6, 0.99


def _depth(ind: Indicator, it: Item) -> int:
    d, cur = 0, it
    while cur.part_of and d < 10:
        cur = ind.item(cur.part_of)
        d += 1
    return d


# ---------------------------------------------------------------------------- main


def create_demo(
    home: Path, seed: int = 1, kelurahan_code: str | None = None, progress: Progress | None = None,
    city_code: str | None = None, today: dt.date | None = None,
) -> dict[str, Any]:
    """Create the demo workspace in ``home`` (must not hold a workspace yet).

    ``city_code`` picks any kabupaten/kota of the reference data (default Kota Balikpapan);
    ``kelurahan_code`` makes that one desa/kelurahan's own workspace instead (its kab/kota
    follows from the code), with the data it has in its kab/kota's demo. No date it records is
    after ``today`` (default: the day it is made).

    The workspace is built in a sibling folder and renamed into place at the end, so an
    interrupted or cancelled demo (an exception from ``progress``) never leaves a
    half-made workspace that a later start would open.
    """
    home = Path(home)
    if Store.exists(home):
        raise KlaError("workspace_exists", home=str(home))
    if home.exists() and any(home.iterdir()):
        raise KlaError("folder_not_empty", home=str(home))
    building = home.with_name(home.name + ".membuat")
    if building.exists():
        shutil.rmtree(building)
    try:
        summary = _build(building, seed, kelurahan_code, progress, city_code, today or dt.date.today())
        _sync_tree(building)
        if home.exists():
            home.rmdir()
        os.replace(building, home)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return summary


def _build(home: Path, seed: int, kelurahan_code: str | None, progress: Progress | None,
           city_code: str | None = None, today: dt.date | None = None) -> dict[str, Any]:
    today = today or dt.date.today()
    if kelurahan_code:
        city_code = kelurahan_code.rsplit(".", 2)[0]
    city_code = city_code or orgunits.BALIKPAPAN_CODE
    all_units = orgunits.city_units(city_code)
    units = [u for u in all_units if u.level == "kelurahan"]
    city_name = all_units[0].name
    if kelurahan_code:
        store = Store.create(home, "kelurahan", kelurahan_code=kelurahan_code, operator="Petugas Contoh")
    else:
        store = Store.create(home, "city", city_code=city_code, operator="Admin DP3AKB Contoh")
    # A kabupaten of hundreds of desa shares a pool of generated documents and photos (a few
    # variants of each) instead of making thousands; every unit still gets its own evidence
    # records, captions, dates and numbers. Balikpapan's 34 keep one file each.
    pooled = len(units) > POOL_ABOVE
    # Built in a scratch folder that is synced once before it is renamed into place
    # (create_demo): no fsync per generated file.
    store.evidence_.sync_each_file = False
    header = f"PEMERINTAH {city_name.upper()}"
    # Facilities near Balikpapan for Balikpapan; elsewhere a stand-in spot (the demo has no map data).
    centre = (-1.28, 116.85) if city_code == orgunits.BALIKPAPAN_CODE else (-0.5, 117.1)
    t = store.template
    period = store.current_period(dt.date(2026, 11, 1))
    gen_dir = home / "tmp" / "demo-files"
    gen_dir.mkdir(parents=True, exist_ok=True)
    # Progress levels spread from barely started to nearly done, shuffled over kelurahan
    # by the seed so the same seed always gives the same picture.
    order = random.Random(seed).sample(range(len(units)), len(units))
    levels = {u.code: 0.04 + 0.92 * (order[i] / (len(units) - 1)) for i, u in enumerate(units)}
    targets = [u for u in units if not kelurahan_code or u.code == kelurahan_code]
    if not kelurahan_code:
        # A few kelurahan have sent nothing yet: DP3AKB's chase list starts with them.
        targets = [u for u in targets if levels[u.code] >= SILENT_BELOW]
    summary: dict[str, Any] = {"kelurahan": len(targets), "values": 0, "evidence": 0, "activities": 0,
                               "facilities": 0, "role": store.role, "years": list(period.data_years)}
    try:
        for k, unit in enumerate(targets, 1):
            if progress:
                progress(k - 1, len(targets), step("making_demo", name=unit.name))
            rng = random.Random(f"{seed}/{unit.code}")
            level = levels[unit.code]
            kind = regions.kind_of(unit.code)
            kind_word = KIND_WORDS[kind]
            pop = _population(rng, kind)
            counts: dict[int, dict[tuple[str, str, str], int]] = {}  # the previous year's, per indicator
            with store.transaction():
                for year in sorted(period.data_years):
                    # The older data year is further along than the current one.
                    lvl = min(0.98, level + 0.12) if year == min(period.data_years) else level
                    for ind in t.indicators:
                        if rng.random() > lvl + 0.1:
                            continue
                        summary["values"] += _fill_indicator(store, t, ind, unit.code, year, rng, lvl, pop,
                                                             counts.setdefault(ind.no, {}), today)
                        for req in ind.evidence:
                            if rng.random() > lvl:
                                continue
                            for c in range(req.min_count):
                                # Drawn for documents only, as before: the same seed keeps giving the same demo.
                                number = rng.randrange(1, 300) if req.kind != "photo" else 0
                                f = _evidence_file(gen_dir, seed, unit, kind, year, ind, req, c, number, header,
                                                   pooled)
                                store.add_evidence(
                                    unit.code, f, links=[(year, ind.no)], kind=req.kind,
                                    caption=f"{req.label} — {unit.name} {year}",
                                    doc_date=_not_after(dt.date(year, rng.randrange(1, 13), rng.randrange(1, 28)),
                                                        today).isoformat(),
                                    doc_number=(f"{rng.randrange(1, 300)}/{KIND_ABBREV[kind]}/{year}"
                                                if req.kind != "photo" else ""),
                                    issuer=f"{HEAD_OF[kind]} {unit.name}" if req.kind in ("sk", "regulation") else "",
                                )
                                summary["evidence"] += 1
                                if not pooled:
                                    f.unlink()
                        if rng.random() < lvl * 0.8:
                            st = store.indicator_status(unit.code, year, ind.no)
                            if not st.missing_items and not st.problems:
                                store.set_status(unit.code, year, ind.no, "ready")
                    for kind_, title_, inds in rng.sample(ACTIVITY_TITLES, int(lvl * 6)):
                        title = title_.format(unit=kind)
                        store.add_activity(
                            unit.code, year, title, kind=kind_,
                            date=_not_after(dt.date(year, rng.randrange(1, 13), rng.randrange(1, 28)), today).isoformat(),
                            description=f"{title} di {kind_word} {unit.name} bersama warga dan mitra.",
                            partners=rng.sample(PARTNER_CHOICES, 2), indicators=inds,
                        )
                        summary["activities"] += 1
                for ftype in rng.sample(sorted(FACILITY_NAMES), 1 + int(level * 4)):
                    assert ftype in FACILITY_TYPES
                    store.add_facility(
                        unit.code, FACILITY_NAMES[ftype].format(kel=unit.name), ftype,
                        address=f"Jl. {rng.choice(['Mawar', 'Melati', 'Anggrek', 'Cempaka'])} No. {rng.randrange(1, 90)}, "
                                f"{unit.name}",
                        latitude=round(centre[0] + rng.uniform(-0.06, 0.06), 5),
                        longitude=round(centre[1] + rng.uniform(-0.08, 0.12), 5),
                        standardisation=rng.choice(["belum", "proses", "terstandar"]),
                    )
                    summary["facilities"] += 1
        if not kelurahan_code:
            _city_history(store, targets, levels, period, seed)
        if progress:
            progress(len(targets), len(targets), step("done"))
    finally:
        store.close()
        shutil.rmtree(gen_dir, ignore_errors=True)
    return summary


SILENT_BELOW = 0.1
"""City demo: kelurahan below this level have sent nothing."""
CONTACT_NAMES = ["Rina", "Agus", "Siti", "Dedi", "Wulan", "Yusuf", "Fitri", "Hendra", "Nurul", "Bambang"]
REVIEW_NOTES = ["Lengkapi data umur 12–<18 tahun.", "Lampirkan SK yang sudah ditandatangani.",
                "Angka tahun ini jauh berbeda dari tahun lalu; mohon diperiksa."]


def _city_history(store: Store, units: list[Any], levels: dict[str, float], period: Any, seed: int) -> None:
    """What a DP3AKB workspace would have seen by November 2026: the bundles each kelurahan
    sent (those further along sent more recently), receipts for most, a few indicators sent
    back for revision, the submission deadline and contact persons."""
    from db.sync import BundleLogRecord

    rng = random.Random(f"{seed}/history")
    start = dt.datetime(2026, 10, 1, 1, 30, tzinfo=dt.UTC)
    with store.transaction():
        for n, u in enumerate(units):
            level = levels[u.code]
            sent = start + dt.timedelta(days=int(level * 55), hours=rng.randrange(0, 8))
            device = f"{zlib.crc32(u.code.encode()):08x}" * 4
            bid = f"{zlib.crc32(f'{seed}/{u.code}/b'.encode()):08x}" * 4
            store.sync.record_bundle(BundleLogRecord(
                bid, "in", "bundle", u.code, device, 1 + int(level * 4), bid[::-1], 1, 1,
                f"KLA-{u.code}-{sent:%Y%m%d}-0001-bagian-1-dari-1.kla", "", 40_000 + int(level * 900_000),
                sent.isoformat(timespec="milliseconds"), (sent + dt.timedelta(days=1)).isoformat(timespec="milliseconds"),
                {"counts": {}}))
            if level > 0.45:
                receipt = sent + dt.timedelta(days=2)
                rid = f"{zlib.crc32(f'{seed}/{u.code}/r'.encode()):08x}" * 4
                store.sync.record_bundle(BundleLogRecord(
                    rid, "out", "receipt", u.code, "", 1, "", 1, 1, f"KLA-tanda-terima-{u.code}-{receipt:%Y%m%d}-0001.kla",
                    "", 9_000, receipt.isoformat(timespec="milliseconds"), receipt.isoformat(timespec="milliseconds"),
                    {}))
            if n % 3 == 0:
                name = CONTACT_NAMES[n % len(CONTACT_NAMES)]
                store.set_contact(u.code, name=f"{name} (operator {KIND_WORDS[regions.kind_of(u.code)]} {u.name})",
                                  phone=f"0812-{5000 + n * 37:04d}-{1000 + n * 211 % 9000:04d}")
            if n % 5 == 1:
                year = max(period.data_years)
                for e in store.entries(u.code, year)[:1]:
                    store.set_review(u.code, year, e.indicator_no, "perlu_perbaikan", REVIEW_NOTES[n % 3])
        store.set_deadline(period.eval_year, dt.date(period.eval_year, 1, 15))


POOL_ABOVE = 60
"""A demo for a kab/kota with more units than this shares its generated files (``POOL_VARIANTS`` each)."""
POOL_VARIANTS = 6


def _evidence_file(gen_dir: Path, seed: int, unit: Any, kind: str, year: int, ind: Indicator, req: Any, c: int,
                   number: int, header: str, pooled: bool) -> Path:
    """The generated photo or document for one piece of evidence (made once per variant when pooled)."""
    if pooled:
        variant = zlib.crc32(unit.code.encode()) % POOL_VARIANTS
        stem = f"v{variant}-{year}-{ind.no}-{EVIDENCE_SLUGS.get(req.kind, req.kind)}-{c}"
        lines = ["Dokumen contoh untuk desa dan kelurahan di wilayah ini", f"Indikator {ind.no}: {ind.short_name}",
                 f"Tahun data {year}", f"Nomor: {variant + 1}/{year}"]
    else:
        stem = f"{unit.code}-{year}-{ind.no}-{EVIDENCE_SLUGS.get(req.kind, req.kind)}-{c}"
        lines = [f"{KIND_WORDS[kind]} {unit.name} ({unit.code})", f"Indikator {ind.no}: {ind.short_name}",
                 f"Tahun data {year}", f"Nomor: {number}/{KIND_ABBREV[kind]}-{unit.code[-4:]}/{year}"]
    f = gen_dir / (f"foto-{stem}.png" if req.kind == "photo" else f"dok-{stem}.pdf")
    if pooled and f.exists():
        return f
    if req.kind == "photo":
        make_png(f, hash_seed(seed, stem))
    else:
        make_pdf(f, req.label.upper()[:70], lines, header=header)
    return f


def _sync_tree(root: Path) -> None:
    """Flush every file of a freshly built workspace to disk (the files were written without fsync)."""
    if hasattr(os, "sync"):  # POSIX: one call flushes them all
        os.sync()
        return
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with open(path, "rb+") as fh:
                os.fsync(fh.fileno())
    for folder in sorted({p.parent for p in root.rglob("*")} | {root}):
        fsync_dir(folder)


def hash_seed(seed: int, stem: str) -> int:
    return zlib.crc32(f"{seed}/{stem}".encode())
