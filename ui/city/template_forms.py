"""The small forms of the Template page (issue 12): an item, an evidence requirement, a check, the
category bands, a merge, a split, a plausible range; and the diff shown before publishing.

:class:`TemplateForms` asks and returns plain values (or None when cancelled); the page receives
one in ``__init__``, so a test passes a scripted one and never blocks on a modal dialog, as with
:class:`ui.widgets.dialogs.Dialogs`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.template import EvidenceRequirement, Item, Template, ValidationRule
from db.template_bands import Categories
from ui.city.template_model import IMPORTANCE_WORDS, count_items, evidence_kind_choices, kind_choices
from ui.session import translate_message
from ui.template_words import kind_word, split_words
from ui.widgets.labels import WrapLabel


def _buttons(dlg: QDialog, ok: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Dialogs", "Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dlg.accept)
    box.rejected.connect(dlg.reject)
    return box


class ItemDialog(QDialog):
    """A new item (its words, kind, disaggregation, required) or new words for one."""

    def __init__(self, t: Template, item: Item | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah kata-kata isian") if item else self.tr("Tambah isian"))
        self.resize(560, 0)
        form = QFormLayout(self)
        self.label = QLineEdit(item.label if item else "")
        self.label.setMaxLength(300)
        form.addRow(self.tr("Kata-kata isian"), self.label)
        self.help = QPlainTextEdit(item.help if item else "")
        self.help.setFixedHeight(70)
        form.addRow(self.tr("Penjelasan"), self.help)
        self.kind = QComboBox()
        self.sex = QCheckBox(self.tr("Dipilah menurut jenis kelamin (L/P)"))
        self.age = QComboBox()
        self.required = QCheckBox(self.tr("Wajib diisi"))
        self.choices = QLineEdit()
        if item is None:
            for key, words in kind_choices():
                self.kind.addItem(words, key)
            self.age.addItem(self.tr("Tidak dipilah menurut umur"), None)
            for name, bands in t.age_bands.items():
                self.age.addItem(", ".join(b.label for b in bands), name)
            self.choices.setPlaceholderText(self.tr("Untuk jenis pilihan: jawaban dipisah titik koma"))
            form.addRow(self.tr("Jenis"), self.kind)
            form.addRow("", self.sex)
            form.addRow(self.tr("Kelompok umur"), self.age)
            form.addRow(self.tr("Pilihan jawaban"), self.choices)
            form.addRow("", self.required)
        else:
            note = WrapLabel(self.tr("Jenis: %1 · %2. Nilai yang sudah diisi tetap di isian ini.")
                          .replace("%1", kind_word(item.type, translate_message)).replace("%2", split_words(t, item, translate_message)))
            note.setObjectName("helpText")
            form.addRow(note)
        form.addRow(_buttons(self, self.tr("Simpan")))

    def value(self) -> dict[str, Any]:
        kind = self.kind.currentData() or "count"
        return {"label": self.label.text(), "help": self.help.toPlainText(), "kind": kind,
                "sex": self.sex.isChecked() and kind == "count", "age": self.age.currentData() if kind == "count" else None,
                "required": self.required.isChecked(),
                "choices": [c.strip() for c in self.choices.text().split(";") if c.strip()]}


class EvidenceDialog(QDialog):
    """A new evidence requirement, or one changed: words, kind, files, recency, required."""

    def __init__(self, ev: EvidenceRequirement | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah data dukung") if ev else self.tr("Tambah data dukung"))
        self.resize(520, 0)
        form = QFormLayout(self)
        self.label = QLineEdit(ev.label if ev else "")
        form.addRow(self.tr("Data dukung yang diminta"), self.label)
        self.kind = QComboBox()
        for key, words in evidence_kind_choices():
            self.kind.addItem(words, key)
        if ev:
            self.kind.setCurrentIndex(self.kind.findData(ev.kind))
            self.kind.setEnabled(False)  # a requirement keeps its kind: files already ticked stay ticked
        form.addRow(self.tr("Jenis"), self.kind)
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(ev.min_count if ev else 1)
        form.addRow(self.tr("Paling sedikit (berkas)"), self.count)
        self.age = QSpinBox()
        self.age.setRange(0, 50)
        self.age.setSpecialValueText(self.tr("tahun berapa pun"))
        self.age.setSuffix(self.tr(" tahun"))
        self.age.setValue(ev.max_age_years or 0 if ev else 0)
        form.addRow(self.tr("Umur dokumen paling lama"), self.age)
        self.required = QCheckBox(self.tr("Wajib"))
        self.required.setChecked(ev.required if ev else True)
        form.addRow("", self.required)
        form.addRow(_buttons(self, self.tr("Simpan")))

    def value(self) -> dict[str, Any]:
        return {"label": self.label.text(), "kind": self.kind.currentData(), "min_count": self.count.value(),
                "max_age_years": self.age.value() or None, "required": self.required.isChecked()}


class RuleDialog(QDialog):
    """A check between two count items: what is compared, the sign, how much it weighs, the sentence."""

    OPERATORS = (("<=", "≤"), ("<", "<"), ("==", "="), (">=", "≥"), (">", ">"), ("!=", "≠"))

    def __init__(self, t: Template, rule: ValidationRule | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah pemeriksaan") if rule else self.tr("Tambah pemeriksaan"))
        self.resize(640, 0)
        self.rule = rule
        form = QFormLayout(self)
        items = count_items(t)
        self.left, self.right = QComboBox(), QComboBox()
        for box in (self.left, self.right):
            for no, key, words in items:
                box.addItem(words, (no, key))
            box.setMaxVisibleItems(20)
        self.op = QComboBox()
        for key, sign in self.OPERATORS:
            self.op.addItem(sign, key)
        self.tolerance = QSpinBox()
        self.tolerance.setRange(0, 99)
        self.tolerance.setSuffix(" %")
        self.importance = QComboBox()
        for key, words in IMPORTANCE_WORDS.items():
            self.importance.addItem(QCoreApplication.translate("RulesModel", words), key)
        self.message = QPlainTextEdit()
        self.message.setFixedHeight(70)
        if rule is not None:
            if rule.left:
                self.left.setCurrentIndex(self.left.findData((rule.left[0].indicator, rule.left[0].item)))
            if rule.right:
                self.right.setCurrentIndex(self.right.findData((rule.right[0].indicator, rule.right[0].item)))
            self.op.setCurrentIndex(self.op.findData(rule.operator))
            self.tolerance.setValue(round(rule.tolerance * 100))
            self.importance.setCurrentIndex(self.importance.findData(rule.importance))
            self.message.setPlainText(rule.message)
        form.addRow(self.tr("Isian ini"), self.left)
        form.addRow(self.tr("harus"), self.op)
        form.addRow(self.tr("isian ini"), self.right)
        form.addRow(self.tr("Selisih yang dibiarkan (untuk =)"), self.tolerance)
        form.addRow(self.tr("Pentingnya"), self.importance)
        form.addRow(self.tr("Kalimat untuk petugas"), self.message)
        form.addRow(_buttons(self, self.tr("Simpan")))

    def value(self) -> dict[str, Any]:
        (ln, lk), (rn, rk) = self.left.currentData(), self.right.currentData()
        out: dict[str, Any] = {"key": self.rule.key if self.rule else "", "operator": self.op.currentData(),
                               "importance": self.importance.currentData(), "message": self.message.toPlainText().strip()}
        # A side of the rule with several terms or one cell is kept as it was when its item was not changed.
        keep_left = self.rule is not None and self.rule.left and (self.rule.left[0].indicator, self.rule.left[0].item) == (ln, lk)
        keep_right = self.rule is not None and self.rule.right and (self.rule.right[0].indicator,
                                                                    self.rule.right[0].item) == (rn, rk)
        out["left"] = _raw_terms(self.rule.left) if keep_left and self.rule else {"indicator": ln, "item": lk}
        out["right"] = _raw_terms(self.rule.right) if keep_right and self.rule else {"indicator": rn, "item": rk}
        if self.tolerance.value() and out["operator"] == "==":
            out["tolerance"] = self.tolerance.value() / 100
        return out


def _raw_terms(terms: Any) -> list[dict[str, Any]]:
    out = []
    for t in terms:
        d: dict[str, Any] = {"indicator": t.indicator, "item": t.item}
        if t.sex:
            d["sex"] = t.sex
        if t.age:
            d["age"] = t.age
        out.append(d)
    return out


class BandsDialog(QDialog):
    """The category bands (name, from, to), lowest first, and where they come from."""

    def __init__(self, cats: Categories, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rentang kategori"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        intro = WrapLabel(self.tr("Setiap kategori menyambung dengan yang berikutnya: batas bawah satu lebih dari batas "
                               "atas kategori sebelumnya. Nilai paling tinggi 1.000."))
        intro.setObjectName("helpText")
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Kategori"), self.tr("Dari"), self.tr("Sampai")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for b in cats.bands:
            self._add_row(b.label, b.min, b.max)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Tambah kategori"))
        add.clicked.connect(lambda: self._add_row("", 0, 0))
        remove = QPushButton(self.tr("Hapus kategori"))
        remove.clicked.connect(lambda: self.table.removeRow(max(0, self.table.currentRow())))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.source = QLineEdit(cats.source)
        self.source.setPlaceholderText(self.tr("mis. Perwali Nomor … Tahun … tentang Kelurahan Layak Anak"))
        form.addRow(self.tr("Sumber"), self.source)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Simpan")))

    def _add_row(self, label: str, lo: int, hi: int) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(label))
        for c, v in ((1, lo), (2, hi)):
            spin = QSpinBox()
            spin.setRange(0, 1000)
            spin.setValue(v)
            self.table.setCellWidget(r, c, spin)

    def value(self) -> tuple[list[dict[str, Any]], str]:
        from ui.city.template_model import make_key

        bands, taken = [], set()
        for r in range(self.table.rowCount()):
            label = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            key = make_key(label or "kategori", taken)
            taken.add(key)
            lo = self.table.cellWidget(r, 1).value()  # type: ignore[union-attr]
            hi = self.table.cellWidget(r, 2).value()  # type: ignore[union-attr]
            bands.append({"key": key, "label": label, "min": lo, "max": hi})
        return bands, self.source.text().strip()


class PickDialog(QDialog):
    """Pick some of a list (checkboxes) and, optionally, one of the picked as the target."""

    def __init__(self, title: str, intro: str, choices: list[tuple[str, str]], target_label: str,
                 checked: set[str], target_optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(540, 420)
        layout = QVBoxLayout(self)
        text = WrapLabel(intro)
        layout.addWidget(text)
        self.list = QListWidget()
        for key, words in choices:
            it = QListWidgetItem(words)
            it.setData(Qt.ItemDataRole.UserRole, key)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
            self.list.addItem(it)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.target = QComboBox()
        if target_optional:
            self.target.addItem(self.tr("(simpan terpisah, tidak dipindah)"), None)
        for key, words in choices:
            self.target.addItem(words, key)
        form.addRow(target_label, self.target)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Simpan")))

    def value(self) -> tuple[list[str], str | None]:
        picked = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return picked, self.target.currentData()


class RangeDialog(QDialog):
    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Angka wajar: %1").replace("%1", item.label))
        form = QFormLayout(self)
        self.low, self.high = QSpinBox(), QSpinBox()
        for spin, v in ((self.low, item.min_value), (self.high, item.max_value)):
            spin.setRange(-1, 10_000_000)
            spin.setSpecialValueText(self.tr("tanpa batas"))
            spin.setValue(-1 if v is None else v)
        form.addRow(self.tr("Paling sedikit"), self.low)
        form.addRow(self.tr("Paling banyak"), self.high)
        form.addRow(_buttons(self, self.tr("Simpan")))

    def value(self) -> tuple[int | None, int | None]:
        return (None if self.low.value() < 0 else self.low.value(), None if self.high.value() < 0 else self.high.value())


class TemplateForms:
    """The real forms: each returns the values typed, or None when cancelled."""

    def item(self, parent: QWidget | None, t: Template, item: Item | None = None) -> dict[str, Any] | None:
        dlg = ItemDialog(t, item, parent)
        return dlg.value() if dlg.exec() else None

    def evidence(self, parent: QWidget | None, ev: EvidenceRequirement | None = None) -> dict[str, Any] | None:
        dlg = EvidenceDialog(ev, parent)
        return dlg.value() if dlg.exec() else None

    def rule(self, parent: QWidget | None, t: Template, rule: ValidationRule | None = None) -> dict[str, Any] | None:
        dlg = RuleDialog(t, rule, parent)
        return dlg.value() if dlg.exec() else None

    def bands(self, parent: QWidget | None, cats: Categories) -> tuple[list[dict[str, Any]], str] | None:
        dlg = BandsDialog(cats, parent)
        return dlg.value() if dlg.exec() else None

    def pick(self, parent: QWidget | None, title: str, intro: str, choices: list[tuple[str, str]],
             target_label: str, checked: set[str], target_optional: bool = False) -> tuple[list[str], str | None] | None:
        dlg = PickDialog(title, intro, choices, target_label, checked, target_optional, parent)
        return dlg.value() if dlg.exec() else None

    def item_range(self, parent: QWidget | None, item: Item) -> tuple[int | None, int | None] | None:
        dlg = RangeDialog(item, parent)
        return dlg.value() if dlg.exec() else None


class TemplateDiffDialog(QDialog):
    """What the draft changes, in words, before publishing: save as PDF, print, publish."""

    publish_requested = Signal()
    """The officer clicked Terbitkan (the page asks for confirmation)."""
    pdf_requested = Signal(bool)
    """Save as PDF (False) or save and print (True)."""

    def __init__(self, title: str, intro: str, sections: list[tuple[str, list[str]]], problems: list[str],
                 can_publish: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 600)
        layout = QVBoxLayout(self)
        head = WrapLabel(intro)
        layout.addWidget(head)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(diff_html(sections, problems, self.tr("Belum bisa diterbitkan")))
        layout.addWidget(self.text, 1)
        self.note = WrapLabel()
        self.note.setObjectName("helpText")
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Simpan PDF…"))
        self.pdf_button.setToolTip(self.tr("Simpan daftar perubahan ini sebagai PDF untuk arsip"))
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.publish_button = QPushButton(self.tr("Terbitkan versi ini…"))
        self.publish_button.setObjectName("primary")
        self.publish_button.setEnabled(can_publish)
        close = QPushButton(self.tr("Tutup"))
        row.addWidget(self.pdf_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.publish_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.pdf_button.clicked.connect(lambda: self.pdf_requested.emit(False))
        self.print_button.clicked.connect(lambda: self.pdf_requested.emit(True))
        self.publish_button.clicked.connect(self.publish_requested)
        close.clicked.connect(self.reject)
        self.text.setAccessibleName(self.tr("Daftar perubahan"))
        self._sections = sections

    def sentences(self) -> list[str]:
        return [line for _, lines in self._sections for line in lines]


def diff_html(sections: list[tuple[str, list[str]]], problems: list[str], problems_title: str) -> str:
    from html import escape

    parts = []
    if problems:
        parts.append(f"<h3 style='color:#b3261e'>{escape(problems_title)}</h3><ul>"
                     + "".join(f"<li>{escape(p)}</li>" for p in problems) + "</ul>")
    for heading, lines in sections:
        parts.append(f"<h3>{escape(heading)}</h3><ul>" + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul>")
    return "".join(parts)


__all__ = ["BandsDialog", "EvidenceDialog", "ItemDialog", "PickDialog", "RangeDialog", "RuleDialog",
           "TemplateDiffDialog", "TemplateForms"]
