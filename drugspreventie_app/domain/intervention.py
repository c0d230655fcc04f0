"""Prevention interventions: the shipped catalogue and the user's own local entries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from drugspreventie_app.domain.age_range import AgeRange
from drugspreventie_app.domain.text import age_range_text, has_control_characters

# Ordered as the product shows them; the keys are the ids stored in data and plans.
SETTINGS: dict[str, str] = {
    "gezin": "Gezin",
    "basisonderwijs": "Basisonderwijs",
    "voortgezet_onderwijs": "Voortgezet onderwijs",
    "mbo": "Mbo",
    "hoger_onderwijs": "Hoger onderwijs",
    "werk": "Werk",
    "gemeenschap": "Gemeenschap en wijk",
    "uitgaansleven": "Uitgaansleven",
    "zorg_sociaal_domein": "Zorg en sociaal domein",
    "media": "Media",
}
NIVEAUS: dict[str, str] = {
    "U": "Universeel",
    "S": "Selectief",
    "I": "Geïndiceerd",
    "Z": "Zorggerelateerd",
    "HR": "Harm reduction",
}
NIET_IN_DATABANK = "Niet in een databank, wel uitgevoerd in Nederland"
# For catalogue entries whose sources state no databank status at all: saying "not in a
# databank" would claim something no source says.
GEEN_ERKENNING_IN_BRONNEN = "Geen erkenning genoemd in de bronnen"
# Strongest evidence first; the registries' own wording.
ERKENNINGEN: tuple[str, ...] = (
    "Sterke aanwijzingen voor effectiviteit",
    "Goede aanwijzingen voor effectiviteit",
    "Eerste aanwijzingen voor effectiviteit",
    "Goed onderbouwd",
    "Goed beschreven",
    NIET_IN_DATABANK,
    "Niet erkend",
    GEEN_ERKENNING_IN_BRONNEN,
)
PIJLERS: dict[str, str] = {
    "voorlichting_educatie": "Voorlichting en educatie",
    "signalering_advies_ondersteuning": "Signalering, advies en ondersteuning",
    "fysieke_sociale_omgeving": "Fysieke en sociale omgeving",
    "regelgeving_handhaving": "Regelgeving en handhaving",
}
MIDDELEN: dict[str, str] = {
    "alcohol": "Alcohol",
    "tabak": "Tabak",
    "cannabis": "Cannabis",
    "drugs_algemeen": "Drugs algemeen",
    "lachgas": "Lachgas",
    "ghb": "GHB",
    "cocaine": "Cocaïne",
    "xtc": "Ecstasy",
    "3mmc": "3-MMC",
    "gokken": "Gokken",
    "gamen": "Gamen",
}
WERKVORMEN: dict[str, str] = {
    "peer_educatie": "Peer-educatie",
    # The Richtlijnen advise against police officers teaching 12-13-year-olds, not against the
    # police as a partner in a school approach; the label says which one this is.
    "politie": "Politie geeft voorlichting in de klas",
    "weerbaarheid_sociale_beinvloeding": "Weerbaarheid tegen sociale beïnvloeding",
    "waarschuwend": "Waarschuwende benadering",
    "klassikale_voorlichting": "Klassikale voorlichting",
    "massamediaal": "Massamediale campagne",
    "ouders": "Ouders betrekken",
    "digitaal": "Digitaal",
    "training_professionals": "Training professionals",
    "beleid": "Beleid",
    "testen": "Testen",
    "eerste_hulp": "Eerste hulp",
}

MAX_TEXT = 2000
MAX_NAME = 200


def strength(erkenning: str) -> int:
    """0 for the strongest evidence; unknown wording sorts last."""
    try:
        return ERKENNINGEN.index(erkenning)
    except ValueError:
        return len(ERKENNINGEN)


@dataclass(frozen=True)
class Intervention:
    id: str
    naam: str
    beschrijving: str
    doelgroep: str
    leeftijd_van: int | None
    leeftijd_tot: int | None
    settings: tuple[str, ...]
    niveaus: tuple[str, ...]
    erkenning: str
    middelen: tuple[str, ...] = ()
    pijlers: tuple[str, ...] = ()
    werkvormen: tuple[str, ...] = ()
    onderdeel_van: str | None = None
    aanbieder: str | None = None
    bron: str = ""
    lokaal: bool = False
    bijgewerkt: str = field(default="", compare=False)

    @property
    def strength(self) -> int:
        return strength(self.erkenning)

    @property
    def age_bound(self) -> bool:
        return self.leeftijd_van is not None or self.leeftijd_tot is not None

    def fits_age(self, age: int) -> bool:
        """Not age-bound interventions fit every age."""
        return self.fits_ages(AgeRange(age, age))

    def fits_ages(self, ages: AgeRange) -> bool:
        """True when the intervention is meant for at least one age in `ages`."""
        return ages.overlaps(self.leeftijd_van, self.leeftijd_tot)

    def age_text(self) -> str:
        return age_range_text(self.leeftijd_van, self.leeftijd_tot)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("settings", "niveaus", "middelen", "pijlers", "werkvormen"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, lokaal: bool | None = None) -> Intervention:
        return cls(
            id=d["id"],
            naam=d["naam"],
            beschrijving=d.get("beschrijving", ""),
            doelgroep=d.get("doelgroep", ""),
            leeftijd_van=d.get("leeftijd_van"),
            leeftijd_tot=d.get("leeftijd_tot"),
            settings=tuple(d.get("settings", ())),
            niveaus=tuple(d.get("niveaus", ())),
            erkenning=d.get("erkenning", NIET_IN_DATABANK),
            middelen=tuple(d.get("middelen", ())),
            pijlers=tuple(d.get("pijlers", ())),
            werkvormen=tuple(d.get("werkvormen", ())),
            onderdeel_van=d.get("onderdeel_van"),
            aanbieder=d.get("aanbieder"),
            bron=d.get("bron", ""),
            lokaal=bool(d.get("lokaal", False)) if lokaal is None else lokaal,
            bijgewerkt=d.get("bijgewerkt", ""),
        )


def validate_local(data: dict[str, Any]) -> list[str]:
    """Problems with a user's own intervention, in Dutch; empty when it can be saved.

    Checks the raw dict (from the dialog or an import file), so wrong types are caught too.
    """
    problems: list[str] = []

    def text(key: str, label: str, *, required: bool = False, limit: int = MAX_TEXT) -> None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                problems.append(f"{label} is verplicht.")
            return
        if not isinstance(value, str):
            problems.append(f"{label} moet tekst zijn.")
            return
        if required and not value.strip():
            problems.append(f"{label} is verplicht.")
        if len(value) > limit:
            problems.append(f"{label} is te lang ({len(value)} tekens; maximaal {limit}).")
        if has_control_characters(value):
            problems.append(f"{label} bevat onzichtbare stuurtekens.")

    text("naam", "Naam", required=True, limit=MAX_NAME)
    text("beschrijving", "Beschrijving", required=True)
    text("doelgroep", "Doelgroep")
    text("onderdeel_van", "Onderdeel van", limit=MAX_NAME)
    text("aanbieder", "Aanbieder / uitvoerder", limit=MAX_NAME)
    text("bron", "Bron", limit=MAX_NAME)

    ages = []
    for key, label in (("leeftijd_van", "Leeftijd van"), ("leeftijd_tot", "Leeftijd tot")):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 120:
            problems.append(f"{label} moet een hele leeftijd tussen 0 en 120 zijn.")
        else:
            ages.append(value)
    if (
        len(ages) == 2
        and isinstance(data.get("leeftijd_van"), int)
        and data["leeftijd_van"] > data["leeftijd_tot"]
    ):
        problems.append("Leeftijd van is hoger dan leeftijd tot.")

    def choices(key: str, label: str, allowed: dict[str, str] | tuple, *, required: bool) -> None:
        value = data.get(key, [])
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            problems.append(f"{label} moet een lijst van keuzes zijn.")
            return
        if required and not value:
            problems.append(f"Kies minstens één {label.lower()}.")
        unknown = [v for v in value if v not in allowed]
        if unknown:
            problems.append(f"Onbekende {label.lower()}: {', '.join(unknown)}.")

    choices("settings", "Setting", SETTINGS, required=True)
    choices("niveaus", "Niveau", NIVEAUS, required=True)
    choices("middelen", "Middel", MIDDELEN, required=False)
    choices("pijlers", "Pijler", PIJLERS, required=False)
    choices("werkvormen", "Werkvorm", WERKVORMEN, required=False)
    if data.get("erkenning", NIET_IN_DATABANK) not in ERKENNINGEN:
        problems.append("Onbekende erkenning.")
    return problems
