"""Indonesian sentences for the store's error codes.

Plain Python (no Qt), so the command line uses it too. Each message says what is wrong
and what to do next, in words a kelurahan clerk understands. The GUI passes these through
``QCoreApplication.translate("messages", ...)`` so English comes from the Qt Linguist files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from db.errors import KlaError
from db.progress import Step
from db.regions import UNIT_CODE, kind_of
from db.rules import PARTNERS
from db.template import EVIDENCE_KINDS

MESSAGES: dict[str, str] = {
    "workspace_missing": "Belum ada ruang kerja di {home}. Buat dulu dengan 'kla init' atau pilih folder lain.",
    "workspace_exists": "Di {home} sudah ada ruang kerja. Pilih folder lain, atau pakai ruang kerja yang ada.",
    "folder_not_empty": "Folder {home} sudah berisi berkas lain. Pilih folder kosong untuk ruang kerja baru.",
    "not_a_workspace": "Berkas {path} bukan basis data KLA Desktop. Pilih folder ruang kerja yang benar.",
    "db_corrupt": (
        "Basis data rusak ({detail}). Jangan ketik data baru dulu. Pulihkan dari cadangan terakhir yang baik: "
        "kla restore \"{backup}\"."
    ),
    "db_newer": "Basis data ini dibuat oleh versi KLA Desktop yang lebih baru ({unknown}). Perbarui program ini dulu.",
    "db_locked": "Ruang kerja sedang dipakai jendela lain. Tutup jendela itu dulu, lalu coba lagi.",
    "role_unknown": "Peran '{role}' tidak dikenal. Pilih 'kelurahan' (desa atau kelurahan) atau 'city' (DP3AKB).",
    "role_mismatch": "Perintah ini hanya untuk ruang kerja {needed}; ruang kerja ini berperan {role}.",
    "city_unknown": (
        "Kode kabupaten/kota {code} tidak ada di data wilayah Kemendagri. Cari kodenya dengan: "
        "kla region search NAMA --level city (misalnya kla region search Samarinda --level city)."
    ),
    "kelurahan_required": (
        "Sebutkan desa/kelurahannya dengan --kelurahan KODE (contoh: 64.71.01.1001). "
        "Cari kodenya dengan: kla region search NAMA."
    ),
    "kelurahan_unknown": (
        "Desa/kelurahan dengan kode {code} tidak dikenal di sini. Periksa kodenya, atau cari namanya dengan: "
        "kla region search NAMA."
    ),
    "kelurahan_not_own": (
        "Ruang kerja ini milik {own_kind} {own_named}; data {code_kind} {code_named} tidak bisa diisi di sini."
    ),
    "kelurahan_other_city": (
        "Kode {code} bukan bagian dari kabupaten/kota {city}, jadi tidak ada yang dibuat. Periksa kodenya."
    ),
    "unit_ambiguous": "Nama '{name}' dipakai lebih dari satu wilayah ({codes}). Sebutkan kodenya.",
    "unit_name_empty": "Namanya kosong. Ketik nama desa, kelurahan atau kecamatan itu.",
    "unit_name_too_long": "Namanya terlalu panjang ({length} huruf; paling banyak {limit}). Ringkas namanya.",
    "unit_parent_unknown": (
        "Kecamatan {parent} tidak ada di ruang kerja ini, jadi {code} tidak bisa ditambahkan. Periksa kodenya, "
        "atau tambahkan kecamatannya dulu."
    ),
    "unit_code_invalid": (
        "Kode '{code}' tidak bisa dipakai. Desa ditulis kode kecamatan lalu 2xxx (misalnya {city}.01.2001), "
        "kelurahan kode kecamatan lalu 1xxx ({city}.01.1001), kecamatan {city}.NN; semuanya di dalam {city}."
    ),
    "unit_exists": "Kode {code} sudah dipakai {name}. Pilih kode lain, atau ganti nama yang sudah ada.",
    "unit_name_taken": (
        "Nama '{name}' sudah dipakai {code} di kecamatan yang sama. Pakai nama lain, atau ganti nama yang sudah ada."
    ),
    "unit_rename_city": (
        "Kabupaten/kota sendiri tidak diubah di sini; yang bisa ditambah, diganti nama atau dinonaktifkan adalah "
        "kecamatan dan desa/kelurahan."
    ),
    "unit_has_active_units": (
        "Kecamatan {name} masih punya {count} desa/kelurahan aktif. Nonaktifkan desa/kelurahan itu dulu, "
        "lalu kecamatannya."
    ),
    "unit_retired": (
        "Tidak didaftarkan: {code_kind} {name} ({code}) sudah dinonaktifkan pada {at}. Bila masih dipakai, "
        "aktifkan lagi dulu (kla city unit reinstate {code})."
    ),
    "nothing_to_print": "Tidak ada yang dicetak: belum ada pendaftaran baru. Daftarkan desa/kelurahan dulu.",
    "unit_path_other": (
        "Berkas ini menyebut wilayah {code_named}, bukan {own_kind} {own_named} milik ruang kerja ini. Tidak ada yang "
        "diubah."
    ),
    "unit_unknown": "Wilayah '{code}' tidak ditemukan. Periksa kode atau ejaan namanya.",
    "year_not_in_period": "Tahun data {year} tidak termasuk periode evaluasi mana pun. Tahun yang bisa diisi: {years}.",
    "period_invalid": "Periode evaluasi {eval_year} tidak sah: tahun data harus sebelum tahun evaluasi.",
    "indicator_unknown": "Indikator nomor {indicator} tidak ada. Nomor indikator KLA adalah 1 sampai 24.",
    "cluster_unknown": "Klaster {cluster} tidak ada di template.",
    "item_unknown": "Isian '{item}' tidak ada di indikator {indicator}. Lihat daftar isian dengan 'kla template show'.",
    "sex_required": "Isian '{item}' dipilah menurut jenis kelamin: sebutkan --sex L atau --sex P.",
    "age_invalid": "Kelompok umur '{age}' tidak dikenal untuk '{item}'. Pilih salah satu: {bands}.",
    "cell_invalid": "Isian '{item}' tidak dipilah seperti itu (jenis kelamin '{sex}', umur '{age}').",
    "value_empty": "Nilainya kosong. Ketik angkanya, atau kosongkan isian untuk menghapus.",
    "value_too_large": (
        "Angka {value} terlalu besar untuk isian ini (paling besar {max_value}). Periksa apakah ada angka yang "
        "terketik dua kali."
    ),
    "value_not_number": "'{value}' bukan angka. Ketik angka saja, misalnya 1.250 atau 1250.",
    "value_not_whole": "'{value}' bukan bilangan bulat. Jumlah orang atau unit harus bulat, misalnya 12.",
    "value_negative": "'{value}' bernilai negatif. Jumlah tidak boleh kurang dari nol.",
    "value_not_yes_no": "'{value}' tidak dikenali. Jawab 'ya' atau 'tidak'.",
    "value_not_choice": "'{value}' bukan pilihan yang tersedia. Pilih salah satu: {choices}.",
    "value_not_date": "'{value}' bukan tanggal yang sah. Tulis seperti 17-08-2025, 17/8/25 atau 17 Agustus 2025.",
    "value_too_long": "Teksnya terlalu panjang ({length} huruf). Ringkas menjadi paling banyak 5.000 huruf.",
    "value_computed": "Isian '{item}' dihitung otomatis dari isian lain dan tidak bisa diketik.",
    "part_exceeds_whole": (
        "'{part}' ({part_value}) tidak boleh lebih besar dari '{whole}' ({whole_value}). "
        "Periksa kedua angka itu dan perbaiki yang salah."
    ),
    "not_ready": "Indikator {indicator} belum bisa ditandai siap: isian wajib belum lengkap ({missing}).",
    "not_ready_flagged": (
        "Indikator {indicator} belum bisa ditandai siap: {flagged} angka ditandai kuning karena tidak cocok. "
        "Perbaiki angka itu dulu, lalu tandai siap lagi."
    ),
    "status_unknown": "Status '{status}' tidak dikenal. Pilih 'draft' atau 'ready'.",
    "review_state_unknown": "Status tinjauan '{state}' tidak dikenal.",
    "template_invalid": "Template indikator tidak sah ({where}: {problem}). Minta berkas template yang benar ke DP3AKB.",
    "template_older": (
        "Template ini versi {version}, lebih lama dari versi {active} yang berlaku. Tidak ada yang diubah: "
        "versi yang berlaku tidak pernah diganti dengan versi lama."
    ),
    "template_other_family": (
        "Berkas ini template \u201c{id}\u201d, sedangkan ruang kerja ini memakai template \u201c{active}\u201d. "
        "Tidak ada yang diubah. Minta berkas template yang benar ke DP3AKB."
    ),
    "rubric_not_rubric": (
        "Berkas \u201c{id}\u201d adalah template KLA, bukan rubrik desa/kelurahan. Tidak ada yang diubah."
    ),
    "rubric_missing": (
        "Belum ada rubrik desa/kelurahan di ruang kerja ini. Pasang dulu dengan: kla rubric install BERKAS.json"
    ),
    "rubric_older": (
        "Rubrik ini versi {version}, lebih lama dari versi {active} yang sudah dipakai. Tidak ada yang diubah."
    ),
    "rubric_score_invalid": (
        "Nilai {value} untuk indikator {indicator} rubrik tidak sah: isi angka 0 sampai paling banyak {max}."
    ),
    "rubric_indicator_unknown": "Indikator {indicator} tidak ada di rubrik \u201c{id}\u201d.",
    "template_is_rubric": (
        "Berkas \u201c{id}\u201d adalah rubrik desa/kelurahan, bukan template KLA. Tidak ada yang diubah; "
        "pasang sebagai rubrik."
    ),
    "template_missing": "Template indikator belum terpasang. Pasang berkas dari DP3AKB dulu.",
    "template_version_clash": "Template {id} versi {version} sudah ada dengan isi berbeda. Minta DP3AKB menaikkan nomor versinya.",
    "file_not_found": "Berkas {path} tidak ditemukan. Periksa nama dan letaknya.",
    "file_copy_failed": "Berkas {path} tidak bisa disalin ({detail}). Periksa ruang disk dan coba lagi.",
    "evidence_unknown": "Data dukung {id} tidak ditemukan.",
    "evidence_requirement_unknown": (
        "Data dukung yang diminta '{requirement}' tidak ada di indikator {indicator}. Pilih salah satu dari daftar "
        "di panel data dukung."
    ),
    "evidence_not_linked": (
        "Berkas ini belum dipakai untuk indikator {indicator} tahun data {year}. Tambahkan dulu ke indikator itu, "
        "lalu pilih untuk apa berkasnya."
    ),
    "evidence_kind_unknown": "Jenis data dukung '{kind}' tidak dikenal. Pilih salah satu: {kinds}.",
    "evidence_is_folder": (
        "{path} adalah folder, bukan berkas, jadi tidak ada yang ditambahkan. Pilih berkas di dalam folder itu "
        "(misalnya PDF atau fotonya); beberapa berkas boleh sekaligus."
    ),
    "evidence_file_empty": (
        "Berkas {name} kosong (0 bita), jadi tidak ditambahkan. Salin lagi berkas itu dari sumbernya atau simpan "
        "ulang dari program aslinya, lalu tambahkan lagi."
    ),
    "field_unknown": "Kolom tidak dikenal: {fields}.",
    "operator_empty": "Nama petugas kosong. Ketik nama Anda.",
    "activity_unknown": "Kegiatan {id} tidak ditemukan.",
    "activity_kind_unknown": "Jenis kegiatan '{kind}' tidak dikenal. Pilih 'kegiatan' atau 'inovasi'.",
    "partner_unknown": (
        "Mitra '{partner}' tidak dikenal, jadi kegiatannya tidak disimpan. Pilih mitra dari daftar ini (yang "
        "diketik di dalam kurung): {partners}."
    ),
    "activity_partner_stored_unknown": (
        "Kegiatan “{title}” memuat mitra '{partner}' yang tidak dikenal, sehingga DP3AKB akan menolak seluruh "
        "kirimannya. Tidak ada yang dikirim. Buka kegiatan itu di halaman Kegiatan, centang ulang mitranya (mitra "
        "yang tidak dikenal ikut terhapus), lalu kirim lagi."
    ),
    "title_empty": "Judul kegiatan kosong. Ketik judulnya.",
    "facility_unknown": "Fasilitas {id} tidak ditemukan.",
    "facility_type_unknown": "Jenis fasilitas '{type}' tidak dikenal. Pilih salah satu: {types}.",
    "standardisation_unknown": "Status standardisasi '{value}' tidak dikenal (belum, proses, terstandar, utama).",
    "coordinate_invalid": "Koordinat '{value}' tidak sah. Tulis seperti -1,2654 (lintang) dan 116,8312 (bujur).",
    "coordinates_sign": (
        "Periksa koordinatnya: titik ini di luar Indonesia, tetapi masuk wilayah Indonesia bila tanda minusnya "
        "diubah. Di selatan khatulistiwa Lintang diawali minus (misalnya -1,2654); Bujur di Indonesia tanpa minus."
    ),
    "coordinates_outside_indonesia": (
        "Periksa koordinatnya: titik ini di luar wilayah Indonesia. Salin lagi dari peta (di Google Maps: klik "
        "kanan pada tempatnya, lalu klik angka koordinat yang muncul untuk menyalinnya)."
    ),
    "activity_date_other_year": (
        "Tanggal kegiatan ini tahun {year}, sedangkan kegiatan dicatat untuk data tahun {data_year}. Periksa "
        "tanggalnya, atau catat kegiatan itu di data tahun {year} bila termasuk data tahun tersebut."
    ),
    "name_empty": "Nama fasilitas kosong. Ketik namanya.",
    "backup_failed": "Cadangan tidak bisa dibuat di {path} ({detail}). Periksa ruang disk.",
    "backup_invalid": "Berkas {path} bukan cadangan KLA yang utuh ({detail}). Pilih berkas cadangan lain.",
    "backup_other_workspace": (
        "Cadangan itu milik ruang kerja {got}, sedangkan ruang kerja ini milik {have}. Tidak ada yang diubah. "
        "Pilih cadangan ruang kerja ini sendiri: yang dibuat di komputer ini ada di folder backups ruang kerjanya."
    ),
    # --- submission bundles (exports/, docs/bundle-format.md)
    "role_needs_city": "Perintah ini hanya untuk ruang kerja DP3AKB.",
    "kecamatan_unknown": (
        "Kecamatan dengan kode {code} tidak ada di kabupaten/kota ini. Pilih kecamatan dari daftar."
    ),
    "kelana_status_unknown": "Status KELANA '{status}' tidak dikenal. Pilih: belum, inisiasi (rintisan), atau kelana.",
    "kelana_not_recorded": "Status KELANA kecamatan {code} untuk tahun data {year} belum dicatat. Catat statusnya dulu, lalu lampirkan SK-nya.",
    "handover_no_export": "Belum ada kiriman yang ditulis di ruang kerja ini, jadi belum ada berita acara. Buat kiriman dulu di menu Kiriman.",
    "handover_digest_invalid": "'{digest}' bukan kode pemeriksaan berita acara. Kode itu terdiri dari angka 0–9 dan huruf a–f; salin dari lembar berita acara.",
    "handover_digest_short": "Kode '{digest}' terlalu pendek. Ketik paling sedikit {need} huruf pertama kode pemeriksaan dari lembar berita acara, atau pindai kode QR-nya.",
    "period_unknown": "Periode evaluasi {eval_year} tidak ada. Pilih salah satu periode yang tercantum di bagian atas jendela.",
    "no_keys": (
        "Ruang kerja ini belum punya kunci. Di DP3AKB kunci dibuat otomatis saat mendaftarkan desa/kelurahan pertama."
    ),
    "not_enrolled": (
        "Ruang kerja ini belum terdaftar di DP3AKB, jadi belum bisa mengirim. Minta berkas pemasangan ke DP3AKB, "
        "lalu pasang di Pengaturan (atau: kla setup BERKAS). Data yang sudah diisi tetap tersimpan."
    ),
    "kelurahan_not_enrolled": (
        "Belum didaftarkan: {code_kind} {code_named}. Daftarkan dulu: kla city enroll {code} --out BERKAS."
    ),
    "enrol_held_data": (
        "Tidak ada yang ditulis: DP3AKB sudah menyimpan {count} item data {unit} dari kiriman sebelumnya, "
        "sedangkan berkas pemasangan biasa memasang ruang kerja yang kosong, dan kiriman dari ruang kerja kosong itu "
        "nanti bentrok dengan data yang tersimpan. Untuk komputer baru atau ruang kerja yang hilang, buat berkas "
        "pemulihan yang membawa semua data itu: kla city restore {code} --out FOLDER. Bila ruang kerja lamanya "
        "masih dipakai dan hanya perlu dipasang ulang, ulangi perintah ini dengan --new-key."
    ),
    "enrol_already_enrolled": (
        "Tidak ada yang ditulis: {unit} sudah terdaftar (kunci aktif {fingerprint}). Berkas pemasangan baru membuat "
        "kunci kedua, dan kunci lama tetap aktif sampai dicabut (kla city revoke {code}). Bila memang perlu "
        "(komputer kedua, berkas lama hilang), ulangi perintah ini dengan --new-key."
    ),
    "key_invalid": "Kunci rusak atau bukan kunci KLA ({detail}).",
    "key_unknown": "Kunci {key} tidak ditemukan.",
    "no_recipients": "Belum ada kunci DP3AKB untuk mengenkripsi kiriman. Pasang berkas pemasangan dari DP3AKB.",
    "passphrase_required": "Ketik kata sandi yang tercetak pada lembar pendaftaran dari DP3AKB.",
    "passphrase_wrong": "Kata sandi salah. Periksa lembar dari DP3AKB (huruf O dan angka 0 dianggap sama) dan coba lagi.",
    "setup_not_passphrase": "Berkas ini bukan berkas pemasangan dari DP3AKB.",
    "setup_invalid": "Berkas pemasangan tidak sah ({detail}). Minta berkas baru ke DP3AKB.",
    "setup_is_bundle": (
        "{path} adalah kiriman atau tanda terima KLA Desktop (.kla), bukan berkas pemasangan. Tidak ada yang diubah. "
        "Pilih berkas pemasangan (.klasetup) yang diberikan DP3AKB bersama lembar kata sandinya."
    ),
    "setup_other_workspace": (
        "Berkas pemasangan ini untuk {code_kind} {code_named}, sedangkan ruang kerja ini milik {own}. Tidak ada yang "
        "diubah. Pasang berkas itu di komputer {code_kind} tersebut, atau minta DP3AKB berkas untuk ruang kerja ini."
    ),
    "restore_needs_new_home": (
        "Berkas pemulihan hanya dipasang ke folder ruang kerja baru yang kosong, bukan ke {home}. "
        "Pilih folder lain dengan --home."
    ),
    "mail_limit_invalid": (
        "Batas e-mail '{value}' tidak dikenali. Tulis nama batas ({presets}: gmail untuk Gmail/Outlook 25 MB, "
        "go_id untuk e-mail kantor .go.id 10 MB) atau ukuran satu e-mail seperti 10MB (paling sedikit 1MB)."
    ),
    "size_invalid": "Ukuran '{value}' tidak dikenali. Tulis seperti 20MB, 500KB atau 0 (tanpa dipecah).",
    "size_too_small": (
        "Ukuran bagian '{value}' terlalu kecil (paling kecil {minimum} KB), jadi tidak ada yang ditulis. Tulis seperti "
        "20MB, 500KB atau 0 (tanpa dipecah); angka tanpa satuan dibaca MB."
    ),
    "evidence_file_missing": (
        "Berkas data dukung {name} hilang dari folder ruang kerja ({sha}). Tambahkan ulang berkas aslinya di panel "
        "data dukung (atau 'kla evidence add'); cadangan tidak memuat berkas data dukung. Tidak ada kiriman yang ditulis."
    ),
    "evidence_file_damaged": (
        "Berkas data dukung {name} berubah atau rusak. Tambahkan ulang berkas aslinya di panel data dukung (atau "
        "'kla evidence add'): salinan yang rusak diganti. Tidak ada kiriman yang ditulis."
    ),
    "shared_key_city": (
        "Perhatian: {unit} mengirim dari dua komputer dengan satu berkas pemasangan (kunci {fingerprint}): "
        "{this} dan {others}. DP3AKB tidak bisa membedakan kiriman keduanya, dan data yang diubah di dua komputer "
        "menjadi konflik. Data kiriman ini tetap diimpor. Jika semua komputer itu milik kantornya: buat berkas "
        "pemasangan tersendiri untuk komputer kedua (kla city enroll {code} --new-key --out BERKAS) dan pasang di "
        "komputer itu; datanya tetap. Jika kantornya tidak mengenal salah satu komputer itu: cabut kuncinya (kla "
        "city revoke {code} --key {fingerprint}) lalu daftarkan ulang. Tanda terima berikutnya memberi tahu kedua "
        "komputer."
    ),
    "shared_key_city_earlier": (
        "Catatan: ini kiriman pertama dari {this} dengan kunci {fingerprint}, yang sebelumnya dipakai "
        "{others}: berkas pemasangan {unit} dipasang ulang atau dipasang di komputer lain. Jika komputer lama tidak "
        "dipakai lagi (misalnya disk rusak lalu dipasang ulang), tidak perlu apa-apa. Jika masih dipakai, buat "
        "berkas pemasangan tersendiri untuk salah satunya (kla city enroll {code} --new-key --out BERKAS)."
    ),
    "shared_key_unit": (
        "Perhatian: berkas pemasangan komputer ini (kunci {fingerprint}) juga dipasang di komputer lain: {others}. "
        "DP3AKB tidak bisa membedakan kiriman kedua komputer, dan data yang diubah di keduanya menjadi konflik. "
        "Jika komputer itu milik kantor ini, minta DP3AKB berkas pemasangan tersendiri untuk salah satunya dan "
        "pasang di komputer itu (datanya tetap). Jika kantor ini tidak mengenal komputer itu, segera hubungi DP3AKB "
        "agar kuncinya dicabut dan kantor ini mendapat berkas pemasangan baru."
    ),
    "setup_one_pc": (
        "Berkas pemasangan ini untuk satu komputer saja. Jika kantor memakai komputer kedua, minta berkas "
        "pemasangan tersendiri dari DP3AKB; jangan pasang berkas ini di komputer lain."
    ),
    "pack_evidence_missing_city": (
        "Paket data dukung tidak dibuat: {count} berkas tidak ada utuh di folder ruang kerja ({names}). Berkas "
        "yang rusak dipindahkan ke karantina. Berkas itu diminta lagi dari desa/kelurahan pemiliknya lewat "
        "tanda terima berikutnya (kla receipt); buat paketnya lagi setelah kiriman ulangnya diimpor."
    ),
    "pack_evidence_missing": (
        "Paket data dukung tidak dibuat: {count} berkas tidak ada utuh di folder ruang kerja ({names}). Berkas "
        "yang rusak dipindahkan ke karantina. Tambahkan ulang berkas aslinya di panel data dukung (atau 'kla "
        "evidence add'), lalu buat paketnya lagi."
    ),
    "evidence_set_aside": (
        "Berkas data dukung {name} ({sha}…) di folder ruang kerja tidak lagi cocok dengan sidik jarinya: isinya "
        "berubah atau rusak. Berkas itu dipindahkan ke sini dan tidak dipakai lagi. Di DP3AKB berkas itu diminta "
        "lagi dari {units} lewat tanda terima berikutnya; di kelurahan tambahkan ulang berkas aslinya."
    ),
    "evidence_hash_mismatch": (
        "Data dukung {sha}… dalam berkas ini tidak sama dengan sidik jari yang menjadi namanya: isinya bukan berkas "
        "yang disebut. Seluruh berkas ditolak; tidak ada yang diubah. Minta pengirimnya membuat kiriman baru."
    ),
    "evidence_not_its_type": (
        "Berkas {name} bukan {kind} seperti namanya: isinya tidak dikenali sebagai {kind}. Tidak ada yang diubah. "
        "Buka berkasnya di program aslinya dan simpan ulang sebagai {kind}, atau beri nama yang sesuai isinya."
    ),
    "dest_full": "Tempat tujuan penuh ({path}). Kosongkan ruang atau pakai flashdisk lain; tidak ada berkas setengah jadi yang tertinggal.",
    "workspace_full": (
        "Disk ruang kerja penuh ({path}). Tidak ada yang berubah. Kosongkan ruang di disk komputer ini, lalu ulangi."
    ),
    "workspace_full_import": (
        "Disk ruang kerja penuh ({path}). {imported} dari {total} berkas sudah diimpor sebelum disk penuh; sisanya "
        "belum. Kosongkan ruang di disk komputer ini, lalu impor lagi berkas yang sama: yang sudah diimpor dilewati."
    ),
    "dest_readonly": "Tempat tujuan tidak bisa ditulisi ({path}). Periksa kunci tulis flashdisk atau izin folder.",
    "dest_gone": "Tempat tujuan hilang saat menulis ({path}); flashdisk tercabut? Pasang lagi dan ulangi.",
    "dest_missing": (
        "Folder tujuan {path} tidak ada, jadi tidak ada yang ditulis. Flashdisk belum terpasang? Pasang flashdisk "
        "atau pilih folder yang ada, lalu ulangi."
    ),
    "no_stick": "Tidak ada flashdisk yang terpasang, jadi tidak ada yang ditulis. Pasang flashdisk, lalu ulangi.",
    "receipts_stopped": (
        "{cause} {written} dari {total} tanda terima sudah ditulis dan tercatat ({done}); berkas itu tetap "
        "berlaku. Belum mendapat tanda terima: {missing}. Setelah tempat tujuan siap, buat tanda terima untuk "
        "mereka lagi."
    ),
    "dest_not_folder": (
        "{path} adalah sebuah berkas, bukan folder, jadi tidak ada yang ditulis. Pilih folder tujuan (misalnya "
        "folder di flashdisk), lalu ulangi."
    ),
    "dest_write_failed": "Gagal menulis ke {path} ({detail}). Ulangi, atau pilih tujuan lain.",
    "dest_exists": (
        "Di {path} sudah ada berkas lain dengan nama yang sama; berkas itu tidak ditimpa. Pilih folder lain, atau "
        "pindahkan berkas itu dulu."
    ),
    "dest_verify_failed": (
        "Berkas di {path} tidak sama dengan yang ditulis (dibaca ulang). Flashdisk mungkin rusak; berkas dihapus. "
        "Pakai flashdisk lain."
    ),
    "bundle_too_large": "Berkas terlalu besar ({size} bita; batas {limit} bita). Ditolak tanpa dibuka.",
    "import_is_setup_file": (
        "Berkas {path} adalah berkas pemasangan dari DP3AKB, bukan kiriman. Pasang dengan 'kla setup' "
        "atau pilihan 'Pasang dari berkas DP3AKB' di program."
    ),
    "import_setup_file_at_city": (
        "Berkas {path} adalah berkas pemasangan untuk desa/kelurahan, bukan kiriman: DP3AKB membuatnya untuk "
        "diserahkan ke kantor desa/kelurahan itu bersama lembar kata sandinya, jadi tidak diimpor di sini. Yang "
        "diimpor di sini adalah kiriman dari desa/kelurahan (KLA-<kode>-…-bagian-…)."
    ),
    "import_same_in_batch": "Isinya sama dengan {name} di daftar ini; kiriman itu diimpor sekali saja.",
    "bundle_empty": (
        "Berkas {path} kosong (0 bita): salinannya tidak jadi, biasanya karena flashdisk dicabut sebelum "
        "selesai disalin. Minta pengirimnya menyalin atau mengirim ulang."
    ),
    "bundle_not_kla": (
        "Berkas {path} bukan berkas KLA Desktop (isinya tidak dikenali). Pilih berkas .kla atau e-mail .eml; bila "
        "berkasnya memang dari KLA Desktop, minta pengirimnya mengirim ulang."
    ),
    "import_not_a_file": (
        "{path} bukan berkas biasa (tautan/symlink, pintasan atau perangkat), jadi tidak dibuka dan tidak disalin. "
        "Salin berkas kirimannya sendiri, lalu impor lagi."
    ),
    "bundle_not_for_us": (
        "Berkas ini tidak ditujukan ke ruang kerja ini (dienkripsi untuk kunci lain). Periksa apakah berkasnya "
        "untuk DP3AKB/kelurahan ini."
    ),
    "bundle_for_other_city": (
        "Menurut nama berkasnya, ini kiriman {code_kind} {code_named} di {city_name}; berkas itu dikunci untuk "
        "DP3AKB {city_name}, jadi tidak bisa dibuka oleh DP3AKB {here_name}. Tidak ada yang diubah. Serahkan "
        "berkasnya ke DP3AKB {city_name}."
    ),
    "bundle_for_other_dp3akb": (
        "Menurut nama berkasnya, ini kiriman {code_kind} {code_named}, tetapi berkas itu dikunci untuk kunci DP3AKB "
        "lain, bukan kunci ruang kerja ini: {code_kind} itu dipasang dengan berkas pemasangan dari ruang kerja "
        "DP3AKB lain (komputer DP3AKB lain, atau ruang kerja ini sebelum dibuat ulang). Tidak ada yang diubah. Impor "
        "kiriman itu di ruang kerja DP3AKB yang mendaftarkannya, atau daftarkan {code_kind} itu dari sini (kla city "
        "enroll {code} --out BERKAS) dan minta kantornya memasang berkas pemasangan baru itu lalu mengirim lagi."
    ),
    "receipt_for_other_key": (
        "Menurut nama berkasnya, ini tanda terima untuk {own_kind} {own_named}, tetapi berkas itu dikunci untuk "
        "kunci lain, bukan kunci komputer ini: biasanya DP3AKB telah mencabut kunci komputer ini atau mendaftarkan "
        "{own_kind} ini dengan berkas pemasangan baru (atau tanda terima itu dibuat ruang kerja DP3AKB lain). Tidak "
        "ada yang diubah. Tanyakan ke DP3AKB: bila komputer ini "
        "tetap dipakai, minta berkas pemasangan untuknya dan pasang di Pengaturan atau dengan 'kla setup'."
    ),
    "bundle_for_dp3akb": (
        "Menurut nama berkasnya, ini kiriman {code_kind} {code_named} untuk DP3AKB; kiriman hanya bisa dibuka "
        "oleh DP3AKB, tidak di ruang kerja {own_kind} {own_named}. Tidak ada yang diubah. Yang diimpor di sini "
        "adalah tanda terima dari DP3AKB (KLA-tanda-terima-{own}-…)."
    ),
    "receipt_for_other_unit": (
        "Menurut nama berkasnya, ini tanda terima untuk {code_kind} {code_named}; berkas itu dikunci untuk "
        "{code_kind} tersebut, jadi tidak bisa dibuka di ruang kerja {own_kind} {own_named}. Tidak ada yang diubah. "
        "Impor tanda terima yang namanya memuat kode {own} (KLA-tanda-terima-{own}-…)."
    ),
    "import_own_bundle": (
        "Berkas {path} adalah kiriman yang dibuat ruang kerja ini sendiri ({created_long}) untuk DP3AKB, jadi "
        "tidak diimpor di sini. Serahkan berkas itu ke DP3AKB; yang diimpor di sini adalah tanda terima dari DP3AKB."
    ),
    "import_own_receipt": (
        "Berkas {path} adalah tanda terima yang dibuat ruang kerja ini sendiri ({created_long}) untuk dikirim ke "
        "desa/kelurahan, jadi tidak diimpor di sini. Yang diimpor di sini adalah kiriman dari desa/kelurahan."
    ),
    "restored_before_receipt": (
        "Cadangan ini dibuat sebelum tanda terima DP3AKB no. {seq} diimpor di komputer ini, jadi DP3AKB mungkin "
        "memegang data yang lebih baru daripada yang dipulihkan. Impor lagi tanda terima terakhir dari DP3AKB "
        "(no. {seq} atau yang lebih baru), lalu buat kiriman: kiriman itu membawa data yang dipulihkan, dan "
        "DP3AKB memilih versi yang benar."
    ),
    "export_before_receipt": (
        "Ruang kerja ini dipulihkan dari cadangan yang lebih lama dari tanda terima DP3AKB no. {seq}: daftar "
        "yang dikirim masih menurut tanda terima yang lebih lama. Impor lagi tanda terima terakhir dari DP3AKB, "
        "lalu buat kiriman lagi."
    ),
    "bundle_damaged": "Berkas rusak, terpotong, atau diubah orang lain ({detail}). Minta pengirimnya mengirim ulang.",
    "bundle_format_version": (
        "Versi format kiriman {version} tidak dikenal (program ini membaca versi {supported}). Perbarui KLA Desktop."
    ),
    "bundle_hash_mismatch": (
        "Isi berkas tidak cocok dengan daftar sidik jarinya ({member}): berkas diubah setelah dibuat. Ditolak; tidak "
        "ada yang diubah. Minta pengirimnya membuat kiriman baru dan menyerahkannya lagi."
    ),
    "bundle_zip_bomb": (
        "Isi berkas mencurigakan: ukurannya tidak wajar ({detail}). Ditolak tanpa dibuka; tidak ada yang diubah. "
        "Minta pengirimnya membuat kiriman baru dengan KLA Desktop."
    ),
    "bundle_unsafe_name": (
        "Berkas memuat nama isi yang tidak diizinkan ({name}). Ditolak tanpa dibuka; tidak ada yang diubah. Minta "
        "pengirimnya membuat kiriman baru dengan KLA Desktop."
    ),
    "bundle_signature_bad": (
        "Tanda tangan berkas tidak cocok dengan kunci pengirim: berkas palsu atau diubah. Ditolak; tidak ada yang "
        "diubah. Jangan pakai berkas ini: minta pengirimnya membuat kiriman baru dan menyerahkannya langsung."
    ),
    "bundle_sender_unknown": (
        "Pengirim tidak dikenal: kunci {key} tidak terdaftar di DP3AKB. Ditolak. Daftarkan desa/kelurahannya bila "
        "perlu."
    ),
    "receipt_sender_unknown": (
        "Berkas ini tidak ditandatangani DP3AKB yang memasang ruang kerja ini (kunci {key} tidak dikenal). Ditolak; "
        "tidak ada yang diubah. Impor hanya tanda terima yang diberikan DP3AKB."
    ),
    "bundle_sender_revoked": (
        "Kunci pengirim {key} ({code_kind} {code_named}) sudah dicabut pada {at}. Ditolak; tidak ada yang diubah. "
        "Minta {code_kind} itu memasang berkas pemasangan baru dari DP3AKB (daftarkan ulang bila belum), lalu "
        "membuat kiriman baru."
    ),
    "bundle_other_kelurahan": (
        "Berkas ditandatangani {kelurahan_kind} {kelurahan_named} tetapi menyangkut data {owner_kind} {owner_named} "
        "({what}). "
        "Ditolak; "
        "tidak ada yang diubah. Data {owner_kind} {owner_named} hanya diterima dari {owner_kind} itu sendiri; minta "
        "{kelurahan_kind} {kelurahan_named} membuat kiriman baru dari ruang kerjanya."
    ),
    "bundle_item_invalid": (
        "Isi kiriman tidak sah: {what} {problem}. Seluruh berkas ditolak; tidak ada yang diubah. "
        "Minta pengirimnya membuat kiriman baru."
    ),
    "bundle_template_unknown": (
        "Kiriman memakai template {id} versi {version} yang tidak dikenal DP3AKB. Ditolak; pasang template itu dulu."
    ),
    "bundle_wrong_place": (
        "Berkas jenis {type} tidak bisa diimpor di ruang kerja berperan {role}. Tidak ada yang diubah; impor berkas "
        "itu di ruang kerja yang dituju."
    ),
    "receipt_other_kelurahan": (
        "Tanda terima ini untuk {code_kind} {code_named}, bukan {own_kind} {own_named}. Ditolak; tidak ada yang "
        "diubah. Impor tanda terima yang dibuat DP3AKB untuk {own_kind} {own_named}."
    ),
    "template_draft_exists": (
        "Sudah ada draf versi berikutnya dari template {id}. Lanjutkan draf itu, atau buang dulu "
        "(kla template draft discard) sebelum membuat yang baru."
    ),
    "template_draft_missing": (
        "Belum ada draf versi berikutnya dari template {id}. Buat dulu: kla template draft start (atau "
        "“Buat draf versi berikutnya” di halaman Template)."
    ),
    "template_draft_stale": (
        "Draf ini dibuat dari template versi {base}, padahal sekarang berlaku versi {version}. Draf itu tidak bisa "
        "diterbitkan lagi; buang lalu buat draf baru dari versi {version}."
    ),
    "template_draft_unfinished": (
        "Draf belum bisa diterbitkan: masih ada {count} hal yang perlu dibereskan. Lihat daftarnya dengan "
        "kla template draft show (atau di halaman Template). Tidak ada yang diubah."
    ),
    "template_draft_changed": (
        "Draf berubah sejak perubahannya diperiksa. Tidak ada yang diterbitkan; lihat lagi perubahannya, lalu "
        "terbitkan."
    ),
    "template_version_unknown": (
        "Template {id} versi {version} tidak terpasang di sini. Versi yang ada: {versions}."
    ),
    "template_edit_unknown": "Perubahan '{op}' tidak dikenal. Lihat kla template draft edit --help.",
    "template_edit_invalid": "Perubahan ini tidak bisa dipakai ({op}: {field}). Tidak ada yang diubah di draf.",
    "template_rule_unknown": "Aturan pemeriksaan '{rule}' tidak ada di draf. Tidak ada yang diubah.",
    "template_bands_invalid": (
        "Rentang kategori tidak bisa dipakai ({problem} {band}). Setiap kategori perlu nama dan batas 0 sampai "
        "1.000, menyambung tanpa celah atau tumpang tindih. Tidak ada yang diubah."
    ),
    "rule_source_unknown": "Aturan migrasi ({rule}) menyebut isian {item} yang tidak ada di versi lama. Tidak ada yang diubah.",
    "rule_source_twice": "Isian {item} sudah punya aturan migrasi; satu isian hanya boleh punya satu aturan.",
    "rule_target_unknown": (
        "Aturan migrasi ({rule}) memindahkan nilai ke isian {item} yang tidak ada di draf. Tambahkan isian itu "
        "dulu. Tidak ada yang diubah."
    ),
    "rule_across_indicators": "Isian dari indikator berbeda tidak bisa digabung ({item}). Tidak ada yang diubah.",
    "rule_malformed": "Aturan migrasi {rule} tidak lengkap. Tidak ada yang diubah.",
    "template_migration_blocked": (
        "Template versi {version} tidak bisa dipasang: isian {items} tidak punya tempat dan tidak ada aturan "
        "migrasinya. Tidak ada yang diubah; hubungi DP3AKB."
    ),
    "email_no_bundle": "E-mail {path} tidak berisi lampiran kiriman KLA (.kla).",
    "email_too_complex": (
        "E-mail {path} bersusun terlalu dalam atau terlalu rumit ({count}; batas {limit}). Ditolak tanpa dibuka. "
        "Simpan lampiran .kla dari program e-mail, lalu impor berkas itu."
    ),
    "email_no_recipient": "Alamat e-mail DP3AKB belum diketahui. Isi alamat tujuan di draf e-mail.",
    "conflict_unknown": "Konflik nomor {id} tidak ada.",
    "conflict_resolved": "Konflik nomor {id} sudah diputuskan.",
    "conflict_choice_unknown": "Pilihan '{choice}' tidak dikenal. Pilih 'held' (pertahankan) atau 'incoming' (pakai kiriman).",
    "conflict_file_missing": "Berkas data dukung \u201c{name}\u201d dari {unit} belum ada di DP3AKB (belum diterima atau "
                             "rusak), jadi konflik ini belum bisa diputuskan ke versi kiriman. Berkasnya ikut kiriman "
                             "berikutnya dari sana: putuskan lagi setelah kiriman itu diimpor, atau pakai versi DP3AKB.",
    "cancelled": "Dibatalkan. Tidak ada yang diubah.",
    "usage": "Perintah tidak lengkap atau salah: {detail}. Lihat 'kla --help'.",
    # Added for the GUI
    "read_only": (
        "Ruang kerja ini dibuka hanya-baca karena sedang dipakai jendela lain. "
        "Tutup jendela itu, lalu buka ulang program untuk mengubah data."
    ),
    "workspace_in_use": (
        "Ruang kerja {home} sedang dipakai jendela KLA Desktop lain. "
        "Pakai jendela itu, atau tutup dulu lalu coba lagi."
    ),
    "image_unreadable": "Gambar {name} tidak bisa dibaca. Periksa berkasnya, atau simpan ulang sebagai JPG/PNG.",
    # --- the Excel form (exports/xlsx_form.py): whole-workbook refusals, nothing was changed
    "xlsx_too_large": (
        "Berkas {path} terlalu besar untuk formulir KLA ({bytes} bita; paling besar {byte_limit} bita). Tidak ada yang "
        "diubah. Pakai formulir yang diunduh dari KLA Desktop."
    ),
    "xlsx_old_or_locked": (
        "Berkas {path} berformat Excel lama (.xls) atau dikunci dengan kata sandi. Tidak ada yang diubah. Buka di "
        "Excel atau LibreOffice, hapus kata sandinya bila ada, lalu simpan sebagai Buku Kerja Excel (.xlsx)."
    ),
    "xlsx_macros": (
        "Berkas {path} berisi makro (.xlsm atau sejenisnya) dan ditolak demi keamanan. Tidak ada yang diubah. "
        "Simpan ulang sebagai Buku Kerja Excel (.xlsx) tanpa makro, lalu impor lagi."
    ),
    "xlsx_damaged": (
        "Berkas {path} rusak atau terpotong: isinya tidak bisa dibaca utuh. Tidak ada yang diubah. Salin ulang "
        "berkasnya dari sumbernya, atau buka lalu simpan ulang di Excel atau LibreOffice."
    ),
    "xlsx_not_workbook": (
        "Berkas {path} bukan buku kerja Excel (.xlsx). Tidak ada yang diubah. Pilih formulir yang diunduh dari "
        "KLA Desktop."
    ),
    "xlsx_is_ods": (
        "Berkas {path} disimpan sebagai .ods (LibreOffice). Tidak ada yang diubah. Di LibreOffice pilih Simpan "
        "Sebagai, jenis “Excel 2007-365 (.xlsx)”, lalu impor berkas .xlsx itu."
    ),
    "xlsx_zip_bomb": (
        "Isi berkas {path} mencurigakan: ukurannya tidak wajar ({detail}). Ditolak tanpa dibuka; tidak ada yang "
        "diubah."
    ),
    "xlsx_external_links": (
        "Berkas {path} memuat rumus yang menautkan buku kerja lain. Ditolak; tidak ada yang diubah. Salin "
        "kotak-kotaknya lalu tempel sebagai nilai saja (Tempel Spesial > Nilai), simpan, lalu impor lagi."
    ),
    "xlsx_unreadable": (
        "Berkas {path} rusak atau tidak bisa dibaca ({detail}). Tidak ada yang diubah. Buka di Excel atau "
        "LibreOffice, simpan ulang sebagai .xlsx, lalu impor lagi."
    ),
    "xlsx_too_many_rows": (
        "Lembar “{sheet}” di {path} terlalu besar ({rows} baris; formulir KLA paling banyak {row_limit} baris). "
        "Ditolak; tidak ada yang diubah. Hapus baris kosong di bawah data, simpan, lalu impor lagi."
    ),
    "xlsx_too_many_columns": (
        "Lembar “{sheet}” di {path} terlalu lebar ({columns} kolom; formulir KLA paling banyak {column_limit} "
        "kolom). Ditolak; tidak ada yang diubah. Hapus kolom kosong di kanan data, simpan, lalu impor lagi."
    ),
    "xlsx_not_form": (
        "Berkas {path} bukan formulir KLA Desktop dan tidak cocok dengan pemetaan kolom yang tersimpan. Tidak ada "
        "yang diubah. Di jendela KLA Desktop, “Impor dari Excel” memetakan kolomnya sekali; atau unduh "
        "formulir, salin datanya ke sana, lalu impor formulir itu."
    ),
    "xlsx_form_format": (
        "Formulir {path} dibuat oleh versi KLA Desktop lain (format {format}). Tidak ada yang diubah. Unduh "
        "formulir baru dari program ini."
    ),
    "xlsx_other_template": (
        "Formulir ini memakai template {form_template}, sedangkan ruang kerja ini {template}. Tidak ada yang "
        "diubah. Unduh formulir baru dari program ini."
    ),
    "xlsx_template_changed": (
        "Formulir ini dibuat dengan template versi {version} yang isinya berbeda dari template di komputer ini. "
        "Tidak ada yang diubah. Unduh formulir baru dari program ini."
    ),
    "xlsx_template_newer": (
        "Formulir ini dibuat dengan template versi {form_version}, lebih baru dari template di komputer ini "
        "(versi {version}). Tidak ada yang diubah. Pasang template terbaru dari DP3AKB dulu, lalu impor lagi."
    ),
    "xlsx_template_older": (
        "Formulir ini dibuat dengan template versi {form_version}, sedangkan sekarang berlaku versi {version} "
        "dan tidak ada aturan pemindahannya. Tidak ada yang diubah. Unduh formulir baru dan salin datanya ke sana."
    ),
    "xlsx_other_unit": (
        "Formulir ini untuk {form_unit_title}, sedangkan ruang kerja ini milik {unit_title}. Ditolak; "
        "tidak ada yang diubah. Pakai formulir yang diunduh untuk {unit_word} ini."
    ),
    "xlsx_other_year": (
        "Formulir ini untuk tahun data {form_year}, sedangkan tahun data yang dipilih {year}. Tidak ada yang "
        "diubah. Pilih tahun data {form_year} dulu, lalu impor lagi."
    ),
    # --- the Excel form: one cell it cannot read
    "xlsx_formula_no_value": (
        "Kotak ini berisi rumus tanpa hasil tersimpan (program tidak menghitung rumus). Ketik angkanya saja, "
        "atau buka dan simpan berkasnya di Excel/LibreOffice, lalu impor lagi."
    ),
    "xlsx_cell_twice": (
        "Kotak yang sama ada dua kali (juga di {other}): barisnya tersalin. Hapus salah satu baris, lalu impor lagi."
    ),
    "xlsx_merged_by_template": (
        "Isian ini digabung dengan isian lain di template versi {version}, jadi nilainya tidak bisa dipindahkan "
        "sendiri. Unduh formulir baru dan ketik jumlah gabungannya di sana."
    ),
    # --- a workbook that is not our form, read through a saved mapping (exports/xlsx_mapping.py)
    "xlsx_mapping_row_missing": (
        "Di lembar “{sheet}”, kolom “{column}” tidak memuat “{value}”, jadi baris kelurahan ini "
        "tidak ditemukan. Tidak ada yang diubah. Periksa ejaan nama kelurahan di berkas, lalu impor lagi."
    ),
    "xlsx_mapping_no_match": (
        "Berkas ini tidak cocok dengan pemetaan “{name}” (lembar atau judul kolomnya lain). Tidak ada yang "
        "diubah. Impor lagi dan petakan kolomnya untuk berkas ini."
    ),
    "xlsx_mapping_invalid": "Pemetaan kolom yang tersimpan rusak. Petakan ulang kolom berkasnya saat mengimpor.",
    "xlsx_mapping_name_empty": "Beri nama pemetaan ini, misalnya “Rekap Disdukcapil”.",
    "xlsx_mapping_empty": "Pilih paling sedikit satu kolom dan isian tujuannya.",
}


WORDS: dict[str, str] = {
    # Flags at a cell (db.rules flag codes): what is odd about a stored value, and what to do.
    "flag.part_exceeds_whole": (
        "“{part}” ({part_value}) lebih besar dari “{whole}” ({whole_value}). "
        "Periksa kedua angka dan perbaiki yang salah; angkanya tetap tersimpan."
    ),
    "flag.year_change": (
        "{value} berubah lebih dari {factor} kali lipat dari tahun lalu ({last_value}). Periksa lagi; "
        "bila memang benar, biarkan saja."
    ),
    "flag.value_out_of_range": "{value} di luar angka yang wajar ({min} sampai {max}). Periksa lagi.",
    "flag.value_above_max": "{value} lebih besar dari yang wajar (paling banyak {max}). Periksa lagi.",
    "flag.value_below_min": "{value} lebih kecil dari yang wajar (paling sedikit {min}). Periksa lagi.",
    "flag.rule_broken": (
        "Angka ini tidak cocok dengan indikator {indicators} ({left_value} dan {right_value}). Periksa angka "
        "di kedua indikator."
    ),
    # Evidence kinds' guidance (the template's size guidance for videos: video_max_mb).
    "evidence.video_guidance": (
        "Video paling besar {limit} MB: rekam singkat (1–2 menit, 720p) atau kecilkan dulu. Video yang lebih "
        "besar tetap disimpan, tetapi kiriman ke DP3AKB jadi berat."
    ),
    "evidence.video_large": (
        "Video {name} berukuran {size} MB, lebih dari {limit} MB yang disarankan. Sudah disimpan, tetapi kiriman "
        "ke DP3AKB jadi berat; bila bisa, potong atau kecilkan videonya lalu lampirkan lagi."
    ),
    # What is wrong with a template file (``problem`` of template_invalid: db/template.py).
    "template.too_large": "berkasnya terlalu besar ({count} huruf; paling banyak {limit})",
    "template.too_deep": "isinya bersusun terlalu dalam (lebih dari {limit} tingkat)",
    "template.too_many": "{what_words} terlalu banyak ({count}; paling banyak {limit})",
    "template.too_few": "{what_words} terlalu sedikit ({count}; paling sedikit {limit})",
    "template.text_too_long": "ada teks yang terlalu panjang (lebih dari {limit} huruf)",
    "template.duplicate_json_key": "kunci \u201c{key}\u201d tertulis dua kali di satu bagian",
    "template.not_json": "bukan berkas JSON yang utuh (rusak di baris {line})",
    "template.not_an_object": "bentuk isinya salah",
    "template.missing_field": "bagian \u201c{field}\u201d tidak ada",
    "template.wrong_type": "bagian \u201c{field}\u201d berjenis salah",
    "template.schema": "bentuk isinya tidak sesuai format template",
    "template.weights_total": "jumlah bobot semua indikator {total}, seharusnya {expected}",
    "template.bad_weight": "bobot harus angka bulat 0 atau lebih",
    "template.bad_weight_total": "total bobot harus angka bulat 1 sampai 100.000",
    "template.bad_number": "nomor indikator harus 1 sampai {limit}",
    "template.bad_wording_status": "status rumusan harus confirmed, partly_confirmed, unconfirmed atau draft",
    "template.bad_id": "nama template tidak sah",
    "template.bad_version": "nomor versi harus 1 atau lebih",
    "template.bad_kind": "jenis template harus kla atau rubric",
    "template.bad_video_max_mb": "batas ukuran video harus 1 sampai 4096 MB",
    "template.band_range": "rentang kategori harus di dalam 0 sampai {limit}",
    "template.band_overlap": "rentang kategori saling tumpang tindih",
    "template.rubric_without_bands": "rubrik tidak punya kategori (bands)",
    "template.bad_step_version": "langkah migrasi harus satu per versi sebelumnya",
    "template.rule_unknown_item": "aturan migrasi menyebut isian {item} yang tidak ada",
    "template.rule_bad_source": "aturan migrasi menyebut {item}, bukan nomor.isian",
    "template.rule_source_unknown": "aturan migrasi menyebut isian {item} yang tidak ada di versi yang berlaku",
    "template.rule_target_unknown": "aturan migrasi memindahkan ke isian {item} yang tidak ada",
    "template.rule_source_twice": "aturan migrasi menyebut isian {item} dua kali",
    "template.rule_across_indicators": "aturan migrasi menggabungkan isian dari indikator berbeda",
    "template.rule_malformed": "aturan migrasi tidak lengkap",
    "template.other": "isinya tidak sesuai format template ({problem})",
    "template_what.indicators": "indikator",
    "template_what.items": "isian satu indikator",
    "template_what.evidence": "data dukung satu indikator",
    "template_what.choices": "pilihan satu isian",
    "template_what.clusters": "klaster",
    "template_what.age_sets": "kelompok umur",
    "template_what.age_bands": "rentang umur satu kelompok",
    "template_what.bands": "kategori",
    "template_what.migrations": "langkah migrasi",
    "template_what.list": "isi satu daftar",
    "template_where.root": "berkas",
    "template_where.json": "berkas",
    "template_where.weights": "bobot",
    "template_where.indicator": "indikator {no}",
    "template_where.item": "indikator {no}, isian {item}",
    "template_where.other": "{where}",
    # What a bundle item is, in words (``what`` of bundle_item_invalid; the inbox tooltip).
    "what.entry": "isian indikator {indicator} (data tahun {year})",
    "what.review": "tinjauan indikator {indicator} (data tahun {year})",
    "what.evidence": "data dukung {name}",
    "what.evidence_unnamed": "sebuah data dukung",
    "what.activity": "kegiatan \u201c{name}\u201d",
    "what.activity_unnamed": "sebuah kegiatan",
    "what.facility": "fasilitas \u201c{name}\u201d",
    "what.facility_unnamed": "sebuah fasilitas",
    "what.unknown": "sebuah bagian kiriman",
    "what.manifest": "nama pengirim yang tertulis di berkas",
    # What is wrong with it (``detail`` codes of db.sync.validate_item and exports.receipts).
    "detail.not_an_item": "tidak dikenali isinya",
    "detail.base_invalid": "menyebut versi asal yang tidak sah",
    "detail.kind_unknown": "berjenis tidak dikenal",
    "detail.data_not_object": "rusak isinya",
    "detail.hash_mismatch": "tidak cocok dengan sidik jarinya",
    "detail.entry_deleted": "dihapus, padahal isian indikator tidak bisa dihapus",
    "detail.key_mismatch": "menyebut tahun atau nomor indikator yang tidak cocok",
    "detail.year_or_template_unknown": "memakai tahun data atau template yang tidak dikenal",
    "detail.status_invalid": "berstatus tidak sah (bukan draf atau siap)",
    "detail.indicator_unknown": "menyebut indikator yang tidak ada di template",
    "detail.values_invalid": "memuat daftar nilai yang rusak",
    "detail.item_unknown": "memuat isian yang tidak ada di template",
    "detail.value_invalid": "memuat nilai \u201c{item}\u201d yang tidak sah",
    "detail.value_duplicate": "memuat nilai \u201c{item}\u201d dua kali",
    "detail.field_invalid": "memuat {field} yang tidak sah",
    "detail.id_mismatch": "menyebut nomor pengenal yang tidak cocok",
    "detail.sha256_invalid": "menyebut sidik jari berkas yang tidak sah",
    "detail.kind_or_size_invalid": "menyebut jenis atau ukuran berkas yang tidak sah",
    "detail.links_invalid": "memuat tautan ke indikator yang rusak",
    "detail.requirements_invalid": "memuat pilihan data dukung yang diminta yang rusak",
    "detail.link_year_invalid": "ditautkan ke tahun data {year} yang tidak termasuk periode evaluasi",
    "detail.evidence_ids_invalid": "memuat daftar data dukung yang rusak",
    "detail.activity_kind_or_year_invalid": "berjenis atau bertahun kegiatan yang tidak sah",
    "detail.partners_invalid": "memuat mitra yang tidak dikenal",
    "detail.indicators_invalid": "memuat daftar indikator yang rusak",
    "detail.facility_type_invalid": "berjenis fasilitas atau status standardisasi yang tidak dikenal",
    "detail.coordinates_invalid": "memuat koordinat yang tidak sah",
    "detail.review_state_invalid": "berstatus tinjauan yang tidak dikenal",
    "detail.review_invalid": "memuat tinjauan yang rusak",
    "detail.review_target_unknown": "menyebut tahun atau indikator yang tidak ada",
    "detail.content_mismatch": "berisi sesuatu yang bukan jenis berkas yang disebut namanya",
    "detail.unknown": "tidak sah",
    # The fields ``field_invalid`` names.
    "field.notes": "catatan",
    "field.title": "judul",
    "field.description": "uraian",
    "field.date": "tanggal",
    "field.original_name": "nama berkas",
    "field.mime": "jenis berkas",
    "field.caption": "keterangan",
    "field.doc_date": "tanggal dokumen",
    "field.doc_number": "nomor dokumen",
    "field.issuer": "penerbit",
    "field.name": "nama",
    "field.address": "alamat",
    "field.unknown": "isian",
    # Why an import treated an item as it did (db.sync.Decision.reason, exports.bundle items).
    "reason.decided_elsewhere": "DP3AKB sudah memutuskan memakai versi lain",
    "reason.newer_received": "kiriman yang lebih baru (nomor {seq}) sudah diterima",
    "reason.changed_both": "diubah di DP3AKB dan di {unit_kind}",
    "reason.changed_other_pc": "diubah juga di komputer lain {unit_kind} ini (perangkat {device}); pilih versi"
                               " yang benar",
    "reason.restored_older": "{unit_kind} memulihkan cadangan yang lebih lama dari kirimannya nomor {seq}"
                             " yang sudah diterima",
    "reason.file_follows": "berkasnya menyusul di kiriman berikutnya",
    "pc.named": "komputer «{name}» (perangkat {device}, {when})",
    "pc.unnamed": "komputer tanpa nama (perangkat {device}, {when})",
    "pc.when_one": "kiriman {first}",
    "pc.when_span": "kiriman pertama {first}, terakhir {last}",
    "pc.and": " dan ",
    "reason.file_received_again": "berkasnya dikirim ulang dan kini tersimpan utuh",
    "reason.conflict_recorded": "konflik yang sama sudah tercatat",
    # ``detail`` codes of other errors, keyed ``<error code>.<detail>`` (a detail that is not a code,
    # e.g. a file name or the system's own error text, is shown as it is).
    "bundle_zip_bomb.too_many_files": "{count} berkas di dalamnya",
    "bundle_zip_bomb.ratio": "{name} dipadatkan {ratio} kali",
    "bundle_zip_bomb.member_too_large": "{name} berukuran {size} bita",
    "bundle_zip_bomb.total_too_large": "seluruhnya {size} bita",
    "xlsx_zip_bomb.too_many_files": "{count} berkas di dalamnya",
    "xlsx_zip_bomb.too_many_sheets": "{count} lembar",
    "xlsx_zip_bomb.ratio": "{name} dipadatkan {ratio} kali",
    "xlsx_zip_bomb.member_too_large": "{name} berukuran {size} bita",
    "xlsx_zip_bomb.total_too_large": "seluruhnya {size} bita",
    "bundle_zip_bomb.line_too_long": "{name} memuat baris yang terlalu panjang",
    "bundle_zip_bomb.too_many_records": "{count} data di dalamnya; batas {limit}",
    # A member of a bundle named in a refusal (``name``, ``member``, a ``detail`` that is a member's name).
    "member.evidence": "sebuah berkas data dukung",
    "member.records": "daftar isian",
    "member.manifest": "keterangan kiriman",
    "member.sums": "daftar sidik jari",
    "member.signature": "tanda tangan",
    "member.receipt": "isi tanda terima",
    "member.setup": "isi berkas pemasangan",
    "member.template": "templat indikator",
    "member.key": "kunci",
    "bundle_damaged.member_missing": "{name} tidak ada",
    "bundle_damaged.decrypt_failed": "isinya tidak bisa dibuka",
    "bundle_damaged.json_too_deep": "{name} bersarang terlalu dalam",
    "bundle_damaged.unreadable": "isinya tidak bisa dibaca",
    "bundle_damaged.read_failed": "berkas tidak bisa dibaca sampai habis",
    "bundle_damaged.zip_invalid": "isinya bukan ZIP yang utuh",
    "bundle_damaged.email_unreadable": "e-mailnya tidak bisa diurai",
    "dest_write_failed.os_error": "kesalahan sistem {error}",
    # The operating system's own (English) words in a ``detail``, said in Indonesian (see _os_words).
    "os.ENOSPC": "disk penuh",
    "os.EACCES": "tidak diizinkan",
    "os.EROFS": "hanya bisa dibaca",
    "os.ENOENT": "tidak ditemukan",
    "os.EIO": "kesalahan baca/tulis pada perangkat",
    "os.EEXIST": "sudah ada",
    "os.malformed": "berkas basis data cacat",
    "os.not_a_database": "bukan berkas basis data",
    "os.other": "kesalahan sistem",
    "key_invalid.not_ed25519": "bukan kunci Ed25519",
    "key_invalid.age_identity_damaged": "identitas age rusak",
    "key_invalid.age_recipient_damaged": "penerima age rusak",
    "backup_invalid.not_a_store": "bukan basis data KLA Desktop",
    "backup_failed.verification": "salinannya tidak lolos pemeriksaan",
    "setup_invalid.not_setup_file": "bukan berkas pemasangan",
    "setup_invalid.content_unknown": "isinya tidak dikenal",
    "setup_invalid.damaged": "berkasnya rusak atau terpotong",
    "setup_invalid.wrong_type": "berkas jenis lain",
    "setup_invalid.keys_mismatch": "kuncinya tidak cocok",
    # Workspace roles and file kinds named in sentences (``role``, ``needed``, ``type`` parameters).
    "role.city": "DP3AKB",
    "role.kelurahan": "desa/kelurahan",
    # What a unit is, from its Kemendagri code (db.regions.kind_of): "{code_kind} {code}".
    "unit.desa": "desa",
    "unit.kelurahan": "kelurahan",
    "unit.any": "desa/kelurahan",
    # Titles: "Desa Perian", "Kelurahan Manggar", "Kec. Muara Muntai"; a kab/kota's name carries its own word.
    "kind.desa": "Desa",
    "kind.kelurahan": "Kelurahan",
    "kind.any": "Desa/Kelurahan",
    "kind.kecamatan": "Kecamatan",
    "kind.distrik": "Distrik",
    "kind.kecamatan_short": "Kec.",
    "kind.distrik_short": "Distrik",
    # Partners of an activity (db.rules.PARTNERS), as the Kegiatan page names them.
    "partner.dinsos": "Dinas Sosial",
    "partner.puskesmas": "Puskesmas",
    "partner.sekolah": "Sekolah",
    "partner.forum_anak": "Forum Anak",
    "partner.patbm": "PATBM",
    "partner.dunia_usaha": "Dunia usaha",
    "partner.media": "Media",
    "partner.disdukcapil": "Disdukcapil",
    "partner.kua": "KUA",
    "partner.tp_pkk": "TP PKK",
    "partner.lpm": "LPM",
    "partner.rt_rw": "RT/RW",
    "partner.tokoh_agama": "Tokoh agama",
    "partner.lainnya": "Lainnya",
    "type.bundle": "kiriman",
    "type.receipt": "tanda terima",
    "type.setup": "pemasangan",
    "type.restore": "pemulihan",
    # What a long job is doing (db.progress.Step codes), under its progress bar.
    "step.reading_unit": "Membaca data {name}",
    "step.making_demo": "Membuat data contoh {name}",
    "step.export_part_evidence": "Bagian {part}/{parts}: data dukung",
    "step.export_part_done": "Bagian {part}/{parts} selesai",
    "step.checking_file": "Memeriksa {name}",
    "step.receipt_for": "Tanda terima {name}",
    # An enrolment of a unit DP3AKB already holds data of (exports.setup.EnrolResult.held_items).
    "enrol.held_data": (
        "Perhatian: DP3AKB sudah menyimpan {count} item data {unit} dari kiriman sebelumnya, tetapi berkas ini "
        "memasang ruang kerja yang kosong; kiriman dari ruang kerja kosong itu nanti bentrok dengan data yang "
        "tersimpan. Bila {unit} memakai komputer baru atau ruang kerjanya hilang, jangan serahkan berkas ini: buat "
        "berkas pemulihan yang membawa semua data itu dengan perintah kla city restore {code} --out FOLDER. Bila "
        "ruang kerja lamanya masih dipakai, pasang berkas ini di ruang kerja itu; datanya tetap."
    ),
    "receipt.held_elsewhere": (
        "DP3AKB menyimpan {count} item data {unit} yang tidak ada di komputer ini (dari komputer lain, dari ruang "
        "kerja lama, atau diisi DP3AKB). Bila komputer ini menggantikan komputer lama yang datanya hilang, minta "
        "DP3AKB membuat berkas pemulihan agar data itu kembali ke sini."
    ),
    "enrol.held_data_window": (
        "Perhatian: DP3AKB sudah menyimpan {count} item data {unit} dari kiriman sebelumnya, tetapi berkas ini "
        "memasang ruang kerja yang kosong; kiriman dari ruang kerja kosong itu nanti bentrok dengan data yang "
        "tersimpan. Bila {unit} memakai komputer baru atau ruang kerjanya hilang, jangan serahkan berkas ini: pilih "
        "{unit} di daftar lalu klik \u201cBerkas pemulihan\u2026\u201d untuk berkas yang membawa semua data itu. Bila "
        "ruang kerja lamanya masih dipakai, pasang berkas ini di ruang kerja itu; datanya tetap."
    ),
    # A receipt's two numbers, worded alike by DP3AKB writing it and by the unit importing it.
    "receipt.held_new": "DP3AKB sudah menerima {held} item seluruhnya; {new} di antaranya baru atau berubah sejak "
                        "tanda terima no. {since}",
    "receipt.held_first": "DP3AKB sudah menerima {held} item seluruhnya (tanda terima pertama)",
    "receipt.held_none_new": "DP3AKB sudah menerima {held} item seluruhnya; tidak ada yang baru atau berubah sejak "
                             "tanda terima no. {since}",
    "receipt.held": "DP3AKB sudah menerima {held} item seluruhnya",
    # The receipt before it never reached this PC (written by DP3AKB, not handed over or not imported):
    # no number the clerk cannot find in Kiriman's history.
    "receipt.held_new_unseen": "DP3AKB sudah menerima {held} item seluruhnya; {new} di antaranya baru atau berubah "
                               "sejak tanda terima DP3AKB sebelumnya, yang belum pernah diimpor di sini",
    "receipt.held_none_new_unseen": "DP3AKB sudah menerima {held} item seluruhnya; tidak ada yang baru atau berubah "
                                    "sejak tanda terima DP3AKB sebelumnya, yang belum pernah diimpor di sini",
    # The same, short, for a table row (Kiriman's history): the file name beside it keeps some room.
    "receipt.held_new_short": "Diterima DP3AKB {held} item; {new} baru/berubah sejak no. {since}",
    "receipt.held_first_short": "Diterima DP3AKB {held} item (tanda terima pertama)",
    "receipt.held_none_new_short": "Diterima DP3AKB {held} item; tidak ada yang baru sejak no. {since}",
    "receipt.held_short": "Diterima DP3AKB {held} item",
    "receipt.held_new_unseen_short": "Diterima DP3AKB {held} item; {new} baru/berubah sejak tanda terima sebelumnya "
                                     "(tidak diimpor di sini)",
    "receipt.held_none_new_unseen_short": "Diterima DP3AKB {held} item; tidak ada yang baru sejak tanda terima "
                                          "sebelumnya (tidak diimpor di sini)",
    "step.enrolling": "Mendaftarkan {name}",
    "step.copying_evidence": "Menyalin data dukung",
    "step.restoring_data": "Memulihkan data",
    "step.adding_file": "Menambahkan {name}",
    "step.checking_pack": "Memeriksa paket",
    "step.composing_sheet": "Menyusun lembar kemajuan",
    "step.composing_city_report": "Menyusun laporan kota",
    "step.composing_template_change": "Menyusun catatan perubahan template",
    "step.writing_pdf": "Menulis PDF",
    "step.writing_summary": "Menulis ringkasan",
    "step.writing_values": "Menulis nilai",
    "step.writing_evidence": "Menulis data dukung",
    "step.writing_activities": "Menulis kegiatan",
    "step.writing_facilities": "Menulis fasilitas",
    "step.writing_figures": "Menulis rekap angka",
    "step.reading_figures": "Menjumlahkan angka per wilayah",
    "step.saving_workbook": "Menyimpan buku kerja",
    "step.done": "Selesai",
    "step.template_backup": "Membuat cadangan sebelum menerbitkan",
    "step.template_moving": "Memindahkan isian ke versi baru",
    "step.template_origins": "Mencatat isian yang dipindahkan",
    "step.writing_form_sheet": "Menulis lembar {name}",
    "step.reading_form_sheet": "Membaca lembar {name}",
    "step.checking_form_values": "Memeriksa nilai",
    # The Excel form's import: what it says about the workbook and about single cells.
    "form.xlsx_row_ignored": (
        "Baris {ref} ditambahkan di luar formulir, jadi isinya tidak diimpor. Bila itu data, ketik di kotak putih "
        "yang sesuai."
    ),
    "form.xlsx_sheet_ignored": "Lembar “{sheet}” bukan bagian formulir dan dilewati.",
    "form.xlsx_sheet_twice": "Lembar “{sheet}” mengulang indikator {indicator} dan dilewati.",
    "form.xlsx_mapped": "Dibaca dengan pemetaan kolom “{name}”.",
    "form.xlsx_migrated": (
        "Formulir ini dibuat dengan template versi {form_version}; isiannya dipindahkan ke versi {version} "
        "menurut aturan template."
    ),
    "form.kept_newer": (
        "Tidak diubah di formulir; nilai di program diubah setelah formulir diunduh dan tetap dipakai."
    ),
    "form.xlsx_dropped_by_template": "Isian ini dihapus di template versi {version}; nilainya tidak diimpor.",
    "form.xlsx_kept_by_template": (
        "Isian ini tidak ada lagi di template versi {version}; nilainya disimpan di daftar nilai lama "
        "(tidak hilang) dan tidak diisikan ke isian lain."
    ),
    "form.xlsx_merged_into": "Dijumlahkan ke isian \u201c{item}\u201d (template versi {version}).",
    "form.changed_since_form": "Nilai di program juga diubah setelah formulir diunduh; nilai formulir dipakai.",
    "form.flagged": "Diterima, tetapi ditandai untuk diperiksa.",
    "form.new": "Baru diisi.",
    "form.changed": "Nilainya berubah.",
    "form.cleared": "Kotak dikosongkan di formulir; nilainya dihapus.",
    "form.unchanged": "Sama dengan yang tersimpan.",
    "form.empty": "(kosong)",
    "form.kind.new": "Baru",
    "form.kind.changed": "Berubah",
    "form.kind.flagged": "Ditandai",
    "form.kind.invalid": "Tidak sah",
    "form.kind.unchanged": "Tetap",
    "form.sex.L": "Laki-laki",
    "form.sex.P": "Perempuan",
    "form.unknown_item": "isian yang tidak dikenal",
    "form.yes": "ya",
    "form.no": "tidak",
    # The template in words (issue 12: ui/template_words.py): the Template page, kla template diff, the PDF.
    # Items, requirements and rules are named by their words, never by their keys.
    "tpl.status.confirmed": "sudah dikonfirmasi",
    "tpl.status.partly_confirmed": "sebagian dikonfirmasi",
    "tpl.status.unconfirmed": "belum dikonfirmasi",
    "tpl.status.draft": "rumusan masih draf",
    "tpl.kind.count": "jumlah",
    "tpl.kind.amount": "rupiah",
    "tpl.kind.yes_no": "ya/tidak",
    "tpl.kind.choice": "pilihan",
    "tpl.kind.text": "teks",
    "tpl.kind.date": "tanggal",
    "tpl.kind.percent": "persen (dihitung)",
    "tpl.evkind.regulation": "peraturan/kebijakan",
    "tpl.evkind.sk": "surat keputusan (SK)",
    "tpl.evkind.photo": "foto",
    "tpl.evkind.video": "video",
    "tpl.evkind.minutes": "notulen/daftar hadir",
    "tpl.evkind.certificate": "sertifikat/piagam",
    "tpl.evkind.data_table": "tabel/rekap data",
    "tpl.evkind.report": "laporan",
    "tpl.evkind.other": "lainnya",
    "tpl.sex": "L/P",
    "tpl.age": "umur {bands}",
    "tpl.not_split": "tidak dipilah",
    "tpl.recency_any": "boleh dari tahun berapa pun",
    "tpl.recency": "paling lama {years} tahun",
    "tpl.required": "wajib",
    "tpl.optional": "tidak wajib",
    "tpl.count_files": "{count} berkas",
    "tpl.none": "(tidak ada)",
    "tpl.yes": "ya",
    "tpl.no": "tidak",
    "tpl.field.short_name": "Nama singkat",
    "tpl.field.title": "Judul",
    "tpl.field.guidance": "Petunjuk pengisian",
    "tpl.field.source": "Sumber rumusan",
    "tpl.field.cluster": "Klaster",
    "tpl.indicator": "Indikator {indicator} {name}",
    "tpl.whole_template": "Seluruh template",
    "tpl.values_heading": "Nilai yang sudah diisi di desa/kelurahan",
    "tpl.bands_national": (
        "Rentang kategori nasional dari pernyataan pejabat KemenPPPA (nilai maksimal 1.000; Pratama 500–600 sampai "
        "Paripurna 901–1.000). Nama dan batas kategori tertinggi belum dipastikan dalam peraturan."
    ),
    # diff codes (db/template_diff.py)
    "tpl.diff.indicator_added": "Indikator baru: {indicator} “{name}”.",
    "tpl.diff.indicator_removed": "Indikator {indicator} “{name}” tidak dipakai lagi.",
    "tpl.diff.wording_changed": "{field} diubah: “{old}” menjadi “{new}”.",
    "tpl.diff.wording_changed_long": "{field} diubah.",
    "tpl.diff.wording_status_changed": "Status rumusan indikator: {old} → {new}.",
    "tpl.diff.weight_changed": "Bobot {old} → {new}.",
    "tpl.diff.item_added": "Isian baru: “{label}” ({kind}).",
    "tpl.diff.item_removed": "Isian “{label}” tidak ada lagi di versi baru.",
    "tpl.diff.item_renamed": "Isian “{old}” diganti “{new}”.",
    "tpl.diff.item_renamed_same": "Isian “{old}” diganti isian baru dengan kata-kata yang sama.",
    "tpl.diff.item_label": "Isian “{old}” kini berbunyi “{new}”.",
    "tpl.diff.item_help": "Penjelasan isian “{label}” diubah.",
    "tpl.diff.item_required": "Isian “{label}”: {old} → {new}.",
    "tpl.diff.item_type": "Jenis isian “{label}”: {old} → {new}.",
    "tpl.diff.item_split": "Pemilahan isian “{label}”: {old} → {new}.",
    "tpl.diff.item_range": "Angka wajar isian “{label}”: {old} → {new}.",
    "tpl.diff.item_other": "Isian “{label}” diubah (hubungan dengan isian lain atau pilihan jawabannya).",
    "tpl.diff.item_wording_status_changed": "Rumusan isian “{label}”: {old} → {new}.",
    "tpl.diff.evidence_added": "Data dukung baru: “{label}” ({kind}; {count}; {recency}; {required}).",
    "tpl.diff.evidence_removed": "Data dukung “{label}” tidak diminta lagi.",
    "tpl.diff.evidence_label": "Data dukung “{old}” kini berbunyi “{new}”.",
    "tpl.diff.evidence_field": "Data dukung “{label}”: {old} → {new}.",
    "tpl.diff.check_added": "Aturan pemeriksaan baru: {message}",
    "tpl.diff.check_removed": "Aturan pemeriksaan dihapus: {message}",
    "tpl.diff.check_changed": "Aturan pemeriksaan diubah: {message}",
    "tpl.diff.year_change_changed": (
        "Pemeriksaan perubahan dari tahun lalu: lipat {old_factor}, mulai {old_min} → lipat {new_factor}, "
        "mulai {new_min}."
    ),
    "tpl.diff.bands_changed": "Rentang kategori kini: {bands}.",
    "tpl.diff.bands_source": "Sumber rentang kategori: {source}.",
    "tpl.diff.plausibility_changed": "Aturan pemeriksaan angka diubah.",
    "tpl.diff.setting_changed": "Pengaturan template diubah ({field}).",
    "tpl.diff.template_family_changed": "Template lain: {old} → {new}.",
    "tpl.diff.nothing": "Tidak ada perubahan.",
    "tpl.check_unnamed": "aturan tanpa keterangan",
    # migration rules declared in a step (db/template_migration.py), from the old version's words
    "tpl.step.rename": "Nilai yang sudah diisi pada “{old}” pindah ke “{new}”.",
    "tpl.step.merge": (
        "Nilai “{sources}” dijumlahkan ke “{into}”; yang tidak bisa dijumlahkan disimpan terpisah, tidak hilang."
    ),
    "tpl.step.split_carry": "“{old}” dipecah menjadi “{into}”; nilai yang sudah diisi pindah ke “{carry}”.",
    "tpl.step.split_aside": "“{old}” dipecah menjadi “{into}”; nilai yang sudah diisi disimpan terpisah, tidak hilang.",
    "tpl.step.retire": "Isian “{old}” tidak dipakai lagi; nilai yang sudah diisi disimpan terpisah, tidak hilang.",
    "tpl.step.none": "Tidak ada nilai yang dipindahkan: semua isian lama tetap di tempatnya.",
    # what keeps a draft from being published (db/template_drafts.draft_problems, db/template_diff.step_problems)
    "tpl.problem.weights_total": (
        "Jumlah bobot semua indikator {total}, seharusnya {expected}. Ubah bobot indikator lain sampai jumlahnya "
        "{expected}."
    ),
    "tpl.problem.item_without_rule": (
        "Isian “{label}” tidak ada lagi di draf tanpa aturan: nyatakan apakah diganti, digabung, dipecah atau "
        "tidak dipakai lagi, supaya nilai yang sudah diisi tidak hilang."
    ),
    "tpl.problem.rule_source_unknown": "Aturan untuk isian “{label}” menyebut isian yang tidak ada di versi berlaku.",
    "tpl.problem.rule_source_twice": "Isian “{label}” sudah punya aturan; satu isian hanya boleh punya satu aturan.",
    "tpl.problem.rule_target_unknown": "Aturan memindahkan nilai ke isian “{label}” yang tidak ada di draf.",
    "tpl.problem.rule_across_indicators": "Isian dari indikator yang berbeda tidak bisa digabung.",
    "tpl.problem.rule_malformed": "Satu aturan migrasi tidak lengkap; buang draf ini dan buat lagi.",
    # a refused edit, in the window's words (ui/template_words.edit_error_text)
    "tpl.refused.duplicate_item": "Sudah ada isian dengan nama itu di indikator ini. Pakai kata-kata lain.",
    "tpl.refused.part_shape": (
        "Isian “{label}” hanya bisa menjadi bagian dari isian jumlah dengan pemilahan (jenis kelamin, umur) yang "
        "sama."
    ),
    "tpl.refused.whole_in_use": (
        "Isian ini adalah keseluruhan dari isian “{label}”. Pensiunkan atau ubah isian “{label}” dulu."
    ),
    "tpl.refused.in_rule": (
        "Isian ini dipakai aturan pemeriksaan angka. Hapus atau ubah aturan itu dulu (bagian Aturan & kategori)."
    ),
    "tpl.refused.rule_terms": (
        "Aturan pemeriksaan hanya bisa membandingkan isian jumlah yang ada, dengan jenis kelamin dan kelompok umur "
        "yang dimiliki isian itu."
    ),
    "tpl.refused.rule_form": (
        "Aturan pemeriksaan tidak lengkap: perlu keterangan, dua sisi yang dibandingkan dan tanda pembanding."
    ),
    "tpl.refused.disaggregation": "Hanya isian jumlah yang bisa dipilah menurut jenis kelamin atau umur.",
    "tpl.refused.choices": "Isian pilihan perlu sedikitnya satu pilihan jawaban.",
    "tpl.refused.min_max": "Angka wajar terkecil tidak boleh lebih besar dari yang terbesar.",
    "tpl.refused.range_kind": "Angka wajar hanya untuk isian jumlah atau rupiah.",
    "tpl.refused.evidence_kind": "Jenis data dukung itu tidak dikenal. Pilih dari daftar.",
    "tpl.refused.evidence_last": "Setiap indikator perlu sedikitnya satu data dukung; yang terakhir tidak bisa dihapus.",
    "tpl.refused.evidence_gone": "Data dukung itu sudah tidak ada di draf. Pilih yang lain dari daftar.",
    "tpl.refused.item_gone": "Isian itu sudah tidak ada di draf. Pilih yang lain dari daftar.",
    "tpl.refused.weight": "Bobot harus bilangan bulat dari 1 sampai 1.000.",
    "tpl.refused.empty": "Kata-katanya tidak boleh kosong.",
    "tpl.refused.count": "Jumlah berkas paling sedikit 1 dan umur paling lama bilangan bulat tahun (atau kosong).",
    "tpl.refused.too_big": "Isinya terlalu panjang atau terlalu banyak untuk satu template.",
    "tpl.refused.rule_gone": "Aturan pemeriksaan itu sudah tidak ada di draf.",
    "tpl.refused.bands.malformed": "Rentang kategori tidak lengkap.",
    "tpl.refused.bands.source": "Sumber rentang kategori terlalu panjang (paling banyak 2.000 huruf).",
    "tpl.refused.bands.count": "Perlu 1 sampai {limit} kategori.",
    "tpl.refused.bands.label": "Setiap kategori perlu nama (paling banyak 60 huruf).",
    "tpl.refused.bands.key": "Nama kategori “{band}” dipakai dua kali. Pakai nama lain.",
    "tpl.refused.bands.range": (
        "Batas kategori “{band}” harus bilangan bulat 0 sampai {max_points}, batas bawah tidak lebih dari batas atas."
    ),
    "tpl.refused.bands.gap": (
        "Kategori “{band}” tidak menyambung dengan “{previous}”: ada nilai di antaranya yang tidak masuk kategori mana "
        "pun. Batas bawahnya harus satu lebih dari batas atas “{previous}”."
    ),
    "tpl.refused.bands.overlap": (
        "Kategori “{band}” tumpang tindih dengan “{previous}”. Batas bawahnya harus satu lebih dari batas atas "
        "“{previous}”."
    ),
    "tpl.refused.other": "Perubahan ini membuat template tidak sah, jadi tidak dipakai. Tidak ada yang diubah di draf.",
}
"""Phrases the sentences above are built from, keyed ``<kind>.<code>``. Each is translated on its own."""

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def _fill(template: str, params: dict[str, object]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def _word(key: str, tr: Translate, **params: object) -> str:
    return _fill(tr(WORDS[key]), params)


def item_words(key: str, name: str = "", translate: Translate = _same) -> str:
    """'entry/2026/4' -> 'isian indikator 4 (data tahun 2026)'; a key of an unknown kind comes back as it is."""
    kind, _, rest = str(key).partition("/")
    if kind in ("entry", "review"):
        year, _, indicator = rest.partition("/")
        if year.isdigit() and indicator.isdigit():
            return _word(f"what.{kind}", translate, year=year, indicator=indicator)
    elif kind in ("evidence", "activity", "facility"):
        return _word(f"what.{kind}" if name else f"what.{kind}_unnamed", translate, name=name)
    return _word("what.unknown", translate) if key in ("", "?") else str(key)


def _what(key: str, name: str, tr: Translate) -> str:
    words = item_words(key, name, tr)
    return words if words != str(key) else _word("what.unknown", tr)


def bundle_problem_words(params: dict[str, object], translate: Translate = _same) -> str:
    """The ``detail`` code of bundle_item_invalid in words; an older free-text detail is kept, in brackets."""
    detail = str(params.get("detail", ""))
    if f"detail.{detail}" not in WORDS:  # free text from an older caller: shown in brackets
        unknown = _word("detail.unknown", translate)
        return f"{unknown} ({detail})" if detail else unknown
    field = str(params.get("field", ""))
    field_words = _word(f"field.{field}" if f"field.{field}" in WORDS else "field.unknown", translate)
    return _word(f"detail.{detail}", translate, item=params.get("item", ""), year=params.get("year", ""),
                 field=field_words)


def video_guidance(limit_mb: int, translate: Translate = _same) -> str:
    """What the clerk is told about a video's size (the template's ``video_max_mb``)."""
    return _word("evidence.video_guidance", translate, limit=id_number(limit_mb))


def video_large_words(name: str, size: int, limit_mb: int, translate: Translate = _same) -> str:
    """A video kept although larger than the template's guidance."""
    return _word("evidence.video_large", translate, name=name, size=id_number(round(size / (1024 * 1024), 1)),
                 limit=id_number(limit_mb))


