"""Receipts: DP3AKB tells a kelurahan, signed and encrypted, what it holds.

A receipt lists every item DP3AKB holds for the kelurahan (key -> hash), the evidence
files it holds, versions it rejected in a conflict, its review state and notes per
indicator, and its active template (a newer version is installed at the kelurahan with
the template's declared migration rules). Receipts are *state*, not deltas: importing the
newest one is enough, and an older one imported later is ignored.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import sync
from db.errors import KlaError
from db.store import Store
from db.template import Template, load_template_json, parse_value
from exports.container import Container, ContainerWriter, encrypt_to, json_bytes, now_iso
from exports.setup import _manifest, city_info, ensure_city_keys, require_role

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReceiptWritten:
    path: Path
    kelurahan_code: str
    kelurahan_name: str
    seq: int
    items: int
    files: int
    reviews: int


def receipt_payload(store: Store, kel: str, seq: int) -> dict[str, Any]:
    held, files = sync.held_state(store, kel)
    reviews = [
        {"data_year": r["data_year"], "indicator_no": r["indicator_no"], "state": r["review_state"],
         "note": r["review_note"]}
        for r in store.db.query(
            "SELECT data_year, indicator_no, review_state, review_note FROM entries WHERE kelurahan_code = ?"
            " AND (review_state != '' OR review_note != '') ORDER BY 1, 2", [kel])
    ]
    t = store.template
    return {"kelurahan": kel, "seq": seq, "created_at": now_iso(), "held": held, "files": files,
            "rejected": sync.rejected_state(store, kel), "reviews": reviews,
            "template": {"id": t.id, "version": t.version}, "city": city_info(store),
            "open_conflicts": len(sync.conflicts(store, kel))}


def write_receipts(store: Store, out_dir: Path, kelurahan: str | None = None, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[ReceiptWritten]:
    """One receipt per enrolled kelurahan (or just ``kelurahan``), encrypted to its keys."""
    require_role(store, "city")
    city = ensure_city_keys(store)
    if kelurahan:
        codes = [store.find_unit(kelurahan, "kelurahan").code]
        if not sync.peer_keys(store, codes[0]):
            raise KlaError("kelurahan_not_enrolled", code=codes[0])
    else:
        codes = sorted({k.unit_code for k in sync.peer_keys(store)})
    out = []
    t = store.template
    for n, kel in enumerate(codes, 1):
        if progress:
            progress(n - 1, len(codes), f"Kuitansi {kel}")
        recipients = [k.age_recipient for k in sync.peer_keys(store, kel)]
        seq = sync.next_counter(store, f"receipt_seq/{kel}")
        payload = receipt_payload(store, kel, seq)
        unit = store.kelurahan(kel)
        w = ContainerWriter(store.paths.tmp, cancelled)
        try:
            w.add_bytes("receipt.json", json_bytes(payload))
            w.add_bytes(f"templates/{t.id}-v{t.version}.json", t.to_json().encode("utf-8"))
            manifest = _manifest(store, "receipt", city, kelurahan={"code": kel, "name": unit.name},
                                 city_code=store.city_code, seq=seq)
            zpath = w.finish(manifest, city.sign_private)
            dest = Path(out_dir) / f"KLA-kuitansi-{kel}-{now_iso()[:10].replace('-', '')}-{seq:04d}.kla"
            sha, size = encrypt_to(zpath, dest, recipients, cancelled)
        finally:
            w.discard()
        with store.transaction():
            sync.record_bundle(store, sync.BundleLogRecord(
                manifest["id"], "out", "receipt", kel, "", seq, "", 1, 1, dest.name, sha, size, manifest["created_at"],
                now_iso(), {"items": len(payload["held"]), "files": len(payload["files"]),
                            "reviews": len(payload["reviews"])}))
        out.append(ReceiptWritten(dest, kel, unit.name, seq, len(payload["held"]), len(payload["files"]),
                                  len(payload["reviews"])))
    if progress:
        progress(len(codes), len(codes), "Selesai")
    return out


# ---------------------------------------------------------------------------- kelurahan side


def apply_reviews(store: Store, reviews: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copy DP3AKB's review state and notes onto the entries; returns the notes to show."""
    kel = store.kelurahan_code
    notes = []
    wanted = {(r["data_year"], r["indicator_no"]): (str(r["state"]), str(r["note"])) for r in reviews}
    seen = set()
    for r in store.db.query("SELECT data_year, indicator_no, review_state, review_note FROM entries"
                            " WHERE kelurahan_code = ?", [kel]):
        key = (r["data_year"], r["indicator_no"])
        seen.add(key)
        state, note = wanted.get(key, ("", ""))
        if (r["review_state"], r["review_note"]) != (state, note):
            if state not in ("", "diterima", "perlu_perbaikan"):
                raise KlaError("bundle_item_invalid", key=f"review/{key[0]}/{key[1]}", detail="status tinjauan")
            store.set_review(kel, key[0], key[1], state, note)
    # A note on an indicator this kelurahan has not started yet still has to be kept:
    # it is often exactly "please fill this in".
    for (y, i), (state, note) in sorted(wanted.items()):
        if (y, i) in seen or not (state or note):
            continue
        try:
            store.period_for_data_year(int(y))
            store.template.indicator(int(i))
        except KlaError as exc:
            raise KlaError("bundle_item_invalid", key=f"review/{y}/{i}", detail="tahun atau indikator") from exc
        if state not in ("", "diterima", "perlu_perbaikan"):
            raise KlaError("bundle_item_invalid", key=f"review/{y}/{i}", detail="status tinjauan")
        store.set_review(kel, int(y), int(i), state, note)
    for (y, i), (state, note) in sorted(wanted.items()):
        if note or state:
            notes.append({"data_year": y, "indicator_no": i, "state": state, "note": note})
    return notes


