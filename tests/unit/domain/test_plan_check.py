from __future__ import annotations

import pytest

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.guidance import Guidance
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.plan.check import (
    SEVERITY_ORDER,
    SRC_ALCOHOLWET,
    Finding,
    check_plan,
    check_summary,
)
from drugspreventie_app.domain.plan.model import (
    Actie,
    Cijfer,
    Doel,
    Handhavingsmaatregel,
    Plan,
    Stakeholder,
    Subdoel,
    new_plan,
)
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID


@pytest.fixture(scope="module")
def interventions() -> dict[str, Intervention]:
    return {i.id: i for i in catalogue()}


@pytest.fixture(scope="module")
def rules() -> Guidance:
    return guidance()


def clean_plan(reikwijdte: str = "beide") -> Plan:
    """A complete plan that passes every rule."""
    plan = new_plan("Samen gezond", "Aalten", reikwijdte=reikwijdte, start=2026)
    plan.inleiding.aanleiding = ["signalen"]
    plan.beleidsfocus.visie = "Jongeren groeien gezond op; gebruik beperken we en schade ook."
    plan.beleidsfocus.missie = "Zorg en veiligheid werken samen aan preventie."
    plan.beleidsfocus.model = "rivm"
    situatie = plan.lokale_situatie
    situatie.cijfers = [
        Cijfer(
            indicator="Ooit cannabis gebruikt",
            doelgroep="klas 4",
            waarde="12%",
            jaar="2023",
            bron="GGD Gezondheidsmonitor Jeugd",
        )
    ]
    situatie.bevindingen = "Jongerenwerkers zien meer 3-MMC-gebruik onder 18-plussers."
    situatie.duiding = "De cijfers en de signalen wijzen samen op een kleine groep gebruikers."
    situatie.doelgroepen = ["jongeren"]
    situatie.stakeholders = [
        Stakeholder(organisatie="Tactus Verslavingszorg", domein="zorg"),
        Stakeholder(organisatie="Politie Oost-Nederland", domein="veiligheid"),
    ]
    sub = Subdoel(
        omschrijving="Minder jongeren gebruiken cannabis",
        indicator="Percentage klas 4 dat ooit cannabis gebruikte",
        nulmeting="12% (2023)",
        streefwaarde="9%",
        streefjaar=2029,
    )
    plan.doelen = [Doel(omschrijving="Gezond opgroeien zonder middelen", subdoelen=[sub])]
    plan.acties = [
        Actie(
            naam="Drugsbeleid op school",
            niveau="U",
            setting="voortgezet_onderwijs",
            leeftijd_van=12,
            leeftijd_tot=18,
            werkvormen=["beleid"],
            component="beleid",
            rivm_pijler="regelgeving_handhaving",
            harm_pijler="vraagbeperking",
            subdoelen=[sub.id],
        ),
        Actie(
            naam="Training signaleren voor jongerenwerk",
            niveau="S",
            setting="gemeenschap",
            werkvormen=["training_professionals"],
            component="deskundigheidsbevordering",
            rivm_pijler="signalering_advies_ondersteuning",
            subdoelen=[sub.id],
        ),
        Actie(
            naam="Moti-4 gesprekken",
            niveau="I",
            setting="zorg_sociaal_domein",
            leeftijd_van=14,
            leeftijd_tot=23,
            component="vroegsignalering",
            subdoelen=[sub.id],
        ),
    ]
    plan.handhaving = [
        Handhavingsmaatregel(maatregel="leeftijdsgrens", omschrijving="Controle op 18-min")
    ]
    plan.evaluatie.jaarlijks = "Jaarlijks overleg met de uitvoerders over de voortgang."
    plan.evaluatie.tussentijds = "Evaluatie halverwege, in 2028."
    plan.evaluatie.eindevaluatie = "Eindevaluatie in 2029: zijn de doelen gehaald?"
    plan.communicatie.doelen = "Ouders weten waar ze terecht kunnen."
    plan.communicatie.doelgroepen = "Ouders van leerlingen"
    plan.communicatie.kanalen = "Ouderavonden"
    return plan


