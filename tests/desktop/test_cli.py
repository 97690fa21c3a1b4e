"""The kla command line, driven as a support person would: through subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.demo import make_png
from tests.db.conftest import KEL

ROOT = Path(__file__).resolve().parents[2]


def kla(*args: str, home: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    full_env.update(env or {})
    cmd = [sys.executable, "-m", "desktop.cli", *args]
    if home is not None:
        cmd += ["--home", str(home)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=120)


def ok(*args: str, home: Path | None = None, **kw) -> subprocess.CompletedProcess:
    r = kla(*args, home=home, **kw)
    assert r.returncode == 0, r.stderr
    return r


def refused(*args: str, home: Path | None = None) -> str:
    r = kla(*args, home=home)
    assert r.returncode == 1, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr  # one line, no traceback
    assert "Traceback" not in r.stderr
    return lines[0]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    home = tmp_path / "ws"
    ok("init", "--role", "kelurahan", "--kelurahan", KEL, "--operator", "Siti", home=home)
    return home


def db_bytes(home: Path) -> dict[str, list]:
    import sqlite3

    conn = sqlite3.connect(home / "kla.sqlite")
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(conn.execute(f"SELECT * FROM [{n}]").fetchall()) for n in names}
    finally:
        conn.close()


def test_init_creates_a_kelurahan_workspace(ws):
    r = ok("status", "--json", home=ws)
    data = json.loads(r.stdout)
    assert data["kelurahan"] == KEL and data["name"] == "Manggar" and data["completeness"] == 0
    assert len([i for c in data["clusters"] for i in c["indicators"]]) == 24


def test_kla_home_environment_variable_selects_the_workspace(ws):
    r = ok("status", "--json", env={"KLA_HOME": str(ws)})
    assert json.loads(r.stdout)["kelurahan"] == KEL


def test_template_show(ws):
    data = json.loads(ok("template", "show", "--json", home=ws).stdout)
    assert [c["key"] for c in data["clusters"]] == ["K", "I", "II", "III", "IV", "V"]
    ind4 = next(i for c in data["clusters"] for i in c["indicators"] if i["no"] == 4)
    assert "anak_total" in [it["key"] for it in ind4["items"]]
    text = ok("template", "show", home=ws).stdout
    assert "Akta Kelahiran" in text and "tidak resmi" in text


def test_entry_set_show_history(ws):
    r = ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
           "--age", "1-4", "--value", "1.234", home=ws)
    assert "1.234" in r.stdout
    ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_berakta", "--sex", "L",
       "--age", "1-4", "--value", "617", home=ws)
    data = json.loads(ok("entry", "show", "--year", "2025", "--indicator", "4", "--json", home=ws).stdout)
    total = next(i for i in data["items"] if i["key"] == "anak_total")
    assert {"sex": "L", "age": "1-4", "value": 1234} in total["cells"]
    pct = next(i for i in data["items"] if i["key"] == "cakupan_akta")
    assert {"sex": "L", "age": "1-4", "value": 50.0} in pct["cells"]
    hist = json.loads(ok("entry", "history", "--year", "2025", "--indicator", "4", "--item", "anak_total",
                         "--sex", "L", "--age", "1-4", "--json", home=ws).stdout)
    assert hist[0]["new_value"] == 1234 and hist[0]["operator"] == ""
    # No --operator: the words say the clerk was not recorded ("(tanpa nama)" read as a name left out).
    words = ok("entry", "history", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
               "--age", "1-4", home=ws).stdout
    assert "petugas tidak tercatat: (kosong) -> 1.234" in words and "tanpa nama" not in words


@pytest.mark.parametrize(
    "args, words",
    [
        (["--value", "-5"], "negatif"),
        (["--value", "2,5"], "bilangan bulat"),
        (["--value", "banyak"], "bukan angka"),
    ],
)
def test_bad_entry_values_are_refused_in_indonesian_and_change_nothing(ws, args, words):
    ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L", "--age", "1-4",
       "--value", "100", home=ws)
    before = db_bytes(ws)
    line = refused("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
                   "--age", "1-4", *args, home=ws)
    assert words in line
    assert db_bytes(ws) == before


def test_a_part_larger_than_its_whole_is_stored_and_the_clerk_told_what_to_check(ws):
    """Save and flag, never drop (issue 8): the same rule as in the window, worded in Indonesian."""
    ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L", "--age", "1-4",
       "--value", "100", home=ws)
    out = ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_berakta", "--sex", "L",
             "--age", "1-4", "--value", "9999", home=ws).stdout
    assert "Tersimpan" in out and "Perhatian:" in out and "lebih besar" in out
    assert "anak_total" not in out.split("Perhatian:", 1)[1], "the flag names items in words, not keys"
    shown = json.loads(ok("entry", "show", "--year", "2025", "--indicator", "4", "--json", home=ws).stdout)
    assert "9999" in json.dumps(shown) or "9.999" in json.dumps(shown)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--indicator", "30", "--item", "x", "--value", "1"], "1 sampai 24"),
        (["--indicator", "4", "--item", "tidak_ada", "--value", "1"], "tidak ada di indikator 4"),
        (["--indicator", "4", "--item", "anak_total", "--value", "1"], "--sex"),
        (["--indicator", "4", "--item", "anak_total", "--sex", "L", "--age", "99", "--value", "1"], "Kelompok umur"),
    ],
)
def test_bad_targets_are_refused(ws, args, words):
    before = db_bytes(ws)
    line = refused("entry", "set", "--year", "2025", *args, home=ws)
    assert words in line
    assert db_bytes(ws) == before


def test_wrong_year_and_missing_workspace(ws, tmp_path):
    assert "Tahun data 1990" in refused("entry", "set", "--year", "1990", "--indicator", "1", "--item", "x",
                                        "--value", "1", home=ws)
    assert "Belum ada ruang kerja" in refused("status", home=tmp_path / "kosong")
    assert not (tmp_path / "kosong" / "kla.sqlite").exists()


def test_init_refusals(ws, tmp_path):
    assert "sudah ada ruang kerja" in refused("init", "--role", "kelurahan", "--kelurahan", KEL, home=ws)
    assert "tidak dikenal" in refused("init", "--role", "kelurahan", "--kelurahan", "64.71.09.9999",
                                      home=tmp_path / "x")
    assert "--kelurahan" in refused("init", "--role", "kelurahan", home=tmp_path / "y")
    assert not (tmp_path / "x" / "kla.sqlite").exists() and not (tmp_path / "y" / "kla.sqlite").exists()


def test_usage_errors_exit_2_in_indonesian(ws):
    r = kla("entry", "set", "--year", "2025", home=ws)
    assert r.returncode == 2 and "argumen wajib belum diisi" in r.stderr


def test_evidence_add_list_remove(ws, tmp_path):
    photo = tmp_path / "forum-anak.png"
    make_png(photo, 1)
    pdf = tmp_path / "sk.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% contoh SK\n")
    r = ok("evidence", "add", "--year", "2025", "--indicator", "6", str(photo), str(pdf), "--caption", "Forum Anak",
           "--json", home=ws)
    added = json.loads(r.stdout)
    assert [a["kind"] for a in added] == ["photo", "other"]
    listed = json.loads(ok("evidence", "list", "--year", "2025", "--indicator", "6", "--json", home=ws).stdout)
    assert {e["original_name"] for e in listed} == {"forum-anak.png", "sk.pdf"}
    stored = ws / "evidence" / added[0]["sha256"][:2] / added[0]["sha256"]
    assert stored.read_bytes() == photo.read_bytes()
    ok("evidence", "remove", added[1]["id"][:8], home=ws)
    listed = json.loads(ok("evidence", "list", "--json", home=ws).stdout)
    assert [e["original_name"] for e in listed] == ["forum-anak.png"]
    # The words: a comma in the file name stays, the size has Indonesian thousands dots.
    big = tmp_path / "rekap, 2025.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * 1500)
    out = ok("evidence", "add", "--year", "2025", "--indicator", "6", str(big), home=ws).stdout
    assert out.startswith("Data dukung ditambahkan: rekap, 2025.pdf (1.509 bita, lainnya) id ")


def test_evidence_add_with_one_missing_file_adds_nothing(ws, tmp_path):
    photo = tmp_path / "ada.png"
    make_png(photo, 2)
    before = db_bytes(ws)
    line = refused("evidence", "add", "--year", "2025", "--indicator", "6", str(photo), str(tmp_path / "hilang.jpg"),
                   home=ws)
    assert "tidak ditemukan" in line
    assert db_bytes(ws) == before


def test_evidence_kinds_are_typed_in_the_words_the_help_lists(ws, tmp_path):
    """'--kind foto' was refused with the template's English codes listed; a folder was 'not found' and an
    empty PDF 'not a PDF'."""
    help_text = " ".join(ok("evidence", "add", "--help", home=ws).stdout.split())
    assert "foto" in help_text and "sertifikat (sertifikat/piagam)" in help_text and "data_table" not in help_text
    photo, pdf = tmp_path / "kegiatan.png", tmp_path / "piagam.pdf"
    make_png(photo, 4)
    pdf.write_bytes(b"%PDF-1.4\n% piagam\n")
    added = json.loads(ok("evidence", "add", "--indicator", "6", "--kind", "foto", str(photo), "--json", home=ws).stdout)
    assert added[0]["kind"] == "photo"
    out = ok("evidence", "add", "--indicator", "6", "--kind", "Sertifikat", str(pdf), home=ws).stdout
    assert "sertifikat/piagam" in out
    before = db_bytes(ws)
    line = refused("evidence", "add", "--indicator", "6", "--kind", "fotoo", str(pdf), home=ws)
    assert "Jenis data dukung 'fotoo' tidak dikenal" in line and "peraturan, sk, foto, video" in line
    assert not any(code in line for code in ("regulation", "photo,", "data_table", "certificate"))
    folder = tmp_path / "foto-kegiatan"
    folder.mkdir()
    line = refused("evidence", "add", "--indicator", "6", str(folder), home=ws)
    assert "adalah folder, bukan berkas" in line and "tidak ditemukan" not in line
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    line = refused("evidence", "add", "--indicator", "6", str(empty), home=ws)
    assert "Berkas kosong.pdf kosong (0 bita)" in line and "bukan PDF" not in line
    assert db_bytes(ws) == before


def test_backup_check_restore(ws, tmp_path):
    ok("entry", "set", "--year", "2025", "--indicator", "3",
       "--item", _first_count_item(ws, 3), "--value", "4", home=ws)
    out = tmp_path / "cadangan.sqlite"
    ok("backup", "--out", str(out), home=ws)
    ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", _first_count_item(ws, 3), "--value", "9",
       home=ws)
    assert "utuh" in ok("check", home=ws).stdout
    r = ok("restore", str(out), home=ws)
    assert "dipulihkan" in r.stdout
    data = json.loads(ok("entry", "show", "--year", "2025", "--indicator", "3", "--json", home=ws).stdout)
    item = next(i for i in data["items"] if i["key"] == _first_count_item(ws, 3))
    assert item["cells"][0]["value"] == 4
    junk = tmp_path / "junk.sqlite"
    junk.write_text("bukan cadangan")
    before = db_bytes(ws)
    assert "bukan cadangan KLA" in refused("restore", str(junk), home=ws)
    assert db_bytes(ws) == before


def test_a_backup_of_another_workspace_is_refused_in_words(ws, tmp_path):
    """It said '(kelurahan_code: 64.71.01.1002, sedangkan ruang kerja ini 64.71.01.1001)' and '(role: city,
    ...)': a field name and bare codes, and nothing on what to pick instead."""
    other = tmp_path / "lamaru"
    ok("init", "--role", "kelurahan", "--kelurahan", "64.71.01.1002", home=other)
    ok("backup", "--out", str(tmp_path / "lamaru.sqlite"), home=other)
    city = tmp_path / "kota"
    ok("init", "--role", "city", "--city", "64.71", home=city)
    ok("backup", "--out", str(tmp_path / "kota.sqlite"), home=city)
    before = db_bytes(ws)
    line = refused("restore", str(tmp_path / "lamaru.sqlite"), home=ws)
    assert "milik ruang kerja kelurahan Lamaru (64.71.01.1002)" in line, line
    assert "ruang kerja ini milik kelurahan Manggar (64.71.01.1001)" in line and "folder backups" in line, line
    line = refused("restore", str(tmp_path / "kota.sqlite"), home=ws)
    assert "milik ruang kerja DP3AKB, sedangkan ruang kerja ini milik desa/kelurahan" in line, line
    samarinda = tmp_path / "samarinda"
    ok("init", "--role", "city", "--city", "64.72", home=samarinda)
    line = refused("restore", str(tmp_path / "kota.sqlite"), home=samarinda)
    assert "DP3AKB Kota Balikpapan (64.71)" in line and "DP3AKB Kota Samarinda (64.72)" in line, line
    for word in ("kelurahan_code", "city_code", "role:"):
        assert word not in line
    assert db_bytes(ws) == before


