"""What a tester saw driving the DP3AKB window (the city demo, 1366x768), checked in the window.

Each test reads what the clerk reads (a cell's text, a label, a message) and checks it against
the store: the figures add up and agree with what the store says of the city.
"""

# ruff: noqa: F811 - the city demo fixtures are test_city_1366's, imported (pytest finds them by name)
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from db.changes import Changes
from db.store import Store
from tests.ui.test_city_1366 import _city_demo, _settle, city, city_home  # noqa: F401 - shared fixtures
from ui.city.city_window import CityWindow
from ui.city.models import KecamatanModel
from ui.widgets.formatting import fmt_percent


def _city_tallies(home: Path) -> dict[str, list[int]]:
    """kecamatan name -> [indicators, ready, complete, partial, empty], from the store's city status."""
    out: dict[str, list[int]] = {}
    with Store.open(home, check=False, start_backup=False) as s:
        year = max(s.current_period().data_years)
        for r in s.city_status(year):
            t = r.tally
            row = out.setdefault(r.kecamatan_name, [0, 0, 0, 0, 0])
            for i, v in enumerate((t.indicators, t.ready, t.complete, t.partial, t.empty)):
                row[i] += v
    return out


# ---------------------------------------------------------------------------- 1. figures add up


def test_each_kecamatan_row_adds_up_to_its_indicators(city: CityWindow, city_home: Path) -> None:
    """Seen: Siap + Sebagian + Kosong fell short of the row's "/ 96": the complete-but-not-ready
    indicators had no column."""
    m = city.summary_page.kecamatan_model
    h = Qt.Orientation.Horizontal
    headers = [m.headerData(c, h) for c in range(m.columnCount())]
    assert headers[KecamatanModel.COL_READY:KecamatanModel.COL_EMPTY + 1] == ["Siap", "Lengkap", "Sebagian", "Kosong"]
    want = _city_tallies(city_home)
    assert m.rowCount() == len(want) == 6
    for row in range(m.rowCount()):
        name = m.index(row, KecamatanModel.COL_NAME).data()
        ready, of = m.index(row, KecamatanModel.COL_READY).data().split(" / ")
        shown = [int(of), int(ready)] + [int(m.index(row, c).data()) for c in (
            KecamatanModel.COL_COMPLETE, KecamatanModel.COL_PARTIAL, KecamatanModel.COL_EMPTY)]
        assert shown == want[name], name
        assert shown[1] + shown[2] + shown[3] + shown[4] == shown[0], name
    assert any(int(m.index(r, KecamatanModel.COL_COMPLETE).data()) for r in range(m.rowCount()))
    # Every column in sight at 1366x768, no sideways scroll bar.
    view = city.summary_page.kecamatan_view
    _settle()
    assert view.horizontalScrollBar().maximum() == 0


def test_the_filtered_matrix_says_what_its_rows_add_up_to(city: CityWindow, city_home: Path) -> None:
    """Seen: filtered to one kecamatan, the matrix gave no totals for the rows shown."""
    city.show_page("matrix")
    page = city.matrix_page
    want = _city_tallies(city_home)
    summary = city.summary_page
    # Unfiltered: the whole city, the same counts as the summary's "Kelengkapan kota".
    r = summary.rollup
    text = page.totals.text()
    assert page.totals.isVisible()
    assert text.startswith("Semua kecamatan: 34 kelurahan × 24 indikator = 816")
    assert f"{r.ready} siap, {r.complete} lengkap, {r.partial} sebagian, {r.empty} belum diisi" in text
    assert f"Kelengkapan rata-rata {fmt_percent(r.completeness * 100)}" in text
    assert f"{r.accepted} diterima, {r.needs_fix} perlu perbaikan" in text
    # One kecamatan: the rows shown, as its row on the summary page.
    page.set_kecamatan("64.71.01")
    assert page.proxy.rowCount() == 4
    n, ready, complete, partial, empty = want["Balikpapan Timur"]
    text = page.totals.text()
    assert text.startswith(f"Kecamatan Balikpapan Timur: 4 kelurahan × 24 indikator = {n}")
    assert f"{ready} siap, {complete} lengkap, {partial} sebagian, {empty} belum diisi" in text
    k = next(k for k in r.kecamatan if k.code == "64.71.01")
    assert f"Kelengkapan rata-rata {fmt_percent(k.completeness * 100)}" in text
    page.set_kecamatan("")
    assert page.totals.text().startswith("Semua kecamatan: 34 kelurahan")


# ---------------------------------------------------------------------------- 2. enrolment


