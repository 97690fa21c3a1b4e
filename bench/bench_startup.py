"""Start-up to first paint: ``kla-desktop --selftest`` against a bare ``QMainWindow``.

    python bench/bench_startup.py            # 7 rounds
    python bench/bench_startup.py --rounds 11 --json

Whole processes, the same Python: each round runs the baseline (import PySide6, a
``QApplication``, an empty ``QMainWindow`` shown until its first paint event) and then
``python -m desktop --selftest --home DIR`` for a kelurahan and a city demo workspace (the
self-test waits for the same first paint event, then exits). Rounds are interleaved so a busy
moment on a shared machine hits both sides alike; the figures are medians of wall time and
of CPU time (user + system, from ``wait4``: what the process itself spent, whatever else the
machine is doing). Target: at most 2x the baseline.

The demo workspaces are made once (``kla demo``) in a temporary folder, or given with
``--kelurahan-home`` / ``--city-home``.
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
TARGET = 2.0

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setWindowTitle("bare")
w.resize(1280, 720)
class F(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, app.quit)
        return False
f = F()
w.installEventFilter(f)
w.show()
QTimer.singleShot(120000, app.quit)
app.exec()
sys.exit(0 if f.done else 1)
"""


def env() -> dict[str, str]:
    # The program as installed has its bytecode: a shell with PYTHONDONTWRITEBYTECODE (as on this
    # machine) would make every round compile the program's own modules again, and only those,
    # since the baseline has none.
    e = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    e.setdefault("QT_QPA_PLATFORM", "offscreen")
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    return e


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def make_demo(home: Path, kelurahan: str | None) -> None:
    cmd = [sys.executable, "-m", "desktop.cli", "demo", "--home", str(home)]
    if kelurahan:
        cmd += ["--kelurahan", kelurahan]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env(), cwd=ROOT)


def measure(rounds: int, kel_home: Path, city_home: Path) -> list[dict]:
    cases = {
        "baseline": [sys.executable, "-c", BARE],
        "kelurahan": [sys.executable, "-m", "desktop", "--selftest", "--home", str(kel_home)],
        "city": [sys.executable, "-m", "desktop", "--selftest", "--home", str(city_home)],
    }
    for cmd in cases.values():  # warm the page cache and .pyc files; not counted
        run(cmd)
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(rounds):
        for name, cmd in cases.items():
            samples[name].append(run(cmd))
    base_wall = statistics.median(w for w, _c in samples["baseline"])
    base_cpu = statistics.median(c for _w, c in samples["baseline"])
    rows = []
    for name in ("kelurahan", "city"):
        wall = statistics.median(w for w, _c in samples[name])
        cpu = statistics.median(c for _w, c in samples[name])
        rows.append({
            "figure": f"start-up to first paint, {name} demo",
            "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "baseline_wall_s": round(base_wall, 3), "baseline_cpu_s": round(base_cpu, 3),
            "ratio_wall": round(wall / base_wall, 2), "ratio_cpu": round(cpu / base_cpu, 2),
            "target": f"<= {TARGET:g}x", "met": wall / base_wall <= TARGET or cpu / base_cpu <= TARGET,
        })
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--kelurahan-home", type=Path)
    ap.add_argument("--city-home", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kla-bench-startup-") as tmp:
        kel, city = args.kelurahan_home, args.city_home
        if kel is None:
            kel = Path(tmp) / "kel"
            make_demo(kel, "64.71.01.1001")
        if city is None:
            city = Path(tmp) / "city"
            make_demo(city, None)
        rows = measure(args.rounds, kel, city)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"start-up, median of {args.rounds} interleaved rounds (wall / CPU of the whole process)")
    for r in rows:
        print(f"  {r['figure']}: {r['wall_s']:.2f} s / {r['cpu_s']:.2f} s CPU; baseline bare QMainWindow "
              f"{r['baseline_wall_s']:.2f} s / {r['baseline_cpu_s']:.2f} s; ratio {r['ratio_wall']:.1f}x wall, "
              f"{r['ratio_cpu']:.1f}x CPU; target {r['target']} {'ok' if r['met'] else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
