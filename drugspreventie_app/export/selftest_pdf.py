"""A one-page PDF that exercises fonts, escaping, tagging and the page frame (`selftest`)."""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.export import document as dm
from drugspreventie_app.export.pdf_renderer import write_pdf

SAMPLE = 'Zelftest: ë ï é ĳ ł € – <b>geen opmaak</b> & "aanhalingstekens" 😀'


def selftest_document() -> dm.Document:
    doc = dm.Document(dm.DocumentMeta(title="Zelftest"), report=dm.ExportReport())
    doc.add(dm.Heading(dm.APP_NAME, 1), dm.Paragraph(SAMPLE))
    return doc


def write_selftest_pdf(target: Path) -> Path:
    write_pdf(Path(target), selftest_document())
    return Path(target)
