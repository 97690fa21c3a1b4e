"""Issue 14, the parts left by the first pass, driven through the real ``kla`` as people would:
one setup file on two PCs, damaged evidence at DP3AKB, and e-mail limits.

Each test asserts what the person at the terminal reads, what lands on disk, and that a
refusal changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import Store
from tests.exports.conftest import dump

ROOT = Path(__file__).resolve().parents[2]
KEL = "64.71.01.1001"


def kla(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR", "KLA_PASSPHRASE")}
    cmd = [sys.executable, "-m", "desktop.cli", *args] + (["--home", str(home)] if home else [])
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=180)


def ok(*args: str, home: Path | None = None) -> str:
    r = kla(*args, home=home)
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    return r.stdout


def refused(*args: str, home: Path | None = None) -> str:
    r = kla(*args, home=home)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    return r.stderr.strip()


def name_pc(home: Path, name: str) -> None:
    """What ``platform.node()`` gives on a real office PC; here the two "PCs" share one machine."""
    with Store.open(home) as s, s.transaction():
        s.set_setting("device_name", name)


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """DP3AKB, one setup file, and that file installed on two PCs of Kelurahan Manggar."""
    root = tmp_path_factory.mktemp("offices")
    ok("init", "--role", "city", "--city", "64.71", home=root / "city")
    enrol = json.loads(ok("city", "enroll", KEL, "--out", str(root / "manggar.klasetup"), "--json", home=root / "city"))
    (root / "pass").write_text(enrol["passphrase"])
    for pc in ("pc1", "pc2"):
        out = ok("setup", str(root / "manggar.klasetup"), "--passphrase", enrol["passphrase"], home=root / pc)
        # Said at install time: the file is for one computer.
        assert "Berkas pemasangan ini untuk satu komputer saja" in out
        name_pc(root / pc, "PC-SEKRETARIAT" if pc == "pc1" else "LAPTOP-LURAH")
    return root


@pytest.fixture
def world(offices: Path, tmp_path: Path) -> Path:
    for name in ("city", "pc1", "pc2"):
        shutil.copytree(offices / name, tmp_path / name)
    return tmp_path


def value(home: Path, sex: str, age: str, v: int) -> None:
    ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", sex, "--age", age,
       "--value", str(v), home=home)


def send(world: Path, pc: str, stick: str) -> str:
    """Export at ``pc`` to a folder, import it at DP3AKB; DP3AKB's output."""
    ok("export", "--out", str(world / stick), home=world / pc)
    return ok("import", str(world / stick), home=world / "city")


# ---------------------------------------------------------------------------- one setup file, two PCs


