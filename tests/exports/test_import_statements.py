"""DP3AKB's import writes a bundle's rows in few statements, and the same rows as row by row.

Inside a bundle's savepoint every write statement opens a statement journal, and releasing it
makes SQLite walk the savepoint's whole in-memory journal: an entry's values, and a bundle's
origins and audit lines, go in multi-row INSERTs (``db.core.Core.insert_rows``); an evidence
item is looked up once for its scope check and its write (``Evidence.bundle_probe``); an entry
DP3AKB has no row for is not looked up (``Entries.row_keys``, read once per bundle); a bundle's
new evidence records are written together, before anything reads or writes what they touch.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from db import sync
from db.store import Store
from exports import bundle
from tests.exports.conftest import (
    KEL_A,
    city_recipient,
    dump,
    items_of,
    own_private,
    read_plain,
    write_forged,
)


def _traced(store: Store, fn) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        store.db.conn.set_trace_callback(None)
    # The trace repeats a statement (its text with the values bound) for each trigger it runs: folded.
    return [s for n, s in enumerate(seen) if not s.startswith("--") and (n == 0 or seen[n - 1] != s)]


@pytest.mark.parametrize("n", [0, 1, 2, 63, 64, 65, 130])
def test_insert_rows_writes_what_executemany_writes(world, n: int) -> None:
    city = world.city
    core = city.core
    for t in ("many", "rows"):
        core.execute(f"CREATE TEMP TABLE {t}(k TEXT PRIMARY KEY, v INTEGER, w TEXT)")
    # Keys repeat, so the upsert meets rows written earlier in the same statement.
    rows = [[f"k{i % 40}", i, "x" * (i % 3)] for i in range(n)]
    tail = " ON CONFLICT(k) DO UPDATE SET v = v + excluded.v, w = excluded.w"
    with city.transaction():
        core.executemany("INSERT INTO temp.many(k, v, w) VALUES (?, ?, ?)" + tail, rows)
        statements = _traced(city, lambda: core.insert_rows("INSERT INTO temp.rows(k, v, w)", 3, rows, tail))
    got = [tuple(r) for r in core.db.conn.execute("SELECT rowid, k, v, w FROM temp.rows ORDER BY rowid")]
    want = [tuple(r) for r in core.db.conn.execute("SELECT rowid, k, v, w FROM temp.many ORDER BY rowid")]
    assert got == want and len(got) == min(n, 40)
    assert len(statements) == n // 64 + bin(n % 64).count("1")


def test_insert_rows_fails_whole_inside_the_callers_transaction(world) -> None:
    city = world.city
    core = city.core
    core.execute("CREATE TEMP TABLE once(k TEXT PRIMARY KEY)")
    with pytest.raises(sqlite3.IntegrityError), city.transaction():
        core.insert_rows("INSERT INTO temp.once(k)", 1, [["a"], ["b"], ["a"]])
    assert core.db.conn.execute("SELECT count(*) FROM temp.once").fetchone()[0] == 0


def test_a_bundle_is_written_in_few_statements_and_as_row_by_row(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    part = bundle.export_bundles(a, tmp_path / "out").parts[0]
    statements = _traced(city, lambda: bundle.import_paths(city, [part.path]))
    items = items_of(city, KEL_A)
    values = sum(len(it.data["values"]) for it in city.sync.items(KEL_A) if it.kind == "entry" and it.data)
    entries = sum(1 for k in items if k.startswith("entry/"))
    evidence = sum(1 for k in items if k.startswith("evidence/"))
    assert values > 2 * entries > 0 and evidence > 0
    writes = [s for s in statements if s.startswith("INSERT INTO entry_values")]
    # Row by row it was one statement per value.
    assert len(writes) < entries < values
    assert sum(s.startswith("INSERT INTO sync_origin") for s in statements) < len(items) // 8
    assert sum(s.startswith("INSERT INTO audit_log") for s in statements) < len(items) // 8
    # The bundle's new evidence records and their links: a few statements, not one (two) per record.
    assert sum(s.startswith("INSERT INTO evidence(") for s in statements) <= 7 < evidence
    assert sum(s.startswith("INSERT OR IGNORE INTO evidence_links") for s in statements) <= 7
    # The bundle's new entries: a few statements, and their cells a few more.
    assert sum(s.startswith("INSERT INTO entries(") for s in statements) <= 7 < entries
    assert len(writes) <= 7 + values // 32
    # One look-up per evidence item (its owner and the same file under another id), none per new entry.
    assert sum(s.startswith("SELECT") and " FROM evidence WHERE id = " in s for s in statements) == evidence
    assert not any(s.startswith("SELECT * FROM entries WHERE kelurahan_code = ") and "AND data_year = " in s
                   and "AND indicator_no = " in s for s in statements)
    # What the import holds is what the kelurahan holds, item by item.
    assert items == items_of(a, KEL_A)


def test_a_changed_bundle_updates_as_row_by_row_and_repeats_change_nothing(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    first = bundle.export_bundles(a, tmp_path / "one").parts[0]
    assert bundle.import_paths(city, [first.path]).files[0].status == "imported"
    # A value changed, one cleared, notes added: the held rows are read and only the changes written.
    entry = next(it for it in a.sync.items(KEL_A) if it.kind == "entry" and it.data and len(it.data["values"]) > 2)
    year, ind = entry.data["data_year"], entry.data["indicator_no"]
    item, sex, age, value = entry.data["values"][0]
    new = (not value) if isinstance(value, bool) else value + 1
    a.set_value(None, year, ind, item, new, sex=sex, age=age)
    a.set_notes(None, year, ind, "diubah")
    second = bundle.export_bundles(a, tmp_path / "two").parts[0]
    rep = bundle.import_paths(city, [second.path]).files[0]
    assert rep.status == "imported" and rep.counts["changed"] >= 1
    assert items_of(city, KEL_A) == items_of(a, KEL_A)
    row = city.db.conn.execute(
        "SELECT v.value, v.revision FROM entry_values v JOIN entries e ON e.id = v.entry_id WHERE"
        " e.kelurahan_code = ? AND e.data_year = ? AND e.indicator_no = ? AND v.item_key = ? AND v.sex = ?"
        " AND v.age = ?", [KEL_A, year, ind, item, sex, age]).fetchone()
    assert row == ("true" if new is True else "false" if new is False else str(new), 2)
    before = dump(city, include_audit=False)
    again = bundle.import_paths(city, [second.path]).files[0]
    assert again.status == "duplicate" and dump(city, include_audit=False) == before


def _forged(world, tmp_path: Path, edit) -> Path:
    """Kelurahan A's real bundle with its records edited by ``edit(lines)``, re-signed with A's key."""
    city = world.city
    m = read_plain(bundle.export_bundles(world.a, tmp_path / "a").parts[0].path, city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    edit(lines)
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)
    return write_forged(tmp_path / "diubah.kla", m, city_recipient(city), sign_with=own_private(world.a))


def _again(lines: list[dict], line: dict, change) -> dict:
    """A later version of ``line`` right after it in the bundle: a copy changed by ``change(data)``,
    hashed, based on ``line``."""
    again = copy.deepcopy(line)
    change(again["data"])
    again["hash"] = sync.item_hash(again["key"], again["data"])
    again["base"] = line["hash"]
    lines.insert(lines.index(line) + 1, again)
    return again


def _evidence_line(lines: list[dict]) -> dict:
    return next(x for x in lines if x["key"].startswith("evidence/") and x["data"])


def test_one_file_under_two_new_records_of_one_bundle_keeps_the_later(world, tmp_path: Path) -> None:
    """The second record of a file the bundle's first one (not yet written) brought: as row by row,
    the first record makes way (a tombstone) and the later one holds the file, with its links."""
    new_id = uuid.uuid4().hex
    first: dict = {}

    def edit(lines: list[dict]) -> None:
        ev = _evidence_line(lines)
        first.update(ev)
        twin = copy.deepcopy(ev)
        twin["key"], twin["data"]["id"] = f"evidence/{new_id}", new_id
        twin["data"]["caption"] = "salinan kedua"
        twin["hash"] = sync.item_hash(twin["key"], twin["data"])
        lines.insert(lines.index(ev) + 1, twin)

    city = world.city
    rep = bundle.import_paths(city, [_forged(world, tmp_path, edit)]).files[0]
    assert rep.status == "imported", rep
    old_id = first["data"]["id"]
    rows = city.db.conn.execute("SELECT id, caption FROM evidence WHERE kelurahan_code = ? AND sha256 = ?",
                                [KEL_A, first["data"]["sha256"]]).fetchall()
    assert rows == [(new_id, "salinan kedua")]
    links = city.db.conn.execute("SELECT data_year, indicator_no FROM evidence_links WHERE evidence_id = ?"
                                 " ORDER BY 1, 2", [new_id]).fetchall()
    assert [list(x) for x in links] == sorted(first["data"]["links"])
    assert city.db.conn.execute("SELECT count(*) FROM deletions WHERE entity = 'evidence' AND entity_id = ?",
                                [old_id]).fetchone()[0] == 1
    assert city.check().ok


def test_one_record_twice_in_a_bundle_ends_as_its_later_version(world, tmp_path: Path) -> None:
    """A record the bundle carries twice: the second is decided against the first as written (it was
    not yet in the table when the second came), and the later version is what DP3AKB holds."""
    later: dict = {}

    def edit(lines: list[dict]) -> None:
        later.update(_again(lines, _evidence_line(lines), lambda data: data.update(caption="keterangan baru")))

    city = world.city
    rep = bundle.import_paths(city, [_forged(world, tmp_path, edit)]).files[0]
    assert rep.status == "imported", rep
    outcomes = [x["outcome"] for x in rep.items if x["key"] == later["key"]]
    assert outcomes == ["new", "changed"]
    held = {it.key: it for it in city.sync.items(KEL_A)}[later["key"]]
    assert held.hash == later["hash"] and held.data["caption"] == "keterangan baru"
    assert city.evidence(later["data"]["id"]).revision == 2


def test_a_bundle_refused_after_its_new_records_leaves_nothing(world, tmp_path: Path) -> None:
    """Refused at its last record (a forged hash), after its new evidence records were made but not yet
    written: nothing of it is in the store, and the next bundle does not carry them in."""
    def edit(lines: list[dict]) -> None:
        lines[-1]["hash"] = "0" * 64

    city = world.city
    before = dump(city)
    rep = bundle.import_paths(city, [_forged(world, tmp_path, edit)]).files[0]
    assert (rep.status, rep.reason_code) == ("refused", "bundle_item_invalid"), rep
    assert dump(city) == before
    good = bundle.export_bundles(world.a, tmp_path / "baik").parts[0]
    assert bundle.import_paths(city, [good.path]).files[0].status == "imported"
    assert items_of(city, KEL_A) == items_of(world.a, KEL_A) and city.check().ok


def test_one_entry_twice_in_a_bundle_ends_as_its_later_version(world, tmp_path: Path) -> None:
    """An entry new to DP3AKB that the bundle carries twice, the second time with a value changed and
    one cleared: the second is decided against the first as written, and the later one is held."""
    later: dict = {}

    def edit(lines: list[dict]) -> None:
        en = next(x for x in lines if x["key"].startswith("entry/") and x["data"] and len(x["data"]["values"]) > 2)

        def change(data: dict) -> None:
            vals = data["values"]
            first = vals[0]
            first[3] = (not first[3]) if isinstance(first[3], bool) else (first[3] + 1 if isinstance(first[3], int)
                                                                          else first[3])
            del vals[1]
            data["notes"] = "diperbaiki"

        later.update(_again(lines, en, change))

    city = world.city
    rep = bundle.import_paths(city, [_forged(world, tmp_path, edit)]).files[0]
    assert rep.status == "imported", rep
    assert [x["outcome"] for x in rep.items if x["key"] == later["key"]] == ["new", "changed"]
    held = {it.key: it for it in city.sync.items(KEL_A)}[later["key"]]
    assert held.hash == later["hash"] and held.data["notes"] == "diperbaiki"
    assert sorted(map(tuple, held.data["values"])) == sorted(map(tuple, later["data"]["values"]))
    year, ind = later["data"]["data_year"], later["data"]["indicator_no"]
    assert city.entry(KEL_A, year, ind).revision == 2 and city.check().ok