def test_backup_to_a_name_already_taken_replaces_nothing(ws, tmp_path):
    """`kla backup --out` onto a file that is there (a report, an older backup) refuses in one
    line and leaves the file as it was; a killed backup's half file is never listed."""
    taken = tmp_path / "laporan.docx"
    taken.write_bytes(b"laporan penting, bukan cadangan")
    line = refused("backup", "--out", str(taken), home=ws)
    assert "sudah ada berkas lain dengan nama yang sama" in line and "tidak ditimpa" in line, line
    assert taken.read_bytes() == b"laporan penting, bukan cadangan"
    older = tmp_path / "cadangan.sqlite"
    ok("backup", "--out", str(older), home=ws)
    first = older.read_bytes()
    ok("entry", "set", "--year", "2025", "--indicator", "3", "--item", _first_count_item(ws, 3), "--value", "7",
       home=ws)
    assert "tidak ditimpa" in refused("backup", "--out", str(older), home=ws)
    assert older.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    # What a backup killed half way left (an hour old) goes with the next backup; a young one
    # may be another window's backup being written, and stays.
    stale, young = ws / "backups" / "kla-20261201-000000000000-manual.sqlite.tmp", ws / "backups" / "kla-x.sqlite.tmp"
    for f in (stale, young, Path(str(stale) + "-journal")):
        f.write_bytes(b"\0" * 4096)
    for f in (stale, Path(str(stale) + "-journal")):
        os.utime(f, (f.stat().st_atime - 7200, f.stat().st_mtime - 7200))
    ok("backup", home=ws)
    assert sorted(p.name for p in (ws / "backups").iterdir() if ".tmp" in p.name) == ["kla-x.sqlite.tmp"]