def test_one_setup_file_on_two_pcs_is_told_to_both_sides_by_name(world: Path) -> None:
    value(world / "pc1", "L", "1-4", 5)
    first = send(world, "pc1", "s1")
    assert "Perhatian" not in first and "Catatan" not in first
    # The second PC's first bundle: DP3AKB hears it at once, softly (it could be a reinstall).
    value(world / "pc2", "P", "1-4", 7)
    second = send(world, "pc2", "s2")
    assert "Catatan: ini kiriman pertama dari komputer «LAPTOP-LURAH»" in second
    assert "sebelumnya dipakai komputer «PC-SEKRETARIAT»" in second
    assert "Jika komputer lama tidak dipakai lagi" in second
    # The first PC sends again: both are in use, one key. Named, with what to do.
    value(world / "pc1", "L", "5-11", 3)
    third = send(world, "pc1", "s3")
    assert "Perhatian: Kelurahan Manggar mengirim dari dua komputer dengan satu berkas pemasangan" in third
    assert "«PC-SEKRETARIAT»" in third and "«LAPTOP-LURAH»" in third
    assert f"kla city enroll {KEL} --new-key --out BERKAS" in third and f"kla city revoke {KEL} --key" in third
    assert "Data kiriman ini tetap diimpor" in third and "diimpor — kelurahan" in third
    # DP3AKB's list of keys names the PCs behind each.
    listed = ok("keys", home=world / "city")
    assert "2 KOMPUTER dengan satu kunci: komputer «PC-SEKRETARIAT»" in listed and "«LAPTOP-LURAH»" in listed
    # The next receipt tells each PC about the other one.
    ok("receipt", "--out", str(world / "tt"), home=world / "city")
    receipt = next((world / "tt").glob("*.kla"))
    at_pc1 = ok("import", str(receipt), home=world / "pc1")
    at_pc2 = ok("import", str(receipt), home=world / "pc2")
    told = "juga dipasang di komputer lain: komputer «{}»"
    assert told.format("LAPTOP-LURAH") in at_pc1 and "PC-SEKRETARIAT" not in at_pc1
    assert told.format("PC-SEKRETARIAT") in at_pc2 and "LAPTOP-LURAH" not in at_pc2
    assert "minta DP3AKB berkas pemasangan tersendiri" in at_pc1 and "segera hubungi DP3AKB" in at_pc1

    # The remedy: a setup file of its own for the second PC (its data stays); then no more warnings.
    # The command the warning names (its data stays on that PC, so --new-key: refused without it).
    enrol = json.loads(ok("city", "enroll", KEL, "--new-key", "--out", str(world / "pc2.klasetup"), "--json",
                          home=world / "city"))
    ok("setup", str(world / "pc2.klasetup"), "--passphrase", enrol["passphrase"], home=world / "pc2")
    value(world / "pc2", "P", "5-11", 2)
    assert "Perhatian" not in send(world, "pc2", "s4")
    value(world / "pc1", "L", "12-17", 1)
    assert "Perhatian" not in send(world, "pc1", "s5")
    ok("receipt", "--out", str(world / "tt2"), home=world / "city")
    receipt = next((world / "tt2").glob("*.kla"))
    assert "komputer lain" not in ok("import", str(receipt), home=world / "pc1")
    assert "komputer lain" not in ok("import", str(receipt), home=world / "pc2")
    listed = ok("keys", home=world / "city")
    assert "KOMPUTER dengan satu kunci" not in listed
    assert "dipakai di komputer «PC-SEKRETARIAT»" in listed and "dipakai di komputer «LAPTOP-LURAH»" in listed


def test_a_restore_onto_a_new_device_is_not_taken_for_a_second_pc(world: Path) -> None:
    """The PC's file was unreadable, so ``kla restore`` made it a new device: its bundles say
    which device they replace, and DP3AKB says nothing of two PCs."""
    pc1 = world / "pc1"
    value(pc1, "L", "1-4", 5)
    send(world, "pc1", "s1")
    ok("backup", home=pc1)
    backup = max((pc1 / "backups").glob("*.sqlite"), key=lambda p: p.stat().st_mtime)
    db = pc1 / "kla.sqlite"
    db.write_bytes(b"\0" * 100 + db.read_bytes()[100:])
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    ok("restore", str(backup), home=pc1)
    value(pc1, "P", "1-4", 6)
    out = send(world, "pc1", "s2")
    assert "Perhatian" not in out and "Catatan" not in out and "diimpor" in out


def test_reinstalling_the_setup_file_on_the_same_pc_is_a_note_not_an_alarm(world: Path, offices: Path) -> None:
    """A failed disk, the setup file installed again into a fresh workspace, the old one gone:
    DP3AKB gets one note on the first bundle, and nothing more while the old one stays silent."""
    value(world / "pc1", "L", "1-4", 5)
    send(world, "pc1", "s1")
    shutil.rmtree(world / "pc1")
    ok("setup", str(offices / "manggar.klasetup"), "--passphrase", (offices / "pass").read_text(), home=world / "pc1")
    name_pc(world / "pc1", "PC-SEKRETARIAT")
    value(world / "pc1", "L", "1-4", 6)
    note = send(world, "pc1", "s2")
    assert "Catatan: ini kiriman pertama dari komputer «PC-SEKRETARIAT»" in note and "Perhatian" not in note
    assert "misalnya disk rusak lalu dipasang ulang), tidak perlu apa-apa" in note
    value(world / "pc1", "L", "1-4", 7)
    later = send(world, "pc1", "s3")
    assert "Catatan" not in later and "Perhatian" not in later


