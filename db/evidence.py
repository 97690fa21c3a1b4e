"""Evidence (data dukung): the only writer of ``evidence`` and ``evidence_links``, and of the
content-addressed ``evidence/`` folder.

Files are stored once per content (SHA-256). Photos larger than the workspace's limit are
downscaled here (``db.photos``), so ``kla evidence add`` and the window store the same bytes
for the same photo; "keep the original" applies to both.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from db import photos, tombstones
from db.changes import Changes
from db.core import HASH_CHUNK, Core, fsync_dir, now_iso, sha256_file
from db.errors import KlaError
from db.ids import uuid4_hex
from db.records import EvidenceRecord
from db.refdata import RefData
from db.template import EVIDENCE_KINDS, parse_date


def _holds(path: Path, sha256: str, size: int) -> bool:
    """Whether ``path`` exists with exactly the content named ``sha256`` (size first: cheap)."""
    try:
        if path.stat().st_size != size:
            return False
        return sha256_file(path) == sha256
    except OSError:
        return False


# What a file named .pdf/.jpg/.png must begin with (PDF readers accept junk before the header
# within the first KiB). Other types are not checked: their signatures vary too much.
CONTENT_SIGNATURES: dict[str, tuple[str, bytes, int]] = {
    "application/pdf": ("PDF", b"%PDF-", 1024),
    "image/jpeg": ("JPG", b"\xff\xd8\xff", 0),
    "image/png": ("PNG", b"\x89PNG\r\n\x1a\n", 0),
}


VIDEO_SUFFIXES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime", ".3gp": "video/3gpp",
                  ".avi": "video/x-msvideo", ".mkv": "video/x-matroska", ".webm": "video/webm",
                  ".mpg": "video/mpeg", ".mpeg": "video/mpeg", ".wmv": "video/x-ms-wmv"}
"""What a phone or camera records; some systems' mimetypes know none of the rarer ones."""


def is_video_name(name: str, mime: str = "") -> bool:
    return Path(name).suffix.lower() in VIDEO_SUFFIXES or mime.startswith("video/")


def file_mime(name: str) -> str:
    import mimetypes  # when a file is placed: the window never starts with it

    return mimetypes.guess_type(name)[0] or VIDEO_SUFFIXES.get(Path(name).suffix.lower(), "application/octet-stream")


def kind_for_file(name: str, requested: str | None, mime: str = "") -> str:
    """The evidence kind a file is kept as: a video is always a ``video``, wherever it was attached
    (its own size guidance applies, it is never downscaled or counted as a photo; where it counts
    is the requirement it was attached to); with no kind asked for, an image is a ``photo`` and
    anything else ``other``. One rule for the window, ``kla evidence add`` and every other path."""
    mime = mime or file_mime(name)
    if is_video_name(name, mime):
        return "video"
    if requested:
        return requested
    return "photo" if photos.is_image_name(name, mime) else "other"


def video_too_large(size: int, max_mb: int) -> bool:
    """Over the template's guidance for videos (kept all the same: evidence is never refused for size here)."""
    return size > max_mb * 1024 * 1024


CONTENT_HEAD = max(window + len(magic) for _kind, magic, window in CONTENT_SIGNATURES.values())
"""How many first bytes of a file :func:`head_mismatch` needs."""


def content_mismatch(path: Path, mime: str) -> str | None:
    """The kind ('PDF', 'JPG', 'PNG') that ``mime`` promises and the bytes of ``path`` are not;
    None when they match or ``mime`` is a type whose content is not checked.

    One rule for every path a file arrives by: added by the clerk, or in a bundle.
    """
    if mime not in CONTENT_SIGNATURES:
        return None
    with open(path, "rb") as fh:
        return head_mismatch(fh.read(CONTENT_HEAD), mime)


def head_mismatch(head: bytes, mime: str) -> str | None:
    """:func:`content_mismatch` of a file whose first :data:`CONTENT_HEAD` bytes are ``head``
    (all of them, or the whole file when shorter): a bundle's files are checked from what was
    read while unpacking them, not opened again."""
    rule = CONTENT_SIGNATURES.get(mime)
    if rule is None:
        return None
    kind, magic, window = rule
    found = magic in head[:window + len(magic)] if window else head.startswith(magic)
    return None if found else kind


BUNDLE_FIELDS = ("sha256", "original_name", "mime", "size", "kind", "caption", "doc_date", "doc_number", "issuer")


_NOT_IN_NAMES = str.maketrans({c: "_" for c in '<>:"/\\|?*' + "".join(map(chr, range(32)))})


