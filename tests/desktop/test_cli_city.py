"""``kla city chase / deadline / contact / kelana / figures / indicator2 / verify-handover`` (issue 10)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.store import Store
from desktop.cli import main

A, B = "64.71.01.1001", "64.71.01.1002"


@pytest.fixture
def city(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    s = Store.create(home, "city", operator="Admin")
    for kel, dekela in ((A, "dekela"), (B, "belum")):
        s.set_value(kel, 2026, 2, "status_dekela", dekela)
        s.set_value(kel, 2026, 19, "satuan_pendidikan", 10)
        s.set_value(kel, 2026, 19, "sekolah_sra", 4 if kel == A else 3)
    s.close()
    return home


def run(capsys: pytest.CaptureFixture, home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_chase_deadline_contact_and_reminder(city: Path, capsys: pytest.CaptureFixture) -> None:
    assert run(capsys, city, "city", "deadline", "31-03-2027", "--period", "2027")[1].strip() == \
        "Batas waktu kiriman evaluasi 2027: 31 Maret 2027."
    code, out, _ = run(capsys, city, "city", "contact", A, "--name", "Bu Rina", "--phone", "0812-1")
    assert code == 0 and "Bu Rina, 0812-1" in out
    code, out, _ = run(capsys, city, "--json", "city", "chase", "--period", "2027")
    data = json.loads(out)
    assert code == 0 and data["deadline"] == "2027-03-31" and len(data["rows"]) == 34
    rows = {r["kelurahan"]: r for r in data["rows"]}
    assert rows[A]["state"] in ("silent", "late_silent") and rows[A]["contact"]["name"] == "Bu Rina"
    assert "Yth. Bu Rina," in rows[A]["reminder"]
    code, out, _ = run(capsys, city, "city", "chase", "--reminder", "Manggar", "--period", "2027")
    assert out.startswith("Yth. Bu Rina,") and "31 Maret 2027" in out
    code, out, _ = run(capsys, city, "city", "chase", "--period", "2027")
    assert "Manggar" in out and "Belum mengirim" in out or "Lewat batas" in out
    pdf = city.parent / "pengingat.pdf"
    assert run(capsys, city, "city", "chase", "--out", str(pdf))[0] == 0 and pdf.read_bytes()[:5] == b"%PDF-"


def test_kelana_figures_and_indicator2(city: Path, capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    sk = tmp_path / "sk.pdf"
    sk.write_bytes(b"%PDF-1.4 sk")
    code, out, _ = run(capsys, city, "city", "kelana", "Balikpapan Timur", "--year", "2026", "--status", "kelana",
                       "--sk-number", "188/1/2026", "--sk-date", "3-3-2026", "--file", str(sk))
    assert code == 0 and "Balikpapan Timur       KELANA" in out and "1 berkas" in out
    code, out, _ = run(capsys, city, "--json", "city", "indicator2", "--year", "2026")
    data = json.loads(out)
    assert data["dekela/2026"]["counted"] == [A] and data["kelana/2026"]["counted"] == ["64.71.01"]
    code, out, _ = run(capsys, city, "city", "figures", "--year", "2026", "--indicator", "19")
    assert "Persentase SRA" in out and "35,0% (7/20) [2/34]" in out
    dest = tmp_path / "angka.csv"
    assert run(capsys, city, "city", "figures", "--year", "2026", "--out", str(dest))[0] == 0
    with open(dest, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert {r[0] for r in rows[1:]} == {"Kota", "Kecamatan", "Kelurahan"}


def test_verify_handover_refuses_an_unknown_code(city: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(capsys, city, "city", "verify-handover", "0123456789abcdef")
    assert code == 1 and out.startswith("TIDAK COCOK")
    code, _, err = run(capsys, city, "city", "verify-handover", "abc")
    assert code == 1 and "terlalu pendek" in err


def test_enroll_of_a_unit_dp3akb_holds_data_of_is_refused_before_anything_is_written(
        city: Path, capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    """Its setup file installs an empty workspace whose exports conflict with what DP3AKB holds. The window
    asks first (default: the restore file); the command wrote the file and enrolled the key, then warned.
    Now it refuses with nothing written, says what to do (kla city restore, or --new-key for the old
    workspace); a unit DP3AKB holds nothing of, and a restore, are neither refused nor warned."""
    out_dir = tmp_path / "stick"
    out_dir.mkdir()

    def keys() -> int:
        with Store.open(city, start_backup=False) as s:
            return len(s.sync.peer_keys(include_revoked=True))

    code, out, err = run(capsys, city, "city", "enroll", A, "--out", str(out_dir), "--email", "dp3akb@x.go.id")
    assert code == 1 and out == ""
    assert err.startswith("kla: Tidak ada yang ditulis: DP3AKB sudah menyimpan 2 item data Kelurahan Manggar")
    assert f"kla city restore {A} --out FOLDER" in err and "--new-key" in err and "{" not in err
    assert list(out_dir.iterdir()) == [] and keys() == 0
    with Store.open(city, start_backup=False) as s:
        assert not s.setting("dp3akb_email")  # nothing written, not even the option given with it
    code, out, _ = run(capsys, city, "--json", "city", "enroll", A, "--out", str(out_dir))
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and data["error"]["code"] == "enrol_held_data"
    assert data["error"]["params"] == {"code": A, "name": "Manggar", "count": 2}
    assert "kla city restore" in data["error"]["message"] and list(out_dir.iterdir()) == [] and keys() == 0
    # Told what it means, the officer confirms a fresh key for the old workspace: written, and still warned.
    code, out, _ = run(capsys, city, "--json", "city", "enroll", A, "--new-key", "--out", str(out_dir))
    data = json.loads(out)
    assert code == 0 and data["held_items"] == 2 and "kla city restore" in data["warnings"][0]
    assert Path(data["file"]).exists() and keys() == 1
    # Its key revoked (a laptop lost), the way back is the restore file, not the command refused above.
    code, out, _ = run(capsys, city, "city", "revoke", A, "--reason", "laptop hilang")
    assert code == 0 and f"kla city restore {A} --out FOLDER" in out and "kla city enroll" not in out
    code, out, _ = run(capsys, city, "city", "enroll", "64.71.01.1003", "--out", str(tmp_path))
    assert code == 0 and "Perhatian" not in out and "kla city restore" not in out
    # Enrolled now: another plain enrol would make a second key while the first stays valid. The window
    # asks first; the command refuses with nothing written and says how (--new-key) and what it means.
    files, before = sorted(tmp_path.iterdir()), keys()
    code, out, err = run(capsys, city, "city", "enroll", "64.71.01.1003", "--out", str(tmp_path))
    assert code == 1 and out == "" and err.startswith("kla: Tidak ada yang ditulis: Kelurahan ")
    assert "sudah terdaftar (kunci aktif " in err and "kunci lama tetap aktif sampai dicabut" in err
    assert "--new-key" in err and "{" not in err and sorted(tmp_path.iterdir()) == files and keys() == before
    code, out, _ = run(capsys, city, "city", "enroll", "64.71.01.1003", "--new-key", "--out", str(tmp_path))
    assert code == 0 and keys() == before + 1
    code, out, _ = run(capsys, city, "city", "restore", A, "--out", str(tmp_path))
    assert code == 0 and "Perhatian" not in out
