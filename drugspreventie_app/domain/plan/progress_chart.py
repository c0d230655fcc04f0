"""One indicator's chart as simple shapes: axes, year and value labels, the dashed "op
koers" line from nulmeting to streefwaarde, the measured values joined by a line, a square
for the nulmeting and a diamond for the streefwaarde.

The shapes are laid out once here, in points with y growing downwards, and drawn by three
thin renderers: Qt's QPainter in the window, reportlab graphics in the PDF and Pillow for the
Word picture. So the chart looks the same everywhere and is tested without any of them.
Shapes differ in form as well as colour (dashed line, square, diamond, dots), so the chart
reads in black and white.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from drugspreventie_app.domain.plan.numbers import format_number
from drugspreventie_app.domain.plan.progress import IndicatorProgress

MEASURED = "#1f4e79"
ON_TRACK = "#6b6b6b"
AXIS = "#000000"
GRID = "#d9d9d9"
TEXT = "#222222"
FONT_SIZE = 7.0
LEFT, RIGHT, TOP, BOTTOM = 34.0, 16.0, 10.0, 18.0  # room for centred year labels


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    shape: str  # "circle" | "square" | "diamond"
    size: float
    fill: str
    stroke: str = AXIS


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    anchor: str = "start"  # "start" | "middle" | "end"
    size: float = FONT_SIZE
    colour: str = TEXT


Shape = Line | Marker | Label


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that divides `span` in about `ticks`."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _value_range(values: list[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    if low >= 0 and low <= high * 0.5:
        low = 0.0  # counts and percentages read best from zero
    if high == low:
        high, low = high + 1, max(low - 1, 0.0) if low >= 0 else low - 1
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def chart_shapes(
    progress: IndicatorProgress, width: float, height: float, years: tuple[int, int]
) -> list[Shape]:
    """The chart of one indicator in a `width` x `height` box; `years` is the plan period,
    widened to the nulmeting's and the streefwaarde's years."""
    start, target = progress.start, progress.target
    points = list(progress.measurements)
    values = [p.waarde for p in points]
    values += [p.waarde for p in (start, target) if p is not None]
    if not values:
        return [
            Line(LEFT, TOP, LEFT, height - BOTTOM, AXIS),
            Line(LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM, AXIS),
            Label((LEFT + width - RIGHT) / 2, height / 2, "geen getallen", "middle"),
        ]
    first = min([years[0]] + [p.jaar for p in points] + ([start.jaar] if start else []))
    last = max([years[1]] + [p.jaar for p in points] + ([target.jaar] if target else []))
    low, high, step = _value_range(values)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM

    def x(jaar: float) -> float:
        return LEFT + (jaar - first) / max(last - first, 1) * plot_w

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * plot_h

    shapes: list[Shape] = []
    tick = low
    while tick <= high + step / 1000:
        shapes.append(Line(LEFT, y(tick), width - RIGHT, y(tick), GRID, 0.5))
        shapes.append(Label(LEFT - 3, y(tick) + FONT_SIZE / 3, _short(tick), "end"))
        tick += step
    year_step = 1 if last - first <= 8 else 2
    for jaar in range(first, last + 1, year_step):
        shapes.append(Line(x(jaar), height - BOTTOM, x(jaar), height - BOTTOM + 2.5, AXIS, 0.6))
        shapes.append(Label(x(jaar), height - BOTTOM + 4 + FONT_SIZE, str(jaar), "middle"))
    shapes.append(Line(LEFT, TOP, LEFT, height - BOTTOM, AXIS, 0.8))
    shapes.append(Line(LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM, AXIS, 0.8))
    if start is not None and target is not None and target.jaar > start.jaar:
        shapes.append(
            Line(
                x(start.jaar),
                y(start.waarde),
                x(target.jaar),
                y(target.waarde),
                ON_TRACK,
                1.2,
                True,
            )
        )
    for a, b in itertools.pairwise(points):
        shapes.append(Line(x(a.jaar), y(a.waarde), x(b.jaar), y(b.waarde), MEASURED, 1.6))
    if start is not None:
        shapes.append(Marker(x(start.jaar), y(start.waarde), "square", 5.5, "#ffffff", ON_TRACK))
    if target is not None:
        shapes.append(Marker(x(target.jaar), y(target.waarde), "diamond", 7.5, "#ffffff", AXIS))
    for p in points:
        shapes.append(Marker(x(p.jaar), y(p.waarde), "circle", 5.0, MEASURED, MEASURED))
        shapes.append(
            Label(x(p.jaar), y(p.waarde) - 4.5, _short(p.waarde), "middle", 6.5, MEASURED)
        )
    return shapes


def _short(value: float) -> str:
    return format_number(round(value, 1))


def chart_alt_text(progress: IndicatorProgress) -> str:
    """What the chart shows, in words, for screen readers and the PDF's alternative text."""
    parts = [f"Indicator: {progress.subdoel.indicator.strip() or 'zonder naam'}."]
    if progress.start is not None:
        parts.append(f"Nulmeting {_short(progress.start.waarde)} in {progress.start.jaar}.")
    if progress.target is not None:
        parts.append(f"Streefwaarde {_short(progress.target.waarde)} in {progress.target.jaar}.")
    if progress.measurements:
        shown = ", ".join(f"{p.jaar}: {_short(p.waarde)}" for p in progress.measurements)
        parts.append(f"Gemeten: {shown}.")
    else:
        parts.append("Nog geen metingen.")
    return " ".join(parts)


LEGEND = (
    ("line", MEASURED, "gemeten waarde"),
    ("dashed", ON_TRACK, "op koers (rechte lijn van nulmeting naar streefwaarde)"),
    ("square", ON_TRACK, "nulmeting"),
    ("diamond", AXIS, "streefwaarde"),
)
