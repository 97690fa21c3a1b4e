"""Issue 14: the attacks of the hostile examination, each with real enrolled keys.

Every hostile file is built the way an enrolled kelurahan (or anyone who can encrypt to
DP3AKB) can build it: members rebuilt, SHA256SUMS recomputed, signed with the sender's own
key, encrypted to DP3AKB (``write_forged``). So what is tested is the importer's own
defences. A refusal must leave the whole store unchanged (every table), keep the file in
quarantine with its reason, and carry the right code.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from db import sync
from db.store import Store
from exports import bundle, evidence_pack, receipts, setup, spreadsheet, usb
from exports import email as kla_email
from exports.container import Limits, json_depth_ok, parse_json
from tests.exports.conftest import (
    KEL_A,
    KEL_B,
    city_recipient,
    dump,
    items_of,
    own_private,
    read_plain,
    write_forged,
)
from ui.messages import error_text, message


def export(store: Store, out: Path, **kw: object) -> bundle.ExportResult:
    return bundle.export_bundles(store, out, **kw)  # type: ignore[arg-type]


def imp(store: Store, *paths: Path, **kw: object) -> bundle.ImportResult:
    return bundle.import_paths(store, list(paths), describe=lambda e: f"ALASAN {e.code}", **kw)  # type: ignore[arg-type]


def refused(store: Store, path: Path, code: str, **kw: object) -> bundle.FileReport:
    """Import ``path``: refused with ``code``, nothing changed, the file and its reason in quarantine."""
    before = dump(store)
    res = imp(store, path, **kw)
    assert len(res.files) == 1
    rep = res.files[0]
    assert (rep.status, rep.reason_code) == ("refused", code), rep
    assert dump(store) == before
    q = Path(rep.quarantined)
    assert q.exists() and q.read_bytes() == path.read_bytes()
    reason = Path(str(q) + ".alasan.txt").read_text(encoding="utf-8")
    assert f"ALASAN {code}" in reason and "TIDAK dimasukkan" in reason
    assert hashlib.sha256(path.read_bytes()).hexdigest() in reason
    return rep


def records(m: dict[str, bytes]) -> list[dict]:
    return [json.loads(x) for x in m["records.jsonl"].splitlines()]


def put_records(m: dict[str, bytes], lines: list[dict]) -> None:
    m["records.jsonl"] = b"".join(sync.canonical(x).encode() + b"\n" for x in lines)


def forge(world, m: dict[str, bytes], path: Path, signer: Store | None = None, stored: bool = False) -> Path:
    """Rebuilt, re-summed, signed by ``signer`` (kelurahan A) and encrypted to DP3AKB; ``stored``:
    no compression (past the zip-bomb rules, to reach the parser)."""
    return write_forged(path, m, city_recipient(world.city), sign_with=own_private(signer or world.a),
                        compress=(lambda n: zipfile.ZIP_STORED) if stored else None)


def quarantine_files(store: Store) -> list[Path]:
    q = store.paths.quarantine
    return sorted(q.iterdir()) if q.exists() else []


# ---------------------------------------------------------------------------- 1. planted evidence


def test_planted_evidence_is_refused_and_never_kept(world, tmp_path: Path) -> None:
    """Kelurahan A sends other bytes under the hash of a real file (listed, signed, encrypted)."""
    city = world.city
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, city)
    member = next(n for n in m if n.startswith("evidence/"))
    sha = member.split("/", 1)[1]
    m[member] = b"%PDF-1.4 bukan Perda yang asli"
    bad = forge(world, m, tmp_path / "tanam.kla")
    rep = refused(city, bad, "evidence_hash_mismatch")
    assert rep.reason_params["sha"] == sha[:12]
    assert not city.paths.evidence_file(sha).exists()
    assert "tidak sama dengan sidik jari" in error_text(bundle.KlaError(rep.reason_code, **rep.reason_params))


def test_a_planted_file_already_under_the_hash_is_replaced_by_the_verified_one(world, tmp_path: Path) -> None:
    """Bytes that sit under a hash without hashing to it (planted before the fix, or rotted) do
    not stop the real file: kelurahan B's genuine copy replaces them, and DP3AKB ships that."""
    city, b = world.city, world.b
    ex = export(b, tmp_path / "b")
    m = read_plain(ex.parts[0].path, city)
    sha = next(n for n in m if n.startswith("evidence/")).split("/", 1)[1]
    planted = city.paths.evidence_file(sha)
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(b"X" * len(m[f"evidence/{sha}"]))
    rep = imp(city, ex.parts[0].path).files[0]
    assert rep.status == "imported", rep
    assert hashlib.sha256(planted.read_bytes()).hexdigest() == sha
    assert city.check().damaged_files == ()