@pytest.fixture
def check(interventions, rules):
    def run(plan: Plan) -> list[Finding]:
        return check_plan(plan, interventions, rules)

    return run


def by_key(findings: list[Finding], key: str) -> list[Finding]:
    return [f for f in findings if f.key == key]


def only(findings: list[Finding], key: str) -> Finding:
    found = by_key(findings, key)
    assert len(found) == 1, found
    return found[0]


def the_subdoel(plan: Plan) -> Subdoel:
    return plan.doelen[0].subdoelen[0]


def add_action(plan: Plan, **kwargs) -> Actie:
    actie = Actie(subdoelen=[the_subdoel(plan).id], **kwargs)
    plan.acties.append(actie)
    return actie


# --- the clean plan -----------------------------------------------------------------------


@pytest.mark.parametrize("reikwijdte", ["alcohol", "drugs", "beide"])
def test_clean_plan_has_no_findings(check, reikwijdte) -> None:
    findings = check(clean_plan(reikwijdte))
    assert not [f for f in findings if f.severity in ("fout", "waarschuwing")], findings
    assert findings == []


def test_loads_catalogue_and_guidance_when_not_given() -> None:
    plan = clean_plan()
    assert check_plan(plan) == []
    add_action(
        plan,
        naam="Peers",
        interventie_id="unity",
        setting="voortgezet_onderwijs",
        leeftijd_van=13,
        leeftijd_tot=15,
        niveau="U",
    )
    assert by_key(check_plan(plan), "niet_doen_richtlijn")


def test_every_finding_is_well_formed(check) -> None:
    findings = check(Plan())  # an empty plan triggers most rules
    assert findings
    for f in findings:
        assert f.severity in SEVERITY_ORDER
        assert f.section in SECTION_BY_ID
        assert f.text.strip() and f.source.strip()
        assert f.key.isidentifier()


def test_sorted_by_severity_then_section(check) -> None:
    findings = check(Plan())
    keys = [(SEVERITY_ORDER.index(f.severity), SECTION_BY_ID[f.section].number) for f in findings]
    assert keys == sorted(keys)
    assert {f.severity for f in findings} == set(SEVERITY_ORDER)


def test_summary_counts_every_severity(check) -> None:
    assert check_summary([]) == {"fout": 0, "waarschuwing": 0, "tip": 0}
    findings = check(Plan())
    summary = check_summary(findings)
    assert list(summary) == list(SEVERITY_ORDER)
    assert sum(summary.values()) == len(findings)
    assert summary["fout"] == len([f for f in findings if f.severity == "fout"])


# --- a. problem analysis ----------------------------------------------------------------------


def test_problem_analysis_parts_are_three_findings(check) -> None:
    plan = clean_plan()
    plan.lokale_situatie.cijfers = []
    plan.lokale_situatie.bevindingen = "  "
    plan.lokale_situatie.duiding = ""
    findings = check(plan)
    assert only(findings, "geen_cijfers").severity == "fout"
    assert only(findings, "geen_bevindingen").severity == "fout"
    assert only(findings, "geen_duiding").severity == "waarschuwing"
    for key in ("geen_cijfers", "geen_bevindingen", "geen_duiding"):
        assert only(findings, key).section == "lokale_situatie"
        assert "Aalten" in only(findings, key).source


def test_problem_analysis_complete_has_no_findings(check) -> None:
    keys = {f.key for f in check(clean_plan())}
    assert not keys & {"geen_cijfers", "geen_bevindingen", "geen_duiding"}


# --- b. figures -------------------------------------------------------------------------------


