"""A generated kabupaten of 1,000 desa/kelurahan, end to end (issue 9), with baselines measured in the same run.

    python bench/bench_kabupaten.py [--units 1000] [--dir DIR] [--workers 4]

Prints, each next to its baseline:

- enrolling every unit with one PDF of passphrase slips, against age's own scrypt cost
  (pyrage's work factor, one file timed and multiplied);
- importing every unit's bundle in one go, against decrypting and unpacking the same files
  with ``age`` and ``unzip``; then the same folder again (must change nothing);
- the receipts for every unit;
- ``city_status`` for the whole kabupaten against one plain SQL aggregate over the store;
  ``kla status --json`` (a process) against a process that runs that aggregate;
- the DP3AKB window (offscreen): the summary and the unit x indicator matrix opening, the
  matrix filtered by kecamatan, sorted, and scrolled to the end.

Exits 1 when an import loses or duplicates anything, or the second import changes anything.
Targets (issue 9): summary, matrix and kla status --json each under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AGGREGATE = ("SELECT e.kelurahan_code, e.indicator_no, COUNT(v.item_key) FROM entries e "
             "LEFT JOIN entry_values v ON v.entry_id = e.id WHERE e.data_year = 2025 GROUP BY 1, 2")


def timed(fn):  # noqa: ANN001, ANN201
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def verdict(ok: bool) -> str:
    return "ok" if ok else "TOO SLOW"


def counts(home: Path) -> dict[str, int]:
    conn = sqlite3.connect(home / "kla.sqlite")
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f"SELECT COUNT(*) FROM [{n}]").fetchone()[0] for n in names if n != "audit_log"}
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--demo-city", metavar="KODE",
                        help="also time 'kla demo --city KODE' (e.g. 64.02, Kutai Kartanegara, 237 units)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import pyrage

    from db.store import Store
    from exports import bundle, receipts, slips
    from tests.kabupaten import Timings, build_kabupaten

    root = args.dir or Path(tempfile.mkdtemp(prefix="kla-kabupaten-"))
    n = args.units
    failures = []
    print(f"Kabupaten buatan: {n} desa/kelurahan di {root}")

    # -------------------------------------------------------------- enrolment
    _, one_age = timed(lambda: pyrage.passphrase.encrypt(b"x" * 20_000, "7KQ2-ABCD-EFGH-JKMN"))
    t = Timings()
    world = build_kabupaten(root, n, t, workers=args.workers)
    city_home: Path = world["city"]  # type: ignore[assignment]
    parts: list[Path] = world["parts"]  # type: ignore[assignment]
    results = world["batch"].results  # type: ignore[attr-defined]
    with Store.open(city_home, start_backup=False) as city:
        _, pdf_s = timed(lambda: slips.write_slips([slips.slip_for(city, r) for r in results], root / "lembar.pdf",
                                                   city.unit(city.city_code).name))
    enrol = t.seconds["enrol"]
    print(f"daftarkan {n:5d}        : {enrol:7.1f} s ({enrol / n * 1000:5.0f} ms each) + PDF lembar {pdf_s:5.1f} s; "
          f"with age's own scrypt: ~{one_age * n / 60:5.1f} min ({one_age * 1000:5.0f} ms each)")
    print(f"(pasang + isi + kirim  : {t.seconds['install_and_export']:7.1f} s for {n} workspaces, preparation)")

    # -------------------------------------------------------------- import
    with Store.open(city_home, start_backup=False) as city:
        identity = city.sync.own_keys()[-1].age_identity
    ident_file = root / "identity.txt"
    ident_file.write_text(identity + "\n")
    if shutil.which("age") and shutil.which("unzip"):
        scratch = root / "baseline"

        def age_unzip() -> None:
            for i, p in enumerate(parts):
                out = scratch / str(i)
                out.mkdir(parents=True)
                subprocess.run(["age", "-d", "-i", str(ident_file), "-o", str(out / "b.zip"), str(p)], check=True)
                subprocess.run(["unzip", "-q", str(out / "b.zip"), "-d", str(out)], check=True)

        _, base_import = timed(age_unzip)
        # Deleted after our import, not before it: on ext4 without a journal, creating a file scans
        # past the inodes deleted in the last minute (bench_transfer.py's docstring).
    else:
        base_import = float("nan")
    with Store.open(city_home, start_backup=False) as city:
        res, ours_import = timed(lambda: bundle.import_paths(city, parts))
        imported = sum(f.status == "imported" for f in res.files)
        values = city.db.execute("SELECT COUNT(*), COUNT(DISTINCT e.kelurahan_code) FROM entry_values v "
                                 "JOIN entries e ON e.id = v.entry_id").fetchone()
    if shutil.which("age") and shutil.which("unzip"):
        shutil.rmtree(root / "baseline", ignore_errors=True)
    if imported != n or values != (3 * n, n):
        failures.append(f"impor: {imported} of {n} imported, values {values}")
    print(f"impor {n:5d} kiriman   : {ours_import:7.1f} s; age -d + unzip of the same files {base_import:7.1f} s "
          f"(ratio {ours_import / base_import:4.1f}x); {imported} imported, {values[0]} values of {values[1]} units")
    before = counts(city_home)
    with Store.open(city_home, start_backup=False) as city:
        again, again_s = timed(lambda: bundle.import_paths(city, parts))
    after = counts(city_home)
    changed = {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v and k != "sync_bundles"}
    statuses = {f.status for f in again.files}
    if statuses != {"duplicate"} or changed:
        failures.append(f"second import: {statuses}, changed {changed}")
    print(f"impor ulang folder sama: {again_s:7.1f} s; every file {sorted(statuses)}, tables changed: "
          f"{changed or 'none'}")

    # -------------------------------------------------------------- receipts
    with Store.open(city_home, start_backup=False) as city:
        rs, rs_s = timed(lambda: receipts.write_receipts(city, root / "tanda terima"))
    print(f"tanda terima {len(rs):5d}        : {rs_s:7.1f} s ({rs_s / max(1, len(rs)) * 1000:5.0f} ms each)")

    # -------------------------------------------------------------- status
    with Store.open(city_home, start_backup=False) as city:
        _, first_s = timed(lambda: city.city_status(2025))  # after the import: computed and kept
        _, status_s = timed(lambda: city.city_status(2025))  # what the next open reads (status_cache)
        _, fresh_s = timed(lambda: city.city_status(2025, fresh=True))
        _, agg_s = timed(lambda: city.db.execute(AGGREGATE).fetchall())
    print(f"city_status({n})     : {status_s * 1000:7.0f} ms kept; {first_s * 1000:7.0f} ms computed and kept "
          f"after the import; {fresh_s * 1000:7.0f} ms computed afresh; one aggregate SQL {agg_s * 1000:5.0f} ms "
          f"(target < 1 s: {verdict(status_s < 1)})")
    env = {**os.environ, "KLA_HOME": str(city_home)}
    r, cli_s = timed(lambda: subprocess.run([sys.executable, "-m", "desktop.cli", "status", "--json"], env=env,
                                            capture_output=True, text=True, cwd=ROOT))
    rows = len(json.loads(r.stdout)["kelurahan"]) if r.returncode == 0 else -1
    script = f"import sqlite3; sqlite3.connect({str(city_home / 'kla.sqlite')!r}).execute({AGGREGATE!r}).fetchall()"
    _, py_s = timed(lambda: subprocess.run([sys.executable, "-c", script], check=True))
    print(f"kla status --json      : {cli_s * 1000:7.0f} ms for {rows} units; python + the aggregate "
          f"{py_s * 1000:5.0f} ms (target < 1 s: {verdict(cli_s < 1)})")

    # -------------------------------------------------------------- window
    from PySide6.QtWidgets import QApplication

    from ui.app_settings import AppSettings
    from ui.city.city_window import CityWindow
    from ui.city.session import CitySession

    app = QApplication.instance() or QApplication([])
    store = Store.open(city_home, start_backup=False)
    session, session_s = timed(lambda: CitySession(store))
    window = CityWindow(session, AppSettings(root / "kla-desktop.ini"))
    window.resize(1366, 768)

    def show(name: str) -> None:
        window.show_page(name)
        app.processEvents()

    window.show()
    _, summary_s = timed(lambda: show("summary"))
    _, matrix_s = timed(lambda: show("matrix"))
    page = window.matrix_page
    kec = page.kecamatan.itemData(3)
    _, filter_s = timed(lambda: (page.set_kecamatan(kec), app.processEvents()))
    _, all_s = timed(lambda: (page.set_kecamatan(""), app.processEvents()))
    _, sort_s = timed(lambda: (page.view.sortByColumn(2, page.view.horizontalHeader().sortIndicatorOrder()),
                               app.processEvents()))

    def scroll() -> None:
        bar = page.view.verticalScrollBar()
        for v in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
            bar.setValue(v)
            app.processEvents()

    _, scroll_s = timed(scroll)
    pages = max(1, page.view.verticalScrollBar().maximum() // max(1, page.view.verticalScrollBar().pageStep()))
    print(f"jendela DP3AKB         : session {session_s * 1000:5.0f} ms, ringkasan {summary_s * 1000:5.0f} ms "
          f"({verdict(session_s + summary_s < 1)}), matriks {matrix_s * 1000:5.0f} ms ({verdict(matrix_s < 1)}); "
          f"filter kecamatan {filter_s * 1000:4.0f} ms, all {all_s * 1000:4.0f} ms, sort {sort_s * 1000:4.0f} ms, "
          f"scroll {scroll_s / pages * 1000:4.1f} ms per page over {pages} pages")
    window.close()
    store.close()

    if args.demo_city:
        from db.demo import create_demo

        summary, demo_s = timed(lambda: create_demo(root / "demo", seed=1, city_code=args.demo_city))
        _, bpp_s = timed(lambda: create_demo(root / "demo-bpp", seed=1))
        print(f"kla demo --city {args.demo_city}  : {demo_s:7.1f} s for {summary['kelurahan']} units with data "
              f"({summary['values']} values, {summary['evidence']} evidence); Balikpapan's 31 of 34: {bpp_s:5.1f} s")
    if failures:
        print("GAGAL:", *failures, sep="\n  ")
        return 1
    print("Semua pemeriksaan lolos." + ("" if args.dir else f" (hapus {root} bila tidak diperlukan)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
