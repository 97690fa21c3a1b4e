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
