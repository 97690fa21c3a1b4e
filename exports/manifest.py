"""What every container shares: its manifest, the role it needs, the keys that sign it.

Used by the bundle (``exports.bundle``), receipt (``exports.receipts``) and setup
(``exports.setup``) writers. It lived in ``exports.setup`` and ``exports.receipts``
imported it from there while ``exports.setup`` imported ``exports.receipts``: a circle.
"""

from __future__ import annotations

import uuid
from typing import Any

from db import sync
from db.errors import KlaError
from db.store import Store
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


def build_manifest(store: Store, kind: str, signer: sync.OwnKey, **extra: Any) -> dict[str, Any]:
    """The manifest.json of a container of type ``kind`` (docs/bundle-format.md), signed by ``signer``."""
    return {
        "format": "kla",
        "format_version": 1,
        "type": kind,
        "id": uuid.uuid4().hex,
        "created_at": now_iso(),
        "signer": {"key_id": signer.key_id, "unit_code": store.kelurahan_code or store.city_code, "role": store.role},
        **extra,
    }
