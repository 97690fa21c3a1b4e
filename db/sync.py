"""Submission bundles' model: items, their hashes, keys, decisions, and an incoming item's shape check.

Plain data and pure functions (no Qt, no cryptography: keys are stored as the strings
``exports.keys`` produces, no database). The store's side, the only writer of the ``sync_*``
tables, is ``store.sync`` (:mod:`db.sync_parts`); ``exports.bundle`` and ``exports.receipts``
build and read files. The model (see ``docs/bundle-format.md`` §5):

- An *item* is one unit of change of one kelurahan: an entry (all values of one
  kelurahan/year/indicator), an evidence record, an activity, a facility, or the tombstone
  of a deleted one. Its ``hash`` covers its meaning, not who typed it or when.
- Kelurahan side (``sync_local``): per item, ``held_hash`` is what the last receipt says
  DP3AKB holds, ``base_hash`` the version the local content descends from. An export
  carries every item whose hash differs from ``held_hash``, with its ``base_hash``.
- City side: the current content *is* what DP3AKB holds (receipts are computed from it);
  ``sync_origin`` remembers which device and export wrote each item, so an older bundle of
  the same device never overwrites a newer one, and a change from another device that was
  not built on the held version becomes a conflict (``sync_conflicts``), never an overwrite.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import field
from typing import Any, Protocol

from db.errors import KlaError
from db.record import record
from db.records import PeriodRecord
from db.rules import FACILITY_TYPES, PARTNERS, STANDARDISATION, check_cell
from db.series import SeriesStatus, series_of  # noqa: F401 - db.sync's names, as before
from db.template import EVIDENCE_KINDS, Item, Template


class RefLookup(Protocol):
    """What the shape check needs to know of the workspace (``db.refdata.RefData`` has it)."""

    def period_for_data_year(self, data_year: int) -> PeriodRecord: ...

    def template_version(self, template_id: str, version: int) -> Template: ...

KINDS = ("evidence", "entry", "activity", "facility")
VOLATILE = frozenset({"operator", "updated_at", "added_at"})


_canonical = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def canonical(obj: Any) -> str:
    """``json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``, by one encoder."""
    return _canonical(obj)


def item_hash(key: str, data: dict[str, Any] | None) -> str:
    body = None if data is None else {k: v for k, v in data.items() if k not in VOLATILE}
    return hashlib.sha256(canonical({"key": key, "deleted": data is None, "data": body}).encode()).hexdigest()


@record
class SyncItem:
    """One item: ``data`` is None for a tombstone (the thing was deleted)."""

    key: str
    data: dict[str, Any] | None
    hash: str = ""

    @property
    def kind(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def deleted(self) -> bool:
        return self.data is None

    @classmethod
    def make(cls, key: str, data: dict[str, Any] | None) -> SyncItem:
        return cls(key, data, item_hash(key, data))

    def to_json(self, base: str | None = None, as_of: int | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "hash": self.hash, "base": base, "data": self.data}
        if as_of is not None:
            out["as_of"] = as_of
        return out


@record
class OwnKey:
    key_id: str
    sign_private: str
    sign_public: str
    age_identity: str
    age_recipient: str
    created_at: str
    active: bool


@record
class PeerKey:
    key_id: str
    unit_code: str
    sign_public: str
    age_recipient: str
    label: str
    enrolled_at: str
    revoked_at: str | None
    revoke_reason: str

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@record
class ConflictRecord:
    id: int
    kelurahan_code: str
    item_key: str
    held_hash: str | None
    incoming_hash: str
    incoming: dict[str, Any] | None
    bundle_id: str
    device_id: str
    created_at: str
    resolved_at: str | None
    resolution: str


@record
class BundleLogRecord:
    bundle_id: str
    direction: str
    type: str
    kelurahan_code: str
    device_id: str
    device_seq: int
    series_id: str
    part: int
    parts: int
    file_name: str
    file_sha256: str
    size: int
    created_at: str
    recorded_at: str
    summary: dict[str, Any] = field(default_factory=dict)


@record
class KeyDevice:
    """One workspace (PC) that signed DP3AKB's imported bundles with one unit key.

    ``first``/``last``: the ``created_at`` of its first and newest bundle under the key (the
    sending PC's clock); ``replaces``: devices it declared it took over from (a restore that
    could not read the old file makes the PC a new device, ``db.store.Store.restore``).
    """

    device_id: str
    name: str
    first: str
    last: str
    exports: int
    replaces: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "name": self.name, "first": self.first, "last": self.last,
                "exports": self.exports}


@record
class KeySharing:
    """Two workspaces with one unit key: one setup file installed on two PCs (or twice on one).

    ``concurrent``: the other PC sent after this one began (both in use: two PCs, one key);
    otherwise this PC is new and the others stopped before it began (a reinstall, or a
    replaced PC: said once, on the new PC's first bundle). ``others`` in order of first bundle.
    """

    key_id: str
    concurrent: bool
    this: KeyDevice
    others: tuple[KeyDevice, ...]


def key_sharing(key_id: str, devices: list[KeyDevice], device_id: str) -> KeySharing | None:
    """Whether ``device_id`` shares key ``key_id`` with another workspace, from the devices of that
    key (``db.sync_parts.log.LogPart.key_devices``, the bundle being imported included). Pure."""
    by = {d.device_id: d for d in devices}
    this = by.get(device_id)
    if this is None:
        return None
    others = [d for d in devices if d.device_id != device_id and d.device_id not in this.replaces
              and device_id not in d.replaces]
    if not others:
        return None
    overlap = [d for d in others if d.last > this.first and this.last > d.first]
    if overlap:
        return KeySharing(key_id, True, this, tuple(sorted(overlap, key=lambda d: d.first)))
    if this.exports == 1 and all(d.last <= this.first for d in others):
        return KeySharing(key_id, False, this, tuple(sorted(others, key=lambda d: d.first)))
    return None


# ---------------------------------------------------------------------------- validation


def _bad(key: str, detail: str, data: Any = None, **params: Any) -> KlaError:
    """``detail`` is a code (``value_invalid``, ``field_invalid`` ...); the front ends word it.

    ``name`` (the file name, title or facility name the item carries, when it is text) lets them
    say which thing was wrong without showing the item key.
    """
    if isinstance(data, dict) and "name" not in params:
        for k in ("original_name", "title", "name"):
            if isinstance(data.get(k), str) and data[k].strip():
                params["name"] = data[k].strip()[:80]
                break
    return KlaError("bundle_item_invalid", key=key, detail=detail, **params)


def _check_str(d: dict[str, Any], k: str, key: str, *, optional: bool = False, limit: int = 20000) -> None:
    v = d.get(k)
    if v is None and optional:
        return
    if not isinstance(v, str) or len(v) > limit:
        raise _bad(key, "field_invalid", d, field=k)


def validate_item(ref: RefLookup, kel: str, raw: Any) -> tuple[SyncItem, str | None]:
    """Check an incoming item's shape and values; returns (item, base). Raises KlaError."""
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
        raise _bad("?", "not_an_item")
    key = raw["key"]
    data = raw.get("data")
    base = raw.get("base")
    if base is not None and not (isinstance(base, str) and len(base) == 64):
        raise _bad(key, "base_invalid")
    kind, _, rest = key.partition("/")
    if kind not in KINDS or not rest or len(key) > 200:
        raise _bad(key, "kind_unknown")
    if data is not None and not isinstance(data, dict):
        raise _bad(key, "data_not_object")
    it = SyncItem.make(key, data)
    if raw.get("hash") != it.hash:
        raise _bad(key, "hash_mismatch", data)
    if data is None:
        if kind == "entry":
            raise _bad(key, "entry_deleted")
        return it, base
    if kind == "entry":
        y, _, i = rest.partition("/")
        if not (y.isdigit() and i.isdigit()) or data.get("data_year") != int(y) or data.get("indicator_no") != int(i):
            raise _bad(key, "key_mismatch")
        try:
            ref.period_for_data_year(int(y))
            t = ref.template_version(str(data.get("template_id")), int(data.get("template_version", 0)))
        except (KlaError, TypeError, ValueError) as exc:
            if isinstance(exc, KlaError) and exc.code == "template_missing":
                raise KlaError("bundle_template_unknown", id=data.get("template_id"),
                               version=data.get("template_version")) from exc
            raise _bad(key, "year_or_template_unknown") from exc
        if data.get("status") not in ("draft", "ready"):
            raise _bad(key, "status_invalid")
        _check_str(data, "notes", key)
        try:
            ind = t.indicator(int(i))
        except KlaError as exc:
            raise _bad(key, "indicator_unknown") from exc
        vals = data.get("values")
        if not isinstance(vals, list):
            raise _bad(key, "values_invalid")
        seen = set()
        for v in vals:
            if not (isinstance(v, list) and len(v) == 4 and isinstance(v[0], str) and isinstance(v[1], str)
                    and isinstance(v[2], str)):
                raise _bad(key, "values_invalid")
            item_key, sex, age, value = v
            try:
                itm: Item = ind.item(item_key)
            except KlaError as exc:
                raise _bad(key, "item_unknown") from exc
            # The rules a typed value meets (``db.rules.check_cell``), and already in its stored form.
            try:
                if value is None:
                    raise _bad(key, "value_invalid", item=itm.label)
                _, s, a, clean = check_cell(t, ind, item_key, sex, age, value)
                # Its kind too: 12.0 == 12 and 1 == True, but a count is an int and yes/no a bool.
                if (s, a) != (sex, age) or clean != value or type(clean) is not type(value):
                    raise _bad(key, "value_invalid", item=itm.label)
            except KlaError as exc:
                if exc.code == "bundle_item_invalid":
                    raise
                raise _bad(key, "value_invalid", item=itm.label) from exc
            if (item_key, sex, age) in seen:
                raise _bad(key, "value_duplicate", item=itm.label)
            seen.add((item_key, sex, age))
    elif kind == "evidence":
        if data.get("id") != rest:
            raise _bad(key, "id_mismatch", data)
        sha = data.get("sha256")
        if not (isinstance(sha, str) and len(sha) == 64 and not sha.strip("0123456789abcdef")):
            raise _bad(key, "sha256_invalid", data)
        if data.get("kind") not in EVIDENCE_KINDS or not isinstance(data.get("size"), int) or data["size"] < 0:
            raise _bad(key, "kind_or_size_invalid", data)
        for k in ("original_name", "mime", "caption", "doc_number", "issuer"):
            _check_str(data, k, key)
        _check_str(data, "doc_date", key, optional=True)
        links = data.get("links")
        if not isinstance(links, list):
            raise _bad(key, "links_invalid", data)
        for ln in links:
            if not (isinstance(ln, list) and len(ln) == 2 and all(isinstance(x, int) for x in ln)):
                raise _bad(key, "links_invalid", data)
            try:
                ref.period_for_data_year(ln[0])
            except KlaError as exc:
                raise _bad(key, "link_year_invalid", data, year=ln[0]) from exc
        chosen = data.get("requirements", [])
        if not isinstance(chosen, list):
            raise _bad(key, "requirements_invalid", data)
        for ch in chosen:
            if not (isinstance(ch, list) and len(ch) == 3 and all(isinstance(x, int) for x in ch[:2])
                    and isinstance(ch[2], str) and 0 < len(ch[2]) <= 64 and ch[:2] in links):
                raise _bad(key, "requirements_invalid", data)
    else:
        if data.get("id") != rest:
            raise _bad(key, "id_mismatch", data)
        ev = data.get("evidence_ids")
        if not isinstance(ev, list) or not all(isinstance(e, str) for e in ev):
            raise _bad(key, "evidence_ids_invalid", data)
        if kind == "activity":
            _check_str(data, "title", key)
            _check_str(data, "description", key)
            _check_str(data, "date", key, optional=True)
            if data.get("kind") not in ("kegiatan", "inovasi") or not isinstance(data.get("data_year"), int):
                raise _bad(key, "activity_kind_or_year_invalid", data)
            if not isinstance(data.get("partners"), list) or not set(data["partners"]) <= set(PARTNERS):
                raise _bad(key, "partners_invalid", data)
            if not isinstance(data.get("indicators"), list) or not all(isinstance(x, int) for x in data["indicators"]):
                raise _bad(key, "indicators_invalid", data)
        else:
            for k in ("name", "address", "notes"):
                _check_str(data, k, key)
            if data.get("type") not in FACILITY_TYPES or data.get("standardisation") not in STANDARDISATION:
                raise _bad(key, "facility_type_invalid", data)
            for k in ("latitude", "longitude"):
                if data.get(k) is not None and not isinstance(data[k], int | float):
                    raise _bad(key, "coordinates_invalid", data)
    return it, base


# ---------------------------------------------------------------------------- decisions and outbox


@record
class Decision:
    """What an import does with one item. ``reason`` is a code the front ends word:
    ``decided_elsewhere`` (DP3AKB already chose another version), ``newer_received``
    (``params["seq"]``: the newer export of the same device already arrived), ``changed_both``
    (changed at DP3AKB and in the bundle), ``changed_other_pc`` (``params["device"]``: what DP3AKB holds came
    from another PC of the same kelurahan, changed there too), ``restored_older`` (``params["seq"]``: the item comes as
    a restored backup left it, older than what export ``seq`` of the same device brought)."""

    key: str
    outcome: str  # new | changed | unchanged | older | conflict | rejected
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@record
class Outgoing:
    item: SyncItem
    base: str | None
    send_file: bool  # evidence whose file DP3AKB does not hold yet
    # The item as a restored backup left it: its content is no newer than this PC's export
    # ``as_of`` (``LogPart.mark_restored``), whatever number the bundle carrying it has.
    as_of: int | None = None

    def to_json(self) -> dict[str, Any]:
        return self.item.to_json(self.base, self.as_of)


# sync_state's key (written by db/sync_parts/log.py) of the items a restore left: {key: [hash, as_of]}.
RESTORED_KEY = "restored_items"


def item_as_of(raw: dict[str, Any], seq: int) -> int | None:
    """An incoming item's ``as_of`` (an addition within version 1): the export of the sending
    device its content dates from, below the bundle's own number ``seq``; anything else is read
    as absent (the item then meets the rules every older bundle meets)."""
    v = raw.get("as_of")
    return v if type(v) is int and 0 <= v < seq else None


# SeriesStatus and series_of live in db/series.py (the city summary counts with them at start-up).

