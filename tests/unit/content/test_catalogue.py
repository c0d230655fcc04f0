"""The shipped intervention catalogue and guidance: schema, completeness, own words."""

from __future__ import annotations

import json

import jsonschema
import pytest

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.intervention import ERKENNINGEN
from drugspreventie_app.locator import data_dir
from tests.helpers.seed_copy import SEEDS, copied_runs, strings

REQUIRED_NAMES = [
    "Help mijn kind kan niet zonder", "Voorzorg", "Family Check-Up",
    "Psycho-educatieve gezinsinterventie KOPP", "KopOpOuders", "online cursus KopStoring",
    "Billy Boem", "Piep zei de muis", "Helder Opvoeden", "Triple P", "Helder op School",
    "Samen Fris", "Be wise, think twice", "Frisse Start", "In Charge", "Samen Slagen",
    "ROC-Aanvalsplan", "Website studerende kinderen",
    "training deskundigheidsbevordering studentenbegeleiders", "Moti-4",
    "Jellinek online zelfhulp", "Preventief adviesgesprek (IVZ)", "Motiverende gespreksvoering",
    "WietCheck", "Drugs en Uitgaan", "DRUGSinfo met chat", "Drugs Infolijn", "Unity", "LOS",
    "RedAlertApp", "DIMS testservice", "EHBDU", "Leidraad alcohol, drugs en tabak op evenementen",
    "Festival Onliners", "Festivalverleiding", "Celebrate Safe",
    "e-learning Basiskennis alcohol en drugs", "Open & Alert", "Goed om te weten over…",
    "Take it Personal", "Brains4Use", "Make up your mind", "Leefstijl 24/7", "MST", "MDFT",
    "ADM-beleid met de ADM-toolbox", "OKO (Opgroeien in een Kansrijke Omgeving)",
    "Scanner Lokaal Drugsbeleid", "Lokaal samenwerken aan verslavingspreventie",
    "Handreiking GHB-aanpak", "Lachgas: van zorgen naar acties", "Toolbox drugscommunicatie",
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "schema"),
    [
        ("catalogus.json", "interventie.schema.json"),
        ("richtlijnen.json", "richtlijnen.schema.json"),
    ],
)
def test_valid_against_schema_with_reference_validator(data: str, schema: str) -> None:
    folder = data_dir()
    jsonschema.Draft202012Validator(
        json.loads((folder / "schema" / schema).read_text("utf-8"))
    ).validate(json.loads((folder / "interventies" / data).read_text("utf-8")))


def test_every_intervention_the_seeds_name_is_present() -> None:
    names = {i.naam for i in catalogue()}
    missing = [n for n in REQUIRED_NAMES if n not in names]
    assert not missing


def test_harm_reduction_services_of_section_633_are_present() -> None:
    hr = [i for i in catalogue() if "HR" in i.niveaus]
    assert len(hr) >= 8
    assert any("spuit" in i.naam.lower() for i in hr)


def test_ids_unique_and_erkenning_in_registry_wording() -> None:
    items = catalogue()
    assert len({i.id for i in items}) == len(items)
    assert all(i.erkenning in ERKENNINGEN for i in items)
    assert all(i.bron and i.beschrijving for i in items)


def test_guidance_has_the_school_bands_and_media_advice() -> None:
    g = guidance()
    bands = {(b.leeftijd_van, b.leeftijd_tot) for b in g.school_bands}
    assert bands == {(12, 13), (13, 16), (16, 18)}
    assert "massamediaal" in {d.id for d in g.media_niet_doen}
    assert {"gezin", "voortgezet_onderwijs", "uitgaansleven", "zorg_sociaal_domein"} <= set(
        g.settings
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="de bronnen (shared/seeds) staan niet naast de repo")
@pytest.mark.parametrize("name", ["catalogus.json", "richtlijnen.json"])
def test_no_sentence_copied_from_the_seeds(name: str) -> None:
    data = json.loads((data_dir() / "interventies" / name).read_text("utf-8"))
    copied = copied_runs(strings(data))
    assert not copied, f"letterlijk uit de bronnen: {copied[0]!r}"
