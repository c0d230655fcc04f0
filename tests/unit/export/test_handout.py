from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from drugspreventie_app.content.factsheets import all_factsheets, factsheet_by_slug
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
from drugspreventie_app.export import handout
from drugspreventie_app.export.handout import HandoutContext

PROFILE = OrganisationProfile(
    organisatie="GGD Voorbeeldregio",
    afdeling="Preventie",
    telefoon="088 123 45 67",
    hulpcontacten=[HelpContact("Preventiewerker Tactus", "jongeren", "0570-123456")],
)


def write_handout(path: Path, *args) -> Path:
    handout.write_handout(path, *args)
    return path


def write_bundle(path: Path, *args) -> Path:
    handout.write_bundle(path, *args)
    return path


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("audience", list(Audience), ids=lambda a: a.value)
@pytest.mark.parametrize("slug", sorted(s.slug for s in all_factsheets()))
def test_every_handout_renders_with_status_help_and_page_numbers(
    slug: str, audience: Audience, tmp_path: Path
) -> None:
    sheet = factsheet_by_slug(slug)
    target = write_handout(tmp_path / "h.pdf", sheet, audience, HandoutContext(PROFILE))
    text = _flat(_text(target))
    assert sheet.naam in text
    assert _flat(f"Wettelijke status: {sheet.status.short}") in text
    assert sheet.hulp[0].naam in text  # national help line
    assert "Preventiewerker Tactus" in text  # local contact from the settings
    assert "112" in text
    pages = len(PdfReader(target).pages)
    assert f"pagina {pages} van {pages}" in text
    assert "Peildatum" in text


def test_audiences_get_different_sections(tmp_path: Path) -> None:
    sheet = factsheet_by_slug("3-mmc")
    texts = {
        a: _flat(
            _text(write_handout(tmp_path / f"{a.value}.pdf", sheet, a, HandoutContext(PROFILE)))
        )
        for a in Audience
    }
    assert "Gebruik in cijfers" in texts[Audience.PROFESSIONAL]
    assert "Het gesprek aangaan" in texts[Audience.OUDERS]
    assert "Gebruik in cijfers" not in texts[Audience.OUDERS]
    assert "zo beperk je de risico's" in texts[Audience.JONGEREN]
    assert "Het gesprek aangaan" not in texts[Audience.JONGEREN]


def test_metadata_title_and_author(tmp_path: Path) -> None:
    target = write_handout(
        tmp_path / "h.pdf", factsheet_by_slug("ghb"), Audience.OUDERS, HandoutContext(PROFILE)
    )
    meta = PdfReader(target).metadata
    assert meta.author == "GGD Voorbeeldregio"
    assert meta.title.startswith("GHB")


HOSTILE = {
    "tags": "<b>vet</b> & <i>schuin",
    "para": "</para><para>kapot",
    "img": '<img src="/etc/passwd"/> plaatje',
    "quotes": "\"dubbel\" en 'enkel' &amp; &#169;",
    "emoji": "Jeugdpreventie 😀🎉 ĳ ł €",
    "lang": "Preventie" * 556,  # one 5,000-character word
    "control": "tab\there\x07bel\x00nul",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_organisation_names_render_literally(name: str, tmp_path: Path) -> None:
    value = HOSTILE[name]
    profile = OrganisationProfile(
        organisatie=value, hulpcontacten=[HelpContact(value, value, value)]
    )
    target = write_handout(
        tmp_path / "h.pdf", factsheet_by_slug("cannabis"), Audience.OUDERS, HandoutContext(profile)
    )
    reader = PdfReader(target)
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    if name == "lang":
        assert "PreventiePreventie" in text
    elif name == "control":
        assert "bel" in text and "\x07" not in text
    else:
        assert value in text
    # markup in a user field never makes reportlab embed a file or image
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert not xobjects, "onverwachte afbeelding in de PDF"


def test_logo_is_printed_when_set(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "darkblue").save(logo)
    target = write_handout(
        tmp_path / "h.pdf",
        factsheet_by_slug("alcohol"),
        Audience.PROFESSIONAL,
        HandoutContext(PROFILE, logo=logo),
    )
    first_page = PdfReader(target).pages[0]
    assert first_page["/Resources"].get("/XObject")


def test_outdated_sheet_says_so_on_paper(tmp_path: Path) -> None:
    target = write_handout(
        tmp_path / "h.pdf",
        factsheet_by_slug("lsd"),
        Audience.PROFESSIONAL,
        HandoutContext(PROFILE, today=date(2030, 1, 1)),
    )
    assert "meer dan twaalf maanden geleden" in _flat(_text(target))


def test_bundle_has_table_of_contents_and_every_sheet(tmp_path: Path) -> None:
    sheets = sorted(all_factsheets(), key=lambda s: s.naam.casefold())
    target = write_bundle(tmp_path / "bundel.pdf", sheets, HandoutContext(PROFILE))
    reader = PdfReader(target)
    toc = _flat(reader.pages[0].extract_text())
    assert "Inhoud" in toc
    for sheet in sheets:
        assert sheet.naam in toc
    assert [o.title for o in reader.outline] == [s.naam for s in sheets]
    total = len(reader.pages)
    assert f"pagina {total} van {total}" in reader.pages[-1].extract_text()
