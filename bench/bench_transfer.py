"""Export and import against the plain tools doing the same bytes, in the same run.

    python bench/bench_transfer.py                                  # 1 GiB export, 34 bundles imported
    python bench/bench_transfer.py --export-size 256MB --units 6    # quicker
    python bench/bench_transfer.py --import-only --rounds 3         # the import alone
    python bench/bench_transfer.py --json

Export: a demo kelurahan with ``--export-size`` more evidence (incompressible, as photos and
scans are) exports everything in a child process (wall time, peak RSS). Baseline:
``tar -c evidence kla.sqlite | age -r KEY > out`` then ``sha256sum out`` (the read-back our
export does is counted on both sides). Target: <= 1.5x, peak < 300 MB.

Import: ``--units`` demo kelurahan are enrolled (scrypt on purpose: this is the slow set-up
part) and export once; DP3AKB imports all their bundles in one child process, each round
into a fresh copy of the same city. Baseline: for each bundle ``age -d -i IDENTITY`` then
``unzip``. ``--rounds`` rounds, ours and the baseline interleaved (the order alternating),
medians. Nothing is deleted between timed runs: on this machine's disk (ext4 without a
journal) creating a file scans past every inode deleted in the last minute, so a run right
after a big delete would pay for it. Target: <= 2x. The physical floor is measured beside it:
the same evidence files written and flushed the way the import makes them durable, once per
bundle (each bundle its own commit) and once per group of bundles (one commit for many,
``db.core.Core.commit_group``), so the table can say how much of the import is the disk.

The export runs once (a minutes-long set-up); CPU time is printed beside wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import timing  # noqa: E402

CHUNK = 4 * 1024 * 1024
EXPORT_RATIO, EXPORT_PEAK_MB, IMPORT_RATIO = 1.5, 300.0, 2.0


def env() -> dict[str, str]:
    return timing.env()


def child_cpu(cmd: list[str]) -> dict:
    """Wall, CPU and peak RSS of one child (``timing.child``)."""
    return timing.child(cmd)


CHILD = """
import sys, json, time
from pathlib import Path
from db import core
from db.store import Store
from exports import bundle
action, home, target = sys.argv[1:4]
flushes = []
real_flush = core.Core._flush_before_commit

def timed_flush(self):  # each commit's wait for its files to be on disk, timed (nothing else changes)
    t = time.perf_counter()
    try:
        return real_flush(self)
    finally:
        flushes.append(time.perf_counter() - t)

core.Core._flush_before_commit = timed_flush
store = Store.open(Path(home), start_backup=False)
try:
    if action == "export":
        r = bundle.export_bundles(store, Path(target))
        print(json.dumps({"bytes": sum(p.size for p in r.parts), "parts": len(r.parts)}))
    else:
        r = bundle.import_paths(store, sorted(Path(target).glob("*.kla")))
        bad = [f.status for f in r.files if f.status != "imported"]
        assert not bad, bad
        print(json.dumps({"files": len(r.files), "flushes": len(flushes), "flush_s": sum(flushes)}))
finally:
    store.close()
"""

# The physical floor of an import's durability: the bundles' evidence files (as unzip left them)
# written into a fresh evidence/ab/ tree and flushed as the import does (db.core.fsync_together:
# files, then folders, side by side), plus one WAL-sized append fsync'd per commit; once with a
# commit per bundle, once with one commit per group.
FLOOR = """
import json, os, sys, time
from pathlib import Path
from db.core import flush_file_system, fsync_together
src, dest, group = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
bundles = sorted((d for d in src.iterdir() if d.is_dir()), key=lambda d: int(d.name))
out = {}
for mode, size in (("per_bundle", 1), ("grouped", group), ("syncfs", group)):
    root = dest / mode
    wal = root / "kla.sqlite-wal"
    root.mkdir(parents=True)
    wal.write_bytes(b"")
    write = flush = 0.0
    pending, folders = [], set()
    for n, b in enumerate(bundles, 1):
        t = time.perf_counter()
        for f in sorted((b / "evidence").glob("*")):
            d = root / "evidence" / f.name[:2]
            d.mkdir(parents=True, exist_ok=True)
            (d / f.name).write_bytes(f.read_bytes())
            pending.append(d / f.name)
            folders.add(d)
        write += time.perf_counter() - t
        if n % size == 0 or n == len(bundles):
            t = time.perf_counter()
            if mode != "syncfs" or not flush_file_system(root):
                fsync_together(pending, sorted(folders))
            with open(wal, "ab") as fh:
                fh.write(os.urandom(64 * 1024))
                fh.flush()
                os.fsync(fh.fileno())
            flush += time.perf_counter() - t
            pending, folders = [], set()
    out[mode] = {"write_s": write, "flush_s": flush}
