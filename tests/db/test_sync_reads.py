"""An import reads each item once for its decision and its write, and never trusts that read past it."""

from __future__ import annotations

from pathlib import Path

from db.store import Store

KEL = "64.71.01.1001"


def test_the_current_item_is_read_once_per_decision_and_again_after_any_write(tmp_path: Path) -> None:
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Admin").close()
    with Store.open(home, start_backup=False) as s, Store.open(home, start_backup=False) as other:
        s.set_value(KEL, 2025, 1, "ada_kebijakan", True)
        key = "entry/2025/1"
        with s.transaction(), s.core.counting() as seen:
            first = s.sync._current(KEL, key)
            reads = len(seen)
            assert s.sync._current(KEL, key) is first and len(seen) == reads  # the write that follows: no read
            s.core.set_meta("probe", "x")  # any write on this connection: read again
            assert s.sync._current(KEL, key) == first and len(seen) > reads
        # Another writer between two transactions: the next one reads what it wrote.
        other.set_value(KEL, 2025, 1, "ada_kebijakan", False)
        with s.transaction():
            now = s.sync._current(KEL, key)
        assert now is not None and first is not None and now.hash != first.hash
        assert now == s.sync.item(KEL, key)
