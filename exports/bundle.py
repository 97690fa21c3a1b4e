"""Submission bundles: export at the kelurahan, import at DP3AKB (and receipts back).

``export_bundles`` writes everything DP3AKB has not acknowledged as one or more parts,
each a complete signed and encrypted bundle. ``import_paths`` takes bundle files, parts,
folders, ``.eml`` files and receipts; each file is checked completely before one
transaction applies it, and a refused file is copied to the quarantine folder with a
readable reason. Format: docs/bundle-format.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import sync
from db.errors import KlaError
from db.evidence import CONTENT_HEAD, CONTENT_SIGNATURES, content_mismatch, head_mismatch
from db.ids import uuid4_hex
from db.progress import Cancelled, Progress, step
from db.rules import PARTNERS
from db.store import Store
from exports import keys
from exports.container import (
    MB,
    Container,
    ContainerWriter,
    Limits,
    cleanup_tmp,
    encrypt_to,
    now_iso,
    open_container,
)
from exports.manifest import build_manifest, device_name, require_role, signing_key
from exports.names import display_name, safe_file_name
from exports.usb import remove_leftovers, sha256_of, workspace_full

log = logging.getLogger(__name__)

DEFAULT_PART_SIZE = 20 * MB
# Room left in each part for the ZIP directory, manifest, sums and age's 16 bytes per 64 KiB.
PART_OVERHEAD = 256 * 1024
KIND_ORDER = {"evidence": 0, "entry": 1, "activity": 2, "facility": 3}
OUTCOMES = ("new", "changed", "unchanged", "older", "conflict", "rejected")


MIN_PART_SIZE = 10 * 1024
"""A part size below this (other than 0: no splitting) is refused: every part would hold one item."""


def parse_size(text: str | int) -> int:
    """'20MB', '20 MB', '500k', '1,5GB', '0' (no splitting) -> bytes. A bare number is megabytes (a clerk
    typing ``20`` means 20 MB, never 20 bytes); a size under :data:`MIN_PART_SIZE` is refused."""
    if isinstance(text, int):
        return text
    s = str(text).strip().upper().replace(" ", "").replace(",", ".")
    units = {"GB": 1024**3, "G": 1024**3, "MB": MB, "M": MB, "KB": 1024, "K": 1024, "B": 1, "": MB}
    for suffix in ("GB", "MB", "KB", "G", "M", "K", "B", ""):
        if s.endswith(suffix):
            num = s[: len(s) - len(suffix)] if suffix else s
            try:
                value = float(num)
            except ValueError:
                break
            if value < 0 or value != value or value == float("inf"):
                break
            size = int(value * units[suffix])
            if 0 < size < MIN_PART_SIZE or (size == 0 and value > 0):
                raise KlaError("size_too_small", value=str(text), minimum=MIN_PART_SIZE // 1024)
            return size
    raise KlaError("size_invalid", value=str(text))


# ---------------------------------------------------------------------------- export


@dataclass(frozen=True)
class PartWritten:
    path: Path
    part: int
    parts: int
    size: int
    sha256: str
    items: int
    files: int
    oversized: bool
    counts: dict[str, int]


@dataclass(frozen=True)
class ExportResult:
    series_id: str
    device_seq: int
    parts: tuple[PartWritten, ...]
    items: int
    files: int
    file_bytes: int
    rejected: tuple[str, ...] = ()
    eml: tuple[Path, ...] = ()
    period: str = ""
    flagged: tuple[tuple[int, int], ...] = ()  # (data_year, indicator_no) of entries sent with flags to check

    @property
    def nothing_to_send(self) -> bool:
        return not self.parts


def flagged_entries(store: Store, outs: list[sync.Outgoing]) -> tuple[tuple[int, int], ...]:
    """The entries going out whose values carry flags (db.rules): the summary names them."""
    keys = sorted({(int(o.item.data["data_year"]), int(o.item.data["indicator_no"])) for o in outs
                   if o.item.kind == "entry" and o.item.data})
    return tuple(k for k in keys if store.indicator_status(None, *k).flags)


@dataclass
class _Unit:
    outs: list[sync.Outgoing]
    size: int


def _plan(outs: list[sync.Outgoing], store: Store, part_size: int) -> list[list[sync.Outgoing]]:
    """Group items so that activities/facilities travel with their new evidence, then pack parts."""
    by_ev = {o.item.key.split("/", 1)[1]: o for o in outs if o.item.kind == "evidence"}
    used: set[str] = set()
    units: list[_Unit] = []

    def size_of(o: sync.Outgoing) -> int:
        n = len(sync.canonical(o.to_json())) + 1
        if o.send_file and o.item.data:
            n += int(o.item.data["size"]) + 200
        return n

    for o in outs:
        if o.item.kind in ("activity", "facility") and o.item.data:
            group = [by_ev[e] for e in o.item.data["evidence_ids"] if e in by_ev and e not in used]
            used.update(e for e in o.item.data["evidence_ids"] if e in by_ev)
            group.append(o)
            units.append(_Unit(group, sum(size_of(x) for x in group)))
    for o in outs:
        if o.item.kind == "evidence" and o.item.key.split("/", 1)[1] in used:
            continue
        if o.item.kind in ("activity", "facility") and o.item.data:
            continue
        units.append(_Unit([o], size_of(o)))
    budget = part_size - min(PART_OVERHEAD, part_size // 8) if part_size > 0 else 0
    parts: list[list[sync.Outgoing]] = []
    sizes: list[int] = []
    # First fit, biggest units first: few parts, and small items fill the gaps.
    for u in sorted(units, key=lambda u: -u.size):
        if budget <= 0:
            target = 0 if parts else None
        else:
            target = next((i for i, s in enumerate(sizes) if s + u.size <= budget), None)
        if target is None:
            parts.append([])
            sizes.append(0)
            target = len(parts) - 1
        parts[target] += u.outs
        sizes[target] += u.size
    for p in parts:
        p.sort(key=lambda o: (KIND_ORDER[o.item.kind], o.item.deleted, o.item.key))
    return parts


def _parts_of(folder: Path, prefix: str) -> bool:
    """Is any file starting with ``prefix`` in ``folder`` (a part, or a half-written one)? True when unsure."""
    try:
        return any(p.name.startswith(prefix) for p in Path(folder).iterdir())
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _check_partners(outs: list[sync.Outgoing]) -> None:
    """An activity stored with a partner outside PARTNERS (before the rule refused one) would make DP3AKB
    refuse the whole bundle (db.sync ``partners_invalid``): the clerk hears it here, by the activity's title."""
    for o in outs:
        d = o.item.data
        if o.item.kind == "activity" and d and isinstance(d.get("partners"), list):
            unknown = [p for p in d["partners"] if p not in PARTNERS]
            if unknown:
                raise KlaError("activity_partner_stored_unknown", title=str(d.get("title", "")),
                               partner=str(unknown[0]))


