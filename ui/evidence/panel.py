"""The evidence panel: what is asked, what is attached, add/link/remove, edit details.

Used on the indicator page and in the activity and facility forms. Files come in by the
"Tambah berkas" button (a file dialog from ``session.dialogs``, replaceable in tests) or
by drag and drop; several at once. Photos are downscaled in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import KlaError
from db.records import EvidenceGap, EvidenceRecord
from db.template import EVIDENCE_KINDS
from ui.evidence.importer import ImportOptions, ImportResult, import_files
from ui.evidence.model import EvidenceModel, kind_labels
from ui.evidence.thumbnails import ThumbnailCache
from ui.messages import video_guidance, video_large_words
from ui.operations import Failure, is_running, run_in_background
from ui.session import Session, kla_error_text, translate_message
from ui.widgets import icons
from ui.widgets.edits import CommitLineEdit
from ui.widgets.formatting import fmt_date, fmt_size
from ui.widgets.labels import WrapLabel
from ui.widgets.style import fixed_children, restyle
from ui.widgets.tasks import ProgressWidget, Task

FILE_FILTER = "Dokumen dan foto (*.pdf *.jpg *.jpeg *.png *.webp *.doc *.docx *.xls *.xlsx *.odt *.ods);;Semua berkas (*)"

class LinkDialog(QDialog):
    """Tick the indicators (of the current data year) one evidence file supports."""

    def __init__(self, session: Session, record: EvidenceRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tautkan ke indikator"))
        self.resize(460, 520)
        layout = QVBoxLayout(self)
        text = self.tr("Centang indikator yang didukung oleh berkas ini (tahun data %1).").replace(
            "%1", str(session.year))
        lab = WrapLabel(text)
        layout.addWidget(lab)
        self.list = QListWidget()
        linked = {i for y, i in record.links if y == session.year}
        for ind in session.template.indicators:
            item = QListWidgetItem(f"{ind.no}. {ind.short_name}")
            item.setData(Qt.ItemDataRole.UserRole, ind.no)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ind.no in linked else Qt.CheckState.Unchecked)
            item.setToolTip(ind.title)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def checked(self) -> set[int]:
        return {
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }


@fixed_children
class RequirementRow(QFrame):
    """One evidence requirement of an indicator: its state, its files, its own button and drop target.

    A file attached here fulfils this requirement only (one SK never ticks two)."""

    attach_requested = Signal(str)
    """The clerk clicked "Lampirkan…": the requirement's key."""
    files_dropped = Signal(str, object)
    """Files were dropped on this row: (requirement key, list of Path)."""

    def __init__(self, key: str, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("reqRow")
        self.setAcceptDrops(not read_only)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 4, 4)
        lay.setSpacing(6)
        # Children parented at once: setVisible on a parentless widget shows it as a window of its own.
        # Plain-text labels coloured by their palette, not rich text: a rich-text label lays its text
        # out as a document several times per layout pass, and the rows change on every indicator switch.
        self.mark = QLabel(self)
        self.mark.setObjectName("reqMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        bold = self.mark.font()
        bold.setBold(True)
        self.mark.setFont(bold)
        lay.addWidget(self.mark)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.text = WrapLabel(self)
        texts.addWidget(self.text)
        self.files = WrapLabel(self)
        self.files.setObjectName("subtle")
        self.files.hide()
        texts.addWidget(self.files)
        lay.addLayout(texts, 1)
        self.button = QToolButton(self)
        self.button.setText(self.tr("Lampirkan…"))
        self.button.setVisible(not read_only)
        self.button.clicked.connect(lambda: self.attach_requested.emit(self.key))
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def show_gap(self, gap: EvidenceGap, files: list[str], guidance: str = "") -> None:
        """``guidance``: the kind's own advice shown under the requirement (a video's size)."""
        if gap.satisfied:
            mark, kind, state = "✔", "ok", self.tr("terpenuhi")
        elif gap.too_old and not gap.have:
            mark, kind, state = "⚠", "old", self.tr("terlalu lama, perlu yang baru")
        elif gap.required:
            mark, kind, state = "✖", "missing", self.tr("belum ada")
        else:
            mark, kind, state = "○", "optional", self.tr("belum ada (tidak wajib)")
        self.mark.setText(mark)
        restyle(self.mark, "state", kind)  # its colour (ui/widgets/style.py #reqMark), repolished on change only
        counts = f"{gap.have}/{gap.need}" + (" · " + self.tr("%n terlalu lama", "", gap.too_old) if gap.too_old else "")
        self.text.setText(f"{gap.label} — {state} ({counts})" + (f"\n{guidance}" if guidance else ""))
        self.files.setText("\n".join(f"· {n}" for n in files))
        self.files.setVisible(bool(files))
        self.button.setToolTip(self.tr("Pilih berkas untuk: %1. Berkas ini hanya memenuhi yang ini. Bisa juga: seret "
                                       "berkas ke baris ini.").replace("%1", gap.label))
        self.setAccessibleName(f"{gap.label}: {state}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            restyle(self, "dropping", True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802, ANN001
        restyle(self, "dropping", False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.dragLeaveEvent(event)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(self.key, paths)


class EvidencePanel(QFrame):
    """See the module docstring."""

    import_finished = Signal(object)
    """An import ended: the :class:`ImportResult`."""
    requirements_changed = Signal()
    """The requirement lines were redrawn (what is attached may have changed); see :meth:`requirement_counts`."""

    open_url = staticmethod(QDesktopServices.openUrl)
    """How a file is opened with the computer's own program (a test gives its own)."""

    def __init__(self, session: Session, thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.thumbnails = thumbnails
        self.owner: tuple[str, Any] | None = None
        self.task: Task | None = None
        self.setObjectName("evidencePanel")
        self.setAcceptDrops(not session.read_only)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        title = QLabel(self.tr("Data dukung"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        # One row per requirement, each with its own "Lampirkan…" and drop target.
        self.requirements = QWidget()
        self.requirements.setObjectName("requirements")
        self.req_layout = QVBoxLayout(self.requirements)
        self.req_layout.setContentsMargins(0, 0, 0, 0)
        self.req_layout.setSpacing(2)
        self.req_rows: dict[str, RequirementRow] = {}  # the rows of the requirements shown, by key
        self._req_pool: list[RequirementRow] = []  # every row made so far, in layout order
        self.req_empty = QLabel(self.tr("Tidak ada data dukung yang diminta."))
        self.req_empty.setObjectName("subtle")
        self.req_layout.addWidget(self.req_empty)
        layout.addWidget(self.requirements)

        # "Tambah berkas…" with the kind box beside it, or the box under it when the panel is too
        # narrow for both (its scroll bar shown at 1366x768: the box read "Jenis: otomati").
        self.add_row = add_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.add_button = QPushButton(icons.icon("add"), self.tr("&Tambah berkas…"))
        self.add_button.setToolTip(self.tr("Pilih satu atau beberapa berkas (PDF, foto, dokumen)"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.kind_combo = QComboBox()
        self.kind_combo.setToolTip(self.tr("Jenis data dukung untuk berkas yang ditambahkan"))
        self.kind_combo.addItem(self.tr("Jenis: otomatis"), None)
        for key, label in kind_labels().items():
            self.kind_combo.addItem(label, key)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(6)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.kind_combo, 1)
        layout.addLayout(add_row)
        self._add_row_room = layout.contentsMargins().left() + layout.contentsMargins().right()
        self.keep_original = QCheckBox(self.tr("Foto ukuran asli"))
        self.keep_original.setToolTip(
            self.tr("Simpan foto tanpa diperkecil. Biasanya tidak perlu: foto besar diperkecil agar ringan dikirim, "
                    "dan tulisannya tetap terbaca."))
        layout.addWidget(self.keep_original)
        self.drop_hint = QLabel(self.tr("atau seret berkas ke panel ini"))
        self.drop_hint.setObjectName("helpText")
        layout.addWidget(self.drop_hint)
        for w in (self.add_button, self.kind_combo, self.keep_original, self.drop_hint):
            w.setVisible(not session.read_only)
        # The progress of an attach and what it did go under the list (added after it): above it they
        # pushed the list down under the pointer reaching for the file just attached.
        self.progress = ProgressWidget()
        self.message = WrapLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("subtle")
        self.message.hide()

        self.model = EvidenceModel(thumbnails, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(56, 56))
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(130)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # read-only: a double click opens
        self.list.setAccessibleName(self.tr("Daftar data dukung"))
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.doubleClicked.connect(lambda _i: self.open_current())
        layout.addWidget(self.list, 1)
        self.empty_label = QLabel(self.tr("Belum ada data dukung."))
        self.empty_label.setObjectName("subtle")
        layout.addWidget(self.empty_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

        # Details of the selected file.
        self.details = QWidget()
        dl = QVBoxLayout(self.details)
        dl.setContentsMargins(0, 4, 0, 0)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # One height, a preview's (170 px, _show_details) and its frame: the preview arrives from a worker
        # after the icon it replaces, and grew 52 px then, pushing "Buka", "Tautkan…" and "Hapus" down.
        self.preview.setFixedHeight(178)
        self.preview.setObjectName("preview")
        dl.addWidget(self.preview)
        self.file_info = WrapLabel()
        self.file_info.setObjectName("subtle")
        self.file_info.setWordWrap(True)
        dl.addWidget(self.file_info)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.caption = CommitLineEdit()
        self.caption.setPlaceholderText(self.tr("Misalnya: Foto layanan akta keliling, Mei 2026"))
        self.kind_edit = QComboBox()
        self.kind_edit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_edit.setMinimumContentsLength(8)
        for key in EVIDENCE_KINDS:
            self.kind_edit.addItem(kind_labels().get(key, key), key)
        self.date_edit = CommitLineEdit()
        # An example a clerk reads, not a format code ("hh-bb-tttt"); the format's words in the tooltip.
        self.date_edit.setPlaceholderText(self.tr("mis. 17-08-2026"))
        self.date_edit.setToolTip(self.tr("Tanggal dokumen: tanggal-bulan-tahun dengan angka, mis. 17-08-2026 "
                                          "untuk 17 Agustus 2026"))
        self.number_edit = CommitLineEdit()
        self.number_edit.setPlaceholderText(self.tr("Nomor surat/dokumen, bila ada"))
        self.req_edit = QComboBox()
        self.req_edit.setToolTip(self.tr("Data dukung yang diminta yang dipenuhi berkas ini (satu berkas, satu "
                                         "persyaratan)"))
        self.req_edit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.req_edit.setMinimumContentsLength(8)
        self.req_edit.activated.connect(self._on_req_edit_activated)
        self.req_label = QLabel(self.tr("Untuk"))
        form.addRow(self.req_label, self.req_edit)
        form.addRow(self.tr("Keterangan"), self.caption)
        form.addRow(self.tr("Jenis"), self.kind_edit)
        form.addRow(self.tr("Tanggal dokumen"), self.date_edit)
        form.addRow(self.tr("Nomor dokumen"), self.number_edit)
        dl.addLayout(form)
        # A refused date or number is said under the buttons (added after them): above them it pushed
        # "Buka", "Tautkan…" and "Hapus" down under the pointer.
        self.detail_error = WrapLabel()
        self.detail_error.setObjectName("errorText")
        self.detail_error.setWordWrap(True)
        self.detail_error.hide()
        buttons = QHBoxLayout()
        self.open_button = QPushButton(icons.icon("open"), self.tr("&Buka"))
        self.open_button.setToolTip(self.tr("Buka berkas asli dengan program bawaan komputer"))
        self.link_button = QPushButton(icons.icon("link"), self.tr("Tautkan…"))
        self.link_button.setToolTip(self.tr("Pakai berkas ini juga untuk indikator lain"))
        self.remove_button = QPushButton(icons.icon("delete"), self.tr("Hapus"))
        self.remove_button.setToolTip(self.tr("Lepaskan berkas ini dari sini"))
        for b in (self.open_button, self.link_button, self.remove_button):
            buttons.addWidget(b)
        dl.addLayout(buttons)
        dl.addWidget(self.detail_error)
        layout.addWidget(self.details)
        self.details.hide()

        self.open_button.clicked.connect(self.open_current)
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.caption.editingFinished.connect(lambda: self._save_detail("caption", self.caption))
        self.date_edit.editingFinished.connect(lambda: self._save_detail("doc_date", self.date_edit))
        self.number_edit.editingFinished.connect(lambda: self._save_detail("doc_number", self.number_edit))
        self.kind_edit.activated.connect(self._on_kind_edit_activated)
        for w in (self.caption, self.kind_edit, self.date_edit, self.number_edit, self.link_button,
                  self.remove_button, self.req_edit):
            w.setEnabled(not session.read_only)
        thumbnails.ready.connect(self._on_thumbnails_ready)
        session.data_changed.connect(self._on_session_data_changed)
        session.year_changed.connect(self._on_session_year_changed)

    # ------------------------------------------------------------------ target

    def set_owner(self, owner: str, owner_id: Any) -> None:
        """Show the evidence of ('indicator', no), ('activity', id) or ('facility', id)."""
        if self.owner != (owner, owner_id):
            self.message.hide()  # "1 berkas ditambahkan" was said of the files of the one before
            self.message.setText("")
        self.owner = (owner, owner_id)
        self.link_button.setVisible(owner == "indicator")
        self.refresh()

    def records(self) -> list[EvidenceRecord]:
        if self.owner is None:
            return []
        s = self.session
        owner, oid = self.owner
        if owner == "indicator":
            return s.store.evidence_list(s.kelurahan_code, s.year, int(oid))
        rec = s.store.activity(oid) if owner == "activity" else s.store.facility(oid)
        return [s.store.evidence(e) for e in rec.evidence_ids]

    def refresh(self) -> None:
        current = self.current_record()
        rows = self.records()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.thumbnails.request(rows)
        self._update_requirements()
        if current is not None and self.model.row_of(current.id) >= 0:
            self.select(current.id)
        else:
            self._show_details(None)
        self._settle_layout()

    def _settle_layout(self) -> None:
        """Lay the panel out now, inside out. Left to the event loop, the requirement lines, then the
        panel, then its scroll area each took one round, and the window painted the panel after each."""
        self.list.executeDelayedItemsLayout()  # the list's own pass after a reset, else on a timer after the paint
        for row in self.req_rows.values():
            row.layout().activate()
        for layout in (self.req_layout, self.layout()):
            layout.activate()

    def _update_requirements(self) -> None:
        if not self.owner or self.owner[0] != "indicator":
            self.requirements.hide()
            return
        s = self.session
        st = s.indicator_status(int(self.owner[1]))
        names = {r.id: (r.caption or r.original_name) for r in self.model.records()}
        keys = [g.key for g in st.evidence]
        if list(self.req_rows) != keys:
            # The rows are kept and given the next indicator's requirements (no new widgets per switch).
            while len(self._req_pool) < len(keys):
                row = RequirementRow("", s.read_only, self.requirements)
                row.attach_requested.connect(self._on_row_attach_requested)
                row.files_dropped.connect(self._on_row_files_dropped)
                self.req_layout.addWidget(row)
                self._req_pool.append(row)
            self.req_rows = {}
            for row, key in zip(self._req_pool, keys, strict=False):
                row.key = key
                self.req_rows[key] = row
            for i, row in enumerate(self._req_pool):
                row.setVisible(i < len(keys))
        video = video_guidance(s.template.video_max_mb, translate_message)
        for g in st.evidence:
            self.req_rows[g.key].show_gap(g, [names.get(i, "") for i in g.evidence_ids if names.get(i)],
                                          video if g.kind == "video" else "")
        self.req_empty.setVisible(not st.evidence)
        self.requirements.show()
        self._gaps = {g.key: g for g in st.evidence}
        # Suggest the kind of the first missing required evidence for new files.
        missing = [g for g in st.evidence if g.required and not g.satisfied]
        self._suggested_kind = missing[0].kind if missing else None
        self._suggested_requirement = missing[0].key if missing else ""
        self._counts = (sum(1 for g in st.evidence if g.required and g.satisfied),
                        sum(1 for g in st.evidence if g.required))
        self._fill_req_edit()
        self.requirements_changed.emit()

    def _fill_req_edit(self) -> None:
        """The "Untuk" list of the selected file: the indicator's requirements, the file's one chosen."""
        rec = self.current_record()
        indicator = self.owner is not None and self.owner[0] == "indicator"
        self.req_edit.setVisible(indicator)
        self.req_label.setVisible(indicator)
        if not indicator or rec is None:
            return
        no = int(self.owner[1])  # type: ignore[index]
        self.req_edit.blockSignals(True)
        self.req_edit.clear()
        self.req_edit.addItem(self.tr("— dipilih otomatis menurut jenis —"), "")
        for req in self.session.template.indicator(no).evidence:
            self.req_edit.addItem(req.label, req.key)
            self.req_edit.setItemData(self.req_edit.count() - 1, req.label, Qt.ItemDataRole.ToolTipRole)
        chosen = rec.requirement_for(self.session.year, no)
        if not chosen:
            # Not chosen: show where it counts now (the status assigns it by kind).
            counted = next((k for k, g in getattr(self, "_gaps", {}).items() if rec.id in g.evidence_ids), "")
            self.req_edit.setItemText(0, self.tr("— otomatis: %1 —").replace(
                "%1", self._gaps[counted].label) if counted else self.tr("— dipilih otomatis menurut jenis —"))
        self.req_edit.setCurrentIndex(max(0, self.req_edit.findData(chosen)))
        self.req_edit.blockSignals(False)

    def _on_req_edit_activated(self, index: int) -> None:
        rec = self.current_record()
        if rec is None or self.owner is None or self.owner[0] != "indicator":
            return
        try:
            self.session.set_evidence_requirement(rec.id, int(self.owner[1]), self.req_edit.itemData(index),
                                                  handler=self)
        except KlaError as exc:
            self.detail_error.setText(kla_error_text(exc))
            self.detail_error.show()

    def _on_row_attach_requested(self, key: str) -> None:
        gap = getattr(self, "_gaps", {}).get(key)
        title = self.tr("Pilih berkas untuk: %1").replace("%1", gap.label) if gap else self.tr("Pilih berkas data dukung")
        files = self.session.dialogs.open_files(self, title, FILE_FILTER, kind="evidence")
        if files:
            self.add_files([Path(f) for f in files], requirement=key)

    def _on_row_files_dropped(self, key: str, paths: list[Path]) -> None:
        self.add_files(paths, requirement=key)

    def _kind_combo_width(self) -> int:
        """The width the kind box needs to show its longest kind whole (as the style sizes a combo box)."""
        combo = self.kind_combo
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt)
        fm = combo.fontMetrics()
        widest = max((fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt,
                                              QSize(widest + 4, fm.height()), combo).width()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        need = (self.add_button.sizeHint().width() + self.add_row.spacing() + self._kind_combo_width()
                + self._add_row_room)
        direction = (QBoxLayout.Direction.LeftToRight if event.size().width() >= need
                     else QBoxLayout.Direction.TopToBottom)
        if self.add_row.direction() != direction:
            self.add_row.setDirection(direction)
        super().resizeEvent(event)

    def requirement_counts(self) -> tuple[int, int]:
        """(required evidence satisfied, required evidence asked) of the indicator shown; (0, 0) otherwise."""
        return getattr(self, "_counts", (0, 0)) if self.owner and self.owner[0] == "indicator" else (0, 0)

    # ------------------------------------------------------------------ selection / details

    def current_record(self) -> EvidenceRecord | None:
        idx = self.list.currentIndex()
        return idx.data(EvidenceModel.RecordRole) if idx.isValid() else None

    def select(self, evidence_id: str) -> None:
        row = self.model.row_of(evidence_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
            self._show_details(self.model.records()[row])

    def _on_list_current_changed(self, current, _previous) -> None:  # noqa: ANN001
        self._show_details(current.data(EvidenceModel.RecordRole) if current.isValid() else None)

    def _show_details(self, rec: EvidenceRecord | None) -> None:
        self.details.setVisible(rec is not None)
        self.detail_error.hide()
        if rec is None:
            return
        img = self.thumbnails.get(rec)
        if img is not None:
            pm = QPixmap.fromImage(img).scaled(QSize(240, 170), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation)
            self.preview.setPixmap(pm)
        else:
            self.preview.setPixmap(icons.icon("reports" if rec.is_pdf else "file").pixmap(64, 64))
        used = [i for y, i in rec.links if y == self.session.year]
        info = [rec.original_name, fmt_size(rec.size)]
        if used:
            info.append(self.tr("Dipakai di indikator %1").replace("%1", ", ".join(str(i) for i in used)))
        self.file_info.setText(" · ".join(info))
        self.caption.setText(rec.caption)
        self.caption.setCursorPosition(0)  # its beginning in sight ("im KLA — Manggar 2026" was)
        self.caption.setModified(False)
        self.kind_edit.setCurrentIndex(max(0, self.kind_edit.findData(rec.kind)))
        self.date_edit.setText(fmt_date(rec.doc_date))
        self.date_edit.setModified(False)
        self.number_edit.setText(rec.doc_number)
        self.number_edit.setCursorPosition(0)
        self.number_edit.setModified(False)
        self._fill_req_edit()

    def _save_detail(self, field: str, edit: CommitLineEdit) -> None:
        rec = self.current_record()
        if rec is None or not edit.isModified() or self.session.closed:
            return
        try:
            self.session.update_evidence(rec.id, handler=self,
                                         **{field: edit.text().strip() or (None if field == "doc_date" else "")})
        except KlaError as exc:
            self.detail_error.setText(kla_error_text(exc))
            self.detail_error.show()
            return
        edit.setModified(False)

    def _on_kind_edit_activated(self, index: int) -> None:
        rec = self.current_record()
        if rec is None:
            return
        try:
            self.session.update_evidence(rec.id, handler=self, kind=self.kind_edit.itemData(index))
        except KlaError as exc:
            self.detail_error.setText(kla_error_text(exc))
            self.detail_error.show()

    def flush(self) -> None:
        for name, edit in (("caption", self.caption), ("doc_date", self.date_edit), ("doc_number", self.number_edit)):
            self._save_detail(name, edit)

    def _on_thumbnails_ready(self, sha: str) -> None:
        rec = self.current_record()
        if rec is not None and rec.sha256 == sha:
            self._show_details(rec)

    # ------------------------------------------------------------------ actions

    def open_current(self) -> bool:
        rec = self.current_record()
        if rec is None:
            return False
        from ui.reports.printing import open_file

        try:
            path = self.session.store.evidence_viewing_copy(rec)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Buka berkas"), kla_error_text(exc))
            return False
        return open_file(self, self.session.dialogs, path, self.open_url, printable=False)

    def _on_link_button_clicked(self) -> None:
        rec = self.current_record()
        if rec is None:
            return
        dlg = LinkDialog(self.session, rec, self)
        if dlg.exec():
            self.link_to(rec.id, dlg.checked())

    def link_to(self, evidence_id: str, indicators: set[int]) -> None:
        """Make the evidence's links for the current year exactly ``indicators``."""
        rec = self.session.store.evidence(evidence_id)
        now = {i for y, i in rec.links if y == self.session.year}
        try:
            for no in sorted(indicators - now):
                self.session.link_evidence(evidence_id, no, True)
            for no in sorted(now - indicators):
                self.session.link_evidence(evidence_id, no, False)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Data dukung"), kla_error_text(exc))

    def _on_remove_button_clicked(self) -> None:
        rec = self.current_record()
        if rec is not None:
            self.remove(rec.id)

    def remove(self, evidence_id: str) -> bool:
        """Take the file off this indicator/activity/facility, after asking."""
        if self.owner is None:
            return False
        rec = self.session.store.evidence(evidence_id)
        usage = self.session.store.evidence_usage(evidence_id)
        name = rec.caption or rec.original_name
        if usage > 1:
            text = self.tr("Lepaskan \"%1\" dari sini? Berkas ini masih dipakai di tempat lain dan tetap tersimpan.")
        else:
            text = self.tr("Hapus \"%1\"? Berkas ini tidak dipakai di tempat lain, jadi akan dihapus dari ruang kerja.")
        if not self.session.dialogs.confirm(self, self.tr("Hapus data dukung"), text.replace("%1", name),
                                            self.tr("Hapus"), self.tr("Batal")):
            return False
        try:
            self.session.remove_evidence_from(self.owner[0], self.owner[1], evidence_id)
        except KlaError as exc:
            self.session.dialogs.error(self, self.tr("Data dukung"), kla_error_text(exc))
            return False
        return True

    # ------------------------------------------------------------------ adding files

    def _on_add_button_clicked(self) -> None:
        files = self.session.dialogs.open_files(self, self.tr("Pilih berkas data dukung"), FILE_FILTER,
                                                kind="evidence")
        if files:
            self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path], requirement: str = "") -> Task | None:
        """Import files in the background; returns the task (None when nothing to do).

        With ``requirement`` (a key of the indicator's evidence requirements) the files fulfil that
        one only and get its kind; without, they count for the first requirement of their kind still
        missing."""
        if self.owner is None or self.session.read_only or not paths:
            return None
        if is_running(self.task):
            self.session.dialogs.info(self, self.tr("Data dukung"),
                                      self.tr("Tunggu sampai berkas sebelumnya selesai diproses."))
            return None
        s = self.session
        owner, oid = self.owner
        kind = self.kind_combo.currentData()
        gap = getattr(self, "_gaps", {}).get(requirement) if owner == "indicator" and requirement else None
        if gap is not None and kind is None:
            kind = gap.kind
        opts = ImportOptions(
            home=s.home, operator=s.store.operator, kelurahan_code=s.kelurahan_code,
            links=((s.year, int(oid)),) if owner == "indicator" else (),
            kind=kind, owner=(owner, str(oid)) if owner != "indicator" else None,
            keep_original=self.keep_original.isChecked(), requirement=requirement if gap is not None else "",
        )
        if kind is None and owner == "indicator" and getattr(self, "_suggested_kind", None):
            suggested = self._suggested_kind
            if all(not _looks_like_image(p) for p in paths) and suggested != "photo":
                opts = ImportOptions(**{**opts.__dict__, "kind": suggested})
        n = len(paths)
        self.add_button.setEnabled(False)
        self.task = run_in_background(self, import_files(list(paths), opts),
                                      title=self.tr("Menambahkan %n berkas…", "", n), on_done=self._on_import_finished,
                                      on_failed=self._on_import_failed, progress_widget=self.progress)
        return self.task

    def _on_import_finished(self, result: ImportResult) -> None:
        self.add_button.setEnabled(not self.session.read_only)
        # Written by the worker's own connection: broadcast what it wrote (this panel reloads with it).
        self.session.notify(result.changes)
        msgs = []
        if result.evidence_ids:
            msgs.append(self.tr("%n berkas ditambahkan.", "", len(result.evidence_ids)))
        for name, _id in result.already:
            # The same file again: nothing was added, the one already here is shown (selected).
            msgs.append(self.tr("Berkas ini sudah ada di sini: %1. Tidak ditambahkan lagi.").replace("%1", name))
        if result.downscaled:
            msgs.append(self.tr("%n foto diperkecil agar ringan dikirim.", "", result.downscaled))
        for name, size, limit in result.large_videos:
            msgs.append(video_large_words(name, size, limit, translate_message))
        if result.cancelled:
            msgs.append(self.tr("Dibatalkan; berkas yang sudah masuk tetap tersimpan."))
        for name, exc in result.failed:
            msgs.append(f"{name}: {kla_error_text(exc)}")
        self.message.setText("\n".join(msgs))
        self.message.setVisible(bool(msgs))
        shown = result.evidence_ids or [i for _n, i in result.already]
        if shown:
            self.select(shown[-1])
        self.import_finished.emit(result)

    def _on_import_failed(self, failure: Failure) -> None:
        self.add_button.setEnabled(not self.session.read_only)
        self.message.setText(failure.text)
        self.message.show()
        exc = failure.error
        self.import_finished.emit(ImportResult(failed=[("", exc if isinstance(exc, KlaError) else KlaError(
            "file_copy_failed", path="", detail=str(exc)))]))

    # ------------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.session.read_only and self.owner and event.mimeData().hasUrls() and any(
                u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            restyle(self, "dropping", True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802, ANN001
        restyle(self, "dropping", False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        restyle(self, "dropping", False)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # ------------------------------------------------------------------ broadcasts

    def _on_session_year_changed(self, _year: int) -> None:
        if self.owner is not None:
            self._refresh_or_clear()

    def _on_session_data_changed(self, changes: Changes, handler: object) -> None:
        if self.owner is None:
            return
        owner, oid = self.owner
        if owner == "indicator":
            mine = changes.touches_indicator(self.session.year, int(oid))
        else:
            mine = changes.is_everything or str(oid) in changes.keys(owner)
        shown = {r.id for r in self.model.records()}
        if handler is self:
            # A detail typed here (caption, kind, date, number): that one row, and what it satisfies.
            if isinstance(changes.record, EvidenceRecord):
                self.model.replace_record(changes.record)
            if owner == "indicator" and mine:
                self._update_requirements()
            return
        if changes.has("evidence") and (mine or changes.keys("evidence") & shown):
            self._refresh_or_clear()
        elif owner == "indicator" and mine:
            # A value or the status of its indicator: the list stays, the requirement lines may not.
            self._update_requirements()

    def _refresh_or_clear(self) -> None:
        try:
            self.refresh()
        except KlaError:
            self.model.set_rows([])  # the activity or facility shown is gone


def _looks_like_image(path: Path) -> bool:
    from ui.evidence.importer import is_image

    return is_image(path)

