"""Traffic lights, the 'op koers' line and the plan-check rules of the plan cycle."""

from __future__ import annotations

from datetime import date

import pytest

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.domain.plan.check import check_plan
from drugspreventie_app.domain.plan.model import Actie, ActieStatus, Doel, Meting, Subdoel, new_plan
from drugspreventie_app.domain.plan.numbers import (
    NumberError,
    cell_number,
    first_number,
    format_number,
    year_in_brackets,
)
from drugspreventie_app.domain.plan.progress import (
    ACHTER,
    GEEN_GEGEVENS,
    OP_KOERS,
    doel_light,
    indicator_progress,
    missing_years,
    plan_progress,
    spent_until,
    status_for_year,
)


def _plan(nulmeting: str, streefwaarde: str, streefjaar: int | None, *metingen: tuple):
    plan = new_plan("Cyclus", "Ergens", start=2026)
    sub = Subdoel(
        omschrijving="Minder drinken in klas 4",
        indicator="Percentage klas 4 dat dronk",
        nulmeting=nulmeting,
        streefwaarde=streefwaarde,
        streefjaar=streefjaar,
        metingen=[Meting(jaar=j, waarde=w, bron="GGD") for j, w in metingen],
    )
    plan.doelen = [Doel(omschrijving="Gezond opgroeien", subdoelen=[sub])]
    return plan, plan.doelen[0], sub


@pytest.mark.parametrize(
    ("text", "number", "year"),
    [
        ("38% (2023)", 38.0, 2023),
        ("3,1 (2025)", 3.1, 2025),
        ("€ 18.000 per jaar", 18000.0, None),
        ("35 per jaar", 35.0, None),
        ("1.234,5", 1234.5, None),
        ("-2,5", -2.5, None),
        ("nog onbekend", None, None),
    ],
)
def test_numbers_in_free_text(text: str, number: float | None, year: int | None) -> None:
    assert first_number(text) == number
    assert year_in_brackets(text) == year


def test_csv_cells_read_strictly() -> None:
    assert cell_number("38%") == 38.0
    assert cell_number("38,0") == 38.0
    assert cell_number("1.234,5") == 1234.5
    assert cell_number("8.4", ".") == 8.4
    assert cell_number("1,234.5", ".") == 1234.5
    for bad in ("veel", "3,1,2", "38.0", "1.23,4"):
        with pytest.raises(NumberError, match="is geen getal"):
            cell_number(bad)
    assert format_number(1234.5) == "1.234,5" and format_number(38.0) == "38"


def test_on_the_line_is_on_track_and_far_behind_is_not() -> None:
    # nulmeting 38 in 2023, target 30 in 2027: the line is at 32 in 2026
    plan, doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"))
    progress = indicator_progress(plan, doel, sub)
    assert progress.expected(2026) == pytest.approx(32.0)
    assert progress.expected(2030) == pytest.approx(30.0)  # after the target year: the target
    assert progress.light == OP_KOERS
    sub.metingen[0].waarde = "32,7"  # within a tenth of the planned change (0,8)
    assert indicator_progress(plan, doel, sub).light == OP_KOERS
    sub.metingen[0].waarde = "34"
    behind = indicator_progress(plan, doel, sub)
    assert behind.light == ACHTER
    assert behind.reason == "In 2026 gemeten 34; op koers was 32."


def test_a_rising_target_and_a_later_measurement_of_the_same_year_wins() -> None:
    plan, doel, sub = _plan("52% (2024)", "75%", 2028, (2026, "50%"), (2026, "64%"))
    assert indicator_progress(plan, doel, sub).light == OP_KOERS  # 64 >= 63,5


def test_no_numbers_means_no_light_and_says_what_is_missing() -> None:
    plan, doel, sub = _plan("ongeveer een derde", "minder", None)
    progress = indicator_progress(plan, doel, sub)
    assert progress.light == GEEN_GEGEVENS
    assert "nulmeting als getal" in progress.reason and "meting met jaar" in progress.reason


def test_nulmeting_without_year_counts_from_the_year_before_the_period() -> None:
    plan, doel, sub = _plan("40", "20", 2029, (2027, "30"))
    progress = indicator_progress(plan, doel, sub)
    assert progress.start is not None and progress.start.jaar == 2025
    assert progress.expected(2027) == pytest.approx(30.0)


def test_until_leaves_later_years_out() -> None:
    plan, doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"), (2027, "37%"))
    assert indicator_progress(plan, doel, sub).light == ACHTER
    assert indicator_progress(plan, doel, sub, until=2026).light == OP_KOERS


def test_moving_away_from_the_target() -> None:
    plan, doel, sub = _plan("14 (2024)", "35", 2028, (2026, "22"), (2027, "20"))
    assert indicator_progress(plan, doel, sub).moving_away
    sub.metingen[1].waarde = "25"
    assert not indicator_progress(plan, doel, sub).moving_away


def test_goal_light_is_the_worst_of_its_indicators() -> None:
    plan, doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"))
    good = indicator_progress(plan, doel, sub)
    sub.metingen[0].waarde = "38%"
    bad = indicator_progress(plan, doel, sub)
    assert doel_light([good, bad]) == ACHTER
    assert doel_light([good]) == OP_KOERS
    assert doel_light([]) == GEEN_GEGEVENS


def test_missing_years_are_the_years_that_are_over() -> None:
    plan, _doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"))
    assert missing_years(plan, sub, 2026) == []  # 2026 is not over yet
    assert missing_years(plan, sub, 2029) == [2027, 2028]
    assert missing_years(plan, sub, 2040) == [2027, 2028, 2029]