def test_figure_without_source_or_year(check) -> None:
    plan = clean_plan()
    no_source = Cijfer(indicator="Lachgasgebruik", waarde="3%", jaar="2022")
    no_year = Cijfer(indicator="Drugsincidenten", waarde="14", bron="MDI")
    neither = Cijfer(indicator="Rioolwater", waarde="hoog")
    plan.lokale_situatie.cijfers += [no_source, no_year, neither]
    found = {f.item_id: f for f in by_key(check(plan), "cijfer_onvolledig")}
    assert set(found) == {no_source.id, no_year.id, neither.id}
    assert all(f.severity == "waarschuwing" for f in found.values())
    assert "ontbreekt de bron." in found[no_source.id].text
    assert "Lachgasgebruik" in found[no_source.id].text
    assert "ontbreekt het jaar." in found[no_year.id].text
    assert "ontbreken de bron en het jaar" in found[neither.id].text


def test_complete_figures_pass(check) -> None:
    assert not by_key(check(clean_plan()), "cijfer_onvolledig")


# --- c. model ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "anders"), [("", ""), ("anders", " ")])
def test_no_model(check, model, anders) -> None:
    plan = clean_plan()
    plan.beleidsfocus.model = model
    plan.beleidsfocus.model_anders = anders
    finding = only(check(plan), "geen_model")
    assert (finding.severity, finding.section) == ("fout", "beleidsfocus")


@pytest.mark.parametrize(("model", "anders"), [("rivm", ""), ("oko", ""), ("anders", "IJslands")])
def test_model_chosen(check, model, anders) -> None:
    plan = clean_plan()
    plan.beleidsfocus.model = model
    plan.beleidsfocus.model_anders = anders
    assert not by_key(check(plan), "geen_model")


# --- d. goals ---------------------------------------------------------------------------------


def test_subdoel_missing_parts_named(check) -> None:
    plan = clean_plan()
    sub = the_subdoel(plan)
    sub.nulmeting = ""
    sub.streefwaarde = ""
    finding = only(check(plan), "subdoel_onvolledig")
    assert finding.severity == "fout"
    assert finding.item_id == sub.id
    assert "Minder jongeren gebruiken cannabis" in finding.text
    assert "ontbreken de nulmeting en de streefwaarde" in finding.text
    assert "indicator" not in finding.text


def test_doel_without_subdoelen(check) -> None:
    plan = clean_plan()
    empty = Doel(omschrijving="Veilig uitgaan")
    plan.doelen.append(empty)
    finding = only(check(plan), "doel_zonder_subdoelen")
    assert (finding.severity, finding.item_id) == ("fout", empty.id)
    assert "Veilig uitgaan" in finding.text


def test_drugs_plan_without_goals_or_actions(check) -> None:
    plan = clean_plan("drugs")
    plan.doelen = []
    plan.acties = []
    findings = check(plan)
    assert only(findings, "geen_doelen").severity == "fout"
    assert only(findings, "geen_acties").severity == "fout"
    # Without actions the level and component rules stay quiet.
    assert not by_key(findings, "preventieniveau_ontbreekt")
    assert not by_key(findings, "te_weinig_componenten")


def test_complete_goals_pass(check) -> None:
    keys = {f.key for f in check(clean_plan())}
    assert not keys & {"subdoel_onvolledig", "doel_zonder_subdoelen", "geen_doelen"}


# --- e. goals and actions linked ------------------------------------------------------------


def test_subdoel_without_action(check) -> None:
    plan = clean_plan()
    lonely = Subdoel(
        omschrijving="Minder lachgasincidenten", indicator="MDI", nulmeting="5", streefwaarde="2"
    )
    plan.doelen[0].subdoelen.append(lonely)
    finding = only(check(plan), "subdoel_zonder_actie")
    assert (finding.severity, finding.item_id, finding.section) == ("fout", lonely.id, "doelen")
    assert "Minder lachgasincidenten" in finding.text


def test_action_without_subdoel(check) -> None:
    plan = clean_plan()
    loose = Actie(naam="Flyers bij de sportclub", niveau="U", subdoelen=["bestaat-niet"])
    plan.acties.append(loose)
    finding = only(check(plan), "actie_zonder_subdoel")
    assert (finding.severity, finding.item_id, finding.section) == (
        "waarschuwing",
        loose.id,
        "acties",
    )
    assert "Flyers bij de sportclub" in finding.text


