"""The bundle commands through subprocesses: enrolment to second round, and refusals."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.store import Store
from tests.desktop.test_cli import kla, ok, refused

A, B = "64.71.01.1001", "64.71.02.1001"


def tables(home: Path) -> dict[str, list]:
    conn = sqlite3.connect(home / "kla.sqlite")
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(conn.execute(f"SELECT * FROM [{n}]").fetchall(), key=repr) for n in names}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli-bundles")
    city = root / "city"
    ok("init", "--role", "city", home=city)
    homes = {"city": city, "root": root}
    for code, name in ((A, "a"), (B, "b")):
        ok("demo", "--kelurahan", code, "--seed", "3", home=root / name)
        r = ok("city", "enroll", code, "--out", str(root / f"{name}.klasetup"), "--email", "dp3akb@example.go.id",
               "--json", home=city)
        info = json.loads(r.stdout)
        assert len(info["passphrase"]) == 29
        (root / f"{name}.pass").write_text(info["passphrase"])
        homes[name] = root / name
    # One by flag, one by environment variable (as a GUI or script would pass it).
    ok("setup", str(root / "a.klasetup"), "--passphrase", (root / "a.pass").read_text(), home=homes["a"])
    ok("setup", str(root / "b.klasetup"), home=homes["b"], env={"KLA_PASSPHRASE": (root / "b.pass").read_text()})
    return homes


def test_enrolment_output_tells_what_to_print(tmp_path: Path) -> None:
    city = tmp_path / "city"
    ok("init", "--role", "city", home=city)
    out = ok("city", "enroll", A, "--out", str(tmp_path / "s.klasetup"), home=city).stdout
    assert "Kata sandi" in out and "Sidik jari" in out and "kla setup" in out
    line = refused("setup", str(tmp_path / "s.klasetup"), "--passphrase", "salah", home=tmp_path / "kel")
    assert "Kata sandi salah" in line
    assert not (tmp_path / "kel" / "kla.sqlite").exists()


def test_full_cycle_two_kelurahan(offices: dict[str, Path], tmp_path: Path) -> None:
    city, a, b = offices["city"], offices["a"], offices["b"]
    stick = tmp_path / "stick"
    for home in (a, b):
        out = ok("export", "--out", str(stick), "--part-size", "15KB", "--eml", home=home).stdout
        assert "bagian" in out and "draf e-mail" in out and "dibaca ulang dan cocok" in out
    before = tables(city)
    dry = ok("import", str(stick), "--dry-run", home=city).stdout
    assert "uji coba" in dry and "baru" in dry
    # The sender by its name before its code ("— kelurahan 64.71.01.1001" named no one).
    assert f"— kelurahan Manggar ({A}), bagian 1/" in dry
    assert tables(city) == before
    mails = tmp_path / "mails"
    mails.mkdir()
    for e in stick.glob("*.eml"):
        shutil.copy(e, mails / e.name)
    imported = ok("import", str(mails), home=city).stdout
    assert "diimpor" in imported and "DITOLAK" not in imported
    again = ok("import", str(stick), home=city).stdout
    assert "sudah pernah diimpor" in again
    ok("review", "set", "--kelurahan", A, "--year", "2025", "--indicator", "3", "--state", "perlu_perbaikan",
       "--note", "Jumlah media belum diisi", home=city)
    rc = tmp_path / "rc"
    out = ok("receipt", "--out", str(rc), home=city).stdout
    assert out.count("Tanda terima") == 2
    # Both sides count a receipt alike, in words: all that DP3AKB has received from the unit (DP3AKB said
    # "84 item" while the kelurahan read "1 item diakui", two different numbers under one word).
    said = {code: re.search(r"DP3AKB sudah menerima \d+ item seluruhnya \(tanda terima pertama\)", line).group(0)
            for line in out.splitlines() for code in (A, B) if f"({code}) no. 1:" in line}
    assert len(said) == 2
    for home, code in ((a, A), (b, B)):
        got = ok("import", *map(str, rc.glob(f"*{code}*.kla")), home=home).stdout
        assert said[code] in got and "diakui" not in got
        if code == A:
            assert "Jumlah media belum diisi" in got
        assert "Tidak ada yang perlu dikirim" in ok("export", "--out", str(tmp_path / "none"), home=home).stdout
    ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", "media", "--value", "4", home=a)
    second = json.loads(ok("export", "--out", str(tmp_path / "r2"), "--json", home=a).stdout)
    assert second["items"] == 1 and second["files"] == 0
    got = ok("import", second["parts"][0]["file"], "--json", home=city).stdout
    assert json.loads(got)["files"][0]["counts"]["new"] + json.loads(got)["files"][0]["counts"]["changed"] == 1
    # The next receipt: what it holds in all, and the one item new since receipt no. 1, on both sides
    # (on copies: the workspaces of this module go on to the next tests as they were).
    city, a = shutil.copytree(city, tmp_path / "city2"), shutil.copytree(a, tmp_path / "a2")
    out = ok("receipt", "--kelurahan", A, "--out", str(tmp_path / "rc2"), home=city).stdout
    held = re.search(r"DP3AKB sudah menerima (\d+) item seluruhnya; 1 di antaranya baru atau berubah sejak tanda "
                     r"terima no\. 1", out)
    assert held, out
    got = ok("import", str(tmp_path / "rc2"), home=a).stdout
    assert held.group(0) + ". Tidak ada yang masih harus dikirim." in got
    city, a = offices["city"], offices["a"]
    hist = ok("history", home=a).stdout
    assert "kiriman" in hist and "tanda terima" in hist


def test_tampered_and_revoked_are_refused_with_one_line(offices: dict[str, Path], tmp_path: Path) -> None:
    root = offices["root"]
    city = tmp_path / "city"
    shutil.copytree(offices["city"], city)
    a = tmp_path / "a"
    shutil.copytree(offices["a"], a)
    part = json.loads(ok("export", "--out", str(tmp_path / "out"), "--json", home=a).stdout)["parts"][0]["file"]
    data = bytearray(Path(part).read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = tmp_path / "ubah.kla"
    bad.write_bytes(bytes(data))
    before = tables(city)
    r = kla("import", str(bad), home=city)
    assert r.returncode == 1
    assert "DITOLAK" in r.stdout and "rusak, terpotong, atau diubah" in r.stdout and "karantina" in r.stdout
    assert r.stderr.strip().count("\n") == 0 and "ditolak" in r.stderr
    # One file, refused: no "berkas lain tetap diproses" about other files that are not there.
    assert r.stderr.strip() == "kla: berkas ditolak; tidak ada yang diubah."
    assert tables(city) == before
    reasons = list((city / "quarantine").glob("*.alasan.txt"))
    assert len(reasons) == 1 and "diubah" in reasons[0].read_text(encoding="utf-8")
    # Every file of a folder refused: said so, not "berkas lain tetap diproses" (there were none).
    folder = tmp_path / "semua-rusak"
    folder.mkdir()
    shutil.copy(bad, folder / "ubah.kla")
    (folder / "kosong.kla").write_bytes(b"")
    r = kla("import", str(folder), "--dry-run", home=city)
    assert r.returncode == 1 and r.stderr.strip() == "kla: semua 2 berkas ditolak; tidak ada yang diubah."
    assert tables(city) == before
    ok("city", "revoke", A, "--reason", "laptop dicuri", home=city)
    before = tables(city)
    r = kla("import", part, home=city)
    assert r.returncode == 1 and "dicabut" in r.stdout
    assert tables(city) == before
    assert (root / "a.klasetup").exists()


def test_key_export_opens_bundle_with_age(offices: dict[str, Path], tmp_path: Path) -> None:
    if shutil.which("age") is None:
        pytest.skip("age is not installed (apt-get install -y age)")
    part = json.loads(ok("export", "--out", str(tmp_path / "out"), "--json", home=offices["a"]).stdout)
    ident = tmp_path / "dp3akb-identity.txt"
    ok("city", "key", "export", "--out", str(ident), home=offices["city"])
    r = subprocess.run(["age", "-d", "-i", str(ident), "-o", str(tmp_path / "b.zip"), part["parts"][0]["file"]],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    import zipfile

    assert "SHA256SUMS.sig" in zipfile.ZipFile(tmp_path / "b.zip").namelist()


def test_role_and_usage_errors(offices: dict[str, Path]) -> None:
    assert "DP3AKB" in refused("city", "enroll", B, "--out", "x.klasetup", home=offices["a"])
    assert kla("export", "--part-size", home=offices["a"]).returncode == 2
    assert "Ukuran" in refused("export", "--out", "x", "--part-size", "banyak", home=offices["a"])


def test_export_summary_names_the_indicators_sent_with_flags(tmp_path: Path) -> None:
    """Save and flag, never drop: a part above its whole is sent, and the summary says which indicator to check."""
    city, kel = tmp_path / "city", tmp_path / "kel"
    ok("demo", home=city)  # the demo city holds Manggar's own figures: the new workspace's entry is a conflict
    # --new-key: a plain setup file although DP3AKB holds Manggar's data (refused without it).
    info = json.loads(ok("city", "enroll", A, "--new-key", "--out", str(tmp_path / "a.klasetup"), "--json",
                         home=city).stdout)
    ok("setup", str(tmp_path / "a.klasetup"), "--passphrase", info["passphrase"], home=kel)
    for item, value in (("anak_total", "120"), ("anak_berakta", "130")):
        ok("entry", "set", "--year", "2026", "--indicator", "4", "--item", item, "--sex", "L", "--age", "1-4",
           "--value", value, home=kel)
    shown = ok("entry", "show", "--year", "2026", "--indicator", "4", home=kel).stdout
    assert "status: draf;" in shown and "Jumlah anak [anak_total]: 1/10 sel terisi (L/1-4=120)" in shown
    assert "Perhatian: “Anak yang memiliki akta kelahiran” (130) lebih besar dari “Jumlah anak” (120)" in shown
    with Store.open(kel, start_backup=False) as store:
        store.set_setting("device_name", "PC-KASI-PEM")
    out = ok("export", "--out", str(tmp_path / "stick"), home=kel).stdout
    assert "terkirim dengan angka bertanda yang perlu diperiksa: 4. " in out, out
    assert "anak_berakta" not in out and "anak_total" not in out
    data = json.loads(ok("export", "--out", str(tmp_path / "stick2"), "--json", home=kel).stdout)
    assert data["flagged"] == [{"data_year": 2026, "indicator": 4}]  # not acknowledged yet: sent again, flagged again
    assert list((tmp_path / "stick").glob("*.kla"))
    ok("import", str(tmp_path / "stick"), home=city)
    listed = ok("city", "conflicts", home=city).stdout
    assert "Kelurahan Manggar (64.71.01.1001): isian indikator 4 (data tahun 2026)" in listed, listed
    assert "entry/" not in listed and "kla city resolve" in listed
    assert "kiriman dari komputer PC-KASI-PEM," in listed, listed  # the PC's name, not digits of its id
    cid = json.loads(ok("city", "conflicts", "--json", home=city).stdout)[0]["id"]
    said = ok("city", "resolve", str(cid), "--keep", "incoming", home=city).stdout
    assert said.startswith(f"Konflik #{cid} (Kelurahan Manggar: isian indikator 4 (data tahun 2026)): versi kiriman "
                           "dipakai. Tanda terima berikutnya memberi tahu Kelurahan Manggar."), said
    assert "Tidak ada konflik." in ok("city", "conflicts", home=city).stdout
    assert "[versi kiriman dipakai]" in ok("city", "conflicts", "--all", home=city).stdout


def test_importing_ones_own_export_or_receipt_says_so(offices: dict[str, Path], tmp_path: Path) -> None:
    """A clerk who picks the export they just made (or DP3AKB its own receipt) is told what the file is
    and what to import instead, not that it was 'encrypted for another key'."""
    city = tmp_path / "city"
    shutil.copytree(offices["city"], city)
    a = tmp_path / "a"
    shutil.copytree(offices["a"], a)
    part = json.loads(ok("export", "--out", str(tmp_path / "out"), "--json", home=a).stdout)["parts"][0]["file"]
    before = tables(a)
    r = kla("import", part, home=a)
    assert r.returncode == 1
    assert "kiriman yang dibuat ruang kerja ini sendiri" in r.stdout and "Serahkan berkas itu ke DP3AKB" in r.stdout
    assert "kunci lain" not in r.stdout
    assert tables(a) == before and Path(part).exists()  # the file on the stick stays where it was
    ok("import", part, home=city)
    rc = tmp_path / "rc"
    ok("receipt", "--out", str(rc), home=city)
    receipt = next(rc.glob(f"*{A}*.kla"))
    before = tables(city)
    r = kla("import", str(receipt), home=city)
    assert r.returncode == 1 and "tanda terima yang dibuat ruang kerja ini sendiri" in r.stdout
    assert tables(city) == before
    # Someone else's file for another key still reads as before.
    b = tmp_path / "b"
    shutil.copytree(offices["b"], b)
    ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", "media", "--value", "7", home=b)
    b_part = json.loads(ok("export", "--out", str(tmp_path / "b-out"), "--json", home=b).stdout)["parts"][0]["file"]
    before = tables(a)
    r = kla("import", b_part, home=a)
    # Its name says whose it is and that only DP3AKB opens it (it said "dienkripsi untuk kunci lain").
    assert r.returncode == 1 and "ini kiriman kelurahan Baru Ilir (64.71.02.1001) untuk DP3AKB" in r.stdout
    assert f"tanda terima dari DP3AKB (KLA-tanda-terima-{A}-…)" in r.stdout and "kunci lain" not in r.stdout
    assert tables(a) == before


def test_a_stick_holding_ones_own_export_beside_the_receipt_imports_the_receipt(offices: dict[str, Path],
                                                                             tmp_path: Path) -> None:
    """The stick goes to DP3AKB and back: it holds the kelurahan's own export and DP3AKB's receipt
    (and DP3AKB's last receipt beside the next bundle). Importing the folder takes the other side's
    file and passes over the own one by name: not refused, not copied to the quarantine."""
    city = tmp_path / "city"
    shutil.copytree(offices["city"], city)
    a = tmp_path / "a"
    shutil.copytree(offices["a"], a)
    stick = tmp_path / "stick"
    ok("export", "--out", str(stick), home=a)
    ok("import", str(stick), home=city)
    ok("receipt", "--kelurahan", A, "--out", str(stick), home=city)
    r = ok("import", str(stick), home=a)
    assert "tanda terima DP3AKB" in r.stdout and "DP3AKB sudah menerima" in r.stdout, r.stdout
    assert "dibuat ruang kerja ini sendiri, dilewati" in r.stdout and "DITOLAK" not in r.stdout, r.stdout
    assert not list((a / "quarantine").glob("*")) if (a / "quarantine").exists() else True
    assert len(list(stick.glob("*.kla"))) == 2  # both files stay on the stick
    # Back at DP3AKB with the next bundle: its own receipt on the stick is passed over too.
    ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", "media", "--value", "9", home=a)
    ok("export", "--out", str(stick), home=a)
    r = ok("import", str(stick), home=city)
    assert "tanda terima yang dibuat ruang kerja ini sendiri" in r.stdout and "DITOLAK" not in r.stdout, r.stdout
    quarantine = city / "quarantine"
    assert not (quarantine.exists() and any(quarantine.iterdir()))


def test_export_to_a_file_instead_of_a_folder_says_so(offices: dict[str, Path], tmp_path: Path) -> None:
    a = tmp_path / "a"
    shutil.copytree(offices["a"], a)
    not_a_folder = tmp_path / "catatan.txt"
    not_a_folder.write_text("isi lama")
    for out in (not_a_folder, not_a_folder / "kiriman"):
        line = refused("export", "--out", str(out), home=a)
        assert f"{not_a_folder} adalah sebuah berkas, bukan folder" in line and "EEXIST" not in line
    assert not_a_folder.read_text() == "isi lama" and list(tmp_path.glob("catatan.txt*")) == [not_a_folder]
    assert ok("export", "--out", str(tmp_path / "stick"), home=a).returncode == 0  # the same items still go


def test_a_backup_older_than_the_last_receipt_says_to_import_that_receipt_again(offices: dict[str, Path],
                                                                                  tmp_path: Path) -> None:
    """A backup from before the last receipt, restored at the kelurahan: the store again knew only the older
    receipt, so 'kla export' said 'semua data sudah diterima DP3AKB' while DP3AKB held the newer value the
    restore had undone, and nothing was ever sent. Now the restore and the export both say to import the
    last receipt again; once it is, the restored value goes to DP3AKB (as a conflict: nothing rewinds)."""
    city, a = tmp_path / "city", tmp_path / "a"
    shutil.copytree(offices["city"], city)
    shutil.copytree(offices["a"], a)

    def cycle(value: str, n: int) -> Path:
        ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", "media", "--value", value, home=a)
        ok("export", "--out", str(tmp_path / f"e{n}"), home=a)
        ok("import", str(tmp_path / f"e{n}"), home=city)
        ok("receipt", "--kelurahan", A, "--out", str(tmp_path / f"r{n}"), home=city)
        ok("import", str(tmp_path / f"r{n}"), home=a)
        return tmp_path / f"r{n}"

    cycle("4", 1)
    ok("backup", "--out", str(tmp_path / "lama.sqlite"), home=a)
    last = cycle("5", 2)
    restored = ok("restore", str(tmp_path / "lama.sqlite"), home=a).stdout
    assert "Impor lagi tanda terima terakhir dari DP3AKB" in restored and "no. " in restored, restored
    out = ok("export", "--out", str(tmp_path / "e3"), home=a).stdout
    assert "semua data sudah diterima DP3AKB" not in out and "Impor lagi tanda terima terakhir" in out, out
    ok("import", str(last), home=a)
    out = ok("export", "--out", str(tmp_path / "e4"), home=a).stdout
    assert "Kiriman no." in out and "Impor lagi tanda terima" not in out, out
    assert "konflik" in ok("import", str(tmp_path / "e4"), home=city).stdout
    shown = ok("entry", "show", "--kelurahan", A, "--year", "2025", "--indicator", "3", home=city).stdout
    assert "[media]: 5" in shown  # DP3AKB keeps the newer value until someone chooses


def test_a_conflict_is_worded_for_the_kind_of_unit_that_sent_it(offices: dict[str, Path], tmp_path: Path) -> None:
    """Kota Balikpapan has kelurahan only: the import said "diubah di DP3AKB dan di desa/kelurahan"."""
    city, a = tmp_path / "city", tmp_path / "a"
    shutil.copytree(offices["city"], city)
    shutil.copytree(offices["a"], a)
    ok("export", "--out", str(tmp_path / "e1"), home=a)
    ok("import", str(tmp_path / "e1"), home=city)
    ok("entry", "set", "--kelurahan", A, "--year", "2025", "--indicator", "3", "--item", "media", "--value", "8",
       home=city)
    ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", "media", "--value", "9", home=a)
    ok("export", "--out", str(tmp_path / "e2"), home=a)
    out = ok("import", str(tmp_path / "e2"), home=city).stdout
    assert "konflik (diubah di DP3AKB dan di kelurahan)" in out and "desa/kelurahan" not in out, out


def test_a_folder_without_bundles_says_what_to_check(offices: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "kosong" / "Dokumen").mkdir(parents=True)
    out = ok("import", str(tmp_path / "kosong"), home=offices["city"]).stdout
    assert "Tidak ada berkas .kla atau .eml yang ditemukan" in out and "tiga tingkat" in out
    assert "Periksa apakah flashdisk atau folder yang dipilih benar" in out, out


def test_a_conflict_superseded_by_the_same_pcs_newer_export_is_listed_as_such(offices: dict[str, Path],
                                                                             tmp_path: Path) -> None:
    """'kla city conflicts --all' called a conflict closed by a newer export of the same PC '[versi kiriman
    dipakai]': that version was never used."""
    city, a = tmp_path / "city", tmp_path / "a"
    shutil.copytree(offices["city"], city)
    shutil.copytree(offices["a"], a)
    ok("export", "--out", str(tmp_path / "e0"), home=a)
    ok("import", str(tmp_path / "e0"), home=city)
    ok("entry", "set", "--kelurahan", A, "--year", "2025", "--indicator", "3", "--item", "media", "--value", "8",
       home=city)
    for n, value in ((1, "9"), (2, "10")):
        ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", "media", "--value", value, home=a)
        ok("export", "--out", str(tmp_path / f"e{n}"), home=a)
        ok("import", str(tmp_path / f"e{n}"), home=city)
    listed = ok("city", "conflicts", "--all", home=city).stdout
    assert listed.count("#") == 2 and "[diganti kiriman yang lebih baru dari komputer yang sama]" in listed, listed
    assert "[versi kiriman dipakai]" not in listed and "kiriman 10" in listed, listed


