"""The DP3AKB window's refresh after one kelurahan's import, against what it used to do, in the same run.

    python bench/bench_city_refresh.py          # over the 34-kelurahan demo

After an import the window now re-reads only the senders, in a worker that opens its own
store connection (``ui.city.jobs.status_job``), and replaces their rows in the matrix;
it used to run ``Store.city_status`` for all 34 kelurahan on the GUI thread, once for the
summary and once for the matrix. Printed: the worker's time for one sender (opening the
connection included; target under 50 ms), the old full recompute (what blocked the
window), and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from db.demo import create_demo
from db.store import Store
from ui.city.jobs import status_job


def _best(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="kla-bench-"))
    try:
        home = root / "kota"
        create_demo(home, seed=1)
        store = Store.open(home, start_backup=False)
        year = max(store.current_period().data_years)
        sender = store.units("kelurahan")[0].code
        job = status_job(home, year, [sender])
        ours = _best(lambda: job(lambda *a: None, lambda: False), args.repeat)
        old = _best(lambda: (store.city_status(year), store.city_status(year)), args.repeat)
        store.close()
        verdict = "met" if ours < 0.050 else "NOT met"
        print(f"refresh after 1 import : {ours * 1000:7.1f} ms in a worker (target < 50 ms: {verdict})")
        print(f"old: 2 x city_status(34): {old * 1000:6.1f} ms on the GUI thread   ratio {old / ours:5.1f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
