from __future__ import annotations

from drugspreventie_app.domain.intervention import NIVEAUS, PIJLERS, SETTINGS
from drugspreventie_app.domain.plan.coverage import (
    UNNAMED,
    harm_pillar_coverage,
    pillar_coverage,
    plan_coverage,
)
from drugspreventie_app.domain.plan.model import Actie, Plan
from drugspreventie_app.domain.plan.options import HARM_PIJLERS


def plan_with(*acties: Actie) -> Plan:
    return Plan(acties=list(acties))


def test_empty_plan_has_every_cell_empty() -> None:
    cells = plan_coverage(Plan())
    assert set(cells) == {(s, n) for s in SETTINGS for n in NIVEAUS}
    assert len(cells) == len(SETTINGS) * len(NIVEAUS)
    assert all(names == [] for names in cells.values())


def test_actions_land_in_their_cell_in_plan_order() -> None:
    plan = plan_with(
        Actie(naam="Helder op School", setting="voortgezet_onderwijs", niveau="U"),
        Actie(naam="Moti-4", setting="zorg_sociaal_domein", niveau="I"),
        Actie(naam="Samen Fris", setting="voortgezet_onderwijs", niveau="U"),
        Actie(naam="Unity", setting="uitgaansleven", niveau="HR"),
    )
    cells = plan_coverage(plan)
    assert cells[("voortgezet_onderwijs", "U")] == ["Helder op School", "Samen Fris"]
    assert cells[("zorg_sociaal_domein", "I")] == ["Moti-4"]
    assert cells[("uitgaansleven", "HR")] == ["Unity"]
    assert sum(len(names) for names in cells.values()) == 4


def test_actions_without_or_with_unknown_cell_are_left_out() -> None:
    plan = plan_with(
        Actie(naam="Zonder setting", niveau="U"),
        Actie(naam="Zonder niveau", setting="gezin"),
        Actie(naam="Onbekend", setting="maan", niveau="U"),
    )
    cells = plan_coverage(plan)
    assert all(names == [] for names in cells.values())


def test_unnamed_action_gets_a_placeholder() -> None:
    cells = plan_coverage(plan_with(Actie(naam="  ", setting="gezin", niveau="U")))
    assert cells[("gezin", "U")] == [UNNAMED]


def test_pillar_coverage() -> None:
    plan = plan_with(
        Actie(naam="Lessen", rivm_pijler="voorlichting_educatie", harm_pijler="vraagbeperking"),
        Actie(naam="APV", rivm_pijler="regelgeving_handhaving", harm_pijler="aanbodbeperking"),
        Actie(naam="Testservice", harm_pijler="harm_reduction"),
        Actie(naam="Ouderavond", rivm_pijler="voorlichting_educatie"),
        Actie(naam="Onbekend", rivm_pijler="iets", harm_pijler="iets"),
    )
    pillars = pillar_coverage(plan)
    assert list(pillars) == list(PIJLERS)
    assert pillars["voorlichting_educatie"] == ["Lessen", "Ouderavond"]
    assert pillars["regelgeving_handhaving"] == ["APV"]
    assert pillars["signalering_advies_ondersteuning"] == []
    assert pillars["fysieke_sociale_omgeving"] == []

    harm = harm_pillar_coverage(plan)
    assert list(harm) == list(HARM_PIJLERS)
    assert harm == {
        "vraagbeperking": ["Lessen"],
        "aanbodbeperking": ["APV"],
        "harm_reduction": ["Testservice"],
    }


def test_empty_plan_pillars_are_empty() -> None:
    assert all(v == [] for v in pillar_coverage(Plan()).values())
    assert all(v == [] for v in harm_pillar_coverage(Plan()).values())


def test_results_are_fresh_lists() -> None:
    plan = plan_with(
        Actie(naam="A", setting="gezin", niveau="U", rivm_pijler="voorlichting_educatie")
    )
    plan_coverage(plan)[("gezin", "U")].append("B")
    pillar_coverage(plan)["voorlichting_educatie"].append("B")
    assert plan_coverage(plan)[("gezin", "U")] == ["A"]
    assert pillar_coverage(plan)["voorlichting_educatie"] == ["A"]
