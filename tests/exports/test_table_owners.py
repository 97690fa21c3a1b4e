"""One owner per table: every row written anywhere in a full round trip comes from the one
``db/`` module that owns its table (and never from ``exports/``, ``ui/`` or ``desktop/``).

Each connection the store opens gets a SQLite authorizer that notes, for every INSERT,
UPDATE and DELETE, the table and the ``db`` module whose code issued it (the first frame of
the Python stack inside ``db/`` other than the core's conduit). The round trip: enrol a
kelurahan, type values, evidence, activities and facilities, export, import at DP3AKB,
review, receipt back, a conflict resolved, a backup.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import db.core
import db.store
from db import demo
from db.store import Store
from exports import bundle, receipts, setup
from tests.exports.conftest import KEL_A

DB_DIR = Path(db.core.__file__).resolve().parent
ROOT = DB_DIR.parent

OWNERS = {
    "meta": "db/core.py", "audit_log": "db/core.py", "migrations": "db/core.py",
    "org_units": "db/refdata.py", "periods": "db/refdata.py", "templates": "db/refdata.py",
    "operators": "db/refdata.py",
    "entries": "db/entries.py", "entry_values": "db/entries.py",
    "evidence": "db/evidence.py", "evidence_links": "db/evidence.py",
    "activities": "db/recordsets.py", "activity_evidence": "db/recordsets.py",
    "facilities": "db/recordsets.py", "facility_evidence": "db/recordsets.py",
    "deletions": "db/tombstones.py",
    "sync_own_keys": "db/sync_parts/keys.py", "sync_peer_keys": "db/sync_parts/keys.py",
    "sync_state": "db/sync_parts/log.py", "sync_bundles": "db/sync_parts/log.py",
    "sync_origin": "db/sync_parts/city.py", "sync_rejected": "db/sync_parts/city.py",
    "sync_conflicts": "db/sync_parts/city.py",
    "sync_local": "db/sync_parts/local.py", "sync_held_files": "db/sync_parts/local.py",
    "kelana": "db/cityadmin.py", "kelana_files": "db/cityadmin.py", "city_deadlines": "db/cityadmin.py",
    "unit_contacts": "db/cityadmin.py",
    "template_drafts": "db/template_drafts.py", "template_retired_values": "db/template_migration.py",
    "rubric_scores": "db/rubrics.py",
    "status_cache": "db/status_cache.py",
}
TRIGGER_OWNERS = {"status_cache": "db/status_cache.py"}
"""Triggers by the prefix of their name (``status_cache_values_insert``): the owner of what they write."""
WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


def _writer() -> str:
    """The module (path under the repo) that issued the statement being authorized."""
    f = sys._getframe(2)
    outside = None
    while f is not None:
        p = Path(f.f_code.co_filename).resolve()
        if p.is_relative_to(ROOT) and not p.is_relative_to(ROOT / "tests"):
            rel = p.relative_to(ROOT).as_posix()
            # Core.execute (and executemany, insert_rows) is the conduit every owner writes through: the owner is its caller.
            # The core's own writes (audit log, meta, migrations) come from its other methods.
            # db/sqlite_db.py is the connection wrapper under the core: a conduit too.
            conduit = rel == "db/sqlite_db.py" or (
                rel == "db/core.py" and f.f_code.co_name in ("execute", "executemany", "insert_rows", "transaction"))
            if rel.startswith("db/") and not conduit:
                return rel
            if not rel.startswith("db/") and outside is None:
                outside = rel
        f = f.f_back
    return outside or "db/core.py"


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = defaultdict(set)
    real = db.store.connect

    def connect(path: Path):  # noqa: ANN202
        database = real(path)

        def auth(action: int, arg1: str | None, arg2: str | None, dbname: str | None, source: str | None) -> int:
            if action in WRITES and arg1 and not arg1.startswith("sqlite_") and dbname == "main":
                # A trigger's statement is the trigger owner's write, whichever statement fired it.
                seen[arg1].add(TRIGGER_OWNERS.get((source or "").rsplit("_", 2)[0], "") or _writer()
                               if source else _writer())
            return sqlite3.SQLITE_OK

        database.conn.set_authorizer(auth)
        return database

    monkeypatch.setattr(db.store, "connect", connect)
    return seen


def test_every_table_has_one_writer_in_a_full_round_trip(writes: dict[str, set[str]], tmp_path: Path) -> None:
    city = Store.create(tmp_path / "city", "city", operator="Admin")
    demo.create_demo(tmp_path / "a", seed=3, kelurahan_code=KEL_A)
    r = setup.enroll(city, KEL_A, tmp_path / "a.klasetup", email="dp3akb@example.go.id")
    setup.install(tmp_path / "a", r.path, r.passphrase)
    a = Store.open(tmp_path / "a", operator="Siti")
    try:
        year = max(a.current_period().data_years)
        a.set_value(None, year, 4, "anak_total", 10, sex="L", age="1-4")
        a.set_notes(None, year, 4, "dari Disdukcapil")
        a.set_value(None, year, 2, "nomor_sk_tim", "5/2024")
        doc = tmp_path / "rekap.pdf"
        doc.write_bytes(b"%PDF-1.4 rekap")
        ev = a.add_evidence(None, doc, links=[(year, 4)], kind="report").record
        a.link_evidence(ev.id, year, 6)
        a.unlink_evidence(ev.id, year, 6)
        act = a.add_activity(None, year, "Musrenbang anak", indicators=[6]).record
        a.attach_evidence("activity", act.id, ev.id)
        a.update_activity(act.id, title="Musrenbang anak kelurahan")
        fac = a.add_facility(None, "Taman", "rbra").record
        a.update_facility(fac.id, notes="dekat sekolah")
        a.delete_facility(fac.id)
        a.set_setting("photo_jpeg_quality", "70")
        out = bundle.export_bundles(a, tmp_path / "out")
        rep = bundle.import_paths(city, [p.path for p in out.parts])
        assert all(f.status == "imported" for f in rep.files), rep.files
        city.set_review(KEL_A, year, 4, "perlu_perbaikan", "lengkapi umur 5-9")
        city.set_kelana("64.71.01", year, status="kelana", sk_number="1/2026")
        city.add_kelana_file("64.71.01", year, doc)
        city.set_deadline(city.period_for_data_year(year).eval_year, "2027-03-31")
        city.set_contact(KEL_A, name="Bu Rina", phone="0812")
        # DP3AKB's own units (issue 9): added, renamed, retired; the rename reaches the unit by receipt.
        city.add_unit("64.71.01.1099", "Manggar Permai")
        city.retire_unit("64.71.01.1099", "uji")
        city.rename_unit(KEL_A, "Manggar Lama")
        # DP3AKB publishes version 2 of the template (issue 12): a draft, an item retired, weights moved.
        city.start_template_draft()
        city.edit_template_draft("retire_item", indicator=2, item="nomor_sk_tim")
        city.edit_template_draft("set_weight", indicator=2, value=city.template.indicator(2).weight + 5)
        city.edit_template_draft("set_weight", indicator=3, value=city.template.indicator(3).weight - 5)
        city.publish_template_draft()
        rs = receipts.write_receipts(city, tmp_path / "rc", KEL_A)
        got = bundle.import_paths(a, [rs[0].path])
        assert got.files[0].status == "imported"
        assert a.kelurahan(KEL_A).name == "Manggar Lama"
        assert a.template.version == 2 and "5/2024" in [r["value"] for r in a.retired_values()]
        a.backup(reason="manual")
    finally:
        a.close()
        city.close()

    assert writes, "the authorizer saw no writes: the test would prove nothing"
    wrong = {t: sorted(w) for t, w in writes.items() if w != {OWNERS.get(t, "?")}}
    assert wrong == {}, f"tables written by other modules than their owner: {wrong}"
    # The round trip reaches every table with an owner that a round trip writes.
    assert {"entries", "entry_values", "evidence", "activities", "facilities", "deletions", "sync_bundles",
            "sync_origin", "sync_local", "sync_peer_keys", "sync_own_keys", "audit_log", "kelana", "kelana_files",
            "city_deadlines", "unit_contacts", "templates", "template_drafts", "template_retired_values",
            "status_cache"} <= set(writes)
