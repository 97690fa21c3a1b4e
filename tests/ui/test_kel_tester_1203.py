"""What a tester driving the kelurahan window found (kel-1203), as the clerk sees it."""

from __future__ import annotations

from pathlib import Path


def test_adding_a_file_already_here_says_so_and_adds_nothing(qtbot, make_window, demo_home, make_photo,  # noqa: ANN001
                                                             tmp_path: Path) -> None:
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(5)
    panel = w.indicator_page.evidence
    photo = make_photo(tmp_path / "pojok-baca.jpg", 800, 600)
    with qtbot.waitSignal(panel.import_finished, timeout=30000):
        panel.add_files([photo])
    assert panel.message.text() == "1 berkas ditambahkan."
    n = panel.model.rowCount()
    other = make_photo(tmp_path / "taman.jpg", 640, 480)
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([photo, other])
    said = panel.message.text()
    assert "1 berkas ditambahkan." in said and "2 berkas" not in said
    assert "Berkas ini sudah ada di sini: pojok-baca.jpg" in said
    assert panel.model.rowCount() == n + 1
    assert [name for name, _id in blocker.args[0].already] == ["pojok-baca.jpg"]
    # The same on an activity: attached once, the second time said to be there already.
    w.show_page("activities")
    page = w.activities_page
    page.new_activity()
    with qtbot.waitSignal(page.evidence.import_finished, timeout=30000):
        page.evidence.add_files([photo])
    assert page.evidence.message.text() == "1 berkas ditambahkan."
    with qtbot.waitSignal(page.evidence.import_finished, timeout=30000):
        page.evidence.add_files([photo])
    assert page.evidence.message.text().startswith("Berkas ini sudah ada di sini: pojok-baca.jpg")
    assert "ditambahkan." not in page.evidence.message.text().replace("Tidak ditambahkan lagi.", "")
    assert len(s.store.activity(page.current_id).evidence_ids) == 1


def test_a_grid_item_partly_typed_is_said_incomplete_and_never_sebagian_zero(qtbot, make_window, empty_home,  # noqa: ANN001
                                                                              tmp_path: Path) -> None:
    from exports import reports

    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(13)
    page = w.indicator_page
    form = page.form
    qtbot.waitUntil(lambda: form.indicator_no == 13 and bool(form.grids))
    assert "Isian wajib belum terisi: Balita yang ditimbang/diukur" in form.summary.text()
    view, model = next((v, m) for v, m in form.grids if m.cell_index("balita_diukur", "L", "0-5b").isValid())
    assert model.setData(model.cell_index("balita_diukur", "L", "0-5b"), "12")
    said = form.summary.text()
    # One box typed of six: not "belum terisi", but not complete either.
    assert "Isian wajib belum lengkap: Balita yang ditimbang/diukur, Balita stunting" in said
    assert "belum terisi" not in said
    st = s.indicator_status(13)
    assert st.state == "partial" and round(st.completeness * 100) == 0
    assert "Kelengkapan <1%" in said
    row = page.model.row_of(13)
    assert page.model.index(row, page.model.COL_PROGRESS).data() == "<1%"
    # The progress sheet says it alike: "◐ Sebagian" beside "<1%", never "0%".
    import subprocess

    out = reports.write_sheet_pdf(reports.collect_sheet(s.store, None, s.year), tmp_path / "lembar.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in text.splitlines() if "Sebagian" in ln)
    assert "<1%" in line and " 0%" not in line


def test_photo_settings_speak_a_clerks_words(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFormLayout, QLabel

    launcher = make_window(empty_home)
    page = launcher.window.settings_page
    form = next(lay for lay in page.findChildren(QFormLayout) if lay.indexOf(page.photo_side) >= 0)
    label = form.labelForField(page.photo_side).text()
    assert label == "Ukuran foto (sisi terpanjang)" and page.photo_side.suffix() == " titik"
    assert form.labelForField(page.photo_quality).text() == "Mutu foto"
    assert page.photo_side.toolTip() and page.photo_quality.toolTip()
    said = " ".join(lbl.text() for lbl in page.findChildren(QLabel)) + page.photo_side.text()
    assert "px" not in said.split() and "JPEG" not in said and "1600 px" not in said
    assert "Bawaan: 1600 titik, mutu 80." in said


def test_the_window_programs_help_is_in_indonesian() -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    r = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True, env=env,
                       cwd=root, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("cara pakai: kla-desktop")
    assert "pilihan:" in r.stdout and "tampilkan bantuan ini lalu keluar" in r.stdout
    assert "tampilkan versi program lalu keluar" in r.stdout
    for english in ("usage:", "options:", "show this help message", "show program's version"):
        assert english not in r.stdout
    r = subprocess.run([sys.executable, "-m", "desktop", "--lang", "xx"], capture_output=True, text=True, env=env,
                       cwd=root, timeout=60)
    assert r.returncode == 2 and "pilihan tidak dikenal: 'xx'" in r.stderr and "invalid choice" not in r.stderr


def test_beranda_puts_each_percentage_beside_its_bar_not_over_it(qtbot, make_window, demo_home, styled) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show()
    qtbot.waitExposed(w)
    w.show_page("home")
    home = w.home_page
    st = s.store.status(None, s.year)
    bars = [home.overall, *(bar for _name, bar in home._cluster_bars.values())]
    # No text is drawn on a bar (it split into a white and a dark half over the two colours)...
    assert not any(bar.isTextVisible() for bar in bars)
    # ...the number stands beside it, in the page's text colour, and says what the bar shows.
    assert home.overall_text.isVisible() and home.overall_text.text() == f"{round(st.completeness * 100)}%"
    assert home.overall_text.geometry().left() >= home.overall.geometry().right()
    for c in st.clusters:
        _name, bar = home._cluster_bars[c.key]
        text = home._cluster_texts[c.key]
        assert text.isVisible() and text.text() == f"{round(c.completeness * 100)}%" == f"{bar.value()}%"
        assert text.mapTo(home, text.rect().topLeft()).x() >= bar.mapTo(home, bar.rect().topRight()).x()
