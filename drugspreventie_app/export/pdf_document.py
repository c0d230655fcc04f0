"""The A4 page frame every PDF of the app shares: fonts, styles, footer, 'pagina X van Y'."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from drugspreventie_app.export.fonts import BOLD, FAMILY, ITALIC, register_fonts
from drugspreventie_app.export.markup import plain_line
from drugspreventie_app.storage.atomic import atomic_write_bytes

MARGIN_MM = 18


@dataclass(frozen=True)
class PdfMeta:
    title: str
    author: str = ""
    subject: str = ""
    footer: str = ""  # left part of the footer, e.g. the organisation
    printed: date | None = None


def styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle(
        "Body",
        fontName=FAMILY,
        bulletFontName=FAMILY,
        fontSize=10,
        leading=14,
        spaceAfter=4,
        splitLongWords=1,
    )
    return {
        "body": base,
        "small": ParagraphStyle("Small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle(
            "Muted", parent=base, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444")
        ),
        "title": ParagraphStyle(
            "Title", parent=base, fontName=BOLD, fontSize=20, leading=25, spaceAfter=8
        ),
        "subtitle": ParagraphStyle(
            "Subtitle", parent=base, fontName=ITALIC, fontSize=11, leading=15, spaceAfter=8
        ),
        "h1": ParagraphStyle(
            "H1", parent=base, fontName=BOLD, fontSize=14, leading=18, spaceBefore=10, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "H2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "bullet": ParagraphStyle(
            "Bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2
        ),
        "box": ParagraphStyle(
            "Box",
            parent=base,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            borderColor=colors.black,
            borderWidth=1,
            borderPadding=6,
            spaceBefore=6,
            spaceAfter=10,
        ),
    }


def _numbered_canvas_class(meta: PdfMeta) -> type:
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    printed = (meta.printed or date.today()).strftime("%d-%m-%Y")
    footer_left = plain_line(meta.footer, 70)

    class NumberedCanvas(canvas.Canvas):
        """Draws the footer after all pages exist, so it can say 'van Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = 10 * mm
            self.setFont(FAMILY, 7.5)
            self.setLineWidth(0.4)
            self.line(MARGIN_MM * mm, y + 4 * mm, width - MARGIN_MM * mm, y + 4 * mm)
            self.drawString(MARGIN_MM * mm, y, footer_left)
            self.drawCentredString(width / 2 + 20 * mm, y, f"afgedrukt {printed}")
            self.drawRightString(
                width - MARGIN_MM * mm, y, f"pagina {self._pageNumber} van {total}"
            )

    return NumberedCanvas


def render_pdf(story: list[Any], meta: PdfMeta) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=plain_line(meta.title, 200),
        author=plain_line(meta.author, 200),
        subject=plain_line(meta.subject, 200),
        creator="Drugspreventie Werkbank",
        lang="nl-NL",
        # Otherwise every page starts in Helvetica, which cannot show ĳ, ł or €.
        initialFontName=FAMILY,
    )
    doc.build(story, canvasmaker=_numbered_canvas_class(meta))
    return buffer.getvalue()


def write_pdf(target: Path, story: list[Any], meta: PdfMeta) -> Path:
    target = Path(target)
    atomic_write_bytes(target, render_pdf(story, meta))
    return target
