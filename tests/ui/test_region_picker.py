"""The first-run pickers (issue 9): pick-only, a typo, a nonsense string and a correct name; any kab/kota."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from db import regions
from db.store import Store
from tests.ui.test_first_run import pick
from ui.firstrun.first_run_dialog import FirstRunDialog
from ui.widgets.region_picker import RegionHitsModel, RegionPicker


def _dialog(qtbot, tmp_path: Path, dialogs) -> FirstRunDialog:  # noqa: ANN001
    dlg = FirstRunDialog(lambda kind, code: tmp_path / f"{kind}-{code}", dialogs)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: regions.ready((regions.UNIT,)), timeout=30000)
    return dlg


def _made(tmp_path: Path) -> list[Path]:
    return sorted(p for p in tmp_path.iterdir() if Store.exists(p))


def test_nothing_is_preselected_and_typed_text_alone_chooses_nothing(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dlg = _dialog(qtbot, tmp_path, dialogs)
    assert dlg.unit_picker.chosen is None and dlg.unit_picker.model.rowCount() == 0
    assert not dlg.create_button.isEnabled()
    dlg.unit_picker.set_text("Manggar")  # a correct name, typed but not picked
    assert dlg.unit_picker.model.rowCount() >= 2  # Manggar in Balikpapan and in Rembang, Manggar Baru ...
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    assert "belum dipilih" in dlg.error.text() and dlg.error.isVisible()
    assert not dialogs.asked and dlg.chosen_home is None and _made(tmp_path) == []


def test_a_typo_offers_close_spellings_and_makes_nothing_until_one_is_picked(qtbot, tmp_path: Path,
                                                                           dialogs) -> None:  # noqa: ANN001
    dlg = _dialog(qtbot, tmp_path, dialogs)
    dlg.unit_picker.set_text("Klandasan Ulo")
    assert dlg.unit_picker.last.fuzzy
    assert "Tidak ada yang persis bernama “Klandasan Ulo”" in dlg.unit_picker.status.text()
    first = dlg.unit_picker.model.hit(0).region
    assert (first.code, first.name) == ("64.71.06.1003", "Klandasan Ulu")
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    assert "belum dipilih" in dlg.error.text() and _made(tmp_path) == []
    dlg.unit_picker.pick_row(0)
    assert "Dipilih: Kelurahan Klandasan Ulu" in dlg.unit_picker.status.text()
    dialogs.confirms.append(False)  # "Kembali" at the confirmation: still nothing made
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked[-1][0] == "confirm" and _made(tmp_path) == []
    # Typing again drops the choice.
    dlg.unit_picker.search.setText("Klandasan Ulux")
    assert dlg.unit_picker.chosen is None


def test_nonsense_is_refused_with_a_sentence(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dlg = _dialog(qtbot, tmp_path, dialogs)
    dlg.unit_picker.set_text("qzxwv jkjkjk")
    assert dlg.unit_picker.model.rowCount() == 0
    assert dlg.unit_picker.status.text().startswith("Tidak ditemukan desa/kelurahan bernama “qzxwv jkjkjk”. "
                                                    "Periksa ejaannya")
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    assert dlg.error.text().startswith("Tidak ada desa/kelurahan bernama “qzxwv jkjkjk”, jadi tidak ada yang dibuat")
    assert not dialogs.asked and dlg.chosen_home is None and _made(tmp_path) == []
    assert not dlg.error.isHidden()
    # The clerk types the right name: the refusal about "qzxwv jkjkjk" goes (it stood under Manggar's list).
    dlg.unit_picker.search.selectAll()
    qtbot.keyClicks(dlg.unit_picker.search, "manggar")
    qtbot.waitUntil(lambda: dlg.unit_picker.model.rowCount() > 0)  # the search waits for a pause in typing
    assert dlg.error.isHidden()


def test_enter_after_nonsense_says_in_red_that_nothing_was_found_and_what_to_try(qtbot, tmp_path: Path,
                                                                                 dialogs) -> None:  # noqa: ANN001
    dlg = _dialog(qtbot, tmp_path, dialogs)
    picker = dlg.unit_picker
    # Typed and Enter at once, before the pause that searches; "zzzzzz" once found Desa Zed and picked it.
    for nonsense in ("qwxzk", "zzzzzz", "ñññ"):
        picker.search.clear()
        if nonsense.isascii():
            qtbot.keyClicks(picker.search, nonsense)
        else:
            picker.search.insert(nonsense)  # QTest types only ASCII
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
        assert picker.model.rowCount() == 0 and picker.chosen is None
        text = picker.status.text()
        assert text.startswith(f"Tidak ditemukan desa/kelurahan bernama “{nonsense}”"), text
        assert "sebagian nama saja" in text and "kode Kemendagri" in text
        assert picker.status.property("kind") == "error"
        assert not dialogs.asked and _made(tmp_path) == []
    # Only punctuation: nothing to search, and Enter says what to type.
    picker.search.clear()
    qtbot.keyClicks(picker.search, "!!")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.status.text().startswith("Belum ada yang dicari: ketik paling sedikit 2 huruf")
    # A misspelt name: suggestions are listed, Enter picks none of them and says how to.
    picker.search.clear()
    qtbot.keyClicks(picker.search, "Klandasan Ulo")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.model.rowCount() > 0 and picker.chosen is None
    assert picker.status.text().startswith("Tidak ada yang persis bernama “Klandasan Ulo”, jadi belum ada yang dipilih")
    # A name that matches: Enter goes into the list on its first row, as before; the line is no longer red.
    picker.search.clear()
    qtbot.keyClicks(picker.search, "sungai nangka")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.region.code == "64.71.05.1010"
    assert picker.status.property("kind") == ""


def test_enter_in_the_kabupaten_kota_search_names_a_kabupaten_example(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dlg = FirstRunDialog(lambda kind, code: tmp_path / f"{kind}-{code}", dialogs)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.city_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: regions.ready((regions.CITY,)), timeout=30000)
    qtbot.keyClicks(dlg.city_picker.search, "xyzzy")
    qtbot.keyClick(dlg.city_picker.search, Qt.Key.Key_Enter)
    text = dlg.city_picker.status.text()
    assert text.startswith("Tidak ditemukan kabupaten/kota bernama “xyzzy”") and "Kutai Kartanegara" in text
    assert "Sungai Nangka" not in text and dlg.city_picker.chosen is None


def test_a_correct_name_is_confirmed_with_its_kecamatan_kab_kota_and_province(qtbot, tmp_path: Path,
                                                                             dialogs) -> None:  # noqa: ANN001
    dlg = _dialog(qtbot, tmp_path, dialogs)
    pick(qtbot, dlg.unit_picker, "sungai nangka", "64.71.05.1010")  # the alias spelling finds Sungainangka
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    kind, title, text = dialogs.asked[-1]
    assert kind == "confirm"
    assert text.startswith("Buat ruang kerja untuk Kelurahan Sungainangka, Kecamatan Balikpapan Selatan, "
                           "Kota Balikpapan (Kalimantan Timur)?")
    assert dlg.chosen_home == tmp_path / "kelurahan-64.71.05.1010"
    with Store.open(dlg.chosen_home, check=False, start_backup=False) as store:
        assert store.role == "kelurahan" and store.kelurahan_code == "64.71.05.1010"


def test_a_desa_of_kutai_kartanegara(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dlg = _dialog(qtbot, tmp_path, dialogs)
    pick(qtbot, dlg.unit_picker, "perian", "64.02.01.2001")  # two Perian: Lombok Timur's is listed too
    row = [dlg.unit_picker.model.hit(r).region.code for r in range(dlg.unit_picker.model.rowCount())].index(
        "64.02.01.2001")
    shown = dlg.unit_picker.model.index(row, 0).data()
    assert shown == "Desa Perian\nKec. Muara Muntai · Kabupaten Kutai Kartanegara · Kalimantan Timur"
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    assert "Desa Perian, Kecamatan Muara Muntai, Kabupaten Kutai Kartanegara (Kalimantan Timur)" in dialogs.asked[-1][2]
    with Store.open(dlg.chosen_home, check=False, start_backup=False) as store:
        assert store.kelurahan(store.kelurahan_code).kind == "desa" and store.city_code == "64.02"


def test_saya_dp3akb_finds_a_kabupaten_with_its_province(qtbot, tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    dlg = FirstRunDialog(lambda kind, code: tmp_path / f"{kind}-{code}", dialogs)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.city_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: regions.ready((regions.CITY,)), timeout=30000)
    dlg.city_picker.set_text("kab. kutai")
    shown = [dlg.city_picker.model.index(r, 0).data() for r in range(dlg.city_picker.model.rowCount())]
    assert "Kabupaten Kutai Kartanegara\nKalimantan Timur" in shown and len(shown) == 3
    pick(qtbot, dlg.city_picker, "kutai kartanegara", "64.02")
    qtbot.mouseClick(dlg.city_create_button, Qt.MouseButton.LeftButton)
    assert "Kabupaten Kutai Kartanegara (Kalimantan Timur): 20 kecamatan, 193 desa, 44 kelurahan" in dialogs.asked[-1][2]
    with Store.open(dlg.chosen_home, check=False, start_backup=False) as store:
        assert store.role == "city" and store.city_code == "64.02" and len(store.units("kelurahan")) == 237


def test_the_hits_model(qtmodeltester, qtbot) -> None:  # noqa: ANN001
    picker = RegionPicker((regions.UNIT,), within="64.71")
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: regions.ready((regions.UNIT,)), timeout=30000)
    picker.set_text("gunung")
    assert isinstance(picker.model, RegionHitsModel) and picker.model.rowCount() == 5
    assert picker.model.index(0, 0).data(RegionHitsModel.RecordRole).region.level == regions.UNIT
    qtmodeltester.check(picker.model)
