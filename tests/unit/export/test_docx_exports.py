"""The Word exports: plan, interventions overview and professional handout.

Every document is opened again with python-docx: built-in heading styles in order, a real TOC
field, real tables with the right number of rows, the coverage picture, page-number fields,
document properties, and hostile text that ends up in the document literally, with every
character XML cannot hold replaced and reported.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from drugspreventie_app.content.factsheets import all_factsheets
from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.domain.plan.model import Actie, Plan, new_plan
from drugspreventie_app.domain.plan.sections import SECTIONS
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
from drugspreventie_app.export import coverage_image
from drugspreventie_app.export.document import REPLACEMENT, ExportReport, clean_tree, sanitize
from drugspreventie_app.export.docx_renderer import MAX_BLOCK_CHARS, USABLE_MM, blocks
from drugspreventie_app.export.handout import HandoutContext, write_handout
from drugspreventie_app.export.interventions_overview import write_overview
from drugspreventie_app.export.plan_document import coverage_counts, write_plan
from tests.unit.export.test_plan_pdf import FINDINGS, realistic_plan

PROFILE = OrganisationProfile(organisatie="GGD Voorbeeldregio", afdeling="Preventie")
CTX = HandoutContext(PROFILE, today=date(2026, 3, 2))
NUMBERED = [s for s in SECTIONS if s.number > 0]
EMU_PER_MM = 36_000


@pytest.fixture(scope="module")
def interventions() -> dict[str, Intervention]:
    return {item.id: item for item in catalogue()}


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory: pytest.TempPathFactory, interventions) -> Path:
    target = tmp_path_factory.mktemp("plan") / "plan.docx"
    report = write_plan(target, realistic_plan(), CTX, interventions, FINDINGS)
    assert report.replaced == [] and report.summary() == ""
    assert report.target == target
    return target


# --- helpers -------------------------------------------------------------------------------


def headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def all_text(doc) -> str:
    """Every paragraph of the body, the tables included, in document order (tabs and line
    breaks as \\t and \\n)."""
    from docx.text.paragraph import Paragraph

    return "\n".join(Paragraph(p, None).text for p in doc.element.body.iter(qn("w:p")))


def table_by_header(doc, first: str):
    found = [t for t in doc.tables if t.rows[0].cells[0].text == first]
    assert len(found) == 1, [t.rows[0].cells[0].text for t in doc.tables]
    return found[0]


def instructions(element) -> list[str]:
    return [" ".join((i.text or "").split()) for i in element.iter(qn("w:instrText"))]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- the plan ------------------------------------------------------------------------------


def test_plan_headings_use_built_in_styles_in_order(plan_docx: Path) -> None:
    doc = Document(plan_docx)
    found = headings(doc)
    chapters = [text for style, text in found if style == "Heading 1"]
    assert chapters == [f"{s.number} {s.title}" for s in NUMBERED] + [
        "Bijlage A: Gekozen interventies",
        "Bijlage B: Plancheck",
    ]
    subs = [text for style, text in found if style == "Heading 2"]
    for expected in ("1.1 Aanleiding", "1.2 Kaders", "3.1 Cijfers", "3.5 Stakeholders"):
        assert expected in subs
    assert subs.index("1.1 Aanleiding") < subs.index("5.2 Dekking van de acties")
    assert subs.index("5.2 Dekking van de acties") < subs.index("8.3 Kanalen")
    numbers = [t.split(" ", 1)[0] for t in subs if t[0].isdigit()]
    assert numbers == sorted(numbers, key=lambda n: tuple(int(x) for x in n.split(".")))
    level3 = [text for style, text in found if style == "Heading 3"]
    assert "Actie 1. Moti-4 voor jongeren" in level3
    # the appendices' items are one level under the appendix: no level is skipped
    assert subs.index("Fouten (1)") < subs.index("Waarschuwingen (1)") < subs.index("Tips (1)")
    # the cover title is not a heading, the contents heading stays out of the contents
    assert doc.paragraphs[0].style.name != "Heading 1"
    assert any(p.style.name == "TOC Heading" and p.text == "Inhoud" for p in doc.paragraphs)


def test_plan_has_a_real_toc_field_that_word_updates(plan_docx: Path) -> None:
    doc = Document(plan_docx)
    body = doc.element.body
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions(body)
    begins = [f for f in body.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "begin"]
    assert any(f.get(qn("w:dirty")) == "true" for f in begins)
    types = [f.get(qn("w:fldCharType")) for f in body.iter(qn("w:fldChar"))]
    assert types.count("begin") == types.count("separate") == types.count("end")
    update = doc.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    text = all_text(doc)
    assert "rechtsklik → Veld bijwerken (of F9)" in text
    # the stored result already lists the chapters, each linked to its heading's bookmark
    entries = [p for p in doc.paragraphs if p.style.name == "toc 1"]
    assert [p.text for p in entries][:2] == ["1 Inleiding", "2 Beleidsfocus"]
    anchors = {h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))}
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert anchors and anchors <= bookmarks


def test_plan_tables_have_the_right_rows_and_a_repeating_header(plan_docx: Path) -> None:
    doc = Document(plan_docx)
    plan = realistic_plan()
    expected = {
        "Indicator": 1 + len(plan.lokale_situatie.cijfers),
        "Organisatie": 1 + len(plan.lokale_situatie.stakeholders),
        "Doel / subdoel": 1 + len(plan.doelen) + len(plan.all_subdoelen()),
        "Actie": 1 + len(plan.acties),
        "Maatregel": 1 + len(plan.handhaving),
        "Moment": 1 + 3,
    }
    assert len(doc.tables) == len(expected)
    for first, rows in expected.items():
        table = table_by_header(doc, first)
        assert len(table.rows) == rows, first
        assert table.style.name == "Table Grid"
        header = table.rows[0]._tr
        assert header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout.get(qn("w:type")) == "fixed"
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert sum(widths) <= round(USABLE_MM * 1440 / 25.4) + 2  # never wider than the page
    goals = table_by_header(doc, "Doel / subdoel")
    assert goals.rows[1].cells[0].text == "Doel 1. Gezond opgroeien zonder drugs"
    assert goals.rows[1].cells[-1].text == "Hoog"
    assert goals.rows[2].cells[0].text == "1.1 Minder jongeren gebruiken cannabis"
    figures = table_by_header(doc, "Indicator")
    assert [c.text for c in figures.rows[1].cells] == [
        "Ooit cannabis gebruikt",
        "klas 4",
        "14,2%",
        "2023",
        "GGD Gezondheidsmonitor Jeugd",
    ]
    stakeholders = table_by_header(doc, "Organisatie")
    assert stakeholders.rows[1].cells[0].text == "Tactus Verslavingszorg\n(verslavingspreventie)"


def test_plan_coverage_is_an_inline_picture(plan_docx: Path) -> None:
    from PIL import Image

    doc = Document(plan_docx)
    assert len(doc.inline_shapes) == 1
    shape = doc.inline_shapes[0]
    assert 150 * EMU_PER_MM < shape.width <= USABLE_MM * EMU_PER_MM
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    part = doc.part.related_parts[blip.embed]
    assert part.content_type == "image/png"
    image = Image.open(io.BytesIO(part.blob))
    assert image.width > 1000
    descr = shape._inline.docPr.get("descr")
    assert "Voortgezet onderwijs, universeel: 1" in descr
    # the picture follows the 5.2 heading, before 5.3
    paragraphs = doc.paragraphs

    def heading_at(text: str) -> int:
        return next(
            n for n, p in enumerate(paragraphs) if p.style.name == "Heading 2" and p.text == text
        )

    picture_at = next(n for n, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic"))
    assert heading_at("5.2 Dekking van de acties") < picture_at
    assert picture_at < heading_at("5.3 Beschrijving per actie")


def test_plan_texts_and_appendix(plan_docx: Path, interventions) -> None:
    doc = Document(plan_docx)
    text = all_text(doc)
    for expected in (
        "Samen sterk tegen drugs",
        "Zutphen · 2026-2029",
        "Vastgesteld op 20-01-2026",
        "A. de Vries",
        "Motie uit de gemeenteraad",
        "Opiumwet: Bezit en handel zijn strafbaar.",
        "Jaarlijks verslag aan de gemeente.",
        "Halverwege 2027 een tussenevaluatie.",
        "Er is geen actie op selectief niveau.",
        "Hoofdstuk: 5 Acties · Bron: Aalten, §6.2",
    ):
        assert expected in text, expected
    # blank lines in free text become separate paragraphs
    paragraphs = [p.text for p in doc.paragraphs]
    assert "Jongeren groeien gezond op." in paragraphs
    assert "Gebruik is nooit zonder risico." in paragraphs
    appendix = text.split("Bijlage A: Gekozen interventies")[-1].split("Bijlage B")[0]
    moti = interventions["moti-4"]
    assert "Moti-4" in appendix and moti.erkenning in appendix
    assert "Gebruikt in: Moti-4 voor jongeren" in appendix
    level2 = [t for s, t in headings(doc) if s == "Heading 2"]
    assert moti.naam in level2


def test_plan_properties_page_size_and_footer(plan_docx: Path) -> None:
    doc = Document(plan_docx)
    props = doc.core_properties
    assert props.title == "Samen sterk tegen drugs"
    assert props.author == "GGD Voorbeeldregio"
    assert props.subject == "Preventie- en Handhavingsplan Zutphen 2026-2029"
    assert props.language == "nl-NL"
    assert "python-docx" not in (props.comments or "") + (props.last_modified_by or "")
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    footer = section.footer
    codes = instructions(footer._element)
    assert "PAGE" in codes and "NUMPAGES" in codes
    line = footer.paragraphs[0].text
    assert line.startswith("GGD Voorbeeldregio · Samen sterk tegen drugs")
    assert "afgedrukt 02-03-2026" in line and "pagina" in line and " van " in line
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"


def test_plan_without_findings_and_empty_plan(tmp_path: Path, interventions) -> None:
    write_plan(tmp_path / "a.docx", realistic_plan(), CTX, interventions)
    chapters = [t for s, t in headings(Document(tmp_path / "a.docx")) if s == "Heading 1"]
    assert chapters[-1] == "Bijlage A: Gekozen interventies"

    report = write_plan(tmp_path / "leeg.docx", new_plan("", ""), CTX, interventions, [])
    assert report.summary() == ""
    doc = Document(tmp_path / "leeg.docx")
    text = all_text(doc)
    assert "(nog niet ingevuld)" in text and "De plancheck vond geen punten." in text
    assert doc.core_properties.title == "Preventie- en Handhavingsplan"
    assert [t for s, t in headings(doc) if s == "Heading 1"][:8] == [
        f"{s.number} {s.title}" for s in NUMBERED
    ]
    assert not doc.tables  # no rows: placeholders instead of empty tables
    assert len(doc.inline_shapes) == 1  # the coverage picture shows the empty grid


def test_logo_on_the_cover_and_an_unreadable_logo(tmp_path: Path, interventions) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "darkblue").save(logo)
    ctx = HandoutContext(PROFILE, logo=logo, today=date(2026, 3, 2))
    write_plan(tmp_path / "p.docx", realistic_plan(), ctx, interventions)
    shapes = Document(tmp_path / "p.docx").inline_shapes
    assert len(shapes) == 2
    assert shapes[0].width <= 45 * EMU_PER_MM + 1 and shapes[0].height <= 18 * EMU_PER_MM + 1

    broken = tmp_path / "kapot.png"
    broken.write_bytes(b"geen plaatje")
    ctx = HandoutContext(PROFILE, logo=broken, today=date(2026, 3, 2))
    write_plan(tmp_path / "q.docx", realistic_plan(), ctx, interventions)
    doc = Document(tmp_path / "q.docx")
    assert "(logo kon niet worden gelezen)" in all_text(doc)
    assert len(doc.inline_shapes) == 1


# --- hostile text --------------------------------------------------------------------------

MARKUP = [
    "<b>vet</b> & <i>schuin",
    "</w:t></w:r><w:r><w:t>kapot",
    '<img src="/etc/passwd"/> plaatje',
    "\"dubbel\" en 'enkel' &amp; &#169; ]]> <![CDATA[x]]>",
]
EMOJI = "😀🧪 ĳ€"


def hostile_plan() -> tuple[Plan, list[tuple[str, str]]]:
    """A plan full of hostile text, and the (field, character) pairs it must report."""
    plan = realistic_plan()
    plan.titel = MARKUP[0] + " " + EMOJI
    plan.gemeente = "Zonnedal\x07bel"
    plan.beleidsfocus.visie = MARKUP[2] + "\n" + "Visie " * 8400  # > 50,000 characters
    plan.beleidsfocus.missie = "x" * 50_000  # one endless word
    plan.inleiding.definities = "nul\x00byte en escape\x1b en C1\x85 en DEL\x7f"
    cijfer = plan.lokale_situatie.cijfers[0]
    cijfer.indicator, cijfer.waarde = MARKUP[3], MARKUP[1]
    cijfer.bron = "Bron " * 10_000
    plan.acties[0].beschrijving = "Beschrijving van de actie. " * 1900 + "\ud800los"
    plan.acties[1].naam = "<font color=red>" + "y" * 3000 + "\ufffe\uffff"
    plan.handhaving[0].omschrijving = "regel\n" * 500
    plan.evaluatie.indicatoren = ["goed", "tab\tblijft", "vt\x0bweg"]
    expected = [
        ("Gemeente", "\x07"),
        ("Inleiding: definities", "\x00"),
        ("Inleiding: definities", "\x1b"),
        ("Inleiding: definities", "\x85"),
        ("Inleiding: definities", "\x7f"),
        ("Actie 1: beschrijving", "\ud800"),
        ("Actie 2: naam", "\ufffe"),
        ("Actie 2: naam", "\uffff"),
        ("Evaluatie: indicatoren, regel 3", "\x0b"),
    ]
    return plan, expected


def test_hostile_plan_gives_a_valid_document_and_reports_every_replacement(
    tmp_path: Path, interventions
) -> None:
    plan, expected = hostile_plan()
    target = tmp_path / "vijandig.docx"
    report = write_plan(target, plan, CTX, interventions, FINDINGS)
    assert sorted(report.replaced) == sorted(expected)
    summary = report.summary()
    assert summary.startswith(
        f"{len(expected)} tekens konden niet in Word worden opgenomen en zijn vervangen door �:"
    )
    for where, char in expected:
        assert f"U+{ord(char):04X} in '{where}'" in summary

    doc = Document(target)  # python-docx opens it again
    text = all_text(doc)
    for value in MARKUP:
        assert value in text, value
    assert EMOJI in text  # emoji are valid XML and stay as they are
    assert f"Zonnedal{REPLACEMENT}bel" in text
    assert f"nul{REPLACEMENT}byte" in text and f"DEL{REPLACEMENT}" in text
    assert "tab\tblijft" in text
    assert "x" * MAX_BLOCK_CHARS in text
    assert squash(text).count("x" * 50_000) == 1  # all of it, split over paragraphs
    assert "Visie " * 1000 in text and squash("Visie " * 8400) in squash(text)
    assert squash("Bron " * 10_000) in squash(text)
    assert "y" * 3000 + REPLACEMENT * 2 in text
    assert len(doc.inline_shapes) == 1  # <img src=...> did not become a picture
    assert doc.core_properties.title.startswith("<b>vet</b> & <i>schuin")
    handhaving = table_by_header(doc, "Maatregel")
    assert handhaving.rows[1].cells[1].text.count("regel") == 500


def test_hostile_profile_findings_and_intervention_are_reported(tmp_path: Path) -> None:
    plan = realistic_plan()
    local = Intervention(
        id="eigen-1",
        naam="Eigen\x07aanpak",
        beschrijving="<script>alert(1)</script>\x01",
        doelgroep="",
        leeftijd_van=None,
        leeftijd_tot=None,
        settings=("gezin",),
        niveaus=("U",),
        erkenning="Niet in een databank, wel uitgevoerd in Nederland",
        lokaal=True,
    )
    plan.acties[2].interventie_id = local.id
    profile = OrganisationProfile(organisatie="GGD\x1fRegio")
    ctx = HandoutContext(profile, today=date(2026, 3, 2))
    findings = [*FINDINGS[:2], type(FINDINGS[0])("tip", "acties", "Let op\x02.", "Bron")]
    report = write_plan(tmp_path / "p.docx", plan, ctx, {local.id: local}, findings)
    assert sorted(report.replaced) == sorted(
        [
            ("Organisatiegegevens: organisatie", "\x1f"),
            ("Bijlage A, interventie 1: naam", "\x07"),
            ("Bijlage A, interventie 1: beschrijving", "\x01"),
            ("Plancheck 3: tekst", "\x02"),
        ]
    )
    doc = Document(tmp_path / "p.docx")
    assert doc.core_properties.author == f"GGD{REPLACEMENT}Regio"
    assert "<script>alert(1)</script>" in all_text(doc)


# --- the sanitiser -------------------------------------------------------------------------


def test_sanitize_replaces_only_what_xml_cannot_hold() -> None:
    report = ExportReport()
    assert sanitize("a\tb\nc\r\nd\re 😀 <&>", "Veld", report) == "a\tb\nc\nd\ne 😀 <&>"
    assert report.replaced == []
    assert sanitize("\x00\x08\x0b\x0c\x0e\x1f\x7f\x9f\ud800\udfff\ufffe\uffff", "V", report) == (
        REPLACEMENT * 12
    )
    assert [c for _, c in report.replaced] == list(
        "\x00\x08\x0b\x0c\x0e\x1f\x7f\x9f\ud800\udfff\ufffe\uffff"
    )
    assert sanitize(None, "V", ExportReport()) == ""
    assert (
        sanitize("\ufffd\U0001f600\U0010fffd", "V", ExportReport()) == "\ufffd\U0001f600\U0010fffd"
    )


def test_summary_texts() -> None:
    assert ExportReport().summary() == ""
    one = ExportReport(replaced=[("Visie", "\x07")])
    assert one.summary() == (
        "1 teken kon niet in Word worden opgenomen en is vervangen door �: U+0007 in 'Visie'."
    )
    three = ExportReport(replaced=[("Visie", "\x07"), ("Visie", "\x07"), ("Missie", "\x00")])
    assert three.summary() == (
        "3 tekens konden niet in Word worden opgenomen en zijn vervangen door �: "
        "U+0007 in 'Visie' (2×), U+0000 in 'Missie'."
    )
    many = ExportReport(replaced=[(f"Veld {n}", "\x01") for n in range(20)])
    assert many.summary().endswith("U+0001 in 'Veld 14', en nog 5 elders.")


def test_clean_tree_names_fields_and_leaves_ids_alone() -> None:
    plan = realistic_plan()
    plan.beleidsfocus.visie = "a\x07"
    plan.acties[1].naam = "b\x07"
    plan.doelen[0].subdoelen[1].indicator = "c\x07"
    plan.lokale_situatie.cijfers[1].bron = "d\x07"
    plan.beleidsfocus.speerpunten[1] = "e\x07"
    report = ExportReport()
    clean = clean_tree(plan, report)
    assert [where for where, _ in report.replaced] == [
        "Beleidsfocus: visie",
        "Beleidsfocus: speerpunten, regel 2",
        "Lokale situatie, Cijfer 2: bron",
        "Doel 1, subdoel 2: indicator",
        "Actie 2: naam",
    ]
    assert clean.beleidsfocus.visie == "a" + REPLACEMENT and plan.beleidsfocus.visie == "a\x07"
    assert clean.acties[0].subdoelen == plan.acties[0].subdoelen
    assert clean.subdoel_by_id(plan.acties[0].subdoelen[0]) is not None
    untouched = realistic_plan()
    assert clean_tree(untouched.evaluatie, ExportReport()) is untouched.evaluatie


def test_blocks_split_at_blank_lines_and_cap_huge_blocks() -> None:
    assert list(blocks("")) == []
    assert list(blocks("a\n\n \nb\nc")) == ["a", "b\nc"]
    huge = list(blocks("woord " * 20_000))
    assert len(huge) > 1 and all(len(b) <= MAX_BLOCK_CHARS for b in huge)
    assert "".join(blocks("z" * 70_000)) == "z" * 70_000


# --- the coverage picture ------------------------------------------------------------------


def test_coverage_counts_and_layout() -> None:
    plan = realistic_plan()
    plan.acties.append(Actie(naam="Nog een", niveau="I", setting="zorg_sociaal_domein"))
    counts = coverage_counts(plan)
    assert counts[("zorg_sociaal_domein", "I")] == 2
    assert counts[("voortgezet_onderwijs", "U")] == 1 and counts[("gezin", "U")] == 0
    width, height, shapes = coverage_image.coverage_layout(counts)
    texts = [s.text for s in shapes if isinstance(s, coverage_image.Text)]
    assert "Zorg en sociaal domein" in texts and "Harm reduction" in texts
    marks = [s for s in shapes if isinstance(s, coverage_image.Rect) and s.w == 10]
    assert len(marks) == 50 - 3  # every empty cell gets a white box with a 0
    assert texts.count("0") >= 50 - 3
    assert "2" in texts and texts[-1] == "4"  # the grand total
    gaps = [s for s in shapes if isinstance(s, coverage_image.Rect) and s.fill == "#ececec"]
    assert len(gaps) == 47
    hatch = [s for s in shapes if isinstance(s, coverage_image.Line) and s.color == "#7a7a7a"]
    for line in hatch:  # hatching stays inside the drawing
        assert min(line.x1, line.x2) >= 0 and max(line.x1, line.x2) <= width
        assert min(line.y1, line.y2) >= 0 and max(line.y1, line.y2) <= height


def test_coverage_png_draws_counts_and_hatched_gaps() -> None:
    from PIL import Image

    png = coverage_image.coverage_png({("gezin", "U"): 3})
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width > 1000
    # the empty-cell hatching is drawn: there is mid grey in the picture
    assert any(c[1] == (0x7A, 0x7A, 0x7A) for c in image.getcolors(1 << 16))


# --- interventions overview and handout ----------------------------------------------------


def test_overview_docx(tmp_path: Path) -> None:
    criteria = Criteria(settings=frozenset({"voortgezet_onderwijs"}), leeftijd=12)
    items = InterventionFinder(list(catalogue())).filter(criteria)
    advice = guidance().advice("voortgezet_onderwijs", 12)
    report = write_overview(tmp_path / "o.docx", items, criteria, advice, CTX)
    assert report.summary() == ""
    doc = Document(tmp_path / "o.docx")
    found = headings(doc)
    level1 = [t for s, t in found if s == "Heading 1"]
    assert level1 == [
        "Gebruikte filters",
        "Wat werkt en wat niet: Voortgezet onderwijs",
        f"Interventies ({len(items)})",
    ]
    level2 = [t for s, t in found if s == "Heading 2"]
    assert "Frisse Start" in level2 and level2.index("Wat werkt") < level2.index("Frisse Start")
    dont = table_by_header(doc, "Niet doen")
    assert len(dont.rows) == 1 + len(advice.niet_doen)
    assert dont.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    text = all_text(doc)
    assert "Setting: Voortgezet onderwijs" in text and "Leeftijd: 12 jaar" in text
    assert "✗ Geen peer-educatie" in text
    assert doc.core_properties.title == "Overzicht interventies"
    assert doc.core_properties.author == "GGD Voorbeeldregio"
    assert "NUMPAGES" in instructions(doc.sections[0].footer._element)


def test_overview_docx_with_hostile_local_intervention_and_no_matches(tmp_path: Path) -> None:
    local = Intervention(
        id="x",
        naam="Buurt\x07aanpak <b>Zuid</b>",
        beschrijving="Tekst 😀 & <img src=x>",
        doelgroep="",
        leeftijd_van=None,
        leeftijd_tot=None,
        settings=("gezin", "onbekend"),
        niveaus=("U",),
        erkenning="Goed beschreven",
        lokaal=True,
    )
    criteria = Criteria(tekst="zuid\x00")
    report = write_overview(tmp_path / "o.docx", [local], criteria, None, CTX)
    assert sorted(report.replaced) == [("Filters: tekst", "\x00"), ("Interventie 1: naam", "\x07")]
    doc = Document(tmp_path / "o.docx")
    text = all_text(doc)
    assert f"Buurt{REPLACEMENT}aanpak <b>Zuid</b> (eigen, lokaal)" in text
    assert "Tekst 😀 & <img src=x>" in text and "Setting: Gezin, onbekend" in text

    write_overview(tmp_path / "leeg.docx", [], Criteria(tekst="niets"), None, CTX)
    assert "Interventies (0)" in all_text(Document(tmp_path / "leeg.docx"))


def test_professional_handout_docx(tmp_path: Path) -> None:
    sheet = next(s for s in all_factsheets() if s.slug == "3-mmc")
    profile = OrganisationProfile(
        organisatie="GGD Voorbeeldregio",
        hulpcontacten=[HelpContact(naam="Jongerenwerk", rol="jongerenwerker", contact="06-1")],
    )
    report = write_handout(
        tmp_path / "h.docx",
        sheet,
        Audience.PROFESSIONAL,
        HandoutContext(profile, today=date(2026, 3, 2)),
    )
    assert report.summary() == ""
    doc = Document(tmp_path / "h.docx")
    assert doc.paragraphs[0].text == "GGD Voorbeeldregio"
    titles = [p.text for p in doc.paragraphs if p.style.name in ("Title", "Subtitle")]
    assert titles == ["3-MMC", "Factsheet voor professionals"]
    level1 = [t for s, t in headings(doc) if s == "Heading 1"]
    assert level1[:3] == ["Kernpunten", "Wat is het?", "Werking"]
    assert level1[-1] == "Hulp en informatie"
    figures = table_by_header(doc, "Groep")
    assert len(figures.rows) == 1 + len(sheet.cijfers)
    routes = table_by_header(doc, "Manier")
    assert len(routes.rows) == 1 + len(sheet.routes)
    text = all_text(doc)
    assert f"Wettelijke status: {sheet.status.short}" in text
    assert "Jongerenwerk – jongerenwerker – 06-1" in text
    assert "bel 112" in text
    assert doc.core_properties.title == "3-MMC – factsheet voor professionals"
    assert not any("TOC" in i for i in instructions(doc.element.body))


# --- LibreOffice ---------------------------------------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is niet geïnstalleerd")
def test_libreoffice_converts_the_plan_to_pdf(tmp_path: Path, interventions) -> None:
    from pypdf import PdfReader

    plan, _ = hostile_plan()
    plan.beleidsfocus.visie = "Visie " * 2000  # keep the conversion quick
    plan.beleidsfocus.missie = "x" * 5000
    source = tmp_path / "plan.docx"
    write_plan(source, plan, CTX, interventions, FINDINGS)
    profile = tmp_path / "lo-profiel"
    result = subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=110,
    )
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) > 5
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "1 Inleiding" in text and "Bijlage A: Gekozen interventies" in text
    assert "<b>vet</b>" in text
