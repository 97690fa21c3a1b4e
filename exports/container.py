"""The signed, encrypted container every KLA file uses (docs/bundle-format.md §2-3).

Inside: a ZIP with ``manifest.json``, the payload, ``SHA256SUMS`` (coreutils format, one
line per other member) and ``SHA256SUMS.sig`` (64-byte raw Ed25519 signature of
``SHA256SUMS``). Outside: an age file (X25519 recipients, or a passphrase for setup files).
The ZIP is built on disk under the workspace's ``tmp`` folder and encrypted in a stream,
so memory stays bounded whatever the size of the evidence.

Reading checks, in order and before anything touches the store: size, age header,
decryption (age authenticates every 64 KiB chunk: truncation or one changed byte fails
here), ZIP structure, member names (whitelist: no paths, no links), declared sizes and
compression ratios (zip bombs), then the signature (the caller names the keys it trusts;
:meth:`Container.find_signer` tries them, so ``manifest.json`` is parsed only once its
signature is known good), the manifest's format version, and every member's hash - an
``evidence/<sha256>`` member must also hash to its own name. Every limit is data
(:class:`Limits`), and every JSON text is depth-checked before it is parsed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from db.core import now_iso as _db_now_iso
from db.errors import KlaError
from db.ids import uuid4_hex
from exports import keys
from exports.usb import CHUNK, HashingWriter, write_verified

FORMAT = "kla"
FORMAT_VERSION = 1
AGE_MAGIC = b"age-encryption.org/v1\n"
SUMS, SIG, MANIFEST = "SHA256SUMS", "SHA256SUMS.sig", "manifest.json"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
MB = 1024 * 1024

NAME_RE = re.compile(
    r"^(manifest\.json|SHA256SUMS|SHA256SUMS\.sig|records\.jsonl|receipt\.json|setup\.json"
    r"|keys/(sign\.pem|identity\.txt)|templates/[a-z0-9_]{1,40}-v[0-9]{1,6}\.json|evidence/[0-9a-f]{64})$"
)
SMALL_MEMBERS = {MANIFEST, SUMS, SIG, "receipt.json", "setup.json", "keys/sign.pem", "keys/identity.txt"}


KIB = 1024


@dataclass(frozen=True)
class Limits:
    """What an import accepts, in one place (docs/bundle-format.md §7). Every limit is checked
    before the work it bounds: sizes and counts from the ZIP directory before anything is
    read, records counted while hashing (before one is applied), JSON depth before parsing.
    Generous for real use; tests shrink them."""

    max_file: int = 8 * 1024 * MB  # a .kla file on disk
    max_eml: int = 256 * MB  # an .eml file (the mail parser reads it whole)
    max_members: int = 100_000
    max_total: int = 8 * 1024 * MB  # all members, uncompressed
    max_small: int = 16 * MB  # manifest, receipt, setup, keys, templates
    max_records: int = 512 * MB  # records.jsonl, uncompressed
    max_items: int = 50_000  # lines of records.jsonl (a whole kelurahan is a few thousand)
    max_line: int = 4 * MB
    max_ratio: int = 100  # uncompressed / compressed for a deflated member ...
    ratio_floor: int = 64 * KIB  # ... larger than this
    expansion_floor: int = 32 * MB  # deflated members together: at most max(this, max_ratio x their size)
    max_json_depth: int = 32  # our JSON is at most 5 deep
    max_mime_depth: int = 8  # multipart inside multipart (.eml)
    max_mime_multiparts: int = 64  # multipart headers in one .eml (real mail: a handful)
    quarantine_keep: int = 256 * MB  # a refused file larger than this is described, not copied
    # Bundles sharing one durable commit at DP3AKB (db.core.Core.commit_group): a crash loses at
    # most these, which import again from the files left where they were.
    group_parts: int = 64
    group_seconds: float = 2.0


class JsonTooDeep(json.JSONDecodeError):
    """JSON nested deeper than the limit: refused before the parser recurses into it."""


_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_INNERMOST = re.compile(rb"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")


def json_depth_ok(data: bytes, max_depth: int) -> bool:
    """Whether ``data`` nests arrays/objects at most ``max_depth`` deep (strings ignored).

    No recursion and no per-byte Python loop: each pass of a C-level regex removes the
    innermost level, so the cost is at most ``max_depth + 1`` linear passes.
    """
    if data.count(b"[") + data.count(b"{") <= max_depth:
        return True
    rest = _JSON_STRING.sub(b"", data)
    for level in range(max_depth):
        rest, n = _JSON_INNERMOST.subn(b"", rest)
        if not n:  # what is left never closes: count it as nesting (the parser would recurse into it)
            return level + rest.count(b"[") + rest.count(b"{") <= max_depth
    return not (b"[" in rest or b"{" in rest)


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (Python's json reads them): a value no KLA file holds."""
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)
"""One decoder for every text (``json.loads`` with a keyword makes a new one per call)."""


