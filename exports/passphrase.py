"""age v1 passphrase (scrypt) encryption of a setup file, with the work factor chosen here.

age's own tools (rage/pyrage, age) pick the scrypt work factor themselves: 2^19 in pyrage 1.4,
about 2.5 s of one core per file. That cost guards a passphrase a person chose. The setup
file's passphrase is 120 random bits (:func:`exports.keys.new_passphrase`), which no amount of
guessing reaches, so the work factor adds nothing to its strength and costs DP3AKB 42 minutes
for 1,000 desa. This module writes the same age v1 format (https://age-encryption.org/v1, the
``scrypt`` recipient stanza) with 2^14, the scrypt authors' figure for interactive use: about
60 ms, one minute for 1,000. Any age implementation decrypts it (``age -d``, ``rage -d``,
pyrage), and reading stays with pyrage (``exports.container``).

The format, for reviewers: a random 16-byte file key is wrapped with ChaCha20-Poly1305 (zero
nonce) under scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N=2^logN, r=8, p=1);
the header is MACed with HMAC-SHA-256 under HKDF(file key, info "header"); the payload is
STREAM-encrypted in 64 KiB chunks under HKDF(file key, salt = 16-byte nonce, info "payload"),
chunk nonce = 11-byte big-endian counter || last-chunk flag.
"""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

WORK_FACTOR = 14
"""log2 of scrypt's N for setup files (see the module docstring)."""
CHUNK = 64 * 1024
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def encrypt(data: bytes, passphrase: str, work_factor: int | None = None) -> bytes:
    """``data`` as an age v1 file for ``passphrase`` (one scrypt stanza, as the spec requires).

    ``work_factor`` defaults to :data:`WORK_FACTOR`, read at each call (a scale test lowers it).
    """
    work_factor = WORK_FACTOR if work_factor is None else work_factor
    file_key = os.urandom(16)
    salt = os.urandom(16)
    wrap_key = Scrypt(salt=SCRYPT_LABEL + salt, length=32, n=2 ** work_factor, r=8, p=1).derive(
        passphrase.encode("utf-8"))
    body = ChaCha20Poly1305(wrap_key).encrypt(b"\x00" * 12, file_key, None)
    # The stanza body is base64 without padding in lines of 64 columns, the last one shorter (here:
    # 43 characters, one line).
    header = (b"age-encryption.org/v1\n-> scrypt " + _b64(salt) + b" " + str(work_factor).encode("ascii") + b"\n"
              + _b64(body) + b"\n---")
    mac = hmac.HMAC(_hkdf(file_key, b"", b"header"), hashes.SHA256())
    mac.update(header)
    out = bytearray(header + b" " + _b64(mac.finalize()) + b"\n")
    nonce = os.urandom(16)
    out += nonce
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    count = max(1, -(-len(data) // CHUNK))  # an empty payload is one empty last chunk
    for n in range(count):
        chunk = data[n * CHUNK:(n + 1) * CHUNK]
        last = b"\x01" if n == count - 1 else b"\x00"
        out += aead.encrypt(n.to_bytes(11, "big") + last, chunk, None)
    return bytes(out)
