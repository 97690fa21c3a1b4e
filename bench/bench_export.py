"""Export/import cost: memory stays flat as evidence grows, and a small change costs little.

    python bench/bench_export.py                 # 256 MB of evidence (quick)
    python bench/bench_export.py --size 2GB      # the issue's 2 GB

Each measured step runs in a fresh child process so its peak RSS (``ru_maxrss``) is its
own; ``tracemalloc`` gives the peak of Python allocations. Every number is printed next to
a baseline measured in the same run (the demo kelurahan without the large files), so the
ratios mean something on any machine:

- memory ratio large/baseline stays near 1 although the data is hundreds of times bigger
  (streaming: the ZIP is built on disk, age encrypts and decrypts in 64 KiB chunks);
- a one-value change after a receipt exports in a small fraction of the full export's time
  and bytes (cost follows the change; the remaining cost is hashing the workspace's
  records, not reading its files).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

CHUNK = 4 * 1024 * 1024


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: the latter survives exec on Linux
    and would report the parent's peak for a child started by fork+exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(action: str, home: str, target: str, part_size: int) -> None:
    from db.store import Store
    from exports import bundle

    tracemalloc.start()
    t0 = time.perf_counter()
    store = Store.open(Path(home))
    try:
        if action == "export":
            res = bundle.export_bundles(store, Path(target), part_size=part_size)
            nbytes = sum(p.size for p in res.parts)
            info = {"items": res.items, "files": res.files, "parts": len(res.parts)}
        else:
            r = bundle.import_paths(store, [Path(target)])
            nbytes = sum(f.stat().st_size for f in Path(target).glob("*.kla"))
            info = {"refused": len(r.refused), "files": len(r.files)}
    finally:
        store.close()
    seconds = time.perf_counter() - t0
    _, py_peak = tracemalloc.get_traced_memory()
    print(json.dumps({"seconds": seconds, "rss_mb": peak_rss_mb(),
                      "py_peak_mb": py_peak / 2**20, "bytes": nbytes, **info}))


def measure(action: str, home: Path, target: Path, part_size: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", action, str(home), str(target), str(part_size)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from db import demo
    from db.store import Store
    from exports import bundle, receipts, setup

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="256MB", help="total size of the large evidence set (e.g. 2GB)")
    ap.add_argument("--files", type=int, default=16, help="number of large evidence files")
    ap.add_argument("--part-size", default="20MB")
    ap.add_argument("--dir", help="work folder (default: a temporary one, removed afterwards)")
    args = ap.parse_args()
    size = bundle.parse_size(args.size)
    part_size = bundle.parse_size(args.part_size)
    work = Path(args.dir or tempfile.mkdtemp(prefix="kla-bench-"))
    kel = "64.71.01.1001"
    try:
        city_home, kel_home = work / "city", work / "kel"
        city = Store.create(city_home, "city")
        demo.create_demo(kel_home, seed=1, kelurahan_code=kel)
        r = setup.enroll(city, kel, work / "s.klasetup")
        setup.install(kel_home, r.path, r.passphrase)

        def receipt() -> None:
            rs = receipts.write_receipts(city, work / "rc", kel)
            with Store.open(kel_home) as k:
                bundle.import_paths(k, [rs[0].path])

        rows = []
        base = measure("export", kel_home, work / "out-base", part_size)
        rows.append(("baseline export (demo kelurahan)", base))
        base_imp = measure("import", city_home, work / "out-base", part_size)
        rows.append(("baseline import at DP3AKB", base_imp))
        receipt()

        # The large evidence set: incompressible bytes, as photos and scans are.
        gen = work / "gen"
        gen.mkdir()
        per = size // args.files
        with Store.open(kel_home, operator="bench") as k, k.transaction():
            for i in range(args.files):
                f = gen / f"scan-{i:03d}.pdf"
                with open(f, "wb") as fh:
                    left = per
                    while left > 0:
                        n = min(CHUNK, left)
                        fh.write(os.urandom(n))
                        left -= n
                k.add_evidence(None, f, links=[(2025, 1 + i % 24)], kind="report")
                f.unlink()
        large = measure("export", kel_home, work / "out-large", part_size)
        rows.append((f"export with {args.size} more evidence", large))
        large_imp = measure("import", city_home, work / "out-large", part_size)
        rows.append((f"import of {args.size} at DP3AKB", large_imp))
        receipt()
        with Store.open(kel_home, operator="bench") as k:
            k.set_value(None, 2025, 3, "media", 42)
        small = measure("export", kel_home, work / "out-small", part_size)
        rows.append(("export after one changed value", small))

        print(f"\n{'step':<42}{'seconds':>9}{'MB out':>10}{'peak RSS MB':>13}{'py peak MB':>12}  items/files")
        for name, m in rows:
            print(f"{name:<42}{m['seconds']:>9.2f}{m['bytes'] / 2**20:>10.1f}{m['rss_mb']:>13.1f}"
                  f"{m['py_peak_mb']:>12.1f}  {m.get('items', '-')}/{m.get('files', '-')}")
        print("\nratios (same run):")
        print(f"  data exported, large / baseline      {large['bytes'] / max(1, base['bytes']):10.1f}x")
        print(f"  peak RSS, large export / baseline    {large['rss_mb'] / base['rss_mb']:10.2f}x")
        print(f"  peak RSS, large import / baseline    {large_imp['rss_mb'] / base_imp['rss_mb']:10.2f}x")
        print(f"  python peak, large export / baseline {large['py_peak_mb'] / max(0.01, base['py_peak_mb']):10.2f}x")
        print(f"  time, one-change export / large      {small['seconds'] / large['seconds']:10.4f}x")
        print(f"  bytes, one-change export / large     {small['bytes'] / large['bytes']:10.6f}x")
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        main()
