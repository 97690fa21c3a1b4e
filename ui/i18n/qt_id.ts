<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Ulangi</translation></message>
    <message><source>Cu&amp;t</source><translation>Po&amp;tong</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Tempel</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Select All</source><translation>Pilih semua</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Ulangi</translation></message>
    <message><source>Cu&amp;t</source><translation>Po&amp;tong</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Tempel</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Select All</source><translation>Pilih semua</translation></message>
    <message><source>Copy &amp;Link Location</source><translation>Salin &amp;alamat tautan</translation></message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>Close</source><translation>Tutup</translation></message>
    <message><source>Yes</source><translation>Ya</translation></message>
    <message><source>No</source><translation>Tidak</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>Open</source><translation>Buka</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Open</source><translation>&amp;Buka</translation></message>
    <message><source>Look in:</source><translation>Cari di:</translation></message>
    <message><source>File &amp;name:</source><translation>&amp;Nama berkas:</translation></message>
    <message><source>Files of type:</source><translation>Jenis berkas:</translation></message>
    <message><source>Open</source><translation>Buka</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>&amp;Look in:</source><translation>&amp;Cari di:</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Jenis berkas:</translation></message>
    <message><source>Directory:</source><translation>Folder:</translation></message>
    <message><source>Directories</source><translation>Folder</translation></message>
    <message><source>&amp;Choose</source><translation>&amp;Pilih</translation></message>
    <message><source>All Files (*)</source><translation>Semua berkas (*)</translation></message>
    <message><source>Back</source><translation>Kembali</translation></message>
    <message><source>Go back</source><translation>Kembali</translation></message>
    <message><source>Forward</source><translation>Maju</translation></message>
    <message><source>Go forward</source><translation>Maju</translation></message>
    <message><source>Parent Directory</source><translation>Folder induk</translation></message>
    <message><source>Go to the parent directory</source><translation>Ke folder induk</translation></message>
    <message><source>Create New Folder</source><translation>Buat folder baru</translation></message>
    <message><source>Create a New Folder</source><translation>Buat folder baru</translation></message>
    <message><source>New Folder</source><translation>Folder baru</translation></message>
    <message><source>&amp;New Folder</source><translation>Folder &amp;baru</translation></message>
    <message><source>&amp;Rename</source><translation>&amp;Ganti nama</translation></message>
    <message><source>&amp;Delete</source><translation>&amp;Hapus</translation></message>
    <message><source>Show &amp;hidden files</source><translation>Tampilkan berkas &amp;tersembunyi</translation></message>
    <message><source>List View</source><translation>Daftar</translation></message>
    <message><source>Change to list view mode</source><translation>Tampilkan sebagai daftar</translation></message>
    <message><source>Detail View</source><translation>Rincian</translation></message>
    <message><source>Change to detail view mode</source><translation>Tampilkan rincian</translation></message>
    <message><source>Sidebar</source><translation>Panel samping</translation></message>
    <message><source>List of places and bookmarks</source><translation>Daftar tempat dan penanda</translation></message>
    <message><source>Files</source><translation>Berkas</translation></message>
    <message><source>Recent Places</source><translation>Tempat terakhir</translation></message>
    <message><source>Find Directory</source><translation>Cari folder</translation></message>
    <message><source>Save As</source><translation>Simpan sebagai</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>%1
File not found.
Please verify the correct file name was given.</source><translation>%1
Berkas tidak ditemukan.
Periksa apakah nama berkasnya benar.</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Name</source><translation>Nama</translation></message>
    <message><source>Size</source><translation>Ukuran</translation></message>
    <message><source>Type</source><translation>Jenis</translation></message>
    <message><source>Kind</source><translation>Jenis</translation></message>
    <message><source>Date Modified</source><translation>Tanggal diubah</translation></message>
    <message><source>Computer</source><translation>Komputer</translation></message>
    <message><source>My Computer</source><translation>Komputer</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><translation>Folder</translation></message>
    <message><source>File</source><translation>Berkas</translation></message>
</context>
<context>
    <name>QPrintDialog</name>
    <message><source>Print</source><translation>Cetak</translation></message>
    <message><source>&amp;Print</source><translation>&amp;Cetak</translation></message>
    <message><source>&amp;Options &gt;&gt;</source><translation>&amp;Pilihan &gt;&gt;</translation></message>
    <message><source>&amp;Options &lt;&lt;</source><translation>&amp;Pilihan &lt;&lt;</translation></message>
    <message><source>Print to File (PDF)</source><translation>Cetak ke berkas (PDF)</translation></message>
    <message><source>Local file</source><translation>Berkas di komputer ini</translation></message>
    <message><source>Write PDF file</source><translation>Simpan sebagai berkas PDF</translation></message>
    <message><source>Print To File ...</source><translation>Cetak ke berkas…</translation></message>
    <message><source>All Pages</source><translation>Semua halaman</translation></message>
    <message><source>Odd Pages</source><translation>Halaman ganjil</translation></message>
    <message><source>Even Pages</source><translation>Halaman genap</translation></message>
    <message><source>%1 is a directory.
