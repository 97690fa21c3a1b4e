"""Pick one region from the national reference data by typing part of its name.

Pick-only: typed text never chooses anything by itself. The list shows what matches (each
row with its kecamatan, kab/kota and province); the user clicks or presses Enter on a row, and
only then is there a choice (:attr:`RegionPicker.chosen`, signal ``picked``). Typing again
clears the choice. When nothing matches, close spellings are offered as suggestions, and a
sentence says what to do; nonsense gets a sentence and an empty list. Enter in the box searches
what is typed at once and goes into the list picking its first row; when nothing matched (or the
list holds only suggestions for a misspelt name) Enter picks nothing and says so in red, with what
to try.

The reference data and its name index are loaded in a background thread when the picker is
made (about 1 s once per program run); until then the status line says so and the search
waits for it without blocking the window. Searching itself takes a few milliseconds, so it
runs as the user types (after a short pause).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from db import regions
from ui.widgets.formatting import fill, fmt_number
from ui.widgets.labels import WrapLabel
from ui.widgets.style import restyle
from ui.widgets.unit_words import unit_title

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 150
LIMIT = 50


def place_of(hit: regions.Hit) -> str:
    """'Kec. Balikpapan Timur · Kota Balikpapan · Kalimantan Timur': what lies above the region."""
    return " · ".join(unit_title(r.code, r.name, short=True) for r in reversed(hit.path[:-1]))


class RegionHitsModel(QAbstractListModel):
    """The hits of one search, best first; ``RecordRole`` gives the :class:`db.regions.Hit`."""

    RecordRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2  # the rank: the order the search gave

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[regions.Hit] = []

    def set_rows(self, hits: Sequence[regions.Hit]) -> None:
        self.beginResetModel()
        try:
            self._hits = list(hits)
        finally:
            self.endResetModel()

    def hit(self, row: int) -> regions.Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = unit_title(hit.region.code, hit.region.name)
            if hit.region.aliases:  # "Sungainangka (juga ditulis Sungai Nangka)": the spelling people know
                title += " " + fill(self.tr("(juga ditulis %1)"), ", ".join(hit.region.aliases))
            place = place_of(hit)
            return f"{title}\n{place}" if place else title
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(self.tr("Kode Kemendagri %1"), hit.region.code)
        if role == self.RecordRole:
            return hit
        if role == self.SortRole:
            return index.row()
        return None


class _SearchEdit(QLineEdit):
    """The search box: Down (or Enter) moves into the result list, so the keyboard alone can pick."""

    down_requested = Signal(bool)
    """Down arrow (False) or Enter (True) was pressed in the box."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.down_requested.emit(event.key() != Qt.Key.Key_Down)
            return
        super().keyPressEvent(event)


