"""Progress at a glance: for each subdoel the nulmeting, the measurements and the
streefwaarde as points in time, the straight line between nulmeting and streefwaarde ("op
koers"), and a traffic light.

The traffic light compares the latest measurement with where the straight line says the
indicator should be in that year. A measurement on the line or past it (towards the target)
is "op koers"; so is one that falls short by at most a tenth of the planned change, because
yearly monitor figures move a little by chance. Anything further behind is "achter". Without
a numeric nulmeting, streefwaarde, streefjaar or measurement the light says "geen gegevens"
and names what is missing, rather than guessing.

Plain Python, no Qt: the progress view, the plan check and the progress report all use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drugspreventie_app.domain.plan.model import Actie, ActieStatus, Doel, Meting, Plan, Subdoel
from drugspreventie_app.domain.plan.numbers import first_number, format_number, year_in_brackets
from drugspreventie_app.domain.text import join_words

OP_KOERS = "op_koers"
ACHTER = "achter"
GEEN_GEGEVENS = "geen_gegevens"
LIGHT_LABELS = {OP_KOERS: "Op koers", ACHTER: "Achter", GEEN_GEGEVENS: "Geen gegevens"}
LIGHT_COLOURS = {OP_KOERS: "#2e7d32", ACHTER: "#c62828", GEEN_GEGEVENS: "#757575"}

TOLERANCE = 0.10  # share of the planned change a measurement may lag and still be on track
STEADY_TOLERANCE = 0.05  # for a target equal to the nulmeting: share of the target


@dataclass(frozen=True)
class Point:
    jaar: int
    waarde: float


@dataclass(frozen=True)
class IndicatorProgress:
    doel: Doel
    subdoel: Subdoel
    start: Point | None  # the nulmeting
    target: Point | None  # the streefwaarde in the streefjaar
    measurements: tuple[Point, ...]  # numeric measurements with a year, by year
    light: str
    reason: str  # Dutch: why this light

    @property
    def latest(self) -> Point | None:
        return self.measurements[-1] if self.measurements else None

    def expected(self, jaar: int) -> float | None:
        """Where the straight line from nulmeting to streefwaarde is in `jaar`."""
        if self.start is None or self.target is None or self.target.jaar <= self.start.jaar:
            return None
        jaar = max(self.start.jaar, min(jaar, self.target.jaar))
        share = (jaar - self.start.jaar) / (self.target.jaar - self.start.jaar)
        return self.start.waarde + share * (self.target.waarde - self.start.waarde)

    @property
    def moving_away(self) -> bool:
        """The latest measurement is further from the target than the one before it (or than
        the nulmeting, when there is only one)."""
        if self.target is None or not self.measurements:
            return False
        before = self.measurements[-2] if len(self.measurements) > 1 else self.start
        if before is None:
            return False
        latest = self.measurements[-1]
        margin = _steady_margin(self.target.waarde)
        return abs(latest.waarde - self.target.waarde) > (
            abs(before.waarde - self.target.waarde) + margin
        )


def _steady_margin(target: float) -> float:
    return max(abs(target) * 1e-9, 1e-9)


def baseline_year(plan: Plan, subdoel: Subdoel) -> int:
    """The year of the nulmeting: as written with it ("38% (2023)"), else the year before
    the plan's period, when a nulmeting is usually taken."""
    return year_in_brackets(subdoel.nulmeting) or plan.periode_start - 1


def measurement_points(subdoel: Subdoel, until: int | None = None) -> tuple[Point, ...]:
    """Numeric measurements with a year, by year; a later entry for the same year wins."""
    by_year: dict[int, float] = {}
    for meting in subdoel.metingen:
        value = first_number(meting.waarde)
        if meting.jaar is None or value is None or (until is not None and meting.jaar > until):
            continue
        by_year[meting.jaar] = value
    return tuple(Point(jaar, by_year[jaar]) for jaar in sorted(by_year))


