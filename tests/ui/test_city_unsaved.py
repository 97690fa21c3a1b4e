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
