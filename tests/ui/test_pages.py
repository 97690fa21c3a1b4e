"""Beranda, Kegiatan & Inovasi, Fasilitas, Pengaturan, evidence actions and the workspace lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from db.store import Store
from ui.home.changes import summarise_changes


def test_home_lists_whats_missing_and_opens_the_form(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    home = w.home_page
    # What the page shows is what the store computes for this kelurahan and year.
    st = s.store.status(None, s.year)
    assert home.overall.value() == round(st.completeness * 100)
    texts = [home.todo.item(i).text() for i in range(home.todo.count())]
    lacking = [i for i in st.indicators if i.missing_items]
    assert lacking, "the demo kelurahan is only part-way done"
    first = lacking[0]
    assert any(t.startswith(f"{first.indicator_no}. {first.short_name}")
               and f"{len(first.missing_items)} isian wajib belum lengkap" in t for t in texts)
    # Nothing was exported yet: every change since creation is listed.
    changed = [home.changed.item(i).text() for i in range(home.changed.count())]
    assert any("Kegiatan & inovasi" in t for t in changed)
    target = lacking[-1].indicator_no
    item = next(home.todo.item(i) for i in range(home.todo.count())
                if home.todo.item(i).text().startswith(f"{target}."))
    home.todo.itemClicked.emit(item)
    assert w.current_page() == "indicators" and w.indicator_page.form.indicator_no == target


def test_home_shows_a_change_at_once(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    # Pretend an export happened now: the list empties, then a new edit shows up.
    with s.store.transaction():
        s.store.set_meta("last_export_at", "9999-01-01T00:00:00")
    w.home_page.refresh()
    assert w.home_page.changed.count() == 1 and "Belum ada perubahan" in w.home_page.changed.item(0).text()
    with s.store.transaction():
        s.store.set_meta("last_export_at", "2000-01-01T00:00:00")
    s.set_value(2, "rapat_tim", "4")
    first = w.home_page.changed.item(0).text()
    assert first.startswith("2. Terlembaga KLA") and "Tester" not in first


def test_summarise_changes_groups_by_indicator(demo_home: Path) -> None:
    with Store.open(demo_home, operator="Rina") as store:
        store.set_value(None, 2026, 5, "jumlah_ila", "3")
        store.set_notes(None, 2026, 5, "catatan")
        stamp = store.audit_log(limit=1)[0].at
        rows = summarise_changes(store.audit_log(limit=5000), store.kelurahan_code, since=stamp[:-5])
    top = rows[0]
    assert (top.area, top.indicator_no, top.data_year, top.last_operator) == ("indicator", 5, 2026, "Rina")
    assert top.count >= 1


def test_activities_create_edit_search_delete(qtbot, make_window, demo_home, dialogs) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show_page("activities")
    page = w.activities_page
    n = page.model.rowCount()
    rec = page.new_activity()
    assert page.model.rowCount() == n + 1 and page.current_id == rec.id
    page.title_edit.setText("Posyandu remaja")
    page.title_edit.setModified(True)
    page.title_edit.editingFinished.emit()
    page.date_edit.setText("17-08-2026")
    page.date_edit.setModified(True)
    page.date_edit.editingFinished.emit()
    item = next(page.indicators.item(i) for i in range(page.indicators.count())
                if page.indicators.item(i).data(Qt.ItemDataRole.UserRole) == 13)
    item.setCheckState(Qt.CheckState.Checked)
    stored = s.store.activity(rec.id)
    assert (stored.title, stored.date, stored.indicators) == ("Posyandu remaja", "2026-08-17", (13,))
    # A bad date is explained, not stored.
    page.date_edit.setText("31-02-2026")
    page.date_edit.setModified(True)
    page.date_edit.editingFinished.emit()
    assert "bukan tanggal" in page.error.text()
    page.search.setText("remaja")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("inovasi"))
    assert all(page.proxy.index(r, 2).data() == "Inovasi" for r in range(page.proxy.rowCount()))
    page.kind_filter.setCurrentIndex(0)
    page.select(rec.id)
    dialogs.confirms.append(True)
    page.delete_current()
    assert page.model.row_of(rec.id) == -1


def test_facility_form_and_evidence(qtbot, make_window, demo_home, dialogs, make_photo, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show_page("facilities")
    page = w.facilities_page
    rec = page.new_facility()
    page.name_edit.setText("RBRA Taman Melati")
    page.name_edit.setModified(True)
    page.name_edit.editingFinished.emit()
    page.type_edit.setCurrentIndex(page.type_edit.findData("rbra"))
    page.type_edit.activated.emit(page.type_edit.currentIndex())
    page.lat_edit.setText("-1,2654")
    page.lat_edit.setModified(True)
    page.lat_edit.editingFinished.emit()
    stored = s.store.facility(rec.id)
    assert (stored.name, stored.type, stored.latitude) == ("RBRA Taman Melati", "rbra", -1.2654)
    photo = make_photo(tmp_path / "rbra.jpg", 1200, 900)
    with qtbot.waitSignal(page.evidence.import_finished, timeout=30000):
        page.evidence.add_files([photo])
    assert len(s.store.facility(rec.id).evidence_ids) == 1
    assert page.evidence.model.rowCount() == 1
    # Small photos are not re-encoded.
    ev = s.store.evidence(s.store.facility(rec.id).evidence_ids[0])
    assert ev.size == photo.stat().st_size


def test_evidence_details_link_and_remove(qtbot, make_window, demo_home, dialogs, make_photo, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.open_indicator(5)
    panel = w.indicator_page.evidence
    photo = make_photo(tmp_path / "pojok-baca.jpg", 800, 600)
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([photo])
    eid = blocker.args[0].evidence_ids[0]
    panel.select(eid)
    assert panel.details.isVisibleTo(panel)
    panel.caption.setText("Pojok baca di kantor kelurahan")
    panel.caption.setModified(True)
    panel.caption.editingFinished.emit()
    panel.date_edit.setText("02-05-2026")
    panel.date_edit.setModified(True)
    panel.date_edit.editingFinished.emit()
    rec = s.store.evidence(eid)
    assert (rec.caption, rec.doc_date, rec.kind) == ("Pojok baca di kantor kelurahan", "2026-05-02", "photo")
    # Preview rendered off the GUI thread.
    qtbot.waitUntil(lambda: w.thumbnails.get(rec) is not None, timeout=10000)
    # One file for two indicators.
    panel.link_to(eid, {5, 11})
    assert {(s.year, 5), (s.year, 11)} <= set(s.store.evidence(eid).links)
    # Removing it from 5 keeps the file (11 still uses it); removing it from 11 deletes it.
    path = s.store.evidence_path(rec)
    dialogs.confirms.append(True)
    assert panel.remove(eid)
    assert "tetap tersimpan" in dialogs.asked[-1][2]
    assert path.exists() and s.store.evidence(eid).links == ((s.year, 11),)
    w.open_indicator(11)
    panel.select(eid)
    dialogs.confirms.append(True)
    assert panel.remove(eid)
    assert not path.exists()


def test_pdf_first_page_preview(demo_home: Path) -> None:
    from ui.evidence.thumbnails import render_preview

    with Store.open(demo_home) as store:
        pdf = next(e for e in store.evidence_list(None) if e.is_pdf)
        img = render_preview(store.evidence_path(pdf), pdf.mime, 200)
    assert img is not None and max(img.width(), img.height()) == 200
    # Not blank: the page has dark text on it.
    dark = sum(1 for x in range(img.width()) for y in range(img.height())
               if img.pixelColor(x, y).lightness() < 160)
    assert dark > 50


def test_settings_backup_photo_limits_language(qtbot, make_window, demo_home, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    page = w.settings_page
    before = len(Store.list_backups(demo_home))
    task = page.backup_now()
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    qtbot.waitUntil(lambda: page.backups.count() == before + 1)
    assert len(Store.list_backups(demo_home)) == before + 1
    assert page.backups.count() == before + 1
    page.photo_side.setValue(1200)
    page.photo_quality.setValue(70)
    page.photo_side.editingFinished.emit()
    assert s.photo_limits() == (1200, 70)
    with qtbot.waitSignal(page.language_changed) as blocker:
        page.language.setCurrentIndex(1)
        page.language.activated.emit(1)
    assert blocker.args == ["en"] and launcher.settings.language == "en"
    assert page.language_note.isVisibleTo(page)  # English shows after a restart
    # Regression: back to Bahasa Indonesia (on screen now) still claimed a restart was needed.
    page.language.setCurrentIndex(0)
    page.language.activated.emit(0)
    assert launcher.settings.language == "id" and not page.language_note.isVisibleTo(page)


def test_restore_from_backup_brings_old_values_back(qtbot, make_window, demo_home, dialogs) -> None:  # noqa: ANN001
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    backup = s.store.backup(reason="manual-test")
    s.set_value(2, "rapat_tim", "77")
    dialogs.confirms.append(True)
    assert w.settings_page.restore(backup)
    assert ("rapat_tim", "", "") not in s.store.values(None, s.year, 2) or \
        s.store.values(None, s.year, 2)[("rapat_tim", "", "")] != 77
    w.open_indicator(2)
    assert w.indicator_page.form.fields["rapat_tim"].editor.text() != "77"


def test_second_window_is_read_only_or_refused(qtbot, make_window, demo_home, dialogs) -> None:  # noqa: ANN001
    first = make_window(demo_home)
    assert first.session.read_only is False
    dialogs.confirms.append(False)
    from desktop.app import Launcher
    from ui.app_settings import AppSettings

    refused = Launcher(data_dir=demo_home, workspace=demo_home, settings=AppSettings(demo_home / "x.ini"),
                       dialogs=dialogs)
    assert refused.open(demo_home) is None
    assert "sedang dipakai" in dialogs.asked[-1][2]
    dialogs.confirms.append(True)
    second = make_window(demo_home)
    assert second.session.read_only
    w2 = second.window
    assert w2.header.read_only.isVisibleTo(w2)
    w2.open_indicator(4)
    _view, model = w2.indicator_page.form.grids[0]
    assert not model.flags(model.cell_index("anak_total", "L", "0-60h")) & Qt.ItemFlag.ItemIsEditable
    assert not w2.indicator_page.evidence.add_button.isVisibleTo(w2)
    # After the writer closes, the lock is free again.
    first.window.close()
    from desktop.lock import WorkspaceLock

    w2.close()
    lock = WorkspaceLock(demo_home)
    assert lock.try_lock()
    lock.unlock()


def test_facility_list_shows_every_column_at_1366x768(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """'Berkas' was behind a horizontal scroll bar and 'Terstandar' was cut to 'Terstan…'."""
    w = make_window(demo_home).window
    w.show_page("facilities")
    table = w.facilities_page.table
    qtbot.waitUntil(table.isVisible)
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    std = w.facilities_page.model.COL_STANDARD
    assert header.sectionSize(std) >= table.fontMetrics().horizontalAdvance("Terstandar") + 8


def test_facility_coordinates_come_back_as_typed(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Regression: "-1,2654" came back as "-1,26540" (always five decimals)."""
    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.show_page("facilities")
    page = w.facilities_page
    rec = page.new_facility()
    for edit, typed in ((page.lat_edit, "-1,2654"), (page.lon_edit, "116,8")):
        edit.setText(typed)
        edit.setModified(True)
        edit.editingFinished.emit()
    assert (s.store.facility(rec.id).latitude, s.store.facility(rec.id).longitude) == (-1.2654, 116.8)
    other = page.new_facility()
    qtbot.waitUntil(lambda: page.current_id == other.id and page.lat_edit.text() == "")
    page.select(rec.id)
    qtbot.waitUntil(lambda: page.current_id == rec.id)
    assert (page.lat_edit.text(), page.lon_edit.text()) == ("-1,2654", "116,8")
    assert not page.lat_edit.isModified()


