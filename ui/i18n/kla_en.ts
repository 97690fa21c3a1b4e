<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Dinas Sosial</source>
        <translation>Social Services Office</translation>
    </message>
    <message>
        <source>Puskesmas</source>
        <translation>Health centre (Puskesmas)</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Schools</translation>
    </message>
    <message>
        <source>Forum Anak</source>
        <translation>Children&apos;s Forum</translation>
    </message>
    <message>
        <source>PATBM</source>
        <translation>PATBM</translation>
    </message>
    <message>
        <source>Dunia usaha</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Disdukcapil</source>
        <translation>Civil Registry (Disdukcapil)</translation>
    </message>
    <message>
        <source>KUA</source>
        <translation>Religious Affairs Office (KUA)</translation>
    </message>
    <message>
        <source>TP PKK</source>
        <translation>Family welfare movement (TP PKK)</translation>
    </message>
    <message>
        <source>LPM</source>
        <translation>Community council (LPM)</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Tokoh agama</source>
        <translation>Religious leaders</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Kegiatan &amp; Inovasi</source>
        <translation>Activities &amp; Innovations</translation>
    </message>
    <message>
        <source>Cari judul…</source>
        <translation>Search titles…</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Kegiatan &amp;baru</source>
        <translation>&amp;New activity</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>tanggal-bulan-tahun, mis. 17-08-2026</source>
        <translation>day-month-year, e.g. 17-08-2026</translation>
    </message>
    <message>
        <source>Tanggal kegiatan: tanggal-bulan-tahun dengan angka, mis. 17-08-2026 untuk 17 Agustus 2026</source>
        <translation>Date of the activity: day-month-year in numbers, e.g. 17-08-2026 for 17 August 2026</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Mitra yang terlibat</source>
        <translation>Partners involved</translation>
    </message>
    <message>
        <source>Indikator terkait</source>
        <translation>Related indicators</translation>
    </message>
    <message>
        <source>Pilih kegiatan di daftar, atau buat kegiatan baru.</source>
        <translation>Choose an activity in the list, or create a new one.</translation>
    </message>
    <message>
        <source>Kegiatan baru</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Hapus kegiatan</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <source>Hapus kegiatan &quot;%1&quot;?</source>
        <translation>Delete activity &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Tidak bisa</source>
        <translation>Could not finish</translation>
    </message>
    <message>
        <source>Terjadi kesalahan di dalam program (%1). Data yang sudah tersimpan tetap aman. Coba lagi; bila terulang, beri tahu petugas pendukung: rinciannya dicatat di berkas log.</source>
        <translation>Something went wrong inside the program (%1). Data already saved is safe. Try again; if it happens again, tell your support person: the details are written in the log file.</translation>
    </message>
</context>
<context>
    <name>BandsDialog</name>
    <message>
        <source>Rentang kategori</source>
        <translation>Category bands</translation>
    </message>
    <message>
        <source>Setiap kategori menyambung dengan yang berikutnya: batas bawah satu lebih dari batas atas kategori sebelumnya. Nilai paling tinggi 1.000.</source>
        <translation>Each category joins the next: its lower limit is one above the upper limit of the category before. The highest score is 1.000.</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Tambah kategori</source>
        <translation>Add a category</translation>
    </message>
    <message>
        <source>Hapus kategori</source>
        <translation>Remove the category</translation>
    </message>
    <message>
        <source>mis. Perwali Nomor … Tahun … tentang Kelurahan Layak Anak</source>
        <translation>e.g. Perwali No. … of … on Child-Friendly Kelurahan</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>BandsModel</name>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
</context>
<context>
    <name>ChaseModel</name>
    <message>
        <source>Lewat batas, belum mengirim</source>
        <translation>Past the deadline, sent nothing</translation>
    </message>
    <message>
        <source>Belum mengirim</source>
        <translation>Sent nothing yet</translation>
    </message>
    <message>
        <source>Lewat batas, belum lengkap</source>
        <translation>Past the deadline, incomplete</translation>
    </message>
    <message>
        <source>Menunggu perbaikan</source>
        <translation>Waiting for revision</translation>
    </message>
    <message>
        <source>Lama tidak mengirim</source>
        <translation>Silent for a long time</translation>
    </message>
    <message>
        <source>Sedang melengkapi</source>
        <translation>Completing</translation>
    </message>
    <message>
        <source>Lengkap dan siap</source>
        <translation>Complete and ready</translation>
    </message>
    <message>
        <source>Kiriman
terakhir</source>
        <translation>Last
bundle</translation>
    </message>
    <message>
        <source>Tanda terima
terakhir</source>
        <translation>Last
receipt</translation>
    </message>
    <message>
        <source>Indikator
siap</source>
        <translation>Indicators
ready</translation>
    </message>
    <message>
        <source>Menunggu
perbaikan</source>
        <translation>Awaiting
revision</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Kelengkapan</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Kapan kiriman terakhir kelurahan ini diterima DP3AKB</source>
        <translation>When DP3AKB received this kelurahan&apos;s last bundle</translation>
    </message>
    <message>
        <source>Hari sejak kiriman terakhir diterima</source>
        <translation>Days since the last bundle was received</translation>
    </message>
    <message>
        <source>Kapan tanda terima terakhir ditulis untuk kelurahan ini; &quot;perlu dikirim&quot;: ada kiriman yang belum dibalas</source>
        <translation>When the last receipt for this kelurahan was written; &quot;to be sent&quot;: a bundle has no receipt yet</translation>
    </message>
    <message>
        <source>Kelengkapan data per tahun data</source>
        <translation>Completeness of the data per data year</translation>
    </message>
    <message>
        <source>Indikator yang sudah ditandai siap oleh kelurahan</source>
        <translation>Indicators the kelurahan has marked ready</translation>
    </message>
    <message>
        <source>Banyaknya indikator yang dikembalikan DP3AKB untuk diperbaiki</source>
        <translation>How many indicators DP3AKB sent back for revision</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>perlu dikirim</source>
        <translation>to be sent</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>belum terpasang</source>
        <translation>not set up</translation>
    </message>
    <message>
        <source>%1 (di daftar cetak bertanda &quot;%2&quot;)</source>
        <translation>%1 (marked &quot;%2&quot; on the printed list)</translation>
    </message>
    <message>
        <source>Indikator %1 (tahun data %2): %3</source>
        <translation>Indicator %1 (data year %2): %3</translation>
    </message>
</context>
<context>
    <name>ChasePage</name>
    <message>
        <source>Belum ada batas waktu</source>
        <translation>No deadline yet</translation>
    </message>
    <message>
        <source>Simpan batas waktu</source>
        <translation>Save deadline</translation>
    </message>
    <message>
        <source>Batas waktu juga tersimpan sendiri begitu diubah</source>
        <translation>The deadline is also saved by itself as soon as it is changed</translation>
    </message>
    <message>
        <source>Cetak daftar (PDF)…</source>
        <translation>Print the list (PDF)…</translation>
    </message>
    <message>
        <source>Daftar pengingat untuk dibawa rapat atau ditempel: PDF siap cetak</source>
        <translation>The reminder list to take to a meeting or pin up: a PDF ready to print</translation>
    </message>
    <message>
        <source>Teks pengingat</source>
        <translation>Reminder text</translation>
    </message>
    <message>
        <source>Salin teks pengingat</source>
        <translation>Copy the reminder text</translation>
    </message>
    <message>
        <source>Salin, lalu tempel di WhatsApp atau e-mail untuk kelurahan ini</source>
        <translation>Copy, then paste into WhatsApp or an e-mail to this kelurahan</translation>
    </message>
    <message>
        <source>Kontak %1</source>
        <translation>Contact of the %1</translation>
    </message>
    <message>
        <source>mis. 0812-3456-7890</source>
        <translation>e.g. 0812-3456-7890</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telepon/WhatsApp</source>
        <translation>Phone/WhatsApp</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Simpan kontak</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <source>Membaca kiriman kelurahan…</source>
        <translation>Reading the kelurahan&apos;s bundles…</translation>
    </message>
    <message>
        <source>Pengingat kiriman · evaluasi %1 (tahun data %2)</source>
        <translation>Submission reminders · evaluation %1 (data years %2)</translation>
    </message>
    <message>
        <source>Batas waktu kiriman evaluasi %1:</source>
        <translation>Submission deadline for evaluation %1:</translation>
    </message>
    <message>
        <source>belum ditetapkan</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Batas waktu: %1. %2. Yang paling mendesak di atas; pilih satu %3 untuk teks pengingatnya.</source>
        <translation>Deadline: %1. %2. The most urgent are at the top; choose one %3 for its reminder text.</translation>
    </message>
    <message>
        <source>Teks pengingat untuk %1</source>
        <translation>Reminder text for %1</translation>
    </message>
    <message>
        <source>Tersalin. Tempel di WhatsApp atau e-mail.</source>
        <translation>Copied. Paste it into WhatsApp or an e-mail.</translation>
    </message>
    <message>
        <source>Batas waktu</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Daftar pengingat tersimpan: %1</source>
        <translation>Reminder list saved: %1</translation>
    </message>
    <message>
        <source>Menyusun daftar pengingat…</source>
        <translation>Composing the reminder list…</translation>
    </message>
</context>
<context>
    <name>CityFiguresPage</name>
    <message>
        <source>Angka kota dan kecamatan dari data yang sudah dikirim kelurahan: jumlah menurut jenis kelamin dan umur, persentase yang dihitung ulang dari jumlah pembilang dan penyebut, dan banyaknya kelurahan untuk jawaban Ya/Tidak dan pilihan. Kelurahan yang belum mengirim tidak dihitung sebagai nol; setiap angka menyebut berapa kelurahan yang tercakup. Pilih wilayah di kiri untuk melihat kecamatan atau kelurahan.</source>
        <translation>City and kecamatan figures from the data the kelurahan have sent: totals by sex and age, percentages recomputed from the summed numerators and denominators, and the number of kelurahan for yes/no answers and choices. A kelurahan that has sent nothing is not counted as zero; every figure says how many kelurahan it covers. Choose an area on the left to see a kecamatan or a kelurahan.</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>(rumusan sementara)</source>
        <translation>(provisional wording)</translation>
    </message>
    <message>
        <source>Hanya indikator yang ditandai siap</source>
        <translation>Only indicators marked ready</translation>
    </message>
    <message>
        <source>Hitung hanya data indikator yang sudah ditandai Siap oleh kelurahan</source>
        <translation>Count only the data of indicators the kelurahan marked Ready</translation>
    </message>
    <message>
        <source>Simpan CSV…</source>
        <translation>Save CSV…</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Menghitung angka kota…</source>
        <translation>Computing the city figures…</translation>
    </message>
    <message>
        <source>Profil Anak Kota · tahun data %1</source>
        <translation>City child profile · data years %1</translation>
    </message>
    <message>
        <source>Semua angka %1, %2 dan %3 dalam satu berkas CSV</source>
        <translation>Every %1, %2 and %3 figure in one CSV file</translation>
    </message>
    <message>
        <source>Ada data</source>
        <translation>Have data</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 dari %2 %3 di wilayah ini sudah punya data indikator ini di DP3AKB (tahun data %4)</source>
        <translation>%1 of %2 %3 in this area have data for this indicator at DP3AKB (data year %4)</translation>
    </message>
    <message>
        <source>Belum ada kelurahan di wilayah ini yang mengirim data indikator ini.</source>
        <translation>No kelurahan in this area has sent data for this indicator yet.</translation>
    </message>
    <message>
        <source>Baris tebal: jumlah semua jenis kelamin dan umur. Arahkan tetikus ke angka untuk melihat berapa kelurahan yang baru mengisi sebagian.</source>
        <translation>Bold rows: totals over every sex and age. Hover over a figure to see how many kelurahan have filled in only part.</translation>
    </message>
    <message>
        <source>Hanya data indikator yang ditandai siap.</source>
        <translation>Only data of indicators marked ready.</translation>
    </message>
    <message>
        <source>* Sementara: ada %1 yang baru mengisi sebagian kolom; berubah setelah semua kolom terisi.</source>
        <translation>* Provisional: some %1 have filled in only some columns; it changes once every column is filled in.</translation>
    </message>
    <message>
        <source>Simpan angka kota (CSV)</source>
        <translation>Save the city figures (CSV)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Menulis CSV…</source>
        <translation>Writing the CSV…</translation>
    </message>
