"""A generated kabupaten of N desa/kelurahan, for the scale test (200) and bench/bench_kabupaten.py (1,000).

The units are made up (the biggest real kabupaten, Aceh Utara, has 852): kecamatan of 50 units
under a real kab/kota code, every fifth a kelurahan, the rest desa. Each unit is enrolled,
installs its setup file in its own workspace, types a few values and exports one bundle, as a
clerk would; DP3AKB imports them all and writes the receipts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from db.orgunits import OrgUnitRecord
from db.store import Store

CITY = "64.02"
PER_KECAMATAN = 50


def generated_units(n: int, city: str = CITY) -> list[OrgUnitRecord]:
    units = [OrgUnitRecord(city, "city", "Kabupaten Contoh Skala", None, (), "uji")]
    for i in range(n):
        k, j = divmod(i, PER_KECAMATAN)
        kec = f"{city}.{k + 1:02d}"
        if j == 0:
            units.append(OrgUnitRecord(kec, "kecamatan", f"Kecamatan Uji {k + 1}", city, (), "uji"))
        kind = "1" if j % 5 == 4 else "2"  # 1xxx kelurahan, 2xxx desa
        units.append(OrgUnitRecord(f"{kec}.{kind}{j + 1:03d}", "kelurahan", f"Uji {k + 1}-{j + 1}", kec, (), "uji"))
    return units


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)

    def measure(self, name: str, fn: Callable[[], object]) -> object:
        t = time.perf_counter()
        out = fn()
        self.seconds[name] = time.perf_counter() - t
        return out


def build_kabupaten(root: Path, n: int, timings: Timings | None = None, values: int = 3,
                    workers: int = 4) -> dict[str, object]:
    """City workspace + n enrolled units with one bundle each; returns the paths and the bundles."""
    from exports import bundle, setup

    timings = timings or Timings()
    root.mkdir(parents=True, exist_ok=True)
    city = Store.create(root / "city", "city", city_code=CITY, units=generated_units(n), operator="Admin")
    batch = timings.measure("enrol", lambda: setup.enroll_many(city, root / "setup"))
    assert len(batch.results) == n  # type: ignore[union-attr]
    parts: list[Path] = []
    homes: dict[str, Path] = {}

    def one(r: setup.EnrolResult) -> tuple[str, Path, list[Path]]:
        home = root / "units" / r.kelurahan_code
        setup.install(home, r.path, r.passphrase, operator="Petugas")
        with Store.open(home, start_backup=False) as s:
            s.set_values(None, 2025, 4, [("anak_total", "L" if v % 2 else "P", ["1-4", "5-11", "12-17"][v % 3], 10 + v)
                                         for v in range(values)])
            ex = bundle.export_bundles(s, root / "kiriman")
        return r.kelurahan_code, home, [p.path for p in ex.parts]

    def units() -> None:
        # Each unit is its own workspace on its own connection: threads overlap the disk waits
        # (every commit is fsync'd), as separate offices would.
        with ThreadPoolExecutor(workers) as pool:
            for code, home, paths in pool.map(one, batch.results):  # type: ignore[union-attr]
                homes[code] = home
                parts.extend(paths)

    timings.measure("install_and_export", units)
    city.close()
    return {"city": root / "city", "homes": homes, "parts": parts, "timings": timings, "batch": batch}