def test_the_enrolment_count_says_why_senders_with_receipts_are_not_counted(city: CityWindow, city_home: Path) -> None:
    """Seen: "Kelurahan terdaftar: 0 dari 34" while Pengingat Kiriman listed their bundles and receipts.
    The count is of active keys (as on Kelurahan Terdaftar); the units without one are named as such.
    Then seen by a new user of the demo: "31 kelurahan … tidak punya kunci aktif: kiriman berikutnya
    ditolak" as its first words, as if 31 keys were lost. Never enrolled is a step not taken yet, said
    calmly with where to take it; the key warning is for a key revoked
    (test_a_revoked_key_is_the_one_warned_of)."""
    with Store.open(city_home, check=False, start_backup=False) as s:
        keyed = {k.unit_code for k in s.sync.peer_keys(include_revoked=True)}
        sent = {b.kelurahan_code for b in s.sync.bundle_log() if b.direction == "in" and b.type == "bundle"}
    assert not keyed and len(sent) == 31  # the demo: bundles and receipts from units never enrolled
    text = city.summary_page.enrolled.text()
    assert text == ("Kelurahan terdaftar (kunci aktif): 0 dari 34\n34 kelurahan belum didaftarkan: daftarkan di "
                    "halaman “Kelurahan Terdaftar” agar kirimannya bisa diimpor.")
    assert "kunci aktif:" not in text and "ditolak" not in text
    city.show_page("enrolled")
    assert city.enrolled_page.count.text() == "0 dari 34 kelurahan terdaftar"  # each row: "Belum terdaftar"


def test_a_revoked_key_is_the_one_warned_of(city: CityWindow, tmp_path: Path) -> None:
    """A unit whose key was revoked (a laptop lost) and not replaced: its next bundle is refused. That is
    what the warning is for, on the summary and on Kelurahan Terdaftar."""
    from exports import setup

    store = city.session.store
    for code in ("64.71.01.1001", "64.71.01.1002"):
        setup.enroll(store, code, tmp_path / f"{code}.klasetup")
    store.sync.revoke_peer_keys("64.71.01.1002", "laptop hilang")
    city.session.notify(Changes.everything())
    text = city.summary_page.enrolled.text()
    assert text.startswith("Kelurahan terdaftar (kunci aktif): 1 dari 34\n32 kelurahan belum didaftarkan: ")
    assert text.endswith("\n1 kelurahan kuncinya dicabut dan belum didaftarkan lagi: kiriman berikutnya ditolak. "
                         "Daftarkan lagi di halaman “Kelurahan Terdaftar” (untuk komputer pengganti: "
                         "“Berkas pemulihan…”).")
    city.show_page("enrolled")
    assert city.enrolled_page.count.text() == ("1 dari 34 kelurahan terdaftar · 1 kuncinya dicabut: daftarkan lagi "
                                               "agar kiriman berikutnya diterima")


def test_receipts_without_an_enrolled_unit_say_where_to_enrol_before_asking_for_a_folder(
        city: CityWindow, dialogs) -> None:  # noqa: ANN001
    """Seen: "Tulis tanda terima" asked for a folder, then said no unit was registered, not where to register."""
    asked: list[str] = []
    dialogs.choose_folder = lambda parent, title, start="", kind="": asked.append(title) or ""  # noqa: ARG005
    city.show_page("inbox")
    page = city.inbox_page
    page.receipt_button.click()
    assert asked == []
    assert page.task is None  # nothing started
    assert page.receipt_note.text() == (
        "Belum ada kelurahan yang terdaftar, jadi belum ada tanda terima yang bisa ditulis. Daftarkan dulu di "
        "halaman “Kelurahan Terdaftar” (tombol “Daftarkan…”), lalu tulis tanda terima lagi.")
    labels = [city.nav.item(i).text() for i in range(city.nav.count())]
    assert "Kelurahan Terdaftar" in labels and city.enrolled_page.enrol_button.text() == "Daftarkan…"


# ---------------------------------------------------------------------------- 3. wording and layout


def test_profil_anak_kota_says_how_many_have_data_not_that_something_is_sending(city: CityWindow, qtbot) -> None:  # noqa: ANN001
    """Seen: a column "Mengirim" with "1/4", read as a sending under way."""
    city.show_page("figures")
    page = city.figures_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20000)
    assert page.areas.headerItem().text(1) == "Ada data"
    top = page.areas.topLevelItem(0)
    items = [top] + [top.child(i) for i in range(top.childCount())]
    for item in items:
        sent, of = page._sent(item.data(0, Qt.ItemDataRole.UserRole))
        assert item.text(1) == f"{sent} dari {of}"
        assert item.toolTip(1).startswith(f"{sent} dari {of} kelurahan di wilayah ini sudah punya data")
    assert top.text(1).endswith("dari 34")


