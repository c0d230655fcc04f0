"""A substance factsheet as the app uses it; built from a validated content file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

WERKINGEN = ("stimulerend", "verdovend", "bewustzijnsveranderend")
OUTDATED_AFTER_MONTHS = 12


class Audience(str, Enum):
    PROFESSIONAL = "professional"
    OUDERS = "ouders"
    JONGEREN = "jongeren"

    @property
    def label(self) -> str:
        return {
            Audience.PROFESSIONAL: "Professionals",
            Audience.OUDERS: "Ouders en verzorgers",
            Audience.JONGEREN: "Jongeren en gebruikers",
        }[self]


@dataclass(frozen=True)
class LegalEvent:
    datum: str
    gebeurtenis: str


@dataclass(frozen=True)
class LegalStatus:
    wet: str
    lijst: str | None
    sinds: str | None
    samenvatting: str
    historie: tuple[LegalEvent, ...]

    @property
    def short(self) -> str:
        """One line for lists and headers, e.g. 'Opiumwet lijst I (sinds 16-04-2024)'."""
        text = self.wet if self.lijst is None else f"{self.wet} lijst {self.lijst}"
        if self.sinds:
            text += f" (sinds {format_date(self.sinds)})"
        return text


@dataclass(frozen=True)
class Figure:
    groep: str
    jaar: str
    waarde: str
    bron: str


@dataclass(frozen=True)
class Route:
    route: str
    dosis: str = ""
    intrede: str = ""
    duur: str = ""


@dataclass(frozen=True)
class HelpLine:
    naam: str
    toelichting: str
    contact: str = ""


@dataclass(frozen=True)
class Source:
    organisatie: str
    titel: str
    jaar: str

    def citation(self) -> str:
        return f"{self.organisatie} ({self.jaar}). {self.titel}."


@dataclass(frozen=True)
class Factsheet:
    slug: str
    naam: str
    synoniemen: tuple[str, ...]
    straatnamen: tuple[str, ...]
    stofgroep: str
    werking: tuple[str, ...]
    peildatum: date
    status: LegalStatus
    jongeren_waarschuwing: str | None
    kernpunten: tuple[str, ...]
    wat_is_het: str
    werking_toelichting: str
    cijfers: tuple[Figure, ...]
    cijfers_toelichting: str
    markt: str
    inname_vormen: str
    routes: tuple[Route, ...]
    inname_toelichting: str
    effecten_gewenst: tuple[str, ...]
    effecten_ongewenst: tuple[str, ...]
    risico_kort: tuple[str, ...]
    risico_lang: tuple[str, ...]
    verslaving: str
    combinaties: tuple[str, ...]
    wetgeving: str
    signalen: tuple[str, ...]
    preventie_doen: tuple[str, ...]
    preventie_niet_doen: tuple[str, ...]
    hulp: tuple[HelpLine, ...]
    bronnen: tuple[Source, ...]
    ouders_samenvatting: str
    ouders_gesprek: tuple[str, ...]
    jongeren_samenvatting: str
    jongeren_veiliger: tuple[str, ...]
    # "Wat te doen bij een noodgeval": the points for this substance; the general steps that
    # hold for every substance come from `EmergencyGuide`.
    noodgeval_specifiek: tuple[str, ...] = ()
    noodgeval_jongeren: tuple[str, ...] = ()
    noodgeval_bron: str = ""
    # Shared by every sheet, attached by the content loader so that exports need nothing else.
    noodgeval_algemeen: EmergencyGuide | None = field(default=None, compare=False)
    achtergrond: Background | None = field(default=None, compare=False)
    search_terms: tuple[str, ...] = field(default=(), compare=False)

    @property
    def noodgeval_bronnen(self) -> str:
        """The sources of the emergency section: the general steps' and this sheet's own."""
        parts = [self.noodgeval_algemeen.bron] if self.noodgeval_algemeen else []
        if self.noodgeval_bron and self.noodgeval_bron not in parts:
            parts.append(self.noodgeval_bron)
        return "; ".join(parts)

    @property
    def flagged_for_youth(self) -> bool:
        return self.jongeren_waarschuwing is not None

    def is_outdated(self, today: date) -> bool:
        """True when the peildatum lies more than twelve months before `today`."""
        return add_months(self.peildatum, OUTDATED_AFTER_MONTHS) < today

    def outdated_notice(self, today: date) -> str | None:
        if not self.is_outdated(today):
            return None
        return (
            f"Let op: deze factsheet heeft peildatum {format_date(self.peildatum.isoformat())}, "
            "meer dan twaalf maanden geleden. Wetgeving, markt en cijfers kunnen sindsdien "
            "veranderd zijn; controleer actuele informatie op drugsinfo.nl."
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Factsheet:
        ws = d["wettelijke_status"]
        waarschuwing = d.get("jongeren_waarschuwing")
        return cls(
            slug=d["slug"],
            naam=d["naam"],
            synoniemen=tuple(d["synoniemen"]),
            straatnamen=tuple(d["straatnamen"]),
            stofgroep=d["stofgroep"],
            werking=tuple(d["werking"]),
            peildatum=date.fromisoformat(d["peildatum"]),
            status=LegalStatus(
                wet=ws["wet"],
                lijst=ws["lijst"],
                sinds=ws["sinds"],
                samenvatting=ws["samenvatting"],
                historie=tuple(LegalEvent(**e) for e in ws["historie"]),
            ),
            jongeren_waarschuwing=waarschuwing["reden"] if waarschuwing else None,
            kernpunten=tuple(d["kernpunten"]),
            wat_is_het=d["wat_is_het"],
            werking_toelichting=d["werking_toelichting"],
            cijfers=tuple(Figure(**c) for c in d["cijfers"]),
            cijfers_toelichting=d.get("cijfers_toelichting", ""),
            markt=d.get("markt", ""),
            inname_vormen=d["inname"]["vormen"],
            routes=tuple(Route(**r) for r in d["inname"]["routes"]),
            inname_toelichting=d["inname"].get("toelichting", ""),
            effecten_gewenst=tuple(d["effecten"]["gewenst"]),
            effecten_ongewenst=tuple(d["effecten"]["ongewenst"]),
            risico_kort=tuple(d["risicos"]["korte_termijn"]),
            risico_lang=tuple(d["risicos"]["lange_termijn"]),
            verslaving=d["risicos"]["verslaving"],
            combinaties=tuple(d["risicos"]["combinaties"]),
            wetgeving=d["wetgeving"],
            signalen=tuple(d["signalen"]),
            preventie_doen=tuple(d["preventie"]["doen"]),
            preventie_niet_doen=tuple(d["preventie"]["niet_doen"]),
            hulp=tuple(HelpLine(**h) for h in d["hulp"]),
            bronnen=tuple(Source(**b) for b in d["bronnen"]),
            ouders_samenvatting=d["doelgroepteksten"]["ouders"]["samenvatting"],
            ouders_gesprek=tuple(d["doelgroepteksten"]["ouders"]["gesprek"]),
            jongeren_samenvatting=d["doelgroepteksten"]["jongeren"]["samenvatting"],
            jongeren_veiliger=tuple(d["doelgroepteksten"]["jongeren"]["veiliger"]),
            noodgeval_specifiek=tuple(d["noodgeval"]["specifiek"]),
            noodgeval_jongeren=tuple(d["noodgeval"]["jongeren"]),
            noodgeval_bron=d["noodgeval"]["bron"],
        )


@dataclass(frozen=True)
class EmergencyGuide:
    """The steps that hold in every drug emergency, for adults and in youth wording."""

    titel: str
    stappen: tuple[str, ...]
    jongeren: tuple[str, ...]
    bron: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EmergencyGuide:
        return cls(
            titel=d["titel"],
            stappen=tuple(d["stappen"]),
            jongeren=tuple(d["jongeren"]),
            bron=d["bron"],
        )


@dataclass(frozen=True)
class Background:
    """What professionals need next to every factsheet: the stages of use and the drug, set
    and setting model."""

    fasen_titel: str
    fasen_inleiding: str
    fasen: tuple[tuple[str, str], ...]
    dss_titel: str
    dss_inleiding: str
    dss: tuple[tuple[str, str], ...]
    bron: str
    cijfers_titel: str = ""
    cijfers: tuple[Figure, ...] = ()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Background:
        return cls(
            fasen_titel=d["fasen_titel"],
            fasen_inleiding=d["fasen_inleiding"],
            fasen=tuple((f["naam"], f["omschrijving"]) for f in d["fasen"]),
            dss_titel=d["dss_titel"],
            dss_inleiding=d["dss_inleiding"],
            dss=tuple((f["naam"], f["omschrijving"]) for f in d["dss"]),
            bron=d["bron"],
            cijfers_titel=d.get("cijfers_titel", ""),
            cijfers=tuple(Figure(**c) for c in d.get("cijfers", ())),
        )


def format_date(iso: str) -> str:
    """'2024-04-16' -> '16-04-2024'; partial dates ('2012', '2002-10') stay readable."""
    parts = iso.split("-")
    return "-".join(reversed(parts))


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # 31 January plus one month has no twin; use the last day of that month instead
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"geen geldige datum: {day} + {months} maanden")
