"""A generated kabupaten of 200 desa/kelurahan through enrol -> export -> import -> receipt (issue 9).

Fast enough for the suite: scrypt's work factor is lowered for this test only (2^10; what the
test checks does not depend on it) and each unit types three values. bench/bench_kabupaten.py
runs 1,000 with the real work factor and prints the timings next to baselines.
"""

from __future__ import annotations

from pathlib import Path

from db.store import Store
from exports import bundle, passphrase, receipts
from tests.kabupaten import build_kabupaten

N = 200


def test_two_hundred_units_enrol_export_import_receipt(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(passphrase, "WORK_FACTOR", 10)
    world = build_kabupaten(tmp_path, N)
    parts: list[Path] = world["parts"]  # type: ignore[assignment]
    assert len(parts) == N
    with Store.open(world["city"], start_backup=False) as city:  # type: ignore[arg-type]
        res = bundle.import_paths(city, parts)
        assert [f.status for f in res.files].count("imported") == N
        # Nothing lost, nothing twice: every unit's three values, once each.
        rows = city.db.execute("SELECT COUNT(*), COUNT(DISTINCT e.kelurahan_code) FROM entry_values v "
                               "JOIN entries e ON e.id = v.entry_id").fetchone()
        assert rows == (3 * N, N)
        again = bundle.import_paths(city, parts)
        assert {f.status for f in again.files} == {"duplicate"}
        assert city.db.execute("SELECT COUNT(*) FROM entry_values").fetchone()[0] == 3 * N
        status = city.city_status(2025)
        assert len(status) == N
        assert all(next(i for i in s.indicators if i.indicator_no == 4).state != "empty" for s in status)
        rs = receipts.write_receipts(city, tmp_path / "kuitansi")
        assert len(rs) == N
    homes: dict[str, Path] = world["homes"]  # type: ignore[assignment]
    for r in rs[:: N // 10]:  # every twentieth unit imports its receipt: its next export is empty
        with Store.open(homes[r.kelurahan_code], start_backup=False) as s:
            assert bundle.import_paths(s, [r.path]).files[0].status == "imported"
            assert bundle.outbox_summary(s).pending_total == 0
