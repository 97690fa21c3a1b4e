"""Previews of evidence files: thumbnails for images, the first page for PDFs (QtPdf).

Rendering runs off the GUI thread (QImage only; QPixmap is made in the GUI thread) and is
cached in memory and on disk under the workspace's ``cache/thumbs`` folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtPdf import QPdfDocument

from db.records import EvidenceRecord
from ui.operations import run_in_background
from ui.widgets.tasks import Task

THUMB_SIZE = 256


def render_preview(path: Path, mime: str, size: int = THUMB_SIZE) -> QImage | None:
    """A preview no larger than ``size`` x ``size``, or None when the file cannot be shown."""
    if not path.exists():
        return None
    if mime == "application/pdf" or path.suffix.lower() == ".pdf":
        doc = QPdfDocument()
        doc.load(str(path))
        try:
            if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
                return None
            page = doc.pagePointSize(0)
            target = page.toSize().scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio)
            image = doc.render(0, target)
        finally:
            doc.close()
        if image.isNull():
            return None
        # A PDF page renders transparent: put it on white paper.
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        return flat
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class ThumbnailCache(QObject):
    """Previews by content hash; missing ones are rendered in the background."""

    ready = Signal(str)
    """A preview became available: the file's sha256."""

    def __init__(self, cache_dir: Path, evidence_path, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cache_dir = Path(cache_dir)
        self._evidence_path = evidence_path  # callable(EvidenceRecord) -> Path
        self._images: dict[str, QImage] = {}
        self._failed: set[str] = set()
        self._queued: set[str] = set()
        self._tasks: list[Task] = []

    def get(self, record: EvidenceRecord) -> QImage | None:
        img = self._images.get(record.sha256)
        if img is not None:
            return img
        disk = self.cache_dir / f"{record.sha256}-{THUMB_SIZE}.png"
        if disk.exists():
            img = QImage(str(disk))
            if not img.isNull():
                self._images[record.sha256] = img
                return img
        return None

    def request(self, records: list[EvidenceRecord]) -> Task | None:
        """Render the previews not cached yet, in one background task."""
        todo = [r for r in records if r.sha256 not in self._queued and r.sha256 not in self._failed
                and self.get(r) is None and (r.is_image or r.is_pdf)]
        if not todo:
            return None
        jobs = [(r.sha256, self._evidence_path(r), r.mime) for r in todo]
        self._queued |= {r.sha256 for r in todo}
        cache_dir = self.cache_dir

        def job(progress, cancelled):  # noqa: ANN001, ANN202
            out = {}
            cache_dir.mkdir(parents=True, exist_ok=True)
            for i, (sha, path, mime) in enumerate(jobs):
                if cancelled():
                    break
                img = render_preview(Path(path), mime)
                if img is not None:
                    img.save(str(cache_dir / f"{sha}-{THUMB_SIZE}.png"))
                out[sha] = img
                progress(i + 1, len(jobs), "")
            return out

        shas = [sha for sha, _, _ in jobs]
        task = run_in_background(self, job, on_done=self._on_task_finished,
                                 on_failed=lambda failure: self._on_task_failed(shas),
                                 on_ended=lambda: self._tasks.remove(task) if task in self._tasks else None)
        self._tasks.append(task)
        return task

    def _on_task_finished(self, result: dict) -> None:
        for sha, img in result.items():
            self._queued.discard(sha)
            if img is None:
                self._failed.add(sha)
            else:
                self._images[sha] = img
                self.ready.emit(sha)

    def _on_task_failed(self, shas: list[str]) -> None:
        # The error is in the log; the panel keeps showing the file's icon instead of a preview,
        # which is all a clerk needs (no dialog for a picture that cannot be drawn), and the
        # file is not tried again in this session.
        for sha in shas:
            self._queued.discard(sha)
            self._failed.add(sha)

    def busy(self) -> bool:
        return bool(self._tasks)
