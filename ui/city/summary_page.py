"""Ringkasan Kota: city completeness, indicator 2, kecamatan roll-ups, the kelurahan furthest behind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.records import KelurahanStatus
from ui.city.models import KecamatanModel
from ui.city.rollup import CityRollup, city_rollup, furthest_behind
from ui.city.session import CitySession
from ui.widgets.formatting import ID_LOCALE, fill, fmt_number, fmt_percent
from ui.widgets.kept_table import KeptTableView
from ui.widgets.labels import WrapLabel
from ui.widgets.style import scope_tree
from ui.widgets.unit_words import kecamatan_word, units_word


def card(layout: QVBoxLayout | QGridLayout, title: str, *pos: int) -> QVBoxLayout:
    frame = QFrame()
    frame.setObjectName("card")
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(14, 10, 14, 12)
    t = QLabel(title)
    t.setObjectName("sectionTitle")
    inner.addWidget(t)
    layout.addWidget(frame, *pos)
    return inner


def _touches_indicator2(changes: Changes) -> bool:
    """Whether ``changes`` may move indicator 2's measures (no indicators named: it may)."""
    from db.indicator2 import INDICATOR

    return not changes.indicators or any(no == INDICATOR for _year, no in changes.indicators)


class CitySummaryPage(QScrollArea):
    """See the module docstring."""

    kelurahan_requested = Signal(str)
    """The officer asked to see one kelurahan in the matrix; the argument is its code."""

    def __init__(self, session: CitySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # A kabupaten says "kabupaten" and "desa/kelurahan", a kota "kota" and "kelurahan" (DEKELA is a
        # Desa/Kelurahan Layak Anak: in a kabupaten most of them are desa).
        self.kabupaten = session.store.unit(session.store.city_code).kind == "kabupaten"
        self.units = units_word(session.store, capital=False)
        self.units_title = units_word(session.store)
        self._kec_short = kecamatan_word(session.store, short=True)  # "Kec." or "Distrik"
        self._kec = kecamatan_word(session.store)  # "Kecamatan", or "Distrik" in Papua's provinces
        self.rollup: CityRollup | None = None
        self._stale = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)

        top = QHBoxLayout()
        top.setSpacing(10)
        layout.addLayout(top)
        # Overall completeness.
        box = QVBoxLayout()
        c = card(box, self.tr("Kelengkapan kabupaten") if self.kabupaten else self.tr("Kelengkapan kota"))
        self.completeness = QLabel()
        self.completeness.setObjectName("headerTitle")
        self.completeness_bar = QProgressBar()
        self.completeness_bar.setObjectName("bigProgress")
        self.completeness_bar.setRange(0, 1000)
        self.completeness_bar.setTextVisible(False)
        self.counts = WrapLabel()
        self.counts.setObjectName("subtle")
        c.addWidget(self.completeness)
        c.addWidget(self.completeness_bar)
        c.addWidget(self.counts)
        top.addLayout(box, 3)
        # Unofficial score estimate.
        box = QVBoxLayout()
        c = card(box, self.tr("Perkiraan nilai kabupaten (tidak resmi)") if self.kabupaten
                 else self.tr("Perkiraan nilai kota (tidak resmi)"))
        self.score = QLabel()
        self.score.setObjectName("headerTitle")
        self.score_note = WrapLabel(fill(
            self.tr("Perkiraan milik kabupaten: kelengkapan data %1 ditimbang dengan bobot templat yang tidak resmi, "
                    "skala 0–1000. Bukan nilai evaluasi KemenPPPA.") if self.kabupaten else
            self.tr("Perkiraan milik kota: kelengkapan data %1 ditimbang dengan bobot templat yang tidak resmi, "
                    "skala 0–1000. Bukan nilai evaluasi KemenPPPA."), self.units))
        self.score_note.setObjectName("helpText")
        c.addWidget(self.score)
        c.addWidget(self.score_note)
        top.addLayout(box, 2)
        # Enrolment and inbox state.
        box = QVBoxLayout()
        c = card(box, self.tr("Pendaftaran dan kiriman"))
        self.enrolled = WrapLabel()
        self.pending = WrapLabel()
        c.addWidget(self.enrolled)
        c.addWidget(self.pending)
        c.addStretch(1)
        top.addLayout(box, 2)

        # Kelembagaan indicator 2, computed from the kelurahan's data and DP3AKB's KELANA records.
        box = QVBoxLayout()
        c = card(box, self.tr("Kelembagaan indikator 2: DEKELA, PATBM, Profil Anak, KELANA"))
        self.indicator2 = QTableWidget(0, 4)
        self.indicator2.verticalHeader().hide()
        self.indicator2.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicator2.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.indicator2.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.indicator2.horizontalHeader().setStretchLastSection(True)
        self.indicator2.setMinimumHeight(200)
        c.addWidget(self.indicator2)
        row = QHBoxLayout()
        note = WrapLabel(fill(self.tr("Arahkan tetikus ke angka untuk melihat %1 atau %2 yang dihitung."),
                           self.units, self._kec.lower()))
        note.setObjectName("helpText")
        self.kelana_button = QPushButton(self.tr("Catat KELANA…"))
        self.kelana_button.setToolTip(fill(self.tr("Status Kecamatan Layak Anak setiap %1 dan SK-nya"),
                                           self._kec.lower()))
        self.kelana_button.setEnabled(not session.read_only)
        row.addWidget(note, 1)
        row.addWidget(self.kelana_button)
        c.addLayout(row)
        layout.addLayout(box)

        lower = QHBoxLayout()
        lower.setSpacing(10)
        layout.addLayout(lower, 1)
        box = QVBoxLayout()
        c = card(box, fill(self.tr("Per %1"), self._kec.lower()))
        self.kecamatan_model = KecamatanModel(self)
        # "Distrik" in Papua's provinces, "Desa"/"Desa/Kelurahan" in a kabupaten.
        self.kecamatan_model.header_words = {KecamatanModel.COL_NAME: kecamatan_word(session.store),
                                             KecamatanModel.COL_KELURAHAN: units_word(session.store)}
        self.kecamatan_view = KeptTableView()
        self.kecamatan_view.setModel(self.kecamatan_model)
        self.kecamatan_view.verticalHeader().hide()
        self.kecamatan_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kecamatan_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kecamatan_view.setAlternatingRowColors(True)
        hh = self.kecamatan_view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The stretched last column ("Nilai*") is no narrower than the default section: at 100 pixels
        # its nine columns were wider than the card at 1366x768 (a sideways scroll bar).
        hh.setDefaultSectionSize(40)
        hh.setStretchLastSection(True)
        self.kecamatan_view.setWordWrap(False)
        self.kecamatan_view.setMinimumHeight(230)
        c.addWidget(self.kecamatan_view)
        note = WrapLabel(fill(self.tr("* perkiraan tidak resmi. Kelengkapan: rata-rata %1 di %2 itu."), self.units,
                           self._kec.lower()))
        note.setObjectName("helpText")
        c.addWidget(note)
        lower.addLayout(box, 2)

        box = QVBoxLayout()
        c = card(box, self.tr("Paling tertinggal"))
        self.behind = QListWidget()
        self.behind.setMinimumHeight(230)
        self.behind.setWordWrap(True)
        self.behind.setSpacing(3)
        self.behind.setToolTip(self.tr("Klik dua kali untuk melihatnya di matriks"))
        c.addWidget(self.behind)
        lower.addLayout(box, 1)

        self.behind.itemActivated.connect(self._on_behind_item_activated)
        self.kelana_button.clicked.connect(self.open_kelana)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(self._on_session_year_changed)
        session.statuses.rows_updated.connect(self._on_statuses_rows_updated)
        # Its share of the style sheet before its tables have rows: a sheet given to a card later restyles
        # the tables inside, and each would measure every row's width again for it (~10 M instructions).
        scope_tree(self, watch=False)
        self.refresh()

    def refresh(self, rows: list[KelurahanStatus] | None = None) -> None:
        """The roll-ups from the session's rows (kept current per kelurahan) and the inbox card."""
        self._refresh_rollup(self.session.statuses.rows() if rows is None else rows)
        self._refresh_indicator2()
        self._refresh_inbox()

    def _refresh_rollup(self, rows: list[KelurahanStatus]) -> None:
        # Plain Python over rows already read: no query here.
        s = self.session
        self.title.setText(self.tr("Ringkasan %1 · tahun data %2 (evaluasi %3)").replace("%1", s.city_name)
                           .replace("%2", str(s.year)).replace("%3", str(s.eval_year())))
        r = city_rollup(rows, s.template)
        self.rollup = r
        self.completeness.setText(fmt_percent(r.completeness * 100))
        self.completeness_bar.setValue(round(r.completeness * 1000))
        self.counts.setText(
            fill(self.tr("%1 %7 × %2 indikator: %3 siap, %4 lengkap, %5 sebagian, %6 belum diisi."),
                 fmt_number(r.kelurahan), fmt_number(len(s.template.indicators)), fmt_number(r.ready),
                 fmt_number(r.complete), fmt_number(r.partial), fmt_number(r.empty),
                 units_word(s.store, capital=False))
            + "\n" + self.tr("Tinjauan DP3AKB: %1 diterima, %2 perlu perbaikan.")
            .replace("%1", fmt_number(r.accepted)).replace("%2", fmt_number(r.needs_fix)))
        # One decimal, as the city report prints it ("1,8 dari 1.000"): the window and the paper agree.
        self.score.setText(self.tr("%1 dari 1.000").replace("%1", ID_LOCALE.toString(round(r.score_estimate, 1), "f", 1)))
        self.kecamatan_model.set_rows(list(r.kecamatan))
        self.behind.clear()
        for k in furthest_behind(rows, 6):
            empty, partial = k.tally.empty, k.tally.partial
            text = self.tr("%1 (%2 %3) — %4\n%5 indikator belum diisi, %6 sebagian") \
                .replace("%1", k.kelurahan_name).replace("%2", self._kec_short).replace("%3", k.kecamatan_name) \
                .replace("%4", fmt_percent(k.completeness * 100)).replace("%5", str(empty)).replace("%6", str(partial))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, k.kelurahan_code)
            self.behind.addItem(item)

    def _refresh_indicator2(self) -> None:
        """The measures for both data years of the period, with the units each one counts (three small queries)."""
        from db.indicator2 import MEASURES

        s = self.session
        years = s.store.period_for_data_year(s.year).data_years
        k = s.store.kelembagaan(years)
        names = {u.code: u.name for u in s.store.units()}
        words = {
            "dekela": fill(self.tr("%1 berstatus DEKELA"), self.units_title),
            "patbm": fill(self.tr("%1 yang memiliki PATBM"), self.units_title),
            "dekela_patbm": self.tr("DEKELA yang memiliki PATBM"),
            "profil": fill(self.tr("Profil Anak diperbarui (jawaban %1)"), self.units),
            "profil_dokumen": self.tr("Profil Anak tahun data terlampir"),
            "kelana": fill(self.tr("%1 berstatus KELANA (dicatat DP3AKB)"), self._kec),
        }
        t = self.indicator2
        t.setHorizontalHeaderLabels([self.tr("Ukuran")] + [self.tr("Tahun data %1").replace("%1", str(y))
                                                           for y in years] + [self.tr("Perubahan")])
        t.setRowCount(len(MEASURES))
        self.indicator2_measures = k
        for i, key in enumerate(MEASURES):
            t.setItem(i, 0, QTableWidgetItem(words[key]))
            for j, y in enumerate(years[:2]):
                m = k.measure(key, y)
                if not m.available:
                    item = QTableWidgetItem(self.tr("tidak ada di templat"))
                else:
                    text = self.tr("%1 dari %2 (%3)").replace("%1", str(len(m.counted))).replace(
                        "%2", str(len(m.base))).replace("%3", fmt_percent(m.value))
                    item = QTableWidgetItem(text)
                    listed = ", ".join(names.get(c, c) for c in m.counted) or self.tr("belum ada")
                    missing = len(m.base) - len(m.reported)
                    tip = self.tr("Dihitung: %1").replace("%1", listed)
                    if missing and key != "dekela_patbm":
                        tip += "\n" + (self.tr("%n belum dicatat DP3AKB", "", missing) if key == "kelana"
                                       else self.tr("%n kelurahan belum melaporkannya", "", missing))
                    item.setToolTip(tip)
                t.setItem(i, 1 + j, item)
            a, b = k.measure(key, years[0]), k.measure(key, years[-1])
            delta = "" if a.value is None or b.value is None or len(years) < 2 else \
                self.tr("%1 poin").replace("%1", ("+" if b.value - a.value > 0 else "") + fmt_number(
                    round(b.value - a.value, 1)))
            t.setItem(i, 3, QTableWidgetItem(delta))
        # No resizeColumnsToContents(): the header sizes the columns from their contents already, and that
        # call also sized the stretched last column, which then stayed narrow (after a KELANA save the table
        # shrank to its left part).

    def open_kelana(self) -> None:
        from ui.city.kelana_dialog import KelanaDialog

        dlg = KelanaDialog(self.session, self.session.year, self)
        dlg.saved.connect(lambda changes: self.session.notify(changes, self))
        dlg.finished.connect(lambda _r: self._refresh_indicator2())
        self.kelana_dialog = dlg
        dlg.open()

    def _refresh_inbox(self) -> None:
        """Enrolment and what waits in the inbox (a few small queries)."""
        store = self.session.store
        _keys, conflicts, missing_parts = store.inbox_counts()  # without loading the bundle machinery
        # As the "Kelurahan Terdaftar" page counts them: active units with an active key, of the active units.
        enrolled, active, revoked = store.enrolment_counts()
        text = fill(self.tr("%1 terdaftar (kunci aktif): %2 dari %3"), units_word(store), fmt_number(enrolled),
                    fmt_number(active))
        never = active - enrolled - revoked
        if never > 0:
            # A step not taken yet (a new workspace, the demo, whose units' bundles Pengingat Kiriman lists):
            # said calmly with where to take it. "… tidak punya kunci aktif: kiriman berikutnya ditolak"
            # greeted a new user of the demo as if 31 keys were lost.
            text += "\n" + fill(self.tr("%1 %2 belum didaftarkan: daftarkan di halaman “%3 Terdaftar” agar "
                                         "kirimannya bisa diimpor."),
                                 fmt_number(never), units_word(store, capital=False), units_word(store))
        if revoked:
            # The key warning, for what needs it: a key revoked (a laptop lost) and no new one yet.
            text += "\n" + fill(self.tr("%1 %2 kuncinya dicabut dan belum didaftarkan lagi: kiriman berikutnya "
                                         "ditolak. Daftarkan lagi di halaman “%3 Terdaftar” (untuk komputer "
                                         "pengganti: “Berkas pemulihan…”)."),
                                 fmt_number(revoked), units_word(store, capital=False), units_word(store))
        self.enrolled.setText(text)
        self.pending.setText(self.tr("Konflik menunggu keputusan: %1\nKiriman terpecah belum lengkap: %2")
                             .replace("%1", fmt_number(conflicts)).replace("%2", fmt_number(missing_parts)))

    def _on_behind_item_activated(self, item: QListWidgetItem) -> None:
        self.kelurahan_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        if changes.is_everything or changes.has("template"):
            self._refresh_when_shown()
            return
        if changes.has("kelana") or (changes.has("sync", "value", "entry", "evidence")
                                     and _touches_indicator2(changes)):
            # Indicator 2's measures read indicator 2 only: a review or a value of another
            # indicator leaves them as they are (a whole-city query saved per review).
            if self.isVisible():
                self._refresh_indicator2()
            else:
                self._stale = True
        elif changes.has("key", "sync", "conflict"):
            # Enrolment and the inbox card (a few small queries); the kelurahan rows of an import or
            # a review arrive through rows_updated.
            self._refresh_inbox()

    def _on_session_year_changed(self, _year: int) -> None:
        self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _on_statuses_rows_updated(self, year: int, codes: frozenset[str]) -> None:
        if year != self.session.year:
            return
        if self.isVisible():
            self._refresh_rollup(self.session.statuses.rows())
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
