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
