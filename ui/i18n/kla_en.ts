<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Dinas Sosial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puskesmas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forum Anak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATBM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dunia usaha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disdukcapil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KUA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TP PKK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokoh agama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan &amp; Inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari judul…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan &amp;baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh-bb-tttt, misalnya 17-08-2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitra yang terlibat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator terkait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih kegiatan di daftar, atau buat kegiatan baru.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus kegiatan &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisaggregatedGridModel</name>
    <message>
        <source>Jumlah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(dihitung otomatis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dihitung otomatis: %1 dibagi %2 x 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dijumlahkan otomatis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Data dukung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tambah berkas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih satu atau beberapa berkas (PDF, foto, dokumen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis data dukung untuk berkas yang ditambahkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis: otomatis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foto ukuran asli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan foto tanpa diperkecil. Biasanya tidak perlu: foto besar diperkecil agar ringan dikirim, dan tulisannya tetap terbaca.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atau seret berkas ke panel ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar data dukung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada data dukung.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misalnya: Foto layanan akta keliling, Mei 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh-bb-tttt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor surat/dokumen, bila ada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka berkas asli dengan program bawaan komputer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tautkan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakai berkas ini juga untuk indikator lain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lepaskan berkas ini dari sini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(tidak wajib)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n terlalu lama</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada data dukung yang diminta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dipakai di indikator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lepaskan &quot;%1&quot; dari sini? Berkas ini masih dipakai di tempat lain dan tetap tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus &quot;%1&quot;? Berkas ini tidak dipakai di tempat lain, jadi akan dihapus dari ruang kerja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus data dukung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas data dukung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunggu sampai berkas sebelumnya selesai diproses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Menambahkan %n berkas…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n berkas ditambahkan.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto diperkecil agar ringan dikirim.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dibatalkan; berkas yang sudah masuk tetap tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <source>Ruang Bermain Ramah Anak (RBRA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pusat Informasi Sahabat Anak (PISA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUSPAGA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puskesmas Ramah Anak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sekolah Ramah Anak (SRA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taman Asuh Ramah Anak (TARA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rumah Ibadah Ramah Anak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forum Anak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATBM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posyandu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kawasan Tanpa Rokok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dalam proses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terstandar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas ramah anak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari nama…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas &amp;baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misalnya -1,2654</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misalnya 116,8312</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lintang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bujur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardisasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih fasilitas di daftar, atau tambahkan fasilitas baru.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus fasilitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus fasilitas &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Selamat datang di KLA Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program ini mencatat data dan bukti indikator Kelurahan Layak Anak, tanpa internet. Pilih cara memulai:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misalnya Siti Rahmawati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama Anda (petugas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasang dari berkas DP3AKB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas pemasangan dari DP3AKB berisi kelurahan Anda dan kunci kiriman.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segera tersedia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(segera tersedia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coba dengan data contoh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelurahan Margo Mulyo dengan data contoh, untuk berlatih. Tidak dikirim ke mana pun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja baru untuk kelurahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mulai kosong untuk kelurahan Anda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih kelurahan Anda:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat ruang kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membuat data contoh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas pemasangan dari DP3AKB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas KLA (*.kla);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi yang diberikan DP3AKB bersama berkas ini:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memasang ruang kerja…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih kelurahan dari daftar.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Kelurahan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan %1 · Kota Balikpapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode evaluasi / tahun data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluasi %1 · data %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data tahun berapa yang sedang diisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ganti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ganti nama petugas yang sedang mengisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiriman terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HANYA-BACA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(belum diisi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Riwayat perubahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian ini belum pernah diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Kelengkapan keseluruhan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per klaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perlu dilengkapi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian wajib atau data dukung yang belum ada. Klik untuk membuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data dukung terlalu lama untuk periode ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berubah sejak kiriman terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringkasan Kelurahan %1 — tahun data %2 (evaluasi %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dari %2 indikator siap dikirim · %3 data dukung · %4 kegiatan/inovasi · %5 fasilitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n isian wajib kosong</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n angka perlu diperiksa</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>data dukung kurang: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n berkas terlalu lama</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Semua isian wajib dan data dukung sudah ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada perubahan sejak kiriman terakhir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terakhir %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oleh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n perubahan</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan &amp; inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <source>Hanya-baca: ruang kerja ini sedang dipakai jendela lain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan untuk indikator ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misalnya sumber data, kendala, atau hal yang perlu ditanyakan ke DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandai siap dikirim ke DP3AKB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bisa ditandai bila semua isian wajib (bertanda *) sudah terisi dan benar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik angka di kotak putih. Tab atau Enter untuk pindah; angka seperti 1.250 boleh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riwayat perubahan sel ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelengkapan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian wajib belum terisi: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data dukung kurang: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tersimpan otomatis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorListModel</name>
    <message>
        <source>Siap dikirim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lengkap, belum ditandai siap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sebagian terisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum diisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menjadi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(tanpa nama)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Tampilkan indikator satu klaster saja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua klaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar indikator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <source>Riwayat perubahan isian ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dihitung otomatis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— belum diisi —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>angka, misalnya 1.250</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh-bb-tttt, misalnya 17-08-2025</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Buka hanya-baca untuk melihat data saja?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja sedang dipakai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka hanya-baca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Tautkan ke indikator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centang indikator yang didukung oleh berkas ini (tahun data %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KLA Desktop — Kelurahan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiriman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti Anda membuat berkas kiriman untuk DP3AKB dan melihat tanda terimanya. Fitur ini segera tersedia; data yang Anda isi sekarang akan ikut terkirim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti Anda mencetak rekap dan laporan KLA kelurahan. Fitur ini segera tersedia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan &amp; Inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua isian tersimpan otomatis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada yang bisa diurungkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diurungkan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan dipulihkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak bisa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama Anda (petugas yang mengisi data):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ada isian yang belum tersimpan karena belum benar:

%1

Tutup saja dan buang isian itu?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian belum tersimpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup saja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembali memperbaiki</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressWidget</name>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hentikan pekerjaan ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Ubah %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bahasa dan petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bahasa baru dipakai setelah program dibuka ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petugas yang mengisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Komputer kantor dipakai bersama: setiap perubahan dicatat atas nama petugas ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran foto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sisi terpanjang foto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kualitas JPEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foto yang lebih besar diperkecil saat ditambahkan, agar kiriman ringan tetapi tulisan di foto tetap terbaca. Bawaan: 1600 px, kualitas 80.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat cadangan sekarang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan yang ada (terbaru di atas):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan cadangan yang dipilih…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan dari berkas lain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder ruang kerja: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>otomatis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membuat cadangan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan dibuat: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih dulu salah satu cadangan di daftar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan KLA (*.sqlite);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ganti semua data ruang kerja ini dengan isi cadangan %1? Data sekarang disimpan dulu sebagai cadangan pengaman.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <source>Peraturan/kebijakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat Keputusan (SK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notulen/daftar hadir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sertifikat/piagam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabel/rekap data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>importer</name>
    <message>
        <source>Memproses %1 (%2 dari %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Belum ada ruang kerja di {home}. Buat dulu dengan &apos;kla init&apos; atau pilih folder lain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di {home} sudah ada ruang kerja. Pilih folder lain, atau pakai ruang kerja yang ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas {path} bukan basis data KLA Desktop. Pilih folder ruang kerja yang benar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis data rusak ({detail}). Jangan ketik data baru dulu. Pulihkan dari cadangan terakhir yang baik: kla restore &quot;{backup}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis data ini dibuat oleh versi KLA Desktop yang lebih baru ({unknown}). Perbarui program ini dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja sedang dipakai jendela lain. Tutup jendela itu dulu, lalu coba lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peran &apos;{role}&apos; tidak dikenal. Pilih &apos;kelurahan&apos; atau &apos;city&apos; (DP3AKB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perintah ini hanya untuk ruang kerja {needed}; ruang kerja ini berperan {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode kota {code} tidak dikenal. Untuk Balikpapan pakai 64.71.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sebutkan kelurahannya dengan --kelurahan KODE (contoh: 64.71.01.1001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelurahan dengan kode {code} tidak ada di daftar Kota Balikpapan. Periksa kodenya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja ini milik kelurahan {own}; data kelurahan {code} tidak bisa diisi di sini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilayah &apos;{code}&apos; tidak ditemukan. Periksa kode atau ejaan namanya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun data {year} tidak termasuk periode evaluasi mana pun. Tahun yang bisa diisi: {years}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode evaluasi {eval_year} tidak sah: tahun data harus sebelum tahun evaluasi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator nomor {indicator} tidak ada. Nomor indikator KLA adalah 1 sampai 24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaster {cluster} tidak ada di template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; tidak ada di indikator {indicator}. Lihat daftar isian dengan &apos;kla template show&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; dipilah menurut jenis kelamin: sebutkan --sex L atau --sex P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelompok umur &apos;{age}&apos; tidak dikenal untuk &apos;{item}&apos;. Pilih salah satu: {bands}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; tidak dipilah seperti itu (jenis kelamin &apos;{sex}&apos;, umur &apos;{age}&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nilainya kosong. Ketik angkanya, atau kosongkan isian untuk menghapus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan angka. Ketik angka saja, misalnya 1.250 atau 1250.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan bilangan bulat. Jumlah orang atau unit harus bulat, misalnya 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bernilai negatif. Jumlah tidak boleh kurang dari nol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; tidak dikenali. Jawab &apos;ya&apos; atau &apos;tidak&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan pilihan yang tersedia. Pilih salah satu: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan tanggal yang sah. Tulis seperti 17-08-2025 atau 2025-08-17.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teksnya terlalu panjang ({length} huruf). Ringkas menjadi paling banyak 5.000 huruf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian &apos;{item}&apos; dihitung otomatis dari isian lain dan tidak bisa diketik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{part}&apos; ({part_value}) tidak boleh lebih besar dari &apos;{whole}&apos; ({whole_value}). Periksa kedua angka itu dan perbaiki yang salah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator {indicator} belum bisa ditandai siap: isian wajib belum lengkap ({missing}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status &apos;{status}&apos; tidak dikenal. Pilih &apos;draft&apos; atau &apos;ready&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status tinjauan &apos;{state}&apos; tidak dikenal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template indikator tidak sah ({where}: {problem}). Minta berkas template yang benar ke DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template indikator belum terpasang. Pasang berkas dari DP3AKB dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template {id} versi {version} sudah ada dengan isi berbeda. Minta DP3AKB menaikkan nomor versinya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas {path} tidak ditemukan. Periksa nama dan letaknya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas {path} tidak bisa disalin ({detail}). Periksa ruang disk dan coba lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data dukung {id} tidak ditemukan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis data dukung &apos;{kind}&apos; tidak dikenal. Pilih salah satu: {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolom tidak dikenal: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama petugas kosong. Ketik nama Anda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan {id} tidak ditemukan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis kegiatan &apos;{kind}&apos; tidak dikenal. Pilih &apos;kegiatan&apos; atau &apos;inovasi&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judul kegiatan kosong. Ketik judulnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasilitas {id} tidak ditemukan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis fasilitas &apos;{type}&apos; tidak dikenal. Pilih salah satu: {types}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status standardisasi &apos;{value}&apos; tidak dikenal (belum, proses, terstandar, utama).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koordinat &apos;{value}&apos; tidak sah. Tulis seperti -1,2654 (lintang) dan 116,8312 (bujur).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama fasilitas kosong. Ketik namanya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan tidak bisa dibuat di {path} ({detail}). Periksa ruang disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas {path} bukan cadangan KLA yang utuh ({detail}). Pilih berkas cadangan lain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan itu milik ruang kerja lain ({key}: {got}, sedangkan ruang kerja ini {have}). Tidak ada yang diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perintah ini hanya untuk ruang kerja DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja ini belum punya kunci. Di DP3AKB kunci dibuat otomatis saat mendaftarkan kelurahan pertama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelurahan ini belum terdaftar di DP3AKB. Pasang berkas pemasangan dari DP3AKB dulu: kla setup BERKAS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelurahan {code} belum didaftarkan. Daftarkan dulu: kla city enroll {code} --out BERKAS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunci rusak atau bukan kunci KLA ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunci {key} tidak ditemukan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada kunci DP3AKB untuk mengenkripsi kiriman. Pasang berkas pemasangan dari DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik kata sandi yang tercetak pada lembar pendaftaran dari DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi salah. Periksa lembar dari DP3AKB (huruf O dan angka 0 dianggap sama) dan coba lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas ini bukan berkas pemasangan dari DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas pemasangan tidak sah ({detail}). Minta berkas baru ke DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas pemasangan ini untuk kelurahan {code}, sedangkan ruang kerja ini milik {own}. Tidak ada yang diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas pemulihan hanya dipasang ke folder ruang kerja baru yang kosong, bukan ke {home}. Pilih folder lain dengan --home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran &apos;{value}&apos; tidak dikenali. Tulis seperti 20MB, 500KB atau 0 (tanpa dipecah).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas data dukung {name} hilang dari folder ruang kerja ({sha}). Jalankan &apos;kla check&apos; lalu pulihkan dari cadangan. Tidak ada kiriman yang ditulis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas data dukung {name} berubah atau rusak. Jalankan &apos;kla check&apos;. Tidak ada kiriman yang ditulis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat tujuan penuh ({path}). Kosongkan ruang atau pakai flashdisk lain; tidak ada berkas setengah jadi yang tertinggal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat tujuan tidak bisa ditulisi ({path}). Periksa kunci tulis flashdisk atau izin folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat tujuan hilang saat menulis ({path}); flashdisk tercabut? Pasang lagi dan ulangi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagal menulis ke {path} ({detail}). Ulangi, atau pilih tujuan lain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas di {path} tidak sama dengan yang ditulis (dibaca ulang). Flashdisk mungkin rusak; berkas dihapus. Pakai flashdisk lain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas terlalu besar ({size} bita; batas {limit} bita). Ditolak tanpa dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas {path} bukan kiriman KLA (bukan berkas terenkripsi age dengan isi KLA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas ini tidak ditujukan ke ruang kerja ini (dienkripsi untuk kunci lain). Periksa apakah berkasnya untuk DP3AKB/kelurahan ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas rusak, terpotong, atau diubah orang lain ({detail}). Minta kelurahan mengirim ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi format kiriman {version} tidak dikenal (program ini membaca versi {supported}). Perbarui KLA Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi berkas tidak cocok dengan daftar sidik jarinya ({member}): berkas diubah. Ditolak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi berkas mencurigakan: ukurannya tidak wajar ({detail}). Ditolak tanpa dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas memuat nama isi yang tidak diizinkan ({name}). Ditolak tanpa dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda tangan berkas tidak cocok dengan kunci pengirim: berkas palsu atau diubah. Ditolak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengirim tidak dikenal: kunci {key} tidak terdaftar di DP3AKB. Ditolak. Daftarkan kelurahannya bila perlu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunci pengirim {key} (kelurahan {code}) sudah dicabut pada {at}. Ditolak. Kelurahan perlu didaftarkan ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas ditandatangani kelurahan {owner} tetapi menyangkut data kelurahan {kelurahan} ({key}). Ditolak; tidak ada yang diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi kiriman tidak sah ({key}: {detail}). Seluruh berkas ditolak; tidak ada yang diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiriman memakai template {id} versi {version} yang tidak dikenal DP3AKB. Ditolak; pasang template itu dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas jenis {type} tidak bisa diimpor di ruang kerja berperan {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuitansi ini untuk kelurahan {code}, bukan {own}. Ditolak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template versi {version} tidak bisa dipasang: isian {items} tidak punya tempat dan tidak ada aturan migrasinya. Tidak ada yang diubah; hubungi DP3AKB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail {path} tidak berisi lampiran kiriman KLA (.kla).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat e-mail DP3AKB belum diketahui. Isi alamat tujuan di draf e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflik nomor {id} tidak ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflik nomor {id} sudah diputuskan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilihan &apos;{choice}&apos; tidak dikenal. Pilih &apos;held&apos; (pertahankan) atau &apos;incoming&apos; (pakai kiriman).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas data dukung untuk {key} belum diterima; konflik belum bisa diputuskan ke versi kiriman.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibatalkan. Tidak ada yang diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perintah tidak lengkap atau salah: {detail}. Lihat &apos;kla --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja ini dibuka hanya-baca karena sedang dipakai jendela lain. Tutup jendela itu, lalu buka ulang program untuk mengubah data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang kerja {home} sedang dipakai jendela KLA Desktop lain. Pakai jendela itu, atau tutup dulu lalu coba lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gambar {name} tidak bisa dibaca. Periksa berkasnya, atau simpan ulang sebagai JPG/PNG.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
