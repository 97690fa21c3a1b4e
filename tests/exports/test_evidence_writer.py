"""DP3AKB's import of many bundles: the evidence files written by a second process
(``db.evidence_writer``) beside the import's own work, with the same outcome on disk as the
import writing them itself, also when that process dies or cannot write a file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
from pathlib import Path

import pytest

from db import evidence, evidence_writer
from db.store import Store
from exports import bundle
from tests.exports.conftest import KEL_A, KEL_B, items_of

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the writer process is used on POSIX systems")


def _setup(enrolled_template: Path, tmp_path: Path, *cities: str) -> tuple[list[Path], dict[str, dict[str, str]]]:
    """Fresh cities, two bundles each of A and B (the second after one more evidence file)."""
    for c in cities:
        shutil.copytree(enrolled_template / "city", tmp_path / c)
    files, want = [], {}
    for name, code in (("a", KEL_A), ("b", KEL_B)):
        home = tmp_path / name
        shutil.copytree(enrolled_template / name, home)
        with Store.open(home, start_backup=False) as k:
            files += [p.path for p in bundle.export_bundles(k, tmp_path / "inbox" / f"{name}1").parts]
            extra = tmp_path / f"surat-{name}.pdf"
            extra.write_bytes(b"%PDF-1.4\n" + os.urandom(3000))
            k.add_evidence(None, extra, links=[(2025, 3)], kind="other")
            files += [p.path for p in bundle.export_bundles(k, tmp_path / "inbox" / f"{name}2").parts]
            want[code] = items_of(k, code)
    return files, want


def _evidence_on_disk(home: Path) -> dict[str, str]:
    """Every file of the evidence folder: its name and the SHA-256 of what it holds."""
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in (home / "evidence").rglob("*") if f.is_file()}


def _held(home: Path) -> dict[str, dict[str, str]]:
    with Store.open(home, start_backup=False) as c:
        assert c.check().ok
        return {k: items_of(c, k) for k in (KEL_A, KEL_B)}


@pytest.fixture
def writers(monkeypatch: pytest.MonkeyPatch) -> list[evidence_writer.EvidenceWriter]:
    """Every writer process started (from four files on, as a big import does)."""
    monkeypatch.setattr(evidence_writer, "MIN_BUNDLES", 4)
    monkeypatch.delenv("KLA_NO_WRITER", raising=False)
    made: list[evidence_writer.EvidenceWriter] = []
    real = evidence_writer.EvidenceWriter.__init__

    def init(self: evidence_writer.EvidenceWriter) -> None:
        real(self)
        made.append(self)

    monkeypatch.setattr(evidence_writer.EvidenceWriter, "__init__", init)
    return made


def test_the_writer_process_leaves_what_the_import_alone_leaves(enrolled_template: Path, tmp_path: Path,
                                                                 writers, monkeypatch: pytest.MonkeyPatch) -> None:
    files, want = _setup(enrolled_template, tmp_path, "city", "city-alone")
    with Store.open(tmp_path / "city", start_backup=False) as c:
        r = bundle.import_paths(c, files)
    assert [f.status for f in r.files] == ["imported"] * 4
    assert len(writers) == 1 and writers[0].gone  # it ran, and it is stopped
    monkeypatch.setenv("KLA_NO_WRITER", "1")
    with Store.open(tmp_path / "city-alone", start_backup=False) as c:
        alone = bundle.import_paths(c, files)
    assert len(writers) == 1  # the import alone wrote its files itself
    assert [f.counts for f in r.files] == [f.counts for f in alone.files]
    assert _held(tmp_path / "city") == _held(tmp_path / "city-alone") == want
    on_disk = _evidence_on_disk(tmp_path / "city")
    assert on_disk == _evidence_on_disk(tmp_path / "city-alone")
    assert on_disk and all(name == sha for name, sha in on_disk.items())
    assert [p for p in (tmp_path / "city" / "tmp").rglob("*")] == []  # no staged file, no staging folder


def test_the_writer_process_killed_half_way_loses_no_file(enrolled_template: Path, tmp_path: Path, writers,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    files, want = _setup(enrolled_template, tmp_path, "city")
    real = evidence.Evidence.adopt_data
    calls = [0]

    def adopt(self: evidence.Evidence, data, sha256: str) -> None:
        calls[0] += 1
        if calls[0] == 5:  # the writer has files it never confirmed: the import writes them itself
            proc = writers[0]._proc
            assert proc is not None
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        real(self, data, sha256)

    monkeypatch.setattr(evidence.Evidence, "adopt_data", adopt)
    with Store.open(tmp_path / "city", start_backup=False) as c:
        r = bundle.import_paths(c, files)
    assert calls[0] > 5
    assert [f.status for f in r.files] == ["imported"] * 4
    assert _held(tmp_path / "city") == want
    with Store.open(tmp_path / "city", start_backup=False) as c:
        named = {row["sha256"] for row in c.db.query("SELECT sha256 FROM evidence")}
    on_disk = _evidence_on_disk(tmp_path / "city")
    assert named <= set(on_disk) and all(name == sha for name, sha in on_disk.items())


def test_a_file_the_writer_process_cannot_write_fails_as_the_import_alone_fails(
        enrolled_template: Path, tmp_path: Path, writers, monkeypatch: pytest.MonkeyPatch) -> None:
    """The evidence folder of one of B's files is a file (a damaged disk, another program): the
    rename fails. With the writer as without it, the import stops with that error, A's bundles
    (done before) stay, B's first bundle is not half there."""
    files, _ = _setup(enrolled_template, tmp_path, "city", "city-alone")
    with Store.open(tmp_path / "a", start_backup=False) as a:
        a_files = {row["sha256"][:2] for row in a.db.query("SELECT sha256 FROM evidence")}
    later = hashlib.sha256((tmp_path / "surat-b.pdf").read_bytes()).hexdigest()  # B's second bundle's
    with Store.open(tmp_path / "b", start_backup=False) as b:
        prefix = next(row["sha256"][:2] for row in b.db.query("SELECT sha256 FROM evidence")
                      if row["sha256"][:2] not in a_files and row["sha256"] != later)
    outcomes = []
    for city, alone in (("city", False), ("city-alone", True)):
        if alone:
            monkeypatch.setenv("KLA_NO_WRITER", "1")
        (tmp_path / city / "evidence").mkdir(exist_ok=True)
        (tmp_path / city / "evidence" / prefix).write_bytes(b"bukan folder")
        with Store.open(tmp_path / city, start_backup=False) as c:
            with pytest.raises(OSError) as exc:
                bundle.import_paths(c, files)
        outcomes.append(exc.value.errno)
        held = _held(tmp_path / city)
        assert held[KEL_A] and not held[KEL_B], city
    assert outcomes == [errno.ENOTDIR, errno.ENOTDIR]
    assert len(writers) == 1
    assert _held(tmp_path / "city") == _held(tmp_path / "city-alone")