def test_a_refused_coordinate_stays_said_after_the_next_field_is_saved(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    """Regression: a latitude of 200 was refused, but saving the longitude next hid the message,
    so the form showed "200" with no word while nothing was stored."""
    from PySide6.QtCore import Qt

    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.show_page("facilities")
    page = w.facilities_page
    rec = page.new_facility()
    for edit, typed in ((page.lat_edit, "200"), (page.lon_edit, "116,83")):
        edit.clear()
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    stored = s.store.facility(rec.id)
    assert (stored.latitude, stored.longitude) == (None, 116.83)
    assert page.lat_edit.text() == "200"
    assert not page.error.isHidden()
    assert "'200' tidak sah" in page.error.text()
    # Typing a good latitude takes the message away.
    page.lat_edit.clear()
    qtbot.keyClicks(page.lat_edit, "-1,27")
    qtbot.keyClick(page.lat_edit, Qt.Key.Key_Return)
    assert s.store.facility(rec.id).latitude == -1.27
    assert page.error.isHidden()


def test_a_refused_date_stays_said_after_the_description_is_saved(qtbot, make_window, empty_home) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    launcher = make_window(empty_home)
    w, s = launcher.window, launcher.session
    w.show_page("activities")
    page = w.activities_page
    rec = page.new_activity()
    qtbot.keyClicks(page.date_edit, "31-02-2026")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
    page.description.setPlainText("Musyawarah anak")
    page._save_description()
    stored = s.store.activity(rec.id)
    assert (stored.date, stored.description) == (None, "Musyawarah anak")
    assert not page.error.isHidden()
    assert "'31-02-2026' bukan tanggal yang sah" in page.error.text()
    # Another record shown: its form says nothing about the date refused for this one.
    other = page.new_activity()
    qtbot.waitUntil(lambda: page.current_id == other.id)
    assert page.error.isHidden()


def test_adding_twenty_files_keeps_progress_and_batal_on_screen(qtbot, make_window, demo_home, make_photo, tmp_path,
                                                                monkeypatch) -> None:  # noqa: ANN001
    """20 photos at once: the progress line with a long file name stays inside the window, Batal works
    half way, and what was added before Batal stays (and nothing else)."""
    import threading

    from db.store import Store

    # Half way for sure: from the second file on, each waits until Batal was clicked (on a busy
    # machine the twenty were all in before the click, and Batal had nothing left to stop).
    clicked, real_add, calls = threading.Event(), Store.add_evidence, []

    def add_evidence(self, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) > 1:
            clicked.wait(30)
        return real_add(self, *a, **k)

    monkeypatch.setattr(Store, "add_evidence", add_evidence)
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show()
    qtbot.waitExposed(w)
    w.open_indicator(6)
    panel = w.indicator_page.evidence
    photo = make_photo(tmp_path / "src.jpg", 1600, 1200)
    paths = []
    for i in range(20):
        p = tmp_path / f"foto-kegiatan-forum-anak-musrenbang-kelurahan-margo-mulyo-{i:02d}.jpg"
        p.write_bytes(photo.read_bytes() + bytes([i]) * 16)  # 20 different files
        paths.append(p)
    task = panel.add_files(paths)
    assert task is not None
    with qtbot.waitSignal(task.progressed, timeout=30000):
        pass
    bar = panel.progress
    qtbot.waitUntil(lambda: "dari 20" in bar.label.text() or not bar.isVisible())
    if bar.isVisible():
        right = bar.cancel_button.mapTo(w, bar.cancel_button.rect().topRight()).x()
        assert right <= w.width(), "Batal is pushed off the window"
        assert panel.mapTo(w, panel.rect().topRight()).x() <= w.width()
    with qtbot.waitSignal(panel.import_finished, timeout=60000) as blocker:
        bar.cancel_button.click()
        clicked.set()
    result = blocker.args[0]
    assert not bar.isVisible()
    added = list(result.evidence_ids)
    assert result.cancelled and len(added) < 20
    assert "Dibatalkan; berkas yang sudah masuk tetap tersimpan." in panel.message.text()
    for eid in added:
        assert s.store.evidence_path(s.store.evidence(eid)).exists()


def test_after_restore_the_safety_backup_is_listed_and_named(qtbot, make_window, demo_home, dialogs) -> None:  # noqa: ANN001
    """The confirm promises "data sekarang disimpan dulu sebagai cadangan pengaman": the clerk must be able
    to find that backup in the list right away, to go back if the wrong one was restored."""
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    page = w.settings_page
    backup = s.store.backup(reason="manual")
    s.set_value(2, "rapat_tim", "77")
    page.reload_backups()
    before = page.backups.count()
    dialogs.confirms.append(True)
    assert page.restore(backup)
    assert page.backups.count() == before + 1
    item = page.backups.currentItem()
    assert item is not None and "sebelum-pulihkan" in item.data(Qt.ItemDataRole.UserRole)
    assert "pengaman" in item.text()
    assert "pengaman" in page.backup_note.text() and Path(item.data(Qt.ItemDataRole.UserRole)).name in \
        page.backup_note.text()
    # Restoring the safety backup brings the value typed before the restore back.
    dialogs.confirms.append(True)
    assert page.restore(Path(item.data(Qt.ItemDataRole.UserRole)))
    assert s.store.values(None, s.year, 2)[("rapat_tim", "", "")] == 77


def test_restore_question_says_what_the_backup_holds_and_warns_about_enrolment(
        qtbot, make_window, demo_home, dialogs) -> None:  # noqa: ANN001

    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    before_enrolment = s.store.backup(reason="otomatis")
    s.store.sync.add_own_key("k1", "sp", "pp", "AGE-SECRET", "age1rec")
    enrolled = s.store.backup(reason="manual-test")
    values = s.store.db.execute("SELECT COUNT(*) FROM entry_values").fetchone()[0]
    evidence = s.store.db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0]
    assert values > 0 and evidence > 0

    dialogs.confirms.append(False)
    assert not w.settings_page.restore(before_enrolment)
    question = dialogs.asked[-1][2]
    assert f"{values:,}".replace(",", ".") + " isian" in question  # Indonesian thousands separator
    assert f"{evidence} data dukung" in question
    assert "komputer belum terdaftar di DP3AKB" in question
    assert ("Cadangan ini dibuat sebelum komputer didaftarkan ke DP3AKB; setelah dipulihkan Anda perlu "
            "memasang ulang berkas dari DP3AKB.") in question

    dialogs.confirms.append(False)
    assert not w.settings_page.restore(enrolled)
    question = dialogs.asked[-1][2]
    assert "komputer sudah terdaftar di DP3AKB" in question
    assert "sebelum komputer didaftarkan" not in question
    assert question.startswith("Cadangan ") and "Ganti semua data" in question