print(json.dumps(out))
"""


def add_evidence(home: Path, size: int, files: int, gen: Path) -> None:
    from db.store import Store

    gen.mkdir(parents=True, exist_ok=True)
    per = size // files
    with Store.open(home, operator="bench", start_backup=False) as k, k.transaction():
        for i in range(files):
            f = gen / f"scan-{i:03d}.pdf"
            with open(f, "wb") as fh:
                fh.write(b"%PDF-1.4\n")
                left = per
                while left > 0:
                    n = min(CHUNK, left)
                    fh.write(os.urandom(n))
                    left -= n
            k.add_evidence(None, f, links=[(2025, 1 + i % 24)], kind="report")
            f.unlink()


def bench_export(work: Path, size: int) -> dict:
    from db import demo
    from db.store import Store
    from exports import setup

    kel = "64.71.01.1001"
    city = Store.create(work / "ex-city", "city")
    demo.create_demo(work / "ex-kel", seed=1, kelurahan_code=kel)
    r = setup.enroll(city, kel, work / "ex.klasetup")
    city.close()
    setup.install(work / "ex-kel", r.path, r.passphrase)
    add_evidence(work / "ex-kel", size, max(1, size // (64 * 2**20)), work / "gen")
    subprocess.run("sync", shell=True, check=False)
    ours = child_cpu([sys.executable, "-c", CHILD, "export", str(work / "ex-kel"), str(work / "ex-out")])
    info = json.loads(ours["out"])
    key = work / "bench-age-key.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = subprocess.run(["age-keygen", "-y", str(key)], check=True, capture_output=True,
                               text=True).stdout.strip()
    out = work / "baseline.tar.age"
    base = child_cpu(["bash", "-c", f"tar -cf - -C '{work / 'ex-kel'}' evidence kla.sqlite | age -r {recipient} "
                      f"> '{out}' && sync '{out}' && sha256sum '{out}' > /dev/null"])
    base_bytes = out.stat().st_size
    out.unlink()
    shutil.rmtree(work / "ex-out", ignore_errors=True)
    shutil.rmtree(work / "ex-kel", ignore_errors=True)
    return {"size_mb": size / 2**20, "wall_s": round(ours["wall_s"], 2), "cpu_s": round(ours["cpu_s"], 2),
            "peak_mb": round(ours["rss_mb"], 1), "bytes": info["bytes"], "parts": info["parts"],
            "baseline_wall_s": round(base["wall_s"], 2), "baseline_cpu_s": round(base["cpu_s"], 2),
            "baseline_bytes": base_bytes, "ratio": round(ours["wall_s"] / base["wall_s"], 2)}


def bench_import(work: Path, units: int, rounds: int) -> dict:
    import statistics

    from db import demo, orgunits
    from db.store import Store
    from exports import bundle, setup
    from exports.container import Limits

    codes = [u.code for u in orgunits.balikpapan_units() if u.level == "kelurahan"][:units]
    city = Store.create(work / "im-city", "city", operator="Admin")
    out = work / "im-out"
    out.mkdir()
    for c in codes:
        home = work / "im-kel" / c
        demo.create_demo(home, seed=1, kelurahan_code=c)
        r = setup.enroll(city, c, work / "im-setup" / f"{c}.klasetup")
        setup.install(home, r.path, r.passphrase)
        with Store.open(home, start_backup=False) as k:
            bundle.export_bundles(k, out)
    city.close()
    identity = work / "city-identity.txt"
    subprocess.run([sys.executable, "-m", "desktop.cli", "--home", str(work / "im-city"), "city", "key", "export",
                    "--out", str(identity)], check=True, capture_output=True, env=env(), cwd=ROOT)
    files = sorted(out.glob("*.kla"))
    shutil.rmtree(work / "im-kel", ignore_errors=True)
    subprocess.run("sync", shell=True, check=False)
    time.sleep(61)  # past the minute in which ext4 (no journal) skips the inodes just deleted

    def ours(r: int) -> dict:
        home = work / f"im-city-{r}"
        shutil.copytree(work / "im-city", home, ignore=shutil.ignore_patterns("kla-desktop.lock*"))
        got = child_cpu([sys.executable, "-c", CHILD, "import", str(home), str(out)])
        return {**got, **json.loads(got["out"])}

    def base(r: int) -> dict:
        unz = work / f"im-unzip-{r}"
        unz.mkdir()
        script = " && ".join(f"age -d -i '{identity}' -o '{unz}/{i}.zip' '{f}' && unzip -q -o '{unz}/{i}.zip' -d "
                             f"'{unz}/{i}'" for i, f in enumerate(files))
        return child_cpu(["bash", "-c", script])

    runs: dict[str, list[dict]] = {"ours": [], "base": []}
    for r in range(rounds):
        for side in (("ours", "base") if r % 2 == 0 else ("base", "ours")):
            runs[side].append(ours(r) if side == "ours" else base(r))
    floor = json.loads(child_cpu([sys.executable, "-c", FLOOR, str(work / "im-unzip-0"), str(work / "im-floor"),
                                  str(Limits().group_parts)])["out"])

    def med(side: str, key: str) -> float:
        return round(statistics.median(x[key] for x in runs[side]), 2)

    return {"bundles": len(files), "rounds": rounds, "wall_s": med("ours", "wall_s"), "cpu_s": med("ours", "cpu_s"),
            "commits": int(med("ours", "flushes")), "flush_s": med("ours", "flush_s"),
            "baseline_wall_s": med("base", "wall_s"), "baseline_cpu_s": med("base", "cpu_s"),
            "ratio": round(med("ours", "wall_s") / med("base", "wall_s"), 2),
            "ratio_cpu": round(med("ours", "cpu_s") / med("base", "cpu_s"), 2),
            "floor_write_s": round(floor["per_bundle"]["write_s"], 2),
            "floor_per_bundle_s": round(floor["per_bundle"]["flush_s"], 2),
            "floor_grouped_s": round(floor["grouped"]["flush_s"], 2),
            "floor_syncfs_s": round(floor["syncfs"]["flush_s"], 2)}


def parse_size(text: str) -> int:
    from exports.bundle import parse_size as ps

    return int(ps(text))


def rows_for(ex: dict | None, im: dict) -> list[dict]:
    rows = [] if ex is None else [
        {"figure": f"full export, {ex['size_mb'] / 1024:.2g} GiB of evidence",
         "now": f"{ex['wall_s']} s ({ex['cpu_s']} s CPU), {ex['peak_mb']} MB peak",
         "baseline": f"tar | age -r, then sha256sum: {ex['baseline_wall_s']} s ({ex['baseline_cpu_s']} s CPU)",
         "ratio": f"{ex['ratio']}x", "target": f"<= {EXPORT_RATIO:g}x, peak < {EXPORT_PEAK_MB:g} MB",
         "met": ex["ratio"] <= EXPORT_RATIO and ex["peak_mb"] < EXPORT_PEAK_MB}]
    return rows + [
        import_row(im),
        {"figure": f"physical floor of importing {im['bundles']} bundles durably",
         "now": f"flushes alone: {im['floor_per_bundle_s']} s with a commit per bundle, {im['floor_grouped_s']} s "
                f"per group, {im['floor_syncfs_s']} s per group flushing the file system at once (Linux syncfs, "
                f"what the import does) (the import: {im['commits']} commits, {im['flush_s']} s of flushes)",
         "baseline": f"writing the same files, unflushed: {im['floor_write_s']} s", "ratio": "-",
         "target": "-", "met": True},
    ]


def import_row(im: dict) -> dict:
    return {"figure": f"city imports {im['bundles']} demo bundles",
            "now": f"{im['wall_s']} s ({im['cpu_s']} s CPU), median of {im['rounds']}",
            "baseline": f"age -d + unzip: {im['baseline_wall_s']} s ({im['baseline_cpu_s']} s CPU)",
            "ratio": f"{im['ratio']}x wall, {im['ratio_cpu']}x CPU", "target": f"<= {IMPORT_RATIO:g}x",
            "met": im["ratio"] <= IMPORT_RATIO}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export-size", default="1GB", help="evidence added before the export (1GB = 1 GiB)")
    ap.add_argument("--units", type=int, default=34)
    ap.add_argument("--rounds", type=int, default=3, help="import rounds (ours and the baseline interleaved)")
    ap.add_argument("--import-only", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    size = parse_size(args.export_size)
    with tempfile.TemporaryDirectory(prefix="kla-bench-transfer-", dir=os.environ.get("KLA_BENCH_DIR")) as tmp:
        ex = None if args.import_only else bench_export(Path(tmp), size)
        im = bench_import(Path(tmp), args.units, args.rounds)
    rows = rows_for(ex, im)
    if args.json:
        print(json.dumps({"export": ex, "import": im, "rows": rows}, indent=1))
        return 0
    for r in rows:
        print(f"  {r['figure']}: {r['now']}; baseline {r['baseline']}; ratio {r['ratio']}; target {r['target']} "
              f"{'ok' if r['met'] else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
