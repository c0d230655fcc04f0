"""Plain texts about a plan that the PDF and the Word export both print: labels, dates,
statuses, ages, planning, numbering of subdoelen and the interventions the plan uses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from drugspreventie_app.domain.intervention import (
    NIVEAUS,
    PIJLERS,
    SETTINGS,
    WERKVORMEN,
    Intervention,
)
from drugspreventie_app.domain.plan.model import Actie, Plan
from drugspreventie_app.domain.plan.options import COMPONENTEN, HARM_PIJLERS, STATUS
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID, SECTIONS
from drugspreventie_app.domain.text import age_range_text, labels_in_order


def label(names: Mapping[str, str], key: str) -> str:
    return names.get(key, key)


def labels(keys: Sequence[str], names: Mapping[str, str]) -> str:
    return labels_in_order(keys, names)


def date_text(iso: str) -> str:
    try:
        return date.fromisoformat(iso.strip()[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return iso.strip()


def status_text(plan: Plan) -> str:
    if plan.status == "vastgesteld":
        day = date_text(plan.vastgesteld_op) if plan.vastgesteld_op.strip() else ""
        return f"Vastgesteld op {day}" if day else "Vastgesteld"
    return label(STATUS, plan.status)


def age_text(van: int | None, tot: int | None) -> str:
    return age_range_text(van, tot, unbounded="")


def planning(actie: Actie) -> str:
    start, eind = actie.start.strip(), actie.eind.strip()
    if start and eind:
        return f"{start} – {eind}"
    return start or (f"tot {eind}" if eind else "")


def action_name(actie: Actie) -> str:
    return actie.naam.strip() or "(actie zonder naam)"


def subdoel_numbers(plan: Plan) -> dict[str, str]:
    """'1.2' for the second subdoel of the first doel, keyed by subdoel id."""
    return {
        sub.id: f"{d}.{s}"
        for d, doel in enumerate(plan.doelen, 1)
        for s, sub in enumerate(doel.subdoelen, 1)
    }


def served_subdoelen(actie: Actie, plan: Plan, numbers: Mapping[str, str]) -> list[str]:
    out = []
    for sub_id in actie.subdoelen:
        sub = plan.subdoel_by_id(sub_id)
        if sub is not None:
            out.append(f"{numbers[sub.id]} {sub.omschrijving.strip()}")
    return out


def action_fields(actie: Actie, plan: Plan, numbers: Mapping[str, str]) -> list[tuple[str, str]]:
    """The labelled details of one action, in the order both exports print them."""

    def named(names: Mapping[str, str], key: str) -> str:
        return label(names, key) if key else ""

    return [
        ("Niveau", named(NIVEAUS, actie.niveau)),
        ("Setting", named(SETTINGS, actie.setting)),
        ("Doelgroep", actie.doelgroep),
        ("Leeftijd", age_text(actie.leeftijd_van, actie.leeftijd_tot)),
        ("Pijler (RIVM)", named(PIJLERS, actie.rivm_pijler)),
        ("Pijler (harm-minimisation)", named(HARM_PIJLERS, actie.harm_pijler)),
        ("Component", named(COMPONENTEN, actie.component)),
        ("Werkvormen", ", ".join(label(WERKVORMEN, w) for w in actie.werkvormen)),
        ("Uitvoerder", actie.uitvoerder),
        ("Partners", actie.partners),
        ("Planning", planning(actie)),
        ("Budget", actie.budget),
        ("Dient subdoelen", "; ".join(served_subdoelen(actie, plan, numbers))),
        ("Terugkoppeling", actie.terugkoppeling),
    ]


def section_rank(section: Any) -> int:
    if isinstance(section, str) and section in SECTION_BY_ID:
        return SECTION_BY_ID[section].number
    return section if isinstance(section, int) else 99


def section_name(section: Any) -> str:
    if isinstance(section, str) and section in SECTION_BY_ID:
        found = SECTION_BY_ID[section]
    elif isinstance(section, int):
        match = next((x for x in SECTIONS if x.number == section), None)
        if match is None:
            return str(section)
        found = match
    else:
        return str(section or "").strip()
    return "Algemeen" if found.number == 0 else f"{found.number} {found.title}"


def chosen_interventions(
    plan: Plan, interventions: Mapping[str, Intervention]
) -> list[tuple[Intervention, list[str]]]:
    """The interventions the actions use, in order of first use, each with its actions."""
    found: dict[str, tuple[Intervention, list[str]]] = {}
    for actie in plan.acties:
        item = interventions.get(actie.interventie_id or "")
        if item is not None:
            found.setdefault(item.id, (item, []))[1].append(action_name(actie))
    return list(found.values())