def parse_json(data: bytes | str, max_depth: int = 32) -> Any:
    """``json.loads`` that refuses what would crash it or a caller: nesting deeper than
    ``max_depth`` (``JsonTooDeep``), numbers beyond Python's digit limit, NaN/Infinity, bad UTF-8 - all as
    ``json.JSONDecodeError`` (a ``ValueError``), never ``RecursionError``."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if not json_depth_ok(raw, max_depth):
        raise JsonTooDeep(f"nested deeper than {max_depth}", "", 0)
    try:
        if isinstance(data, str):
            if data.startswith("\ufeff"):
                raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", data, 0)
            return _DECODER.decode(data)
        # As json.loads reads bytes: UTF-8, -16 or -32 as their first bytes say.
        # A line of ours begins "{" and a byte that is not NUL: UTF-8, as detect_encoding says of it.
        enc = "utf-8" if raw[:1] == b"{" and raw[1:2] not in (b"", b"\x00") else json.detect_encoding(raw)
        return _DECODER.decode(raw.decode(enc, "surrogatepass"))
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError, "Exceeds the limit (4300 digits)"
        raise json.JSONDecodeError(str(exc)[:200], "", 0) from exc


def json_refusal(exc: json.JSONDecodeError, name: str) -> KlaError:
    """The refusal for a member whose JSON cannot be read."""
    if isinstance(exc, JsonTooDeep):
        return KlaError("bundle_damaged", detail="json_too_deep", name=name)
    return KlaError("bundle_damaged", detail=name)


def now_iso() -> str:
    """The time now in UTC to the millisecond (``db.core.now_iso``): every time the store records,
    made here or in ``db/``, in one form, so that they compare as text (a bundle received after a
    receipt written in the same second sorts after it)."""
    return _db_now_iso()


def json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


# ---------------------------------------------------------------------------- writing


class ContainerWriter:
    """Builds the inner ZIP on disk; :meth:`finish` signs it."""

    def __init__(self, tmp_dir: Path, cancelled: Callable[[], bool] | None = None) -> None:
        tmp_dir.mkdir(parents=True, exist_ok=True)
        self.path = tmp_dir / f"build-{uuid4_hex()}.zip"
        self.zf = zipfile.ZipFile(self.path, "w", allowZip64=True)
        self.sums: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        self.cancelled = cancelled

    def _info(self, name: str, compress: bool) -> zipfile.ZipInfo:
        assert NAME_RE.match(name), name
        zi = zipfile.ZipInfo(name, ZIP_EPOCH)
        zi.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        zi.external_attr = (stat.S_IFREG | 0o644) << 16
        return zi

    def add_bytes(self, name: str, data: bytes, compress: bool = True) -> None:
        self.zf.writestr(self._info(name, compress), data)
        self.sums[name] = hashlib.sha256(data).hexdigest()
        self.sizes[name] = len(data)

    def add_file(self, name: str, source: Path, progress: Callable[[int], None] | None = None) -> str:
        h = hashlib.sha256()
        n = 0
        with open(source, "rb") as src, self.zf.open(self._info(name, False), "w", force_zip64=True) as dst:
            while chunk := src.read(CHUNK):
                if self.cancelled and self.cancelled():
                    raise KlaError("cancelled")
                h.update(chunk)
                dst.write(chunk)
                n += len(chunk)
                if progress:
                    progress(len(chunk))
        self.sums[name] = h.hexdigest()
        self.sizes[name] = n
        return self.sums[name]

    def add_lines(self, name: str, lines: Iterable[bytes]) -> None:
        h = hashlib.sha256()
        n = 0
        with self.zf.open(self._info(name, True), "w", force_zip64=True) as dst:
            for line in lines:
                h.update(line)
                dst.write(line)
                n += len(line)
        self.sums[name] = h.hexdigest()
        self.sizes[name] = n

    def finish(self, manifest: dict[str, Any], sign_private: str) -> Path:
        self.add_bytes(MANIFEST, json_bytes(manifest))
        sums = "".join(f"{h}  {n}\n" for n, h in sorted(self.sums.items())).encode("ascii")
        self.zf.writestr(self._info(SUMS, True), sums)
        self.zf.writestr(self._info(SIG, False), keys.sign(sign_private, sums))
        self.zf.close()
        return self.path

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self.zf.close()
        self.path.unlink(missing_ok=True)


def encrypt_to(zip_path: Path, dest: Path, recipients: list[str], cancelled: Callable[[], bool] | None = None,
               ) -> tuple[str, int]:
    """Encrypt ``zip_path`` to age ``recipients`` into ``dest`` (verified write)."""
    if not recipients:
        raise KlaError("no_recipients")
    rcpts = [keys.recipient(r) for r in recipients]

    def produce(w: HashingWriter) -> None:
        with open(zip_path, "rb") as src:
            try:
                pyrage.encrypt_io(src, w, rcpts)
            except pyrage.EncryptError:
                if w.error is not None:
                    raise w.error from None
                raise

    return write_verified(dest, produce, cancelled)


def encrypt_passphrase(zip_path: Path, passphrase: str) -> bytes:
    """Passphrase (scrypt) encryption: in memory, so for small setup payloads only."""
    return pyrage.passphrase.encrypt(zip_path.read_bytes(), passphrase)


# ---------------------------------------------------------------------------- reading


class Container:
    """A decrypted container whose structure was checked; signature not yet.

    ``manifest.json`` is read lazily (:attr:`manifest`): an importer finds the signer
    first (:meth:`find_signer`, :meth:`verify_signature`), so an unsigned manifest is
    never parsed on the way to an import.
    """

    def __init__(self, source: Path, zip_path: Path | None, limits: Limits, data: bytes | None = None) -> None:
        self.source = source
        self.zip_path = zip_path
        """The decrypted ZIP on disk; None when it is held in memory (``data``: a small file)."""
        self.limits = limits
        self._plain = memoryview(data) if zip_path is None and data is not None else None
        """The decrypted ZIP when it is in memory: stored members are read from it as slices (:meth:`_stored`)."""
        try:
            self.zf = zipfile.ZipFile(zip_path if zip_path is not None else io.BytesIO(data or b""))
        except (NotImplementedError, ValueError, EOFError) as exc:
            # zipfile on a hostile directory ("zip file version 13.4", a negative offset): the
            # same as any ZIP that is not whole, for every caller (found by scripts/fuzz).
            raise zipfile.BadZipFile(str(exc)[:200]) from exc
        self.verified = False
        self.source_sha256 = ""
        """SHA-256 of ``source`` (the encrypted file) from the bytes read to decrypt it; '' when not known."""
        self.records = 0  # lines of records.jsonl, counted by check_members
        self.heads: dict[str, bytes] = {}  # first bytes of the members check_members staged
        self._manifest: dict[str, Any] | None = None
        self._check_structure()
        self.sums_bytes = self._read_small(SUMS)
        self.signature = self._read_small(SIG)
        self.sums = self._parse_sums()

    @property
    def manifest(self) -> dict[str, Any]:
        """``manifest.json``, checked against SHA256SUMS and for format and version."""
        if self._manifest is None:
            data = self._read_small(MANIFEST)
            if hashlib.sha256(data).hexdigest() != self.sums.get(MANIFEST):
                raise KlaError("bundle_hash_mismatch", member=MANIFEST)
            try:
                manifest = parse_json(data, self.limits.max_json_depth)
            except json.JSONDecodeError as exc:
                raise json_refusal(exc, MANIFEST) from exc
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise KlaError("bundle_not_kla", path=str(self.source))
            version = manifest.get("format_version")
            if version != FORMAT_VERSION:
                raise KlaError("bundle_format_version", version=version, supported=FORMAT_VERSION)
            self._manifest = manifest
        return self._manifest

    @property
    def type(self) -> str:
        return str(self.manifest.get("type", ""))

    @property
    def signer_key_id(self) -> str:
        signer = self.manifest.get("signer")
        return str(signer.get("key_id", "")) if isinstance(signer, dict) else ""

    def key_id_hint(self) -> str:
        """The signer's key id as the manifest's bytes spell it, found without parsing them
        (only to try that key first; nothing is trusted from it)."""
        with contextlib.suppress(KlaError):
            m = re.search(rb'"key_id"\s*:\s*"([0-9a-f]{64})"', self._read_small(MANIFEST))
            if m:
                return m.group(1).decode("ascii")
        return ""

    def find_signer(self, candidates: Iterable[tuple[str, str]]) -> str | None:
        """The id of the first ``(key_id, sign_public)`` whose key made the signature, or None.

        The key the manifest names is tried first; the rest only when it fails (a few
        dozen Ed25519 checks of a small file at most). Nothing of the manifest is parsed.
        """
        hint = self.key_id_hint()
        ordered = sorted(candidates, key=lambda c: c[0] != hint)
        for key_id, public in ordered:
            with contextlib.suppress(KlaError):
                if keys.verify(public, self.sums_bytes, self.signature):
                    self._signed_by = (public, self.sums_bytes, self.signature)
                    return key_id
        return None

    def _check_structure(self) -> None:
        infos = self.zf.infolist()
        if len(infos) > self.limits.max_members:
            raise KlaError("bundle_zip_bomb", detail="too_many_files", count=len(infos))
        names = set()
        total = inflated = deflated = 0
        for zi in infos:
            if zi.filename in names:
                raise KlaError("bundle_unsafe_name", name=zi.filename)
            names.add(zi.filename)
            if not NAME_RE.match(zi.filename) or zi.flag_bits & 0x1:
                raise KlaError("bundle_unsafe_name", name=zi.filename[:120])
            mode = zi.external_attr >> 16
            if stat.S_IFMT(mode) and not stat.S_ISREG(mode):  # links, devices, folders
                raise KlaError("bundle_unsafe_name", name=zi.filename)
            if zi.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise KlaError("bundle_unsafe_name", name=zi.filename)
            if zi.compress_type == zipfile.ZIP_DEFLATED:
                if zi.file_size > self.limits.ratio_floor and \
                        zi.file_size > self.limits.max_ratio * max(1, zi.compress_size):
                    raise KlaError("bundle_zip_bomb", detail="ratio", name=zi.filename,
                                   ratio=zi.file_size // max(1, zi.compress_size))
                inflated += zi.file_size
                deflated += zi.compress_size
            small = zi.filename in SMALL_MEMBERS or zi.filename.startswith("templates/")
            cap = self.limits.max_small if small else (
                self.limits.max_records if zi.filename == "records.jsonl" else self.limits.max_total)
            if zi.file_size > cap:
                raise KlaError("bundle_zip_bomb", detail="member_too_large", name=zi.filename, size=zi.file_size)
            total += zi.file_size
        if total > self.limits.max_total:
            raise KlaError("bundle_zip_bomb", detail="total_too_large", size=total)
        # Many members each under the ratio floor can still inflate a small file a thousandfold.
        allowed = max(self.limits.expansion_floor, self.limits.max_ratio * deflated)
        if inflated > allowed:
            raise KlaError("bundle_zip_bomb", detail="total_too_large", size=inflated)
        for required in (MANIFEST, SUMS, SIG):
            if required not in names:
                raise KlaError("bundle_damaged", detail="member_missing", name=required)
        self.names = names

    def _open(self, name: str) -> Any:
        try:
            return self.zf.open(name)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise KlaError("bundle_damaged", detail=name) from exc

    def _read_small(self, name: str) -> bytes:
        with self._open(name) as fh:
            try:
                data = fh.read(self.limits.max_small + 1)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise KlaError("bundle_damaged", detail=name) from exc
        if len(data) > self.limits.max_small:
            raise KlaError("bundle_zip_bomb", detail=name)
        return data

    def _parse_sums(self) -> dict[str, str]:
        out: dict[str, str] = {}
        try:
            text = self.sums_bytes.decode("ascii")
        except UnicodeDecodeError as exc:
            raise KlaError("bundle_damaged", detail=SUMS) from exc
        for line in text.splitlines():
            m = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line)
            if not m or m.group(2) in out or not NAME_RE.match(m.group(2)) or m.group(2) in (SUMS, SIG):
                raise KlaError("bundle_damaged", detail=SUMS)
            out[m.group(2)] = m.group(1)
        if set(out) != self.names - {SUMS, SIG}:
            raise KlaError("bundle_hash_mismatch", member=SUMS)
        return out

    _signed_by: tuple[str, bytes, bytes] | None = None
    """The key :meth:`find_signer` found the signature made by, with the bytes it checked."""

    def verify_signature(self, sign_public: str) -> None:
        # The key find_signer just checked these very bytes against is not checked again (an
        # Ed25519 verification is ~1 % of an import of small bundles); any other key is.
        done = self._signed_by
        if not (done is not None and done[0] == sign_public and done[1] is self.sums_bytes
                and done[2] is self.signature) and not keys.verify(sign_public, self.sums_bytes, self.signature):
            raise KlaError("bundle_signature_bad")
        self.verified = True

    _LOCAL = struct.Struct("<4s2B4HL2L2H")  # a ZIP local file header (zipfile's own layout)

    def _stored(self, name: str) -> memoryview | None:
        """A stored member of an in-memory ZIP as a slice of it, checked as ``zipfile`` checks a
        member it reads (local header, its name, bounds, CRC); None when it is not such a member.

        Evidence is stored, not deflated (photos and scans do not shrink): read this way, a
        member costs no file object, no 4 MiB read buffer and no copy before it is hashed."""
        plain = self._plain
        zi = self.zf.getinfo(name)
        if plain is None or zi.compress_type != zipfile.ZIP_STORED or zi.compress_size != zi.file_size:
            return None
        start = zi.header_offset
        head = bytes(plain[start:start + self._LOCAL.size])
        if len(head) != self._LOCAL.size:
            raise KlaError("bundle_damaged", detail=name)
        fields = self._LOCAL.unpack(head)
        if fields[0] != b"PK\x03\x04":
            raise KlaError("bundle_damaged", detail=name)
        name_len, extra_len = fields[-2], fields[-1]
        begin = start + self._LOCAL.size
        raw_name = bytes(plain[begin:begin + name_len])
        try:
            local_name = raw_name.decode("utf-8" if fields[3] & 0x800 else "cp437")
        except UnicodeDecodeError as exc:
            raise KlaError("bundle_damaged", detail=name) from exc
        if local_name != zi.orig_filename:
            raise KlaError("bundle_damaged", detail=name)
        data_at = begin + name_len + extra_len
        end = data_at + zi.file_size
        if end > len(plain):
            raise KlaError("bundle_damaged", detail=name)
        view = plain[data_at:end]
        if zlib.crc32(view) != zi.CRC:
            raise KlaError("bundle_damaged", detail=name)
        return view

    def _count_records(self, chunk: bytes | memoryview) -> None:
        self.records += bytes(chunk).count(b"\n")  # bytes of bytes is the same object; of a view, a copy
        if self.records > self.limits.max_items:
            raise KlaError("bundle_zip_bomb", detail="too_many_records",
                           count=self.records, limit=self.limits.max_items)

    def _stream(self, name: str, declared: int, h: Any, out: Any, head: int,
                cancelled: Callable[[], bool] | None) -> bytes:
        """Read one member through ``zipfile`` into ``h`` (and ``out``); the first ``head`` bytes."""
        n = 0
        first = b""
        with self._open(name) as fh:
            while True:
                if cancelled and cancelled():
                    raise KlaError("cancelled")
                try:
                    chunk = fh.read(CHUNK)
                except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                    raise KlaError("bundle_damaged", detail=name) from exc
                if not chunk:
                    break
                n += len(chunk)
                if n > declared:
                    raise KlaError("bundle_zip_bomb", detail=name)
                h.update(chunk)
                if name == "records.jsonl":
                    self._count_records(chunk)
                if out is not None:
                    out.write(chunk)
                    if len(first) < head:
                        first += chunk[:head - len(first)]
        return first

    def check_members(self, staging: Path | None = None, stage: Callable[[str], bool] = lambda n: False,
                      cancelled: Callable[[], bool] | None = None, head: int = 0,
                      keep: bool = False) -> dict[str, str | memoryview]:
        """Hash every member against SHA256SUMS; members where ``stage(name)`` go to ``staging``.

        Returns the staged files' paths (text: a ``Path`` per file cost more than writing it here);
        ``keep``: a member stored uncompressed in a ZIP held in memory is not written but returned
        as its bytes (a view of the ZIP, checked), for the caller to write where it belongs.
        The first ``head`` bytes of each staged member are kept in :attr:`heads` (what a content
        check needs, without opening the file again). A member staged is written only once its
        hash is known good (from memory) or removed again (read through ``zipfile``)."""
        assert self.verified, "verify the signature first"
        staged: dict[str, str | memoryview] = {}
        made = False
        folder = os.fspath(staging) if staging is not None else ""
        for name in sorted(self.sums):
            if cancelled and cancelled():
                raise KlaError("cancelled")
            want = self.sums[name]
            h = hashlib.sha256()
            target = None
            view = self._stored(name)
            if staging is not None and stage(name):
                if keep and view is not None:
                    target = ""  # kept as the view
                else:
                    if not made:
                        staging.mkdir(parents=True, exist_ok=True)
                        made = True
                    target = os.path.join(folder, name.replace("/", "_"))
            first = b""
            if view is not None:
                h.update(view)
                if name == "records.jsonl":
                    self._count_records(view)
            else:
                out = open(target, "wb") if target else None  # noqa: SIM115 - closed below in finally
                try:
                    first = self._stream(name, self.zf.getinfo(name).file_size, h, out, head, cancelled)
                except BaseException:
                    if target:
                        _unlink(target)
                    raise
                finally:
                    if out is not None:
                        out.close()
            got = h.hexdigest()
            wrong: KlaError | None = None
            if got != want:
                wrong = KlaError("bundle_hash_mismatch", member=name)
            elif name.startswith("evidence/") and got != name.split("/", 1)[1]:
                # Signed and listed, but not the file its name promises: planted evidence.
                wrong = KlaError("evidence_hash_mismatch", sha=name.split("/", 1)[1][:12], got=got[:12])
            if wrong is not None:
                if target and view is None:
                    _unlink(target)
                raise wrong
            if target is not None:
                if view is not None:
                    if target:
                        _write_all(target, view)
                    first = bytes(view[:head])
                staged[name] = target or view  # type: ignore[assignment]
                self.heads[name] = first
        return staged

    def read_json(self, name: str) -> Any:
        if name not in self.names:
            raise KlaError("bundle_damaged", detail="member_missing", name=name)
        try:
            return parse_json(self._read_small(name), self.limits.max_json_depth)
        except json.JSONDecodeError as exc:
            raise json_refusal(exc, name) from exc

    def read_text(self, name: str) -> str:
        """A small member as UTF-8 text (a template, a key)."""
        try:
            return self._read_small(name).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KlaError("bundle_damaged", detail=name) from exc

    def read_bytes(self, name: str) -> bytes:
        return self._read_small(name)

    def iter_jsonl(self, name: str) -> Iterator[Any]:
        if name not in self.names:
            return
        with self._open(name) as raw:
            buf = io.BufferedReader(raw, CHUNK)
            while True:
                line = buf.readline(self.limits.max_line + 1)
                if not line:
                    break
                if len(line) > self.limits.max_line:
                    raise KlaError("bundle_zip_bomb", detail="line_too_long", name=name)
                if not line.strip():
                    continue
                try:
                    value = parse_json(line, self.limits.max_json_depth)
                except json.JSONDecodeError as exc:
                    raise json_refusal(exc, name) from exc
                yield value

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.zf.close()
        if self.zip_path is not None:
            self.zip_path.unlink(missing_ok=True)

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _write_all(target: str, view: memoryview) -> None:
    """``view`` into a new file ``target`` (removed again if the write fails: a full disk)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            done = 0
            while done < len(view):
                done += os.write(fd, view[done:done + CHUNK])
        finally:
            os.close(fd)
    except BaseException:
        _unlink(target)
        raise


