"""DP3AKB's Laporan page: city report, Excel and evidence pack land on disk complete; Batal leaves nothing.

The city workspace is small on purpose (an empty city store with values and evidence
for two kelurahan), not the 34-kelurahan demo.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QUrl

from db.store import Store
from ui.city.city_window import CityWindow
from ui.city.reports_page import CityReportsPage

KEL_A = "64.71.01.1001"  # Manggar, Kec. Balikpapan Timur
KEL_B = "64.71.02.1001"  # Baru Ilir, Kec. Balikpapan Barat


@pytest.fixture
def city_home(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    with Store.create(home, "city", operator="Rina DP3AKB") as store:
        year = max(store.current_period().data_years)
        store.set_value(KEL_A, year, 5, "ada_ila", True)
        store.set_value(KEL_A, year, 5, "jumlah_ila", "2")
        store.set_value(KEL_B, year, 5, "ada_ila", True)
        photo = tmp_path / "foto-ila.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the reading corner" * 50)
        store.add_evidence(KEL_A, photo, links=[(year, 5)], kind="photo", caption="Pojok baca RW 3",
                           doc_date=f"{year}-03-01")
        sk = tmp_path / "sk-forum-anak.pdf"
        sk.write_bytes(b"%PDF-1.4 SK Forum Anak Baru Ilir %%EOF")
        store.add_evidence(KEL_B, sk, links=[(year, 1)], kind="sk", caption="SK Forum Anak",
                           doc_date=f"{year}-01-10")
    return home


@pytest.fixture
def page(make_window, city_home: Path, tmp_path: Path) -> CityReportsPage:  # noqa: ANN001
    w = make_window(city_home).window
    assert isinstance(w, CityWindow)
    w.show_page("reports")
    assert w.current_page() == "reports"
    p = w.reports_page
    p.out_dir = tmp_path / "laporan"
    p.opened = []  # type: ignore[attr-defined]
    p.open_url = p.opened.append  # type: ignore[attr-defined]
    return p


def _export(qtbot, page: CityReportsPage, button) -> Path:  # noqa: ANN001
    with qtbot.waitSignal(page.export_finished, timeout=20000) as sig:
        button.click()
    qtbot.waitUntil(lambda: page.task is None)
    assert all(b.isEnabled() for b in page.action_buttons)
    path = Path(sig.args[0])
    assert path.parent == page.out_dir and path.is_file()
    assert str(path) in page.result_label.text() and page.open_button.isVisible()
    return path


def test_the_page_is_in_the_city_navigation(page: CityReportsPage) -> None:
    w = page.window()
    labels = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert "Laporan" in labels
    assert "Kota Balikpapan" in page.intro.text() and str(page.session.year) in page.intro.text()
    assert [b.text() for b in page.action_buttons[:4]] == [
        "Cetak laporan kota…", "Simpan laporan kota (PDF)", "Ekspor ke Excel", "Paket data dukung"]
    # The whole city, then each of the 34 kelurahan.
    assert page.pack_scope.count() == 35
    assert page.pack_scope.itemText(0) == "Seluruh kota (34 kelurahan)"
    assert page.pack_kelurahan() is None


def test_city_report_pdf_is_written_previewed_and_opened(qtbot, page: CityReportsPage) -> None:  # noqa: ANN001
    path = _export(qtbot, page, page.city_button)
    assert path.name == f"Laporan kota KLA Kota Balikpapan {page.session.year}.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
    page.open_button.click()
    page.show_button.click()
    assert [u.toLocalFile() for u in page.opened] == [str(path), str(path.parent)]  # type: ignore[attr-defined]
    assert isinstance(page.opened[0], QUrl)  # type: ignore[attr-defined]


def test_excel_holds_every_kelurahan_with_data(qtbot, page: CityReportsPage) -> None:  # noqa: ANN001
    path = _export(qtbot, page, page.xlsx_button)
    assert path.name == f"Data KLA Kota Balikpapan {page.session.year}.xlsx"
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
    wb = load_workbook(path, read_only=True)
    try:
        text = " ".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row)
    finally:
        wb.close()
    assert "Manggar" in text and "Baru Ilir" in text
    assert "Pojok baca RW 3" in text and "SK Forum Anak" in text


def test_the_excel_bar_says_what_it_does_through_the_sums_and_the_save(qtbot, page: CityReportsPage) -> None:  # noqa: ANN001
    """At 1,000 units the figures take ~25 s to add up and the zip ~8 s after the last row (an office
    PC: more): the bar said "Membaca data ..." and then stood at 100 % through both."""
    seen: list[tuple[int, int, str]] = []
    with qtbot.waitSignal(page.export_finished, timeout=30000):
        page.xlsx_button.click()
        assert page.task is not None and page.progress.isVisible()
        page.task.progressed.connect(lambda d, t, text: seen.append((d, t, text)))
    texts = [text for _d, _t, text in seen]
    assert "Menjumlahkan angka per wilayah" in texts and "Menulis rekap angka" in texts
    saving = [(d, t) for d, t, text in seen if text == "Menyimpan buku kerja"]
    assert saving and saving[-1][0] == saving[-1][1] > 0  # the bar reaches its end while saving
    assert texts.index("Menjumlahkan angka per wilayah") < texts.index("Menulis rekap angka") < len(texts) - 1


def test_evidence_pack_for_the_whole_city(qtbot, page: CityReportsPage) -> None:  # noqa: ANN001
    path = _export(qtbot, page, page.pack_button)
    assert path.name == f"Paket data dukung KLA Kota Balikpapan {page.session.year}.zip"
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = z.namelist()
        photo = next(n for n in names if n.endswith(".jpg"))
        assert z.read(photo) == b"\xff\xd8\xff\xe0 a photo of the reading corner" * 50
    assert names[:2] == ["daftar-isi.csv", "daftar-isi.html"]
    assert photo.startswith(f"Manggar ({KEL_A})/")
    assert any(n.startswith(f"Baru Ilir ({KEL_B})/") and n.endswith(".pdf") for n in names)
    assert page.preview.pixmap() is None or page.preview.pixmap().isNull()


def test_evidence_pack_for_one_chosen_kelurahan(qtbot, page: CityReportsPage) -> None:  # noqa: ANN001
    page.pack_scope.setCurrentIndex(page.pack_scope.findData(KEL_B))
    assert page.pack_scope.currentText() == "Kelurahan Baru Ilir — Kec. Balikpapan Barat"
    path = _export(qtbot, page, page.pack_button)
    assert path.name == f"Paket data dukung KLA Kelurahan Baru Ilir {page.session.year}.zip"
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        files = [n for n in z.namelist() if not n.startswith("daftar-isi")]
    assert len(files) == 1 and files[0].endswith(".pdf") and "Manggar" not in " ".join(files)


@pytest.mark.parametrize("which", ["city_button", "xlsx_button", "pack_button"])
def test_cancel_leaves_no_file(qtbot, page: CityReportsPage, which: str, dialogs) -> None:  # noqa: ANN001
    getattr(page, which).click()
    task = page.task
    assert task is not None and page.progress.isVisible()
    assert not page.pack_scope.isEnabled()
    page.progress.cancel_button.click()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert "Dibatalkan" in page.result_label.text()
    assert not page.open_button.isVisible()
    assert not page.out_dir.exists() or list(page.out_dir.iterdir()) == []
    assert dialogs.asked == []
    assert all(b.isEnabled() for b in page.action_buttons)


def test_closing_the_window_cancels_a_running_export(qtbot, page: CityReportsPage) -> None:  # noqa: ANN001
    page.pack_button.click()
    task = page.task
    w = page.window()
    assert w.background_tasks() == [task]
    w.close()  # cancels and waits for the worker
    assert task.is_cancelled()
    assert not page.out_dir.exists() or list(page.out_dir.iterdir()) == []


def test_a_typed_name_that_is_no_kelurahan_writes_no_pack(qtbot, page: CityReportsPage, dialogs) -> None:  # noqa: ANN001
    """Typing a name with a typo must not quietly give the whole city's pack under the city's name."""
    page.pack_scope.setEditText("Margo Mulya")
    page.pack_button.click()
    assert page.task is None
    kind, title, text = dialogs.asked[-1]
    assert kind == "error" and "Margo Mulya" in text and "daftar" in text
    assert not page.out_dir.exists() or not any(page.out_dir.iterdir())
    # A part of a real name still finds it.
    page.pack_scope.setEditText("baru ilir")
    path = _export(qtbot, page, page.pack_button)
    assert path.name == f"Paket data dukung KLA Kelurahan Baru Ilir {page.session.year}.zip"
