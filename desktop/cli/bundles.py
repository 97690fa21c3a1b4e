"""Registers the bundle commands (city, keys, setup, export, import, receipt, drives, history,
outbox, review) without importing them: their module needs pyrage and cryptography.

Every command is always there (``kla --help`` lists it); when one runs, ``bundle_commands`` is
imported then, and a missing library is refused by ``desktop.cli.run`` in words: which library
and how to install it.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import city, units
from desktop.cli.common import LATEST_YEAR, YEAR_HELP, Add, Command, Parser


def _run(name: str) -> Command:
    def command(args: argparse.Namespace) -> int:
        from desktop.cli import bundle_commands  # here, not at the top: pyrage may be missing

        return int(getattr(bundle_commands, name)(args))

    command.__name__ = command.__qualname__ = name
    return command


def register(sub: Any, add: Add) -> None:
    cp = sub.add_parser("city", help="perintah DP3AKB: pendaftaran, kunci, konflik")
    csub = cp.add_subparsers(dest="city_sub", required=True, parser_class=Parser, metavar="PERINTAH")
    sp = add("enroll", _run("cmd_city_enroll"), "daftarkan kelurahan dan tulis berkas pemasangannya", csub)
    sp.add_argument("code", metavar="KODE")
    sp.add_argument("--out", required=True, help="berkas pemasangan yang ditulis (.klasetup), atau folder "
                    "(mis. flashdisk) tempat KLA-pemasangan-KODE.klasetup ditulis")
    sp.add_argument("--email", help="alamat e-mail DP3AKB untuk kiriman (disimpan)")
    sp.add_argument("--contact", help="nama/nomor kontak DP3AKB (disimpan)")
    sp.add_argument("--new-key", action="store_true",
                    help="tetap tulis berkas pemasangan biasa (kunci baru, ruang kerja kosong) walau kelurahan ini "
                         "sudah terdaftar atau DP3AKB sudah menyimpan datanya, untuk memasang ulang di ruang kerja "
                         "lama yang masih dipakai; untuk komputer baru pakai kla city restore")
    sp = add("revoke", _run("cmd_city_revoke"), "cabut kunci kelurahan (laptop hilang/dicuri)", csub)
    sp.add_argument("code", metavar="KODE")
    sp.add_argument("--key", help="sidik jari satu kunci saja (default: semua kunci aktif kelurahan itu)")
    sp.add_argument("--reason", help="alasan pencabutan")
    sp = add("restore", _run("cmd_city_restore"), "berkas pemulihan: semua data kelurahan untuk PC pengganti", csub)
    sp.add_argument("code", metavar="KODE")
    sp.add_argument("--out", required=True, help="berkas pemulihan yang ditulis (.klasetup), atau folder tempat "
                    "KLA-pemulihan-KODE.klasetup ditulis")
    kp = csub.add_parser("key", help="kunci DP3AKB").add_subparsers(dest="key_sub", required=True, parser_class=Parser)
    sp = add("export", _run("cmd_city_key_export"), "tulis identitas age DP3AKB (untuk 'age -d -i')", kp)
    sp.add_argument("--out", required=True)
    sp = add("conflicts", _run("cmd_city_conflicts"), "daftar konflik (diubah di dua PC)", csub, reads=True)
    sp.add_argument("--kelurahan")
    sp.add_argument("--all", action="store_true", help="termasuk yang sudah diputuskan")
    sp = add("resolve", _run("cmd_city_resolve"), "putuskan satu konflik", csub)
    sp.add_argument("id", type=int)
    sp.add_argument("--keep", required=True, choices=["held", "incoming"])
    sp = add("series", _run("cmd_city_series"), "kiriman terpecah yang bagiannya belum lengkap", csub, reads=True)
    sp.add_argument("--kelurahan")
    sp.add_argument("--all", action="store_true")
    units.register_city(csub, add)
    city.register(sub, csub, add)  # chase, deadline, contact, kelana, figures, indicator2, verify-handover, handover

    sp = add("keys", _run("cmd_keys"), "daftar kunci; --pem-dir menulis kunci publik untuk openssl")
    sp.add_argument("--pem-dir")
    sp = add("setup", _run("cmd_setup"), "pasang berkas pemasangan/pemulihan dari DP3AKB")
    sp.add_argument("file", metavar="BERKAS")
    sp.add_argument("--passphrase", help="kata sandi dari lembar DP3AKB (atau KLA_PASSPHRASE, atau diketik)")
    sp = add("export", _run("cmd_export"), "tulis kiriman untuk DP3AKB (semua yang belum diakui)")
    sp.add_argument("--out", help="folder tujuan (mis. folder di flashdisk); dibuat bila induknya ada")
    sp.add_argument("--usb", action="store_true", help="tulis ke flashdisk pertama yang terpasang (folder KLA)")
    sp.add_argument("--part-size", default="20MB", help="ukuran maksimum per bagian, mis. 20MB (angka tanpa satuan dibaca MB); "
                    "0 = tidak dipecah")
    sp.add_argument("--eml", action="store_true", help="tulis juga draf e-mail (.eml) per bagian")
    sp.add_argument("--mail-limit", metavar="BATAS",
                    help="batas satu e-mail di server kantor: gmail (Gmail/Outlook, 25 MB), go_id (e-mail kantor "
                         ".go.id, 10 MB) atau ukuran seperti 10MB; bagian dipecah agar setiap draf .eml muat "
                         "(memakai --eml)")
    sp.add_argument("--queue", action="store_true", help="masukkan draf e-mail ke kotak keluar (kla outbox)")
    sp = add("import", _run("cmd_import"), "impor kiriman, bagian, folder, e-mail (.eml) atau tanda terima", reads=lambda a: bool(a.dry_run))
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--dry-run", action="store_true", help="hanya periksa dan laporkan; tidak ada yang diubah")
    sp = add("receipt", _run("cmd_receipt"), "tulis tanda terima bertanda tangan untuk kelurahan")
    sp.add_argument("--out", required=True)
    sp.add_argument("--kelurahan")
    add("drives", _run("cmd_drives"), "daftar flashdisk yang terpasang", reads=True)
    add("history", _run("cmd_history"), "riwayat kiriman, tanda terima dan pemasangan", reads=True)
    sp = add("outbox", _run("cmd_outbox"), "kotak keluar e-mail; dengan --host kirim lewat SMTP", reads=lambda a: not a.host)
    sp.add_argument("--host")
    sp.add_argument("--port", type=int, default=587)
    sp.add_argument("--user")
    sp.add_argument("--sender")
    sp.add_argument("--no-starttls", action="store_true")

    rp = sub.add_parser("review", help="tinjauan DP3AKB").add_subparsers(dest="review_sub", required=True,
                                                                        parser_class=Parser)
    sp = add("set", _run("cmd_review_set"), "status tinjauan dan catatan satu indikator", rp)
    sp.add_argument("--kelurahan", required=True)
    sp.add_argument("--year", type=int, default=LATEST_YEAR, help=YEAR_HELP)
    sp.add_argument("--indicator", type=int, required=True)
    sp.add_argument("--state", required=True, choices=["diterima", "perlu_perbaikan", "none"])
    sp.add_argument("--note")
