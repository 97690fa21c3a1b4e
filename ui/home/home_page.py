"""Beranda: how far the kelurahan is, and what to do next — each line opens its form."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.records import IndicatorStatus, KelurahanStatus
from ui.home.changes import AUDIT_LIMIT, ChangeSummary, summarise_changes
from ui.messages import flag_text
from ui.messages import id_number as fmt_score
from ui.session import Session, translate_message
from ui.widgets import icons
from ui.widgets.formatting import fill, fmt_stamp
from ui.widgets.labels import WrapLabel
from ui.widgets.unit_words import unit_title

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # ('indicator', no) | ('page', name)


class HomePage(QScrollArea):
    """See the module docstring."""

    page_requested = Signal(str)
    """A line about activities/facilities was chosen: the page name ('activities', 'facilities')."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)
        self.title = WrapLabel()
        self.title.setObjectName("pageTitle")
        outer.addWidget(self.title)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        outer.addLayout(columns, 1)

        # Left: progress.
        left = QVBoxLayout()
        columns.addLayout(left, 5)
        card = QFrame()
        card.setObjectName("card")
        cl = QVBoxLayout(card)
        overall_title = QLabel(self.tr("Kelengkapan keseluruhan"))
        overall_title.setObjectName("sectionTitle")
        cl.addWidget(overall_title)
        # The number beside the bar, not on it: drawn over the bar's two colours it split into a white
        # and a dark half and was hard to read.
        self.overall = QProgressBar()
        self.overall.setRange(0, 100)
        self.overall.setObjectName("bigProgress")
        self.overall.setTextVisible(False)
        self.overall_text = self._percent_label()
        self.overall_text.setObjectName("sectionTitle")
        row = QHBoxLayout()
        row.addWidget(self.overall, 1)
        row.addWidget(self.overall_text)
        cl.addLayout(row)
        self.counts = WrapLabel()
        self.counts.setObjectName("subtle")
        cl.addWidget(self.counts)
        # The unit's category from DP3AKB's own rubric, once it came in a receipt; never from the
        # kab/kota bands (docs/template-format.md §10). Hidden otherwise.
        self.category = WrapLabel(card)
        self.category.hide()
        cl.addWidget(self.category)
        left.addWidget(card)
        clusters_card = QFrame()
        clusters_card.setObjectName("card")
        self.cluster_grid = QGridLayout(clusters_card)
        self.cluster_grid.setColumnStretch(0, 1)
        self.cluster_grid.setHorizontalSpacing(10)
        left.addWidget(clusters_card)
        self._cluster_bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        self._cluster_texts: dict[str, QLabel] = {}
        ct = QLabel(self.tr("Per klaster"))
        ct.setObjectName("sectionTitle")
        self.cluster_grid.addWidget(ct, 0, 0, 1, 3)
        for r, c in enumerate(session.template.clusters, start=1):
            name = WrapLabel(c.name)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setFixedWidth(150)
            bar.setTextVisible(False)
            text = self._percent_label()
            self.cluster_grid.addWidget(name, r, 0)
            self.cluster_grid.addWidget(bar, r, 1)
            self.cluster_grid.addWidget(text, r, 2)
            self._cluster_bars[c.key] = (name, bar)
            self._cluster_texts[c.key] = text
        left.addStretch(1)

        # Right: what to do.
        right = QVBoxLayout()
        columns.addLayout(right, 6)
        self.todo = self._make_list(right, self.tr("Perlu dilengkapi"),
                                    self.tr("Isian wajib atau data dukung yang belum ada, dan yang diminta DP3AKB "
                                            "untuk diperbaiki. Klik untuk membuka."))
        self.too_old = self._make_list(right, self.tr("Data dukung terlalu lama untuk periode ini"), "", 1)
        self.changed = self._make_list(right, self.tr("Berubah sejak kiriman terakhir"), "", 2)
        # What is on screen, so a change redraws only the lines of the indicators it touched.
        self._status: KelurahanStatus | None = None
        self._indicators: dict[int, IndicatorStatus] = {}
        self._todo_items: dict[int, QListWidgetItem] = {}
        self._old_items: dict[int, QListWidgetItem] = {}
        self._placeholders: dict[int, QListWidgetItem] = {}
        self._order = {ind.no: n for n, ind in enumerate(session.template.indicators)}
        self._pending: Changes | None = None  # changes heard while hidden, applied when shown
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(self._on_session_year_changed)
        self.refresh()

    def _percent_label(self) -> QLabel:
        """The number of a bar, beside it in the page's own text colour; room for "100%" so the bar
        does not move when the number grows."""
        lab = QLabel()
        lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lab.setMinimumWidth(self.fontMetrics().horizontalAdvance("100%") + 8)
        return lab

    @staticmethod
    def _set_percent(bar: QProgressBar, text: QLabel, fraction: float) -> None:
        value = round(fraction * 100)
        bar.setValue(value)
        text.setText(f"{value}%")
        bar.setAccessibleDescription(text.text())  # what a screen reader says of the bar, now it draws none

    def _make_list(self, layout: QVBoxLayout, title: str, hint: str, stretch: int = 3) -> QListWidget:
        lab = QLabel(title)
        lab.setObjectName("sectionTitle")
        layout.addWidget(lab)
        if hint:
            h = WrapLabel(hint)
            h.setObjectName("helpText")
            layout.addWidget(h)
        lst = QListWidget()
        lst.setWordWrap(True)
        lst.setAlternatingRowColors(True)
        lst.setAccessibleName(title)
        lst.itemActivated.connect(self._on_item_activated)
        lst.itemClicked.connect(self._on_item_activated)
        lst.setMinimumHeight(self.fontMetrics().height() * 3)
        layout.addWidget(lst, stretch)
        lab.setBuddy(lst)
        return lst

    # ------------------------------------------------------------------ refresh

    def refresh(self) -> None:
        """Read the whole kelurahan-year (one status: a handful of queries) and redraw what differs."""
        s = self.session
        st = s.store.status(s.kelurahan_code, s.year)
        self._status = st
        self.title.setText(fill(self.tr("Ringkasan %1 — tahun data %2 (evaluasi %3)"),
                                unit_title(st.kelurahan_code, st.kelurahan_name), s.year, s.eval_year()))
        clusters = {c.key: c.completeness for c in st.clusters}
        self._show_totals(st.completeness, clusters, st.ready_count, len(st.indicators))
        self._set_indicators(st.indicators)
        self._fill_changes()
        cat = s.store.unit_category(s.kelurahan_code, s.eval_year())
        if cat is not None:
            self.category.setText(fill(self.tr("Kategori menurut %1 (DP3AKB, evaluasi %2): %3 — nilai %4 dari %5"),
                                       cat.rubric_name, cat.eval_year, cat.band_label, fmt_score(cat.total),
                                       fmt_score(cat.max_total)))
        self.category.setVisible(cat is not None)

    def _show_totals(self, overall: float, clusters: dict[str, float], ready: int, indicators: int) -> None:
        st = self._status
        assert st is not None
        self._set_percent(self.overall, self.overall_text, overall)
        self.counts.setText(
            self.tr("%1 dari %2 indikator siap dikirim · %3 data dukung · %4 kegiatan/inovasi · %5 fasilitas")
            .replace("%1", str(ready)).replace("%2", str(indicators))
            .replace("%3", str(st.evidence_count)).replace("%4", str(st.activity_count))
            .replace("%5", str(st.facility_count)))
        for key, completeness in clusters.items():
            if key in self._cluster_bars:
                self._set_percent(self._cluster_bars[key][1], self._cluster_texts[key], completeness)

    def update_indicators(self, numbers: Iterable[int]) -> None:
        """Re-read only these indicators (a value, a note or the status typed in them) and redraw their lines.

        The totals follow from the indicators on screen, the same means the store's status takes
        (``db.status``: a klaster is the mean of its indicators, the whole the mean of all).
        """
        s = self.session
        if self._status is None:
            self.refresh()
            return
        fresh = [s.indicator_status(no) for no in sorted(numbers) if no in self._indicators]
        self._set_indicators(fresh)
        by_cluster: dict[str, list[float]] = {}
        for ist in self._indicators.values():
            by_cluster.setdefault(ist.cluster, []).append(ist.completeness)
        every = [c for cs in by_cluster.values() for c in cs]
        self._show_totals(
            round(sum(every) / len(every), 4) if every else 0.0,
            {k: round(sum(cs) / len(cs), 4) for k, cs in by_cluster.items()},
            sum(1 for i in self._indicators.values() if i.status == "ready"), len(self._indicators))

    def _set_indicators(self, statuses: Iterable[IndicatorStatus]) -> None:
        """Keep the line of every indicator whose status did not change: the same list item, untouched."""
        for ist in statuses:
            if self._indicators.get(ist.indicator_no) == ist:
                continue
            self._indicators[ist.indicator_no] = ist
            todo, old = self._lines(ist)
            self._put(self.todo, self._todo_items, ist.indicator_no, todo, "missing")
            self._put(self.too_old, self._old_items, ist.indicator_no, old, "warning")
        self._placeholder(self.todo, self._todo_items, self.tr("Semua isian wajib dan data dukung sudah ada."))
        self._placeholder(self.too_old, self._old_items, self.tr("Tidak ada."))

    def _lines(self, ist: IndicatorStatus) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
        """(text, tooltip) of the indicator's "Perlu dilengkapi" and "terlalu lama" lines, or None."""
        ind = self.session.template.indicator(ist.indicator_no)
        parts = []
        if ist.review_state == "perlu_perbaikan":
            # DP3AKB asked for a fix (it came back in a receipt): the first thing to act on, also
            # on an indicator that is complete and ready (it was listed nowhere here).
            parts.append(self.tr("DP3AKB: perlu perbaikan") + (f" (“{ist.review_note}”)" if ist.review_note else ""))
        if ist.missing_items:
            parts.append(self.tr("%n isian wajib belum lengkap", "", len(ist.missing_items)))
        if ist.flags:
            # Stored values a rule between values questions (amber at the cell): said in words on hover.
            parts.append(self.tr("%n angka perlu diperiksa", "", len(ist.flags)))
        if ist.missing_evidence:
            parts.append(self.tr("data dukung kurang: %1").replace(
                "%1", ", ".join(g.label for g in ist.missing_evidence)))
        tip = "\n".join([ind.title, *(f"• {flag_text(f, translate_message)}" for f in ist.flags)])
        todo = (f"{ind.no}. {ind.short_name} — " + "; ".join(parts), tip) if parts else None
        old = None
        if ist.too_old_evidence:
            text = f"{ind.no}. {ind.short_name} — " + self.tr("%n berkas terlalu lama", "", ist.too_old_evidence)
            old = (text, text)
        return todo, old

    def _put(self, lst: QListWidget, items: dict[int, QListWidgetItem], no: int, line: tuple[str, str] | None,
             icon: str) -> None:
        item = items.get(no)
        if line is None:
            if item is not None:
                lst.takeItem(lst.row(item))
                del items[no]
            return
        text, tip = line
        if item is None:
            item = QListWidgetItem(icons.icon(icon), text)
            item.setData(TARGET_ROLE, ("indicator", no))
            items[no] = item
            # In the template's order: after the lines of the indicators that come before it.
            order = self._order
            before = sum(1 for n in items if n != no and order.get(n, n) < order.get(no, no))
            lst.insertItem(before, item)
        elif item.text() != text:
            item.setText(text)
        item.setToolTip(tip or text)

    def _placeholder(self, lst: QListWidget, items: dict[int, QListWidgetItem], text: str) -> None:
        """The one "nothing here" line, shown exactly when the list holds no indicator line."""
        item = self._placeholders.get(id(lst))
        if items and item is not None:
            lst.takeItem(lst.row(item))
            del self._placeholders[id(lst)]
        elif not items and item is None:
            self._placeholders[id(lst)] = self._add(lst, text, ("none",), "check")

    def _add(self, lst: QListWidget, text: str, target: tuple, icon: str, tip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(icons.icon(icon), text)
        item.setData(TARGET_ROLE, target)
        item.setToolTip(tip or text)
        lst.addItem(item)
        return item

    def _fill_changes(self) -> None:
        s = self.session
        self.changed.clear()
        since = s.store.meta("last_export_at", "")
        rows = summarise_changes(s.store.audit_log(limit=AUDIT_LIMIT), s.kelurahan_code, since)
        t = s.template
        for c in rows[:60]:
            self._add(self.changed, self._change_text(c, t), self._change_target(c), "history")
        if not rows:
            self._add(self.changed, self.tr("Belum ada perubahan sejak kiriman terakhir."), ("none",), "check")

    def _change_text(self, c: ChangeSummary, t) -> str:  # noqa: ANN001
        when = self.tr("terakhir %1").replace("%1", fmt_stamp(c.last_at))
        if c.last_operator:
            when += " " + self.tr("oleh %1").replace("%1", c.last_operator)
        n = self.tr("%n perubahan", "", c.count)
        if c.area == "indicator" and c.indicator_no is not None:
            try:
                name = t.indicator(c.indicator_no).short_name
            except Exception:  # noqa: BLE001 - an indicator of an older template
                name = ""
            year = f" ({c.data_year})" if c.data_year != self.session.year else ""
            return f"{c.indicator_no}. {name}{year} — {n}, {when}"
        area = {"evidence": self.tr("Data dukung"), "activity": self.tr("Kegiatan & inovasi"),
                "facility": self.tr("Fasilitas")}.get(c.area, c.area)
        return f"{area} — {n}, {when}"

    def _change_target(self, c: ChangeSummary) -> tuple:
        if c.area == "indicator" and c.indicator_no is not None:
            if c.data_year == self.session.year:
                return ("indicator", c.indicator_no)
            return ("indicator_year", c.indicator_no, c.data_year)
        if c.area in ("activity", "facility"):
            return ("page", "activities" if c.area == "activity" else "facilities")
        return ("none",)

    # ------------------------------------------------------------------ navigation

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if not target:
            return
        if target[0] == "indicator":
            self.session.indicator_requested.emit(target[1])
        elif target[0] == "indicator_year":
            self.session.set_year(target[2])
            self.session.indicator_requested.emit(target[1])
        elif target[0] == "page":
            self.page_requested.emit(target[1])

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        # Hidden (the clerk is typing on another page): remember, apply once when shown.
        self._pending = changes if self._pending is None else self._pending | changes
        if self.isVisible():
            self._apply_pending()

    def _on_session_year_changed(self, _year: int) -> None:
        self._pending = Changes.everything()
        if self.isVisible():
            self._apply_pending()

    def _apply_pending(self) -> None:
        changes, self._pending = self._pending, None
        if changes is None:
            return
        if changes.has("evidence", "activity", "facility", "template", "period"):
            # Counts and evidence of several indicators: one status read, only changed lines redrawn.
            self.refresh()
            return
        numbers = changes.indicator_numbers(self.session.year)
        if numbers:
            self.update_indicators(numbers)
        if changes.has("value", "entry", "bundle"):
            self._fill_changes()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        self._apply_pending()
        super().showEvent(event)
