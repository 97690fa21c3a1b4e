"""The kelurahan office's main window: header, navigation, pages, undo, safe close."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from ui.app_settings import AppSettings
from ui.session import Session, kla_error_text
from ui.widgets import icons
from ui.widgets.formatting import fill, fmt_stamp
from ui.widgets.lazy_stack import LazyStack
from ui.widgets.style import scope_window
from ui.widgets.unit_words import unit_title

if TYPE_CHECKING:
    from ui.activities.activities_page import ActivitiesPage
    from ui.entry.indicator_page import IndicatorPage
    from ui.evidence.thumbnails import ThumbnailCache
    from ui.facilities.facilities_page import FacilitiesPage
    from ui.home.home_page import HomePage
    from ui.outbox.outbox_page import OutboxPage
    from ui.reports.reports_page import ReportsPage
    from ui.settings.settings_page import SettingsPage

PAGES = ("home", "indicators", "activities", "facilities", "outbox", "reports", "settings")


class Header(QFrame):
    """Kelurahan, kecamatan, period/year switch, operator, last export."""

    operator_change_requested = Signal()
    """The clerk clicked "Ganti petugas"."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("header")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(18)
        s = session.store
        kel = s.kelurahan(session.kelurahan_code)
        kec = s.unit(kel.parent_code or "")
        names = QVBoxLayout()
        names.setSpacing(0)
        # "Desa Perian" / "Kelurahan Manggar", then its kecamatan and kab/kota: never a fixed city.
        self.title = QLabel(unit_title(kel.code, kel.name))
        self.title.setObjectName("headerTitle")
        self.title.setToolTip(kel.code)
        self.place = QLabel(fill(self.tr("%1 · %2"), unit_title(kec.code, kec.name), s.unit(s.city_code).name))
        self.place.setObjectName("subtle")
        names.addWidget(self.title)
        names.addWidget(self.place)
        layout.addLayout(names)
        layout.addStretch(1)

        year_box = QVBoxLayout()
        year_box.setSpacing(2)
        year_label = QLabel(self.tr("Periode evaluasi / tahun data"))
        year_label.setObjectName("subtle")
        self.year_combo = QComboBox()
        for p in s.periods():
            for y in p.data_years:
                self.year_combo.addItem(self.tr("Evaluasi %1 · data %2").replace("%1", str(p.eval_year))
                                        .replace("%2", str(y)), y)
        self.year_combo.setCurrentIndex(self.year_combo.findData(session.year))
        self.year_combo.setToolTip(self.tr("Data tahun berapa yang sedang diisi"))
        year_label.setBuddy(self.year_combo)
        year_box.addWidget(year_label)
        year_box.addWidget(self.year_combo)
        layout.addLayout(year_box)

        op_box = QVBoxLayout()
        op_box.setSpacing(2)
        op_label = QLabel(self.tr("Petugas"))
        op_label.setObjectName("subtle")
        op_row = QHBoxLayout()
        self.operator = QLabel()
        self.operator.setObjectName("fieldLabel")
        self.change_operator = QPushButton(self.tr("Ganti"))
        self.change_operator.setToolTip(self.tr("Ganti nama petugas yang sedang mengisi"))
        op_row.addWidget(self.operator)
        op_row.addWidget(self.change_operator)
        op_box.addWidget(op_label)
        op_box.addLayout(op_row)
        layout.addLayout(op_box)

        export_box = QVBoxLayout()
        export_box.setSpacing(2)
        ex_label = QLabel(self.tr("Kiriman terakhir"))
        ex_label.setObjectName("subtle")
        self.last_export = QLabel()
        export_box.addWidget(ex_label)
        export_box.addWidget(self.last_export)
        layout.addLayout(export_box)

        self.read_only = QLabel(self.tr("HANYA-BACA"))
        self.read_only.setObjectName("errorText")
        self.read_only.setToolTip(kla_error_text(KlaError("read_only")))
        self.read_only.setVisible(session.read_only)
        layout.addWidget(self.read_only)

        self.year_combo.activated.connect(self._on_year_combo_activated)
        self.change_operator.clicked.connect(self.operator_change_requested)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(lambda _year: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        s = self.session.store
        self.operator.setText(s.operator or self.tr("(belum diisi)"))
        last = s.meta("last_export_at", "")
        self.last_export.setText(fmt_stamp(last) if last else self.tr("belum pernah"))
        i = self.year_combo.findData(self.session.year)
        if i >= 0 and i != self.year_combo.currentIndex():
            self.year_combo.setCurrentIndex(i)

    def _on_year_combo_activated(self, index: int) -> None:
        year = int(self.year_combo.itemData(index))
        if year != self.session.year and not self.session.confirm_leave():
            # Typed text not stored yet and the clerk chose to go back to it: stay on this year.
            self.year_combo.setCurrentIndex(self.year_combo.findData(self.session.year))
            return
        self.session.set_year(year)

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        # The operator's name and when the last bundle was written.
        if changes.has("operator", "bundle"):
            self.refresh()


class MainWindow(QMainWindow):
    """See the module docstring."""

    language_changed = Signal(str)
    """The clerk chose another language ('id' or 'en'); it applies at the next start."""

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None,
                 on_closed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        session.dialogs.remember_in(settings)  # file dialogs open in the folder last used for that kind of file
        self._on_closed = on_closed
        self._closing_checked = False
        own = session.store.kelurahan(session.kelurahan_code)
        self.setWindowTitle(fill(self.tr("KLA Desktop — %1"), unit_title(own.code, own.name)))
        self.setMinimumSize(QSize(960, 600))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = Header(session)
        outer.addWidget(self.header)
        body = QHBoxLayout()
        body.setSpacing(0)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.nav = QListWidget()
        self.nav.setObjectName("sidebar")
        self.nav.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a menu: nothing to rename
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setAccessibleName(self.tr("Navigasi"))
        self.stack = LazyStack()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)

        self._thumbnails: ThumbnailCache | None = None
        # Pages are built the first time they are shown (LazyStack): start-up builds Beranda only.
        pages = [
            ("home", self.tr("Beranda"), "home", self._make_home_page),
            ("indicators", self.tr("Indikator"), "indicators", self._make_indicator_page),
            ("activities", self.tr("Kegiatan & Inovasi"), "activities", self._make_activities_page),
            ("facilities", self.tr("Fasilitas"), "facilities", self._make_facilities_page),
            ("outbox", self.tr("Kiriman"), "outbox", self._make_outbox_page),
            ("reports", self.tr("Laporan"), "reports", self._make_reports_page),
            ("settings", self.tr("Pengaturan"), "settings", self._make_settings_page),
        ]
        width = 0
        for i, (name, label, icon_name, factory) in enumerate(pages, start=1):
            item = QListWidgetItem(icons.icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{label} (Ctrl+{i})")
            self.nav.addItem(item)
            self.stack.add_page(name, factory)
            width = max(width, self.nav.fontMetrics().horizontalAdvance(label))
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            act.triggered.connect(lambda _c=False, n=name: self.show_page(n))
            self.addAction(act)
        self.nav.setFixedWidth(width + 22 + 64)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.nav.setCurrentRow(0)
        # The keyboard starts in the navigation, not on "Periode evaluasi / tahun data" (the first widget in
        # the tab order): there an arrow key or a wheel turn switched the whole window to another data year.
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

        self.undo_action = QAction(icons.icon("undo"), self.tr("Urungkan"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self.redo_action = QAction(self.tr("Ulangi"), self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        self.addAction(self.redo_action)

        self.statusBar().showMessage(self.tr("Semua isian tersimpan otomatis."))
        self.header.operator_change_requested.connect(self.ask_operator)
        session.indicator_requested.connect(self.open_indicator)
        session.error_raised.connect(self._on_session_error_raised)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
            room = self.screen().availableGeometry() if self.screen() is not None else None
            if room is not None and room.width() >= 1000 and (self.width() > room.width()
                                                              or self.height() > room.height()):
                # Saved at another display scaling (100% then 125%): never wider than the screen.
                self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            if screen is None:
                self.resize(1280, 720)
            else:
                self.resize(min(1280, screen.width()), min(720, screen.height()))
            if screen is not None and 1000 <= screen.width() <= 1440:
                # An office PC at 1366x768, at 100% or 125% (1093 px): the first start fills the screen.
                self.setWindowState(Qt.WindowState.WindowMaximized)
        scope_window(self)  # each widget's share of the style sheet (ui/widgets/style.py)

    # ------------------------------------------------------------------ pages (built when first needed)

    @property
    def thumbnails(self) -> ThumbnailCache:
        """The evidence thumbnails shared by the pages with an evidence panel (QtPdf loads with it)."""
        if self._thumbnails is None:
            from ui.evidence.thumbnails import ThumbnailCache

            self._thumbnails = ThumbnailCache(self.session.home / "cache" / "thumbs",
                                              self.session.store.evidence_path, self)
        return self._thumbnails

    def _make_home_page(self) -> QWidget:
        from ui.home.home_page import HomePage

        page = HomePage(self.session)
        page.page_requested.connect(self.show_page)
        return page

    def _make_indicator_page(self) -> QWidget:
        from ui.entry.indicator_page import IndicatorPage

        return IndicatorPage(self.session, self.thumbnails)

    def _make_activities_page(self) -> QWidget:
        from ui.activities.activities_page import ActivitiesPage

        return ActivitiesPage(self.session, self.thumbnails)

    def _make_facilities_page(self) -> QWidget:
        from ui.facilities.facilities_page import FacilitiesPage

        return FacilitiesPage(self.session, self.thumbnails)

    def _make_outbox_page(self) -> QWidget:
        from ui.outbox.outbox_page import OutboxPage

        return OutboxPage(self.session)

    def _make_reports_page(self) -> QWidget:
        from ui.reports.reports_page import ReportsPage

        return ReportsPage(self.session)

    def _make_settings_page(self) -> QWidget:
        from ui.settings.settings_page import SettingsPage

        page = SettingsPage(self.session, self.settings)
        page.reopen_requested.connect(self._on_settings_restored)
        page.language_changed.connect(self.language_changed)
        return page

    @property
    def home_page(self) -> HomePage:
        return self.stack.page("home")  # type: ignore[return-value]

    @property
    def indicator_page(self) -> IndicatorPage:
        return self.stack.page("indicators")  # type: ignore[return-value]

    @property
    def activities_page(self) -> ActivitiesPage:
        return self.stack.page("activities")  # type: ignore[return-value]

    @property
    def facilities_page(self) -> FacilitiesPage:
        return self.stack.page("facilities")  # type: ignore[return-value]

    @property
    def outbox_page(self) -> OutboxPage:
        return self.stack.page("outbox")  # type: ignore[return-value]

    @property
    def reports_page(self) -> ReportsPage:
        return self.stack.page("reports")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.stack.page("settings")  # type: ignore[return-value]

    def built_pages(self) -> dict[str, QWidget]:
        """The pages opened so far (the others hold nothing to save or stop)."""
        return self.stack.built()

    # ------------------------------------------------------------------ navigation

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))

    def _on_nav_row_changed(self, row: int) -> None:
        here = self.stack.currentIndex()
        if 0 <= here != row and not self._may_leave(PAGES[here]):
            self._nav_back_to(here)
            # And again once the click that chose the other page is over (its release selected that row).
            QTimer.singleShot(0, lambda: self._nav_back_to(here))
            return
        if 0 <= here != row:
            # One page's message ("Tidak ada yang disalin…" of Indikator) does not stay on another.
            self.statusBar().showMessage(self.tr("Semua isian tersimpan otomatis."))
        self.stack.show_index(row)

    def _nav_back_to(self, row: int) -> None:
        """The navigation marks the page still shown (the page and its refused text stay)."""
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)

    def _may_leave(self, name: str) -> bool:
        """Leaving a page whose form holds text that was refused (a coordinate, a date, a cell): asked
        first, as another indicator or record is (it went without a word, the old value going out in the
        next export while the page seemed to hold the new one). "Buang dan pindah" shows what is stored."""
        if self.session.read_only or name not in ("indicators", "activities", "facilities") or \
                not self.stack.is_built(name):
            return True
        page = self.built_pages()[name]
        if name == "indicators":
            problems = self.indicator_page.form.unsaved_problems()
        else:
            page.flush()  # type: ignore[attr-defined]  # what can be stored is stored
            problems = page.unsaved_problems()  # type: ignore[attr-defined]
        if not problems:
            return True
        text = self.tr("Ada isian yang belum tersimpan karena belum benar:\n\n%1\n\nYang tersimpan masih isian "
                       "sebelumnya, dan itulah yang terkirim ke DP3AKB. Pindah halaman dan buang isian yang belum "
                       "benar itu?").replace("%1", "\n".join(problems[:8]))
        if not self.session.dialogs.confirm(self, self.tr("Isian belum tersimpan"), text,
                                            self.tr("Buang dan pindah"), self.tr("Kembali memperbaiki")):
            return False
        if name == "indicators":
            self.indicator_page.form.drop_unsaved()
        else:
            page.drop_unsaved()  # type: ignore[attr-defined]
        return True

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def open_indicator(self, no: int) -> None:
        self.show_page("indicators")
        self.indicator_page.open_indicator(no)

    # ------------------------------------------------------------------ undo

    def undo(self) -> None:
        stack = self.session.undo_stack
        if not stack.canUndo():
            self.statusBar().showMessage(self.tr("Tidak ada yang bisa diurungkan."), 4000)
            return
        if self.stack.is_built("indicators"):
            self.indicator_page.flush()
        text = stack.undoText()
        stack.undo()
        self.statusBar().showMessage(self.tr("Diurungkan: %1").replace("%1", text), 6000)

    def redo(self) -> None:
        if self.session.undo_stack.canRedo():
            self.session.undo_stack.redo()

    def _on_settings_restored(self) -> None:
        # The store was replaced by a backup: old undo steps no longer apply.
        self.session.undo_stack.clear()
        self.session.notify(Changes.everything())
        self.statusBar().showMessage(self.tr("Cadangan dipulihkan."), 8000)

    def _on_session_error_raised(self, text: str) -> None:
        self.session.dialogs.error(self, self.tr("Tidak bisa"), text)

    # ------------------------------------------------------------------ operator

    def ask_operator(self) -> None:
        self.session.ask_operator(self, self.tr("Petugas"), self.tr("Nama Anda (petugas yang mengisi data):"))

    # ------------------------------------------------------------------ closing

    def flush(self) -> None:
        """Save every typed-but-unsaved input (only pages that were opened can hold any)."""
        built = self.built_pages()
        for name in ("indicators", "activities", "facilities", "settings"):
            if name in built:
                built[name].flush()  # type: ignore[attr-defined]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush()
        built = self.built_pages()
        problems = self.indicator_page.form.unsaved_problems() if "indicators" in built else []
        where = "indicators" if problems else ""
        for name in ("activities", "facilities"):  # a refused date or coordinate there too
            if name in built:
                theirs = built[name].unsaved_problems()  # type: ignore[attr-defined]
                where = where or (name if theirs else "")
                problems += theirs
        if problems and not self.session.read_only:
            text = self.tr("Ada isian yang belum tersimpan karena belum benar:\n\n%1\n\nTutup saja dan buang isian itu?")
            if not self.session.dialogs.confirm(self, self.tr("Isian belum tersimpan"),
                                                text.replace("%1", "\n".join(problems[:8])),
                                                self.tr("Tutup saja"), self.tr("Kembali memperbaiki")):
                event.ignore()
                if where:
                    self.show_page(where)  # back to the refused text, not wherever the clerk was
                return
        # Let background imports end (they write through their own connection).
        panels = [built[n].evidence for n in ("indicators", "activities", "facilities")  # type: ignore[attr-defined]
                  if n in built]
        for panel in panels:
            if panel.task is not None and panel.task.running:
                panel.task.cancel()
        QThreadPool.globalInstance().waitForDone(15000)
        self.settings.set_geometry(self.saveGeometry())
        event.accept()
        if self._on_closed is not None:
            self._on_closed()
