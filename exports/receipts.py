"""Receipts: DP3AKB tells a kelurahan, signed and encrypted, what it holds.

A receipt lists every item DP3AKB holds for the kelurahan (key -> hash), how many of them
are new or changed since the receipt DP3AKB wrote before for it (``new``, ``since``: both
sides word the receipt with these same two numbers), the evidence files it holds, versions it rejected in a conflict, its review state and notes per
indicator, DP3AKB's own version of each item it decided a conflict over (``kept``: the kelurahan
takes it in place of its rejected one), and its active template (a newer version is installed at the kelurahan with
the template's declared migration rules). Receipts are *state*, not deltas: importing the
newest one is enough, and an older one imported later is ignored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import sync
from db.errors import KlaError
from db.ids import uuid4_hex
from db.progress import Progress, step
from db.rubrics import rubric_result_of
from db.store import Store
from db.template import load_template_json
from exports.container import Container, ContainerWriter, encrypt_to, json_bytes, now_iso
from exports.keys import fingerprint
from exports.manifest import build_manifest, city_info, ensure_city_keys, require_role
from exports.names import display_name


@dataclass(frozen=True)
class ReceiptWritten:
    path: Path
    kelurahan_code: str
    kelurahan_name: str
    seq: int
    items: int
    """Every item DP3AKB holds for the kelurahan (received in all)."""
    files: int
    reviews: int
    new: int | None = None
    """Items new or changed since receipt no. ``since`` (all of them in a first receipt; None when the
    receipts before this one were written by a version that did not keep what they listed)."""
    since: int = 0
    """The receipt before this one for the kelurahan (0: this is the first)."""


def _held_key(kel: str) -> str:
    """The sync_state key keeping what the last receipt for ``kel`` listed ({item key: hash})."""
    return f"receipt_held/{kel}"


def _since_last(store: Store, kel: str, held: dict[str, str], seq: int) -> tuple[int | None, int]:
    """(items of ``held`` new or changed since the last receipt for ``kel``, that receipt's number, 0 if
    none). None for the count when receipts were written before this one kept what it listed."""
    raw = store.sync.state(_held_key(kel), "")
    try:
        last = json.loads(raw) if raw else {}
        before, since = dict(last.get("held", {})), int(last.get("seq", 0))
    except (ValueError, TypeError, AttributeError):
        before, since = {}, 0
    if not since and seq > 1:
        return None, 0
    return sum(1 for k, h in held.items() if before.get(k) != h), since


def kept_items(store: Store, kel: str, held: dict[str, str], rejected: dict[str, list[str]]) -> list[dict[str, Any]]:
    """DP3AKB's version of each item it decided a conflict over, as bundles carry items: the
    kelurahan takes it in place of its rejected version (``Sync.take_kept``), so its next change
    is built on what DP3AKB holds. Only a version held now and not itself rejected; a deletion is
    not carried (the kelurahan keeps setting its version aside, as before)."""
    out = []
    for key in sorted(rejected):
        h = held.get(key)
        if h is None or h in rejected[key]:
            continue
        it = store.sync.item(kel, key)
        if it is not None and it.data is not None and it.hash == h:
            out.append(it.to_json())
    return out


def receipt_payload(store: Store, kel: str, seq: int) -> dict[str, Any]:
    held, files = store.sync.held_state(kel)
    reviews = store.reviews(kel)
    t = store.template
    rejected = store.sync.rejected_state(kel)
    open_conflicts = store.sync.conflicts(kel)
    return {"kelurahan": kel, "seq": seq, "created_at": now_iso(), "held": held, "files": files,
            "rejected": rejected, "reviews": reviews,
            # What DP3AKB kept where it decided a conflict: the kelurahan's copy becomes it.
            "kept": kept_items(store, kel, held, rejected),
            "template": {"id": t.id, "version": t.version}, "city": city_info(store),
            "open_conflicts": len(open_conflicts),
            # The items whose version DP3AKB holds differs from one it received and has not decided
            # on yet: the kelurahan says "waiting for DP3AKB" of them, not "changed here since".
            "waiting": sorted({c.item_key for c in open_conflicts}),
            # The unit's line as DP3AKB names it now: a rename or a retirement reaches the unit.
            "unit": store.path_json(kel),
            # A key two PCs sign with at once (one setup file installed twice): each PC hears it.
            "shared_keys": store.sync.shared_keys(kel, [k.key_id for k in store.sync.peer_keys(kel)]),
            # Its category from the city's own rubric, once every rubric indicator is verified
            # (db/rubrics.py); never from the kab/kota bands. Absent otherwise.
            **_rubric(store, kel)}


def _rubric(store: Store, kel: str) -> dict[str, Any]:
    got = store.unit_category(kel, store.current_period().eval_year)
    return {"rubric": got.to_json()} if got is not None and got.band_key else {}


def write_receipts(store: Store, out_dir: Path, kelurahan: str | None = None, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[ReceiptWritten]:
    """One receipt per enrolled kelurahan (or just ``kelurahan``), encrypted to its keys."""
    require_role(store, "city")
    city = ensure_city_keys(store)
    if kelurahan:
        codes = [store.find_unit(kelurahan, "kelurahan").code]
        if not store.sync.peer_keys(codes[0]):
            raise KlaError("kelurahan_not_enrolled", code=codes[0])
    else:
        codes = sorted({k.unit_code for k in store.sync.peer_keys()})
    out: list[ReceiptWritten] = []
    try:
        _write_each(store, city, codes, Path(out_dir), out, progress, cancelled)
    except KlaError as err:
        if not out or err.code not in STOPPING:
            raise
        # Some receipts are on the stick and recorded already: say which, and who still needs one.
        written = {r.kelurahan_code for r in out}
        missing = [store.kelurahan(c).name for c in codes if c not in written]
        raise KlaError("receipts_stopped", cause=err.code, path=str(err.params.get("path", out_dir)),
                       written=len(out), total=len(codes), missing=", ".join(missing),
                       done=", ".join(r.kelurahan_name for r in out)) from err
    if progress:
        progress(len(codes), len(codes), step("done"))
    return out


STOPPING = ("dest_full", "dest_gone", "dest_write_failed", "workspace_full", "dest_exists")
"""What stops a run of receipts part way on the destination's side (the receipts before it stay)."""