</context>
<context>
    <name>CityHeader</name>
    <message>
        <source>DP3AKB · rekap Kabupaten/Kota Layak Anak dari %1</source>
        <translation>DP3AKB · Child-Friendly Kabupaten/Kota summary from the %1</translation>
    </message>
    <message>
        <source>Periode evaluasi / tahun data</source>
        <translation>Evaluation period / data year</translation>
    </message>
    <message>
        <source>Evaluasi %1 · data %2</source>
        <translation>Evaluation %1 · data %2</translation>
    </message>
    <message>
        <source>Data tahun berapa yang sedang direkap</source>
        <translation>Which data year is being rolled up</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Ganti</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Ganti nama petugas DP3AKB</source>
        <translation>Change the DP3AKB operator&apos;s name</translation>
    </message>
    <message>
        <source>HANYA-BACA</source>
        <translation>READ-ONLY</translation>
    </message>
    <message>
        <source>(belum diisi)</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>CityMatrixModel</name>
    <message>
        <source>Diterima DP3AKB</source>
        <translation>Accepted by DP3AKB</translation>
    </message>
    <message>
        <source>Perlu perbaikan</source>
        <translation>Needs correction</translation>
    </message>
    <message>
        <source>Belum ditinjau</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>Lengkap</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Siap (ditandai kelurahan)</source>
        <translation>Ready (marked by the kelurahan)</translation>
    </message>
    <message>
        <source>✓ Diterima DP3AKB</source>
        <translation>✓ Accepted by DP3AKB</translation>
    </message>
    <message>
        <source>! Perlu perbaikan</source>
        <translation>! Needs correction</translation>
    </message>
    <message>
        <source>Isian wajib belum lengkap (%1): %2</source>
        <translation>Required entries not complete (%1): %2</translation>
    </message>
    <message>
        <source>Data dukung kurang: %1 (ada %2 dari %3)</source>
        <translation>Evidence missing: %1 (%2 of %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n data dukung terlalu lama</source>
        <translation>
            <numerusform>%n evidence file too old</numerusform>
            <numerusform>%n evidence files too old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n angka perlu diperiksa:</source>
        <translation>
            <numerusform>%n figure to check:</numerusform>
            <numerusform>%n figures to check:</numerusform>
        </translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Rata-rata kelengkapan 24 indikator</source>
        <translation>Average completeness of the 24 indicators</translation>
    </message>
    <message>
        <source>%1 (tidak aktif)</source>
        <translation>%1 (retired)</translation>
    </message>
    <message>
        <source>%1 (%2), Kec. %3: kelengkapan %4, siap %5 dari 24</source>
        <translation>%1 (%2), Kec. %3: completeness %4, %5 of 24 ready</translation>
    </message>
    <message>
        <source>%1 — kelengkapan %2</source>
        <translation>%1 — completeness %2</translation>
    </message>
    <message>
        <source>Tidak ada yang kurang.</source>
        <translation>Nothing missing.</translation>
    </message>
    <message>
        <source>Tinjauan: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <source>Klik dua kali untuk melihat dan meninjau.</source>
        <translation>Double-click to view and review.</translation>
    </message>
</context>
<context>
    <name>CityMatrixPage</name>
    <message>
        <source>Semua %1</source>
        <translation>All %1</translation>
    </message>
    <message>
        <source>Matriks kelurahan × indikator</source>
        <translation>Kelurahan × indicator matrix</translation>
    </message>
    <message>
        <source>Jumlah baris yang ditampilkan</source>
        <translation>Totals of the rows shown</translation>
    </message>
    <message>
        <source>Arahkan tetikus ke sel untuk melihat yang kurang; klik dua kali untuk melihat isian, data dukung dan memberi tinjauan.</source>
        <translation>Hover over a cell to see what is missing; double-click to see the values and evidence and to review.</translation>
    </message>
    <message>
        <source>%1 × Indikator · tahun data %2</source>
        <translation>%1 × Indicator · data year %2</translation>
    </message>
    <message>
        <source>%1: %2 %3 × %4 indikator = %5 sel: %6 siap, %7 lengkap, %8 sebagian, %9 belum diisi.</source>
        <translation>%1: %2 %3 × %4 indicators = %5 cells: %6 ready, %7 complete, %8 partly filled, %9 not filled in.</translation>
    </message>
    <message>
        <source>Kelengkapan rata-rata %1. Tinjauan DP3AKB: %2 diterima, %3 perlu perbaikan.</source>
        <translation>Average completeness %1. DP3AKB review: %2 accepted, %3 need correction.</translation>
    </message>
</context>
<context>
    <name>CityReportsPage</name>
    <message>
        <source>Ekspor ke Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Cetak laporan kota…</source>
        <translation>Print the city report…</translation>
    </message>
    <message>
        <source>Cetak laporan kabupaten…</source>
        <translation>Print the regency report…</translation>
    </message>
    <message>
        <source>Pratinjau laporan kabupaten, lalu cetak ke printer yang dipilih</source>
        <translation>Preview the regency report, then print it on the chosen printer</translation>
    </message>
    <message>
        <source>Simpan laporan kabupaten (PDF)</source>
        <translation>Save the regency report (PDF)</translation>
    </message>
    <message>
        <source>Indikator 2, rekap per %1, %2 paling tertinggal, tempat tanda tangan, lalu lampiran: pengingat kiriman, angka kabupaten dan kelengkapan per klaster, sebagai PDF</source>
        <translation>Indicator 2, the summary per %1, the %2 furthest behind, a place to sign, then appendices: submission reminders, regency figures and completeness per cluster, as a PDF</translation>
    </message>
    <message>
        <source>Ringkasan, semua nilai, angka kabupaten dan %1, indikator 2, data dukung, kegiatan dan fasilitas semua %2 dalam satu berkas Excel</source>
        <translation>Summary, every value, regency and %1 figures, indicator 2, evidence, activities and facilities of every %2 in one Excel file</translation>
    </message>
    <message>
        <source>Pratinjau laporan kota, lalu cetak ke printer yang dipilih</source>
        <translation>Preview the city report, then print it on the chosen printer</translation>
    </message>
    <message>
        <source>Simpan laporan kota (PDF)</source>
        <translation>Save the city report (PDF)</translation>
    </message>
    <message>
        <source>Indikator 2, rekap per %1, %2 paling tertinggal, tempat tanda tangan, lalu lampiran: pengingat kiriman, angka kota dan kelengkapan per klaster, sebagai PDF</source>
        <translation>Indicator 2, the summary per %1, the %2 furthest behind, a place to sign, then appendices: submission reminders, city figures and completeness per cluster, as a PDF</translation>
    </message>
    <message>
        <source>Ringkasan, semua nilai, angka kota dan %1, indikator 2, data dukung, kegiatan dan fasilitas semua %2 dalam satu berkas Excel</source>
        <translation>Summary, every value, city and %1 figures, indicator 2, evidence, activities and facilities of every %2 in one Excel file</translation>
    </message>
    <message>
        <source>Paket data dukung</source>
        <translation>Evidence pack</translation>
    </message>
    <message>
        <source>Semua dokumen dan foto tahun data ini dalam satu berkas ZIP, per klaster dan indikator, dengan daftar isi</source>
        <translation>Every document and photo of this data year in one ZIP file, by cluster and indicator, with a table of contents</translation>
    </message>
    <message>
        <source>untuk</source>
        <translation>for</translation>
    </message>
    <message>
        <source>Seluruh kabupaten/kota, atau satu desa/kelurahan saja</source>
        <translation>The whole kabupaten/kota, or one desa/kelurahan only</translation>
    </message>
    <message numerus="yes">
        <source>Seluruh %1 (%n %2)</source>
        <translation>
            <numerusform>The whole %1 (%n %2)</numerusform>
            <numerusform>The whole %1 (%n %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Laporan kemajuan %1 untuk tahun data %2 dari semua kelurahan: yang sudah diisi di kelurahan dan diterima lewat Kotak Masuk. Pilih tahun data lain di bagian atas jendela.</source>
        <translation>Progress report of %1 for data year %2 across all kelurahan: what the kelurahan have filled in and the Inbox has received. Choose another data year at the top of the window.</translation>
    </message>
    <message>
        <source>Menyusun laporan kabupaten…</source>
        <translation>Composing the regency report…</translation>
    </message>
    <message>
        <source>Menyusun laporan kota…</source>
        <translation>Building the city report…</translation>
    </message>
    <message>
        <source>Menulis berkas Excel…</source>
        <translation>Writing the Excel file…</translation>
    </message>
    <message>
        <source>Tidak ada kelurahan bernama “%1”. Pilih dari daftar: klik panah di ujung kanan kotak itu, lalu pilih satu kelurahan atau “Seluruh kota”.</source>
        <translation>There is no kelurahan called “%1”. Choose from the list: click the arrow at the right end of the box, then choose one kelurahan or the whole city.</translation>
    </message>
    <message>
        <source>Menyusun paket data dukung…</source>
        <translation>Building the evidence pack…</translation>
    </message>
</context>
<context>
    <name>CitySummaryPage</name>
    <message>
        <source>Kelengkapan kota</source>
        <translation>City completeness</translation>
    </message>
    <message>
        <source>Kelengkapan kabupaten</source>
        <translation>Kabupaten completeness</translation>
    </message>
    <message>
        <source>Perkiraan nilai kabupaten (tidak resmi)</source>
        <translation>Kabupaten score estimate (unofficial)</translation>
    </message>
    <message>
        <source>Perkiraan nilai kota (tidak resmi)</source>
        <translation>City score estimate (unofficial)</translation>
    </message>
    <message>
        <source>Pendaftaran dan kiriman</source>
        <translation>Enrolment and submissions</translation>
    </message>
    <message>
        <source>Kelembagaan indikator 2: DEKELA, PATBM, Profil Anak, KELANA</source>
        <translation>Institutions indicator 2: DEKELA, PATBM, child profile, KELANA</translation>
    </message>
    <message>
        <source>Arahkan tetikus ke angka untuk melihat %1 atau %2 yang dihitung.</source>
        <translation>Hover over a number to see the %1 or %2 counted.</translation>
    </message>
    <message>
        <source>Catat KELANA…</source>
        <translation>Record KELANA…</translation>
    </message>
    <message>
        <source>Paling tertinggal</source>
        <translation>Furthest behind</translation>
    </message>
    <message>
        <source>Klik dua kali untuk melihatnya di matriks</source>
        <translation>Double-click to see it in the matrix</translation>
    </message>
    <message>
        <source>Ringkasan %1 · tahun data %2 (evaluasi %3)</source>
        <translation>%1 summary · data year %2 (evaluation %3)</translation>
    </message>
    <message>
        <source>%1 %7 × %2 indikator: %3 siap, %4 lengkap, %5 sebagian, %6 belum diisi.</source>
        <translation>%1 %7 × %2 indicators: %3 ready, %4 complete, %5 partly filled, %6 not filled in.</translation>
    </message>
    <message>
        <source>Tinjauan DP3AKB: %1 diterima, %2 perlu perbaikan.</source>
        <translation>DP3AKB review: %1 accepted, %2 need correction.</translation>
    </message>
    <message>
        <source>%1 dari 1.000</source>
        <translation>%1 of 1,000</translation>
    </message>
    <message>
        <source>DEKELA yang memiliki PATBM</source>
        <translation>DEKELA with PATBM</translation>
    </message>
    <message>
        <source>%1 terdaftar (kunci aktif): %2 dari %3</source>
        <translation>%1 enrolled (active key): %2 of %3</translation>
    </message>
    <message>
        <source>Perkiraan milik kabupaten: kelengkapan data %1 ditimbang dengan bobot templat yang tidak resmi, skala 0–1000. Bukan nilai evaluasi KemenPPPA.</source>
        <translation>The kabupaten&apos;s own estimate: the completeness of the %1 data weighted with the template&apos;s unofficial weights, on a 0–1000 scale. Not a KemenPPPA evaluation score.</translation>
    </message>
    <message>
        <source>Perkiraan milik kota: kelengkapan data %1 ditimbang dengan bobot templat yang tidak resmi, skala 0–1000. Bukan nilai evaluasi KemenPPPA.</source>
        <translation>The city&apos;s own estimate: the completeness of the %1 data weighted with the template&apos;s unofficial weights, on a 0–1000 scale. Not a KemenPPPA evaluation score.</translation>
    </message>
    <message>
        <source>%1 berstatus DEKELA</source>
        <translation>%1 with DEKELA status</translation>
    </message>
    <message>
        <source>%1 yang memiliki PATBM</source>
        <translation>%1 with a PATBM</translation>
    </message>
    <message>
        <source>Profil Anak diperbarui (jawaban %1)</source>
        <translation>Child profile updated (the %1&apos;s answer)</translation>
    </message>
    <message>
        <source>Profil Anak tahun data terlampir</source>
        <translation>Child profile of the data year attached</translation>
    </message>
    <message>
        <source>Status Kecamatan Layak Anak setiap %1 dan SK-nya</source>
        <translation>The child-friendly kecamatan (KELANA) status of each %1 and its decree</translation>
    </message>
    <message>
        <source>Per %1</source>
        <translation>Per %1</translation>
    </message>
    <message>
        <source>* perkiraan tidak resmi. Kelengkapan: rata-rata %1 di %2 itu.</source>
        <translation>* unofficial estimate. Completeness: average of the %1 in that %2.</translation>
    </message>
    <message>
        <source>%1 (%2 %3) — %4
%5 indikator belum diisi, %6 sebagian</source>
        <translation>%1 (%2 %3) — %4
%5 indicators empty, %6 partial</translation>
    </message>
    <message>
        <source>%1 berstatus KELANA (dicatat DP3AKB)</source>
        <translation>%1 with KELANA status (recorded by DP3AKB)</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Tahun data %1</source>
        <translation>Data year %1</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>tidak ada di templat</source>
        <translation>not in the template</translation>
    </message>
    <message>
        <source>%1 dari %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Dihitung: %1</source>
        <translation>Counted: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n belum dicatat DP3AKB</source>
        <translation>
            <numerusform>%n not yet recorded by DP3AKB</numerusform>
            <numerusform>%n not yet recorded by DP3AKB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kelurahan belum melaporkannya</source>
        <translation>
            <numerusform>%n kelurahan has not reported it</numerusform>
            <numerusform>%n kelurahan have not reported it</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 poin</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>%1 %2 belum didaftarkan: daftarkan di halaman “%3 Terdaftar” agar kirimannya bisa diimpor.</source>
        <translation>%1 %2 not enrolled yet: enrol them on the “Enrolled %3” page so that their bundles can be imported.</translation>
    </message>
    <message>
        <source>%1 %2 kuncinya dicabut dan belum didaftarkan lagi: kiriman berikutnya ditolak. Daftarkan lagi di halaman “%3 Terdaftar” (untuk komputer pengganti: “Berkas pemulihan…”).</source>
        <translation>%1 %2 had their key revoked and are not enrolled again: their next bundle will be refused. Enrol them again on the “Enrolled %3” page (for a replacement computer: “Restore file…”).</translation>
    </message>
    <message>
        <source>Konflik menunggu keputusan: %1
Kiriman terpecah belum lengkap: %2</source>
        <translation>Conflicts awaiting a decision: %1
Split submissions still incomplete: %2</translation>
    </message>
</context>
<context>
    <name>CityWindow</name>
    <message>
        <source>KLA Desktop — DP3AKB %1</source>
        <translation>KLA Desktop — DP3AKB %1</translation>
    </message>
    <message>
        <source>Navigasi</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Ringkasan Kota</source>
        <translation>City Summary</translation>
    </message>
    <message>
        <source>Ringkasan Kabupaten</source>
        <translation>Kabupaten Summary</translation>
    </message>
    <message>
        <source>Profil Anak Kota</source>
        <translation>City child profile</translation>
    </message>
    <message>
        <source>Profil Anak Kabupaten</source>
        <translation>Kabupaten child profile</translation>
    </message>
    <message>
        <source>Pengingat Kiriman</source>
        <translation>Submission reminders</translation>
    </message>
    <message>
        <source>Kotak Masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Rubrik %1</source>
        <translation>%1 rubric</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Semua tinjauan tersimpan otomatis.</source>
        <translation>Every review is saved automatically.</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan.</source>
        <translation>Backup restored.</translation>
    </message>
    <message>
        <source>Tidak bisa</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Nama Anda (petugas DP3AKB):</source>
        <translation>Your name (DP3AKB operator):</translation>
    </message>
    <message>
        <source>Isian belum tersimpan</source>
        <translation>Input not saved</translation>
    </message>
    <message>
        <source>Ada isian yang belum bisa disimpan (alasannya sudah ditampilkan). Tutup saja dan buang isian itu?</source>
        <translation>Some input could not be saved (the reason was shown). Close anyway and discard that input?</translation>
    </message>
    <message>
        <source>Tutup saja</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <source>Kembali memperbaiki</source>
        <translation>Go back and fix</translation>
    </message>
    <message>
        <source>%1 × Indikator</source>
        <translation>%1 × Indicator</translation>
    </message>
    <message>
        <source>%1 Terdaftar</source>
        <translation>Enrolled %1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Konflik: %1 — %2</source>
        <translation>Conflict: %1 — %2</translation>
    </message>
    <message>
        <source>Isian ini diubah di DP3AKB dan di komputer %1. DP3AKB menyimpan satu versi, kiriman membawa versi lain. Bandingkan keduanya, lalu pilih yang dipakai; kelurahan diberi tahu lewat tanda terima berikutnya.</source>
        <translation>This entry was changed at DP3AKB and on a computer of %1. DP3AKB holds one version, the submission brings another. Compare them, then choose the one to keep; the kelurahan is told with the next receipt.</translation>
    </message>
    <message>
        <source>Isian ini diubah di dua komputer %1. DP3AKB menyimpan satu versi, kiriman membawa versi lain. Bandingkan keduanya, lalu pilih yang dipakai; kelurahan diberi tahu lewat tanda terima berikutnya.</source>
        <translation>This was changed on two computers of %1. DP3AKB holds one version, the bundle brought another. Compare them, then choose the one to keep; the kelurahan is told in the next receipt.</translation>
    </message>
    <message>
        <source>Versi DP3AKB (tersimpan)</source>
        <translation>DP3AKB&apos;s version (held)</translation>
    </message>
    <message>
        <source>Versi kiriman</source>
        <translation>The bundle&apos;s version</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jenis kelamin / umur</source>
        <translation>Sex / age</translation>
    </message>
    <message>
        <source>Versi DP3AKB</source>
        <translation>DP3AKB&apos;s version</translation>
    </message>
    <message numerus="yes">
        <source>%n isian berbeda (ditandai ≠)</source>
        <translation>
            <numerusform>%n entry differs (marked ≠)</numerusform>
            <numerusform>%n entries differ (marked ≠)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pakai versi DP3AKB</source>
        <translation>Keep DP3AKB&apos;s version</translation>
    </message>
    <message>
        <source>Pakai versi kiriman</source>
        <translation>Use the bundle&apos;s version</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tidak ada (dihapus atau belum pernah diterima).</source>
        <translation>None (deleted, or never received).</translation>
    </message>
    <message>
        <source>Diubah oleh: %1</source>
        <translation>Changed by: %1</translation>
    </message>
    <message>
        <source>Diubah pada: %1</source>
        <translation>Changed on: %1</translation>
    </message>
    <message>
        <source>petugas tidak tercatat</source>
        <translation>clerk not recorded</translation>
    </message>
    <message>
        <source>Komputer: %1 (%2), kiriman no. %3</source>
        <translation>Computer: %1 (%2), export no. %3</translation>
    </message>
    <message>
        <source>Komputer: DP3AKB (tidak datang dari kiriman %1)</source>
        <translation>Computer: DP3AKB (it did not come in a submission of %1)</translation>
    </message>
    <message>
        <source>Diterima DP3AKB: %1</source>
        <translation>Received by DP3AKB: %1</translation>
    </message>
    <message>
        <source>Status (draf/siap)</source>
        <translation>Status (draft/ready)</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Tanggal dokumen</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Nomor dokumen</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Penerbit</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Indikator terkait</source>
        <translation>Linked indicators</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Mitra</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Lintang</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Bujur</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Standardisasi</source>
        <translation>Standardisation</translation>
    </message>
    <message>
        <source>laki-laki</source>
        <translation>boys</translation>
    </message>
    <message>
        <source>perempuan</source>
        <translation>girls</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Siap dikirim</source>
        <translation>Ready to send</translation>
    </message>
    <message>
        <source>Indikator %1 (data %2)</source>
        <translation>Indicator %1 (data %2)</translation>
    </message>
    <message>
        <source>Indikator %1</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <source>(berkas belum diterima)</source>
        <translation>(file not received yet)</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Dari perangkat</source>
        <translation>From device</translation>
    </message>
    <message>
        <source>komputer %1</source>
        <translation>computer %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>DisaggregatedGridModel</name>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>* Sementara: dihitung dari %1 dari %2 kolom yang kedua angkanya sudah diisi; angkanya berubah setelah semua kolom terisi.</source>
        <translation>* Provisional: computed from %1 of %2 columns where both numbers are filled in; it changes once every column is filled.</translation>
    </message>
    <message>
        <source>(dihitung otomatis)</source>
        <translation>(calculated automatically)</translation>
    </message>
    <message>
        <source>(usulan)</source>
        <translation>(proposed)</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Dihitung otomatis: %1 dibagi %2 x 100</source>
        <translation>Calculated automatically: %1 divided by %2 x 100</translation>
    </message>
    <message>
        <source>Dijumlahkan otomatis</source>
        <translation>Added up automatically</translation>
    </message>
    <message>
        <source>Tahun %1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EnrolResultDialog</name>
    <message>
        <source>CETAK kata sandi ini dan serahkan TERPISAH dari berkasnya: jangan dikirim bersama dalam satu e-mail atau satu flashdisk.</source>
        <translation>PRINT this passphrase and hand it over SEPARATELY from the file: never in the same e-mail or on the same flash drive.</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Sidik jari kunci DP3AKB</source>
        <translation>DP3AKB key fingerprint</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Di kantor %1: buka KLA Desktop, pilih &quot;Pasang dari berkas DP3AKB&quot; (atau Pengaturan), pilih berkas ini lalu ketik kata sandinya. Cocokkan sidik jarinya dengan lembar ini.</source>
        <translation>At the office of %1: open KLA Desktop, choose &quot;Pasang dari berkas DP3AKB&quot; (or Settings), choose this file and type its passphrase. Compare the fingerprints with this sheet.</translation>
    </message>
    <message>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kata sandi: %1</source>
        <translation>Passphrase: %1</translation>
    </message>
    <message>
        <source>Sidik jari kunci DP3AKB: %1</source>
        <translation>DP3AKB key fingerprint: %1</translation>
    </message>
    <message>
        <source>Berkas: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>%1 terdaftar</source>
        <translation>%1 enrolled</translation>
    </message>
    <message>
        <source>Sidik jari kunci %1</source>
        <translation>Key fingerprint of the %1</translation>
    </message>
    <message>
        <source>Berkas pemulihan untuk %1 sudah ditulis: %2 item data dan %3 berkas data dukung yang diterima DP3AKB ikut di dalamnya.</source>
        <translation>The restore file for %1 has been written: %2 data items and %3 evidence files received by DP3AKB are in it.</translation>
    </message>
    <message>
        <source>Berkas pemasangan untuk %1 sudah ditulis.</source>
        <translation>The setup file for %1 has been written.</translation>
    </message>
    <message>
        <source>KLA Desktop — lembar pemasangan %1 (%2)</source>
        <translation>KLA Desktop — setup sheet for %1 (%2)</translation>
    </message>
</context>
<context>
    <name>EnrolledModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sidik jari kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Belum terdaftar</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Kunci dicabut</source>
        <translation>Key revoked</translation>
    </message>
    <message>
        <source>Alasan pencabutan: %1</source>
        <translation>Reason for revocation: %1</translation>
    </message>
    <message>
        <source>Tidak aktif (datanya disimpan)</source>
        <translation>Retired (its data is kept)</translation>
    </message>
    <message>
        <source>Dinonaktifkan DP3AKB: %1. Datanya tetap tersimpan dan kirimannya masih diterima.</source>
        <translation>Retired by DP3AKB: %1. Its data is kept and its submissions are still accepted.</translation>
    </message>
    <message>
        <source>Kode Kemendagri %1</source>
        <translation>Kemendagri code %1</translation>
    </message>
</context>
<context>
    <name>EnrolledPage</name>
    <message>
        <source>Cabut kunci…</source>
        <translation>Revoke key…</translation>
    </message>
    <message>
        <source>Buat baru</source>
        <translation>Make new</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih folder untuk berkas pemasangan</source>
        <translation>Choose a folder for the setup file</translation>
    </message>
    <message>
        <source>Buat berkas pemulihan untuk %1? Berkas ini memasang ruang kerja berisi semua data %1 yang sudah diterima DP3AKB (%2 item), untuk komputer pengganti atau ruang kerja yang hilang.</source>
        <translation>Make a restore file for %1? It installs a workspace holding all the data of %1 that DP3AKB has received (%2 items), for a replacement PC or a lost workspace.</translation>
    </message>
    <message>
        <source>Kunci baru dibuat; kunci lama tetap aktif sampai dicabut dengan “Cabut kunci…”.</source>
        <translation>A new key is made; the old key stays active until revoked with “Cabut kunci…”.</translation>
    </message>
    <message>
        <source>Mendaftarkan %1…</source>
        <translation>Enrolling %1…</translation>
    </message>
    <message>
        <source>Cabut kunci</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>Alasan (mis. laptop hilang):</source>
        <translation>Reason (e.g. laptop lost):</translation>
    </message>
    <message>
        <source>%1 Terdaftar</source>
        <translation>Enrolled %1</translation>
    </message>
    <message>
        <source>Kiriman hanya diterima dari desa/kelurahan yang terdaftar di sini. Mendaftarkan membuat berkas pemasangan dan kata sandi; mencabut kunci (laptop hilang atau dicuri) membuat kiriman baru dengan kunci itu ditolak. Desa/kelurahan yang belum ada di data wilayah bisa ditambahkan; yang digabung atau dimekarkan dinonaktifkan, datanya tetap.</source>
        <translation>Submissions are accepted only from the desa/kelurahan enrolled here. Enrolling writes a setup file and a passphrase; revoking a key (a lost or stolen laptop) refuses new submissions made with it. A desa/kelurahan missing from the region data can be added; one merged or split is retired and its data kept.</translation>
    </message>
    <message>
        <source>Daftarkan…</source>
        <translation>Enrol…</translation>
    </message>
    <message>
        <source>Daftarkan semua yang belum…</source>
        <translation>Enrol all not enrolled yet…</translation>
    </message>
    <message>
        <source>Satu berkas pemasangan per desa/kelurahan dan satu PDF berisi semua lembar kata sandi, di folder yang dipilih</source>
        <translation>One setup file per desa/kelurahan and one PDF with all passphrase slips, in the folder chosen</translation>
    </message>
    <message>
        <source>Berkas pemulihan…</source>
        <translation>Restore file…</translation>
    </message>
    <message>
        <source>Untuk komputer pengganti atau ruang kerja yang hilang: berkas pemasangan yang membawa semua data desa/kelurahan ini yang sudah diterima DP3AKB</source>
        <translation>For a replacement PC or a lost workspace: a setup file carrying all the data of this desa/kelurahan that DP3AKB has received</translation>
    </message>
    <message>
        <source>Tambah desa/kelurahan…</source>
        <translation>Add a desa/kelurahan…</translation>
    </message>
    <message>
        <source>Ganti nama…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Nonaktifkan…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <source>%1 dari %2 %3 terdaftar</source>
        <translation>%1 of %2 %3 enrolled</translation>
    </message>
    <message>
        <source>%1 lembar kata sandi belum tercetak: klik “Daftarkan semua yang belum…”</source>
        <translation>%1 passphrase slips not printed yet: click “Enrol all not enrolled yet…”</translation>
    </message>
    <message>
        <source>Aktifkan lagi…</source>
        <translation>Reinstate…</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Pilih dulu desa/kelurahannya di daftar.</source>
        <translation>First choose the desa/kelurahan in the list.</translation>
    </message>
    <message>
        <source>%1 sudah dinonaktifkan, jadi tidak didaftarkan. Bila masih dipakai, klik “Aktifkan lagi…” dulu.</source>
        <translation>%1 is retired, so it is not enrolled. If it is still in use, click “Reinstate…” first.</translation>
    </message>
    <message>
        <source>%1 sudah terdaftar. Buat kunci dan berkas pemasangan baru? Kunci lama tetap aktif sampai dicabut.</source>
        <translation>%1 is already enrolled. Make a new key and setup file? The old key stays active until it is revoked.</translation>
    </message>
    <message>
        <source>Berkas pemulihan</source>
        <translation>Restore file</translation>
    </message>
    <message>
        <source>%1 sudah dinonaktifkan. Bila masih dipakai, klik “Aktifkan lagi…” dulu.</source>
        <translation>%1 has been deactivated. If it is still in use, click “Aktifkan lagi…” first.</translation>
    </message>
    <message>
        <source>Buat berkas pemulihan</source>
        <translation>Make restore file</translation>
    </message>
    <message>
        <source>%1 kuncinya dicabut: daftarkan lagi agar kiriman berikutnya diterima</source>
        <translation>%1 with the key revoked: enrol again so that the next bundle is accepted</translation>
    </message>
    <message>
        <source>DP3AKB sudah menyimpan %2 item data %1. Untuk komputer baru atau ruang kerja yang hilang, buat berkas pemulihan: ruang kerjanya terpasang berisi data itu. Berkas pemasangan biasa memasang ruang kerja kosong, dan kirimannya nanti bentrok dengan data yang tersimpan; pakai hanya untuk memasang ulang di ruang kerja lama yang masih ada.</source>
        <translation>DP3AKB already holds %2 data items of %1. For a new PC or a lost workspace, make a restore file: the workspace is installed with that data. A plain setup file installs an empty workspace, whose bundles will then conflict with the data held; use it only to reinstall into the old workspace that still exists.</translation>
    </message>
    <message>
        <source>Tetap buat berkas pemasangan</source>
        <translation>Make the setup file anyway</translation>
    </message>
    <message>
        <source>Pilih folder untuk berkas pemulihan</source>
        <translation>Choose the folder for the restore file</translation>
    </message>
    <message>
        <source>Membuat berkas pemulihan %1…</source>
        <translation>Making the restore file for %1…</translation>
    </message>
    <message>
        <source>%1 terdaftar. Berkas: %2</source>
        <translation>%1 enrolled. File: %2</translation>
    </message>
    <message>
        <source>Pilih dulu desa/kelurahan yang terdaftar (kuncinya masih aktif).</source>
        <translation>First choose an enrolled desa/kelurahan (its key still active).</translation>
    </message>
    <message>
        <source>Cabut semua kunci aktif %1? Kiriman baru dengan kunci itu akan ditolak. Untuk melanjutkan, desa/kelurahan itu harus didaftarkan ulang.</source>
        <translation>Revoke all active keys of %1? New submissions made with them will be refused. To continue, that desa/kelurahan must be enrolled again.</translation>
    </message>
    <message numerus="yes">
        <source>%n kunci %1 dicabut.</source>
        <translation>
            <numerusform>%n key of %1 revoked.</numerusform>
            <numerusform>%n keys of %1 revoked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Daftarkan semua</source>
        <translation>Enrol all</translation>
    </message>
    <message>
        <source>Semua %1 yang aktif sudah terdaftar. Untuk kunci baru satu %1, pilih lalu klik “Daftarkan…”.</source>
        <translation>Every active %1 is enrolled. For a new key for one %1, choose it and click “Enrol…”.</translation>
    </message>
    <message>
        <source>Daftarkan %1 %2 yang belum terdaftar? Satu berkas pemasangan per %2 ditulis ke folder yang Anda pilih, dan satu PDF berisi semua lembar kata sandi (sekitar %3).</source>
        <translation>Enrol the %1 %2 not enrolled yet? One setup file per %2 is written to the folder you choose, and one PDF with all passphrase slips (about %3).</translation>
    </message>
    <message>
        <source>Semua %1 yang aktif sudah terdaftar, tetapi pendaftaran sebelumnya terhenti sebelum lembar kata sandinya tercetak. Tulis PDF lembar kata sandi itu ke folder yang Anda pilih?</source>
        <translation>Every active %1 is enrolled, but an earlier enrolment stopped before its passphrase slips were printed. Write the PDF of those slips to a folder you choose?</translation>
    </message>
    <message>
        <source>%1 di antaranya sudah punya data di DP3AKB: mereka mendapat berkas pemulihan berisi data itu, bukan berkas pemasangan kosong.</source>
        <translation>%1 of them already have data at DP3AKB: they get a restore file carrying that data, not an empty setup file.</translation>
    </message>
    <message>
        <source>Lembar kata sandi %1 %2 dari pendaftaran sebelumnya yang terhenti ikut dicetak.</source>
        <translation>The passphrase slips of %1 %2 from an earlier enrolment that stopped are printed too.</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Mendaftarkan desa/kelurahan…</source>
        <translation>Enrolling desa/kelurahan…</translation>
    </message>
    <message>
        <source>%1 %2 didaftarkan; berkas pemasangannya di %3.</source>
        <translation>%1 %2 enrolled; their setup files are in %3.</translation>
    </message>
    <message>
        <source>Lembar kata sandi %1 %2 dari pendaftaran sebelumnya yang terhenti ikut dicetak (berkas pemasangannya tetap yang lama).</source>
        <translation>The passphrase slips of %1 %2 from an earlier enrolment that stopped are printed too (their setup files are the ones written then).</translation>
    </message>
    <message>
        <source>Lembar kata sandi: %1. Cetak, gunting, serahkan tiap lembar terpisah dari berkasnya, lalu hapus berkas PDF itu: isinya semua kata sandi.</source>
        <translation>Passphrase slips: %1. Print, cut, hand each slip over apart from its file, then delete that PDF: it holds every passphrase.</translation>
    </message>
    <message>
        <source>Lembar kata sandi belum tertulis: %1 Kata sandinya tetap tersimpan, tidak ada yang hilang: klik “Daftarkan semua yang belum…” lagi dan pilih folder yang cukup ruang untuk mencetaknya.</source>
        <translation>The passphrase slips were not written: %1 The passphrases are kept, nothing is lost: click “Enrol all not enrolled yet…” again and choose a folder with enough room to print them.</translation>
    </message>
    <message>
        <source>Berhenti di tengah: %1 Yang sudah didaftarkan tetap terdaftar; klik “Daftarkan semua yang belum…” lagi untuk sisanya.</source>
        <translation>Stopped half way: %1 The units already enrolled stay enrolled; click “Enrol all not enrolled yet…” again for the rest.</translation>
    </message>
    <message>
        <source>%1 %2 yang datanya sudah ada di DP3AKB mendapat berkas pemulihan (berisi data itu), bukan berkas pemasangan kosong: %3. Pasang di komputer penggantinya; datanya ikut.</source>
        <translation>%1 %2 whose data DP3AKB already holds got a restore file (carrying that data), not an empty setup file: %3. Install it on the replacement PC; the data comes with it.</translation>
    </message>
    <message>
        <source>%1 (%2 item)</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <source>Dibatalkan: yang sudah didaftarkan tetap terdaftar dan ada di lembar kata sandi; klik “Daftarkan semua yang belum…” lagi untuk sisanya.</source>
        <translation>Cancelled: those already enrolled stay enrolled and are on the slips; click “Enrol all not enrolled yet…” again for the rest.</translation>
    </message>
    <message>
        <source>Tambah desa/kelurahan</source>
        <translation>Add a desa/kelurahan</translation>
    </message>
    <message>
        <source>%1 (%2) ditambahkan. Daftarkan untuk membuat berkas pemasangannya.</source>
        <translation>%1 (%2) added. Enrol it to write its setup file.</translation>
    </message>
    <message>
        <source>Ganti nama</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nama baru untuk %1 (%2). Nama lama tetap bisa dicari; desa/kelurahan itu menerima nama baru pada tanda terima berikutnya.</source>
        <translation>New name for %1 (%2). The old name can still be searched; that desa/kelurahan receives the new name with its next receipt.</translation>
    </message>
    <message>
        <source>Sekarang bernama %1.</source>
        <translation>Now called %1.</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>Nonaktifkan %1 (digabung, dimekarkan, atau diberi kode baru)? Datanya tetap tersimpan dan tampil sebagai tidak aktif; kirimannya masih diterima. Alasan (misalnya “digabung ke Desa Perian”):</source>
        <translation>Retire %1 (merged, split, or given a new code)? Its data is kept and shown as retired; its submissions are still accepted. Reason (for example “digabung ke Desa Perian”):</translation>
    </message>
    <message>
        <source>%1 dinonaktifkan. Datanya tetap tersimpan.</source>
        <translation>%1 retired. Its data is kept.</translation>
    </message>
    <message>
        <source>%1 aktif lagi.</source>
        <translation>%1 is active again.</translation>
    </message>
    <message>
        <source>kurang dari satu menit</source>
        <translation>less than a minute</translation>
    </message>
    <message numerus="yes">
        <source>%n menit</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message>
        <source>KLA Desktop – Terjadi kesalahan</source>
        <translation>KLA Desktop – Something went wrong</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Salin rincian</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Salin rincian kesalahan untuk ditempel di pesan ke tim pendukung</source>
        <translation>Copy the error details to paste into a message to the support team</translation>
    </message>
    <message>
        <source>Buka folder laporan</source>
        <translation>Open report folder</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Terjadi kesalahan di dalam program. Data Anda aman: semua yang sudah tersimpan tetap ada; hanya langkah terakhir yang sedang berjalan mungkin tidak selesai.

Yang perlu dilakukan: periksa apakah perubahan terakhir Anda sudah tampil. Jika kesalahan muncul lagi, tutup program lalu buka kembali, dan kirim laporan kesalahan ke DP3AKB atau tim pendukung.</source>
        <translation>Something went wrong inside the program. Your data is safe: everything already saved is still there; only the last step that was running may not have finished.

What to do: check whether your last change is shown. If the error appears again, close the program and open it again, and send the error report to DP3AKB or the support team.</translation>
    </message>
    <message>
        <source>Laporan kesalahan disimpan di:
%1</source>
        <translation>The error report was saved in:
%1</translation>
    </message>
    <message>
        <source>Laporan kesalahan tidak bisa disimpan. Tekan &quot;Salin rincian&quot; dan tempel rinciannya di pesan ke tim pendukung.</source>
        <translation>The error report could not be saved. Press &quot;Copy details&quot; and paste the details into a message to the support team.</translation>
    </message>
    <message>
        <source>Rincian tersalin</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Ubah data dukung</source>
        <translation>Change the evidence</translation>
    </message>
    <message>
        <source>Tambah data dukung</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <source>Data dukung yang diminta</source>
        <translation>Evidence asked for</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Paling sedikit (berkas)</source>
        <translation>At least (files)</translation>
    </message>
    <message>
        <source>tahun berapa pun</source>
        <translation>any year</translation>
    </message>
    <message>
        <source> tahun</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Umur dokumen paling lama</source>
        <translation>Document at most</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>&amp;Tambah berkas…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <source>Pilih satu atau beberapa berkas (PDF, foto, dokumen)</source>
        <translation>Choose one or more files (PDF, photos, documents)</translation>
    </message>
    <message>
        <source>Jenis data dukung untuk berkas yang ditambahkan</source>
        <translation>Evidence type for the files being added</translation>
    </message>
    <message>
        <source>Jenis: otomatis</source>
        <translation>Type: automatic</translation>
    </message>
    <message>
        <source>Foto ukuran asli</source>
        <translation>Full-size photos</translation>
    </message>
    <message>
        <source>Simpan foto tanpa diperkecil. Biasanya tidak perlu: foto besar diperkecil agar ringan dikirim, dan tulisannya tetap terbaca.</source>
        <translation>Keep photos without making them smaller. Usually not needed: large photos are made smaller so they send easily, and their text stays readable.</translation>
    </message>
    <message>
        <source>atau seret berkas ke panel ini</source>
        <translation>or drag files onto this panel</translation>
    </message>
    <message>
        <source>Daftar data dukung</source>
        <translation>Evidence list</translation>
    </message>
    <message>
        <source>Belum ada data dukung.</source>
        <translation>No evidence yet.</translation>
    </message>
    <message>
        <source>Misalnya: Foto layanan akta keliling, Mei 2026</source>
        <translation>For example: Photo of the mobile birth-certificate service, May 2026</translation>
    </message>
    <message>
        <source>Nomor surat/dokumen, bila ada</source>
        <translation>Letter/document number, if any</translation>
    </message>
    <message>
        <source>Data dukung yang diminta yang dipenuhi berkas ini (satu berkas, satu persyaratan)</source>
        <translation>The requested evidence this file fulfils (one file, one requirement)</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tanggal dokumen</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Nomor dokumen</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>&amp;Buka</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Buka berkas asli dengan program bawaan komputer</source>
        <translation>Open the original file with the computer&apos;s default program</translation>
    </message>
    <message>
        <source>Tautkan…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Pakai berkas ini juga untuk indikator lain</source>
        <translation>Use this file for other indicators too</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Lepaskan berkas ini dari sini</source>
        <translation>Remove this file from here</translation>
    </message>
    <message>
        <source>Tidak ada data dukung yang diminta.</source>
        <translation>No evidence is asked for.</translation>
    </message>
    <message>
        <source>mis. 17-08-2026</source>
        <translation>e.g. 17-08-2026</translation>
    </message>
    <message>
        <source>Tanggal dokumen: tanggal-bulan-tahun dengan angka, mis. 17-08-2026 untuk 17 Agustus 2026</source>
        <translation>Date of the document: day-month-year in numbers, e.g. 17-08-2026 for 17 August 2026</translation>
    </message>
    <message>
        <source>— dipilih otomatis menurut jenis —</source>
        <translation>— chosen automatically by its kind —</translation>
    </message>
    <message>
        <source>— otomatis: %1 —</source>
        <translation>— automatically: %1 —</translation>
    </message>
    <message>
        <source>Pilih berkas untuk: %1</source>
        <translation>Choose a file for: %1</translation>
    </message>
    <message>
        <source>Dipakai di indikator %1</source>
        <translation>Used for indicator %1</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Lepaskan &quot;%1&quot; dari sini? Berkas ini masih dipakai di tempat lain dan tetap tersimpan.</source>
        <translation>Remove &quot;%1&quot; from here? The file is still used elsewhere and is kept.</translation>
    </message>
    <message>
        <source>Hapus &quot;%1&quot;? Berkas ini tidak dipakai di tempat lain, jadi akan dihapus dari ruang kerja.</source>
        <translation>Delete &quot;%1&quot;? This file is not used anywhere else, so it will be deleted from the workspace.</translation>
    </message>
    <message>
        <source>Hapus data dukung</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih berkas data dukung</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <source>Tunggu sampai berkas sebelumnya selesai diproses.</source>
        <translation>Wait until the previous files are processed.</translation>
    </message>
    <message numerus="yes">
        <source>Menambahkan %n berkas…</source>
        <translation>
            <numerusform>Adding %n file…</numerusform>
            <numerusform>Adding %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n berkas ditambahkan.</source>
        <translation>
            <numerusform>%n file added.</numerusform>
            <numerusform>%n files added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Berkas ini sudah ada di sini: %1. Tidak ditambahkan lagi.</source>
        <translation>This file is already here: %1. It was not added again.</translation>
    </message>
    <message numerus="yes">
        <source>%n foto diperkecil agar ringan dikirim.</source>
        <translation>
            <numerusform>%n photo made smaller so it sends easily.</numerusform>
            <numerusform>%n photos made smaller so they send easily.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dibatalkan; berkas yang sudah masuk tetap tersimpan.</source>
        <translation>Cancelled; files already added are kept.</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Ganti folder…</source>
        <translation>Change folder…</translation>
    </message>
    <message>
        <source>Pilih folder tempat laporan disimpan</source>
        <translation>Choose the folder where reports are saved</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Pratinjau, lalu cetak ke printer yang dipilih</source>
        <translation>Preview, then print on the chosen printer</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Tampilkan di folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Pratinjau halaman 1</source>
        <translation>Preview of page 1</translation>
    </message>
    <message>
        <source>Formulir kosong…</source>
        <translation>Blank forms…</translation>
    </message>
    <message>
        <source>Formulir isian kosong untuk mengumpulkan data di posyandu, RT/RW atau sekolah: tabel jenis kelamin × umur yang masih kosong dan petunjuknya; dipratinjau lalu dicetak</source>
        <translation>Blank forms for collecting data at a posyandu, an RT/RW or a school: the empty sex × age tables with the guidance; previewed, then printed</translation>
    </message>
    <message>
        <source>untuk</source>
        <translation>for</translation>
    </message>
    <message>
        <source>Semua indikator</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <source>(rumusan sementara)</source>
        <translation>(provisional wording)</translation>
    </message>
    <message>
        <source>Formulir kosong KLA</source>
        <translation>Formulir kosong KLA</translation>
    </message>
    <message>
        <source>Menyusun formulir kosong…</source>
        <translation>Composing the blank forms…</translation>
    </message>
    <message>
        <source>Disimpan di folder: %1</source>
        <translation>Saved in folder: %1</translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Dibatalkan. Tidak ada berkas yang ditulis.</source>
        <translation>Cancelled. No file was written.</translation>
    </message>
    <message>
        <source>Laporan tidak bisa dibuat karena kesalahan di dalam program (%1). Tidak ada berkas yang ditulis.</source>
        <translation>The report could not be made because of an error in the program (%1). No file was written.</translation>
    </message>
    <message>
        <source>Folder untuk laporan</source>
        <translation>Folder for reports</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Buat kiriman untuk DP3AKB</source>
        <translation>Create an export for DP3AKB</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Buat kiriman</source>
        <translation>Create export</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ke mana kiriman ditulis?</source>
        <translation>Where should the export be written?</translation>
    </message>
    <message>
        <source>Flashdisk</source>
        <translation>USB drive</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Cari lagi flashdisk yang terpasang</source>
        <translation>Look again for plugged-in USB drives</translation>
    </message>
    <message>
        <source>Folder di komputer ini</source>
        <translation>A folder on this computer</translation>
    </message>
    <message>
        <source>Email (draf .eml untuk program email)</source>
        <translation>Email (.eml drafts for the mail program)</translation>
    </message>
    <message>
        <source>Folder tujuan:</source>
        <translation>Target folder:</translation>
    </message>
    <message>
        <source>Pilih folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Ukuran per bagian</source>
        <translation>Size per part</translation>
    </message>
    <message>
        <source>Flashdisk (tanpa batas, satu berkas)</source>
        <translation>USB drive (no limit, one file)</translation>
    </message>
    <message>
        <source>Ukuran lain</source>
        <translation>Other size</translation>
    </message>
    <message>
        <source>Ukuran lain per bagian</source>
        <translation>Other size per part</translation>
    </message>
    <message>
        <source>Kiriman yang lebih besar dipecah menjadi beberapa bagian. Setiap bagian lengkap dan bisa diimpor sendiri oleh DP3AKB.</source>
        <translation>A larger export is split into several parts. Each part is complete and DP3AKB can import it on its own.</translation>
    </message>
    <message>
        <source>%1 — kosong %2 dari %3</source>
        <translation>%1 — %2 free of %3</translation>
    </message>
    <message>
        <source>Gmail/Outlook</source>
        <translation>Gmail/Outlook</translation>
    </message>
    <message>
        <source>e-mail kantor .go.id</source>
        <translation>office e-mail (.go.id)</translation>
    </message>
    <message>
        <source>Batas ukuran satu email</source>
        <translation>Size limit of one email</translation>
    </message>
    <message>
        <source>%1 (%2 MB per email)</source>
        <translation>%1 (%2 MB per email)</translation>
    </message>
    <message>
        <source>Batas lain</source>
        <translation>Another limit</translation>
    </message>
    <message>
        <source>Batas lain satu email</source>
        <translation>Another limit for one email</translation>
    </message>
    <message>
        <source>Dipecah (%1 MB per bagian)</source>
        <translation>Split (%1 MB per part)</translation>
    </message>
    <message>
        <source>Kiriman ditulis ke folder KLA di flashdisk, lalu dibaca ulang untuk memastikan isinya utuh.</source>
        <translation>The export is written to the KLA folder on the USB drive, then read back to make sure it is intact.</translation>
    </message>
    <message>
        <source>(tidak ada flashdisk terpasang)</source>
        <translation>(no USB drive plugged in)</translation>
    </message>
    <message>
        <source>Tidak ada flashdisk yang terpasang. Colokkan flashdisk, tunggu sampai terbaca oleh komputer, lalu klik Muat ulang.</source>
        <translation>No USB drive is plugged in. Plug one in, wait until the computer shows it, then click Refresh.</translation>
    </message>
    <message>
        <source>Satu draf email per bagian ditulis ke folder itu, ditujukan ke %1. Buka draf di program email lalu kirim.</source>
        <translation>One email draft per part is written to that folder, addressed to %1. Open the draft in the mail program and send it.</translation>
    </message>
    <message>
        <source>Satu draf email per bagian ditulis ke folder itu. Alamat DP3AKB belum diketahui: isi alamatnya sendiri di program email.</source>
        <translation>One email draft per part is written to that folder. DP3AKB&apos;s address is not known yet: fill it in yourself in the mail program.</translation>
    </message>
    <message>
        <source>Setiap draf email, dengan lampirannya yang sudah dikodekan, tidak lebih besar dari batas ini; kiriman yang lebih besar dipecah menjadi beberapa email. Banyak server email kantor .go.id hanya menerima 10 MB: tanyakan batasnya jika ragu.</source>
        <translation>Every email draft, with its attachment encoded, stays within this limit; a larger submission is split into several emails. Many .go.id office mail servers accept only 10 MB: ask for the limit if unsure.</translation>
    </message>
    <message>
        <source>Pilih folder tujuan kiriman</source>
        <translation>Choose the folder for the export</translation>
    </message>
    <message>
        <source>(belum dipilih)</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <source>Colokkan flashdisk lalu klik Muat ulang, atau pilih &quot;Folder&quot; sebagai tujuan.</source>
        <translation>Plug in a flash drive and click Reload, or choose &quot;Folder&quot; as the destination.</translation>
    </message>
    <message>
        <source>Pilih folder tujuan dulu dengan tombol di atas.</source>
        <translation>Choose the destination folder first with the button above.</translation>
    </message>
    <message>
        <source>Tulis kiriman ke tujuan yang dipilih</source>
        <translation>Write the export to the chosen destination</translation>
    </message>
    <message>
        <source>Menulis kiriman…</source>
        <translation>Writing the export…</translation>
    </message>
    <message>
        <source>Data dienkripsi untuk DP3AKB dan ditandatangani dengan kunci %1 ini. Jangan cabut flashdisk selama proses ini.</source>
        <translation>The data is encrypted for DP3AKB and signed with this %1&apos;s key. Do not pull out the flash drive during this.</translation>
    </message>
    <message>
        <source>Menyiapkan…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>Membatalkan… bagian yang sedang ditulis dibuang.</source>
        <translation>Cancelling… the part being written is discarded.</translation>
    </message>
    <message>
        <source>Berkas yang ditulis</source>
        <translation>Files written</translation>
    </message>
    <message>
        <source>Buka di program email</source>
        <translation>Open in mail program</translation>
    </message>
    <message>
        <source>Buka draf email bagian yang dipilih</source>
        <translation>Open the email draft of the selected part</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Cetak berita acara…</source>
        <translation>Print the handover record…</translation>
    </message>
    <message>
        <source>Berita Acara Serah Terima kiriman ini, dengan kode QR untuk diperiksa DP3AKB: cetak, tanda tangani, serahkan bersama flashdisk</source>
        <translation>The handover record (Berita Acara Serah Terima) of this export, with a QR code DP3AKB checks: print it, sign it, hand it over with the flash drive</translation>
    </message>
    <message>
        <source>Tidak ada yang perlu dikirim</source>
        <translation>Nothing to send</translation>
    </message>
    <message>
        <source>Menurut tanda terima yang tercatat di ruang kerja ini tidak ada yang perlu dikirim. Tidak ada berkas yang ditulis.</source>
        <translation>According to the receipt recorded in this workspace there is nothing to send. No file was written.</translation>
    </message>
    <message>
        <source>Semua data sudah diterima DP3AKB menurut tanda terima terakhir. Tidak ada berkas yang ditulis.</source>
        <translation>DP3AKB has all the data according to the last receipt. No file was written.</translation>
    </message>
    <message>
        <source>Langkah berikutnya: tidak ada yang perlu dilakukan sekarang; tutup jendela ini. Bila nanti ada data yang diubah atau ditambahkan, buat kiriman lagi: hanya yang baru atau berubah yang dikirim.</source>
        <translation>Next step: nothing to do now; close this window. When data is changed or added later, make a new bundle: only what is new or changed is sent.</translation>
    </message>
    <message>
        <source>Kiriman no. %1 selesai ditulis dan diperiksa</source>
        <translation>Export no. %1 written and verified</translation>
    </message>
    <message numerus="yes">
        <source>%n bagian, semuanya sudah dibaca ulang dan cocok.</source>
        <translation>
            <numerusform>%n part, read back and matching.</numerusform>
            <numerusform>%n parts, all read back and matching.</numerusform>
        </translation>
    </message>
    <message>
        <source>Isi: %1 item, %2 berkas data dukung (%3).</source>
        <translation>Contents: %1 items, %2 evidence files (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n item tidak dikirim karena DP3AKB memilih versi lain (lihat catatan tanda terima).</source>
        <translation>
            <numerusform>%n item not sent because DP3AKB chose another version (see the receipt notes).</numerusform>
            <numerusform>%n items not sent because DP3AKB chose another version (see the receipt notes).</numerusform>
        </translation>
    </message>
    <message>
        <source>Terkirim dengan angka bertanda kuning yang perlu diperiksa: %1. Periksa di halaman Indikator; kiriman berikutnya membawa perbaikannya.</source>
        <translation>Sent with numbers marked yellow that need checking: %1. Check them on the Indicators page; the next export carries the corrections.</translation>
    </message>
    <message>
        <source>Bagian %1 dari %2 — %3 · %4 item, %5 berkas</source>
        <translation>Part %1 of %2 — %3 · %4 items, %5 files</translation>
    </message>
    <message>
        <source>lebih besar dari batas email; kirim lewat flashdisk</source>
        <translation>larger than the email limit; send it on a USB drive</translation>
    </message>
    <message>
        <source>Draf email: %1 (%2)</source>
        <translation>Email draft: %1 (%2)</translation>
    </message>
    <message>
        <source>Dibaca ulang dan cocok. SHA-256: %1</source>
        <translation>Read back and matching. SHA-256: %1</translation>
    </message>
    <message>
        <source>Langkah berikutnya: buka setiap draf (.eml) di program email, periksa bahwa berkas .kla terlampir, lalu kirim ke %1. Satu email per bagian.</source>
        <translation>Next: open each draft (.eml) in the mail program, check that the .kla file is attached, then send it to %1. One email per part.</translation>
    </message>
    <message>
        <source>alamat email DP3AKB</source>
        <translation>DP3AKB&apos;s email address</translation>
    </message>
    <message>
        <source>Langkah berikutnya: cabut flashdisk dengan aman (Safely Remove / Eject) lalu serahkan ke DP3AKB. Berkas ada di folder KLA.</source>
        <translation>Next: remove the USB drive safely (Safely Remove / Eject) and hand it to DP3AKB. The files are in the KLA folder.</translation>
    </message>
    <message>
        <source>Langkah berikutnya: salin berkas .kla dari folder itu ke flashdisk atau lampirkan ke email untuk DP3AKB.</source>
        <translation>Next: copy the .kla files from that folder to a USB drive or attach them to an email to DP3AKB.</translation>
    </message>
    <message>
        <source>Cetak berita acara serah terima, tanda tangani, dan serahkan bersama kirimannya; DP3AKB memeriksanya dengan kode QR di lembar itu.</source>
        <translation>Print the handover record, sign it and hand it over with the export; DP3AKB checks it with the QR code on the sheet.</translation>
    </message>
    <message>
        <source>Data dianggap terkirim setelah tanda terima dari DP3AKB diimpor di halaman Kiriman.</source>
        <translation>The data counts as sent once DP3AKB&apos;s receipt is imported on the Exports page.</translation>
    </message>
    <message>
        <source>Menyusun berita acara…</source>
        <translation>Composing the handover record…</translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Pembuatan kiriman dibatalkan</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Bagian yang sedang ditulis dibuang; tidak ada berkas setengah jadi yang tertinggal.</source>
        <translation>The part being written was discarded; no half-written file is left behind.</translation>
    </message>
    <message>
        <source>Kiriman tidak selesai</source>
        <translation>The export did not finish</translation>
    </message>
    <message>
        <source>Berkas di atas sudah lengkap, tetapi kirimannya belum: buat kiriman lagi dan kirim yang baru. Berkas di atas boleh dihapus.</source>
        <translation>The files above are complete, but the export is not: create the export again and send the new one. The files above may be deleted.</translation>
    </message>
    <message>
        <source>Belum ada yang terkirim. Klik Kembali untuk mencoba lagi.</source>
        <translation>Nothing was sent. Click Back to try again.</translation>
    </message>
    <message>
        <source>Komputer ini tidak bisa membuka folder %1 dengan program pengelola berkas. Kirimannya sudah tersimpan di sana: buka folder itu lewat pengelola berkas komputer (misalnya Windows Explorer).</source>
        <translation>This computer could not open the folder %1 with a file manager. The bundle is saved there: open that folder with the computer&apos;s file manager (for example Windows Explorer).</translation>
    </message>
    <message>
        <source>1. Tujuan</source>
        <translation>1. Destination</translation>
    </message>
    <message>
        <source>2. Menulis</source>
        <translation>2. Writing</translation>
    </message>
    <message>
        <source>3. Hasil</source>
        <translation>3. Result</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <source>Ruang Bermain Ramah Anak (RBRA)</source>
        <translation>Child-friendly playground (RBRA)</translation>
    </message>
    <message>
        <source>Pusat Informasi Sahabat Anak (PISA)</source>
        <translation>Children&apos;s information centre (PISA)</translation>
    </message>
    <message>
        <source>PUSPAGA</source>
        <translation>Family learning centre (PUSPAGA)</translation>
    </message>
    <message>
        <source>Puskesmas Ramah Anak</source>
        <translation>Child-friendly health centre</translation>
    </message>
    <message>
        <source>Sekolah Ramah Anak (SRA)</source>
        <translation>Child-friendly school (SRA)</translation>
    </message>
    <message>
        <source>Taman Asuh Ramah Anak (TARA)</source>
        <translation>Child-friendly day care (TARA)</translation>
    </message>
    <message>
        <source>Rumah Ibadah Ramah Anak</source>
        <translation>Child-friendly place of worship</translation>
    </message>
    <message>
        <source>Forum Anak</source>
        <translation>Children&apos;s Forum</translation>
    </message>
    <message>
        <source>PATBM</source>
        <translation>PATBM</translation>
    </message>
    <message>
        <source>Posyandu</source>
        <translation>Posyandu (health post)</translation>
    </message>
    <message>
        <source>PAUD</source>
        <translation>Early childhood education (PAUD)</translation>
    </message>
    <message>
        <source>Kawasan Tanpa Rokok</source>
        <translation>Smoke-free area</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Dalam proses</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Terstandar</source>
        <translation>Standardised</translation>
    </message>
    <message>
        <source>Utama</source>
        <translation>Main (Utama)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Standar</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Fasilitas ramah anak</source>
        <translation>Child-friendly facilities</translation>
    </message>
    <message>
        <source>Cari nama…</source>
        <translation>Search names…</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Fasilitas &amp;baru</source>
        <translation>&amp;New facility</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>misalnya -1,2654</source>
        <translation>e.g. -1,2654</translation>
    </message>
    <message>
        <source>Boleh menempel pasangan Lintang dan Bujur yang disalin dari peta (misalnya -1.2391, 116.9012): keduanya masuk ke kotaknya masing-masing.</source>
        <translation>You may paste a latitude and longitude pair copied from a map (for example -1.2391, 116.9012): each goes into its own box.</translation>
    </message>
    <message>
        <source>misalnya 116,8312</source>
        <translation>e.g. 116,8312</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Lintang</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Bujur</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Standardisasi</source>
        <translation>Standardisation</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Pilih fasilitas di daftar, atau tambahkan fasilitas baru.</source>
        <translation>Choose a facility in the list, or add a new one.</translation>
    </message>
    <message>
        <source>Fasilitas baru</source>
        <translation>New facility</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>Hapus fasilitas</source>
        <translation>Delete facility</translation>
    </message>
    <message>
        <source>Hapus fasilitas &quot;%1&quot;?</source>
        <translation>Delete facility &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FigureModel</name>
    <message>
        <source>Laki-laki</source>
        <translation>Boys</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Girls</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>%1 kelurahan (%2)</source>
        <translation>%1 kelurahan (%2)</translation>
    </message>
    <message>
        <source>%1 poin</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jenis
kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Kelompok
umur</source>
        <translation>Age
group</translation>
    </message>
    <message>
        <source>Tercakup
%1</source>
        <translation>Covered
%1</translation>
    </message>
    <message>
        <source>Banyaknya kelurahan yang datanya dihitung, per tahun data</source>
        <translation>How many kelurahan&apos;s data are counted, per data year</translation>
    </message>
    <message>
        <source>Tahun data 1</source>
        <translation>Data year 1</translation>
    </message>
    <message>
        <source>Tahun data 2</source>
        <translation>Data year 2</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Kelurahan tercakup</source>
        <translation>Kelurahan covered</translation>
    </message>
    <message>
        <source>Tahun data %1</source>
        <translation>Data year %1</translation>
    </message>
    <message>
        <source>Semua umur</source>
        <translation>All ages</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Tahun data %1: data dari %2 dari %3 kelurahan</source>
        <translation>Data year %1: data from %2 of %3 kelurahan</translation>
    </message>
    <message numerus="yes">
        <source>%n di antaranya baru mengisi sebagian</source>
        <translation>
            <numerusform>%n of them filled in only part</numerusform>
            <numerusform>%n of them filled in only part</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n menandainya siap</source>
        <translation>
            <numerusform>%n marked it ready</numerusform>
            <numerusform>%n marked it ready</numerusform>
        </translation>
    </message>
    <message>
        <source>Persentase dihitung dari jumlah pembilang dan penyebut semua kelurahan, bukan rata-rata persentase kelurahan.</source>
        <translation>The percentage is computed from the summed numerators and denominators of all kelurahan, not the mean of their percentages.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Selamat datang di KLA Desktop</source>
        <translation>Welcome to KLA Desktop</translation>
    </message>
    <message>
        <source>misalnya Siti Rahmawati</source>
        <translation>e.g. Siti Rahmawati</translation>
    </message>
    <message>
        <source>Nama Anda (petugas)</source>
        <translation>Your name (operator)</translation>
    </message>
    <message>
        <source>Pasang dari berkas DP3AKB</source>
        <translation>Install from DP3AKB&apos;s file</translation>
    </message>
    <message>
        <source>Segera tersedia</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>(segera tersedia)</source>
        <translation>(coming soon)</translation>
    </message>
    <message>
        <source>Contoh DP3AKB (34 kelurahan)</source>
        <translation>DP3AKB sample (34 kelurahan)</translation>
    </message>
    <message>
        <source>Ruang kerja DP3AKB dengan data contoh 34 kelurahan; dibuat sekitar 10 detik</source>
        <translation>A DP3AKB workspace with sample data for 34 kelurahan; takes about 10 seconds to make</translation>
    </message>
    <message>
        <source>Coba dengan data contoh</source>
        <translation>Try with sample data</translation>
    </message>
    <message>
        <source>Kelurahan Margo Mulyo, atau DP3AKB dengan 34 kelurahan, berisi data contoh untuk berlatih. Tidak dikirim ke mana pun.</source>
        <translation>Kelurahan Margo Mulyo, or DP3AKB with 34 kelurahan, filled with sample data for practice. Nothing is sent anywhere.</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Buat ruang kerja</source>
        <translation>Create workspace</translation>
    </message>
    <message>
        <source>Membuat data contoh…</source>
        <translation>Creating sample data…</translation>
    </message>
    <message>
        <source>Membuat data contoh DP3AKB (34 kelurahan)…</source>
        <translation>Making the DP3AKB sample data (34 kelurahan)…</translation>
    </message>
    <message>
        <source>Pilih berkas pemasangan dari DP3AKB</source>
        <translation>Choose DP3AKB&apos;s setup file</translation>
    </message>
    <message>
        <source>Kata sandi berkas</source>
        <translation>File password</translation>
    </message>
    <message>
        <source>Kata sandi yang diberikan DP3AKB bersama berkas ini:</source>
        <translation>The password DP3AKB gave you with this file:</translation>
    </message>
    <message>
        <source>Memasang ruang kerja…</source>
        <translation>Installing the workspace…</translation>
    </message>
    <message>
        <source>Buat ruang kerja DP3AKB %1 (%2): %3 %4, %5 desa, %6 kelurahan?</source>
        <translation>Create the DP3AKB workspace for %1 (%2): %3 %4, %5 desa, %6 kelurahan?</translation>
    </message>
    <message>
        <source>Ruang kerja DP3AKB</source>
        <translation>DP3AKB workspace</translation>
    </message>
    <message>
        <source>Buat ruang kerja DP3AKB</source>
        <translation>Create DP3AKB workspace</translation>
    </message>
    <message>
        <source>Program ini mencatat data dan bukti indikator Desa/Kelurahan Layak Anak, tanpa internet. Pilih cara memulai:</source>
        <translation>This program records the data and evidence of the Child-Friendly Desa/Kelurahan indicators, without internet. Choose how to start:</translation>
    </message>
    <message>
        <source>Berkas pemasangan dari DP3AKB berisi desa atau kelurahan Anda dan kunci kiriman.</source>
        <translation>DP3AKB&apos;s setup file holds your desa or kelurahan and the keys for sending.</translation>
    </message>
    <message>
        <source>Ruang kerja baru untuk desa/kelurahan</source>
        <translation>New workspace for a desa/kelurahan</translation>
    </message>
    <message>
        <source>Mulai kosong untuk desa atau kelurahan Anda. Untuk mengirim ke DP3AKB, berkas pemasangan dari DP3AKB bisa dipasang nanti di Pengaturan; data yang sudah diisi tetap tersimpan.</source>
        <translation>Start empty for your desa or kelurahan. To send to DP3AKB, DP3AKB&apos;s setup file can be installed later in Settings; the data already entered is kept.</translation>
    </message>
    <message>
        <source>Saya DP3AKB (kabupaten/kota)</source>
        <translation>I am DP3AKB (kabupaten/kota)</translation>
    </message>
    <message>
        <source>Untuk petugas DP3AKB kabupaten atau kota: mendaftarkan desa dan kelurahan, menerima kiriman mereka, meninjau dan mencetak laporan.</source>
        <translation>For DP3AKB staff of a kabupaten or kota: enrol desa and kelurahan, receive their submissions, review and print reports.</translation>
    </message>
    <message>
        <source>Cari desa atau kelurahan Anda:</source>
        <translation>Find your desa or kelurahan:</translation>
    </message>
    <message>
        <source>misalnya Manggar atau Sungai Nangka</source>
        <translation>for example Manggar or Sungai Nangka</translation>
    </message>
    <message>
        <source>Cari kabupaten atau kota Anda:</source>
        <translation>Find your kabupaten or kota:</translation>
    </message>
    <message>
        <source>misalnya Balikpapan atau Kutai</source>
        <translation>for example Balikpapan or Kutai</translation>
    </message>
    <message>
        <source>Ketik nama %1 Anda, lalu pilih dari daftar.</source>
        <translation>Type the name of your %1, then choose it from the list.</translation>
    </message>
    <message>
        <source>“%1” belum dipilih. Klik nama %2 Anda di daftar, lalu klik tombol ini lagi.</source>
        <translation>“%1” is not chosen yet. Click your %2 in the list, then click this button again.</translation>
    </message>
    <message>
        <source>Tidak ada %1 bernama “%2”, jadi tidak ada yang dibuat. Periksa ejaannya atau ketik sebagian nama saja, lalu pilih dari daftar.</source>
        <translation>There is no %1 called “%2”, so nothing was created. Check the spelling or type part of the name, then choose from the list.</translation>
    </message>
    <message>
        <source>desa/kelurahan</source>
        <translation>desa/kelurahan</translation>
    </message>
    <message>
        <source>Buat ruang kerja untuk %1, %2, %3 (%4)?</source>
        <translation>Create the workspace for %1, %2, %3 (%4)?</translation>
    </message>
    <message>
        <source>Desa/kelurahan ruang kerja tidak bisa diganti setelah dibuat. Bila DP3AKB sudah memberi Anda berkas pemasangan, pilih Kembali lalu “Pasang dari berkas DP3AKB”.</source>
        <translation>A workspace&apos;s desa/kelurahan cannot be changed once it is created. If DP3AKB has given you a setup file, choose Back and then “Pasang dari berkas DP3AKB”.</translation>
    </message>
    <message>
        <source>Periksa sekali lagi</source>
        <translation>Check once more</translation>
    </message>
    <message>
        <source>Ya, buat ruang kerja</source>
        <translation>Yes, create the workspace</translation>
    </message>
    <message>
        <source>kabupaten/kota</source>
        <translation>kabupaten/kota</translation>
    </message>
    <message>
        <source>Ruang kerja DP3AKB hanya untuk petugas DP3AKB: semua desa dan kelurahan, kotak masuk kiriman dan laporan. Petugas desa atau kelurahan memilih “Pasang dari berkas DP3AKB” atau “Ruang kerja baru untuk desa/kelurahan”.</source>
        <translation>A DP3AKB workspace is for DP3AKB staff only: every desa and kelurahan, the inbox of submissions and the reports. Desa or kelurahan staff choose “Pasang dari berkas DP3AKB” or “Ruang kerja baru untuk desa/kelurahan”.</translation>
    </message>
    <message>
        <source>Berkas pemasangan DP3AKB (*.klasetup *.kla);;Semua berkas (*)</source>
        <translation>DP3AKB setup files (*.klasetup *.kla);;All files (*)</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Tempel</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Potong</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Periode evaluasi / tahun data</source>
        <translation>Evaluation period / data year</translation>
    </message>
    <message>
        <source>Evaluasi %1 · data %2</source>
        <translation>Evaluation %1 · data %2</translation>
    </message>
    <message>
        <source>Data tahun berapa yang sedang diisi</source>
        <translation>Which data year is being filled in</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Ganti</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Ganti nama petugas yang sedang mengisi</source>
        <translation>Change the name of the operator entering data</translation>
    </message>
    <message>
        <source>Kiriman terakhir</source>
        <translation>Last export</translation>
    </message>
    <message>
        <source>HANYA-BACA</source>
        <translation>READ-ONLY</translation>
    </message>
    <message>
        <source>(belum diisi)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Riwayat perubahan</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Isian ini belum pernah diubah.</source>
        <translation>This item has never been changed.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Kiriman ke DP3AKB</source>
        <translation>Export to DP3AKB</translation>
    </message>
    <message>
        <source>Kiriman diterima</source>
        <translation>Export received</translation>
    </message>
    <message>
        <source>Tanda terima dari DP3AKB</source>
        <translation>Receipt from DP3AKB</translation>
    </message>
    <message>
        <source>Tanda terima ditulis</source>
        <translation>Receipt written</translation>
    </message>
    <message>
        <source>Pemasangan dari DP3AKB</source>
        <translation>Setup from DP3AKB</translation>
    </message>
    <message numerus="yes">
        <source>%n isian indikator</source>
        <translation>
            <numerusform>%n indicator entry</numerusform>
            <numerusform>%n indicator entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data dukung</source>
        <translation>
            <numerusform>%n evidence file</numerusform>
            <numerusform>%n evidence files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kegiatan</source>
        <translation>
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fasilitas</source>
        <translation>
            <numerusform>%n facility</numerusform>
            <numerusform>%n facilities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n penghapusan</source>
        <translation>
            <numerusform>%n deletion</numerusform>
            <numerusform>%n deletions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item diakui</source>
        <translation>
            <numerusform>%n item acknowledged</numerusform>
            <numerusform>%n items acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n masih akan dikirim</source>
        <translation>
            <numerusform>%n still to send</numerusform>
            <numerusform>%n still to send</numerusform>
        </translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>no. %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <source>Sidik jari SHA-256: %1</source>
        <translation>SHA-256 fingerprint: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Kelengkapan keseluruhan</source>
        <translation>Overall completeness</translation>
    </message>
    <message>
        <source>Per klaster</source>
        <translation>Per cluster</translation>
    </message>
    <message>
        <source>Perlu dilengkapi</source>
        <translation>To complete</translation>
    </message>
    <message>
        <source>Data dukung terlalu lama untuk periode ini</source>
        <translation>Evidence too old for this period</translation>
    </message>
    <message>
        <source>Berubah sejak kiriman terakhir</source>
        <translation>Changed since the last export</translation>
    </message>
    <message>
        <source>Kategori menurut %1 (DP3AKB, evaluasi %2): %3 — nilai %4 dari %5</source>
        <translation>Category by %1 (DP3AKB, evaluation %2): %3 — score %4 of %5</translation>
    </message>
    <message>
        <source>%1 dari %2 indikator siap dikirim · %3 data dukung · %4 kegiatan/inovasi · %5 fasilitas</source>
        <translation>%1 of %2 indicators ready to send · %3 evidence files · %4 activities/innovations · %5 facilities</translation>
    </message>
    <message numerus="yes">
        <source>%n angka perlu diperiksa</source>
        <translation>
            <numerusform>%n number needs checking</numerusform>
            <numerusform>%n numbers need checking</numerusform>
        </translation>
    </message>
    <message>
        <source>data dukung kurang: %1</source>
        <translation>evidence missing: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n berkas terlalu lama</source>
        <translation>
            <numerusform>%n file too old</numerusform>
            <numerusform>%n files too old</numerusform>
        </translation>
    </message>
    <message>
        <source>Semua isian wajib dan data dukung sudah ada.</source>
        <translation>All required items and evidence are there.</translation>
    </message>
    <message>
        <source>Isian wajib atau data dukung yang belum ada, dan yang diminta DP3AKB untuk diperbaiki. Klik untuk membuka.</source>
        <translation>Required items or evidence still missing, and what DP3AKB asked to correct. Click to open.</translation>
    </message>
    <message>
        <source>Ringkasan %1 — tahun data %2 (evaluasi %3)</source>
        <translation>Summary of %1 — data year %2 (evaluation %3)</translation>
    </message>
    <message>
        <source>Tidak ada.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>DP3AKB: perlu perbaikan</source>
        <translation>DP3AKB: needs correction</translation>
    </message>
    <message numerus="yes">
        <source>%n isian wajib belum lengkap</source>
        <translation>
            <numerusform>%n required entry not complete</numerusform>
            <numerusform>%n required entries not complete</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada perubahan sejak kiriman terakhir.</source>
        <translation>No changes since the last export.</translation>
    </message>
    <message>
        <source>terakhir %1</source>
        <translation>last %1</translation>
    </message>
    <message>
        <source>oleh %1</source>
        <translation>by %1</translation>
    </message>
    <message numerus="yes">
        <source>%n perubahan</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Kegiatan &amp; inovasi</source>
        <translation>Activities &amp; innovations</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
</context>
<context>
    <name>ImportOutcomeModel</name>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Letak di Excel</source>
        <translation>Place in Excel</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>DITOLAK</source>
        <translation>REFUSED</translation>
    </message>
    <message>
        <source>Sama dengan berkas lain</source>
        <translation>Same as another file</translation>
    </message>
    <message>
        <source>Sudah pernah diimpor</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>Lebih lama dari yang ada</source>
        <translation>Older than what is held</translation>
    </message>
    <message>
        <source>Berkas sendiri, dilewati</source>
        <translation>Own file, passed over</translation>
    </message>
    <message>
        <source>Bisa diimpor</source>
        <translation>Can be imported</translation>
    </message>
    <message>
        <source>Diimpor</source>
        <translation>Imported</translation>
    </message>
    <message numerus="yes">
        <source>%n baru</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n berubah</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sama</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lebih lama</source>
        <translation>
            <numerusform>%n older</numerusform>
            <numerusform>%n older</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n konflik</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n konflik (sudah diputuskan)</source>
        <translation>
            <numerusform>%n conflict (decided)</numerusform>
            <numerusform>%n conflicts (all decided)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n konflik belum diputuskan</source>
        <translation>
            <numerusform>%n conflict not decided yet</numerusform>
            <numerusform>%n conflicts not decided yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 dari %n konflik belum diputuskan</source>
        <translation>
            <numerusform>%1 of %n conflict not decided yet</numerusform>
            <numerusform>%1 of %n conflicts not decided yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sudah ditolak</source>
        <translation>
            <numerusform>%n already rejected</numerusform>
            <numerusform>%n already rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>konflik, sudah diputuskan DP3AKB</source>
        <translation>conflict, decided by DP3AKB</translation>
    </message>
    <message>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <source>berubah</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>sama</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>lebih lama dari yang ada, tidak dipakai</source>
        <translation>older than what is held, not used</translation>
    </message>
    <message>
        <source>konflik, menunggu keputusan DP3AKB</source>
        <translation>conflict, waiting for DP3AKB&apos;s decision</translation>
    </message>
    <message>
        <source>sudah ditolak DP3AKB</source>
        <translation>already rejected by DP3AKB</translation>
    </message>
    <message>
        <source>Kiriman ini sudah diimpor sebelumnya; tidak ada yang berubah dan tidak perlu apa-apa lagi.</source>
        <translation>This bundle was imported before; nothing changed and nothing more is needed.</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>(tanda terima DP3AKB)</source>
        <translation>(DP3AKB receipt)</translation>
    </message>
    <message>
        <source>%1 (menurut nama berkasnya)</source>
        <translation>%1 (by its file name)</translation>
    </message>
    <message>
        <source>Berkasnya tidak disalin; alasannya dicatat di karantina: %1</source>
        <translation>The file was not copied; its reason is recorded in quarantine: %1</translation>
    </message>
    <message>
        <source>Disalin ke karantina: %1</source>
        <translation>Copied to quarantine: %1</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Kotak Masuk · impor kiriman %1</source>
        <translation>Inbox · import exports from the %1</translation>
    </message>
    <message>
        <source>Pilih berkas .kla atau draf e-mail .eml, satu folder, atau flashdisk. Semua diperiksa dulu tanpa mengubah apa pun; setelah hasilnya dilihat, klik Impor.</source>
        <translation>Choose .kla files or .eml e-mails, a folder, or a flash drive. Everything is checked first without changing anything; after reviewing the result, click Import.</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Pilih folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Baca flashdisk</source>
        <translation>Read flash drive</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Cari lagi flashdisk yang terpasang</source>
        <translation>Look again for connected flash drives</translation>
    </message>
    <message>
        <source>Flashdisk:</source>
        <translation>Flash drive:</translation>
    </message>
    <message>
        <source>Belum ada berkas yang dipilih.</source>
        <translation>No files chosen yet.</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Masukkan kiriman yang diperiksa ke basis data DP3AKB</source>
        <translation>Put the checked submissions into the DP3AKB database</translation>
    </message>
    <message>
        <source>Konflik menunggu keputusan</source>
        <translation>Conflicts awaiting a decision</translation>
    </message>
    <message>
        <source>Pakai versi DP3AKB</source>
        <translation>Keep DP3AKB&apos;s version</translation>
    </message>
    <message>
        <source>Data yang sudah ada di DP3AKB tetap; kiriman ini diabaikan untuk isian itu</source>
        <translation>The data DP3AKB holds stays; this submission is ignored for that field</translation>
    </message>
    <message>
        <source>Pakai versi kiriman</source>
        <translation>Use the submitted version</translation>
    </message>
    <message>
        <source>Data dari kiriman ini menggantikan yang ada di DP3AKB</source>
        <translation>The data from this submission replaces what DP3AKB holds</translation>
    </message>
    <message>
        <source>Bandingkan kedua versi…</source>
        <translation>Compare both versions…</translation>
    </message>
    <message>
        <source>Nilai, siapa dan kapan mengubahnya, dan di komputer mana, berdampingan (atau klik dua kali konfliknya)</source>
        <translation>The values, who changed them and when, and on which computer, side by side (or double-click the conflict)</translation>
    </message>
    <message>
        <source>Bagian belum diterima dan karantina</source>
        <translation>Parts not yet received, and quarantine</translation>
    </message>
    <message>
        <source>Tulis tanda terima…</source>
        <translation>Write receipts…</translation>
    </message>
    <message>
        <source>Tanda terima bertanda tangan untuk kelurahan yang baru mengirim: apa yang sudah diterima DP3AKB, tinjauan dan catatannya</source>
        <translation>Signed receipts for the kelurahan that just sent something: what DP3AKB holds, its reviews and notes</translation>
    </message>
    <message>
        <source>Kode berita acara (pindai QR)</source>
        <translation>Handover record code (scan the QR)</translation>
    </message>
    <message>
        <source>Kode pemeriksaan berita acara (pindai QR atau ketik)</source>
        <translation>Check code of the handover record (scan the QR or type it)</translation>
    </message>
    <message>
        <source>Kode pemeriksaan berita acara</source>
        <translation>Check code of the handover record</translation>
    </message>
    <message>
        <source>Periksa berita acara</source>
        <translation>Check handover record</translation>
    </message>
    <message>
        <source>(tidak ada flashdisk terpasang)</source>
        <translation>(no flash drive connected)</translation>
    </message>
    <message>
        <source>Pilih kiriman kelurahan</source>
        <translation>Choose kelurahan submissions</translation>
    </message>
    <message>
        <source>Kiriman KLA (*.kla *.eml);;Semua berkas (*)</source>
        <translation>KLA submissions (*.kla *.eml);;All files (*)</translation>
    </message>
    <message>
        <source>Pilih folder berisi kiriman</source>
        <translation>Choose a folder with submissions</translation>
    </message>
    <message>
        <source>Memeriksa kiriman…</source>
        <translation>Checking submissions…</translation>
    </message>
    <message>
        <source>Mengimpor kiriman…</source>
        <translation>Importing submissions…</translation>
    </message>
    <message>
        <source>Memeriksa %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>Tidak ada berkas .kla atau .eml yang ditemukan di sana (folder dicari sampai tiga tingkat). Periksa apakah flashdisk atau folder yang dipilih benar; kiriman bernama KLA-&lt;kode&gt;-…-bagian-….kla.</source>
        <translation>No .kla or .eml file was found there (folders are searched three levels deep). Check that the chosen flash drive or folder is the right one; bundles are named KLA-&lt;code&gt;-…-bagian-….kla.</translation>
    </message>
    <message>
        <source>Uji coba: %1 berkas diperiksa, %2 ditolak, tidak ada yang bisa diimpor. Tidak ada yang diubah: berkas yang ditolak tetap di tempatnya dan tidak disalin ke karantina. Baca kolom Alasan untuk langkah berikutnya.</source>
        <translation>Trial run: %1 files checked, %2 refused, nothing can be imported. Nothing was changed: the refused files stay where they are and were not copied to quarantine. Read the Reason column for what to do next.</translation>
    </message>
    <message>
        <source>Uji coba: %1 berkas diperiksa, %2 bisa diimpor, %3 ditolak. Belum ada yang diubah.</source>
        <translation>Dry run: %1 files checked, %2 can be imported, %3 refused. Nothing has been changed yet.</translation>
    </message>
    <message>
        <source>Impor selesai: %1 berkas diimpor, %2 ditolak (disalin ke karantina).</source>
        <translation>Import finished: %1 files imported, %2 refused (copied to quarantine).</translation>
    </message>
    <message numerus="yes">
        <source>Impor selesai: %n berkas diimpor, tidak ada yang ditolak.</source>
        <translation>
            <numerusform>Import finished: %n file imported, none refused.</numerusform>
            <numerusform>Import finished: %n files imported, none refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tulis tanda terima untuk kelurahan pengirim agar mereka tahu apa yang sudah diterima.</source>
        <translation>Write receipts for the sending kelurahan so they know what has been received.</translation>
    </message>
    <message>
        <source>Dibatalkan. Tidak ada yang diubah.</source>
        <translation>Cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>%1, kiriman no. %2: bagian %3 dari %4 belum diterima</source>
        <translation>%1, submission no. %2: part %3 of %4 not yet received</translation>
    </message>
    <message>
        <source>Karantina: %1</source>
        <translation>Quarantine: %1</translation>
    </message>
    <message numerus="yes">
        <source>Karantina: %n berkas yang pernah ditolak, dengan alasannya (berkas .alasan.txt), ada di %1</source>
        <translation>
            <numerusform>Quarantine: %n file refused earlier, with its reason (.alasan.txt file), is in %1</numerusform>
            <numerusform>Quarantine: %n files refused earlier, with their reasons (.alasan.txt files), are in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada bagian yang tertinggal.</source>
        <translation>No parts missing.</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Pilih dulu satu konflik di daftar.</source>
        <translation>First select a conflict in the list.</translation>
    </message>
    <message>
        <source>Konflik %1: versi DP3AKB tetap dipakai.</source>
        <translation>Conflict %1: the DP3AKB version is kept.</translation>
    </message>
    <message>
        <source>Konflik %1: versi kiriman dipakai.</source>
        <translation>Conflict %1: the submitted version is used.</translation>
    </message>
    <message>
        <source>Pengirimnya diberi tahu lewat tanda terima berikutnya.</source>
        <translation>The sender is told in the next receipt.</translation>
    </message>
    <message>
        <source>Ketik atau pindai kode pemeriksaan dari lembar berita acara.</source>
        <translation>Type or scan the check code from the handover record.</translation>
    </message>
    <message>
        <source>COCOK: lembar ini milik kiriman no. %1 %2 (%3 bagian, semua diterima utuh, diimpor %4).</source>
        <translation>MATCH: this sheet belongs to export no. %1 of %2 (%3 parts, all received intact, imported %4).</translation>
    </message>
    <message>
        <source>TIDAK COCOK: tidak ada kiriman yang sudah diimpor utuh dengan kode itu. Periksa kodenya, lalu impor semua bagian kiriman dari flashdisk yang menyertai lembar ini.</source>
        <translation>NO MATCH: no export imported in full has that code. Check the code, then import every part of the export from the flash drive that came with this sheet.</translation>
    </message>
    <message>
        <source>%1, kiriman no. %2: baru bagian %3 dari %4 yang diterima</source>
        <translation>%1, export no. %2: only part %3 of %4 received</translation>
    </message>
    <message>
        <source>Belum ada %1 yang terdaftar, jadi belum ada tanda terima yang bisa ditulis. Daftarkan dulu di halaman “%2 Terdaftar” (tombol “Daftarkan…”), lalu tulis tanda terima lagi.</source>
        <translation>No %1 is enrolled yet, so there is no receipt to write. Enrol first on the “Enrolled %2” page (the “Enrol…” button), then write the receipts again.</translation>
    </message>
    <message>
        <source>Pilih folder untuk tanda terima</source>
        <translation>Choose a folder for the receipts</translation>
    </message>
    <message>
        <source>Menulis tanda terima…</source>
        <translation>Writing receipts…</translation>
    </message>
    <message>
        <source>Belum ada %1 yang terdaftar; tidak ada tanda terima ditulis. Daftarkan dulu di halaman “%2 Terdaftar” (tombol “Daftarkan…”).</source>
        <translation>No %1 is enrolled yet; no receipts written. Enrol first on the “Enrolled %2” page (the “Enrol…” button).</translation>
    </message>
    <message>
        <source>Tanda terima %1 no. %2: %3; %4 tinjauan → %5</source>
        <translation>Receipt for %1 no. %2: %3; %4 reviews → %5</translation>
    </message>
    <message>
        <source>Folder: %1. Serahkan lewat flashdisk atau lampirkan ke e-mail untuk kelurahan.</source>
        <translation>Folder: %1. Hand them over on a flash drive or attach them to an e-mail for the kelurahan.</translation>
    </message>
</context>
<context>
    <name>IndicatorDetailDialog</name>
    <message>
        <source>Isian</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Klik dua kali untuk membuka berkas</source>
        <translation>Double-click to open the file</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Tinjauan DP3AKB</source>
        <translation>DP3AKB review</translation>
    </message>
    <message>
        <source>Catatan untuk kelurahan (ikut terkirim di tanda terima)</source>
        <translation>Note for the kelurahan (sent with the receipt)</translation>
    </message>
    <message>
        <source>%1 · tahun data %2 · %3, kelengkapan %4</source>
        <translation>%1 · data year %2 · %3, completeness %4</translation>
    </message>
    <message>
        <source>Desa/kelurahan ini belum mengisi indikator ini.</source>
        <translation>This desa/kelurahan has not filled in this indicator yet.</translation>
    </message>
    <message>
        <source>Perlu perbaikan</source>
        <translation>Needs correction</translation>
    </message>
    <message>
        <source>Hapus tinjauan</source>
        <translation>Clear review</translation>
    </message>
    <message>
        <source>Data indikator ini berubah sesudah ditinjau (kiriman baru dari kelurahan): periksa lagi, lalu simpan tinjauannya kembali.</source>
        <translation>This indicator&apos;s data changed after it was reviewed (a new bundle from the kelurahan): check it again, then save the review again.</translation>
    </message>
    <message>
        <source>&amp;Diterima</source>
        <translation>&amp;Accepted</translation>
    </message>
    <message>
        <source>Alt+D; Ctrl+Enter: diterima lalu indikator berikutnya</source>
        <translation>Alt+A; Ctrl+Enter: accepted, then the next indicator</translation>
    </message>
    <message>
        <source>&amp;Perlu perbaikan</source>
        <translation>Needs &amp;revision</translation>
    </message>
    <message>
        <source>Alt+P (tulis dulu catatannya)</source>
        <translation>Alt+R (write the note first)</translation>
    </message>
    <message>
        <source>Kembalikan ke belum ditinjau</source>
        <translation>Set back to not reviewed</translation>
    </message>
    <message>
        <source>Tinjauan dan catatan dikirim ke kelurahan bersama tanda terima berikutnya.</source>
        <translation>The review and note reach the kelurahan with the next receipt.</translation>
    </message>
    <message>
        <source>◀ Indikator sebelumnya</source>
        <translation>◀ Previous indicator</translation>
    </message>
    <message>
        <source>PgUp; Ctrl+PgUp: indikator yang sama di kelurahan sebelumnya</source>
        <translation>PgUp; Ctrl+PgUp: the same indicator of the previous kelurahan</translation>
    </message>
    <message>
        <source>Indikator berikutnya ▶</source>
        <translation>Next indicator ▶</translation>
    </message>
    <message>
        <source>PgDown; Ctrl+PgDown: indikator yang sama di kelurahan berikutnya</source>
        <translation>PgDown; Ctrl+PgDown: the same indicator of the next kelurahan</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tinjau %1 — indikator %2</source>
        <translation>Review %1 — indicator %2</translation>
    </message>
    <message>
        <source>Yang masih kurang:</source>
        <translation>Still missing:</translation>
    </message>
    <message>
        <source>Tidak ada isian wajib atau data dukung yang kurang.</source>
        <translation>No required field or evidence is missing.</translation>
    </message>
    <message>
        <source>Untuk: %1</source>
        <translation>For: %1</translation>
    </message>
    <message>
        <source>Belum ada data dukung.</source>
        <translation>No evidence yet.</translation>
    </message>
    <message>
        <source>indikator %1 dari %2</source>
        <translation>indicator %1 of %2</translation>
    </message>
    <message>
        <source>versi %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Disimpan dari versi template sebelumnya (tidak ditanyakan lagi):</source>
        <translation>Kept from an earlier template version (no longer asked):</translation>
    </message>
    <message>
        <source>Status tinjauan: %1</source>
        <translation>Review state: %1</translation>
    </message>
    <message>
        <source>Tulis dulu di catatan apa yang perlu diperbaiki kelurahan.</source>
        <translation>First write in the note what the kelurahan must correct.</translation>
    </message>
    <message>
        <source>Tinjauan</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Hapus tinjauan indikator %1 di %2? Status &quot;%3&quot; dan catatan tinjauannya dihapus; indikator ini kembali belum ditinjau.</source>
        <translation>Remove the review of indicator %1 in %2? The status &quot;%3&quot; and its review note are removed; the indicator is back to not reviewed.</translation>
    </message>
    <message>
        <source>Hapus catatan tinjauan indikator %1 di %2? Catatan yang sudah ditulis dibuang.</source>
        <translation>Remove the review note of indicator %1 in %2? The note written is discarded.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Indikator %1 di %2 belum berisi data (kelengkapan %3). Tetap tandai &quot;Diterima&quot;? Indikator ini lalu dihitung sebagai diterima.</source>
        <translation>Indicator %1 in %2 has no data yet (completeness %3). Mark it &quot;Accepted&quot; anyway? It is then counted as accepted.</translation>
    </message>
    <message>
        <source>Indikator belum berisi data</source>
        <translation>Indicator has no data yet</translation>
    </message>
    <message>
        <source>Tetap terima</source>
        <translation>Accept anyway</translation>
    </message>
    <message numerus="yes">
        <source>%n isian wajib</source>
        <translation>
            <numerusform>%n required entry</numerusform>
            <numerusform>%n required entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data dukung</source>
        <translation>
            <numerusform>%n evidence file</numerusform>
            <numerusform>%n evidence files</numerusform>
        </translation>
    </message>
    <message>
        <source>Indikator %1 di %2 masih kurang %3. Tetap tandai &quot;Diterima&quot;? Indikator ini lalu dihitung sebagai diterima; atau pilih &quot;Perlu perbaikan&quot; dan tulis apa yang kurang.</source>
        <translation>Indicator %1 in %2 still lacks %3. Mark it &quot;Diterima&quot; anyway? It is then counted as accepted; or choose &quot;Perlu perbaikan&quot; and write what is missing.</translation>
    </message>
    <message>
        <source> dan </source>
        <translation> and </translation>
    </message>
    <message>
        <source>Indikator belum lengkap</source>
        <translation>Indicator not complete</translation>
    </message>
    <message>
        <source>Catatan belum tersimpan</source>
        <translation>Note not saved yet</translation>
    </message>
    <message>
        <source>Catatan untuk indikator ini belum tersimpan karena belum ada status tinjauan. Tandai &quot;Perlu perbaikan&quot; dengan catatan ini, buang catatannya, atau kembali ke catatan?</source>
        <translation>The note for this indicator is not saved yet because the indicator has no review status. Mark it &quot;Needs fixing&quot; with this note, discard the note, or go back to the note?</translation>
    </message>
    <message>
        <source>Tandai perlu perbaikan</source>
        <translation>Mark needs correction</translation>
    </message>
    <message>
        <source>Buang catatan</source>
        <translation>Discard note</translation>
    </message>
    <message>
        <source>Berkas tidak bisa dibuka: %1</source>
        <translation>The file cannot be opened: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <source>Hanya-baca: ruang kerja ini sedang dipakai jendela lain.</source>
        <translation>Read-only: another window is using this workspace.</translation>
    </message>
    <message>
        <source>Indikator ini</source>
        <translation>This indicator</translation>
    </message>
    <message>
        <source>Semua indikator</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <source>Catatan untuk indikator ini</source>
        <translation>Notes on this indicator</translation>
    </message>
    <message>
        <source>Misalnya sumber data, kendala, atau hal yang perlu ditanyakan ke DP3AKB.</source>
        <translation>For example data sources, problems, or questions for DP3AKB.</translation>
    </message>
    <message>
        <source>Tandai siap dikirim ke DP3AKB</source>
        <translation>Mark ready to send to DP3AKB</translation>
    </message>
    <message>
        <source>Isian wajib belum lengkap: %1</source>
        <translation>Required items not complete yet: %1</translation>
    </message>
    <message>
        <source>indikator ini baru bisa ditandai siap setelah angka ini diperbaiki (alasannya di “Perlu diperiksa” di bawah).</source>
        <translation>this indicator can be marked ready only once this number is corrected (the reason is under “To check” below).</translation>
    </message>
    <message>
        <source>bila sudah cocok dengan dokumen sumbernya, biarkan saja (alasannya di “Perlu diperiksa” di bawah).</source>
        <translation>if it matches its source document, leave it (the reason is under “To check” below).</translation>
    </message>
    <message>
        <source>Indikator %1: %2</source>
        <translation>Indicator %1: %2</translation>
    </message>
    <message>
        <source>(rumusan sementara)</source>
        <translation>(provisional wording)</translation>
    </message>
    <message>
        <source>Rumusan sementara: judul dan isian indikator ini belum dikonfirmasi dengan lampiran Permen PPPA 12/2022; isian dan data dukungnya usulan templat DP3AKB.</source>
        <translation>Provisional wording: the title and items of this indicator are not yet confirmed against the attachment of Permen PPPA 12/2022; its items and evidence are proposals of DP3AKB&apos;s template.</translation>
    </message>
    <message>
        <source>Riwayat perubahan sel ini</source>
        <translation>Change history of this cell</translation>
    </message>
    <message>
        <source>Tampilkan angka tahun %1</source>
        <translation>Show the %1 figures</translation>
    </message>
    <message>
        <source>Angka tahun %1 tampil kecil dan abu-abu di bawah angka tahun ini.</source>
        <translation>The %1 figures show small and grey under this year&apos;s.</translation>
    </message>
    <message>
        <source>Salin dari tahun %1</source>
        <translation>Copy from %1</translation>
    </message>
    <message>
        <source>Indikator ini (hanya angka: tidak ada yang disalin)</source>
        <translation>This indicator (numbers only: nothing to copy)</translation>
    </message>
    <message>
        <source>Isian indikator ini semuanya angka, dan angka tidak disalin dari tahun lalu: isi angka tahun %2 di kotaknya. Untuk jawaban ya/tidak, pilihan, teks dan tanggal indikator lain: klik panah di tombol ini lalu “Semua indikator”.</source>
        <translation>Every item of this indicator is a number, and numbers are not copied from last year: type the %2 numbers in their boxes. For the yes/no answers, choices, texts and dates of other indicators: click the arrow on this button, then “All indicators”.</translation>
    </message>
    <message>
        <source>Salin jawaban yang biasanya tetap (ya/tidak, pilihan, nomor peraturan, tanggal) dari tahun %1 ke isian yang masih kosong. Angka jumlah tidak disalin. Bisa diurungkan dengan Ctrl+Z.</source>
        <translation>Copy the answers that usually stay the same (yes/no, choices, regulation numbers, dates) from %1 into the items that are still empty. Counts are not copied. Ctrl+Z undoes it.</translation>
    </message>
    <message numerus="yes">
        <source>%n jawaban disalin dari tahun %1</source>
        <translation>
            <numerusform>%n answer copied from %1</numerusform>
            <numerusform>%n answers copied from %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(indikator %1).</source>
        <translation>(indicators %1).</translation>
    </message>
    <message>
        <source>Periksa lagi bila ada yang berubah; Ctrl+Z mengurungkan.</source>
        <translation>Check again in case something changed; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Tidak ada yang disalin: isian indikator ini semuanya angka, dan angka tidak disalin dari tahun %1. Isi angka tahun %2 di kotaknya.</source>
        <translation>Nothing was copied: every item of this indicator is a number, and numbers are not copied from %1. Type the %2 numbers in their boxes.</translation>
    </message>
    <message>
        <source>Tidak ada yang disalin: tahun %1 tidak punya jawaban ya/tidak, pilihan, teks atau tanggal untuk isian yang masih kosong.</source>
        <translation>Nothing was copied: %1 has no yes/no, choice, text or date answers for the items that are still empty.</translation>
    </message>
    <message>
        <source>Lengkap, tetapi ada angka yang harus diperbaiki</source>
        <translation>Complete, but a number has to be corrected</translation>
    </message>
    <message>
        <source>Kelengkapan %1</source>
        <translation>Completeness %1</translation>
    </message>
    <message>
        <source>Isian wajib belum terisi: %1</source>
        <translation>Required items not filled in: %1</translation>
    </message>
    <message>
        <source>Data dukung kurang: %1</source>
        <translation>Evidence missing: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n angka perlu diperiksa (bertanda kuning)</source>
        <translation>
            <numerusform>%n number to check (marked yellow)</numerusform>
            <numerusform>%n numbers to check (marked yellow)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tanda siap dilepas: ada angka bertanda kuning yang harus diperbaiki dulu. Setelah diperbaiki, tandai siap lagi.</source>
        <translation>The ready mark was removed: a number marked yellow has to be corrected first. Once corrected, mark it ready again.</translation>
    </message>
    <message>
        <source>Perlu diperiksa (angkanya tetap tersimpan):</source>
        <translation>To check (the numbers stay saved):</translation>
    </message>
    <message>
        <source>DP3AKB: perlu perbaikan (sudah Anda ubah sejak itu; DP3AKB meninjau lagi setelah kiriman berikutnya)</source>
        <translation>DP3AKB: needs fixing (you have changed it since; DP3AKB reviews it again after your next bundle)</translation>
    </message>
    <message>
        <source>DP3AKB: perlu perbaikan</source>
        <translation>DP3AKB: needs correction</translation>
    </message>
    <message>
        <source>DP3AKB: diterima</source>
        <translation>DP3AKB: accepted</translation>
    </message>
    <message>
        <source>Catatan DP3AKB</source>
        <translation>Note from DP3AKB</translation>
    </message>
    <message>
        <source>Belum tersimpan (bukan angka yang sah, masih merah):</source>
        <translation>Not saved yet (not a valid value, still red):</translation>
    </message>
    <message>
        <source>Belum tersimpan — %1</source>
        <translation>Not saved — %1</translation>
    </message>
    <message>
        <source>Semua isian tersimpan otomatis.</source>
        <translation>Everything you enter is saved automatically.</translation>
    </message>
    <message>
        <source>Tidak ada yang ditempel: yang tersalin adalah gambar, bukan sel berisi angka. Di Excel atau Calc pilih sel-selnya (bukan gambar atau grafiknya), tekan Ctrl+C, lalu Ctrl+V di sini.</source>
        <translation>Nothing was pasted: what was copied is a picture, not cells with numbers. In Excel or Calc select the cells (not a picture or chart of them), press Ctrl+C, then Ctrl+V here.</translation>
    </message>
    <message>
        <source>Tidak ada yang ditempel: isi papan klip bukan teks atau tabel. Pilih sel-selnya di Excel, Calc atau halaman web, tekan Ctrl+C, lalu Ctrl+V di sini.</source>
        <translation>Nothing was pasted: the clipboard holds neither text nor a table. Select the cells in Excel, Calc or a web page, press Ctrl+C, then Ctrl+V here.</translation>
    </message>
    <message>
        <source>Tidak ada yang ditempel: papan klip kosong. Pilih sel-selnya di Excel, Calc atau halaman web, tekan Ctrl+C, lalu Ctrl+V di sini.</source>
        <translation>Nothing was pasted: the clipboard is empty. Select the cells in Excel, Calc or a web page, press Ctrl+C, then Ctrl+V here.</translation>
    </message>
    <message>
        <source>Ditempel %1 baris × %2 kolom:</source>
        <translation>Pasted %1 rows × %2 columns:</translation>
    </message>
    <message numerus="yes">
        <source>%n angka tersimpan</source>
        <translation>
            <numerusform>%n value saved</numerusform>
            <numerusform>%n values saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sudah sama</source>
        <translation>
            <numerusform>%n already the same</numerusform>
            <numerusform>%n already the same</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ditandai kuning untuk diperiksa</source>
        <translation>
            <numerusform>%n marked yellow to check</numerusform>
            <numerusform>%n marked yellow to check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bukan angka yang sah: tetap di kotaknya, merah, belum tersimpan</source>
        <translation>
            <numerusform>%n not a valid value: kept in its box, red, not saved yet</numerusform>
            <numerusform>%n not valid values: kept in their boxes, red, not saved yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dilewati karena jatuh di baris atau kolom yang dihitung otomatis</source>
        <translation>
            <numerusform>%n skipped because it fell on a row or column that is calculated automatically</numerusform>
            <numerusform>%n skipped because they fell on rows or columns that are calculated automatically</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dilewati karena di luar tabel</source>
        <translation>
            <numerusform>%n skipped because it was outside the table</numerusform>
            <numerusform>%n skipped because they were outside the table</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z mengurungkan semuanya sekaligus.</source>
        <translation>Ctrl+Z undoes all of it at once.</translation>
    </message>
    <message>
        <source>Data dukung kurang</source>
        <translation>Evidence missing</translation>
    </message>
    <message>
        <source>Data dukung untuk indikator ini belum lengkap: %1.

DP3AKB menilai indikator dari data dukungnya; tambahkan dulu di panel Data dukung bila ada. Tetap tandai siap dikirim?</source>
        <translation>The evidence for this indicator is not complete: %1.

DP3AKB assesses an indicator by its evidence; add it first in the Data dukung panel if you have it. Mark it ready anyway?</translation>
    </message>
    <message>
        <source>Tetap tandai siap</source>
        <translation>Mark ready anyway</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tersimpan otomatis.</source>
        <translation>Saved automatically.</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Bisa ditandai bila semua isian wajib (bertanda *) sudah terisi dan tidak ada angka bertanda kuning yang menghalangi.</source>
        <translation>Can be marked once every required item (marked *) is filled in and no number marked yellow is holding it back.</translation>
    </message>
    <message>
        <source>Ketik angka di kotak putih; Enter atau Tab untuk pindah, F2 untuk mengubah. Tabel dari Excel bisa ditempel dengan Ctrl+V.</source>
        <translation>Type numbers in the white boxes; Enter or Tab moves on, F2 edits. A table from Excel can be pasted with Ctrl+V.</translation>
    </message>
    <message numerus="yes">
        <source>Tempel %n angka</source>
        <translation>
            <numerusform>Paste %n value</numerusform>
            <numerusform>Paste %n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kosongkan %n kotak</source>
        <translation>
            <numerusform>Clear %n box</numerusform>
            <numerusform>Clear %n boxes</numerusform>
        </translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>IndicatorListModel</name>
    <message>
        <source>Siap dikirim</source>
        <translation>Ready to send</translation>
    </message>
    <message>
        <source>Lengkap, belum ditandai siap</source>
        <translation>Complete, not yet marked ready</translation>
    </message>
    <message>
        <source>Sebagian terisi</source>
        <translation>Partly filled in</translation>
    </message>
    <message>
        <source>Belum diisi</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Lengkap</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>DP3AKB: perlu perbaikan</source>
        <translation>DP3AKB: needs correction</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Menjadi</source>
        <translation>To</translation>
    </message>
    <message>
        <source>petugas tidak tercatat</source>
        <translation>clerk not recorded</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Tampilkan indikator satu klaster saja</source>
        <translation>Show the indicators of one cluster only</translation>
    </message>
    <message>
        <source>Semua klaster</source>
        <translation>All clusters</translation>
    </message>
    <message>
        <source>Daftar indikator</source>
        <translation>Indicator list</translation>
    </message>
    <message>
        <source>Pilih indikator dengan panah atas/bawah; Tab pindah ke isian.</source>
        <translation>Choose an indicator with the up/down arrows; Tab moves to the form.</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Data dukung ▸ lipat</source>
        <translation>Evidence ▸ fold</translation>
    </message>
    <message>
        <source>Lipat panel data dukung agar tabel lebih lebar (Ctrl+D)</source>
        <translation>Fold the evidence panel to give the table more room (Ctrl+D)</translation>
    </message>
    <message>
        <source>Buka panel data dukung (Ctrl+D)</source>
        <translation>Open the evidence panel (Ctrl+D)</translation>
    </message>
    <message>
        <source>Data
dukung</source>
        <translation>Evid-
ence</translation>
    </message>
    <message>
        <source>Data dukung yang diminta: %1 terpenuhi. Klik ◂ atau tekan Ctrl+D untuk membuka panelnya.</source>
        <translation>Evidence asked for: %1 fulfilled. Click ◂ or press Ctrl+D to open the panel.</translation>
    </message>
    <message>
        <source>Tabel lebih lebar dari ruangnya: lipat panel data dukung (Ctrl+D) untuk melihat kolom Jumlah.</source>
        <translation>The table is wider than its room: fold the evidence panel (Ctrl+D) to see the Total column.</translation>
    </message>
    <message>
        <source>Ada isian yang belum tersimpan karena bukan nilai yang sah (ditandai merah):

%1

Kembali untuk memperbaikinya, atau buang isian itu dan lanjutkan?</source>
        <translation>Some input is not saved because it is not a valid value (marked red):

%1

Go back to correct it, or throw that input away and go on?</translation>
    </message>
    <message>
        <source>Isian belum tersimpan</source>
        <translation>Input not saved</translation>
    </message>
    <message>
        <source>Buang dan lanjutkan</source>
        <translation>Throw away and go on</translation>
    </message>
    <message>
        <source>Kembali memperbaiki</source>
        <translation>Go back and fix</translation>
    </message>
</context>
<context>
    <name>IndicatorPane</name>
    <message>
        <source>Nama singkat</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status rumusan</source>
        <translation>Wording status</translation>
    </message>
    <message>
        <source>Bobot</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Petunjuk pengisian</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Sumber rumusan</source>
        <translation>Source of the wording</translation>
    </message>
    <message>
        <source>Simpan rumusan</source>
        <translation>Save the wording</translation>
    </message>
    <message>
        <source>Simpan nama singkat, judul, petunjuk dan sumber ke draf</source>
        <translation>Save the short name, title, guidance and source to the draft</translation>
    </message>
    <message>
        <source>Rumusan</source>
        <translation>Wording</translation>
    </message>
    <message>
        <source>Tambah isian…</source>
        <translation>Add an item…</translation>
    </message>
    <message>
        <source>Ubah kata-kata…</source>
        <translation>Change the words…</translation>
    </message>
    <message>
        <source>Kata-kata dan penjelasan baru; nilai yang sudah diisi tetap di isian ini</source>
        <translation>New words and explanation; values already entered stay in this item</translation>
    </message>
    <message>
        <source>Ganti isian…</source>
        <translation>Replace the item…</translation>
    </message>
    <message>
        <source>Isian ini diganti isian baru; nilai yang sudah diisi di desa/kelurahan pindah ke isian baru</source>
        <translation>This item is replaced by a new one; values already entered at the desa/kelurahan move to the new item</translation>
    </message>
    <message>
        <source>Gabungkan…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Beberapa isian menjadi satu; nilainya dijumlahkan</source>
        <translation>Several items become one; their values are added up</translation>
    </message>
    <message>
        <source>Pecah…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <source>Isian ini dipecah menjadi isian yang sudah ditambahkan</source>
        <translation>This item is split into items already added</translation>
    </message>
    <message>
        <source>Pensiunkan…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <source>Isian tidak dipakai lagi; nilai yang sudah diisi disimpan terpisah</source>
        <translation>The item is no longer used; values already entered are kept apart</translation>
    </message>
    <message>
        <source>Angka wajar…</source>
        <translation>Plausible range…</translation>
    </message>
    <message>
        <source>Tandai dikonfirmasi</source>
        <translation>Mark confirmed</translation>
    </message>
    <message>
        <source>Tandai draf</source>
        <translation>Mark as draft</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Tambah data dukung…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Tidak diminta lagi…</source>
        <translation>No longer asked for…</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>jumlah semua indikator: %1 dari %2</source>
        <translation>all indicators together: %1 of %2</translation>
    </message>
    <message>
        <source>Isian (%1)</source>
        <translation>Items (%1)</translation>
    </message>
    <message>
        <source>Data dukung (%1)</source>
        <translation>Evidence (%1)</translation>
    </message>
    <message>
        <source>Pilih dulu satu isian di daftar.</source>
        <translation>First choose an item in the list.</translation>
    </message>
    <message>
        <source>Pilih dulu satu data dukung di daftar.</source>
        <translation>First choose evidence in the list.</translation>
    </message>
    <message>
        <source>Ganti isian</source>
        <translation>Replace the item</translation>
    </message>
    <message>
        <source>Isian “%1” diganti isian baru. Nilai yang sudah diisi di desa/kelurahan pindah ke isian baru ini. Kata-kata isian baru:</source>
        <translation>Item “%1” is replaced by a new item. Values already entered at the desa/kelurahan move to this new item. Words of the new item:</translation>
    </message>
    <message>
        <source>Gabungkan isian</source>
        <translation>Merge items</translation>
    </message>
    <message>
        <source>Centang isian yang digabung, lalu pilih isian yang menampung nilainya. Nilai angka dijumlahkan; yang tidak bisa dijumlahkan disimpan terpisah, tidak hilang.</source>
        <translation>Tick the items to merge, then choose the item that takes their values. Figures are added up; values that cannot be added are kept apart, not lost.</translation>
    </message>
    <message>
        <source>Digabung ke</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Pecah “%1”</source>
        <translation>Split “%1”</translation>
    </message>
    <message>
        <source>Centang isian baru hasil pecahannya (tambahkan dulu bila belum ada), lalu pilih isian yang menerima nilai lama, atau simpan nilai lama terpisah.</source>
        <translation>Tick the new items it is split into (add them first if they are not there), then choose the item that receives the old values, or keep the old values apart.</translation>
    </message>
    <message>
        <source>Nilai lama ke</source>
        <translation>Old values to</translation>
    </message>
    <message>
        <source>Isian “%1” baru ditambahkan di draf ini dan belum berisi nilai; isian itu dihapus dari draf. Lanjutkan?</source>
        <translation>Item “%1” was added in this draft and holds no values yet; it is removed from the draft. Go on?</translation>
    </message>
    <message>
        <source>Pensiunkan isian</source>
        <translation>Retire the item</translation>
    </message>
    <message>
        <source>Isian “%1” tidak dipakai lagi di versi berikutnya. Nilai yang sudah diisi di desa/kelurahan disimpan terpisah dan tidak hilang. Lanjutkan?</source>
        <translation>Item “%1” is no longer used in the next version. Values already entered at the desa/kelurahan are kept apart and not lost. Go on?</translation>
    </message>
    <message>
        <source>Pensiunkan</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>“%1” tidak diminta lagi di versi berikutnya. Berkas yang sudah dilampirkan tetap tersimpan. Lanjutkan?</source>
        <translation>“%1” is no longer asked for in the next version. Files already attached stay stored. Go on?</translation>
    </message>
    <message>
        <source>Ya, hapus dari draf</source>
        <translation>Yes, remove from the draft</translation>
    </message>
</context>
<context>
    <name>IndicatorValuesModel</name>
    <message>
        <source>Isian</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>(kosong, wajib)</source>
        <translation>(empty, required)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Ubah kata-kata isian</source>
        <translation>Change the words of the item</translation>
    </message>
    <message>
        <source>Tambah isian</source>
        <translation>Add an item</translation>
    </message>
    <message>
        <source>Kata-kata isian</source>
        <translation>Words of the item</translation>
    </message>
    <message>
        <source>Penjelasan</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Dipilah menurut jenis kelamin (L/P)</source>
        <translation>Disaggregated by sex (M/F)</translation>
    </message>
    <message>
        <source>Wajib diisi</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Tidak dipilah menurut umur</source>
        <translation>Not disaggregated by age</translation>
    </message>
    <message>
        <source>Untuk jenis pilihan: jawaban dipisah titik koma</source>
        <translation>For a choice: answers separated by semicolons</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Kelompok umur</source>
        <translation>Age groups</translation>
    </message>
    <message>
        <source>Pilihan jawaban</source>
        <translation>Answer choices</translation>
    </message>
    <message>
        <source>Jenis: %1 · %2. Nilai yang sudah diisi tetap di isian ini.</source>
        <translation>Kind: %1 · %2. Values already entered stay in this item.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <source>(usulan)</source>
        <translation>(proposed)</translation>
    </message>
    <message>
        <source>Isian usulan templat: rumusannya belum dikonfirmasi sumber nasional dan bisa diubah DP3AKB di versi templat berikutnya.</source>
        <translation>An item proposed by the template: its wording is not confirmed by a national source and DP3AKB may change it in the next template version.</translation>
    </message>
    <message>
        <source>Riwayat perubahan isian ini</source>
        <translation>Change history of this item</translation>
    </message>
    <message>
        <source>Dihitung otomatis</source>
        <translation>Calculated automatically</translation>
    </message>
    <message>
        <source>— belum diisi —</source>
        <translation>— not filled in —</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>angka, misalnya 1.250</source>
        <translation>a number, e.g. 1.250</translation>
    </message>
    <message>
        <source>misalnya 17-08-2025 atau 17 Agustus 2025</source>
        <translation>for example 17-08-2025 or 17 Agustus 2025</translation>
    </message>
    <message>
        <source>Tahun %1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>Isian</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Pemilahan</source>
        <translation>Disaggregation</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Rumusan</source>
        <translation>Wording</translation>
    </message>
</context>
<context>
    <name>KecamatanModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kelengkapan</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Lengkap</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Kosong</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>Perbaikan</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Nilai*</source>
        <translation>Score*</translation>
    </message>
    <message>
        <source>Indikator yang ditandai siap oleh kelurahan, dari semua indikator kecamatan</source>
        <translation>Indicators marked ready by the kelurahan, of all the kecamatan&apos;s indicators</translation>
    </message>
    <message>
        <source>Indikator yang sudah lengkap tetapi belum ditandai siap oleh kelurahan</source>
        <translation>Indicators that are complete but not yet marked ready by the kelurahan</translation>
    </message>
    <message>
        <source>Indikator yang baru sebagian terisi</source>
        <translation>Indicators only partly filled in</translation>
    </message>
    <message>
        <source>Indikator yang belum diisi sama sekali</source>
        <translation>Indicators not filled in at all</translation>
    </message>
    <message>
        <source>Indikator yang ditinjau DP3AKB: perlu perbaikan</source>
        <translation>Indicators reviewed by DP3AKB as needing correction</translation>
    </message>
    <message>
        <source>Sebagian</source>
        <translation>Partial</translation>
    </message>
    <message>
        <source>Rata-rata perkiraan nilai kelurahan dari bobot template (0–1000): perkiraan tidak resmi, bukan nilai KemenPPPA</source>
        <translation>Average estimated kelurahan score from the template weights (0–1000): unofficial estimate, not a KemenPPPA score</translation>
    </message>
</context>
<context>
    <name>KelanaDialog</name>
    <message>
        <source>KELANA · tahun data %1</source>
        <translation>KELANA · data year %1</translation>
    </message>
    <message>
        <source>Catat status Kecamatan Layak Anak (KELANA) setiap kecamatan untuk tahun data %1, beserta SK penetapannya. Persentase KELANA dihitung dari catatan ini pada Ringkasan Kota, laporan kota dan Excel.</source>
        <translation>Record the child-friendly kecamatan (KELANA) status of each kecamatan for data year %1, with the decree (SK) that set it. The KELANA share in the city summary, the city report and Excel is computed from these records.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nomor SK</source>
        <translation>Decree number</translation>
    </message>
    <message>
        <source>Tanggal SK</source>
        <translation>Decree date</translation>
    </message>
    <message>
        <source>Berkas SK</source>
        <translation>Decree file</translation>
    </message>
    <message>
        <source>mis. 188.45/123/2026</source>
        <translation>e.g. 188.45/123/2026</translation>
    </message>
    <message>
        <source>mis. 17-08-2026</source>
        <translation>e.g. 17-08-2026</translation>
    </message>
    <message>
        <source>Lampirkan SK…</source>
        <translation>Attach the decree…</translation>
    </message>
    <message>
        <source>Hapus berkas</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>Perubahan KELANA untuk %1 belum disimpan. Simpan, buang perubahannya, atau kembali ke isian?</source>
        <translation>The KELANA changes for %1 are not saved. Save them, discard them, or go back to the form?</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Belum dirintis</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Rintisan/inisiasi</source>
        <translation>Being prepared</translation>
    </message>
    <message>
        <source>Sudah KELANA</source>
        <translation>KELANA</translation>
    </message>
    <message>
        <source>belum dicatat</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Pilih berkas SK KELANA</source>
        <translation>Choose the KELANA decree file</translation>
    </message>
    <message>
        <source>Dokumen (*.pdf *.jpg *.jpeg *.png);;Semua berkas (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Buka hanya-baca untuk melihat data saja?</source>
        <translation>Open read-only, just to look at the data?</translation>
    </message>
    <message>
        <source>Ruang kerja sedang dipakai</source>
        <translation>Workspace in use</translation>
    </message>
    <message>
        <source>Buka hanya-baca</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Tautkan ke indikator</source>
        <translation>Link to indicators</translation>
    </message>
    <message>
        <source>Centang indikator yang didukung oleh berkas ini (tahun data %1).</source>
        <translation>Tick the indicators this file supports (data year %1).</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigasi</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Kiriman</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>KLA Desktop — %1</source>
        <translation>KLA Desktop — %1</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Kegiatan &amp; Inovasi</source>
        <translation>Activities &amp; Innovations</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Semua isian tersimpan otomatis.</source>
        <translation>Everything you enter is saved automatically.</translation>
    </message>
    <message>
        <source>Ada isian yang belum tersimpan karena belum benar:

%1

Yang tersimpan masih isian sebelumnya, dan itulah yang terkirim ke DP3AKB. Pindah halaman dan buang isian yang belum benar itu?</source>
        <translation>Some input is not saved because it is not valid:

%1

What is stored is still the previous input, and that is what goes to DP3AKB. Go to the other page and discard the invalid input?</translation>
    </message>
    <message>
        <source>Buang dan pindah</source>
        <translation>Discard and go</translation>
    </message>
    <message>
        <source>Tidak ada yang bisa diurungkan.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Diurungkan: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan.</source>
        <translation>Backup restored.</translation>
    </message>
    <message>
        <source>Tidak bisa</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Nama Anda (petugas yang mengisi data):</source>
        <translation>Your name (the operator entering data):</translation>
    </message>
    <message>
        <source>Ada isian yang belum tersimpan karena belum benar:

%1

Tutup saja dan buang isian itu?</source>
        <translation>Some input is not saved because it is not valid yet:

%1

Close anyway and discard that input?</translation>
    </message>
    <message>
        <source>Isian belum tersimpan</source>
        <translation>Input not saved</translation>
    </message>
    <message>
        <source>Tutup saja</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <source>Kembali memperbaiki</source>
        <translation>Go back and fix</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Kiriman</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Menunggu dikirim</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Isian indikator</source>
        <translation>Indicator entries</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Kegiatan &amp; inovasi</source>
        <translation>Activities &amp; innovations</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>Penghapusan</source>
        <translation>Deletions</translation>
    </message>
    <message>
        <source>Kiriman terakhir</source>
        <translation>Last export</translation>
    </message>
    <message>
        <source>Tanda terima terakhir dari DP3AKB</source>
        <translation>Last receipt from DP3AKB</translation>
    </message>
    <message>
        <source>Buat kiriman untuk DP3AKB</source>
        <translation>Create an export for DP3AKB</translation>
    </message>
    <message>
        <source>Impor tanda terima dari DP3AKB…</source>
        <translation>Import a receipt from DP3AKB…</translation>
    </message>
    <message>
        <source>Pilih berkas KLA-tanda-terima-….kla yang diberikan DP3AKB</source>
        <translation>Choose the KLA-tanda-terima-….kla file DP3AKB gave you</translation>
    </message>
    <message>
        <source>Catatan tinjauan DP3AKB</source>
        <translation>DP3AKB&apos;s review notes</translation>
    </message>
    <message>
        <source>Klik catatan untuk membuka indikatornya. Yang perlu diperbaiki ada di atas.</source>
        <translation>Click a note to open its indicator. Those that need fixing are at the top.</translation>
    </message>
    <message>
        <source>Riwayat kiriman dan tanda terima</source>
        <translation>History of exports and receipts</translation>
    </message>
    <message numerus="yes">
        <source>%n item</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message numerus="yes">
        <source>%n berkas data dukung baru (%1)</source>
        <translation>
            <numerusform>%n new evidence file (%1)</numerusform>
            <numerusform>%n new evidence files (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item diganti dengan versi DP3AKB (DP3AKB memilih versinya saat ada dua versi berbeda): %1. Isian sebelumnya di komputer ini tetap tercatat di riwayat perubahan; perubahan berikutnya dibuat dari versi DP3AKB.</source>
        <translation>
            <numerusform>%n item replaced with DP3AKB&apos;s version (DP3AKB chose its version where two versions differed): %1. The previous entry on this computer stays in the change history; the next change is made from DP3AKB&apos;s version.</numerusform>
            <numerusform>%n items replaced with DP3AKB&apos;s version (DP3AKB chose its version where two versions differed): %1. The previous entries on this computer stay in the change history; the next changes are made from DP3AKB&apos;s version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> dan %n lainnya</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item tidak dikirim: DP3AKB memilih versi lain</source>
        <translation>
            <numerusform>%n item not sent: DP3AKB chose another version</numerusform>
            <numerusform>%n items not sent: DP3AKB chose another version</numerusform>
        </translation>
    </message>
    <message>
        <source>Sudah ada di kiriman no. %1; tetap dihitung di sini sampai tanda terima DP3AKB diimpor.</source>
        <translation>Already in bundle no. %1; still counted here until DP3AKB&apos;s receipt is imported.</translation>
    </message>
    <message>
        <source>Semua data sudah diterima DP3AKB.</source>
        <translation>DP3AKB has all the data.</translation>
    </message>
    <message>
        <source>Belum ada data untuk dikirim.</source>
        <translation>No data to send yet.</translation>
    </message>
    <message>
        <source>No. %1, %2</source>
        <translation>No. %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n bagian</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
    <message>
        <source>Hanya %1 dari %2 bagian selesai ditulis; buat kiriman lagi.</source>
        <translation>Only %1 of %2 parts were written; create the export again.</translation>
    </message>
    <message>
        <source>Belum dianggap terkirim sampai ada tanda terima yang lebih baru.</source>
        <translation>Not counted as sent until a newer receipt arrives.</translation>
    </message>
    <message>
        <source>Tanda terima DP3AKB sesudahnya sudah diimpor.</source>
        <translation>A later DP3AKB receipt has been imported.</translation>
    </message>
    <message>
        <source>Belum pernah membuat kiriman.</source>
        <translation>No export made yet.</translation>
    </message>
    <message>
        <source>No. %1, diimpor %2</source>
        <translation>No. %1, imported %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item diakui DP3AKB</source>
        <translation>
            <numerusform>%n item acknowledged by DP3AKB</numerusform>
            <numerusform>%n items acknowledged by DP3AKB</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada tanda terima dari DP3AKB.</source>
        <translation>No receipt from DP3AKB yet.</translation>
    </message>
    <message>
        <source>Tulis semua yang belum diakui DP3AKB ke flashdisk, folder atau draf email</source>
        <translation>Write everything DP3AKB has not acknowledged yet to a flash drive, a folder or e-mail drafts</translation>
    </message>
    <message>
        <source>perlu perbaikan</source>
        <translation>needs fixing</translation>
    </message>
    <message>
        <source>diterima</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>catatan</source>
        <translation>note</translation>
    </message>
    <message>
        <source>%1. %2 (data %3) — %4</source>
        <translation>%1. %2 (data %3) — %4</translation>
    </message>
    <message>
        <source>Buka indikator %1</source>
        <translation>Open indicator %1</translation>
    </message>
    <message>
        <source>Belum ada catatan dari DP3AKB.</source>
        <translation>No notes from DP3AKB yet.</translation>
    </message>
    <message>
        <source>Pilih tanda terima dari DP3AKB</source>
        <translation>Choose a receipt from DP3AKB</translation>
    </message>
    <message>
        <source>Tanda terima KLA (*.kla);;Semua berkas (*)</source>
        <translation>KLA receipts (*.kla);;All files (*)</translation>
    </message>
    <message>
        <source>Membuka tanda terima…</source>
        <translation>Opening the receipt…</translation>
    </message>
    <message>
        <source>Tanda terima DP3AKB</source>
        <translation>DP3AKB receipt</translation>
    </message>
    <message>
        <source>Tidak ada yang diubah.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Berkasnya tidak disalin; alasannya dicatat di folder karantina: %1</source>
        <translation>The file was not copied; its reason is recorded in the quarantine folder: %1</translation>
    </message>
    <message>
        <source>Salinan berkasnya disimpan di folder karantina: %1</source>
        <translation>A copy of the file was kept in the quarantine folder: %1</translation>
    </message>
    <message>
        <source>Tanda terima ini sudah pernah diimpor; tidak ada yang berubah.</source>
        <translation>This receipt was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Tanda terima ini lebih lama dari yang sudah diimpor; tidak ada yang berubah.</source>
        <translation>This receipt is older than the one already imported; nothing changed.</translation>
    </message>
    <message>
        <source>Tanda terima no. %1 diimpor.</source>
        <translation>Receipt no. %1 imported.</translation>
    </message>
    <message numerus="yes">
        <source>%n item masih akan dikirim pada kiriman berikutnya.</source>
        <translation>
            <numerusform>%n item still goes in the next export.</numerusform>
            <numerusform>%n items still go in the next export.</numerusform>
        </translation>
    </message>
    <message>
        <source>Template indikator baru dipasang: versi %1.</source>
        <translation>New indicator template installed: version %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n indikator perlu perbaikan: lihat catatan di bawah.</source>
        <translation>
            <numerusform>%n indicator needs fixing: see the notes below.</numerusform>
            <numerusform>%n indicators need fixing: see the notes below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n belum pernah diterima DP3AKB (baru, atau kirimannya belum diimpor DP3AKB)</source>
        <translation>
            <numerusform>%n never received by DP3AKB (new, or its export not yet imported by DP3AKB)</numerusform>
            <numerusform>%n never received by DP3AKB (new, or their export not yet imported by DP3AKB)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n diubah di sini setelah versi yang diterima DP3AKB</source>
        <translation>
            <numerusform>%n changed here after the version DP3AKB received</numerusform>
            <numerusform>%n changed here after the version DP3AKB received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n menunggu keputusan DP3AKB: versi yang dipegang DP3AKB berbeda dengan versi di sini, dan DP3AKB akan memilih salah satu</source>
        <translation>
            <numerusform>%n waiting for DP3AKB&apos;s decision: the version DP3AKB holds differs from the one here, and DP3AKB will choose one</numerusform>
            <numerusform>%n waiting for DP3AKB&apos;s decision: the version DP3AKB holds differs from the one here, and DP3AKB will choose one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dihapus di sini</source>
        <translation>
            <numerusform>%n deleted here</numerusform>
            <numerusform>%n deleted here</numerusform>
        </translation>
    </message>
    <message>
        <source>Sebabnya: %1.</source>
        <translation>Why: %1.</translation>
    </message>
    <message>
        <source>Pasang berkas pemasangan DP3AKB…</source>
        <translation>Install DP3AKB&apos;s setup file…</translation>
    </message>
    <message>
        <source>Kirim data KLA ke DP3AKB lewat flashdisk, folder atau email. Setiap kiriman dienkripsi untuk DP3AKB dan ditandatangani dengan kunci %1 ini; data dianggap terkirim setelah tanda terima DP3AKB diimpor di sini.</source>
        <translation>Send the KLA data to DP3AKB by flash drive, folder or e-mail. Every submission is encrypted for DP3AKB and signed with this %1&apos;s key; data counts as sent once DP3AKB&apos;s receipt is imported here.</translation>
    </message>
    <message>
        <source>Berkas .klasetup dan kata sandinya dari DP3AKB; data yang sudah diisi tetap tersimpan</source>
        <translation>The .klasetup file and its passphrase from DP3AKB; the data already entered is kept</translation>
    </message>
    <message>
        <source>Ruang kerja ini belum terdaftar di DP3AKB, jadi belum bisa mengirim. Minta berkas pemasangan (.klasetup) untuk %1 beserta kata sandinya ke DP3AKB, lalu klik “Pasang berkas pemasangan DP3AKB”. Data yang sudah diisi tetap tersimpan.</source>
        <translation>This workspace is not enrolled at DP3AKB yet, so it cannot send. Ask DP3AKB for the setup file (.klasetup) for %1 and its passphrase, then click “Install DP3AKB&apos;s setup file”. The data already entered is kept.</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <source>(simpan terpisah, tidak dipindah)</source>
        <translation>(keep apart, do not move)</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF tidak bisa disimpan di %1 (%2). Pilih folder lain, misalnya Dokumen atau flashdisk.</source>
        <translation>The PDF cannot be saved in %1 (%2). Choose another folder, such as Documents or a flash drive.</translation>
    </message>
    <message>
        <source>PDF tersimpan di:
%1

Bawa berkas itu ke komputer yang ada printernya untuk dicetak.</source>
        <translation>PDF saved in:
%1

Take that file to a computer with a printer to print it.</translation>
    </message>
    <message>
        <source>Tidak ada printer yang terpasang di komputer ini, jadi %1 belum bisa dicetak. PDF-nya sudah tersimpan di folder ini:
%2

Cetak dari komputer lain (salin ke flashdisk), atau pasang printer lalu coba lagi. Salin PDF ke flashdisk atau folder lain sekarang?</source>
        <translation>No printer is installed on this computer, so %1 cannot be printed yet. The PDF is already saved in this folder:
%2

Print it from another computer (copy it to a USB stick), or install a printer and try again. Copy the PDF to a USB stick or another folder now?</translation>
    </message>
    <message>
        <source>PDF tersimpan: %1. Bawa berkas itu ke komputer yang ada printernya untuk dicetak.</source>
        <translation>PDF saved: %1. Take that file to a computer with a printer to print it.</translation>
    </message>
    <message>
        <source>Tidak ada printer</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Salin PDF ke…</source>
        <translation>Copy PDF to…</translation>
    </message>
    <message>
        <source>Pratinjau cetak — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <source>%1 tidak bisa dibaca untuk dicetak. Buat ulang laporannya, lalu coba lagi.</source>
        <translation>%1 cannot be read for printing. Make the report again, then try again.</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tidak ada printer yang terpasang di komputer ini. Simpan sebagai PDF untuk dicetak dari komputer lain (misalnya lewat flashdisk), atau pasang printer lalu coba lagi. Simpan PDF sekarang?</source>
        <translation>No printer is installed on this computer. Save it as a PDF to print from another computer (for example via a flash drive), or install a printer and try again. Save the PDF now?</translation>
    </message>
    <message>
        <source>Komputer ini tidak punya program untuk membuka %1. Berkasnya tersimpan di %2: buka dengan program lain, cetak dengan tombol Cetak, atau salin ke komputer lain.</source>
        <translation>This computer has no program to open %1. The file is saved in %2: open it with another program, print it with the Print button, or copy it to another computer.</translation>
    </message>
    <message>
        <source>Komputer ini tidak punya program untuk membuka %1. Salinannya ada di %2: buka dengan program lain, atau salin ke komputer lain.</source>
        <translation>This computer has no program to open %1. A copy is in %2: open it with another program, or copy it to another computer.</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
</context>
<context>
    <name>ProgressWidget</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hentikan pekerjaan ini</source>
        <translation>Stop this job</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <source>Angka wajar: %1</source>
        <translation>Plausible range: %1</translation>
    </message>
    <message>
        <source>tanpa batas</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Paling sedikit</source>
        <translation>At least</translation>
    </message>
    <message>
        <source>Paling banyak</source>
        <translation>At most</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Ada isian yang belum tersimpan karena belum benar:

%1

Buang isian itu dan buka yang lain?</source>
        <translation>Some entries are not saved because they are not valid yet:

%1

Discard them and open the other one?</translation>
    </message>
    <message>
        <source>Isian belum tersimpan</source>
        <translation>Entry not saved</translation>
    </message>
    <message>
        <source>Buang dan lanjutkan</source>
        <translation>Discard and continue</translation>
    </message>
    <message>
        <source>Kembali memperbaiki</source>
        <translation>Go back and fix</translation>
    </message>
</context>
<context>
    <name>RegionHitsModel</name>
    <message>
        <source>(juga ditulis %1)</source>
        <translation>(also written %1)</translation>
    </message>
    <message>
        <source>Kode Kemendagri %1</source>
        <translation>Kemendagri code %1</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Ketik paling sedikit 2 huruf dari namanya, lalu pilih dari daftar.</source>
        <translation>Type at least 2 letters of the name, then choose from the list.</translation>
    </message>
    <message>
        <source>Tidak ditemukan kabupaten/kota bernama “%1”. Periksa ejaannya, ketik sebagian nama saja (misalnya “kutai” untuk Kutai Kartanegara), atau ketik kodenya (misalnya 64.71).</source>
        <translation>No kabupaten/kota called “%1” was found. Check the spelling, type part of the name only (for example “kutai” for Kutai Kartanegara), or type its code (for example 64.71).</translation>
    </message>
    <message>
        <source>Tidak ditemukan desa/kelurahan bernama “%1”. Periksa ejaannya, ketik sebagian nama saja (misalnya “sungai” untuk Sungai Nangka), atau ketik kode Kemendagri-nya (misalnya 64.71.01.1001).</source>
        <translation>No desa/kelurahan called “%1” was found. Check the spelling, type part of the name only (for example “sungai” for Sungai Nangka), or type its Kemendagri code (for example 64.71.01.1001).</translation>
    </message>
    <message>
        <source>Menyiapkan daftar wilayah…</source>
        <translation>Preparing the list of areas…</translation>
    </message>
    <message>
        <source>Tidak ada yang persis bernama “%1”. Mungkin maksud Anda salah satu di atas: klik bila benar (atau tekan ↓ lalu Enter), atau perbaiki ejaannya.</source>
        <translation>Nothing is called exactly “%1”. Perhaps you mean one of those above: click it if it is right (or press ↓ then Enter), or correct the spelling.</translation>
    </message>
    <message>
        <source>%1 dari %2 yang cocok ditampilkan; ketik nama lebih lengkap.</source>
        <translation>%1 of %2 matches shown; type more of the name.</translation>
    </message>
    <message numerus="yes">
        <source>%n cocok. Klik nama yang benar (atau tekan ↓ lalu Enter).</source>
        <translation>
            <numerusform>%n match. Click the right name (or press ↓ then Enter).</numerusform>
            <numerusform>%n matches. Click the right name (or press ↓ then Enter).</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada yang dicari: ketik paling sedikit 2 huruf dari namanya (atau kodenya), lalu pilih dari daftar.</source>
        <translation>Nothing searched yet: type at least 2 letters of the name (or its code), then choose from the list.</translation>
    </message>
    <message>
        <source>Tidak ada yang persis bernama “%1”, jadi belum ada yang dipilih. Bila salah satu di atas benar, klik namanya (atau tekan ↓ lalu Enter); bila tidak, perbaiki ejaannya.</source>
        <translation>Nothing is called exactly “%1”, so nothing is chosen yet. If one of those above is right, click its name (or press ↓ then Enter); if not, correct the spelling.</translation>
    </message>
    <message>
        <source>Dipilih: %1 — %2</source>
        <translation>Chosen: %1 — %2</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Cetak lembar kemajuan…</source>
        <translation>Print the progress sheet…</translation>
    </message>
    <message>
        <source>Pratinjau lembar kemajuan, lalu cetak ke printer yang dipilih</source>
        <translation>Preview the progress sheet, then print it on the chosen printer</translation>
    </message>
    <message>
        <source>Simpan lembar kemajuan (PDF)</source>
        <translation>Save the progress sheet (PDF)</translation>
    </message>
    <message>
        <source>Kelengkapan dan kesiapan per klaster, data yang diisi, yang masih kurang, kegiatan, fasilitas dan tempat tanda tangan %1, sebagai PDF</source>
        <translation>Completeness and readiness per klaster, the data entered, what is missing, activities, facilities and a place for the signature of the %1, as a PDF</translation>
    </message>
    <message>
        <source>Kepala Desa</source>
        <translation>Kepala Desa (village head)</translation>
    </message>
    <message>
        <source>Lurah</source>
        <translation>Lurah</translation>
    </message>
    <message>
        <source>Lembar kemajuan %1 untuk tahun data %2: kelengkapan dan kesiapan per klaster, data yang sudah diisi, yang masih kurang, data dukung yang terlalu lama, kegiatan, fasilitas dan tempat tanda tangan %3. Pilih tahun data lain di bagian atas jendela.</source>
        <translation>Progress sheet of %1 for data year %2: completeness and readiness per klaster, the data entered, what is missing, evidence too old, activities, facilities and a place for the signature of the %3. Choose another data year at the top of the window.</translation>
    </message>
    <message>
        <source>Ekspor ke Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Ringkasan, semua nilai, data dukung, kegiatan dan fasilitas dalam satu berkas Excel</source>
        <translation>Summary, every value, evidence, activities and facilities in one Excel file</translation>
    </message>
    <message>
        <source>Menyusun lembar kemajuan…</source>
        <translation>Preparing the progress sheet…</translation>
    </message>
    <message>
        <source>Menulis berkas Excel…</source>
        <translation>Writing the Excel file…</translation>
    </message>
</context>
<context>
    <name>RequirementRow</name>
    <message>
        <source>Lampirkan…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>terpenuhi</source>
        <translation>fulfilled</translation>
    </message>
    <message>
        <source>terlalu lama, perlu yang baru</source>
        <translation>too old, a newer one is needed</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>belum ada (tidak wajib)</source>
        <translation>missing (optional)</translation>
    </message>
    <message numerus="yes">
        <source>%n terlalu lama</source>
        <translation>
            <numerusform>%n too old</numerusform>
            <numerusform>%n too old</numerusform>
        </translation>
    </message>
    <message>
        <source>Pilih berkas untuk: %1. Berkas ini hanya memenuhi yang ini. Bisa juga: seret berkas ke baris ini.</source>
        <translation>Choose a file for: %1. The file fulfils this one only. You can also drag files onto this row.</translation>
    </message>
</context>
<context>
    <name>RubricBandsModel</name>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
</context>
<context>
    <name>RubricIndicatorsModel</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Yang diperiksa juri</source>
        <translation>What the jury looks at</translation>
    </message>
    <message>
        <source>Nilai paling tinggi</source>
        <translation>Highest score</translation>
    </message>
</context>
<context>
    <name>RubricPage</name>
    <message>
        <source>Rubrik %1</source>
        <translation>%1 rubric</translation>
    </message>
    <message>
        <source>Pasang rubrik dari berkas…</source>
        <translation>Install a rubric from a file…</translation>
    </message>
    <message>
        <source>Berkas rubrik (JSON) dari DP3AKB: indikator, nilai paling tinggi dan kategorinya</source>
        <translation>A rubric file (JSON) from DP3AKB: its indicators, highest scores and categories</translation>
    </message>
    <message>
        <source>Ketik nilai hasil verifikasi lalu Enter: tersimpan langsung. Kosongkan nilai untuk menghapusnya. Kategori muncul setelah semua indikator dinilai dan ikut terkirim ke desa/kelurahan di tanda terima berikutnya.</source>
        <translation>Type the verified score, then Enter: it is saved at once. Empty a score to remove it. The category appears once every indicator is scored, and goes to the desa/kelurahan with its next receipt.</translation>
    </message>
    <message>
        <source>Nilai per %1</source>
        <translation>Scores per %1</translation>
    </message>
    <message>
        <source>Indikator rubrik</source>
        <translation>Rubric indicators</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Isi rubrik</source>
        <translation>The rubric</translation>
    </message>
    <message>
        <source>Sumber kategori: %1</source>
        <translation>Source of the categories: %1</translation>
    </message>
    <message>
        <source>%1 · Kec. %2 · evaluasi %3</source>
        <translation>%1 · Kec. %2 · evaluation %3</translation>
    </message>
    <message>
        <source>Belum ada rubrik. Rubrik dipakai bila kabupaten/kota menilai sendiri %1 di wilayahnya (misalnya Siklabo Kota Bogor: Pratama, Madya, Nindya setelah verifikasi lapangan). Kategori %2 hanya datang dari rubrik, tidak pernah dari kategori kabupaten/kota. Pasang berkas rubrik untuk mulai menilai.</source>
        <translation>No rubric yet. A rubric is used when the kabupaten/kota grades its own %1 (for example Kota Bogor&apos;s Siklabo: Pratama, Madya, Nindya after field verification). A %2 category comes only from a rubric, never from the kabupaten/kota categories. Install a rubric file to start scoring.</translation>
    </message>
    <message>
        <source>Cari %1 atau %2…</source>
        <translation>Search a %1 or %2…</translation>
    </message>
    <message>
        <source>Berlaku: %1 versi %2 · %3 indikator · nilai paling tinggi %4 · evaluasi %5.</source>
        <translation>In force: %1 version %2 · %3 indicators · highest score %4 · evaluation %5.</translation>
    </message>
    <message>
        <source>Kode pemeriksaan isi rubrik versi %1: %2 (bila diminta petugas teknis)</source>
        <translation>Content check code of rubric version %1: %2 (if technical support asks for it)</translation>
    </message>
    <message>
        <source>Belum ada nilai. Kategori muncul setelah semua %1 indikator dinilai.</source>
        <translation>No scores yet. The category appears once all %1 indicators are scored.</translation>
    </message>
    <message>
        <source>Jumlah %1 dari %2 · %3 dari %4 indikator dinilai</source>
        <translation>Total %1 of %2 · %3 of %4 indicators scored</translation>
    </message>
    <message>
        <source>kategori muncul setelah semua indikator dinilai</source>
        <translation>the category appears once every indicator is scored</translation>
    </message>
    <message>
        <source>Kategori: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>di bawah kategori terendah</source>
        <translation>below the lowest category</translation>
    </message>
    <message>
        <source>Pilih berkas rubrik</source>
        <translation>Choose a rubric file</translation>
    </message>
    <message>
        <source>Rubrik (*.json)</source>
        <translation>Rubric (*.json)</translation>
    </message>
    <message>
        <source>Pasang rubrik</source>
        <translation>Install a rubric</translation>
    </message>
    <message>
        <source>Pasang %1 versi %2: %3 indikator, nilai paling tinggi %4; kategori %5?</source>
        <translation>Install %1 version %2: %3 indicators, highest score %4; categories %5?</translation>
    </message>
    <message>
        <source>Rubrik ini menggantikan %1 versi %2 yang berlaku sekarang; nilai yang sudah diisi tetap tersimpan.</source>
        <translation>This rubric replaces %1 version %2, in force now; the scores already entered are kept.</translation>
    </message>
    <message>
        <source>Pasang</source>
        <translation>Install</translation>
    </message>
    <message>
        <source>%1 versi %2 sudah berlaku. Tidak ada yang diubah.</source>
        <translation>%1 version %2 is already in force. Nothing was changed.</translation>
    </message>
    <message>
        <source>%1 versi %2 berlaku sekarang. Isi nilai tiap %3 di tab “Nilai per %3”.</source>
        <translation>%1 version %2 is in force now. Enter each %3&apos;s scores on the “Scores per %3” tab.</translation>
    </message>
</context>
<context>
    <name>RubricUnitsModel</name>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Jumlah nilai</source>
        <translation>Total score</translation>
    </message>
    <message>
        <source>Dinilai</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>di bawah kategori terendah</source>
        <translation>below the lowest category</translation>
    </message>
    <message>
        <source>belum lengkap</source>
        <translation>not complete</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Ubah pemeriksaan</source>
        <translation>Change the check</translation>
    </message>
    <message>
        <source>Tambah pemeriksaan</source>
        <translation>Add a check</translation>
    </message>
    <message>
        <source>Isian ini</source>
        <translation>This item</translation>
    </message>
    <message>
        <source>harus</source>
        <translation>must be</translation>
    </message>
    <message>
        <source>isian ini</source>
        <translation>this item</translation>
    </message>
    <message>
        <source>Selisih yang dibiarkan (untuk =)</source>
        <translation>Difference allowed (for =)</translation>
    </message>
    <message>
        <source>Pentingnya</source>
        <translation>Importance</translation>
    </message>
    <message>
        <source>Kalimat untuk petugas</source>
        <translation>Sentence for the clerk</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>tinggi (menahan “siap”)</source>
        <translation>high (holds back “ready”)</translation>
    </message>
    <message>
        <source>sedang</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>rendah</source>
        <translation>low</translation>
    </message>
    <message>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Membandingkan</source>
        <translation>Compares</translation>
    </message>
    <message>
        <source>Pentingnya</source>
        <translation>Importance</translation>
    </message>
</context>
<context>
    <name>RulesPane</name>
    <message>
        <source>Bobot</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Pemeriksaan angka</source>
        <translation>Checks of figures</translation>
    </message>
    <message>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Hapus…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Perubahan dari tahun lalu ditandai bila lebih dari</source>
        <translation>A change from last year is flagged when more than</translation>
    </message>
    <message>
        <source> kali lipat</source>
        <translation> times</translation>
    </message>
    <message>
        <source>untuk angka mulai</source>
        <translation>for figures from</translation>
    </message>
    <message>
        <source>Terapkan</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Ubah rentang…</source>
        <translation>Change the bands…</translation>
    </message>
    <message>
        <source>Jumlah bobot %1 indikator: %2 dari %3. Bobot tiap indikator diubah di bagian Rumusan indikatornya.</source>
        <translation>Weights of the %1 indicators together: %2 of %3. Each indicator&apos;s weight is changed under its Wording.</translation>
    </message>
    <message>
        <source>Sumber: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Pilih dulu satu pemeriksaan di daftar.</source>
        <translation>First choose a check in the list.</translation>
    </message>
    <message>
        <source>Hapus pemeriksaan “%1” dari draf?</source>
        <translation>Remove the check “%1” from the draft?</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Ubah %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>Salin dari tahun %1</source>
        <translation>Copy from %1</translation>
    </message>
    <message>
        <source>Hapus data dukung %1</source>
        <translation>Delete evidence %1</translation>
    </message>
    <message>
        <source>Lepaskan data dukung %1</source>
        <translation>Take off evidence %1</translation>
    </message>
    <message>
        <source>Tambah kegiatan %1</source>
        <translation>Add activity %1</translation>
    </message>
    <message>
        <source>Tambah fasilitas %1</source>
        <translation>Add facility %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bahasa dan petugas</source>
        <translation>Language and operator</translation>
    </message>
    <message>
        <source>Bahasa baru dipakai setelah program dibuka ulang.</source>
        <translation>The new language is used after the program is restarted.</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Nama petugas</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <source>Simpan nama</source>
        <translation>Save name</translation>
    </message>
    <message>
        <source>Petugas yang mengisi</source>
        <translation>Operator entering data</translation>
    </message>
    <message>
        <source>Komputer kantor dipakai bersama: setiap perubahan dicatat atas nama petugas ini.</source>
        <translation>The office computer is shared: every change is recorded under this operator&apos;s name.</translation>
    </message>
    <message>
        <source>Ukuran foto</source>
        <translation>Photo size</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Buat cadangan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Cadangan yang ada (terbaru di atas):</source>
        <translation>Existing backups (newest first):</translation>
    </message>
    <message>
        <source>Pulihkan cadangan yang dipilih…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>Pulihkan dari berkas lain…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <source>Folder ruang kerja: %1</source>
        <translation>Workspace folder: %1</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>cadangan pengaman sebelum dipulihkan</source>
        <translation>safety copy from before the restore</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>otomatis</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Membuat cadangan…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Pilih dulu salah satu cadangan di daftar.</source>
        <translation>First choose a backup in the list.</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Cadangan KLA (*.sqlite);;Semua berkas (*)</source>
        <translation>KLA backups (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Cadangan %1: %2 isian, %3 data dukung.</source>
        <translation>Backup %1: %2 values, %3 supporting documents.</translation>
    </message>
    <message>
        <source>Cadangan %1: %2 isian, %3 data dukung, komputer sudah terdaftar di DP3AKB.</source>
        <translation>Backup %1: %2 values, %3 supporting documents, computer already enrolled with DP3AKB.</translation>
    </message>
    <message>
        <source>Cadangan %1: %2 isian, %3 data dukung, komputer belum terdaftar di DP3AKB.</source>
        <translation>Backup %1: %2 values, %3 supporting documents, computer not yet enrolled with DP3AKB.</translation>
    </message>
    <message>
        <source>Perubahan terakhir di dalamnya: %1.</source>
        <translation>Last change in it: %1.</translation>
    </message>
    <message>
        <source>Cadangan ini dibuat sebelum komputer didaftarkan ke DP3AKB; setelah dipulihkan Anda perlu memasang ulang berkas dari DP3AKB.</source>
        <translation>This backup was made before the computer was enrolled with DP3AKB; after restoring it you will need to install the file from DP3AKB again.</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Ganti semua data ruang kerja ini dengan isi cadangan %1? Data sekarang disimpan dulu sebagai cadangan pengaman.</source>
        <translation>Replace all of this workspace&apos;s data with backup %1? The current data is first saved as a safety backup.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cadangan %1 dipulihkan. Data sebelumnya disimpan sebagai cadangan pengaman %2 (dipilih di daftar); pulihkan cadangan itu bila ingin kembali.</source>
        <translation>Backup %1 restored. The data from before was kept as the safety copy %2 (selected in the list); restore that copy to go back.</translation>
    </message>
    <message>
        <source>Pasang berkas pemasangan DP3AKB…</source>
        <translation>Install DP3AKB&apos;s setup file…</translation>
    </message>
    <message>
        <source>Pendaftaran di DP3AKB</source>
        <translation>Enrolment at DP3AKB</translation>
    </message>
    <message>
        <source>Berkas pemasangan untuk desa/kelurahan yang sama boleh dipasang di ruang kerja yang sudah berisi data: datanya tetap tersimpan. Berkas untuk desa/kelurahan lain ditolak.</source>
        <translation>A setup file for the same desa/kelurahan may be installed into a workspace that already holds data: the data is kept. A file for another desa/kelurahan is refused.</translation>
    </message>
    <message>
        <source> titik</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Sisi terpanjang foto (lebar atau tingginya), dalam titik gambar. Foto yang lebih besar diperkecil sampai sisi terpanjangnya sebesar ini.</source>
        <translation>The longest side of a photo (its width or height), in pixels. Larger photos are made smaller until their longest side is this size.</translation>
    </message>
    <message>
        <source>50 sampai 95: makin tinggi, foto makin jelas tetapi berkasnya makin besar.</source>
        <translation>50 to 95: the higher, the sharper the photo but the larger its file.</translation>
    </message>
    <message>
        <source>Ukuran foto (sisi terpanjang)</source>
        <translation>Photo size (longest side)</translation>
    </message>
    <message>
        <source>Mutu foto</source>
        <translation>Photo quality</translation>
    </message>
    <message>
        <source>Foto yang lebih besar diperkecil saat ditambahkan, agar kiriman ringan tetapi tulisan di foto tetap terbaca. Mutu foto: makin tinggi makin jelas, tetapi berkasnya makin besar. Bawaan: 1600 titik, mutu 80.</source>
        <translation>Larger photos are made smaller when added, so exports stay light while text in photos stays readable. Photo quality: the higher, the sharper, but the larger the file. Default: 1600 px, quality 80.</translation>
    </message>
    <message>
        <source>Ruang kerja ini milik %1 dan terdaftar di DP3AKB (sidik jari kunci %2).</source>
        <translation>This workspace belongs to %1 and is enrolled at DP3AKB (key fingerprint %2).</translation>
    </message>
    <message>
        <source>Ruang kerja ini milik %1, tetapi belum terdaftar di DP3AKB, jadi belum bisa mengirim. Minta berkas pemasangan untuk %1 beserta kata sandinya ke DP3AKB, lalu pasang di sini.</source>
        <translation>This workspace belongs to %1 but is not enrolled at DP3AKB yet, so it cannot send. Ask DP3AKB for the setup file for %1 and its passphrase, then install it here.</translation>
    </message>
</context>
<context>
    <name>SetupInstaller</name>
    <message>
        <source>Pilih berkas pemasangan dari DP3AKB</source>
        <translation>Choose the setup file from DP3AKB</translation>
    </message>
    <message>
        <source>Berkas pemasangan DP3AKB (*.klasetup *.kla);;Semua berkas (*)</source>
        <translation>DP3AKB setup files (*.klasetup *.kla);;All files (*)</translation>
    </message>
    <message>
        <source>Kata sandi berkas</source>
        <translation>File passphrase</translation>
    </message>
    <message>
        <source>Kata sandi yang tercetak pada lembar dari DP3AKB:</source>
        <translation>The passphrase printed on DP3AKB&apos;s slip:</translation>
    </message>
    <message>
        <source>Memasang berkas pemasangan…</source>
        <translation>Installing the setup file…</translation>
    </message>
    <message>
        <source>Berkas pemasangan terpasang</source>
        <translation>Setup file installed</translation>
    </message>
    <message>
        <source>Ruang kerja ini sekarang terdaftar di DP3AKB untuk %1 (sidik jari kunci %2). Semua data yang sudah diisi tetap tersimpan dan ikut dalam kiriman berikutnya. Buat kiriman di halaman Kiriman.</source>
        <translation>This workspace is now enrolled at DP3AKB for %1 (key fingerprint %2). All data already entered is kept and goes with the next submission. Make a submission on the Outbox page.</translation>
    </message>
    <message>
        <source>Berkas pemasangan tidak dipasang</source>
        <translation>Setup file not installed</translation>
    </message>
</context>
<context>
    <name>TemplateDiffDialog</name>
    <message>
        <source>Belum bisa diterbitkan</source>
        <translation>Cannot be published yet</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Simpan daftar perubahan ini sebagai PDF untuk arsip</source>
        <translation>Save this list of changes as a PDF for the record</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Terbitkan versi ini…</source>
        <translation>Publish this version…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Daftar perubahan</source>
        <translation>List of changes</translation>
    </message>
</context>
<context>
    <name>TemplateEvidenceModel</name>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Umur paling lama</source>
        <translation>At most</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <source>Buat draf versi berikutnya</source>
        <translation>Start a draft of the next version</translation>
    </message>
    <message>
        <source>Berlakukan versi baru…</source>
        <translation>Put a newer version in force…</translation>
    </message>
    <message>
        <source>Versi yang ikut program ini (mis. pembaruan 2025) atau berkas template dari DP3AKB: perubahannya ditampilkan dulu</source>
        <translation>A version that comes with the program (e.g. the 2025 update) or a template file from DP3AKB: its changes are shown first</translation>
    </message>
    <message>
        <source>Buang draf…</source>
        <translation>Discard the draft…</translation>
    </message>
    <message>
        <source>Lihat perubahan…</source>
        <translation>See the changes…</translation>
    </message>
    <message>
        <source>Terbitkan…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>Template %1</translation>
    </message>
    <message>
        <source>Versi %1 ikut program ini dan belum berlaku: lihat perubahannya lewat “Berlakukan versi baru…”.</source>
        <translation>Version %1 comes with the program and is not in force yet: see its changes through “Put a newer version in force…”.</translation>
    </message>
    <message numerus="yes">
        <source>Belum bisa diterbitkan: %n hal perlu dibereskan (ditandai merah di indikatornya).</source>
        <translation>
            <numerusform>Cannot be published yet: %n thing needs sorting out (marked red at its indicator).</numerusform>
            <numerusform>Cannot be published yet: %n things need sorting out (marked red at their indicator).</numerusform>
        </translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Draf versi berikutnya dibuat. Ubah yang perlu; semua tersimpan otomatis.</source>
        <translation>A draft of the next version was made. Change what is needed; everything is saved as you go.</translation>
    </message>
    <message>
        <source>Buang draf</source>
        <translation>Discard the draft</translation>
    </message>
    <message>
        <source>Semua perubahan di draf ini dibuang. Template yang berlaku tidak berubah. Lanjutkan?</source>
        <translation>Every change in this draft is thrown away. The template in force does not change. Go on?</translation>
    </message>
    <message>
        <source>Yang berubah dari versi %1 (berlaku) ke draf versi %2, dalam kata-kata. Nilai yang sudah diisi di desa/kelurahan tidak hilang: yang tidak punya tempat di versi baru disimpan terpisah.</source>
        <translation>What changes from version %1 (in force) to draft version %2, in words. Values already entered at the desa/kelurahan are not lost: those with no place in the new version are kept apart.</translation>
    </message>
    <message>
        <source>Periksa sekali lagi, lalu klik “Terbitkan versi ini”.</source>
        <translation>Check once more, then click “Publish this version”.</translation>
    </message>
    <message>
        <source>Perubahan template: versi %1 → %2</source>
        <translation>Template changes: version %1 → %2</translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Menyimpan PDF perubahan…</source>
        <translation>Saving the PDF of the changes…</translation>
    </message>
    <message>
        <source>Terbitkan template</source>
        <translation>Publish the template</translation>
    </message>
    <message>
        <source>Terbitkan draf sebagai %1 versi %2? Versi ini langsung berlaku di DP3AKB, dan setiap desa/kelurahan menerimanya lewat tanda terima atau berkas pemasangan berikutnya. Nilai yang sudah diisi dipindahkan menurut aturan yang ditampilkan; yang tidak punya tempat disimpan terpisah, tidak dihapus. Cadangan dibuat dulu.</source>
        <translation>Publish the draft as %1 version %2? It is in force at DP3AKB at once, and every desa/kelurahan gets it with its next receipt or setup file. Values already entered move by the rules shown; those with no place are kept apart, not deleted. A backup is made first.</translation>
    </message>
    <message>
        <source>Terbitkan</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Tunggu sampai pekerjaan yang sedang berjalan selesai.</source>
        <translation>Wait until the job that is running has finished.</translation>
    </message>
    <message>
        <source>%1 versi %2 berlaku sekarang. Tanda terima dan berkas pemasangan berikutnya membawanya ke desa/kelurahan. %3 isian di DP3AKB dipindahkan, %4 nilai disimpan terpisah. Cadangan: %5</source>
        <translation>%1 version %2 is in force now. The next receipts and setup files take it to the desa/kelurahan. %3 entries at DP3AKB were moved, %4 values kept apart. Backup: %5</translation>
    </message>
    <message>
        <source>Penerbitan dibatalkan. Template yang berlaku dan semua isian tidak berubah.</source>
        <translation>Publishing cancelled. The template in force and every value are unchanged.</translation>
    </message>
    <message>
        <source>Draf versi %1 sedang disunting · berlaku sekarang: versi %2. Perubahan tersimpan otomatis di draf; desa/kelurahan baru menerimanya setelah diterbitkan.</source>
        <translation>Draft version %1 being edited · in force now: version %2. Changes are saved in the draft as you go; the desa/kelurahan get them only once it is published.</translation>
    </message>
    <message>
        <source>Berlaku: versi %1. Untuk mengubahnya, buat draf versi berikutnya.</source>
        <translation>In force: version %1. To change it, start a draft of the next version.</translation>
    </message>
    <message>
        <source>Kode pemeriksaan isi templat versi %1: %2 (bila diminta petugas teknis)</source>
        <translation>Content check code of template version %1: %2 (if technical support asks for it)</translation>
    </message>
    <message>
        <source>Menerbitkan template…</source>
        <translation>Publishing the template…</translation>
    </message>
    <message>
        <source>%1 versi %2 (ikut program ini)</source>
        <translation>%1 version %2 (comes with the program)</translation>
    </message>
    <message>
        <source>Dari berkas template…</source>
        <translation>From a template file…</translation>
    </message>
    <message>
        <source>Pilih berkas template</source>
        <translation>Choose a template file</translation>
    </message>
    <message>
        <source>Template (*.json)</source>
        <translation>Template (*.json)</translation>
    </message>
    <message>
        <source>Berlakukan versi baru</source>
        <translation>Put a newer version in force</translation>
    </message>
    <message>
        <source>%1 versi %2 sudah berlaku. Tidak ada yang diubah.</source>
        <translation>%1 version %2 is already in force. Nothing was changed.</translation>
    </message>
    <message>
        <source>Yang berubah dari versi %1 (berlaku) ke versi %2, dalam kata-kata. Nilai yang sudah diisi di desa/kelurahan tidak hilang: yang tidak punya tempat di versi baru disimpan terpisah. Periksa, lalu klik “Berlakukan versi ini”.</source>
        <translation>What changes from version %1 (in force) to version %2, in words. Values already entered in the desa/kelurahan are not lost: those with no place in the new version are kept apart. Check, then click “Put this version in force”.</translation>
    </message>
    <message>
        <source>Berlakukan versi ini…</source>
        <translation>Put this version in force…</translation>
    </message>
    <message>
        <source>Draf versi berikutnya yang sedang disunting tidak bisa diterbitkan lagi sesudahnya; buang lalu buat draf baru dari versi ini.</source>
        <translation>The draft of the next version being edited can no longer be published afterwards; discard it, then make a new draft from this version.</translation>
    </message>
    <message>
        <source>Berlakukan %1 versi %2? Versi ini langsung berlaku di DP3AKB, dan setiap desa/kelurahan menerimanya lewat tanda terima atau berkas pemasangan berikutnya. Nilai yang sudah diisi dipindahkan menurut aturan yang ditampilkan; yang tidak punya tempat disimpan terpisah, tidak dihapus. Cadangan dibuat dulu.</source>
        <translation>Put %1 version %2 in force? It is in force at DP3AKB at once, and every desa/kelurahan receives it with its next receipt or setup file. Values already entered move by the rules shown; those with no place are kept apart, not deleted. A backup is made first.</translation>
    </message>
    <message>
        <source>Berlakukan</source>
        <translation>Put in force</translation>
    </message>
    <message>
        <source>Dibatalkan. Template yang berlaku dan semua isian tidak berubah.</source>
        <translation>Cancelled. The template in force and every value are unchanged.</translation>
    </message>
    <message>
        <source>Memberlakukan versi %1…</source>
        <translation>Putting version %1 in force…</translation>
    </message>
</context>
<context>
    <name>TemplateTree</name>
    <message>
        <source>draf</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>Aturan, bobot &amp; kategori</source>
        <translation>Rules, weights &amp; categories</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Tambah desa/kelurahan</source>
        <translation>Add a desa/kelurahan</translation>
    </message>
    <message>
        <source>Desa (kode 2xxx)</source>
        <translation>Desa (code 2xxx)</translation>
    </message>
    <message>
        <source>Kelurahan (kode 1xxx)</source>
        <translation>Kelurahan (code 1xxx)</translation>
    </message>
    <message>
        <source>tanpa kata Desa/Kelurahan, misalnya Perian Baru</source>
        <translation>without the word Desa/Kelurahan, for example Perian Baru</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Kode Kemendagri</source>
        <translation>Kemendagri code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kode diusulkan dari kode berikutnya yang belum dipakai di kecamatan itu; ganti bila Kemendagri sudah memberi kodenya.</source>
        <translation>The code proposed is the next one not used in that kecamatan; change it if Kemendagri has given one.</translation>
    </message>
    <message>
        <source>Tambahkan</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnitScoresModel</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Paling tinggi</source>
        <translation>Highest</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Catatan juri</source>
        <translation>Jury&apos;s note</translation>
    </message>
    <message>
        <source>Nilai terverifikasi 0 sampai %1; kosongkan untuk menghapus</source>
        <translation>The verified score, 0 to %1; empty it to remove it</translation>
    </message>
    <message>
        <source>Isi nilainya dulu, lalu catatannya</source>
        <translation>Enter the score first, then its note</translation>
    </message>
</context>
<context>
    <name>XlsxFormButtons</name>
    <message>
        <source>Unduh formulir Excel</source>
        <translation>Download Excel form</translation>
    </message>
    <message>
        <source>Formulir untuk diisi di Excel atau LibreOffice di komputer lain, lalu diimpor kembali</source>
        <translation>A form to fill in Excel or LibreOffice on another computer, then import back</translation>
    </message>
    <message>
        <source>Indikator yang sedang dibuka</source>
        <translation>The indicator shown</translation>
    </message>
    <message>
        <source>Semua indikator</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Baca formulir Excel yang sudah diisi; Anda melihat dulu apa saja yang berubah sebelum disimpan. Berkasnya juga bisa diseret ke halaman ini.</source>
        <translation>Read a filled-in Excel form; you first see what changes before anything is saved. The file can also be dragged onto this page.</translation>
    </message>
    <message>
        <source>Indikator %1 saja</source>
        <translation>Indicator %1 only</translation>
    </message>
    <message>
        <source>Simpan formulir Excel</source>
        <translation>Save Excel form</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Menulis formulir Excel…</source>
        <translation>Writing the Excel form…</translation>
    </message>
    <message>
        <source>Formulir tersimpan di %1. Isi di Excel atau LibreOffice, lalu pilih “Impor dari Excel”.</source>
        <translation>Form saved to %1. Fill it in Excel or LibreOffice, then choose “Import from Excel”.</translation>
    </message>
    <message>
        <source>Pilih formulir Excel yang sudah diisi</source>
        <translation>Choose the filled-in Excel form</translation>
    </message>
    <message>
        <source>Ruang kerja ini dibuka hanya-baca: formulir tidak bisa diimpor di jendela ini.</source>
        <translation>This workspace is open read-only: a form cannot be imported in this window.</translation>
    </message>
    <message>
        <source>Membaca formulir Excel…</source>
        <translation>Reading the Excel form…</translation>
    </message>
    <message>
        <source>Formulir tidak bisa diimpor</source>
        <translation>The form cannot be imported</translation>
    </message>
    <message>
        <source>Pemetaan tidak disimpan</source>
        <translation>The mapping was not saved</translation>
    </message>
    <message>
        <source>Menyimpan isian dari formulir…</source>
        <translation>Saving the data from the form…</translation>
    </message>
    <message numerus="yes">
        <source>Impor formulir Excel (%n kotak)</source>
        <translation>
            <numerusform>Import Excel form (%n cell)</numerusform>
            <numerusform>Import Excel form (%n cells)</numerusform>
        </translation>
    </message>
    <message>
        <source>Formulir diimpor: %1 baru, %2 berubah, %3 ditandai, %4 tidak sah. Ctrl+Z membatalkan seluruh impor.</source>
        <translation>Form imported: %1 new, %2 changed, %3 flagged, %4 not valid. Ctrl+Z undoes the whole import.</translation>
    </message>
</context>
<context>
    <name>XlsxImportDialog</name>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Formulir Kelurahan %1, tahun data %2</source>
        <translation>Form of Kelurahan %1, data year %2</translation>
    </message>
    <message>
        <source>%1 baru, %2 berubah, %3 ditandai, %4 tidak sah, %5 tetap. Belum ada yang disimpan: periksa daftar di bawah, lalu pilih “Terapkan” untuk menyimpan semua perubahan yang sah sekaligus.</source>
        <translation>%1 new, %2 changed, %3 flagged, %4 not valid, %5 unchanged. Nothing is saved yet: check the list below, then choose “Apply” to save every valid change at once.</translation>
    </message>
    <message>
        <source>Kotak yang tidak sah tidak diimpor. Perbaiki di Excel lalu impor lagi; kotak lain bisa diterapkan sekarang.</source>
        <translation>Cells that are not valid are not imported. Correct them in Excel and import again; the other cells can be applied now.</translation>
    </message>
    <message>
        <source>Hasil uji coba impor per kotak</source>
        <translation>Result of the trial import per cell</translation>
    </message>
    <message>
        <source>Tampilkan juga kotak yang tetap</source>
        <translation>Also show the unchanged cells</translation>
    </message>
    <message numerus="yes">
        <source>Terapkan %n perubahan</source>
        <translation>
            <numerusform>Apply %n change</numerusform>
            <numerusform>Apply %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Ruang kerja ini dibuka hanya-baca.</source>
        <translation>This workspace is open read-only.</translation>
    </message>
    <message>
        <source>Tidak ada yang perlu disimpan dari formulir ini.</source>
        <translation>Nothing in this form needs saving.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>XlsxMappingDialog</name>
    <message>
        <source>Petakan kolom buku kerja</source>
        <translation>Map the workbook&apos;s columns</translation>
    </message>
    <message>
        <source>%1 bukan formulir KLA. Tunjukkan sekali kolom mana berisi apa. Pemetaan ini disimpan dan dipakai lagi untuk berkas serupa (misalnya rekap tahun depan), walaupun urutan kolom atau barisnya berubah.</source>
        <translation>%1 is not a KLA form. Show once which column holds what. This mapping is saved and used again for similar files (for example next year&apos;s recap), even when the order of its columns or rows changes.</translation>
    </message>
    <message>
        <source>Lembar</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Baris judul kolom</source>
        <translation>Row of column headers</translation>
    </message>
    <message>
        <source>Kolom nama kelurahan</source>
        <translation>Column with the kelurahan name</translation>
    </message>
    <message>
        <source>Baris kelurahan ini</source>
        <translation>This kelurahan&apos;s row</translation>
    </message>
    <message>
        <source>Indikator yang diisi</source>
        <translation>Indicator filled</translation>
    </message>
    <message>
        <source>Nama pemetaan</source>
        <translation>Mapping name</translation>
    </message>
    <message>
        <source>Judul kolom di berkas</source>
        <translation>Column header in the file</translation>
    </message>
    <message>
        <source>Isi di baris itu</source>
        <translation>Content in that row</translation>
    </message>
    <message>
        <source>Diisikan ke</source>
        <translation>Fills</translation>
    </message>
    <message>
        <source>Simpan pemetaan dan lanjutkan</source>
        <translation>Save mapping and continue</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>— tidak dipakai —</source>
        <translation>— not used —</translation>
    </message>
    <message>
        <source>Beri nama pemetaan ini, misalnya “Rekap Disdukcapil”.</source>
        <translation>Give this mapping a name, for example “Rekap Disdukcapil”.</translation>
    </message>
    <message>
        <source>Pilih kolom nama kelurahan dan baris kelurahan ini.</source>
        <translation>Choose the column with the kelurahan name and this kelurahan&apos;s row.</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu kolom dan isian tujuannya.</source>
        <translation>Choose at least one column and the item it fills.</translation>
    </message>
    <message>
        <source>Dua kolom diisikan ke isian yang sama. Pilih isian lain untuk salah satunya.</source>
        <translation>Two columns fill the same item. Choose another item for one of them.</translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <source>Peraturan/kebijakan</source>
        <translation>Regulation/policy</translation>
    </message>
    <message>
        <source>Surat Keputusan (SK)</source>
        <translation>Decree (SK)</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Notulen/daftar hadir</source>
        <translation>Minutes/attendance list</translation>
    </message>
    <message>
        <source>Sertifikat/piagam</source>
        <translation>Certificate/award</translation>
    </message>
    <message>
        <source>Tabel/rekap data</source>
        <translation>Data table/summary</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Nomor: %1</source>
        <translation>Number: %1</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>importer</name>
    <message>
        <source>Memproses %1 (%2 dari %3)</source>
        <translation>Processing %1 (%2 of %3)</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Belum ada ruang kerja di {home}. Buat dulu dengan &apos;kla init&apos; atau pilih folder lain.</source>
        <translation>There is no workspace in {home} yet. Create one first with &apos;kla init&apos;, or choose another folder.</translation>
    </message>
    <message>
        <source>Di {home} sudah ada ruang kerja. Pilih folder lain, atau pakai ruang kerja yang ada.</source>
        <translation>There is already a workspace in {home}. Choose another folder, or use the existing workspace.</translation>
    </message>
    <message>
        <source>Folder {home} sudah berisi berkas lain. Pilih folder kosong untuk ruang kerja baru.</source>
        <translation>The folder {home} already holds other files. Choose an empty folder for a new workspace.</translation>
    </message>
    <message>
        <source>Berkas {path} bukan basis data KLA Desktop. Pilih folder ruang kerja yang benar.</source>
        <translation>The file {path} is not a KLA Desktop database. Choose the right workspace folder.</translation>
    </message>
    <message>
        <source>Basis data rusak ({detail}). Jangan ketik data baru dulu. Pulihkan dari cadangan terakhir yang baik: kla restore &quot;{backup}&quot;.</source>
        <translation>The database is damaged ({detail}). Do not type new data yet. Restore the last good backup: kla restore &quot;{backup}&quot;.</translation>
    </message>
    <message>
        <source>Basis data ini dibuat oleh versi KLA Desktop yang lebih baru ({unknown}). Perbarui program ini dulu.</source>
        <translation>This database was made by a newer version of KLA Desktop ({unknown}). Update this program first.</translation>
    </message>
    <message>
        <source>Ruang kerja sedang dipakai jendela lain. Tutup jendela itu dulu, lalu coba lagi.</source>
        <translation>Another window is using the workspace. Close that window first, then try again.</translation>
    </message>
    <message>
        <source>Perintah ini hanya untuk ruang kerja {needed}; ruang kerja ini berperan {role}.</source>
        <translation>This command is only for {needed} workspaces; this workspace has the role {role}.</translation>
    </message>
    <message>
        <source>Ruang kerja ini milik {own_kind} {own_named}; data {code_kind} {code_named} tidak bisa diisi di sini.</source>
        <translation>This workspace belongs to {own_kind} {own_named}; data of {code_kind} {code_named} cannot be entered here.</translation>
    </message>
    <message>
        <source>Berkas ini menyebut wilayah {code_named}, bukan {own_kind} {own_named} milik ruang kerja ini. Tidak ada yang diubah.</source>
        <translation>This file names area {code_named}, not {own_kind} {own_named} of this workspace. Nothing was changed.</translation>
    </message>
    <message>
        <source>Wilayah &apos;{code}&apos; tidak ditemukan. Periksa kode atau ejaan namanya.</source>
        <translation>Area &apos;{code}&apos; was not found. Check the code or the spelling of the name.</translation>
    </message>
    <message>
        <source>Tahun data {year} tidak termasuk periode evaluasi mana pun. Tahun yang bisa diisi: {years}.</source>
        <translation>Data year {year} is not in any evaluation period. Years that can be filled in: {years}.</translation>
    </message>
    <message>
        <source>Periode evaluasi {eval_year} tidak sah: tahun data harus sebelum tahun evaluasi.</source>
        <translation>Evaluation period {eval_year} is not valid: data years must come before the evaluation year.</translation>
    </message>
    <message>
        <source>Indikator nomor {indicator} tidak ada. Nomor indikator KLA adalah 1 sampai 24.</source>
        <translation>There is no indicator number {indicator}. KLA indicators are numbered 1 to 24.</translation>
    </message>
    <message>
        <source>Klaster {cluster} tidak ada di template.</source>
        <translation>Cluster {cluster} is not in the template.</translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; tidak ada di indikator {indicator}. Lihat daftar isian dengan &apos;kla template show&apos;.</source>
        <translation>Item &apos;{item}&apos; is not part of indicator {indicator}. See the items with &apos;kla template show&apos;.</translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; dipilah menurut jenis kelamin: sebutkan --sex L atau --sex P.</source>
        <translation>Item &apos;{item}&apos; is split by sex: give --sex L or --sex P.</translation>
    </message>
    <message>
        <source>Kelompok umur &apos;{age}&apos; tidak dikenal untuk &apos;{item}&apos;. Pilih salah satu: {bands}.</source>
        <translation>Age band &apos;{age}&apos; is unknown for &apos;{item}&apos;. Choose one of: {bands}.</translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; tidak dipilah seperti itu (jenis kelamin &apos;{sex}&apos;, umur &apos;{age}&apos;).</source>
        <translation>Item &apos;{item}&apos; is not split that way (sex &apos;{sex}&apos;, age &apos;{age}&apos;).</translation>
    </message>
    <message>
        <source>Nilainya kosong. Ketik angkanya, atau kosongkan isian untuk menghapus.</source>
        <translation>The value is empty. Type the number, or empty the item to delete it.</translation>
    </message>
    <message>
        <source>Angka {value} terlalu besar untuk isian ini (paling besar {max_value}). Periksa apakah ada angka yang terketik dua kali.</source>
        <translation>The number {value} is too large for this field (at most {max_value}). Check whether a number was typed twice.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan angka. Ketik angka saja, misalnya 1.250 atau 1250.</source>
        <translation>&apos;{value}&apos; is not a number. Type digits only, for example 1.250 or 1250.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan bilangan bulat. Jumlah orang atau unit harus bulat, misalnya 12.</source>
        <translation>&apos;{value}&apos; is not a whole number. Counts of people or units must be whole, for example 12.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bernilai negatif. Jumlah tidak boleh kurang dari nol.</source>
        <translation>&apos;{value}&apos; is negative. A count cannot be less than zero.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; tidak dikenali. Jawab &apos;ya&apos; atau &apos;tidak&apos;.</source>
        <translation>&apos;{value}&apos; is not understood. Answer &apos;yes&apos; or &apos;no&apos;.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan pilihan yang tersedia. Pilih salah satu: {choices}.</source>
        <translation>&apos;{value}&apos; is not one of the choices. Choose one of: {choices}.</translation>
    </message>
    <message>
        <source>Teksnya terlalu panjang ({length} huruf). Ringkas menjadi paling banyak 5.000 huruf.</source>
        <translation>The text is too long ({length} characters). Shorten it to at most 5,000 characters.</translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; dihitung otomatis dari isian lain dan tidak bisa diketik.</source>
        <translation>Item &apos;{item}&apos; is calculated from other items and cannot be typed.</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; ({part_value}) tidak boleh lebih besar dari &apos;{whole}&apos; ({whole_value}). Periksa kedua angka itu dan perbaiki yang salah.</source>
        <translation>&apos;{part}&apos; ({part_value}) cannot be larger than &apos;{whole}&apos; ({whole_value}). Check both numbers and fix the wrong one.</translation>
    </message>
    <message>
        <source>Indikator {indicator} belum bisa ditandai siap: isian wajib belum lengkap ({missing}).</source>
        <translation>Indicator {indicator} cannot be marked ready yet: required items are incomplete ({missing}).</translation>
    </message>
    <message>
        <source>Indikator {indicator} belum bisa ditandai siap: {flagged} angka ditandai kuning karena tidak cocok. Perbaiki angka itu dulu, lalu tandai siap lagi.</source>
        <translation>Indicator {indicator} cannot be marked ready yet: {flagged} value(s) are marked yellow because they do not fit. Correct them first, then mark the indicator ready again.</translation>
    </message>
    <message>
        <source>Status &apos;{status}&apos; tidak dikenal. Pilih &apos;draft&apos; atau &apos;ready&apos;.</source>
        <translation>Status &apos;{status}&apos; is unknown. Choose &apos;draft&apos; or &apos;ready&apos;.</translation>
    </message>
    <message>
        <source>Status tinjauan &apos;{state}&apos; tidak dikenal.</source>
        <translation>Review status &apos;{state}&apos; is unknown.</translation>
    </message>
    <message>
        <source>Template indikator tidak sah ({where}: {problem}). Minta berkas template yang benar ke DP3AKB.</source>
        <translation>The indicator template is not valid ({where}: {problem}). Ask DP3AKB for the right template file.</translation>
    </message>
    <message>
        <source>Template ini versi {version}, lebih lama dari versi {active} yang berlaku. Tidak ada yang diubah: versi yang berlaku tidak pernah diganti dengan versi lama.</source>
        <translation>This template is version {version}, older than version {active} in force. Nothing was changed: the version in force is never replaced by an older one.</translation>
    </message>
    <message>
        <source>Berkas ini template “{id}”, sedangkan ruang kerja ini memakai template “{active}”. Tidak ada yang diubah. Minta berkas template yang benar ke DP3AKB.</source>
        <translation>This file is template “{id}”, but this workspace uses template “{active}”. Nothing was changed. Ask DP3AKB for the right template file.</translation>
    </message>
    <message>
        <source>Berkas “{id}” adalah template KLA, bukan rubrik desa/kelurahan. Tidak ada yang diubah.</source>
        <translation>File “{id}” is a KLA template, not a village rubric. Nothing was changed.</translation>
    </message>
    <message>
        <source>Belum ada rubrik desa/kelurahan di ruang kerja ini. Pasang dulu dengan: kla rubric install BERKAS.json</source>
        <translation>This workspace has no village rubric yet. Install one first with: kla rubric install FILE.json</translation>
    </message>
    <message>
        <source>Rubrik ini versi {version}, lebih lama dari versi {active} yang sudah dipakai. Tidak ada yang diubah.</source>
        <translation>This rubric is version {version}, older than version {active} in use. Nothing was changed.</translation>
    </message>
    <message>
        <source>Nilai {value} untuk indikator {indicator} rubrik tidak sah: isi angka 0 sampai paling banyak {max}.</source>
        <translation>Score {value} for rubric indicator {indicator} is not valid: enter a number from 0 to at most {max}.</translation>
    </message>
    <message>
        <source>Indikator {indicator} tidak ada di rubrik “{id}”.</source>
        <translation>Indicator {indicator} is not in rubric “{id}”.</translation>
    </message>
    <message>
        <source>Berkas “{id}” adalah rubrik desa/kelurahan, bukan template KLA. Tidak ada yang diubah; pasang sebagai rubrik.</source>
        <translation>File “{id}” is a village rubric, not a KLA template. Nothing was changed; install it as a rubric.</translation>
    </message>
    <message>
        <source>Template indikator belum terpasang. Pasang berkas dari DP3AKB dulu.</source>
        <translation>No indicator template is installed. Install DP3AKB&apos;s file first.</translation>
    </message>
    <message>
        <source>Template {id} versi {version} sudah ada dengan isi berbeda. Minta DP3AKB menaikkan nomor versinya.</source>
        <translation>Template {id} version {version} already exists with different content. Ask DP3AKB to raise its version number.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak ditemukan. Periksa nama dan letaknya.</source>
        <translation>The file {path} was not found. Check its name and location.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak bisa disalin ({detail}). Periksa ruang disk dan coba lagi.</source>
        <translation>The file {path} could not be copied ({detail}). Check the disk space and try again.</translation>
    </message>
    <message>
        <source>Data dukung {id} tidak ditemukan.</source>
        <translation>Evidence {id} was not found.</translation>
    </message>
    <message>
        <source>Data dukung yang diminta &apos;{requirement}&apos; tidak ada di indikator {indicator}. Pilih salah satu dari daftar di panel data dukung.</source>
        <translation>The requested evidence &apos;{requirement}&apos; does not exist in indicator {indicator}. Choose one from the list in the evidence panel.</translation>
    </message>
    <message>
        <source>Berkas ini belum dipakai untuk indikator {indicator} tahun data {year}. Tambahkan dulu ke indikator itu, lalu pilih untuk apa berkasnya.</source>
        <translation>This file is not used for indicator {indicator}, data year {year}, yet. Add it to that indicator first, then choose what it is for.</translation>
    </message>
    <message>
        <source>Jenis data dukung &apos;{kind}&apos; tidak dikenal. Pilih salah satu: {kinds}.</source>
        <translation>Evidence type &apos;{kind}&apos; is unknown. Choose one of: {kinds}.</translation>
    </message>
    <message>
        <source>{path} adalah folder, bukan berkas, jadi tidak ada yang ditambahkan. Pilih berkas di dalam folder itu (misalnya PDF atau fotonya); beberapa berkas boleh sekaligus.</source>
        <translation>{path} is a folder, not a file, so nothing was added. Choose the files inside that folder (for example its PDFs or photos); several files may be added at once.</translation>
    </message>
    <message>
        <source>Berkas {name} kosong (0 bita), jadi tidak ditambahkan. Salin lagi berkas itu dari sumbernya atau simpan ulang dari program aslinya, lalu tambahkan lagi.</source>
        <translation>The file {name} is empty (0 bytes), so it was not added. Copy the file again from where it came from, or save it again from the program that made it, then add it again.</translation>
    </message>
    <message>
        <source>Kolom tidak dikenal: {fields}.</source>
        <translation>Unknown fields: {fields}.</translation>
    </message>
    <message>
        <source>Nama petugas kosong. Ketik nama Anda.</source>
        <translation>The operator name is empty. Type your name.</translation>
    </message>
    <message>
        <source>Kegiatan {id} tidak ditemukan.</source>
        <translation>Activity {id} was not found.</translation>
    </message>
    <message>
        <source>Jenis kegiatan &apos;{kind}&apos; tidak dikenal. Pilih &apos;kegiatan&apos; atau &apos;inovasi&apos;.</source>
        <translation>Activity type &apos;{kind}&apos; is unknown. Choose &apos;kegiatan&apos; (activity) or &apos;inovasi&apos; (innovation).</translation>
    </message>
    <message>
        <source>Mitra &apos;{partner}&apos; tidak dikenal, jadi kegiatannya tidak disimpan. Pilih mitra dari daftar ini (yang diketik di dalam kurung): {partners}.</source>
        <translation>Partner &apos;{partner}&apos; is not known, so the activity was not saved. Choose a partner from this list (what to type is in brackets): {partners}.</translation>
    </message>
    <message>
        <source>Kegiatan “{title}” memuat mitra &apos;{partner}&apos; yang tidak dikenal, sehingga DP3AKB akan menolak seluruh kirimannya. Tidak ada yang dikirim. Buka kegiatan itu di halaman Kegiatan, centang ulang mitranya (mitra yang tidak dikenal ikut terhapus), lalu kirim lagi.</source>
        <translation>Activity “{title}” has a partner &apos;{partner}&apos; that is not known, so DP3AKB would refuse the whole bundle. Nothing was sent. Open that activity on the Activities page, tick its partners again (the unknown partner is removed), then send again.</translation>
    </message>
    <message>
        <source>Judul kegiatan kosong. Ketik judulnya.</source>
        <translation>The activity title is empty. Type a title.</translation>
    </message>
    <message>
        <source>Fasilitas {id} tidak ditemukan.</source>
        <translation>Facility {id} was not found.</translation>
    </message>
    <message>
        <source>Jenis fasilitas &apos;{type}&apos; tidak dikenal. Pilih salah satu: {types}.</source>
        <translation>Facility type &apos;{type}&apos; is unknown. Choose one of: {types}.</translation>
    </message>
    <message>
        <source>Status standardisasi &apos;{value}&apos; tidak dikenal (belum, proses, terstandar, utama).</source>
        <translation>Standardisation status &apos;{value}&apos; is unknown (belum, proses, terstandar, utama).</translation>
    </message>
    <message>
        <source>Koordinat &apos;{value}&apos; tidak sah. Tulis seperti -1,2654 (lintang) dan 116,8312 (bujur).</source>
        <translation>Coordinate &apos;{value}&apos; is not valid. Write it like -1,2654 (latitude) and 116,8312 (longitude).</translation>
    </message>
    <message>
        <source>Periksa koordinatnya: titik ini di luar Indonesia, tetapi masuk wilayah Indonesia bila tanda minusnya diubah. Di selatan khatulistiwa Lintang diawali minus (misalnya -1,2654); Bujur di Indonesia tanpa minus.</source>
        <translation>Check the coordinates: this point is outside Indonesia, but inside it with the minus sign changed. South of the equator the latitude starts with a minus (e.g. -1,2654); longitude in Indonesia has no minus.</translation>
    </message>
    <message>
        <source>Periksa koordinatnya: titik ini di luar wilayah Indonesia. Salin lagi dari peta (di Google Maps: klik kanan pada tempatnya, lalu klik angka koordinat yang muncul untuk menyalinnya).</source>
        <translation>Check the coordinates: this point is outside Indonesia. Copy them again from a map (in Google Maps: right-click the place, then click the coordinates shown to copy them).</translation>
    </message>
    <message>
        <source>Tanggal kegiatan ini tahun {year}, sedangkan kegiatan dicatat untuk data tahun {data_year}. Periksa tanggalnya, atau catat kegiatan itu di data tahun {year} bila termasuk data tahun tersebut.</source>
        <translation>This activity is dated {year}, but it is recorded for data year {data_year}. Check the date, or record the activity under data year {year} if it belongs to that year&apos;s data.</translation>
    </message>
    <message>
        <source>Nama fasilitas kosong. Ketik namanya.</source>
        <translation>The facility name is empty. Type its name.</translation>
    </message>
    <message>
        <source>Cadangan tidak bisa dibuat di {path} ({detail}). Periksa ruang disk.</source>
        <translation>The backup could not be made in {path} ({detail}). Check the disk space.</translation>
    </message>
    <message>
        <source>Berkas {path} bukan cadangan KLA yang utuh ({detail}). Pilih berkas cadangan lain.</source>
        <translation>The file {path} is not a complete KLA backup ({detail}). Choose another backup file.</translation>
    </message>
    <message>
        <source>Perintah ini hanya untuk ruang kerja DP3AKB.</source>
        <translation>This command is only for the DP3AKB workspace.</translation>
    </message>
    <message>
        <source>Status KELANA &apos;{status}&apos; tidak dikenal. Pilih: belum, inisiasi (rintisan), atau kelana.</source>
        <translation>KELANA status &apos;{status}&apos; is not known. Choose: belum (not started), inisiasi (being prepared) or kelana.</translation>
    </message>
    <message>
        <source>Status KELANA kecamatan {code} untuk tahun data {year} belum dicatat. Catat statusnya dulu, lalu lampirkan SK-nya.</source>
        <translation>The KELANA status of kecamatan {code} for data year {year} has not been recorded. Record the status first, then attach its decree.</translation>
    </message>
    <message>
        <source>Belum ada kiriman yang ditulis di ruang kerja ini, jadi belum ada berita acara. Buat kiriman dulu di menu Kiriman.</source>
        <translation>No export has been written in this workspace yet, so there is no handover record. Make an export first under Kiriman.</translation>
    </message>
    <message>
        <source>&apos;{digest}&apos; bukan kode pemeriksaan berita acara. Kode itu terdiri dari angka 0–9 dan huruf a–f; salin dari lembar berita acara.</source>
        <translation>&apos;{digest}&apos; is not a handover check code. The code is made of the digits 0–9 and the letters a–f; copy it from the handover record.</translation>
    </message>
    <message>
        <source>Kode &apos;{digest}&apos; terlalu pendek. Ketik paling sedikit {need} huruf pertama kode pemeriksaan dari lembar berita acara, atau pindai kode QR-nya.</source>
        <translation>The code &apos;{digest}&apos; is too short. Type at least the first {need} characters of the check code from the handover record, or scan its QR code.</translation>
    </message>
    <message>
        <source>Periode evaluasi {eval_year} tidak ada. Pilih salah satu periode yang tercantum di bagian atas jendela.</source>
        <translation>There is no evaluation period {eval_year}. Choose one of the periods listed at the top of the window.</translation>
    </message>
    <message>
        <source>Belum didaftarkan: {code_kind} {code_named}. Daftarkan dulu: kla city enroll {code} --out BERKAS.</source>
        <translation>Not enrolled yet: {code_kind} {code_named}. Enrol it first: kla city enroll {code} --out FILE.</translation>
    </message>
    <message>
        <source>Tidak ada yang ditulis: DP3AKB sudah menyimpan {count} item data {unit} dari kiriman sebelumnya, sedangkan berkas pemasangan biasa memasang ruang kerja yang kosong, dan kiriman dari ruang kerja kosong itu nanti bentrok dengan data yang tersimpan. Untuk komputer baru atau ruang kerja yang hilang, buat berkas pemulihan yang membawa semua data itu: kla city restore {code} --out FOLDER. Bila ruang kerja lamanya masih dipakai dan hanya perlu dipasang ulang, ulangi perintah ini dengan --new-key.</source>
        <translation>Nothing was written: DP3AKB already holds {count} data items of {unit} from earlier submissions, while a plain setup file installs an empty workspace, and submissions from that empty workspace would later conflict with the data held. For a new computer or a lost workspace, make a restore file that carries all that data: kla city restore {code} --out FOLDER. If the old workspace is still in use and only needs installing again, repeat this command with --new-key.</translation>
    </message>
    <message>
        <source>Tidak ada yang ditulis: {unit} sudah terdaftar (kunci aktif {fingerprint}). Berkas pemasangan baru membuat kunci kedua, dan kunci lama tetap aktif sampai dicabut (kla city revoke {code}). Bila memang perlu (komputer kedua, berkas lama hilang), ulangi perintah ini dengan --new-key.</source>
        <translation>Nothing was written: {unit} is already enrolled (active key {fingerprint}). A new setup file makes a second key, and the old key stays valid until it is revoked (kla city revoke {code}). If that is what is needed (a second PC, the old file lost), run this command again with --new-key.</translation>
    </message>
    <message>
        <source>Kunci rusak atau bukan kunci KLA ({detail}).</source>
        <translation>The key is damaged or not a KLA key ({detail}).</translation>
    </message>
    <message>
        <source>Kunci {key} tidak ditemukan.</source>
        <translation>Key {key} was not found.</translation>
    </message>
    <message>
        <source>Belum ada kunci DP3AKB untuk mengenkripsi kiriman. Pasang berkas pemasangan dari DP3AKB.</source>
        <translation>There is no DP3AKB key to encrypt exports with yet. Install DP3AKB&apos;s setup file.</translation>
    </message>
    <message>
        <source>Ketik kata sandi yang tercetak pada lembar pendaftaran dari DP3AKB.</source>
        <translation>Type the password printed on the enrolment sheet from DP3AKB.</translation>
    </message>
    <message>
        <source>Kata sandi salah. Periksa lembar dari DP3AKB (huruf O dan angka 0 dianggap sama) dan coba lagi.</source>
        <translation>Wrong password. Check the sheet from DP3AKB (the letter O and the digit 0 count as the same) and try again.</translation>
    </message>
    <message>
        <source>Berkas ini bukan berkas pemasangan dari DP3AKB.</source>
        <translation>This file is not a setup file from DP3AKB.</translation>
    </message>
    <message>
        <source>Berkas pemasangan tidak sah ({detail}). Minta berkas baru ke DP3AKB.</source>
        <translation>The setup file is not valid ({detail}). Ask DP3AKB for a new file.</translation>
    </message>
    <message>
        <source>{path} adalah kiriman atau tanda terima KLA Desktop (.kla), bukan berkas pemasangan. Tidak ada yang diubah. Pilih berkas pemasangan (.klasetup) yang diberikan DP3AKB bersama lembar kata sandinya.</source>
        <translation>{path} is a KLA Desktop submission or receipt (.kla), not a setup file. Nothing was changed. Choose the setup file (.klasetup) DP3AKB gave you with the passphrase sheet.</translation>
    </message>
    <message>
        <source>Berkas pemasangan ini untuk {code_kind} {code_named}, sedangkan ruang kerja ini milik {own}. Tidak ada yang diubah. Pasang berkas itu di komputer {code_kind} tersebut, atau minta DP3AKB berkas untuk ruang kerja ini.</source>
        <translation>This setup file is for {code_kind} {code_named}, but this workspace belongs to {own}. Nothing was changed. Install the file on that {code_kind}&apos;s computer, or ask DP3AKB for a file for this workspace.</translation>
    </message>
    <message>
        <source>Berkas pemulihan hanya dipasang ke folder ruang kerja baru yang kosong, bukan ke {home}. Pilih folder lain dengan --home.</source>
        <translation>A recovery file is only installed into a new, empty workspace folder, not into {home}. Choose another folder with --home.</translation>
    </message>
    <message>
        <source>Batas e-mail &apos;{value}&apos; tidak dikenali. Tulis nama batas ({presets}: gmail untuk Gmail/Outlook 25 MB, go_id untuk e-mail kantor .go.id 10 MB) atau ukuran satu e-mail seperti 10MB (paling sedikit 1MB).</source>
        <translation>The e-mail limit &apos;{value}&apos; is not recognised. Write the name of a limit ({presets}: gmail for Gmail/Outlook 25 MB, go_id for .go.id office e-mail 10 MB) or the size of one e-mail such as 10MB (at least 1MB).</translation>
    </message>
    <message>
        <source>Ukuran &apos;{value}&apos; tidak dikenali. Tulis seperti 20MB, 500KB atau 0 (tanpa dipecah).</source>
        <translation>Size &apos;{value}&apos; is not understood. Write it like 20MB, 500KB or 0 (not split).</translation>
    </message>
    <message>
        <source>Ukuran bagian &apos;{value}&apos; terlalu kecil (paling kecil {minimum} KB), jadi tidak ada yang ditulis. Tulis seperti 20MB, 500KB atau 0 (tanpa dipecah); angka tanpa satuan dibaca MB.</source>
        <translation>Part size &apos;{value}&apos; is too small (at least {minimum} KB), so nothing was written. Write it like 20MB, 500KB or 0 (no splitting); a number without a unit is read as MB.</translation>
    </message>
    <message>
        <source>Perhatian: berkas pemasangan komputer ini (kunci {fingerprint}) juga dipasang di komputer lain: {others}. DP3AKB tidak bisa membedakan kiriman kedua komputer, dan data yang diubah di keduanya menjadi konflik. Jika komputer itu milik kantor ini, minta DP3AKB berkas pemasangan tersendiri untuk salah satunya dan pasang di komputer itu (datanya tetap). Jika kantor ini tidak mengenal komputer itu, segera hubungi DP3AKB agar kuncinya dicabut dan kantor ini mendapat berkas pemasangan baru.</source>
        <translation>Attention: the setup file of this computer (key {fingerprint}) is installed on another computer too: {others}. DP3AKB cannot tell the two computers&apos; submissions apart, and data changed on both becomes a conflict. If that computer belongs to this office, ask DP3AKB for a setup file of its own for one of them and install it on that computer (its data stays). If this office does not know that computer, contact DP3AKB at once so that the key is revoked and this office gets a new setup file.</translation>
    </message>
    <message>
        <source>Berkas pemasangan ini untuk satu komputer saja. Jika kantor memakai komputer kedua, minta berkas pemasangan tersendiri dari DP3AKB; jangan pasang berkas ini di komputer lain.</source>
        <translation>This setup file is for one computer only. If the office uses a second computer, ask DP3AKB for a setup file of its own; do not install this file on another computer.</translation>
    </message>
    <message>
        <source>Paket data dukung tidak dibuat: {count} berkas tidak ada utuh di folder ruang kerja ({names}). Berkas yang rusak dipindahkan ke karantina. Berkas itu diminta lagi dari desa/kelurahan pemiliknya lewat tanda terima berikutnya (kla receipt); buat paketnya lagi setelah kiriman ulangnya diimpor.</source>
        <translation>The evidence pack was not made: {count} files are not intact in the workspace folder ({names}). A damaged one was moved to quarantine. They are asked for again from the desa/kelurahan they belong to by the next receipt (kla receipt); make the pack again once what they send again is imported.</translation>
    </message>
    <message>
        <source>Paket data dukung tidak dibuat: {count} berkas tidak ada utuh di folder ruang kerja ({names}). Berkas yang rusak dipindahkan ke karantina. Tambahkan ulang berkas aslinya di panel data dukung (atau &apos;kla evidence add&apos;), lalu buat paketnya lagi.</source>
        <translation>The evidence pack was not made: {count} files are not intact in the workspace folder ({names}). A damaged one was moved to quarantine. Add the original files again in the evidence panel (or &apos;kla evidence add&apos;), then make the pack again.</translation>
    </message>
    <message>
        <source>Berkas data dukung {name} ({sha}…) di folder ruang kerja tidak lagi cocok dengan sidik jarinya: isinya berubah atau rusak. Berkas itu dipindahkan ke sini dan tidak dipakai lagi. Di DP3AKB berkas itu diminta lagi dari {units} lewat tanda terima berikutnya; di kelurahan tambahkan ulang berkas aslinya.</source>
        <translation>The evidence file {name} ({sha}…) in the workspace folder no longer matches its fingerprint: its content changed or is damaged. It was moved here and is no longer used. At DP3AKB it is asked for again from {units} by the next receipt; at the kelurahan add the original file again.</translation>
    </message>
    <message>
        <source>Tempat tujuan penuh ({path}). Kosongkan ruang atau pakai flashdisk lain; tidak ada berkas setengah jadi yang tertinggal.</source>
        <translation>The destination is full ({path}). Free some space or use another flash drive; no half-written file was left behind.</translation>
    </message>
    <message>
        <source>Disk ruang kerja penuh ({path}). Tidak ada yang berubah. Kosongkan ruang di disk komputer ini, lalu ulangi.</source>
        <translation>The workspace disk is full ({path}). Nothing was changed. Free some space on this computer&apos;s disk, then try again.</translation>
    </message>
    <message>
        <source>Disk ruang kerja penuh ({path}). {imported} dari {total} berkas sudah diimpor sebelum disk penuh; sisanya belum. Kosongkan ruang di disk komputer ini, lalu impor lagi berkas yang sama: yang sudah diimpor dilewati.</source>
        <translation>The workspace disk is full ({path}). {imported} of {total} files were imported before the disk filled up; the rest were not. Free space on this computer&apos;s disk, then import the same files again: the ones already imported are skipped.</translation>
    </message>
    <message>
        <source>Tempat tujuan tidak bisa ditulisi ({path}). Periksa kunci tulis flashdisk atau izin folder.</source>
        <translation>The destination cannot be written to ({path}). Check the flash drive write lock or the folder permissions.</translation>
    </message>
    <message>
        <source>Tempat tujuan hilang saat menulis ({path}); flashdisk tercabut? Pasang lagi dan ulangi.</source>
        <translation>The destination disappeared while writing ({path}); was the flash drive pulled out? Plug it in again and retry.</translation>
    </message>
    <message>
        <source>Folder tujuan {path} tidak ada, jadi tidak ada yang ditulis. Flashdisk belum terpasang? Pasang flashdisk atau pilih folder yang ada, lalu ulangi.</source>
        <translation>The destination folder {path} does not exist, so nothing was written. Is the USB stick not plugged in? Plug it in or choose a folder that exists, then try again.</translation>
    </message>
    <message>
        <source>Tidak ada flashdisk yang terpasang, jadi tidak ada yang ditulis. Pasang flashdisk, lalu ulangi.</source>
        <translation>No USB stick is plugged in, so nothing was written. Plug in a USB stick, then try again.</translation>
    </message>
    <message>
        <source>{cause} {written} dari {total} tanda terima sudah ditulis dan tercatat ({done}); berkas itu tetap berlaku. Belum mendapat tanda terima: {missing}. Setelah tempat tujuan siap, buat tanda terima untuk mereka lagi.</source>
        <translation>{cause} {written} of {total} receipts were written and recorded ({done}); those files remain valid. Still without a receipt: {missing}. Once the destination is ready, make receipts for them again.</translation>
    </message>
    <message>
        <source>{path} adalah sebuah berkas, bukan folder, jadi tidak ada yang ditulis. Pilih folder tujuan (misalnya folder di flashdisk), lalu ulangi.</source>
        <translation>{path} is a file, not a folder, so nothing was written. Choose a destination folder (for example a folder on the USB stick) and try again.</translation>
    </message>
    <message>
        <source>Gagal menulis ke {path} ({detail}). Ulangi, atau pilih tujuan lain.</source>
        <translation>Writing to {path} failed ({detail}). Retry, or choose another destination.</translation>
    </message>
    <message>
        <source>Berkas di {path} tidak sama dengan yang ditulis (dibaca ulang). Flashdisk mungkin rusak; berkas dihapus. Pakai flashdisk lain.</source>
        <translation>The file at {path} differs from what was written (read back). The flash drive may be faulty; the file was deleted. Use another flash drive.</translation>
    </message>
    <message>
        <source>Berkas terlalu besar ({size} bita; batas {limit} bita). Ditolak tanpa dibuka.</source>
        <translation>The file is too large ({size} bytes; the limit is {limit} bytes). Refused without opening it.</translation>
    </message>
    <message>
        <source>Berkas {path} adalah berkas pemasangan dari DP3AKB, bukan kiriman. Pasang dengan &apos;kla setup&apos; atau pilihan &apos;Pasang dari berkas DP3AKB&apos; di program.</source>
        <translation>The file {path} is a setup file from DP3AKB, not an export. Install it with &apos;kla setup&apos; or the option &apos;Install from DP3AKB&apos;s file&apos; in the program.</translation>
    </message>
    <message>
        <source>Berkas {path} adalah berkas pemasangan untuk desa/kelurahan, bukan kiriman: DP3AKB membuatnya untuk diserahkan ke kantor desa/kelurahan itu bersama lembar kata sandinya, jadi tidak diimpor di sini. Yang diimpor di sini adalah kiriman dari desa/kelurahan (KLA-&lt;kode&gt;-…-bagian-…).</source>
        <translation>File {path} is a setup file for a desa/kelurahan, not a submission: DP3AKB makes it to be handed to that desa/kelurahan office together with its passphrase slip, so it is not imported here. What is imported here are submissions from the desa/kelurahan (KLA-&lt;code&gt;-…-bagian-…).</translation>
    </message>
    <message>
        <source>Isinya sama dengan {name} di daftar ini; kiriman itu diimpor sekali saja.</source>
        <translation>Its contents are the same as {name} in this list; that export is imported once only.</translation>
    </message>
    <message>
        <source>Berkas {path} kosong (0 bita): salinannya tidak jadi, biasanya karena flashdisk dicabut sebelum selesai disalin. Minta pengirimnya menyalin atau mengirim ulang.</source>
        <translation>The file {path} is empty (0 bytes): the copy did not complete, usually because the flash drive was pulled out before copying finished. Ask the sender to copy or send it again.</translation>
    </message>
    <message>
        <source>Berkas ini tidak ditujukan ke ruang kerja ini (dienkripsi untuk kunci lain). Periksa apakah berkasnya untuk DP3AKB/kelurahan ini.</source>
        <translation>This file is not meant for this workspace (it is encrypted for another key). Check whether the file is for this DP3AKB/kelurahan.</translation>
    </message>
    <message>
        <source>Menurut nama berkasnya, ini kiriman {code_kind} {code_named} di {city_name}; berkas itu dikunci untuk DP3AKB {city_name}, jadi tidak bisa dibuka oleh DP3AKB {here_name}. Tidak ada yang diubah. Serahkan berkasnya ke DP3AKB {city_name}.</source>
        <translation>By its file name, this is a submission of {code_kind} {code_named} in {city_name}; it is locked for DP3AKB {city_name}, so DP3AKB {here_name} cannot open it. Nothing was changed. Hand the file to DP3AKB {city_name}.</translation>
    </message>
    <message>
        <source>Menurut nama berkasnya, ini kiriman {code_kind} {code_named}, tetapi berkas itu dikunci untuk kunci DP3AKB lain, bukan kunci ruang kerja ini: {code_kind} itu dipasang dengan berkas pemasangan dari ruang kerja DP3AKB lain (komputer DP3AKB lain, atau ruang kerja ini sebelum dibuat ulang). Tidak ada yang diubah. Impor kiriman itu di ruang kerja DP3AKB yang mendaftarkannya, atau daftarkan {code_kind} itu dari sini (kla city enroll {code} --out BERKAS) dan minta kantornya memasang berkas pemasangan baru itu lalu mengirim lagi.</source>
        <translation>By its file name, this is the submission of {code_kind} {code_named}, but the file is locked for another DP3AKB key, not this workspace&apos;s: that {code_kind} was set up with a setup file from another DP3AKB workspace (another DP3AKB computer, or this workspace before it was made anew). Nothing was changed. Import the submission in the DP3AKB workspace that enrolled it, or enrol that {code_kind} from here (kla city enroll {code} --out FILE) and ask its office to install the new setup file and send again.</translation>
    </message>
    <message>
        <source>Menurut nama berkasnya, ini tanda terima untuk {own_kind} {own_named}, tetapi berkas itu dikunci untuk kunci lain, bukan kunci komputer ini: biasanya DP3AKB telah mencabut kunci komputer ini atau mendaftarkan {own_kind} ini dengan berkas pemasangan baru (atau tanda terima itu dibuat ruang kerja DP3AKB lain). Tidak ada yang diubah. Tanyakan ke DP3AKB: bila komputer ini tetap dipakai, minta berkas pemasangan untuknya dan pasang di Pengaturan atau dengan &apos;kla setup&apos;.</source>
        <translation>By its file name, this is a receipt for {own_kind} {own_named}, but the file is locked for another key, not this computer&apos;s: usually DP3AKB has revoked this computer&apos;s key or enrolled this {own_kind} with a new setup file (or the receipt was made by another DP3AKB workspace). Nothing was changed. Ask DP3AKB: if this computer stays in use, ask for a setup file for it and install it in Pengaturan or with &apos;kla setup&apos;.</translation>
    </message>
    <message>
        <source>Menurut nama berkasnya, ini kiriman {code_kind} {code_named} untuk DP3AKB; kiriman hanya bisa dibuka oleh DP3AKB, tidak di ruang kerja {own_kind} {own_named}. Tidak ada yang diubah. Yang diimpor di sini adalah tanda terima dari DP3AKB (KLA-tanda-terima-{own}-…).</source>
        <translation>By its file name, this is a submission of {code_kind} {code_named} for DP3AKB; only DP3AKB can open submissions, not the workspace of {own_kind} {own_named}. Nothing was changed. What is imported here is the receipt from DP3AKB (KLA-tanda-terima-{own}-…).</translation>
    </message>
    <message>
        <source>Menurut nama berkasnya, ini tanda terima untuk {code_kind} {code_named}; berkas itu dikunci untuk {code_kind} tersebut, jadi tidak bisa dibuka di ruang kerja {own_kind} {own_named}. Tidak ada yang diubah. Impor tanda terima yang namanya memuat kode {own} (KLA-tanda-terima-{own}-…).</source>
        <translation>By its file name, this is a receipt for {code_kind} {code_named}; it is locked for that {code_kind}, so it cannot be opened in the workspace of {own_kind} {own_named}. Nothing was changed. Import the receipt whose name holds the code {own} (KLA-tanda-terima-{own}-…).</translation>
    </message>
    <message>
        <source>Berkas {path} adalah kiriman yang dibuat ruang kerja ini sendiri ({created_long}) untuk DP3AKB, jadi tidak diimpor di sini. Serahkan berkas itu ke DP3AKB; yang diimpor di sini adalah tanda terima dari DP3AKB.</source>
        <translation>{path} is a submission this workspace made itself ({created_long}) for DP3AKB, so it is not imported here. Hand that file to DP3AKB; what is imported here is DP3AKB&apos;s receipt.</translation>
    </message>
    <message>
        <source>Berkas {path} adalah tanda terima yang dibuat ruang kerja ini sendiri ({created_long}) untuk dikirim ke desa/kelurahan, jadi tidak diimpor di sini. Yang diimpor di sini adalah kiriman dari desa/kelurahan.</source>
        <translation>{path} is a receipt this workspace made itself ({created_long}) to send to a desa/kelurahan, so it is not imported here. What is imported here are the desa/kelurahan submissions.</translation>
    </message>
    <message>
        <source>Cadangan ini dibuat sebelum tanda terima DP3AKB no. {seq} diimpor di komputer ini, jadi DP3AKB mungkin memegang data yang lebih baru daripada yang dipulihkan. Impor lagi tanda terima terakhir dari DP3AKB (no. {seq} atau yang lebih baru), lalu buat kiriman: kiriman itu membawa data yang dipulihkan, dan DP3AKB memilih versi yang benar.</source>
        <translation>This backup was made before DP3AKB&apos;s receipt no. {seq} was imported on this computer, so DP3AKB may hold newer data than what was restored. Import DP3AKB&apos;s last receipt again (no. {seq} or newer), then make a bundle: it carries the restored data, and DP3AKB chooses the right version.</translation>
    </message>
    <message>
        <source>Ruang kerja ini dipulihkan dari cadangan yang lebih lama dari tanda terima DP3AKB no. {seq}: daftar yang dikirim masih menurut tanda terima yang lebih lama. Impor lagi tanda terima terakhir dari DP3AKB, lalu buat kiriman lagi.</source>
        <translation>This workspace was restored from a backup older than DP3AKB&apos;s receipt no. {seq}: what is sent still follows the older receipt. Import DP3AKB&apos;s last receipt again, then make a bundle again.</translation>
    </message>
    <message>
        <source>Versi format kiriman {version} tidak dikenal (program ini membaca versi {supported}). Perbarui KLA Desktop.</source>
        <translation>Export format version {version} is unknown (this program reads version {supported}). Update KLA Desktop.</translation>
    </message>
    <message>
        <source>Isi kiriman tidak sah: {what} {problem}. Seluruh berkas ditolak; tidak ada yang diubah. Minta pengirimnya membuat kiriman baru.</source>
        <translation>The export content is not valid: {what} {problem}. The whole file was refused; nothing was changed. Ask the sender to make a new export.</translation>
    </message>
    <message>
        <source>Sudah ada draf versi berikutnya dari template {id}. Lanjutkan draf itu, atau buang dulu (kla template draft discard) sebelum membuat yang baru.</source>
        <translation>There is already a draft of the next version of template {id}. Carry on with that draft, or discard it first (kla template draft discard) before starting a new one.</translation>
    </message>
    <message>
        <source>Belum ada draf versi berikutnya dari template {id}. Buat dulu: kla template draft start (atau “Buat draf versi berikutnya” di halaman Template).</source>
        <translation>There is no draft of the next version of template {id} yet. Start one first: kla template draft start (or “Start a draft of the next version” on the Template page).</translation>
    </message>
    <message>
        <source>Draf ini dibuat dari template versi {base}, padahal sekarang berlaku versi {version}. Draf itu tidak bisa diterbitkan lagi; buang lalu buat draf baru dari versi {version}.</source>
        <translation>This draft was made from template version {base}, but version {version} is now in force. It can no longer be published; discard it and start a new draft from version {version}.</translation>
    </message>
    <message>
        <source>Draf belum bisa diterbitkan: masih ada {count} hal yang perlu dibereskan. Lihat daftarnya dengan kla template draft show (atau di halaman Template). Tidak ada yang diubah.</source>
        <translation>The draft cannot be published yet: {count} things still need sorting out. See the list with kla template draft show (or on the Template page). Nothing was changed.</translation>
    </message>
    <message>
        <source>Draf berubah sejak perubahannya diperiksa. Tidak ada yang diterbitkan; lihat lagi perubahannya, lalu terbitkan.</source>
        <translation>The draft changed after its changes were reviewed. Nothing was published; look at the changes again, then publish.</translation>
    </message>
    <message>
        <source>Template {id} versi {version} tidak terpasang di sini. Versi yang ada: {versions}.</source>
        <translation>Template {id} version {version} is not installed here. Versions installed: {versions}.</translation>
    </message>
    <message>
        <source>Perubahan &apos;{op}&apos; tidak dikenal. Lihat kla template draft edit --help.</source>
        <translation>Unknown change &apos;{op}&apos;. See kla template draft edit --help.</translation>
    </message>
    <message>
        <source>Perubahan ini tidak bisa dipakai ({op}: {field}). Tidak ada yang diubah di draf.</source>
        <translation>This change cannot be used ({op}: {field}). Nothing was changed in the draft.</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan &apos;{rule}&apos; tidak ada di draf. Tidak ada yang diubah.</source>
        <translation>The check &apos;{rule}&apos; is not in the draft. Nothing was changed.</translation>
    </message>
    <message>
        <source>Rentang kategori tidak bisa dipakai ({problem} {band}). Setiap kategori perlu nama dan batas 0 sampai 1.000, menyambung tanpa celah atau tumpang tindih. Tidak ada yang diubah.</source>
        <translation>These category bands cannot be used ({problem} {band}). Every category needs a name and limits from 0 to 1.000, joining without gaps or overlaps. Nothing was changed.</translation>
    </message>
    <message>
        <source>Aturan migrasi ({rule}) menyebut isian {item} yang tidak ada di versi lama. Tidak ada yang diubah.</source>
        <translation>The migration rule ({rule}) names item {item}, which the old version does not have. Nothing was changed.</translation>
    </message>
    <message>
        <source>Isian {item} sudah punya aturan migrasi; satu isian hanya boleh punya satu aturan.</source>
        <translation>Item {item} already has a migration rule; an item can have one rule only.</translation>
    </message>
    <message>
        <source>Aturan migrasi ({rule}) memindahkan nilai ke isian {item} yang tidak ada di draf. Tambahkan isian itu dulu. Tidak ada yang diubah.</source>
        <translation>The migration rule ({rule}) moves values to item {item}, which the draft does not have. Add that item first. Nothing was changed.</translation>
    </message>
    <message>
        <source>Isian dari indikator berbeda tidak bisa digabung ({item}). Tidak ada yang diubah.</source>
        <translation>Items of different indicators cannot be merged ({item}). Nothing was changed.</translation>
    </message>
    <message>
        <source>Aturan migrasi {rule} tidak lengkap. Tidak ada yang diubah.</source>
        <translation>The migration rule {rule} is incomplete. Nothing was changed.</translation>
    </message>
    <message>
        <source>E-mail {path} bersusun terlalu dalam atau terlalu rumit ({count}; batas {limit}). Ditolak tanpa dibuka. Simpan lampiran .kla dari program e-mail, lalu impor berkas itu.</source>
        <translation>The e-mail {path} is nested too deeply or is too complex ({count}; limit {limit}). Refused without opening it. Save the .kla attachment from your mail program, then import that file.</translation>
    </message>
    <message>
        <source>Berkas data dukung “{name}” dari {unit} belum ada di DP3AKB (belum diterima atau rusak), jadi konflik ini belum bisa diputuskan ke versi kiriman. Berkasnya ikut kiriman berikutnya dari sana: putuskan lagi setelah kiriman itu diimpor, atau pakai versi DP3AKB.</source>
        <translation>DP3AKB does not have the evidence file “{name}” from {unit} (not received yet, or damaged), so this conflict cannot be decided for the incoming version yet. The file comes with that unit&apos;s next bundle: decide again once that bundle is imported, or keep DP3AKB&apos;s version.</translation>
    </message>
    <message>
        <source>Berkas {path} terlalu besar untuk formulir KLA ({bytes} bita; paling besar {byte_limit} bita). Tidak ada yang diubah. Pakai formulir yang diunduh dari KLA Desktop.</source>
        <translation>The file {path} is too large for a KLA form ({bytes} bytes; at most {byte_limit} bytes). Nothing was changed. Use the form downloaded from KLA Desktop.</translation>
    </message>
    <message>
        <source>Berkas {path} berformat Excel lama (.xls) atau dikunci dengan kata sandi. Tidak ada yang diubah. Buka di Excel atau LibreOffice, hapus kata sandinya bila ada, lalu simpan sebagai Buku Kerja Excel (.xlsx).</source>
        <translation>The file {path} is in the old Excel format (.xls) or locked with a password. Nothing was changed. Open it in Excel or LibreOffice, remove the password if there is one, then save it as an Excel Workbook (.xlsx).</translation>
    </message>
    <message>
        <source>Berkas {path} berisi makro (.xlsm atau sejenisnya) dan ditolak demi keamanan. Tidak ada yang diubah. Simpan ulang sebagai Buku Kerja Excel (.xlsx) tanpa makro, lalu impor lagi.</source>
        <translation>The file {path} contains macros (.xlsm or similar) and is refused for safety. Nothing was changed. Save it again as an Excel Workbook (.xlsx) without macros, then import it again.</translation>
    </message>
    <message>
        <source>Berkas {path} rusak atau terpotong: isinya tidak bisa dibaca utuh. Tidak ada yang diubah. Salin ulang berkasnya dari sumbernya, atau buka lalu simpan ulang di Excel atau LibreOffice.</source>
        <translation>The file {path} is damaged or cut off: its content cannot be read whole. Nothing was changed. Copy the file again from where it came from, or open it and save it again in Excel or LibreOffice.</translation>
    </message>
    <message>
        <source>Berkas {path} bukan buku kerja Excel (.xlsx). Tidak ada yang diubah. Pilih formulir yang diunduh dari KLA Desktop.</source>
        <translation>The file {path} is not an Excel workbook (.xlsx). Nothing was changed. Choose the form downloaded from KLA Desktop.</translation>
    </message>
    <message>
        <source>Berkas {path} disimpan sebagai .ods (LibreOffice). Tidak ada yang diubah. Di LibreOffice pilih Simpan Sebagai, jenis “Excel 2007-365 (.xlsx)”, lalu impor berkas .xlsx itu.</source>
        <translation>The file {path} was saved as .ods (LibreOffice). Nothing was changed. In LibreOffice choose Save As, type “Excel 2007-365 (.xlsx)”, then import that .xlsx file.</translation>
    </message>
    <message>
        <source>Isi berkas {path} mencurigakan: ukurannya tidak wajar ({detail}). Ditolak tanpa dibuka; tidak ada yang diubah.</source>
        <translation>The content of {path} is suspicious: its size is not plausible ({detail}). Refused without opening it; nothing was changed.</translation>
    </message>
    <message>
        <source>Berkas {path} memuat rumus yang menautkan buku kerja lain. Ditolak; tidak ada yang diubah. Salin kotak-kotaknya lalu tempel sebagai nilai saja (Tempel Spesial &gt; Nilai), simpan, lalu impor lagi.</source>
        <translation>The file {path} contains formulas that link to another workbook. Refused; nothing was changed. Copy the cells and paste them as values only (Paste Special &gt; Values), save, then import again.</translation>
    </message>
    <message>
        <source>Berkas {path} rusak atau tidak bisa dibaca ({detail}). Tidak ada yang diubah. Buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu impor lagi.</source>
        <translation>The file {path} is damaged or cannot be read ({detail}). Nothing was changed. Open it in Excel or LibreOffice, save it again as .xlsx, then import again.</translation>
    </message>
    <message>
        <source>Berkas {path} bukan formulir KLA Desktop dan tidak cocok dengan pemetaan kolom yang tersimpan. Tidak ada yang diubah. Di jendela KLA Desktop, “Impor dari Excel” memetakan kolomnya sekali; atau unduh formulir, salin datanya ke sana, lalu impor formulir itu.</source>
        <translation>The file {path} is not a KLA Desktop form and fits no saved column mapping. Nothing was changed. In the KLA Desktop window, “Import from Excel” maps its columns once; or download the form, copy the data into it, then import that form.</translation>
    </message>
    <message>
        <source>Formulir {path} dibuat oleh versi KLA Desktop lain (format {format}). Tidak ada yang diubah. Unduh formulir baru dari program ini.</source>
        <translation>The form {path} was made by another version of KLA Desktop (format {format}). Nothing was changed. Download a new form from this program.</translation>
    </message>
    <message>
        <source>Formulir ini memakai template {form_template}, sedangkan ruang kerja ini {template}. Tidak ada yang diubah. Unduh formulir baru dari program ini.</source>
        <translation>This form uses the template {form_template}, while this workspace uses {template}. Nothing was changed. Download a new form from this program.</translation>
    </message>
    <message>
        <source>Formulir ini dibuat dengan template versi {version} yang isinya berbeda dari template di komputer ini. Tidak ada yang diubah. Unduh formulir baru dari program ini.</source>
        <translation>This form was made with template version {version} whose content differs from the template on this computer. Nothing was changed. Download a new form from this program.</translation>
    </message>
    <message>
        <source>Formulir ini dibuat dengan template versi {form_version}, lebih baru dari template di komputer ini (versi {version}). Tidak ada yang diubah. Pasang template terbaru dari DP3AKB dulu, lalu impor lagi.</source>
        <translation>This form was made with template version {form_version}, newer than the template on this computer (version {version}). Nothing was changed. Install the latest template from DP3AKB first, then import again.</translation>
    </message>
    <message>
        <source>Formulir ini dibuat dengan template versi {form_version}, sedangkan sekarang berlaku versi {version} dan tidak ada aturan pemindahannya. Tidak ada yang diubah. Unduh formulir baru dan salin datanya ke sana.</source>
        <translation>This form was made with template version {form_version}, while version {version} now applies and has no rule to move its data. Nothing was changed. Download a new form and copy the data into it.</translation>
    </message>
    <message>
        <source>Formulir ini untuk tahun data {form_year}, sedangkan tahun data yang dipilih {year}. Tidak ada yang diubah. Pilih tahun data {form_year} dulu, lalu impor lagi.</source>
        <translation>This form is for data year {form_year}, while the data year chosen is {year}. Nothing was changed. Choose data year {form_year} first, then import again.</translation>
    </message>
    <message>
        <source>Kotak ini berisi rumus tanpa hasil tersimpan (program tidak menghitung rumus). Ketik angkanya saja, atau buka dan simpan berkasnya di Excel/LibreOffice, lalu impor lagi.</source>
        <translation>This cell holds a formula without a saved result (the program does not compute formulas). Type the number instead, or open and save the file in Excel/LibreOffice, then import again.</translation>
    </message>
    <message>
        <source>Kotak yang sama ada dua kali (juga di {other}): barisnya tersalin. Hapus salah satu baris, lalu impor lagi.</source>
        <translation>The same cell appears twice (also at {other}): its row was copied. Delete one of the rows, then import again.</translation>
    </message>
    <message>
        <source>Isian ini digabung dengan isian lain di template versi {version}, jadi nilainya tidak bisa dipindahkan sendiri. Unduh formulir baru dan ketik jumlah gabungannya di sana.</source>
        <translation>This item was combined with other items in template version {version}, so its value cannot be moved on its own. Download a new form and type the combined total there.</translation>
    </message>
    <message>
        <source>Di lembar “{sheet}”, kolom “{column}” tidak memuat “{value}”, jadi baris kelurahan ini tidak ditemukan. Tidak ada yang diubah. Periksa ejaan nama kelurahan di berkas, lalu impor lagi.</source>
        <translation>In the sheet “{sheet}”, the column “{column}” does not hold “{value}”, so this kelurahan&apos;s row was not found. Nothing was changed. Check how the kelurahan&apos;s name is spelled in the file, then import again.</translation>
    </message>
    <message>
        <source>Berkas ini tidak cocok dengan pemetaan “{name}” (lembar atau judul kolomnya lain). Tidak ada yang diubah. Impor lagi dan petakan kolomnya untuk berkas ini.</source>
        <translation>This file does not fit the mapping “{name}” (its sheet or column headers differ). Nothing was changed. Import again and map its columns for this file.</translation>
    </message>
    <message>
        <source>Pemetaan kolom yang tersimpan rusak. Petakan ulang kolom berkasnya saat mengimpor.</source>
        <translation>The saved column mapping is damaged. Map the file&apos;s columns again when importing.</translation>
    </message>
    <message>
        <source>Beri nama pemetaan ini, misalnya “Rekap Disdukcapil”.</source>
        <translation>Give this mapping a name, for example “Rekap Disdukcapil”.</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu kolom dan isian tujuannya.</source>
        <translation>Choose at least one column and the item it fills.</translation>
    </message>
    <message>
        <source>“{part}” ({part_value}) lebih besar dari “{whole}” ({whole_value}). Periksa kedua angka dan perbaiki yang salah; angkanya tetap tersimpan.</source>
        <translation>“{part}” ({part_value}) is larger than “{whole}” ({whole_value}). Check both numbers and correct the wrong one; the number stays saved.</translation>
    </message>
    <message>
        <source>{value} berubah lebih dari {factor} kali lipat dari tahun lalu ({last_value}). Periksa lagi; bila memang benar, biarkan saja.</source>
        <translation>{value} changed by more than {factor} times from last year ({last_value}). Check it again; if it is right, leave it.</translation>
    </message>
    <message>
        <source>{value} di luar angka yang wajar ({min} sampai {max}). Periksa lagi.</source>
        <translation>{value} is outside the usual range ({min} to {max}). Check it again.</translation>
    </message>
    <message>
        <source>{value} lebih besar dari yang wajar (paling banyak {max}). Periksa lagi.</source>
        <translation>{value} is larger than usual (at most {max}). Check it again.</translation>
    </message>
    <message>
        <source>{value} lebih kecil dari yang wajar (paling sedikit {min}). Periksa lagi.</source>
        <translation>{value} is smaller than usual (at least {min}). Check it again.</translation>
    </message>
    <message>
        <source>Angka ini tidak cocok dengan indikator {indicators} ({left_value} dan {right_value}). Periksa angka di kedua indikator.</source>
        <translation>This number does not fit indicator {indicators} ({left_value} and {right_value}). Check the numbers in both indicators.</translation>
    </message>
    <message>
        <source>Video paling besar {limit} MB: rekam singkat (1–2 menit, 720p) atau kecilkan dulu. Video yang lebih besar tetap disimpan, tetapi kiriman ke DP3AKB jadi berat.</source>
        <translation>Videos up to {limit} MB: record short clips (1–2 minutes, 720p) or make them smaller first. A larger video is still kept, but it makes the export to DP3AKB heavy.</translation>
    </message>
    <message>
        <source>Video {name} berukuran {size} MB, lebih dari {limit} MB yang disarankan. Sudah disimpan, tetapi kiriman ke DP3AKB jadi berat; bila bisa, potong atau kecilkan videonya lalu lampirkan lagi.</source>
        <translation>Video {name} is {size} MB, more than the suggested {limit} MB. It was kept, but it makes the export to DP3AKB heavy; if you can, cut or shrink the video and attach it again.</translation>
    </message>
    <message>
        <source>berkasnya terlalu besar ({count} huruf; paling banyak {limit})</source>
        <translation>the file is too large ({count} characters; at most {limit})</translation>
    </message>
    <message>
        <source>isinya bersusun terlalu dalam (lebih dari {limit} tingkat)</source>
        <translation>its content is nested too deep (more than {limit} levels)</translation>
    </message>
    <message>
        <source>{what_words} terlalu banyak ({count}; paling banyak {limit})</source>
        <translation>too many {what_words} ({count}; at most {limit})</translation>
    </message>
    <message>
        <source>{what_words} terlalu sedikit ({count}; paling sedikit {limit})</source>
        <translation>too few {what_words} ({count}; at least {limit})</translation>
    </message>
    <message>
        <source>ada teks yang terlalu panjang (lebih dari {limit} huruf)</source>
        <translation>a text is too long (more than {limit} characters)</translation>
    </message>
    <message>
        <source>kunci “{key}” tertulis dua kali di satu bagian</source>
        <translation>the key “{key}” is written twice in one part</translation>
    </message>
    <message>
        <source>bukan berkas JSON yang utuh (rusak di baris {line})</source>
        <translation>it is not a whole JSON file (broken at line {line})</translation>
    </message>
    <message>
        <source>bentuk isinya salah</source>
        <translation>its content has the wrong shape</translation>
    </message>
    <message>
        <source>bagian “{field}” tidak ada</source>
        <translation>the part “{field}” is missing</translation>
    </message>
    <message>
        <source>bagian “{field}” berjenis salah</source>
        <translation>the part “{field}” has the wrong type</translation>
    </message>
    <message>
        <source>bentuk isinya tidak sesuai format template</source>
        <translation>its content does not follow the template format</translation>
    </message>
    <message>
        <source>jumlah bobot semua indikator {total}, seharusnya {expected}</source>
        <translation>the weights of all indicators add up to {total}, they should add up to {expected}</translation>
    </message>
    <message>
        <source>bobot harus angka bulat 0 atau lebih</source>
        <translation>a weight must be a whole number, 0 or more</translation>
    </message>
    <message>
        <source>total bobot harus angka bulat 1 sampai 100.000</source>
        <translation>the weight total must be a whole number from 1 to 100.000</translation>
    </message>
    <message>
        <source>nomor indikator harus 1 sampai {limit}</source>
        <translation>an indicator number must be 1 to {limit}</translation>
    </message>
    <message>
        <source>status rumusan harus confirmed, partly_confirmed, unconfirmed atau draft</source>
        <translation>a wording status must be confirmed, partly_confirmed, unconfirmed or draft</translation>
    </message>
    <message>
        <source>nama template tidak sah</source>
        <translation>the template name is not valid</translation>
    </message>
    <message>
        <source>nomor versi harus 1 atau lebih</source>
        <translation>the version number must be 1 or more</translation>
    </message>
    <message>
        <source>jenis template harus kla atau rubric</source>
        <translation>the template kind must be kla or rubric</translation>
    </message>
    <message>
        <source>batas ukuran video harus 1 sampai 4096 MB</source>
        <translation>the video size guidance must be 1 to 4096 MB</translation>
    </message>
    <message>
        <source>rentang kategori harus di dalam 0 sampai {limit}</source>
        <translation>a category range must lie within 0 to {limit}</translation>
    </message>
    <message>
        <source>rentang kategori saling tumpang tindih</source>
        <translation>category ranges overlap</translation>
    </message>
    <message>
        <source>rubrik tidak punya kategori (bands)</source>
        <translation>the rubric has no categories (bands)</translation>
    </message>
    <message>
        <source>langkah migrasi harus satu per versi sebelumnya</source>
        <translation>there must be one migration step per earlier version</translation>
    </message>
    <message>
        <source>aturan migrasi menyebut isian {item} yang tidak ada</source>
        <translation>a migration rule names item {item}, which does not exist</translation>
    </message>
    <message>
        <source>aturan migrasi menyebut {item}, bukan nomor.isian</source>
        <translation>a migration rule names {item} instead of number.item</translation>
    </message>
    <message>
        <source>aturan migrasi menyebut isian {item} yang tidak ada di versi yang berlaku</source>
        <translation>a migration rule names item {item}, which the version in force does not have</translation>
    </message>
    <message>
        <source>aturan migrasi memindahkan ke isian {item} yang tidak ada</source>
        <translation>a migration rule moves to item {item}, which does not exist</translation>
    </message>
    <message>
        <source>aturan migrasi menyebut isian {item} dua kali</source>
        <translation>a migration rule names item {item} twice</translation>
    </message>
    <message>
        <source>aturan migrasi menggabungkan isian dari indikator berbeda</source>
        <translation>a migration rule merges items of different indicators</translation>
    </message>
    <message>
        <source>aturan migrasi tidak lengkap</source>
        <translation>a migration rule is incomplete</translation>
    </message>
    <message>
        <source>isinya tidak sesuai format template ({problem})</source>
        <translation>its content does not follow the template format ({problem})</translation>
    </message>
    <message>
        <source>indikator</source>
        <translation>indicators</translation>
    </message>
    <message>
        <source>isian satu indikator</source>
        <translation>items of one indicator</translation>
    </message>
    <message>
        <source>data dukung satu indikator</source>
        <translation>evidence requirements of one indicator</translation>
    </message>
    <message>
        <source>pilihan satu isian</source>
        <translation>choices of one item</translation>
    </message>
    <message>
        <source>klaster</source>
        <translation>clusters</translation>
    </message>
    <message>
        <source>kelompok umur</source>
        <translation>age sets</translation>
    </message>
    <message>
        <source>rentang umur satu kelompok</source>
        <translation>age bands of one set</translation>
    </message>
    <message>
        <source>kategori</source>
        <translation>categories</translation>
    </message>
    <message>
        <source>langkah migrasi</source>
        <translation>migration steps</translation>
    </message>
    <message>
        <source>isi satu daftar</source>
        <translation>entries of one list</translation>
    </message>
    <message>
        <source>berkas</source>
        <translation>file</translation>
    </message>
    <message>
        <source>bobot</source>
        <translation>weights</translation>
    </message>
    <message>
        <source>indikator {no}</source>
        <translation>indicator {no}</translation>
    </message>
    <message>
        <source>indikator {no}, isian {item}</source>
        <translation>indicator {no}, item {item}</translation>
    </message>
    <message>
        <source>{where}</source>
        <translation>{where}</translation>
    </message>
    <message>
        <source>isian indikator {indicator} (data tahun {year})</source>
        <translation>the data of indicator {indicator} (data year {year})</translation>
    </message>
    <message>
        <source>tinjauan indikator {indicator} (data tahun {year})</source>
        <translation>the review of indicator {indicator} (data year {year})</translation>
    </message>
    <message>
        <source>data dukung {name}</source>
        <translation>the evidence file {name}</translation>
    </message>
    <message>
        <source>sebuah data dukung</source>
        <translation>an evidence file</translation>
    </message>
    <message>
        <source>kegiatan “{name}”</source>
        <translation>the activity “{name}”</translation>
    </message>
    <message>
        <source>sebuah kegiatan</source>
        <translation>an activity</translation>
    </message>
    <message>
        <source>fasilitas “{name}”</source>
        <translation>the facility “{name}”</translation>
    </message>
    <message>
        <source>sebuah fasilitas</source>
        <translation>a facility</translation>
    </message>
    <message>
        <source>sebuah bagian kiriman</source>
        <translation>a part of the export</translation>
    </message>
    <message>
        <source>nama pengirim yang tertulis di berkas</source>
        <translation>the sender named in the file</translation>
    </message>
    <message>
        <source>tidak dikenali isinya</source>
        <translation>has content that is not recognised</translation>
    </message>
    <message>
        <source>menyebut versi asal yang tidak sah</source>
        <translation>names a previous version that is not valid</translation>
    </message>
    <message>
        <source>berjenis tidak dikenal</source>
        <translation>is of an unknown kind</translation>
    </message>
    <message>
        <source>rusak isinya</source>
        <translation>has damaged content</translation>
    </message>
    <message>
        <source>tidak cocok dengan sidik jarinya</source>
        <translation>does not match its fingerprint</translation>
    </message>
    <message>
        <source>dihapus, padahal isian indikator tidak bisa dihapus</source>
        <translation>was deleted, but the entries of an indicator cannot be deleted</translation>
    </message>
    <message>
        <source>menyebut tahun atau nomor indikator yang tidak cocok</source>
        <translation>names a year or indicator number that does not match</translation>
    </message>
    <message>
        <source>memakai tahun data atau template yang tidak dikenal</source>
        <translation>uses a data year or template that is not known</translation>
    </message>
    <message>
        <source>berstatus tidak sah (bukan draf atau siap)</source>
        <translation>has a status that is not valid (neither draft nor ready)</translation>
    </message>
    <message>
        <source>menyebut indikator yang tidak ada di template</source>
        <translation>names an indicator that is not in the template</translation>
    </message>
    <message>
        <source>memuat daftar nilai yang rusak</source>
        <translation>has a damaged list of values</translation>
    </message>
    <message>
        <source>memuat isian yang tidak ada di template</source>
        <translation>has an item that is not in the template</translation>
    </message>
    <message>
        <source>memuat nilai “{item}” yang tidak sah</source>
        <translation>has a value for “{item}” that is not valid</translation>
    </message>
    <message>
        <source>memuat nilai “{item}” dua kali</source>
        <translation>has the value for “{item}” twice</translation>
    </message>
    <message>
        <source>memuat {field} yang tidak sah</source>
        <translation>has a {field} that is not valid</translation>
    </message>
    <message>
        <source>menyebut nomor pengenal yang tidak cocok</source>
        <translation>names an identifier that does not match</translation>
    </message>
    <message>
        <source>menyebut sidik jari berkas yang tidak sah</source>
        <translation>names a file fingerprint that is not valid</translation>
    </message>
    <message>
        <source>menyebut jenis atau ukuran berkas yang tidak sah</source>
        <translation>names a file kind or size that is not valid</translation>
    </message>
    <message>
        <source>memuat tautan ke indikator yang rusak</source>
        <translation>has damaged links to indicators</translation>
    </message>
    <message>
        <source>memuat pilihan data dukung yang diminta yang rusak</source>
        <translation>holds a damaged choice of the evidence asked for</translation>
    </message>
    <message>
        <source>ditautkan ke tahun data {year} yang tidak termasuk periode evaluasi</source>
        <translation>is linked to data year {year}, which is in no evaluation period</translation>
    </message>
    <message>
        <source>memuat daftar data dukung yang rusak</source>
        <translation>has a damaged list of evidence files</translation>
    </message>
    <message>
        <source>berjenis atau bertahun kegiatan yang tidak sah</source>
        <translation>has an activity kind or year that is not valid</translation>
    </message>
    <message>
        <source>memuat mitra yang tidak dikenal</source>
        <translation>names a partner that is not known</translation>
    </message>
    <message>
        <source>memuat daftar indikator yang rusak</source>
        <translation>has a damaged list of indicators</translation>
    </message>
    <message>
        <source>berjenis fasilitas atau status standardisasi yang tidak dikenal</source>
        <translation>has a facility type or standardisation status that is not known</translation>
    </message>
    <message>
        <source>memuat koordinat yang tidak sah</source>
        <translation>has coordinates that are not valid</translation>
    </message>
    <message>
        <source>berstatus tinjauan yang tidak dikenal</source>
        <translation>has a review status that is not known</translation>
    </message>
    <message>
        <source>memuat tinjauan yang rusak</source>
        <translation>has a damaged review</translation>
    </message>
    <message>
        <source>menyebut tahun atau indikator yang tidak ada</source>
        <translation>names a year or indicator that does not exist</translation>
    </message>
    <message>
        <source>berisi sesuatu yang bukan jenis berkas yang disebut namanya</source>
        <translation>holds something other than the file type its name says</translation>
    </message>
    <message>
        <source>tidak sah</source>
        <translation>is not valid</translation>
    </message>
    <message>
        <source>catatan</source>
        <translation>note</translation>
    </message>
    <message>
        <source>judul</source>
        <translation>title</translation>
    </message>
    <message>
        <source>uraian</source>
        <translation>description</translation>
    </message>
    <message>
        <source>tanggal</source>
        <translation>date</translation>
    </message>
    <message>
        <source>nama berkas</source>
        <translation>file name</translation>
    </message>
    <message>
        <source>jenis berkas</source>
        <translation>file type</translation>
    </message>
    <message>
        <source>keterangan</source>
        <translation>caption</translation>
    </message>
    <message>
        <source>tanggal dokumen</source>
        <translation>document date</translation>
    </message>
    <message>
        <source>nomor dokumen</source>
        <translation>document number</translation>
    </message>
    <message>
        <source>penerbit</source>
        <translation>issuer</translation>
    </message>
    <message>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <source>alamat</source>
        <translation>address</translation>
    </message>
    <message>
        <source>isian</source>
        <translation>field</translation>
    </message>
    <message>
        <source>DP3AKB sudah memutuskan memakai versi lain</source>
        <translation>DP3AKB already decided to use another version</translation>
    </message>
    <message>
        <source>kiriman yang lebih baru (nomor {seq}) sudah diterima</source>
        <translation>a newer export (number {seq}) was already received</translation>
    </message>
    <message>
        <source>berkasnya menyusul di kiriman berikutnya</source>
        <translation>its file follows in a later export</translation>
    </message>
    <message>
        <source>komputer «{name}» (perangkat {device}, {when})</source>
        <translation>computer «{name}» (device {device}, {when})</translation>
    </message>
    <message>
        <source>komputer tanpa nama (perangkat {device}, {when})</source>
        <translation>unnamed computer (device {device}, {when})</translation>
    </message>
    <message>
        <source>kiriman {first}</source>
        <translation>submission of {first}</translation>
    </message>
    <message>
        <source>kiriman pertama {first}, terakhir {last}</source>
        <translation>first submission {first}, last {last}</translation>
    </message>
    <message>
        <source> dan </source>
        <translation> and </translation>
    </message>
    <message>
        <source>berkasnya dikirim ulang dan kini tersimpan utuh</source>
        <translation>the file was sent again and is now stored intact</translation>
    </message>
    <message>
        <source>konflik yang sama sudah tercatat</source>
        <translation>the same conflict is already recorded</translation>
    </message>
    <message>
        <source>{count} berkas di dalamnya</source>
        <translation>{count} files inside</translation>
    </message>
    <message>
        <source>{name} dipadatkan {ratio} kali</source>
        <translation>{name} is compressed {ratio} times</translation>
    </message>
    <message>
        <source>{name} berukuran {size} bita</source>
        <translation>{name} is {size} bytes</translation>
    </message>
    <message>
        <source>seluruhnya {size} bita</source>
        <translation>{size} bytes in all</translation>
    </message>
    <message>
        <source>{count} lembar</source>
        <translation>{count} sheets</translation>
    </message>
    <message>
        <source>{name} memuat baris yang terlalu panjang</source>
        <translation>{name} has a line that is too long</translation>
    </message>
    <message>
        <source>{count} data di dalamnya; batas {limit}</source>
        <translation>{count} records inside; limit {limit}</translation>
    </message>
    <message>
        <source>sebuah berkas data dukung</source>
        <translation>an evidence file</translation>
    </message>
    <message>
        <source>daftar isian</source>
        <translation>the list of entries</translation>
    </message>
    <message>
        <source>keterangan kiriman</source>
        <translation>the bundle&apos;s description</translation>
    </message>
    <message>
        <source>daftar sidik jari</source>
        <translation>the list of fingerprints</translation>
    </message>
    <message>
        <source>tanda tangan</source>
        <translation>the signature</translation>
    </message>
    <message>
        <source>isi tanda terima</source>
        <translation>the receipt&apos;s contents</translation>
    </message>
    <message>
        <source>isi berkas pemasangan</source>
        <translation>the setup file&apos;s contents</translation>
    </message>
    <message>
        <source>templat indikator</source>
        <translation>the indicator template</translation>
    </message>
    <message>
        <source>kunci</source>
        <translation>a key</translation>
    </message>
    <message>
        <source>{name} tidak ada</source>
        <translation>{name} is missing</translation>
    </message>
    <message>
        <source>{name} bersarang terlalu dalam</source>
        <translation>{name} is nested too deeply</translation>
    </message>
    <message>
        <source>isinya tidak bisa dibaca</source>
        <translation>its content cannot be read</translation>
    </message>
    <message>
        <source>berkas tidak bisa dibaca sampai habis</source>
        <translation>the file cannot be read to the end</translation>
    </message>
    <message>
        <source>isinya bukan ZIP yang utuh</source>
        <translation>its content is not a whole ZIP</translation>
    </message>
    <message>
        <source>e-mailnya tidak bisa diurai</source>
        <translation>the e-mail cannot be parsed</translation>
    </message>
    <message>
        <source>kesalahan sistem {error}</source>
        <translation>system error {error}</translation>
    </message>
    <message>
        <source>disk penuh</source>
        <translation>disk full</translation>
    </message>
    <message>
        <source>tidak diizinkan</source>
        <translation>not permitted</translation>
    </message>
    <message>
        <source>hanya bisa dibaca</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>tidak ditemukan</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>kesalahan baca/tulis pada perangkat</source>
        <translation>read/write error on the device</translation>
    </message>
    <message>
        <source>sudah ada</source>
        <translation>already exists</translation>
    </message>
    <message>
        <source>berkas basis data cacat</source>
        <translation>the database file is malformed</translation>
    </message>
    <message>
        <source>bukan berkas basis data</source>
        <translation>not a database file</translation>
    </message>
    <message>
        <source>kesalahan sistem</source>
        <translation>system error</translation>
    </message>
    <message>
        <source>bukan kunci Ed25519</source>
        <translation>not an Ed25519 key</translation>
    </message>
    <message>
        <source>identitas age rusak</source>
        <translation>the age identity is damaged</translation>
    </message>
    <message>
        <source>penerima age rusak</source>
        <translation>the age recipient is damaged</translation>
    </message>
    <message>
        <source>bukan basis data KLA Desktop</source>
        <translation>not a KLA Desktop database</translation>
    </message>
    <message>
        <source>salinannya tidak lolos pemeriksaan</source>
        <translation>the copy did not pass the check</translation>
    </message>
    <message>
        <source>bukan berkas pemasangan</source>
        <translation>not a setup file</translation>
    </message>
    <message>
        <source>isinya tidak dikenal</source>
        <translation>its content is not recognised</translation>
    </message>
    <message>
        <source>berkasnya rusak atau terpotong</source>
        <translation>the file is damaged or cut short</translation>
    </message>
    <message>
        <source>berkas jenis lain</source>
        <translation>a file of another kind</translation>
    </message>
    <message>
        <source>kuncinya tidak cocok</source>
        <translation>the keys do not match</translation>
    </message>
    <message>
        <source>DP3AKB</source>
        <translation>DP3AKB</translation>
    </message>
    <message>
        <source>kelurahan</source>
        <translation>kelurahan</translation>
    </message>
    <message>
        <source>Dinas Sosial</source>
        <translation>Social Services Office</translation>
    </message>
    <message>
        <source>Puskesmas</source>
        <translation>Health centre (Puskesmas)</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Schools</translation>
    </message>
    <message>
        <source>Forum Anak</source>
        <translation>Children&apos;s Forum</translation>
    </message>
    <message>
        <source>PATBM</source>
        <translation>PATBM</translation>
    </message>
    <message>
        <source>Dunia usaha</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Disdukcapil</source>
        <translation>Disdukcapil</translation>
    </message>
    <message>
        <source>KUA</source>
        <translation>KUA</translation>
    </message>
    <message>
        <source>TP PKK</source>
        <translation>TP PKK</translation>
    </message>
    <message>
        <source>LPM</source>
        <translation>LPM</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Tokoh agama</source>
        <translation>Religious leaders</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>kiriman</source>
        <translation>export</translation>
    </message>
    <message>
        <source>tanda terima</source>
        <translation>receipt</translation>
    </message>
    <message>
        <source>pemasangan</source>
        <translation>setup</translation>
    </message>
    <message>
        <source>pemulihan</source>
        <translation>restore</translation>
    </message>
    <message>
        <source>Membaca data {name}</source>
        <translation>Reading the data of {name}</translation>
    </message>
    <message>
        <source>Membuat data contoh {name}</source>
        <translation>Making demo data for {name}</translation>
    </message>
    <message>
        <source>Bagian {part}/{parts}: data dukung</source>
        <translation>Part {part}/{parts}: evidence files</translation>
    </message>
    <message>
        <source>Bagian {part}/{parts} selesai</source>
        <translation>Part {part}/{parts} done</translation>
    </message>
    <message>
        <source>Memeriksa {name}</source>
        <translation>Checking {name}</translation>
    </message>
    <message>
        <source>Tanda terima {name}</source>
        <translation>Receipt for {name}</translation>
    </message>
    <message>
        <source>Perhatian: DP3AKB sudah menyimpan {count} item data {unit} dari kiriman sebelumnya, tetapi berkas ini memasang ruang kerja yang kosong; kiriman dari ruang kerja kosong itu nanti bentrok dengan data yang tersimpan. Bila {unit} memakai komputer baru atau ruang kerjanya hilang, jangan serahkan berkas ini: buat berkas pemulihan yang membawa semua data itu dengan perintah kla city restore {code} --out FOLDER. Bila ruang kerja lamanya masih dipakai, pasang berkas ini di ruang kerja itu; datanya tetap.</source>
        <translation>Note: DP3AKB already holds {count} items of {unit}&apos;s data from earlier bundles, but this file installs an empty workspace; bundles from that empty workspace will later conflict with the data held. If {unit} uses a new computer or its workspace was lost, do not hand over this file: make a restore file that carries all that data with the command kla city restore {code} --out FOLDER. If the old workspace is still in use, install this file in that workspace; its data stays.</translation>
    </message>
    <message>
        <source>DP3AKB menyimpan {count} item data {unit} yang tidak ada di komputer ini (dari komputer lain, dari ruang kerja lama, atau diisi DP3AKB). Bila komputer ini menggantikan komputer lama yang datanya hilang, minta DP3AKB membuat berkas pemulihan agar data itu kembali ke sini.</source>
        <translation>DP3AKB holds {count} data items of {unit} that are not on this computer (from another computer, from an old workspace, or entered at DP3AKB). If this computer replaces an old one whose data was lost, ask DP3AKB for a restore file to bring that data back here.</translation>
    </message>
    <message>
        <source>Perhatian: DP3AKB sudah menyimpan {count} item data {unit} dari kiriman sebelumnya, tetapi berkas ini memasang ruang kerja yang kosong; kiriman dari ruang kerja kosong itu nanti bentrok dengan data yang tersimpan. Bila {unit} memakai komputer baru atau ruang kerjanya hilang, jangan serahkan berkas ini: pilih {unit} di daftar lalu klik “Berkas pemulihan…” untuk berkas yang membawa semua data itu. Bila ruang kerja lamanya masih dipakai, pasang berkas ini di ruang kerja itu; datanya tetap.</source>
        <translation>Note: DP3AKB already holds {count} data items of {unit} from earlier bundles, but this file installs an empty workspace; bundles from that empty workspace will then conflict with the data held. If {unit} uses a new PC or lost its workspace, do not hand over this file: select {unit} in the list and click “Berkas pemulihan…” for a file carrying all that data. If the old workspace is still in use, install this file in that workspace; its data stays.</translation>
    </message>
    <message>
        <source>DP3AKB sudah menerima {held} item seluruhnya; {new} di antaranya baru atau berubah sejak tanda terima no. {since}</source>
        <translation>DP3AKB has received {held} items in all; {new} of them new or changed since receipt no. {since}</translation>
    </message>
    <message>
        <source>DP3AKB sudah menerima {held} item seluruhnya (tanda terima pertama)</source>
        <translation>DP3AKB has received {held} items in all (first receipt)</translation>
    </message>
    <message>
        <source>DP3AKB sudah menerima {held} item seluruhnya; tidak ada yang baru atau berubah sejak tanda terima no. {since}</source>
        <translation>DP3AKB has received {held} items in all; none new or changed since receipt no. {since}</translation>
    </message>
    <message>
        <source>DP3AKB sudah menerima {held} item seluruhnya</source>
        <translation>DP3AKB has received {held} items in all</translation>
    </message>
    <message>
        <source>DP3AKB sudah menerima {held} item seluruhnya; {new} di antaranya baru atau berubah sejak tanda terima DP3AKB sebelumnya, yang belum pernah diimpor di sini</source>
        <translation>DP3AKB has received {held} items in all; {new} of them are new or changed since DP3AKB&apos;s previous receipt, which was never imported here</translation>
    </message>
    <message>
        <source>DP3AKB sudah menerima {held} item seluruhnya; tidak ada yang baru atau berubah sejak tanda terima DP3AKB sebelumnya, yang belum pernah diimpor di sini</source>
        <translation>DP3AKB has received {held} items in all; nothing is new or changed since DP3AKB&apos;s previous receipt, which was never imported here</translation>
    </message>
    <message>
        <source>Diterima DP3AKB {held} item; tidak ada yang baru sejak no. {since}</source>
        <translation>Received by DP3AKB: {held} items; none new since no. {since}</translation>
    </message>
    <message>
        <source>Diterima DP3AKB {held} item; {new} baru/berubah sejak tanda terima sebelumnya (tidak diimpor di sini)</source>
        <translation>DP3AKB received {held} items; {new} new/changed since the previous receipt (not imported here)</translation>
    </message>
    <message>
        <source>Diterima DP3AKB {held} item; tidak ada yang baru sejak tanda terima sebelumnya (tidak diimpor di sini)</source>
        <translation>DP3AKB received {held} items; nothing new since the previous receipt (not imported here)</translation>
    </message>
    <message>
        <source>Menyalin data dukung</source>
        <translation>Copying evidence files</translation>
    </message>
    <message>
        <source>Memulihkan data</source>
        <translation>Restoring the data</translation>
    </message>
    <message>
        <source>Menambahkan {name}</source>
        <translation>Adding {name}</translation>
    </message>
    <message>
        <source>Memeriksa paket</source>
        <translation>Checking the pack</translation>
    </message>
    <message>
        <source>Menyusun lembar kemajuan</source>
        <translation>Composing the progress sheet</translation>
    </message>
    <message>
        <source>Menyusun laporan kota</source>
        <translation>Composing the city report</translation>
    </message>
    <message>
        <source>Menyusun catatan perubahan template</source>
        <translation>Composing the record of the template change</translation>
    </message>
    <message>
        <source>Menulis PDF</source>
        <translation>Writing the PDF</translation>
    </message>
    <message>
        <source>Menulis ringkasan</source>
        <translation>Writing the summary</translation>
    </message>
    <message>
        <source>Menulis nilai</source>
        <translation>Writing the values</translation>
    </message>
    <message>
        <source>Menulis data dukung</source>
        <translation>Writing the evidence list</translation>
    </message>
    <message>
        <source>Menulis kegiatan</source>
        <translation>Writing the activities</translation>
    </message>
    <message>
        <source>Menulis fasilitas</source>
        <translation>Writing the facilities</translation>
    </message>
    <message>
        <source>Menulis rekap angka</source>
        <translation>Writing the figures</translation>
    </message>
    <message>
        <source>Menjumlahkan angka per wilayah</source>
        <translation>Adding up the figures per area</translation>
    </message>
    <message>
        <source>Menyimpan buku kerja</source>
        <translation>Saving the workbook</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Membuat cadangan sebelum menerbitkan</source>
        <translation>Making a backup before publishing</translation>
    </message>
    <message>
        <source>Memindahkan isian ke versi baru</source>
        <translation>Moving the values to the new version</translation>
    </message>
    <message>
        <source>Mencatat isian yang dipindahkan</source>
        <translation>Recording the values moved</translation>
    </message>
    <message>
        <source>Menulis lembar {name}</source>
        <translation>Writing the sheet {name}</translation>
    </message>
    <message>
        <source>Membaca lembar {name}</source>
        <translation>Reading the sheet {name}</translation>
    </message>
    <message>
        <source>Memeriksa nilai</source>
        <translation>Checking the values</translation>
    </message>
    <message>
        <source>Baris {ref} ditambahkan di luar formulir, jadi isinya tidak diimpor. Bila itu data, ketik di kotak putih yang sesuai.</source>
        <translation>Row {ref} was added outside the form, so its content is not imported. If it is data, type it in the matching white cell.</translation>
    </message>
    <message>
        <source>Lembar “{sheet}” bukan bagian formulir dan dilewati.</source>
        <translation>The sheet “{sheet}” is not part of the form and was skipped.</translation>
    </message>
    <message>
        <source>Lembar “{sheet}” mengulang indikator {indicator} dan dilewati.</source>
        <translation>The sheet “{sheet}” repeats indicator {indicator} and was skipped.</translation>
    </message>
    <message>
        <source>Dibaca dengan pemetaan kolom “{name}”.</source>
        <translation>Read with the column mapping “{name}”.</translation>
    </message>
    <message>
        <source>Formulir ini dibuat dengan template versi {form_version}; isiannya dipindahkan ke versi {version} menurut aturan template.</source>
        <translation>This form was made with template version {form_version}; its data was moved to version {version} by the template&apos;s rules.</translation>
    </message>
    <message>
        <source>Tidak diubah di formulir; nilai di program diubah setelah formulir diunduh dan tetap dipakai.</source>
        <translation>Not changed in the form; the value in the program was changed after the form was downloaded and is kept.</translation>
    </message>
    <message>
        <source>Isian ini dihapus di template versi {version}; nilainya tidak diimpor.</source>
        <translation>This item was removed in template version {version}; its value is not imported.</translation>
    </message>
    <message>
        <source>Isian ini tidak ada lagi di template versi {version}; nilainya disimpan di daftar nilai lama (tidak hilang) dan tidak diisikan ke isian lain.</source>
        <translation>This item is no longer in template version {version}; its value is kept in the list of old values (not lost) and not put into another item.</translation>
    </message>
    <message>
        <source>Dijumlahkan ke isian “{item}” (template versi {version}).</source>
        <translation>Added into item “{item}” (template version {version}).</translation>
    </message>
    <message>
        <source>Nilai di program juga diubah setelah formulir diunduh; nilai formulir dipakai.</source>
        <translation>The value in the program was also changed after the form was downloaded; the form&apos;s value is used.</translation>
    </message>
    <message>
        <source>Diterima, tetapi ditandai untuk diperiksa.</source>
        <translation>Accepted, but flagged for checking.</translation>
    </message>
    <message>
        <source>Baru diisi.</source>
        <translation>Newly filled in.</translation>
    </message>
    <message>
        <source>Nilainya berubah.</source>
        <translation>The value changed.</translation>
    </message>
    <message>
        <source>Kotak dikosongkan di formulir; nilainya dihapus.</source>
        <translation>The cell was emptied in the form; its value is removed.</translation>
    </message>
    <message>
        <source>Sama dengan yang tersimpan.</source>
        <translation>Same as what is stored.</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Berubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Ditandai</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Tidak sah</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <source>Tetap</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>isian yang tidak dikenal</source>
        <translation>an unknown item</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>sudah dikonfirmasi</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>sebagian dikonfirmasi</source>
        <translation>partly confirmed</translation>
    </message>
    <message>
        <source>belum dikonfirmasi</source>
        <translation>not confirmed</translation>
    </message>
    <message>
        <source>rumusan masih draf</source>
        <translation>wording still a draft</translation>
    </message>
    <message>
        <source>jumlah</source>
        <translation>count</translation>
    </message>
    <message>
        <source>rupiah</source>
        <translation>rupiah</translation>
    </message>
    <message>
        <source>ya/tidak</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>pilihan</source>
        <translation>choice</translation>
    </message>
    <message>
        <source>teks</source>
        <translation>text</translation>
    </message>
    <message>
        <source>persen (dihitung)</source>
        <translation>percent (computed)</translation>
    </message>
    <message>
        <source>peraturan/kebijakan</source>
        <translation>regulation/policy</translation>
    </message>
    <message>
        <source>surat keputusan (SK)</source>
        <translation>decree (SK)</translation>
    </message>
    <message>
        <source>foto</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>notulen/daftar hadir</source>
        <translation>minutes/attendance list</translation>
    </message>
    <message>
        <source>sertifikat/piagam</source>
        <translation>certificate/charter</translation>
    </message>
    <message>
        <source>tabel/rekap data</source>
        <translation>data table/summary</translation>
    </message>
    <message>
        <source>laporan</source>
        <translation>report</translation>
    </message>
    <message>
        <source>lainnya</source>
        <translation>other</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>umur {bands}</source>
        <translation>age {bands}</translation>
    </message>
    <message>
        <source>tidak dipilah</source>
        <translation>not disaggregated</translation>
    </message>
    <message>
        <source>boleh dari tahun berapa pun</source>
        <translation>any year</translation>
    </message>
    <message>
        <source>paling lama {years} tahun</source>
        <translation>at most {years} years old</translation>
    </message>
    <message>
        <source>wajib</source>
        <translation>required</translation>
    </message>
    <message>
        <source>tidak wajib</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>{count} berkas</source>
        <translation>{count} file(s)</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Nama singkat</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Petunjuk pengisian</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Sumber rumusan</source>
        <translation>Source of the wording</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Indikator {indicator} {name}</source>
        <translation>Indicator {indicator} {name}</translation>
    </message>
    <message>
        <source>Seluruh template</source>
        <translation>Whole template</translation>
    </message>
    <message>
        <source>Nilai yang sudah diisi di desa/kelurahan</source>
        <translation>Values already entered at the desa/kelurahan</translation>
    </message>
    <message>
        <source>Rentang kategori nasional dari pernyataan pejabat KemenPPPA (nilai maksimal 1.000; Pratama 500–600 sampai Paripurna 901–1.000). Nama dan batas kategori tertinggi belum dipastikan dalam peraturan.</source>
        <translation>National category bands as stated by KemenPPPA officials (at most 1.000 points; Pratama 500–600 up to Paripurna 901–1.000). The name and limits of the top category are not yet confirmed in a regulation.</translation>
    </message>
    <message>
        <source>Indikator baru: {indicator} “{name}”.</source>
        <translation>New indicator: {indicator} “{name}”.</translation>
    </message>
    <message>
        <source>Indikator {indicator} “{name}” tidak dipakai lagi.</source>
        <translation>Indicator {indicator} “{name}” is no longer used.</translation>
    </message>
    <message>
        <source>{field} diubah: “{old}” menjadi “{new}”.</source>
        <translation>{field} changed: “{old}” became “{new}”.</translation>
    </message>
    <message>
        <source>{field} diubah.</source>
        <translation>{field} changed.</translation>
    </message>
    <message>
        <source>Status rumusan indikator: {old} → {new}.</source>
        <translation>Wording status of the indicator: {old} → {new}.</translation>
    </message>
    <message>
        <source>Bobot {old} → {new}.</source>
        <translation>Weight {old} → {new}.</translation>
    </message>
    <message>
        <source>Isian baru: “{label}” ({kind}).</source>
        <translation>New item: “{label}” ({kind}).</translation>
    </message>
    <message>
        <source>Isian “{label}” tidak ada lagi di versi baru.</source>
        <translation>Item “{label}” is no longer in the new version.</translation>
    </message>
    <message>
        <source>Isian “{old}” diganti “{new}”.</source>
        <translation>Item “{old}” replaced by “{new}”.</translation>
    </message>
    <message>
        <source>Isian “{old}” diganti isian baru dengan kata-kata yang sama.</source>
        <translation>Item “{old}” replaced by a new item with the same words.</translation>
    </message>
    <message>
        <source>Isian “{old}” kini berbunyi “{new}”.</source>
        <translation>Item “{old}” now reads “{new}”.</translation>
    </message>
    <message>
        <source>Penjelasan isian “{label}” diubah.</source>
        <translation>The explanation of item “{label}” changed.</translation>
    </message>
    <message>
        <source>Isian “{label}”: {old} → {new}.</source>
        <translation>Item “{label}”: {old} → {new}.</translation>
    </message>
    <message>
        <source>Jenis isian “{label}”: {old} → {new}.</source>
        <translation>Kind of item “{label}”: {old} → {new}.</translation>
    </message>
    <message>
        <source>Pemilahan isian “{label}”: {old} → {new}.</source>
        <translation>Disaggregation of item “{label}”: {old} → {new}.</translation>
    </message>
    <message>
        <source>Angka wajar isian “{label}”: {old} → {new}.</source>
        <translation>Plausible range of item “{label}”: {old} → {new}.</translation>
    </message>
    <message>
        <source>Isian “{label}” diubah (hubungan dengan isian lain atau pilihan jawabannya).</source>
        <translation>Item “{label}” changed (its relation to other items or its answer choices).</translation>
    </message>
    <message>
        <source>Rumusan isian “{label}”: {old} → {new}.</source>
        <translation>Wording of item “{label}”: {old} → {new}.</translation>
    </message>
    <message>
        <source>Data dukung baru: “{label}” ({kind}; {count}; {recency}; {required}).</source>
        <translation>New evidence: “{label}” ({kind}; {count}; {recency}; {required}).</translation>
    </message>
    <message>
        <source>Data dukung “{label}” tidak diminta lagi.</source>
        <translation>Evidence “{label}” is no longer asked for.</translation>
    </message>
    <message>
        <source>Data dukung “{old}” kini berbunyi “{new}”.</source>
        <translation>Evidence “{old}” now reads “{new}”.</translation>
    </message>
    <message>
        <source>Data dukung “{label}”: {old} → {new}.</source>
        <translation>Evidence “{label}”: {old} → {new}.</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan baru: {message}</source>
        <translation>New check: {message}</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan dihapus: {message}</source>
        <translation>Check removed: {message}</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan diubah: {message}</source>
        <translation>Check changed: {message}</translation>
    </message>
    <message>
        <source>Pemeriksaan perubahan dari tahun lalu: lipat {old_factor}, mulai {old_min} → lipat {new_factor}, mulai {new_min}.</source>
        <translation>Check of the change from last year: factor {old_factor}, from {old_min} → factor {new_factor}, from {new_min}.</translation>
    </message>
    <message>
        <source>Rentang kategori kini: {bands}.</source>
        <translation>Category bands now: {bands}.</translation>
    </message>
    <message>
        <source>Sumber rentang kategori: {source}.</source>
        <translation>Source of the category bands: {source}.</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan angka diubah.</source>
        <translation>The checks of figures changed.</translation>
    </message>
    <message>
        <source>Pengaturan template diubah ({field}).</source>
        <translation>Template setting changed ({field}).</translation>
    </message>
    <message>
        <source>Template lain: {old} → {new}.</source>
        <translation>Another template: {old} → {new}.</translation>
    </message>
    <message>
        <source>Tidak ada perubahan.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>aturan tanpa keterangan</source>
        <translation>check without a description</translation>
    </message>
    <message>
        <source>Nilai yang sudah diisi pada “{old}” pindah ke “{new}”.</source>
        <translation>Values already entered in “{old}” move to “{new}”.</translation>
    </message>
    <message>
        <source>Nilai “{sources}” dijumlahkan ke “{into}”; yang tidak bisa dijumlahkan disimpan terpisah, tidak hilang.</source>
        <translation>Values of “{sources}” are added up into “{into}”; any that cannot be added are kept apart, not lost.</translation>
    </message>
    <message>
        <source>“{old}” dipecah menjadi “{into}”; nilai yang sudah diisi pindah ke “{carry}”.</source>
        <translation>“{old}” is split into “{into}”; values already entered move to “{carry}”.</translation>
    </message>
    <message>
        <source>“{old}” dipecah menjadi “{into}”; nilai yang sudah diisi disimpan terpisah, tidak hilang.</source>
        <translation>“{old}” is split into “{into}”; values already entered are kept apart, not lost.</translation>
    </message>
    <message>
        <source>Isian “{old}” tidak dipakai lagi; nilai yang sudah diisi disimpan terpisah, tidak hilang.</source>
        <translation>Item “{old}” is no longer used; values already entered are kept apart, not lost.</translation>
    </message>
    <message>
        <source>Tidak ada nilai yang dipindahkan: semua isian lama tetap di tempatnya.</source>
        <translation>No values move: every old item stays where it is.</translation>
    </message>
    <message>
        <source>Jumlah bobot semua indikator {total}, seharusnya {expected}. Ubah bobot indikator lain sampai jumlahnya {expected}.</source>
        <translation>The weights of all indicators add up to {total}; they should add up to {expected}. Change the weights of other indicators until the total is {expected}.</translation>
    </message>
    <message>
        <source>Isian “{label}” tidak ada lagi di draf tanpa aturan: nyatakan apakah diganti, digabung, dipecah atau tidak dipakai lagi, supaya nilai yang sudah diisi tidak hilang.</source>
        <translation>Item “{label}” is gone from the draft without a rule: say whether it was replaced, merged, split or retired, so that values already entered are not lost.</translation>
    </message>
    <message>
        <source>Aturan untuk isian “{label}” menyebut isian yang tidak ada di versi berlaku.</source>
        <translation>The rule for item “{label}” names an item the version in force does not have.</translation>
    </message>
    <message>
        <source>Isian “{label}” sudah punya aturan; satu isian hanya boleh punya satu aturan.</source>
        <translation>Item “{label}” already has a rule; an item can have one rule only.</translation>
    </message>
    <message>
        <source>Aturan memindahkan nilai ke isian “{label}” yang tidak ada di draf.</source>
        <translation>A rule moves values to item “{label}”, which is not in the draft.</translation>
    </message>
    <message>
        <source>Isian dari indikator yang berbeda tidak bisa digabung.</source>
        <translation>Items of different indicators cannot be merged.</translation>
    </message>
    <message>
        <source>Satu aturan migrasi tidak lengkap; buang draf ini dan buat lagi.</source>
        <translation>A migration rule is incomplete; discard this draft and start again.</translation>
    </message>
    <message>
        <source>Sudah ada isian dengan nama itu di indikator ini. Pakai kata-kata lain.</source>
        <translation>This indicator already has an item with that name. Use other words.</translation>
    </message>
    <message>
        <source>Isian “{label}” hanya bisa menjadi bagian dari isian jumlah dengan pemilahan (jenis kelamin, umur) yang sama.</source>
        <translation>Item “{label}” can only be part of a count item with the same disaggregation (sex, age).</translation>
    </message>
    <message>
        <source>Isian ini adalah keseluruhan dari isian “{label}”. Pensiunkan atau ubah isian “{label}” dulu.</source>
        <translation>This item is the whole of item “{label}”. Retire or change item “{label}” first.</translation>
    </message>
    <message>
        <source>Isian ini dipakai aturan pemeriksaan angka. Hapus atau ubah aturan itu dulu (bagian Aturan &amp; kategori).</source>
        <translation>A check of figures uses this item. Remove or change that check first (Rules &amp; categories).</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan hanya bisa membandingkan isian jumlah yang ada, dengan jenis kelamin dan kelompok umur yang dimiliki isian itu.</source>
        <translation>A check can only compare existing count items, with the sexes and age groups those items have.</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan tidak lengkap: perlu keterangan, dua sisi yang dibandingkan dan tanda pembanding.</source>
        <translation>The check is incomplete: it needs a description, two sides to compare and a comparison sign.</translation>
    </message>
    <message>
        <source>Hanya isian jumlah yang bisa dipilah menurut jenis kelamin atau umur.</source>
        <translation>Only count items can be disaggregated by sex or age.</translation>
    </message>
    <message>
        <source>Isian pilihan perlu sedikitnya satu pilihan jawaban.</source>
        <translation>A choice item needs at least one answer choice.</translation>
    </message>
    <message>
        <source>Angka wajar terkecil tidak boleh lebih besar dari yang terbesar.</source>
        <translation>The smallest plausible figure cannot be larger than the largest.</translation>
    </message>
    <message>
        <source>Angka wajar hanya untuk isian jumlah atau rupiah.</source>
        <translation>A plausible range is only for count or rupiah items.</translation>
    </message>
    <message>
        <source>Jenis data dukung itu tidak dikenal. Pilih dari daftar.</source>
        <translation>That kind of evidence is not known. Choose from the list.</translation>
    </message>
    <message>
        <source>Setiap indikator perlu sedikitnya satu data dukung; yang terakhir tidak bisa dihapus.</source>
        <translation>Every indicator needs at least one kind of evidence; the last one cannot be removed.</translation>
    </message>
    <message>
        <source>Data dukung itu sudah tidak ada di draf. Pilih yang lain dari daftar.</source>
        <translation>That evidence is no longer in the draft. Choose another from the list.</translation>
    </message>
    <message>
        <source>Isian itu sudah tidak ada di draf. Pilih yang lain dari daftar.</source>
        <translation>That item is no longer in the draft. Choose another from the list.</translation>
    </message>
    <message>
        <source>Bobot harus bilangan bulat dari 1 sampai 1.000.</source>
        <translation>A weight must be a whole number from 1 to 1.000.</translation>
    </message>
    <message>
        <source>Kata-katanya tidak boleh kosong.</source>
        <translation>The words cannot be empty.</translation>
    </message>
    <message>
        <source>Jumlah berkas paling sedikit 1 dan umur paling lama bilangan bulat tahun (atau kosong).</source>
        <translation>The number of files is at least 1, and the maximum age a whole number of years (or empty).</translation>
    </message>
    <message>
        <source>Isinya terlalu panjang atau terlalu banyak untuk satu template.</source>
        <translation>That is too long or too many for one template.</translation>
    </message>
    <message>
        <source>Aturan pemeriksaan itu sudah tidak ada di draf.</source>
        <translation>That check is no longer in the draft.</translation>
    </message>
    <message>
        <source>Rentang kategori tidak lengkap.</source>
        <translation>The category bands are incomplete.</translation>
    </message>
    <message>
        <source>Sumber rentang kategori terlalu panjang (paling banyak 2.000 huruf).</source>
        <translation>The source of the category bands is too long (at most 2.000 characters).</translation>
    </message>
    <message>
        <source>Perlu 1 sampai {limit} kategori.</source>
        <translation>1 to {limit} categories are needed.</translation>
    </message>
    <message>
        <source>Setiap kategori perlu nama (paling banyak 60 huruf).</source>
        <translation>Every category needs a name (at most 60 characters).</translation>
    </message>
    <message>
        <source>Nama kategori “{band}” dipakai dua kali. Pakai nama lain.</source>
        <translation>The category name “{band}” is used twice. Use another name.</translation>
    </message>
    <message>
        <source>Batas kategori “{band}” harus bilangan bulat 0 sampai {max_points}, batas bawah tidak lebih dari batas atas.</source>
        <translation>The limits of category “{band}” must be whole numbers from 0 to {max_points}, the lower limit not above the upper.</translation>
    </message>
    <message>
        <source>Kategori “{band}” tidak menyambung dengan “{previous}”: ada nilai di antaranya yang tidak masuk kategori mana pun. Batas bawahnya harus satu lebih dari batas atas “{previous}”.</source>
        <translation>Category “{band}” does not join “{previous}”: scores in between would fall in no category. Its lower limit must be one above the upper limit of “{previous}”.</translation>
    </message>
    <message>
        <source>Kategori “{band}” tumpang tindih dengan “{previous}”. Batas bawahnya harus satu lebih dari batas atas “{previous}”.</source>
        <translation>Category “{band}” overlaps “{previous}”. Its lower limit must be one above the upper limit of “{previous}”.</translation>
    </message>
    <message>
        <source>Perubahan ini membuat template tidak sah, jadi tidak dipakai. Tidak ada yang diubah di draf.</source>
        <translation>This change would make the template invalid, so it was not used. Nothing was changed in the draft.</translation>
    </message>
    <message>
        <source>Kiriman memakai template {id} versi {version} yang tidak dikenal DP3AKB. Ditolak; pasang template itu dulu.</source>
        <translation>The export uses template {id} version {version}, unknown to DP3AKB. Refused; install that template first.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan tanggal yang sah. Tulis seperti 17-08-2025, 17/8/25 atau 17 Agustus 2025.</source>
        <translation>&apos;{value}&apos; is not a valid date. Write it like 17-08-2025, 17/8/25 or 17 Agustus 2025.</translation>
    </message>
    <message>
        <source>Cadangan itu milik ruang kerja {got}, sedangkan ruang kerja ini milik {have}. Tidak ada yang diubah. Pilih cadangan ruang kerja ini sendiri: yang dibuat di komputer ini ada di folder backups ruang kerjanya.</source>
        <translation>That backup belongs to the workspace of {got}, while this workspace belongs to {have}. Nothing was changed. Choose a backup of this workspace itself: the ones made on this computer are in its workspace&apos;s backups folder.</translation>
    </message>
    <message>
        <source>Berkas data dukung {name} hilang dari folder ruang kerja ({sha}). Tambahkan ulang berkas aslinya di panel data dukung (atau &apos;kla evidence add&apos;); cadangan tidak memuat berkas data dukung. Tidak ada kiriman yang ditulis.</source>
        <translation>Evidence file {name} is missing from the workspace folder ({sha}). Add the original file again in the evidence panel (or &apos;kla evidence add&apos;); backups do not hold evidence files. No export was written.</translation>
    </message>
    <message>
        <source>Berkas data dukung {name} berubah atau rusak. Tambahkan ulang berkas aslinya di panel data dukung (atau &apos;kla evidence add&apos;): salinan yang rusak diganti. Tidak ada kiriman yang ditulis.</source>
        <translation>Evidence file {name} has changed or is damaged. Add the original file again in the evidence panel (or &apos;kla evidence add&apos;): the damaged copy is replaced. No export was written.</translation>
    </message>
    <message>
        <source>Perhatian: {unit} mengirim dari dua komputer dengan satu berkas pemasangan (kunci {fingerprint}): {this} dan {others}. DP3AKB tidak bisa membedakan kiriman keduanya, dan data yang diubah di dua komputer menjadi konflik. Data kiriman ini tetap diimpor. Jika semua komputer itu milik kantornya: buat berkas pemasangan tersendiri untuk komputer kedua (kla city enroll {code} --new-key --out BERKAS) dan pasang di komputer itu; datanya tetap. Jika kantornya tidak mengenal salah satu komputer itu: cabut kuncinya (kla city revoke {code} --key {fingerprint}) lalu daftarkan ulang. Tanda terima berikutnya memberi tahu kedua komputer.</source>
        <translation>Attention: {unit} sends from two computers with one setup file (key {fingerprint}): {this} and {others}. DP3AKB cannot tell their submissions apart, and data changed on both computers becomes a conflict. The data of this submission is imported all the same. If all these computers belong to the office: make a setup file of its own for the second computer (kla city enroll {code} --new-key --out FILE) and install it on that computer; its data stays. If the office does not know one of these computers: revoke the key (kla city revoke {code} --key {fingerprint}) and enrol again. The next receipt tells both computers.</translation>
    </message>
    <message>
        <source>Catatan: ini kiriman pertama dari {this} dengan kunci {fingerprint}, yang sebelumnya dipakai {others}: berkas pemasangan {unit} dipasang ulang atau dipasang di komputer lain. Jika komputer lama tidak dipakai lagi (misalnya disk rusak lalu dipasang ulang), tidak perlu apa-apa. Jika masih dipakai, buat berkas pemasangan tersendiri untuk salah satunya (kla city enroll {code} --new-key --out BERKAS).</source>
        <translation>Note: this is the first submission from {this} with key {fingerprint}, which {others} used before: the setup file of {unit} was installed again or installed on another computer. If the old computer is no longer used (for example a failed disk, then a reinstall), nothing needs doing. If it is still used, make a setup file of its own for one of them (kla city enroll {code} --new-key --out FILE).</translation>
    </message>
    <message>
        <source>Data dukung {sha}… dalam berkas ini tidak sama dengan sidik jari yang menjadi namanya: isinya bukan berkas yang disebut. Seluruh berkas ditolak; tidak ada yang diubah. Minta pengirimnya membuat kiriman baru.</source>
        <translation>Evidence {sha}… in this file does not match the fingerprint that is its name: its content is not the file it claims to be. The whole file was refused; nothing was changed. Ask the sender to make a new export.</translation>
    </message>
    <message>
        <source>Berkas {name} bukan {kind} seperti namanya: isinya tidak dikenali sebagai {kind}. Tidak ada yang diubah. Buka berkasnya di program aslinya dan simpan ulang sebagai {kind}, atau beri nama yang sesuai isinya.</source>
        <translation>The file {name} is not a {kind} as its name says: its content is not recognised as {kind}. Nothing was changed. Open the file in its own program and save it again as {kind}, or give it a name that matches its content.</translation>
    </message>
    <message>
        <source>Di {path} sudah ada berkas lain dengan nama yang sama; berkas itu tidak ditimpa. Pilih folder lain, atau pindahkan berkas itu dulu.</source>
        <translation>There is already another file with the same name at {path}; it was not overwritten. Choose another folder, or move that file first.</translation>
    </message>
    <message>
        <source>Berkas {path} bukan berkas KLA Desktop (isinya tidak dikenali). Pilih berkas .kla atau e-mail .eml; bila berkasnya memang dari KLA Desktop, minta pengirimnya mengirim ulang.</source>
        <translation>The file {path} is not a KLA Desktop file (its content is not recognised). Choose a .kla file or an .eml e-mail; if the file really came from KLA Desktop, ask the sender to send it again.</translation>
    </message>
    <message>
        <source>{path} bukan berkas biasa (tautan/symlink, pintasan atau perangkat), jadi tidak dibuka dan tidak disalin. Salin berkas kirimannya sendiri, lalu impor lagi.</source>
        <translation>{path} is not an ordinary file (a link/symlink, shortcut or device), so it was neither opened nor copied. Copy the export file itself, then import again.</translation>
    </message>
    <message>
        <source>Berkas rusak, terpotong, atau diubah orang lain ({detail}). Minta pengirimnya mengirim ulang.</source>
        <translation>The file is damaged, cut short, or changed by someone ({detail}). Ask the sender to send it again.</translation>
    </message>
    <message>
        <source>Berkas ini tidak ditandatangani DP3AKB yang memasang ruang kerja ini (kunci {key} tidak dikenal). Ditolak; tidak ada yang diubah. Impor hanya tanda terima yang diberikan DP3AKB.</source>
        <translation>This file is not signed by the DP3AKB that set up this workspace (key {key} is unknown). Refused; nothing was changed. Import only receipts that DP3AKB gave you.</translation>
    </message>
    <message>
        <source>Template versi {version} tidak bisa dipasang: isian {items} tidak punya tempat dan tidak ada aturan migrasinya. Tidak ada yang diubah; hubungi DP3AKB.</source>
        <translation>Template version {version} cannot be installed: items {items} have no place and no migration rule. Nothing was changed; contact DP3AKB.</translation>
    </message>
    <message>
        <source>E-mail {path} tidak berisi lampiran kiriman KLA (.kla).</source>
        <translation>The e-mail {path} has no KLA export attachment (.kla).</translation>
    </message>
    <message>
        <source>Alamat e-mail DP3AKB belum diketahui. Isi alamat tujuan di draf e-mail.</source>
        <translation>DP3AKB&apos;s e-mail address is not known yet. Fill in the recipient in the e-mail draft.</translation>
    </message>
    <message>
        <source>Konflik nomor {id} tidak ada.</source>
        <translation>There is no conflict number {id}.</translation>
    </message>
    <message>
        <source>Konflik nomor {id} sudah diputuskan.</source>
        <translation>Conflict number {id} has already been decided.</translation>
    </message>
    <message>
        <source>Pilihan &apos;{choice}&apos; tidak dikenal. Pilih &apos;held&apos; (pertahankan) atau &apos;incoming&apos; (pakai kiriman).</source>
        <translation>Choice &apos;{choice}&apos; is unknown. Choose &apos;held&apos; (keep) or &apos;incoming&apos; (use the export).</translation>
    </message>
    <message>
        <source>Dibatalkan. Tidak ada yang diubah.</source>
        <translation>Cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>Perintah tidak lengkap atau salah: {detail}. Lihat &apos;kla --help&apos;.</source>
        <translation>The command is incomplete or wrong: {detail}. See &apos;kla --help&apos;.</translation>
    </message>
    <message>
        <source>Ruang kerja ini dibuka hanya-baca karena sedang dipakai jendela lain. Tutup jendela itu, lalu buka ulang program untuk mengubah data.</source>
        <translation>This workspace is open read-only because another window is using it. Close that window, then restart the program to change data.</translation>
    </message>
    <message>
        <source>Ruang kerja {home} sedang dipakai jendela KLA Desktop lain. Pakai jendela itu, atau tutup dulu lalu coba lagi.</source>
        <translation>Workspace {home} is being used by another KLA Desktop window. Use that window, or close it first and try again.</translation>
    </message>
    <message>
        <source>Gambar {name} tidak bisa dibaca. Periksa berkasnya, atau simpan ulang sebagai JPG/PNG.</source>
        <translation>Image {name} cannot be read. Check the file, or save it again as JPG/PNG.</translation>
    </message>
    <message>
        <source>Lembar “{sheet}” di {path} terlalu besar ({rows} baris; formulir KLA paling banyak {row_limit} baris). Ditolak; tidak ada yang diubah. Hapus baris kosong di bawah data, simpan, lalu impor lagi.</source>
        <translation>The sheet “{sheet}” in {path} is too large ({rows} rows; a KLA form has at most {row_limit} rows). Refused; nothing was changed. Delete the empty rows below the data, save, then import again.</translation>
    </message>
    <message>
        <source>Lembar “{sheet}” di {path} terlalu lebar ({columns} kolom; formulir KLA paling banyak {column_limit} kolom). Ditolak; tidak ada yang diubah. Hapus kolom kosong di kanan data, simpan, lalu impor lagi.</source>
        <translation>The sheet “{sheet}” in {path} is too wide ({columns} columns; a KLA form has at most {column_limit} columns). Refused; nothing was changed. Delete the empty columns to the right of the data, save, then import again.</translation>
    </message>
    <message>
        <source>Formulir ini untuk {form_unit_title}, sedangkan ruang kerja ini milik {unit_title}. Ditolak; tidak ada yang diubah. Pakai formulir yang diunduh untuk {unit_word} ini.</source>
        <translation>This form is for {form_unit_title}, while this workspace belongs to {unit_title}. Refused; nothing was changed. Use the form downloaded for this {unit_word}.</translation>
    </message>
    <message>
        <source>isinya tidak bisa dibuka</source>
        <translation>its contents cannot be opened</translation>
    </message>
    <message>
        <source>desa/kelurahan</source>
        <translation>desa/kelurahan</translation>
    </message>
    <message>
        <source>desa</source>
        <translation>desa</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Distrik</source>
        <translation>Distrik</translation>
    </message>
    <message>
        <source>Kec.</source>
        <translation>Kec.</translation>
    </message>
    <message>
        <source>Peran &apos;{role}&apos; tidak dikenal. Pilih &apos;kelurahan&apos; (desa atau kelurahan) atau &apos;city&apos; (DP3AKB).</source>
        <translation>Role &apos;{role}&apos; is not known. Choose &apos;kelurahan&apos; (a desa or a kelurahan) or &apos;city&apos; (DP3AKB).</translation>
    </message>
    <message>
        <source>Kode kabupaten/kota {code} tidak ada di data wilayah Kemendagri. Cari kodenya dengan: kla region search NAMA --level city (misalnya kla region search Samarinda --level city).</source>
        <translation>There is no kabupaten/kota with code {code} in the Kemendagri region data. Find its code with: kla region search NAME --level city (for example kla region search Samarinda --level city).</translation>
    </message>
    <message>
        <source>Sebutkan desa/kelurahannya dengan --kelurahan KODE (contoh: 64.71.01.1001). Cari kodenya dengan: kla region search NAMA.</source>
        <translation>Name the desa/kelurahan with --kelurahan CODE (for example 64.71.01.1001). Find its code with: kla region search NAME.</translation>
    </message>
    <message>
        <source>Desa/kelurahan dengan kode {code} tidak dikenal di sini. Periksa kodenya, atau cari namanya dengan: kla region search NAMA.</source>
        <translation>No desa/kelurahan with code {code} is known here. Check the code, or look up its name with: kla region search NAME.</translation>
    </message>
    <message>
        <source>Kode {code} bukan bagian dari kabupaten/kota {city}, jadi tidak ada yang dibuat. Periksa kodenya.</source>
        <translation>Code {code} is not part of kabupaten/kota {city}, so nothing was created. Check the code.</translation>
    </message>
    <message>
        <source>Nama &apos;{name}&apos; dipakai lebih dari satu wilayah ({codes}). Sebutkan kodenya.</source>
        <translation>The name &apos;{name}&apos; is used by more than one area ({codes}). Give the code instead.</translation>
    </message>
    <message>
        <source>Namanya kosong. Ketik nama desa, kelurahan atau kecamatan itu.</source>
        <translation>The name is empty. Type the name of the desa, kelurahan or kecamatan.</translation>
    </message>
    <message>
        <source>Namanya terlalu panjang ({length} huruf; paling banyak {limit}). Ringkas namanya.</source>
        <translation>The name is too long ({length} characters; at most {limit}). Shorten it.</translation>
    </message>
    <message>
        <source>Kecamatan {parent} tidak ada di ruang kerja ini, jadi {code} tidak bisa ditambahkan. Periksa kodenya, atau tambahkan kecamatannya dulu.</source>
        <translation>Kecamatan {parent} is not in this workspace, so {code} cannot be added. Check the code, or add the kecamatan first.</translation>
    </message>
    <message>
        <source>Kode &apos;{code}&apos; tidak bisa dipakai. Desa ditulis kode kecamatan lalu 2xxx (misalnya {city}.01.2001), kelurahan kode kecamatan lalu 1xxx ({city}.01.1001), kecamatan {city}.NN; semuanya di dalam {city}.</source>
        <translation>Code &apos;{code}&apos; cannot be used. A desa is its kecamatan&apos;s code followed by 2xxx (for example {city}.01.2001), a kelurahan the kecamatan&apos;s code followed by 1xxx ({city}.01.1001), a kecamatan {city}.NN; all inside {city}.</translation>
    </message>
    <message>
        <source>Kode {code} sudah dipakai {name}. Pilih kode lain, atau ganti nama yang sudah ada.</source>
        <translation>Code {code} is already used by {name}. Choose another code, or rename the existing one.</translation>
    </message>
    <message>
        <source>Nama &apos;{name}&apos; sudah dipakai {code} di kecamatan yang sama. Pakai nama lain, atau ganti nama yang sudah ada.</source>
        <translation>The name &apos;{name}&apos; is already used by {code} in the same kecamatan. Use another name, or rename the existing one.</translation>
    </message>
    <message>
        <source>Kabupaten/kota sendiri tidak diubah di sini; yang bisa ditambah, diganti nama atau dinonaktifkan adalah kecamatan dan desa/kelurahan.</source>
        <translation>The kabupaten/kota itself is not changed here; kecamatan and desa/kelurahan can be added, renamed or retired.</translation>
    </message>
    <message>
        <source>Kecamatan {name} masih punya {count} desa/kelurahan aktif. Nonaktifkan desa/kelurahan itu dulu, lalu kecamatannya.</source>
        <translation>Kecamatan {name} still has {count} active desa/kelurahan. Retire those first, then the kecamatan.</translation>
    </message>
    <message>
        <source>Kecamatan dengan kode {code} tidak ada di kabupaten/kota ini. Pilih kecamatan dari daftar.</source>
        <translation>There is no kecamatan with code {code} in this kabupaten/kota. Choose a kecamatan from the list.</translation>
    </message>
    <message>
        <source>Ruang kerja ini belum punya kunci. Di DP3AKB kunci dibuat otomatis saat mendaftarkan desa/kelurahan pertama.</source>
        <translation>This workspace has no keys yet. At DP3AKB the keys are made when the first desa/kelurahan is enrolled.</translation>
    </message>
    <message>
        <source>Ruang kerja ini belum terdaftar di DP3AKB, jadi belum bisa mengirim. Minta berkas pemasangan ke DP3AKB, lalu pasang di Pengaturan (atau: kla setup BERKAS). Data yang sudah diisi tetap tersimpan.</source>
        <translation>This workspace is not enrolled at DP3AKB yet, so it cannot send. Ask DP3AKB for a setup file, then install it in Settings (or: kla setup FILE). The data already entered is kept.</translation>
    </message>
    <message>
        <source>Isi berkas tidak cocok dengan daftar sidik jarinya ({member}): berkas diubah setelah dibuat. Ditolak; tidak ada yang diubah. Minta pengirimnya membuat kiriman baru dan menyerahkannya lagi.</source>
        <translation>The file content does not match its list of fingerprints ({member}): the file was changed after it was made. Refused; nothing was changed. Ask the sender to make a new bundle and hand it over again.</translation>
    </message>
    <message>
        <source>Isi berkas mencurigakan: ukurannya tidak wajar ({detail}). Ditolak tanpa dibuka; tidak ada yang diubah. Minta pengirimnya membuat kiriman baru dengan KLA Desktop.</source>
        <translation>The file content is suspicious: its size is not plausible ({detail}). Refused without opening it; nothing was changed. Ask the sender to make a new bundle with KLA Desktop.</translation>
    </message>
    <message>
        <source>Berkas memuat nama isi yang tidak diizinkan ({name}). Ditolak tanpa dibuka; tidak ada yang diubah. Minta pengirimnya membuat kiriman baru dengan KLA Desktop.</source>
        <translation>The file contains a member name that is not allowed ({name}). Refused without opening it; nothing was changed. Ask the sender to make a new bundle with KLA Desktop.</translation>
    </message>
    <message>
        <source>Tanda tangan berkas tidak cocok dengan kunci pengirim: berkas palsu atau diubah. Ditolak; tidak ada yang diubah. Jangan pakai berkas ini: minta pengirimnya membuat kiriman baru dan menyerahkannya langsung.</source>
        <translation>The file&apos;s signature does not match the sender&apos;s key: the file is forged or changed. Refused; nothing was changed. Do not use this file: ask the sender to make a new bundle and hand it over in person.</translation>
    </message>
    <message>
        <source>Pengirim tidak dikenal: kunci {key} tidak terdaftar di DP3AKB. Ditolak. Daftarkan desa/kelurahannya bila perlu.</source>
        <translation>Unknown sender: key {key} is not enrolled at DP3AKB. Refused. Enrol the desa/kelurahan if needed.</translation>
    </message>
    <message>
        <source>Tidak didaftarkan: {code_kind} {name} ({code}) sudah dinonaktifkan pada {at}. Bila masih dipakai, aktifkan lagi dulu (kla city unit reinstate {code}).</source>
        <translation>Not enrolled: {code_kind} {name} ({code}) was retired on {at}. If it is still in use, reinstate it first (kla city unit reinstate {code}).</translation>
    </message>
    <message>
        <source>Tidak ada yang dicetak: belum ada pendaftaran baru. Daftarkan desa/kelurahan dulu.</source>
        <translation>Nothing to print: no new enrolment yet. Enrol a desa/kelurahan first.</translation>
    </message>
    <message>
        <source>Kunci pengirim {key} ({code_kind} {code_named}) sudah dicabut pada {at}. Ditolak; tidak ada yang diubah. Minta {code_kind} itu memasang berkas pemasangan baru dari DP3AKB (daftarkan ulang bila belum), lalu membuat kiriman baru.</source>
        <translation>The sender&apos;s key {key} ({code_kind} {code_named}) was revoked on {at}. Refused; nothing was changed. Ask that {code_kind} to install a new setup file from DP3AKB (enrol it again if not done yet), then make a new bundle.</translation>
    </message>
    <message>
        <source>Berkas ditandatangani {kelurahan_kind} {kelurahan_named} tetapi menyangkut data {owner_kind} {owner_named} ({what}). Ditolak; tidak ada yang diubah. Data {owner_kind} {owner_named} hanya diterima dari {owner_kind} itu sendiri; minta {kelurahan_kind} {kelurahan_named} membuat kiriman baru dari ruang kerjanya.</source>
        <translation>The file is signed by {kelurahan_kind} {kelurahan_named} but concerns data of {owner_kind} {owner_named} ({what}). Refused; nothing was changed. Data of {owner_kind} {owner_named} is accepted only from that {owner_kind} itself; ask {kelurahan_kind} {kelurahan_named} to make a new bundle from its own workspace.</translation>
    </message>
    <message>
        <source>Berkas jenis {type} tidak bisa diimpor di ruang kerja berperan {role}. Tidak ada yang diubah; impor berkas itu di ruang kerja yang dituju.</source>
        <translation>A file of type {type} cannot be imported into a workspace with the role {role}. Nothing was changed; import the file in the workspace it is meant for.</translation>
    </message>
    <message>
        <source>Tanda terima ini untuk {code_kind} {code_named}, bukan {own_kind} {own_named}. Ditolak; tidak ada yang diubah. Impor tanda terima yang dibuat DP3AKB untuk {own_kind} {own_named}.</source>
        <translation>This receipt is for {code_kind} {code_named}, not {own_kind} {own_named}. Refused; nothing was changed. Import the receipt DP3AKB made for {own_kind} {own_named}.</translation>
    </message>
    <message>
        <source>diubah di DP3AKB dan di {unit_kind}</source>
        <translation>changed at DP3AKB and at the {unit_kind}</translation>
    </message>
    <message>
        <source>diubah juga di komputer lain {unit_kind} ini (perangkat {device}); pilih versi yang benar</source>
        <translation>changed also on another computer of this {unit_kind} (device {device}); choose the right version</translation>
    </message>
    <message>
        <source>{unit_kind} memulihkan cadangan yang lebih lama dari kirimannya nomor {seq} yang sudah diterima</source>
        <translation>the {unit_kind} restored a backup older than its export no. {seq}, already received</translation>
    </message>
    <message>
        <source>Diterima DP3AKB {held} item; {new} baru/berubah sejak no. {since}</source>
        <translation>Received by DP3AKB: {held} items; {new} new/changed since no. {since}</translation>
    </message>
    <message>
        <source>Diterima DP3AKB {held} item (tanda terima pertama)</source>
        <translation>Received by DP3AKB: {held} items (first receipt)</translation>
    </message>
    <message>
        <source>Diterima DP3AKB {held} item</source>
        <translation>Received by DP3AKB: {held} items</translation>
    </message>
    <message>
        <source>Mendaftarkan {name}</source>
        <translation>Enrolling {name}</translation>
    </message>
</context>
</TS>
