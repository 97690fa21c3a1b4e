"""Real printing: preview a PDF, print it on the printer the officer chooses, or say there is none.

The reports are written as PDF by ``exports`` (the same file that is saved); printing renders
each page of that PDF with QtPdf onto a ``QPrinter`` at the printer's resolution, inside a
``QPrintPreviewDialog`` (which has the printer choice, pages, copies). With no printer installed
the officer is told so, and offered to save a copy of the PDF to print elsewhere, instead of
the silent ``~/print.pdf`` Qt falls back to.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, QUrl
from PySide6.QtWidgets import QWidget


def printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def render_pdf(printer: Any, pdf: Path) -> int:
    """Draw every page of ``pdf`` onto ``printer`` (a QPrinter or QPagedPaintDevice); returns pages drawn."""
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    doc = QPdfDocument()
    if doc.load(str(pdf)) != QPdfDocument.Error.None_:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        doc.close()
        return 0
    try:
        n = doc.pageCount()
        for i in range(n):
            if i:
                printer.newPage()
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect() if isinstance(printer, QPrinter) else \
                QRect(0, 0, printer.width(), printer.height())
            size = doc.pagePointSize(i)
            scale = min(area.width() / size.width(), area.height() / size.height()) if size.width() else 1.0
            w, h = round(size.width() * scale), round(size.height() * scale)
            image = doc.render(i, QSize(w, h))
            painter.drawImage(QRect(0, 0, w, h), image)
        return n
    finally:
        painter.end()
        doc.close()


def save_copy(parent: QWidget | None, dialogs: Any, pdf: Path) -> Path | None:
    """Ask where to keep a copy of ``pdf`` (to print on another computer) and copy it there."""
    title = QCoreApplication.translate("Printing", "Simpan PDF")
    dest = dialogs.save_file(parent, title, pdf.name, QCoreApplication.translate("Printing", "PDF (*.pdf)"),
                             kind="pdf")
    if not dest:
        return None
    target = Path(dest)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    try:
        if target.resolve() != pdf.resolve():
            shutil.copyfile(pdf, target)
    except OSError as exc:
        text = QCoreApplication.translate(
            "Printing", "PDF tidak bisa disimpan di %1 (%2). Pilih folder lain, misalnya Dokumen atau flashdisk.")
        dialogs.error(parent, title, text.replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))
        return None
    # Without a word the clerk could not tell the copy was made, nor where.
    dialogs.info(parent, title, QCoreApplication.translate(
        "Printing", "PDF tersimpan di:\n%1\n\nBawa berkas itu ke komputer yang ada printernya untuk dicetak.").replace(
        "%1", str(target)))
    return target


def print_pdf(parent: QWidget | None, dialogs: Any, pdf: Path, *,
              printers: Callable[[], list[str]] = printer_names,
              preview: Callable[[Any, Path], bool] | None = None) -> bool:
    """Preview ``pdf`` and print it on a chosen printer; True when it went to a printer.

    With no printer the officer is told, and offered to save a copy instead. ``preview`` (for
    tests) replaces the preview dialog: it gets the QPrinter and the PDF and returns whether to print.
    """
    if not printers():
        title = QCoreApplication.translate("Printing", "Tidak ada printer")
        # The PDF is already written (the page says where): what is offered is a copy to carry away.
        text = QCoreApplication.translate(
            "Printing", "Tidak ada printer yang terpasang di komputer ini, jadi %1 belum bisa dicetak. PDF-nya sudah "
            "tersimpan di folder ini:\n%2\n\nCetak dari komputer lain (salin ke flashdisk), atau pasang printer lalu "
            "coba lagi. Salin PDF ke flashdisk atau folder lain sekarang?").replace("%1", pdf.name).replace(
            "%2", str(pdf.parent))  # the folder on a line of its own: it was broken after "di /"
        if dialogs.confirm(parent, title, text, QCoreApplication.translate("Printing", "Salin PDF ke…"),
                           QCoreApplication.translate("Printing", "Nanti saja")):
            save_copy(parent, dialogs, pdf)
        return False
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pdf.stem)
    if preview is not None:
        if not preview(printer, pdf):
            return False
        return render_pdf(printer, pdf) > 0
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.setWindowTitle(QCoreApplication.translate("Printing", "Pratinjau cetak — %1").replace("%1", pdf.name))
    pages: list[int] = []
    dlg.paintRequested.connect(lambda p: pages.append(render_pdf(p, pdf)))
    accepted = bool(dlg.exec())
    if accepted and not any(pages):
        text = QCoreApplication.translate("Printing", "%1 tidak bisa dibaca untuk dicetak. Buat ulang laporannya, "
                                          "lalu coba lagi.")
        dialogs.error(parent, QCoreApplication.translate("Printing", "Cetak"), text.replace("%1", pdf.name))
        return False
    return accepted


def print_document(parent: QWidget | None, dialogs: Any, paint: Callable[[Any], None], name: str, *,
                   printers: Callable[[], list[str]] = printer_names,
                   choose: Callable[[Any], bool] | None = None) -> str:
    """Print something Qt paints (a text document) on a chosen printer: 'printed', 'saved' or ''.

    With no printer the officer is told so and offered to save it as a PDF instead (Qt would
    otherwise write ``print.pdf`` in the home folder without a word). ``choose`` (for tests)
    replaces the print dialog.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    if not printers():
        title = QCoreApplication.translate("Printing", "Tidak ada printer")
        text = QCoreApplication.translate(
            "Printing", "Tidak ada printer yang terpasang di komputer ini. Simpan sebagai PDF untuk dicetak dari "
            "komputer lain (misalnya lewat flashdisk), atau pasang printer lalu coba lagi. Simpan PDF sekarang?")
        if not dialogs.confirm(parent, title, text, QCoreApplication.translate("Printing", "Simpan PDF…"),
                               QCoreApplication.translate("Printing", "Nanti saja")):
            return ""
        dest = dialogs.save_file(parent, QCoreApplication.translate("Printing", "Simpan PDF"),
                                 f"{name}.pdf", QCoreApplication.translate("Printing", "PDF (*.pdf)"), kind="pdf")
        if not dest:
            return ""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target = Path(dest).with_suffix(".pdf")
        printer.setOutputFileName(str(target))
        paint(printer)
        dialogs.info(parent, QCoreApplication.translate("Printing", "Simpan PDF"), QCoreApplication.translate(
            "Printing", "PDF tersimpan: %1. Bawa berkas itu ke komputer yang ada printernya untuk dicetak.").replace(
            "%1", str(target)))
        return "saved"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    ok = choose(printer) if choose is not None else bool(QPrintDialog(printer, parent).exec())
    if not ok:
        return ""
    paint(printer)
    return "printed"


def open_file(parent: QWidget | None, dialogs: Any, path: Path, open_url: Callable[[QUrl], object],
              printable: bool = True) -> bool:
    """Open ``path`` with the computer's own program; say so when there is none. ``printable``: the
    page has a Cetak button to name (a report's page has, the evidence panel has not)."""
    ok = open_url(QUrl.fromLocalFile(str(path)))
    if ok is False:
        text = QCoreApplication.translate(
            "Printing", "Komputer ini tidak punya program untuk membuka %1. Berkasnya tersimpan di %2: buka dengan "
            "program lain, cetak dengan tombol Cetak, atau salin ke komputer lain.") if printable else \
            QCoreApplication.translate(
                "Printing", "Komputer ini tidak punya program untuk membuka %1. Salinannya ada di %2: buka dengan "
                "program lain, atau salin ke komputer lain.")
        dialogs.error(parent, QCoreApplication.translate("Printing", "Buka berkas"),
                      text.replace("%1", path.name).replace("%2", str(path.parent)))
        return False
    return True


def offer_print(parent: QWidget | None, dialogs: Any, pdf: Path) -> bool:
    """After a PDF is written: preview and print it (or be told there is no printer)."""
    return print_pdf(parent, dialogs, pdf)
