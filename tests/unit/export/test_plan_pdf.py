from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from drugspreventie_app.content.interventions import catalogue
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.plan.model import (
    Actie,
    Cijfer,
    Doel,
    Handhavingsmaatregel,
    Plan,
    Stakeholder,
    Subdoel,
    new_plan,
)
from drugspreventie_app.domain.plan.sections import SECTIONS
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.export import plan_document
from drugspreventie_app.export.handout import HandoutContext
from drugspreventie_app.export.pdf_renderer import cap_cell, text_chunks
from drugspreventie_app.export.plan_document import coverage_counts, plan_meta
from drugspreventie_app.export.plan_text import chosen_interventions

PROFILE = OrganisationProfile(organisatie="GGD Voorbeeldregio", afdeling="Preventie")
CTX = HandoutContext(PROFILE, today=date(2026, 3, 2))
NUMBERED = [s for s in SECTIONS if s.number > 0]


@pytest.fixture(scope="module")
def interventions() -> dict[str, Intervention]:
    return {item.id: item for item in catalogue()}


@dataclass(frozen=True)
class FakeFinding:
    severity: str
    section: str
    text: str
    source: str
    key: str = "test"
    item_id: str | None = None


def realistic_plan() -> Plan:
    plan = new_plan("Samen sterk tegen drugs", "Zutphen", auteur="A. de Vries")
    plan.status, plan.vastgesteld_op = "vastgesteld", "2026-01-20"
    inl = plan.inleiding
    inl.aanleiding = ["motie", "signalen"]
    inl.aanleiding_toelichting = "De raad vroeg in 2025 om een plan na signalen over 3-MMC."
    inl.wetten[0].van_toepassing = True
    inl.wetten[0].toelichting = "Bezit en handel zijn strafbaar."
    inl.lokale_kaders[0].van_toepassing = True
    inl.definities = "Onder drugs verstaan we middelen op lijst I en II van de Opiumwet."
    bf = plan.beleidsfocus
    bf.visie = "Jongeren groeien gezond op.\n\nGebruik is nooit zonder risico."
    bf.missie = "We voorkomen en beperken schade door middelengebruik."
    bf.model = "rivm"
    bf.speerpunten = ["Vroegsignalering op scholen", "Veilig uitgaan"]
    ls = plan.lokale_situatie
    ls.cijfers = [
        Cijfer(
            indicator="Ooit cannabis gebruikt",
            doelgroep="klas 4",
            waarde="14,2%",
            jaar="2023",
            bron="GGD Gezondheidsmonitor Jeugd",
        ),
        Cijfer(indicator="Drugsincidenten", doelgroep="uitgaanders", waarde="37", jaar="2024"),
    ]
    ls.bevindingen = "Jongerenwerkers zien meer 3-MMC bij kwetsbare jongeren."
    ls.duiding = "Cijfers en signalen wijzen samen op een kleine groep zware gebruikers."
    ls.doelgroepen = ["Jongeren 12-18 jaar", "Ouders"]
    ls.doelgroepen_toelichting = "Vooral jongeren in het mbo."
    ls.stakeholders = [
        Stakeholder(
            organisatie="Tactus Verslavingszorg",
            domein="zorg",
            huidige_rol="Voorlichting op scholen",
            gewenste_rol="Regie op vroegsignalering",
            verslavingspreventie=True,
        ),
        Stakeholder(organisatie="Politie Oost", domein="veiligheid", huidige_rol="Handhaving"),
    ]
    s1 = Subdoel(
        omschrijving="Minder jongeren gebruiken cannabis",
        indicator="Ooit cannabis gebruikt, klas 4",
        nulmeting="14,2% (2023)",
        streefwaarde="12%",
        streefjaar=2029,
    )
    s2 = Subdoel(omschrijving="Professionals signaleren eerder", indicator="Aantal trainingen")
    s3 = Subdoel(omschrijving="Minder incidenten bij evenementen", streefwaarde="-20%")
    plan.doelen = [
        Doel(omschrijving="Gezond opgroeien zonder drugs", prioriteit="hoog", subdoelen=[s1, s2]),
        Doel(omschrijving="Veilig uitgaan", prioriteit="middel", subdoelen=[s3]),
    ]
    plan.acties = [
        Actie(
            naam="Moti-4 voor jongeren",
            interventie_id="moti-4",
            beschrijving="Korte motiverende trajecten voor jongeren die vastlopen.",
            niveau="I",
            setting="zorg_sociaal_domein",
            doelgroep="jongeren 14-24",
            uitvoerder="Tactus",
            start="2026",
            eind="2029",
            budget="€ 20.000 per jaar",
            subdoelen=[s1.id, s2.id],
        ),
        Actie(
            naam="Gezonde School-lessen",
            beschrijving="Lessen over middelen in de onderbouw.",
            niveau="U",
            setting="voortgezet_onderwijs",
            uitvoerder="GGD",
            start="2026-09",
            eind="2027-06",
            subdoelen=[s1.id],
        ),
        Actie(
            naam="Testservice op festivals",
            niveau="HR",
            setting="uitgaansleven",
            uitvoerder="Jellinek",
            subdoelen=[s3.id],
            terugkoppeling="Jaarlijks verslag aan de gemeente.",
        ),
    ]
    plan.handhaving = [
        Handhavingsmaatregel(
            maatregel="apv",
            omschrijving="Verbod op lachgas in de openbare ruimte",
            instrument="Boete",
            verantwoordelijke="Boa's",
            frequentie="Wekelijks",
        )
    ]
    ev = plan.evaluatie
    ev.jaarlijks = "Jaarlijks voortgangsgesprek met alle partners."
    ev.tussentijds = "Halverwege 2027 een tussenevaluatie."
    ev.eindevaluatie = "In 2029 op basis van de GGD-monitor."
    ev.indicatoren = ["Gebruik cannabis klas 4"]
    ev.sleutelfiguren = ["Epidemioloog GGD"]
    com = plan.communicatie
    com.doelen = "Ouders weten waar ze terechtkunnen."
    com.doelgroepen = "Ouders en professionals."
    com.kanalen = "Ouderavonden, nieuwsbrief van de school."
    return plan


