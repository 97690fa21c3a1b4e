"""Real failures, not mocks: a full or read-only file system, and SIGKILL in the middle of work.

The charter promises that bad input or a broken destination "changes nothing" and that a
crash at any moment leaves the store consistent. These tests provoke the failures for real:

- A full stick is a 2 MiB ``tmpfs`` mounted for the test (we run as root in the test
  sandbox); a read-only stick is the same ``tmpfs`` remounted ``ro``. Where mounting is not
  allowed (not root, no CAP_SYS_ADMIN) the full-disk tests fall back to the next most real
  thing, ``RLIMIT_FSIZE`` in a child process (the kernel then fails writes with EFBIG); the
  read-only test is skipped, since root ignores ``chmod``.
- A crash is a ``kla`` child process killed with SIGKILL, either from outside when its
  files show it is at a given step (polling with a short sleep and a deadline), or from
  inside at an exact call (a test-only wrapper around one function of ours sends SIGKILL to
  its own process, before or after the real call). Nothing of ours is mocked: the wrapper
  only chooses the moment of death.

Every mount is unmounted in the fixture's teardown.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from exports import bundle, receipts
from exports.usb import TMP_SUFFIX
from tests.exports.conftest import KEL_A, KEL_B, dump, items_of

ROOT = Path(__file__).resolve().parents[2]
N_FILES = 24
FILE_SIZE = 160 * 1024  # 24 x 160 KiB of incompressible evidence: a ~3.8 MiB bundle


# ---------------------------------------------------------------------------- file systems


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=30)


def _can_mount(probe: Path) -> bool:
    probe.mkdir(parents=True, exist_ok=True)
    if _run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)).returncode != 0:
        return False
    _run("umount", str(probe))
    return True


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[Path, int], Path]]:
    """``mount(dir, bytes)``: a real, small file system at ``dir``; unmounted at teardown."""
    if not _can_mount(tmp_path / "probe"):
        pytest.skip("mount -t tmpfs is not allowed here (needs root / CAP_SYS_ADMIN)")
    mounted: list[Path] = []

    def mount(where: Path, size: int) -> Path:
        where.mkdir(parents=True, exist_ok=True)
        r = _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where))
        assert r.returncode == 0, r.stderr
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


def _remount(where: Path, mode: str) -> None:
    r = _run("mount", "-o", f"remount,{mode}", str(where))
    assert r.returncode == 0, r.stderr


# ---------------------------------------------------------------------------- workspaces


@pytest.fixture(scope="module")
def big(enrolled_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kelurahan A with many incompressible evidence files, and one bundle of it, made once."""
    root = tmp_path_factory.mktemp("big")
    shutil.copytree(enrolled_template / "a", root / "a")
    src = root / "src"
    src.mkdir()
    with Store.open(root / "a", operator="Siti") as a:
        for i in range(N_FILES):
            f = src / f"foto-{i:02d}.jpg"
            f.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(FILE_SIZE - 4))  # a JPEG header, then noise
            a.add_evidence(None, f, links=[(2025, 3)], kind="photo", caption=f"Foto {i}")
        ex = bundle.export_bundles(a, root / "bundle", part_size=0)
    assert len(ex.parts) == 1 and ex.parts[0].size > 3 * 1024 * 1024
    shutil.copytree(root / "a", root / "a-fresh")  # the state before any receipt
    return root


