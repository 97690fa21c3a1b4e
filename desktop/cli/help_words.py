"""What each option of ``kla`` means, in Indonesian, where its command did not say it itself.

``fill(parser)`` walks every command once the parser is built and gives an option with no help
its words and an Indonesian placeholder (``--out FOLDER``, not ``--out OUT``). Kept here, beside
each other, so the help reads the same way everywhere: what to give, what happens without it.
"""

from __future__ import annotations

import argparse

from db.rules import FACILITY_TYPES, PARTNERS, STANDARDISATION

KEL = ("KODE", "kode atau nama desa/kelurahan (wajib di ruang kerja DP3AKB; di kelurahan: kelurahan ini)")
KEL_FILTER = ("KODE", "hanya desa/kelurahan ini (kode atau nama)")
YEAR_FILTER = ("TAHUN", "hanya tahun data ini")
INDICATOR_FILTER = ("NOMOR", "hanya indikator ini (nomor 1-24)")
SEARCH = ("KATA", "cari kata ini di judul, nama atau keterangan")
SEX = ("L/P", "jenis kelamin sel: L (laki-laki) atau P (perempuan), bila indikatornya dirinci")

# (command path, option or argument name) -> (placeholder, help); a placeholder of None keeps argparse's.
WORDS: dict[tuple[str, str], tuple[str | None, str]] = {
    ("template export", "--out"): ("BERKAS", "berkas templat yang ditulis (.json)"),
    ("template install", "file"): ("BERKAS", "berkas templat (.json) dari Kementerian atau DP3AKB"),
    ("entry set", "--sex"): SEX,
    ("entry status", "--status"): (None, "draft = masih diisi; ready = siap dikirim (ditolak bila ada tanda "
                                         "yang belum diperiksa)"),
    ("entry notes", "--text"): ("TEKS", "catatan untuk indikator ini (menggantikan catatan sebelumnya)"),
    ("entry history", "--sex"): SEX,
    ("entry import-xlsx", "file"): (None, "berkas Excel (.xlsx) isian yang dibuat dengan 'kla entry form-xlsx'"),
    ("evidence add", "--indicator"): ("NOMOR", "indikator yang didukung berkas ini (nomor 1-24)"),
    ("evidence add", "--kelurahan"): KEL,
    ("evidence add", "--caption"): ("KETERANGAN", "keterangan singkat berkas (default: nama berkasnya)"),
    ("evidence add", "files"): ("BERKAS", "satu berkas atau lebih (PDF, foto, dokumen)"),
    ("evidence list", "--year"): YEAR_FILTER,
    ("evidence list", "--indicator"): INDICATOR_FILTER,
    ("evidence list", "--kelurahan"): KEL_FILTER,
    ("evidence remove", "id"): ("ID", "nomor data dukung seperti di 'kla evidence list'"),
    ("evidence remove", "--year"): ("TAHUN", "lepas hanya dari tahun data ini (bersama --indicator)"),
    ("evidence remove", "--indicator"): ("NOMOR", "lepas hanya dari indikator ini; tanpa --year/--indicator "
                                                  "data dukungnya dihapus"),
    ("activity add", "--title"): ("JUDUL", "judul kegiatan atau inovasi"),
    ("activity add", "--kind"): (None, "kegiatan (default) atau inovasi"),
    ("activity add", "--date"): ("TANGGAL", "tanggal kegiatan, mis. 2026-03-17 atau 17-03-2026"),
    ("activity add", "--description"): ("URAIAN", "uraian singkat kegiatan"),
    ("activity add", "--partner"): ("MITRA", "mitra yang terlibat, boleh diulang; salah satu dari: "
                                             + ", ".join(PARTNERS)),
    ("activity add", "--indicator"): ("NOMOR", "indikator yang didukung, boleh diulang"),
    ("activity add", "--kelurahan"): KEL,
    ("activity list", "--year"): YEAR_FILTER,
    ("activity list", "--search"): SEARCH,
    ("activity list", "--kelurahan"): KEL_FILTER,
    ("facility add", "--name"): ("NAMA", "nama fasilitas"),
    ("facility add", "--type"): ("JENIS", "jenis fasilitas, salah satu dari: " + ", ".join(FACILITY_TYPES)),
    ("facility add", "--address"): ("ALAMAT", "alamat fasilitas"),
    ("facility add", "--lat"): ("LINTANG", "garis lintang, mis. -1,2379 (boleh dikosongkan)"),
    ("facility add", "--lon"): ("BUJUR", "garis bujur, mis. 116,8529 (boleh dikosongkan)"),
    ("facility add", "--standardisation"): ("TAHAP", "tahap standardisasi: " + ", ".join(STANDARDISATION)
                                                     + " (default: belum)"),
    ("facility add", "--kelurahan"): KEL,
    ("facility list", "--type"): ("JENIS", "hanya jenis ini: " + ", ".join(FACILITY_TYPES)),
    ("facility list", "--search"): SEARCH,
    ("facility list", "--kelurahan"): KEL_FILTER,
    ("status", "--kelurahan"): ("KODE", "kelurahan yang dilihat (di DP3AKB; tanpa ini: semua kelurahan)"),
    ("restore", "file"): ("BERKAS", "berkas cadangan (.sqlite atau .klabackup) yang dipulihkan"),
    ("operator", "--name"): ("NAMA", "nama petugas yang ditambahkan; tanpa ini: daftar petugas"),
    ("demo", "--seed"): ("ANGKA", "angka acak untuk data contoh (angka sama, data sama; default 1)"),
    ("region search", "text"): (None, "nama atau sebagian nama wilayah"),
    ("region search", "--limit"): ("JUMLAH", "paling banyak sekian hasil (default 20)"),
    ("region show", "code"): (None, "kode wilayah Kemendagri, mis. 64.71 atau 64.71.01.1001"),
    ("rubric install", "file"): ("BERKAS", "berkas rubrik penilaian (.json)"),
    ("rubric score", "indicator"): (None, "nomor indikator (1-24)"),
    ("city enroll", "code"): (None, "kode Kemendagri desa/kelurahan, mis. 64.71.01.1001"),
    ("city revoke", "code"): (None, "kode desa/kelurahan yang kuncinya dicabut"),
    ("city restore", "code"): (None, "kode desa/kelurahan yang ruang kerjanya dipulihkan di komputer baru"),
    ("city key export", "--out"): ("BERKAS", "berkas tujuan kunci DP3AKB (simpan di tempat aman; jangan dikirim)"),
    ("city conflicts", "--kelurahan"): KEL_FILTER,
    ("city resolve", "id"): ("NOMOR", "nomor konflik seperti di 'kla city conflicts'"),
    ("city resolve", "--keep"): (None, "held = pertahankan versi DP3AKB; incoming = pakai versi kiriman kelurahan"),
    ("city series", "--kelurahan"): KEL_FILTER,
    ("city series", "--all"): (None, "termasuk kiriman yang sudah lengkap"),
    ("city enroll-many", "codes"): (None, "kode desa/kelurahan, dipisah spasi; tanpa kode: semua yang belum terdaftar"),
    ("city unit list", "--kecamatan"): (None, "hanya kecamatan ini (kode atau nama)"),
    ("city unit add", "name"): (None, "nama desa/kelurahan baru"),
    ("city unit rename", "code"): (None, "kode desa/kelurahan"),
    ("city unit rename", "name"): (None, "nama barunya"),
    ("city unit retire", "code"): (None, "kode desa/kelurahan yang tidak dipakai lagi (datanya tetap disimpan)"),
    ("city unit reinstate", "code"): (None, "kode desa/kelurahan yang dipakai lagi"),
    ("city contact", "kelurahan"): (None, "kode atau nama desa/kelurahan"),
    ("city contact", "--name"): ("NAMA", "nama petugas yang dihubungi"),
    ("city contact", "--email"): ("ALAMAT", "alamat e-mail kantor desa/kelurahan"),
    ("city contact", "--notes"): ("CATATAN", "catatan (nomor telepon, jam kantor)"),
    ("city kelana", "--status"): (None, "status KELANA: belum, inisiasi, atau kelana"),
    ("city kelana", "--notes"): ("CATATAN", "catatan untuk status itu"),
    ("keys", "--pem-dir"): ("FOLDER", "tulis juga kunci publik sebagai berkas PEM ke folder ini (untuk openssl)"),
    ("setup", "file"): (None, "berkas pemasangan (.klasetup) dari DP3AKB"),
    ("import", "paths"): ("BERKAS", "berkas kiriman (.kla), tanda terima, e-mail (.eml), atau folder (mis. "
                                    "flashdisk) yang berisi berkas-berkas itu"),
    ("receipt", "--out"): ("FOLDER", "folder tujuan tanda terima (mis. flashdisk); dibuat bila induknya ada"),
    ("receipt", "--kelurahan"): ("KODE", "hanya untuk desa/kelurahan ini; tanpa ini: satu tanda terima untuk "
                                         "setiap yang terdaftar, juga yang belum pernah mengirim"),
    ("outbox", "--host"): ("SERVER", "server SMTP untuk mengirim kotak keluar; tanpa ini: daftar kotak keluar"),
    ("outbox", "--port"): ("PORT", "port SMTP (default 587)"),
    ("outbox", "--user"): ("NAMA", "nama pengguna SMTP (kata sandinya dari KLA_SMTP_PASSWORD)"),
    ("outbox", "--sender"): ("ALAMAT", "alamat pengirim (default: nama pengguna SMTP)"),
    ("outbox", "--no-starttls"): (None, "tanpa STARTTLS (hanya untuk server di jaringan kantor)"),
    ("review set", "--kelurahan"): ("KODE", "kode atau nama desa/kelurahan"),
    ("review set", "--indicator"): ("NOMOR", "nomor indikator (1-24)"),
    ("review set", "--state"): (None, "diterima, perlu_perbaikan, atau none (hapus tinjauan)"),
    ("review set", "--note"): ("CATATAN", "catatan tinjauan untuk kelurahan (ikut di tanda terima)"),
}

