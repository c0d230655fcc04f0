"""Write a document in the format its file name asks for: .pdf or .docx."""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.export.document import Document, ExportReport

FORMATS = (".pdf", ".docx")


def write_document(target: Path, document: Document, fmt: str | None = None) -> ExportReport:
    """Write `document` to `target`; `fmt` (".pdf" or ".docx") or else the suffix of
    `target` picks the renderer."""
    target = Path(target)
    suffix = fmt or target.suffix.lower()
    if suffix == ".docx":
        from drugspreventie_app.export.docx_renderer import write_docx

        return write_docx(target, document)
    if suffix == ".pdf":
        from drugspreventie_app.export.pdf_renderer import write_pdf

        return write_pdf(target, document)
    raise ValueError(f"onbekend bestandstype '{target.suffix}': kies .pdf of .docx")