@pytest.mark.parametrize("tamper", ["local_name", "one_byte"])
def test_a_zip_rebuilt_around_signed_sums_is_refused_as_damaged(world, tmp_path: Path, tamper: str) -> None:
    """SHA256SUMS signs the members, not the ZIP around them: anyone who can encrypt to DP3AKB can
    re-wrap a genuine bundle. A stored evidence member whose local header names another file, or
    whose bytes no longer match the ZIP's CRC, is refused as damaged before anything is kept."""
    import pyrage

    from exports import keys

    city = world.city
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, city)
    member = next(n for n in m if n.startswith("evidence/"))
    sha = member.split("/", 1)[1]
    wrapped = forge(world, m, tmp_path / "asli.kla", stored=True)
    ids = [keys.identity(k.age_identity) for k in city.sync.own_keys()]
    plain = bytearray(pyrage.decrypt(wrapped.read_bytes(), ids))
    at = plain.find(member.encode())  # the first mention is the member's local header
    assert plain[at - 30:at - 26] == b"PK\x03\x04"
    if tamper == "local_name":
        plain[at + len(member) - 1] ^= 0x01  # still a hex digit, another name
    else:
        plain[at + len(member) + 10] ^= 0xFF  # inside the file's bytes
    bad = tmp_path / "bungkus.kla"
    bad.write_bytes(pyrage.encrypt(bytes(plain), [keys.recipient(city_recipient(city))]))
    refused(city, bad, "bundle_damaged")
    assert not city.paths.evidence_file(sha).exists()
    assert all(f.status == "imported" for f in imp(city, wrapped).files)  # the genuine one still goes in


# ---------------------------------------------------------------------------- 2. never overwritten


def test_two_pcs_of_one_kelurahan_export_to_one_stick_on_one_day(world, tmp_path: Path) -> None:
    """A second PC installed from the same kind of setup file: both bundles stay on the stick."""
    city = world.city
    r = setup.enroll(city, KEL_A, tmp_path / "pc2.klasetup")
    setup.install(tmp_path / "pc2", r.path, r.passphrase)
    stick = tmp_path / "stick"
    with Store.open(tmp_path / "pc2", operator="pc2") as pc2:
        pc2.set_value(None, 2025, 3, "media", 7)
        one = export(world.a, stick)
        two = export(pc2, stick)
    names = {p.path.name for p in (*one.parts, *two.parts)}
    assert len(names) == len(one.parts) + len(two.parts)
    for p in (*one.parts, *two.parts):
        assert hashlib.sha256(p.path.read_bytes()).hexdigest() == p.sha256  # each as it was written
    assert all(f.status == "imported" for f in imp(city, stick).files)


