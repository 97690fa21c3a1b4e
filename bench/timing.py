"""Timing one whole child process for the benches: wall time, CPU time and peak RSS (``wait4``).

The machine is shared, so CPU time (user + system of the child itself, whatever else runs) is
printed beside wall time. The child's output goes to files, never a pipe that could fill.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env(*, offscreen: bool = False) -> dict[str, str]:
    """The children's environment: this tree on the path, no workspace or operator from the shell.

    No PYTHONDONTWRITEBYTECODE: the program as installed has its bytecode (with it, every round
    would compile our modules again, and only ours, since the baselines have none).
    """
    e = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR", "PYTHONDONTWRITEBYTECODE")}
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    if offscreen:
        e.setdefault("QT_QPA_PLATFORM", "offscreen")
    return e


def child(cmd: list[str], *, offscreen: bool = False) -> dict:
    """Run ``cmd`` to its end: ``wall_s``, ``cpu_s``, ``rss_mb`` and its standard output ``out``.

    A child that fails stops the bench (SystemExit with the end of its standard error).
    """
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f, env=env(offscreen=offscreen), cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read().decode("utf-8", "replace"), err_f.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err[-3000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "out": out}


def print_rows(rows: list[dict]) -> None:
    """Each figure as the benches print it: now, baseline, ratio, target and whether it is met."""
    for r in rows:
        print(f"{r['figure']}\n    now {r['now']}; baseline {r['baseline']}; ratio {r['ratio']}; "
              f"target {r['target']}: {'ok' if r['met'] else 'NOT MET'}")
