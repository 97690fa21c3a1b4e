"""The Rubrik page of the DP3AKB window (issue 12; docs/template-format.md §10): the rubric in force with
its indicators and categories, installing one from a file with the refusals of ``kla rubric install``
worded, the jury's scores typed per unit, and a unit's category once every indicator is scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from db.errors import KlaError
from db.store import Store
from db.template import default_template
from tests.db.conftest import table_dump
from tests.db.test_template import _rubric
from ui.city.city_window import CityWindow
from ui.city.rubric_page import RubricPage, RubricUnitsModel, UnitScoresModel
from ui.session import kla_error_text

KEL_A = "64.71.01.1001"  # Manggar, Kec. Balikpapan Timur


@pytest.fixture
def city_home(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    Store.create(home, "city", operator="Rina DP3AKB").close()
    return home


def _file(tmp_path: Path, raw: dict, name: str = "rubrik.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def _page(make_window, home: Path) -> RubricPage:  # noqa: ANN001
    w = make_window(home).window
    assert isinstance(w, CityWindow)
    w.show_page("rubric")
    assert w.current_page() == "rubric"
    return w.rubric_page


def _row(page: RubricPage, code: str) -> dict[int, str]:
    m = page.units_model
    r = m.row_of(code)
    return {c: m.index(r, c).data() for c in range(m.columnCount())}


def test_dp3akb_installs_a_rubric_types_scores_and_sees_the_category(qtbot, make_window, city_home: Path,  # noqa: ANN001
                                                                     dialogs, tmp_path: Path) -> None:
    page = _page(make_window, city_home)
    w = page.window()
    assert w.nav.item(7).text() == "Rubrik Kelurahan" and "(Ctrl+8)" in w.nav.item(7).toolTip()
    assert page.state.text().startswith("Belum ada rubrik. Rubrik dipakai bila kabupaten/kota menilai sendiri "
                                        "kelurahan di wilayahnya")
    assert "tidak pernah dari kategori kabupaten/kota" in page.state.text()
    assert not page.tabs.isVisibleTo(page)

    dialogs.file.append(str(_file(tmp_path, _rubric())))
    dialogs.confirms.append(True)
    page.install_button.click()
    asked = [(k, t, x) for k, t, x in dialogs.asked if k == "confirm"]
    assert asked == [("confirm", "Pasang rubrik", "Pasang Rubrik Kelurahan Layak Anak versi 1: 2 indikator, nilai "
                      "paling tinggi 100; kategori Pratama 50–69, Madya 70–84, Nindya 85–100?")]
    store = page.session.store
    assert store.rubric is not None and store.rubric.id == "rubrik_kelurahan_contoh"
    assert store.template.id == "kla24"  # beside the KLA template, never instead of it
    year = page.eval_year
    assert page.state.text() == (f"Berlaku: Rubrik Kelurahan Layak Anak versi 1 · 2 indikator · nilai paling tinggi 100"
                                 f" · evaluasi {year}.")
    assert store.rubric.content_hash[:12] in page.state.toolTip()  # the fingerprint on hover only
    assert page.tabs.isVisibleTo(page) and page.tabs.tabText(0) == "Nilai per kelurahan"
    # The rubric itself: its indicators with their maximum, its categories with their source.
    ind = page.indicators_model
    assert [[ind.index(r, c).data() for c in range(5)] for r in range(ind.rowCount())] == [
        ["1", "Verifikasi administrasi", "SK Gugus Tugas KLA kelurahan", "—", "60"],
        ["2", "Verifikasi lapangan", "Forum Anak aktif", "Catatan juri; Video verifikasi lapangan", "40"]]
    bands = page.bands_model
    assert [[bands.index(r, c).data() for c in range(3)] for r in range(bands.rowCount())] == [
        ["Pratama", "50", "69"], ["Madya", "70", "84"], ["Nindya", "85", "100"]]
    assert page.bands_source.text() == "Sumber kategori: Pedoman Kelurahan Layak Anak kota (contoh)"
    assert page.units_model.headerData(RubricUnitsModel.COL_UNIT, Qt.Orientation.Horizontal) == "Kelurahan"
    assert _row(page, KEL_A)[RubricUnitsModel.COL_CATEGORY] == "belum lengkap"

    # The officer picks Manggar and types the first score, as a jury's sheet says.
    page.search.setText("mangg")
    found = [page.units_proxy.index(r, RubricUnitsModel.COL_UNIT).data() for r in range(page.units_proxy.rowCount())]
    assert sorted(found) == ["Manggar", "Manggar Baru"]
    page.units_view.setCurrentIndex(page.units_proxy.index(found.index("Manggar"), 0))
    assert page.unit_title.text() == f"Manggar · Kec. Balikpapan Timur · evaluasi {year}"
    view, scores = page.scores_view, page.scores_model
    view.setFocus()
    idx = scores.index(0, UnitScoresModel.COL_SCORE)
    view.setCurrentIndex(idx)
    view.edit(idx)
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    qtbot.keyClicks(editor, "50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)  # the delegate commits queued
    assert store.rubric_scores(KEL_A, year)[1].score == 50
    assert scores.index(0, UnitScoresModel.COL_SCORE).data() == "50"
    row = _row(page, KEL_A)
    assert (row[RubricUnitsModel.COL_TOTAL], row[RubricUnitsModel.COL_SCORED]) == ("50", "1 dari 2")
    assert page.unit_result.text() == ("Jumlah 50 dari 100 · 1 dari 2 indikator dinilai · kategori muncul setelah "
                                       "semua indikator dinilai")
    assert store.unit_category(KEL_A, year) is None

    # A score above the indicator's maximum, or not a number: said under the table, nothing stored.
    before = table_dump(store)
    assert not scores.setData(scores.index(1, UnitScoresModel.COL_SCORE), "41")
    assert page.scores_message.isVisible()
    assert page.scores_message.text() == ("Nilai 41 untuk indikator 2 rubrik tidak sah: isi angka 0 sampai paling "
                                          "banyak 40.")
    assert not scores.setData(scores.index(1, UnitScoresModel.COL_SCORE), "empat puluh")
    assert page.scores_message.text() == kla_error_text(KlaError("value_not_number", value="empat puluh"))
    assert table_dump(store) == before
    # The jury's note waits for a score; then both are kept. The category appears with the last score.
    assert not scores.flags(scores.index(1, UnitScoresModel.COL_NOTE)) & Qt.ItemFlag.ItemIsEditable
    assert scores.setData(scores.index(1, UnitScoresModel.COL_SCORE), "24,5")
    assert not page.scores_message.isVisible()
    assert scores.setData(scores.index(1, UnitScoresModel.COL_NOTE), "Forum Anak hadir di Musrenbang")
    got = store.rubric_scores(KEL_A, year)[2]
    assert (got.score, got.note) == (24.5, "Forum Anak hadir di Musrenbang")
    assert page.unit_result.text() == "Jumlah 74,5 dari 100 · 2 dari 2 indikator dinilai · Kategori: Madya"
    assert _row(page, KEL_A)[RubricUnitsModel.COL_CATEGORY] == "Madya"
    assert store.unit_category(KEL_A, year).band_label == "Madya"
    # Cleared again: the category goes with it.
    assert scores.setData(scores.index(0, UnitScoresModel.COL_SCORE), "")
    assert 1 not in store.rubric_scores(KEL_A, year)
    assert _row(page, KEL_A)[RubricUnitsModel.COL_CATEGORY] == "belum lengkap"
    assert store.unit_category(KEL_A, year) is None


def _kla_template_raw() -> dict:
    return json.loads(default_template().to_json())


@pytest.mark.parametrize("what, raw, code", [
    ("a KLA template", "kla", "rubric_not_rubric"),
    ("an older version", {"version": 1}, "rubric_older"),
    ("the same version with other content", {"version": 2, "name": "Rubrik lain"}, "template_version_clash"),
    ("weights not adding up", {"version": 3, "weight_total": 90}, "template_invalid"),
    ("not UTF-8", b"\xff\xfe{", "template_invalid"),
    ("not JSON", b'{"id": ', "template_invalid"),
])
def test_a_refused_rubric_file_is_said_in_a_sentence_and_changes_nothing(  # noqa: PLR0913
        make_window, city_home: Path, dialogs, tmp_path: Path, what: str, raw: object, code: str) -> None:  # noqa: ANN001
    with Store.open(city_home) as s:
        from db.template import load_template_json

        s.install_rubric(load_template_json(json.dumps(_rubric(version=2))))
    page = _page(make_window, city_home)
    store = page.session.store
    path = tmp_path / "berkas.json"
    if isinstance(raw, bytes):
        path.write_bytes(raw)
    else:
        _file(tmp_path, _kla_template_raw() if raw == "kla" else _rubric(**raw), path.name)  # type: ignore[arg-type]
    before = table_dump(store)
    dialogs.confirms.append(True)
    assert not page.install_file(str(path)), what
    errors = [x for k, _t, x in dialogs.asked if k == "error"]
    assert len(errors) == 1 and page.message.isVisible() and page.message.text() == errors[0]
    try:
        from db.template import read_template_file

        rubric = read_template_file(path)
        store.install_rubric(rubric) if rubric.is_rubric else None
        expected = KlaError("rubric_not_rubric", id=rubric.id) if not rubric.is_rubric else None
    except KlaError as exc:
        expected = exc
    assert expected is not None and expected.code == code
    assert errors[0] == kla_error_text(expected)
    assert "_" not in errors[0].replace("rubrik_kelurahan_contoh", "")  # no codes in the sentence
    assert table_dump(store) == before
    assert store.rubric.version == 2


def test_without_a_rubric_the_title_and_its_sentence_stay_at_the_top(qtbot, make_window, city_home: Path) -> None:  # noqa: ANN001
    """Seen under Xvfb at 1366x768: "Rubrik Kelurahan" floated a third down an empty page, its sentence further below."""
    page = _page(make_window, city_home)
    w = page.window()
    w.show()
    w.resize(1366, 768)
    qtbot.waitExposed(w)
    assert page.tabs.isHidden()
    qtbot.waitUntil(lambda: page.state.isVisible() and bool(page.state.text()) and page.height() > 500)
    # The labels are as tall as their text (a QLabel centres its text in whatever height it is given:
    # 333 px each spread the words down the page).
    assert page.title.height() <= page.title.sizeHint().height() + 4
    assert page.state.height() <= page.state.heightForWidth(page.state.width()) + 4
