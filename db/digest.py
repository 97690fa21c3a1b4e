"""SHA-256 for the small texts a window hashes at start-up (the template, the status code's
fingerprint), without loading OpenSSL.

``hashlib``'s first import loads OpenSSL's libcrypto and initialises it (~11 M instructions,
about 1 % of a window's start); CPython's own ``_sha256`` gives the same digests for the few
kilobytes hashed at start. Files (evidence, bundles) are hashed with ``hashlib`` where they are
read: OpenSSL is the faster one for megabytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha256 import sha256  # CPython's built-in module (3.11; 3.12 calls it _sha2)
    except ImportError:  # another Python
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

__all__ = ["sha256"]
