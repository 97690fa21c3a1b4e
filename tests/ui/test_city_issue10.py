"""The DP3AKB window's city figures, indicator 2 and KELANA, the chase list and printing (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from db.store import Store
from tests.ui.test_city_window import KEL_A, KEL_B, fill_city
from ui.city.chase_page import ChaseModel
from ui.city.city_window import CityWindow
from ui.city.figures_page import FigureModel
from ui.reports import printing


@pytest.fixture
def city_home(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    year = fill_city(home)
    with Store.open(home, check=False, start_backup=False) as s:
        for kel, schools, sra, dekela in ((KEL_A, 10, 9, "dekela"), (KEL_B, 60, 40, "belum")):
            s.set_value(kel, year, 19, "satuan_pendidikan", schools)
            s.set_value(kel, year, 19, "sekolah_sra", sra)
            s.set_value(kel, year, 2, "status_dekela", dekela)
            s.set_value(kel, year, 2, "ada_patbm", True)
    return home


@pytest.fixture
def window(make_window, city_home: Path) -> CityWindow:  # noqa: ANN001
    w = make_window(city_home).window
    assert isinstance(w, CityWindow)
    return w


def test_profil_anak_kota_pools_percentages_and_drills_down(qtbot, window: CityWindow) -> None:  # noqa: ANN001
    window.show_page("figures")
    page = window.figures_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10000)
    page.indicator.setCurrentIndex(page.indicator.findData(19))
    m = page.model
    rows = {m.index(r, FigureModel.COL_ITEM).data(): r for r in range(m.rowCount())}
    year_col = FigureModel.COL_YEAR1 + len(page.years()) - 1
    sra = m.index(rows["Persentase SRA"], year_col).data()
    assert sra == "70,0% (49/70)"  # pooled, not the mean of 90% and 66,7%
    assert m.headerData(year_col, Qt.Orientation.Horizontal) == f"Tahun data {window.session.year}"
    assert "2 dari 34" in m.index(rows["Persentase SRA"], FigureModel.COL_COVER).data()
    # Drill down: Balikpapan Barat holds only Baru Ilir.
    top = page.areas.topLevelItem(0)
    barat = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == "Balikpapan Barat")
    assert barat.text(1) == "1 dari 6"
    page.areas.setCurrentItem(barat)
    rows = {m.index(r, FigureModel.COL_ITEM).data(): r for r in range(m.rowCount())}
    assert m.index(rows["Persentase SRA"], year_col).data().startswith("66,7%")
    assert "Balikpapan Barat" in page.area_title.text() and "SRA" in page.area_title.text()
    dest = window.session.home / "angka.csv"
    task = page.write_csv(dest)
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert dest.read_text("utf-8-sig").startswith("Tingkat;Kode wilayah")


def test_summary_shows_indicator_2_and_kelana_is_recorded(qtbot, window: CityWindow, city_home: Path) -> None:  # noqa: ANN001
    page = window.summary_page
    t = page.indicator2
    year_col = 1 + list(window.session.store.period_for_data_year(window.session.year).data_years).index(
        window.session.year)
    assert t.item(0, 0).text() == "Kelurahan berstatus DEKELA"
    assert t.item(0, year_col).text().startswith("1 dari 34")
    assert "Manggar" in t.item(0, year_col).toolTip()
    page.open_kelana()
    dlg = page.kelana_dialog
    dlg.table.setCurrentCell(0, 0)  # Balikpapan Timur
    dlg.status.setCurrentIndex(dlg.status.findData("kelana"))
    dlg.sk_number.setText("188.45/7/2026")
    dlg.sk_date.setText("17-08-2026")
    assert dlg.save()
    sk = city_home / "sk.pdf"
    sk.write_bytes(b"%PDF-1.4 sk")
    assert dlg.attach(sk)
    dlg.close()
    with Store.open(city_home, check=False, start_backup=False) as s:
        rec = s.kelana([window.session.year])[0]
    assert (rec.status, rec.sk_number, rec.sk_date, len(rec.files)) == ("kelana", "188.45/7/2026", "2026-08-17", 1)
    row = 5  # KELANA
    assert t.item(row, year_col).text().startswith("1 dari 6")


def test_chase_page_lists_reminds_and_records(qtbot, window: CityWindow, city_home: Path, tmp_path: Path) -> None:  # noqa: ANN001
    window.show_page("chase")
    page = window.chase_page
    qtbot.waitUntil(lambda: page.chase is not None, timeout=10000)
    m = page.model
    assert m.rowCount() == 34
    names = [m.index(r, ChaseModel.COL_NAME).data() for r in range(m.rowCount())]
    r = names.index("Manggar")
    assert m.index(r, ChaseModel.COL_STATE).data() == "Belum mengirim"
    # No column of bare marks ("R", "!"): the state's words, with the printed list's mark in their tooltip.
    for row in range(m.rowCount()):
        assert m.index(row, ChaseModel.COL_STATE).data(Qt.ItemDataRole.ToolTipRole).startswith(
            m.index(row, ChaseModel.COL_STATE).data() + " (di daftar cetak bertanda")
    page.view.selectRow(r)
    assert "Kelurahan Manggar" in page.reminder.toPlainText()
    assert page.copy_reminder() == QGuiApplication.clipboard().text()
    page.contact_name.setText("Bu Rina")
    page.contact_phone.setText("0812-5555-1234")
    page.save_contact.click()
    qtbot.waitUntil(lambda: page.chase is not None and not page.task.running, timeout=10000)
    with Store.open(city_home, check=False, start_backup=False) as s:
        assert s.contacts()[KEL_A].phone == "0812-5555-1234"
    # Typed for another kelurahan, then another row clicked: stored (it went without a word).
    other = names.index("Muara Rapak")
    page.view.selectRow(other)
    page.contact_name.setText("Pak Test")
    page.view.selectRow(r)
    qtbot.waitUntil(lambda: page.chase is not None and not page.task.running, timeout=10000)
    assert page.contact_name.text() == "Bu Rina"
    muara = next(c for c, n in ((x.code, x.name) for x in window.session.store.units("kelurahan")) if n == "Muara Rapak")
    assert window.session.store.contacts()[muara].name == "Pak Test"
    page.no_deadline.setChecked(False)
    page.save_deadline.click()
    qtbot.waitUntil(lambda: page.chase is not None and page.chase.deadline is not None, timeout=10000)
    dest = tmp_path / "pengingat.pdf"
    page.printed = lambda path: None  # no print preview in a test
    task = page.write_pdf(dest)
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert dest.read_bytes()[:5] == b"%PDF-"
    # The summary (deadline, who has not sent) stays; where the PDF went is said beside it.
    assert page.summary.text().startswith("Batas waktu: ") and "Belum mengirim" in page.summary.text()
    assert page.pdf_note.isVisibleTo(page) and str(dest) in page.pdf_note.text()
    # "Cetak daftar" twice: the list printed before stays (a paper already handed round).
    page.write_pdf = lambda d: written.append(d)  # type: ignore[method-assign]
    written: list[Path] = []
    first = window.session.home / "laporan" / f"Pengingat kiriman KLA {page.eval_year()}.pdf"
    first.parent.mkdir(parents=True, exist_ok=True)
    first.write_bytes(b"%PDF- the one printed last week")
    page.print_button.click()
    assert written == [first.with_name(first.stem + "-2.pdf")]


class SaveDialogs:
    def __init__(self, dest: Path, confirm: bool = True) -> None:
        self.dest, self.answer, self.asked = dest, confirm, []

    def confirm(self, parent, title, text, yes="", no=""):  # noqa: ANN001, ANN201
        self.asked.append(("confirm", title, text))
        return self.answer

    def save_file(self, parent, title, suggested="", name_filter="", kind=""):  # noqa: ANN001, ANN201
        self.asked.append(("save_file", title, suggested))
        return str(self.dest)

    def error(self, parent, title, text):  # noqa: ANN001, ANN201
        self.asked.append(("error", title, text))

    def info(self, parent, title, text):  # noqa: ANN001, ANN201
        self.asked.append(("info", title, text))


def test_no_printer_is_said_and_save_is_offered(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    pdf = tmp_path / "lembar.pdf"
    from db.demo import make_pdf

    make_pdf(pdf, "LEMBAR", ["baris"])
    d = SaveDialogs(tmp_path / "salinan.pdf")
    assert printing.print_pdf(None, d, pdf, printers=lambda: []) is False
    assert d.asked[0][0] == "confirm" and "Tidak ada printer" in d.asked[0][2]
    # It says the PDF is saved already, and where (it asked to save what the page showed as saved).
    assert f"PDF-nya sudah tersimpan di folder ini:\n{pdf.parent}\n" in d.asked[0][2] and "Simpan PDF sekarang" not in d.asked[0][2]
    assert (tmp_path / "salinan.pdf").read_bytes() == pdf.read_bytes()
    # ... and the clerk is told where the copy went (before: nothing was said after "Simpan").
    assert d.asked[-1][0] == "info" and f"PDF tersimpan di:\n{tmp_path / 'salinan.pdf'}\n" in d.asked[-1][2]
    # With a printer: the preview's choice is honoured and every page is drawn (to a PDF printer here).
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "dicetak.pdf"

    def preview(printer: QPrinter, path: Path) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    assert printing.print_pdf(None, d, pdf, printers=lambda: ["Kantor"], preview=preview)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert printing.print_pdf(None, d, pdf, printers=lambda: ["Kantor"], preview=lambda p, f: False) is False


def test_a_file_that_cannot_be_opened_says_so(tmp_path: Path) -> None:
    d = SaveDialogs(tmp_path / "x.pdf")
    assert printing.open_file(None, d, tmp_path / "laporan.pdf", lambda url: False) is False
    assert d.asked[-1][0] == "error" and "tidak punya program untuk membuka laporan.pdf" in d.asked[-1][2]
    assert printing.open_file(None, d, tmp_path / "laporan.pdf", lambda url: True)


def test_passphrase_slip_without_printer_is_saved_as_pdf_when_asked(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QTextDocument

    d = SaveDialogs(tmp_path / "kata-sandi.pdf")

    def paint(printer) -> None:  # noqa: ANN001
        doc = QTextDocument()
        doc.setPlainText("Kata sandi: kata-sandi-contoh")
        doc.print_(printer)

    assert printing.print_document(None, d, paint, "Kata sandi Manggar", printers=lambda: []) == "saved"
    assert (tmp_path / "kata-sandi.pdf").read_bytes()[:5] == b"%PDF-"
    assert d.asked[0][0] == "confirm" and not (Path.home() / "print.pdf").exists()
    d.answer = False
    assert printing.print_document(None, d, paint, "x", printers=lambda: []) == ""


def test_blank_forms_from_the_reports_page(qtbot, window: CityWindow) -> None:  # noqa: ANN001
    window.show_page("reports")
    page = window.reports_page
    page.forms_scope.setCurrentIndex(page.forms_scope.findData(13))
    task = page.print_forms(print_after=False)
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert page.last_path is not None and page.last_path.name == "Formulir kosong KLA indikator 13.pdf"
    assert page.last_path.read_bytes()[:5] == b"%PDF-" and page.print_button.isVisible() is not None


def test_review_dialog_moves_through_indicators_and_kelurahan_with_keys(qtbot, window: CityWindow) -> None:  # noqa: ANN001
    from PySide6.QtTest import QTest

    from ui.city.detail_dialog import IndicatorDetailDialog

    s = window.session
    d = IndicatorDetailDialog(s, KEL_A, 5, open_file=lambda p: True)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)  # shortcuts belong to the active window
    assert d.position.text() == "indikator 5 dari 24" and d.prev_button.isEnabled()
    d.next_button.click()
    assert d.indicator_no == 6 and d.title.text().startswith("6.")
    QTest.keyClick(d, Qt.Key.Key_PageUp)
    assert d.indicator_no == 5
    QTest.keyClick(d, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert d.kelurahan_code != KEL_A and d.indicator_no == 5
    assert d.step_kelurahan(-1) and d.kelurahan_code == KEL_A
    # Ctrl+Enter: "Diterima", then the next indicator.
    QTest.keyClick(d, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert s.store.indicator_status(KEL_A, s.year, 5).review_state == "diterima" and d.indicator_no == 6
    d.show_indicator(KEL_A, 24)
    assert not d.next_button.isEnabled() and not d.step_indicator(1)
    assert "&Diterima" in d.accept_button.text() and "&Perlu perbaikan" in d.fix_button.text()


def test_a_kabupaten_summary_says_kabupaten_and_desa_kelurahan(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    """Kutai Kartanegara's summary said "Kelengkapan kota", "Kelurahan berstatus DEKELA" of 237 desa/kelurahan."""
    from PySide6.QtWidgets import QLabel

    Store.create(tmp_path / "kukar", "city", city_code="64.02", operator="Rina").close()
    w = make_window(tmp_path / "kukar").window
    page = w.summary_page
    texts = [lbl.text() for lbl in page.findChildren(QLabel)]
    assert "Kelengkapan kabupaten" in texts and "Perkiraan nilai kabupaten (tidak resmi)" in texts
    assert page.score_note.text().startswith("Perkiraan milik kabupaten: kelengkapan data desa/kelurahan ditimbang")
    assert "Arahkan tetikus ke angka untuk melihat desa/kelurahan atau kecamatan yang dihitung." in texts
    rows = [page.indicator2.item(r, 0).text() for r in range(page.indicator2.rowCount())]
    assert rows[:2] == ["Desa/Kelurahan berstatus DEKELA", "Desa/Kelurahan yang memiliki PATBM"]
    assert "Profil Anak diperbarui (jawaban desa/kelurahan)" in rows
    assert not any("kota" in t.lower().split() for t in texts)


