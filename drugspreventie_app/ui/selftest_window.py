"""`drugspreventie selftest --venster`: the window, the licences and the print path.

An IT department (and `make dist-test`) uses it to prove that the installed program can show
its window with every tab and print: Qt's platform plugin, the tabs' modules, fonts and the
printer path (PDFium rendering onto a QPrinter) all have to be present. It works on an empty
temporary data folder, so the user's own data is never opened or changed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from drugspreventie_app import paths
from drugspreventie_app.ui.mnemonics import strip_mnemonic

PRINT_SLUG = "3-mmc"


def check_window_and_printing() -> list[str]:
    """Open the window, visit every tab, show Help > Licenties, print a handout to a PDF
    printer; returns one Dutch line per check, raises on the first failure."""
    from PySide6.QtWidgets import QApplication

    from drugspreventie_app.ui.app import install_dutch_translations, program_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(program_icon())
    app._selftest_translators = install_dutch_translations(app)  # type: ignore[attr-defined]
    previous = paths.data_dir_override()
    with tempfile.TemporaryDirectory(prefix="werkbank-zelftest-venster-") as tmp:
        paths.set_data_dir_override(Path(tmp) / "gegevens")
        try:
            lines = [_visit_tabs(app)]
            lines.append(_show_licences(app))
            lines.append(_print_handout(Path(tmp) / "afdruk.pdf"))
        finally:
            paths.set_data_dir_override(previous)
    return lines


def _visit_tabs(app: object) -> str:
    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.ui.main_window import MainWindow

    db = open_database(allow_read_only=False)
    try:
        window = MainWindow(db)
        window.show()
        names = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()  # type: ignore[attr-defined]
            page = window.tabs.currentWidget()
            if page is None or not page.isVisible():
                raise RuntimeError(f"tabblad {window.tabs.tabText(index)} werd niet getoond")
            names.append(strip_mnemonic(window.tabs.tabText(index)))  # mnemonic marks
        manual = window.show_help()  # F1: the offline manual
        app.processEvents()  # type: ignore[attr-defined]
        pages = manual.contents.count()
        if not manual.isVisible() or pages == 0 or not manual.text.toPlainText().strip():
            raise RuntimeError("de handleiding (F1) opende niet of is leeg")
        manual.close()
        window.close()
        app.processEvents()  # type: ignore[attr-defined]
    finally:
        db.close()
    platform = app.platformName()  # type: ignore[attr-defined]
    return (
        f"venster geopend ({platform}), tabbladen getoond: {', '.join(names)}; "
        f"handleiding (F1) met {pages} onderwerpen"
    )


def _show_licences(app: object) -> str:
    """Help > Licenties: every third-party component listed, each with its own text (in a
    built program this needs the dist-info metadata the build ships)."""
    from drugspreventie_app.ui.licences_dialog import LicencesDialog

    dialog = LicencesDialog()
    dialog.show()
    try:
        without_text = []
        for row in range(dialog.list.count()):
            dialog.list.setCurrentRow(row)
            app.processEvents()  # type: ignore[attr-defined]
            if not dialog.components[row].text.strip():
                without_text.append(dialog.components[row].name)
        count = dialog.list.count()
    finally:
        dialog.close()
    if count == 0 or without_text:
        missing = ", ".join(without_text) or "alle onderdelen"
        raise RuntimeError(f"Help > Licenties toont geen licentietekst voor: {missing}")
    return f"Help > Licenties toont {count} onderdelen van derden, elk met licentietekst"


def _print_handout(target: Path) -> str:
    """The same path as Middelen > Afdrukken, with a PDF file as the printer."""
    from datetime import date

    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    from drugspreventie_app.content.factsheets import all_factsheets
    from drugspreventie_app.domain.factsheet import Audience
    from drugspreventie_app.domain.profile import OrganisationProfile
    from drugspreventie_app.export.handout import HandoutContext, handout_document
    from drugspreventie_app.export.pdf_renderer import render_pdf
    from drugspreventie_app.ui.printing import print_pdf

    sheet = next(s for s in all_factsheets() if s.slug == PRINT_SLUG)
    ctx = HandoutContext(profile=OrganisationProfile(), today=date.today())
    pdf = render_pdf(handout_document(sheet, Audience.OUDERS, ctx))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    pages = print_pdf(pdf, printer)
    printed = pdfium.PdfDocument(str(target))
    try:
        if len(printed) != pages or pages < 1:
            raise RuntimeError(f"de afdruk heeft {len(printed)} pagina's, verwacht {pages}")
    finally:
        printed.close()
    return f"handout afgedrukt op een PDF-printer ({pages} pagina's)"
