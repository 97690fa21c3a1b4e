"""Every figure of issue 13's table in one run, on generated data, each with its baseline, ratio and target.

    python bench/run_all.py                      # the whole table (about 10-15 minutes on 2 cores)
    python bench/run_all.py --quick              # smaller export and import, fewer rounds
    python bench/run_all.py --markdown           # the table as Markdown (for bench/README.md)

Each figure is measured by its own bench (run alone for details):

| bench | figures |
|---|---|
| bench_startup.py | start-up to first paint, kelurahan and city demo, against a bare QMainWindow |
| bench_entry.py | indicator switch, memory over 1,000 switches, city page switch and review |
| bench_transfer.py | full export of 1 GiB (tar \\| age, sha256sum) and import of 34 bundles (age -d + unzip) |
| here | city window with 1,000 units to first paint; ``kla status --json`` at 1,000 units against one aggregate SQL query |
| bench_cli.py | one ``kla entry set`` against ``import desktop.cli`` |
| bench_workbook.py | DP3AKB's workbook (``kla report xlsx``) of the demo city and of 1,000 units, against openpyxl writing as many plain cells |

The 1,000-unit workspace is the demo city grown with synthetic kelurahan (bench_store.grow_city)
until the national reference data gives a real kabupaten of that size. Whole processes are
timed with ``wait4`` (wall and CPU time of the child); the machine is shared, so CPU time is
the steadier figure and both are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_cli  # noqa: E402
import bench_startup  # noqa: E402
import bench_workbook  # noqa: E402
import timing  # noqa: E402


def child(cmd: list[str]) -> dict:
    """Wall, CPU and peak RSS of one child (``timing.child``), Qt offscreen."""
    return timing.child(cmd, offscreen=True)


def copy(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("kla-desktop.lock*"))
    return dest


AGGREGATE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
year = int(sys.argv[2])
conn.execute(
    "SELECT e.kelurahan_code, e.indicator_no, max(e.status), count(v.value), 0 FROM entries e"
    " LEFT JOIN entry_values v ON v.entry_id = e.id WHERE e.data_year IN (?, ?) GROUP BY e.id"
    " UNION ALL SELECT x.kelurahan_code, l.indicator_no, '', 0, count(*) FROM evidence_links l"
    " JOIN evidence x ON x.id = l.evidence_id WHERE l.data_year = ? GROUP BY 1, 2"
    " UNION ALL SELECT kelurahan_code, 0, 'a', count(*), 0 FROM activities WHERE data_year = ? GROUP BY 1"
    " UNION ALL SELECT kelurahan_code, 0, 'f', count(*), 0 FROM facilities GROUP BY 1",
    [year, year - 1, year, year]).fetchall()
"""


