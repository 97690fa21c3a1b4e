"""The content-addressed evidence folder keeps only bytes that hash to their name (issue 14, item 1)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from db.errors import KlaError
from db.store import Store


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_adopt_refuses_bytes_that_do_not_hash_to_their_name(city_store: Store, tmp_path: Path) -> None:
    real, planted = b"Perda KLA asli", b"bukan Perda"
    staged = tmp_path / "staged"
    staged.write_bytes(planted)
    with pytest.raises(KlaError) as exc:
        city_store.sync.adopt_file(staged, _sha(real))
    assert exc.value.code == "evidence_hash_mismatch" and exc.value.params["sha"] == _sha(real)[:12]
    assert not city_store.paths.evidence_file(_sha(real)).exists()
    assert not staged.exists()


def test_adopt_replaces_a_damaged_file_under_the_hash(city_store: Store, tmp_path: Path) -> None:
    real = b"Perda KLA asli"
    final = city_store.paths.evidence_file(_sha(real))
    final.parent.mkdir(parents=True, exist_ok=True)
    final.write_bytes(b"X" * len(real))  # same size, other bytes: planted or rotted
    staged = tmp_path / "staged"
    staged.write_bytes(real)
    city_store.sync.adopt_file(staged, _sha(real))
    assert final.read_bytes() == real


def test_adding_the_same_file_again_repairs_a_damaged_copy(kel_store: Store, tmp_path: Path) -> None:
    src = tmp_path / "rekap.pdf"
    src.write_bytes(b"%PDF-1.4 rekap akta")
    kel_store.add_evidence(None, src, links=[(2025, 4)], kind="data_table")
    final = kel_store.paths.evidence_file(_sha(src.read_bytes()))
    final.write_bytes(b"%PDF-1.4 rusak akta")  # same size
    assert kel_store.check().damaged_files
    kel_store.add_evidence(None, src, links=[(2025, 4)], kind="data_table")
    assert final.read_bytes() == src.read_bytes() and kel_store.check().ok


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("sk-lurah.pdf", b"\x00\x01random bytes, not a document" * 10, "PDF"),
    ("foto.jpg", b"GIF89a not a jpeg", "JPG"),
    ("peta.png", b"\xff\xd8\xff\xe0 a jpeg named png", "PNG"),
])
def test_a_file_whose_bytes_are_not_its_type_is_refused(kel_store: Store, tmp_path: Path, name: str,
                                                        data: bytes, kind: str) -> None:
    from tests.db.conftest import table_dump

    src = tmp_path / name
    src.write_bytes(data)
    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.add_evidence(None, src, links=[(2025, 4)])
    assert (exc.value.code, exc.value.params["kind"]) == ("evidence_not_its_type", kind)
    assert table_dump(kel_store) == before
    assert not kel_store.paths.evidence_file(_sha(data)).exists()


def test_a_pdf_with_a_little_junk_before_its_header_is_a_pdf(kel_store: Store, tmp_path: Path) -> None:
    src = tmp_path / "scan.pdf"
    src.write_bytes(b"\r\n" * 10 + b"%PDF-1.7\n...")
    assert kel_store.add_evidence(None, src, links=[(2025, 4)]).record.mime == "application/pdf"
