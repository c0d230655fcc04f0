"""Draws the shapes of `domain.plan.progress_chart` with QPainter (no browser, no image)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from drugspreventie_app.domain.plan.progress_chart import Label, Line, Marker, Shape

_colours: dict[str, QColor] = {}


def _colour(name: str) -> QColor:
    colour = _colours.get(name)
    if colour is None:
        colour = _colours[name] = QColor(name)
    return colour


def paint_shapes(painter: QPainter, shapes: Iterable[Shape], base_font: QFont) -> None:
    """Paint `shapes` with their points as device-independent pixels from the painter's
    origin; labels use `base_font` at the shape's size."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fonts: dict[float, tuple[QFont, QFontMetricsF]] = {}
    for shape in shapes:
        if isinstance(shape, Line):
            pen = QPen(_colour(shape.colour), shape.width)
            if shape.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(shape.x1, shape.y1), QPointF(shape.x2, shape.y2))
        elif isinstance(shape, Marker):
            painter.setPen(QPen(_colour(shape.stroke), 1.0))
            painter.setBrush(QBrush(_colour(shape.fill)))
            half = shape.size / 2
            if shape.shape == "circle":
                painter.drawEllipse(QPointF(shape.x, shape.y), half, half)
            elif shape.shape == "square":
                painter.drawRect(QRectF(shape.x - half, shape.y - half, shape.size, shape.size))
            else:
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(shape.x, shape.y - half),
                            QPointF(shape.x + half, shape.y),
                            QPointF(shape.x, shape.y + half),
                            QPointF(shape.x - half, shape.y),
                        ]
                    )
                )
            painter.setBrush(Qt.BrushStyle.NoBrush)
        elif isinstance(shape, Label):
            font, metrics = fonts.get(shape.size) or (None, None)
            if font is None:
                font = QFont(base_font)
                # chart sizes are points on paper; on screen they read better a bit larger
                font.setPointSizeF(shape.size + 1.5)
                metrics = QFontMetricsF(font)
                fonts[shape.size] = (font, metrics)
            assert metrics is not None
            painter.setFont(font)
            painter.setPen(_colour(shape.colour))
            width = metrics.horizontalAdvance(shape.text)
            x = shape.x
            if shape.anchor == "middle":
                x -= width / 2
            elif shape.anchor == "end":
                x -= width
            painter.drawText(QPointF(x, shape.y), shape.text)
