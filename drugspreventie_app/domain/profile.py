"""The user's organisation profile, printed on every handout and plan."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from drugspreventie_app.domain.plan.model import PlanOrganisatie
from drugspreventie_app.domain.text import has_control_characters

MAX_SHORT = 300  # names, phone numbers, addresses: generous, but not a novel
MAX_CONTACTS = 30

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-\s.]{6,30}$")


@dataclass
class HelpContact:
    naam: str = ""
    rol: str = ""
    contact: str = ""

    def is_empty(self) -> bool:
        return not (self.naam.strip() or self.rol.strip() or self.contact.strip())


@dataclass
class OrganisationProfile:
    organisatie: str = ""
    afdeling: str = ""
    adres: str = ""
    telefoon: str = ""
    email: str = ""
    website: str = ""
    logo: str = ""  # file name inside the user data folder, managed by storage
    hulpcontacten: list[HelpContact] = field(default_factory=list)
    # The municipality or region chosen in Instellingen, and the regional addiction-care
    # institution the shipped directory gave for it (a copy, so a handout prints what the
    # user saw when choosing); None when the place is not in the directory.
    regio: str = ""
    regionale_instelling: HelpContact | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrganisationProfile:
        contacts = [
            HelpContact(**{k: str(c.get(k, "")) for k in ("naam", "rol", "contact")})
            for c in (
                data.get("hulpcontacten") if isinstance(data.get("hulpcontacten"), list) else []
            )
            if isinstance(c, dict)
        ]
        fields = ("organisatie", "afdeling", "adres", "telefoon", "email", "website", "logo")
        regional = data.get("regionale_instelling")
        return cls(
            **{k: str(data.get(k, "") or "") for k in fields},
            hulpcontacten=contacts,
            regio=str(data.get("regio", "") or ""),
            regionale_instelling=(
                HelpContact(**{k: str(regional.get(k, "")) for k in ("naam", "rol", "contact")})
                if isinstance(regional, dict) and regional.get("naam")
                else None
            ),
        )

    def validate(self) -> list[str]:
        """Dutch messages, one per problem; empty when the profile can be saved."""
        problems: list[str] = []
        labels = {
            "organisatie": "Naam organisatie",
            "afdeling": "Afdeling",
            "adres": "Adres",
            "telefoon": "Telefoon",
            "email": "E-mail",
            "website": "Website",
            "regio": "Gemeente of regio",
        }
        for key, label in labels.items():
            value: str = getattr(self, key)
            if len(value) > MAX_SHORT:
                problems.append(f"{label} is te lang ({len(value)} tekens; maximaal {MAX_SHORT}).")
            if has_control_characters(value):
                problems.append(f"{label} bevat onzichtbare stuurtekens; typ de tekst opnieuw.")
        if self.email.strip() and not _EMAIL.match(self.email.strip()):
            problems.append("E-mail is geen geldig e-mailadres (bijvoorbeeld naam@gemeente.nl).")
        if self.telefoon.strip() and not _PHONE.match(self.telefoon.strip()):
            problems.append(
                "Telefoon mag alleen cijfers, spaties, +, -, haakjes en punten bevatten "
                "(6 tot 30 tekens)."
            )
        if self.website.strip() and (" " in self.website.strip() or "." not in self.website):
            problems.append("Website is geen geldig adres (bijvoorbeeld www.gemeente.nl).")
        contacts = [c for c in self.hulpcontacten if not c.is_empty()]
        if len(contacts) > MAX_CONTACTS:
            problems.append(f"Maximaal {MAX_CONTACTS} lokale hulpcontacten.")
        for i, contact in enumerate(contacts, start=1):
            if not contact.naam.strip():
                problems.append(f"Hulpcontact {i} heeft geen naam.")
            for value in (contact.naam, contact.rol, contact.contact):
                if len(value) > MAX_SHORT:
                    problems.append(f"Hulpcontact {i}: tekst is te lang (maximaal {MAX_SHORT}).")
                    break
                if has_control_characters(value):
                    problems.append(f"Hulpcontact {i} bevat onzichtbare stuurtekens.")
                    break
        return problems

    def cleaned(self) -> OrganisationProfile:
        """Trimmed copy without empty contact rows, as it is stored."""
        return OrganisationProfile(
            **{
                k: getattr(self, k).strip()
                for k in ("organisatie", "afdeling", "adres", "telefoon", "email", "website")
            },
            logo=self.logo,
            regio=" ".join(self.regio.split()),
            regionale_instelling=self.regionale_instelling,
            hulpcontacten=[
                HelpContact(c.naam.strip(), c.rol.strip(), c.contact.strip())
                for c in self.hulpcontacten
                if not c.is_empty()
            ],
        )


def plan_organisation_from(profile: OrganisationProfile) -> PlanOrganisatie:
    """The settings' organisation as the starting value of a new plan's own."""
    return PlanOrganisatie(
        naam=profile.organisatie,
        afdeling=profile.afdeling,
        adres=profile.adres,
        telefoon=profile.telefoon,
        email=profile.email,
        website=profile.website,
    )


def profile_for_plan(
    plan_org: PlanOrganisatie, settings: OrganisationProfile
) -> OrganisationProfile:
    """What a plan export prints as its organisation: the plan's own details. The settings'
    logo only comes along when the plan is written by that same organisation; the local help
    contacts belong on handouts, not on a plan."""
    same = plan_org.naam.strip().casefold() == settings.organisatie.strip().casefold()
    return OrganisationProfile(
        organisatie=plan_org.naam,
        afdeling=plan_org.afdeling,
        adres=plan_org.adres,
        telefoon=plan_org.telefoon,
        email=plan_org.email,
        website=plan_org.website,
        logo=settings.logo if same and plan_org.naam.strip() else "",
    )