def template_problem_words(params: dict[str, object], translate: Translate = _same) -> str:
    """The ``problem`` of template_invalid in words; a free-text problem of an older check in brackets."""
    problem = str(params.get("problem", ""))
    if f"template.{problem}" not in WORDS:
        return _word("template.other", translate, problem=problem)
    what = str(params.get("what", ""))
    what_words = _word(f"template_what.{what}", translate) if f"template_what.{what}" in WORDS else what
    values = {k: id_number(v) for k, v in params.items() if k in ("count", "limit", "total", "expected")}
    return _fill(translate(WORDS[f"template.{problem}"]), {**params, **values, "what_words": what_words})


def template_where_words(params: dict[str, object], translate: Translate = _same) -> str:
    """``where`` of template_invalid ('indicator 6 item forum_2p', 'root') in words."""
    where = str(params.get("where", ""))
    m = re.fullmatch(r"indicator (\d+)(?: item (\S+))?", where)
    if m and m.group(2):
        return _word("template_where.item", translate, no=m.group(1), item=m.group(2))
    if m:
        return _word("template_where.indicator", translate, no=m.group(1))
    if f"template_where.{where}" in WORDS:
        return _word(f"template_where.{where}", translate)
    return _word("template_where.other", translate, where=where)


def import_reason_words(code: str, params: dict[str, object] | None = None, translate: Translate = _same,
                        unit: str = "") -> str:
    """Why an import did what it did with an item (a code of db.sync.Decision or exports.bundle).

    ``unit``: the sender's code, so a kelurahan reads "kelurahan" and a desa "desa" (not "desa/kelurahan")."""
    if f"reason.{code}" not in WORDS:
        return code  # free text (older reports)
    kind = _word(f"unit.{kind_of(unit)}" if UNIT_CODE.match(unit or "") else "role.kelurahan", translate)
    return _word(f"reason.{code}", translate, **{"unit_kind": kind, **(params or {})})