def test_action_status_per_year() -> None:
    actie = Actie(
        naam="Helder op School",
        voortgang=[
            ActieStatus(jaar=2026, status="loopt", uitgegeven=14_500, bereik=5),
            ActieStatus(jaar=2027, status="afgerond", uitgegeven=18_000),
        ],
    )
    status = status_for_year(actie, 2027)
    assert status is not None and status.status == "afgerond"
    assert status_for_year(actie, 2028) is None
    assert spent_until(actie, 2026) == 14_500
    assert spent_until(actie, 2027) == 32_500


# -- plan check ------------------------------------------------------------------------------


def _keys(plan, year: int) -> list[str]:
    findings = check_plan(plan, {}, None, today=date(year, 3, 1))
    return [f.key for f in findings]


def test_check_names_a_monitoring_year_without_measurement() -> None:
    plan, _doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"))
    assert "meting_ontbreekt" not in _keys(plan, 2027)
    findings = check_plan(plan, {}, None, today=date(2029, 3, 1))
    found = [f for f in findings if f.key == "meting_ontbreekt"]
    assert len(found) == 1 and found[0].item_id == sub.id
    assert "over de jaren 2027 en 2028" in found[0].text
    assert found[0].section == "evaluatie" and found[0].severity == "waarschuwing"


def test_a_recorded_year_without_value_is_not_missing() -> None:
    plan, _doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"))
    sub.metingen.append(Meting(jaar=2027, waarde="", bron="GGD", toelichting="tweejaarlijks"))
    assert "meting_ontbreekt" not in _keys(plan, 2028)


def test_check_names_a_measurement_without_source_or_year() -> None:
    plan, _doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"))
    sub.metingen[0].bron = ""
    sub.metingen.append(Meting(jaar=None, waarde="31%", bron="GGD"))
    texts = [f.text for f in check_plan(plan, {}, None) if f.key == "meting_onvolledig"]
    assert len(texts) == 2
    assert "ontbreekt de bron" in texts[0] and "ontbreekt het jaar" in texts[1]


def test_check_names_an_indicator_moving_away_from_its_target() -> None:
    plan, _doel, _sub = _plan("14 (2024)", "35", 2028, (2026, "22"), (2027, "20"))
    assert "indicator_wijkt_af" in _keys(plan, 2027)
    plan.doelen[0].subdoelen[0].metingen[1].waarde = "27"
    assert "indicator_wijkt_af" not in _keys(plan, 2027)


def test_example_plan_shows_a_filled_in_cycle() -> None:
    plan = example_plan()
    lights = {p.subdoel.indicator[:20]: p.light for p in plan_progress(plan)}
    assert set(lights.values()) == {OP_KOERS, ACHTER}
    assert all(len(s.metingen) == 2 for s in plan.all_subdoelen())
    assert all({v.jaar for v in a.voortgang} == {2026, 2027} for a in plan.acties)
    sources = [m.bron for s in plan.all_subdoelen() for m in s.metingen]
    assert all("fictief" in b.lower() or b == "GGD Gezondheidsmonitor Jeugd" for b in sources)
    findings = check_plan(plan, today=date(2028, 3, 1))
    assert [f.key for f in findings if f.key.startswith("meting")] == []


# -- the chart as shapes -----------------------------------------------------------------------


def test_chart_shapes_show_line_markers_and_stay_in_their_box() -> None:
    from drugspreventie_app.domain.plan.progress_chart import (
        Label,
        Line,
        Marker,
        chart_alt_text,
        chart_shapes,
    )

    plan, doel, sub = _plan("38% (2023)", "30%", 2027, (2026, "32%"), (2027, "31%"))
    progress = indicator_progress(plan, doel, sub)
    shapes = chart_shapes(progress, 250, 150, (2026, 2029))
    markers = [s for s in shapes if isinstance(s, Marker)]
    assert [m.shape for m in markers] == ["square", "diamond", "circle", "circle"]
    dashed = [s for s in shapes if isinstance(s, Line) and s.dashed]
    assert len(dashed) == 1  # the "op koers" line from nulmeting to streefwaarde
    square, diamond = markers[0], markers[1]
    assert (dashed[0].x1, dashed[0].y1, dashed[0].x2, dashed[0].y2) == (
        square.x,
        square.y,
        diamond.x,
        diamond.y,
    )
    assert square.y < diamond.y  # 38 is drawn above 30: y grows downwards
    years = [
        s.text for s in shapes if isinstance(s, Label) and s.text.isdigit() and len(s.text) == 4
    ]
    assert years == ["2023", "2024", "2025", "2026", "2027", "2028", "2029"]
    for s in shapes:
        xs = (s.x1, s.x2) if isinstance(s, Line) else (s.x,)
        ys = (s.y1, s.y2) if isinstance(s, Line) else (s.y,)
        assert all(0 <= x <= 250 for x in xs) and all(0 <= y <= 150 for y in ys)
    assert chart_alt_text(progress) == (
        "Indicator: Percentage klas 4 dat dronk. Nulmeting 38 in 2023. Streefwaarde 30 in 2027. "
        "Gemeten: 2026: 32, 2027: 31."
    )


def test_chart_without_numbers_says_so() -> None:
    from drugspreventie_app.domain.plan.progress_chart import Label, chart_shapes

    plan, doel, sub = _plan("matig", "goed", 2029)
    shapes = chart_shapes(indicator_progress(plan, doel, sub), 250, 150, (2026, 2029))
    assert [s.text for s in shapes if isinstance(s, Label)] == ["geen getallen"]
