"""What DP3AKB's clerk reads in the window at 1366x768 (the city demo): every column in sight, words not marks.

Each case was seen in the real window (city demo, 1366x768) and is measured here in the window.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from db.changes import Changes
from db.demo import create_demo
from ui.city.chase_page import ChaseModel
from ui.city.city_window import CityWindow
from ui.city.enrolled_page import EnrolledModel
from ui.city.figures_page import FigureModel


@pytest.fixture(scope="module")
def _city_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("city-demo") / "ws"
    create_demo(home, seed=1)
    return home


@pytest.fixture
def city_home(_city_demo: Path, tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    shutil.copytree(_city_demo, home)
    return home


@pytest.fixture
def city(city_home: Path, make_window, styled, qtbot) -> CityWindow:  # noqa: ANN001
    w = make_window(city_home).window
    assert isinstance(w, CityWindow)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _columns_in_sight(view: QTableView) -> None:
    """No sideways scroll bar, and the last column ends inside the viewport."""
    _settle()
    last = view.model().columnCount() - 1
    assert not view.horizontalScrollBar().isVisible()
    assert view.horizontalScrollBar().maximum() == 0
    assert view.columnViewportPosition(last) + view.columnWidth(last) <= view.viewport().width()


def _cells_whole(view: QTableView, columns: list[int]) -> None:
    """Each cell's words fit its column (nothing elided) in ``columns``."""
    m, fm = view.model(), view.fontMetrics()
    for col in columns:
        for row in range(m.rowCount()):
            text = m.index(row, col).data()
            assert fm.horizontalAdvance(text) + 6 <= view.columnWidth(col), (col, text)


def test_pengingat_kiriman_shows_every_column_with_words_not_marks(city: CityWindow, qtbot) -> None:  # noqa: ANN001
    """Seen at 1366x768: the last columns sat behind a sideways scroll bar, and "Tanda" showed only
    "!", "R", "…" and "·"."""
    city.show_page("chase")
    page = city.chase_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.task.running, timeout=20000)
    view, m = page.view, page.model
    _columns_in_sight(view)
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert "Tanda" not in headers
    assert headers[ChaseModel.COL_DONE] == "Kelengkapan\n2025 · 2026"
    # No cell is a bare mark: every state reads as words, its printed mark named in the tooltip.
    for row in range(m.rowCount()):
        for col in range(m.columnCount()):
            text = m.index(row, col).data()
            assert text not in ("!", "!!", "R", "…", "·", "✓"), (row, col)
        tip = m.index(row, ChaseModel.COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(m.index(row, ChaseModel.COL_STATE).data()) and "daftar cetak" in tip
    # The words a clerk reads to choose whom to remind are whole (the contact takes what is left).
    _cells_whole(view, [ChaseModel.COL_NAME, ChaseModel.COL_KEC, ChaseModel.COL_STATE, ChaseModel.COL_LAST,
                        ChaseModel.COL_RECEIPT, ChaseModel.COL_DONE, ChaseModel.COL_READY])
    assert view.columnWidth(ChaseModel.COL_CONTACT) >= 60


def test_profil_anak_kota_shows_tercakup_in_sight(city: CityWindow, qtbot) -> None:  # noqa: ANN001
    """Seen at 1366x768: "Tercakup" was behind the table's sideways scroll bar."""
    city.show_page("figures")
    page = city.figures_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20000)
    view, m = page.view, page.model
    for no in (1, 5, 19):
        page.indicator.setCurrentIndex(page.indicator.findData(no))
        _columns_in_sight(view)
        _cells_whole(view, [FigureModel.COL_YEAR1, FigureModel.COL_YEAR2, FigureModel.COL_CHANGE,
                            FigureModel.COL_COVER])
        assert m.headerData(FigureModel.COL_COVER, Qt.Orientation.Horizontal).startswith("Tercakup")


def test_kelurahan_terdaftar_says_its_count_whole_and_shows_fingerprints_whole(city: CityWindow, qtbot) -> None:  # noqa: ANN001
    """At 1366x768 '… 30 pernah mengirim tetapi tanpa kunci aktif' ran off the button row, and a
    fingerprint read '908C-41C4-957D-F…' (the column was sized while no unit had one). The count's longest
    words now: a unit whose key was revoked (never enrolled is no warning)."""
    from exports import setup

    store = city.session.store
    with_keys = setup.enroll(store, "64.71.01.1001", Path(city.session.home) / "f.klasetup")
    setup.enroll(store, "64.71.01.1002", Path(city.session.home) / "g.klasetup")
    store.sync.revoke_peer_keys("64.71.01.1002", "laptop hilang")
    city.session.notify(Changes.everything())
    city.show_page("enrolled")
    page = city.enrolled_page
    _settle()
    count = page.count
    assert count.isVisible() and "kuncinya dicabut: daftarkan lagi" in count.text()
    assert "tanpa kunci aktif" not in count.text()
    assert count.mapTo(page, count.rect().topRight()).x() <= page.width()
    whole_on_one_line = count.fontMetrics().horizontalAdvance(count.text()) <= count.width()
    assert whole_on_one_line or (count.wordWrap() and count.heightForWidth(count.width()) <= count.height() + 1)
    view = page.view
    for fp in (with_keys.fingerprint, "DDDD-DDDD-DDDD-DDDD"):  # the widest a fingerprint can be
        assert view.fontMetrics().horizontalAdvance(fp) + 6 <= view.columnWidth(EnrolledModel.COL_FINGERPRINT), fp
