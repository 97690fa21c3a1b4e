"""``kla rubric``: DP3AKB's own rubric for its desa/kelurahan (issue 12; docs/template-format.md §10).

``install`` puts a rubric file in force beside the KLA template, ``score`` records a unit's
verified score on one rubric indicator, ``show`` lists each unit's total and category. A unit's
category comes only from here (and reaches the unit in its next receipt); the kab/kota bands
never grade a unit.
"""

from __future__ import annotations

import argparse
import contextlib
from typing import Any

from desktop.cli.common import EXIT_OK, Add, emit, open_store, read_template_file
from ui.messages import id_number as fmt_number


def _called(name: str) -> str:
    """'Rubrik Siklabo', but 'Rubrik Kelurahan Layak Anak' for a rubric already named so (not 'Rubrik Rubrik …')."""
    return name if name.lower().startswith("rubrik") else f"Rubrik {name}"


def _period(store: Any, args: argparse.Namespace) -> int:
    return int(args.period) if getattr(args, "period", None) else int(store.current_period().eval_year)


def cmd_rubric_install(args: argparse.Namespace) -> int:
    rubric = read_template_file(args.file)
    with contextlib.closing(open_store(args)) as store:
        changed = bool(store.install_rubric(rubric))
        bands = ", ".join(f"{b.label} {b.min_score}–{b.max_score}" for b in rubric.bands)
        emit(args, {"changed": changed, "id": rubric.id, "version": rubric.version,
                    "indicators": len(rubric.indicators), "max": rubric.weight_total},
             f"{_called(rubric.name)} versi {rubric.version} dipakai: {len(rubric.indicators)} indikator, nilai "
             f"paling tinggi {fmt_number(rubric.weight_total)}; kategori {bands}." if changed else
             f"{_called(rubric.name)} versi {rubric.version} sudah dipakai.")
    return EXIT_OK


def cmd_rubric_score(args: argparse.Namespace) -> int:
    from db.template import parse_number

    with contextlib.closing(open_store(args)) as store:
        kel = store.find_unit(args.kelurahan, "kelurahan").code
        score = None if args.score.strip() == "" else float(parse_number(args.score, whole=False))
        year = _period(store, args)
        store.set_rubric_score(kel, year, args.indicator, score, args.note or "")
        got = store.rubric_results(year)
        mine = next((r for r in got if r.kelurahan_code == kel), None)
        name = store.unit(kel).name
        if mine is None:
            text = f"Nilai rubrik {name} indikator {args.indicator} dihapus."
        else:
            text = (f"Tersimpan: {name}, indikator {args.indicator} = {fmt_number(score) if score is not None else '-'}. "
                    f"Jumlah {fmt_number(mine.total)} dari {fmt_number(mine.max_total)}; {mine.scored} dari "
                    f"{mine.indicators} indikator dinilai"
                    + (f"; kategori {mine.band_label}." if mine.band_label else "."))
        emit(args, mine.to_json() if mine else {"kelurahan": kel, "scored": 0}, text)
    return EXIT_OK


def cmd_rubric_show(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        rubric = store.rubric
        year = _period(store, args)
        if rubric is None:
            emit(args, {"rubric": None, "eval_year": year, "units": []},
                 "Belum ada rubrik desa/kelurahan. Pasang dengan: kla rubric install BERKAS.json")
            return EXIT_OK
        results = store.rubric_results(year)
        names = {u.code: u.name for u in store.units("kelurahan")}
        data = {"rubric": {"id": rubric.id, "version": rubric.version, "name": rubric.name,
                           "max": rubric.weight_total,
                           "bands": [{"key": b.key, "label": b.label, "min": b.min_score, "max": b.max_score}
                                     for b in rubric.bands]},
                "eval_year": year, "units": [r.to_json() for r in results]}

        def text() -> str:
            lines = [f"{_called(rubric.name)} versi {rubric.version} — evaluasi {year}:"]
            for r in results:
                state = r.band_label or ("belum masuk kategori" if r.complete else
                                         f"belum lengkap ({r.scored} dari {r.indicators} indikator dinilai)")
                lines.append(f"  {names.get(r.kelurahan_code, r.kelurahan_code):<28} "
                             f"{fmt_number(r.total):>6} dari {fmt_number(r.max_total)}  {state}")
            if not results:
                lines.append("  Belum ada nilai. Isi dengan: kla rubric score KODE NOMOR NILAI")
            return "\n".join(lines)

        emit(args, data, text)
    return EXIT_OK


def register(sub: Any, add: Add, common: Any) -> None:
    from desktop.cli.common import Parser

    rp = sub.add_parser("rubric", help="rubrik DP3AKB untuk menilai desa/kelurahan (kategori desa/kelurahan)",
                        parents=[common])
    rsub = rp.add_subparsers(dest="sub", required=True, parser_class=Parser, metavar="PERINTAH")
    sp = add("install", cmd_rubric_install, "pasang rubrik desa/kelurahan dari berkas JSON", rsub)
    sp.add_argument("file")
    sp = add("score", cmd_rubric_score, "isi nilai terverifikasi satu desa/kelurahan pada satu indikator rubrik",
             rsub)
    sp.add_argument("kelurahan", metavar="KODE", help="kode atau nama desa/kelurahan")
    sp.add_argument("indicator", type=int, metavar="NOMOR")
    sp.add_argument("score", metavar="NILAI", help="nilai; kosongkan ('') untuk menghapus")
    sp.add_argument("--period", type=int, help="tahun evaluasi (default: evaluasi berikutnya)")
    sp.add_argument("--note", help="catatan juri")
    sp = add("show", cmd_rubric_show, "nilai dan kategori tiap desa/kelurahan menurut rubrik", rsub, reads=True)
    sp.add_argument("--period", type=int, help="tahun evaluasi (default: evaluasi berikutnya)")