def indicator_progress(
    plan: Plan, doel: Doel, subdoel: Subdoel, until: int | None = None
) -> IndicatorProgress:
    """The progress of one subdoel, counting measurements up to and including `until`."""
    start_value = first_number(subdoel.nulmeting)
    target_value = first_number(subdoel.streefwaarde)
    start = Point(baseline_year(plan, subdoel), start_value) if start_value is not None else None
    target = (
        Point(subdoel.streefjaar, target_value)
        if target_value is not None and subdoel.streefjaar is not None
        else None
    )
    points = measurement_points(subdoel, until)
    light, reason = _light(start, target, points)
    return IndicatorProgress(doel, subdoel, start, target, points, light, reason)


def _light(start: Point | None, target: Point | None, points: tuple[Point, ...]) -> tuple[str, str]:
    missing = []
    if start is None:
        missing.append("een nulmeting als getal")
    if target is None:
        missing.append("een streefwaarde als getal met een streefjaar")
    if not points:
        missing.append("een meting met jaar en waarde")
    if missing:
        return GEEN_GEGEVENS, "Er ontbreekt " + _join(missing) + "."
    assert start is not None and target is not None
    if target.jaar <= start.jaar:
        return GEEN_GEGEVENS, (
            f"Het streefjaar ({target.jaar}) ligt niet na het jaar van de nulmeting ({start.jaar})."
        )
    latest = points[-1]
    jaar = max(start.jaar, min(latest.jaar, target.jaar))
    expected = start.waarde + (jaar - start.jaar) / (target.jaar - start.jaar) * (
        target.waarde - start.waarde
    )
    change = target.waarde - start.waarde
    if change == 0:
        margin = max(abs(target.waarde) * STEADY_TOLERANCE, 1e-9)
        on_track = abs(latest.waarde - target.waarde) <= margin
    else:
        direction = 1 if change > 0 else -1
        on_track = (latest.waarde - expected) * direction >= -TOLERANCE * abs(change)
    where = f"In {latest.jaar} gemeten {_fmt(latest.waarde)}; op koers was {_fmt(expected)}."
    return (OP_KOERS, where) if on_track else (ACHTER, where)


def _fmt(value: float) -> str:
    return format_number(round(value, 1))


_join = join_words


def plan_progress(plan: Plan, until: int | None = None) -> list[IndicatorProgress]:
    """Every subdoel with an indicator, in plan order."""
    return [
        indicator_progress(plan, doel, sub, until)
        for doel in plan.doelen
        for sub in doel.subdoelen
        if sub.indicator.strip()
    ]


def doel_light(items: list[IndicatorProgress]) -> str:
    """One light for a goal: achter when any indicator is behind, op koers when at least one
    is on track and none behind, else geen gegevens."""
    lights = {i.light for i in items}
    if ACHTER in lights:
        return ACHTER
    if OP_KOERS in lights:
        return OP_KOERS
    return GEEN_GEGEVENS


def monitoring_years(plan: Plan, current_year: int) -> list[int]:
    """The years of the period that are over, so a measurement over them can be expected."""
    return list(range(plan.periode_start, min(plan.periode_eind, current_year - 1) + 1))


def missing_years(plan: Plan, subdoel: Subdoel, current_year: int) -> list[int]:
    measured = {m.jaar for m in subdoel.metingen if m.jaar is not None}
    return [y for y in monitoring_years(plan, current_year) if y not in measured]


def status_for_year(actie: Actie, jaar: int) -> ActieStatus | None:
    """The action's status in `jaar`; when a year was entered twice, the last entry."""
    found = None
    for entry in actie.voortgang:
        if entry.jaar == jaar:
            found = entry
    return found


def statuses_until(actie: Actie, until: int) -> list[ActieStatus]:
    return sorted((s for s in actie.voortgang if s.jaar <= until), key=lambda s: s.jaar)


def spent_until(actie: Actie, until: int) -> int | None:
    amounts = [s.uitgegeven for s in actie.voortgang if s.jaar <= until and s.uitgegeven]
    return sum(amounts) if amounts else None


def measurements_until(plan: Plan, until: int) -> Iterator[tuple[Subdoel, Meting]]:
    """Every measurement up to `until`, by subdoel in plan order and then by year."""
    for sub in plan.all_subdoelen():
        for meting in sorted(
            (m for m in sub.metingen if m.jaar is None or m.jaar <= until),
            key=lambda m: (m.jaar is None, m.jaar or 0),
        ):
            yield sub, meting
