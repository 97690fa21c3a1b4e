"""``kla`` commands for submission bundles: enrolment, export, import, receipts, restore.

They need pyrage (age) and cryptography (Ed25519) through ``exports``; ``desktop.cli.bundles``
registers them without importing this module, and imports it only when one of them runs, so a
missing library is said in words instead of making the command unknown. Same conventions as
the rest of the command line (Indonesian output, ``--json``, exit 0 ok / 1 refused / 2 usage).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import KlaError
from db.regions import kind_of
from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    emit,
    end_progress,
    fmt_number,
    open_store,
    out_folder,
    progress_printer,
)
from exports import bundle, keys, receipts, setup, usb
from exports import email as kla_email
from ui.messages import (
    enrol_held_words,
    error_text,
    import_reason_words,
    item_words,
    message,
    named_code,
    pc_words,
    receipt_count_words,
    receipt_elsewhere_words,
    shared_key_text,
    unit_title,
)

if TYPE_CHECKING:
    from db.store import Store

OUTCOME_WORDS = {"new": "baru", "changed": "berubah", "unchanged": "sama", "older": "lebih lama",
                 "conflict": "konflik", "rejected": "sudah ditolak"}
STATUS_WORDS = {"imported": "diimpor", "duplicate": "sudah pernah diimpor, tidak ada yang berubah",
                "older": "lebih lama dari yang sudah diimpor, tidak ada yang berubah",
                "refused": "DITOLAK", "dry-run": "uji coba (tidak ada yang diubah)",
                "own": "dibuat ruang kerja ini sendiri, dilewati (tidak ada yang berubah)"}
REVIEW_WORDS = {"": "belum ditinjau", "diterima": "diterima", "perlu_perbaikan": "perlu perbaikan"}


def _bytes(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".", ",")
    return f"{n} bita"


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase:
        return str(args.passphrase)
    env = os.environ.get("KLA_PASSPHRASE")
    if env:
        return env
    if sys.stdin.isatty():
        text = getpass.getpass("Kata sandi dari lembar DP3AKB: ")
    else:
        text = sys.stdin.readline()
    if not text.strip():
        raise KlaError("passphrase_required")
    return text.strip()


# ---------------------------------------------------------------------------- city


def cmd_city_enroll(args: argparse.Namespace, restore: bool = False) -> int:
    with contextlib.closing(open_store(args)) as store:
        out = Path(args.out)
        if out.is_dir():
            # "--out E:\\" (the stick) or any folder: the file goes in it, named after the unit,
            # beside (never over) a file of that name.
            code = store.find_unit(args.code, "kelurahan").code
            out = setup.free_name(out / f"KLA-{'pemulihan' if restore else 'pemasangan'}-{code}.klasetup")
        elif not out.suffix:
            out = out.with_name(out.name + ".klasetup")
        if not restore and not getattr(args, "new_key", False):
            # Refused before anything is written, as the window asks first: a plain setup file installs an
            # empty workspace whose exports conflict with what DP3AKB holds (a new PC wants the restore file).
            setup.require_role(store, "city")
            kel = store.kelurahan(store.find_unit(args.code, "kelurahan").code)
            held = 0 if kel.retired else setup.held_items(store, kel.code)  # retired: enroll says so
            if held:
                raise KlaError("enrol_held_data", code=kel.code, name=kel.name, count=held)
            active = [k for k in store.sync.peer_keys() if k.unit_code == kel.code]
            if active and not kel.retired:
                # The window asks first ("sudah terdaftar. Buat kunci baru?"): a second key, the first still valid.
                raise KlaError("enrol_already_enrolled", code=kel.code, name=kel.name,
                               fingerprint=keys.fingerprint(active[0].key_id))
        r = setup.enroll(store, args.code, out, email=getattr(args, "email", None),
                         contact=getattr(args, "contact", None), restore=restore, progress=progress_printer(args))
        end_progress(args)
        data = {"file": str(r.path), "kelurahan": r.kelurahan_code, "name": r.kelurahan_name,
                "passphrase": r.passphrase, "key_id": r.key_id, "fingerprint": r.fingerprint,
                "city_fingerprint": r.city_fingerprint, "restore_items": r.restore_items,
                "restore_files": r.restore_files, "held_items": r.held_items}
        what = "Berkas pemulihan" if restore else "Berkas pemasangan"
        unit = unit_title(r.kelurahan_code, r.kelurahan_name)
        warning = enrol_held_words(r.kelurahan_code, r.kelurahan_name, r.held_items)
        data["warnings"] = [warning] if warning else []
        text = (f"{what} untuk {unit} ({r.kelurahan_code}) ditulis: {r.path}\n"
                + (f"Isi: {r.restore_items} item, {r.restore_files} berkas data dukung.\n" if restore else "")
                + (f"\n{warning}\n" if warning else "")
                + "\nCETAK dan serahkan TERPISAH dari berkasnya (jangan dikirim bersama dalam satu e-mail):\n"
                f"  Kata sandi      : {r.passphrase}\n"
                f"  Sidik jari kunci {kind_of(r.kelurahan_code):<9}: {r.fingerprint}\n"
                f"  Sidik jari kunci DP3AKB   : {r.city_fingerprint}\n"
                f"Di kantor {unit}: kla setup \"{r.path.name}\" lalu ketik kata sandinya.")
        emit(args, data, text)
    return EXIT_OK


def cmd_city_restore(args: argparse.Namespace) -> int:
    return cmd_city_enroll(args, restore=True)


def cmd_city_revoke(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        setup.require_role(store, "city")
        kel = store.find_unit(args.code, "kelurahan").code
        key_id = None
        if args.key:
            wanted = args.key.replace("-", "").lower()
            match = [k for k in store.sync.peer_keys(kel) if k.key_id.startswith(wanted)]
            if len(match) != 1:
                raise KlaError("key_unknown", key=args.key)
            key_id = match[0].key_id
        n = store.sync.revoke_peer_keys(kel, args.reason or "", key_id)
        # A unit DP3AKB holds data of gets its new PC from a restore file (kla city enroll refuses without
        # --new-key): the way that works, not one that is refused next.
        again = (f" Untuk komputer pengganti, buat berkas pemulihan berisi datanya: kla city restore {kel} --out FOLDER"
                 if setup.held_items(store, kel) else f" Daftarkan ulang dengan: kla city enroll {kel} --out BERKAS")
        emit(args, {"kelurahan": kel, "revoked": n},
             f"{n} kunci kelurahan {kel} dicabut. Kiriman baru dengan kunci itu akan ditolak." + (again if n else ""))
    return EXIT_OK


def cmd_city_key_export(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        own = setup.ensure_city_keys(store)
        lines = []
        for k in store.sync.own_keys(active_only=False):
            lines += [f"# KLA Desktop DP3AKB {store.city_code}, dibuat {k.created_at}",
                      f"# public key: {k.age_recipient}", k.age_identity]
        data = ("\n".join(lines) + "\n").encode("ascii")
        out = Path(args.out)
        usb.write_verified(out, lambda w: w.write(data) and None)
        with contextlib.suppress(OSError):
            os.chmod(out, 0o600)
        emit(args, {"file": str(out), "recipient": own.age_recipient},
             f"Identitas age DP3AKB ditulis ke {out}. SIMPAN RAHASIA: siapa pun yang memegangnya dapat membuka "
             f"semua kiriman.\nBuka kiriman dengan alat lain: age -d -i {out.name} -o kiriman.zip BERKAS.kla")
    return EXIT_OK


def cmd_keys(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        if store.role == "city":
            setup.ensure_city_keys(store)
        own = store.sync.own_keys()
        peers = store.sync.peer_keys(include_revoked=True)
        # At DP3AKB: the PCs that sign with each kelurahan key (one setup file on two PCs shows here).
        devices = {p.key_id: store.sync.key_devices(p.unit_code, p.key_id) if store.role == "city" else []
                   for p in peers}
        if args.pem_dir:
            d = Path(args.pem_dir)
            d.mkdir(parents=True, exist_ok=True)
            for k in own:
                (d / f"{store.kelurahan_code or store.city_code}-{k.key_id[:16]}.pem").write_text(
                    keys.public_pem(k.sign_public))
            for p in peers:
                (d / f"{p.unit_code}-{p.key_id[:16]}.pem").write_text(keys.public_pem(p.sign_public))
        data = {"own": [{"key_id": k.key_id, "fingerprint": keys.fingerprint(k.key_id), "recipient": k.age_recipient}
                        for k in own],
                "peers": [{"unit": p.unit_code, "key_id": p.key_id, "fingerprint": keys.fingerprint(p.key_id),
                           "recipient": p.age_recipient, "enrolled_at": p.enrolled_at, "revoked_at": p.revoked_at,
                           "label": p.label, "devices": [d.to_json() for d in devices[p.key_id]]} for p in peers]}

        def text() -> str:
            lines = ["Kunci ruang kerja ini:"] + [f"  {keys.fingerprint(k.key_id)}  {k.age_recipient}" for k in own]
            lines.append("Kunci pihak lain:" if peers else "Belum ada kunci pihak lain.")
            for p in peers:
                st = f"dicabut {p.revoked_at[:10]}" if p.revoked_at else "aktif"
                lines.append(f"  {p.unit_code:<15} {keys.fingerprint(p.key_id)}  {st}  ({p.label})")
                replaced = {r for d in devices[p.key_id] for r in d.replaces}  # a restore's earlier self
                pcs = [d for d in devices[p.key_id] if d.device_id not in replaced]
                if pcs:
                    lines.append(("    dipakai di " if len(pcs) == 1 else f"    {len(pcs)} KOMPUTER dengan satu kunci: ")
                                 + "; ".join(pc_words(d.to_json()) for d in pcs))
            if args.pem_dir:
                lines.append(f"Kunci publik PEM (untuk openssl) ditulis ke {args.pem_dir}")
            return "\n".join(lines)

        emit(args, data, text)
    return EXIT_OK


def cmd_city_conflicts(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        setup.require_role(store, "city")
        kel = store.find_unit(args.kelurahan, "kelurahan").code if args.kelurahan else None
        cs = store.sync.conflicts(kel, open_only=not args.all)
        pcs = store.sync.device_names(kel)
        def line(c) -> str:  # noqa: ANN001 - a db.sync conflict record
            try:
                u = store.unit(c.kelurahan_code)
                who = f"{unit_title(u.code, u.name)} ({u.code})"
            except KlaError:
                who = c.kelurahan_code
            done = ""
            if c.resolved_at:
                done = {"held": "  [versi DP3AKB dipertahankan]",
                        "superseded": "  [diganti kiriman yang lebih baru dari komputer yang sama]"}.get(
                    c.resolution, "  [versi kiriman dipakai]")
            head = (f"#{c.id}  {who}: {item_words(c.item_key)} — kiriman dari komputer "
                    f"{pcs.get(c.device_id) or c.device_id[:8].upper()}, "
                    f"{c.created_at[:16].replace('T', ' ')}{done}")
            return "\n".join([head, *([] if c.resolved_at else _conflict_rows(store, c.id))])

        emit(args, cs, lambda: ("\n".join(line(c) for c in cs)
                                + "\nPutuskan satu per satu: kla city resolve NOMOR --keep held (versi DP3AKB) "
                                  "atau --keep incoming (versi kiriman)") if cs else "Tidak ada konflik.")
    return EXIT_OK


def _conflict_rows(store: Store, conflict_id: int, most: int = 8) -> list[str]:
    """What differs between the two versions, in words: each value cell of an entry by its
    label, sex and age band ("Jumlah anak, Laki-laki, 0–60 hari: DP3AKB 777, kiriman 201"; it
    read "L/0-60h", codes), other fields counted."""
    try:
        v = store.conflict_view(conflict_id)
    except KlaError:
        return []
    rows = [r for r in v.rows if r.differs]
    out: list[str] = []
    for r in rows[:most]:
        if r.what != "value":
            continue
        label, band = r.key, r.age
        with contextlib.suppress(Exception):
            no = int(v.conflict.item_key.split("/")[2])
            item = store.template.indicator(no).item(r.key)
            label = item.label
            if r.age and item.age:
                band = next((b.label for b in store.template.age_bands[item.age] if b.key == r.age), r.age)
        sex = {"L": "Laki-laki", "P": "Perempuan"}.get(r.sex, r.sex)
        where = ", ".join(x for x in (label, sex, band) if x)
        held = "kosong" if r.held is None else fmt_number(r.held)
        came = "kosong" if r.incoming is None else fmt_number(r.incoming)
        out.append(f"      {where}: DP3AKB {held}, kiriman {came}")
    others = len(rows) - len(out)
    if others:
        out.append(f"      {others} perbedaan lain (keterangan, status atau isian lain); lihat Kotak Masuk di jendela")
    return out


def cmd_city_resolve(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        setup.require_role(store, "city")
        c = store.sync.resolve_conflict(args.id, args.keep).record
        word = "versi DP3AKB dipertahankan" if args.keep == "held" else "versi kiriman dipakai"
        try:
            who = unit_title(c.kelurahan_code, store.unit(c.kelurahan_code).name)
        except KlaError:
            who = c.kelurahan_code
        emit(args, c, f"Konflik #{c.id} ({who}: {item_words(c.item_key)}): {word}. Tanda terima berikutnya memberi "
                      f"tahu {who}.")
    return EXIT_OK


def cmd_city_series(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        setup.require_role(store, "city")
        kel = store.find_unit(args.kelurahan, "kelurahan").code if args.kelurahan else None
        ss = store.sync.series_status(kel, incomplete_only=not args.all)
        emit(args, [{"series": s.series_id, "kelurahan": s.kelurahan_code, "seq": s.device_seq, "parts": s.parts,
                     "received": list(s.received), "missing": list(s.missing), "superseded": s.superseded}
                    for s in ss],
             lambda: "\n".join(
                 f"{named_code(s.kelurahan_code)}  kiriman no. {s.device_seq}: diterima {len(s.received)}/{s.parts}"
                 + ("; lengkap" if not s.missing else
                    f"; bagian {', '.join(map(str, s.missing))} tidak diperlukan lagi (kiriman berikutnya dari"
                    " komputer yang sama sudah lengkap)" if s.superseded else
                    f"; belum diterima bagian {', '.join(map(str, s.missing))}")
                 for s in ss) or "Semua kiriman yang terpecah sudah lengkap.")
    return EXIT_OK


def cmd_review_set(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        setup.require_role(store, "city")
        kel = store.find_unit(args.kelurahan, "kelurahan").code
        state = {"none": ""}.get(args.state, args.state)
        store.set_review(kel, args.year, args.indicator, state, args.note or "")
        emit(args, {"kelurahan": kel, "year": args.year, "indicator": args.indicator, "state": state},
             f"Tinjauan indikator {args.indicator} tahun {args.year} ({named_code(kel)}): {REVIEW_WORDS[state]}."
             " Terkirim ke kelurahan lewat tanda terima berikutnya.")
    return EXIT_OK


# ---------------------------------------------------------------------------- both


def cmd_setup(args: argparse.Namespace) -> int:
    setup.check_setup_file(Path(args.file))  # a bundle picked instead is said before the passphrase is asked
    r = setup.install(args.home_path, Path(args.file), _passphrase(args), operator=args.operator or "",
                      progress=progress_printer(args))
    end_progress(args)
    data = {"home": str(r.home), "kelurahan": r.kelurahan_code, "name": r.kelurahan_name, "created": r.created,
            "fingerprint": r.key_fingerprint, "city_email": r.city_email, "restored_items": r.restored_items,
            "restored_files": r.restored_files}
    text = (f"{unit_title(r.kelurahan_code, r.kelurahan_name)} ({r.kelurahan_code}) terpasang di {r.home}"
            + (" (ruang kerja baru)" if r.created else "") + f".\nSidik jari kunci: {r.key_fingerprint} "
            "(cocokkan dengan lembar dari DP3AKB).")
    if r.restored_items or r.restored_files:
        text += f"\nDipulihkan: {r.restored_items} item dan {r.restored_files} berkas data dukung."
    if r.city_email:
        text += f"\nKiriman ditujukan ke {r.city_email}."
    if r.created and not (r.restored_items or r.restored_files):
        text += "\n" + message("setup_one_pc")
    emit(args, data, text)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        out = Path(args.out) if args.out else None
        if args.usb:
            drives = usb.removable_drives()
            if not drives:
                raise KlaError("no_stick")
            out = Path(drives[0].path) / "KLA"
        if out is None:
            print("kla: sebutkan tujuan kiriman: --out FOLDER (misalnya folder di flashdisk) atau --usb.",
                  file=sys.stderr)
            return EXIT_USAGE
        limit = kla_email.parse_mail_limit(args.mail_limit) if args.mail_limit else None
        part_size = bundle.parse_size(args.part_size)
        eml = args.eml or limit is not None
        made = out_folder(out)
        res = bundle.export_bundles(store, out, part_size=part_size, eml=eml,
                                    mail_limit=limit, progress=progress_printer(args))
        end_progress(args)
        behind = store.sync.receipt_behind()
        if eml and args.queue:
            for e in res.eml:
                kla_email.queue(store, e)
        data = {"series": res.series_id, "seq": res.device_seq, "items": res.items, "files": res.files,
                "parts": [{"file": str(p.path), "part": p.part, "parts": p.parts, "size": p.size, "sha256": p.sha256,
                           "items": p.items, "evidence_files": p.files, "oversized": p.oversized, "counts": p.counts}
                          for p in res.parts],
                "eml": [str(e) for e in res.eml], "rejected_by_dp3akb": list(res.rejected),
                "receipt_to_import_again": behind,
                "flagged": [{"data_year": y, "indicator": no} for y, no in res.flagged]}

        def text() -> str:
            if res.nothing_to_send and behind:
                t = "Tidak ada yang perlu dikirim menurut tanda terima yang tercatat di ruang kerja ini."
            elif res.nothing_to_send:
                t = "Tidak ada yang perlu dikirim: semua data sudah diterima DP3AKB (menurut tanda terima terakhir)."
            else:
                lines = [f"Kiriman no. {res.device_seq}: {res.items} item, {res.files} berkas data dukung "
                         f"({_bytes(res.file_bytes)}), {len(res.parts)} bagian"
                         + (f", di folder baru {out}" if made else "") + ":"]
                drafts = {e.stem: e for e in res.eml}
                for p in res.parts:
                    lines.append(f"  {p.path}  ({_bytes(p.size)}, {p.items} item, {p.files} berkas)"
                                 + ("  — lebih besar dari batas; kirim lewat flashdisk" if p.oversized else ""))
                    if p.path.stem in drafts:
                        lines.append(f"    draf e-mail: {drafts[p.path.stem]} ({_bytes(drafts[p.path.stem].stat().st_size)})")
                    elif eml:
                        lines.append("    tanpa draf e-mail: bagian ini tidak muat dalam satu e-mail")
                lines.append("Semua bagian sudah dibaca ulang dan cocok. Data baru dianggap terkirim setelah "
                             "tanda terima DP3AKB diimpor.")
                t = "\n".join(lines)
            if res.flagged:
                # Sent all the same (save and flag, never drop): DP3AKB sees the same marks.
                names = ", ".join(f"{no}. {store.template.indicator(no).short_name}"
                                  + (f" (tahun data {y})" if len({yy for yy, _ in res.flagged}) > 1 else "")
                                  for y, no in res.flagged)
                t += (f"\nPerhatian: terkirim dengan angka bertanda yang perlu diperiksa: {names}. "
                      "Lihat 'kla status' atau halaman Indikator; kiriman berikutnya membawa perbaikannya.")
            if res.rejected:
                t += (f"\nPerhatian: {len(res.rejected)} item tidak dikirim karena DP3AKB memilih versi lain "
                      "(lihat catatan tanda terima): " + _named_items(res.rejected, len(res.rejected), store))
            if behind:
                t += "\nPerhatian: " + message("export_before_receipt", seq=behind)
            return t

        emit(args, data, text)
    return EXIT_OK


def _named_items(keys: Sequence[str], total: int, store: Store | None = None) -> str:
    """Items in words ("isian indikator 4 (data tahun 2025)", a file by its name when the store
    has it), at most five, then how many more."""
    words = []
    for key in list(keys)[:5]:
        name = ""
        kind, _, ident = str(key).partition("/")
        if store is not None and kind == "evidence":
            with contextlib.suppress(Exception):
                name = store.evidence(ident).original_name
        words.append(item_words(key, name))
    more = total - len(words)
    return ", ".join(words) + (f" dan {more} lainnya" if more > 0 else "")


def _describe_report(f: bundle.FileReport) -> list[str]:
    status = "sama dengan berkas lain di daftar ini" if f.reason_code == "import_same_in_batch" else \
        STATUS_WORDS.get(f.status, f.status)
    head = f"{f.path}: {status}"
    if f.type == "bundle" and f.kelurahan:
        # "kelurahan Manggar (64.71.01.1001)", "desa Perian (64.02.01.2001)": the name before the code.
        word = "kelurahan" if kind_of(f.kelurahan) == "kelurahan" else "desa"
        head += f" — {word} {named_code(f.kelurahan)}, bagian {f.part}/{f.parts}"
    if f.type == "receipt":
        head += " — tanda terima DP3AKB"
    lines = [head]
    if f.shared_key:
        lines.append("  " + shared_key_text(f.shared_key, f.kelurahan, str(f.shared_key.get("unit_name", ""))))
    if f.status in ("duplicate", "own") and f.reason_code:
        lines.append("  " + error_text(KlaError(f.reason_code, **f.reason_params)))
    if f.status == "refused":
        lines.append("  Alasan: " + error_text(KlaError(f.reason_code, **f.reason_params)))
        if f.quarantined:
            # A file too big to keep, a link or an unreadable one is not copied: only its reason is.
            lines.append(f"  Tidak disalin; alasannya dicatat di karantina: {f.quarantined}"
                         if f.quarantined.endswith(".alasan.txt") else f"  Disalin ke karantina: {f.quarantined}")
    if f.counts:
        lines.append("  " + ", ".join(f"{v} {OUTCOME_WORDS[k]}" for k, v in f.counts.items() if v) or "  (kosong)")
        for it in f.items:
            if it["outcome"] in ("conflict", "older", "rejected") or it["reason"]:
                why = import_reason_words(it["reason"], it.get("reason_params"), unit=f.kelurahan or "") \
                    if it["reason"] else ""
                lines.append(f"    {item_words(it['key'], it.get('name', ''))}: {OUTCOME_WORDS[it['outcome']]}"
                             + (f" ({why})" if why else ""))
    if f.type == "receipt" and f.summary and f.status != "older":
        s = f.summary
        got = (receipt_count_words(int(s["held"]), s.get("new"), int(s.get("since", 0))) if "held" in s
               else f"{s.get('acknowledged', 0)} item diakui DP3AKB")
        pending = int(s.get("pending", 0))
        lines.append(f"  {got}. " + (f"{pending} item masih akan dikirim pada kiriman berikutnya." if pending
                                    else "Tidak ada yang masih harus dikirim."))
        if s.get("held_elsewhere"):
            lines.append("  " + receipt_elsewhere_words(f.kelurahan or "", str(s.get("unit_name", "")),
                                                        int(s["held_elsewhere"])))
        if s.get("replaced"):
            # DP3AKB decided a conflict for its own version: this PC's copy became that version.
            lines.append(f"  {s['replaced']} item diganti dengan versi DP3AKB (DP3AKB memilih versinya saat ada dua "
                         f"versi berbeda): {_named_items(s.get('replaced_keys', []), s['replaced'])}. Isian sebelumnya "
                         "di komputer ini tetap tercatat di riwayat perubahan; perubahan berikutnya dibuat dari versi "
                         "DP3AKB.")
        if s.get("set_aside"):
            lines.append(f"  {s['set_aside']} item tidak dikirim: DP3AKB memilih versi lain, yaitu "
                         f"{_named_items(s.get('set_aside_keys', []), s['set_aside'])}.")
        if s.get("template"):
            lines.append(f"  Template baru dipasang: versi {s['template']['version']}.")
        if s.get("shared_key"):
            lines.append("  " + shared_key_text(s["shared_key"]))
    for n in f.notes:
        lines.append(f"  Indikator {n['indicator_no']} tahun {n['data_year']}: {REVIEW_WORDS.get(n['state'], n['state'])}"
                     + (f" — \"{n['note']}\"" if n["note"] else ""))
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        res = bundle.import_paths(store, [Path(p) for p in args.paths], dry_run=args.dry_run, describe=error_text,
                                  progress=progress_printer(args))
        end_progress(args)
        data = {"dry_run": res.dry_run, "files": res.files,
                "series": [{"series": s.series_id, "kelurahan": s.kelurahan_code, "parts": s.parts,
                            "received": list(s.received), "missing": list(s.missing), "superseded": s.superseded}
                           for s in res.series]}

        def text() -> str:
            lines: list[str] = []
            for f in res.files:
                lines += _describe_report(f)
            if not res.files:
                lines.append("Tidak ada berkas .kla atau .eml yang ditemukan (folder dicari sampai tiga tingkat). "
                             "Tidak ada yang diubah. Periksa apakah flashdisk atau folder yang dipilih benar; "
                             "kiriman bernama KLA-<kode>-…-bagian-….kla, tanda terima KLA-tanda-terima-….kla.")
            for s in res.series:
                if s.missing and not s.superseded:
                    lines.append(f"Kiriman {named_code(s.kelurahan_code)} no. {s.device_seq}: bagian "
                                 f"{', '.join(map(str, s.missing))} dari {s.parts} belum diterima.")
            open_c = store.sync.conflicts() if store.role == "city" else []
            if open_c:
                lines.append(f"{len(open_c)} konflik menunggu keputusan: kla city conflicts")
            return "\n".join(lines)

        emit(args, data, text)
        if res.refused:
            if len(res.files) == 1:
                line = "kla: berkas ditolak; tidak ada yang diubah."
            elif len(res.refused) == len(res.files):
                # "berkas lain tetap diproses" spoke of other files when there were none.
                line = f"kla: semua {len(res.files)} berkas ditolak; tidak ada yang diubah."
            else:
                line = f"kla: {len(res.refused)} dari {len(res.files)} berkas ditolak; berkas lain tetap diproses."
            print(line, file=sys.stderr)
            return EXIT_REFUSED
        if res.files and all(f.status == "own" for f in res.files):
            # Only this workspace's own files (picked by mistake, or a stick before DP3AKB's answer):
            # nothing was imported, which the exit status says too.
            print("kla: tidak ada yang diimpor; berkas itu dibuat ruang kerja ini sendiri.", file=sys.stderr)
            return EXIT_REFUSED
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        made = out_folder(Path(args.out))
        rs = receipts.write_receipts(store, Path(args.out), args.kelurahan, progress=progress_printer(args))
        end_progress(args)
        emit(args, rs, lambda: (f"Folder baru {args.out} dibuat.\n" if made and rs else "") + "\n".join(
            f"Tanda terima {r.kelurahan_name} ({r.kelurahan_code}) no. {r.seq}: "
            f"{receipt_count_words(r.items, r.new, r.since)}; {r.files} berkas data dukung, {r.reviews} tinjauan "
            f"-> {r.path}" for r in rs) or "Belum ada kelurahan yang terdaftar.")
    return EXIT_OK


def cmd_drives(args: argparse.Namespace) -> int:
    vols = usb.removable_drives()
    emit(args, vols, lambda: "\n".join(f"{v.path}  ({v.label}, kosong {_bytes(v.free)} dari {_bytes(v.total)})"
                                       for v in vols) or "Tidak ada flashdisk yang terpasang.")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        log = store.sync.bundle_log()
        words = {"bundle": "kiriman", "receipt": "tanda terima", "setup": "pemasangan", "restore": "pemulihan"}
        emit(args, log, lambda: "\n".join(
            f"{b.recorded_at[:16]}  {'keluar' if b.direction == 'out' else 'masuk '}  {words.get(b.type, b.type):<10}"
            f" {b.kelurahan_code:<15} {b.part}/{b.parts}  {b.file_name}" for b in log) or "Belum ada riwayat kiriman.")
    return EXIT_OK


def cmd_outbox(args: argparse.Namespace) -> int:
    with contextlib.closing(open_store(args)) as store:
        if not args.host:
            waiting = sorted(p.name for p in store.paths.outbox.glob("*.eml")) if store.paths.outbox.exists() else []
            emit(args, {"waiting": waiting}, "\n".join(waiting) or "Kotak keluar kosong.")
            return EXIT_OK
        cfg = kla_email.SmtpConfig(args.host, args.port, args.user or "", os.environ.get("KLA_SMTP_PASSWORD", ""),
                                   args.sender or "", not args.no_starttls)
        r = kla_email.send_outbox(store, cfg)
        emit(args, r, f"Terkirim {len(r.sent)}, gagal {len(r.failed)}, masih menunggu {r.waiting}."
             + "".join(f"\n  {n}: {e}" for n, e in r.failed))
        return EXIT_OK if not r.failed else EXIT_REFUSED
