"""The form of one indicator: guidance, fields, grids, computed values, notes and status.

Everything saves as soon as the clerk leaves a field or a cell (no "Simpan" button). A value
of the right kind is always stored; when a rule between values questions it (a part larger
than its whole, a big change from last year) the cell turns amber and the sentence shows
under the grid and in the list "Perlu diperiksa". Text that is not a value at all stays in
its cell, red, with a sentence saying what to fix; leaving the indicator asks first. Last
data year's values show small and grey under this year's.

The fields and grids of an indicator are built the first time it is shown and kept, hidden,
while the page lives (:class:`IndicatorItems`): coming back to an indicator shows its widgets
again with the stored values, instead of building, styling and laying out some fifty new
widgets and their texts on every switch (bench/bench_entry.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from db.records import ValueChange
from db.rules import stable_items
from db.template import Indicator, Item, computed_values
from ui.entry.fields import ItemField
from ui.entry.grid_model import DisaggregatedGridModel, PasteReport, grid_items
from ui.entry.grid_view import GridView
from ui.entry.history_dialog import HistoryDialog
from ui.entry.models import state_text
from ui.messages import flag_text
from ui.session import Session, kla_error_text, translate_message
from ui.widgets.edits import NotesEdit
from ui.widgets.formatting import fmt_completeness, tip_lines
from ui.widgets.labels import WrapLabel, keep_room
from ui.widgets.style import fixed_children, fixed_container, restyle, scope_tree

NOTES_SAVE_DELAY_MS = 800
PASTE_BUBBLE_MS = 10_000
"""How long the sentence about a paste floats beside the block: then (or at the clerk's next key or
click in the grid) only the note under the grid keeps it."""


class IndicatorForm(QWidget):
    """See the module docstring."""

    status_changed = Signal(int)
    """The indicator's stored state may have changed: the indicator number."""
    grid_widened = Signal()
    """A grid of the indicator shown grew wider (a big number widened a column)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.indicator_no = 0
        self.year = session.year  # the data year the fields and grids show (and write)
        self.fields: dict[str, ItemField] = {}
        self.grids: list[tuple[GridView, DisaggregatedGridModel]] = []
        self.cell_notes: dict[GridView, QLabel] = {}
        # Each indicator's fields and grids, built once (see the module docstring); the one shown.
        self._built: dict[int, IndicatorItems] = {}
        self._built_for = session.template
        self._shown: IndicatorItems | None = None
        self._history_dialogs: list[HistoryDialog] = []
        self._loading = False
        self._flags: tuple[dict[str, Any], ...] = ()
        self._last_note: dict[GridView, str] = {}
        self._recent: dict[GridView, tuple[str, str, str]] = {}  # the cell typed last, per grid
        self._paste_at: dict[GridView, tuple[str, str, str] | None] = {}  # where the last paste began
        self._report_first: set[GridView] = set()  # a paste just happened: its report before the cell's note
        self._report_settled: set[GridView] = set()  # the paste's report only under the grid now, no bubble
        self._bubble_timer = QTimer(self)
        self._bubble_timer.setSingleShot(True)
        self._bubble_timer.setInterval(PASTE_BUBBLE_MS)
        self._bubble_timer.timeout.connect(self._settle_reports)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 16)
        self._layout.setSpacing(8)
        # The indicator's title, klaster, DP3AKB's review, guidance and completeness line: one set per
        # indicator (IndicatorHead, kept like its fields), so their texts are laid out once.
        self.head_box = QWidget()
        fixed_container(self.head_box)  # what goes in is scoped by _rebuild_items
        self.head_layout = QVBoxLayout(self.head_box)
        self.head_layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.head_box)
        self.title: QLabel
        self.subtitle: QLabel
        self.review: QLabel
        self.guidance: QLabel
        self.summary: QLabel
        self._summary_floor = False  # the summary shown already keeps its height (see _update_summary)
        self.read_only_note = QLabel(self.tr("Hanya-baca: ruang kerja ini sedang dipakai jendela lain."))
        self.read_only_note.setObjectName("errorText")
        self.read_only_note.setVisible(session.read_only)
        self._layout.addWidget(self.read_only_note)

        # Last year beside this year, and "Salin dari tahun lalu".
        tools = QHBoxLayout()
        tools.setSpacing(12)
        self.last_year_box = QCheckBox()
        self.last_year_box.setChecked(True)
        self.last_year_box.toggled.connect(self._on_last_year_box_toggled)
        tools.addWidget(self.last_year_box)
        tools.addStretch(1)
        self.copy_button = QToolButton()
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.copy_button)
        self.copy_this_action = menu.addAction(self.tr("Indikator ini"))
        self.copy_all_action = menu.addAction(self.tr("Semua indikator"))
        self.copy_this_action.triggered.connect(lambda: self.copy_from_last_year(False))
        self.copy_all_action.triggered.connect(lambda: self.copy_from_last_year(True))
        self.copy_button.setMenu(menu)
        self.copy_button.clicked.connect(lambda: self.copy_from_last_year(False))
        self.copy_button.setEnabled(not session.read_only)
        tools.addWidget(self.copy_button)
        self._layout.addLayout(tools)
        self.copy_said = ""  # what "Salin dari tahun lalu" did last (said beside its button and in the status bar)

        # The fields and grids of every indicator shown so far, inside this container (one visible).
        self.items_box = QWidget()
        fixed_container(self.items_box)
        self.items_layout = QVBoxLayout(self.items_box)
        self.items_layout.setContentsMargins(0, 0, 0, 0)
        self.items_layout.setSpacing(6)
        self._layout.addWidget(self.items_box)

        self.grid_errors = WrapLabel()
        self.grid_errors.setObjectName("errorText")
        self.grid_errors.setWordWrap(True)
        self.grid_errors.hide()
        self._layout.addWidget(self.grid_errors)
        # Stored values a rule between values questions (amber at the cell, listed here).
        self.flag_list = WrapLabel()
        self.flag_list.setObjectName("flagText")
        self.flag_list.setWordWrap(True)
        self.flag_list.hide()
        self._layout.addWidget(self.flag_list)

        notes_label = QLabel(self.tr("Catatan untuk indikator ini"))
        notes_label.setObjectName("fieldLabel")
        self._layout.addWidget(notes_label)
        self.notes = NotesEdit()
        self.notes.setPlaceholderText(self.tr("Misalnya sumber data, kendala, atau hal yang perlu ditanyakan ke DP3AKB."))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 16)
        self.notes.setReadOnly(session.read_only)
        notes_label.setBuddy(self.notes)
        self._layout.addWidget(self.notes)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        self.notes.textChanged.connect(self._on_notes_text_changed)
        self.notes.focus_left.connect(self.save_notes)

        status_row = QHBoxLayout()
        self.ready_box = QCheckBox(self.tr("Tandai siap dikirim ke DP3AKB"))
        self.ready_box.setEnabled(not session.read_only)
        self.ready_box.setToolTip(tip_lines(
            self.tr("Bisa ditandai bila semua isian wajib (bertanda *) sudah terisi dan tidak ada angka bertanda kuning "
                    "yang menghalangi.") if not session.read_only else kla_error_text(KlaError("read_only"))))
        self.ready_box.clicked.connect(self._on_ready_box_clicked)
        status_row.addWidget(self.ready_box)
        status_row.addStretch(1)
        self._layout.addLayout(status_row)
        self.status_error = WrapLabel()
        self.status_error.setObjectName("errorText")
        self.status_error.setWordWrap(True)
        self.status_error.hide()
        self._layout.addWidget(self.status_error)
        self._layout.addStretch(1)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("subtle")
        self._layout.addWidget(self.saved_note)

        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(self._on_session_year_changed)
        self._update_last_year_texts()

    # ------------------------------------------------------------------ building

    def show_indicator(self, no: int) -> None:
        if no == self.indicator_no:
            self.refresh()
            return
        self.flush()
        self.indicator_no = no
        self._rebuild_items()
        self._summary_floor = False  # a new showing: the summary takes the height its text needs
        self.summary.setMinimumHeight(0)
        self.status_error.hide()
        self.refresh()

    def _rebuild_items(self) -> None:
        """Show the indicator's fields and grids (built the first time), hide the previous ones."""
        no = self.indicator_no
        if self._built_for is not self.session.template:
            self._forget_built()  # a new template (version): its items may differ
            self._built_for = self.session.template
        self._update_last_year_texts()  # "Salin dari tahun lalu" says what it copies of this indicator
        items = self._built.get(no)
        if items is None:
            items = self._built[no] = IndicatorItems(self, no)
            # Scoped here, where they are made (the two boxes are not watched: an indicator switch
            # passes their events, ~10, through no Python filter).
            scope_tree(items)
            scope_tree(items.head)
            self.items_layout.addWidget(items)
            self.head_layout.addWidget(items.head)
        if self._shown is not items:
            if self._shown is not None:
                self._shown.hide()
                self._shown.head.hide()
            items.head.show()
            items.show()
            self._shown = items
        self.fields, self.grids, self.cell_notes = items.fields, items.grids, items.cell_notes
        head = items.head
        self.title, self.subtitle, self.review, self.guidance, self.summary = (
            head.title, head.subtitle, head.review, head.guidance, head.summary)
        self._last_note.clear()
        self._recent.clear()
        self._paste_at.clear()
        self._report_first.clear()
        self._report_settled.clear()
        for view, note in self.cell_notes.items():
            view.hide_bubble()
            note.hide()
        if items.last_focus is not None:
            QWidget.setTabOrder(items.last_focus, self.notes)

    def _forget_built(self) -> None:
        """The template changed: every indicator's widgets are built again when next shown."""
        for items in self._built.values():
            self.items_layout.removeWidget(items)
            self.head_layout.removeWidget(items.head)
            for w in (items, items.head):
                w.hide()
                w.deleteLater()
        self._built.clear()
        self._shown = None

    def write_cell(self, item_key: str, sex: str, age: str, text: str) -> ValueChange:
        """A grid's writer: one cell of the indicator and year shown. The grid shows what it stored (the
        change's new value); the form does not reload for it."""
        return self.session.write_value(self.year, self.indicator_no, item_key, text, sex, age, handler=self)

    def write_cells(self, cells: list[tuple[str, str, str, Any]]) -> tuple[ValueChange, ...]:
        """A grid's block writer: a paste or a cleared selection, one write and one undo step."""
        label = self.tr("Tempel %n angka", "", len(cells)) if any(c[3] is not None for c in cells) \
            else self.tr("Kosongkan %n kotak", "", len(cells))
        return self.session.write_values(self.year, self.indicator_no, cells, label, handler=self)

    # ------------------------------------------------------------------ last year

    def _last_year(self) -> int:
        return self.year - 1

    def _numbers_only(self) -> bool:
        """The indicator shown has nothing "Salin dari tahun lalu" copies (only counts, amounts, percentages)."""
        if not self.indicator_no:
            return False
        try:
            return not stable_items(self.session.template.indicator(self.indicator_no))
        except KlaError:
            return False

    def _update_last_year_texts(self) -> None:
        y = self._last_year()
        self.last_year_box.setText(self.tr("Tampilkan angka tahun %1").replace("%1", str(y)))
        self.last_year_box.setToolTip(self.tr("Angka tahun %1 tampil kecil dan abu-abu di bawah angka tahun ini.")
                                      .replace("%1", str(y)))
        self.copy_button.setText(self.tr("Salin dari tahun %1").replace("%1", str(y)))
        # An indicator of numbers only: clicked, the button copied nothing and said only that the year had no
        # answers. Said before the click (its tooltip, and "Indikator ini" greyed in its menu), and after it;
        # the button stays for "Semua indikator".
        numbers_only = self._numbers_only()
        self.copy_this_action.setEnabled(not numbers_only)
        self.copy_this_action.setText(self.tr("Indikator ini (hanya angka: tidak ada yang disalin)") if numbers_only
                                      else self.tr("Indikator ini"))
        if self.session.read_only:
            tip = kla_error_text(KlaError("read_only"))
        elif numbers_only:
            tip = self.tr("Isian indikator ini semuanya angka, dan angka tidak disalin dari tahun lalu: isi angka "
                          "tahun %2 di kotaknya. Untuk jawaban ya/tidak, pilihan, teks dan tanggal indikator lain: "
                          "klik panah di tombol ini lalu “Semua indikator”.")
        else:
            tip = self.tr("Salin jawaban yang biasanya tetap (ya/tidak, pilihan, nomor peraturan, tanggal) dari tahun "
                          "%1 ke isian yang masih kosong. Angka jumlah tidak disalin. Bisa diurungkan dengan Ctrl+Z.")
        # Lines of a few words: on one line the tooltip ran across most of the screen at 1366x768.
        self.copy_button.setToolTip(tip_lines(tip.replace("%1", str(y)).replace("%2", str(self.year))))

    def _on_last_year_box_toggled(self, checked: bool) -> None:
        for items in self._built.values():
            for view, _model in items.grids:
                view.set_show_last_year(checked)
        for field in self.fields.values():
            field.last_year_label.setVisible(checked and bool(field.last_year_label.text()))

    def copy_from_last_year(self, every: bool) -> tuple[ValueChange, ...]:
        """"Salin dari tahun lalu" for this indicator or all; says what was copied (one undo step)."""
        if not self.indicator_no:
            return ()
        self.flush()
        try:
            made = self.session.copy_from_last_year(None if every else self.indicator_no, handler=None)
        except KlaError as exc:
            self._say_copied(kla_error_text(exc))
            return ()
        y = self._last_year()
        if made:
            inds = sorted({c.indicator_no for c in made})
            text = self.tr("%n jawaban disalin dari tahun %1", "", len(made)).replace("%1", str(y))
            if every:
                text += " " + self.tr("(indikator %1).").replace("%1", ", ".join(str(i) for i in inds))
            else:
                text += "."
            text += " " + self.tr("Periksa lagi bila ada yang berubah; Ctrl+Z mengurungkan.")
        elif not every and self._numbers_only():
            text = self.tr("Tidak ada yang disalin: isian indikator ini semuanya angka, dan angka tidak disalin dari "
                           "tahun %1. Isi angka tahun %2 di kotaknya.").replace("%1", str(y)) \
                .replace("%2", str(self.year))
        else:
            text = self.tr("Tidak ada yang disalin: tahun %1 tidak punya jawaban ya/tidak, pilihan, teks atau tanggal "
                           "untuk isian yang masih kosong.").replace("%1", str(y))
        self._say_copied(text)
        return made

    def _say_copied(self, text: str) -> None:
        """What "Salin dari tahun lalu" did: beside the button, and in the status bar until the next message.
        Not as a line under the button: appearing, it pushed every field and grid 36 px down (1366x768)."""
        self.copy_said = text
        win = self.window()
        if isinstance(win, QMainWindow):
            win.statusBar().showMessage(text)
        if self.copy_button.isVisible():
            # In lines, as the button's own tooltip: on one line it ran across the list of indicators.
            QToolTip.showText(self.copy_button.mapToGlobal(self.copy_button.rect().bottomLeft()), tip_lines(text),
                              self.copy_button)

    # ------------------------------------------------------------------ refresh

    def refresh(self) -> None:
        if not self.indicator_no:
            return
        self._loading = True
        try:
            s = self.session
            t = s.template
            ind = t.indicator(self.indicator_no)
            values = s.store.values(s.kelurahan_code, self.year, self.indicator_no)
            last = s.store.values(s.kelurahan_code, self._last_year(), self.indicator_no)
            computed = computed_values(t, ind, values)
            last_computed = computed_values(t, ind, last)
            show_last = self.last_year_box.isChecked()
            for key, field in self.fields.items():
                it = ind.item(key)
                source, old = (computed, last_computed) if it.computed else (values, last)
                field.set_value(source.get((key, "", "")))
                field.set_last_year(self._last_year(), old.get((key, "", "")))
                field.last_year_label.setVisible(show_last and bool(field.last_year_label.text()))
            # Shown again from the store (undo, another page): what the last paste said no longer holds.
            self._last_note.clear()
            self._report_first.clear()
            for _view, model in self.grids:
                model.set_values(values, last, self._last_year())
            entry = s.store.entry(s.kelurahan_code, self.year, self.indicator_no)
            notes = entry.notes if entry else ""
            if not self.notes.hasFocus() and self.notes.toPlainText() != notes:
                self.notes.blockSignals(True)
                self.notes.setPlainText(notes)
                self.notes.blockSignals(False)
            self.ready_box.setChecked(bool(entry and entry.status == "ready"))
            self._update_summary()
        finally:
            self._loading = False

    def _update_summary(self) -> None:
        s = self.session
        st = s.indicator_status(self.indicator_no)
        ind = s.template.indicator(self.indicator_no)
        state = state_text(st.state)
        if st.state == "partial" and st.completeness >= 1 and st.blocking_flags:
            state = self.tr("Lengkap, tetapi ada angka yang harus diperbaiki")
        parts = [self.tr("Kelengkapan %1").replace("%1", fmt_completeness(st.completeness, st.state == "partial", 1)), state]
        if st.missing_items:
            # A grid item with some of its boxes typed is not "belum terisi": it lacks the rest. Said on the
            # one line as before (a second line appearing with the first typed box moved the grid under the
            # pointer): "belum lengkap" holds for the empty items too.
            typed = {k for (k, _sex, _age), v in s.store.values(s.kelurahan_code, self.year, self.indicator_no).items()
                     if v is not None}
            labels = ", ".join(ind.item(k).label for k in st.missing_items)
            if typed & set(st.missing_items):
                parts.append(self.tr("Isian wajib belum lengkap: %1").replace("%1", labels))
            else:
                parts.append(self.tr("Isian wajib belum terisi: %1").replace("%1", labels))
        missing_ev = st.missing_evidence
        if missing_ev:
            parts.append(self.tr("Data dukung kurang: %1").replace("%1", ", ".join(g.label for g in missing_ev)))
        if st.flags:
            # On the first line, not a line of its own: appearing with the first amber cell of a paste, that
            # line pushed the grid 14 px down under the pointer.
            parts.insert(2, self.tr("%n angka perlu diperiksa (bertanda kuning)", "", len(st.flags)))
        head = 3 if st.flags else 2
        # While one indicator is shown the summary never gets shorter: a line that went ("Isian wajib belum
        # terisi" once the last count is typed) lifted the grid 14-28 px under the pointer reaching for
        # the next cell. It takes its own height again when an indicator is shown.
        if self._summary_floor and self.summary.width() > 0:
            shown = self.summary.heightForWidth(self.summary.width())  # what its text takes now
            self.summary.setMinimumHeight(max(self.summary.minimumHeight(), shown))
        self._summary_floor = True
        self.summary.setText(" · ".join(parts[:head]) + ("\n" + "\n".join(parts[head:]) if parts[head:] else ""))
        was_ready = self.ready_box.isChecked()
        self.ready_box.setChecked(st.status == "ready")
        if was_ready and st.status != "ready" and st.blocking_flags:
            # The store made it a draft again: a part is now larger than its whole.
            self.status_error.setText(self.tr("Tanda siap dilepas: ada angka bertanda kuning yang harus diperbaiki "
                                              "dulu. Setelah diperbaiki, tandai siap lagi."))
            self.status_error.show()
        self._show_flags(st.flags)
        self._update_review(st.review_state, st.review_note)
        restyle(self.summary, "state", st.state)
        self.status_changed.emit(self.indicator_no)

    def _show_flags(self, flags: tuple) -> None:  # tuple of db.rules flag dicts
        """Mark the flagged cells in the grids and fields and list every flag, in words, under them."""
        self._flags = tuple(flags)
        lines = []
        by_cell: list[tuple[tuple[str, str, str], str]] = []
        for f in flags:
            text = flag_text(f, translate_message)
            cells = [tuple(c) for c in f.get("cells", ())]
            by_cell += [(c, text) for c in cells]  # type: ignore[misc]
            lines.append(f"{self._where(cells[0])}: {text}" if cells else text)  # type: ignore[arg-type]
        for _view, model in self.grids:
            model.set_flags(by_cell)
        for key, field in self.fields.items():
            field.set_flags([text for c, text in by_cell if c == (key, "", "")])
        if lines:
            self.flag_list.setText(self.tr("Perlu diperiksa (angkanya tetap tersimpan):") + "\n• " + "\n• ".join(lines))
        self.flag_list.setVisible(bool(lines))
        for view, _model in self.grids:
            self._update_cell_note(view)

    def _where(self, cell: tuple[str, str, str]) -> str:
        """Where a cell is, in the words on screen: item label, sex, age band label."""
        item_key, sex, age = cell
        ind = self.session.template.indicator(self.indicator_no)
        try:
            it = ind.item(item_key)
        except KlaError:
            return ""
        band = ""
        if age and it.age:
            band = next((b.label for b in self.session.template.age_bands[it.age] if b.key == age), age)
        sex_label = {"L": self.tr("Laki-laki"), "P": self.tr("Perempuan")}.get(sex, "")
        return ", ".join(x for x in (it.label, sex_label, band) if x)

    def _update_review(self, state: str, note: str) -> None:
        s = self.session
        if state == "perlu_perbaikan" and s.store.entry_changed_since_review(s.kelurahan_code, s.year,
                                                                              self.indicator_no):
            # Fixed here since: the red mark said it was still to do (DP3AKB reviews the next bundle).
            head = self.tr("DP3AKB: perlu perbaikan (sudah Anda ubah sejak itu; DP3AKB meninjau lagi setelah "
                           "kiriman berikutnya)")
        elif state == "perlu_perbaikan":
            head = self.tr("DP3AKB: perlu perbaikan")
        elif state == "diterima":
            head = self.tr("DP3AKB: diterima")
        elif note:
            head = self.tr("Catatan DP3AKB")
        else:
            self.review.hide()
            return
        self.review.setText(head + (f" — {note}" if note else ""))
        restyle(self.review, "state", state or "note")
        self.review.show()

    def _update_grid_errors(self) -> None:
        lines = [f"{where}: {text}" for _v, m in self.grids for where, text in m.errors()]
        if lines:
            self.grid_errors.setText(self.tr("Belum tersimpan (bukan angka yang sah, masih merah):") + "\n• "
                                     + "\n• ".join(lines))
        self.grid_errors.setVisible(bool(lines))
        for view, _model in self.grids:
            self._update_cell_note(view)
        # The status bar says it too, where the clerk looks, and no longer claims all is saved.
        win = self.window()
        if isinstance(win, QMainWindow):
            if lines:
                latest = max((e for _v, m in self.grids if (e := m.latest_error()) is not None), default=None)
                last = f"{latest[1]}: {latest[2]}" if latest is not None else lines[-1]
                win.statusBar().showMessage(self.tr("Belum tersimpan — %1").replace("%1", last))
            else:
                win.statusBar().showMessage(self.tr("Semua isian tersimpan otomatis."))

    # ------------------------------------------------------------------ the sentence at the cell

    def _cell_text(self, model: DisaggregatedGridModel, cell: tuple[str, str, str] | None) -> tuple[str, str]:
        """(kind, sentence) for a cell: 'error' (not stored), 'flag' (stored, to check) or ''."""
        if cell is None:
            return "", ""
        idx = model.cell_index(*cell)
        error = idx.data(DisaggregatedGridModel.ErrorRole) if idx.isValid() else None
        if error:
            return "error", error
        flags = idx.data(DisaggregatedGridModel.FlagRole) if idx.isValid() else None
        if flags:
            return "flag", " ".join(flags)
        return "", ""

    def _flag_advice(self, cell: tuple[str, str, str]) -> str:
        """What the flags on ``cell`` mean for the clerk: it blocks "siap" until corrected, or it may stay."""
        if any(f.get("importance") == "high" and list(cell) in [list(c) for c in f.get("cells", ())]
               for f in self._flags):
            return self.tr("indikator ini baru bisa ditandai siap setelah angka ini diperbaiki (alasannya di "
                           "“Perlu diperiksa” di bawah).")
        return self.tr("bila sudah cocok dengan dokumen sumbernya, biarkan saja (alasannya di “Perlu diperiksa” "
                       "di bawah).")

    def _update_cell_note(self, view: GridView, cell: tuple[str, str, str] | None = None) -> None:
        note = self.cell_notes.get(view)
        if note is None:
            return
        model = view.grid_model()
        # The cell the keyboard is on first, else the one typed last, else what the last paste did.
        cur = view.current_cell_key()
        kind, text = self._cell_text(model, cur)
        at = cur
        if view in self._report_first and self._last_note.get(view):
            # Right after a paste: what the paste did, until the clerk moves on.
            kind, text, at = "", "", None
        cell = cell or self._recent.get(view)
        if not text:
            kind, text = self._cell_text(model, cell)
            at = cell
        if not text and self._last_note.get(view):
            kind, text = "report", self._last_note[view]
            at = self._paste_at.get(view)
        # Beside the cell itself (like a spreadsheet's validation note), and again under the grid
        # with the place in words. What a paste did floats beside the block only for a while (and
        # until the clerk's next key, click or move): then the note under the grid alone keeps it.
        if text and at is not None and not (kind == "report" and view in self._report_settled):
            view.show_bubble(model.cell_index(*at), text, kind)
        else:
            view.hide_bubble()
        if text and at is not None and kind == "flag":
            # The sentence itself is beside the cell and in the list under the grids ("Perlu diperiksa"):
            # under the grid the clerk reads what to do with it, not the same words a second time.
            text = f"{model.where(at)}: {self._flag_advice(at)}"
        elif text and at is not None and kind != "report":
            text = f"{model.where(at)}: {text}"
        note.setText(text)
        restyle(note, "kind", kind)
        note.setVisible(bool(text))

    def _on_grid_current_changed(self, view: GridView, _current: QModelIndex) -> None:
        if view in self._report_first:
            self._report_settled.add(view)
        self._report_first.discard(view)
        self._update_cell_note(view)

    def _on_grid_report_dismissed(self, view: GridView) -> None:
        """The clerk pressed a key or clicked in the grid: the paste's bubble has been read."""
        self._report_settled.add(view)
        self._update_cell_note(view)

    def _settle_reports(self) -> None:
        for view in list(self._last_note):
            self._report_settled.add(view)
            self._update_cell_note(view)

    def _show_report(self, view: GridView, text: str) -> None:
        """What a paste (or a Ctrl+V that found nothing) did: beside the block for a while, under the
        grid until the clerk types on."""
        self._last_note[view] = text
        self._paste_at[view] = view.current_cell_key()
        self._report_first.add(view)
        self._report_settled.discard(view)
        self._recent.pop(view, None)
        self._update_cell_note(view)
        self._bubble_timer.start()

    def _on_grid_nothing_pasted(self, view: GridView, reason: str) -> None:
        """Ctrl+V found nothing to paste: say why and what to do instead, never nothing at all."""
        if reason == "image":
            text = self.tr("Tidak ada yang ditempel: yang tersalin adalah gambar, bukan sel berisi angka. "
                           "Di Excel atau Calc pilih sel-selnya (bukan gambar atau grafiknya), tekan Ctrl+C, "
                           "lalu Ctrl+V di sini.")
        elif reason == "other":
            text = self.tr("Tidak ada yang ditempel: isi papan klip bukan teks atau tabel. Pilih sel-selnya "
                           "di Excel, Calc atau halaman web, tekan Ctrl+C, lalu Ctrl+V di sini.")
        else:
            text = self.tr("Tidak ada yang ditempel: papan klip kosong. Pilih sel-selnya di Excel, Calc atau "
                           "halaman web, tekan Ctrl+C, lalu Ctrl+V di sini.")
        self._show_report(view, text)

    def _on_grid_cell_left(self, view: GridView, cell: tuple[str, str, str]) -> None:
        # Enter moved on: the sentence about the cell just typed stays in view until the next one.
        self._last_note.pop(view, None)
        self._report_first.discard(view)
        self._report_settled.discard(view)
        self._recent[view] = cell
        self._update_cell_note(view, cell)

    def _on_grid_block_written(self, view: GridView, report: PasteReport) -> None:
        """Say what a paste or a cleared block did, under the grid: stored, marked, skipped."""
        head = ""
        if report.rows * report.columns > 1 or report.invalid or report.computed or report.outside:
            head = self.tr("Ditempel %1 baris × %2 kolom:").replace("%1", str(report.rows)).replace(
                "%2", str(report.columns)) + " "
        parts = [self.tr("%n angka tersimpan", "", report.stored)]
        if report.unchanged:
            parts.append(self.tr("%n sudah sama", "", report.unchanged))
        if report.flagged:
            parts.append(self.tr("%n ditandai kuning untuk diperiksa", "", report.flagged))
        if report.invalid:
            parts.append(self.tr("%n bukan angka yang sah: tetap di kotaknya, merah, belum tersimpan", "", report.invalid))
        if report.computed:
            parts.append(self.tr("%n dilewati karena jatuh di baris atau kolom yang dihitung otomatis", "",
                                 report.computed))
        if report.outside:
            parts.append(self.tr("%n dilewati karena di luar tabel", "", report.outside))
        text = head + "; ".join(parts) + "."
        if report.stored:
            text += " " + self.tr("Ctrl+Z mengurungkan semuanya sekaligus.")
        self._show_report(view, text)
        self._note_saved()

    # ------------------------------------------------------------------ writes

    def _on_field_commit_requested(self, item_key: str, raw: Any) -> None:
        field = self.fields.get(item_key)
        if field is None:
            return
        try:
            change = self.session.write_value(self.year, self.indicator_no, item_key, raw, handler=self)
        except KlaError as exc:
            field.show_error(kla_error_text(exc))
            return
        field.saved(change.new)
        self._note_saved()

    def _on_notes_text_changed(self) -> None:
        if not self._loading and not self.session.read_only:
            self._notes_timer.start()

    def save_notes(self) -> None:
        self._notes_timer.stop()
        if not self.indicator_no or self.session.read_only or self.session.closed:
            return
        try:
            self.session.set_notes(self.indicator_no, self.notes.toPlainText(), handler=self)
        except KlaError as exc:
            self.status_error.setText(kla_error_text(exc))
            self.status_error.show()

    def _on_ready_box_clicked(self, checked: bool) -> None:
        self.flush()
        missing = self.session.indicator_status(self.indicator_no).missing_evidence if checked else ()
        if missing and not self.session.dialogs.confirm(
                self, self.tr("Data dukung kurang"),
                self.tr("Data dukung untuk indikator ini belum lengkap: %1.\n\nDP3AKB menilai indikator dari data "
                        "dukungnya; tambahkan dulu di panel Data dukung bila ada. Tetap tandai siap dikirim?").replace(
                    "%1", ", ".join(g.label for g in missing)),
                self.tr("Tetap tandai siap"), self.tr("Batal")):
            self.ready_box.setChecked(False)
            return
        try:
            self.session.set_status(self.indicator_no, "ready" if checked else "draft", handler=self)
        except KlaError as exc:
            self.ready_box.setChecked(False)
            self.status_error.setText(kla_error_text(exc))
            self.status_error.show()
            return
        self.status_error.hide()

    def _note_saved(self) -> None:
        self.saved_note.setText(self.tr("Tersimpan otomatis."))

    def flush(self) -> None:
        """Save whatever is typed but not yet saved (before switching or closing)."""
        if not self.indicator_no:
            return
        for view, _m in self.grids:
            view.commit_open_editor()
        for field in self.fields.values():
            field.flush()
        if self._notes_timer.isActive():
            self.save_notes()

    def unsaved_problems(self) -> list[str]:
        """Typed input the store refused (still shown in red); leaving would lose it."""
        out = [f"{where}: {text}" for _v, m in self.grids for where, text in m.errors()]
        for field in self.fields.values():
            if field.has_error and field.pending_text() is not None:
                out.append(f"{field.item.label}: {field.error_label.text()}")
        return out

    def drop_unsaved(self) -> None:
        """The clerk agreed to throw away what could not be stored (leaving the indicator)."""
        for _v, m in self.grids:
            m.drop_pending()
        for field in self.fields.values():
            if field.has_error:
                field.clear_error()
                if hasattr(field.editor, "setModified"):
                    field.editor.setModified(False)

    # ------------------------------------------------------------------ history

    def _on_history_requested(self, item_key: str) -> None:
        self.show_history(item_key, "", "")

    def _on_grid_history(self, view: GridView) -> None:
        key = view.current_cell_key()
        if key:
            self.show_history(*key)

    def show_history(self, item_key: str, sex: str, age: str) -> HistoryDialog:
        s = self.session
        ind = s.template.indicator(self.indicator_no)
        it = ind.item(item_key)
        rows = s.store.value_history(s.kelurahan_code, s.year, self.indicator_no, item_key, sex, age)
        dlg = HistoryDialog(self._where((item_key, sex, age)), rows, it.type, it.choices, self)
        dlg.show()
        self._history_dialogs.append(dlg)
        return dlg

    # ------------------------------------------------------------------ broadcasts

    def _on_session_year_changed(self, year: int) -> None:
        # What is typed belongs to the year it was typed in: saved there before the form moves on.
        self.flush()
        self.year = year
        self._update_last_year_texts()
        if self.indicator_no:
            self._rebuild_items()
            self.refresh()

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        if not self.indicator_no:
            return
        s = self.session
        if s.template is not self._built_for:
            if any(i.no == self.indicator_no for i in s.template.indicators):
                self._rebuild_items()
                self.refresh()
            return
        if changes.touches_indicator(s.year - 1, self.indicator_no) and not changes.is_everything:
            self.refresh()  # last year's values changed (typed in the other year, restored)
            return
        if not changes.touches_indicator(s.year, self.indicator_no):
            # A rule may name another indicator's values (#13 and #14, #23 and #4): its flags follow.
            if changes.indicators and s.template.plausibility.rules_of(self.indicator_no):
                self._update_summary()
            return
        if handler is not self and changes.has("value", "entry"):
            self.refresh()  # typed elsewhere (undo, another page): show the stored values
        else:
            # Typed here (the fields already show it), or evidence: only what follows from it.
            self._refresh_derived()

    def _refresh_derived(self) -> None:
        """The computed fields and the completeness line, without touching what the clerk typed."""
        s = self.session
        ind = s.template.indicator(self.indicator_no)
        computed = computed_values(s.template, ind, s.store.values(s.kelurahan_code, s.year, self.indicator_no))
        self._loading = True
        try:
            for key, field in self.fields.items():
                if ind.item(key).computed:
                    field.set_value(computed.get((key, "", "")))
        finally:
            self._loading = False
        self._update_summary()


