from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from drugspreventie_app.content.factsheets import all_factsheets, factsheet_by_slug
from drugspreventie_app.domain.factsheet import add_months
from drugspreventie_app.domain.factsheet_search import search_factsheets


def first(query: str, werkingen=()) -> str | None:
    found = search_factsheets(all_factsheets(), query, werkingen)
    return found[0].slug if found else None


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("cocaine", "cocaine"),
        ("COCAÏNE", "cocaine"),
        ("poes", "3-mmc"),
        ("miauw", "3-mmc"),
        ("3m", "3-mmc"),
        ("3 MMC", "3-mmc"),
        ("mefedron", "4-mmc"),
        ("speed", "amfetamine"),
        ("xtc", "ecstasy"),
        ("extasy", "ecstasy"),  # typo
        ("ketamien", "ketamine"),  # typo
        ("heroine", "heroine"),
        ("synthetische cannabinoiden", "synthetische-cannabinoiden"),
    ],
)
def test_finds_by_name_street_name_and_small_typos(query: str, slug: str) -> None:
    assert first(query) == slug


def test_stofgroep_finds_all_cathinones() -> None:
    found = {s.slug for s in search_factsheets(all_factsheets(), "cathinon")}
    assert {"3-mmc", "3-cmc", "2-mmc", "4-mmc"} <= found


def test_empty_query_lists_everything_alphabetically() -> None:
    found = search_factsheets(all_factsheets(), "   ")
    assert len(found) == 18
    names = [s.naam.casefold() for s in found]
    assert names == sorted(names)


def test_werking_filter() -> None:
    stim = search_factsheets(all_factsheets(), "", ["stimulerend"])
    assert stim and all("stimulerend" in s.werking for s in stim)
    assert "ghb" not in {s.slug for s in stim}
    assert first("poes", ["verdovend"]) is None


def test_nonsense_finds_nothing() -> None:
    assert search_factsheets(all_factsheets(), "qqqzzz") == []


def test_outdated_after_twelve_months() -> None:
    sheet = replace(factsheet_by_slug("3-mmc"), peildatum=date(2025, 1, 31))
    assert not sheet.is_outdated(date(2026, 1, 31))
    assert sheet.is_outdated(date(2026, 2, 1))
    notice = sheet.outdated_notice(date(2026, 6, 1))
    assert notice and "31-01-2025" in notice and "twaalf maanden" in notice
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("query", "slug"),
    [("kokaine", "cocaine"), ("kokain", "cocaine"), ("extacy", "ecstasy"),
     ("ecstacy", "ecstasy"), ("amfetamien", "amfetamine"), ("kristal", "crystal-meth")],
)  # fmt: skip
def test_spelling_by_ear_finds_the_substance(query: str, slug: str) -> None:
    assert first(query) == slug


@pytest.mark.parametrize(
    ("query", "slug", "not_found"),
    [("wiet", "cannabis", "cocaine"), ("mdma", "ecstasy", "synthetische-cannabinoiden")],
)
def test_a_real_hit_drops_typo_guesses(query: str, slug: str, not_found: str) -> None:
    found = [s.slug for s in search_factsheets(all_factsheets(), query)]
    assert found[0] == slug
    assert not_found not in found
