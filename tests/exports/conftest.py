"""Factories for bundle tests: one DP3AKB workspace and enrolled kelurahan, made once.

Enrolment costs a few seconds (age's scrypt passphrase work factor, by design), so the
workspaces are built once per session and each test gets fresh copies.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest

from db import demo
from db.store import Store
from exports import keys, setup

KEL_A = "64.71.01.1001"
KEL_B = "64.71.01.1002"


@pytest.fixture(scope="session")
def enrolled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("enrolled")
    city = Store.create(root / "city", "city", operator="Admin DP3AKB")
    try:
        for code, name in ((KEL_A, "a"), (KEL_B, "b")):
            demo.create_demo(root / name, seed=7, kelurahan_code=code)
            r = setup.enroll(city, code, root / f"{name}.klasetup", email="dp3akb@example.go.id")
            (root / f"{name}.pass").write_text(r.passphrase)
            setup.install(root / name, r.path, r.passphrase)
    finally:
        city.close()
    return root


@pytest.fixture(scope="session")
def margo_mulyo_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kelurahan demo workspace of Margo Mulyo (64.71.02.1005, seed 1), made once: tests copy it."""
    home = tmp_path_factory.mktemp("kel-demo") / "ws"
    demo.create_demo(home, seed=1, kelurahan_code="64.71.02.1005")
    return home


@dataclass
class World:
    root: Path
    stores: dict[str, Store]

    @property
    def city(self) -> Store:
        return self.stores["city"]

    @property
    def a(self) -> Store:
        return self.stores["a"]

    @property
    def b(self) -> Store:
        return self.stores["b"]

    def close(self) -> None:
        for s in self.stores.values():
            s.close()


@pytest.fixture
def world(enrolled_template: Path, tmp_path: Path) -> Any:
    for name in ("city", "a", "b"):
        shutil.copytree(enrolled_template / name, tmp_path / name)
    for f in enrolled_template.glob("*.pass"):
        shutil.copy(f, tmp_path / f.name)
    w = World(tmp_path, {n: Store.open(tmp_path / n, operator=f"op-{n}") for n in ("city", "a", "b")})
    yield w
    w.close()


SKIP_TABLES = {"audit_log"}


def dump(store: Store, include_audit: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the whole store), for 'nothing changed' assertions."""
    out = {}
    for t in store.db.table_names():
        if t.startswith("sqlite_"):
            continue
        rows = store.db.execute(f"SELECT * FROM [{t}]").fetchall()
        out[t] = sorted(rows, key=repr)
    return out


def items_of(store: Store, kel: str) -> dict[str, str]:
    return {it.key: it.hash for it in store.sync.items(kel)}


# ---------------------------------------------------------------------------- forging helpers


def read_plain(path: Path, city: Store) -> dict[str, bytes]:
    """Decrypt a bundle with DP3AKB's identity and return its members (test-only helper)."""
    ids = [keys.identity(k.age_identity) for k in city.sync.own_keys()]
    data = pyrage.decrypt(path.read_bytes(), ids)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_forged(path: Path, members: dict[str, bytes], recipient: str, *, sign_with: str | None = None,
                 resum: bool = True, compress: Callable[[str], int] | None = None) -> Path:
    """Rebuild a bundle from ``members``; optionally recompute SHA256SUMS and re-sign."""
    import hashlib

    members = dict(members)
    if resum:
        body = {n: d for n, d in members.items() if n not in ("SHA256SUMS", "SHA256SUMS.sig")}
        members["SHA256SUMS"] = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n"
                                        for n, d in sorted(body.items())).encode()
    if sign_with:
        members["SHA256SUMS.sig"] = keys.sign(sign_with, members["SHA256SUMS"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d, compress_type=(compress(n) if compress else zipfile.ZIP_DEFLATED))
    path.write_bytes(pyrage.encrypt(buf.getvalue(), [keys.recipient(recipient)]))
    return path


def city_recipient(city: Store) -> str:
    return city.sync.own_keys()[-1].age_recipient


def own_private(store: Store) -> str:
    return store.sync.own_keys()[-1].sign_private