def pc_words(pc: dict[str, object], tr: Translate = _same) -> str:
    """'komputer «PC-KASI» (perangkat 3fa2c1, kiriman pertama 3 Mei 2026, terakhir 9 Mei 2026)'."""
    from exports.paper import fmt_date_long

    def day(v: object) -> str:
        try:
            return fmt_date_long(str(v)[:10]) or "-"
        except (ValueError, TypeError):
            return "-"

    name = str(pc.get("name") or "")
    first, last = day(pc.get("first")), day(pc.get("last"))
    when = _word("pc.when_one", tr, first=first) if first == last else _word("pc.when_span", tr, first=first, last=last)
    return _word("pc.named" if name else "pc.unnamed", tr, name=name, device=str(pc.get("device_id", ""))[:6],
                 when=when)


def shared_key_text(info: dict[str, object], code: str = "", name: str = "", translate: Translate = _same) -> str:
    """What to say of a key two PCs sign with (``FileReport.shared_key`` at DP3AKB with the unit's
    ``code`` and ``name``; a receipt's ``shared_key`` at the kelurahan, without them)."""
    others_raw = info.get("others")
    others = _word("pc.and", translate).join(pc_words(o, translate) for o in others_raw
                                            if isinstance(o, dict)) if isinstance(others_raw, list) else ""
    params: dict[str, object] = {"fingerprint": info.get("fingerprint", ""), "others": others, "code": code}
    if "this" not in info:
        return _fill(translate(MESSAGES["shared_key_unit"]), params)
    this = info.get("this")
    params["this"] = pc_words(this, translate) if isinstance(this, dict) else ""
    params["unit"] = unit_title(code, name, translate) if name else code
    key = "shared_key_city" if info.get("concurrent") else "shared_key_city_earlier"
    return _fill(translate(MESSAGES[key]), params)


