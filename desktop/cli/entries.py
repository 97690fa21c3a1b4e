"""``kla`` commands over the store itself: workspace, template, entries, evidence, records,
status, backups, operators, demo. Registered by ``desktop.cli.build_parser``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.rules import activity_doubts, facility_doubts
from db.store import Store
from db.template import EVIDENCE_KINDS
from desktop.cli import entry_xlsx, templates
from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    LATEST_YEAR,
    YEAR_HELP,
    Add,
    Parser,
    emit,
    end_progress,
    fmt_number,
    json_text,
    kel_arg,
    new_file,
    open_store,
    pct,
    progress_printer,
    read_template_file,
    year_arg,
)
from ui.messages import flag_text, message, unit_title, units_word
from ui.template_words import evidence_kind_word

STATUS_WORDS_ENTRY = {"": "belum diisi", "draft": "draf", "ready": "siap"}


def cmd_init(args: argparse.Namespace) -> int:
    if args.role == "kelurahan" and not args.kelurahan:
        raise KlaError("kelurahan_required")
    # A desa/kelurahan's kab/kota follows from its code; --city, when given, must agree with it.
    store = Store.create(
        args.home_path, args.role, kelurahan_code=args.kelurahan, city_code=args.city, operator=args.operator or ""
    )
    with contextlib.closing(store):
        path = store.path_json(store.kelurahan_code or store.city_code)
        data = {"home": str(args.home_path), "role": store.role, "kelurahan": store.kelurahan_code,
                "city": store.city_code, "template": f"{store.template.id} v{store.template.version}",
                "path": path, "reference_edition": store.reference_edition}
        place = ", ".join(unit_title(p["code"], p["name"], short=True) for p in reversed(path[:-1]))
        if store.role == "kelurahan":
            unit = store.kelurahan(store.kelurahan_code)
            text = (f"Ruang kerja {unit_title(unit.code, unit.name)} ({unit.code}) — {place} — dibuat di "
                    f"{args.home_path}. Untuk mengirim ke DP3AKB, pasang berkas pemasangan dari DP3AKB: "
                    "kla setup BERKAS.")
        else:
            units = store.units("kelurahan")
            kinds = [u.kind for u in units]
            counts = ", ".join(f"{kinds.count(k)} {k}" for k in ("desa", "kelurahan") if k in kinds)
            text = (f"Ruang kerja DP3AKB {store.unit(store.city_code).name} ({place}) dibuat di {args.home_path}: "
                    f"{len(store.units('kecamatan'))} kecamatan, {counts}.")
        emit(args, data, text)
    return EXIT_OK


def cmd_template_show(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        t = store.template
        data = {
            "id": t.id, "version": t.version, "name": t.name, "content_hash": t.content_hash,
            "weights_official": t.weights_official, "weights_note": t.weights_note,
            "age_bands": {k: [dataclasses.asdict(b) for b in v] for k, v in t.age_bands.items()},
            "clusters": [
                {"key": c.key, "name": c.name, "indicators": [
                    {"no": i.no, "short_name": i.short_name, "title": i.title, "wording_status": i.wording_status,
                     "weight": i.weight,
                     "items": [{"key": it.key, "label": it.label, "type": it.type, "required": it.required,
                                "sex": it.sex, "age": it.age, "part_of": it.part_of} for it in i.items],
                     "evidence": [dataclasses.asdict(e) for e in i.evidence]}
                    for i in t.indicators_of(c.key)]}
                for c in t.clusters
            ],
        }

        def text() -> str:
            lines = [f"{t.name} (versi {t.version}, {t.content_hash[:12]})",
                     "Bobot: " + (t.weights_note or "tidak resmi")]
            for c in t.clusters:
                lines.append(f"\n{c.name}")
                for i in t.indicators_of(c.key):
                    lines.append(f"  {i.no:>2}. {i.short_name} — {i.title} (bobot {i.weight}, tidak resmi)")
                    for it in i.items:
                        dis = []
                        if it.sex:
                            dis.append("L/P")
                        if it.age:
                            dis.append("umur: " + ",".join(b.key for b in t.age_bands[it.age]))
                        extra = f" [{'; '.join(dis)}]" if dis else ""
                        req = " *wajib" if it.required else ""
                        lines.append(f"       - {it.key} ({it.type}){extra}{req}: {it.label}")
            return "\n".join(lines)

        emit(args, data, text)
    return EXIT_OK


def cmd_template_export(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        t = store.template
        out = new_file(Path(args.out))
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps(t.raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, out)
        emit(args, {"path": str(out), "id": t.id, "version": t.version, "content_hash": t.content_hash},
             f"Template {t.name} versi {t.version} ditulis ke {out}. Ubah isinya, naikkan \"version\", "
             f"lalu pasang dengan 'kla template install'.")
    return EXIT_OK


def cmd_template_install(args: argparse.Namespace) -> int:
    template = read_template_file(args.file)
    with contextlib.closing(open_store(args)) as store:
        old = store.template
        if (template.id, template.version) == (old.id, old.version) and template.content_hash == old.content_hash:
            emit(args, {"changed": False}, f"Template {template.name} versi {template.version} sudah terpasang.")
            return EXIT_OK
        store.put_template_in_force(template)  # a backup first, as the window's "Berlakukan versi baru…"
        emit(args, {"changed": True, "id": template.id, "version": template.version,
                    "content_hash": template.content_hash},
             f"Template {template.name} versi {template.version} terpasang dan dipakai "
             f"(sebelumnya versi {old.version}). Data yang sudah diisi tetap tersimpan.")
    return EXIT_OK


def cell_label(store: Store, indicator_no: int, item_key: str, sex: str, age: str) -> str:
    """'Jumlah anak (Laki-laki, 0–60 hari)': the item as the form labels it, not its key."""
    try:
        t = store.template
        item = t.indicator(indicator_no).item(item_key)
    except KlaError:
        return "/".join(x for x in (item_key, sex, age) if x)
    parts = [{"L": "Laki-laki", "P": "Perempuan"}.get(sex, "")] if sex else []
    if age and item.age:
        parts.append(next((b.label for b in t.age_bands.get(item.age, ()) if b.key == age), age))
    parts = [p for p in parts if p]
    return f"{item.label} ({', '.join(parts)})" if parts else item.label


def cmd_entry_set(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        ch = store.set_value(kel, args.year, args.indicator, args.item, args.value, sex=args.sex or "",
                             age=args.age or "").record
        label = cell_label(store, ch.indicator_no, ch.item_key, ch.sex, ch.age)
        if ch.changed:
            text = f"Tersimpan: indikator {ch.indicator_no}, {label} = {fmt_number(ch.new) or '(kosong)'}"
            if ch.old is not None:
                text += f" (sebelumnya {fmt_number(ch.old)})"
        else:
            text = f"Tidak berubah: {label} sudah {fmt_number(ch.new) or '(kosong)'}."
        # Save and flag, never drop: a value that breaks a rule between values is stored; say what to check.
        for flag in getattr(ch, "flags", ()):
            text += "\nPerhatian: " + flag_text(flag)
        emit(args, ch, text)
    return EXIT_OK


def cmd_entry_show(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        t = store.template
        ind = t.indicator(args.indicator)
        values = store.values(kel, args.year, args.indicator)
        computed = store.computed(kel, args.year, args.indicator)
        entry = store.entry(kel, args.year, args.indicator)
        st = store.indicator_status(kel, args.year, args.indicator)
        items = []
        for it in ind.items:
            src = computed if it.computed else values
            cells = [{"sex": s, "age": a, "value": src.get((it.key, s, a))} for s, a in t.cells(it)]
            if it.computed:
                cells = [{"sex": k[1], "age": k[2], "value": v} for k, v in computed.items() if k[0] == it.key]
            items.append({"key": it.key, "label": it.label, "type": it.type, "required": it.required, "cells": cells})
        data = {"kelurahan": kel, "year": args.year, "indicator": ind.no, "short_name": ind.short_name,
                "status": entry.status if entry else "", "notes": entry.notes if entry else "",
                "revision": entry.revision if entry else 0, "items": items,
                "missing": list(st.missing_items), "completeness": st.completeness,
                "flags": [dict(f) for f in st.flags]}

        def name(it: dict) -> str:
            # The words first; the key in brackets is what --item takes.
            return f"{it['label']} [{it['key']}]" if it["label"] and it["label"] != it["key"] else it["key"]

        def text() -> str:
            lines = [f"Indikator {ind.no}. {ind.short_name} — tahun data {args.year} — status: "
                     f"{STATUS_WORDS_ENTRY.get(entry.status if entry else '', entry.status if entry else '')}; "
                     f"kelengkapan {pct(st.completeness)}"]
            for it in items:
                filled = [c for c in it["cells"] if c["value"] is not None]
                if it["type"] == "percent":
                    total = next((c["value"] for c in it["cells"] if not c["sex"] and not c["age"]), None)
                    lines.append(f"  {name(it)}: {fmt_number(total) + '%' if total is not None else '—'} (otomatis)")
                elif len(it["cells"]) == 1:
                    v = it["cells"][0]["value"]
                    lines.append(f"  {name(it)}: {fmt_number(v) if v is not None else '—'}")
                else:
                    parts = ", ".join(f"{c['sex']}{'/' if c['sex'] and c['age'] else ''}{c['age']}={fmt_number(c['value'])}"
                                      for c in filled)
                    lines.append(f"  {name(it)}: {len(filled)}/{len(it['cells'])} sel terisi" + (f" ({parts})" if parts else ""))
            if st.missing_items:
                labels = {it["key"]: it["label"] for it in items}
                lines.append("  Belum lengkap: " + "; ".join(labels.get(k, k) for k in st.missing_items))
            for flag in st.flags:  # stored as typed; what to check before 'siap'
                lines.append("  Perhatian: " + flag_text(flag))
            return "\n".join(lines)

        emit(args, data, text)
    return EXIT_OK


def cmd_entry_status(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        changed = store.set_status(kel, args.year, args.indicator, args.status)
        word = {"draft": "draf", "ready": "siap"}[args.status]
        emit(args, {"changed": changed, "status": args.status},
             f"Indikator {args.indicator} tahun {args.year}: status {word}." + ("" if changed else " (sudah begitu)"))
    return EXIT_OK


def cmd_entry_notes(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        changed = store.set_notes(kel, args.year, args.indicator, args.text)
        emit(args, {"changed": changed}, "Catatan tersimpan." if changed else "Catatan tidak berubah.")
    return EXIT_OK


def cmd_entry_history(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        hist = store.value_history(kel, args.year, args.indicator, args.item, (args.sex or "").upper(), args.age or "")
        emit(args, hist, lambda: "\n".join(
            f"{h.at}  {h.operator or 'petugas tidak tercatat'}: {fmt_number(h.old_value) or '(kosong)'} -> "
            f"{fmt_number(h.new_value) or '(kosong)'}" for h in hist) or "Belum ada riwayat.")
    return EXIT_OK


# What a clerk types for ``evidence add --kind`` (the words of the evidence list) -> the template's kind.
EVIDENCE_KIND_WORDS = {
    "peraturan": "regulation", "kebijakan": "regulation", "sk": "sk", "foto": "photo", "video": "video",
    "notulen": "minutes", "daftar-hadir": "minutes", "sertifikat": "certificate", "piagam": "certificate",
    "tabel": "data_table", "rekap": "data_table", "laporan": "report", "lainnya": "other",
}
EVIDENCE_KIND_HELP = ("jenis berkas: peraturan (peraturan/kebijakan), sk (surat keputusan), foto, video, notulen "
                      "(notulen/daftar hadir), sertifikat (sertifikat/piagam), tabel (tabel/rekap data), laporan, "
                      "lainnya (default: foto untuk gambar, video untuk video, selain itu lainnya)")


def evidence_kind_arg(text: str | None) -> str | None:
    """``--kind foto`` -> 'photo'; the template's own code ('photo') is taken too (scripts written before)."""
    if text is None:
        return None
    word = text.strip().lower().replace("_", "-").replace(" ", "-")
    if word in EVIDENCE_KIND_WORDS:
        return EVIDENCE_KIND_WORDS[word]
    if text.strip().lower() in EVIDENCE_KINDS:
        return text.strip().lower()
    words = ", ".join(dict.fromkeys(w for w in EVIDENCE_KIND_WORDS if w not in ("kebijakan", "daftar-hadir",
                                                                                 "piagam", "rekap")))
    raise KlaError("evidence_kind_unknown", kind=text, kinds=words)


