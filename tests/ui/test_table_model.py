"""RecordTableModel, the base of the list models: rows, headers and their Linguist contexts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTranslator

from ui.activities.activities_page import ActivityModel
from ui.city.enrolled_page import EnrolledModel
from ui.city.inbox_models import ConflictModel, ImportReportModel
from ui.city.models import IndicatorValuesModel, KecamatanModel
from ui.entry.models import HistoryModel as ValueHistoryModel
from ui.entry.models import IndicatorListModel
from ui.evidence.model import EvidenceModel
from ui.facilities.facilities_page import FacilityModel
from ui.outbox.history_model import HistoryModel as BundleHistoryModel
from ui.widgets.table_model import RecordTableModel

QM = Path(__file__).resolve().parents[2] / "ui" / "i18n" / "kla_en.qm"


class _Words(RecordTableModel):
    _TR_CONTEXT = "tests"
    _HEADERS = (QT_TRANSLATE_NOOP("tests", "Kata"), QT_TRANSLATE_NOOP("tests", "Panjang"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid():
            return None
        word = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
            return (word, len(word))[index.column()]
        return word if role == self.RecordRole else None


def test_base_model_passes_modeltester(qtmodeltester) -> None:  # noqa: ANN001
    model = _Words()
    model.set_rows(["satu", "dua", "tiga"])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.record(1) == "dua"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Panjang"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    model.set_rows([])
    assert model.rowCount() == 0


@pytest.mark.parametrize(("make", "context"), [
    (ActivityModel, "ActivitiesPage"), (FacilityModel, "FacilitiesPage"), (EvidenceModel, "evidence"),
    (IndicatorListModel, "IndicatorListModel"), (ValueHistoryModel, "IndicatorListModel"),
    (BundleHistoryModel, "HistoryModel"), (KecamatanModel, "KecamatanModel"),
    (IndicatorValuesModel, "IndicatorValuesModel"), (ImportReportModel, "ImportReportModel"),
    (ConflictModel, "ConflictModel"), (EnrolledModel, "EnrolledModel"),
])
def test_headers_are_translated_in_their_linguist_context(qapp, make, context) -> None:  # noqa: ANN001
    tr = QTranslator()
    assert tr.load(str(QM))
    english = [tr.translate(context, src) for src in make._HEADERS]
    assert english and all(english), f"{context}: a header is missing from kla_en.ts"
    qapp.installTranslator(tr)
    try:
        model = make()
        shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    finally:
        qapp.removeTranslator(tr)
    assert shown == english
