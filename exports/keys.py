"""Key pairs for bundles: Ed25519 signatures (pyca/cryptography), age X25519 encryption (pyrage).

Nothing here is home-made cryptography: keys are generated, serialised, used and checked
by those two libraries. A *key pair* in KLA Desktop is one Ed25519 signing key plus one age
X25519 identity, created together and named by ``key_id`` = SHA-256 of the raw 32-byte
Ed25519 public key (hex). ``fingerprint`` is the short form people read aloud or compare
on paper.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from db.errors import KlaError

# Crockford's base32 without I, L, O, U: nothing a clerk can misread on a printed slip.
PASSPHRASE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSPHRASE_GROUPS = 6  # 6 x 4 characters x 5 bits = 120 bits


@dataclass(frozen=True)
class KeyPair:
    key_id: str
    sign_private: str  # PKCS#8 PEM, unencrypted (kept inside the store or an encrypted file)
    sign_public: str  # base64 of the raw 32-byte Ed25519 public key
    age_identity: str  # AGE-SECRET-KEY-1...
    age_recipient: str  # age1...


def key_id_of(sign_public: str) -> str:
    return hashlib.sha256(base64.b64decode(sign_public)).hexdigest()


def fingerprint(key_id: str) -> str:
    """The first 64 bits of a key id as four groups, e.g. ``3F2A-9C1B-07DE-55A0``."""
    s = key_id[:16].upper()
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def _serialization() -> Any:
    """cryptography's key formats, loaded by what writes or reads a PEM (its SSH part alone is ~25 ms):
    checking a signature, all an import of bundles does with keys, needs none of it."""
    from cryptography.hazmat.primitives import serialization

    return serialization


def generate() -> KeyPair:
    serialization = _serialization()
    sk = Ed25519PrivateKey.generate()
    pem = sk.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                           serialization.NoEncryption()).decode("ascii")
    raw = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    pub = base64.b64encode(raw).decode("ascii")
    ident = pyrage.x25519.Identity.generate()
    return KeyPair(key_id_of(pub), pem, pub, str(ident), str(ident.to_public()))


def public_from_private(sign_private: str) -> str:
    serialization = _serialization()
    sk = _private(sign_private)
    raw = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _private(pem: str) -> Ed25519PrivateKey:
    try:
        key = _serialization().load_pem_private_key(pem.encode("ascii"), password=None)
    except (ValueError, TypeError) as exc:
        raise KlaError("key_invalid", detail=str(exc)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KlaError("key_invalid", detail="not_ed25519")
    return key


def _public(sign_public: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(sign_public, validate=True))
    except ValueError as exc:
        raise KlaError("key_invalid", detail=str(exc)) from exc


def sign(sign_private: str, data: bytes) -> bytes:
    return _private(sign_private).sign(data)


def verify(sign_public: str, data: bytes, signature: bytes) -> bool:
    try:
        _public(sign_public).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def public_pem(sign_public: str) -> str:
    """SubjectPublicKeyInfo PEM: what ``openssl pkeyutl -verify -pubin -inkey`` reads."""
    serialization = _serialization()
    return _public(sign_public).public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def identity(age_identity: str) -> pyrage.x25519.Identity:
    try:
        return pyrage.x25519.Identity.from_str(age_identity.strip())
    except Exception as exc:  # pyrage raises its own IdentityError type
        raise KlaError("key_invalid", detail="age_identity_damaged") from exc


def recipient(age_recipient: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(age_recipient.strip())
    except Exception as exc:
        raise KlaError("key_invalid", detail="age_recipient_damaged") from exc


def new_passphrase() -> str:
    chars = "".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(4 * PASSPHRASE_GROUPS))
    return "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


def normalise_passphrase(text: str) -> str:
    """What the clerk typed -> the printed form: case, spaces and look-alikes forgiven."""
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    s = s.translate(str.maketrans("OILU", "011V"))
    if len(s) != 4 * PASSPHRASE_GROUPS:
        return text.strip()
    return "-".join(s[i:i + 4] for i in range(0, len(s), 4))
