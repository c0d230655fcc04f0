"""A one-page PDF that exercises fonts, escaping and the page frame (used by `selftest`)."""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.export.markup import para_text
from drugspreventie_app.export.pdf_document import PdfMeta, styles, write_pdf

SAMPLE = 'Zelftest: ë ï é ĳ ł € – <b>geen opmaak</b> & "aanhalingstekens"'


def write_selftest_pdf(target: Path) -> Path:
    from reportlab.platypus import Paragraph

    st = styles()
    story = [
        Paragraph(para_text("Drugspreventie Werkbank"), st["title"]),
        Paragraph(para_text(SAMPLE), st["body"]),
    ]
    return write_pdf(target, story, PdfMeta(title="Zelftest", author="Drugspreventie Werkbank"))
