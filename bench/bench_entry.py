"""Entry and city page responsiveness, and memory over many indicator switches.

    python bench/bench_entry.py                  # 1,000 switches
    python bench/bench_entry.py --switches 200 --json

Kelurahan: the real main window over a demo workspace (offscreen), the Indikator page; each
switch opens the next indicator (1..24, round and round) and processes the events it
queued (layout, paint), timed one by one: median and worst, in CPU time of the process
(what the switch costs; the machine is shared, so wall time also counts other people's
work) with wall time beside it. After one warm-up round over every indicator, the
process's RSS and the count of live QObjects are taken, then again after all switches
with the same indicator on screen (another indicator has other widgets, which is not
growth): both stay flat when no widget or model outlives its indicator.

City: the DP3AKB window over the city demo; a page switch (summary, matrix, inbox, enrolled,
reports, settings, round and round, after each was built once) and saving a review of one
cell (store write + the window's refresh of that kelurahan), median and worst, in wall time (what the
verdict uses) with the process's CPU time beside it.

Targets (issue 13): switch median < 16 ms, worst < 100 ms; the same for the city; memory
growth over 1,000 switches < 5 MB (flat, allowing the allocator's noise).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MEDIAN_MS, WORST_MS, GROWTH_MB = 16.0, 100.0, 5.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def live_qobjects(app) -> int:  # noqa: ANN001
    from PySide6.QtCore import QObject

    return len(app.findChildren(QObject)) + sum(len(w.findChildren(QObject)) + 1 for w in app.topLevelWidgets())


def make_demo(home: Path, kelurahan: str | None) -> None:
    cmd = [sys.executable, "-m", "desktop.cli", "demo", "--home", str(home)]
    if kelurahan:
        cmd += ["--kelurahan", kelurahan]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)


def open_window(home: Path):  # noqa: ANN201
    from desktop import app as desktop_app

    qapp, launcher, keep = desktop_app._start(desktop_app.parse_args(["--home", str(home)]), ask=False)
    assert launcher is not None and launcher.window is not None
    launcher.window.resize(1366, 768)
    qapp.processEvents()
    return qapp, launcher, keep


def settle(qapp) -> None:  # noqa: ANN001
    """What the event loop does after a click: posted events, paints, and deleteLater (which plain
    processEvents() outside exec() never runs)."""
    from PySide6.QtCore import QEvent

    qapp.processEvents()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qapp.processEvents()


def timed(qapp, fn) -> float:  # noqa: ANN001
    """Wall milliseconds of ``fn`` and the events it queued."""
    return timed_both(qapp, fn)[0]


def timed_both(qapp, fn) -> tuple[float, float]:  # noqa: ANN001
    """(wall, CPU) milliseconds of ``fn`` and the events it queued; CPU is the whole process's."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    settle(qapp)
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def bench_kelurahan(home: Path, switches: int) -> dict:
    qapp, launcher, _keep = open_window(home)
    w = launcher.window
    w.show_page("indicators")
    page = w.indicator_page
    numbers = [i.no for i in launcher.session.template.indicators]
    for no in numbers:  # warm-up: every indicator once (caches, fonts, first layouts)
        timed(qapp, lambda n=no: page.open_indicator(n))
    settle(qapp)
    gc.collect()
    rss0, objects0 = rss_mb(), live_qobjects(qapp)
    walls, cpus = [], []
    for k in range(switches):
        no = numbers[(k + 1) % len(numbers)]
        wall, cpu = timed_both(qapp, lambda n=no: page.open_indicator(n))
        walls.append(wall)
        cpus.append(cpu)
    timed(qapp, lambda: page.open_indicator(numbers[-1]))  # the indicator shown when counting before
    settle(qapp)
    gc.collect()
    rss1, objects1 = rss_mb(), live_qobjects(qapp)
    w.close()
    return {
        "switch_median_ms": round(statistics.median(cpus), 1), "switch_worst_ms": round(max(cpus), 1),
        "switch_wall_median_ms": round(statistics.median(walls), 1), "switch_wall_worst_ms": round(max(walls), 1),
        "switches": switches, "rss_before_mb": round(rss0, 1), "rss_after_mb": round(rss1, 1),
        "rss_growth_mb": round(rss1 - rss0, 1), "qobjects_before": objects0, "qobjects_after": objects1,
    }


