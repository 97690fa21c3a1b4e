"""What every container shares: its manifest, the role it needs, the keys that sign it.

Used by the bundle (``exports.bundle``), receipt (``exports.receipts``) and setup
(``exports.setup``) writers. It lived in ``exports.setup`` and ``exports.receipts``
imported it from there while ``exports.setup`` imported ``exports.receipts``: a circle.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

from db import sync
from db.errors import KlaError
from db.ids import uuid4_hex
from db.store import Store
from db.template import load_template_json
from exports import keys
from exports.container import now_iso


def require_role(store: Store, role: str) -> None:
    """Refuse (role_mismatch) unless the workspace is a ``role`` workspace ('city' or 'kelurahan')."""
    if store.role != role:
        raise KlaError("role_mismatch", needed=role, role=store.role)


def ensure_city_keys(store: Store) -> sync.OwnKey:
    """DP3AKB's key pair, made on first use."""
    require_role(store, "city")
    own = store.sync.own_keys()
    if not own:
        kp = keys.generate()
        store.sync.add_own_key(kp.key_id, kp.sign_private, kp.sign_public, kp.age_identity, kp.age_recipient)
        own = store.sync.own_keys()
    return own[-1]


def signing_key(store: Store) -> sync.OwnKey:
    """This workspace's newest own key pair, which signs what it writes."""
    own = store.sync.own_keys()
    if not own:
        raise KlaError("not_enrolled" if store.role == "kelurahan" else "no_keys")
    return own[-1]


def device_name(store: Store) -> str:
    """What people call this PC: the setting ``device_name`` if set, else the computer's name.

    Bundles carry it so that DP3AKB can name two PCs that share one setup file
    (``db.sync.key_sharing``) with words the kelurahan knows (``PC-KASI-PEM``), not an id.
    """
    import platform

    return " ".join((store.setting("device_name") or platform.node() or "").split())[:80]


def city_info(store: Store) -> dict[str, Any]:
    """What a kelurahan needs to know about DP3AKB: keys and contact."""
    return {
        "code": store.city_code,
        "name": store.unit(store.city_code).name,
        "email": store.setting("dp3akb_email"),
        "contact": store.setting("dp3akb_contact"),
        "keys": [{"key_id": k.key_id, "sign_public": k.sign_public, "age_recipient": k.age_recipient}
                 for k in store.sync.own_keys()],
    }


@functools.cache
def _shipped_template_hashes() -> frozenset[str]:
    """Content hashes of the templates that ship with the program (db/templates/*.json)."""
    from importlib import resources  # ~2 ms: only a template check reads the shipped ones

    out = set()
    for entry in resources.files("db").joinpath("templates").iterdir():
        if entry.name.endswith(".json"):
            out.add(load_template_json(entry.read_text("utf-8")).content_hash)
    return frozenset(out)


def template_info(store: Store, template_id: str, version: int) -> dict[str, Any]:
    """A template as manifests name it: id, version, content hash and issuer (docs/bundle-format.md §3.1).

    Two cities that each publish their own "kla24 v2" have different content hashes and
    issuers. The issuer is the template's own ``issuer`` field when it has one; otherwise
    KLA Desktop for a template shipped with the program, else the DP3AKB of this workspace
    (only DP3AKB installs or publishes templates for its units).
    """
    info: dict[str, Any] = {"id": template_id, "version": version}
    try:
        t = store.template_version(template_id, version)
    except KlaError:
        return info
    info["content_hash"] = t.content_hash
    declared = t.raw.get("issuer") if isinstance(t.raw, dict) else None
    if isinstance(declared, dict) and declared.get("name"):
        info["issuer"] = {"code": str(declared.get("code", "")), "name": str(declared["name"])}
    elif t.content_hash in _shipped_template_hashes():
        info["issuer"] = {"code": "", "name": "KLA Desktop", "shipped": True}
    else:
        city = store.city_code
        info["issuer"] = {"code": city, "name": store.unit(city).name if city else ""}
    return info


def build_manifest(store: Store, kind: str, signer: sync.OwnKey, **extra: Any) -> dict[str, Any]:
    """The manifest.json of a container of type ``kind`` (docs/bundle-format.md), signed by ``signer``.

    Besides what the caller gives: ``unit_path`` (province, kab/kota, kecamatan and the
    desa/kelurahan the container is about, as this workspace names them), ``reference_edition``
    and, for a ``template`` given as id and version, its content hash and issuer.
    """
    manifest: dict[str, Any] = {
        "format": "kla",
        "format_version": 1,
        "type": kind,
        "id": uuid4_hex(),
        "created_at": now_iso(),
        "signer": {"key_id": signer.key_id, "unit_code": store.kelurahan_code or store.city_code, "role": store.role},
        **extra,
    }
    about = (extra.get("kelurahan") or {}).get("code") or store.kelurahan_code or store.city_code
    with contextlib.suppress(KlaError):
        manifest["unit_path"] = store.path_json(about)
    manifest["reference_edition"] = store.reference_edition
    tinfo = extra.get("template")
    if isinstance(tinfo, dict) and "id" in tinfo and "version" in tinfo:
        manifest["template"] = {**template_info(store, str(tinfo["id"]), int(tinfo["version"])), **tinfo}
    return manifest
