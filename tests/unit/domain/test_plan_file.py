from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

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
from drugspreventie_app.domain.plan.plan_file import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    PlanFileError,
    parse_plan_file,
    plan_to_file_text,
)
from tests.conftest import REPO_ROOT


def _plan() -> Plan:
    """A plan that uses every kind of field: nested objects, lists, int | None, bool."""
    plan = new_plan("Plan <Zuid> & ‘Noord’ 😀", "Voorbeeld", reikwijdte="drugs", start=2027)
    plan.auteur = "Beleid\tGezondheid"
    plan.inleiding.aanleiding = ["signalen", "anders"]
    plan.inleiding.aanleiding_anders = "Vragen van ouders"
    plan.inleiding.wetten[0].van_toepassing = True
    plan.inleiding.wetten[0].toelichting = "Regel één\nregel twee"
    plan.beleidsfocus.model = "rivm"
    plan.beleidsfocus.speerpunten = ["Later beginnen", "Minder overlast"]
    plan.lokale_situatie.cijfers = [Cijfer(indicator="Lachgas ooit", waarde="7%", jaar="2023")]
    plan.lokale_situatie.stakeholders = [
        Stakeholder(organisatie="Verslavingszorg", domein="zorg", verslavingspreventie=True)
    ]
    plan.lokale_situatie.doelgroepen = ["Ouders"]
    sub1, sub2 = Subdoel(omschrijving="A", streefjaar=2028), Subdoel(omschrijving="B")
    plan.doelen = [Doel(omschrijving="Doel", prioriteit="hoog", subdoelen=[sub1, sub2])]
    plan.acties = [
        Actie(naam="Moti-4", interventie_id="moti-4", niveau="I", leeftijd_van=14,
              leeftijd_tot=24, werkvormen=["ouders"], subdoelen=[sub1.id]),
        Actie(naam="Eigen maatregel", niveau="U", subdoelen=[sub1.id, sub2.id]),
        Actie(naam="Derde", setting="uitgaansleven", niveau="HR", subdoelen=[sub2.id]),
    ]  # fmt: skip
    plan.handhaving = [Handhavingsmaatregel(maatregel="bibob", omschrijving="Toets")]
    plan.evaluatie.indicatoren = ["Meldingen"]
    plan.communicatie.kanalen = "School"
    return plan


PLAN = _plan()


def _data() -> dict[str, Any]:
    return json.loads(plan_to_file_text(PLAN))


def _problems(text: str) -> list[str]:
    with pytest.raises(PlanFileError) as info:
        parse_plan_file(text)
    assert str(info.value).startswith("Het plan is niet geïmporteerd. ")
    return info.value.problems


def test_round_trip_is_equal() -> None:
    text = plan_to_file_text(PLAN)
    assert parse_plan_file(text) == PLAN
    data = json.loads(text)
    assert data["formaat"] == FORMAT and data["versie"] == VERSION
    assert set(data) == {"formaat", "versie", "geexporteerd", "plan"}
    assert "‘Noord’ 😀" in text  # ensure_ascii=False keeps the text readable
    assert f'\n  "versie": {VERSION},' in text  # indent 2


def test_round_trip_of_a_new_plan_and_of_none_values() -> None:
    plan = new_plan("Leeg", "Ergens")
    assert parse_plan_file(plan_to_file_text(plan)) == plan
    assert parse_plan_file(plan_to_file_text(PLAN)).acties[1].leeftijd_van is None


def test_missing_fields_take_the_default() -> None:
    data = _data()
    del data["plan"]["communicatie"]
    del data["plan"]["acties"][0]["budget"]
    plan = parse_plan_file(json.dumps(data))
    assert plan.communicatie.kanalen == "" and plan.acties[0].budget == ""


def test_tab_and_newline_are_allowed() -> None:
    data = _data()
    data["plan"]["titel"] = "Twee\tkolommen\nen regels\r\n"
    assert parse_plan_file(json.dumps(data)).titel.startswith("Twee\tkolommen\n")


