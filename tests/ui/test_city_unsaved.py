"""The DP3AKB window never drops what the officer typed, and asks before it removes anything.

Found by a tester driving the window: "Kembali" on the close question closed it anyway, "Hapus tinjauan"
went in one click, a changed deadline was lost on leaving the page, the unit and operator dialogs closed
on a refusal, Escape in KELANA stored the form, an empty indicator was accepted without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.store import Store
from tests.ui.test_city_window import KEL_A, KEL_B, fill_city
from ui.city.city_window import CityWindow


@pytest.fixture
def city_home(tmp_path: Path) -> Path:
    home = tmp_path / "kota"
    fill_city(home)
    return home


@pytest.fixture
def window(make_window, city_home: Path) -> CityWindow:  # noqa: ANN001
    w = make_window(city_home).window
    assert isinstance(w, CityWindow)
    return w


def stored_review(home: Path, kel: str, year: int, no: int) -> tuple[str, str]:
    with Store.open(home, check=False, start_backup=False) as s:
        st = s.indicator_status(kel, year, no)
    return st.review_state, st.review_note


# ---------------------------------------------------------------------------- 1. closing the window


def test_kembali_on_the_close_question_keeps_the_window_and_the_note(window: CityWindow, dialogs,  # noqa: ANN001
                                                                    city_home: Path) -> None:
    w = window
    year = w.session.year
    d = w.matrix_page.open_cell(KEL_A, 5)
    w.show_page("summary")  # the officer went elsewhere in the window, the review dialog still open
    d.note.setPlainText("Foto kurang jelas.")
    dialogs.choices.append(-1)  # "Kembali" (or Escape)
    assert not w.close()
    assert dialogs.asked[-1][:2] == ("choose", "Catatan belum tersimpan")
    assert w.isVisible() and d.isVisible()
    assert d.note.toPlainText() == "Foto kurang jelas."
    assert w.current_page() == "matrix"  # back where the note is
    assert stored_review(city_home, KEL_A, year, 5) == ("", "")

    dialogs.choices.append(0)  # now "Tandai perlu perbaikan": stored, and the window closes
    assert w.close()
    assert not w.isVisible()
    assert stored_review(city_home, KEL_A, year, 5) == ("perlu_perbaikan", "Foto kurang jelas.")


def test_a_refused_contact_is_asked_about_before_the_window_closes(window: CityWindow, dialogs, qtbot) -> None:  # noqa: ANN001
    w = window
    w.show_page("chase")
    page = w.chase_page
    qtbot.waitUntil(lambda: page.chase is not None and not page.task.running, timeout=10000)
    page.contact_name.setText("x" * 5000)  # the store refuses a name this long
    dialogs.confirms.append(False)  # "Kembali memperbaiki"
    w.show_page("summary")
    assert not w.close()
    assert ("confirm", "Isian belum tersimpan") in [a[:2] for a in dialogs.asked]
    assert w.isVisible() and w.current_page() == "chase"
    assert page.contact_name.text() == "x" * 5000
    dialogs.confirms.append(True)  # "Tutup saja", said in so many words
    assert w.close()


# ---------------------------------------------------------------------------- 2. "Hapus tinjauan"


def test_hapus_tinjauan_asks_first_and_batal_keeps_the_review(window: CityWindow, dialogs, city_home: Path) -> None:  # noqa: ANN001
    w = window
    year = w.session.year
    d = w.matrix_page.open_cell(KEL_B, 5)
    d.note.setPlainText("Lampirkan foto.")
    d.fix_button.click()
    assert stored_review(city_home, KEL_B, year, 5) == ("perlu_perbaikan", "Lampirkan foto.")
    asked = len(dialogs.asked)

    dialogs.confirms.append(False)  # "Batal" (the default button, and Escape)
    d.clear_button.click()
    kind, title, text = dialogs.asked[asked]
    assert (kind, title) == ("confirm", "Hapus tinjauan")
    assert "indikator 5" in text and "Kelurahan Baru Ilir" in text and "\"Perlu perbaikan\"" in text
    assert "catatan" in text and "belum ditinjau" in text
    assert stored_review(city_home, KEL_B, year, 5) == ("perlu_perbaikan", "Lampirkan foto.")
    assert d.note.toPlainText() == "Lampirkan foto."
    assert "Perlu perbaikan" in d.review_state.text()

    dialogs.confirms.append(True)  # "Hapus tinjauan", said in so many words
    d.clear_button.click()
    assert stored_review(city_home, KEL_B, year, 5) == ("", "")
    assert d.note.toPlainText() == "" and "Belum ditinjau" in d.review_state.text()

    # Nothing to remove: no question.
    asked = len(dialogs.asked)
    d.clear_button.click()
    assert len(dialogs.asked) == asked


def test_the_real_question_defaults_to_batal(qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Dialogs.confirm, the question "Hapus tinjauan" asks: Enter there keeps the review."""
    from PySide6.QtWidgets import QMessageBox

    from ui.widgets.dialogs import Dialogs

    seen: dict[str, str] = {}

    def exec_(box: QMessageBox) -> int:
        seen["default"] = box.defaultButton().text()
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert Dialogs().confirm(None, "Hapus tinjauan", "?", "Hapus tinjauan", "Batal") is False
    assert seen["default"] == "Batal"


