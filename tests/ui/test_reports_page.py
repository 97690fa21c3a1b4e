"""The Laporan page: a click writes the PDF or workbook in the background; open, show in folder, cancel."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QUrl


def _page(make_window, home: Path, tmp_path: Path):  # noqa: ANN001, ANN202
    launcher = make_window(home)
    w = launcher.window
    w.show_page("reports")
    page = w.reports_page
    page.out_dir = tmp_path / "laporan"
    opened: list[QUrl] = []
    page.open_url = opened.append
    return launcher, page, opened


def test_print_sheet_writes_the_pdf_previews_it_and_opens_it(qtbot, make_window, demo_home, tmp_path) -> None:  # noqa: ANN001
    launcher, page, opened = _page(make_window, demo_home, tmp_path)
    assert launcher.window.current_page() == "reports"
    assert "Lembar kemajuan Kelurahan Margo Mulyo untuk tahun data" in page.intro.text()
    assert "tempat tanda tangan Lurah." in page.intro.text()
    with qtbot.waitSignal(page.export_finished, timeout=20000) as sig:
        page.sheet_button.click()
    assert not page.sheet_button.isEnabled() or page.task is None
    path = Path(sig.args[0])
    assert path.parent == tmp_path / "laporan"
    assert path.name == f"Lembar kemajuan KLA Margo Mulyo {launcher.session.year}.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    qtbot.waitUntil(lambda: page.sheet_button.isEnabled())
    assert str(path) in page.result_label.text()
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
    page.open_button.click()
    page.show_button.click()
    assert [u.toLocalFile() for u in opened] == [str(path), str(path.parent)]


def test_export_xlsx_writes_the_workbook(qtbot, make_window, demo_home, tmp_path) -> None:  # noqa: ANN001
    _launcher, page, _opened = _page(make_window, demo_home, tmp_path)
    with qtbot.waitSignal(page.export_finished, timeout=20000) as sig:
        page.xlsx_button.click()
    path = Path(sig.args[0])
    assert path.suffix == ".xlsx" and path.exists()
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert "xl/workbook.xml" in z.namelist()
    qtbot.waitUntil(lambda: page.xlsx_button.isEnabled())


def test_cancel_writes_nothing_and_says_so(qtbot, make_window, demo_home, tmp_path, dialogs) -> None:  # noqa: ANN001
    _launcher, page, _opened = _page(make_window, demo_home, tmp_path)
    page.sheet_button.click()
    task = page.task
    assert task is not None and page.progress.isVisible()
    # Batal is pressed while the job is still reading the workspace (the worker checks before writing).
    page.progress.cancel_button.click()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert "Dibatalkan" in page.result_label.text()
    assert not page.open_button.isVisible()
    assert not (tmp_path / "laporan").exists() or list((tmp_path / "laporan").iterdir()) == []
    assert dialogs.asked == []
    assert page.sheet_button.isEnabled()


def test_a_failure_is_shown_in_indonesian(qtbot, make_window, demo_home, tmp_path, dialogs) -> None:  # noqa: ANN001
    _launcher, page, _opened = _page(make_window, demo_home, tmp_path)
    blocker = tmp_path / "laporan"
    blocker.write_text("bukan folder")  # the destination folder cannot be made
    task = page.print_sheet()
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert dialogs.asked and dialogs.asked[-1][0] == "error"
    assert dialogs.asked[-1][2].startswith("Gagal menulis ke ")
    assert page.sheet_button.isEnabled()


def test_a_desa_sheet_is_signed_by_its_kepala_desa(make_window, tmp_path) -> None:  # noqa: ANN001
    """The page said "Lembar kemajuan Kelurahan Perian … tanda tangan Lurah" while the PDF says Desa."""
    from db.store import Store

    Store.create(tmp_path / "perian", "kelurahan", kelurahan_code="64.02.01.2001", operator="Sari").close()
    _launcher, page, _opened = _page(make_window, tmp_path / "perian", tmp_path)
    assert page.intro.text().startswith("Lembar kemajuan Desa Perian untuk tahun data ")
    assert "tempat tanda tangan Kepala Desa." in page.intro.text()
    assert "tanda tangan Kepala Desa, sebagai PDF" in page.sheet_button.toolTip()
    assert "Kelurahan" not in page.intro.text() and "Lurah" not in page.intro.text()


def test_a_file_of_the_clerks_own_under_the_reports_name_is_never_replaced(qtbot, make_window, demo_home,
                                                                            tmp_path) -> None:  # noqa: ANN001
    launcher, page, _opened = _page(make_window, demo_home, tmp_path)
    year = launcher.session.year
    page.out_dir.mkdir(parents=True)
    own_pdf = page.out_dir / f"Lembar kemajuan KLA Margo Mulyo {year}.pdf"
    own_xlsx = page.out_dir / f"Data KLA Margo Mulyo {year}.xlsx"
    own_pdf.write_text("dokumen penting milik pengguna")
    own_xlsx.write_text("catatan lain")
    with qtbot.waitSignal(page.export_finished, timeout=20000) as sig:
        page.sheet_button.click()
    written = Path(sig.args[0])
    assert written.name == f"Lembar kemajuan KLA Margo Mulyo {year}-2.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert own_pdf.read_text() == "dokumen penting milik pengguna"
    qtbot.waitUntil(lambda: page.sheet_button.isEnabled())
    assert str(written) in page.result_label.text()
    with qtbot.waitSignal(page.export_finished, timeout=20000) as sig:
        page.xlsx_button.click()
    assert Path(sig.args[0]).name == f"Data KLA Margo Mulyo {year}-2.xlsx"
    assert own_xlsx.read_text() == "catatan lain"
    qtbot.waitUntil(lambda: page.xlsx_button.isEnabled())
    with qtbot.waitSignal(page.export_finished, timeout=20000) as sig:  # saved again: a third name
        page.sheet_button.click()
    assert Path(sig.args[0]).name == f"Lembar kemajuan KLA Margo Mulyo {year}-3.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    qtbot.waitUntil(lambda: page.sheet_button.isEnabled())
