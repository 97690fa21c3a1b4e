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


def test_a_folder_or_an_empty_file_is_refused_as_what_it_is(kel_store: Store, tmp_path: Path) -> None:
    from tests.db.conftest import table_dump
    from ui.messages import error_text

    before = table_dump(kel_store)
    with pytest.raises(KlaError) as exc:
        kel_store.add_evidence(None, tmp_path, links=[(2025, 4)])
    assert exc.value.code == "evidence_is_folder"
    empty = tmp_path / "sk.pdf"
    empty.write_bytes(b"")
    with pytest.raises(KlaError) as exc:
        kel_store.add_evidence(None, empty, links=[(2025, 4)])
    assert (exc.value.code, exc.value.params["name"]) == ("evidence_file_empty", "sk.pdf")
    assert "kosong" in error_text(exc.value)
    with pytest.raises(KlaError) as exc:
        kel_store.add_evidence(None, tmp_path / "x.pdf", kind="foto")
    assert exc.value.code == "evidence_kind_unknown"
    # Listed in words (the window's list), not as the template's codes.
    assert "peraturan/kebijakan, surat keputusan (SK), foto" in error_text(exc.value)
    assert "regulation" not in error_text(exc.value)
    assert table_dump(kel_store) == before


def test_a_pdf_with_a_little_junk_before_its_header_is_a_pdf(kel_store: Store, tmp_path: Path) -> None:
    src = tmp_path / "scan.pdf"
    src.write_bytes(b"\r\n" * 10 + b"%PDF-1.7\n...")
    assert kel_store.add_evidence(None, src, links=[(2025, 4)]).record.mime == "application/pdf"


def test_adopted_files_are_flushed_together_before_the_commit_that_refers_to_them(
        city_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import db.core

    events: list[str] = []
    monkeypatch.setattr(db.core, "fsync_file", lambda p: events.append(f"file {Path(p).name}"))
    monkeypatch.setattr(db.core, "fsync_dir", lambda p: events.append(f"folder {Path(p).name}"))
    city_store.db.conn.set_trace_callback(lambda sql: events.append(sql) if sql.startswith("COMMIT") else None)
    datas = [f"Perda {n}".encode() for n in range(3)]
    with city_store.transaction():
        for n, data in enumerate(datas):
            staged = tmp_path / f"staged-{n}"
            staged.write_bytes(data)
            city_store.sync.adopt_file(staged, _sha(data))
        # a file may start its flush in the background as soon as it is placed (db.core.flush_soon);
        # its folder and the commit wait until the transaction ends
        assert not any(e.startswith(("folder", "COMMIT")) for e in events)
    city_store.db.conn.set_trace_callback(None)
    files = {f"file {_sha(d)}" for d in datas}
    folders = {f"folder {_sha(d)[:2]}" for d in datas}
    assert set(events[:-1]) == files | folders and len(events) == len(files) + len(folders) + 1
    assert events[-1].startswith("COMMIT")  # every file and folder durable before the commit
    assert all(city_store.paths.evidence_file(_sha(d)).read_bytes() == d for d in datas)


def test_a_failed_flush_rolls_back_what_refers_to_the_files(city_store: Store, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import db.core

    def broken(path: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(db.core, "fsync_file", broken)
    data = b"Perda KLA"
    staged = tmp_path / "staged"
    staged.write_bytes(data)
    with pytest.raises(OSError), city_store.transaction():
        city_store.sync.adopt_file(staged, _sha(data))
        city_store.core.set_meta("probe", "written")
    assert city_store.core.meta("probe") == ""


def test_the_same_file_added_again_keeps_what_was_typed_the_second_time(kel_store: Store, tmp_path: Path) -> None:
    src = tmp_path / "sk-lurah.pdf"
    src.write_bytes(b"%PDF-1.4 SK Lurah tentang KLA")
    first = kel_store.add_evidence(None, src, links=[(2025, 1)], kind="sk", caption="SK Lurah")
    again = kel_store.add_evidence(None, src, links=[(2025, 2)], kind="sk", caption="SK lain",
                                   doc_number="12/SK/2025", issuer="Lurah Manggar", doc_date="2025-03-17")
    rec = kel_store.evidence(first.record.id)
    assert again.record.id == rec.id and set(rec.links) == {(2025, 1), (2025, 2)}
    # the caption typed first stays; the details that were blank take what was typed now
    assert (rec.caption, rec.doc_number, rec.issuer, rec.doc_date) == ("SK Lurah", "12/SK/2025", "Lurah Manggar",
                                                                       "2025-03-17")
    assert rec.revision == 2
    kel_store.add_evidence(None, src, links=[(2025, 2)], kind="sk")
    assert kel_store.evidence(rec.id).revision == 2  # nothing new typed: nothing changed


def test_the_same_file_again_where_it_already_is_answers_nothing_written(kel_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "sk.pdf"
    f.write_bytes(b"%PDF-1.4\nSK Gugus Tugas KLA\n%%EOF\n")
    year = max(kel_store.current_period().data_years)
    first = kel_store.add_evidence(None, f, links=[(year, 1)], kind="regulation")
    assert first
    again = kel_store.add_evidence(None, f, links=[(year, 1)], kind="regulation")
    assert not again and again.record.id == first.record.id
    # Linked to another indicator: that is a change, the record the same.
    other = kel_store.add_evidence(None, f, links=[(year, 2)], kind="regulation")
    assert other and other.record.id == first.record.id and (year, 2) in other.record.links
    # A caption typed this time fills the blank one: a change too.
    assert kel_store.add_evidence(None, f, links=[(year, 2)], kind="regulation", caption="SK 2026")