FINDINGS = [
    FakeFinding("fout", "acties", "Er is geen actie op selectief niveau.", "Aalten, §6.2"),
    FakeFinding("waarschuwing", "communicatie", "Let op nieuwsgierigheid.", "Wat werkt §5.9"),
    FakeFinding("tip", "lokale_situatie", "Voeg DIMS-cijfers toe.", "Modelplan"),
]


def write_plan(path: Path, *args) -> Path:
    plan_document.write_plan(path, *args)
    return path


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def realistic_pdf(tmp_path_factory: pytest.TempPathFactory, interventions) -> Path:
    target = tmp_path_factory.mktemp("plan") / "plan.pdf"
    return write_plan(target, realistic_plan(), CTX, interventions, FINDINGS)


def test_cover_shows_title_municipality_period_and_status(realistic_pdf: Path) -> None:
    cover = _flat(_pages(realistic_pdf)[0])
    for text in (
        "Preventie- en Handhavingsplan",
        "Samen sterk tegen drugs",
        "Zutphen",
        "2026-2029",
        "Alcohol en drugs",
        "Vastgesteld op 20-01-2026",
        "02-03-2026",
        "A. de Vries",
        "GGD Voorbeeldregio",
    ):
        assert text in cover


def test_contents_lists_every_chapter_and_appendix(realistic_pdf: Path) -> None:
    contents = _flat(_pages(realistic_pdf)[1])
    assert contents.startswith("Inhoud")
    for section in NUMBERED:
        assert f"{section.number} {section.title}" in contents
    assert "Bijlage A: Gekozen interventies" in contents
    assert "Bijlage B: Plancheck" in contents