# ---------------------------------------------------------------------------- 6. accepting an empty indicator


def test_an_empty_indicator_is_accepted_only_when_the_officer_says_so(window: CityWindow, dialogs,  # noqa: ANN001
                                                                      city_home: Path) -> None:
    w = window
    year = w.session.year
    assert w.session.store.indicator_status(KEL_A, year, 3).state == "empty"
    d = w.matrix_page.open_cell(KEL_A, 3)
    dialogs.confirms.append(False)  # "Batal"
    d.accept_button.click()
    kind, title, text = dialogs.asked[-1]
    assert kind == "confirm" and "belum berisi data" in text and "Tetap tandai \"Diterima\"" in text
    assert stored_review(city_home, KEL_A, year, 3) == ("", "")
    assert "Belum ditinjau" in d.review_state.text()
    w.show_page("summary")
    assert "Tinjauan DP3AKB: 0 diterima" in w.summary_page.counts.text()  # not counted as accepted

    # Ctrl+Enter (accept and next) asks too, and stays on the indicator when refused.
    dialogs.confirms.append(False)
    assert not d.accept_and_next()
    assert d.indicator_no == 3 and stored_review(city_home, KEL_A, year, 3) == ("", "")

    dialogs.confirms.append(True)  # "Tetap terima"
    d.accept_button.click()
    assert stored_review(city_home, KEL_A, year, 3) == ("diterima", "")
    w.show_page("summary")
    assert "Tinjauan DP3AKB: 1 diterima" in w.summary_page.counts.text()

    # An indicator with all its data and evidence is accepted without a question.
    asked = len(dialogs.asked)
    d.show_indicator(KEL_A, 5)
    d.accept_button.click()
    assert len(dialogs.asked) == asked
    assert stored_review(city_home, KEL_A, year, 5) == ("diterima", "")

    # One with data but required entries or evidence missing is asked about, naming what lacks.
    st = w.session.store.indicator_status(KEL_B, year, 5)
    assert st.completeness > 0 and (st.missing_items or st.missing_evidence)
    d.show_indicator(KEL_B, 5)
    dialogs.confirms.append(False)
    d.accept_button.click()
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("confirm", "Indikator belum lengkap") and "masih kurang" in text
    assert stored_review(city_home, KEL_B, year, 5) == ("", "")
    dialogs.confirms.append(True)
    d.accept_button.click()
    assert stored_review(city_home, KEL_B, year, 5) == ("diterima", "")


