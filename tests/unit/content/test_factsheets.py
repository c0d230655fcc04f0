"""The shipped factsheets: schema, completeness, and the legal facts professionals act on."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from drugspreventie_app.content.factsheets import all_factsheets, factsheet_by_slug
from drugspreventie_app.locator import data_dir
from tests.helpers.seed_copy import SEEDS, copied_runs, strings

EXPECTED = {
    "3-mmc", "3-cmc", "2-mmc", "4-mmc", "cannabis", "cocaine", "ecstasy", "amfetamine",
    "crystal-meth", "ghb", "ketamine", "lachgas", "paddos", "lsd", "2c-b", "heroine",
    "synthetische-cannabinoiden", "alcohol",
}  # fmt: skip
FILES = sorted((data_dir() / "middelen").glob("*.json"))


def test_all_eighteen_substances_are_shipped() -> None:
    assert {s.slug for s in all_factsheets()} == EXPECTED


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_valid_against_schema_with_reference_validator(path: Path) -> None:
    schema = json.loads((data_dir() / "schema" / "factsheet.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text("utf-8")))


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_every_section_is_filled(slug: str) -> None:
    s = factsheet_by_slug(slug)
    assert s is not None
    assert len(s.kernpunten) >= 3 and s.wat_is_het and s.stofgroep and s.werking
    assert s.cijfers and all(c.groep and re.match(r"^\d{4}", c.jaar) and c.bron for c in s.cijfers)
    assert s.routes and s.effecten_gewenst and s.effecten_ongewenst
    assert s.risico_kort and s.risico_lang and s.verslaving and s.combinaties
    assert s.wetgeving and s.status.samenvatting and len(s.signalen) >= 2
    assert s.preventie_doen and s.preventie_niet_doen and len(s.hulp) >= 2
    assert len(s.bronnen) >= 2 and all(b.organisatie and b.titel and b.jaar for b in s.bronnen)
    assert s.ouders_samenvatting and len(s.ouders_gesprek) >= 2
    assert s.jongeren_samenvatting and len(s.jongeren_veiliger) >= 2
    assert date(2024, 1, 1) <= s.peildatum <= date.today()


@pytest.mark.parametrize(
    ("slug", "wet", "lijst", "sinds"),
    [
        ("3-mmc", "Opiumwet", "I", "2024-04-16"),
        ("3-cmc", "Opiumwet", "I", "2023-09-12"),
        ("2-mmc", "Opiumwet", "IA", "2025-07-01"),
        ("synthetische-cannabinoiden", "Opiumwet", "IA", "2025-07-01"),
        ("lachgas", "Opiumwet", "II", "2023-01-01"),
        ("alcohol", "Alcoholwet", None, "2021-07-01"),
        ("cocaine", "Opiumwet", "I", None),
        ("cannabis", "Opiumwet", "II", None),
    ],
)
def test_legal_status_as_of_peildatum(slug, wet, lijst, sinds) -> None:
    status = factsheet_by_slug(slug).status
    assert (status.wet, status.lijst) == (wet, lijst)
    if sinds:
        assert status.sinds == sinds


def test_3mmc_history_has_both_listings() -> None:
    events = {e.datum: e.gebeurtenis for e in factsheet_by_slug("3-mmc").status.historie}
    assert "lijst II" in events["2021-10-28"]
    assert "lijst I" in events["2024-04-16"]


def test_3mmc_carries_the_key_facts_of_the_trimbos_factsheet() -> None:
    s = factsheet_by_slug("3-mmc")
    assert {"3M", "Miauw", "Poes"} <= set(s.straatnamen)
    routes = {r.route.lower(): r for r in s.routes}
    assert any("snuiven" in r for r in routes) and any("slikken" in r for r in routes)
    assert all(
        r.dosis and r.intrede and r.duur for k, r in routes.items() if k in ("snuiven", "slikken")
    )
    figures = " ".join(f"{c.groep} {c.jaar} {c.waarde} {c.bron}" for c in s.cijfers)
    assert "2,1%" in figures and "2023" in figures  # adults, ever-use
    assert "Monitor Drugsincidenten" in figures
    assert "€" in s.markt  # price
    assert "craving" in s.verslaving.lower() or "craving" in " ".join(s.kernpunten).lower()
    assert any("campagne" in n.lower() for n in s.preventie_niet_doen)


@pytest.mark.parametrize("slug", ["3-mmc", "lachgas"])
def test_flagged_for_youth_information_with_a_reason(slug: str) -> None:
    s = factsheet_by_slug(slug)
    assert s.flagged_for_youth and len(s.jongeren_waarschuwing) > 40


def test_lachgas_flag_names_the_classroom_advice() -> None:
    assert "13" in factsheet_by_slug("lachgas").jongeren_waarschuwing


@pytest.mark.skipif(not SEEDS.is_dir(), reason="de bronnen (shared/seeds) staan niet naast de repo")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_sentence_copied_from_the_seeds(path: Path) -> None:
    copied = copied_runs(strings(json.loads(path.read_text("utf-8"))))
    assert not copied, f"letterlijk uit de bronnen: {copied[0]!r}"