@fixed_children
class IndicatorHead(QWidget):
    """An indicator's title, klaster, DP3AKB's review, guidance and completeness line (above the tools)."""

    def __init__(self, form: IndicatorForm, ind: Indicator) -> None:
        super().__init__(form.head_box)
        self.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        t = form.session.template
        self.title = WrapLabel(f"{ind.no}. {ind.title}", self)
        self.title.setObjectName("pageTitle")
        tip = QCoreApplication.translate("IndicatorForm", "Indikator %1: %2").replace("%1", str(ind.no)).replace("%2", ind.short_name)
        if ind.wording_status != "confirmed":
            # Drafted wording must not look like the official one (issue 10).
            self.title.setText(f"{ind.no}. {ind.title} " + QCoreApplication.translate("IndicatorForm", "(rumusan sementara)"))
            tip += "\n" + QCoreApplication.translate("IndicatorForm", "Rumusan sementara: judul dan isian indikator ini belum dikonfirmasi dengan lampiran "
                                  "Permen PPPA 12/2022; isian dan data dukungnya usulan templat DP3AKB.")
        self.title.setToolTip(tip)
        self.subtitle = WrapLabel(t.cluster(ind.cluster).name, self)
        self.subtitle.setObjectName("subtle")
        # DP3AKB's review of this indicator, carried back by a receipt.
        self.review = WrapLabel(self)
        self.review.setObjectName("reviewNote")
        self.review.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review.hide()
        # Plain text, not selectable (like the flags under the grid): a selectable label lays its text
        # out as a document several times per layout pass.
        self.guidance = WrapLabel(ind.guidance, self)
        self.guidance.setObjectName("guidance")
        self.guidance.setVisible(bool(ind.guidance))
        self.summary = WrapLabel(self)
        self.summary.setObjectName("summary")
        # Its text at the top when it keeps the height of a line that went (IndicatorForm._update_summary).
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for w in (self.title, self.subtitle, self.review, self.guidance, self.summary):
            layout.addWidget(w)