def test_a_part_size_without_a_unit_is_megabytes_and_a_tiny_one_is_refused(offices: dict[str, Path],
                                                                           tmp_path: Path) -> None:
    """``--part-size 1`` made one part per item, each "lebih besar dari batas" (1 byte): a clerk means 1 MB."""
    a = tmp_path / "a"
    shutil.copytree(offices["a"], a)
    line = refused("export", "--out", str(tmp_path / "x"), "--part-size", "1B", home=a)
    assert "terlalu kecil" in line and "angka tanpa satuan dibaca MB" in line
    assert not (tmp_path / "x").exists()  # nothing made for a refused export
    out = ok("export", "--out", str(tmp_path / "stick"), "--part-size", "1", "--json", home=a).stdout
    parts = json.loads(out)["parts"]
    assert len(parts) == 1 and not parts[0]["oversized"] and parts[0]["size"] < 1024 * 1024


def test_every_option_of_every_command_is_explained_in_indonesian() -> None:
    """98 options had no words in --help, and placeholders were English (--out OUT, --kelurahan KELURAHAN)."""
    import argparse

    from desktop.cli import build_parser

    bare, english = [], []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
                continue
            if action.dest == "help":
                continue
            if not action.help:
                bare.append(f"{path} {action.option_strings or action.dest}")
            shown = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
            if action.nargs != 0 and action.choices is None and shown in ("OUT", "KELURAHAN", "FILE", "PATH", "HOME",
                                                                          "OPERATOR", "CAPTION", "TITLE", "NAME"):
                english.append(f"{path} {action.option_strings or action.dest} {shown}")

    walk(build_parser(), "kla")
    assert bare == [] and english == []
    receipt = kla("receipt", "--help").stdout
    assert "--out FOLDER" in receipt and "setiap yang terdaftar" in receipt


def test_a_stick_name_under_media_with_no_stick_in_is_refused_not_made(tmp_path: Path) -> None:
    """The README's ``--out /media/flashdisk`` with the stick not plugged in made /media/flashdisk on the
    PC's own disk and reported the export as written."""
    import uuid

    from db.errors import KlaError
    from desktop.cli.common import out_folder

    assert out_folder(tmp_path / "stick") and (tmp_path / "stick").is_dir()  # an ordinary folder is made
    for root in ("/media", "/mnt"):
        if not Path(root).is_dir():
            continue
        name = Path(root) / f"flashdisk-{uuid.uuid4().hex[:8]}"
        with pytest.raises(KlaError) as err:
            out_folder(name)
        assert err.value.code == "dest_missing" and not name.exists()
