"""Item models of the inbox: what an import (or its dry run) did per file, and open conflicts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from db.errors import KlaError
from db.sync import ConflictRecord
from exports.bundle import FileReport
from ui.messages import import_reason_words, item_words, shared_key_text
from ui.session import kla_error_text, translate_message
from ui.widgets.formatting import fmt_stamp
from ui.widgets.table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
REFUSED_BG = QColor("#fde8e8")
REFUSED_FG = QColor("#a61b1b")
CONFLICT_BG = QColor("#fff4e0")


def status_text(rep: FileReport, dry_run: bool) -> str:
    if rep.status == "refused":
        return QCoreApplication.translate("ImportReportModel", "DITOLAK")
    if rep.status == "duplicate" and rep.reason_code == "import_same_in_batch":
        return QCoreApplication.translate("ImportReportModel", "Sama dengan berkas lain")
    if rep.status == "duplicate":
        return QCoreApplication.translate("ImportReportModel", "Sudah pernah diimpor")
    if rep.status == "older":
        return QCoreApplication.translate("ImportReportModel", "Lebih lama dari yang ada")
    if rep.status == "own":
        return QCoreApplication.translate("ImportReportModel", "Berkas sendiri, dilewati")
    if dry_run or rep.status == "dry-run":
        return QCoreApplication.translate("ImportReportModel", "Bisa diimpor")
    return QCoreApplication.translate("ImportReportModel", "Diimpor")


def conflict_keys(rep: FileReport) -> list[str]:
    """The items of ``rep`` that came in as a conflict (``FileReport.items``)."""
    return [str(it["key"]) for it in rep.items if it.get("outcome") == "conflict" and "key" in it]


def conflict_words(total: int, still_open: int | None) -> str:
    """The conflicts of one import as they stand now: the import is history, its words the present.

    ``still_open`` None: not recorded (a dry run), the plain count."""
    if still_open is None:
        return QCoreApplication.translate("ImportReportModel", "%n konflik", "", total)
    if still_open <= 0:
        return QCoreApplication.translate("ImportReportModel", "%n konflik (sudah diputuskan)", "", total)
    if still_open >= total:
        return QCoreApplication.translate("ImportReportModel", "%n konflik belum diputuskan", "", total)
    return QCoreApplication.translate("ImportReportModel", "%1 dari %n konflik belum diputuskan", "", total) \
        .replace("%1", str(still_open))


def counts_text(rep: FileReport, still_open: int | None = None) -> str:
    """'3 baru, 2 berubah, 1 sama, 1 konflik' from the engine's per-outcome counts; ``still_open``: how many
    of its conflicts DP3AKB has not decided yet (None: a dry run, nothing recorded)."""
    words = {
        "new": QCoreApplication.translate("ImportReportModel", "%n baru", "", rep.counts.get("new", 0)),
        "changed": QCoreApplication.translate("ImportReportModel", "%n berubah", "", rep.counts.get("changed", 0)),
        "unchanged": QCoreApplication.translate("ImportReportModel", "%n sama", "", rep.counts.get("unchanged", 0)),
        "older": QCoreApplication.translate("ImportReportModel", "%n lebih lama", "", rep.counts.get("older", 0)),
        "conflict": conflict_words(rep.counts.get("conflict", 0), still_open),
        "rejected": QCoreApplication.translate("ImportReportModel", "%n sudah ditolak", "", rep.counts.get("rejected", 0)),
    }
    return ", ".join(words[k] for k, v in rep.counts.items() if v and k in words)


_NAMED_BUNDLE = re.compile(r"^KLA-(\d{2}\.\d{2}\.\d{2}\.[123]\d{3})-")
"""A bundle's name as KLA Desktop writes it (``exports.bundle``): whose it is, by its name only."""


