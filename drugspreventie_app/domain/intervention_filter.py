"""Faceted filtering of interventions: criteria, live counts, the coverage (gap) matrix and
the hint that says which filter to loosen when nothing matches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from drugspreventie_app.domain.age_range import AgeRange
from drugspreventie_app.domain.intervention import (
    ERKENNINGEN,
    MIDDELEN,
    NIVEAUS,
    PIJLERS,
    SETTINGS,
    Intervention,
    strength,
)
from drugspreventie_app.domain.intervention_search import SearchIndex
from drugspreventie_app.domain.text import fold

# Facets whose values combine as "any of" within the facet and "and" across facets.
SET_FACETS = ("settings", "niveaus", "middelen", "pijlers")
FACET_LABELS = {
    "tekst": "de zoekterm",
    "settings": "setting",
    "niveaus": "niveau",
    "leeftijd": "leeftijd",
    "erkenning_min": "erkenning",
    "middelen": "middel",
    "pijlers": "pijler",
    "alleen_lokaal": "alleen lokaal",
}
FACET_VALUES = {"settings": SETTINGS, "niveaus": NIVEAUS, "middelen": MIDDELEN, "pijlers": PIJLERS}


@dataclass(frozen=True)
class Criteria:
    tekst: str = ""
    settings: frozenset[str] = field(default_factory=frozenset)
    niveaus: frozenset[str] = field(default_factory=frozenset)
    leeftijd: AgeRange | None = None  # one age is the range age-age
    erkenning_min: str | None = None  # show this level and stronger
    middelen: frozenset[str] = field(default_factory=frozenset)
    pijlers: frozenset[str] = field(default_factory=frozenset)
    alleen_lokaal: bool = False

    def __post_init__(self) -> None:
        # callers may pass one age as a plain number
        object.__setattr__(self, "leeftijd", AgeRange.of(self.leeftijd))

    def active(self) -> list[str]:
        """Names of the facets that currently restrict the results."""
        out = []
        if self.tekst.strip():
            out.append("tekst")
        out += [f for f in SET_FACETS if getattr(self, f)]
        if self.leeftijd is not None:
            out.append("leeftijd")
        if self.erkenning_min:
            out.append("erkenning_min")
        if self.alleen_lokaal:
            out.append("alleen_lokaal")
        return out

    def without(self, facet: str) -> Criteria:
        empty: object = {
            "tekst": "",
            "leeftijd": None,
            "erkenning_min": None,
            "alleen_lokaal": False,
        }.get(facet, frozenset())
        return replace(self, **{facet: empty})

    def describe(self) -> list[str]:
        """The filters in Dutch, one line each (for exports and the empty state)."""
        lines = []
        if self.tekst.strip():
            lines.append(f"Zoekterm: {self.tekst.strip()}")
        for facet in SET_FACETS:
            values = getattr(self, facet)
            if values:
                labels = FACET_VALUES[facet]
                names = [labels.get(v, v) for v in labels if v in values]
                lines.append(f"{FACET_LABELS[facet].capitalize()}: {', '.join(names)}")
        if self.leeftijd is not None:
            lines.append(f"Leeftijd: {self.leeftijd.text()}")
        if self.erkenning_min:
            lines.append(f"Erkenning: minstens '{self.erkenning_min}'")
        if self.alleen_lokaal:
            lines.append("Alleen eigen (lokale) interventies")
        return lines or ["Geen filters: de hele catalogus"]


class InterventionFinder:
    """Holds the catalogue (plus local entries) and answers filter questions quickly."""

    def __init__(self, items: Iterable[Intervention]) -> None:
        self.items: tuple[Intervention, ...] = tuple(
            sorted(items, key=lambda i: (i.strength, fold(i.naam)))
        )
        self.by_id = {i.id: i for i in self.items}
        self.index = SearchIndex(self.items)

    def _failing(
        self, item: Intervention, c: Criteria, text_ids: frozenset[str] | None
    ) -> list[str]:
        """The facets `item` fails, stopping at two (one is enough to rule it out, two means
        it cannot count towards any facet value either)."""
        failing: list[str] = []
        checks = (
            ("tekst", text_ids is None or item.id in text_ids),
            ("settings", not c.settings or not c.settings.isdisjoint(item.settings)),
            ("niveaus", not c.niveaus or not c.niveaus.isdisjoint(item.niveaus)),
            ("leeftijd", c.leeftijd is None or item.fits_ages(c.leeftijd)),
            ("erkenning_min", c.erkenning_min is None or item.strength <= self._limit(c)),
            ("middelen", not c.middelen or not c.middelen.isdisjoint(item.middelen)),
            ("pijlers", not c.pijlers or not c.pijlers.isdisjoint(item.pijlers)),
            ("alleen_lokaal", not c.alleen_lokaal or item.lokaal),
        )
        for facet, ok in checks:
            if not ok:
                failing.append(facet)
                if len(failing) == 2:
                    break
        return failing

    @staticmethod
    def _limit(c: Criteria) -> int:
        return strength(c.erkenning_min) if c.erkenning_min else len(ERKENNINGEN)

    def evaluate(self, c: Criteria) -> tuple[list[Intervention], dict[str, Counter[str]]]:
        """Results and live facet counts in one pass over the items.

        Counts: for each facet value, how many results there would be with that value chosen
        (the other facets as they are); for erkenning, results at that level or stronger.
        """
        text_ids = self.index.matching_ids(c.tekst)
        results: list[Intervention] = []
        counts: dict[str, Counter[str]] = {f: Counter() for f in (*SET_FACETS, "erkenning_min")}
        for item in self.items:
            failing = self._failing(item, c, text_ids)
            if len(failing) > 1:
                continue
            if not failing:
                results.append(item)
            for facet in (*SET_FACETS, "erkenning_min"):
                if failing and failing[0] != facet:
                    continue
                if facet == "erkenning_min":
                    for level in ERKENNINGEN[item.strength :]:
                        counts[facet][level] += 1
                else:
                    counts[facet].update(getattr(item, facet))
        return results, counts

    def filter(self, c: Criteria) -> list[Intervention]:
        """Matches, strongest evidence first, then by name."""
        text_ids = self.index.matching_ids(c.tekst)
        return [i for i in self.items if not self._failing(i, c, text_ids)]

    def facet_counts(self, c: Criteria) -> dict[str, Counter[str]]:
        return self.evaluate(c)[1]

    def coverage(self, c: Criteria) -> dict[tuple[str, str], int]:
        """Settings x niveaus: interventions in each cell, respecting the other filters."""
        base = c.without("settings").without("niveaus")
        cells: Counter[tuple[str, str]] = Counter()
        for item in self.filter(base):
            for setting in item.settings:
                for niveau in item.niveaus:
                    cells[(setting, niveau)] += 1
        return {(s, n): cells.get((s, n), 0) for s in SETTINGS for n in NIVEAUS}

    def loosen_hint(self, c: Criteria) -> str:
        """Dutch sentence naming the filter whose removal brings back the most results."""
        active = c.active()
        if not active:
            return "De catalogus is leeg."
        best = max(active, key=lambda f: len(self.filter(c.without(f))))
        gained = len(self.filter(c.without(best)))
        if gained == 0:
            return "Geen resultaten. Wis alle filters om weer de hele catalogus te zien."
        action = (
            "Wis de zoekterm" if best == "tekst" else f"Zet het filter '{FACET_LABELS[best]}' uit"
        )
        result = "is er 1" if gained == 1 else f"zijn er {gained}"
        return f"Geen interventies gevonden. {action}: dan {result}."
