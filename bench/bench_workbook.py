"""DP3AKB's Excel workbook (``kla report xlsx``) of the demo city and of a 1,000-unit kab/kota, each
against openpyxl's own floor measured in the same run.

    python bench/bench_workbook.py [--units 1000] [--rounds 3] [--big-rounds 1] [--json] [--city-home DIR]
                                   [--big-home DIR]

"now": the whole ``kla report xlsx`` process (read the store, add up the figures, write every sheet,
zip, re-open to check). Baseline: a process that writes the same number of cells (counted in the
workbook written) as plain values with openpyxl's write-only mode and nothing else: no store, no
styles, no formats. Before the rows were streamed (exports/xlsx_stream.py) the export cost more
than that floor; the ratio says how far under it the export is now. Medians of ``--rounds``,
interleaved; CPU time is the steadier figure on this shared machine. No target is set by issue 13
for this figure; "fast enough for a 1,000-unit kabupaten" is read as: under a minute of CPU.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_startup  # noqa: E402
import timing  # noqa: E402

FLOOR = """
import sys
from openpyxl import Workbook
cells, width, out = int(sys.argv[1]), 22, sys.argv[2]
wb = Workbook(write_only=True)
ws = wb.create_sheet("x")
row = [("Kelurahan %d" % i) if i % 2 else i * 1.5 for i in range(width)]
for _ in range(cells // width):
    ws.append(row)
ws.append(row[: cells % width])
wb.save(out)
"""


def cells_of(path: Path) -> int:
    """The ``<c`` elements of every sheet (streamed: the 1,000-unit sheets are hundreds of MB)."""
    n = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                tail = b""
                with z.open(name) as fh:
                    while chunk := fh.read(1 << 20):
                        buf = tail + chunk
                        n += buf.count(b"<c ")
                        tail = buf[-2:]  # "<c " split over two chunks is counted in the next one
    return n


def measure(home: Path, year: int, rounds: int, label: str, work: Path) -> dict:
    out = work / f"{label}.xlsx"
    cmd = [sys.executable, "-m", "desktop.cli", "--home", str(home), "--json", "report", "xlsx", "--year", str(year),
           "--out", str(out)]
    first = timing.child(cmd)  # warms the page cache and the bytecode; counted in no median
    cells = cells_of(out)
    floor_cmd = [sys.executable, "-c", FLOOR, str(cells), str(work / f"{label}-floor.xlsx")]
    ours, base = [], []
    for _ in range(rounds):
        out.unlink(missing_ok=True)
        ours.append(timing.child(cmd))
        base.append(timing.child(floor_cmd))
    info = json.loads(first["out"])

    def med(xs: list[dict], k: str) -> float:
        return round(statistics.median(x[k] for x in xs), 2)

    return {
        "figure": f"city workbook (kla report xlsx), {label}: {info['kelurahan']} units, {cells:,} cells",
        "now": f"{med(ours, 'wall_s')} s ({med(ours, 'cpu_s')} s CPU), {med(ours, 'rss_mb'):.0f} MB",
        "baseline": f"openpyxl write-only, the same number of plain cells {med(base, 'wall_s')} s "
                    f"({med(base, 'cpu_s')} s CPU)",
        "ratio": f"{med(ours, 'cpu_s') / med(base, 'cpu_s'):.2f}x CPU",
        "target": "under openpyxl's floor; 1,000 units under a minute of CPU",
        "met": med(ours, "cpu_s") < med(base, "cpu_s") and (info["kelurahan"] < 1000 or med(ours, "cpu_s") < 60),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the demo city")
    ap.add_argument("--big-rounds", type=int, default=1, help="rounds at 1,000 units (each ~1 min, its floor ~2)")
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--city-home", type=Path, help="a demo city workspace (default: made here)")
    ap.add_argument("--big-home", type=Path, help="a grown 1,000-unit workspace (default: grown here)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kla-bench-xlsx-") as tmp_name:
        tmp = Path(tmp_name)
        city = args.city_home
        if city is None:
            city = tmp / "city"
            bench_startup.make_demo(city, None)
        big = args.big_home
        if big is None:
            from bench_store import grow_city

            big = grow_city(city, tmp / "big", args.units)
        rows = [measure(city, args.year, args.rounds, "demo city", tmp),
                measure(big, args.year, args.big_rounds, f"{args.units} units", tmp)]
    if args.json:
        print(json.dumps({"rows": rows}, indent=1))
        return 0
    timing.print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