# ---------------------------------------------------------------------------- damaged evidence at DP3AKB


def test_damaged_evidence_at_dp3akb_is_set_aside_and_asked_for_again(world: Path) -> None:
    pc1, city = world / "pc1", world / "city"
    perda = world / "perda.pdf"
    perda.write_bytes(b"%PDF-1.4\nPerda Kota Balikpapan tentang KLA\n")
    ok("evidence", "add", "--year", "2025", "--indicator", "1", str(perda), "--kind", "regulation", home=pc1)
    send(world, "pc1", "s1")
    ok("receipt", "--out", str(world / "tt1"), home=city)
    ok("import", str(next((world / "tt1").glob("*.kla"))), home=pc1)
    assert "Tidak ada yang perlu dikirim" in ok("export", "--out", str(world / "kosong"), home=pc1)

    stored = next(p for p in (city / "evidence").rglob("*") if p.is_file())
    sha = stored.name
    stored.write_bytes(b"%PDF-1.4\nPerda yang DIUBAH orang lain!!\n"[: stored.stat().st_size].ljust(
        stored.stat().st_size, b"!"))  # same size: only reading it finds the change
    with Store.open(city) as s:
        before = dump(s)
    r = kla("check", home=city)
    assert r.returncode == 1
    text = r.stdout
    assert "1 berkas data dukung berubah/rusak (perda.pdf dari Kelurahan Manggar)" in text
    assert "dipindahkan ke karantina" in text and "tidak dihapus" in text
    assert "Berkas itu akan diminta lagi" in text and "kelurahan mengirimnya ulang" in text
    assert "memulihkan cadangan tidak memperbaikinya" in text and "kla restore" not in text
    # The store is unchanged; the damaged bytes are in quarantine with their reason.
    with Store.open(city) as s:
        assert dump(s) == before
    assert not stored.exists()
    reason = next((city / "quarantine").glob(f"*-{sha[:16]}-data-dukung-rusak.alasan.txt"))
    words = reason.read_text(encoding="utf-8")
    assert "Kode: evidence_set_aside" in words and "perda.pdf" in words and f"SHA-256 yang seharusnya: {sha}" in words
    assert Path(str(reason)[: -len(".alasan.txt")]).read_bytes().startswith(b"%PDF-1.4\nPerda yang DIUBAH")

    # The receipt no longer lists it as held; the kelurahan sends it again by itself.
    out = ok("receipt", "--out", str(world / "tt2"), home=city)
    assert "0 berkas" in out
    ok("import", str(next((world / "tt2").glob("*.kla"))), home=pc1)
    again = ok("export", "--out", str(world / "s2"), home=pc1)
    assert "1 berkas data dukung" in again
    back = ok("import", str(world / "s2"), home=city)
    assert "perda.pdf: sama (berkasnya dikirim ulang dan kini tersimpan utuh)" in back
    assert stored.read_bytes() == perda.read_bytes()
    assert "semua berkas data dukung cocok" in ok("check", home=city)


def test_check_at_the_kelurahan_never_sends_to_restore_for_evidence(world: Path) -> None:
    pc1 = world / "pc1"
    f = world / "foto.png"
    from db.demo import make_png

    make_png(f, 1, 40, 30)
    ok("evidence", "add", "--year", "2025", "--indicator", "1", str(f), "--keep-original", home=pc1)
    stored = next(p for p in (pc1 / "evidence").rglob("*") if p.is_file())
    stored.write_bytes(b"rusak")
    r = kla("check", home=pc1)
    assert r.returncode == 1
    assert "foto.png" in r.stdout and "Tambahkan ulang berkas aslinya" in r.stdout
    assert "kla restore" not in r.stdout and not stored.exists()


# ---------------------------------------------------------------------------- e-mail limits