def _write_each(store: Store, city: Any, codes: list[str], out_dir: Path, out: list[ReceiptWritten],
                progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    t = store.template
    for n, kel in enumerate(codes, 1):
        if progress:
            progress(n - 1, len(codes), step("receipt_for", name=store.kelurahan(kel).name))
        recipients = [k.age_recipient for k in store.sync.peer_keys(kel)]
        seq = store.sync.next_counter(f"receipt_seq/{kel}")
        payload = receipt_payload(store, kel, seq)
        new, since = _since_last(store, kel, payload["held"], seq)
        if new is not None:
            payload["new"], payload["since"] = new, since
        unit = store.kelurahan(kel)
        w = ContainerWriter(store.paths.tmp, cancelled)
        try:
            w.add_bytes("receipt.json", json_bytes(payload))
            w.add_bytes(f"templates/{t.id}-v{t.version}.json", t.to_json().encode("utf-8"))
            manifest = build_manifest(store, "receipt", city, kelurahan={"code": kel, "name": unit.name},
                                 city_code=store.city_code, seq=seq)
            zpath = w.finish(manifest, city.sign_private)
            stamp = now_iso()[:10].replace("-", "")
            dest = Path(out_dir) / f"KLA-tanda-terima-{kel}-{stamp}-{seq:04d}-{manifest['id'][:6]}.kla"
            sha, size = encrypt_to(zpath, dest, recipients, cancelled)
        finally:
            w.discard()
        with store.transaction():
            store.sync.record_bundle(sync.BundleLogRecord(
                manifest["id"], "out", "receipt", kel, "", seq, "", 1, 1, dest.name, sha, size, manifest["created_at"],
                now_iso(), {"items": len(payload["held"]), "files": len(payload["files"]),
                            "reviews": len(payload["reviews"]), "new": new, "since": since}))
            store.sync.set_state(_held_key(kel), json.dumps({"seq": seq, "held": payload["held"]}, sort_keys=True))
        out.append(ReceiptWritten(dest, kel, unit.name, seq, len(payload["held"]), len(payload["files"]),
                                  len(payload["reviews"]), new, since))


# ---------------------------------------------------------------------------- kelurahan side


def _shared_key(store: Store, listed: Any) -> dict[str, Any]:
    """What a receipt says of this PC's own key being used by another PC too ({} if nothing):
    ``fingerprint`` and ``others`` (the other PCs: name, first, last, exports)."""
    if not isinstance(listed, list):
        return {}
    own = {k.key_id for k in store.sync.own_keys()}
    me = store.device_id
    for entry in listed[:50]:
        if not isinstance(entry, dict) or entry.get("key_id") not in own or not isinstance(entry.get("devices"), list):
            continue
        others = []
        for d in entry["devices"][:50]:
            if isinstance(d, dict) and isinstance(d.get("device_id"), str) and d["device_id"] != me:
                others.append({"device_id": d["device_id"][:64], "name": display_name(str(d.get("name") or ""))[:80],
                               "first": str(d.get("first") or "")[:40], "last": str(d.get("last") or "")[:40],
                               "exports": d.get("exports") if isinstance(d.get("exports"), int) else 0})
        if others:
            return {"fingerprint": fingerprint(str(entry["key_id"])), "others": others}
    return {}


def review_notes(reviews: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The review notes of a receipt worth showing the clerk (state or note set)."""
    wanted = {(r["data_year"], r["indicator_no"]): (str(r["state"]), str(r["note"])) for r in reviews}
    return [{"data_year": y, "indicator_no": i, "state": state, "note": note}
            for (y, i), (state, note) in sorted(wanted.items()) if note or state]


def apply_receipt(store: Store, c: Container, dry_run: bool) -> dict[str, Any]:
    """Import a verified receipt container at the kelurahan. Returns a summary."""
    kel = store.kelurahan_code
    r = c.read_json("receipt.json")
    named = c.manifest.get("kelurahan")
    if not isinstance(r, dict) or r.get("kelurahan") != kel or not isinstance(named, dict) or named.get("code") != kel:
        raise KlaError("receipt_other_kelurahan", code=(r or {}).get("kelurahan") if isinstance(r, dict) else "?",
                       own=kel)
    try:
        held = {str(k): str(v) for k, v in r["held"].items()}
        files = [str(x) for x in r["files"]]
        rejected = {str(k): [str(h) for h in v] for k, v in r.get("rejected", {}).items()}
        seq = int(r["seq"])
        reviews = list(r.get("reviews", []))
        tinfo = r.get("template") or {}
        city = r.get("city") or {}
        city_keys = [(str(k["key_id"]), str(k["sign_public"]), str(k["age_recipient"])) for k in city.get("keys", [])]
        city_email = city.get("email")
        if not isinstance(tinfo, dict) or not isinstance(city_email, str | None) or \
                not all(isinstance(x, dict) for x in reviews):
            raise TypeError("receipt.json")
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise KlaError("bundle_damaged", detail="receipt.json") from exc
    last = int(store.sync.state("last_receipt_seq", "0") or 0)
    summary: dict[str, Any] = {"seq": seq, "notes": [], "template": None}
    # ``seq == last`` reaches here only when this store has no record of that receipt (the caller
    # took a receipt already logged for a duplicate): a restore of a backup made before it. The
    # newest receipt is the whole state, so it is applied again; an older one never is.
    if seq < last:
        summary["outcome"] = "older"
        summary["last_seq"] = last
        return summary
    new_t = None
    tname = f"templates/{tinfo.get('id')}-v{tinfo.get('version')}.json"
    if tname in c.names:
        new_t = load_template_json(c.read_text(tname))
    cm = store.sync.rollback_always() if dry_run else store.transaction()
    with cm:
        if new_t is not None and new_t.id == store.template.id and new_t.version > store.template.version:
            counts, _ = store.install_template_with_migration(new_t)
            summary["template"] = {"id": new_t.id, "version": new_t.version, **counts}
        # DP3AKB's kept versions first: the state recorded next then takes them for the base.
        replaced = store.sync.take_kept(r.get("kept"), held, rejected, seq)
        summary.update(store.sync.apply_receipt_state(held, files, rejected))
        if replaced:
            summary["replaced"], summary["replaced_keys"] = len(replaced), replaced[:20]
        # What DP3AKB has received in all, and what of it is new since its receipt before: the same
        # two numbers DP3AKB read when it wrote this receipt (older receipts carry no ``new``).
        summary["held"] = len(held)
        # What DP3AKB holds of this unit that this workspace has never had (another PC of the unit, a lost
        # workspace this one replaces, or entered at DP3AKB; counted by apply_receipt_state): said, so "nothing
        # left to send" is not read as "this PC and DP3AKB agree" (a new, empty one would ask for a restore file).
        if summary.get("held_elsewhere"):
            summary["unit_name"] = store.kelurahan(kel).name
        waiting = r.get("waiting")
        if isinstance(waiting, list):  # older receipts carry none
            summary["waiting"] = [k for k in waiting[:10_000] if isinstance(k, str)]
        if type(r.get("new")) is int and type(r.get("since")) is int:
            summary["new"], summary["since"] = r["new"], r["since"]
        try:
            store.apply_reviews(kel, reviews)
            summary["notes"] = review_notes(reviews)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KlaError("bundle_damaged", detail="receipt.json") from exc
        shared = _shared_key(store, r.get("shared_keys"))
        if shared:
            summary["shared_key"] = shared
        unit_path = r.get("unit")
        if isinstance(unit_path, list):  # older receipts carry none
            try:
                renamed = store.ref.apply_path(unit_path)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise KlaError("bundle_damaged", detail="receipt.json") from exc
            summary["units_changed"] = sorted(k for _, k in renamed.touched)
        for key_id, sign_public, age_recipient in city_keys:
            if store.sync.peer_key(key_id) is None:
                store.sync.add_peer_key(key_id, store.city_code, sign_public, age_recipient, "DP3AKB")
        if city_email:
            store.sync.set_state("city_email", city_email)
        if isinstance(r.get("rubric"), dict) and r["rubric"].get("kelurahan") == kel:
            text = json.dumps(r["rubric"], ensure_ascii=False, sort_keys=True)
            if rubric_result_of(text) is not None:  # a result of another shape is ignored, never a crash
                store.sync.set_state("rubric_result", text)
                summary["rubric"] = r["rubric"]
        store.sync.set_state("last_receipt_seq", str(seq))
        summary["outcome"] = "imported"
        store.sync.record_bundle(sync.BundleLogRecord(
            str(c.manifest.get("id", uuid4_hex())), "in", "receipt", kel, "", seq, "", 1, 1,
            display_name(c.source.name), "",
            c.source.stat().st_size, str(c.manifest.get("created_at", "")), now_iso(),
            {k: v for k, v in summary.items() if k != "notes"}))
    return summary
