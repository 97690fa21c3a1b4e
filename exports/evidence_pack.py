"""Evidence pack: every document of a data year in folders a verifier recognises.

``Klaster I/4. Akta Kelahiran/<file>`` for one kelurahan, or
``<Kelurahan> (<code>)/Klaster I/4. Akta Kelahiran/<file>`` for the whole city, plus
``daftar-isi.csv`` and ``daftar-isi.html`` listing every file with its indicator, caption,
date and SHA-256. Files are streamed from the workspace into the zip (never read whole
into memory); the zip is written to a temporary name, re-opened and checked, then renamed.
A document linked to two indicators appears in both folders.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.progress import Cancelled, Progress, step
from db.store import Store
from exports.cells import csv_text
from exports.names import display_name, safe_file_name
from exports.paper import fmt_size, unit_title
from exports.reports import EVIDENCE_WORDS, _check, fmt_date_long, write_safely

STORED = ("image/", "application/pdf", "application/zip", "video/", "audio/")
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PackEntry:
    arcname: str
    source: Path
    kelurahan_code: str
    kelurahan_name: str
    indicator_no: int
    indicator: str
    cluster: str
    original_name: str
    kind: str
    caption: str
    doc_date: str
    sha256: str
    size: int
    mime: str


@dataclass(frozen=True)
class PackResult:
    path: Path
    files: int
    kelurahan: int
    size: int


def _clean(name: str) -> str:
    """A name safe in a zip unpacked on Windows (:func:`exports.names.safe_file_name`): no
    separators, reserved characters, device names (``CON``, ``aux.txt``), trailing dots or
    spaces, control characters or bidirectional overrides (``gpj.exe`` shown as ``exe.jpg``)."""
    return safe_file_name(name)


def plan_pack(store: Store, year: int, kelurahan_code: str | None = None) -> list[PackEntry]:
    """The files of the pack and where each goes (raises KlaError for a bad year or kelurahan)."""
    store.period_for_data_year(year)
    t = store.template
    if store.role == "kelurahan" or kelurahan_code:
        codes = [store.kel(kelurahan_code)]
    else:
        codes = [u.code for u in store.units("kelurahan")]
    city = len(codes) > 1
    clusters = {c.key: c.name.split(":")[0].strip() for c in t.clusters}
    entries: list[PackEntry] = []
    for code in codes:
        unit = store.kelurahan(code)
        top = f"{_clean(unit.name)} ({code})/" if city else ""
        used: set[str] = set()
        for e in store.evidence_list(code, year):
            for y, no in sorted(e.links):
                if y != year:
                    continue
                ind = t.indicator(no)
                folder = f"{top}{clusters.get(ind.cluster, ind.cluster)}/{no}. {_clean(ind.short_name)}/"
                name = _clean(e.original_name)
                arc = folder + name
                n = 2
                while arc.lower() in used:  # two documents with one name: keep both
                    stem, dot, ext = name.rpartition(".")
                    arc = folder + (f"{stem} ({n}).{ext}" if dot else f"{name} ({n})")
                    n += 1
                used.add(arc.lower())
                entries.append(PackEntry(arc, store.evidence_path(e), code, unit.name, no, ind.short_name,
                                         clusters.get(ind.cluster, ind.cluster), e.original_name, e.kind, e.caption,
                                         e.doc_date or "", e.sha256, e.size, e.mime))
    return entries


INDEX_HEADERS = ("Berkas dalam paket", "Kode wilayah", "Desa/kelurahan", "Klaster", "No. indikator", "Indikator",
                 "Nama berkas asli", "Jenis", "Keterangan", "Tanggal dokumen", "Ukuran", "Sidik SHA-256")


def _index_csv(entries: list[PackEntry]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    # Headers a clerk reads in Excel, not field names.
    w.writerow(INDEX_HEADERS)
    for e in entries:
        # Opened in Excel (hence the BOM): no cell may run as a formula (exports.cells).
        w.writerow([csv_text(v) for v in (
            e.arcname, e.kelurahan_code, e.kelurahan_name, e.cluster, e.indicator_no, e.indicator,
            display_name(e.original_name), EVIDENCE_WORDS.get(e.kind, e.kind), e.caption, e.doc_date,
            fmt_size(e.size),  # '1,2 MB', as the window's list of evidence says it
            e.sha256)])
    # BOM: Excel on Windows then reads the UTF-8 correctly.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _index_html(entries: list[PackEntry], title: str, year: int) -> bytes:
    esc = html.escape
    rows = "\n".join(
        f"<tr><td>{esc(e.kelurahan_name)}</td><td>{esc(e.cluster)}</td><td>{e.indicator_no}. {esc(e.indicator)}</td>"
        f'<td><a href="{esc(e.arcname)}">{esc(display_name(e.original_name))}</a></td><td>{esc(EVIDENCE_WORDS.get(e.kind, e.kind))}</td>'
        f"<td>{esc(e.caption)}</td><td>{esc(fmt_date_long(e.doc_date))}</td><td>{esc(fmt_size(e.size))}</td>"
        f"<td><code>{e.sha256[:16]}…</code></td></tr>"
        for e in entries)
    made = fmt_date_long(dt.date.today())
    page = f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;font-size:13px;margin:2em}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ccd;padding:3px 6px;text-align:left;vertical-align:top}}
th{{background:#0b5c7a;color:#fff}}</style></head><body>
<h1>{esc(title)}</h1>
<p>Tahun data {year}; {len(entries)} berkas; dibuat {made} dengan KLA Desktop. Daftar lengkap dengan SHA-256
ada di <code>daftar-isi.csv</code>; periksa keutuhan berkas dengan <code>sha256sum</code>.</p>
<table><tr><th>Kelurahan</th><th>Klaster</th><th>Indikator</th><th>Berkas</th><th>Jenis</th><th>Keterangan</th>
<th>Tanggal dokumen</th><th>Ukuran</th><th>SHA-256</th></tr>
{rows}
</table></body></html>
"""
    return page.encode("utf-8")


