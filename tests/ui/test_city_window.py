"""The DP3AKB window: what a city officer sees and what lands in the store.

The city workspace is built cheaply (no 34-kelurahan demo): an empty city store with a
few values and evidence for two kelurahan; the inbox tests use two enrolled demo
kelurahan and real bundles made by the engine.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt

from db.changes import Changes
from db.demo import create_demo
from db.errors import KlaError
from db.store import Store
from exports import bundle, receipts, setup
from ui.city.city_window import CityWindow
from ui.city.enrolled_page import EnrolledModel
from ui.city.inbox_models import ImportReportModel
from ui.city.models import STATE_COLORS, CityMatrixModel, IndicatorValuesModel, KecamatanModel
from ui.city.rollup import city_rollup
from ui.session import kla_error_text
from ui.widgets.formatting import fmt_percent

KEL_A = "64.71.01.1001"  # Manggar, Kec. Balikpapan Timur (4 kelurahan)
KEL_B = "64.71.02.1001"  # Baru Ilir, Kec. Balikpapan Barat (6 kelurahan)


def fill_city(home: Path) -> int:
    """A city workspace: A has indicator 5 complete and 1 ready; B has indicator 5 partly filled."""
    store = Store.create(home, "city", operator="Rina DP3AKB")
    try:
        year = max(store.current_period().data_years)
        store.set_value(KEL_A, year, 5, "ada_ila", True)
        store.set_value(KEL_A, year, 5, "jumlah_ila", "2")
        photo = home / "foto-ila.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg but a file")
        store.add_evidence(KEL_A, photo, links=[(year, 5)], kind="photo", caption="Pojok baca RW 3",
                           doc_date=f"{year}-03-01")
        store.set_value(KEL_A, year, 1, "ada_kebijakan", True)
        store.set_value(KEL_A, year, 1, "anak_dilibatkan", True)
        store.set_status(KEL_A, year, 1, "ready")
        store.set_value(KEL_B, year, 5, "ada_ila", True)
        return year
    finally:
        store.close()


@pytest.fixture
def city_home(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    fill_city(home)
    return home


@pytest.fixture
def city_window(make_window, city_home: Path):  # noqa: ANN001, ANN201
    opened: list[str] = []
    launcher = make_window(city_home)
    w = launcher.window
    assert isinstance(w, CityWindow)
    w.matrix_page.open_file = opened.append  # evidence "opened" without a desktop
    w.opened = opened  # type: ignore[attr-defined]
    return w


def cell(w: CityWindow, kel: str, no: int) -> QModelIndex:
    m = w.matrix_page.model
    return m.index(m.row_of(kel), m.column_of(no))


# ---------------------------------------------------------------------------- window and summary


def test_a_city_workspace_opens_the_dp3akb_window(city_window: CityWindow) -> None:
    w = city_window
    assert w.header.title.text() == "Kota Balikpapan"
    assert "DP3AKB" in w.header.place.text()
    assert w.header.operator.text() == "Rina DP3AKB"
    labels = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert labels == ["Ringkasan Kota", "Profil Anak Kota", "Kelurahan × Indikator", "Pengingat Kiriman",
                      "Kotak Masuk", "Kelurahan Terdaftar", "Template", "Rubrik Kelurahan", "Laporan", "Pengaturan"]
    assert w.current_page() == "summary"


def test_summary_rolls_up_per_kecamatan(city_window: CityWindow, city_home: Path) -> None:
    w = city_window
    page = w.summary_page
    with Store.open(city_home, check=False, start_backup=False) as s:
        a = s.status(KEL_A, w.session.year).completeness
        b = s.status(KEL_B, w.session.year).completeness
    m = page.kecamatan_model
    assert m.rowCount() == 6
    rows = {m.index(r, 0).data(): r for r in range(6)}
    timur, barat = rows["Balikpapan Timur"], rows["Balikpapan Barat"]
    assert m.index(timur, KecamatanModel.COL_KELURAHAN).data() == "4"
    assert m.index(timur, KecamatanModel.COL_COMPLETENESS).data() == fmt_percent(a / 4 * 100)
    assert m.index(timur, KecamatanModel.COL_READY).data() == "1 / 96"
    assert m.index(barat, KecamatanModel.COL_KELURAHAN).data() == "6"
    assert m.index(barat, KecamatanModel.COL_COMPLETENESS).data() == fmt_percent(b / 6 * 100)
    assert m.index(barat, KecamatanModel.COL_PARTIAL).data() == "1"
    assert page.completeness.text() == fmt_percent((a + b) / 34 * 100)
    # The estimate reads as the city report prints it: one decimal, "1.000" with its dot (it said
    # "2 dari 1000" beside the paper's "1,8 dari 1.000").
    from exports import reports

    with Store.open(city_home, check=False, start_backup=False) as s:
        printed = reports.fmt_decimal(reports.collect_city(s, w.session.year).city_estimate)
    assert page.score.text() == f"{printed} dari 1.000"
    titles = [lbl.text() for lbl in page.findChildren(type(page.title))]
    assert any("perkiraan tidak resmi" in t for t in titles)
    # The kelurahan furthest behind are the 32 that sent nothing; A (furthest ahead) is not listed.
    listed = [page.behind.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.behind.count())]
    assert KEL_A not in listed and len(listed) == 6


def test_indicator_2_is_read_again_only_when_its_data_may_have_changed(city_window: CityWindow,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    w = city_window
    store, year = w.session.store, w.session.year
    reads: list[object] = []
    real = store.kelembagaan
    monkeypatch.setattr(store, "kelembagaan", lambda years: reads.append(years) or real(years))
    w.session.set_review(KEL_A, 4, "diterima", "cek umur")  # a review of indicator 4: measures unchanged
    assert reads == []
    assert w.summary_page.indicator2.item(0, 1) is not None
    w.session.notify(Changes.of("value", KEL_A, units=[KEL_A], indicators=[(year, 2)]))
    assert len(reads) == 1  # a value of indicator 2: read again (the page is on screen)
    w.show_page("matrix")
    w.session.notify(Changes.of("sync", KEL_A, units=[KEL_A]))  # an import: any indicator, page hidden
    assert len(reads) == 1
    w.show_page("summary")
    assert len(reads) == 2  # read when shown again


def test_rollup_counts_states_and_reviews(city_home: Path) -> None:
    with Store.open(city_home, check=False, start_backup=False) as s:
        year = max(s.current_period().data_years)
        s.set_review(KEL_B, year, 5, "perlu_perbaikan", "Jumlah ILA belum diisi")
        r = city_rollup(s.city_status(year), s.template)
    assert (r.kelurahan, r.indicators) == (34, 34 * 24)
    assert (r.ready, r.complete, r.partial, r.needs_fix) == (1, 1, 1, 1)
    assert r.empty == 34 * 24 - 3
    assert 0 < r.score_estimate < 1000


# ---------------------------------------------------------------------------- matrix


def test_matrix_cells_show_each_state_in_its_colour(city_window: CityWindow) -> None:
    w = city_window
    w.show_page("matrix")
    m = w.matrix_page.model
    assert m.rowCount() == 34 and m.columnCount() == 3 + 24
    expect = {(KEL_A, 5): "complete", (KEL_A, 1): "ready", (KEL_B, 5): "partial", (KEL_B, 1): "empty"}
    for (kel, no), state in expect.items():
        idx = cell(w, kel, no)
        assert idx.data(CityMatrixModel.StateRole) == state, (kel, no)
        assert idx.data(Qt.ItemDataRole.BackgroundRole) == STATE_COLORS[state]
    tip = cell(w, KEL_B, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert "Baru Ilir" in tip and "Sebagian terisi" in tip
    assert "Isian wajib belum lengkap (1)" in tip and "Data dukung kurang" in tip
    assert "Tidak ada yang kurang" in cell(w, KEL_A, 5).data(Qt.ItemDataRole.ToolTipRole)
    # The legend names every colour in Indonesian.
    assert [lbl.text() for lbl in w.matrix_page.legend.labels.values()] == [
        "Belum diisi", "Sebagian terisi", "Lengkap", "Siap (ditandai kelurahan)", "✓ Diterima DP3AKB",
        "! Perlu perbaikan"]


def test_matrix_filters_and_sorts_by_kecamatan(city_window: CityWindow) -> None:
    page = city_window.matrix_page
    page.set_kecamatan("64.71.02")
    proxy = page.proxy
    assert proxy.rowCount() == 6
    assert {proxy.index(r, 0).data() for r in range(6)} == {"Balikpapan Barat"}
    page.set_kecamatan("")
    assert proxy.rowCount() == 34
    proxy.sort(CityMatrixModel.COL_COMPLETENESS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, CityMatrixModel.COL_KELURAHAN).data() == "Manggar"
    proxy.sort(CityMatrixModel.COL_KECAMATAN, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "Balikpapan Timur"  # 64.71.01 comes first


def test_matrix_model_passes_the_model_tester(qtmodeltester, city_home: Path) -> None:  # noqa: ANN001
    with Store.open(city_home, check=False, start_backup=False) as s:
        year = max(s.current_period().data_years)
        model = CityMatrixModel(s.template)
        model.set_rows(s.city_status(year))
        qtmodeltester.check(model)
        values = IndicatorValuesModel()
        values.set_values(s.template, 5, s.values(KEL_A, year, 5), s.computed(KEL_A, year, 5))
        qtmodeltester.check(values)
        kec = KecamatanModel()
        kec.set_rows(list(city_rollup(s.city_status(year), s.template).kecamatan))
        qtmodeltester.check(kec)


def test_detail_dialog_shows_values_evidence_and_stores_the_review(city_window: CityWindow, city_home: Path,
                                                                   dialogs, qtbot) -> None:  # noqa: ANN001
    w = city_window
    w.show_page("matrix")
    view = w.matrix_page.view
    idx = w.matrix_page.proxy.mapFromSource(cell(w, KEL_A, 5))
    view.scrollTo(idx)
    pos = view.visualRect(idx).center()
    # QTest's double click only registers after a press/release at the same place.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    d = w.matrix_page.detail
    assert d is not None and d.isVisible()
    assert "Manggar" in d.title.text() and d.title.text().startswith("5.")
    shown = {d.values_model.index(r, 0).data(): d.values_model.index(r, 2).data()
             for r in range(d.values_model.rowCount())}
    assert shown[w.session.template.indicator(5).item("jumlah_ila").label] == "2"
    assert d.evidence.count() == 1 and "Pojok baca RW 3" in d.evidence.item(0).text()
    d.open_button.click()
    assert len(w.opened) == 1 and Path(w.opened[0]).is_file()

    # 'Perlu perbaikan' needs a note: without one nothing is stored.
    d.show_indicator(KEL_B, 5)
    d.fix_button.click()
    assert dialogs.asked[-1][0] == "info"
    assert w.session.store.indicator_status(KEL_B, w.session.year, 5).review_state == ""
    d.note.setPlainText("Jumlah ILA belum diisi; lampirkan foto.")
    d.fix_button.click()
    with Store.open(city_home, check=False, start_backup=False) as s:
        st = s.indicator_status(KEL_B, w.session.year, 5)
    assert (st.review_state, st.review_note) == ("perlu_perbaikan", "Jumlah ILA belum diisi; lampirkan foto.")
    c = cell(w, KEL_B, 5)
    assert c.data(CityMatrixModel.StateRole) == "perlu_perbaikan"
    assert c.data(Qt.ItemDataRole.DisplayRole) == "!"
    assert "Jumlah ILA belum diisi" in c.data(Qt.ItemDataRole.ToolTipRole)

    d.show_indicator(KEL_A, 5)
    d.accept_button.click()
    assert w.session.store.indicator_status(KEL_A, w.session.year, 5).review_state == "diterima"
    assert cell(w, KEL_A, 5).data(Qt.ItemDataRole.BackgroundRole) == STATE_COLORS["diterima"]
    # The summary counts it when shown again.
    w.show_page("summary")
    assert "1 diterima, 1 perlu perbaikan" in w.summary_page.counts.text()


def test_switching_the_year_refreshes_the_matrix(city_window: CityWindow) -> None:
    w = city_window
    w.show_page("matrix")
    years = [w.header.year_combo.itemData(i) for i in range(w.header.year_combo.count())]
    other = next(y for y in years if y != w.session.year)
    w.session.set_year(other)
    assert cell(w, KEL_A, 5).data(CityMatrixModel.StateRole) == "empty"
    assert str(other) in w.matrix_page.title.text()


# ---------------------------------------------------------------------------- inbox


def answer_folders(dialogs, folders: list[str]) -> None:  # noqa: ANN001
    """Let the scripted dialogs answer "choose a folder" from ``folders``."""
    dialogs.choose_folder = lambda parent, title, start="", kind="": folders.pop(0) if folders else ""


@pytest.fixture(scope="session")
def _enrolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city with kelurahan A enrolled, and A's first bundle on a "stick" (made once: enrolment is slow)."""
    root = tmp_path_factory.mktemp("city-enrolled")
    city = Store.create(root / "city", "city", operator="Rina DP3AKB")
    try:
        create_demo(root / "kel", seed=3, kelurahan_code=KEL_A)
        r = setup.enroll(city, KEL_A, root / "a.klasetup")
        setup.install(root / "kel", r.path, r.passphrase)
    finally:
        city.close()
    with Store.open(root / "kel", check=False, start_backup=False) as kel:
        res = bundle.export_bundles(kel, root / "stick" / "KLA")
    assert len(res.parts) == 1
    return root