def receipt_elsewhere_words(code: str, name: str, count: int, translate: Translate = _same) -> str:
    """A receipt holding items this workspace never had ('' when none): where they may be from, what to do."""
    if count <= 0:
        return ""
    return _word("receipt.held_elsewhere", translate, count=id_number(count), unit=unit_title(code, name, translate))


def enrol_held_words(code: str, name: str, held_items: int, translate: Translate = _same, window: bool = False) -> str:
    """The warning of an enrolment (not a restore) of a unit DP3AKB already holds data of; '' when it holds none.
    ``window``: the way to a restore file is the window's button, not the command."""
    if held_items <= 0:
        return ""
    return _word("enrol.held_data_window" if window else "enrol.held_data", translate, count=id_number(held_items), code=code,
                 unit=unit_title(code, name, translate))


def receipt_count_words(held: int, new: int | None = None, since: int = 0, translate: Translate = _same,
                        number: Callable[[int], str] = str, short: bool = False, since_seen: bool = True) -> str:
    """What a receipt counts, the same words on both sides: every item DP3AKB has received from the unit
    (``held``), and of those how many are ``new`` or changed since receipt no. ``since`` (0: the first
    receipt; ``new`` None: a receipt written before it said so). ``number`` formats a count; ``short``
    for a table row. ``since_seen`` False: receipt no. ``since`` never reached the reader (the unit did
    not import it), so it is not named by its number."""
    end = "_short" if short else ""
    if new is None:
        return _word("receipt.held" + end, translate, held=number(held))
    if not since:
        return _word("receipt.held_first" + end, translate, held=number(held))
    end = ("" if since_seen else "_unseen") + end
    if not new:
        return _word("receipt.held_none_new" + end, translate, held=number(held), since=number(since))
    return _word("receipt.held_new" + end, translate, held=number(held), new=number(new), since=number(since))