def export_bundles(
    store: Store,
    out_dir: Path,
    *,
    part_size: int = DEFAULT_PART_SIZE,
    eml: bool = False,
    mail_limit: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write everything DP3AKB has not acknowledged into ``out_dir``; nothing is marked sent.

    With ``eml``, parts are also no larger than fits one e-mail of ``mail_limit`` bytes
    (encoded; default: :data:`exports.email.DEFAULT_MAIL_PRESET`, Gmail/Outlook's 25 MB).
    """
    if eml:
        from exports.email import DEFAULT_MAIL_PRESET, part_size_for

        mail_limit = mail_limit or DEFAULT_MAIL_PRESET.message_bytes
        fits = part_size_for(mail_limit)
        part_size = min(part_size, fits) if part_size > 0 else fits
    require_role(store, "kelurahan")
    own = signing_key(store)
    city_keys = store.sync.peer_keys(store.city_code)
    if not city_keys:
        raise KlaError("not_enrolled")
    recipients = [k.age_recipient for k in city_keys]
    cleanup_tmp(store.paths.tmp, "build-")
    outs, rejected = store.sync.outgoing()
    if not outs:
        return ExportResult("", 0, (), 0, 0, 0, tuple(r.key for r in rejected))
    _check_partners(outs)
    plan = _plan(outs, store, part_size)
    seq = store.sync.next_counter("export_seq")
    series = uuid4_hex()
    kel = store.kelurahan(store.kelurahan_code)
    years = sorted({o.item.data["data_year"] for o in outs if o.item.data and "data_year" in o.item.data})
    period = "-".join(str(y) for y in (years[:1] + years[-1:])) if years else ""
    total_bytes = sum(int(o.item.data["size"]) for o in outs if o.send_file and o.item.data)
    done_bytes = 0
    written: list[PartWritten] = []
    stamp = dt.datetime.now().strftime("%Y%m%d")
    t = store.template
    out_dir = Path(out_dir)
    # A crash or a pulled-out stick during an earlier export of this kelurahan leaves its
    # "<name>.sedang-ditulis" behind; on a small stick it can leave no room for this one.
    # Only this PC's: another PC of the kelurahan may be writing to the same folder right now.
    device = store.device_id[:6]
    pc_name, replaces = device_name(store), store.replaced_devices()
    remove_leftovers(out_dir, f"KLA-{kel.code}-*-{device}-")
    ids: list[str] = []
    try:
        for k, part in enumerate(plan, 1):
            counts = {kind: sum(1 for o in part if o.item.kind == kind and not o.item.deleted) for kind in KIND_ORDER}
            counts["deleted"] = sum(1 for o in part if o.item.deleted)
            w = ContainerWriter(store.paths.tmp, cancelled)
            try:
                nfiles = 0
                sent: set[str] = set()
                for o in part:
                    if o.send_file and o.item.data and o.item.data["sha256"] not in sent:
                        sha = o.item.data["sha256"]
                        src = store.paths.evidence_file(sha)
                        if not src.exists():
                            raise KlaError("evidence_file_missing", name=o.item.data["original_name"], sha=sha[:12])
                        # DP3AKB refuses the whole bundle for it: the clerk hears it here, by name.
                        wrong = content_mismatch(src, str(o.item.data.get("mime", "")))
                        if wrong:
                            raise KlaError("evidence_not_its_type", name=o.item.data["original_name"], kind=wrong)

                        def tick(n: int, k: int = k) -> None:
                            nonlocal done_bytes
                            done_bytes += n
                            if progress:
                                progress(done_bytes, total_bytes, step("export_part_evidence", part=k, parts=len(plan)))

                        got = w.add_file(f"evidence/{sha}", src, tick)
                        if got != sha:
                            raise KlaError("evidence_file_damaged", name=o.item.data["original_name"])
                        sent.add(sha)
                        nfiles += 1
                w.add_lines("records.jsonl", (sync.canonical(o.to_json()).encode() + b"\n" for o in part))
                manifest = build_manifest(
                    store, "bundle", own, kelurahan={"code": kel.code, "name": kel.name}, city_code=store.city_code,
                    device_id=store.device_id, device_seq=seq, series={"id": series, "part": k, "parts": len(plan)},
                    device_name=pc_name, device_replaces=replaces,
                    template={"id": t.id, "version": t.version}, counts=counts, files=nfiles, period=period,
                    recipients=recipients,
                )
                zpath = w.finish(manifest, own.sign_private)
                # Unique per PC and per export (two PCs of one kelurahan, one stick, one day), and
                # write_verified never replaces another file of that name anyway.
                name = f"KLA-{kel.code}-{stamp}-{seq:04d}-{device}-{series[:4]}-bagian-{k}-dari-{len(plan)}.kla"
                sha, size = encrypt_to(zpath, out_dir / name, recipients, cancelled)
            except OSError as exc:
                # The stick's errors arrive as KlaError from write_verified; an OSError here is the
                # workspace's own disk (the plain ZIP under tmp/), which the clerk must hear about
                # in Indonesian, not as the system's "No space left on device".
                full = workspace_full(exc, store.paths.tmp)
                if full is None:
                    raise
                raise full from exc
            finally:
                w.discard()
            pw = PartWritten(out_dir / name, k, len(plan), size, sha, len(part), nfiles,
                             part_size > 0 and size > part_size, counts)
            written.append(pw)
            ids.append(manifest["id"])
            with store.transaction():
                store.sync.record_bundle(sync.BundleLogRecord(
                    manifest["id"], "out", "bundle", kel.code, store.device_id, seq, series, k, len(plan), name, sha,
                    size, manifest["created_at"], now_iso(), {"counts": counts, "files": nfiles}))
            if progress:
                progress(done_bytes, total_bytes, step("export_part_done", part=k, parts=len(plan)))
    except BaseException:
        # A later part did not fit (a full stick), the stick was pulled out, or the export was
        # cancelled: the parts this export already wrote are taken off again, so the stick never
        # holds half an export (DP3AKB's inbox would wait for its other parts forever), and the
        # log forgets them. Only our own files, as we wrote them; a kill leaves them (each part is
        # a whole bundle, and DP3AKB counts a series superseded once a later export came whole).
        _take_back(store, written, ids)
        # Stopped before any part was whole (a full or write-protected stick, Batal): the number
        # went nowhere, so the next export takes it again. A part once written keeps it used.
        if not written and not _parts_of(out_dir, f"KLA-{kel.code}-{stamp}-{seq:04d}-{device}-"):
            with contextlib.suppress(Exception):
                store.sync.give_back_counter("export_seq", seq)
        raise
    emls: list[Path] = []
    if eml:
        from exports.email import write_eml_for_parts

        try:
            emls = write_eml_for_parts(store, written, period, mail_limit or 0)
        except BaseException:
            # The stick filled up with the drafts: the export did not happen as asked, so it
            # leaves nothing (drafts of its parts, then the parts) rather than parts the clerk
            # was told had failed. A draft's name is its part's, unique to this export.
            for pw in written:
                with contextlib.suppress(OSError):
                    pw.path.with_suffix(".eml").unlink(missing_ok=True)
            _take_back(store, written, ids)
            raise
    result = ExportResult(series, seq, tuple(written), len(outs), sum(p.files for p in written), total_bytes,
                          tuple(r.key for r in rejected), tuple(emls), period, flagged_entries(store, outs))
    # The window's "Kiriman terakhir" and Beranda's "changed since" read this, whichever
    # front end wrote the bundle.
    note_export(store, result)
    return result


def _take_back(store: Store, written: list[PartWritten], ids: list[str]) -> None:
    """The parts of an export that stopped half way off the stick again (each only if its bytes
    are still the ones written), and out of the bundle log. Never raises: the reason the export
    stopped is what the clerk must hear."""
    for pw in written:
        with contextlib.suppress(OSError):
            if sha256_of(pw.path) == pw.sha256:
                pw.path.unlink()
    if ids:
        with contextlib.suppress(Exception), store.transaction():
            store.sync.forget_bundles(ids, "out")


# ---------------------------------------------------------------------------- import


@dataclass
class FileReport:
    """What happened to one file. ``reason_code``/``reason_params`` for the front end's words."""

    path: str
    type: str = ""
    status: str = ""  # imported | duplicate | older | refused | dry-run | own (this workspace's own export/receipt)
    kelurahan: str = ""
    series_id: str = ""
    part: int = 0
    parts: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    """Per item: ``key``, ``outcome`` (db.sync.Decision), ``reason`` (a code: ``decided_elsewhere``,
    ``newer_received``, ``changed_both``, ``changed_other_pc``, ``restored_older``, ``file_follows``, ``conflict_recorded``) with
    ``reason_params``, and ``name`` (file name, title or facility name) when the item has one."""
    reason_code: str = ""
    reason_params: dict[str, Any] = field(default_factory=dict)
    quarantined: str = ""
    notes: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    shared_key: dict[str, Any] = field(default_factory=dict)
    """A bundle whose key another PC also signs with (``db.sync.KeySharing``): ``fingerprint``,
    ``concurrent`` (both PCs in use) and the PCs (``this``, ``others``: name, first, last, exports)."""
    bundle_id: str = ""
    """The manifest's ``id`` of a bundle or receipt that was opened."""


@dataclass
class ImportResult:
    files: list[FileReport]
    series: list[sync.SeriesStatus]
    dry_run: bool

    @property
    def refused(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "refused"]


STICK_DEPTH = 3
"""How many folders deep a folder (the root of a stick) is searched for bundles and e-mails."""


def _expand(paths: Iterable[Path]) -> list[Path]:
    """The files to import: given files as they are, folders searched ``STICK_DEPTH`` deep.

    Symbolic links inside a folder are listed too (each is then refused, never followed):
    a link on a stick can point anywhere on this PC. Hidden files are skipped.
    """
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir() and not p.is_symlink():
            found: list[Path] = []
            for root, dirs, names in os.walk(p, followlinks=False):
                depth = len(Path(root).relative_to(p).parts)
                dirs[:] = [d for d in dirs if depth + 1 < STICK_DEPTH and not d.startswith(".")]
                for name in names:
                    f = Path(root) / name
                    if f.suffix.lower() in (".kla", ".eml") and not name.startswith(".") and \
                            (f.is_symlink() or f.is_file()):
                        found.append(f)
                for d in list(dirs):
                    if (Path(root) / d).is_symlink():  # os.walk lists a link to a folder as a folder
                        dirs.remove(d)
            out += sorted(found, key=lambda f: os.fsencode(f))
        else:
            out.append(p)
    return out


def _clean_params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters with every text made printable (a stick's file names may be any bytes)."""
    return {k: display_name(v) if isinstance(v, str) else v for k, v in params.items()}


def _own_file(store: Store, path: Path) -> sync.BundleLogRecord | None:
    """The bundle or receipt this workspace wrote itself, when ``path`` is one (same size and SHA-256)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    same = [r for r in store.sync.bundle_log("out") if r.size == size and r.file_sha256]
    if not same:
        return None
    sha = _file_facts(path)[1]
    return next((r for r in same if r.file_sha256 == sha), None)


def _file_facts(path: Path) -> tuple[int, str]:
    """(size, SHA-256) of a regular file, read in chunks; (size, '') when it cannot be read."""
    import hashlib

    h = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1024 * 1024):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        with contextlib.suppress(OSError):
            size = path.lstat().st_size
        return size, ""
    return size, h.hexdigest()


def quarantine(store: Store, path: Path, err: KlaError, describe: Callable[[KlaError], str] | None,
               label: str = "", limits: Limits | None = None) -> Path:
    """Keep a refused file in the quarantine folder, with a reason anyone can read.

    The copy is ``<time>-<sha256[:16]>-<name>`` beside ``<that>.alasan.txt``. A file larger
    than ``limits.quarantine_keep`` (or than the disk can spare) is not copied: the reason
    file then names its size and SHA-256, and the original stays where it was. A link is
    never followed. The same file refused again adds a line to its reason file, not a copy.
    Returns the copy, or the reason file when there is no copy.
    """
    limits = limits or Limits()
    q = store.paths.quarantine
    q.mkdir(parents=True, exist_ok=True)
    err = KlaError(err.code, **_clean_params(dict(err.params)))
    text = display_name(describe(err) if describe else str(err))
    link = path.is_symlink()
    # Only a regular file is read: a named pipe (or a device) would block the import forever.
    regular = not link and path.is_file()
    size, sha = _file_facts(path) if regular else (0, "")
    label = display_name(label or str(path))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    record = (f"Berkas: {label}\nWaktu: {now_iso()}\nAlasan: {text}\nKode: {err.code}\nRincian: {err.params}\n"
              f"Ukuran: {size} bita\nSHA-256: {sha or '-'}\n")
    if sha:
        for earlier in sorted(q.glob(f"*-{sha[:16]}-*.alasan.txt")):
            with open(earlier, "a", encoding="utf-8") as fh:
                fh.write(f"\nDitolak lagi:\n{record}")
            copy = earlier.with_name(earlier.name[: -len(".alasan.txt")])
            return copy if copy.exists() else earlier
    dest = q / f"{stamp}-{(sha or uuid4_hex())[:16]}-{safe_file_name(path.name, 80)}"
    copied = False
    if link:
        note = "Berkas ini tautan (symlink); tautan tidak diikuti dan tidak disalin."
    elif not regular:
        note = "Ini bukan berkas biasa (perangkat atau pipa bernama); tidak dibuka dan tidak disalin."
    elif not sha:
        note = "Berkas tidak bisa dibaca, jadi tidak disalin."
    elif size > limits.quarantine_keep or size + 512 * MB > _free(q):
        note = (f"Berkas tidak disalin ke karantina (ukurannya {size} bita; batas {limits.quarantine_keep} bita). "
                f"Berkas aslinya tetap di tempat semula; SHA-256 di atas mengenalinya.")
    else:
        try:
            shutil.copyfile(path, dest, follow_symlinks=False)
            copied = True
            note = ""
        except OSError:
            dest.unlink(missing_ok=True)
            note = "Berkas tidak bisa disalin ke karantina (disk penuh?)."
    reason = dest.with_name(dest.name + ".alasan.txt")
    reason.write_text(record + (note + "\n" if note else "") + "\nBerkas ini TIDAK dimasukkan ke basis data.\n",
                      encoding="utf-8")
    return dest if copied else reason


def _free(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


_MULTIPART = re.compile(rb"^content-type:[ \t]*(?:\r?\n[ \t]+)?multipart/", re.I | re.M)


def _eml_attachments(path: Path, tmp: Path, limits: Limits) -> list[tuple[Path, str]]:
    """The ``.kla`` attachments of an e-mail, staged under ``tmp``; the nesting is bounded
    (``limits.max_mime_depth``, ``limits.max_mime_multiparts``) before the parser sees it."""
    size = path.stat().st_size
    if size > limits.max_eml:
        raise KlaError("bundle_too_large", size=size, limit=limits.max_eml)
    data = path.read_bytes()
    multiparts = len(_MULTIPART.findall(data))
    if multiparts > limits.max_mime_multiparts:
        raise KlaError("email_too_complex", path=display_name(path.name), count=multiparts,
                       limit=limits.max_mime_multiparts)
    try:
        import email  # only for an e-mail given to the import (the package and its policy: ~50 ms)
        import email.policy

        msg = email.message_from_bytes(data, policy=email.policy.default)
        del data
        found: list[tuple[str, bytes]] = []
        stack: list[tuple[Any, int]] = [(msg, 0)]
        while stack:  # msg.walk() recurses: an explicit stack with a depth limit instead
            part, depth = stack.pop()
            if depth > limits.max_mime_depth:
                raise KlaError("email_too_complex", path=display_name(path.name), count=depth,
                               limit=limits.max_mime_depth)
            if part.is_multipart():
                children = part.get_payload()
                if isinstance(children, list):
                    stack.extend((c, depth + 1) for c in reversed(children))
                continue
            name = part.get_filename()
            if not name or not str(name).lower().endswith(".kla"):
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                found.append((str(name), payload))
    except RecursionError as exc:
        raise KlaError("email_too_complex", path=display_name(path.name), count=multiparts,
                       limit=limits.max_mime_depth) from exc
    except (ValueError, LookupError, TypeError, IndexError, AttributeError) as exc:
        raise KlaError("bundle_damaged", detail="email_unreadable") from exc
    out = []
    tmp.mkdir(parents=True, exist_ok=True)
    for name, payload in found:
        safe = safe_file_name(Path(name.replace("\\", "/")).name, 80)
        dest = tmp / f"mail-{uuid4_hex()[:8]}-{safe}"
        dest.write_bytes(payload)
        out.append((dest, f"{display_name(path.name)}: {safe}"))
    if not out:
        raise KlaError("email_no_bundle", path=display_name(path))
    return out


def import_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    dry_run: bool = False,
    limits: Limits | None = None,
    describe: Callable[[KlaError], str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Import bundles (DP3AKB) or receipts (kelurahan). Each file all-or-nothing; a refused
    file never stops the others."""
    limits = limits or Limits()
    cleanup_tmp(store.paths.tmp, "open-")
    cleanup_tmp(store.paths.tmp, "stage-")
    cleanup_tmp(store.paths.tmp, "mail-")
    files = _expand(paths)
    reports: list[FileReport] = []
    # DP3AKB's bundles share durable commits: each stays all-or-nothing (a savepoint of the
    # group's transaction) and a crash loses at most the group not yet committed, whose files
    # are still where they were and import again (docs/bundle-format.md §9).
    grouped = store.role == "city" and not dry_run
    try:
        with (store.core.commit_group(limits.group_parts, limits.group_seconds) if grouped
              else contextlib.nullcontext()) as group, \
                (store.sync.importing(len(files)) if grouped else contextlib.nullcontext()), \
                (store.core.larger_cache() if len(files) > 1 else contextlib.nullcontext()):
            for n, f in enumerate(files, 1):
                if progress:
                    progress(n - 1, len(files), step("checking_file", name=display_name(f.name)))
                reports += _import_file(store, f, dry_run, limits, describe, cancelled)
                if group is not None:
                    group.part_done()
    except KlaError as err:
        # A full disk stops the import, but the files committed before it stay imported: say
        # how many, instead of the "nothing changed" of a full disk before any write.
        if err.code == "workspace_full" and not dry_run:
            done = sum(1 for r in reports if r.status == "imported" and r.bundle_id
                       and store.sync.bundle_seen(r.bundle_id))
            if done:
                raise KlaError("workspace_full_import", path=str(err.params.get("path", "")), imported=done,
                               total=len(files)) from err
        raise
    if progress:
        progress(len(files), len(files), step("done"))
    if dry_run:
        _mark_repeats(reports)
    series = store.sync.series_status() if store.role == "city" else []
    return ImportResult(reports, series, dry_run)


def _mark_repeats(reports: list[FileReport]) -> None:
    """A dry run over the same bundle twice (the .kla and its .eml draft, a copy on the stick): the
    import takes it once, so the dry run says so of the later ones ("duplicate", with the file it
    repeats) instead of counting each as importable."""
    seen: dict[tuple[str, str, str, int], str] = {}
    for rep in reports:
        if rep.status != "dry-run" or not rep.series_id:
            continue
        key = (rep.type, rep.kelurahan, rep.series_id, rep.part)
        if key in seen:
            rep.status = "duplicate"
            rep.reason_code = "import_same_in_batch"
            rep.reason_params = {"name": seen[key]}
            rep.counts, rep.items = {}, []
        else:
            seen[key] = display_name(Path(rep.path).name)


def _import_file(store: Store, f: Path, dry_run: bool, limits: Limits, describe: Callable[[KlaError], str] | None,
                 cancelled: Cancelled | None) -> list[FileReport]:
    """One file given to the import: a bundle or receipt, or an e-mail with bundles attached."""
    label = display_name(f)
    if not f.is_symlink() and not f.exists():
        # A typo in the path or a stick pulled out: say so, not "a link or a device".
        return [_refuse(store, f, KlaError("file_not_found", path=label), describe, dry_run, label, limits)]
    if f.is_symlink() or not f.is_file():
        return [_refuse(store, f, KlaError("import_not_a_file", path=label), describe, dry_run, label, limits)]
    if f.suffix.lower() != ".eml":
        return [_import_one(store, f, label, dry_run, limits, describe, cancelled)]
    try:
        attachments = _eml_attachments(f, store.paths.tmp, limits)
    except KlaError as err:
        return [_refuse(store, f, err, describe, dry_run, label, limits)]
    except OSError as exc:
        full = workspace_full(exc, store.paths.tmp)
        if full is not None:
            raise full from exc
        return [_refuse(store, f, KlaError("bundle_damaged", detail="read_failed"), describe, dry_run, label,
                        limits)]
    out = []
    for att, att_label in attachments:
        try:
            out.append(_import_one(store, att, att_label, dry_run, limits, describe, cancelled))
        finally:
            att.unlink(missing_ok=True)
    return out


def _refuse(store: Store, path: Path, err: KlaError, describe: Callable[[KlaError], str] | None, dry_run: bool,
            label: str, limits: Limits | None = None) -> FileReport:
    rep = FileReport(label, status="refused", reason_code=err.code, reason_params=_clean_params(dict(err.params)))
    if not dry_run and (path.exists() or path.is_symlink()):
        rep.quarantined = str(quarantine(store, path, err, describe, label, limits))
    return rep


# What a damaged or hostile file can make the libraries raise past our own checks: refused as
# damaged (and logged), never an internal error that stops the files after it.
_UNREADABLE = (RecursionError, ValueError, LookupError, TypeError, AttributeError, EOFError, UnicodeError)


def _import_one(store: Store, path: Path, label: str, dry_run: bool, limits: Limits,
                describe: Callable[[KlaError], str] | None, cancelled: Cancelled | None) -> FileReport:
    if path.is_symlink() or not path.is_file():
        return FileReport(label, status="refused", reason_code="file_not_found", reason_params={"path": label})
    try:
        try:
            identities = [k.age_identity for k in store.sync.own_keys(active_only=False)]
            if not identities:
                raise KlaError("not_enrolled" if store.role == "kelurahan" else "no_keys")
            with open_container(path, store.paths.tmp, identities=identities, limits=limits,
                                cancelled=cancelled) as c:
                key = _signer(store, c)
                if c.type == "bundle":
                    return _import_bundle(store, c, key, label, dry_run, cancelled)
                return _import_receipt(store, c, key, label, dry_run)
        except (zipfile.BadZipFile, zlib.error, *_UNREADABLE) as exc:
            log.warning("refused %s as unreadable", label, exc_info=True)
            raise KlaError("bundle_damaged", detail="unreadable") from exc
    except KlaError as err:
        if err.code == "cancelled":
            raise
        if err.code == "bundle_not_kla" and _is_setup_file(path):
            # At DP3AKB a setup file is one it made to hand over, not one to install here.
            err = KlaError("import_setup_file_at_city" if store.role == "city" else "import_is_setup_file", path=label)
        if err.code == "bundle_not_for_us" and (own := _own_file(store, path)) is not None:
            # A clerk picking the export they made (or DP3AKB its own receipt), or a stick that still
            # holds it beside the file to import: said so ("own"), not "another key", and neither
            # refused nor copied to the quarantine: it is this workspace's own, intact file.
            return FileReport(label, type=own.type, status="own",
                              reason_code="import_own_receipt" if own.type == "receipt" else "import_own_bundle",
                              reason_params={"path": label, "created": own.created_at[:10]})
        if err.code == "bundle_not_for_us":
            err = _named_elsewhere(store, path) or err
        return _refuse(store, path, err, describe, dry_run, label, limits)
    except OSError as exc:
        # Our own disk filled up while decrypting or staging (tmp/): the bundle is fine, so it
        # is neither refused nor quarantined; the whole import stops with a clear reason.
        full = workspace_full(exc, store.paths.tmp)
        if full is None:
            raise
        raise full from exc


_NAMED_UNIT = re.compile(r"^KLA-(tanda-terima-)?(\d{2}\.\d{2}\.\d{2}\.[123]\d{3})-")


def _named_elsewhere(store: Store, path: Path) -> KlaError | None:
    """A file locked for another workspace whose name (as KLA Desktop writes it) says whose it is:
    a bundle of a unit of another kabupaten/kota, or a receipt for another desa/kelurahan. The name
    is only a hint (it can be renamed), so the sentence says "menurut nama berkasnya"."""
    m = _NAMED_UNIT.match(path.name)
    if m is None:
        return None
    receipt, code = bool(m.group(1)), m.group(2)
    if store.role == "city":
        if receipt:
            return None
        if code.rsplit(".", 2)[0] != store.city_code:
            return KlaError("bundle_for_other_city", code=code, city=code.rsplit(".", 2)[0], here=store.city_code)
        # A unit of this kab/kota, locked for another DP3AKB key: it was set up from another DP3AKB
        # workspace (another PC of DP3AKB, or this one before it was made anew).
        return KlaError("bundle_for_other_dp3akb", code=code)
    if not receipt:
        # A bundle at a kelurahan (another unit's, or another PC's of this one): locked for DP3AKB alone.
        return KlaError("bundle_for_dp3akb", code=code, own=store.kelurahan_code)
    if code == store.kelurahan_code:
        # This unit's receipt, locked for its other keys: DP3AKB revoked this PC's or enrolled it anew.
        return KlaError("receipt_for_other_key", own=code)
    return KlaError("receipt_for_other_unit", code=code, own=store.kelurahan_code)


def _is_setup_file(path: Path) -> bool:
    """A setup/restore file from DP3AKB handed to import by mistake."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (OSError, zipfile.BadZipFile, NotImplementedError, ValueError, EOFError):
        return False
    from exports.setup import SETUP_MEMBERS  # only to word a refusal (setup pulls in the passphrase code)

    return bool(names) and names <= SETUP_MEMBERS


def _signer(store: Store, c: Container) -> sync.PeerKey | None:
    """The enrolled key that signed ``c`` (None: this workspace's own key), signature checked.

    Every key this workspace knows is tried against the signature before the manifest is
    parsed; the manifest's own claim is then checked against the key that signed it. The key
    the manifest's bytes name is read alone and tried first (``Container.find_signer`` tries it
    first anyway): the others are read only when it is not the one, so 1,000 enrolled units
    are not read again for every file.
    """
    own = {k.key_id: k for k in store.sync.own_keys(active_only=False)}
    hint = c.key_id_hint()
    hinted = store.sync.peer_key(hint) if hint else None
    peers = {hint: hinted} if hinted is not None else {}
    found = c.find_signer([*((k.key_id, k.sign_public) for k in peers.values()),
                           *((k.key_id, k.sign_public) for k in own.values())])
    if found is None:
        peers = {k.key_id: k for k in store.sync.peer_keys(include_revoked=True)}
        found = c.find_signer([*((k.key_id, k.sign_public) for k in peers.values()),
                               *((k.key_id, k.sign_public) for k in own.values())])
    wanted = "bundle" if store.role == "city" else "receipt"
    if found is None:
        # Refused whatever the manifest says; it is read (depth-checked) only to say why.
        claimed = c.signer_key_id
        if c.type != wanted:
            raise KlaError("bundle_wrong_place", type=c.type, role=store.role)
        if claimed in peers or claimed in own:
            raise KlaError("bundle_signature_bad")
        fingerprint = keys.fingerprint(claimed if re.fullmatch(r"[0-9a-f]{16,64}", claimed) else "0" * 16)
        raise KlaError("bundle_sender_unknown" if store.role == "city" else "receipt_sender_unknown",
                       key=fingerprint)
    c.verify_signature((peers.get(found) or own[found]).sign_public)
    if c.signer_key_id != found:
        raise KlaError("bundle_signature_bad")
    if found in own or c.type != wanted:
        raise KlaError("bundle_wrong_place", type=c.type, role=store.role)
    return peers[found]


def _check_sender(key: sync.PeerKey, unit_code: str) -> None:
    """The signing key is still valid and belongs to the unit the file claims to come from."""
    if key.revoked_at is not None:
        raise KlaError("bundle_sender_revoked", key=keys.fingerprint(key.key_id), code=key.unit_code,
                       at=key.revoked_at[:10])
    if key.unit_code != unit_code:
        # Same parameters as db's scope check: ``kelurahan`` signed, ``owner`` is whose data it claims.
        raise KlaError("bundle_other_kelurahan", key="manifest", owner=unit_code, kelurahan=key.unit_code)


def _whole(v: object) -> int:
    """A manifest's export or part number: a whole number from 1 (not "3", 1.5, true or -1)."""
    if type(v) is not int or v < 1:
        raise ValueError(v)
    return v


def _item_name(data: dict[str, Any] | None) -> str:
    """The words a person knows an item by (evidence file name, activity title, facility name)."""
    for k in ("original_name", "title", "name"):
        v = (data or {}).get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return ""


def _import_bundle(store: Store, c: Container, key: sync.PeerKey | None, label: str, dry_run: bool,
                   cancelled: Cancelled | None) -> FileReport:
    assert key is not None
    m = c.manifest
    try:
        kel_code = str(m["kelurahan"]["code"])
        device_id = str(m["device_id"])
        seq = _whole(m["device_seq"])
        series = m["series"]
        series_id, part, parts = str(series["id"]), _whole(series["part"]), _whole(series["parts"])
        bundle_id = str(m["id"])
        # Each part carries at least one item, so no export has more parts than a bundle has items:
        # a signed "part 1 of 10^12" made every list of missing parts count to 10^12 (the inbox hung).
        if not 1 <= part <= parts <= c.limits.max_items:
            raise ValueError(part, parts)
    except (KeyError, TypeError, ValueError) as exc:
        raise KlaError("bundle_damaged", detail="manifest.json") from exc
    if m.get("city_code") != store.city_code:
        raise KlaError("bundle_not_for_us")
    _check_sender(key, kel_code)
    rep = FileReport(label, type="bundle", kelurahan=kel_code, series_id=series_id, part=part, parts=parts,
                     bundle_id=bundle_id)
    if store.sync.bundle_seen(bundle_id):
        rep.status = "duplicate"
        return rep
    pc_name = display_name(str(m.get("device_name") or ""))[:80]
    replaces = m.get("device_replaces")
    replaces = tuple(str(x)[:64] for x in replaces[:20]) if isinstance(replaces, list) else ()
    created_at = str(m.get("created_at", ""))[:40]
    # One setup file on two PCs: both sign with one key. Said to DP3AKB here, and to both PCs
    # by the next receipt (exports.receipts); the values still import (conflicts guard them).
    sharing = store.sync.key_sharing(kel_code, key.key_id, device_id, (device_id, pc_name, created_at, seq, replaces))
    if sharing is not None:
        rep.shared_key = {"fingerprint": keys.fingerprint(key.key_id), "concurrent": sharing.concurrent,
                          "unit_name": store.kelurahan(kel_code).name,
                          "this": sharing.this.to_json(), "others": [d.to_json() for d in sharing.others]}
    staging = store.paths.tmp / f"stage-{uuid4_hex()}"
    adopted: set[str] = set()
    try:
        # Every staged file is hashed against its name while unpacking: adopted without a second read.
        staged = c.check_members(staging, lambda n: n.startswith("evidence/"), cancelled, head=CONTENT_HEAD,
                                 keep=True)
        staged_sha = {name.split("/", 1)[1]: p for name, p in staged.items()}
        staged_checked: set[tuple[str, str]] = set()

        def check_content(it: sync.SyncItem) -> None:
            """A new evidence file must be what its type says (the rule a typed file meets), from
            its first bytes as they were unpacked: each record's type, also when two records
            name one file."""
            assert it.data is not None
            sha, mime = it.data["sha256"], str(it.data.get("mime", ""))
            if (sha, mime) in staged_checked:
                return
            if sha in staged_sha:
                wrong = head_mismatch(c.heads[f"evidence/{sha}"], mime)
            else:
                # Not in this bundle: the file DP3AKB already holds (a record whose declared type
                # changed since, or a new record naming a held file) is checked the same way.
                held = store.paths.evidence_file(sha)
                try:
                    wrong = content_mismatch(held, mime) if mime in CONTENT_SIGNATURES and \
                        sy.holds_file(sha, int(it.data.get("size", -1))) else None
                except OSError:
                    wrong = None  # unreadable here: the file check (verify) sets it aside, not this rule
            if wrong:
                raise KlaError("bundle_item_invalid", key=it.key, name=_item_name(it.data),
                               detail="content_mismatch")
            staged_checked.add((sha, mime))

        def adopt(sha: str, *, hashed: bool = True) -> None:
            """A staged file into the evidence folder, once (two records may name one file)."""
            if sha not in adopted:
                src = staged_sha[sha]
                if isinstance(src, str):
                    store.sync.adopt_file(src, sha, hashed=hashed)
                else:
                    store.sync.adopt_data(src, sha)  # checked while unpacking, from memory
                adopted.add(sha)
        counts = dict.fromkeys(OUTCOMES, 0)
        sy = store.sync  # one look-up, not five per item
        cm = sy.rollback_always() if dry_run else store.transaction()
        with cm, sy.reading(kel_code, c.records):
            sent = 0  # files adopted when the writer was last told to go ahead (files_sent)
            for raw in c.iter_jsonl("records.jsonl"):
                if cancelled and cancelled():
                    raise KlaError("cancelled")
                it, base = sy.validate_item(kel_code, raw)
                if len(adopted) != sent and it.kind != "evidence":
                    sy.files_sent()  # the evidence records are behind (they come first): written meanwhile
                    sent = len(adopted)
                sy.check_scope(kel_code, it)
                d = sy.decide(kel_code, it, base, device_id, seq, as_of=sync.item_as_of(raw, seq))
                entry: dict[str, Any] = {"key": it.key, "outcome": d.outcome, "reason": d.reason}
                if d.params:
                    entry["reason_params"] = dict(d.params)
                name = _item_name(it.data)
                if name:
                    entry["name"] = name
                if d.outcome in ("new", "changed"):
                    if it.kind == "evidence" and it.data:
                        sha = it.data["sha256"]
                        check_content(it)
                        if sha in staged_sha:
                            if not dry_run:
                                adopt(sha)
                        elif not sy.has_file(sha):
                            entry["reason"] = "file_follows"
                    sy.apply_item(kel_code, it, f"bundle:{bundle_id}", changes=False)
                    sy.record_origin(kel_code, it, device_id, seq, bundle_id)
                elif d.outcome == "conflict":
                    current = sy.current(kel_code, it.key)
                    if it.kind == "evidence" and it.data:
                        check_content(it)
                    if it.kind == "evidence" and it.data and it.data["sha256"] in staged_sha and not dry_run:
                        adopt(it.data["sha256"])
                    if not sy.add_conflict(kel_code, it, current.hash if current else None, bundle_id,
                                             device_id, seq):
                        entry["reason"] = "conflict_recorded"
                elif d.outcome == "unchanged" and it.deleted:
                    sy.apply_item(kel_code, it, f"bundle:{bundle_id}", changes=False)
                elif d.outcome == "unchanged" and it.kind == "evidence" and it.data and \
                        it.data["sha256"] in staged_sha and \
                        not sy.holds_file(it.data["sha256"], int(it.data["size"])):
                    # The record is held but its file was missing or set aside as damaged: the
                    # receipt left it out, so the kelurahan sent the file again. Keep it now.
                    check_content(it)
                    if not dry_run:
                        adopt(it.data["sha256"], hashed=False)
                    entry["reason"] = "file_received_again"
                counts[d.outcome] += 1
                rep.items.append(entry)
            if adopted:
                sy.files_written()  # by the writer process meanwhile: before this part can end
                adopted.clear()
            rep.counts = counts
            store.sync.record_bundle(sync.BundleLogRecord(
                bundle_id, "in", "bundle", kel_code, device_id, seq, series_id, part, parts,
                display_name(Path(label).name),
                # The file's SHA-256 lets a signed handover paper be checked against it (exports.handover).
                # Received when, to the millisecond by this PC's clock: what tells two PCs sharing a
                # key apart in time (db.sync_parts.log.key_devices), never the PCs' own clocks.
                c.source_sha256 or sha256_of(c.source), c.source.stat().st_size, created_at, now_iso(),
                {"counts": counts, "key_id": key.key_id, "device_name": pc_name, "device_replaces": list(replaces)}))
    finally:
        if adopted:  # a part refused half way: what it handed the writer is waited for, not kept
            store.sync.files_written(strict=False)
        try:
            staging.rmdir()  # every file adopted: the folder is empty
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    rep.status = "dry-run" if dry_run else "imported"
    return rep


def _import_receipt(store: Store, c: Container, key: sync.PeerKey | None, label: str, dry_run: bool) -> FileReport:
    assert key is not None
    _check_sender(key, store.city_code)
    rep = FileReport(label, type="receipt", kelurahan=store.kelurahan_code, bundle_id=str(c.manifest.get("id", "")))
    if store.sync.bundle_seen(rep.bundle_id):
        rep.status = "duplicate"
        return rep
    c.check_members()
    from exports.receipts import apply_receipt  # a kelurahan's import only

    summary = apply_receipt(store, c, dry_run)
    rep.summary = summary
    rep.notes = summary.get("notes", [])
    rep.status = "older" if summary.get("outcome") == "older" else ("dry-run" if dry_run else "imported")
    return rep


# ---------------------------------------------------------------------------- added for the Kiriman page
# Read-only views of the engine's own bookkeeping for the GUI's Kiriman page (the CLI
# prints the same facts through `kla export` and `kla history`). Nothing above changed.


@dataclass(frozen=True)
class OutboxSummary:
    """What waits for DP3AKB and what happened last, for the Kiriman page.

    ``pending``: items DP3AKB has not acknowledged, per kind ('entry', 'evidence',
    'activity', 'facility') plus 'deleted'; ``files``/``file_bytes``: evidence files among
    them that DP3AKB does not hold yet; ``rejected``: items DP3AKB set aside in a conflict.
    ``last_export``: the parts of the newest bundle written (part order); ``last_receipt``:
    the newest receipt imported (its ``summary`` has 'acknowledged' and 'pending').
    """

    enrolled: bool
    pending: dict[str, int]
    files: int
    file_bytes: int
    rejected: int
    city_email: str
    last_export: tuple[sync.BundleLogRecord, ...]
    last_receipt: sync.BundleLogRecord | None

    @property
    def pending_total(self) -> int:
        return sum(self.pending.values())


def outbox_summary(store: Store) -> OutboxSummary:
    """Counts of what the next export would carry, and the newest export and receipt."""
    enrolled = store.role == "kelurahan" and bool(store.sync.peer_keys(store.city_code))
    outs, rejected = store.sync.outgoing()
    pending = dict.fromkeys((*KIND_ORDER, "deleted"), 0)
    files = file_bytes = 0
    for o in outs:
        pending["deleted" if o.item.deleted else o.item.kind] += 1
        if o.send_file and o.item.data:
            files += 1
            file_bytes += int(o.item.data.get("size", 0))
    log = store.sync.bundle_log()
    last_out = next((b for b in log if b.direction == "out" and b.type == "bundle"), None)
    parts: tuple[sync.BundleLogRecord, ...] = ()
    if last_out is not None:
        parts = tuple(sorted((b for b in log if b.direction == "out" and b.type == "bundle"
                              and b.series_id == last_out.series_id), key=lambda b: b.part))
    last_receipt = next((b for b in log if b.direction == "in" and b.type == "receipt"), None)
    return OutboxSummary(enrolled, pending, files, file_bytes, len(rejected), store.sync.state("city_email"),
                         parts, last_receipt)


def note_export(store: Store, result: ExportResult) -> None:
    """Remember when the newest bundle was written (the window's "Kiriman terakhir").

    This is only a time stamp for the clerk: nothing counts as sent until a receipt says so.
    """
    if result.nothing_to_send:
        return
    with store.transaction():
        store.set_meta("last_export_at", now_iso())
