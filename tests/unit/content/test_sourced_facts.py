"""Facts an independent check found wrong or missing, each pinned so it cannot come back."""

from __future__ import annotations

import json
import re

import pytest

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.content.factsheets import all_factsheets, emergency_guide, factsheet_by_slug
from drugspreventie_app.content.interventions import catalogue
from drugspreventie_app.domain.intervention import GEEN_ERKENNING_IN_BRONNEN, NIET_IN_DATABANK
from drugspreventie_app.locator import data_dir
from tests.helpers.seed_copy import SEEDS, copied_runs, strings


def _entry(entry_id: str):
    found = [i for i in catalogue() if i.id == entry_id]
    assert found, entry_id
    return found[0]


def _wet(naam: str) -> str:
    wetten = {w.naam: w.toelichting for w in example_plan().inleiding.wetten}
    return wetten[naam]


# --- the example plan ---------------------------------------------------------------------


def test_example_plan_gives_both_3mmc_listings_with_dates() -> None:
    text = _wet("Opiumwet")
    assert "28 oktober 2021 op lijst II" in text
    assert "16 april 2024 op lijst I" in text
    assert "sinds 2021 op lijst I" not in text


def test_example_plan_says_the_geneesmiddelenwet_matters_because_of_ketamine() -> None:
    text = _wet("Geneesmiddelenwet")
    assert "ketamine" in text.lower()
    assert "niet van belang" not in text.lower()


# --- the catalogue -------------------------------------------------------------------------


def test_motiverende_gespreksvoering_is_not_recognised() -> None:
    assert _entry("motiverende-gespreksvoering").erkenning == "Niet erkend"


def test_wietcheck_as_loket_gezond_leven_lists_it() -> None:
    wietcheck = _entry("wietcheck")
    assert wietcheck.erkenning == "Eerste aanwijzingen voor effectiviteit"
    assert (wietcheck.leeftijd_van, wietcheck.leeftijd_tot) == (14, 21)
    assert "Loket Gezond Leven" in wietcheck.bron


@pytest.mark.parametrize(
    "entry_id", ["in-charge", "festivalverleiding", "drugsinfo-met-chat", "helder-op-school"]
)
def test_no_databank_status_where_the_sources_give_none(entry_id: str) -> None:
    assert _entry(entry_id).erkenning == GEEN_ERKENNING_IN_BRONNEN


@pytest.mark.parametrize("entry_id", ["samen-slagen", "roc-aanvalsplan", "dims-testservice"])
def test_not_in_databank_where_the_wat_werkt_dossier_says_so(entry_id: str) -> None:
    assert _entry(entry_id).erkenning == NIET_IN_DATABANK


def test_samen_slagen_is_not_tagged_as_police_teaching() -> None:
    assert "politie" not in _entry("samen-slagen").werkvormen


def test_unity_is_run_by_several_institutions() -> None:
    aanbieder = _entry("unity").aanbieder or ""
    assert "meerdere" in aanbieder and aanbieder != "Jellinek"


# --- factsheets ----------------------------------------------------------------------------


def test_ecstasy_with_alcohol_claims_no_extra_overheating() -> None:
    combo = [c for c in factsheet_by_slug("ecstasy").combinaties if c.startswith("alcohol")]
    assert len(combo) == 1
    assert "oververhit" not in combo[0]
    assert "uit" in combo[0]  # both dry the body out


@pytest.mark.parametrize("sheet", all_factsheets(), ids=lambda s: s.slug)
def test_every_substance_has_a_dated_legal_status(sheet) -> None:
    assert sheet.status.sinds and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", sheet.status.sinds)
    assert "sinds" in sheet.status.short


@pytest.mark.parametrize(
    ("slug", "sinds"),
    [("4-mmc", "2012"), ("ecstasy", "1988"), ("cocaine", "1976"), ("cannabis", "1976"),
     ("2c-b", "1997"), ("alcohol", "2021-07-01"), ("ghb", "2012-05-09")],
)  # fmt: skip
def test_dates_that_were_missing(slug: str, sinds: str) -> None:
    assert factsheet_by_slug(slug).status.sinds == sinds


def test_alcohol_gives_the_age_limit_with_its_date() -> None:
    status = factsheet_by_slug("alcohol").status
    assert "18" in status.samenvatting
    assert any(e.datum == "2014-01-01" and "18" in e.gebeurtenis for e in status.historie)


@pytest.mark.parametrize(
    "slug", ["2-mmc", "3-cmc", "3-mmc", "4-mmc", "2c-b", "synthetische-cannabinoiden", "heroine"]
)
def test_lijst_ia_names_its_substance_groups(slug: str) -> None:
    status = factsheet_by_slug(slug).status
    ia = [e for e in status.historie if e.datum == "2025-07-01"]
    assert ia, "lijst IA ontbreekt in de historie"
    text = ia[0].gebeurtenis
    for group in ("fenethylaminen", "cathinonen", "synthetische cannabinoïden", "fentanyl"):
        assert group in text
    assert any(b.titel == "Designerdrugsverbod vanaf 1 juli van kracht" for b in
               factsheet_by_slug(slug).bronnen)  # fmt: skip
    # the law as adopted (Stb. 2025, 32): the lijst I prohibitions, possession included
    assert "ook bezit (aanwezig hebben) is verboden" in text
    assert any("Stb. 2025, 32" in b.titel for b in factsheet_by_slug(slug).bronnen)


