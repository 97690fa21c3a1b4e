"""A bundled value meets the rules a typed one meets, and is stored as the typed one is.

The import-CPU round (one validation pass per entry, ``db.rules.check_cell`` in
``db.sync.validate_item``; a count that is already an int checked without Decimal; a bundle's
``sync_origin`` rows written at its end) must keep the guarantees of the two passes and the
row-by-row writes it replaced. Every hostile bundle here is built as an enrolled kelurahan can
build it: members rebuilt, SHA256SUMS recomputed, signed with its real key (``write_forged``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from db import sync
from db.errors import KlaError
from db.store import Store
from exports import bundle
from tests.exports.conftest import KEL_A, city_recipient, dump, own_private, read_plain, write_forged

YEAR = 2025
COUNT = (3, "media")  # a count, not disaggregated
AMOUNT = (3, "nilai_dukungan")  # Rupiah
YES_NO = (1, "ada_kebijakan")
BASE = {COUNT: 4, AMOUNT: 1000, YES_NO: False}


def imp(store: Store, *paths: Path) -> bundle.ImportResult:
    return bundle.import_paths(store, list(paths), describe=lambda e: f"ALASAN {e.code}")


def typed(store: Store, cell: tuple[int, str], raw: Any) -> tuple[str, Any]:
    """What the grid does with ``raw``: ('refused', code) or ('stored', the value as stored)."""
    ind, item = cell
    try:
        store.set_value(None, YEAR, ind, item, raw)
    except KlaError as exc:
        return "refused", exc.code
    return "stored", store.values(None, YEAR, ind)[(item, "", "")]


def bundled(world, tmp_path: Path, cell: tuple[int, str], raw: Any) -> tuple[str, Any]:
    """Kelurahan A's real bundle with ``raw`` forged into ``cell``, imported by DP3AKB:
    ('refused', code) with the store unchanged, or ('stored', the value DP3AKB holds)."""
    a, city = world.a, world.city
    ind, item = cell
    a.set_value(None, YEAR, ind, item, BASE[cell])
    m = read_plain(bundle.export_bundles(a, tmp_path / "out").parts[0].path, city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    entry = next(x for x in lines if x["key"] == f"entry/{YEAR}/{ind}")
    value = next(v for v in entry["data"]["values"] if v[:3] == [item, "", ""])
    value[3] = raw
    entry["hash"] = sync.item_hash(entry["key"], entry["data"])
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)
    path = write_forged(tmp_path / "nilai.kla", m, city_recipient(city), sign_with=own_private(a))
    before = dump(city)
    rep = imp(city, path).files[0]
    if rep.status == "refused":
        assert dump(city) == before
        return "refused", rep.reason_code
    assert rep.status == "imported", rep
    return "stored", city.values(KEL_A, YEAR, ind)[(item, "", "")]


CASES = [
    (COUNT, 12), (COUNT, 0), (COUNT, -5), (COUNT, 2.5), (COUNT, 12.0), (COUNT, -0.0), (COUNT, True),
    (COUNT, False), (COUNT, "12"), (COUNT, "1.000"), (COUNT, " 12 "), (COUNT, "1e3"), (COUNT, 1e3),
    (COUNT, "dua"), (COUNT, 10**15), (COUNT, 10**15 - 1), (COUNT, -(10**15)), (COUNT, 1e15),
    (COUNT, [1]), (COUNT, {"v": 1}),
    (AMOUNT, 2500), (AMOUNT, 2500.5), (AMOUNT, 2500.0), (AMOUNT, True), (AMOUNT, -1), (AMOUNT, "2500"),
    (YES_NO, True), (YES_NO, False), (YES_NO, 1), (YES_NO, 0), (YES_NO, "ya"), (YES_NO, 1.0),
]


@pytest.mark.parametrize(("cell", "raw"), CASES, ids=[f"{c[1]}={r!r}" for c, r in CASES])
def test_a_bundled_value_meets_the_typed_rules_and_is_stored_as_typed(world, tmp_path: Path, cell, raw) -> None:
    """What the grid refuses a bundle cannot bring in; what a bundle brings in is held exactly
    as the grid would store it (its kind too: a count 12.0 is no count, a yes/no 1 no yes/no).
    A bundle carries values in their stored form, so a value the grid would first convert
    ("12", 12.0) may be refused from a bundle."""
    grid = typed(world.a, cell, raw)
    got = bundled(world, tmp_path, cell, raw)
    if grid[0] == "refused":
        assert got[0] == "refused", (grid, got)
        return
    if grid[1] == raw and type(grid[1]) is type(raw):  # already in its stored form: it comes in
        assert got == grid, (grid, got)
    if got[0] == "stored":
        held = got[1]
        assert held == grid[1] and type(held) is type(grid[1]), (grid, got)


# ---------------------------------------------------------------------------- origins written at a bundle's end


def _origins(city: Store, kel: str) -> dict[str, tuple[str, int]]:
    return {r["item_key"]: (r["hash"], r["device_seq"]) for r in city.core.query(
        "SELECT item_key, hash, device_seq FROM sync_origin WHERE kelurahan_code = ?", [kel])}


def _consistent(city: Store, kel: str) -> None:
    """Every item held has the origin of the version held (what the next bundle is compared with)."""
    held, origins = {it.key: it.hash for it in city.sync.items(kel)}, _origins(city, kel)
    assert {k: h for k, (h, _) in origins.items() if k in held} == held


def test_an_older_bundle_after_a_newer_one_in_the_same_commit_group_is_older(world, tmp_path: Path) -> None:
    """Two bundles of one kelurahan in one import run and one commit group, the newer first: the
    second reads the origins the first wrote at its end, so it is 'older', not a conflict."""
    a, city = world.a, world.city
    a.set_value(None, YEAR, *COUNT, 5)
    older = bundle.export_bundles(a, tmp_path / "1")
    a.set_value(None, YEAR, *COUNT, 6)
    newer = bundle.export_bundles(a, tmp_path / "2")
    res = bundle.import_paths(city, [newer.parts[0].path, older.parts[0].path],
                              limits=bundle.Limits(group_seconds=1e9))
    assert [f.status for f in res.files] == ["imported", "imported"], res.files
    outcome = {i["key"]: i["outcome"] for i in res.files[1].items}
    assert outcome[f"entry/{YEAR}/{COUNT[0]}"] == "older"
    assert city.sync.conflicts() == []
    assert city.values(KEL_A, YEAR, COUNT[0])[(COUNT[1], "", "")] == 6
    assert _origins(city, KEL_A)[f"entry/{YEAR}/{COUNT[0]}"][1] == newer.device_seq
    _consistent(city, KEL_A)
    # And a later bundle of the same PC is newer than both.
    a.set_value(None, YEAR, *COUNT, 7)
    rep = imp(city, bundle.export_bundles(a, tmp_path / "3").parts[0].path).files[0]
    assert {i["key"]: i["outcome"] for i in rep.items}[f"entry/{YEAR}/{COUNT[0]}"] == "changed"
    assert city.values(KEL_A, YEAR, COUNT[0])[(COUNT[1], "", "")] == 7
    _consistent(city, KEL_A)


def test_a_bundle_whose_origins_fail_to_be_written_at_its_end_changes_nothing(world, tmp_path: Path) -> None:
    """The origins go in last: when that write fails (here SQLite refuses it, as a full disk or an
    I/O error would), the bundle's items are rolled back with them, and the same file imports
    whole once the store can write again."""
    city = world.city
    path = bundle.export_bundles(world.a, tmp_path / "a").parts[0].path
    before = dump(city)
    city.db.execute("CREATE TEMP TRIGGER no_origin BEFORE INSERT ON main.sync_origin"
                    " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    try:
        rep = imp(city, path).files[0]
        assert rep.status != "imported", rep
    except Exception:  # noqa: BLE001 - whatever is reported, nothing may have changed
        pass
    finally:
        city.db.execute("DROP TRIGGER temp.no_origin")
    assert dump(city) == before
    rep = imp(city, path).files[0]
    assert rep.status == "imported", rep
    assert city.sync.items(KEL_A) and _origins(city, KEL_A)
    _consistent(city, KEL_A)


@pytest.mark.parametrize("route", ["each file", "the whole file system"])
def test_an_evidence_flush_that_fails_fails_the_commit(world, tmp_path: Path, monkeypatch, route: str) -> None:
    """Files are flushed before the COMMIT that names them: file by file (an fsync each, by batches:
    Windows, macOS) or, for a commit group's many files on Linux, the whole file system at once
    (``syncfs``). Either failing with EIO must roll the group back (nothing refers to a file that may
    be lost), never be swallowed."""
    import ctypes
    import errno
    import os

    import db.core

    city = world.city
    a = world.a
    path = bundle.export_bundles(a, tmp_path / "a").parts[0].path
    other = bundle.export_bundles(world.b, tmp_path / "b").parts[0].path  # the same commit group
    folder = str(city.paths.evidence_file("0" * 64).parent.parent)
    real = os.fsync
    failed = []

    def fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        if target.startswith(folder) and not failed:
            failed.append(target)
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    def syncfs(fd: int) -> int:
        failed.append(os.readlink(f"/proc/self/fd/{fd}"))
        ctypes.set_errno(errno.EIO)
        return -1

    before = dump(city)
    if route == "each file":
        monkeypatch.setattr(db.core, "_syncfs_fn", [None])  # a system without syncfs
        monkeypatch.setattr(os, "fsync", fsync)
    else:
        if db.core._syncfs() is None:
            pytest.skip("syncfs is Linux's")
        monkeypatch.setattr(db.core, "_syncfs_fn", [syncfs])
    with pytest.raises(OSError) as raised:
        bundle.import_paths(city, [other, path], limits=bundle.Limits(group_seconds=1e9))
    assert raised.value.errno == errno.EIO
    monkeypatch.undo()
    assert failed, "the bundle has evidence files to flush"
    if route != "each file":
        assert failed[0].startswith(city.paths.home.as_posix())  # the workspace's own file system
    assert dump(city) == before
    assert [f.status for f in imp(city, other, path).files] == ["imported", "imported"]
    _consistent(city, KEL_A)
    # More files than one flush batch (the failed one need not be in the batch sent last), and than
    # the count from which a group's commit flushes the whole file system.
    from db.core import FLUSH_BATCH, SYNCFS_MIN

    assert len([f for f in Path(folder).rglob("*") if f.is_file()]) > max(FLUSH_BATCH, SYNCFS_MIN)


# ---------------------------------------------------------------------------- evidence content


def test_a_held_pdf_declared_a_png_later_is_refused_without_its_file(world, tmp_path: Path) -> None:
    """A later bundle that changes a held record's type (the PDF DP3AKB holds now called a PNG) carries
    no file, since DP3AKB has it: the type is checked against the held file's bytes, the rule a
    file in the bundle meets, not taken on the record's word."""
    city = world.city
    first = bundle.export_bundles(world.a, tmp_path / "a").parts[0].path
    m = read_plain(first, city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    ev = next(x for x in lines if x["key"].startswith("evidence/") and x["data"]
              and x["data"]["mime"] == "application/pdf" and f"evidence/{x['data']['sha256']}" in m)
    assert imp(city, first).files[0].status == "imported"
    sha = ev["data"]["sha256"]
    assert city.paths.evidence_file(sha).read_bytes().startswith(b"%PDF")
    for mime, name, status in (("image/png", "foto.png", "refused"), ("application/pdf", "sk-baru.pdf", "imported")):
        later = dict(m)
        item = json.loads(json.dumps(ev))
        item["data"].update(mime=mime, original_name=name)
        item["hash"] = sync.item_hash(item["key"], item["data"])
        later["records.jsonl"] = sync.canonical(item).encode() + b"\n"
        for member in [k for k in later if k.startswith("evidence/")]:
            del later[member]  # DP3AKB holds the file: the bundle does not carry it again
        man = json.loads(later["manifest.json"])
        man["id"], man["device_seq"] = man["id"][:-4] + ("0001" if status == "refused" else "0002"), \
            man["device_seq"] + (1 if status == "refused" else 2)
        man["series"]["id"] = man["id"]
        man["records"] = 1
        later["manifest.json"] = json.dumps(man).encode()
        path = write_forged(tmp_path / f"{name}.kla", later, city_recipient(city), sign_with=own_private(world.a))
        before = dump(city)
        rep = imp(city, path).files[0]
        if status == "refused":
            assert (rep.status, rep.reason_code) == ("refused", "bundle_item_invalid"), rep
            assert rep.reason_params["detail"] == "content_mismatch" and rep.reason_params["name"] == "foto.png"
            assert dump(city) == before and Path(rep.quarantined).exists()
        else:  # the same type, another name: imported as any change of a record
            assert rep.status == "imported", rep
            assert city.evidence(ev["data"]["id"]).original_name == "sk-baru.pdf"


@pytest.mark.parametrize("mime", ["image/png", "application/pdf"])
def test_one_file_under_two_records(world, tmp_path: Path, mime: str) -> None:
    """One file sent under two records. When the second calls the PDF a PNG it is refused: each
    record's type is checked against the bytes (the rule a clerk's file meets), not only the
    first record of a file. When both say PDF the bundle imports (the file adopted once: the
    second adoption used to fail on the staged file already moved, a traceback, no quarantine)."""
    import copy
    import uuid

    city = world.city
    m = read_plain(bundle.export_bundles(world.a, tmp_path / "a").parts[0].path, city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    ev = next(x for x in lines if x["key"].startswith("evidence/") and x["data"]
              and x["data"]["mime"] == "application/pdf" and f"evidence/{x['data']['sha256']}" in m)
    twin = copy.deepcopy(ev)
    new_id = uuid.uuid4().hex
    twin["key"], twin["data"]["id"] = f"evidence/{new_id}", new_id
    twin["data"].update(mime=mime, original_name="foto.png" if mime == "image/png" else "salinan.pdf")
    twin["hash"] = sync.item_hash(twin["key"], twin["data"])
    lines.insert(lines.index(ev) + 1, twin)
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)
    path = write_forged(tmp_path / "kembar.kla", m, city_recipient(city), sign_with=own_private(world.a))
    before = dump(city)
    rep = imp(city, path).files[0]
    if mime == "application/pdf":
        assert rep.status == "imported", rep
        sha = ev["data"]["sha256"]
        assert city.paths.evidence_file(sha).exists() and city.check().ok
        return
    assert (rep.status, rep.reason_code) == ("refused", "bundle_item_invalid"), rep
    assert rep.reason_params["detail"] == "content_mismatch" and rep.reason_params["name"] == "foto.png"
    assert dump(city) == before
    assert Path(rep.quarantined).exists()

