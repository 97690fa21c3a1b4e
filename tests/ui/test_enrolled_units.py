"""DP3AKB's units in the window (issue 9): words that follow the kabupaten, add / rename / retire,
and enrolling many at once in the background with one PDF of passphrase slips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db.store import Store
from tests.ui.test_city_window import answer_folders
from ui.city.city_window import CityWindow
from ui.city.enrolled_page import EnrolledModel, UnitDialog

KUKAR = "64.02"


@pytest.fixture
def kukar_window(make_window, tmp_path: Path):  # noqa: ANN001, ANN201
    home = tmp_path / "kukar"
    Store.create(home, "city", city_code=KUKAR, operator="Admin DP3AKB").close()
    w = make_window(home).window
    assert isinstance(w, CityWindow)
    return w


def test_a_kabupaten_says_desa_kelurahan(kukar_window: CityWindow) -> None:
    w = kukar_window
    labels = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert "Desa/Kelurahan × Indikator" in labels and "Desa/Kelurahan Terdaftar" in labels
    assert labels[:2] == ["Ringkasan Kabupaten", "Profil Anak Kabupaten"]
    w.show_page("enrolled")
    page = w.enrolled_page
    assert page.title.text() == "Desa/Kelurahan Terdaftar"
    assert page.model.headerData(EnrolledModel.COL_KELURAHAN, Qt.Orientation.Horizontal) == "Desa/Kelurahan"
    assert page.count.text() == "0 dari 237 desa/kelurahan terdaftar"
    row = page.model.row_of("64.02.01.2001")
    assert page.model.index(row, EnrolledModel.COL_KELURAHAN).data() == "Desa Perian"


def test_dp3akb_adds_renames_and_retires_a_desa(kukar_window: CityWindow, dialogs, qtmodeltester) -> None:  # noqa: ANN001
    w = kukar_window
    w.show_page("enrolled")
    page = w.enrolled_page
    page.select("64.02.01.2001")
    dialog = UnitDialog(w.session.store, page)
    dialog.set_kecamatan("64.02.01")
    assert dialog.code.text() == "64.02.01.2014"  # after the highest desa code of Muara Muntai
    unit = page.add_unit(dialog.code.text(), "Desa Perian Baru")
    assert unit is not None and unit.name == "Perian Baru" and unit.kind == "desa"
    assert page.count.text() == "0 dari 238 desa/kelurahan terdaftar"
    assert page.add_unit("64.02.01.2014", "Lain") is None
    assert dialogs.asked[-1][0] == "error" and "sudah dipakai Perian Baru" in dialogs.asked[-1][2]

    assert page.rename_unit(unit.code, "Perian Jaya")
    assert w.session.store.kelurahan(unit.code).name == "Perian Jaya"
    assert page.retire_unit(unit.code, "digabung ke Desa Perian")
    row = page.model.row_of(unit.code)
    assert page.model.index(row, EnrolledModel.COL_STATE).data() == "Tidak aktif (datanya disimpan)"
    assert "digabung ke Desa Perian" in page.model.index(row, EnrolledModel.COL_STATE).data(
        Qt.ItemDataRole.ToolTipRole)
    assert page.count.text() == "0 dari 237 desa/kelurahan terdaftar"
    page.select(unit.code)
    assert page.retire_button.text() == "Aktifkan lagi…"
    qtmodeltester.check(page.model)


def test_enrol_many_in_the_background_writes_files_and_one_pdf_of_slips(qtbot, kukar_window: CityWindow, dialogs,
                                                                       tmp_path: Path) -> None:  # noqa: ANN001
    w = kukar_window
    w.show_page("enrolled")
    page = w.enrolled_page
    codes = ["64.02.01.2001", "64.02.01.2002", "64.02.06.1001"]
    out = tmp_path / "pemasangan"
    out.mkdir()
    with qtbot.waitSignal(page.enrolled, timeout=60000) as blocker:
        page.enrol_all(out, codes)
    batch = blocker.args[0]
    assert batch is not None, page.note.text()
    assert [r.kelurahan_code for r in batch.results] == codes
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"KLA-pemasangan-{c}.klasetup" for c in codes] + ["lembar-kata-sandi.pdf"])
    pdf = (out / "lembar-kata-sandi.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert page.count.text() == "3 dari 237 desa/kelurahan terdaftar"
    assert "lembar-kata-sandi.pdf" in page.note.text() and "hapus berkas PDF itu" in page.note.text()
    # "Daftarkan semua yang belum…" asks first, with the count and the time it takes.
    dialogs.confirms.append(False)
    page.enrol_all_button.click()
    assert dialogs.asked[-1][0] == "confirm" and "Daftarkan 234 desa/kelurahan yang belum terdaftar?" in \
        dialogs.asked[-1][2]
    answer_folders(dialogs, [])



def test_a_retired_unit_stays_in_the_matrix_marked_as_such(kukar_window: CityWindow) -> None:
    w = kukar_window
    w.session.store.set_value("64.02.01.2001", w.session.year, 4, "anak_total", 5, sex="L", age="1-4")
    w.show_page("enrolled")
    assert w.enrolled_page.retire_unit("64.02.01.2001", "digabung")
    w.show_page("matrix")
    m = w.matrix_page.model
    row = m.row_of("64.02.01.2001")
    assert row >= 0  # its data is kept and shown
    assert m.index(row, m.COL_KELURAHAN).data() == "Perian (tidak aktif)"


def test_slips_a_stopped_batch_left_unprinted_are_named_and_printed_with_the_next(
        qtbot, kukar_window: CityWindow, dialogs, tmp_path: Path) -> None:  # noqa: ANN001
    """What a batch killed before its PDF leaves (keys enrolled, passphrases kept, no slips) is
    said on the page, and the next "Daftarkan semua" prints those slips too."""
    from exports import setup

    w = kukar_window
    out = tmp_path / "pemasangan"
    store = w.session.store
    for code in ("64.02.01.2001", "64.02.01.2002"):
        setup.enroll(store, code, out / f"KLA-pemasangan-{code}.klasetup", keep_slip=True)
    w.show_page("enrolled")
    page = w.enrolled_page
    page.refresh()
    assert page.count.text() == ("2 dari 237 desa/kelurahan terdaftar · 2 lembar kata sandi belum tercetak: klik "
                                 "“Daftarkan semua yang belum…”")
    with qtbot.waitSignal(page.enrolled, timeout=60000) as blocker:
        page.enrol_all(out, ["64.02.06.1001"])
    batch = blocker.args[0]
    assert [r.kelurahan_code for r in batch.earlier] == ["64.02.01.2001", "64.02.01.2002"]
    assert [r.kelurahan_code for r in batch.results] == ["64.02.06.1001"]
    assert "Lembar kata sandi 2 desa/kelurahan dari pendaftaran sebelumnya yang terhenti ikut dicetak" in \
        page.note.text()
    assert (out / "lembar-kata-sandi.pdf").read_bytes().startswith(b"%PDF-")
    assert page.count.text() == "3 dari 237 desa/kelurahan terdaftar"
    assert store.sync.pending_slips() == []


def test_enrol_many_gives_a_unit_with_data_at_dp3akb_a_restore_file_and_says_so(
        qtbot, kukar_window: CityWindow, dialogs, tmp_path: Path) -> None:  # noqa: ANN001
    w = kukar_window
    w.session.store.set_value("64.02.01.2001", w.session.year, 4, "anak_total", 5, sex="L", age="1-4")
    w.show_page("enrolled")
    page = w.enrolled_page
    out = tmp_path / "pemasangan"
    out.mkdir()
    with qtbot.waitSignal(page.enrolled, timeout=60000) as blocker:
        page.enrol_all(out, ["64.02.01.2001", "64.02.01.2002"])
    batch = blocker.args[0]
    assert [r.restore for r in batch.results] == [True, False]
    assert sorted(p.name for p in out.iterdir()) == ["KLA-pemasangan-64.02.01.2002.klasetup",
                                                     "KLA-pemulihan-64.02.01.2001.klasetup", "lembar-kata-sandi.pdf"]
    assert ("1 desa/kelurahan yang datanya sudah ada di DP3AKB mendapat berkas pemulihan (berisi data itu), bukan "
            "berkas pemasangan kosong: Perian (1 item).") in page.note.text()
    # Asked before the next batch: how many of those left get a restore file.
    w.session.store.set_value("64.02.06.1001", w.session.year, 4, "anak_total", 5, sex="L", age="1-4")
    dialogs.confirms.append(False)
    page.enrol_all_button.click()
    assert dialogs.asked[-1][0] == "confirm"
    assert ("1 di antaranya sudah punya data di DP3AKB: mereka mendapat berkas pemulihan berisi data itu, bukan "
            "berkas pemasangan kosong.") in dialogs.asked[-1][2]
