"""``kla template draft|diff|publish``: DP3AKB's next template version from a script, as the Template page
of the window makes it (issue 12). Registered under ``kla template`` by ``desktop.cli.entries``.

The words are the window's (``ui.template_words``): items and requirements by their words, and a
refused edit as the sentence the window shows, nothing changed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.store import Store
from db.template_drafts import EDITS
from desktop.cli.common import EXIT_OK, Add, Parser, Refused, emit, open_store
from ui.template_words import change_paper, change_text, diff_sections, edit_error_text, problem_text

_LIST_PARAMS = {"merge_items": "items", "split_item": "into"}
_DATA_PARAMS = {"add_item": "item", "add_evidence": "evidence", "set_rule": "value", "set_year_change": "value",
                "set_bands": "value"}


def _problems(store: Store, draft: Any) -> list[dict[str, Any]]:
    return [{**p, "text": problem_text(p, store.template, draft.template)} for p in draft.problems]


def _draft_lines(store: Store, draft: Any) -> list[str]:
    t = draft.template
    lines = [f"Draf {t.name} versi {draft.version} (dari versi {draft.base_version} yang berlaku), "
             f"sidik isi {draft.content_hash[:12]}."]
    if draft.problems:
        lines.append(f"Belum bisa diterbitkan ({len(draft.problems)}):")
        lines += [f"  - {p['text']}" for p in _problems(store, draft)]
    else:
        lines.append("Siap diterbitkan: lihat perubahannya dengan 'kla template diff', lalu 'kla template publish'.")
    return lines


def _draft_data(store: Store, draft: Any) -> dict[str, Any]:
    return {"template_id": draft.template_id, "base_version": draft.base_version, "version": draft.version,
            "content_hash": draft.content_hash, "publishable": draft.publishable,
            "problems": _problems(store, draft), "step": draft.step}


def cmd_draft_start(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        draft = store.start_template_draft().record
        emit(args, _draft_data(store, draft),
             f"Draf {draft.template.name} versi {draft.version} dibuat dari versi {draft.base_version}. Ubah dengan "
             "'kla template draft edit', lihat perubahannya dengan 'kla template diff', terbitkan dengan "
             "'kla template publish'.")
    return EXIT_OK


def cmd_draft_show(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        draft = store.template_draft()
        if draft is None:
            raise KlaError("template_draft_missing", id=store.template.id)
        emit(args, _draft_data(store, draft), lambda: "\n".join(_draft_lines(store, draft)))
    return EXIT_OK


def cmd_draft_discard(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        changed = bool(store.discard_template_draft())
        emit(args, {"changed": changed}, "Draf dibuang; template yang berlaku tidak berubah." if changed
             else "Tidak ada draf; tidak ada yang diubah.")
    return EXIT_OK


def _int(text: str | None, what: str) -> int | None:
    if text is None or text.strip() == "":
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise Refused(f"{what} harus bilangan bulat, bukan '{text}'. Tidak ada yang diubah.") from None


def edit_params(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of ``Store.edit_template_draft`` from the options given."""
    op = args.op
    p: dict[str, Any] = {}
    for name in ("indicator", "item", "field", "new_key", "into", "carry", "evidence", "rule"):
        value = getattr(args, name, None)
        if value is not None:
            p[name] = value
    if op in _LIST_PARAMS:
        given = getattr(args, "items" if op == "merge_items" else "into", None)
        p[_LIST_PARAMS[op]] = [k.strip() for k in (given or "").split(",") if k.strip()]
        if op == "merge_items":
            p["into"] = args.into
    if op in _DATA_PARAMS:
        if args.data is None:
            raise Refused(f"Perubahan {op} perlu --data berisi JSON. Tidak ada yang diubah.")
        try:
            data = None if args.data.strip() in ("", "null", "none") else json.loads(args.data)
        except json.JSONDecodeError as exc:
            raise Refused(f"--data bukan JSON yang sah ({exc.msg}, kolom {exc.colno}). Tidak ada yang diubah.") from None
        p[_DATA_PARAMS[op]] = data
    elif args.value is not None:
        if op == "set_weight":
            p["value"] = _int(args.value, "Bobot")
        elif op == "set_evidence" and args.field in ("min_count", "max_age_years"):
            p["value"] = _int(args.value, "Nilainya")
        elif op == "set_evidence" and args.field == "required":
            p["value"] = args.value.strip().lower() in ("ya", "y", "yes", "true", "1", "wajib")
        else:
            p["value"] = args.value
    if op == "set_item_range":
        p["min"], p["max"] = _int(args.min, "--min"), _int(args.max, "--max")
    return p