# --- emergency section ---------------------------------------------------------------------


def test_general_emergency_steps() -> None:
    guide = emergency_guide()
    text = " ".join(guide.stappen)
    assert guide.stappen[0].startswith("Bel direct 112")
    for step in ("Blijf bij de persoon", "stabiele zijligging", "wat er is gebruikt"):
        assert step in text
    assert "112" in " ".join(guide.jongeren)


@pytest.mark.parametrize("sheet", all_factsheets(), ids=lambda s: s.slug)
def test_every_factsheet_has_its_own_emergency_points(sheet) -> None:
    assert sheet.noodgeval_specifiek and sheet.noodgeval_jongeren and sheet.noodgeval_bron


@pytest.mark.parametrize(
    ("slug", "must"),
    [("ghb", "nooit alleen"), ("ecstasy", "koel af"), ("ecstasy", "koele plek"),
     ("heroine", "naloxon"), ("heroine", "ademhaling")],
)  # fmt: skip
def test_substance_specific_emergency_points(slug: str, must: str) -> None:
    text = " ".join(factsheet_by_slug(slug).noodgeval_specifiek).lower()
    assert must in text


# --- background for professionals ----------------------------------------------------------


def test_stages_of_use_and_drug_set_setting() -> None:
    from drugspreventie_app.content.factsheets import background

    bg = background()
    assert [n for n, _ in bg.fasen][:4] == [
        "Experimenteren", "Recreatief gebruik", "Gewoontegebruik", "Problematisch gebruik",
    ]  # fmt: skip
    assert bg.fasen[-1][0].startswith("Verslaving")
    assert [n for n, _ in bg.dss] == ["Drug", "Set", "Setting"]
    assert "Wat werkt dossier drugs" in bg.bron


@pytest.mark.skipif(not SEEDS.is_dir(), reason="de bronnen (shared/seeds) staan niet naast de repo")
@pytest.mark.parametrize("name", ["achtergrond/algemeen.json", "noodgeval/algemeen.json"])
def test_shared_texts_not_copied_from_the_seeds(name: str) -> None:
    doc = json.loads((data_dir() / name).read_text("utf-8"))
    assert not copied_runs(strings(doc))


def test_3mmc_signals_say_who_uses_and_where_as_professionals_in_aalten_saw_it() -> None:
    text = " ".join(factsheet_by_slug("3-mmc").signalen)
    assert "Aalten" in text
    for where in ("thuis", "keten", "schuren"):
        assert where in text


@pytest.mark.parametrize(
    ("slug", "waarde"),
    [("ecstasy", "53,8%"), ("cocaine", "33,5%"), ("amfetamine", "20,5%"), ("4-mmc", "16,7%"),
     ("lachgas", "15,0%"), ("2c-b", "14,1%"), ("cannabis", "46,9%"), ("ketamine", "24,6%"),
     ("3-mmc", "33,7%")],
)  # fmt: skip
def test_nightlife_figures_from_the_newest_uitgaansonderzoek(slug: str, waarde: str) -> None:
    figures = [
        c for c in factsheet_by_slug(slug).cijfers if "Het Grote Uitgaansonderzoek 2023" in c.bron
    ]
    assert any(c.jaar == "2023" and c.waarde.startswith(waarde) for c in figures)
    old = [c for c in factsheet_by_slug(slug).cijfers if "Uitgaansonderzoek 2020" in c.bron]
    assert not old


def test_incidents_and_deaths_from_the_letter_to_parliament() -> None:
    from drugspreventie_app.content.factsheets import background

    figures = {c.jaar + c.waarde[:5]: c for c in background().cijfers}
    assert "20203.541" in figures and "2.622" in figures["20203.541"].waarde
    deaths = [c for c in background().cijfers if c.groep.startswith("sterfgevallen")]
    assert deaths and deaths[0].waarde.startswith("20;") and deaths[0].jaar == "2020"
    assert all("Kamerbrief" in c.bron for c in background().cijfers)


@pytest.mark.parametrize(
    ("name", "schema"),
    [("noodgeval/algemeen.json", "noodgeval.schema.json"),
     ("achtergrond/algemeen.json", "achtergrond.schema.json"),
     ("regionaal/verslavingszorg.json", "regionaal.schema.json")],
)  # fmt: skip
def test_shared_content_files_valid_with_reference_validator(name: str, schema: str) -> None:
    import jsonschema

    doc = json.loads((data_dir() / name).read_text("utf-8"))
    jsonschema.Draft202012Validator(
        json.loads((data_dir() / "schema" / schema).read_text("utf-8"))
    ).validate(doc)


def test_an_old_content_pack_without_the_emergency_section_is_refused_in_dutch(tmp_path) -> None:
    import shutil

    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.factsheets import load_factsheets_from

    shutil.copytree(data_dir() / "schema", tmp_path / "schema")
    (tmp_path / "middelen").mkdir()
    doc = json.loads((data_dir() / "middelen" / "ghb.json").read_text("utf-8"))
    doc["schema_versie"] = 1
    del doc["noodgeval"]
    (tmp_path / "middelen" / "ghb.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ContentError, match="inhoudsversie 1; deze Werkbank leest versie 2"):
        load_factsheets_from(tmp_path / "middelen")
