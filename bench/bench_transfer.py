"""Export and import against the plain tools doing the same bytes, in the same run.

    python bench/bench_transfer.py                                  # 1 GiB export, 34 bundles imported
    python bench/bench_transfer.py --export-size 256MB --units 6    # quicker
    python bench/bench_transfer.py --json

Export: a demo kelurahan with ``--export-size`` more evidence (incompressible, as photos and
scans are) exports everything in a child process (wall time, peak RSS). Baseline:
``tar -c evidence kla.sqlite | age -r KEY > out`` then ``sha256sum out`` (the read-back our
export does is counted on both sides). Target: <= 1.5x, peak < 300 MB.

Import: ``--units`` demo kelurahan are enrolled (scrypt on purpose: this is the slow set-up
part) and export once; DP3AKB imports all their bundles in one child process. Baseline: for
each bundle ``age -d -i IDENTITY`` then ``unzip``. Target: <= 2x.

Wall time of medians is not possible for a minutes-long set-up; each side runs once, the
baseline right after ours on the same files, and CPU time is printed beside wall time.
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
CHUNK = 4 * 1024 * 1024
EXPORT_RATIO, EXPORT_PEAK_MB, IMPORT_RATIO = 1.5, 300.0, 2.0


def env() -> dict[str, str]:
    # No PYTHONDONTWRITEBYTECODE: the program as installed has its bytecode (see bench_startup.env).
    e = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR", "PYTHONDONTWRITEBYTECODE")}
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    return e


def timed_proc(cmd: list[str] | str, shell: bool = False) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, shell=shell, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed: {err.decode()[-2000:]}")
    return {"wall_s": wall, "stdout": out.decode()}


def child_cpu(cmd: list[str]) -> dict:
    """Wall, CPU and peak RSS of one child (wait4)."""
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f, env=env(), cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read().decode("utf-8", "replace"), err_f.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd} failed: {err[-2000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "stdout": out}


CHILD = """
import sys, json
from pathlib import Path
from db.store import Store
from exports import bundle
action, home, target = sys.argv[1:4]
store = Store.open(Path(home), start_backup=False)
try:
    if action == "export":
        r = bundle.export_bundles(store, Path(target))
        print(json.dumps({"bytes": sum(p.size for p in r.parts), "parts": len(r.parts)}))
    else:
        r = bundle.import_paths(store, sorted(Path(target).glob("*.kla")))
        bad = [f.status for f in r.files if f.status != "imported"]
        assert not bad, bad
        print(json.dumps({"files": len(r.files)}))
finally:
    store.close()
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
    info = json.loads(ours["stdout"])
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


def bench_import(work: Path, units: int) -> dict:
    from db import demo, orgunits
    from db.store import Store
    from exports import bundle, setup

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
    ours = child_cpu([sys.executable, "-c", CHILD, "import", str(work / "im-city"), str(out)])
    unz = work / "im-unzip"
    script = " && ".join(f"age -d -i '{identity}' -o '{unz}/{i}.zip' '{f}' && unzip -q -o '{unz}/{i}.zip' -d "
                         f"'{unz}/{i}'" for i, f in enumerate(files))
    unz.mkdir()
    base = child_cpu(["bash", "-c", script])
    shutil.rmtree(work / "im-kel", ignore_errors=True)
    return {"bundles": len(files), "wall_s": round(ours["wall_s"], 2), "cpu_s": round(ours["cpu_s"], 2),
            "baseline_wall_s": round(base["wall_s"], 2), "baseline_cpu_s": round(base["cpu_s"], 2),
            "ratio": round(ours["wall_s"] / base["wall_s"], 2)}


def parse_size(text: str) -> int:
    from exports.bundle import parse_size as ps

    return int(ps(text))


def rows_for(ex: dict, im: dict) -> list[dict]:
    return [
        {"figure": f"full export, {ex['size_mb'] / 1024:.2g} GiB of evidence",
         "now": f"{ex['wall_s']} s ({ex['cpu_s']} s CPU), {ex['peak_mb']} MB peak",
         "baseline": f"tar | age -r, then sha256sum: {ex['baseline_wall_s']} s ({ex['baseline_cpu_s']} s CPU)",
         "ratio": f"{ex['ratio']}x", "target": f"<= {EXPORT_RATIO:g}x, peak < {EXPORT_PEAK_MB:g} MB",
         "met": ex["ratio"] <= EXPORT_RATIO and ex["peak_mb"] < EXPORT_PEAK_MB},
        {"figure": f"city imports {im['bundles']} demo bundles", "now": f"{im['wall_s']} s ({im['cpu_s']} s CPU)",
         "baseline": f"age -d + unzip: {im['baseline_wall_s']} s ({im['baseline_cpu_s']} s CPU)",
         "ratio": f"{im['ratio']}x", "target": f"<= {IMPORT_RATIO:g}x", "met": im["ratio"] <= IMPORT_RATIO},
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export-size", default="1GB", help="evidence added before the export (1GB = 1 GiB)")
    ap.add_argument("--units", type=int, default=34)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    size = parse_size(args.export_size)
    with tempfile.TemporaryDirectory(prefix="kla-bench-transfer-", dir=os.environ.get("KLA_BENCH_DIR")) as tmp:
        ex = bench_export(Path(tmp), size)
        im = bench_import(Path(tmp), args.units)
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