def test_a_report_or_form_onto_a_file_already_there_replaces_nothing(ws, tmp_path):
    """The command line cannot ask "replace it?" as the window does: a report, a form or the
    template written onto a file that is there is refused in one line, the file as it was."""
    for args in (("report", "sheet", "--year", "2025"), ("entry", "form-xlsx", "--year", "2025", "--indicator", "4"),
                 ("template", "export")):
        taken = tmp_path / f"surat-{args[1]}.txt"
        taken.write_bytes(b"surat penting")
        line = refused(*args, "--out", str(taken), home=ws)
        assert "sudah ada berkas lain dengan nama yang sama" in line and "tidak ditimpa" in line, (args, line)
        assert taken.read_bytes() == b"surat penting"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("surat")) == [
        "surat-export.txt", "surat-form-xlsx.txt", "surat-sheet.txt"]


def _first_count_item(ws: Path, no: int) -> str:
    data = json.loads(ok("template", "show", "--json", home=ws).stdout)
    ind = next(i for c in data["clusters"] for i in c["indicators"] if i["no"] == no)
    return next(it["key"] for it in ind["items"] if it["type"] == "count" and not it["sex"] and not it["age"])


def test_activity_and_facility_commands(ws):
    ok("activity", "add", "--year", "2025", "--title", "Musrenbang anak", "--kind", "inovasi", "--date", "2025-05-02",
       "--partner", "forum_anak", "--indicator", "6", home=ws)
    acts = json.loads(ok("activity", "list", "--json", home=ws).stdout)
    assert acts[0]["title"] == "Musrenbang anak" and acts[0]["indicators"] == [6]
    ok("facility", "add", "--name", "Taman Manggar", "--type", "rbra", "--lat=-1,21", "--lon=116,97", home=ws)
    facs = json.loads(ok("facility", "list", "--json", home=ws).stdout)
    assert facs[0]["latitude"] == -1.21
    assert "Jenis fasilitas" in refused("facility", "add", "--name", "X", "--type", "mall", home=ws)


