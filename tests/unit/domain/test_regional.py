"""The regional directory: a municipality or region leads to its institution."""

from __future__ import annotations

import pytest

from drugspreventie_app.content.factsheets import regional_directory
from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
from drugspreventie_app.domain.regional import add_regional_stakeholder, not_found_message


@pytest.mark.parametrize(
    ("place", "naam"),
    [("Eindhoven", "Novadic-Kentron"), ("gemeente eindhoven", "Novadic-Kentron"),
     ("Noord-Brabant", "Novadic-Kentron"), ("'s-Hertogenbosch", "Novadic-Kentron"),
     ("Amsterdam", "Jellinek"), ("  Overijssel ", "Tactus Verslavingszorg"),
     ("Leeuwarden", "Verslavingszorg Noord Nederland (VNN)")],
)  # fmt: skip
def test_lookup_by_municipality_or_region(place: str, naam: str) -> None:
    found = regional_directory().lookup(place)
    assert found is not None and found.naam == naam


@pytest.mark.parametrize("place", ["Aalten", "Utrecht", "", "   "])
def test_places_not_in_the_directory_give_none(place: str) -> None:
    assert regional_directory().lookup(place) is None


def test_not_found_message_tells_the_user_what_to_do() -> None:
    text = not_found_message(" Aalten ")
    assert "‘Aalten’ staat niet in de lijst" in text and "zelf in" in text


def test_every_institution_has_a_website_and_a_source_and_phone_only_where_published() -> None:
    directory = regional_directory()
    assert directory.instellingen and directory.testservice.website == "drugsinfo.nl"
    for inst in directory.instellingen:
        assert inst.website and inst.bron and (inst.regios or inst.gemeenten)
    with_phone = {i.id for i in directory.instellingen if i.telefoon}
    assert with_phone == {"novadic-kentron"}


def test_places_are_unique_to_one_institution() -> None:
    directory = regional_directory()
    for place in directory.places():
        owners = [i for i in directory.instellingen if place in (*i.gemeenten, *i.regios)]
        assert len(owners) == 1, place


def test_profile_keeps_region_and_institution() -> None:
    inst = regional_directory().lookup("Tilburg")
    profile = OrganisationProfile(regio=" Tilburg ", regionale_instelling=inst.as_help_contact())
    stored = profile.cleaned().to_dict()
    again = OrganisationProfile.from_dict(stored)
    assert again.regio == "Tilburg"
    assert again.regionale_instelling == HelpContact(
        "Novadic-Kentron", "regionale verslavingszorg (preventie en hulp)",
        "novadic-kentron.nl · 073-689 90 90",
    )  # fmt: skip
    assert OrganisationProfile.from_dict({}).regionale_instelling is None


def test_add_regional_stakeholder_once() -> None:
    plan = new_plan("PHP", "Gemeente Tilburg")
    contact = regional_directory().lookup("Tilburg").as_help_contact()
    assert add_regional_stakeholder(plan, contact)
    assert not add_regional_stakeholder(plan, contact)
    added = [s for s in plan.lokale_situatie.stakeholders if s.organisatie == "Novadic-Kentron"]
    assert len(added) == 1
    assert added[0].verslavingspreventie and added[0].domein == "zorg"


def test_a_damaged_directory_file_gives_a_dutch_content_error(tmp_path) -> None:
    import shutil

    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.factsheets import load_regional_directory_from
    from drugspreventie_app.locator import data_dir

    shutil.copytree(data_dir() / "schema", tmp_path / "schema")
    (tmp_path / "regionaal").mkdir()
    broken = tmp_path / "regionaal" / "verslavingszorg.json"
    broken.write_text('{"schema_versie": 1, "instellingen": []}', encoding="utf-8")
    with pytest.raises(ContentError, match="voldoet niet aan het schema"):
        load_regional_directory_from(broken)
    broken.write_text("{niet eens json", encoding="utf-8")
    with pytest.raises(ContentError, match="kan niet worden gelezen"):
        load_regional_directory_from(broken)