def test_two_pcs_with_one_setup_file_are_told_even_when_one_pc_clock_is_wrong(
        world, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Office PCs' clocks are often wrong. Kelurahan A's workspace copied to a second PC whose clock
    runs a day ahead: DP3AKB receives PC 1, PC 2, then PC 1 again, and is told both are in use,
    by the order it received them, not by the dates the PCs wrote on their bundles."""
    from exports import manifest

    city = world.city
    world.a.close()
    shutil.copytree(tmp_path / "a", tmp_path / "a2")
    world.stores["a"] = pc1 = Store.open(tmp_path / "a", operator="op-a")
    pc2 = Store.open(tmp_path / "a2", operator="op-a2")  # a copy: a sending device of its own
    try:
        assert pc2.device_id != pc1.device_id
        pc1.set_value(None, 2025, 3, "media", 1)
        first = imp(city, export(pc1, tmp_path / "s1").parts[0].path).files[0]
        assert first.status == "imported" and not first.shared_key
        pc2.set_value(None, 2025, 3, "media", 2)
        real = manifest.now_iso
        monkeypatch.setattr(manifest, "now_iso", lambda: "2099-01-01T00:00:00.000+00:00")  # PC 2's clock
        second = imp(city, export(pc2, tmp_path / "s2").parts[0].path).files[0]
        monkeypatch.setattr(manifest, "now_iso", real)
        assert second.status == "imported" and second.shared_key["concurrent"] is False  # maybe a reinstall
        pc1.set_value(None, 2025, 3, "media", 3)
        third = imp(city, export(pc1, tmp_path / "s3").parts[0].path).files[0]
        assert third.status == "imported", third
        assert third.shared_key["concurrent"] is True
        assert {d["device_id"] for d in third.shared_key["others"]} == {pc2.device_id}
    finally:
        pc2.close()


def test_the_writer_never_replaces_a_different_file(tmp_path: Path) -> None:
    dest = tmp_path / "KLA-x.kla"
    dest.write_bytes(b"the only copy of a value")
    with pytest.raises(usb.KlaError) as exc:
        usb.write_verified(dest, lambda w: w.write(b"something else") and None)
    assert exc.value.code == "dest_exists"
    assert dest.read_bytes() == b"the only copy of a value"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["KLA-x.kla"]
    # The very same bytes again: nothing to do, not an error.
    assert usb.write_verified(dest, lambda w: w.write(b"the only copy of a value") and None)[1] == 24


def test_the_writer_never_replaces_on_a_stick_without_hard_links(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT32/exFAT have no hard links: the name is reserved with an exclusive create instead."""
    import errno

    def no_links(*a: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    new = tmp_path / "baru.kla"
    usb.write_verified(new, lambda w: w.write(b"abc") and None)
    assert new.read_bytes() == b"abc"
    with pytest.raises(usb.KlaError) as exc:
        usb.write_verified(new, lambda w: w.write(b"xyz") and None)
    assert exc.value.code == "dest_exists" and new.read_bytes() == b"abc"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baru.kla"]


# ---------------------------------------------------------------------------- 4/5. spreadsheets


HOSTILE_TEXT = "=cmd|' /C calc'!A0"
PASTED = "Rapat\x00 forum\x0b anak\x0c (dari Word)"


def test_workbook_survives_pasted_controls_and_keeps_formulas_as_text(world, tmp_path: Path) -> None:
    a = world.a
    doc = tmp_path / "notulen.pdf"
    doc.write_bytes(b"%PDF-1.4 notulen")
    ev = a.add_evidence(None, doc, links=[(2025, 6)], kind="minutes", caption=HOSTILE_TEXT).record
    a.add_activity(None, 2025, PASTED, description='=HYPERLINK("http://x.example/a","klik")', indicators=[6],
                   evidence_ids=[ev.id])
    a.add_facility(None, "+SUM(A1:A9)", "rbra", address="@SUM(1)", notes="-2+3")
    out = spreadsheet.write_xlsx(spreadsheet.collect_workbook(a, 2025), tmp_path / "kel.xlsx")
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in s for s in sheets), "a text became a formula"
    from openpyxl import load_workbook

    wb = load_workbook(out, read_only=True)
    texts = [c for ws in wb for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert HOSTILE_TEXT in texts and "Rapat  forum  anak  (dari Word)" in texts
    assert '=HYPERLINK("http://x.example/a","klik")' in texts and "+SUM(A1:A9)" in texts


def test_city_workbook_is_made_despite_a_pasted_control_character(world, tmp_path: Path) -> None:
    city = world.city
    assert imp(city, export(world.a, tmp_path / "a").parts[0].path).files[0].status == "imported"
    a_act = world.a.add_activity(None, 2025, "Lomba\x0bgambar", indicators=[6]).record
    assert imp(city, export(world.a, tmp_path / "a2").parts[0].path).files[0].status == "imported"
    assert any(x.id == a_act.id for x in city.activities(KEL_A))
    out = spreadsheet.write_xlsx(spreadsheet.collect_workbook(city, 2025), tmp_path / "kota.xlsx")
    assert out.exists()


def test_evidence_pack_index_csv_runs_nothing_and_names_are_safe_on_windows(world, tmp_path: Path) -> None:
    a = world.a
    for name, caption in (("CON", "=1+1"), ("aux.txt", "+cmd"), ("foto\u202egpj.exe", "@SUM(1)"),
                          ("laporan. ", "\tTAB"), ("nul.pdf", "-HYPERLINK(1)")):
        f = tmp_path / "src" / f"{len(caption)}-{abs(hash(name))}"
        f.parent.mkdir(exist_ok=True)
        data = b"%PDF-1.4 " + name.encode() if name.endswith(".pdf") else name.encode() * 3
        f.write_bytes(data)
        a.add_evidence(None, f, links=[(2025, 6)], kind="other", caption=caption, original_name=name)
    res = evidence_pack.write_pack(a, 2025, tmp_path / "paket.zip")
    with zipfile.ZipFile(res.path) as z:
        names = z.namelist()
        csv_text = z.read("daftar-isi.csv").decode("utf-8-sig")
    reserved = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
    for n in names:
        for part in n.split("/"):
            assert part.split(".")[0].upper() not in reserved, n
            assert part == part.rstrip(" ."), n
            assert not any(ch in part for ch in "\u202e\u202d\u2066\u2067\u2068\u2069\x00"), n
    import csv
    import io

    rows = list(csv.reader(io.StringIO(csv_text)))[1:]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'=1+1" in {r[8] for r in rows}


# ---------------------------------------------------------------------------- 6. deep nesting


def test_depth_check_is_linear_and_ignores_brackets_in_strings() -> None:
    assert json_depth_ok(b'{"a": "[[[[[[[[[[[[[[[[[[[[[["}', 2)
    assert json_depth_ok(b'{"a": "\\"[[[[[[[[[[[[[[[[[["}', 2)
    assert not json_depth_ok(b"[" * 100_000 + b"]" * 100_000, 32)
    assert not json_depth_ok(b"[" * 100_000, 32)  # never closed: the parser would still recurse
    with pytest.raises(json.JSONDecodeError):
        parse_json(b"1" * 10_000)  # beyond Python's digit limit: a ValueError that is not JSONDecodeError


@pytest.mark.parametrize("where", ["manifest", "records"])
def test_deeply_nested_json_is_refused_cleanly(world, tmp_path: Path, where: str) -> None:
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, world.city)
    deep = b"[" * 100_000 + b"]" * 100_000
    if where == "manifest":
        man = json.loads(m["manifest.json"])
        m["manifest.json"] = json.dumps(man).encode()[:-1] + b', "x": ' + deep + b"}"
        name = "manifest.json"
    else:
        m["records.jsonl"] = deep + b"\n" + m["records.jsonl"]
        name = "records.jsonl"
    rep = refused(world.city, forge(world, m, tmp_path / "dalam.kla", stored=True), "bundle_damaged")
    assert rep.reason_params == {"detail": "json_too_deep", "name": name}


def test_deep_receipt_at_the_kelurahan_is_refused(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    imp(city, export(a, tmp_path / "a").parts[0].path)
    ra = receipts.write_receipts(city, tmp_path / "ra", KEL_A)[0].path
    import io

    import pyrage

    from exports import keys

    ids = [keys.identity(k.age_identity) for k in a.sync.own_keys()]
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(ra.read_bytes(), ids))) as zf:
        m = {n: zf.read(n) for n in zf.namelist()}
    m["receipt.json"] = b'{"held": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    bad = write_forged(tmp_path / "kuitansi-dalam.kla", m, a.sync.own_keys()[-1].age_recipient,
                       sign_with=own_private(city), compress=lambda n: zipfile.ZIP_STORED)
    rep = refused(a, bad, "bundle_damaged")
    assert rep.reason_params["detail"] == "json_too_deep"