def test_numbered_headings_appear_in_order_after_the_contents(realistic_pdf: Path) -> None:
    body = _flat(" ".join(_pages(realistic_pdf)[2:]))
    positions = [body.index(f"{s.number} {s.title}") for s in NUMBERED]
    assert positions == sorted(positions)
    subsections = ["1.1 Aanleiding", "1.2 Kaders", "1.3 Definities", "3.1 Cijfers"]
    subsections += ["3.5 Stakeholders", "4.1 Doelen en subdoelen", "7.1 Evaluatiemomenten"]
    for heading in subsections:
        assert heading in body
    assert body.index("Bijlage A: Gekozen interventies") > positions[-1]


def test_tables_and_texts_are_printed(realistic_pdf: Path) -> None:
    body = _flat(" ".join(_pages(realistic_pdf)))
    for text in (
        "14,2%",
        "GGD Gezondheidsmonitor Jeugd",
        "Tactus Verslavingszorg",
        "Regie op vroegsignalering",
        "Doel 1. Gezond opgroeien zonder drugs",
        "1.1 Minder jongeren gebruiken cannabis",
        "Verbod op lachgas in de openbare ruimte",
        "Halverwege 2027 een tussenevaluatie.",
        "Ouderavonden, nieuwsbrief van de school.",
        "Motie uit de gemeenteraad",
        "Opiumwet: Bezit en handel zijn strafbaar.",
        "Jaarlijks verslag aan de gemeente.",
    ):
        assert text in body, text


def test_coverage_section_counts_actions(realistic_pdf: Path) -> None:
    body = _flat(" ".join(_pages(realistic_pdf)))
    assert "5.2 Dekking van de acties" in body
    assert "Universeel" in body and "Harm reduction" in body
    coverage = {cell: n for cell, n in coverage_counts(realistic_plan()).items() if n}
    assert coverage == {
        ("zorg_sociaal_domein", "I"): 1,
        ("voortgezet_onderwijs", "U"): 1,
        ("uitgaansleven", "HR"): 1,
    }


def test_appendix_lists_the_chosen_intervention_once(realistic_pdf: Path, interventions) -> None:
    plan = realistic_plan()
    plan.acties.append(Actie(naam="Nog een keer Moti-4", interventie_id="moti-4"))
    assert [i.id for i, _ in chosen_interventions(plan, interventions)] == ["moti-4"]
    pages = _pages(realistic_pdf)
    start = next(i for i, p in enumerate(pages) if _flat(p).startswith("Bijlage A"))
    appendix = _flat(" ".join(pages[start:]))
    moti = interventions["moti-4"]
    assert "Moti-4" in appendix
    assert moti.erkenning in appendix
    assert moti.age_text() in appendix
    assert "Zorg en sociaal domein" in appendix


def test_findings_appendix_groups_by_severity(realistic_pdf: Path) -> None:
    pages = _pages(realistic_pdf)
    start = next(i for i, p in enumerate(pages) if _flat(p).startswith("Bijlage B"))
    appendix = _flat(" ".join(pages[start:]))
    assert appendix.index("Fouten (1)") < appendix.index("Waarschuwingen (1)")
    assert appendix.index("Waarschuwingen (1)") < appendix.index("Tips (1)")
    assert "Er is geen actie op selectief niveau." in appendix
    assert "Hoofdstuk: 5 Acties" in appendix and "Bron: Aalten, §6.2" in appendix


def test_no_findings_appendix_without_findings(tmp_path: Path, interventions) -> None:
    target = write_plan(tmp_path / "p.pdf", realistic_plan(), CTX, interventions)
    text = _flat(" ".join(_pages(target)))
    assert "Bijlage B" not in text
    assert "Bijlage A" in text


def test_metadata_footer_and_bookmarks(realistic_pdf: Path) -> None:
    reader = PdfReader(realistic_pdf)
    assert reader.metadata.title == "Samen sterk tegen drugs"
    assert reader.metadata.author == "GGD Voorbeeldregio"
    assert reader.metadata.subject == "Preventie- en Handhavingsplan Zutphen 2026-2029"
    total = len(reader.pages)
    last = reader.pages[-1].extract_text()
    assert f"pagina {total} van {total}" in last
    assert "GGD Voorbeeldregio · Samen sterk tegen drugs" in last
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles == [f"{s.number} {s.title}" for s in NUMBERED] + [
        "Bijlage A: Gekozen interventies",
        "Bijlage B: Plancheck",
    ]


