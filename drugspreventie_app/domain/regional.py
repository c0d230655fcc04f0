"""Who to call in your region: the addiction-care institutions with a prevention department
and the municipalities or regions each serves, plus the national drug-testing service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drugspreventie_app.domain.plan.model import Plan, Stakeholder
from drugspreventie_app.domain.profile import HelpContact
from drugspreventie_app.domain.text import fold

ROLE = "regionale verslavingszorg (preventie en hulp)"


@dataclass(frozen=True)
class Institution:
    id: str
    naam: str
    regios: tuple[str, ...]
    gemeenten: tuple[str, ...]
    website: str
    telefoon: str = ""
    bron: str = ""

    @property
    def contact(self) -> str:
        """Website, and a phone number only where the institution publishes one."""
        return " · ".join(x for x in (self.website, self.telefoon) if x)

    def as_help_contact(self) -> HelpContact:
        return HelpContact(naam=self.naam, rol=ROLE, contact=self.contact)


@dataclass(frozen=True)
class TestService:
    naam: str
    website: str
    toelichting: str


@dataclass(frozen=True)
class RegionalDirectory:
    instellingen: tuple[Institution, ...]
    testservice: TestService
    peildatum: str
    toelichting: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RegionalDirectory:
        return cls(
            instellingen=tuple(
                Institution(
                    id=i["id"],
                    naam=i["naam"],
                    regios=tuple(i["regios"]),
                    gemeenten=tuple(i["gemeenten"]),
                    website=i["website"],
                    telefoon=i.get("telefoon", ""),
                    bron=i.get("bron", ""),
                )
                for i in d["instellingen"]
            ),
            testservice=TestService(**d["testservice"]),
            peildatum=d["peildatum"],
            toelichting=d.get("toelichting", ""),
        )

    def places(self) -> list[str]:
        """Every municipality and region in the directory, alphabetically, for a picker."""
        names = {p for i in self.instellingen for p in (*i.gemeenten, *i.regios)}
        return sorted(names, key=lambda n: fold(n).lstrip("'"))

    def lookup(self, place: str) -> Institution | None:
        """The institution serving a municipality or region, ignoring case and accents;
        None when the place is not in the directory (the user then types the contact)."""
        wanted = _key(place)
        if not wanted:
            return None
        for institution in self.instellingen:
            if any(_key(p) == wanted for p in (*institution.gemeenten, *institution.regios)):
                return institution
        return None


def _key(place: str) -> str:
    folded = fold(place).strip()
    for prefix in ("gemeente ", "regio "):
        folded = folded.removeprefix(prefix)
    return " ".join(folded.replace("’", "'").split())


def not_found_message(place: str) -> str:
    return (
        f"‘{place.strip()}’ staat niet in de lijst met regionale instellingen. Vul de "
        "verslavingszorg in uw regio zelf in bij de lokale hulpcontacten."
    )


STAKEHOLDER_ROLE = (
    "Preventieafdeling: advies over beleid, uitvoeren van interventies en deskundigheidsbevordering"
)


def add_regional_stakeholder(plan: Plan, contact: HelpContact) -> bool:
    """Add the regional addiction-care institution to the plan's stakeholders as its
    prevention department; False (nothing changes) when it is already there."""
    wanted = fold(contact.naam).strip()
    if any(fold(s.organisatie).strip() == wanted for s in plan.lokale_situatie.stakeholders):
        return False
    plan.lokale_situatie.stakeholders.append(
        Stakeholder(
            organisatie=contact.naam,
            domein="zorg",
            gewenste_rol=STAKEHOLDER_ROLE,
            verslavingspreventie=True,
        )
    )
    return True