def test_the_template_page_words_its_version_for_a_clerk_and_shows_whole_names(city: CityWindow) -> None:
    """Seen: "sidik e8c263cb0929" (the content fingerprint) in the state line; names cut with "…" in the
    tree at 1366x768."""
    city.show_page("template")
    page = city.template_page
    _settle()
    digest = page.editor.base.content_hash[:12]
    assert "sidik" not in page.state.text() and digest not in page.state.text()
    assert page.state.text().startswith("Berlaku: versi 1.")
    assert digest in page.state.toolTip()  # for whoever supports the program, on hover
    tree, m = page.tree, page.tree_model
    fm = tree.fontMetrics()
    names = []
    for r in range(m.rowCount()):
        top = m.index(r, 0)
        names.append(top)
        names += [m.index(c, 0, top) for c in range(m.rowCount(top))]
    assert len(names) == 6 + 24 + 1  # Kelembagaan and five klaster, their 24 indicators, the rules
    for idx in names:
        rect = tree.visualRect(idx)
        assert rect.left() + fm.horizontalAdvance(idx.data()) + 8 <= tree.viewport().width(), idx.data()
    assert page.panes.width() >= 600  # the form keeps most of the page


def test_the_indicator_2_table_keeps_its_width_after_a_kelana_save(city: CityWindow, qtbot) -> None:  # noqa: ANN001
    """Seen: after "Catat KELANA…" was saved the table shrank to its left part."""
    page = city.summary_page
    t = page.indicator2
    _settle()
    assert t.horizontalHeader().length() == t.viewport().width()
    page.open_kelana()
    dlg = page.kelana_dialog
    dlg.table.setCurrentCell(0, 0)
    dlg.status.setCurrentIndex(dlg.status.findData("kelana"))
    dlg.sk_number.setText("188.45/7/2026")
    dlg.sk_date.setText("17-08-2026")
    assert dlg.save()
    dlg.close()
    _settle()
    assert t.item(5, 2).text().startswith("1 dari 6")
    assert t.horizontalHeader().length() == t.viewport().width()


def test_batal_is_gone_once_the_pdf_is_made(city: CityWindow, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Seen: "Selesai" at 100% beside an enabled Batal after the city report's PDF was written."""
    city.show_page("reports")
    page = city.reports_page
    page.out_dir = tmp_path / "laporan"
    page.out_dir.mkdir()
    seen: list[tuple[bool, bool]] = []
    page.export_finished.connect(lambda _p: seen.append((page.progress.isVisible(),
                                                          page.progress.cancel_button.isEnabled())))
    task = page.print_city_report()
    assert page.progress.isVisible() and page.progress.cancel_button.isEnabled()  # while it runs
    qtbot.waitUntil(lambda: not task.running and page.task is None, timeout=60000)
    assert [shown for shown, _batal in seen] == [False]  # gone before the page shows the result
    assert not page.progress.isVisible()
    assert page.result_label.text().startswith("Tersimpan: ")


def test_no_printer_keeps_the_folder_on_a_line_of_its_own(tmp_path: Path, dialogs) -> None:  # noqa: ANN001
    """Seen: the message broke the path after "di /", the rest ("tmp/...") on the next line."""
    from db.demo import make_pdf
    from ui.reports import printing

    folder = tmp_path / "laporan kota" / "2026"
    folder.mkdir(parents=True)
    pdf = folder / "Laporan kota KLA Kota Balikpapan 2026.pdf"
    make_pdf(pdf, "LAPORAN", ["baris"])
    dialogs.confirms.append(False)
    assert printing.print_pdf(None, dialogs, pdf, printers=lambda: []) is False
    text = dialogs.asked[-1][2]
    assert str(folder) in text.split("\n")  # the whole folder is one line
    assert "di /" not in text


# ---------------------------------------------------------------------------- 4. leftovers


def test_a_pages_status_bar_message_goes_when_another_page_is_shown(city: CityWindow) -> None:
    """Seen: a page's status-bar message stayed on after switching pages."""
    city.show_page("template")
    city.template_page.session_message("Draf disimpan.")
    assert city.statusBar().currentMessage() == "Draf disimpan."
    city.show_page("matrix")
    assert city.statusBar().currentMessage() == "Semua tinjauan tersimpan otomatis."