def test_activity_add_refuses_a_partner_outside_the_list(ws):
    """An unknown partner would make DP3AKB refuse every later bundle of the unit: refused here, in words."""
    line = refused("activity", "add", "--title", "Musrenbang anak", "--partner", "unknown", home=ws)
    assert "Mitra 'unknown' tidak dikenal" in line and "Dinas Sosial (dinsos)" in line and "partner_unknown" not in line
    assert json.loads(ok("activity", "list", "--json", home=ws).stdout) == []
    assert "dinsos, puskesmas" in ok("activity", "add", "--help", home=ws).stdout


def test_facility_coordinates_as_the_help_writes_them(ws):
    """'--lat -1,2379', the help's own example (a negative number with a decimal comma), was taken for an option."""
    import re

    help_text = " ".join(ok("facility", "add", "--help", home=ws).stdout.split())
    lat = re.search(r"--lat LINTANG garis lintang, mis\. (\S+)", help_text).group(1)
    lon = re.search(r"--lon BUJUR garis bujur, mis\. (\S+)", help_text).group(1)
    assert (lat, lon) == ("-1,2379", "116,8529")
    ok("facility", "add", "--name", "Taman Manggar", "--type", "rbra", "--lat", lat, "--lon", lon, home=ws)
    ok("facility", "add", "--name", "Taman Barat", "--type", "rbra", "--lat", "-1,5", "--lon", "-116.5", home=ws)
    facs = {f["name"]: f for f in json.loads(ok("facility", "list", "--json", home=ws).stdout)}
    assert (facs["Taman Manggar"]["latitude"], facs["Taman Manggar"]["longitude"]) == (-1.2379, 116.8529)
    assert (facs["Taman Barat"]["latitude"], facs["Taman Barat"]["longitude"]) == (-1.5, -116.5)