def test_a_kabupaten_inbox_and_chase_name_desa_kelurahan(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    from ui.city.inbox_models import ConflictModel, ImportReportModel

    Store.create(tmp_path / "kukar", "city", city_code="64.02", operator="Rina").close()
    w = make_window(tmp_path / "kukar").window
    w.show_page("inbox")
    inbox = w.inbox_page
    assert "Kotak Masuk · impor kiriman desa/kelurahan" in [lbl.text() for lbl in inbox.findChildren(QLabel)]
    h = Qt.Orientation.Horizontal
    assert inbox.report_model.headerData(ImportReportModel.COL_KELURAHAN, h) == "Desa/Kelurahan"
    assert inbox.conflict_model.headerData(ConflictModel.COL_KELURAHAN, h) == "Desa/Kelurahan"
    assert inbox.report_model.headerData(ImportReportModel.COL_FILE, h) == "Berkas"
    w.show_page("chase")
    chase = w.chase_page
    assert chase.model.headerData(ChaseModel.COL_NAME, h) == "Desa/Kelurahan"
    assert "Kontak desa/kelurahan" in [lbl.text() for lbl in chase.findChildren(QLabel)]
    qtbot.waitUntil(lambda: bool(chase.summary.text()), timeout=10000)  # the list is read in the background
    assert chase.summary.text().endswith("pilih satu desa/kelurahan untuk teks pengingatnya.")


def test_the_conflict_buttons_show_their_whole_words_with_bigger_text(window: CityWindow, qtbot) -> None:  # noqa: ANN001
    """At 125% the three buttons in one row cut "Bandingkan kedua versi…" to "ndingkan kedua vers"."""
    window.show_page("inbox")
    page = window.inbox_page
    font = page.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    page.setFont(font)
    window.resize(1093, 614)
    qtbot.waitUntil(lambda: page.compare_button.isVisible())
    for b in (page.compare_button, page.keep_held, page.keep_incoming):
        qtbot.waitUntil(lambda b=b: b.width() >= b.sizeHint().width(), timeout=3000)


def test_a_papua_kabupaten_calls_its_kecamatan_distrik(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Kabupaten Jayawijaya (Papua Pegunungan): every table and sentence about its kecamatan says Distrik."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from ui.city.enrolled_page import EnrolledModel
    from ui.city.models import KecamatanModel
    from ui.city.rubric_page import RubricUnitsModel

    Store.create(tmp_path / "jayawijaya", "city", city_code="95.01", operator="Yohana").close()
    w = make_window(tmp_path / "jayawijaya").window
    h = Qt.Orientation.Horizontal
    page = w.summary_page
    texts = [lbl.text() for lbl in page.findChildren(QLabel)]
    assert page.kecamatan_model.headerData(KecamatanModel.COL_NAME, h) == "Distrik"
    assert page.kecamatan_model.headerData(KecamatanModel.COL_KELURAHAN, h) == "Desa/Kelurahan"  # it has both
    assert "Per distrik" in texts
    assert "* perkiraan tidak resmi. Kelengkapan: rata-rata desa/kelurahan di distrik itu." in texts
    assert "Arahkan tetikus ke angka untuk melihat desa/kelurahan atau distrik yang dihitung." in texts
    rows = [page.indicator2.item(r, 0).text() for r in range(page.indicator2.rowCount())]
    assert "Distrik berstatus KELANA (dicatat DP3AKB)" in rows
    w.show_page("enrolled")
    assert w.enrolled_page.model.headerData(EnrolledModel.COL_KECAMATAN, h) == "Distrik"
    w.show_page("chase")
    assert w.chase_page.model.headerData(ChaseModel.COL_KEC, h) == "Distrik"
    w.show_page("rubric")
    assert w.rubric_page.units_model.headerData(RubricUnitsModel.COL_KECAMATAN, h) == "Distrik"
    w.show_page("matrix")
    assert w.matrix_page.kecamatan.itemText(0) == "Semua distrik"
    assert "Distrik" in [lbl.text() for lbl in w.matrix_page.findChildren(QLabel)]
    w.show_page("reports")
    buttons = [b.text() for b in w.reports_page.findChildren(QPushButton)]
    assert "Simpan laporan kabupaten (PDF)" in buttons and "Cetak laporan kabupaten…" in buttons
    assert "rekap per distrik, desa/kelurahan paling tertinggal" in w.reports_page.city_button.toolTip()
    # A kota elsewhere keeps "Kecamatan".
    Store.create(tmp_path / "kota", "city", operator="Rina").close()
    kota = make_window(tmp_path / "kota").window
    assert kota.summary_page.kecamatan_model.headerData(KecamatanModel.COL_NAME, h) == "Kecamatan"


def test_profil_anak_kota_lines_of_one_item_read_apart_when_cut(qtbot, window: CityWindow) -> None:  # noqa: ANN001
    """Seen at 1366x768: the Ya and the Tidak lines of "Ada kebijakan KLA tingkat kelurahan" both read
    "Ada kebijakan KLA tingkat kel…" (cut at the right, where the choice is)."""
    window.resize(1366, 768)
    window.show()
    window.show_page("figures")
    page = window.figures_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10000)
    page.indicator.setCurrentIndex(page.indicator.findData(1))
    m, view = page.model, page.view
    fm = view.fontMetrics()
    room = view.columnWidth(FigureModel.COL_ITEM) - 8
    shown = [fm.elidedText(m.index(r, FigureModel.COL_ITEM).data(), view.textElideMode(), room)
             for r in range(m.rowCount())]
    choices = [t for t in (m.index(r, FigureModel.COL_ITEM).data() for r in range(m.rowCount())) if ": " in t]
    assert choices and any(fm.horizontalAdvance(t) > room for t in choices)  # some are cut
    assert len(set(shown)) == len(shown), shown  # yet every line reads apart


def _review_with_files(qtbot, window: CityWindow):  # noqa: ANN001, ANN202
    """The review dialog of the first indicator of a kelurahan with files: (dialog, files opened, kel, no)."""
    from ui.city.detail_dialog import IndicatorDetailDialog

    s = window.session
    opened: list[str] = []
    kel, no = next((k, i) for k in (u.code for u in s.store.units("kelurahan")) for i in range(1, 25)
                   if s.store.evidence_list(k, s.year, i))
    d = IndicatorDetailDialog(s, kel, no, open_file=lambda p: opened.append(p) or True)
    qtbot.addWidget(d)
    return d, opened, kel, no


def test_the_review_dialog_opens_a_file_under_its_own_name(qtbot, window: CityWindow) -> None:  # noqa: ANN001
    """The kept file is named by its SHA-256, without an extension: the PC was handed that."""
    s = window.session
    d, opened, kel, no = _review_with_files(qtbot, window)
    rec = s.store.evidence_list(kel, s.year, no)[0]
    d.evidence.setCurrentRow(0)
    d.open_button.click()
    assert [Path(p).name for p in opened] == [rec.original_name]
    assert Path(opened[0]).read_bytes() == s.store.evidence_path(rec).read_bytes()


def test_kelana_typed_is_kept_on_another_row_on_escape_and_enter_saves(qtbot, window: CityWindow,  # noqa: ANN001
                                                                     city_home: Path) -> None:
    """Typed for one kecamatan, then another row clicked or Escape: nothing was stored, without a word;
    Enter in Nomor SK opened "Lampirkan SK…"."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = window.summary_page
    page.open_kelana()
    dlg = page.kelana_dialog
    year = window.session.year

    def stored() -> dict[str, tuple[str, str]]:
        return {r.kecamatan_code: (r.status, r.sk_number) for r in window.session.store.kelana([year])}

    codes = [k.code for k in dlg.kecamatan]
    dlg.table.setCurrentCell(0, 0)
    dlg.status.setCurrentIndex(dlg.status.findData("inisiasi"))
    dlg.sk_number.setText("188.45/1/2026")
    dlg.table.setCurrentCell(1, 0)  # another kecamatan: the first is stored first
    assert stored()[codes[0]] == ("inisiasi", "188.45/1/2026") and dlg.current_code() == codes[1]
    assert dlg.sk_number.text() == ""
    dlg.sk_number.setFocus()
    QTest.keyClicks(dlg.sk_number, "188.45/2/2026")
    QTest.keyClick(dlg.sk_number, Qt.Key.Key_Return)  # Enter: stored, no file dialog
    assert stored()[codes[1]][1] == "188.45/2/2026"
    dlg.table.setCurrentCell(2, 0)
    dlg.sk_number.setText("188.45/3/2026")
    dlg.reject()  # Escape / Tutup: asked, and Enter there (the default, "Simpan") stores it
    assert window.session.dialogs.asked[-1][:2] == ("choose", "Perubahan belum disimpan")
    assert stored()[codes[2]][1] == "188.45/3/2026"


def test_enter_in_the_review_dialogs_values_opens_no_file(qtbot, window: CityWindow) -> None:  # noqa: ANN001
    """Enter in the Isian table pressed the dialog's first button, "Buka berkas"."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    d, opened, _kel, _no = _review_with_files(qtbot, window)
    d.show()
    qtbot.waitExposed(d)
    from PySide6.QtWidgets import QAbstractItemView

    values = next(v for v in d.findChildren(QAbstractItemView) if v is not d.evidence)
    values.setFocus()
    QTest.keyClick(values, Qt.Key.Key_Return)
    assert opened == [] and d.isVisible()


def test_profil_anak_kota_marks_a_percentage_over_some_cells_as_the_city_report_does(
        qtbot, make_window, city_home: Path) -> None:  # noqa: ANN001
    """Manggar typed certificates for three of ten age groups: the city's coverage is "…%*", with the
    footnote the city report prints under it; a percentage every unit gave whole is not marked."""
    window = make_window(city_home).window
    year = window.session.year
    store = window.session.store
    t = store.template
    for sex, age in t.cells(t.indicator(4).item("anak_total")):
        store.set_value(KEL_A, year, 4, "anak_total", 1000, sex=sex, age=age)
    for sex, age, n in (("L", "0-60h", 20), ("L", "1-4", 700), ("P", "1-4", 500)):
        window.session.store.set_value(KEL_A, year, 4, "anak_berakta", n, sex=sex, age=age)
    window.show_page("figures")
    page = window.figures_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10000)
    page.indicator.setCurrentIndex(page.indicator.findData(4))
    m = page.model
    year_col = FigureModel.COL_YEAR1 + len(page.years()) - 1
    cover = [m.index(r, year_col).data() for r in range(m.rowCount())
             if m.index(r, FigureModel.COL_ITEM).data().startswith("Cakupan akta kelahiran")]
    assert cover and all("%*" in c for c in cover if c != "–"), cover
    assert "* Sementara: ada kelurahan yang baru mengisi sebagian kolom; berubah setelah semua kolom terisi." in \
        page.note.text()
    page.indicator.setCurrentIndex(page.indicator.findData(19))
    assert all("*" not in (m.index(r, year_col).data() or "") for r in range(m.rowCount()))
    assert "Sementara" not in page.note.text()