def _nested_eml(depth: int, attachment: bytes) -> bytes:
    import base64

    parts = []
    for i in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n'.encode())
    body = (b'Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="KLA-x.kla"\n'
            b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(attachment))
    tail = b"".join(f"\n--b{i}--\n".encode() for i in reversed(range(depth)))
    return b"From: a@b\nTo: c@d\nSubject: x\nMIME-Version: 1.0\n" + b"".join(parts) + body + tail


def test_deeply_nested_email_is_refused_and_the_good_bundle_beside_it_imports(world, tmp_path: Path) -> None:
    city = world.city
    good = export(world.a, tmp_path / "a").parts[0].path
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "bersarang.eml").write_bytes(_nested_eml(2000, good.read_bytes()))
    (stick / "tiga-lapis.eml").write_bytes(_nested_eml(3, good.read_bytes()))  # a real forwarded mail: fine
    shutil.copy(good, stick / good.name)
    before = items_of(city, KEL_A)
    res = imp(city, stick)
    by = {Path(f.path).name.split(":")[0]: f for f in res.files}
    assert by["bersarang.eml"].reason_code == "email_too_complex"
    assert Path(by["bersarang.eml"].quarantined).exists()
    assert by[good.name].status == "imported"
    assert by["tiga-lapis.eml"].status == "duplicate"  # opened, checked, already imported from the .kla
    assert items_of(city, KEL_A) != before


