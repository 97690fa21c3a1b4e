"""The history of bundles written and receipts imported (``kla history``) as an item model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from db.sync import BundleLogRecord
from ui.messages import receipt_count_words
from ui.session import translate_message
from ui.widgets.formatting import fmt_number, fmt_size, fmt_stamp
from ui.widgets.table_model import RecordTableModel


def kind_text(rec: BundleLogRecord) -> str:
    """'Kiriman ke DP3AKB', 'Tanda terima dari DP3AKB', ... (direction and type in words)."""
    if rec.type == "bundle":
        return QCoreApplication.translate("HistoryModel", "Kiriman ke DP3AKB") if rec.direction == "out" else QCoreApplication.translate("HistoryModel", "Kiriman diterima")
    if rec.type == "receipt":
        return QCoreApplication.translate("HistoryModel", "Tanda terima dari DP3AKB") if rec.direction == "in" else QCoreApplication.translate("HistoryModel", "Tanda terima ditulis")
    if rec.type in ("setup", "restore-setup", "restore"):
        return QCoreApplication.translate("HistoryModel", "Pemasangan dari DP3AKB")
    return rec.type


def content_text(rec: BundleLogRecord, imported: set[int] | None = None) -> str:
    """What a bundle carried or what a receipt acknowledged, in a few words (``imported``: the numbers of
    the receipts this PC imported; the receipt one counts from is named only if it is among them)."""
    s = rec.summary or {}
    if rec.type == "bundle":
        counts = s.get("counts", {})
        parts = []
        for kind, label in (("entry", QCoreApplication.translate("HistoryModel", "%n isian indikator", "", counts.get("entry", 0))),
                            ("evidence", QCoreApplication.translate("HistoryModel", "%n data dukung", "", counts.get("evidence", 0))),
                            ("activity", QCoreApplication.translate("HistoryModel", "%n kegiatan", "", counts.get("activity", 0))),
                            ("facility", QCoreApplication.translate("HistoryModel", "%n fasilitas", "", counts.get("facility", 0))),
                            ("deleted", QCoreApplication.translate("HistoryModel", "%n penghapusan", "", counts.get("deleted", 0)))):
            if counts.get(kind):
                parts.append(label)
        return ", ".join(parts)
    if rec.type == "receipt" and rec.direction == "in":
        if "held" in s:  # what DP3AKB has received in all, in the words both sides use
            since = int(s.get("since", 0))
            text = receipt_count_words(int(s["held"]), s.get("new"), since, translate_message,
                                       fmt_number, short=True, since_seen=imported is None or since in imported)
            if s.get("pending"):
                text += "; " + QCoreApplication.translate("HistoryModel", "%n masih akan dikirim", "", int(s["pending"]))
            return text
        if "acknowledged" in s:
            text = QCoreApplication.translate("HistoryModel", "%n item diakui", "", int(s.get("acknowledged", 0)))
            if s.get("pending"):
                text += "; " + QCoreApplication.translate("HistoryModel", "%n masih akan dikirim", "", int(s["pending"]))
            return text
    return ""


class HistoryModel(RecordTableModel):
    """Rows of the engine's bundle log (newest first), one per file (RecordRole: BundleLogRecord)."""

    COL_WHEN, COL_KIND, COL_PART, COL_CONTENT, COL_FILE, COL_SIZE = range(6)

    _HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Waktu"),
        QT_TRANSLATE_NOOP("HistoryModel", "Jenis"),
        QT_TRANSLATE_NOOP("HistoryModel", "Bagian"),
        QT_TRANSLATE_NOOP("HistoryModel", "Isi"),
        QT_TRANSLATE_NOOP("HistoryModel", "Berkas"),
        QT_TRANSLATE_NOOP("HistoryModel", "Ukuran"),
    )

    _rows: list[BundleLogRecord]

    def records(self) -> list[BundleLogRecord]:
        return list(self._rows)

    def set_rows(self, rows: Any) -> None:
        self._seen: set[int] | None = None
        super().set_rows(rows)

    def _imported(self) -> set[int]:
        """The receipts this PC imported: the log's incoming receipts (every one of them is a row here)."""
        if getattr(self, "_seen", None) is None:
            self._seen = {r.device_seq for r in self._rows if r.type == "receipt" and r.direction == "in"}
        assert self._seen is not None
        return self._seen

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        rec = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_WHEN:
                return fmt_stamp(rec.recorded_at)
            if col == self.COL_KIND:
                return kind_text(rec)
            if col == self.COL_PART:
                if rec.type == "bundle":
                    return QCoreApplication.translate("HistoryModel", "%1 dari %2").replace("%1", fmt_number(rec.part)).replace("%2", fmt_number(rec.parts))
                return QCoreApplication.translate("HistoryModel", "no. %1").replace("%1", fmt_number(rec.device_seq)) if rec.device_seq else ""
            if col == self.COL_CONTENT:
                return content_text(rec, self._imported())
            if col == self.COL_FILE:
                return rec.file_name
            if col == self.COL_SIZE:
                return fmt_size(rec.size) if rec.size else ""
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [kind_text(rec), content_text(rec, self._imported()), rec.file_name]
            if rec.file_sha256:
                lines.append(QCoreApplication.translate("HistoryModel", "Sidik jari SHA-256: %1").replace("%1", rec.file_sha256))
            return "\n".join(x for x in lines if x)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_PART, self.COL_SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return rec
        if role == self.SortRole:
            # Rows arrive newest first; the row number breaks ties within one second.
            when = f"{rec.recorded_at}|{len(self._rows) - index.row():06d}"
            return [when, kind_text(rec), f"{rec.device_seq:06d}|{rec.part:04d}", content_text(rec, self._imported()), rec.file_name,
                    rec.size][col]
        return None