@pytest.fixture
def enrolled(_enrolled: Path, tmp_path: Path) -> Path:
    shutil.copytree(_enrolled / "city", tmp_path / "city")
    shutil.copytree(_enrolled / "stick", tmp_path / "stick")
    return tmp_path


def dump(home: Path) -> dict[str, list]:
    with Store.open(home, check=False, start_backup=False) as s:
        return {t: sorted(s.db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr)
                for t in s.db.table_names() if not t.startswith("sqlite_")}


def test_inbox_dry_run_refuses_a_tampered_file_then_import_and_receipt(make_window, enrolled: Path, dialogs,
                                                                      qtbot, qtmodeltester) -> None:  # noqa: ANN001
    stick = enrolled / "stick"
    good = next(stick.rglob("*.kla"))
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (good.parent / ("rusak-" + good.name)).write_bytes(bytes(data))
    folders: list[str] = []
    answer_folders(dialogs, folders)
    w = make_window(enrolled / "city").window
    w.resize(1000, 700)  # an office laptop: the reasons do not fit on one line
    w.show_page("inbox")
    page = w.inbox_page
    before = dump(enrolled / "city")

    folders.append(str(stick))
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.folder_button.click()
    m = page.report_model
    assert m.rowCount() == 2
    rows = {m.index(r, ImportReportModel.COL_FILE).data(): r for r in range(2)}
    bad_row, good_row = rows["rusak-" + good.name], rows[good.name]
    assert m.index(bad_row, ImportReportModel.COL_RESULT).data() == "DITOLAK"
    reason = m.index(bad_row, ImportReportModel.COL_REASON).data()
    rep = m.index(bad_row, 0).data(ImportReportModel.RecordRole)
    assert reason == kla_error_text(KlaError(rep.reason_code, **rep.reason_params)) and reason
    # Regression: the reason (it ends with what to do) was cut off with "…"; it wraps inside its row.
    view = page.report_view
    reason_w = view.columnWidth(ImportReportModel.COL_REASON)
    assert view.fontMetrics().horizontalAdvance(reason) > reason_w  # long enough to need wrapping here
    needed = view.fontMetrics().boundingRect(QRect(0, 0, reason_w - 8, 10000), Qt.TextFlag.TextWordWrap,
                                             reason).height()
    assert view.rowHeight(bad_row) >= needed
    assert m.index(good_row, ImportReportModel.COL_RESULT).data() == "Bisa diimpor"
    assert m.index(good_row, ImportReportModel.COL_KELURAHAN).data() == "Manggar"
    assert " baru" in m.index(good_row, ImportReportModel.COL_CONTENT).data()
    assert "Belum ada yang diubah" in page.summary.text()
    assert dump(enrolled / "city") == before  # a dry run changes nothing, not even the quarantine
    assert page.import_button.isEnabled()
    qtmodeltester.check(m)

    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.import_button.click()
    assert m.index(rows[good.name], ImportReportModel.COL_RESULT).data() == "Diimpor"
    assert page.summary.text().startswith("Impor selesai: 1 berkas diimpor, 1 ditolak (disalin ke karantina).")
    assert page.senders == [KEL_A]
    with Store.open(enrolled / "city", check=False, start_backup=False) as s:
        st = s.status(KEL_A, w.session.year)
        assert st.completeness > 0
        assert not any(i.state != "empty" for i in s.status(KEL_B, w.session.year).indicators)
        quarantined = list(s.paths.quarantine.glob("*rusak-*"))
    assert quarantined, "the refused file is kept in quarantine with its reason"
    assert any("Karantina" in page.pending.item(i).text() for i in range(page.pending.count()))
    # The matrix shows the imported data when the officer opens it (the sender's row is re-read in a
    # worker, so it arrives a moment after the import: wait for it, never sleep).
    w.show_page("matrix")

    def shown_states() -> set[str]:
        m = w.matrix_page.model
        return {m.cell(m.row_of(KEL_A), i.indicator_no).state for i in st.indicators}

    qtbot.waitUntil(lambda: bool(shown_states() - {"empty"}), timeout=10000)
    states = shown_states()
    assert states - {"empty"}

    w.show_page("inbox")
    out = enrolled / "kuitansi"
    out.mkdir()
    folders.append(str(out))
    page.receipt_button.click()
    qtbot.waitUntil(lambda: bool(page.receipt_note.text()), timeout=30000)
    assert [p.name.startswith(f"KLA-tanda-terima-{KEL_A}-") for p in out.glob("*.kla")] == [True]
    assert "Manggar" in page.receipt_note.text()
    # Worded as the kelurahan reads it when it imports the receipt (tests/ui/test_outbox_page.py).
    assert "no. 1: DP3AKB sudah menerima" in page.receipt_note.text()
    assert "item seluruhnya (tanda terima pertama)" in page.receipt_note.text()
    # The whole note shows, down to "lampirkan ke e-mail untuk kelurahan" (the lower pane cut it in half
    # on an office screen): the import table above gives the room.
    note = page.receipt_note
    assert note.isVisible() and "lampirkan ke e-mail untuk kelurahan" in note.text()
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()), timeout=5000)


