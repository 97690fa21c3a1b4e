"""``kla region`` (the national reference data) and ``kla city unit`` (DP3AKB's own units).

``kla region search NAMA`` finds any province, kabupaten/kota, kecamatan or desa/kelurahan by
name (case, spaces and accents ignored) and prints its Kemendagri code with the path above it;
no workspace is needed. ``kla city unit add|rename|retire|reinstate|list`` changes the units of
DP3AKB's workspace; the change reaches the desa/kelurahan in its next setup file or receipt.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from db import regions
from db.errors import KlaError
from db.records import UnitRecord
from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    Add,
    emit,
    end_progress,
    fmt_number,
    open_store,
    progress_printer,
)
from ui.messages import enrol_held_words, message, unit_title, units_word

LEVELS = {"province": (regions.PROVINCE,), "city": (regions.CITY,), "kecamatan": (regions.KECAMATAN,),
          "unit": (regions.UNIT,), "all": (regions.PROVINCE, regions.CITY, regions.KECAMATAN, regions.UNIT)}


def _place(path: tuple[regions.Region, ...]) -> str:
    """'Kec. Balikpapan Selatan, Kota Balikpapan, Kalimantan Timur': everything above the region."""
    return ", ".join(unit_title(r.code, r.name, short=True) for r in reversed(path[:-1]))


def cmd_region_search(args: argparse.Namespace) -> int:
    ref = regions.reference()
    if args.within and ref.get(args.within) is None:
        raise KlaError("unit_unknown", code=args.within)
    hits = ref.search(args.text, levels=LEVELS[args.level], within=args.within, limit=args.limit)
    rows = [{"code": h.region.code, "name": h.region.name, "kind": h.region.kind, "match": h.match,
             "path": [{"code": r.code, "name": r.name} for r in h.path]} for h in hits.hits]
    data = {"query": args.text, "edition": ref.edition, "total": hits.total, "suggestions": hits.fuzzy,
            "results": rows}

    def text() -> str:
        if not hits:
            return (f"Tidak ada wilayah bernama '{args.text}'. Periksa ejaannya, atau ketik sebagian nama saja "
                    "(misalnya 'sungai' untuk Sungai Nangka).")
        lines = []
        if hits.fuzzy:
            lines.append(f"Tidak ada yang persis bernama '{args.text}'. Mungkin maksud Anda:")
        for h in hits.hits:
            place = _place(h.path)
            lines.append(f"{h.region.code:<14} {unit_title(h.region.code, h.region.name)}"
                         + (f" — {place}" if place else ""))
        if hits.total > len(hits.hits):
            lines.append(f"... dan {hits.total - len(hits.hits)} lainnya; ketik nama lebih lengkap atau pakai --in KODE.")
        return "\n".join(lines)

    emit(args, data, text)
    return EXIT_OK


def cmd_region_show(args: argparse.Namespace) -> int:
    ref = regions.reference()
    r = ref.get(args.code)
    if r is None:
        raise KlaError("unit_unknown", code=args.code)
    path = ref.path(r.code)
    under = ref.within(r.code)
    counts = {kind: sum(1 for u in under if u.kind == kind) for kind in ("kecamatan", "distrik", "desa", "kelurahan")}
    data = {"code": r.code, "name": r.name, "kind": r.kind, "edition": ref.edition,
            "path": [{"code": p.code, "name": p.name} for p in path], "counts": counts}
    place = _place(path)
    parts = [f"{n} {k}" for k, n in counts.items() if n]
    emit(args, data, f"{r.code}  {unit_title(r.code, r.name)}" + (f" — {place}" if place else "")
         + (f"\nBerisi {', '.join(parts)} (data wilayah {ref.edition})." if parts else ""))
    return EXIT_OK


def _unit_json(u: UnitRecord) -> dict[str, Any]:
    return {"code": u.code, "level": u.level, "kind": u.kind, "name": u.name, "parent": u.parent_code,
            "aliases": list(u.aliases), "edition": u.edition, "retired_at": u.retired_at,
            "retired_note": u.retired_note}


def cmd_city_unit_list(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        units = [u for u in store.units() if u.level != "city"
                 and (not args.kecamatan or u.code == args.kecamatan or u.parent_code == args.kecamatan)]
        data = [_unit_json(u) for u in units]

        def text() -> str:
            lines = []
            for u in units:
                state = f"  (tidak aktif sejak {u.retired_at[:10]})" if u.retired_at else ""
                indent = "  " if u.level == "kelurahan" else ""
                lines.append(f"{indent}{u.code:<14} {unit_title(u.code, u.name)}{state}")
            return "\n".join(lines) or "Belum ada wilayah."

        emit(args, data, text)
    return EXIT_OK


def cmd_city_unit_add(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        u = store.add_unit(args.code, args.name).record
        parent = store.unit(u.parent_code) if u.parent_code else None
        emit(args, _unit_json(u),
             f"{unit_title(u.code, u.name)} ({u.code}) ditambahkan"
             + (f" di {unit_title(parent.code, parent.name)}" if parent and parent.level == "kecamatan" else "")
             + (f". Daftarkan dengan: kla city enroll {u.code} --out BERKAS" if u.level == "kelurahan" else "."))
    return EXIT_OK


def cmd_city_unit_rename(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        old = store.find_unit(args.code)
        ch = store.rename_unit(old.code, args.name)
        u = ch.record
        emit(args, {**_unit_json(u), "changed": bool(ch)},
             (f"{unit_title(old.code, old.name)} ({u.code}) sekarang bernama {u.name}. Nama lama tetap bisa dicari. "
              "Desa/kelurahan itu menerima nama baru pada tanda terima atau berkas pemasangan berikutnya.")
             if ch else f"Nama {u.code} sudah {u.name}; tidak ada yang berubah.")
    return EXIT_OK


def cmd_city_unit_retire(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        u = store.find_unit(args.code)
        ch = store.retire_unit(u.code, args.note or "")
        emit(args, {**_unit_json(ch.record), "changed": bool(ch)},
             (f"{unit_title(u.code, u.name)} ({u.code}) dinonaktifkan. Datanya tetap tersimpan dan tampil sebagai "
              "tidak aktif; kirimannya masih diterima. Batalkan dengan: kla city unit reinstate " + u.code)
             if ch else f"{unit_title(u.code, u.name)} sudah tidak aktif sejak {(u.retired_at or '')[:10]}.")
    return EXIT_OK


def cmd_city_unit_reinstate(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        u = store.find_unit(args.code)
        ch = store.reinstate_unit(u.code)
        emit(args, {**_unit_json(ch.record), "changed": bool(ch)},
             f"{unit_title(u.code, u.name)} ({u.code}) aktif lagi." if ch
             else f"{unit_title(u.code, u.name)} memang aktif.")
    return EXIT_OK


def cmd_city_enroll_many(args: argparse.Namespace) -> int:
    from exports import setup, slips

    with contextlib.closing(open_store(args)) as store:
        out = Path(args.out)
        batch = setup.enroll_many(store, out, args.codes or None, again=args.again, email=args.email,
                                  contact=args.contact, progress=progress_printer(args))
        end_progress(args)
        pdf: Path | None = None
        slip_error: KlaError | None = None
        try:
            pdf = slips.print_batch(store, batch, Path(args.slips) if args.slips else out / "lembar-kata-sandi.pdf")
        except KlaError as exc:
            slip_error = exc
        data = {"folder": str(out), "slips": str(pdf) if pdf else None, "skipped": list(batch.skipped),
                "enrolled": [{"code": r.kelurahan_code, "name": r.kelurahan_name, "file": str(r.path),
                              "passphrase": r.passphrase, "fingerprint": r.fingerprint,
                              "held_items": r.held_items, "restore": r.restore,
                              "restore_items": r.restore_items} for r in batch.results],
                "earlier": [{"code": r.kelurahan_code, "name": r.kelurahan_name, "file": str(r.path),
                             "passphrase": r.passphrase, "fingerprint": r.fingerprint} for r in batch.earlier],
                "stopped": batch.stopped.code if batch.stopped else None,
                "slips_error": slip_error.code if slip_error else None}
        word = units_word((u.kind for u in store.units("kelurahan")), capital=False)
        text = (f"{fmt_number(len(batch.results))} {word} didaftarkan; berkas pemasangannya di {out}."
                if batch.results else f"Tidak ada {word} yang didaftarkan kali ini.")
        if batch.earlier:
            text += (f"\n{fmt_number(len(batch.earlier))} {word} dari pendaftaran sebelumnya yang terhenti sebelum "
                     "lembar kata sandinya tercetak ikut di lembar kata sandi ini (berkas pemasangannya tetap yang "
                     "lama).")
        if pdf:
            text += (f"\nLembar kata sandi: {pdf}\nCETAK, gunting, serahkan tiap lembar TERPISAH dari berkasnya, "
                     "lalu hapus berkas PDF itu (berisi semua kata sandi).")
        if slip_error:
            text += (f"\nLembar kata sandi BELUM tertulis: {message(slip_error.code, **slip_error.params)}\n"
                     "Kata sandinya tetap tersimpan di ruang kerja ini, tidak ada yang hilang: jalankan perintah ini "
                     "lagi (pilih --slips ke tempat yang cukup ruang) untuk mencetaknya.")
        if batch.stopped:
            text += (f"\nBerhenti di tengah: {message(batch.stopped.code, **batch.stopped.params)}\n"
                     f"Yang sudah didaftarkan tetap terdaftar (dan ada di lembar kata sandi); jalankan perintah ini "
                     f"lagi untuk {word} sisanya.")
        restored = [r for r in batch.results if r.restore]
        if restored:
            text += (f"\n{fmt_number(len(restored))} {word} yang datanya sudah ada di DP3AKB mendapat berkas "
                     "PEMULIHAN (berisi data itu), bukan berkas pemasangan kosong: "
                     + ", ".join(f"{unit_title(r.kelurahan_code, r.kelurahan_name)} ({r.restore_items} item)"
                                 for r in restored) + ". Pasang di komputer penggantinya; datanya ikut.")
        for r in batch.results:
            warning = enrol_held_words(r.kelurahan_code, r.kelurahan_name, r.held_items)
            if warning:
                text += f"\n{warning}"
        if batch.skipped:
            text += (f"\nDilewati {fmt_number(len(batch.skipped))}: sudah terdaftar atau tidak aktif "
                     "(pakai --again untuk kunci baru).")
        emit(args, data, text)
    return EXIT_REFUSED if (batch.stopped or slip_error) else EXIT_OK


def register(sub: Any, add: Add, common: Any) -> None:
    from desktop.cli.common import Parser

    rp = sub.add_parser("region", help="data wilayah Kemendagri: cari kode provinsi, kab/kota, kecamatan, "
                        "desa/kelurahan", parents=[common])
    rsub = rp.add_subparsers(dest="sub", required=True, parser_class=Parser, metavar="PERINTAH")
    sp = add("search", cmd_region_search, "cari wilayah menurut nama (huruf besar/kecil, spasi dan aksen diabaikan)",
             rsub, reads=True)
    sp.add_argument("text", metavar="NAMA")
    sp.add_argument("--level", choices=sorted(LEVELS), default="all",
                    help="province, city (kab/kota), kecamatan, unit (desa/kelurahan) atau all (default)")
    sp.add_argument("--in", dest="within", metavar="KODE", help="hanya di dalam wilayah ini, mis. 64.71")
    sp.add_argument("--limit", type=int, default=20)
    sp = add("show", cmd_region_show, "satu wilayah: namanya, letaknya dan isinya", rsub, reads=True)
    sp.add_argument("code", metavar="KODE")


def register_city(csub: Any, add: Add) -> None:
    """``kla city unit ...`` under the ``city`` command (registered by ``desktop.cli.bundles``)."""
    from desktop.cli.common import Parser

    sp = add("enroll-many", cmd_city_enroll_many, "daftarkan banyak desa/kelurahan sekaligus (default: semua yang "
             "belum terdaftar) dan tulis satu PDF lembar kata sandi", csub)
    sp.add_argument("codes", nargs="*", metavar="KODE")
    sp.add_argument("--out", required=True, help="folder untuk berkas pemasangan (.klasetup)")
    sp.add_argument("--slips", help="PDF lembar kata sandi (default: FOLDER/lembar-kata-sandi.pdf)")
    sp.add_argument("--again", action="store_true", help="juga yang sudah terdaftar (kunci dan berkas baru)")
    sp.add_argument("--email", help="alamat e-mail DP3AKB untuk kiriman (disimpan)")
    sp.add_argument("--contact", help="nama/nomor kontak DP3AKB (disimpan)")
    up = csub.add_parser("unit", help="tambah, ganti nama atau nonaktifkan kecamatan dan desa/kelurahan")
    usub = up.add_subparsers(dest="unit_sub", required=True, parser_class=Parser, metavar="PERINTAH")
    sp = add("list", cmd_city_unit_list, "daftar kecamatan dan desa/kelurahan ruang kerja ini", usub, reads=True)
    sp.add_argument("--kecamatan", metavar="KODE")
    sp = add("add", cmd_city_unit_add, "tambah desa/kelurahan atau kecamatan yang belum ada di data wilayah", usub)
    sp.add_argument("code", metavar="KODE", help="mis. 64.02.01.2099 (desa 2xxx, kelurahan 1xxx) atau 64.02.99")
    sp.add_argument("name", metavar="NAMA")
    sp = add("rename", cmd_city_unit_rename, "ganti nama; nama lama tetap bisa dicari", usub)
    sp.add_argument("code", metavar="KODE")
    sp.add_argument("name", metavar="NAMA")
    sp = add("retire", cmd_city_unit_retire, "nonaktifkan (digabung, dimekarkan, kode baru); datanya tetap", usub)
    sp.add_argument("code", metavar="KODE")
    sp.add_argument("--note", help="alasan, mis. 'digabung ke Desa Perian'")
    sp = add("reinstate", cmd_city_unit_reinstate, "aktifkan lagi", usub)
    sp.add_argument("code", metavar="KODE")