@pytest.fixture
def scans(world: Path) -> Path:
    """Three scans of 3 MB and a map of 9 MB (bigger than a 10 MB e-mail holds once encoded)."""
    pc1 = world / "pc1"
    for name, mb in (("scan-1.pdf", 3), ("scan-2.pdf", 3), ("scan-3.pdf", 3), ("peta.pdf", 9)):
        f = world / name
        f.write_bytes(b"%PDF-1.4\n" + os.urandom(mb * 1024 * 1024))
        ok("evidence", "add", "--year", "2025", "--indicator", "3", str(f), "--kind", "data_table", home=pc1)
    return pc1


def test_mail_limit_preset_keeps_every_eml_on_disk_under_the_limit(world: Path, scans: Path) -> None:
    out = ok("export", "--out", str(world / "mail"), "--mail-limit", "go_id", home=scans)
    emls = sorted((world / "mail").glob("*.eml"))
    parts = sorted((world / "mail").glob("*.kla"))
    assert len(parts) >= 3 and len(emls) == len(parts) - 1
    assert all(e.stat().st_size <= 10_000_000 for e in emls), [e.stat().st_size for e in emls]
    assert out.count("    draf e-mail: ") == len(emls)
    assert out.count("tanpa draf e-mail: bagian ini tidak muat dalam satu e-mail") == 1
    assert "lebih besar dari batas; kirim lewat flashdisk" in out
    # DP3AKB imports every part (the .eml of a part it already took is the same bundle again).
    imported = ok("import", str(world / "mail"), home=world / "city")
    assert imported.count(": diimpor — kelurahan") == len(parts)
    assert imported.count("sudah pernah diimpor") == len(emls)


def test_mail_limit_as_a_size_and_a_wrong_one(world: Path, scans: Path) -> None:
    ok("export", "--out", str(world / "mail"), "--mail-limit", "5MB", home=scans)
    emls = sorted((world / "mail").glob("*.eml"))
    assert len(emls) >= 3 and all(e.stat().st_size <= 5_000_000 for e in emls)
    with Store.open(scans) as s:
        before = dump(s)
    for bad in ("hotmail", "10MiB", "500KB"):
        msg = refused("export", "--out", str(world / "salah"), "--mail-limit", bad, home=scans)
        assert f"Batas e-mail '{bad}' tidak dikenali" in msg and "gmail" in msg and "go_id" in msg
    assert not (world / "salah").exists()
    with Store.open(scans) as s:
        assert dump(s) == before


# ---------------------------------------------------------------------------- numbers no clerk types


