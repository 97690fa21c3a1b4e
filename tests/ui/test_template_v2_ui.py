"""Template version 2 in the kelurahan window (issue 12): draft items marked, videos kept as videos
with their size guidance shown to the clerk."""

from __future__ import annotations

import json
from pathlib import Path

from db.store import Store
from db.template import parse_template, shipped_template
from tests.ui.conftest import DEMO_KEL


def _v2_home(tmp_path: Path, video_max_mb: int | None = None) -> Path:
    home = tmp_path / "v2"
    s = Store.create(home, "kelurahan", kelurahan_code=DEMO_KEL, operator="Siti")
    try:
        s.set_value(None, s.data_years()[-1], 2, "rapat_tim", 5)
        v2 = shipped_template("kla24", 2)
        s.install_template_with_migration(v2)
        if video_max_mb is not None:  # a later version with a smaller guidance for videos
            raw = json.loads(v2.to_json())
            raw.update(version=3, video_max_mb=video_max_mb, migrations=raw["migrations"] + [{"from_version": 2}])
            s.install_template_with_migration(parse_template(raw))
    finally:
        s.close()
    return home


def _video(path: Path, size: int) -> Path:
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (size - 12))
    return path


def test_draft_items_are_marked_on_the_indicator_page(qtbot, make_window, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(_v2_home(tmp_path))
    w = launcher.window
    w.open_indicator(6)
    form = w.indicator_page.form
    qtbot.waitUntil(lambda: all(f.isVisible() for f in form.fields.values()))
    assert form.fields["forum_2p"].label.text().endswith("(usulan)")
    assert "belum dikonfirmasi" in form.fields["forum_2p"].label.toolTip()
    assert form.fields["masa_bakti_selesai"].label.text().endswith("(usulan)")
    assert "(usulan)" not in form.fields["ada_forum_anak"].label.text()  # confirmed by the reference
    assert "(rumusan sementara)" not in form.title.text()  # the indicator's title is confirmed
    w.open_indicator(2)
    qtbot.waitUntil(lambda: "rapat_gugus_tugas" in form.fields)
    assert form.fields["rapat_gugus_tugas"].editor.text() == "5"  # moved from rapat_tim by the declared rule
    assert "(usulan)" not in form.fields["rapat_gugus_tugas"].label.text()
    assert form.fields["status_drppa"].label.text().endswith("(usulan)")
    # A provisional indicator is marked as a whole, its items not one by one.
    w.open_indicator(13)
    qtbot.waitUntil(lambda: "(rumusan sementara)" in form.title.text())
    assert not any("(usulan)" in f.label.text() for f in form.fields.values())


def test_a_video_is_kept_as_a_video_with_its_size_guidance(qtbot, make_window, tmp_path) -> None:  # noqa: ANN001
    launcher = make_window(_v2_home(tmp_path, video_max_mb=1))
    w, s = launcher.window, launcher.session
    w.open_indicator(6)
    panel = w.indicator_page.evidence
    qtbot.waitUntil(lambda: "video" in panel.req_rows)
    row = panel.req_rows["video"]
    assert "Video paling besar 1 MB" in row.text.text()
    assert "Video paling besar" not in panel.req_rows["photo"].text.text()
    # Attached where a photo is asked: still a video (never a photo), and it counts where it was put.
    small = _video(tmp_path / "musrenbang.mp4", 200_000)
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([small], requirement="photo")
    rec = s.store.evidence(blocker.args[0].evidence_ids[0])
    assert (rec.kind, rec.mime) == ("video", "video/mp4") and rec.size == small.stat().st_size  # not re-encoded
    assert "berkas ditambahkan" in panel.message.text() and "lebih dari" not in panel.message.text()
    # A video dropped anywhere else is a video too, and one over the guidance is kept with a word.
    big = _video(tmp_path / "kegiatan-2p.mp4", 1_600_000)
    with qtbot.waitSignal(panel.import_finished, timeout=30000) as blocker:
        panel.add_files([big])
    rec = s.store.evidence(blocker.args[0].evidence_ids[0])
    assert rec.kind == "video"
    assert "Video kegiatan-2p.mp4 berukuran 1,5 MB, lebih dari 1 MB yang disarankan" in panel.message.text()
    gaps = {g.key: g for g in s.indicator_status(6).evidence}
    assert gaps["video"].have == 1 and gaps["photo"].have == 1
    from ui.evidence.model import kind_labels

    assert kind_labels()["video"] == "Video"


def test_beranda_shows_the_category_only_from_the_citys_rubric(qtbot, make_window, tmp_path) -> None:  # noqa: ANN001
    import json as _json

    from db.rubrics import RubricResult

    home = tmp_path / "unit"
    s = Store.create(home, "kelurahan", kelurahan_code=DEMO_KEL, operator="Siti")
    year = s.current_period().eval_year
    s.close()
    launcher = make_window(home)
    page = launcher.window.home_page
    page.refresh()
    assert not page.category.isVisibleTo(page)  # no rubric result: no category at all (never the kab/kota bands)
    result = RubricResult("rubrik_x", 1, "Rubrik Kelurahan Layak Anak", DEMO_KEL, year, 78.0, 100, 22, 22,
                          "madya", "Madya")
    store = launcher.session.store
    with store.transaction():  # as exports.receipts.apply_receipt keeps it
        store.sync.set_state("rubric_result", _json.dumps(result.to_json()))
    page.refresh()
    assert page.category.isVisibleTo(page)
    assert page.category.text() == (f"Kategori menurut Rubrik Kelurahan Layak Anak (DP3AKB, evaluasi {year}): "
                                    "Madya — nilai 78 dari 100")
