"""db/digest.py: the start-up's SHA-256 without OpenSSL gives hashlib's digests."""

from __future__ import annotations

import hashlib

from db.digest import sha256


def test_the_same_digests_as_hashlib() -> None:
    for data in (b"", b"format 3", "Kelurahan Manggar · 64.71.01.1001".encode(), bytes(range(256)) * 300):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        h, ref = sha256(), hashlib.sha256()
        for i in range(0, len(data), 7):
            h.update(data[i:i + 7])
            ref.update(data[i:i + 7])
        assert h.digest() == ref.digest()