def test_a_signed_bundle_with_nan_or_a_huge_number_is_refused_and_the_stick_goes_on(world: Path) -> None:
    """NaN, Infinity and a 5,000-digit count in a bundle signed with the kelurahan's real key
    (found by the value fuzzer): each file refused as damaged or invalid, with its reason in
    quarantine, the store unchanged; the genuine bundle beside them imports."""
    import zipfile

    from db import sync
    from tests.exports.conftest import read_plain, write_forged

    pc1, city = world / "pc1", world / "city"
    value(pc1, "L", "1-4", 5)
    ok("export", "--out", str(world / "asli"), home=pc1)
    genuine = next((world / "asli").glob("*.kla"))
    with Store.open(city) as c, Store.open(pc1) as k:
        m = read_plain(genuine, c)
        recipient, sign = c.sync.own_keys()[-1].age_recipient, k.sync.own_keys()[-1].sign_private
    stick = world / "stick"
    stick.mkdir()
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    entry = next(x for x in lines if x["key"].startswith("entry/"))
    for n, (name, raw) in enumerate((("nan", "NaN"), ("inf", "Infinity"), ("besar", "9" * 5000),
                                     ("besar2", str(10**20)))):
        e = json.loads(json.dumps(entry))
        e["data"]["values"] = [e["data"]["values"][0][:3] + [123456789]]
        # The hash is made over the hostile value too (as an attacker can): the item reaches the value rule.
        hashed = {"key": e["key"], "deleted": False,
                  "data": {k: v for k, v in e["data"].items() if k not in sync.VOLATILE}}
        e["hash"] = hashlib.sha256(sync.canonical(hashed).replace("123456789", raw).encode()).hexdigest()
        body = sync.canonical(e).replace("123456789", raw)
        man = json.loads(m["manifest.json"])
        man["id"] = f"{n:032x}"  # a bundle of its own, not a duplicate of the genuine one
        write_forged(stick / f"{name}.kla", dict(m, **{"records.jsonl": body.encode() + b"\n",
                                                       "manifest.json": json.dumps(man).encode()}),
                     recipient, sign_with=sign, compress=lambda n: zipfile.ZIP_STORED)
    shutil.copy(genuine, stick / "zz-asli.kla")
    with Store.open(city) as s:
        before = dump(s)
    r = kla("import", str(stick), home=city)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "kesalahan di dalam program" not in r.stderr, r.stdout
    out = r.stdout
    for name in ("nan", "inf", "besar"):
        assert f"{name}.kla: DITOLAK" in out and "(daftar isian)" in out.split(f"{name}.kla: DITOLAK")[1][:300]
    said = out.split("besar2.kla: DITOLAK")[1][:600]
    assert "isian indikator 4" in said and "“Jumlah anak” yang tidak sah" in said
    assert "zz-asli.kla: diimpor" in out
    reasons = sorted((city / "quarantine").glob("*.alasan.txt"))
    assert len(reasons) == 4 and all("TIDAK dimasukkan" in p.read_text(encoding="utf-8") for p in reasons)
    with Store.open(city) as s:
        after = dump(s)
    # Only the genuine bundle changed the store: its values and its log line.
    assert after["entry_values"] != before["entry_values"] and len(after["sync_bundles"]) == len(before["sync_bundles"]) + 1


def test_a_zip_of_a_future_version_encrypted_to_dp3akb_is_refused_and_the_stick_goes_on(world: Path) -> None:
    """Anyone holding DP3AKB's public key can encrypt a file to it, no signature needed: a ZIP
    whose directory asks for "version 13.4" made zipfile raise NotImplementedError, an internal
    error that stopped the whole stick (found by scripts/fuzz/harness.py container)."""
    import io
    import zipfile

    import pyrage

    from exports import keys

    pc1, city = world / "pc1", world / "city"
    value(pc1, "L", "1-4", 5)
    stick = world / "stick"
    ok("export", "--out", str(stick), home=pc1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("SHA256SUMS", b"")
    data = bytearray(buf.getvalue())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 6:at + 8] = (134).to_bytes(2, "little")  # version needed to extract: 13.4
        at = data.find(b"PK\x01\x02", at + 4)
    with Store.open(city) as c:
        recipient = c.sync.own_keys()[-1].age_recipient
    (stick / "a-masa-depan.kla").write_bytes(pyrage.encrypt(bytes(data), [keys.recipient(recipient)]))
    with Store.open(city) as s:
        before = dump(s)
    r = kla("import", str(stick), home=city)
    assert r.returncode == 1 and "kesalahan di dalam program" not in r.stderr, (r.stdout, r.stderr)
    said = r.stdout.split("a-masa-depan.kla: DITOLAK")[1][:400]
    assert "Berkas rusak, terpotong, atau diubah orang lain (isinya bukan ZIP yang utuh)" in said
    assert "bagian-1-dari-1.kla: diimpor" in r.stdout
    reason = next((city / "quarantine").glob("*a-masa-depan.kla.alasan.txt")).read_text(encoding="utf-8")
    assert "Kode: bundle_damaged" in reason and "TIDAK dimasukkan" in reason
    with Store.open(city) as s:
        after = dump(s)
    assert len(after["sync_bundles"]) == len(before["sync_bundles"]) + 1  # the genuine one only


