"""The indicator chart of `domain.plan.progress_chart` on paper: as reportlab vector
graphics in the PDF, and as a PNG picture (Pillow, 200 dpi) in the Word document."""

from __future__ import annotations

import io
from typing import Any

from drugspreventie_app.domain.plan.progress_chart import Label, Line, Marker, Shape
from drugspreventie_app.export.fonts import FAMILY, register_fonts
from drugspreventie_app.locator import resource

DPI = 200


def chart_drawing(shapes: list[Shape], width: float, height: float) -> Any:
    """A reportlab Drawing (a flowable) of `shapes`; reportlab's y grows upwards."""
    from reportlab.graphics.shapes import Circle, Drawing, Polygon, Rect, String
    from reportlab.graphics.shapes import Line as RlLine
    from reportlab.lib import colors

    register_fonts()
    drawing = Drawing(width, height)
    colour_cache: dict[str, Any] = {}

    def colour(name: str) -> Any:
        if name not in colour_cache:
            colour_cache[name] = colors.HexColor(name)
        return colour_cache[name]

    for s in shapes:
        if isinstance(s, Line):
            line = RlLine(s.x1, height - s.y1, s.x2, height - s.y2)
            line.strokeColor = colour(s.colour)
            line.strokeWidth = s.width
            if s.dashed:
                line.strokeDashArray = [3, 2]
            drawing.add(line)
        elif isinstance(s, Marker):
            x, y, half = s.x, height - s.y, s.size / 2
            if s.shape == "circle":
                shape: Any = Circle(x, y, half)
            elif s.shape == "square":
                shape = Rect(x - half, y - half, s.size, s.size)
            else:
                shape = Polygon([x, y + half, x + half, y, x, y - half, x - half, y])
            shape.fillColor = colour(s.fill)
            shape.strokeColor = colour(s.stroke)
            shape.strokeWidth = 0.8
            drawing.add(shape)
        elif isinstance(s, Label):
            drawing.add(
                String(
                    s.x,
                    height - s.y,
                    s.text,
                    fontName=FAMILY,
                    fontSize=s.size,
                    fillColor=colour(s.colour),
                    textAnchor=s.anchor,
                )
            )
    return drawing


def chart_png(shapes: list[Shape], width: float, height: float) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    scale = DPI / 72
    image = Image.new("RGB", (round(width * scale) + 1, round(height * scale) + 1), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[float, Any] = {}
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for s in shapes:
        if isinstance(s, Line):
            points = (s.x1 * scale, s.y1 * scale, s.x2 * scale, s.y2 * scale)
            width_px = max(1, round(s.width * scale))
            if s.dashed:
                _dashed(draw, points, s.colour, width_px, 3 * scale, 2 * scale)
            else:
                draw.line(points, fill=s.colour, width=width_px)
        elif isinstance(s, Marker):
            x, y, half = s.x * scale, s.y * scale, s.size / 2 * scale
            box = (x - half, y - half, x + half, y + half)
            if s.shape == "circle":
                draw.ellipse(box, fill=s.fill, outline=s.stroke, width=2)
            elif s.shape == "square":
                draw.rectangle(box, fill=s.fill, outline=s.stroke, width=2)
            else:
                draw.polygon(
                    [(x, y - half), (x + half, y), (x, y + half), (x - half, y)],
                    fill=s.fill,
                    outline=s.stroke,
                    width=2,
                )
        elif isinstance(s, Label):
            if s.size not in fonts:
                path = str(resource("fonts", f"{FAMILY}.ttf"))
                fonts[s.size] = ImageFont.truetype(path, s.size * scale)
            draw.text(
                (s.x * scale, s.y * scale),
                s.text,
                fill=s.colour,
                font=fonts[s.size],
                anchor=anchors.get(s.anchor, "ls"),
            )
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI), optimize=True)
    return out.getvalue()


def _dashed(
    draw: Any, points: tuple[float, ...], fill: str, width: int, on: float, off: float
) -> None:
    x1, y1, x2, y2 = points
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if length == 0:
        return
    dx, dy = (x2 - x1) / length, (y2 - y1) / length
    pos = 0.0
    while pos < length:
        end = min(pos + on, length)
        draw.line(
            (x1 + dx * pos, y1 + dy * pos, x1 + dx * end, y1 + dy * end), fill=fill, width=width
        )
        pos = end + off