def progress_text(step: object, translate: Translate = _same) -> str:
    """What a long job is doing, from its :class:`db.progress.Step`; text from ui/ itself passes through."""
    if not isinstance(step, Step):
        return "" if step is None else str(step)
    if f"step.{step.code}" not in WORDS:
        return str(step)
    return _word(f"step.{step.code}", translate, **step.params)


def named_code(code: str) -> str:
    """'Manggar (64.71.01.1001)' for a unit the reference data knows; the code alone otherwise."""
    from db.regions import reference  # loaded on the first message that names a unit, not at import

    region = reference().get(code)
    return f"{region.name} ({code})" if region is not None else code


_UNIT_PARAMS = ("code", "own", "kelurahan", "owner")
"""Parameters that may hold a desa/kelurahan code; each gets ``<name>_kind`` (desa, kelurahan) in the sentence."""

_CODED_PARAMS = {"role_mismatch": ("role", "needed"), "bundle_wrong_place": ("role", "type")}

# The operating system's or a library's English in a ``detail``: matched to a phrase of ours.
_OS_TEXT = (
    (("errno 28]", "no space left", "disk full", "disk is full", "quota exceeded"), "os.ENOSPC"),
    (("errno 13]", "permission denied", "access is denied", "operation not permitted"), "os.EACCES"),
    (("errno 30]", "read-only file system"), "os.EROFS"),
    (("errno 2]", "no such file", "cannot find the"), "os.ENOENT"),
    (("errno 5]", "input/output error", "i/o error"), "os.EIO"),
    (("errno 17]", "file exists"), "os.EEXIST"),
    (("malformed",), "os.malformed"),
    (("not a database",), "os.not_a_database"),
)
_SYSTEM_TEXT_CODES = {"file_copy_failed", "dest_write_failed", "backup_failed", "backup_invalid", "bundle_damaged",
                      "db_corrupt", "key_invalid", "image_unreadable"}