def test_linked_goals_and_actions_pass(check) -> None:
    keys = {f.key for f in check(clean_plan())}
    assert not keys & {"subdoel_zonder_actie", "actie_zonder_subdoel"}


# --- f. prevention levels ---------------------------------------------------------------------


def test_missing_levels_listed_in_one_finding(check) -> None:
    plan = clean_plan()
    plan.acties = [a for a in plan.acties if a.niveau == "U"]
    finding = only(check(plan), "preventieniveau_ontbreekt")
    assert finding.severity == "waarschuwing"
    assert "selectief (S)" in finding.text and "geïndiceerd (I)" in finding.text
    assert "universeel" not in finding.text


def test_all_levels_pass(check) -> None:
    assert not by_key(check(clean_plan()), "preventieniveau_ontbreekt")


# --- g. integral components -------------------------------------------------------------------


def test_too_few_components(check) -> None:
    plan = clean_plan()
    for actie in plan.acties:
        actie.component = "voorlichting"
    plan.acties[0].component = "beleid"
    plan.handhaving = []
    finding = only(check(plan), "te_weinig_componenten")
    assert finding.severity == "waarschuwing"
    assert "2 van de 6" in finding.text


def test_enforcement_counts_as_regelgeving(check) -> None:
    plan = clean_plan()
    for actie in plan.acties:
        actie.component = "voorlichting"
    plan.acties[0].component = "beleid"
    assert plan.handhaving
    assert not by_key(check(plan), "te_weinig_componenten")


# --- h. addiction care ------------------------------------------------------------------------


def test_no_addiction_care_among_stakeholders(check) -> None:
    plan = clean_plan()
    plan.lokale_situatie.stakeholders = [Stakeholder(organisatie="GGD Noord- en Oost-Gelderland")]
    finding = only(check(plan), "geen_verslavingszorg")
    assert (finding.severity, finding.section) == ("waarschuwing", "lokale_situatie")


@pytest.mark.parametrize(
    "stakeholder",
    [
        Stakeholder(organisatie="Stichting Preventie Oost", verslavingspreventie=True),
        Stakeholder(organisatie="IrisZorg preventie"),
        Stakeholder(organisatie="JELLINEK"),
    ],
)
def test_addiction_care_recognised(check, stakeholder) -> None:
    plan = clean_plan()
    plan.lokale_situatie.stakeholders = [stakeholder]
    assert not by_key(check(plan), "geen_verslavingszorg")


# --- i. the Richtlijnen's 'niet doen' ---------------------------------------------------------


def test_unity_peer_education_for_young_pupils_is_an_error(check) -> None:
    plan = clean_plan()
    actie = add_action(
        plan,
        naam="Peer-voorlichting Unity in de klas",
        interventie_id="unity",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=13,
        leeftijd_tot=15,
    )
    finding = only(check(plan), "niet_doen_richtlijn")
    assert (finding.severity, finding.item_id, finding.section) == ("fout", actie.id, "acties")
    assert "Peer-voorlichting Unity in de klas" in finding.text
    assert "Geen peer-educatie" in finding.text  # the DontDo's tekst
    assert "Richtlijnen verslavingspreventie" in finding.text  # and its reason
    assert "13-15 jaar" in finding.text
    assert "Richtlijnen verslavingspreventie" in finding.source


def test_free_peer_education_action_is_an_error(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Leerlingen geven les",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=13,
        leeftijd_tot=15,
        werkvormen=["peer_educatie"],
    )
    assert only(check(plan), "niet_doen_richtlijn").severity == "fout"


def test_peer_education_for_older_pupils_is_fine(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Unity voor eindexamenklassen",
        interventie_id="unity",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=17,
        leeftijd_tot=18,
    )
    findings = check(plan)
    assert not by_key(findings, "niet_doen_richtlijn")
    assert not [f for f in findings if f.severity == "fout"]