def cmd_draft_edit(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        params = edit_params(args)
        before = store.template_draft()
        try:
            draft = store.edit_template_draft(args.op, **params).record
        except KlaError as exc:
            if exc.code in ("template_draft_missing", "template_draft_stale", "role_needs_city"):
                raise
            raise Refused(edit_error_text(exc, args.op, store.template, before.template if before else None)
                          + " Tidak ada yang diubah.") from None
        emit(args, _draft_data(store, draft), lambda: "\n".join(["Draf diubah."] + _draft_lines(store, draft)[1:]))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        if args.from_version is None and args.to_version is None:
            rec = store.template_diff()
            draft = store.template_draft()
        else:
            rec = store.template_diff(args.from_version if args.from_version is not None else store.template.version,
                                      args.to_version)
            draft = None
        sections = diff_sections(rec)
        pdf = None
        if args.pdf:
            from exports.template_report import write_template_change_pdf

            problems = tuple(problem_text(p, store.template, draft.template) for p in draft.problems) if draft else ()
            paper = change_paper(rec, store.unit(store.city_code).name, store.operator, problems,
                                 draft_hash=draft.content_hash if draft else "")
            pdf = write_template_change_pdf(paper, Path(args.pdf))
        what = "draf versi" if rec.is_draft else "versi"
        data = {"old_version": rec.old.version, "new_version": rec.new.version, "is_draft": rec.is_draft,
                "changes": [{**c, "text": change_text(c, rec.old, rec.new)} for c in rec.changes],
                "steps": list(rec.steps), "sections": [{"heading": h, "lines": lines} for h, lines in sections],
                "pdf": str(pdf) if pdf else None}

        def text() -> str:
            out = [f"Perubahan {rec.new.name}: versi {rec.old.version} → {what} {rec.new.version}"]
            for heading, lines in sections:
                out.append(f"\n{heading}")
                out += [f"  - {line}" for line in lines]
            if pdf:
                out.append(f"\nDisimpan sebagai PDF: {pdf}")
            return "\n".join(out)

        emit(args, data, text)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        old = store.template.version
        pub = store.publish_template_draft(expect_hash=args.hash).record
        t = pub.template
        emit(args, {"id": t.id, "version": t.version, "content_hash": t.content_hash, "moved": pub.moved,
                    "kept": pub.kept, "backup": pub.backup},
             f"{t.name} versi {t.version} diterbitkan dan berlaku di DP3AKB (sebelumnya versi {old}; sidik isi "
             f"{t.content_hash[:12]}). {pub.moved} isian di sini dipindahkan ke versi baru, {pub.kept} nilai "
             "disimpan terpisah (tidak hilang). Tanda terima dan berkas pemasangan berikutnya membawa versi ini ke "
             f"desa/kelurahan. Cadangan sebelum terbit: {pub.backup}")
    return EXIT_OK


def register(tp: Any, add: Add, common: Parser) -> None:
    """``draft start|show|edit|discard``, ``diff`` and ``publish`` under ``kla template`` (``tp``)."""
    dp = tp.add_parser("draft", help="draf versi berikutnya (DP3AKB)", parents=[common]).add_subparsers(
        dest="draft_sub", required=True, parser_class=Parser)
    add("start", cmd_draft_start, "buat draf versi berikutnya dari template yang berlaku", dp)
    add("show", cmd_draft_show, "tampilkan draf dan yang masih menghalangi terbit", dp, reads=True)
    add("discard", cmd_draft_discard, "buang draf (template yang berlaku tidak berubah)", dp)
    sp = add("edit", cmd_draft_edit, "satu perubahan pada draf, diperiksa saat itu juga", dp)
    sp.add_argument("op", choices=EDITS, metavar="PERUBAHAN", help="salah satu dari: " + ", ".join(EDITS))
    sp.add_argument("--indicator", type=int, help="nomor indikator")
    sp.add_argument("--item", help="kunci isian (lihat 'kla template show')")
    sp.add_argument("--field", help="bagian yang diubah: short_name, title, guidance, source; label, help; "
                                    "label, min_count, max_age_years, required (data dukung)")
    sp.add_argument("--value", help="nilai baru (teks, bilangan, ya/tidak, atau status rumusan)")
    sp.add_argument("--new-key", dest="new_key", help="kunci baru isian (rename_item)")
    sp.add_argument("--items", help="isian yang digabung, dipisah koma (merge_items)")
    sp.add_argument("--into", help="isian tujuan (merge_items) atau isian baru dipisah koma (split_item)")
    sp.add_argument("--carry", help="isian yang menerima nilai lama (split_item)")
    sp.add_argument("--evidence", help="kunci data dukung (retire_evidence, set_evidence)")
    sp.add_argument("--rule", help="kunci aturan pemeriksaan (retire_rule)")
    sp.add_argument("--min", help="angka wajar terkecil (set_item_range; kosong = tanpa batas)")
    sp.add_argument("--max", help="angka wajar terbesar (set_item_range; kosong = tanpa batas)")
    sp.add_argument("--data", help="JSON: isian (add_item), data dukung (add_evidence), aturan (set_rule), "
                                   "set_year_change, atau rentang kategori (set_bands)")
    sp = add("diff", cmd_diff, "perubahan draf dibanding versi berlaku, atau antara dua versi", tp, reads=True)
    sp.add_argument("--from", dest="from_version", type=int, help="versi lama (default: yang berlaku)")
    sp.add_argument("--to", dest="to_version", type=int, help="versi baru (default: yang berlaku)")
    sp.add_argument("--pdf", help="simpan juga sebagai PDF untuk arsip")
    sp = add("publish", cmd_publish, "terbitkan draf sebagai versi baru yang berlaku", tp)
    sp.add_argument("--hash", help="terbitkan hanya bila sidik isi draf masih ini (lihat 'kla template draft show')")