def test_a_file_too_big_to_keep_is_not_said_to_be_copied(world: Path) -> None:
    """Quarantine keeps a refused file only up to 256 MiB: above, the reason and the SHA-256, and
    the words say so (they said "Disalin ke karantina" of the reason file)."""
    city = world / "city"
    big = world / "besar.kla"
    with open(big, "wb") as fh:  # sparse: 300 MB on the disk's books, nothing written
        fh.write(b"age-encryption.org/v1\n")
        fh.truncate(300 * 1024 * 1024)
    with Store.open(city) as s:
        before = dump(s)
    r = kla("import", str(big), home=city)
    assert r.returncode == 1 and "besar.kla: DITOLAK" in r.stdout
    assert "Tidak disalin; alasannya dicatat di karantina:" in r.stdout and "Disalin ke karantina" not in r.stdout
    reason = next((city / "quarantine").glob("*-besar.kla.alasan.txt")).read_text(encoding="utf-8")
    assert "Ukuran: 314572800 bita" in reason and "tidak disalin ke karantina" in reason
    assert [p.name for p in (city / "quarantine").iterdir() if not p.name.endswith(".alasan.txt")] == []
    with Store.open(city) as s:
        assert dump(s) == before


def test_the_evidence_pack_at_dp3akb_never_ships_damaged_bytes(world: Path) -> None:
    """Reading a file for the evidence pack finds what kla check would: the bytes no longer hash to
    their name. No pack is made; the file is set aside with its reason and will be asked for again,
    and the pack names it by its file name and unit (it said 'file_not_found evidence/ab/...')."""
    pc1, city = world / "pc1", world / "city"
    perda = world / "perda.pdf"
    perda.write_bytes(b"%PDF-1.4\nPerda Kota Balikpapan tentang KLA\n")
    ok("evidence", "add", "--year", "2025", "--indicator", "1", str(perda), "--kind", "regulation", home=pc1)
    send(world, "pc1", "s1")
    stored = next(p for p in (city / "evidence").rglob("*") if p.is_file())
    stored.write_bytes(b"%PDF-1.4\nPerda yang DIUBAH orang lain!!\n".ljust(stored.stat().st_size, b"!"))
    with Store.open(city) as s:
        before = dump(s)
    pack = world / "paket.zip"
    msg = refused("report", "pack", "--year", "2025", "--out", str(pack), home=city)
    assert "Paket data dukung tidak dibuat: 1 berkas tidak ada utuh di folder ruang kerja (perda.pdf (Manggar))" in msg
    assert "diminta lagi dari desa/kelurahan pemiliknya lewat tanda terima berikutnya" in msg
    assert not pack.exists() and not stored.exists()
    reason = next((city / "quarantine").glob("*-data-dukung-rusak.alasan.txt")).read_text(encoding="utf-8")
    assert "Kode: evidence_set_aside" in reason and "tidak lagi cocok dengan sidik jarinya" in reason
    with Store.open(city) as s:
        assert dump(s) == before
    # Asked again: the same words without reading anything, until the kelurahan's copy arrives.
    assert "perda.pdf (Manggar)" in refused("report", "pack", "--year", "2025", "--out", str(pack), home=city)


# ---------------------------------------------------------------------------- a conflict DP3AKB decided