def test_unity_in_nightlife_with_its_own_ages_is_fine(check) -> None:
    plan = clean_plan()
    add_action(plan, naam="Unity op het festival", interventie_id="unity", niveau="HR")
    assert not by_key(check(plan), "niet_doen_richtlijn")


def test_police_in_class_for_12_13_is_an_error(check) -> None:
    plan = clean_plan()
    actie = add_action(
        plan,
        naam="Wijkagent geeft drugsles",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=12,
        leeftijd_tot=13,
        werkvormen=["politie"],
    )
    finding = only(check(plan), "niet_doen_richtlijn")
    assert finding.item_id == actie.id
    assert "politie" in finding.text


def test_police_for_older_pupils_is_fine(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Wijkagent in de bovenbouw",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=15,
        leeftijd_tot=17,
        werkvormen=["politie"],
    )
    assert not by_key(check(plan), "niet_doen_richtlijn")


def test_intervention_ages_used_when_action_has_none(check) -> None:
    plan = clean_plan()
    # Unity is peer education for 18-25; in a school setting without ages of its own the
    # action takes those ages, and peer education is only a 'niet doen' up to 16.
    add_action(
        plan, naam="Peers", interventie_id="unity", niveau="HR", setting="voortgezet_onderwijs"
    )
    assert not by_key(check(plan), "niet_doen_richtlijn")
    plan.acties[-1].leeftijd_van, plan.acties[-1].leeftijd_tot = 13, 15
    finding = only(check(plan), "niet_doen_richtlijn")
    assert "13-15 jaar" in finding.text


def test_samen_slagen_with_the_police_as_partner_is_not_a_niet_doen(check) -> None:
    """The Richtlijnen advise against police officers teaching 12-13-year-olds, not against a
    school approach that works with the police; Samen Slagen is recommended (regression)."""
    plan = clean_plan()
    add_action(plan, naam="Samen Slagen", interventie_id="samen-slagen", niveau="S")
    add_action(plan, naam="ROC-Aanvalsplan", interventie_id="roc-aanvalsplan", niveau="U")
    findings = check(plan)
    assert not by_key(findings, "niet_doen_richtlijn")


def test_classroom_lessons_about_lachgas(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Les over lachgas",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=14,
        leeftijd_tot=15,
        werkvormen=["klassikale_voorlichting"],
    )
    finding = only(check(plan), "niet_doen_richtlijn")
    assert "lachgas" in finding.text


def test_classroom_lessons_about_lachgas_via_description(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Voorlichting klas 3",
        beschrijving="Over Lachgas en de risico's",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=14,
        leeftijd_tot=15,
        werkvormen=["klassikale_voorlichting"],
    )
    assert by_key(check(plan), "niet_doen_richtlijn")


def test_classroom_lessons_about_lachgas_via_intervention_middel(interventions, rules) -> None:
    les = Intervention(
        id="lokale-les",
        naam="Lesbrief",
        beschrijving="Een les.",
        doelgroep="klas 3",
        leeftijd_van=14,
        leeftijd_tot=15,
        settings=("voortgezet_onderwijs",),
        niveaus=("U",),
        erkenning="Niet erkend",
        middelen=("lachgas",),
        werkvormen=("klassikale_voorlichting",),
    )
    plan = clean_plan()
    add_action(plan, naam="Lesbrief", interventie_id="lokale-les", niveau="U")
    findings = check_plan(plan, {**interventions, les.id: les}, rules)
    assert only(findings, "niet_doen_richtlijn").severity == "fout"


def test_classroom_lessons_about_other_topics_are_fine(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Les over alcohol",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=14,
        leeftijd_tot=15,
        werkvormen=["klassikale_voorlichting"],
    )
    assert not by_key(check(plan), "niet_doen_richtlijn")


