"""Errors raised by the store.

The store never speaks to users: it raises :class:`KlaError` with a stable code and
parameters, and the front ends (``ui.messages``) turn codes into Indonesian sentences.
"""

from __future__ import annotations


class KlaError(Exception):
    """A refused operation. ``code`` is stable; ``params`` fill the message."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # for logs and tracebacks, not for users
        if not self.params:
            return self.code
        detail = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.code} ({detail})"