def fresh(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def the_bundle(big: Path) -> Path:
    return next((big / "bundle").glob("*.kla"))


def store_state(home: Path) -> dict[str, Any]:
    with Store.open(home, check=True, start_backup=False) as s:
        report = s.check()
        assert report.ok, report
        return dump(s)


def without_export_counter(d: dict[str, Any]) -> dict[str, Any]:
    """The export number is taken before writing: an export killed half way leaves it used (a part
    may be on the stick); one that stopped with nothing written gives it back."""
    return {**d, "sync_state": [r for r in d["sync_state"] if r[0] != "export_seq"]}


def seq_before(d: dict[str, Any]) -> int:
    """The export number a store state holds (0 before its first export)."""
    return next((int(r[1]) for r in d["sync_state"] if r[0] == "export_seq"), 0)


# ---------------------------------------------------------------------------- kla in a child process

CHILD = r"""
import json, os, signal, sys
spec = json.loads(sys.argv[1])
if spec:
    import importlib
    mod = importlib.import_module(spec["module"])
    # "Class.method" patches a method (the store's areas are classes), a plain name a function.
    owner_name, _, attr = spec["name"].rpartition(".")
    if owner_name:
        mod = getattr(mod, owner_name)
    real = getattr(mod, attr)
    seen = [0, 0]

    def wrapped(*a, **kw):
        hit = spec.get("arg") is None or spec["arg"] in a
        if hit:
            seen[0] += 1
            if "past_bytes" in spec:  # a writer's write(data): die once that many bytes went through
                seen[1] += len(a[1])
        die = hit and seen[0] >= spec.get("nth", 1) and seen[1] >= spec.get("past_bytes", 0)
        if die and not spec.get("after"):
            os.kill(os.getpid(), signal.SIGKILL)
        result = real(*a, **kw)
        if die:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(mod, attr, wrapped)
from desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""


def kla_child(home: Path, *args: str, die_at: dict[str, Any] | None = None) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    return subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(die_at or {}), *args, "--home", str(home)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kla(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    p = kla_child(home, *args)
    out, err = p.communicate(timeout=120)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def kill_when(p: subprocess.Popen[str], ready: Callable[[], bool], what: str, deadline: float = 30) -> None:
    """SIGKILL ``p`` as soon as ``ready()``; fail if it finished first (the kill point was missed)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if ready():
            p.send_signal(signal.SIGKILL)
            break
        if p.poll() is not None:
            break
        time.sleep(0.002)
    out, err = p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL, f"not killed {what}: rc={p.returncode} {err}"


def died(p: subprocess.Popen[str]) -> None:
    out, err = p.communicate(timeout=120)
    assert p.returncode == -signal.SIGKILL, f"rc={p.returncode} {out} {err}"


def files_under(folder: Path, pattern: str = "*") -> list[Path]:
    return [f for f in folder.rglob(pattern) if f.is_file()] if folder.exists() else []


def bigger_than(pattern: str, folder: Path, size: int) -> Callable[[], bool]:
    def ready() -> bool:
        try:
            return any(f.stat().st_size > size for f in folder.glob(pattern))
        except OSError:
            return False
    return ready


# ---------------------------------------------------------------------------- 1. full and read-only sticks


def test_export_to_a_really_full_stick_changes_nothing_then_works_with_room(big: Path, tmp_path: Path,
                                                                           tmpfs: Any) -> None:
    kel = fresh(big / "a", tmp_path / "a")
    stick = tmpfs(tmp_path / "stick", 2 * 1024 * 1024)
    before = store_state(kel)

    # Through the library: the code and the words the window shows.
    with Store.open(kel, operator="Siti") as a:
        from db.errors import KlaError

        with pytest.raises(KlaError) as exc:
            bundle.export_bundles(a, stick / "KLA", part_size=0)
    assert exc.value.code == "dest_full"
    from ui.messages import error_text

    assert "penuh" in error_text(exc.value)
    assert files_under(stick) == []

    # Through the command line: exit 1, one clear Indonesian line, nothing on the stick.
    r = kla(kel, "export", "--out", str(stick / "KLA"), "--part-size", "0")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Tempat tujuan penuh") and "Traceback" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert files_under(stick) == []
    # Nothing changed, the export number included: the two refused tries carried none away.
    assert store_state(kel) == before

    # Room on the stick: the same export goes through and reads back whole, as no. 1 (it was
    # no. 3 after two refused tries, on the file, the handover paper and at DP3AKB).
    _run("mount", "-o", "remount,size=8m", str(stick))
    r = kla(kel, "export", "--out", str(stick / "KLA"), "--part-size", "0")
    assert r.returncode == 0, r.stderr
    written = files_under(stick)
    assert [f.suffix for f in written] == [".kla"]
    assert written[0].stat().st_size > 3 * 1024 * 1024
    assert f"-{seq_before(before) + 1:04d}-" in written[0].name


def test_a_stick_filling_up_after_the_first_parts_keeps_none_of_that_export(big: Path, tmp_path: Path,
                                                                            tmpfs: Any) -> None:
    """Parts of 1 MiB on a 2 MiB stick: the first part fits, a later one does not. The parts
    already written are taken off again and the export leaves no trace in the store, so no
    clerk carries half an export to DP3AKB (whose inbox would wait for the rest forever)."""
    kel = fresh(big / "a", tmp_path / "a")
    stick = tmpfs(tmp_path / "stick", 2 * 1024 * 1024)
    (stick / "lain.txt").write_text("berkas lain di flashdisk")
    before = store_state(kel)
    r = kla(kel, "export", "--out", str(stick), "--part-size", "1MB")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Tempat tujuan penuh") and "Traceback" not in r.stderr, r.stderr
    assert [f.name for f in files_under(stick)] == ["lain.txt"]
    assert without_export_counter(store_state(kel)) == without_export_counter(before)


def test_a_stick_too_small_for_the_email_drafts_keeps_nothing_of_that_export(big: Path, tmp_path: Path,
                                                                               tmpfs: Any) -> None:
    """`--eml`: the part fits, its e-mail draft (a third larger) does not. The clerk is told the
    stick is full and finds neither the part nor a draft on it; the store is as before."""
    kel = fresh(big / "a", tmp_path / "a")
    stick = tmpfs(tmp_path / "stick", 6 * 1024 * 1024)
    before = store_state(kel)
    r = kla(kel, "export", "--out", str(stick), "--part-size", "0", "--eml")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Tempat tujuan penuh") and "Traceback" not in r.stderr, r.stderr
    assert files_under(stick) == []
    assert without_export_counter(store_state(kel)) == without_export_counter(before)


def test_export_to_a_read_only_stick_changes_nothing(big: Path, tmp_path: Path, tmpfs: Any) -> None:
    kel = fresh(big / "a", tmp_path / "a")
    stick = tmpfs(tmp_path / "stick", 8 * 1024 * 1024)
    (stick / "KLA").mkdir()
    _remount(stick, "ro")
    before = store_state(kel)
    r = kla(kel, "export", "--out", str(stick / "KLA"), "--part-size", "0")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Tempat tujuan tidak bisa ditulisi"), r.stderr
    assert files_under(stick) == []
    assert store_state(kel) == before
    _remount(stick, "rw")
    assert kla(kel, "export", "--out", str(stick / "KLA"), "--part-size", "0").returncode == 0
    assert [f"-{seq_before(before) + 1:04d}-" in f.name for f in files_under(stick)] == [True]


def test_full_disk_without_mount_rlimit_fsize(big: Path, tmp_path: Path) -> None:
    """The fallback where mounting is refused: RLIMIT_FSIZE in the child makes writes fail (EFBIG).

    The limit is per file and for every file, so the first to hit it is the plain ZIP under
    the workspace's tmp/ (a full PC disk); the tmpfs tests above cover a full stick.
    """
    kel = fresh(big / "a", tmp_path / "a")
    out = tmp_path / "out"
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"  # else the kernel kills instead of EFBIG
        "resource.setrlimit(resource.RLIMIT_FSIZE, (5 * 1024 * 1024, resource.RLIM_INFINITY))\n"
        "from desktop.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    # The workspace's own files are smaller than the limit; the bundle (with its temp ZIP) is not:
    # grow it past 5 MiB first.
    with Store.open(kel, operator="Siti") as a:
        for i in range(10):
            f = tmp_path / f"extra-{i}.bin"
            f.write_bytes(os.urandom(200 * 1024))
            a.add_evidence(None, f, links=[(2025, 3)], kind="other")
    before = store_state(kel)
    r = subprocess.run([sys.executable, "-c", code, "export", "--out", str(out), "--part-size", "0",
                        "--home", str(kel)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Disk ruang kerja penuh"), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert files_under(out) == [] and files_under(kel / "tmp") == []
    assert without_export_counter(store_state(kel)) == without_export_counter(before)
    assert kla(kel, "export", "--out", str(out), "--part-size", "0").returncode == 0


# ---------------------------------------------------------------------------- 2. kill mid-import at DP3AKB


IMPORT_KILLS = {
    # A bundle this size is decrypted in memory (exports.container.IN_MEMORY_MAX): killed as it begins.
    "decrypting": ("hook", {"module": "pyrage", "name": "decrypt"}),
    # Every member hashed from memory, nothing written yet (the files are written as they are adopted).
    "checking members": ("hook", {"module": "exports.container", "name": "Container.check_members", "after": True}),
    "adopting files": ("hook", {"module": "db.sync_parts.area", "name": "Sync.adopt_data", "nth": N_FILES // 2, "after": True}),
    "before commit": ("hook", {"module": "db.sync_parts.area", "name": "Sync.record_bundle"}),
    "after commit": ("hook", {"module": "db.sync_parts.area", "name": "Sync.series_status", "after": True}),
}


@pytest.mark.parametrize("point", list(IMPORT_KILLS))
def test_kill_mid_import_is_all_or_nothing_and_reimport_completes(big: Path, enrolled_template: Path,
                                                                 tmp_path: Path, point: str) -> None:
    city = fresh(enrolled_template / "city", tmp_path / "city")
    src = the_bundle(big)
    before = store_state(city)
    how, what = IMPORT_KILLS[point]
    if how == "poll":
        kill_when(kla_child(city, "import", str(src)), what(city), point)
    else:
        died(kla_child(city, "import", str(src), die_at=what))

    after = store_state(city)  # opens, integrity and every recorded evidence file's hash ok
    with Store.open(big / "a", start_backup=False) as a:
        want = items_of(a, KEL_A)
    with Store.open(city, start_backup=False) as c:
        got = items_of(c, KEL_A)
        in_log = bool(c.sync.bundle_log("in"))
    if point == "after commit":
        assert got == want and in_log
    else:
        assert after == before, f"killed while {point}: partly imported"
        assert not got and not in_log

    r = kla(city, "import", str(src))
    assert r.returncode == 0, r.stderr
    with Store.open(city, start_backup=False) as c:
        assert items_of(c, KEL_A) == want
        assert c.check().ok
        ev = list(c.db.query("SELECT COUNT(*) AS n FROM evidence WHERE kelurahan_code = ?", [KEL_A]))[0]["n"]
        assert ev >= N_FILES
    # A crash leaves no plaintext copy behind once the next import has run.
    assert files_under(city / "tmp", "open-*") == [] and files_under(city / "tmp", "stage-*/*") == []


# ---------------------------------------------------------------------------- kill mid-export at the kelurahan


EXPORT_KILLS = {
    "building the zip": ("poll", lambda home, out: bigger_than("build-*.zip", home / "tmp", 1024 * 1024)),
    # From inside once 1 MB went to the stick: a poller can miss the moment on a busy machine.
    "writing to the stick": ("hook", {"module": "exports.usb", "name": "HashingWriter.write", "after": True,
                                      "past_bytes": 1024 * 1024}),
    "after the rename": ("hook", {"module": "exports.usb", "name": "sha256_of"}),
}


@pytest.mark.parametrize("point", list(EXPORT_KILLS))
def test_kill_mid_export_changes_nothing_and_leaves_no_final_name(big: Path, enrolled_template: Path,
                                                                 tmp_path: Path, point: str) -> None:
    kel = fresh(big / "a-fresh", tmp_path / "a")
    out = tmp_path / "stick" / "KLA"
    out.parent.mkdir()  # the stick is in; its KLA folder is made by the export
    before = store_state(kel)
    how, what = EXPORT_KILLS[point]
    if how == "poll":
        kill_when(kla_child(kel, "export", "--out", str(out), "--part-size", "0"), what(kel, out), point)
    else:
        died(kla_child(kel, "export", "--out", str(out), "--part-size", "0", die_at=what))
    assert without_export_counter(store_state(kel)) == without_export_counter(before)
    finals = [f for f in files_under(out) if not f.name.endswith(TMP_SUFFIX)]
    if point == "after the rename":
        # Renamed only after fsync: what carries the final name is whole, and imports.
        assert len(finals) == 1
        city = fresh(enrolled_template / "city", tmp_path / "city-1")
        assert kla(city, "import", str(finals[0])).returncode == 0
    else:
        assert finals == []

    r = kla(kel, "export", "--out", str(out), "--part-size", "0")
    assert r.returncode == 0, r.stderr
    # The new export also clears what the crash left half-written on the stick.
    assert files_under(out, "*" + TMP_SUFFIX) == []
    new = [f for f in files_under(out) if f not in finals]
    assert len(new) == 1
    city = fresh(enrolled_template / "city", tmp_path / "city-2")
    assert kla(city, "import", str(new[0])).returncode == 0


def test_half_written_leftover_does_not_fill_the_stick_for_the_next_export(big: Path, tmp_path: Path,
                                                                          tmpfs: Any) -> None:
    """A crash while writing to a small stick must not leave it too full for the retry."""
    kel = fresh(big / "a-fresh", tmp_path / "a")
    stick = tmpfs(tmp_path / "stick", 6 * 1024 * 1024)  # room for one bundle, not for one and a half
    out = stick / "KLA"
    # Killed from inside, once 2.5 MB have passed (a poller watching the file's size missed the
    # moment on a busy machine, when the whole file was written between two looks).
    died(kla_child(kel, "export", "--out", str(out), "--part-size", "0",
                   die_at={"module": "exports.usb", "name": "HashingWriter.write", "after": True,
                           "past_bytes": 5 * 1024 * 1024 // 2}))
    left = files_under(out, "*" + TMP_SUFFIX)
    assert left and sum(f.stat().st_size for f in left) >= 2 * 1024 * 1024
    r = kla(kel, "export", "--out", str(out), "--part-size", "0")
    assert r.returncode == 0, r.stderr
    assert [f.suffix for f in files_under(out)] == [".kla"]


# ---------------------------------------------------------------------------- 3. kill mid receipt import


RECEIPT_KILLS = {
    "after acknowledging": {"module": "db.sync_parts.area", "name": "Sync.apply_receipt_state", "after": True},
    "at the receipt number": {"module": "db.sync_parts.area", "name": "Sync.set_state", "arg": "last_receipt_seq", "after": True},
    "before commit": {"module": "db.sync_parts.area", "name": "Sync.record_bundle"},
}


@pytest.fixture(scope="module")
def receipt_case(big: Path, enrolled_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The big bundle imported at DP3AKB, and DP3AKB's receipt for kelurahan A."""
    root = tmp_path_factory.mktemp("receipt")
    city = fresh(enrolled_template / "city", root / "city")
    with Store.open(city) as c:
        assert bundle.import_paths(c, [the_bundle(big)]).files[0].status == "imported"
        rs = receipts.write_receipts(c, root / "rc", KEL_A)
    return big / "a-fresh", rs[0].path


@pytest.mark.parametrize("point", list(RECEIPT_KILLS))
def test_kill_mid_receipt_import_acknowledges_all_or_nothing(receipt_case: tuple[Path, Path], tmp_path: Path,
                                                            point: str) -> None:
    kel_src, receipt = receipt_case
    kel = fresh(kel_src, tmp_path / "a")
    with Store.open(kel, start_backup=False) as a:
        pending_before = len(a.sync.outgoing()[0])
    assert pending_before >= N_FILES
    before = store_state(kel)
    died(kla_child(kel, "import", str(receipt), die_at=RECEIPT_KILLS[point]))
    assert store_state(kel) == before, f"killed {point}: receipt partly applied"

    r = kla(kel, "import", str(receipt))
    assert r.returncode == 0, r.stderr
    with Store.open(kel, start_backup=False) as a:
        assert a.sync.outgoing()[0] == []
        assert a.check().ok


# ---------------------------------------------------------------------------- a full workspace disk


def test_export_with_the_workspace_disk_full_says_so_in_indonesian(big: Path, tmp_path: Path, tmpfs: Any) -> None:
    """The plain ZIP is built under the workspace's tmp/: a full PC disk, not a full stick."""
    kel = fresh(big / "a-fresh", tmp_path / "a")
    before = store_state(kel)
    tmpfs(kel / "tmp", 1024 * 1024)
    out = tmp_path / "out"
    r = kla(kel, "export", "--out", str(out), "--part-size", "0")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Disk ruang kerja penuh"), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert files_under(out) == [] and files_under(kel / "tmp") == []
    assert without_export_counter(store_state(kel)) == without_export_counter(before)


def test_import_with_the_workspace_disk_full_refuses_nothing_and_changes_nothing(
        big: Path, enrolled_template: Path, tmp_path: Path, tmpfs: Any) -> None:
    """A full disk at DP3AKB is our problem, not the bundle's: no quarantine, no partial import.
    (The disk that fills up is the one the evidence files land on; the bundle is decrypted and
    checked in memory, and staged in tmp/, here another disk, one file at a time.)"""
    city = fresh(enrolled_template / "city", tmp_path / "city")
    before = store_state(city)
    tmpfs(city / "evidence", 1024 * 1024)
    r = kla(city, "import", str(the_bundle(big)))
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith("kla: Disk ruang kerja penuh"), r.stderr
    assert files_under(city / "quarantine") == [] and files_under(city / "tmp") == []
    assert store_state(city) == before


def test_import_with_tmp_on_another_disk_lands_every_file(big: Path, enrolled_template: Path, tmp_path: Path,
                                                          tmpfs: Any) -> None:
    """tmp/ mounted apart from evidence/ (a rename between them is refused by the system): each
    file is written beside its final name instead, and the import completes."""
    city = fresh(enrolled_template / "city", tmp_path / "city")
    tmpfs(city / "tmp", 64 * 1024 * 1024)
    r = kla(city, "import", str(the_bundle(big)))
    assert r.returncode == 0, r.stderr
    with Store.open(city, start_backup=False) as c:
        assert c.check().ok  # every recorded evidence file there, with its hash
        n = list(c.db.query("SELECT COUNT(*) AS n FROM evidence WHERE kelurahan_code = ?", [KEL_A]))[0]["n"]
    assert n >= N_FILES
    assert files_under(city / "tmp", "stage-*/*") == [] and files_under(city / "evidence", "*/*.part") == []


# ---------------------------------------------------------------------------- 4. kill mid restore


def _order(home: Path) -> tuple[int, str]:
    """The next bundle's place in the export order: (export number used so far, device id)."""
    with Store.open(home, start_backup=False) as s:
        assert s.check().ok
        return s.sync.counters().get("export_seq", 0), s.core.device_id


def _values(db: Path) -> list[tuple[Any, ...]]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return sorted(conn.execute("SELECT * FROM entry_values").fetchall(), key=repr)


def test_a_restore_killed_at_any_rename_never_rewinds_the_export_order(enrolled_template: Path,
                                                                       tmp_path: Path) -> None:
    """A backup from before two exports is restored, and the restore is killed before and after
    each file rename it makes (every moment a file changes name, the store's included). Whatever
    the moment, the workspace opens sound and its next bundle never carries an export number this
    PC already used (DP3AKB would drop it as older); restoring again completes with the backup's
    values. Before, a kill just after the restored file took the store's name left the backup's
    old counters under the same device id, and a second restore kept them."""
    src = fresh(enrolled_template / "a", tmp_path / "src")
    with Store.open(src, operator="Siti") as a:
        backup = a.backup(reason="manual")
        for n in (1, 2):
            bundle.export_bundles(a, tmp_path / f"e{n}")
    used, device = _order(src)
    assert used >= 2
    want = _values(backup)
    killed = 0
    for nth in range(1, 20):
        done = False
        for after in (False, True):
            home = fresh(src, tmp_path / f"k{nth}-{int(after)}")
            source = home / "backups" / backup.name
            p = kla_child(home, "restore", str(source),
                          die_at={"module": "os", "name": "replace", "nth": nth, "after": after})
            out, err = p.communicate(timeout=120)
            if p.returncode == 0:
                done = True
                break
            assert p.returncode == -signal.SIGKILL, (out, err)
            killed += 1
            seq, dev = _order(home)
            where = f"killed {'after' if after else 'before'} rename {nth}"
            assert dev != device or seq >= used, f"{where}: export number {seq} < {used} on the same device"
            r = kla(home, "restore", str(source))
            assert r.returncode == 0, (where, r.stderr)
            seq, dev = _order(home)
            assert dev != device or seq >= used, f"{where}, restored again: export number {seq} < {used}"
            assert _values(home / "kla.sqlite") == want, where
        if done:
            break
    assert killed >= 4, killed


def test_a_disk_filling_up_half_way_through_an_import_says_what_went_in(enrolled_template: Path, tmp_path: Path,
                                                                       tmpfs: Any) -> None:
    """DP3AKB's disk fills up after some bundles of a folder are in (each committed): the officer is
    told how many are imported, not "nothing changed", and importing the same folder again once
    there is room takes the rest. Before, the message said "Tidak ada yang berubah" over a store
    that held the first bundles."""
    from db.errors import KlaError
    from exports.container import Limits
    from ui.messages import error_text

    inbox = tmp_path / "inbox"
    kel = fresh(enrolled_template / "a", tmp_path / "a")
    with Store.open(kel, operator="Siti") as a:
        small = bundle.export_bundles(a, inbox, part_size=0).parts[0].path
        for i in range(4):
            f = tmp_path / f"foto-{i}.jpg"
            f.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(400 * 1024))
            a.add_evidence(None, f, links=[(2025, 3)], kind="photo", caption=f"Foto {i}")
        big_one = bundle.export_bundles(a, inbox, part_size=0).parts[0].path
    assert sorted(inbox.iterdir()) == [small, big_one]  # imported in this order
    room = sum(f.stat().st_size for f in (enrolled_template / "city").rglob("*") if f.is_file())
    city = tmpfs(tmp_path / "city", room + 1024 * 1024)  # the small bundle fits, the big one not
    shutil.copytree(enrolled_template / "city", city, dirs_exist_ok=True)
    with Store.open(city, start_backup=False) as c:
        with pytest.raises(KlaError) as exc:
            bundle.import_paths(c, [inbox], limits=Limits(group_parts=1))
        assert exc.value.code == "workspace_full_import", exc.value
        assert (exc.value.params["imported"], exc.value.params["total"]) == (1, 2)
        text = error_text(exc.value)
        assert "1 dari 2 berkas sudah diimpor sebelum disk penuh" in text and "Tidak ada yang berubah" not in text
        assert c.check().ok
        assert len(c.sync.bundle_log("in")) == 1
    _run("mount", "-o", "remount,size=64m", str(city))
    with Store.open(city, start_backup=False) as c:
        again = bundle.import_paths(c, [inbox])
        assert [r.status for r in again.files] == ["duplicate", "imported"]
        with Store.open(kel, start_backup=False) as a:
            assert items_of(c, KEL_A) == items_of(a, KEL_A)
        assert c.check().ok


def test_a_restore_file_stopped_half_way_installs_when_tried_again(big: Path, enrolled_template: Path,
                                                                  tmp_path: Path) -> None:
    """The replacement PC's restore file: a kill (or a cancel) in the middle leaves the new workspace
    made but empty; trying again must restore into it, not refuse it as "not a new folder" (which
    left the office with an empty workspace it could not restore into). A workspace with data of
    its own is still refused."""
    from db.errors import KlaError
    from exports import setup

    city = fresh(enrolled_template / "city", tmp_path / "city")
    with Store.open(city) as c:
        assert bundle.import_paths(c, [the_bundle(big)]).files[0].status == "imported"
        r = setup.enroll(c, KEL_A, tmp_path / "pulih.klasetup", restore=True)
        want = items_of(c, KEL_A)

    pc = tmp_path / "pc-baru"
    died(kla_child(pc, "setup", str(r.path), "--passphrase", r.passphrase,
                   die_at={"module": "exports.setup", "name": "_apply_restore"}))
    with Store.open(pc, start_backup=False) as s:  # made, but nothing restored, no keys
        assert s.check().ok and not s.sync.own_keys(active_only=False) and not items_of(s, KEL_A)
    again = kla(pc, "setup", str(r.path), "--passphrase", r.passphrase)
    assert again.returncode == 0, again.stderr
    assert "Dipulihkan:" in again.stdout
    with Store.open(pc, start_backup=False) as s:
        assert items_of(s, KEL_A) == want and s.check().ok

    pc2 = tmp_path / "pc-batal"
    with pytest.raises(KlaError) as exc:
        setup.install(pc2, r.path, r.passphrase, cancelled=lambda: True)
    assert exc.value.code == "cancelled"
    assert setup.install(pc2, r.path, r.passphrase).restored_items == len(want)

    with pytest.raises(KlaError) as exc:  # a workspace with data of its own: never overwritten by a restore
        setup.install(fresh(enrolled_template / "a", tmp_path / "a"), r.path, r.passphrase)
    assert exc.value.code == "restore_needs_new_home"


def test_a_named_pipe_called_kla_is_refused_without_being_opened(enrolled_template: Path, tmp_path: Path) -> None:
    """A FIFO named like a bundle (an ext4 stick can hold one) given to kla import: refused as not a
    regular file, with a reason in quarantine and nothing read. Before, writing its reason hashed
    the "file" and the import waited for a writer forever."""
    city = fresh(enrolled_template / "city", tmp_path / "city")
    before = store_state(city)
    pipe = tmp_path / "stick" / "KLA-pipa.kla"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    r = kla(city, "import", str(pipe))  # communicate() has a guard; a hang fails the test
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "bukan berkas biasa" in r.stdout, r.stdout
    reasons = files_under(city / "quarantine", "*.alasan.txt")
    assert len(reasons) == 1 and "bukan berkas biasa (perangkat atau pipa bernama)" in reasons[0].read_text()
    assert [f for f in files_under(city / "quarantine") if f not in reasons] == []
    assert store_state(city) == before and pipe.exists()


def test_receipts_stopped_by_a_full_stick_say_which_were_written_and_who_still_needs_one(
        enrolled_template: Path, tmp_path: Path, tmpfs: Any) -> None:
    """DP3AKB writes receipts for every enrolled unit onto a stick with room for one: the one written
    stays (on the stick and in the history) and the message names it and the unit still without one."""
    city = fresh(enrolled_template / "city", tmp_path / "city")
    with Store.open(city, start_backup=False) as c:
        probe = receipts.write_receipts(c, tmp_path / "probe", KEL_A)[0].path.stat().st_size
    stick = tmpfs(tmp_path / "stick", probe + probe // 2)
    r = kla(city, "receipt", "--out", str(stick))
    assert r.returncode == 1, r
    written = sorted(stick.glob("KLA-tanda-terima-*.kla"))
    assert [p.name.split("-")[3] for p in written] == [KEL_A]  # the first unit's, whole
    assert not list(stick.glob(f"*{TMP_SUFFIX}*"))
    with Store.open(city, start_backup=False) as c:
        names = {k: c.kelurahan(k).name for k in (KEL_A, KEL_B)}
        logged = [b.file_name for b in c.sync.bundle_log() if b.type == "receipt" and b.direction == "out"]
        assert written[0].name in logged and len(logged) == 2  # the probe's and the stick's; none for KEL_B
    assert "1 dari 2 tanda terima sudah ditulis" in r.stderr, r.stderr
    assert f"({names[KEL_A]})" in r.stderr and f"Belum mendapat tanda terima: {names[KEL_B]}." in r.stderr
    assert "penuh" in r.stderr and "Traceback" not in r.stderr


def test_export_to_a_folder_whose_parent_is_missing_writes_nothing(big: Path, tmp_path: Path) -> None:
    """``--out /media/flashdisk/KLA`` with no stick in: refused, nothing made on this PC's disk."""
    kel = fresh(big / "a", tmp_path / "a")
    before = store_state(kel)
    r = kla(kel, "export", "--out", str(tmp_path / "no-stick" / "KLA"))
    assert r.returncode == 1 and "tidak ada, jadi tidak ada yang ditulis" in r.stderr, r
    assert not (tmp_path / "no-stick").exists()
    assert store_state(kel) == before
