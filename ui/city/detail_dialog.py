"""One kelurahan's indicator as DP3AKB reviews it: values, evidence, what is missing, the verdict.

Keys for a review session: PgUp/PgDown the previous/next indicator of the kelurahan,
Ctrl+PgUp/Ctrl+PgDown the same indicator of the previous/next kelurahan, Alt+D "Diterima",
Alt+P "Perlu perbaikan", Ctrl+Enter "Diterima" then the next indicator.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import KlaError
from ui.city.models import IndicatorValuesModel, missing_lines, review_text
from ui.city.session import CitySession
from ui.entry.models import state_text
from ui.evidence.model import kind_labels
from ui.session import kla_error_text
from ui.widgets import icons
from ui.widgets.formatting import fmt_completeness, fmt_date, fmt_percent, fmt_size, fmt_value
from ui.widgets.labels import WrapLabel
from ui.widgets.unit_words import unit_title


def open_with_system(path: str) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


class IndicatorDetailDialog(QDialog):
    """See the module docstring. Non-modal: the matrix stays usable behind it."""

    review_saved = Signal(str, int, str)
    """A review was stored: (kelurahan code, indicator number, state)."""

    def __init__(self, session: CitySession, kelurahan_code: str, indicator_no: int,
                 open_file: Callable[[str], bool] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.open_file = open_file or open_with_system
        self.setMinimumSize(760, 520)
        layout = QVBoxLayout(self)
        self.title = WrapLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtle")
        self.missing = WrapLabel()
        self.missing.setObjectName("guidance")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.missing)

        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        t = QLabel(self.tr("Isian"))
        t.setObjectName("sectionTitle")
        lv.addWidget(t)
        self.values_model = IndicatorValuesModel(self)
        self.values_view = QTableView()
        self.values_view.setModel(self.values_model)
        self.values_view.verticalHeader().hide()
        self.values_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values_view.setWordWrap(False)
        self.values_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.values_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.values_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        lv.addWidget(self.values_view)
        self.kept = WrapLabel()
        self.kept.setObjectName("helpText")
        self.kept.hide()
        lv.addWidget(self.kept)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        t = QLabel(self.tr("Data dukung"))
        t.setObjectName("sectionTitle")
        rv.addWidget(t)
        self.evidence = QListWidget()
        self.evidence.setWordWrap(True)
        self.evidence.setToolTip(self.tr("Klik dua kali untuk membuka berkas"))
        rv.addWidget(self.evidence, 1)
        self.open_button = QPushButton(icons.icon("open"), self.tr("Buka berkas"))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        rv.addLayout(row)

        t = QLabel(self.tr("Tinjauan DP3AKB"))
        t.setObjectName("sectionTitle")
        rv.addWidget(t)
        self.review_state = QLabel()
        rv.addWidget(self.review_state)
        # A review made before the unit's latest data for this indicator (a bundle came after it): said.
        self.review_stale = WrapLabel(self.tr("Data indikator ini berubah sesudah ditinjau (kiriman baru dari "
                                              "kelurahan): periksa lagi, lalu simpan tinjauannya kembali."))
        self.review_stale.setObjectName("flagText")
        self.review_stale.hide()
        rv.addWidget(self.review_stale)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on to Diterima / Perlu perbaikan, never stuck in the note
        self.note.setPlaceholderText(self.tr("Catatan untuk kelurahan (ikut terkirim di tanda terima)"))
        self.note.setMaximumHeight(80)
        rv.addWidget(self.note)
        row = QHBoxLayout()
        self.accept_button = QPushButton(icons.icon("check"), self.tr("&Diterima"))
        self.accept_button.setToolTip(self.tr("Alt+D; Ctrl+Enter: diterima lalu indikator berikutnya"))
        self.fix_button = QPushButton(icons.icon("warning"), self.tr("&Perlu perbaikan"))
        self.fix_button.setToolTip(self.tr("Alt+P (tulis dulu catatannya)"))
        self.clear_button = QPushButton(self.tr("Hapus tinjauan"))
        self.clear_button.setToolTip(self.tr("Kembalikan ke belum ditinjau"))
        for b in (self.accept_button, self.fix_button, self.clear_button):
            b.setEnabled(not session.read_only)
            row.addWidget(b)
        row.addStretch(1)
        rv.addLayout(row)
        self.review_help = WrapLabel(self.tr("Tinjauan dan catatan dikirim ke kelurahan bersama tanda terima berikutnya."))
        self.review_help.setObjectName("helpText")
        rv.addWidget(self.review_help)
        split.addWidget(right)
        split.setSizes([420, 340])
        # As wide as the screen allows (up to 1100 px): at 760 px the item labels of a grid indicator were
        # cut ("Anak yang memiliki akta kel…"); the values get the room, the evidence list keeps its own.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = max(760, min(1100, screen.width() - 80))
            self.resize(width, max(520, min(640, screen.height() - 80)))
            split.setSizes([width * 3 // 5, width * 2 // 5])

        close_row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Indikator sebelumnya"))
        self.prev_button.setToolTip(self.tr("PgUp; Ctrl+PgUp: indikator yang sama di kelurahan sebelumnya"))
        self.next_button = QPushButton(self.tr("Indikator berikutnya ▶"))
        self.next_button.setToolTip(self.tr("PgDown; Ctrl+PgDown: indikator yang sama di kelurahan berikutnya"))
        self.position = QLabel()
        self.position.setObjectName("subtle")
        close_row.addWidget(self.prev_button)
        close_row.addWidget(self.next_button)
        close_row.addWidget(self.position)
        close_row.addStretch(1)
        self.close_button = QPushButton(self.tr("Tutup"))
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step_indicator(-1)),
                           (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step_indicator(1)),
                           ("Ctrl+PgUp", lambda: self.step_kelurahan(-1)),
                           ("Ctrl+PgDown", lambda: self.step_kelurahan(1)),
                           ("Ctrl+Return", self.accept_and_next), ("Ctrl+Enter", self.accept_and_next)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

        # Enter alone does nothing the officer did not aim at: it pressed the dialog's first button,
        # "Buka berkas", from the values table (Ctrl+Enter: Diterima; Enter on a file opens it).
        for b in (self.open_button, self.accept_button, self.fix_button, self.clear_button, self.prev_button,
                  self.next_button, self.close_button):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.evidence.itemActivated.connect(self._on_open_button_clicked)
        self.accept_button.clicked.connect(lambda: self.save_review("diterima"))
        self.fix_button.clicked.connect(lambda: self.save_review("perlu_perbaikan"))
        self.clear_button.clicked.connect(lambda: self.save_review(""))
        self.close_button.clicked.connect(self.close)
        self.prev_button.clicked.connect(lambda: self.step_indicator(-1))
        self.next_button.clicked.connect(lambda: self.step_indicator(1))
        self.show_indicator(kelurahan_code, indicator_no)

    def show_indicator(self, kelurahan_code: str, indicator_no: int) -> None:
        """Load one kelurahan's indicator (the dialog is reused when another cell is opened).

        A note typed but not yet stored is saved (or offered) first, so opening another cell
        never throws it away; if it cannot be saved the dialog stays on the current cell.
        """
        if hasattr(self, "kelurahan_code") and not self.keep_pending_note():
            return
        self.kelurahan_code = kelurahan_code
        self.indicator_no = indicator_no
        s = self.session
        store = s.store
        kel = store.kelurahan(kelurahan_code)
        kec = store.unit(kel.parent_code or "")
        ind = s.template.indicator(indicator_no)
        st = store.indicator_status(kelurahan_code, s.year, indicator_no)
        self.status = st
        self.setWindowTitle(self.tr("Tinjau %1 — indikator %2").replace("%1", kel.name).replace("%2", str(ind.no)))
        self.title.setText(f"{ind.no}. {ind.short_name} · {kel.name}")
        self.subtitle.setText(self.tr("%1 · tahun data %2 · %3, kelengkapan %4")
                              .replace("%1", unit_title(kec.code, kec.name, short=True)).replace("%2", str(s.year))
                              .replace("%3", state_text(st.state))
                              .replace("%4", fmt_completeness(st.completeness, st.state == "partial", 1)))
        miss = missing_lines(st, s.template)
        if miss:
            self.missing.setText(self.tr("Yang masih kurang:") + "\n" + "\n".join("• " + m for m in miss))
        elif st.state == "empty":
            self.missing.setText(self.tr("Desa/kelurahan ini belum mengisi indikator ini."))
        else:
            self.missing.setText(self.tr("Tidak ada isian wajib atau data dukung yang kurang."))
        values = store.values(kelurahan_code, s.year, indicator_no)
        computed = store.computed(kelurahan_code, s.year, indicator_no)
        self.values_model.set_values(s.template, indicator_no, values, computed)
        self._show_kept(kelurahan_code, indicator_no)
        self.evidence.clear()
        kinds = kind_labels()
        asked = {r.key: r.label for r in s.template.indicator(indicator_no).evidence}
        for e in store.evidence_list(kelurahan_code, s.year, indicator_no):
            parts = [e.caption or e.original_name]
            meta = " · ".join(x for x in (kinds.get(e.kind, e.kind), fmt_date(e.doc_date), e.doc_number, fmt_size(e.size)) if x)
            chosen = asked.get(e.requirement_for(s.year, indicator_no), "")
            if chosen:  # the requirement the kelurahan attached it to (it counts for that one only)
                meta += "\n" + self.tr("Untuk: %1").replace("%1", chosen)
            item = QListWidgetItem(icons.icon("file"), parts[0] + ("\n" + meta if meta else ""))
            item.setToolTip(e.original_name)
            item.setData(Qt.ItemDataRole.UserRole, e)  # opened as a copy under its own name
            self.evidence.addItem(item)
        if self.evidence.count() == 0:
            item = QListWidgetItem(self.tr("Belum ada data dukung."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.evidence.addItem(item)
        self.evidence.setCurrentRow(0)
        self.open_button.setEnabled(bool(self.evidence.item(0).data(Qt.ItemDataRole.UserRole)))
        self._show_review(st.review_state, st.review_note)
        nos = [i.no for i in s.template.indicators]
        pos = nos.index(indicator_no) if indicator_no in nos else 0
        self.prev_button.setEnabled(pos > 0)
        self.next_button.setEnabled(pos < len(nos) - 1)
        self.position.setText(self.tr("indikator %1 dari %2").replace("%1", str(pos + 1)).replace("%2", str(len(nos))))

    def _show_kept(self, kelurahan_code: str, indicator_no: int) -> None:
        """Values the unit filled for items a later template version no longer asks (retired, or a split
        without a place): kept in the store (template_retired_values) and named here, never dropped."""
        s = self.session
        lines = []
        for r in s.store.retired_values(kelurahan_code):
            if r["data_year"] != s.year or r["indicator_no"] != indicator_no:
                continue
            label, shown, age = r["item_key"], str(r["value"]), r["age"]
            try:
                old = s.store.template_version(s.template.id, int(r["from_version"]))
                it = old.indicator(indicator_no).item(r["item_key"])
                label, shown = it.label, fmt_value(r["value"], it.type, it.choices)
                age = next((b.label for b in old.age_bands.get(it.age or "", ()) if b.key == age), age)
            except KlaError:
                pass
            cell = " · ".join(x for x in (r["sex"], age) if x)
            lines.append("• " + label + (f" ({cell})" if cell else "") + ": " + shown + " — "
                         + self.tr("versi %1").replace("%1", str(r["from_version"])))
        self.kept.setVisible(bool(lines))
        self.kept.setText(self.tr("Disimpan dari versi template sebelumnya (tidak ditanyakan lagi):")
                          + "\n" + "\n".join(lines) if lines else "")

    # ------------------------------------------------------------------ moving through a review

    def step_indicator(self, step: int) -> bool:
        """The previous (-1) or next (+1) indicator of the same kelurahan."""
        nos = [i.no for i in self.session.template.indicators]
        pos = nos.index(self.indicator_no) + step if self.indicator_no in nos else 0
        if not 0 <= pos < len(nos):
            return False
        self.show_indicator(self.kelurahan_code, nos[pos])
        return self.indicator_no == nos[pos]

    def step_kelurahan(self, step: int) -> bool:
        """The same indicator of the previous (-1) or next (+1) kelurahan in the city's list."""
        codes = [u.code for u in self.session.store.units("kelurahan")]
        pos = codes.index(self.kelurahan_code) + step if self.kelurahan_code in codes else 0
        if not 0 <= pos < len(codes):
            return False
        self.show_indicator(codes[pos], self.indicator_no)
        return self.kelurahan_code == codes[pos]

    def accept_and_next(self) -> bool:
        """Mark "Diterima" and go on to the next indicator (Ctrl+Enter)."""
        if self.session.read_only or not self.save_review("diterima"):
            return False
        self.step_indicator(1)
        return True

    def _show_review(self, state: str, note: str) -> None:
        self._stored_review = (state, note)
        self.review_state.setText(self.tr("Status tinjauan: %1").replace("%1", review_text(state)))
        s = self.session
        self.review_stale.setVisible(bool(state) and s.store.entry_changed_since_review(
            self.kelurahan_code, s.year, self.indicator_no))
        self.note.setPlainText(note)

    def save_review(self, state: str) -> bool:
        note = self.note.toPlainText().strip()
        if state == "perlu_perbaikan" and not note:
            self.session.dialogs.info(self, self.tr("Perlu perbaikan"),
                                      self.tr("Tulis dulu di catatan apa yang perlu diperbaiki kelurahan."))
            self.note.setFocus()
            return False
        if not state and not self._confirm_clear(note):
            return False
        if state == "diterima" and self._stored_review[0] != "diterima" and not self._confirm_accept_empty():
            return False
        try:
            self.session.set_review(self.kelurahan_code, self.indicator_no, state, note if state else "")
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Tinjauan"), kla_error_text(exc))
            return False
        self._show_review(state, note if state else "")
        self.review_saved.emit(self.kelurahan_code, self.indicator_no, state)
        return True

    def _unit_words(self) -> str:
        kel = self.session.store.kelurahan(self.kelurahan_code)
        return unit_title(kel.code, kel.name)

    def _confirm_clear(self, note: str) -> bool:
        """"Hapus tinjauan" removes the verdict and its note: asked first (Batal is the default)."""
        state, stored = self._stored_review
        if not state and not stored.strip() and not note:
            return True  # nothing to remove
        if state:
            text = self.tr("Hapus tinjauan indikator %1 di %2? Status \"%3\" dan catatan tinjauannya dihapus; "
                           "indikator ini kembali belum ditinjau.").replace("%3", review_text(state))
        else:
            text = self.tr("Hapus catatan tinjauan indikator %1 di %2? Catatan yang sudah ditulis dibuang.")
        text = text.replace("%1", str(self.indicator_no)).replace("%2", self._unit_words())
        return self.session.dialogs.confirm(self, self.tr("Hapus tinjauan"), text, self.tr("Hapus tinjauan"),
                                            self.tr("Batal"))

    def _confirm_accept_empty(self) -> bool:
        """An indicator with nothing filled, or with required entries or evidence still missing, is accepted
        (and counted as accepted) only when the officer says so."""
        st = self.session.store.indicator_status(self.kelurahan_code, self.session.year, self.indicator_no)
        if st.state == "empty" or st.completeness <= 0:
            text = (self.tr("Indikator %1 di %2 belum berisi data (kelengkapan %3). Tetap tandai \"Diterima\"? "
                            "Indikator ini lalu dihitung sebagai diterima.")
                    .replace("%1", str(self.indicator_no)).replace("%2", self._unit_words())
                    .replace("%3", fmt_percent(st.completeness * 100)))
            return self.session.dialogs.confirm(self, self.tr("Indikator belum berisi data"), text,
                                                self.tr("Tetap terima"), self.tr("Batal"))
        missing_items, missing_ev = len(st.missing_items), len(st.missing_evidence)
        if not missing_items and not missing_ev:
            return True
        lacks = []
        if missing_items:
            lacks.append(self.tr("%n isian wajib", "", missing_items))
        if missing_ev:
            lacks.append(self.tr("%n data dukung", "", missing_ev))
        text = (self.tr("Indikator %1 di %2 masih kurang %3. Tetap tandai \"Diterima\"? Indikator ini lalu "
                        "dihitung sebagai diterima; atau pilih \"Perlu perbaikan\" dan tulis apa yang kurang.")
                .replace("%1", str(self.indicator_no)).replace("%2", self._unit_words())
                .replace("%3", self.tr(" dan ").join(lacks)))
        return self.session.dialogs.confirm(self, self.tr("Indikator belum lengkap"), text,
                                            self.tr("Tetap terima"), self.tr("Batal"))

    def keep_pending_note(self) -> bool:
        """Store a note edited since the last save; False when the dialog must stay open.

        The window promises that reviews save themselves, so a changed note of a reviewed
        indicator is stored with its current verdict. A note on an indicator not yet reviewed
        needs a verdict: the officer is asked, and may also let it go.
        """
        state, stored = self._stored_review
        note = self.note.toPlainText().strip()
        if self.session.read_only or note == stored.strip():
            return True
        if state:
            return self.save_review(state)
        if not note:
            return True
        # What was typed is kept unless the officer says to throw it away: Enter keeps it, Escape
        # goes back to the note.
        answer = self.session.dialogs.choose(
            self, self.tr("Catatan belum tersimpan"),
            self.tr("Catatan untuk indikator ini belum tersimpan karena belum ada status tinjauan. Tandai "
                    "\"Perlu perbaikan\" dengan catatan ini, buang catatannya, atau kembali ke catatan?"),
            [self.tr("Tandai perlu perbaikan"), self.tr("Buang catatan")], default=0)
        if answer == 0:
            return self.save_review("perlu_perbaikan")
        return answer == 1

    def reject(self) -> None:
        # Tutup, Escape and the window's close button all end here (QDialog.closeEvent calls reject).
        if self.keep_pending_note():
            super().reject()

    def _on_open_button_clicked(self) -> None:
        item = self.evidence.currentItem()
        record = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if record is None:
            return
        # The kept file has no extension (named by its hash): nothing on the PC would open it.
        try:
            path = str(self.session.store.evidence_viewing_copy(record))
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Buka berkas"), kla_error_text(exc))
            return
        if not self.open_file(path):
            self.session.dialogs.error(self, self.tr("Buka berkas"),
                                       self.tr("Berkas tidak bisa dibuka: %1").replace("%1", path))
