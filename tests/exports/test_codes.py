"""The container's refusals are codes with parameters; the words come from ui.messages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from db.errors import KlaError
from exports.container import Container, Limits
from ui.messages import error_text


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _refusal(tmp_path: Path, members: dict[str, bytes], limits: Limits | None = None) -> KlaError:
    z = _zip(tmp_path / "inner.zip", members)
    with pytest.raises(KlaError) as exc:
        Container(z, z, limits or Limits())
    return exc.value


def test_too_many_members_is_a_code_with_the_count(tmp_path: Path) -> None:
    err = _refusal(tmp_path, {f"m{i}.json": b"{}" for i in range(5)}, Limits(max_members=3))
    assert (err.code, err.params) == ("bundle_zip_bomb", {"detail": "too_many_files", "count": 5})
    assert "(5 berkas di dalamnya)" in error_text(err)


def test_a_missing_member_is_named_not_described(tmp_path: Path) -> None:
    err = _refusal(tmp_path, {"manifest.json": b"{}", "SHA256SUMS": b""})
    assert (err.code, err.params) == ("bundle_damaged", {"detail": "member_missing", "name": "SHA256SUMS.sig"})
    assert "(SHA256SUMS.sig tidak ada)" in error_text(err)