@fixed_children
class IndicatorItems(QWidget):
    """The fields and grids of one indicator, in template order (built once, see the module docstring),
    and its :class:`IndicatorHead`."""

    def __init__(self, form: IndicatorForm, no: int) -> None:
        super().__init__(form.items_box)
        self.hide()
        self.no = no
        self.head = IndicatorHead(form, form.session.template.indicator(no))
        self.fields: dict[str, ItemField] = {}
        self.grids: list[tuple[GridView, DisaggregatedGridModel]] = []
        self.cell_notes: dict[GridView, QLabel] = {}
        self.last_focus: QWidget | None = None  # the last control in Tab order (then the notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        t = form.session.template
        ind = t.indicator(no)
        groups = grid_items(t, ind)
        group_of = {it.key: gi for gi, g in enumerate(groups) for it in g}
        placed: set[int] = set()
        marked = {it.key for it in ind.marked_items()}
        prev: QWidget | None = None
        for it in ind.items:
            gi = group_of.get(it.key)
            if gi is not None:
                if gi in placed:
                    continue
                placed.add(gi)
                box = GridBox(form, ind, groups[gi], self)
                self.grids.append((box.view, box.model))
                self.cell_notes[box.view] = box.note
                layout.addWidget(box)
                target: QWidget = box.view
            else:
                field = ItemField(it, form.session.read_only, self, marked=it.key in marked)
                field.commit_requested.connect(form._on_field_commit_requested)
                field.history_requested.connect(form._on_history_requested)
                self.fields[it.key] = field
                layout.addWidget(field)
                target = field.editor
            # Tab order follows the template order (fields and grids as laid out).
            if prev is not None:
                QWidget.setTabOrder(prev, target)
            prev = target
        self.last_focus = prev