def test_an_import_re_reads_only_the_senders_row_in_a_worker(make_window, enrolled: Path, qtbot,
                                                              monkeypatch) -> None:  # noqa: ANN001
    """After Manggar's bundle: its row alone is replaced (dataChanged, no reset), read off the GUI thread."""
    import threading

    reads: list[tuple[str, tuple[str, ...] | None, bool]] = []
    real_status, real_city_status = Store.status, Store.city_status

    def status(self, kelurahan_code, data_year):  # noqa: ANN001, ANN202
        reads.append(("status", (kelurahan_code,), threading.current_thread() is threading.main_thread()))
        return real_status(self, kelurahan_code, data_year)

    def city_status(self, data_year, codes=None):  # noqa: ANN001, ANN202
        reads.append(("city_status", None if codes is None else tuple(codes),
                      threading.current_thread() is threading.main_thread()))
        return real_city_status(self, data_year, codes)

    w = make_window(enrolled / "city").window
    year = w.session.year
    m = w.matrix_page.model
    before = {m.kelurahan(r).kelurahan_code: m.kelurahan(r) for r in range(m.rowCount())}
    assert len(before) == 34
    changed: list[tuple[int, int, int, int]] = []
    m.dataChanged.connect(lambda tl, br, roles=(): changed.append((tl.row(), br.row(), tl.column(), br.column())))
    resets: list[bool] = []
    m.modelAboutToBeReset.connect(lambda: resets.append(True))
    page = w.inbox_page
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.check([enrolled / "stick"])
    monkeypatch.setattr(Store, "status", status)
    monkeypatch.setattr(Store, "city_status", city_status)
    with qtbot.waitSignal(w.session.statuses.rows_updated, timeout=30000) as updated:
        with qtbot.waitSignal(page.import_finished, timeout=30000):
            page.import_button.click()
    assert page.senders == [KEL_A]
    assert updated.args == [year, frozenset({KEL_A})]
    # Only the sender was read, and not on the GUI thread; the window's own connection read nothing.
    assert reads == [("city_status", (KEL_A,), False)]

    row = m.row_of(KEL_A)
    assert not resets
    assert changed == [(row, row, 0, m.columnCount() - 1)]
    for code, old in before.items():
        if code != KEL_A:
            assert m.kelurahan(m.row_of(code)) is old, code  # the other 33 rows were not rebuilt
    assert m.kelurahan(row) is not before[KEL_A]

    # What the officer sees is what the store holds.
    monkeypatch.undo()
    with Store.open(enrolled / "city", check=False, start_backup=False) as s:
        fresh = s.status(KEL_A, year)
        rollup = city_rollup(s.city_status(year), s.template)
    assert fresh.completeness > before[KEL_A].completeness
    assert m.index(row, CityMatrixModel.COL_COMPLETENESS).data() == fmt_percent(fresh.completeness * 100)
    assert {i.indicator_no: m.cell(row, i.indicator_no).state for i in fresh.indicators} == \
        {i.indicator_no: i.state for i in fresh.indicators}
    summary = w.summary_page  # on screen: the roll-up follows the new row at once
    assert summary.isVisible()
    assert summary.completeness.text() == fmt_percent(rollup.completeness * 100)
    k = summary.kecamatan_model
    timur = next(r for r in range(k.rowCount()) if k.index(r, 0).data() == "Balikpapan Timur")
    assert k.index(timur, KecamatanModel.COL_COMPLETENESS).data() == fmt_percent(
        next(x for x in rollup.kecamatan if x.name == "Balikpapan Timur").completeness * 100)