def test_one_finding_per_action_and_rule_over_all_ages(check) -> None:
    plan = clean_plan()
    add_action(
        plan,
        naam="Bangmaakles",
        niveau="U",
        setting="voortgezet_onderwijs",
        leeftijd_van=12,
        leeftijd_tot=18,
        werkvormen=["waarschuwend"],
    )
    assert len(by_key(check(plan), "niet_doen_richtlijn")) == 1


# --- j. mass media ----------------------------------------------------------------------------


def test_mass_media_campaign_is_a_warning(check) -> None:
    plan = clean_plan()
    actie = add_action(
        plan,
        naam="Posters in de hele stad",
        niveau="U",
        setting="media",
        werkvormen=["massamediaal"],
    )
    findings = check(plan)
    finding = only(findings, "massamediale_campagne")
    assert (finding.severity, finding.item_id) == ("waarschuwing", actie.id)
    assert "Posters in de hele stad" in finding.text
    assert "5.9" in finding.source
    assert not by_key(findings, "niet_doen_richtlijn")  # not reported twice


def test_mass_media_via_intervention(interventions, rules) -> None:
    campagne = Intervention(
        id="campagne",
        naam="Campagne",
        beschrijving="Tv-spotjes.",
        doelgroep="iedereen",
        leeftijd_van=None,
        leeftijd_tot=None,
        settings=("media",),
        niveaus=("U",),
        erkenning="Niet erkend",
        werkvormen=("massamediaal",),
    )
    plan = clean_plan()
    add_action(plan, naam="Tv-campagne", interventie_id="campagne", niveau="U")
    findings = check_plan(plan, {**interventions, campagne.id: campagne}, rules)
    assert only(findings, "massamediale_campagne").severity == "waarschuwing"


def test_targeted_communication_is_fine(check) -> None:
    plan = clean_plan()
    add_action(plan, naam="Ouderavond", niveau="U", setting="gezin", werkvormen=["ouders"])
    assert not by_key(check(plan), "massamediale_campagne")


# --- k. evaluation ----------------------------------------------------------------------------


def test_no_evaluation_is_an_error(check) -> None:
    plan = clean_plan()
    plan.evaluatie.jaarlijks = plan.evaluatie.tussentijds = plan.evaluatie.eindevaluatie = ""
    findings = check(plan)
    assert only(findings, "geen_evaluatie").severity == "fout"
    assert not by_key(findings, "evaluatie_onvolledig")


def test_partial_evaluation_is_a_tip(check) -> None:
    plan = clean_plan()
    plan.evaluatie.tussentijds = ""
    findings = check(plan)
    finding = only(findings, "evaluatie_onvolledig")
    assert finding.severity == "tip"
    assert "tussentijdse evaluatie" in finding.text
    assert not by_key(findings, "geen_evaluatie")


def test_full_evaluation_passes(check) -> None:
    keys = {f.key for f in check(clean_plan())}
    assert not keys & {"geen_evaluatie", "evaluatie_onvolledig"}


# --- l. enforcement -----------------------------------------------------------------------


def test_empty_enforcement_is_a_warning(check) -> None:
    plan = clean_plan()
    plan.handhaving = []
    finding = only(check(plan), "geen_handhaving")
    assert (finding.severity, finding.section) == ("waarschuwing", "handhaving")


def test_enforcement_present_passes(check) -> None:
    assert not by_key(check(clean_plan()), "geen_handhaving")


# --- m. Alcoholwet ----------------------------------------------------------------------------


@pytest.mark.parametrize("reikwijdte", ["alcohol", "beide"])
def test_alcohol_plan_without_streefwaarde(check, reikwijdte) -> None:
    plan = clean_plan(reikwijdte)
    the_subdoel(plan).streefwaarde = ""
    finding = only(check(plan), "alcoholwet_resultaten")
    assert finding.severity == "fout"
    assert finding.source == SRC_ALCOHOLWET
    assert "Minder jongeren gebruiken cannabis" in finding.text


