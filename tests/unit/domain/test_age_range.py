from __future__ import annotations

import pytest

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.age_range import AgeRange, AgeRangeError
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14", AgeRange(14, 14)),
        ("13-15", AgeRange(13, 15)),
        (" 13 - 15 ", AgeRange(13, 15)),
        ("13–15", AgeRange(13, 15)),
        ("13 tot 15", AgeRange(13, 15)),
        ("13 t/m 15", AgeRange(13, 15)),
    ],
)
def test_parse_accepts_what_people_type(text: str, expected: AgeRange) -> None:
    assert AgeRange.parse(text) == expected


@pytest.mark.parametrize("text", ["", "dertien", "13-", "-3", "13-15-17", "121", "15-13"])
def test_parse_refuses_with_a_dutch_message(text: str) -> None:
    with pytest.raises(AgeRangeError, match="leeftijd"):
        AgeRange.parse(text)


def test_overlap_counts_anyone_in_the_range() -> None:
    ages = AgeRange(13, 15)
    assert ages.overlaps(12, 13)
    assert ages.overlaps(15, 18)
    assert ages.overlaps(None, None)
    assert not ages.overlaps(16, 18)
    assert not ages.overlaps(None, 12)


def test_text() -> None:
    assert AgeRange(14, 14).text() == "14 jaar"
    assert AgeRange(13, 15).text() == "13-15 jaar"


def test_range_filter_is_the_union_of_the_single_ages() -> None:
    finder = InterventionFinder(catalogue())
    school = frozenset({"voortgezet_onderwijs"})
    ranged = {i.id for i in finder.filter(Criteria(settings=school, leeftijd=AgeRange(13, 15)))}
    single: set[str] = set()
    for age in (13, 14, 15):
        single |= {i.id for i in finder.filter(Criteria(settings=school, leeftijd=age))}
    assert ranged == single
    assert len(ranged) > len({i.id for i in finder.filter(Criteria(settings=school, leeftijd=15))})


def test_criteria_describe_the_range() -> None:
    assert "Leeftijd: 13-15 jaar" in Criteria(leeftijd=AgeRange(13, 15)).describe()
    assert "Leeftijd: 14 jaar" in Criteria(leeftijd=14).describe()


def test_guidance_for_a_range_includes_every_band_it_touches() -> None:
    rules = guidance()
    bands_12 = {b.label for b in rules.advice("voortgezet_onderwijs", 12).bands}
    bands_16 = {b.label for b in rules.advice("voortgezet_onderwijs", 16).bands}
    ranged = {b.label for b in rules.advice("voortgezet_onderwijs", AgeRange(12, 16)).bands}
    assert ranged == bands_12 | bands_16