METAVARS = {"kelurahan": "KODE", "year": "TAHUN", "indicator": "NOMOR", "file": "BERKAS",
            "paths": "BERKAS", "files": "BERKAS", "code": "KODE", "item": "BUTIR", "age": "UMUR", "value": "NILAI",
            "home": "FOLDER", "operator": "NAMA", "carry": "BUTIR", "city": "KODE", "contact": "KONTAK",
            "data": "BERKAS", "date": "TANGGAL", "email": "ALAMAT", "evidence": "ID", "field": "KOLOM",
            "from_version": "VERSI", "to_version": "VERSI", "hash": "SIDIK_JARI", "into": "BUTIR",
            "issuer": "PENERBIT", "items": "BUTIR", "kecamatan": "KODE", "key": "SIDIK_JARI", "kind": "JENIS",
            "max": "MAKS", "min": "MIN", "new_key": "BUTIR", "note": "CATATAN", "number": "NOMOR",
            "part_size": "UKURAN", "passphrase": "KATA_SANDI", "pdf": "BERKAS", "period": "PERIODE",
            "phone": "TELEPON", "reason": "ALASAN", "rule": "ATURAN", "series": "ID", "sk_date": "TANGGAL",
            "sk_number": "NOMOR", "slips": "FOLDER"}
"""Indonesian placeholders for options that have help but argparse's English-looking one (``--out OUT``)."""


def fill(parser: argparse.ArgumentParser, path: str = "") -> None:
    """Give every option of every command its words and an Indonesian placeholder where it has none."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                fill(sub, f"{path} {name}".strip())
            continue
        if action.dest == "help" or isinstance(action, argparse._VersionAction):
            continue
        name = action.option_strings[0] if action.option_strings else action.dest
        words = WORDS.get((path, name))
        if words is not None:
            placeholder, text = words
            if not action.help:
                action.help = text
            if placeholder and action.metavar in (None, "PATH", "FILE") and action.nargs != 0:
                action.metavar = placeholder
        elif action.metavar is None and action.nargs != 0 and action.choices is None:
            if action.dest == "out":
                action.metavar = "FOLDER" if "folder" in (action.help or "").lower().split(" (")[0] else "BERKAS"
            elif action.dest in METAVARS:
                action.metavar = METAVARS[action.dest]
