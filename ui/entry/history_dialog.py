"""The revision history of one value, read from the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from db.records import AuditRecord
from ui.entry.models import HistoryModel
from ui.widgets.labels import WrapLabel


class HistoryDialog(QDialog):
    """Non-modal: the clerk can keep it open while typing."""

    def __init__(self, title: str, rows: list[AuditRecord], item_type: str = "count", choices: tuple = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Riwayat perubahan"))
        self.resize(560, 320)
        layout = QVBoxLayout(self)
        heading = WrapLabel(title)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.model = HistoryModel(item_type, choices, self)
        self.model.set_rows(rows)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in every list box
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)
        if not rows:
            layout.addWidget(QLabel(self.tr("Isian ini belum pernah diubah.")))
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        layout.addWidget(buttons)