@pytest.mark.parametrize("which", ["activities", "facilities"])
def test_a_new_record_starts_empty_and_the_text_typed_before_stays_with_its_own_record(  # noqa: ANN001
        qtbot, make_window, demo_home, which: str) -> None:
    """Click a kegiatan (or fasilitas), type in its Uraian (Catatan), click "+ baru": the new record showed
    and saved the other one's text (the box still held it when the new record became current)."""
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show_page(which)
    page = w.activities_page if which == "activities" else w.facilities_page
    box = page.description if which == "activities" else page.notes
    field = "description" if which == "activities" else "notes"
    read = s.store.activity if which == "activities" else s.store.facility
    first = page.model.index(0, 0).data(page.model.RecordRole)
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     page.table.visualRect(page.proxy.mapFromSource(page.model.index(0, 0))).center())
    assert page.current_id == first.id
    box.setFocus()
    QTest.keyClicks(box, " CAT1")
    typed = box.toPlainText()
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    rec = read(page.current_id)
    assert rec.id != first.id and page.current_id == rec.id
    assert box.toPlainText() == "" and getattr(read(rec.id), field) == ""
    assert getattr(read(first.id), field) == typed  # what was typed went into the record it was typed in


def _refused_latitude(make_window, home):  # noqa: ANN001, ANN202
    """The facilities page with Lintang 'abc' typed (refused) in its first facility: (window, page, facility)."""
    w = make_window(home).window
    w.show_page("facilities")
    page = w.facilities_page
    first = page.model.index(0, 0).data(page.model.RecordRole)
    page.select(first.id)
    page.lat_edit.setText("abc")
    page.lat_edit.setModified(True)
    page.lat_edit.editingFinished.emit()
    return w, page, first