def _decrypt_error(exc: Exception) -> KlaError:
    text = str(exc).lower()
    if "no matching keys" in text:
        return KlaError("bundle_not_for_us")
    return KlaError("bundle_damaged", detail="decrypt_failed")


class _HashingReader:
    """The encrypted file as pyrage reads it, hashed on the way (its SHA-256 without a second read)."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh
        self.sha = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        data: bytes = self.fh.read(n)
        self.sha.update(data)
        return data


IN_MEMORY_MAX = 32 * MB
"""A file up to this size is decrypted in memory: one read, no decrypted copy written to ``tmp/``, read
back (zipfile seeks, reads and asks where it is for every read) and deleted."""


def _open_in_memory(path: Path, ids: list[Any], limits: Limits, cancelled: Callable[[], bool] | None) -> Container:
    """:func:`open_container` of a small file, its decrypted ZIP held in memory: the same checks and refusals."""
    if cancelled and cancelled():
        raise KlaError("cancelled")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KlaError("bundle_damaged", detail="read_failed") from exc
    if len(data) > limits.max_file:  # grown since it was measured
        raise KlaError("bundle_too_large", size=len(data), limit=limits.max_file)
    try:
        plain = pyrage.decrypt(data, ids)
    except (pyrage.DecryptError, OSError) as exc:
        raise _decrypt_error(exc) from exc
    if cancelled and cancelled():
        raise KlaError("cancelled")
    try:
        c = Container(path, None, limits, plain)
    except zipfile.BadZipFile as exc:
        raise KlaError("bundle_damaged", detail="zip_invalid") from exc
    c.source_sha256 = hashlib.sha256(data).hexdigest()
    return c


def open_container(path: Path, tmp_dir: Path, *, identities: list[str] | None = None,
                   passphrase: str | None = None, limits: Limits | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Container:
    """Decrypt ``path`` into ``tmp_dir`` and check its structure (see module docstring)."""
    limits = limits or Limits()
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(len(AGE_MAGIC))
    except OSError as exc:
        raise KlaError("file_not_found", path=str(path)) from exc
    if size > limits.max_file:
        raise KlaError("bundle_too_large", size=size, limit=limits.max_file)
    if size == 0:
        # What a copy leaves when the flashdisk is pulled out too early: say that, not "not ours".
        raise KlaError("bundle_empty", path=str(path))
    if head != AGE_MAGIC:
        raise KlaError("bundle_not_kla", path=str(path))
    tmp_dir.mkdir(parents=True, exist_ok=True)
    out = tmp_dir / f"open-{uuid4_hex()}.zip"
    r: _HashingReader | None = None
    try:
        if passphrase is not None:
            if size > 64 * MB:
                raise KlaError("bundle_too_large", size=size, limit=64 * MB)
            try:
                out.write_bytes(pyrage.passphrase.decrypt(path.read_bytes(), passphrase))
            except pyrage.DecryptError as exc:
                text = str(exc).lower()
                if "no matching keys" in text:
                    raise KlaError("setup_not_passphrase") from exc
                raise KlaError("passphrase_wrong") from exc
        else:
            ids = [keys.identity(i) for i in (identities or [])]
            if not ids:
                raise KlaError("no_keys")
            if size <= IN_MEMORY_MAX:
                return _open_in_memory(path, ids, limits, cancelled)
            w = None
            try:
                with open(path, "rb") as src, open(out, "wb") as dst:
                    w = HashingWriter(dst, cancelled)
                    r = _HashingReader(src)
                    pyrage.decrypt_io(r, w, ids)
                    while r.read(CHUNK):  # anything after the age stream: the hash is of the whole file
                        pass
            except (pyrage.DecryptError, OSError) as exc:
                if w is not None and w.error is not None:
                    raise w.error from None  # our own disk (full?) or a cancel, not the bundle
                # pyrage reports a damaged stream as OSError("decryption error"); a real
                # disk problem reading the source is reported the same way, and both
                # mean the same to the user: the file cannot be read whole.
                if isinstance(exc, OSError) and not str(exc).startswith("decryption"):
                    raise KlaError("bundle_damaged", detail="read_failed") from exc
                raise _decrypt_error(exc) from exc
        try:
            c = Container(path, out, limits)
            c.source_sha256 = r.sha.hexdigest() if r is not None else ""
            return c
        except zipfile.BadZipFile as exc:
            raise KlaError("bundle_damaged", detail="zip_invalid") from exc
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def cleanup_tmp(tmp_dir: Path, prefix: str) -> None:
    """Remove leftovers of a crashed run (plaintext copies must not linger)."""
    if tmp_dir.exists():
        for p in tmp_dir.glob(prefix + "*"):
            with contextlib.suppress(OSError):
                if p.is_dir():
                    import shutil

                    shutil.rmtree(p)
                else:
                    os.unlink(p)