"""Codes whose ``detail`` may carry the system's own words (``str(exc)``) rather than a code or a name."""


def _os_words(detail: str, tr: Translate) -> str | None:
    """The system's English ``detail`` in our words; None when ``detail`` is a name, not a sentence."""
    low = detail.lower()
    if " " not in detail.strip() and "errno" not in low:
        return None  # a member or file name (manifest.json): shown as it is
    for needles, key in _OS_TEXT:
        if any(n in low for n in needles):
            return _word(key, tr)
    return _word("os.other", tr)
"""Parameters that are a role or file-kind code in these messages (worded with ``role.*``/``type.*``)."""


_MEMBER_CODES = {"bundle_zip_bomb", "bundle_damaged", "bundle_hash_mismatch", "setup_invalid"}
_MEMBERS = {"records.jsonl": "member.records", "manifest.json": "member.manifest", "SHA256SUMS": "member.sums",
            "SHA256SUMS.sig": "member.signature", "receipt.json": "member.receipt", "setup.json": "member.setup"}


def member_words(value: object, tr: Translate = _same) -> str | None:
    """What a member of a KLA file is, in words ("sebuah berkas data dukung"); None when ``value`` is not
    the name of one."""
    if not isinstance(value, str):
        return None
    if value in _MEMBERS:
        return _word(_MEMBERS[value], tr)
    head = value.partition("/")[0]
    if "/" in value and head in ("evidence", "templates", "keys"):
        return _word({"evidence": "member.evidence", "templates": "member.template", "keys": "member.key"}[head], tr)
    return None