def test_tab_leaves_the_review_note_for_the_buttons(window: CityWindow, qtbot) -> None:  # noqa: ANN001
    """Tab typed a tab into the note: a keyboard-only officer never reached Diterima."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    d = window.matrix_page.open_cell(KEL_A, 5)
    d.note.setFocus()
    qtbot.waitUntil(d.note.hasFocus)
    QTest.keyClick(d.note, Qt.Key.Key_Tab)
    assert not d.note.hasFocus() and "\t" not in d.note.toPlainText()


# ---------------------------------------------------------------------------- 3. the deadline


def stored_deadline(home: Path, eval_year: int):  # noqa: ANN201
    with Store.open(home, check=False, start_backup=False) as s:
        return s.deadline(eval_year)


def test_a_changed_deadline_is_stored_when_committed_and_the_reminders_follow(window: CityWindow, qtbot,  # noqa: ANN001
                                                                              city_home: Path) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate, Qt
    from PySide6.QtTest import QTest

    w = window
    w.show_page("chase")
    page = w.chase_page
    year = page.eval_year()

    def loaded() -> bool:
        return page.chase is not None and not page.task.running and not page._stale

    qtbot.waitUntil(loaded, timeout=10000)
    assert page.no_deadline.isChecked() and stored_deadline(city_home, year) is None

    # The box unticked: the date shown is the deadline now, stored without "Simpan batas waktu".
    qtbot.mouseClick(page.no_deadline, Qt.MouseButton.LeftButton)
    assert not page.no_deadline.isChecked()
    assert stored_deadline(city_home, year) == dt.date(year, 1, 31)

    # A day picked in the calendar.
    cal = page.deadline.calendarWidget()
    cal.setSelectedDate(QDate(year, 2, 20))
    cal.clicked.emit(QDate(year, 2, 20))
    assert stored_deadline(city_home, year) == dt.date(year, 2, 20)

    # Typed and Enter.
    page.deadline.setFocus()
    page.deadline.setDate(QDate(year, 3, 10))
    QTest.keyClick(page.deadline, Qt.Key.Key_Return)
    assert stored_deadline(city_home, year) == dt.date(year, 3, 10)
    qtbot.waitUntil(loaded, timeout=10000)
    assert page.chase.deadline == dt.date(year, 3, 10)
    assert "10 Maret" in page.reminder.toPlainText() and "10 Maret" in page.summary.text()

    # Changed and the page left at once (Ctrl+1, the field never left): stored.
    page.deadline.setDate(QDate(year, 3, 15))
    w.show_page("summary")
    assert stored_deadline(city_home, year) == dt.date(year, 3, 15)

    # Changed and the window closed: stored.
    w.show_page("chase")
    qtbot.waitUntil(loaded, timeout=10000)
    assert page.deadline.date() == QDate(year, 3, 15)
    page.deadline.setDate(QDate(year, 4, 1))
    assert w.close()
    assert stored_deadline(city_home, year) == dt.date(year, 4, 1)


# ---------------------------------------------------------------------------- 5. Escape in "Catat KELANA…"


def test_escape_in_kelana_stores_nothing_and_asks_about_a_change(window: CityWindow, dialogs, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = window.summary_page
    year = window.session.year

    def stored() -> dict[str, tuple[str, str]]:
        return {r.kecamatan_code: (r.status, r.sk_number) for r in window.session.store.kelana([year])}

    qtbot.mouseClick(page.kelana_button, Qt.MouseButton.LeftButton)
    dlg = page.kelana_dialog
    qtbot.waitExposed(dlg)
    first = dlg.kecamatan[0].code
    dlg.status.setCurrentIndex(dlg.status.findData("kelana"))
    dlg.sk_number.setFocus()
    QTest.keyClicks(dlg.sk_number, "188.45/9/2026")

    dialogs.choices.append(-1)  # "Kembali" (Escape in the question): back to the form, all of it kept
    QTest.keyClick(dlg.sk_number, Qt.Key.Key_Escape)
    assert dialogs.asked[-1][:2] == ("choose", "Perubahan belum disimpan")
    assert dlg.kecamatan[0].name in dialogs.asked[-1][2]
    assert dialogs.chose[-1] == ["Simpan", "Buang perubahan"]
    assert dlg.isVisible() and stored() == {}
    assert dlg.status.currentData() == "kelana" and dlg.sk_number.text() == "188.45/9/2026"

    dialogs.choices.append(1)  # "Buang perubahan", said in so many words
    QTest.keyClick(dlg.sk_number, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and stored() == {}

    # Nothing changed: Escape closes at once, nothing stored, nothing asked.
    qtbot.mouseClick(page.kelana_button, Qt.MouseButton.LeftButton)
    dlg = page.kelana_dialog
    qtbot.waitExposed(dlg)
    asked = len(dialogs.asked)
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and stored() == {} and len(dialogs.asked) == asked

    # A change and "Simpan" (Enter in the question): stored, closed.
    qtbot.mouseClick(page.kelana_button, Qt.MouseButton.LeftButton)
    dlg = page.kelana_dialog
    qtbot.waitExposed(dlg)
    dlg.status.setCurrentIndex(dlg.status.findData("inisiasi"))
    dialogs.choices.append(0)
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and stored() == {first: ("inisiasi", "")}


# ---------------------------------------------------------------------------- 4. a refusal keeps the dialog open


def _drive_modal(qtbot, steps) -> dict:  # noqa: ANN001
    """Run ``steps(dialog, seen)`` on the modal dialog a click opens, closing it whatever happens."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: dict = {}

    def drive() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, drive)
            return
        try:
            steps(dlg, seen)
        except Exception as exc:  # noqa: BLE001 - reported by the test, after the dialog is closed
            seen["error"] = exc
        finally:
            if dlg.isVisible():
                seen.setdefault("left_open", True)
                dlg.reject()

    QTimer.singleShot(0, drive)
    return seen


