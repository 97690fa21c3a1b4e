"""Issue 4's "done when", on the demo, for all 34 kelurahan (a scenario run, ~2-3 minutes).

    python bench/e2e_city.py [--dir DIR] [--kelurahan N]

All 34 kelurahan are enrolled and export; DP3AKB imports half from a stick folder and half
from .eml files, writes receipts; the kelurahan import them; the second round carries only
what changed; a bundle with one byte changed, and one claiming another kelurahan, are
refused with a reason and nothing changes. Exits non-zero if any of that does not hold.
Too slow for the test suite (enrolment uses age's scrypt on purpose); tests/exports runs
the same steps on two kelurahan.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def tables(home: Path) -> dict[str, list]:
    conn = sqlite3.connect(home / "kla.sqlite")
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(conn.execute(f"SELECT * FROM [{n}]").fetchall(), key=repr) for n in names}
    finally:
        conn.close()


def main() -> int:
    import pyrage

    from db import demo, orgunits
    from db.store import Store
    from exports import bundle, keys, receipts, setup

    ap = argparse.ArgumentParser()
    ap.add_argument("--dir")
    ap.add_argument("--kelurahan", type=int, default=34)
    args = ap.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="kla-e2e-"))
    t0 = time.perf_counter()

    def step(text: str) -> None:
        print(f"[{time.perf_counter() - t0:6.1f}s] {text}", flush=True)

    codes = [u.code for u in orgunits.balikpapan_units() if u.level == "kelurahan"][: args.kelurahan]
    city = Store.create(work / "city", "city", operator="Admin DP3AKB")
    step(f"{len(codes)} kelurahan demo workspaces")
    for c in codes:
        demo.create_demo(work / "kel" / c, seed=1, kelurahan_code=c)
    step("enrolment and setup")
    for c in codes:
        r = setup.enroll(city, c, work / "setup" / f"{c}.klasetup", email="dp3akb@balikpapan.go.id")
        setup.install(work / "kel" / c, r.path, r.passphrase)
    step("first round: every kelurahan exports (half to a stick, half as .eml)")
    stick, mail = work / "stick", work / "mail"
    mail.mkdir(parents=True)
    first = {}
    for n, c in enumerate(codes):
        with Store.open(work / "kel" / c) as k:
            if n % 2:
                ex = bundle.export_bundles(k, work / "outbox" / c, eml=True)
                for e in ex.eml:
                    shutil.copy(e, mail / e.name)
            else:
                ex = bundle.export_bundles(k, stick)
            first[c] = ex.items
    step("DP3AKB imports the stick folder and the e-mails")
    res = bundle.import_paths(city, [stick, mail])
    assert not res.refused, [(f.path, f.reason_code) for f in res.refused]
    assert all(f.status == "imported" for f in res.files)
    for c in codes:
        with Store.open(work / "kel" / c) as k:
            assert {i.key: i.hash for i in city.sync.items(c)} == {i.key: i.hash for i in k.sync.items(c)}, c
    step("receipts written and imported at every kelurahan")
    rs = receipts.write_receipts(city, work / "receipts")
    assert len(rs) == len(codes)
    for r in rs:
        with Store.open(work / "kel" / r.kelurahan_code) as k:
            got = bundle.import_paths(k, [r.path])
            assert got.files[0].status == "imported", got.files[0]
    step("second round: five kelurahan change one value each")
    changed = set(codes[::7])
    second = {}
    for c in codes:
        with Store.open(work / "kel" / c, operator="petugas") as k:
            if c in changed:
                k.set_value(None, 2025, 3, "media", 5)
            ex = bundle.export_bundles(k, work / "round2")
            second[c] = ex.items
    assert all(second[c] == 1 for c in changed), second
    assert all(second[c] == 0 for c in codes if c not in changed), second
    got = bundle.import_paths(city, [work / "round2"])
    assert [f.status for f in got.files] == ["imported"] * len(changed)
    step("tampering: one byte changed, and a bundle claiming another kelurahan")
    with Store.open(work / "kel" / codes[0], operator="petugas") as k:
        k.set_value(None, 2025, 3, "media", 6)
        part = bundle.export_bundles(k, work / "round3").parts[0].path
        own_private = k.sync.own_keys()[-1].sign_private
    before = tables(work / "city")
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 1
    (work / "satu-bita.kla").write_bytes(bytes(data))
    ids = [keys.identity(x.age_identity) for x in city.sync.own_keys()]
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(part.read_bytes(), ids))) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    man = json.loads(members["manifest.json"])
    man["kelurahan"]["code"] = codes[1]
    members["manifest.json"] = json.dumps(man).encode()
    import hashlib

    body = {n: d for n, d in members.items() if not n.startswith("SHA256SUMS")}
    members["SHA256SUMS"] = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(body.items())).encode()
    members["SHA256SUMS.sig"] = keys.sign(own_private, members["SHA256SUMS"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    (work / "klaim.kla").write_bytes(pyrage.encrypt(buf.getvalue(), [keys.recipient(city.sync.own_keys()[-1].age_recipient)]))
    from ui.messages import error_text

    got = bundle.import_paths(city, [work / "satu-bita.kla", work / "klaim.kla"], describe=error_text)
    codes_got = [f.reason_code for f in got.files]
    assert codes_got == ["bundle_damaged", "bundle_other_kelurahan"], codes_got
    city.close()
    after = tables(work / "city")
    assert after == before
    for f in got.files:
        print("   ditolak:", Path(f.path).name, "—", Path(f.quarantined + ".alasan.txt").read_text().splitlines()[2])
    step(f"done: round 1 carried {sum(first.values())} items, round 2 {sum(second.values())} items")
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