def test_files_handed_over_early_are_confirmed_at_the_wait_with_the_first_failure(tmp_path: Path) -> None:
    """The import tells the writer to go ahead when a bundle's evidence records are behind
    (``mark``) and asks at the bundle's end (``wait``): a file that could not be written before
    the first go-ahead is still the failure said then, and what came after is written."""
    (tmp_path / "evidence").mkdir()
    (tmp_path / "blocked").write_bytes(b"not a folder")  # a "folder" that is a file: the write fails
    w = evidence_writer.EvidenceWriter()
    try:
        w.write(str(tmp_path / "tmp" / "a"), str(tmp_path / "evidence" / "a"), b"first")
        w.write(str(tmp_path / "blocked" / "b"), str(tmp_path / "evidence" / "b"), b"second")
        w.mark()
        w.write(str(tmp_path / "tmp" / "c"), str(tmp_path / "evidence" / "c"), b"third")
        w.mark()
        with pytest.raises(OSError) as err:
            w.wait()
        assert "blocked" in str(err.value.filename)
        assert (tmp_path / "evidence" / "a").read_bytes() == b"first"
        assert (tmp_path / "evidence" / "c").read_bytes() == b"third"
        assert not (tmp_path / "evidence" / "b").exists()
        w.write(str(tmp_path / "tmp" / "d"), str(tmp_path / "evidence" / "d"), b"fourth")
        w.wait()  # the failure was said once: the next wait is clean
        assert (tmp_path / "evidence" / "d").read_bytes() == b"fourth"
    finally:
        w.close()
