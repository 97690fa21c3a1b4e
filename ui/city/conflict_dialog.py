"""A conflict, both versions side by side: what DP3AKB holds and what the bundle brought.

For each version: who last changed it, when, and on which PC (the kelurahan's computers are
told apart by their device number); then every value (entries: each sex x age cell) or field
with both versions, the differences marked with ≠ and shaded. DP3AKB keeps one version with
the two buttons; the next receipt tells the kelurahan which one stayed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.conflicts import ConflictView, Row, Side
from db.errors import KlaError
from ui.city.session import CitySession
from ui.messages import item_words
from ui.session import kla_error_text, translate_message
from ui.template_words import evidence_kind_word
from ui.widgets.formatting import fill, fmt_date, fmt_size, fmt_stamp, fmt_value
from ui.widgets.labels import WrapLabel
from ui.widgets.unit_words import unit_title

DIFF_BG = QColor("#fde2c0")


class ConflictDialog(QDialog):
    """See the module docstring."""

    resolved = Signal(object)
    """The officer kept one version; the argument is the store's Changes."""

    def __init__(self, session: CitySession, conflict_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: ConflictView = session.store.conflict_view(conflict_id)
        self._pcs = session.store.sync.device_names(self.view.conflict.kelurahan_code)
        c = self.view.conflict
        kel = unit_title(c.kelurahan_code, session.store.kelurahan(c.kelurahan_code).name)
        self._unit = kel
        what = item_words(c.item_key, self._name(), translate_message)
        self.setWindowTitle(fill(self.tr("Konflik: %1 — %2"), what, kel))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        # DP3AKB's version came in no bundle it recorded (typed or made at DP3AKB, as in the demo): "two PCs
        # of the kelurahan" was not so.
        held_here = self.view.held.data is not None and not self.view.held.device_id
        head = WrapLabel((self.tr(
            "Isian ini diubah di DP3AKB dan di komputer %1. DP3AKB menyimpan satu versi, kiriman membawa versi "
            "lain. Bandingkan keduanya, lalu pilih yang dipakai; kelurahan diberi tahu lewat tanda terima "
            "berikutnya.") if held_here else self.tr(
            "Isian ini diubah di dua komputer %1. DP3AKB menyimpan satu versi, kiriman membawa versi lain. "
            "Bandingkan keduanya, lalu pilih yang dipakai; kelurahan diberi tahu lewat tanda terima berikutnya."))
            .replace("%1", kel))
        layout.addWidget(head)

        grid = QGridLayout()
        for col, (title, side) in enumerate(((self.tr("Versi DP3AKB (tersimpan)"), self.view.held),
                                             (self.tr("Versi kiriman"), self.view.incoming))):
            t = QLabel(title)
            t.setObjectName("sectionTitle")
            grid.addWidget(t, 0, col)
            info = WrapLabel(self._side_text(side))
            grid.addWidget(info, 1, col)
        self.held_info = grid.itemAtPosition(1, 0).widget()
        self.incoming_info = grid.itemAtPosition(1, 1).widget()
        layout.addLayout(grid)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Isian"), self.tr("Jenis kelamin / umur"),
                                              self.tr("Versi DP3AKB"), self.tr("Versi kiriman")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hh = self.table.horizontalHeader()
        # The item's name whole (it was the squeezed column: "Ana…" for both "Anak yang memiliki akta"
        # and "... KIA", beside a long note taking the width); the two versions share the rest, a long
        # text wrapped in its row.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self._fill()
        self.summary = QLabel(self.tr("%n isian berbeda (ditandai ≠)", "", self.view.differences))
        layout.addWidget(self.summary)

        buttons = QDialogButtonBox()
        self.keep_held = buttons.addButton(self.tr("Pakai versi DP3AKB"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_incoming = buttons.addButton(self.tr("Pakai versi kiriman"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.keep_held, self.keep_incoming):
            b.setEnabled(not session.read_only and c.resolved_at is None)
        self.keep_held.clicked.connect(lambda: self.resolve("held"))
        self.keep_incoming.clicked.connect(lambda: self.resolve("incoming"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _name(self) -> str:
        for data in (self.view.incoming.data, self.view.held.data):
            for k in ("original_name", "title", "name"):
                if data and isinstance(data.get(k), str) and data[k].strip():
                    return str(data[k])
        return ""

    def _side_text(self, side: Side) -> str:
        if side.data is None:
            return self.tr("Tidak ada (dihapus atau belum pernah diterima).")
        # A value saved without a clerk's name (kla entry set without --operator): who is not known, the PC
        # and the unit it came from are (the line below).
        lines = [self.tr("Diubah oleh: %1").replace("%1", side.operator or self.tr("petugas tidak tercatat")),
                 self.tr("Diubah pada: %1").replace("%1", fmt_stamp(side.updated_at) or "–")]
        if side.device_id:
            pc = self.tr("Komputer: %1 (%2), kiriman no. %3").replace(
                "%1", self._pcs.get(side.device_id) or side.device_id[:8].upper()).replace(
                "%2", self._unit).replace("%3", str(side.device_seq) if side.device_seq else "–")
            lines.append(pc)
        else:
            lines.append(self.tr("Komputer: DP3AKB (tidak datang dari kiriman %1)").replace("%1", self._unit))
        if side.received_at:
            lines.append(self.tr("Diterima DP3AKB: %1").replace("%1", fmt_stamp(side.received_at)))
        return "\n".join(lines)

    def _label(self, r: Row) -> str:
        if r.what == "field":
            words = {"status": self.tr("Status (draf/siap)"), "notes": self.tr("Catatan"),
                     "original_name": self.tr("Nama berkas"), "kind": self.tr("Jenis"), "caption": self.tr("Keterangan"),
                     "doc_date": self.tr("Tanggal dokumen"), "doc_number": self.tr("Nomor dokumen"),
                     "issuer": self.tr("Penerbit"), "size": self.tr("Ukuran"), "sha256": self.tr("SHA-256"),
                     "links": self.tr("Indikator terkait"), "title": self.tr("Judul"), "date": self.tr("Tanggal"),
                     "description": self.tr("Uraian"), "partners": self.tr("Mitra"),
                     "indicators": self.tr("Indikator"), "evidence_ids": self.tr("Data dukung"),
                     "name": self.tr("Nama"), "type": self.tr("Jenis"), "address": self.tr("Alamat"),
                     "latitude": self.tr("Lintang"), "longitude": self.tr("Bujur"),
                     "standardisation": self.tr("Standardisasi")}
            return words.get(r.key, r.key)
        try:
            ind = int(self.view.conflict.item_key.split("/")[2])
            return self.session.store.template.indicator(ind).item(r.key).label
        except (KlaError, ValueError, IndexError):
            return r.key

    def _cell(self, r: Row) -> str:
        if r.what != "value":
            return ""
        sex = {"L": self.tr("laki-laki"), "P": self.tr("perempuan")}.get(r.sex, "")
        ages = {b.key: b.label for bands in self.session.store.template.age_bands.values() for b in bands}
        return " · ".join(x for x in (sex, ages.get(r.age, r.age)) if x)

    def _value(self, r: Row, v: Any) -> str:
        if v is None:
            return "–"
        if r.what == "field" and r.key == "status":
            return {"draft": self.tr("Draf"), "ready": self.tr("Siap dikirim")}.get(str(v), str(v))
        if r.what == "field":
            shown = self._field_value(r.key, v)
            if shown is not None:
                return shown
        if isinstance(v, list):
            return ", ".join(str(x) for x in v)
        if r.what == "value":
            try:
                ind = int(self.view.conflict.item_key.split("/")[2])
                item = self.session.store.template.indicator(ind).item(r.key)
                return fmt_value(v, item.type, item.choices)
            except (KlaError, ValueError, IndexError):
                pass
        return fmt_value(v)

    def _field_value(self, key: str, v: Any) -> str | None:
        """A record's field in the words the windows use (a size in KB, a date as dated, the indicators
        a file supports, the files a record names); None: shown as it is."""
        kind = self.view.conflict.item_key.split("/", 1)[0]
        try:
            if key == "size" and isinstance(v, int):
                return fmt_size(v)
            if key in ("doc_date", "date") and isinstance(v, str):
                return fmt_date(v) or v
            if key == "kind" and kind == "evidence" and isinstance(v, str):
                return evidence_kind_word(v, translate_message)
            if key == "sha256" and isinstance(v, str):
                return v[:12] + "…"
            if key == "links" and isinstance(v, list):
                return ", ".join(self.tr("Indikator %1 (data %2)").replace("%1", str(ln[1])).replace(
                    "%2", str(ln[0])) for ln in v if isinstance(ln, list) and len(ln) == 2) or "–"
            if key == "indicators" and isinstance(v, list):
                return ", ".join(self.tr("Indikator %1").replace("%1", str(x)) for x in v) or "–"
            if key == "evidence_ids" and isinstance(v, list):
                return ", ".join(self._evidence_name(str(e)) for e in v) or "–"
        except (TypeError, ValueError):
            return None
        return None

    def _evidence_name(self, evidence_id: str) -> str:
        try:
            return self.session.store.evidence(evidence_id).original_name
        except KlaError:
            return self.tr("(berkas belum diterima)")

    def _order(self, r: Row) -> tuple[int, int, int]:
        if r.what != "value":
            return (-1, 0, 0)
        t = self.session.store.template
        try:
            ind = t.indicator(int(self.view.conflict.item_key.split("/")[2]))
            items = [it.key for it in ind.items]
            item = ind.item(r.key)
            bands = [b.key for b in t.age_bands.get(item.age or "", ())]
        except (KlaError, ValueError, IndexError):
            return (10_000, 0, 0)
        return (items.index(r.key) if r.key in items else 10_000, ("", "L", "P").index(r.sex) if r.sex in ("", "L", "P")
                else 3, bands.index(r.age) if r.age in bands else (-1 if not r.age else 10_000))

    def _fill(self) -> None:
        rows = [r for r in self.view.rows if r.what == "value" or r.held is not None or r.incoming is not None]
        # Differences first: those are what DP3AKB decides on; cells in the template's order (item, then
        # Laki-laki before Perempuan, then the age bands as the grid shows them), not by their keys.
        rows.sort(key=lambda r: (not r.differs, self._order(r)))
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for i, r in enumerate(rows):
            mark = "≠ " if r.differs else ""
            cells = [mark + self._label(r), self._cell(r), self._value(r, r.held), self._value(r, r.incoming)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r.differs:
                    item.setBackground(DIFF_BG)
                    item.setFont(bold)
                self.table.setItem(i, j, item)

    def resolve(self, keep: str) -> bool:
        try:
            changes = self.session.store.sync.resolve_conflict(self.view.conflict.id, keep)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Konflik"), kla_error_text(exc))
            return False
        self.kept = keep  # 'held' | 'incoming': what the page says was decided
        self.resolved.emit(changes)
        self.accept()
        return True
