from __future__ import annotations

from dataclasses import replace

import pytest

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.intervention import ERKENNINGEN, MIDDELEN, NIVEAUS, PIJLERS, SETTINGS
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.domain.intervention_search import within_edits, within_edits_or_swaps


@pytest.fixture(scope="module")
def finder() -> InterventionFinder:
    return InterventionFinder(catalogue())


def names(finder: InterventionFinder, **kwargs) -> list[str]:
    for key in ("settings", "niveaus", "middelen", "pijlers"):
        if key in kwargs:
            kwargs[key] = frozenset(kwargs[key])
    return [i.naam for i in finder.filter(Criteria(**kwargs))]


def test_secondary_school_age_14_universal(finder) -> None:
    found = names(finder, settings={"voortgezet_onderwijs"}, leeftijd=14, niveaus={"U"})
    assert "Samen Fris" in found
    assert "Frisse Start" not in found  # first-year pupils only
    assert "Frisse Start" in names(finder, settings={"voortgezet_onderwijs"}, leeftijd=12)


def test_age_filter_keeps_interventions_without_age_limit(finder) -> None:
    found = finder.filter(Criteria(leeftijd=40))
    assert any(not i.age_bound for i in found)
    assert all(i.fits_age(40) for i in found)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("moti 4", "Moti-4"),
        ("Moti-4", "Moti-4"),
        ("MOTI4", "Moti-4"),
        ("helder op scool", "Helder op School"),
        ("helder op scoo", "Helder op School"),
        ("jelinek", "Jellinek online zelfhulp"),
        ("wietchek", "WietCheck"),
        ("opvoedn", "Helder Opvoeden"),
        ("motie4", "Moti-4"),  # one letter too many in the whole name
        ("tripel p", "Triple P"),  # two letters swapped
    ],
)
def test_search_tolerates_accents_case_and_small_typos(finder, query, expected) -> None:
    assert expected in names(finder, tekst=query)


def test_search_words_must_all_match(finder) -> None:
    assert names(finder, tekst="samen fris") == ["Samen Fris"]
    assert names(finder, tekst="qqqzz") == []


def test_results_sorted_by_evidence_then_name(finder) -> None:
    items = finder.filter(Criteria())
    keys = [(ERKENNINGEN.index(i.erkenning), i.naam.casefold()) for i in items]
    assert keys == sorted(keys)
    assert items[0].erkenning == ERKENNINGEN[0]


def test_erkenning_at_least(finder) -> None:
    level = "Goed onderbouwd"
    found = finder.filter(Criteria(erkenning_min=level))
    assert found and all(ERKENNINGEN.index(i.erkenning) <= ERKENNINGEN.index(level) for i in found)


@pytest.mark.parametrize(
    "base",
    [
        Criteria(),
        Criteria(leeftijd=15),
        Criteria(settings=frozenset({"voortgezet_onderwijs"})),
        Criteria(tekst="ouders", niveaus=frozenset({"S", "I"})),
    ],
)
def test_counts_add_up(finder, base: Criteria) -> None:
    counts = finder.facet_counts(base)
    facets = {"settings": SETTINGS, "niveaus": NIVEAUS, "middelen": MIDDELEN, "pijlers": PIJLERS}
    for facet, values in facets.items():
        for value in values:
            with_value = replace(base, **{facet: frozenset({value})})
            assert counts[facet][value] == len(finder.filter(with_value)), (facet, value)
    for level in ERKENNINGEN:
        assert counts["erkenning_min"][level] == len(
            finder.filter(replace(base, erkenning_min=level))
        )


def test_coverage_cells_match_filters(finder) -> None:
    base = Criteria(leeftijd=16)
    cells = finder.coverage(base)
    assert len(cells) == len(SETTINGS) * len(NIVEAUS)
    for (setting, niveau), count in cells.items():
        chosen = replace(base, settings=frozenset({setting}), niveaus=frozenset({niveau}))
        assert count == len(finder.filter(chosen))
    assert any(count == 0 for count in cells.values())  # the matrix shows real gaps


def test_empty_state_names_the_filter_to_loosen(finder) -> None:
    crit = Criteria(tekst="voorzorg", settings=frozenset({"uitgaansleven"}))
    assert finder.filter(crit) == []
    hint = finder.loosen_hint(crit)
    # regression: "Zet het filter 'de zoekterm' uit"
    assert hint.startswith("Geen interventies gevonden. Wis de zoekterm: dan zijn er ")


def test_empty_state_speaks_of_one_in_the_singular() -> None:
    from drugspreventie_app.domain.intervention import Intervention

    data = {
        "id": "a", "naam": "Alleen thuis", "beschrijving": "", "doelgroep": "",
        "settings": ["gezin"], "niveaus": ["U"], "erkenning": "Goed onderbouwd",
        "middelen": [], "pijlers": [], "bron": "x",
    }  # fmt: skip
    items = [Intervention.from_dict(data)]
    finder = InterventionFinder(items)
    hint = finder.loosen_hint(Criteria(settings=frozenset({"mbo"})))
    assert hint == "Geen interventies gevonden. Zet het filter 'setting' uit: dan is er 1."


def test_niet_doen_for_secondary_school() -> None:
    g = guidance()
    at_12 = {d.id for d in g.niet_doen_for("voortgezet_onderwijs", 12)}
    assert {"peer_educatie", "politie", "waarschuwend", "massamediaal"} <= at_12
    at_14 = {d.id for d in g.niet_doen_for("voortgezet_onderwijs", 14)}
    assert "politie" not in at_14
    assert {"peer_educatie", "klassikale_voorlichting_lachgas"} <= at_14
    at_17 = {d.id for d in g.niet_doen_for("voortgezet_onderwijs", 17)}
    assert "peer_educatie" not in at_17
    advice = g.advice("voortgezet_onderwijs", 12)
    assert advice.setting is not None and advice.setting.wat_werkt
    assert [b.label for b in advice.bands] == ["12-13 jaar"]


def test_local_interventions_are_searchable_and_filterable(finder) -> None:
    from drugspreventie_app.domain.intervention import Intervention

    local = Intervention(
        id="lokaal-1", naam="Jongerenwerk Zomeravond", beschrijving="Gesprekken op straat.",
        doelgroep="jongeren 14-18", leeftijd_van=14, leeftijd_tot=18,
        settings=("gemeenschap",), niveaus=("S",), erkenning=ERKENNINGEN[5], lokaal=True,
    )  # fmt: skip
    with_local = InterventionFinder([*catalogue(), local])
    assert "Jongerenwerk Zomeravond" in [
        i.naam for i in with_local.filter(Criteria(tekst="zomeravnd"))
    ]
    assert [i.naam for i in with_local.filter(Criteria(alleen_lokaal=True))] == [
        "Jongerenwerk Zomeravond"
    ]


def test_within_edits() -> None:
    assert within_edits("scool", "school", 1)
    assert not within_edits("scool", "schools", 1)
    assert within_edits("helderopvoeden", "heldropvoedn", 2)
    assert not within_edits("helderopvoeden", "heldropvoedne", 2)


def test_within_edits_or_swaps() -> None:
    assert within_edits_or_swaps("tripelp", "triplep", 1)
    assert not within_edits("tripelp", "triplep", 1)
    assert within_edits_or_swaps("motie4", "moti4", 1)
    assert not within_edits_or_swaps("samenfris", "triplep", 2)
