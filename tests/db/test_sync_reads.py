"""An import reads what DP3AKB holds of a kelurahan once per bundle, and never trusts that read past a write.

(``db.sync_parts.city.CityPart.reading``: the items, origins and rejections of one kelurahan,
read once for one bundle's decisions and kept current by the bundle's own writes.)
"""

from __future__ import annotations

from pathlib import Path

from db.store import Store
from db.sync import SyncItem

KEL = "64.71.01.1001"


def _entry(s: Store, value: bool) -> SyncItem:
    item = s.sync.item(KEL, "entry/2025/1")
    assert item is not None and item.data is not None
    data = {**item.data, "values": [["ada_kebijakan", "", "", value]]}
    return SyncItem.make("entry/2025/1", data)


def test_a_bundle_reads_its_kelurahan_once_and_again_after_any_other_write(tmp_path: Path) -> None:
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Admin").close()
    with Store.open(home, start_backup=False) as s, Store.open(home, start_backup=False) as other:
        s.set_value(KEL, 2025, 1, "ada_kebijakan", True)
        key = "entry/2025/1"
        with s.transaction(), s.sync.reading(KEL, records=10), s.core.counting() as seen:
            first = s.sync.current(KEL, key)
            assert first == s.sync.item(KEL, key)
            seen.clear()
            for _ in range(3):  # decisions of the bundle's items: no query
                assert s.sync.current(KEL, key) == first
            assert s.sync.current(KEL, "evidence/none") is None and seen == []
            s.core.set_meta("probe", "x")  # a write that is not the bundle's own: read again
            assert s.sync.current(KEL, key) == first and seen != []
        # Another writer between two transactions: the next bundle reads what it wrote.
        other.set_value(KEL, 2025, 1, "ada_kebijakan", False)
        with s.transaction(), s.sync.reading(KEL, records=10):
            now = s.sync.current(KEL, key)
        assert now is not None and first is not None and now.hash != first.hash
        assert now == s.sync.item(KEL, key)


def test_the_bundles_own_write_is_read_back_and_its_origin_counts(tmp_path: Path) -> None:
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Admin").close()
    with Store.open(home, start_backup=False) as s:
        s.set_value(KEL, 2025, 1, "ada_kebijakan", True)
        changed = _entry(s, False)
        with s.transaction(), s.sync.reading(KEL, records=10), s.core.counting() as seen:
            before = s.sync.current(KEL, changed.key)
            assert before is not None and before.hash != changed.hash
            assert s.sync.decide(KEL, changed, before.hash, "pc", 1).outcome == "changed"
            s.sync.apply_item(KEL, changed, "bundle:x")
            s.sync.record_origin(KEL, changed, "pc", 1, "x")
            seen.clear()
            after = s.sync.current(KEL, changed.key)  # written by the bundle: read from the store
            assert after == s.sync.item(KEL, changed.key) and after is not None and after.hash == changed.hash
            assert seen != []
            # The origin the bundle recorded counts for its next item of the same key.
            assert s.sync.decide(KEL, changed, None, "pc", 1).outcome == "unchanged"
            assert s.sync.decide(KEL, _entry(s, True), None, "pc", 2).outcome == "changed"
            assert s.sync.decide(KEL, _entry(s, True), None, "pc", 0).outcome == "older"
        # Outside a bundle nothing is kept: every call reads the store.
        with s.core.counting() as seen:
            assert s.sync.current(KEL, changed.key) == after and seen != []


def test_a_deletion_in_the_bundle_drops_the_read_since_it_changes_other_items(tmp_path: Path) -> None:
    """Deleting evidence takes it off the activities that had it (ON DELETE CASCADE): the
    activity's current version is the store's, not the one read before the deletion."""
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Admin").close()
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"x" * 2000)
    with Store.open(home, start_backup=False) as s:
        ev = s.add_evidence(KEL, photo, links=[(2025, 3)], kind="photo").record
        act = s.add_activity(KEL, 2025, "Posyandu", evidence_ids=[ev.id]).record
        akey = f"activity/{act.id}"
        with s.transaction(), s.sync.reading(KEL, records=10):
            held = s.sync.current(KEL, akey)
            assert held is not None and held.data is not None and held.data["evidence_ids"] == [ev.id]
            s.sync.apply_item(KEL, SyncItem.make(f"evidence/{ev.id}", None), "bundle:x")
            now = s.sync.current(KEL, akey)
            assert now == s.sync.item(KEL, akey)
            assert now is not None and now.data is not None and now.data["evidence_ids"] == []


def test_the_inbox_card_counts_what_the_bundle_machinery_counts(tmp_path: Path) -> None:
    # Store.inbox_counts reads the sync tables without db.sync (the city summary shows it at start-up).
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Admin").close()
    with Store.open(home, start_backup=False) as s:
        assert s.inbox_counts() == (0, 0, 0)
        q = s.core.execute
        for key, unit, revoked in (("k1", KEL, None), ("k2", KEL, None), ("k3", "64.71.01.1002", None),
                                   ("k4", "64.71.01.1003", "2025-01-01")):
            q("INSERT INTO sync_peer_keys(key_id, unit_code, sign_public, age_recipient, enrolled_at, revoked_at)"
              " VALUES (?, ?, 's', 'a', '2025-01-01', ?)", [key, unit, revoked])
        for n, resolved in ((1, None), (2, None), (3, "2025-02-01")):
            q("INSERT INTO sync_conflicts(kelurahan_code, item_key, incoming_hash, incoming, bundle_id, device_id,"
              " device_seq, created_at, resolved_at) VALUES (?, ?, 'h', '{}', 'b', 'd', 1, '2025-01-01', ?)",
              [KEL, f"entry/2025/{n}", resolved])
        # Series: complete (1/2, 2/2), missing a part (1/3, 3/3), one part (1/1), an outgoing one, a receipt.
        for bid, direction, kind, series, part, parts, at in (
                ("a1", "in", "bundle", "s-a", 1, 2, "2025-01-01"), ("a2", "in", "bundle", "s-a", 2, 2, "2025-01-02"),
                ("b1", "in", "bundle", "s-b", 1, 3, "2025-01-03"), ("b3", "in", "bundle", "s-b", 3, 3, "2025-01-04"),
                ("c1", "in", "bundle", "s-c", 1, 1, "2025-01-05"), ("o1", "out", "bundle", "s-o", 1, 2, "2025-01-06"),
                ("r1", "in", "receipt", "s-r", 1, 2, "2025-01-07"), ("n1", "in", "bundle", "", 1, 2, "2025-01-08")):
            q("INSERT INTO sync_bundles(bundle_id, direction, type, kelurahan_code, series_id, part, parts, created_at,"
              " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [bid, direction, kind, KEL, series, part, parts, at, at])
        expected = (len({k.unit_code for k in s.sync.peer_keys()}), len(s.sync.conflicts()),
                    len(s.sync.series_status(incomplete_only=True)))
        assert expected == (2, 2, 1)
        assert s.inbox_counts() == expected
