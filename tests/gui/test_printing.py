"""Printing: page range, copies, 100% scale, and the plan on paper (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.ui.middelen.middelen_tab import MiddelenTab
from drugspreventie_app.ui.printing import MAX_DPI, chosen_pages, print_order, print_pdf


@pytest.fixture
def middelen(qtbot, db) -> MiddelenTab:
    widget = MiddelenTab(db)
    qtbot.addWidget(widget)
    return widget


def _handout_pdf(tab: MiddelenTab, fake_dialogs, tmp_path: Path) -> Path:
    tab.select_slug("3-mmc")
    fake_dialogs.choose_answer = list(Audience).index(Audience.PROFESSIONAL)
    fake_dialogs.save_answer = str(tmp_path / "saved.pdf")
    tab.make_handout()
    return tmp_path / "saved.pdf"


def _pdf_printer(target: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def test_page_range_is_honoured(middelen, fake_dialogs, tmp_path: Path) -> None:
    """Regression: pages 1 to 1 of a 5-page handout printed all 5 (setFromTo(1,1): 7 of 7)."""
    saved = _handout_pdf(middelen, fake_dialogs, tmp_path)
    total = len(PdfReader(saved).pages)
    assert total >= 3
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    fake_dialogs.print_pages = (2, 3)
    middelen.print_handout()
    assert fake_dialogs.print_page_count == total  # the dialog offers the range
    printed = PdfReader(tmp_path / "printer.pdf")
    assert len(printed.pages) == 2
    fake_dialogs.print_pages = (1, 1)
    middelen.print_handout()
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 1


def test_copies_are_honoured(middelen, fake_dialogs, tmp_path: Path) -> None:
    _handout_pdf(middelen, fake_dialogs, tmp_path)
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    fake_dialogs.print_pages = (1, 2)
    fake_dialogs.print_copies = 3
    middelen.print_handout()
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 6


def test_order_of_copies(tmp_path: Path) -> None:
    printer = _pdf_printer(tmp_path / "x.pdf")
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert print_order(printer, [0, 1]) == [0, 1, 0, 1]
    printer.setCollateCopies(False)
    assert print_order(printer, [0, 1]) == [0, 0, 1, 1]
    printer.setFromTo(2, 3)
    assert chosen_pages(printer, 5) == [1, 2]


def _ink_box(pdf: Path, page: int = 0) -> tuple[float, float, float, float]:
    """Where the ink is on a page, as fractions of the page width and height."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    image = doc[page].render(scale=50 / 72).to_pil().convert("L")
    doc.close()
    box = image.point(lambda v: 255 if v < 200 else 0).getbbox()
    assert box is not None
    w, h = image.size
    return box[0] / w, box[1] / h, box[2] / w, box[3] / h


def test_printed_at_100_percent(middelen, fake_dialogs, tmp_path: Path) -> None:
    """Regression: pages printed at 97%, shifted by the margins."""
    saved = _handout_pdf(middelen, fake_dialogs, tmp_path)
    printer = _pdf_printer(tmp_path / "printer.pdf")
    printer.setResolution(300)
    printer.setFromTo(1, 1)
    assert print_pdf(saved.read_bytes(), printer) == 1
    printed = tmp_path / "printer.pdf"
    page = PdfReader(printed).pages[0]
    assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
    original, on_paper = _ink_box(saved), _ink_box(printed)
    assert on_paper == pytest.approx(original, abs=0.004)  # within 2-3 pixels at 50 dpi


def test_rendered_at_the_printer_resolution(monkeypatch, tmp_path: Path) -> None:
    """Each page is rendered at the printer's resolution, in bands that bound the memory."""
    import pypdfium2 as pdfium

    scales: list[float] = []
    real = pdfium.PdfPage.render

    def spy(self, *args, **kwargs):
        scales.append(kwargs["scale"])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pdfium.PdfPage, "render", spy)
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    pdf_path = tmp_path / "a4.pdf"
    doc.save(str(pdf_path))
    doc.close()
    printer = _pdf_printer(tmp_path / "printer.pdf")
    printer.setResolution(600)
    print_pdf(pdf_path.read_bytes(), printer)
    assert scales and set(scales) == {600 / 72}
    assert len(scales) > 1  # one A4 page at 600 dpi is 100 MB: sent in bands
    scales.clear()
    printer.setResolution(1200)  # "print to PDF": capped
    print_pdf(pdf_path.read_bytes(), printer)
    assert set(scales) == {MAX_DPI / 72}


def test_plan_can_be_printed(qtbot, db, fake_dialogs, tmp_path: Path) -> None:
    """Bestand > Afdrukken… (Ctrl+P) in the plan tab prints the plan, page range offered."""
    from drugspreventie_app.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    tab = window.show_tab("plan")
    tab._add_and_open(new_plan("PHP alcohol en drugs", "Gemeente Aalten"), "nieuw")
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    fake_dialogs.print_pages = (2, 3)
    with qtbot.waitSignal(tab.status_message) as blocker:
        window.action_print.trigger()
    assert fake_dialogs.print_page_count > 3
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 2
    assert blocker.args[0] == "2 pagina's naar de printer gestuurd."


def test_overview_print_honours_the_page_range(qtbot, db, fake_dialogs, tmp_path: Path) -> None:
    from drugspreventie_app.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show_tab("interventies")
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    fake_dialogs.print_pages = (1, 1)
    window.action_print.trigger()
    assert fake_dialogs.print_page_count > 1
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 1
