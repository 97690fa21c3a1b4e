"""Store speed on what a clerk and DP3AKB do all day, against baselines measured in the same run.

    python bench/bench_store.py            # kelurahan typing + city status over the 34-kelurahan demo

Printed as ratios, so the numbers mean something on any machine:

- one ``set_value`` (validate, part/whole check, audit log, commit with synchronous=FULL)
  against a bare ``INSERT ... ; COMMIT`` of the same row in plain sqlite3 with the same
  pragmas: the price of validation and the audit trail per keystroke-save;
- ``city_status`` for 34 kelurahan (what the DP3AKB matrix and ``kla status`` compute)
  against reading every value and evidence row once with plain SQL: the price of the
  completeness logic over the raw read.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from db.demo import create_demo
from db.store import Store


def _best(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_typing(root: Path, n: int) -> tuple[float, float]:
    home = root / "kel"
    store = Store.create(home, "kelurahan", kelurahan_code="64.71.01.1001", operator="bench")
    cells = store.template.cells(store.template.indicator(4).item("anak_total"))
    t0 = time.perf_counter()
    for i in range(n):
        sex, age = cells[i % len(cells)]
        store.set_value(None, 2026, 4, "anak_total", 100 + i, sex=sex, age=age)
    ours = (time.perf_counter() - t0) / n
    store.close()

    raw = sqlite3.connect(root / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE v (k TEXT PRIMARY KEY, value TEXT)")
    t0 = time.perf_counter()
    for i in range(n):
        raw.execute("BEGIN")
        raw.execute("INSERT OR REPLACE INTO v VALUES (?, ?)", [f"k{i % len(cells)}", str(100 + i)])
        raw.execute("COMMIT")
    base = (time.perf_counter() - t0) / n
    raw.close()
    return ours, base


def bench_city(root: Path, repeat: int) -> tuple[float, float]:
    home = root / "kota"
    create_demo(home, seed=1)
    store = Store.open(home, start_backup=False)
    year = max(store.current_period().data_years)
    ours = _best(lambda: store.city_status(year), repeat)

    def raw_read() -> None:
        conn = store.db.conn
        conn.execute("SELECT e.kelurahan_code, e.indicator_no, v.item_key, v.sex, v.age, v.value FROM entry_values v"
                     " JOIN entries e ON e.id = v.entry_id WHERE e.data_year = ?", [year]).fetchall()
        conn.execute("SELECT e.*, l.data_year, l.indicator_no FROM evidence e"
                     " JOIN evidence_links l ON l.evidence_id = e.id").fetchall()

    base = _best(raw_read, repeat)
    store.close()
    return ours, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="kla-bench-"))
    try:
        ours, base = bench_typing(root, args.saves)
        print(f"set_value      : {ours * 1000:7.2f} ms per save   baseline {base * 1000:6.2f} ms   "
              f"ratio {ours / base:5.1f}x")
        ours, base = bench_city(root, args.repeat)
        print(f"city_status(34): {ours * 1000:7.1f} ms             baseline {base * 1000:6.1f} ms   "
              f"ratio {ours / base:5.1f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
