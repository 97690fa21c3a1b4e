"""Bundles end to end without Qt: round trips, parts, receipts, conflicts, every refusal."""

from __future__ import annotations

import json
import shutil
import uuid
import zipfile
from pathlib import Path

import pytest

from db import sync
from db.errors import KlaError
from db.store import Store
from exports import bundle, keys, receipts, setup
from exports.container import Limits
from tests.exports.conftest import (
    KEL_A,
    KEL_B,
    city_recipient,
    dump,
    items_of,
    own_private,
    read_plain,
    write_forged,
)
from ui.messages import receipt_count_words

YEAR, IND, ITEM = 2025, 3, "media"


def export(store: Store, out: Path, **kw: object) -> bundle.ExportResult:
    return bundle.export_bundles(store, out, **kw)  # type: ignore[arg-type]


def imp(store: Store, *paths: Path, **kw: object) -> bundle.ImportResult:
    return bundle.import_paths(store, list(paths), **kw)  # type: ignore[arg-type]


def receipt_to(world, kel_store: Store, out: Path) -> None:
    rs = receipts.write_receipts(world.city, out, kel_store.kelurahan_code)
    r = imp(kel_store, rs[0].path)
    assert r.files[0].status == "imported", r.files[0]


def single(res: bundle.ImportResult) -> bundle.FileReport:
    assert len(res.files) == 1
    return res.files[0]


# ---------------------------------------------------------------------------- round trips


