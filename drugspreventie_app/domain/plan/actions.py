"""Turning a catalogue (or local) intervention into a plan action."""

from __future__ import annotations

from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.plan.model import Actie

# Which integral component an intervention most likely serves, by its RIVM pillar.
_COMPONENT_BY_PILLAR = {
    "voorlichting_educatie": "voorlichting",
    "signalering_advies_ondersteuning": "vroegsignalering",
    "fysieke_sociale_omgeving": "fysieke_omgeving",
    "regelgeving_handhaving": "regelgeving",
}


def action_from_intervention(item: Intervention) -> Actie:
    """A new action pre-filled from the catalogue: the user then adds who, when and budget."""
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
        niveau=item.niveaus[0] if item.niveaus else "",
        setting=item.settings[0] if item.settings else "",
        doelgroep=item.doelgroep,
        leeftijd_van=item.leeftijd_van,
        leeftijd_tot=item.leeftijd_tot,
        werkvormen=list(item.werkvormen),
        uitvoerder=item.aanbieder or "",
    )
