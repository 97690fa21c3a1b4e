"""Importing evidence files off the GUI thread: the store downscales photos, hashes, copies, links.

``import_files`` is a plain job ``(progress, cancelled) -> ImportResult`` (see
``ui.widgets.tasks``). It opens its own store connection, because a SQLite connection
belongs to the thread that uses it; WAL lets the GUI's connection read meanwhile. Photo
downscaling is the store's (``db.photos``), with the workspace's limits, so the command line
stores the same bytes for the same photo.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.changes import Changes
from db.errors import KlaError
from db.evidence import kind_for_file, video_too_large
from db.photos import IMAGE_SUFFIXES
from db.store import Store


@dataclass(frozen=True)
class ImportOptions:
    home: Path
    operator: str
    kelurahan_code: str
    links: tuple[tuple[int, int], ...] = ()
    kind: str | None = None  # None: photo for images, else 'other'
    owner: tuple[str, str] | None = None  # ('activity' | 'facility', id) to attach to
    keep_original: bool = False  # store photos as they are, not downscaled
    requirement: str = ""  # the evidence requirement the files fulfil for ``links`` (chosen by the clerk)


@dataclass
class ImportResult:
    evidence_ids: list[str] = field(default_factory=list)
    failed: list[tuple[str, KlaError]] = field(default_factory=list)
    downscaled: int = 0
    large_videos: list[tuple[str, int, int]] = field(default_factory=list)
    """Videos kept although over the template's size guidance: (name, bytes, guidance in MB)."""
    already: list[tuple[str, str]] = field(default_factory=list)
    """Files already attached to the same place (nothing added): (name given, evidence id)."""
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)
    """What the job wrote (through its own connection), for the window to broadcast."""


def is_image(path: Path) -> bool:
    mime = mimetypes.guess_type(path.name)[0] or ""
    return path.suffix.lower() in IMAGE_SUFFIXES or mime.startswith("image/")


def import_files(paths: list[Path], options: ImportOptions) -> Callable[..., ImportResult]:
    """The job that imports ``paths`` with ``options`` (run it with a Task)."""

    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> ImportResult:
        result = ImportResult()
        store = Store.open(options.home, operator=options.operator, check=False)
        try:
            n = len(paths)
            for i, path in enumerate(paths):
                if cancelled():
                    result.cancelled = True
                    break
                path = Path(path)
                progress(i, n, _progress_text(path.name, i + 1, n))
                try:
                    image = is_image(path)
                    # A video stays a video wherever it was attached (db.evidence.kind_for_file).
                    kind = kind_for_file(path.name, options.kind)
                    # The store downscales photos (db.photos), so the window and `kla evidence
                    # add` keep the same bytes for the same photo.
                    added = store.add_evidence(
                        options.kelurahan_code, path, links=options.links, kind=kind, original_name=path.name,
                        keep_original=options.keep_original, cancelled=cancelled,
                        requirement=options.requirement if options.links else "",
                    )
                    rec = added.record
                    result.changes |= added
                    # Attached here now, or was already (the store's answer is then empty: nothing written).
                    here = store.attach_evidence(options.owner[0], options.owner[1], rec.id) if options.owner \
                        else added
                    result.changes |= here
                    if not here:
                        result.already.append((path.name, rec.id))
                        continue
                    if image and not options.keep_original and rec.size < path.stat().st_size:
                        result.downscaled += 1
                    if rec.kind == "video" and video_too_large(rec.size, store.template.video_max_mb):
                        result.large_videos.append((path.name, rec.size, store.template.video_max_mb))
                    result.evidence_ids.append(rec.id)
                except KlaError as exc:
                    if exc.code == "cancelled":
                        result.cancelled = True
                        break
                    result.failed.append((path.name, exc))
            progress(n, n, "")
        finally:
            store.close()
        return result

    return job


def _progress_text(name: str, i: int, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("importer", "Memproses %1 (%2 dari %3)").replace("%1", name).replace(
        "%2", str(i)).replace("%3", str(n))
