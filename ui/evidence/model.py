"""The evidence list as an item model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QPixmap

from db.records import EvidenceRecord
from ui.evidence.thumbnails import ThumbnailCache
from ui.widgets import icons
from ui.widgets.formatting import fmt_date, fmt_size
from ui.widgets.table_model import RecordTableModel


def kind_labels() -> dict[str, str]:
    """Evidence kinds (template codes) with the words a clerk uses."""
    return {
        "regulation": QCoreApplication.translate("evidence", "Peraturan/kebijakan"),
        "sk": QCoreApplication.translate("evidence", "Surat Keputusan (SK)"),
        "photo": QCoreApplication.translate("evidence", "Foto"),
        "video": QCoreApplication.translate("evidence", "Video"),
        "minutes": QCoreApplication.translate("evidence", "Notulen/daftar hadir"),
        "certificate": QCoreApplication.translate("evidence", "Sertifikat/piagam"),
        "data_table": QCoreApplication.translate("evidence", "Tabel/rekap data"),
        "report": QCoreApplication.translate("evidence", "Laporan"),
        "other": QCoreApplication.translate("evidence", "Lainnya"),
    }


class EvidenceModel(RecordTableModel):
    """Evidence records; column 0 shows a preview and a two-line summary (RecordRole: EvidenceRecord)."""

    COL_NAME, COL_KIND, COL_DATE, COL_NUMBER, COL_SIZE = range(5)

    _TR_CONTEXT = "evidence"
    _HEADERS = (
        QT_TRANSLATE_NOOP("evidence", "Berkas"),
        QT_TRANSLATE_NOOP("evidence", "Jenis"),
        QT_TRANSLATE_NOOP("evidence", "Tanggal"),
        QT_TRANSLATE_NOOP("evidence", "Nomor"),
        QT_TRANSLATE_NOOP("evidence", "Ukuran"),
    )

    def __init__(self, thumbnails: ThumbnailCache | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRecord] = []
        self._thumbs = thumbnails
        self._icons: dict[str, QIcon] = {}
        self._texts: dict[tuple[int, int, int], str] = {}  # (row, column, role) -> the text shown (data)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnails_ready)

    def records(self) -> list[EvidenceRecord]:
        return list(self._rows)

    def set_rows(self, rows: Any) -> None:
        """The files to list; the same files with the same details (most indicators switched to have
        none, or the same one) change nothing: a reset laid the list out and repainted it for nothing
        and dropped its selection."""
        rows = list(rows)
        if rows == self._rows:
            return
        with self._resetting():
            self._rows = rows
            self._texts.clear()

    def set_row(self, row: int, record: EvidenceRecord) -> None:
        self._rows[row] = record
        self._texts.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, evidence_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == evidence_id), -1)

    def replace_record(self, record: EvidenceRecord) -> bool:
        """One record's details changed: update its row in place (dataChanged for that row only)."""
        row = self.row_of(record.id)
        if row < 0:
            return False
        self._rows[row] = record
        self._texts.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def _on_thumbnails_ready(self, sha: str) -> None:
        self._icons.pop(sha, None)
        for r, rec in enumerate(self._rows):
            if rec.sha256 == sha:
                idx = self.index(r, self.COL_NAME)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    def _icon(self, rec: EvidenceRecord) -> QIcon:
        if rec.sha256 in self._icons:
            return self._icons[rec.sha256]
        img = self._thumbs.get(rec) if self._thumbs else None
        if img is None:
            return icons.icon("reports" if rec.is_pdf else "file")
        icon = QIcon(QPixmap.fromImage(img))
        self._icons[rec.sha256] = icon
        return icon

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            # Worked out once per file shown (the list asks at every repaint; the kinds' nine words each time).
            key = (index.row(), index.column(), role)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(self._rows[index.row()], index.column(), role)
            return text
        rec = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_NAME:
            return self._icon(rec)
        if role == self.RecordRole:
            return rec
        if role == self.SortRole:
            return [rec.caption or rec.original_name, rec.kind, rec.doc_date or "", rec.doc_number, rec.size][col]
        return None

    def _text(self, rec: EvidenceRecord, col: int, role: int) -> str:
        kinds = kind_labels()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                title = rec.caption or rec.original_name
                details = " · ".join(x for x in (kinds.get(rec.kind, rec.kind), fmt_date(rec.doc_date)) if x)
                return f"{title}\n{details}"
            if col == self.COL_KIND:
                return kinds.get(rec.kind, rec.kind)
            if col == self.COL_DATE:
                return fmt_date(rec.doc_date)
            if col == self.COL_NUMBER:
                return rec.doc_number
            return fmt_size(rec.size)
        lines = [rec.original_name, kinds.get(rec.kind, rec.kind), fmt_size(rec.size)]
        if rec.doc_number:
            lines.append(QCoreApplication.translate("evidence", "Nomor: %1").replace("%1", rec.doc_number))
        return "\n".join(lines)
