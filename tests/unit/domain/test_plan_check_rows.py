"""Regressions of the plan check: typed years, empty table rows, the summary's Dutch."""

from __future__ import annotations

import pytest

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.domain.plan.check import (
    Finding,
    check_plan,
    is_year_text,
    summary_text,
)
from drugspreventie_app.domain.plan.model import (
    Cijfer,
    Doel,
    Handhavingsmaatregel,
    Plan,
    Stakeholder,
    Subdoel,
)


def keys(plan: Plan) -> list[str]:
    return [f.key for f in check_plan(plan)]


@pytest.fixture
def plan() -> Plan:
    """The shipped example plan passes every rule above 'tip'."""
    return example_plan()


@pytest.mark.parametrize("text", ["2023", "2022-2023", "2022/23", " 2024 ", "2022 – 2023"])
def test_years_in_figures(text: str) -> None:
    assert is_year_text(text)


@pytest.mark.parametrize("text", ["twintig", "23", "20233", "2023-2021", "1850", "vorig jaar"])
def test_not_years(text: str) -> None:
    assert not is_year_text(text)


def test_a_year_in_words_is_flagged(plan: Plan) -> None:
    """Regression: the check accepted 'twintig' as a year."""
    assert "cijfer_jaar_ongeldig" not in keys(plan)
    plan.lokale_situatie.cijfers[0].jaar = "twintig"
    found = [f for f in check_plan(plan) if f.key == "cijfer_jaar_ongeldig"]
    assert len(found) == 1 and "‘twintig’" in found[0].text


def test_one_empty_enforcement_row_does_not_fill_the_chapter(plan: Plan) -> None:
    """Regression: one empty row cleared 'Het hoofdstuk handhaving is leeg'."""
    plan.handhaving = [Handhavingsmaatregel()]
    found = keys(plan)
    assert "geen_handhaving" in found and "lege_regel" in found
    plan.handhaving[0].omschrijving = "Controle leeftijdsgrens in sportkantines"
    assert "geen_handhaving" not in keys(plan) and "lege_regel" not in keys(plan)


def test_empty_goal_rows_are_flagged_and_do_not_count(plan: Plan) -> None:
    plan.doelen.append(Doel())
    found = [f for f in check_plan(plan) if f.key == "lege_regel"]
    assert [f.section for f in found] == ["doelen"]
    assert "doel_zonder_subdoelen" not in keys(plan)
    plan.doelen[0].subdoelen.append(Subdoel())
    assert sum(k == "lege_regel" for k in keys(plan)) == 2

    only_empty = example_plan()
    only_empty.doelen = [Doel()]
    only_empty.reikwijdte = "alcohol"
    assert "alcoholwet_doelstellingen" in keys(only_empty)


def test_empty_stakeholder_rows_are_flagged(plan: Plan) -> None:
    plan.lokale_situatie.stakeholders.append(Stakeholder())
    assert "lege_regel" in keys(plan)
    plan.lokale_situatie.stakeholders[-1].huidige_rol = "voert lessen uit"
    assert "stakeholder_zonder_naam" in keys(plan)


def test_an_unnamed_row_is_no_addiction_care_partner(plan: Plan) -> None:
    plan.lokale_situatie.stakeholders = [Stakeholder(verslavingspreventie=True)]
    assert "geen_verslavingszorg" in keys(plan)


def test_an_empty_figure_row_is_flagged_once(plan: Plan) -> None:
    plan.lokale_situatie.cijfers.append(Cijfer())
    found = [f for f in check_plan(plan) if f.item_id == plan.lokale_situatie.cijfers[-1].id]
    assert [f.key for f in found] == ["lege_regel"]


def _findings(*severities: str) -> list[Finding]:
    return [Finding("k", s, "algemeen", "t", "b") for s in severities]


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ((), "Geen bevindingen: het plan voldoet aan alle controles."),
        (("waarschuwing",), "1 waarschuwing"),
        (("fout", "fout", "waarschuwing", "tip"), "2 fouten, 1 waarschuwing en 1 tip"),
        (("tip", "tip"), "2 tips"),
    ],
)
def test_summary_counts_in_dutch(severities, expected) -> None:
    """Regression: '0 fouten, 1 waarschuwingen'."""
    assert summary_text(_findings(*severities)) == expected