def _derived(code: str, params: dict[str, object], tr: Translate) -> dict[str, object]:
    """Parameters that are themselves sentences (worded here, in the caller's language)."""
    if code == "bundle_item_invalid":
        return {"what": _what(str(params.get("key", "")), str(params.get("name", "")), tr),
                "problem": bundle_problem_words(params, tr)}
    if code == "template_invalid":
        return {"problem": template_problem_words(params, tr), "where": template_where_words(params, tr)}
    out: dict[str, object] = {}
    for name in _UNIT_PARAMS:
        # "{code_kind} {code}": desa or kelurahan, as the Kemendagri code says (any text: desa/kelurahan),
        # and the unit's name before its code where the reference data knows it: "kelurahan Manggar
        # (64.71.01.1001)", words before codes.
        value = str(params.get(name, ""))
        kind = kind_of(value) if UNIT_CODE.match(value) else "any"
        out[f"{name}_kind"] = _word(f"unit.{kind}", tr)
        out[f"{name}_named"] = named_code(value) if kind != "any" else value
    if code in ("import_own_bundle", "import_own_receipt"):
        from exports.paper import fmt_date_long

        try:
            out["created_long"] = fmt_date_long(str(params.get("created", ""))[:10]) or params.get("created", "")
        except (ValueError, TypeError):
            out["created_long"] = params.get("created", "")
    if code == "bundle_other_kelurahan":
        key = str(params.get("key", ""))
        out["what"] = _word("what.manifest", tr) if key == "manifest" else _what(key, str(params.get("name", "")), tr)
    if code == "xlsx_other_unit":
        # "Desa Perian" or "Kelurahan Manggar", as each unit's Kemendagri code says.
        for code_key, name_key in (("form_code", "form_unit"), ("unit_code", "unit")):
            value = str(params.get(code_key, ""))
            kind = kind_of(value) if UNIT_CODE.match(value) else "any"
            name = str(params.get(name_key, ""))
            out[f"{name_key}_title"] = name if kind == "any" else f"{_word(f'kind.{kind}', tr)} {name}"
            if name_key == "unit":
                out["unit_word"] = _word(f"unit.{kind}", tr)
    if code == "evidence_kind_unknown" and "kinds" not in params:
        out["kinds"] = ", ".join(_word(f"tpl.evkind.{k}", tr) for k in EVIDENCE_KINDS)
    if code == "partner_unknown":
        out["partners"] = ", ".join(f"{_word(f'partner.{p}', tr)} ({p})" for p in PARTNERS)
    if code in ("enrol_held_data", "enrol_already_enrolled"):
        out["unit"] = unit_title(str(params.get("code", "")), str(params.get("name", "")), tr)
        out["count"] = id_number(params.get("count", 0))
    if code == "conflict_file_missing":
        value = str(params.get("kelurahan", ""))
        out["unit"] = f"{_word(f'unit.{kind_of(value)}', tr)} {named_code(value)}" if UNIT_CODE.match(value) else value
    if code == "bundle_for_other_city":
        from db.regions import reference

        for key in ("city", "here"):
            region = reference().get(str(params.get(key, "")))
            out[f"{key}_name"] = region.name if region is not None else str(params.get(key, ""))
    if code == "backup_other_workspace":
        # Whose each store is, in words: 'kelurahan Manggar (64.71.01.1001)', 'DP3AKB', 'DP3AKB Kota Balikpapan
        # (64.71)'; the meta key that differs ('role', 'kelurahan_code', 'city_code') is never shown.
        key = str(params.get("key", ""))
        for side in ("have", "got"):
            value = str(params.get(side, ""))
            if key == "role":
                out[side] = _word(f"role.{value}", tr) if f"role.{value}" in WORDS else value
            elif key == "kelurahan_code" and UNIT_CODE.match(value):
                out[side] = f"{_word(f'unit.{kind_of(value)}', tr)} {named_code(value)}"
            elif key == "city_code" and value:
                from db.regions import reference

                region = reference().get(value)
                out[side] = f"{_word('role.city', tr)} {region.name} ({value})" if region is not None else \
                    f"{_word('role.city', tr)} {value}"
    if code == "setup_other_workspace":
        # ``own`` is the workspace's kelurahan code, empty for DP3AKB's workspace (``role`` says which).
        own = str(params.get("own", ""))
        own_kind = _word(f"unit.{kind_of(own)}" if UNIT_CODE.match(own) else "role.kelurahan", tr)
        out["own"] = _word("role.city", tr) if params.get("role") == "city" or own in ("", "city") else \
            f"{own_kind} {named_code(own)}"
    for name in _CODED_PARAMS.get(code, ()):
        kind = "type" if name == "type" else "role"
        if f"{kind}.{params.get(name)}" in WORDS:
            out[name] = _word(f"{kind}.{params.get(name)}", tr)
    if code in _MEMBER_CODES:
        # A member's name in the file ("evidence/<sha256>", "records.jsonl") is a key, not words.
        params = dict(params)
        for name in ("name", "member", "detail"):
            words = member_words(params.get(name), tr)
            if words is not None:
                params[name] = out[name] = words
    if code == "receipts_stopped":
        out["cause"] = render(str(params.get("cause", "")), {"path": params.get("path", "")}, tr)
    detail = f"{code}.{params.get('detail', '')}"
    if detail in WORDS:
        out["detail"] = _word(detail, tr, **params)
    elif code in _SYSTEM_TEXT_CODES and isinstance(params.get("detail"), str) and "detail" not in out:
        words = _os_words(str(params["detail"]), tr)
        if words is not None:
            out["detail"] = words
    return out


