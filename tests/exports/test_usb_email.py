"""Safe writes to sticks (full, read-only, pulled out, bad read-back), drive listing, e-mail outbox."""

from __future__ import annotations

import errno
import io
from pathlib import Path
from typing import Any

import pytest

from db.errors import KlaError
from exports import bundle, usb
from exports import email as kla_email


class FailingFile(io.BytesIO):
    """A file that fails after ``after`` bytes, like a stick that fills up or is pulled out."""

    def __init__(self, path: Path, err: int, after: int) -> None:
        super().__init__()
        self.path, self.err, self.after = path, err, after
        path.write_bytes(b"")  # the temporary name exists on the stick, as it would

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.after:
            raise OSError(self.err, "simulated")
        n = super().write(data)
        self.path.write_bytes(self.getvalue())
        return n

    def fileno(self) -> int:
        raise OSError(self.err, "simulated")


@pytest.mark.parametrize(("err", "code"), [(errno.ENOSPC, "dest_full"), (errno.EROFS, "dest_readonly"),
                                           (errno.EIO, "dest_gone")])
def test_failed_write_leaves_no_file_that_looks_complete(tmp_path: Path, err: int, code: str) -> None:
    dest = tmp_path / "stick" / "KLA-1.kla"
    with pytest.raises(KlaError) as exc:
        usb.write_verified(dest, lambda w: [w.write(b"x" * 1000) for _ in range(10)],
                           opener=lambda p: FailingFile(p, err, 4000))
    assert exc.value.code == code
    assert list((tmp_path / "stick").iterdir()) == []


def test_read_back_mismatch_deletes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usb, "sha256_of", lambda p, drop_cache=False: "0" * 64)
    dest = tmp_path / "KLA-1.kla"
    with pytest.raises(KlaError) as exc:
        usb.write_verified(dest, lambda w: w.write(b"data") and None)
    assert exc.value.code == "dest_verify_failed"
    assert list(tmp_path.iterdir()) == []


def test_write_verified_returns_hash_of_what_is_on_disk(tmp_path: Path) -> None:
    import hashlib

    sha, size = usb.write_verified(tmp_path / "f", lambda w: w.write(b"abc") and None)
    assert (sha, size) == (hashlib.sha256(b"abc").hexdigest(), 3)
    assert (tmp_path / "f").read_bytes() == b"abc"


def test_export_to_a_full_stick_writes_nothing_and_marks_nothing(world, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.exports.conftest import dump

    real = usb.write_verified

    def full(dest: Path, produce: Any, cancelled: Any = None, opener: Any = None) -> Any:
        return real(dest, produce, cancelled, opener=lambda p: FailingFile(p, errno.ENOSPC, 2000))

    monkeypatch.setattr("exports.container.write_verified", full)
    before = dump(world.a)
    with pytest.raises(KlaError) as exc:
        bundle.export_bundles(world.a, tmp_path / "stick")
    assert exc.value.code == "dest_full"
    assert list((tmp_path / "stick").iterdir()) == []
    after = dump(world.a)
    # Only the export counter moved; nothing is marked sent.
    assert {k: v for k, v in after.items() if k != "sync_state"} == \
        {k: v for k, v in before.items() if k != "sync_state"}


def test_removable_drives_from_mounts(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "FLASHDISK"
    stick.mkdir(parents=True)
    sysblock = tmp_path / "sys"
    (sysblock / "sdb").mkdir(parents=True)
    (sysblock / "sdb" / "removable").write_text("1\n")
    (sysblock / "sda").mkdir(parents=True)
    (sysblock / "sda" / "removable").write_text("0\n")
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 {stick} vfat rw 0 0\nproc /proc proc rw 0 0\n")
    vols = usb.removable_drives(mounts, sysblock)
    assert [v.path for v in vols] == [str(stick)]
    assert vols[0].free > 0


class FakeSmtp:
    sent: list[Any] = []
    fail = False

    def __enter__(self) -> FakeSmtp:
        return self

    def __exit__(self, *a: object) -> None:
        pass

    def send_message(self, msg: Any) -> None:
        if FakeSmtp.fail:
            raise OSError("jaringan putus")
        FakeSmtp.sent.append(msg)


def test_outbox_retries_until_sent(world, tmp_path: Path) -> None:
    ex = bundle.export_bundles(world.a, tmp_path / "out", eml=True)
    kla_email.queue(world.a, ex.eml[0])
    cfg = kla_email.SmtpConfig("smtp.example", sender="kel@example.id")
    FakeSmtp.fail = True
    r = kla_email.send_outbox(world.a, cfg, connect=lambda c: FakeSmtp())
    assert r.sent == [] and len(r.failed) == 1 and r.waiting == 1
    FakeSmtp.fail = False
    r = kla_email.send_outbox(world.a, cfg, connect=lambda c: FakeSmtp())
    assert r.sent == [ex.eml[0].name] and r.waiting == 0
    msg = FakeSmtp.sent[-1]
    assert msg["To"] == "dp3akb@example.go.id" and msg["X-Unsent"] is None
    assert any(p.get_filename() == ex.parts[0].path.name for p in msg.iter_attachments())