def test_city_demo_status_shows_34_kelurahan(tmp_path):
    """The 'done when' of the foundation: demo then status --json for the whole city."""
    home = tmp_path / "demo"
    ok("demo", "--seed", "3", home=home)
    data = json.loads(ok("status", "--json", home=home).stdout)
    assert data["role"] == "city" and len(data["kelurahan"]) == 34
    assert len(data["kecamatan"]) == 6
    comps = [k["completeness"] for k in data["kelurahan"]]
    assert max(comps) > 0.6 and min(comps) < 0.15  # some far along, some barely started
    names = {k["name"] for k in data["kelurahan"]}
    assert {"Manggar", "Klandasan Ilir", "Sepinggan Raya"} <= names
    assert any(list(home.joinpath("evidence").rglob("*")))


def test_status_shows_an_unofficial_score_estimate(ws):
    data = json.loads(ok("status", "--year", "2025", "--json", home=ws).stdout)
    assert data["score_estimate"] == 0 and data["score_official"] is False
    # A desa/kelurahan gets no category from the kab/kota bands (issue 12): only from DP3AKB's rubric.
    assert "category_estimate" not in data and data["category"] is None
    text = ok("status", "--year", "2025", home=ws).stdout
    assert "tidak resmi" in text and "hanya untuk kabupaten/kota" in text
    assert "Perkiraan nilai 0,0 dari 1.000 —" in text  # as the city report prints it (it said "0 dari 1000")
    assert not any(w in text for w in ("Pratama)", "belum masuk kategori", "Madya", "Nindya"))


def test_dp3akb_changes_the_template_without_a_new_release(ws, tmp_path):
    exported = tmp_path / "template.json"
    ok("template", "export", "--out", str(exported), home=ws)
    raw = json.loads(exported.read_text(encoding="utf-8"))
    assert raw["id"] == "kla24" and len(raw["indicators"]) == 24
    ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L", "--age", "1-4",
       "--value", "40", home=ws)
    # same version, different content: refused, nothing changes
    raw["indicators"][3]["weight"] += 10
    raw["indicators"][4]["weight"] -= 10
    exported.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    before = db_bytes(ws)
    assert "versi" in refused("template", "install", str(exported), home=ws)
    assert db_bytes(ws) == before
    # a new version: installed, active, data kept
    raw["version"] = 2
    exported.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    ok("template", "install", str(exported), home=ws)
    shown = json.loads(ok("template", "show", "--json", home=ws).stdout)
    assert shown["version"] == 2
    ind4 = next(i for c in shown["clusters"] for i in c["indicators"] if i["no"] == 4)
    assert ind4["weight"] == raw["indicators"][3]["weight"]
    data = json.loads(ok("entry", "show", "--year", "2025", "--indicator", "4", "--json", home=ws).stdout)
    total = next(i for i in data["items"] if i["key"] == "anak_total")
    assert {"sex": "L", "age": "1-4", "value": 40} in total["cells"]
    # a broken file is refused with a reason
    bad = tmp_path / "rusak.json"
    bad.write_text('{"id": "kla24", "version": 3, "indicators": "x"}', encoding="utf-8")
    assert "Template indikator tidak sah" in refused("template", "install", str(bad), home=ws)
    latin = tmp_path / "latin1.json"
    latin.write_bytes(b'{"name": "Templat \xe9"}')  # Latin-1, not UTF-8
    for command in ("template", "rubric"):
        line = refused(command, "install", str(latin), home=ws)
        assert "tidak sah" in line and "bukan berkas JSON yang utuh" in line and "not_json" not in line, line


