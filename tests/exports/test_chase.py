"""The chase list after a partial import (issue 10): the kelurahan that sent nothing first, the
sender with its bundle and receipt, the deadline, revisions, and the reminder text."""

from __future__ import annotations

import datetime as dt

from exports import bundle, receipts
from tests.exports.conftest import KEL_A, KEL_B


def test_chase_list_after_a_partial_import(world) -> None:  # noqa: ANN001
    city, a = world.city, world.a
    eval_year = city.current_period().eval_year
    year = max(city.current_period().data_years)
    out = bundle.export_bundles(a, world.root / "out")
    bundle.import_paths(city, [p.path for p in out.parts])
    today = dt.date.today()
    chase = city.chase_list(eval_year, today=today)
    rows = {r.kelurahan_code: r for r in chase.rows}
    assert len(chase.rows) == 34
    b, sender = rows[KEL_B], rows[KEL_A]
    # B is enrolled but sent nothing; 31 others are not even enrolled; A sent today.
    assert b.state == "silent" and b.enrolled and b.last_received is None and b.days_since is None
    assert sender.state in ("incomplete", "done") and sender.days_since == 0 and sender.receipt_due
    assert sender.last_sent  # when the kelurahan wrote it (its manifest)
    assert sum(1 for r in chase.rows if not r.enrolled) == 32
    assert chase.rows[0].state == "silent" and chase.rows[-1].kelurahan_code == KEL_A
    st = city.status(KEL_A, year)
    got = next(y for y in sender.years if y.data_year == year)
    assert (got.completeness, got.ready) == (st.completeness, st.ready_count)

    # A deadline that has passed makes the silent ones late_silent, first of all.
    city.set_deadline(eval_year, today - dt.timedelta(days=3))
    city.set_review(KEL_A, year, 4, "perlu_perbaikan", "Lengkapi umur 5–<12 tahun.")
    city.set_contact(KEL_A, name="Bu Rina", phone="0812-5555-1234")
    receipts.write_receipts(city, world.root / "rc", KEL_A)
    chase = city.chase_list(eval_year, today=today)
    rows = {r.kelurahan_code: r for r in chase.rows}
    assert chase.deadline == today - dt.timedelta(days=3) and chase.days_left == -3
    assert rows[KEL_B].state == "late_silent" and chase.rows[0].state == "late_silent"
    sender = rows[KEL_A]
    assert sender.state in ("late", "done") and not sender.receipt_due and sender.last_receipt
    assert sender.revision == ((year, 4, "Lengkapi umur 5–<12 tahun."),) and sender.contact.name == "Bu Rina"

    from exports.chase import reminder_text

    text = reminder_text(chase, sender, city.unit(city.city_code).name)
    assert "Bu Rina" in text and "indikator 4" in text and "Lengkapi umur 5–<12 tahun." in text
    assert "lewat 3 hari" in text
    silent = reminder_text(chase, rows[KEL_B], "Kota Balikpapan")
    assert "belum menerima kiriman" in silent
