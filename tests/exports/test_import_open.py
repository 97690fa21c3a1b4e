"""How an import opens a bundle: a small one decrypted in memory, a large one through ``tmp/``.

Either way the same file imports to the same rows, nothing decrypted stays in the workspace,
and the SHA-256 the bundle log keeps (what a signed handover paper is checked against) is the
file's own, made from the bytes read to decrypt it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from exports import bundle, container
from tests.exports.conftest import KEL_A, items_of


def _import_watching_tmp(world, tmp_path: Path) -> tuple[Path, list[str]]:
    """Import A's bundle at DP3AKB; what ``tmp/`` held of decrypted ZIPs whenever the import asked
    whether to stop (it asks for every chunk it hashes and unpacks)."""
    src = bundle.export_bundles(world.a, tmp_path / "out").parts[0].path
    seen: list[str] = []

    def cancelled() -> bool:
        tmp = world.city.paths.tmp
        seen.extend(p.name for p in tmp.glob("open-*")) if tmp.exists() else None
        return False

    r = bundle.import_paths(world.city, [src], cancelled=cancelled)
    assert [f.status for f in r.files] == ["imported"], r.files
    assert items_of(world.city, KEL_A) == items_of(world.a, KEL_A)
    assert [rec.file_sha256 for rec in world.city.sync.bundle_log("in")] == \
        [hashlib.sha256(src.read_bytes()).hexdigest()]
    assert not list(world.city.paths.tmp.glob("open-*"))
    return src, seen


def test_a_small_bundle_is_decrypted_in_memory(world, tmp_path: Path) -> None:
    src, seen = _import_watching_tmp(world, tmp_path)
    assert seen == []  # never a decrypted copy on disk
    assert src.stat().st_size <= container.IN_MEMORY_MAX


def test_a_large_bundle_is_decrypted_through_tmp(world, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "IN_MEMORY_MAX", 1024)  # A's bundle counts as large
    src, seen = _import_watching_tmp(world, tmp_path)
    assert src.stat().st_size > container.IN_MEMORY_MAX
    assert seen  # decrypted to tmp/ while it was read, removed after