def test_help_and_usage_speak_indonesian():
    r = kla("--help")
    assert r.returncode == 0
    assert "cara pakai: kla" in r.stdout and "tampilkan bantuan ini lalu keluar" in r.stdout
    assert "show this help" not in r.stdout and "usage:" not in r.stdout
    r = kla("entry", "set", "--year", "dua-ribu")
    assert r.returncode == 2 and "harus berupa angka bulat, bukan 'dua-ribu'" in r.stderr and "invalid" not in r.stderr


def test_version():
    from desktop.version import __version__

    r = kla("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"KLA Desktop {__version__}"


def test_dp3akb_puts_the_shipped_version_2_in_force_and_nothing_typed_is_lost(ws, tmp_path):
    """Issue 12: `kla template install` of the shipped kla24_v2.json moves the values by its declared
    rule; the older version 1 is refused afterwards with nothing changed."""
    ok("entry", "set", "--year", "2025", "--indicator", "2", "--item", "rapat_tim", "--value", "6", home=ws)
    ok("template", "install", str(ROOT / "db" / "templates" / "kla24_v2.json"), home=ws)
    shown = json.loads(ok("template", "show", "--json", home=ws).stdout)
    assert shown["version"] == 2
    data = json.loads(ok("entry", "show", "--year", "2025", "--indicator", "2", "--json", home=ws).stdout)
    moved = next(i for i in data["items"] if i["key"] == "rapat_gugus_tugas")
    assert {"sex": "", "age": "", "value": 6} in moved["cells"] or moved.get("value") == 6
    before = db_bytes(ws)
    line = refused("template", "install", str(ROOT / "db" / "templates" / "kla24_v1.json"), home=ws)
    assert "versi 1, lebih lama dari versi 2" in line
    assert db_bytes(ws) == before


def test_dp3akb_runs_its_own_rubric_for_its_kelurahan(tmp_path):
    """Issue 12: `kla rubric install|score|show`; the category shows in `kla status`, from the rubric only."""
    from tests.db.test_template import _rubric

    home = tmp_path / "city"
    ok("init", "--role", "city", "--operator", "Admin", home=home)
    path = tmp_path / "rubrik.json"
    path.write_text(json.dumps(_rubric(), ensure_ascii=False), encoding="utf-8")
    out = ok("rubric", "install", str(path), home=home).stdout
    assert "Rubrik Kelurahan Layak Anak versi 1 dipakai: 2 indikator" in out and "Madya 70–84" in out
    assert "bukan rubrik" in refused("rubric", "install", str(ROOT / "db/templates/kla24_v1.json"), home=home)
    ok("rubric", "score", KEL, "1", "55", home=home)
    out = ok("rubric", "score", KEL, "2", "35,5", "--note", "verifikasi lapangan", home=home).stdout
    assert "Jumlah 90,5 dari 100" in out and "kategori Nindya" in out
    assert "paling" in refused("rubric", "score", KEL, "2", "41", home=home)  # 0 sampai 40
    shown = json.loads(ok("rubric", "show", "--json", home=home).stdout)
    assert [(u["kelurahan"], u["band"]) for u in shown["units"]] == [(KEL, "nindya")]
    status = json.loads(ok("status", "--year", "2025", "--json", home=home).stdout)
    rows = {r["kelurahan"]: r for r in status["kelurahan"]}
    assert rows[KEL]["category"]["band_label"] == "Nindya"
    assert all(r["category"] is None for k, r in rows.items() if k != KEL)


def test_output_cut_short_by_its_reader_is_not_a_disk_problem() -> None:
    """``kla region search sungai | head -1``: the reader goes away; kla says nothing about disks
    or folders (it did: 'Operasi berkas gagal: Broken pipe. Periksa ruang disk...')."""
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    p = subprocess.Popen([sys.executable, "-m", "desktop.cli", "region", "search", "sungai", "--level", "unit",
                          "--limit", "20000"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()  # as `head -1` does
    err = p.stderr.read().decode()
    p.wait(timeout=60)
    assert b"Sungai" in first or b"sungai" in first.lower()
    assert "Operasi berkas gagal" not in err and "Traceback" not in err and "ruang disk" not in err, err
    assert p.returncode == 1


def test_a_refusal_with_json_is_json_on_stdout_and_words_on_stderr(ws: Path, tmp_path: Path) -> None:
    """``--json`` promised output for machines; a refusal printed only a sentence on stderr."""
    r = kla("--json", "entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L",
            "--age", "0-60h", "--value", "-5", home=ws)
    assert r.returncode != 0
    got = json.loads(r.stdout)
    assert got["ok"] is False and got["error"]["code"] and got["error"]["message"] in r.stderr
    assert r.stderr.startswith("kla: ")
    missing = kla("--json", "status", home=tmp_path / "nowhere")
    err = json.loads(missing.stdout)["error"]
    assert err["code"] == "workspace_missing" and "Belum ada ruang kerja" in err["message"]


def test_a_facility_or_activity_that_looks_wrong_is_stored_and_questioned(ws: Path) -> None:
    """A minus too many in Bujur, an activity dated a year off: stored as typed, and said (as the window says it)."""
    r = ok("facility", "add", "--name", "Taman Anak", "--type", "rbra", "--lat", "-1,2379", "--lon", "-116,8529",
           home=ws)
    assert "Fasilitas dicatat: Taman Anak" in r.stdout and "Perhatian: Periksa koordinatnya" in r.stdout
    [fac] = json.loads(ok("--json", "facility", "list", home=ws).stdout)
    assert (fac["latitude"], fac["longitude"]) == (-1.2379, -116.8529)
    r = ok("activity", "add", "--year", "2025", "--title", "Forum anak", "--date", "17-08-2024", home=ws)
    assert "Perhatian: Tanggal kegiatan ini tahun 2024, sedangkan kegiatan dicatat untuk data tahun 2025." in r.stdout
    r = ok("activity", "add", "--year", "2025", "--title", "Forum anak 2", "--date", "17-08-2025", home=ws)
    assert "Perhatian" not in r.stdout


def test_a_report_into_an_existing_folder_gets_the_windows_name_and_never_replaces(ws: Path, tmp_path: Path) -> None:
    """'--out keluar/' (a folder) said 'Berkas keluar/laporan.pdf tidak ditemukan'."""
    out = tmp_path / "keluar"
    out.mkdir()
    first = ok("report", "sheet", "--out", str(out), home=ws)
    again = ok("report", "sheet", "--out", str(out) + os.sep, home=ws)
    names = sorted((p.name for p in out.iterdir()), key=len)
    assert len(names) == 2 and names[0].startswith("Lembar kemajuan KLA ") and names[0].endswith(".pdf")
    assert names[1] == names[0][:-4] + "-2.pdf"
    assert names[0] in first.stdout and names[1] in again.stdout
    assert all((out / n).read_bytes()[:5] == b"%PDF-" for n in names)


def test_a_report_into_a_folder_not_there_is_refused_not_written_beside_it(ws: Path, tmp_path: Path) -> None:
    """'--out keluar/' (a folder meant, not made yet) wrote 'keluar.pdf' beside it."""
    r = kla("report", "sheet", "--out", str(tmp_path / "keluar") + os.sep, home=ws)
    assert r.returncode == 1
    assert "tidak ada, jadi tidak ada yang ditulis" in r.stderr and "keluar" in r.stderr, r.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("keluar")] == []


def test_entry_set_names_the_item_as_the_form_does_not_by_its_key(ws: Path) -> None:
    r = ok("entry", "set", "--year", "2025", "--indicator", "4", "--item", "anak_total", "--sex", "L", "--age",
           "0-60h", "--value", "120", home=ws)
    assert r.stdout.startswith("Tersimpan: indikator 4, Jumlah anak (Laki-laki, 0–60 hari) = 120"), r.stdout
    assert "anak_total" not in r.stdout and "0-60h" not in r.stdout