def install_template_with_migration(store: Store, new: Template) -> dict[str, int]:
    """Install ``new`` and move existing entries onto it by its declared rules.

    A template may declare ``"migrations": [{"from_version": 1, "rename": {"4.old": "new"},
    "drop": ["4.gone"]}]`` (keys are ``indicator.item``). A stored value that has no place
    in the new version and is not declared dropped refuses the update: nothing is lost
    silently (KlaError ``template_migration_blocked``; the caller's transaction rolls back).
    """
    rules = {int(m.get("from_version", 0)): m for m in new.raw.get("migrations", []) if isinstance(m, dict)}
    store.install_template(new, activate=True)
    moved = dropped = 0
    blocked: list[str] = []
    for e in list(store.db.query("SELECT * FROM entries WHERE template_id = ? AND template_version < ?",
                                 [new.id, new.version])):
        rule = rules.get(e["template_version"], {})
        rename = rule.get("rename", {}) if isinstance(rule.get("rename"), dict) else {}
        drop = set(rule.get("drop", [])) if isinstance(rule.get("drop"), list) else set()
        try:
            ind = new.indicator(e["indicator_no"])
        except KlaError:
            ind = None
        for v in list(store.db.query("SELECT * FROM entry_values WHERE entry_id = ?", [e["id"]])):
            old_key = f"{e['indicator_no']}.{v['item_key']}"
            new_item_key = rename.get(old_key, v["item_key"])
            ok = False
            if ind is not None:
                try:
                    it = ind.item(new_item_key)
                    value = json.loads(v["value"])
                    ok = (v["sex"], v["age"]) in new.cells(it) and not it.computed and parse_value(it, value) == value
                except KlaError:
                    ok = False
            if ok:
                if new_item_key != v["item_key"]:
                    store.db.execute("UPDATE entry_values SET item_key = ? WHERE entry_id = ? AND item_key = ?"
                                     " AND sex = ? AND age = ?", [new_item_key, e["id"], v["item_key"], v["sex"],
                                                                  v["age"]])
                    moved += 1
            elif old_key in drop:
                store.db.execute("DELETE FROM entry_values WHERE entry_id = ? AND item_key = ? AND sex = ? AND age = ?",
                                 [e["id"], v["item_key"], v["sex"], v["age"]])
                store._audit("migrate-drop", "value", f"{e['kelurahan_code']}/{e['data_year']}/{old_key}",
                             v["value"], None)
                dropped += 1
            else:
                blocked.append(old_key)
        store.db.execute("UPDATE entries SET template_version = ?, revision = revision + 1 WHERE id = ?",
                         [new.version, e["id"]])
    if blocked:
        raise KlaError("template_migration_blocked", version=new.version, items=", ".join(sorted(set(blocked))[:10]))
    return {"moved": moved, "dropped": dropped}


def apply_receipt(store: Store, c: Container, dry_run: bool) -> dict[str, Any]:
    """Import a verified receipt container at the kelurahan. Returns a summary."""
    kel = store.kelurahan_code
    r = c.read_json("receipt.json")
    if not isinstance(r, dict) or r.get("kelurahan") != kel or c.manifest.get("kelurahan", {}).get("code") != kel:
        raise KlaError("receipt_other_kelurahan", code=(r or {}).get("kelurahan") if isinstance(r, dict) else "?",
                       own=kel)
    try:
        held = {str(k): str(v) for k, v in r["held"].items()}
        files = [str(x) for x in r["files"]]
        rejected = {str(k): [str(h) for h in v] for k, v in r.get("rejected", {}).items()}
        seq = int(r["seq"])
        reviews = list(r.get("reviews", []))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KlaError("bundle_damaged", detail="receipt.json") from exc
    last = int(sync.state(store, "last_receipt_seq", "0") or 0)
    summary: dict[str, Any] = {"seq": seq, "notes": [], "template": None}
    if seq <= last:
        summary["outcome"] = "older"
        summary["last_seq"] = last
        return summary
    tinfo = r.get("template") or {}
    new_t = None
    tname = f"templates/{tinfo.get('id')}-v{tinfo.get('version')}.json"
    if tname in c.names:
        new_t = load_template_json(c.read_bytes(tname).decode("utf-8"))
    cm = sync.rollback_always(store) if dry_run else store.transaction()
    with cm:
        if new_t is not None and new_t.id == store.template.id and new_t.version > store.template.version:
            summary["template"] = {"id": new_t.id, "version": new_t.version,
                                   **install_template_with_migration(store, new_t)}
        summary.update(sync.apply_receipt_state(store, held, files, rejected))
        summary["notes"] = apply_reviews(store, reviews)
        city = r.get("city") or {}
        for k in city.get("keys", []):
            if sync.peer_key(store, k["key_id"]) is None:
                sync.add_peer_key(store, k["key_id"], store.city_code, k["sign_public"], k["age_recipient"], "DP3AKB")
        if city.get("email"):
            sync.set_state(store, "city_email", city["email"])
        sync.set_state(store, "last_receipt_seq", str(seq))
        summary["outcome"] = "imported"
        sync.record_bundle(store, sync.BundleLogRecord(
            str(c.manifest.get("id", uuid.uuid4().hex)), "in", "receipt", kel, "", seq, "", 1, 1, c.source.name, "",
            c.source.stat().st_size, str(c.manifest.get("created_at", "")), now_iso(),
            {k: v for k, v in summary.items() if k != "notes"}))
    return summary