def write_pack(store: Store, year: int, dest: Path, kelurahan_code: str | None = None,
               progress: Progress | None = None, cancelled: Cancelled | None = None,
               describe: Callable[[str, dict[str, Any]], str] | None = None) -> PackResult:
    """Plan from the store, then stream the files into ``dest`` (.zip).

    Every file is hashed as it is copied: one whose bytes no longer match its name is set aside
    into quarantine (``describe`` words its reason file) and no pack is made; a missing one
    refuses the pack by name (``pack_evidence_missing``/``_city``), never by its internal path.
    """
    entries = plan_pack(store, year, kelurahan_code)
    if store.role == "kelurahan" or kelurahan_code:
        unit = store.kelurahan(store.kel(kelurahan_code))
        title = f"Paket data dukung KLA {unit_title(unit.code, unit.name)}"
    else:
        title = f"Paket data dukung KLA {store.unit(store.city_code).name}"
    missing = [e for e in entries if not e.source.is_file()]
    if not missing:
        try:
            return write_pack_entries(entries, dest, title, year, progress, cancelled)
        except KlaError as exc:
            if exc.code != "pack_file_damaged":
                raise
            # Read through, its bytes no longer hash to its name: set aside (quarantine), so the
            # next receipt asks the kelurahan for it again; the pack is not made without it.
            found = exc.params.get("found")
            got: dict[str, str] = dict(found) if isinstance(found, dict) else {}
            for sha in got:
                store.set_aside_evidence(sha, got[sha], describe)
            missing = [e for e in entries if e.sha256 in got]
    names = ", ".join(dict.fromkeys(
        f"{display_name(e.original_name)} ({e.kelurahan_name})" if store.role == "city" else display_name(e.original_name)
        for e in missing[:5]))
    raise KlaError("pack_evidence_missing_city" if store.role == "city" else "pack_evidence_missing",
                   count=len({e.sha256 for e in missing}), names=names)


def write_pack_entries(entries: list[PackEntry], dest: Path, title: str, year: int,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> PackResult:
    total = sum(e.size for e in entries) or 1
    done = 0
    damaged: dict[str, str] = {}  # sha256 -> what the bytes hash to now

    def produce(tmp: Path) -> None:
        nonlocal done
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as z:
            z.writestr("daftar-isi.csv", _index_csv(entries))
            z.writestr("daftar-isi.html", _index_html(entries, title, year))
            for e in entries:
                _check(cancelled)
                if progress:
                    progress(done, total, step("adding_file", name=e.original_name))
                compress = zipfile.ZIP_STORED if e.mime.startswith(STORED) else zipfile.ZIP_DEFLATED
                info = zipfile.ZipInfo(e.arcname, date_time=dt.datetime.now().timetuple()[:6])
                info.compress_type = compress
                info.file_size = e.size  # lets zipfile choose zip64 up front for very large files
                h = hashlib.sha256()
                with open(e.source, "rb") as src, z.open(info, "w", force_zip64=e.size > 2**31) as out:
                    while chunk := src.read(CHUNK):
                        _check(cancelled)
                        h.update(chunk)
                        out.write(chunk)
                if h.hexdigest() != e.sha256:
                    damaged[e.sha256] = h.hexdigest()
                done += e.size
            if damaged:  # the evaluators would get other bytes than the list names: no pack
                raise KlaError("pack_file_damaged", found=dict(damaged))
        if progress:
            progress(total, total, step("checking_pack"))

    def verify(tmp: Path) -> None:
        try:
            with zipfile.ZipFile(tmp) as z:
                names = z.namelist()
                bad = z.testzip()  # reads every entry back and checks its CRC
        except zipfile.BadZipFile as exc:
            raise KlaError("dest_verify_failed", path=str(dest)) from exc
        if bad is not None or names != ["daftar-isi.csv", "daftar-isi.html", *[e.arcname for e in entries]]:
            raise KlaError("dest_verify_failed", path=str(dest))

    out = write_safely(Path(dest), produce, verify)
    return PackResult(out, len(entries), len({e.kelurahan_code for e in entries}), out.stat().st_size)