Please choose a different file name.</source><translation>%1 adalah folder.
Pilih nama berkas lain.</translation></message>
    <message><source>File %1 is not writable.
Please choose a different file name.</source><translation>Berkas %1 tidak bisa ditulis.
Pilih nama berkas lain.</translation></message>
    <message><source>%1 already exists.
Do you want to overwrite it?</source><translation>%1 sudah ada.
Timpa berkas itu?</translation></message>
</context>
<context>
    <name>QPrintWidget</name>
    <message><source>Printer</source><translation>Pencetak</translation></message>
    <message><source>&amp;Name:</source><translation>&amp;Nama:</translation></message>
    <message><source>P&amp;roperties</source><translation>P&amp;engaturan</translation></message>
    <message><source>Location:</source><translation>Lokasi:</translation></message>
    <message><source>Preview</source><translation>Pratinjau</translation></message>
    <message><source>Type:</source><translation>Jenis:</translation></message>
    <message><source>Output &amp;file:</source><translation>&amp;Berkas hasil:</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Print range</source><translation>Halaman yang dicetak</translation></message>
    <message><source>Print all</source><translation>Semua</translation></message>
    <message><source>Pages from</source><translation>Dari</translation></message>
    <message><source>to</source><translation>sampai</translation></message>
    <message><source>Pages</source><translation>Halaman</translation></message>
    <message><source>Current Page</source><translation>Halaman ini</translation></message>
    <message><source>Selection</source><translation>Bagian yang dipilih</translation></message>
    <message><source>Page &amp;Set:</source><translation>Ha&amp;laman:</translation></message>
    <message><source>Output Settings</source><translation>Pengaturan hasil</translation></message>
    <message><source>Copies:</source><translation>Jumlah salinan:</translation></message>
    <message><source>Collate</source><translation>Urutkan per salinan</translation></message>
    <message><source>Reverse</source><translation>Urutan terbalik</translation></message>
    <message><source>Copies</source><translation>Salinan</translation></message>
    <message><source>Color Mode</source><translation>Warna</translation></message>
    <message><source>Color</source><translation>Berwarna</translation></message>
    <message><source>Grayscale</source><translation>Hitam putih</translation></message>
    <message><source>Double Sided Printing</source><translation>Cetak bolak-balik</translation></message>
    <message><source>Off</source><translation>Tidak</translation></message>
    <message><source>Long side binding</source><translation>Jilid di sisi panjang</translation></message>
    <message><source>Short side binding</source><translation>Jilid di sisi pendek</translation></message>
    <message><source>Options</source><translation>Pilihan</translation></message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message><source>Printer Properties</source><translation>Pengaturan pencetak</translation></message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message><source>Page</source><translation>Halaman</translation></message>
    <message><source>Advanced</source><translation>Lanjutan</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Paper</source><translation>Kertas</translation></message>
    <message><source>Page size:</source><translation>Ukuran kertas:</translation></message>
    <message><source>Width:</source><translation>Lebar:</translation></message>
    <message><source>Height:</source><translation>Tinggi:</translation></message>
    <message><source>Paper source:</source><translation>Sumber kertas:</translation></message>
    <message><source>Orientation</source><translation>Arah kertas</translation></message>
    <message><source>Portrait</source><translation>Tegak</translation></message>
    <message><source>Landscape</source><translation>Mendatar</translation></message>
    <message><source>Reverse landscape</source><translation>Mendatar terbalik</translation></message>
    <message><source>Reverse portrait</source><translation>Tegak terbalik</translation></message>
    <message><source>Margins</source><translation>Margin</translation></message>
    <message><source>Page Layout</source><translation>Tata letak halaman</translation></message>
    <message><source>Page &amp;order:</source><translation>&amp;Urutan halaman:</translation></message>
    <message><source>Pages &amp;per sheet:</source><translation>Halaman &amp;per lembar:</translation></message>
    <message><source>Millimeters (mm)</source><translation>Milimeter (mm)</translation></message>
    <message><source>Custom</source><translation>Ukuran lain</translation></message>
</context>
</TS>
