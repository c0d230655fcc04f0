"""Print one of our PDFs on a QPrinter, so paper and PDF are the same document.

Each page is drawn at 100% (an A4 page of the PDF is an A4 page on paper, from the paper's
corner, not shrunk into the printable area), only the pages the user chose, as many copies as
asked, and rendered with PDFium (pypdfium2) at the printer's own resolution. A page at 600
or 1200 dpi is too big to hold as one image, so it is rendered and sent in horizontal bands.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

# Office laser printers print at 600 dpi; 1200 (what Qt reports for "print to PDF") takes four
# times as long per page (about 9 s) for no visible difference in text.
MAX_DPI = 600
BAND_BYTES = 16 * 1024 * 1024  # memory for one band of a rendered page
POINTS_PER_INCH = 72


def pdf_page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def chosen_pages(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages to print: the range or ranges chosen in the print dialog (or with
    `setFromTo`), else all. Regression: the range was ignored and every page printed."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(page_count))
    return [n for n in range(page_count) if ranges.contains(n + 1)]


def print_order(printer: QPrinter, pages: list[int]) -> list[int]:
    """Pages in the order they go to the printer, copies included when the printer (or a
    PDF file) does not make copies itself: collated 1-2-3 1-2-3, else 1-1 2-2 3-3."""
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Send the chosen pages of `pdf` to `printer`; returns the number of sheets sent."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        order = print_order(printer, chosen_pages(printer, len(document)))
        if not order:
            return 0
        # 100%: paint from the paper's corner, not inside the margins (that shrank it to 97%)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("De printer kon niet worden gestart.")
        try:
            resolution = printer.resolution()
            dpi = min(resolution, MAX_DPI)
            for n, number in enumerate(order):
                if n > 0:
                    printer.newPage()
                page = document[number]
                try:
                    _draw_page(painter, page, dpi, resolution / POINTS_PER_INCH)
                finally:
                    page.close()
        finally:
            painter.end()
        return len(order)
    finally:
        document.close()


def _draw_page(painter: QPainter, page: object, dpi: int, device_per_point: float) -> None:
    """One page at its real size: `device_per_point` printer pixels per PDF point."""
    width_pt, height_pt = page.get_size()
    scale = dpi / POINTS_PER_INCH
    for top_pt, band_pt, image in _bands(page, width_pt, height_pt, scale):
        target = QRectF(
            0, top_pt * device_per_point, width_pt * device_per_point, band_pt * device_per_point
        )
        painter.drawImage(target, image)


def _bands(
    page: object, width_pt: float, height_pt: float, scale: float
) -> Iterator[tuple[float, float, QImage]]:
    """The page from top to bottom in bands: (top in points, height in points, image)."""
    row_bytes = max(int(width_pt * scale) * 3, 1)
    band_pt = max(int(BAND_BYTES / row_bytes) / scale, 1.0)
    top = 0.0
    while top < height_pt:
        height = min(band_pt, height_pt - top)
        # PDFium crops from the page's edges: left, bottom, right, top (bottom-up)
        crop = (0, height_pt - top - height, 0, top)
        bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True)
        pixels = bytes(bitmap.buffer)  # QImage only borrows it: keep it alive while drawn
        image = QImage(
            pixels,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        )
        yield top, height, image
        top += height


def print_document(parent: object, pdf: bytes, name: str) -> str:
    """Ask the system print dialog (page range, copies, printer) and print; returns the
    status-bar text, or "" when the user cancelled."""
    from drugspreventie_app.ui import dialogs

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    if not dialogs.print_setup(parent, printer, pdf_page_count(pdf)):
        return ""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        sheets = print_pdf(pdf, printer)
    except OSError as err:
        QApplication.restoreOverrideCursor()
        dialogs.error(parent, "Afdrukken mislukt", str(err))
        return ""
    QApplication.restoreOverrideCursor()
    word = "pagina" if sheets == 1 else "pagina's"
    return f"{sheets} {word} naar de printer gestuurd."
