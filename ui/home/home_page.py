"""Beranda: how far the kelurahan is, and what to do next — each line opens its form."""

from __future__ import annotations

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

from db.records import KelurahanStatus
from ui.home.changes import AUDIT_LIMIT, ChangeSummary, summarise_changes
from ui.session import Change, Session
from ui.widgets import icons
from ui.widgets.formatting import fmt_stamp

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
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
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
        self.overall = QProgressBar()
        self.overall.setRange(0, 100)
        self.overall.setObjectName("bigProgress")
        self.overall.setFormat("%p%")
        cl.addWidget(self.overall)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setObjectName("subtle")
        cl.addWidget(self.counts)
        left.addWidget(card)
        clusters_card = QFrame()
        clusters_card.setObjectName("card")
        self.cluster_grid = QGridLayout(clusters_card)
        self.cluster_grid.setColumnStretch(0, 1)
        self.cluster_grid.setHorizontalSpacing(10)
        left.addWidget(clusters_card)
        self._cluster_bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        ct = QLabel(self.tr("Per klaster"))
        ct.setObjectName("sectionTitle")
        self.cluster_grid.addWidget(ct, 0, 0, 1, 2)
        for r, c in enumerate(session.template.clusters, start=1):
            name = QLabel(c.name)
            name.setWordWrap(True)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setFixedWidth(150)
            bar.setFormat("%p%")
            self.cluster_grid.addWidget(name, r, 0)
            self.cluster_grid.addWidget(bar, r, 1)
            self._cluster_bars[c.key] = (name, bar)
        left.addStretch(1)

        # Right: what to do.
        right = QVBoxLayout()
        columns.addLayout(right, 6)
        self.todo = self._make_list(right, self.tr("Perlu dilengkapi"),
                                    self.tr("Isian wajib atau data dukung yang belum ada. Klik untuk membuka."))
        self.too_old = self._make_list(right, self.tr("Data dukung terlalu lama untuk periode ini"), "", 1)
        self.changed = self._make_list(right, self.tr("Berubah sejak kiriman terakhir"), "", 2)
        session.data_changed.connect(self._on_session_data_changed)
        self.refresh()

    def _make_list(self, layout: QVBoxLayout, title: str, hint: str, stretch: int = 3) -> QListWidget:
        lab = QLabel(title)
        lab.setObjectName("sectionTitle")
        layout.addWidget(lab)
        if hint:
            h = QLabel(hint)
            h.setObjectName("helpText")
            h.setWordWrap(True)
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
        s = self.session
        st = s.store.status(s.kelurahan_code, s.year)
        self.title.setText(self.tr("Ringkasan Kelurahan %1 — tahun data %2 (evaluasi %3)")
                           .replace("%1", st.kelurahan_name).replace("%2", str(s.year))
                           .replace("%3", str(s.eval_year())))
        self.overall.setValue(round(st.completeness * 100))
        self.counts.setText(
            self.tr("%1 dari %2 indikator siap dikirim · %3 data dukung · %4 kegiatan/inovasi · %5 fasilitas")
            .replace("%1", str(st.ready_count)).replace("%2", str(len(st.indicators)))
            .replace("%3", str(st.evidence_count)).replace("%4", str(st.activity_count))
            .replace("%5", str(st.facility_count)))
        for c in st.clusters:
            if c.key in self._cluster_bars:
                self._cluster_bars[c.key][1].setValue(round(c.completeness * 100))
        self._fill_todo(st)
        self._fill_changes()

    def _add(self, lst: QListWidget, text: str, target: tuple, icon: str, tip: str = "") -> None:
        item = QListWidgetItem(icons.icon(icon), text)
        item.setData(TARGET_ROLE, target)
        item.setToolTip(tip or text)
        lst.addItem(item)

    def _fill_todo(self, st: KelurahanStatus) -> None:
        self.todo.clear()
        self.too_old.clear()
        t = self.session.template
        for ist in st.indicators:
            ind = t.indicator(ist.indicator_no)
            parts = []
            if ist.missing_items:
                parts.append(self.tr("%n isian wajib kosong", "", len(ist.missing_items)))
            if ist.problems:
                parts.append(self.tr("%n angka perlu diperiksa", "", len(ist.problems)))
            if ist.missing_evidence:
                parts.append(self.tr("data dukung kurang: %1").replace(
                    "%1", ", ".join(g.label for g in ist.missing_evidence)))
            if parts:
                self._add(self.todo, f"{ind.no}. {ind.short_name} — " + "; ".join(parts),
                          ("indicator", ind.no), "missing", ind.title)
            if ist.too_old_evidence:
                self._add(self.too_old, f"{ind.no}. {ind.short_name} — " + self.tr(
                    "%n berkas terlalu lama", "", ist.too_old_evidence), ("indicator", ind.no), "warning")
        if self.todo.count() == 0:
            self._add(self.todo, self.tr("Semua isian wajib dan data dukung sudah ada."), ("none",), "check")
        if self.too_old.count() == 0:
            self._add(self.too_old, self.tr("Tidak ada."), ("none",), "check")

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

    def _on_session_data_changed(self, _change: Change) -> None:
        # Cheap enough (one status query + one audit read) and always right.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        if getattr(self, "_stale", False):
            self._stale = False
            self.refresh()
        super().showEvent(event)
