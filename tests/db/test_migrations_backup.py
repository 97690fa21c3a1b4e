from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db import schema
from db.errors import KlaError
from db.store import Store
from tests.db.conftest import KEL, table_dump


def _downgrade_to_first_migration(db_file: Path) -> None:
    """Make the file look like one written by the first release (only 0001 applied).

    Undoes every later migration statement by statement, in reverse order.
    """
    import re

    conn = sqlite3.connect(db_file)
    with conn:
        for _name, statements in reversed(schema.MIGRATIONS[1:]):
            for sql in reversed(statements):
                sql = " ".join(sql.split())
                if m := re.match(r"CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?(\w+)", sql):
                    conn.execute(f"DROP INDEX IF EXISTS {m.group(1)}")
                elif m := re.match(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", sql):
                    conn.execute(f"DROP TABLE IF EXISTS {m.group(1)}")
                elif m := re.match(r"CREATE TRIGGER (\w+)", sql):
                    conn.execute(f"DROP TRIGGER IF EXISTS {m.group(1)}")
                elif m := re.match(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", sql):
                    conn.execute(f"ALTER TABLE {m.group(1)} DROP COLUMN {m.group(2)}")
                else:
                    raise AssertionError(f"test does not know how to undo: {sql}")
        conn.execute("DELETE FROM migrations WHERE name != '0001_initial'")
    conn.close()


def test_migration_from_an_older_schema_keeps_data_and_backs_up_first(tmp_path):
    home = tmp_path / "ws"
    with Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti") as store:
        store.set_value(None, 2025, 4, "anak_total", 77, sex="L", age="1-4")
    _downgrade_to_first_migration(home / "kla.sqlite")
    cols = {r[1] for r in sqlite3.connect(home / "kla.sqlite").execute("PRAGMA table_info(entries)")}
    assert "review_state" not in cols

    with Store.open(home) as store:
        assert store.pending_migrations() == []
        assert store.values(None, 2025, 4) == {("anak_total", "L", "1-4"): 77}
        store.set_review(KEL, 2025, 4, "perlu_perbaikan", "Lampirkan rekap Disdukcapil")
        assert store.entry(None, 2025, 4).review_state == "perlu_perbaikan"
    backups = Store.list_backups(home)
    pre = [b for b in backups if "sebelum-migrasi" in b.reason]
    assert len(pre) == 1
    # the copy is the old schema, untouched
    old_cols = {r[1] for r in sqlite3.connect(pre[0].path).execute("PRAGMA table_info(entries)")}
    assert "review_state" not in old_cols


def test_file_from_a_newer_program_is_refused(tmp_path):
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    conn = sqlite3.connect(home / "kla.sqlite")
    with conn:
        conn.execute("INSERT INTO migrations VALUES ('0999_future', 'x')")
    conn.close()
    # still "pending" nothing of ours, but unknown names mean a newer writer
    names = [n for n, _ in schema.MIGRATIONS]
    conn = sqlite3.connect(home / "kla.sqlite")
    with conn:
        conn.execute("DELETE FROM migrations WHERE name = ?", [names[-1]])
    conn.close()
    with pytest.raises(KlaError) as exc:
        Store.open(home)
    assert exc.value.code == "db_newer"


def test_backup_and_restore_round_trip(kel_store, tmp_path):
    kel_store.set_value(None, 2025, 4, "anak_total", 10, sex="L", age="1-4")
    backup = kel_store.backup("manual")
    kel_store.set_value(None, 2025, 4, "anak_total", 99, sex="L", age="1-4")
    home = kel_store.paths.home
    kel_store.close()
    safety = Store.restore(home, backup)
    with Store.open(home) as store:
        assert store.values(None, 2025, 4)[("anak_total", "L", "1-4")] == 10
    with Store.open(home, check=True) as store:
        pass
    # the state before the restore was kept too
    with sqlite3.connect(safety) as conn:
        row = conn.execute("SELECT value FROM entry_values WHERE item_key='anak_total'").fetchone()
    assert row[0] == "99"


def test_restore_refuses_garbage_and_other_workspaces(kel_store, tmp_path):
    home = kel_store.paths.home
    before = table_dump(kel_store)
    junk = tmp_path / "bukan.sqlite"
    junk.write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(KlaError) as exc:
        Store.restore(home, junk)
    assert exc.value.code == "backup_invalid"
    other = Store.create(tmp_path / "lain", "kelurahan", kelurahan_code="64.71.02.1001")
    other_backup = other.backup("manual")
    other.close()
    with pytest.raises(KlaError) as exc:
        Store.restore(home, other_backup)
    assert exc.value.code == "backup_other_workspace"
    assert table_dump(kel_store) == before


def test_automatic_backups_rotate(kel_store):
    for _ in range(14):
        kel_store.backup("otomatis")
    autos = [b for b in Store.list_backups(kel_store.paths.home) if not b.manual]
    assert len(autos) == 10
    kel_store.backup("manual")
    assert any(b.manual for b in Store.list_backups(kel_store.paths.home))


def test_damaged_file_is_detected_on_open_and_points_to_a_good_backup(tmp_path):
    home = tmp_path / "ws"
    with Store.create(home, "kelurahan", kelurahan_code=KEL) as store:
        for i in range(200):
            store.set_value(None, 2025, 3, next(it.key for it in store.template.indicator(3).items
                                                if it.type == "count"), i)
        good = store.backup("otomatis")
    db_file = home / "kla.sqlite"
    data = bytearray(db_file.read_bytes())
    # Overwrite a band of pages in the middle: header stays valid, b-trees break.
    mid = len(data) // 2
    data[mid: mid + 8192] = os.urandom(8192)
    db_file.write_bytes(bytes(data))
    with pytest.raises(KlaError) as exc:
        Store.open(home)
    assert exc.value.code == "db_corrupt"
    assert exc.value.params["backup"] == str(good)
    Store.restore(home, good)
    with Store.open(home) as store:
        assert store.check(verify_files=False).ok


def test_check_finds_missing_and_altered_evidence(kel_store, tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.4 contoh")
    rec = kel_store.add_evidence(None, f, links=[(2025, 1)]).record
    assert kel_store.check().ok
    kel_store.evidence_path(rec).write_bytes(b"%PDF-1.4 diubah")
    rep = kel_store.check()
    assert not rep.ok and rep.damaged_files == (rec.sha256,) and rep.set_aside == (rec.sha256,)
    # Set aside (issue 14): out of the evidence folder into quarantine with its reason, never deleted;
    # from then on it counts as missing, until the original is added again.
    assert not kel_store.evidence_path(rec).exists()
    kept = next(kel_store.paths.quarantine.glob(f"*-{rec.sha256[:16]}-data-dukung-rusak"))
    assert kept.read_bytes() == b"%PDF-1.4 diubah" and kept.with_name(kept.name + ".alasan.txt").exists()
    assert kel_store.check().missing_files == (rec.sha256,)
    kel_store.add_evidence(None, f, links=[(2025, 1)])
    assert kel_store.check().ok


CRASH_WRITER = textwrap.dedent(
    """
    import sys
    from db.store import Store
    store = Store.open(sys.argv[1], operator="crash")
    item = sys.argv[2]
    print("ready", flush=True)
    i = 0
    while True:
        with store.transaction():
            for sex in ("L", "P"):
                for age in ("0-60h", "61h-1", "1-4", "5-11", "12-17"):
                    store.set_value(None, 2025, 4, item, i, sex=sex, age=age)
        i += 1
    """
)


def test_killed_writer_leaves_a_consistent_database(tmp_path):
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASH_WRITER, str(home), "anak_total"],
        stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout.readline().strip() == b"ready"
    # Let it commit many transactions, then kill it mid-write (SIGKILL: no cleanup at all).
    db_wal = home / "kla.sqlite-wal"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if db_wal.exists() and db_wal.stat().st_size > 200_000:
            break
        time.sleep(0.005)  # polling a child process's file, not waiting on our own code
    proc.kill()
    proc.wait()
    with Store.open(home) as store:
        assert store.check(verify_files=False).ok
        cells = store.values(None, 2025, 4)
        # each transaction wrote all ten cells with one number: never a mix
        assert len(cells) in (0, 10)
        assert len(set(cells.values())) <= 1
        entry = store.entry(None, 2025, 4)
        if cells:
            hist = store.audit_log("value", limit=100000)
            assert len(hist) == entry.revision


def test_opening_makes_one_automatic_backup_a_day(tmp_path):
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL).close()
    for _ in range(3):
        Store.open(home).close()
    autos = [b for b in Store.list_backups(home) if b.reason == "otomatis"]
    assert len(autos) == 1
    with Store.open(home) as store:
        assert store.values(None, 2025, 4) == {}


def test_describe_backup_tells_what_it_holds_without_touching_it(kel_store, tmp_path):

    empty = kel_store.backup("otomatis")  # like the one made when the workspace was created
    kel_store.set_value(None, 2025, 4, "anak_total", 10, sex="L", age="1-4")
    kel_store.set_value(None, 2025, 4, "anak_total", 12, sex="P", age="1-4")
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 64)
    kel_store.add_evidence(None, photo)
    kel_store.sync.add_own_key("k1", "sp", "pp", "AGE-SECRET", "age1rec")
    full = kel_store.backup("manual")
    raw = full.read_bytes()
    mtime = full.stat().st_mtime_ns

    info = Store.describe_backup(full)
    assert (info.role, info.kelurahan_code) == ("kelurahan", KEL)
    assert info.value_count == 2 and info.evidence_count == 1 and info.enrolled
    assert info.last_change_at and info.created_at
    # read-only: not a byte changed, no journal or WAL files left beside it
    assert full.read_bytes() == raw and full.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in full.parent.iterdir()) == sorted(
        p.name for p in full.parent.iterdir() if p.suffix == ".sqlite")

    first = Store.describe_backup(empty)
    assert first.value_count == 0 and first.evidence_count == 0 and not first.enrolled
    assert first.last_change_at <= info.last_change_at

    with pytest.raises(KlaError):
        Store.describe_backup(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(KlaError):
        Store.describe_backup(junk)