def test_round_trip_several_cycles(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    for cycle in range(3):
        out = tmp_path / f"out{cycle}"
        before = a.meta("last_export_at")
        ex = export(a, out)
        assert not ex.nothing_to_send
        assert a.meta("last_export_at") and a.meta("last_export_at") >= before  # the window's "Kiriman terakhir", whoever exported
        rep = single(imp(city, out))
        assert rep.status == "imported" and rep.counts["conflict"] == 0
        assert items_of(city, KEL_A) == items_of(a, KEL_A)
        receipt_to(world, a, tmp_path / f"rc{cycle}")
        assert export(a, tmp_path / f"empty{cycle}").nothing_to_send
        a.set_value(None, YEAR, IND, ITEM, 10 + cycle)
    # The last change travels alone: one item, no evidence file.
    ex = export(a, tmp_path / "last")
    assert ex.items == 1 and ex.files == 0
    rep = single(imp(city, tmp_path / "last"))
    assert rep.counts["changed"] == 1
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 12
    # Evidence DP3AKB already holds is not sent again, even when its caption changes.
    receipt_to(world, a, tmp_path / "rc-last")
    ev = a.evidence_list()[0]
    a.update_evidence(ev.id, caption="Keterangan baru")
    ex = export(a, tmp_path / "caption")
    assert ex.items == 1 and ex.files == 0
    single(imp(city, tmp_path / "caption"))
    assert city.evidence(ev.id).caption == "Keterangan baru"


def test_deletions_travel_and_kelurahan_b_untouched(world, tmp_path: Path) -> None:
    a, b, city = world.a, world.b, world.city
    single(imp(city, export(a, tmp_path / "a1").parts[0].path))
    single(imp(city, export(b, tmp_path / "b1").parts[0].path))
    b_before = items_of(city, KEL_B)
    receipt_to(world, a, tmp_path / "rc")
    act = a.activities()[0]
    fac = a.facilities()[0]
    a.delete_activity(act.id)
    a.delete_facility(fac.id)
    single(imp(city, export(a, tmp_path / "a2").parts[0].path))
    assert not any(x.id == act.id for x in city.activities(KEL_A))
    assert not any(x.id == fac.id for x in city.facilities(KEL_A))
    assert items_of(city, KEL_A) == items_of(a, KEL_A)
    assert items_of(city, KEL_B) == b_before


def test_an_activity_stored_with_an_unknown_partner_is_named_at_export_not_refused_at_dp3akb(
        world, tmp_path: Path) -> None:
    """Stored before the rule refused it: DP3AKB would refuse the whole bundle (partners_invalid) and the
    clerk could not see why. The export names the activity and says what to do; once fixed it goes."""
    from ui.messages import error_text

    a, city = world.a, world.city
    act = a.activities()[0]
    a.db.execute("UPDATE activities SET partners = ? WHERE id = ?", [json.dumps(["unknown"]), act.id])
    with pytest.raises(KlaError) as exc:
        export(a, tmp_path / "out")
    assert (exc.value.code, exc.value.params) == ("activity_partner_stored_unknown",
                                                  {"title": act.title, "partner": "unknown"})
    assert act.title in error_text(exc.value) and "{" not in error_text(exc.value)
    assert not list((tmp_path / "out").glob("*.kla"))
    a.update_activity(act.id, partners=["forum_anak"])  # what ticking a partner on the Kegiatan page saves
    ex = export(a, tmp_path / "out")
    res = imp(city, *(p.path for p in ex.parts))
    assert all(f.status == "imported" for f in res.files), res.files
    assert next(x for x in city.activities(KEL_A) if x.id == act.id).partners == ("forum_anak",)


def test_receipt_shrinks_next_export_and_shows_notes(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    first = export(a, tmp_path / "1")
    # Nothing is "already sent" because a bundle was written: the same again.
    again = export(a, tmp_path / "2")
    assert again.items == first.items and again.files == first.files
    single(imp(city, first.parts[0].path))
    city.set_review(KEL_A, YEAR, IND, "perlu_perbaikan", "Lengkapi jumlah media")
    rs = receipts.write_receipts(city, tmp_path / "rc", KEL_A)
    rep = single(imp(a, rs[0].path))
    assert rep.status == "imported"
    assert {"data_year": YEAR, "indicator_no": IND, "state": "perlu_perbaikan",
            "note": "Lengkapi jumlah media"} in rep.notes
    assert a.entry(None, YEAR, IND).review_note == "Lengkapi jumlah media"
    assert export(a, tmp_path / "3").nothing_to_send


def test_both_sides_count_a_receipt_alike_all_received_and_new_since_the_last(world, tmp_path: Path) -> None:
    """DP3AKB's "84 item" and the kelurahan's "1 item diakui" were two numbers for one receipt. Now the
    receipt carries what DP3AKB holds from the unit in all and how many of those are new or changed
    since its receipt before; the kelurahan reads the same two numbers."""
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    [r1] = receipts.write_receipts(city, tmp_path / "rc1", KEL_A)
    held = len(city.sync.held_state(KEL_A)[0])
    assert (r1.items, r1.new, r1.since) == (held, held, 0) and held > 1
    got = single(imp(a, r1.path)).summary
    assert (got["held"], got["new"], got["since"]) == (held, held, 0)
    # One value changed and sent: the next receipt holds as many, one of them new since no. 1.
    a.set_value(None, YEAR, IND, ITEM, 77)
    single(imp(city, export(a, tmp_path / "2").parts[0].path))
    [r2] = receipts.write_receipts(city, tmp_path / "rc2", KEL_A)
    assert (r2.items, r2.new, r2.since) == (held, 1, r1.seq)
    got = single(imp(a, r2.path)).summary
    assert (got["held"], got["new"], got["since"], got["pending"]) == (held, 1, r1.seq, 0)
    # Nothing changed since: the third receipt says 0 new.
    [r3] = receipts.write_receipts(city, tmp_path / "rc3", KEL_A)
    assert (r3.items, r3.new, r3.since) == (held, 0, r2.seq)
    got = single(imp(a, r3.path)).summary
    assert receipt_count_words(got["held"], got["new"], got["since"]) == (
        f"DP3AKB sudah menerima {held} item seluruhnya; tidak ada yang baru atau berubah sejak tanda terima no. {r2.seq}")


def test_review_note_on_an_indicator_not_started_is_kept(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    started = {e.indicator_no for e in a.entries(KEL_A, YEAR)}
    untouched = next(i for i in range(1, 25) if i not in started)
    city.set_review(KEL_A, YEAR, untouched, "perlu_perbaikan", "Indikator ini belum diisi sama sekali")
    rs = receipts.write_receipts(city, tmp_path / "rc", KEL_A)
    single(imp(a, rs[0].path))
    entry = a.entry(None, YEAR, untouched)
    assert entry is not None and entry.review_state == "perlu_perbaikan"
    assert a.indicator_status(None, YEAR, untouched).review_note == "Indikator ini belum diisi sama sekali"
    # the empty entry that holds the note is not data: nothing new to send
    assert export(a, tmp_path / "2").nothing_to_send


def test_older_receipt_after_newer_changes_nothing(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    old = receipts.write_receipts(city, tmp_path / "rc1", KEL_A)[0].path
    new = receipts.write_receipts(city, tmp_path / "rc2", KEL_A)[0].path
    assert single(imp(a, new)).status == "imported"
    before = dump(a)
    assert single(imp(a, old)).status == "older"
    assert dump(a) == before


def test_dry_run_reports_and_changes_nothing(world, tmp_path: Path) -> None:
    city = world.city
    ex = export(world.a, tmp_path / "out")
    before = dump(city)
    evidence_before = sorted(p.name for p in city.paths.evidence.rglob("*") if p.is_file())
    rep = single(imp(city, ex.parts[0].path, dry_run=True))
    assert rep.status == "dry-run" and rep.counts["new"] == ex.items
    assert dump(city) == before
    assert sorted(p.name for p in city.paths.evidence.rglob("*") if p.is_file()) == evidence_before


def test_a_dry_run_over_the_same_bundle_twice_counts_it_once(world, tmp_path: Path) -> None:
    """The .kla and a copy of it (or its .eml draft) in one folder: the dry run said both could be
    imported, "3 bisa diimpor", and the import then took 2. Now the later one says which it repeats."""
    from ui.messages import error_text

    city = world.city
    p = export(world.a, tmp_path / "out").parts[0].path
    shutil.copy(p, tmp_path / "out" / "salinan-kedua.kla")
    before = dump(city)
    first, second = bundle.import_paths(city, [p, tmp_path / "out" / "salinan-kedua.kla"], dry_run=True).files
    assert first.status == "dry-run" and first.counts["new"] > 0
    assert second.status == "duplicate" and not second.counts
    assert error_text(KlaError(second.reason_code, **second.reason_params)) == (
        f"Isinya sama dengan {p.name} di daftar ini; kiriman itu diimpor sekali saja.")
    assert dump(city) == before
    got = bundle.import_paths(city, [p, tmp_path / "out" / "salinan-kedua.kla"]).files
    assert [f.status for f in got] == ["imported", "duplicate"]  # what the dry run said


def test_duplicate_import_changes_nothing(world, tmp_path: Path) -> None:
    city = world.city
    p = export(world.a, tmp_path / "out").parts[0].path
    assert single(imp(city, p)).status == "imported"
    before = dump(city)
    assert single(imp(city, p)).status == "duplicate"
    assert dump(city) == before


def test_older_bundle_after_newer_never_overwrites(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    a.set_value(None, YEAR, IND, ITEM, 5)
    older = export(a, tmp_path / "1").parts[0].path
    a.set_value(None, YEAR, IND, ITEM, 6)
    newer = export(a, tmp_path / "2").parts[0].path
    single(imp(city, newer))
    rep = single(imp(city, older))
    outcome = {i["key"]: i["outcome"] for i in rep.items}
    assert outcome[f"entry/{YEAR}/{IND}"] == "older"
    entry = next(i for i in rep.items if i["key"] == f"entry/{YEAR}/{IND}")
    assert entry["reason"] == "newer_received" and entry["reason_params"]["seq"] > 0  # a code, worded by ui/
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 6


def _city_and_pc_both_change(world, tmp_path: Path) -> tuple[Path, Path]:
    """DP3AKB corrects a value A already sent; A, not knowing, changes it twice (exports 11 and 12):
    (the older bundle, the newer bundle), neither imported yet."""
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "0").parts[0].path))
    receipt_to(world, a, tmp_path / "rc0")
    city.set_value(KEL_A, YEAR, IND, ITEM, 9)
    a.set_value(None, YEAR, IND, ITEM, 11)
    older = export(a, tmp_path / "1").parts[0].path
    a.set_value(None, YEAR, IND, ITEM, 12)
    newer = export(a, tmp_path / "2").parts[0].path
    return older, newer


def test_an_older_bundle_after_a_conflict_kept_from_the_newer_never_rewinds(world, tmp_path: Path) -> None:
    """DP3AKB keeps the PC's newer version in a conflict; the PC's older bundle, arriving late (a
    second stick, an e-mail read later), is older: before, the choice was recorded as export 0 of
    that PC, so the older bundle replaced 12 by 11 without a word."""
    city = world.city
    older, newer = _city_and_pc_both_change(world, tmp_path)
    assert single(imp(city, newer)).counts["conflict"] == 1
    (c,) = city.sync.conflicts(KEL_A)
    city.sync.resolve_conflict(c.id, "incoming")
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 12
    rep = single(imp(city, older))
    assert {i["key"]: i["outcome"] for i in rep.items}[f"entry/{YEAR}/{IND}"] == "older"
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 12
    assert city.sync.conflicts(KEL_A) == []


@pytest.mark.parametrize("order", ["newer_first", "older_first"])
def test_two_bundles_of_one_pc_over_one_conflict_ask_once_for_the_newest(world, tmp_path: Path,
                                                                         order: str) -> None:
    """Two exports of one PC that both meet DP3AKB's own change ask one question, about the PC's
    newest version: before, each was a conflict of its own, and choosing the older one's "kiriman"
    put back a value that PC had already changed again."""
    city = world.city
    older, newer = _city_and_pc_both_change(world, tmp_path)
    for path in ([newer, older] if order == "newer_first" else [older, newer]):
        single(imp(city, path))
    (c,) = city.sync.conflicts(KEL_A)
    assert [ITEM, "", "", 12] in c.incoming["values"]  # the newest version is the one asked about
    city.sync.resolve_conflict(c.id, "incoming")
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 12
    assert city.sync.conflicts(KEL_A) == []


def test_a_pc_going_back_to_a_version_set_aside_is_asked_about_that_version(world, tmp_path: Path) -> None:
    """12, then 11 again: the one open question is about 11, the PC's newest."""
    a, city = world.a, world.city
    older, newer = _city_and_pc_both_change(world, tmp_path)
    single(imp(city, older))
    single(imp(city, newer))
    a.set_value(None, YEAR, IND, ITEM, 11)
    single(imp(city, export(a, tmp_path / "3").parts[0].path))
    (c,) = city.sync.conflicts(KEL_A)
    assert [ITEM, "", "", 11] in c.incoming["values"]


def _second_pc(world, tmp_path: Path) -> Store:
    """A second PC of kelurahan A: a copy of A's workspace with its own device id."""
    world.a.close()  # checkpoints the WAL so the copy is complete
    shutil.copytree(world.root / "a", tmp_path / "a2")
    world.stores["a"] = Store.open(world.root / "a", operator="op-a")
    a2 = Store.open(tmp_path / "a2", operator="op-a2")
    with a2.transaction():
        a2.db.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", [uuid.uuid4().hex])
    a2.core.forget_cache()
    world.stores["a2"] = a2
    return a2


def test_two_pcs_conflict_is_never_a_silent_overwrite(world, tmp_path: Path) -> None:
    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    a = world.a
    a.set_value(None, YEAR, IND, ITEM, 111)
    a2.set_value(None, YEAR, IND, ITEM, 222)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    rep = single(imp(city, export(a2, tmp_path / "2").parts[0].path))
    assert rep.counts["conflict"] == 1
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 111
    cs = city.sync.conflicts(KEL_A)
    assert [c.item_key for c in cs] == [f"entry/{YEAR}/{IND}"]
    # Importing the same change again from a new export is not a second conflict.
    rep = single(imp(city, export(a2, tmp_path / "3").parts[0].path))
    assert len(city.sync.conflicts(KEL_A)) == 1
    city.sync.resolve_conflict(cs[0].id, "incoming")
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 222
    # PC 1 learns from the receipt which version DP3AKB kept: its copy becomes it, nothing is set aside
    # and nothing is sent again.
    receipt_to(world, a, tmp_path / "rc1")
    assert a.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 222
    ex = export(a, tmp_path / "4")
    assert f"entry/{YEAR}/{IND}" not in ex.rejected
    assert all(f"entry/{YEAR}/{IND}" not in json.dumps(p.counts) for p in ex.parts)


def _kept_conflict(world, tmp_path: Path) -> tuple[Store, Path]:
    """PC 2 of kelurahan A loses a conflict to PC 1 (DP3AKB keeps 111); the receipt for A, unread."""
    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    world.a.set_value(None, YEAR, IND, ITEM, 111)
    a2.set_value(None, YEAR, IND, ITEM, 222)
    single(imp(city, export(world.a, tmp_path / "1").parts[0].path))
    assert single(imp(city, export(a2, tmp_path / "2").parts[0].path)).counts["conflict"] == 1
    (c,) = city.sync.conflicts(KEL_A)
    city.sync.resolve_conflict(c.id, "held")
    return a2, receipts.write_receipts(city, tmp_path / "rk", KEL_A)[0].path


def _members(store: Store, path: Path) -> dict[str, bytes]:
    import io

    import pyrage

    ids = [keys.identity(k.age_identity) for k in store.sync.own_keys()]
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(path.read_bytes(), ids))) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_a_receipt_whose_kept_version_is_damaged_or_forged_changes_nothing(world, tmp_path: Path) -> None:
    """DP3AKB's kept version travels in the signed receipt: a kept value changed after signing, or
    re-signed by anyone but DP3AKB, is refused whole; signed by DP3AKB but not matching its own hash,
    refused as damaged. The PC keeps its value and its set-aside state; the genuine receipt then works."""
    a2, path = _kept_conflict(world, tmp_path)
    members = _members(a2, path)
    r = json.loads(members["receipt.json"])
    (kept,) = r["kept"]
    assert kept["key"] == f"entry/{YEAR}/{IND}" and [ITEM, "", "", 111] in kept["data"]["values"]
    kept["data"]["values"] = [[ITEM, "", "", 999]]
    members["receipt.json"] = json.dumps(r).encode()
    before = dump(a2)
    for signer in (own_private(a2), own_private(world.city)):
        forged = write_forged(tmp_path / "palsu.kla", members, a2.sync.own_keys()[-1].age_recipient,
                              sign_with=signer)
        rep = single(imp(a2, forged))
        assert rep.status == "refused", rep
        assert rep.reason_code == ("bundle_signature_bad" if signer == own_private(a2) else "bundle_damaged"), rep
        assert dump(a2) == before
        assert a2.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 222
    rep = single(imp(a2, path))
    assert rep.status == "imported" and rep.summary["replaced_keys"] == [f"entry/{YEAR}/{IND}"], rep
    assert a2.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 111


