"""The same photo lands as the same bytes whether the clerk adds it in the window or with
``kla evidence add``: downscaling lives in the store (db.photos), not in one front end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image

from db.store import Store
from ui.evidence.importer import ImportOptions, import_files

KEL = "64.71.01.1001"
ROOT = Path(__file__).resolve().parents[2]
KLA = [sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))"]


def _phone_photo(path: Path) -> None:
    """A 4000x3000 JPEG with detail (so it is megabytes, like a phone's)."""
    img = Image.effect_noise((4000, 3000), 60).convert("RGB")
    img.save(path, "JPEG", quality=92)


def _stored(home: Path) -> tuple[bytes, str, int]:
    with Store.open(home, start_backup=False) as s:
        (rec,) = s.evidence_list(None)
        return s.evidence_path(rec).read_bytes(), rec.original_name, rec.size


def test_window_and_cli_store_identical_bytes_for_one_photo(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    photo = tmp_path / "IMG_20260301.jpg"
    _phone_photo(photo)
    for name in ("cli", "window"):
        Store.create(tmp_path / name, "kelurahan", kelurahan_code=KEL, operator="Siti").close()

    r = subprocess.run([*KLA, "evidence", "add", "--year", "2026", "--indicator", "4",
                        str(photo), "--home", str(tmp_path / "cli"), "--operator", "Siti"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    result = import_files([photo], ImportOptions(tmp_path / "window", "Siti", KEL, links=((2026, 4),)))(
        lambda *a: None, lambda: False)
    assert not result.failed and result.downscaled == 1

    cli_bytes, cli_name, cli_size = _stored(tmp_path / "cli")
    win_bytes, win_name, _ = _stored(tmp_path / "window")
    assert cli_bytes == win_bytes
    assert cli_name == win_name == "IMG_20260301.jpg"
    assert cli_size < photo.stat().st_size / 5, "the phone photo was kept at full size"
    with Store.open(tmp_path / "cli", start_backup=False) as s:
        side, _ = s.photo_limits()
        with Image.open(s.evidence_path(s.evidence_list(None)[0])) as im:
            assert max(im.size) == side


def test_keep_original_keeps_the_photo_as_it_is_on_both_paths(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    photo = tmp_path / "asli.jpg"
    _phone_photo(photo)
    for name in ("cli", "window"):
        Store.create(tmp_path / name, "kelurahan", kelurahan_code=KEL, operator="Siti").close()
    r = subprocess.run([*KLA, "evidence", "add", "--year", "2026", "--indicator", "4",
                        "--keep-original", str(photo), "--home", str(tmp_path / "cli"), "--operator", "Siti"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    import_files([photo], ImportOptions(tmp_path / "window", "Siti", KEL, links=((2026, 4),), keep_original=True))(
        lambda *a: None, lambda: False)
    assert _stored(tmp_path / "cli")[0] == _stored(tmp_path / "window")[0] == photo.read_bytes()
