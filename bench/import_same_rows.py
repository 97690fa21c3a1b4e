"""Does this tree's import store what another tree's stores? The same bundles, two fresh copies of one city.

    python bench/import_same_rows.py --other /path/to/a/checkout/of/main   # 34 demo kelurahan
    python bench/import_same_rows.py --other ../main --units 6

``--units`` demo kelurahan are enrolled into one city and export their bundles (as
``bench_transfer.py --import-only`` does); then a child process of each tree (``--other`` and this
one) imports all the bundles into its own copy of that city. Compared: every row of every table
(sorted; left out only what the clock writes at import time: ``audit_log.at``,
``sync_origin.updated_at``, ``sync_bundles.recorded_at``), the files of ``evidence/`` by name and
SHA-256, each file's report (outcomes and reasons per item), and that nothing is left in ``tmp/``.
Exit status 0 when all are the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Written from the clock at import time: differ between two runs of the same code.
VOLATILE = {("audit_log", "at"), ("sync_origin", "updated_at"), ("sync_bundles", "recorded_at")}

CHILD = """
import json, sys
from pathlib import Path
from db.store import Store
from exports import bundle
home, out = Path(sys.argv[1]), Path(sys.argv[2])
store = Store.open(home, start_backup=False)
try:
    r = bundle.import_paths(store, sorted(out.glob("*.kla")))
    print(json.dumps([{"status": f.status, "counts": f.counts, "items": f.items} for f in r.files], sort_keys=True))
finally:
    store.close()
"""


def tables(db: Path) -> dict[str, tuple[list[str], list[str]]]:
    c = sqlite3.connect(db)
    try:
        out = {}
        for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"):
            cols = [r[1] for r in c.execute(f'PRAGMA table_info("{t}")') if (t, r[1]) not in VOLATILE]
            rows = c.execute(f"SELECT {', '.join(chr(34) + x + chr(34) for x in cols)} FROM \"{t}\"").fetchall()
            out[t] = (cols, sorted(map(repr, rows)))
        return out
    finally:
        c.close()


def files(folder: Path) -> list[tuple[str, str]]:
    return sorted((p.relative_to(folder).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
                  for p in folder.rglob("*") if p.is_file())


def make_bundles(work: Path, units: int) -> None:
    from db import demo, orgunits
    from db.store import Store
    from exports import bundle, setup

    codes = [u.code for u in orgunits.balikpapan_units() if u.level == "kelurahan"][:units]
    city = Store.create(work / "city", "city", operator="Admin")
    (work / "out").mkdir()
    for c in codes:
        home = work / "kel" / c
        demo.create_demo(home, seed=1, kelurahan_code=c)
        r = setup.enroll(city, c, work / "setup" / f"{c}.klasetup")
        setup.install(home, r.path, r.passphrase)
        with Store.open(home, start_backup=False) as k:
            bundle.export_bundles(k, work / "out")
    city.close()


def import_with(tree: Path, work: Path, name: str) -> tuple[Path, list]:
    home = work / name
    shutil.copytree(work / "city", home, ignore=shutil.ignore_patterns("kla-desktop.lock*"))
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    env["PYTHONPATH"] = str(tree)
    got = subprocess.run([sys.executable, "-c", CHILD, str(home), str(work / "out")], cwd=tree, env=env,
                         capture_output=True, text=True, check=True)
    return home, json.loads(got.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--other", type=Path, required=True, help="the tree to compare with (a checkout of main)")
    ap.add_argument("--units", type=int, default=34)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kla-same-rows-") as tmp:
        work = Path(tmp)
        make_bundles(work, args.units)
        a, rep_a = import_with(args.other.resolve(), work, "other")
        b, rep_b = import_with(ROOT, work, "this")
        ta, tb = tables(a / "kla.sqlite"), tables(b / "kla.sqlite")
        bad = 0
        for t in sorted(set(ta) | set(tb)):
            ra, rb = set(ta.get(t, ([], []))[1]), set(tb.get(t, ([], []))[1])
            if ta.get(t) != tb.get(t):
                bad += 1
                print(f"DIFFERENT {t}: {len(ra - rb)} rows only in --other, {len(rb - ra)} only here")
        fa, fb = files(a / "evidence"), files(b / "evidence")
        left = sorted(p.name for p in (b / "tmp").iterdir()) if (b / "tmp").is_dir() else []
        same_reports = rep_a == rep_b
        rows = sum(len(v[1]) for v in ta.values())
        print(f"{len(ta)} tables, {rows} rows: {'identical' if not bad else f'{bad} tables differ'}; "
              f"evidence/: {len(fa)} files, {'same names and bytes' if fa == fb else 'DIFFERENT'}; "
              f"reports per file and item: {'same' if same_reports else 'DIFFERENT'}; left in tmp/: {left or 'nothing'}")
        return 0 if not bad and fa == fb and same_reports and not left else 1


if __name__ == "__main__":
    sys.exit(main())
