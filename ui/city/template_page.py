"""Template: DP3AKB browses the indicator template in force and edits a draft of its next version (issue 12).

Left, the klaster and their indicators, then "Aturan, bobot & kategori"; right, the one chosen:
its wording, guidance, source, weight and wording status; its items (kind, disaggregation,
required, wording status, a draft wording marked); its evidence requirements (kind, files,
recency). Without a draft everything is shown read-only; "Buat draf versi berikutnya" makes one.
Every change goes to the store as it is made and is checked there: a refused one is named in a
sentence under the thing changed, and nothing changes; what still keeps the draft from being
published (weights not adding up, an item gone without a rule) is listed next to its indicator
and above the page. Replacing, merging, splitting and retiring an item declare the migration rule
that moves the values already typed at the units. "Lihat perubahan" shows the diff in words (saved
as PDF or printed for the record); "Terbitkan" shows it again and asks before publishing. Saving the
PDF and publishing (a backup, then every unit's entries moved: long in a city of 1,000 units) run
in the background (ui.operations.run_in_background) with a bar and Batal under the page; a cancel
before the commit changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from db.records import TemplateDiffRecord
from db.template import Template
from db.template_bands import categories
from db.template_drafts import WEIGHT_TOTAL, WORDING
from ui.city.session import CitySession
from ui.city.template_forms import TemplateDiffDialog, TemplateForms
from ui.city.template_model import (
    RULES_NODE,
    BandsModel,
    EvidenceModel,
    IndicatorTreeModel,
    ItemsModel,
    RulesModel,
    TemplateEditor,
)
from ui.operations import Failure, is_running, run_in_background
from ui.reports.export_page import safe_name
from ui.session import kla_error_text, translate_message
from ui.template_words import change_paper, diff_sections, problem_text, status_word, word
from ui.widgets.formatting import fill, fmt_number
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.style import rescope
from ui.widgets.tasks import ProgressWidget, Task


def _table(model: Any) -> KeptTableView:
    view = KeptTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    for c in range(model.columnCount()):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


def _message_label() -> QLabel:
    label = WrapLabel()
    label.setObjectName("errorText")
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class IndicatorPane(QWidget):
    """One indicator of the template shown (the draft's when there is one), edited through the editor."""

    def __init__(self, page: TemplatePage) -> None:
        super().__init__()
        self.page = page
        self.editor = page.editor
        self.no = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.heading = WrapLabel()
        self.heading.setObjectName("sectionTitle")
        layout.addWidget(self.heading)
        self.problems = _message_label()
        layout.addWidget(self.problems)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # --- Rumusan
        wording = QWidget()
        form = QFormLayout(wording)
        self.short_name = QLineEdit()
        self.title = QLineEdit()
        self.source = QLineEdit()
        self.guidance = QPlainTextEdit()
        self.guidance.setMinimumHeight(90)
        self.status = QComboBox()
        for s in WORDING:
            self.status.addItem(status_word(s, translate_message), s)
        weight_row = QHBoxLayout()
        self.weight = QSpinBox()
        self.weight.setRange(1, WEIGHT_TOTAL)
        self.weight.setKeyboardTracking(False)
        self.weight_total = QLabel()
        self.weight_total.setObjectName("helpText")
        weight_row.addWidget(self.weight)
        weight_row.addWidget(self.weight_total, 1)
        form.addRow(self.tr("Nama singkat"), self.short_name)
        form.addRow(self.tr("Judul"), self.title)
        form.addRow(self.tr("Status rumusan"), self.status)
        form.addRow(self.tr("Bobot"), weight_row)
        form.addRow(self.tr("Petunjuk pengisian"), self.guidance)
        form.addRow(self.tr("Sumber rumusan"), self.source)
        self.save_texts = QPushButton(self.tr("Simpan rumusan"))
        self.save_texts.setToolTip(self.tr("Simpan nama singkat, judul, petunjuk dan sumber ke draf"))
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_texts)
        form.addRow(save_row)
        self.wording_message = _message_label()
        form.addRow(self.wording_message)
        self.tabs.addTab(wording, self.tr("Rumusan"))

        # --- Isian
        items = QWidget()
        row = QHBoxLayout(items)
        self.items_model = ItemsModel(self)
        self.items_view = _table(self.items_model)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        left = QVBoxLayout()
        left.addWidget(self.items_view, 1)
        self.items_message = _message_label()
        left.addWidget(self.items_message)
        row.addLayout(left, 1)
        col = QVBoxLayout()
        self.add_item_button = QPushButton(self.tr("Tambah isian…"))
        self.reword_button = QPushButton(self.tr("Ubah kata-kata…"))
        self.reword_button.setToolTip(self.tr("Kata-kata dan penjelasan baru; nilai yang sudah diisi tetap di isian ini"))
        self.replace_button = QPushButton(self.tr("Ganti isian…"))
        self.replace_button.setToolTip(self.tr(
            "Isian ini diganti isian baru; nilai yang sudah diisi di desa/kelurahan pindah ke isian baru"))
        self.merge_button = QPushButton(self.tr("Gabungkan…"))
        self.merge_button.setToolTip(self.tr("Beberapa isian menjadi satu; nilainya dijumlahkan"))
        self.split_button = QPushButton(self.tr("Pecah…"))
        self.split_button.setToolTip(self.tr("Isian ini dipecah menjadi isian yang sudah ditambahkan"))
        self.retire_button = QPushButton(self.tr("Pensiunkan…"))
        self.retire_button.setToolTip(self.tr("Isian tidak dipakai lagi; nilai yang sudah diisi disimpan terpisah"))
        self.range_button = QPushButton(self.tr("Angka wajar…"))
        self.confirm_button = QPushButton(self.tr("Tandai dikonfirmasi"))
        self.draft_button = QPushButton(self.tr("Tandai draf"))
        self.item_buttons = [self.add_item_button, self.reword_button, self.replace_button, self.merge_button,
                             self.split_button, self.retire_button, self.range_button, self.confirm_button,
                             self.draft_button]
        for b in self.item_buttons:
            col.addWidget(b)
        col.addStretch(1)
        row.addLayout(col)
        self.tabs.addTab(items, self.tr("Isian"))

        # --- Data dukung
        evidence = QWidget()
        row = QHBoxLayout(evidence)
        self.evidence_model = EvidenceModel(self)
        self.evidence_view = _table(self.evidence_model)
        left = QVBoxLayout()
        left.addWidget(self.evidence_view, 1)
        self.evidence_message = _message_label()
        left.addWidget(self.evidence_message)
        row.addLayout(left, 1)
        col = QVBoxLayout()
        self.add_evidence_button = QPushButton(self.tr("Tambah data dukung…"))
        self.edit_evidence_button = QPushButton(self.tr("Ubah…"))
        self.retire_evidence_button = QPushButton(self.tr("Tidak diminta lagi…"))
        self.evidence_buttons = [self.add_evidence_button, self.edit_evidence_button, self.retire_evidence_button]
        for b in self.evidence_buttons:
            col.addWidget(b)
        col.addStretch(1)
        row.addLayout(col)
        self.tabs.addTab(evidence, self.tr("Data dukung"))

        self.save_texts.clicked.connect(self._on_save_texts_clicked)
        self.weight.editingFinished.connect(self._on_weight_edited)
        self.status.activated.connect(self._on_status_activated)
        self.add_item_button.clicked.connect(self.add_item)
        self.reword_button.clicked.connect(self.reword_item)
        self.replace_button.clicked.connect(self.replace_item)
        self.merge_button.clicked.connect(self.merge_items)
        self.split_button.clicked.connect(self.split_item)
        self.retire_button.clicked.connect(self.retire_item)
        self.range_button.clicked.connect(self.item_range)
        self.confirm_button.clicked.connect(lambda: self.set_item_status("confirmed"))
        self.draft_button.clicked.connect(lambda: self.set_item_status("draft"))
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.edit_evidence_button.clicked.connect(self.edit_evidence)
        self.retire_evidence_button.clicked.connect(self.retire_evidence)
        self.items_view.doubleClicked.connect(lambda _i: self.reword_item())
        self.evidence_view.doubleClicked.connect(lambda _i: self.edit_evidence())

    # ------------------------------------------------------------------ showing

    def show_indicator(self, no: int) -> None:
        self.no = no
        t = self.editor.shown
        ind = t.indicator(no)
        self.heading.setText(f"{ind.no}. {ind.short_name} — {ind.title}")
        _show(self.problems, "\n".join(self.editor.problems(no)))
        for w, v in ((self.short_name, ind.short_name), (self.title, ind.title), (self.source, ind.source)):
            w.setText(v)
            w.setCursorPosition(0)
        self.guidance.setPlainText(ind.guidance)
        self.status.setCurrentIndex(max(0, self.status.findData(ind.wording_status)))
        self.weight.blockSignals(True)
        self.weight.setValue(ind.weight)
        self.weight.blockSignals(False)
        total = self.editor.weight_total()
        self.weight_total.setText(fill(self.tr("jumlah semua indikator: %1 dari %2"), fmt_number(total),
                                       fmt_number(WEIGHT_TOTAL)))
        self.weight_total.setObjectName("errorText" if total != WEIGHT_TOTAL else "helpText")
        rescope(self.weight_total)
        keep = self.selected_keys()
        self.items_model.set_indicator(t, no)
        self.evidence_model.set_indicator(t, no)
        self.tabs.setTabText(1, fill(self.tr("Isian (%1)"), str(len(ind.items))))
        self.tabs.setTabText(2, fill(self.tr("Data dukung (%1)"), str(len(ind.evidence))))
        for key in keep:
            r = self.items_model.row_of(key)
            if r >= 0:
                self.items_view.selectionModel().select(
                    self.items_model.index(r, 0),
                    self.items_view.selectionModel().SelectionFlag.Select
                    | self.items_view.selectionModel().SelectionFlag.Rows)
        editing = self.editor.editing and not self.page.session.read_only
        for w in (self.short_name, self.title, self.source):
            w.setReadOnly(not editing)
        self.guidance.setReadOnly(not editing)
        for w in (self.status, self.weight, self.save_texts, *self.item_buttons, *self.evidence_buttons):
            w.setEnabled(editing)

    def clear_messages(self) -> None:
        for label in (self.wording_message, self.items_message, self.evidence_message):
            _show(label, "")

    def selected_keys(self) -> list[str]:
        rows = sorted({i.row() for i in self.items_view.selectionModel().selectedRows()}) \
            if self.items_view.selectionModel() else []
        return [self.items_model.item_at(r).key for r in rows if r < self.items_model.rowCount()]

    def select_item(self, key: str) -> None:
        r = self.items_model.row_of(key)
        self.items_view.clearSelection()
        if r >= 0:
            self.items_view.selectRow(r)

    def _selected_item(self) -> Any:
        keys = self.selected_keys()
        if not keys:
            _show(self.items_message, self.tr("Pilih dulu satu isian di daftar."))
            return None
        return self.editor.shown.indicator(self.no).item(keys[0])

    def _selected_evidence(self) -> Any:
        rows = self.evidence_view.selectionModel().selectedRows()
        if not rows:
            _show(self.evidence_message, self.tr("Pilih dulu satu data dukung di daftar."))
            return None
        return self.evidence_model.record(rows[0].row())

    def _result(self, label: QLabel, refused: str | None) -> bool:
        """Show a refusal under the thing changed; True when the edit was made."""
        _show(label, refused or "")
        return refused is None

    # ------------------------------------------------------------------ wording, weight, status

    def _on_save_texts_clicked(self) -> None:
        self.keep_texts()

    def _typed_texts(self) -> dict[str, str]:
        return {"short_name": self.short_name.text().strip(), "title": self.title.text().strip(),
                "guidance": self.guidance.toPlainText().strip(), "source": self.source.text().strip()}

    def keep_texts(self) -> bool:
        """Store the wording typed for the indicator on screen into the draft (the page says changes
        save themselves: leaving the indicator or the page, or closing the window, threw them away
        unless "Simpan rumusan" was clicked). False when refused (the reason is shown under them)."""
        if not self.no or not self.editor.editing:
            return True
        try:
            ind = self.editor.shown.indicator(self.no)
        except KlaError:
            return True
        typed = self._typed_texts()
        if all(getattr(ind, k) == v for k, v in typed.items()):
            return True
        return self._result(self.wording_message, self.editor.set_texts(self.no, **typed))

    def _on_weight_edited(self) -> None:
        if self.editor.editing and self.weight.value() != self.editor.shown.indicator(self.no).weight:
            self._result(self.wording_message, self.editor.set_weight(self.no, self.weight.value()))

    def _on_status_activated(self, _index: int) -> None:
        self._result(self.wording_message, self.editor.set_status(self.no, self.status.currentData()))

    # ------------------------------------------------------------------ items

    def add_item(self) -> bool:
        v = self.page.forms.item(self, self.editor.shown)
        if v is None:
            return False
        return self._result(self.items_message, self.editor.add_item(
            self.no, v["label"], v["kind"], sex=v["sex"], age=v["age"], required=v["required"],
            help_text=v["help"], choices=v["choices"]))

    def reword_item(self) -> bool:
        it = self._selected_item()
        if it is None:
            return False
        v = self.page.forms.item(self, self.editor.shown, it)
        if v is None:
            return False
        return self._result(self.items_message, self.editor.reword_item(self.no, it.key, v["label"], v["help"]))

    def replace_item(self) -> bool:
        it = self._selected_item()
        if it is None:
            return False
        label = self.page.session.dialogs.ask_text(
            self, self.tr("Ganti isian"),
            fill(self.tr("Isian “%1” diganti isian baru. Nilai yang sudah diisi di desa/kelurahan pindah ke isian "
                         "baru ini. Kata-kata isian baru:"), it.label), it.label)
        if label is None:
            return False
        return self._result(self.items_message, self.editor.replace_item(self.no, it.key, label))

    def _choices(self, exclude: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        return [(i.key, i.label) for i in self.editor.shown.indicator(self.no).items
                if not i.computed and i.key not in exclude]

    def merge_items(self) -> bool:
        got = self.page.forms.pick(
            self, self.tr("Gabungkan isian"),
            self.tr("Centang isian yang digabung, lalu pilih isian yang menampung nilainya. Nilai angka dijumlahkan; "
                    "yang tidak bisa dijumlahkan disimpan terpisah, tidak hilang."),
            self._choices(), self.tr("Digabung ke"), set(self.selected_keys()))
        if got is None:
            return False
        keys, into = got
        return self._result(self.items_message, self.editor.merge_items(self.no, keys, into or ""))

    def split_item(self) -> bool:
        it = self._selected_item()
        if it is None:
            return False
        got = self.page.forms.pick(
            self, fill(self.tr("Pecah “%1”"), it.label),
            self.tr("Centang isian baru hasil pecahannya (tambahkan dulu bila belum ada), lalu pilih isian yang "
                    "menerima nilai lama, atau simpan nilai lama terpisah."),
            self._choices(frozenset({it.key})), self.tr("Nilai lama ke"), set(), target_optional=True)
        if got is None:
            return False
        into, carry = got
        return self._result(self.items_message, self.editor.split_item(self.no, it.key, into, carry))

    def retire_item(self) -> bool:
        it = self._selected_item()
        if it is None:
            return False
        in_force = any(i.key == it.key for i in self.editor.base.indicator(self.no).items) \
            if any(i.no == self.no for i in self.editor.base.indicators) else False
        text = fill(self.tr("Isian “%1” tidak dipakai lagi di versi berikutnya. Nilai yang sudah diisi di "
                            "desa/kelurahan disimpan terpisah dan tidak hilang. Lanjutkan?"), it.label) if in_force \
            else fill(self.tr("Isian “%1” baru ditambahkan di draf ini dan belum berisi nilai; isian itu dihapus dari "
                              "draf. Lanjutkan?"), it.label)
        if not self.page.session.dialogs.confirm(self, self.tr("Pensiunkan isian"), text, self.tr("Pensiunkan")):
            return False
        return self._result(self.items_message, self.editor.retire_item(self.no, it.key))

    def item_range(self) -> bool:
        it = self._selected_item()
        if it is None:
            return False
        got = self.page.forms.item_range(self, it)
        if got is None:
            return False
        return self._result(self.items_message, self.editor.set_item_range(self.no, it.key, *got))

    def set_item_status(self, status: str) -> bool:
        keys = self.selected_keys()
        if not keys:
            _show(self.items_message, self.tr("Pilih dulu satu isian di daftar."))
            return False
        refused = self.editor.edits([("set_item_wording_status", {"indicator": self.no, "item": k, "value": status})
                                     for k in keys])
        return self._result(self.items_message, refused)

    # ------------------------------------------------------------------ evidence

    def add_evidence(self) -> bool:
        v = self.page.forms.evidence(self)
        if v is None:
            return False
        return self._result(self.evidence_message, self.editor.add_evidence(
            self.no, v["label"], v["kind"], v["min_count"], v["max_age_years"], v["required"]))

    def edit_evidence(self) -> bool:
        ev = self._selected_evidence()
        if ev is None:
            return False
        v = self.page.forms.evidence(self, ev)
        if v is None:
            return False
        return self._result(self.evidence_message, self.editor.set_evidence(
            self.no, ev.key, label=v["label"].strip(), min_count=v["min_count"], max_age_years=v["max_age_years"],
            required=v["required"]))

    def retire_evidence(self) -> bool:
        ev = self._selected_evidence()
        if ev is None:
            return False
        if not self.page.session.dialogs.confirm(
                self, self.tr("Data dukung"),
                fill(self.tr("“%1” tidak diminta lagi di versi berikutnya. Berkas yang sudah dilampirkan tetap "
                             "tersimpan. Lanjutkan?"), ev.label), self.tr("Ya, hapus dari draf")):
            return False
        return self._result(self.evidence_message, self.editor.retire_evidence(self.no, ev.key))


class RulesPane(QScrollArea):
    """Weights in total, the plausibility checks, the year-change check and the category bands."""

    def __init__(self, page: TemplatePage) -> None:
        super().__init__()
        self.page = page
        self.editor = page.editor
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 0, 8, 8)

        t = QLabel(self.tr("Bobot"))
        t.setObjectName("sectionTitle")
        layout.addWidget(t)
        self.weights = WrapLabel()
        layout.addWidget(self.weights)
        self.weights_problem = _message_label()
        layout.addWidget(self.weights_problem)

        t = QLabel(self.tr("Pemeriksaan angka"))
        t.setObjectName("sectionTitle")
        layout.addWidget(t)
        row = QHBoxLayout()
        self.rules_model = RulesModel(self)
        self.rules_view = _table(self.rules_model)
        self.rules_view.setMinimumHeight(130)
        self.rules_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rules_view.setWordWrap(True)
        row.addWidget(self.rules_view, 1)
        col = QVBoxLayout()
        self.add_rule_button = QPushButton(self.tr("Tambah…"))
        self.edit_rule_button = QPushButton(self.tr("Ubah…"))
        self.retire_rule_button = QPushButton(self.tr("Hapus…"))
        for b in (self.add_rule_button, self.edit_rule_button, self.retire_rule_button):
            col.addWidget(b)
        col.addStretch(1)
        row.addLayout(col)
        layout.addLayout(row)
        year = QHBoxLayout()
        year.addWidget(QLabel(self.tr("Perubahan dari tahun lalu ditandai bila lebih dari")))
        self.factor = QDoubleSpinBox()
        self.factor.setRange(1.1, 1000)
        self.factor.setDecimals(1)
        self.factor.setSuffix(self.tr(" kali lipat"))
        year.addWidget(self.factor)
        year.addWidget(QLabel(self.tr("untuk angka mulai")))
        self.min_count = QSpinBox()
        self.min_count.setRange(0, 1_000_000)
        year.addWidget(self.min_count)
        self.year_button = QPushButton(self.tr("Terapkan"))
        year.addWidget(self.year_button)
        year.addStretch(1)
        layout.addLayout(year)
        self.rules_message = _message_label()
        layout.addWidget(self.rules_message)

        t = QLabel(self.tr("Kategori"))
        t.setObjectName("sectionTitle")
        layout.addWidget(t)
        row = QHBoxLayout()
        self.bands_model = BandsModel(self)
        self.bands_view = _table(self.bands_model)
        self.bands_view.setMaximumHeight(190)
        row.addWidget(self.bands_view, 1)
        col = QVBoxLayout()
        self.bands_button = QPushButton(self.tr("Ubah rentang…"))
        col.addWidget(self.bands_button)
        col.addStretch(1)
        row.addLayout(col)
        layout.addLayout(row)
        self.bands_source = WrapLabel()
        self.bands_source.setObjectName("helpText")
        layout.addWidget(self.bands_source)
        self.bands_message = _message_label()
        layout.addWidget(self.bands_message)
        layout.addStretch(1)

        self.add_rule_button.clicked.connect(self.add_rule)
        self.edit_rule_button.clicked.connect(self.edit_rule)
        self.retire_rule_button.clicked.connect(self.retire_rule)
        self.year_button.clicked.connect(self.apply_year_change)
        self.bands_button.clicked.connect(self.edit_bands)

    def refresh(self) -> None:
        t = self.editor.shown
        total = self.editor.weight_total()
        self.weights.setText(fill(self.tr("Jumlah bobot %1 indikator: %2 dari %3. Bobot tiap indikator diubah di "
                                          "bagian Rumusan indikatornya."), str(len(t.indicators)), fmt_number(total),
                                  fmt_number(WEIGHT_TOTAL)))
        _show(self.weights_problem, "\n".join(self.editor.problems(None)))
        self.rules_model.set_template(t)
        yc = t.plausibility.year_change
        self.factor.setValue(yc.factor if yc else 2.0)
        self.min_count.setValue(yc.min_count if yc else 20)
        self.bands_model.set_template(t)
        cats = categories(t)
        self.bands_source.setText(fill(self.tr("Sumber: %1"), cats.source) if cats.source else
                                  word("tpl.bands_national", translate_message))
        editing = self.editor.editing and not self.page.session.read_only
        for w in (self.add_rule_button, self.edit_rule_button, self.retire_rule_button, self.factor,
                  self.min_count, self.year_button, self.bands_button):
            w.setEnabled(editing)

    def clear_messages(self) -> None:
        for label in (self.rules_message, self.bands_message):
            _show(label, "")

    def _result(self, label: QLabel, refused: str | None) -> bool:
        _show(label, refused or "")
        return refused is None

    def _selected_rule(self) -> Any:
        rows = self.rules_view.selectionModel().selectedRows()
        if not rows:
            _show(self.rules_message, self.tr("Pilih dulu satu pemeriksaan di daftar."))
            return None
        return self.rules_model.record(rows[0].row())

    def add_rule(self) -> bool:
        v = self.page.forms.rule(self, self.editor.shown)
        return v is not None and self._result(self.rules_message, self.editor.set_rule(v))

    def edit_rule(self) -> bool:
        r = self._selected_rule()
        if r is None:
            return False
        v = self.page.forms.rule(self, self.editor.shown, r)
        return v is not None and self._result(self.rules_message, self.editor.set_rule(v))

    def retire_rule(self) -> bool:
        r = self._selected_rule()
        if r is None or not self.page.session.dialogs.confirm(
                self, self.tr("Pemeriksaan angka"), fill(self.tr("Hapus pemeriksaan “%1” dari draf?"), r.message)):
            return False
        return self._result(self.rules_message, self.editor.retire_rule(r.key))

    def apply_year_change(self) -> bool:
        yc = self.editor.shown.plausibility.year_change
        return self._result(self.rules_message, self.editor.set_year_change(
            round(self.factor.value(), 1), self.min_count.value(), yc.importance if yc else "medium"))

    def edit_bands(self) -> bool:
        got = self.page.forms.bands(self, categories(self.editor.shown))
        return got is not None and self._result(self.bands_message, self.editor.set_bands(*got))