def test_control_characters_and_lone_surrogates_pass_the_text_rule_as_if_typed() -> None:
    from drugspreventie_app.domain.text_policy import TextChanges

    data = _data()
    data["plan"]["titel"] = "Plan\x07 \ud800"
    data["plan"]["evaluatie"]["indicatoren"] = ["a\x00b"]
    changes = TextChanges()
    plan = parse_plan_file(json.dumps(data), changes)  # escaped, as a colleague's file has it
    assert plan.titel == "Plan \ufffd"
    assert plan.evaluatie.indicatoren == ["ab"]
    assert changes.message() == (
        "2 onzichtbare stuurtekens verwijderd en 1 onleesbaar teken vervangen door \ufffd."
    )
    # and the plan file it exports imports again
    assert parse_plan_file(plan_to_file_text(plan)) == plan


Mutation = Callable[[dict[str, Any]], Any]


def _set(path: str, value: Any) -> Mutation:
    """Set a value by a dotted path with [i] indices, e.g. 'plan.acties[0].niveau'."""

    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        parts = path.replace("[", ".").replace("]", "").split(".")
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _dup_actie(data: dict[str, Any]) -> None:
    data["plan"]["acties"][1]["id"] = data["plan"]["acties"][0]["id"]


def _dup_across(data: dict[str, Any]) -> None:
    situatie = data["plan"]["lokale_situatie"]
    situatie["stakeholders"][0]["id"] = situatie["cijfers"][0]["id"]


def _dup_subdoel(data: dict[str, Any]) -> None:
    doel = data["plan"]["doelen"][0]
    doel["subdoelen"][1]["id"] = doel["id"]


