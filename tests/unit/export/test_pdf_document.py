from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from drugspreventie_app.export.selftest_pdf import write_selftest_pdf


def test_selftest_pdf_embeds_unicode_font_and_numbers_pages(tmp_path: Path) -> None:
    target = write_selftest_pdf(tmp_path / "zelftest.pdf")
    reader = PdfReader(target)
    text = reader.pages[0].extract_text()
    assert "ë ï é ĳ ł €" in text
    assert "<b>geen opmaak</b>" in text  # escaped, so shown literally
    assert "pagina 1 van 1" in text
    assert reader.metadata.title == "Zelftest"
    font_dict = reader.pages[0]["/Resources"]["/Font"]
    base_fonts = [str(font_dict[key].get_object()["/BaseFont"]) for key in font_dict]
    assert base_fonts and all("DejaVuSans" in name for name in base_fonts)


def test_contents_without_entries_still_prints_every_page(tmp_path: Path) -> None:
    # the first pass of a document with contents lays out without drawing; it must never
    # be the pass that is saved, even when the contents are complete after it
    from drugspreventie_app.export import document as dm
    from drugspreventie_app.export.output import write_document

    doc = dm.Document(dm.DocumentMeta(title="Zonder hoofdstukken"))
    doc.add(dm.Contents("Inhoud"), dm.Paragraph("Eerste alinea van het stuk."))
    doc.add(dm.PageBreak(), dm.Paragraph("Tweede bladzijde met tekst."))
    target = tmp_path / "leeg.pdf"
    write_document(target, doc)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert "Eerste alinea van het stuk." in pages[0]
    assert "Tweede bladzijde met tekst." in pages[1]
    assert "pagina 2 van 2" in pages[1]