def test_a_refused_coordinate_is_asked_about_before_another_facility_opens(  # noqa: ANN001
        qtbot, make_window, demo_home, dialogs) -> None:
    """Lintang 'abc' (refused, said under the form) went without a word when another row was clicked."""
    _w, page, first = _refused_latitude(make_window, demo_home)
    assert page.error.isVisible() and page.unsaved_problems()

    def click_row(row: int) -> None:
        QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         page.table.visualRect(page.proxy.mapFromSource(page.model.index(row, 0))).center())

    dialogs.confirms.append(False)  # "Kembali memperbaiki"
    click_row(1)
    said = page.error.text()
    assert dialogs.asked[-1][:2] == ("confirm", "Isian belum tersimpan") and said and said in dialogs.asked[-1][2]
    assert page.current_id == first.id and page.lat_edit.text() == "abc"
    assert page.table.currentIndex().data(page.model.RecordRole).id == first.id
    dialogs.confirms.append(True)  # "Buang dan lanjutkan"
    click_row(1)
    assert page.current_id != first.id and not page.unsaved_problems()


def test_an_operator_name_typed_in_pengaturan_is_saved_on_leaving_the_page(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """The field kept the new name while the header and every change went on under the old one."""
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show_page("settings")
    page = w.settings_page
    page.operator.setFocus()
    page.operator.selectAll()
    QTest.keyClicks(page.operator, "Dewi Lestari")
    w.show_page("activities")
    assert s.store.operator == "Dewi Lestari"


def test_closing_with_a_refused_coordinate_names_the_facility_and_goes_back_to_it(  # noqa: ANN001
        qtbot, make_window, demo_home, dialogs) -> None:
    """The close question named "Koordinat 'abc'" without its facility, and "Kembali memperbaiki" left
    the clerk on the page they were on."""
    w, page, first = _refused_latitude(make_window, demo_home)
    dialogs.confirms.append(False)  # leaving the page is asked about too: "Kembali memperbaiki"
    w.show_page("activities")
    assert w.current_page() == "facilities"
    dialogs.confirms.append(False)  # "Kembali memperbaiki"
    w.close()
    asked = dialogs.asked[-1]
    assert asked[:2] == ("confirm", "Isian belum tersimpan") and f"Fasilitas «{first.name}»" in asked[2]
    assert w.isVisible() and w.current_page() == "facilities" and page.lat_edit.text() == "abc"


def test_another_data_year_empties_the_activity_form_and_keeps_what_was_typed(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """The form went on showing the other year's activity (and what was typed in it went nowhere)."""
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    w.show_page("activities")
    page = w.activities_page
    rec = page.new_activity()
    page.title_edit.setText("Forum Anak kelurahan")  # typed, not yet committed with Enter or Tab
    page.title_edit.setModified(True)
    combo = w.header.year_combo
    other = next(i for i in range(combo.count()) if combo.itemData(i) != s.year)
    combo.setCurrentIndex(other)
    combo.activated.emit(other)
    assert s.year == combo.itemData(other)
    assert page.current_id is None and not page.form_box.isVisibleTo(page) and page.empty.isVisibleTo(page)
    assert s.store.activity(rec.id).title == "Forum Anak kelurahan"
    assert all(page.model.index(r, 0).data(page.model.RecordRole).id != rec.id for r in range(page.model.rowCount()))


def _commit(edit, text: str) -> None:  # noqa: ANN001
    edit.setText(text)
    edit.setModified(True)
    edit.editingFinished.emit()


def test_coordinates_outside_indonesia_are_stored_and_questioned_beside_the_form(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """Lintang and Bujur swapped (or a minus dropped) were stored without a word: the map was wrong later."""
    w = make_window(demo_home).window
    w.show_page("facilities")
    page = w.facilities_page
    first = page.model.index(0, 0).data(page.model.RecordRole)
    page.select(first.id)
    _commit(page.lat_edit, "-1,2654")
    _commit(page.lon_edit, "-116,8312")  # a minus too many
    stored = w.session.store.facility(first.id)
    assert (stored.latitude, stored.longitude) == (-1.2654, -116.8312)  # stored as typed
    assert page.doubt.isVisibleTo(page) and "tanda minusnya" in page.doubt.text()
    assert not page.error.isVisibleTo(page)
    _commit(page.lon_edit, "116,8312")
    _commit(page.lat_edit, "-1,2654")
    assert not page.doubt.isVisibleTo(page)
    _commit(page.lon_edit, "16,8312")
    assert "di luar wilayah Indonesia" in page.doubt.text()
    page.select(page.model.index(1, 0).data(page.model.RecordRole).id)
    assert not page.doubt.isVisibleTo(page) or "Indonesia" not in page.doubt.text()
    page.select(first.id)
    assert page.doubt.isVisibleTo(page), "said again when the facility is shown again"


def test_an_activity_dated_in_another_year_than_its_data_year_is_questioned(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    w = make_window(demo_home).window
    s = w.session
    w.show_page("activities")
    page = w.activities_page
    rec = page.new_activity()
    _commit(page.date_edit, f"17-08-{s.year - 1}")
    assert w.session.store.activity(rec.id).date == f"{s.year - 1}-08-17"
    assert page.doubt.isVisibleTo(page)
    assert page.doubt.text().startswith(f"Tanggal kegiatan ini tahun {s.year - 1}, sedangkan kegiatan dicatat untuk "
                                        f"data tahun {s.year}.")
    _commit(page.date_edit, f"17-08-{s.year}")
    assert not page.doubt.isVisibleTo(page)


def test_leaving_the_page_with_a_refused_coordinate_asks_and_says_what_is_stored(  # noqa: ANN001
        qtbot, make_window, demo_home, dialogs) -> None:
    """Lintang '12,5' stored, then 'abc' typed (refused): Kiriman opened without a word, 12,5 going out."""
    w, page, first = _refused_latitude(make_window, demo_home)
    stored = w.session.store.facility(first.id).latitude
    dialogs.confirms.append(False)  # "Kembali memperbaiki"
    w.show_page("outbox")
    assert dialogs.asked[-1][:2] == ("confirm", "Isian belum tersimpan")
    assert "Yang tersimpan masih isian sebelumnya" in dialogs.asked[-1][2] and "abc" in dialogs.asked[-1][2]
    assert w.current_page() == "facilities" and w.nav.currentRow() == w.stack.currentIndex()
    assert page.lat_edit.text() == "abc"
    # By a click in the navigation, as a clerk does: the navigation still marks Fasilitas afterwards (the
    # click's release marked Kiriman while Fasilitas stayed on screen).
    item = next(w.nav.item(i) for i in range(w.nav.count()) if w.nav.item(i).data(Qt.ItemDataRole.UserRole) == "outbox")
    dialogs.confirms.append(False)
    QTest.mouseClick(w.nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     w.nav.visualItemRect(item).center())
    qtbot.wait(20)
    assert w.current_page() == "facilities"
    assert w.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "facilities"
    assert [i.data(Qt.ItemDataRole.UserRole) for i in w.nav.selectedItems()] == ["facilities"]
    dialogs.confirms.append(True)  # "Buang dan pindah"
    w.show_page("outbox")
    assert w.current_page() == "outbox"
    w.show_page("facilities")
    assert page.lat_edit.text().replace(",", ".").rstrip("0") in (str(stored).rstrip("0"), "")
    assert not page.unsaved_problems() and not page.error.isVisibleTo(page)
    n = len(dialogs.asked)
    w.show_page("home")  # nothing refused: no question
    assert len(dialogs.asked) == n and w.current_page() == "home"


def test_a_pair_copied_from_a_map_into_lintang_fills_both_boxes(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    """The hint says to copy the coordinates from Google Maps; that pair ('-1.2391, 116.9012') was refused."""
    w = make_window(demo_home).window
    w.show_page("facilities")
    page = w.facilities_page
    first = page.model.index(0, 0).data(page.model.RecordRole)
    page.select(first.id)
    _commit(page.lat_edit, "-1.2391, 116.9012")
    stored = w.session.store.facility(first.id)
    assert (stored.latitude, stored.longitude) == (-1.2391, 116.9012)
    assert (page.lat_edit.text(), page.lon_edit.text()) == ("-1,2391", "116,9012")
    assert not page.error.isVisibleTo(page) and not page.unsaved_problems()
    _commit(page.lon_edit, "-1,25; 116,95")  # pasted into Bujur, Indonesian commas
    stored = w.session.store.facility(first.id)
    assert (stored.latitude, stored.longitude) == (-1.25, 116.95)


def test_marking_siap_with_evidence_missing_asks_first(qtbot, make_window, demo_home, dialogs) -> None:  # noqa: ANN001
    """'Rekap layanan konsultasi keluarga — belum ada (0/1)' and the box ticked without a word."""
    launcher = make_window(demo_home)
    w, s = launcher.window, launcher.session
    candidates = []
    for ind in s.template.indicators:
        st = s.indicator_status(ind.no)
        if st.missing_evidence and not st.missing_items and not st.blocking_flags:
            candidates.append(ind.no)
    assert candidates, "the demo has an indicator whose data is complete but whose evidence is not"
    no = candidates[0]
    s.set_status(no, "draft")
    w.open_indicator(no)
    form = w.indicator_page.form
    dialogs.confirms.append(False)  # "Batal"
    form.ready_box.click()
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("confirm", "Data dukung kurang") and "belum lengkap" in text
    assert not form.ready_box.isChecked() and s.store.entry(s.kelurahan_code, s.year, no).status == "draft"
    dialogs.confirms.append(True)  # "Tetap tandai siap"
    form.ready_box.click()
    assert form.ready_box.isChecked() and s.store.entry(s.kelurahan_code, s.year, no).status == "ready"


def test_a_pages_status_message_does_not_stay_on_another_page(qtbot, make_window, demo_home) -> None:  # noqa: ANN001
    w = make_window(demo_home).window
    w.show_page("indicators")
    w.statusBar().showMessage("Tidak ada yang disalin: tahun 2025 tidak punya jawaban")
    w.show_page("facilities")
    assert w.statusBar().currentMessage() == "Semua isian tersimpan otomatis."
