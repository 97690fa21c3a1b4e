"""`kla check` on a damaged evidence file says what repairs it, not `kla restore` (issue 14, item 1)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.db.conftest import KEL
from tests.desktop.test_cli import kla, ok


def test_damaged_evidence_is_mended_by_adding_it_again_not_by_a_restore(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, home=ws)
    doc = tmp_path / "sk.pdf"
    doc.write_bytes(b"%PDF-1.4\n% SK Lurah\n")
    ok("evidence", "add", "--year", "2025", "--indicator", "4", str(doc), home=ws)
    ok("backup", home=ws)
    sha = hashlib.sha256(doc.read_bytes()).hexdigest()
    stored = ws / "evidence" / sha[:2] / sha
    stored.write_bytes(b"%PDF-1.4\n% SK rusak\n")  # same size, other bytes
    r = kla("check", home=ws)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "1 berkas data dukung berubah/rusak" in r.stdout
    assert "kla restore" not in r.stdout and "Tambahkan ulang berkas aslinya" in r.stdout
    ok("evidence", "add", "--year", "2025", "--indicator", "4", str(doc), home=ws)
    assert stored.read_bytes() == doc.read_bytes()
    assert "utuh" in ok("check", home=ws).stdout
