"""The DP3AKB (city) main window: header, navigation, pages, safe close."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QThreadPool, Signal
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
from ui.city.session import CitySession
from ui.session import kla_error_text
from ui.widgets import icons
from ui.widgets.formatting import fill
from ui.widgets.lazy_stack import LazyStack
from ui.widgets.style import scope_window
from ui.widgets.unit_words import units_word
from ui.widgets.window_size import place_on_screen

if TYPE_CHECKING:
    from ui.city.chase_page import ChasePage
    from ui.city.enrolled_page import EnrolledPage
    from ui.city.figures_page import CityFiguresPage
    from ui.city.inbox_page import InboxPage
    from ui.city.matrix_page import CityMatrixPage
    from ui.city.reports_page import CityReportsPage
    from ui.city.rubric_page import RubricPage
    from ui.city.summary_page import CitySummaryPage
    from ui.city.template_page import TemplatePage
    from ui.settings.settings_page import SettingsPage

PAGES = ("summary", "figures", "matrix", "chase", "inbox", "enrolled", "template", "rubric", "reports", "settings")


class CityHeader(QFrame):
    """City, office, data year switch, operator."""

    operator_change_requested = Signal()
    """The officer clicked "Ganti" next to the operator's name."""

    def __init__(self, session: CitySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("header")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(18)
        s = session.store
        names = QVBoxLayout()
        names.setSpacing(0)
        self.title = QLabel(session.city_name)
        self.title.setObjectName("headerTitle")
        self.title.setToolTip(s.city_code)
        self.place = QLabel(fill(self.tr("DP3AKB · rekap Kabupaten/Kota Layak Anak dari %1"),
                                 units_word(session.store, capital=False)))
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
        self.year_combo.setToolTip(self.tr("Data tahun berapa yang sedang direkap"))
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
        self.change_operator.setToolTip(self.tr("Ganti nama petugas DP3AKB"))
        op_row.addWidget(self.operator)
        op_row.addWidget(self.change_operator)
        op_box.addWidget(op_label)
        op_box.addLayout(op_row)
        layout.addLayout(op_box)

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
        self.operator.setText(self.session.store.operator or self.tr("(belum diisi)"))
        i = self.year_combo.findData(self.session.year)
        if i >= 0 and i != self.year_combo.currentIndex():
            self.year_combo.setCurrentIndex(i)

    def _on_year_combo_activated(self, index: int) -> None:
        self.session.set_year(int(self.year_combo.itemData(index)))

    def _on_session_data_changed(self, changes: Changes, _handler: object) -> None:
        if changes.has("operator"):
            self.refresh()


class CityWindow(QMainWindow):
    """See the module docstring."""

    language_changed = Signal(str)
    """The officer chose another language ('id' or 'en'); it applies at the next start."""

    def __init__(self, session: CitySession, settings: AppSettings, parent: QWidget | None = None,
                 on_closed: Callable[[], None] | None = None, open_file: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        session.dialogs.remember_in(settings)  # file dialogs open in the folder last used for that kind of file
        self._on_closed = on_closed
        self.setWindowTitle(self.tr("KLA Desktop — DP3AKB %1").replace("%1", session.city_name))
        self.setMinimumSize(QSize(960, 600))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = CityHeader(session)
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

        self._open_file = open_file
        # Pages are built the first time they are shown (LazyStack): start-up builds the summary only.
        kabupaten = session.store.unit(session.store.city_code).kind == "kabupaten"
        pages = [
            ("summary", self.tr("Ringkasan Kabupaten") if kabupaten else self.tr("Ringkasan Kota"), "home",
             self._make_summary_page),
            ("figures", self.tr("Profil Anak Kabupaten") if kabupaten else self.tr("Profil Anak Kota"), "activities",
             self._make_figures_page),
            ("matrix", fill(self.tr("%1 × Indikator"), units_word(session.store)), "indicators",
             self._make_matrix_page),
            ("chase", self.tr("Pengingat Kiriman"), "missing", self._make_chase_page),
            ("inbox", self.tr("Kotak Masuk"), "outbox", self._make_inbox_page),
            ("enrolled", fill(self.tr("%1 Terdaftar"), units_word(session.store)), "user", self._make_enrolled_page),
            ("template", self.tr("Template"), "file", self._make_template_page),
            ("rubric", fill(self.tr("Rubrik %1"), units_word(session.store)), "check", self._make_rubric_page),
            ("reports", self.tr("Laporan"), "reports", self._make_reports_page),
            ("settings", self.tr("Pengaturan"), "settings", self._make_settings_page),
        ]
        width = 0
        for i, (name, label, icon_name, factory) in enumerate(pages, start=1):
            item = QListWidgetItem(icons.icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            key = str(i % 10)  # the tenth page is Ctrl+0
            item.setToolTip(f"{label} (Ctrl+{key})")
            self.nav.addItem(item)
            self.stack.add_page(name, factory)
            width = max(width, self.nav.fontMetrics().horizontalAdvance(label))
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{key}"))
            act.triggered.connect(lambda _c=False, n=name: self.show_page(n))
            self.addAction(act)
        self.nav.setFixedWidth(width + 22 + 64)
        self.nav.currentRowChanged.connect(self.stack.show_index)
        self.nav.setCurrentRow(0)
        # The keyboard starts in the navigation, not on "Periode evaluasi / tahun data" (the first widget in
        # the tab order): there an arrow key or a wheel turn switched the whole window to another data year.
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

        self.statusBar().showMessage(self.tr("Semua tinjauan tersimpan otomatis."))
        # A page's message (a template saved, a backup restored) belongs to that page: another page
        # shows the standing line again instead of the last page's news.
        self.nav.currentRowChanged.connect(
            lambda _row: self.statusBar().showMessage(self.tr("Semua tinjauan tersimpan otomatis.")))
        self.header.operator_change_requested.connect(self.ask_operator)
        session.error_raised.connect(self._on_session_error_raised)
        place_on_screen(self, settings.geometry())
        scope_window(self)  # each widget's share of the style sheet (ui/widgets/style.py)

    # ------------------------------------------------------------------ pages (built when first needed)

    def _make_summary_page(self) -> QWidget:
        from ui.city.summary_page import CitySummaryPage

        page = CitySummaryPage(self.session)
        page.kelurahan_requested.connect(self.show_kelurahan)
        return page

    def _make_figures_page(self) -> QWidget:
        from ui.city.figures_page import CityFiguresPage

        return CityFiguresPage(self.session)

    def _make_chase_page(self) -> QWidget:
        from ui.city.chase_page import ChasePage

        return ChasePage(self.session)

    def _make_matrix_page(self) -> QWidget:
        from ui.city.matrix_page import CityMatrixPage

        return CityMatrixPage(self.session, self._open_file)

    def _make_inbox_page(self) -> QWidget:
        from ui.city.inbox_page import InboxPage

        return InboxPage(self.session)

    def _make_enrolled_page(self) -> QWidget:
        from ui.city.enrolled_page import EnrolledPage

        return EnrolledPage(self.session)

    def _make_template_page(self) -> QWidget:
        from ui.city.template_page import TemplatePage

        return TemplatePage(self.session)

    def _make_rubric_page(self) -> QWidget:
        from ui.city.rubric_page import RubricPage

        return RubricPage(self.session)

    def _make_reports_page(self) -> QWidget:
        from ui.city.reports_page import CityReportsPage

        return CityReportsPage(self.session)

    def _make_settings_page(self) -> QWidget:
        from ui.settings.settings_page import SettingsPage

        page = SettingsPage(self.session, self.settings)  # type: ignore[arg-type] - duck-typed session
        page.reopen_requested.connect(self._on_settings_restored)
        page.language_changed.connect(self.language_changed)
        return page

    @property
    def summary_page(self) -> CitySummaryPage:
        return self.stack.page("summary")  # type: ignore[return-value]

    @property
    def figures_page(self) -> CityFiguresPage:
        return self.stack.page("figures")  # type: ignore[return-value]

    @property
    def chase_page(self) -> ChasePage:
        return self.stack.page("chase")  # type: ignore[return-value]

    @property
    def matrix_page(self) -> CityMatrixPage:
        return self.stack.page("matrix")  # type: ignore[return-value]

    @property
    def inbox_page(self) -> InboxPage:
        return self.stack.page("inbox")  # type: ignore[return-value]

    @property
    def enrolled_page(self) -> EnrolledPage:
        return self.stack.page("enrolled")  # type: ignore[return-value]

    @property
    def template_page(self) -> TemplatePage:
        return self.stack.page("template")  # type: ignore[return-value]

    @property
    def rubric_page(self) -> RubricPage:
        return self.stack.page("rubric")  # type: ignore[return-value]

    @property
    def reports_page(self) -> CityReportsPage:
        return self.stack.page("reports")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.stack.page("settings")  # type: ignore[return-value]

    def built_pages(self) -> dict[str, QWidget]:
        """The pages opened so far."""
        return self.stack.built()

    # ------------------------------------------------------------------ navigation

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def show_kelurahan(self, code: str) -> None:
        self.show_page("matrix")
        self.matrix_page.show_kelurahan(code)

    def _on_settings_restored(self) -> None:
        self.session.notify(Changes.everything())
        self.statusBar().showMessage(self.tr("Cadangan dipulihkan."), 8000)

    def _on_session_error_raised(self, text: str) -> None:
        self.session.dialogs.error(self, self.tr("Tidak bisa"), text)

    # ------------------------------------------------------------------ operator

    def ask_operator(self) -> None:
        self.session.ask_operator(self, self.tr("Petugas"), self.tr("Nama Anda (petugas DP3AKB):"))

    # ------------------------------------------------------------------ closing

    def background_tasks(self) -> list:
        pages = self.built_pages().values()
        return [t for t in [getattr(p, "task", None) for p in pages] + [self.session.statuses.task]
                if t is not None]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The review dialog first: a note typed there is asked about, and "Kembali" (Escape) goes back to
        # it with the window left open (the window closed anyway and the note was lost).
        matrix = self.built_pages().get("matrix")
        detail = matrix.detail if matrix is not None else None  # type: ignore[attr-defined]
        if detail is not None and detail.isVisible() and not detail.close():
            event.ignore()
            self.show_page("matrix")
            detail.raise_()
            detail.activateWindow()
            return
        refused = ""
        for name, page in self.built_pages().items():
            flush = getattr(page, "flush", None)
            # What was typed and not yet stored (the template's wording, a contact, the deadline); False:
            # refused, the reason already shown.
            if callable(flush) and flush() is False:
                refused = refused or name
        if refused and not self.session.read_only and not self.session.dialogs.confirm(
                self, self.tr("Isian belum tersimpan"),
                self.tr("Ada isian yang belum bisa disimpan (alasannya sudah ditampilkan). Tutup saja dan buang "
                        "isian itu?"), self.tr("Tutup saja"), self.tr("Kembali memperbaiki")):
            event.ignore()
            self.show_page(refused)
            return
        for task in self.background_tasks():
            if task.running:
                task.cancel()
        QThreadPool.globalInstance().waitForDone(15000)
        self.settings.set_geometry(self.saveGeometry())
        event.accept()
        if self._on_closed is not None:
            self._on_closed()
