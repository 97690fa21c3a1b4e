"""``kla city`` commands for what DP3AKB turns the submissions into (issue 10): the chase list and
its reminders, the deadline and contacts, KELANA, the city figures (and their CSV), indicator 2,
and checking a handover paper; plus ``kla handover`` at the kelurahan (the paper of an export).

Registered by ``desktop.cli.bundles`` under ``kla city`` (and ``kla handover`` at the top);
these need no bundle library. Output is Indonesian; ``--json`` for machines.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    LATEST_YEAR,
    YEAR_HELP,
    Add,
    emit,
    end_progress,
    new_file,
    open_store,
    progress_printer,
)
from ui.messages import unit_title


def _period(store: Any, args: argparse.Namespace) -> int:
    if getattr(args, "period", None):
        return int(args.period)
    return int(store.current_period().eval_year)


# ---------------------------------------------------------------------------- chase


def cmd_chase(args: argparse.Namespace) -> int:
    from exports import chase as words
    from exports.reports import fmt_pct

    with contextlib.closing(open_store(args)) as store:
        lst = store.chase_list(_period(store, args))
        city = store.unit(store.city_code).name
        if args.reminder:
            code = store.find_unit(args.reminder, "kelurahan").code
            row = next(r for r in lst.rows if r.kelurahan_code == code)
            text = words.reminder_text(lst, row, city)
            emit(args, {"kelurahan": code, "text": text}, text)
            return EXIT_OK
        if args.out:
            from desktop.version import __version__

            out = words.write_chase_pdf(lst, new_file(Path(args.out)), city_name=city, operator=store.operator,
                                        app_version=__version__, progress=progress_printer(args))
            end_progress(args)
            emit(args, {"path": str(out)}, f"Daftar pengingat kiriman ditulis ke {out}.")
            return EXIT_OK
    rows = [{
        "kelurahan": r.kelurahan_code, "name": r.kelurahan_name, "kecamatan": r.kecamatan_name, "state": r.state,
        "enrolled": r.enrolled, "last_received": r.last_received, "last_sent": r.last_sent,
        "last_receipt": r.last_receipt, "days_since": r.days_since, "receipt_due": r.receipt_due,
        "years": [{"data_year": y.data_year, "completeness": y.completeness, "ready": y.ready,
                   "indicators": y.indicators} for y in r.years],
        "revision": [{"data_year": y, "indicator": i, "note": n} for y, i, n in r.revision],
        "revised": r.revised, "conflicts": r.conflicts, "missing_parts": r.missing_parts,
        "contact": None if r.contact is None else {"name": r.contact.name, "phone": r.contact.phone,
                                                    "email": r.contact.email},
        "reminder": words.reminder_text(lst, r, city),
    } for r in lst.rows]
    data = {"eval_year": lst.eval_year, "data_years": list(lst.data_years),
            "deadline": lst.deadline.isoformat() if lst.deadline else None, "days_left": lst.days_left, "rows": rows}

    def text() -> str:
        lines = [f"Pengingat kiriman evaluasi {lst.eval_year} (tahun data "
                 f"{', '.join(str(y) for y in lst.data_years)}); batas waktu: "
                 f"{words.deadline_words(lst) or 'belum ditetapkan (kla city deadline TANGGAL)'}."]
        for r in lst.rows:
            last = words._stamp_date(r.last_received) or "belum pernah mengirim"
            if r.days_since is not None:
                last += f" ({r.days_since} hari lalu)"
            done = " ".join(f"{y.data_year}: {fmt_pct(y.completeness)}" for y in r.years)
            extra = []
            if r.revision:
                extra.append(f"{len(r.revision)} menunggu perbaikan")
            if r.receipt_due:
                extra.append("tanda terima perlu dikirim")
            if r.contact is not None and (r.contact.phone or r.contact.email):
                extra.append(r.contact.phone or r.contact.email)
            lines.append(f"{words.STATE_MARKS.get(r.state, ' '):>2} {r.kelurahan_name:<24} "
                         f"{words.STATE_WORDS.get(r.state, r.state):<28} {last:<32} {done}"
                         + (f"; {'; '.join(extra)}" if extra else ""))
        lines.append("Teks pengingat satu kelurahan: kla city chase --reminder KODE; daftar cetak: --out BERKAS.pdf")
        return "\n".join(lines)

    emit(args, data, text)
    return EXIT_OK


def cmd_deadline(args: argparse.Namespace) -> int:
    from exports.reports import fmt_date_long

    with contextlib.closing(open_store(args)) as store:
        period = _period(store, args)
        store.set_deadline(period, None if args.clear else args.date)
        got = store.deadline(period)
    emit(args, {"eval_year": period, "deadline": got.isoformat() if got else None},
         f"Batas waktu kiriman evaluasi {period}: {fmt_date_long(got) if got else 'tidak ada'}.")
    return EXIT_OK


def cmd_contact(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        code = store.find_unit(args.kelurahan, "kelurahan").code
        store.set_contact(code, name=args.name or "", phone=args.phone or "", email=args.email or "",
                          notes=args.notes or "")
        rec = store.contacts().get(code)
        name = store.kelurahan(code).name
    emit(args, rec, f"Kontak {unit_title(code, name)}: " + (", ".join(x for x in (rec.name, rec.phone, rec.email) if x)
                                                    if rec else "dihapus") + ".")
    return EXIT_OK


# ---------------------------------------------------------------------------- KELANA, figures, indicator 2


def cmd_kelana(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        year = args.year
        if args.kecamatan:
            kec = store.find_unit(args.kecamatan, "kecamatan").code
            if args.status:
                store.set_kelana(kec, year, status=args.status, sk_number=args.sk_number or "",
                                 sk_date=args.sk_date, notes=args.notes or "")
            for f in args.file or []:
                store.add_kelana_file(kec, year, Path(f))
        names = {u.code: u.name for u in store.units("kecamatan")}
        recs = {r.kecamatan_code: r for r in store.kelana([year])}
    words = {"belum": "belum", "inisiasi": "rintisan", "kelana": "KELANA"}
    emit(args, list(recs.values()), lambda: "\n".join(
        f"{names[c]:<22} {words.get(recs[c].status, recs[c].status) if c in recs else 'belum dicatat':<14}"
        + (f" SK {recs[c].sk_number}" if c in recs and recs[c].sk_number else "")
        + (f" ({recs[c].sk_date})" if c in recs and recs[c].sk_date else "")
        + (f", {len(recs[c].files)} berkas" if c in recs and recs[c].files else "") for c in names))
    return EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    from exports import figures

    with contextlib.closing(open_store(args)) as store:
        levels = ("city", "kecamatan", "kelurahan") if args.out else ("city",)
        table = figures.collect_figures(store, args.year, indicators=args.indicator or None,
                                        ready_only=args.ready_only, totals_only=not args.out, levels=levels)
    if args.out:
        out = figures.write_csv(table, new_file(Path(args.out)))
        emit(args, {"path": str(out), "lines": len(table.lines)},
             f"Angka kota ({len(table.lines)} baris, tahun data {', '.join(map(str, table.years))}) ditulis ke {out}.")
        return EXIT_OK

    def show(v: Any, line: Any) -> str:
        if v.value is None:
            return "–"
        from exports.reports import _figure_value, units_short

        return _figure_value(line, v, units_short(table.words.units_lower)) + f" [{v.units}/{v.of}]"

    emit(args, [figures.line_cells(ln) for ln in table.lines], lambda: "\n".join(
        f"{ln.indicator_no:>2} {ln.item_label + (': ' + ln.choice_label if ln.choice_label else ''):<60} "
        + "  ".join(f"{v.year}: {show(v, ln)}" for v in ln.years)
        for ln in table.lines if not (ln.kind == "Ya/Tidak" and ln.choice != "ya")))
    return EXIT_OK


def cmd_indicator2(args: argparse.Namespace) -> int:
    from db.indicator2 import MEASURES
    from exports.reports import kecamatan_word, measure_words, units_word

    with contextlib.closing(open_store(args)) as store:
        period = store.period_for_data_year(args.year)
        k = store.kelembagaan(period.data_years)
        names = {u.code: u.name for u in store.units()}
        words = measure_words(units_word(u.code for u in store.units("kelurahan")), kecamatan_word(store.city_code))
    data = {f"{key}/{year}": {"counted": list(m.counted), "base": len(m.base), "reported": len(m.reported),
                              "value": m.value, "available": m.available}
            for (key, year), m in k.measures.items()}

    def text() -> str:
        lines = []
        for (key, year), m in sorted(k.measures.items(), key=lambda kv: (kv[0][1], MEASURES.index(kv[0][0]))):
            label = words[key][0]
            value = f"{len(m.counted)} dari {len(m.base)}" + (f" ({m.value:.1f}%)".replace(".", ",")
                                                             if m.value is not None else "")
            lines.append(f"{year} {label:<46} {value}: {', '.join(names.get(c, c) for c in m.counted) or '–'}")
        return "\n".join(lines)

    emit(args, data, text)
    return EXIT_OK


# ---------------------------------------------------------------------------- handover


def cmd_verify_handover(args: argparse.Namespace) -> int:
    from exports import handover
    from exports.reports import fmt_date_long

    with contextlib.closing(open_store(args)) as store:
        check = handover.verify(store, args.digest)
    if check.found:
        when = fmt_date_long(dt.datetime.fromisoformat(check.imported_at).astimezone().date())
        emit(args, check, f"COCOK: lembar ini milik kiriman no. {check.device_seq} "
             f"{unit_title(check.kelurahan_code, check.kelurahan_name)} "
             f"({check.parts} bagian, semua diterima utuh, diimpor {when}).")
        return EXIT_OK
    # As the window says it: which parts came, and which are still awaited ("bagian 1, 3 dari 4" under
    # "belum lengkap" read as the parts missing).
    hint = "; ".join(f"{name} no. {seq}: baru bagian {', '.join(map(str, got))} dari {of} yang diterima, belum "
                     f"bagian {', '.join(str(p) for p in range(1, of + 1) if p not in got)}"
                     for _code, name, seq, got, of in check.incomplete)
    emit(args, check, "TIDAK COCOK: tidak ada kiriman yang sudah diimpor utuh dengan kode itu. Periksa kodenya, lalu "
         "impor semua bagian kiriman dari flashdisk yang menyertai lembar ini."
         + (f" Kiriman yang bagiannya belum lengkap: {hint}." if hint else ""))
    return EXIT_REFUSED


def cmd_handover(args: argparse.Namespace) -> int:
    from desktop.version import __version__
    from exports import handover

    with contextlib.closing(open_store(args)) as store:
        h = handover.from_log(store, args.series)
    out = handover.write_handover_pdf(h, new_file(Path(args.out)), app_version=__version__, progress=progress_printer(args))
    end_progress(args)
    emit(args, {"path": str(out), "digest": h.digest, "series": h.series_id, "seq": h.device_seq},
         f"Berita acara serah terima kiriman no. {h.device_seq} ({len(h.parts)} bagian) ditulis ke {out}. "
         f"Kode pemeriksaan: {handover.grouped(h.digest)}")
    return EXIT_OK


def register(sub: Any, csub: Any, add: Add) -> None:
    """``kla city ...`` under ``csub``; ``kla handover`` under ``sub``."""
    sp = add("chase", cmd_chase, "kelurahan yang perlu diingatkan: kiriman terakhir, tanda terima, kelengkapan",
             csub, reads=True)
    sp.add_argument("--period", type=int, help="tahun evaluasi (default: periode yang sedang berjalan)")
    sp.add_argument("--reminder", metavar="KODE", help="cetak teks pengingat untuk satu kelurahan (kode atau nama)")
    sp.add_argument("--out", help="tulis daftar cetak (.pdf)")
    sp = add("deadline", cmd_deadline, "batas waktu kiriman kelurahan untuk satu periode evaluasi", csub)
    sp.add_argument("date", nargs="?", metavar="TANGGAL", help="misalnya 31-03-2027")
    sp.add_argument("--period", type=int, help="tahun evaluasi (default: periode yang sedang berjalan)")
    sp.add_argument("--clear", action="store_true", help="hapus batas waktu")
    sp = add("contact", cmd_contact, "kontak yang diingatkan di satu kelurahan", csub)
    sp.add_argument("kelurahan", metavar="KODE")
    sp.add_argument("--name")
    sp.add_argument("--phone", help="nomor telepon/WhatsApp")
    sp.add_argument("--email")
    sp.add_argument("--notes")
    sp = add("kelana", cmd_kelana, "status KELANA (Kecamatan Layak Anak) per kecamatan, dicatat DP3AKB", csub,
             reads=lambda a: not a.kecamatan)
    sp.add_argument("kecamatan", nargs="?", metavar="KECAMATAN", help="kode atau nama kecamatan (tanpa: daftar)")
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help=YEAR_HELP)
    sp.add_argument("--status", choices=["belum", "inisiasi", "kelana"])
    sp.add_argument("--sk-number", help="nomor SK penetapan")
    sp.add_argument("--sk-date", help="tanggal SK")
    sp.add_argument("--notes")
    sp.add_argument("--file", action="append", help="berkas SK (boleh berulang)")
    sp = add("figures", cmd_figures, "angka kota dari data kelurahan (jumlah, persentase gabungan); --out untuk CSV",
             csub, reads=True)
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help="tahun data (kedua tahun periodenya ditampilkan; default: tahun data terakhir periode berjalan)")
    sp.add_argument("--indicator", type=int, action="append", help="hanya indikator ini (boleh berulang)")
    sp.add_argument("--ready-only", action="store_true", help="hanya indikator yang ditandai siap oleh kelurahan")
    sp.add_argument("--out", help="tulis CSV (kota, kecamatan dan kelurahan)")
    sp = add("indicator2", cmd_indicator2, "Kelembagaan indikator 2: DEKELA, PATBM, Profil Anak, KELANA", csub,
             reads=True)
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help="tahun data (kedua tahun periodenya dihitung; default: tahun data terakhir periode berjalan)")
    sp = add("verify-handover", cmd_verify_handover,
             "periksa lembar berita acara serah terima terhadap kiriman yang sudah diimpor", csub, reads=True)
    sp.add_argument("digest", metavar="KODE", help="kode pemeriksaan dari lembar (boleh 12 huruf pertama)")
    sp = add("handover", cmd_handover, "berita acara serah terima kiriman terakhir (PDF, dengan kode QR)", sub,
             reads=True)
    sp.add_argument("--out", required=True, help="berkas tujuan (.pdf)")
    sp.add_argument("--series", help="kiriman lain (nomor seri dari kla history --json)")

