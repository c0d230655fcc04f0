"""Print one of our PDFs on a QPrinter, so paper and PDF are the same document.

Pages are rendered with PDFium (pypdfium2) at the printer's resolution, capped at 300 dpi to
keep memory per page reasonable (an A4 page at 300 dpi is about 26 MB).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Send every page of `pdf` to `printer`; returns the number of pages printed."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("De printer kon niet worden gestart.")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for number in range(len(document)):
            if number > 0:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            width, height = bitmap.width, bitmap.height
            image = QImage(
                bytes(bitmap.buffer), width, height, bitmap.stride, QImage.Format.Format_RGB888
            )
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            # keep the aspect ratio: scale to fit the printable area
            factor = min(target.width() / width, target.height() / height)
            painter.drawImage(QRectF(0, 0, width * factor, height * factor), image)
            page.close()
        return len(document)
    finally:
        painter.end()
        document.close()
