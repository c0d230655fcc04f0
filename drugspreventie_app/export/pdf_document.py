"""The A4 page frame every PDF of the app shares: fonts, styles, footer, 'pagina X van Y'."""

from __future__ import annotations

import hashlib
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
        # keepWithNext: a heading never stands alone at the foot of a page
        "h1": ParagraphStyle(
            "H1",
            parent=base,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "H2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
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


TOC_STYLE = "TocEntry"  # paragraphs in this style become table-of-contents entries


def render_pdf(story: list[Any], meta: PdfMeta, *, with_toc: bool = False) -> bytes:
    """Render `story` on the shared A4 frame.

    With `with_toc`, paragraphs whose style is named `TOC_STYLE` are listed in any
    `TableOfContents` flowable in the story and become PDF bookmarks; that needs the
    two-pass `multiBuild`.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()

    class _Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:
            style = getattr(flowable, "style", None)
            if with_toc and getattr(style, "name", "") == TOC_STYLE:
                text = flowable.getPlainText()
                # reportlab parses the key back as a literal: keep it to plain characters
                key = "toc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(text, key, level=0)
                self.notify("TOCEntry", (0, text, self.page, key))

    buffer = io.BytesIO()
    doc = _Doc(
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
    canvasmaker = _numbered_canvas_class(meta)
    if with_toc:
        doc.multiBuild(story, canvasmaker=canvasmaker)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


def write_pdf(target: Path, story: list[Any], meta: PdfMeta, *, with_toc: bool = False) -> Path:
    target = Path(target)
    atomic_write_bytes(target, render_pdf(story, meta, with_toc=with_toc), document=True)
    return target
