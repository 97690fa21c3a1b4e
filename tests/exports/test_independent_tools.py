"""docs/bundle-format.md §6, followed literally with tools that are not this program.

Needs Debian packages ``age``, ``openssl``, ``unzip`` and ``coreutils`` (sha256sum);
each test skips only when its tool is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from exports import bundle, keys, receipts
from tests.exports.conftest import KEL_A


def need(*tools: str) -> None:
    for t in tools:
        if shutil.which(t) is None:
            pytest.skip(f"{t} is not installed (apt-get install -y age openssl unzip coreutils)")


def run(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, check=False)


def _identity_file(store, path: Path) -> Path:
    # What 'kla city key export' writes (tested through the CLI in tests/desktop).
    lines = []
    for k in store.sync.own_keys(active_only=False):
        lines += [f"# public key: {k.age_recipient}", k.age_identity]
    path.write_text("\n".join(lines) + "\n")
    return path


def _open_by_hand(kla: Path, identity: Path, signer_pem: str, work: Path) -> Path:
    work.mkdir()
    (work / "signer.pem").write_text(signer_pem)
    r = run("age", "--decrypt", "-i", identity, "-o", work / "bundle.zip", kla)
    assert r.returncode == 0, r.stderr
    r = run("unzip", "-q", work / "bundle.zip", "-d", work / "isi")
    assert r.returncode == 0, r.stderr
    r = run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", work / "signer.pem", "-rawin",
            "-in", work / "isi" / "SHA256SUMS", "-sigfile", work / "isi" / "SHA256SUMS.sig")
    assert r.returncode == 0 and "Signature Verified Successfully" in r.stdout, r.stdout + r.stderr
    r = run("sha256sum", "--check", "--strict", "SHA256SUMS", cwd=work / "isi")
    assert r.returncode == 0, r.stdout + r.stderr
    return work / "isi"


def test_bundle_opens_with_age_openssl_unzip_sha256sum(world, tmp_path: Path) -> None:
    need("age", "openssl", "unzip", "sha256sum")
    ex = bundle.export_bundles(world.a, tmp_path / "out")
    pem = keys.public_pem(world.a.sync.own_keys()[-1].sign_public)
    isi = _open_by_hand(ex.parts[0].path, _identity_file(world.city, tmp_path / "id.txt"), pem, tmp_path / "w")
    assert (isi / "records.jsonl").read_text().count("\n") == ex.items
    assert len(list((isi / "evidence").iterdir())) == ex.files


def test_tampered_bundle_fails_the_manual_check(world, tmp_path: Path) -> None:
    need("age", "openssl", "unzip")
    ex = bundle.export_bundles(world.a, tmp_path / "out")
    pem = keys.public_pem(world.b.sync.own_keys()[-1].sign_public)  # the wrong kelurahan's key
    work = tmp_path / "w"
    work.mkdir()
    (work / "signer.pem").write_text(pem)
    ident = _identity_file(world.city, tmp_path / "id.txt")
    assert run("age", "-d", "-i", ident, "-o", work / "b.zip", ex.parts[0].path).returncode == 0
    assert run("unzip", "-q", work / "b.zip", "-d", work / "isi").returncode == 0
    r = run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", work / "signer.pem", "-rawin",
            "-in", work / "isi" / "SHA256SUMS", "-sigfile", work / "isi" / "SHA256SUMS.sig")
    assert r.returncode != 0
    data = bytearray(ex.parts[0].path.read_bytes())
    data[len(data) // 2] ^= 1
    (tmp_path / "bad.kla").write_bytes(bytes(data))
    assert run("age", "-d", "-i", ident, "-o", work / "c.zip", tmp_path / "bad.kla").returncode != 0


def test_receipt_opens_by_hand_at_the_kelurahan(world, tmp_path: Path) -> None:
    need("age", "openssl", "unzip", "sha256sum")
    bundle.import_paths(world.city, [bundle.export_bundles(world.a, tmp_path / "out").parts[0].path])
    r = receipts.write_receipts(world.city, tmp_path / "rc", KEL_A)[0]
    pem = keys.public_pem(world.city.sync.own_keys()[-1].sign_public)
    isi = _open_by_hand(r.path, _identity_file(world.a, tmp_path / "id.txt"), pem, tmp_path / "w")
    assert (isi / "receipt.json").exists()