# (mutation of the valid file data, text the problem must contain)
BAD_PLANS: dict[str, tuple[Mutation, str]] = {
    "tekst waar een getal hoort": (
        _set("plan.periode_start", "2026"),
        "plan.periode_start: verwacht een geheel getal, gevonden tekst",
    ),
    "lijst waar tekst hoort": (
        _set("plan.titel", ["a"]),
        "plan.titel: verwacht tekst, gevonden een lijst",
    ),
    "kommagetal": (
        _set("plan.doelen[0].subdoelen[0].streefjaar", 2028.5),
        "plan.doelen[0].subdoelen[0].streefjaar: verwacht een geheel getal of leeg (null), "
        "gevonden een kommagetal",
    ),
    "waar/onwaar als getal": (
        _set("plan.periode_eind", True),
        "plan.periode_eind: verwacht een geheel getal, gevonden waar/onwaar",
    ),
    "tekst waar waar/onwaar hoort": (
        _set("plan.lokale_situatie.stakeholders[0].verslavingspreventie", "ja"),
        "plan.lokale_situatie.stakeholders[0].verslavingspreventie: verwacht waar of onwaar",
    ),
    "object waar een lijst hoort": (
        _set("plan.acties", {}),
        "plan.acties: verwacht een lijst met objecten, gevonden een object",
    ),
    "tekst waar een object hoort": (
        _set("plan.acties[1]", "actie"),
        "plan.acties[1]: verwacht een object, gevonden tekst",
    ),
    "getal in een tekstlijst": (
        _set("plan.beleidsfocus.speerpunten[1]", 7),
        "plan.beleidsfocus.speerpunten[1]: verwacht tekst, gevonden een geheel getal",
    ),
    "null waar een object hoort": (
        _set("plan.evaluatie", None),
        "plan.evaluatie: verwacht een object, gevonden leeg (null)",
    ),
    "enorme tekst": (
        _set("plan.beleidsfocus.visie", "x" * 200_000),
        "plan.beleidsfocus.visie: tekst te lang (200000 tekens; maximaal 100000)",
    ),
    "te veel items": (
        _set("plan.beleidsfocus.speerpunten", ["punt"] * 1001),
        "plan.beleidsfocus.speerpunten: te veel items (1001; maximaal 1000)",
    ),
    "onbekend veld": (
        _set("plan.acties[2].budgett", "€ 100"),
        "plan.acties[2].budgett: onbekend veld",
    ),
    "onbekend veld bovenaan": (_set("extra", 1), "extra: onbekend veld"),
    "onbekend veld in het plan": (_set("plan.geheim", "x"), "plan.geheim: onbekend veld"),
    "dubbele id": (
        _dup_actie,
        "plan.acties[1].id: dezelfde id als plan.acties[0].id",
    ),
    "dubbele id tussen lijsten": (
        _dup_across,
        "plan.lokale_situatie.stakeholders[0].id: dezelfde id als "
        "plan.lokale_situatie.cijfers[0].id",
    ),
    "subdoel met de id van een doel": (
        _dup_subdoel,
        "plan.doelen[0].subdoelen[1].id: dezelfde id als plan.doelen[0].id",
    ),
    "lege id": (_set("plan.acties[0].id", "  "), "plan.acties[0].id: de id is leeg"),
    "verwijzing naar een onbekend subdoel": (
        _set("plan.acties[0].subdoelen", ["bestaat-niet"]),
        "plan.acties[0].subdoelen[0]: verwijst naar subdoel 'bestaat-niet', dat niet in het "
        "plan staat",
    ),
    "onbekend niveau": (
        _set("plan.acties[0].niveau", "X"),
        "plan.acties[0].niveau: onbekende waarde 'X' (toegestaan: U, S, I, Z, HR of leeg)",
    ),
    "onbekende reikwijdte": (
        _set("plan.reikwijdte", "tabak"),
        "plan.reikwijdte: onbekende waarde 'tabak' (toegestaan: alcohol, drugs, beide)",
    ),
    "lege reikwijdte": (_set("plan.reikwijdte", ""), "plan.reikwijdte: onbekende waarde ''"),
    "onbekende status": (_set("plan.status", "klaar"), "plan.status: onbekende waarde 'klaar'"),
    "onbekend model": (
        _set("plan.beleidsfocus.model", "eigen"),
        "plan.beleidsfocus.model: onbekende waarde 'eigen'",
    ),
    "onbekende aanleiding": (
        _set("plan.inleiding.aanleiding[0]", "ruzie"),
        "plan.inleiding.aanleiding[0]: onbekende waarde 'ruzie'",
    ),
    "onbekend domein": (
        _set("plan.lokale_situatie.stakeholders[0].domein", ""),
        "plan.lokale_situatie.stakeholders[0].domein: onbekende waarde ''",
    ),
    "onbekende prioriteit": (
        _set("plan.doelen[0].prioriteit", "urgent"),
        "plan.doelen[0].prioriteit: onbekende waarde 'urgent'",
    ),
    "onbekende setting": (
        _set("plan.acties[0].setting", "kroeg"),
        "plan.acties[0].setting: onbekende waarde 'kroeg'",
    ),
    "onbekende harm-pijler": (
        _set("plan.acties[0].harm_pijler", "x"),
        "plan.acties[0].harm_pijler: onbekende waarde 'x'",
    ),
    "onbekende rivm-pijler": (
        _set("plan.acties[0].rivm_pijler", "x"),
        "plan.acties[0].rivm_pijler: onbekende waarde 'x'",
    ),
    "onbekend component": (
        _set("plan.acties[0].component", "x"),
        "plan.acties[0].component: onbekende waarde 'x'",
    ),
    "onbekende werkvorm": (
        _set("plan.acties[0].werkvormen", ["ouders", "massamedia"]),
        "plan.acties[0].werkvormen[1]: onbekende waarde 'massamedia'",
    ),
    "onbekende maatregel": (
        _set("plan.handhaving[0].maatregel", "boete"),
        "plan.handhaving[0].maatregel: onbekende waarde 'boete'",
    ),
    "onwaarschijnlijk jaar": (
        _set("plan.periode_start", 1850),
        "plan.periode_start: 1850 is geen jaartal tussen 1990 en 2100",
    ),
    "onwaarschijnlijk streefjaar": (
        _set("plan.doelen[0].subdoelen[0].streefjaar", 20280),
        "plan.doelen[0].subdoelen[0].streefjaar: 20280 is geen jaartal",
    ),
    "eind voor begin": (
        _set("plan.periode_eind", 2020),
        "plan.periode_eind: 2020 ligt vóór het beginjaar 2027",
    ),
    "onmogelijke leeftijd": (
        _set("plan.acties[0].leeftijd_van", -3),
        "plan.acties[0].leeftijd_van: -3 is geen leeftijd tussen 0 en 120",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_PLANS))