@fixed_children
class GridBox(QFrame):
    """One grid of an indicator with its hint and the sentence under it; its model belongs to it."""

    def __init__(self, form: IndicatorForm, indicator: Indicator, items: list[Item], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("gridBox")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 6)
        lay.setSpacing(4)
        hint = WrapLabel(QCoreApplication.translate("IndicatorForm", "Ketik angka di kotak putih; Enter atau Tab untuk pindah, F2 untuk mengubah. Tabel "
                                 "dari Excel bisa ditempel dengan Ctrl+V."), self)
        hint.setObjectName("helpText")
        lay.addWidget(hint)
        s = form.session
        self.model = DisaggregatedGridModel(s.template, indicator, items, form.write_cell, kla_error_text, s.read_only,
                                            self, block_writer=form.write_cells)
        self.view = view = GridView(self)
        view.setModel(self.model)
        view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        view.set_show_last_year(form.last_year_box.isChecked())
        lay.addWidget(view)
        # The sentence about the cell the keyboard is on (or the one just typed), right under the grid.
        self.note = WrapLabel(self)
        self.note.setObjectName("cellNote")
        self.note.hide()
        # Its two lines kept while hidden: appearing, "Ditempel 2 baris × 2 kolom: 4 angka tersimpan. …"
        # pushed the next grid or field 40 px down under the pointer.
        keep_room(self.note, 2)
        lay.addWidget(self.note)
        self.model.errors_changed.connect(form._update_grid_errors)
        history = view.addAction(QCoreApplication.translate("IndicatorForm", "Riwayat perubahan sel ini"))
        history.triggered.connect(lambda _=False, v=view: form._on_grid_history(v))
        view.block_written.connect(lambda report, v=view: form._on_grid_block_written(v, report))
        view.cell_left.connect(lambda cell, v=view: form._on_grid_cell_left(v, cell))
        view.nothing_pasted.connect(lambda reason, v=view: form._on_grid_nothing_pasted(v, reason))
        view.report_dismissed.connect(lambda v=view: form._on_grid_report_dismissed(v))
        view.widened.connect(form.grid_widened)
        view.selectionModel().currentChanged.connect(lambda cur, _prev, v=view: form._on_grid_current_changed(v, cur))
