from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

import pytest

from drugspreventie_app.content.example_plan import (
    example_plan,
    example_plan_path,
    fresh_example_plan,
)
from drugspreventie_app.content.interventions import catalogue
from drugspreventie_app.domain.plan.check import check_plan
from drugspreventie_app.domain.plan.options import KWETSBARE_GROEPEN, MONITORS
from drugspreventie_app.domain.plan.plan_file import FORMAT, VERSION
from tests.helpers.seed_copy import SEEDS, copied_runs, strings


def _filled(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def test_loads_as_a_plan_file() -> None:
    data = json.loads(example_plan_path().read_text("utf-8"))
    assert data["formaat"] == FORMAT and data["versie"] == VERSION
    plan = example_plan()
    assert plan.gemeente == "Gemeente Voorbeeld"
    assert (plan.reikwijdte, plan.status) == ("beide", "concept")
    assert (plan.periode_start, plan.periode_eind) == (2026, 2029)
    assert plan.auteur == "Beleidsmedewerker Gezondheid"
    assert example_plan() == plan and example_plan() is not plan


def test_is_marked_fictional() -> None:
    assert "fictief" in example_plan().inleiding.aanleiding_toelichting


def test_every_section_is_filled() -> None:
    plan = example_plan()
    optional = {"aanleiding_anders", "model_anders"}  # only for the choice 'anders'
    for section in (
        plan.inleiding,
        plan.beleidsfocus,
        plan.lokale_situatie,
        plan.evaluatie,
        plan.communicatie,
    ):
        for f in fields(section):
            if f.name not in optional:
                assert _filled(getattr(section, f.name)), f"{type(section).__name__}.{f.name}"
    assert plan.beleidsfocus.model == "rivm"
    for kader in [*plan.inleiding.wetten, *plan.inleiding.lokale_kaders]:
        assert kader.toelichting.strip(), kader.naam
    for item in [*plan.lokale_situatie.cijfers, *plan.lokale_situatie.stakeholders,
                 *plan.doelen, *plan.all_subdoelen(), *plan.handhaving]:  # fmt: skip
        for f in fields(item):
            assert _filled(getattr(item, f.name)), f"{type(item).__name__}.{f.name}"


def test_local_situation() -> None:
    situatie = example_plan().lokale_situatie
    assert 3 <= len(situatie.cijfers) <= 5
    assert all(c.bron in MONITORS for c in situatie.cijfers)
    assert len(set(situatie.doelgroepen) & set(KWETSBARE_GROEPEN)) >= 2
    names = [s.organisatie for s in situatie.stakeholders]
    assert "Preventieafdeling verslavingszorg (IVZ)" in names
    ivz = situatie.stakeholders[names.index("Preventieafdeling verslavingszorg (IVZ)")]
    assert ivz.verslavingspreventie
    text = " ".join(names).lower()
    for partner in ("ggd", "scholen", "politie", "jongerenwerk", "horeca"):
        assert partner in text


def test_goals_and_actions() -> None:
    plan = example_plan()
    assert len(plan.doelen) == 3 and all(len(d.subdoelen) == 2 for d in plan.doelen)
    assert all(s.streefjaar and 2026 <= s.streefjaar <= 2029 for s in plan.all_subdoelen())
    assert 7 <= len(plan.acties) <= 9
    known = {i.id for i in catalogue()}
    used = [a.interventie_id for a in plan.acties if a.interventie_id is not None]
    assert set(used) <= known
    assert {"helder-op-school", "moti-4", "ehbdu"} <= set(used)
    assert any(a.interventie_id is None for a in plan.acties)  # a free measure
    assert {"U", "S", "I", "HR"} <= {a.niveau for a in plan.acties}
    assert len({a.component for a in plan.acties}) >= 3
    subdoelen = {s.id for s in plan.all_subdoelen()}
    for actie in plan.acties:
        assert actie.subdoelen and set(actie.subdoelen) <= subdoelen, actie.naam
        for key in ("uitvoerder", "partners", "start", "eind", "budget", "terugkoppeling"):
            assert getattr(actie, key).strip(), f"{actie.naam}: {key}"
        assert "massamediaal" not in actie.werkvormen
    served = {sid for a in plan.acties for sid in a.subdoelen}
    assert served == subdoelen
    assert {"apv", "leeftijdsgrens", "toezicht", "bibob"} <= {h.maatregel for h in plan.handhaving}


def test_plan_check_finds_nothing_to_fix() -> None:
    # Early 2028: the example's two years of measurements (2026, 2027) are all that is due.
    # From 2029 on the check rightly asks for a 2028 measurement.
    findings = check_plan(example_plan(), today=date(2028, 3, 1))
    serious = [f"{f.severity}: {f.text}" for f in findings if f.severity != "tip"]
    assert not serious


def test_fresh_copy_has_a_new_id() -> None:
    first, second = fresh_example_plan(), fresh_example_plan()
    assert first.id != second.id != example_plan().id
    assert first.doelen == example_plan().doelen


@pytest.mark.skipif(not SEEDS.is_dir(), reason="de bronnen (shared/seeds) staan niet naast de repo")
def test_no_sentence_copied_from_the_seeds() -> None:
    data = json.loads(example_plan_path().read_text("utf-8"))
    texts = [s for s in strings(data) if s not in KWETSBARE_GROEPEN]  # the app's own choices
    copied = copied_runs(texts)
    assert not copied, f"letterlijk uit de bronnen: {copied[0]!r}"
