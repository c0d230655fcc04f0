"""Which cells of the prevention matrix and which pillars the plan's actions cover.

The matrix is setting × prevention level (Wat werkt dossier drugs, Trimbos/RIVM 2023, §4.3
and §4.4); the pillars are the RIVM four pillars and the harm-minimisation pillars. Every cell
and pillar is present in the result, with an empty list when no action covers it. Actions
whose setting, level or pillar is empty or unknown are left out. Plain Python, no Qt.
"""

from __future__ import annotations

from drugspreventie_app.domain.intervention import NIVEAUS, PIJLERS, SETTINGS
from drugspreventie_app.domain.plan.model import Actie, Plan
from drugspreventie_app.domain.plan.options import HARM_PIJLERS

UNNAMED = "Actie zonder naam"


def _name(actie: Actie) -> str:
    return actie.naam.strip() or UNNAMED


def plan_coverage(plan: Plan) -> dict[tuple[str, str], list[str]]:
    """(setting id, niveau) → names of the actions in that cell, in plan order."""
    cells: dict[tuple[str, str], list[str]] = {
        (setting, niveau): [] for setting in SETTINGS for niveau in NIVEAUS
    }
    for actie in plan.acties:
        cell = (actie.setting, actie.niveau)
        if cell in cells:
            cells[cell].append(_name(actie))
    return cells


def _by_key(plan: Plan, keys: dict[str, str], attr: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {key: [] for key in keys}
    for actie in plan.acties:
        key = getattr(actie, attr)
        if key in result:
            result[key].append(_name(actie))
    return result


def pillar_coverage(plan: Plan) -> dict[str, list[str]]:
    """RIVM pillar (domain.intervention.PIJLERS key) → names of the actions on it."""
    return _by_key(plan, PIJLERS, "rivm_pijler")


def harm_pillar_coverage(plan: Plan) -> dict[str, list[str]]:
    """Harm-minimisation pillar (options.HARM_PIJLERS key) → names of the actions on it."""
    return _by_key(plan, HARM_PIJLERS, "harm_pijler")
