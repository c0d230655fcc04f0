"""Handouts print 'Wat te doen bij een noodgeval' and the regional institution."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from drugspreventie_app.content.factsheets import (
    all_factsheets,
    factsheet_by_slug,
    regional_directory,
)
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.export.handout import HandoutContext, write_handout
from drugspreventie_app.export.handout_extras import national_help_lines

EINDHOVEN = OrganisationProfile(
    organisatie="GGD Brabant-Zuidoost",
    regio="Eindhoven",
    regionale_instelling=regional_directory().lookup("Eindhoven").as_help_contact(),
)


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _handout(tmp_path: Path, slug: str, audience: Audience, profile=EINDHOVEN) -> str:
    target = tmp_path / f"{slug}-{audience.value}.pdf"
    sheet = factsheet_by_slug(slug)
    write_handout(target, sheet, audience, HandoutContext(profile))
    return _pdf_text(target)


@pytest.mark.parametrize("audience", [Audience.PROFESSIONAL, Audience.OUDERS])
def test_professional_and_parents_handouts_have_the_emergency_section(tmp_path, audience):
    text = _handout(tmp_path, "ghb", audience)
    assert "Wat te doen bij een noodgeval" in text
    assert "stabiele zijligging" in text
    assert "Bij GHB" in text and "nooit alleen" in text


def test_youth_handout_says_it_in_harm_reduction_words(tmp_path) -> None:
    text = _handout(tmp_path, "ecstasy", Audience.JONGEREN)
    assert "Als het misgaat" in text
    assert "Bel meteen 112" in text
    assert "Wat te doen bij een noodgeval" not in text
    assert "glas per uur" in text  # the ecstasy-specific youth point


def test_professional_handout_has_the_background(tmp_path) -> None:
    text = _handout(tmp_path, "cannabis", Audience.PROFESSIONAL)
    assert "Fasen van gebruik" in text and "Drug, set en setting" in text
    assert "Fasen van gebruik" not in _handout(tmp_path, "cannabis", Audience.OUDERS)


@pytest.mark.parametrize("audience", list(Audience), ids=lambda a: a.value)
def test_regional_institution_printed_next_to_the_drugs_infolijn(tmp_path, audience) -> None:
    text = _handout(tmp_path, "3-mmc", audience)
    infolijn = text.index("Drugs Infolijn (0900-1995 (")  # the help line, not a mention
    regional = text.index("Novadic-Kentron (novadic-kentron.nl · 073-689 90 90)")
    assert 0 < regional - infolijn < 400
    assert "Regionale instelling voor verslavingszorg:" not in text  # the generic line gives way


def test_without_a_region_the_generic_line_stays(tmp_path) -> None:
    text = _handout(tmp_path, "3-mmc", Audience.OUDERS, OrganisationProfile())
    assert "Regionale instelling voor verslavingszorg" in text
    assert "Novadic-Kentron" not in text


@pytest.mark.parametrize("sheet", all_factsheets(), ids=lambda s: s.slug)
def test_help_lines_put_the_region_right_after_the_drugs_infolijn(sheet) -> None:
    lines = national_help_lines(sheet, EINDHOVEN)
    regional = [i for i, line in enumerate(lines) if line.startswith("Novadic-Kentron")]
    assert len(regional) == 1
    infolijn = [i for i, line in enumerate(lines) if line.startswith("Drugs Infolijn")]
    assert regional[0] == (infolijn[0] + 1 if infolijn else 0)
    assert "de verslavingszorg voor Eindhoven" in lines[regional[0]]


def test_word_handout_has_emergency_background_and_region(tmp_path) -> None:
    target = tmp_path / "h.docx"
    write_handout(
        target,
        factsheet_by_slug("heroine"),
        Audience.PROFESSIONAL,
        HandoutContext(EINDHOVEN, today=date(2026, 12, 2)),
    )
    text = "\n".join(p.text for p in Document(target).paragraphs)
    assert "Wat te doen bij een noodgeval" in text and "naloxon" in text
    assert "Drug, set en setting" in text
    assert "Novadic-Kentron (novadic-kentron.nl · 073-689 90 90)" in text