def test_alcohol_plan_without_indicator(check) -> None:
    plan = clean_plan("alcohol")
    the_subdoel(plan).indicator = ""
    finding = only(check(plan), "alcoholwet_meting")
    assert (finding.severity, finding.source) == ("fout", SRC_ALCOHOLWET)


def test_alcohol_plan_without_goals_and_actions(check) -> None:
    plan = clean_plan("alcohol")
    plan.doelen = []
    plan.acties = []
    findings = check(plan)
    for key in (
        "alcoholwet_doelstellingen",
        "alcoholwet_acties",
        "alcoholwet_resultaten",
        "alcoholwet_meting",
    ):
        finding = only(findings, key)
        assert (finding.severity, finding.source) == ("fout", SRC_ALCOHOLWET)
    # The general findings are not repeated next to the legal ones.
    assert not by_key(findings, "geen_doelen")
    assert not by_key(findings, "geen_acties")


def test_drugs_plan_has_no_alcoholwet_findings(check) -> None:
    plan = clean_plan("drugs")
    the_subdoel(plan).streefwaarde = ""
    the_subdoel(plan).indicator = ""
    plan.acties = []
    findings = check(plan)
    assert not [f for f in findings if f.key.startswith("alcoholwet")]
    assert not [f for f in findings if f.source == SRC_ALCOHOLWET]


def test_complete_alcohol_plan_passes(check) -> None:
    findings = check(clean_plan("alcohol"))
    assert not [f for f in findings if f.key.startswith("alcoholwet")]


# --- n. period ----------------------------------------------------------------------------


def test_five_year_period_is_a_warning(check) -> None:
    plan = clean_plan()
    plan.periode_start, plan.periode_eind = 2026, 2030
    finding = only(check(plan), "periode_te_lang")
    assert (finding.severity, finding.section) == ("waarschuwing", "algemeen")
    assert "5 jaar" in finding.text


def test_period_ending_before_it_starts(check) -> None:
    plan = clean_plan()
    plan.periode_start, plan.periode_eind = 2029, 2026
    findings = check(plan)
    assert only(findings, "periode_ongeldig").severity == "fout"
    assert not by_key(findings, "periode_te_lang")


@pytest.mark.parametrize(("start", "eind"), [(2026, 2029), (2026, 2026), (2026, 2027)])
def test_period_up_to_four_years_passes(check, start, eind) -> None:
    plan = clean_plan()
    plan.periode_start, plan.periode_eind = start, eind
    keys = {f.key for f in check(plan)}
    assert not keys & {"periode_te_lang", "periode_ongeldig"}


# --- o. tips ----------------------------------------------------------------------------------


def test_basic_tips(check) -> None:
    plan = clean_plan()
    plan.beleidsfocus.missie = ""
    plan.lokale_situatie.doelgroepen = []
    plan.communicatie.doelen = plan.communicatie.doelgroepen = plan.communicatie.kanalen = ""
    plan.inleiding.aanleiding = []
    findings = check(plan)
    expected = {
        "geen_visie_missie": "beleidsfocus",
        "geen_doelgroepen": "lokale_situatie",
        "geen_communicatie": "communicatie",
        "geen_aanleiding": "inleiding",
    }
    for key, section in expected.items():
        finding = only(findings, key)
        assert (finding.severity, finding.section) == ("tip", section)
    assert "missie" in only(findings, "geen_visie_missie").text
    assert "visie" not in only(findings, "geen_visie_missie").text.split(":")[0]
    assert {f.severity for f in findings} == {"tip"}


def test_aanleiding_anders_without_text_is_a_tip(check) -> None:
    plan = clean_plan()
    plan.inleiding.aanleiding = ["anders"]
    assert only(check(plan), "geen_aanleiding").severity == "tip"
    plan.inleiding.aanleiding_anders = "Een incident op een festival"
    assert not by_key(check(plan), "geen_aanleiding")


def test_partial_communication_is_enough(check) -> None:
    plan = clean_plan()
    plan.communicatie.doelen = plan.communicatie.doelgroepen = ""
    assert not by_key(check(plan), "geen_communicatie")
