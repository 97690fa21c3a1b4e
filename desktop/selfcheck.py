"""``kla selftest``: does this copy of the program work, and is it whole? (No Qt.)

:func:`run_selftest` does, in a temporary folder, what an office does on its first day: a
DP3AKB workspace enrols a kelurahan, the kelurahan installs the setup file, types a value,
writes its progress sheet (PDF) and the Excel workbook, exports a bundle, and DP3AKB imports
it. Every library the frozen folder must carry is used on the way (SQLite, the template
JSON, reportlab and the bundled fonts, openpyxl, age, Ed25519, zip). Nothing outside the
temporary folder is touched.

:func:`write_sums` / :func:`verify_sums`: ``SHA256SUMS`` beside the programs lists every file
of the built folder (``sha256sum`` format, paths relative to the folder, ``/``-separated), so
an office can tell a damaged or altered copy (a bad USB stick, a virus) from a good one:
``kla selftest --files`` (or ``sha256sum -c SHA256SUMS`` where that tool exists).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SUMS_NAME = "SHA256SUMS"
KEL = "64.71.01.1001"
CHUNK = 1024 * 1024

Say = Callable[[str], None]


def program_folder() -> Path | None:
    """The built folder this program runs from (None when running from source)."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and p.name != SUMS_NAME
                  and p.parent.name != "__pycache__" and p.relative_to(folder).parts[0] != "data")


def write_sums(folder: Path) -> int:
    """Write ``folder/SHA256SUMS`` for every file in it (a portable ``data`` folder is left out)."""
    folder = Path(folder)
    lines = [f"{_sha256(p)}  {p.relative_to(folder).as_posix()}\n" for p in _files(folder)]
    tmp = folder / (SUMS_NAME + ".tmp")
    tmp.write_text("".join(lines), "utf-8")
    os.replace(tmp, folder / SUMS_NAME)
    return len(lines)


@dataclass
class SumsReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    no_list: bool = False

    @property
    def ok(self) -> bool:
        return not (self.no_list or self.missing or self.changed)


def verify_sums(folder: Path) -> SumsReport:
    """Every file listed in ``SHA256SUMS`` is there with its hash; files not listed are reported too."""
    folder = Path(folder)
    rep = SumsReport()
    try:
        text = (folder / SUMS_NAME).read_text("utf-8")
    except OSError:
        rep.no_list = True
        return rep
    listed: set[str] = set()
    for line in text.splitlines():
        if not line.strip():
            continue
        digest, _sep, name = line.partition("  ")
        listed.add(name)
        path = folder / name
        rep.checked += 1
        if not path.is_file():
            rep.missing.append(name)
        elif _sha256(path) != digest.strip():
            rep.changed.append(name)
    rep.extra = [p.relative_to(folder).as_posix() for p in _files(folder)
                 if p.relative_to(folder).as_posix() not in listed]
    return rep


@dataclass
class SelftestReport:
    steps: list[str] = field(default_factory=list)
    pdf_bytes: int = 0
    xlsx_bytes: int = 0
    bundle_bytes: int = 0
    imported: int = 0


def run_selftest(say: Say | None = None, root: Path | None = None) -> SelftestReport:
    """The first-day round trip in a temporary folder (see the module docstring). Raises on failure."""
    from db.store import Store
    from desktop.version import __version__
    from exports import bundle, reports, setup, spreadsheet

    rep = SelftestReport()

    def step(text: str) -> None:
        rep.steps.append(text)
        if say is not None:
            say(text)

    with tempfile.TemporaryDirectory(prefix="kla-selftest-", dir=root) as tmp_name:
        tmp = Path(tmp_name)
        city = Store.create(tmp / "kota", "city", operator="Uji DP3AKB")
        try:
            enrol = setup.enroll(city, KEL, tmp / "kelurahan.klasetup")
            step("ruang kerja DP3AKB dibuat, kelurahan didaftarkan")
            setup.install(tmp / "kelurahan", enrol.path, enrol.passphrase, operator="Uji Kelurahan")
            step("berkas pemasangan dipasang di kelurahan")
            kel = Store.open(tmp / "kelurahan", operator="Uji Kelurahan", start_backup=False)
            try:
                year = kel.periods()[0].data_years[-1]
                ind = next(i for i in kel.template.indicators if any(not it.computed for it in i.items))
                item = next(it for it in ind.items if not it.computed and it.type in ("count", "amount"))
                sex, age = kel.template.cells(item)[0]
                kel.set_value(KEL, year, ind.no, item.key, "12", sex=sex, age=age)
                step(f"nilai diisi: indikator {ind.no}, {item.key}")
                data = reports.collect_sheet(kel, KEL, year, app_version=__version__)
                pdf = reports.write_sheet_pdf(data, tmp / "lembar.pdf")
                rep.pdf_bytes = pdf.stat().st_size
                if not pdf.read_bytes().startswith(b"%PDF"):
                    raise RuntimeError("lembar kemajuan bukan PDF")
                step(f"lembar kemajuan PDF ditulis ({rep.pdf_bytes} bait)")
                book = spreadsheet.collect_workbook(kel, year, KEL)
                xlsx = spreadsheet.write_xlsx(book, tmp / "rekap.xlsx")
                rep.xlsx_bytes = xlsx.stat().st_size
                if not xlsx.read_bytes().startswith(b"PK"):
                    raise RuntimeError("lembar kerja bukan xlsx")
                step(f"lembar kerja Excel ditulis ({rep.xlsx_bytes} bait)")
                out = bundle.export_bundles(kel, tmp / "kiriman")
                rep.bundle_bytes = sum(p.size for p in out.parts)
                step(f"kiriman ditulis: {len(out.parts)} berkas, {rep.bundle_bytes} bait")
            finally:
                kel.close()
            got = bundle.import_paths(city, [p.path for p in out.parts])
            bad = [f for f in got.files if f.status != "imported"]
            if bad:
                raise RuntimeError(f"kiriman tidak diterima DP3AKB: {bad[0].status} {getattr(bad[0], 'reason', '')}")
            rep.imported = len(got.files)
            step("kiriman diterima DP3AKB")
            if os.name == "posix":
                _writer_round_trip(tmp)  # a big import's second process (db.evidence_writer), as built
                step("penulis berkas data dukung (proses kedua) berjalan")
        finally:
            city.close()
    return rep


def _writer_round_trip(tmp: Path) -> None:
    """One file written by the process a big import starts: the executable runs it (a frozen
    build's hidden argument, ``db.evidence_writer.ARG``) and it writes what it is given."""
    from db import evidence_writer

    data = b"uji penulis berkas data dukung\n"
    final = tmp / "penulis" / "uji.bin"
    w = evidence_writer.EvidenceWriter()
    try:
        w.write(str(tmp / "penulis-tmp" / "uji"), str(final), data)
        w.wait()
    except evidence_writer.WriterGone as exc:
        raise RuntimeError("proses penulis berkas tidak berjalan") from exc
    finally:
        w.close()
    if final.read_bytes() != data:
        raise RuntimeError("proses penulis berkas menulis isi yang lain")