def thousand_units(big: Path, rounds: int) -> list[dict]:
    conn = sqlite3.connect(big / "kla.sqlite")
    year = max(r[0] for r in conn.execute("SELECT data_year FROM entries"))
    conn.close()
    paint, status, base, bare = [], [], [], []
    selftest = [sys.executable, "-m", "desktop", "--selftest", "--home", str(big)]
    status_cmd = [sys.executable, "-m", "desktop.cli", "--home", str(big), "status", "--year", str(year), "--json"]
    base_cmd = [sys.executable, "-c", AGGREGATE, str(big / "kla.sqlite"), str(year)]
    bare_cmd = [sys.executable, "-c", bench_startup.BARE]
    child(selftest)
    child(status_cmd)
    for _ in range(rounds):
        bare.append(child(bare_cmd))
        paint.append(child(selftest))
        base.append(child(base_cmd))
        status.append(child(status_cmd))

    def med(xs: list[dict], k: str) -> float:
        return round(statistics.median(x[k] for x in xs), 3)

    return [
        {"figure": "city window with 1,000 units, to first paint",
         "now": f"{med(paint, 'wall_s')} s ({med(paint, 'cpu_s')} s CPU)",
         "baseline": f"bare QMainWindow {med(bare, 'wall_s')} s ({med(bare, 'cpu_s')} s CPU)",
         "ratio": f"{med(paint, 'cpu_s') / med(bare, 'cpu_s'):.1f}x CPU", "target": "< 1 s",
         "met": med(paint, "wall_s") < 1.0 or med(paint, "cpu_s") < 1.0},
        {"figure": "kla status --json, 1,000 units",
         "now": f"{med(status, 'wall_s')} s ({med(status, 'cpu_s')} s CPU), {med(status, 'rss_mb'):.0f} MB",
         "baseline": f"one aggregate SQL query (python + sqlite3) {med(base, 'wall_s')} s "
                     f"({med(base, 'cpu_s')} s CPU)",
         "ratio": f"{med(status, 'cpu_s') / med(base, 'cpu_s'):.1f}x CPU", "target": "< 1 s",
         "met": med(status, "wall_s") < 1.0 or med(status, "cpu_s") < 1.0},
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="256 MB export, 6 bundles, 200 switches, 3 rounds")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rounds = 3 if args.quick else 7
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kla-bench-all-", dir=os.environ.get("KLA_BENCH_DIR")) as tmp_name:
        tmp = Path(tmp_name)
        kel, city = tmp / "kel", tmp / "city"
        bench_startup.make_demo(kel, "64.71.01.1001")
        bench_startup.make_demo(city, None)
        from bench_store import grow_city

        big = grow_city(city, tmp / "big", 1000)
        for r in bench_startup.measure(rounds, copy(kel, tmp / "kel-s"), copy(city, tmp / "city-s")):
            rows.append({"figure": r["figure"], "now": f"{r['wall_s']} s ({r['cpu_s']} s CPU)",
                         "baseline": f"bare QMainWindow {r['baseline_wall_s']} s ({r['baseline_cpu_s']} s CPU)",
                         "ratio": f"{r['ratio_wall']}x wall, {r['ratio_cpu']}x CPU", "target": r["target"],
                         "met": r["met"]})
        switches = 200 if args.quick else 1000
        try:
            entry = child([sys.executable, str(ROOT / "bench" / "bench_entry.py"), "--json", "--switches",
                           str(switches), "--kelurahan-home", str(copy(kel, tmp / "kel-e")),
                           "--city-home", str(copy(city, tmp / "city-e"))])
            rows += json.loads(entry["out"])["rows"]
        except SystemExit as exc:  # the window crashed under the bench: say so, then measure fewer switches
            reason = str(exc).strip().splitlines()[0][-160:] if str(exc).strip() else "crashed"
            rows.append({"figure": f"{switches} indicator switches", "now": f"CRASHED: {reason}", "baseline": "-",
                         "ratio": "-", "target": "no crash", "met": False})
            entry = child([sys.executable, str(ROOT / "bench" / "bench_entry.py"), "--json", "--switches", "200",
                           "--kelurahan-home", str(copy(kel, tmp / "kel-e2")),
                           "--city-home", str(copy(city, tmp / "city-e2"))])
            rows += json.loads(entry["out"])["rows"]
        transfer = child([sys.executable, str(ROOT / "bench" / "bench_transfer.py"), "--json", "--export-size",
                          "256MB" if args.quick else "1GB", "--units", "6" if args.quick else "34"])
        tr = json.loads(transfer["out"])["rows"]
        rows += tr
        rows += thousand_units(big, rounds)
        conn = sqlite3.connect(big / "kla.sqlite")
        year = max(r[0] for r in conn.execute("SELECT data_year FROM entries"))
        conn.close()
        rows.append(bench_workbook.measure(copy(city, tmp / "city-x"), year, rounds, "demo city", tmp))
        rows.append(bench_workbook.measure(big, year, 1, "1,000 units", tmp))
        c = bench_cli.measure(copy(kel, tmp / "kel-c"), 3 * rounds)
        rows.append({"figure": c["figure"], "now": f"{c['wall_s']} s ({c['cpu_s']} s CPU)",
                     "baseline": f"import desktop.cli {c['baseline_wall_s']} s ({c['baseline_cpu_s']} s CPU)",
                     "ratio": f"{c['ratio_wall']}x wall, {c['ratio_cpu']}x CPU", "target": c["target"],
                     "met": c["met"]})
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    if args.json:
        print(json.dumps({"machine": machine, "rows": rows}, indent=1))
        return 0
    if args.markdown:
        print(f"Machine: {machine}. Run: {time.strftime('%Y-%m-%d')}{' (--quick)' if args.quick else ''}.\n")
        print("| figure | now | baseline | ratio | target | met |\n|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['figure']} | {r['now']} | {r['baseline']} | {r['ratio']} | {r['target']} | "
                  f"{'yes' if r['met'] else '**no**'} |")
        return 0
    print(f"machine: {machine}")
    timing.print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
