"""kla template draft|diff|publish (issue 12), driven as DP3AKB's support person would: subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.desktop.test_cli import db_bytes, ok, refused


@pytest.fixture
def city(tmp_path: Path) -> Path:
    home = tmp_path / "city"
    ok("init", "--role", "city", "--operator", "Admin", home=home)
    return home


def test_draft_edit_diff_pdf_and_publish(city: Path, tmp_path: Path) -> None:
    r = ok("template", "draft", "start", home=city)
    assert r.stdout.startswith("Draf KLA 24 indikator versi 2 dibuat dari versi 1.")
    r = ok("template", "draft", "edit", "set_weight", "--indicator", "2", "--value", "100", home=city)
    assert "Jumlah bobot semua indikator 1.010, seharusnya 1.000." in r.stdout
    ok("template", "draft", "edit", "set_weight", "--indicator", "3", "--value", "40", home=city)
    ok("template", "draft", "edit", "rename_item", "--indicator", "2", "--item", "rapat_tim",
       "--new-key", "rapat_gugus_tugas", home=city)
    ok("template", "draft", "edit", "set_item_text", "--indicator", "2", "--item", "rapat_gugus_tugas",
       "--field", "label", "--value", "Rapat Gugus Tugas KLA dalam setahun", home=city)
    r = ok("template", "draft", "edit", "add_evidence", "--indicator", "6", "--data",
           '{"kind": "video", "label": "Video Forum Anak di Musrenbang", "min_count": 1, "max_age_years": 2,'
           ' "required": false}', home=city)
    assert "Siap diterbitkan" in r.stdout
    shown = json.loads(ok("template", "draft", "show", "--json", home=city).stdout)
    assert shown["publishable"] and shown["version"] == 2 and shown["step"]["rename"] == {
        "2.rapat_tim": "rapat_gugus_tugas"}

    pdf = tmp_path / "perubahan.pdf"
    r = ok("template", "diff", "--pdf", str(pdf), home=city)
    text = r.stdout
    assert "Perubahan KLA 24 indikator: versi 1 → draf versi 2" in text
    assert "Isian “Rapat Tim KLA dalam setahun” diganti “Rapat Gugus Tugas KLA dalam setahun”." in text
    assert "Data dukung baru: “Video Forum Anak di Musrenbang” (video; 1 berkas; paling lama 2 tahun; " \
           "tidak wajib)." in text
    assert "Bobot 90 → 100." in text
    assert "pindah ke “Rapat Gugus Tugas KLA dalam setahun”" in text
    assert "rapat_tim" not in text  # words, never keys
    assert pdf.read_bytes().startswith(b"%PDF-")

    r = refused("template", "publish", "--hash", "0" * 64, home=city)
    assert "Draf berubah sejak perubahannya diperiksa" in r
    r = ok("template", "publish", "--hash", shown["content_hash"], "--json", home=city)
    pub = json.loads(r.stdout)
    assert pub["version"] == 2 and pub["content_hash"] == shown["content_hash"] and Path(pub["backup"]).exists()
    shown = json.loads(ok("template", "show", "--json", home=city).stdout)
    assert shown["version"] == 2
    r = ok("template", "diff", "--from", "1", "--to", "2", home=city)
    assert "Perubahan KLA 24 indikator: versi 1 → versi 2" in r.stdout and "Bobot 90 → 100." in r.stdout
    assert "tidak terpasang" in refused("template", "diff", "--from", "7", home=city)
    assert "Belum ada draf" in refused("template", "draft", "show", home=city)


def test_refused_edits_say_why_and_change_nothing(city: Path) -> None:
    ok("template", "draft", "start", home=city)
    before = db_bytes(city)
    line = refused("template", "draft", "edit", "retire_item", "--indicator", "23", "--item", "anak_disabilitas",
                   home=city)
    assert line.startswith("kla: Isian ini adalah keseluruhan dari isian “") and "Tidak ada yang diubah." in line
    assert "anak_" not in line
    line = refused("template", "draft", "edit", "set_weight", "--indicator", "2", "--value", "sembilan", home=city)
    assert "Bobot harus bilangan bulat" in line
    line = refused("template", "draft", "edit", "set_bands", "--data",
                   '{"bands": [{"key": "a", "label": "Pratama", "min": 500, "max": 600},'
                   ' {"key": "b", "label": "Madya", "min": 650, "max": 1000}]}', home=city)
    assert "Kategori “Madya” tidak menyambung dengan “Pratama”" in line
    line = refused("template", "draft", "edit", "add_item", "--indicator", "2", "--data", "{bukan json", home=city)
    assert "--data bukan JSON yang sah" in line
    assert db_bytes(city) == before


def test_drafts_belong_to_dp3akb(tmp_path: Path) -> None:
    home = tmp_path / "kel"
    ok("init", "--role", "kelurahan", "--kelurahan", "64.71.01.1001", home=home)
    assert refused("template", "draft", "start", home=home) == "kla: Perintah ini hanya untuk ruang kerja DP3AKB."