def bench_city(home: Path, rounds: int) -> dict:
    qapp, launcher, _keep = open_window(home)
    w = launcher.window
    from ui.city.city_window import PAGES

    for name in PAGES:
        timed(qapp, lambda n=name: w.show_page(n))
    both = [timed_both(qapp, lambda n=name: w.show_page(n)) for _ in range(rounds) for name in PAGES]
    switch, switch_cpu = [b[0] for b in both], [b[1] for b in both]
    session = launcher.session
    rows = session.statuses.rows()
    codes = [r.kelurahan_code for r in rows][:10]
    w.show_page("matrix")
    reviews, reviews_cpu = [], []
    for k in range(rounds * 2):
        code = codes[k % len(codes)]
        state = "diterima" if k % 2 else "perlu_perbaikan"
        wall, cpu = timed_both(qapp, lambda c=code, s=state: session.set_review(c, 4, s, "cek umur"))
        reviews.append(wall)
        reviews_cpu.append(cpu)
    w.close()
    return {
        "page_median_ms": round(statistics.median(switch), 1), "page_worst_ms": round(max(switch), 1),
        "review_median_ms": round(statistics.median(reviews), 1), "review_worst_ms": round(max(reviews), 1),
        "page_cpu_median_ms": round(statistics.median(switch_cpu), 1), "page_cpu_worst_ms": round(max(switch_cpu), 1),
        "review_cpu_median_ms": round(statistics.median(reviews_cpu), 1),
        "review_cpu_worst_ms": round(max(reviews_cpu), 1),
    }


def rows_for(kel: dict, city: dict) -> list[dict]:
    return [
        {"figure": f"switch indicator (kelurahan), {kel['switches']} switches",
         "now": f"median {kel['switch_median_ms']} ms, worst {kel['switch_worst_ms']} ms CPU (wall median "
         f"{kel['switch_wall_median_ms']} ms, worst {kel['switch_wall_worst_ms']} ms)", "baseline": "-", "ratio": "-",
         "target": f"median < {MEDIAN_MS:g} ms, worst < {WORST_MS:g} ms",
         "met": kel["switch_median_ms"] < MEDIAN_MS and kel["switch_worst_ms"] < WORST_MS},
        {"figure": f"memory over {kel['switches']} switches", "now": f"{kel['rss_growth_mb']:+.1f} MB RSS, "
         f"{kel['qobjects_after'] - kel['qobjects_before']:+d} live QObjects",
         "baseline": f"{kel['rss_before_mb']} MB after one round", "ratio": "-",
         "target": f"flat (< {GROWTH_MB:g} MB, no QObject left over)",
         "met": kel["rss_growth_mb"] < GROWTH_MB and kel["qobjects_after"] <= kel["qobjects_before"]},
        {"figure": "city page switch / save a review", "now": f"page median {city['page_median_ms']} ms, worst "
         f"{city['page_worst_ms']} ms; review median {city['review_median_ms']} ms, worst "
         f"{city['review_worst_ms']} ms (CPU: page {city['page_cpu_median_ms']} / {city['page_cpu_worst_ms']} ms, "
         f"review {city['review_cpu_median_ms']} / {city['review_cpu_worst_ms']} ms)", "baseline": "-", "ratio": "-",
         "target": f"median < {MEDIAN_MS:g} ms, worst < {WORST_MS:g} ms",
         "met": max(city["page_median_ms"], city["review_median_ms"]) < MEDIAN_MS
         and max(city["page_worst_ms"], city["review_worst_ms"]) < WORST_MS},
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--switches", type=int, default=1000)
    ap.add_argument("--kelurahan-home", type=Path)
    ap.add_argument("--city-home", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kla-bench-entry-") as tmp:
        kel_home, city_home = args.kelurahan_home, args.city_home
        if kel_home is None:
            kel_home = Path(tmp) / "kel"
            make_demo(kel_home, "64.71.01.1001")
        if city_home is None:
            city_home = Path(tmp) / "city"
            make_demo(city_home, None)
        kel = bench_kelurahan(kel_home, args.switches)
        city = bench_city(city_home, 10)
    rows = rows_for(kel, city)
    if args.json:
        print(json.dumps({"kelurahan": kel, "city": city, "rows": rows}, indent=1))
        return 0
    for r in rows:
        print(f"  {r['figure']}: {r['now']}; target {r['target']} {'ok' if r['met'] else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