def test_a_mime_tree_nested_under_the_header_count_is_still_bounded(world, tmp_path: Path) -> None:
    eml = tmp_path / "x.eml"
    eml.write_bytes(_nested_eml(20, b"age-encryption.org/v1\n"))
    rep = imp(world.city, eml, limits=Limits(max_mime_multiparts=64, max_mime_depth=8)).files[0]
    assert rep.reason_code == "email_too_complex"


# ---------------------------------------------------------------------------- 9. quarantine


def test_quarantine_keeps_big_files_as_a_reason_and_a_re_import_adds_no_copy(world, good_file: Path) -> None:
    city = world.city
    limits = Limits(max_file=1000, quarantine_keep=1000)
    rep = imp(city, good_file, limits=limits).files[0]
    assert rep.reason_code == "bundle_too_large"
    reason = Path(rep.quarantined)
    assert reason.name.endswith(".alasan.txt")
    text = reason.read_text(encoding="utf-8")
    assert hashlib.sha256(good_file.read_bytes()).hexdigest() in text
    assert f"Ukuran: {good_file.stat().st_size} bita" in text
    assert [p for p in quarantine_files(city) if not p.name.endswith(".alasan.txt")] == []
    again = imp(city, good_file, limits=limits).files[0]
    assert again.quarantined == rep.quarantined and len(quarantine_files(city)) == 1
    assert reason.read_text(encoding="utf-8").count("Ditolak lagi") == 1


