"""The Template page's models (issue 12), testable without a widget.

:class:`TemplateEditor` is what the page edits through: the template in force, DP3AKB's draft of
the next version, each edit sent to the store as it is made (checked there; a refused edit comes
back as the sentence to show next to the thing, nothing changed), the draft's problems per
indicator, the diff in words and publishing. The table models show what the template holds:
items (kind, disaggregation, required, wording status: a draft wording is marked), evidence
requirements (kind, files, recency), the plausibility checks and the category bands. Nothing
here shows a key: items, requirements and rules are named by their words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from db.errors import KlaError
from db.records import TemplateDiffRecord, TemplateDraftRecord, TemplatePublished
from db.template import EVIDENCE_KINDS, ITEM_TYPES, EvidenceRequirement, Item, Template, Term, ValidationRule
from db.template_bands import Band, categories
from ui.city.session import CitySession
from ui.session import kla_error_text, translate_message
from ui.template_words import (
    diff_sections,
    edit_error_text,
    evidence_kind_word,
    item_status,
    kind_word,
    problem_indicator,
    problem_text,
    recency_words,
    required_word,
    split_words,
    status_word,
)
from ui.widgets.table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
DRAFT_COLOUR = QColor("#fdf1d6")
PROBLEM_COLOUR = QColor("#b3261e")
RULES_NODE = "rules"
KEY_LIMIT = 40


def make_key(label: str, taken: set[str] | frozenset[str]) -> str:
    """A stable key for a new item from its words ('Rapat Gugus Tugas' -> 'rapat_gugus_tugas'), unique."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    key = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:KEY_LIMIT].strip("_") or "isian"
    if not key[0].isalpha():
        key = f"isian_{key}"[:KEY_LIMIT]
    out, n = key, 2
    while out in taken:
        out = f"{key[:KEY_LIMIT - 4]}_{n}"
        n += 1
    return out