NUMBER_PARAMS = ("part_value", "whole_value", "rows", "columns", "row_limit", "column_limit", "bytes", "byte_limit",
                 "max_value")
"""Parameters that are counts the clerk typed: shown as 1.234, the way they are typed."""


def id_number(value: object) -> str:
    """1234 -> '1.234', 12.5 -> '12,5' (Indonesian format, without Qt)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    return text.translate(str.maketrans(",.", ".,"))


def display_params(params: dict[str, object]) -> dict[str, object]:
    """``params`` with the counts in :data:`NUMBER_PARAMS` in Indonesian format."""
    return {k: id_number(v) if k in NUMBER_PARAMS else v for k, v in params.items()}


def render(code: str, params: dict[str, object], translate: Translate = _same) -> str:
    """The sentence for an error code in the language of ``translate`` (Indonesian by default).

    ``translate`` maps one Indonesian template or phrase to the user's language (the window passes
    Qt Linguist's ``QCoreApplication.translate("messages", ...)``); it runs *before* the
    parameters are filled in. Unknown codes still read sensibly.
    """
    template = MESSAGES.get(code)
    if template is None:
        detail = ", ".join(f"{k}: {v}" for k, v in params.items())
        return f"Terjadi kesalahan ({code}{': ' + detail if detail else ''})."
    values = {**display_params(params), **_derived(code, params, translate)}
    try:
        return translate(template).format(**values)
    except (KeyError, IndexError):
        try:
            return template.format(**values)
        except (KeyError, IndexError):
            return template


FLAG_NUMBERS = ("part_value", "whole_value", "value", "last_value", "min", "max", "left_value", "right_value",
                "factor")
"""The numbers a flag carries: shown the Indonesian way (1.234; a factor of 2.0 as 2)."""


def flag_text(flag: dict[str, object], translate: Translate = _same) -> str:
    """The sentence for a flag (``db.rules``): what is odd about the stored value and what to do.

    A validation rule's own message (template data, in Indonesian) is used when it has one.
    """
    code = str(flag.get("code", ""))
    if code == "rule_broken" and flag.get("message"):
        return str(flag["message"])
    if code == "value_out_of_range":
        if flag.get("min") is None:
            code = "value_above_max"
        elif flag.get("max") is None:
            code = "value_below_min"
    if f"flag.{code}" not in WORDS:
        return render(code, {k: v for k, v in flag.items() if k != "cells"}, translate)
    params: dict[str, object] = {}
    for k, v in flag.items():
        if k in FLAG_NUMBERS:
            params[k] = id_number(int(v) if isinstance(v, float) and v.is_integer() else v)
        elif k == "indicators" and isinstance(v, tuple | list):
            params[k] = ", ".join(str(i) for i in v)
        elif k != "cells":
            params[k] = v
    return _fill(translate(WORDS[f"flag.{code}"]), params)


def units_kind(kinds: Iterable[str]) -> str:
    """'desa', 'kelurahan' or 'any' for a set of unit kinds (a kota's units, a kabupaten's, one unit)."""
    found = {k for k in kinds if k in ("desa", "kelurahan")}
    return found.pop() if len(found) == 1 else "any"


def units_word(kinds: Iterable[str], translate: Translate = _same, capital: bool = True) -> str:
    """"Kelurahan" in a kota of kelurahan, "Desa" where all are desa, "Desa/Kelurahan" where both are."""
    kind = units_kind(kinds)
    return _word(f"kind.{kind}", translate) if capital else _word(f"unit.{kind}", translate)


def unit_title(code: str, name: str, translate: Translate = _same, short: bool = False) -> str:
    """"Desa Perian", "Kelurahan Manggar", "Kecamatan Muara Muntai" ("Kec." with ``short``); a kab/kota as named."""
    kind = kind_of(code, name)
    if kind in ("desa", "kelurahan"):
        return f"{_word(f'kind.{kind}', translate)} {name}"
    if kind in ("kecamatan", "distrik"):
        return f"{_word(f'kind.{kind}_short' if short else f'kind.{kind}', translate)} {name}"
    return name


def message(code: str, /, **params: object) -> str:
    """The Indonesian sentence for an error code."""
    return render(code, params)


def error_text(exc: KlaError, translate: Translate = _same) -> str:
    return render(exc.code, exc.params, translate)