def test_a_small_refused_file_is_copied_once(world, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.kla"
    bad.write_bytes(b"age-encryption.org/v1\n" + bytes(300))
    first = refused(world.city, bad, "bundle_damaged")
    second = imp(world.city, bad).files[0]
    assert second.quarantined == first.quarantined
    assert len(quarantine_files(world.city)) == 2  # one copy, one reason


@pytest.fixture
def good_file(world, tmp_path: Path) -> Path:
    return export(world.a, tmp_path / "good").parts[0].path


# ---------------------------------------------------------------------------- 12. names and links on the stick


def test_undecodable_names_and_links_on_a_stick(world, tmp_path: Path, good_file: Path) -> None:
    city = world.city
    stick = tmp_path / "stick"
    stick.mkdir()
    odd = os.fsdecode(b"KLA-\xff\xfe-rusak.kla")
    (stick / odd).write_bytes(b"bukan kiriman")
    secret = tmp_path / "sistem" / "shadow"
    secret.parent.mkdir()
    secret.write_bytes(b"root:rahasia")
    (stick / "KLA-tautan.kla").symlink_to(secret)
    (stick / "folder-tautan").symlink_to(secret.parent, target_is_directory=True)
    shutil.copy(good_file, stick / good_file.name)
    res = imp(city, stick)
    by = {Path(f.path).name: f for f in res.files}
    assert by[good_file.name].status == "imported"
    link = by["KLA-tautan.kla"]
    assert link.reason_code == "import_not_a_file"
    odd_rep = next(f for n, f in by.items() if n.startswith("KLA-\ufffd"))
    assert odd_rep.status == "refused" and odd_rep.reason_code == "bundle_not_kla"
    json.dumps([f.__dict__ for f in res.files], ensure_ascii=False).encode("utf-8")  # printable everywhere
    kept = b"".join(p.read_bytes() for p in quarantine_files(city))
    assert b"root:rahasia" not in kept, "a link was followed into quarantine"
    assert len(res.files) == 3  # the linked folder is not searched


# ---------------------------------------------------------------------------- 13. resource limits


def test_records_per_bundle_are_counted_before_anything_is_applied(world, tmp_path: Path) -> None:
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, world.city)
    n = len(records(m))
    rep = refused(world.city, forge(world, m, tmp_path / "banyak.kla"), "bundle_zip_bomb",
                  limits=Limits(max_items=n - 1))
    assert rep.reason_params["detail"] == "too_many_records" and rep.reason_params["count"] >= n


def test_many_members_under_the_ratio_floor_are_refused_from_the_directory(world, tmp_path: Path) -> None:
    """The examination's 300 x 1 MiB: here 40 members of 1 MiB of zeros (each ~1 KB deflated)."""
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, world.city)
    for i in range(40):
        m[f"evidence/{hashlib.sha256(str(i).encode()).hexdigest()}"] = bytes(1024 * 1024)
    rep = refused(world.city, forge(world, m, tmp_path / "bom.kla"), "bundle_zip_bomb")
    assert rep.reason_params["detail"] == "ratio"
    # Members each under the floor: the total expansion rule.
    m2 = {n: d for n, d in read_plain(export(world.a, tmp_path / "a2").parts[0].path, world.city).items()
          if not n.startswith("evidence/")}
    for i in range(40):
        m2[f"evidence/{hashlib.sha256(str(i).encode()).hexdigest()}"] = bytes(60 * 1024)
    rep = refused(world.city, forge(world, m2, tmp_path / "bom2.kla"), "bundle_zip_bomb",
                  limits=Limits(expansion_floor=1024 * 1024))
    assert rep.reason_params["detail"] == "total_too_large"
    assert not any((world.city.paths.tmp).glob("stage-*")), "nothing was inflated into tmp/"


# ---------------------------------------------------------------------------- 14. smaller


def test_email_parts_fit_the_presets_once_encoded(world, tmp_path: Path) -> None:
    a = world.a
    for i in range(3):
        f = tmp_path / f"scan-{i}.pdf"
        f.write_bytes(b"%PDF-1.4\n" + os.urandom(4 * 1024 * 1024))
        a.add_evidence(None, f, links=[(2025, 3)], kind="data_table")
    gov = kla_email.preset("go_id")
    ex = export(a, tmp_path / "out", eml=True, mail_limit=gov.message_bytes)
    assert len(ex.eml) == len(ex.parts) >= 2
    for e in ex.eml:
        assert e.stat().st_size <= gov.message_bytes, e
    assert [p.key for p in kla_email.MAIL_PRESETS] == ["gmail", "go_id"]
    assert kla_email.part_size_for(25_000_000) < 20 * 1024 * 1024 < 25_000_000
    assert kla_email.encoded_size(57) == 78