class RegionPicker(QWidget):
    """A search box, the matching regions and one line saying what happened; see the module docstring."""

    picked = Signal(object)
    """The chosen :class:`db.regions.Hit`, or None when typing cleared the choice."""

    def __init__(self, levels: Sequence[int] = (regions.UNIT,), within: str | None = None,
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels = tuple(levels)
        self.within = within
        self.chosen: regions.Hit | None = None
        self.last: regions.Hits | None = None
        self._searched: str | None = None  # the text the list shows the result of
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = _SearchEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RegionHitsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(2)
        self.results.setMinimumHeight(150)
        layout.addWidget(self.results, 1)
        self.status = WrapLabel()
        self.status.setObjectName("helpText")
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(self._on_search_text_edited)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.down_requested.connect(self._on_search_down_requested)
        self.results.clicked.connect(self._on_results_clicked)
        self.results.activated.connect(self._on_results_clicked)
        self.results.selectionModel().currentChanged.connect(self._on_results_current_changed)
        self._show_hint()
        if not regions.ready(self.levels):
            # Load the data and build the index off the GUI thread; searches wait for it.
            threading.Thread(target=lambda: regions.reference().warm(self.levels), daemon=True,
                             name="kla-region-index").start()

    # ------------------------------------------------------------------ typing

    def set_text(self, text: str) -> None:
        """Type ``text`` into the box and search at once (what a pause after typing does)."""
        self.search.setText(text)
        self.run_search()

    def _on_search_text_edited(self, _text: str) -> None:
        self.timer.start()

    def _on_search_text_changed(self, _text: str) -> None:
        # Any change of the typed text drops the choice: it must be picked again from the new list.
        if self.chosen is not None:
            self.chosen = None
            self.picked.emit(None)

    def _show_hint(self) -> None:
        self._set_status(self.tr("Ketik paling sedikit 2 huruf dari namanya, lalu pilih dari daftar."))

    def _set_status(self, text: str, kind: str = "") -> None:
        """The line under the list; ``kind`` 'error' (red) when Enter found nothing to pick."""
        self.status.setText(text)
        restyle(self.status, "kind", kind)

    def _not_found_text(self, text: str) -> str:
        if self.levels == (regions.CITY,):
            return fill(self.tr(
                "Tidak ditemukan kabupaten/kota bernama “%1”. Periksa ejaannya, ketik sebagian nama saja "
                "(misalnya “kutai” untuk Kutai Kartanegara), atau ketik kodenya (misalnya 64.71)."), text)
        return fill(self.tr(
            "Tidak ditemukan desa/kelurahan bernama “%1”. Periksa ejaannya, ketik sebagian nama saja (misalnya "
            "“sungai” untuk Sungai Nangka), atau ketik kode Kemendagri-nya (misalnya 64.71.01.1001)."), text)

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not regions.ready(self.levels):
            self._set_status(self.tr("Menyiapkan daftar wilayah…"))
            self.timer.start()
            return
        self._searched = text
        if len(regions.fold(text)) < 2:
            self.last = None
            self.model.set_rows([])
            self._show_hint()
            return
        hits = regions.reference().search(text, levels=self.levels, within=self.within, limit=LIMIT)
        self.last = hits
        self.model.set_rows(hits.hits)
        if not hits:
            self._set_status(self._not_found_text(text))
        elif hits.fuzzy:
            self._set_status(fill(self.tr(
                "Tidak ada yang persis bernama “%1”. Mungkin maksud Anda salah satu di atas: klik bila benar "
                "(atau tekan ↓ lalu Enter), atau perbaiki ejaannya."), text))
        elif hits.total > len(hits.hits):
            self._set_status(fill(self.tr("%1 dari %2 yang cocok ditampilkan; ketik nama lebih lengkap."),
                                  fmt_number(len(hits.hits)), fmt_number(hits.total)))
        else:
            self._set_status(self.tr("%n cocok. Klik nama yang benar (atau tekan ↓ lalu Enter).", "",
                                     len(hits.hits)))

    # ------------------------------------------------------------------ picking

    def _on_search_down_requested(self, enter: bool = False) -> None:
        """Down goes into the list; Enter too, picking its first row, unless the list only holds
        suggestions for a name that matched nothing (then Enter says so: only ↓ or a click picks one).
        Enter with nothing to pick says, in red, that nothing was found and what to try."""
        self.timer.stop()
        text = self.search.text().strip()
        if self._searched != text:
            self.run_search()  # what is typed now, not what the last pause searched
        if not regions.ready(self.levels):
            return
        fuzzy = self.last is not None and self.last.fuzzy
        if enter and not self.model.rowCount():
            if len(regions.fold(text)) < 2:
                self._set_status(self.tr("Belum ada yang dicari: ketik paling sedikit 2 huruf dari namanya (atau "
                                         "kodenya), lalu pilih dari daftar."), "error")
            else:
                self._set_status(self._not_found_text(text), "error")
            return
        if enter and fuzzy:
            self._set_status(fill(self.tr(
                "Tidak ada yang persis bernama “%1”, jadi belum ada yang dipilih. Bila salah satu di atas benar, "
                "klik namanya (atau tekan ↓ lalu Enter); bila tidak, perbaiki ejaannya."), text), "error")
            return
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))
            self._choose(0)  # highlighted is chosen (also when the window is not active yet)

    def _on_results_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Moving through the list with the arrow keys picks too: what is highlighted is what is chosen.
        if current.isValid() and self.results.hasFocus():
            self._choose(current.row())

    def _on_results_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._choose(index.row())

    def pick_row(self, row: int) -> None:
        """Choose the ``row``-th result (what a click does)."""
        self.results.setCurrentIndex(self.model.index(row, 0))
        self._choose(row)

    def _choose(self, row: int) -> None:
        hit = self.model.hit(row)
        if self.chosen is not None and self.chosen.region.code == hit.region.code:
            return
        self.chosen = hit
        self._set_status(fill(self.tr("Dipilih: %1 — %2"), unit_title(hit.region.code, hit.region.name),
                              place_of(hit)))
        self.picked.emit(hit)
