"""One ``kla entry set`` against the cost of importing the CLI, whole processes, same Python.

    python bench/bench_cli.py                # 9 interleaved rounds
    python bench/bench_cli.py --json

Baseline: ``python -c "import desktop.cli"``. Measured: ``python -m desktop.cli entry set ...``
on a demo kelurahan workspace, the value alternating so every run really writes (store
open, lock, one transaction with its audit row, fsync). Medians of wall time and of the
child's CPU time (``wait4``: user + system, what the process spent whatever else the shared
machine does). Target: within 1.3x of importing the CLI.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3


def env() -> dict[str, str]:
    # No PYTHONDONTWRITEBYTECODE: the program as installed has its bytecode (see bench_startup.env).
    e = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR", "PYTHONDONTWRITEBYTECODE")}
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    return e


def run(cmd: list[str]) -> tuple[float, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(home: Path, rounds: int) -> dict:
    base_cmd = [sys.executable, "-c", "import desktop.cli"]

    def entry_cmd(k: int) -> list[str]:
        return [sys.executable, "-m", "desktop.cli", "--home", str(home), "--operator", "Bench", "entry", "set",
                "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L", "--age", "1-4",
                "--value", str(1000 + k % 2)]

    run(base_cmd)
    run(entry_cmd(1))
    base, entry = [], []
    for k in range(rounds):
        base.append(run(base_cmd))
        entry.append(run(entry_cmd(k)))
    bw, bc = statistics.median(w for w, _ in base), statistics.median(c for _, c in base)
    ew, ec = statistics.median(w for w, _ in entry), statistics.median(c for _, c in entry)
    return {"figure": "one kla entry set", "wall_s": round(ew, 3), "cpu_s": round(ec, 3),
            "baseline_wall_s": round(bw, 3), "baseline_cpu_s": round(bc, 3),
            "ratio_wall": round(ew / bw, 2), "ratio_cpu": round(ec / bc, 2), "target": f"<= {TARGET:g}x",
            "met": ec / bc <= TARGET}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--home", type=Path, help="a kelurahan workspace (default: a demo made now)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kla-bench-cli-") as tmp:
        home = args.home
        if home is None:
            home = Path(tmp) / "kel"
            subprocess.run([sys.executable, "-m", "desktop.cli", "demo", "--home", str(home), "--kelurahan",
                            "64.71.01.1001"], check=True, stdout=subprocess.DEVNULL, env=env(), cwd=ROOT)
        row = measure(home, args.rounds)
    if args.json:
        print(json.dumps(row, indent=1))
    else:
        print(f"  {row['figure']}: {row['wall_s']:.2f} s / {row['cpu_s']:.2f} s CPU; baseline import desktop.cli "
              f"{row['baseline_wall_s']:.2f} s / {row['baseline_cpu_s']:.2f} s; ratio {row['ratio_wall']:.2f}x wall, "
              f"{row['ratio_cpu']:.2f}x CPU; target {row['target']} {'ok' if row['met'] else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
