"""'Wat werkt / wat werkt niet / niet doen' guidance per setting and age.

Sources: the Wat werkt dossier drugs (Trimbos/RIVM 2023) and the Richtlijnen
verslavingspreventie it summarises, as shipped in data/interventies/richtlijnen.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drugspreventie_app.domain.age_range import AgeRange


@dataclass(frozen=True)
class DontDo:
    id: str  # matches an intervention's werkvormen tag, so actions can be checked against it
    tekst: str
    reden: str
    bron: str = ""


@dataclass(frozen=True)
class SettingGuidance:
    id: str
    naam: str
    wat_werkt: tuple[str, ...]
    wat_werkt_niet: tuple[str, ...]
    reflectie: str
    bron: str


@dataclass(frozen=True)
class SchoolBand:
    leeftijd_van: int
    leeftijd_tot: int
    settings: tuple[str, ...]
    universeel: tuple[str, ...]
    selectief_geindiceerd: tuple[str, ...]
    niet_doen: tuple[DontDo, ...]
    bron: str

    def applies(self, setting: str | None, age: AgeRange | int | None) -> bool:
        """A band applies to an age range when any age in the range falls within it."""
        ages = AgeRange.of(age)
        in_setting = setting is None or setting in self.settings
        in_age = ages is None or ages.overlaps(self.leeftijd_van, self.leeftijd_tot)
        return in_setting and in_age

    @property
    def label(self) -> str:
        return f"{self.leeftijd_van}-{self.leeftijd_tot} jaar"


@dataclass(frozen=True)
class Advice:
    """What applies to one setting (and age): shown next to the results and in exports."""

    setting: SettingGuidance | None
    bands: tuple[SchoolBand, ...]
    niet_doen: tuple[DontDo, ...]
    media_wat_werkt: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.setting is None and not self.bands and not self.niet_doen

    def sources(self) -> list[str]:
        """Every source this advice rests on, once each, in the order they appear."""
        found: list[str] = []
        candidates = [self.setting.bron if self.setting else ""]
        candidates += [band.bron for band in self.bands]
        candidates += [item.bron for item in self.niet_doen]
        for source in candidates:
            if source.strip() and source not in found:
                found.append(source)
        return found


@dataclass(frozen=True)
class Guidance:
    settings: dict[str, SettingGuidance]
    school_bands: tuple[SchoolBand, ...]
    media_wat_werkt: tuple[str, ...]
    media_niet_doen: tuple[DontDo, ...]
    media_bron: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Guidance:
        settings = {
            s["id"]: SettingGuidance(
                id=s["id"],
                naam=s["naam"],
                wat_werkt=tuple(s["wat_werkt"]),
                wat_werkt_niet=tuple(s["wat_werkt_niet"]),
                reflectie=s.get("reflectie", ""),
                bron=s.get("bron", ""),
            )
            for s in d["settings"]
        }
        bands = tuple(
            SchoolBand(
                leeftijd_van=b["leeftijd_van"],
                leeftijd_tot=b["leeftijd_tot"],
                settings=tuple(b["settings"]),
                universeel=tuple(b["universeel"]),
                selectief_geindiceerd=tuple(b["selectief_geindiceerd"]),
                niet_doen=tuple(
                    DontDo(n["id"], n["tekst"], n["reden"], b.get("bron", ""))
                    for n in b["niet_doen"]
                ),
                bron=b.get("bron", ""),
            )
            for b in d["richtlijnen_school"]
        )
        media = d["media"]
        return cls(
            settings=settings,
            school_bands=bands,
            media_wat_werkt=tuple(media["wat_werkt"]),
            media_niet_doen=tuple(
                DontDo(n["id"], n["tekst"], n["reden"], media.get("bron", ""))
                for n in media["niet_doen"]
            ),
            media_bron=media.get("bron", ""),
        )

    def niet_doen_for(self, setting: str | None, age: AgeRange | int | None) -> tuple[DontDo, ...]:
        """The 'niet doen' items of every band that applies, without duplicates. Mass-media
        campaigns are advised against in every setting."""
        seen: dict[str, DontDo] = {}
        if setting is not None or age is not None:
            for band in self.school_bands:
                if band.applies(setting, age):
                    for item in band.niet_doen:
                        seen.setdefault(item.id, item)
        for item in self.media_niet_doen:
            if item.id == "massamediaal" or setting == "media":
                seen.setdefault(item.id, item)
        return tuple(seen.values())

    def advice(self, setting: str | None, age: AgeRange | int | None) -> Advice:
        bands = tuple(
            b for b in self.school_bands if setting is not None and b.applies(setting, age)
        )
        return Advice(
            setting=self.settings.get(setting) if setting else None,
            bands=bands,
            niet_doen=self.niet_doen_for(setting, age) if setting else (),
            media_wat_werkt=self.media_wat_werkt if setting == "media" else (),
        )