def test_malformed_plan_is_rejected_with_a_precise_message(kind: str) -> None:
    mutate, expected = BAD_PLANS[kind]
    data = _data()
    mutate(data)
    problems = _problems(json.dumps(data, ensure_ascii=False))
    assert any(expected in p for p in problems), problems


BAD_FILES: dict[str, tuple[Callable[[str], str], str]] = {
    "afgekapt": (lambda t: t[: len(t) // 2], "Het bestand is geen geldige JSON (regel "),
    "geen json": (lambda t: "dit is geen json", "geen geldige JSON (regel 1, kolom 1)"),
    "leeg": (lambda t: "", "geen geldige JSON"),
    "lijst": (lambda t: "[]", "Dit is geen planbestand van de Drugspreventie Werkbank."),
    "ander formaat": (
        lambda t: t.replace(FORMAT, "iets-anders"),
        "geen planbestand van de Drugspreventie Werkbank (formaat 'iets-anders'",
    ),
    "eigen interventies": (
        lambda t: json.dumps({"formaat": "drugspreventie-werkbank/lokale-interventies"}),
        "bestand met eigen interventies",
    ),
    "nieuwere versie": (
        lambda t: t.replace(f'"versie": {VERSION}', f'"versie": {VERSION + 1}'),
        f"Dit planbestand heeft versie {VERSION + 1} en is gemaakt met een nieuwere Werkbank",
    ),
    "versie als tekst": (
        lambda t: t.replace(f'"versie": {VERSION}', '"versie": "1"'),
        "onbekende versie (1)",
    ),
    "geen plan": (
        lambda t: json.dumps({"formaat": FORMAT, "versie": 1}),
        "Het bestand bevat geen plan",
    ),
    "plan is geen object": (
        lambda t: json.dumps({"formaat": FORMAT, "versie": 1, "plan": []}),
        "plan: verwacht een object, gevonden een lijst",
    ),
    "dubbele sleutel": (
        lambda t: t.replace('"titel":', '"titel": "x", "titel":', 1),
        "sleutel twee keer in hetzelfde object ('titel')",
    ),
    "NaN": (lambda t: t.replace('"periode_start": 2027', '"periode_start": NaN'), "'NaN'"),
    "te diep genest": (lambda t: "[" * 100_000 + "]" * 100_000, "te diep genest"),
    "te groot": (lambda t: t + " " * MAX_FILE_BYTES, "Het bestand is te groot"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_malformed_file_is_rejected_with_a_precise_message(kind: str) -> None:
    make, expected = BAD_FILES[kind]
    problems = _problems(make(plan_to_file_text(PLAN)))
    assert any(expected in p for p in problems), problems


def test_every_problem_is_named_and_the_message_is_capped() -> None:
    data = _data()
    data["plan"]["acties"] = [
        {**data["plan"]["acties"][0], "niveau": "X", "id": f"a{i}"} for i in range(20)
    ]
    data["plan"]["status"] = "klaar"
    with pytest.raises(PlanFileError) as info:
        parse_plan_file(json.dumps(data))
    assert len(info.value.problems) == 21
    lines = str(info.value).splitlines()
    assert lines[0] == "Het plan is niet geïmporteerd. Er zijn 21 problemen in het bestand:"
    assert len(lines) == 1 + 15 + 1
    assert lines[-1] == "… en nog 6 problemen."


def test_single_problem_message() -> None:
    with pytest.raises(PlanFileError) as info:
        parse_plan_file('{"formaat": ')
    assert str(info.value) == (
        "Het plan is niet geïmporteerd. Het bestand is geen geldige JSON (regel 1, kolom 13)."
    )


def test_byte_order_mark_is_accepted() -> None:
    assert parse_plan_file("\ufeff" + plan_to_file_text(PLAN)) == PLAN


# -- version 2: the plan cycle ---------------------------------------------------------------


def _cycle_plan():
    from drugspreventie_app.domain.plan.model import ActieStatus, Meting

    plan = Plan.from_dict(PLAN.to_dict())
    sub = plan.all_subdoelen()[0]
    sub.metingen = [
        Meting(jaar=2027, waarde="34%", datum="2027-11", bron="GGD", doelgroep="klas 4"),
        Meting(jaar=2028, waarde="", bron="GGD", toelichting="tweejaarlijkse monitor"),
    ]
    plan.acties[0].voortgang = [
        ActieStatus(jaar=2027, status="loopt", bereik=540, bereik_eenheid="leerlingen"),
        ActieStatus(jaar=2028, status="niet_gestart", toelichting="uitgesteld", uitgegeven=0),
    ]
    return plan


def test_measurements_and_statuses_travel_in_the_plan_file() -> None:
    plan = _cycle_plan()
    text = plan_to_file_text(plan)
    assert json.loads(text)["versie"] == VERSION == 2
    back = parse_plan_file(text)
    assert back == plan
    assert back.all_subdoelen()[0].metingen[0].waarde == "34%"
    assert back.acties[0].voortgang[1].status == "niet_gestart"


def test_a_real_version_1_file_still_imports() -> None:
    text = (REPO_ROOT / "tests" / "data" / "plan-versie-1.json").read_text(encoding="utf-8")
    assert json.loads(text)["versie"] == 1
    plan = parse_plan_file(text)
    assert plan.gemeente == "Gemeente Voorbeeld" and len(plan.acties) == 9
    assert all(s.metingen == [] for s in plan.all_subdoelen())
    assert all(a.voortgang == [] for a in plan.acties)


def test_a_newer_version_is_refused_in_dutch() -> None:
    data = json.loads(plan_to_file_text(_cycle_plan()))
    data["versie"] = VERSION + 1
    problems = _problems(json.dumps(data))
    assert problems == [
        f"Dit planbestand heeft versie {VERSION + 1} en is gemaakt met een nieuwere Werkbank; "
        f"deze Werkbank leest versie {VERSION}. Werk de Werkbank bij en probeer het opnieuw."
    ]


def test_bad_cycle_values_are_named_with_their_place() -> None:
    data = json.loads(plan_to_file_text(_cycle_plan()))
    raw = data["plan"]
    raw["acties"][0]["voortgang"][0]["status"] = "bijna klaar"
    raw["acties"][0]["voortgang"][1]["uitgegeven"] = -5
    raw["doelen"][0]["subdoelen"][0]["metingen"][0]["jaar"] = 3027
    raw["doelen"][0]["subdoelen"][0]["metingen"][1]["waarde"] = 34
    problems = _problems(json.dumps(data))
    assert any(
        p.startswith("plan.acties[0].voortgang[0].status: onbekende waarde 'bijna klaar'")
        for p in problems
    )
    assert "plan.acties[0].voortgang[1].uitgegeven: -5 is negatief; verwacht 0 of meer" in problems
    assert (
        "plan.doelen[0].subdoelen[0].metingen[0].jaar: 3027 is geen jaartal tussen 1990 en 2100"
        in problems
    )
    assert (
        "plan.doelen[0].subdoelen[0].metingen[1].waarde: verwacht tekst, gevonden een geheel getal"
        in problems
    )


def test_control_characters_are_removed_on_import_not_refused() -> None:
    """The text rule (issue 10) cleans a plan file as if it had been typed."""
    data = _data()
    data["plan"]["titel"] = "Plan\x07"
    data["plan"]["evaluatie"]["indicatoren"] = ["a\x00b"]
    plan = parse_plan_file(json.dumps(data))
    assert plan.titel == "Plan" and plan.evaluatie.indicatoren == ["ab"]