def outcome_text(code: str, decided: bool = False) -> str:
    """Plain words for one entry's outcome code (db.sync.Decision.outcome) in the tooltip; ``decided``: a
    conflict DP3AKB has decided since."""
    if code == "conflict" and decided:
        return QCoreApplication.translate("ImportReportModel", "konflik, sudah diputuskan DP3AKB")
    words = {
        "new": QCoreApplication.translate("ImportReportModel", "baru"),
        "changed": QCoreApplication.translate("ImportReportModel", "berubah"),
        "unchanged": QCoreApplication.translate("ImportReportModel", "sama"),
        "older": QCoreApplication.translate("ImportReportModel", "lebih lama dari yang ada, tidak dipakai"),
        "conflict": QCoreApplication.translate("ImportReportModel", "konflik, menunggu keputusan DP3AKB"),
        "rejected": QCoreApplication.translate("ImportReportModel", "sudah ditolak DP3AKB"),
    }
    return words.get(code, code)


def reason_text(rep: FileReport) -> str:
    """Why a file was refused; for one that imported, what DP3AKB must still hear (two PCs, one key)."""
    if rep.status in ("duplicate", "own") and rep.reason_code:
        return kla_error_text(KlaError(rep.reason_code, **rep.reason_params))
    if rep.status == "duplicate":  # an empty column read as "something is wrong, but what?"
        return QCoreApplication.translate("ImportReportModel", "Kiriman ini sudah diimpor sebelumnya; tidak ada "
                                                               "yang berubah dan tidak perlu apa-apa lagi.")
    if rep.status != "refused":
        if rep.shared_key:
            return shared_key_text(rep.shared_key, rep.kelurahan, str(rep.shared_key.get("unit_name", "")),
                                   translate_message)
        return ""
    return kla_error_text(KlaError(rep.reason_code, **rep.reason_params))


