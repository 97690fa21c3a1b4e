from __future__ import annotations

from pathlib import Path

import pytest

from db.store import Store

KEL = "64.71.01.1001"  # Manggar, Balikpapan Timur


@pytest.fixture
def kel_store(tmp_path: Path):
    """A fresh kelurahan workspace (Manggar) on a real SQLite file."""
    store = Store.create(tmp_path / "ws", "kelurahan", kelurahan_code=KEL, operator="Siti")
    yield store
    store.close()


@pytest.fixture
def city_store(tmp_path: Path):
    store = Store.create(tmp_path / "city", "city", operator="Admin")
    yield store
    store.close()


def table_dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table: to assert that a refused operation changed nothing."""
    out = {}
    for name in store.db.table_names():
        out[name] = sorted(tuple(r) for r in store.db.execute(f"SELECT * FROM [{name}]").fetchall())
    return out
