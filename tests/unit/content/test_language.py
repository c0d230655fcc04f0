"""Parents are addressed as 'u'; texts for young people avoid jargon."""

from __future__ import annotations

import re

import pytest

from drugspreventie_app.content.factsheets import all_factsheets

_JE = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
_U = re.compile(r"\b(u|uw)\b")
# what a parent might say to the child, between quotes, may use "je"
_QUOTED = re.compile(r"'[^']*\?'|'[^']*'(?=[\s.,;:!?]|$)")
JARGON = ("cathinon", "paranoïde", "paranoia", "antidepressiva", "opioïden")


def _parents_text(sheet) -> list[str]:
    return [sheet.ouders_samenvatting, *sheet.ouders_gesprek]


@pytest.mark.parametrize("sheet", all_factsheets(), ids=lambda s: s.slug)
def test_parents_are_addressed_as_u(sheet) -> None:
    for text in _parents_text(sheet):
        outside_quotes = _QUOTED.sub("", text)
        assert not _JE.search(outside_quotes), text
    assert any(_U.search(t) for t in sheet.ouders_gesprek)


@pytest.mark.parametrize("sheet", all_factsheets(), ids=lambda s: s.slug)
def test_help_lines_printed_for_every_audience_do_not_say_je(sheet) -> None:
    for line in sheet.hulp:
        assert not _JE.search(line.toelichting), line.toelichting


@pytest.mark.parametrize("sheet", all_factsheets(), ids=lambda s: s.slug)
def test_youth_texts_avoid_jargon(sheet) -> None:
    text = " ".join(
        [sheet.jongeren_samenvatting, *sheet.jongeren_veiliger, *sheet.noodgeval_jongeren]
    ).lower()
    for word in JARGON:
        assert word not in text or f"({word})" in text, word
