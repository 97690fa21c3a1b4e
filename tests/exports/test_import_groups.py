"""DP3AKB importing many bundles: several share one durable commit, each stays all-or-nothing.

(``db.core.Core.commit_group``, docs/bundle-format.md §8.) A crash is a child process killed
with SIGKILL at an exact call (as in ``test_crash_and_disk.py``): the bundles of the group not
yet committed are all missing, none is half there, and importing the same files again
completes them; the bundles of an earlier group stay.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from db.store import Store
from exports import bundle
from exports.container import Limits
from tests.exports.conftest import KEL_A, KEL_B, items_of

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, signal, sys
from pathlib import Path
spec = json.loads(sys.argv[1])
from db.sync_parts import area
real = area.Sync.record_bundle
seen = [0]

def wrapped(*a, **kw):
    result = real(*a, **kw)
    seen[0] += 1
    if seen[0] == spec["die_after_record"]:
        os.kill(os.getpid(), signal.SIGKILL)
    return result

area.Sync.record_bundle = wrapped
from db.store import Store
from exports import bundle
from exports.container import Limits
with Store.open(Path(spec["home"]), start_backup=False) as s:
    bundle.import_paths(s, [Path(p) for p in spec["files"]],
                        limits=Limits(group_parts=spec["group_parts"], group_seconds=1e9))
"""


def _bundles(enrolled_template: Path, tmp_path: Path) -> tuple[Path, list[Path], dict[str, dict[str, str]]]:
    """A fresh city, one bundle each of A and B in an inbox folder, and what each holds."""
    city = tmp_path / "city"
    shutil.copytree(enrolled_template / "city", city)
    inbox = tmp_path / "inbox"
    want = {}
    files = []
    for name, code in (("a", KEL_A), ("b", KEL_B)):
        home = tmp_path / name
        shutil.copytree(enrolled_template / name, home)
        with Store.open(home, start_backup=False) as k:
            files += [p.path for p in bundle.export_bundles(k, inbox / name).parts]
            want[code] = items_of(k, code)
    return city, files, want


def _held(city: Path) -> tuple[dict[str, dict[str, str]], int]:
    with Store.open(city, start_backup=False) as c:
        assert c.check().ok
        return {k: items_of(c, k) for k in (KEL_A, KEL_B)}, len(c.sync.bundle_log("in"))


def _killed_import(city: Path, files: list[Path], group_parts: int, die_after_record: int) -> None:
    spec: dict[str, Any] = {"home": str(city), "files": [str(f) for f in files], "group_parts": group_parts,
                            "die_after_record": die_after_record}
    p = subprocess.run([sys.executable, "-c", CHILD, json.dumps(spec)], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == -signal.SIGKILL, p.stderr


def test_a_crash_inside_a_group_loses_its_bundles_whole_and_the_same_files_complete_it(
        enrolled_template: Path, tmp_path: Path) -> None:
    city, files, want = _bundles(enrolled_template, tmp_path)
    _killed_import(city, files, group_parts=64, die_after_record=2)  # both bundles done, not committed
    held, logged = _held(city)
    assert held == {KEL_A: {}, KEL_B: {}} and logged == 0
    assert all(f.exists() for f in files)  # the files stay where they were

    with Store.open(city, start_backup=False) as c:
        r = bundle.import_paths(c, files)
    assert [f.status for f in r.files] == ["imported", "imported"]
    assert _held(city) == (want, 2)


def test_a_crash_after_a_group_committed_keeps_it_and_the_import_again_finishes_the_rest(
        enrolled_template: Path, tmp_path: Path) -> None:
    city, files, want = _bundles(enrolled_template, tmp_path)
    _killed_import(city, files, group_parts=1, die_after_record=2)  # A committed alone; B not yet
    held, logged = _held(city)
    assert held == {KEL_A: want[KEL_A], KEL_B: {}} and logged == 1

    with Store.open(city, start_backup=False) as c:
        r = bundle.import_paths(c, files)
    assert [f.status for f in r.files] == ["duplicate", "imported"]
    assert _held(city) == (want, 2)


def test_a_refused_bundle_inside_a_group_changes_nothing_and_the_others_import(
        enrolled_template: Path, tmp_path: Path) -> None:
    city, files, want = _bundles(enrolled_template, tmp_path)
    broken = tmp_path / "inbox" / "rusak.kla"
    data = files[0].read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    with Store.open(city, start_backup=False) as c:
        r = bundle.import_paths(c, [files[0], broken, files[1]], limits=Limits(group_seconds=1e9))
    assert [f.status for f in r.files] == ["imported", "refused", "imported"]
    assert _held(city) == (want, 2)
    assert len(list((city / "quarantine").glob("*rusak.kla"))) == 1


def test_cancelling_inside_a_group_keeps_the_bundles_already_done(enrolled_template: Path, tmp_path: Path) -> None:
    city, files, want = _bundles(enrolled_template, tmp_path)
    calls: list[str] = []

    def progress(done: int, total: int, what: str) -> None:
        calls.append(what)

    def cancelled() -> bool:
        return len(calls) >= 2  # the second file has begun

    with Store.open(city, start_backup=False) as c:
        try:
            bundle.import_paths(c, files, limits=Limits(group_seconds=1e9), progress=progress, cancelled=cancelled)
        except Exception as exc:  # noqa: BLE001 - the cancel is a KlaError("cancelled")
            assert getattr(exc, "code", "") == "cancelled"
        else:
            raise AssertionError("not cancelled")
    assert _held(city) == ({KEL_A: want[KEL_A], KEL_B: {}}, 1)
