from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.export import interventions_overview
from drugspreventie_app.export.handout import HandoutContext

PROFILE = OrganisationProfile(organisatie="GGD Voorbeeldregio", afdeling="Preventie")
CTX = HandoutContext(PROFILE, today=date(2026, 3, 1))

HOSTILE_NAME = '<b>vet</b> & </para><para> <img src="/etc/passwd"/> 😀🎉 Buurtpreventie'
HOSTILE_TEXT = (
    'Start <b>niet vet</b> &amp; & </para> kapot <img src="/etc/passwd"/> 😀 '
    + "Dit is een heel lange eigen beschrijving van de buurtaanpak. " * 820
)


def write_overview(path: Path, *args) -> Path:
    interventions_overview.write_overview(path, *args)
    return path


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _assert_no_images(path: Path) -> None:
    for page in PdfReader(path).pages:
        assert not page["/Resources"].get("/XObject"), "onverwachte afbeelding in de PDF"


def test_filtered_selection_with_advice(tmp_path: Path) -> None:
    criteria = Criteria(settings=frozenset({"voortgezet_onderwijs"}), leeftijd=12)
    items = InterventionFinder(catalogue()).filter(criteria)
    assert items
    advice = guidance().advice("voortgezet_onderwijs", 12)
    target = write_overview(tmp_path / "overzicht.pdf", items, criteria, advice, CTX)

    reader = PdfReader(target)
    text = _text(target)
    assert "Overzicht interventies" in text
    assert "GGD Voorbeeldregio" in text
    assert "Afgedrukt op 01-03-2026" in text
    assert "Gebruikte filters" in text
    for line in criteria.describe():
        assert line in text
    assert "Wat werkt niet" in text and "Niet doen" in text
    assert "Universeel" in text and "Selectief en geïndiceerd" in text
    assert "Geen peer-educatie" in text  # niet doen for 12-13 year olds
    assert "Laat de politie geen voorlichting" in text
    assert "Wat werkt dossier drugs" in text  # the source is named
    assert f"Interventies ({len(items)})" in text
    for item in items:
        assert " ".join(item.naam.split()) in text
    pages = len(reader.pages)
    assert f"pagina {pages} van {pages}" in text
    assert reader.metadata.title == "Overzicht interventies"
    assert reader.metadata.author == "GGD Voorbeeldregio"


def test_fields_are_shown_with_dutch_labels(tmp_path: Path) -> None:
    moti = next(i for i in catalogue() if i.id == "moti-4")
    target = write_overview(tmp_path / "o.pdf", [moti], Criteria(tekst="moti"), None, CTX)
    text = _text(target)
    assert "Zoekterm: moti" in text
    assert "14-24 jaar" in text
    assert "Zorg en sociaal domein" in text and "Geïndiceerd" in text
    assert "Signalering, advies en ondersteuning" in text
    assert moti.erkenning in text
    assert "Niet doen" not in text  # no advice given


def test_hostile_local_intervention_renders_literally(tmp_path: Path) -> None:
    local = Intervention(
        id="lokaal-1",
        naam=HOSTILE_NAME,
        beschrijving=HOSTILE_TEXT,
        doelgroep="<i>ouders</i> & jongeren",
        leeftijd_van=None,
        leeftijd_tot=None,
        settings=("gemeenschap", "onbekende_setting"),
        niveaus=("U",),
        erkenning="Niet erkend",
        aanbieder='<a href="file:///etc/passwd">klik</a>',
        lokaal=True,
    )
    assert len(local.beschrijving) > 50_000
    items = [local, next(i for i in catalogue() if i.id == "samen-fris")]
    target = write_overview(tmp_path / "o.pdf", items, Criteria(), None, CTX)
    text = _text(target)
    assert '<b>vet</b> & </para><para> <img src="/etc/passwd"/>' in text
    assert "(eigen, lokaal)" in text
    assert 'Start <b>niet vet</b> &amp; & </para> kapot <img src="/etc/passwd"/>' in text
    assert "<i>ouders</i> & jongeren" in text
    assert '<a href="file:///etc/passwd">klik</a>' in text
    assert "alle leeftijden" in text
    assert "Samen Fris" in text
    assert len(PdfReader(target).pages) > 5  # the long text ran on over several pages
    _assert_no_images(target)


def test_one_huge_word_and_huge_name_do_not_break_the_layout(tmp_path: Path) -> None:
    base = next(i for i in catalogue() if i.id == "unity")
    huge = replace(base, id="lokaal-2", naam="Naam" * 2_000, beschrijving="x" * 50_000, lokaal=True)
    target = write_overview(tmp_path / "o.pdf", [huge], Criteria(), None, CTX)
    assert "NaamNaam" in _text(target)


def test_empty_selection_says_so(tmp_path: Path) -> None:
    criteria = Criteria(tekst="bestaatniet")
    advice = guidance().advice("mbo", None)
    target = write_overview(tmp_path / "leeg.pdf", [], criteria, advice, CTX)
    text = _text(target)
    assert "Interventies (0)" in text
    assert "geen interventies gevonden" in text
    assert "Zoekterm: bestaatniet" in text
    assert "pagina 1 van" in text


def test_empty_advice_and_no_organisation(tmp_path: Path) -> None:
    empty = guidance().advice(None, None)
    assert empty.empty
    ctx = HandoutContext(OrganisationProfile())
    target = write_overview(tmp_path / "o.pdf", [], Criteria(), empty, ctx)
    reader = PdfReader(target)
    assert reader.metadata.author == "Drugspreventie Werkbank"
    text = _text(target)
    assert "Wat werkt" not in text
    assert "Geen filters: de hele catalogus" in text
    assert "Er zijn geen interventies om te tonen." in text