def test_author_falls_back_to_plan_author_then_app() -> None:
    plan = realistic_plan()
    assert plan_meta(plan, "", HandoutContext(OrganisationProfile())).author == "A. de Vries"
    plan.auteur = ""
    meta = plan_meta(plan, "", HandoutContext(OrganisationProfile()))
    assert meta.author == "Drugspreventie Werkbank"
    assert meta.footer == "Zutphen · Samen sterk tegen drugs"


def test_empty_plan_renders_with_placeholders(tmp_path: Path, interventions) -> None:
    target = write_plan(tmp_path / "leeg.pdf", new_plan("", ""), CTX, interventions, [])
    text = _flat(" ".join(_pages(target)))
    assert "(nog niet ingevuld)" in text
    assert "De plancheck vond geen punten." in text
    assert "Concept" in text
    for section in NUMBERED:
        assert f"{section.number} {section.title}" in text


HOSTILE = [
    "<b>vet</b> & <i>schuin",
    "</para><para>kapot",
    '<img src="/etc/passwd"/> plaatje',
    "\"dubbel\" en 'enkel' &amp; &#169;",
]


def test_hostile_text_renders_literally_without_images(tmp_path: Path, interventions) -> None:
    plan = realistic_plan()
    plan.titel = HOSTILE[0] + " 😀 ĳ€"
    plan.gemeente = HOSTILE[1] + "\x07bel"
    plan.beleidsfocus.visie = HOSTILE[2] + "\n" + "Visie " * 8400  # > 50,000 characters
    plan.beleidsfocus.missie = "x" * 50_000  # one endless word
    cijfer = plan.lokale_situatie.cijfers[0]
    cijfer.indicator, cijfer.waarde = HOSTILE[3], HOSTILE[2]
    cijfer.bron = "Bron " * 10_000
    plan.acties[0].beschrijving = "Beschrijving van de actie. " * 1900  # > 50,000
    plan.acties[1].naam = "<font color=red>" + "y" * 3000
    plan.handhaving[0].omschrijving = "regel\n" * 500
    target = write_plan(tmp_path / "vijandig.pdf", plan, CTX, interventions, FINDINGS)
    reader = PdfReader(target)
    text = _squash(" ".join(p.extract_text() for p in reader.pages))
    for value in HOSTILE:
        assert _squash(value) in text, value
    assert "ĳ€" in text and "bel" in text and "\x07" not in text
    assert "VisieVisieVisie" in text and "xxxxxxxxxx" in text
    assert "volledigetekstonderdetabel" in text  # long cells are continued below the table
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert not xobjects, "onverwachte afbeelding in de PDF"
    assert reader.metadata.title.startswith("<b>vet</b> & <i>schuin")


def test_logo_is_drawn_on_the_cover(tmp_path: Path, interventions) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "darkblue").save(logo)
    ctx = HandoutContext(PROFILE, logo=logo, today=date(2026, 3, 2))
    target = write_plan(tmp_path / "p.pdf", realistic_plan(), ctx, interventions)
    reader = PdfReader(target)
    assert reader.pages[0]["/Resources"].get("/XObject")
    assert not any(p["/Resources"].get("/XObject") for p in reader.pages[1:])


def test_text_chunks_and_cell_caps() -> None:
    assert list(text_chunks("")) == []
    assert list(text_chunks("a\n\n\nb")) == ["a", "b"]
    chunks = list(text_chunks("woord " * 2000, size=500))
    assert all(len(c) <= 500 for c in chunks) and len(chunks) > 10
    assert "".join(text_chunks("z" * 1200, size=500)) == "z" * 1200
    assert cap_cell("kort", 100) == ("kort", False)
    shown, capped = cap_cell("lang " * 100, 50)
    assert capped and len(shown) <= 52 and shown.endswith("…")
    shown, capped = cap_cell("r\n" * 30, 1000, max_lines=8)
    assert capped and shown.count("\n") <= 7