def test_a_receipt_without_kept_versions_sets_the_item_aside_as_before(world, tmp_path: Path) -> None:
    """A receipt of a version before ``kept`` (signed by DP3AKB, no such field): the PC keeps its own
    value and sets the item aside, as it always did."""
    a2, path = _kept_conflict(world, tmp_path)
    members = _members(a2, path)
    r = json.loads(members["receipt.json"])
    del r["kept"]
    members["receipt.json"] = json.dumps(r).encode()
    old = write_forged(tmp_path / "lama.kla", members, a2.sync.own_keys()[-1].age_recipient,
                       sign_with=own_private(world.city))
    rep = single(imp(a2, old))
    assert rep.status == "imported" and rep.summary["set_aside"] == 1 and "replaced" not in rep.summary, rep
    assert a2.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 222
    assert f"entry/{YEAR}/{IND}" in export(a2, tmp_path / "x").rejected


def test_a_conflict_over_a_file_dp3akb_lacks_names_the_file_not_its_key(world, tmp_path: Path) -> None:
    """Two PCs give one evidence file different captions; DP3AKB's copy of the file is then lost
    (a damaged disk). Keeping the incoming version is refused, the store unchanged, and the refusal
    names the file and its kelurahan in words, with what to do: never ``evidence/<id>``."""
    from ui.messages import error_text

    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    a = world.a
    ev = a.evidence_list()[0]
    a.update_evidence(ev.id, caption="Versi PC satu")
    a2.update_evidence(ev.id, caption="Versi PC dua")
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    rep = single(imp(city, export(a2, tmp_path / "2").parts[0].path))
    assert rep.counts["conflict"] == 1
    (conflict,) = city.sync.conflicts(KEL_A)
    city.paths.evidence_file(city.evidence(ev.id).sha256).unlink()
    before = dump(city)
    with pytest.raises(KlaError) as err:
        city.sync.resolve_conflict(conflict.id, "incoming")
    assert err.value.code == "conflict_file_missing"
    assert dump(city) == before
    text = error_text(err.value)
    assert "evidence/" not in text and ev.id not in text
    assert ev.original_name in text and KEL_A in text and "pakai versi DP3AKB" in text
    assert city.evidence(ev.id).caption == "Versi PC satu"


