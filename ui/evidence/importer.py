"""Importing evidence files: downscale photos, hash and copy, link. Runs off the GUI thread.

``import_files`` is a plain job ``(progress, cancelled) -> ImportResult`` (see
``ui.widgets.tasks``). It opens its own store connection, because a SQLite connection
belongs to the thread that uses it; WAL lets the GUI's connection read meanwhile.
QImage (not QPixmap) is used: it is safe outside the GUI thread.
"""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter, QPainter

from db.errors import KlaError
from db.store import Store

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif"}


@dataclass(frozen=True)
class ImportOptions:
    home: Path
    operator: str
    kelurahan_code: str
    links: tuple[tuple[int, int], ...] = ()
    kind: str | None = None  # None: photo for images, else 'other'
    owner: tuple[str, str] | None = None  # ('activity' | 'facility', id) to attach to
    max_long_side: int = 1600
    jpeg_quality: int = 80
    keep_original: bool = False


@dataclass
class ImportResult:
    evidence_ids: list[str] = field(default_factory=list)
    failed: list[tuple[str, KlaError]] = field(default_factory=list)
    downscaled: int = 0
    cancelled: bool = False


def is_image(path: Path) -> bool:
    mime = mimetypes.guess_type(path.name)[0] or ""
    return path.suffix.lower() in IMAGE_SUFFIXES or mime.startswith("image/")


def prepare_photo(source: Path, tmp_dir: Path, max_long_side: int, quality: int) -> Path | None:
    """A downscaled JPEG copy of ``source`` when it is larger than ``max_long_side``, else None.

    EXIF orientation is applied (phone photos stand the right way up); transparency is
    flattened on white because JPEG has none.
    """
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        image = reader.read()
        if image.isNull():
            raise KlaError("image_unreadable", name=source.name)
        size = image.size()
        reader = QImageReader(str(source))
        reader.setAutoTransform(True)
    if max(size.width(), size.height()) <= max_long_side:
        return None
    # Decode at the target size (libjpeg scales while decoding: fast, little memory).
    target = size.scaled(QSize(max_long_side, max_long_side), Qt.AspectRatioMode.KeepAspectRatio)
    reader.setScaledSize(target)
    image = reader.read()
    if image.isNull():
        raise KlaError("image_unreadable", name=source.name)
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    tmp_dir.mkdir(parents=True, exist_ok=True)
    out = tmp_dir / f"foto-{uuid.uuid4().hex}.jpg"
    writer = QImageWriter(str(out), b"jpeg")
    writer.setQuality(int(quality))
    if not writer.write(image):
        raise KlaError("file_copy_failed", path=str(source), detail=writer.errorString())
    return out


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
                tmp: Path | None = None
                try:
                    source, name = path, path.name
                    image = is_image(path)
                    if image and not options.keep_original:
                        tmp = prepare_photo(path, store.paths.tmp, options.max_long_side, options.jpeg_quality)
                        if tmp is not None:
                            source, name = tmp, path.stem + ".jpg"
                            result.downscaled += 1
                    kind = options.kind or ("photo" if image else "other")
                    rec = store.add_evidence(
                        options.kelurahan_code, source, links=options.links, kind=kind, original_name=name,
                        cancelled=cancelled,
                    )
                    if options.owner:
                        store.attach_evidence(options.owner[0], options.owner[1], rec.id)
                    result.evidence_ids.append(rec.id)
                except KlaError as exc:
                    if exc.code == "cancelled":
                        result.cancelled = True
                        break
                    result.failed.append((path.name, exc))
                finally:
                    if tmp is not None:
                        tmp.unlink(missing_ok=True)
            progress(n, n, "")
        finally:
            store.close()
        return result

    return job


def _progress_text(name: str, i: int, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("importer", "Memproses %1 (%2 dari %3)").replace("%1", name).replace(
        "%2", str(i)).replace("%3", str(n))