def cmd_evidence_add(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        kind = evidence_kind_arg(args.kind)
        for f in args.files:  # all checked before any is added
            if Path(f).is_dir():
                raise KlaError("evidence_is_folder", path=f)
            if not Path(f).is_file():
                raise KlaError("file_not_found", path=f)
        links = [(args.year, args.indicator)] if args.indicator else []
        records = []
        # All files or none: one transaction around every record; files already copied
        # into the content-addressed folder are harmless if the records roll back.
        with store.transaction():
            for f in args.files:
                records.append(store.add_evidence(
                    kel, Path(f), links=links, kind=kind, caption=args.caption or "", doc_date=args.date,
                    doc_number=args.number or "", issuer=args.issuer or "",
                    keep_original=bool(getattr(args, "keep_original", False))).record)
        emit(args, records, "\n".join(
            # Only the size gets Indonesian thousands dots: a comma in the file name stays a comma.
            f"Data dukung ditambahkan: {r.original_name} ({f'{r.size:,}'.replace(',', '.')} bita, {evidence_kind_word(r.kind)}) "
            f"id {r.id[:8]}" for r in records))
    return EXIT_OK


def cmd_evidence_list(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args) if (store.role == "kelurahan" or args.kelurahan) else None
        recs = store.evidence_list(kel, args.year, args.indicator)
        emit(args, recs, lambda: "\n".join(
            f"{r.id[:8]}  {evidence_kind_word(r.kind):<20} {r.original_name}  [{', '.join(f'{y}/#{i}' for y, i in r.links) or 'belum ditautkan'}]"
            + (f"  — {r.caption}" if r.caption else "") for r in recs) or "Belum ada data dukung.")
    return EXIT_OK


def _find_evidence(store: Store, prefix: str) -> str:
    matches = [r.id for r in store.evidence_list(store.kelurahan_code or None) if r.id.startswith(prefix)]
    if len(matches) != 1:
        raise KlaError("evidence_unknown", id=prefix)
    return matches[0]


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        eid = _find_evidence(store, args.id)
        if args.year and args.indicator:
            store.unlink_evidence(eid, args.year, args.indicator)
            text = f"Tautan data dukung {args.id} ke indikator {args.indicator} tahun {args.year} dilepas; berkasnya tetap."
        else:
            store.remove_evidence(eid)
            text = f"Data dukung {args.id} dihapus."
        emit(args, {"id": eid}, text)
    return EXIT_OK


def cmd_activity_add(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        rec = store.add_activity(kel, args.year, args.title, kind=args.kind, date=args.date,
                                 description=args.description or "", partners=args.partner or [],
                                 indicators=args.indicator or []).record
        emit(args, rec, f"Kegiatan dicatat: {rec.title} (id {rec.id[:8]})" + doubts_text(
            activity_doubts(rec.date or "", rec.data_year)))
    return EXIT_OK


def doubts_text(doubts: list[tuple[str, dict[str, Any]]]) -> str:
    """What looks wrong in what was just stored (db.rules.*_doubts), as the window says it beside the form."""
    return "".join(f"\nPerhatian: {message(code, **params)}" for code, params in doubts)


def cmd_activity_list(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args) if (store.role == "kelurahan" or args.kelurahan) else None
        recs = store.activities(kel, args.year, args.search or "")
        emit(args, recs, lambda: "\n".join(
            f"{r.date or '—':<10}  {r.kind:<8} {r.title}  (indikator {', '.join(map(str, r.indicators)) or '—'})"
            for r in recs) or "Belum ada kegiatan.")
    return EXIT_OK


def cmd_facility_add(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args)
        rec = store.add_facility(kel, args.name, args.type, address=args.address or "", latitude=args.lat,
                                 longitude=args.lon, standardisation=args.standardisation).record
        emit(args, rec, f"Fasilitas dicatat: {rec.name} ({rec.type}, id {rec.id[:8]})" + doubts_text(
            facility_doubts(rec.latitude, rec.longitude)))
    return EXIT_OK


def cmd_facility_list(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        kel = kel_arg(store, args) if (store.role == "kelurahan" or args.kelurahan) else None
        recs = store.facilities(kel, args.type, args.search or "")
        emit(args, recs, lambda: "\n".join(
            f"{r.type:<24} {r.name}  ({r.standardisation})" for r in recs) or "Belum ada fasilitas.")
    return EXIT_OK


def _score(template: Any, indicators: Any) -> dict[str, Any]:
    from db.scoring import estimate

    # No category here: the kab/kota bands never grade a desa/kelurahan; its category comes only
    # from DP3AKB's own rubric ("category", db/rubrics.py; docs/template-format.md §10).
    return {"score_estimate": estimate(template, indicators), "score_official": False}


def _status_dict(st: Any, template: Any, category: Any = None) -> dict[str, Any]:
    from db.status import clusters_json

    return {
        "kelurahan": st.kelurahan_code, "name": st.kelurahan_name, "kecamatan": st.kecamatan_code,
        "kecamatan_name": st.kecamatan_name, "year": st.data_year, "completeness": st.completeness,
        **_score(template, st.indicators),
        "category": category.to_json() if category is not None else None,
        "ready": st.ready_count, "evidence": st.evidence_count, "activities": st.activity_count,
        "facilities": st.facility_count,
        "clusters": clusters_json(st),
    }


def _summary_text(s: Any, category: Any, retired: bool) -> str:
    """One unit of the city's ``kla status --json`` as compact ASCII JSON, as :func:`_status_dict`
    and ``retired`` give it: its klaster are the JSON text kept with its status, put in as they are."""
    head = {"kelurahan": s.kelurahan_code, "name": s.kelurahan_name, "kecamatan": s.kecamatan_code,
            "kecamatan_name": s.kecamatan_name, "year": s.data_year, "completeness": s.completeness,
            "score_estimate": s.score_estimate, "score_official": False,
            "category": category.to_json() if category is not None else None,
            "ready": s.ready_count, "evidence": s.evidence_count, "activities": s.activity_count,
            "facilities": s.facility_count}
    return (json_text(head, pretty=False)[:-1] + ',"clusters":' + s.clusters
            + ',"retired":' + ("true" if retired else "false") + "}")


def cmd_status(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        year = year_arg(store, args)
        period = store.period_for_data_year(year)
        if store.role == "kelurahan" or args.kelurahan:
            st = store.status(kel_arg(store, args), year)
            cat = store.unit_category(st.kelurahan_code, period.eval_year)
            data = {"role": store.role, "year": year, "eval_year": period.eval_year,
                    **_status_dict(st, store.template, cat)}

            def text() -> str:
                from exports.paper import fmt_decimal

                sc = data["score_estimate"]
                lines = [f"{unit_title(st.kelurahan_code, st.kelurahan_name)} ({st.kelurahan_code}), "
                         f"Kec. {st.kecamatan_name} — "
                         f"tahun data {year} (evaluasi {period.eval_year}): kelengkapan {pct(st.completeness)}",
                         f"Perkiraan nilai {fmt_decimal(sc)} dari 1.000 — perkiraan tidak resmi dari bobot template, "
                         "bukan nilai KemenPPPA (kategori Pratama sampai Paripurna hanya untuk kabupaten/kota)."]
                if cat is not None:
                    lines.append(f"Kategori {unit_title(st.kelurahan_code, '').strip().lower()} menurut {cat.rubric_name}"
                                 f" (DP3AKB, evaluasi {cat.eval_year}): {cat.band_label}, nilai "
                                 f"{fmt_number(cat.total)} dari {fmt_number(cat.max_total)}.")
                for c in st.clusters:
                    lines.append(f"\n{c.name}: {pct(c.completeness)}")
                    for i in c.indicators:
                        miss = []
                        if i.missing_items:
                            miss.append(f"{len(i.missing_items)} isian wajib belum lengkap")
                        if i.missing_evidence:
                            miss.append("data dukung kurang: " + ", ".join(g.label for g in i.missing_evidence))
                        if i.too_old_evidence:
                            miss.append(f"{i.too_old_evidence} data dukung terlalu lama")
                        lines.append(f"  {i.indicator_no:>2}. {i.short_name:<45} {pct(i.completeness):>5}"
                                     + (f"  — {'; '.join(miss)}" if miss else ""))
                return "\n".join(lines)

            emit(args, data, text)
            return EXIT_OK
        sts = store.status_summaries(year)
        kec: dict[str, dict[str, Any]] = {}
        for s in sts:
            k = kec.setdefault(s.kecamatan_code, {"code": s.kecamatan_code, "name": s.kecamatan_name,
                                                  "kelurahan": 0, "completeness": 0.0})
            k["kelurahan"] += 1
            k["completeness"] += s.completeness
        for k in kec.values():
            k["completeness"] = round(k["completeness"] / k["kelurahan"], 4)
        overall = round(sum(s.completeness for s in sts) / len(sts), 4) if sts else 0.0
        retired = {u.code for u in store.units("kelurahan") if u.retired}
        cats = {r.kelurahan_code: r for r in store.rubric_results(period.eval_year) if r.complete}
        mean_score = round(sum(s.score_estimate for s in sts) / len(sts), 1) if sts else 0.0
        head = {"role": store.role, "city": store.city_code, "year": year, "eval_year": period.eval_year,
                "completeness": overall, "kecamatan": list(kec.values()),
                "score_estimate_mean": mean_score, "score_official": False}
        # Each unit as kept (DP3AKB retired it: its data is kept and shown, marked).
        units_json = [_summary_text(s, cats.get(s.kelurahan_code), s.kelurahan_code in retired) for s in sts]

        def text_city() -> str:
            from exports.paper import fmt_decimal

            lines = [f"{store.unit(store.city_code).name} — tahun data {year} (evaluasi {period.eval_year}): "
                     f"rata-rata kelengkapan {pct(overall)} dari {len(sts)} "
                     f"{units_word((u.kind for u in store.units('kelurahan')), capital=False)}",
                     f"Rata-rata perkiraan nilai {units_word((u.kind for u in store.units('kelurahan')), capital=False)}"
                     f" {fmt_decimal(mean_score)} dari 1.000 "
                     "(perkiraan tidak resmi dari bobot template)."]
            for k in kec.values():
                lines.append(f"\nKec. {k['name']}: {pct(k['completeness'])}")
                for s in sts:
                    if s.kecamatan_code == k["code"]:
                        name = s.kelurahan_name + (" (tidak aktif)" if s.kelurahan_code in retired else "")
                        lines.append(f"  {s.kelurahan_code}  {name:<24} {pct(s.completeness):>5}"
                                     f"  siap {s.ready_count}/24, data dukung {s.evidence_count}")
            return "\n".join(lines)

        if args.json:
            text = json_text(head, pretty=False)[:-1] + ',"kelurahan":[' + ",".join(units_json) + "]}"
            # At a terminal, indented for a person (read back: the kept text is one line).
            print(json_text(json.loads(text), pretty=True) if sys.stdout.isatty() else text)
        else:
            print(text_city())
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        path = store.backup(reason="manual", dest=Path(args.out) if args.out else None)
        emit(args, {"path": str(path)}, f"Cadangan dibuat: {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    safety = Store.restore(args.home_path, Path(args.file), operator=args.operator or "")
    with contextlib.closing(Store.open(args.home_path, operator=args.operator or "")) as store:
        behind = store.sync.receipt_behind()
    text = f"Ruang kerja dipulihkan dari {args.file}. Salinan keadaan sebelumnya: {safety}"
    if behind:
        text += "\nPerhatian: " + message("restored_before_receipt", seq=behind)
    emit(args, {"restored_from": args.file, "safety_copy": str(safety), "receipt_to_import_again": behind}, text)
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    recs = Store.list_backups(args.home_path)
    emit(args, recs, lambda: "\n".join(f"{r.created_at}  {r.reason:<18} {r.path}" for r in recs) or "Belum ada cadangan.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        rep = store.check(verify_files=not args.quick, describe=lambda code, params: message(code, **params))
        if rep.ok:
            text = "Pemeriksaan selesai: basis data utuh" + ("" if args.quick else " dan semua berkas data dukung cocok") + "."
        else:
            parts = []
            if rep.integrity != "ok":
                parts.append(f"basis data bermasalah ({rep.integrity})")
            if rep.foreign_key_problems:
                parts.append(f"{rep.foreign_key_problems} rujukan rusak")
            if rep.missing_files:
                parts.append(f"{len(rep.missing_files)} berkas data dukung hilang ({_evidence_names(store, rep.missing_files)})")
            if rep.damaged_files:
                parts.append(f"{len(rep.damaged_files)} berkas data dukung berubah/rusak "
                             f"({_evidence_names(store, rep.damaged_files)})")
            advice = []
            if rep.integrity != "ok" or rep.foreign_key_problems:
                # Only the database comes back from a backup: backups do not hold evidence files.
                newest = Store.newest_good_backup(args.home_path)
                if newest:
                    advice.append(f"Pulihkan basis data dengan: kla restore \"{newest}\"")
            if rep.set_aside:
                advice.append(f"{len(rep.set_aside)} berkas yang rusak dipindahkan ke karantina ({store.paths.quarantine}),"
                              " tidak dihapus")
            if len(rep.damaged_files) > len(rep.set_aside):
                advice.append(f"{len(rep.damaged_files) - len(rep.set_aside)} berkas rusak tidak bisa dipindahkan "
                              "(sedang dibuka program lain?): tutup program itu lalu ulangi 'kla check'")
            if rep.missing_files or rep.damaged_files:
                advice.append(
                    "Cadangan tidak memuat berkas data dukung, jadi memulihkan cadangan tidak memperbaikinya. "
                    + ("Berkas itu akan diminta lagi: tanda terima berikutnya untuk kelurahan pemiliknya tidak lagi "
                       "mencantumkannya, sehingga kelurahan mengirimnya ulang bersama kiriman berikutnya "
                       "(buat tanda terima dengan 'kla receipt --out FOLDER')" if store.role == "city" else
                       "Tambahkan ulang berkas aslinya (panel data dukung atau 'kla evidence add'): catatan dan "
                       "tautannya tetap. Jika DP3AKB sudah menerimanya, DP3AKB tetap memegang salinan yang utuh"))
            text = "Masalah ditemukan: " + "; ".join(parts) + "." + "".join(" " + a.rstrip(".") + "." for a in advice)
        emit(args, rep, text)
        return EXIT_OK if rep.ok else EXIT_REFUSED


def _evidence_names(store: Store, shas: tuple[str, ...], limit: int = 5) -> str:
    """'akta.pdf dari Kelurahan Manggar, ...': the files a check found, as people know them."""
    wanted = set(shas[:limit])
    first: dict[str, Any] = {}
    for e in store.evidence_list():
        if e.sha256 in wanted:
            first.setdefault(e.sha256, e)
    names = []
    for sha in shas[:limit]:
        e = first.get(sha)
        if e is None:
            names.append(sha[:12])
        elif store.role == "kelurahan":
            names.append(e.original_name)
        else:
            names.append(f"{e.original_name} dari {unit_title(e.kelurahan_code, store.kelurahan(e.kelurahan_code).name)}")
    more = len(shas) - limit
    return ", ".join(names) + (f" dan {more} lainnya" if more > 0 else "")


def cmd_operator(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        if args.name:
            store.add_operator(args.name)
        ops = store.operators()
        emit(args, ops, lambda: "\n".join(o.name for o in ops) or "Belum ada petugas.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from db import demo

    summary = demo.create_demo(args.home_path, seed=args.seed, kelurahan_code=args.kelurahan,
                               progress=progress_printer(args), city_code=args.city)
    end_progress(args)
    with contextlib.closing(Store.open(args.home_path, start_backup=False)) as store:
        where = store.unit(store.city_code).name
        if store.role == "kelurahan":
            where = unit_title(store.kelurahan_code, store.kelurahan(store.kelurahan_code).name) + ", " + where
        word = units_word((u.kind for u in store.units("kelurahan")), capital=False)
    emit(args, summary, f"Ruang kerja contoh {where} dibuat di {args.home_path}: {summary['kelurahan']} {word} "
         f"berisi data, {fmt_number(summary['values'])} nilai, {fmt_number(summary['evidence'])} data dukung, "
         f"{fmt_number(summary['activities'])} kegiatan, {fmt_number(summary['facilities'])} fasilitas.")
    return EXIT_OK


def register(sub: Any, add: Add, common: Parser) -> None:
    sp = add("init", cmd_init, "buat ruang kerja baru")
    sp.add_argument("--role", required=True, choices=["kelurahan", "city"],
                    help="kelurahan (juga untuk desa) atau city (DP3AKB kabupaten/kota)")
    sp.add_argument("--kelurahan", help="kode Kemendagri desa/kelurahan, mis. 64.71.01.1001 (cari: kla region search)")
    sp.add_argument("--city", default=None,
                    help="kode kabupaten/kota, mis. 64.72 Samarinda (default 64.71 Balikpapan; cari: kla region search)")

    tp = sub.add_parser("template", help="template indikator", parents=[common]).add_subparsers(dest="sub", required=True, parser_class=Parser)
    add("show", cmd_template_show, "tampilkan klaster, indikator dan kunci isian", tp, reads=True)
    sp = add("export", cmd_template_export, "tulis template aktif ke berkas JSON (untuk diubah DP3AKB)", tp,
             reads=True)
    sp.add_argument("--out", required=True)
    sp = add("install", cmd_template_install, "pasang template versi baru dari berkas JSON", tp)
    sp.add_argument("file")
    templates.register(tp, add, common)  # draft start|show|edit|discard, diff, publish (issue 12)

    ep = sub.add_parser("entry", help="isian indikator", parents=[common]).add_subparsers(dest="sub", required=True, parser_class=Parser)

    def target(sp: Parser, item: bool = False) -> None:
        sp.add_argument("--year", type=int, default=LATEST_YEAR, help=YEAR_HELP)
        sp.add_argument("--indicator", type=int, required=True, help="nomor indikator 1-24")
        sp.add_argument("--kelurahan", help="kode kelurahan (wajib di ruang kerja DP3AKB)")
        if item:
            sp.add_argument("--item", required=True, help="kunci isian (lihat 'kla template show')")
            sp.add_argument("--sex", choices=["L", "P", "l", "p"])
            sp.add_argument("--age", help="kunci kelompok umur")

    sp = add("set", cmd_entry_set, "isi satu nilai", ep)
    target(sp, item=True)
    sp.add_argument("--value", required=True, help="nilai; kosongkan ('') untuk menghapus")
    target(add("show", cmd_entry_show, "tampilkan isian satu indikator", ep, reads=True))
    sp = add("status", cmd_entry_status, "tandai draf atau siap", ep)
    target(sp)
    sp.add_argument("--status", required=True, choices=["draft", "ready"])
    sp = add("notes", cmd_entry_notes, "catatan indikator", ep)
    target(sp)
    sp.add_argument("--text", required=True)
    target(add("history", cmd_entry_history, "riwayat perubahan satu nilai", ep, reads=True), item=True)
    entry_xlsx.register(ep, add)  # form-xlsx, import-xlsx

    vp = sub.add_parser("evidence", help="data dukung", parents=[common]).add_subparsers(dest="sub", required=True, parser_class=Parser)
    sp = add("add", cmd_evidence_add, "tambah berkas data dukung", vp)
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help=YEAR_HELP)
    sp.add_argument("--indicator", type=int, required=True)
    sp.add_argument("--kelurahan")
    sp.add_argument("--caption")
    sp.add_argument("--kind", metavar="JENIS", help=EVIDENCE_KIND_HELP)
    sp.add_argument("--date", help="tanggal dokumen")
    sp.add_argument("--number", help="nomor dokumen")
    sp.add_argument("--issuer", help="penerbit dokumen")
    sp.add_argument("--keep-original", action="store_true",
                    help="simpan foto apa adanya (tanpa diperkecil seperti pengaturan ruang kerja)")
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp = add("list", cmd_evidence_list, "daftar data dukung", vp, reads=True)
    sp.add_argument("--year", type=int)
    sp.add_argument("--indicator", type=int)
    sp.add_argument("--kelurahan")
    sp = add("remove", cmd_evidence_remove, "lepas tautan (dengan --year/--indicator) atau hapus data dukung", vp)
    sp.add_argument("id")
    sp.add_argument("--year", type=int)
    sp.add_argument("--indicator", type=int)

    ap = sub.add_parser("activity", help="kegiatan dan inovasi", parents=[common]).add_subparsers(dest="sub", required=True, parser_class=Parser)
    sp = add("add", cmd_activity_add, "catat kegiatan/inovasi", ap)
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help=YEAR_HELP)
    sp.add_argument("--title", required=True)
    sp.add_argument("--kind", default="kegiatan", choices=["kegiatan", "inovasi"])
    sp.add_argument("--date")
    sp.add_argument("--description")
    sp.add_argument("--partner", action="append")
    sp.add_argument("--indicator", type=int, action="append")
    sp.add_argument("--kelurahan")
    sp = add("list", cmd_activity_list, "daftar kegiatan", ap, reads=True)
    sp.add_argument("--year", type=int)
    sp.add_argument("--search")
    sp.add_argument("--kelurahan")

    fp = sub.add_parser("facility", help="fasilitas ramah anak", parents=[common]).add_subparsers(dest="sub", required=True, parser_class=Parser)
    sp = add("add", cmd_facility_add, "catat fasilitas", fp)
    sp.add_argument("--name", required=True)
    sp.add_argument("--type", required=True)
    sp.add_argument("--address")
    sp.add_argument("--lat")
    sp.add_argument("--lon")
    sp.add_argument("--standardisation", default="belum")
    sp.add_argument("--kelurahan")
    sp = add("list", cmd_facility_list, "daftar fasilitas", fp, reads=True)
    sp.add_argument("--type")
    sp.add_argument("--search")
    sp.add_argument("--kelurahan")

    sp = add("status", cmd_status, "kelengkapan per klaster dan indikator, dan yang masih kurang", reads=True)
    sp.add_argument("--year", type=int, help="tahun data (default: tahun data terakhir periode berjalan)")
    sp.add_argument("--kelurahan")

    sp = add("backup", cmd_backup, "buat cadangan sekarang")
    sp.add_argument("--out", help="berkas tujuan (default: folder backups di ruang kerja)")
    sp = add("restore", cmd_restore, "pulihkan ruang kerja dari berkas cadangan")
    sp.add_argument("file")
    add("backups", cmd_backups, "daftar cadangan", reads=True)
    sp = add("check", cmd_check, "periksa keutuhan basis data dan berkas data dukung", reads=True)
    sp.add_argument("--quick", action="store_true", help="lewati pemeriksaan hash berkas")
    sp = add("operator", cmd_operator, "daftar atau tambah petugas", reads=lambda a: not a.name)
    sp.add_argument("--name")

    sp = add("demo", cmd_demo, "buat ruang kerja contoh yang realistis")
    sp.add_argument("--seed", type=int, default=1)
    sp.add_argument("--kelurahan", help="buat ruang kerja desa/kelurahan ini saja (default: ruang kerja DP3AKB)")
    sp.add_argument("--city", help="kode kabupaten/kota untuk contoh DP3AKB (default 64.71 Balikpapan, 34 kelurahan; "
                                   "mis. 64.02 Kutai Kartanegara)")
