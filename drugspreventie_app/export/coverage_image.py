"""The coverage of a plan's actions (settings × prevention levels) as a PNG picture, for the
Word export: counts per cell, gaps hatched with a 0 so they show in black and white.

The picture is laid out as simple shapes (rectangles, lines, text) and drawn with Pillow in
the bundled DejaVu Sans.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

from drugspreventie_app.domain.intervention import NIVEAUS, SETTINGS
from drugspreventie_app.export.fonts import BOLD, FAMILY, register_fonts
from drugspreventie_app.locator import resource

DPI = 200
MM = 72 / 25.4  # points per millimetre
SETTING_W, NIVEAU_W, TOTAL_W = 46 * MM, 22 * MM, 16 * MM
HEAD_H, ROW_H = 12 * MM, 7 * MM
PAD = 4.0
GRID = "#000000"
SHADE = "#e0e0e0"
GAP_FILL = "#ececec"
HATCH = "#7a7a7a"
HATCH_STEP = 4.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float  # top, in points from the top of the picture
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = GRID
    width: float = 0.5


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline, in points from the top
    text: str
    size: float
    bold: bool = False
    centre: bool = False


Shape = Rect | Line | Text


def _fit(text: str, font: str, size: float, room: float, smallest: float = 5.5) -> float:
    """The largest font size (at most `size`) at which `text` fits in `room` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > smallest and stringWidth(text, font, size) > room:
        size -= 0.25
    return size


def _hatch(x: float, y: float, w: float, h: float) -> list[Line]:
    """Diagonal lines (bottom-left to top-right) clipped to the cell."""
    out = []
    k = -h
    while k < w:
        t0, t1 = max(0.0, -k), min(h, w - k)
        if t1 > t0:
            out.append(Line(x + k + t0, y + h - t0, x + k + t1, y + h - t1, HATCH, 0.5))
        k += HATCH_STEP
    return out


def coverage_layout(counts: Mapping[tuple[str, str], int]) -> tuple[float, float, list[Shape]]:
    """Width and height in points and the shapes of the coverage grid."""
    register_fonts()
    niveaus = list(NIVEAUS)
    width = SETTING_W + NIVEAU_W * len(niveaus) + TOTAL_W
    height = HEAD_H + ROW_H * (len(SETTINGS) + 1)
    shapes: list[Shape] = [Rect(0, 0, width, height, fill="#ffffff")]
    xs = [0.0, SETTING_W]
    xs += [SETTING_W + NIVEAU_W * (i + 1) for i in range(len(niveaus))]
    xs.append(width)
    # header and totals shading
    shapes.append(Rect(0, 0, width, HEAD_H, fill=SHADE))
    shapes.append(Rect(0, height - ROW_H, width, ROW_H, fill=SHADE))
    shapes.append(Text(PAD, HEAD_H / 2 + 3, "Setting", 8.5, bold=True))
    for i, code in enumerate(niveaus):
        centre = xs[i + 1] + NIVEAU_W / 2
        shapes.append(Text(centre, HEAD_H / 2 - 1, code, 9, bold=True, centre=True))
        name = NIVEAUS[code]
        size = _fit(name, FAMILY, 7, NIVEAU_W - 4)
        shapes.append(Text(centre, HEAD_H / 2 + 9, name, size, centre=True))
    shapes.append(Text(xs[-2] + TOTAL_W / 2, HEAD_H / 2 + 3, "Totaal", 8, bold=True, centre=True))

    column_totals = [0] * len(niveaus)
    for r, (key, label) in enumerate(SETTINGS.items()):
        top = HEAD_H + ROW_H * r
        baseline = top + ROW_H / 2 + 3
        size = _fit(label, FAMILY, 8.5, SETTING_W - 2 * PAD)
        shapes.append(Text(PAD, baseline, label, size))
        row_total = 0
        for i, code in enumerate(niveaus):
            count = int(counts.get((key, code), 0))
            row_total += count
            column_totals[i] += count
            x, centre = xs[i + 1], xs[i + 1] + NIVEAU_W / 2
            if count:
                shapes.append(Text(centre, baseline, str(count), 10, bold=True, centre=True))
            else:
                shapes.append(Rect(x, top, NIVEAU_W, ROW_H, fill=GAP_FILL))
                shapes += _hatch(x, top, NIVEAU_W, ROW_H)
                shapes.append(Rect(centre - 5, top + ROW_H / 2 - 5, 10, 10, fill="#ffffff"))
                shapes.append(Text(centre, top + ROW_H / 2 + 2.8, "0", 8, centre=True))
        shapes.append(
            Text(xs[-2] + TOTAL_W / 2, baseline, str(row_total), 10, bold=True, centre=True)
        )
    baseline = height - ROW_H / 2 + 3
    shapes.append(Text(PAD, baseline, "Totaal", 8.5, bold=True))
    for i, total in enumerate(column_totals):
        centre = xs[i + 1] + NIVEAU_W / 2
        shapes.append(Text(centre, baseline, str(total), 10, bold=True, centre=True))
    shapes.append(
        Text(xs[-2] + TOTAL_W / 2, baseline, str(sum(column_totals)), 10, bold=True, centre=True)
    )
    # the grid on top of the fills
    for x in xs:
        heavy = x == xs[-2]
        shapes.append(Line(x, 0, x, height, GRID, 1.0 if heavy else 0.5))
    for r in range(len(SETTINGS) + 1):  # under the header, between rows, above the totals
        heavy = r in (0, len(SETTINGS))
        y = HEAD_H + ROW_H * r
        shapes.append(Line(0, y, width, y, GRID, 1.0 if heavy else 0.5))
    shapes.append(Rect(0, 0, width, height, stroke=GRID, width=1.0))
    return width, height, shapes


