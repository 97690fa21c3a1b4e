"""A desa/kelurahan workspace made without DP3AKB's file gets out (issue 9): Kiriman and Pengaturan
say why it cannot send and install the setup file in place, keeping its data; a file for another
unit is refused with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from db.store import Store
from exports import setup
from tests.ui.conftest import DEMO_KEL


def _enrol(tmp_path: Path, code: str) -> setup.EnrolResult:
    with Store.create(tmp_path / "city", "city", operator="Admin DP3AKB") as city:
        return setup.enroll(city, code, tmp_path / f"{code}.klasetup")


def test_kiriman_installs_the_setup_file_and_keeps_the_data(qtbot, make_window, empty_home, dialogs,
                                                            tmp_path: Path) -> None:  # noqa: ANN001
    with Store.open(empty_home) as s:
        s.set_value(None, 2025, 4, "anak_total", 40, sex="L", age="1-4")
    r = _enrol(tmp_path, DEMO_KEL)
    w = make_window(empty_home).window
    w.show_page("outbox")
    page = w.outbox_page
    assert not page.export_button.isEnabled()
    assert page.setup_button.isVisible() and page.setup_button.isEnabled()
    assert page.enrol_hint.text().startswith("Ruang kerja ini belum terdaftar di DP3AKB, jadi belum bisa mengirim. "
                                             "Minta berkas pemasangan (.klasetup) untuk Kelurahan Margo Mulyo, "
                                             "Kec. Balikpapan Barat, Kota Balikpapan (Kalimantan Timur)")
    dialogs.file.append(str(r.path))
    dialogs.texts.append(r.passphrase)
    qtbot.mouseClick(page.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=30000)
    assert not page.setup_button.isVisible()
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("info", "Berkas pemasangan terpasang")
    assert "Semua data yang sudah diisi tetap tersimpan" in text and r.fingerprint in text
    assert w.session.store.values(None, 2025, 4)[("anak_total", "L", "1-4")] == 40
    w.show_page("settings")
    assert "terdaftar di DP3AKB (sidik jari kunci" in w.settings_page.enrolment_label.text()


def test_pengaturan_refuses_a_file_for_another_unit(qtbot, make_window, empty_home, dialogs,
                                                    tmp_path: Path) -> None:  # noqa: ANN001
    r = _enrol(tmp_path, "64.71.01.1001")  # Manggar, not Margo Mulyo
    w = make_window(empty_home).window
    w.show_page("settings")
    page = w.settings_page
    assert "belum terdaftar di DP3AKB" in page.enrolment_label.text()
    dialogs.file.append(str(r.path))
    dialogs.texts.append(r.passphrase)
    qtbot.mouseClick(page.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(a[0] == "error" for a in dialogs.asked), timeout=30000)
    kind, title, text = next(a for a in dialogs.asked if a[0] == "error")
    assert title == "Berkas pemasangan tidak dipasang"
    assert text.startswith("Berkas pemasangan ini untuk kelurahan Manggar (64.71.01.1001), sedangkan ruang kerja ini "
                           "milik kelurahan Margo Mulyo (64.71.02.1005). Tidak ada yang diubah.")
    assert not w.session.store.sync.own_keys()


def test_kiriman_says_a_bundle_is_not_a_setup_file_before_asking_the_passphrase(
        qtbot, make_window, empty_home, dialogs, tmp_path: Path) -> None:  # noqa: ANN001
    import pyrage

    from exports import keys

    bundle = tmp_path / "KLA-64.71.02.1005-20261202-0001-abcdef-1234-bagian-1-dari-1.kla"
    bundle.write_bytes(pyrage.encrypt(b"isi", [pyrage.x25519.Recipient.from_str(keys.generate().age_recipient)]))
    w = make_window(empty_home).window
    w.show_page("outbox")
    page = w.outbox_page
    dialogs.file.append(str(bundle))
    qtbot.mouseClick(page.setup_button, Qt.MouseButton.LeftButton)
    assert [a[0] for a in dialogs.asked] == ["open_file", "error"]  # no passphrase asked for it
    kind, title, text = dialogs.asked[-1]
    assert title == "Berkas pemasangan tidak dipasang"
    assert text.startswith(f"{bundle.name} adalah kiriman atau tanda terima KLA Desktop (.kla), bukan berkas "
                           "pemasangan. Tidak ada yang diubah. Pilih berkas pemasangan (.klasetup)")
    assert not w.session.store.sync.own_keys()
    assert not page.export_button.isEnabled()


def test_a_desa_window_says_desa_and_its_own_kabupaten(qtbot, make_window, tmp_path: Path) -> None:  # noqa: ANN001
    home = tmp_path / "perian"
    Store.create(home, "kelurahan", kelurahan_code="64.02.01.2001", operator="Sari").close()
    w = make_window(home).window
    assert w.windowTitle() == "KLA Desktop — Desa Perian"
    assert w.header.title.text() == "Desa Perian"
    assert w.header.place.text() == "Kecamatan Muara Muntai · Kabupaten Kutai Kartanegara"
    assert w.home_page.title.text().startswith("Ringkasan Desa Perian — tahun data")
    w.show_page("outbox")
    assert "untuk Desa Perian, Kec. Muara Muntai, Kabupaten Kutai Kartanegara (Kalimantan Timur)" in \
        w.outbox_page.enrol_hint.text()
