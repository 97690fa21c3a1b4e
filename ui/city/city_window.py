"""The DP3AKB (city) main window: header, navigation, pages, safe close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from ui.app_settings import AppSettings
from ui.city.enrolled_page import EnrolledPage
from ui.city.inbox_page import InboxPage
from ui.city.matrix_page import CityMatrixPage
from ui.city.reports_page import CityReportsPage
from ui.city.session import CitySession
from ui.city.summary_page import CitySummaryPage
from ui.session import kla_error_text
from ui.settings.settings_page import SettingsPage
from ui.widgets import icons

PAGES = ("summary", "matrix", "inbox", "enrolled", "reports", "settings")


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
        self.place = QLabel(self.tr("DP3AKB · rekap Kabupaten/Kota Layak Anak dari kelurahan"))
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
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setAccessibleName(self.tr("Navigasi"))
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)

        self.summary_page = CitySummaryPage(session)
        self.matrix_page = CityMatrixPage(session, open_file)
        self.inbox_page = self._make_inbox_page()
        self.enrolled_page = self._make_enrolled_page()
        self.reports_page = CityReportsPage(session)
        self.settings_page = SettingsPage(session, settings)  # type: ignore[arg-type] - duck-typed session
        pages = [
            ("summary", self.tr("Ringkasan Kota"), "home", self.summary_page),
            ("matrix", self.tr("Kelurahan × Indikator"), "indicators", self.matrix_page),
            ("inbox", self.tr("Kotak Masuk"), "outbox", self.inbox_page),
            ("enrolled", self.tr("Kelurahan Terdaftar"), "user", self.enrolled_page),
            ("reports", self.tr("Laporan"), "reports", self.reports_page),
            ("settings", self.tr("Pengaturan"), "settings", self.settings_page),
        ]
        width = 0
        for i, (name, label, icon_name, page) in enumerate(pages, start=1):
            item = QListWidgetItem(icons.icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{label} (Ctrl+{i})")
            self.nav.addItem(item)
            self.stack.addWidget(page)
            width = max(width, self.nav.fontMetrics().horizontalAdvance(label))
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            act.triggered.connect(lambda _c=False, n=name: self.show_page(n))
            self.addAction(act)
        self.nav.setFixedWidth(width + 22 + 64)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        self.statusBar().showMessage(self.tr("Semua tinjauan tersimpan otomatis."))
        self.header.operator_change_requested.connect(self.ask_operator)
        self.summary_page.kelurahan_requested.connect(self.show_kelurahan)
        self.settings_page.reopen_requested.connect(self._on_settings_restored)
        self.settings_page.language_changed.connect(self.language_changed)
        session.error_raised.connect(self._on_session_error_raised)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    def _make_inbox_page(self) -> QWidget:
        return InboxPage(self.session)

    def _make_enrolled_page(self) -> QWidget:
        return EnrolledPage(self.session)

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
        name = self.session.dialogs.ask_text(
            self, self.tr("Petugas"), self.tr("Nama Anda (petugas DP3AKB):"), self.session.store.operator)
        if name is None:
            return
        try:
            self.session.set_operator(name)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Petugas"), kla_error_text(exc))

    # ------------------------------------------------------------------ closing

    def background_tasks(self) -> list:
        return [t for t in (getattr(self.inbox_page, "task", None), getattr(self.enrolled_page, "task", None),
                            self.reports_page.task, self.settings_page.task, self.session.statuses.task)
                if t is not None]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for task in self.background_tasks():
            if task.running:
                task.cancel()
        QThreadPool.globalInstance().waitForDone(15000)
        if self.matrix_page.detail is not None:
            self.matrix_page.detail.close()
        self.settings.set_geometry(self.saveGeometry())
        event.accept()
        if self._on_closed is not None:
            self._on_closed()
