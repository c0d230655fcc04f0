"""Every product, from the one document model, as tagged PDF (PDF/UA) and as Word.

- The structure test walks each PDF with pikepdf: all page content is in the structure tree or
  an artifact; heading levels never skip; every figure has Alt; every table has header cells
  with a scope; every font is embedded and has a ToUnicode map; the catalogue says nl-NL,
  Marked, DisplayDocTitle, and the XMP packet identifies PDF/UA-1.
- An independent PDF/UA-1 checker from PyPI (`page-validation`, and `pdfua` for a second
  opinion) finds nothing.
- The PDF read through its structure tree and the Word document hold the same words in the same
  order (page furniture, the table of contents and figures aside).
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.content.factsheets import factsheet_by_slug
from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
from drugspreventie_app.export.document import Document as Model
from drugspreventie_app.export.handout import (
    HandoutContext,
    bundle_document,
    handout_document,
)
from drugspreventie_app.export.interventions_overview import overview_document
from drugspreventie_app.export.output import write_document
from drugspreventie_app.export.plan_document import plan_document
from drugspreventie_app.export.progress_document import progress_document
from drugspreventie_app.export.progress_report import ReportOptions, build_progress_report
from drugspreventie_app.export.selftest_pdf import selftest_document
from tests.helpers import pdf_structure
from tests.unit.export.test_plan_pdf import FINDINGS, realistic_plan

PROFILE = OrganisationProfile(
    organisatie="GGD Voorbeeldregio 😀",
    afdeling="Preventie",
    hulpcontacten=[HelpContact("Preventiewerker Tactus", "jongeren", "0570-123456")],
)
CTX = HandoutContext(PROFILE, today=date(2026, 3, 2))


def _interventions():
    return {i.id: i for i in catalogue()}


def _overview() -> Model:
    criteria = Criteria(settings=frozenset({"voortgezet_onderwijs"}), leeftijd=12)
    items = InterventionFinder(list(catalogue())).filter(criteria)
    advice = guidance().advice("voortgezet_onderwijs", 12)
    return overview_document(items, criteria, advice, CTX)


PRODUCTS = {
    **{
        f"handout-3-mmc-{a.value}": (
            lambda a=a: handout_document(factsheet_by_slug("3-mmc"), a, CTX)
        )
        for a in Audience
    },
    "handout-3-cmc-professional": lambda: handout_document(
        factsheet_by_slug("3-cmc"), Audience.PROFESSIONAL, CTX
    ),
    "bundel": lambda: bundle_document(
        [factsheet_by_slug(s) for s in ("3-mmc", "cannabis", "ghb")], CTX
    ),
    "overzicht": _overview,
    "plan": lambda: plan_document(realistic_plan(), CTX, _interventions(), FINDINGS),
    "zelftest": selftest_document,
    "voortgang": lambda: progress_document(
        build_progress_report(
            example_plan(), ReportOptions("jaar", 2027), organisation="GGD", today=date(2027, 12, 1)
        )
    ),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path | None]]:
    folder = tmp_path_factory.mktemp("producten")
    out = {}
    for name, build in PRODUCTS.items():
        pdf = folder / f"{name}.pdf"
        write_document(pdf, build())
        docx = None
        if name != "zelftest":
            docx = folder / f"{name}.docx"
            write_document(docx, build())
        out[name] = (pdf, docx)
    return out


@pytest.mark.parametrize("name", list(PRODUCTS))
def test_structure_tree_covers_every_page_and_follows_the_rules(name: str, outputs) -> None:
    tagged = pdf_structure.read(outputs[name][0])
    assert tagged.untagged == [], tagged.untagged[:5]
    assert tagged.unreferenced == []
    elements = list(tagged.root.walk())
    assert tagged.root.children[0].tag == "Document"
    levels = [int(e.tag[1]) for e in elements if re.fullmatch(r"H[1-6]", e.tag)]
    assert levels and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"kop H{after} na H{before}"
    for figure in (e for e in elements if e.tag == "Figure"):
        assert figure.alt.strip()
    for table in (e for e in elements if e.tag == "Table"):
        heads = [e for e in table.walk() if e.tag == "TH"]
        assert heads and all(h.scope == "Column" for h in heads)
        assert [c.tag for c in table.children] == ["THead", "TBody"]
    for item in (e for e in elements if e.tag == "LI"):
        assert [c.tag for c in item.children] == ["Lbl", "LBody"]
    for base_font, embedded, to_unicode in tagged.fonts:
        assert embedded and to_unicode, base_font
        assert "Helvetica" not in base_font
    catalog = tagged.catalog
    assert catalog["lang"] == "nl-NL" and catalog["marked"] and catalog["display_title"]
    assert catalog["pdfua_part"] == "1" and catalog["xmp_title"]
    assert all(text.startswith("Ga naar ") for text in catalog["link_contents"])


def test_emoji_and_accents_copy_out_as_typed(outputs) -> None:
    """Regression: 😀 used to copy out of the PDF as a different character."""
    tagged = pdf_structure.read(outputs["handout-3-mmc-ouders"][0])
    text = tagged.text_of(tagged.root)
    assert "GGD Voorbeeldregio 😀" in text
    from pypdf import PdfReader

    first = PdfReader(outputs["zelftest"][0]).pages[0].extract_text()
    assert "ë ï é ĳ ł €" in first and "😀" in first


def test_table_of_contents_links_are_described(outputs) -> None:
    tagged = pdf_structure.read(outputs["plan"][0])
    links = tagged.catalog["link_contents"]
    assert "Ga naar 1 Inleiding, pagina 3" in links
    assert any(text.startswith("Ga naar Bijlage B: Plancheck") for text in links)
    toc = next(e for e in tagged.root.walk() if e.tag == "TOC")
    assert {c.tag for c in toc.children} == {"TOCI"}
    # the dots and page numbers are decoration; the entry reads as its heading
    assert tagged.text_of(toc.children[0]) == "1 Inleiding"


@pytest.mark.parametrize("name", list(PRODUCTS))
def test_independent_pdf_ua_checkers_find_nothing(name: str, outputs) -> None:
    import page
    from pdfua import validator

    report = page.validate_pdf(outputs[name][0], profile="ua1")
    failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert report.is_compliant and failures == [], failures
    assert report.rules.total >= 100  # the whole PDF/UA-1 rule set ran
    second = validator.validate(str(outputs[name][0]))
    assert [f.to_dict() for f in second.findings] == []


def _docx_words(path: Path) -> list[str]:
    """The Word document's words in order: body paragraphs and table cells, without the
    table of contents field."""
    from docx.text.paragraph import Paragraph

    body = Document(path).element.body
    words: list[str] = []
    in_toc = False
    for p in body.iter(qn("w:p")):
        paragraph = Paragraph(p, None)
        instructions = " ".join(i.text or "" for i in p.iter(qn("w:instrText")))
        if "TOC" in instructions:
            in_toc = True
        ends = [f for f in p.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "end"]
        if in_toc:
            if ends and "TOC" not in instructions:
                in_toc = False
            continue
        words += paragraph.text.split()
    return words


def _pdf_words(path: Path) -> list[str]:
    tagged = pdf_structure.read(path)
    return tagged.text_of(tagged.root, skip=("TOC", "Figure", "Lbl")).split()


@pytest.mark.parametrize("name", [n for n in PRODUCTS if n != "zelftest"])
def test_pdf_and_word_hold_the_same_words_in_the_same_order(name: str, outputs) -> None:
    pdf, docx = outputs[name]
    pdf_words, docx_words = _pdf_words(pdf), _docx_words(docx)
    # a long word in a narrow table cell wraps inside the word in the PDF: compare the
    # characters in order, whitespace aside
    pdf_text, docx_text = "".join(pdf_words), "".join(docx_words)
    if pdf_text != docx_text:
        at = next(
            (n for n, (a, b) in enumerate(zip(pdf_text, docx_text, strict=False)) if a != b),
            min(len(pdf_text), len(docx_text)),
        )
        pytest.fail(f"PDF: …{pdf_text[at - 60 : at + 60]}…\nWord: …{docx_text[at - 60 : at + 60]}…")
    assert len(pdf_words) >= len(docx_words) > 50


def _headings_ending_a_page(path: Path) -> list[str]:
    tagged = pdf_structure.read(path)
    last: dict[int, tuple[int, str, str]] = {}
    for element in tagged.root.walk():
        for page_no, mcid in element.mcids:
            text = tagged.page_texts[page_no].get(mcid, "")
            if text and mcid >= last.get(page_no, (-1, "", ""))[0]:
                last[page_no] = (mcid, element.tag, text)
    return [
        f"pagina {p + 1}: {text}"
        for p, (_, tag, text) in sorted(last.items())
        if re.fullmatch(r"H[1-6]", tag)
    ]


def test_headings_never_end_a_page_alone(tmp_path: Path) -> None:
    """Regression: 19 headings ended a page alone in the bundle ('Wetgeving' at the foot of
    page 11) and on a youth handout ('Wat zegt de wet?')."""
    from drugspreventie_app.content.factsheets import all_factsheets

    sheets = sorted(all_factsheets(), key=lambda s: s.naam.casefold())
    target = tmp_path / "bundel.pdf"
    write_document(target, bundle_document(sheets, CTX))
    assert _headings_ending_a_page(target) == []
    for sheet in sheets:
        youth = tmp_path / f"{sheet.slug}.pdf"
        write_document(youth, handout_document(sheet, Audience.JONGEREN, CTX))
        assert _headings_ending_a_page(youth) == [], sheet.slug


def test_a_table_of_dashes_becomes_a_sentence(tmp_path: Path) -> None:
    """Regression: the 3-CMC dosing table was four rows of dashes."""
    sheet = factsheet_by_slug("3-cmc")
    assert all(not (r.dosis or r.intrede or r.duur) for r in sheet.routes)
    pdf, docx = tmp_path / "h.pdf", tmp_path / "h.docx"
    write_document(pdf, handout_document(sheet, Audience.PROFESSIONAL, CTX))
    write_document(docx, handout_document(sheet, Audience.PROFESSIONAL, CTX))
    sentence = "De bronnen geven geen cijfers over dosering, begin en duur van de werking."
    pdf_text = " ".join(_pdf_words(pdf))
    assert sentence in pdf_text and "Manier van gebruik: snuiven, slikken." in pdf_text
    assert "Begint na" not in pdf_text
    doc = Document(docx)
    assert [t.rows[0].cells[0].text for t in doc.tables] == ["Groep"]
    assert sentence in " ".join(_docx_words(docx))


@pytest.mark.parametrize("audience", list(Audience), ids=lambda a: a.value)
def test_word_handout_for_every_audience(audience: Audience, tmp_path: Path) -> None:
    target = tmp_path / "h.docx"
    report = write_document(target, handout_document(factsheet_by_slug("ghb"), audience, CTX))
    assert report.summary() == "" and report.target == target
    doc = Document(target)
    titles = [p.text for p in doc.paragraphs if p.style.name in ("Title", "Subtitle")]
    assert titles[0] == "GHB"
    text = " ".join(_docx_words(target))
    assert "Preventiewerker Tactus" in text and "bel 112" in text
    expected = {
        Audience.PROFESSIONAL: "Gebruik in cijfers",
        Audience.OUDERS: "Het gesprek aangaan",
        Audience.JONGEREN: "zo beperk je de risico's",
    }[audience]
    assert expected in text


def test_right_to_left_text_is_not_printed_reversed(tmp_path: Path) -> None:
    profile = OrganisationProfile(organisatie="Stichting שלום Zuid", afdeling="مركز الشباب")
    ctx = HandoutContext(profile, today=date(2026, 3, 2))
    pdf, docx = tmp_path / "h.pdf", tmp_path / "h.docx"
    report = write_document(pdf, handout_document(factsheet_by_slug("ghb"), Audience.OUDERS, ctx))
    assert "van rechts naar links" in report.summary()
    text = " ".join(_pdf_words(pdf))
    assert "Stichting [tekst van rechts naar links: zie de Word-versie] Zuid" in text
    assert "םולש" not in text and "שלום" not in text  # neither reversed nor pretending
    write_document(docx, handout_document(factsheet_by_slug("ghb"), Audience.OUDERS, ctx))
    assert "Stichting שלום Zuid" in " ".join(p.text for p in Document(docx).paragraphs)


def test_words_at_line_ends_do_not_run_together(outputs) -> None:
    """reportlab draws no space where it breaks a line; each paragraph's marked content
    carries its text as /ActualText, which screen readers and copying use."""
    import pikepdf

    sheet = factsheet_by_slug("3-mmc")
    actual = []
    with pikepdf.open(outputs["handout-3-mmc-ouders"][0]) as pdf:
        for page in pdf.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                props = operands[1] if str(operator) == "BDC" else None
                if isinstance(props, pikepdf.Dictionary) and "/ActualText" in props:
                    actual.append(str(props.ActualText))
    assert " ".join(sheet.signalen[0].split()) in actual
    assert " ".join(sheet.ouders_samenvatting.split()) in actual


def test_contents_heading_comes_before_the_entries(outputs) -> None:
    tagged = pdf_structure.read(outputs["plan"][0])
    document = tagged.root.children[0]
    tags = [c.tag for c in document.children]
    toc = tags.index("TOC")
    assert tags[toc - 1] == "H1" and tagged.text_of(document.children[toc - 1]) == "Inhoud"