def test_parts_any_order_one_missing_then_complete(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    ex = export(a, tmp_path / "out", part_size=12_000)
    assert len(ex.parts) >= 3
    assert all(p.size <= 12_000 or p.oversized for p in ex.parts)
    held_back = ex.parts[1]
    for p in reversed(ex.parts):
        if p is not held_back:
            assert single(imp(city, p.path)).status == "imported"
    status = city.sync.series_status(KEL_A, incomplete_only=True)
    assert [s.missing for s in status] == [(held_back.part,)]
    # What arrived is usable although a part is missing.
    assert len(items_of(city, KEL_A)) == ex.items - held_back.items
    single(imp(city, held_back.path))
    assert city.sync.series_status(KEL_A, incomplete_only=True) == []
    assert items_of(city, KEL_A) == items_of(a, KEL_A)


def test_parts_that_will_never_come_stop_being_waited_for_once_a_later_export_came_whole(
        world, tmp_path: Path) -> None:
    """An export that stopped half way (killed, a stick pulled out) left its first part; the next
    export of that PC arrives whole and carries everything again. DP3AKB's inbox no longer waits
    for the missing parts of the first; another PC's missing part is still waited for."""
    a, city = world.a, world.city
    first = export(a, tmp_path / "1", part_size=12_000)
    assert len(first.parts) >= 3
    single(imp(city, first.parts[0].path))
    assert [s.device_seq for s in city.sync.series_status(KEL_A, incomplete_only=True)] == [first.device_seq]
    assert city.inbox_counts()[2] == 1
    a2 = _second_pc(world, tmp_path)
    a = world.a
    other = export(a2, tmp_path / "pc2", part_size=12_000)
    single(imp(city, other.parts[0].path))
    second = export(a, tmp_path / "2", part_size=12_000)
    imp(city, *(p.path for p in second.parts))
    waiting = city.sync.series_status(KEL_A, incomplete_only=True)
    assert [s.series_id for s in waiting] == [other.series_id]
    assert city.inbox_counts()[2] == 1
    assert items_of(city, KEL_A) == items_of(a, KEL_A)
    by_id = {s.series_id: s for s in city.sync.series_status(KEL_A)}
    assert by_id[first.series_id].superseded and by_id[first.series_id].missing
    assert not by_id[other.series_id].superseded


def test_big_evidence_file_larger_than_a_part_is_sent(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    big = tmp_path / "besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    ev = a.add_evidence(None, big, links=[(YEAR, IND)], kind="report").record
    ex = export(a, tmp_path / "out", part_size=50_000)
    assert any(p.oversized for p in ex.parts)
    imp(city, tmp_path / "out")
    assert city.evidence(ev.id).sha256 == ev.sha256
    assert city.evidence_path(ev.sha256).read_bytes() == big.read_bytes()


def test_eml_drafts_import(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    ex = export(a, tmp_path / "out", part_size=15_000, eml=True)
    assert len(ex.eml) == len(ex.parts)
    text = ex.eml[0].read_text(errors="replace")
    assert "To: dp3akb@example.go.id" in text
    assert f"bagian 1/{len(ex.parts)}" in text and "X-Unsent: 1" in text
    mails = tmp_path / "mails"
    mails.mkdir()
    for e in ex.eml:
        shutil.copy(e, mails / e.name)
    res = imp(city, mails)
    assert [f.status for f in res.files] == ["imported"] * len(ex.parts)
    assert items_of(city, KEL_A) == items_of(a, KEL_A)


# ---------------------------------------------------------------------------- refusals


def _assert_refused(world, path: Path, code: str, tmp_path: Path, **kw: object) -> bundle.FileReport:
    city = world.city
    before = dump(city)
    rep = single(imp(city, path, describe=lambda e: f"ALASAN {e.code}", **kw))
    assert rep.status == "refused", rep
    assert rep.reason_code == code, (rep.reason_code, rep.reason_params)
    assert dump(city) == before
    q = Path(rep.quarantined)
    assert q.exists() and q.read_bytes() == path.read_bytes()
    reason = Path(str(q) + ".alasan.txt").read_text(encoding="utf-8")
    assert f"ALASAN {code}" in reason and "TIDAK dimasukkan" in reason
    return rep


@pytest.fixture
def good(world, tmp_path: Path) -> Path:
    return export(world.a, tmp_path / "good").parts[0].path


def test_one_byte_changed_is_refused(world, good: Path, tmp_path: Path) -> None:
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "satu-bita.kla"
    bad.write_bytes(bytes(data))
    _assert_refused(world, bad, "bundle_damaged", tmp_path)


def test_truncated_is_refused(world, good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "terpotong.kla"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _assert_refused(world, bad, "bundle_damaged", tmp_path)


def test_an_empty_file_is_refused_as_empty(world, tmp_path: Path) -> None:
    """0 bytes (a stick pulled out mid-copy) was "bukan berkas KLA Desktop (isinya tidak dikenali)"."""
    from ui.messages import error_text

    bad = tmp_path / "KLA-kosong.kla"
    bad.write_bytes(b"")
    rep = _assert_refused(world, bad, "bundle_empty", tmp_path)
    assert error_text(KlaError(rep.reason_code, **rep.reason_params)).startswith(
        f"Berkas {bad} kosong (0 bita): salinannya tidak jadi, biasanya karena flashdisk dicabut")


def test_corrupt_is_refused(world, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.kla"
    bad.write_bytes(b"PK\x03\x04" + bytes(500))
    _assert_refused(world, bad, "bundle_not_kla", tmp_path)


def test_bad_signature_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    sig = bytearray(m["SHA256SUMS.sig"])
    sig[0] ^= 0xFF
    m["SHA256SUMS.sig"] = bytes(sig)
    bad = write_forged(tmp_path / "ttd.kla", m, city_recipient(world.city), resum=False)
    _assert_refused(world, bad, "bundle_signature_bad", tmp_path)


def test_tampered_content_with_old_signature_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    m["records.jsonl"] = m["records.jsonl"].replace(b'"draft"', b'"ready"', 1)
    bad = write_forged(tmp_path / "ubah.kla", m, city_recipient(world.city), resum=False)
    _assert_refused(world, bad, "bundle_hash_mismatch", tmp_path)


def test_unknown_sender_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    stranger = keys.generate()
    man = json.loads(m["manifest.json"])
    man["signer"]["key_id"] = stranger.key_id
    m["manifest.json"] = json.dumps(man).encode()
    bad = write_forged(tmp_path / "asing.kla", m, city_recipient(world.city), sign_with=stranger.sign_private)
    _assert_refused(world, bad, "bundle_sender_unknown", tmp_path)


def test_revoked_sender_is_refused_and_reenrolment_works(world, good: Path, tmp_path: Path) -> None:
    city = world.city
    assert city.sync.revoke_peer_keys(KEL_A, "laptop dicuri") == 1
    _assert_refused(world, good, "bundle_sender_revoked", tmp_path)
    r = setup.enroll(city, KEL_A, tmp_path / "baru.klasetup")
    setup.install(world.root / "a", r.path, r.passphrase)
    world.a.close()
    world.stores["a"] = Store.open(world.root / "a")
    assert single(imp(city, export(world.a, tmp_path / "new").parts[0].path)).status == "imported"


def test_claiming_another_kelurahan_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    man = json.loads(m["manifest.json"])
    man["kelurahan"]["code"] = KEL_B
    m["manifest.json"] = json.dumps(man).encode()
    bad = write_forged(tmp_path / "klaim.kla", m, city_recipient(world.city), sign_with=own_private(world.a))
    _assert_refused(world, bad, "bundle_other_kelurahan", tmp_path)


def test_items_touching_another_kelurahan_are_refused(world, tmp_path: Path) -> None:
    city = world.city
    single(imp(city, export(world.b, tmp_path / "b").parts[0].path))
    b_act = city.activities(KEL_B)[0]
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    act = next(x for x in lines if x["key"].startswith("activity/"))
    act["key"] = f"activity/{b_act.id}"
    act["data"]["id"] = b_act.id
    act["hash"] = sync.item_hash(act["key"], act["data"])
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)
    bad = write_forged(tmp_path / "lintas.kla", m, city_recipient(city), sign_with=own_private(world.a))
    _assert_refused(world, bad, "bundle_other_kelurahan", tmp_path)


def test_invalid_value_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    entry = next(x for x in lines if x["key"].startswith("entry/") and any(
        isinstance(v[3], int) and not isinstance(v[3], bool) for v in x["data"]["values"]))
    v = next(v for v in entry["data"]["values"] if isinstance(v[3], int) and not isinstance(v[3], bool))
    v[3] = -5
    entry["hash"] = sync.item_hash(entry["key"], entry["data"])
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)
    bad = write_forged(tmp_path / "nilai.kla", m, city_recipient(world.city), sign_with=own_private(world.a))
    rep = _assert_refused(world, bad, "bundle_item_invalid", tmp_path)
    # A code with parameters, no sentence: the front ends word it (ui.messages).
    assert rep.reason_params["detail"] == "value_invalid" and rep.reason_params["key"] == entry["key"]
    assert rep.reason_params["item"] and rep.reason_params["item"] != v[0], "the item's label, not its key"


def test_wrong_format_version_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    man = json.loads(m["manifest.json"])
    man["format_version"] = 99
    m["manifest.json"] = json.dumps(man).encode()
    bad = write_forged(tmp_path / "versi.kla", m, city_recipient(world.city), sign_with=own_private(world.a))
    rep = _assert_refused(world, bad, "bundle_format_version", tmp_path)
    assert rep.reason_params["version"] == 99


@pytest.mark.parametrize("field,value", [
    ("parts", 10**12), ("part", 0), ("part", 3), ("parts", 0), ("device_seq", -1), ("device_seq", 0),
    ("device_seq", "3"), ("device_seq", 1.5), ("device_seq", True), ("part", "1")])
def test_export_and_part_numbers_no_writer_makes_are_refused(world, good: Path, tmp_path: Path,
                                                             field: str, value: object) -> None:
    """Signed by the unit's own key: a "part 1 of 10^12" was imported, and every list of missing parts
    (the inbox at start-up, the chase list, kla city series) then counted to 10^12; a negative, decimal
    or text export number went into the order DP3AKB keeps per PC."""
    m = read_plain(good, world.city)
    man = json.loads(m["manifest.json"])
    man["id"] = uuid.uuid4().hex
    (man if field == "device_seq" else man["series"])[field] = value
    m["manifest.json"] = json.dumps(man).encode()
    bad = write_forged(tmp_path / "nomor.kla", m, city_recipient(world.city), sign_with=own_private(world.a))
    rep = _assert_refused(world, bad, "bundle_damaged", tmp_path)
    assert rep.reason_params["detail"] == "manifest.json"
    assert world.city.sync.series_status() == []


def test_oversized_is_refused(world, good: Path, tmp_path: Path) -> None:
    _assert_refused(world, good, "bundle_too_large", tmp_path, limits=Limits(max_file=1000))


def test_zip_bomb_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    m["records.jsonl"] = b" " * (40 * 1024 * 1024)
    bad = write_forged(tmp_path / "bom.kla", m, city_recipient(world.city), sign_with=own_private(world.a))
    _assert_refused(world, bad, "bundle_zip_bomb", tmp_path)


def test_path_traversal_is_refused(world, good: Path, tmp_path: Path) -> None:
    m = read_plain(good, world.city)
    m["../../../tmp/evil.txt"] = b"x"
    bad = write_forged(tmp_path / "jalur.kla", m, city_recipient(world.city), sign_with=own_private(world.a))
    _assert_refused(world, bad, "bundle_unsafe_name", tmp_path)


def test_bundle_for_another_city_key_is_refused(world, good: Path, tmp_path: Path) -> None:
    other = keys.generate()
    m = read_plain(good, world.city)
    bad = write_forged(tmp_path / "lain.kla", m, other.age_recipient, resum=False)
    _assert_refused(world, bad, "bundle_not_for_us", tmp_path)


def test_a_bundle_named_for_a_unit_of_another_city_says_whose_it_is(world, good: Path, tmp_path: Path) -> None:
    """A Samarinda kelurahan's bundle handed to DP3AKB Balikpapan: "another key" told the officer
    nothing; the file's name says whose it is and where it belongs."""
    other = keys.generate()
    m = read_plain(good, world.city)
    bad = write_forged(tmp_path / "KLA-64.72.08.1001-20261202-0001-2ef089-acee-bagian-1-dari-1.kla", m,
                       other.age_recipient, resum=False)
    rep = _assert_refused(world, bad, "bundle_for_other_city", tmp_path)
    from ui.messages import render

    said = render(rep.reason_code, rep.reason_params)
    assert "kiriman kelurahan Temindung Permai (64.72.08.1001) di Kota Samarinda" in said
    assert "tidak bisa dibuka oleh DP3AKB Kota Balikpapan" in said and "Serahkan berkasnya ke DP3AKB Kota Samarinda" in said
    # A file named for a unit of this city but locked for another DP3AKB key: that unit was set up from
    # another DP3AKB workspace; it said only "not for this workspace", and the officer was left guessing.
    own_city = shutil.copy(bad, tmp_path / "KLA-64.71.01.1002-20261202-0001-2ef089-acee-bagian-1-dari-1.kla")
    rep = _assert_refused(world, Path(own_city), "bundle_for_other_dp3akb", tmp_path)
    said = render(rep.reason_code, rep.reason_params)
    assert "kiriman kelurahan Lamaru (64.71.01.1002)" in said and "ruang kerja DP3AKB lain" in said, said
    assert "kla city enroll 64.71.01.1002 --out BERKAS" in said
    # Renamed, the file says nothing about itself: the plain "not for this workspace".
    renamed = shutil.copy(bad, tmp_path / "kiriman.kla")
    _assert_refused(world, Path(renamed), "bundle_not_for_us", tmp_path)


def test_refused_file_among_good_ones(world, good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "folder" / "rusak.kla"
    bad.parent.mkdir()
    bad.write_bytes(good.read_bytes()[:1000])
    shutil.copy(good, bad.parent / good.name)
    res = imp(world.city, bad.parent)
    assert sorted(f.status for f in res.files) == ["imported", "refused"]


# ---------------------------------------------------------------------------- receipts, templates, restore


def test_receipt_for_another_kelurahan_or_forged_is_refused(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    rb = receipts.write_receipts(city, tmp_path / "rb", KEL_B)[0].path
    before = dump(a)
    rep = single(imp(a, rb))
    # Its name says whose it is: the clerk hears which unit's receipt it is and which to take.
    assert rep.status == "refused" and rep.reason_code == "receipt_for_other_unit"
    from ui.messages import render

    said = render(rep.reason_code, rep.reason_params)
    assert "tanda terima untuk kelurahan Lamaru (64.71.01.1002)" in said
    assert f"kelurahan Manggar ({KEL_A})" in said and f"KLA-tanda-terima-{KEL_A}-" in said
    # Renamed, the file says nothing about itself: the plain "not for this workspace".
    renamed = shutil.copy(rb, tmp_path / "tanda-terima.kla")
    assert single(imp(a, Path(renamed))).reason_code == "bundle_not_for_us"
    ra = receipts.write_receipts(city, tmp_path / "ra", KEL_A)[0].path
    ids = [keys.identity(k.age_identity) for k in a.sync.own_keys()]
    import io

    import pyrage

    members = {}
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(ra.read_bytes(), ids))) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    r = json.loads(members["receipt.json"])
    r["held"] = {}
    members["receipt.json"] = json.dumps(r).encode()
    forged = write_forged(tmp_path / "palsu.kla", members, a.sync.own_keys()[-1].age_recipient,
                          sign_with=own_private(a))
    rep = single(imp(a, forged))
    assert rep.status == "refused" and rep.reason_code == "bundle_signature_bad"
    assert dump(a) == before


def test_this_units_receipt_locked_for_its_other_key_says_so(world, tmp_path: Path) -> None:
    """DP3AKB revoked this PC's key and enrolled the unit anew: its receipts are locked for the new key.
    The PC was told only 'tidak ditujukan ke ruang kerja ini ... Periksa apakah berkasnya untuk
    DP3AKB/kelurahan ini', of a file named for its own kelurahan."""
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    assert city.sync.revoke_peer_keys(KEL_A, "berkas pemasangan baru") == 1
    setup.enroll(city, KEL_A, tmp_path / "baru.klasetup")
    ra = receipts.write_receipts(city, tmp_path / "ra", KEL_A)[0].path
    before = dump(a)
    rep = single(imp(a, ra))
    assert rep.status == "refused" and rep.reason_code == "receipt_for_other_key"
    from ui.messages import render

    said = render(rep.reason_code, rep.reason_params)
    assert f"tanda terima untuk kelurahan Manggar ({KEL_A})" in said and "bukan kunci komputer ini" in said, said
    assert "mencabut kunci komputer ini" in said and "'kla setup'" in said
    assert dump(a) == before and Path(rep.quarantined).exists()
    # Another PC's bundle of this unit at a kelurahan: bundles open only at DP3AKB.
    other = shutil.copy(export(world.b, tmp_path / "b").parts[0].path,
                        tmp_path / f"KLA-{KEL_A}-20261202-0009-2ef089-acee-bagian-1-dari-1.kla")
    assert single(imp(a, Path(other))).reason_code == "bundle_for_dp3akb"


def _template_v2(store: Store, change: str) -> object:
    from db.template import parse_template

    raw = json.loads(store.template.to_json())
    raw["version"] = 2
    ind = next(i for i in raw["indicators"] if i["no"] == IND)
    it = next(i for i in ind["items"] if i["key"] == ITEM)
    if change == "rename":
        it["key"] = "media_massa"
        raw["migrations"] = [{"from_version": 1, "rename": {f"{IND}.{ITEM}": "media_massa"}}]
    else:
        ind["items"].remove(it)
    return parse_template(raw)


def test_template_update_in_receipt_migrates_entries(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    a.set_value(None, YEAR, IND, ITEM, 9)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    city.install_template(_template_v2(city, "rename"))
    rep = single(imp(a, receipts.write_receipts(city, tmp_path / "rc", KEL_A)[0].path))
    assert rep.summary["template"]["version"] == 2
    assert a.template.version == 2
    assert a.values(None, YEAR, IND)[("media_massa", "", "")] == 9
    # DP3AKB moved its copy of the entry by the same rule when it put version 2 in force, so the
    # unit's migrated entry is the one DP3AKB holds (its receipt says so): nothing to send again.
    assert city.entry(KEL_A, YEAR, IND).template_version == 2
    assert city.values(KEL_A, YEAR, IND)[("media_massa", "", "")] == 9
    assert export(a, tmp_path / "2").nothing_to_send


def test_template_update_that_would_drop_data_is_refused(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    a.set_value(None, YEAR, IND, ITEM, 9)
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    # DP3AKB itself refuses to put such a version in force (db/template_migration.put_in_force);
    # one that got it anyway (an older program) must still not make the unit lose the value.
    with pytest.raises(KlaError) as exc:
        city.install_template(_template_v2(city, "drop"))
    assert exc.value.code == "template_migration_blocked"
    with city.transaction():
        city.ref.install_template(_template_v2(city, "drop"), activate=True)
    before = dump(a)
    rep = single(imp(a, receipts.write_receipts(city, tmp_path / "rc", KEL_A)[0].path))
    assert rep.status == "refused" and rep.reason_code == "template_migration_blocked"
    assert f"{IND}.{ITEM}" in rep.reason_params["items"]
    assert dump(a) == before


def test_city_restore_replacement_pc_carries_on(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    city.set_review(KEL_A, YEAR, IND, "diterima", "Baik")
    r = setup.enroll(city, KEL_A, tmp_path / "pulih.klasetup", restore=True)
    assert r.restore_items == len(items_of(city, KEL_A)) and r.restore_files > 0
    with pytest.raises(KlaError) as exc:
        setup.install(world.root / "a", r.path, r.passphrase)
    assert exc.value.code == "restore_needs_new_home"
    res = setup.install(tmp_path / "pc-baru", r.path, r.passphrase)
    assert res.created and res.restored_items == r.restore_items
    new = Store.open(tmp_path / "pc-baru", operator="baru")
    try:
        assert items_of(new, KEL_A) == items_of(city, KEL_A)
        assert new.check().ok
        assert new.entry(None, YEAR, IND).review_note == "Baik"
        assert export(new, tmp_path / "none").nothing_to_send
        new.set_value(None, YEAR, IND, ITEM, 77)
        rep = single(imp(city, export(new, tmp_path / "2").parts[0].path))
        assert rep.counts == {**rep.counts, "changed": 1, "conflict": 0}
        assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 77
    finally:
        new.close()


def test_setup_wrong_passphrase_and_wrong_workspace(world, tmp_path: Path) -> None:
    r = setup.enroll(world.city, KEL_B, tmp_path / "b.klasetup")
    with pytest.raises(KlaError) as exc:
        setup.install(tmp_path / "x", r.path, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert exc.value.code == "passphrase_wrong"
    assert not Store.exists(tmp_path / "x")
    before = dump(world.a)
    with pytest.raises(KlaError) as exc:
        setup.install(world.root / "a", r.path, r.passphrase)
    assert exc.value.code == "setup_other_workspace"
    assert dump(world.a) == before
    # Typed loosely (lower case, spaces, O for 0) still works.
    loose = r.passphrase.lower().replace("-", " ").replace("0", "o")
    assert setup.install(tmp_path / "y", r.path, loose).kelurahan_code == KEL_B


def test_setup_file_given_to_import_says_to_install_it_or_hand_it_over(world, tmp_path: Path) -> None:
    """At DP3AKB the setup file it just made was refused with 'Pasang dengan kla setup atau pilihan Pasang dari
    berkas DP3AKB': advice for the kelurahan, which DP3AKB's own workspace refuses."""
    from ui.messages import render

    setup_file = world.root / "a-again.klasetup"
    setup.enroll(world.city, KEL_A, setup_file, email="dp3akb@example.go.id")
    rep = _assert_refused(world, setup_file, "import_setup_file_at_city", tmp_path)
    assert rep.reason_params["path"].endswith("a-again.klasetup")
    said = render(rep.reason_code, rep.reason_params)
    assert "diserahkan ke kantor desa/kelurahan itu bersama lembar kata sandinya" in said and "kla setup" not in said
    at_kel = single(imp(world.a, setup_file))
    assert at_kel.status == "refused" and at_kel.reason_code == "import_is_setup_file"
    assert "Pasang dengan 'kla setup'" in render(at_kel.reason_code, at_kel.reason_params)


def test_bundle_value_breaking_a_rule_meets_the_same_rule_as_typing_it(world, tmp_path: Path) -> None:
    """One rule for typed and bundled values. A part larger than its whole is stored and flagged
    both ways (save and flag, never drop); a value of the wrong kind is refused both ways."""
    a, city = world.a, world.city
    sex, age = a.template.cells(a.template.indicator(4).item("anak_total"))[0]
    a.set_value(None, YEAR, 4, "anak_total", 10, sex=sex, age=age)
    typed = a.set_value(None, YEAR, 4, "anak_berakta", 50, sex=sex, age=age).record
    assert a.values(None, YEAR, 4)[("anak_berakta", sex, age)] == 50
    assert [f["code"] for f in typed.flags] == ["part_exceeds_whole"]
    sent = export(a, tmp_path / "a")
    assert (YEAR, 4) in sent.flagged  # the export summary names the flagged indicator
    rep = single(imp(city, sent.parts[0].path))
    assert rep.status == "imported", rep
    assert city.values(KEL_A, YEAR, 4)[("anak_berakta", sex, age)] == 50
    assert city.indicator_status(KEL_A, YEAR, 4).flags == a.indicator_status(None, YEAR, 4).flags == typed.flags
    assert next(k for k in city.city_status(YEAR, [KEL_A])[0].indicators if k.indicator_no == 4).flags == typed.flags

    with pytest.raises(KlaError) as refused:
        a.set_value(None, YEAR, 4, "anak_berakta", -5, sex=sex, age=age)
    assert refused.value.code == "value_negative"
    a.set_value(None, YEAR, 4, "anak_berakta", 6, sex=sex, age=age)
    m = read_plain(export(a, tmp_path / "b").parts[0].path, city)
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    entry = next(x for x in lines if x["key"] == f"entry/{YEAR}/4")
    cell = next(v for v in entry["data"]["values"] if v[:3] == ["anak_berakta", sex, age])
    cell[3] = -5  # what the grid refused, forged into a signed bundle
    entry["hash"] = sync.item_hash(entry["key"], entry["data"])
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)
    bad = write_forged(tmp_path / "bagian.kla", m, city_recipient(city), sign_with=own_private(a))
    rep = _assert_refused(world, bad, "bundle_item_invalid", tmp_path)
    # Refused by the bundle's value check (db.sync.validate_item parses each value as typing does).
    assert rep.reason_params["detail"] == "value_invalid", rep.reason_params
    assert city.values(KEL_A, YEAR, 4).get(("anak_berakta", sex, age)) == 50

def test_a_restore_never_rewinds_the_export_order(world, tmp_path: Path) -> None:
    """A backup from before two exports is restored; the next change still reaches DP3AKB
    (not dropped as 'older'), and no bundle number is used twice."""
    a, city = world.a, world.city
    sex, age = a.template.cells(a.template.indicator(4).item("anak_total"))[0]
    backup = a.backup(reason="manual")
    for n, value in enumerate((30, 31), 1):
        a.set_value(None, YEAR, 4, "anak_total", value, sex=sex, age=age)
        single(imp(city, export(a, tmp_path / f"e{n}").parts[0].path))
    used = a.sync.counters()["export_seq"]
    a.close()
    Store.restore(world.root / "a", backup, operator="op-a")
    a = world.stores["a"] = Store.open(world.root / "a", operator="op-a")
    assert a.sync.counters()["export_seq"] == used
    a.set_value(None, YEAR, 4, "anak_total", 45, sex=sex, age=age)
    ex = export(a, tmp_path / "after")
    assert ex.device_seq == used + 1
    rep = single(imp(city, ex.parts[0].path))
    assert rep.status == "imported" and rep.counts.get("older", 0) == 0, rep.counts
    assert city.values(KEL_A, YEAR, 4)[("anak_total", sex, age)] == 45, rep.counts


def test_a_restored_backup_sent_as_it_is_never_rewinds_dp3akb(world, tmp_path: Path) -> None:
    """A backup from before two exports is restored and exported again: the values restored as
    they were are older than what DP3AKB has from that PC, so DP3AKB keeps its newer value and
    shows the restored one as a conflict (nothing lost, nothing rewound); a value typed after the
    restore is newer and is taken."""
    a, city = world.a, world.city
    sex, age = a.template.cells(a.template.indicator(4).item("anak_total"))[0]
    a.set_value(None, YEAR, 4, "anak_total", 20, sex=sex, age=age)
    a.set_value(None, YEAR, IND, ITEM, 1)
    single(imp(city, export(a, tmp_path / "e0").parts[0].path))
    backup = a.backup(reason="manual")
    for n, value in enumerate((30, 31), 1):
        a.set_value(None, YEAR, 4, "anak_total", value, sex=sex, age=age)
        a.set_value(None, YEAR, IND, ITEM, value)
        last = export(a, tmp_path / f"e{n}")
        single(imp(city, last.parts[0].path))
    a.close()
    Store.restore(world.root / "a", backup, operator="op-a")
    a = world.stores["a"] = Store.open(world.root / "a", operator="op-a")
    assert a.values(KEL_A, YEAR, 4)[("anak_total", sex, age)] == 20
    a.set_value(None, YEAR, IND, ITEM, 45)  # typed after the restore
    rep = single(imp(city, export(a, tmp_path / "after").parts[0].path))
    outcome = {i["key"]: i["outcome"] for i in rep.items}
    assert outcome[f"entry/{YEAR}/4"] == "conflict", rep.items
    entry = next(i for i in rep.items if i["key"] == f"entry/{YEAR}/4")
    assert entry["reason"] == "restored_older" and entry["reason_params"]["seq"] == last.device_seq, entry
    assert outcome[f"entry/{YEAR}/{IND}"] == "changed", rep.items
    assert city.values(KEL_A, YEAR, 4)[("anak_total", sex, age)] == 31
    assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 45
    assert [c.item_key for c in city.sync.conflicts(KEL_A)] == [f"entry/{YEAR}/4"]
    # The receipt says what DP3AKB holds; the restored value sent again is still no change.
    receipt_to(world, a, tmp_path / "rc")
    rep = single(imp(city, export(a, tmp_path / "again").parts[0].path))
    assert {i["key"]: i["outcome"] for i in rep.items}.get(f"entry/{YEAR}/4") in (None, "rejected", "conflict")
    assert city.values(KEL_A, YEAR, 4)[("anak_total", sex, age)] == 31


def test_a_workspace_copied_to_a_second_pc_never_overwrites_the_first_pcs_change(world, tmp_path: Path) -> None:
    """The kelurahan's folder copied to a second PC (or folder) and used on both: the copy becomes a
    sending device of its own at its first open, so the copy's later export never passes for a newer
    export of the first PC. Before, both sent as one device with the same numbers, and the copy's
    next export replaced the first PC's change at DP3AKB without a conflict."""
    a, city = world.a, world.city
    sex, age = a.template.cells(a.template.indicator(4).item("anak_total"))[0]
    a.set_value(None, YEAR, 4, "anak_total", 100, sex=sex, age=age)
    single(imp(city, export(a, tmp_path / "e0").parts[0].path))
    receipt_to(world, a, tmp_path / "r0")  # both PCs then know what DP3AKB holds
    a.close()
    shutil.copytree(world.root / "a", tmp_path / "pc2", ignore=shutil.ignore_patterns("kla-desktop.lock*"))
    a = world.stores["a"] = Store.open(world.root / "a", operator="op-a")
    first_device = a.device_id
    copy = Store.open(tmp_path / "pc2", operator="op-b")
    try:
        assert copy.device_id != first_device and a.device_id == first_device  # the original keeps its own
        assert copy.sync.counters() == a.sync.counters()  # the data and numbers go on as they were
        a.set_value(None, YEAR, 4, "anak_total", 130, sex=sex, age=age)
        e1 = export(a, tmp_path / "e1")
        assert single(imp(city, e1.parts[0].path)).counts["changed"] == 1
        copy.set_value(None, YEAR, 4, "anak_total", 140, sex=sex, age=age)
        copy.set_value(None, YEAR, IND, ITEM, 9)  # changed on the copy only
        export(copy, tmp_path / "c1")
        copy.set_value(None, YEAR, 4, "anak_total", 141, sex=sex, age=age)
        later = export(copy, tmp_path / "c2")  # a higher number than the first PC's last export
        assert later.device_seq > e1.device_seq  # what the "same PC, higher number" rule would have taken
        rep = single(imp(city, later.parts[0].path))
        entry = next(i for i in rep.items if i["key"] == f"entry/{YEAR}/4")
        assert entry["outcome"] == "conflict" and entry["reason"] == "changed_other_pc", entry
        assert entry["reason_params"]["device"] == first_device[:6]
        from ui.messages import import_reason_words

        assert "komputer lain desa/kelurahan ini" in import_reason_words(entry["reason"], entry.get("reason_params"))
        assert city.values(KEL_A, YEAR, 4)[("anak_total", sex, age)] == 130  # the first PC's change stays
        assert city.values(KEL_A, YEAR, IND)[(ITEM, "", "")] == 9  # the copy's own change goes in
        assert rep.shared_key and rep.shared_key["others"], rep  # DP3AKB is told: two PCs, one setup file
        # Opened again where it is, the copy keeps the device it got.
        copy_device = copy.device_id
        copy.close()
        copy = Store.open(tmp_path / "pc2")
        assert copy.device_id == copy_device
    finally:
        copy.close()


def test_the_last_receipt_imported_again_after_a_restore_puts_back_what_dp3akb_holds(world, tmp_path: Path) -> None:
    """A backup from before the last receipt is restored: that receipt (the newest, the whole
    state) imports again instead of being called older, and the next export carries nothing
    DP3AKB already holds."""
    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "e1").parts[0].path))
    [r1] = receipts.write_receipts(city, tmp_path / "r1", KEL_A)
    assert single(imp(a, r1.path)).status == "imported"
    a.set_value(None, YEAR, IND, ITEM, 77)
    single(imp(city, export(a, tmp_path / "e2").parts[0].path))
    backup = a.backup(reason="manual")
    [r2] = receipts.write_receipts(city, tmp_path / "r2", KEL_A)
    assert single(imp(a, r2.path)).status == "imported"
    assert export(a, tmp_path / "nothing").nothing_to_send
    a.close()
    Store.restore(world.root / "a", backup, operator="op-a")
    a = world.stores["a"] = Store.open(world.root / "a", operator="op-a")
    assert single(imp(a, r1.path)).status == "duplicate"  # the backup had it already
    assert single(imp(a, r2.path)).status == "imported"
    assert single(imp(a, r2.path)).status == "duplicate"
    assert export(a, tmp_path / "after").nothing_to_send


def test_a_path_that_does_not_exist_is_called_missing(world, tmp_path: Path) -> None:
    before = dump(world.city)
    rep = single(imp(world.city, tmp_path / "tidak-ada" / "KLA-salah-ketik.kla"))
    assert rep.status == "refused" and rep.reason_code == "file_not_found", rep
    assert dump(world.city) == before


def test_the_requirement_the_clerk_chose_travels_to_dp3akb(world, tmp_path: Path) -> None:
    """Indicator 2 asks for two SKs: the one attached to "SK PATBM" counts for that one at DP3AKB too,
    and a file with no choice travels as older versions wrote it (no "requirements" field)."""
    from db.demo import make_pdf

    a, city = world.a, world.city
    patbm, other = tmp_path / "sk-patbm.pdf", tmp_path / "sk-lain.pdf"
    make_pdf(patbm, "SK PATBM", ["Kelurahan"])
    make_pdf(other, "SK lain", ["Kelurahan"])
    chosen = a.add_evidence(None, patbm, links=[(YEAR, 2)], kind="sk", requirement="sk_2").record
    plain = a.add_evidence(None, other, links=[(YEAR, 3)], kind="sk").record
    items = {it.key: it for it in a.sync.items(KEL_A)}
    assert items[f"evidence/{chosen.id}"].data["requirements"] == [[YEAR, 2, "sk_2"]]
    assert "requirements" not in items[f"evidence/{plain.id}"].data
    ex = export(a, tmp_path / "out")
    assert single(imp(city, *(p.path for p in ex.parts))).status == "imported"
    assert city.evidence(chosen.id).requirement_for(YEAR, 2) == "sk_2"
    assert city.evidence(plain.id).requirement_for(YEAR, 3) == ""
    gaps = {g.key: g for g in city.indicator_status(KEL_A, YEAR, 2).evidence}
    assert chosen.id in gaps["sk_2"].evidence_ids and chosen.id not in gaps["sk"].evidence_ids


def test_dp3akb_kept_activity_and_evidence_versions_replace_the_losing_pcs_and_stay_in_its_audit(
        world, tmp_path: Path) -> None:
    """Not only entries: an activity's title and a file's caption changed on two PCs, DP3AKB keeps
    PC 1's. PC 2 takes both from the receipt (its own versions kept in its audit log), has nothing
    left to send, and its next change of the activity is taken by DP3AKB as a change."""
    city = world.city
    single(imp(city, export(world.a, tmp_path / "0").parts[0].path))
    receipt_to(world, world.a, tmp_path / "rc0")
    a2 = _second_pc(world, tmp_path)
    a = world.a
    act, ev = a.activities()[0], a.evidence_list(KEL_A)[0]
    a.update_activity(act.id, title="Judul PC 1")
    a2.update_activity(act.id, title="Judul PC 2")
    a.update_evidence(ev.id, caption="Keterangan PC 1")
    a2.update_evidence(ev.id, caption="Keterangan PC 2")
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    assert single(imp(city, export(a2, tmp_path / "2").parts[0].path)).counts["conflict"] == 2
    for c in city.sync.conflicts(KEL_A):
        city.sync.resolve_conflict(c.id, "held")
    receipt_to(world, a2, tmp_path / "rc1")
    assert next(x for x in a2.activities() if x.id == act.id).title == "Judul PC 1"
    assert a2.evidence(ev.id).caption == "Keterangan PC 1"
    assert items_of(a2, KEL_A) == items_of(city, KEL_A)
    assert export(a2, tmp_path / "3").nothing_to_send
    kept = {r.entity_key: r.old_value for r in a2.audit_log("city_kept")}
    assert kept[f"{KEL_A}/activity/{act.id}"]["title"] == "Judul PC 2"
    assert kept[f"{KEL_A}/evidence/{ev.id}"]["caption"] == "Keterangan PC 2"
    a2.update_activity(act.id, title="Judul baru PC 2")
    rep = single(imp(city, export(a2, tmp_path / "4").parts[0].path))
    assert rep.counts["conflict"] == 0 and city.sync.conflicts(KEL_A) == []
    assert next(x for x in city.activities(KEL_A) if x.id == act.id).title == "Judul baru PC 2"


def test_batch_enrolment_gives_a_unit_dp3akb_holds_data_of_a_restore_file(world, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """A's PC was lost and its key revoked: "Daftarkan semua yang belum…" (kla city enroll-many)
    writes A a restore file with what DP3AKB holds (an empty setup file would make every later
    export of A conflict with it), B a plain setup file; the CLI says which and why."""
    import json

    from desktop import cli

    a, city = world.a, world.city
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    held = items_of(city, KEL_A)
    with city.transaction():
        city.sync.revoke_peer_keys(KEL_A, "PC hilang")
        city.sync.revoke_peer_keys(KEL_B, "PC hilang")
    world.close()
    home, out = str(world.root / "city"), tmp_path / "flashdisk"
    assert cli.main(["--home", home, "--json", "city", "enroll-many", KEL_A, KEL_B, "--out", str(out)]) == 0
    got = {r["code"]: r for r in json.loads(capsys.readouterr().out)["enrolled"]}
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"KLA-pemulihan-{KEL_A}.klasetup", f"KLA-pemasangan-{KEL_B}.klasetup", "lembar-kata-sandi.pdf"])
    assert got[KEL_A]["restore"] and got[KEL_A]["restore_items"] == len(held) and not got[KEL_B]["restore"]
    res = setup.install(tmp_path / "pc-baru", Path(got[KEL_A]["file"]), got[KEL_A]["passphrase"])
    assert res.restored_items == len(held)
    with Store.open(tmp_path / "pc-baru", start_backup=False) as new:
        assert items_of(new, KEL_A) == held
    # Asked again for a new key (--again): the words say a restore file and why.
    assert cli.main(["--home", home, "city", "enroll-many", KEL_A, "--again", "--out", str(tmp_path / "lagi")]) == 0
    text = capsys.readouterr().out
    assert "yang datanya sudah ada di DP3AKB mendapat berkas PEMULIHAN (berisi data itu)" in text
    assert f"({len(held)} item)" in text and "berkas pemasangan kosong" in text


def test_units_with_items_is_the_units_a_restore_would_carry_something_for(world, tmp_path: Path) -> None:
    """The one query a batch enrolment asks with agrees with each unit's items: a record or typed
    value counts, an empty entry (a review written before any data) does not."""
    a, city = world.a, world.city
    assert city.sync.units_with_items() == set()
    single(imp(city, export(a, tmp_path / "1").parts[0].path))
    city.set_review(KEL_B, YEAR, IND, "perlu_perbaikan", "Mohon diisi")  # an empty shell for B
    codes = [u.code for u in city.units("kelurahan")]
    assert city.sync.units_with_items() == {c for c in codes if setup.held_items(city, c)} == {KEL_A}
    city.set_value(KEL_B, YEAR, IND, ITEM, 5)
    assert city.sync.units_with_items() == {c for c in codes if setup.held_items(city, c)} == {KEL_A, KEL_B}