# ---------------------------------------------------------------------------- enrolment


def assert_printed_sheet_is_whole(d, result, pdf: Path) -> None:  # noqa: ANN001
    """Regression: the sheet was printed as one <pre> block whose first line ran off the page."""
    from PySide6.QtPrintSupport import QPrinter

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    d.print_to(printer)
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert f"({result.kelurahan_code})" in flat  # the title's end is on the page
    assert result.passphrase in flat and result.fingerprint in flat and result.city_fingerprint in flat
    assert "TERPISAH" in flat and "Pasang dari berkas DP3AKB" in flat  # the warning and what to do travel with it


def test_enrol_shows_the_passphrase_and_revoke_refuses_the_key(make_window, city_home: Path, dialogs, qtbot,
                                                               qtmodeltester, tmp_path: Path) -> None:  # noqa: ANN001
    w = make_window(city_home).window
    w.show_page("enrolled")
    page = w.enrolled_page
    qtmodeltester.check(page.model)
    row = page.model.row_of(KEL_B)
    assert page.model.index(row, EnrolledModel.COL_STATE).data() == "Belum terdaftar"
    out = tmp_path / "pemasangan"
    out.mkdir()
    answer_folders(dialogs, [str(out)])
    page.select(KEL_B)
    dialogs.choices.append(1)  # DP3AKB typed data of it: "Tetap buat berkas pemasangan"
    with qtbot.waitSignal(page.enrolled, timeout=60000) as blocker:
        page.enrol_button.click()
    result = blocker.args[0]
    assert result is not None and (out / f"KLA-pemasangan-{KEL_B}.klasetup").is_file()
    d = page.result_dialog
    assert d is not None and d.isVisible()
    assert d.passphrase.text() == result.passphrase and len(result.passphrase) >= 10
    assert result.passphrase in d.sheet_text() and result.fingerprint in d.sheet_text()
    # The slip names the unit it is for (it said "desa/kelurahan" of a kelurahan it knows).
    name = w.session.store.kelurahan(KEL_B).name
    assert f"Sidik jari kunci kelurahan: {result.fingerprint}" in d.sheet_text()
    assert f"Di kantor Kelurahan {name}: buka KLA Desktop" in d.sheet_text()
    assert "desa/kelurahan" not in d.sheet_text()
    assert_printed_sheet_is_whole(d, result, tmp_path / "lembar.pdf")
    assert page.model.index(row, EnrolledModel.COL_STATE).data() == "Terdaftar"
    assert page.model.index(row, EnrolledModel.COL_FINGERPRINT).data() == result.fingerprint
    d.close()

    # Revoking asks first; "Batal" keeps the key.
    dialogs.confirms.append(False)
    assert not page.revoke(KEL_B)
    assert [k.active for k in w.session.store.sync.peer_keys(KEL_B, include_revoked=True)] == [True]
    dialogs.texts.append("Laptop hilang")
    page.select(KEL_B)
    page.revoke_button.click()
    keys_now = w.session.store.sync.peer_keys(KEL_B, include_revoked=True)
    assert [(k.active, k.revoke_reason) for k in keys_now] == [(False, "Laptop hilang")]
    assert page.model.index(row, EnrolledModel.COL_STATE).data() == "Kunci dicabut"


