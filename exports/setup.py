"""Enrolment: DP3AKB's keys, setup files for kelurahan, installing them, and restores.

Chosen design (docs/bundle-format.md §4): DP3AKB generates the kelurahan's key pair and
hands it over inside a setup file encrypted with a random passphrase that is printed and
handed over separately. DP3AKB keeps only the public half. A setup file is an outer ZIP
holding ``setup.age`` (passphrase-encrypted, signed by DP3AKB) and, for a restore,
``restore.age`` (everything DP3AKB holds for the kelurahan, encrypted to the new key).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import orgunits, sync
from db.errors import KlaError
from db.ids import uuid4_hex
from db.progress import Progress, step
from db.store import Store
from db.template import load_template_json
from exports import keys
from exports import passphrase as age_passphrase
from exports.container import (
    ContainerWriter,
    Limits,
    encrypt_to,
    json_bytes,
    now_iso,
    open_container,
)
from exports.manifest import build_manifest, city_info, ensure_city_keys, require_role
from exports.names import free_name
from exports.receipts import receipt_payload, review_notes
from exports.usb import HashingWriter, write_verified

SETUP_MEMBERS = {"setup.age", "restore.age"}
SETUP_AGE_MAX = 64 * 1024 * 1024  # decrypted in memory (age's scrypt recipient): keys and templates only


@dataclass(frozen=True)
class EnrolResult:
    path: Path
    kelurahan_code: str
    kelurahan_name: str
    passphrase: str
    key_id: str
    fingerprint: str
    city_fingerprint: str
    restore_items: int = 0
    restore_files: int = 0
    held_items: int = 0
    """Not a restore: what DP3AKB already holds of the unit (earlier bundles). The file installs an empty
    workspace, whose exports then conflict with it: the front ends warn and point to ``kla city restore``."""
    restore: bool = False
    """A restore file (``restore_items`` and ``restore_files`` of what DP3AKB holds ride in it)."""


@dataclass(frozen=True)
class SetupResult:
    home: Path
    kelurahan_code: str
    kelurahan_name: str
    created: bool
    key_fingerprint: str
    city_email: str
    restored_items: int = 0
    restored_files: int = 0
    notes: list[dict[str, Any]] = field(default_factory=list)


def held_items(store: Store, kelurahan_code: str) -> int:
    """How many items DP3AKB holds of a unit (its earlier bundles): a plain setup file for it would install
    an empty workspace whose exports conflict with them, so the front ends ask before enrolling (the
    window's question, ``kla city enroll --new-key``) and point to the restore file."""
    return sum(1 for it in store.sync.items(kelurahan_code) if not it.deleted)


def template_members(store: Store) -> tuple[list[tuple[str, bytes]], dict[str, Any]]:
    members = []
    for r in store.template_rows():
        members.append((f"templates/{r['template_id']}-v{r['version']}.json", r["content"].encode("utf-8")))
    t = store.template
    return members, {"id": t.id, "version": t.version}


def enroll(store: Store, kelurahan_code: str, out: Path, *, email: str | None = None, contact: str | None = None,
           restore: bool = False, progress: Progress | None = None,
           cancelled: Callable[[], bool] | None = None, keep_slip: bool = False) -> EnrolResult:
    """Make a key pair for a kelurahan, enrol its public half, write the setup file.

    ``keep_slip`` (a batch): the passphrase is kept with the key, in the commit that enrols it,
    until its slip is printed (``store.sync.slips_printed``), so a batch stopped half way by a
    full disk or a power cut loses no passphrase of the units it enrolled."""
    require_role(store, "city")
    kel = store.kelurahan(store.find_unit(kelurahan_code, "kelurahan").code)
    if kel.retired:
        raise KlaError("unit_retired", code=kel.code, name=kel.name, at=(kel.retired_at or "")[:10])
    held = 0 if restore else held_items(store, kel.code)
    with store.transaction():
        if email is not None:
            store.set_setting("dp3akb_email", email)
        if contact is not None:
            store.set_setting("dp3akb_contact", contact)
    city = ensure_city_keys(store)
    kp = keys.generate()
    passphrase = keys.new_passphrase()
    tmp = store.paths.tmp
    out = Path(out)
    info = city_info(store)
    # "unit": the desa/kelurahan's whole line as DP3AKB names it (a unit DP3AKB added, or renamed,
    # reaches the new workspace this way); older setup files without it still install.
    setup = {"kelurahan": {"code": kel.code, "name": kel.name, "kind": kel.kind},
             "city": info,
             "unit": store.path_json(kel.code),
             "reference_edition": store.reference_edition,
             "key": {"key_id": kp.key_id, "sign_public": kp.sign_public, "age_recipient": kp.age_recipient}}
    tmembers, active = template_members(store)
    setup["template"] = active
    w = ContainerWriter(tmp, cancelled)
    restore_path: Path | None = None
    counts = (0, 0)
    try:
        w.add_bytes("setup.json", json_bytes(setup))
        w.add_bytes("keys/sign.pem", kp.sign_private.encode("ascii"))
        w.add_bytes("keys/identity.txt", (f"# KLA Desktop {kel.name} ({kel.code})\n"
                                          f"# public key: {kp.age_recipient}\n{kp.age_identity}\n").encode("ascii"))
        for name, data in tmembers:
            w.add_bytes(name, data)
        zpath = w.finish(build_manifest(store, "restore-setup" if restore else "setup", city,
                                   kelurahan={"code": kel.code, "name": kel.name}, city_code=store.city_code),
                         city.sign_private)
        # age's scrypt recipient at work factor 2^14 (exports/passphrase.py says why): ~60 ms, not 2.5 s.
        setup_blob = age_passphrase.encrypt(zpath.read_bytes(), passphrase)
        w.discard()
        if restore:
            restore_path, counts = _write_restore(store, kel.code, kp.age_recipient, city, progress, cancelled)
        # The key is enrolled only once the file exists: a failed write enrols nothing.

        def produce(hw: HashingWriter) -> None:
            with zipfile.ZipFile(hw, "w", allowZip64=True) as outer:
                outer.writestr(zipfile.ZipInfo("setup.age", (1980, 1, 1, 0, 0, 0)), setup_blob)
                if restore_path is not None:
                    zi = zipfile.ZipInfo("restore.age", (1980, 1, 1, 0, 0, 0))
                    with open(restore_path, "rb") as src, outer.open(zi, "w", force_zip64=True) as dst:
                        shutil.copyfileobj(src, dst, 1024 * 1024)

        write_verified(out, produce, cancelled)
        with store.transaction():
            store.sync.add_peer_key(kp.key_id, kel.code, kp.sign_public, kp.age_recipient,
                                    label="pemulihan" if restore else "pendaftaran",
                                    slip={"passphrase": passphrase, "path": str(out)} if keep_slip else None)
            store.sync.record_bundle(sync.BundleLogRecord(
                uuid4_hex(), "out", "restore" if restore else "setup", kel.code, "", 0, "", 1, 1, out.name,
                "", out.stat().st_size, now_iso(), now_iso(), {"key_id": kp.key_id}))
    finally:
        w.discard()
        if restore_path:
            restore_path.unlink(missing_ok=True)
    return EnrolResult(out, kel.code, kel.name, passphrase, kp.key_id, keys.fingerprint(kp.key_id),
                       keys.fingerprint(city.key_id), *counts, held_items=held, restore=restore)


@dataclass(frozen=True)
class BatchEnrolResult:
    """What :func:`enroll_many` did: the files written (each unit enrolled), those left, whether
    cancelled or stopped by an error, and the earlier enrolments whose slips were never printed."""

    results: tuple[EnrolResult, ...]
    skipped: tuple[str, ...]  # already enrolled with an active key, or retired
    cancelled: bool = False
    stopped: KlaError | None = None  # the error that stopped the batch after ``results``
    earlier: tuple[EnrolResult, ...] = ()  # enrolled by an earlier batch that stopped before its slips

    @property
    def to_print(self) -> tuple[EnrolResult, ...]:
        """Every enrolment whose slip the front end prints now (earlier ones first)."""
        return self.earlier + self.results


def pending_enrolments(store: Store) -> list[EnrolResult]:
    """Enrolments of earlier batches whose slips were never printed (a batch stopped by a power cut
    or a full disk after those units were enrolled), rebuilt from the kept passphrases."""
    found = store.sync.pending_slips()
    if not found:
        return []
    city = ensure_city_keys(store)
    out = []
    for key, slip in found:
        try:
            name = store.kelurahan(key.unit_code).name
        except KlaError:
            name = key.unit_code
        out.append(EnrolResult(Path(slip["path"]), key.unit_code, name, slip["passphrase"], key.key_id,
                               keys.fingerprint(key.key_id), keys.fingerprint(city.key_id)))
    return out


def enrollable(store: Store, codes: Sequence[str] | None = None, again: bool = False) -> tuple[list[str], list[str]]:
    """(to enrol, skipped): ``codes`` (default every desa/kelurahan), minus retired units and, unless
    ``again``, those that already hold an active key."""
    wanted = list(codes) if codes else [u.code for u in store.units("kelurahan")]
    active = {k.unit_code for k in store.sync.peer_keys()}
    todo, skipped = [], []
    for code in wanted:
        u = store.kelurahan(store.find_unit(code, "kelurahan").code)
        if u.retired or (not again and u.code in active):
            skipped.append(u.code)
        else:
            todo.append(u.code)
    return todo, skipped


def enroll_many(store: Store, out_dir: Path, codes: Sequence[str] | None = None, *, again: bool = False,
                email: str | None = None, contact: str | None = None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> BatchEnrolResult:
    """Enrol many desa/kelurahan, one setup file each (``KLA-pemasangan-<code>.klasetup`` in ``out_dir``;
    ``KLA-pemulihan-<code>.klasetup``, a restore file with what DP3AKB holds, for a unit it holds data of).

    Each unit is enrolled on its own (its key counts once its file is written), so Batal keeps
    the ones done: the result says which, and the slips can be printed for them. An error on one
    unit (a full stick, a folder gone) stops the batch there and is returned in ``stopped`` with
    the units done before it, never raised past them. Each passphrase is kept in the store until
    the front end has printed its slip (``store.sync.slips_printed``), and the enrolments of an
    earlier batch that stopped before its slips (killed, power cut) come back in ``earlier``.
    1,000 units take about 1 minute of scrypt (exports/passphrase.py) plus the writing.
    """
    require_role(store, "city")
    earlier = tuple(pending_enrolments(store))
    todo, skipped = enrollable(store, codes, again)
    out_dir = Path(out_dir)
    done: list[EnrolResult] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from exports.paper import os_error

        return BatchEnrolResult((), tuple(skipped), stopped=os_error(exc, out_dir), earlier=earlier)
    for n, code in enumerate(todo):
        if cancelled and cancelled():
            return BatchEnrolResult(tuple(done), tuple(skipped), cancelled=True, earlier=earlier)
        if progress:
            progress(n, len(todo), step("enrolling", name=store.kelurahan(code).name))
        try:
            # A unit DP3AKB already holds data of (its PC lost, its key revoked) gets a restore file:
            # a plain setup file would install an empty workspace whose exports conflict with that data.
            restore = held_items(store, code) > 0
            # A file of that name may be left by a batch killed between writing it and enrolling its
            # key (that file opens, but its key was never enrolled): never over it, beside it.
            name = f"KLA-{'pemulihan' if restore else 'pemasangan'}-{code}.klasetup"
            done.append(enroll(store, code, free_name(out_dir / name), restore=restore,
                               email=email if n == 0 else None, contact=contact if n == 0 else None,
                               cancelled=cancelled, keep_slip=True))
        except KlaError as exc:
            if exc.code == "cancelled":
                return BatchEnrolResult(tuple(done), tuple(skipped), cancelled=True, earlier=earlier)
            return BatchEnrolResult(tuple(done), tuple(skipped), stopped=exc, earlier=earlier)
    if progress:
        progress(len(todo), len(todo), step("done"))
    return BatchEnrolResult(tuple(done), tuple(skipped), earlier=earlier)


def _write_restore(store: Store, kel: str, recipient: str, city: sync.OwnKey, progress: Progress | None,
                   cancelled: Callable[[], bool] | None) -> tuple[Path, tuple[int, int]]:
    tmp = store.paths.tmp
    items = store.sync.items(kel)
    # Each file is read through first: one whose bytes no longer hash to its name is set aside
    # (then the receipt inside leaves it out, and the new PC sends it again) rather than shipped,
    # which would make the kelurahan refuse the whole restore.
    files = sorted({it.data["sha256"] for it in items if it.kind == "evidence" and it.data
                    and store.sync.verify_file(it.data["sha256"]) == "ok"})
    payload = receipt_payload(store, kel, seq=0)
    w = ContainerWriter(tmp, cancelled)
    try:
        total = len(files)
        for n, sha in enumerate(files, 1):
            w.add_file(f"evidence/{sha}", store.paths.evidence_file(sha))
            if progress:
                progress(n, total, step("copying_evidence"))
        w.add_lines("records.jsonl", (sync.canonical(it.to_json(None)).encode() + b"\n" for it in items))
        w.add_bytes("receipt.json", json_bytes(payload))
        for name, data in template_members(store)[0]:
            w.add_bytes(name, data)
        zpath = w.finish(build_manifest(store, "restore", city, kelurahan={"code": kel}, city_code=store.city_code),
                         city.sign_private)
        dest = tmp / f"restore-{uuid4_hex()}.age"
        encrypt_to(zpath, dest, [recipient], cancelled)
        return dest, (len(items), len(files))
    finally:
        w.discard()


# ---------------------------------------------------------------------------- install


AGE_HEADS = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")
"""How a bundle or receipt (.kla, an age file) starts; a setup file is a ZIP around its own age file."""


def check_setup_file(path: Path) -> None:
    """What can be told of a setup file before its passphrase is asked (the window asks it next):
    not there, a bundle or receipt picked instead (``setup_is_bundle``), or not a setup file at all."""
    path = Path(path)
    if not path.is_file():
        raise KlaError("file_not_found", path=str(path))
    try:
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError as exc:
        raise KlaError("setup_invalid", detail="not_setup_file") from exc
    if head.startswith(AGE_HEADS):
        raise KlaError("setup_is_bundle", path=path.name)
    try:
        with zipfile.ZipFile(path) as outer:
            names = {zi.filename for zi in outer.infolist()}
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as exc:
        raise KlaError("setup_invalid", detail="not_setup_file") from exc
    if "setup.age" not in names or not names <= SETUP_MEMBERS:
        raise KlaError("setup_invalid", detail="content_unknown")


def read_setup(path: Path, passphrase: str, tmp_dir: Path) -> tuple[dict[str, Any], dict[str, Any], Any, Path | None]:
    """Open a setup file: (manifest, setup.json, container, restore.age staged or None)."""
    path = Path(path)
    check_setup_file(path)
    try:
        outer = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as exc:
        raise KlaError("setup_invalid", detail="not_setup_file") from exc
    with outer:
        names = {zi.filename for zi in outer.infolist()}
        if "setup.age" not in names or not names <= SETUP_MEMBERS or len(outer.infolist()) != len(names):
            raise KlaError("setup_invalid", detail="content_unknown")
        limits = Limits()
        for zi in outer.infolist():
            # We write both members stored; a deflated one that inflates a hundredfold, or
            # one larger than an import accepts, is not ours (checked before anything is read).
            cap = SETUP_AGE_MAX if zi.filename == "setup.age" else limits.max_file
            if zi.file_size > cap or (zi.compress_type != zipfile.ZIP_STORED and
                                      zi.file_size > limits.max_ratio * max(1, zi.compress_size)):
                raise KlaError("setup_invalid", detail="damaged")
        tmp_dir.mkdir(parents=True, exist_ok=True)
        staged_setup = tmp_dir / f"setup-{uuid4_hex()}.age"
        restore_staged = None
        try:
            with outer.open("setup.age") as src, open(staged_setup, "wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
            if "restore.age" in names:
                restore_staged = tmp_dir / f"restore-{uuid4_hex()}.age"
                with outer.open("restore.age") as src, open(restore_staged, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            staged_setup.unlink(missing_ok=True)
            if restore_staged:
                restore_staged.unlink(missing_ok=True)
            raise KlaError("setup_invalid", detail="damaged") from exc
    try:
        c = open_container(staged_setup, tmp_dir, passphrase=keys.normalise_passphrase(passphrase))
    except BaseException:
        if restore_staged:
            restore_staged.unlink(missing_ok=True)
        raise
    finally:
        staged_setup.unlink(missing_ok=True)
    try:
        if c.type not in ("setup", "restore-setup"):
            raise KlaError("setup_invalid", detail="wrong_type", type=c.type)
        setup = c.read_json("setup.json")
        _check_setup_shape(setup)
        city_keys = {k["key_id"]: k for k in setup["city"]["keys"]}
        signer = city_keys.get(c.signer_key_id)
        if signer is None or keys.key_id_of(signer["sign_public"]) != signer["key_id"]:
            raise KlaError("bundle_signature_bad")
        c.verify_signature(signer["sign_public"])
        c.check_members()
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        c.close()
        if restore_staged:
            restore_staged.unlink(missing_ok=True)
        raise KlaError("setup_invalid", detail="setup.json") from exc
    except BaseException:
        c.close()
        if restore_staged:
            restore_staged.unlink(missing_ok=True)
        raise
    return c.manifest, setup, c, restore_staged


def _check_setup_shape(setup: Any) -> None:
    """setup.json has what :func:`install` reads, of the right kinds (else ValueError/TypeError/
    KeyError, refused as ``setup_invalid``): checked once, before anything is read from it."""
    def text(d: Any, *names: str, optional: bool = False) -> None:
        if not isinstance(d, dict):
            raise TypeError("not an object")
        for n in names:
            v = d.get(n)
            if (v is None and optional) or (isinstance(v, str) and (v or optional) and len(v) < 4000):
                continue
            raise ValueError(n)

    if not isinstance(setup, dict):
        raise TypeError("setup.json")
    text(setup["kelurahan"], "code", "name")
    text(setup["city"], "code")
    text(setup["city"], "name", "email", "contact", optional=True)
    text(setup["key"], "key_id", "sign_public", "age_recipient")
    text(setup["template"], "id")
    version = setup["template"].get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("template.version")
    keys_ = setup["city"].get("keys")
    if not isinstance(keys_, list) or not keys_ or len(keys_) > 100:
        raise ValueError("city.keys")
    for k in keys_:
        text(k, "key_id", "sign_public", "age_recipient")


def install(home: Path, path: Path, passphrase: str, *, operator: str = "", progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> SetupResult:
    """``kla setup FILE``: create (or complete) the kelurahan workspace from a setup file."""
    home = Path(home)
    existing = Store.exists(home)
    tmp_root = Path(tempfile.mkdtemp(prefix="kla-setup-")) if not existing else None
    tmp_dir = tmp_root or (home / "tmp")
    try:
        manifest, setup, c, restore_staged = read_setup(path, passphrase, tmp_dir)
        with contextlib.ExitStack() as stack:
            stack.callback(c.close)
            if restore_staged:
                stack.callback(restore_staged.unlink, missing_ok=True)
            try:
                templates = {}
                for name in sorted(c.names):
                    if name.startswith("templates/"):
                        t = load_template_json(c.read_text(name))
                        templates[(t.id, t.version)] = t
                active = templates.get((setup["template"]["id"], setup["template"]["version"]))
                if active is None:
                    raise KlaError("setup_invalid", detail="template")
                sign_private = c.read_text("keys/sign.pem")
                ident = next(line for line in c.read_text("keys/identity.txt").splitlines()
                             if line.startswith("AGE-SECRET-KEY-"))
                key = setup["key"]
                kel = setup["kelurahan"]
                city = setup["city"]
                if keys.public_from_private(sign_private) != key["sign_public"] or \
                        str(keys.identity(ident).to_public()) != key["age_recipient"]:
                    raise KlaError("setup_invalid", detail="keys_mismatch")
            except (KeyError, TypeError, ValueError, StopIteration, AttributeError) as exc:
                raise KlaError("setup_invalid", detail="damaged") from exc
            if existing:
                store = Store.open(home, operator=operator)
                if store.role != "kelurahan" or store.kelurahan_code != kel["code"] or store.city_code != city["code"]:
                    own, role = store.kelurahan_code or "", store.role
                    store.close()
                    raise KlaError("setup_other_workspace", code=kel["code"], own=own, role=role)
                if restore_staged is not None and not _never_used(store, kel["code"]):
                    store.close()
                    raise KlaError("restore_needs_new_home", home=str(home))
            else:
                store = Store.create(home, "kelurahan", kelurahan_code=kel["code"], city_code=city["code"],
                                     operator=operator, template=active,
                                     units=units_of_path(setup.get("unit"), kel, setup.get("reference_edition")))
            stack.callback(store.close)
            restored = (0, 0)
            notes: list[dict[str, Any]] = []
            with store.transaction():
                for t in templates.values():
                    store.install_template(t, activate=False)
                if (store.template.id, store.template.version) != (active.id, active.version) and \
                        (store.template.id != active.id or store.template.version < active.version):
                    store.install_template_with_migration(active)
                store.sync.add_own_key(key["key_id"], sign_private, key["sign_public"], ident, key["age_recipient"],
                                 replace=True)
                for k in city["keys"]:
                    store.sync.add_peer_key(k["key_id"], city["code"], k["sign_public"], k["age_recipient"],
                                      label="DP3AKB")
                if isinstance(setup.get("unit"), list):
                    store.ref.apply_path(setup["unit"])  # DP3AKB's names for this unit's line
                store.sync.set_state("city_email", city.get("email", ""))
                store.sync.set_state("city_contact", city.get("contact", ""))
                store.sync.set_state("city_name", city.get("name", ""))
                if restore_staged is not None:
                    restored, notes = _apply_restore(store, restore_staged, ident, city, progress, cancelled)
                store.sync.record_bundle(sync.BundleLogRecord(
                    manifest["id"], "in", "restore" if restore_staged else "setup", kel["code"], "", 0, "", 1, 1,
                    Path(path).name, "", Path(path).stat().st_size, manifest.get("created_at", ""), now_iso(),
                    {"key_id": key["key_id"]}))
            return SetupResult(home, kel["code"], kel["name"], not existing, keys.fingerprint(key["key_id"]),
                               city.get("email", ""), restored[0], restored[1], notes)
    finally:
        if tmp_root:
            shutil.rmtree(tmp_root, ignore_errors=True)


def _never_used(store: Store, code: str) -> bool:
    """Nothing of its own yet: no keys, nothing received, no data. What a restore stopped half way
    leaves (a kill, a cancel, a full disk: the workspace is made before the restore's transaction,
    which rolls back whole), so restoring into it is restoring into a new one; before, the retry
    was refused as "not a new folder" and the replacement PC was stuck with an empty workspace."""
    return not store.sync.own_keys(active_only=False) and not store.sync.bundle_log() and not store.sync.items(code)


def units_of_path(path: Any, kel: dict[str, Any], edition: Any) -> list[orgunits.OrgUnitRecord] | None:
    """The units a new workspace is made with from a setup file's ``unit`` line (None: an older file
    without one, so the reference data decides). Refused (setup_invalid) when the line does not end
    at the file's own desa/kelurahan."""
    if path is None:
        return None
    levels = {"city": "city", "kecamatan": "kecamatan", "unit": "kelurahan"}
    try:
        rows = [p for p in path if p.get("level") in levels]
        out: list[orgunits.OrgUnitRecord] = []
        parent: str | None = None
        for p in rows:
            code, name = str(p["code"]), " ".join(str(p["name"]).split())
            if not code or not name:
                raise ValueError(code)
            out.append(orgunits.OrgUnitRecord(code, levels[p["level"]], name, parent,
                                              edition=str(p.get("edition") or edition or "")))
            parent = code
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise KlaError("setup_invalid", detail="damaged") from exc
    if [u.level for u in out] != ["city", "kecamatan", "kelurahan"] or out[-1].code != kel["code"]:
        raise KlaError("setup_invalid", detail="damaged")
    return out


def _apply_restore(store: Store, restore_path: Path, identity: str, city: dict[str, Any], progress: Progress | None,
                   cancelled: Callable[[], bool] | None) -> tuple[tuple[int, int], list[dict[str, Any]]]:
    kel = store.kelurahan_code
    with open_container(restore_path, store.paths.tmp, identities=[identity], limits=Limits(),
                        cancelled=cancelled) as c:
        signer = c.find_signer([(k["key_id"], k["sign_public"]) for k in city["keys"]])
        if signer is None:
            raise KlaError("bundle_signature_bad")
        c.verify_signature(next(k["sign_public"] for k in city["keys"] if k["key_id"] == signer))
        if c.type != "restore" or c.signer_key_id != signer:
            raise KlaError("bundle_signature_bad")
        staging = store.paths.tmp / f"stage-{uuid4_hex()}"
        try:
            staged = c.check_members(staging, lambda n: n.startswith("evidence/"), cancelled)
            for name, p in staged.items():
                assert isinstance(p, str)  # written to staging (not kept in memory)
                store.sync.adopt_file(p, name.split("/", 1)[1])
            receipt = c.read_json("receipt.json")
            n = 0
            for raw in c.iter_jsonl("records.jsonl"):
                it, _ = store.sync.validate_item(kel, raw)
                store.sync.apply_item(kel, it, "restore")
                n += 1
                if progress and n % 50 == 0:
                    progress(n, 0, step("restoring_data"))
            store.sync.apply_receipt_state(receipt["held"], receipt["files"], receipt.get("rejected", {}))
            store.apply_reviews(kel, receipt.get("reviews", []))
            notes = review_notes(receipt.get("reviews", []))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return (n, len(staged)), notes