def test_tambah_desa_kelurahan_stays_open_with_the_typing_and_the_refusal(window: CityWindow, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    w = window
    w.show_page("enrolled")
    page = w.enrolled_page
    page.select(KEL_A)
    count = len(w.session.store.units("kelurahan"))

    def steps(dlg, seen: dict) -> None:  # noqa: ANN001
        dlg.code.setText(KEL_A)  # Manggar has it
        dlg.name.setText("Manggar Indah")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        seen["open"] = dlg.isVisible()
        seen["typed"] = (dlg.code.text(), dlg.name.text())
        seen["said"] = dlg.message.text() if dlg.message.isVisible() else ""
        dlg.name.setText("")
        dlg.code.setText("64.71.01.1099")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        seen["empty_name"] = (dlg.isVisible(), dlg.message.text(), dlg.code.text(), dlg.focusWidget() is dlg.name)
        dlg.name.setText("Manggar Indah")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        seen["closed"] = not dlg.isVisible()

    seen = _drive_modal(qtbot, steps)
    qtbot.mouseClick(page.add_unit_button, Qt.MouseButton.LeftButton)
    assert "error" not in seen, seen.get("error")
    assert seen["open"] and seen["typed"] == (KEL_A, "Manggar Indah")
    assert "Kode 64.71.01.1001 sudah dipakai Manggar" in seen["said"]
    open_, said, code, on_name = seen["empty_name"]
    assert open_ and "Namanya kosong" in said and code == "64.71.01.1099" and on_name
    assert seen["closed"] and "left_open" not in seen
    assert len(w.session.store.units("kelurahan")) == count + 1
    assert w.session.store.kelurahan("64.71.01.1099").name == "Manggar Indah"


def test_ganti_petugas_stays_open_on_an_empty_name(window: CityWindow, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLabel

    from ui.widgets.dialogs import Dialogs

    w = window
    w.session.dialogs = Dialogs()  # the real question, driven below

    def steps(dlg, seen: dict) -> None:  # noqa: ANN001
        assert isinstance(dlg, QInputDialog)
        ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dlg.setTextValue("   ")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["open"] = dlg.isVisible()
        seen["said"] = [lbl.text() for lbl in dlg.findChildren(QLabel) if lbl.isVisible()]
        dlg.setTextValue("Budi Santoso")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["closed"] = not dlg.isVisible()

    seen = _drive_modal(qtbot, steps)
    qtbot.mouseClick(w.header.change_operator, Qt.MouseButton.LeftButton)
    assert "error" not in seen, seen.get("error")
    assert seen["open"] and "Nama petugas kosong. Ketik nama Anda." in seen["said"]
    assert seen["closed"] and "left_open" not in seen
    assert w.session.store.operator == "Budi Santoso" and w.header.operator.text() == "Budi Santoso"


def test_ganti_nama_keeps_asking_after_a_refusal(window: CityWindow, dialogs) -> None:  # noqa: ANN001
    w = window
    w.show_page("enrolled")
    page = w.enrolled_page
    page.select(KEL_A)
    dialogs.texts += ["  ", "Manggar Jaya"]  # an empty name, then one the store takes, in the same dialog
    page.rename_button.click()
    assert [a[:2] for a in dialogs.asked].count(("ask_text", "Ganti nama")) == 1
    assert dialogs.refused == ["Namanya kosong. Ketik nama desa, kelurahan atau kecamatan itu."]
    assert w.session.store.kelurahan(KEL_A).name == "Manggar Jaya"
    assert not [a for a in dialogs.asked if a[0] == "error"]


def test_the_kelurahan_windows_ganti_petugas_keeps_asking_after_a_refusal(make_window, empty_home: Path,  # noqa: ANN001
                                                                          dialogs) -> None:
    w = make_window(empty_home).window
    dialogs.texts += ["", "Siti Aminah"]  # an empty name, then a name, in the same dialog
    w.header.change_operator.click()
    assert [a[:2] for a in dialogs.asked] == [("ask_text", "Petugas")]
    assert dialogs.refused == ["Nama petugas kosong. Ketik nama Anda."]
    assert w.session.store.operator == "Siti Aminah"


def test_a_deadline_is_typed_after_a_click_into_the_field(window: CityWindow, qtbot, city_home: Path) -> None:  # noqa: ANN001
    """Clicked into 'Batas waktu' and typed '20022027' (or '20'): the field stayed '31-01-2027'."""
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w = window
    w.show()
    w.show_page("chase")
    page = w.chase_page
    year = page.eval_year()
    qtbot.waitUntil(lambda: page.chase is not None and not page.task.running and not page._stale, timeout=10000)
    qtbot.mouseClick(page.no_deadline, Qt.MouseButton.LeftButton)
    field = page.deadline.lineEdit()
    day_at = field.cursorRect().center()
    day_at.setX(field.fontMetrics().horizontalAdvance("3") + 4)  # on the day
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, day_at)
    qtbot.waitUntil(lambda: field.hasSelectedText(), timeout=2000)
    QTest.keyClicks(page.deadline, "20022027")
    QTest.keyClick(page.deadline, Qt.Key.Key_Tab)
    assert page.deadline.date().toString("dd-MM-yyyy") == "20-02-2027"
    assert stored_deadline(city_home, year) == dt.date(2027, 2, 20)