def _render_pillow(width: float, height: float, shapes: list[Shape]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    scale = DPI / 72
    image = Image.new("RGB", (round(width * scale) + 1, round(height * scale) + 1), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[bool, float], ImageFont.FreeTypeFont] = {}

    def font(bold: bool, size: float) -> ImageFont.FreeTypeFont:
        key = (bold, size)
        if key not in fonts:
            name = f"{BOLD if bold else FAMILY}.ttf"
            fonts[key] = ImageFont.truetype(str(resource("fonts", name)), size * scale)
        return fonts[key]

    for s in shapes:
        if isinstance(s, Rect):
            box = [s.x * scale, s.y * scale, (s.x + s.w) * scale, (s.y + s.h) * scale]
            if s.fill:
                draw.rectangle(box, fill=s.fill)
            if s.stroke:
                draw.rectangle(box, outline=s.stroke, width=max(1, round(s.width * scale)))
        elif isinstance(s, Line):
            draw.line(
                [s.x1 * scale, s.y1 * scale, s.x2 * scale, s.y2 * scale],
                fill=s.color,
                width=max(1, round(s.width * scale)),
            )
        else:
            draw.text(
                (s.x * scale, s.y * scale),
                s.text,
                fill="black",
                font=font(s.bold, s.size),
                anchor="ms" if s.centre else "ls",
            )
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI), optimize=True)
    return out.getvalue()


def coverage_png(counts: Mapping[tuple[str, str], int]) -> bytes:
    """The coverage grid as PNG bytes, drawn with Pillow (always available: a dependency;
    reportlab's renderPM needs a C backend that many machines lack)."""
    return _render_pillow(*coverage_layout(counts))


def coverage_size_mm() -> tuple[float, float]:
    """The picture's natural size, for placing it in a document."""
    width = SETTING_W + NIVEAU_W * len(NIVEAUS) + TOTAL_W
    height = HEAD_H + ROW_H * (len(SETTINGS) + 1)
    return width / MM, height / MM