def _viewing_name(original: str, sha256: str) -> str:
    """A file name every system takes for ``original`` (its extension kept); the hash when it has none."""
    name = (original or "").replace("\\", "/").rsplit("/", 1)[-1].translate(_NOT_IN_NAMES).strip(" .")
    if not name:
        return sha256[:16]
    stem, dot, ext = name.rpartition(".")
    if dot and 0 < len(ext) <= 10:
        return stem[:100].rstrip(" .") + "." + ext if stem.strip(" .") else sha256[:16] + "." + ext
    return name[:110]


class Evidence:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref
        self.sync_each_file = True
        """fsync every stored file. Only a workspace built in a scratch folder and synced once at
        the end (the demo: thousands of generated files) turns this off."""
        # evidence/ab/ folders known to exist (one mkdir each), by "ab": the folder and its path as text
        self._folders_made: dict[str, tuple[Path, str]] = {}
        self._folders_named: dict[str, tuple[Path, str]] = {}  # the same, not known to exist (adopt_data)

    # ------------------------------------------------------------------ reads

    def _records(self, rows: list[dict[str, Any]]) -> list[EvidenceRecord]:
        if not rows:
            return []
        links: dict[str, list[tuple[int, int]]] = {}
        chosen: dict[str, list[tuple[int, int, str]]] = {}
        ids = [r["id"] for r in rows]
        # One query for the links of all rows (chunks keep under SQLite's variable limit).
        for n in range(0, len(ids), 500):
            chunk = ids[n:n + 500]
            for lr in self.core.query(
                f"SELECT evidence_id, data_year, indicator_no, requirement FROM evidence_links WHERE evidence_id IN"
                f" ({', '.join('?' * len(chunk))}) ORDER BY 2, 3", chunk
            ):
                links.setdefault(lr["evidence_id"], []).append((lr["data_year"], lr["indicator_no"]))
                if lr["requirement"]:
                    chosen.setdefault(lr["evidence_id"], []).append(
                        (lr["data_year"], lr["indicator_no"], lr["requirement"]))
        return [
            EvidenceRecord(
                r["id"], r["kelurahan_code"], r["sha256"], r["original_name"], r["mime"], r["size"], r["kind"],
                r["caption"], r["doc_date"], r["doc_number"], r["issuer"], r["revision"], r["operator"],
                r["added_at"], r["updated_at"], tuple(links.get(r["id"], [])), tuple(chosen.get(r["id"], [])),
            )
            for r in rows
        ]

    def evidence(self, evidence_id: str) -> EvidenceRecord:
        found = self._records(self.core.rows("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
        if not found:
            raise KlaError("evidence_unknown", id=evidence_id)
        return found[0]

    def evidence_list(
        self, kelurahan_code: str | None = None, data_year: int | None = None, indicator_no: int | None = None
    ) -> list[EvidenceRecord]:
        sql = "SELECT DISTINCT e.* FROM evidence e LEFT JOIN evidence_links l ON l.evidence_id = e.id WHERE 1=1"
        params: list[Any] = []
        if self.core.role == "kelurahan" or kelurahan_code:
            sql += " AND e.kelurahan_code = ?"
            params.append(self.ref.kel(kelurahan_code))
        if data_year is not None:
            sql += " AND l.data_year = ?"
            params.append(data_year)
        if indicator_no is not None:
            sql += " AND l.indicator_no = ?"
            params.append(indicator_no)
        return self._records(self.core.rows(sql + " ORDER BY e.added_at, e.id", params))

    def path(self, record: EvidenceRecord | str) -> Path:
        sha = record.sha256 if isinstance(record, EvidenceRecord) else record
        return self.core.paths.evidence_file(sha)

    def viewing_copy(self, record: EvidenceRecord) -> Path:
        """A copy of the file to open with the computer's own program, under its original name.

        The folder keeps files by their SHA-256 without an extension, which no program opens (on
        Windows nothing is tied to a name without one), and the copy keeps the kept file safe from
        a program that saves over what it opened. In ``tmp/lihat/`` of the workspace, replaced each
        time. ``evidence_file_missing`` when the kept file is gone."""
        source = self.path(record)
        if not source.is_file():
            raise KlaError("evidence_file_missing", name=record.original_name or record.id, sha=record.sha256[:12])
        name = _viewing_name(record.original_name, record.sha256)
        folder = self.core.paths.tmp / "lihat" / record.id[:16]
        target = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target.chmod(0o644)
                target.unlink()
            import shutil  # when a clerk opens a file, never at start-up

            shutil.copyfile(source, target)
            target.chmod(0o444)
        except OSError as exc:
            raise KlaError("file_copy_failed", path=str(target), detail=str(exc)) from exc
        return target

    def has_file(self, sha256: str) -> bool:
        return self.core.paths.evidence_file(sha256).exists()

    def holds(self, sha256: str, size: int) -> bool:
        """Whether the folder holds ``sha256`` as far as a look can tell (there, with its size).

        Cheap (one ``stat``), so a receipt can ask it of every file: a file whose bytes changed
        without its size changing is found by reading it (:meth:`verify_file`, ``kla check``)
        and set aside, after which this says False.
        """
        try:
            return self.core.paths.evidence_file(sha256).stat().st_size == size
        except OSError:
            return False

    def verify_file(self, sha256: str, describe: Callable[[str, dict[str, Any]], str] | None = None) -> str:
        """Read a stored file through: 'ok', 'missing', or 'damaged' (then it was set aside,
        :meth:`set_aside`, or 'damaged_kept' when the move failed)."""
        p = self.core.paths.evidence_file(sha256)
        try:
            got = sha256_file(p)
        except FileNotFoundError:
            return "missing"
        except OSError:
            got = ""
        if got == sha256:
            return "ok"
        return "damaged" if self.set_aside(sha256, got, describe) else "damaged_kept"

    def set_aside(self, sha256: str, got: str = "", describe: Callable[[str, dict[str, Any]], str] | None = None
                  ) -> Path | None:
        """Move a file whose bytes no longer hash to its name out of the evidence folder.

        It goes to ``quarantine/`` (beside a reason file), never deleted: from then on the file
        counts as missing everywhere, so a DP3AKB receipt no longer lists it as held and the
        kelurahan sends it again, and nothing reads the wrong bytes as the document. ``describe``
        (code, params) gives the front end's words for the reason. Returns the new place, or None
        when the file could not be moved (e.g. open in another program on Windows).
        """
        src = self.core.paths.evidence_file(sha256)
        q = self.core.paths.quarantine
        stamp = now_iso()
        names = [r["original_name"] for r in self.core.query(
            "SELECT DISTINCT original_name FROM evidence WHERE sha256 = ? ORDER BY 1", [sha256])]
        units = [r["kelurahan_code"] for r in self.core.query(
            "SELECT DISTINCT kelurahan_code FROM evidence WHERE sha256 = ? ORDER BY 1", [sha256])]
        params: dict[str, Any] = {"sha": sha256[:12], "got": got[:12], "name": ", ".join(names),
                                  "units": ", ".join(units)}
        dest = q / f"{stamp[:19].replace(':', '').replace('-', '')}-{sha256[:16]}-data-dukung-rusak"
        try:
            q.mkdir(parents=True, exist_ok=True)
            size = src.stat().st_size
            os.replace(src, dest)
        except OSError:
            return None
        with contextlib.suppress(OSError):
            fsync_dir(src.parent)
        text = describe("evidence_set_aside", params) if describe else "evidence_set_aside"
        with contextlib.suppress(OSError):
            dest.with_name(dest.name + ".alasan.txt").write_text(
                f"Berkas: evidence/{sha256}\nWaktu: {stamp}\nAlasan: {text}\nKode: evidence_set_aside\n"
                f"Rincian: {params}\nUkuran: {size} bita\nSHA-256 isinya: {got or '-'}\n"
                f"SHA-256 yang seharusnya: {sha256}\n", encoding="utf-8")
        return dest

    def owner_of(self, evidence_id: str) -> str | None:
        row = self.core.one("SELECT kelurahan_code FROM evidence WHERE id = ?", [evidence_id])
        return row["kelurahan_code"] if row else None

    def bundle_probe(self, evidence_id: str, kel: str, sha256: str) -> list[dict[str, Any]]:
        """The record ``evidence_id`` (whoever's) and ``kel``'s record of the same file under any id
        (``id``, ``kelurahan_code``): its owner for an import's scope check and, unchanged since,
        what :meth:`apply_bundle_item` would look up (``found``), in one query."""
        return self.core.rows("SELECT id, kelurahan_code FROM evidence WHERE id = ? OR (kelurahan_code = ? AND"
                              " sha256 = ?)", [evidence_id, kel, sha256])

    def usage(self, evidence_id: str) -> int:
        """How many places use this evidence: indicator links, activities, facilities."""
        row = self.core.one(
            "SELECT (SELECT count(*) FROM evidence_links WHERE evidence_id = :id)"
            " + (SELECT count(*) FROM activity_evidence WHERE evidence_id = :id)"
            " + (SELECT count(*) FROM facility_evidence WHERE evidence_id = :id) AS n", {"id": evidence_id})
        return int(row["n"]) if row else 0

    # ------------------------------------------------------------------ files

    def store_file(
        self,
        source: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[str, int]:
        """Copy a file into the content-addressed folder; returns (sha256, size).

        Streams in 1 MiB chunks, hashing as it copies; the file lands under a temporary
        name, is synced, then renamed, so a crash never leaves a partial evidence file.
        """
        source = Path(source)
        if not source.is_file():
            raise KlaError("file_not_found", path=str(source))
        paths = self.core.paths
        paths.tmp.mkdir(parents=True, exist_ok=True)
        tmp = paths.tmp / f"in-{uuid4_hex()}"
        import hashlib  # here: OpenSSL loads with the first file hashed (db/digest.py)

        h = hashlib.sha256()
        total = source.stat().st_size
        done = 0
        try:
            with open(source, "rb") as src, open(tmp, "wb") as dst:
                while chunk := src.read(HASH_CHUNK):
                    if cancelled and cancelled():
                        raise KlaError("cancelled")
                    h.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                dst.flush()
                if self.sync_each_file:
                    os.fsync(dst.fileno())
            sha = h.hexdigest()
            final = paths.evidence_file(sha)
            if _holds(final, sha, done):
                tmp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                if self.sync_each_file:
                    fsync_dir(final.parent)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise KlaError("file_copy_failed", path=str(source), detail=str(exc)) from exc
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return sha, done

    def adopt_file(self, staged: Path | str, sha256: str, *, hashed: bool = False) -> None:
        """Move a file from a bundle into the evidence folder (same disk: a rename).

        The staged file must hash to ``sha256`` (its name in the bundle): a file whose bytes
        are not the ones its name promises is refused (``evidence_hash_mismatch``) and never
        lands in the folder. ``hashed``: the caller has just hashed the bytes it staged
        against that name (``exports.container.Container.check_members`` does, while
        unpacking), so they are not read a second time. A file already under that name is
        replaced by the verified bytes (the same bytes if it was intact; a damaged or planted one is mended).

        Inside a transaction the file and its folder are flushed with the transaction's other
        files just before its COMMIT (:meth:`db.core.Core.durable_before_commit`): a bundle
        of 55 files waits for one batch of flushes, not 110 one after the other.
        """
        if not hashed:
            got = sha256_file(Path(staged))
            if got != sha256:
                Path(staged).unlink(missing_ok=True)
                raise KlaError("evidence_hash_mismatch", sha=sha256[:12], got=got[:12])
        made = self._folders_made.get(sha256[:2])
        if made is None:
            folder = self.core.paths.evidence_file(sha256).parent
            folder.mkdir(parents=True, exist_ok=True)
            made = self._folders_made[sha256[:2]] = (folder, os.fspath(folder))
        folder, text = made
        final = os.path.join(text, sha256)  # text, not a Path: one per file of an import
        # Renamed over whatever is there, unasked (a look first was a stat per file): a file under
        # this name is either these very bytes or damaged or planted, and replaced by them then.
        try:
            os.replace(staged, final)
        except FileNotFoundError:  # the folder went away since (a restore): make it again
            if not os.path.exists(staged):
                raise
            folder.mkdir(parents=True, exist_ok=True)
            os.replace(staged, final)
        except PermissionError:
            # Windows: a file open elsewhere (a scanner, a viewer) is not renamed over. Intact, it
            # stays; damaged, the error stands (the import says the workspace could not be written).
            if not _holds(Path(final), sha256, os.stat(staged).st_size):
                raise
            Path(staged).unlink(missing_ok=True)
            return
        self.core.durable_before_commit([final], [folder])

    # ------------------------------------------------------------------ an import's files

    _writer: Any = None  # db.evidence_writer.EvidenceWriter while an import uses one
    _stage: str | None = None  # the import's tmp/stage-... folder for bytes adopted (adopt_data)
    _sent: list[tuple[str, Path]] = []  # handed to the writer, not yet waited for (files_written)

    @contextlib.contextmanager
    def importing(self, bundles: int) -> Iterator[None]:
        """An import of ``bundles`` files: bytes it adopts (:meth:`adopt_data`) are staged in one
        ``tmp/stage-...`` folder and, for a big import on POSIX, written by a second process
        beside the import's own work (``db.evidence_writer``). The folder is gone at the end."""
        from db import evidence_writer

        self._stage = os.path.join(os.fspath(self.core.paths.tmp), f"stage-{uuid4_hex()}")
        self._sent = []
        if os.name == "posix" and bundles >= evidence_writer.MIN_BUNDLES and not os.environ.get("KLA_NO_WRITER"):
            self._writer = evidence_writer.EvidenceWriter()
        try:
            yield
        finally:
            writer, self._writer = self._writer, None
            if writer is not None:
                with contextlib.suppress(OSError, evidence_writer.WriterGone):
                    writer.wait()
                writer.close()
            stage, self._stage = self._stage, None
            with contextlib.suppress(OSError):
                os.rmdir(stage)  # every file renamed: empty (else tmp/ is cleaned at the next import)

    def adopt_data(self, data: Any, sha256: str) -> None:
        """Bytes of a bundle member whose SHA-256 the caller has just checked against ``sha256``
        (``exports.container.Container.check_members``, from memory) into the evidence folder:
        staged in ``tmp/``, renamed to their name (over whatever is there, as :meth:`adopt_file`),
        flushed before the transaction's COMMIT. Inside :meth:`importing` of a big import the
        writer process writes them: :meth:`files_written` waits for them, before the part that
        names them ends."""
        from db.evidence_writer import WriterGone, write_file

        made = self._folders_named.get(sha256[:2])
        if made is None:  # not made here: the folder's name (made by the write when missing)
            folder = self.core.paths.evidence_file(sha256).parent
            made = self._folders_named[sha256[:2]] = (folder, os.fspath(folder))
        folder, text = made
        final = os.path.join(text, sha256)
        stage = self._stage or os.path.join(os.fspath(self.core.paths.tmp), f"stage-{uuid4_hex()}")
        tmp = os.path.join(stage, sha256)
        if self._writer is not None:
            try:
                self._writer.write(tmp, final, data)
                self._sent.append((final, folder))  # flushed with the commit once written (files_written)
                return
            except WriterGone:
                self._writer_gone()
        try:
            write_file(tmp, final, data)
        except PermissionError:
            # Windows: a file open elsewhere (a scanner, a viewer) is not renamed over. Intact, it
            # stays; damaged, the error stands (the import says the workspace could not be written).
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if not _holds(Path(final), sha256, len(data)):
                raise
        finally:
            if self._stage is None:
                with contextlib.suppress(OSError):
                    os.rmdir(stage)
        self.core.durable_before_commit([final], [folder])

    def files_sent(self) -> None:
        """No more files for a while (a bundle's evidence records are behind it): the writer
        process gets what is queued at once and :meth:`files_written` then rarely waits."""
        if self._writer is not None:
            from db.evidence_writer import WriterGone

            try:
                self._writer.mark()
            except WriterGone:
                self._writer_gone()

    def files_written(self, *, strict: bool = True) -> None:
        """Every file :meth:`adopt_data` was given is under its name (the writer process waited
        for). ``strict``: a write that failed raises its ``OSError`` (the caller's part rolls
        back); else (a part already failing) it is only waited for."""
        sent, self._sent = self._sent, []
        if self._writer is not None:
            from db.evidence_writer import WriterGone

            try:
                try:
                    self._writer.wait()
                except WriterGone:
                    self._writer_gone()
            except OSError:
                if strict:
                    raise
                return
        for final, folder in sent:
            self.core.durable_before_commit([final], [folder])

    def _writer_gone(self) -> None:
        """The writer process died: what it had not confirmed is written here, and every file after."""
        from db.evidence_writer import write_file

        writer, self._writer = self._writer, None
        try:
            for tmp, final, data in writer.take_back():
                write_file(tmp, final, data)
        finally:
            writer.close()

    def photo_limits(self) -> tuple[int, int]:
        """(long side in pixels, JPEG quality) for photos added to this workspace."""
        t = self.ref.template
        try:
            side = int(self.ref.setting("photo_max_long_side", str(t.photo_max_long_side)))
            quality = int(self.ref.setting("photo_jpeg_quality", str(t.photo_jpeg_quality)))
        except ValueError:
            side, quality = t.photo_max_long_side, t.photo_jpeg_quality
        return side, quality

    # ------------------------------------------------------------------ writes

    def _changes(self, rec: EvidenceRecord, extra_links: Iterable[tuple[int, int]] = ()) -> Changes:
        return Changes.of("evidence", rec.id, units=[rec.kelurahan_code],
                          indicators=[*rec.links, *extra_links], record=rec)

    def add(
        self,
        kelurahan_code: str | None,
        source: Path,
        *,
        links: Iterable[tuple[int, int]] = (),
        kind: str | None = None,
        caption: str = "",
        doc_date: str | None = None,
        doc_number: str = "",
        issuer: str = "",
        original_name: str | None = None,
        keep_original: bool = False,
        requirement: str = "",
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Changes:
        """Add a file as evidence of a kelurahan, linked to (data_year, indicator) pairs.

        The same content added twice is one record: the new links join the old ones (and when it
        brings nothing new, the answer is empty: ``Changes.none`` with the record). A photo
        larger than the workspace's limit is stored downscaled unless ``keep_original``.
        ``requirement`` (a key of the indicators' evidence requirements) is the one the file
        fulfils for each of ``links``: chosen by the clerk, it ticks that requirement only.
        """
        kel = self.ref.kel(kelurahan_code)
        source = Path(source)
        name = original_name or source.name
        link_list = [(int(y), int(i)) for y, i in links]
        for y, i in link_list:
            self.ref.period_for_data_year(y)
            self._check_requirement(i, requirement)
        mime = file_mime(name)
        kind = kind_for_file(name, kind, mime)
        if kind not in EVIDENCE_KINDS:
            raise KlaError("evidence_kind_unknown", kind=kind)  # the kinds are listed in words by the front ends
        if doc_date:
            doc_date = parse_date(doc_date)
        if source.is_dir():
            raise KlaError("evidence_is_folder", path=str(source))
        if not source.is_file():
            raise KlaError("file_not_found", path=str(source))
        try:
            wrong = content_mismatch(source, mime)
            empty = bool(wrong) and source.stat().st_size == 0
        except OSError as exc:
            raise KlaError("file_not_found", path=str(source)) from exc
        if wrong:
            # Refused alike either way (the bundle's check says the same); an empty file is told as empty.
            raise KlaError("evidence_file_empty" if empty else "evidence_not_its_type", name=name, kind=wrong)
        scaled: Path | None = None
        if not keep_original and photos.is_image_name(name, mime):
            side, quality = self.photo_limits()
            try:
                scaled = photos.prepare_photo(source, self.core.paths.tmp, side, quality)
            except KlaError as exc:
                if exc.code != "image_unreadable":
                    raise
                # A file named like a photo that no image library can read is still the
                # clerk's evidence: it is kept exactly as given, never refused or lost.
                scaled = None
            if scaled is not None:
                name, mime = Path(name).stem + ".jpg", "image/jpeg"
        try:
            sha, size = self.store_file(scaled or source, progress, cancelled)
        finally:
            if scaled is not None:
                scaled.unlink(missing_ok=True)
        with self.core.transaction():
            row = self.core.one("SELECT id FROM evidence WHERE kelurahan_code = ? AND sha256 = ?", [kel, sha])
            stamp = now_iso()
            if row:
                evidence_id = row["id"]
                changed = self._fill_blanks(evidence_id, caption=caption, doc_date=doc_date, doc_number=doc_number,
                                            issuer=issuer)
            else:
                changed = True
                evidence_id = uuid4_hex()
                self.core.execute(
                    "INSERT INTO evidence(id, kelurahan_code, sha256, original_name, mime, size, kind, caption,"
                    " doc_date, doc_number, issuer, revision, operator, added_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    [evidence_id, kel, sha, name, mime, size, kind, caption, doc_date, doc_number, issuer,
                     self.core.operator, stamp, stamp],
                )
                self.core.audit("create", "evidence", evidence_id, None, {"name": name, "sha256": sha})
            for y, i in link_list:
                changed = self._link(evidence_id, y, i) or changed
                if requirement:
                    changed = self._set_requirement(evidence_id, y, i, requirement) or changed
        rec = self.evidence(evidence_id)
        # The same file again where it already is: nothing written, said so (empty Changes with the record).
        return self._changes(rec) if changed else Changes.none(rec)

    def _fill_blanks(self, evidence_id: str, **given: Any) -> bool:
        """The same file added again with a caption or document details typed this time: what the
        record has blank takes them (nothing typed is lost); what it already has stays as it was."""
        rec = self.evidence(evidence_id)
        fill = {k: v for k, v in given.items() if v and not getattr(rec, k)}
        if fill:
            sets = ", ".join(f"{k} = ?" for k in fill)
            self.core.execute(
                f"UPDATE evidence SET {sets}, revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
                [*fill.values(), self.core.operator, now_iso(), evidence_id],
            )
            self.core.audit("update", "evidence", evidence_id, {k: getattr(rec, k) for k in fill}, fill)
        return bool(fill)

    def _check_requirement(self, indicator_no: int, requirement: str) -> None:
        ind = self.ref.template.indicator(indicator_no)
        if requirement and requirement not in [r.key for r in ind.evidence]:
            raise KlaError("evidence_requirement_unknown", indicator=indicator_no, requirement=requirement)

    def _set_requirement(self, evidence_id: str, year: int, ind: int, requirement: str) -> bool:
        cur = self.core.execute(
            "UPDATE evidence_links SET requirement = ? WHERE evidence_id = ? AND data_year = ? AND indicator_no = ?"
            " AND requirement != ?", [requirement, evidence_id, year, ind, requirement])
        if cur.rowcount:
            self.core.audit("update", "evidence.requirement", f"{evidence_id}/{year}/{ind}", None, requirement)
            return True
        return False

    def set_requirement(self, evidence_id: str, data_year: int, indicator_no: int, requirement: str) -> Changes:
        """Which requirement of an indicator a linked file fulfils ('' = none chosen); one file, one requirement."""
        rec = self.evidence(evidence_id)
        self.ref.kel(rec.kelurahan_code)
        self._check_requirement(indicator_no, requirement)
        if (data_year, indicator_no) not in rec.links:
            raise KlaError("evidence_not_linked", indicator=indicator_no, year=data_year)
        with self.core.transaction():
            changed = self._set_requirement(evidence_id, data_year, indicator_no, requirement)
        return self._changes(self.evidence(evidence_id)) if changed else Changes.none(rec)

    def _link(self, evidence_id: str, year: int, ind: int) -> bool:
        cur = self.core.execute(
            "INSERT OR IGNORE INTO evidence_links(evidence_id, data_year, indicator_no) VALUES (?, ?, ?)",
            [evidence_id, year, ind],
        )
        if cur.rowcount:
            self.core.audit("link", "evidence", f"{evidence_id}/{year}/{ind}", None, [year, ind])
            return True
        return False

    def link(self, evidence_id: str, data_year: int, indicator_no: int) -> Changes:
        rec = self.evidence(evidence_id)
        self.ref.kel(rec.kelurahan_code)
        self.ref.period_for_data_year(data_year)
        self.ref.template.indicator(indicator_no)
        with self.core.transaction():
            linked = self._link(evidence_id, data_year, indicator_no)
        return self._changes(self.evidence(evidence_id)) if linked else Changes.none(rec)

    def unlink(self, evidence_id: str, data_year: int, indicator_no: int) -> Changes:
        """Remove one link. The file and record stay (it may be used elsewhere)."""
        rec = self.evidence(evidence_id)
        with self.core.transaction():
            cur = self.core.execute(
                "DELETE FROM evidence_links WHERE evidence_id = ? AND data_year = ? AND indicator_no = ?",
                [evidence_id, data_year, indicator_no],
            )
            if not cur.rowcount:
                return Changes.none(rec)
            self.core.audit("unlink", "evidence", f"{evidence_id}/{data_year}/{indicator_no}",
                            [data_year, indicator_no], None)
        return self._changes(rec)

    def update(self, evidence_id: str, **fields: Any) -> Changes:
        allowed = {"caption", "doc_date", "doc_number", "issuer", "kind"}
        unknown = set(fields) - allowed
        if unknown:
            raise KlaError("field_unknown", fields=", ".join(sorted(unknown)))
        rec = self.evidence(evidence_id)
        if "doc_date" in fields and fields["doc_date"]:
            fields["doc_date"] = parse_date(fields["doc_date"])
        if "kind" in fields and fields["kind"] not in EVIDENCE_KINDS:
            raise KlaError("evidence_kind_unknown", kind=fields["kind"])
        changes = {k: v for k, v in fields.items() if getattr(rec, k) != v}
        if not changes:
            return Changes.none(rec)
        with self.core.transaction():
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.core.execute(
                f"UPDATE evidence SET {sets}, revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
                [*changes.values(), self.core.operator, now_iso(), evidence_id],
            )
            self.core.audit("update", "evidence", evidence_id, {k: getattr(rec, k) for k in changes}, changes)
        return self._changes(self.evidence(evidence_id))

    def remove(self, evidence_id: str) -> Changes:
        """Delete an evidence record and its links; the file goes only if nothing else uses it."""
        rec = self.evidence(evidence_id)
        self.ref.kel(rec.kelurahan_code)
        with self.core.transaction():
            self.core.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            tombstones.add(self.core, "evidence", evidence_id, rec.kelurahan_code)
            self.core.audit("delete", "evidence", evidence_id, {"name": rec.original_name, "sha256": rec.sha256}, None)
            row = self.core.one("SELECT count(*) AS n FROM evidence WHERE sha256 = ?", [rec.sha256])
        if row and not row["n"]:
            with contextlib.suppress(FileNotFoundError):
                self.path(rec).unlink()
        return self._changes(rec)

    # ------------------------------------------------------------------ from bundles

    _RECORD_HEAD = (f"INSERT INTO evidence(id, kelurahan_code, {', '.join(BUNDLE_FIELDS)}, revision, operator,"
                    " added_at, updated_at)")
    _LINKS_HEAD = "INSERT OR IGNORE INTO evidence_links(evidence_id, data_year, indicator_no, requirement)"

    def new_bundle_record(self, kel: str, evidence_id: str, d: dict[str, Any]) -> tuple[list[Any], list[list[Any]]]:
        """A bundle's record that is new to this workspace (no record of that id, none of ``kel`` for
        its file: :meth:`bundle_probe` found nothing) as the rows :meth:`apply_bundle_item` writes for
        it, made now and written later with the bundle's others (:meth:`insert_bundle_records`);
        :meth:`new_record_changes` says what applying it changes."""
        operator, stamp = d.get("operator", ""), d.get("updated_at") or now_iso()
        row = [evidence_id, kel, *(d[f] for f in BUNDLE_FIELDS), 1, operator, d.get("added_at") or now_iso(), stamp]
        # The requirement the clerk chose, as apply_bundle_item's UPDATE after the links leaves it
        # (the last one named for a link; one the template does not ask for is not kept).
        chosen: dict[tuple[Any, Any], str] = {}
        for y, i, requirement in d.get("requirements", ()):
            try:
                self._check_requirement(int(i), requirement)
            except KlaError:
                continue
            chosen[(y, i)] = requirement
        return row, [[evidence_id, y, i, chosen.get((y, i), "")] for y, i in d["links"]]

    @staticmethod
    def new_record_changes(kel: str, evidence_id: str, d: dict[str, Any]) -> Changes:
        """What :meth:`apply_bundle_item` returns for a record :meth:`new_bundle_record` made."""
        return Changes.of("evidence", evidence_id, units=[kel], indicators={(int(y), int(i)) for y, i in d["links"]})

    def insert_bundle_records(self, records: list[tuple[list[Any], list[list[Any]]]]) -> None:
        """Records made by :meth:`new_bundle_record`, in order: every record, then their links
        (inside the caller's transaction)."""
        self.core.insert_rows(self._RECORD_HEAD, 6 + len(BUNDLE_FIELDS), [r for r, _ in records])
        self.core.insert_rows(self._LINKS_HEAD, 4, [ln for _, links in records for ln in links])

    def apply_bundle_item(self, kel: str, evidence_id: str, d: dict[str, Any] | None,
                          found: list[dict[str, Any]] | None = None) -> Changes:
        """Make ``kel``'s evidence record equal to a bundle's version (None: deleted).

        Inside the caller's transaction; the file is already in the folder. ``found``: what
        :meth:`bundle_probe` gave for this record and file, with nothing written since.
        """
        if d is None:
            self.core.execute("DELETE FROM evidence WHERE id = ? AND kelurahan_code = ?", [evidence_id, kel])
            tombstones.add(self.core, "evidence", evidence_id, kel, once=True)
            return Changes.of("evidence", evidence_id, units=[kel])
        operator, stamp = d.get("operator", ""), d.get("updated_at") or now_iso()
        # The record itself, or (when it is new) the same file under another id: one query for both.
        if found is None:
            found = self.bundle_probe(evidence_id, kel, d["sha256"])
        new = not any(r["id"] == evidence_id for r in found)
        # A new record has no links yet (they go with their record: ON DELETE CASCADE).
        old_links = [] if new else [tuple(r.values()) for r in self.core.query(
            "SELECT data_year, indicator_no FROM evidence_links WHERE evidence_id = ?", [evidence_id])]
        if new:
            same = found[0] if found else None
            if same:
                # The same file under another id (two PCs added it): one record per file.
                self.core.execute("DELETE FROM evidence WHERE id = ?", [same["id"]])
                tombstones.add(self.core, "evidence", same["id"], kel, once=True)
            self.core.execute(
                f"INSERT INTO evidence(id, kelurahan_code, {', '.join(BUNDLE_FIELDS)}, revision, operator, added_at,"
                f" updated_at) VALUES (?, ?, {', '.join('?' * len(BUNDLE_FIELDS))}, 1, ?, ?, ?)",
                [evidence_id, kel, *(d[f] for f in BUNDLE_FIELDS), operator, d.get("added_at") or now_iso(), stamp],
            )
        else:
            self.core.execute(
                f"UPDATE evidence SET {', '.join(f + ' = ?' for f in BUNDLE_FIELDS)}, revision = revision + 1,"
                " operator = ?, updated_at = ? WHERE id = ?",
                [*(d[f] for f in BUNDLE_FIELDS), operator, stamp, evidence_id],
            )
        if not new:
            self.core.execute("DELETE FROM evidence_links WHERE evidence_id = ?", [evidence_id])
        self.core.executemany("INSERT OR IGNORE INTO evidence_links(evidence_id, data_year, indicator_no)"
                              " VALUES (?, ?, ?)", [(evidence_id, y, i) for y, i in d["links"]])
        # The requirement the clerk chose (bundle field "requirements", absent in older bundles). One this
        # workspace's template does not ask for is not kept: the file then counts by its kind, as unchosen.
        for y, i, requirement in d.get("requirements", ()):
            try:
                self._check_requirement(int(i), requirement)
            except KlaError:
                continue
            self.core.execute("UPDATE evidence_links SET requirement = ? WHERE evidence_id = ? AND data_year = ?"
                              " AND indicator_no = ?", [requirement, evidence_id, y, i])
        touched = {(int(y), int(i)) for y, i in d["links"]} | {(int(y), int(i)) for y, i in old_links}
        return Changes.of("evidence", evidence_id, units=[kel], indicators=touched)