class TemplateEditor(QObject):
    """The template in force and DP3AKB's draft, as the Template page edits them."""

    changed = Signal()
    """The draft (or the template in force) changed: every view of the page reads again."""

    def __init__(self, session: CitySession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft: TemplateDraftRecord | None = None
        self.stale = ""
        """The sentence when the draft was made from an older version than the one in force."""
        self.reload()

    # ------------------------------------------------------------------ state

    @property
    def base(self) -> Template:
        return self.session.store.template

    @property
    def shown(self) -> Template:
        """The draft when there is one, else the template in force."""
        return self.draft.template if self.draft is not None else self.base

    @property
    def editing(self) -> bool:
        return self.draft is not None

    def reload(self) -> None:
        self.stale = ""
        try:
            self.draft = self.session.store.template_draft()
        except KlaError as exc:
            self.draft = None
            if exc.code != "template_draft_stale":
                raise
            self.stale = kla_error_text(exc)
        self.changed.emit()

    def weight_total(self) -> int:
        return sum(i.weight for i in self.shown.indicators)

    def problems(self, indicator: int | None = None) -> list[str]:
        """The draft's problems as sentences: those of ``indicator``, or of the whole template (None)."""
        if self.draft is None:
            return []
        return [problem_text(p, self.base, self.draft.template, translate_message)
                for p in self.draft.problems if problem_indicator(p) == indicator]

    def indicators_with_problems(self) -> set[int]:
        if self.draft is None:
            return set()
        return {n for n in (problem_indicator(p) for p in self.draft.problems) if n is not None}

    # ------------------------------------------------------------------ writes

    def _refusal(self) -> str | None:
        if self.session.read_only:
            return kla_error_text(KlaError("read_only"))
        if self.session.closed:
            return kla_error_text(KlaError("cancelled"))
        return None

    def start(self) -> str | None:
        """A draft of the next version; None when made, else the sentence why not."""
        refused = self._refusal()
        if refused:
            return refused
        try:
            changes = self.session.store.start_template_draft()
        except KlaError as exc:
            return kla_error_text(exc)
        self.session.notify(changes, self)
        self.reload()
        return None

    def discard(self) -> str | None:
        refused = self._refusal()
        if refused:
            return refused
        try:
            changes = self.session.store.discard_template_draft()
        except KlaError as exc:
            return kla_error_text(exc)
        self.session.notify(changes, self)
        self.reload()
        return None

    def edits(self, steps: list[tuple[str, dict[str, Any]]]) -> str | None:
        """Several edits as one (all or none): None when made, else the sentence for the first refused."""
        refused = self._refusal()
        if refused:
            return refused
        store = self.session.store
        op = steps[0][0] if steps else ""
        try:
            with store.transaction():
                changes = None
                for op, params in steps:
                    ch = store.edit_template_draft(op, **params)
                    changes = ch if changes is None else changes | ch
        except KlaError as exc:
            return edit_error_text(exc, op, self.base, self.draft.template if self.draft else None,
                                   translate_message)
        if changes is not None:
            self.session.notify(changes, self)
        self.reload()
        return None

    def edit(self, op: str, **params: Any) -> str | None:
        return self.edits([(op, params)])

    # the page's edits, in the words it offers

    def _keys(self, no: int) -> set[str]:
        return {i.key for i in self.shown.indicator(no).items}

    def add_item(self, no: int, label: str, kind: str, *, sex: bool = False, age: str | None = None,
                 required: bool = False, help_text: str = "", choices: list[str] | None = None) -> str | None:
        item: dict[str, Any] = {"key": make_key(label, self._keys(no)), "label": label.strip(), "type": kind,
                                "required": required, "wording_status": "draft"}
        if sex:
            item["sex"] = True
        if age:
            item["age"] = age
        if help_text.strip():
            item["help"] = help_text.strip()
        if kind == "choice":
            item["choices"] = [{"key": make_key(c, set()), "label": c.strip()} for c in choices or [] if c.strip()]
        if not label.strip():
            return edit_error_text(KlaError("template_edit_invalid", field="empty"), "add_item", self.base, None,
                                   translate_message)
        return self.edit("add_item", indicator=no, item=item)

    def reword_item(self, no: int, key: str, label: str, help_text: str | None = None) -> str | None:
        """New words for an item that stays the same item (its values stay where they are)."""
        steps: list[tuple[str, dict[str, Any]]] = [("set_item_text", {"indicator": no, "item": key, "field": "label",
                                                                       "value": label.strip()})]
        if help_text is not None:
            steps.append(("set_item_text", {"indicator": no, "item": key, "field": "help", "value": help_text.strip()}))
        return self.edits(steps)

    def replace_item(self, no: int, key: str, label: str) -> str | None:
        """The item becomes a new one with these words; the values already typed move to it (rename rule)."""
        if not label.strip():
            return edit_error_text(KlaError("template_edit_invalid", field="empty"), "rename_item", self.base, None,
                                   translate_message)
        new_key = make_key(label, self._keys(no) - {key})
        if new_key == key:
            new_key = make_key(label, self._keys(no))
        return self.edits([("rename_item", {"indicator": no, "item": key, "new_key": new_key}),
                           ("set_item_text", {"indicator": no, "item": new_key, "field": "label",
                                              "value": label.strip()})])

    def merge_items(self, no: int, keys: list[str], into: str) -> str | None:
        return self.edit("merge_items", indicator=no, items=keys, into=into)

    def split_item(self, no: int, key: str, into: list[str], carry: str | None) -> str | None:
        return self.edit("split_item", indicator=no, item=key, into=into, carry=carry)

    def retire_item(self, no: int, key: str) -> str | None:
        return self.edit("retire_item", indicator=no, item=key)

    def set_item_status(self, no: int, key: str, status: str) -> str | None:
        return self.edit("set_item_wording_status", indicator=no, item=key, value=status)

    def set_item_range(self, no: int, key: str, low: int | None, high: int | None) -> str | None:
        return self.edit("set_item_range", indicator=no, item=key, min=low, max=high)

    def add_evidence(self, no: int, label: str, kind: str, min_count: int, max_age: int | None,
                     required: bool) -> str | None:
        return self.edit("add_evidence", indicator=no, evidence={
            "kind": kind, "label": label.strip(), "min_count": min_count, "max_age_years": max_age,
            "required": required})

    def set_evidence(self, no: int, key: str, **fields: Any) -> str | None:
        """Several fields of one requirement (label, min_count, max_age_years, required) as one change."""
        ev = next(e for e in self.shown.indicator(no).evidence if e.key == key)
        steps = [("set_evidence", {"indicator": no, "evidence": key, "field": f, "value": v})
                 for f, v in fields.items() if getattr(ev, f) != v]
        return self.edits(steps) if steps else None

    def retire_evidence(self, no: int, key: str) -> str | None:
        return self.edit("retire_evidence", indicator=no, evidence=key)

    def set_texts(self, no: int, **fields: str) -> str | None:
        ind = self.shown.indicator(no)
        steps = [("set_text", {"indicator": no, "field": f, "value": v}) for f, v in fields.items()
                 if getattr(ind, f) != v]
        return self.edits(steps) if steps else None

    def set_weight(self, no: int, weight: int) -> str | None:
        if self.shown.indicator(no).weight == weight:
            return None
        return self.edit("set_weight", indicator=no, value=weight)

    def set_status(self, no: int, status: str) -> str | None:
        if self.shown.indicator(no).wording_status == status:
            return None
        return self.edit("set_wording_status", indicator=no, value=status)

    def set_rule(self, rule: dict[str, Any]) -> str | None:
        if not rule.get("key"):
            taken = {r.key for r in self.shown.plausibility.rules}
            rule = {**rule, "key": make_key(str(rule.get("message") or "aturan"), taken)}
        return self.edit("set_rule", value=rule)

    def retire_rule(self, key: str) -> str | None:
        return self.edit("retire_rule", rule=key)

    def set_year_change(self, factor: float, min_count: int, importance: str) -> str | None:
        value = {"factor": int(factor) if float(factor).is_integer() else factor, "min_count": min_count,
                 "importance": importance}
        return self.edit("set_year_change", value=value)

    def set_bands(self, bands: list[dict[str, Any]], source: str) -> str | None:
        return self.edit("set_bands", value={"source": source, "bands": bands})

    # ------------------------------------------------------------------ diff and publish

    def diff(self) -> TemplateDiffRecord:
        return self.session.store.template_diff()

    def diff_sections(self) -> list[tuple[str, list[str]]]:
        return diff_sections(self.diff(), translate_message)

    def publish(self, expect_hash: str) -> TemplatePublished:
        """Publish the draft the officer looked at (``expect_hash``) here, on the calling thread
        (scripts and tests; the page runs :meth:`publish_job` in the background); raises KlaError."""
        if self._refusal():
            raise KlaError("read_only")
        return self.published(self.session.store.publish_template_draft(expect_hash=expect_hash))

    def publish_job(self, expect_hash: str) -> Any:
        """The publishing as a background job ``(progress, cancelled) -> Changes`` on its own
        connection (backup, then every entry moved, a cancel before the commit changing nothing);
        hand its result to :meth:`published`. Raises KlaError('read_only') when refused."""
        if self._refusal():
            raise KlaError("read_only")
        home, operator = self.session.home, self.session.store.operator

        def job(progress: Any, cancelled: Any) -> Any:
            from db.store import Store

            store = Store.open(home, operator=operator, check=False, start_backup=False)
            try:
                return store.publish_template_draft(expect_hash=expect_hash, progress=progress, cancelled=cancelled)
            finally:
                store.close()

        return job

    def published(self, changes: Any) -> TemplatePublished:
        """After a publish (here or in a worker's connection): this connection reads the template in
        force again, every view is told, and the draft is gone."""
        self.session.store.ref.forget()
        self.session.notify(changes, self)
        self.reload()
        result: TemplatePublished = changes.record
        return result


# ---------------------------------------------------------------------------- the navigation tree


class IndicatorTreeModel(QStandardItemModel):
    """Klaster → indicator, then "Aturan & kategori". ``NoRole``: the indicator number, or RULES_NODE."""

    NoRole = Qt.ItemDataRole.UserRole + 1

    def set_template(self, t: Template, problems: set[int], general_problem: bool) -> None:
        self.clear()
        root = self.invisibleRootItem()
        for c in t.clusters:
            head = QStandardItem(c.name)
            head.setEditable(False)
            head.setSelectable(False)
            head.setToolTip(c.name)
            for ind in t.indicators_of(c.key):
                text = f"{ind.no}. {ind.short_name}"
                marks = []
                if ind.wording_status == "draft" or any(item_status(t, ind.no, i.key) == "draft" for i in ind.items):
                    marks.append(QCoreApplication.translate("TemplateTree", "draf"))
                if ind.no in problems:
                    marks.append("!")
                node = QStandardItem(text + (f"  ({', '.join(marks)})" if marks else ""))
                node.setEditable(False)
                node.setData(ind.no, self.NoRole)
                node.setToolTip(ind.title)
                if ind.no in problems:
                    node.setForeground(PROBLEM_COLOUR)
                head.appendRow(node)
            root.appendRow(head)
        rules = QStandardItem(QCoreApplication.translate("TemplateTree", "Aturan, bobot & kategori")
                              + ("  (!)" if general_problem else ""))
        rules.setEditable(False)
        rules.setData(RULES_NODE, self.NoRole)
        if general_problem:
            rules.setForeground(PROBLEM_COLOUR)
        root.appendRow(rules)

    def index_of(self, no: int | str) -> QModelIndex:
        for r in range(self.rowCount()):
            top = self.item(r)
            if top.data(self.NoRole) == no:
                return top.index()
            for k in range(top.rowCount()):
                if top.child(k).data(self.NoRole) == no:
                    return top.child(k).index()
        return QModelIndex()


# ---------------------------------------------------------------------------- tables


class ItemsModel(RecordTableModel):
    """The items of one indicator (RecordRole: the :class:`db.template.Item`)."""

    COL_LABEL, COL_KIND, COL_SPLIT, COL_REQUIRED, COL_STATUS = range(5)
    _HEADERS = (
        QT_TRANSLATE_NOOP("ItemsModel", "Isian"),
        QT_TRANSLATE_NOOP("ItemsModel", "Jenis"),
        QT_TRANSLATE_NOOP("ItemsModel", "Pemilahan"),
        QT_TRANSLATE_NOOP("ItemsModel", "Wajib"),
        QT_TRANSLATE_NOOP("ItemsModel", "Rumusan"),
    )
    _rows: list[tuple[Item, str]]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.template: Template | None = None

    def set_indicator(self, t: Template, no: int) -> None:
        self.template = t
        self.set_rows([(it, item_status(t, no, it.key)) for it in t.indicator(no).items])

    def item_at(self, row: int) -> Item:
        return self._rows[row][0]

    def row_of(self, key: str) -> int:
        return next((n for n, (it, _) in enumerate(self._rows) if it.key == key), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self.template is None:
            return None
        it, status = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (it.label, kind_word(it.type, translate_message), split_words(self.template, it, translate_message),
                    required_word(it.required, translate_message), status_word(status, translate_message))[col]
        if role == Qt.ItemDataRole.BackgroundRole and status == "draft":
            return DRAFT_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return it.help or None
        if role == self.RecordRole:
            return it
        return None


class EvidenceModel(RecordTableModel):
    """The evidence requirements of one indicator (RecordRole: the EvidenceRequirement)."""

    COL_LABEL, COL_KIND, COL_COUNT, COL_RECENCY, COL_REQUIRED = range(5)
    _HEADERS = (
        QT_TRANSLATE_NOOP("TemplateEvidenceModel", "Data dukung"),
        QT_TRANSLATE_NOOP("TemplateEvidenceModel", "Jenis"),
        QT_TRANSLATE_NOOP("TemplateEvidenceModel", "Berkas"),
        QT_TRANSLATE_NOOP("TemplateEvidenceModel", "Umur paling lama"),
        QT_TRANSLATE_NOOP("TemplateEvidenceModel", "Wajib"),
    )
    _TR_CONTEXT = "TemplateEvidenceModel"
    _rows: list[EvidenceRequirement]

    def set_indicator(self, t: Template, no: int) -> None:
        self.set_rows(t.indicator(no).evidence)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.label, evidence_kind_word(e.kind, translate_message), str(e.min_count),
                    recency_words(e.max_age_years, translate_message),
                    required_word(e.required, translate_message))[index.column()]
        if role == self.RecordRole:
            return e
        return None


def term_words(t: Template, terms: tuple[Term, ...]) -> str:
    parts = []
    for term in terms:
        try:
            it = t.indicator(term.indicator).item(term.item)
            label = it.label
            band = next((b.label for b in t.age_bands.get(it.age or "", ()) if b.key == term.age), "")
        except KlaError:
            label, band = term.item, ""
        cell = " ".join(x for x in (term.sex, band) if x)
        parts.append(f"{term.indicator}. {label}" + (f" ({cell})" if cell else ""))
    return " + ".join(parts)


IMPORTANCE_WORDS = {
    "high": QT_TRANSLATE_NOOP("RulesModel", "tinggi (menahan “siap”)"),
    "medium": QT_TRANSLATE_NOOP("RulesModel", "sedang"),
    "low": QT_TRANSLATE_NOOP("RulesModel", "rendah"),
}


class RulesModel(RecordTableModel):
    """The plausibility checks (RecordRole: the ValidationRule)."""

    COL_MESSAGE, COL_COMPARE, COL_IMPORTANCE = range(3)
    _HEADERS = (
        QT_TRANSLATE_NOOP("RulesModel", "Pemeriksaan"),
        QT_TRANSLATE_NOOP("RulesModel", "Membandingkan"),
        QT_TRANSLATE_NOOP("RulesModel", "Pentingnya"),
    )
    _rows: list[ValidationRule]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.template: Template | None = None

    def set_template(self, t: Template) -> None:
        self.template = t
        self.set_rows(t.plausibility.rules)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self.template is None:
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            op = {"<=": "≤", ">=": "≥", "!=": "≠", "==": "="}.get(r.operator, r.operator)
            compare = f"{term_words(self.template, r.left)} {op} {term_words(self.template, r.right)}"
            if r.tolerance:
                compare += f" (± {round(r.tolerance * 100)}%)"
            return (r.message, compare,
                    QCoreApplication.translate("RulesModel", IMPORTANCE_WORDS[r.importance]))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_MESSAGE:
            return r.message
        if role == self.RecordRole:
            return r
        return None


class BandsModel(RecordTableModel):
    """The category bands, lowest first (RecordRole: the Band)."""

    COL_NAME, COL_FROM, COL_TO = range(3)
    _HEADERS = (
        QT_TRANSLATE_NOOP("BandsModel", "Kategori"),
        QT_TRANSLATE_NOOP("BandsModel", "Dari"),
        QT_TRANSLATE_NOOP("BandsModel", "Sampai"),
    )
    _rows: list[Band]

    def set_template(self, t: Template) -> None:
        self.set_rows(categories(t).bands)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (b.label, f"{b.min:,}".replace(",", "."), f"{b.max:,}".replace(",", "."))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return b
        return None


def kind_choices() -> list[tuple[str, str]]:
    """(key, words) of the item kinds DP3AKB may add."""
    return [(k, kind_word(k, translate_message)) for k in ITEM_TYPES if k != "percent"]


def evidence_kind_choices() -> list[tuple[str, str]]:
    return [(k, evidence_kind_word(k, translate_message)) for k in EVIDENCE_KINDS]


def count_items(t: Template) -> list[tuple[int, str, str]]:
    """(indicator, item key, words) of every count or amount item a check may compare."""
    return [(ind.no, it.key, f"{ind.no}. {it.label}") for ind in t.indicators for it in ind.items
            if it.type in ("count", "amount")]


__all__ = ["BandsModel", "EvidenceModel", "IndicatorTreeModel", "ItemsModel", "RULES_NODE", "RulesModel",
           "TemplateEditor", "count_items", "evidence_kind_choices", "kind_choices", "make_key", "term_words"]