def test_the_other_kelurahan_refusal_names_the_two_the_right_way_round(world, tmp_path: Path) -> None:
    city = world.city
    imp(city, export(world.b, tmp_path / "b").parts[0].path)
    b_act = city.activities(KEL_B)[0]
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, city)
    lines = records(m)
    act = next(x for x in lines if x["key"].startswith("activity/"))
    act["key"], act["data"]["id"] = f"activity/{b_act.id}", b_act.id
    act["hash"] = sync.item_hash(act["key"], act["data"])
    put_records(m, lines)
    rep = refused(city, forge(world, m, tmp_path / "lintas.kla"), "bundle_other_kelurahan")
    text = message(rep.reason_code, **rep.reason_params)
    assert f"ditandatangani kelurahan Manggar ({KEL_A}) tetapi menyangkut data kelurahan Lamaru ({KEL_B})" in text
    assert "activity/" not in text
    # A manifest that claims B, signed by A: the same words, the same way round.
    m = read_plain(export(world.a, tmp_path / "a3").parts[0].path, city)
    man = json.loads(m["manifest.json"])
    man["kelurahan"]["code"] = KEL_B
    m["manifest.json"] = json.dumps(man).encode()
    rep = refused(city, forge(world, m, tmp_path / "klaim.kla"), "bundle_other_kelurahan")
    assert f"ditandatangani kelurahan Manggar ({KEL_A}) tetapi menyangkut data kelurahan Lamaru ({KEL_B})" in \
        message(rep.reason_code, **rep.reason_params)


def test_random_bytes_named_pdf_in_a_bundle_are_refused(world, tmp_path: Path) -> None:
    city = world.city
    m = read_plain(export(world.a, tmp_path / "a").parts[0].path, city)
    lines = records(m)
    ev = next(x for x in lines if x["key"].startswith("evidence/") and x["data"]
              and f"evidence/{x['data']['sha256']}" in m)
    junk = os.urandom(5000)
    sha = hashlib.sha256(junk).hexdigest()
    del m[f"evidence/{ev['data']['sha256']}"]
    m[f"evidence/{sha}"] = junk
    ev["data"].update(sha256=sha, size=len(junk), mime="application/pdf", original_name="sk-palsu.pdf")
    ev["hash"] = sync.item_hash(ev["key"], ev["data"])
    put_records(m, lines)
    rep = refused(city, forge(world, m, tmp_path / "pdf-palsu.kla"), "bundle_item_invalid")
    assert rep.reason_params["detail"] == "content_mismatch" and rep.reason_params["name"] == "sk-palsu.pdf"
    assert not city.paths.evidence_file(sha).exists()


def test_messages_at_the_kelurahan_are_meant_for_the_kelurahan(world, tmp_path: Path) -> None:
    a, city = world.a, world.city
    imp(city, export(a, tmp_path / "a").parts[0].path)
    ra = receipts.write_receipts(city, tmp_path / "ra", KEL_A)[0].path
    import io

    import pyrage

    from exports import keys

    ids = [keys.identity(k.age_identity) for k in a.sync.own_keys()]
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(ra.read_bytes(), ids))) as zf:
        m = {n: zf.read(n) for n in zf.namelist()}
    stranger = keys.generate()
    man = json.loads(m["manifest.json"])
    man["signer"]["key_id"] = stranger.key_id
    m["manifest.json"] = json.dumps(man).encode()
    bad = write_forged(tmp_path / "asing.kla", m, a.sync.own_keys()[-1].age_recipient,
                       sign_with=stranger.sign_private)
    rep = refused(a, bad, "receipt_sender_unknown")
    text = message(rep.reason_code, **rep.reason_params)
    assert "Daftarkan" not in text and "DP3AKB" in text
    junk = tmp_path / "rusak.kla"
    junk.write_bytes(b"age-encryption.org/v1\n" + bytes(100))
    rep = refused(a, junk, "bundle_damaged")
    assert "kelurahan" not in message(rep.reason_code, **rep.reason_params)


