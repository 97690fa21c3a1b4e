"""The small part of ``sqlite_utils.Database`` the store uses, over a plain ``sqlite3`` connection.

The store talks SQL itself (db/core.py); of sqlite-utils it used only ``execute``, ``query``,
``table_names``, ``atomic``, ``ensure_autocommit_on`` and ``conn``. Importing sqlite-utils
costs about as much CPU as importing QtWidgets (it pulls in its plugin system, dateutil and
more), paid by every start of the window and every ``kla`` command; this module keeps the
same behaviour for those calls without it:

- ``execute``: a write outside a transaction is committed at once; a failed statement never
  leaves an implicit transaction open;
- ``query``: rows as dicts (SELECT and PRAGMA; the store never queries with a write);
- ``atomic``: ``BEGIN`` ... ``COMMIT`` (``ROLLBACK`` on error), a savepoint when nested;
- ``recursive_triggers`` on, as sqlite-utils sets it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Any

_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
Params = Sequence[Any] | dict[str, Any] | None


def _first_keyword(sql: str) -> str:
    text = sql.lstrip()
    while text.startswith("--") or text.startswith("/*"):
        if text.startswith("--"):
            text = text.split("\n", 1)[1].lstrip() if "\n" in text else ""
        else:
            text = text.split("*/", 1)[1].lstrip() if "*/" in text else ""
    return text.split(None, 1)[0].upper().rstrip(";") if text else ""


def _dedupe(names: Iterable[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out


class Database:
    """A ``sqlite3.Connection`` with the handful of helpers the store calls."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on;")

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and self.conn.in_transaction and cursor.description is None
                and _first_keyword(sql) not in _TRANSACTION_CONTROL):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        if cursor.description is None:
            raise ValueError("query() can only be used with SQL that returns rows - use execute() for other statements")
        keys = _dedupe(d[0] for d in cursor.description)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """One transaction (a savepoint inside an open one)."""
        if self.conn.in_transaction:
            savepoint = f"kla_{os.urandom(8).hex()}"  # secrets.token_hex(8), without importing secrets
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    @contextlib.contextmanager
    def ensure_autocommit_on(self) -> Generator[None, None, None]:
        """Driver-level autocommit for a block (``PRAGMA journal_mode`` cannot run in a transaction)."""
        if self.conn.in_transaction:
            raise sqlite3.OperationalError("ensure_autocommit_on() inside a transaction")
        old = self.conn.isolation_level
        try:
            self.conn.isolation_level = None
            yield
        finally:
            self.conn.isolation_level = old

    def close(self) -> None:
        self.conn.close()