class ImportReportModel(RecordTableModel):
    """One row per file (or e-mail attachment) of an import or dry run (RecordRole: FileReport)."""

    COL_FILE, COL_KELURAHAN, COL_PART, COL_RESULT, COL_CONTENT, COL_REASON = range(6)

    _HEADERS = (
        QT_TRANSLATE_NOOP("ImportReportModel", "Berkas"),
        QT_TRANSLATE_NOOP("ImportReportModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("ImportReportModel", "Bagian"),
        QT_TRANSLATE_NOOP("ImportReportModel", "Hasil"),
        QT_TRANSLATE_NOOP("ImportReportModel", "Isi"),
        QT_TRANSLATE_NOOP("ImportReportModel", "Alasan"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FileReport] = []
        self._names: dict[str, str] = {}
        self._open: set[tuple[str, str]] = set()
        self.dry_run = True

    def set_open_conflicts(self, still_open: set[tuple[str, str]]) -> None:
        """(kelurahan, item key) of every conflict not decided yet: an imported row's conflicts say how
        many of them are still open (it kept saying "2 konflik" after both were decided)."""
        if still_open == self._open:
            return
        self._open = set(still_open)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _recorded(self, rep: FileReport) -> bool:
        """Its conflicts were recorded (an import, not a dry run): their state now is known."""
        return not self.dry_run and rep.status == "imported"

    def still_open(self, rep: FileReport) -> int | None:
        """How many of ``rep``'s conflicts are not decided yet (None: a dry run, nothing was recorded)."""
        if not self._recorded(rep):
            return None
        return sum(1 for k in conflict_keys(rep) if (rep.kelurahan, k) in self._open)

    def set_rows(self, rows: list[FileReport], dry_run: bool, names: dict[str, str]) -> None:
        with self._resetting():
            self._rows = list(rows)
            self.dry_run = dry_run
            self._names = dict(names)

    def report(self, row: int) -> FileReport:
        return self._rows[row]

    def _text(self, rep: FileReport, col: int) -> str:
        if col == self.COL_FILE:
            return Path(rep.path).name if "/" in rep.path or "\\" in rep.path else rep.path
        if col == self.COL_KELURAHAN:
            if rep.type == "receipt":
                return QCoreApplication.translate("ImportReportModel", "(tanda terima DP3AKB)")
            if not rep.kelurahan and rep.status == "refused":
                # Unreadable, so unsigned: the name KLA Desktop gives its files still says whose it may be.
                m = _NAMED_BUNDLE.match(Path(rep.path).name)
                if m and m.group(1) in self._names:
                    return QCoreApplication.translate("ImportReportModel", "%1 (menurut nama berkasnya)").replace(
                        "%1", self._names[m.group(1)])
            return self._names.get(rep.kelurahan, rep.kelurahan)
        if col == self.COL_PART:
            return f"{rep.part}/{rep.parts}" if rep.parts else ""
        if col == self.COL_RESULT:
            return status_text(rep, self.dry_run)
        if col == self.COL_CONTENT:
            return counts_text(rep, self.still_open(rep))
        if col == self.COL_REASON:
            return reason_text(rep)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        rep = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(rep, col)
        if role == self.SortRole:
            return rep.part if col == self.COL_PART else self._text(rep, col)
        if role == self.RecordRole:
            return rep
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [rep.path]
            if rep.status == "refused" or rep.shared_key:
                lines.append(reason_text(rep))
                if rep.quarantined.endswith(".alasan.txt"):  # too big, a link, unreadable: not copied
                    lines.append(QCoreApplication.translate(
                        "ImportReportModel", "Berkasnya tidak disalin; alasannya dicatat di karantina: %1")
                        .replace("%1", rep.quarantined))
                elif rep.quarantined:
                    lines.append(QCoreApplication.translate("ImportReportModel", "Disalin ke karantina: %1")
                                 .replace("%1", rep.quarantined))
            for it in rep.items:
                if it.get("outcome") in ("conflict", "older", "rejected") or it.get("reason"):
                    what = item_words(it["key"], it.get("name", ""), translate_message)
                    decided = self._recorded(rep) and (rep.kelurahan, it["key"]) not in self._open
                    line = f"{what}: {outcome_text(it.get('outcome', ''), decided)}"
                    if it.get("reason"):
                        why = import_reason_words(it["reason"], it.get("reason_params"), translate_message,
                                                  rep.kelurahan or "")
                        line += f" ({why})"
                    lines.append(line)
            return "\n".join(lines[:20])
        if role == Qt.ItemDataRole.BackgroundRole:
            if rep.status == "refused":
                return REFUSED_BG
            # Shaded while a conflict waits for DP3AKB: a decided one is history, not work.
            waiting = rep.counts.get("conflict") and (self.still_open(rep) is None or self.still_open(rep))
            if waiting or (rep.shared_key and rep.shared_key.get("concurrent")):
                return CONFLICT_BG
        if role == Qt.ItemDataRole.ForegroundRole and rep.status == "refused" and col == self.COL_RESULT:
            return REFUSED_FG
        return None


class ConflictModel(RecordTableModel):
    """Open conflicts: an entry changed on two PCs of one kelurahan; DP3AKB decides which stays.

    RecordRole: ConflictRecord.
    """

    COL_KELURAHAN, COL_ITEM, COL_WHEN, COL_DEVICE = range(4)

    _HEADERS = (
        QT_TRANSLATE_NOOP("ConflictModel", "Kelurahan"),
        QT_TRANSLATE_NOOP("ConflictModel", "Isian"),
        QT_TRANSLATE_NOOP("ConflictModel", "Diterima"),
        QT_TRANSLATE_NOOP("ConflictModel", "Dari perangkat"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ConflictRecord] = []
        self._names: dict[str, str] = {}
        self._pcs: dict[str, str] = {}

    def set_rows(self, rows: list[ConflictRecord], names: dict[str, str], pcs: dict[str, str] | None = None) -> None:
        """``names``: unit code -> name; ``pcs``: device id -> the PC's name its bundles gave."""
        with self._resetting():
            self._rows = list(rows)
            self._names = dict(names)
            self._pcs = dict(pcs or {})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        c = self._rows[index.row()]
        col = index.column()
        name = next((str(c.incoming[k]) for k in ("original_name", "title", "name")
                     if c.incoming and isinstance(c.incoming.get(k), str) and c.incoming[k]), "")
        texts = (self._names.get(c.kelurahan_code, c.kelurahan_code), item_words(c.item_key, name, translate_message),
                 fmt_stamp(c.created_at), QCoreApplication.translate("ConflictModel", "komputer %1")
                 .replace("%1", self._pcs.get(c.device_id) or c.device_id[:8].upper()))
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[col] if 0 <= col < len(texts) else None
        if role == self.SortRole:
            return c.created_at if col == self.COL_WHEN else (texts[col] if 0 <= col < len(texts) else None)
        if role == self.RecordRole:
            return c
        return None