def test_no_milik_city_and_no_english_system_text(world, tmp_path: Path) -> None:
    r = setup.enroll(world.city, KEL_B, tmp_path / "b2.klasetup")
    with pytest.raises(bundle.KlaError) as exc:
        setup.install(world.root / "city", r.path, r.passphrase)
    text = error_text(exc.value)
    assert "milik DP3AKB" in text and "city" not in text
    with pytest.raises(bundle.KlaError) as exc:
        setup.install(world.root / "a", r.path, r.passphrase)
    assert f"milik kelurahan Manggar ({KEL_A})" in error_text(exc.value)
    for code, detail, words in (("file_copy_failed", "[Errno 28] No space left on device", "disk penuh"),
                                ("backup_failed", "[Errno 13] Permission denied: '/x'", "tidak diizinkan"),
                                ("bundle_damaged", "File is not a zip file", "kesalahan sistem")):
        text = message(code, path="/x", detail=detail)
        assert words in text and detail not in text, text
    assert "(keterangan kiriman)" in message("bundle_damaged", detail="manifest.json")  # the member in words
    import errno

    err = usb._os_error(OSError(errno.EBUSY, "Device or resource busy"), Path("/media/x"))
    assert "Device" not in error_text(err) and "EBUSY" in error_text(err)


@pytest.mark.parametrize("attack", ["unsafe_name", "signed_by_another_unit", "changed_after_signing", "bomb"])
def test_every_refusal_of_a_hostile_bundle_says_nothing_changed_and_what_to_do(world, tmp_path: Path,
                                                                             attack: str) -> None:
    """A path in the ZIP, another unit's signature, a member changed after signing, a zip bomb: the officer
    read "Ditolak." or "Ditolak tanpa dibuka." and nothing more. Each now says that nothing changed and
    asks for a new bundle."""
    good = export(world.a, tmp_path / "good").parts[0].path
    m = read_plain(good, world.city)
    if attack == "unsafe_name":
        m["../../evil.txt"] = b"x"
        path, code = forge(world, m, tmp_path / "jalur.kla"), "bundle_unsafe_name"
    elif attack == "signed_by_another_unit":
        path, code = forge(world, m, tmp_path / "tanda.kla", signer=world.b), "bundle_signature_bad"
    elif attack == "changed_after_signing":
        m["records.jsonl"] = m["records.jsonl"] + b"\n"  # under the sums and signature as they were
        path = write_forged(tmp_path / "ubah.kla", m, city_recipient(world.city), resum=False)
        code = "bundle_hash_mismatch"
    else:
        m["records.jsonl"] = b" " * (40 * 1024 * 1024)
        path, code = forge(world, m, tmp_path / "bom.kla"), "bundle_zip_bomb"
    rep = refused(world.city, path, code)
    said = message(rep.reason_code, **rep.reason_params)
    assert "tidak ada yang diubah" in said and "inta pengirimnya membuat kiriman baru" in said, said


@pytest.mark.parametrize("code,params,step", [
    ("bundle_sender_revoked", {"key": "5D2C-105B-669B-4D60", "code": KEL_A, "at": "2026-12-02"},
     "memasang berkas pemasangan baru"),
    ("bundle_other_kelurahan", {"key": "evidence/x", "owner": KEL_B, "kelurahan": KEL_A, "what": "data dukung"},
     "membuat kiriman baru dari ruang kerjanya"),
    ("bundle_wrong_place", {"type": "receipt", "role": "city"}, "impor berkas itu di ruang kerja yang dituju"),
    ("receipt_other_kelurahan", {"code": KEL_B, "own": KEL_A}, "Impor tanda terima yang dibuat DP3AKB untuk"),
])
def test_the_other_refusals_say_nothing_changed_and_what_to_do(code: str, params: dict, step: str) -> None:
    said = message(code, **params)
    assert ("tidak ada yang diubah" in said or "Tidak ada yang diubah" in said) and step in said, said
