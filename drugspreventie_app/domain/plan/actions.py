"""Turning a catalogue (or local) intervention into a plan action."""

from __future__ import annotations

from collections.abc import Collection

from drugspreventie_app.domain.age_range import AgeRange
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.plan.model import Actie

# Which integral component an intervention most likely serves, by its RIVM pillar.
_COMPONENT_BY_PILLAR = {
    "voorlichting_educatie": "voorlichting",
    "signalering_advies_ondersteuning": "vroegsignalering",
    "fysieke_sociale_omgeving": "fysieke_omgeving",
    "regelgeving_handhaving": "regelgeving",
}


def _first_chosen(values: tuple[str, ...], chosen: Collection[str]) -> str:
    """The first of the intervention's values the user filtered on, else its first value."""
    return next((v for v in values if v in chosen), values[0] if values else "")


def _ages_for(item: Intervention, ages: AgeRange | None) -> tuple[int | None, int | None]:
    """The filtered ages within the intervention's own range (Moti-4 for 13-15-year-olds
    gets 13-15, not its whole range); without a (fitting) filter, its own range."""
    if ages is None or not item.fits_ages(ages):
        return item.leeftijd_van, item.leeftijd_tot
    low = ages.van if item.leeftijd_van is None else max(ages.van, item.leeftijd_van)
    high = ages.tot if item.leeftijd_tot is None else min(ages.tot, item.leeftijd_tot)
    return low, high


def action_from_intervention(
    item: Intervention,
    settings: Collection[str] = (),
    ages: AgeRange | None = None,
    niveaus: Collection[str] = (),
) -> Actie:
    """A new action pre-filled from the catalogue: the user then adds who, when and budget.

    `settings`, `ages` and `niveaus` are what the user filtered on in the finder: the action
    takes those (where the intervention has them) instead of the intervention's first setting
    (regression: Moti-4 landed under 'Zorg en sociaal domein' for a secondary-school search).
    """
    low, high = _ages_for(item, ages)
    pillar = item.pijlers[0] if item.pijlers else ""
    component = _COMPONENT_BY_PILLAR.get(pillar, "")
    if "training_professionals" in item.werkvormen:
        component = "deskundigheidsbevordering"
    elif "beleid" in item.werkvormen:
        component = "beleid"
    return Actie(
        naam=item.naam,
        interventie_id=item.id,
        beschrijving=item.beschrijving,
        harm_pijler="harm_reduction" if "HR" in item.niveaus else "vraagbeperking",
        rivm_pijler=pillar,
        component=component,
        niveau=_first_chosen(item.niveaus, niveaus),
        setting=_first_chosen(item.settings, settings),
        doelgroep=item.doelgroep,
        leeftijd_van=low,
        leeftijd_tot=high,
        werkvormen=list(item.werkvormen),
        uitvoerder=item.aanbieder or "",
    )