class TemplatePage(QWidget):
    """See the module docstring."""

    def __init__(self, session: CitySession, parent: QWidget | None = None, forms: TemplateForms | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.forms = forms or TemplateForms()
        self.editor = TemplateEditor(session, self)
        self.task: Task | None = None
        self.diff_dialog: TemplateDiffDialog | None = None
        self.last_pdf: Path | None = None
        self._offered: Template | None = None
        self._shipped: list[Template] | None = None
        """The version offered to be put in force while its diff is shown (None: the draft's diff)."""
        self.out_dir = session.home / "laporan"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)

        top = QHBoxLayout()
        names = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.state = WrapLabel()
        self.state.setObjectName("subtle")
        names.addWidget(self.title)
        names.addWidget(self.state)
        top.addLayout(names, 1)
        self.start_button = QPushButton(self.tr("Buat draf versi berikutnya"))
        self.start_button.setObjectName("primary")
        self.newer_button = QPushButton(self.tr("Berlakukan versi baru…"))
        self.newer_button.setToolTip(self.tr("Versi yang ikut program ini (mis. pembaruan 2025) atau berkas template "
                                             "dari DP3AKB: perubahannya ditampilkan dulu"))
        self.newer_menu = QMenu(self)
        self.newer_button.setMenu(self.newer_menu)
        self.newer_menu.aboutToShow.connect(self._fill_newer_menu)
        self.discard_button = QPushButton(self.tr("Buang draf…"))
        self.diff_button = QPushButton(self.tr("Lihat perubahan…"))
        self.publish_button = QPushButton(self.tr("Terbitkan…"))
        self.publish_button.setObjectName("primary")
        for b in (self.newer_button, self.start_button, self.discard_button, self.diff_button, self.publish_button):
            top.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.banner = WrapLabel()
        self.banner.setObjectName("errorText")
        self.banner.hide()
        outer.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree_model = IndicatorTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(250)
        self.tree.setAccessibleName(self.tr("Indikator"))
        split.addWidget(self.tree)
        self.panes = QStackedWidget()
        self.indicator_pane = IndicatorPane(self)
        self.rules_pane = RulesPane(self)
        self.panes.addWidget(self.indicator_pane)
        self.panes.addWidget(self.rules_pane)
        split.addWidget(self.panes)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 900])
        self.split = split
        self._tree_fitted = False
        outer.addWidget(split, 1)
        self.note = WrapLabel()
        self.note.setObjectName("helpText")
        outer.addWidget(self.note)
        self.progress = ProgressWidget()
        outer.addWidget(self.progress)

        self.start_button.clicked.connect(self.start_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self.diff_button.clicked.connect(lambda: self.show_diff())
        self.publish_button.clicked.connect(lambda: self.show_diff(publishing=True))
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.editor.changed.connect(self.refresh)
        session.data_changed.connect(self._on_session_data_changed)
        self._current: int | str = 0
        self.refresh()
        first = self.editor.shown.indicators[0].no if self.editor.shown.indicators else RULES_NODE
        self.show_node(first)

    # ------------------------------------------------------------------ state

    def _fit_tree(self) -> None:
        """Widen the tree so its longest klaster and indicator names are whole (they were cut with "…" at
        1366x768), up to 45% of the page; once per template shown, so a width the clerk dragged stays."""
        if self._tree_fitted or not self.isVisible():
            return
        self._tree_fitted = True
        tree = self.tree
        need = (tree.sizeHintForColumn(0) + 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width() + 8)
        total = sum(self.split.sizes())
        want = min(need, int(total * 0.45))
        if total and tree.width() < want:
            self.split.setSizes([want, total - want])

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._fit_tree()

    def refresh(self) -> None:
        e = self.editor
        t = e.shown
        self.title.setText(fill(self.tr("Template %1"), e.base.name))
        if e.editing and e.draft is not None:
            self.state.setText(fill(self.tr("Draf versi %1 sedang disunting · berlaku sekarang: versi %2. "
                                            "Perubahan tersimpan otomatis di draf; desa/kelurahan baru menerimanya "
                                            "setelah diterbitkan."), str(e.draft.version), str(e.base.version)))
        else:
            text = fill(self.tr("Berlaku: versi %1. Untuk mengubahnya, buat draf versi berikutnya."),
                        str(e.base.version))
            newer = self.newer_versions()
            if newer:
                text += " " + fill(self.tr("Versi %1 ikut program ini dan belum berlaku: lihat perubahannya lewat "
                                           "“Berlakukan versi baru…”."), str(newer[-1].version))
            self.state.setText(text)
        # The content fingerprint is for whoever supports the program, not a clerk's reading: on hover only.
        self.state.setToolTip(fill(self.tr("Kode pemeriksaan isi templat versi %1: %2 (bila diminta petugas teknis)"),
                                   str(e.base.version), e.base.content_hash[:12]))
        writable = not self.session.read_only
        self.start_button.setVisible(not e.editing)
        self.start_button.setEnabled(writable)
        self.newer_button.setVisible(not e.editing)
        self.newer_button.setEnabled(writable)
        for b in (self.discard_button, self.diff_button, self.publish_button):
            b.setVisible(e.editing)
            b.setEnabled(writable or b is self.diff_button)
        banner = []
        if e.stale:
            banner.append(e.stale)
            self.discard_button.setVisible(True)
        if e.editing and e.draft is not None and e.draft.problems:
            banner.append(self.tr("Belum bisa diterbitkan: %n hal perlu dibereskan (ditandai merah di indikatornya).",
                                  "", len(e.draft.problems)))
        _show(self.banner, "\n".join(banner))
        self.tree_model.set_template(t, e.indicators_with_problems(), bool(e.problems(None)))
        self.tree.expandAll()
        self._tree_fitted = False
        self._fit_tree()
        self.note.setText(t.weights_note if not t.weights_official else "")
        self.show_node(self._current, keep_messages=True)

    def show_node(self, node: int | str, keep_messages: bool = False) -> None:
        """Show an indicator (its number) or the rules (RULES_NODE)."""
        t = self.editor.shown
        if isinstance(node, int) and not any(i.no == node for i in t.indicators):
            node = t.indicators[0].no if t.indicators else RULES_NODE
        self._current = node
        if not keep_messages:
            self.indicator_pane.clear_messages()
            self.rules_pane.clear_messages()
        if node == RULES_NODE:
            self.rules_pane.refresh()
            self.panes.setCurrentWidget(self.rules_pane)
        else:
            self.indicator_pane.show_indicator(int(node))
            self.panes.setCurrentWidget(self.indicator_pane)
        index = self.tree_model.index_of(node)
        if index.isValid() and self.tree.currentIndex() != index:
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().blockSignals(False)

    def show_indicator(self, no: int, tab: int = 0) -> IndicatorPane:
        self.show_node(no)
        self.indicator_pane.tabs.setCurrentIndex(tab)
        return self.indicator_pane

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = current.data(IndicatorTreeModel.NoRole)
        if node is not None:
            if node != self._current and not self.flush():
                # Refused wording stays on screen with its reason, on its own indicator.
                self.show_node(self._current, keep_messages=True)
                return
            self.show_node(node)

    def flush(self) -> bool:
        """What was typed on the indicator shown, into the draft (leaving it, the page, or the window)."""
        if self.panes.currentWidget() is self.indicator_pane:
            return self.indicator_pane.keep_texts()
        return True

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.flush()
        super().hideEvent(event)

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        if handler is self.editor:
            return
        if changes.is_everything or changes.has("template"):
            self.editor.reload()

    # ------------------------------------------------------------------ draft

    def start_draft(self) -> bool:
        refused = self.editor.start()
        if refused:
            self.session.dialogs.error(self, self.tr("Template"), refused)
            return False
        self.session_message(self.tr("Draf versi berikutnya dibuat. Ubah yang perlu; semua tersimpan otomatis."))
        return True

    def discard_draft(self) -> bool:
        if not self.session.dialogs.confirm(
                self, self.tr("Buang draf"),
                self.tr("Semua perubahan di draf ini dibuang. Template yang berlaku tidak berubah. Lanjutkan?"),
                self.tr("Buang draf")):
            return False
        refused = self.editor.discard()
        if refused:
            self.session.dialogs.error(self, self.tr("Template"), refused)
            return False
        return True

    def session_message(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)  # type: ignore[union-attr]

    # ------------------------------------------------------------------ diff, PDF, publish

    def show_diff(self, publishing: bool = False) -> TemplateDiffDialog | None:
        e = self.editor
        if e.draft is None:
            return None
        try:
            sections = e.diff_sections()
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Template"), kla_error_text(exc))
            return None
        problems = e.problems(None) + [p for no in sorted(e.indicators_with_problems()) for p in e.problems(no)]
        intro = fill(self.tr("Yang berubah dari versi %1 (berlaku) ke draf versi %2, dalam kata-kata. Nilai yang sudah "
                             "diisi di desa/kelurahan tidak hilang: yang tidak punya tempat di versi baru disimpan "
                             "terpisah."), str(e.base.version), str(e.draft.version))
        if publishing:
            intro += " " + self.tr("Periksa sekali lagi, lalu klik “Terbitkan versi ini”.")
        dlg = TemplateDiffDialog(fill(self.tr("Perubahan template: versi %1 → %2"), str(e.base.version),
                                      str(e.draft.version)), intro, sections, problems,
                                 e.draft.publishable and not self.session.read_only, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._shown_hash = e.draft.content_hash
        self._offered = None
        dlg.publish_requested.connect(self.publish)
        dlg.pdf_requested.connect(self.write_pdf)
        self.diff_dialog = dlg
        dlg.finished.connect(lambda _r: setattr(self, "diff_dialog", None))
        dlg.open()
        return dlg

    def write_pdf(self, print_after: bool = False) -> Task | None:
        """The diff as a PDF in the workspace's laporan folder (in the background), printed when asked."""
        e = self.editor
        if is_running(self.task):
            return None
        if self._offered is not None:  # a version offered to be put in force: its own diff
            rec = self.offered_diff(self._offered)
            paper = change_paper(rec, self.session.city_name, self.session.store.operator)
        else:
            if e.draft is None:
                return None
            rec = e.diff()
            draft = e.draft
            # Printed in Indonesian whatever the window's language, as every report: words without translate.
            problems = tuple(problem_text(p, e.base, draft.template) for p in draft.problems)
            paper = change_paper(rec, self.session.city_name, self.session.store.operator, problems,
                                 draft_hash=draft.content_hash)
        dest = self.out_dir / safe_name(f"Perubahan template {e.base.name} v{rec.old.version}-v{rec.new.version}.pdf")

        def job(progress: Any, cancelled: Any) -> Path:
            from exports.template_report import write_template_change_pdf

            return write_template_change_pdf(paper, dest, progress, cancelled)

        def done(path: object) -> None:
            self.last_pdf = Path(str(path))
            text = fill(self.tr("Tersimpan: %1"), str(path))
            if self.diff_dialog is not None:
                self.diff_dialog.note.setText(text)
            self.session_message(text)
            if print_after:
                QTimer.singleShot(0, self.print_last)

        def failed(failure: Failure) -> None:
            if not failure.cancelled:
                self.session.dialogs.error(self, self.tr("Template"), failure.text)

        def ended() -> None:
            self.task = None

        self.task = run_in_background(self, job, title=self.tr("Menyimpan PDF perubahan…"), on_done=done,
                                      on_failed=failed, on_ended=ended, progress_widget=self.progress)
        return self.task

    def print_last(self) -> bool:
        from ui.reports.printing import print_pdf

        if self.last_pdf is None:
            return False
        return print_pdf(self, self.session.dialogs, self.last_pdf)

    def publish(self) -> bool:
        e = self.editor
        if e.draft is None:
            return False
        expect = getattr(self, "_shown_hash", e.draft.content_hash)
        if not self.session.dialogs.confirm(
                self, self.tr("Terbitkan template"),
                fill(self.tr("Terbitkan draf sebagai %1 versi %2? Versi ini langsung berlaku di DP3AKB, dan setiap "
                             "desa/kelurahan menerimanya lewat tanda terima atau berkas pemasangan berikutnya. Nilai yang "
                             "sudah diisi dipindahkan menurut aturan yang ditampilkan; yang tidak punya tempat disimpan "
                             "terpisah, tidak dihapus. Cadangan dibuat dulu."), e.base.name, str(e.draft.version)),
                self.tr("Terbitkan")):
            return False
        if is_running(self.task):
            self.session.dialogs.info(self, self.tr("Terbitkan template"),
                                      self.tr("Tunggu sampai pekerjaan yang sedang berjalan selesai."))
            return False
        try:
            job = e.publish_job(expect)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Terbitkan template"), kla_error_text(exc))
            return False
        title = self.tr("Terbitkan template")

        def done(changes: object) -> None:
            self._in_force(title, e.published(changes))

        def failed(failure: Failure) -> None:
            if failure.cancelled:
                self.session_message(self.tr("Penerbitan dibatalkan. Template yang berlaku dan semua isian tidak "
                                             "berubah."))
                return
            self.session.dialogs.error(self, title, failure.text)

        if self.diff_dialog is not None:
            self.diff_dialog.accept()  # the page's bar and its Batal stay within reach while it works
        self._set_busy(True)
        self.task = run_in_background(self, job, title=self.tr("Menerbitkan template…"), on_done=done,
                                      on_failed=failed, on_ended=self._publish_ended, progress_widget=self.progress)
        return True

    # ------------------------------------------------------------------ a newer version put in force

    def newer_versions(self) -> list[Template]:
        """The versions of the template in force that ship with the program and are newer than it."""
        from db.template import shipped_templates

        if self._shipped is None:
            self._shipped = shipped_templates()  # read once: the files do not change while the program runs
        base = self.editor.base
        return [t for t in self._shipped if t.id == base.id and t.version > base.version and not t.is_rubric]

    def _fill_newer_menu(self) -> None:
        self.newer_menu.clear()
        for t in self.newer_versions():
            act = self.newer_menu.addAction(fill(self.tr("%1 versi %2 (ikut program ini)"), t.name, str(t.version)))
            act.triggered.connect(lambda _c=False, t=t: self.offer_version(t))
        act = self.newer_menu.addAction(self.tr("Dari berkas template…"))
        act.triggered.connect(self.offer_file)

    def offer_file(self) -> TemplateDiffDialog | None:
        path = self.session.dialogs.open_file(self, self.tr("Pilih berkas template"), self.tr("Template (*.json)"),
                                              kind="template")
        if not path:
            return None
        from db.template import read_template_file

        try:
            t = read_template_file(path)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Berlakukan versi baru"), kla_error_text(exc))
            return None
        return self.offer_version(t)

    def offered_diff(self, new: Template) -> TemplateDiffRecord:
        """What ``new`` changes against the version in force, as a draft's diff says it (db/template_diff.py)."""
        from db.template_diff import diff
        from db.template_migration import steps_of

        base = self.editor.base
        steps = tuple(m for v, m in sorted(steps_of(new).items()) if base.version <= v < new.version)
        return TemplateDiffRecord(base, new, tuple(diff(base, new)), steps, False)

    def offer_version(self, new: Template) -> TemplateDiffDialog | None:
        """The diff of ``new`` against the version in force, in words, with "Berlakukan versi ini…"."""
        base = self.editor.base
        title = self.tr("Berlakukan versi baru")
        if new.is_rubric:
            self.session.dialogs.error(self, title, kla_error_text(KlaError("template_is_rubric", id=new.id)))
            return None
        if (new.id, new.version, new.content_hash) == (base.id, base.version, base.content_hash):
            self.session.dialogs.info(self, title, fill(self.tr("%1 versi %2 sudah berlaku. Tidak ada yang diubah."),
                                                        new.name, str(new.version)))
            return None
        intro = fill(self.tr("Yang berubah dari versi %1 (berlaku) ke versi %2, dalam kata-kata. Nilai yang sudah diisi "
                             "di desa/kelurahan tidak hilang: yang tidak punya tempat di versi baru disimpan terpisah. "
                             "Periksa, lalu klik “Berlakukan versi ini”."), str(base.version), str(new.version))
        sections = diff_sections(self.offered_diff(new), translate_message)
        dlg = TemplateDiffDialog(fill(self.tr("Perubahan template: versi %1 → %2"), str(base.version),
                                      str(new.version)), intro, sections, [], not self.session.read_only, self)
        dlg.publish_button.setText(self.tr("Berlakukan versi ini…"))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._offered = new
        dlg.publish_requested.connect(lambda: self.put_in_force(new))
        dlg.pdf_requested.connect(self.write_pdf)
        self.diff_dialog = dlg
        dlg.finished.connect(lambda _r: setattr(self, "diff_dialog", None))
        dlg.open()
        return dlg

    def put_in_force(self, new: Template) -> bool:
        """Put ``new`` in force at DP3AKB in the background (backup, every unit's entries moved, Batal until
        the commit); the next receipts and setup files carry it to the units."""
        title = self.tr("Berlakukan versi baru")
        if is_running(self.task):
            self.session.dialogs.info(self, title, self.tr("Tunggu sampai pekerjaan yang sedang berjalan selesai."))
            return False
        if self.session.read_only or self.session.closed:
            self.session.dialogs.error(self, title, kla_error_text(KlaError("read_only")))
            return False
        extra = ""
        if self.editor.draft is not None or self.editor.stale:
            extra = " " + self.tr("Draf versi berikutnya yang sedang disunting tidak bisa diterbitkan lagi sesudahnya; "
                                  "buang lalu buat draf baru dari versi ini.")
        if not self.session.dialogs.confirm(
                self, title,
                fill(self.tr("Berlakukan %1 versi %2? Versi ini langsung berlaku di DP3AKB, dan setiap desa/kelurahan "
                             "menerimanya lewat tanda terima atau berkas pemasangan berikutnya. Nilai yang sudah diisi "
                             "dipindahkan menurut aturan yang ditampilkan; yang tidak punya tempat disimpan terpisah, "
                             "tidak dihapus. Cadangan dibuat dulu."), new.name, str(new.version)) + extra,
                self.tr("Berlakukan")):
            return False
        home, operator = self.session.home, self.session.store.operator

        def job(progress: Any, cancelled: Any) -> Any:
            from db.store import Store

            store = Store.open(home, operator=operator, check=False, start_backup=False)
            try:
                return store.put_template_in_force(new, progress=progress, cancelled=cancelled)
            finally:
                store.close()

        def done(changes: object) -> None:
            self._in_force(title, self.editor.published(changes))

        def failed(failure: Failure) -> None:
            if failure.cancelled:
                self.session_message(self.tr("Dibatalkan. Template yang berlaku dan semua isian tidak berubah."))
                return
            self.session.dialogs.error(self, title, failure.text)

        if self.diff_dialog is not None:
            self.diff_dialog.accept()
        self._set_busy(True)
        self.task = run_in_background(self, job, title=fill(self.tr("Memberlakukan versi %1…"), str(new.version)),
                                      on_done=done, on_failed=failed, on_ended=self._publish_ended,
                                      progress_widget=self.progress)
        return True

    def _in_force(self, title: str, pub: Any) -> None:
        """A version published or put in force: the page usable again, and what happened in words."""
        self._publish_ended()  # the page is usable again behind the message
        self.progress.hide()
        self.session.dialogs.info(self, title, fill(self.tr(
            "%1 versi %2 berlaku sekarang. Tanda terima dan berkas pemasangan berikutnya membawanya ke "
            "desa/kelurahan. %3 isian di DP3AKB dipindahkan, %4 nilai disimpan terpisah. Cadangan: %5"),
            pub.template.name, str(pub.template.version), fmt_number(pub.moved), fmt_number(pub.kept),
            pub.backup))

    def _publish_ended(self) -> None:
        self.task = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        """While publishing, the draft cannot change under it: the editing parts and buttons wait."""
        for w in (self.panes, self.tree, self.start_button, self.newer_button, self.discard_button, self.publish_button):
            w.setEnabled(not busy)
        if not busy:
            self.refresh()