def test_the_enrol_dialog_warns_when_dp3akb_already_holds_the_units_data(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The file installs an empty workspace; the dialog says so and points to the restore (not on the slip)."""
    from ui.city.enrolled_page import EnrolResultDialog

    result = setup.EnrolResult(tmp_path / "x.klasetup", KEL_B, "Manggar Baru", "AAAA-BBBB", "k" * 64, "1234-5678",
                               "9ABC-DEF0", held_items=1234)
    d = EnrolResultDialog(result)
    qtbot.addWidget(d)
    assert "DP3AKB sudah menyimpan 1.234 item data Kelurahan Manggar Baru" in d.held_text
    assert "klik “Berkas pemulihan…”" in d.held_text and d.held_text not in d.sheet_text()
    assert EnrolResultDialog(setup.EnrolResult(tmp_path / "x.klasetup", KEL_B, "Manggar Baru", "AAAA-BBBB",
                                               "k" * 64, "1234-5678", "9ABC-DEF0")).held_text == ""


def test_a_note_edited_after_the_verdict_is_not_lost_on_close(city_window: CityWindow, dialogs, city_home: Path) -> None:  # noqa: ANN001
    """Regression: Tutup threw away a changed note although the window says reviews save themselves."""
    w = city_window
    d = w.matrix_page.open_cell(KEL_B, 5)
    d.note.setPlainText("Lampirkan foto.")
    d.fix_button.click()
    d.note.setPlainText("Lampirkan foto dan SK.")
    d.close_button.click()
    assert not d.isVisible()
    with Store.open(city_home, check=False, start_backup=False) as s:
        st = s.indicator_status(KEL_B, w.session.year, 5)
    assert (st.review_state, st.review_note) == ("perlu_perbaikan", "Lampirkan foto dan SK.")

    # A note on an indicator not yet reviewed: the officer is asked before it goes.
    d = w.matrix_page.open_cell(KEL_A, 5)
    d.note.setPlainText("Foto kurang jelas.")
    dialogs.choices.append(-1)  # Escape: back to the note, nothing stored, nothing thrown away
    d.close_button.click()
    assert d.isVisible() and d.note.toPlainText() == "Foto kurang jelas."
    assert w.session.store.indicator_status(KEL_A, w.session.year, 5).review_state == ""
    assert dialogs.chose[-1] == ["Tandai perlu perbaikan", "Buang catatan"]
    w.matrix_page.open_cell(KEL_A, 1)  # opening another cell first keeps the note (Enter: the default)
    assert dialogs.asked[-1][:2] == ("choose", "Catatan belum tersimpan")
    st = w.session.store.indicator_status(KEL_A, w.session.year, 5)
    assert (st.review_state, st.review_note) == ("perlu_perbaikan", "Foto kurang jelas.")
    assert d.title.text().startswith("1.")

    d.note.setPlainText("Tidak jadi.")
    dialogs.choices.append(1)  # "Buang catatan", said in so many words
    d.close_button.click()
    assert not d.isVisible()
    assert w.session.store.indicator_status(KEL_A, w.session.year, 1).review_state == ""


def test_import_report_tooltip_words_every_outcome_in_indonesian(qtmodeltester) -> None:  # noqa: ANN001
    """Regression: the tooltip listed raw engine codes ('conflict', 'older', 'rejected')."""
    codes = ("new", "changed", "unchanged", "older", "conflict", "rejected")
    items = [{"key": f"nilai/2026/5/isian{i}", "outcome": c, "reason": "catatan" if c in ("new", "changed",
              "unchanged") else ""} for i, c in enumerate(codes)]
    rep = bundle.FileReport("/flashdisk/KLA/kiriman.kla", type="bundle", kelurahan=KEL_A, status="dry-run",
                            counts=dict.fromkeys(codes, 1), items=items)
    m = ImportReportModel()
    m.set_rows([rep], dry_run=True, names={KEL_A: "Manggar"})
    tip = m.index(0, ImportReportModel.COL_FILE).data(Qt.ItemDataRole.ToolTipRole)
    lines = tip.splitlines()[1:]
    assert len(lines) == len(codes)
    words = [line.split(": ", 1)[1] for line in lines]
    for code, word in zip(codes, words, strict=True):
        assert code not in word.split(), (code, word)
    assert words[0].startswith("baru") and words[1].startswith("berubah") and words[2].startswith("sama")
    assert "lebih lama" in words[3] and "konflik" in words[4] and "ditolak" in words[5]
    qtmodeltester.check(m)


def test_a_long_eml_name_is_elided_and_the_reason_stays_on_screen(make_window, city_home: Path, dialogs,
                                                                  qtbot) -> None:  # noqa: ANN001
    """Regression: a long .eml name widened Berkas and pushed Alasan off-screen (1366x768 at 125 %)."""
    mail = city_home.parent / "surat masuk" / ("Fwd Re Kiriman data KLA Kelurahan Manggar bagian satu dari tiga "
                                               "untuk DP3AKB Kota Balikpapan tahun evaluasi 2027.eml")
    mail.parent.mkdir()
    mail.write_text("Subject: halo\n\nTanpa lampiran.\n", encoding="utf-8")
    w = make_window(city_home).window
    w.resize(round(1366 / 1.25), round(768 / 1.25))  # QT_SCALE_FACTOR is per process: the logical size at 1.25
    w.show()
    qtbot.waitExposed(w)
    w.show_page("inbox")
    page = w.inbox_page
    dialogs.files.append([str(mail)])
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.files_button.click()
    m, view = page.report_model, page.report_view
    assert m.rowCount() == 1 and m.index(0, ImportReportModel.COL_RESULT).data() == "DITOLAK"
    name = m.index(0, ImportReportModel.COL_FILE).data()
    assert name == mail.name
    assert str(mail) in m.index(0, ImportReportModel.COL_FILE).data(Qt.ItemDataRole.ToolTipRole)
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    # Berkas is narrower than the name (elided in the middle, not wrapped) ...
    file_w = view.columnWidth(ImportReportModel.COL_FILE)
    assert view.fontMetrics().horizontalAdvance(name) > file_w
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    view.itemDelegateForIndex(m.index(0, ImportReportModel.COL_FILE)).initStyleOption(
        opt, m.index(0, ImportReportModel.COL_FILE))
    assert opt.textElideMode == Qt.TextElideMode.ElideMiddle
    assert not opt.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    # ... and Alasan starts on screen with room for its words.
    reason_left = header.sectionViewportPosition(ImportReportModel.COL_REASON)
    assert reason_left + 200 <= view.viewport().width()
    assert view.columnWidth(ImportReportModel.COL_REASON) >= 200
    page.grab().save(str(city_home.parent / "inbox.png"))


def test_a_dry_run_with_only_refused_files_says_nothing_was_changed(make_window, city_home: Path, dialogs,
                                                                    qtbot) -> None:  # noqa: ANN001
    """Regression: "Impor" was disabled and the page did not say the refused files were left alone."""
    stick = city_home.parent / "flashdisk"
    stick.mkdir()
    files = [stick / "KLA-rusak-1.kla", stick / "KLA-rusak-2.kla"]
    for f in files:
        f.write_bytes(b"bukan kiriman KLA")
    w = make_window(city_home).window
    w.show_page("inbox")
    page = w.inbox_page
    before = dump(city_home)
    dialogs.files.append([str(f) for f in files])
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.files_button.click()
    m = page.report_model
    assert [m.index(r, ImportReportModel.COL_RESULT).data() for r in range(m.rowCount())] == ["DITOLAK"] * 2
    assert not page.import_button.isEnabled()
    text = page.summary.text()
    assert "2 berkas diperiksa" in text and "2 ditolak" in text
    assert "tidak ada yang bisa diimpor" in text.lower()
    assert "tetap di tempatnya" in text and "tidak disalin ke karantina" in text
    assert all(f.read_bytes() == b"bukan kiriman KLA" for f in files)
    assert dump(city_home) == before
    with Store.open(city_home, check=False, start_backup=False) as s:
        assert not list(s.paths.quarantine.glob("*"))


def test_import_report_tooltip_words_the_item_and_its_reason(qapp) -> None:  # noqa: ANN001
    """The engine gives codes ('entry/2026/4', 'newer_received'); the tooltip says them in words."""
    items = [{"key": "entry/2026/4", "outcome": "older", "reason": "newer_received", "reason_params": {"seq": 7}},
             {"key": "evidence/e1", "outcome": "conflict", "reason": "changed_both", "name": "akta.pdf"}]
    rep = bundle.FileReport("/flashdisk/KLA/kiriman.kla", type="bundle", kelurahan=KEL_A, status="dry-run",
                            counts={"older": 1, "conflict": 1}, items=items)
    m = ImportReportModel()
    m.set_rows([rep], dry_run=True, names={KEL_A: "Manggar"})
    lines = m.index(0, ImportReportModel.COL_FILE).data(Qt.ItemDataRole.ToolTipRole).splitlines()[1:]
    assert lines == [
        "isian indikator 4 (data tahun 2026): lebih lama dari yang ada, tidak dipakai"
        " (kiriman yang lebih baru (nomor 7) sudah diterima)",
        # The sender is a kelurahan: "desa/kelurahan" named a kind of unit it is not.
        "data dukung akta.pdf: konflik, menunggu keputusan DP3AKB (diubah di DP3AKB dan di kelurahan)",
    ]


def test_a_review_redraws_one_row_and_a_revoked_key_none(city_window: CityWindow, dialogs) -> None:  # noqa: ANN001
    """The matrix follows the Changes: a review re-reads its kelurahan's row; a key is nothing it shows."""
    w = city_window
    m = w.matrix_page.model
    before = [m.kelurahan(r) for r in range(m.rowCount())]
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    m.dataChanged.connect(lambda tl, br, roles=(): changed.append((tl.row(), br.row())))
    m.modelAboutToBeReset.connect(lambda: resets.append(True))
    w.session.set_review(KEL_B, 5, "diterima")
    row = m.row_of(KEL_B)
    assert changed == [(row, row)] and not resets
    assert m.cell(row, 5).review_state == "diterima"
    assert all(m.kelurahan(r) is before[r] for r in range(len(before)) if r != row)
    assert "1 diterima" in w.summary_page.counts.text()
    changed.clear()
    w.session.notify(Changes.of("key", "k1", units=[KEL_A]))  # as after an enrolment
    assert changed == [] and not resets and w.session.statuses.task is None


def test_an_imported_bundle_from_a_second_pc_with_one_key_says_so_in_the_inbox(qapp) -> None:  # noqa: ANN001
    """Issue 14: one setup file on two PCs. The row imported, and its Alasan column and tooltip
    name both PCs and what to do; the row is marked like a conflict."""
    pcs = {"this": {"device_id": "d7b029aa", "name": "PC-SEKRETARIAT", "first": "2026-05-03T08:00:00+00:00",
                    "last": "2026-05-09T08:00:00+00:00", "exports": 3},
           "others": [{"device_id": "00d22bbb", "name": "LAPTOP-LURAH", "first": "2026-05-04T08:00:00+00:00",
                       "last": "2026-05-04T08:00:00+00:00", "exports": 1}]}
    rep = bundle.FileReport("/flashdisk/KLA/kiriman.kla", type="bundle", kelurahan=KEL_A, status="imported",
                            counts={"new": 1}, shared_key={"fingerprint": "7CC9-A845-8C66-06EE", "concurrent": True,
                                                           "unit_name": "Manggar", **pcs})
    m = ImportReportModel()
    m.set_rows([rep], dry_run=False, names={KEL_A: "Manggar"})
    reason = m.index(0, ImportReportModel.COL_REASON).data()
    assert reason.startswith("Perhatian: Kelurahan Manggar mengirim dari dua komputer dengan satu berkas pemasangan")
    assert "komputer «PC-SEKRETARIAT» (perangkat d7b029, kiriman pertama 3 Mei 2026, terakhir 9 Mei 2026)" in reason
    assert "komputer «LAPTOP-LURAH» (perangkat 00d22b, kiriman 4 Mei 2026)" in reason
    assert f"kla city revoke {KEL_A} --key 7CC9-A845-8C66-06EE" in reason
    assert reason in m.index(0, ImportReportModel.COL_FILE).data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(0, ImportReportModel.COL_RESULT).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_the_matrix_names_every_flag_not_only_parts_above_their_whole(tmp_path) -> None:  # noqa: ANN001
    """A change from last year or a value out of range is counted and worded like a part above its whole,
    in the sentences the kelurahan sees (item labels, never keys)."""
    from db.demo import create_demo
    from db.store import Store
    from ui.city.models import missing_lines
    from ui.messages import flag_text
    from ui.session import translate_message

    home = tmp_path / "kel"
    create_demo(home, seed=1, kelurahan_code="64.71.02.1005")
    store = Store.open(home)
    try:
        t = store.template
        year = max(store.current_period().data_years)
        store.set_value(None, year, 4, "anak_total", 9000, sex="L", age="0-60h")  # last year: tens
        st = store.indicator_status(None, year, 4)
        codes = {f["code"] for f in st.flags}
        assert "year_change" in codes, codes
        text = "\n".join(missing_lines(st, t))
        assert f"{len(st.flags)} angka perlu diperiksa" in text
        assert flag_text(next(f for f in st.flags if f["code"] == "year_change"), translate_message) in text
        assert "anak_total" not in text and "0-60h" not in text
    finally:
        store.close()


def test_a_bundle_repeated_in_one_dry_run_reads_as_such(qapp) -> None:  # noqa: ANN001
    """Kotak Masuk's row for the second copy of a bundle in one dry run (exports.bundle marks it)."""
    from exports.bundle import FileReport
    from ui.city.inbox_models import reason_text, status_text

    rep = FileReport("salinan-kedua.kla", type="bundle", status="duplicate", kelurahan=KEL_A, series_id="s",
                     part=1, parts=1, reason_code="import_same_in_batch", reason_params={"name": "KLA-1.kla"})
    assert status_text(rep, True) == "Sama dengan berkas lain"
    assert reason_text(rep) == "Isinya sama dengan KLA-1.kla di daftar ini; kiriman itu diimpor sekali saja."
    again = FileReport("KLA-1.kla", type="bundle", status="duplicate", kelurahan=KEL_A)
    assert status_text(again, False) == "Sudah pernah diimpor"
    assert reason_text(again) == ("Kiriman ini sudah diimpor sebelumnya; tidak ada yang berubah dan tidak perlu "
                                  "apa-apa lagi.")  # it was an empty column



def test_the_city_window_fits_an_office_screen_at_125_percent(qtbot, city_home: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """1366x768 at QT_SCALE_FACTOR=1.25 is 1093x614 logical px: the DP3AKB window opened at 1280x720 and ran
    off the right edge (the period and the officer out of sight); the kelurahan window already fitted."""
    from PySide6.QtCore import QRect

    from ui.app_settings import AppSettings
    from ui.city.session import CitySession

    class Screen:
        def availableGeometry(self) -> QRect:  # noqa: N802 - Qt's name
            return QRect(0, 0, 1093, 614)

    monkeypatch.setattr(CityWindow, "screen", lambda self: Screen())
    store = Store.open(city_home, check=False, start_backup=False)
    w = CityWindow(CitySession(store), AppSettings(tmp_path / "kla-desktop.ini"))
    qtbot.addWidget(w)
    try:
        assert w.width() <= 1093 and w.height() <= 614
        assert w.windowState() & Qt.WindowState.WindowMaximized  # an office screen: the first start fills it
    finally:
        store.close()


def test_an_import_with_nothing_refused_does_not_speak_of_the_quarantine(make_window, enrolled: Path, dialogs,
                                                                         qtbot) -> None:  # noqa: ANN001
    """Seen under Xvfb: "1 berkas diimpor, 0 ditolak (disalin ke karantina)"."""
    good = next((enrolled / "stick").rglob("*.kla"))
    w = make_window(enrolled / "city").window
    w.show_page("inbox")
    page = w.inbox_page
    dialogs.files.append([str(good)])
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.files_button.click()
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.import_button.click()
    assert page.summary.text().startswith("Impor selesai: 1 berkas diimpor, tidak ada yang ditolak.")
    assert "karantina" not in page.summary.text()
    assert "pindai QR" in page.handover_code.placeholderText()
    assert page.handover_code.fontMetrics().horizontalAdvance(page.handover_code.placeholderText()) \
        < page.handover_code.width()


def test_the_inbox_names_files_refused_before_the_window_opened(make_window, city_home: Path) -> None:  # noqa: ANN001
    """Files refused on an earlier day (or by `kla import`) are in the quarantine with their reasons,
    but the pane "Bagian belum diterima dan karantina" said "Tidak ada bagian yang tertinggal."."""
    from exports import bundle

    bad = city_home.parent / "KLA-rusak.kla"
    bad.write_bytes(b"bukan kiriman KLA")
    with Store.open(city_home, check=False, start_backup=False) as s:
        assert bundle.import_paths(s, [bad]).files[0].status == "refused"
        folder = s.paths.quarantine
    w = make_window(city_home).window
    w.show_page("inbox")
    page = w.inbox_page
    lines = [page.pending.item(i).text() for i in range(page.pending.count())]
    assert lines == [f"Karantina: 1 berkas yang pernah ditolak, dengan alasannya (berkas .alasan.txt), ada di {folder}"]


def test_a_folder_without_bundles_says_where_it_looked_and_what_to_check(make_window, city_home: Path, dialogs,
                                                                         qtbot) -> None:  # noqa: ANN001
    """"Tidak ada berkas .kla atau .eml yang ditemukan di sana." said nothing of what to do next."""
    empty = city_home.parent / "flashdisk-kosong"
    (empty / "Dokumen").mkdir(parents=True)
    (empty / "Dokumen" / "surat.pdf").write_bytes(b"%PDF-1.4")
    w = make_window(city_home).window
    w.show_page("inbox")
    page = w.inbox_page
    dialogs.choose_folder = lambda *a, **k: str(empty)  # noqa: ARG005
    with qtbot.waitSignal(page.import_finished, timeout=30000):
        page.folder_button.click()
    text = page.summary.text()
    assert "tidak ada berkas .kla atau .eml" in text.lower() and "tiga tingkat" in text
    assert "Periksa apakah flashdisk atau folder yang dipilih benar" in text, text


def test_berkas_pemulihan_writes_a_restore_file_carrying_what_dp3akb_holds(make_window, enrolled: Path, dialogs,
                                                                          qtbot) -> None:  # noqa: ANN001
    """A lost kelurahan workspace could be restored only with 'kla city restore'; the window had no way."""
    w = make_window(enrolled / "city").window
    bundle.import_paths(w.session.store, sorted((enrolled / "stick").rglob("*.kla")))
    held = sum(1 for it in w.session.store.sync.items(KEL_A) if not it.deleted)
    assert held > 0
    w.show_page("enrolled")
    page = w.enrolled_page
    page.select(KEL_A)
    dialogs.confirms.append(True)
    answer_folders(dialogs, [str(enrolled / "keluar")])
    (enrolled / "keluar").mkdir()
    with qtbot.waitSignal(page.enrolled, timeout=60000) as blocker:
        page.restore_button.click()
    asked = dialogs.asked[-1]
    assert asked[0] == "confirm" and f"({held} item)" in asked[2] and "komputer pengganti" in asked[2]
    result = blocker.args[0]
    assert result.path == enrolled / "keluar" / f"KLA-pemulihan-{KEL_A}.klasetup" and result.path.exists()
    assert result.restore_items == held
    assert page.result_dialog.restore and f"{held} item data" in page.result_dialog.findChildren(
        type(page.note))[0].text()
    got = setup.install(enrolled / "pc-baru", result.path, result.passphrase)
    assert got.restored_items == held


def test_a_review_made_before_the_units_latest_data_is_marked(make_window, enrolled: Path, _enrolled: Path,
                                                              dialogs) -> None:  # noqa: ANN001
    """DP3AKB's 'perlu perbaikan' stood unmarked after the kelurahan sent the corrected figures."""
    kel_home = enrolled / "kel"
    shutil.copytree(_enrolled / "kel", kel_home)
    w = make_window(enrolled / "city").window
    city = w.session.store
    bundle.import_paths(city, sorted((enrolled / "stick").rglob("*.kla")))
    with Store.open(kel_home, start_backup=False) as kel:
        year = max(kel.current_period().data_years)
        no = kel.entries(KEL_A, year)[0].indicator_no
    w.session.set_year(year)
    d = w.matrix_page.open_cell(KEL_A, no)
    d.note.setPlainText("Angkanya belum sesuai rekap.")
    d.fix_button.click()
    assert not d.review_stale.isVisibleTo(d)
    d.close_button.click()
    [rc] = receipts.write_receipts(city, enrolled / "tt", KEL_A)
    with Store.open(kel_home, operator="x", start_backup=False) as kel:
        bundle.import_paths(kel, [rc.path])
        kel.set_notes(None, year, no, "Sudah diperbaiki sesuai rekap.")
        bundle.export_bundles(kel, enrolled / "stick2")
    r = bundle.import_paths(city, sorted((enrolled / "stick2").rglob("*.kla")))
    assert r.files[0].counts["changed"] == 1, r.files[0].counts
    d = w.matrix_page.open_cell(KEL_A, no)
    assert d.review_stale.isVisibleTo(d) and "berubah sesudah ditinjau" in d.review_stale.text()
    d.note.setPlainText("Sudah sesuai.")
    d.accept_button.click()
    d = w.matrix_page.open_cell(KEL_A, no)
    assert not d.review_stale.isVisibleTo(d)


def test_daftarkan_a_unit_dp3akb_holds_data_of_asks_first_and_offers_the_restore_file(
        make_window, enrolled: Path, dialogs, qtbot) -> None:  # noqa: ANN001
    """The warning came after the empty workspace's setup file was written and the unit shown enrolled."""
    w = make_window(enrolled / "city").window
    bundle.import_paths(w.session.store, sorted((enrolled / "stick").rglob("*.kla")))
    w.show_page("enrolled")
    page = w.enrolled_page
    page.select(KEL_A)
    (enrolled / "keluar").mkdir()
    dialogs.choices.append(-1)  # "Kembali": nothing written, no folder asked
    asked = len(dialogs.asked)
    page.enrol_button.click()
    assert dialogs.asked[asked][0] == "choose" and "sudah menyimpan" in dialogs.asked[asked][2]
    assert dialogs.chose[-1] == ["Buat berkas pemulihan", "Tetap buat berkas pemasangan"]
    assert len(dialogs.asked) == asked + 1 and not list((enrolled / "keluar").iterdir())
    dialogs.choices.append(0)  # "Buat berkas pemulihan" (the default)
    answer_folders(dialogs, [str(enrolled / "keluar")])
    with qtbot.waitSignal(page.enrolled, timeout=60000) as blocker:
        page.enrol_button.click()
    result = blocker.args[0]
    assert result.path.name == f"KLA-pemulihan-{KEL_A}.klasetup" and result.restore_items > 0


def test_a_damaged_bundle_is_named_by_whose_its_file_name_says(qapp) -> None:  # noqa: ANN001
    """The Kelurahan column was empty for a damaged file, and its reason said 'Minta pengirimnya…'."""
    from exports.bundle import FileReport

    m = ImportReportModel()
    rep = FileReport(f"/media/stick/KLA-{KEL_A}-20261203-0001-9d7202-95af-bagian-1-dari-1.kla", status="refused",
                     reason_code="bundle_damaged", reason_params={"detail": "unreadable"})
    other = FileReport("/media/stick/kiriman.kla", status="refused", reason_code="bundle_damaged",
                       reason_params={"detail": "unreadable"})
    m.set_rows([rep, other], False, {KEL_A: "Manggar"})
    assert m.index(0, ImportReportModel.COL_KELURAHAN).data() == "Manggar (menurut nama berkasnya)"
    assert m.index(1, ImportReportModel.COL_KELURAHAN).data() == ""