def test_a_value_dp3akb_set_aside_is_told_to_the_kelurahan_in_words(world: Path) -> None:
    """DP3AKB and the kelurahan both changed indicator 4; DP3AKB keeps its own version. The
    receipt tells the clerk so (not "masih akan dikirim", which never happens), and the export
    names the indicator in words, not by its key."""
    value(world / "pc1", "L", "0-60h", 10)
    send(world, "pc1", "s1")
    ok("receipt", "--out", str(world / "r1"), home=world / "city")
    ok("import", str(world / "r1"), home=world / "pc1")
    ok("entry", "set", "--kelurahan", KEL, "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
       "--age", "0-60h", "--value", "12", home=world / "city")
    value(world / "pc1", "L", "0-60h", 11)
    assert "konflik" in send(world, "pc1", "s2")
    # Both versions of each value that differs, by the item's label, not its key.
    listed = ok("city", "conflicts", home=world / "city")
    assert "Jumlah anak, Laki-laki, 0–60 hari: DP3AKB 12, kiriman 11" in listed, listed
    assert "anak_total" not in listed and "0-60h" not in listed and "L/" not in listed, listed  # no codes
    conflict = json.loads(ok("city", "conflicts", "--json", home=world / "city"))[0]
    ok("city", "resolve", str(conflict["id"]), "--keep", "held", home=world / "city")
    ok("receipt", "--out", str(world / "r2"), home=world / "city")
    out = ok("import", str(world / "r2"), home=world / "pc1")
    assert "Tidak ada yang masih harus dikirim." in out, out
    # DP3AKB's decision reaches the kelurahan: its copy is now DP3AKB's 12, said in words.
    assert "1 item diganti dengan versi DP3AKB (DP3AKB memilih versinya saat ada dua versi berbeda): " \
           "isian indikator 4 (data tahun 2025)." in out, out
    assert "tidak dikirim" not in out and "entry/" not in out, out
    assert cell(world / "pc1", "L", "0-60h") == 12
    out = ok("export", "--out", str(world / "s3"), home=world / "pc1")
    assert "entry/" not in out and "DP3AKB memilih versi lain" not in out, out
    # The clerk's next change is built on DP3AKB's 12: it arrives, no second conflict.
    value(world / "pc1", "L", "1-4", 4)
    assert "konflik" not in send(world, "pc1", "s4")
    assert cell(world / "city", "L", "0-60h") == 12 and cell(world / "city", "L", "1-4") == 4


def cell(home: Path, sex: str, age: str) -> object:
    """Indicator 4's 'anak_total' cell of Kelurahan Manggar, data year 2025, as the workspace holds it."""
    with Store.open(home) as s:
        return s.values(KEL, 2025, 4).get(("anak_total", sex, age))


def test_dp3akb_keeping_one_pcs_version_reaches_the_other_pc_and_its_next_change_imports_cleanly(
        world: Path) -> None:
    """Two PCs of Manggar (one setup file) both fill indicator 4; DP3AKB keeps the first PC's
    version. The receipt makes the second PC's copy DP3AKB's version (its own value kept in the
    value's history) and says so; its next change is built on that version and imports at DP3AKB
    as a change, not a second conflict."""
    value(world / "pc1", "L", "1-4", 5)
    send(world, "pc1", "s1")
    value(world / "pc2", "L", "1-4", 7)
    assert "konflik" in send(world, "pc2", "s2")
    conflict = json.loads(ok("city", "conflicts", "--json", home=world / "city"))[0]
    ok("city", "resolve", str(conflict["id"]), "--keep", "held", home=world / "city")
    ok("receipt", "--out", str(world / "r1"), home=world / "city")
    receipt = next((world / "r1").glob("*.kla"))
    out = ok("import", str(receipt), home=world / "pc2")
    assert "1 item diganti dengan versi DP3AKB (DP3AKB memilih versinya saat ada dua versi berbeda): " \
           "isian indikator 4 (data tahun 2025). Isian sebelumnya di komputer ini tetap tercatat di riwayat " \
           "perubahan" in out, out
    assert "Tidak ada yang masih harus dikirim." in out and "tidak dikirim" not in out, out
    assert cell(world / "pc2", "L", "1-4") == 5
    # The replaced value is not lost: the value's history shows 7 -> 5.
    hist = ok("entry", "history", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
              "--age", "1-4", home=world / "pc2")
    assert "7 -> 5" in hist, hist
    # The first PC, whose version DP3AKB kept, is told nothing was replaced.
    assert "diganti" not in ok("import", str(receipt), home=world / "pc1")
    # The second PC's next change: built on DP3AKB's version, it arrives as a change.
    value(world / "pc2", "L", "5-11", 3)
    out = send(world, "pc2", "s3")
    assert "konflik" not in out, out
    assert json.loads(ok("city", "conflicts", "--json", home=world / "city")) == []
    assert cell(world / "city", "L", "1-4") == 5 and cell(world / "city", "L", "5-11") == 3
